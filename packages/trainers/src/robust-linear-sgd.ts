import { ArgumentError, checkOptions, describeValue, checkKnownKeys, optionKeys } from '@advkit/core';
import { LinearModel } from '@advkit/models';
import type { LpBall } from '@advkit/threat-models';
import type { TrainOptions, TrainResult } from './train-options.js';
import type { LabeledInput } from '@advkit/models';
import { trainingLoop } from './internal/training-loop.js';
import { makeRobustLinearStep } from './robust-linear-step.js';

/** Options of {@link robustLinearSgd}: those of `train` but the step (and the optimizer), plus the threat model. */
export interface RobustLinearSgdOptions extends Omit<TrainOptions, 'step' | 'optimizer'> {
  /** The perturbation set Δ: an Lp ball (no box: the closed form holds for the ball alone). */
  threatModel: LpBall;
}
const ROBUST_LINEAR_SGD_KEYS = optionKeys<RobustLinearSgdOptions>()({ threatModel: true, epochs: true, batchSize: true, learningRate: true, seed: true, shuffle: true, onProgress: true, onEpochEnd: true, checkpoint: true, resumeFrom: true, signal: true, yieldEveryMs: true, executor: true, stopOnDivergence: true });

/**
 * Robust training of a binary linear model on the closed-form robust loss
 * (1/N) Σ Ψ( y_i(θᵀx_i + θ0) − ε‖θ‖_* ): `train` with `robustLinearStep(options.threatModel)` (the
 * formula and its source are there). Tutorial settings: lr 0.1, 20 epochs, batch 100. Trains `model` in
 * place; plain SGD only.
 */
export async function robustLinearSgd(model: LinearModel, data: LabeledInput, options: RobustLinearSgdOptions): Promise<TrainResult> {
  const fn = 'robustLinearSgd';
  const opts = checkOptions(options, fn);
  if (!(model instanceof LinearModel)) throw new ArgumentError(`must be a LinearModel, got ${describeValue(model)}`, { fn, argument: 'model' });
  if ((opts as TrainOptions).optimizer !== undefined) throw new ArgumentError('is not supported here (plain SGD only)', { fn, argument: 'options.optimizer' });
  checkKnownKeys(opts, ROBUST_LINEAR_SGD_KEYS, fn);
  const step = makeRobustLinearStep(opts.threatModel, fn, 'options.threatModel');
  const { threatModel: _, ...rest } = opts;
  return trainingLoop(fn, model, data, { ...rest, step }, { step: 'options.threatModel', attack: 'options.threatModel' });
}
