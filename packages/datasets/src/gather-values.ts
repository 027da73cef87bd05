import { ArgumentError, ShapeError, describeValue } from '@advkit/core';
import { checkIndices } from './internal/check-indices.js';

/** The typed arrays {@link gatherValues} accepts. */
export type ValueArray = Float32Array | Float64Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Int8Array | Uint8Array;

const FN = 'gatherValues';

/**
 * Copies `src[indices[k]]` into `out[k]` for every k: the labels of a minibatch (the per-example
 * counterpart of {@link gatherRows}).
 *
 * @param out `indices.length` values of the same type as `src`; allocated when absent.
 * @returns `out` (or the new array, of `src`'s type, owned by the caller).
 * @throws {ArgumentError} `src` is not a typed array, or an index is out of range.
 * @throws {ShapeError} `out` has the wrong length.
 */
export function gatherValues<T extends ValueArray>(src: T, indices: ArrayLike<number>, out?: T): T {
  if (!ArrayBuffer.isView(src) || src instanceof DataView || typeof (src as { BYTES_PER_ELEMENT?: unknown }).BYTES_PER_ELEMENT !== 'number') {
    throw new ArgumentError(`must be a typed array (Float32Array, Int32Array, …), got ${describeValue(src)}`, { fn: FN, argument: 'src' });
  }
  const idx = checkIndices(indices, src.length, FN);
  const n = idx.length;
  let dst: T;
  if (out === undefined) {
    const Ctor = src.constructor as new (length: number) => T;
    dst = new Ctor(n);
  } else {
    if (!ArrayBuffer.isView(out) || out.constructor !== src.constructor) {
      throw new ArgumentError(`must be a ${src.constructor.name} like src, got ${describeValue(out)}`, { fn: FN, argument: 'out' });
    }
    if (out.length !== n) throw new ShapeError(`must hold indices.length = ${n} values, got ${out.length}`, { fn: FN, argument: 'out' });
    dst = out;
  }
  for (let k = 0; k < n; k++) dst[k] = src[idx[k]!]!;
  return dst;
}
