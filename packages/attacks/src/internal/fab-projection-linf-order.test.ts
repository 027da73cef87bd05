import { describe, expect, it } from 'vitest';
import { Rng } from '@advkit/core';
import { argSort } from './arg-sort.js';
import { breakpointOrder, fabLinfOrder, fabLinfScratch, fabProjectionLinf, pOrderFromT } from './fab-projection-linf.js';

// fabProjectionLinf's scratch buffers, its sort of the breakpoints (breakpointOrder) and the reused sort of
// t (FAB's clean point) are speed-ups only: the order must be argSort's (the comparator sort's, see
// arg-sort.test.ts) and the step the same to the last bit with and without them.
// fabProjectionLinf as it was before these speed-ups (the comparator sort, Math.min/max, fresh arrays),
// verbatim: the oracle for the bit-identity checks.
function unoptimisedProjectionLinf(t: ArrayLike<number>, wIn: ArrayLike<number>, bIn: number, out: Float64Array): void {
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
  const indp = Uint32Array.from({ length: D }, (_, i) => i).sort((i, j) => p[i]! - p[j]! || i - j);
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

// the coordinates whose bits differ (Object.is tells −0 from +0), so that the check is exact and cheap
const differing = (a: Float64Array, b: Float64Array): number => a.reduce((c, v, i) => c + (Object.is(v, b[i]) ? 0 : 1), 0);

describe('fabProjectionLinf with scratch and the order of t', () => {
  const rng = new Rng(17);
  const D = 784;
  // an MNIST-like point: mostly exact 0, some 1, float32 values between, tiny values, some so small that 1 − t rounds to 1
  const point = (): Float32Array =>
    Float32Array.from({ length: D }, () => {
      const u = rng.float();
      if (u < 0.6) return 0;
      if (u < 0.7) return 1;
      if (u < 0.72) return rng.float() * (u < 0.71 ? 1e-12 : 1e-17); // 1 − 1e-17 rounds to 1 in float64
      return rng.int(256) / 255 + (rng.float() < 0.5 ? 0 : 0.1 * rng.normal());
    }).map((v) => Math.min(Math.max(v, 0), 1));

  it('gives the bit-identical step of the unoptimised projection for many hyperplanes through the same point', () => {
    const scratch = fabLinfScratch(D);
    for (let c = 0; c < 20; c++) {
      const t = point();
      const order = fabLinfOrder(t);
      for (let h = 0; h < 10; h++) {
        const w = Float32Array.from({ length: D }, () => (rng.float() < 0.2 ? 0 : rng.normal()));
        let wt = 0;
        for (let i = 0; i < D; i++) wt += w[i]! * t[i]!;
        // hyperplanes near t and far from it, on both sides (all three branches of the projection)
        const b = wt + (rng.float() - 0.5) * (h < 5 ? 1 : 100);
        const plain = new Float64Array(D);
        unoptimisedProjectionLinf(t, w, b, plain);
        const fast = new Float64Array(D);
        fabProjectionLinf(t, w, b, fast, scratch, order);
        expect(differing(fast, plain)).toBe(0);
        const reused = new Float64Array(D);
        fabProjectionLinf(t, w, b, reused, scratch);
        expect(differing(reused, plain)).toBe(0);
        const fresh = new Float64Array(D);
        fabProjectionLinf(t, w, b, fresh);
        expect(differing(fresh, plain)).toBe(0);
      }
    }
  });

  it('orders the breakpoints p_i = a_i − t_i(2a_i − 1) as argSort(p) does, ties and rounding of 1 − t included', () => {
    for (let c = 0; c < 50; c++) {
      const t = point();
      const order = fabLinfOrder(t);
      const a = Float64Array.from({ length: D }, () => (rng.float() < 0.5 ? 1 : 0));
      const p = Float64Array.from(a, (ai, i) => ai - t[i]! * (2 * ai - 1));
      const got = pOrderFromT(order, a, p, new Uint32Array(D), new Uint32Array(D));
      expect(Array.from(got)).toEqual(Array.from(argSort(p)));
    }
  });

  it('breakpointOrder equals argSort on breakpoints with many exact 0s and 1s, and on values outside [0, 1]', () => {
    const scratch = fabLinfScratch(D);
    for (let c = 0; c < 50; c++) {
      const t = point();
      const a = Float64Array.from({ length: D }, () => (rng.float() < 0.5 ? 1 : 0));
      const p = Float64Array.from(a, (ai, i) => ai - t[i]! * (2 * ai - 1));
      // a few rows with values beyond the box's breakpoints and −0
      if (c % 5 === 0) for (let i = 0; i < D; i += 7) p[i] = i % 3 === 0 ? -0 : 3 * rng.normal();
      expect(Array.from(breakpointOrder(p, scratch))).toEqual(Array.from(argSort(p)));
    }
  });
});
