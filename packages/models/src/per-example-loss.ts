import * as tf from '@tensorflow/tfjs-core';
import { checkLossArgs } from './check-loss-args.js';

/**
 * The loss of each example, as every advkit trainer and evaluation uses it (their mean loss is the mean
 * of this):
 *
 * - binary (`logits` `[B, 1]`, `y` ±1 floats `[B]`): the logistic loss Ψ(m) = log(1 + e^{−m}) of the
 *   margin m = y·f(x) (Kolter & Madry, chapter 2; equal to BCE-with-logits on labels {0, 1});
 * - K classes (`logits` `[B, K]`, `y` class indices `[B]`): cross-entropy −log softmax(z)_y, computed
 *   with a one-hot mask (its gradient needs no `gather`, which the wasm backend cannot differentiate).
 *
 * Differentiable with respect to `logits` (trainers call it inside `tf.variableGrads`).
 * @returns shape `[B]`, owned by the caller.
 * @throws ArgumentError / ShapeError naming `perExampleLoss` and the argument.
 */
export function perExampleLoss(logits: tf.Tensor, y: tf.Tensor): tf.Tensor1D {
  checkLossArgs(logits, y, 'perExampleLoss');
  return tf.tidy(() => {
    if (logits.shape[1] === 1) {
      const m = tf.mul(tf.reshape(logits, [-1]), tf.reshape(y, [-1]));
      return tf.softplus(tf.neg(m)) as tf.Tensor1D;
    }
    const k = logits.shape[1]!;
    const mask = tf.oneHot(tf.cast(tf.reshape(y, [-1]), 'int32'), k);
    return tf.neg(tf.sum(tf.mul(mask, tf.logSoftmax(logits)), 1)) as tf.Tensor1D;
  });
}
