import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@advkit/core';
import { syntheticData } from '@advkit/datasets';
import { LinearModel } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { exactLinear, exactLinearAttack, fgsm, pgd } from '@advkit/attacks';
import { sgd, robustLinearSgd } from '@advkit/trainers';
import { encodeTrainingState, decodeTrainingState, type TrainingState } from '@advkit/trainers/checkpoint';
import { evaluate } from '@advkit/attacks/evaluate';

// Soak test: many rounds of training (with and without checkpoints), evaluation under attack and
// FGSM/PGD/exact attacks, on the wasm backend. After a warm-up round the tensor count and tensor bytes
// must not move at all, the wasm heap must stop growing, the JavaScript memory still reachable after a
// full GC must stay flat, and the process RSS must stay roughly flat (a leak of one input batch per step
// would add hundreds of MB to either).

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

const n = 1000;
const d = 784;
/** 1,000 examples of 784 values in [0, 1] with noiseless ±1 labels (an MNIST-sized binary problem). */
const data = () => syntheticData({ n, inputShape: [d], numClasses: 2, seed: 1, labelNoise: 0 });

/** A full, synchronous GC: the project's vitest config starts its workers with `--expose-gc`. */
function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc !== 'function') throw new Error('soak test: run with node --expose-gc (tests/reliability/vitest.config.ts sets it)');
  gc();
}

function wasmHeapBytes(): number {
  const b = tf.backend() as unknown as { wasm?: { HEAP8?: Int8Array } };
  return b.wasm?.HEAP8?.length ?? Number.NaN;
}

describe('soak: long runs leave memory flat', () => {
  it('training, checkpointing and thousands of attack steps keep tensors, wasm heap, JS memory and RSS flat', async () => {
    const train = data();
    const model = new LinearModel({ inputSize: d, seed: 0 });
    const threatModel = new LpBall({ norm: 'linf', epsilon: 0.1, box: { min: 0, max: 1 } });
    const ball = new LpBall({ norm: 'linf', epsilon: 0.1 });
    const xb = tf.tensor2d(train.x.subarray(0, 100 * d), [100, d]);
    const yb = tf.tensor1d(train.y.subarray(0, 100));
    const samples: { tensors: number; bytes: number; heap: number; js: number; rss: number }[] = [];
    let attackSteps = 0;
    let trainSteps = 0;
    const rounds = 12;
    const t0 = performance.now();
    for (let round = 0; round < rounds; round++) {
      trainSteps += (await sgd(model, train, { epochs: 10, learningRate: 0.1, seed: round })).steps;
      let last: TrainingState | undefined;
      const r = await robustLinearSgd(model, train, {
        epochs: 10,
        learningRate: 0.05,
        seed: round,
        threatModel: ball,
        checkpoint: { everySteps: 5, save: (s) => void (last = decodeTrainingState(encodeTrainingState(s))) },
      });
      trainSteps += r.steps;
      expect(last!.epoch).toBe(11);
      evaluate(model, train, { attack: exactLinearAttack({ threatModel: ball }), batchSize: 100 });
      for (let k = 0; k < 20; k++) {
        const exact = exactLinear(model, xb, yb, { threatModel: ball });
        tf.dispose([fgsm(model, xb, yb, { threatModel, randomStart: true, seed: k }), exact.xAdv, exact.delta]);
        attackSteps += 2;
      }
      for (let k = 0; k < 10; k++) {
        pgd(model, xb, yb, { threatModel, steps: 20, seed: k }).dispose();
        attackSteps += 20;
      }
      collectGarbage();
      const m = tf.memory();
      const p = process.memoryUsage();
      // js: the V8 heap plus the ArrayBuffers and other external memory it keeps alive (dataSync copies)
      samples.push({ tensors: m.numTensors, bytes: m.numBytes, heap: wasmHeapBytes(), js: p.heapUsed + p.external, rss: p.rss });
    }
    const seconds = (performance.now() - t0) / 1000;
    const mb = (b: number): string => (b / 2 ** 20).toFixed(1);
    const warm = samples[2]!;
    const end = samples.at(-1)!;
    console.log(
      `soak: ${rounds} rounds, ${trainSteps} training steps, ${attackSteps} attack steps in ${seconds.toFixed(1)} s; ` +
        `tensors ${samples.map((s) => s.tensors).join(',')}; tensor MB ${mb(warm.bytes)} -> ${mb(end.bytes)}; ` +
        `wasm heap MB ${samples.map((s) => mb(s.heap)).join(',')}; JS MB ${samples.map((s) => mb(s.js)).join(',')}; RSS MB ${samples.map((s) => mb(s.rss)).join(',')}`,
    );
    for (const s of samples.slice(1)) {
      expect(s.tensors).toBe(samples[0]!.tensors); // exactly: no tensor survives a call
      expect(s.bytes).toBe(samples[0]!.bytes);
    }
    if (!Number.isNaN(warm.heap)) expect(end.heap).toBe(warm.heap); // the wasm heap only grows; it must stop
    // After a full GC the reachable JavaScript memory is steady: 8 MB of slack (V8's own caches and code),
    // against ~300 KB per leaked input batch × 2,400 training steps (~700 MB).
    expect(end.js - warm.js).toBeLessThan(8 * 2 ** 20);
    // RSS also counts memory the allocator has freed but not returned to the OS (and, before the GC above
    // was added, garbage not yet collected): it grew by 114 MB between rounds in a loaded CI run whose
    // tensor count and wasm heap stayed flat. So it only guards against a native leak per step: 192 MB of
    // slack against ~700 MB for one batch a step.
    expect(end.rss - warm.rss).toBeLessThan(192 * 2 ** 20);
    tf.dispose([xb, yb]);
    model.dispose();
  });
});
