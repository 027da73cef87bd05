import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, BackendError, initBackend } from '@advkit/core';
import { Cnn, LinearModel, Mlp, getWeights, type Model } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { fgsmAttack, pgdAttack } from '@advkit/attacks';
import { adversarialSgd } from '../adversarial-sgd.js';
import { adversarialSgdAsync } from '../adversarial-sgd-async.js';
import { decodeTrainingState } from '../decode-training-state.js';
import { encodeTrainingState } from '../encode-training-state.js';
import { sgd } from '../sgd.js';
import type { TrainResult, TrainingState } from '../train-options.js';
import { syntheticClasses } from '../test-utils/synthetic-classes.js';
import { syntheticBinary } from '../test-utils/synthetic-binary.js';

// dataParallelSgd starts compiled worker files (dist/node/data-parallel-worker.js) that plain Node
// loads, so this test runs the BUILT entry point (build first, as checkpoint-crash.test.ts); the types
// come from the sources.
type NodeEntry = typeof import('./index.js');
let dataParallelSgd: NodeEntry['dataParallelSgd'];

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
  const entry = new URL('../../dist/node/index.js', import.meta.url).href;
  ({ dataParallelSgd } = (await import(/* @vite-ignore */ entry)) as NodeEntry);
});

const FN = 'dataParallelSgd';
const classes = syntheticClasses(150, 12, 3, 4); // batches of 40: 4 steps an epoch, the last one of 30
const binary = syntheticBinary(150, 12, 5);
const ball = { norm: 'linf', epsilon: 0.1, box: { min: 0, max: 1 } } as const;
const opts = { epochs: 2, batchSize: 40, seed: 3 };
const mlp = (): Mlp => new Mlp({ inputShape: [12], hiddenSizes: [16], numClasses: 3, seed: 5 });
const flat = (m: Model): number[] => getWeights(m).flatMap((w) => Array.from(w));
const maxAbsDiff = (a: number[], b: number[]): number => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);
const errors = (r: TrainResult): number[] => r.epochs.map((e) => e.trainError);

// Tolerance of the 2-worker runs. Their batch gradient is g₁ + g₂, two float32 sums over the shards,
// where the single-process gradient sums the same B = 40 per-example terms in one matMul: the same
// numbers added in another order. Recursive float32 summation of B terms errs by at most ≈ B·u·Σ|t|
// (u = 2⁻²⁴ ≈ 6e-8; Higham, "Accuracy and Stability of Numerical Algorithms", §4.2), i.e. ~2.4e-6 of
// Σ|t| ≲ 1 per step for either order; over 8 steps of lr ≤ 0.5 that bounds |Δw| by ~2e-5. Measured:
// 2e-8 to 3e-8 (one ulp of weights near 0.3). 1e-5 sits between the two and far below how far the
// weights move (asserted > 0.01), so a wrong shard, seed, 1/B or update would fail it.
const TOL = 1e-5;

function expectClose(got: Model, want: Model, start: number[]): void {
  const g = flat(got);
  const w = flat(want);
  expect(g.every(Number.isFinite)).toBe(true);
  expect(maxAbsDiff(w, start)).toBeGreaterThan(0.01); // training moved the weights
  expect(maxAbsDiff(g, w)).toBeLessThan(TOL);
}

