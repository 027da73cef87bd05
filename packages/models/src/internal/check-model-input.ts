import type { Tensor } from '@tensorflow/tfjs-core';
import { ArgumentError, checkTensor, describeValue, ShapeError } from '@advkit/core';

/**
 * Checks that `x` is a live float tensor of shape `[batch, ...inputShape]` for a model; throws
 * ArgumentError/ShapeError naming `fn` and `arg` otherwise.
 */
export function checkModelInput(x: unknown, inputShape: readonly number[], fn: string, arg = 'x'): Tensor {
  const t = checkTensor(x, fn, arg, { dtype: 'float32' });
  if (!Array.isArray(inputShape)) throw new ArgumentError(`has no model input shape to check against (got ${describeValue(inputShape)})`, { fn, argument: arg });
  const ok = t.rank === inputShape.length + 1 && inputShape.every((d, i) => t.shape[i + 1] === d);
  if (!ok) {
    throw new ShapeError(`must have shape [batch,${inputShape.join(',')}] to match the model, got [${t.shape.join(',')}]`, {
      fn,
      argument: arg,
    });
  }
  return t;
}
