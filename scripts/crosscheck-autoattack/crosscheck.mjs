// Cross-checks advkit's AutoAttack against the reference (fra31/auto-attack, PyTorch) on the same
// weights and MNIST test images: runs reference.py (per attack, and the ensembles), then advkit's
// autoAttack with the same attack list or version, and prints robust errors, per-example agreement
// and wall times. Needs `pnpm build`, Debian's python3-torch and the reference's folder.
//
// usage: node scripts/crosscheck-autoattack/crosscheck.mjs --norm linf|l2|l1 --eps 0.1 [--n 1000] [--offset 0]
//          [--attacks apgd-ce,apgd-t,fab-t,square,fab,standard,plus,apgd-ce+apgd-t] [--model out/mlp.json|out/cnn.json]
//          [--reference ../shared/reference/autoattack] [--out out/result-linf-0.1.json] [--workers 1] [--reuse-reference] [--seed 0]
// Each single attack runs with the settings of the reference's 'standard' version for the norm ('fab':
// untargeted, 1 restart; L1: APGD-CE with 5 restarts, APGD-T with 5 targets, both with the schedule of
// shrinking radii), on both sides through AutoAttack with that attack alone (advkit's autoAttack runs
// the same apgd / fab / fabTargeted / square code as the standalone functions, with seed 0 for batch 0);
// 'standard' and 'plus' are the versions; 'a+b' is that list.
// --offset O: the test images O … O+N−1 instead of the first N (one shard of a larger run; its file is
// named …-from<O>.json, and merge.mjs adds shards up into one comparison).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load, arg, mnistDir, root } from './load.mjs';
import { loadModelFile } from './load-model.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const norm = arg('--norm', 'linf');
const eps = Number(arg('--eps', '0.1'));
const N = Number(arg('--n', '1000'));
const offset = Number(arg('--offset', '0'));
if (!Number.isInteger(offset) || offset < 0 || offset + N > 10000) throw new Error(`--offset ${offset} --n ${N}: the images must lie within MNIST's 10000 test images`);
const attacks = arg('--attacks', 'apgd-ce,apgd-t,fab-t,square,standard').split(',');
const modelPath = resolve(arg('--model', join(here, 'out', 'mlp.json')));
const refDir = resolve(arg('--reference', join(root, '..', 'shared', 'reference', 'autoattack')));
// out/result-<norm>-<eps>.json for out/mlp.json, out/result-<stem>-<norm>-<eps>.json for another model file
const stem = basename(modelPath, '.json');
// --seed S: the seed of both sides (the reference's AutoAttack(seed=S), advkit's autoAttack({ seed: S }));
// the random draws still differ (torch's generator against advkit's Rng), so runs over several seeds
// separate a systematic difference from the luck of one draw.
const seed = Number(arg('--seed', '0'));
const out = resolve(arg('--out', join(here, 'out', `result-${stem === 'mlp' ? '' : `${stem}-`}${norm}-${eps}${seed === 0 ? '' : `-seed${seed}`}${offset === 0 ? '' : `-from${offset}`}.json`)));

const tf = await load('@tensorflow/tfjs-core');
const { initBackend } = await load('@advkit/core');
const { loadMnist, selectAll } = await load('@advkit/datasets');
const { LpBall } = await load('@advkit/threat-models');
const { autoAttack } = await load('@advkit/attacks');
// --workers W > 1: advkit runs autoAttackParallel (@advkit/attacks/node) with W shards of ⌈N/W⌉ examples
// (one batch each) on worker threads: the wall time on all cores. Batches then hold ⌈N/W⌉ examples
// instead of the reference's N, so results near the boundary may differ by the random draws.
const workers = Number(arg('--workers', '1'));
// --reuse-reference: do not run reference.py; read its output (<out>.ref-<attack>.json) from an earlier run,
// or wait for it when the reference was started separately (then the two wall times overlap)
const reuse = process.argv.includes('--reuse-reference');
// --ref-batch-size B: the reference attacks B images per batch (AutoAttack's bs) instead of all N in one
// (why a CNN bench on 1000 images should set it: this folder's README)
const refBatchArg = arg('--ref-batch-size', '0');
const refBatchSize = Number(refBatchArg);
if (!Number.isInteger(refBatchSize) || refBatchSize < 0) throw new Error(`--ref-batch-size: expected a non-negative integer, got ${refBatchArg}`);
const { autoAttackParallel } = workers > 1 ? await load('@advkit/attacks/node') : {};
await initBackend({ backend: 'wasm' });

const { model, spec, inputShape } = await loadModelFile(modelPath);
const test = selectAll((await loadMnist()).test);
const x = tf.tensor(test.x.subarray(offset * 784, (offset + N) * 784), [N, ...inputShape]);
const y = tf.tensor1d(Int32Array.from(test.y.subarray(offset, offset + N)), 'int32');
const refEnv = { ...process.env, PYTHONPATH: refDir };

