import { Rng } from '@advkit/core';
import type { Model } from '@advkit/models';
import { fabProjectionL2 } from './fab-projection-l2.js';
import { fabProjectionLinf } from './fab-projection-linf.js';
import { logitLossGradient } from './logit-loss-gradient.js';
import { logitsOfArray } from './logits-of-array.js';
import { predictions } from './predictions.js';
import { subsetRows } from './subset-rows.js';
import { topLogits } from './top-logits.js';

/** The settings of targeted FAB (validated by the caller). */
export interface FabSettings {
  norm: 'linf' | 'l2';
  epsilon: number;
  steps: number;
  restarts: number;
  targetClasses: number;
  /** α_max, the largest weight of the step from the clean point. */
  alphaMax: number;
  /** η, the overshoot of the projection. */
  eta: number;
  /** β, the backward step towards x after a success. */
  beta: number;
  seed: number;
}

/** What {@link runFabTargeted} returns (plain arrays). */
export interface FabOutcome {
  xAdv: Float32Array;
  robust: Uint8Array;
}

const pNorm = (v: ArrayLike<number>, off: number, d: number, norm: 'linf' | 'l2'): number => {
  let s = 0;
  if (norm === 'linf') for (let j = 0; j < d; j++) s = Math.max(s, Math.abs(v[off + j]!));
  else {
    for (let j = 0; j < d; j++) s += v[off + j]! ** 2;
    s = Math.sqrt(s);
  }
  return s;
};

/**
 * One targeted FAB run (the reference's `FABAttack.attack_single_run` with `is_targeted`): for the
 * target t (the `targetClass`-th largest clean logit), linearise the constraint f_t − f_y = 0 at the
 * current point x¹, project both x¹ and the clean x⁰ onto that hyperplane ∩ [0,1]^d (d₁, d₂), and step
 *
 *   x¹ ← clip_[0,1]((x¹ + η·d₁)(1 − α) + (x⁰ + η·d₂)·α),  α = min(max(‖d₁‖/(‖d₁‖ + ‖d₂‖), 0), α_max);
 *
 * after a success keep the point if it is the closest so far and move back: x¹ ← x⁰ + β(x¹ − x⁰).
 * Returns the closest adversarial point per example (x where none was found). Box [0, 1] as the reference.
 */
