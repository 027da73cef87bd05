import type * as tf from '@tensorflow/tfjs-core';
import { checkOptions } from '@advkit/core';
import type { Model } from '@advkit/models';
import type { Attack } from './attack.js';
import type { FabTargetedAttackSpec } from './attack-spec.js';
import type { FabOptions } from './fab.js';
import { fabAttackOf, fabRun } from './internal/fab-attack-of.js';

/** Options of {@link fabTargeted}: those of {@link fab} and the number of target classes. */
export interface FabTargetedOptions extends FabOptions {
  /** Targets: the 2nd … (targetClasses+1)-th largest clean logits. @default 9, capped at K − 1 */
  targetClasses?: number;
}

/**
 * Targeted FAB, "FAB-T" (Croce & Hein, "Minimally distorted adversarial examples with a fast adaptive
 * boundary attack", ICML 2020; the targeted version of "Reliable evaluation …", ICML 2020), a port of
 * the reference `FABAttack_PT` with `targeted = True` (fra31/auto-attack, MIT) for L∞, L2 and L1: for each
 * target t among the top `targetClasses` other classes, it linearises the decision boundary
 * f_t − f_y = 0, projects the current point and the clean point onto that hyperplane ∩ [0, 1]^d (the
 * reference's exact projections) and steps towards a convex combination of the two, moving back
 * towards x after every success, so it searches for the closest adversarial example. An example
 * counts as broken when FAB finds a misclassified point within ε.
 *
 * @param model a differentiable multi-class model with at least 2 classes (a black-box model is refused).
 * @param x inputs `[n, ...inputShape]`, float32, in [0, 1].
 * @param y class indices `[n]`.
 * @returns the adversarial examples (x where the attack failed), owned by the caller.
 * @throws ArgumentError / ShapeError (from @advkit/core) for bad arguments.
 */
export function fabTargeted(model: Model, x: tf.Tensor, y: tf.Tensor, options: FabTargetedOptions): tf.Tensor {
  return fabRun(model, x, y, options, true, 'fabTargeted');
}

/**
 * FAB-T as an {@link Attack}. A call with `{ batchIndex: t }` uses seed `seed + t`; its `spec` holds
 * the options with their defaults filled in (`targetClasses` only when given: the default depends on
 * the model's classes), from which {@link attackFromSpec} rebuilds it.
 */
export function fabTargetedAttack(options: FabTargetedOptions): Attack {
  const opts = checkOptions(options, 'fabTargetedAttack');
  return fabAttackOf(opts, true, 'fabTargetedAttack', (spec) => ({ kind: 'fab-targeted', options: spec }) satisfies FabTargetedAttackSpec);
}
