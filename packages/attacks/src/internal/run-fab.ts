import { Rng } from '@advkit/core';
import type { Model } from '@advkit/models';
import { fabProjectionL1 } from './fab-projection-l1.js';
import { fabProjectionL2 } from './fab-projection-l2.js';
import { fabLinfOrder, fabLinfScratch, fabProjectionLinf, type FabLinfOrder } from './fab-projection-linf.js';
import { logitLossGradient } from './logit-loss-gradient.js';
import { logitsOfArray } from './logits-of-array.js';
import { predictions } from './predictions.js';
import { subsetRows } from './subset-rows.js';
import { topLogits } from './top-logits.js';

/** The settings of FAB and FAB-T (validated by the caller). */
export interface FabSettings {
  norm: FabNorm;
  /** FAB-T (one run per target class and restart) or untargeted FAB (restarts only). */
  targeted: boolean;
  /** The public function, for error messages. */
  fn: string;
  epsilon: number;
  steps: number;
  restarts: number;
  /** FAB-T: the targets are the 2nd … (targetClasses+1)-th largest clean logits (ignored untargeted). */
  targetClasses: number;
  /** α_max, the largest weight of the step from the clean point. */
  alphaMax: number;
  /** η, the overshoot of the projection. */
  eta: number;
  /** β, the backward step towards x after a success. */
  beta: number;
  seed: number;
}

/** What {@link runFab} returns (plain arrays). */
export interface FabOutcome {
  xAdv: Float32Array;
  robust: Uint8Array;
}

type FabNorm = 'linf' | 'l2' | 'l1';

/** ‖v[off … off+d)‖_p for p = ∞, 1, 2. */
function pNorm(v: ArrayLike<number>, off: number, d: number, norm: FabNorm): number {
  let s = 0;
  if (norm === 'linf') {
    // Math.max(s, |v_j|) without the call: NaN stays NaN
    for (let j = 0; j < d; j++) {
      const av = Math.abs(v[off + j]!);
      if (!(av <= s)) {
        s = av;
        if (Number.isNaN(s)) break;
      }
    }
  }
  else if (norm === 'l1') for (let j = 0; j < d; j++) s += Math.abs(v[off + j]!);
  else {
    for (let j = 0; j < d; j++) s += v[off + j]! ** 2;
    s = Math.sqrt(s);
  }
  return s;
}

/** ‖a − b‖_p over the row at `off` of length d. */
function pDistance(a: ArrayLike<number>, b: ArrayLike<number>, off: number, d: number, norm: FabNorm): number {
  let s = 0;
  if (norm === 'linf') for (let j = 0; j < d; j++) s = Math.max(s, Math.abs(a[off + j]! - b[off + j]!));
  else if (norm === 'l1') for (let j = 0; j < d; j++) s += Math.abs(a[off + j]! - b[off + j]!);
  else {
    for (let j = 0; j < d; j++) s += (a[off + j]! - b[off + j]!) ** 2;
    s = Math.sqrt(s);
  }
  return s;
}

/**
 * The linearised decision boundary at x¹ for each example: the constraint f(x) = 0 with value
 * f(x¹) = `df[i]` and gradient `dg[i·d … (i+1)·d]`. Targeted: f = z_t − z_y. Untargeted: among
 * f_c = z_c − z_y (c ≠ y), the one whose hyperplane is closest to x¹ in the attack's norm,
 * argmin_c |f_c| / ‖∇f_c‖_q (q the dual norm; the first minimum on ties, as torch's `min`).
 */
type Boundary = (x1: Float32Array, bs: number) => { df: Float64Array; dg: Float32Array };

function targetedBoundary(model: Model, la2: Int32Array, target: Int32Array): Boundary {
  return (x1, bs) => {
    const { loss, grad } = logitLossGradient(model, x1, bs, (z, row, g) => {
      const t = target[row]!;
      const yy = la2[row]!;
      if (g !== undefined) {
        g.fill(0);
        g[t] = 1;
        g[yy]! -= 1;
      }
      return z[t]! - z[yy]!;
    });
    return { df: loss, dg: grad };
  };
}

/**
 * The reference's `get_diff_logits_grads_batch` and class choice: K input gradients ∇(z_c − z_y) (the
 * reference runs one backward pass per class; here one forward and backward pass over the batch
 * stacked K times, copy c holding f_c = z_c − z_y), df_y = 1e10 so the true class is never chosen,
 * then dist_c = |df_c| / (1e-12 + ‖dg_c‖_q) with q the dual norm: 1 for L∞, 2 for L2, ∞ for L1.
 */
