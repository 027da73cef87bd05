import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, ArgumentError } from '@advkit/core';
import { Mlp, setWeights, getWeights, type Model } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { fgsmAttack, pgdAttack, type Attack } from '@advkit/attacks';
import { robustEvaluate, diagnoseAttacks, evaluate, sgd } from './index.js';
import { syntheticClasses } from './test-utils/synthetic-classes.js';

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

const data = syntheticClasses(300, 10, 3, 1);
const threatModel = new LpBall({ norm: 'linf', epsilon: 0.15, box: { min: 0, max: 1 } });

function trainedMlp(): Mlp {
  const model = new Mlp({ inputShape: [10], hiddenSizes: [16], numClasses: 3, seed: 2 });
  sgd(model, data, { epochs: 5, batchSize: 50, learningRate: 0.5 });
  return model;
}

describe('robustEvaluate', () => {
  it('is the per-example worst case over the attacks, and each attack alone matches evaluate()', () => {
    const model = trainedMlp();
    const make = (): Attack[] => [fgsmAttack({ threatModel }), pgdAttack({ threatModel, steps: 10, seed: 3 })];
    const before = tf.memory().numTensors;
    const seen: [number, number][] = [];
    const r = robustEvaluate(model, data, { attacks: make(), batchSize: 128, onProgress: (done, total) => void seen.push([done, total]) });
    expect(tf.memory().numTensors).toBe(before);
    expect(seen).toEqual([[128, 300], [256, 300], [300, 300]]); // once per batch, the last one short
    // the same attacks (fresh objects, same seeds and batches) through the plain evaluate()
    const [fg, pg] = make();
    const clean = evaluate(model, data, { batchSize: 128 });
    const e1 = evaluate(model, data, { attack: fg!, batchSize: 128 });
    const e2 = evaluate(model, data, { attack: pg!, batchSize: 128 });
    expect(r.cleanError).toBe(clean.error);
    expect(r.perAttack).toEqual([{ name: 'fgsm', error: e1.error }, { name: 'pgd', error: e2.error }]);
    let worst = 0;
    for (let i = 0; i < data.n; i++) {
      const expected = clean.wrong[i] ? 'clean' : e1.wrong[i] ? 0 : e2.wrong[i] ? 1 : null;
      expect(r.brokenBy[i]).toBe(expected);
      if (expected !== null) worst++;
    }
    expect(r.robustError).toBe(worst / data.n);
    // the figures are not degenerate: the attack breaks some but not all correctly classified examples
    expect(r.robustError).toBeGreaterThan(r.cleanError);
    expect(r.robustError).toBeLessThan(1);
    expect(r.robustError).toBeGreaterThanOrEqual(Math.max(e1.error, e2.error));
    expect(r.warnings).toEqual([]);
    model.dispose();
  });

  it('rejects a bad attack list', () => {
    const model = new Mlp({ inputShape: [10], hiddenSizes: [], numClasses: 3 });
    expect(() => robustEvaluate(model, data, { attacks: {} as never })).toThrow(/robustEvaluate: options.attacks must be an array/);
    expect(() => robustEvaluate(model, data, { attacks: [{ name: 'x' } as never] })).toThrow(ArgumentError);
    expect(() => robustEvaluate(model, data, { attacks: [], onProgress: 3 as never })).toThrow(/robustEvaluate: options.onProgress must be a function/);
    model.dispose();
  });
});

describe('diagnoseAttacks', () => {
  it('warns about a model that outputs probabilities', () => {
    const inner = trainedMlp();
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
    const model = new Mlp({ inputShape: [10], hiddenSizes: [4], numClasses: 3, seed: 1 });
    setWeights(model, getWeights(model).map((a) => new Float32Array(a.length)));
    const before = tf.memory().numTensors;
    const w = diagnoseAttacks(model, data);
    expect(tf.memory().numTensors).toBe(before);
    expect(w.some((s) => /exactly zero for 300 of 300/.test(s))).toBe(true);
    model.dispose();
  });

  it('warns when FGSM beats PGD', () => {
    const model = trainedMlp();
    const w = diagnoseAttacks(model, data, { perAttack: [{ name: 'fgsm', error: 0.4 }, { name: 'pgd', error: 0.3 }] });
    expect(w).toEqual([expect.stringMatching(/FGSM error 0.4000 exceeds PGD error 0.3000/)]);
    model.dispose();
  });
});
