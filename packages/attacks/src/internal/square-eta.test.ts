import { describe, expect, it } from 'vitest';
import { squareEta } from './square-eta.js';

// An independent closed form of the reference's `eta`: in `eta_rectangles(x, y)` rectangle r covers
// rows xc−1−r … xc−1+r and columns yc−1−r … yc−1+r (xc = ⌊x/2⌋+1, yc = ⌊y/2⌋+1), so cell (i, j) gets
// Σ_{r=m}^{max(xc,yc)−1} 1/(r+1)^p with m = max(|i−xc+1|, |j−yc+1|) (p = 2 for L2, 4 for L1), then the
// block is normalised (L2 or L1); eta stacks the top ⌊s/2⌋ rows (+) over the bottom ones (−) and
// normalises again.
function rectangles(x: number, y: number, p: number): number[][] {
  const xc = Math.floor(x / 2) + 1;
  const yc = Math.floor(y / 2) + 1;
  const rmax = Math.max(xc, yc) - 1;
  return Array.from({ length: x }, (_, i) =>
    Array.from({ length: y }, (_, j) => {
      let v = 0;
      for (let r = Math.max(Math.abs(i - xc + 1), Math.abs(j - yc + 1)); r <= rmax; r++) v += 1 / (r + 1) ** p;
      return v;
    }),
  );
}

function normalised(rows: number[][], norm: 'l2' | 'l1'): number[][] {
  const flat = rows.flat();
  const nn = norm === 'l1' ? flat.reduce((a, v) => a + Math.abs(v), 0) : Math.hypot(...flat);
  return rows.map((r) => r.map((v) => v / nn));
}

function etaClosedForm(s: number, norm: 'l2' | 'l1'): number[] {
  const p = norm === 'l1' ? 4 : 2;
  const h = Math.floor(s / 2);
  const top = normalised(rectangles(h, s, p), norm);
  const bottom = normalised(rectangles(s - h, s, p), norm).map((r) => r.map((v) => -v));
  return normalised([...top, ...bottom], norm).flat();
}

describe('squareEta against the closed form of the reference eta', () => {
  for (const norm of ['l2', 'l1'] as const) {
    it(`${norm}: the pattern for s = 1 … 15, transposed when the draw is > 1/2 (1e-12)`, () => {
      for (let s = 1; s <= 15; s++) {
        const want = etaClosedForm(s, norm);
        const plain = squareEta(s, { float: () => 0.25 } as never, norm);
        const transposed = squareEta(s, { float: () => 0.75 } as never, norm);
        for (let i = 0; i < s; i++) {
          for (let j = 0; j < s; j++) {
            // float64 on both sides, summed in other orders: 1e-12
            expect(Math.abs(plain[i * s + j]! - want[i * s + j]!)).toBeLessThan(1e-12);
            expect(Math.abs(transposed[j * s + i]! - want[i * s + j]!)).toBeLessThan(1e-12);
          }
        }
        const nn = norm === 'l1' ? plain.reduce((a, v) => a + Math.abs(v), 0) : Math.hypot(...plain);
        expect(nn).toBeCloseTo(1, 12);
      }
    });
  }
});
