import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArgumentError, ShapeError, initBackend } from '@advkit/core';
import { perExampleError, perExampleLoss } from './index.js';

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

/** log(1 + e^{−m}) and −log softmax(z)_y in float64 (log-sum-exp with the max taken out). */
const logistic = (m: number) => Math.log1p(Math.exp(-m));
function crossEntropy(z: number[], y: number): number {
  const max = Math.max(...z);
  return Math.log(z.reduce((s, v) => s + Math.exp(v - max), 0)) + max - z[y]!;
}

// float32 inputs and float32 softplus/logSoftmax: 1e-5 relative covers the rounding of values of order 1–10.
const close = (got: ArrayLike<number>, want: number[]) => want.forEach((w, i) => expect(got[i]).toBeCloseTo(w, 5));

describe('perExampleLoss', () => {
  it('is the logistic loss of the margin y·f(x) for binary logits', () => {
    const f = [2, -1, 0, 30, -30];
    const y = [1, 1, -1, -1, -1];
    const logits = tf.tensor2d(f, [5, 1]);
    const labels = tf.tensor1d(y);
    const before = tf.memory().numTensors;
    const l = perExampleLoss(logits, labels);
    expect(tf.memory().numTensors).toBe(before + 1);
    expect(l.shape).toEqual([5]);
    close(l.dataSync(), f.map((v, i) => logistic(v * y[i]!)));
    tf.dispose([logits, labels, l]);
  });

  it('is −log softmax(z)_y for K classes, with int32 or float32 class indices', () => {
    const z = [
      [1, 2, 3],
      [0, 0, 0],
      [10, -5, 2],
    ];
    const y = [0, 2, 0];
    const logits = tf.tensor2d(z);
    for (const dtype of ['int32', 'float32'] as const) {
      const labels = tf.tensor1d(y, dtype);
      const l = perExampleLoss(logits, labels);
      close(l.dataSync(), z.map((row, i) => crossEntropy(row, y[i]!)));
      tf.dispose([labels, l]);
    }
    logits.dispose();
  });

  it('has the gradient of the logistic loss, −y·σ(−m), with respect to the logits', () => {
    const logits = tf.tensor2d([0.5, -2], [2, 1]);
    const labels = tf.tensor1d([1, -1]);
    const g = tf.grad((z: tf.Tensor) => tf.sum(perExampleLoss(z, labels)))(logits);
    const sigma = (v: number) => 1 / (1 + Math.exp(-v));
    close(g.dataSync(), [-1 * sigma(-0.5), 1 * sigma(-2)]);
    tf.dispose([logits, labels, g]);
  });

  it('rejects bad arguments with typed errors naming the function', () => {
    const logits = tf.zeros([2, 3]);
    expect(() => perExampleLoss(logits, tf.tensor1d([0, 1, 2], 'int32'))).toThrow(ShapeError);
    expect(() => perExampleLoss(logits, tf.tensor1d([0, 1, 2], 'int32'))).toThrow(/perExampleLoss: y must hold one label per row of logits \(2\)/);
    expect(() => perExampleLoss(tf.zeros([2]), tf.tensor1d([0, 1]))).toThrow(/perExampleLoss: logits/);
    expect(() => perExampleLoss([[1]] as never, tf.tensor1d([0]))).toThrow(ArgumentError);
    logits.dispose();
  });
});

describe('perExampleError', () => {
  it('is 1 where the sign (binary) or the argmax (K classes) differs from the label', () => {
    const bin = perExampleError(tf.tensor2d([2, -1, 0, -3], [4, 1]), tf.tensor1d([1, 1, 1, -1]));
    // f(x) = 0 predicts −1 (+1 iff f(x) > 0)
    expect(Array.from(bin.dataSync())).toEqual([0, 1, 1, 0]);
    const multi = perExampleError(tf.tensor2d([[1, 2, 3], [5, 0, 0], [0, 4, 1]]), tf.tensor1d([2, 1, 1], 'int32'));
    expect(Array.from(multi.dataSync())).toEqual([0, 1, 0]);
    expect(multi.dtype).toBe('float32');
    tf.dispose([bin, multi]);
  });

  it('frees its intermediates and checks its arguments', () => {
    const logits = tf.tensor2d([[1, 2]]);
    const y = tf.tensor1d([1], 'int32');
    const before = tf.memory().numTensors;
    perExampleError(logits, y).dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(() => perExampleError(logits, tf.tensor1d([1, 0], 'int32'))).toThrow(/perExampleError: y must hold one label per row/);
    tf.dispose([logits, y]);
  });
});
