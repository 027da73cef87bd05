import { checkOptions, checkKnownKeys, optionKeys } from '@advkit/core';
import type { Model } from '@advkit/models';
import type { TrainOptions, TrainResult } from './train-options.js';
import type { LabeledInput } from '@advkit/models';
import { trainingLoop } from './internal/training-loop.js';
import { standardStep } from './standard-step.js';

/** Options of {@link sgd}: those of `train` but the step. */
export type SgdOptions = Omit<TrainOptions, 'step'>;
const SGD_KEYS = optionKeys<SgdOptions>()({ epochs: true, batchSize: true, learningRate: true, seed: true, shuffle: true, onProgress: true, onEpochEnd: true, checkpoint: true, resumeFrom: true, signal: true, yieldEveryMs: true, executor: true, stopOnDivergence: true, optimizer: true });

/**
 * Standard minibatch SGD on the empirical risk (1/N) Σ L(y_i, f(x_i; θ)), with the logistic loss for
 * binary models and cross-entropy for K-class ones: `train` with {@link standardStep}. The tutorial's
 * settings are the defaults (batch 100, lr 1, 10 epochs). A `LinearModel` with plain SGD takes the
 * analytic-gradient fast path. Trains `model` in place.
 *
 * @returns per-epoch metrics and timings (plain numbers; no tensors to dispose).
 */
export async function sgd(model: Model, data: LabeledInput, options?: SgdOptions): Promise<TrainResult> {
  const opts = checkOptions(options, 'sgd');
  checkKnownKeys(opts, SGD_KEYS, 'sgd');
  return trainingLoop('sgd', model, data, { ...opts, step: standardStep() }, { step: 'options', attack: 'options.attack' });
}
