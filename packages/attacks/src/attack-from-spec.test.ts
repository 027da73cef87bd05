import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArgumentError, Rng, initBackend } from '@advkit/core';
import { LinearModel, Mlp } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { apgdAttack, attackFromSpec, exactLinearAttack, fabAttack, fabTargetedAttack, fgsm, fgsmAttack, isAttack, pgd, pgdAttack, squareAttack, type Attack, type AttackSpec } from './index.js';

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

function classBatch(n: number, d: number, k: number, seed: number): { x: tf.Tensor2D; y: tf.Tensor1D } {
  const rng = new Rng(seed);
  const x = tf.tensor2d(rng.fillUniform(new Float32Array(n * d), 0, 1), [n, d]);
  const y = tf.tensor1d(Array.from({ length: n }, () => rng.int(k)), 'int32');
  return { x, y };
}

/** The values of a tensor the caller owns, which this frees. */
const take = (t: tf.Tensor): number[] => {
  const v = Array.from(t.dataSync());
  t.dispose();
  return v;
};

const threatModel = new LpBall({ norm: 'linf', epsilon: 0.1, box: { min: 0, max: 1 } });

describe('seeds from context.batchIndex, no hidden state', () => {
  it('pgdAttack at batch t is pgd with seed + t·restarts; the same call twice gives the same tensor', () => {
    const model = new Mlp({ inputShape: [10], hiddenSizes: [8], numClasses: 3, seed: 1 });
    const { x, y } = classBatch(5, 10, 3, 2);
    // small steps (3·0.01 < ε): the result still depends on the random start, so the seed shows
    const opts = { threatModel, steps: 3, stepSize: 0.01, restarts: 2, seed: 7 };
    const attack = pgdAttack(opts);
    const before = tf.memory().numTensors;
    for (const t of [0, 1, 3]) {
      const want = take(pgd(model, x, y, { ...opts, seed: 7 + t * 2 }));
      expect(take(attack.run(model, x, y, { batchIndex: t }))).toEqual(want);
    }
    // no state between calls: batch 1 after batch 3 equals batch 1 on a fresh attack; no context = batch 0
    const again = take(attack.run(model, x, y, { batchIndex: 1 }));
    expect(again).toEqual(take(pgdAttack(opts).run(model, x, y, { batchIndex: 1 })));
    expect(take(attack.run(model, x, y))).toEqual(take(attack.run(model, x, y, { batchIndex: 0 })));
    expect(take(attack.run(model, x, y, { batchIndex: 2 }))).not.toEqual(again);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, y]);
    model.dispose();
  });

  it('fgsmAttack with a random start at batch t is fgsm with seed + t', () => {
    const model = new Mlp({ inputShape: [10], hiddenSizes: [8], numClasses: 3, seed: 3 });
    const { x, y } = classBatch(5, 10, 3, 4);
    const opts = { threatModel, randomStart: true, stepSize: 0.125, seed: 11 };
    const attack = fgsmAttack(opts);
    for (const t of [0, 2, 5]) {
      const want = take(fgsm(model, x, y, { ...opts, seed: 11 + t }));
      expect(take(attack.run(model, x, y, { batchIndex: t }))).toEqual(want);
    }
    expect(take(attack.run(model, x, y, { batchIndex: 2 }))).toEqual(take(attack.run(model, x, y, { batchIndex: 2 })));
    tf.dispose([x, y]);
    model.dispose();
  });

  it('rejects a bad context with typed errors', () => {
    const model = new Mlp({ inputShape: [10], hiddenSizes: [8], numClasses: 3 });
    const { x, y } = classBatch(2, 10, 3, 5);
    const attack = pgdAttack({ threatModel, steps: 1 });
    expect(() => attack.run(model, x, y, { batchIndex: -1 })).toThrow(ArgumentError);
    expect(() => attack.run(model, x, y, { batchIndex: 1.5 })).toThrow(/pgd: context\.batchIndex must be an integer >= 0, got 1\.5/);
    expect(() => fgsmAttack({ threatModel }).run(model, x, y, 3 as never)).toThrow(/fgsm: context must be an AttackContext/);
    tf.dispose([x, y]);
    model.dispose();
  });
});

