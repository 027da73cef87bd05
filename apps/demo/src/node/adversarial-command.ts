import { dataParallel } from '@advkit/trainers/node';
import {
  adversarialDefaults,
  runAdversarialExperiment,
  type AdversarialExperimentOptions,
  type AdversarialExperimentResult,
  type AdversarialExperimentSettings,
  type TrainPhase,
} from '../shared/adversarial-experiment.js';
import { choiceOption, flagOption, numberOption, settingsFrom, type OptionSpec } from './parse-options.js';
import { CliUsageError } from './cli-errors.js';
import type { Command } from './command.js';
import { formatAdversarialTable } from './format-adversarial-table.js';
import { formatDuration } from './format-duration.js';
import { readReport } from './read-report.js';
import { runJsonHeader } from './run-json.js';

const d = adversarialDefaults('mlp');
const PHASES: readonly TrainPhase[] = ['standard', 'pgd-trained'];

const OPTIONS: readonly OptionSpec[] = [
  choiceOption('model', 'mlp|cnn', 'MLP 784-100-10, or the tutorial CNN (hours)', { mlp: 'mlp', cnn: 'cnn' }, 'mlp or cnn', { defaultText: 'mlp', setting: 'model' }),
  numberOption('epochs', 'N', 'training epochs of each model', { min: 1, max: 10000, integer: true }, { defaultText: String(d.epochs), setting: 'epochs' }),
  numberOption('lr', 'L', 'SGD learning rate', { min: 0, above: true }, { defaultText: String(d.learningRate), setting: 'learningRate' }),
  numberOption('decay-epoch', 'E', 'the learning rate is divided by 10 from this epoch on', { min: 1, max: 10001, integer: true }, { defaultText: String(d.decayEpoch), setting: 'decayEpoch' }),
  numberOption('train-size', 'N', 'train on the first N training images', { min: 1, max: 60000, integer: true }, { defaultText: 'all 60000', setting: 'trainSize' }),
  numberOption('test-size', 'N', 'evaluate on the first N test images', { min: 1, max: 10000, integer: true }, { defaultText: 'all 10000', setting: 'testSize' }),
  numberOption('eps', 'E', 'L∞ radius of every attack', { min: 0 }, { defaultText: String(d.epsilon), setting: 'epsilon' }),
  flagOption('clip', 'keep attacked pixels in [0, 1] (the tutorial does not)', { setting: 'clip' }),
  numberOption('train-steps', 'K', 'PGD steps when training', { min: 1, max: 1000, integer: true }, { defaultText: String(d.trainSteps), setting: 'trainSteps' }),
  numberOption('train-step-size', 'A', 'PGD step size when training', { min: 0, above: true }, { defaultText: String(d.trainStepSize), setting: 'trainStepSize' }),
  numberOption('eval-steps', 'K', 'PGD steps when evaluating', { min: 1, max: 1000, integer: true }, { defaultText: String(d.evalSteps), setting: 'evalSteps' }),
  numberOption('eval-step-size', 'A', 'PGD step size when evaluating', { min: 0, above: true }, { defaultText: String(d.evalStepSize), setting: 'evalStepSize' }),
  numberOption('autoattack-n', 'N', 'AutoAttack (standard, L∞ ε ∩ [0, 1]) on the first N test images of each model; 0: off', { min: 0, max: 10000, integer: true }, { defaultText: `${d.autoAttackImages} (cnn: ${adversarialDefaults('cnn').autoAttackImages})`, setting: 'autoAttackImages' }),
  numberOption('seed', 'S', 'seed of init and shuffling', { min: 0, max: 2 ** 32 - 1, integer: true }, { defaultText: String(d.seed), setting: 'seed' }),
  numberOption('workers', 'N', 'train on N worker threads (wasm backend)', { min: 1, max: 64, integer: true }, { defaultText: '1' }),
];

interface AdversarialArgs {
  settings: AdversarialExperimentSettings;
  workers: number;
}

/**
 * `advkit-demo adversarial` (`pnpm demo:adversarial`): the adversarial-training chapter on 10-class
 * MNIST (runAdversarialExperiment, the runner of the page's FGSM / PGD tab too), its table beside the
 * tutorial's CNN figures. Each phase's report is saved in --checkpoint-dir once evaluated, so --resume
 * skips finished phases.
 */
