import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError } from '@advkit/core';
import { LinearModel, type Model } from '@advkit/models';
import type { Attack } from '@advkit/attacks';
import type { StepFunction } from './run-training.js';
import { linearStep } from './linear-step.js';
import type { ScalarCache } from './scalar-cache.js';
import { autodiffStep } from './autodiff-step.js';

/** Checks that `attack` is an {@link Attack}; throws ArgumentError naming `options.attack` otherwise. */
export function checkAttack(attack: unknown, fn: string): Attack {
  if (typeof attack !== 'object' || attack === null || typeof (attack as Attack).run !== 'function') {
    throw new ArgumentError('must be an Attack ({ name, run(model, x, y) })', { fn, argument: 'options.attack' });
  }
  return attack as Attack;
}

/**
 * The step shared by {@link adversarialSgd} and {@link adversarialSgdAsync}: attack the batch on the
 * current model (x + δ*), then one SGD step on the loss at x + δ* (Danskin). A linear model without a
 * tfjs optimizer takes the analytic {@link linearStep}; anything else goes through autodiff. `scalars`
 * is owned by the caller (dispose it after training).
 */
export function adversarialStep(model: Model, attack: Attack, optimizer: tf.Optimizer | undefined, scalars: ScalarCache): StepFunction {
  const linear = model instanceof LinearModel && optimizer === undefined;
  return (xb, yb, lr) => {
    const labels = model.numOutputs === 1 ? tf.reshape(yb, [-1]) : yb;
    const xAdv = attack.run(model, xb, labels);
    if (labels !== yb) labels.dispose();
    try {
      return linear
        ? linearStep(model as LinearModel, xAdv as tf.Tensor2D, yb as tf.Tensor2D, lr, undefined, scalars)
        : autodiffStep(model, xAdv, yb, lr, optimizer);
    } finally {
      xAdv.dispose();
    }
  };
}
