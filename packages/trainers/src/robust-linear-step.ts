import type * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, describeValue } from '@advkit/core';
import { LinearModel } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import type { TrainStep } from './train-step.js';
import { linearStep } from './internal/linear-step.js';
import { ScalarCache } from './internal/scalar-cache.js';

/** The step of closed-form robust training of a linear model, as returned by {@link robustLinearStep}. */
export interface RobustLinearStep extends TrainStep {
  readonly name: 'robustLinear';
  /** The perturbation set Δ. */
  readonly threatModel: LpBall;
}

/**
 * Robust training of a binary linear model on the closed-form robust loss
 *
 *     (1/B) Σ Ψ( y_i(θᵀx_i + θ0) − ε‖θ‖_* ),   Ψ(m) = log(1 + e^{−m}),
 *
 * which equals the adversarial loss max_{‖δ‖≤ε} Ψ(y_i f(x_i+δ)) exactly (Kolter & Madry, chapter 2).
 * It is convex in θ. By Danskin's theorem its gradient is the gradient at the exact attack's x + δ*, so
 * this takes the steps of `adversarialStep(exactLinearAttack(...))` (a test checks it). Runs on a
 * `LinearModel` with plain SGD only (else an ArgumentError naming `model` or `options.optimizer` at the
 * first step). For `train`'s `options.step`; `robustLinearSgd` is `train` with this step.
 *
 * @throws ArgumentError naming `threatModel` unless it is an LpBall without a box.
 */
export function robustLinearStep(threatModel: LpBall): RobustLinearStep {
  return makeRobustLinearStep(threatModel, 'robustLinearStep', 'threatModel');
}

/** {@link robustLinearStep} checked as `fn`'s `argument` (`robustLinearSgd`: `options.threatModel`). */
export function makeRobustLinearStep(threatModel: LpBall, fn: string, argument: string): RobustLinearStep {
  if (!(threatModel instanceof LpBall)) throw new ArgumentError(`must be an LpBall, got ${describeValue(threatModel)}`, { fn, argument });
  if (threatModel.box !== undefined) {
    throw new ArgumentError('must have no box: the closed-form robust loss holds for the ball alone; use adversarialStep with an attack', { fn, argument });
  }
  const scalars = new ScalarCache();
  return {
    name: 'robustLinear',
    threatModel,
    run(model, x, y, { fn: caller, learningRate, optimizer }) {
      if (!(model instanceof LinearModel)) throw new ArgumentError(`must be a LinearModel for robust linear training, got ${describeValue(model)}`, { fn: caller, argument: 'model' });
      if (optimizer !== undefined) throw new ArgumentError('is not supported by robust linear training (plain SGD only)', { fn: caller, argument: 'options.optimizer' });
      return linearStep(model, x as tf.Tensor2D, y as tf.Tensor2D, learningRate, threatModel, scalars);
    },
    finish: () => scalars.dispose(),
  };
}
