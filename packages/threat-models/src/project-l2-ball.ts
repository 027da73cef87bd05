import type { Tensor } from '@tensorflow/tfjs-core';
import { checkKnownKeys, checkOptions } from '@advkit/core';
import { BALL_PROJECTION_KEYS, type BallProjectionOptions } from './projection-options.js';
import { checkBox, checkEpsilon, checkPair } from './internal/checks.js';
import { projectImpl } from './internal/project-impl.js';

/**
 * Euclidean projection onto the L2 ball around `center`, optionally intersected with a box, per example
 * (axis 0 is the batch). Exact in both cases:
 *
 *   proj(x) = c + (x − c)·min(1, ε/‖x − c‖₂)                          (no box)
 *
 * With a box [lo, hi] (c inside it), by the KKT conditions of min ½‖z − x‖² s.t. ‖z − c‖₂ ≤ ε,
 * lo ≤ z ≤ hi (the Lagrangian is separable once the ball constraint is dualised):
 *
 *   proj(x) = clip(c + (x − c)/(1 + λ*), lo, hi),
 *   λ* = min{ λ ≥ 0 : ‖clip(c + (x − c)/(1 + λ), lo, hi) − c‖₂ ≤ ε }.
 *
 * λ* is found exactly: ‖·‖₂² is piecewise linear in t² = 1/(1 + λ)², so after sorting its breakpoints
 * a bisection over them finds the linear piece holding the root, solved in closed form (details in
 * internal/l2-box-kernel.ts). Rescaling then clipping (clip(c + (x − c)·min(1, ε/‖x − c‖₂))) is feasible
 * but in general not the nearest point.
 *
 * Without a box: eight fast tfjs ops in float32 (a projected point may exceed ε by float32 rounding,
 * ~1 ulp of |c| + ε per coordinate; a point inside comes back as c + (x − c), which is x unless x − c
 * rounded). With a box: float64 JS per example, rounded toward c so that ‖z − c‖₂ ≤ ε up to float64
 * rounding, and points inside ball and box are returned bit for bit.
 *
 * @param x float32 tensor of rank ≥ 1, the points to project.
 * @param center float32 tensor of x's shape, the balls' centres.
 * @returns a new tensor of x's shape, owned by the caller.
 * @throws ArgumentError for a bad ε or box, an unknown option key, or a centre that holds NaN or ±Infinity
 *   or lies outside the box; ShapeError for shapes that differ.
 */
export function projectL2Ball(x: Tensor, center: Tensor, options: BallProjectionOptions): Tensor {
  const fn = 'projectL2Ball';
  const [xt, ct] = checkPair(x, center, fn);
  const opts = checkOptions(options, fn);
  checkKnownKeys(opts, BALL_PROJECTION_KEYS, fn);
  return projectImpl('l2', xt, ct, checkEpsilon(opts.epsilon, fn), checkBox(opts.box, fn), fn);
}
