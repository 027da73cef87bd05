import { Cnn, Mlp, type Model } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { fgsmAttack, pgdAttack } from '@advkit/attacks';
import { CheckpointError } from '@advkit/core';
import { phaseCheckpointOptions, sameSettings, type PhaseCheckpointing } from './phase-checkpoint-options.js';
import {
  sgd,
  sgdAsync,
  adversarialSgd,
  adversarialSgdAsync,
  robustEvaluate,
  robustEvaluateAsync,
  piecewiseSchedule,
  type EpochMetrics,
  type TrainProgress,
  type AsyncTrainOptions,
  type TrainResult,
  type TrainingState,
  type RobustEvaluation,
  type RobustEvaluateOptions,
} from '@advkit/trainers';
import { selectAll, type ClassData, type Mnist } from '@advkit/datasets';

/** Settings of the multi-class (adversarial training) experiment; see {@link adversarialDefaults}. */
export interface AdversarialExperimentSettings {
  model: 'mlp' | 'cnn';
  /** Hidden layer widths of the MLP (ignored for the CNN). */
  hiddenSizes: number[];
  epochs: number;
  /** Learning rate of epochs 1..decayEpoch−1, then ×0.1 (the tutorial: 0.1, then 0.01 after epoch 5). */
  learningRate: number;
  decayEpoch: number;
  batchSize: number;
  /** Training examples (the first N of MNIST's training set); undefined = all 60,000. */
  trainSize: number | undefined;
  /** Test examples (the first N of the test set); undefined = all 10,000. */
  testSize: number | undefined;
  seed: number;
  /** L∞ radius of every attack. */
  epsilon: number;
  /**
   * Keep attacked images valid: project every attack onto ball ∩ [0, 1]. The tutorial does not (its
   * FGSM and PGD only clamp δ to the ε-ball, so background pixels can go negative), and its figures are
   * for that; the box makes every attack weaker.
   */
  clip: boolean;
  /** PGD used to train the robust model: steps and step size (no random start, as the tutorial). */
  trainSteps: number;
  trainStepSize: number;
  /** PGD used to evaluate both models. */
  evalSteps: number;
  evalStepSize: number;
}

/** The tutorial's chapter-4 settings (Kolter & Madry): 10 epochs, SGD 0.1 → 0.01 after epoch 5, PGD ε 0.1, 20 steps of 0.01, no pixel box. */
export function adversarialDefaults(model: 'mlp' | 'cnn'): AdversarialExperimentSettings {
  return {
    model,
    hiddenSizes: [100],
    epochs: 10,
    learningRate: 0.1,
    decayEpoch: 6,
    batchSize: 100,
    trainSize: undefined,
    testSize: undefined,
    seed: 0,
    epsilon: 0.1,
    clip: false,
    trainSteps: 20,
    trainStepSize: 0.01,
    evalSteps: 20,
    evalStepSize: 0.01,
  };
}

export interface AdversarialModelReport {
  cleanError: number;
  fgsmError: number;
  pgdError: number;
  /** Wrong on the clean input, under FGSM or under PGD. */
  robustError: number;
  trainSeconds: number;
  evalSeconds: number;
  epochs: EpochMetrics[];
  warnings: string[];
}

export interface AdversarialExperimentResult {
  settings: AdversarialExperimentSettings;
  nTrain: number;
  nTest: number;
  standard: AdversarialModelReport;
  pgdTrained: AdversarialModelReport;
}

export type AdversarialPhase = 'standard' | 'pgd-trained' | 'evaluate standard' | 'evaluate pgd-trained';

export interface AdversarialExperimentHooks {
  onPhase?: (phase: AdversarialPhase) => void;
  onProgress?: (phase: AdversarialPhase, progress: TrainProgress) => void;
  onEpochEnd?: (phase: AdversarialPhase, metrics: EpochMetrics) => void;
  /** During an evaluation phase, after every batch: test examples evaluated so far, and the total. */
  onEvaluateProgress?: (phase: AdversarialPhase, done: number, total: number) => void;
}

function firstN(d: ClassData, n: number | undefined): ClassData {
  if (n === undefined || n >= d.n) return d;
  return { ...d, x: d.x.subarray(0, n * d.dim), y: d.y.subarray(0, n), n };
}

