import * as tf from '@tensorflow/tfjs-core';
import type { Box } from '../box.js';
import type { Norm } from '../norm.js';
import { checkCenter, checkCenterData, flatShape } from './checks.js';
import { makeL1BallKernel } from './l1-ball-kernel.js';
import { makeL1BoxKernel } from './l1-box-kernel.js';
import { makeL2BoxKernel } from './l2-box-kernel.js';
import { mapExamples } from './per-example.js';

/**
 * Exact Euclidean projection onto B_p(center, ε) ∩ box, per example (unchecked arguments; the public
 * functions validate; the centre is checked here, finite and inside the box, because the read-back of
 * its values is done here: by {@link checkCenter} once per centre tensor on the tfjs paths, on the data
 * the JS paths read anyway). Returns a new tensor owned by the caller.
 *
 * Where the work happens, and why:
 * - L∞ (± box) and L2 without a box: three to eight fast tfjs kernels; they stay on the backend (wasm
 *   SIMD here, WebGL later). A point inside the ball comes back as c + (x − c) in float32, which is x
 *   itself unless x − c had to round (then within an ulp of x).
 * - L1 (± box) and L2 ∩ box: a per-example sort (Duchi et al.) or a sort plus bisection over the sorted
 *   breakpoints (KKT), in float64 JS on `dataSync()` data. Duchi alone could be written with
 *   tf.topk + tf.cumsum (about ten [batch, n] kernels), but the box variants search 2n sorted
 *   breakpoints with data-dependent bisection, which tfjs cannot express without a kernel per step;
 *   one float64 JS path for all three is simpler, and float64 makes the final solve exact. For
 *   [100, 784]: one read-back, a sort of ≤ 1569 doubles (~20–45 µs) and ≤ 12 O(n) passes per example
 *   (timings in the package README).
 */
export function projectImpl(norm: Norm, x: tf.Tensor, center: tf.Tensor, epsilon: number, box: Box | undefined, fn: string): tf.Tensor {
  const n = flatShape(x)[1];
  // Op choice, measured on the wasm backend (tfjs 4.22, Node, one thread, [100, 784] float32):
  // add/sub/mul/clipByValue/abs ≈ 10–20 µs each, but Maximum/Minimum ≈ 0.9 ms (no fast path) and
  // where/lessEqual with a broadcast operand ≈ 5–8 ms (broadcastTo tiles it). So clip the offset with
  // clipByValue rather than max/min against c ± ε, and scale with a [batch, 1] factor, not a select.
  if (norm === 'linf') {
    checkCenter(center, box, fn);
    return tf.tidy(() => {
      // c + clip(x − c, −ε, ε); with a box, clip again to [lo, hi]: the composition equals
      // clip(x, max(c − ε, lo), min(c + ε, hi)) because c ∈ [lo, hi] makes the two intervals meet.
      const z = tf.add(center, tf.clipByValue(tf.sub(x, center), -epsilon, epsilon));
      return box === undefined ? z : tf.clipByValue(z, box.min, box.max);
    });
  }
  if (norm === 'l2' && box === undefined) {
    checkCenter(center, undefined, fn);
    if (epsilon === 0) return tf.clone(center);
    return tf.tidy(() => {
      const shape = flatShape(x);
      const d = tf.sub(tf.reshape(x, shape), tf.reshape(center, shape));
      const len = tf.sqrt(tf.sum(tf.square(d), 1, true));
      // min(1, ε/‖d‖₂) per example ([batch, 1], so the slow Minimum kernel is cheap); ‖d‖₂ = 0 gives
      // ε/0 = ∞ and a factor 1.
      const factor = tf.minimum(tf.div(epsilon, len), 1);
      return tf.reshape(tf.add(tf.reshape(center, shape), tf.mul(d, factor)), x.shape);
    });
  }
  const cs = center.dataSync() as Float32Array;
  checkCenterData(center, cs, box, fn);
  if (box === undefined) return mapExamples(x, center, makeL1BallKernel(epsilon, n), cs);
  const kernel = norm === 'l1' ? makeL1BoxKernel(epsilon, box, n) : makeL2BoxKernel(epsilon, box, n);
  return mapExamples(x, center, kernel, cs);
}
