// Benchmark of AutoAttack's wall time: standard L∞ (APGD-CE, APGD-T, FAB-T, Square) on --n MNIST test
// images of an MLP 784-100-10, in one thread (autoAttack) and on --workers worker threads
// (autoAttackParallel of @advkit/attacks/node: shards of whole batches on a piscina pool), checking
// that both give the same per-example result. The MLP is trained here first (--train-n images,
// --epochs epochs of adversarial SGD with PGD-10 of step ε/4, or plain SGD with --standard), so
// that examples survive to the later attacks as they do on a robust model.
//
// Worker runs include the pool's start-up (each worker loads tfjs and compiles wasm, about a second).
// Shards are whole batches, so --batch-size should divide --n into at least --workers batches.
//
// Against the reference (scripts/crosscheck-autoattack/crosscheck.mjs --attacks standard --workers 2, 1000
// images of its PGD-trained MLP, 2026-12-01, load average 3–5): advkit on 2 workers 245.3 s (178.3 CPU-s),
// the reference on one torch thread 209.3 s (138.4 CPU-s), 1.17× (1.6× before FAB's and APGD's speed-ups).
//
// usage: pnpm bench:autoattack [--n 200] [--workers 2] [--batch-size 100] [--eps 0.1] [--reps 1]
//                              [--train-n 5000] [--epochs 1] [--standard]
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { availableParallelism } from 'node:os';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, def) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};
const n = arg('--n', 200);
const workers = arg('--workers', 2);
const batchSize = arg('--batch-size', 100);
const epsilon = arg('--eps', 0.1);
const reps = arg('--reps', 1);
const trainN = arg('--train-n', 5000);
const epochs = arg('--epochs', 1);
const standard = process.argv.includes('--standard');
const require = createRequire(join(root, 'apps/demo/package.json'));
const load = (name) => import(pathToFileURL(require.resolve(name)).href);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const tf = await load('@tensorflow/tfjs-core');
const { initBackend } = await load('@advkit/core');
const { loadMnist, selectAll } = await load('@advkit/datasets');
const { Mlp } = await load('@advkit/models');
const { LpBall } = await load('@advkit/threat-models');
const { autoAttack, pgdAttack } = await load('@advkit/attacks');
const { autoAttackParallel } = await load('@advkit/attacks/node');
const { adversarialSgd, sgd } = await load('@advkit/trainers');

const backend = await initBackend({ backend: 'wasm' });
const mnist = await loadMnist();
const train = selectAll(mnist.train);
const test = selectAll(mnist.test);
const threatModel = new LpBall({ norm: 'linf', epsilon, box: { min: 0, max: 1 } });

const model = new Mlp({ inputShape: [784], hiddenSizes: [100], numClasses: 10, seed: 0 });
const data = { x: train.x.subarray(0, trainN * 784), y: train.y.subarray(0, trainN), n: trainN };
const t0 = performance.now();
if (standard) await sgd(model, data, { epochs, batchSize: 100, learningRate: 0.1, seed: 0 });
else await adversarialSgd(model, data, { attack: pgdAttack({ threatModel, steps: 10, stepSize: epsilon / 4, randomStart: false }), epochs, batchSize: 100, learningRate: 0.1, seed: 0 });
const trainSeconds = (performance.now() - t0) / 1000;

const x = tf.tensor2d(test.x.subarray(0, n * 784), [n, 784]);
const y = tf.tensor1d(test.y.subarray(0, n), 'int32');
const options = { threatModel, batchSize, seed: 0 };

const times = { one: [], parallel: [] };
let flags;
let error;
for (let r = 0; r < reps; r++) {
  // alternate, so both see the same load on a shared machine
  let t = performance.now();
  const a = await autoAttack(model, x, y, options);
  times.one.push((performance.now() - t) / 1000);
  t = performance.now();
  const b = await autoAttackParallel(model, x, y, { ...options, workers });
  times.parallel.push((performance.now() - t) / 1000);
  const same = a.robust.every((v, i) => v === b.robust[i]) && a.brokenBy.every((v, i) => v === b.brokenBy[i]);
  if (!same) throw new Error('bench/autoattack: the parallel run differs from the single-thread run');
  flags = a.brokenBy;
  error = a.robustError;
  tf.dispose([a.xAdv, b.xAdv]);
}
const counts = {};
for (const f of flags) counts[f ?? 'robust'] = (counts[f ?? 'robust'] ?? 0) + 1;
const one = median(times.one);
const par = median(times.parallel);
console.log(`AutoAttack standard, L∞ ε=${epsilon}, ${n} MNIST test images, MLP 784-100-10 (${standard ? 'SGD' : 'PGD-10 adversarial SGD'}, ${epochs} epoch(s) on ${trainN} images, ${trainSeconds.toFixed(1)} s), batch ${batchSize}, backend ${backend.backend}, ${availableParallelism()} cores`);
console.log(`robust error ${(error * 100).toFixed(1)}%; broken by: ${JSON.stringify(counts)} (identical in both runs)`);
console.log(`| run | wall time (median of ${reps}) |`);
console.log('|---|---|');
console.log(`| autoAttack, 1 thread | ${one.toFixed(1)} s |`);
console.log(`| autoAttackParallel, ${workers} workers (pool start-up included) | ${par.toFixed(1)} s |`);
console.log(`speed-up ${(one / par).toFixed(2)}× (1 thread / ${workers} workers); shared machines are noisy: compare ratios from runs that alternate, as these do`);
tf.dispose([x, y]);
model.dispose();
