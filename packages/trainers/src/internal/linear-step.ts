import * as tf from '@tensorflow/tfjs-core';
import type { LinearModel } from '@advkit/models';
import type { LpBall } from '@advkit/threat-models';
import type { StepStats } from '../step-stats.js';
import { marginStats } from '../margin-stats.js';
import type { ScalarCache } from './scalar-cache.js';

/**
 * One SGD step of the logistic loss of a linear model with its analytic gradient (no autodiff tape), and
 * optionally of the closed-form robust objective. With margins m_i = y_i(θᵀx_i + θ0) − ε‖θ‖_* and
 * Ψ(m) = log(1 + e^{−m}), s_i = σ(−m_i) = −Ψ'(m_i):
 *
 *     ∇_θ  = −(1/B) Σ s_i (y_i x_i − ε u*),   ∇_θ0 = −(1/B) Σ s_i y_i,   u* ∈ ∂‖θ‖_* = argmax_{‖u‖≤1} θᵀu
 *
 * (Kolter & Madry, chapter 2: the robust loss of a linear model is Ψ(y(θᵀx+θ0) − ε‖θ‖_*)). With ε = 0
 * (or no `robustBall`) this is plain logistic regression. Updates `model.weight`/`model.bias` in place.
 *
 * Speed (this is the hot loop of the tutorial experiment): about 12 small kernels a step. Both matMuls
 * keep the fresh batch X as the left operand (X·θ and Xᵀ·r): the wasm backend packs the right operand
 * for XNNPACK on every call, and packing a new [B, d] batch costs ~250 µs where θ or r cost ~nothing.
 * The margins are read back once (B floats) for the epoch metrics instead of reduced by more kernels.
 *
 * @param yCol labels ±1, shape [B, 1]
 * @param scalars where the step's scalar constants are kept between steps (owned by the trainer);
 *   without it each step uploads its scalars anew (slower, same result)
 * @returns the batch's summed loss and error count (plain numbers).
 */
export function linearStep(
  model: LinearModel,
  xb: tf.Tensor2D,
  yCol: tf.Tensor2D,
  learningRate: number,
  robustBall: LpBall | undefined,
  scalars?: ScalarCache,
): StepStats {
  const margins = tf.tidy(() => {
    const batch = xb.shape[0];
    const w = model.weight;
    let m = tf.mul(yCol, tf.add(tf.matMul(xb, w), model.bias)) as tf.Tensor2D;
    let epsU: tf.Tensor | undefined;
    if (robustBall !== undefined && robustBall.epsilon > 0) {
      epsU = tf.reshape(robustBall.linearMaximizer(tf.reshape(w, [1, -1])), w.shape); // ε·u*, [d, 1]
      // θᵀ(ε·u*) = ε‖θ‖_* for every norm (u* attains the dual norm), so one matMul gives it.
      m = tf.sub(m, tf.matMul(w, epsU, true, false)) as tf.Tensor2D;
    }
    const s = tf.sigmoid(tf.neg(m));
    const r = tf.mul(s, tf.mul(yCol, scalars ? scalars.get(learningRate / batch) : learningRate / batch)); // −lr·∂L/∂z_i, [B, 1]
    let step = tf.matMul(xb, r, true, false); // Xᵀr, [d, 1]
    if (epsU !== undefined) step = tf.sub(step, tf.mul(epsU, tf.mul(tf.mean(s), scalars ? scalars.get(learningRate) : learningRate)));
    w.assign(tf.add(w, step) as tf.Tensor2D);
    model.bias.assign(tf.add(model.bias, tf.sum(r)) as tf.Tensor1D);
    return m;
  });
  const stats = marginStats(margins.dataSync());
  margins.dispose();
  return stats;
}
