import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, checkNumber, checkOptions, describeValue, yieldToEventLoop } from '@advkit/core';
import type { Model } from '@advkit/models';
import type { LpBall } from '@advkit/threat-models';
import type { BlackBoxModel } from './black-box-model.js';
import { checkModel } from '@advkit/models/internal';
import { checkSeed, checkThreatModel } from './internal/resolve-attack.js';
import { SCORE_BASED_ATTACKS, checkAttackBall, checkAttackInputs, isBlackBoxModel, toTensor } from './internal/check-attack-inputs.js';
import { runApgd } from './internal/run-apgd.js';
import { runFabTargeted } from './internal/run-fab.js';
import { squareSteps } from './internal/square-steps.js';
import { driveSteps } from './internal/drive-steps.js';
import { logitsOfArray } from './internal/logits-of-array.js';
import { predictions } from './internal/predictions.js';
import { subsetRows } from './internal/subset-rows.js';
import { resolveApgdSettings } from './apgd.js';
import { resolveSquareSettings } from './square.js';
import { resolveFabSettings } from './fab-targeted.js';

/** The attacks of {@link autoAttack}, by the reference's names. */
export type AutoAttackName = 'apgd-ce' | 'apgd-dlr' | 'apgd-t' | 'fab-t' | 'square';

const ATTACK_NAMES: readonly AutoAttackName[] = ['apgd-ce', 'apgd-dlr', 'apgd-t', 'fab-t', 'square'];
const GRADIENT_ATTACKS: readonly AutoAttackName[] = ['apgd-ce', 'apgd-dlr', 'apgd-t', 'fab-t'];

/** A sanity check of the reference that fired (the reference prints them; here they are data). */
export interface AutoAttackWarning {
  /**
   * `'randomized'`: the logits change between identical calls (use version 'rand');
   * `'probability-output'`: the outputs look like probabilities, not logits;
   * `'zero-gradients'`: some examples have an exactly zero gradient of the DLR loss;
   * `'square-stronger'`: Square lowered the robust accuracy by more than 0.2 points after the
   * white-box attacks (gradient masking?); `'too-few-classes'`: the DLR or targeted attacks lack classes.
   */
  code: 'randomized' | 'probability-output' | 'zero-gradients' | 'square-stronger' | 'too-few-classes';
  message: string;
}

export interface AutoAttackProgress {
  /** The attack running. */
  attack: AutoAttackName;
  /** Batches of this attack done, and in all. */
  batch: number;
  batches: number;
  /** Examples still robust. */
  robust: number;
  /** Examples in all. */
  n: number;
}

export interface AutoAttackOptions {
  /** The threat model: an L∞ or L2 ball, ε > 0, usually with the box [0, 1]. */
  threatModel: LpBall;
  /**
   * `'standard'`: APGD-CE, APGD-T (9 targets), FAB-T (9 targets), Square (5000 queries), one run each;
   * `'rand'` (randomised defences): APGD-CE and APGD-DLR with 20 EOT gradient samples; or a list of
   * attack names run in the given order with the standard settings. (`'plus'` needs untargeted FAB,
   * which advkit does not have yet: an ArgumentError.) @default 'standard'
   */
  version?: 'standard' | 'rand' | 'plus' | readonly AutoAttackName[];
  /** Seed of every attack's random draws (batch b of an attack uses seed + b). @default 0 */
  seed?: number;
  /** Examples per attack call. @default 500 */
  batchSize?: number;
  /**
   * Stops between batches (and between Square's queries): the promise rejects with `signal.reason`.
   * With a signal the run yields to the event loop there (at most every 20 ms), so an abort from a
   * timer, a worker message or a signal handler takes effect. @default none
   */
  signal?: AbortSignal;
  /** Called after every batch. @default undefined */
  onProgress?: (progress: AutoAttackProgress) => void;
}

