// Worker thread of dataParallel (see data-parallel.ts): its own tfjs engine and wasm instance, a copy of
// the model, and the shared data. It never updates weights by itself: each step it loads the weights
// the main thread wrote, attacks its shard (adversarialStep), and writes its share of the batch gradient.
import { parentPort, workerData } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs-core';
import { initBackend } from '@advkit/core';
import type { Model } from '@advkit/models';
import { gatherRows } from '@advkit/datasets';
import { buildModel } from '@advkit/models/internal';
import { runAttackSpec } from './run-attack-spec.js';
import { shardGradient } from './shard-gradient.js';
import type { SerializedError, StepMessage, WorkerInit, WorkerMessage } from './data-parallel-protocol.js';

const port = parentPort!;
const init = workerData as WorkerInit;
const post = (m: WorkerMessage): void => port.postMessage(m);

function serialize(e: unknown): SerializedError {
  if (e instanceof Error) return { name: e.name, message: e.message, stack: e.stack };
  return { name: 'Error', message: String(e) };
}

function start(model: Model): void {
  const vars = model.variables;
  const sizes = vars.map((v) => v.size);
  const binary = model.numOutputs === 1;
  let xBuf = new Float32Array(0);
  let yBuf: Float32Array | Int32Array = binary ? new Float32Array(0) : new Int32Array(0);

  const step = (msg: StepMessage): WorkerMessage => {
    if (Atomics.load(init.control, 0) !== msg.seq) throw new Error(`step ${msg.seq}: the shared weights are at step ${Atomics.load(init.control, 0)}`);
    tf.tidy(() => {
      let off = 0;
      vars.forEach((v, i) => {
        v.assign(tf.tensor(init.weights.subarray(off, off + sizes[i]!), v.shape, 'float32'));
        off += sizes[i]!;
      });
    });
    const size = msg.indices.length;
    if (xBuf.length < size * init.dim) {
      xBuf = new Float32Array(size * init.dim);
      yBuf = binary ? new Float32Array(size) : new Int32Array(size);
    }
    gatherRows(init.x, init.dim, msg.indices, xBuf.subarray(0, size * init.dim));
    for (let i = 0; i < size; i++) yBuf[i] = init.y[msg.indices[i]!]!;
    // the same tensors as train's own executor builds for a batch
    const xb = tf.tensor(xBuf.subarray(0, size * init.dim), [size, ...model.inputShape], 'float32');
    const yb = binary ? tf.tensor2d(yBuf.subarray(0, size) as Float32Array, [size, 1]) : tf.tensor1d(yBuf.subarray(0, size) as Int32Array, 'int32');
    let xAdv: tf.Tensor | undefined;
    try {
      if (init.step.kind === 'adversarial') {
        // as adversarialStep: binary attacks take labels of shape [B]
        const labels = binary ? tf.reshape(yb, [-1]) : yb;
        try {
          xAdv = runAttackSpec(init.step.attack, msg.batchIndex, msg.offset, model, xb, labels);
        } finally {
          if (labels !== yb) labels.dispose();
        }
      }
      const stats = shardGradient(model, xAdv ?? xb, yb, msg.batchSize, init.grad);
      Atomics.store(init.control, 1 + init.index, msg.seq);
      return { type: 'done', seq: msg.seq, lossSum: stats.lossSum, errors: stats.errors };
    } finally {
      tf.dispose([xb, yb, ...(xAdv === undefined ? [] : [xAdv])]);
    }
  };

  port.on('message', (msg: StepMessage) => {
    try {
      post(step(msg));
    } catch (e) {
      post({ type: 'error', error: serialize(e) });
    }
  });
  post({ type: 'ready' });
}

async function main(): Promise<void> {
  await initBackend({ backend: 'wasm' });
  let model: Model;
  try {
    model = await buildModel(init.model);
  } catch (e) {
    // a built-in model always fits; a factory that fails is an error of dataParallel's options.modelFactory
    if (init.model.kind !== 'factory') throw e;
    post({ type: 'error', error: serialize(e), argument: 'options.modelFactory' });
    return;
  }
  start(model);
}

main().catch((e: unknown) => post({ type: 'error', error: serialize(e) }));
