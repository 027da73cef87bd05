import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, Rng } from '@advkit/core';
import { Mlp, type Model } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { apgd, apgdAttack } from './index.js';
import { apgdSingleRun } from './internal/apgd-single-run.js';
import { crossEntropyLoss } from './internal/cross-entropy-loss.js';

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
        for (let j = 0; j < k; j++) {
          if (j === yi) continue;
          let q = 0;
          for (let f = 0; f < d; f++) {
            const v = w[f]![j]! - w[f]![yi]!;
            q = norm === 'linf' ? q + Math.abs(v) : q + v * v;
          }
          best = Math.max(best, z[i]![j]! - z[i]![yi]! + epsilon * (norm === 'linf' ? q : Math.sqrt(q)));
        }
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
    expect(() => apgdAttack({ threatModel: new LpBall({ norm: 'l1', epsilon: 1 }) })).toThrow(/apgdAttack: options.threatModel must use one of the norms/);
    tf.dispose([a, b, c, x, y]);
    model.dispose();
  });
});
