import { describe, expect, it } from 'vitest';
import { Rng } from './rng.js';

describe('Rng', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const a = new Rng(42), b = new Rng(42), c = new Rng(43);
    const xs = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(xs);
  });

  it('restores its state exactly (checkpoints)', () => {
    const a = new Rng(7);
    a.normal();
    const s = a.state();
    const seqA = [a.normal(), a.float(), a.int(10)];
    const b = Rng.fromState(s);
    expect([b.normal(), b.float(), b.int(10)]).toEqual(seqA);
  });

  it('draws uniform floats with the right moments', () => {
    // 1e5 draws: std error of the mean is 0.29/sqrt(1e5) ~ 9e-4, so 5e-3 is > 5 sigma.
    const r = new Rng(1);
    let s = 0, s2 = 0, outside = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const u = r.float();
      if (!(u >= 0 && u < 1)) outside++;
      s += u; s2 += u * u;
    }
    expect(outside).toBe(0);
    expect(s / n).toBeCloseTo(0.5, 2);
    expect(s2 / n - (s / n) ** 2).toBeCloseTo(1 / 12, 2);
  });

  it('draws normals with mean 0 and variance 1', () => {
    const r = new Rng(2);
    let s = 0, s2 = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) { const z = r.normal(); s += z; s2 += z * z; }
    expect(Math.abs(s / n)).toBeLessThan(0.02); // 6 sigma of 1/sqrt(n)
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.03);
  });

  it('makes permutations that contain every index once', () => {
    const p = new Rng(3).permutation(1000);
    expect(Array.from(p).sort((x, y) => x - y)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(Array.from(p.slice(0, 10))).not.toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('rejects invalid ranges and states', () => {
    expect(() => new Rng(0).int(0)).toThrow(RangeError);
    expect(() => Rng.fromState([1, 2, 3])).toThrow(RangeError);
  });
});
