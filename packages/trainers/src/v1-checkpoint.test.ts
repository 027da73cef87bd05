import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, CheckpointError } from '@advkit/core';
import { LinearModel, Mlp, getWeights, type Model } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { pgdAttack } from '@advkit/attacks';
import { adversarialSgd, sgd, robustLinearSgd, type TrainResult } from './index.js';
import { decodeTrainingState, encodeTrainingState } from './checkpoint/index.js';
import { syntheticBinary } from './test-utils/synthetic-binary.js';
import { syntheticClasses } from './test-utils/synthetic-classes.js';

// States written by advkit 0.1 (state version 1; how: test-utils/fixtures/README.md). Each run saved a
// mid-epoch state and its final one; resuming the mid state with this code must end where that
// uninterrupted 0.1 run ended: the same weights and metrics, bit for bit.
beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

const fixture = (name: string) => decodeTrainingState(readFileSync(new URL(`./test-utils/fixtures/${name}`, import.meta.url)), name);
const flat = (m: Model): number[] => getWeights(m).flatMap((w) => Array.from(w));
const metrics = (ms: { trainLoss: number; trainError: number; learningRate: number }[]): number[][] => ms.map((e) => [e.trainLoss, e.trainError, e.learningRate]);

describe('checkpoints of advkit 0.1 (state version 1)', () => {
  it('are read as version 2 with the step names of today', () => {
    const s = fixture('sgd-linear-v1-mid.advkit');
    expect(s).toMatchObject({ version: 2, trainer: 'standard', epoch: 2, step: 4, totalSteps: 13 });
    expect(fixture('adversarial-mlp-pgd-v1-mid.advkit')).toMatchObject({ version: 2, trainer: 'adversarial', epoch: 2, step: 3, totalSteps: 10 });
    // re-encoded, they are version 2 files that read back the same
    expect(decodeTrainingState(encodeTrainingState(s))).toEqual(s);
  });

  it('sgd of a LinearModel resumes to the weights and metrics of the uninterrupted 0.1 run', async () => {
    const end = fixture('sgd-linear-v1-end.advkit');
    const m = new LinearModel({ inputSize: 12, seed: 99 });
    const r: TrainResult = await sgd(m, syntheticBinary(430, 12, 5), { epochs: 3, batchSize: 50, learningRate: 0.5, seed: 7, resumeFrom: fixture('sgd-linear-v1-mid.advkit') });
    expect(flat(m)).toEqual(end.weights.flatMap((w) => Array.from(w)));
    expect(metrics(r.epochs)).toEqual(metrics(end.epochs));
    m.dispose();
  });

  it('adversarialSgd with random-start PGD resumes to the weights and metrics of the uninterrupted 0.1 run', async () => {
    // 0.1's hidden call counter had made 10 calls by the saved step: seed 11 + 2·10 next, = 11 + 2·globalStep
    const end = fixture('adversarial-mlp-pgd-v1-end.advkit');
    const m = new Mlp({ inputShape: [6], hiddenSizes: [8], numClasses: 3, seed: 0 });
    const attack = pgdAttack({ threatModel: new LpBall({ norm: 'linf', epsilon: 0.2, box: { min: 0, max: 1 } }), steps: 4, stepSize: 0.05, randomStart: true, restarts: 2, seed: 11 });
    const r = await adversarialSgd(m, syntheticClasses(250, 6, 3, 4), { attack, epochs: 3, batchSize: 40, learningRate: 0.2, seed: 3, resumeFrom: fixture('adversarial-mlp-pgd-v1-mid.advkit') });
    expect(flat(m)).toEqual(end.weights.flatMap((w) => Array.from(w)));
    expect(metrics(r.epochs)).toEqual(metrics(end.epochs));
    m.dispose();
  });

  it('a version-1 state resumed by another step is refused, naming both', async () => {
    const m = new LinearModel({ inputSize: 12 });
    await expect(
      robustLinearSgd(m, syntheticBinary(430, 12, 5), { epochs: 3, batchSize: 50, seed: 7, threatModel: new LpBall({ norm: 'linf', epsilon: 0.1 }), resumeFrom: fixture('sgd-linear-v1-mid.advkit') }),
    ).rejects.toThrow(CheckpointError);
    m.dispose();
  });
});
