import { beforeAll, describe, expect, it } from 'vitest';
import { loadMnist } from './load-mnist.js';
import { selectAll } from './select-all.js';
import type { Mnist } from './mnist-split.js';

let mnist: Mnist;
beforeAll(async () => {
  mnist = await loadMnist();
});

describe('selectAll', () => {
  it('returns every real MNIST test example with labels 0..9 as int32', () => {
    const d = selectAll(mnist.test);
    expect([d.n, d.dim, d.numClasses]).toEqual([10000, 784, 10]);
    expect(d.y).toBeInstanceOf(Int32Array);
    expect(Array.from(d.y)).toEqual(Array.from(mnist.test.labels));
    // Byte comparison: vitest's deep equality takes minutes on 7.8 M floats.
    expect(Buffer.compare(Buffer.from(d.x.buffer), Buffer.from(mnist.test.images.buffer))).toBe(0);
    expect(d.x.buffer).not.toBe(mnist.test.images.buffer);
  });

  it('has 60,000 training examples', () => {
    const d = selectAll(mnist.train);
    expect([d.n, d.x.length, d.y.length]).toEqual([60000, 60000 * 784, 60000]);
  });

  it('rejects an empty split', () => {
    expect(() => selectAll({ images: new Float32Array(0), labels: new Uint8Array(0), count: 0, rows: 28, cols: 28 })).toThrow(
      /selectAll: split has no examples \(empty data\)/,
    );
  });
});
