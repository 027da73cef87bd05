import { describe, expect, it } from 'vitest';
import { apgdCheckpoints } from './apgd-checkpoints.js';

describe('apgdCheckpoints', () => {
  it('gives the paper\'s p_j for 100 iterations: 0.22, 0.41, 0.57, 0.70, 0.80, 0.87, 0.93, 0.99', () => {
    const c = apgdCheckpoints(100);
    expect(c.map((x) => x.at + 1)).toEqual([22, 41, 57, 70, 80, 87, 93, 99]);
    expect(c.map((x) => x.k)).toEqual([22, 19, 16, 13, 10, 7, 6, 6]);
  });

  it('follows p_{j+1} = p_j + max(p_j − p_{j−1} − 0.03, 0.06) for N = 1000 (integer windows)', () => {
    const c = apgdCheckpoints(1000);
    const p = [0, ...c.map((x) => (x.at + 1) / 1000)];
    expect(p[1]).toBeCloseTo(0.22, 12);
    for (let j = 1; j + 1 < p.length; j++) {
      const want = p[j]! + Math.max(p[j]! - p[j - 1]! - 0.03, 0.06);
      expect(p[j + 1]!).toBeCloseTo(want, 12);
    }
  });

  it('checks at least every iteration for tiny budgets', () => {
    expect(apgdCheckpoints(3).map((x) => x.at)).toEqual([0, 1, 2]);
  });
});
