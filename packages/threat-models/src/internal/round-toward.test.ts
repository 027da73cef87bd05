import { describe, expect, it } from 'vitest';
import { Rng } from '@advkit/core';
import { makeRoundToward } from './round-toward.js';

describe('makeRoundToward', () => {
  it('returns the float32 nearest v on the centre side of v (never past v)', () => {
    const round = makeRoundToward();
    const rng = new Rng(3);
    const bad: string[] = [];
    for (let k = 0; k < 20000; k++) {
      const c = Math.fround(rng.uniform(-4, 4) * (k % 3 === 0 ? 1e-30 : 1));
      const v = c + rng.normal() * 10 ** rng.uniform(-12, 1);
      const r = round(v, c);
      const ok =
        Math.fround(r) === r && // a float32
        Math.abs(r - c) <= Math.abs(v - c) && // no farther from c than v
        (r - c) * (v - c) >= 0 && // on the same side of c
        // nearest on that side: within one float32 spacing of v (≤ 2⁻²³|v| + 2⁻¹⁴⁹)
        Math.abs(v - r) <= 2 ** -23 * Math.abs(v) + 2 ** -149;
      if (!ok && bad.length < 5) bad.push(`v=${v} c=${c} r=${r}`);
    }
    expect(bad).toEqual([]);
  });

  it('handles zero crossings and exact values', () => {
    const round = makeRoundToward();
    expect(round(0.1, 0)).toBeLessThanOrEqual(0.1);
    expect(round(0.1, 0)).toBe(Math.fround(0.1) > 0.1 ? 0.09999999403953552 : Math.fround(0.1));
    expect(round(-1e-50, -1)).toBe(-(2 ** -149)); // fround gives −0 > v; step to the tiny negative
    expect(round(0.5, 0.25)).toBe(0.5);
    expect(round(1e39, 0)).toBe(3.4028234663852886e38); // overflow rounds down to the largest float32
  });
});
