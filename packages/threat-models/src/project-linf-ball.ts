import type { Tensor } from '@tensorflow/tfjs-core';
import { checkKnownKeys, checkOptions } from '@advkit/core';
import { BALL_PROJECTION_KEYS, type BallProjectionOptions } from './projection-options.js';
import { checkBox, checkEpsilon, checkPair } from './internal/checks.js';
import { projectImpl } from './internal/project-impl.js';

/**
 * Euclidean projection onto the L∞ ball around `center`, optionally intersected with a box, per example
 * (axis 0 is the batch). Both sets are products of intervals, so the projection is coordinatewise
 * clipping, and it is exact:
 *
 *   proj(x) = clip(x, c − ε, c + ε)                              (no box)
 *   proj(x) = clip(x, max(c − ε, lo), min(c + ε, hi))            (with box [lo, hi], c ∈ [lo, hi])
 *
 * (The projection onto a box is coordinatewise clipping, and the intersection of two boxes is a box.)
 *
 * Computed as c + clip(x − c, −ε, ε), then clipped to the box: three fast elementwise tfjs ops, four
 * with a box (plus, with a box, two reductions and one read-back to check that the centre lies in it).
 * Float32: a clipped coordinate may sit half an ulp of |c| + ε outside c ± ε (ε itself is rounded to
 * float32), and a point inside comes back as c + (x − c), which is x unless x − c rounded.
 *
 * @param x float32 tensor of rank ≥ 1, the points to project.
 * @param center float32 tensor of x's shape, the balls' centres (e.g. the clean inputs).
 * @returns a new tensor of x's shape, owned by the caller.
 * @throws ArgumentError for a bad ε or box, an unknown option key, or a centre that holds NaN or ±Infinity
 *   or lies outside the box; ShapeError for shapes that differ.
 */
export function projectLinfBall(x: Tensor, center: Tensor, options: BallProjectionOptions): Tensor {
  const fn = 'projectLinfBall';
  const [xt, ct] = checkPair(x, center, fn);
  const opts = checkOptions(options, fn);
  checkKnownKeys(opts, BALL_PROJECTION_KEYS, fn);
  return projectImpl('linf', xt, ct, checkEpsilon(opts.epsilon, fn), checkBox(opts.box, fn), fn);
}
