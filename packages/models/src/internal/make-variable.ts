import * as tf from '@tensorflow/tfjs-core';
import { checkTensor } from '@advkit/core';

/**
 * A trainable variable holding `initial`'s data. Takes ownership of `initial`: the variable shares its
 * data buffer, and the initial tensor handle is disposed so it does not count as a live tensor.
 */
export function makeVariable(initial: tf.Tensor): tf.Variable {
  checkTensor(initial, 'makeVariable', 'initial', { nonEmpty: false });
  const v = tf.variable(initial, true);
  initial.dispose();
  return v;
}
