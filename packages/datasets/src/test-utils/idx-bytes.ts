/** Test helpers: build IDX files and MNIST-like directories byte by byte (big-endian, per the spec). */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const TYPE_BYTES = { uint8: 0x08, int8: 0x09, int16: 0x0b, int32: 0x0c, float32: 0x0d, float64: 0x0e } as const;
export const TYPE_SIZES: Record<number, number> = { 0x08: 1, 0x09: 1, 0x0b: 2, 0x0c: 4, 0x0d: 4, 0x0e: 8 };

/** IDX bytes for `typeByte` and `dims`; `values` (default zeros) written big-endian. */
export function makeIdx(typeByte: number, dims: readonly number[], values?: ArrayLike<number>): Uint8Array {
  const size = TYPE_SIZES[typeByte] ?? 1;
  const count = dims.reduce((a, b) => a * b, 1);
  const header = 4 + 4 * dims.length;
  const out = new Uint8Array(header + count * size);
  const v = new DataView(out.buffer);
  out[2] = typeByte;
  out[3] = dims.length;
  dims.forEach((d, i) => v.setUint32(4 + 4 * i, d, false));
  if (values) {
    for (let i = 0; i < count; i++) {
      const x = values[i] ?? 0;
      const o = header + i * size;
      if (typeByte === 0x08) v.setUint8(o, x);
      else if (typeByte === 0x09) v.setInt8(o, x);
      else if (typeByte === 0x0b) v.setInt16(o, x, false);
      else if (typeByte === 0x0c) v.setInt32(o, x, false);
      else if (typeByte === 0x0d) v.setFloat32(o, x, false);
      else v.setFloat64(o, x, false);
    }
  }
  return out;
}

/** An IDX header alone (4 + 4·rank bytes) followed by `extra` zero bytes. */
export function makeHeader(typeByte: number, dims: readonly number[], extra = 0): Uint8Array {
  const out = new Uint8Array(4 + 4 * dims.length + extra);
  const v = new DataView(out.buffer);
  out[2] = typeByte;
  out[3] = dims.length;
  dims.forEach((d, i) => v.setUint32(4 + 4 * i, d, false));
  return out;
}

export function gzip(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(gzipSync(bytes));
}

/** A small MNIST-like split: `count` 28×28 images with pixel (i, p) = (7i + p) mod 256, labels i mod 10. */
export function syntheticSplit(count: number, side = 28): { images: Uint8Array; labels: Uint8Array } {
  const px = new Uint8Array(count * side * side);
  for (let i = 0; i < count; i++) for (let p = 0; p < side * side; p++) px[i * side * side + p] = (7 * i + p) % 256;
  const lab = new Uint8Array(count);
  for (let i = 0; i < count; i++) lab[i] = i % 10;
  return { images: makeIdx(0x08, [count, side, side], px), labels: makeIdx(0x08, [count], lab) };
}

export interface MnistFilesBytes {
  'train-images-idx3-ubyte': Uint8Array;
  'train-labels-idx1-ubyte': Uint8Array;
  't10k-images-idx3-ubyte': Uint8Array;
  't10k-labels-idx1-ubyte': Uint8Array;
}

/** The four MNIST files of a synthetic data set with `train` and `test` examples. */
export function syntheticMnistFiles(train = 12, test = 5): MnistFilesBytes {
  const tr = syntheticSplit(train);
  const te = syntheticSplit(test);
  return {
    'train-images-idx3-ubyte': tr.images,
    'train-labels-idx1-ubyte': tr.labels,
    't10k-images-idx3-ubyte': te.images,
    't10k-labels-idx1-ubyte': te.labels,
  };
}

/** Writes `files` into `dir` (created), gzipping (and appending `.gz` to) the names listed in `gz`. */
export async function writeFiles(dir: string, files: Partial<Record<string, Uint8Array>>, gz: readonly string[] = []): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [name, bytes] of Object.entries(files)) {
    if (bytes === undefined) continue;
    if (gz.includes(name)) await writeFile(join(dir, `${name}.gz`), gzip(bytes));
    else await writeFile(join(dir, name), bytes);
  }
}
