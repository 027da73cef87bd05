import * as tf from '@tensorflow/tfjs-core';
import { LinearModel } from '@advkit/models';
import { LpBall, type Norm } from '@advkit/threat-models';
import { exactLinear, exactLinearAttack, exactLinearPerturbation } from '@advkit/attacks';
import { evaluate } from '@advkit/attacks/evaluate';
import { sgd, robustLinearSgd, type EpochMetrics, type TrainProgress } from '@advkit/trainers';
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

/** Checkpointing of {@link runLinearExperiment}: one saved state per phase (a finished phase is restored without retraining). */
export type LinearExperimentCheckpointing = PhaseCheckpointing<Phase>;

export interface LinearExperimentOptions {
  /** Stop: the run rejects with `signal.reason` after the current training step. @default none */
  signal?: AbortSignal;
  /** Save and resume each phase. @default none */
  checkpointing?: LinearExperimentCheckpointing;
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
 * exactly, train a robust one on the closed-form robust loss, attack that too. The one runner of this
 * experiment, shared by the CLI and the browser page.
 *
 * The trainers are async and yield to the event loop ( so a signal handler or a Stop
 * button can abort `signal`; the promise then rejects with `signal.reason`). With `checkpointing` it
 * saves each phase's state after every epoch (and when stopped) and resumes each phase from
 * `checkpointing.resume`; states record their phase and the settings (`state.meta`), and a state saved
 * with other settings is refused with CheckpointError. An interrupted and resumed run gives the numbers
 * of an uninterrupted one, bit for bit. Leaves no tensors behind.
 */
export async function runLinearExperiment(mnist: Mnist, settings: LinearExperimentSettings, options: LinearExperimentOptions = {}): Promise<LinearExperimentResult> {
  const train = selectDigits(mnist.train, settings.digits);
  const test = selectDigits(mnist.test, settings.digits);
  const ctx: Context = { mnist, settings, train, test, threatModel: new LpBall({ norm: settings.norm, epsilon: settings.epsilon }) };
  const phase = async (p: Phase): Promise<ModelReport> => {
    options.onPhase?.(p);
    const model = new LinearModel({ inputSize: train.dim, seed: settings.seed });
    try {
      const trainOptions = {
        batchSize: settings.batchSize,
        seed: settings.seed,
        epochs: p === 'standard' ? settings.epochs : settings.robustEpochs,
        learningRate: p === 'standard' ? settings.learningRate : settings.robustLearningRate,
        onProgress: (pr: TrainProgress) => options.onProgress?.(p, pr),
        onEpochEnd: (m: EpochMetrics) => options.onEpochEnd?.(p, m),
        ...phaseCheckpointOptions('runLinearExperiment', p, settings, options.checkpointing, options.signal),
      };
      const run = p === 'standard' ? await sgd(model, train, trainOptions) : await robustLinearSgd(model, train, { ...trainOptions, threatModel: ctx.threatModel });
      const r = report(ctx, model, run);
      options.onPhaseEnd?.(p, r, model, test);
      return r;
    } finally {
      model.dispose();
    }
  };
  const standard = await phase('standard');
  const robust = await phase('robust');
  return { settings, nTrain: train.n, nTest: test.n, rows: mnist.test.rows, cols: mnist.test.cols, standard, robust };
}

interface Context {
  mnist: Mnist;
  settings: LinearExperimentSettings;
  train: BinaryData;
  test: BinaryData;
  threatModel: LpBall;
}

type TrainRun = { seconds: number; epochs: EpochMetrics[] };

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
