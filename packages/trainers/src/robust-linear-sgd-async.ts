import type * as tf from '@tensorflow/tfjs-core';
import { checkOptions } from '@advkit/core';
import type { LinearModel } from '@advkit/models';
import type { TrainResult } from './train-options.js';
import type { LabeledData } from '@advkit/models';
import { checkRobustLinear, type RobustLinearSgdOptions } from './robust-linear-sgd.js';
import { runTrainingAsync, type AsyncTrainOptions } from './run-training.js';
import { linearStep } from './linear-step.js';
import { ScalarCache } from './scalar-cache.js';

/**
 * {@link robustLinearSgd} that awaits `options.checkpoint.save` and yields to the event loop (see
 * {@link sgdAsync}). Same steps, bit-identical weights to `robustLinearSgd`; its checkpoints are
 * interchangeable with it (both record the trainer as `'robustLinearSgd'`).
 */
export async function robustLinearSgdAsync(model: LinearModel, data: LabeledData, options: RobustLinearSgdOptions & AsyncTrainOptions): Promise<TrainResult> {
  const opts = checkOptions(options, 'robustLinearSgdAsync');
  const ball = checkRobustLinear(model, opts, 'robustLinearSgdAsync');
  const scalars = new ScalarCache();
  try {
    return await runTrainingAsync(model, data, opts, 'robustLinearSgd', (xb, yb, lr) => linearStep(model, xb as tf.Tensor2D, yb as tf.Tensor2D, lr, ball, scalars));
  } finally {
    scalars.dispose();
  }
}
