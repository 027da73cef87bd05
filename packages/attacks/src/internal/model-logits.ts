import type * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, describeValue, isTensor } from '@advkit/core';
import type { Model } from '@advkit/models';

/**
 * `model.logits(x)`, checked before any op uses it: a float32 tensor `[batch, model.numOutputs]`.
 * Anything else is an {@link ArgumentError} on `model` naming `fn`, instead of a tfjs broadcast error
 * or a TypeError deep inside the attack; an error thrown by `logits` itself is wrapped the same way
 * (the original is the `cause`). Call inside a `tf.tidy` (the logits are the caller's to free).
 */
export function modelLogits(model: Model, x: tf.Tensor, fn: string): tf.Tensor {
  let z: unknown;
  try {
    z = model.logits(x);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new ArgumentError(`threw in logits(x): ${detail}`, { fn, argument: 'model', cause: err });
  }
  if (!isTensor(z) || z.isDisposed) {
    throw new ArgumentError(`returned ${describeValue(z)} from logits(x); it must return a tf.Tensor of logits`, { fn, argument: 'model' });
  }
  const batch = x.shape[0]!;
  const k = model.numOutputs;
  if (z.rank !== 2 || z.shape[0] !== batch || z.shape[1] !== k) {
    throw new ArgumentError(
      `returned logits of shape [${z.shape.join(',')}] for x of shape [${x.shape.join(',')}]; they must have shape [${batch},${k}] (batch × model.numOutputs)`,
      { fn, argument: 'model' },
    );
  }
  if (z.dtype !== 'float32') throw new ArgumentError(`returned logits of dtype ${z.dtype}; they must be float32`, { fn, argument: 'model' });
  return z;
}
