/**
 * ‖w_j − w_y‖_q for a linear model z = xW + b (`w[f][class]`, W as `Mlp`'s one layer holds it), with
 * q the dual norm of the attack's (1 for L∞, 2 for L2, ∞ for L1): the rate at which z_j − z_y can
 * change per unit of perturbation, for the closed forms of attacks on linear models.
 */
export function linearDualNorm(w: number[][], j: number, yi: number, norm: 'linf' | 'l2' | 'l1'): number {
  let q = 0;
  for (const row of w) {
    const v = row[j]! - row[yi]!;
    q = norm === 'linf' ? q + Math.abs(v) : norm === 'l1' ? Math.max(q, Math.abs(v)) : q + v * v;
  }
  return norm === 'l2' ? Math.sqrt(q) : q;
}

/**
 * The least L1 perturbation δ with x + δ in [0, 1]^d and vᵀδ ≥ `need` (v = w_j − w_y, need = z_y − z_j):
 * a fractional knapsack, so features are spent by decreasing |v_f|, each up to its room to the box side
 * sign(v_f) points to. Infinity when even all of them fall short.
 */
export function linearL1BoxDistance(w: number[][], j: number, yi: number, x: readonly number[], need: number): number {
  const v = w.map((row) => row[j]! - row[yi]!);
  const order = v.map((_, f) => f).sort((a, b) => Math.abs(v[b]!) - Math.abs(v[a]!));
  let left = need;
  let cost = 0;
  for (const f of order) {
    if (left <= 0) break;
    if (v[f] === 0) continue;
    const room = v[f]! > 0 ? 1 - x[f]! : x[f]!;
    const step = Math.min(room, left / Math.abs(v[f]!));
    cost += step;
    left -= step * Math.abs(v[f]!);
  }
  return left > 1e-12 ? Infinity : cost;
}
