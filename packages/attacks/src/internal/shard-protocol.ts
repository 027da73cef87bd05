import type { ModelSpec } from '@advkit/models/internal';
import type { AutoAttackName } from '../auto-attack.js';
import type { AutoAttackShardState } from '../auto-attack-state.js';

// The data a worker of autoAttackParallel (Node, piscina) or autoAttackInWorkers (browser, Web Workers)
// receives and returns: structured-clonable only, so the same task crosses either kind of thread.

/** The plain settings a worker rebuilds a run from (the fingerprint was checked in the main thread). */
export interface ShardSettings {
  fn: string;
  threatModel: { norm: 'linf' | 'l2' | 'l1'; epsilon: number; box: { min: number; max: number } | undefined };
  attacks: AutoAttackName[];
  rand: boolean;
  version: 'standard' | 'plus' | 'rand';
  seed: number;
  batchSize: number;
}

/** One task of a pool: run (or continue) one shard; its examples only. */
export interface ShardTask {
  settings: ShardSettings;
  model: ModelSpec;
  weights: Float32Array[];
  x: Float32Array;
  y: Int32Array;
  shard: AutoAttackShardState;
}

/** A copy of the shard's state after a unit of work; `progress` the attack index when a batch finished. */
export interface ShardUpdate {
  shard: AutoAttackShardState;
  progress: number | undefined;
}

/** What a task returns: the finished shard, or the model factory's failure (an error of the caller's options). */
export type ShardOutcome = { ok: true; shard: AutoAttackShardState } | { ok: false; factoryError: string };
