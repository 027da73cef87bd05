import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu'; // the reference: tfjs's own Conv2DBackpropInput on the cpu backend
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, Rng } from './index.js';
import { conv2dGradConfig } from './internal/conv2d-grad.js';

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

type Pad = 'same' | 'valid' | number | [[number, number], [number, number], [number, number], [number, number]];
const cases: Array<{ x: [number, number, number, number]; f: [number, number, number, number]; s: number | [number, number]; pad: Pad }> = [
  { x: [2, 7, 7, 3], f: [3, 3, 3, 4], s: 1, pad: 1 },
  { x: [2, 7, 7, 3], f: [3, 3, 3, 4], s: 2, pad: 1 },
  { x: [1, 8, 6, 2], f: [3, 3, 2, 2], s: 2, pad: 'same' },
  { x: [1, 9, 9, 1], f: [5, 5, 1, 3], s: 2, pad: 'valid' },
  // No unequal strides or non-square kernels here: on tfjs-backend-wasm 4.22, conv2d with strides [2,1]
  // corrupted the wasm heap, and a 2×3 kernel's input gradient disagreed with the cpu backend even
  // through tfjs's own Conv2DBackpropInput. The override sends both to tfjs's kernel; not debugged yet.
  { x: [1, 6, 6, 2], f: [3, 3, 2, 2], s: 1, pad: [[0, 0], [1, 2], [0, 1], [0, 0]] },
  { x: [1, 6, 6, 1], f: [1, 1, 1, 1], s: 1, pad: 3 }, // pad wider than the kernel: dy is cropped first
  { x: [2, 8, 8, 3], f: [3, 3, 3, 4], s: 2, pad: 1 }, // the tutorial CNN's stride-2 layers (even size: no final crop)
  { x: [1, 10, 10, 2], f: [4, 4, 2, 3], s: 2, pad: 1 }, // two taps per residue and axis
  { x: [1, 11, 10, 2], f: [3, 3, 2, 2], s: 3, pad: 'same' },
  { x: [1, 9, 9, 2], f: [2, 2, 2, 2], s: 3, pad: 'valid' }, // kernel < stride: one residue gets no tap (dx = 0 there)
];

function grads(c: (typeof cases)[number], rng: Rng): { dx: Float32Array; dw: Float32Array } {
  const x = tf.tensor4d(rng.fillUniform(new Float32Array(c.x.reduce((a, b) => a * b)), -1, 1), c.x);
  const f = tf.tensor4d(rng.fillUniform(new Float32Array(c.f.reduce((a, b) => a * b)), -1, 1), c.f);
  const [dx, dw] = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.square(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.s, c.pad))))([x, f]);
  const out = { dx: dx!.dataSync() as Float32Array, dw: dw!.dataSync() as Float32Array };
  tf.dispose([x, f, dx!, dw!]);
  return out;
}

describe('Conv2D gradient (input gradient as a plain convolution)', () => {
  it('is registered in place of tfjs-core’s', () => {
    expect(tf.getGradient('Conv2D')).toBe(conv2dGradConfig);
  });

  it.each(cases.map((c, i) => [i, c] as const))('case %i matches tfjs’s Conv2DBackpropInput on the cpu backend', async (i, c) => {
    const onWasm = grads(c, new Rng(i));
    await tf.setBackend('cpu');
    try {
      // The cpu backend runs tfjs's own kernels for the override's fallback and its dx path alike, so
      // compare against tfjs's kernel there directly: runKernel('Conv2DBackpropInput').
      const rng = new Rng(i);
      const x = tf.tensor4d(rng.fillUniform(new Float32Array(c.x.reduce((a, b) => a * b)), -1, 1), c.x);
      const f = tf.tensor4d(rng.fillUniform(new Float32Array(c.f.reduce((a, b) => a * b)), -1, 1), c.f);
      const y = tf.conv2d(x, f, c.s, c.pad);
      const dy = tf.mul(y, 2); // d/dy sum(y²)
      const ref = tf.engine().runKernel('Conv2DBackpropInput', { dy, filter: f }, { strides: c.s, pad: c.pad, dataFormat: 'NHWC', dimRoundingMode: undefined, inputShape: c.x } as never) as tf.Tensor;
      const refDx = ref.dataSync();
      const scale = Math.max(...Array.from(refDx, Math.abs));
      // float32 sums of ≤ 75 products in different orders: 1e-5 of the largest entry
      onWasm.dx.forEach((v, j) => expect(Math.abs(v - refDx[j]!)).toBeLessThanOrEqual(1e-5 * scale));
      tf.dispose([x, f, y, dy, ref]);
    } finally {
      await tf.setBackend('wasm');
    }
  });

  it('leaks nothing', () => {
    const before = tf.memory().numTensors;
    grads(cases[1]!, new Rng(9));
    expect(tf.memory().numTensors).toBe(before);
  });
});
