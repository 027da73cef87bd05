import { ArgumentError } from './errors.js';
import { describeValue } from './describe-value.js';

let table: Uint32Array | undefined;

/** CRC-32 (IEEE 802.3, the zlib/PNG polynomial 0xEDB88320) of `bytes`. Detects torn or flipped bytes. */
export function crc32(bytes: Uint8Array): number {
  if (!(bytes instanceof Uint8Array)) throw new ArgumentError(`must be a Uint8Array, got ${describeValue(bytes)}`, { fn: 'crc32', argument: 'bytes' });
  if (table === undefined) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = table[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
