import type { Tensor } from '@tensorflow/tfjs-core';
import { checkKnownKeys, checkOptions, checkSeed, optionKeys } from '@advkit/core';
import type { Box } from './box.js';
import type { Norm } from './norm.js';
import { checkBatch, checkBox, checkEpsilon, checkNorm } from './internal/checks.js';
import { randomPointImpl } from './internal/random-point-impl.js';

export interface RandomPointOptions {
  /** The norm of the ball. */
  norm: Norm;
  /** The radius ε, a finite number ≥ 0. */
  epsilon: number;
  /** The valid-input box; the centre must lie inside it. @default undefined (no box) */
  box?: Box;
  /** Seed of the `Rng` (from @advkit/core) that draws the points, an integer in [0, 2³²); the same seed gives the same points. */
  seed: number;
}
const RANDOM_POINT_KEYS = optionKeys<RandomPointOptions>()({ norm: true, epsilon: true, box: true, seed: true });

/**
 * A seeded random point in B_p(center, ε) for every example (axis 0 is the batch), e.g. PGD's random
 * start (Madry et al., ICLR 2018). Without a box the point is uniform in the ball:
 *
 *   L∞: c + ε(2U − 1) coordinatewise;   L2: c + ε·U^{1/n}·g/‖g‖₂, g ~ N(0, I);
 *   L1: c + ε·U^{1/n}·s⊙e/‖e‖₁, e_i ~ Exp(1), random signs s
 *
 * (n = coordinates per example; sources in internal/random-point-impl.ts). With a box the uniform point
 * is then projected onto ball ∩ box, which for a point already in the ball is clipping to the box; the
 * result is therefore NOT uniform in the intersection (points pile up on the box faces).
 *
 * Computed in float64 JS with the `Rng` of @advkit/core and rounded toward the centre, so the point lies
 * in the ball and the box exactly (up to float64 rounding). Independent of the tfjs backend.
 *
 * @param center float32 tensor of rank ≥ 1, the balls' centres.
 * @returns a new tensor of center's shape, owned by the caller.
 * @throws ArgumentError for bad options (an unknown key, a seed outside [0, 2³²)), or a centre that
 *   holds NaN or ±Infinity or lies outside the box.
 */
export function randomPointInBall(center: Tensor, options: RandomPointOptions): Tensor {
  const fn = 'randomPointInBall';
  const c = checkBatch(center, fn, 'center');
  const opts = checkOptions(options, fn);
  checkKnownKeys(opts, RANDOM_POINT_KEYS, fn);
  const norm = checkNorm(opts.norm, fn);
  const epsilon = checkEpsilon(opts.epsilon, fn);
  const box = checkBox(opts.box, fn);
  const seed = checkSeed(opts.seed, fn, 'options.seed');
  return randomPointImpl(c, norm, epsilon, box, seed, fn);
}
