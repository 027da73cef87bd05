import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArgumentError, ShapeError, initBackend } from '@advkit/core';
import { fromLayersModel } from './index.js';
import { dirHandler, maxAbsDiff } from '@advkit/test-utils';

let dir: string;

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
  dir = mkdtempSync(join(tmpdir(), 'advkit-layers-'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Conv → BatchNorm → Dropout → Flatten → Dense(10, softmax) on 8x8x1 images, seeded, with non-trivial BatchNorm statistics. */
function convBnDropoutSoftmax(): tfl.Sequential {
  const m = tfl.sequential({
    layers: [
      tfl.layers.conv2d({ inputShape: [8, 8, 1], filters: 4, kernelSize: 3, activation: 'relu', kernelInitializer: tfl.initializers.glorotUniform({ seed: 1 }), name: 'conv' }),
      tfl.layers.batchNormalization({ name: 'bn', momentum: 0.9 }),
      tfl.layers.dropout({ rate: 0.5, name: 'drop' }),
      tfl.layers.flatten(),
      tfl.layers.dense({ units: 10, activation: 'softmax', kernelInitializer: tfl.initializers.glorotUniform({ seed: 2 }), biasInitializer: 'glorotUniform', name: 'head' }),
    ],
  });
  const bn = m.getLayer('bn');
  tf.tidy(() => bn.setWeights([tf.tensor1d([1.5, 0.5, 1, 2]), tf.tensor1d([0.1, -0.2, 0.3, 0]), tf.tensor1d([0.2, 0.1, 0.4, 0.3]), tf.tensor1d([0.5, 2, 1, 0.25])]));
  return m;
}

const images = (n: number, seed: number): tf.Tensor4D => tf.randomUniform([n, 8, 8, 1], 0, 1, 'float32', seed);

describe('fromLayersModel on a model saved and reloaded through model.json + weights.bin', () => {
  let model: tfl.LayersModel;
  beforeAll(async () => {
    const original = convBnDropoutSoftmax();
    await original.save(dirHandler(join(dir, 'cnn')));
    model = await tfl.loadLayersModel(dirHandler(join(dir, 'cnn')));
    // The reloaded model is the original one: same predictions, bit for bit.
    const x = images(4, 9);
    expect(Array.from((model.predict(x) as tf.Tensor).dataSync())).toEqual(Array.from((original.predict(x) as tf.Tensor).dataSync()));
    original.dispose();
    x.dispose();
  });
  afterAll(() => model.dispose());

  it('reads shape and head from the model and returns logits whose softmax is model.predict', () => {
    const before = tf.memory().numTensors;
    const m = fromLayersModel(model);
    expect(tf.memory().numTensors).toBe(before);
    expect(m.inputShape).toEqual([8, 8, 1]);
    expect(m.numOutputs).toBe(10);
    expect(m.bypassed).toBe('softmax');
    const x = images(16, 1);
    const z = m.logits(x);
    expect(tf.memory().numTensors).toBe(before + 2);
    expect(z.shape).toEqual([16, 10]);
    const p = model.predict(x) as tf.Tensor;
    const q = tf.softmax(z);
    // softmax(logits) vs predict: the same float32 pre-activations through the same softmax kernel; the
    // probabilities are <= 1, so a few float32 roundings (ulp 6e-8) bound the difference: 1e-6.
    const d = maxAbsDiff(q.dataSync(), p.dataSync());
    expect(d).toBeLessThan(1e-6);
    // Logits, not probabilities: they are not a probability vector (rows do not sum to 1).
    const rowSums = tf.tidy(() => tf.sum(z, 1).dataSync());
    expect(Array.from(rowSums).some((s) => Math.abs(s - 1) > 1e-3)).toBe(true);
    // log-softmax consistency: logits minus their logsumexp are the log-probabilities.
    const expLogp = tf.tidy(() => tf.exp(tf.logSoftmax(z)).dataSync());
    expect(maxAbsDiff(expLogp, p.dataSync())).toBeLessThan(1e-6);
    tf.dispose([x, z, p, q]);
    m.dispose(); // does not own the model
    expect(tf.memory().numTensors).toBe(before);
    expect(() => model.predict(images(1, 2))).not.toThrow();
  });

  it('exposes the trainable weights as variables (not the BatchNorm moving statistics); training them trains the LayersModel', () => {
    const m = fromLayersModel(model);
    const vars = m.variables;
    expect(vars.map((v) => v.shape)).toEqual([[3, 3, 1, 4], [4], [4], [4], [144, 10], [10]]);
    vars.forEach((v, i) => expect(v).toBe(model.trainableWeights[i]!.read()));
    expect(model.weights.length).toBe(8); // + moving mean and variance, not trainable
    const before = tf.memory().numTensors;
    // The gradient of the mean cross-entropy with respect to the head's bias is mean(softmax(z) − onehot(y))
    // (closed form), with p from model.predict: proves the variables are the ones the model computes with.
    const x = images(8, 3);
    const y = tf.tensor1d([0, 1, 2, 3, 4, 5, 6, 7], 'int32');
    const onehot = tf.tidy(() => tf.cast(tf.oneHot(y, 10), 'float32'));
    const { grads, value } = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(onehot, m.logits(x)), [...vars]);
    const p = model.predict(x) as tf.Tensor;
    const expected = tf.tidy(() => tf.mean(tf.sub(p, onehot), 0));
    expect(maxAbsDiff(grads[vars[5]!.name]!.dataSync(), expected.dataSync())).toBeLessThan(1e-6);
    // One SGD step on the adapter's variables changes the LayersModel's own predictions.
    tf.tidy(() => vars.forEach((v) => v.assign(tf.sub(v, tf.mul(0.05, grads[v.name]!)))));
    const p2 = model.predict(x) as tf.Tensor;
    expect(maxAbsDiff(p2.dataSync(), p.dataSync())).toBeGreaterThan(1e-4);
    const loss2 = tf.tidy(() => tf.losses.softmaxCrossEntropy(onehot, m.logits(x)).dataSync()[0]!);
    expect(loss2).toBeLessThan(value.dataSync()[0]!);
    tf.dispose([x, y, onehot, value, p, expected, p2, ...Object.values(grads)]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('runs inference mode by default and training mode on request: BatchNorm moving averages update, Dropout is active', () => {
    const m = fromLayersModel(model);
    const bn = model.getLayer('bn');
    const stats = (): Float32Array[] => bn.getWeights().slice(2).map((w) => w.dataSync() as Float32Array);
    const x = images(32, 4);
    const [mean0, var0] = stats();

    const before = tf.memory().numTensors;
    const a = m.logits(x);
    const b = m.logits(x, { training: false });
    expect(Array.from(b.dataSync())).toEqual(Array.from(a.dataSync())); // deterministic
    expect(stats()).toEqual([mean0, var0]); // inference changes nothing

    // The BatchNorm input (the conv output), to compute the expected moving-average update.
    const convOut = tfl.model({ inputs: model.inputs, outputs: model.getLayer('conv').output as tfl.SymbolicTensor });
    const h = convOut.predict(x) as tf.Tensor;
    const { mean, variance } = tf.moments(h, [0, 1, 2]);
    const t1 = m.logits(x, { training: true });
    const t2 = m.logits(x, { training: true });
    const [mean1, var1] = stats();
    // moving ← momentum·moving + (1 − momentum)·batch statistic, momentum 0.9, applied twice; float32
    // arithmetic on O(1) values: 1e-5. tfjs-layers uses the biased batch variance (tf.moments).
    const expectMean = Array.from(mean0!, (v, i) => 0.81 * v + 0.19 * mean.dataSync()[i]!);
    const expectVar = Array.from(var0!, (v, i) => 0.81 * v + 0.19 * variance.dataSync()[i]!);
    expect(maxAbsDiff(mean1!, expectMean)).toBeLessThan(1e-5);
    expect(maxAbsDiff(var1!, expectVar)).toBeLessThan(1e-5);
    // Training mode normalises with batch statistics (differs from inference) and drops units at random
    // (two calls on the same batch differ).
    expect(maxAbsDiff(t1.dataSync(), a.dataSync())).toBeGreaterThan(1e-2);
    expect(maxAbsDiff(t1.dataSync(), t2.dataSync())).toBeGreaterThan(1e-2);
    tf.dispose([a, b, h, mean, variance, t1, t2]);
    expect(tf.memory().numTensors).toBe(before);
    tf.tidy(() => bn.setWeights([bn.getWeights()[0]!, bn.getWeights()[1]!, tf.tensor1d(mean0!), tf.tensor1d(var0!)]));
    x.dispose();
  });

  it('checks the input shape and the options', () => {
    const m = fromLayersModel(model);
    const x = tf.zeros([2, 64]);
    expect(() => m.logits(x)).toThrow(ShapeError);
    expect(() => m.logits(x)).toThrow(/LayersModelAdapter\.logits: x must have shape \[batch,8,8,1\]/);
    x.dispose();
    expect(() => fromLayersModel(model, { output: 'probs' as 'logits' })).toThrow(/fromLayersModel: options\.output must be one of "auto", "logits"/);
    expect(() => fromLayersModel({} as tfl.LayersModel)).toThrow(/fromLayersModel: model must be a tfjs-layers LayersModel/);
  });
});

describe('fromLayersModel: finding the logits', () => {
  const dense = (units: number, activation: 'softmax' | 'sigmoid' | 'linear' | 'relu'): tfl.layers.Layer =>
    tfl.layers.dense({ units, activation, kernelInitializer: tfl.initializers.glorotUniform({ seed: 5 }), biasInitializer: 'glorotUniform' });
  const mlp = (...head: tfl.layers.Layer[]): tfl.Sequential =>
    tfl.sequential({ layers: [tfl.layers.dense({ inputShape: [6], units: 5, activation: 'relu', kernelInitializer: tfl.initializers.glorotUniform({ seed: 4 }) }), ...head] });
  const x = (): tf.Tensor2D => tf.randomNormal([7, 6], 0, 1, 'float32', 6);

  function checkHead(model: tfl.LayersModel, bypassed: 'softmax' | 'sigmoid' | 'none'): void {
    const m = fromLayersModel(model);
    expect(m.bypassed).toBe(bypassed);
    const before = tf.memory().numTensors;
    const xs = x();
    const z = m.logits(xs);
    const p = model.predict(xs) as tf.Tensor;
    const q = bypassed === 'softmax' ? tf.softmax(z) : bypassed === 'sigmoid' ? tf.sigmoid(z) : tf.clone(z);
    expect(maxAbsDiff(q.dataSync(), p.dataSync())).toBeLessThan(1e-6); // see the first test for the tolerance
    if (bypassed !== 'none') expect(maxAbsDiff(z.dataSync(), p.dataSync())).toBeGreaterThan(0.05); // not the output
    tf.dispose([xs, z, p, q]);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  }

  it('bypasses an Activation("softmax") or Softmax last layer (their input is the logits)', () => {
    checkHead(mlp(dense(4, 'linear'), tfl.layers.activation({ activation: 'softmax' })), 'softmax');
    checkHead(mlp(dense(4, 'linear'), tfl.layers.softmax()), 'softmax');
  });

  it('bypasses a sigmoid on one output (a binary model: one logit)', () => {
    const model = mlp(dense(1, 'sigmoid'));
    expect(fromLayersModel(model).numOutputs).toBe(1);
    checkHead(model, 'sigmoid');
  });

  it('uses a linear last layer as is, also behind Dropout', () => {
    checkHead(mlp(dense(4, 'linear')), 'none');
    checkHead(mlp(dense(4, 'linear'), tfl.layers.dropout({ rate: 0.3 })), 'none');
  });

  it('refuses what it cannot read as logits, saying how to fix the model', () => {
    const relu = mlp(dense(4, 'relu'));
    expect(() => fromLayersModel(relu)).toThrow(ArgumentError);
    expect(() => fromLayersModel(relu)).toThrow(/fromLayersModel: model has its last layer .* activation 'relu'.*activation: 'linear'.*\{ output: 'logits' \}/);
    expect(fromLayersModel(relu, { output: 'logits' }).bypassed).toBe('none'); // the user vouches for it
    relu.dispose();
    const multiLabel = mlp(dense(3, 'sigmoid'));
    expect(() => fromLayersModel(multiLabel)).toThrow(/over 3 outputs: a multi-label model/);
    multiLabel.dispose();
    const softmaxThenDropout = mlp(dense(4, 'softmax'), tfl.layers.dropout({ rate: 0.3 }));
    expect(() => fromLayersModel(softmaxThenDropout)).toThrow(/after '.*' \(Dense, activation 'softmax'\)/);
    softmaxThenDropout.dispose();
    const unknown = mlp(dense(4, 'linear'), tfl.layers.leakyReLU());
    expect(() => fromLayersModel(unknown)).toThrow(/LeakyReLU\), a layer advkit does not know \(a custom layer\?\)/);
    unknown.dispose();
  });

  it('disposes the LayersModel only when it owns it', () => {
    const model = mlp(dense(4, 'softmax'));
    const before = tf.memory().numTensors;
    fromLayersModel(model).dispose();
    expect(tf.memory().numTensors).toBe(before);
    fromLayersModel(model, { ownsModel: true }).dispose();
    expect(tf.memory().numTensors).toBe(before - 4); // two dense layers' kernels and biases
  });
});
