import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, ArgumentError, ShapeError } from '@advkit/core';
import { LinearModel } from './index.js';

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

describe('LinearModel', () => {
  it('initialises like nn.Linear: U(-1/sqrt(d), 1/sqrt(d)), deterministic per seed', () => {
    const a = new LinearModel({ inputSize: 784, seed: 1 });
    const b = new LinearModel({ inputSize: 784, seed: 1 });
    const c = new LinearModel({ inputSize: 784, seed: 2 });
    const w = a.weight.dataSync();
    const bound = 1 / 28;
    expect(Math.max(...w)).toBeLessThanOrEqual(bound);
    expect(Math.min(...w)).toBeGreaterThanOrEqual(-bound);
    // the variance of U(-b,b) is b^2/3; 784 samples give ~5% relative error, 25% is a loose bound.
    const varW = Array.from(w).reduce((s: number, v: number) => s + v * v, 0) / w.length;
    expect(Math.abs(varW / (bound * bound / 3) - 1)).toBeLessThan(0.25);
    expect(Array.from(b.weight.dataSync())).toEqual(Array.from(w));
    expect(Array.from(c.weight.dataSync())).not.toEqual(Array.from(w));
    [a, b, c].forEach((m) => m.dispose());
  });

  it('computes x·θ + θ0 (checked against a JS dot product) and leaks nothing', () => {
    const m = new LinearModel({ inputSize: 3, seed: 5 });
    const before = tf.memory().numTensors;
    const x = tf.tensor2d([[1, 2, 3], [-1, 0, 0.5]]);
    const z = m.logits(x);
    const w = m.weight.dataSync(), b = m.bias.dataSync()[0]!;
    const expected = [w[0]! + 2 * w[1]! + 3 * w[2]! + b, -w[0]! + 0.5 * w[2]! + b];
    expect(z.shape).toEqual([2, 1]);
    z.dataSync().forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 5)); // float32 rounding
    tf.dispose([x, z]);
    expect(tf.memory().numTensors).toBe(before);
    m.dispose();
  });

  it('disposes its variables', () => {
    const before = tf.memory().numTensors;
    const m = new LinearModel({ inputSize: 10 });
    expect(tf.memory().numTensors).toBe(before + 2);
    m.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects bad options and mismatched inputs with typed errors', () => {
    expect(() => new LinearModel({ inputSize: 0 })).toThrow(ArgumentError);
    expect(() => new LinearModel({ inputSize: 3, seed: Number.NaN })).toThrow(/LinearModel: options.seed must be an integer/);
    const m = new LinearModel({ inputSize: 3 });
    const x = tf.zeros([2, 4]);
    expect(() => m.logits(x)).toThrow(ShapeError);
    expect(() => m.logits(x)).toThrow(/LinearModel.logits: x must have shape \[batch,3\]/);
    x.dispose();
    const y = tf.zeros([2, 3]);
    y.dispose();
    expect(() => m.logits(y)).toThrow(/disposed/);
    m.dispose();
  });
});
