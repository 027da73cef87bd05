// Run by init-backend.test.ts as a child process: plain Node ESM, no bundler, no vitest.
import * as tf from '@tensorflow/tfjs-core';
import { initBackend } from '@advkit/core';

const info = await initBackend({ backend: 'wasm' });
// d/dx sum(x^2 * w) = 2 x w : a closed form to compare against.
const x = tf.tensor1d([1, -2, 3]);
const w = tf.tensor1d([0.5, 4, -1]);
const g = tf.grad((v) => tf.sum(tf.mul(tf.square(v), w)))(x);
console.log(JSON.stringify({ ...info, grad: Array.from(g.dataSync()) }));
