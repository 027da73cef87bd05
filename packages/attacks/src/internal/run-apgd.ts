import { Rng } from '@advkit/core';
import type { Model } from '@advkit/models';
import { apgdSingleRun, type ApgdRunSettings } from './apgd-single-run.js';
import { crossEntropyLoss } from './cross-entropy-loss.js';
import { dlrLoss } from './dlr-loss.js';
import { targetedDlrLoss } from './targeted-dlr-loss.js';
import { logitsOfArray } from './logits-of-array.js';
import { topLogits } from './top-logits.js';
import { predictions } from './predictions.js';
import { subsetRows } from './subset-rows.js';
import { projectL1Rows } from './apgd-l1.js';

/** APGD's loss: cross-entropy (APGD-CE), DLR (APGD-DLR) or targeted DLR (APGD-T). */
export type ApgdLoss = 'cross-entropy' | 'dlr' | 'targeted-dlr';

export interface ApgdSettings extends ApgdRunSettings {
  loss: ApgdLoss;
  restarts: number;
  /** APGD-T: the targets are the 2nd … (targetClasses+1)-th largest clean logits. */
  targetClasses: number;
  seed: number;
  /** L1 only: the reference's `use_largereps` (see {@link largeEpsilonRun}). */
  largeEpsilonSchedule: boolean;
}

/** What {@link runApgd} returns (plain arrays). */
export interface ApgdOutcome {
  /** The adversarial example where the attack succeeded, x elsewhere, `[n·d]`. */
  xAdv: Float32Array;
  /** 1 where the example is still classified as y (clean misclassified examples count as broken), `[n]`. */
  robust: Uint8Array;
  /** Examples (over all runs) whose gradient at the start was exactly zero. */
  zeroGradients: number;
}

/**
 * APGD with restarts and targets, as the reference's `APGDAttack.perturb` and
 * `APGDAttack_targeted.perturb` (fra31/auto-attack): only examples still classified correctly are
 * attacked again; an example broken by a run keeps that run's misclassified point. APGD-T runs once
 * per target class (the 2nd, 3rd, … largest logit at the clean input) and restart. One {@link Rng}
 * seeded with `seed` supplies every random start, in order (the reference seeds torch once per call).
 */
export function runApgd(model: Model, x: Float32Array, y: Int32Array, n: number, s: ApgdSettings): ApgdOutcome {
  const d = x.length / n;
  const k = model.numOutputs;
  const rng = new Rng(s.seed);
  const xAdv = Float32Array.from(x);
  const pred = predictions(logitsOfArray(model, x, n, 'apgd'), n, k);
  const robust = new Uint8Array(n);
  for (let i = 0; i < n; i++) robust[i] = pred[i] === y[i] ? 1 : 0;
  let zeroGradients = 0;
  const targets = s.loss === 'targeted-dlr' ? s.targetClasses : 1;
  for (let tc = 2; tc < 2 + targets; tc++) {
    for (let r = 0; r < s.restarts; r++) {
      const idx: number[] = [];
      for (let i = 0; i < n; i++) if (robust[i] === 1) idx.push(i);
      if (idx.length === 0) return { xAdv, robust, zeroGradients };
      const xs = subsetRows(x, d, idx);
      const ys = Int32Array.from(idx, (i) => y[i]!);
      let loss;
      if (s.loss === 'cross-entropy') loss = (z: Float32Array, row: number, g?: Float64Array) => crossEntropyLoss(z, ys[row]!, g);
      else if (s.loss === 'dlr') loss = (z: Float32Array, row: number, g?: Float64Array) => dlrLoss(z, ys[row]!, g);
      else {
        const clean = logitsOfArray(model, xs, idx.length, 'apgd');
        const t = Int32Array.from(idx, (_, row) => topLogits(clean.subarray(row * k, (row + 1) * k), tc)[tc - 1]!);
        loss = (z: Float32Array, row: number, g?: Float64Array) => targetedDlrLoss(z, ys[row]!, t[row]!, g);
      }
      const run = s.largeEpsilonSchedule ? largeEpsilonRun(model, xs, ys, idx.length, loss, s, rng) : apgdSingleRun(model, xs, ys, idx.length, loss, s, rng);
      if (s.loss !== 'cross-entropy') zeroGradients += run.zeroGradients;
      idx.forEach((i, row) => {
        if (run.robust[row] === 0) {
          robust[i] = 0;
          xAdv.set(run.xBestAdv.subarray(row * d, (row + 1) * d), i * d);
        }
      });
    }
  }
  return { xAdv, robust, zeroGradients };
}

/**
 * The reference's `decr_eps_pgd` (`use_largereps`, L1 only; Croce & Hein, ICML 2021, §3.3): three
 * runs with radii 3ε, 2ε, ε and ⌈0.3N⌉, ⌈0.3N⌉, N − 2⌈0.3N⌉ iterations, each started from the
 * previous run's best point projected onto the smaller ball (the first from x + t, t standard
 * normal, projected onto B₁(x, 3ε) ∩ box). Only the last run (radius ε) decides success.
 */
function largeEpsilonRun(model: Model, x: Float32Array, y: Int32Array, n: number, loss: Parameters<typeof apgdSingleRun>[4], s: ApgdSettings, rng: Rng): ReturnType<typeof apgdSingleRun> {
  const epss = [3 * s.epsilon, 2 * s.epsilon, s.epsilon];
  const first = Math.ceil(0.3 * s.steps);
  const iters = [first, first, s.steps - 2 * first];
  let xInit: Float32Array = Float32Array.from(x, (v) => v + rng.normal());
  let run: ReturnType<typeof apgdSingleRun> | undefined;
  for (let stage = 0; stage < 3; stage++) {
    xInit = projectL1Rows(xInit, x, n, epss[stage]!, s.lo, s.hi);
    run = apgdSingleRun(model, x, y, n, loss, { ...s, epsilon: epss[stage]!, steps: iters[stage]! }, rng, xInit);
    xInit = run.xBest;
  }
  return run!;
}
