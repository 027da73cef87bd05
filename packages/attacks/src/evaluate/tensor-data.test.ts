import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, ShapeError } from '@advkit/core';
import { LpBall } from '@advkit/threat-models';
import { fgsmAttack, pgdAttack } from '../index.js';
import { detectCatastrophicOverfitting, diagnoseAttacks, evaluate, robustEvaluate } from './index.js';
import { classProblem, nearestMeans } from './test-utils/nearest-means.js';

// One data convention (issue #11 item 6): evaluation takes the data as typed arrays, as tensors (what the
// attacks take) and with number[] labels, with identical results, no leaked tensor, and the caller's
// tensors left alive.

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

const { data, means } = classProblem(200, 10, 3, 2, 0.25);
const threatModel = new LpBall({ norm: 'linf', epsilon: 0.1, box: { min: 0, max: 1 } });

describe('evaluation takes tensors and number[] labels', () => {
  it('evaluate, robustEvaluate, diagnoseAttacks and detectCatastrophicOverfitting: identical results', async () => {
    const model = nearestMeans(means);
    const xt = tf.tensor2d(data.x, [data.n, 10]);
    const yt = tf.tensor1d(data.y, 'int32');
    const yFloat = tf.tensor1d(Float32Array.from(data.y)); // float32 class indices are read as integers
    const forms = [data, { x: xt, y: yt }, { x: xt, y: yFloat, n: data.n }, { x: data.x, y: Array.from(data.y), n: data.n }, { x: xt, y: Array.from(data.y) }];
    const attacks = [fgsmAttack({ threatModel }), pgdAttack({ threatModel, steps: 5, randomStart: true, seed: 9 })];
    const results = [];
    for (const d of forms) {
      const before = tf.memory().numTensors;
      const r = {
        clean: evaluate(model, d, { batchSize: 64 }),
        attacked: evaluate(model, d, { batchSize: 64, attack: attacks[1]! }),
        robust: await robustEvaluate(model, d, { attacks, batchSize: 64 }),
        warnings: diagnoseAttacks(model, d, { sampleSize: 50 }),
        check: detectCatastrophicOverfitting({ model, heldOut: d, attack: attacks[1]! }).check(),
      };
      expect(tf.memory().numTensors).toBe(before);
      results.push(r);
    }
    expect(results[0]!.robust.robustError).toBeGreaterThan(results[0]!.clean.error); // the attacks did something
    for (const r of results.slice(1)) expect(r).toEqual(results[0]); // every number, per-example array and warning
    expect(xt.isDisposed || yt.isDisposed || yFloat.isDisposed).toBe(false);
    expect(Array.from(yt.dataSync())).toEqual(Array.from(data.y)); // still usable
    tf.dispose([xt, yt, yFloat]);
    model.dispose();
  });

  it('names the function and the argument for data that does not fit', async () => {
    const model = nearestMeans(means);
    const xt = tf.tensor2d(data.x, [data.n, 10]);
    const short = tf.tensor1d(data.y.subarray(1), 'int32');
    expect(() => evaluate(model, { x: xt, y: short })).toThrow(new ShapeError('must hold n = 200 labels, got 199', { fn: 'evaluate', argument: 'data.y' }));
    await expect(robustEvaluate(model, { x: xt, y: short }, { attacks: [fgsmAttack({ threatModel })] })).rejects.toThrow(/^robustEvaluate: data\.y must hold n = 200 labels/);
    expect(() => detectCatastrophicOverfitting({ model, heldOut: { x: xt, y: short }, attack: fgsmAttack({ threatModel }) })).toThrow(/^detectCatastrophicOverfitting: options\.heldOut\.y must hold n = 200/);
    tf.dispose([xt, short]);
    model.dispose();
  });
});
