import * as tf from '@tensorflow/tfjs-core';
import { Cnn, Mlp, type Model } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { autoAttack, fgsm, fgsmAttack, pgd, pgdAttack, type AutoAttackName, type AutoAttackOptions, type AutoAttackProgress, type AutoAttackResult } from '@advkit/attacks';
import { CheckpointError } from '@advkit/core';
import { robustEvaluate } from '@advkit/attacks/evaluate';
import { train, standardStep, adversarialStep, piecewiseSchedule, type EpochMetrics, type StepExecutor, type TrainProgress } from '@advkit/trainers';
import { selectAll, type ClassData, type Mnist, type MnistSplit } from '@advkit/datasets';
import { phaseCheckpointOptions, sameSettings, type PhaseCheckpointing } from './phase-checkpoint-options.js';
import type { GridCell } from './images.js';

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
  /**
   * AutoAttack (standard: APGD-CE, APGD-T, FAB-T, Square) on the first N test images (at most the test
   * set) of each model, in the L∞ ball of radius ε ∩ [0, 1] — AutoAttack's own threat model, whatever
   * `clip` says (FAB-T projects onto hyperplane ∩ [0, 1]). 0: not run; also skipped when ε = 0.
   */
  autoAttackImages: number;
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
    autoAttackImages: model === 'mlp' ? 100 : 10,
  };
}

/**
 * The web page's FGSM / PGD tab: a short run of the same experiment, sized for a browser tab on 2 cores
 * (well under a minute for the MLP): the first 10,000 training and 1,000 test images, 3 epochs of SGD at
 * 0.3 (a short schedule wants a larger step than the tutorial's 0.1), PGD ε = 0.1 with 10 steps of 0.02
 * (the tutorial's 20 × 0.01: a total travel of 2ε) for training and evaluation, attacks kept in [0, 1].
 * The tutorial's CNN gets 2 epochs of lr 0.2 (at 0.1 it is still at chance after 100 steps; at 0.5 it
 * stalls), 3 PGD training steps of 0.04 and 500 test images: a forward and backward pass takes about
 * 0.35 s per batch of 100 on wasm, so that run takes minutes.
 */
export function pageDefaults(model: 'mlp' | 'cnn'): AdversarialExperimentSettings {
  const base = { ...adversarialDefaults(model), clip: true, testSize: 1000, epsilon: 0.1, evalSteps: 10, evalStepSize: 0.02, autoAttackImages: model === 'mlp' ? 20 : 5 };
  return model === 'mlp'
    ? { ...base, trainSize: 10_000, epochs: 3, learningRate: 0.3, trainSteps: 10, trainStepSize: 0.02 }
    : { ...base, trainSize: 10_000, testSize: 500, epochs: 2, learningRate: 0.2, trainSteps: 3, trainStepSize: 0.04 };
}

/** AutoAttack's result on one model (see {@link AdversarialExperimentSettings.autoAttackImages}). */
export interface AutoAttackReport {
  /** Test images evaluated: the first `n`. */
  n: number;
  /** L∞ radius; the ball is always intersected with [0, 1]. */
  epsilon: number;
  cleanError: number;
  /** Misclassified clean or broken by one of the attacks (of the `n` images). */
  robustError: number;
  /** How many images were wrong clean, broken by each attack (the first that did), and never broken. */
  brokenBy: Record<'clean' | AutoAttackName | 'none', number>;
  seconds: number;
  /** AutoAttack's sanity checks that fired (messages). */
  warnings: string[];
}

/** The two models: trained on clean images, and trained on PGD-attacked ones (Madry et al.'s min-max). */
export type TrainPhase = 'standard' | 'pgd-trained';

/** A few test digits (the first of each class), clean and attacked, with one model's predictions. */
export interface AttackedDigits {
  /** The true labels, in the order of the cells below. */
  labels: number[];
  clean: GridCell[];
  fgsm: GridCell[];
  pgd: GridCell[];
}

export interface AdversarialModelReport {
  cleanError: number;
  fgsmError: number;
  pgdError: number;
  /** Wrong on the clean input, under FGSM or under PGD (per-example worst case). */
  robustError: number;
  /** How many test examples were wrong clean, broken by FGSM, broken by PGD only, and never broken. */
  brokenBy: { clean: number; fgsm: number; pgd: number; none: number };
  /** The epochs' own training times summed (across resumes too). */
  trainSeconds: number;
  evalSeconds: number;
  epochs: EpochMetrics[];
  /** AutoAttack on the first `settings.autoAttackImages` test images; absent when not run. */
  autoAttack?: AutoAttackReport;
  /** From `diagnoseAttacks` (gradient masking, saturated gradients, …); empty when nothing is suspicious. */
  warnings: string[];
  /** With `attackedDigits: true` only (the page's pictures). */
  digits?: AttackedDigits;
}

