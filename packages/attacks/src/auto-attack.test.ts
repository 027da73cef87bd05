import * as tf from '@tensorflow/tfjs-core';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, ArgumentError } from '@advkit/core';
import { Mlp } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { apgd, autoAttack, blackBoxModel, square } from './index.js';
import { runReferenceAttack } from './test-utils/auto-attack-fixture.js';

// The fixture: an MLP 400-32-10 trained by advkit (PGD, central 20×20 MNIST crops) and 40 test images,
// with the reference AutoAttack's per-example robust flags (fra31/auto-attack on Debian's torch), made
// by scripts/crosscheck-autoattack/make-fixture.mjs and reference.py --fixture (the untargeted FAB
// results at L∞ 0.1 and L2 1.5 and the L1 ε=10 case — APGD-CE and APGD-T, later FAB-T and Square — added
// by reference.py --fixture --cases, which keeps the other results).
interface Fixture {
  model: { layers: { weight: number[]; shape: [number, number]; bias: number[] }[] };
  images: number[];
  labels: number[];
  reference: { norm: 'Linf' | 'L2' | 'L1'; eps: number; clean: number[]; attacks: Record<string, { robust: number[] }> }[];
}
const fixture = JSON.parse(readFileSync(new URL('./test-fixtures/autoattack-reference.json', import.meta.url), 'utf8')) as Fixture;

let model: Mlp;
let x: tf.Tensor2D;
let y: tf.Tensor1D;

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
  model = new Mlp({ inputShape: [400], hiddenSizes: [32], numClasses: 10 });
  model.layers.forEach((l, i) => {
    const { weight, shape, bias } = fixture.model.layers[i]!;
    tf.tidy(() => {
      l.weight.assign(tf.transpose(tf.tensor2d(weight, shape)));
      l.bias.assign(tf.tensor1d(bias));
    });
  });
  x = tf.tensor2d(Float32Array.from(fixture.images, (v) => v / 255), [fixture.labels.length, 400]);
  y = tf.tensor1d(fixture.labels, 'int32');
});

function robustFlags(xAdv: tf.Tensor): number[] {
  const pred = tf.tidy(() => tf.argMax(model.logits(xAdv), 1).dataSync());
  return Array.from(pred, (p, i) => (p === fixture.labels[i] ? 1 : 0));
}

// The random draws differ from the reference's (torch's generator vs advkit's Rng), so only examples
// near the boundary can differ: on 1000 MNIST images every attack agreed on ≥ 99.5% of the examples.
// On these 40 images we allow 2 examples (5%) of disagreement per attack.
const allowed = 2;

describe('AutoAttack against the reference on the fixture (same weights and images)', () => {
  for (const ref of fixture.reference) {
    const norm = ref.norm === 'Linf' ? 'linf' : ref.norm === 'L2' ? 'l2' : 'l1';
    const threatModel = new LpBall({ norm, epsilon: ref.eps, box: { min: 0, max: 1 } });
    for (const name of Object.keys(ref.attacks).filter((a) => a !== 'standard')) {
      it(`${name}, ${norm} ε=${ref.eps}: per-example robust flags as the reference's (±${allowed})`, async () => {
        const before = tf.memory().numTensors;
        const xAdv = await runReferenceAttack(name, model, x, y, threatModel);
        expect(tf.memory().numTensors).toBe(before + 1);
        expect(threatModel.contains(xAdv, x).every(Boolean)).toBe(true);
        const got = robustFlags(xAdv);
        xAdv.dispose();
        const want = ref.attacks[name]!.robust;
        const differ = got.filter((v, i) => v !== want[i]).length;
        expect(differ).toBeLessThanOrEqual(allowed);
      });
    }
    // the ensemble once (L2, where its attacks differ most), to keep the file well under a minute
    if (norm !== 'l2') continue;
    it(`standard ensemble, ${norm} ε=${ref.eps}: robust error and flags as the reference's`, async () => {
      const before = tf.memory().numTensors;
      const res = await autoAttack(model, x, y, { threatModel });
      expect(tf.memory().numTensors).toBe(before + 1);
      const got = res.robust.map((b) => (b ? 1 : 0));
      expect(got).toEqual(robustFlags(res.xAdv)); // the flags describe the returned examples
      res.xAdv.dispose();
      const want = ref.attacks.standard!.robust;
      expect(got.filter((v, i) => v !== want[i]).length).toBeLessThanOrEqual(allowed);
      expect(res.cleanError).toBeCloseTo(1 - ref.clean.reduce((a, b) => a + b, 0) / ref.clean.length, 12);
      expect(res.robustError).toBe(got.filter((v) => v === 0).length / got.length);
      res.brokenBy.forEach((b, i) => expect(b === null).toBe(res.robust[i]));
      expect(res.warnings).toEqual([]);
    });
  }
});

