import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, ArgumentError, ShapeError } from '@advkit/core';
import { LinearModel, Mlp, getWeights, type Model } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { pgdAttack, fgsmAttack } from '@advkit/attacks';
import { sgd, adversarialSgd, robustLinearSgd, train, standardStep } from './index.js';
import { syntheticBinary } from './test-utils/synthetic-binary.js';
import { syntheticClasses } from './test-utils/synthetic-classes.js';

// One data convention (issue #11 item 6): the trainers take the data as typed arrays, as tensors (the
// attacks' convention) and with labels as number[]; all three give bit-identical weights, since the
// tensors are read once into typed arrays holding the same float32 values. The caller's tensors are
// neither disposed nor leaked, and stay usable.

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

const bin = syntheticBinary(120, 6, 4);
const cls = syntheticClasses(90, 8, 3, 5);

/** The three forms of the same data: typed arrays, tensors ([n, ...inputShape] x, rank-1 y), number[] labels. */
function forms(d: { x: Float32Array; y: Float32Array | Int32Array; n: number }, inputShape: number[]) {
  const xt = tf.tensor(d.x, [d.n, ...inputShape]);
  const yt = d.y instanceof Int32Array ? tf.tensor1d(d.y, 'int32') : tf.tensor1d(d.y);
  return { typed: { x: d.x, y: d.y, n: d.n }, tensors: { x: xt, y: yt }, numbers: { x: d.x, y: Array.from(d.y), n: d.n }, xt, yt };
}

async function same(makeModel: () => Model, run: (m: Model, data: never) => Promise<unknown>, d: { x: Float32Array; y: Float32Array | Int32Array; n: number }, inputShape: number[]): Promise<void> {
  const f = forms(d, inputShape);
  const results: Float32Array[][] = [];
  for (const data of [f.typed, f.tensors, f.numbers]) {
    const m = makeModel();
    const before = tf.memory().numTensors;
    await run(m, data as never);
    expect(tf.memory().numTensors).toBe(before); // nothing leaked, the caller's tensors not disposed
    results.push(getWeights(m));
    m.dispose();
  }
  expect(results[1]).toEqual(results[0]); // bit-identical (toEqual on Float32Arrays compares every value)
  expect(results[2]).toEqual(results[0]);
  // the caller's tensors are still theirs and usable
  expect(f.xt.isDisposed || f.yt.isDisposed).toBe(false);
  expect(Array.from(f.xt.dataSync())).toEqual(Array.from(d.x));
  tf.dispose([f.xt, f.yt]);
}

