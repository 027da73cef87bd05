import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, ArgumentError, ShapeError, Rng } from '@advkit/core';
import { Cnn, LinearModel, Mlp, getWeights } from '@advkit/models';
import { LpBall, type Norm } from '@advkit/threat-models';
import { exactLinear, pgd, pgdAttack, inputGradient } from './index.js';

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

function randomBatch(n: number, d: number, seed: number): { x: tf.Tensor2D; y: tf.Tensor1D } {
  const rng = new Rng(seed);
  const x = tf.tensor2d(rng.fillUniform(new Float32Array(n * d), 0, 1), [n, d]);
  const y = tf.tensor1d(Array.from({ length: n }, () => (rng.float() < 0.5 ? -1 : 1)));
  return { x, y };
}

function classBatch(n: number, d: number, k: number, seed: number): { x: tf.Tensor2D; y: tf.Tensor1D } {
  const rng = new Rng(seed);
  const x = tf.tensor2d(rng.fillUniform(new Float32Array(n * d), 0, 1), [n, d]);
  const y = tf.tensor1d(Array.from({ length: n }, () => rng.int(k)), 'int32');
  return { x, y };
}

const margins = (m: LinearModel, x: tf.Tensor, y: tf.Tensor): number[] =>
  Array.from(tf.tidy(() => tf.mul(tf.reshape(m.logits(x), [-1]), y)).dataSync());

function logitsOf(model: Mlp, x: tf.Tensor): number[][] {
  const z = model.logits(x);
  const v = z.arraySync() as number[][];
  z.dispose();
  return v;
}

describe('pgd on a linear model reaches the exact attack (the optimum) for each ball', () => {
  // The margin loss and the logistic loss of a linear model have a constant input-gradient direction,
  // so projected ascent converges to the maximiser: L∞ to the corner −ε·y·sign(θ) after ≤ 2ε/α steps,
  // L1 to ε·e_j (j = argmax|θ_j|) once the other coordinates are thresholded away, and L2 to the point
  // of the sphere along θ with the tangent of the angle shrinking by 1/(1 + α/ε) per step (so α = ε).
  const cases: [Norm, number, number][] = [
    ['linf', 50, (2.5 * 0.3) / 50],
    ['l2', 50, 0.3],
    ['l1', 50, 0.1],
  ];
  for (const [norm, steps, stepSize] of cases) {
    for (const loss of ['cross-entropy', 'margin'] as const) {
      it(`${norm}, ${loss} loss: margins within 1e-4 of the exact optimum, from a random start`, () => {
        const model = new LinearModel({ inputSize: 30, seed: 3 });
        const { x, y } = randomBatch(12, 30, 4);
        const threatModel = new LpBall({ norm, epsilon: 0.3 });
        const before = tf.memory().numTensors;
        const xAdv = pgd(model, x, y, { threatModel, steps, stepSize, loss, seed: 1 });
        expect(tf.memory().numTensors).toBe(before + 1);
        const exact = exactLinear(model, x, y, { threatModel });
        const got = margins(model, xAdv, y);
        const want = margins(model, exact.xAdv, y);
        // float32 matMul of 30 terms ≈ 1e-6 absolute; 1e-4 leaves room for the unfinished last steps
        got.forEach((v, i) => expect(Math.abs(v - want[i]!)).toBeLessThan(1e-4));
        expect(threatModel.contains(xAdv, x).every(Boolean)).toBe(true);
        tf.dispose([x, y, xAdv, exact.xAdv, exact.delta]);
        model.dispose();
      });
    }
  }
});

