import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, ShapeError, checkTensor, valueChecksEnabled } from '@advkit/core';
import type { Model } from '@advkit/models';
import { checkBinaryLabels } from './check-binary-labels.js';

/**
 * Checks labels for `model` and returns them in the form {@link attackObjective} takes, as a new
 * tensor owned by the caller: ±1 floats `[B]` for a binary model, a float32 one-hot `[B, K]` otherwise.
 * K-class labels are class indices `[B]` (int32, or float32 holding integers) in 0..K−1. Shape and
 * dtype are always checked; the values only when `valueChecksEnabled()` of @advkit/core (they need a
 * read-back, a device sync on GPU backends).
 */
export function encodeAttackLabels(model: Model, y: unknown, batch: number, fn: string, arg: string): tf.Tensor {
  if (model.numOutputs === 1) {
    const t = checkBinaryLabels(y, batch, fn, arg);
    return tf.reshape(t, [-1]);
  }
  const k = model.numOutputs;
  const t = checkTensor(y, fn, arg);
  if (!(t.rank === 1 && t.shape[0] === batch)) {
    throw new ShapeError(`must have shape [${batch}] (one class index per example), got [${t.shape.join(',')}]`, { fn, argument: arg });
  }
  if (t.dtype !== 'int32' && t.dtype !== 'float32') throw new ArgumentError(`must have dtype int32 (class indices), got ${t.dtype}`, { fn, argument: arg });
  // the values need a read-back: only where that is cheap, or when asked (see setValueChecks of @advkit/core)
  if (valueChecksEnabled()) {
    const values = t.dataSync();
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (!Number.isInteger(v) || v < 0 || v >= k) {
        throw new ArgumentError(`must hold class indices 0..${k - 1}, got ${v} at index ${i}`, { fn, argument: arg });
      }
    }
  }
  // tf.oneHot with a float32 dtype is broken on wasm 4.22: build it in int32, then cast.
  return tf.tidy(() => tf.cast(tf.oneHot(tf.cast(t, 'int32'), k), 'float32'));
}
