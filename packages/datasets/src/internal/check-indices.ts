import { ArgumentError, describeValue } from '@advkit/core';

/** Throws unless `indices` is array-like with every entry an integer in [0, rows). */
export function checkIndices(indices: unknown, rows: number, fn: string): ArrayLike<number> {
  const ok = indices !== null && typeof indices === 'object' && typeof (indices as ArrayLike<number>).length === 'number';
  if (!ok) throw new ArgumentError(`must be an array-like of row indices, got ${describeValue(indices)}`, { fn, argument: 'indices' });
  const idx = indices as ArrayLike<number>;
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k]!;
    // `i >>> 0 === i` is true exactly for integers in [0, 2^32): fast in the training loop.
    if (i >>> 0 !== i || i >= rows) {
      throw new ArgumentError(`must hold integers in [0, ${rows}), got ${describeValue(i)} at position ${k}`, { fn, argument: 'indices' });
    }
  }
  return idx;
}
