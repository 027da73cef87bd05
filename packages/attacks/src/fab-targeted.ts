import type * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, checkNumber, checkOptions, checkKnownKeys, optionKeys } from '@advkit/core';
import type { Model } from '@advkit/models';
import type { LpBall } from '@advkit/threat-models';
import type { Attack, AttackContext } from './attack.js';
import { checkBatchIndex } from './internal/attack-context.js';
import { checkSeed, checkThreatModel } from './internal/resolve-attack.js';
import { checkAttackBall, checkAttackInputs, checkGradientModel, toTensor } from './internal/check-attack-inputs.js';
import { runFabTargeted, type FabSettings } from './internal/run-fab.js';

export interface FabTargetedOptions {
  /**
   * L∞ or L2 ball, ε > 0, with the box [0, 1] (FAB's projection is onto hyperplane ∩ [0, 1]^d, as the
   * reference). A point counts as adversarial only within ε.
   */
  threatModel: LpBall;
  /** Iterations per run. @default 100 */
  steps?: number;
  /** Runs per target class (random starts from the second on, radius ε/2). @default 1 */
  restarts?: number;
  /** Targets: the 2nd … (targetClasses+1)-th largest clean logits. @default 9, capped at K − 1 */
  targetClasses?: number;
  /** α_max, the largest weight of the step from the clean point. @default 0.1 */
  alphaMax?: number;
  /** η, the overshoot of each projection. @default 1.05 */
  eta?: number;
  /** β, the backward step towards x after a success. @default 0.9 */
  beta?: number;
  /** Seed of the random starts. @default 0 */
  seed?: number;
}

const FAB_KEYS = optionKeys<FabTargetedOptions>()({ threatModel: true, steps: true, restarts: true, targetClasses: true, alphaMax: true, eta: true, beta: true, seed: true });

export function resolveFabSettings(options: FabTargetedOptions, numOutputs: number | undefined, fn: string): FabSettings & { threatModel: LpBall } {
  const opts = checkOptions(options, fn);
  checkKnownKeys(opts, FAB_KEYS, fn);
  const threatModel = checkThreatModel(opts.threatModel, fn);
  checkAttackBall(threatModel, fn, ['linf', 'l2']);
  if (threatModel.box === undefined || threatModel.box.min !== 0 || threatModel.box.max !== 1) {
    throw new ArgumentError('must have the box { min: 0, max: 1 }: FAB projects onto hyperplane ∩ [0, 1]^d', { fn, argument: 'options.threatModel' });
  }
  const steps = checkNumber(opts.steps ?? 100, fn, 'options.steps', { min: 1, integer: true });
  const restarts = checkNumber(opts.restarts ?? 1, fn, 'options.restarts', { min: 1, integer: true });
  let targetClasses = numOutputs === undefined ? 9 : Math.min(9, numOutputs - 1);
  if (opts.targetClasses !== undefined) {
    targetClasses = checkNumber(opts.targetClasses, fn, 'options.targetClasses', { min: 1, integer: true });
    if (numOutputs !== undefined && targetClasses > numOutputs - 1) {
      throw new ArgumentError(`must be at most numOutputs − 1 = ${numOutputs - 1}, got ${targetClasses}`, { fn, argument: 'options.targetClasses' });
    }
  }
  const alphaMax = checkNumber(opts.alphaMax ?? 0.1, fn, 'options.alphaMax', { min: 0, max: 1 });
  const eta = checkNumber(opts.eta ?? 1.05, fn, 'options.eta', { min: 1 });
  const beta = checkNumber(opts.beta ?? 0.9, fn, 'options.beta', { min: 0, max: 1 });
  const seed = checkSeed(opts.seed, fn);
  return { threatModel, norm: threatModel.norm as 'linf' | 'l2', epsilon: threatModel.epsilon, steps, restarts, targetClasses, alphaMax, eta, beta, seed };
}

/**
 * Targeted FAB, "FAB-T" (Croce & Hein, "Minimally distorted adversarial examples with a fast adaptive
 * boundary attack", ICML 2020; the targeted version of "Reliable evaluation …", ICML 2020), a port of
 * the reference `FABAttack_PT` with `targeted = True` (fra31/auto-attack, MIT) for L∞ and L2: for each
 * target t among the top `targetClasses` other classes, it linearises the decision boundary
 * f_t − f_y = 0, projects the current point and the clean point onto that hyperplane ∩ [0, 1]^d (the
 * reference's exact projections) and steps towards a convex combination of the two, moving back
 * towards x after every success, so it searches for the closest adversarial example. An example
 * counts as broken when FAB finds a misclassified point within ε.
 *
 * @param model a differentiable multi-class model with at least 2 classes (a black-box model is refused).
 * @param x inputs `[n, ...inputShape]`, float32, in [0, 1].
 * @param y class indices `[n]`.
 * @returns the adversarial examples (x where the attack failed), owned by the caller.
 * @throws ArgumentError / ShapeError (from @advkit/core) for bad arguments.
 */
export function fabTargeted(model: Model, x: tf.Tensor, y: tf.Tensor, options: FabTargetedOptions): tf.Tensor {
  const fn = 'fabTargeted';
  const m = checkGradientModel(model, fn, 2, 'a multi-class model');
  const s = resolveFabSettings(options, m.numOutputs, fn);
  const inp = checkAttackInputs(m, x, y, s.threatModel, fn);
  if (inp.n === 0) return toTensor(inp.x, 0, m.inputShape);
  return toTensor(runFabTargeted(m, inp.x, inp.y, inp.n, s).xAdv, inp.n, m.inputShape);
}

/** FAB-T as an {@link Attack}. A call with `{ batchIndex: t }` uses seed `seed + t`. */
export function fabTargetedAttack(options: FabTargetedOptions): Attack {
  const fn = 'fabTargetedAttack';
  const opts = checkOptions(options, fn);
  resolveFabSettings(opts, undefined, fn);
  return {
    name: 'fab-t',
    run(model, x, y, context?: AttackContext) {
      const t = checkBatchIndex(context, 'fabTargetedAttack.run');
      return fabTargeted(model, x, y, { ...opts, seed: (opts.seed ?? 0) + t });
    },
  };
}
