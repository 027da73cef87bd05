import { ArgumentError, DataFormatError, describeValue } from '@advkit/core';
import type { IdxArray } from './idx-array.js';
import type { MnistSplit } from './mnist-split.js';

const FN = 'mnistSplitFromIdx';
/** MNIST images are 28 × 28 (http://yann.lecun.com/exdb/mnist/). */
const SIDE = 28;

/**
 * Builds a {@link MnistSplit} from a decoded images file (uint8, rank 3, `[n, 28, 28]`, magic 2051)
 * and labels file (uint8, rank 1, `[n]`, magic 2049): pixels become `byte / 255` in [0, 1].
 * Use it with {@link decodeIdx} when you hold the bytes yourself (e.g. from your own `fetch`).
 *
 * @returns a new split; its arrays are fresh and owned by the caller.
 * @throws {DataFormatError} wrong dtype or shape, image count != label count, or a label > 9.
 */
export function mnistSplitFromIdx(images: IdxArray, labels: IdxArray): MnistSplit {
  for (const [arg, v] of [['images', images], ['labels', labels]] as const) {
    const a = v as Partial<IdxArray> | null;
    if (typeof a !== 'object' || a === null || typeof a.dtype !== 'string' || !Array.isArray(a.dims) || !ArrayBuffer.isView(a.data)) {
      throw new ArgumentError(`must be an IdxArray from parseIdx ({ dtype, dims, data }), got ${describeValue(v)}`, { fn: FN, argument: arg });
    }
  }
  if (images.dtype !== 'uint8' || images.dims.length !== 3) {
    throw new DataFormatError(`${FN}: images must be uint8 with rank 3 [n, 28, 28] (magic 2051), got ${images.dtype} [${images.dims.join(', ')}]`);
  }
  const [count, rows, cols] = images.dims as [number, number, number];
  if (rows !== SIDE || cols !== SIDE) {
    throw new DataFormatError(`${FN}: images must be 28 x 28, got ${rows} x ${cols}`);
  }
  if (labels.dtype !== 'uint8' || labels.dims.length !== 1) {
    throw new DataFormatError(`${FN}: labels must be uint8 with rank 1 [n] (magic 2049), got ${labels.dtype} [${labels.dims.join(', ')}]`);
  }
  if (labels.dims[0] !== count) {
    throw new DataFormatError(`${FN}: the images file holds ${count} images but the labels file holds ${labels.dims[0]} labels`);
  }
  const lab = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const v = labels.data[i]!;
    if (v > 9) throw new DataFormatError(`${FN}: labels must be digits 0..9, got ${v} at index ${i}`);
    lab[i] = v;
  }
  const src = images.data;
  const px = new Float32Array(src.length);
  for (let i = 0; i < src.length; i++) px[i] = src[i]! / 255;
  return { images: px, labels: lab, count, rows, cols };
}
