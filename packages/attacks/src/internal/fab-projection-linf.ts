import { argSort } from './arg-sort.js';

/**
 * The L∞ projection of FAB (Croce & Hein, "Minimally distorted adversarial examples with a fast
 * adaptive boundary attack", ICML 2020, §3.1), step for step as the reference's `projection_linf`
 * (fra31/auto-attack, fab_projections.py): the smallest-L∞ step d with t + d on the hyperplane
 * wᵀz = b (or, if unreachable, as close as the box allows) and t + d in the box [0, 1]^D:
 *
 *   min_d ‖d‖∞  s.t.  wᵀ(t + d) = b,  0 ≤ t + d ≤ 1,
 *
 * solved by sorting the breakpoints p_i = a_i − t_i(2a_i − 1) (a_i = [w_i < 0] after orienting w
 * towards the hyperplane) and a binary search over the cumulative sums for the level λ, then
 * d_i = clip(·, −λ, λ) towards the box corner a. Writes d into `out` (length D).
 */
export function fabProjectionLinf(t: ArrayLike<number>, wIn: ArrayLike<number>, bIn: number, out: Float64Array): void {
  const D = t.length;
  let wt = 0;
  for (let i = 0; i < D; i++) wt += wIn[i]! * t[i]!;
  const sg = wt - bIn >= 0 ? 1 : -1;
  const w = new Float64Array(D);
  for (let i = 0; i < D; i++) w[i] = wIn[i]! * sg;
  let b = bIn * sg;
  const a = new Float64Array(D);
  const d = out;
  const p = new Float64Array(D);
  let wt2 = 0;
  let b0 = 0;
  for (let i = 0; i < D; i++) {
    a[i] = w[i]! < 0 ? 1 : 0;
    d[i] = (a[i]! - t[i]!) * (w[i] !== 0 ? 1 : 0);
    p[i] = a[i]! - t[i]! * (2 * a[i]! - 1);
    wt2 += w[i]! * t[i]!;
    b0 += w[i]! * d[i]!;
  }
  const indp = argSort(p);
  b -= wt2;
  // indp2 = indp reversed; ws = w[indp2], bs2 = −ws·d[indp2]; s, sb their cumulative sums
  const s = new Float64Array(D);
  const sb = new Float64Array(D);
  let cs = 0;
  let csb = b0;
  for (let q = 0; q < D; q++) {
    const i = indp[D - 1 - q]!;
    cs += Math.abs(w[i]!);
    csb += -w[i]! * d[i]!;
    s[q] = cs;
    sb[q] = csb;
  }
  const b2all = sb[D - 1]! - s[D - 1]! * p[indp[0]!]!;
  const cl = b - b2all > 0;
  const c2 = b - b0 > 0 && !cl;
  if (cl) {
    const lmbd = Math.max((b - sb[D - 1]!) / -s[D - 1]!, 0);
    for (let i = 0; i < D; i++) d[i] = (2 * a[i]! - 1) * lmbd;
  } else if (c2) {
    let lb = 0;
    let ub = D - 1;
    const nitermax = Math.ceil(Math.log2(D));
    for (let it = 0; it < nitermax; it++) {
      const c4 = Math.floor((lb + ub) / 2);
      const indcurr = indp[D - 1 - c4]!;
      const b2 = sb[c4]! - s[c4]! * p[indcurr]!;
      if (b - b2 > 0) lb = c4;
      else ub = c4;
    }
    const lmbd = Math.max((b - sb[lb]!) / -s[lb]!, 0);
    for (let i = 0; i < D; i++) d[i] = Math.min(lmbd, d[i]!) * a[i]! + Math.max(-lmbd, d[i]!) * (1 - a[i]!);
  }
  for (let i = 0; i < D; i++) if (w[i] === 0) d[i] = 0;
}
