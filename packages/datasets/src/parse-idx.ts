import { ArgumentError, DataFormatError, checkKnownKeys, checkNumber, checkOptions, describeValue, optionKeys } from '@advkit/core';
import type { IdxArray, IdxData } from './idx-array.js';
import { IDX_TYPES, IDX_TYPE_LIST, hexByte } from './internal/idx-types.js';
import type { IdxType } from './internal/idx-types.js';
import { checkMaxBytes } from './internal/check-max-bytes.js';
import { formatBytes } from './internal/format-bytes.js';

export interface ParseIdxOptions {
  /**
   * Largest input accepted, in bytes. The bytes are already in memory and parseIdx never allocates
   * more than they hold, so this is only a guard for callers that want one.
   * @default Infinity
   */
  maxBytes?: number;
  /** Required number of dimensions (3 for MNIST images, 1 for labels). @default undefined (any rank >= 1) */
  expectRank?: number;
}
const PARSE_IDX_KEYS = optionKeys<ParseIdxOptions>()({ maxBytes: true, expectRank: true });

const FN = 'parseIdx';

/**
 * Parses an uncompressed IDX file (format: http://yann.lecun.com/exdb/mnist/, "THE IDX FILE FORMAT"):
 *
 * ```
 * byte 0, 1   0x00 0x00
 * byte 2      type: 0x08 uint8, 0x09 int8, 0x0B int16, 0x0C int32, 0x0D float32, 0x0E float64
 * byte 3      rank r (number of dimensions, >= 1 here)
 * 4 … 4+4r    r big-endian uint32 dimensions, outermost first
 * then        prod(dims) elements, big-endian, row-major
 * ```
 *
 * The file must be exactly `4 + 4r + prod(dims)·size` bytes long: fewer is "truncated", more is
 * "trailing bytes". That length is computed exactly (BigInt) and compared with the input BEFORE
 * anything is allocated, so a header cannot make parseIdx allocate more than the input holds
 * (dims 2^31 × 2^31 in a 20-byte file is a DataFormatError, not a 4-EiB allocation). A dimension of 0
 * is allowed (an empty array).
 *
 * Synchronous and plain-bytes only: gzip input (0x1f 0x8b) is rejected with a message pointing to
 * {@link decodeIdx}.
 *
 * @returns a fresh {@link IdxArray}; `data` is a copy, never a view of `bytes`.
 * @throws {ArgumentError} `bytes` is not a Uint8Array, or an option is invalid.
 * @throws {DataFormatError} anything wrong with the bytes; the message says what.
 */
export function parseIdx(bytes: Uint8Array, options?: ParseIdxOptions): IdxArray {
  if (!(bytes instanceof Uint8Array)) {
    throw new ArgumentError(`must be a Uint8Array (a Node Buffer is one), got ${describeValue(bytes)}`, { fn: FN, argument: 'bytes' });
  }
  const opts = checkOptions(options, FN);
  checkKnownKeys(opts, PARSE_IDX_KEYS, FN);
  const maxBytes = checkMaxBytes(opts.maxBytes, FN, Infinity);
  const expectRank =
    opts.expectRank === undefined ? undefined : checkNumber(opts.expectRank, FN, 'options.expectRank', { integer: true, min: 1, max: 255 });

  const len = bytes.length;
  if (len > maxBytes) throw fail(`input has ${formatBytes(len)}, more than options.maxBytes = ${formatBytes(maxBytes)}`);
  if (len >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    throw fail('input is gzip-compressed (starts with 0x1f 0x8b); parseIdx reads plain IDX bytes only, use `await decodeIdx(bytes)` to decompress and parse');
  }
  if (len < 4) throw fail(`truncated: an IDX header needs at least 4 bytes, file has ${len}`);
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    throw fail(`not an IDX file: the magic number must start with two zero bytes, got ${hexByte(bytes[0]!)} ${hexByte(bytes[1]!)}`);
  }
  const typeByte = bytes[2]!;
  const type = IDX_TYPES.get(typeByte);
  if (type === undefined) throw fail(`unknown IDX type byte ${hexByte(typeByte)} (third byte of the magic number); known: ${IDX_TYPE_LIST}`);
  const rank = bytes[3]!;
  if (rank === 0) throw fail('rank 0: the fourth byte (number of dimensions) must be >= 1');
  if (expectRank !== undefined && rank !== expectRank) {
    throw fail(`expected rank ${expectRank}, the header says ${rank} (magic number ${magic(bytes)})`);
  }
  const headerBytes = 4 + 4 * rank;
  if (len < headerBytes) throw fail(`truncated: a rank-${rank} header needs ${headerBytes} bytes, file has ${len}`);

  const view = new DataView(bytes.buffer, bytes.byteOffset, len);
  const dims: number[] = [];
  let count = 1n;
  for (let i = 0; i < rank; i++) {
    const d = view.getUint32(4 + 4 * i, false);
    dims.push(d);
    count *= BigInt(d);
  }
  // Exact, overflow-free: BigInt. Nothing has been allocated yet beyond `dims`.
  const promised = BigInt(headerBytes) + count * BigInt(type.size);
  const actual = BigInt(len);
  if (promised !== actual) {
    const what = `header promises ${promised} bytes (${headerBytes}-byte header + [${dims.join(' x ')}] ${type.dtype} of ${type.size} byte${type.size > 1 ? 's' : ''} each)`;
    if (promised > actual) throw fail(`truncated: ${what}, file has ${len}`);
    throw fail(`trailing bytes: ${what}, file has ${len} (${actual - promised} extra)`);
  }
  return { dtype: type.dtype, dims, data: decodeData(bytes, view, headerBytes, Number(count), type) };
}

function decodeData(bytes: Uint8Array, view: DataView, offset: number, n: number, type: IdxType): IdxData {
  switch (type.dtype) {
    case 'uint8': {
      const out = new Uint8Array(n);
      out.set(bytes.subarray(offset, offset + n));
      return out;
    }
    case 'int8': {
      const out = new Int8Array(n);
      new Uint8Array(out.buffer).set(bytes.subarray(offset, offset + n));
      return out;
    }
    case 'int16': {
      const out = new Int16Array(n);
      for (let i = 0; i < n; i++) out[i] = view.getInt16(offset + 2 * i, false);
      return out;
    }
    case 'int32': {
      const out = new Int32Array(n);
      for (let i = 0; i < n; i++) out[i] = view.getInt32(offset + 4 * i, false);
      return out;
    }
    case 'float32': {
      const out = new Float32Array(n);
      for (let i = 0; i < n; i++) out[i] = view.getFloat32(offset + 4 * i, false);
      return out;
    }
    case 'float64': {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = view.getFloat64(offset + 8 * i, false);
      return out;
    }
  }
}

function magic(bytes: Uint8Array): string {
  const m = ((bytes[2]! << 8) | bytes[3]!) >>> 0;
  return `${m} = 0x${m.toString(16).padStart(8, '0')}`;
}

function fail(message: string): DataFormatError {
  return new DataFormatError(`${FN}: ${message}`);
}
