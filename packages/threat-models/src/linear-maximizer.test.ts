import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArgumentError, Rng, ShapeError, initBackend } from '@advkit/core';
import { linearMaximizer, type Norm } from './index.js';
import { noBounds, norm } from './test-utils/brute-force.js';
import { feasibleSamples } from './test-utils/cases.js';

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

const DUAL: Record<Norm, Norm> = { linf: 'l1', l2: 'l2', l1: 'linf' };

function maximize(g: number[][], n: Norm, epsilon: number): number[][] {
  const t = tf.tensor2d(g);
  const d = linearMaximizer(t, { norm: n, epsilon });
  // `+ 0` turns −0 (from 0·sign(g) with g < 0) into 0 for toEqual.
  const out = (d.arraySync() as number[][]).map((row) => row.map((v) => v + 0));
  tf.dispose([t, d]);
  return out;
}

describe('linearMaximizer', () => {
  it('matches the closed forms', () => {
    expect(maximize([[3, -4, 0]], 'linf', 0.5)[0]).toEqual([0.5, -0.5, 0]);
    const l2 = maximize([[3, -4, 0]], 'l2', 0.5)[0]!;
    [0.3, -0.4, 0].forEach((v, i) => expect(l2[i]).toBeCloseTo(v, 7)); // float32: 1e-7
    expect(maximize([[3, -4, 0]], 'l1', 0.5)[0]).toEqual([0, -0.5, 0]);
  });

  it('breaks L1 ties at the lowest index, and maps g = 0 to δ = 0', () => {
    expect(maximize([[3, -3, 1], [-2, 1, 2]], 'l1', 1)).toEqual([[1, 0, 0], [-1, 0, 0]]);
    for (const n of ['linf', 'l2', 'l1'] as const) expect(maximize([[0, 0, 0]], n, 1)[0]).toEqual([0, 0, 0]);
  });

  it('gives a unit L2 direction for tiny and subnormal gradients', () => {
    const tiny = maximize([[3e-30, -4e-30]], 'l2', 1)[0]!;
    expect(tiny[0]).toBeCloseTo(0.6, 6);
    expect(tiny[1]).toBeCloseTo(-0.8, 6);
    // Subnormal float32 has ~2^-149 resolution: 3e-41 carries ~5e-5 relative error.
    const sub = maximize([[3e-41, 4e-41]], 'l2', 1)[0]!;
    expect(sub[0]).toBeCloseTo(0.6, 3);
    expect(sub[1]).toBeCloseTo(0.8, 3);
  });

  it('attains ε‖g‖_*, is feasible, and beats random feasible δ (300 random gradients per norm)', () => {
    const rng = new Rng(41);
    for (const n of ['linf', 'l2', 'l1'] as const) {
      const batch = 100;
      for (const shape of [[batch, 5], [batch, 2, 3], [batch, 1]]) {
        const size = shape.reduce((a, b) => a * b, 1) / batch;
        const g = new Float32Array(batch * size).map(() => rng.normal() * 10 ** rng.uniform(-3, 3));
        const eps = 0.3;
        const gt = tf.tensor(g, shape);
        const before = tf.memory().numTensors;
        const dt = linearMaximizer(gt, { norm: n, epsilon: eps });
        expect(tf.memory().numTensors).toBe(before + 1);
        expect(dt.shape).toEqual(shape);
        const d = dt.dataSync();
        tf.dispose([gt, dt]);
        for (let k = 0; k < batch; k++) {
          const gk = Array.from(g.subarray(k * size, (k + 1) * size));
          const dk = Array.from(d.subarray(k * size, (k + 1) * size));
          const value = gk.reduce((s, gi, i) => s + gi * dk[i]!, 0);
          const best = eps * norm(gk, DUAL[n]);
          // float32 ε and float32 δ: relative 1e-6.
          expect(Math.abs(value - best)).toBeLessThanOrEqual(1e-6 * best);
          expect(norm(dk, n)).toBeLessThanOrEqual(eps * (1 + 1e-6));
          for (const z of feasibleSamples(rng, size, n, eps, noBounds(size), 5)) {
            expect(gk.reduce((s, gi, i) => s + gi * z[i]!, 0)).toBeLessThanOrEqual(value + 1e-6 * best);
          }
        }
      }
    }
  });

  it('rejects bad arguments with typed errors', () => {
    const g = tf.ones([2, 3]);
    expect(() => linearMaximizer(g, { norm: 'l3' as Norm, epsilon: 1 })).toThrow(/linearMaximizer: options.norm must be one of "linf", "l2", "l1", got "l3"/);
    expect(() => linearMaximizer(g, { norm: 'l2', epsilon: -1 })).toThrow(ArgumentError);
    const s = tf.scalar(1);
    expect(() => linearMaximizer(s, { norm: 'l2', epsilon: 1 })).toThrow(ShapeError);
    tf.dispose([g, s]);
  });
});
