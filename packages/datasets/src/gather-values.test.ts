import { describe, expect, it } from 'vitest';
import { ShapeError } from '@advkit/core';
import { gatherValues } from './gather-values.js';

describe('gatherValues', () => {
  it('gathers values of the same typed array type', () => {
    const y = Float32Array.from([-1, 1, 1, -1]);
    const got = gatherValues(y, [3, 1, 0]);
    expect(got).toBeInstanceOf(Float32Array);
    expect(Array.from(got)).toEqual([-1, 1, -1]);
    const labels = Int32Array.from([9, 8, 7]);
    const out = new Int32Array(2);
    expect(gatherValues(labels, new Uint32Array([2, 2]), out)).toBe(out);
    expect(Array.from(out)).toEqual([7, 7]);
    expect(Array.from(gatherValues(Uint8Array.from([5, 6]), [1]))).toEqual([6]);
  });

  it('validates src, indices and out', () => {
    const y = new Float32Array(3);
    expect(() => gatherValues(y, [3])).toThrow(/gatherValues: indices must hold integers in \[0, 3\), got 3 at position 0/);
    expect(() => gatherValues(y, [0, 1], new Float32Array(1))).toThrow(ShapeError);
    expect(() => gatherValues(y, [0], new Int32Array(1) as never)).toThrow(/out must be a Float32Array like src/);
    expect(() => gatherValues([1, 2] as never, [0])).toThrow(/src must be a typed array/);
  });
});
