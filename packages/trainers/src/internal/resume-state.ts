import { CheckpointError, describeValue } from '@advkit/core';
import type { Model } from '@advkit/models';
import { TRAINING_STATE_VERSION, upgradeTrainingState, type TrainingState } from '../checkpoint/training-state.js';

/**
 * Checks that a state to resume from matches this run (step name, settings, model) and returns it as
 * version 2 (a version-1 state is upgraded, see `upgradeTrainingState`). @throws CheckpointError saying what differs
 */
export function checkResumeState(state: unknown, fn: string, trainer: string, settings: TrainingState['settings'], model: Model): TrainingState {
  const bad = (msg: string): CheckpointError => new CheckpointError(`${fn}: options.resumeFrom ${msg}`);
  const s = upgradeTrainingState(state) as TrainingState;
  if (typeof s !== 'object' || s === null || s.format !== 'advkit-training-state') throw bad(`must be a TrainingState, got ${describeValue(s)}`);
  if (s.version !== TRAINING_STATE_VERSION) throw bad(`has state version ${String(s.version)}; this advkit reads versions 1 and ${TRAINING_STATE_VERSION}`);
  if (s.trainer !== trainer) throw bad(`was written by the step '${String(s.trainer)}', not by '${trainer}' (options.step)`);
  const ss = s.settings ?? {};
  for (const k of ['batchSize', 'seed', 'shuffle', 'n', 'dim'] as const) {
    if (ss[k] !== settings[k]) throw bad(`has settings.${k} = ${String(ss[k])} but this run has ${String(settings[k])}`);
  }
  if (!Number.isInteger(s.epoch) || s.epoch < 1 || s.epoch > settings.epochs + 1) throw bad(`is at epoch ${String(s.epoch)}, outside 1..${settings.epochs + 1} for a run of ${settings.epochs} epochs`);
  const perEpoch = Math.ceil(settings.n / settings.batchSize);
  if (!Number.isInteger(s.step) || s.step < 0 || s.step >= perEpoch) throw bad(`is at step ${String(s.step)}, outside 0..${perEpoch - 1}`);
  if (!Array.isArray(s.epochs) || s.epochs.length !== s.epoch - 1) throw bad(`must hold metrics of ${s.epoch - 1} finished epochs`);
  if (!Array.isArray(s.weights) || s.weights.length !== model.variables.length) throw bad(`must hold ${model.variables.length} weight arrays for this model`);
  if (!Array.isArray(s.rngAtEpochStart) || s.rngAtEpochStart.length < 4) throw bad('must hold the generator state (rngAtEpochStart)');
  const p = s.partial;
  if (typeof p !== 'object' || p === null || ![p.lossSum, p.errSum, p.learningRate, p.seconds].every((v) => typeof v === 'number')) throw bad('must hold the partial sums');
  if (!Number.isInteger(s.totalSteps) || s.totalSteps < 0) throw bad('must hold totalSteps');
  return s;
}
