import { checkOptions } from '@advkit/core';
import type { Model } from '@advkit/models';
import type { TrainResult } from './train-options.js';
import type { LabeledData } from '@advkit/models';
import { runTrainingAsync, type AsyncTrainOptions } from './run-training.js';
import { ScalarCache } from './scalar-cache.js';
import { standardStep } from './standard-step.js';

/**
 * {@link sgd} that awaits `options.checkpoint.save` and yields to the event loop every
 * `options.yieldEveryMs` (the step function is shared with sgd.ts; a test checks both give the same weights), so a run can be checkpointed to disk or IndexedDB and stopped with
 * `options.signal` (Ctrl-C, a Stop button). Same steps, bit-identical weights to `sgd`.
 *
 * @returns per-epoch metrics (plain numbers). Rejects with `signal.reason` when aborted (after saving).
 */
export async function sgdAsync(model: Model, data: LabeledData, options?: AsyncTrainOptions): Promise<TrainResult> {
  const opts = checkOptions(options, 'sgdAsync');
  const scalars = new ScalarCache();
  try {
    return await runTrainingAsync(model, data, opts, 'sgd', standardStep(model, opts.optimizer, scalars));
  } finally {
    scalars.dispose();
  }
}
