// advkit from plain Node ESM (no build step): train a binary linear classifier on a seeded synthetic
// problem, attack it three ways, and check the attacked error against the closed form
//   f(x + δ*) = f(x) − y·ε‖θ‖₁   (L∞ ball of radius ε, no pixel box; Kolter & Madry, ch. 2),
// for which FGSM, PGD and the exact attack must all reach the same error.
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import { initBackend } from '@advkit/core';
import { syntheticData } from '@advkit/datasets';
import { LinearModel, getWeights } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { exactLinearAttack, fgsmAttack, linearAttackedError, pgdAttack } from '@advkit/attacks';
import { evaluate } from '@advkit/attacks/evaluate';
import { sgd } from '@advkit/trainers';

const info = await initBackend({ backend: 'wasm' }); // gradients, the wasm kernels advkit needs, SIMD
console.log(`backend ${info.backend}, SIMD ${info.simd}, threads ${info.threads}`);

// 1500 points in [0, 1]^20, labels ±1 from a random hyperplane (5% flipped): 1000 to train, 500 to test.
const d = 20;
const all = syntheticData({ n: 1500, inputShape: [d], numClasses: 2, seed: 1 });
const split = (from, to) => ({ x: all.x.subarray(from * d, to * d), y: all.y.subarray(from, to), n: to - from });
const train = split(0, 1000);
const test = split(1000, 1500);

const model = new LinearModel({ inputSize: d, seed: 0 });
await sgd(model, train, { epochs: 10, learningRate: 1, seed: 0 });

const threatModel = new LpBall({ norm: 'linf', epsilon: 0.05 });
const clean = evaluate(model, test);
const exact = evaluate(model, test, { attack: exactLinearAttack({ threatModel }) });
const fgsm = evaluate(model, test, { attack: fgsmAttack({ threatModel }) });
const pgd = evaluate(model, test, { attack: pgdAttack({ threatModel, steps: 10, seed: 0 }) });

// The closed form, from the clean logits and ‖θ‖₁ alone.
const [w] = getWeights(model);
const l1 = w.reduce((s, v) => s + Math.abs(v), 0);
const logits = tf.tidy(() => model.logits(tf.tensor2d(test.x, [test.n, d])).dataSync());
const closedForm = linearAttackedError(logits, test.y, { dualNorm: l1, epsilon: threatModel.epsilon });

console.table({ clean: clean.error, exact: exact.error, fgsm: fgsm.error, pgd: pgd.error, 'closed form': closedForm });
assert.ok(clean.error < 0.15, `the model learned the problem (clean error ${clean.error})`);
assert.ok(exact.error > clean.error + 0.1, 'the attack raises the error');
// For a linear model in an L∞ ball every attack's optimum is the same corner, δ* = −y·ε·sign(θ).
// Margins within float32 rounding of 0 could land on either side: allow 1 example in 500 for that.
for (const [name, r] of Object.entries({ exact, fgsm, pgd })) {
  assert.ok(Math.abs(r.error - closedForm) <= 1 / test.n, `${name} error ${r.error} vs closed form ${closedForm}`);
}
model.dispose();
assert.equal(tf.memory().numTensors, 0, 'every tensor was freed');
console.log('ok');
