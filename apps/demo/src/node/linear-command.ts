import { join, resolve } from 'node:path';
import { LINEAR_DEFAULTS, runLinearExperiment, type LinearExperimentResult, type LinearExperimentSettings, type Phase } from '../shared/linear-experiment.js';
import { perturbationImage, digitGridImage } from '../shared/images.js';
import { choiceOption, fail, numberOption, pathOption, settingsFrom, type OptionSpec } from './parse-options.js';
import type { Command } from './command.js';
import { formatTable } from './format-table.js';
import { encodePng } from './encode-png.js';
import { runJsonHeader } from './run-json.js';

const d = LINEAR_DEFAULTS;
const PHASES: readonly Phase[] = ['standard', 'robust'];
const LABELS: Record<Phase, string> = { standard: 'standard training', robust: 'robust training' };

const OPTIONS: readonly OptionSpec[] = [
  {
    name: 'digits',
    arg: 'a,b',
    help: 'the two digits to separate (a -> label -1, b -> +1)',
    defaultText: d.digits.join(','),
    setting: 'digits',
    parse: (raw) => {
      const parts = raw.split(',');
      const ds = parts.map((p) => Number(p.trim()));
      if (parts.length !== 2 || parts.some((p) => !/^\s*\d\s*$/.test(p)) || ds[0] === ds[1]) fail('digits', 'two different digits 0-9 like 3,8', raw);
      return ds;
    },
  },
  choiceOption('norm', 'inf|2|1', 'the norm ball of the attack', { inf: 'linf', linf: 'linf', '2': 'l2', l2: 'l2', '1': 'l1', l1: 'l1' }, 'inf, 2 or 1', { defaultText: 'inf', setting: 'norm' }),
  numberOption('eps', 'E', 'its radius', { min: 0 }, { defaultText: String(d.epsilon), setting: 'epsilon' }),
  numberOption('seed', 'S', 'seed of init and shuffling', { min: 0, max: 2 ** 32 - 1, integer: true }, { defaultText: String(d.seed), setting: 'seed' }),
  numberOption('epochs', 'N', 'standard training epochs', { min: 1, max: 10000, integer: true }, { defaultText: String(d.epochs), setting: 'epochs' }),
  numberOption('lr', 'L', 'standard training learning rate', { min: 0, above: true }, { defaultText: String(d.learningRate), setting: 'learningRate' }),
  numberOption('robust-epochs', 'N', 'robust training epochs', { min: 1, max: 10000, integer: true }, { defaultText: String(d.robustEpochs), setting: 'robustEpochs' }),
  numberOption('robust-lr', 'L', 'robust training learning rate', { min: 0, above: true }, { defaultText: String(d.robustLearningRate), setting: 'robustLearningRate' }),
  numberOption('batch-size', 'B', 'minibatch size', { min: 1, max: 100000, integer: true }, { defaultText: String(d.batchSize), setting: 'batchSize' }),
  pathOption('out', 'DIR', 'write PNG pictures (perturbation, attacked digits)', { defaultText: 'none' }),
];

interface LinearArgs {
  settings: LinearExperimentSettings;
  out: string | undefined;
}

/**
 * `advkit-demo linear` (the default command, `pnpm demo`): the linear-model chapter of the tutorial
 * (runLinearExperiment), its table beside the tutorial's figures, and with `--out` the pictures.
 */
export const linearCommand: Command<LinearArgs> = {
  name: 'linear',
  head: `usage: pnpm demo [options]        (advkit-demo [linear] [options]; see also: pnpm demo:adversarial)

Reproduces the linear-model chapter of Kolter & Madry's adversarial robustness tutorial on MNIST
with advkit (TensorFlow.js, WebAssembly SIMD backend).`,
  options: OPTIONS,
  phases: PHASES,
  resolve: (values) => ({ settings: settingsFrom(LINEAR_DEFAULTS, values, OPTIONS), out: values.out as string | undefined }),

  async run(args, ctx) {
    const { progress } = ctx;
    const r = await runLinearExperiment(ctx.mnist, args.settings, {
      signal: ctx.signal,
      ...(ctx.checkpointing === undefined ? {} : { checkpointing: ctx.checkpointing }),
      onPhase: (p) => progress.start(LABELS[p]),
      onProgress: (_p, pr) => progress.update((pr.epoch - 1) * pr.stepsPerEpoch + pr.step, pr.epochs * pr.stepsPerEpoch, `epoch ${pr.epoch}/${pr.epochs}`),
      onEpochEnd: (p, m) =>
        progress.line(`${LABELS[p]}: epoch ${String(m.epoch).padStart(2)}  train loss ${m.trainLoss.toFixed(4)}  train error ${m.trainError.toFixed(4)}  (${m.seconds.toFixed(2)} s)`),
    });
    const outDir = args.out === undefined ? undefined : resolve(args.out);
    const files = outDir === undefined ? [] : pictures(outDir, r);
    return { json: toJson(r, ctx.backend, ctx.loadSeconds, files.map((f) => f.path)), table: formatTable(r, ctx.backend.backend), ...(outDir === undefined ? {} : { outDir }), files };
  },
};

function pictures(dir: string, r: LinearExperimentResult) {
  const png = (img: { width: number; height: number; rgb: Uint8Array }) => () => encodePng(img.width, img.height, img.rgb);
  return [
    { path: join(dir, 'perturbation-standard.png'), bytes: png(perturbationImage(r.standard.perturbation, r.rows, r.cols)) },
    { path: join(dir, 'perturbation-robust.png'), bytes: png(perturbationImage(r.robust.perturbation, r.rows, r.cols)) },
    { path: join(dir, 'attacked-standard.png'), bytes: png(digitGridImage(r.standard.attackedSamples, r.rows, r.cols)) },
    { path: join(dir, 'attacked-robust.png'), bytes: png(digitGridImage(r.robust.attackedSamples, r.rows, r.cols)) },
  ];
}

function toJson(r: LinearExperimentResult, backend: object, loadSeconds: number, images: string[]): object {
  const model = (m: LinearExperimentResult['standard']) => ({
    cleanError: m.cleanError,
    cleanLoss: m.cleanLoss,
    adversarialError: m.adversarialError,
    adversarialLoss: m.adversarialLoss,
    trainSeconds: m.trainSeconds,
    epochs: m.epochs,
  });
  return {
    ...runJsonHeader(r, backend, loadSeconds),
    standard: model(r.standard),
    robust: model(r.robust),
    // written after this object is printed; the exit code is 1 if one could not be
    images,
  };
}
