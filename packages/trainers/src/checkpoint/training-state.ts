import type { EpochMetrics } from '../train-options.js';

/** The version of the {@link TrainingState} layout this advkit writes. */
export const TRAINING_STATE_VERSION = 2;

/**
 * Everything needed to continue a run exactly where it stopped, as saved through
 * `TrainOptions.checkpoint`. Resuming from it (`options.resumeFrom`) with the same model shape, data and
 * options gives the same weights and metrics, bit for bit on the same backend, as a run that was never
 * interrupted: the minibatch order and every seed of a step (a randomised attack's included) derive from
 * the state's position, never from hidden counters.
 *
 * Position: `epoch` is the 1-based epoch in progress and `step` the number of its steps already taken;
 * after the last epoch `epoch === settings.epochs + 1` and `step === 0`. The minibatch order of an epoch
 * is a permutation drawn from the seeded generator at the epoch's start, so the state keeps the
 * generator's state as of that moment (`rngAtEpochStart`); a resume redraws the same permutation and
 * skips the `step` batches already done.
 *
 * Versions: 2 (this advkit) names the step in `trainer`. Version 1 (advkit ≤ 0.1) named the trainer
 * function ('sgd', 'adversarialSgd', 'robustLinearSgd'); such states are read and upgraded (see
 * `decodeTrainingState` upgrades them).
 */
export interface TrainingState {
  /** Identifies the object. */
  format: 'advkit-training-state';
  /** Version of this layout (2); readers reject versions they do not know. */
  version: 2;
  /**
   * The name of the `TrainStep` that took the steps (`'standard'`, `'adversarial'`, `'robustLinear'` for
   * the built-in steps). A resume must use a step of the same name.
   */
  trainer: string;
  /** The options a resume must repeat (checked), plus the data size and input dimension. */
  settings: { epochs: number; batchSize: number; seed: number; shuffle: boolean; n: number; dim: number };
  /** 1-based epoch in progress (`settings.epochs + 1` when finished). */
  epoch: number;
  /** Steps of `epoch` already taken. */
  step: number;
  /** Steps taken in the whole run so far (the next step's `globalStep`). */
  totalSteps: number;
  /** `Rng.state()` at the start of `epoch` (before its permutation was drawn). */
  rngAtEpochStart: number[];
  /** The model's variables (`getWeights(model)`), in `model.variables` order. */
  weights: Float32Array[];
  /** Metrics of the finished epochs. */
  epochs: EpochMetrics[];
  /** Running sums of `epoch` so far. */
  partial: { lossSum: number; errSum: number; learningRate: number; seconds: number };
  /** `CheckpointOptions.meta`, stored as given. */
  meta?: Record<string, unknown>;
  /**
   * The tfjs optimizer's state (`optimizer.getWeights()`: the iteration count and its slots, e.g.
   * momentum accumulators or Adam moments), present when the run used `options.optimizer`. @default undefined
   */
  optimizer?: OptimizerWeight[];
}

/** One named tensor of a tfjs optimizer's state, as plain numbers. */
export interface OptimizerWeight {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32';
  values: number[];
}

/** The step names of version 2 for the trainer names of version 1. */
const V1_TRAINERS: Record<string, string> = { sgd: 'standard', adversarialSgd: 'adversarial', robustLinearSgd: 'robustLinear' };

/**
 * A state of version 1 (advkit ≤ 0.1) as version 2, or `state` itself when it is not of version 1.
 * Version 1 differs only in `trainer`, which named the trainer function; it maps to the name of the step
 * that function takes now. Version 1's seeds: its `adversarialSgd` advanced a randomised attack's seed
 * with a call counter that started at 0 in every process, which equals the global step (the rule now)
 * for a run that was never resumed; a state saved after a resume of a random-start attack continues with
 * the seeds of an uninterrupted run, not with those the old resumed run would have used.
 */
export function upgradeTrainingState(state: unknown): unknown {
  if (typeof state !== 'object' || state === null) return state;
  const s = state as { format?: unknown; version?: unknown; trainer?: unknown };
  if (s.format !== 'advkit-training-state' || s.version !== 1) return state;
  const trainer = typeof s.trainer === 'string' ? (V1_TRAINERS[s.trainer] ?? s.trainer) : s.trainer;
  return { ...s, version: TRAINING_STATE_VERSION, trainer };
}
