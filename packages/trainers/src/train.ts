import type { Model } from '@advkit/models';
import type { TrainOptions, TrainResult } from './train-options.js';
import type { LabeledInput } from '@advkit/models';
import { trainingLoop } from './internal/training-loop.js';

/**
 * Trains `model` in place with minibatch steps: per epoch a seeded shuffle of the examples, per
 * minibatch `options.step` (`standardStep()`, `adversarialStep(attack)`, `robustLinearStep(ball)` or your
 * own {@link TrainStep}) with the learning rate of that step, on this thread or on the executor given
 * (`dataParallel({ workers })` from `@advkit/trainers/node`).
 *
 * It awaits `options.checkpoint.save` (files, IndexedDB) and resumes from `options.resumeFrom` bit for
 * bit: the shuffle and every random choice of a step derive from the run's position (the global step),
 * never from hidden counters. It yields to the event loop every `options.yieldEveryMs`, so a SIGINT
 * handler or a Stop button can abort `options.signal`. A NaN or infinite batch loss stops the run with a
 * `DivergenceError` naming the epoch and step (`options.stopOnDivergence: false` to go on).
 *
 * `data` holds the examples: `x` with `n · prod(model.inputShape)` floats, row-major, and `y` with `n`
 * labels (±1 for binary models, class indices otherwise), as typed arrays, or as tensors (`x`
 * `[n, ...inputShape]`, `y` `[n]`) and `number[]` labels (see {@link LabeledInput}: tensors are read once
 * and copied, never disposed or kept).
 *
 * @returns per-epoch metrics (plain numbers; no tensors to dispose). Rejects with `signal.reason` when
 *   aborted (after saving a checkpoint), with an ArgumentError naming the option for bad options, with a
 *   CheckpointError for a state that does not fit the run.
 */
export function train(model: Model, data: LabeledInput, options: TrainOptions): Promise<TrainResult> {
  return trainingLoop('train', model, data, options, { step: 'options.step', attack: 'options.step.attack' });
}
