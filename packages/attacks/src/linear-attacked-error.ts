import { ArgumentError, ShapeError, checkNumber, checkOptions, describeValue, checkKnownKeys, optionKeys } from '@advkit/core';

export interface LinearAttackedErrorOptions {
  /**
   * ‖θ‖_*, the dual norm of the model's weights for the attack's ball (ℓ1 for an ℓ∞ ball, ℓ2 for ℓ2,
   * ℓ∞ for ℓ1): `lpNorm(reshape(model.weight, [1, -1]), dualNormOf(norm))` of @advkit/threat-models.
   */
  dualNorm: number;
  /** The attack budget ε ≥ 0 (the radius of the ℓp ball). */
  epsilon: number;
}
const LINEAR_ATTACKED_ERROR_KEYS = optionKeys<LinearAttackedErrorOptions>()({ dualNorm: true, epsilon: true });

/**
 * The exact attacked error of a binary linear classifier f(x) = θᵀx + b at budget ε, from its clean
 * logits alone, for any ε at once (the demo page redraws it live under an ε slider).
 *
 * For the optimal attack in an ℓp ball of radius ε without a box (`exactLinear`), the attacked logit is
 *
 *   f(x + δ*) = f(x) − y·ε‖θ‖_*,
 *
 * i.e. every margin y·f(x) drops by ε‖θ‖_* (Kolter & Madry, "Adversarial Robustness: Theory and
 * Practice", NeurIPS 2018 tutorial, linear-models chapter). An example counts as wrong unless its attacked
 * logit agrees with its label (f > 0 predicts +1, f ≤ 0 predicts −1, as the evaluation counts it); a NaN
 * logit is always wrong. With a pixel box the attack is weaker and this is an upper bound.
 *
 * @param logits clean logits f(x), one per example.
 * @param labels labels in {−1, +1}, one per example.
 * @returns the fraction of examples misclassified under the attack (0 for no examples).
 * @throws {ShapeError} `logits` and `labels` differ in length.
 * @throws {ArgumentError} a label other than ±1, a negative or non-finite `dualNorm` or `epsilon`.
 */
export function linearAttackedError(logits: ArrayLike<number>, labels: ArrayLike<number>, options: LinearAttackedErrorOptions): number {
  const fn = 'linearAttackedError';
  for (const [arg, v] of [['logits', logits], ['labels', labels]] as const) {
    if (typeof v !== 'object' || v === null || typeof v.length !== 'number') throw new ArgumentError(`must be an array of numbers, got ${describeValue(v)}`, { fn, argument: arg });
  }
  if (logits.length !== labels.length) throw new ShapeError(`must have one value per label (${labels.length}), got ${logits.length}`, { fn, argument: 'logits' });
  const o = checkOptions(options, fn);
  checkKnownKeys(o, LINEAR_ATTACKED_ERROR_KEYS, fn);
  const dualNorm = checkNumber(o.dualNorm, fn, 'options.dualNorm', { min: 0 });
  const epsilon = checkNumber(o.epsilon, fn, 'options.epsilon', { min: 0 });
  if (logits.length === 0) return 0;
  const drop = epsilon * dualNorm;
  let wrong = 0;
  for (let i = 0; i < logits.length; i++) {
    const y = labels[i];
    if (y !== 1 && y !== -1) throw new ArgumentError(`must hold -1 or +1, got ${describeValue(y)} at index ${i}`, { fn, argument: 'labels' });
    const attacked = logits[i]! - y * drop;
    const right = y > 0 ? attacked > 0 : attacked <= 0; // NaN: neither, so wrong
    if (!right) wrong++;
  }
  return wrong / logits.length;
}
