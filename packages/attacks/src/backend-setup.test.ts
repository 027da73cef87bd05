import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { initBackend, Rng } from '@advkit/core';
import { Cnn, Mlp, getWeights, setWeights, type Model } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { fgsm, inputGradient, pgd } from './index.js';

// #11 item 3: the attacks give the same adversarial examples however the backend was set up.
//
// This file starts the way a user who never heard of advkit's initBackend does: it imports
// @tensorflow/tfjs-backend-wasm and calls `tf.setBackend('wasm')`, nothing else, so tfjs-backend-wasm's
// own Sign kernel (0 for |x| < 1.19e-7 and for NaN) is in place. It attacks, then calls initBackend
// (which replaces that kernel process-wide) and attacks again: the results must be bit-identical.
// vitest runs every test file in a fresh worker (`isolate`, on by default, not turned off in this
// project's or the root config), and the first test checks that the faulty kernel really is active,
// so a kernel patched by another file could not make this one pass by accident. The tests run in order.

const BOX = { min: 0, max: 1 };
const N = 40;

// Freshly initialised nets have logit gaps of about 0.1; their last layer is scaled (×100, ×400) so the
// gaps spread over 1–40 and about a fifth to a third of the input-gradient entries fall below 1.19e-7
// (checked by the second test), as for a trained, confident model (the MNIST model had logits ×10).

/** A confident 3-class MLP. */
function confidentMlp(): Mlp {
  const m = new Mlp({ inputShape: [24], hiddenSizes: [16], numClasses: 3, seed: 5 });
  const w = getWeights(m);
  setWeights(m, w.map((a, i) => (i >= 2 ? a.map((v) => 100 * v) : a)));
  return m;
}

function confidentCnn(): Cnn {
  const m = new Cnn({ inputShape: [6, 6, 1], numClasses: 3, layers: [{ type: 'conv', filters: 4, kernelSize: 3, stride: 1, padding: 1 }, { type: 'dense', units: 8 }], seed: 3 });
  const w = getWeights(m);
  setWeights(m, w.map((a, i) => (i >= w.length - 2 ? a.map((v) => 400 * v) : a)));
  return m;
}

interface Case {
  name: string;
  model: Model;
  x: tf.Tensor;
  y: tf.Tensor;
}

let cases: Case[] = [];

function data(model: Model, seed: number): { x: tf.Tensor; y: tf.Tensor } {
  const d = model.inputShape.reduce((a, b) => a * b, 1);
  const x = tf.tensor(new Rng(seed).fillUniform(new Float32Array(N * d), 0, 1), [N, ...model.inputShape]);
  // labels = the model's own predictions: correctly and (mostly) confidently classified
  const y = tf.tidy(() => tf.argMax(model.logits(x), 1));
  return { x, y };
}

/** Every attack this file compares, as flat arrays (L∞ ε = 0.1 with the [0, 1] box). */
function attackAll(): Record<string, Float32Array> {
  const threatModel = new LpBall({ norm: 'linf', epsilon: 0.1, box: BOX });
  const out: Record<string, Float32Array> = {};
  for (const c of cases) {
    const runs: [string, () => tf.Tensor][] = [
      ['fgsm', () => fgsm(c.model, c.x, c.y, { threatModel })],
      ['pgd', () => pgd(c.model, c.x, c.y, { threatModel, steps: 8, stepSize: 0.03, randomStart: false })],
      ['pgd-rs', () => pgd(c.model, c.x, c.y, { threatModel, steps: 8, stepSize: 0.03, restarts: 2, seed: 7 })],
      ['pgd-margin', () => pgd(c.model, c.x, c.y, { threatModel, steps: 8, loss: 'margin', randomStart: false })],
    ];
    for (const [name, run] of runs) {
      const t = run();
      out[`${c.name}/${name}`] = t.dataSync() as Float32Array;
      t.dispose();
    }
  }
  return out;
}

/** The L∞ FGSM step as advkit computed it before #11 item 3, with tf.sign (whatever kernel is registered). */
function fgsmWithTfSign(c: Case): Float32Array {
  return tf.tidy(() => {
    const g = inputGradient(c.model, c.x, c.y);
    return tf.clipByValue(tf.add(c.x, tf.mul(tf.sign(g), 0.1)), 0, 1).dataSync() as Float32Array;
  });
}

let alone: Record<string, Float32Array>;
let oldWayAlone: Float32Array[];

describe('attacks after tf.setBackend("wasm") alone equal those after initBackend', () => {
  it("precondition: only tf.setBackend('wasm'); tfjs-backend-wasm's own Sign is active", async () => {
    expect(await tf.setBackend('wasm')).toBe(true);
    expect(tf.getBackend()).toBe('wasm');
    expect(tf.tidy(() => Array.from(tf.sign(tf.tensor1d([1e-8, -1e-8, 1.2e-7])).dataSync()))).toEqual([0, 0, 1]);
    cases = [
      { name: 'mlp', model: confidentMlp(), ...data(confidentMlp(), 1) },
      { name: 'cnn', model: confidentCnn(), ...data(confidentCnn(), 2) },
    ];
  });

  it('precondition: the models have input-gradient entries below 1.19e-7 (where the faulty Sign gives 0)', () => {
    for (const c of cases) {
      const g = tf.tidy(() => inputGradient(c.model, c.x, c.y).dataSync() as Float32Array);
      const tiny = g.filter((v) => v !== 0 && Math.abs(v) < 1.19e-7).length;
      const normal = g.filter((v) => Math.abs(v) >= 1.19e-7).length;
      // both kinds, in a fair share: the test needs tiny ones, and normal ones so that steps happen at all
      expect(tiny, c.name).toBeGreaterThan(g.length / 10);
      expect(normal, c.name).toBeGreaterThan(g.length / 10);
    }
  });

  it('attacks without initBackend; the tf.sign step differs from fgsm there (so this test can fail)', () => {
    alone = attackAll();
    oldWayAlone = cases.map(fgsmWithTfSign);
    cases.forEach((c, i) => {
      const viaFgsm = alone[`${c.name}/fgsm`]!;
      const differing = oldWayAlone[i]!.filter((v, q) => v !== viaFgsm[q]).length;
      expect(differing, c.name).toBeGreaterThan(0);
    });
  });

  it('after initBackend (Sign replaced process-wide), every attack returns bit-identical adversarial examples', async () => {
    const info = await initBackend({ backend: 'wasm' });
    expect(info.backend).toBe('wasm');
    expect(tf.tidy(() => Array.from(tf.sign(tf.tensor1d([1e-8, -1e-8, 1.2e-7])).dataSync()))).toEqual([1, -1, 1]);
    const patched = attackAll();
    expect(Object.keys(patched)).toEqual(Object.keys(alone));
    for (const key of Object.keys(alone)) {
      const a = alone[key]!;
      const b = patched[key]!;
      const differing = a.filter((v, q) => !Object.is(v, b[q])).length;
      expect(differing, key).toBe(0);
    }
    // and with the patched kernel, the tf.sign step is the fgsm step again (the old way was right only here)
    cases.forEach((c) => expect(fgsmWithTfSign(c), c.name).toEqual(patched[`${c.name}/fgsm`]));
  });

  it('frees its tensors', () => {
    for (const c of cases) {
      tf.dispose([c.x, c.y]);
      tf.dispose(c.model.variables as tf.Variable[]);
    }
  });
});
