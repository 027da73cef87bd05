import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, ArgumentError } from '@advkit/core';
import { LinearModel, Mlp, getWeights } from './index.js';

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

describe('getWeights', () => {
  it('returns copies of the variables, in order, and allocates no tensors', () => {
    const m = new Mlp({ inputShape: [3], hiddenSizes: [2], numClasses: 2, seed: 1 });
    const before = tf.memory().numTensors;
    const ws = getWeights(m);
    expect(tf.memory().numTensors).toBe(before);
    expect(ws.map((w) => w.length)).toEqual([6, 2, 4, 2]);
    ws.forEach((w, i) => expect(Array.from(w)).toEqual(Array.from(m.variables[i]!.dataSync())));
    // A copy: writing to it leaves the model alone.
    const first = m.variables[0]!.dataSync()[0];
    ws[0]![0] = 123;
    expect(m.variables[0]!.dataSync()[0]).toBe(first);
    m.dispose();
  });

  it('rejects a non-model and a disposed model with typed errors', () => {
    expect(() => getWeights({} as LinearModel)).toThrow(/getWeights: model must be a Model/);
    const m = new LinearModel({ inputSize: 2 });
    m.dispose();
    expect(() => getWeights(m)).toThrow(ArgumentError);
    expect(() => getWeights(m)).toThrow(/getWeights: model has a disposed variable/);
  });
});
