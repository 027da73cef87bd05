import * as tf from '@tensorflow/tfjs-core';
import { checkLossArgs } from './check-loss-args.js';

/**
 * 1 where the prediction is wrong, else 0 (float32, shape `[B]`): binary (`logits` `[B, 1]`, `y` ±1),
 * the prediction is +1 iff f(x) > 0; K classes (`y` class indices), the prediction is argmax z.
 * Its sum is the number of errors of the batch.
 * @returns shape `[B]`, owned by the caller.
 * @throws ArgumentError / ShapeError naming `perExampleError` and the argument.
 */
export function perExampleError(logits: tf.Tensor, y: tf.Tensor): tf.Tensor1D {
  checkLossArgs(logits, y, 'perExampleError');
  return tf.tidy(() => {
    if (logits.shape[1] === 1) {
      const predPos = tf.greater(tf.reshape(logits, [-1]), 0);
      const isPos = tf.greater(tf.reshape(y, [-1]), 0);
      return tf.cast(tf.notEqual(predPos, isPos), 'float32') as tf.Tensor1D;
    }
    return tf.cast(tf.notEqual(tf.argMax(logits, 1), tf.cast(tf.reshape(y, [-1]), 'int32')), 'float32') as tf.Tensor1D;
  });
}
