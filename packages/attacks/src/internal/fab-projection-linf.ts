import { argSort, argSortScratch, type ArgSortScratch } from './arg-sort.js';

/** Reusable buffers of {@link fabProjectionLinf} for rows of one length. */
export interface FabLinfScratch {
  w: Float64Array;
  a: Float64Array;
  p: Float64Array;
  s: Float64Array;
  sb: Float64Array;
  order: Uint32Array;
  /** {@link breakpointOrder}'s lists: exact zeros, exact ones, the other indices and their values. */
  zeros: Uint32Array;
  ones: Uint32Array;
  rest: Uint32Array;
  restValues: Float64Array;
  sort: ArgSortScratch;
}

/** Buffers for {@link fabProjectionLinf} of rows of length D. */
export function fabLinfScratch(D: number): FabLinfScratch {
  const f = (): Float64Array => new Float64Array(D);
  const u = (): Uint32Array => new Uint32Array(D);
  return { w: f(), a: f(), p: f(), s: f(), sb: f(), order: u(), zeros: u(), ones: u(), rest: u(), restValues: f(), sort: argSortScratch(D) };
}

/**
 * The orders of a point t that {@link fabProjectionLinf} can reuse for every hyperplane it projects t
 * onto (FAB projects the clean point once per step): `up` sorts the coordinates by (t_i, i), `down` by
 * (−t_i, i), both increasing.
 */
export interface FabLinfOrder {
  up: Uint32Array;
  down: Uint32Array;
}

/** {@link FabLinfOrder} of t. */
export function fabLinfOrder(t: ArrayLike<number>): FabLinfOrder {
  const D = t.length;
  const up = Uint32Array.from(argSort(t));
  const down = new Uint32Array(D);
  // reverse the runs of equal values of `up`, keeping each run in index order
  let k = 0;
  for (let e = D; e > 0; ) {
    let b = e - 1;
    while (b > 0 && t[up[b - 1]!] === t[up[e - 1]!]) b--;
    for (let q = b; q < e; q++) down[k++] = up[q]!;
    e = b;
  }
  return { up, down };
}

/**
 * The order of p by (p_i, i) given a candidate order of it: insertion sort, in place (linear when the
 * candidate is already sorted, as {@link pOrderFromT}'s lists are but for rounding in 1 − t).
 */
function insertionFix(order: Uint32Array, from: number, to: number, p: Float64Array): void {
  for (let q = from + 1; q < to; q++) {
    const i = order[q]!;
    const v = p[i]!;
    let r = q - 1;
    while (r >= from && (p[order[r]!]! > v || (p[order[r]!]! === v && order[r]! > i))) {
      order[r + 1] = order[r]!;
      r--;
    }
    order[r + 1] = i;
  }
}

/**
 * The order of p_i = a_i − t_i(2a_i − 1) by (p_i, i), the same as `argSort(p)`, in O(D) from t's
 * {@link FabLinfOrder}: p_i = t_i where a_i = 0 (in `up` order) and 1 − t_i where a_i = 1 (in `down`
 * order, which 1 − t keeps up to rounding; insertion sort settles such ties), then one merge.
 */
export function pOrderFromT(o: FabLinfOrder, a: Float64Array, p: Float64Array, out: Uint32Array, tmp: Uint32Array): Uint32Array {
  const D = p.length;
  let n0 = 0;
  for (let q = 0; q < D; q++) {
    const i = o.up[q]!;
    if (a[i] === 0) out[n0++] = i;
  }
  let n1 = 0;
  for (let q = 0; q < D; q++) {
    const i = o.down[q]!;
    if (a[i] !== 0) tmp[n1++] = i;
  }
  insertionFix(out, 0, n0, p);
  insertionFix(tmp, 0, n1, p);
  // merge out[0, n0) and tmp[0, n1) from the back into out, the larger (p, i) first
  let i0 = n0 - 1;
  let i1 = n1 - 1;
  for (let k = D - 1; k >= 0; k--) {
    if (i1 < 0) break;
    const x0 = i0 >= 0 ? out[i0]! : -1;
    const x1 = tmp[i1]!;
    if (x0 >= 0 && (p[x0]! > p[x1]! || (p[x0]! === p[x1]! && x0 > x1))) {
      out[k] = x0;
      i0--;
    } else {
      out[k] = x1;
      i1--;
    }
  }
  return out;
}

