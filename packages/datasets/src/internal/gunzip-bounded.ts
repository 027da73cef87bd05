import { AdvkitError, DataFormatError } from '@advkit/core';
import { formatBytes } from './format-bytes.js';

/** Compressed bytes handed to the decompressor at a time: deflate expands at most ~1032:1, so one
 * slice can produce at most ~17 MB even in runtimes whose DecompressionStream ignores backpressure. */
const SLICE = 16 * 1024;

/**
 * Decompresses gzip `bytes` with the standard `DecompressionStream('gzip')` (Node >= 18, browsers),
 * streaming, and aborts as soon as the output exceeds `maxBytes`, so a gzip bomb costs at most
 * about `maxBytes` of memory. Concatenated gzip members (RFC 1952) are joined where the runtime's
 * DecompressionStream joins them (Node 20 does); where it rejects them (Node 24) the result is a
 * DataFormatError.
 *
 * @param where prefix of error messages, e.g. `decodeIdx` or `loadMnist: train-images-idx3-ubyte.gz`.
 * @throws {DataFormatError} corrupt or truncated gzip (with the decompressor's error as `cause`), or
 *   output larger than `maxBytes`.
 */
export async function gunzipBounded(bytes: Uint8Array, maxBytes: number, where: string): Promise<Uint8Array> {
  if (typeof DecompressionStream !== 'function') {
    throw new AdvkitError(`${where}: this runtime has no DecompressionStream; decompress the file yourself and call parseIdx`);
  }
  const stream = new DecompressionStream('gzip');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  // Feed the input in slices; write errors (after a corrupt input or our cancel) surface through the reader.
  const pump = (async () => {
    for (let i = 0; i < bytes.length; i += SLICE) await writer.write(bytes.slice(i, i + SLICE));
    await writer.close();
  })();
  pump.catch(() => undefined);

  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let result: ReadableStreamReadResult<Uint8Array>;
    try {
      result = await reader.read();
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      throw new DataFormatError(`${where}: corrupt gzip data (${detail}) after ${total} decompressed bytes`, { cause: err });
    }
    if (result.done) break;
    total += result.value.length;
    if (total > maxBytes) {
      await reader.cancel('size limit').catch(() => undefined);
      throw new DataFormatError(
        `${where}: decompressed data exceeds options.maxBytes = ${formatBytes(maxBytes)} (stopped at ${total} bytes); ` +
          'raise maxBytes if the file is genuine, otherwise it may be a gzip bomb',
      );
    }
    chunks.push(result.value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}
