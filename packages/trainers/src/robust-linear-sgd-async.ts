import type * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, checkOptions } from '@advkit/core';
import { LinearModel } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import type { TrainResult } from './train-options.js';
import type { TrainingData } from './training-data.js';
import type { RobustLinearSgdOptions } from './robust-linear-sgd.js';
import { runTrainingAsync, type AsyncTrainOptions } from './run-training.js';
import { linearStep } from './linear-step.js';
import { ScalarCache } from './scalar-cache.js';

/**
 * {@link robustLinearSgd} that awaits `options.checkpoint.save` and yields to the event loop (see
 * {@link sgdAsync}). Same steps, bit-identical weights to `robustLinearSgd`; its checkpoints are
 * interchangeable with it (both record the trainer as `'robustLinearSgd'`).
 */
export async function robustLinearSgdAsync(model: LinearModel, data: TrainingData, options: RobustLinearSgdOptions & AsyncTrainOptions): Promise<TrainResult> {
  const fn = 'robustLinearSgd';
  if (!(model instanceof LinearModel)) throw new ArgumentError('must be a LinearModel', { fn: 'robustLinearSgdAsync', argument: 'model' });
  const opts = checkOptions(options, 'robustLinearSgdAsync');
  const ball = opts.threatModel;
  if (!(ball instanceof LpBall)) throw new ArgumentError('must be an LpBall', { fn: 'robustLinearSgdAsync', argument: 'options.threatModel' });
  if (ball.box !== undefined) {
    throw new ArgumentError('must have no box: the closed-form robust loss holds for the ball alone; use adversarialSgd', {
      fn: 'robustLinearSgdAsync',
      argument: 'options.threatModel',
    });
  }
  if (opts.optimizer !== undefined) throw new ArgumentError('is not supported here (plain SGD only)', { fn: 'robustLinearSgdAsync', argument: 'options.optimizer' });
  const scalars = new ScalarCache();
  try {
    return await runTrainingAsync(model, data, opts, fn, (xb, yb, lr) => linearStep(model, xb as tf.Tensor2D, yb as tf.Tensor2D, lr, ball, scalars));
  } finally {
    scalars.dispose();
  }
}