// The layout check: advkit's and torch's logits on the first 100 test images (conv kernels, the NHWC →
// NCHW flatten order and the padding all show here). float32 on both sides: expect ~1e-5.
{
  const k = 100;
  const logitsOut = `${out}.ref-logits.json`;
  mkdirSync(dirname(logitsOut), { recursive: true });
  const r = spawnSync('/usr/bin/python3', [join(here, 'reference.py'), '--model', modelPath, '--mnist', mnistDir(), '--n', String(k), '--logits', String(k), '--out', logitsOut], { env: refEnv, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error('reference.py --logits failed');
  const refLogits = JSON.parse(readFileSync(logitsOut, 'utf8')).logits.flat();
  const xk = tf.tensor(test.x.subarray(0, k * 784), [k, ...inputShape]);
  const ours = model.logits(xk);
  const mine = ours.dataSync();
  let maxDiff = 0;
  let maxAbs = 0;
  refLogits.forEach((v, i) => {
    maxDiff = Math.max(maxDiff, Math.abs(v - mine[i]));
    maxAbs = Math.max(maxAbs, Math.abs(v));
  });
  xk.dispose();
  ours.dispose();
  console.log(`logits on the first ${k} test images: max |advkit − torch| = ${maxDiff.toExponential(2)} (max |logit| ${maxAbs.toFixed(2)})`);
  // float32 sums of ≤ 3136 products in different orders; a layout error gives differences of order 1
  if (!(maxDiff <= 1e-3 * Math.max(1, maxAbs))) throw new Error(`advkit's and torch's logits differ by ${maxDiff}: the weights' layout does not match`);
}
const threatModel = new LpBall({ norm, epsilon: eps, box: { min: 0, max: 1 } });

const summary = { model: modelPath, arch: spec.arch, norm, eps, n: N, offset, seed, attacks: {} };
for (const name of attacks) {
  // the reference first, then advkit, one attack at a time (timings under the same load; not with --reuse-reference)
  const refOut = `${out}.ref-${name}.json`;
  mkdirSync(dirname(refOut), { recursive: true });
  if (!reuse) {
    const r = spawnSync('/usr/bin/python3', [join(here, 'reference.py'), '--model', modelPath, '--mnist', mnistDir(), '--n', String(N), '--offset', String(offset), '--norm', { linf: 'Linf', l2: 'L2', l1: 'L1' }[norm], '--eps', String(eps), '--attacks', name, '--seed', String(seed), '--batch-size', String(refBatchSize), '--out', refOut], {
      env: refEnv,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (r.status !== 0) throw new Error(`reference.py failed for ${name}`);
  }
  const t0 = performance.now();
  const c0 = process.cpuUsage(); // this process and its worker threads
  // as reference.py: autoAttack with the attack alone (the settings of 'standard' for the norm), a version, or a list
  const version = name === 'standard' || name === 'plus' ? name : name.split('+');
  const res =
    workers > 1
      ? await autoAttackParallel(model, x, y, { threatModel, batchSize: Math.ceil(N / workers), version, workers, seed })
      : await autoAttack(model, x, y, { threatModel, batchSize: N, version, seed });
  const robust = res.robust.map((b) => (b ? 1 : 0));
  res.xAdv.dispose();
  const seconds = (performance.now() - t0) / 1000;
  const c1 = process.cpuUsage(c0);
  const cpuSeconds = (c1.user + c1.system) / 1e6;
  // --reuse-reference: the reference's file from an earlier or a separately started run (waited for)
  while (reuse && !existsSync(refOut)) await new Promise((r) => setTimeout(r, 10_000));
  const ref = JSON.parse(readFileSync(refOut, 'utf8')).attacks[name];
  // a reused reference run may hold more examples than --n: compare its first N flags (its random draws
  // were those of its larger batch, which changes nothing but the draws)
  const refN = ref.robust.length;
  if (refN < N) throw new Error(`${refOut} has ${refN} examples, fewer than --n ${N}`);
  ref.robust = ref.robust.slice(0, N);
  const agree = robust.filter((v, i) => v === ref.robust[i]).length / N;
  const err = (f) => 1 - f.reduce((a, b) => a + b, 0) / N;
  summary.attacks[name] = { advkitRobustError: err(robust), advkitRobust: robust, referenceRobustError: err(ref.robust), agreement: agree, advkitSeconds: seconds, referenceSeconds: ref.seconds, advkitCpuSeconds: cpuSeconds, referenceCpuSeconds: ref.cpuSeconds, referenceN: refN };
  console.log(`${norm} ε=${eps} ${name}: advkit ${(100 * err(robust)).toFixed(1)}%, reference ${(100 * err(ref.robust)).toFixed(1)}%, agreement ${(100 * agree).toFixed(1)}%, advkit ${seconds.toFixed(1)} s (CPU ${cpuSeconds.toFixed(1)} s), reference ${ref.seconds.toFixed(1)} s (CPU ${ref.cpuSeconds?.toFixed(1)} s)${refN === N ? '' : ` (on ${refN} examples)`}`);
  writeFileSync(out, JSON.stringify(summary, null, 2));
}
