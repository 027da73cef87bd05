import type * as tf from '@tensorflow/tfjs-core';
import { checkOptions, checkKnownKeys, optionKeys } from '@advkit/core';
import type { Model } from '@advkit/models';
import type { AttackLoss } from './internal/attack-objective.js';
import { resolveBatch, resolveObjective } from './internal/resolve-attack.js';
import { objectiveGradient } from './internal/run-pgd.js';

export interface InputGradientOptions {
  /** The loss J (see `PgdOptions.loss`). @default 'cross-entropy' */
  loss?: AttackLoss;
  /** Use J = −loss towards `target`. @default false */
  targeted?: boolean;
  /** Target labels when `targeted`. */
  target?: tf.Tensor;
}
const INPUT_GRADIENT_KEYS = optionKeys<InputGradientOptions>()({ loss: true, targeted: true, target: true });

/**
 * The per-example input gradient ∇ₓ J(y, f(x)) of the objective that {@link fgsm} and {@link pgd}
 * ascend (row i is example i's own gradient: the gradient of Σᵢ Jᵢ). Computed with `tf.grad` of a
 * function of x alone; the model is not changed.
 *
 * @returns a tensor of x's shape, owned by the caller.
 * @throws ArgumentError / ShapeError for bad arguments, including a model whose logits are not a
 *   float32 `[batch, numOutputs]` tensor, do not depend on x, or throw (then on `model`); a failing
 *   call frees every tensor it made. x is not checked for NaN (that would cost a read-back; the
 *   attacks check it).
 */
export function inputGradient(model: Model, x: tf.Tensor, y: tf.Tensor, options?: InputGradientOptions): tf.Tensor {
  const fn = 'inputGradient';
  const opts = checkOptions(options, fn);
  checkKnownKeys(opts, INPUT_GRADIENT_KEYS, fn);
  const { loss, targeted } = resolveObjective(opts, fn);
  const b = resolveBatch(model, x, y, opts.target, targeted, fn);
  try {
    return objectiveGradient(b.model, b.x, b.labels, loss, targeted, fn);
  } finally {
    b.labels.dispose();
  }
}
