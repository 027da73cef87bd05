import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArgumentError, Rng, ShapeError, initBackend } from '@advkit/core';
import { projectL1Ball } from './index.js';
import { dykstra, enumerateProjection, noBounds, norm, type Bounds } from './test-utils/brute-force.js';
import { boundsOf, feasibleSamples, makeCases, rowMinus, variationalExcess } from './test-utils/cases.js';
import { checkProjectionProperties, roundingScale } from './test-utils/projection-properties.js';

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

const BOX = { min: 0, max: 1 };

/** Reference L1 projection by bisection on θ in Σ max(|v_i| − θ, 0) = ε (200 halvings; not a sort). */
function l1ByBisection(v: number[], eps: number): number[] {
  if (norm(v, 'l1') <= eps) return v;
  let lo = 0;
  let hi = Math.max(...v.map(Math.abs));
  for (let k = 0; k < 200; k++) {
    const mid = (lo + hi) / 2;
    if (v.reduce((s, vi) => s + Math.max(Math.abs(vi) - mid, 0), 0) > eps) lo = mid;
    else hi = mid;
  }
  return v.map((vi) => Math.sign(vi) * Math.max(Math.abs(vi) - hi, 0));
}

function project(x: number[][], c: number[][], epsilon: number, box?: { min: number; max: number }): number[][] {
  const [xt, ct] = [tf.tensor2d(x), tf.tensor2d(c)];
  const z = projectL1Ball(xt, ct, { epsilon, box });
  const out = z.arraySync() as number[][];
  tf.dispose([xt, ct, z]);
  return out;
}

