import { describe, expect, it } from 'vitest';
import { ArgumentError, Rng } from '@advkit/core';
import { batchOrder } from './batch-order.js';

const concat = (batches: Uint32Array[]): number[] => batches.flatMap((b) => Array.from(b));

describe('batchOrder', () => {
  it('splits 0..n-1 in order into batches, the last one smaller', () => {
    const batches = batchOrder(10, { batchSize: 3 });
    expect(batches.map((b) => Array.from(b))).toEqual([[0, 1, 2], [3, 4, 5], [6, 7, 8], [9]]);
    expect(batchOrder(6, { batchSize: 3 }).map((b) => b.length)).toEqual([3, 3]);
    expect(batchOrder(2, { batchSize: 100 }).map((b) => Array.from(b))).toEqual([[0, 1]]);
    expect(batchOrder(0, { batchSize: 5 })).toEqual([]);
  });

  it('shuffles with rng.permutation: 12,665 MNIST 0-vs-1 examples in batches of 100', () => {
    const batches = batchOrder(12665, { batchSize: 100, rng: new Rng(42) });
    expect(batches.length).toBe(127); // ceil(12665 / 100)
    expect(batches.at(-1)!.length).toBe(65);
    const order = concat(batches);
    expect(order).toEqual(Array.from(new Rng(42).permutation(12665)));
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 12665 }, (_, i) => i));
    expect(order.slice(0, 20)).not.toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('is reproducible from the seed and gives a new order each epoch', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    const e1 = concat(batchOrder(50, { batchSize: 8, shuffle: true, rng: a }));
    const e2 = concat(batchOrder(50, { batchSize: 8, shuffle: true, rng: a }));
    expect(concat(batchOrder(50, { batchSize: 8, shuffle: true, rng: b }))).toEqual(e1);
    expect(e2).not.toEqual(e1);
    expect(concat(batchOrder(50, { batchSize: 8, rng: new Rng(8) }))).not.toEqual(e1);
  });

  it('puts each index first equally often (chi-square, 4 degrees of freedom)', () => {
    const rng = new Rng(1);
    const first = [0, 0, 0, 0, 0];
    const epochs = 10000;
    for (let e = 0; e < epochs; e++) first[batchOrder(5, { batchSize: 2, rng })[0]![0]!]!++;
    const expected = epochs / 5;
    const chi2 = first.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(18.47); // the 0.999 quantile of chi-square with 4 dof
  });

  it('keeps the order with shuffle: false even when an rng is given', () => {
    expect(concat(batchOrder(5, { batchSize: 2, shuffle: false, rng: new Rng(1) }))).toEqual([0, 1, 2, 3, 4]);
  });

  it('rejects bad arguments', () => {
    expect(() => batchOrder(10, { batchSize: 3, shuffle: true })).toThrow(/batchOrder: options.rng is required when shuffle is true/);
    expect(() => batchOrder(10, { batchSize: 0 })).toThrow(/batchOrder: options.batchSize must be an integer >= 1, got 0/);
    expect(() => batchOrder(-1, { batchSize: 3 })).toThrow(/batchOrder: n must be an integer >= 0/);
    expect(() => batchOrder(2.5, { batchSize: 3 })).toThrow(ArgumentError);
    expect(() => batchOrder(10, undefined as never)).toThrow(/options.batchSize must be/);
    expect(() => batchOrder(10, { batchSize: 3, rng: {} as never })).toThrow(/options.rng must be an Rng/);
    expect(() => batchOrder(10, { batchSize: 3, shuffle: 1 as never })).toThrow(/options.shuffle must be a boolean/);
  });
});
