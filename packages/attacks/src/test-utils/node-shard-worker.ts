import { Worker } from 'node:worker_threads';
import type { ShardWorker } from '../browser/index.js';

/**
 * A worker_threads thread standing in for a browser's Web Worker, for autoAttackInWorkers' `createWorker`
 * in Node tests: it runs shard-worker-thread.mjs (serveAutoAttackShards over the BUILT package: build
 * first) behind the ShardWorker interface. `env` goes to the thread (e.g. `AA_NO_FACTORY: '1'`).
 */
export function nodeShardWorker(env: Record<string, string> = {}): ShardWorker & { thread: Worker } {
  const thread = new Worker(new URL('./shard-worker-thread.mjs', import.meta.url), { env: { ...process.env, ...env } });
  return {
    thread,
    postMessage: (m, transfer) => thread.postMessage(m, transfer as ArrayBuffer[]),
    addEventListener: (type, listener) => {
      if (type === 'message') thread.on('message', (data: unknown) => listener({ data }));
      else thread.on(type, (e: Error) => listener({ message: e.message }));
    },
    terminate: () => void thread.terminate(),
  };
}