export interface AdversarialExperimentResult {
  settings: AdversarialExperimentSettings;
  nTrain: number;
  nTest: number;
  rows: number;
  cols: number;
  standard: AdversarialModelReport;
  /** Absent with `pgdTraining: false`. */
  pgdTrained?: AdversarialModelReport;
}

/** Checkpointing of {@link runAdversarialExperiment}: one training state and one report per phase. */
export interface AdversarialExperimentCheckpointing extends PhaseCheckpointing<TrainPhase> {
  /**
   * Persists a phase's finished report with the settings it was made with (its evaluation is the slow
   * part of a resumed CNN run). @default not saved
   */
  saveReport?(phase: TrainPhase, report: AdversarialModelReport & { settings: AdversarialExperimentSettings }): Promise<void>;
  /** Reports of phases already evaluated (from `saveReport`), used instead of training and evaluating again. @default {} */
  reports?: Partial<Record<TrainPhase, AdversarialModelReport & { settings?: unknown }>>;
}

export interface AdversarialExperimentOptions {
  /** Stop: the run rejects with `signal.reason` after the current training step or evaluation batch. @default none */
  signal?: AbortSignal;
  /** Train the second, PGD-trained model too. @default true */
  pgdTraining?: boolean;
  /** Attack the first test image of each class and return the pictures (`report.digits`). @default false */
  attackedDigits?: boolean;
  /** Save and resume each phase. @default none */
  checkpointing?: AdversarialExperimentCheckpointing;
  /**
   * Where the training steps run, e.g. `dataParallel({ workers })` of `@advkit/trainers/node` (the same
   * steps on several cores; checkpoints are interchangeable). @default this thread
   */
  executor?: StepExecutor;
  /**
   * Runs AutoAttack, with autoAttack's arguments: e.g. `autoAttackInWorkers` of `@advkit/attacks/browser`
   * (the page: shards on Web Workers) or `autoAttackParallel` of `@advkit/attacks/node` with a
   * `workers` option bound; both give autoAttack's result bit for bit. @default autoAttack (this thread)
   */
  autoAttack?: (model: Model, x: tf.Tensor, y: tf.Tensor, options: AutoAttackOptions) => Promise<AutoAttackResult>;
  /** A model starts training, its FGSM / PGD evaluation starts, or its AutoAttack evaluation starts. */
  onPhase?: (phase: TrainPhase, stage: 'train' | 'evaluate' | 'autoattack') => void;
  onProgress?: (phase: TrainPhase, progress: TrainProgress) => void;
  onEpochEnd?: (phase: TrainPhase, metrics: EpochMetrics) => void;
  /** During an evaluation, after every batch: test examples evaluated so far, and the total. */
  onEvaluateProgress?: (phase: TrainPhase, done: number, total: number) => void;
  /** During AutoAttack, after every batch of every attack (autoAttack's `onProgress`). */
  onAutoAttackProgress?: (phase: TrainPhase, progress: AutoAttackProgress) => void;
  /** A model is trained and evaluated (or its saved report restored), before the next one starts. */
  onPhaseEnd?: (phase: TrainPhase, report: AdversarialModelReport) => void;
}

/**
 * Chapter 4 of Kolter & Madry's tutorial ("Adversarial Robustness: Theory and Practice") on 10-class
 * MNIST: a standard and (unless `pgdTraining: false`) a PGD-trained model, same init and shuffles, each
 * evaluated clean, under FGSM and under PGD (L∞ ball of radius ε, ∩ [0, 1] when `clip`; no random start,
 * as the tutorial) with the per-example worst case, then with AutoAttack (`autoAttack` of @advkit/attacks,
 * standard version, L∞ ε ∩ [0, 1], seed `settings.seed`) on the first `settings.autoAttackImages` test images. The training set is the first `trainSize` images,
 * the test set the first `testSize`. The one runner of this experiment: the CLI's `adversarial` command
 * and the page's FGSM / PGD tab run it with different settings.
 *
 * Training (`train` of @advkit/trainers) and evaluation (`robustEvaluate` and `autoAttack`, batch by batch) yield to the event loop, so a
 * signal handler or a Stop button can abort `signal` at any time (the promise rejects with
 * `signal.reason`). With `checkpointing` it saves each phase's training state after every epoch (and
 * when stopped), resumes from `checkpointing.resume`, saves each finished report and skips a phase
 * whose report was saved. States and reports carry the settings; ones saved with other settings are
 * refused with CheckpointError (training states are tied to every setting but `autoAttackImages`). The
 * FGSM / PGD attacks have no random start and AutoAttack's draws are seeded, so an interrupted and resumed run
 * gives the same numbers, bit for bit, as one that never stopped. Leaves no tensors behind.
 */
