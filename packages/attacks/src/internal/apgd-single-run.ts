import type { Rng } from '@advkit/core';
import type { Model } from '@advkit/models';
import { apgdCheckpoints } from './apgd-checkpoints.js';
import { predictions } from './predictions.js';
import { logitLossGradient, type LogitLoss } from './logit-loss-gradient.js';
import { l0Distance, projectL1Rows, sparseSignStep } from './apgd-l1.js';

/** The settings of one APGD run (validated by the caller). */
export interface ApgdRunSettings {
  norm: 'linf' | 'l2' | 'l1';
  epsilon: number;
  /** The box [lo, hi] (±Infinity without one). */
  lo: number;
  hi: number;
  steps: number;
  /** The oscillation threshold ρ. */
  rho: number;
  /** Gradients averaged per iterate (Expectation over Transformation, for randomised models). */
  eotIterations: number;
}

/** What one APGD run returns (plain arrays). */
export interface ApgdRunResult {
  /** Each example's point of highest loss over all iterates, `[n·d]`. */
  xBest: Float32Array;
  /** 1 where every iterate was still classified as y (the run failed on the example), `[n]`. */
  robust: Uint8Array;
  /** The highest loss reached, `[n]`. */
  lossBest: Float64Array;
  /** The last misclassified iterate (or the start where none was), `[n·d]`. */
  xBestAdv: Float32Array;
  /** Examples whose gradient at the start was exactly zero. */
  zeroGradients: number;
}



/**
 * One run of Auto-PGD (Croce & Hein, "Reliable evaluation of adversarial robustness with an ensemble
 * of diverse parameter-free attacks", ICML 2020, Algorithm 1), step for step as the reference's
 * `APGDAttack.attack_single_run` (fra31/auto-attack, autopgd_base.py) for L∞ and L2:
 *
 *   x⁰ = clip_box(x + ε·t/‖t‖_p), t uniform in [−1,1]^d (L∞) or standard normal (L2); η⁰ = 2ε;
 *   z = P_S(xᵏ + ηᵏ·s(∇L(xᵏ))),  s = sign (L∞) or g/‖g‖₂ (L2);
 *   xᵏ⁺¹ = P_S(xᵏ + a·(z − xᵏ) + (1 − a)·(xᵏ − xᵏ⁻¹)),  a = 0.75 (1 at k = 0);
 *
 * P_S clips to the L∞ ball and the box (L2: rescales into the ball, then clips to the box, as the
 * reference). Each example keeps its point of highest loss. At the checkpoints of
 * {@link apgdCheckpoints} the step size of an example is halved, and it restarts from its best point
 * with its gradient there, when (1) the loss increased in at most ρ·k of the last k steps, or (2) its
 * step size was not reduced at the last checkpoint and its best loss has not improved since.
 *
 * L1 (Croce & Hein, "Mind the box: l1-APGD for sparse adversarial attacks on image classifiers",
 * ICML 2021, as the reference's norm 'L1'): start at P_S(x + t), t standard normal (or at `xInit`);
 * η⁰ = ε; no momentum: xᵏ⁺¹ = P_S(xᵏ + η·s/‖s‖₁) with the sparse sign s of {@link sparseSignStep}
 * over the top `topk·d` coordinates (topk⁰ = 0.2, or ‖xInit − x‖₀/(1.5·d)); P_S the exact projection
 * onto B₁(x, ε) ∩ box. Every k = max(⌊0.04·N⌋, 1) iterations, with s_k = ‖x_best − x‖₀: topk ←
 * s_k/(1.5·d); if s_k < 0.95·s_{k−1} the step size goes back to ε and the example restarts from its
 * best point, else it is divided by 1.5; always within [ε/10, ε].
 *
 * `loss(z, row, grad)` is the per-example loss (CE, DLR or targeted DLR) of example `row`. Random
 * draws come from `rng` in example-major order. Uses the model only through
 * {@link logitLossGradient}; creates no tensors that outlive the call.
 */
