import type { Model } from './model.js';
import { checkModel } from './internal/check-model.js';

/**
 * Copies of a model's variables, in the order of `model.variables` (row-major, as tfjs stores them):
 * one `Float32Array` per variable, owned by the caller. Use with {@link setWeights} to save and restore
 * a model (trainers, checkpoints). Allocates no tensors.
 */
export function getWeights(model: Model): Float32Array[] {
  const { variables } = checkModel(model, 'getWeights');
  return variables.map((v) => {
    return Float32Array.from(v.dataSync() as ArrayLike<number>);
  });
}
