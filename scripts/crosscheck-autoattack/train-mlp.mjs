// Trains the cross-check's model with advkit: an MLP 784-100-10 (seed 0), PGD adversarial training on
// the 60000 MNIST training images (L∞ ε 0.1, 10 steps of 0.025, random start), SGD lr 0.1, batch 100,
// 3 epochs, then writes its weights (PyTorch layout: weight [out, in]) to --out (default
// scripts/crosscheck-autoattack/out/mlp.json).
//
// usage: node scripts/crosscheck-autoattack/train-mlp.mjs [--epochs 3] [--out path]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load, arg } from './load.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const epochs = Number(arg('--epochs', 3));
const out = arg('--out', join(here, 'out', 'mlp.json'));

const tf = await load('@tensorflow/tfjs-core');
const { initBackend } = await load('@advkit/core');
const { loadMnist, selectAll } = await load('@advkit/datasets');
const { Mlp } = await load('@advkit/models');
const { LpBall } = await load('@advkit/threat-models');
const { pgdAttack } = await load('@advkit/attacks');
const { adversarialSgd } = await load('@advkit/trainers');

await initBackend({ backend: 'wasm' });
const train = selectAll((await loadMnist()).train);
const model = new Mlp({ inputShape: [784], hiddenSizes: [100], numClasses: 10, seed: 0 });
const threatModel = new LpBall({ norm: 'linf', epsilon: 0.1, box: { min: 0, max: 1 } });
const attack = pgdAttack({ threatModel, steps: 10, stepSize: 0.025, randomStart: true, seed: 1 });
const r = await adversarialSgd(model, train, { attack, epochs, batchSize: 100, learningRate: 0.1, seed: 0 });
console.log(`trained ${epochs} epochs in ${r.seconds.toFixed(1)} s`);
const layers = model.layers.map((l) => {
  const w = tf.transpose(l.weight);
  const layer = { weight: Array.from(w.dataSync()), shape: w.shape, bias: Array.from(l.bias.dataSync()) };
  w.dispose();
  return layer;
});
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ arch: 'mlp-784-100-10', layers }));
console.log(`wrote ${out}`);
