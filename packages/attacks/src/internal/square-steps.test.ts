import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, Rng } from '@advkit/core';
import { projectL1Ball } from '@advkit/threat-models';
import { projectL1Rows } from './apgd-l1.js';
import { squareSteps, type SquareSettings } from './square-steps.js';

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

const K = 3;
const settings = (over: Partial<SquareSettings>): SquareSettings => ({ norm: 'l1', epsilon: 10, lo: 0, hi: 1, queries: 30, pInit: 0.8, rescaleSchedule: false, seed: 0, height: 28, width: 28, channels: 1, ...over });

/**
 * Runs squareSteps with `score(row, i)` giving the logits of one row (`i` its example, found from its
 * centre: example i's image is constant (i + 1)/10, and ‖δ‖₁ ≤ ε moves the row mean by at most ε/d).
 * Returns the outcome and every scored batch after the clean one (copied) with its example indices.
 */
function run(n: number, s: SquareSettings, score: (row: Float32Array, i: number, call: number) => number[]) {
  const d = s.height * s.width * s.channels;
  const x = new Float32Array(n * d);
  for (let i = 0; i < n; i++) x.fill((i + 1) / 10, i * d, (i + 1) * d);
  const y = new Int32Array(n); // class 0
  const gen = squareSteps(x, y, n, K, s);
  const batches: { x: Float32Array; ex: number[] }[] = [];
  let step = gen.next();
  let call = 0;
  while (!step.done) {
    const { x: xs, n: rows } = step.value;
    const logits: number[] = [];
    const ex: number[] = [];
    for (let r = 0; r < rows; r++) {
      const row = xs.subarray(r * d, (r + 1) * d);
      const i = Math.round(row.reduce((a, v) => a + v, 0) / d * 10) - 1;
      ex.push(i);
      logits.push(...score(row, i, call));
    }
    if (call > 0) batches.push({ x: Float32Array.from(xs), ex });
    call++;
    step = gen.next(logits);
  }
  return { x, d, out: step.value, batches };
}

describe('squareSteps on an L1 ball (the reference SquareAttack, norm L1)', () => {
  it('scores only points of B₁(x, ε(1 − 10⁻⁶)) ∩ [0, 1]^d, the start and every proposal', () => {
    // a margin that never drops: nothing is accepted, every proposal comes from the start point
    const { x, d, batches } = run(3, settings({ queries: 20 }), () => [1, 0, 0]);
    expect(batches.length).toBe(1 + 20 + 1); // start, 20 iterations, the final check
    let maxL1 = 0;
    let outside = 0;
    for (const b of batches) {
      b.ex.forEach((i, r) => {
        let l1 = 0;
        for (let j = 0; j < d; j++) {
          const v = b.x[r * d + j]!;
          if (!(v >= 0 && v <= 1)) outside++;
          l1 += Math.abs(v - x[i * d + j]!);
        }
        maxL1 = Math.max(maxL1, l1);
      });
    }
    expect(outside).toBe(0);
    // the projection rounds each coordinate toward the centre, so the float32 points stay inside;
    // the start's 25 tiles of unit L1 mass (‖δ‖₁ = 25 > ε) are projected onto the sphere
    expect(maxL1).toBeLessThanOrEqual(10 * (1 - 1e-6) * (1 + 1e-12));
    expect(maxL1).toBeGreaterThan(10 * (1 - 1e-6) - 1e-4);
  });

  it('keeps a proposal only on a strictly lower margin or a margin ≤ 0, and queries only examples with margin > 0', () => {
    // example 0: misclassified (margin −1) from the 3rd iteration's proposal on; example 1: margin 1
    // always (ties are not accepted); example 2: margin 0 at the start, so it gets no query at all
    const { out, batches } = run(3, settings({ queries: 8 }), (_row, i, call) => {
      if (i === 0) return call >= 4 ? [0, 1, 0] : [1, 0, 0];
      if (i === 1) return [1, 0, 0];
      return call === 1 ? [1, 1, 0] : [1, 0, 0];
    });
    // batches: the start (3 rows), iterations 1–3 on examples 0 and 1, then 4–8 on example 1 alone,
    // the final check (3 rows)
    expect(batches.map((b) => b.ex)).toEqual([[0, 1, 2], [0, 1], [0, 1], [0, 1], [1], [1], [1], [1], [1], [0, 1, 2]]);
    expect(Array.from(out.queries)).toEqual([4, 9, 1]); // the reference's n_queries: 1 for the start, +1 per iteration attacked
    // example 0 is broken by its accepted proposal; 2 stays robust (its clean prediction is class 0,
    // as the final check's [1, 0, 0] says)
    expect(Array.from(out.robust)).toEqual([0, 1, 1]);
  });
});

describe('squareSteps acceptance', () => {
  it('does not accept a tie: every proposal is built from the start while the margin stays the same', () => {
    // rescaled over 40 queries, the last iterations have p = 0.8/512 and 3×3 windows; margin 1 (a tie)
    // until the last proposal, which misclassifies. Not accepting ties leaves the last proposal equal to
    // the start outside its two 3×3 windows, up to the projection's shift (the start lies on the sphere,
    // so the L1 mass to remove is ≈ ε·10⁻⁶); measured: no pixel moved by more than 10⁻³. Accepting ties
    // (`<=` for `<`) chains the 39 earlier proposals, windows of 25×25 down to 3×3: 315 pixels moved.
    const q = 40;
    const { d, out, batches } = run(1, settings({ queries: q, rescaleSchedule: true }), (_row, _i, call) => (call >= q + 1 ? [0, 1, 0] : [1, 0, 0]));
    expect(Array.from(out.robust)).toEqual([0]);
    const start = batches[0]!.x;
    let moved = 0;
    for (let j = 0; j < d; j++) if (Math.abs(out.xAdv[j]! - start[j]!) > 1e-3) moved++;
    expect(moved).toBeLessThanOrEqual(2 * 3 * 3);
  });
});

describe('projectL1Rows', () => {
  it('equals projectL1Ball row by row, bit for bit, and leaves no tensors', () => {
    const rng = new Rng(3);
    const n = 5;
    const d = 200;
    const c = rng.fillUniform(new Float32Array(n * d), 0, 1);
    const p = Float32Array.from(c, (v) => v + (rng.float() - 0.5) * 0.4);
    const before = tf.memory().numTensors;
    const got = projectL1Rows(p, c, n, 3, 0, 1);
    expect(tf.memory().numTensors).toBe(before);
    const pt = tf.tensor2d(p, [n, d]);
    const ct = tf.tensor2d(c, [n, d]);
    const wt = projectL1Ball(pt, ct, { epsilon: 3, box: { min: 0, max: 1 } });
    expect(Array.from(got)).toEqual(Array.from(wt.dataSync()));
    tf.dispose([pt, ct, wt]);
  });
});
