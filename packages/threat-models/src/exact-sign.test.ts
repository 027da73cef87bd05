import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linearMaximizer } from './index.js';

// This file sets the wasm backend up the way a user who never calls advkit's initBackend does:
// `tf.setBackend('wasm')` alone, so tfjs-backend-wasm's own Sign kernel is in place. vitest runs each
// test file in a fresh worker (isolate, the default), and the first test checks that the faulty kernel
// is really there, so a kernel patched elsewhere cannot make this file pass by accident.

const EPS = 0.25;
// float32 values around the faulty kernel's cut-off (1.19e-7), subnormals, zeros, ±∞ and NaN
const G = [3, -3, 1.2e-7, -1.1e-7, 1e-8, -1e-30, 1e-38, 1e-45, -1e-45, 0, -0, Infinity, -Infinity, Number.NaN];
const EXPECTED = G.map((v) => (Number.isNaN(v) ? Number.NaN : v > 0 ? EPS : v < 0 ? -EPS : 0));

function linfStep(): number[] {
  return tf.tidy(() => {
    const d = linearMaximizer(tf.tensor2d([G]), { norm: 'linf', epsilon: EPS });
    return Array.from(d.dataSync());
  });
}

let previous: string;
beforeAll(async () => {
  previous = tf.getBackend();
  expect(await tf.setBackend('wasm')).toBe(true);
});
afterAll(async () => {
  if (previous) await tf.setBackend(previous);
});

describe('the L∞ sign step without advkit set-up (only tf.setBackend)', () => {
  it("precondition: tfjs-backend-wasm's own Sign is active (0 below 1.19e-7 and for NaN)", () => {
    const s = tf.tidy(() => Array.from(tf.sign(tf.tensor1d([1e-8, -1e-8, Number.NaN, 1.2e-7])).dataSync()));
    expect(s).toEqual([0, 0, 0, 1]);
  });

  it('is ε·sign(g) exactly on wasm: tiny and subnormal gradients keep their step, NaN stays NaN, ±0 gives +0', () => {
    expect(linfStep()).toEqual(EXPECTED); // toEqual tells +0 from −0 and treats NaN as equal to NaN
  });

  it('is the same on the cpu backend, bit for bit', async () => {
    const onWasm = linfStep();
    await tf.setBackend('cpu');
    const onCpu = linfStep();
    await tf.setBackend('wasm');
    expect(onCpu).toEqual(onWasm);
    expect(onCpu).toEqual(EXPECTED);
  });

  it('L1: the one coordinate moved gets the exact sign of a tiny gradient', () => {
    const d = tf.tidy(() => Array.from(linearMaximizer(tf.tensor2d([[1e-9, -5e-8, 2e-9]]), { norm: 'l1', epsilon: EPS }).dataSync()));
    expect(d.map((v) => v + 0)).toEqual([0, -EPS, 0]); // `+ 0`: 0·(±1) may be −0
  });
});
