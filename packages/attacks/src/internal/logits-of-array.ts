import * as tf from '@tensorflow/tfjs-core';
import type { Model } from '@advkit/models';
import { modelLogits } from './model-logits.js';

/**
 * The logits of `model` for n inputs given as a flat array (layout `[n, ...inputShape]`), as a flat
 * `[n·K]` array, checked like every attack's logits ({@link modelLogits}: a wrong shape, dtype or a
 * throwing model is an ArgumentError on `model` naming `fn`). No tensors outlive the call.
 */
export function logitsOfArray(model: Model, x: Float32Array, n: number, fn: string): Float32Array {
  const xt = tf.tensor(x, [n, ...model.inputShape], 'float32');
  try {
    const z = modelLogits(model, xt, fn);
    try {
      return Float32Array.from(z.dataSync() as Float32Array);
    } finally {
      z.dispose();
    }
  } finally {
    xt.dispose();
  }
}