function fabTargetedSingleRun(model: Model, x: Float32Array, y: Int32Array, n: number, targetClass: number, randomStart: boolean, s: FabSettings, rng: Rng): Float32Array {
  const d = x.length / n;
  const k = model.numOutputs;
  const clean = logitsOfArray(model, x, n, 'fabTargeted');
  const pred = predictions(clean, n, k);
  const idx: number[] = [];
  for (let i = 0; i < n; i++) if (pred[i] === y[i]) idx.push(i);
  const out = Float32Array.from(x);
  if (idx.length === 0) return out;
  const bs = idx.length;
  const im2 = subsetRows(x, d, idx);
  const la2 = Int32Array.from(idx, (i) => y[i]!);
  const target = Int32Array.from(idx, (i) => topLogits(clean.subarray(i * k, (i + 1) * k), targetClass)[targetClass - 1]!);
  const adv = Float32Array.from(im2);
  const res2 = new Float64Array(bs).fill(1e10);
  const x1 = Float32Array.from(im2);
  if (randomStart) {
    for (let i = 0; i < bs; i++) {
      const t = new Float64Array(d);
      let nn = 0;
      for (let j = 0; j < d; j++) {
        t[j] = s.norm === 'linf' ? 2 * rng.float() - 1 : rng.normal();
        nn = s.norm === 'linf' ? Math.max(nn, Math.abs(t[j]!)) : nn + t[j]! ** 2;
      }
      if (s.norm === 'l2') nn = Math.sqrt(nn);
      const r = Math.min(res2[i]!, s.epsilon);
      for (let j = 0; j < d; j++) x1[i * d + j] = Math.min(Math.max(im2[i * d + j]! + (r * t[j]!) / nn / 2, 0), 1);
    }
  }
  const project = s.norm === 'linf' ? fabProjectionLinf : fabProjectionL2;
  const d1 = new Float64Array(d);
  const d2 = new Float64Array(d);
  for (let it = 0; it < s.steps; it++) {
    // f = z_t − z_y and its gradient at x¹
    const { loss: df, grad: dg } = logitLossGradient(model, x1, bs, (z, row, g) => {
      const t = target[row]!;
      const yy = la2[row]!;
      if (g !== undefined) {
        g.fill(0);
        g[t] = 1;
        g[yy]! -= 1;
      }
      return z[t]! - z[yy]!;
    });
    for (let i = 0; i < bs; i++) {
      const o = i * d;
      const w = dg.subarray(o, o + d);
      let b = -df[i]!;
      for (let j = 0; j < d; j++) b += w[j]! * x1[o + j]!;
      project(x1.subarray(o, o + d), w, b, d1);
      project(im2.subarray(o, o + d), w, b, d2);
      const a1 = Math.max(pNorm(d1, 0, d, s.norm), 1e-8);
      const a2 = Math.max(pNorm(d2, 0, d, s.norm), 1e-8);
      const alpha = Math.min(Math.max(a1 / (a1 + a2), 0), s.alphaMax);
      for (let j = 0; j < d; j++) {
        const v = (x1[o + j]! + s.eta * d1[j]!) * (1 - alpha) + (im2[o + j]! + d2[j]! * s.eta) * alpha;
        x1[o + j] = Math.min(Math.max(v, 0), 1);
      }
    }
    const p = predictions(logitsOfArray(model, x1, bs, 'fabTargeted'), bs, k);
    for (let i = 0; i < bs; i++) {
      if (p[i] === la2[i]) continue;
      const o = i * d;
      let t = 0;
      if (s.norm === 'linf') for (let j = 0; j < d; j++) t = Math.max(t, Math.abs(x1[o + j]! - im2[o + j]!));
      else {
        for (let j = 0; j < d; j++) t += (x1[o + j]! - im2[o + j]!) ** 2;
        t = Math.sqrt(t);
      }
      if (t < res2[i]!) {
        adv.set(x1.subarray(o, o + d), o);
        res2[i] = t;
      }
      for (let j = 0; j < d; j++) x1[o + j] = im2[o + j]! + (x1[o + j]! - im2[o + j]!) * s.beta;
    }
  }
  idx.forEach((i, r) => {
    if (res2[r]! < 1e10) out.set(adv.subarray(r * d, (r + 1) * d), i * d);
  });
  return out;
}

/**
 * Targeted FAB with restarts, as the reference's `FABAttack.perturb` with `targeted = True`
 * (fra31/auto-attack, fab_base.py): for each target class (2nd … (targetClasses+1)-th largest clean
 * logit) and restart (random start from the second on), attack the examples still robust; a point
 * counts only if it is misclassified and within ε. One {@link Rng} seeded with `seed` supplies the
 * random starts.
 */
export function runFabTargeted(model: Model, x: Float32Array, y: Int32Array, n: number, s: FabSettings): FabOutcome {
  const d = x.length / n;
  const k = model.numOutputs;
  const rng = new Rng(s.seed);
  const xAdv = Float32Array.from(x);
  const pred = predictions(logitsOfArray(model, x, n, 'fabTargeted'), n, k);
  const robust = new Uint8Array(n);
  for (let i = 0; i < n; i++) robust[i] = pred[i] === y[i] ? 1 : 0;
  for (let tc = 2; tc < 2 + s.targetClasses; tc++) {
    for (let r = 0; r < s.restarts; r++) {
      const idx: number[] = [];
      for (let i = 0; i < n; i++) if (robust[i] === 1) idx.push(i);
      if (idx.length === 0) return { xAdv, robust };
      const xs = subsetRows(x, d, idx);
      const ys = Int32Array.from(idx, (i) => y[i]!);
      const cur = fabTargetedSingleRun(model, xs, ys, idx.length, tc, r > 0, s, rng);
      const p = predictions(logitsOfArray(model, cur, idx.length, 'fabTargeted'), idx.length, k);
      idx.forEach((i, row) => {
        let dist = 0;
        const o = row * d;
        if (s.norm === 'linf') for (let j = 0; j < d; j++) dist = Math.max(dist, Math.abs(xs[o + j]! - cur[o + j]!));
        else {
          for (let j = 0; j < d; j++) dist += (xs[o + j]! - cur[o + j]!) ** 2;
          dist = Math.sqrt(dist);
        }
        if (p[row] !== ys[row] && !(dist > s.epsilon)) {
          robust[i] = 0;
          xAdv.set(cur.subarray(o, o + d), i * d);
        }
      });
    }
  }
  return { xAdv, robust };
}
