import * as tf from '@tensorflow/tfjs-core';
import type { Model } from '@advkit/models';

/** The logits of `model` for n inputs given as a flat array (layout `[n, ...inputShape]`), `[n·K]`. No tensors outlive the call. */
export function modelLogits(model: Model, x: Float32Array, n: number): Float32Array {
  const xt = tf.tensor(x, [n, ...model.inputShape], 'float32');
  try {
    const z = model.logits(xt);
    const v = Float32Array.from(z.dataSync() as Float32Array);
    z.dispose();
    return v;
  } finally {
    xt.dispose();
  }
}
