import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, ArgumentError, DivergenceError, ShapeError } from '@advkit/core';
import { LinearModel } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { exactLinearAttack } from '@advkit/attacks';
import { evaluate } from '@advkit/attacks/evaluate';
import { sgd, robustLinearSgd, adversarialSgd, train, standardStep, adversarialStep, robustLinearStep } from './index.js';
import { autodiffStep } from './internal/autodiff-step.js';
import { linearStep } from './internal/linear-step.js';
import { ScalarCache } from './internal/scalar-cache.js';
import { syntheticBinary } from './test-utils/synthetic-binary.js';

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

const data = syntheticBinary(600, 20, 1);

function weights(m: LinearModel): number[] {
  return [...m.weight.dataSync(), ...m.bias.dataSync()];
}

function maxRelDiff(a: number[], b: number[]): number {
  const scale = Math.max(...a.map(Math.abs));
  return Math.max(...a.map((v, i) => Math.abs(v - b[i]!))) / scale;
}

describe('linearStep (analytic gradient)', () => {
  it('takes the same step as tfjs autodiff of the logistic loss', () => {
    const a = new LinearModel({ inputSize: 20, seed: 3 });
    const b = new LinearModel({ inputSize: 20, seed: 3 });
    const xb = tf.tensor2d(data.x.subarray(0, 100 * 20), [100, 20]);
    const yb = tf.tensor2d(data.y.subarray(0, 100), [100, 1]);
    const scalars = new ScalarCache();
    scalars.get(0.5 / 100);
    const before = tf.memory().numTensors;
    const s1 = linearStep(a, xb, yb, 0.5, undefined, scalars);
    const s2 = autodiffStep(b, xb, yb, 0.5, undefined, 'sgd');
    expect(tf.memory().numTensors).toBe(before);
    // float32: the two paths sum in different orders; 1e-5 relative is ~100 ulps of headroom.
    expect(maxRelDiff(weights(a), weights(b))).toBeLessThan(1e-5);
    // the accumulated loss/error of the batch agree as well
    expect(s1.lossSum).toBeCloseTo(s2.lossSum, 3);
    expect(s1.errors).toBe(s2.errors);
    tf.dispose([xb, yb]);
    scalars.dispose();
    a.dispose();
    b.dispose();
  });
});

describe('robust training (Danskin)', () => {
  for (const norm of ['linf', 'l2', 'l1'] as const) {
    it(`adversarialSgd with the exact ${norm} attack takes the same steps as the closed-form robust loss`, async () => {
      const threatModel = new LpBall({ norm, epsilon: norm === 'l1' ? 0.5 : 0.1 });
      const a = new LinearModel({ inputSize: 20, seed: 4 });
      const b = new LinearModel({ inputSize: 20, seed: 4 });
      const opts = { epochs: 2, batchSize: 50, learningRate: 0.1, seed: 9 };
      const ra = await robustLinearSgd(a, data, { ...opts, threatModel });
      const rb = await adversarialSgd(b, data, { ...opts, attack: exactLinearAttack({ threatModel }) });
      // 24 steps in float32; the paths differ only in rounding (x+δ* then θᵀ(x+δ*) vs θᵀx − ε‖θ‖_*).
      expect(maxRelDiff(weights(a), weights(b))).toBeLessThan(1e-4);
      expect(ra.epochs[1]!.trainLoss).toBeCloseTo(rb.epochs[1]!.trainLoss, 4);
      a.dispose();
      b.dispose();
    });
  }
});

