import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, BackendError, initBackend } from '@advkit/core';
import { Cnn, LinearModel, Mlp, getWeights, type Model } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { apgdAttack, fgsmAttack, pgdAttack } from '@advkit/attacks';
import { adversarialSgd, adversarialStep, robustLinearStep, sgd, standardStep, train, type TrainOptions, type TrainResult } from '../index.js';
import { decodeTrainingState, encodeTrainingState, type TrainingState } from '../checkpoint/index.js';
import { syntheticClasses } from '../test-utils/synthetic-classes.js';
import { syntheticBinary } from '../test-utils/synthetic-binary.js';
// @ts-expect-error a plain .mjs module without types (the workers import it as it is)
import { ScaledMlp } from './test-utils/scaled-mlp.mjs';

// dataParallel starts compiled worker files (dist/node/data-parallel-worker.js) that plain Node loads,
// so this test runs the BUILT executor (build first, as checkpoint-crash.test.ts) with the loop of the
// sources; the types come from the sources.
type NodeEntry = typeof import('./index.js');
let dataParallel: NodeEntry['dataParallel'];

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
  const entry = new URL('../../dist/node/index.js', import.meta.url).href;
  ({ dataParallel } = (await import(/* @vite-ignore */ entry)) as NodeEntry);
});

/** The old `dataParallelSgd(model, data, { workers, attack, ...options })`: train with a dataParallel executor. */
const parallel = (model: Model, data: { x: Float32Array; y: Float32Array | Int32Array; n: number }, workers: number, options: Omit<TrainOptions, 'executor'>): Promise<TrainResult> =>
  train(model, data, { ...options, executor: dataParallel({ workers }) });
const pgdStep = (spec: object) => adversarialStep(pgdAttack({ ...spec, threatModel: new LpBall(ball) }));

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

