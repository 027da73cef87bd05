import { describe, expect, it } from 'vitest';
import { squareSchedule } from './square-schedule.js';
import { roundHalfEven } from './round-half-even.js';

describe('squareSchedule (the reference p_selection) and Python rounding', () => {
  it('halves p_init after iterations 10, 50, 200, 500, 1000, 2000, 4000, 6000, 8000', () => {
    const at = [0, 10, 11, 50, 51, 200, 201, 500, 501, 1000, 1001, 2000, 2001, 4000, 4001, 6000, 6001, 8000, 8001, 9999];
    const want = [1, 1, 2, 2, 4, 4, 8, 8, 16, 16, 32, 32, 64, 64, 128, 128, 256, 256, 512, 512].map((h) => 0.8 / h);
    expect(at.map((i) => squareSchedule(i, 0.8, 5000, false))).toEqual(want);
  });

  it('with rescale maps iteration i of q queries to ⌊i/q·10000⌋', () => {
    expect(squareSchedule(6, 0.8, 5000, true)).toBe(0.4); // 6 → 12 > 10
    expect(squareSchedule(5, 0.8, 5000, true)).toBe(0.8); // 5 → 10
  });

  it('rounds halves to even as Python 3 round()', () => {
    expect([0.5, 1.5, 2.5, 3.5, 2.4, 2.6, 25.04].map(roundHalfEven)).toEqual([0, 2, 2, 4, 2, 3, 25]);
  });
});
