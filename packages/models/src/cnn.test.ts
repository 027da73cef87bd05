import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu'; // the reference backend for the gradient comparison
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, ArgumentError, Rng, ShapeError } from '@advkit/core';
import { Cnn, getWeights, type CnnLayer } from './index.js';
import { makeVariable } from './internal/index.js';
import { maxAbs, maxAbsDiff } from '@advkit/test-utils';

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

function uniforms(rng: Rng, n: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.float();
  return out;
}

/**
 * PyTorch semantics written out in float64: Conv2d with zero padding p and stride s (cross-correlation,
 * out = ⌊(n + 2p − k)/s⌋ + 1), ReLU after every hidden layer, flatten in NHWC (h, w, c) order, Linear.
 */
function referenceLogits(x: Float32Array, batch: number, inputShape: number[], layers: CnnLayer[], numClasses: number, weights: Float32Array[]): number[][] {
  let [h, w, c] = inputShape as [number, number, number];
  let a: Float64Array = Float64Array.from(x);
  let p = 0;
  let flat = false;
  let features = 0;
  for (const layer of [...layers, { type: 'dense', units: numClasses } as const]) {
    const W = weights[p++]!;
    const B = weights[p++]!;
    const last = p === weights.length;
    if (layer.type === 'conv') {
      const k = layer.kernelSize, s = layer.stride ?? 1, pad = layer.padding ?? 0, co = layer.filters;
      const oh = Math.floor((h + 2 * pad - k) / s) + 1, ow = Math.floor((w + 2 * pad - k) / s) + 1;
      const out = new Float64Array(batch * oh * ow * co);
      for (let n = 0; n < batch; n++)
        for (let i = 0; i < oh; i++)
          for (let j = 0; j < ow; j++)
            for (let o = 0; o < co; o++) {
              let sum = B[o]!;
              for (let u = 0; u < k; u++)
                for (let v = 0; v < k; v++) {
                  const ii = i * s - pad + u, jj = j * s - pad + v;
                  if (ii < 0 || ii >= h || jj < 0 || jj >= w) continue;
                  for (let ci = 0; ci < c; ci++) sum += a[((n * h + ii) * w + jj) * c + ci]! * W[((u * k + v) * c + ci) * co + o]!;
                }
              out[((n * oh + i) * ow + j) * co + o] = Math.max(0, sum);
            }
      [a, h, w, c] = [out, oh, ow, co];
    } else {
      const inF = flat ? features : h * w * c;
      const outF = layer.units;
      const out = new Float64Array(batch * outF);
      for (let n = 0; n < batch; n++)
        for (let j = 0; j < outF; j++) {
          let sum = B[j]!;
          for (let i = 0; i < inF; i++) sum += a[n * inF + i]! * W[i * outF + j]!;
          out[n * outF + j] = last ? sum : Math.max(0, sum);
        }
      [a, flat, features] = [out, true, outF];
    }
  }
  return Array.from({ length: batch }, (_, n) => Array.from(a.subarray(n * numClasses, (n + 1) * numClasses)));
}

/** Mean softmax cross-entropy of the model's logits against integer labels. */
function crossEntropy(model: Cnn, x: tf.Tensor, labels: tf.Tensor1D): tf.Scalar {
  return tf.losses.softmaxCrossEntropy(tf.oneHot(labels, model.numOutputs), model.logits(x)) as tf.Scalar;
}

/** Gradients of the cross-entropy with respect to every variable (in `model.variables` order) and to x, in one backward pass. */
function gradients(model: Cnn, x: Float32Array, shape: number[], labels: number[]): { params: Float32Array[]; input: Float32Array; loss: number } {
  const xv = makeVariable(tf.tensor(x, shape)); // x as a variable: its gradient comes from the same backward pass
  const yt = tf.tensor1d(labels, 'int32');
  const out = tf.tidy(() => {
    const vars = [...(model.variables as tf.Variable[]), xv];
    const { value, grads } = tf.variableGrads(() => crossEntropy(model, xv, yt), vars);
    return {
      params: model.variables.map((v) => grads[v.name]!.dataSync() as Float32Array),
      input: grads[xv.name]!.dataSync() as Float32Array,
      loss: value.dataSync()[0]!,
    };
  });
  tf.dispose([xv, yt]);
  return out;
}

