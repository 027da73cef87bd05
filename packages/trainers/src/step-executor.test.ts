import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@advkit/core';
import { LinearModel, getWeights } from '@advkit/models';
import { sgd, train, standardStep, type StepExecutor } from './index.js';
import type { TrainingState } from './checkpoint/index.js';
import { syntheticBinary } from './test-utils/synthetic-binary.js';

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

const data = syntheticBinary(230, 8, 3); // batches of 50: 5 steps an epoch, the last one of 30
const opts = { epochs: 2, batchSize: 50, learningRate: 0.5, seed: 4 };
const flat = (m: LinearModel): number[] => getWeights(m).flatMap((w) => Array.from(w));

/** An executor written against the public interface only: it builds each batch itself and runs the step. */
function countingExecutor(log: string[]): StepExecutor {
  return {
    name: 'counting',
    async start({ model, data: d, dim, step }) {
      log.push('start');
      return {
        run(idx, context) {
          log.push(`${context.epoch}.${context.step}@${context.globalStep}`);
          const x = tf.tensor2d(Float32Array.from(Array.from(idx).flatMap((i) => Array.from(d.x.subarray(i * dim, (i + 1) * dim)))), [idx.length, dim]);
          const y = tf.tensor2d(Float32Array.from(Array.from(idx, (i) => d.y[i]!)), [idx.length, 1]);
          try {
            return step.run(model, x, y, context);
          } finally {
            tf.dispose([x, y]);
          }
        },
        weights: () => getWeights(model),
        close: async () => void log.push('close'),
      };
    },
  };
}

describe('StepExecutor', () => {
  it('a custom executor gets the run\'s steps in order, with their global index, and trains as the default one', async () => {
    const want = new LinearModel({ inputSize: 8, seed: 1 });
    await sgd(want, data, opts);
    const log: string[] = [];
    const got = new LinearModel({ inputSize: 8, seed: 1 });
    const before = tf.memory().numTensors;
    await train(got, data, { ...opts, step: standardStep(), executor: countingExecutor(log) });
    expect(tf.memory().numTensors).toBe(before);
    expect(log).toEqual(['start', '1.1@0', '1.2@1', '1.3@2', '1.4@3', '1.5@4', '2.1@5', '2.2@6', '2.3@7', '2.4@8', '2.5@9', 'close']);
    expect(flat(got)).toEqual(flat(want)); // the same batches, the same step: bit for bit
    want.dispose();
    got.dispose();
  });

  it('resumes on another executor: a state saved by the default one continues on a custom one from the right global step', async () => {
    const ref = new LinearModel({ inputSize: 8, seed: 1 });
    const states: TrainingState[] = [];
    await sgd(ref, data, { ...opts, checkpoint: { everySteps: 3, save: (s) => void states.push(s) } });
    const mid = states.find((s) => s.epoch === 1 && s.step === 3)!;
    const log: string[] = [];
    const m = new LinearModel({ inputSize: 8, seed: 9 });
    await train(m, data, { ...opts, step: standardStep(), executor: countingExecutor(log), resumeFrom: mid });
    expect(log.slice(0, 3)).toEqual(['start', '1.4@3', '1.5@4']);
    expect(flat(m)).toEqual(flat(ref));
    ref.dispose();
    m.dispose();
  });
});
