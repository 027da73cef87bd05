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
  /**
   * Save {@link TrainingState}s while training (see {@link CheckpointOptions}). With a tfjs `optimizer`
   * only the async trainers can (its state is read asynchronously). @default undefined (no checkpoints)
   */
  checkpoint?: CheckpointOptions;
  /**
   * Continue from a saved state instead of starting afresh: the model's weights, the epoch and step, the
   * shuffle generator and the metrics so far are restored from it. The state must come from the same
   * trainer with the same epochs (or fewer), batch size, seed, shuffle and data size, else
   * `CheckpointError`. With a tfjs `optimizer` only the async trainers can (they restore its state; pass
   * a fresh optimizer of the same kind and settings). @default undefined
   */
  resumeFrom?: TrainingState;
  /**
   * Stop training: checked after every step. When it is aborted the loop finishes the current step,
   * saves a checkpoint (when `checkpoint` is set) and throws `signal.reason`. With the synchronous
   * trainers only a callback (`onProgress`, …) can abort it; the async ones (`sgdAsync`, …) yield to the
   * event loop regularly so timers and signal handlers (SIGINT) can. @default undefined
   */
  signal?: AbortSignal;
}

/**
 * Where and how often {@link runTraining} saves a {@link TrainingState}. The state is a snapshot owned by
 * the callee (plain arrays; no tensors). Saves happen after every epoch, after every `everySteps` steps
 * when set, and when training stops on `signal`.
 */
export interface CheckpointOptions {
  /**
   * Persists one state (e.g. `FileCheckpointStore.save` from `@advkit/trainers/node`). The synchronous
   * trainers (`sgd`, …) need it to return nothing; the async ones (`sgdAsync`, …) await a Promise.
   */
  save(state: TrainingState): void | Promise<void>;
  /** Also save after every this many steps (counted across epochs). @default undefined (epoch ends only) */
  everySteps?: number;
  /** Free-form, JSON-serialisable data stored in `state.meta` (e.g. the experiment phase). @default undefined */
  meta?: Record<string, unknown>;
}

/**
 * Everything needed to continue a run exactly where it stopped, as saved by {@link CheckpointOptions}.
 * Resuming from it (`options.resumeFrom`) with the same model shape, data and options gives the same
 * weights and metrics, bit for bit on the same backend, as a run that was never interrupted.
 *
 * Position: `epoch` is the 1-based epoch in progress and `step` the number of its steps already taken;
 * after the last epoch `epoch === settings.epochs + 1` and `step === 0`. The minibatch order of an epoch
 * is a permutation drawn from the seeded generator at the epoch's start, so the state keeps the
 * generator's state as of that moment (`rngAtEpochStart`); a resume redraws the same permutation and
 * skips the `step` batches already done.
 */
export interface TrainingState {
  /** Identifies the object. */
  format: 'advkit-training-state';
  /** Version of this layout; readers reject versions they do not know. */
  version: 1;
  /** The trainer that wrote it, e.g. `'sgd'`. A resume must use the same trainer. */
  trainer: string;
  /** The options a resume must repeat (checked), plus the data size and input dimension. */
  settings: { epochs: number; batchSize: number; seed: number; shuffle: boolean; n: number; dim: number };
  /** 1-based epoch in progress (`settings.epochs + 1` when finished). */
  epoch: number;
  /** Steps of `epoch` already taken. */
  step: number;
  /** Steps taken in the whole run so far. */
  totalSteps: number;
  /** `Rng.state()` at the start of `epoch` (before its permutation was drawn). */
  rngAtEpochStart: number[];
  /** The model's variables (`getWeights(model)`), in `model.variables` order. */
  weights: Float32Array[];
  /** Metrics of the finished epochs. */
  epochs: EpochMetrics[];
  /** Running sums of `epoch` so far. */
  partial: { lossSum: number; errSum: number; learningRate: number; seconds: number };
  /** `CheckpointOptions.meta`, stored as given. */
  meta?: Record<string, unknown>;
  /**
   * The tfjs optimizer's state (`optimizer.getWeights()`: the iteration count and its slots, e.g.
   * momentum accumulators or Adam moments), saved by the async trainers only. @default undefined
   */
  optimizer?: OptimizerWeight[];
}

/** One named tensor of a tfjs optimizer's state, as plain numbers. */
export interface OptimizerWeight {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32';
  values: number[];
}
