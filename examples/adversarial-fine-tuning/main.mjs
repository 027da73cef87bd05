// Adversarial fine-tuning of your own tfjs-layers model (Madry et al. 2018: train on PGD examples).
// advkit's trainers run each training step's forward pass in training mode, so BatchNorm normalises
// with batch statistics and updates its moving averages, and they train the LayersModel's own weights:
// the fine-tuned `net` is still your tfjs model (net.save(...) as usual).
//
// The check: the moving statistics change during fine-tuning, and the PGD error on held-out data drops.
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { initBackend } from '@advkit/core';
import { syntheticData } from '@advkit/datasets';
import { fromLayersModel } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { pgdAttack } from '@advkit/attacks';
import { evaluate } from '@advkit/attacks/evaluate';
import { adversarialSgd, sgd } from '@advkit/trainers';

await initBackend({ backend: 'wasm' });

const d = 20;
const all = syntheticData({ n: 1100, inputShape: [d], numClasses: 4, seed: 1, spread: 0.1 });
const split = (from, to) => ({ x: all.x.slice(from * d, to * d), y: all.y.slice(from, to), n: to - from });
const train = split(0, 800);
const heldOut = split(800, 1100);

const net = tfl.sequential({
  layers: [
    tfl.layers.dense({ inputShape: [d], units: 32, activation: 'relu', kernelInitializer: tfl.initializers.glorotUniform({ seed: 1 }) }),
    tfl.layers.batchNormalization({ name: 'bn', momentum: 0.9 }),
    tfl.layers.dense({ units: 4, activation: 'softmax', kernelInitializer: tfl.initializers.glorotUniform({ seed: 2 }) }),
  ],
});
const model = fromLayersModel(net); // its variables are net.trainableWeights
const movingMean = () => Array.from(net.getLayer('bn').getWeights()[2].dataSync());

const threatModel = new LpBall({ norm: 'linf', epsilon: 0.1, box: { min: 0, max: 1 } });
// PGD-20 without a random start, so each evaluation is deterministic.
const pgd20 = pgdAttack({ threatModel, steps: 20, stepSize: 0.01, randomStart: false });

// 1. Standard training (what the app did).
await sgd(model, train, { epochs: 5, batchSize: 50, learningRate: 0.1, seed: 3 });
const meanBefore = movingMean();
const before = { clean: evaluate(model, heldOut).error, pgd: evaluate(model, heldOut, { attack: pgd20 }).error };

// 2. Adversarial fine-tuning: each minibatch is replaced by its PGD-7 examples before the step.
const result = await adversarialSgd(model, train, {
  attack: pgdAttack({ threatModel, steps: 7, stepSize: 0.025, seed: 4 }),
  epochs: 10,
  batchSize: 50,
  learningRate: 0.1,
  seed: 5,
});
const meanAfter = movingMean();
const after = { clean: evaluate(model, heldOut).error, pgd: evaluate(model, heldOut, { attack: pgd20 }).error };

console.table({ 'standard training': before, 'after PGD fine-tuning': after });
const moved = Math.max(...meanAfter.map((v, i) => Math.abs(v - meanBefore[i])));
console.log(`fine-tuning: ${result.steps} steps in ${result.seconds.toFixed(1)} s; BatchNorm moving mean moved by up to ${moved.toFixed(3)}`);

assert.ok(meanBefore.some((v) => Math.abs(v) > 0.05), 'standard training moved the moving mean off its initial 0');
assert.ok(moved > 1e-3, 'fine-tuning updated the BatchNorm moving statistics');
assert.ok(before.clean < 0.05 && after.clean < 0.05, 'both models classify clean held-out data');
assert.ok(after.pgd < before.pgd - 0.1, `PGD error on held-out data drops (${before.pgd} → ${after.pgd})`);

model.dispose(); // does not dispose `net`, which stays usable (and savable) as a tfjs model
net.dispose();
assert.equal(tf.memory().numTensors, 0, 'every tensor was freed');
console.log('ok');