function untargetedBoundary(model: Model, la2: Int32Array, norm: FabNorm): Boundary {
  const k = model.numOutputs;
  return (x1, bs) => {
    const d = x1.length / bs;
    const stacked = new Float32Array(k * bs * d);
    for (let c = 0; c < k; c++) stacked.set(x1, c * bs * d);
    const { loss: dfs, grad: dgs } = logitLossGradient(model, stacked, k * bs, (z, row, g) => {
      const c = Math.floor(row / bs);
      const yy = la2[row % bs]!;
      if (g !== undefined) {
        g.fill(0);
        g[c]! += 1;
        g[yy]! -= 1;
      }
      return z[c]! - z[yy]!;
    });
    const df = new Float64Array(bs);
    const dg = new Float32Array(bs * d);
    for (let i = 0; i < bs; i++) {
      let best = Infinity;
      let arg = 0;
      for (let c = 0; c < k; c++) {
        const r = c * bs + i;
        const f = c === la2[i] ? 1e10 : dfs[r]!;
        const dist = Math.abs(f) / (1e-12 + pNorm(dgs, r * d, d, norm === 'linf' ? 'l1' : norm === 'l1' ? 'linf' : 'l2'));
        if (dist < best) {
          best = dist;
          arg = c;
        }
      }
      const r = arg * bs + i;
      df[i] = arg === la2[i] ? 1e10 : dfs[r]!;
      dg.set(dgs.subarray(r * d, (r + 1) * d), i * d);
    }
    return { df, dg };
  };
}

/**
 * One FAB run (the reference's `FABAttack.attack_single_run`): linearise the decision boundary
 * f = 0 at the current point x¹ ({@link Boundary}: f = z_t − z_y for the target t, the `targetClass`-th
 * largest clean logit, or untargeted the closest linearised boundary z_c − z_y), project both x¹ and
 * the clean x⁰ onto that hyperplane ∩ [0,1]^d (d₁, d₂), and step
 *
 *   x¹ ← clip_[0,1]((x¹ + η·d₁)(1 − α) + (x⁰ + η·d₂)·α),  α = min(max(‖d₁‖/(‖d₁‖ + ‖d₂‖), 0), α_max);
 *
 * after a success keep the point if it is the closest so far (in the attack's norm: ‖x¹ − x⁰‖_p, p = ∞, 2
 * or 1) and move back: x¹ ← x⁰ + β(x¹ − x⁰). The projection is {@link fabProjectionLinf},
 * {@link fabProjectionL2} or {@link fabProjectionL1}. Returns the closest adversarial point per example (x where none was found). Box [0, 1] as the reference.
 */
