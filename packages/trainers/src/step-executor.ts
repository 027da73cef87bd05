import type * as tf from '@tensorflow/tfjs-core';
import type { Model } from '@advkit/models';
import type { LabeledData } from '@advkit/models';
import type { StepStats } from './step-stats.js';
import type { StepContext, TrainStep } from './train-step.js';

/**
 * Where the steps of a `train` run are computed. The loop (epochs, shuffling, learning rates,
 * checkpoints, resume, abort, metrics) is `train`'s; an executor only takes the steps it is given. By
 * default `train` runs them in the calling thread; `dataParallel({ workers })` from
 * `@advkit/trainers/node` runs them on worker threads.
 */
export interface StepExecutor {
  /** A short name for messages, e.g. `'dataParallel'`. */
  readonly name: string;
  /** Prepares one run (after the options are checked and a resumed state is loaded into the model). */
  start(setup: ExecutorSetup): Promise<ExecutorSession>;
}

/** What `train` hands an executor at the start of a run. */
export interface ExecutorSetup {
  /** The public function the user called, for error messages. */
  fn: string;
  /** The model, holding the weights to start from. */
  model: Model;
  data: LabeledData;
  /** Floats per example. */
  dim: number;
  step: TrainStep;
  /** How the user named the step's parts (e.g. `{ step: 'options.step', attack: 'options.step.attack' }`), for error messages. */
  argumentNames: { step: string; attack: string };
  optimizer?: tf.Optimizer;
  signal?: AbortSignal;
}

/** One run of an executor. `train` calls `close` exactly once, also after a failure. */
export interface ExecutorSession {
  /**
   * Takes one step on the examples `indices` (rows of `data`) and updates the weights. May reject with
   * `signal.reason` when the signal is aborted mid-step (the weights stay those of the previous step).
   */
  run(indices: Uint32Array, context: StepContext): StepStats | Promise<StepStats>;
  /** The current weights, in `model.variables` order, as fresh arrays (for a checkpoint). */
  weights(): Float32Array[];
  /** Ends the run: afterwards the model's variables hold the latest weights. */
  close(): Promise<void>;
}
