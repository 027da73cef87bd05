import type { ShardOutcome, ShardTask, ShardUpdate } from '../internal/shard-protocol.js';

// The messages between autoAttackInWorkers (page) and serveAutoAttackShards (Web Worker). Every message
// carries `advkit: TAG`, so a worker module that also answers messages of its own can tell them apart.

export const TAG = 'advkit-autoattack-shard';

/** Page → worker: run one shard (its `x` and `y` buffers are transferred). */
export interface ToShardWorker {
  advkit: typeof TAG;
  task: ShardTask;
}

/** Worker → page: an update of the running shard, its outcome, or the error that ended it. */
export type FromShardWorker = { advkit: typeof TAG } & ({ update: ShardUpdate } | { outcome: ShardOutcome } | { error: string });

/** Whether `data` is a message of this protocol (from serveAutoAttackShards). */
export function isShardMessage(data: unknown): data is FromShardWorker {
  return typeof data === 'object' && data !== null && (data as { advkit?: unknown }).advkit === TAG;
}

/** Whether `data` is a task of this protocol (from autoAttackInWorkers). */
export function isToShardWorker(data: unknown): data is ToShardWorker {
  return typeof data === 'object' && data !== null && (data as { advkit?: unknown }).advkit === TAG && 'task' in data;
}
