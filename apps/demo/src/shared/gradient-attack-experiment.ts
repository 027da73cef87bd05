import * as tf from '@tensorflow/tfjs-core';
import { Cnn, Mlp, type Model } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { fgsm, fgsmAttack, pgd, pgdAttack } from '@advkit/attacks';
import { sgdAsync, adversarialSgdAsync, piecewiseSchedule, robustEvaluateAsync, type EpochMetrics, type TrainProgress } from '@advkit/trainers';
import { selectAll, type ClassData, type Mnist, type MnistSplit } from '@advkit/datasets';
import { adversarialDefaults, type AdversarialExperimentSettings } from './adversarial-experiment.js';
import type { GridCell } from './images.js';

/**
 * Settings of the browser page's FGSM / PGD tab: those of the CLI's multi-class experiment
 * (`AdversarialExperimentSettings`: model, epochs, learning rate, ε, PGD steps, …) plus whether to train
 * the second, PGD-trained model at all.
 */
export interface GradientAttackSettings extends AdversarialExperimentSettings {
  /** Train a second model with PGD (adversarial training) and compare; false: the standard model only. */
  pgdTraining: boolean;
}

/**
 * A short run of the tutorial's chapter-4 comparison, sized for a browser tab on 2 cores (well under a
 * minute for the MLP): the first 10,000 training and 1,000 test images, 3 epochs of SGD at 0.3 (a short
 * schedule wants a larger step than the tutorial's 0.1), PGD ε = 0.1 with 10 steps of 0.02 (the tutorial's
 * 20 × 0.01: a total travel of 2ε) for training and evaluation. The tutorial's CNN gets 2 epochs of lr 0.2
 * (at 0.1 it is still at chance after 100 steps; at 0.5 it stalls), 3 PGD training steps of 0.04 and 500 test
 * images: a forward and backward pass takes about 0.35 s per batch of 100 on wasm, so that run takes minutes.
 */
export function gradientAttackDefaults(model: 'mlp' | 'cnn'): GradientAttackSettings {
  const base = { ...adversarialDefaults(model), clip: true, testSize: 1000, epsilon: 0.1, evalSteps: 10, evalStepSize: 0.02, pgdTraining: true };
  return model === 'mlp'
    ? { ...base, trainSize: 10_000, epochs: 3, learningRate: 0.3, trainSteps: 10, trainStepSize: 0.02 }
    : { ...base, trainSize: 10_000, testSize: 500, epochs: 2, learningRate: 0.2, trainSteps: 3, trainStepSize: 0.04 };
}

/** The two models: trained on clean images, and trained on PGD-attacked ones (Madry et al.'s min-max). */
export type GradientAttackPhase = 'standard' | 'pgd-trained';

/** A few test digits (the first of each class), clean and attacked, with one model's predictions. */
export interface AttackedDigits {
  /** The true labels, in the order of the cells below. */
  labels: number[];
  clean: GridCell[];
  fgsm: GridCell[];
  pgd: GridCell[];
}

export interface GradientAttackReport {
  phase: GradientAttackPhase;
  cleanError: number;
  fgsmError: number;
  pgdError: number;
  /** Wrong on the clean input, under FGSM or under PGD (per-example worst case). */
  robustError: number;
  /** How many test examples FGSM broke first, PGD broke (FGSM did not), and none; clean mistakes aside. */
  brokenBy: { clean: number; fgsm: number; pgd: number; none: number };
  trainSeconds: number;
  evalSeconds: number;
  epochs: EpochMetrics[];
  /** From `diagnoseAttacks` (gradient masking, saturated gradients, …); empty when nothing is suspicious. */
  warnings: string[];
  digits: AttackedDigits;
}

export interface GradientAttackResult {
  settings: GradientAttackSettings;
  nTrain: number;
  nTest: number;
  rows: number;
  cols: number;
  standard: GradientAttackReport;
  /** Absent when `settings.pgdTraining` is false. */
  pgdTrained?: GradientAttackReport;
}

export interface GradientAttackHooks {
  /** Stop: the run rejects with `signal.reason` after the current training step or evaluation batch. */
  signal?: AbortSignal;
  /** A model starts training, or its evaluation starts. */
  onPhase?: (phase: GradientAttackPhase, stage: 'train' | 'evaluate') => void;
  onProgress?: (phase: GradientAttackPhase, progress: TrainProgress) => void;
  onEpochEnd?: (phase: GradientAttackPhase, metrics: EpochMetrics) => void;
  /** Test examples evaluated so far, and the total. */
  onEvaluateProgress?: (phase: GradientAttackPhase, done: number, total: number) => void;
  /** A model is trained and evaluated (before the next one starts). */
  onPhaseEnd?: (report: GradientAttackReport) => void;
}

