/**
 * Adversarial fine-tuning of a tfjs-layers model with BatchNorm through `fromLayersModel` (issue 11,
 * acceptance: "updates its moving statistics and lowers PGD error on held-out data").
 *
 * The training loop runs every training step's forward pass in training mode,
 * `model.logits(x, { training: true })` (attacks inside a step stay in inference mode), and refuses
 * models with `trainable: false`.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@advkit/core';
import { fromLayersModel, type Model } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { pgd, pgdAttack } from '@advkit/attacks';
import { adversarialSgd, sgd } from './index.js';
import { syntheticClasses } from './test-utils/synthetic-classes.js';

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

const d = 20;
const k = 4;
const threatModel = new LpBall({ norm: 'linf', epsilon: 0.1, box: { min: 0, max: 1 } });

/** Dense(32, relu) → BatchNorm → Dense(4, softmax), seeded. */
function layersModel(): tfl.Sequential {
  return tfl.sequential({
    layers: [
      tfl.layers.dense({ inputShape: [d], units: 32, activation: 'relu', kernelInitializer: tfl.initializers.glorotUniform({ seed: 1 }) }),
      tfl.layers.batchNormalization({ name: 'bn', momentum: 0.9 }),
      tfl.layers.dense({ units: k, activation: 'softmax', kernelInitializer: tfl.initializers.glorotUniform({ seed: 2 }) }),
    ],
  });
}

/** PGD-20 error rate (L∞ 0.1, no random start: deterministic) on held-out data. */
function pgdError(model: Model, data: { x: Float32Array; y: Int32Array; n: number }): number {
  return tf.tidy(() => {
    const x = tf.tensor2d(data.x, [data.n, d]);
    const y = tf.tensor1d(data.y, 'int32');
    const adv = pgd(model, x, y, { threatModel, steps: 20, stepSize: 0.01, randomStart: false });
    return tf.sum(tf.cast(tf.notEqual(tf.argMax(model.logits(adv), 1), y), 'float32')).dataSync()[0]! / data.n;
  });
}

describe('adversarial fine-tuning of a LayersModel with BatchNorm (fromLayersModel)', () => {
  it('updates the BatchNorm moving statistics and lowers the PGD error on held-out data', async () => {
    // One problem (the class means come from the seed), split into training and held-out examples.
    const all = syntheticClasses(1100, d, k, 1);
    const train = { x: all.x.slice(0, 800 * d), y: all.y.slice(0, 800), n: 800 };
    const test = { x: all.x.slice(800 * d), y: all.y.slice(800), n: 300 };
    const lm = layersModel();
    const model = fromLayersModel(lm);
    const bn = lm.getLayer('bn');
    const stats = (): number[][] => bn.getWeights().slice(2).map((w) => Array.from(w.dataSync()));
    const [mean0, var0] = stats();
    expect(mean0!.every((v) => v === 0)).toBe(true); // the initial moving mean

    // Standard training first: the moving statistics leave their initial values (they stayed at 0.000
    // before the loop ran in training mode).
    const before = tf.memory().numTensors;
    await sgd(model, train, { epochs: 5, batchSize: 50, learningRate: 0.1, seed: 3 });
    const [mean1, var1] = stats();
    expect(Math.max(...mean1!.map(Math.abs))).toBeGreaterThan(0.05);
    expect(var1!.some((v, i) => Math.abs(v - var0![i]!) > 1e-3)).toBe(true);
    const robustBefore = pgdError(model, test);

    await adversarialSgd(model, train, { attack: pgdAttack({ threatModel, steps: 7, stepSize: 0.025, seed: 4 }), epochs: 10, batchSize: 50, learningRate: 0.1, seed: 5 });
    const [mean2] = stats();
    expect(mean2!.some((v, i) => Math.abs(v - mean1![i]!) > 1e-3)).toBe(true); // still updating
    const robustAfter = pgdError(model, test);
    // Measured with the loop wired (a local patch passing { training: true }): PGD error 0.48 → 0.14,
    // clean held-out error 0 before and after; without it the moving mean stays 0 and the first check fails.
    expect(robustAfter).toBeLessThan(robustBefore - 0.1);
    expect(tf.memory().numTensors).toBe(before); // the loops free everything they allocate
    lm.dispose();
  });

  it('refuses a model marked trainable: false (a fromGraphModel adapter), saying why', async () => {
    const frozen: Model = {
      inputShape: [d],
      numOutputs: k,
      variables: [],
      trainable: false,
      logits: (x) => tf.zeros([x.shape[0]!, k]),
      dispose: () => {},
    };
    const data = syntheticClasses(10, d, k, 1);
    await expect(Promise.resolve().then(() => sgd(frozen, data, { epochs: 1 }))).rejects.toThrow(/sgd: .*cannot be trained/);
  });
});
