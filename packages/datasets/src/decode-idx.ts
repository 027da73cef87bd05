import { ArgumentError, DataFormatError, checkKnownKeys, checkNumber, checkOptions, describeValue, optionKeys } from '@advkit/core';
import type { IdxArray } from './idx-array.js';
import { parseIdx } from './parse-idx.js';
import { DEFAULT_MAX_BYTES } from './default-max-bytes.js';
import { checkMaxBytes } from './internal/check-max-bytes.js';
import { formatBytes } from './internal/format-bytes.js';
import { gunzipBounded } from './internal/gunzip-bounded.js';
import { isGzip } from './internal/is-gzip.js';

export interface DecodeIdxOptions {
  /**
   * Size limit in bytes for the input and for the decompressed data. Decompression streams and stops
   * with a DataFormatError as soon as the output passes this, so a gzip bomb cannot exhaust memory.
   * @default DEFAULT_MAX_BYTES (256 MiB)
   */
  maxBytes?: number;
  /** Required number of dimensions, as in {@link parseIdx}. @default undefined (any rank >= 1) */
  expectRank?: number;
}
const DECODE_IDX_KEYS = optionKeys<DecodeIdxOptions>()({ maxBytes: true, expectRank: true });

const FN = 'decodeIdx';

/**
 * Decodes an IDX file that may be gzip-compressed (detected by its first two bytes, 0x1f 0x8b, so
 * `.gz` files and plain files both work): decompresses with the standard
 * `DecompressionStream('gzip')` under a size cap, then {@link parseIdx}.
 *
 * @returns a fresh {@link IdxArray} owned by the caller.
 * @throws {ArgumentError} `bytes` is not a Uint8Array, or an option is invalid.
 * @throws {DataFormatError} corrupt gzip (the decompressor's error is the `cause`), data larger than
 *   `maxBytes`, or any IDX problem {@link parseIdx} reports.
 */
export async function decodeIdx(bytes: Uint8Array, options?: DecodeIdxOptions): Promise<IdxArray> {
  if (!(bytes instanceof Uint8Array)) {
    throw new ArgumentError(`must be a Uint8Array (a Node Buffer is one), got ${describeValue(bytes)}`, { fn: FN, argument: 'bytes' });
  }
  const opts = checkOptions(options, FN);
  checkKnownKeys(opts, DECODE_IDX_KEYS, FN);
  const maxBytes = checkMaxBytes(opts.maxBytes, FN, DEFAULT_MAX_BYTES);
  const expectRank =
    opts.expectRank === undefined ? undefined : checkNumber(opts.expectRank, FN, 'options.expectRank', { integer: true, min: 1, max: 255 });
  if (bytes.length > maxBytes) {
    throw new DataFormatError(`${FN}: input has ${formatBytes(bytes.length)}, more than options.maxBytes = ${formatBytes(maxBytes)}`);
  }
  const plain = isGzip(bytes) ? await gunzipBounded(bytes, maxBytes, FN) : bytes;
  if (plain !== bytes && isGzip(plain)) throw new DataFormatError(`${FN}: the data is gzip-compressed twice; decompress it once yourself first`);
  try {
    return parseIdx(plain, { maxBytes, expectRank });
  } catch (err) {
    // Re-label parseIdx's messages so they name the function the caller called.
    if (DataFormatError.isInstance(err)) throw new DataFormatError(`${FN}: ${(err as Error).message.replace(/^parseIdx: /, '')}`, { cause: err });
    throw err;
  }
}
