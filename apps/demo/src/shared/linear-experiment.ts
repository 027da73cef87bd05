import * as tf from '@tensorflow/tfjs-core';
import { LinearModel } from '@advkit/models';
import { LpBall, type Norm } from '@advkit/threat-models';
import { exactLinear, exactLinearAttack, exactLinearPerturbation } from '@advkit/attacks';
import { sgd, robustLinearSgd, evaluate, type EpochMetrics, type TrainProgress } from '@advkit/trainers';
import { selectDigits, type Mnist, type BinaryData } from '@advkit/datasets';
import type { GridCell } from './images.js';

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
}

/**
 * The tutorial's linear experiment with advkit's packages: train a logistic model by SGD, attack it
 * exactly, train a robust one on the closed-form robust loss, attack that too. Shared by the CLI and
 * the browser page. Leaves no tensors behind.
 */
export function runLinearExperiment(mnist: Mnist, settings: LinearExperimentSettings, hooks: LinearExperimentHooks = {}): LinearExperimentResult {
  const train = selectDigits(mnist.train, settings.digits);
  const test = selectDigits(mnist.test, settings.digits);
  const threatModel = new LpBall({ norm: settings.norm, epsilon: settings.epsilon });
  const attack = exactLinearAttack({ threatModel });

  const report = (phase: Phase, trainFn: (m: LinearModel) => { seconds: number; epochs: EpochMetrics[] }): ModelReport => {
    hooks.onPhase?.(phase);
    const model = new LinearModel({ inputSize: train.dim, seed: settings.seed });
    try {
      const run = trainFn(model);
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
        attackedSamples: attackedSamples(model, test, threatModel, settings.digits),
      };
    } finally {
      model.dispose();
    }
  };

  const common = { batchSize: settings.batchSize, seed: settings.seed };
  const standard = report('standard', (model) =>
    sgd(model, train, {
      ...common,
      epochs: settings.epochs,
      learningRate: settings.learningRate,
      onProgress: (p) => hooks.onProgress?.('standard', p),
      onEpochEnd: (m) => hooks.onEpochEnd?.('standard', m),
    }),
  );
  const robust = report('robust', (model) =>
    robustLinearSgd(model, train, {
      ...common,
      threatModel,
      epochs: settings.robustEpochs,
      learningRate: settings.robustLearningRate,
      onProgress: (p) => hooks.onProgress?.('robust', p),
      onEpochEnd: (m) => hooks.onEpochEnd?.('robust', m),
    }),
  );
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
