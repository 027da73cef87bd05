import type * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, checkNumber, checkOneOf, checkOptions, checkKnownKeys, optionKeys } from '@advkit/core';
import type { Model } from '@advkit/models';
import type { LpBall } from '@advkit/threat-models';
import type { Attack, AttackContext } from './attack.js';
import { checkBatchIndex } from './internal/attack-context.js';
import { checkBoolean, checkSeed, checkThreatModel } from './internal/resolve-attack.js';
import { deepFreeze } from './internal/deep-freeze.js';
import type { ApgdAttackSpec } from './attack-spec.js';
import { checkAttackBall, checkAttackInputs, checkGradientModel, toTensor } from './internal/check-attack-inputs.js';
import { runApgd, type ApgdLoss, type ApgdSettings } from './internal/run-apgd.js';

export type { ApgdLoss } from './internal/run-apgd.js';

export interface ApgdOptions {
  /**
   * The feasible set B_p(x, ε) ∩ box, L∞, L2 or L1, ε > 0 (the reference assumes the box [0, 1]; L1
   * uses the exact projection onto B₁ ∩ box).
   */
  threatModel: LpBall;
  /**
   * The loss: `'cross-entropy'` (APGD-CE), `'dlr'` (APGD-DLR) or `'targeted-dlr'` (APGD-T, one run per
   * target class and restart). The DLR losses need at least 4 classes. @default 'cross-entropy'
   */
  loss?: ApgdLoss;
  /** Iterations per run. @default 100 */
  steps?: number;
  /** Runs per example (per target class for APGD-T); each runs only on the examples still unbroken. @default 1 */
  restarts?: number;
  /** APGD-T's targets: the 2nd … (targetClasses+1)-th largest clean logits (at most K − 1). @default 9, capped at K − 1 */
  targetClasses?: number;
  /** The oscillation threshold ρ of the step-size rule. @default 0.75 */
  rho?: number;
  /** Seed of the random starts. @default 0 */
  seed?: number;
  /** Gradients averaged per iterate (Expectation over Transformation, for randomised models). @default 1 */
  eotIterations?: number;
  /**
   * L1 only: the reference's `use_largereps` (AutoAttack's standard L1 setting): each run is three
   * runs with radii 3ε, 2ε, ε and ⌈0.3·steps⌉, ⌈0.3·steps⌉ and the remaining iterations, each started
   * from the last one's best point. Needs steps ≥ 5 or steps = 3. @default false
   */
  largeEpsilonSchedule?: boolean;
}

/** Options of {@link apgdAttack}: those of {@link apgd}. */
export type ApgdAttackOptions = ApgdOptions;

const APGD_KEYS = optionKeys<ApgdOptions>()({ threatModel: true, loss: true, steps: true, restarts: true, targetClasses: true, rho: true, seed: true, eotIterations: true, largeEpsilonSchedule: true });

export function resolveApgdSettings(options: ApgdOptions, numOutputs: number | undefined, fn: string): ApgdSettings & { threatModel: LpBall } {
  const opts = checkOptions(options, fn);
  checkKnownKeys(opts, APGD_KEYS, fn);
  const threatModel = checkThreatModel(opts.threatModel, fn);
  checkAttackBall(threatModel, fn, ['linf', 'l2', 'l1']);
  const loss = checkOneOf(opts.loss ?? 'cross-entropy', ['cross-entropy', 'dlr', 'targeted-dlr'] as const, fn, 'options.loss');
  const steps = checkNumber(opts.steps ?? 100, fn, 'options.steps', { min: 1, integer: true });
  const restarts = checkNumber(opts.restarts ?? 1, fn, 'options.restarts', { min: 1, integer: true });
  const rho = checkNumber(opts.rho ?? 0.75, fn, 'options.rho', { min: 0, max: 1 });
  const seed = checkSeed(opts.seed, fn);
  const eotIterations = checkNumber(opts.eotIterations ?? 1, fn, 'options.eotIterations', { min: 1, integer: true });
  let targetClasses = 9;
  if (opts.targetClasses !== undefined) {
    targetClasses = checkNumber(opts.targetClasses, fn, 'options.targetClasses', { min: 1, integer: true });
    if (numOutputs !== undefined && targetClasses > numOutputs - 1) {
      throw new ArgumentError(`must be at most numOutputs − 1 = ${numOutputs - 1} (the classes other than the true one), got ${targetClasses}`, { fn, argument: 'options.targetClasses' });
    }
  } else if (numOutputs !== undefined) targetClasses = Math.min(9, numOutputs - 1);
  const largeEpsilonSchedule = checkBoolean(opts.largeEpsilonSchedule, false, fn, 'options.largeEpsilonSchedule');
  if (largeEpsilonSchedule && threatModel.norm !== 'l1') {
    throw new ArgumentError(`is for L1 balls only (the reference's use_largereps), got norm ${JSON.stringify(threatModel.norm)}`, { fn, argument: 'options.largeEpsilonSchedule' });
  }
  if (largeEpsilonSchedule && steps - 2 * Math.ceil(0.3 * steps) < 1) {
    throw new ArgumentError(`needs steps − 2⌈0.3·steps⌉ ≥ 1 iterations for the last radius (steps ≥ 5 or 3), got steps = ${steps}`, { fn, argument: 'options.steps' });
  }
  const box = threatModel.box;
  return {
    threatModel,
    norm: threatModel.norm as 'linf' | 'l2' | 'l1',
    largeEpsilonSchedule,
    epsilon: threatModel.epsilon,
    lo: box?.min ?? -Infinity,
    hi: box?.max ?? Infinity,
    steps,
    rho,
    eotIterations,
    loss,
    restarts,
    targetClasses,
    seed,
  };
}

