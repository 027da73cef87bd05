import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ArgumentError, initBackend } from '@advkit/core';
import {
  LpBall,
  NORMS,
  checkBallCenter,
  lpBallContains,
  projectL1Ball,
  projectL2Ball,
  projectLinfBall,
  randomPointInBall,
  type Box,
  type Norm,
} from './index.js';

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

const BOX = { min: 0, max: 1 };
const PROJECT = { linf: projectLinfBall, l2: projectL2Ball, l1: projectL1Ball };

/** The error `f` throws (fails the test when it throws nothing). */
function thrown(f: () => unknown): ArgumentError {
  let result: unknown;
  try {
    result = f();
  } catch (e) {
    expect(ArgumentError.isInstance(e), `expected an ArgumentError, got ${String(e)}`).toBe(true);
    return e as ArgumentError;
  }
  tf.dispose(result as tf.Tensor);
  throw new Error('expected a throw');
}

describe('a centre holding NaN or ±Infinity', () => {
  const calls = (norm: Norm, box: Box | undefined): [string, (x: tf.Tensor, c: tf.Tensor) => unknown][] => {
    const ball = new LpBall(box === undefined ? { norm, epsilon: 0.1 } : { norm, epsilon: 0.1, box });
    const project = PROJECT[norm];
    return [
      ['LpBall.project', (x, c) => ball.project(x, c)],
      ['LpBall.randomPoint', (_x, c) => ball.randomPoint(c, { seed: 1 })],
      ['LpBall.contains', (x, c) => ball.contains(x, c)],
      [project.name, (x, c) => project(x, c, { epsilon: 0.1, box })],
      ['randomPointInBall', (_x, c) => randomPointInBall(c, { norm, epsilon: 0.1, box, seed: 1 })],
      ['lpBallContains', (x, c) => lpBallContains(x, c, { norm, epsilon: 0.1, box })],
    ];
  };

  it('is an ArgumentError on center naming the public function, for every norm, box and method; frees everything', () => {
    let count = 0;
    for (const norm of NORMS) {
      for (const box of [undefined, BOX]) {
        for (const [bad, what] of [[Number.NaN, /got NaN$/], [Infinity, /got values in \[0\.5, Infinity\]$/], [-Infinity, /got values in \[-Infinity, 0\.5\]$/]] as const) {
          for (const [fn, call] of calls(norm, box)) {
            // a fresh centre per call: each call must find it on its own, not through another's cache
            const x = tf.fill([2, 3], 0.5);
            const c = tf.tensor2d([[0.5, 0.5, 0.5], [0.5, bad, 0.5]]);
            const before = tf.memory().numTensors;
            const err = thrown(() => call(x, c));
            expect(tf.memory().numTensors, `${fn} ${norm} leaked`).toBe(before);
            expect([err.fn, err.argument]).toEqual([fn, 'center']);
            expect(err.message).toMatch(new RegExp(`^${fn.replace('.', '\\.')}: center must hold finite numbers \\(it is the centre of the ball\\), `));
            expect(err.message).toMatch(what);
            tf.dispose([x, c]);
            count++;
          }
        }
      }
    }
    expect(count).toBe(3 * 2 * 3 * 6);
  });

  it('in x (not the centre) is not an error: contains says "outside", project passes NaN through', () => {
    const ball = new LpBall({ norm: 'l2', epsilon: 0.1 });
    const c = tf.fill([1, 2], 0.5);
    const x = tf.tensor2d([[Number.NaN, 0.5]]);
    expect(ball.contains(x, c)).toEqual([false]);
    const p = ball.project(x, c);
    expect(Number.isNaN(p.dataSync()[0]!)).toBe(true);
    tf.dispose([c, x, p]);
  });
});

