// Adds up shards of a cross-check: crosscheck.mjs result files of the same model, norm, ε and seed on
// disjoint ranges of test images (crosscheck.mjs --offset O --n K, e.g. ten shards of 100 images for
// the 1000-image acceptance, run one at a time whenever the machine is free), and prints, per attack
// found in every shard, the robust error of both sides on all of their images, the per-example agreement
// and the summed wall and CPU times. Robust error and agreement over the union are the shards' figures
// weighted by their sizes (each is a mean over that shard's examples).
//
// usage: node scripts/crosscheck-autoattack/merge.mjs out/result-cnn-linf-0.1.json out/result-cnn-linf-0.1-from100.json …
//          [--out merged.json]
import { readFileSync, writeFileSync } from 'node:fs';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? args[outAt + 1] : undefined;
const files = outAt >= 0 ? args.filter((_, i) => i !== outAt && i !== outAt + 1) : args;
if (files.length === 0) throw new Error('merge.mjs: give one or more crosscheck.mjs result files');

const shards = files.map((f) => ({ file: f, ...JSON.parse(readFileSync(f, 'utf8')) }));
const first = shards[0];
for (const s of shards) {
  for (const key of ['model', 'norm', 'eps', 'seed']) {
    if (s[key] !== first[key]) throw new Error(`merge.mjs: ${s.file} has ${key} ${s[key]}, ${first.file} has ${first[key]}`);
  }
  s.offset ??= 0; // files written before --offset existed hold the first n images
}
// disjoint ranges: sorted by offset, each starts at or after the end of the one before
const ranges = [...shards].sort((a, b) => a.offset - b.offset);
for (let i = 1; i < ranges.length; i++) {
  const prev = ranges[i - 1];
  if (ranges[i].offset < prev.offset + prev.n) throw new Error(`merge.mjs: ${ranges[i].file} (images ${ranges[i].offset}–${ranges[i].offset + ranges[i].n - 1}) overlaps ${prev.file} (${prev.offset}–${prev.offset + prev.n - 1})`);
}
const names = Object.keys(first.attacks).filter((name) => shards.every((s) => s.attacks[name]));
const missing = [...new Set(shards.flatMap((s) => Object.keys(s.attacks)))].filter((name) => !names.includes(name));
const n = shards.reduce((a, s) => a + s.n, 0);
const sum = (name, key) => shards.reduce((a, s) => a + (s.attacks[name][key] ?? Number.NaN), 0);
const weighted = (name, key) => shards.reduce((a, s) => a + s.attacks[name][key] * s.n, 0) / n;
const merged = { model: first.model, arch: first.arch, norm: first.norm, eps: first.eps, seed: first.seed, n, shards: ranges.map((s) => ({ file: s.file, offset: s.offset, n: s.n })), attacks: {} };
console.log(`${first.norm} ε=${first.eps}, ${first.model}: ${n} images in ${shards.length} shard(s) (${ranges.map((s) => `${s.offset}–${s.offset + s.n - 1}`).join(', ')})`);
for (const name of names) {
  const m = {
    advkitRobustError: weighted(name, 'advkitRobustError'),
    referenceRobustError: weighted(name, 'referenceRobustError'),
    agreement: weighted(name, 'agreement'),
    advkitSeconds: sum(name, 'advkitSeconds'),
    referenceSeconds: sum(name, 'referenceSeconds'),
    advkitCpuSeconds: sum(name, 'advkitCpuSeconds'),
    referenceCpuSeconds: sum(name, 'referenceCpuSeconds'),
  };
  merged.attacks[name] = m;
  const gap = 100 * (m.advkitRobustError - m.referenceRobustError);
  console.log(
    `${name}: advkit ${(100 * m.advkitRobustError).toFixed(2)}%, reference ${(100 * m.referenceRobustError).toFixed(2)}% (${gap >= 0 ? '+' : ''}${gap.toFixed(2)} points), ` +
      `agreement ${(100 * m.agreement).toFixed(2)}%; advkit ${m.advkitSeconds.toFixed(1)} s (CPU ${m.advkitCpuSeconds.toFixed(1)} s), reference ${m.referenceSeconds.toFixed(1)} s (CPU ${m.referenceCpuSeconds.toFixed(1)} s)`,
  );
}
if (missing.length > 0) console.log(`not in every shard, left out: ${missing.join(', ')}`);
if (out) writeFileSync(out, JSON.stringify(merged, null, 2));
