import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, Rng } from '@advkit/core';
import { Mlp, type Model } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { apgd, apgdAttack } from './index.js';
import { apgdSingleRun } from './internal/apgd-single-run.js';
import { crossEntropyLoss } from './internal/cross-entropy-loss.js';
import { linearDualNorm } from './test-utils/linear-dual-norm.js';

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

function classBatch(n: number, d: number, k: number, seed: number): { x: tf.Tensor2D; y: tf.Tensor1D } {
  const rng = new Rng(seed);
  const x = tf.tensor2d(rng.fillUniform(new Float32Array(n * d), 0, 1), [n, d]);
  const y = tf.tensor1d(Array.from({ length: n }, () => rng.int(k)), 'int32');
  return { x, y };
}

describe('apgd on a linear K-class model finds exactly the breakable examples (closed form)', () => {
  // z = xW + b: example i can be pushed to class j within B_p(x, ε) iff
  // (z_j − z_y)(x) + ε‖w_j − w_y‖_q > 0 (q the dual norm), a linear problem per target; APGD-T over all
  // K − 1 targets must break exactly those. Examples within 1e-3 of the boundary are skipped
  // (float32 logits, finite iterations).
  for (const norm of ['linf', 'l2'] as const) {
    it(`${norm}: APGD-T flags = the closed form`, () => {
      const k = 4;
      const d = 20;
      const model = new Mlp({ inputShape: [d], hiddenSizes: [], numClasses: k, seed: 5 });
      const { x, y } = classBatch(60, d, k, 6);
      const epsilon = norm === 'linf' ? 0.05 : 0.25;
      const threatModel = new LpBall({ norm, epsilon });
      const before = tf.memory().numTensors;
      const xAdv = apgd(model, x, y, { threatModel, loss: 'targeted-dlr', targetClasses: k - 1, steps: 50 });
      expect(tf.memory().numTensors).toBe(before + 1);
      expect(threatModel.contains(xAdv, x).every(Boolean)).toBe(true);
      const w = model.layers[0]!.weight.arraySync() as number[][];
      const z = tf.tidy(() => model.logits(x).arraySync() as number[][]);
      const pred = tf.tidy(() => Array.from(tf.argMax(model.logits(xAdv), 1).dataSync()));
      const yv = Array.from(y.dataSync());
      let checked = 0;
      yv.forEach((yi, i) => {
        let best = -Infinity;
        for (let j = 0; j < k; j++) if (j !== yi) best = Math.max(best, z[i]![j]! - z[i]![yi]! + epsilon * linearDualNorm(w, j, yi, norm));
        if (Math.abs(best) < 1e-3) return;
        checked++;
        expect(pred[i] !== yi).toBe(best > 0);
      });
      expect(checked).toBeGreaterThan(40);
      tf.dispose([x, y, xAdv]);
      model.dispose();
    });
  }
});

