import type * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, checkNumber, checkOptions, checkKnownKeys, optionKeys } from '@advkit/core';
import type { LpBall } from '@advkit/threat-models';
import type { Model } from '@advkit/models';
import type { Attack, AttackContext } from './attack.js';
import type { FgsmAttackSpec } from './attack-spec.js';
import { checkBatchIndex } from './internal/attack-context.js';
import { deepFreeze } from './internal/deep-freeze.js';
import type { AttackLoss } from './internal/attack-objective.js';
import { checkBoolean, checkSeed, checkThreatModel, resolveBatch, resolveObjective } from './internal/resolve-attack.js';
import { runPgd } from './internal/run-pgd.js';

export interface FgsmOptions {
  /** The feasible set S(x) = B_p(x, ε) ∩ box. */
  threatModel: LpBall;
  /** The loss to maximise (see `PgdOptions.loss`). @default 'cross-entropy' */
  loss?: AttackLoss;
  /** Push each example to `target` instead of away from y. @default false */
  targeted?: boolean;
  /** Target labels when `targeted`. */
  target?: tf.Tensor;
  /**
   * Start from a seeded random point of S(x) instead of x: "FGSM with random start" of fast adversarial
   * training (Wong, Rice & Kolter, ICLR 2020), used there with `stepSize` 1.25ε. @default false
   */
  randomStart?: boolean;
  /** The step's radius α. @default ε (the classic FGSM step) */
  stepSize?: number;
  /** Seed of the random start. @default 0 */
  seed?: number;
}

export type FgsmAttackOptions = Omit<FgsmOptions, 'targeted' | 'target'>;

const FGSM_ATTACK_KEYS = optionKeys<FgsmAttackOptions>()({ threatModel: true, loss: true, randomStart: true, stepSize: true, seed: true });
const FGSM_KEYS = optionKeys<FgsmOptions>()({ threatModel: true, loss: true, randomStart: true, stepSize: true, seed: true, targeted: true, target: true });

function resolveFgsm(options: FgsmOptions, fn: string, keys: readonly string[] = FGSM_KEYS) {
  const opts = checkOptions(options, fn);
  checkKnownKeys(opts, keys, fn);
  const threatModel = checkThreatModel(opts.threatModel, fn);
  const stepSize = checkNumber(opts.stepSize ?? threatModel.epsilon, fn, 'options.stepSize', { min: 0 });
  const randomStart = checkBoolean(opts.randomStart, false, fn, 'options.randomStart');
  const seed = checkSeed(opts.seed, fn);
  const { loss, targeted } = resolveObjective(opts, fn);
  return { threatModel, stepSize, randomStart, seed, loss, targeted };
}

/**
 * The fast gradient sign method (Goodfellow, Shlens & Szegedy, ICLR 2015) and its Lp versions: one
 * step of the linear maximiser of the input gradient, then the exact projection onto S(x) = ball ∩ box,
 *
 *   x_adv = proj_S(x⁰ + argmax_{‖s‖_p ≤ α} sᵀ∇ₓJ(x⁰)),   x⁰ = x (or a random point of S(x)),
 *
 * i.e. x + ε·sign(∇ₓJ) for L∞ (FGSM), x + ε·∇/‖∇‖₂ for L2 (FGM), one coordinate for L1. On a binary
 * linear model without a box (or L∞ with a box) it equals the exact attack (`exactLinear`). It is one
 * step of {@link pgd}, with the same losses, labels, guarantees (model untouched) and errors.
 *
 * @returns x_adv, same shape as x, owned by the caller.
 */
export function fgsm(model: Model, x: tf.Tensor, y: tf.Tensor, options: FgsmOptions): tf.Tensor {
  const fn = 'fgsm';
  const o = resolveFgsm(options, fn);
  const b = resolveBatch(model, x, y, options.target, o.targeted, fn);
  try {
    return runPgd(b.model, b.x, b.labels, { ...o, ball: o.threatModel, steps: 1, restarts: 1 }, fn);
  } finally {
    b.labels.dispose();
  }
}

/**
 * FGSM as an {@link Attack} (untargeted). With `randomStart`, the call with `context.batchIndex` t
 * (default 0) uses seed `seed + t`, so each batch gets a fresh random start (fast adversarial
 * training) and any call can be repeated on its own: the attack keeps no state between calls. Its
 * `spec` holds the options with their defaults filled in ({@link attackFromSpec} rebuilds it).
 */
export function fgsmAttack(options: FgsmAttackOptions): Attack {
  const fn = 'fgsmAttack';
  const opts = checkOptions(options, fn);
  if ('targeted' in opts || 'target' in opts) throw new ArgumentError('takes no target: use fgsm() for targeted attacks', { fn, argument: 'options' });
  const o = resolveFgsm(opts, fn, FGSM_ATTACK_KEYS);
  const spec: FgsmAttackSpec = {
    kind: 'fgsm',
    options: { threatModel: o.threatModel.toJSON(), stepSize: o.stepSize, randomStart: o.randomStart, seed: o.seed, loss: o.loss },
  };
  return Object.freeze({
    name: 'fgsm',
    spec: deepFreeze(spec),
    run(model: Model, x: tf.Tensor, y: tf.Tensor, context?: AttackContext): tf.Tensor {
      const t = checkBatchIndex(context, 'fgsm');
      // from the resolved options (what `spec` says), not the caller's object, which may change later
      const { threatModel, stepSize, randomStart, loss } = o;
      return fgsm(model, x, y, { threatModel, stepSize, randomStart, loss, seed: (o.seed + t) >>> 0 });
    },
  });
}
