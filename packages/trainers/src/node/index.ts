// Node-only entry point `@advkit/trainers/node`: kept apart so browser bundles never load node:fs or worker_threads.
export { FileCheckpointStore } from './file-checkpoint-store.js';
export type { FileCheckpointStoreOptions } from './file-checkpoint-store.js';
export { dataParallel } from './data-parallel.js';
export type { DataParallelOptions } from './data-parallel.js';
export type { ModelFactory } from '@advkit/models/internal';
