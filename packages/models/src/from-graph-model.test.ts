import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu'; // the second backend the gradients are checked on
import { loadGraphModel, type GraphModel } from '@tensorflow/tfjs-converter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArgumentError, ShapeError, initBackend } from '@advkit/core';
import { Cnn, Mlp, fromGraphModel, getWeights } from './index.js';
import { cnnGraph, dirHandler, maxAbsDiff, mlpGraph, writeGraphModel } from '@advkit/test-utils';

let dir: string;
beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
  dir = mkdtempSync(join(tmpdir(), 'advkit-graph-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await tf.setBackend('wasm');
});

/** Writes artifacts as model.json + weights.bin in a fresh directory and loads them with tf.loadGraphModel. */
async function loadFromFiles(name: string, artifacts: tf.io.ModelArtifacts): Promise<GraphModel> {
  writeGraphModel(join(dir, name), artifacts);
  return loadGraphModel(dirHandler(join(dir, name)));
}

/** Input gradient of the summed cross-entropy of `logits` against labels `y` at `x`. */
function ceInputGradient(logits: (x: tf.Tensor) => tf.Tensor, x: tf.Tensor, y: tf.Tensor, k: number): Float32Array {
  return tf.tidy(() => {
    const onehot = tf.cast(tf.oneHot(y, k), 'float32');
    const g = tf.grad((xi: tf.Tensor) => tf.losses.softmaxCrossEntropy(onehot, logits(xi), undefined, undefined, tf.Reduction.SUM))(x);
    return g.dataSync() as Float32Array;
  });
}

describe('fromGraphModel on graph-model files (converter format) with a trailing Softmax', () => {
  const sizes = [6, 5, 4, 3];
  let mlp: Mlp;
  let graph: GraphModel;
  beforeAll(async () => {
    mlp = new Mlp({ inputShape: [6], hiddenSizes: [5, 4], numClasses: 3, seed: 7 });
    graph = await loadFromFiles('mlp', mlpGraph(getWeights(mlp), sizes));
  });
  afterAll(() => {
    mlp.dispose();
    graph.dispose();
  });

  it('finds the logits (the Softmax input) and equals advkit\'s Mlp with the same weights', () => {
    const before = tf.memory().numTensors;
    const m = fromGraphModel(graph);
    expect(tf.memory().numTensors).toBe(before);
    expect(m.logitsNode).toBe('dense_3/BiasAdd');
    expect(m.inputShape).toEqual([6]);
    expect(m.numOutputs).toBe(3);
    expect(m.trainable).toBe(false);
    expect(m.variables).toEqual([]);
    const x = tf.randomNormal([20, 6], 0, 1, 'float32', 1);
    const z = m.logits(x);
    const ref = mlp.logits(x);
    expect(tf.memory().numTensors).toBe(before + 3);
    // The same float32 ops (MatMul, bias add, ReLU) in the same order on the same backend: the graph
    // executor calls the same kernels, so the logits agree to float32 rounding (sums of <= 6 products:
    // 1e-6); they were measured equal.
    const d = maxAbsDiff(z.dataSync(), ref.dataSync());
    expect(d).toBeLessThan(1e-6);
    const p = graph.execute(x) as tf.Tensor; // the graph's own output: probabilities
    expect(maxAbsDiff(tf.tidy(() => tf.softmax(z).dataSync()), p.dataSync())).toBeLessThan(1e-6);
    tf.dispose([x, z, ref, p]);
    m.dispose(); // does not own the graph
    expect(tf.memory().numTensors).toBe(before);
  });

  it('differentiates through GraphModel.execute (MatMul, BiasAdd, Relu, Softmax) on wasm and cpu like the Mlp', async () => {
    const m = fromGraphModel(graph);
    const x = tf.randomNormal([10, 6], 0, 1, 'float32', 2);
    const y = tf.tensor1d([0, 1, 2, 0, 1, 2, 0, 1, 2, 0], 'int32');
    const before = tf.memory().numTensors;
    const gWasm = ceInputGradient((xi) => m.logits(xi), x, y, 3);
    const refWasm = ceInputGradient((xi) => mlp.logits(xi), x, y, 3);
    expect(tf.memory().numTensors).toBe(before);
    expect(gWasm.some((v) => v !== 0)).toBe(true);
    // Backprop through the same ops in the same order: 1e-6 (O(1) values, float32).
    expect(maxAbsDiff(gWasm, refWasm)).toBeLessThan(1e-6);
    const xs = Array.from(x.dataSync());
    const ys = Array.from(y.dataSync());
    tf.dispose([x, y]);
    await tf.setBackend('cpu');
    try {
      // The graph's constants live on wasm; tfjs moves them to cpu on first use.
      const xc = tf.tensor2d(xs, [10, 6]);
      const yc = tf.tensor1d(ys, 'int32');
      const gCpu = ceInputGradient((xi) => m.logits(xi), xc, yc, 3);
      // Different kernels (JS vs wasm SIMD; different summation order): 1e-5 on O(1) gradients.
      expect(maxAbsDiff(gCpu, gWasm)).toBeLessThan(1e-5);
      tf.dispose([xc, yc]);
    } finally {
      await tf.setBackend('wasm');
    }
  });

  it('uses a named logits node, and the output itself with output: "logits"', async () => {
    const byName = fromGraphModel(graph, { logitsNode: 'dense_2/Relu' });
    expect(byName.numOutputs).toBe(4);
    const noSoftmax = await loadFromFiles('mlp-logits', mlpGraph(getWeights(mlp), sizes, { head: null }));
    const auto = fromGraphModel(noSoftmax); // ends in BiasAdd: logits as is
    expect(auto.logitsNode).toBe('dense_3/BiasAdd');
    const declared = fromGraphModel(graph, { output: 'logits' });
    expect(declared.logitsNode).toBe('probs');
    noSoftmax.dispose();
    expect(() => fromGraphModel(graph, { logitsNode: 'nope' })).toThrow(/fromGraphModel: model could not be run up to the logits node 'nope'/);
  });

  it('looks through Identity output nodes, bypasses a Sigmoid on one output', async () => {
    const g = await loadFromFiles('identity', mlpGraph(getWeights(mlp), sizes, { identity: true }));
    expect(g.outputNodes).toEqual(['Identity']);
    expect(fromGraphModel(g).logitsNode).toBe('dense_3/BiasAdd');
    g.dispose();
    const binary = new Mlp({ inputShape: [6], hiddenSizes: [5], numClasses: 1, seed: 8 });
    const s = await loadFromFiles('sigmoid', mlpGraph(getWeights(binary), [6, 5, 1], { head: 'Sigmoid' }));
    const m = fromGraphModel(s);
    expect(m.logitsNode).toBe('dense_2/BiasAdd');
    expect(m.numOutputs).toBe(1);
    const x = tf.randomNormal([4, 6], 0, 1, 'float32', 3);
    expect(maxAbsDiff(tf.tidy(() => m.logits(x).dataSync()), tf.tidy(() => binary.logits(x).dataSync()))).toBeLessThan(1e-6);
    tf.dispose(x);
    binary.dispose();
    s.dispose();
  });

  it('refuses a graph whose output it cannot read as logits, saying how to name them', async () => {
    const relu = await loadFromFiles('relu-end', mlpGraph(getWeights(mlp), sizes, { head: 'Relu' }));
    expect(() => fromGraphModel(relu)).toThrow(ArgumentError);
    expect(() => fromGraphModel(relu)).toThrow(/fromGraphModel: model ends in the op Relu \('probs'\).*\{ logitsNode: '<node name>' \}.*\{ output: 'logits' \}/);
    relu.dispose();
    // A Sigmoid over 3 outputs is multi-label, not a softmax classifier: not bypassed.
    const multi = await loadFromFiles('sigmoid-3', mlpGraph(getWeights(mlp), sizes, { head: 'Sigmoid' }));
    expect(() => fromGraphModel(multi)).toThrow(/ends in a Sigmoid over 3 outputs: a multi-label model/);
    multi.dispose();
  });

  it('checks the input shape', () => {
    const m = fromGraphModel(graph);
    const x = tf.zeros([2, 5]);
    expect(() => m.logits(x)).toThrow(ShapeError);
    x.dispose();
    expect(() => fromGraphModel({} as GraphModel)).toThrow(/fromGraphModel: model must be a tfjs-converter GraphModel/);
  });
});