describe('pgd', () => {
  it('keeps every iterate, the start included, inside ball ∩ box (each norm)', () => {
    const model = new Mlp({ inputShape: [20], hiddenSizes: [16], numClasses: 4, seed: 1 });
    const { x, y } = classBatch(8, 20, 4, 2);
    for (const norm of ['linf', 'l2', 'l1'] as const) {
      const threatModel = new LpBall({ norm, epsilon: norm === 'linf' ? 0.1 : norm === 'l2' ? 0.8 : 2, box: { min: 0, max: 1 } });
      const seen: number[] = [];
      const out = pgd(model, x, y, {
        threatModel,
        steps: 6,
        stepSize: threatModel.epsilon / 2,
        restarts: 2,
        onIterate: ({ restart, step, xAdv }) => {
          seen.push(restart * 100 + step);
          expect(threatModel.contains(xAdv, x).every(Boolean)).toBe(true);
        },
      });
      expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 100, 101, 102, 103, 104, 105, 106]);
      expect(threatModel.contains(out, x).every(Boolean)).toBe(true);
      out.dispose();
    }
    tf.dispose([x, y]);
    model.dispose();
  });

  it('raises the margin loss of every example over the clean input, and leaves the model weights bit for bit unchanged', () => {
    const model = new Mlp({ inputShape: [20], hiddenSizes: [16], numClasses: 4, seed: 1 });
    const { x, y } = classBatch(16, 20, 4, 2);
    const w0 = getWeights(model);
    const threatModel = new LpBall({ norm: 'linf', epsilon: 0.2 });
    const before = tf.memory().numTensors;
    const xAdv = pgd(model, x, y, { threatModel, steps: 20, loss: 'margin' });
    const g = inputGradient(model, x, y);
    expect(tf.memory().numTensors).toBe(before + 2);
    const ys = y.arraySync();
    const marginLoss = (z: number[][]) => z.map((r, i) => Math.max(...r.filter((_, j) => j !== ys[i])) - r[ys[i]!]!);
    const clean = marginLoss(logitsOf(model, x));
    const adv = marginLoss(logitsOf(model, xAdv));
    adv.forEach((v, i) => expect(v).toBeGreaterThan(clean[i]!));
    const w1 = getWeights(model);
    w0.forEach((a, i) => expect(Array.from(w1[i]!)).toEqual(Array.from(a)));
    tf.dispose([x, y, xAdv, g]);
    model.dispose();
  });

  it('works through a conv net (NHWC input gradients on wasm): feasible, loss up, weights unchanged, no leaks', () => {
    const model = new Cnn({ inputShape: [8, 8, 1], numClasses: 3, layers: [{ type: 'conv', filters: 4, kernelSize: 3, stride: 2, padding: 1 }, { type: 'dense', units: 8 }], seed: 1 });
    const rng = new Rng(4);
    const x = tf.tensor4d(rng.fillUniform(new Float32Array(5 * 64), 0, 1), [5, 8, 8, 1]);
    const y = tf.tensor1d([0, 1, 2, 0, 1], 'int32');
    const threatModel = new LpBall({ norm: 'l2', epsilon: 1, box: { min: 0, max: 1 } });
    const w0 = getWeights(model);
    const before = tf.memory().numTensors;
    const xAdv = pgd(model, x, y, { threatModel, steps: 10, stepSize: 0.25, loss: 'margin' });
    expect(tf.memory().numTensors).toBe(before + 1);
    expect(xAdv.shape).toEqual([5, 8, 8, 1]);
    expect(threatModel.contains(xAdv, x).every(Boolean)).toBe(true);
    const ys = y.arraySync();
    const marginLoss = (xs: tf.Tensor) => {
      const z = model.logits(xs);
      const v = (z.arraySync() as number[][]).map((r, i) => Math.max(...r.filter((_, j) => j !== ys[i])) - r[ys[i]!]!);
      z.dispose();
      return v;
    };
    const clean = marginLoss(x), adv = marginLoss(xAdv);
    adv.forEach((v, i) => expect(v).toBeGreaterThan(clean[i]!));
    getWeights(model).forEach((a, i) => expect(Array.from(a)).toEqual(Array.from(w0[i]!)));
    tf.dispose([x, y, xAdv]);
    model.dispose();
  });

  it('targeted: reaches the target class on an Mlp with both losses', () => {
    const model = new Mlp({ inputShape: [20], hiddenSizes: [32], numClasses: 5, seed: 7 });
    const { x, y } = classBatch(20, 20, 5, 3);
    const ys = y.arraySync();
    const target = tf.tensor1d(ys.map((v) => (v + 2) % 5), 'int32');
    const threatModel = new LpBall({ norm: 'l2', epsilon: 6, box: { min: 0, max: 1 } });
    for (const loss of ['cross-entropy', 'margin'] as const) {
      const xAdv = pgd(model, x, y, { threatModel, steps: 40, stepSize: 0.5, targeted: true, target, loss });
      const pred = logitsOf(model, xAdv).map((r) => r.indexOf(Math.max(...r)));
      const ts = target.arraySync();
      const hits = pred.filter((p, i) => p === ts[i]).length;
      expect(hits).toBe(20); // a 5-class random net and a large ball: every target is reachable
      xAdv.dispose();
    }
    tf.dispose([x, y, target]);
    model.dispose();
  });

  it('restarts never do worse than the single run with the same seed, per example', () => {
    const model = new Mlp({ inputShape: [20], hiddenSizes: [16], numClasses: 4, seed: 5 });
    const { x, y } = classBatch(32, 20, 4, 9);
    const threatModel = new LpBall({ norm: 'linf', epsilon: 0.15, box: { min: 0, max: 1 } });
    const one = pgd(model, x, y, { threatModel, steps: 3, seed: 11 });
    const many = pgd(model, x, y, { threatModel, steps: 3, seed: 11, restarts: 4 });
    const ys = y.arraySync();
    const score = (z: number[][]) =>
      z.map((r, i) => {
        const wrong = r.indexOf(Math.max(...r)) !== ys[i] ? 1 : 0;
        const ce = Math.log(r.reduce((s, v) => s + Math.exp(v), 0)) - r[ys[i]!]!;
        return [wrong, ce] as const;
      });
    const a = score(logitsOf(model, one));
    const b = score(logitsOf(model, many));
    let strictlyBetter = 0;
    a.forEach(([w1, l1], i) => {
      const [w2, l2] = b[i]!;
      expect(w2).toBeGreaterThanOrEqual(w1);
      if (w2 === w1) expect(l2).toBeGreaterThanOrEqual(l1 - 1e-5); // float64 recomputation of float32 logits
      if (w2 > w1 || l2 > l1 + 1e-5) strictlyBetter++;
    });
    expect(strictlyBetter).toBeGreaterThan(0);
    tf.dispose([x, y, one, many]);
    model.dispose();
  });

  it('is deterministic per seed, and different seeds give different random starts', () => {
    const model = new Mlp({ inputShape: [10], hiddenSizes: [8], numClasses: 3, seed: 1 });
    const { x, y } = classBatch(6, 10, 3, 1);
    const threatModel = new LpBall({ norm: 'l2', epsilon: 0.5 });
    const a = pgd(model, x, y, { threatModel, steps: 2, seed: 4 });
    const b = pgd(model, x, y, { threatModel, steps: 2, seed: 4 });
    const c = pgd(model, x, y, { threatModel, steps: 2, seed: 5 });
    expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
    expect(Array.from(a.dataSync())).not.toEqual(Array.from(c.dataSync()));
    // the Attack object takes its seed from context.batchIndex t: seed + t·restarts, no hidden state
    const att1 = pgdAttack({ threatModel, steps: 2, seed: 4 });
    const att2 = pgdAttack({ threatModel, steps: 2, seed: 4 });
    const r1 = att1.run(model, x, y), r2 = att1.run(model, x, y, { batchIndex: 1 }), s1 = att2.run(model, x, y, { batchIndex: 0 });
    expect(Array.from(r1.dataSync())).toEqual(Array.from(a.dataSync()));
    expect(Array.from(s1.dataSync())).toEqual(Array.from(r1.dataSync()));
    expect(Array.from(r2.dataSync())).toEqual(Array.from(c.dataSync())); // seed 4 + 1·1
    tf.dispose([x, y, a, b, c, r1, r2, s1]);
    model.dispose();
  });

  it('binary models: ±1 labels with the logistic and the margin loss; no random start is deterministic', () => {
    const model = new LinearModel({ inputSize: 8, seed: 1 });
    const { x, y } = randomBatch(5, 8, 2);
    const threatModel = new LpBall({ norm: 'linf', epsilon: 0.1 });
    const a = pgd(model, x, y, { threatModel, randomStart: false, steps: 4, loss: 'margin' });
    const exact = exactLinear(model, x, y, { threatModel });
    // 4 steps of 2.5ε/4 from x reach the corner: the exact attack, to float32 rounding of x ± ε
    const av = a.dataSync(), ev = exact.xAdv.dataSync();
    av.forEach((v, i) => expect(v).toBeCloseTo(ev[i]!, 6));
    tf.dispose([x, y, a, exact.xAdv, exact.delta]);
    model.dispose();
  });

  it('rejects bad arguments with typed errors naming the argument', () => {
    const model = new Mlp({ inputShape: [4], hiddenSizes: [], numClasses: 3 });
    const threatModel = new LpBall({ norm: 'linf', epsilon: 0.1 });
    const x = tf.zeros([2, 4]);
    const y = tf.tensor1d([0, 2], 'int32');
    const before = tf.memory().numTensors;
    expect(() => pgd(model, x, y, { threatModel, steps: 0 })).toThrow(/pgd: options.steps must be an integer >= 1, got 0/);
    expect(() => pgd(model, x, y, { threatModel, stepSize: NaN })).toThrow(/pgd: options.stepSize must be a finite number >= 0, got NaN/);
    expect(() => pgd(model, x, y, { threatModel, restarts: 1.5 })).toThrow(ArgumentError);
    // an option that cannot take effect is an error, not a silent fallback
    expect(() => pgd(model, x, y, { threatModel, randomStart: false, restarts: 3 })).toThrow(/pgd: options.restarts = 3 cannot take effect with randomStart: false/);
    expect(() => pgdAttack({ threatModel, randomStart: false, restarts: 2 })).toThrow(/pgdAttack: options.restarts = 2 cannot take effect/);
    expect(() => pgd(model, x, y, { threatModel: { norm: 'linf', epsilon: 0.1 } as never })).toThrow(/options.threatModel must be an LpBall/);
    expect(() => pgd(model, x, y, { threatModel: new LpBall({ norm: 'linf', epsilon: NaN }) })).toThrow(/epsilon must be a finite number >= 0, got NaN/);
    expect(() => pgd(model, tf.zeros([2, 5]), y, { threatModel })).toThrow(ShapeError);
    expect(() => pgd(model, x, tf.tensor1d([0, 1, 2], 'int32'), { threatModel })).toThrow(/pgd: y must have shape \[2\]/);
    expect(() => pgd(model, x, tf.tensor1d([0, 3], 'int32'), { threatModel })).toThrow(/pgd: y must hold class indices 0..2, got 3 at index 1/);
    expect(() => pgd(model, x, y, { threatModel, loss: 'hinge' as never })).toThrow(/options.loss must be one of "cross-entropy", "margin"/);
    expect(() => pgd(model, x, y, { threatModel, targeted: true })).toThrow(/options.target is required/);
    expect(() => pgd(model, x, y, { threatModel, targeted: true, target: tf.tensor1d([5, 0], 'int32') })).toThrow(/options.target must hold class indices/);
    expect(() => pgd({} as never, x, y, { threatModel })).toThrow(/pgd: model must be a Model/);
    expect(() => pgdAttack({ threatModel, steps: -1 })).toThrow(/pgdAttack: options.steps/);
    const binary = new LinearModel({ inputSize: 4 });
    expect(() => pgd(binary, x, tf.tensor1d([1, 0]), { threatModel })).toThrow(/pgd: y must hold labels -1 or \+1/);
    binary.dispose();
    expect(() => pgd(binary, x, tf.tensor1d([1, -1]), { threatModel })).toThrow(/pgd: model has a disposed variable/);
    // only the 6 label/input tensors created in the expect lines above remain, nothing from pgd itself
    expect(tf.memory().numTensors).toBe(before + 6);
    model.dispose();
  });
});
