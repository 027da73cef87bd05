import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, Rng } from '@advkit/core';
import { Mlp } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { apgd, blackBoxModel, fab, fabAttack } from './index.js';
import { linearDualNorm, linearL1BoxDistance } from './test-utils/linear-dual-norm.js';

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

describe('untargeted FAB on a linear K-class model finds exactly the breakable examples (closed form)', () => {
  // z = xW + b with x in [0.3, 0.7] and ε ≤ 0.1 (L∞) so that the box [0, 1] never binds: the closest
  // point of class j is at distance (z_y − z_j)/‖w_y − w_j‖_q (q the dual norm), and example i is
  // breakable iff min_j of that is < ε. FAB projects onto the closest linearised boundary, which for
  // a linear model is the true one, so its flags must be the closed form's (examples within 2% of ε
  // skipped: the overshoot η and the backward step β settle near, not at, the boundary). L1: the box
  // binds often (the closest point moves few features far), so the distance is the box-constrained one,
  // a fractional knapsack (linearL1BoxDistance), and no example is skipped for the box.
  for (const norm of ['linf', 'l2', 'l1'] as const) {
    it(`${norm}: flags = the closed form, no tensor left`, () => {
      const k = 5;
      const d = 20;
      const model = new Mlp({ inputShape: [d], hiddenSizes: [], numClasses: k, seed: 11 });
      const rng = new Rng(12);
      const n = 60;
      const x = tf.tensor2d(rng.fillUniform(new Float32Array(n * d), 0.3, 0.7), [n, d]);
      const z = tf.tidy(() => model.logits(x).arraySync() as number[][]);
      const y = tf.tensor1d(z.map((r) => r.indexOf(Math.max(...r))), 'int32');
      const w = model.layers[0]!.weight.arraySync() as number[][];
      const yv = Array.from(y.dataSync());
      const xv = x.arraySync();
      const inBox: boolean[] = [];
      const dists = yv.map((yi, i) => {
        let dist = Infinity;
        let closest = 0;
        let qBest = 1;
        for (let j = 0; j < k; j++) {
          if (j === yi) continue;
          const q = linearDualNorm(w, j, yi, norm);
          const dj = norm === 'l1' ? linearL1BoxDistance(w, j, yi, xv[i]!, z[i]![yi]! - z[i]![j]!) : (z[i]![yi]! - z[i]![j]!) / q;
          if (dj < dist) [dist, closest, qBest] = [dj, j, q];
        }
        // the unconstrained closest point x + dist·s (s = sign(v) for L∞, v/‖v‖ for L2) must lie in
        // the box for the closed form to hold with it
        inBox.push(
          norm === 'l1' ||
          xv[i]!.every((xf, f) => {
            const v = w[f]![closest]! - w[f]![yi]!;
            const p = xf + dist * (norm === 'linf' ? Math.sign(v) : v / qBest);
            return p >= 0 && p <= 1;
          }),
        );
        return dist;
      });
      // ε = the median distance, so both outcomes occur
      const epsilon = [...dists].sort((a, b) => a - b)[n >> 1]!;
      const threatModel = new LpBall({ norm, epsilon, box: { min: 0, max: 1 } });
      const before = tf.memory().numTensors;
      const xAdv = fab(model, x, y, { threatModel, restarts: 2 });
      expect(tf.memory().numTensors).toBe(before + 1);
      expect(threatModel.contains(xAdv, x).every(Boolean)).toBe(true);
      const pred = tf.tidy(() => Array.from(tf.argMax(model.logits(xAdv), 1).dataSync()));
      let checked = 0;
      let breakable = 0;
      dists.forEach((dist, i) => {
        const yi = yv[i]!;
        if (Math.abs(dist - epsilon) < 0.02 * epsilon || !inBox[i]) return;
        checked++;
        if (dist < epsilon) breakable++;
        expect(pred[i] !== yi).toBe(dist < epsilon);
      });
      expect(checked).toBeGreaterThan(45);
      expect(breakable).toBeGreaterThan(5);
      expect(breakable).toBeLessThan(checked - 5);
      tf.dispose([x, y, xAdv]);
      model.dispose();
    });
  }
});

describe('fab and fabAttack: seeds and bad input', () => {
  it('fabAttack derives its seed from context.batchIndex; the same seed gives the same result', () => {
    const model = new Mlp({ inputShape: [16], hiddenSizes: [8], numClasses: 4, seed: 2 });
    const rng = new Rng(3);
    const x = tf.tensor2d(rng.fillUniform(new Float32Array(8 * 16), 0, 1), [8, 16]);
    const y = tf.tensor1d(Array.from({ length: 8 }, () => rng.int(4)), 'int32');
    const threatModel = new LpBall({ norm: 'linf', epsilon: 0.2, box: { min: 0, max: 1 } });
    const attack = fabAttack({ threatModel, steps: 10, restarts: 3, seed: 7 });
    const a = attack.run(model, x, y, { batchIndex: 2 });
    const b = fab(model, x, y, { threatModel, steps: 10, restarts: 3, seed: 9 });
    expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
    expect(attack.name).toBe('fab');
    tf.dispose([a, b, x, y]);
    model.dispose();
  });

  it('throws typed errors naming fab and the argument', () => {
    const model = new Mlp({ inputShape: [4], hiddenSizes: [], numClasses: 3, seed: 1 });
    const x = tf.fill([2, 4], 0.5);
    const y = tf.tensor1d([0, 1], 'int32');
    const ball = (norm: 'linf' | 'l2' | 'l1', epsilon: number, box = true) => new LpBall({ norm, epsilon, ...(box ? { box: { min: 0, max: 1 } } : {}) });
    expect(() => fab(model, x, y, { threatModel: ball('linf', 0) })).toThrow(/fab: options.threatModel must have epsilon > 0/);
    expect(() => fab(model, x, y, { threatModel: ball('l1', 0) })).toThrow(/fab: options.threatModel must have epsilon > 0/);
    expect(() => fab(model, x, y, { threatModel: ball('linf', 0.1, false) })).toThrow(/fab: options.threatModel must have the box/);
    expect(() => fab(model, x, y, { threatModel: ball('linf', 0.1), restarts: 0 })).toThrow(/fab: options.restarts/);
    expect(() => fab(model, x, y, { threatModel: ball('linf', 0.1), targetClasses: 1 } as never)).toThrow(/fab: options.targetClasses is an option of fabTargeted/);
    expect(() => fab(model, tf.fill([2, 4], 2), y, { threatModel: ball('linf', 0.1) })).toThrow(/fab: x/);
    const throwing = { inputShape: [4], numOutputs: 3, variables: model.variables, dispose: () => undefined, logits: () => { throw new Error('boom'); } };
    const before = tf.memory().numTensors;
    expect(() => fab(throwing, x, y, { threatModel: ball('linf', 0.1) })).toThrow(/^fab: model threw in logits\(x\): boom$/);
    expect(() => apgd(throwing, x, y, { threatModel: ball('l1', 1) })).toThrow(/^apgd: model threw in logits\(x\): boom$/);
    expect(tf.memory().numTensors).toBe(before);
    const bb = blackBoxModel({ inputShape: [4], numOutputs: 3, predict: (v: Float32Array, n: number) => new Float32Array(n * 3) });
    expect(() => fab(bb as never, x, y, { threatModel: ball('linf', 0.1) })).toThrow(/fab: model is a black-box model .*square/);
    tf.dispose([x, y]);
    model.dispose();
  });
});
