import type * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, checkOptions } from '@advkit/core';
import { LinearModel } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import type { TrainOptions, TrainResult } from './train-options.js';
import type { LabeledData } from '@advkit/models';
import { runTraining } from './run-training.js';
import { linearStep } from './linear-step.js';
import { ScalarCache } from './scalar-cache.js';

export interface RobustLinearSgdOptions extends TrainOptions {
  /** The perturbation set Δ: an Lp ball (no box: the closed form holds for the ball alone). */
  threatModel: LpBall;
}

/**
 * Robust training of a binary linear model on the closed-form robust loss
 *
 *     (1/N) Σ Ψ( y_i(θᵀx_i + θ0) − ε‖θ‖_* ),   Ψ(m) = log(1 + e^{−m}),
 *
 * which equals the adversarial loss max_{‖δ‖≤ε} Ψ(y_i f(x_i+δ)) exactly (Kolter & Madry, chapter 2).
 * It is convex in θ. By Danskin's theorem its gradient is the gradient at the exact attack's x + δ*, so
 * this takes the same steps as `adversarialSgd` with `exactLinearAttack` (a test checks it).
 * Tutorial settings: lr 0.1, 20 epochs, batch 100. Trains `model` in place.
 */
export function robustLinearSgd(model: LinearModel, data: LabeledData, options: RobustLinearSgdOptions): TrainResult {
  const fn = 'robustLinearSgd';
  const opts = checkOptions(options, fn);
  const ball = checkRobustLinear(model, opts, fn);
  const scalars = new ScalarCache();
  try {
    return runTraining(model, data, opts, fn, (xb, yb, lr) => linearStep(model, xb as tf.Tensor2D, yb as tf.Tensor2D, lr, ball, scalars));
  } finally {
    scalars.dispose();
  }
}

/** The checks of {@link robustLinearSgd} and its async twin: a LinearModel, an LpBall without a box, plain SGD. Returns the ball. */
export function checkRobustLinear(model: unknown, opts: RobustLinearSgdOptions, fn: string): LpBall {
  if (!(model instanceof LinearModel)) throw new ArgumentError('must be a LinearModel', { fn, argument: 'model' });
  const ball = opts.threatModel;
  if (!(ball instanceof LpBall)) throw new ArgumentError('must be an LpBall', { fn, argument: 'options.threatModel' });
  if (ball.box !== undefined) {
    throw new ArgumentError('must have no box: the closed-form robust loss holds for the ball alone; use adversarialSgd', {
      fn,
      argument: 'options.threatModel',
    });
  }
  if (opts.optimizer !== undefined) throw new ArgumentError('is not supported here (plain SGD only)', { fn, argument: 'options.optimizer' });
  return ball;
}