export interface AutoAttackResult {
  /** Per example: still classified correctly after every attack. */
  robust: boolean[];
  /** Per example: `'clean'` if misclassified without attack, else the attack that broke it, or null. */
  brokenBy: (AutoAttackName | 'clean' | null)[];
  /** The adversarial examples (x where no attack succeeded), `[n, ...inputShape]`, owned by the caller. */
  xAdv: tf.Tensor;
  /** Fraction misclassified without attack. */
  cleanError: number;
  /** Fraction not robust: misclassified clean or broken by an attack (exact counts / n). */
  robustError: number;
  /** Robust accuracy after the clean check and after each attack, in order (`clean` first). */
  robustAccuracyAfter: { attack: AutoAttackName | 'clean'; robustAccuracy: number; seconds: number }[];
  /** The reference's sanity checks that fired. */
  warnings: AutoAttackWarning[];
}

function resolveAttacks(version: unknown, fn: string): { attacks: AutoAttackName[]; rand: boolean } {
  if (version === undefined || version === 'standard') return { attacks: ['apgd-ce', 'apgd-t', 'fab-t', 'square'], rand: false };
  if (version === 'rand') return { attacks: ['apgd-ce', 'apgd-dlr'], rand: true };
  if (version === 'plus') throw new ArgumentError("'plus' needs untargeted FAB, which advkit does not implement yet; pass a list of attacks instead", { fn, argument: 'options.version' });
  if (!Array.isArray(version) || version.length === 0) throw new ArgumentError(`must be 'standard', 'rand' or a non-empty list of attack names, got ${describeValue(version)}`, { fn, argument: 'options.version' });
  for (const a of version) {
    if (!ATTACK_NAMES.includes(a)) throw new ArgumentError(`lists an unknown attack ${describeValue(a)}; known: ${ATTACK_NAMES.join(', ')}`, { fn, argument: 'options.version' });
  }
  if (new Set(version).size !== version.length) throw new ArgumentError('lists an attack twice', { fn, argument: 'options.version' });
  return { attacks: [...version] as AutoAttackName[], rand: false };
}

/**
 * AutoAttack (Croce & Hein, "Reliable evaluation of adversarial robustness with an ensemble of
 * diverse parameter-free attacks", ICML 2020), as the reference's `run_standard_evaluation`
 * (fra31/auto-attack): the clean predictions first, then each attack in turn on the examples that are
 * still robust, in batches; an example broken by an attack keeps that attack's adversarial point.
 * The robust error is the fraction misclassified clean or broken by some attack. The reference's
 * sanity checks are returned as {@link AutoAttackWarning}s (its check for dynamic defences, a Python
 * call trace, has no counterpart here).
 *
 * A {@link BlackBoxModel} can be evaluated with the score-based attacks only
 * (`version: ['square']`); gradient attacks on it are an ArgumentError that names them.
 *
 * @param x inputs `[n, ...inputShape]`, float32, inside the threat model's box; `y` class indices `[n]`.
 * @returns a promise of the result; `result.xAdv` is owned by the caller. No other tensors outlive it.
 * @throws ArgumentError / ShapeError for bad arguments (ε ≤ 0, batchSize ≤ 0, x outside the box, …).
 */
