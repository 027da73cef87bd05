import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, checkOptions, checkKnownKeys, optionKeys } from '@advkit/core';
import { LinearModel, type Model } from '@advkit/models';
import { checkModelInput } from '@advkit/models/internal';
import { LpBall, checkBallCenter } from '@advkit/threat-models';
import type { Attack } from './attack.js';
import type { ExactLinearAttackSpec } from './attack-spec.js';
import { deepFreeze } from './internal/deep-freeze.js';
import { checkBinaryLabels } from './internal/check-binary-labels.js';

export interface ExactLinearOptions {
  /** The feasible set Δ: an Lp ball of radius ε around each input (L∞ may carry a box, see below). */
  threatModel: LpBall;
}

/** What {@link exactLinear} returns. The caller owns both tensors. */
const EXACT_LINEAR_KEYS = optionKeys<ExactLinearOptions>()({ threatModel: true });

function checkExactLinearOptions(options: ExactLinearOptions, fn: string): ExactLinearOptions {
  const opts = checkOptions(options, fn);
  checkKnownKeys(opts, EXACT_LINEAR_KEYS, fn);
  return opts;
}

export interface ExactLinearResult {
  /** x + δ*, shape `[batch, d]`. */
  xAdv: tf.Tensor2D;
  /** δ*, shape `[batch, d]`. */
  delta: tf.Tensor2D;
}

/**
 * The optimal perturbation of a binary linear model `f(x) = θᵀx + θ0` with labels y ∈ {−1, +1}: the
 * loss Ψ(y·f(x+δ)) is decreasing in the margin, so the inner maximisation is
 * `min_{‖δ‖≤ε} y·θᵀδ = −ε‖θ‖_*`, attained at
 *
 *     δ* = −y · ε · u*,   u* = argmax_{‖u‖≤1} θᵀu   (sign(θ) for L∞, θ/‖θ‖₂ for L2, ±e_j for L1)
 *
 * (Kolter & Madry, "Adversarial robustness: theory and practice", NeurIPS 2018 tutorial, chapter 2;
 * ‖·‖_* is the dual norm). The margin changes by exactly −ε‖θ‖_*, for every example.
 *
 * With a box (valid inputs lo ≤ x+δ ≤ hi), only the L∞ ball stays exact here: the problem is then
 * separable per coordinate, and each δ_j takes the end of [max(−ε, lo−x_j), min(ε, hi−x_j)] that
 * lowers y·θ_j·δ_j. For L2∩box and L1∩box this function throws; use PGD (approximate) instead.
 *
 * @returns `xAdv` and `delta`, both `[batch, d]`, owned by the caller. Frees everything else.
 */
export function exactLinear(model: LinearModel, x: tf.Tensor, y: tf.Tensor, options: ExactLinearOptions): ExactLinearResult {
  const fn = 'exactLinear';
  if (!(model instanceof LinearModel)) {
    throw new ArgumentError('must be a LinearModel (the exact attack is for linear models; use pgd for others)', { fn, argument: 'model' });
  }
  if (model.weight.isDisposed) throw new ArgumentError('is disposed', { fn, argument: 'model' });
  const { threatModel } = checkExactLinearOptions(options, fn);
  if (!(threatModel instanceof LpBall)) throw new ArgumentError('must be an LpBall', { fn, argument: 'options.threatModel' });
  checkModelInput(x, model.inputShape, fn, 'x');
  const labels = checkBinaryLabels(y, x.shape[0]!, fn);
  if (threatModel.box !== undefined && threatModel.norm !== 'linf') {
    throw new ArgumentError(
      `has norm ${threatModel.norm} with a box: the exact linear attack is exact only for L∞ with a box; use pgd`,
      { fn, argument: 'options.threatModel' },
    );
  }
  // as fgsm and pgd: x finite and inside the box (one read-back of x's range), else no valid δ exists
  checkBallCenter(x, threatModel.box, fn, 'x');
  return tf.tidy(() => {
    const yCol = tf.reshape(labels, [-1, 1]);
    const theta = tf.reshape(model.weight, [1, -1]);
    let delta: tf.Tensor2D;
    if (threatModel.box === undefined) {
      const u = threatModel.linearMaximizer(theta); // ε·u*, shape [1, d]
      delta = tf.mul(tf.neg(yCol), u) as tf.Tensor2D;
    } else {
      // L∞ ∩ box: per coordinate, the end of [lo_j, hi_j] that minimises y θ_j δ_j.
      const { min, max } = threatModel.box;
      const eps = threatModel.epsilon;
      const lo = tf.maximum(-eps, tf.sub(min, x));
      const hi = tf.minimum(eps, tf.sub(max, x));
      // δ_j should go down where y·θ_j > 0, up where y·θ_j < 0. Compared with 0 directly, not through
      // tf.sign: tfjs-backend-wasm 4.22's Sign returns 0 for |θ_j| < 1.19e-7 (y = ±1, so y·θ_j is exact)
      const s = tf.mul(yCol, theta);
      delta = tf.where(tf.greater(s, 0), lo, tf.where(tf.less(s, 0), hi, tf.zerosLike(lo))) as tf.Tensor2D;
    }
    const xAdv = tf.add(x, delta) as tf.Tensor2D;
    return { xAdv, delta };
  });
}

