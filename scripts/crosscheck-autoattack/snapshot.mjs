// Runs advkit's autoAttack on the cross-check MLP (out/mlp.json) and writes every attack's outputs
// (adversarial examples as raw float32 bytes, robust flags, brokenBy) to a JSON file, or compares them
// with such a file exactly: a check that a speed change leaves the results bit-identical. Prints the
// wall time (and the process's CPU time, steadier on a shared machine) of each attack alone.
//
// usage: node scripts/crosscheck-autoattack/snapshot.mjs --n 200 [--norm linf] [--eps 0.1]
//          [--attacks apgd-ce,apgd-t,fab-t,square,standard] [--batch-size n] --out snap.json | --compare snap.json
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { load, arg, root } from './load.mjs';
import { loadModelFile } from './load-model.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const norm = arg('--norm', 'linf');
const eps = Number(arg('--eps', '0.1'));
const N = Number(arg('--n', '200'));
const batchSize = Number(arg('--batch-size', String(N)));
const attacks = arg('--attacks', 'apgd-ce,apgd-t,fab-t,square,standard').split(',');
const modelPath = resolve(arg('--model', join(here, 'out', 'mlp.json')));
const outPath = arg('--out', undefined);
const comparePath = arg('--compare', undefined);

const tf = await load('@tensorflow/tfjs-core');
const { initBackend } = await load('@advkit/core');
const { loadMnist, selectAll } = await load('@advkit/datasets');
const { LpBall } = await load('@advkit/threat-models');
const { autoAttack } = await load('@advkit/attacks');
await initBackend({ backend: 'wasm' });

const { model, inputShape } = await loadModelFile(modelPath);
const test = selectAll((await loadMnist()).test);
const x = tf.tensor(test.x.subarray(0, N * 784), [N, ...inputShape]);
const y = tf.tensor1d(Int32Array.from(test.y.subarray(0, N)), 'int32');
const threatModel = new LpBall({ norm, epsilon: eps, box: { min: 0, max: 1 } });

const snap = { norm, eps, n: N, batchSize, attacks: {} };
for (const name of attacks) {
  const version = name === 'standard' || name === 'plus' ? name : name.split('+');
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const res = await autoAttack(model, x, y, { threatModel, batchSize, version });
  const seconds = (performance.now() - t0) / 1000;
  const c1 = process.cpuUsage(c0);
  const cpuSeconds = (c1.user + c1.system) / 1e6;
  const xAdv = res.xAdv.dataSync();
  res.xAdv.dispose();
  const bytes = Buffer.from(xAdv.buffer, xAdv.byteOffset, xAdv.byteLength);
  snap.attacks[name] = { xAdvSha256: createHash('sha256').update(bytes).digest('hex'), xAdv: bytes.toString('base64'), robust: res.robust.map((b) => (b ? 1 : 0)), brokenBy: res.brokenBy, seconds, cpuSeconds };
  console.log(`${name}: ${seconds.toFixed(2)} s (cpu ${cpuSeconds.toFixed(2)} s), robust error ${(100 * res.robustError).toFixed(1)}%, xAdv sha256 ${snap.attacks[name].xAdvSha256.slice(0, 16)}`);
}
if (outPath !== undefined) writeFileSync(outPath, JSON.stringify(snap));
if (comparePath !== undefined) {
  const ref = JSON.parse(readFileSync(comparePath, 'utf8'));
  let bad = 0;
  for (const name of attacks) {
    const a = snap.attacks[name];
    const b = ref.attacks[name];
    if (b === undefined) { console.log(`${name}: not in ${comparePath}`); bad++; continue; }
    const same = a.xAdv === b.xAdv && JSON.stringify(a.robust) === JSON.stringify(b.robust) && JSON.stringify(a.brokenBy) === JSON.stringify(b.brokenBy);
    if (!same) bad++;
    console.log(`${name}: ${same ? 'bit-identical' : 'DIFFERENT'} (xAdv, robust, brokenBy); ${a.seconds.toFixed(2)} s now, ${b.seconds.toFixed(2)} s before`);
  }
  if (bad > 0) process.exit(1);
}
