import type { Box } from '../box.js';
import type { ExampleKernel } from './per-example.js';
import { makeRoundToward } from './round-toward.js';

/**
 * Per-example Euclidean projection onto {z : ‖z − c‖₂ ≤ ε} ∩ [lo, hi]ⁿ (internal), exact via the KKT
 * conditions. With w = z − c and v = x − c, the Lagrangian ½‖w − v‖² + (λ/2)(‖w‖² − ε²) over the box is
 * separable; each 1-D problem is a convex quadratic, minimised over an interval by clipping:
 *
 *   w(λ) = clip(v/(1 + λ), lo − c, hi − c),  i.e. |w_i| = min(|v_i|·t, cap_i) with t = 1/(1 + λ),
 *
 * cap_i = hi − c_i (v_i > 0) or c_i − lo (v_i < 0). The projection is w(λ*) for the smallest λ* ≥ 0
 * (largest t ≤ 1) with ‖w‖₂ ≤ ε (complementary slackness). If ‖clip(v)‖₂ ≤ ε then λ* = 0.
 *
 * In u = t², G(u) = ‖w‖₂² = Σ min(v_i² u, cap_i²) is continuous, non-decreasing and *linear* between
 * the breakpoints u_i = (cap_i/|v_i|)². We sort them, bisect over them to find the segment
 * [u_a, u_b] with G(u_a) ≤ ε² < G(u_b) (≈ log₂ n evaluations of G, O(n) each), and solve the linear piece
 * exactly: u* = u_a + (ε² − G(u_a))(u_b − u_a)/(G(u_b) − G(u_a)). This is the bisection on the
 * multiplier with an exact final step; there is no iteration count or residual.
 * Float64 throughout, result rounded toward c (see makeRoundToward). Requires c inside the box.
 */
export function makeL2BoxKernel(epsilon: number, box: Box, maxN: number): ExampleKernel {
  const a2 = new Float64Array(maxN); // v_i²
  const cap2 = new Float64Array(maxN); // cap_i²
  const cap = new Float64Array(maxN);
  const breaks = new Float64Array(maxN + 2);
  const round = makeRoundToward();
  const { min: lo, max: hi } = box;
  const eps2 = epsilon * epsilon;
  return (x, c, off, n, out) => {
    let g1 = 0;
    for (let i = 0; i < n; i++) {
      const ci = c[off + i]!;
      const v = x[off + i]! - ci;
      const k = v > 0 ? hi - ci : v < 0 ? ci - lo : 0;
      cap[i] = k;
      a2[i] = v * v;
      cap2[i] = k * k;
      g1 += Math.min(a2[i]!, cap2[i]!);
    }
    if (g1 <= eps2 || epsilon === 0) {
      // λ* = 0: the box projection alone is feasible (z = clip(x)); or ε = 0: z = c.
      for (let i = 0; i < n; i++) {
        const ci = c[off + i]!;
        const xi = x[off + i]!;
        out[off + i] = epsilon === 0 && g1 > 0 ? ci : xi < lo || xi > hi ? round(Math.min(Math.max(xi, lo), hi), ci) : xi;
      }
      return;
    }
    const G = (u: number): number => {
      let s = 0;
      for (let i = 0; i < n; i++) {
        const t = a2[i]! * u;
        s += t < cap2[i]! ? t : cap2[i]!;
      }
      return s;
    };
    let m = 0;
    breaks[m++] = 0;
    breaks[m++] = 1;
    for (let i = 0; i < n; i++) {
      if (a2[i]! > 0) {
        const u = cap2[i]! / a2[i]!;
        if (u < 1) breaks[m++] = u;
      }
    }
    const bs = breaks.subarray(0, m);
    bs.sort();
    // Invariant: G(bs[ia]) ≤ ε² < G(bs[ib]). G(0) = 0; G(1) = g1 > ε².
    let ia = 0;
    let ib = m - 1;
    let ga = 0;
    let gb = g1;
    while (ib - ia > 1) {
      const mid = (ia + ib) >>> 1;
      const gm = G(bs[mid]!);
      if (gm <= eps2) {
        ia = mid;
        ga = gm;
      } else {
        ib = mid;
        gb = gm;
      }
    }
    const ua = bs[ia]!;
    const ub = bs[ib]!;
    const u = Math.min(ub, Math.max(ua, ua + ((eps2 - ga) * (ub - ua)) / (gb - ga)));
    const t = Math.sqrt(u);
    for (let i = 0; i < n; i++) {
      const ci = c[off + i]!;
      const v = x[off + i]! - ci;
      const w = Math.min(Math.abs(v) * t, cap[i]!);
      out[off + i] = w > 0 ? round(v > 0 ? ci + w : ci - w, ci) : ci;
    }
  };
}
