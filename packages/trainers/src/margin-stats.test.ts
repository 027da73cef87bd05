import { describe, expect, it } from 'vitest';
import { marginStats } from './margin-stats.js';

describe('marginStats', () => {
  it('sums the logistic loss and counts margins <= 0 as errors', () => {
    // Ψ(2) = log(1 + e⁻²), Ψ(0) = log 2, Ψ(−1) = log(1 + e), closed forms
    const { lossSum, errors } = marginStats([2, 0, -1]);
    expect(lossSum).toBeCloseTo(Math.log(1 + Math.exp(-2)) + Math.log(2) + Math.log(1 + Math.E), 12);
    expect(errors).toBe(2);
  });

  it('counts NaN and −∞ margins as errors, +∞ as correct', () => {
    expect(marginStats([Number.NaN, Number.NaN]).errors).toBe(2);
    expect(Number.isNaN(marginStats([1, Number.NaN]).lossSum)).toBe(true);
    expect(marginStats([-Infinity]).errors).toBe(1);
    expect(marginStats([-Infinity]).lossSum).toBe(Infinity);
    expect(marginStats([Infinity])).toEqual({ lossSum: 0, errors: 0 });
  });
});
