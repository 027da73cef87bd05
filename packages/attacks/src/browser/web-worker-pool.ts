import { BackendError, describeValue } from '@advkit/core';
import type { ShardPool } from '../internal/auto-attack-on-pool.js';
import type { ShardOutcome } from '../internal/shard-protocol.js';
import { isShardMessage, TAG, type ToShardWorker } from './shard-messages.js';

/**
 * What autoAttackInWorkers needs of a worker: a browser `Worker` (module worker whose script calls
 * serveAutoAttackShards) has all of it. Anything with these methods works, e.g. an adapter around
 * Node's `worker_threads.Worker`.
 */
export interface ShardWorker {
  postMessage(message: unknown, transfer: Transferable[]): void;
  /** `message` events carry `data`; `error` events (the script failed to load or threw) may carry `message`. */
  addEventListener(type: 'message' | 'error' | 'messageerror', listener: (event: { data?: unknown; message?: unknown }) => void): void;
  terminate(): void;
}

interface Slot {
  worker: ShardWorker;
  /** The task the worker runs now. */
  task?: { onMessage(data: unknown): void; onError(message: string): void };
}

/**
 * A fixed pool of `threads` Web Workers from `createWorker`, one task at a time each, tasks queued in
 * order. A worker whose task is aborted is terminated (its batch in progress is dropped); `destroy`
 * terminates them all.
 *
 * @throws BackendError naming `fn` when `createWorker` throws (no Web Workers here, or a bad URL) or
 * returns something that is not a worker.
 */
export function webWorkerPool(createWorker: () => ShardWorker, threads: number, fn: string): ShardPool {
  const slots: Slot[] = [];
  const start = (): Slot => {
    let worker: ShardWorker;
    try {
      worker = createWorker();
    } catch (cause) {
      const none = typeof (globalThis as { Worker?: unknown }).Worker === 'undefined' ? ' (this environment has no Web Workers)' : '';
      throw new BackendError(`${fn}: options.createWorker could not start a worker${none}: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    }
    if (typeof worker !== 'object' || worker === null || typeof worker.postMessage !== 'function' || typeof worker.terminate !== 'function' || typeof worker.addEventListener !== 'function') {
      throw new BackendError(`${fn}: options.createWorker must return a Worker (postMessage, addEventListener, terminate), got ${describeValue(worker)}`);
    }
    const slot: Slot = { worker };
    worker.addEventListener('message', (e) => slot.task?.onMessage(e.data));
    const fail = (what: string) => (e: { message?: unknown }) => slot.task?.onError(typeof e.message === 'string' && e.message !== '' ? e.message : what);
    worker.addEventListener('error', fail('the worker script failed to load or threw (does it call serveAutoAttackShards?)'));
    worker.addEventListener('messageerror', fail('a message could not be deserialised'));
    return slot;
  };
  try {
    for (let i = 0; i < threads; i++) slots.push(start());
  } catch (e) {
    for (const s of slots) s.worker.terminate();
    throw e;
  }
  const idle = [...slots];
  const waiting: ((slot: Slot) => void)[] = [];
  const release = (slot: Slot): void => {
    const next = waiting.shift();
    if (next) next(slot);
    else idle.push(slot);
  };

  return {
    async run(task, onUpdate, signal) {
      signal.throwIfAborted();
      const slot = idle.shift() ?? (await new Promise<Slot>((resolve, reject) => {
        const take = (s: Slot): void => {
          signal.removeEventListener('abort', abort);
          resolve(s);
        };
        const abort = (): void => {
          waiting.splice(waiting.indexOf(take), 1);
          reject(signal.reason);
        };
        waiting.push(take);
        signal.addEventListener('abort', abort, { once: true });
      }));
      return new Promise<ShardOutcome>((resolve, reject) => {
        const done = (): void => {
          slot.task = undefined;
          signal.removeEventListener('abort', abort);
        };
        const abort = (): void => {
          done();
          slot.worker.terminate(); // at once: the batch in progress is dropped
          reject(signal.reason);
        };
        slot.task = {
          onMessage(data) {
            if (!isShardMessage(data)) return;
            if ('update' in data) onUpdate(data.update);
            else if ('outcome' in data) {
              done();
              release(slot);
              resolve(data.outcome);
            } else {
              done();
              reject(new Error(data.error));
            }
          },
          onError(message) {
            done();
            reject(new Error(message));
          },
        };
        signal.addEventListener('abort', abort, { once: true });
        const message: ToShardWorker = { advkit: TAG, task };
        try {
          slot.worker.postMessage(message, [task.x.buffer, task.y.buffer]);
        } catch (e) {
          done();
          reject(e as Error);
        }
      });
    },
    async destroy() {
      for (const s of slots) s.worker.terminate();
    },
  };
}
