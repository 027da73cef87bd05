import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArgumentError, ShapeError, initBackend } from '@advkit/core';
import { projectLinfBall } from './index.js';
import { ternaryLinf } from './test-utils/brute-force.js';
import { checkProjectionProperties } from './test-utils/projection-properties.js';

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

const BOX = { min: 0, max: 1 };

function project(x: number[][], c: number[][], epsilon: number, box?: { min: number; max: number }): number[][] {
  const [xt, ct] = [tf.tensor2d(x), tf.tensor2d(c)];
  const z = projectLinfBall(xt, ct, { epsilon, box });
  const out = z.arraySync() as number[][];
  tf.dispose([xt, ct, z]);
  return out;
}

describe('projectLinfBall', () => {
  it('clips coordinatewise (closed form)', () => {
    expect(project([[2, -3, 0.25]], [[0, 0, 0]], 0.5)[0]).toEqual([0.5, -0.5, 0.25]);
    // With a box: bounds max(c − ε, lo) = (0.625, 0, 0.25) and min(c + ε, hi) = (1, 0.25, 0.75).
    expect(project([[2, -1, 0.5]], [[0.875, 0.125, 0.5]], 0.25, BOX)[0]).toEqual([1, 0, 0.5]);
    expect(project([[4, -2]], [[1, 1]], 0)[0]).toEqual([1, 1]);
  });

  const cases = [
    { name: 'without a box', box: undefined },
    { name: 'with the box [0, 1]', box: BOX },
    { name: 'with the box [-0.5, 2]', box: { min: -0.5, max: 2 } },
  ];
  for (const { name, box } of cases) {
    it(`${name}: feasible, equal to per-coordinate ternary search, variational inequality, idempotent (600 cases)`, () => {
      const before = tf.memory().numTensors;
      const report = checkProjectionProperties({
        norm: 'linf',
        box,
        project: (x, c, epsilon) => projectLinfBall(x, c, { epsilon, box }),
        reference: (v, eps, bd) => ternaryLinf(v, eps, bd),
        // c ± ε is rounded to float32: half an ulp of |c| + ε, plus ε's own rounding (2⁻²² covers both).
        feasibilitySlack: (eps, cMax) => 2 ** -22 * (eps + cMax),
        seed: box === undefined ? 31 : box.min === 0 ? 32 : 33,
      });
      expect(report.failures).toEqual([]);
      expect(report.cases).toBe(600);
      expect(tf.memory().numTensors).toBe(before);
    });
  }

  it('works on [batch, 28, 28, 1] image batches and leaks nothing', () => {
    const x = tf.randomUniform([4, 28, 28, 1], -1, 2, 'float32', 3);
    const c = tf.randomUniform([4, 28, 28, 1], 0, 1, 'float32', 4);
    const before = tf.memory().numTensors;
    const z = projectLinfBall(x, c, { epsilon: 0.1, box: BOX });
    expect(tf.memory().numTensors).toBe(before + 1);
    expect(z.shape).toEqual([4, 28, 28, 1]);
    const [zs, xs, cs] = [z.dataSync(), x.dataSync(), c.dataSync()];
    const eps = Math.fround(0.1);
    const mismatches = Array.from(zs).filter((zi, i) => {
      // c + clip(x − c, −ε, ε), then clip to [0, 1]: the same float32 arithmetic, done in JS.
      const d = Math.min(Math.max(Math.fround(xs[i]! - cs[i]!), -eps), eps);
      return zi !== Math.min(Math.max(Math.fround(cs[i]! + d), 0), 1);
    });
    expect(mismatches).toEqual([]);
    tf.dispose([x, c, z]);
  });

  it('rejects bad arguments with typed errors', () => {
    const x = tf.zeros([2, 3]);
    const [c, outside] = [tf.zeros([2, 1, 3]), tf.fill([2, 3], 1.5)];
    expect(() => projectLinfBall(x, c, { epsilon: 1 })).toThrow(ShapeError);
    expect(() => projectLinfBall(x, x, { epsilon: -0.1 })).toThrow(ArgumentError);
    expect(() => projectLinfBall(x, outside, { epsilon: 0.1, box: BOX })).toThrow(/projectLinfBall: center must lie inside the box \[0, 1\].*got values in \[1.5, 1.5\]/);
    expect(() => projectLinfBall(x, x, undefined as never)).toThrow(/options.epsilon/);
    expect(() => projectLinfBall([[1]] as never, x, { epsilon: 1 })).toThrow(/projectLinfBall: x must be a tf.Tensor/);
    tf.dispose([x, c, outside]);
  });

  it('checks the centre against the box on every call: a range read once per tensor, re-read for a Variable', () => {
    const box = { min: 0, max: 1 };
    const x = tf.tensor2d([[0.5, 0.5]]);
    const inside = tf.tensor2d([[0.2, 0.9]]);
    const outside = tf.tensor2d([[0.2, 1.5]]);
    for (let i = 0; i < 3; i++) {
      tf.dispose(projectLinfBall(x, inside, { epsilon: 0.1, box }));
      expect(() => projectLinfBall(x, outside, { epsilon: 0.1, box })).toThrow(ArgumentError);
    }
    const v = tf.variable(tf.tensor2d([[0.2, 0.9]]));
    tf.dispose(projectLinfBall(x, v, { epsilon: 0.1, box }));
    v.assign(tf.tensor2d([[0.2, 1.5]]));
    expect(() => projectLinfBall(x, v, { epsilon: 0.1, box })).toThrow(/outside the box|must lie in/);
    tf.dispose([x, inside, outside, v]);
  });
});
