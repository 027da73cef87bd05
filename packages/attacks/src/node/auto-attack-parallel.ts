import { availableParallelism } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import type * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, BackendError, checkKnownKeys, checkNumber, checkOptions, optionKeys } from '@advkit/core';
import { getWeights, type Model } from '@advkit/models';
import { checkModelFactory, modelSpec, type ModelFactory } from '@advkit/models/internal';
import { isBlackBoxModel } from '../internal/check-attack-inputs.js';
import { loadPiscina } from './load-piscina.js';
import { AUTO_ATTACK_KEYS, prepareAutoAttack, progressOf, type AutoAttackOptions, type AutoAttackResult } from '../auto-attack.js';
import type { AutoAttackState } from '../auto-attack-state.js';
import { autoAttackResult } from '../internal/auto-attack-result.js';
import { copyShard } from '../internal/copy-shard.js';
import type { ShardOutcome, ShardTask, ShardUpdate } from './auto-attack-protocol.js';

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

/** The shards of a fresh parallel run: `workers` contiguous runs of whole batches, as even as can be. */
export function shardLayout(n: number, batchSize: number, workers: number): { start: number; end: number }[] {
  const nb = Math.ceil(n / batchSize);
  const w = Math.min(workers, nb);
  const out: { start: number; end: number }[] = [];
  for (let i = 0; i < w; i++) {
    const b0 = Math.floor((i * nb) / w);
    const b1 = Math.floor(((i + 1) * nb) / w);
    out.push({ start: b0 * batchSize, end: Math.min(b1 * batchSize, n) });
  }
  return out;
}

/**
 * `autoAttack` (of `@advkit/attacks`) with its shards on worker threads (Node only; `@advkit/attacks/node`). The
 * examples are independent, so the run is split into contiguous shards of whole batches, one per
 * worker; each worker rebuilds the model (built-in models from their options, others through
 * `modelFactory`), loads the weights and runs its shard. Batches are fixed ranges of examples with
 * seeds from their global index, so the merged result (shards concatenated) equals the single-process
 * `autoAttack` run's bit for bit, on the same backend.
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
  if (isBlackBoxModel(model)) throw new ArgumentError('is a black-box model: its weights cannot be sent to worker threads; run autoAttack in one thread', { fn, argument: 'model' });
  const { workers: _w, modelFactory: _f, ...rest } = opts;
  const { run, inp, state, warnings } = prepareAutoAttack(model, x, y, rest, fn, ({ n, batchSize }) => shardLayout(n, batchSize, workers));
  const spec = modelSpec(run.model as Model, fn, factory);
  const weights = getWeights(run.model as Model);
  const tm = run.threatModel;
  const settings = { fn, threatModel: { norm: tm.norm as 'linf' | 'l2' | 'l1', epsilon: tm.epsilon, box: tm.box === undefined ? undefined : { min: tm.box.min, max: tm.box.max } }, attacks: run.attacks, rand: run.rand, version: run.version, seed: run.seed, batchSize: run.batchSize };
  const todo = state.shards.map((s, i) => i).filter((i) => !isDone(state.shards[i]!, run.attacks.length));

  let saving = Promise.resolve();
  let saveError: unknown;
  const save = (): void => {
    if (opts.checkpoint === undefined) return;
    const snapshot: AutoAttackState = { ...state, fingerprint: structuredClone(state.fingerprint), shards: state.shards.map(copyShard) };
    saving = saving.then(async () => {
      if (saveError === undefined) await opts.checkpoint!(snapshot);
    }).catch((e: unknown) => {
      saveError ??= e;
      stopAll.abort(e);
    });
  };
  const Piscina = todo.length === 0 ? undefined : await loadPiscina(fn);
  const stopAll = new AbortController();
  const onAbort = (): void => stopAll.abort(opts.signal!.reason);
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  if (opts.signal?.aborted) throw opts.signal.reason ?? new Error('aborted');

  const pool = Piscina === undefined ? undefined : new Piscina({ filename: new URL('./auto-attack-worker.js', import.meta.url).href, minThreads: Math.min(workers, todo.length), maxThreads: Math.min(workers, todo.length), idleTimeout: 1000 });
  const finished = new Set<number>();
  try {
    await Promise.all(
      todo.map(async (i) => {
        const shard = state.shards[i]!;
        const { port1, port2 } = new MessageChannel();
        port1.on('message', (u: ShardUpdate) => {
          if (finished.has(i)) return; // a late copy: the task's result is newer
          state.shards[i] = u.shard;
          if (u.progress !== undefined) opts.onProgress?.(progressOf(state, u.progress));
          save();
        });
        const task: ShardTask = { settings, model: spec, weights, x: inp.x.slice(shard.start * run.d, shard.end * run.d), y: inp.y.slice(shard.start, shard.end), shard, port: port2 };
        let out: ShardOutcome;
        try {
          out = (await pool!.run(task, { transferList: [port2], signal: stopAll.signal })) as ShardOutcome;
        } catch (e) {
          if (stopAll.signal.aborted) throw stopAll.signal.reason ?? e;
          throw new BackendError(`${fn}: the worker running shard ${i + 1} of ${state.shards.length} (examples ${shard.start}–${shard.end - 1}) failed: ${(e as Error).message}`, { cause: e });
        } finally {
          port1.close();
        }
        if (!out.ok) throw new ArgumentError(`could not build the model in a worker: ${out.factoryError}`, { fn, argument: 'options.modelFactory' });
        finished.add(i);
        state.shards[i] = out.shard;
        save();
      }),
    ).catch((e: unknown) => {
      stopAll.abort(e);
      throw e;
    });
  } catch (e) {
    await saving;
    throw saveError ?? e;
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
    await pool?.destroy();
  }
  await saving;
  if (saveError !== undefined) throw saveError;
  return autoAttackResult(state, run.model.inputShape, warnings);
}

function isDone(s: AutoAttackState['shards'][number], attacks: number): boolean {
  return s.cleanDone && s.next.attack >= attacks;
}