describe('trainers take tensors and number[] labels', () => {
  it('sgd (linear fast path and autodiff, binary): bit-identical weights', async () => {
    await same(() => new LinearModel({ inputSize: 6, seed: 1 }), (m, data) => sgd(m, data, { epochs: 2, batchSize: 32, learningRate: 0.5 }), bin, [6]);
    await same(() => new Mlp({ inputShape: [6], hiddenSizes: [5], numClasses: 1, seed: 2 }), (m, data) => sgd(m, data, { epochs: 2, batchSize: 32 }), bin, [6]);
  });

  it('train and adversarialSgd (K-class, PGD with random start): bit-identical weights', async () => {
    const threatModel = new LpBall({ norm: 'linf', epsilon: 0.05, box: { min: 0, max: 1 } });
    const mk = (): Model => new Mlp({ inputShape: [8], hiddenSizes: [6], numClasses: 3, seed: 3 });
    await same(mk, (m, data) => train(m, data, { step: standardStep(), epochs: 1, batchSize: 30, learningRate: 0.1 }), cls, [8]);
    await same(mk, (m, data) => adversarialSgd(m, data, { attack: pgdAttack({ threatModel, steps: 3, randomStart: true, seed: 7 }), epochs: 1, batchSize: 30, learningRate: 0.1 }), cls, [8]);
    await same(mk, (m, data) => adversarialSgd(m, data, { attack: fgsmAttack({ threatModel }), epochs: 1, batchSize: 45, learningRate: 0.1 }), cls, [8]);
  });

  it('robustLinearSgd and x flattened to [n, d] for an image model', async () => {
    const ball = new LpBall({ norm: 'l2', epsilon: 0.1 });
    await same(() => new LinearModel({ inputSize: 6, seed: 4 }), (m, data) => robustLinearSgd(m as LinearModel, data, { threatModel: ball, epochs: 1, batchSize: 40 }), bin, [6]);
    // an Mlp with input shape [2, 4]: x as [n, 2, 4] (what `forms` makes) and as [n, 8]
    const xt = tf.tensor2d(cls.x, [cls.n, 8]);
    const mk = (): Model => new Mlp({ inputShape: [2, 4], hiddenSizes: [4], numClasses: 3, seed: 5 });
    const a = mk();
    const b = mk();
    await sgd(a, { x: xt, y: cls.y }, { epochs: 1, batchSize: 30 });
    await sgd(b, cls, { epochs: 1, batchSize: 30 });
    expect(getWeights(a)).toEqual(getWeights(b));
    await same(mk, (m, data) => sgd(m, data, { epochs: 1, batchSize: 30 }), cls, [2, 4]);
    tf.dispose(xt);
    a.dispose();
    b.dispose();
  });

  it('refuses data that does not fit, with typed errors naming the function and the argument', async () => {
    const m = new Mlp({ inputShape: [8], hiddenSizes: [], numClasses: 3, seed: 1 });
    const lin = new LinearModel({ inputSize: 6 });
    const xt = tf.tensor(cls.x, [cls.n, 8]);
    const yt = tf.tensor1d(cls.y, 'int32');
    const dead = tf.tensor2d([[1]]);
    dead.dispose();
    const before = tf.memory().numTensors;
    const cases: [Model, unknown, new (...a: never[]) => Error, RegExp][] = [
      [m, { x: tf.tensor2d(cls.x.subarray(0, 90 * 4), [90, 4]), y: yt }, ShapeError, /^sgd: data\.x must have shape \[n,8\] or \[n,8\].*got \[90,4\]/],
      [m, { x: xt, y: yt, n: 89 }, ShapeError, /^sgd: data\.n must equal data\.x\.shape\[0\] = 90/],
      [m, { x: xt, y: tf.oneHot(yt, 3) }, ShapeError, /^sgd: data\.y must be a rank-1 tensor \[90\].*tf\.argMax\(y, 1\)/],
      [m, { x: xt, y: [...cls.y].slice(1) }, ShapeError, /^sgd: data\.y must hold n = 90 labels, got 89/],
      [m, { x: xt, y: [...cls.y].map((v, i) => (i === 7 ? 1.5 : v)) }, ArgumentError, /^sgd: data\.y must hold integer class indices 0\.\.2, got 1\.5 at index 7/],
      [m, { x: xt, y: tf.tensor1d([...cls.y].map((v, i) => (i === 3 ? 0.5 : v))) }, ArgumentError, /got 0\.5 at index 3/],
      [m, { x: dead, y: yt }, ArgumentError, /^sgd: data\.x is a disposed tensor/],
      [m, { x: xt, y: ['1'] }, ArgumentError, /^sgd: data\.y must hold numbers/],
      [m, { x: tf.zeros([1, 8], 'bool'), y: [0] }, ArgumentError, /^sgd: data\.x must have dtype float32 or int32, got bool/],
      [m, { x: [[1]], y: yt }, ArgumentError, /^sgd: data\.x must be a Float32Array or a tf\.Tensor/],
      [lin, { x: tf.tensor2d(bin.x, [bin.n, 6]), y: Array.from(bin.y).map((v) => (v > 0 ? 1 : 0)) }, ArgumentError, /^sgd: data\.y must hold labels -1 or \+1 for a binary model/],
      [m, { x: cls.x, y: cls.y }, ArgumentError, /^sgd: data\.n must be an integer >= 1 .*required when x is a Float32Array/],
    ];
    for (const [model, data, Err, msg] of cases) {
      const made = tf.memory().numTensors;
      const err = await sgd(model, data as never, { epochs: 1 }).then(() => undefined, (e: unknown) => e);
      expect(err, String(msg)).toBeInstanceOf(Err);
      expect((err as Error).message).toMatch(msg);
      expect(tf.memory().numTensors).toBe(made); // the failed call made nothing that stays
      tf.dispose([(data as { x: unknown }).x, (data as { y: unknown }).y].filter((t): t is tf.Tensor => t instanceof tf.Tensor && t !== xt && t !== yt));
    }
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([xt, yt]);
    m.dispose();
    lin.dispose();
  });
});