describe('dataParallelSgd', () => {
  it('with one worker takes adversarialSgd(pgdAttack) steps bit for bit, random starts and restarts included', async () => {
    const spec = { threatModel: ball, steps: 3, stepSize: 0.04, randomStart: true, restarts: 2, seed: 7 };
    const want = mlp();
    const rw = adversarialSgd(want, classes, { ...opts, learningRate: 0.5, attack: pgdAttack({ ...spec, threatModel: new LpBall(ball) }) });
    const got = mlp();
    const before = tf.memory().numTensors;
    const rg = await dataParallelSgd(got, classes, { ...opts, learningRate: 0.5, workers: 1, attack: { kind: 'pgd', ...spec } });
    expect(tf.memory().numTensors).toBe(before);
    expect(flat(got)).toEqual(flat(want));
    expect(rg.epochs.map((e) => [e.trainLoss, e.trainError, e.learningRate])).toEqual(rw.epochs.map((e) => [e.trainLoss, e.trainError, e.learningRate]));
    expect(rg.steps).toBe(8);
    want.dispose();
    got.dispose();
  });

  it('with two workers matches adversarialSgd(pgdAttack) to float32 summation order (random starts per example as in the whole batch)', async () => {
    const spec = { threatModel: ball, steps: 3, stepSize: 0.04, randomStart: true, restarts: 2, seed: 7 };
    const start = flat(mlp());
    const want = mlp();
    const rw = adversarialSgd(want, classes, { ...opts, learningRate: 0.5, attack: pgdAttack({ ...spec, threatModel: new LpBall(ball) }) });
    const got = mlp();
    const rg = await dataParallelSgd(got, classes, { ...opts, learningRate: 0.5, workers: 2, attack: { kind: 'pgd', ...spec, threatModel: new LpBall(ball) } });
    expectClose(got, want, start);
    expect(errors(rg)).toEqual(errors(rw)); // the same attacked examples are misclassified
    rg.epochs.forEach((e, i) => expect(Math.abs(e.trainLoss - rw.epochs[i]!.trainLoss)).toBeLessThan(TOL));
    want.dispose();
    got.dispose();
  });

  it('standard training with two workers matches sgd, with a schedule evaluated per step and the same callbacks', async () => {
    const schedule = (e: number, s: number): number => 0.5 / (e + s / 4);
    const start = flat(mlp());
    const want = mlp();
    const rw = sgd(want, classes, { ...opts, learningRate: schedule });
    const got = mlp();
    const progress: string[] = [];
    const ends: number[] = [];
    const rg = await dataParallelSgd(got, classes, {
      ...opts,
      learningRate: schedule,
      workers: 2,
      onProgress: (p) => progress.push(`${p.epoch}/${p.epochs}:${p.step}/${p.stepsPerEpoch}`),
      onEpochEnd: (m) => ends.push(m.epoch),
    });
    expectClose(got, want, start);
    expect(progress).toEqual(['1/2:1/4', '1/2:2/4', '1/2:3/4', '1/2:4/4', '2/2:1/4', '2/2:2/4', '2/2:3/4', '2/2:4/4']);
    expect(ends).toEqual([1, 2]);
    expect(rg.epochs.map((e) => e.learningRate)).toEqual(rw.epochs.map((e) => e.learningRate));
    want.dispose();
    got.dispose();
  });

  it('trains a Cnn with FGSM random starts and a binary LinearModel like the single-process trainers', async () => {
    const cnn = (): Cnn =>
      new Cnn({ inputShape: [4, 3, 1], numClasses: 3, seed: 1, layers: [{ type: 'conv', filters: 4, kernelSize: 3, stride: 2, padding: 1 }, { type: 'dense', units: 8 }] });
    const fg = { threatModel: ball, randomStart: true, stepSize: 0.125, seed: 2 };
    const start = flat(cnn());
    const want = cnn();
    adversarialSgd(want, classes, { ...opts, learningRate: 0.5, attack: fgsmAttack({ ...fg, threatModel: new LpBall(ball) }) });
    const got = cnn();
    await dataParallelSgd(got, classes, { ...opts, learningRate: 0.5, workers: 2, attack: { kind: 'fgsm', ...fg } });
    expectClose(got, want, start);
    [want, got].forEach((m) => m.dispose());

    // sgd takes its analytic-gradient path for a LinearModel, the workers autodiff: rounding apart again
    const lin = (): LinearModel => new LinearModel({ inputSize: 12, seed: 4 });
    const startLin = flat(lin());
    const wantLin = lin();
    sgd(wantLin, binary, { ...opts, learningRate: 0.5 });
    const gotLin = lin();
    await dataParallelSgd(gotLin, binary, { ...opts, learningRate: 0.5, workers: 2 });
    expectClose(gotLin, wantLin, startLin);
    [wantLin, gotLin].forEach((m) => m.dispose());
  });

  it('rejects bad arguments with ArgumentErrors naming them, before starting any worker', async () => {
    const m = mlp();
    const bad = async (model: Model, options: object, argument: string, message?: RegExp): Promise<void> => {
      const e = await dataParallelSgd(model, classes, options).catch((err: unknown) => err);
      expect(ArgumentError.isInstance(e), String(e)).toBe(true);
      expect((e as ArgumentError).fn).toBe(FN);
      expect((e as ArgumentError).argument).toBe(argument);
      if (message) expect((e as Error).message).toMatch(message);
    };
    const custom: Model = { inputShape: [12], numOutputs: 3, variables: m.variables, logits: (x) => m.logits(x), dispose: () => undefined };
    await bad(custom, {}, 'model', /LinearModel, Mlp or Cnn/);
    class MyMlp extends Mlp {}
    const sub = new MyMlp({ inputShape: [12], hiddenSizes: [4], numClasses: 3 });
    await bad(sub, {}, 'model');
    sub.dispose();
    await bad(m, { workers: 0 }, 'options.workers', /integer >= 1/);
    await bad(m, { workers: 1.5 }, 'options.workers');
    await bad(m, { optimizer: tf.train.sgd(0.1) }, 'options.optimizer', /plain SGD/);
    await bad(m, { checkpoint: { save: 3 } }, 'options.checkpoint');
    await bad(m, { attack: pgdAttack({ threatModel: new LpBall(ball) }) }, 'options.attack', /plain-data/);
    await bad(m, { attack: { kind: 'cw', threatModel: ball } }, 'options.attack.kind', /"pgd", "fgsm"/);
    await bad(m, { attack: { kind: 'pgd', threatModel: { norm: 'l3', epsilon: 0.1 } } }, 'options.attack.threatModel.norm');
    await bad(m, { attack: { kind: 'pgd', threatModel: ball, steps: 0 } }, 'options.attack.steps', /integer >= 1, got 0/);
    await bad(m, { attack: { kind: 'fgsm', threatModel: ball, steps: 3 } }, 'options.attack.steps', /not an option/);
    await bad(m, { attack: { kind: 'pgd', threatModel: ball, onIterate: () => undefined } }, 'options.attack.onIterate');
    await bad(m, { epochs: 0 }, 'options.epochs');
    const outside = { ...classes, x: classes.x.map((v, i) => (i === 5 ? 1.5 : v)) };
    const e = await dataParallelSgd(m, outside, { attack: { kind: 'pgd', threatModel: ball } }).catch((err: unknown) => err);
    expect((e as ArgumentError).argument).toBe('data.x');
    m.dispose();
  });

  it('aborts on its signal mid-step: rejects with the reason, keeps the last completed step, leaves no tensors', async () => {
    const m = mlp();
    const initial = flat(m);
    const before = tf.memory().numTensors;
    const ac = new AbortController();
    const reason = new Error('stop');
    const steps: number[] = [];
    const run = dataParallelSgd(m, classes, {
      ...opts,
      workers: 2,
      attack: { kind: 'pgd', threatModel: ball, steps: 50, stepSize: 0.01, randomStart: false },
      onProgress: (p) => {
        steps.push(p.step);
        if (p.step === 1) setImmediate(() => ac.abort(reason)); // lands while step 2 runs in the workers
      },
      signal: ac.signal,
    });
    await expect(run).rejects.toBe(reason);
    expect(steps).toEqual([1]);
    expect(tf.memory().numTensors).toBe(before);
    expect(maxAbsDiff(flat(m), initial)).toBeGreaterThan(0); // step 1 was copied back
    const again = new AbortController();
    again.abort(reason);
    await expect(dataParallelSgd(m, classes, { signal: again.signal })).rejects.toBe(reason);
    m.dispose();
  });

  it('checkpoints: a stop saves the last completed step, a resume ends bit-identical, and states move between it and adversarialSgdAsync', async () => {
    const attack = { kind: 'pgd', threatModel: ball, steps: 3, stepSize: 0.04, randomStart: true, seed: 2 } as const;
    const o = { ...opts, epochs: 3, learningRate: (e: number) => 0.5 / e, workers: 2, attack };
    const ref = mlp();
    const full = await dataParallelSgd(ref, classes, o);
    // stopped during epoch 2, step 3 (the save at the epoch end and the stop's save)
    const saved: TrainingState[] = [];
    const ac = new AbortController();
    const m = mlp();
    await expect(
      dataParallelSgd(m, classes, {
        ...o,
        signal: ac.signal,
        checkpoint: { save: async (st) => void saved.push(decodeTrainingState(encodeTrainingState(st))), meta: { run: 'a' } },
        onProgress: (p) => {
          if (p.epoch === 2 && p.step === 2) setImmediate(() => ac.abort(new Error('stop'))); // lands while step 3 runs
        },
      }),
    ).rejects.toThrow('stop');
    expect(saved.map((st) => `${st.trainer} ${st.epoch}.${st.step}`)).toEqual(['adversarialSgd 2.0', 'adversarialSgd 2.2']);
    expect(saved[1]!.meta).toEqual({ run: 'a' });
    const resumed = mlp();
    const r = await dataParallelSgd(resumed, classes, { ...o, resumeFrom: saved[1]! });
    // same workers, same shards, same seeds (they follow the global step count): bit for bit
    expect(flat(resumed)).toEqual(flat(ref));
    expect(r.epochs.map((e) => [e.trainLoss, e.trainError])).toEqual(full.epochs.map((e) => [e.trainLoss, e.trainError]));
    // the single-process async trainer takes the same state (its attack without a random start, whose
    // seeds restart with the attack object) and ends within rounding of this trainer doing the same
    const det = { ...attack, randomStart: false } as const;
    const a = mlp();
    await adversarialSgdAsync(a, classes, { ...o, attack: pgdAttack({ ...det, threatModel: new LpBall(ball) }), resumeFrom: saved[0]! });
    const b = mlp();
    await dataParallelSgd(b, classes, { ...o, attack: det, resumeFrom: saved[0]! });
    expect(maxAbsDiff(flat(a), flat(b))).toBeLessThan(TOL);
    // a state of the other trainer kind (standard) is refused
    const c = mlp();
    await expect(dataParallelSgd(c, classes, { ...o, attack: undefined, resumeFrom: saved[0]! })).rejects.toThrow(/written by adversarialSgd, not sgd/);
    for (const x of [ref, m, resumed, a, b, c]) x.dispose();
  });

  it('turns a failure inside a worker into a BackendError naming the function, and stops', async () => {
    // inputs shared with the workers and changed under them: the attack's box check fails in a worker
    const x = new Float32Array(new SharedArrayBuffer(classes.x.byteLength));
    x.set(classes.x);
    const m = mlp();
    const before = tf.memory().numTensors;
    const e = await dataParallelSgd(m, { ...classes, x }, {
      ...opts,
      workers: 2,
      attack: { kind: 'pgd', threatModel: ball, steps: 1 },
      onProgress: () => x.fill(2),
    }).catch((err: unknown) => err);
    expect(BackendError.isInstance(e), String(e)).toBe(true);
    expect((e as Error).message).toMatch(/^dataParallelSgd: worker [12] of 2 failed: ArgumentError: .*box/);
    expect(tf.memory().numTensors).toBe(before);
    m.dispose();
  });

  it('leaves no worker behind: a process that aborts a run mid-step exits by itself', async () => {
    const child = fileURLToPath(new URL('./test-utils/data-parallel-child.mjs', import.meta.url));
    const out = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const p = spawn(process.execPath, [child], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      p.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
      p.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
      const timer = setTimeout(() => p.kill('SIGKILL'), 60_000); // a leaked worker keeps the event loop alive
      p.on('error', reject);
      p.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
    });
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout.trim()).toBe('rejected: stop');
  });
});
