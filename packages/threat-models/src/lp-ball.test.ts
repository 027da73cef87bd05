import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArgumentError, ShapeError, initBackend } from '@advkit/core';
import {
  LpBall,
  NORMS,
  linearMaximizer,
  lpBallContains,
  lpNorm,
  projectL1Ball,
  projectL2Ball,
  projectLinfBall,
  randomPointInBall,
  type Norm,
} from './index.js';

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

const BOX = { min: 0, max: 1 };
const PROJECT = { linf: projectLinfBall, l2: projectL2Ball, l1: projectL1Ball };

function same(a: tf.Tensor, b: tf.Tensor): void {
  expect(a.shape).toEqual(b.shape);
  expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
}

describe('LpBall', () => {
  it('holds its options, its dual norm, and round-trips through toJSON', () => {
    const ball = new LpBall({ norm: 'linf', epsilon: 0.3, box: BOX });
    expect([ball.norm, ball.epsilon, ball.box, ball.dualNormKind]).toEqual(['linf', 0.3, BOX, 'l1']);
    expect(Object.isFrozen(ball.box)).toBe(true);
    expect(new LpBall({ norm: 'l2', epsilon: 1 }).dualNormKind).toBe('l2');
    expect(new LpBall({ norm: 'l1', epsilon: 1 }).dualNormKind).toBe('linf');
    expect(new LpBall(ball.toJSON()).toJSON()).toEqual({ norm: 'linf', epsilon: 0.3, box: { min: 0, max: 1 } });
    expect(new LpBall({ norm: 'l2', epsilon: 0 }).toJSON()).toEqual({ norm: 'l2', epsilon: 0 });
  });

  it('rejects bad options with ArgumentErrors naming LpBall and the option', () => {
    for (const epsilon of [-0.1, Number.NaN, Infinity, '0.3']) {
      let err: unknown;
      try {
        new LpBall({ norm: 'l2', epsilon: epsilon as number });
      } catch (e) {
        err = e;
      }
      expect(ArgumentError.isInstance(err)).toBe(true);
      expect(err).toMatchObject({ fn: 'LpBall', argument: 'options.epsilon' });
      expect(String(err)).toMatch(/LpBall: options.epsilon must be a finite number >= 0/);
    }
    expect(() => new LpBall({ norm: 'L2' as Norm, epsilon: 1 })).toThrow(/LpBall: options.norm must be one of "linf", "l2", "l1", got "L2"/);
    expect(() => new LpBall({ norm: 'l2', epsilon: 1, box: { min: 1, max: 1 } })).toThrow(/LpBall: options.box must have min < max/);
    expect(() => new LpBall({ norm: 'l2', epsilon: 1, box: [0, 1] as never })).toThrow(/LpBall: options.box must be an object/);
    expect(() => new LpBall(undefined as never)).toThrow(ArgumentError);
  });

  it('methods equal the standalone functions, on [batch, 28, 28, 1] tensors, for every norm ± box', () => {
    const c = tf.randomUniform([6, 28, 28, 1], 0, 1, 'float32', 1);
    const x = tf.add(c, tf.randomNormal([6, 28, 28, 1], 0, 0.5, 'float32', 2));
    for (const norm of NORMS) {
      for (const box of [undefined, BOX]) {
        const ball = new LpBall({ norm, epsilon: 1.5, box });
        const pairs: [tf.Tensor, tf.Tensor][] = [
          [ball.lpNorm(x), lpNorm(x, norm)],
          [ball.dualNorm(x), lpNorm(x, ball.dualNormKind)],
          [ball.linearMaximizer(x), linearMaximizer(x, { norm, epsilon: 1.5 })],
          [ball.project(x, c), PROJECT[norm](x, c, { epsilon: 1.5, box })],
          [ball.randomPoint(c, { seed: 3 }), randomPointInBall(c, { norm, epsilon: 1.5, box, seed: 3 })],
        ];
        for (const [a, b] of pairs) same(a, b);
        expect(ball.contains(x, c)).toEqual(lpBallContains(x, c, { norm, epsilon: 1.5, box }));
        const p = ball.project(x, c);
        expect(ball.contains(p, c).every(Boolean)).toBe(true);
        tf.dispose([...pairs.flat(), p]);
      }
    }
    tf.dispose([x, c]);
  });

  it('leaves tf.memory().numTensors unchanged after every method (returned tensors disposed)', () => {
    const c = tf.fill([4, 10], 0.5);
    const x = tf.randomNormal([4, 10], 0.5, 1, 'float32', 5);
    for (const norm of NORMS) {
      for (const box of [undefined, BOX]) {
        const ball = new LpBall({ norm, epsilon: 0.2, box });
        const before = tf.memory().numTensors;
        const calls: Array<() => tf.Tensor | boolean[]> = [
          () => ball.lpNorm(x),
          () => ball.dualNorm(x),
          () => ball.linearMaximizer(x),
          () => ball.project(x, c),
          () => ball.randomPoint(c, { seed: 1 }),
          () => ball.contains(x, c),
          () => ball.contains(x, c, 1e-3),
        ];
        for (const call of calls) {
          const r = call();
          if (!Array.isArray(r)) {
            expect(tf.memory().numTensors).toBe(before + 1); // exactly the returned tensor
            r.dispose();
          }
          expect(tf.memory().numTensors).toBe(before);
        }
      }
    }
    tf.dispose([x, c]);
  });

  it('rejects bad tensors with typed errors naming the method', () => {
    const ball = new LpBall({ norm: 'l1', epsilon: 0.2, box: BOX });
    const x = tf.fill([2, 3], 0.5);
    const [wrong, outside, gone] = [tf.zeros([2, 4]), tf.fill([2, 3], 2), tf.zeros([2, 3])];
    gone.dispose();
    expect(() => ball.project(x, wrong)).toThrow(ShapeError);
    expect(() => ball.project(x, wrong)).toThrow(/LpBall.project: center must have the same shape as x \[2,3\], got \[2,4\]/);
    expect(() => ball.project(x, outside)).toThrow(/LpBall.project: center must lie inside the box/);
    expect(() => ball.project(gone, x)).toThrow(/LpBall.project: x is a disposed tensor/);
    expect(() => ball.lpNorm(gone)).toThrow(/LpBall.lpNorm: v is a disposed tensor/);
    expect(() => ball.linearMaximizer(gone)).toThrow(ArgumentError);
    expect(() => ball.contains(x, x, -1)).toThrow(/LpBall.contains: tolerance/);
    expect(() => ball.randomPoint(x, { seed: Number.NaN })).toThrow(/LpBall.randomPoint: options.seed/);
    expect(() => ball.randomPoint(outside, { seed: 1 })).toThrow(/LpBall.randomPoint: center must lie inside the box/);
    tf.dispose([x, wrong, outside]);
  });
});