describe('projectL1Ball', () => {
  it('matches hand-worked Duchi et al. cases', () => {
    // u = (3, 1, 0.5), ε = 2: ρ = 1 (1 − (4 − 2)/2 = 0 is not > 0), θ = 1.
    expect(project([[3, -1, 0.5]], [[0, 0, 0]], 2)[0]).toEqual([2, 0, 0]);
    // u = (3, 2.5, 0), ε = 1.5: ρ = 2, θ = (5.5 − 1.5)/2 = 2 → (1, 0.5, 0); signs restored.
    expect(project([[-3, 2.5, 0]], [[0, 0, 0]], 1.5)[0]).toEqual([-1, 0.5, 0]);
    // Around a centre; a point already inside is returned bit for bit.
    expect(project([[1.25, 0.5]], [[1, 1]], 0.75)[0]).toEqual([1.25, 0.5]);
    // ε = 0 projects onto the centre.
    expect(project([[4, -2]], [[1, 1]], 0)[0]).toEqual([1, 1]);
  });

  it('with a box, is the KKT projection, not "project then clip" (hand-worked)', () => {
    // c = (0.5, 0.5, 0.25), v = (1, 0.6, 0), ε = 0.5, box [0, 1]: caps (0.5, 0.5).
    // h(λ) = min(max(1 − λ, 0), 0.5) + min(max(0.6 − λ, 0), 0.5); h(0.5) = 0.6 > ε, and on [0.5, 0.6]
    // h = 1.6 − 2λ = 0.5 at λ = 0.55 → w = (0.45, 0.05, 0).
    const z = project([[1.5, 1.1, 0.25]], [[0.5, 0.5, 0.25]], 0.5, BOX)[0]!;
    // No cap binds, so this is also the plain Duchi projection.
    expect(z[0]).toBeCloseTo(0.95, 6); // float32 inputs: 1e-6
    expect(z[1]).toBeCloseTo(0.55, 6);
    expect(z[2]).toBe(0.25);
    // A cap binds: c = (0.875, 0.5), v = (1, 0.625), ε = 0.5. Duchi alone: θ = (1.625 − 0.5)/2 = 0.5625
    // → w = (0.4375, 0.0625), but c_1 + 0.4375 > 1. Exact: w_1 = cap 0.125, w_2 = 0.625 − λ with
    // 0.125 + 0.625 − λ = 0.5 → λ = 0.25 → w = (0.125, 0.375), z = (1, 0.875). Project-then-clip
    // would give (1, 0.5625), which is feasible but farther from x.
    expect(project([[1.875, 1.125]], [[0.875, 0.5]], 0.5, BOX)[0]).toEqual([1, 0.875]);
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
        norm: 'l1',
        box,
        project: (x, c, epsilon) => projectL1Ball(x, c, { epsilon, box }),
        reference: (v, eps, bd) => enumerateProjection(v, 'l1', eps, bd),
        // Rounded toward the centre in float64: feasible up to float64 rounding.
        feasibilitySlack: (eps) => eps * 1e-12,
        seed: box === undefined ? 11 : box.min === 0 ? 12 : 13,
      });
      expect(report.failures).toEqual([]);
      expect(report.cases).toBe(600);
      expect(tf.memory().numTensors).toBe(before);
    });
  }

  it('with a box, equals Dykstra on ball and box (a solver that does not assume the KKT form)', () => {
    const rng = new Rng(5);
    let checked = 0;
    for (const n of [2, 3, 4]) {
      const cs = makeCases(rng, 20, n, 0.5, BOX);
      const [x, c] = [tf.tensor2d(cs.x, [20, n]), tf.tensor2d(cs.c, [20, n])];
      const zT = projectL1Ball(x, c, { epsilon: 0.5, box: BOX });
      const z = zT.dataSync();
      tf.dispose([x, c, zT]);
      for (let k = 0; k < 20; k++) {
        const v = rowMinus(cs.x, cs.c, k, n);
        const ref = dykstra(v, (w) => l1ByBisection(w, 0.5), boundsOf(cs, k, BOX), 4000);
        const w = rowMinus(z, cs.c, k, n);
        // Dykstra converges linearly on polyhedra; 4000 sweeps reach ~1e-9 here, float32 adds 1e-7.
        w.forEach((wi, i) => expect(Math.abs(wi - ref[i]!)).toBeLessThan(1e-6));
        checked++;
      }
    }
    expect(checked).toBe(60);
  });

  it('the property checks catch "project onto the ball, then clip" (they can fail)', () => {
    const rng = new Rng(6);
    const cs = makeCases(rng, 100, 4, 0.5, BOX);
    const [x, c] = [tf.tensor2d(cs.x, [100, 4]), tf.tensor2d(cs.c, [100, 4])];
    const zT = tf.tidy(() => tf.clipByValue(projectL1Ball(x, c, { epsilon: 0.5 }), 0, 1));
    const z = zT.dataSync();
    tf.dispose([x, c, zT]);
    let caught = 0;
    for (let k = 0; k < 100; k++) {
      const v = rowMinus(cs.x, cs.c, k, 4);
      const w = rowMinus(z, cs.c, k, 4);
      const bd = boundsOf(cs, k, BOX);
      const dev = Math.max(...w.map((wi, i) => Math.abs(wi - enumerateProjection(v, 'l1', 0.5, bd)[i]!)));
      const vi = variationalExcess(v, w, feasibleSamples(rng, 4, 'l1', 0.5, bd, 200), 1e-6);
      if (dev > roundingScale(1, 0.5) && vi > 0) caught++;
    }
    expect(caught).toBeGreaterThan(10);
  });

  it('projects high-dimensional batches ([8, 28, 28, 1]) like a bisection reference, and keeps inside points', () => {
    const rng = new Rng(7);
    const n = 784;
    const c = new Float32Array(8 * n).map(() => rng.float());
    const x = new Float32Array(8 * n).map((_, i) => c[i]! + (i < 4 * n ? 0.2 : 1e-5) * rng.normal());
    const [xt, ct] = [tf.tensor4d(x, [8, 28, 28, 1]), tf.tensor4d(c, [8, 28, 28, 1])];
    const before = tf.memory().numTensors;
    const zT = projectL1Ball(xt, ct, { epsilon: 10 });
    expect(tf.memory().numTensors).toBe(before + 1);
    expect(zT.shape).toEqual([8, 28, 28, 1]);
    const z = zT.dataSync();
    tf.dispose([xt, ct, zT]);
    for (let k = 0; k < 8; k++) {
      const v = rowMinus(x, c, k, n);
      const w = rowMinus(z, c, k, n);
      expect(norm(w, 'l1')).toBeLessThanOrEqual(10 * (1 + 1e-12));
      const ref = l1ByBisection(v, 10);
      // Examples 4..7 lie inside (‖v‖₁ ≈ 784·1e-5·0.8): returned bit for bit.
      if (k >= 4) expect(Array.from(z.subarray(k * n, (k + 1) * n))).toEqual(Array.from(x.subarray(k * n, (k + 1) * n)));
      w.forEach((wi, i) => expect(Math.abs(wi - ref[i]!)).toBeLessThan(roundingScale(1, 10)));
    }
  });

  it('rejects bad arguments with typed errors', () => {
    const x = tf.zeros([2, 3]);
    const c3 = tf.zeros([2, 4]);
    expect(() => projectL1Ball(x, c3, { epsilon: 1 })).toThrow(ShapeError);
    expect(() => projectL1Ball(x, x, { epsilon: -1 })).toThrow(/projectL1Ball: options.epsilon must be a finite number >= 0, got -1/);
    expect(() => projectL1Ball(x, x, { epsilon: 1, box: { min: 1, max: 0 } })).toThrow(ArgumentError);
    const far = tf.fill([2, 3], 2);
    expect(() => projectL1Ball(x, far, { epsilon: 1, box: BOX })).toThrow(/projectL1Ball: center must lie inside the box \[0, 1\]/);
    const gone = tf.zeros([2, 3]);
    gone.dispose();
    expect(() => projectL1Ball(gone, x, { epsilon: 1 })).toThrow(/disposed/);
    expect(() => projectL1Ball(tf.scalar(1), tf.scalar(1), { epsilon: 1 })).toThrow(ShapeError);
    tf.dispose([x, c3, far]);
  });
});
