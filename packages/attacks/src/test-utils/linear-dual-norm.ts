/**
 * ‖w_j − w_y‖_q for a linear model z = xW + b (`w[f][class]`, W as `Mlp`'s one layer holds it), with
 * q the dual norm of the attack's (1 for L∞, 2 for L2): the rate at which z_j − z_y can change per
 * unit of perturbation, for the closed forms of attacks on linear models.
 */
export function linearDualNorm(w: number[][], j: number, yi: number, norm: 'linf' | 'l2'): number {
  let q = 0;
  for (const row of w) {
    const v = row[j]! - row[yi]!;
    q = norm === 'linf' ? q + Math.abs(v) : q + v * v;
  }
  return norm === 'linf' ? q : Math.sqrt(q);
}
