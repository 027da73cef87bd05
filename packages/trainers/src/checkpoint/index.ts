// `@advkit/trainers/checkpoint`: the checkpoint format (TrainingState and its bytes) and the browser store.
// FileCheckpointStore is in `@advkit/trainers/node` (it needs node:fs).
export { encodeTrainingState } from './encode-training-state.js';
export { decodeTrainingState } from './decode-training-state.js';
export { IndexedDbCheckpointStore } from './indexed-db-checkpoint-store.js';
export type { IndexedDbCheckpointStoreOptions } from './indexed-db-checkpoint-store.js';
export type { CheckpointStore } from './checkpoint-store.js';
export type { TrainingState, OptimizerWeight } from './training-state.js';
