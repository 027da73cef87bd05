import type { AutoAttackShardState } from '../auto-attack-state.js';
import type { AutoAttackRun } from './auto-attack-run.js';
import { attackBatch } from './auto-attack-run.js';
import { predictions } from './predictions.js';
import { subsetRows } from './subset-rows.js';

/** A fresh shard over the examples `[start, end)` whose inputs are `x` (`(end − start)·d` floats). */
export function newShard(start: number, end: number, x: Float32Array, attacks: number): AutoAttackShardState {
  const rows = end - start;
  return {
    start,
    end,
    robust: new Uint8Array(rows),
    brokenBy: new Array<string | null>(rows).fill(null),
    xAdv: Float32Array.from(x),
    cleanDone: false,
    next: { attack: 0, batch: 0 },
    robustAfter: new Array<number | null>(attacks + 1).fill(null),
    seconds: new Array<number>(attacks + 1).fill(0),
    zeroGradients: 0,
    checks: [],
  };
}

/** Hooks of {@link runShard}: after each unit of work (the clean pass, each batch of each attack). */
export interface ShardHooks {
  /** Called after the shard state changed (`shard` is the live state: copy what you keep). */
  saved(shard: AutoAttackShardState): Promise<void>;
  /** Called after a batch of `attack` (by index) is done. */
  progress(attack: number, shard: AutoAttackShardState): void;
}

const count = (r: Uint8Array): number => r.reduce((a, b) => a + b, 0);

/**
 * Runs (or continues) one shard in place: the reference's first-batch checks when the shard holds
 * example 0, the clean pass, then each attack on the batches of the shard, each batch on the examples
 * of its range still robust. Batches are fixed ranges of examples, `[b·B, (b+1)·B)` in global indices,
 * and batch b of every attack draws with seed `seed + b`: a shard's results do not depend on the other
 * shards or on where the run was stopped and resumed.
 *
 * `x`, `y`: the shard's examples (flat).
 */
export async function runShard(run: AutoAttackRun, shard: AutoAttackShardState, x: Float32Array, y: Int32Array, hooks: ShardHooks): Promise<void> {
  const { batchSize, d, k, attacks } = run;
  const rows = shard.end - shard.start;
  const firstBatch = shard.start / batchSize;
  const nb = Math.ceil(rows / batchSize);
  if (!shard.cleanDone) {
    await run.stop();
    const t0 = performance.now();
    if (shard.start === 0) shard.checks = await firstBatchChecks(run, x, y, Math.min(batchSize, rows));
    for (let b = 0; b < nb; b++) {
      const lo = b * batchSize;
      const r = Math.min(batchSize, rows - lo);
      const pred = predictions(Float32Array.from(await run.score(x.subarray(lo * d, (lo + r) * d), r)), r, k);
      for (let i = 0; i < r; i++) {
        shard.robust[lo + i] = pred[i] === y[lo + i] ? 1 : 0;
        shard.brokenBy[lo + i] = pred[i] === y[lo + i] ? null : 'clean';
      }
    }
    shard.cleanDone = true;
    shard.robustAfter[0] = count(shard.robust);
    shard.seconds[0]! += (performance.now() - t0) / 1000;
    await hooks.saved(shard);
  }
  for (let a = shard.next.attack; a < attacks.length; a++) {
    const attack = attacks[a]!;
    if (run.skip.has(attack)) {
      shard.next = { attack: a + 1, batch: 0 };
      continue;
    }
    if (shard.next.batch === 0 && count(shard.robust) === 0) {
      // nothing left to attack in this shard: the remaining attacks are not run (their counts stay null)
      shard.next = { attack: attacks.length, batch: 0 };
      await hooks.saved(shard);
      break;
    }
    for (let b = shard.next.batch; b < nb; b++) {
      await run.stop();
      const t0 = performance.now();
      const lo = b * batchSize;
      const hi = Math.min(lo + batchSize, rows);
      const idx: number[] = [];
      for (let i = lo; i < hi; i++) if (shard.robust[i] === 1) idx.push(i);
      if (idx.length > 0) {
        const xs = subsetRows(x, d, idx);
        const ys = Int32Array.from(idx, (i) => y[i]!);
        const out = await attackBatch(run, attack, xs, ys, idx.length, run.seed + firstBatch + b);
        const pred = predictions(Float32Array.from(await run.score(out.xAdv, idx.length)), idx.length, k);
        idx.forEach((i, r) => {
          if (pred[r] !== ys[r]) {
            shard.robust[i] = 0;
            shard.brokenBy[i] = attack;
            shard.xAdv.set(out.xAdv.subarray(r * d, (r + 1) * d), i * d);
          }
        });
        shard.zeroGradients += out.zeroGradients;
      }
      shard.seconds[a + 1]! += (performance.now() - t0) / 1000;
      if (b + 1 < nb) shard.next = { attack: a, batch: b + 1 };
      else {
        shard.robustAfter[a + 1] = count(shard.robust);
        shard.next = { attack: a + 1, batch: 0 };
      }
      hooks.progress(a, shard);
      await hooks.saved(shard);
    }
  }
}

