import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { initBackend, ArgumentError } from '@advkit/core';
import { Mlp, getWeights } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { pgdAttack } from '@advkit/attacks';
import { adversarialSgd, adversarialSgdAsync, decodeTrainingState, encodeTrainingState, type TrainingState, type TrainResult } from './index.js';
import { syntheticClasses } from './test-utils/synthetic-classes.js';

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

const data = syntheticClasses(250, 6, 3, 4); // 250/40: 7 steps an epoch, the last one of 10 examples
const threatModel = new LpBall({ norm: 'linf', epsilon: 0.2 });
// No random start: the attack is then a deterministic function of (model, batch), so a resumed run can
// be compared bit for bit with an uninterrupted one (see adversarialSgdAsync's doc comment).
const attack = () => pgdAttack({ threatModel, steps: 4, stepSize: 0.05, randomStart: false });
const opts = { epochs: 3, batchSize: 40, seed: 3, learningRate: 0.2 };
const mlp = (seed = 5): Mlp => new Mlp({ inputShape: [6], hiddenSizes: [8], numClasses: 3, seed });
const flat = (m: Mlp): number[] => getWeights(m).flatMap((w) => Array.from(w));
const metrics = (r: TrainResult): number[][] => r.epochs.map((e) => [e.epoch, e.trainLoss, e.trainError, e.learningRate]);

describe('adversarialSgdAsync', () => {
  it('takes the same steps as adversarialSgd (bit-identical weights and metrics) and frees what it makes', async () => {
    const a = mlp();
    const b = mlp();
    const ra = adversarialSgd(a, data, { ...opts, attack: attack() });
    const before = tf.memory().numTensors;
    const rb = await adversarialSgdAsync(b, data, { ...opts, attack: attack(), yieldEveryMs: 0 });
    expect(tf.memory().numTensors).toBe(before);
    expect(flat(b)).toEqual(flat(a));
    expect(metrics(rb)).toEqual(metrics(ra));
    a.dispose();
    b.dispose();
  });

  it('stops on its signal after saving, and a resume from that state ends bit-identical to an uninterrupted run', async () => {
    const ref = mlp();
    const full = adversarialSgd(ref, data, { ...opts, attack: attack() });
    const m = mlp();
    const saved: TrainingState[] = [];
    const ac = new AbortController();
    await expect(
      adversarialSgdAsync(m, data, {
        ...opts,
        attack: attack(),
        signal: ac.signal,
        onProgress: (p) => {
          if (p.epoch === 2 && p.step === 3) ac.abort(new Error('stop'));
        },
        checkpoint: { save: async (s) => void saved.push(decodeTrainingState(encodeTrainingState(s))) },
      }),
    ).rejects.toThrow('stop');
    expect(saved.map((s) => `${s.epoch}.${s.step}`)).toEqual(['2.0', '2.3']);
    const resumed = mlp(77); // another init: the state must overwrite it
    const r = await adversarialSgdAsync(resumed, data, { ...opts, attack: attack(), resumeFrom: saved.at(-1)! });
    expect(flat(resumed)).toEqual(flat(ref));
    expect(metrics(r)).toEqual(metrics(full));
    for (const x of [ref, m, resumed]) x.dispose();
  });

  it('rejects a missing or malformed attack with an ArgumentError naming options.attack', async () => {
    const m = mlp();
    await expect(adversarialSgdAsync(m, data, { ...opts, attack: undefined as never })).rejects.toThrow(ArgumentError);
    await expect(adversarialSgdAsync(m, data, { ...opts, attack: { name: 'x' } as never })).rejects.toThrow(/adversarialSgdAsync: options\.attack/);
    m.dispose();
  });
});
