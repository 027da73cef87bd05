import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArgumentError, BackendError, initBackend } from '@advkit/core';
import type { Mlp } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { autoAttack, blackBoxModel, type AutoAttackResult } from '../index.js';
import { autoAttackFixture } from '../test-utils/auto-attack-fixture.js';
import { nodeShardWorker as nodeWorker } from '../test-utils/node-shard-worker.js';
import { autoAttackInWorkers, serveAutoAttackShards, type ShardWorker } from './index.js';
// @ts-expect-error a plain .mjs fixture without types
import { SubMlp } from '../test-utils/sub-mlp.mjs';

// The browser entry's protocol, pool and worker side in Node: each "Web Worker" is a worker_threads
// thread running serveAutoAttackShards (test-utils/node-shard-worker.ts; over the BUILT package: build
// first) behind the ShardWorker interface. The real-browser test is apps/demo/e2e/autoattack-workers.e2e.test.ts.

const options = { threatModel: new LpBall({ norm: 'linf', epsilon: 0.2, box: { min: 0, max: 1 } }), version: ['apgd-ce'] as ['apgd-ce'], batchSize: 10, seed: 0 };

let model: Mlp;
let x: tf.Tensor2D;
let y: tf.Tensor1D;
let want: AutoAttackResult;
const bits = (t: tf.Tensor): Uint32Array => new Uint32Array((t.dataSync() as Float32Array).slice().buffer);

function expectSame(got: AutoAttackResult): void {
  expect(got.robust).toEqual(want.robust);
  expect(got.brokenBy).toEqual(want.brokenBy);
  expect(got.robustAccuracyAfter).toEqual(want.robustAccuracyAfter.map((a) => expect.objectContaining({ attack: a.attack, robustAccuracy: a.robustAccuracy })));
  expect(got.warnings).toEqual(want.warnings);
  expect(bits(got.xAdv)).toEqual(bits(want.xAdv));
}

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
  ({ model, x, y } = autoAttackFixture());
  want = await autoAttack(model, x, y, options);
  expect(new Set(want.brokenBy).size).toBe(3); // clean, apgd-ce, null
}, 300_000);

afterAll(() => {
  tf.dispose([x, y, want.xAdv]);
  model.dispose();
});

describe('autoAttackInWorkers (over worker_threads standing in for Web Workers)', () => {
  it('with 2 workers gives autoAttack’s result bit for bit, progress over both shards, and frees its tensors', async () => {
    const before = tf.memory().numTensors;
    const progress: number[] = [];
    const started: ReturnType<typeof nodeWorker>[] = [];
    const res = await autoAttackInWorkers(model, x, y, { ...options, workers: 2, createWorker: () => (started.push(nodeWorker()), started.at(-1)!), onProgress: (p) => progress.push(p.batch) });
    expect(tf.memory().numTensors).toBe(before + 1);
    expectSame(res);
    res.xAdv.dispose();
    expect(started).toHaveLength(2);
    expect(Math.max(...progress)).toBe(4);
  });

  it('builds a model that is not built-in with the worker’s modelFactory (modelFactoryArgs), and names `model` when the worker has none', async () => {
    const sub = new SubMlp({ inputShape: [400], hiddenSizes: [32], numClasses: 10 }) as Mlp;
    try {
      sub.layers.forEach((l, i) => {
        l.weight.assign(model.layers[i]!.weight);
        l.bias.assign(model.layers[i]!.bias);
      });
      const res = await autoAttackInWorkers(sub, x, y, { ...options, workers: 2, createWorker: () => nodeWorker(), modelFactoryArgs: [{ inputShape: [400], hiddenSizes: [32], numClasses: 10 }] });
      expectSame(res);
      res.xAdv.dispose();
      const e = await autoAttackInWorkers(sub, x, y, { ...options, workers: 1, createWorker: () => nodeWorker({ AA_NO_FACTORY: '1' }) }).catch((z: unknown) => z);
      expect(ArgumentError.isInstance(e)).toBe(true);
      expect(e).toMatchObject({ fn: 'autoAttackInWorkers', argument: 'model' });
      expect(String(e)).toMatch(/this worker has no modelFactory/);
    } finally {
      sub.dispose();
    }
  });

  it('stops at once on abort: rejects with the reason and terminates every worker', async () => {
    const ctrl = new AbortController();
    const started: ReturnType<typeof nodeWorker>[] = [];
    const exited: number[] = [];
    const err = await autoAttackInWorkers(model, x, y, {
      ...options,
      workers: 2,
      signal: ctrl.signal,
      createWorker: () => {
        const w = nodeWorker();
        w.thread.on('exit', (code) => exited.push(code));
        started.push(w);
        return w;
      },
      onProgress: () => ctrl.abort(new Error('stop')),
    }).catch((e: unknown) => e);
    expect(String(err)).toBe('Error: stop');
    expect(started).toHaveLength(2);
    await expect.poll(() => exited.length, { timeout: 10_000 }).toBe(2);
  });

  it('throws typed errors for bad options, a black-box model, a worker that cannot start', async () => {
    const base = { ...options, createWorker: () => nodeWorker() };
    await expect(autoAttackInWorkers(model, x, y, { ...base, workers: 0 })).rejects.toThrow(/autoAttackInWorkers: options.workers/);
    await expect(autoAttackInWorkers(model, x, y, { ...options } as never)).rejects.toThrow(/autoAttackInWorkers: options.createWorker must be a function/);
    await expect(autoAttackInWorkers(model, x, y, { ...base, modelFactoryArgs: 'a' as never })).rejects.toThrow(/autoAttackInWorkers: options.modelFactoryArgs must be an array/);
    await expect(autoAttackInWorkers(model, x, y, { ...base, modelFactoryArgs: [() => 1] })).rejects.toThrow(/options.modelFactoryArgs must be plain data/);
    await expect(autoAttackInWorkers(model, x, y, { ...base, worker: 2 } as never)).rejects.toThrow(/autoAttackInWorkers: options.worker is not an option of autoAttackInWorkers; did you mean workers\?/);
    const bb = blackBoxModel({ inputShape: [400], numOutputs: 10, predict: () => new Float32Array(400) });
    await expect(autoAttackInWorkers(bb as never, x, y, { ...base, version: ['square'] })).rejects.toMatchObject({ fn: 'autoAttackInWorkers', argument: 'model' });
    // Node has no global Worker: what a page without Web Workers gets
    const e = await autoAttackInWorkers(model, x, y, { ...options, createWorker: () => new (globalThis as unknown as { Worker: new (u: URL) => ShardWorker }).Worker(new URL('./w.js', import.meta.url)) }).catch((z: unknown) => z);
    expect(BackendError.isInstance(e)).toBe(true);
    expect(String(e)).toMatch(/autoAttackInWorkers: options.createWorker could not start a worker \(this environment has no Web Workers\)/);
    await expect(autoAttackInWorkers(model, x, y, { ...options, createWorker: () => ({}) as never })).rejects.toThrow(/must return a Worker/);
  });

  it('serveAutoAttackShards refuses bad options', () => {
    expect(() => serveAutoAttackShards({ scope: {} as never })).toThrow(/serveAutoAttackShards: options.scope must be a worker scope/);
    expect(() => serveAutoAttackShards({ modelFactory: 1 as never, scope: { addEventListener: () => undefined, postMessage: () => undefined } })).toThrow(/options.modelFactory must be a function/);
    expect(() => serveAutoAttackShards({ backend: 'wasm' as never, scope: { addEventListener: () => undefined, postMessage: () => undefined } })).toThrow(/serveAutoAttackShards: options.backend/);
  });
});