/**
 * The reference's checks on the first batch: five identical calls must give the same outputs
 * (else a randomised defence), and the outputs must not look like probabilities (`check_randomized`,
 * `check_range_output` in fra31/auto-attack's checks.py).
 */
async function firstBatchChecks(run: AutoAttackRun, x: Float32Array, y: Int32Array, nCheck: number): Promise<AutoAttackShardState['checks']> {
  const { k } = run;
  const checks: AutoAttackShardState['checks'] = [];
  const first = x.subarray(0, nCheck * run.d);
  const outs: Float64Array[] = [];
  const correct: number[] = [];
  for (let r = 0; r < (run.rand ? 1 : 5); r++) {
    const z = await run.score(first, nCheck);
    const o = new Float64Array(nCheck * k);
    const pred = predictions(Float32Array.from(z), nCheck, k);
    let c = 0;
    for (let i = 0; i < nCheck; i++) {
      if (pred[i] === y[i]) c++;
      let nn = 0;
      for (let j = 0; j < k; j++) nn += z[i * k + j]! ** 2;
      for (let j = 0; j < k; j++) o[i * k + j] = z[i * k + j]! / (Math.sqrt(nn) + 1e-10);
    }
    outs.push(o);
    correct.push(c);
  }
  let maxDiff = 0;
  for (let a = 0; a < outs.length; a++) {
    for (let b = a + 1; b < outs.length; b++) {
      for (let i = 0; i < nCheck; i++) {
        let s = 0;
        for (let j = 0; j < k; j++) s += (outs[a]![i * k + j]! - outs[b]![i * k + j]!) ** 2;
        maxDiff = Math.max(maxDiff, Math.sqrt(s));
      }
    }
  }
  if (correct.some((c) => c !== correct[correct.length - 1]) || maxDiff > 1e-4) {
    checks.push({ code: 'randomized', message: "the model's outputs change between identical calls: it seems to be a randomised defence; use version 'rand'" });
  }
  const z = await run.score(first, nCheck);
  let zMax = -Infinity;
  let zMin = Infinity;
  let sums = true;
  for (let i = 0; i < nCheck; i++) {
    let s = 0;
    for (let j = 0; j < k; j++) {
      const v = z[i * k + j]!;
      zMax = Math.max(zMax, v);
      zMin = Math.min(zMin, v);
      s += v;
    }
    if (!(Math.abs(s - 1) < 1e-5)) sums = false;
  }
  if (zMax < 1 + 1e-5 && zMin > -1e-5 && sums) {
    checks.push({ code: 'probability-output', message: 'the outputs look like a probability distribution: pass the logits (before softmax), or the losses saturate' });
  }
  return checks;
}
