import { ArgumentError, describeValue } from '@advkit/core';
import type { MnistSplit } from './mnist-split.js';
import type { BinaryData } from './binary-data.js';
import { checkSplit } from './internal/check-split.js';

const FN = 'selectDigits';

/**
 * The examples of `split` whose label is `digits[0]` or `digits[1]`, in their original order, as a
 * two-class problem with labels `digits[0] → -1` and `digits[1] → +1` (the MNIST 0-vs-1 problem of
 * Kolter & Madry's tutorial, "Adversarial Robustness — Theory and Practice", ch. 2, uses `[0, 1]`).
 * MNIST 0 vs 1: 12,665 training examples (5,923 zeros, 6,742 ones) and 2,115 test (980 / 1,135).
 *
 * @returns fresh arrays (copies of the selected rows), owned by the caller.
 * @throws {ArgumentError} `digits` is not two distinct integers 0..9, or no example has either digit.
 */
export function selectDigits(split: MnistSplit, digits: [number, number]): BinaryData {
  const dim = checkSplit(split, FN);
  if (!Array.isArray(digits) || digits.length !== 2) {
    throw new ArgumentError(`must be a pair [negative, positive] of digits, got ${describeValue(digits)}`, { fn: FN, argument: 'digits' });
  }
  const [neg, pos] = digits;
  for (const d of digits) {
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 0 || d > 9) {
      throw new ArgumentError(`must hold integers 0..9, got ${describeValue(d)}`, { fn: FN, argument: 'digits' });
    }
  }
  if (neg === pos) throw new ArgumentError(`must hold two different digits, got [${neg}, ${pos}]`, { fn: FN, argument: 'digits' });

  const { images, labels, count } = split;
  let n = 0;
  for (let i = 0; i < count; i++) if (labels[i] === neg || labels[i] === pos) n++;
  if (n === 0) {
    throw new ArgumentError(`selects no examples (empty data): the split has no ${neg}s and no ${pos}s among its ${count} examples`, {
      fn: FN,
      argument: 'digits',
    });
  }
  const x = new Float32Array(n * dim);
  const y = new Float32Array(n);
  let k = 0;
  for (let i = 0; i < count; i++) {
    const l = labels[i];
    if (l !== neg && l !== pos) continue;
    x.set(images.subarray(i * dim, (i + 1) * dim), k * dim);
    y[k++] = l === pos ? 1 : -1;
  }
  return { x, y, n, dim };
}
