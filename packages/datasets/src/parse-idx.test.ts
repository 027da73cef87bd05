import { describe, expect, it } from 'vitest';
import { ArgumentError, DataFormatError } from '@advkit/core';
import { parseIdx } from './parse-idx.js';
import { TYPE_BYTES, gzip, makeHeader, makeIdx } from './test-utils/idx-bytes.js';

/** Runs `f`, expects a DataFormatError, returns its message. */
function formatError(f: () => unknown): string {
  try {
    f();
  } catch (err) {
    expect(DataFormatError.isInstance(err), `expected DataFormatError, got ${String(err)}`).toBe(true);
    return (err as Error).message;
  }
  throw new Error('expected a DataFormatError, nothing was thrown');
}

describe('parseIdx', () => {
  it('decodes every element type from big-endian bytes written by DataView', () => {
    // The values cover each type's extremes and the sign bit, so a little-endian read would differ.
    const cases = [
      { dtype: 'uint8', values: [0, 1, 127, 128, 255, 42] },
      { dtype: 'int8', values: [-128, -1, 0, 1, 127, 5] },
      { dtype: 'int16', values: [-32768, -2, 0, 258, 32767, 1000] },
      { dtype: 'int32', values: [-2147483648, -65536, 0, 16909060, 2147483647, 7] },
      { dtype: 'float32', values: [-1.5, 0, Math.fround(3.14), Math.fround(1e-30), -Infinity, 65504] },
      { dtype: 'float64', values: [Math.PI, -Math.E, 0, 1e300, Number.MIN_VALUE, -0.1] },
    ] as const;
    for (const c of cases) {
      const out = parseIdx(makeIdx(TYPE_BYTES[c.dtype], [2, 3], c.values));
      expect(out.dtype).toBe(c.dtype);
      expect(out.dims).toEqual([2, 3]);
      expect(Array.from(out.data)).toEqual(c.values);
    }
  });

  it('decodes hand-written big-endian bytes', () => {
    // int16 0x0102 = 258, 0xfffe = -2; float32 0x40490fdb = fround(pi) (IEEE 754 single).
    const i16 = new Uint8Array([0, 0, 0x0b, 1, 0, 0, 0, 2, 0x01, 0x02, 0xff, 0xfe]);
    expect(Array.from(parseIdx(i16).data)).toEqual([258, -2]);
    const f32 = new Uint8Array([0, 0, 0x0d, 1, 0, 0, 0, 1, 0x40, 0x49, 0x0f, 0xdb]);
    expect(parseIdx(f32).data[0]).toBe(Math.fround(Math.PI));
  });

  it('returns a copy, not a view of the input', () => {
    const bytes = makeIdx(0x08, [3], [1, 2, 3]);
    const out = parseIdx(bytes);
    bytes[bytes.length - 1] = 99;
    expect(Array.from(out.data)).toEqual([1, 2, 3]);
    expect(out.data.buffer).not.toBe(bytes.buffer);
  });

  it('reads a file at a non-zero offset inside a larger buffer (e.g. a Node Buffer from a pool)', () => {
    const file = makeIdx(0x0b, [2], [-2, 513]);
    const big = new Uint8Array(file.length + 7);
    big.set(file, 3);
    expect(Array.from(parseIdx(big.subarray(3, 3 + file.length)).data)).toEqual([-2, 513]);
    expect(Array.from(parseIdx(Buffer.from(file)).data)).toEqual([-2, 513]);
  });

  it('accepts a zero dimension (an empty array)', () => {
    const out = parseIdx(makeIdx(0x0d, [0, 28, 28]));
    expect(out.dims).toEqual([0, 28, 28]);
    expect(out.data).toBeInstanceOf(Float32Array);
    expect(out.data.length).toBe(0);
  });

  it('rejects a wrong magic number', () => {
    const bytes = makeIdx(0x08, [2], [1, 2]);
    bytes[0] = 0x12;
    expect(formatError(() => parseIdx(bytes))).toMatch(/not an IDX file: .*two zero bytes, got 0x12 0x00/);
  });

  it('rejects an unknown type byte and lists the known ones', () => {
    const bytes = makeIdx(0x08, [2], [1, 2]);
    bytes[2] = 0x0a;
    expect(formatError(() => parseIdx(bytes))).toMatch(/unknown IDX type byte 0x0a.*0x08 uint8.*0x0e float64/);
  });

  it('rejects rank 0 and a rank other than expectRank', () => {
    expect(formatError(() => parseIdx(new Uint8Array([0, 0, 8, 0])))).toMatch(/rank 0/);
    const labels = makeIdx(0x08, [4], [1, 2, 3, 4]);
    expect(formatError(() => parseIdx(labels, { expectRank: 3 }))).toMatch(/expected rank 3, the header says 1 \(magic number 2049 = 0x00000801\)/);
    expect(parseIdx(labels, { expectRank: 1 }).dims).toEqual([4]);
  });

  it('rejects files shorter than their header', () => {
    expect(formatError(() => parseIdx(new Uint8Array([0, 0])))).toMatch(/truncated: an IDX header needs at least 4 bytes, file has 2/);
    expect(formatError(() => parseIdx(new Uint8Array(0)))).toMatch(/file has 0/);
    const header = makeHeader(0x08, [60000, 28, 28]).subarray(0, 10);
    expect(formatError(() => parseIdx(header))).toMatch(/truncated: a rank-3 header needs 16 bytes, file has 10/);
  });

  it('rejects a truncated file and says how many bytes the header promises', () => {
    // MNIST's train-images header ([60000, 28, 28] uint8) with only 1000 bytes behind it.
    const bytes = makeHeader(0x08, [60000, 28, 28], 1000 - 16);
    expect(formatError(() => parseIdx(bytes))).toBe(
      'parseIdx: truncated: header promises 47040016 bytes (16-byte header + [60000 x 28 x 28] uint8 of 1 byte each), file has 1000',
    );
    const one = makeIdx(0x0e, [3], [1, 2, 3]);
    expect(formatError(() => parseIdx(one.subarray(0, one.length - 1)))).toMatch(/truncated: header promises 32 bytes .*float64 of 8 bytes each\), file has 31/);
  });

  it('rejects trailing bytes', () => {
    const bytes = makeIdx(0x08, [2], [1, 2]);
    const longer = new Uint8Array(bytes.length + 3);
    longer.set(bytes);
    expect(formatError(() => parseIdx(longer))).toMatch(/trailing bytes: header promises 10 bytes .*, file has 13 \(3 extra\)/);
  });

  it('computes the promised size exactly for absurd dimensions, without overflow', () => {
    // 2^31 · 2^31 = 2^62 elements; 2^62 + 12 is not representable as a double, BigInt keeps it exact.
    const bytes = makeHeader(0x08, [2 ** 31, 2 ** 31], 8);
    expect(formatError(() => parseIdx(bytes))).toMatch(/truncated: header promises 4611686018427387916 bytes .*file has 20$/);
    // 255 dimensions of 2^32-1: a ~8000-bit number, still exact and still fast.
    const huge = makeHeader(0x0e, Array.from({ length: 255 }, () => 2 ** 32 - 1));
    expect(formatError(() => parseIdx(huge))).toMatch(/truncated: header promises \d{2000,} bytes/);
  });

  it('allocates nothing for a header that promises more bytes than the file has', () => {
    // A wrong implementation that allocated before checking would allocate the promised 1 GiB here.
    const promised = makeHeader(0x0d, [2 ** 28], 100);
    const before = process.memoryUsage().arrayBuffers;
    expect(formatError(() => parseIdx(promised))).toMatch(/truncated: header promises 1073741832 bytes \(8-byte header/);
    const grew = process.memoryUsage().arrayBuffers - before;
    expect(grew).toBeLessThan(1 << 20);
    // The measure itself can fail: a real 64 MiB allocation shows up in it immediately.
    const probeBefore = process.memoryUsage().arrayBuffers;
    const probe = new Float32Array(1 << 24);
    expect(process.memoryUsage().arrayBuffers - probeBefore).toBeGreaterThanOrEqual(probe.byteLength);
  });

  it('points gzip input to decodeIdx', () => {
    const msg = formatError(() => parseIdx(gzip(makeIdx(0x08, [2], [1, 2]))));
    expect(msg).toMatch(/gzip-compressed.*use `await decodeIdx\(bytes\)`/);
  });

  it('enforces maxBytes when given', () => {
    const bytes = makeIdx(0x08, [100]);
    expect(parseIdx(bytes, { maxBytes: 108 }).data.length).toBe(100);
    expect(formatError(() => parseIdx(bytes, { maxBytes: 107 }))).toMatch(/input has 108 bytes, more than options.maxBytes = 107 bytes/);
  });

  it('rejects non-Uint8Array input and bad options with ArgumentError', () => {
    expect(() => parseIdx([0, 0, 8, 1] as unknown as Uint8Array)).toThrow(/parseIdx: bytes must be a Uint8Array/);
    expect(() => parseIdx(new Uint8Array(4), { expectRank: 0 })).toThrow(ArgumentError);
    expect(() => parseIdx(new Uint8Array(4), { maxBytes: -1 })).toThrow(/options.maxBytes must be an integer >= 1/);
    expect(() => parseIdx(new Uint8Array(4), 'x' as never)).toThrow(/options must be an options object/);
  });
});
