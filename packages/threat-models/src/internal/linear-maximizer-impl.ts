import * as tf from '@tensorflow/tfjs-core';
import type { Norm } from '../norm.js';
import { flatShape } from './checks.js';
import { exactSign } from './exact-sign.js';

/** Smallest normal float32; dividing by it keeps subnormal gradients finite and non-zero. */
const MIN_NORMAL_F32 = 1.1754943508222875e-38;

/** argmax_{‖δ‖_p ≤ ε} gᵀδ per example, owned by the caller (unchecked; see linearMaximizer). */
export function linearMaximizerImpl(g: tf.Tensor, norm: Norm, epsilon: number): tf.Tensor {
  return tf.tidy(() => {
    const [batch, n] = flatShape(g);
    // One coordinate per example: every norm's maximiser is ε·sign(g) (and tf.oneHot needs depth ≥ 2).
    // exactSign, not tf.sign: tfjs-backend-wasm's Sign returns 0 below 1.19e-7 (see exact-sign.ts).
    if (norm === 'linf' || n === 1) return tf.mul(exactSign(g), epsilon);
    const flat = tf.reshape(g, [batch, n]);
    if (norm === 'l1') {
      // tf.argMax returns the lowest index among ties (checked on the wasm backend by the tests).
      const j = tf.argMax(tf.abs(flat), 1);
      // int32 one-hot, then cast: the wasm OneHot kernel of tfjs 4.22 ignores dtype 'float32' and
      // writes int32 bit patterns (onValue 1 reads back as 1.4e-45), so never ask it for floats.
      const e = tf.cast(tf.oneHot(j, n), 'float32');
      return tf.reshape(tf.mul(tf.mul(e, exactSign(flat)), epsilon), g.shape);
    }
    // L2: scale by max|g| first so that tiny gradients (1e-30 is common for confident models) do not
    // underflow in the sum of squares; then 1 ≤ ‖g/max|g|‖₂ ≤ √n for g ≠ 0, and g = 0 gives 0.
    const m = tf.maximum(tf.max(tf.abs(flat), 1, true), MIN_NORMAL_F32);
    const unit = tf.div(flat, m);
    const len = tf.sqrt(tf.sum(tf.square(unit), 1, true));
    return tf.reshape(tf.mul(tf.div(unit, tf.maximum(len, 1e-8)), epsilon), g.shape);
  });
}