export async function runAdversarialExperiment(mnist: Mnist, settings: AdversarialExperimentSettings, options: AdversarialExperimentOptions = {}): Promise<AdversarialExperimentResult> {
  const fn = 'runAdversarialExperiment';
  const s = settings;
  const o = options;
  const trainSet = selectAll(firstImages(mnist.train, s.trainSize));
  const test = selectAll(firstImages(mnist.test, s.testSize));
  const threatModel = new LpBall({ norm: 'linf', epsilon: s.epsilon, ...(s.clip ? { box: { min: 0, max: 1 } } : {}) });
  const ck = o.checkpointing;
  const signal = o.signal === undefined ? {} : { signal: o.signal };
  const run = async (phase: TrainPhase): Promise<AdversarialModelReport> => {
    const saved = ck?.reports?.[phase];
    if (saved !== undefined) {
      if (!sameSettings(saved.settings, s)) throw new CheckpointError(`${fn}: the saved ${phase} report was made with other settings (${JSON.stringify(saved.settings)}); rerun with those or start afresh`);
      const { settings: _s, ...report } = saved;
      o.onPhaseEnd?.(phase, report);
      return report;
    }
    const model = makeModel(s);
    try {
      o.onPhase?.(phase, 'train');
      const trained = await train(model, trainSet, {
        step: phase === 'standard' ? standardStep() : adversarialStep(pgdAttack({ threatModel, steps: s.trainSteps, stepSize: s.trainStepSize, randomStart: false })),
        epochs: s.epochs,
        batchSize: s.batchSize,
        seed: s.seed,
        learningRate: piecewiseSchedule(s.decayEpoch <= s.epochs ? [[1, s.learningRate], [s.decayEpoch, s.learningRate / 10]] : [[1, s.learningRate]]),
        onProgress: (p: TrainProgress) => o.onProgress?.(phase, p),
        onEpochEnd: (m: EpochMetrics) => o.onEpochEnd?.(phase, m),
        // training does not depend on autoAttackImages: states stay resumable when only that changes
        ...phaseCheckpointOptions(fn, phase, trainingSettings(s), ck, o.signal),
        ...(o.executor === undefined ? {} : { executor: o.executor }),
      });
      o.signal?.throwIfAborted();
      o.onPhase?.(phase, 'evaluate');
      const t0 = performance.now();
      const evalPgd = { threatModel, steps: s.evalSteps, stepSize: s.evalStepSize, randomStart: false };
      const ev = await robustEvaluate(model, test, {
        attacks: [fgsmAttack({ threatModel }), pgdAttack(evalPgd)],
        batchSize: s.batchSize,
        onProgress: (done, total) => o.onEvaluateProgress?.(phase, done, total),
        ...signal,
      });
      const count = (b: (typeof ev.brokenBy)[number]): number => ev.brokenBy.filter((v) => v === b).length;
      const report: AdversarialModelReport = {
        cleanError: ev.cleanError,
        fgsmError: ev.perAttack[0]!.error,
        pgdError: ev.perAttack[1]!.error,
        robustError: ev.robustError,
        brokenBy: { clean: count('clean'), fgsm: count(0), pgd: count(1), none: count(null) },
        trainSeconds: trained.epochs.reduce((t, e) => t + e.seconds, 0),
        evalSeconds: (performance.now() - t0) / 1000,
        epochs: trained.epochs,
        warnings: ev.warnings,
      };
      const nAuto = Math.min(s.autoAttackImages, test.n);
      if (nAuto > 0 && s.epsilon > 0) {
        o.onPhase?.(phase, 'autoattack');
        report.autoAttack = await evaluateAutoAttack(model, test, nAuto, s, {
          run: o.autoAttack ?? autoAttack,
          onProgress: (p) => o.onAutoAttackProgress?.(phase, p),
          ...signal,
        });
      }
      await ck?.saveReport?.(phase, { ...report, settings: s });
      if (o.attackedDigits === true) report.digits = attackedDigits(model, test, threatModel, evalPgd);
      o.onPhaseEnd?.(phase, report);
      return report;
    } finally {
      model.dispose();
    }
  };
  const result: AdversarialExperimentResult = { settings, nTrain: trainSet.n, nTest: test.n, rows: mnist.test.rows, cols: mnist.test.cols, standard: await run('standard') };
  if (o.pgdTraining !== false) result.pgdTrained = await run('pgd-trained');
  return result;
}

