import { argSort } from './arg-sort.js';

/**
 * The L2 projection of FAB (Croce & Hein, ICML 2020, §3.1), step for step as the reference's
 * `projection_l2` (fra31/auto-attack, fab_projections.py): the smallest-L2 step d with
 *
 *   min_d ‖d‖₂  s.t.  wᵀ(t + d) = b,  0 ≤ t + d ≤ 1,
 *
 * by sorting the values r_i at which coordinate i hits the box along −w, cumulative sums and a
 * binary search for the multiplier α; d_i = −α·w_i until the box clips it (d_i = −r_i·w_i). Writes d
 * into `out` (length D).
 */
export function fabProjectionL2(t: ArrayLike<number>, wIn: ArrayLike<number>, bIn: number, out: Float64Array): void {
  const D = t.length;
  let c = -bIn;
  for (let i = 0; i < D; i++) c += wIn[i]! * t[i]!;
  const sg = c >= 0 ? 1 : -1;
  c *= sg;
  const w = new Float64Array(D);
  const r = new Float64Array(D);
  for (let i = 0; i < D; i++) {
    const wi = wIn[i]! * sg;
    w[i] = wi;
    let ri = Math.max(t[i]! / wi, (t[i]! - 1) / wi);
    ri = Math.min(Math.max(ri, -1e12), 1e12);
    if (Math.abs(wi) < 1e-8 || Number.isNaN(ri)) ri = 1e12;
    if (ri === -1e12) ri = 1e12;
    r[i] = ri;
  }
  const indr = argSort(r);
  const rs = new Float64Array(D);
  const rs2 = new Float64Array(D);
  for (let q = 0; q < D; q++) rs[q] = r[indr[q]!]!;
  for (let q = 0; q + 1 < D; q++) rs2[q] = rs[q + 1]!;
  rs2[D - 1] = 0;
  for (let q = 0; q < D; q++) {
    if (rs[q] === 1e12) rs[q] = 0;
    if (rs2[q] === 1e12) rs2[q] = 0;
  }
  let w5 = 0;
  for (let q = 0; q < D; q++) w5 += w[indr[q]!]! ** 2;
  const ws = new Float64Array(D);
  let cum = 0;
  for (let q = 0; q < D; q++) {
    cum += w[indr[q]!]! ** 2;
    ws[q] = w5 - cum;
  }
  const d = out;
  let dw = 0;
  for (let i = 0; i < D; i++) {
    d[i] = Math.abs(w[i]!) > 1e-8 ? -(r[i]! * w[i]!) : 0;
    dw += d[i]! * w[i]!;
  }
  // s has D + 1 entries: s_0 = −w5·rs_0, s_{q+1} = Σ_{j≤q} (rs_j − rs2_j)·ws_j − w5·rs_0
  const s = new Float64Array(D + 1);
  s[0] = -w5 * rs[0]!;
  let acc = 0;
  for (let q = 0; q < D; q++) {
    acc += (-rs2[q]! + rs[q]!) * ws[q]!;
    s[q + 1] = acc - w5 * rs[0]!;
  }
  const c4 = s[0]! + c < 0;
  const c3 = dw + c > 0;
  if (c4) {
    const alpha = c / w5;
    for (let i = 0; i < D; i++) d[i] = -alpha * w[i]!;
  } else if (!c3) {
    let lb = 0;
    let ub = D - 1;
    const nitermax = Math.ceil(Math.log2(D));
    for (let it = 0; it < nitermax; it++) {
      const m = Math.floor((lb + ub) / 2);
      if (s[m]! + c > 0) lb = m;
      else ub = m;
    }
    let alpha = (s[lb]! + c) / ws[lb]! + rs[lb]!;
    if (ws[lb] === 0) alpha = 0;
    for (let i = 0; i < D; i++) if (!(alpha > r[i]!)) d[i] = -alpha * w[i]!;
  }
  for (let i = 0; i < D; i++) if (!(Math.abs(w[i]!) > 1e-8)) d[i] = 0;
}
