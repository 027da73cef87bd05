import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, ArgumentError, ShapeError } from '@advkit/core';
import { getWeights, setWeights, type Model } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { fgsmAttack, pgd, pgdAttack, type Attack, type AttackContext } from '../index.js';
import { diagnoseAttacks, evaluate, robustEvaluate } from './index.js';
import { classProblem, nearestMeans } from './test-utils/nearest-means.js';

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

const { data, means } = classProblem(300, 10, 3, 1, 0.25);
const threatModel = new LpBall({ norm: 'linf', epsilon: 0.1, box: { min: 0, max: 1 } });

describe('robustEvaluate', () => {
  it('is the per-example worst case over the attacks, and each attack alone matches evaluate()', async () => {
    const model = nearestMeans(means);
    const attacks: Attack[] = [fgsmAttack({ threatModel }), pgdAttack({ threatModel, steps: 10, seed: 3 })];
    const before = tf.memory().numTensors;
    const seen: [number, number][] = [];
    const r = await robustEvaluate(model, data, { attacks, batchSize: 128, onProgress: (done, total) => void seen.push([done, total]) });
    expect(tf.memory().numTensors).toBe(before);
    expect(seen).toEqual([[128, 300], [256, 300], [300, 300]]); // once per batch, the last one short
    // the same attacks, batches and batch indices through the plain evaluate()
    const clean = evaluate(model, data, { batchSize: 128 });
    const e1 = evaluate(model, data, { attack: attacks[0]!, batchSize: 128 });
    const e2 = evaluate(model, data, { attack: attacks[1]!, batchSize: 128 });
    expect(r.cleanError).toBe(clean.error);
    expect(r.perAttack).toEqual([{ name: 'fgsm', error: e1.error }, { name: 'pgd', error: e2.error }]);
    let worst = 0;
    for (let i = 0; i < data.n; i++) {
      const expected = clean.wrong[i] ? 'clean' : e1.wrong[i] ? 0 : e2.wrong[i] ? 1 : null;
      expect(r.brokenBy[i]).toBe(expected);
      if (expected !== null) worst++;
    }
    expect(r.robustError).toBe(worst / data.n);
    // the figures are not degenerate: the attacks break some but not all correctly classified examples
    expect(r.cleanError).toBeGreaterThan(0);
    expect(r.robustError).toBeGreaterThan(r.cleanError);
    expect(r.robustError).toBeLessThan(1);
    expect(r.robustError).toBeGreaterThanOrEqual(Math.max(e1.error, e2.error));
    expect(r.warnings).toEqual([]);
    model.dispose();
  });

  it('counts exactly, batch by batch, with the attack of batch b run at { batchIndex: b } (a hand-written reference)', async () => {
    const model = nearestMeans(means);
    const opts = { threatModel, steps: 3, stepSize: 0.03, restarts: 2, seed: 5 };
    const calls: (number | undefined)[] = [];
    const recording: Attack = {
      name: 'pgd',
      run: (m: Model, x: tf.Tensor, y: tf.Tensor, context?: AttackContext) => {
        calls.push(context?.batchIndex);
        return pgdAttack(opts).run(m, x, y, context);
      },
    };
    const r = await robustEvaluate(model, data, { attacks: [recording], batchSize: 100, diagnose: false });
    expect(calls).toEqual([0, 1, 2]);
    // reference: pgd itself with seed + b·restarts on batch b, errors counted as integers
    let wrong = 0;
    for (let b = 0; b < 3; b++) {
      const x = tf.tensor2d(data.x.subarray(b * 1000, (b + 1) * 1000), [100, 10]);
      const y = tf.tensor1d(data.y.subarray(b * 100, (b + 1) * 100), 'int32');
      const xAdv = pgd(model, x, y, { ...opts, seed: 5 + b * 2 });
      const pred = tf.tidy(() => tf.argMax(model.logits(xAdv), 1).dataSync());
      pred.forEach((p, i) => (wrong += p === y.dataSync()[i] ? 0 : 1));
      tf.dispose([x, y, xAdv]);
    }
    expect(r.perAttack[0]!.error).toBe(wrong / data.n);
    expect(wrong).toBeGreaterThan(0);
    // no hidden state: the same call again gives the same result
    expect(await robustEvaluate(model, data, { attacks: [recording], batchSize: 100, diagnose: false })).toEqual(r);
    model.dispose();
  });

  it('rejects a bad attack list, an empty one included', async () => {
    const model = nearestMeans(means);
    await expect(robustEvaluate(model, data, { attacks: {} as never })).rejects.toThrow(/robustEvaluate: options.attacks must be an array/);
    await expect(robustEvaluate(model, data, { attacks: [] })).rejects.toThrow(/robustEvaluate: options.attacks must hold at least one Attack/);
    await expect(robustEvaluate(model, data, { attacks: [{ name: 'x' } as never] })).rejects.toThrow(ArgumentError);
    await expect(robustEvaluate(model, data, { attacks: [fgsmAttack({ threatModel })], onProgress: 3 as never })).rejects.toThrow(/robustEvaluate: options.onProgress must be a function/);
    model.dispose();
  });

  it('refuses an attack that returns no tensor or a wrong one, with a typed error naming it, and leaks nothing', async () => {
    const model = nearestMeans(means);
    const ok = fgsmAttack({ threatModel });
    const bad: [Attack, RegExp, typeof ArgumentError][] = [
      [{ name: 'array', run: () => [1, 2] as never }, /options\.attacks\[1\] must return a tensor from run\(model, x, y\), got/, ArgumentError],
      [{ name: 'short', run: (_m, x) => tf.slice(x, 0, 1) }, /options\.attacks\[1\] must return a float32 tensor of the input's shape \[100,10\] from run\(model, x, y\), got float32 \[1,10\]/, ShapeError],
      [{ name: 'int', run: (_m, x) => tf.cast(x, 'int32') }, /got int32 \[100,10\]/, ShapeError],
      [{ name: 'disposed', run: (_m, x) => { const t = tf.clone(x); t.dispose(); return t; } }, /got a disposed tensor/, ArgumentError],
    ];
    const before = tf.memory().numTensors;
    for (const [attack, message, type] of bad) {
      const p = robustEvaluate(model, data, { attacks: [ok, attack], batchSize: 100 });
      await expect(p).rejects.toThrow(type);
      await expect(robustEvaluate(model, data, { attacks: [ok, attack], batchSize: 100 })).rejects.toThrow(message);
      expect(() => evaluate(model, data, { attack, batchSize: 100 })).toThrow(/^evaluate: options\.attack must return/);
      expect(tf.memory().numTensors).toBe(before);
    }
    // an attack that returns its input unchanged is fine (and x is not freed twice)
    const identity: Attack = { name: 'none', run: (_m, x) => x };
    const r = await robustEvaluate(model, data, { attacks: [identity], batchSize: 100, diagnose: false });
    expect(r.robustError).toBe(r.cleanError);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });
});

describe('evaluate', () => {
  it('is the nearest-mean error and the mean cross-entropy, computed in float64 here', () => {
    const model = nearestMeans(means);
    const e = evaluate(model, data, { batchSize: 64 });
    let wrong = 0;
    let loss = 0;
    for (let i = 0; i < data.n; i++) {
      const z = means.map((m) => m.reduce((s, v, j) => s + v * data.x[i * 10 + j]! - 0.5 * v * v, 0));
      const max = Math.max(...z);
      const pred = z.indexOf(max);
      if (pred !== data.y[i]) wrong++;
      expect(e.wrong[i]).toBe(pred === data.y[i] ? 0 : 1);
      loss += Math.log(z.reduce((s, v) => s + Math.exp(v - max), 0)) + max - z[data.y[i]!]!;
    }
    expect(e.error).toBe(wrong / data.n);
    // float32 logits of order 1 summed over 10 terms: 1e-5 absolute on the mean loss
    expect(Math.abs(e.loss - loss / data.n)).toBeLessThan(1e-5);
    model.dispose();
  });
});

describe('diagnoseAttacks', () => {
  it('warns about a model that outputs probabilities', () => {
    const inner = nearestMeans(means);
    const probs: Model = {
      inputShape: inner.inputShape,
      numOutputs: 3,
      variables: inner.variables,
      logits: (x) => tf.tidy(() => tf.softmax(inner.logits(x))),
      dispose: () => inner.dispose(),
    };
    const w = diagnoseAttacks(probs, data);
    expect(w.some((s) => /outputs probabilities/.test(s))).toBe(true);
    expect(diagnoseAttacks(inner, data)).toEqual([]);
    probs.dispose();
  });

  it('warns when input gradients are zero for many examples (a constant model)', () => {
    const model = nearestMeans(means);
    setWeights(model, getWeights(model).map((a) => new Float32Array(a.length)));
    const before = tf.memory().numTensors;
    const w = diagnoseAttacks(model, data);
    expect(tf.memory().numTensors).toBe(before);
    expect(w.some((s) => /exactly zero for 300 of 300/.test(s))).toBe(true);
    model.dispose();
  });

  it('warns when FGSM beats PGD', () => {
    const model = nearestMeans(means);
    const w = diagnoseAttacks(model, data, { perAttack: [{ name: 'fgsm', error: 0.4 }, { name: 'pgd', error: 0.3 }] });
    expect(w).toEqual([expect.stringMatching(/FGSM error 0.4000 exceeds PGD error 0.3000/)]);
    model.dispose();
  });
});
