import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArgumentError, initBackend } from '@advkit/core';
import { NORMS, randomPointInBall, type Box, type Norm } from './index.js';
import { norm } from './test-utils/brute-force.js';
import { rowMinus } from './test-utils/cases.js';

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

const BOX = { min: 0, max: 1 };

function draw(c: tf.Tensor, n: Norm, epsilon: number, seed: number, box?: Box): Float32Array {
  const z = randomPointInBall(c, { norm: n, epsilon, seed, box });
  expect(z.shape).toEqual(c.shape);
  const out = z.dataSync() as Float32Array;
  z.dispose();
  return out;
}

describe('randomPointInBall', () => {
  it('lies in the ball (and the box), per example, for every norm', () => {
    const c = tf.randomUniform([200, 5], 0, 1, 'float32', 1);
    const cs = c.dataSync();
    for (const n of NORMS) {
      for (const box of [undefined, BOX]) {
        const z = draw(c, n, 0.4, 7, box);
        for (let k = 0; k < 200; k++) {
          // float64 sampling rounded toward the centre: feasible up to float64 rounding.
          expect(norm(rowMinus(z, cs, k, 5), n)).toBeLessThanOrEqual(0.4 * (1 + 1e-12));
        }
        if (box !== undefined) {
          z.forEach((zi) => expect(zi >= 0 && zi <= 1).toBe(true));
          // Clipping puts some points exactly on a face (centres are near it, the radius is 0.4).
          expect(z.filter((zi) => zi === 0 || zi === 1).length).toBeGreaterThan(0);
        }
      }
    }
    c.dispose();
  });

  it('is deterministic per seed and differs between seeds', () => {
    const c = tf.zeros([3, 28, 28, 1]);
    for (const n of NORMS) {
      const a = draw(c, n, 1, 42);
      expect(Array.from(draw(c, n, 1, 42))).toEqual(Array.from(a));
      expect(Array.from(draw(c, n, 1, 43))).not.toEqual(Array.from(a));
    }
    c.dispose();
  });

  it('is uniform in the ball: radius law P(‖w‖ ≤ ε/2) = 2⁻ⁿ and the marginal P(|w₁| ≤ ε/2) (n = 2, 3)', () => {
    const N = 20000;
    // P(|w₁| ≤ ε/2) for the uniform law in 2-D: square 1/2; disc 2(a√(1−a²) + asin a)/π at a = 1/2
    // = 0.6090; diamond (area 2ε², strip area 1.5ε²) 0.75.
    const marginal2: Record<Norm, number> = { linf: 0.5, l2: (2 * (0.5 * Math.sqrt(0.75) + Math.asin(0.5))) / Math.PI, l1: 0.75 };
    for (const dim of [2, 3]) {
      const c = tf.zeros([N, dim]);
      const cs = c.dataSync();
      for (const n of NORMS) {
        const z = draw(c, n, 2, 100 + dim);
        let inner = 0;
        let strip = 0;
        for (let k = 0; k < N; k++) {
          const w = rowMinus(z, cs, k, dim);
          if (norm(w, n) <= 1) inner++;
          if (Math.abs(w[0]!) <= 1) strip++;
        }
        // Binomial standard error √(p(1 − p)/N) ≤ 0.0035; 0.015 is over 4 standard errors.
        expect(Math.abs(inner / N - 2 ** -dim)).toBeLessThan(0.015);
        if (dim === 2) expect(Math.abs(strip / N - marginal2[n])).toBeLessThan(0.015);
      }
      c.dispose();
    }
  });

  it('in 784 dimensions, has mean radius ε·n/(n + 1) (the U^(1/n) law)', () => {
    const c = tf.zeros([100, 784]);
    const cs = c.dataSync();
    for (const n of NORMS) {
      const z = draw(c, n, 1, 9);
      let mean = 0;
      for (let k = 0; k < 100; k++) mean += norm(rowMinus(z, cs, k, 784), n) / 100;
      // sd of one radius ≈ ε/n = 1.3e-3, of the mean of 100 ≈ 1.3e-4; 1e-3 is about 8 of them.
      expect(Math.abs(mean - 784 / 785)).toBeLessThan(1e-3);
    }
    c.dispose();
  });

  it('leaks no tensors and rejects bad arguments with typed errors', () => {
    const c = tf.fill([2, 3], 0.5);
    const before = tf.memory().numTensors;
    for (const n of NORMS) tf.dispose(randomPointInBall(c, { norm: n, epsilon: 0.1, seed: 1, box: BOX }));
    expect(tf.memory().numTensors).toBe(before);
    expect(() => randomPointInBall(c, { norm: 'l2', epsilon: 0.1, seed: 1.5 })).toThrow(/randomPointInBall: options.seed must be an integer/);
    expect(() => randomPointInBall(c, { norm: 'l2', epsilon: -1, seed: 1 })).toThrow(ArgumentError);
    expect(() => randomPointInBall(c, { norm: 'l2', epsilon: 1, seed: 1, box: { min: 0.6, max: 1 } })).toThrow(/center must lie inside the box/);
    expect(() => randomPointInBall(c, { norm: 'l7' as Norm, epsilon: 1, seed: 1 })).toThrow(/options.norm/);
    c.dispose();
  });
});
