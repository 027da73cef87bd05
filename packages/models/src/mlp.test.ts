import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu'; // the reference backend for the gradient comparison
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, ArgumentError, Rng, ShapeError } from '@advkit/core';
import { Mlp, getWeights } from './index.js';
import { maxAbs, maxAbsDiff } from '@advkit/test-utils';

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

function same(p: Float32Array, q: Float32Array): boolean {
  return p.length === q.length && p.every((v, i) => v === q[i]);
}

describe('Mlp', () => {
  it('computes W_L·relu(…relu(W_1·x + b_1)…) + b_L (checked against a float64 JS forward pass)', () => {
    const m = new Mlp({ inputShape: [3], hiddenSizes: [4, 5], numClasses: 2, seed: 3 });
    expect(m.variables.map((v) => v.shape)).toEqual([[3, 4], [4], [4, 5], [5], [5, 2], [2]]);
    const xs = [[1, -2, 0.5], [0.3, 0.1, -1]];
    const ws = getWeights(m);
    const expected = xs.map((x) => {
      let h: number[] = x;
      for (let l = 0; l < 3; l++) {
        const W = ws[2 * l]!, b = ws[2 * l + 1]!;
        const out = b.length;
        h = Array.from({ length: out }, (_, j) => h.reduce((s, v, i) => s + v * W[i * out + j]!, b[j]!)).map((v) => (l < 2 ? Math.max(0, v) : v));
      }
      return h;
    });
    const before = tf.memory().numTensors;
    const x = tf.tensor2d(xs);
    const z = m.logits(x);
    expect(z.shape).toEqual([2, 2]);
    // float32 sums of <= 5 products of O(1) numbers: errors ~1e-7.
    expect(maxAbsDiff(z.dataSync(), expected.flat())).toBeLessThan(1e-5);
    tf.dispose([x, z]);
    expect(tf.memory().numTensors).toBe(before);
    m.dispose();
  });

  it('flattens inputs of any inputShape (row-major), like an Mlp on the flattened input', () => {
    const a = new Mlp({ inputShape: [28, 28, 1], hiddenSizes: [16], numClasses: 10, seed: 4 });
    const b = new Mlp({ inputShape: [784], hiddenSizes: [16], numClasses: 10, seed: 4 });
    const rng = new Rng(1);
    const xv = Float32Array.from({ length: 5 * 784 }, () => rng.float());
    const za = tf.tidy(() => a.logits(tf.tensor4d(xv, [5, 28, 28, 1])).dataSync());
    const zb = tf.tidy(() => b.logits(tf.tensor2d(xv, [5, 784])).dataSync());
    expect(za.length).toBe(50);
    expect(Array.from(za)).toEqual(Array.from(zb)); // same seed, same weights, same arithmetic: bitwise equal
    a.dispose();
    b.dispose();
  });

  it('initialises every layer like nn.Linear: U(±1/√fanIn), deterministic per seed', () => {
    const a = new Mlp({ inputShape: [784], hiddenSizes: [100], numClasses: 10, seed: 1 });
    const b = new Mlp({ inputShape: [784], hiddenSizes: [100], numClasses: 10, seed: 1 });
    const c = new Mlp({ inputShape: [784], hiddenSizes: [100], numClasses: 10, seed: 2 });
    const fanIns = [784, 784, 100, 100];
    const wa = getWeights(a);
    wa.forEach((w, i) => {
      const bound = 1 / Math.sqrt(fanIns[i]!);
      expect(maxAbs(w)).toBeLessThanOrEqual(bound);
      expect(maxAbs(w)).toBeGreaterThan(bound / 2); // P(max of >= 10 U(-b,b) draws < b/2) = 2^-n
    });
    // Variance of U(-b, b) is b²/3; 78,400 samples pin it to ~0.6%, 3% is a loose bound.
    const v = wa[0]!.reduce((s: number, x: number) => s + x * x, 0) / wa[0]!.length;
    expect(Math.abs(v / (1 / 784 / 3) - 1)).toBeLessThan(0.03);
    expect(getWeights(b).every((w, i) => same(w, wa[i]!))).toBe(true);
    expect(getWeights(c).some((w, i) => same(w, wa[i]!))).toBe(false);
    [a, b, c].forEach((m) => m.dispose());
  });

  it('supports no hidden layer (multinomial logistic regression) and disposes its variables', () => {
    const before = tf.memory().numTensors;
    const m = new Mlp({ inputShape: [6], hiddenSizes: [], numClasses: 3 });
    expect(m.variables.map((v) => v.shape)).toEqual([[6, 3], [3]]);
    expect(m.numOutputs).toBe(3);
    expect(tf.memory().numTensors).toBe(before + 2);
    m.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects bad options and mismatched inputs with typed errors', () => {
    expect(() => new Mlp({ inputShape: [], hiddenSizes: [], numClasses: 2 })).toThrow(/Mlp: options.inputShape must be a non-empty array of positive integers/);
    expect(() => new Mlp({ inputShape: [4], hiddenSizes: [8, 0], numClasses: 2 })).toThrow(/Mlp: options.hiddenSizes\[1\] must be an integer >= 1, got 0/);
    expect(() => new Mlp({ inputShape: [4], hiddenSizes: [8], numClasses: 1.5 })).toThrow(ArgumentError);
    expect(() => new Mlp({ inputShape: [4], hiddenSizes: 8 as unknown as number[], numClasses: 2 })).toThrow(/options.hiddenSizes must be an array/);
    const m = new Mlp({ inputShape: [28, 28, 1], hiddenSizes: [8], numClasses: 10 });
    const x = tf.zeros([2, 784]);
    expect(() => m.logits(x)).toThrow(ShapeError);
    expect(() => m.logits(x)).toThrow(/Mlp.logits: x must have shape \[batch,28,28,1\] to match the model, got \[2,784\]/);
    x.dispose();
    m.dispose();
  });

  it('has the same cross-entropy gradients (parameters and input) on wasm as on the cpu backend', async () => {
    const rng = new Rng(6);
    const xv = Float32Array.from({ length: 4 * 20 }, () => rng.float());
    const grads = (): Float32Array[] =>
      tf.tidy(() => {
        const m = new Mlp({ inputShape: [20], hiddenSizes: [16, 12], numClasses: 5, seed: 9 });
        const y = tf.oneHot(tf.tensor1d([0, 4, 2, 2], 'int32'), 5);
        const x = tf.tensor2d(xv, [4, 20]);
        const loss = (xx: tf.Tensor): tf.Scalar => tf.losses.softmaxCrossEntropy(y, m.logits(xx)) as tf.Scalar;
        const { grads: g } = tf.variableGrads(() => loss(x), m.variables as tf.Variable[]);
        const out = [...m.variables.map((v) => g[v.name]!.dataSync() as Float32Array), tf.grad(loss)(x).dataSync() as Float32Array];
        m.dispose();
        return out;
      });
    const before = tf.memory().numTensors;
    const wasm = grads();
    expect(tf.memory().numTensors).toBe(before);
    await tf.setBackend('cpu');
    let cpu: Float32Array[];
    try {
      cpu = grads();
    } finally {
      await tf.setBackend('wasm');
    }
    // float32 sums of <= 20 terms in different orders: ~1e-7 relative; 1e-4 of the scale is a wide margin.
    cpu.forEach((g, i) => {
      expect(maxAbs(g)).toBeGreaterThan(0);
      expect(maxAbsDiff(wasm[i]!, g)).toBeLessThanOrEqual(1e-4 * maxAbs(g));
    });
  });
});
