import type * as tf from '@tensorflow/tfjs-core';
import { checkOptions } from '@advkit/core';
import { LinearModel, type Model } from '@advkit/models';
import type { TrainOptions, TrainResult } from './train-options.js';
import type { TrainingData } from './training-data.js';
import { runTraining } from './run-training.js';
import { linearStep } from './linear-step.js';
import { ScalarCache } from './scalar-cache.js';
import { autodiffStep } from './autodiff-step.js';

/**
 * Standard minibatch SGD on the empirical risk (1/N) Σ L(y_i, f(x_i; θ)), with the logistic loss for
 * binary models and cross-entropy for K-class ones. The tutorial's settings are the defaults
 * (batch 100, lr 1, 10 epochs). A {@link LinearModel} with plain SGD takes the analytic-gradient fast
 * path (`linearStep`); other models use tfjs autodiff. Trains `model` in place.
 *
 * @returns per-epoch metrics and timings (plain numbers; no tensors to dispose).
 */
export function sgd(model: Model, data: TrainingData, options?: TrainOptions): TrainResult {
  const fn = 'sgd';
  const opts = checkOptions(options, fn);
  const optimizer = opts.optimizer;
  if (model instanceof LinearModel && optimizer === undefined) {
    const scalars = new ScalarCache();
    try {
      return runTraining(model, data, opts, fn, (xb, yb, lr) => linearStep(model, xb as tf.Tensor2D, yb as tf.Tensor2D, lr, undefined, scalars));
    } finally {
      scalars.dispose();
    }
  }
  return runTraining(model, data, opts, fn, (xb, yb, lr) => autodiffStep(model, xb, yb, lr, optimizer));
}
