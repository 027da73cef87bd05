import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@advkit/core';
import { getWeights, setWeights } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { pgdAttack } from '../index.js';
import { detectCatastrophicOverfitting, evaluate } from './index.js';
import { classProblem, nearestMeans } from './test-utils/nearest-means.js';

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

describe('detectCatastrophicOverfitting', () => {
  it('records PGD accuracy per check and flags a drop of more than the threshold below the best', () => {
    const { data: heldOut, means } = classProblem(200, 10, 3, 2, 0.15);
    const model = nearestMeans(means);
    const threatModel = new LpBall({ norm: 'linf', epsilon: 0.05, box: { min: 0, max: 1 } });
    const attack = pgdAttack({ threatModel, steps: 5, seed: 1 });
    const detector = detectCatastrophicOverfitting({ model, heldOut, attack, threshold: 0.2, batchSize: 64 });
    const first = detector.check();
    // the same batches and batch indices as evaluate(): the same random starts, the same figure
    expect(first.robustAccuracy).toBe(1 - evaluate(model, heldOut, { attack, batchSize: 64 }).error);
    expect(detector.check()).toEqual(first); // unchanged weights, unchanged figure
    // "collapse": all weights 0, so every logit is 0 and every example is predicted class 0, attacked or not
    const saved = getWeights(model);
    setWeights(model, saved.map((a) => new Float32Array(a.length)));
    const zeroAccuracy = Array.from(heldOut.y).filter((c) => c === 0).length / heldOut.n;
    const collapsed = detector.check();
    expect(collapsed.robustAccuracy).toBe(zeroAccuracy);
    expect(collapsed.best).toBe(first.robustAccuracy);
    expect(first.robustAccuracy - zeroAccuracy).toBeGreaterThan(0.2); // so this is a collapse by the rule
    expect(collapsed.collapsed).toBe(true);
    expect(first.collapsed).toBe(false);
    expect(detector.history).toEqual([first, first, collapsed]);
    model.dispose();
  });

  it('names bad options', () => {
    const { data: heldOut, means } = classProblem(10, 4, 2, 3);
    const model = nearestMeans(means);
    expect(() => detectCatastrophicOverfitting({ model, heldOut, attack: {} as never })).toThrow(/detectCatastrophicOverfitting: options\.attack must be an Attack/);
    expect(() => detectCatastrophicOverfitting({ model, heldOut: { ...heldOut, n: 3 }, attack: pgdAttack({ threatModel: new LpBall({ norm: 'l2', epsilon: 1 }) }) })).toThrow(
      /detectCatastrophicOverfitting: options\.heldOut\.x must hold/,
    );
    model.dispose();
  });
});
