// A piscina worker of autoAttackParallel (see auto-attack-parallel.ts): its own tfjs engine and wasm
// instance; each task rebuilds the model, loads the weights and runs one shard to its end.
import type { MessagePort } from 'node:worker_threads';
import { initBackend } from '@advkit/core';
import { runShardTask } from '../internal/run-shard-task.js';
import type { ShardOutcome, ShardTask } from '../internal/shard-protocol.js';

let backend: Promise<unknown> | undefined;

export default async function runPoolTask(task: ShardTask & { port: MessagePort }): Promise<ShardOutcome> {
  try {
    backend ??= initBackend({ backend: 'wasm' });
    await backend;
    return await runShardTask(task, (update) => task.port.postMessage(update));
  } finally {
    task.port.close();
  }
}
