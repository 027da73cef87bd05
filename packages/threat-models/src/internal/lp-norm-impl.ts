import * as tf from '@tensorflow/tfjs-core';
import type { Norm } from '../norm.js';
import { flatShape } from './checks.js';

/** Per-example ‖v‖_p as a `[batch]` tensor owned by the caller (unchecked; see lpNorm). */
export function lpNormImpl(v: tf.Tensor, norm: Norm): tf.Tensor1D {
  return tf.tidy(() => {
    const flat = tf.reshape(v, flatShape(v));
    if (norm === 'linf') return tf.max(tf.abs(flat), 1);
    if (norm === 'l1') return tf.sum(tf.abs(flat), 1);
    return tf.sqrt(tf.sum(tf.square(flat), 1));
  }) as tf.Tensor1D;
}
