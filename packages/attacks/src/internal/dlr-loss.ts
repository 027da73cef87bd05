import { topLogits } from './top-logits.js';

/**
 * The Difference of Logits Ratio loss of one example (Croce & Hein, "Reliable evaluation of
 * adversarial robustness with an ensemble of diverse parameter-free attacks", ICML 2020, eq. 6), with
 * its gradient: for logits z sorted decreasingly z_π1 ≥ z_π2 ≥ z_π3 ≥ …,
 *
 *   DLR(z, y) = −(z_y − max_{i≠y} z_i) / (z_π1 − z_π3 + 1e-12),
 *
 * invariant to shifting and scaling the logits. With N = z_y − z_o (o = the best other class) and
 * D = z_π1 − z_π3 + 1e-12: ∂/∂z_y = −1/D, ∂/∂z_o = +1/D, ∂/∂z_π1 += N/D², ∂/∂z_π3 −= N/D² (the
 * gradient flows through the sorted values, as PyTorch's `sort`). Needs K ≥ 3 logits (the public
 * attacks require 4, as the targeted version). Writes ∂L/∂z into `grad` (length K) when given.
 */
export function dlrLoss(z: ArrayLike<number>, y: number, grad?: Float64Array): number {
  const [p1, p2, p3] = topLogits(z, 3) as [number, number, number];
  const o = p1 === y ? p2 : p1;
  const n = z[y]! - z[o]!;
  const d = z[p1]! - z[p3]! + 1e-12;
  if (grad !== undefined) {
    grad.fill(0);
    grad[y]! -= 1 / d;
    grad[o]! += 1 / d;
    grad[p1]! += n / (d * d);
    grad[p3]! -= n / (d * d);
  }
  return -n / d;
}
