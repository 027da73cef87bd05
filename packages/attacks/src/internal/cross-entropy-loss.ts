/**
 * Cross-entropy of one example's logits z (K values) for label y, and its gradient:
 *
 *   L(z) = −log softmax(z)_y = logsumexp(z) − z_y,   ∂L/∂z_j = softmax(z)_j − [j = y].
 *
 * Computed with the max subtracted (no overflow). Writes ∂L/∂z into `grad` (length K) when given.
 * Pure JavaScript on float64; APGD-CE's per-example loss (Croce & Hein 2020, the reference's
 * `nn.CrossEntropyLoss(reduction='none')`).
 */
export function crossEntropyLoss(z: ArrayLike<number>, y: number, grad?: Float64Array): number {
  const k = z.length;
  let m = -Infinity;
  for (let j = 0; j < k; j++) if (z[j]! > m) m = z[j]!;
  let s = 0;
  for (let j = 0; j < k; j++) s += Math.exp(z[j]! - m);
  const lse = m + Math.log(s);
  if (grad !== undefined) {
    for (let j = 0; j < k; j++) grad[j] = Math.exp(z[j]! - lse) - (j === y ? 1 : 0);
  }
  return lse - z[y]!;
}
