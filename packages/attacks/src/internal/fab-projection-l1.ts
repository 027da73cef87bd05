import { argSort } from './arg-sort.js';

/**
 * The L1 projection of FAB (Croce & Hein, "Minimally distorted adversarial examples with a fast
 * adaptive boundary attack", ICML 2020, §3.1), step for step as the reference's `projection_l1`
 * (fra31/auto-attack, fab_projections.py): the smallest-L1 step d with
 *
 *   min_d ‖d‖₁  s.t.  wᵀ(t + d) = b,  0 ≤ t + d ≤ 1,
 *
 * a fractional knapsack: with w oriented so that c = wᵀt − b ≥ 0, coordinate i lowers wᵀz by at most
 * |ds_i| = |min(−w_i·t_i, w_i·(1 − t_i))| (moved to the box corner [w_i < 0]) at the cost of |w_i| per
 * unit of L1. So the coordinates are taken by decreasing |w_i| (increasing r_i = 1/|w_i|): those before
 * the crossing move to their corners, the one where the cumulative sum s = c + Σ ds changes sign moves by
 * α = −s/w_i, the rest stay. A binary search over s finds the crossing. If even all corners do not reach
 * the hyperplane, d moves every coordinate with w_i ≠ 0 to its corner (as close as the box allows).
 * Writes d into `out` (length D).
 */
export function fabProjectionL1(t: ArrayLike<number>, wIn: ArrayLike<number>, bIn: number, out: Float64Array): void {
  const D = t.length;
  let c = -bIn;
  for (let i = 0; i < D; i++) c += wIn[i]! * t[i]!;
  const sg = c >= 0 ? 1 : -1;
  c *= sg;
  const w = new Float64Array(D);
  const r = new Float64Array(D);
  const d = out;
  for (let i = 0; i < D; i++) {
    const wi = wIn[i]! * sg;
    w[i] = wi;
    r[i] = Math.min(Math.abs(1 / wi), 1e12);
    d[i] = wi !== 0 ? (wi < 0 ? 1 : 0) - t[i]! : 0;
  }
  const indr = argSort(r);
  // rank[i]: the position of coordinate i in the order of indr (the reference's indr_rev)
  const rank = new Int32Array(D);
  for (let q = 0; q < D; q++) rank[indr[q]!] = q;
  // s_0 = c, s_{q+1} = s_q + ds_{indr[q]} (D + 1 entries)
  const s = new Float64Array(D + 1);
  s[0] = c;
  for (let q = 0; q < D; q++) {
    const i = indr[q]!;
    s[q + 1] = s[q]! + Math.min(-w[i]! * t[i]!, w[i]! * (1 - t[i]!));
  }
  if (s[D]! < 0) {
    let lb = 0;
    let ub = D + 1;
    const nitermax = Math.ceil(Math.log2(D));
    for (let it = 0; it < nitermax; it++) {
      const m = Math.floor((lb + ub) / 2);
      if (s[m]! > 0) lb = m;
      else ub = m;
    }
    const k = indr[lb]!;
    const alpha = -s[lb]! / w[k]!;
    for (let i = 0; i < D; i++) if (!(rank[i]! < lb)) d[i] = 0;
    d[k] = alpha;
  }
  for (let i = 0; i < D; i++) if (!(Math.abs(w[i]!) > 1e-8)) d[i] = 0;
}