describe('sgd', () => {
  it('learns a separable problem, is deterministic per seed, and leaks nothing', async () => {
    const before = tf.memory().numTensors;
    const a = new LinearModel({ inputSize: 20, seed: 1 });
    const initial = evaluate(a, data).error;
    const res = await sgd(a, data, { epochs: 40, learningRate: 1, seed: 2 });
    expect(res.epochs).toHaveLength(40);
    expect(res.steps).toBe(240);
    expect(res.epochs[39]!.trainLoss).toBeLessThan(res.epochs[0]!.trainLoss);
    expect(initial).toBeGreaterThan(0.3); // a random init is near chance
    const ev = evaluate(a, data);
    expect(ev.error).toBeLessThan(0.15); // 5% label noise, so the best linear rule errs ~5%
    const b = new LinearModel({ inputSize: 20, seed: 1 });
    await sgd(b, data, { epochs: 40, learningRate: 1, seed: 2 });
    expect(weights(b)).toEqual(weights(a)); // bit-identical on the same backend
    a.dispose();
    b.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('keeps memory flat across epochs (standard, robust, adversarial, evaluation)', async () => {
    const m = new LinearModel({ inputSize: 20 });
    const threatModel = new LpBall({ norm: 'linf', epsilon: 0.1 });
    const before = tf.memory().numTensors;
    const runs: Array<(onEpochEnd: () => void) => Promise<unknown>> = [
      (onEpochEnd) => sgd(m, data, { epochs: 3, onEpochEnd }),
      (onEpochEnd) => robustLinearSgd(m, data, { epochs: 3, threatModel, onEpochEnd }),
      (onEpochEnd) => adversarialSgd(m, data, { epochs: 3, attack: exactLinearAttack({ threatModel }), onEpochEnd }),
    ];
    for (const run of runs) {
      const counts: number[] = [];
      await run(() => counts.push(tf.memory().numTensors));
      expect(counts).toHaveLength(3);
      expect(new Set(counts).size).toBe(1); // nothing accumulates from epoch to epoch
      expect(tf.memory().numTensors).toBe(before); // and nothing survives the run
    }
    evaluate(m, data, { attack: exactLinearAttack({ threatModel }), batchSize: 64 });
    expect(tf.memory().numTensors).toBe(before);
    m.dispose();
  });

  it('reports progress per step and follows a learning-rate schedule', async () => {
    const m = new LinearModel({ inputSize: 20 });
    const seen: string[] = [];
    const res = await sgd(m, data, {
      epochs: 2,
      batchSize: 300,
      learningRate: (epoch) => (epoch === 1 ? 1 : 0.1),
      onProgress: (p) => seen.push(`${p.epoch}.${p.step}/${p.stepsPerEpoch}`),
    });
    expect(seen).toEqual(['1.1/2', '1.2/2', '2.1/2', '2.2/2']);
    expect(res.epochs.map((e) => e.learningRate)).toEqual([1, 0.1]);
    m.dispose();
  });

  it('rejects bad arguments with typed errors naming the function and argument', async () => {
    const m = new LinearModel({ inputSize: 20 });
    await expect(sgd(m, { x: new Float32Array(0), y: new Float32Array(0), n: 0 })).rejects.toThrow(/sgd: data.n must be an integer >= 1/);
    await expect(sgd(m, { ...data, y: new Float32Array(600).fill(0) })).rejects.toThrow(/sgd: data.y must hold labels -1 or \+1/);
    await expect(sgd(m, { ...data, x: new Float32Array(10) })).rejects.toThrow(ShapeError);
    await expect(sgd(m, data, { epochs: 0 })).rejects.toThrow(/sgd: options.epochs must be an integer >= 1/);
    await expect(sgd(m, data, { learningRate: Number.NaN })).rejects.toThrow(ArgumentError);
    await expect(sgd(m, data, { batchSize: 2.5 })).rejects.toThrow(/options.batchSize/);
    await expect(robustLinearSgd(m, data, { threatModel: new LpBall({ norm: 'linf', epsilon: 0.1, box: { min: 0, max: 1 } }) })).rejects.toThrow(/robustLinearSgd: options.threatModel must have no box/);
    await expect(adversarialSgd(m, data, { attack: {} as never })).rejects.toThrow(/adversarialSgd: options.attack must be an Attack/);
    await expect(train(m, data, { step: { name: 'boom', run: () => { throw new Error('boom'); } } })).rejects.toThrow('boom');
    await expect(train(m, data, {} as never)).rejects.toThrow(/train: options.step must be a TrainStep/);
    await expect(train(m, data, { step: standardStep(), executor: {} as never })).rejects.toThrow(/train: options.executor must be a StepExecutor/);
    expect(() => adversarialStep(3 as never)).toThrow(/adversarialStep: attack must be an Attack/);
    expect(() => robustLinearStep({ norm: 'linf', epsilon: 0.1 } as never)).toThrow(/robustLinearStep: threatModel must be an LpBall/);
    m.dispose();
  });
});

describe('bad values met during training: typed errors naming the argument, and no tensor left behind', () => {
  const expectRejects = async (run: () => Promise<unknown>, error: { isInstance(e: unknown): boolean }, message: RegExp, argument?: string): Promise<void> => {
    const before = tf.memory().numTensors;
    const e = await run().then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(error.isInstance(e), String(e)).toBe(true);
    expect((e as Error).message).toMatch(message);
    if (argument !== undefined) expect((e as ArgumentError).argument).toBe(argument);
    expect(tf.memory().numTensors).toBe(before);
  };

  it('a learning-rate schedule returning NaN, a negative number or a string, or throwing', async () => {
    const m = new LinearModel({ inputSize: 20, seed: 1 });
    const at3 = (v: unknown) => (_e: number, s: number) => (s === 3 ? v : 0.1) as number;
    await expectRejects(() => sgd(m, data, { learningRate: at3(Number.NaN) }), ArgumentError, /^sgd: options.learningRate must return a finite number >= 0, got NaN at epoch 1, step 3$/, 'options.learningRate');
    await expectRejects(() => sgd(m, data, { learningRate: at3(-1) }), ArgumentError, /got -1 at epoch 1, step 3/, 'options.learningRate');
    await expectRejects(() => sgd(m, data, { learningRate: at3('0.1') }), ArgumentError, /got "0.1" at epoch 1, step 3/, 'options.learningRate');
    const throwing = (): number => {
      throw new Error('no rate');
    };
    await expectRejects(() => train(m, data, { step: standardStep(), learningRate: throwing }), ArgumentError, /^train: options.learningRate threw at epoch 1, step 1: no rate$/, 'options.learningRate');
    m.dispose();
  });

  it('an optimizer that is not a tfjs Optimizer, an attack returning a non-tensor, a step returning no stats', async () => {
    const m = new LinearModel({ inputSize: 20, seed: 1 });
    await expectRejects(() => sgd(m, data, { optimizer: {} as never }), ArgumentError, /^sgd: options.optimizer must be a tfjs Optimizer/, 'options.optimizer');
    const liar = { name: 'liar', run: () => 3 as never };
    await expectRejects(() => adversarialSgd(m, data, { attack: liar }), ArgumentError, /^adversarialSgd: options.attack must return a tensor of the inputs' shape \[100,20\] from run, got 3/, 'options.attack');
    const wrongShape = { name: 'wrong', run: (_m: unknown, x: tf.Tensor) => tf.reshape(x, [-1]) };
    await expectRejects(() => train(m, data, { step: adversarialStep(wrongShape) }), ArgumentError, /^train: options.step.attack must return a tensor of the inputs' shape/, 'options.step.attack');
    await expectRejects(() => train(m, data, { step: { name: 'mute', run: () => undefined as never } }), ArgumentError, /^train: options.step must return \{ lossSum, errors \}/, 'options.step');
    m.dispose();
  });

  it('a diverging run stops with a DivergenceError naming the epoch and step; stopOnDivergence: false goes on', async () => {
    const m = new LinearModel({ inputSize: 20, seed: 1 });
    // lr 1e300 is +Inf in float32: the first update (its loss is measured before it, finite) makes the
    // weights infinite or NaN, so the second step's loss is not finite
    await expectRejects(() => sgd(m, data, { learningRate: 1e300, seed: 2 }), DivergenceError, /^sgd: training diverged: the loss of epoch 1, step 2 \(global step 1\) is (NaN|Infinity)/);
    const nanStep = { name: 'nan', run: () => ({ lossSum: Number.NaN, errors: 0 }) };
    await expectRejects(() => train(m, data, { step: nanStep, epochs: 2 }), DivergenceError, /^train: training diverged: the loss of epoch 1, step 1 \(global step 0\) is NaN/);
    const r = await train(m, data, { step: nanStep, epochs: 2, stopOnDivergence: false });
    expect(r.epochs.map((e) => e.trainLoss)).toEqual([Number.NaN, Number.NaN]);
    m.dispose();
  });
});
