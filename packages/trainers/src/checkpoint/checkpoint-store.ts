import type { TrainingState } from './training-state.js';

/**
 * Somewhere to keep the latest {@link TrainingState} of one run. `save` replaces the previous state
 * atomically (after a crash at any moment, `load` returns the old state or the new one, never a mix);
 * `load` returns `undefined` when nothing was saved and throws `CheckpointError` for a damaged state.
 * Implementations: `FileCheckpointStore` (Node, from `@advkit/trainers/node`) and
 * {@link IndexedDbCheckpointStore} (browsers). Pass `{ save: (s) => store.save(s) }` as
 * `TrainOptions.checkpoint`.
 */
export interface CheckpointStore {
  save(state: TrainingState): Promise<void>;
  load(): Promise<TrainingState | undefined>;
  /** Deletes the saved state, if any. */
  clear(): Promise<void>;
}