describe('the step-size rule', () => {
  it('halves the step on oscillation, so the best point of a 1-D concave loss converges', () => {
    // logits (0, −50(x − 0.3)²), label 0: the cross-entropy log(1 + e^{z₁}) peaks at x = 0.3. From
    // x = 0.5 with ε = 0.5 the start is 0 or 1 and a fixed sign step of 2ε only visits {0, 1}
    // (distance ≥ 0.3); after the 8 checkpoints of 100 iterations the step is down to 2ε/2⁸ ≈ 0.004.
    const toy: Model = {
      inputShape: [1],
      numOutputs: 2,
      variables: [],
      dispose: () => undefined,
      logits: (x: tf.Tensor) => tf.tidy(() => tf.concat([tf.zerosLike(x), tf.mul(-50, tf.square(tf.sub(x, 0.3)))], 1)),
    };
    const before = tf.memory().numTensors;
    for (const seed of [0, 1, 2]) {
      const run = apgdSingleRun(toy, Float32Array.of(0.5), Int32Array.of(0), 1, (z, _row, g) => crossEntropyLoss(z, 0, g), { norm: 'linf', epsilon: 0.5, lo: 0, hi: 1, steps: 100, rho: 0.75, eotIterations: 1 }, new Rng(seed));
      expect(Math.abs(run.xBest[0]! - 0.3)).toBeLessThan(0.01);
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('apgdAttack', () => {
  it('derives its seed from context.batchIndex only', () => {
    const model = new Mlp({ inputShape: [12], hiddenSizes: [8], numClasses: 4, seed: 2 });
    const { x, y } = classBatch(6, 12, 4, 3);
    const threatModel = new LpBall({ norm: 'l2', epsilon: 0.5, box: { min: 0, max: 1 } });
    const attack = apgdAttack({ threatModel, steps: 5, seed: 7 });
    const a = attack.run(model, x, y, { batchIndex: 2 });
    const b = apgd(model, x, y, { threatModel, steps: 5, seed: 9 });
    const c = attack.run(model, x, y, { batchIndex: 2 });
    expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
    expect(Array.from(c.dataSync())).toEqual(Array.from(a.dataSync()));
    expect(() => attack.run(model, x, y, { batchIndex: -1 })).toThrow(/apgdAttack.run: context.batchIndex/);
    expect(() => apgdAttack({ threatModel: new LpBall({ norm: 'l1', epsilon: 0 }) })).toThrow(/apgdAttack: options.threatModel must have epsilon > 0/);
    tf.dispose([a, b, c, x, y]);
    model.dispose();
  });
});

describe('L1-APGD (Croce & Hein, ICML 2021)', () => {
  // z = xW + b with x well inside [0, 1]: the largest change of z_j − z_y over B₁(x, ε) ∩ [0, 1]^d is a
  // fractional knapsack: spend ε on the coordinates of largest |w_j − w_y| first, each up to its
  // distance to the box face in the direction of sign(w_j − w_y). Example i is breakable iff
  // max_j (z_j − z_y) + that gain > 0. APGD-T over all K − 1 targets must break exactly those
  // (examples within 1e-2 of the boundary skipped: the sparse steps approach the vertex from inside).
  function l1Gain(w: number[][], x: number[], j: number, yi: number, epsilon: number): number {
    const items = x.map((xf, f) => {
      const v = w[f]![j]! - w[f]![yi]!;
      return { v: Math.abs(v), cap: v > 0 ? 1 - xf : xf };
    });
    items.sort((a, b) => b.v - a.v);
    let left = epsilon;
    let gain = 0;
    for (const it of items) {
      const t = Math.min(left, it.cap);
      gain += t * it.v;
      left -= t;
      if (left <= 0) break;
    }
    return gain;
  }

  for (const largeEpsilonSchedule of [false, true]) {
    it(`APGD-T flags = the closed form on a linear model${largeEpsilonSchedule ? ', with the schedule of shrinking radii' : ''}`, () => {
      const k = 4;
      const d = 20;
      const model = new Mlp({ inputShape: [d], hiddenSizes: [], numClasses: k, seed: 5 });
      const { x, y } = classBatch(60, d, k, 6);
      const w = model.layers[0]!.weight.arraySync() as number[][];
      const xv = x.arraySync();
      const yv = Array.from(y.dataSync());
      const z = tf.tidy(() => model.logits(x).arraySync() as number[][]);
      const margin = (i: number, eps: number): number => {
        let best = -Infinity;
        for (let j = 0; j < k; j++) if (j !== yv[i]) best = Math.max(best, z[i]![j]! - z[i]![yv[i]!]! + l1Gain(w, xv[i]!, j, yv[i]!, eps));
        return best;
      };
      // ε = the median budget that breaks an example (bisection: the gain grows with ε), so both outcomes occur
      const needed = yv.map((_, i) => {
        let lo = 0;
        let hi = 4;
        for (let t = 0; t < 40; t++) {
          const mid = (lo + hi) / 2;
          if (margin(i, mid) > 0) hi = mid;
          else lo = mid;
        }
        return hi;
      });
      const epsilon = [...needed].sort((a, b) => a - b)[needed.length >> 1]!;
      const threatModel = new LpBall({ norm: 'l1', epsilon, box: { min: 0, max: 1 } });
      const before = tf.memory().numTensors;
      const xAdv = apgd(model, x, y, { threatModel, loss: 'targeted-dlr', targetClasses: k - 1, steps: 100, largeEpsilonSchedule });
      expect(tf.memory().numTensors).toBe(before + 1);
      expect(threatModel.contains(xAdv, x).every(Boolean)).toBe(true);
      const pred = tf.tidy(() => Array.from(tf.argMax(model.logits(xAdv), 1).dataSync()));
      let checked = 0;
      let breakable = 0;
      yv.forEach((yi, i) => {
        const best = margin(i, epsilon);
        if (Math.abs(best) < 1e-2) return;
        checked++;
        if (best > 0) breakable++;
        expect(pred[i] !== yi).toBe(best > 0);
      });
      expect(checked).toBeGreaterThan(40);
      // both outcomes occur, so the test can tell an attack that breaks all or none
      expect(breakable).toBeGreaterThan(5);
      expect(breakable).toBeLessThan(checked - 5);
      tf.dispose([x, y, xAdv]);
      model.dispose();
    });
  }

  it('is deterministic by seed, stays in B₁ ∩ box, and refuses bad settings with typed errors', () => {
    const model = new Mlp({ inputShape: [16], hiddenSizes: [8], numClasses: 4, seed: 3 });
    const { x, y } = classBatch(8, 16, 4, 4);
    const threatModel = new LpBall({ norm: 'l1', epsilon: 1.5, box: { min: 0, max: 1 } });
    const a = apgd(model, x, y, { threatModel, steps: 10, restarts: 2, seed: 3 });
    const b = apgd(model, x, y, { threatModel, steps: 10, restarts: 2, seed: 3 });
    expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
    expect(threatModel.contains(a, x).every(Boolean)).toBe(true);
    expect(() => apgd(model, x, y, { threatModel: new LpBall({ norm: 'l1', epsilon: 0 }) })).toThrow(/apgd: options.threatModel must have epsilon > 0/);
    expect(() => apgd(model, x, y, { threatModel: new LpBall({ norm: 'l2', epsilon: 1 }), largeEpsilonSchedule: true })).toThrow(/apgd: options.largeEpsilonSchedule is for L1 balls only/);
    expect(() => apgd(model, x, y, { threatModel, steps: 4, largeEpsilonSchedule: true })).toThrow(/apgd: options.steps needs/);
    const binary = new Mlp({ inputShape: [16], hiddenSizes: [], numClasses: 3, seed: 1 });
    expect(() => apgd(binary, x, y, { threatModel, loss: 'dlr' })).toThrow(/apgd: model must have at least 4 classes/);
    tf.dispose([a, b, x, y]);
    model.dispose();
    binary.dispose();
  });
});
