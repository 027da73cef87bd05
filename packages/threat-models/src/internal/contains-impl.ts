import type * as tf from '@tensorflow/tfjs-core';
import type { Box } from '../box.js';
import type { Norm } from '../norm.js';
import { checkCenterData, flatShape } from './checks.js';

/** 2^-22: two float32 ulps relative to the magnitude (one ulp of rounding, one of margin). */
const ULP2 = 2 ** -22;

/**
 * Per-example membership test in float64 on read-back data (unchecked; see LpBall.contains). Example k
 * is inside when ‖x_k − c_k‖_p ≤ ε + tol and lo − tolBox ≤ x_k ≤ hi + tolBox. Default tolerances are
 * the float32 rounding budget of a computed point: each coordinate may be off by an ulp of |c| + ε, so
 * tol = 2⁻²²·(ε + max_i |c_i|)·k with k = 1, √n, n for L∞, L2, L1, and tolBox = 2⁻²²·max(|lo|, |hi|).
 * An explicit `tolerance` replaces both. NaN in x makes an example "outside"; a non-finite centre is an
 * ArgumentError naming `fn`.
 */
export function containsImpl(
  x: tf.Tensor,
  center: tf.Tensor,
  norm: Norm,
  epsilon: number,
  box: Box | undefined,
  tolerance: number | undefined,
  fn: string,
): boolean[] {
  const [batch, n] = flatShape(x);
  const xs = x.dataSync();
  const cs = center.dataSync();
  checkCenterData(center, cs, undefined, fn); // a NaN centre would make every answer "outside", silently
  const k = norm === 'linf' ? 1 : norm === 'l2' ? Math.sqrt(n) : n;
  const boxTol = tolerance ?? (box === undefined ? 0 : ULP2 * Math.max(Math.abs(box.min), Math.abs(box.max)));
  const result: boolean[] = [];
  for (let e = 0; e < batch; e++) {
    const off = e * n;
    let acc = 0;
    let cMax = 0;
    let inBox = true;
    for (let i = 0; i < n; i++) {
      const xi = xs[off + i]!;
      const ci = cs[off + i]!;
      const d = Math.abs(xi - ci);
      if (norm === 'linf') acc = d > acc || Number.isNaN(d) ? d : acc;
      else acc += norm === 'l2' ? d * d : d;
      const ac = Math.abs(ci);
      if (ac > cMax) cMax = ac;
      if (box !== undefined && !(xi >= box.min - boxTol && xi <= box.max + boxTol)) inBox = false;
    }
    const len = norm === 'l2' ? Math.sqrt(acc) : acc;
    const tol = tolerance ?? ULP2 * (epsilon + cMax) * k;
    result.push(inBox && len <= epsilon + tol);
  }
  return result;
}
