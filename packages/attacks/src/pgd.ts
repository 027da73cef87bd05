import type * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, checkNumber, checkOptions, checkKnownKeys, optionKeys } from '@advkit/core';
import type { LpBall } from '@advkit/threat-models';
import type { Model } from '@advkit/models';
import type { Attack, AttackContext } from './attack.js';
import type { PgdAttackSpec } from './attack-spec.js';
import { checkBatchIndex } from './internal/attack-context.js';
import type { AttackLoss } from './internal/attack-objective.js';
import { deepFreeze } from './internal/deep-freeze.js';
import { checkBoolean, checkSeed, checkThreatModel, resolveBatch, resolveObjective } from './internal/resolve-attack.js';
import { runPgd, type PgdConfig, type PgdIterate } from './internal/run-pgd.js';

export type { PgdIterate } from './internal/run-pgd.js';

export interface PgdOptions {
  /** The feasible set S(x) = B_p(x, ε) ∩ box (see `LpBall` of @advkit/threat-models). */
  threatModel: LpBall;
  /** Gradient steps per run. @default 10 */
  steps?: number;
  /**
   * Step size α, the radius of each step's Lp ball (α·sign(g) for L∞, α·g/‖g‖₂ for L2, one coordinate
   * by α for L1). @default 2.5·ε/steps (Madry et al. 2018), so the steps can cross the ball
   */
  stepSize?: number;
  /** Start from a seeded random point of S(x) (`threatModel.randomPoint`) instead of x. @default true */
  randomStart?: boolean;
  /** Independent runs; each example keeps its worst result over them. Needs `randomStart` (without it every run would be the same: restarts > 1 is then an ArgumentError). @default 1 */
  restarts?: number;
  /** Seed of the random starts (restart r uses seed + r). @default 0 */
  seed?: number;
  /**
   * The loss J to maximise: `'cross-entropy'` (logistic loss for binary models) or `'margin'`
   * (max_{j≠y} z_j − z_y; −y·f(x) for binary models). @default 'cross-entropy'
   */
  loss?: AttackLoss;
  /** Push each example to `target` instead of away from y. @default false */
  targeted?: boolean;
  /** Target labels when `targeted` (class indices `[batch]`, or ±1 floats for binary models). */
  target?: tf.Tensor;
  /** Called with every iterate (step 0 = the start), e.g. to check or draw the path. @default undefined */
  onIterate?: (iterate: PgdIterate) => void;
}

/** Options of {@link pgdAttack}: those of {@link pgd} without a per-batch target. */
export type PgdAttackOptions = Omit<PgdOptions, 'targeted' | 'target' | 'onIterate'>;

const PGD_ATTACK_KEYS = optionKeys<PgdAttackOptions>()({ threatModel: true, steps: true, stepSize: true, randomStart: true, restarts: true, seed: true, loss: true });
const PGD_KEYS = optionKeys<PgdOptions>()({ threatModel: true, steps: true, stepSize: true, randomStart: true, restarts: true, seed: true, loss: true, targeted: true, target: true, onIterate: true });

/** {@link pgd}'s options, checked, with their defaults filled in: what `runPgd` takes. */
function resolvePgdOptions(options: PgdOptions, fn: string, keys: readonly string[] = PGD_KEYS): PgdConfig {
  const opts = checkOptions(options, fn);
  checkKnownKeys(opts, keys, fn);
  const ball = checkThreatModel(opts.threatModel, fn);
  const steps = checkNumber(opts.steps ?? 10, fn, 'options.steps', { min: 1, integer: true });
  const stepSize = checkNumber(opts.stepSize ?? (2.5 * ball.epsilon) / steps, fn, 'options.stepSize', { min: 0 });
  const randomStart = checkBoolean(opts.randomStart, true, fn, 'options.randomStart');
  const restarts = checkNumber(opts.restarts ?? 1, fn, 'options.restarts', { min: 1, integer: true });
  if (!randomStart && restarts > 1) {
    throw new ArgumentError(`= ${restarts} cannot take effect with randomStart: false (every run would repeat the same deterministic path): drop it or set randomStart: true`, { fn, argument: 'options.restarts' });
  }
  const seed = checkSeed(opts.seed, fn);
  const { loss, targeted } = resolveObjective(opts, fn);
  if (opts.onIterate !== undefined && typeof opts.onIterate !== 'function') throw new ArgumentError('must be a function', { fn, argument: 'options.onIterate' });
  return { ball, steps, stepSize, randomStart, restarts, seed, loss, targeted, onIterate: opts.onIterate };
}

