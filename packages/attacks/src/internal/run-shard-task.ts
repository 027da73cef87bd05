import { setWeights, type Model } from '@advkit/models';
import { buildModel, type LocalModelFactory } from '@advkit/models/internal';
import { LpBall } from '@advkit/threat-models';
import { makeRun } from './auto-attack-run.js';
import { runShard } from './auto-attack-shard.js';
import { copyShard } from './copy-shard.js';
import type { ShardOutcome, ShardTask, ShardUpdate } from './shard-protocol.js';

/**
 * The worker side of a sharded AutoAttack run (a piscina worker of autoAttackParallel, or a Web Worker
 * served by serveAutoAttackShards), on the worker's own tfjs engine (its backend set up by the caller):
 * rebuilds the model from `task.model` (`local` is the worker's own factory for a `factory` spec, else
 * the spec's module is imported), copies the weights in, runs the shard to its end and posts a copy of
 * its state after every unit of work. A task's thread is terminated to stop it, so the run never
 * checks a signal.
 *
 * @returns the finished shard, or `{ ok: false }` with the message when a factory could not build the model.
 */
export async function runShardTask(task: ShardTask, post: (update: ShardUpdate) => void, local?: LocalModelFactory): Promise<ShardOutcome> {
  const { settings, shard } = task;
  let model: Model;
  try {
    model = await buildModel(task.model, local);
  } catch (e) {
    if (task.model.kind !== 'factory') throw e;
    return { ok: false, factoryError: (e as Error).message };
  }
  try {
    setWeights(model, task.weights);
    const tm = settings.threatModel;
    const run = makeRun({
      fn: settings.fn,
      model,
      blackBox: false,
      threatModel: new LpBall({ norm: tm.norm, epsilon: tm.epsilon, ...(tm.box === undefined ? {} : { box: tm.box }) }),
      attacks: settings.attacks,
      rand: settings.rand,
      version: settings.version,
      seed: settings.seed,
      batchSize: settings.batchSize,
      k: model.numOutputs,
      stop: () => undefined, // a stopped task's thread is terminated
    });
    let progress: number | undefined;
    await runShard(run, shard, task.x, task.y, {
      progress: (a) => (progress = a),
      saved: async (s) => {
        post({ shard: copyShard(s), progress });
        progress = undefined;
      },
    });
    return { ok: true, shard };
  } finally {
    model.dispose();
  }
}
