import { ArgumentError, ShapeError, checkNumber, describeValue } from '@advkit/core';
import { checkIndices } from './internal/check-indices.js';

const FN = 'gatherRows';

/**
 * Copies rows `indices[0], indices[1], …` of the row-major matrix `src` (rows of `dim` floats) into
 * consecutive rows of `out`: `out[k·dim + j] = src[indices[k]·dim + j]`. Builds a minibatch in JS
 * memory (one `Float32Array.prototype.set` of a subarray per row) before the caller makes one tensor
 * of it; pass the same `out` every step to avoid allocating.
 *
 * @param out `indices.length · dim` floats to fill; allocated when absent. For a smaller last batch
 *   pass `out.subarray(0, indices.length * dim)`.
 * @returns `out` (or the new array, owned by the caller).
 * @throws {ArgumentError} `src` length is not a multiple of `dim`, or an index is out of range.
 * @throws {ShapeError} `out` has the wrong length.
 */
export function gatherRows(src: Float32Array, dim: number, indices: ArrayLike<number>, out?: Float32Array): Float32Array {
  if (!(src instanceof Float32Array)) throw new ArgumentError(`must be a Float32Array, got ${describeValue(src)}`, { fn: FN, argument: 'src' });
  checkNumber(dim, FN, 'dim', { integer: true, min: 1 });
  if (src.length % dim !== 0) {
    throw new ArgumentError(`length ${src.length} must be a multiple of dim = ${dim}`, { fn: FN, argument: 'src' });
  }
  const idx = checkIndices(indices, src.length / dim, FN);
  const size = idx.length * dim;
  if (out === undefined) out = new Float32Array(size);
  else if (!(out instanceof Float32Array)) throw new ArgumentError(`must be a Float32Array, got ${describeValue(out)}`, { fn: FN, argument: 'out' });
  else if (out.length !== size) {
    throw new ShapeError(`must hold indices.length·dim = ${idx.length}·${dim} = ${size} floats, got ${out.length}`, { fn: FN, argument: 'out' });
  }
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k]!;
    out.set(src.subarray(i * dim, i * dim + dim), k * dim);
  }
  return out;
}
