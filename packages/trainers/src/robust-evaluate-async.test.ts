import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArgumentError, initBackend } from '@advkit/core';
import { Mlp } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { fgsmAttack, pgdAttack } from '@advkit/attacks';
import { robustEvaluate, robustEvaluateAsync, sgd } from './index.js';
import { syntheticClasses } from './test-utils/synthetic-classes.js';

// one draw (the class means depend on the seed), split: 600 to train, 250 to test = 2 full batches of 100 and a partial one
const all = syntheticClasses(850, 20, 4, 1, 0.25);
const train = { x: all.x.subarray(0, 600 * 20), y: all.y.subarray(0, 600), n: 600 };
const test = { x: all.x.subarray(600 * 20), y: all.y.subarray(600), n: 250 };
let model: Mlp;
const threatModel = new LpBall({ norm: 'linf', epsilon: 0.1, box: { min: 0, max: 1 } });
// fresh attack objects per evaluation: an Attack counts its calls (random-start seeds)
const attacks = () => [fgsmAttack({ threatModel }), pgdAttack({ threatModel, steps: 3, stepSize: 0.04, randomStart: true, seed: 5 })];

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
  model = new Mlp({ inputShape: [20], hiddenSizes: [16], numClasses: 4, seed: 0 });
  sgd(model, train, { epochs: 3, batchSize: 50, learningRate: 0.5 }); // a model some attacks break and some do not
});

describe('robustEvaluateAsync', () => {
  it('gives exactly robustEvaluate’s result (same batches, same attack calls), reports progress, leaks nothing', async () => {
    const expected = robustEvaluate(model, test, { attacks: attacks(), batchSize: 100 });
    const before = tf.memory().numTensors;
    const progress: [number, number][] = [];
    const got = await robustEvaluateAsync(model, test, { attacks: attacks(), batchSize: 100, yieldEveryMs: 0, onProgress: (d, t) => progress.push([d, t]) });
    expect(tf.memory().numTensors).toBe(before);
    expect(got).toEqual(expected);
    // the comparison is not vacuous: some examples were broken by each kind, some survived
    expect(got.brokenBy).toContain('clean');
    expect(got.brokenBy).toContain(0);
    expect(got.brokenBy).toContain(null);
    expect(progress).toEqual([[100, 250], [200, 250], [250, 250]]);
    console.log(`robustEvaluateAsync: clean ${got.cleanError}, robust ${got.robustError}`);
  });

  it('stops between batches with signal.reason, leaving no tensors', async () => {
    const before = tf.memory().numTensors;
    const ac = new AbortController();
    const reason = new Error('stopped');
    const p = robustEvaluateAsync(model, test, { attacks: attacks(), batchSize: 50, yieldEveryMs: 0, signal: ac.signal, onProgress: (done) => done === 100 && ac.abort(reason) });
    await expect(p).rejects.toBe(reason);
    expect(tf.memory().numTensors).toBe(before);
    const aborted = AbortSignal.abort(reason);
    await expect(robustEvaluateAsync(model, test, { attacks: attacks(), signal: aborted })).rejects.toBe(reason);
  });

  it('names the bad argument', async () => {
    await expect(robustEvaluateAsync(model, test, { attacks: attacks(), batchSize: 0 })).rejects.toThrow(/robustEvaluateAsync: options.batchSize must be/);
    await expect(robustEvaluateAsync(model, test, { attacks: attacks(), onProgress: 3 as never })).rejects.toThrow(ArgumentError);
    await expect(robustEvaluateAsync(model, { ...test, n: 0 }, { attacks: attacks() })).rejects.toThrow(/robustEvaluateAsync: data.n must be an integer >= 1/);
  });
});
