import type * as tf from '@tensorflow/tfjs-core';
import { LinearModel } from '@advkit/models';
import type { TrainStep } from './train-step.js';
import { linearStep } from './internal/linear-step.js';
import { autodiffStep } from './internal/autodiff-step.js';
import { ScalarCache } from './internal/scalar-cache.js';

/** Marks the steps made by {@link standardStep}. */
const BUILT_IN = Symbol.for('advkit.standardStep'); // Symbol.for: survives two loaded copies of this module

/** Whether `step` was made by {@link standardStep} (`dataParallel` rebuilds those in its workers). Internal. */
export function isBuiltInStandardStep(step: TrainStep): step is StandardStep {
  return BUILT_IN in step;
}

/** The step of standard training, as returned by {@link standardStep}. */
export interface StandardStep extends TrainStep {
  readonly name: 'standard';
}

/**
 * Standard training: one gradient step on the batch's mean loss (1/B) Σ L(y_i, f(x_i; θ)), the logistic
 * loss for binary models and cross-entropy for K-class ones. A {@link LinearModel} with plain SGD takes
 * the analytic gradient (`linearStep`, about 12 small kernels a step; it is why the tutorial's linear
 * experiment runs at PyTorch's speed); anything else (other models, a tfjs optimizer) goes through tfjs
 * autodiff. For `train`'s `options.step`; `sgd` is `train` with this step.
 */
export function standardStep(): StandardStep {
  const scalars = new ScalarCache();
  const step: StandardStep & { [BUILT_IN]: true } = {
    name: 'standard',
    [BUILT_IN]: true,
    run(model, x, y, { learningRate, optimizer, fn }) {
      if (model instanceof LinearModel && optimizer === undefined) return linearStep(model, x as tf.Tensor2D, y as tf.Tensor2D, learningRate, undefined, scalars);
      return autodiffStep(model, x, y, learningRate, optimizer, fn);
    },
    finish: () => scalars.dispose(),
  };
  return step;
}
