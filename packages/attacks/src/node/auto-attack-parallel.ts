import { availableParallelism } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import type * as tf from '@tensorflow/tfjs-core';
import { checkKnownKeys, checkNumber, checkOptions, optionKeys } from '@advkit/core';
import type { Model } from '@advkit/models';
import { checkModelFactory, modelSpec, type ModelFactory } from '@advkit/models/internal';
import { loadPiscina } from './load-piscina.js';
import { AUTO_ATTACK_KEYS, type AutoAttackOptions, type AutoAttackResult } from '../auto-attack.js';
import { autoAttackOnPool, type ShardPool } from '../internal/auto-attack-on-pool.js';
import type { ShardOutcome, ShardUpdate } from '../internal/shard-protocol.js';

export interface AutoAttackParallelOptions extends AutoAttackOptions {
  /**
   * Worker threads (a piscina pool), each with its own tfjs engine and wasm instance; the examples are
   * split into this many shards of whole batches (fewer when there are fewer batches). More workers
   * than cores only adds overhead. @default os.availableParallelism()
   */
  workers?: number;
  /**
   * How a worker builds its copy of a model that is not a `LinearModel`, `Mlp` or `Cnn` of
   * @advkit/models (those are rebuilt from their options): a module, the export to call and its
   * arguments; the weights are copied in after. @default undefined (built-in models only)
   */
  modelFactory?: ModelFactory;
}

const PARALLEL_KEYS = optionKeys<Omit<AutoAttackParallelOptions, keyof AutoAttackOptions>>()({ workers: true, modelFactory: true });

/**
 * `autoAttack` (of `@advkit/attacks`) with its shards on worker threads (Node only; `@advkit/attacks/node`). The
 * examples are independent, so the run is split into contiguous shards of whole batches, one per
 * worker; each worker rebuilds the model (built-in models from their options, others through
 * `modelFactory`), loads the weights and runs its shard. Batches are fixed ranges of examples with
 * seeds from their global index, so the merged result (shards concatenated) equals the single-process
 * `autoAttack` run's bit for bit, on the same backend. The browser twin is `autoAttackInWorkers` of
 * `@advkit/attacks/browser` (same shards, same results).
 *
 * Every option of autoAttack works: `checkpoint` receives the whole run's state (all shards) after
 * every batch of every shard (saves are serialised; a state is a consistent snapshot), and
 * `resumeFrom` continues a state with its own shard layout, whether it was saved by autoAttack or by
 * autoAttackParallel with any number of workers; finished shards are not run again. `signal` stops
 * the workers at once (the batches in progress are dropped) after the last checkpoint is written.
 * A black-box model has no weights to send: an ArgumentError naming `model` (use autoAttack).
 *
 * @throws ArgumentError as autoAttack (fn `autoAttackParallel`), naming `options.workers` or
 * `options.modelFactory` for those; BackendError naming the shard when a worker fails.
 */
export async function autoAttackParallel(model: Model, x: tf.Tensor, y: tf.Tensor, options: AutoAttackParallelOptions): Promise<AutoAttackResult> {
  const fn = 'autoAttackParallel';
  const opts = checkOptions(options, fn);
  checkKnownKeys(opts, [...AUTO_ATTACK_KEYS, ...PARALLEL_KEYS], fn);
  const workers = checkNumber(opts.workers ?? Math.max(1, availableParallelism()), fn, 'options.workers', { min: 1, max: 256, integer: true });
  const factory = opts.modelFactory === undefined ? undefined : checkModelFactory(opts.modelFactory, fn);
  const { workers: _w, modelFactory: _f, ...rest } = opts;
  return autoAttackOnPool(model, x, y, rest, {
    fn,
    workers,
    spec: (m) => modelSpec(m, fn, factory),
    factoryArgument: 'options.modelFactory',
    openPool: async (threads) => piscinaPool(await loadPiscina(fn), threads),
  });
}

/** A piscina pool of `threads` threads running auto-attack-worker.js; each task's updates come over a MessagePort of its own. */
function piscinaPool(Piscina: Awaited<ReturnType<typeof loadPiscina>>, threads: number): ShardPool {
  const pool = new Piscina({ filename: new URL('./auto-attack-worker.js', import.meta.url).href, minThreads: threads, maxThreads: threads, idleTimeout: 1000 });
  return {
    async run(task, onUpdate, signal) {
      const { port1, port2 } = new MessageChannel();
      port1.on('message', (u: ShardUpdate) => onUpdate(u));
      try {
        return (await pool.run({ ...task, port: port2 }, { transferList: [port2], signal })) as ShardOutcome;
      } finally {
        port1.close();
      }
    },
    destroy: () => pool.destroy(),
  };
}
