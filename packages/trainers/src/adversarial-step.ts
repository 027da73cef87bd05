import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, describeValue, isTensor } from '@advkit/core';
import { LinearModel } from '@advkit/models';
import { isAttack, type Attack } from '@advkit/attacks';
import type { TrainStep } from './train-step.js';
import { linearStep } from './internal/linear-step.js';
import { autodiffStep } from './internal/autodiff-step.js';
import { ScalarCache } from './internal/scalar-cache.js';

/** Marks the steps made by {@link adversarialStep}. */
const BUILT_IN = Symbol.for('advkit.adversarialStep'); // Symbol.for: survives two loaded copies of this module

/** Whether `step` was made by {@link adversarialStep} (`dataParallel` rebuilds those in its workers). Internal. */
export function isBuiltInAdversarialStep(step: TrainStep): step is AdversarialStep {
  return BUILT_IN in step;
}

/** The step of adversarial training, as returned by {@link adversarialStep}. */
export interface AdversarialStep extends TrainStep {
  readonly name: 'adversarial';
  /** The inner maximisation. */
  readonly attack: Attack;
}

/**
 * Adversarial training (Madry et al. 2018, "Towards deep learning models resistant to adversarial
 * attacks", §2): minibatch SGD on the empirical adversarial risk
 *
 *     min_θ (1/N) Σ_i max_{δ∈Δ(x_i)} L(y_i, f(x_i + δ; θ)).
 *
 * Each step asks `attack` for x + δ* on the current model (`attack.run(model, x, y, { batchIndex:
 * globalStep })`: a randomised attack seeds the step from its index, so resumes are exact), then steps
 * on ∇_θ L(y, f(x + δ*; θ)), by Danskin's theorem a (sub)gradient of the inner max when δ* is its
 * maximiser. A {@link LinearModel} with plain SGD takes the analytic gradient; anything else autodiff.
 * For `train`'s `options.step`; `adversarialSgd` is `train` with this step.
 *
 * @throws ArgumentError naming `attack` when it is not an Attack.
 */
export function adversarialStep(attack: Attack): AdversarialStep {
  if (!isAttack(attack)) throw new ArgumentError(`must be an Attack ({ name, run(model, x, y, context) }), got ${describeValue(attack)}`, { fn: 'adversarialStep', argument: 'attack' });
  return makeAdversarialStep(attack, 'options.step.attack');
}

/** {@link adversarialStep} whose run-time errors name the attack as `argument` (`adversarialSgd`: `options.attack`). */
export function makeAdversarialStep(attack: Attack, argument: string): AdversarialStep {
  const scalars = new ScalarCache();
  const step: AdversarialStep & { [BUILT_IN]: true } = {
    name: 'adversarial',
    [BUILT_IN]: true,
    attack,
    run(model, x, y, { fn, globalStep, learningRate, optimizer }) {
      const labels = model.numOutputs === 1 ? tf.reshape(y, [-1]) : y; // attacks take binary labels as [B]
      let xAdv: tf.Tensor;
      try {
        xAdv = attack.run(model, x, labels, { batchIndex: globalStep });
      } finally {
        if (labels !== y) labels.dispose();
      }
      if (!isTensor(xAdv) || xAdv.isDisposed || xAdv.shape.length !== x.shape.length || xAdv.shape.some((d, i) => d !== x.shape[i])) {
        if (isTensor(xAdv) && xAdv !== x) xAdv.dispose();
        throw new ArgumentError(`must return a tensor of the inputs' shape [${x.shape.join(',')}] from run, got ${describeValue(xAdv)}`, { fn, argument });
      }
      try {
        return model instanceof LinearModel && optimizer === undefined
          ? linearStep(model, xAdv as tf.Tensor2D, y as tf.Tensor2D, learningRate, undefined, scalars)
          : autodiffStep(model, xAdv, y, learningRate, optimizer, fn);
      } finally {
        if (xAdv !== x) xAdv.dispose();
      }
    },
    finish: () => scalars.dispose(),
  };
  return step;
}
