import * as tf from '@tensorflow/tfjs-core';
import { projectL1Ball } from '@advkit/threat-models';

/**
 * P_S for L1-APGD: each row of `points` projected onto B₁(center, ε) ∩ [lo, hi]^d, exactly (advkit's
 * `projectL1Ball`, the projection of the reference's `L1_projection`, Croce & Hein, ICML 2021).
 * Returns a new array; creates no tensors that outlive the call.
 */
export function projectL1Rows(points: Float32Array, centers: Float32Array, n: number, epsilon: number, lo: number, hi: number): Float32Array {
  const d = points.length / n;
  const box = Number.isFinite(lo) && Number.isFinite(hi) ? { box: { min: lo, max: hi } } : {};
  // The tidy returns the tensor, not the array: tf.tidy walks whatever its callback returns, key by key
  // with a Set of the values seen, looking for tensors, which for a [150, 784] Float32Array was half of
  // L1 Square's CPU time.
  const p = tf.tidy(() => projectL1Ball(tf.tensor2d(points, [n, d]), tf.tensor2d(centers, [n, d]), { epsilon, ...box }));
  try {
    return (p.dataSync() as Float32Array).slice();
  } finally {
    p.dispose();
  }
}

/** ‖a − b‖₀ per row: the count of coordinates that differ. */
export function l0Distance(a: Float32Array, b: Float32Array, n: number): Float64Array {
  const d = a.length / n;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let c = 0;
    for (let j = 0; j < d; j++) if (a[i * d + j] !== b[i * d + j]) c++;
    out[i] = c;
  }
  return out;
}

/**
 * L1-APGD's sparse step (Croce & Hein, "Mind the box: l1-APGD for sparse adversarial attacks on image
 * classifiers", ICML 2021, §3; the reference's `attack_single_run` with norm 'L1'): keep the
 * coordinates whose |gradient| is at least the value at 0-based rank ⌊(1 − topk)·d⌋ of the sorted
 * |gradient| (about the topk·d largest), and step along their signs with L1 length η:
 *
 *   u = x + η·s/‖s‖₁,   s = sign(g)·[|g| ≥ |g|_(⌊(1 − topk)·d⌋)],
 *
 * before the projection. (1 − topk)·d is computed in float32 and truncated, as the reference's
 * `.long()` of a float32 tensor, so the kept count matches it exactly.
 */
export function sparseSignStep(xAdv: Float32Array, grad: Float32Array, n: number, stepSize: Float64Array, topk: Float64Array): Float32Array {
  const d = xAdv.length / n;
  const out = new Float32Array(n * d);
  const sorted = new Float32Array(d);
  const f = Math.fround;
  for (let i = 0; i < n; i++) {
    const o = i * d;
    for (let j = 0; j < d; j++) sorted[j] = Math.abs(grad[o + j]!);
    sorted.sort();
    const rank = Math.min(Math.max(Math.trunc(f(f(1 - topk[i]!) * d)), 0), d - 1);
    const thr = sorted[rank]!;
    let count = 0;
    for (let j = 0; j < d; j++) {
      const g = grad[o + j]!;
      if (g !== 0 && Math.abs(g) >= thr) count++;
    }
    const len = f(stepSize[i]! / f(count + 1e-10));
    for (let j = 0; j < d; j++) {
      const g = grad[o + j]!;
      const s = g !== 0 && Math.abs(g) >= thr ? Math.sign(g) : 0;
      out[o + j] = xAdv[o + j]! + s * len;
    }
  }
  return out;
}
