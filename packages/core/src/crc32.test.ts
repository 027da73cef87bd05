import { describe, expect, it } from 'vitest';
import { crc32 } from './crc32.js';

describe('crc32', () => {
  it('matches the standard check value and node:zlib', async () => {
    // The CRC-32/ISO-HDLC check value of "123456789" is 0xCBF43926 (the catalogue of CRC parameters).
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    const zlib = (await import('node:zlib')) as { crc32?: (b: Uint8Array) => number };
    if (typeof zlib.crc32 === 'function') {
      const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 37) & 0xff);
      expect(crc32(bytes)).toBe(zlib.crc32(bytes)); // Node >= 22 ships one
    }
  });
});
