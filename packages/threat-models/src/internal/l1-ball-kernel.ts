import type { ExampleKernel } from './per-example.js';
import { makeRoundToward } from './round-toward.js';

/**
 * Per-example Euclidean projection onto the L1 ball {z : ‖z − c‖₁ ≤ ε} (internal), by the sort-based
 * method of Duchi, Shalev-Shwartz, Singer & Chandra, "Efficient projections onto the l1-ball for
 * learning in high dimensions", ICML 2008, Fig. 1, applied to v = x − c with the signs restored:
 *
 *   u = |v| sorted descending,  ρ = max{ j : u_j − (Σ_{r≤j} u_r − ε)/j > 0 },
 *   θ = (Σ_{r≤ρ} u_r − ε)/ρ,    w_i = sign(v_i)·max(|v_i| − θ, 0),   z = c + w.
 *
 * In float64 (the float32 inputs are exact in float64); the result is rounded toward c, so ‖z − c‖₁ ≤ ε
 * up to float64 rounding (relative 1e-15). Points already inside are returned bit for bit.
 */
export function makeL1BallKernel(epsilon: number, maxN: number): ExampleKernel {
  const u = new Float64Array(maxN);
  const round = makeRoundToward();
  return (x, c, off, n, out) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += Math.abs(x[off + i]! - c[off + i]!);
    if (s <= epsilon) {
      for (let i = 0; i < n; i++) out[off + i] = x[off + i]!;
      return;
    }
    if (epsilon === 0) {
      for (let i = 0; i < n; i++) out[off + i] = c[off + i]!;
      return;
    }
    const us = u.subarray(0, n);
    for (let i = 0; i < n; i++) us[i] = Math.abs(x[off + i]! - c[off + i]!);
    us.sort(); // ascending; walk it from the end for the descending order of the paper
    let cum = 0;
    let theta = 0;
    for (let j = 1; j <= n; j++) {
      const uj = us[n - j]!;
      cum += uj;
      const t = (cum - epsilon) / j;
      // The condition holds for j ≤ ρ and fails for every j > ρ, so the walk stops at ρ.
      if (uj - t > 0) theta = t;
      else break;
    }
    for (let i = 0; i < n; i++) {
      const ci = c[off + i]!;
      const v = x[off + i]! - ci;
      const a = Math.abs(v) - theta;
      out[off + i] = a > 0 ? round(ci + (v > 0 ? a : -a), ci) : ci;
    }
  };
}
