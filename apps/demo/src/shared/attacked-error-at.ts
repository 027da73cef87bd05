/**
 * The exact attacked test error of a linear classifier f(x) = θᵀx + b at any budget ε, from its clean
 * logits alone. For the optimal attack in an ℓp ball of radius ε (no box), the attacked logit is
 * f(x + δ*) = f(x) − y·ε‖θ‖_*, i.e. every margin y·f(x) drops by ε‖θ‖_* (Kolter & Madry, "Adversarial
 * Robustness: Theory and Practice", linear-models chapter). An example counts as wrong when the attacked
 * logit's sign disagrees with its label (f > 0 means +1), as @advkit/trainers' `evaluate` counts it.
 *
 * @param logits clean logits f(x), one per example.
 * @param labels labels in {−1, +1}, same length.
 * @param dualNorm ‖θ‖_*, the dual norm of the weights (ℓ1 for an ℓ∞ ball, ℓ2 for ℓ2, ℓ∞ for ℓ1).
 * @param epsilon the attack budget ε ≥ 0.
 * @returns the fraction of examples misclassified under the attack.
 */
export function attackedErrorAt(logits: Float32Array, labels: Float32Array, dualNorm: number, epsilon: number): number {
  if (logits.length !== labels.length) throw new RangeError(`attackedErrorAt: logits has ${logits.length} values, labels ${labels.length}`);
  if (logits.length === 0) return 0;
  let wrong = 0;
  for (let i = 0; i < logits.length; i++) {
    const y = labels[i]!;
    const attacked = logits[i]! - y * epsilon * dualNorm;
    if (attacked > 0 !== y > 0) wrong++;
  }
  return wrong / logits.length;
}
