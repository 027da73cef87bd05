import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArgumentError, initBackend } from '@advkit/core';
import { Mlp, getWeights, setWeights, withPreprocessing, type LogitsOptions, type Model } from './index.js';
import { foldNormalization } from './test-utils/fold-normalization.js';
import { maxAbsDiff } from '@advkit/test-utils';

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

const mean = [0.485, 0.456, 0.406];
const std = [0.229, 0.224, 0.225];
const scale = 1 / 255;

describe('withPreprocessing', () => {
  it('equals the same network with the normalisation folded into its first layer', () => {
    const inner = new Mlp({ inputShape: [4, 4, 3], hiddenSizes: [8], numClasses: 5, seed: 2 });
    const folded = new Mlp({ inputShape: [4, 4, 3], hiddenSizes: [8], numClasses: 5, seed: 99 });
    setWeights(folded, foldNormalization(getWeights(inner), 3, { mean, std, scale }));
    const before = tf.memory().numTensors;
    const m = withPreprocessing(inner, { mean, std, scale });
    expect(tf.memory().numTensors).toBe(before);
    expect(m.inputShape).toEqual([4, 4, 3]);
    expect(m.numOutputs).toBe(5);
    expect(m.variables).toEqual(inner.variables);
    m.variables.forEach((v, i) => expect(v).toBe(inner.variables[i]));
    expect(m.inner).toBe(inner);
    const x = tf.randomUniform([10, 4, 4, 3], 0, 255, 'float32', 3); // pixels in 0…255
    const z = m.logits(x);
    expect(tf.memory().numTensors).toBe(before + 2);
    const zf = folded.logits(x);
    // Two float32 evaluations of the same affine map in different orders: x·(w·s/σ) summed over 48 inputs
    // of size up to 255·0.02/0.22 ≈ 20 each, vs (x·s − μ)/σ then ·w: rounding ~ 48 · 20 · 6e-8 ≈ 6e-5; 2e-4.
    const d = maxAbsDiff(z.dataSync(), zf.dataSync());
    expect(d).toBeLessThan(2e-4);
    // And both differ from the unnormalised inner model (the wrapper does something).
    const raw = inner.logits(x);
    expect(maxAbsDiff(z.dataSync(), raw.dataSync())).toBeGreaterThan(1);
    tf.dispose([x, z, zf, raw]);
    expect(tf.memory().numTensors).toBe(before);
    m.dispose(); // disposes the inner model
    expect(inner.variables.every((v) => v.isDisposed)).toBe(true);
    folded.dispose();
  });

  it('passes the training option on and broadcasts a scalar mean and std', () => {
    const seen: (LogitsOptions | undefined)[] = [];
    let last: Float32Array | undefined;
    const spy: Model = {
      inputShape: [2],
      numOutputs: 2,
      variables: [],
      logits(x, options) {
        seen.push(options);
        last = x.dataSync() as Float32Array;
        return tf.clone(x);
      },
      dispose() {},
    };
    const m = withPreprocessing(spy, { mean: 0.5, std: 2, scale: 10 });
    const x = tf.tensor2d([[1, 2]]);
    tf.dispose([m.logits(x), m.logits(x, { training: true })]);
    expect(seen).toEqual([undefined, { training: true }]);
    expect(Array.from(last!)).toEqual([(10 - 0.5) / 2, (20 - 0.5) / 2]);
    x.dispose();
  });

  it('checks its arguments, naming them', () => {
    const inner = new Mlp({ inputShape: [4, 4, 3], hiddenSizes: [], numClasses: 2 });
    expect(() => withPreprocessing(inner, { std: [1, 0, 1] })).toThrow(/withPreprocessing: options\.std\[1\] must be > 0, got 0/);
    expect(() => withPreprocessing(inner, { mean: [1, 2] })).toThrow(/withPreprocessing: options\.mean must be a number or an array of 3 numbers/);
    expect(() => withPreprocessing(inner, { scale: 0 })).toThrow(ArgumentError);
    expect(() => withPreprocessing({} as Model, {})).toThrow(/withPreprocessing: model must be a Model/);
    const m = withPreprocessing(inner, {});
    const x = tf.zeros([1, 48]);
    expect(() => m.logits(x)).toThrow(/PreprocessedModel\.logits: x must have shape \[batch,4,4,3\]/);
    x.dispose();
    m.dispose();
  });
});
