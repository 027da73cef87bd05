import * as tf from '@tensorflow/tfjs-core';
import { LinearModel } from '@advkit/models';
import { LpBall, type Norm } from '@advkit/threat-models';
import { exactLinear, exactLinearAttack, exactLinearPerturbation } from '@advkit/attacks';
import {
  sgd,
  robustLinearSgd,
  sgdAsync,
  robustLinearSgdAsync,
  evaluate,
  type EpochMetrics,
  type TrainProgress,
} from '@advkit/trainers';
import { selectDigits, type Mnist, type BinaryData } from '@advkit/datasets';
import type { GridCell } from './images.js';
import { phaseCheckpointOptions, type PhaseCheckpointing } from './phase-checkpoint-options.js';

/** Settings of the linear experiment; {@link LINEAR_DEFAULTS} are the tutorial's. */
export interface LinearExperimentSettings {
  digits: [number, number];
  norm: Norm;
  epsilon: number;
  seed: number;
  /** Standard training. */
  epochs: number;
  learningRate: number;
  /** Robust training (closed-form robust loss). */
  robustEpochs: number;
  robustLearningRate: number;
  batchSize: number;
}

export const LINEAR_DEFAULTS: LinearExperimentSettings = {
  digits: [0, 1],
  norm: 'linf',
  epsilon: 0.2,
  seed: 0,
  epochs: 10,
  learningRate: 1,
  robustEpochs: 20,
  robustLearningRate: 0.1,
  batchSize: 100,
};

export interface ModelReport {
  cleanError: number;
  cleanLoss: number;
  adversarialError: number;
  adversarialLoss: number;
  trainSeconds: number;
  epochs: EpochMetrics[];
  /** δ₊ = the exact attack's perturbation for a +1 example (−δ₊ for a −1 example), d values. */
  perturbation: Float32Array;
  /** Test digits attacked against this model, with its predictions. */
  attackedSamples: GridCell[];
}

export interface LinearExperimentResult {
  settings: LinearExperimentSettings;
  nTrain: number;
  nTest: number;
  rows: number;
  cols: number;
  standard: ModelReport;
  robust: ModelReport;
}

export type Phase = 'standard' | 'robust';

export interface LinearExperimentHooks {
  onPhase?: (phase: Phase) => void;
  onProgress?: (phase: Phase, progress: TrainProgress) => void;
  onEpochEnd?: (phase: Phase, metrics: EpochMetrics) => void;
  /**
   * Called when a phase's model is trained and evaluated, with its report, the model and the test set
   * (the browser page keeps the clean logits and ‖θ‖_* for its live ε slider). The model is disposed
   * right after the call returns: use it only during the call.
   */
  onPhaseEnd?: (phase: Phase, report: ModelReport, model: LinearModel, test: BinaryData) => void;
}

/**
 * The tutorial's linear experiment with advkit's packages: train a logistic model by SGD, attack it
 * exactly, train a robust one on the closed-form robust loss, attack that too. Shared by the CLI and
 * the browser page. Leaves no tensors behind.
 */
export function runLinearExperiment(mnist: Mnist, settings: LinearExperimentSettings, hooks: LinearExperimentHooks = {}): LinearExperimentResult {
  const ctx = prepare(mnist, settings);
  const standard = phaseReport(ctx, 'standard', hooks, (model) => sgd(model, ctx.train, trainOptions(ctx, 'standard', hooks)));
  const robust = phaseReport(ctx, 'robust', hooks, (model) => robustLinearSgd(model, ctx.train, { ...trainOptions(ctx, 'robust', hooks), threatModel: ctx.threatModel }));
  return result(ctx, standard, robust);
}

/** Checkpointing of {@link runLinearExperimentAsync}: one saved state per phase (a finished phase is restored without retraining). */
export type LinearExperimentCheckpointing = PhaseCheckpointing<Phase>;

/**
 * {@link runLinearExperiment} that can be checkpointed and stopped: it trains with the async trainers
 * (which yield to the event loop, so a SIGINT handler or a Stop button can abort `signal`), saves each
 * phase's state through `checkpointing.save` after every epoch (and when stopped), and resumes each phase
 * from `checkpointing.resume`. States record their phase and the experiment settings (`state.meta`); a
 * state saved with other settings is refused with CheckpointError. Gives the same numbers as the
 * synchronous runner, bit for bit, interrupted or not. Rejects with `signal.reason` when aborted.
 */
export async function runLinearExperimentAsync(
  mnist: Mnist,
  settings: LinearExperimentSettings,
  hooks: LinearExperimentHooks & { signal?: AbortSignal; checkpointing?: LinearExperimentCheckpointing } = {},
): Promise<LinearExperimentResult> {
  const ctx = prepare(mnist, settings);
  const ck = hooks.checkpointing;
  const extra = (phase: Phase) => phaseCheckpointOptions('runLinearExperimentAsync', phase, settings, ck, hooks.signal);
  const standard = await phaseReportAsync(ctx, 'standard', hooks, (model) => sgdAsync(model, ctx.train, { ...trainOptions(ctx, 'standard', hooks), ...extra('standard') }));
  const robust = await phaseReportAsync(ctx, 'robust', hooks, (model) =>
    robustLinearSgdAsync(model, ctx.train, { ...trainOptions(ctx, 'robust', hooks), threatModel: ctx.threatModel, ...extra('robust') }),
  );
  return result(ctx, standard, robust);
}