describe('Cnn', () => {
  it('builds the tutorial architecture: 28 → 14 → 7, Linear(7·7·64 → 100), Linear(100 → 10)', () => {
    const m = new Cnn({ seed: 0 });
    expect(m.inputShape).toEqual([28, 28, 1]);
    expect(m.numOutputs).toBe(10);
    expect(m.variables.map((v) => v.shape)).toEqual([
      [3, 3, 1, 32], [32], [3, 3, 32, 32], [32], [3, 3, 32, 64], [64], [3, 3, 64, 64], [64], [7 * 7 * 64, 100], [100], [100, 10], [10],
    ]);
    const x = tf.zeros([8, 28, 28, 1]);
    const before = tf.memory().numTensors;
    const z = m.logits(x);
    expect(z.shape).toEqual([8, 10]);
    expect(tf.memory().numTensors).toBe(before + 1); // only the returned logits
    z.dispose();
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
    m.dispose();
  });

  it('computes what PyTorch would (a float64 reference with padding, stride and an odd width), with and without gradient recording', () => {
    const layers: CnnLayer[] = [
      { type: 'conv', filters: 3, kernelSize: 3, stride: 2, padding: 1 },
      { type: 'conv', filters: 2, kernelSize: 2 },
      { type: 'dense', units: 4 },
    ];
    const m = new Cnn({ inputShape: [6, 5, 2], numClasses: 3, layers, seed: 3 });
    expect(m.variables.map((v) => v.shape)).toEqual([[3, 3, 2, 3], [3], [2, 2, 3, 2], [2], [2 * 2 * 2, 4], [4], [4, 3], [3]]);
    const xv = uniforms(new Rng(9), 2 * 6 * 5 * 2);
    const ref = referenceLogits(xv, 2, [6, 5, 2], layers, 3, getWeights(m));
    const x = tf.tensor4d(xv, [2, 6, 5, 2]);
    const z = m.logits(x); // inference: fused conv+bias+ReLU kernels
    let taped: number[][] = [];
    const { value, grads } = tf.variableGrads(() => {
      const zt = m.logits(x); // under a gradient tape: the plain ops
      taped = zt.arraySync() as number[][];
      return tf.sum(zt);
    });
    // float32 sums of <= 18 products of O(1) numbers: errors ~1e-6 of the scale.
    const tol = 1e-5 * maxAbs(ref.flat());
    expect(maxAbsDiff((z.arraySync() as number[][]).flat(), ref.flat())).toBeLessThanOrEqual(tol);
    expect(maxAbsDiff(taped.flat(), ref.flat())).toBeLessThanOrEqual(tol);
    expect(maxAbs(ref.flat())).toBeGreaterThan(0.01);
    tf.dispose([x, z, value, ...Object.values(grads)]);
    m.dispose();
  });

  it('initialises like PyTorch: U(±1/√fanIn) with fanIn = inChannels·k·k for convs, deterministic per seed', () => {
    const a = new Cnn({ seed: 1 });
    const b = new Cnn({ seed: 1 });
    const c = new Cnn({ seed: 2 });
    const fanIns = [1 * 9, 1 * 9, 32 * 9, 32 * 9, 32 * 9, 32 * 9, 64 * 9, 64 * 9, 3136, 3136, 100, 100];
    const wa = getWeights(a);
    wa.forEach((w, i) => {
      const bound = 1 / Math.sqrt(fanIns[i]!);
      expect(maxAbs(w)).toBeLessThanOrEqual(bound);
      // max |U(-b, b)| over n >= 10 samples exceeds b/2 with probability 1 - 2^-n: a loose check of the scale.
      expect(maxAbs(w)).toBeGreaterThan(bound / 2);
    });
    // Variance of U(-b, b) is b²/3; the 313,600 weights of the first dense layer pin it to ~0.3%.
    const dense = wa[8]!;
    const v = dense.reduce((s: number, x: number) => s + x * x, 0) / dense.length;
    expect(Math.abs(v / (1 / 3136 / 3) - 1)).toBeLessThan(0.02);
    const same = (p: Float32Array, q: Float32Array): boolean => p.length === q.length && p.every((v, i) => v === q[i]);
    expect(getWeights(b).every((w, i) => same(w, wa[i]!))).toBe(true);
    expect(getWeights(c).some((w, i) => same(w, wa[i]!))).toBe(false);
    [a, b, c].forEach((m) => m.dispose());
  });

  it('disposes its variables and rejects bad options and inputs with typed errors', () => {
    const before = tf.memory().numTensors;
    const m = new Cnn();
    expect(tf.memory().numTensors).toBe(before + 12);
    const flat = tf.zeros([8, 784]);
    expect(() => m.logits(flat)).toThrow(ShapeError);
    expect(() => m.logits(flat)).toThrow(/Cnn.logits: x must have shape \[batch,28,28,1\] to match the model, got \[8,784\]/);
    const nchw = tf.zeros([2, 1, 28, 28]);
    expect(() => m.logits(nchw)).toThrow(ShapeError);
    tf.dispose([flat, nchw]);
    expect(() => m.logits([1, 2] as unknown as tf.Tensor)).toThrow(ArgumentError);
    m.dispose();
    expect(tf.memory().numTensors).toBe(before);

    expect(() => new Cnn({ numClasses: 0 })).toThrow(/Cnn: options.numClasses must be an integer >= 1/);
    expect(() => new Cnn({ inputShape: [28, 28] as unknown as [number, number, number] })).toThrow(/Cnn: options.inputShape must be \[height, width, channels\], got an array of length 2/);
    expect(() => new Cnn({ layers: [{ type: 'dense', units: 5 }, { type: 'conv', filters: 2, kernelSize: 3 }] })).toThrow(
      /Cnn: options.layers\[1\] is a conv layer after a dense layer/,
    );
    expect(() => new Cnn({ layers: [{ type: 'conv', filters: 2, kernelSize: 0 }] })).toThrow(/options.layers\[0\].kernelSize must be an integer >= 1/);
    expect(() => new Cnn({ layers: [{ type: 'pool' } as unknown as CnnLayer] })).toThrow(/options.layers\[0\].type must be one of "conv", "dense"/);
    expect(() => new Cnn({ inputShape: [4, 4, 1], layers: [{ type: 'conv', filters: 2, kernelSize: 5 }] })).toThrow(/kernel larger than its padded 4x4 input/);
    expect(tf.memory().numTensors).toBe(before); // failed constructors allocate nothing
  });

  it('has the same cross-entropy gradients (all parameters and the input) on wasm as on the cpu backend', async () => {
    const rng = new Rng(4);
    // Batch 1: tfjs-cpu's Conv2DBackpropFilter is slow (~1.5 s per image for this net); batches > 1 are
    // covered by the kernel's own tests in @advkit/core.
    const x = uniforms(rng, 28 * 28);
    const labels = [3];
    const m = new Cnn({ seed: 7 });
    const before = tf.memory().numTensors;
    const wasm = gradients(m, x, [1, 28, 28, 1], labels);
    expect(tf.memory().numTensors).toBe(before);
    m.dispose();
    await tf.setBackend('cpu');
    let cpu: ReturnType<typeof gradients>;
    try {
      const mc = new Cnn({ seed: 7 }); // same seed, same weights, created on cpu
      cpu = gradients(mc, x, [1, 28, 28, 1], labels);
      mc.dispose();
    } finally {
      await tf.setBackend('wasm');
    }
    expect(wasm.loss).toBeCloseTo(cpu.loss, 5);
    // Float32 results of two backends that sum in different orders (XNNPACK vs JS loops, our im2col
    // kernel vs tfjs-cpu's loop) through 6 layers: relative differences ~1e-6; 1e-4 of each gradient's
    // scale is far above that and far below any real error (a wrong index moves entries by O(scale)).
    cpu.params.forEach((g, i) => {
      expect(maxAbs(g)).toBeGreaterThan(0); // every layer gets a gradient
      expect(maxAbsDiff(wasm.params[i]!, g)).toBeLessThanOrEqual(1e-4 * maxAbs(g));
    });
    expect(maxAbsDiff(wasm.input, cpu.input)).toBeLessThanOrEqual(1e-4 * maxAbs(cpu.input));
  });

  it('trains on wasm: a few SGD steps reduce the cross-entropy on a small batch', () => {
    const rng = new Rng(8);
    const m = new Cnn({ seed: 5 });
    const x = tf.tensor4d(uniforms(rng, 8 * 28 * 28), [8, 28, 28, 1]);
    const y = tf.tensor1d([0, 1, 2, 3, 4, 5, 6, 7], 'int32');
    const before = tf.memory().numTensors;
    const losses: number[] = [];
    for (let step = 0; step < 6; step++) {
      tf.tidy(() => {
        const { value, grads } = tf.variableGrads(() => crossEntropy(m, x, y), m.variables as tf.Variable[]);
        losses.push(value.dataSync()[0]!);
        for (const v of m.variables) v.assign(tf.sub(v, tf.mul(0.5, grads[v.name]!)));
      });
    }
    expect(tf.memory().numTensors).toBe(before);
    // With PyTorch's init the logits start near 0, so the loss starts near ln 10 ≈ 2.30 and falls slowly at
    // first (seen: 2.32 → 2.22 in 6 steps at lr 0.5). Small steps along the negative gradient must lower it.
    expect(losses[0]).toBeGreaterThan(2.2);
    for (let i = 1; i < losses.length; i++) expect(losses[i]!).toBeLessThan(losses[i - 1]!);
    expect(losses[losses.length - 1]!).toBeLessThan(losses[0]! - 0.05);
    tf.dispose([x, y]);
    m.dispose();
  });
});
