import { describe, expect, it } from 'vitest';
import { Rng } from '@advkit/core';
import { argSort, argSortScratch } from './arg-sort.js';

// The order argSort promises is that of the comparator sort (value, then index); FAB's results depend
// on it bit for bit (cumulative sums in this order), so the check is equality, not a tolerance.
const byComparator = (v: ArrayLike<number>): Uint32Array => Uint32Array.from({ length: v.length }, (_, i) => i).sort((i, j) => v[i]! - v[j]! || i - j);

describe('argSort', () => {
  const rng = new Rng(5);
  // rows like FAB's breakpoints: many exact ties at 0 and 1 (MNIST background), float32 values, −0
  const rows = Array.from({ length: 100 }, (_, r) => {
    const n = r < 20 ? r : 1 + rng.int(900);
    return Float64Array.from({ length: n }, () => {
      const u = rng.float();
      if (u < 0.3) return 0;
      if (u < 0.4) return 1;
      if (u < 0.42) return -0;
      if (u < 0.5) return Math.fround(rng.int(5) / 4);
      return Math.fround(rng.normal());
    });
  });

  it('equals the stable comparator sort, with and without scratch buffers', () => {
    for (const v of rows) {
      const want = byComparator(v);
      expect(argSort(v)).toEqual(want);
      const scratch = argSortScratch(v.length);
      expect(argSort(v, scratch)).toEqual(want);
      // a second call on the same buffers
      expect(argSort(Float64Array.from(v).reverse(), scratch)).toEqual(byComparator(Float64Array.from(v).reverse()));
    }
  });
});
