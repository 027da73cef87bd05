import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArgumentError, Rng, ShapeError, initBackend } from '@advkit/core';
import { projectL2Ball } from './index.js';
import { dykstra, enumerateProjection, l2BallClosedForm, norm } from './test-utils/brute-force.js';
import { boundsOf, feasibleSamples, makeCases, rowMinus, variationalExcess } from './test-utils/cases.js';
import { checkProjectionProperties, roundingScale } from './test-utils/projection-properties.js';

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

const BOX = { min: 0, max: 1 };

function project(x: number[][], c: number[][], epsilon: number, box?: { min: number; max: number }): number[][] {
  const [xt, ct] = [tf.tensor2d(x), tf.tensor2d(c)];
  const z = projectL2Ball(xt, ct, { epsilon, box });
  const out = z.arraySync() as number[][];
  tf.dispose([xt, ct, z]);
  return out;
}

describe('projectL2Ball', () => {
  it('matches closed-form cases', () => {
    // (3, 4)·1/5 = (0.6, 0.8); float32 division: 1e-7.
    const [z] = project([[3, 4]], [[0, 0]], 1);
    expect(z![0]).toBeCloseTo(0.6, 7);
    expect(z![1]).toBeCloseTo(0.8, 7);
    // Inside (‖(0.3, 0.4)‖ = 0.5): c + (x − c) = x exactly here (x − c is exact), per example in a batch.
    const both = project([[1.3, 1.4], [4, 5]], [[1, 1], [1, 1]], 0.5);
    expect(both[0]).toEqual([Math.fround(1.3), Math.fround(1.4)]);
    expect(both[1]![0]).toBeCloseTo(1 + 0.3, 6); // (3, 4)/5·0.5 around (1, 1); float32: 1e-6
    expect(both[1]![1]).toBeCloseTo(1 + 0.4, 6);
    // ε = 0 projects onto the centre.
    expect(project([[4, -2]], [[1, 1]], 0)[0]).toEqual([1, 1]);
  });

  it('with a box, is the KKT projection, not "rescale then clip" (hand-worked)', () => {
    // c = (0.875, 0.5), v = (1, 1), ε = 0.5, box [0, 1]: caps (0.125, 0.5). Rescaling gives
    // w = (0.354, 0.354), whose first coordinate leaves the box; clipping it gives (0.125, 0.354).
    // Exact: w_1 = 0.125 (capped), w_2 = √(0.25 − 0.125²) = √0.234375 ≈ 0.48412 ≤ 0.5.
    const [z] = project([[1.875, 1.5]], [[0.875, 0.5]], 0.5, BOX);
    expect(z![0]).toBe(1);
    expect(z![1]).toBeCloseTo(0.5 + Math.sqrt(0.234375), 6); // float32 result: 1e-6
  });

  const cases = [
    { name: 'without a box', box: undefined },
    { name: 'with the box [0, 1]', box: BOX },
    { name: 'with the box [-0.5, 2]', box: { min: -0.5, max: 2 } },
  ];
  for (const { name, box } of cases) {
    it(`${name}: feasible, equal to the KKT enumeration, variational inequality, idempotent (600 cases)`, () => {
      const before = tf.memory().numTensors;
      const report = checkProjectionProperties({
        norm: 'l2',
        box,
        project: (x, c, epsilon) => projectL2Ball(x, c, { epsilon, box }),
        reference: (v, eps, bd) => enumerateProjection(v, 'l2', eps, bd),
        // No box: float32 tfjs ops, each coordinate off by ~1 ulp of |c| + ε, so the norm by √n of
        // that (2⁻²² = 2 ulps). With a box: float64 rounded toward the centre.
        feasibilitySlack: (eps, cMax, n) => (box === undefined ? 2 ** -22 * (eps + cMax) * Math.sqrt(n) : eps * 1e-12),
        seed: box === undefined ? 21 : box.min === 0 ? 22 : 23,
      });
      expect(report.failures).toEqual([]);
      expect(report.cases).toBe(600);
      expect(tf.memory().numTensors).toBe(before);
    });
  }

  it('with a box, equals Dykstra on ball and box (a solver that does not assume the KKT form)', () => {
    const rng = new Rng(25);
    let checked = 0;
    for (const n of [2, 3, 4]) {
      const cs = makeCases(rng, 20, n, 0.5, BOX);
      const [x, c] = [tf.tensor2d(cs.x, [20, n]), tf.tensor2d(cs.c, [20, n])];
      const zT = projectL2Ball(x, c, { epsilon: 0.5, box: BOX });
      const z = zT.dataSync();
      tf.dispose([x, c, zT]);
      for (let k = 0; k < 20; k++) {
        const ref = dykstra(rowMinus(cs.x, cs.c, k, n), (w) => l2BallClosedForm(w, 0.5), boundsOf(cs, k, BOX), 4000);
        const w = rowMinus(z, cs.c, k, n);
        // 4000 Dykstra sweeps reach ~1e-9 on these cases; float32 adds 1e-7.
        w.forEach((wi, i) => expect(Math.abs(wi - ref[i]!)).toBeLessThan(1e-6));
        checked++;
      }
    }
    expect(checked).toBe(60);
  });

  it('the property checks catch "rescale, then clip" (they can fail)', () => {
    const rng = new Rng(26);
    const cs = makeCases(rng, 100, 4, 0.5, BOX);
    const [x, c] = [tf.tensor2d(cs.x, [100, 4]), tf.tensor2d(cs.c, [100, 4])];
    const zT = tf.tidy(() => tf.clipByValue(projectL2Ball(x, c, { epsilon: 0.5 }), 0, 1));
    const z = zT.dataSync();
    tf.dispose([x, c, zT]);
    let caught = 0;
    for (let k = 0; k < 100; k++) {
      const v = rowMinus(cs.x, cs.c, k, 4);
      const w = rowMinus(z, cs.c, k, 4);
      const bd = boundsOf(cs, k, BOX);
      const ref = enumerateProjection(v, 'l2', 0.5, bd);
      const dev = Math.max(...w.map((wi, i) => Math.abs(wi - ref[i]!)));
      const vi = variationalExcess(v, w, feasibleSamples(rng, 4, 'l2', 0.5, bd, 200), 1e-6);
      if (dev > roundingScale(1, 0.5) && vi > 0) caught++;
    }
    expect(caught).toBeGreaterThan(10);
  });

  it('projects [8, 28, 28, 1] batches like the float64 closed form, with and without the box', () => {
    const rng = new Rng(27);
    const n = 784;
    const c = new Float32Array(8 * n).map(() => rng.float());
    const x = new Float32Array(8 * n).map((_, i) => c[i]! + (i < 4 * n ? 0.3 : 1e-4) * rng.normal());
    const [xt, ct] = [tf.tensor4d(x, [8, 28, 28, 1]), tf.tensor4d(c, [8, 28, 28, 1])];
    for (const box of [undefined, BOX]) {
      const zT = projectL2Ball(xt, ct, { epsilon: 2, box });
      expect(zT.shape).toEqual([8, 28, 28, 1]);
      const z = zT.dataSync();
      zT.dispose();
      for (let k = 0; k < 8; k++) {
        const v = rowMinus(x, c, k, n);
        const ref = box === undefined ? l2BallClosedForm(v, 2) : dykstra(v, (w) => l2BallClosedForm(w, 2), boundsOf({ batch: 8, n, x, c }, k, box), 300);
        const w = rowMinus(z, c, k, n);
        // No box: float32 rounding. With the box: the deviation from 300 Dykstra sweeps measured 6e-8
        // (the same after 1000 sweeps, so it is the float32 rounding of the result).
        w.forEach((wi, i) => expect(Math.abs(wi - ref[i]!)).toBeLessThan(box === undefined ? roundingScale(1, 2) : 1e-6));
        expect(norm(w, 'l2')).toBeLessThanOrEqual(2 + (box === undefined ? 2 ** -22 * 3 * 28 : 1e-12));
      }
      // Examples 4..7 lie inside the ball: without a box they come back as c + (x − c), within an ulp
      // of x (2⁻²³ relative to values ≤ 1.5); with the box, x itself wherever x is in the box.
      for (let i = 4 * n; i < 8 * n; i++) {
        if (box === undefined) expect(Math.abs(z[i]! - x[i]!)).toBeLessThanOrEqual(2 ** -23 * 1.5);
        else if (x[i]! >= 0 && x[i]! <= 1) expect(z[i]).toBe(x[i]);
      }
    }
    tf.dispose([xt, ct]);
  });

  it('leaks no tensors and rejects bad arguments with typed errors', () => {
    const x = tf.ones([2, 3]);
    const c = tf.zeros([2, 3]);
    const [wrongShape, outside, ints] = [tf.zeros([3, 2]), tf.fill([2, 3], -1), tf.zeros([2, 3], 'int32')];
    const before = tf.memory().numTensors;
    for (const box of [undefined, BOX]) tf.dispose(projectL2Ball(x, c, { epsilon: 0.5, box }));
    tf.dispose(projectL2Ball(x, c, { epsilon: 0 }));
    expect(tf.memory().numTensors).toBe(before);
    expect(() => projectL2Ball(x, wrongShape, { epsilon: 1 })).toThrow(ShapeError);
    expect(() => projectL2Ball(x, c, { epsilon: Number.NaN })).toThrow(/projectL2Ball: options.epsilon must be a finite number >= 0, got NaN/);
    expect(() => projectL2Ball(x, c, { epsilon: Infinity })).toThrow(ArgumentError);
    expect(() => projectL2Ball(x, c, { epsilon: 1, box: { min: 0, max: Number.NaN } })).toThrow(/options.box.max/);
    expect(() => projectL2Ball(x, outside, { epsilon: 1, box: BOX })).toThrow(/center must lie inside the box/);
    expect(() => projectL2Ball(ints, c, { epsilon: 1 })).toThrow(/dtype float32/);
    expect(tf.memory().numTensors).toBe(before); // failed calls leak nothing either
    tf.dispose([x, c, wrongShape, outside, ints]);
  });
});
