// A worker_threads worker standing in for a browser's Web Worker (started by node-shard-worker.ts):
// plain Node over the BUILT package (build first). It serves autoAttackInWorkers' shard tasks with
// serveAutoAttackShards on the thread's parentPort, and builds models that are not built-in with the
// factory of sub-mlp.mjs.
import { parentPort } from 'node:worker_threads';
import { serveAutoAttackShards } from '@advkit/attacks/browser';
import { SubMlp } from './sub-mlp.mjs';

serveAutoAttackShards({
  ...(process.env.AA_NO_FACTORY === '1' ? {} : { modelFactory: (options) => new SubMlp(options) }),
  scope: {
    addEventListener: (type, listener) => parentPort.on(type, (data) => listener({ data })),
    postMessage: (message) => parentPort.postMessage(message),
  },
});
