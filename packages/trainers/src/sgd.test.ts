import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, ArgumentError, ShapeError } from '@advkit/core';
import { LinearModel } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { exactLinearAttack } from '@advkit/attacks';
import { evaluate } from '@advkit/attacks/evaluate';
import { sgd, robustLinearSgd, adversarialSgd, runTraining } from './index.js';
import { autodiffStep } from './autodiff-step.js';
import { linearStep } from './linear-step.js';
import { ScalarCache } from './scalar-cache.js';
import { syntheticBinary } from './test-utils/synthetic-binary.js';

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

const data = syntheticBinary(600, 20, 1);

function weights(m: LinearModel): number[] {
  return [...m.weight.dataSync(), ...m.bias.dataSync()];
}

function maxRelDiff(a: number[], b: number[]): number {
  const scale = Math.max(...a.map(Math.abs));
  return Math.max(...a.map((v, i) => Math.abs(v - b[i]!))) / scale;
}

describe('linearStep (analytic gradient)', () => {
  it('takes the same step as tfjs autodiff of the logistic loss', () => {
    const a = new LinearModel({ inputSize: 20, seed: 3 });
    const b = new LinearModel({ inputSize: 20, seed: 3 });
    const xb = tf.tensor2d(data.x.subarray(0, 100 * 20), [100, 20]);
    const yb = tf.tensor2d(data.y.subarray(0, 100), [100, 1]);
    const scalars = new ScalarCache();
    scalars.get(0.5 / 100);
    const before = tf.memory().numTensors;
    const s1 = linearStep(a, xb, yb, 0.5, undefined, scalars);
    const s2 = autodiffStep(b, xb, yb, 0.5, undefined);
    expect(tf.memory().numTensors).toBe(before);
    // float32: the two paths sum in different orders; 1e-5 relative is ~100 ulps of headroom.
    expect(maxRelDiff(weights(a), weights(b))).toBeLessThan(1e-5);
    // the accumulated loss/error of the batch agree as well
    expect(s1.lossSum).toBeCloseTo(s2.lossSum, 3);
    expect(s1.errors).toBe(s2.errors);
    tf.dispose([xb, yb]);
    scalars.dispose();
    a.dispose();
    b.dispose();
  });
});

describe('robust training (Danskin)', () => {
  for (const norm of ['linf', 'l2', 'l1'] as const) {
    it(`adversarialSgd with the exact ${norm} attack takes the same steps as the closed-form robust loss`, () => {
      const threatModel = new LpBall({ norm, epsilon: norm === 'l1' ? 0.5 : 0.1 });
      const a = new LinearModel({ inputSize: 20, seed: 4 });
      const b = new LinearModel({ inputSize: 20, seed: 4 });
      const opts = { epochs: 2, batchSize: 50, learningRate: 0.1, seed: 9 };
      const ra = robustLinearSgd(a, data, { ...opts, threatModel });
      const rb = adversarialSgd(b, data, { ...opts, attack: exactLinearAttack({ threatModel }) });
      // 24 steps in float32; the paths differ only in rounding (x+δ* then θᵀ(x+δ*) vs θᵀx − ε‖θ‖_*).
      expect(maxRelDiff(weights(a), weights(b))).toBeLessThan(1e-4);
      expect(ra.epochs[1]!.trainLoss).toBeCloseTo(rb.epochs[1]!.trainLoss, 4);
      a.dispose();
      b.dispose();
    });
  }
});

