import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArgumentError, initBackend } from '@advkit/core';
import { LinearModel, Mlp, type Model } from '@advkit/models';
import { LpBall, type Box } from '@advkit/threat-models';
import { exactLinear, exactLinearAttack, fgsm, fgsmAttack, inputGradient, pgd, pgdAttack } from './index.js';

let base: Mlp;
let linear: LinearModel;
let y: tf.Tensor;
beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
  base = new Mlp({ inputShape: [4], hiddenSizes: [5], numClasses: 3, seed: 1 });
  linear = new LinearModel({ inputSize: 3, seed: 2 });
  y = tf.tensor1d([1, -1]);
});

/**
 * Runs `call`, which must throw an ArgumentError naming `fn` and `argument`; asserts that no tensor
 * was left behind (tf.memory().numTensors before and after) and returns the message.
 */
function refused(call: () => unknown, fn: string, argument: string, what = ''): string {
  const before = tf.memory().numTensors;
  let error: unknown;
  try {
    tf.dispose(call() as tf.Tensor);
  } catch (e) {
    error = e;
  }
  expect(tf.memory().numTensors, `${fn}${what}: tensors leaked`).toBe(before);
  expect(ArgumentError.isInstance(error), `${fn}: expected an ArgumentError, got ${String(error)}`).toBe(true);
  const e = error as ArgumentError;
  expect([e.fn, e.argument]).toEqual([fn, argument]);
  return e.message;
}

describe('hostile models: a typed error on model, and no tensor left behind', () => {
  const like = (logits: (x: tf.Tensor) => unknown): Model => ({
    logits: logits as Model['logits'],
    inputShape: base.inputShape,
    numOutputs: base.numOutputs,
    variables: base.variables,
    dispose: () => undefined,
  });
  let calls = 0;
  const hostile = (): [string, Model, RegExp][] => [
    ['logits of the wrong width', like((x) => tf.slice(base.logits(x), [0, 0], [-1, 2])), /model returned logits of shape \[2,2\] for x of shape \[2,4\]; they must have shape \[2,3\]/],
    ['rank-1 logits', like((x) => tf.sum(base.logits(x), 1)), /model returned logits of shape \[2\] for x of shape \[2,4\]/],
    ['int32 logits', like((x) => tf.cast(base.logits(x), 'int32')), /model returned logits of dtype int32; they must be float32/],
    ['logits independent of x', like((x) => tf.ones([x.shape[0]!, 3])), /model returned logits that do not depend on x/],
    ['logits from the weights only', like(() => tf.tile(tf.reshape(base.variables[3]!, [1, 3]), [2, 1])), /model returned logits that do not depend on x/],
    ['an array', like(() => [[1, 2, 3]]), /model returned an array of length 1 from logits\(x\); it must return a tf.Tensor/],
    ['null', like(() => null), /model returned null from logits\(x\)/],
    ['a throw before any op', like(() => { throw new Error('boom'); }), /model threw in logits\(x\): boom$/],
    ['a throw after some ops', like((x) => { tf.relu(tf.matMul(x, tf.ones([4, 3]))); throw new RangeError('late'); }), /model threw in logits\(x\): late$/],
    ['a throw at the third call', like((x) => { if (++calls % 3 === 0) throw new Error('third'); return base.logits(x); }), /model threw in logits\(x\): third$/],
  ];
  const ball = new LpBall({ norm: 'linf', epsilon: 0.1, box: { min: 0, max: 1 } });
  const attacks: [string, (m: Model, x: tf.Tensor, y: tf.Tensor) => unknown][] = [
    ['pgd', (m, x, y) => pgd(m, x, y, { threatModel: ball, steps: 3 })],
    ['pgd', (m, x, y) => pgd(m, x, y, { threatModel: ball, steps: 2, restarts: 3 })],
    ['fgsm', (m, x, y) => fgsm(m, x, y, { threatModel: ball, randomStart: true })],
    ['inputGradient', (m, x, y) => inputGradient(m, x, y, { loss: 'margin' })],
  ];

  it('wrong logits shape or dtype, logits independent of x, non-tensor logits, a throwing logits', () => {
    const x = tf.fill([2, 4], 0.5);
    const y = tf.tensor1d([0, 2], 'int32');
    let count = 0;
    for (const [what, model, message] of hostile()) {
      for (const [fn, attack] of attacks) {
        if (what === 'a throw at the third call' && fn !== 'pgd') continue; // fgsm and inputGradient call logits once
        calls = 0;
        const text = refused(() => attack(model, x, y), fn, 'model', ` (${what})`);
        expect(text, `${what}, ${fn}`).toMatch(new RegExp(`^${fn}: `));
        expect(text, `${what}, ${fn}`).toMatch(message);
        count++;
      }
    }
    expect(count).toBe(9 * 4 + 2);
    // the engine is left usable: a normal attack afterwards works and frees everything
    const before = tf.memory().numTensors;
    tf.dispose(pgd(base, x, y, { threatModel: ball, steps: 2 }));
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, y]);
  });

  it('keeps the error thrown by logits as the cause', () => {
    const x = tf.fill([2, 4], 0.5);
    const y = tf.tensor1d([0, 2], 'int32');
    const boom = new Error('boom');
    let caught: unknown;
    try {
      fgsm(like(() => { throw boom; }), x, y, { threatModel: ball });
    } catch (e) {
      caught = e;
    }
    expect((caught as Error).cause).toBe(boom);
    tf.dispose([x, y]);
  });
});

