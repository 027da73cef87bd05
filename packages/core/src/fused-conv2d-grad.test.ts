import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { AdvkitError, initBackend, Rng } from './index.js';
import { fusedConv2dGradConfig } from './internal/fused-conv2d-grad.js';

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

type Pad = 'same' | 'valid' | number | [[number, number], [number, number], [number, number], [number, number]];
const cases: Array<{ x: [number, number, number, number]; f: [number, number, number, number]; s: number; pad: Pad; activation: 'relu' | 'linear' }> = [
  { x: [2, 7, 7, 3], f: [3, 3, 3, 4], s: 1, pad: [[0, 0], [1, 1], [1, 1], [0, 0]], activation: 'relu' }, // the tutorial CNN's layers
  { x: [2, 8, 8, 3], f: [3, 3, 3, 4], s: 2, pad: [[0, 0], [1, 1], [1, 1], [0, 0]], activation: 'relu' },
  { x: [1, 9, 9, 1], f: [5, 5, 1, 3], s: 2, pad: 'valid', activation: 'relu' },
  { x: [2, 6, 6, 2], f: [3, 3, 2, 2], s: 1, pad: 'same', activation: 'linear' },
];

function tensors(c: (typeof cases)[number], seed: number): [tf.Tensor4D, tf.Tensor4D, tf.Tensor1D] {
  const rng = new Rng(seed);
  const u = (shape: number[]) => rng.fillUniform(new Float32Array(shape.reduce((a, b) => a * b)), -1, 1);
  return [tf.tensor4d(u(c.x), c.x), tf.tensor4d(u(c.f), c.f), tf.tensor1d(u([c.f[3]]))];
}

/** Gradients of Σ y·w (w fixed weights, so that every output gets its own dy) through `f`. */
function grads(c: (typeof cases)[number], seed: number, conv: (x: tf.Tensor4D, f: tf.Tensor4D, b: tf.Tensor1D) => tf.Tensor4D): Float32Array[] {
  const [x, f, b] = tensors(c, seed);
  const w = tf.tidy(() => tf.randomUniform(conv(x, f, b).shape, -1, 1, 'float32', seed + 1));
  const gs = tf.grads((a: tf.Tensor, k: tf.Tensor, bb: tf.Tensor) => tf.sum(tf.mul(conv(a as tf.Tensor4D, k as tf.Tensor4D, bb as tf.Tensor1D), w)))([x, f, b]);
  const out = gs.map((g) => g.dataSync() as Float32Array);
  tf.dispose([x, f, b, w, ...gs]);
  return out;
}

const fused = (c: (typeof cases)[number]) => (x: tf.Tensor4D, f: tf.Tensor4D, b: tf.Tensor1D) =>
  tf.engine().runKernel('FusedConv2D', { x, filter: f, bias: b }, { strides: c.s, pad: c.pad, dataFormat: 'NHWC', dilations: 1, activation: c.activation } as never) as tf.Tensor4D;
// tfjs's unfused ops, each with its own gradient: conv2d (advkit's Conv2D gradient, checked against
// tfjs's Conv2DBackpropInput in conv2d-grad.test.ts), add, and relu (tfjs-core's)
const unfused = (c: (typeof cases)[number]) => (x: tf.Tensor4D, f: tf.Tensor4D, b: tf.Tensor1D) => {
  const y = tf.add(tf.conv2d(x, f, c.s, c.pad), b) as tf.Tensor4D;
  return c.activation === 'relu' ? tf.relu(y) : y;
};

describe('FusedConv2D gradient', () => {
  it('is registered', () => {
    expect(tf.getGradient('FusedConv2D')).toBe(fusedConv2dGradConfig);
  });

  it.each(cases.map((c, i) => [i, c] as const))('case %i: ∂x, ∂W, ∂b equal those of conv2d + add + relu, on wasm and on cpu', async (i, c) => {
    for (const backend of ['wasm', 'cpu']) {
      await tf.setBackend(backend);
      try {
        const a = grads(c, 10 + i, fused(c));
        const b = grads(c, 10 + i, unfused(c));
        a.forEach((g, k) => {
          const ref = b[k]!;
          const scale = Math.max(...Array.from(ref, Math.abs));
          expect(scale).toBeGreaterThan(0);
          // the same sums; only the forward's rounding differs (the fused kernel adds the bias inside the
          // convolution's accumulation), which can flip a ReLU mask only at |pre-activation| ~1e-7:
          // 1e-5 of the largest entry
          g.forEach((v, j) => expect(Math.abs(v - ref[j]!)).toBeLessThanOrEqual(1e-5 * scale));
        });
      } finally {
        await tf.setBackend('wasm');
      }
    }
  });

  it('leaks nothing', () => {
    const before = tf.memory().numTensors;
    grads(cases[1]!, 3, fused(cases[1]!));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('throws a typed error for an activation it does not cover', () => {
    const c = { ...cases[0]!, activation: 'elu' as 'relu' };
    const [x, f, b] = tensors(c, 1);
    expect(() => tf.grad((a: tf.Tensor) => tf.sum(fused(c)(a as tf.Tensor4D, f, b)))(x)).toThrow(AdvkitError);
    expect(() => tf.grad((a: tf.Tensor) => tf.sum(fused(c)(a as tf.Tensor4D, f, b)))(x)).toThrow(/FusedConv2D gradient: activation 'elu'/);
    tf.dispose([x, f, b]);
  });
});