/**
 * The order of p by (p_i, i), the same as `argSort(p)`, sorting only the values other than exactly 0
 * and 1: the breakpoints of a point in [0, 1]^D are t_i or 1 − t_i, and FAB's iterates keep many
 * coordinates at the box's faces (MNIST's background), so about half the values are 0 or 1. The order
 * is the sorted values below 0, the zeros by index, the values in (0, 1), the ones by index, the values
 * above 1 (−0 counts as 0, as in the comparator sort).
 */
export function breakpointOrder(p: Float64Array, ws: FabLinfScratch): Uint32Array {
  const D = p.length;
  const { zeros, ones, rest, restValues, order: out } = ws;
  let nz = 0;
  let no = 0;
  let nr = 0;
  for (let i = 0; i < D; i++) {
    const v = p[i]!;
    if (v === 0) zeros[nz++] = i;
    else if (v === 1) ones[no++] = i;
    else {
      rest[nr] = i;
      restValues[nr++] = v;
    }
  }
  // positions into rest (kept in index order, so ties stay in index order)
  const sorted = argSort(restValues.subarray(0, nr), ws.sort);
  let k = 0;
  let q = 0;
  while (q < nr && restValues[sorted[q]!]! < 0) out[k++] = rest[sorted[q++]!]!;
  for (let j = 0; j < nz; j++) out[k++] = zeros[j]!;
  while (q < nr && restValues[sorted[q]!]! < 1) out[k++] = rest[sorted[q++]!]!;
  for (let j = 0; j < no; j++) out[k++] = ones[j]!;
  while (q < nr) out[k++] = rest[sorted[q++]!]!;
  return out;
}

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
 *
 * `scratch` ({@link fabLinfScratch}) saves the allocations; `tOrder` ({@link fabLinfOrder} of t) replaces
 * the sort of the breakpoints by a linear merge. Neither changes a bit of the result.
 */
export function fabProjectionLinf(t: ArrayLike<number>, wIn: ArrayLike<number>, bIn: number, out: Float64Array, scratch?: FabLinfScratch, tOrder?: FabLinfOrder): void {
  const D = t.length;
  let wt = 0;
  for (let i = 0; i < D; i++) wt += wIn[i]! * t[i]!;
  const sg = wt - bIn >= 0 ? 1 : -1;
  const ws = scratch ?? fabLinfScratch(D);
  const w = ws.w;
  let b = bIn * sg;
  const a = ws.a;
  const d = out;
  const p = ws.p;
  let wt2 = 0;
  let b0 = 0;
  let inBox = true;
  for (let i = 0; i < D; i++) {
    const wi = wIn[i]! * sg;
    const ti = t[i]!;
    if (!(ti >= 0 && ti <= 1)) inBox = false;
    const ai = wi < 0 ? 1 : 0;
    const di = (ai - ti) * (wi !== 0 ? 1 : 0);
    w[i] = wi;
    a[i] = ai;
    d[i] = di;
    p[i] = ai - ti * (2 * ai - 1);
    wt2 += wi * ti;
    b0 += wi * di;
  }
  const indp = tOrder === undefined ? breakpointOrder(p, ws) : pOrderFromT(tOrder, a, p, ws.order, ws.sort.idx2);
  b -= wt2;
  // indp2 = indp reversed; ws = w[indp2], bs2 = −ws·d[indp2]; s, sb their cumulative sums
  const s = ws.s;
  const sb = ws.sb;
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
    if (inBox && !Number.isNaN(lmbd)) {
      // t in the box: d_i = 1 − t_i ≥ 0 where a_i = 1 and d_i = −t_i ≤ 0 elsewhere (w_i = 0 is zeroed
      // below), so with λ ≥ 0 the formula below is min(λ, d_i) resp. max(−λ, d_i), signed zeros
      // included: both are d_i clipped to [−λ, λ]
      for (let i = 0; i < D; i++) {
        const di = d[i]!;
        d[i] = di > lmbd ? lmbd : di < -lmbd ? -lmbd : di;
      }
    } else for (let i = 0; i < D; i++) d[i] = Math.min(lmbd, d[i]!) * a[i]! + Math.max(-lmbd, d[i]!) * (1 - a[i]!);
  }
  for (let i = 0; i < D; i++) if (w[i] === 0) d[i] = 0;
}
