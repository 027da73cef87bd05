import { checkOptions } from '@advkit/core';
import type { Model } from '@advkit/models';
import type { TrainOptions, TrainResult } from './train-options.js';
import type { LabeledInput } from '@advkit/models';
import { trainingLoop } from './internal/training-loop.js';
import { standardStep } from './standard-step.js';

/** Options of {@link sgd}: those of `train` but the step. */
export type SgdOptions = Omit<TrainOptions, 'step'>;

/**
 * Standard minibatch SGD on the empirical risk (1/N) Σ L(y_i, f(x_i; θ)), with the logistic loss for
 * binary models and cross-entropy for K-class ones: `train` with {@link standardStep}. The tutorial's
 * settings are the defaults (batch 100, lr 1, 10 epochs). A `LinearModel` with plain SGD takes the
 * analytic-gradient fast path. Trains `model` in place.
 *
 * @returns per-epoch metrics and timings (plain numbers; no tensors to dispose).
 */
export async function sgd(model: Model, data: LabeledInput, options?: SgdOptions): Promise<TrainResult> {
  return trainingLoop('sgd', model, data, { ...checkOptions(options, 'sgd'), step: standardStep() }, { step: 'options', attack: 'options.attack' });
}