describe('x holding NaN or ±Infinity, or outside the box: an ArgumentError on x for every attack', () => {
  const balls: [string, Box | undefined][] = [['no box', undefined], ['box', { min: 0, max: 1 }]];

  it('pgd, fgsm, exactLinear and their Attack objects, for every norm with and without a box', () => {
    let count = 0;
    for (const bad of [Number.NaN, Infinity, -Infinity]) {
      for (const norm of ['linf', 'l2', 'l1'] as const) {
        for (const [, box] of balls) {
          const ball = new LpBall(box === undefined ? { norm, epsilon: 0.1 } : { norm, epsilon: 0.1, box });
          const xb = x(bad);
          const exactOk = box === undefined || norm === 'linf';
          const calls: [string, () => unknown][] = [
            ['pgd', () => pgd(linear, xb, y, { threatModel: ball, steps: 2 })],
            ['pgd', () => pgdAttack({ threatModel: ball, steps: 2 }).run(linear, xb, y)],
            ['fgsm', () => fgsm(linear, xb, y, { threatModel: ball })],
            ['fgsm', () => fgsmAttack({ threatModel: ball, randomStart: true }).run(linear, xb, y)],
          ];
          if (exactOk) {
            calls.push(['exactLinear', () => exactLinear(linear, xb, y, { threatModel: ball })]);
            calls.push(['exactLinear', () => exactLinearAttack({ threatModel: ball }).run(linear, xb, y)]);
          }
          for (const [fn, call] of calls) {
            const text = refused(() => call(), fn, 'x');
            expect(text).toMatch(new RegExp(`^${fn}: x must hold finite numbers \\(it is the centre of the ball\\), got `));
            count++;
          }
        }
      }
    }
    expect(count).toBe(3 * (3 * 2 * 4 + 4 * 2));
    tf.dispose(made.splice(0));
  });

  it('exactLinear refuses x outside the box, like fgsm and pgd', () => {
    const ball = new LpBall({ norm: 'linf', epsilon: 0.1, box: { min: 0, max: 1 } });
    const outside = tf.tensor2d([[0.5, 1.5, 0.5], [0.25, 0.25, 0.25]]);
    for (const [fn, call] of [
      ['exactLinear', () => exactLinear(linear, outside, y, { threatModel: ball })],
      ['fgsm', () => fgsm(linear, outside, y, { threatModel: ball })],
      ['pgd', () => pgd(linear, outside, y, { threatModel: ball })],
    ] as const) {
      expect(refused(call, fn, 'x')).toBe(`${fn}: x must lie inside the box [0, 1] (the ball's centre must be a valid input), got values in [0.25, 1.5]. If the model expects normalised inputs, keep x and ε in pixel units and put the normalisation inside the model (withPreprocessing from @advkit/models): attacking normalised data with the box removed understates robust error`);
    }
    tf.dispose(outside);
  });
});

/** Tensors made by {@link x}, freed at the end of the test that made them. */
const made: tf.Tensor[] = [];

/** A [2, 3] batch inside [0, 1] except one coordinate set to `bad`. */
function x(bad: number): tf.Tensor {
  const t = tf.tensor2d([[0.5, 0.5, 0.5], [0.5, bad, 0.5]]);
  made.push(t);
  return t;
}
