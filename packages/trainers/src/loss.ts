import * as tf from '@tensorflow/tfjs-core';
import { ShapeError, checkTensor } from '@advkit/core';

/** Checks logits `[B, K]` and B labels (validation only: no ops, safe inside tf.grad). */
function checkLossArgs(logits: unknown, y: unknown, fn: string): void {
  const l = checkTensor(logits, fn, 'logits', { rank: 2 });
  const t = checkTensor(y, fn, 'y', { nonEmpty: false });
  if (t.dtype === 'string' || t.dtype === 'complex64') throw new ShapeError(`must be numeric, got dtype ${t.dtype}`, { fn, argument: 'y' });
  if (t.size !== l.shape[0]) throw new ShapeError(`must hold one label per row of logits (${l.shape[0]}), got shape [${t.shape.join(',')}]`, { fn, argument: 'y' });
}

/**
 * Mean loss of `logits` against labels `y`, and the per-example loss, as used by every advkit trainer:
 *
 * - binary (`logits` `[B, 1]`, `y` ±1 floats `[B]`): the logistic loss Ψ(m) = log(1 + e^{−m}) of the
 *   margin m = y·f(x) (Kolter & Madry, chapter 2; equal to BCE-with-logits on labels {0, 1});
 * - K classes (`logits` `[B, K]`, `y` int32 `[B]`): cross-entropy −log softmax(z)_y, computed with a
 *   one-hot mask (its gradient needs no `gather`, which the wasm backend cannot differentiate).
 *
 * @returns a scalar owned by the caller.
 */
export function meanLoss(logits: tf.Tensor, y: tf.Tensor): tf.Scalar {
  checkLossArgs(logits, y, 'meanLoss');
  return tf.tidy(() => tf.mean(perExampleLoss(logits, y)) as tf.Scalar);
}

/** Per-example loss (see {@link meanLoss}), shape `[B]`, owned by the caller. */
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

/** 1 where the prediction is wrong, else 0, shape `[B]` (binary: predicted +1 iff f(x) > 0). Caller owns it. */
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
