import { checkKnownKeys, checkOptions, describeValue, initBackend, optionKeys, ArgumentError, type InitBackendOptions } from '@advkit/core';
import type { LocalModelFactory } from '@advkit/models/internal';
import { runShardTask } from '../internal/run-shard-task.js';
import { isToShardWorker, TAG, type FromShardWorker } from './shard-messages.js';

/** What serveAutoAttackShards needs of the worker's global scope (a `DedicatedWorkerGlobalScope` has it). */
export interface ShardWorkerScope {
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

/** Options of {@link serveAutoAttackShards}. */
export interface ServeAutoAttackShardsOptions {
  /**
   * Builds this worker's copy of a model that is not a `LinearModel`, `Mlp` or `Cnn` of @advkit/models
   * (those are rebuilt from their options without it): called with autoAttackInWorkers'
   * `modelFactoryArgs`, it returns a Model (or a Promise of one) whose variables have the shapes of the
   * page's model; the page's weights are copied in after, so its initial values do not matter.
   * @default undefined (built-in models only)
   */
  modelFactory?: LocalModelFactory;
  /**
   * How the worker sets up tfjs (`initBackend` of @advkit/core), once, before its first shard. One wasm
   * thread per worker: the workers are the parallelism. With `threads: 1` on wasm (the default)
   * initBackend loads the SIMD binary without threads: in a cross-origin-isolated page the threaded
   * binary would start its pool of 8 idle pthread workers in every shard worker. Outside Vite with the `advkit()` plugin, give
   * `wasmPaths` as the page does. Use the page's backend: the result equals autoAttack's on the same
   * backend. @default { backend: 'wasm', threads: 1 }
   */
  backend?: InitBackendOptions;
  /** The scope whose messages are served. @default globalThis (the worker) */
  scope?: ShardWorkerScope;
}
const SERVE_KEYS = optionKeys<ServeAutoAttackShardsOptions>()({ modelFactory: true, backend: true, scope: true });

/**
 * The worker half of `autoAttackInWorkers` (`@advkit/attacks/browser`): call it once in your own
 * worker module, which the bundler builds as its own entry, and start that module with
 * `new Worker(new URL('./autoattack-worker.js', import.meta.url), { type: 'module' })` in
 * autoAttackInWorkers' `createWorker`. It answers every shard task of the page: sets up the backend
 * (first task), rebuilds the model (built-ins from their options, others with `modelFactory`), copies
 * the page's weights in, runs the shard, posts its state after every batch and its outcome at the end.
 * Messages not from autoAttackInWorkers are ignored, so the module can serve messages of its own too.
 *
 * @throws ArgumentError (fn `serveAutoAttackShards`) for bad options.
 */
export function serveAutoAttackShards(options?: ServeAutoAttackShardsOptions): void {
  const fn = 'serveAutoAttackShards';
  const opts = checkOptions(options, fn);
  checkKnownKeys(opts, SERVE_KEYS, fn);
  if (opts.modelFactory !== undefined && typeof opts.modelFactory !== 'function') throw new ArgumentError(`must be a function returning a Model, got ${describeValue(opts.modelFactory)}`, { fn, argument: 'options.modelFactory' });
  const scope = opts.scope ?? (globalThis as unknown as ShardWorkerScope);
  if (typeof scope?.addEventListener !== 'function' || typeof scope.postMessage !== 'function') {
    throw new ArgumentError(`must be a worker scope (addEventListener, postMessage), got ${describeValue(scope)}: call serveAutoAttackShards in a Web Worker`, { fn, argument: 'options.scope' });
  }
  const backendOptions = opts.backend === undefined ? { backend: 'wasm', threads: 1 } : checkOptions(opts.backend, fn, 'options.backend');
  const factory: LocalModelFactory =
    opts.modelFactory ??
    (() => {
      throw new Error('this worker has no modelFactory: models other than LinearModel, Mlp and Cnn need serveAutoAttackShards({ modelFactory }) in the worker module');
    });
  let backend: Promise<unknown> | undefined;
  const post = (m: FromShardWorker): void => scope.postMessage(m);
  scope.addEventListener('message', (event) => {
    const msg = event.data;
    if (!isToShardWorker(msg)) return;
    const work = async (): Promise<void> => {
      backend ??= initBackend(backendOptions);
      await backend;
      const outcome = await runShardTask(msg.task, (update) => post({ advkit: TAG, update }), factory);
      post({ advkit: TAG, outcome });
    };
    work().catch((e: unknown) => post({ advkit: TAG, error: e instanceof Error ? e.message : String(e) }));
  });
}
