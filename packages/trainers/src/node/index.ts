// Node-only entry point `@advkit/trainers/node`: kept apart so browser bundles never load node:fs.
export { FileCheckpointStore } from './file-checkpoint-store.js';
export type { FileCheckpointStoreOptions } from './file-checkpoint-store.js';
export { dataParallelSgd } from './data-parallel-sgd.js';
export type { DataParallelSgdOptions } from './data-parallel-sgd.js';
export type { AttackSpec, PgdAttackSpec, FgsmAttackSpec } from './attack-spec.js';