describe('sgd', () => {
  it('learns a separable problem, is deterministic per seed, and leaks nothing', () => {
    const before = tf.memory().numTensors;
    const a = new LinearModel({ inputSize: 20, seed: 1 });
    const initial = evaluate(a, data).error;
    const res = sgd(a, data, { epochs: 40, learningRate: 1, seed: 2 });
    expect(res.epochs).toHaveLength(40);
    expect(res.steps).toBe(240);
    expect(res.epochs[39]!.trainLoss).toBeLessThan(res.epochs[0]!.trainLoss);
    expect(initial).toBeGreaterThan(0.3); // a random init is near chance
    const ev = evaluate(a, data);
    expect(ev.error).toBeLessThan(0.15); // 5% label noise, so the best linear rule errs ~5%
    const b = new LinearModel({ inputSize: 20, seed: 1 });
    sgd(b, data, { epochs: 40, learningRate: 1, seed: 2 });
    expect(weights(b)).toEqual(weights(a)); // bit-identical on the same backend
    a.dispose();
    b.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('keeps memory flat across epochs (standard, robust, adversarial, evaluation)', () => {
    const m = new LinearModel({ inputSize: 20 });
    const threatModel = new LpBall({ norm: 'linf', epsilon: 0.1 });
    const before = tf.memory().numTensors;
    const runs: Array<(onEpochEnd: () => void) => void> = [
      (onEpochEnd) => sgd(m, data, { epochs: 3, onEpochEnd }),
      (onEpochEnd) => robustLinearSgd(m, data, { epochs: 3, threatModel, onEpochEnd }),
      (onEpochEnd) => adversarialSgd(m, data, { epochs: 3, attack: exactLinearAttack({ threatModel }), onEpochEnd }),
    ];
    for (const run of runs) {
      const counts: number[] = [];
      run(() => counts.push(tf.memory().numTensors));
      expect(counts).toHaveLength(3);
      expect(new Set(counts).size).toBe(1); // nothing accumulates from epoch to epoch
      expect(tf.memory().numTensors).toBe(before); // and nothing survives the run
    }
    evaluate(m, data, { attack: exactLinearAttack({ threatModel }), batchSize: 64 });
    expect(tf.memory().numTensors).toBe(before);
    m.dispose();
  });

  it('reports progress per step and follows a learning-rate schedule', () => {
    const m = new LinearModel({ inputSize: 20 });
    const seen: string[] = [];
    const res = sgd(m, data, {
      epochs: 2,
      batchSize: 300,
      learningRate: (epoch) => (epoch === 1 ? 1 : 0.1),
      onProgress: (p) => seen.push(`${p.epoch}.${p.step}/${p.stepsPerEpoch}`),
    });
    expect(seen).toEqual(['1.1/2', '1.2/2', '2.1/2', '2.2/2']);
    expect(res.epochs.map((e) => e.learningRate)).toEqual([1, 0.1]);
    m.dispose();
  });

  it('rejects bad arguments with typed errors naming the function and argument', () => {
    const m = new LinearModel({ inputSize: 20 });
    expect(() => sgd(m, { x: new Float32Array(0), y: new Float32Array(0), n: 0 })).toThrow(/sgd: data.n must be an integer >= 1/);
    expect(() => sgd(m, { ...data, y: new Float32Array(600).fill(0) })).toThrow(/sgd: data.y must hold labels -1 or \+1/);
    expect(() => sgd(m, { ...data, x: new Float32Array(10) })).toThrow(ShapeError);
    expect(() => sgd(m, data, { epochs: 0 })).toThrow(/sgd: options.epochs must be an integer >= 1/);
    expect(() => sgd(m, data, { learningRate: Number.NaN })).toThrow(ArgumentError);
    expect(() => sgd(m, data, { batchSize: 2.5 })).toThrow(/options.batchSize/);
    expect(() => robustLinearSgd(m, data, { threatModel: new LpBall({ norm: 'linf', epsilon: 0.1, box: { min: 0, max: 1 } }) })).toThrow(/must have no box/);
    expect(() => adversarialSgd(m, data, { attack: {} as never })).toThrow(/adversarialSgd: options.attack must be an Attack/);
    expect(() => runTraining(m, data, {}, 'x', () => { throw new Error('boom'); })).toThrow('boom');
    m.dispose();
  });
});
