import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, ArgumentError, ShapeError } from '@advkit/core';
import { Cnn, Mlp, getWeights, setWeights } from './index.js';

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

describe('setWeights', () => {
  it('restores a model from getWeights: same weights, same logits, no tensors left behind', () => {
    const layers = [{ type: 'conv', filters: 4, kernelSize: 3, stride: 2, padding: 1 }, { type: 'dense', units: 8 }] as const;
    const a = new Cnn({ inputShape: [8, 8, 1], numClasses: 3, layers, seed: 1 });
    const b = new Cnn({ inputShape: [8, 8, 1], numClasses: 3, layers, seed: 2 });
    const x = tf.randomUniform([2, 8, 8, 1], 0, 1, 'float32', 3);
    const before = tf.memory().numTensors;
    setWeights(b, getWeights(a));
    expect(tf.memory().numTensors).toBe(before);
    getWeights(b).forEach((w, i) => expect(Array.from(w)).toEqual(Array.from(getWeights(a)[i]!)));
    const za = a.logits(x);
    const zb = b.logits(x);
    expect(Array.from(zb.dataSync())).toEqual(Array.from(za.dataSync())); // same weights and arithmetic: bitwise
    tf.dispose([x, za, zb]);
    a.dispose();
    b.dispose();
  });

  it('checks everything before writing anything, with typed errors naming the argument', () => {
    const m = new Mlp({ inputShape: [3], hiddenSizes: [2], numClasses: 2, seed: 1 });
    const good = getWeights(m);
    const fresh = good.map((w) => w.map((v) => v + 1));
    expect(() => setWeights(m, fresh.slice(0, 3))).toThrow(ShapeError);
    expect(() => setWeights(m, fresh.slice(0, 3))).toThrow(/setWeights: arrays must hold 4 arrays, one per model variable, got 3/);
    const wrongLength = [...fresh.slice(0, 2), new Float32Array(5), fresh[3]!];
    expect(() => setWeights(m, wrongLength)).toThrow(/setWeights: arrays\[2\] must have 4 values for the variable of shape \[2,2\], got 5/);
    const nan = fresh.map((w) => w.slice());
    nan[3]![1] = Number.NaN;
    expect(() => setWeights(m, nan)).toThrow(ArgumentError);
    expect(() => setWeights(m, nan)).toThrow(/setWeights: arrays\[3\] must hold finite numbers, got NaN at index 1/);
    expect(() => setWeights(m, [[1, 2], ...fresh.slice(1)] as unknown as Float32Array[])).toThrow(/setWeights: arrays\[0\] must be a Float32Array/);
    expect(() => setWeights(m, 'w' as unknown as Float32Array[])).toThrow(/setWeights: arrays must be an array/);
    // None of the failed calls wrote anything (the first arrays were valid each time).
    getWeights(m).forEach((w, i) => expect(Array.from(w)).toEqual(Array.from(good[i]!)));
    m.dispose();
  });
});