describe('fromGraphModel on a conv net (Conv2D, BiasAdd, Relu, Reshape, MatMul, Softmax)', () => {
  it('equals advkit\'s Cnn with the same weights, logits and input gradients, on wasm and cpu', async () => {
    const cnn = new Cnn({ inputShape: [6, 6, 2], layers: [{ type: 'conv', filters: 3, kernelSize: 3 }], numClasses: 4, seed: 3 });
    const graph = await loadFromFiles('cnn', cnnGraph(getWeights(cnn), [6, 6, 2], 3, 3, 4));
    const m = fromGraphModel(graph);
    expect(m.logitsNode).toBe('logits');
    expect(m.inputShape).toEqual([6, 6, 2]);
    expect(m.numOutputs).toBe(4);
    const x = tf.randomUniform([5, 6, 6, 2], 0, 1, 'float32', 4);
    const y = tf.tensor1d([0, 1, 2, 3, 0], 'int32');
    const before = tf.memory().numTensors;
    const z = tf.tidy(() => m.logits(x).dataSync());
    const ref = tf.tidy(() => cnn.logits(x).dataSync());
    // Cnn uses fused conv+bias+ReLU kernels, the graph separate ops: same products, summation order may
    // differ; sums of <= 18 products of O(1) values then a 48-term dense layer: 1e-5.
    expect(maxAbsDiff(z, ref)).toBeLessThan(1e-5);
    const g = ceInputGradient((xi) => m.logits(xi), x, y, 4);
    const gRef = ceInputGradient((xi) => cnn.logits(xi), x, y, 4);
    expect(maxAbsDiff(g, gRef)).toBeLessThan(1e-5);
    expect(tf.memory().numTensors).toBe(before);
    const xs = Array.from(x.dataSync());
    const ys = Array.from(y.dataSync());
    tf.dispose([x, y]);
    await tf.setBackend('cpu');
    try {
      const xc = tf.tensor4d(xs, [5, 6, 6, 2]);
      const yc = tf.tensor1d(ys, 'int32');
      const gCpu = ceInputGradient((xi) => m.logits(xi), xc, yc, 4);
      expect(maxAbsDiff(gCpu, gRef)).toBeLessThan(1e-5); // JS vs wasm kernels, see above
      tf.dispose([xc, yc]);
    } finally {
      await tf.setBackend('wasm');
    }
    cnn.dispose();
    fromGraphModel(graph, { ownsModel: true }).dispose();
  });
});
