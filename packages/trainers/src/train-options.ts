import type * as tf from '@tensorflow/tfjs-core';

/** Progress after each optimisation step. */
export interface TrainProgress {
  /** 1-based epoch. */
  epoch: number;
  epochs: number;
  /** 1-based step within the epoch. */
  step: number;
  stepsPerEpoch: number;
}

/** Metrics of one epoch: running averages over the epoch's minibatches, as the tutorial reports them. */
export interface EpochMetrics {
  /** 1-based epoch. */
  epoch: number;
  /** Mean training loss over the epoch's minibatches, measured before each step (on attacked inputs when training adversarially). */
  trainLoss: number;
  /** Fraction of training examples misclassified, measured the same way. */
  trainError: number;
  /** The learning rate of the epoch's last step. */
  learningRate: number;
  /** Wall-clock seconds of the epoch. */
  seconds: number;
}

/** What a training run returns. */
export interface TrainResult {
  epochs: EpochMetrics[];
  /** Wall-clock seconds of the whole run (data upload and metrics included). */
  seconds: number;
  /** Optimisation steps taken. */
  steps: number;
}

/** A learning rate, fixed or as a schedule of the (1-based) epoch and the step within it. */
export type LearningRate = number | ((epoch: number, step: number) => number);

export interface TrainOptions {
  /** Passes over the data. @default 10 (the tutorial's standard training) */
  epochs?: number;
  /** Examples per minibatch; the last one of an epoch may be smaller. @default 100 */
  batchSize?: number;
  /** SGD step size, or a schedule. @default 1 (the tutorial's standard training) */
  learningRate?: LearningRate;
  /** Seed of the minibatch shuffle. @default 0 */
  seed?: number;
  /** Shuffle the examples every epoch. @default true */
  shuffle?: boolean;
  /**
   * A tfjs optimizer to apply the gradients with (e.g. `tf.train.momentum(0.1, 0.9)`). When set, it owns
   * the step size and `learningRate` is ignored. @default undefined (plain SGD with `learningRate`)
   */
  optimizer?: tf.Optimizer;
  /** Called after every step. */
  onProgress?: (progress: TrainProgress) => void;
  /** Called after every epoch with its metrics. */
  onEpochEnd?: (metrics: EpochMetrics) => void;
}