function makeModel(s: AdversarialExperimentSettings): Model {
  return s.model === 'cnn'
    ? new Cnn({ inputShape: [28, 28, 1], numClasses: 10, seed: s.seed })
    : new Mlp({ inputShape: [784], hiddenSizes: s.hiddenSizes, numClasses: 10, seed: s.seed });
}

/**
 * Chapter 4 of Kolter & Madry's tutorial on full 10-class MNIST: a standard and a PGD-trained model
 * (same init and shuffles), each evaluated clean, under FGSM and under PGD (L∞; in [0, 1] when `clip`).
 */
export function runAdversarialExperiment(mnist: Mnist, settings: AdversarialExperimentSettings, hooks: AdversarialExperimentHooks = {}): AdversarialExperimentResult {
  const ctx = prepare(mnist, settings);
  const run = (phase: TrainPhase): AdversarialModelReport => {
    const model = makeModel(settings);
    try {
      hooks.onPhase?.(phase);
      const opts = trainOptions(ctx, phase, hooks);
      const r = phase === 'standard' ? sgd(model, ctx.train, opts) : adversarialSgd(model, ctx.train, { ...opts, attack: trainingAttack(ctx) });
      const evaluation = startEvaluation(ctx, phase, r, hooks);
      return evaluation.report(robustEvaluate(model, ctx.test, evaluation.options));
    } finally {
      model.dispose();
    }
  };
  const standard = run('standard');
  const pgdTrained = run('pgd-trained');
  return { settings, nTrain: ctx.train.n, nTest: ctx.test.n, standard, pgdTrained };
}

/** The two training phases, each checkpointed on its own. */
export type TrainPhase = 'standard' | 'pgd-trained';

/** Checkpointing of {@link runAdversarialExperimentAsync}: one training state and one report per phase. */
export interface AdversarialExperimentCheckpointing extends PhaseCheckpointing<TrainPhase> {
  /** Persists a phase's finished report (its evaluation is the slow part of a resumed CNN run). @default not saved */
  saveReport?(phase: TrainPhase, report: AdversarialModelReport): Promise<void>;
  /** Reports of phases already evaluated (from `saveReport`), used instead of training and evaluating again. @default {} */
  reports?: Partial<Record<TrainPhase, AdversarialModelReport & { settings?: unknown }>>;
}

/**
 * Trains one phase in place of the built-in single-process trainers (`sgdAsync`, `adversarialSgdAsync`
 * with the tutorial's PGD): e.g. `dataParallelSgd` from `@advkit/trainers/node` on several cores. It
 * gets the phase's options (schedule, callbacks, checkpointing, signal) and must take the same steps.
 */
export type PhaseTrainer = (phase: TrainPhase, model: Model, data: ClassData, options: AsyncTrainOptions) => Promise<TrainResult>;

/**
 * {@link runAdversarialExperiment} that can be checkpointed and stopped: it trains with the async
 * trainers (`sgdAsync`, `adversarialSgdAsync`: they yield to the event loop, so a SIGINT handler or a Stop
 * button can abort `signal`), saves each phase's training state after every epoch (and when stopped),
 * resumes each phase from `checkpointing.resume`, and skips a phase whose report was saved. States and
 * reports carry the experiment settings; ones saved with other settings are refused with CheckpointError.
 * The attacks have no random start, so an interrupted and resumed run gives the same numbers, bit for bit,
 * as one that never stopped. Rejects with `signal.reason` when aborted.
 */
