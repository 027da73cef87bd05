import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArgumentError, initBackend } from '@advkit/core';
import type { Mlp } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { fgsmAttack, pgdAttack } from '../index.js';
import { robustEvaluate } from './index.js';
import { classProblem, nearestMeans } from './test-utils/nearest-means.js';

const { data: test, means } = classProblem(250, 20, 4, 1, 0.25); // 2 full batches of 100 and a partial one
let model: Mlp;
const threatModel = new LpBall({ norm: 'linf', epsilon: 0.1, box: { min: 0, max: 1 } });
const attacks = [fgsmAttack({ threatModel }), pgdAttack({ threatModel, steps: 3, stepSize: 0.04, randomStart: true, seed: 5 })];

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
  model = nearestMeans(means);
});

describe('robustEvaluate: signal, yields, progress', () => {
  it('gives the same result whether it yields after every batch or never, and reports progress', async () => {
    const expected = await robustEvaluate(model, test, { attacks, batchSize: 100, yieldEveryMs: 1e9 });
    const before = tf.memory().numTensors;
    const progress: [number, number][] = [];
    const got = await robustEvaluate(model, test, { attacks, batchSize: 100, yieldEveryMs: 0, onProgress: (d, t) => progress.push([d, t]) });
    expect(tf.memory().numTensors).toBe(before);
    expect(got).toEqual(expected);
    // the comparison is not vacuous: some examples were broken by each kind, some survived
    expect(got.brokenBy).toContain('clean');
    expect(got.brokenBy).toContain(0);
    expect(got.brokenBy).toContain(null);
    expect(progress).toEqual([[100, 250], [200, 250], [250, 250]]);
  });

  it('stops between batches with signal.reason, leaving no tensors', async () => {
    const before = tf.memory().numTensors;
    const ac = new AbortController();
    const reason = new Error('stopped');
    let batches = 0;
    const p = robustEvaluate(model, test, {
      attacks,
      batchSize: 50,
      yieldEveryMs: 0,
      signal: ac.signal,
      onProgress: (done) => {
        batches++;
        if (done === 100) ac.abort(reason);
      },
    });
    await expect(p).rejects.toBe(reason);
    expect(batches).toBe(2);
    expect(tf.memory().numTensors).toBe(before);
    const aborted = AbortSignal.abort(reason);
    await expect(robustEvaluate(model, test, { attacks, signal: aborted })).rejects.toBe(reason);
  });

  it('names the bad argument', async () => {
    await expect(robustEvaluate(model, test, { attacks, batchSize: 0 })).rejects.toThrow(/robustEvaluate: options.batchSize must be/);
    await expect(robustEvaluate(model, test, { attacks, yieldEveryMs: -1 })).rejects.toThrow(/robustEvaluate: options.yieldEveryMs must be/);
    await expect(robustEvaluate(model, test, { attacks, signal: 'stop' as never })).rejects.toThrow(/robustEvaluate: options.signal must be an AbortSignal/);
    await expect(robustEvaluate(model, test, { attacks, diagnose: 1 as never })).rejects.toThrow(ArgumentError);
    await expect(robustEvaluate(model, { ...test, n: 0 }, { attacks })).rejects.toThrow(/robustEvaluate: data.n must be an integer >= 1/);
  });
});
