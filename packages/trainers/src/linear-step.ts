import * as tf from '@tensorflow/tfjs-core';
import type { LinearModel } from '@advkit/models';
import type { LpBall } from '@advkit/threat-models';

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
 * `acc` (shape [2]: summed loss, summed errors) is replaced by a new tensor with this batch added; the
 * old one is disposed. Returns the new accumulator, owned by the caller.
 */
export function linearStep(
  model: LinearModel,
  xb: tf.Tensor2D,
  yCol: tf.Tensor2D,
  learningRate: number,
  robustBall: LpBall | undefined,
  acc: tf.Tensor1D,
): tf.Tensor1D {
  const next = tf.tidy(() => {
    const batch = xb.shape[0];
    const w = model.weight;
    let m = tf.mul(yCol, tf.add(tf.matMul(xb, w), model.bias)) as tf.Tensor2D;
    let epsU: tf.Tensor | undefined;
    if (robustBall !== undefined && robustBall.epsilon > 0) {
      const wRow = tf.reshape(w, [1, -1]);
      m = tf.sub(m, tf.mul(robustBall.epsilon, robustBall.dualNorm(wRow))) as tf.Tensor2D; // dualNorm: [1]
      epsU = tf.reshape(robustBall.linearMaximizer(wRow), [-1, 1]); // ε·u*, [d, 1]
    }
    const negM = tf.neg(m);
    const s = tf.sigmoid(negM);
    const r = tf.mul(s, tf.mul(yCol, learningRate / batch)); // −lr·∂L/∂z_i
    let newW = tf.add(w, tf.matMul(xb, r, true, false));
    if (epsU !== undefined) newW = tf.sub(newW, tf.mul(epsU, tf.mul(tf.mean(s), learningRate)));
    const newB = tf.add(model.bias, tf.sum(r));
    w.assign(newW as tf.Tensor2D);
    model.bias.assign(newB as tf.Tensor1D);
    const batchLoss = tf.sum(tf.softplus(negM));
    const batchErr = tf.sum(tf.cast(tf.lessEqual(m, 0), 'float32'));
    return tf.add(acc, tf.stack([batchLoss, batchErr])) as tf.Tensor1D;
  });
  acc.dispose();
  return next;
}