export async function runAdversarialExperimentAsync(
  mnist: Mnist,
  settings: AdversarialExperimentSettings,
  hooks: AdversarialExperimentHooks & { signal?: AbortSignal; checkpointing?: AdversarialExperimentCheckpointing; trainer?: PhaseTrainer } = {},
): Promise<AdversarialExperimentResult> {
  const fn = 'runAdversarialExperimentAsync';
  const ctx = prepare(mnist, settings);
  const ck = hooks.checkpointing;
  const extra = (phase: TrainPhase) => phaseCheckpointOptions(fn, phase, settings, ck, hooks.signal);
  const run = async (phase: TrainPhase): Promise<AdversarialModelReport> => {
    const saved = ck?.reports?.[phase];
    if (saved !== undefined) {
      if (!sameSettings(saved.settings, settings)) throw new CheckpointError(`${fn}: the saved ${phase} report was made with other settings (${JSON.stringify(saved.settings)}); rerun with those or start afresh`);
      const { settings: _s, ...report } = saved;
      return report;
    }
    const model = makeModel(settings);
    try {
      hooks.onPhase?.(phase);
      const opts = { ...trainOptions(ctx, phase, hooks), ...extra(phase) };
      const r =
        hooks.trainer !== undefined
          ? await hooks.trainer(phase, model, ctx.train, opts)
          : phase === 'standard'
            ? await sgdAsync(model, ctx.train, opts)
            : await adversarialSgdAsync(model, ctx.train, { ...opts, attack: trainingAttack(ctx) });
      hooks.signal?.throwIfAborted();
      // evaluated batch by batch, so Ctrl-C / Stop also works during the evaluation (minutes for the CNN)
      const evaluation = startEvaluation(ctx, phase, r, hooks);
      const signal = hooks.signal;
      const report = evaluation.report(await robustEvaluateAsync(model, ctx.test, { ...evaluation.options, ...(signal === undefined ? {} : { signal }) }));
      await ck?.saveReport?.(phase, report);
      return report;
    } finally {
      model.dispose();
    }
  };
  const standard = await run('standard');
  const pgdTrained = await run('pgd-trained');
  return { settings, nTrain: ctx.train.n, nTest: ctx.test.n, standard, pgdTrained };
}

interface Context {
  settings: AdversarialExperimentSettings;
  train: ClassData;
  test: ClassData;
  threatModel: LpBall;
}

function prepare(mnist: Mnist, s: AdversarialExperimentSettings): Context {
  return {
    settings: s,
    train: firstN(selectAll(mnist.train), s.trainSize),
    test: firstN(selectAll(mnist.test), s.testSize),
    threatModel: new LpBall({ norm: 'linf', epsilon: s.epsilon, ...(s.clip ? { box: { min: 0, max: 1 } } : {}) }),
  };
}

function trainOptions(ctx: Context, phase: TrainPhase, hooks: AdversarialExperimentHooks) {
  const s = ctx.settings;
  return {
    epochs: s.epochs,
    batchSize: s.batchSize,
    seed: s.seed,
    learningRate: piecewiseSchedule(s.decayEpoch <= s.epochs ? [[1, s.learningRate], [s.decayEpoch, s.learningRate / 10]] : [[1, s.learningRate]]),
    onProgress: (p: TrainProgress) => hooks.onProgress?.(phase, p),
    onEpochEnd: (m: EpochMetrics) => hooks.onEpochEnd?.(phase, m),
  };
}

/** The tutorial's training attack: PGD with `trainSteps` steps of `trainStepSize`, no random start. */
function trainingAttack(ctx: Context) {
  const s = ctx.settings;
  return pgdAttack({ threatModel: ctx.threatModel, steps: s.trainSteps, stepSize: s.trainStepSize, randomStart: false });
}

/**
 * Starts the evaluation of a phase (clean, FGSM and PGD with `evalSteps` of `evalStepSize` and no random
 * start, per-example worst case): reports the phase, and returns the options to evaluate with
 * (`robustEvaluate`, or `robustEvaluateAsync` with a signal: same batches, same attacks, same numbers)
 * and `report`, which turns the evaluation into the phase's report.
 */
function startEvaluation(ctx: Context, phase: TrainPhase, r: TrainResult, hooks: AdversarialExperimentHooks) {
  const s = ctx.settings;
  const evalPhase: AdversarialPhase = phase === 'standard' ? 'evaluate standard' : 'evaluate pgd-trained';
  hooks.onPhase?.(evalPhase);
  const t0 = performance.now();
  const options: RobustEvaluateOptions = {
    onProgress: (done, total) => hooks.onEvaluateProgress?.(evalPhase, done, total),
    attacks: [fgsmAttack({ threatModel: ctx.threatModel }), pgdAttack({ threatModel: ctx.threatModel, steps: s.evalSteps, stepSize: s.evalStepSize, randomStart: false })],
    batchSize: s.batchSize,
  };
  const report = (ev: RobustEvaluation): AdversarialModelReport => ({
    cleanError: ev.cleanError,
    fgsmError: ev.perAttack[0]!.error,
    pgdError: ev.perAttack[1]!.error,
    robustError: ev.robustError,
    // the epochs' own times: across resumes too (r.seconds counts only this process's part)
    trainSeconds: r.epochs.reduce((t, e) => t + e.seconds, 0),
    evalSeconds: (performance.now() - t0) / 1000,
    epochs: r.epochs,
    warnings: ev.warnings,
  });
  return { options, report };
}
