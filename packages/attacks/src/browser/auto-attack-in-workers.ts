import type * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, checkKnownKeys, checkNumber, checkOptions, describeValue, optionKeys } from '@advkit/core';
import type { Model } from '@advkit/models';
import { isBuiltInModel, modelSpec } from '@advkit/models/internal';
import { AUTO_ATTACK_KEYS, type AutoAttackOptions, type AutoAttackResult } from '../auto-attack.js';
import { autoAttackOnPool } from '../internal/auto-attack-on-pool.js';
import { webWorkerPool, type ShardWorker } from './web-worker-pool.js';

export interface AutoAttackInWorkersOptions extends AutoAttackOptions {
  /**
   * Starts one worker: `() => new Worker(new URL('./autoattack-worker.js', import.meta.url), { type: 'module' })`,
   * written in your code so that the bundler (Vite, webpack, esbuild) builds the worker module as an
   * entry of its own. The module calls `serveAutoAttackShards()`. Called once per worker of the run.
   */
  createWorker: () => ShardWorker;
  /**
   * Web Workers, each with its own tfjs engine and wasm instance; the examples are split into this
   * many shards of whole batches (fewer when there are fewer batches), as autoAttackParallel does in
   * Node. @default navigator.hardwareConcurrency (1 where unknown)
   */
  workers?: number;
  /**
   * Arguments (copied: plain data only) of the worker's `modelFactory` (the option of
   * serveAutoAttackShards). The worker builds the model with it when this is given, or when the model
   * is not a `LinearModel`, `Mlp` or `Cnn` of @advkit/models (those are rebuilt from their options
   * otherwise); the weights are copied in after. @default undefined (no arguments)
   */
  modelFactoryArgs?: unknown[];
}

const IN_WORKERS_KEYS = optionKeys<Omit<AutoAttackInWorkersOptions, keyof AutoAttackOptions>>()({ createWorker: true, workers: true, modelFactoryArgs: true });

/** The module and export a worker's own modelFactory stands for in a ModelSpec (error messages only: nothing is imported). */
const LOCAL_FACTORY = { module: 'the worker module', exportName: 'modelFactory' };

/**
 * `autoAttack` (of `@advkit/attacks`) with its shards on Web Workers (browser; `@advkit/attacks/browser`),
 * the browser twin of Node's `autoAttackParallel`: the examples are split into contiguous shards of
 * whole batches, one per worker; each worker (your module calling {@link serveAutoAttackShards})
 * rebuilds the model, loads the page's weights and runs its shard. Batches are fixed ranges of
 * examples with seeds from their global index, so the merged result equals autoAttack's in one thread
 * and autoAttackParallel's with the same workers bit for bit, on the same backend (wasm in the workers
 * by default).
 *
 * Every option of autoAttack works: `onProgress` counts the batches of all shards, `checkpoint`
 * receives the whole run's state after every batch of every shard (serialised; consistent snapshots),
 * and `resumeFrom` continues a state saved by autoAttack, autoAttackParallel or autoAttackInWorkers
 * with its own shard layout. `signal` terminates the workers at once (the batches in progress are
 * dropped) and the call rejects with the signal's reason, after the last checkpoint is written. The
 * page's tensors are read once; nothing is left allocated but the result's `xAdv`.
 *
 * @example
 * ```ts
 * // autoattack-worker.ts
 * import { serveAutoAttackShards } from '@advkit/attacks/browser';
 * serveAutoAttackShards();
 * // the page
 * const res = await autoAttackInWorkers(model, x, y, {
 *   threatModel, workers: 4,
 *   createWorker: () => new Worker(new URL('./autoattack-worker.ts', import.meta.url), { type: 'module' }),
 * });
 * ```
 *
 * @throws ArgumentError as autoAttack (fn `autoAttackInWorkers`), naming `options.createWorker`,
 * `options.workers` or `options.modelFactoryArgs`, or `model` for a black-box model (no weights to
 * send) or a model the worker's factory cannot build; BackendError when a worker cannot start (no Web
 * Workers here) or fails, naming its shard.
 */
export async function autoAttackInWorkers(model: Model, x: tf.Tensor, y: tf.Tensor, options: AutoAttackInWorkersOptions): Promise<AutoAttackResult> {
  const fn = 'autoAttackInWorkers';
  const opts = checkOptions(options, fn);
  checkKnownKeys(opts, [...AUTO_ATTACK_KEYS, ...IN_WORKERS_KEYS], fn);
  const { createWorker } = opts;
  if (typeof createWorker !== 'function') {
    throw new ArgumentError(`must be a function starting a module Worker that calls serveAutoAttackShards, got ${describeValue(createWorker)}`, { fn, argument: 'options.createWorker' });
  }
  const cores = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency;
  const workers = checkNumber(opts.workers ?? Math.max(1, cores ?? 1), fn, 'options.workers', { min: 1, max: 256, integer: true });
  const args = opts.modelFactoryArgs;
  if (args !== undefined) {
    if (!Array.isArray(args)) throw new ArgumentError(`must be an array, got ${describeValue(args)}`, { fn, argument: 'options.modelFactoryArgs' });
    try {
      structuredClone(args);
    } catch (cause) {
      throw new ArgumentError(`must be plain data (copied to the workers): ${(cause as Error).message}`, { fn, argument: 'options.modelFactoryArgs', cause });
    }
  }
  const { createWorker: _c, workers: _w, modelFactoryArgs: _a, ...rest } = opts;
  return autoAttackOnPool(model, x, y, rest, {
    fn,
    workers,
    spec: (m) => modelSpec(m, fn, args === undefined && isBuiltInModel(m) ? undefined : { ...LOCAL_FACTORY, args: args ?? [] }),
    factoryArgument: 'model',
    openPool: async (threads) => webWorkerPool(createWorker, threads, fn),
  });
}
