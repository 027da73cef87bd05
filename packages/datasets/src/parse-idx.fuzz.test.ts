import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DataFormatError } from '@advkit/core';
import { parseIdx } from './parse-idx.js';
import { decodeIdx } from './decode-idx.js';
import { TYPE_SIZES, gzip, makeIdx } from './test-utils/idx-bytes.js';

const TYPE_BYTES = [0x08, 0x09, 0x0b, 0x0c, 0x0d, 0x0e];
const ARRAY_TYPES: Record<string, unknown> = {
  uint8: Uint8Array,
  int8: Int8Array,
  int16: Int16Array,
  int32: Int32Array,
  float32: Float32Array,
  float64: Float64Array,
};

/** A small valid IDX file: type, rank 1..3, dims 0..5, random payload bytes. */
const validIdx = fc
  .record({
    type: fc.constantFrom(...TYPE_BYTES),
    dims: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 3 }),
    seed: fc.integer(),
  })
  .map(({ type, dims, seed }) => {
    const bytes = makeIdx(type, dims);
    let s = seed >>> 0;
    for (let i = 4 + 4 * dims.length; i < bytes.length; i++) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0; // LCG fill: any bit pattern is a valid element
      bytes[i] = s >>> 24;
    }
    return bytes;
  });

/** One mutation of a byte string. */
type Mutation = (b: Uint8Array) => Uint8Array;
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }).map(({ at, xor }) => (b: Uint8Array) => {
    if (b.length === 0) return b;
    const c = b.slice();
    c[at % c.length]! ^= xor;
    return c;
  }),
  fc.nat().map((k) => (b: Uint8Array) => b.slice(0, k % (b.length + 1))),
  fc.uint8Array({ minLength: 1, maxLength: 16 }).map((extra) => (b: Uint8Array) => {
    const c = new Uint8Array(b.length + extra.length);
    c.set(b);
    c.set(extra, b.length);
    return c;
  }),
  fc
    .record({ which: fc.nat(), value: fc.oneof(fc.constantFrom(0, 1, 2 ** 16, 2 ** 31, 2 ** 32 - 1), fc.nat({ max: 64 }), fc.nat()) })
    .map(({ which, value }) => (b: Uint8Array) => {
      // Rewrite one dimension of the header (when the header is intact enough to have one).
      const rank = b[3] ?? 0;
      if (rank === 0 || b.length < 4 + 4 * rank) return b;
      const c = b.slice();
      new DataView(c.buffer).setUint32(4 + 4 * (which % rank), value >>> 0, false);
      return c;
    }),
  fc.integer({ min: 0, max: 255 }).map((t) => (b: Uint8Array) => {
    const c = b.slice();
    if (c.length > 2) c[2] = t;
    return c;
  }),
  fc.integer({ min: 0, max: 255 }).map((r) => (b: Uint8Array) => {
    const c = b.slice();
    if (c.length > 3) c[3] = r;
    return c;
  }),
);

/** The property: parseIdx returns consistent data or throws DataFormatError, nothing else. */
function checkParse(bytes: Uint8Array): void {
  let out;
  try {
    out = parseIdx(bytes);
  } catch (err) {
    if (!DataFormatError.isInstance(err)) throw new Error(`parseIdx threw a non-DataFormatError: ${String(err)}`, { cause: err });
    return;
  }
  const count = out.dims.reduce((a, b) => a * b, 1);
  expect(out.data.length).toBe(count);
  expect(out.data).toBeInstanceOf(ARRAY_TYPES[out.dtype] as never);
  expect(bytes.length).toBe(4 + 4 * out.dims.length + count * TYPE_SIZES[bytes[2]!]!);
}

describe('parseIdx fuzz (fast-check)', () => {
  it('parses every valid generated file to the declared shape', () => {
    fc.assert(
      fc.property(validIdx, (bytes) => {
        const out = parseIdx(bytes);
        expect(out.data.length).toBe(out.dims.reduce((a, b) => a * b, 1));
        expect(out.dims).toEqual(Array.from({ length: bytes[3]! }, (_, i) => new DataView(bytes.buffer).getUint32(4 + 4 * i)));
      }),
      { numRuns: 500, seed: 1 },
    );
  });

  it('returns consistent data or throws DataFormatError for mutated files', () => {
    fc.assert(
      fc.property(validIdx, fc.array(mutation, { minLength: 1, maxLength: 4 }), (bytes, mutations) => {
        checkParse(mutations.reduce((b, m) => m(b), bytes));
      }),
      { numRuns: 4000, seed: 2 },
    );
  });

  it('returns consistent data or throws DataFormatError for random bytes', () => {
    const header = fc.tuple(fc.constantFrom(0, 0, 0, 0x1f), fc.constantFrom(0, 0, 0x8b), fc.constantFrom(...TYPE_BYTES, 0, 0xff), fc.integer({ min: 0, max: 4 }));
    fc.assert(
      fc.property(header, fc.uint8Array({ maxLength: 48 }), (h, rest) => {
        const bytes = new Uint8Array(4 + rest.length);
        bytes.set(h);
        bytes.set(rest, 4);
        checkParse(bytes);
      }),
      { numRuns: 2000, seed: 3 },
    );
  });

  it('decodeIdx resolves consistent data or rejects with DataFormatError for mutated gzip files', async () => {
    await fc.assert(
      fc.asyncProperty(validIdx, fc.array(mutation, { minLength: 1, maxLength: 3 }), async (bytes, mutations) => {
        const input = mutations.reduce((b, m) => m(b), gzip(bytes));
        try {
          const out = await decodeIdx(input, { maxBytes: 1 << 20 });
          expect(out.data.length).toBe(out.dims.reduce((a, b) => a * b, 1));
        } catch (err) {
          if (!DataFormatError.isInstance(err)) throw new Error(`decodeIdx threw a non-DataFormatError: ${String(err)}`, { cause: err });
        }
      }),
      { numRuns: 300, seed: 4 },
    );
  });
});
