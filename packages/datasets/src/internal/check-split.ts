import { ArgumentError, ShapeError, describeValue } from '@advkit/core';
import type { MnistSplit } from '../mnist-split.js';

/** Checks that `split` is a consistent {@link MnistSplit}; returns the pixels per image. */
export function checkSplit(split: unknown, fn: string): number {
  const arg = 'split';
  if (typeof split !== 'object' || split === null) {
    throw new ArgumentError(`must be an MnistSplit {images, labels, count, rows, cols}, got ${describeValue(split)}`, { fn, argument: arg });
  }
  const { images, labels, count, rows, cols } = split as Partial<MnistSplit>;
  if (!(images instanceof Float32Array)) throw new ArgumentError(`must be a Float32Array, got ${describeValue(images)}`, { fn, argument: `${arg}.images` });
  if (!(labels instanceof Uint8Array)) throw new ArgumentError(`must be a Uint8Array, got ${describeValue(labels)}`, { fn, argument: `${arg}.labels` });
  for (const [k, v] of [['count', count], ['rows', rows], ['cols', cols]] as const) {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new ArgumentError(`must be an integer >= 0, got ${describeValue(v)}`, { fn, argument: `${arg}.${k}` });
  }
  const dim = rows! * cols!;
  if (images.length !== count! * dim) {
    throw new ShapeError(`must hold count·rows·cols = ${count! * dim} floats, got ${images.length}`, { fn, argument: `${arg}.images` });
  }
  if (labels.length !== count) throw new ShapeError(`must hold count = ${count} labels, got ${labels.length}`, { fn, argument: `${arg}.labels` });
  return dim;
}
