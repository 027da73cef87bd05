import type * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, checkNumber, checkOptions, describeValue, checkKnownKeys, optionKeys, yieldToEventLoop } from '@advkit/core';
import type { Model } from '@advkit/models';
import type { LpBall } from '@advkit/threat-models';
import type { BlackBoxModel } from './black-box-model.js';
import { checkModel } from '@advkit/models/internal';
import { checkSeed, checkThreatModel } from './internal/resolve-attack.js';
import { SCORE_BASED_ATTACKS, checkAttackBall, checkAttackInputs, isBlackBoxModel, type AttackInputs } from './internal/check-attack-inputs.js';
import { resolveSquareSettings } from './square.js';
import { AUTO_ATTACK_STATE_FORMAT, AUTO_ATTACK_STATE_VERSION, checkAutoAttackState, type AutoAttackState, type AutoAttackShardState } from './auto-attack-state.js';
import { makeRun, type AutoAttackRun } from './internal/auto-attack-run.js';
import { newShard, runShard } from './internal/auto-attack-shard.js';
import { autoAttackFingerprint, checkFingerprint } from './internal/auto-attack-fingerprint.js';
import { autoAttackResult } from './internal/auto-attack-result.js';
import { copyShard } from './internal/copy-shard.js';

/** The attacks of {@link autoAttack}, by the reference's names. */
export type AutoAttackName = 'apgd-ce' | 'apgd-dlr' | 'apgd-t' | 'fab' | 'fab-t' | 'square';

const ATTACK_NAMES: readonly AutoAttackName[] = ['apgd-ce', 'apgd-dlr', 'apgd-t', 'fab', 'fab-t', 'square'];
export const GRADIENT_ATTACKS: readonly AutoAttackName[] = ['apgd-ce', 'apgd-dlr', 'apgd-t', 'fab', 'fab-t'];


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
  /** The threat model: an L∞, L2 or L1 ball, ε > 0, usually with the box [0, 1] (FAB needs it). */
  threatModel: LpBall;
  /**
   * As the reference's `set_version`:
   * - `'standard'`: APGD-CE, APGD-T (9 targets), FAB-T (9 targets), Square (5000 queries), one run
   *   each; on an L1 ball APGD-CE has 5 restarts and APGD-T 5 targets, both with the schedule of
   *   shrinking radii (`largeEpsilonSchedule`), as the reference's L1 settings.
   * - `'plus'` (L∞, L2; on an L1 ball an ArgumentError: the reference prints "please check" for other
   *   norms, and pass its list to run it anyway): APGD-CE and APGD-DLR with 5 restarts, untargeted FAB with 5 restarts, Square,
   *   APGD-T (9 targets), FAB-T (9 targets).
   * - `'rand'` (randomised defences): APGD-CE and APGD-DLR with 20 EOT gradient samples.
   * - a list of attack names, run in the given order with the settings of 'standard' for the norm,
   *   as the reference's `attacks_to_run` with version 'standard' (so `'fab'` has 1 restart, as there).
   * @default 'standard'
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
  /**
   * Resume a run from a state that `checkpoint` received (or {@link decodeAutoAttackState} read back):
   * the run continues where it stopped and ends with the result of an uninterrupted run, bit for bit.
   * A state saved with other settings (threat model, attacks, seed, batch size, x, y, weights,
   * `modelId`) is an ArgumentError naming `options.resumeFrom` and the setting. @default undefined
   */
  resumeFrom?: AutoAttackState;
  /**
   * Called with the run's state after the clean pass and after every batch of every attack, awaited
   * before the run goes on (save it: `FileAutoAttackStore` of `@advkit/attacks/node` writes it
   * atomically). The state is a copy the callee may keep. @default undefined
   */
  checkpoint?: (state: AutoAttackState) => void | Promise<void>;
  /**
   * A name for the model, part of the state's fingerprint; for black-box models (whose weights advkit
   * cannot read) it is what tells their states apart. @default undefined
   */
  modelId?: string;
}

/** The option names of {@link AutoAttackOptions} (autoAttackParallel adds its own two). */
export const AUTO_ATTACK_KEYS = optionKeys<AutoAttackOptions>()({ threatModel: true, version: true, seed: true, batchSize: true, signal: true, onProgress: true, resumeFrom: true, checkpoint: true, modelId: true });

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
  /**
   * Robust accuracy after the clean check and after each attack, in order (`clean` first); `seconds`:
   * time spent in the attack's batches, summed over shards and over resumed runs.
   */
  robustAccuracyAfter: { attack: AutoAttackName | 'clean'; robustAccuracy: number; seconds: number }[];
  /** The reference's sanity checks that fired. */
  warnings: AutoAttackWarning[];
}

