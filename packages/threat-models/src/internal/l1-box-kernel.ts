import type { Box } from '../box.js';
import type { ExampleKernel } from './per-example.js';
import { makeRoundToward } from './round-toward.js';

/**
 * Per-example Euclidean projection onto {z : ‖z − c‖₁ ≤ ε} ∩ [lo, hi]ⁿ (internal), exact via the KKT
 * conditions. With w = z − c and v = x − c, the Lagrangian ½‖w − v‖² + λ‖w‖₁ over the box is separable,
 * and each 1-D problem is convex, so its minimiser is the clipped soft-threshold
 *
 *   w(λ) = clip(soft(v, λ), lo − c, hi − c),   soft(v, λ)_i = sign(v_i)·max(|v_i| − λ, 0),
 *
 * i.e. |w_i(λ)| = min(max(|v_i| − λ, 0), cap_i) with cap_i = hi − c_i (v_i > 0) or c_i − lo (v_i < 0).
 * The projection is w(λ*) for the smallest λ* ≥ 0 with h(λ*) = ‖w(λ*)‖₁ ≤ ε (complementary slackness).
 * This is the projection of AutoAttack's `L1_projection` (autoattack/autopgd_base.py; Croce & Hein,
 * "Mind the box: l1-APGD for sparse adversarial attacks on image classifiers", ICML 2021), which also
 * sorts the breakpoints and bisects over them. Rescaling x − c onto the sphere and then clipping to the
 * box, as some libraries did, is not this projection (and need not even be the nearest feasible point).
 *
 * h is continuous, non-increasing and linear between the breakpoints {0} ∪ {|v_i|} ∪ {|v_i| − cap_i}.
 * We sort the breakpoints, bisect over them (≈ log₂ 2n evaluations of h, O(n) each) to find the
 * segment [λ_a, λ_b] with h(λ_a) > ε ≥ h(λ_b), and solve the linear piece exactly:
 * λ* = λ_a + (h(λ_a) − ε)(λ_b − λ_a)/(h(λ_a) − h(λ_b)). No iteration count to tune, no residual.
 * Float64 throughout, result rounded toward c (see makeRoundToward). Requires c inside the box.
 */
export function makeL1BoxKernel(epsilon: number, box: Box, maxN: number): ExampleKernel {
  const a = new Float64Array(maxN); // |v_i|
  const cap = new Float64Array(maxN);
  const breaks = new Float64Array(2 * maxN + 1);
  const round = makeRoundToward();
  const { min: lo, max: hi } = box;
  return (x, c, off, n, out) => {
    let h0 = 0;
    for (let i = 0; i < n; i++) {
      const ci = c[off + i]!;
      const v = x[off + i]! - ci;
      a[i] = Math.abs(v);
      cap[i] = v > 0 ? hi - ci : v < 0 ? ci - lo : 0;
      h0 += Math.min(a[i]!, cap[i]!);
    }
    if (h0 <= epsilon || epsilon === 0) {
      // λ* = 0: the box projection alone is feasible (z = clip(x)); or ε = 0: z = c.
      for (let i = 0; i < n; i++) {
        const ci = c[off + i]!;
        const xi = x[off + i]!;
        out[off + i] = epsilon === 0 && h0 > 0 ? ci : xi < lo || xi > hi ? round(Math.min(Math.max(xi, lo), hi), ci) : xi;
      }
      return;
    }
    const h = (lambda: number): number => {
      let s = 0;
      for (let i = 0; i < n; i++) {
        const t = a[i]! - lambda;
        if (t > 0) s += t < cap[i]! ? t : cap[i]!;
      }
      return s;
    };
    let m = 0;
    breaks[m++] = 0;
    for (let i = 0; i < n; i++) {
      if (a[i]! > 0 && cap[i]! > 0) {
        breaks[m++] = a[i]!;
        const start = a[i]! - cap[i]!;
        if (start > 0) breaks[m++] = start;
      }
    }
    const bs = breaks.subarray(0, m);
    bs.sort();
    // Invariant: h(bs[ia]) > ε ≥ h(bs[ib]). h(0) = h0 > ε; h(max |v_i|) = 0 ≤ ε.
    let ia = 0;
    let ib = m - 1;
    let ha = h0;
    let hb = 0;
    while (ib - ia > 1) {
      const mid = (ia + ib) >>> 1;
      const hm = h(bs[mid]!);
      if (hm > epsilon) {
        ia = mid;
        ha = hm;
      } else {
        ib = mid;
        hb = hm;
      }
    }
    const la = bs[ia]!;
    const lb = bs[ib]!;
    const lambda = Math.min(lb, Math.max(la, la + ((ha - epsilon) * (lb - la)) / (ha - hb)));
    for (let i = 0; i < n; i++) {
      const ci = c[off + i]!;
      const t = Math.min(a[i]! - lambda, cap[i]!);
      out[off + i] = t > 0 ? round(x[off + i]! > ci ? ci + t : ci - t, ci) : ci;
    }
  };
}
