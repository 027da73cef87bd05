import { CheckpointError } from '@advkit/core';
import type { CheckpointOptions } from '@advkit/trainers';
import type { TrainingState } from '@advkit/trainers/checkpoint';

/** What an experiment's async runner needs to checkpoint one of its phases. */
export interface PhaseCheckpointing<P extends string> {
  /** Persists the latest state of a phase. */
  save(phase: P, state: TrainingState): Promise<void>;
  /** Saved states to continue from. @default {} */
  resume?: Partial<Record<P, TrainingState>>;
  /** Also save every this many steps. @default undefined (after every epoch only) */
  everySteps?: number;
}

/**
 * The trainer options that checkpoint and resume `phase` of an experiment run with `settings`: saves go
 * through `ck.save` with `{ phase, settings }` in `state.meta`; a saved state is resumed only if its
 * meta names the same phase and settings (CheckpointError naming `fn` otherwise); `signal` is passed on.
 */
export function phaseCheckpointOptions<P extends string>(
  fn: string,
  phase: P,
  settings: object,
  ck: PhaseCheckpointing<P> | undefined,
  signal: AbortSignal | undefined,
): { checkpoint?: CheckpointOptions; resumeFrom?: TrainingState; signal?: AbortSignal } {
  const out: { checkpoint?: CheckpointOptions; resumeFrom?: TrainingState; signal?: AbortSignal } = {};
  if (signal !== undefined) out.signal = signal;
  if (ck === undefined) return out;
  out.checkpoint = { save: (state) => ck.save(phase, state), meta: { phase, settings: { ...settings } } };
  if (ck.everySteps !== undefined) out.checkpoint.everySteps = ck.everySteps;
  const from = ck.resume?.[phase];
  if (from !== undefined) {
    const meta = from.meta ?? {};
    if (meta.phase !== phase) throw new CheckpointError(`${fn}: the ${phase} checkpoint was saved by phase ${String(meta.phase)}`);
    if (!sameSettings(meta.settings, settings)) {
      throw new CheckpointError(`${fn}: the ${phase} checkpoint was saved with other settings (${JSON.stringify(meta.settings)}); rerun with those or start afresh`);
    }
    out.resumeFrom = from;
  }
  return out;
}

/** Settings as saved (JSON) equal to `settings`. */
export function sameSettings(saved: unknown, settings: object): boolean {
  return JSON.stringify(saved) === JSON.stringify(settings);
}
