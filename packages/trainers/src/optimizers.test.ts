import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@advkit/core';
import { Mlp, getWeights, setWeights } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { fgsmAttack, pgdAttack } from '@advkit/attacks';
import { detectCatastrophicOverfitting, evaluate } from '@advkit/attacks/evaluate';
import { sgd, adversarialSgd, piecewiseSchedule } from './index.js';
import { syntheticClasses } from './test-utils/synthetic-classes.js';

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

// one draw (the same class means), split into 600 training and 200 held-out examples
const all = syntheticClasses(800, 10, 3, 4);
const train = { x: all.x.subarray(0, 600 * 10), y: all.y.subarray(0, 600), n: 600 };
const heldOut = { x: all.x.subarray(600 * 10), y: all.y.subarray(600), n: 200 };

describe('tfjs optimizers through the optimizer option (wasm)', () => {
  for (const [name, make] of [
    ['momentum', () => tf.train.momentum(0.05, 0.9)],
    ['adam', () => tf.train.adam(0.01)],
  ] as const) {
    it(`${name} trains an Mlp: the loss falls and the held-out error drops below 5%`, async () => {
      const model = new Mlp({ inputShape: [10], hiddenSizes: [16], numClasses: 3, seed: 1 });
      const optimizer = make();
      const before = evaluate(model, heldOut);
      const r = await sgd(model, train, { epochs: 6, batchSize: 50, optimizer });
      const after = evaluate(model, heldOut);
      // 3 well-separated blobs (σ = 0.1, means ~0.25 apart per coordinate): nearly separable
      expect(after.error).toBeLessThan(0.05);
      expect(before.error).toBeGreaterThan(0.2);
      expect(r.epochs.at(-1)!.trainLoss).toBeLessThan(0.5 * r.epochs[0]!.trainLoss);
      optimizer.dispose();
      model.dispose();
    });
  }
});

describe('fast adversarial training and catastrophic-overfitting detection', () => {
  it('FGSM with random start (step 1.25ε) lowers the held-out PGD error; the detector records it without a collapse', async () => {
    const threatModel = new LpBall({ norm: 'linf', epsilon: 0.1, box: { min: 0, max: 1 } });
    const model = new Mlp({ inputShape: [10], hiddenSizes: [32], numClasses: 3, seed: 2 });
    const pgdEval = () => pgdAttack({ threatModel, steps: 10, seed: 9 });
    const std = new Mlp({ inputShape: [10], hiddenSizes: [32], numClasses: 3, seed: 2 });
    await sgd(std, train, { epochs: 6, batchSize: 50, learningRate: piecewiseSchedule([[1, 0.5], [5, 0.1]]) });
    const detector = detectCatastrophicOverfitting({ model, heldOut, attack: pgdEval() });
    const numBefore = tf.memory().numTensors;
    await adversarialSgd(model, train, {
      attack: fgsmAttack({ threatModel, randomStart: true, stepSize: 1.25 * 0.1 }),
      epochs: 6,
      batchSize: 50,
      learningRate: piecewiseSchedule([[1, 0.5], [5, 0.1]]),
      onEpochEnd: () => {
        detector.check();
      },
    });
    expect(tf.memory().numTensors).toBe(numBefore);
    expect(detector.history).toHaveLength(6);
    expect(detector.history.every((h) => !h.collapsed)).toBe(true);
    const stdPgd = evaluate(std, heldOut, { attack: pgdEval() }).error;
    const advPgd = evaluate(model, heldOut, { attack: pgdEval() }).error;
    expect(advPgd).toBeLessThan(stdPgd);
    // a collapse: wreck the weights, and the next check flags the drop against the best so far
    const best = detector.history.at(-1)!.best;
    setWeights(model, getWeights(model).map((a) => a.map(() => 0)));
    const c = detector.check();
    expect(c.best).toBe(best);
    expect(c.robustAccuracy).toBeLessThan(best - 0.2);
    expect(c.collapsed).toBe(true);
    model.dispose();
    std.dispose();
  });
});
