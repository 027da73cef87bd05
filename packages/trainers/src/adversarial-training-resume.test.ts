import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { initBackend, ArgumentError } from '@advkit/core';
import { Mlp, getWeights } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { fgsmAttack, pgdAttack } from '@advkit/attacks';
import { adversarialSgd, adversarialStep, train, type TrainResult } from './index.js';
import { decodeTrainingState, encodeTrainingState, type TrainingState } from './checkpoint/index.js';
import { syntheticClasses } from './test-utils/synthetic-classes.js';

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

const data = syntheticClasses(250, 6, 3, 4); // 250/40: 7 steps an epoch, the last one of 10 examples
const threatModel = new LpBall({ norm: 'linf', epsilon: 0.2, box: { min: 0, max: 1 } });
// Random starts and restarts: the attack's seeds derive from the global step (batchIndex), so a resumed
// run must draw exactly the starts of an uninterrupted one. (Before, a hidden call counter restarted
// at 0 in a resumed run, and this comparison failed.)
const attack = () => pgdAttack({ threatModel, steps: 4, stepSize: 0.05, randomStart: true, restarts: 2, seed: 11 });
const opts = { epochs: 3, batchSize: 40, seed: 3, learningRate: 0.2 };
const mlp = (seed = 5): Mlp => new Mlp({ inputShape: [6], hiddenSizes: [8], numClasses: 3, seed });
const flat = (m: Mlp): number[] => getWeights(m).flatMap((w) => Array.from(w));
const metrics = (r: TrainResult): number[][] => r.epochs.map((e) => [e.epoch, e.trainLoss, e.trainError, e.learningRate]);

describe('adversarial training with random-start attacks: resume is exact', () => {
  it('adversarialSgd is train with adversarialStep (bit-identical weights and metrics) and frees what it makes', async () => {
    const a = mlp();
    const b = mlp();
    const ra = await adversarialSgd(a, data, { ...opts, attack: attack() });
    const before = tf.memory().numTensors;
    const rb = await train(b, data, { ...opts, step: adversarialStep(attack()), yieldEveryMs: 0 });
    expect(tf.memory().numTensors).toBe(before);
    expect(flat(b)).toEqual(flat(a));
    expect(metrics(rb)).toEqual(metrics(ra));
    a.dispose();
    b.dispose();
  });

  for (const [name, make] of [
    ['PGD with random starts and 2 restarts', attack],
    ['FGSM with a random start', () => fgsmAttack({ threatModel, randomStart: true, stepSize: 0.25, seed: 4 })],
  ] as const) {
    it(`${name}: stopped on its signal after saving, a resume ends bit-identical to an uninterrupted run`, async () => {
      const ref = mlp();
      const full = await adversarialSgd(ref, data, { ...opts, attack: make() });
      const m = mlp();
      const saved: TrainingState[] = [];
      const ac = new AbortController();
      await expect(
        adversarialSgd(m, data, {
          ...opts,
          attack: make(),
          signal: ac.signal,
          onProgress: (p) => {
            if (p.epoch === 2 && p.step === 3) ac.abort(new Error('stop'));
          },
          checkpoint: { save: async (s) => void saved.push(decodeTrainingState(encodeTrainingState(s))) },
        }),
      ).rejects.toThrow('stop');
      expect(saved.map((s) => `${s.trainer} ${s.epoch}.${s.step} ${s.totalSteps}`)).toEqual(['adversarial 2.0 7', 'adversarial 2.3 10']);
      // a fresh attack object and another init: nothing but the state carries over
      const resumed = mlp(77);
      const r = await train(resumed, data, { ...opts, step: adversarialStep(make()), resumeFrom: saved.at(-1)! });
      expect(flat(resumed)).toEqual(flat(ref));
      expect(metrics(r)).toEqual(metrics(full));
      for (const x of [ref, m, resumed]) x.dispose();
    });
  }

  it('rejects a missing or malformed attack with an ArgumentError naming options.attack', async () => {
    const m = mlp();
    await expect(adversarialSgd(m, data, { ...opts, attack: undefined as never })).rejects.toThrow(ArgumentError);
    await expect(adversarialSgd(m, data, { ...opts, attack: { name: 'x' } as never })).rejects.toThrow(/^adversarialSgd: options\.attack must be an Attack/);
    m.dispose();
  });
});
