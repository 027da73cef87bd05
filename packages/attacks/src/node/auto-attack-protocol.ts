import type { MessagePort } from 'node:worker_threads';
import type { ModelSpec } from '@advkit/models/internal';
import type { AutoAttackName } from '../auto-attack.js';
import type { AutoAttackShardState } from '../auto-attack-state.js';

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

/** One task of the pool: run (or continue) one shard; its examples only. */
export interface ShardTask {
  settings: ShardSettings;
  model: ModelSpec;
  weights: Float32Array[];
  x: Float32Array;
  y: Int32Array;
  shard: AutoAttackShardState;
  /** The worker posts a {@link ShardUpdate} here after each unit of work. */
  port: MessagePort;
}

/** A copy of the shard's state after a unit of work; `progress` the attack index when a batch finished. */
export interface ShardUpdate {
  shard: AutoAttackShardState;
  progress: number | undefined;
}

/** What a task returns: the finished shard, or the modelFactory's failure (an error of the caller's options). */
export type ShardOutcome = { ok: true; shard: AutoAttackShardState } | { ok: false; factoryError: string };