export async function autoAttack(model: Model | BlackBoxModel, x: tf.Tensor, y: tf.Tensor, options: AutoAttackOptions): Promise<AutoAttackResult> {
  const fn = 'autoAttack';
  const opts = checkOptions(options, fn);
  const { attacks, rand } = resolveAttacks(opts.version, fn);
  const blackBox = isBlackBoxModel(model);
  const m = blackBox ? (model as BlackBoxModel) : checkModel(model, fn);
  if (blackBox) {
    const white = attacks.filter((a) => GRADIENT_ATTACKS.includes(a));
    if (white.length > 0) {
      throw new ArgumentError(`is a black-box model (scores only), but ${white.join(', ')} need input gradients; attacks that run on black-box models: ${SCORE_BASED_ATTACKS.join(', ')} (pass version: ['square'])`, { fn, argument: 'model' });
    }
  }
  const threatModel = checkThreatModel(opts.threatModel, fn);
  checkAttackBall(threatModel, fn, ['linf', 'l2']);
  const seed = checkSeed(opts.seed, fn);
  const batchSize = checkNumber(opts.batchSize ?? 500, fn, 'options.batchSize', { min: 1, integer: true });
  const signal = opts.signal;
  if (signal !== undefined && (typeof signal !== 'object' || signal === null || typeof signal.aborted !== 'boolean')) throw new ArgumentError(`must be an AbortSignal, got ${describeValue(signal)}`, { fn, argument: 'options.signal' });
  if (opts.onProgress !== undefined && typeof opts.onProgress !== 'function') throw new ArgumentError(`must be a function, got ${describeValue(opts.onProgress)}`, { fn, argument: 'options.onProgress' });
  const k = m.numOutputs;
  if (k < 2) throw new ArgumentError(`must have at least 2 classes, got numOutputs = ${k}`, { fn, argument: 'model' });
  const inp = checkAttackInputs(m, x, y, threatModel, fn);
  const { n, d } = inp;
  const warnings: AutoAttackWarning[] = [];
  const score = async (xs: Float32Array, rows: number): Promise<ArrayLike<number>> => (blackBox ? (m as BlackBoxModel).predict(xs, rows) : logitsOfArray(m as Model, xs, rows, fn));
  // With a signal, yield to the event loop (at most every 20 ms) before checking it: the attacks are
  // synchronous tfjs work and awaiting a resolved promise runs no timers or messages, so an abort from a
  // Stop button's message, a timer or a signal handler would otherwise land only after the whole run.
  let lastYield = Date.now();
  const stop = async (): Promise<void> => {
    if (signal === undefined) return;
    if (Date.now() - lastYield >= 20) {
      await yieldToEventLoop();
      lastYield = Date.now();
    }
    if (signal.aborted) throw signal.reason ?? new Error('aborted');
  };

  // attack settings (the reference's 'standard' / 'rand' parameters); too few classes → warning and skip
  const targets = Math.min(9, k - 1);
  const apgdBase = { threatModel, steps: 100, rho: 0.75, seed };
  const skip = new Set<AutoAttackName>();
  if ((attacks.includes('apgd-dlr') || attacks.includes('apgd-t')) && k < 4) {
    warnings.push({ code: 'too-few-classes', message: `with only ${k} classes the ${k <= 2 ? '' : 'targeted '}DLR loss cannot be used: ${attacks.filter((a) => a === 'apgd-dlr' || a === 'apgd-t').join(', ')} skipped` });
    if (k <= 2) skip.add('apgd-dlr');
    skip.add('apgd-t');
  }
  if (attacks.includes('fab-t') && (threatModel.box?.min !== 0 || threatModel.box?.max !== 1)) {
    throw new ArgumentError('must have the box { min: 0, max: 1 } to run fab-t (FAB projects onto hyperplane ∩ [0, 1]^d)', { fn, argument: 'options.threatModel' });
  }
  if (attacks.includes('square')) resolveSquareSettings({ threatModel }, m.inputShape, fn);

  // the reference's checks on the first batch: randomness, probability outputs
  const nCheck = Math.min(batchSize, n);
  if (n > 0) {
    const first = inp.x.subarray(0, nCheck * d);
    const outs: Float64Array[] = [];
    const correct: number[] = [];
    for (let r = 0; r < (rand ? 1 : 5); r++) {
      const z = await score(first, nCheck);
      const o = new Float64Array(nCheck * k);
      const pred = predictions(Float32Array.from(z), nCheck, k);
      let c = 0;
      for (let i = 0; i < nCheck; i++) {
        if (pred[i] === inp.y[i]) c++;
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
      warnings.push({ code: 'randomized', message: "the model's outputs change between identical calls: it seems to be a randomised defence; use version 'rand'" });
    }
    const z = await score(first, nCheck);
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
      warnings.push({ code: 'probability-output', message: 'the outputs look like a probability distribution: pass the logits (before softmax), or the losses saturate' });
    }
  }

  // clean accuracy
  const robust = new Uint8Array(n);
  const brokenBy: (AutoAttackName | 'clean' | null)[] = new Array(n).fill(null);
  for (let start = 0; start < n; start += batchSize) {
    const rows = Math.min(batchSize, n - start);
    const pred = predictions(Float32Array.from(await score(inp.x.subarray(start * d, (start + rows) * d), rows)), rows, k);
    for (let i = 0; i < rows; i++) {
      robust[start + i] = pred[i] === inp.y[start + i] ? 1 : 0;
      if (robust[start + i] === 0) brokenBy[start + i] = 'clean';
    }
  }
  const count = (): number => robust.reduce((a, b) => a + b, 0);
  const cleanCorrect = count();
  const after: AutoAttackResult['robustAccuracyAfter'] = [{ attack: 'clean', robustAccuracy: n === 0 ? 0 : cleanCorrect / n, seconds: 0 }];
  const xAdv = Float32Array.from(inp.x);
  let zeroGradients = 0;

  for (const attack of attacks) {
    if (skip.has(attack)) continue;
    const t0 = Date.now();
    const idxAll: number[] = [];
    for (let i = 0; i < n; i++) if (robust[i] === 1) idxAll.push(i);
    if (idxAll.length === 0) break;
    const batches = Math.ceil(idxAll.length / batchSize);
    for (let b = 0; b < batches; b++) {
      await stop();
      const idx = idxAll.slice(b * batchSize, (b + 1) * batchSize);
      const xs = subsetRows(inp.x, d, idx);
      const ys = Int32Array.from(idx, (i) => inp.y[i]!);
      const bSeed = seed + b;
      let adv: Float32Array;
      if (attack === 'square') {
        const s = resolveSquareSettings({ threatModel, seed: bSeed }, m.inputShape, fn);
        const gen = squareSteps(xs, ys, idx.length, k, { ...s, ...s.image(m.inputShape) });
        adv = (await driveSteps(gen, score, k, fn, stop)).xAdv;
      } else if (attack === 'fab-t') {
        const s = resolveFabSettings({ threatModel, seed: bSeed, targetClasses: targets }, k, fn);
        adv = runFabTargeted(m as Model, xs, ys, idx.length, s).xAdv;
      } else {
        const loss = attack === 'apgd-ce' ? 'cross-entropy' : attack === 'apgd-dlr' ? 'dlr' : 'targeted-dlr';
        const s = resolveApgdSettings({ ...apgdBase, seed: bSeed, loss, eotIterations: rand ? 20 : 1, ...(loss === 'targeted-dlr' ? { targetClasses: targets } : {}) }, k, fn);
        const out = runApgd(m as Model, xs, ys, idx.length, s);
        zeroGradients += out.zeroGradients;
        adv = out.xAdv;
      }
      const pred = predictions(Float32Array.from(await score(adv, idx.length)), idx.length, k);
      idx.forEach((i, r) => {
        if (pred[r] !== ys[r]) {
          robust[i] = 0;
          brokenBy[i] = attack;
          xAdv.set(adv.subarray(r * d, (r + 1) * d), i * d);
        }
      });
      opts.onProgress?.({ attack, batch: b + 1, batches, robust: count(), n });
    }
    after.push({ attack, robustAccuracy: count() / n, seconds: (Date.now() - t0) / 1000 });
  }
  if (zeroGradients > 0) {
    warnings.push({ code: 'zero-gradients', message: `there are ${zeroGradients} points with zero gradient of the DLR loss: gradient-based attacks may be unreliable on them` });
  }
  const sq = after.find((a) => a.attack === 'square');
  if (sq !== undefined && after.length > 2) {
    const others = Math.min(...after.filter((a) => a.attack !== 'square').map((a) => a.robustAccuracy));
    if (sq.robustAccuracy < others - 0.002) {
      warnings.push({ code: 'square-stronger', message: `Square lowered the robust accuracy by ${((others - sq.robustAccuracy) * 100).toFixed(2)} points after the white-box attacks: the evaluation may be unreliable (gradient masking?); run Square with more queries and restarts, or an adaptive attack` });
    }
  }
  const finalCount = count();
  return {
    robust: Array.from(robust, (v) => v === 1),
    brokenBy,
    xAdv: n === 0 ? tf.zeros([0, ...m.inputShape]) : toTensor(xAdv, n, m.inputShape),
    cleanError: n === 0 ? 0 : (n - cleanCorrect) / n,
    robustError: n === 0 ? 0 : (n - finalCount) / n,
    robustAccuracyAfter: after,
    warnings,
  };
}
