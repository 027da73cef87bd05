import type { Tensor, Tensor1D } from '@tensorflow/tfjs-core';
import { checkKnownKeys, checkNumber, checkOptions, checkSeed, optionKeys } from '@advkit/core';
import type { Box } from './box.js';
import type { Norm } from './norm.js';
import { dualNormOf } from './dual-norm-of.js';
import { checkBatch, checkBox, checkEpsilon, checkNorm, checkPair } from './internal/checks.js';
import { containsImpl } from './internal/contains-impl.js';
import { linearMaximizerImpl } from './internal/linear-maximizer-impl.js';
import { lpNormImpl } from './internal/lp-norm-impl.js';
import { projectImpl } from './internal/project-impl.js';
import { randomPointImpl } from './internal/random-point-impl.js';

export interface LpBallOptions {
  /** The norm: `'linf'`, `'l2'` or `'l1'`. */
  norm: Norm;
  /** The radius ε, a finite number ≥ 0. */
  epsilon: number;
  /**
   * The valid-input box intersected with every ball, e.g. `{ min: 0, max: 1 }` for pixels. Centres
   * passed to the methods must lie inside it. @default undefined (no box)
   */
  box?: Box;
}

const LP_BALL_KEYS = optionKeys<LpBallOptions>()({ norm: true, epsilon: true, box: true });
const RANDOM_POINT_KEYS = optionKeys<{ seed: number }>()({ seed: true });

/**
 * A threat model: the set of allowed inputs around each clean example c,
 *
 *   S(c) = B_p(c, ε) ∩ box = { z : ‖z − c‖_p ≤ ε, lo ≤ z_i ≤ hi },   p ∈ {∞, 2, 1},
 *
 * applied per example (axis 0 of every tensor is the batch; norms run over all other axes). An
 * immutable value holding no tensors (nothing to dispose). Every method takes tensors and returns new
 * tensors owned by the caller, freeing its intermediates. The methods are thin wrappers of the
 * standalone functions ({@link lpNorm}, {@link linearMaximizer}, {@link projectLinfBall},
 * {@link projectL2Ball}, {@link projectL1Ball}, {@link lpBallContains}, {@link randomPointInBall}),
 * whose doc comments give the formulas and sources. All projections are exact (see the README table).
 *
 * @example
 * const ball = new LpBall({ norm: 'linf', epsilon: 0.1, box: { min: 0, max: 1 } });
 * const xAdv = tf.tidy(() => ball.project(tf.add(x, ball.linearMaximizer(grad)), x)); // FGSM, projected
 */
export class LpBall {
  /** The norm p of the ball. */
  readonly norm: Norm;
  /** The radius ε. */
  readonly epsilon: number;
  /** The valid-input box, or undefined. Frozen. */
  readonly box: Box | undefined;

  /**
   * @throws ArgumentError naming `LpBall` and the option for an unknown norm, a bad ε, a bad box or an
   *   unknown option key (`{ epsilom: 0.1 }` is refused, not read as a missing ε).
   */
  constructor(options: LpBallOptions) {
    const fn = 'LpBall';
    const opts = checkOptions(options, fn);
    checkKnownKeys(opts, LP_BALL_KEYS, fn);
    this.norm = checkNorm(opts.norm, fn);
    this.epsilon = checkEpsilon(opts.epsilon, fn);
    this.box = checkBox(opts.box, fn);
  }

  /**
   * The dual norm q (1/p + 1/q = 1): `'l1'` for L∞, `'l2'` for L2, `'linf'` for L1. A getter, so that
   * `new LpBall({ ...ball, epsilon })` copies only the options.
   */
  get dualNormKind(): Norm {
    return dualNormOf(this.norm);
  }

  /** Per-example ‖v‖_p, shape `[batch]`, owned by the caller. See {@link lpNorm}. */
  lpNorm(v: Tensor): Tensor1D {
    return lpNormImpl(checkBatch(v, 'LpBall.lpNorm', 'v'), this.norm);
  }

  /** Per-example dual norm ‖v‖_* (= max_{‖δ‖_p ≤ 1} vᵀδ), shape `[batch]`, owned by the caller. */
  dualNorm(v: Tensor): Tensor1D {
    return lpNormImpl(checkBatch(v, 'LpBall.dualNorm', 'v'), this.dualNormKind);
  }

  /**
   * argmax_{‖δ‖_p ≤ ε} gᵀδ per example (ε·sign(g), ε·g/‖g‖₂, or ε·sign(g_j)e_j at j = argmax|g_j|),
   * attaining ε‖g‖_*; ignores the box. Same shape as g, owned by the caller. See {@link linearMaximizer}.
   */
  linearMaximizer(g: Tensor): Tensor {
    return linearMaximizerImpl(checkBatch(g, 'LpBall.linearMaximizer', 'g'), this.norm, this.epsilon);
  }

  /**
   * The exact Euclidean projection of each example of `x` onto B_p(center, ε) ∩ box. Same shape as x,
   * owned by the caller. See {@link projectLinfBall}, {@link projectL2Ball}, {@link projectL1Ball}.
   * @throws ShapeError if x and center differ in shape; ArgumentError if a centre holds NaN or ±Infinity
   *   or leaves the box.
   */
  project(x: Tensor, center: Tensor): Tensor {
    const fn = 'LpBall.project';
    const [xt, ct] = checkPair(x, center, fn);
    return projectImpl(this.norm, xt, ct, this.epsilon, this.box, fn);
  }

  /**
   * Per-example membership in B_p(center, ε) ∩ box, up to `tolerance` (absolute slack on the norm and
   * the box bounds; default: the float32 rounding budget, see {@link lpBallContains}). Creates no tensors.
   */
  contains(x: Tensor, center: Tensor, tolerance?: number): boolean[] {
    const fn = 'LpBall.contains';
    const [xt, ct] = checkPair(x, center, fn);
    const tol = tolerance === undefined ? undefined : checkNumber(tolerance, fn, 'tolerance', { min: 0 });
    return containsImpl(xt, ct, this.norm, this.epsilon, this.box, tol, fn);
  }

  /**
   * A seeded random point in B_p(center, ε) ∩ box per example (PGD's random start): uniform in the
   * ball, then clipped to the box, so not uniform in the intersection. Same shape as center, owned by
   * the caller. See {@link randomPointInBall}.
   * @param options.seed an integer in [0, 2³²).
   */
  randomPoint(center: Tensor, options: { seed: number }): Tensor {
    const fn = 'LpBall.randomPoint';
    const c = checkBatch(center, fn, 'center');
    const opts = checkOptions(options, fn);
    checkKnownKeys(opts, RANDOM_POINT_KEYS, fn);
    const seed = checkSeed(opts.seed, fn, 'options.seed');
    return randomPointImpl(c, this.norm, this.epsilon, this.box, seed, fn);
  }

  /** The options that rebuild this ball (for logs and checkpoints). */
  toJSON(): LpBallOptions {
    return this.box === undefined
      ? { norm: this.norm, epsilon: this.epsilon }
      : { norm: this.norm, epsilon: this.epsilon, box: { min: this.box.min, max: this.box.max } };
  }
}