/**
 * The tutorial's chapter-4 comparison (Kolter & Madry, "Adversarial Robustness: Theory and Practice")
 * at small scale, for the browser page: on 10-class MNIST, a standard model and (when
 * `settings.pgdTraining`) a PGD-trained one — same init, same shuffles — each evaluated clean, under
 * FGSM and under PGD (L∞ ball of radius ε intersected with the pixel box [0, 1], no random start, as the
 * tutorial), plus a few attacked test digits per model. The training set is the first `trainSize` images,
 * the test set the first `testSize`.
 *
 * Trains with the async trainers and evaluates batch by batch, yielding to the event loop, so a Stop
 * button can abort `hooks.signal` at any time; the promise then rejects with `signal.reason`. The same
 * settings as `runAdversarialExperiment` (adversarial-experiment.ts, the CLI's) give the same numbers.
 * Leaves no tensors behind.
 */
export async function runGradientAttackExperiment(mnist: Mnist, settings: GradientAttackSettings, hooks: GradientAttackHooks = {}): Promise<GradientAttackResult> {
  const s = settings;
  const train = selectAll(firstImages(mnist.train, s.trainSize));
  const test = selectAll(firstImages(mnist.test, s.testSize));
  const threatModel = new LpBall({ norm: 'linf', epsilon: s.epsilon, ...(s.clip ? { box: { min: 0, max: 1 } } : {}) });
  const run = async (phase: GradientAttackPhase): Promise<GradientAttackReport> => {
    const model = makeModel(s);
    try {
      hooks.onPhase?.(phase, 'train');
      const options = {
        epochs: s.epochs,
        batchSize: s.batchSize,
        seed: s.seed,
        learningRate: piecewiseSchedule(s.decayEpoch <= s.epochs ? [[1, s.learningRate], [s.decayEpoch, s.learningRate / 10]] : [[1, s.learningRate]]),
        onProgress: (p: TrainProgress) => hooks.onProgress?.(phase, p),
        onEpochEnd: (m: EpochMetrics) => hooks.onEpochEnd?.(phase, m),
        ...(hooks.signal === undefined ? {} : { signal: hooks.signal }),
      };
      const trained =
        phase === 'standard'
          ? await sgdAsync(model, train, options)
          : await adversarialSgdAsync(model, train, { ...options, attack: pgdAttack({ threatModel, steps: s.trainSteps, stepSize: s.trainStepSize, randomStart: false }) });
      hooks.signal?.throwIfAborted();
      hooks.onPhase?.(phase, 'evaluate');
      const t0 = performance.now();
      const evalPgd = { threatModel, steps: s.evalSteps, stepSize: s.evalStepSize, randomStart: false };
      const ev = await robustEvaluateAsync(model, test, {
        attacks: [fgsmAttack({ threatModel }), pgdAttack(evalPgd)],
        batchSize: s.batchSize,
        onProgress: (done, total) => hooks.onEvaluateProgress?.(phase, done, total),
        ...(hooks.signal === undefined ? {} : { signal: hooks.signal }),
      });
      const report: GradientAttackReport = {
        phase,
        cleanError: ev.cleanError,
        fgsmError: ev.perAttack[0]!.error,
        pgdError: ev.perAttack[1]!.error,
        robustError: ev.robustError,
        brokenBy: {
          clean: ev.brokenBy.filter((b) => b === 'clean').length,
          fgsm: ev.brokenBy.filter((b) => b === 0).length,
          pgd: ev.brokenBy.filter((b) => b === 1).length,
          none: ev.brokenBy.filter((b) => b === null).length,
        },
        trainSeconds: trained.seconds,
        evalSeconds: (performance.now() - t0) / 1000,
        epochs: trained.epochs,
        warnings: ev.warnings,
        digits: attackedDigits(model, test, threatModel, evalPgd),
      };
      hooks.onPhaseEnd?.(report);
      return report;
    } finally {
      model.dispose();
    }
  };
  const standard = await run('standard');
  const result: GradientAttackResult = { settings, nTrain: train.n, nTest: test.n, rows: mnist.test.rows, cols: mnist.test.cols, standard };
  if (s.pgdTraining) result.pgdTrained = await run('pgd-trained');
  return result;
}

/** The first `n` examples of a split, as views (so selectAll copies only those, not all 60,000). */
function firstImages(split: MnistSplit, n: number | undefined): MnistSplit {
  if (n === undefined || n >= split.count) return split;
  const count = Math.max(0, Math.floor(n));
  const dim = split.rows * split.cols;
  return { ...split, images: split.images.subarray(0, count * dim), labels: split.labels.subarray(0, count), count };
}

function makeModel(s: GradientAttackSettings): Model {
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
