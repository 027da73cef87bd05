import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, ShapeError, checkTensor, valueChecksEnabled } from '@advkit/core';

/** Checks ±1 labels of shape [batch] or [batch, 1] (the values when `valueChecksEnabled()`); returns them (not a copy). */
export function checkBinaryLabels(y: unknown, batch: number, fn: string, arg = 'y'): tf.Tensor {
  const t = checkTensor(y, fn, arg, { dtype: 'float32' });
  if (!(t.shape[0] === batch && (t.rank === 1 || (t.rank === 2 && t.shape[1] === 1)))) {
    throw new ShapeError(`must have shape [${batch}] (one ±1 label per example), got [${t.shape.join(',')}]`, { fn, argument: arg });
  }
  if (!valueChecksEnabled()) return t; // the ±1 check needs a read-back (see setValueChecks of @advkit/core)
  const bad = tf.tidy(() => tf.any(tf.notEqual(tf.abs(t), 1)));
  const anyBad = bad.dataSync()[0] === 1;
  bad.dispose();
  if (anyBad) throw new ArgumentError('must hold labels -1 or +1 only', { fn, argument: arg });
  return t;
}
