import * as tf from '@tensorflow/tfjs-core';
import { checkLossArgs } from './check-loss-args.js';

/**
 * 1 where the prediction is wrong, else 0 (float32, shape `[B]`): binary (`logits` `[B, 1]`, `y` ±1),
 * the prediction is +1 iff f(x) > 0; K classes (`y` class indices), the prediction is argmax z.
 * Its sum is the number of errors of the batch. An example with a NaN or ±∞ logit counts as an error
 * (a diverged model must never look accurate: NaN compares false, so `f(x) > 0` alone would call every
 * NaN a correct −1 and argMax would pick some class).
 * @returns shape `[B]`, owned by the caller.
 * @throws ArgumentError / ShapeError naming `perExampleError` and the argument.
 */
export function perExampleError(logits: tf.Tensor, y: tf.Tensor): tf.Tensor1D {
  checkLossArgs(logits, y, 'perExampleError');
  return tf.tidy(() => {
    // |z| < ∞ is false for NaN and ±∞; min over the row = "every logit finite"
    const finite = tf.cast(tf.min(tf.cast(tf.less(tf.abs(logits), Infinity), 'int32'), 1), 'bool');
    let wrong: tf.Tensor;
    if (logits.shape[1] === 1) {
      const predPos = tf.greater(tf.reshape(logits, [-1]), 0);
      const isPos = tf.greater(tf.reshape(y, [-1]), 0);
      wrong = tf.notEqual(predPos, isPos);
    } else {
      wrong = tf.notEqual(tf.argMax(logits, 1), tf.cast(tf.reshape(y, [-1]), 'int32'));
    }
    return tf.cast(tf.logicalOr(wrong, tf.logicalNot(finite)), 'float32') as tf.Tensor1D;
  });
}
