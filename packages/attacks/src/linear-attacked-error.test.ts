import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, ArgumentError, ShapeError, Rng } from '@advkit/core';
import { LinearModel } from '@advkit/models';
import { LpBall, lpNorm, dualNormOf } from '@advkit/threat-models';
import { exactLinear, linearAttackedError } from './index.js';

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

describe('linearAttackedError', () => {
  it('equals the error of the model on exactly attacked inputs, for every norm and several ε', () => {
    const n = 400;
    const d = 20;
    const rng = new Rng(3);
    const model = new LinearModel({ inputSize: d, seed: 5 });
    const xs = rng.fillUniform(new Float32Array(n * d), 0, 1);
    const x = tf.tensor2d(xs, [n, d]);
    const logits = tf.tidy(() => Float32Array.from(model.logits(x).dataSync()));
    // labels: the model's own sign with 10 % flipped, so the clean error is ~0.1 and rises with ε
    const labels = Float32Array.from(logits, (f) => ((f > 0) !== rng.float() < 0.1 ? 1 : -1));
    const y = tf.tensor1d(labels);
    const spread = logits.reduce((m, f) => Math.max(m, Math.abs(f)), 0);
    const seen = new Set<number>();
    const before = tf.memory().numTensors;
    for (const norm of ['linf', 'l2', 'l1'] as const) {
      const dualNorm = tf.tidy(() => lpNorm(tf.reshape(model.weight, [1, -1]), dualNormOf(norm)).dataSync()[0]!);
      // budgets whose margin drop ε‖θ‖_* is 0, 10 %, 30 % and 60 % of the largest |f(x)|
      for (const epsilon of [0, 0.1, 0.3, 0.6].map((k) => (k * spread) / dualNorm)) {
        // measured: attack every example exactly, then count sign disagreements of the attacked logits
        const attacked = tf.tidy(() => model.logits(exactLinear(model, x, y, { threatModel: new LpBall({ norm, epsilon }) }).xAdv).dataSync());
        let wrong = 0;
        attacked.forEach((f, i) => (wrong += (labels[i]! > 0 ? f > 0 : f <= 0) ? 0 : 1));
        const predicted = linearAttackedError(logits, labels, { dualNorm, epsilon });
        // float32: an example whose attacked logit lies within ~1e-6 of 0 could flip; allow one such example
        expect(Math.abs(predicted * n - wrong)).toBeLessThanOrEqual(1);
        seen.add(predicted);
      }
    }
    expect(tf.memory().numTensors).toBe(before);
    expect(seen.size).toBe(4); // the four budgets give four different errors: the comparison is not vacuous
    tf.dispose([x, y]);
    model.dispose();
  });

  it('is the closed form on hand-made margins: wrong iff y·f(x) − ε‖θ‖_* ≤ 0 (f = 0 predicts −1); NaN is wrong', () => {
    // margins y·f: 1, 0.5, 0.2, -0.1 (already wrong); drop ε‖θ‖_* = 0.3 flips the 0.2 one
    expect(linearAttackedError([1, -0.5, 0.2, 0.1], [1, -1, 1, -1], { dualNorm: 3, epsilon: 0.1 })).toBeCloseTo(2 / 4, 15);
    expect(linearAttackedError([0, 0], [-1, 1], { dualNorm: 1, epsilon: 0 })).toBe(0.5); // f = 0 is class −1
    expect(linearAttackedError([Number.NaN, Number.NaN], [1, -1], { dualNorm: 1, epsilon: 0 })).toBe(1);
    expect(linearAttackedError(new Float32Array(0), new Float32Array(0), { dualNorm: 1, epsilon: 0.1 })).toBe(0);
  });

  it('rejects mismatched lengths, labels other than ±1 and bad budgets with typed errors', () => {
    expect(() => linearAttackedError(new Float32Array(2), new Float32Array(3), { dualNorm: 1, epsilon: 0.1 })).toThrow(ShapeError);
    expect(() => linearAttackedError([1], [0], { dualNorm: 1, epsilon: 0.1 })).toThrow(/linearAttackedError: labels must hold -1 or \+1, got 0 at index 0/);
    expect(() => linearAttackedError([1], [1], { dualNorm: -1, epsilon: 0.1 })).toThrow(/linearAttackedError: options.dualNorm must be/);
    expect(() => linearAttackedError([1], [1], { dualNorm: 1, epsilon: Number.NaN })).toThrow(ArgumentError);
    expect(() => linearAttackedError(null as never, [1], { dualNorm: 1, epsilon: 0 })).toThrow(/linearAttackedError: logits must be an array/);
    expect(() => linearAttackedError([1], [1], undefined as never)).toThrow(ArgumentError);
  });
});
