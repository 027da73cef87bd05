import type * as tf from '@tensorflow/tfjs-core';
import { LinearModel, type Model } from '@advkit/models';
import type { StepFunction } from './run-training.js';
import { linearStep } from './linear-step.js';
import type { ScalarCache } from './scalar-cache.js';
import { autodiffStep } from './autodiff-step.js';

/**
 * The step shared by {@link sgd} and {@link sgdAsync}: a {@link LinearModel} with plain SGD takes the
 * analytic-gradient fast path ({@link linearStep}); anything else (other models, a tfjs optimizer) goes
 * through autodiff. `scalars` is owned by the caller (dispose it after training).
 */
export function standardStep(model: Model, optimizer: tf.Optimizer | undefined, scalars: ScalarCache): StepFunction {
  if (model instanceof LinearModel && optimizer === undefined) {
    return (xb, yb, lr) => linearStep(model, xb as tf.Tensor2D, yb as tf.Tensor2D, lr, undefined, scalars);
  }
  return (xb, yb, lr) => autodiffStep(model, xb, yb, lr, optimizer);
}
