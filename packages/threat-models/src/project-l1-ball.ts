import type { Tensor } from '@tensorflow/tfjs-core';
import { checkKnownKeys, checkOptions } from '@advkit/core';
import { BALL_PROJECTION_KEYS, type BallProjectionOptions } from './projection-options.js';
import { checkBox, checkEpsilon, checkPair } from './internal/checks.js';
import { projectImpl } from './internal/project-impl.js';

/**
 * Euclidean projection onto the L1 ball around `center`, optionally intersected with a box, per example
 * (axis 0 is the batch). Exact in both cases.
 *
 * No box: the sort-based method of Duchi, Shalev-Shwartz, Singer & Chandra, "Efficient projections onto
 * the l1-ball for learning in high dimensions", ICML 2008, Fig. 1, on v = x − c with signs restored:
 *
 *   u = |v| sorted descending,  ρ = max{ j : u_j − (Σ_{r≤j} u_r − ε)/j > 0 },  θ = (Σ_{r≤ρ} u_r − ε)/ρ,
 *   proj(x) = c + sign(v)·max(|v| − θ, 0)        (x itself when ‖v‖₁ ≤ ε).
 *
 * With a box [lo, hi] (c inside it), by the KKT conditions (dualise the L1 constraint; the rest is
 * separable and each 1-D problem's minimiser over an interval is the clipped soft-threshold):
 *
 *   proj(x) = clip(c + soft(x − c, λ*), lo, hi),   soft(v, λ) = sign(v)·max(|v| − λ, 0),
 *   λ* = min{ λ ≥ 0 : ‖clip(c + soft(x − c, λ), lo, hi) − c‖₁ ≤ ε },
 *
 * found exactly (the L1 norm is piecewise linear in λ: sort the breakpoints, bisect over them, solve the
 * linear piece; the same projection as AutoAttack's `L1_projection`, Croce & Hein, ICML 2021). Rescaling
 * x − c to the sphere and clipping is not the projection.
 *
 * Float64 JS per example on read-back data (a sort per example; see internal/project-impl.ts for why),
 * rounded toward c so that ‖z − c‖₁ ≤ ε up to float64 rounding and z stays in the box.
 *
 * @param x float32 tensor of rank ≥ 1, the points to project.
 * @param center float32 tensor of x's shape, the balls' centres.
 * @returns a new tensor of x's shape, owned by the caller.
 * @throws ArgumentError for a bad ε or box, an unknown option key, or a centre that holds NaN or ±Infinity
 *   or lies outside the box; ShapeError for shapes that differ.
 */
export function projectL1Ball(x: Tensor, center: Tensor, options: BallProjectionOptions): Tensor {
  const fn = 'projectL1Ball';
  const [xt, ct] = checkPair(x, center, fn);
  const opts = checkOptions(options, fn);
  checkKnownKeys(opts, BALL_PROJECTION_KEYS, fn);
  return projectImpl('l1', xt, ct, checkEpsilon(opts.epsilon, fn), checkBox(opts.box, fn), fn);
}