/**
 * Projected gradient descent (Madry, Makelov, Schmidt, Tsipras & Vladu, "Towards deep learning models
 * resistant to adversarial attacks", ICLR 2018; Kolter & Madry's tutorial, chapter 4), for any
 * differentiable {@link @advkit/models!Model}: projected steepest ascent of the loss J over S(x) = B_p(x, ε) ∩ box,
 *
 *   x⁰ = proj_S(x + δ₀)  (δ₀ uniform in the ball, or 0),
 *   xᵗ⁺¹ = proj_S(xᵗ + argmax_{‖s‖_p ≤ α} sᵀ∇ₓJ(xᵗ)),   t = 0 … steps−1,
 *
 * with the exact projection onto ball ∩ box at every iterate. The step is the linear maximiser of the
 * input gradient (α·sign(∇) for L∞, the normalised gradient for L2, one coordinate for L1). Untargeted,
 * J is the loss of the true label (see {@link PgdOptions.loss}); targeted, J = −loss of the target.
 * With `restarts > 1` each example keeps the run that succeeds on it (misclassified; targeted:
 * classified as the target), ties broken by the larger J; the run with seed `seed` is one of them, so
 * restarts are never worse than one run per example.
 *
 * Input gradients come from `tf.grad` of a function of x alone: the model's variables are neither
 * differentiated nor changed. A NaN gradient makes the iterate NaN (see `diagnoseAttacks` in
 * @advkit/attacks/evaluate). The L∞/L1 sign is exact on every backend and needs no global set-up (it is
 * built from `tf.step`, not from tfjs-backend-wasm's faulty `Sign`): after `tf.setBackend('wasm')` alone
 * the result is bit-identical to the one after `initBackend`.
 *
 * Checks of x's values (finite, inside the box) and of y's (class indices in range) read data back: they
 * run where that is cheap (cpu, wasm, tensorflow) and on GPU backends only with `setValueChecks('always')`
 * of @advkit/core; without a random start pgd then makes no read-back there (the seeded random start is
 * drawn in JS from x, one read per restart).
 *
 * @param x inputs `[batch, ...model.inputShape]`, float32, inside the box.
 * @param y labels: ±1 floats `[batch]` for binary models, class indices `[batch]` for K-class ones.
 * @returns x + δ, same shape as x, owned by the caller. Frees everything else.
 * @throws ArgumentError / ShapeError (from @advkit/core) for bad arguments.
 */
export function pgd(model: Model, x: tf.Tensor, y: tf.Tensor, options: PgdOptions): tf.Tensor {
  const fn = 'pgd';
  const o = resolvePgdOptions(options, fn);
  const b = resolveBatch(model, x, y, options.target, o.targeted, fn);
  try {
    return runPgd(b.model, b.x, b.labels, o, fn);
  } finally {
    b.labels.dispose();
  }
}

/**
 * PGD as an {@link Attack} for adversarial training and evaluation (untargeted). The call with
 * `context.batchIndex` t (default 0) runs {@link pgd} with seed `seed + t·restarts`, so every batch
 * gets fresh random starts (restart r of batch t uses seed + t·restarts + r: no seed is used twice)
 * and any call can be repeated on its own: the attack keeps no state between calls. Its `spec` holds
 * the options with their defaults filled in, from which {@link attackFromSpec} rebuilds it.
 */
export function pgdAttack(options: PgdAttackOptions): Attack {
  const fn = 'pgdAttack';
  const opts = checkOptions(options, fn);
  if ('targeted' in opts || 'target' in opts) throw new ArgumentError('takes no target: use pgd() for targeted attacks', { fn, argument: 'options' });
  if ('onIterate' in opts) throw new ArgumentError('takes no onIterate: use pgd() to watch the iterates', { fn, argument: 'options.onIterate' });
  const o = resolvePgdOptions(opts, fn, PGD_ATTACK_KEYS);
  const spec: PgdAttackSpec = {
    kind: 'pgd',
    options: { threatModel: o.ball.toJSON(), steps: o.steps, stepSize: o.stepSize, randomStart: o.randomStart, restarts: o.restarts, seed: o.seed, loss: o.loss },
  };
  return Object.freeze({
    name: 'pgd',
    spec: deepFreeze(spec),
    run(model: Model, x: tf.Tensor, y: tf.Tensor, context?: AttackContext): tf.Tensor {
      const t = checkBatchIndex(context, 'pgd');
      // from the resolved options (what `spec` says), not the caller's object, which may change later
      const { ball: threatModel, steps, stepSize, randomStart, restarts, loss } = o;
      return pgd(model, x, y, { threatModel, steps, stepSize, randomStart, restarts, loss, seed: (o.seed + t * o.restarts) >>> 0 });
    },
  });
}
