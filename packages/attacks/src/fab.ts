import type * as tf from '@tensorflow/tfjs-core';
import { checkOptions } from '@advkit/core';
import type { Model } from '@advkit/models';
import type { LpBall } from '@advkit/threat-models';
import type { Attack } from './attack.js';
import type { FabAttackSpec } from './attack-spec.js';
import { fabAttackOf, fabRun } from './internal/fab-attack-of.js';

export interface FabOptions {
  /**
   * L∞, L2 or L1 ball, ε > 0, with the box [0, 1] (FAB's projection is onto hyperplane ∩ [0, 1]^d, as the
   * reference). A point counts as adversarial only within ε.
   */
  threatModel: LpBall;
  /** Iterations per run. @default 100 */
  steps?: number;
  /** Runs (per target class for FAB-T); random starts from the second on, radius ε/2. @default 1 */
  restarts?: number;
  /** α_max, the largest weight of the step from the clean point. @default 0.1 */
  alphaMax?: number;
  /** η, the overshoot of each projection. @default 1.05 */
  eta?: number;
  /** β, the backward step towards x after a success. @default 0.9 */
  beta?: number;
  /** Seed of the random starts. @default 0 */
  seed?: number;
}

/**
 * Untargeted FAB, the fast adaptive boundary attack (Croce & Hein, "Minimally distorted adversarial
 * examples with a fast adaptive boundary attack", ICML 2020), a port of the reference `FABAttack_PT`
 * with `targeted = False` (fra31/auto-attack, MIT; AutoAttack's 'plus' version runs it with 5
 * restarts) for L∞, L2 and L1. At the current point x¹ it linearises every decision boundary
 * f_c = z_c − z_y (c ≠ y, K input gradients per step), takes the one closest to x¹,
 *
 *   c* = argmin_c |f_c(x¹)| / ‖∇f_c(x¹)‖_q   (q = 1 for L∞, 2 for L2, ∞ for L1),
 *
 * projects x¹ and the clean point onto that hyperplane ∩ [0, 1]^d and steps as {@link fabTargeted}
 * does, moving back towards x after every success. An example counts as broken when FAB finds a
 * misclassified point within ε.
 *
 * @param model a differentiable multi-class model with at least 2 classes (a black-box model is refused).
 * @param x inputs `[n, ...inputShape]`, float32, in [0, 1].
 * @param y class indices `[n]`.
 * @returns the adversarial examples (x where the attack failed), owned by the caller.
 * @throws ArgumentError / ShapeError (from @advkit/core) for bad arguments (ε ≤ 0, a box
 *   other than [0, 1], steps or restarts < 1, x outside the box, a black-box model).
 */
export function fab(model: Model, x: tf.Tensor, y: tf.Tensor, options: FabOptions): tf.Tensor {
  return fabRun(model, x, y, options, false, 'fab');
}

/**
 * Untargeted FAB as an {@link Attack}. A call with `{ batchIndex: t }` uses seed `seed + t`; its
 * `spec` holds the options with their defaults filled in, from which {@link attackFromSpec} rebuilds it.
 */
export function fabAttack(options: FabOptions): Attack {
  const opts = checkOptions(options, 'fabAttack');
  return fabAttackOf(opts, false, 'fabAttack', (spec) => ({ kind: 'fab', options: spec }) satisfies FabAttackSpec);
}
