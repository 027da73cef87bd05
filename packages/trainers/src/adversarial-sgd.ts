import { ArgumentError, checkOptions, describeValue, checkKnownKeys, optionKeys } from '@advkit/core';
import type { Model } from '@advkit/models';
import { isAttack, type Attack } from '@advkit/attacks';
import type { TrainOptions, TrainResult } from './train-options.js';
import type { LabeledInput } from '@advkit/models';
import { trainingLoop } from './internal/training-loop.js';
import { makeAdversarialStep } from './adversarial-step.js';

/** Options of {@link adversarialSgd}: those of `train` but the step, plus the attack. */
export interface AdversarialSgdOptions extends Omit<TrainOptions, 'step'> {
  /** The inner maximisation: any {@link Attack} (exact linear, FGSM, PGD, …). */
  attack: Attack;
}
const ADVERSARIAL_SGD_KEYS = optionKeys<AdversarialSgdOptions>()({ attack: true, epochs: true, batchSize: true, learningRate: true, seed: true, shuffle: true, onProgress: true, onEpochEnd: true, checkpoint: true, resumeFrom: true, signal: true, yieldEveryMs: true, executor: true, stopOnDivergence: true, optimizer: true });

/**
 * Adversarial training, `train` with `adversarialStep(options.attack)`: minibatch SGD on the empirical
 * adversarial risk
 *
 *     min_θ (1/N) Σ_i max_{δ∈Δ(x_i)} L(y_i, f(x_i + δ; θ)).
 *
 * Each step asks the attack for x + δ* on the current model (its seeds follow the global step, so a
 * resumed run with random starts equals an uninterrupted one), then steps on ∇_θ L(y, f(x + δ*; θ)):
 * by Danskin's theorem a (sub)gradient of the inner max when δ* is its maximiser (Madry et al. 2018,
 * "Towards deep learning models resistant to adversarial attacks", §2). Trains `model` in place.
 */
export async function adversarialSgd(model: Model, data: LabeledInput, options: AdversarialSgdOptions): Promise<TrainResult> {
  const fn = 'adversarialSgd';
  const opts = checkOptions(options, fn);
  checkKnownKeys(opts, ADVERSARIAL_SGD_KEYS, fn);
  if (!isAttack(opts.attack)) throw new ArgumentError(`must be an Attack ({ name, run(model, x, y, context) }), got ${describeValue(opts.attack)}`, { fn, argument: 'options.attack' });
  const { attack, ...rest } = opts;
  return trainingLoop(fn, model, data, { ...rest, step: makeAdversarialStep(attack, 'options.attack') }, { step: 'options.attack', attack: 'options.attack' });
}
