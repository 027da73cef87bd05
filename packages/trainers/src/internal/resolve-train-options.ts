import type * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, checkNumber, checkOptions, checkSeed, checkSignal, describeValue, checkKnownKeys } from '@advkit/core';
import { CHECKPOINT_KEYS, TRAIN_KEYS, type TrainOptions, type CheckpointOptions } from '../train-options.js';
import type { TrainStep } from '../train-step.js';
import type { StepExecutor } from '../step-executor.js';

import { checkOptimizer } from './optimizer-state.js';

/** {@link TrainOptions} checked, with their defaults applied. */
export interface ResolvedTrainOptions {
  step: TrainStep;
  epochs: number;
  batchSize: number;
  /** The learning rate of (1-based) epoch and step; throws an ArgumentError naming `options.learningRate` for a bad value. */
  learningRate: (epoch: number, step: number) => number;
  seed: number;
  shuffle: boolean;
  optimizer: tf.Optimizer | undefined;
  checkpoint: CheckpointOptions | undefined;
  signal: AbortSignal | undefined;
  yieldEveryMs: number;
  executor: StepExecutor | undefined;
  stopOnDivergence: boolean;
}

/** Checks the options of `fn` (the public function called) and applies their defaults. @throws ArgumentError naming the option */
export function resolveTrainOptions(options: TrainOptions | undefined, fn: string, stepArgument: string): ResolvedTrainOptions {
  const opts = checkOptions(options, fn);
  checkKnownKeys(opts, TRAIN_KEYS, fn);
  const step = checkStep(opts.step, fn, stepArgument);
  const epochs = checkNumber(opts.epochs ?? 10, fn, 'options.epochs', { min: 1, integer: true });
  const batchSize = checkNumber(opts.batchSize ?? 100, fn, 'options.batchSize', { min: 1, integer: true });
  const seed = checkSeed(opts.seed ?? 0, fn, 'options.seed');
  const lr = opts.learningRate ?? 1;
  let learningRate: (epoch: number, step: number) => number;
  if (typeof lr === 'function') {
    learningRate = (e, s) => {
      let v: unknown;
      try {
        v = lr(e, s);
      } catch (cause) {
        throw new ArgumentError(`threw at epoch ${e}, step ${s}: ${(cause as Error)?.message ?? String(cause)}`, { fn, argument: 'options.learningRate', cause });
      }
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
        throw new ArgumentError(`must return a finite number >= 0, got ${describeValue(v)} at epoch ${e}, step ${s}`, { fn, argument: 'options.learningRate' });
      }
      return v;
    };
  } else {
    const v = checkNumber(lr, fn, 'options.learningRate', { min: 0 });
    learningRate = () => v;
  }
  for (const k of ['onProgress', 'onEpochEnd'] as const) {
    if (opts[k] !== undefined && typeof opts[k] !== 'function') throw new ArgumentError(`must be a function, got ${describeValue(opts[k])}`, { fn, argument: `options.${k}` });
  }
  for (const k of ['shuffle', 'stopOnDivergence'] as const) {
    if (opts[k] !== undefined && typeof opts[k] !== 'boolean') throw new ArgumentError(`must be a boolean, got ${describeValue(opts[k])}`, { fn, argument: `options.${k}` });
  }
  const ck = opts.checkpoint;
  if (ck !== undefined) {
    if (typeof ck !== 'object' || ck === null || typeof ck.save !== 'function') {
      throw new ArgumentError(`must be { save(state), everySteps?, meta? }, got ${describeValue(ck)}`, { fn, argument: 'options.checkpoint' });
    }
    checkKnownKeys(ck, CHECKPOINT_KEYS, fn, 'options.checkpoint');
    if (ck.everySteps !== undefined) checkNumber(ck.everySteps, fn, 'options.checkpoint.everySteps', { min: 1, integer: true });
  }
  const ex = opts.executor;
  if (ex !== undefined && (typeof ex !== 'object' || ex === null || typeof ex.start !== 'function')) {
    throw new ArgumentError(`must be a StepExecutor (e.g. dataParallel({ workers }) from @advkit/trainers/node), got ${describeValue(ex)}`, { fn, argument: 'options.executor' });
  }
  return {
    step,
    epochs,
    batchSize,
    learningRate,
    seed,
    shuffle: opts.shuffle ?? true,
    optimizer: checkOptimizer(opts.optimizer, fn),
    checkpoint: ck,
    signal: checkSignal(opts.signal, fn),
    yieldEveryMs: checkNumber(opts.yieldEveryMs ?? 20, fn, 'options.yieldEveryMs', { min: 0 }),
    executor: ex,
    stopOnDivergence: opts.stopOnDivergence ?? true,
  };
}

function checkStep(step: unknown, fn: string, argument: string): TrainStep {
  const s = step as Partial<TrainStep> | null;
  if (typeof s !== 'object' || s === null || typeof s.name !== 'string' || s.name === '' || typeof s.run !== 'function' || (s.finish !== undefined && typeof s.finish !== 'function')) {
    throw new ArgumentError(`must be a TrainStep ({ name, run(model, x, y, context) }, e.g. standardStep()), got ${describeValue(step)}`, { fn, argument });
  }
  return s as TrainStep;
}