export const adversarialCommand: Command<AdversarialArgs> = {
  name: 'adversarial',
  head: `usage: pnpm demo:adversarial [options]        (advkit-demo adversarial [options])

The adversarial-training chapter of Kolter & Madry's tutorial on 10-class MNIST: a standard and a
PGD-trained model (same init and shuffles), each evaluated clean, under FGSM and under PGD (L∞), and
with AutoAttack on the first --autoattack-n test images.`,
  options: OPTIONS,
  phases: PHASES,
  readReport,
  resolve(values, common) {
    const model = (values.model as 'mlp' | 'cnn' | undefined) ?? 'mlp';
    const workers = (values.workers as number | undefined) ?? 1;
    if (workers > 1 && common.backend !== 'wasm') throw new CliUsageError(`--workers ${workers} needs --backend wasm (the worker threads run the wasm backend)`);
    const settings = settingsFrom(adversarialDefaults(model), values, OPTIONS);
    if (values['decay-epoch'] !== undefined && settings.decayEpoch > settings.epochs + 1) {
      throw new CliUsageError(`--decay-epoch ${settings.decayEpoch} cannot take effect in ${settings.epochs} epochs (at most ${settings.epochs + 1}, which means never)`);
    }
    return { settings, workers };
  },

  async run(args, ctx) {
    const { progress } = ctx;
    const s = args.settings;
    const r = await runAdversarialExperiment(ctx.mnist, s, {
      signal: ctx.signal,
      ...(args.workers > 1 ? { executor: dataParallel({ workers: args.workers }) } : {}),
      // the reports were checked by readReport (the runner checks their settings)
      ...(ctx.checkpointing === undefined ? {} : { checkpointing: ctx.checkpointing as AdversarialExperimentOptions['checkpointing'] & object }),
      onPhase: (phase, stage) => progress.start(stage === 'train' ? phase : stage === 'evaluate' ? `evaluate ${phase}` : `AutoAttack ${phase}`),
      onAutoAttackProgress: (phase, p) => {
        progress.update(p.batch, p.batches, `${p.attack} batch ${p.batch}/${p.batches}, ${p.robust}/${p.n} images still robust`);
        if (p.batch === p.batches) progress.line(`${phase}: AutoAttack ${p.attack} done, ${p.robust} of ${p.n} images still robust`);
      },
      onProgress: (_p, p) => progress.update((p.epoch - 1) * p.stepsPerEpoch + p.step, p.epochs * p.stepsPerEpoch, `epoch ${p.epoch}/${p.epochs}`),
      onEvaluateProgress: (_p, done, total) => progress.update(done, total, `${done}/${total} test images`),
      onEpochEnd: (phase, m) => {
        // the last epoch's duration × epochs to go (right after a resume too, unlike a whole-run average)
        const left = m.seconds * (s.epochs - m.epoch);
        progress.line(
          `${phase}: epoch ${String(m.epoch).padStart(2)}  train loss ${m.trainLoss.toFixed(4)}  train error ${m.trainError.toFixed(4)}  (${formatDuration(m.seconds)}; ~${formatDuration(left)} left in this phase)`,
        );
      },
    });
    return { json: toJson(r, ctx.backend, ctx.loadSeconds), table: formatAdversarialTable(r, ctx.backend.backend), files: [] };
  },
};

function toJson(r: AdversarialExperimentResult, backend: object, loadSeconds: number): object {
  const model = (m: AdversarialExperimentResult['standard']) => ({
    cleanError: m.cleanError,
    fgsmError: m.fgsmError,
    pgdError: m.pgdError,
    robustError: m.robustError,
    brokenBy: m.brokenBy,
    trainSeconds: m.trainSeconds,
    evalSeconds: m.evalSeconds,
    ...(m.autoAttack === undefined ? {} : { autoAttack: m.autoAttack }),
    epochs: m.epochs,
    warnings: m.warnings,
  });
  return {
    ...runJsonHeader(r, backend, loadSeconds),
    standard: model(r.standard),
    ...(r.pgdTrained === undefined ? {} : { pgdTrained: model(r.pgdTrained) }),
  };
}
