import { checkOptions } from '@advkit/core';
import type { Model } from '@advkit/models';
import type { Attack } from '@advkit/attacks';
import type { TrainOptions, TrainResult } from './train-options.js';
import type { LabeledData } from '@advkit/models';
import { runTraining } from './run-training.js';
import { ScalarCache } from './scalar-cache.js';
import { adversarialStep, checkAttack } from './adversarial-step.js';

export interface AdversarialSgdOptions extends TrainOptions {
  /** The inner maximisation: any {@link Attack} (exact linear, FGSM, PGD, …). */
  attack: Attack;
}

/**
 * Adversarial training: minibatch SGD on the empirical adversarial risk
 *
 *     min_θ (1/N) Σ_i max_{δ∈Δ(x_i)} L(y_i, f(x_i + δ; θ)).
 *
 * Each step asks `attack` for x + δ* on the current model, then steps on ∇_θ L(y, f(x + δ*; θ)):
 * by Danskin's theorem this is a (sub)gradient of the inner max when δ* is its maximiser (Madry et al.
 * 2018, "Towards deep learning models resistant to adversarial attacks", §2). Trains `model` in place.
 */
export function adversarialSgd(model: Model, data: LabeledData, options: AdversarialSgdOptions): TrainResult {
  const fn = 'adversarialSgd';
  const opts = checkOptions(options, fn);
  const attack = checkAttack(opts.attack, fn);
  const scalars = new ScalarCache();
  try {
    return runTraining(model, data, opts, fn, adversarialStep(model, attack, opts.optimizer, scalars));
  } finally {
    scalars.dispose();
  }
}
