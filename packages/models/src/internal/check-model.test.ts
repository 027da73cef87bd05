import { beforeAll, describe, expect, it } from 'vitest';
import { ArgumentError, ShapeError, initBackend } from '@advkit/core';
import { LinearModel, Mlp, type Model } from '../index.js';
import { checkLabeledData, checkModel } from './index.js';

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

describe('checkModel', () => {
  it('accepts the built-in models and any object with the Model members, and returns it', () => {
    const m = new LinearModel({ inputSize: 3 });
    expect(checkModel(m, 'f')).toBe(m);
    const custom: Model = { logits: (x) => m.logits(x), inputShape: [3], numOutputs: 1, variables: m.variables, dispose: () => undefined };
    expect(checkModel(custom, 'f')).toBe(custom);
    m.dispose();
  });

  it('rejects a non-model and a disposed model, naming the function and the argument', () => {
    expect(() => checkModel({}, 'f')).toThrow(ArgumentError);
    expect(() => checkModel(null, 'f', 'options.model')).toThrow(/^f: options\.model must be a Model \(\{ logits\(x\), inputShape, numOutputs, variables \}\), got null/);
    expect(() => checkModel({ logits: () => null, inputShape: [2], numOutputs: 1 }, 'f')).toThrow(/f: model must be a Model/);
    const m = new Mlp({ inputShape: [2], hiddenSizes: [2], numClasses: 2 });
    m.dispose();
    expect(() => checkModel(m, 'g')).toThrow(/g: model has a disposed variable/);
  });
});

describe('checkLabeledData', () => {
  it('returns the input dimension of valid data', () => {
    const m = new Mlp({ inputShape: [2, 3], hiddenSizes: [2], numClasses: 4 });
    expect(checkLabeledData({ x: new Float32Array(12), y: new Int32Array([0, 3]), n: 2 }, m, 'f')).toBe(6);
    const b = new LinearModel({ inputSize: 2 });
    expect(checkLabeledData({ x: new Float32Array(2), y: new Float32Array([-1]), n: 1 }, b, 'f')).toBe(2);
    m.dispose();
    b.dispose();
  });

  it('names the bad field, and checks the model first', () => {
    const m = new LinearModel({ inputSize: 2 });
    const data = { x: new Float32Array(4), y: new Float32Array([1, -1]), n: 2 };
    expect(() => checkLabeledData({ ...data, n: 3 }, m, 'f', 'heldOut')).toThrow(ShapeError);
    expect(() => checkLabeledData({ ...data, n: 3 }, m, 'f', 'heldOut')).toThrow(/f: heldOut\.x must hold n·2 = 6 floats/);
    expect(() => checkLabeledData({ ...data, y: new Float32Array([1, 0]) }, m, 'f')).toThrow(/f: data\.y must hold labels -1 or \+1 for a binary model, got 0 at index 1/);
    expect(() => checkLabeledData({ ...data, x: [0, 0, 0, 0] }, m, 'f')).toThrow(/f: data\.x must be a Float32Array/);
    expect(() => checkLabeledData({ ...data, n: 0 }, m, 'f')).toThrow(/f: data\.n must be an integer >= 1/);
    expect(() => checkLabeledData(data, {} as Model, 'f')).toThrow(/f: model must be a Model/);
    const k = new Mlp({ inputShape: [2], hiddenSizes: [2], numClasses: 3 });
    expect(() => checkLabeledData({ ...data, y: new Int32Array([0, 3]) }, k, 'f')).toThrow(/class indices 0\.\.2, got 3 at index 1/);
    m.dispose();
    k.dispose();
  });
});
