import { ArgumentError } from '@advkit/core';
import type { MnistSplit } from './mnist-split.js';
import type { ClassData } from './class-data.js';
import { checkSplit } from './internal/check-split.js';

const FN = 'selectAll';

/**
 * Every example of `split` as a 10-class problem (labels 0..9), for multi-class models.
 *
 * @returns fresh arrays (`x` is a copy of `split.images`, so the two can be changed independently),
 *   owned by the caller.
 * @throws {ArgumentError} the split is empty or inconsistent.
 */
export function selectAll(split: MnistSplit): ClassData {
  const dim = checkSplit(split, FN);
  if (split.count === 0) throw new ArgumentError('has no examples (empty data)', { fn: FN, argument: 'split' });
  return { x: split.images.slice(), y: Int32Array.from(split.labels), n: split.count, dim, numClasses: 10 };
}