describe('checkBallCenter', () => {
  it('returns a finite centre inside the box, and names the caller and argument otherwise', () => {
    const good = tf.fill([2, 2], 0.25);
    const outside = tf.fill([2, 2], 1.5);
    const nan = tf.tensor2d([[0, Number.NaN]]);
    expect(checkBallCenter(good, BOX, 'pgd', 'x')).toBe(good);
    expect(checkBallCenter(outside, undefined, 'pgd', 'x')).toBe(outside);
    expect(thrown(() => checkBallCenter(outside, BOX, 'pgd', 'x')).message).toBe(
      "pgd: x must lie inside the box [0, 1] (the ball's centre must be a valid input), got values in [1.5, 1.5]. If the model expects normalised inputs, keep x and ε in pixel units and put the normalisation inside the model (withPreprocessing from @advkit/models): attacking normalised data with the box removed understates robust error",
    );
    expect(thrown(() => checkBallCenter(nan, undefined, 'exactLinear', 'x')).message).toBe(
      'exactLinear: x must hold finite numbers (it is the centre of the ball), got NaN',
    );
    expect(thrown(() => checkBallCenter([1, 2], BOX, 'pgd', 'x')).message).toMatch(/^pgd: x must be a tf.Tensor/);
    expect(thrown(() => checkBallCenter(good, { min: 1, max: 0 }, 'pgd', 'x')).message).toMatch(/^pgd: box must have min < max/);
    tf.dispose([good, outside, nan]);
  });

  it('reads a tensor back once (later checks and projections around it read nothing), a Variable every time', () => {
    const reads = vi.spyOn(tf.backend(), 'readSync');
    const c = tf.fill([3, 4], 0.5);
    const x = tf.fill([3, 4], 0.9);
    checkBallCenter(c, BOX, 'f');
    expect(reads).toHaveBeenCalledTimes(1);
    checkBallCenter(c, BOX, 'f');
    for (const norm of ['linf', 'l2'] as const) tf.dispose(PROJECT[norm](x, c, { epsilon: 0.1 })); // the tfjs paths
    tf.dispose(projectLinfBall(x, c, { epsilon: 0.1, box: BOX }));
    expect(reads).toHaveBeenCalledTimes(1);
    // an unchecked centre costs the L2 path (no box) one read-back, once
    const fresh = tf.fill([3, 4], 0.25);
    for (let i = 0; i < 3; i++) tf.dispose(projectL2Ball(x, fresh, { epsilon: 0.1 }));
    expect(reads).toHaveBeenCalledTimes(2);
    reads.mockRestore();
    const v = tf.variable(tf.fill([1, 2], 0.5));
    checkBallCenter(v, BOX, 'f');
    v.assign(tf.tensor2d([[0.5, Number.NaN]]));
    expect(thrown(() => checkBallCenter(v, BOX, 'f')).message).toMatch(/f: center must hold finite numbers/);
    tf.dispose([c, x, fresh, v]);
  });
});

describe('option keys and seeds', () => {
  it('refuses unknown option keys, suggesting the closest valid one', () => {
    const c = tf.fill([1, 2], 0.5);
    expect(thrown(() => new LpBall({ norm: 'linf', epsilom: 0.1 } as never)).message).toBe(
      'LpBall: options.epsilom is not an option of LpBall; did you mean epsilon?',
    );
    expect(thrown(() => projectL2Ball(c, c, { epsilon: 0.1, bx: BOX } as never)).message).toBe(
      'projectL2Ball: options.bx is not an option of projectL2Ball; did you mean box?',
    );
    expect(thrown(() => randomPointInBall(c, { norm: 'l1', epsilon: 0.1, seed: 1, seeed: 2 } as never)).argument).toBe('options.seeed');
    expect(thrown(() => lpBallContains(c, c, { norm: 'l1', epsilon: 0.1, tolerence: 0 } as never)).message).toMatch(/did you mean tolerance\?$/);
    expect(thrown(() => new LpBall({ norm: 'l2', epsilon: 1 }).randomPoint(c, { seed: 1, restarts: 2 } as never)).message).toBe(
      'LpBall.randomPoint: options.restarts is not an option of LpBall.randomPoint; the options are seed',
    );
    tf.dispose(c);
  });

  it('copies a ball with a spread (the dual norm is a getter, not an option)', () => {
    const ball = new LpBall({ norm: 'l1', epsilon: 0.1 });
    const wider = new LpBall({ ...ball, epsilon: 0.2 });
    expect([wider.norm, wider.epsilon, wider.dualNormKind]).toEqual(['l1', 0.2, 'linf']);
  });

  it('takes seeds in [0, 2^32) only', () => {
    const c = tf.fill([1, 2], 0.5);
    const ball = new LpBall({ norm: 'linf', epsilon: 0.1 });
    for (const seed of [0.9, -1, 4294967296, 4294967297, Number.NaN]) {
      expect(thrown(() => ball.randomPoint(c, { seed })).message).toMatch(/^LpBall.randomPoint: options.seed must be an integer in \[0, 2\^32\)/);
      expect(thrown(() => randomPointInBall(c, { norm: 'l2', epsilon: 0.1, seed })).message).toMatch(/^randomPointInBall: options.seed must be an integer/);
    }
    const top = ball.randomPoint(c, { seed: 4294967295 });
    expect(ball.contains(top, c)).toEqual([true]);
    tf.dispose([c, top]);
  });
});
