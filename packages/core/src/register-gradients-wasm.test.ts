import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu'; // the reference backend
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { registerGradients, Rng } from './index.js';

// A program that set the backend up with `tf.setBackend('wasm')` alone (no initBackend, no
// registerWasmKernels; vitest runs this file in a fresh worker): the gradient of a conv filter and of
// tf.gather need kernels tfjs-backend-wasm 4.22 lacks. registerGradients, which every advkit attack and
// trainer calls, adds them, and replaces nothing.

function filterGradient(): Float32Array {
  const rng = new Rng(3);
  return tf.tidy(() => {
    const x = tf.tensor4d(rng.fillUniform(new Float32Array(2 * 5 * 5 * 2), -1, 1), [2, 5, 5, 2]);
    const w = tf.tensor4d(rng.fillUniform(new Float32Array(3 * 3 * 2 * 3), -1, 1), [3, 3, 2, 3]);
    return tf.grad((f: tf.Tensor) => tf.sum(tf.square(tf.conv2d(x, f as tf.Tensor4D, 2, 1))))(w).dataSync() as Float32Array;
  });
}

function gatherGradient(): number[] {
  return tf.tidy(() => Array.from(tf.grad((p: tf.Tensor) => tf.sum(tf.gather(p, tf.tensor1d([0, 2, 2], 'int32'))))(tf.tensor1d([1, 2, 3])).dataSync()));
}

describe('registerGradients after tf.setBackend("wasm") alone', () => {
  it('adds the kernels conv-filter and gather gradients need on wasm, and leaves every existing kernel alone', async () => {
    expect(await tf.setBackend('wasm')).toBe(true);
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeUndefined();
    expect(tf.getKernel('UnsortedSegmentSum', 'wasm')).toBeUndefined();
    const sign = tf.getKernel('Sign', 'wasm')!.kernelFunc;
    registerGradients();
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeDefined();
    expect(tf.getKernel('UnsortedSegmentSum', 'wasm')).toBeDefined();
    expect(tf.getKernel('Sign', 'wasm')!.kernelFunc).toBe(sign); // tfjs's own Sign is not replaced
    registerGradients(); // idempotent
  });

  it('then the gradients match the cpu backend (conv filter: float32 sums of 50 products, 1e-5; gather: exact)', async () => {
    const onWasm = filterGradient();
    expect(gatherGradient()).toEqual([1, 0, 2]);
    await tf.setBackend('cpu');
    const onCpu = filterGradient();
    await tf.setBackend('wasm');
    expect(onWasm.length).toBe(onCpu.length);
    onWasm.forEach((v, i) => expect(v).toBeCloseTo(onCpu[i]!, 5));
  });
});
