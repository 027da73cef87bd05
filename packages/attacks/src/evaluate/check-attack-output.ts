import type { Tensor } from '@tensorflow/tfjs-core';
import { ArgumentError, ShapeError, describeValue, isTensor } from '@advkit/core';

/**
 * Checks what an attack's `run` returned for the batch `x`: a live float32 tensor of x's shape.
 * Returns it; otherwise disposes it (when it is a tensor other than x) and throws an ArgumentError or
 * ShapeError naming `fn` and `arg` (the attack option), so a faulty attack leaks nothing.
 */
export function checkAttackOutput(value: unknown, x: Tensor, fn: string, arg: string): Tensor {
  if (!isTensor(value) || value.isDisposed) {
    throw new ArgumentError(`must return a tensor from run(model, x, y), got ${value !== null && typeof value === 'object' && isTensor(value) ? 'a disposed tensor' : describeValue(value)}`, { fn, argument: arg });
  }
  const ok = value.dtype === 'float32' && value.rank === x.rank && value.shape.every((d, i) => d === x.shape[i]);
  if (!ok) {
    const got = `${value.dtype} [${value.shape.join(',')}]`;
    if (value !== x) value.dispose();
    throw new ShapeError(`must return a float32 tensor of the input's shape [${x.shape.join(',')}] from run(model, x, y), got ${got}`, { fn, argument: arg });
  }
  return value;
}
