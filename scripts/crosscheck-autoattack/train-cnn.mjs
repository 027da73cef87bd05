// Trains the cross-check's CNN with advkit: the tutorial's chapter-4 CNN (advkit's `Cnn` with its
// default `Cnn.tutorialLayers`, seed 0, the demo's `--model cnn`):
//
//   Conv(1→32, 3×3, pad 1) ReLU, Conv(32→32, 3×3, stride 2, pad 1) ReLU,
//   Conv(32→64, 3×3, pad 1) ReLU, Conv(64→64, 3×3, stride 2, pad 1) ReLU,
//   Flatten, Linear(7·7·64 → 100) ReLU, Linear(100 → 10)
//
// with a SHORT PGD adversarial-training schedule sized for a shared, loaded 2-core machine (about 1 s per
// forward and backward pass of a batch of 100 there, so about 17 min on 2 worker threads): 1 epoch on the
// first 20000 MNIST training images (--train-size), L∞ ε 0.1 in [0, 1], PGD 4 steps of 0.04 (--steps,
// --step-size) from a random start (seed 1), SGD lr 0.2 (--lr; the demo's page found the tutorial's 0.1
// still at chance after 100 steps of this CNN), batch 100, on `dataParallel({ workers })` of
// @advkit/trainers/node (--workers, default 2). Not the tutorial's 10 epochs of 20 steps: the cross-check
// needs a model whose robust error lies well inside (0, 1), not the best one.
//
// Writes --out (default scripts/crosscheck-autoattack/out/cnn.json) in PyTorch layout, for reference.py:
//   conv: weight [out, in, kh, kw] (advkit's tfjs kernel [kh, kw, in, out] transposed by [3, 2, 0, 1]);
//   dense: weight [out, in]; the first dense layer's input columns permuted from advkit's NHWC flatten
//   order (h, w, c) to torch's NCHW order (c, h, w): torch column c·H·W + h·W + w takes advkit's row
//   (h·W + w)·C + c. crosscheck.mjs loads the file back by the inverse maps, and both sides print their
//   logits' max |Δ| on the first test images before attacking, which checks the layout.
//
// usage: node scripts/crosscheck-autoattack/train-cnn.mjs [--epochs 1] [--train-size 20000] [--steps 4]
//          [--step-size 0.04] [--lr 0.2] [--workers 2] [--out path]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load, arg } from './load.mjs';
import { cnnToTorch } from './cnn-layout.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const epochs = Number(arg('--epochs', 1));
const trainSize = Number(arg('--train-size', 20000));
const steps = Number(arg('--steps', 4));
const stepSize = Number(arg('--step-size', 0.04));
const lr = Number(arg('--lr', 0.2));
const workers = Number(arg('--workers', 2));
const out = arg('--out', join(here, 'out', 'cnn.json'));

const tf = await load('@tensorflow/tfjs-core');
const { initBackend } = await load('@advkit/core');
const { loadMnist, selectAll } = await load('@advkit/datasets');
const { Cnn } = await load('@advkit/models');
const { LpBall } = await load('@advkit/threat-models');
const { pgdAttack } = await load('@advkit/attacks');
const { train, adversarialStep } = await load('@advkit/trainers');
const { dataParallel } = await load('@advkit/trainers/node');

await initBackend({ backend: 'wasm' });
const all = selectAll((await loadMnist()).train);
const data = { x: all.x.subarray(0, trainSize * 784), y: all.y.subarray(0, trainSize), n: trainSize };
const model = new Cnn({ inputShape: [28, 28, 1], numClasses: 10, seed: 0 });
const threatModel = new LpBall({ norm: 'linf', epsilon: 0.1, box: { min: 0, max: 1 } });
const attack = pgdAttack({ threatModel, steps, stepSize, randomStart: true, seed: 1 });
const t0 = performance.now();
const r = await train(model, data, {
  step: adversarialStep(attack),
  epochs,
  batchSize: 100,
  learningRate: lr,
  seed: 0,
  ...(workers > 1 ? { executor: dataParallel({ workers }) } : {}),
  onProgress: (p) => {
    if (p.step % 20 === 0) console.log(`epoch ${p.epoch}/${p.epochs} step ${p.step}/${p.stepsPerEpoch} ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  },
  onEpochEnd: (m) => console.log(`epoch ${m.epoch}: PGD train loss ${m.trainLoss.toFixed(3)}, error ${(100 * m.trainError).toFixed(1)}%, ${m.seconds.toFixed(0)} s`),
});
console.log(`trained ${epochs} epoch(s) on ${trainSize} images in ${r.seconds.toFixed(1)} s`);
const spec = { arch: 'cnn', inputShape: [28, 28, 1], layers: cnnToTorch(tf, model), schedule: { epochs, trainSize, pgdSteps: steps, stepSize, epsilon: 0.1, learningRate: lr, batchSize: 100, workers, seconds: r.seconds } };
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(spec));
console.log(`wrote ${out}`);
model.dispose();