describe('Attack.spec and attackFromSpec', () => {
  it('hold every option with its default filled in, as frozen plain data', () => {
    const a = pgdAttack({ threatModel, steps: 4 });
    expect(a.spec).toEqual({
      kind: 'pgd',
      options: { threatModel: { norm: 'linf', epsilon: 0.1, box: { min: 0, max: 1 } }, steps: 4, stepSize: (2.5 * 0.1) / 4, randomStart: true, restarts: 1, seed: 0, loss: 'cross-entropy' },
    });
    expect(Object.isFrozen(a.spec!.options.threatModel)).toBe(true);
    expect(fgsmAttack({ threatModel: new LpBall({ norm: 'l2', epsilon: 0.5 }) }).spec).toEqual({
      kind: 'fgsm',
      options: { threatModel: { norm: 'l2', epsilon: 0.5 }, stepSize: 0.5, randomStart: false, seed: 0, loss: 'cross-entropy' },
    });
    expect(exactLinearAttack({ threatModel }).spec).toEqual({ kind: 'exact-linear', options: { threatModel: threatModel.toJSON() } });
    const tm = threatModel.toJSON();
    expect(apgdAttack({ threatModel }).spec).toEqual({
      kind: 'apgd',
      options: { threatModel: tm, loss: 'cross-entropy', steps: 100, restarts: 1, rho: 0.75, seed: 0, eotIterations: 1, largeEpsilonSchedule: false },
    });
    expect(apgdAttack({ threatModel, loss: 'targeted-dlr', targetClasses: 3 }).spec!.options).toMatchObject({ loss: 'targeted-dlr', targetClasses: 3 });
    expect(squareAttack({ threatModel }).spec).toEqual({ kind: 'square', options: { threatModel: tm, queries: 5000, pInit: 0.8, rescaleSchedule: false, seed: 0 } });
    const fabDefaults = { threatModel: tm, steps: 100, restarts: 1, alphaMax: 0.1, eta: 1.05, beta: 0.9, seed: 0 };
    expect(fabAttack({ threatModel }).spec).toEqual({ kind: 'fab', options: fabDefaults });
    expect(fabTargetedAttack({ threatModel }).spec).toEqual({ kind: 'fab-targeted', options: fabDefaults });
    expect(fabTargetedAttack({ threatModel, targetClasses: 2 }).spec).toEqual({ kind: 'fab-targeted', options: { ...fabDefaults, targetClasses: 2 } });
    expect(Object.isFrozen(fabAttack({ threatModel }).spec!.options)).toBe(true);
  });

  it('rebuild attacks with identical outputs, after a JSON round trip too', () => {
    const mlp = new Mlp({ inputShape: [10], hiddenSizes: [8], numClasses: 3, seed: 6 });
    const linear = new LinearModel({ inputSize: 10, seed: 6 });
    const { x, y } = classBatch(4, 10, 3, 7);
    const yBin = tf.tensor1d([1, -1, -1, 1]);
    const l2 = new LpBall({ norm: 'l2', epsilon: 0.7, box: { min: 0, max: 1 } });
    const cases: [Attack, boolean][] = [
      [pgdAttack({ threatModel: l2, steps: 3, restarts: 2, seed: 3, loss: 'margin' }), false],
      [fgsmAttack({ threatModel, randomStart: true, stepSize: 0.125, seed: 9 }), false],
      [exactLinearAttack({ threatModel }), true],
      [apgdAttack({ threatModel: new LpBall({ norm: 'l1', epsilon: 1, box: { min: 0, max: 1 } }), steps: 5, restarts: 2, seed: 4, largeEpsilonSchedule: true }), false],
      [apgdAttack({ threatModel: l2, steps: 4, seed: 1 }), false],
      [squareAttack({ threatModel, queries: 20, seed: 5, image: { height: 2, width: 5, channels: 1 } }), false],
      [fabAttack({ threatModel: l2, steps: 5, restarts: 2, seed: 2 }), false],
      [fabTargetedAttack({ threatModel, steps: 5, targetClasses: 2, seed: 8 }), false],
    ];
    for (const [attack, binary] of cases) {
      const spec = attack.spec!;
      const viaJson = JSON.parse(JSON.stringify(spec)) as AttackSpec;
      expect(viaJson).toEqual(spec);
      const model = binary ? linear : mlp;
      const labels = binary ? yBin : y;
      for (const rebuilt of [attackFromSpec(spec), attackFromSpec(viaJson)]) {
        expect(rebuilt.name).toBe(attack.name);
        expect(rebuilt.spec).toEqual(spec);
        const want = take(attack.run(model, x, labels, { batchIndex: 2 }));
        expect(take(rebuilt.run(model, x, labels, { batchIndex: 2 }))).toEqual(want);
      }
    }
    tf.dispose([x, y, yBin]);
    mlp.dispose();
    linear.dispose();
  });

  it('rejects a bad spec naming attackFromSpec and the spec field', () => {
    expect(() => attackFromSpec(null as never)).toThrow(/attackFromSpec: spec must be an AttackSpec/);
    expect(() => attackFromSpec({ kind: 'cw' } as never)).toThrow(/attackFromSpec: spec\.kind must be one of "pgd", "fgsm", "exact-linear", "apgd", "square", "fab", "fab-targeted"/);
    expect(() => attackFromSpec({ kind: 'fab', options: { threatModel: { norm: 'linf', epsilon: 0.1, box: { min: 0, max: 1 } }, targetClasses: 2 } } as never)).toThrow(/spec\.options\.targetClasses is not an option of attackFromSpec; the options are threatModel, steps, restarts, alphaMax, eta, beta, seed/);
    expect(() => attackFromSpec({ kind: 'apgd', options: { threatModel: { norm: 'l1', epsilon: 1 }, steps: 4, largeEpsilonSchedule: true } })).toThrow(/^attackFromSpec: spec\.options\.steps needs/);
    const tm = threatModel.toJSON();
    expect(() => attackFromSpec({ kind: 'pgd', options: { threatModel: tm, steps: 0 } })).toThrow(/^attackFromSpec: spec\.options\.steps must be an integer >= 1, got 0/);
    expect(() => attackFromSpec({ kind: 'fgsm', options: { threatModel: { norm: 'linf', epsilon: -1 } } })).toThrow(/^attackFromSpec: spec\.options\.threatModel\.epsilon/);
    expect(() => attackFromSpec({ kind: 'fgsm', options: { threatModel: tm, steps: 3 } } as never)).toThrow(/spec\.options\.steps is not an option of attackFromSpec; the options are threatModel, stepSize/);
    expect(() => attackFromSpec({ kind: 'pgd', options: { threatModel: tm, onIterate: () => 0 } } as never)).toThrow(ArgumentError);
  });
});

describe('isAttack', () => {
  it('is true for objects with a name and a run function', () => {
    expect(isAttack(pgdAttack({ threatModel }))).toBe(true);
    expect(isAttack({ name: 'mine', run: () => null })).toBe(true);
    expect(isAttack({ run: () => null })).toBe(false);
    expect(isAttack({ name: 'x', run: 1 })).toBe(false);
    expect(isAttack(null)).toBe(false);
    expect(isAttack('pgd')).toBe(false);
  });
});