function resolveAttacks(version: unknown, fn: string): { attacks: AutoAttackName[]; rand: boolean; named: 'standard' | 'plus' | 'rand' } {
  if (version === undefined || version === 'standard') return { attacks: ['apgd-ce', 'apgd-t', 'fab-t', 'square'], rand: false, named: 'standard' };
  if (version === 'rand') return { attacks: ['apgd-ce', 'apgd-dlr'], rand: true, named: 'rand' };
  if (version === 'plus') return { attacks: ['apgd-ce', 'apgd-dlr', 'fab', 'square', 'apgd-t', 'fab-t'], rand: false, named: 'plus' };
  if (!Array.isArray(version) || version.length === 0) throw new ArgumentError(`must be 'standard', 'plus', 'rand' or a non-empty list of attack names, got ${describeValue(version)}`, { fn, argument: 'options.version' });
  for (const a of version) {
    if (!ATTACK_NAMES.includes(a)) throw new ArgumentError(`lists an unknown attack ${describeValue(a)}; known: ${ATTACK_NAMES.join(', ')}`, { fn, argument: 'options.version' });
  }
  if (new Set(version).size !== version.length) throw new ArgumentError('lists an attack twice', { fn, argument: 'options.version' });
  return { attacks: [...version] as AutoAttackName[], rand: false, named: 'standard' };
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
 * Batches are fixed ranges of examples: batch b holds examples `[b·batchSize, (b+1)·batchSize)`, and
 * each attack runs on those of them still robust, with seed `seed + b` (the reference batches the
 * still-robust examples afresh for each attack; the two agree when n ≤ batchSize). So every example's
 * result depends only on its batch: a run stopped and resumed (`checkpoint`, `resumeFrom`), or split
 * into shards (`autoAttackParallel` of `@advkit/attacks/node`), gives the uninterrupted run's result
 * bit for bit.
 *
 * A {@link BlackBoxModel} can be evaluated with the score-based attacks only
 * (`version: ['square']`); gradient attacks on it are an ArgumentError that names them.
 *
 * @param x inputs `[n, ...inputShape]`, float32, inside the threat model's box; `y` class indices `[n]`.
 * @returns a promise of the result; `result.xAdv` is owned by the caller. No other tensors outlive it.
 * @throws ArgumentError / ShapeError for bad arguments (ε ≤ 0, batchSize ≤ 0, x outside the box, a
 * `resumeFrom` state of other settings, …).
 */
export async function autoAttack(model: Model | BlackBoxModel, x: tf.Tensor, y: tf.Tensor, options: AutoAttackOptions): Promise<AutoAttackResult> {
  const fn = 'autoAttack';
  const p = prepareAutoAttack(model, x, y, options, fn, (s) => (s.n === 0 ? [] : [{ start: 0, end: s.n }]));
  const { run, inp, state } = p;
  const opts = options;
  const save = async (): Promise<void> => {
    if (opts.checkpoint !== undefined) await opts.checkpoint({ ...state, fingerprint: structuredClone(state.fingerprint), shards: state.shards.map(copyShard) });
  };
  for (const shard of state.shards) {
    const xs = inp.x.subarray(shard.start * run.d, shard.end * run.d);
    const ys = inp.y.subarray(shard.start, shard.end);
    await runShard(run, shard, xs, ys, {
      saved: save,
      progress: (a) => opts.onProgress?.(progressOf(state, a)),
    });
  }
  return autoAttackResult(state, run.model.inputShape, p.warnings);
}

/** Progress of attack `a` over all shards of `state` (batches done and in all, robust examples). */
export function progressOf(state: AutoAttackState, a: number): AutoAttackProgress {
  const { batchSize, n, attacks } = state.fingerprint;
  let batch = 0;
  let batches = 0;
  let robust = 0;
  for (const s of state.shards) {
    const nb = Math.ceil((s.end - s.start) / batchSize);
    batches += nb;
    batch += s.next.attack > a ? nb : s.next.attack === a ? s.next.batch : 0;
    robust += s.robust.reduce((x, v) => x + v, 0);
  }
  return { attack: attacks[a] as AutoAttackName, batch, batches, robust, n };
}

/** What {@link prepareAutoAttack} returns: the run, its inputs, its state (fresh or resumed), early warnings. */
export interface PreparedAutoAttack {
  run: AutoAttackRun;
  inp: AttackInputs;
  state: AutoAttackState;
  warnings: AutoAttackWarning[];
}

/**
 * Validates autoAttack's arguments (as `fn`) and returns the run, the inputs as flat arrays and the
 * state: `options.resumeFrom` after checking its fingerprint, else fresh shards over the ranges
 * `layout` gives (each starting at a multiple of the batch size). For autoAttack and autoAttackParallel.
 */
export function prepareAutoAttack(
  model: Model | BlackBoxModel,
  x: tf.Tensor,
  y: tf.Tensor,
  options: AutoAttackOptions,
  fn: string,
  layout: (s: { n: number; batchSize: number }) => { start: number; end: number }[],
): PreparedAutoAttack {
  const opts = checkOptions(options, fn);
  checkKnownKeys(opts, AUTO_ATTACK_KEYS, fn);
  const { attacks, rand, named } = resolveAttacks(opts.version, fn);
  const blackBox = isBlackBoxModel(model);
  const m = blackBox ? (model as BlackBoxModel) : checkModel(model, fn);
  if (blackBox) {
    const white = attacks.filter((a) => GRADIENT_ATTACKS.includes(a));
    if (white.length > 0) {
      throw new ArgumentError(`is a black-box model (scores only), but ${white.join(', ')} need input gradients; attacks that run on black-box models: ${SCORE_BASED_ATTACKS.join(', ')} (pass version: ['square'])`, { fn, argument: 'model' });
    }
  }
  const threatModel = checkThreatModel(opts.threatModel, fn);
  checkAttackBall(threatModel, fn, ['linf', 'l2', 'l1']);
  if (threatModel.norm === 'l1' && named === 'plus') {
    throw new ArgumentError("is an L1 ball, and version 'plus' is made for L∞ and L2 (the reference asks to check its use with other norms); pass version 'standard' for the reference's L1 settings, or the list ['apgd-ce', 'apgd-dlr', 'fab', 'square', 'apgd-t', 'fab-t']", { fn, argument: 'options.threatModel' });
  }
  const seed = checkSeed(opts.seed, fn);
  const batchSize = checkNumber(opts.batchSize ?? 500, fn, 'options.batchSize', { min: 1, integer: true });
  const signal = opts.signal;
  if (signal !== undefined && (typeof signal !== 'object' || signal === null || typeof signal.aborted !== 'boolean')) throw new ArgumentError(`must be an AbortSignal, got ${describeValue(signal)}`, { fn, argument: 'options.signal' });
  for (const key of ['onProgress', 'checkpoint'] as const) {
    if (opts[key] !== undefined && typeof opts[key] !== 'function') throw new ArgumentError(`must be a function, got ${describeValue(opts[key])}`, { fn, argument: `options.${key}` });
  }
  if (opts.modelId !== undefined && (typeof opts.modelId !== 'string' || opts.modelId === '')) throw new ArgumentError(`must be a non-empty string, got ${describeValue(opts.modelId)}`, { fn, argument: 'options.modelId' });
  const k = m.numOutputs;
  if (k < 2) throw new ArgumentError(`must have at least 2 classes, got numOutputs = ${k}`, { fn, argument: 'model' });
  const inp = checkAttackInputs(m, x, y, threatModel, fn);
  const warnings: AutoAttackWarning[] = [];

  if ((attacks.includes('apgd-dlr') || attacks.includes('apgd-t')) && k < 4) {
    warnings.push({ code: 'too-few-classes', message: `with only ${k} classes the ${k <= 2 ? '' : 'targeted '}DLR loss cannot be used: ${attacks.filter((a) => a === 'apgd-dlr' || a === 'apgd-t').join(', ')} skipped` });
  }
  const fabs = attacks.filter((a) => a === 'fab' || a === 'fab-t');
  if (fabs.length > 0 && (threatModel.box?.min !== 0 || threatModel.box?.max !== 1)) {
    throw new ArgumentError(`must have the box { min: 0, max: 1 } to run ${fabs.join(' and ')} (FAB projects onto hyperplane ∩ [0, 1]^d)`, { fn, argument: 'options.threatModel' });
  }
  if (attacks.includes('square')) resolveSquareSettings({ threatModel }, m.inputShape, fn);

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
  const run = makeRun({ fn, model: m, blackBox, threatModel, attacks, rand, version: named, seed, batchSize, k, stop });
  const fingerprint = autoAttackFingerprint(run, inp.x, inp.y, inp.n, opts.modelId);
  let state: AutoAttackState;
  if (opts.resumeFrom !== undefined) {
    state = checkAutoAttackState(opts.resumeFrom, fn, 'options.resumeFrom');
    checkFingerprint(state, fingerprint, fn);
    state = { ...state, shards: state.shards.map(copyShard) }; // the caller's state is not mutated
  } else {
    const shards: AutoAttackShardState[] = layout({ n: inp.n, batchSize }).map(({ start, end }) => newShard(start, end, inp.x.subarray(start * run.d, end * run.d), attacks.length));
    state = { format: AUTO_ATTACK_STATE_FORMAT, version: AUTO_ATTACK_STATE_VERSION, fingerprint, shards };
  }
  return { run, inp, state, warnings };
}
