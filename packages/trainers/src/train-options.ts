import type * as tf from '@tensorflow/tfjs-core';
import { optionKeys } from '@advkit/core';
import type { TrainingState } from './checkpoint/training-state.js';
import type { TrainStep } from './train-step.js';
import type { StepExecutor } from './step-executor.js';

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
  /** Wall-clock seconds of the whole run (data upload, metrics and an executor's start-up included). */
  seconds: number;
  /** Optimisation steps taken. */
  steps: number;
}

/** A learning rate, fixed or as a schedule of the (1-based) epoch and the (1-based) step within it. */
export type LearningRate = number | ((epoch: number, step: number) => number);

/** Options of {@link train}; the named trainers (`sgd`, …) take all of them but `step`. */
export interface TrainOptions {
  /**
   * What one minibatch step does: `standardStep()`, `adversarialStep(attack)`, `robustLinearStep(ball)`
   * or any {@link TrainStep}. Required by `train`; the named trainers set it.
   */
  step?: TrainStep;
  /** Passes over the data. @default 10 (the tutorial's standard training) */
  epochs?: number;
  /** Examples per minibatch; the last one of an epoch may be smaller. @default 100 */
  batchSize?: number;
  /**
   * SGD step size, or a schedule `(epoch, step) => lr` (1-based), evaluated before every step; a value
   * that is not a finite number ≥ 0, or a schedule that throws, is an ArgumentError naming
   * `options.learningRate`. @default 1 (the tutorial's standard training)
   */
  learningRate?: LearningRate;
  /** Seed of the minibatch shuffle. @default 0 */
  seed?: number;
  /** Shuffle the examples every epoch. @default true */
  shuffle?: boolean;
  /**
   * A tfjs optimizer to apply the gradients with (e.g. `tf.train.momentum(0.1, 0.9)`). When set, it owns
   * the step size and `learningRate` is ignored; its state is saved in checkpoints and restored on
   * resume (pass a fresh optimizer of the same kind and settings). @default undefined (plain SGD with `learningRate`)
   */
  optimizer?: tf.Optimizer;
  /** Called after every step. */
  onProgress?: (progress: TrainProgress) => void;
  /** Called after every epoch with its metrics. */
  onEpochEnd?: (metrics: EpochMetrics) => void;
  /** Save {@link TrainingState}s while training (see {@link CheckpointOptions}). @default undefined (no checkpoints) */
  checkpoint?: CheckpointOptions;
  /**
   * Continue from a saved state instead of starting afresh: the model's weights, the epoch and step, the
   * shuffle generator, the metrics so far (and the optimizer's state) are restored from it. The state must
   * come from a step of the same name with the same epochs (or fewer), batch size, seed, shuffle and data
   * size, else `CheckpointError`. States of advkit ≤ 0.1 (version 1) are accepted. @default undefined
   */
  resumeFrom?: TrainingState;
  /**
   * Stop training: checked after every step (and by executors that can stop mid-step). When it is
   * aborted the loop saves a checkpoint of the last completed step (when `checkpoint` is set) and rejects
   * with `signal.reason`. An already aborted signal rejects before the first step. @default undefined
   */
  signal?: AbortSignal;
  /**
   * Yield to the event loop once this many milliseconds of training have passed, so timers, I/O, a
   * SIGINT handler or a Stop button can run (and abort `signal`). @default 20
   */
  yieldEveryMs?: number;
  /**
   * Where the steps run: by default in this thread; `dataParallel({ workers })` from
   * `@advkit/trainers/node` runs them on worker threads. @default undefined (this thread)
   */
  executor?: StepExecutor;
  /**
   * Stop with a `DivergenceError` (naming the epoch and step) when a step's batch loss is NaN or ±∞.
   * `false` lets training go on and report the non-finite losses in the metrics. @default true
   */
  stopOnDivergence?: boolean;
}
/** The names of {@link TrainOptions}, checked by the compiler against the interface (see `optionKeys`). */
export const TRAIN_KEYS = optionKeys<TrainOptions>()({
  step: true, epochs: true, batchSize: true, learningRate: true, seed: true, shuffle: true, optimizer: true, onProgress: true,
  onEpochEnd: true, checkpoint: true, resumeFrom: true, signal: true, yieldEveryMs: true, executor: true, stopOnDivergence: true,
});

/**
 * Where and how often `train` saves a {@link TrainingState}. The state is a snapshot owned by the callee
 * (plain arrays; no tensors). Saves happen after every epoch, after every `everySteps` steps when set, and
 * when training stops on `signal`; each save is awaited before training goes on.
 */
export interface CheckpointOptions {
  /** Persists one state (e.g. `FileCheckpointStore.save` from `@advkit/trainers/node`). */
  save(state: TrainingState): void | Promise<void>;
  /** Also save after every this many steps (counted across epochs). @default undefined (epoch ends only) */
  everySteps?: number;
  /** Free-form, JSON-serialisable data stored in `state.meta` (e.g. the experiment phase). @default undefined */
  meta?: Record<string, unknown>;
}
/** The names of {@link CheckpointOptions}. */
export const CHECKPOINT_KEYS = optionKeys<CheckpointOptions>()({ save: true, everySteps: true, meta: true });
