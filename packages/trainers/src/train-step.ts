import type * as tf from '@tensorflow/tfjs-core';
import type { Model } from '@advkit/models';
import type { StepStats } from './step-stats.js';

/** Where a call of `TrainStep.run` sits in its run, and how to step. */
export interface StepContext {
  /** The public function running the loop (`'train'`, `'sgd'`, …), for error messages. */
  fn: string;
  /** 1-based epoch. */
  epoch: number;
  /** 1-based step within the epoch. */
  step: number;
  /**
   * 0-based index of this step in the whole run (steps taken before it). Randomised parts of a step (an
   * attack's random start) derive their seeds from it, so a resumed run takes the same steps.
   */
  globalStep: number;
  /** The step size of plain SGD (ignored when `optimizer` is set). */
  learningRate: number;
  /** The tfjs optimizer that applies the gradients, when the run has one. */
  optimizer?: tf.Optimizer;
}

/**
 * One minibatch step of a training run, as a value passed to `train` (`options.step`): given the batch
 * (owned by the loop, freed after the call), update `model`'s variables and report the batch's summed
 * loss and errors, measured before the update.
 *
 * Built-in: `standardStep()`, `adversarialStep(attack)`, `robustLinearStep(threatModel)`. A step must
 * free every tensor it makes, and derive any randomness from `context.globalStep` (so resumes are exact).
 */
export interface TrainStep {
  /** Identity written into checkpoints (`state.trainer`); a resume must use a step of the same name. */
  readonly name: string;
  run(model: Model, x: tf.Tensor, y: tf.Tensor, context: StepContext): StepStats;
  /**
   * Called by `train` once when a run ends (normally or not): frees what `run` kept between steps (e.g.
   * cached scalars). A later run may use the step again. @default undefined (nothing kept)
   */
  finish?(): void;
}