describe('autoAttack: bad input and warnings', () => {
  const threatModel = new LpBall({ norm: 'linf', epsilon: 0.1, box: { min: 0, max: 1 } });

  it('refuses gradient attacks on a black-box model, naming the attacks that can run', async () => {
    const bb = blackBoxModel({ inputShape: [400], numOutputs: 10, predict: (xs, n) => tf.tidy(() => model.logits(tf.tensor2d(xs, [n, 400])).dataSync()) });
    const err = await autoAttack(bb, x, y, { threatModel }).catch((e: unknown) => e);
    expect(ArgumentError.isInstance(err)).toBe(true);
    expect(String(err)).toMatch(/autoAttack: model .*apgd-ce, apgd-t, fab-t.*square/);
    expect(() => apgd(bb as never, x, y, { threatModel })).toThrow(/apgd: model is a black-box model.*square/);
  });

  it('runs Square on an async black-box model with the same result as on the tfjs model', async () => {
    const bb = blackBoxModel({ inputShape: [400], numOutputs: 10, predict: async (xs, n) => tf.tidy(() => model.logits(tf.tensor2d(xs, [n, 400])).dataSync()) });
    const xs = tf.slice(x, 0, 10);
    const ys = tf.slice(y, 0, 10);
    const a = await square(bb, xs, ys, { threatModel, queries: 50, seed: 3 });
    const b = await square(model, xs, ys, { threatModel, queries: 50, seed: 3 });
    expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
    tf.dispose([xs, ys, a, b]);
  });

  it('throws typed errors for ε ≤ 0, batch size ≤ 0, x outside the box, unknown attacks', async () => {
    const zero = new LpBall({ norm: 'linf', epsilon: 0, box: { min: 0, max: 1 } });
    await expect(autoAttack(model, x, y, { threatModel: zero })).rejects.toThrow(/autoAttack: options.threatModel must have epsilon > 0/);
    await expect(autoAttack(model, x, y, { threatModel, batchSize: 0 })).rejects.toThrow(/autoAttack: options.batchSize/);
    const outside = tf.add(x, 2);
    await expect(autoAttack(model, outside, y, { threatModel })).rejects.toThrow(/autoAttack: x must lie inside the threat model's box/);
    outside.dispose();
    await expect(autoAttack(model, x, y, { threatModel, version: ['pgd' as never] })).rejects.toThrow(/options.version/);
    expect(() => apgd(model, x, y, { threatModel, steps: 0 })).toThrow(/apgd: options.steps/);
    await expect(square(model, x, y, { threatModel, queries: 0 })).rejects.toThrow(/square: options.queries/);
  });

  it('DLR needs 4 classes: a typed error for apgd, a too-few-classes warning in autoAttack', async () => {
    const m3 = new Mlp({ inputShape: [400], hiddenSizes: [], numClasses: 3, seed: 1 });
    const y3 = tf.tensor1d(fixture.labels.map((v) => v % 3), 'int32');
    expect(() => apgd(m3, x, y3, { threatModel, loss: 'dlr' })).toThrow(/apgd: model must have at least 4 classes/);
    const res = await autoAttack(m3, x, y3, { threatModel, version: ['apgd-ce', 'apgd-t'] });
    expect(res.warnings.map((w) => w.code)).toEqual(['too-few-classes']);
    res.xAdv.dispose();
    y3.dispose();
    m3.dispose();
  });

  it('warns about probability outputs and randomised models', async () => {
    let calls = 0;
    const softmax = blackBoxModel({ inputShape: [400], numOutputs: 10, predict: (xs, n) => tf.tidy(() => tf.softmax(model.logits(tf.tensor2d(xs, [n, 400]))).dataSync()) });
    const noisy = blackBoxModel({ inputShape: [400], numOutputs: 10, predict: (xs, n) => tf.tidy(() => tf.add(model.logits(tf.tensor2d(xs, [n, 400])), 0.01 * ++calls).dataSync()) });
    const xs = tf.slice(x, 0, 5);
    const ys = tf.slice(y, 0, 5);
    const a = await autoAttack(softmax, xs, ys, { threatModel, version: ['square'] });
    expect(a.warnings.map((w) => w.code)).toContain('probability-output');
    const b = await autoAttack(noisy, xs, ys, { threatModel, version: ['square'] });
    expect(b.warnings.map((w) => w.code)).toContain('randomized');
    tf.dispose([xs, ys, a.xAdv, b.xAdv]);
  });

  it("'plus' runs the reference's six attacks in its order, and its flags describe the returned examples", async () => {
    const xs = tf.slice(x, 0, 8);
    const ys = tf.slice(y, 0, 8);
    const before = tf.memory().numTensors;
    const res = await autoAttack(model, xs, ys, { threatModel, version: 'plus' });
    expect(tf.memory().numTensors).toBe(before + 1);
    expect(res.robust.some(Boolean)).toBe(true); // so that every attack ran
    expect(res.robustAccuracyAfter.map((a) => a.attack)).toEqual(['clean', 'apgd-ce', 'apgd-dlr', 'fab', 'square', 'apgd-t', 'fab-t']);
    expect(res.robust.map((b) => (b ? 1 : 0))).toEqual(robustFlags(res.xAdv)); // the flags describe the returned examples
    tf.dispose([xs, ys, res.xAdv]);
  });

  it("L1: 'standard' runs the reference's four attacks with its L1 settings; 'plus' is a typed error", async () => {
    const l1 = new LpBall({ norm: 'l1', epsilon: 10, box: { min: 0, max: 1 } });
    await expect(autoAttack(model, x, y, { threatModel: l1, version: 'plus' })).rejects.toThrow(/autoAttack: options.threatModel is an L1 ball, and version 'plus' is made for L∞ and L2/);
    await expect(autoAttack(model, x, y, { threatModel: new LpBall({ norm: 'l1', epsilon: 0 }), version: ['apgd-ce'] })).rejects.toThrow(/autoAttack: options.threatModel must have epsilon > 0/);
    await expect(autoAttack(model, x, y, { threatModel: new LpBall({ norm: 'l1', epsilon: 10 }), version: ['fab-t'] })).rejects.toThrow(/autoAttack: options.threatModel must have the box \{ min: 0, max: 1 \} to run fab-t/);
    const xs = tf.slice(x, 0, 8);
    const ys = tf.slice(y, 0, 8);
    const before = tf.memory().numTensors;
    const res = await autoAttack(model, xs, ys, { threatModel: l1, seed: 1 });
    expect(tf.memory().numTensors).toBe(before + 1);
    expect(res.robustAccuracyAfter.map((a) => a.attack)).toEqual(['clean', 'apgd-ce', 'apgd-t', 'fab-t', 'square']);
    expect(res.robust.map((b) => (b ? 1 : 0))).toEqual(robustFlags(res.xAdv)); // the flags describe the returned examples
    expect(l1.contains(res.xAdv, xs).every(Boolean)).toBe(true);
    const apgds = await autoAttack(model, xs, ys, { threatModel: l1, version: ['apgd-ce', 'apgd-t'], seed: 1 });
    const again = await autoAttack(model, xs, ys, { threatModel: l1, version: ['apgd-ce', 'apgd-t'], seed: 1 });
    expect(Array.from(again.xAdv.dataSync())).toEqual(Array.from(apgds.xAdv.dataSync())); // determinism by seed
    // the fixture's reference flags at L1 ε=10 (first 8): the two APGDs break at least what either alone did, ±2
    const ref = fixture.reference.find((r) => r.norm === 'L1')!;
    const either = ref.attacks['apgd-ce']!.robust.slice(0, 8).map((v, i) => v & ref.attacks['apgd-t']!.robust[i]!);
    const got = apgds.robust.map((b) => (b ? 1 : 0));
    expect(got.filter((v, i) => v !== either[i]).length).toBeLessThanOrEqual(allowed);
    // the standard list runs the same APGDs first (same seed, same batch), so it breaks at least what they broke
    res.robust.forEach((r, i) => expect(r && !apgds.robust[i]).toBe(false));
    tf.dispose([xs, ys, res.xAdv, apgds.xAdv, again.xAdv]);
  });

  it('stops between batches when the signal is aborted', async () => {
    const ctrl = new AbortController();
    const seen: number[] = [];
    const p = autoAttack(model, x, y, { threatModel, batchSize: 10, version: ['apgd-ce', 'square'], signal: ctrl.signal, onProgress: (pr) => { seen.push(pr.batch); ctrl.abort(new Error('stop')); } });
    await expect(p).rejects.toThrow('stop');
    expect(seen).toEqual([1]);
  });

  it('lets an abort from a timer (a Stop button, a signal handler) land between batches', async () => {
    // The attacks are synchronous tfjs work: unless autoAttack yields to the event loop, the timer fires
    // only after the whole run, and the promise resolves instead of rejecting.
    const before = tf.memory().numTensors;
    const ctrl = new AbortController();
    const reason = new Error('stopped by a timer');
    let batches = 0;
    const p = autoAttack(model, x, y, { threatModel, batchSize: 5, version: ['apgd-ce', 'square'], signal: ctrl.signal, onProgress: () => batches++ });
    setTimeout(() => ctrl.abort(reason), 0);
    await expect(p).rejects.toBe(reason);
    expect(batches).toBeLessThan(8); // 40 images in batches of 5: 8 batches of APGD-CE alone
    expect(tf.memory().numTensors).toBe(before);
  });
});
