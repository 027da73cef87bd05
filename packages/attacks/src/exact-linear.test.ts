import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, ArgumentError, ShapeError, Rng } from '@advkit/core';
import { LinearModel } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { exactLinear, exactLinearAttack, exactLinearPerturbation, exactLinearMarginChange } from './index.js';

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

function randomBatch(n: number, d: number, seed: number): { x: tf.Tensor2D; y: tf.Tensor1D } {
  const rng = new Rng(seed);
  const x = tf.tensor2d(rng.fillUniform(new Float32Array(n * d), 0, 1), [n, d]);
  const y = tf.tensor1d(Array.from({ length: n }, () => (rng.float() < 0.5 ? -1 : 1)));
  return { x, y };
}

const margins = (m: LinearModel, x: tf.Tensor, y: tf.Tensor): number[] =>
  Array.from(tf.tidy(() => tf.mul(tf.reshape(m.logits(x), [-1]), y)).dataSync());

describe('exactLinear', () => {
  for (const [norm, dual] of [['linf', (w: number[]) => w.reduce((s, v) => s + Math.abs(v), 0)], ['l2', (w: number[]) => Math.hypot(...w)], ['l1', (w: number[]) => Math.max(...w.map(Math.abs))]] as const) {
    it(`lowers every margin by exactly ε‖θ‖_* for the ${norm} ball, with a feasible δ`, () => {
      const model = new LinearModel({ inputSize: 30, seed: 2 });
      const { x, y } = randomBatch(16, 30, 1);
      const threatModel = new LpBall({ norm, epsilon: 0.3 });
      const before = tf.memory().numTensors;
      const { xAdv, delta } = exactLinear(model, x, y, { threatModel });
      expect(tf.memory().numTensors).toBe(before + 2);
      const w = Array.from(model.weight.dataSync());
      const drop = 0.3 * dual(w); // the closed form, computed in float64 JS
      const m0 = margins(model, x, y);
      const m1 = margins(model, xAdv, y);
      // float32 matmul of 30 terms of size ~0.2: absolute error ~1e-6
      m0.forEach((v, i) => expect(m1[i]).toBeCloseTo(v - drop, 5));
      expect(exactLinearMarginChange(model, { threatModel })).toBeCloseTo(-drop, 5);
      // δ lies on the sphere of radius ε (feasible and as long as allowed)
      const norms = Array.from(threatModel.lpNorm(delta).dataSync());
      norms.forEach((v) => expect(v).toBeCloseTo(0.3, 5));
      // no feasible δ does better: random points of the ball change the margin by at least −ε‖θ‖_*
      const rng = new Rng(5);
      for (let t = 0; t < 200; t++) {
        const v = Array.from({ length: 30 }, () => rng.normal());
        const n = norm === 'linf' ? Math.max(...v.map(Math.abs)) : norm === 'l2' ? Math.hypot(...v) : v.reduce((s, a) => s + Math.abs(a), 0);
        const change = v.reduce((s, a, j) => s + (a / n) * 0.3 * w[j]!, 0);
        expect(Math.abs(change)).toBeLessThanOrEqual(drop + 1e-9);
      }
      tf.dispose([x, y, xAdv, delta]);
      model.dispose();
    });
  }

  it('is optimal over L∞ ∩ box (checked against every vertex of the box in 6 dimensions)', () => {
    const model = new LinearModel({ inputSize: 6, seed: 8 });
    const { x, y } = randomBatch(5, 6, 3);
    const threatModel = new LpBall({ norm: 'linf', epsilon: 0.25, box: { min: 0, max: 1 } });
    const { xAdv, delta } = exactLinear(model, x, y, { threatModel });
    const xs = x.arraySync(), ys = y.arraySync(), adv = xAdv.arraySync();
    const w = Array.from(model.weight.dataSync());
    for (let i = 0; i < 5; i++) {
      const lo = xs[i]!.map((v) => Math.max(-0.25, -v));
      const hi = xs[i]!.map((v) => Math.min(0.25, 1 - v));
      // a linear function over a box is minimised at a vertex: enumerate all 2^6
      let best = Infinity;
      for (let mask = 0; mask < 64; mask++) {
        const s = w.reduce((acc, wj, j) => acc + ys[i]! * wj * ((mask >> j) & 1 ? hi[j]! : lo[j]!), 0);
        best = Math.min(best, s);
      }
      const ours = w.reduce((acc, wj, j) => acc + ys[i]! * wj * (adv[i]![j]! - xs[i]![j]!), 0);
      expect(ours).toBeCloseTo(best, 5);
      adv[i]!.forEach((v, j) => {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
        expect(Math.abs(v - xs[i]![j]!)).toBeLessThanOrEqual(0.25 + 1e-6);
      });
    }
    tf.dispose([x, y, xAdv, delta]);
    model.dispose();
  });

  it('as an Attack returns x + δ* and frees the rest; the perturbation picture is −ε·u*', () => {
    const model = new LinearModel({ inputSize: 10, seed: 1 });
    const { x, y } = randomBatch(4, 10, 2);
    const threatModel = new LpBall({ norm: 'linf', epsilon: 0.1 });
    const before = tf.memory().numTensors;
    const xAdv = exactLinearAttack({ threatModel }).run(model, x, y);
    const pic = exactLinearPerturbation(model, { threatModel });
    expect(tf.memory().numTensors).toBe(before + 2);
    const w = model.weight.dataSync();
    pic.dataSync().forEach((v, j) => expect(v).toBeCloseTo(-0.1 * Math.sign(w[j]!), 6));
    tf.dispose([x, y, xAdv, pic]);
    model.dispose();
  });

  it('rejects bad input with typed errors naming the argument', () => {
    const model = new LinearModel({ inputSize: 4 });
    const threatModel = new LpBall({ norm: 'linf', epsilon: 0.1 });
    const x = tf.zeros([3, 4]);
    const y = tf.tensor1d([1, -1, 1]);
    expect(() => exactLinear(model, tf.zeros([3, 5]), y, { threatModel })).toThrow(ShapeError);
    expect(() => exactLinear(model, x, tf.tensor1d([1, 0, 1]), { threatModel })).toThrow(/exactLinear: y must hold labels -1 or \+1/);
    expect(() => exactLinear(model, x, tf.tensor1d([1, 1]), { threatModel })).toThrow(/exactLinear: y must have shape \[3\]/);
    expect(() => exactLinear(model, x, y, { threatModel: { norm: 'linf', epsilon: 0.1 } as never })).toThrow(/options.threatModel must be an LpBall/);
    expect(() => exactLinear({} as never, x, y, { threatModel })).toThrow(ArgumentError);
    expect(() => exactLinear(model, x, y, { threatModel: new LpBall({ norm: 'l2', epsilon: 0.1, box: { min: 0, max: 1 } }) })).toThrow(/use pgd/);
    expect(() => new LpBall({ norm: 'linf', epsilon: -1 })).toThrow(ArgumentError);
    expect(() => new LpBall({ norm: 'l3' as never, epsilon: 1 })).toThrow(ArgumentError);
    model.dispose();
  });
});
