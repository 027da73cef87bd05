import type * as tf from '@tensorflow/tfjs-core';
import { checkOptions } from '@advkit/core';
import { LinearModel, type Model } from '@advkit/models';
import type { TrainResult } from './train-options.js';
import type { TrainingData } from './training-data.js';
import { runTrainingAsync, type AsyncTrainOptions } from './run-training.js';
import { linearStep } from './linear-step.js';
import { ScalarCache } from './scalar-cache.js';
import { autodiffStep } from './autodiff-step.js';

/**
 * {@link sgd} that awaits `options.checkpoint.save` and yields to the event loop every
 * `options.yieldEveryMs` (keep in step with sgd.ts: a test checks both give the same weights), so a run can be checkpointed to disk or IndexedDB and stopped with
 * `options.signal` (Ctrl-C, a Stop button). Same steps, bit-identical weights to `sgd`.
 *
 * @returns per-epoch metrics (plain numbers). Rejects with `signal.reason` when aborted (after saving).
 */
export async function sgdAsync(model: Model, data: TrainingData, options?: AsyncTrainOptions): Promise<TrainResult> {
  const fn = 'sgd';
  const opts = checkOptions(options, 'sgdAsync');
  const optimizer = opts.optimizer;
  if (model instanceof LinearModel && optimizer === undefined) {
    const scalars = new ScalarCache();
    try {
      return await runTrainingAsync(model, data, opts, fn, (xb, yb, lr) => linearStep(model, xb as tf.Tensor2D, yb as tf.Tensor2D, lr, undefined, scalars));
    } finally {
      scalars.dispose();
    }
  }
  return runTrainingAsync(model, data, opts, fn, (xb, yb, lr) => autodiffStep(model, xb, yb, lr, optimizer));
}