/**
 * The exact attack as an {@link Attack}, for adversarial training and evaluation.
 * `run(model, x, y)` returns `xAdv` (owned by the caller).
 */
export function exactLinearAttack(options: ExactLinearOptions): Attack {
  const { threatModel } = checkExactLinearOptions(options, 'exactLinearAttack');
  if (!(threatModel instanceof LpBall)) throw new ArgumentError('must be an LpBall', { fn: 'exactLinearAttack', argument: 'options.threatModel' });
  const spec: ExactLinearAttackSpec = { kind: 'exact-linear', options: { threatModel: threatModel.toJSON() } };
  return Object.freeze({
    name: 'exact-linear',
    spec: deepFreeze(spec),
    run(model: Model, x: tf.Tensor, y: tf.Tensor): tf.Tensor {
      const { xAdv, delta } = exactLinear(model as LinearModel, x, y, { threatModel });
      delta.dispose();
      return xAdv;
    },
  });
}

/**
 * δ₊ = −ε·u*, the worst perturbation for an example labelled +1 when there is no box (an example
 * labelled −1 gets −δ₊): shape `[d]`, owned by the caller. This is the picture of the attack.
 */
export function exactLinearPerturbation(model: LinearModel, options: ExactLinearOptions): tf.Tensor1D {
  const fn = 'exactLinearPerturbation';
  if (!(model instanceof LinearModel)) throw new ArgumentError('must be a LinearModel', { fn, argument: 'model' });
  if (model.weight.isDisposed) throw new ArgumentError('is disposed', { fn, argument: 'model' });
  const { threatModel } = checkExactLinearOptions(options, fn);
  if (!(threatModel instanceof LpBall)) throw new ArgumentError('must be an LpBall', { fn, argument: 'options.threatModel' });
  return tf.tidy(() => tf.reshape(tf.neg(threatModel.linearMaximizer(tf.reshape(model.weight, [1, -1]))), [-1]) as tf.Tensor1D);
}

/**
 * −ε‖θ‖_*: the exact change of every example's margin y·f(x) under the optimal attack (no box).
 */
export function exactLinearMarginChange(model: LinearModel, options: ExactLinearOptions): number {
  const fn = 'exactLinearMarginChange';
  if (!(model instanceof LinearModel)) throw new ArgumentError('must be a LinearModel', { fn, argument: 'model' });
  if (model.weight.isDisposed) throw new ArgumentError('is disposed', { fn, argument: 'model' });
  const { threatModel } = checkExactLinearOptions(options, fn);
  if (!(threatModel instanceof LpBall)) throw new ArgumentError('must be an LpBall', { fn, argument: 'options.threatModel' });
  const dual = tf.tidy(() => threatModel.dualNorm(tf.reshape(model.weight, [1, -1])));
  const value = dual.dataSync()[0]!;
  dual.dispose();
  return -threatModel.epsilon * value;
}
