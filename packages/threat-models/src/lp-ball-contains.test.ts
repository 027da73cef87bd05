import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArgumentError, ShapeError, initBackend } from '@advkit/core';
import { lpBallContains, projectLinfBall, projectL2Ball, NORMS } from './index.js';

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

describe('lpBallContains', () => {
  it('tests each example against ‖x − c‖_p ≤ ε (closed form)', () => {
    // Rows: (0.5, 0) has norms ∞ 0.5 / 2 0.5 / 1 0.5; (0.375, 0.375): 0.375 / 0.53 / 0.75; (0.6, 0): 0.6.
    const x = tf.tensor2d([[0.5, 0], [0.375, 0.375], [0.6, 0]]);
    const c = tf.zeros([3, 2]);
    const before = tf.memory().numTensors;
    expect(lpBallContains(x, c, { norm: 'linf', epsilon: 0.5 })).toEqual([true, true, false]);
    expect(lpBallContains(x, c, { norm: 'l2', epsilon: 0.5 })).toEqual([true, false, false]);
    expect(lpBallContains(x, c, { norm: 'l1', epsilon: 0.5 })).toEqual([true, false, false]);
    expect(lpBallContains(x, c, { norm: 'l1', epsilon: 0.5, tolerance: 0.3 })).toEqual([true, true, true]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, c]);
  });

  it('checks the box, and calls NaN outside', () => {
    const x = tf.tensor2d([[0.5, 1.25], [Number.NaN, 0], [0.5, 0.5]]);
    const c = tf.fill([3, 2], 0.5);
    for (const n of NORMS) expect(lpBallContains(x, c, { norm: n, epsilon: 1, box: { min: 0, max: 1 } })).toEqual([false, false, true]);
    tf.dispose([x, c]);
  });

  it('by default accepts the float32 rounding of a tfjs projection, at pixel scale 0..255 too', () => {
    const c = tf.randomUniform([50, 20], 0, 255, 'float32', 2);
    const x = tf.add(c, tf.randomNormal([50, 20], 0, 30, 'float32', 3));
    const zi = projectLinfBall(x, c, { epsilon: 8.3 });
    const z2 = projectL2Ball(x, c, { epsilon: 8.3 });
    expect(lpBallContains(zi, c, { norm: 'linf', epsilon: 8.3 }).every(Boolean)).toBe(true);
    expect(lpBallContains(z2, c, { norm: 'l2', epsilon: 8.3 }).every(Boolean)).toBe(true);
    // …and rejects a point one part in 10⁴ outside.
    const out = tf.add(c, tf.fill([50, 20], 8.3 * 1.0001));
    expect(lpBallContains(out, c, { norm: 'linf', epsilon: 8.3 }).some(Boolean)).toBe(false);
    tf.dispose([c, x, zi, z2, out]);
  });

  it('rejects bad arguments with typed errors', () => {
    const x = tf.zeros([2, 2]);
    const y = tf.zeros([2, 3]);
    expect(() => lpBallContains(x, y, { norm: 'l2', epsilon: 1 })).toThrow(ShapeError);
    expect(() => lpBallContains(x, x, { norm: 'l2', epsilon: 1, tolerance: -1 })).toThrow(/lpBallContains: options.tolerance/);
    expect(() => lpBallContains(x, x, { norm: 'l2', epsilon: 1, box: { min: 0, max: 0 } })).toThrow(ArgumentError);
    tf.dispose([x, y]);
  });
});
