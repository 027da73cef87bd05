import { checkOptions } from '@advkit/core';
import type { Model } from '@advkit/models';
import type { TrainResult } from './train-options.js';
import type { LabeledData } from '@advkit/models';
import { runTrainingAsync, type AsyncTrainOptions } from './run-training.js';
import { ScalarCache } from './scalar-cache.js';
import { adversarialStep, checkAttack } from './adversarial-step.js';
import type { AdversarialSgdOptions } from './adversarial-sgd.js';

/** Options of {@link adversarialSgdAsync}: those of {@link adversarialSgd} plus `yieldEveryMs`. */
export interface AdversarialSgdAsyncOptions extends AdversarialSgdOptions, AsyncTrainOptions {}

/**
 * {@link adversarialSgd} that can be checkpointed and stopped: it awaits `options.checkpoint.save`
 * (files, IndexedDB), restores a tfjs optimizer's state on `options.resumeFrom`, and yields to the event
 * loop every `options.yieldEveryMs` so a SIGINT handler or a Stop button can abort `options.signal`
 * between steps. Same steps as `adversarialSgd` (the step function is shared), so with a deterministic
 * attack both give bit-identical weights; a resumed run equals an uninterrupted one.
 *
 * Randomised attacks (PGD's random start) draw from their own seeded generator, whose position is not
 * part of the checkpoint: a resumed run restarts that generator, so it matches an uninterrupted run only
 * for attacks without randomness (the tutorial's PGD has no random start).
 *
 * @returns per-epoch metrics (plain numbers). Rejects with `signal.reason` when aborted (after saving).
 */
export async function adversarialSgdAsync(model: Model, data: LabeledData, options: AdversarialSgdAsyncOptions): Promise<TrainResult> {
  const fn = 'adversarialSgd';
  const opts = checkOptions(options, 'adversarialSgdAsync');
  const attack = checkAttack(opts.attack, 'adversarialSgdAsync');
  const scalars = new ScalarCache();
  try {
    return await runTrainingAsync(model, data, opts, fn, adversarialStep(model, attack, opts.optimizer, scalars));
  } finally {
    scalars.dispose();
  }
}