/**
 * Auto-PGD (Croce & Hein, "Reliable evaluation of adversarial robustness with an ensemble of diverse
 * parameter-free attacks", ICML 2020, Algorithm 1), a port of the reference `APGDAttack` /
 * `APGDAttack_targeted` (fra31/auto-attack, MIT) for L∞ and L2: PGD with momentum 0.75, a step size
 * that starts at 2ε and is halved at checkpoints p₀ = 0, p₁ = 0.22, p_{j+1} = p_j + max(p_j − p_{j−1}
 * − 0.03, 0.06) when the loss oscillated (it rose in at most ρ = 75% of the steps since the last
 * checkpoint) or stalled, with a restart from each example's best point. No step size to tune.
 * L1 (Croce & Hein, "Mind the box: l1-APGD for sparse adversarial attacks on image classifiers",
 * ICML 2021): sparse sign steps over the largest coordinates of the gradient with an adaptive
 * sparsity, the exact projection onto B₁(x, ε) ∩ box, and optionally the reference's schedule of
 * shrinking radii (`largeEpsilonSchedule`).
 *
 * Losses: cross-entropy; DLR = −(z_y − max_{i≠y} z_i)/(z_π1 − z_π3), invariant to the logits' scale;
 * targeted DLR −(z_y − z_t)/(z_π1 − (z_π3 + z_π4)/2) over the top `targetClasses` other classes
 * (APGD-T). An example counts as broken as soon as an iterate is misclassified; the returned point is
 * that iterate (the clean x where the attack failed, as the reference).
 *
 * @param model a differentiable multi-class model (a black-box model is refused).
 * @param x inputs `[n, ...model.inputShape]`, float32, inside the threat model's box.
 * @param y class indices `[n]`.
 * @returns the adversarial examples, same shape as x, owned by the caller. Frees everything else.
 * @throws ArgumentError / ShapeError (from @advkit/core) for bad arguments: ε ≤ 0, fewer
 *   than 4 classes for a DLR loss, x outside the box, a black-box model.
 */
export function apgd(model: Model, x: tf.Tensor, y: tf.Tensor, options: ApgdOptions): tf.Tensor {
  const fn = 'apgd';
  const lossName = checkOptions(options, fn).loss;
  const dlr = lossName === 'dlr' || lossName === 'targeted-dlr';
  const m = checkGradientModel(model, fn, dlr ? 4 : 2, dlr ? 'the DLR loss divides by z_π1 − z_π3 (targeted: (z_π3 + z_π4)/2)' : 'a multi-class model');
  const s = resolveApgdSettings(options, m.numOutputs, fn);
  const inp = checkAttackInputs(m, x, y, s.threatModel, fn);
  if (inp.n === 0) return toTensor(inp.x, 0, m.inputShape);
  const out = runApgd(m, inp.x, inp.y, inp.n, s);
  return toTensor(out.xAdv, inp.n, m.inputShape);
}

/**
 * APGD as an {@link Attack} (for `robustEvaluate` and adversarial training). A call with
 * `{ batchIndex: t }` uses seed `seed + t`, so any batch can be repeated on its own.
 */
export function apgdAttack(options: ApgdAttackOptions): Attack {
  const fn = 'apgdAttack';
  const opts = checkOptions(options, fn);
  const s = resolveApgdSettings(opts, undefined, fn);
  const name = s.loss === 'targeted-dlr' ? 'apgd-t' : s.loss === 'dlr' ? 'apgd-dlr' : 'apgd-ce';
  // from the resolved options (what `spec` says), not the caller's object, which may change later
  const base = {
    loss: s.loss,
    steps: s.steps,
    restarts: s.restarts,
    rho: s.rho,
    eotIterations: s.eotIterations,
    largeEpsilonSchedule: s.largeEpsilonSchedule,
    ...(opts.targetClasses !== undefined ? { targetClasses: s.targetClasses } : {}),
  };
  const spec: ApgdAttackSpec = { kind: 'apgd', options: { threatModel: s.threatModel.toJSON(), ...base, seed: s.seed } };
  return Object.freeze({
    name,
    spec: deepFreeze(spec),
    run(model: Model, x: tf.Tensor, y: tf.Tensor, context?: AttackContext): tf.Tensor {
      const t = checkBatchIndex(context, 'apgdAttack.run');
      return apgd(model, x, y, { ...base, threatModel: s.threatModel, seed: (s.seed + t) >>> 0 });
    },
  });
}
