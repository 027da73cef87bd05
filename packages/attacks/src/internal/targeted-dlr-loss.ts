import { topLogits } from './top-logits.js';

/**
 * The targeted DLR loss of one example (Croce & Hein, ICML 2020, eq. 7; APGD-T), with its gradient:
 * for logits sorted decreasingly z_π1 ≥ z_π2 ≥ …, true class y and target t,
 *
 *   DLR_t(z, y) = −(z_y − z_t) / (z_π1 − (z_π3 + z_π4)/2 + 1e-12).
 *
 * With N = z_y − z_t, D = z_π1 − (z_π3 + z_π4)/2 + 1e-12: ∂/∂z_y = −1/D, ∂/∂z_t = +1/D,
 * ∂/∂z_π1 += N/D², ∂/∂z_π3 −= N/(2D²), ∂/∂z_π4 −= N/(2D²). Needs K ≥ 4 logits. Writes ∂L/∂z into
 * `grad` (length K) when given.
 */
export function targetedDlrLoss(z: ArrayLike<number>, y: number, t: number, grad?: Float64Array): number {
  const [p1, , p3, p4] = topLogits(z, 4) as [number, number, number, number];
  const n = z[y]! - z[t]!;
  const d = z[p1]! - 0.5 * (z[p3]! + z[p4]!) + 1e-12;
  if (grad !== undefined) {
    grad.fill(0);
    grad[y]! -= 1 / d;
    grad[t]! += 1 / d;
    grad[p1]! += n / (d * d);
    grad[p3]! -= n / (2 * d * d);
    grad[p4]! -= n / (2 * d * d);
  }
  return -n / d;
}