function fabSingleRun(model: Model, x: Float32Array, y: Int32Array, n: number, targetClass: number | null, randomStart: boolean, s: FabSettings, rng: Rng): Float32Array {
  const d = x.length / n;
  const k = model.numOutputs;
  const clean = logitsOfArray(model, x, n, s.fn);
  const pred = predictions(clean, n, k);
  const idx: number[] = [];
  for (let i = 0; i < n; i++) if (pred[i] === y[i]) idx.push(i);
  const out = Float32Array.from(x);
  if (idx.length === 0) return out;
  const bs = idx.length;
  const im2 = subsetRows(x, d, idx);
  const la2 = Int32Array.from(idx, (i) => y[i]!);
  const boundary =
    targetClass === null
      ? untargetedBoundary(model, la2, s.norm)
      : targetedBoundary(model, la2, Int32Array.from(idx, (i) => topLogits(clean.subarray(i * k, (i + 1) * k), targetClass)[targetClass - 1]!));
  const adv = Float32Array.from(im2);
  const res2 = new Float64Array(bs).fill(1e10);
  const x1 = Float32Array.from(im2);
  if (randomStart) {
    // x¹ = clip(x⁰ + min(res2, ε)·t/‖t‖_p/2), t uniform in [−1, 1]^d for L∞, standard normal for L2 and L1
    for (let i = 0; i < bs; i++) {
      const t = new Float64Array(d);
      let nn = 0;
      for (let j = 0; j < d; j++) {
        t[j] = s.norm === 'linf' ? 2 * rng.float() - 1 : rng.normal();
        nn = s.norm === 'linf' ? Math.max(nn, Math.abs(t[j]!)) : s.norm === 'l1' ? nn + Math.abs(t[j]!) : nn + t[j]! ** 2;
      }
      if (s.norm === 'l2') nn = Math.sqrt(nn);
      const r = Math.min(res2[i]!, s.epsilon);
      for (let j = 0; j < d; j++) x1[i * d + j] = Math.min(Math.max(im2[i * d + j]! + (r * t[j]!) / nn / 2, 0), 1);
    }
  }
  // L∞: the projection's buffers, and per example the sort of x⁰ that its projections reuse
  const scratch = s.norm === 'linf' ? fabLinfScratch(d) : undefined;
  const orders: (FabLinfOrder | undefined)[] = new Array(bs);
  const project = (t: Float32Array, w: Float32Array, b: number, out: Float64Array, clean: number | null): void => {
    if (s.norm === 'l1') fabProjectionL1(t, w, b, out);
    else if (scratch === undefined) fabProjectionL2(t, w, b, out);
    else if (clean === null) fabProjectionLinf(t, w, b, out, scratch);
    else fabProjectionLinf(t, w, b, out, scratch, (orders[clean] ??= fabLinfOrder(t)));
  };
  const d1 = new Float64Array(d);
  const d2 = new Float64Array(d);
  for (let it = 0; it < s.steps; it++) {
    const { df, dg } = boundary(x1, bs);
    for (let i = 0; i < bs; i++) {
      const o = i * d;
      const w = dg.subarray(o, o + d);
      let b = -df[i]!;
      for (let j = 0; j < d; j++) b += w[j]! * x1[o + j]!;
      project(x1.subarray(o, o + d), w, b, d1, null);
      project(im2.subarray(o, o + d), w, b, d2, i);
      const a1 = Math.max(pNorm(d1, 0, d, s.norm), 1e-8);
      const a2 = Math.max(pNorm(d2, 0, d, s.norm), 1e-8);
      const alpha = Math.min(Math.max(a1 / (a1 + a2), 0), s.alphaMax);
      for (let j = 0; j < d; j++) {
        const v = (x1[o + j]! + s.eta * d1[j]!) * (1 - alpha) + (im2[o + j]! + d2[j]! * s.eta) * alpha;
        // Math.min(Math.max(v, 0), 1): −0 becomes +0, NaN stays NaN
        x1[o + j] = v > 0 ? (v > 1 ? 1 : v) : Number.isNaN(v) ? v : 0;
      }
    }
    const p = predictions(logitsOfArray(model, x1, bs, s.fn), bs, k);
    for (let i = 0; i < bs; i++) {
      if (p[i] === la2[i]) continue;
      const o = i * d;
      const t = pDistance(x1, im2, o, d, s.norm);
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
 * FAB with restarts, as the reference's `FABAttack.perturb` (fra31/auto-attack, fab_base.py).
 * Untargeted: `restarts` runs on the examples still robust. Targeted (FAB-T): for each target class
 * (2nd … (targetClasses+1)-th largest clean logit) and restart. Random starts from the second run of
 * each class on; a point counts only if it is misclassified and within ε. One {@link Rng} seeded with
 * `seed` supplies the random starts.
 */
export function runFab(model: Model, x: Float32Array, y: Int32Array, n: number, s: FabSettings): FabOutcome {
  const d = x.length / n;
  const k = model.numOutputs;
  const rng = new Rng(s.seed);
  const xAdv = Float32Array.from(x);
  const pred = predictions(logitsOfArray(model, x, n, s.fn), n, k);
  const robust = new Uint8Array(n);
  for (let i = 0; i < n; i++) robust[i] = pred[i] === y[i] ? 1 : 0;
  const targets: (number | null)[] = s.targeted ? Array.from({ length: s.targetClasses }, (_, t) => t + 2) : [null];
  for (const tc of targets) {
    for (let r = 0; r < s.restarts; r++) {
      const idx: number[] = [];
      for (let i = 0; i < n; i++) if (robust[i] === 1) idx.push(i);
      if (idx.length === 0) return { xAdv, robust };
      const xs = subsetRows(x, d, idx);
      const ys = Int32Array.from(idx, (i) => y[i]!);
      const cur = fabSingleRun(model, xs, ys, idx.length, tc, r > 0, s, rng);
      const p = predictions(logitsOfArray(model, cur, idx.length, s.fn), idx.length, k);
      idx.forEach((i, row) => {
        const o = row * d;
        if (p[row] !== ys[row] && !(pDistance(xs, cur, o, d, s.norm) > s.epsilon)) {
          robust[i] = 0;
          xAdv.set(cur.subarray(o, o + d), i * d);
        }
      });
    }
  }
  return { xAdv, robust };
}
