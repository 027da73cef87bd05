import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@advkit/core';
import { loadMnist, selectDigits, type BinaryData } from '@advkit/datasets';
import { LinearModel } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { exactLinearAttack, exactLinearMarginChange } from '@advkit/attacks';
import { sgd, evaluate } from '@advkit/trainers';
import { attackedErrorAt } from './attacked-error-at.js';

let test: BinaryData;
let model: LinearModel;
beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
  const mnist = await loadMnist();
  test = selectDigits(mnist.test, [0, 1]);
  model = new LinearModel({ inputSize: 784, seed: 0 });
  // one epoch on the test digits: a model whose margins spread over a range of ε
  sgd(model, test, { epochs: 1, seed: 0 });
  return () => model.dispose();
});

describe('attackedErrorAt (the page’s live ε slider)', () => {
  it('equals the error of the model evaluated on exactly attacked inputs, for every norm and several ε', () => {
    const logits = tf.tidy(() => Float32Array.from(model.logits(tf.tensor2d(test.x, [test.n, 784])).dataSync()));
    const budgets = { linf: [0, 0.05, 0.1, 0.2], l2: [0, 0.5, 1, 2], l1: [0, 2, 5, 10] } as const;
    const seen = new Set<number>();
    for (const norm of ['linf', 'l2', 'l1'] as const) {
      const dualNorm = -exactLinearMarginChange(model, { threatModel: new LpBall({ norm, epsilon: 1 }) });
      for (const epsilon of budgets[norm]) {
        const measured = epsilon === 0 ? evaluate(model, test) : evaluate(model, test, { attack: exactLinearAttack({ threatModel: new LpBall({ norm, epsilon }) }) });
        const predicted = attackedErrorAt(logits, test.y, dualNorm, epsilon);
        // Float32: an example whose attacked logit lies within ~1e-5 of 0 could flip; allow one such example.
        expect(Math.abs(predicted - measured.error) * test.n).toBeLessThanOrEqual(1);
        seen.add(Math.round(predicted * 1000));
      }
    }
    expect(seen.size).toBeGreaterThan(3); // the budgets do move the error: the comparison is not vacuous
  });

  it('rejects mismatched lengths and returns 0 for no examples', () => {
    expect(() => attackedErrorAt(new Float32Array(2), new Float32Array(3), 1, 0.1)).toThrow(/logits has 2 values, labels 3/);
    expect(attackedErrorAt(new Float32Array(0), new Float32Array(0), 1, 0.1)).toBe(0);
  });
});
