import { describe, expect, it } from 'vitest';
import { DataFormatError } from '@advkit/core';
import { mnistSplitFromIdx } from './mnist-split-from-idx.js';
import { parseIdx } from './parse-idx.js';
import { makeIdx, syntheticSplit } from './test-utils/idx-bytes.js';

describe('mnistSplitFromIdx', () => {
  it('scales every byte b to the float32 nearest b / 255 (what float32 division, e.g. torchvision ToTensor, gives)', () => {
    const bytes = Array.from({ length: 784 }, (_, p) => p % 256);
    const split = mnistSplitFromIdx(parseIdx(makeIdx(0x08, [1, 28, 28], bytes)), parseIdx(makeIdx(0x08, [1], [3])));
    for (let b = 0; b < 256; b++) {
      const f = split.images[b]!;
      // f·255 and its neighbours' products are exact in float64 (24 + 8 bits), so these distances are exact.
      const up = nextFloat32(f, 1);
      const down = nextFloat32(f, -1);
      const d = Math.abs(f * 255 - b);
      expect(d).toBeLessThanOrEqual(Math.abs(up * 255 - b));
      expect(d).toBeLessThanOrEqual(Math.abs(down * 255 - b));
    }
    expect([split.images[0], split.images[255]]).toEqual([0, 1]);
    expect(split).toMatchObject({ count: 1, rows: 28, cols: 28 });
    expect(Array.from(split.labels)).toEqual([3]);
  });

  it('rejects mismatched counts, labels above 9 and wrong shapes with DataFormatError', () => {
    const s = syntheticSplit(4);
    const images = parseIdx(s.images);
    const labels = parseIdx(s.labels);
    const cases: [() => unknown, RegExp][] = [
      [() => mnistSplitFromIdx(images, parseIdx(makeIdx(0x08, [3], [1, 2, 3]))), /holds 4 images but the labels file holds 3 labels/],
      [() => mnistSplitFromIdx(images, parseIdx(makeIdx(0x08, [4], [1, 2, 255, 3]))), /labels must be digits 0\.\.9, got 255 at index 2/],
      [() => mnistSplitFromIdx(parseIdx(makeIdx(0x08, [4, 28, 27])), labels), /images must be 28 x 28, got 28 x 27/],
      [() => mnistSplitFromIdx(labels, labels), /images must be uint8 with rank 3/],
      [() => mnistSplitFromIdx(images, parseIdx(makeIdx(0x0c, [4]))), /labels must be uint8 with rank 1 .* got int32 \[4\]/],
    ];
    for (const [f, re] of cases) {
      expect(f).toThrow(re);
      expect(() => f()).toThrow(DataFormatError);
    }
  });
});

/** The adjacent float32 above (dir = 1) or below (dir = -1) a positive float32 `f` (or 0). */
function nextFloat32(f: number, dir: 1 | -1): number {
  const buf = new Float32Array([f]);
  const bits = new Uint32Array(buf.buffer);
  if (f === 0) return dir === 1 ? 1.401298464324817e-45 : -1.401298464324817e-45;
  bits[0] = bits[0]! + dir;
  return buf[0]!;
}
