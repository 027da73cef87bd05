// A training run in its own process, for the crash and determinism tests (checkpoint-crash.test.ts).
// Plain Node ESM over the built packages. Environment:
//   BACKEND=wasm|cpu, CKPT_DIR (checkpoint after every step and resume from it), PAUSE_MS (max random
//   pause between writing the temporary file and renaming it, to widen the window for a kill mid-save).
// stderr: "step T" after each step's update, "saved T" after its checkpoint is durable (T = steps so far).
// stdout at the end: JSON { weights: base64 float32 LE bytes, metrics: [[loss, error, lr], …], steps }.
import { initBackend, Rng } from '@advkit/core';
import { LinearModel, getWeights } from '@advkit/models';
import { syntheticData } from '@advkit/datasets';
import { sgd } from '@advkit/trainers';
import { FileCheckpointStore } from '@advkit/trainers/node';

const backend = process.env.BACKEND ?? 'wasm';
const dir = process.env.CKPT_DIR;
const pauseMs = Number(process.env.PAUSE_MS ?? 0);
await initBackend({ backend });

// the binary problem of synthetic-binary.ts: x ~ U[0,1]^d, y = sign(wᵀ(x − 0.5)), 5% label noise
const n = 1500, d = 40;
const { x, y } = syntheticData({ n, inputShape: [d], numClasses: 2, seed: 11 });

const model = new LinearModel({ inputSize: d, seed: 3 });
const pauses = new Rng(process.pid);
let total = 0;
const options = {
  epochs: 8,
  batchSize: 50, // 30 steps an epoch, 240 in all
  learningRate: (e, s) => 1 / (e + s / 30),
  seed: 5,
  onProgress: () => process.stderr.write(`step ${++total}\n`),
};
if (dir !== undefined) {
  const store = new FileCheckpointStore(dir, {
    beforeRename: pauseMs > 0 ? () => new Promise((r) => setTimeout(r, pauses.float() * pauseMs)) : undefined,
  });
  const resumeFrom = await store.load();
  if (resumeFrom !== undefined) {
    total = resumeFrom.totalSteps;
    options.resumeFrom = resumeFrom;
  }
  options.checkpoint = {
    everySteps: 1,
    save: async (s) => {
      await store.save(s);
      process.stderr.write(`saved ${s.totalSteps}\n`);
    },
  };
}
const r = await sgd(model, { x, y, n }, options);
const bytes = new Uint8Array(getWeights(model).flatMap((a) => [...new Uint8Array(a.buffer)]));
process.stdout.write(JSON.stringify({ weights: Buffer.from(bytes).toString('base64'), metrics: r.epochs.map((e) => [e.trainLoss, e.trainError, e.learningRate]), steps: r.steps }) + '\n');
