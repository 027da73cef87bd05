// Node-only entry point `@advkit/attacks/node`: kept apart so browser bundles never load node:fs,
// worker_threads or piscina.
export { autoAttackParallel } from './auto-attack-parallel.js';
export type { AutoAttackParallelOptions } from './auto-attack-parallel.js';
export { FileAutoAttackStore } from './file-auto-attack-store.js';
export type { ModelFactory } from '@advkit/models/internal';
