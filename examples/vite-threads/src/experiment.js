// The experiment the page runs, and test/check.mjs runs again in Node on the same weights: a seeded
// MLP (20 → 32 → 3), 64 seeded inputs in [0, 1]^20, and a 20-step L∞ PGD attack (ε = 0.1, box [0, 1]).
import * as tf from '@tensorflow/tfjs-core';
import { Rng } from '@advkit/core';
import { Mlp, perExampleError, perExampleLoss } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { pgd } from '@advkit/attacks';

const N = 64;
const D = 20;
const K = 3;

/** Runs the attack; call after initBackend(). Frees every tensor it makes. */
export async function runExperiment() {
  const rng = new Rng(2026);
  const xs = Float32Array.from({ length: N * D }, () => rng.float());
  const ys = Int32Array.from({ length: N }, () => rng.int(K));
  const model = new Mlp({ inputShape: [D], hiddenSizes: [32], numClasses: K, seed: 1 });
  const x = tf.tensor2d(xs, [N, D]);
  const y = tf.tensor1d(ys, 'int32');
  const threatModel = new LpBall({ norm: 'linf', epsilon: 0.1, box: { min: 0, max: 1 } });
  const xAdv = pgd(model, x, y, { threatModel, steps: 20, seed: 7 });
  const [cleanErrors, advErrors, advLoss] = tf.tidy(() => [
    tf.sum(perExampleError(model.logits(x), y)),
    tf.sum(perExampleError(model.logits(xAdv), y)),
    tf.mean(perExampleLoss(model.logits(xAdv), y)),
  ]);
  const result = {
    cleanErrors: (await cleanErrors.data())[0],
    advErrors: (await advErrors.data())[0],
    meanAdvLoss: (await advLoss.data())[0],
    xAdv: Array.from(await xAdv.data()),
  };
  tf.dispose([x, y, xAdv, cleanErrors, advErrors, advLoss]);
  model.dispose();
  return result;
}
