import type { Tensor } from '@tensorflow/tfjs-core';
import { checkKnownKeys, checkNumber, checkOptions, optionKeys } from '@advkit/core';
import type { Box } from './box.js';
import type { Norm } from './norm.js';
import { checkBox, checkEpsilon, checkNorm, checkPair } from './internal/checks.js';
import { containsImpl } from './internal/contains-impl.js';

export interface LpBallContainsOptions {
  /** The norm of the ball. */
  norm: Norm;
  /** The radius ε, a finite number ≥ 0. */
  epsilon: number;
  /** The valid-input box. @default undefined (no box) */
  box?: Box;
  /**
   * Absolute slack allowed on the norm (‖x − c‖_p ≤ ε + tolerance) and on each box bound.
   * @default the float32 rounding budget: 2⁻²²·(ε + max|c|)·k on the norm, with k = 1, √n, n for
   * L∞, L2, L1 (n coordinates per example), and 2⁻²²·max(|lo|, |hi|) on the box
   */
  tolerance?: number;
}
const LP_BALL_CONTAINS_KEYS = optionKeys<LpBallContainsOptions>()({ norm: true, epsilon: true, box: true, tolerance: true });

/**
 * Per-example membership x ∈ B_p(c, ε) ∩ box, up to a tolerance: ‖x − c‖_p ≤ ε + tol and
 * lo − tol ≤ x_i ≤ hi + tol. Reads both tensors back and computes the norms in float64, so the answer
 * is about the float32 values themselves, not a float32 reduction of them. Creates no tensors.
 *
 * @returns one boolean per example (axis 0).
 * @throws ArgumentError / ShapeError for bad arguments, including a centre holding NaN or ±Infinity.
 */
export function lpBallContains(x: Tensor, center: Tensor, options: LpBallContainsOptions): boolean[] {
  const fn = 'lpBallContains';
  const [xt, ct] = checkPair(x, center, fn);
  const opts = checkOptions(options, fn);
  checkKnownKeys(opts, LP_BALL_CONTAINS_KEYS, fn);
  const norm = checkNorm(opts.norm, fn);
  const epsilon = checkEpsilon(opts.epsilon, fn);
  const box = checkBox(opts.box, fn);
  const tolerance = opts.tolerance === undefined ? undefined : checkNumber(opts.tolerance, fn, 'options.tolerance', { min: 0 });
  return containsImpl(xt, ct, norm, epsilon, box, tolerance, fn);
}
