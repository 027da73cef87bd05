import type * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, BackendError } from '@advkit/core';
import { getWeights, type Model } from '@advkit/models';
import type { ModelSpec } from '@advkit/models/internal';
import { prepareAutoAttack, progressOf, type AutoAttackOptions, type AutoAttackResult } from '../auto-attack.js';
import type { AutoAttackState } from '../auto-attack-state.js';
import { autoAttackResult } from './auto-attack-result.js';
import { isBlackBoxModel } from './check-attack-inputs.js';
import { copyShard } from './copy-shard.js';
import type { ShardOutcome, ShardTask, ShardUpdate } from './shard-protocol.js';

/** Worker threads that run {@link ShardTask}s: piscina in Node, Web Workers in a browser. */
export interface ShardPool {
  /**
   * Runs `task` on a free worker (queued while all are busy); `onUpdate` receives the worker's updates.
   * Rejects when the worker fails, or with `signal.reason` when `signal` aborts (the worker is then terminated).
   */
  run(task: ShardTask, onUpdate: (update: ShardUpdate) => void, signal: AbortSignal): Promise<ShardOutcome>;
  /** Terminates the workers. */
  destroy(): Promise<void>;
}

/** What differs between the Node and the browser entry points. */
export interface PoolSetup {
  fn: string;
  /** Requested workers (checked by the caller): the pool gets `min(workers, shards to run)`. */
  workers: number;
  /** The model as plain data (throws ArgumentError naming `model` when it cannot be rebuilt). */
  spec: (model: Model) => ModelSpec;
  /** The option that names the model factory, for the error when the worker's factory fails. */
  factoryArgument: string;
  /** Starts a pool of `threads` workers. */
  openPool: (threads: number) => Promise<ShardPool>;
}

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
 * The main-thread half of autoAttackParallel and autoAttackInWorkers: checks and prepares the run as
 * autoAttack does (a fresh run split by {@link shardLayout}, or the shards of `resumeFrom`), sends each
 * unfinished shard to the pool with the model spec and weights, keeps the whole state from the
 * workers' updates, reports progress over all shards, passes consistent snapshots to `checkpoint`
 * (serialised), and merges the shards into autoAttack's result. `signal` (or a failed checkpoint or
 * worker) stops every worker at once, after the last checkpoint is written; the call then rejects with
 * the signal's reason (or that error).
 *
 * `options`: autoAttack's options only (the entry point took its own off).
 */
export async function autoAttackOnPool(model: Model, x: tf.Tensor, y: tf.Tensor, options: AutoAttackOptions, setup: PoolSetup): Promise<AutoAttackResult> {
  const { fn, workers } = setup;
  if (isBlackBoxModel(model)) throw new ArgumentError('is a black-box model: its weights cannot be sent to worker threads; run autoAttack in one thread', { fn, argument: 'model' });
  const { run, inp, state, warnings } = prepareAutoAttack(model, x, y, options, fn, ({ n, batchSize }) => shardLayout(n, batchSize, workers));
  const spec = setup.spec(run.model as Model);
  const weights = getWeights(run.model as Model);
  const tm = run.threatModel;
  const settings = { fn, threatModel: { norm: tm.norm as 'linf' | 'l2' | 'l1', epsilon: tm.epsilon, box: tm.box === undefined ? undefined : { min: tm.box.min, max: tm.box.max } }, attacks: run.attacks, rand: run.rand, version: run.version, seed: run.seed, batchSize: run.batchSize };
  const todo = state.shards.map((s, i) => i).filter((i) => !isDone(state.shards[i]!, run.attacks.length));

  let saving = Promise.resolve();
  let saveError: unknown;
  const save = (): void => {
    if (options.checkpoint === undefined) return;
    const snapshot: AutoAttackState = { ...state, fingerprint: structuredClone(state.fingerprint), shards: state.shards.map(copyShard) };
    saving = saving
      .then(async () => {
        if (saveError === undefined) await options.checkpoint!(snapshot);
      })
      .catch((e: unknown) => {
        saveError ??= e;
        stopAll.abort(e);
      });
  };
  const stopAll = new AbortController();
  const onAbort = (): void => stopAll.abort(options.signal!.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) {
    options.signal.removeEventListener('abort', onAbort);
    throw options.signal.reason ?? new Error('aborted');
  }

  let pool: ShardPool | undefined;
  const finished = new Set<number>();
  try {
    pool = todo.length === 0 ? undefined : await setup.openPool(Math.min(workers, todo.length));
    await Promise.all(
      todo.map(async (i) => {
        const shard = state.shards[i]!;
        const onUpdate = (u: ShardUpdate): void => {
          if (finished.has(i)) return; // a late copy: the task's result is newer
          state.shards[i] = u.shard;
          if (u.progress !== undefined) options.onProgress?.(progressOf(state, u.progress));
          save();
        };
        const task: ShardTask = { settings, model: spec, weights, x: inp.x.slice(shard.start * run.d, shard.end * run.d), y: inp.y.slice(shard.start, shard.end), shard };
        let out: ShardOutcome;
        try {
          out = await pool!.run(task, onUpdate, stopAll.signal);
        } catch (e) {
          if (stopAll.signal.aborted) throw stopAll.signal.reason ?? e;
          throw new BackendError(`${fn}: the worker running shard ${i + 1} of ${state.shards.length} (examples ${shard.start}–${shard.end - 1}) failed: ${(e as Error).message}`, { cause: e });
        }
        if (!out.ok) throw new ArgumentError(`could not build the model in a worker: ${out.factoryError}`, { fn, argument: setup.factoryArgument });
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
    options.signal?.removeEventListener('abort', onAbort);
    await pool?.destroy();
  }
  await saving;
  if (saveError !== undefined) throw saveError;
  return autoAttackResult(state, run.model.inputShape, warnings);
}

function isDone(s: AutoAttackState['shards'][number], attacks: number): boolean {
  return s.cleanDone && s.next.attack >= attacks;
}
