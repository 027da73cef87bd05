import { describe, expect, it } from 'vitest';
import { ArgumentError, Rng } from '@advkit/core';
import { syntheticData } from './index.js';

/** The generators this one replaces (the trainers' test helpers, written out): the reference draws. */
function referenceBinary(n: number, d: number, seed: number, noise: number) {
  const rng = new Rng(seed);
  const w = Array.from({ length: d }, () => rng.normal());
  const x = new Float32Array(n * d);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) {
      const v = rng.float();
      x[i * d + j] = v;
      s += w[j]! * (v - 0.5);
    }
    y[i] = (s > 0) !== rng.float() < noise ? 1 : -1;
  }
  return { x, y, w };
}
function referenceClasses(n: number, d: number, k: number, seed: number, sigma: number) {
  const rng = new Rng(seed);
  const means = Array.from({ length: k }, () => Array.from({ length: d }, () => 0.2 + 0.6 * rng.float()));
  const x = new Float32Array(n * d);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = rng.int(k);
    y[i] = c;
    for (let j = 0; j < d; j++) x[i * d + j] = Math.min(1, Math.max(0, means[c]![j]! + sigma * rng.normal()));
  }
  return { x, y, means };
}

describe('syntheticData', () => {
  it('binary: labels ±1 from sign(wᵀ(x − ½)) with labelNoise flipped, bit-identical to the reference draws', () => {
    const data = syntheticData({ n: 600, inputShape: [20], numClasses: 2, seed: 1 });
    const ref = referenceBinary(600, 20, 1, 0.05);
    expect(data).toEqual({ x: ref.x, y: ref.y, n: 600, dim: 20 });
    // the noise rate: labels disagreeing with the noiseless rule, ~5 % (binomial sd ≈ 0.9 %: 3 sd of slack)
    const clean = referenceBinary(600, 20, 1, 0);
    const flipped = data.y.reduce((s, v, i) => s + (v !== clean.y[i] ? 1 : 0), 0) / 600;
    expect(flipped).toBeGreaterThan(0.05 - 0.027);
    expect(flipped).toBeLessThan(0.05 + 0.027);
    expect(data.x.every((v) => v >= 0 && v < 1)).toBe(true);
  });

  it('K classes: labels 0..K−1 around their class means, bit-identical to the reference draws', () => {
    const data = syntheticData({ n: 900, inputShape: [2, 3, 1], numClasses: 3, seed: 4, spread: 0.05 });
    const ref = referenceClasses(900, 6, 3, 4, 0.05);
    expect(data).toEqual({ x: ref.x, y: ref.y, n: 900, dim: 6, numClasses: 3 });
    // the per-class mean of x is within 4σ/√n_c of its class mean (σ = 0.05, n_c ≈ 300; clipping never triggers in [0.2, 0.8] at 0.05)
    for (let c = 0; c < 3; c++) {
      const rows = [...data.y.keys()].filter((i) => data.y[i] === c);
      expect(rows.length).toBeGreaterThan(250);
      for (let j = 0; j < 6; j++) {
        const mean = rows.reduce((s, i) => s + data.x[i * 6 + j]!, 0) / rows.length;
        expect(Math.abs(mean - ref.means[c]![j]!)).toBeLessThan((4 * 0.05) / Math.sqrt(rows.length));
      }
    }
  });

  it('is deterministic per seed and differs between seeds', () => {
    const a = syntheticData({ n: 50, inputShape: [8], numClasses: 4, seed: 7 });
    expect(syntheticData({ n: 50, inputShape: [8], numClasses: 4, seed: 7 })).toEqual(a);
    expect(syntheticData({ n: 50, inputShape: [8], numClasses: 4, seed: 8 }).x).not.toEqual(a.x);
  });

  it.each([
    [{ n: 0, inputShape: [2], numClasses: 2, seed: 0 }, /syntheticData: options.n must be an integer >= 1, got 0/],
    [{ n: 3, inputShape: [], numClasses: 2, seed: 0 }, /options.inputShape must be a non-empty array/],
    [{ n: 3, inputShape: [2, 0], numClasses: 2, seed: 0 }, /options.inputShape/],
    [{ n: 3, inputShape: [2], numClasses: 1, seed: 0 }, /options.numClasses must be an integer >= 2/],
    [{ n: 3, inputShape: [2], numClasses: 2, seed: 2 ** 32 }, /options.seed must be an integer >= 0 and <= 4294967295/],
    [{ n: 3, inputShape: [2], numClasses: 2, seed: 0.5 }, /options.seed/],
    [{ n: 3, inputShape: [2], numClasses: 2, seed: 0, labelNoise: 2 }, /options.labelNoise/],
    [{ n: 3, inputShape: [2], numClasses: 2, seed: 0, spread: 0.1 }, /options.spread applies to three or more classes only/],
    [{ n: 3, inputShape: [2], numClasses: 3, seed: 0, labelNoise: 0.1 }, /options.labelNoise applies to binary problems only/],
    [{ n: 2 ** 20, inputShape: [1024], numClasses: 2, seed: 0 }, /at most 2\^28 values/],
  ])('rejects %j with an ArgumentError', (options, message) => {
    expect(() => syntheticData(options)).toThrow(ArgumentError);
    expect(() => syntheticData(options)).toThrow(message);
  });

  it('rejects a missing or non-object options argument', () => {
    expect(() => syntheticData(undefined as never)).toThrow(/syntheticData: options must be an options object/);
    expect(() => syntheticData(3 as never)).toThrow(ArgumentError);
  });
});
