import { checkOptions } from '@advkit/core';
import type { Model } from '@advkit/models';
import type { TrainOptions, TrainResult } from './train-options.js';
import type { LabeledData } from '@advkit/models';
import { runTraining } from './run-training.js';
import { ScalarCache } from './scalar-cache.js';
import { standardStep } from './standard-step.js';

/**
 * Standard minibatch SGD on the empirical risk (1/N) Σ L(y_i, f(x_i; θ)), with the logistic loss for
 * binary models and cross-entropy for K-class ones. The tutorial's settings are the defaults
 * (batch 100, lr 1, 10 epochs). A {@link LinearModel} with plain SGD takes the analytic-gradient fast
 * path (`linearStep`); other models use tfjs autodiff. Trains `model` in place.
 *
 * @returns per-epoch metrics and timings (plain numbers; no tensors to dispose).
 */
export function sgd(model: Model, data: LabeledData, options?: TrainOptions): TrainResult {
  const fn = 'sgd';
  const opts = checkOptions(options, fn);
  const scalars = new ScalarCache();
  try {
    return runTraining(model, data, opts, fn, standardStep(model, opts.optimizer, scalars));
  } finally {
    scalars.dispose();
  }
}