describe('dataParallel', () => {
  it('with one worker takes adversarialSgd(pgdAttack) steps bit for bit, random starts and restarts included', async () => {
    const spec = { threatModel: ball, steps: 3, stepSize: 0.04, randomStart: true, restarts: 2, seed: 7 };
    const want = mlp();
    const rw = await adversarialSgd(want, classes, { ...opts, learningRate: 0.5, attack: pgdAttack({ ...spec, threatModel: new LpBall(ball) }) });
    const got = mlp();
    const before = tf.memory().numTensors;
    const rg = await parallel(got, classes, 1, { ...opts, learningRate: 0.5, step: pgdStep(spec) });
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
    const rw = await adversarialSgd(want, classes, { ...opts, learningRate: 0.5, attack: pgdAttack({ ...spec, threatModel: new LpBall(ball) }) });
    const got = mlp();
    const rg = await parallel(got, classes, 2, { ...opts, learningRate: 0.5, step: pgdStep(spec) });
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
    const rw = await sgd(want, classes, { ...opts, learningRate: schedule });
    const got = mlp();
    const progress: string[] = [];
    const ends: number[] = [];
    const rg = await parallel(got, classes, 2, {
      ...opts,
      step: standardStep(),
      learningRate: schedule,
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

  it('trains a Cnn with FGSM random starts and a binary LinearModel like the single-process loop; the named trainers take the executor too', async () => {
    const cnn = (): Cnn =>
      new Cnn({ inputShape: [4, 3, 1], numClasses: 3, seed: 1, layers: [{ type: 'conv', filters: 4, kernelSize: 3, stride: 2, padding: 1 }, { type: 'dense', units: 8 }] });
    const fg = { threatModel: new LpBall(ball), randomStart: true, stepSize: 0.125, seed: 2 };
    const start = flat(cnn());
    const want = cnn();
    await adversarialSgd(want, classes, { ...opts, learningRate: 0.5, attack: fgsmAttack(fg) });
    const got = cnn();
    await adversarialSgd(got, classes, { ...opts, learningRate: 0.5, attack: fgsmAttack(fg), executor: dataParallel({ workers: 2 }) });
    expectClose(got, want, start);
    [want, got].forEach((m) => m.dispose());

    // sgd takes its analytic-gradient path for a LinearModel, the workers autodiff: rounding apart again
    const lin = (): LinearModel => new LinearModel({ inputSize: 12, seed: 4 });
    const startLin = flat(lin());
    const wantLin = lin();
    await sgd(wantLin, binary, { ...opts, learningRate: 0.5 });
    const gotLin = lin();
    await sgd(gotLin, binary, { ...opts, learningRate: 0.5, executor: dataParallel({ workers: 2 }) });
    expectClose(gotLin, wantLin, startLin);
    [wantLin, gotLin].forEach((m) => m.dispose());
  });

  it('trains any Model through modelFactory: a custom class rebuilt in each worker from a module', async () => {
    const options = { inputSize: 12, hidden: 16, classes: 3, scale: 2 };
    const make = (): Model => new ScaledMlp({ ...options, seed: 5 }) as Model;
    const spec = { threatModel: ball, steps: 3, stepSize: 0.04, randomStart: true, seed: 7 };
    const start = flat(make());
    const want = make();
    await train(want, classes, { ...opts, learningRate: 0.5, step: pgdStep(spec) });
    const module = new URL('./test-utils/scaled-mlp.mjs', import.meta.url);
    const one = make();
    await train(one, classes, { ...opts, learningRate: 0.5, step: pgdStep(spec), executor: dataParallel({ workers: 1, modelFactory: { module, exportName: 'makeScaledMlp', args: [options] } }) });
    expect(flat(one)).toEqual(flat(want)); // one worker: bit for bit, the scale included
    const two = make();
    await train(two, classes, { ...opts, learningRate: 0.5, step: pgdStep(spec), executor: dataParallel({ workers: 2, modelFactory: { module: module.href, args: [options] } }) });
    expectClose(two, want, start);
    // a factory whose model does not fit, or that the worker cannot call: ArgumentError naming options.modelFactory
    const misfit = await train(make(), classes, { ...opts, step: standardStep(), executor: dataParallel({ workers: 1, modelFactory: { module, args: [{ ...options, hidden: 8 }] } }) }).catch((e: unknown) => e);
    expect(ArgumentError.isInstance(misfit), String(misfit)).toBe(true);
    expect(misfit).toMatchObject({ fn: 'dataParallel', argument: 'options.modelFactory' });
    expect((misfit as Error).message).toMatch(/variables have shapes \[12,8\]/);
    const noExport = await train(make(), classes, { ...opts, step: standardStep(), executor: dataParallel({ workers: 1, modelFactory: { module, exportName: 'nope', args: [options] } }) }).catch((e: unknown) => e);
    expect(noExport).toMatchObject({ fn: 'dataParallel', argument: 'options.modelFactory' });
    expect(() => dataParallel({ modelFactory: { module: './scaled-mlp.mjs' } })).toThrow(/dataParallel: options.modelFactory.module must not be relative/);
    expect(() => dataParallel({ modelFactory: { module, args: [() => 1] } })).toThrow(/options.modelFactory.args must be plain data/);
    [want, one, two].forEach((m) => m.dispose());
  });

  it('rejects what its workers cannot rebuild with ArgumentErrors of the function called, naming the argument, before starting any worker', async () => {
    const m = mlp();
    const bad = async (run: Promise<unknown>, fn: string, argument: string, message?: RegExp): Promise<void> => {
      const e = await run.catch((err: unknown) => err);
      expect(ArgumentError.isInstance(e), String(e)).toBe(true);
      expect((e as ArgumentError).fn).toBe(fn);
      expect((e as ArgumentError).argument).toBe(argument);
      if (message) expect((e as Error).message).toMatch(message);
    };
    const ex = () => dataParallel({ workers: 2 });
    const custom: Model = { inputShape: [12], numOutputs: 3, variables: m.variables, logits: (x) => m.logits(x), dispose: () => undefined };
    await bad(train(custom, classes, { step: standardStep(), executor: ex() }), 'train', 'model', /LinearModel, Mlp or Cnn.*modelFactory/);
    class MyMlp extends Mlp {}
    const sub = new MyMlp({ inputShape: [12], hiddenSizes: [4], numClasses: 3 });
    await bad(sgd(sub, classes, { executor: ex() }), 'sgd', 'model');
    sub.dispose();
    expect(() => dataParallel({ workers: 0 })).toThrow(/^dataParallel: options.workers must be an integer >= 1/);
    expect(() => dataParallel({ workers: 1.5 })).toThrow(ArgumentError);
    await bad(sgd(m, classes, { optimizer: tf.train.sgd(0.1), executor: ex() }), 'sgd', 'options.optimizer', /plain SGD/);
    const mine = { name: 'mine', run: () => ({ lossSum: 0, errors: 0 }) };
    await bad(train(m, classes, { step: mine, executor: ex() }), 'train', 'options.step', /cannot be rebuilt in a worker thread, got the step "mine"/);
    const lin = new LinearModel({ inputSize: 12 });
    await bad(train(lin, binary, { step: robustLinearStep(new LpBall({ norm: 'linf', epsilon: 0.1 })), executor: ex() }), 'train', 'options.step');
    const noSpec = { name: 'mine', run: (_m: Model, x: tf.Tensor) => tf.clone(x) };
    await bad(train(m, classes, { step: adversarialStep(noSpec), executor: ex() }), 'train', 'options.step.attack', /has no spec/);
    await bad(adversarialSgd(m, classes, { attack: noSpec, executor: ex() }), 'adversarialSgd', 'options.attack', /has no spec/);
    const apgdA = apgdAttack({ threatModel: new LpBall({ norm: 'linf', epsilon: 0.1 }), steps: 3 });
    await bad(adversarialSgd(m, classes, { attack: apgdA, executor: ex() }), 'adversarialSgd', 'options.attack', /'apgd' attack, whose random draws and restarts depend on the whole batch/);
    lin.dispose();
    const outside = { ...classes, x: classes.x.map((v, i) => (i === 5 ? 1.5 : v)) };
    await bad(train(m, outside, { step: pgdStep({}), executor: ex() }), 'train', 'data.x', /box/);
    m.dispose();
  });

  it('aborts on its signal mid-step: rejects with the reason, keeps the last completed step, leaves no tensors', async () => {
    const m = mlp();
    const initial = flat(m);
    const before = tf.memory().numTensors;
    const ac = new AbortController();
    const reason = new Error('stop');
    const steps: number[] = [];
    const run = parallel(m, classes, 2, {
      ...opts,
      step: pgdStep({ steps: 50, stepSize: 0.01, randomStart: false }),
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
    await expect(parallel(m, classes, 2, { step: standardStep(), signal: again.signal })).rejects.toBe(reason);
    m.dispose();
  });

  it('checkpoints: a stop saves the last completed step, resumes are bit-identical through 2 workers, 1 worker or one thread', async () => {
    const spec = { steps: 3, stepSize: 0.04, randomStart: true, seed: 2 };
    const o = { ...opts, epochs: 3, learningRate: (e: number) => 0.5 / e };
    const ref = mlp();
    const full = await parallel(ref, classes, 2, { ...o, step: pgdStep(spec) });
    // stopped during epoch 2, step 3 (the save at the epoch end and the stop's save)
    const saved: TrainingState[] = [];
    const ac = new AbortController();
    const m = mlp();
    await expect(
      parallel(m, classes, 2, {
        ...o,
        step: pgdStep(spec),
        signal: ac.signal,
        checkpoint: { save: async (st) => void saved.push(decodeTrainingState(encodeTrainingState(st))), meta: { run: 'a' } },
        onProgress: (p) => {
          if (p.epoch === 2 && p.step === 2) setImmediate(() => ac.abort(new Error('stop'))); // lands while step 3 runs
        },
      }),
    ).rejects.toThrow('stop');
    expect(saved.map((st) => `${st.trainer} ${st.epoch}.${st.step}`)).toEqual(['adversarial 2.0', 'adversarial 2.2']);
    expect(saved[1]!.meta).toEqual({ run: 'a' });
    const resumed = mlp();
    const r = await parallel(resumed, classes, 2, { ...o, step: pgdStep(spec), resumeFrom: saved[1]! });
    // same workers, same shards, same seeds (they follow the global step): bit for bit
    expect(flat(resumed)).toEqual(flat(ref));
    expect(r.epochs.map((e) => [e.trainLoss, e.trainError])).toEqual(full.epochs.map((e) => [e.trainLoss, e.trainError]));

    // one worker and one thread take the same steps as each other, bit for bit, from the same state,
    // random starts included (the seeds follow the global step), and within rounding of 2 workers
    const one = mlp();
    const r1 = await parallel(one, classes, 1, { ...o, step: pgdStep(spec), resumeFrom: saved[0]! });
    const local = mlp();
    const rl = await train(local, classes, { ...o, step: pgdStep(spec), resumeFrom: saved[0]! });
    expect(flat(one)).toEqual(flat(local));
    expect(r1.epochs.map((e) => [e.trainLoss, e.trainError])).toEqual(rl.epochs.map((e) => [e.trainLoss, e.trainError]));
    expect(maxAbsDiff(flat(local), flat(ref))).toBeLessThan(TOL);
    // and an interrupted one-worker run resumed on one thread equals an uninterrupted one-worker run
    const oneRef = mlp();
    await parallel(oneRef, classes, 1, { ...o, step: pgdStep(spec) });
    const states: TrainingState[] = [];
    const cut = mlp();
    const ac2 = new AbortController();
    await expect(
      parallel(cut, classes, 1, { ...o, step: pgdStep(spec), signal: ac2.signal, checkpoint: { save: (st) => void states.push(st) }, onProgress: (p) => p.epoch === 2 && p.step === 1 && ac2.abort(new Error('cut')) }),
    ).rejects.toThrow('cut');
    const back = mlp();
    await train(back, classes, { ...o, step: pgdStep(spec), resumeFrom: states.at(-1)! });
    expect(states.at(-1)).toMatchObject({ epoch: 2, step: 1 });
    expect(flat(back)).toEqual(flat(oneRef));
    // a state of another step (standard) is refused
    const c = mlp();
    await expect(parallel(c, classes, 2, { ...o, step: standardStep(), resumeFrom: saved[0]! })).rejects.toThrow(/written by the step 'adversarial', not by 'standard'/);
    for (const x of [ref, m, resumed, one, local, oneRef, cut, back, c]) x.dispose();
  });

  it('turns a failure inside a worker into a BackendError naming the function, and stops', async () => {
    // inputs shared with the workers and changed under them: the attack's box check fails in a worker
    const x = new Float32Array(new SharedArrayBuffer(classes.x.byteLength));
    x.set(classes.x);
    const m = mlp();
    const before = tf.memory().numTensors;
    const e = await parallel(m, { ...classes, x }, 2, {
      ...opts,
      step: pgdStep({ steps: 1 }),
      onProgress: () => x.fill(2),
    }).catch((err: unknown) => err);
    expect(BackendError.isInstance(e), String(e)).toBe(true);
    expect((e as Error).message).toMatch(/^train: worker [12] of 2 failed: ArgumentError: .*box/);
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
