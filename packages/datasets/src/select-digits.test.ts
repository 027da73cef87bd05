import { beforeAll, describe, expect, it } from 'vitest';
import { ArgumentError } from '@advkit/core';
import { loadMnist } from './load-mnist.js';
import { selectDigits } from './select-digits.js';
import type { Mnist, MnistSplit } from './mnist-split.js';

let mnist: Mnist;
beforeAll(async () => {
  mnist = await loadMnist();
});

/** Checks that `data` holds exactly the rows of `split` labelled neg/pos, in order, with ±1 labels. */
function checkAgainstSplit(split: MnistSplit, [neg, pos]: [number, number], data: ReturnType<typeof selectDigits>): void {
  let k = 0;
  let bad = 0;
  for (let i = 0; i < split.count; i++) {
    const l = split.labels[i];
    if (l !== neg && l !== pos) continue;
    if (data.y[k] !== (l === pos ? 1 : -1)) bad++;
    const a = split.images.subarray(i * 784, (i + 1) * 784);
    const b = data.x.subarray(k * 784, (k + 1) * 784);
    for (let p = 0; p < 784; p++) if (a[p] !== b[p]) bad++;
    k++;
  }
  expect([k, bad]).toEqual([data.n, 0]);
}

function counts(y: Float32Array): [number, number] {
  let neg = 0;
  for (const v of y) if (v === -1) neg++;
  return [neg, y.length - neg];
}

describe('selectDigits on real MNIST', () => {
  it('selects 0 vs 1: 12,665 training (5,923 / 6,742) and 2,115 test (980 / 1,135) examples', () => {
    const train = selectDigits(mnist.train, [0, 1]);
    const test = selectDigits(mnist.test, [0, 1]);
    expect([train.n, train.dim, train.x.length]).toEqual([12665, 784, 12665 * 784]);
    expect(counts(train.y)).toEqual([5923, 6742]);
    expect([test.n, test.dim]).toEqual([2115, 784]);
    expect(counts(test.y)).toEqual([980, 1135]);
    checkAgainstSplit(mnist.test, [0, 1], test);
    checkAgainstSplit(mnist.train, [0, 1], train);
  });

  it('maps digits[0] to -1 and digits[1] to +1, whatever their order', () => {
    const a = selectDigits(mnist.test, [3, 8]);
    const b = selectDigits(mnist.test, [8, 3]);
    expect(a.n).toBe(1010 + 974);
    expect(counts(a.y)).toEqual([1010, 974]);
    expect(Array.from(b.y)).toEqual(Array.from(a.y, (v) => -v));
    checkAgainstSplit(mnist.test, [8, 3], b);
  });

  it('returns copies: changing the selection leaves the split alone', () => {
    const before = mnist.test.images[mnist.test.images.length - 1];
    const sel = selectDigits(mnist.test, [0, 1]);
    sel.x.fill(7);
    expect(mnist.test.images[mnist.test.images.length - 1]).toBe(before);
    expect(mnist.test.images.some((v) => v === 7)).toBe(false);
  });
});

describe('selectDigits arguments', () => {
  const tiny: MnistSplit = { images: new Float32Array(3 * 4), labels: new Uint8Array([0, 1, 2]), count: 3, rows: 2, cols: 2 };

  it('rejects digits that are not two distinct integers 0..9', () => {
    expect(() => selectDigits(tiny, [0, 0])).toThrow(/selectDigits: digits must hold two different digits, got \[0, 0\]/);
    expect(() => selectDigits(tiny, [0, 10])).toThrow(/digits must hold integers 0\.\.9, got 10/);
    expect(() => selectDigits(tiny, [0.5, 1])).toThrow(ArgumentError);
    expect(() => selectDigits(tiny, [1] as never)).toThrow(/must be a pair/);
  });

  it('rejects a selection with no examples (empty data)', () => {
    expect(() => selectDigits(tiny, [7, 8])).toThrow(/selectDigits: digits selects no examples \(empty data\): the split has no 7s and no 8s among its 3 examples/);
  });

  it('works on a small split and rejects an inconsistent one', () => {
    const d = selectDigits({ ...tiny, images: Float32Array.from({ length: 12 }, (_, i) => i) }, [2, 0]);
    expect(Array.from(d.x)).toEqual([0, 1, 2, 3, 8, 9, 10, 11]);
    expect(Array.from(d.y)).toEqual([1, -1]);
    expect(() => selectDigits({ ...tiny, count: 4 }, [0, 1])).toThrow(/split.images must hold count·rows·cols = 16 floats, got 12/);
    expect(() => selectDigits(null as never, [0, 1])).toThrow(/split must be an MnistSplit/);
  });
});