/** The settings without the evaluation-only `autoAttackImages` (what a training checkpoint is tied to). */
function trainingSettings(s: AdversarialExperimentSettings): Omit<AdversarialExperimentSettings, 'autoAttackImages'> {
  const { autoAttackImages: _a, ...rest } = s;
  return rest;
}

/** `autoAttack` (standard, L∞ ε ∩ [0, 1], seed `s.seed`, batches of `s.batchSize`) on the first `n` test examples. */
async function evaluateAutoAttack(
  model: Model,
  test: ClassData,
  n: number,
  s: AdversarialExperimentSettings,
  options: { run: NonNullable<AdversarialExperimentOptions['autoAttack']>; onProgress: (p: AutoAttackProgress) => void; signal?: AbortSignal },
): Promise<AutoAttackReport> {
  const t0 = performance.now();
  const x = tf.tensor(test.x.subarray(0, n * test.dim), [n, ...model.inputShape]);
  const y = tf.tensor1d(test.y.subarray(0, n), 'int32');
  try {
    const r = await options.run(model, x, y, {
      threatModel: new LpBall({ norm: 'linf', epsilon: s.epsilon, box: { min: 0, max: 1 } }),
      version: 'standard',
      seed: s.seed,
      batchSize: s.batchSize,
      onProgress: options.onProgress,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    r.xAdv.dispose();
    const brokenBy: AutoAttackReport['brokenBy'] = { clean: 0, 'apgd-ce': 0, 'apgd-dlr': 0, 'apgd-t': 0, fab: 0, 'fab-t': 0, square: 0, none: 0 };
    for (const b of r.brokenBy) brokenBy[b ?? 'none']++;
    return { n, epsilon: s.epsilon, cleanError: r.cleanError, robustError: r.robustError, brokenBy, seconds: (performance.now() - t0) / 1000, warnings: r.warnings.map((w) => w.message) };
  } finally {
    x.dispose();
    y.dispose();
  }
}

/** The first `n` examples of a split, as views (so selectAll copies only those, not all 60,000). */
function firstImages(split: MnistSplit, n: number | undefined): MnistSplit {
  if (n === undefined || n >= split.count) return split;
  const count = Math.max(0, Math.floor(n));
  const dim = split.rows * split.cols;
  return { ...split, images: split.images.subarray(0, count * dim), labels: split.labels.subarray(0, count), count };
}

function makeModel(s: AdversarialExperimentSettings): Model {
  return s.model === 'cnn'
    ? new Cnn({ inputShape: [28, 28, 1], numClasses: 10, seed: s.seed })
    : new Mlp({ inputShape: [784], hiddenSizes: s.hiddenSizes, numClasses: 10, seed: s.seed });
}

/** The first test example of each class (in test order), clean, under FGSM and under PGD, with the model's predictions. */
function attackedDigits(model: Model, test: ClassData, threatModel: LpBall, pgdOptions: { steps: number; stepSize: number; randomStart: boolean }): AttackedDigits {
  const picks: number[] = [];
  for (let c = 0; c < test.numClasses; c++) {
    const i = test.y.indexOf(c);
    if (i >= 0) picks.push(i);
  }
  const { dim } = test;
  const x = new Float32Array(picks.length * dim);
  picks.forEach((i, k) => x.set(test.x.subarray(i * dim, (i + 1) * dim), k * dim));
  const labels = picks.map((i) => test.y[i]!);
  if (picks.length === 0) return { labels, clean: [], fgsm: [], pgd: [] };
  // per input (clean, FGSM, PGD): the pictures and the model's predicted classes
  const rows = tf.tidy(() => {
    const xs = tf.tensor(x, [picks.length, ...model.inputShape]);
    const ys = tf.tensor1d(labels, 'int32');
    const inputs = [xs, fgsm(model, xs, ys, { threatModel }), pgd(model, xs, ys, { threatModel, ...pgdOptions })];
    return inputs.map((t) => ({ pixels: t.dataSync() as Float32Array, predicted: tf.argMax(model.logits(t), 1).dataSync() as Int32Array }));
  });
  const cells = (v: number): GridCell[] =>
    labels.map((label, k) => {
      const predicted = rows[v]!.predicted[k]!;
      return { pixels: rows[v]!.pixels.slice(k * dim, (k + 1) * dim), predicted, correct: predicted === label };
    });
  return { labels, clean: cells(0), fgsm: cells(1), pgd: cells(2) };
}
