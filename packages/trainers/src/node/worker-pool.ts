import { Worker } from 'node:worker_threads';
import { ArgumentError, BackendError } from '@advkit/core';
import type { StepStats } from '../step-stats.js';
import type { SerializedError, StepMessage, WorkerInit, WorkerMessage } from './data-parallel-protocol.js';

/** One shard of a step: which worker, and the message it gets. */
export interface ShardTask {
  worker: number;
  message: StepMessage;
}

/**
 * The worker threads of one `dataParallel` run. Any failure (a worker's error or crash, or `fail`
 * called on abort) rejects the step in progress and every later call with that one reason; `terminate`
 * then stops all threads. Owns the threads: always call `terminate`.
 */
export class WorkerPool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { seq: number; resolve: (s: StepStats) => void }>();
  private readonly failure: Promise<never>;
  private rejectFailure!: (reason: unknown) => void;
  private failed = false;
  private closing = false;

  private constructor(
    url: URL,
    inits: WorkerInit[],
    private readonly fn: string,
    ready: (() => void)[],
  ) {
    this.failure = new Promise<never>((_, reject) => (this.rejectFailure = reject));
    this.failure.catch(() => undefined); // observed through step()/start(); never an unhandled rejection
    const count = inits.length;
    this.workers = inits.map((workerData, k) => {
      const w = new Worker(url, { workerData });
      const who = `worker ${k + 1} of ${count}`;
      w.on('message', (m: WorkerMessage) => {
        if (m.type === 'ready') ready[k]!();
        else if (m.type === 'error') this.fail(m.argument === undefined ? workerError(fn, who, m.error) : argumentError(m.argument, m.error));
        else {
          const pending = this.waiting.get(k);
          if (pending === undefined || pending.seq !== m.seq || Atomics.load(workerData.control, 1 + k) !== m.seq) {
            this.fail(new BackendError(`${fn}: ${who} answered step ${m.seq} out of turn`));
            return;
          }
          this.waiting.delete(k);
          pending.resolve({ lossSum: m.lossSum, errors: m.errors });
        }
      });
      w.on('error', (e) => this.fail(workerError(fn, who, { name: e.name, message: e.message, stack: e.stack })));
      w.on('messageerror', (e) => this.fail(workerError(fn, who, { name: e.name, message: e.message, stack: e.stack })));
      w.on('exit', (code) => {
        if (!this.closing) this.fail(new BackendError(`${fn}: ${who} exited unexpectedly (exit code ${code})`));
      });
      return w;
    });
  }

  /** Starts one worker per `inits` entry and resolves once all have loaded their backend and model. */
  static async start(url: URL, inits: WorkerInit[], fn: string): Promise<WorkerPool> {
    const ready: (() => void)[] = [];
    const allReady = Promise.all(inits.map((_, k) => new Promise<void>((resolve) => (ready[k] = resolve))));
    const pool = new WorkerPool(url, inits, fn, ready);
    try {
      await Promise.race([allReady, pool.failure]);
    } catch (e) {
      await pool.terminate();
      throw e;
    }
    return pool;
  }

  /** Posts every task and resolves with the shards' stats, in task order. */
  async step(tasks: ShardTask[]): Promise<StepStats[]> {
    const done = tasks.map(
      (t) =>
        new Promise<StepStats>((resolve) => {
          this.waiting.set(t.worker, { seq: t.message.seq, resolve });
        }),
    );
    if (!this.failed) for (const t of tasks) this.workers[t.worker]!.postMessage(t.message);
    return Promise.race([Promise.all(done), this.failure]);
  }

  /** Rejects the step in progress (and every later one) with `reason`; the first reason wins. */
  fail(reason: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.rejectFailure(reason);
  }

  /** Stops every thread (idempotent); resolves when they have exited. */
  async terminate(): Promise<void> {
    this.closing = true;
    this.fail(new BackendError(`${this.fn}: the worker pool was terminated`));
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** A worker's error as a BackendError of `fn`, keeping the original name, message and stack as its cause. */
function workerError(fn: string, who: string, e: SerializedError): BackendError {
  const cause = new Error(e.message);
  cause.name = e.name;
  if (e.stack !== undefined) cause.stack = e.stack;
  return new BackendError(`${fn}: ${who} failed: ${e.name}: ${e.message}`, { cause });
}

/** A worker's error caused by an option of `dataParallel` (e.g. its model factory), as an ArgumentError naming it. */
function argumentError(argument: string, e: SerializedError): ArgumentError {
  const cause = new Error(e.message);
  cause.name = e.name;
  return new ArgumentError(`failed in the worker: ${e.message}`, { fn: 'dataParallel', argument, cause });
}
