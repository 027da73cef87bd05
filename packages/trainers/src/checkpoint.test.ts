import { mkdtemp, readFile, rm, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend, CheckpointError, ArgumentError } from '@advkit/core';
import { LinearModel, Mlp, getWeights } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { sgd, robustLinearSgd, train, standardStep, type TrainResult } from './index.js';
import { encodeTrainingState, decodeTrainingState, type TrainingState } from './checkpoint/index.js';
import { FileCheckpointStore } from './node/index.js';
import { syntheticBinary } from './test-utils/synthetic-binary.js';
import { syntheticClasses } from './test-utils/synthetic-classes.js';

let dir: string;
beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
  dir = await mkdtemp(join(tmpdir(), 'advkit-ckpt-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const data = syntheticBinary(430, 12, 5); // 430/50: 9 steps an epoch, the last one of 30 examples
const opts = { epochs: 3, batchSize: 50, learningRate: (e: number, s: number) => 0.5 / (e + s / 10), seed: 7 };
const flat = (m: LinearModel): number[] => getWeights(m).flatMap((w) => Array.from(w));
const metrics = (r: TrainResult): number[][] => r.epochs.map((e) => [e.epoch, e.trainLoss, e.trainError, e.learningRate]);

describe('checkpoint and resume (in process)', () => {
  it('resuming from any saved state, mid-epoch or at an epoch end, gives bit-identical weights and metrics', async () => {
    const ref = new LinearModel({ inputSize: 12, seed: 1 });
    const states: TrainingState[] = [];
    const full = await sgd(ref, data, { ...opts, checkpoint: { save: (s) => void states.push(s), everySteps: 1 } });
    // one save per step: 8 mid-epoch saves and 1 end-of-epoch save per epoch
    expect(states).toHaveLength(27);
    expect(states.map((s) => `${s.epoch}.${s.step}`).slice(7, 11)).toEqual(['1.8', '2.0', '2.1', '2.2']);
    expect(states.at(-1)).toMatchObject({ epoch: 4, step: 0, totalSteps: 27, version: 2, trainer: 'standard' });
    for (const k of [0, 5, 8, 13, 17, 25, 26]) {
      const state = decodeTrainingState(encodeTrainingState(states[k]!)); // through the byte format
      const m = new LinearModel({ inputSize: 12, seed: 99 }); // a different init: the state must overwrite it
      const r = await sgd(m, data, { ...opts, resumeFrom: state });
      expect(flat(m)).toEqual(flat(ref)); // bit-identical
      expect(metrics(r)).toEqual(metrics(full));
      expect(r.steps).toBe(27);
      m.dispose();
    }
    ref.dispose();
  });

  it('encodes numbers exactly (NaN, Infinity, the cached normal) and rejects every truncation and flipped byte with CheckpointError', async () => {
    const m = new LinearModel({ inputSize: 12, seed: 2 });
    let state: TrainingState | undefined;
    await sgd(m, data, { epochs: 1, batchSize: 50, checkpoint: { save: (s) => void (state = s), meta: { phase: 'standard', x: [Number.NaN, -Infinity] } } });
    const s = { ...state!, partial: { ...state!.partial, lossSum: Number.POSITIVE_INFINITY } };
    const bytes = encodeTrainingState(s);
    const back = decodeTrainingState(bytes);
    expect(back.partial.lossSum).toBe(Number.POSITIVE_INFINITY);
    expect(back.meta).toEqual({ phase: 'standard', x: [Number.NaN, -Infinity] });
    expect(back.rngAtEpochStart).toEqual(s.rngAtEpochStart);
    expect(back.weights).toEqual(s.weights);
    for (let len = 0; len < bytes.length; len += 7) expect(() => decodeTrainingState(bytes.subarray(0, len))).toThrow(CheckpointError);
    for (let i = 0; i < bytes.length; i += 5) {
      const bad = bytes.slice();
      bad[i]! ^= 0x10;
      expect(() => decodeTrainingState(bad), `flipped byte ${i}`).toThrow(CheckpointError);
    }
    expect(() => decodeTrainingState('x' as never)).toThrow(CheckpointError);
    m.dispose();
  });

  it('refuses a state that does not match the run, with CheckpointError', async () => {
    const m = new LinearModel({ inputSize: 12, seed: 2 });
    let state: TrainingState | undefined;
    await sgd(m, data, { ...opts, checkpoint: { save: (s) => void (state = s), everySteps: 4 } });
    await expect(sgd(m, data, { ...opts, seed: 8, resumeFrom: state })).rejects.toThrow(/settings.seed/);
    await expect(sgd(m, data, { ...opts, batchSize: 40, resumeFrom: state })).rejects.toThrow(CheckpointError);
    await expect(sgd(m, syntheticBinary(400, 12, 5), { ...opts, resumeFrom: state })).rejects.toThrow(/settings.n/);
    await expect(robustLinearSgd(m, data, { ...opts, threatModel: new LpBall({ norm: 'linf', epsilon: 0.1 }), resumeFrom: state })).rejects.toThrow(
      /^robustLinearSgd: options.resumeFrom was written by the step 'standard', not by 'robustLinear'/,
    );
    await expect(sgd(new LinearModel({ inputSize: 12, seed: 1 }), data, { ...opts, epochs: 1, resumeFrom: state })).rejects.toThrow(/outside 1..2/);
    await expect(sgd(m, data, { ...opts, resumeFrom: { ...state!, weights: [new Float32Array(3), new Float32Array(1)] } })).rejects.toThrow(CheckpointError);
    await expect(sgd(m, data, { ...opts, resumeFrom: { ...state!, rngAtEpochStart: [-1, 0, 0, 0, 0] } })).rejects.toThrow(/not a generator state/);
    await expect(sgd(m, data, { ...opts, resumeFrom: { ...state!, version: 3 as never } })).rejects.toThrow(/has state version 3; this advkit reads versions 1 and 2/);
    await expect(sgd(m, data, { checkpoint: {} as never })).rejects.toThrow(ArgumentError);
    await expect(sgd(m, data, { checkpoint: { save: () => undefined, everySteps: 0 } })).rejects.toThrow(/everySteps/);
    await expect(sgd(m, data, { epochs: 1, checkpoint: { save: () => { throw new Error('disk full'); } } })).rejects.toThrow(/^sgd: saving the checkpoint failed: disk full/);
    await expect(sgd(m, data, { epochs: 1, checkpoint: { save: () => Promise.reject(new Error('quota')) } })).rejects.toThrow(/^sgd: saving the checkpoint failed: quota/);
    m.dispose();
  });

  it('stops on an aborted signal after the current step, saves, throws the reason; the resume finishes identically', async () => {
    const ref = new LinearModel({ inputSize: 12, seed: 1 });
    const full = await sgd(ref, data, opts);
    const m = new LinearModel({ inputSize: 12, seed: 1 });
    const ac = new AbortController();
    const saved: TrainingState[] = [];
    let steps = 0;
    const before = tf.memory().numTensors;
    await expect(
      sgd(m, data, { ...opts, signal: ac.signal, checkpoint: { save: (s) => void saved.push(s) }, onProgress: () => ++steps === 12 && ac.abort(new Error('stop')) }),
    ).rejects.toThrow('stop');
    expect(tf.memory().numTensors).toBe(before);
    // epoch 1 end, then the abort after step 12 = epoch 2, step 3
    expect(saved.map((s) => `${s.epoch}.${s.step}`)).toEqual(['2.0', '2.3']);
    const r = await sgd(m, data, { ...opts, resumeFrom: saved.at(-1) });
    expect(flat(m)).toEqual(flat(ref));
    expect(metrics(r)).toEqual(metrics(full));
    m.dispose();
    ref.dispose();
  });

  it('awaits async saves; an already aborted signal rejects before the first step; train with a step equals its named trainer', async () => {
    const threatModel = new LpBall({ norm: 'l1', epsilon: 0.3 });
    const a = new LinearModel({ inputSize: 12, seed: 3 });
    const b = new LinearModel({ inputSize: 12, seed: 3 });
    await robustLinearSgd(a, data, { ...opts, threatModel });
    let pending = 0;
    let maxPending = 0;
    await robustLinearSgd(b, data, {
      ...opts,
      threatModel,
      yieldEveryMs: 0,
      checkpoint: {
        everySteps: 2,
        save: async () => {
          maxPending = Math.max(maxPending, ++pending);
          await new Promise((r) => setTimeout(r, 1));
          pending--;
        },
      },
    });
    expect(maxPending).toBe(1); // each save finished before training went on
    expect(flat(b)).toEqual(flat(a));
    const c = new LinearModel({ inputSize: 12, seed: 3 });
    const ac = new AbortController();
    ac.abort(new Error('early'));
    let calls = 0;
    await expect(sgd(c, data, { ...opts, signal: ac.signal, onProgress: () => calls++ })).rejects.toThrow('early');
    expect(calls).toBe(0);
    await train(c, data, { ...opts, step: standardStep() });
    const d = new LinearModel({ inputSize: 12, seed: 3 });
    await sgd(d, data, opts);
    expect(flat(c)).toEqual(flat(d));
    await expect(robustLinearSgd(a, data, { threatModel: 'x' as never })).rejects.toThrow(ArgumentError);
    await expect(sgd(a, data, { epochs: -1 })).rejects.toThrow(ArgumentError);
    [a, b, c, d].forEach((m) => m.dispose());
  });
});

describe('checkpoints with a tfjs optimizer', () => {
  const classes = syntheticClasses(300, 6, 3, 1);
  const mlp = (): Mlp => new Mlp({ inputShape: [6], hiddenSizes: [8], numClasses: 3, seed: 5 });
  const flatAll = (m: Mlp): number[] => getWeights(m).flatMap((w) => Array.from(w));
  const o = { epochs: 3, batchSize: 40, seed: 2 };

  for (const [name, make, exact] of [
    ['momentum', () => tf.train.momentum(0.05, 0.9), true],
    ['adam', () => tf.train.adam(0.01), false],
  ] as const) {
    it(`${name}: the optimizer's slots are saved and restored; the resumed run ${exact ? 'is bit-identical' : 'matches to float32 rounding'}`, async () => {
      const ref = mlp();
      const refOpt = make();
      await sgd(ref, classes, { ...o, optimizer: refOpt });
      const a = mlp();
      const optA = make();
      const ac = new AbortController();
      let saved: TrainingState | undefined;
      let steps = 0;
      await expect(
        sgd(a, classes, { ...o, optimizer: optA, signal: ac.signal, checkpoint: { save: (s) => void (saved = decodeTrainingState(encodeTrainingState(s))) }, onProgress: () => ++steps === 13 && ac.abort(new Error('stop')) }),
      ).rejects.toThrow('stop');
      expect(saved!.optimizer![0]).toMatchObject({ name: 'iter', dtype: 'int32', values: [13] });
      expect(saved!.optimizer!.length).toBe(name === 'momentum' ? 1 + 4 : 1 + 8); // iter + a slot (two for Adam) per variable
      const before = tf.memory().numTensors;
      const b = mlp();
      const optB = make();
      await sgd(b, classes, { ...o, optimizer: optB, resumeFrom: saved });
      if (exact) {
        expect(flatAll(b)).toEqual(flatAll(ref));
      } else {
        // tfjs's Adam.setWeights recomputes β^t with pow() where training multiplies by β each step, so the
        // bias correction differs in the last bits: 1e-5 relative (~100 float32 ulps) after 13 more steps.
        const r = flatAll(ref);
        const scale = Math.max(...r.map(Math.abs));
        expect(Math.max(...flatAll(b).map((v, i) => Math.abs(v - r[i]!))) / scale).toBeLessThan(1e-5);
      }
      // no tensor leaked by saving or restoring the optimizer: only the new model's variables and the new
      // optimizer's slots (one per variable for momentum, two for Adam) plus its 2 constant scalars remain
      expect(tf.memory().numTensors - before).toBe(b.variables.length + (name === 'momentum' ? 4 : 8) + 2);
      await expect(sgd(mlp(), classes, { ...o, resumeFrom: saved })).rejects.toThrow(/holds a tfjs optimizer state/);
      [ref, a, b].forEach((m) => m.dispose());
      [refOpt, optA, optB].forEach((x) => x.dispose());
    });
  }
});

describe('FileCheckpointStore', () => {
  it('saves atomically, loads back exactly, reports nothing saved as undefined and damage as CheckpointError', async () => {
    const m = new LinearModel({ inputSize: 12, seed: 2 });
    let state: TrainingState | undefined;
    await sgd(m, data, { epochs: 1, batchSize: 50, checkpoint: { save: (s) => void (state = s) } });
    const store = new FileCheckpointStore(join(dir, 'a', 'b'));
    expect(await store.load()).toBeUndefined();
    await store.save(state!);
    const back = await store.load();
    expect(back!.weights).toEqual(state!.weights);
    expect(await readdir(store.dir)).toEqual(['checkpoint.advkit']); // no temporary file left behind

    // a save that dies between write and rename leaves the old checkpoint in place
    const failing = new FileCheckpointStore(store.dir, { beforeRename: () => { throw new Error('killed'); } });
    await expect(failing.save({ ...state!, epoch: 1 })).rejects.toThrow(CheckpointError);
    expect((await store.load())!.epoch).toBe(2);
    expect(await readdir(store.dir)).toEqual(['checkpoint.advkit']);

    const bytes = await readFile(store.path);
    await writeFile(store.path, bytes.subarray(0, bytes.length - 9));
    await expect(store.load()).rejects.toThrow(/CRC-32 mismatch/);
    await writeFile(store.path, 'not a checkpoint at all');
    await expect(store.load()).rejects.toThrow(CheckpointError);
    await store.clear();
    expect(await store.load()).toBeUndefined();
    await store.clear(); // clearing twice is fine
    expect(() => new FileCheckpointStore('')).toThrow(ArgumentError);
    expect(() => new FileCheckpointStore(dir, { name: '../x' })).toThrow(ArgumentError);
    m.dispose();
  });
});