interface Context {
  mnist: Mnist;
  settings: LinearExperimentSettings;
  train: BinaryData;
  test: BinaryData;
  threatModel: LpBall;
}

type TrainRun = { seconds: number; epochs: EpochMetrics[] };

function prepare(mnist: Mnist, settings: LinearExperimentSettings): Context {
  const train = selectDigits(mnist.train, settings.digits);
  const test = selectDigits(mnist.test, settings.digits);
  return { mnist, settings, train, test, threatModel: new LpBall({ norm: settings.norm, epsilon: settings.epsilon }) };
}

function trainOptions(ctx: Context, phase: Phase, hooks: LinearExperimentHooks) {
  const s = ctx.settings;
  return {
    batchSize: s.batchSize,
    seed: s.seed,
    epochs: phase === 'standard' ? s.epochs : s.robustEpochs,
    learningRate: phase === 'standard' ? s.learningRate : s.robustLearningRate,
    onProgress: (p: TrainProgress) => hooks.onProgress?.(phase, p),
    onEpochEnd: (m: EpochMetrics) => hooks.onEpochEnd?.(phase, m),
  };
}

function phaseReport(ctx: Context, phase: Phase, hooks: LinearExperimentHooks, trainFn: (m: LinearModel) => TrainRun): ModelReport {
  hooks.onPhase?.(phase);
  const model = new LinearModel({ inputSize: ctx.train.dim, seed: ctx.settings.seed });
  try {
    const r = report(ctx, model, trainFn(model));
    hooks.onPhaseEnd?.(phase, r, model, ctx.test);
    return r;
  } finally {
    model.dispose();
  }
}

async function phaseReportAsync(ctx: Context, phase: Phase, hooks: LinearExperimentHooks, trainFn: (m: LinearModel) => Promise<TrainRun>): Promise<ModelReport> {
  hooks.onPhase?.(phase);
  const model = new LinearModel({ inputSize: ctx.train.dim, seed: ctx.settings.seed });
  try {
    const r = report(ctx, model, await trainFn(model));
    hooks.onPhaseEnd?.(phase, r, model, ctx.test);
    return r;
  } finally {
    model.dispose();
  }
}

function report(ctx: Context, model: LinearModel, run: TrainRun): ModelReport {
  const { test, threatModel } = ctx;
  const attack = exactLinearAttack({ threatModel });
  const clean = evaluate(model, test);
  const adv = evaluate(model, test, { attack });
  const delta = exactLinearPerturbation(model, { threatModel });
  const perturbation = delta.dataSync() as Float32Array;
  delta.dispose();
  return {
    cleanError: clean.error,
    cleanLoss: clean.loss,
    adversarialError: adv.error,
    adversarialLoss: adv.loss,
    trainSeconds: run.seconds,
    epochs: run.epochs,
    perturbation: Float32Array.from(perturbation),
    attackedSamples: attackedSamples(model, test, threatModel, ctx.settings.digits),
  };
}

function result(ctx: Context, standard: ModelReport, robust: ModelReport): LinearExperimentResult {
  const { mnist, settings, train, test } = ctx;
  return { settings, nTrain: train.n, nTest: test.n, rows: mnist.test.rows, cols: mnist.test.cols, standard, robust };
}

/** 20 test digits, 10 of each class, attacked exactly, with the model's predicted digit. */
function attackedSamples(model: LinearModel, test: BinaryData, threatModel: LpBall, digits: [number, number]): GridCell[] {
  const picks: number[] = [];
  for (const label of [-1, 1]) {
    for (let i = 0, k = 0; i < test.n && k < 10; i++) if (test.y[i] === label) (picks.push(i), k++);
  }
  const dim = test.dim;
  const x = new Float32Array(picks.length * dim);
  const y = new Float32Array(picks.length);
  picks.forEach((i, k) => {
    x.set(test.x.subarray(i * dim, (i + 1) * dim), k * dim);
    y[k] = test.y[i]!;
  });
  const [xAdvData, logits] = tf.tidy(() => {
    const { xAdv } = exactLinear(model, tf.tensor2d(x, [picks.length, dim]), tf.tensor1d(y), { threatModel });
    return [xAdv.dataSync() as Float32Array, model.logits(xAdv).dataSync() as Float32Array];
  });
  return picks.map((_, k) => {
    const predictedPositive = logits[k]! > 0;
    return {
      pixels: xAdvData.slice(k * dim, (k + 1) * dim),
      predicted: predictedPositive ? digits[1] : digits[0],
      correct: predictedPositive === y[k]! > 0,
    };
  });
}
