// A piscina worker of autoAttackParallel (see auto-attack-parallel.ts): its own tfjs engine and wasm
// instance; each task rebuilds the model, loads the weights and runs one shard to its end.
import { initBackend } from '@advkit/core';
import { setWeights } from '@advkit/models';
import { buildModel } from '@advkit/models/internal';
import { LpBall } from '@advkit/threat-models';
import type { Model } from '@advkit/models';
import { makeRun } from '../internal/auto-attack-run.js';
import { runShard } from '../internal/auto-attack-shard.js';
import { copyShard } from '../internal/copy-shard.js';
import type { ShardOutcome, ShardTask, ShardUpdate } from './auto-attack-protocol.js';

let backend: Promise<unknown> | undefined;

export default async function runShardTask(task: ShardTask): Promise<ShardOutcome> {
  backend ??= initBackend({ backend: 'wasm' });
  await backend;
  const { settings, shard, port } = task;
  let model: Model;
  try {
    model = await buildModel(task.model);
  } catch (e) {
    port.close();
    if (task.model.kind !== 'factory') throw e;
    return { ok: false, factoryError: (e as Error).message };
  }
  try {
    setWeights(model, task.weights);
    const run = makeRun({
      fn: settings.fn,
      model,
      blackBox: false,
      threatModel: new LpBall({ norm: settings.threatModel.norm, epsilon: settings.threatModel.epsilon, ...(settings.threatModel.box === undefined ? {} : { box: settings.threatModel.box }) }),
      attacks: settings.attacks,
      rand: settings.rand,
      version: settings.version,
      seed: settings.seed,
      batchSize: settings.batchSize,
      k: model.numOutputs,
      stop: () => undefined, // an aborted task's thread is terminated by the pool
    });
    let progress: number | undefined;
    await runShard(run, shard, task.x, task.y, {
      progress: (a) => (progress = a),
      saved: async (s) => {
        const update: ShardUpdate = { shard: copyShard(s), progress };
        progress = undefined;
        port.postMessage(update);
      },
    });
    return { ok: true, shard };
  } finally {
    model.dispose();
    port.close();
  }
}
