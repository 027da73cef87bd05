// Browser entry point `@advkit/attacks/browser`: AutoAttack sharded over Web Workers. The page calls
// autoAttackInWorkers; the app's own worker module calls serveAutoAttackShards. No Node built-ins.
export { autoAttackInWorkers } from './auto-attack-in-workers.js';
export type { AutoAttackInWorkersOptions } from './auto-attack-in-workers.js';
export { serveAutoAttackShards } from './serve-auto-attack-shards.js';
export type { ServeAutoAttackShardsOptions, ShardWorkerScope } from './serve-auto-attack-shards.js';
export type { ShardWorker } from './web-worker-pool.js';
export type { LocalModelFactory } from '@advkit/models/internal';
