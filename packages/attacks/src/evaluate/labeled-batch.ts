import * as tf from '@tensorflow/tfjs-core';
import type { LabeledData, Model } from '@advkit/models';

/**
 * Examples `start…end−1` of checked `data` as tensors: x `[end − start, ...model.inputShape]` float32
 * and y `[end − start]` (±1 float32 for a binary model, int32 class indices otherwise). Owned by the
 * caller.
 */
export function labeledBatch(model: Model, data: LabeledData, dim: number, start: number, end: number): { x: tf.Tensor; y: tf.Tensor1D } {
  const x = tf.tensor(data.x.subarray(start * dim, end * dim), [end - start, ...model.inputShape], 'float32');
  const labels = data.y.subarray(start, end);
  const y = model.numOutputs === 1 ? tf.tensor1d(Float32Array.from(labels), 'float32') : tf.tensor1d(Int32Array.from(labels), 'int32');
  return { x, y };
}