export function apgdSingleRun(model: Model, x: Float32Array, y: Int32Array, n: number, loss: LogitLoss, s: ApgdRunSettings, rng: Rng, xInit?: Float32Array): ApgdRunResult {
  const d = x.length / n;
  const k = model.numOutputs;
  const { epsilon: eps, lo, hi } = s;
  const clip = (v: number): number => (v < lo ? lo : v > hi ? hi : v);
  const l1 = s.norm === 'l1';

  // the random start
  let xAdv: Float32Array = new Float32Array(n * d);
  if (xInit !== undefined) xAdv = Float32Array.from(xInit, clip);
  else if (l1) {
    for (let q = 0; q < n * d; q++) xAdv[q] = x[q]! + rng.normal();
    xAdv = projectL1Rows(xAdv, x, n, eps, lo, hi);
  } else {
    for (let i = 0; i < n; i++) {
      const t = new Float64Array(d);
      let norm = 0;
      if (s.norm === 'linf') {
        for (let j = 0; j < d; j++) {
          t[j] = 2 * rng.float() - 1;
          norm = Math.max(norm, Math.abs(t[j]!));
        }
      } else {
        for (let j = 0; j < d; j++) {
          t[j] = rng.normal();
          norm += t[j]! * t[j]!;
        }
        norm = Math.sqrt(norm);
      }
      for (let j = 0; j < d; j++) xAdv[i * d + j] = clip(x[i * d + j]! + (eps * t[j]!) / (norm + 1e-12));
    }
  }

  // P_S as the reference writes it
  const project = (v: Float32Array): void => {
    for (let i = 0; i < n; i++) {
      const o = i * d;
      if (s.norm === 'linf') {
        for (let j = 0; j < d; j++) {
          const c = x[o + j]!;
          const w = v[o + j]!;
          v[o + j] = clip(w < c - eps ? c - eps : w > c + eps ? c + eps : w);
        }
      } else {
        let nn = 0;
        for (let j = 0; j < d; j++) nn += (v[o + j]! - x[o + j]!) ** 2;
        nn = Math.sqrt(nn);
        const f = Math.min(eps, nn) / (nn + 1e-12);
        for (let j = 0; j < d; j++) v[o + j] = clip(x[o + j]! + (v[o + j]! - x[o + j]!) * f);
      }
    }
  };

  const xBest = Float32Array.from(xAdv);
  const xBestAdv = Float32Array.from(xAdv);
  // EOT: the gradient is the mean over eotIterations calls; logits and loss are the last call's (as the reference)
  const lossGradient = (v: Float32Array): ReturnType<typeof logitLossGradient> => {
    const r = logitLossGradient(model, v, n, loss);
    for (let e = 1; e < s.eotIterations; e++) {
      const q = logitLossGradient(model, v, n, loss);
      for (let j = 0; j < r.grad.length; j++) r.grad[j]! += q.grad[j]!;
      r.logits = q.logits;
      r.loss = q.loss;
    }
    if (s.eotIterations > 1) for (let j = 0; j < r.grad.length; j++) r.grad[j] = r.grad[j]! / s.eotIterations;
    return r;
  };
  let { logits, loss: lossIndiv, grad } = lossGradient(xAdv);
  const gradBest = Float32Array.from(grad);
  let zeroGradients = 0;
  for (let i = 0; i < n; i++) {
    let a = 0;
    for (let j = 0; j < d; j++) a += Math.abs(grad[i * d + j]!);
    if (a === 0) zeroGradients++;
  }
  const robust = new Uint8Array(n);
  const pred0 = predictions(logits, n, k);
  for (let i = 0; i < n; i++) robust[i] = pred0[i] === y[i] ? 1 : 0;
  const lossBest = Float64Array.from(lossIndiv);
  const lossSteps = new Float64Array(s.steps * n); // [steps, n]; row −1 reads as zeros, as in the reference
  const alpha = l1 ? 1 : 2;
  const stepSize = new Float64Array(n).fill(alpha * eps);
  // L1: the sparsity of the step, and the last check's ‖x_best − x‖₀
  const topk = new Float64Array(n).fill(0.2);
  let spOld: Float64Array = new Float64Array(n).fill(d);
  if (l1 && xInit !== undefined) {
    spOld = l0Distance(xAdv, x, n);
    for (let i = 0; i < n; i++) topk[i] = Math.fround(Math.fround(spOld[i]! / d) / 1.5);
  }
  const l1Period = Math.max(Math.floor(0.04 * s.steps), 1);
  let xOld: Float32Array = Float32Array.from(xAdv);
  const checks = new Map(apgdCheckpoints(s.steps).map((c) => [c.at, c.k]));
  let lossBestLastCheck: Float64Array = Float64Array.from(lossBest);
  let reducedLastCheck = new Uint8Array(n).fill(1);
  // L∞: P_S(v) = clip(clip(v, x − ε, x + ε), lo, hi) = min(max(v, L), U) with L = max(x − ε, lo) and
  // U = min(max(x + ε, lo), hi) (max distributes over min), and on a float32 v rounding L and U to
  // float32 first gives the same float32 result (rounding is monotone, so it commutes with min and max)
  let lower: Float32Array | undefined;
  let upper: Float32Array | undefined;
  if (s.norm === 'linf') {
    lower = new Float32Array(n * d);
    upper = new Float32Array(n * d);
    for (let q = 0; q < n * d; q++) {
      const c = x[q]!;
      const l = c - eps;
      const u = c + eps < lo ? lo : c + eps;
      lower[q] = l < lo ? lo : l;
      upper[q] = u > hi ? hi : u;
    }
  }

  for (let it = 0; it < s.steps; it++) {
    // the gradient step with momentum (L1: the sparse step, no momentum)
    const a = it > 0 ? 0.75 : 1.0;
    let next: Float32Array;
    if (l1) next = projectL1Rows(sparseSignStep(xAdv, grad, n, stepSize, topk), x, n, eps, lo, hi);
    else if (s.norm === 'linf') {
      // the step z = P_S(xᵏ + η·sign(g)), the momentum and P_S again in one pass over each
      // coordinate, with P_S as one clip to [lower, upper] (see above): the same float32 values as
      // the two-array form; written into xᵏ⁻¹'s array, which each coordinate reads before it is overwritten
      next = xOld;
      const b = 1 - a;
      for (let i = 0; i < n; i++) {
        const step = stepSize[i]!;
        const o = i * d;
        for (let q = o; q < o + d; q++) {
          const g = grad[q]!;
          const xa = xAdv[q]!;
          const l = lower![q]!;
          const u = upper![q]!;
          let v = Math.fround(xa + (g > 0 ? step : g < 0 ? -step : 0));
          v = v < l ? l : v;
          v = v > u ? u : v;
          let w = Math.fround(xa + (v - xa) * a + (xa - xOld[q]!) * b);
          w = w < l ? l : w;
          next[q] = w > u ? u : w;
        }
      }
    } else {
      const z = new Float32Array(n * d);
      for (let i = 0; i < n; i++) {
        let gn = 0;
        for (let j = 0; j < d; j++) gn += grad[i * d + j]! ** 2;
        const f = stepSize[i]! / (Math.sqrt(gn) + 1e-12);
        for (let j = 0; j < d; j++) z[i * d + j] = xAdv[i * d + j]! + f * grad[i * d + j]!;
      }
      project(z);
      next = new Float32Array(n * d);
      for (let q = 0; q < n * d; q++) next[q] = xAdv[q]! + (z[q]! - xAdv[q]!) * a + (xAdv[q]! - xOld[q]!) * (1 - a);
      project(next);
    }
    xOld = xAdv;
    xAdv = next;

    ({ logits, loss: lossIndiv, grad } = lossGradient(xAdv));
    const pred = predictions(logits, n, k);
    for (let i = 0; i < n; i++) {
      if (pred[i] !== y[i]) {
        robust[i] = 0;
        xBestAdv.set(xAdv.subarray(i * d, (i + 1) * d), i * d);
      }
      const l = lossIndiv[i]!;
      lossSteps[it * n + i] = l;
      if (l > lossBest[i]!) {
        xBest.set(xAdv.subarray(i * d, (i + 1) * d), i * d);
        gradBest.set(grad.subarray(i * d, (i + 1) * d), i * d);
        lossBest[i] = l;
      }
    }

    if (l1 && (it + 1) % l1Period === 0) {
      const spCurr = l0Distance(xBest, x, n);
      for (let i = 0; i < n; i++) {
        const reduced = spCurr[i]! / spOld[i]! < 0.95; // 0/0 is NaN: not reduced, as the reference
        topk[i] = Math.fround(Math.fround(spCurr[i]! / d) / 1.5);
        stepSize[i] = Math.min(Math.max(reduced ? alpha * eps : stepSize[i]! / 1.5, (alpha * eps) / 10), alpha * eps);
        if (reduced) {
          xAdv.set(xBest.subarray(i * d, (i + 1) * d), i * d);
          grad.set(gradBest.subarray(i * d, (i + 1) * d), i * d);
        }
      }
      spOld = spCurr;
    }
    const win = l1 ? undefined : checks.get(it);
    if (win !== undefined) {
      const reduced = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        let increases = 0;
        for (let c = 0; c < win; c++) {
          const cur = lossSteps[(it - c) * n + i]!;
          const prev = it - c - 1 >= 0 ? lossSteps[(it - c - 1) * n + i]! : 0;
          if (cur > prev) increases++;
        }
        const oscillation = increases <= win * s.rho;
        const noImprovement = reducedLastCheck[i] === 0 && lossBestLastCheck[i]! >= lossBest[i]!;
        if (oscillation || noImprovement) {
          reduced[i] = 1;
          stepSize[i] = stepSize[i]! / 2;
          xAdv.set(xBest.subarray(i * d, (i + 1) * d), i * d);
          grad.set(gradBest.subarray(i * d, (i + 1) * d), i * d);
        }
      }
      reducedLastCheck = reduced;
      lossBestLastCheck = Float64Array.from(lossBest);
    }
  }
  return { xBest, robust, lossBest, xBestAdv, zeroGradients };
}
