import { describe, expect, it } from 'vitest';
import { ArgumentError, Rng, ShapeError } from '@advkit/core';
import { gatherRows } from './gather-rows.js';

describe('gatherRows', () => {
  it('copies the indexed rows in order', () => {
    const src = Float32Array.from({ length: 12 }, (_, i) => i); // 4 rows of 3
    expect(Array.from(gatherRows(src, 3, [2, 0, 2]))).toEqual([6, 7, 8, 0, 1, 2, 6, 7, 8]);
    expect(Array.from(gatherRows(src, 3, new Uint32Array([3])))).toEqual([9, 10, 11]);
    expect(gatherRows(src, 3, []).length).toBe(0);
  });

  it('matches an element-by-element loop on MNIST-sized rows, reusing out', () => {
    const rng = new Rng(3);
    const rows = 1000;
    const dim = 784;
    const src = rng.fillUniform(new Float32Array(rows * dim), 0, 1);
    const out = new Float32Array(100 * dim);
    for (let step = 0; step < 3; step++) {
      const idx = Array.from({ length: 100 }, () => rng.int(rows));
      const got = gatherRows(src, dim, idx, out);
      expect(got).toBe(out);
      let bad = 0;
      for (let k = 0; k < idx.length; k++) for (let j = 0; j < dim; j++) if (out[k * dim + j] !== src[idx[k]! * dim + j]) bad++;
      expect(bad).toBe(0);
    }
  });

  it('validates src, dim, indices and out', () => {
    const src = new Float32Array(12);
    expect(() => gatherRows(src, 5, [0])).toThrow(/gatherRows: src length 12 must be a multiple of dim = 5/);
    expect(() => gatherRows(src, 0, [0])).toThrow(/gatherRows: dim must be an integer >= 1/);
    expect(() => gatherRows(src, 3, [4])).toThrow(/gatherRows: indices must hold integers in \[0, 4\), got 4 at position 0/);
    expect(() => gatherRows(src, 3, [0, -1])).toThrow(/got -1 at position 1/);
    expect(() => gatherRows(src, 3, [1.5])).toThrow(ArgumentError);
    expect(() => gatherRows(src, 3, [Number.NaN])).toThrow(/got NaN/);
    expect(() => gatherRows(src, 3, [0, 1], new Float32Array(5))).toThrow(ShapeError);
    expect(() => gatherRows(src, 3, [0, 1], new Float32Array(5))).toThrow(/out must hold indices.length·dim = 2·3 = 6 floats, got 5/);
    expect(() => gatherRows(src, 3, [0], new Float64Array(3) as never)).toThrow(/out must be a Float32Array/);
    expect(() => gatherRows([1, 2, 3] as never, 3, [0])).toThrow(/src must be a Float32Array/);
    expect(() => gatherRows(src, 3, 5 as never)).toThrow(/indices must be an array-like/);
  });
});
