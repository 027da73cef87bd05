import { ArgumentError } from '@advkit/core';
import type { Model } from './model.js';
import { checkModelVariables } from './check-model-variables.js';

/**
 * Copies of a model's variables, in the order of `model.variables` (row-major, as tfjs stores them):
 * one `Float32Array` per variable, owned by the caller. Use with {@link setWeights} to save and restore
 * a model (trainers, checkpoints). Allocates no tensors.
 */
export function getWeights(model: Model): Float32Array[] {
  const variables = checkModelVariables(model, 'getWeights');
  return variables.map((v) => {
    if (v.isDisposed) throw new ArgumentError('has a disposed variable; was the model disposed?', { fn: 'getWeights', argument: 'model' });
    return Float32Array.from(v.dataSync() as ArrayLike<number>);
  });
}
