import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, Rng } from '@advkit/core';
import { LinearModel, Mlp } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { exactLinear, fgsm, fgsmAttack, inputGradient } from './index.js';

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

function randomBatch(n: number, d: number, seed: number): { x: tf.Tensor2D; y: tf.Tensor1D } {
  const rng = new Rng(seed);
  const x = tf.tensor2d(rng.fillUniform(new Float32Array(n * d), 0, 1), [n, d]);
  const y = tf.tensor1d(Array.from({ length: n }, () => (rng.float() < 0.5 ? -1 : 1)));
  return { x, y };
}

describe('fgsm', () => {
  for (const box of [undefined, { min: 0, max: 1 }]) {
    it(`equals the exact attack on a linear model for L∞ (${box ? 'with' : 'without'} a box), both losses`, () => {
      const model = new LinearModel({ inputSize: 40, seed: 6 });
      const { x, y } = randomBatch(10, 40, 7);
      const threatModel = new LpBall({ norm: 'linf', epsilon: 0.2, ...(box ? { box } : {}) });
      const exact = exactLinear(model, x, y, { threatModel });
      for (const loss of ['cross-entropy', 'margin'] as const) {
        const before = tf.memory().numTensors;
        const xAdv = fgsm(model, x, y, { threatModel, loss });
        expect(tf.memory().numTensors).toBe(before + 1);
        // same float32 formula (x ± ε, clipped), so equal to rounding: 1e-7 on values ≤ 1.2
        const a = xAdv.dataSync(), b = exact.xAdv.dataSync();
        a.forEach((v, i) => expect(Math.abs(v - b[i]!)).toBeLessThan(1e-6));
        xAdv.dispose();
      }
      tf.dispose([x, y, exact.xAdv, exact.delta]);
      model.dispose();
    });
  }

  it('is x + ε·g/‖g‖₂ for L2 (FGM), with g the input gradient', () => {
    const model = new Mlp({ inputShape: [12], hiddenSizes: [8], numClasses: 3, seed: 2 });
    const rng = new Rng(1);
    const x = tf.tensor2d(rng.fillUniform(new Float32Array(4 * 12), 0, 1), [4, 12]);
    const y = tf.tensor1d([0, 1, 2, 1], 'int32');
    const threatModel = new LpBall({ norm: 'l2', epsilon: 0.5 });
    const xAdv = fgsm(model, x, y, { threatModel });
    const g = inputGradient(model, x, y).arraySync() as number[][];
    const xs = x.arraySync(), av = xAdv.arraySync() as number[][];
    g.forEach((row, i) => {
      const n = Math.hypot(...row);
      // float32 normalisation: relative error ~1e-7 on steps of size ≤ 0.5
      row.forEach((gj, j) => expect(av[i]![j]!).toBeCloseTo(xs[i]![j]! + (0.5 * gj) / n, 5));
    });
    tf.dispose([x, y, xAdv]);
    model.dispose();
  });

  it('with a random start and step 1.25ε (fast adversarial training) stays in ball ∩ box and varies per batch', () => {
    const model = new Mlp({ inputShape: [16], hiddenSizes: [8], numClasses: 3, seed: 2 });
    const rng = new Rng(3);
    const x = tf.tensor2d(rng.fillUniform(new Float32Array(6 * 16), 0, 1), [6, 16]);
    const y = tf.tensor1d([0, 1, 2, 1, 0, 2], 'int32');
    const threatModel = new LpBall({ norm: 'linf', epsilon: 0.1, box: { min: 0, max: 1 } });
    const attack = fgsmAttack({ threatModel, randomStart: true, stepSize: 0.125 });
    const a = attack.run(model, x, y);
    const b = attack.run(model, x, y, { batchIndex: 1 });
    expect(threatModel.contains(a, x).every(Boolean)).toBe(true);
    expect(threatModel.contains(b, x).every(Boolean)).toBe(true);
    expect(Array.from(a.dataSync())).not.toEqual(Array.from(b.dataSync()));
    const again = fgsm(model, x, y, { threatModel, randomStart: true, stepSize: 0.125, seed: 0 });
    expect(Array.from(again.dataSync())).toEqual(Array.from(a.dataSync()));
    tf.dispose([x, y, a, b, again]);
    model.dispose();
  });

  it('rejects bad options with typed errors', () => {
    const model = new LinearModel({ inputSize: 3 });
    const x = tf.zeros([2, 3]);
    const y = tf.tensor1d([1, -1]);
    const threatModel = new LpBall({ norm: 'linf', epsilon: 0.1 });
    expect(() => fgsm(model, x, y, { threatModel, stepSize: -1 })).toThrow(/fgsm: options.stepSize must be a finite number >= 0, got -1/);
    expect(() => fgsm(model, x, y, { threatModel, randomStart: 1 as never })).toThrow(/fgsm: options.randomStart must be a boolean/);
    expect(() => fgsmAttack({ threatModel, seed: 0.5 })).toThrow(/fgsmAttack: options.seed must be an integer/);
    tf.dispose([x, y]);
    model.dispose();
  });
});
