import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, ShapeError, describeValue } from '@advkit/core';
import type { Model } from './model.js';
import { checkModel } from './internal/check-model.js';

/**
 * Overwrites a model's variables with `arrays` (one per variable, in the order of `model.variables`,
 * row-major, as {@link getWeights} returns them). Everything is checked before anything is written, so
 * a failed call leaves the model unchanged: the number of arrays and each array's length must match
 * (ShapeError naming `arrays` or `arrays[i]` and the variable's shape), and the values must be finite
 * (ArgumentError). Copies the data: the caller keeps ownership of `arrays`. Leaves no tensors behind.
 */
export function setWeights(model: Model, arrays: readonly Float32Array[]): void {
  const fn = 'setWeights';
  const { variables } = checkModel(model, fn);
  if (!Array.isArray(arrays)) throw new ArgumentError(`must be an array of Float32Array, got ${describeValue(arrays)}`, { fn, argument: 'arrays' });
  if (arrays.length !== variables.length) {
    throw new ShapeError(`must hold ${variables.length} arrays, one per model variable, got ${arrays.length}`, { fn, argument: 'arrays' });
  }
  variables.forEach((v, i) => {
    const a: unknown = arrays[i];
    const arg = `arrays[${i}]`;
    if (!(a instanceof Float32Array)) throw new ArgumentError(`must be a Float32Array, got ${describeValue(a)}`, { fn, argument: arg });
    if (a.length !== v.size) {
      throw new ShapeError(`must have ${v.size} values for the variable of shape [${v.shape.join(',')}], got ${a.length}`, { fn, argument: arg });
    }
    for (let j = 0; j < a.length; j++) {
      if (!Number.isFinite(a[j])) throw new ArgumentError(`must hold finite numbers, got ${describeValue(a[j])} at index ${j}`, { fn, argument: arg });
    }
  });
  tf.tidy(() => variables.forEach((v, i) => v.assign(tf.tensor(arrays[i]!, v.shape, 'float32'))));
}
