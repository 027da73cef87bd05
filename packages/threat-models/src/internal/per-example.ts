import * as tf from '@tensorflow/tfjs-core';
import { flatShape } from './checks.js';

/**
 * One example's work in a JS kernel: reads `n` coordinates of `x` and `center` from `offset` and writes
 * `n` float32 results to `out` at the same offset.
 */
export type ExampleKernel = (x: Float32Array, center: Float32Array, offset: number, n: number, out: Float32Array) => void;

/**
 * Runs `kernel` on every example of a batch on the CPU in JS and returns a new float32 tensor of `x`'s
 * shape (owned by the caller). `x` and `center` are read back with `dataSync` (a copy out of the wasm
 * heap; cheap next to the per-example sort the kernels do).
 */
export function mapExamples(x: tf.Tensor, center: tf.Tensor, kernel: ExampleKernel, centerData?: Float32Array): tf.Tensor {
  const [batch, n] = flatShape(x);
  const xs = x.dataSync() as Float32Array;
  const cs = centerData ?? (center.dataSync() as Float32Array);
  const out = new Float32Array(batch * n);
  for (let k = 0; k < batch; k++) kernel(xs, cs, k * n, n, out);
  return tf.tensor(out, x.shape, 'float32');
}
