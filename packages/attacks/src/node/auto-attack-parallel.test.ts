import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArgumentError, initBackend } from '@advkit/core';
import type { Mlp } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { autoAttack, blackBoxModel, type AutoAttackResult, type AutoAttackState } from '../index.js';
import { autoAttackFixture } from '../test-utils/auto-attack-fixture.js';

// autoAttackParallel starts compiled worker files (dist/node/auto-attack-worker.js) that plain Node
// loads, so this test runs the BUILT entry point (build first); the single-process runs use the sources.
type NodeEntry = typeof import('./index.js');
let autoAttackParallel: NodeEntry['autoAttackParallel'];

// As auto-attack-resume.test.ts: two attacks break examples; 4 batches of 10, so 2 shards of 2 batches.
const options = { threatModel: new LpBall({ norm: 'linf', epsilon: 0.2, box: { min: 0, max: 1 } }), version: ['apgd-ce', 'apgd-t', 'fab-t', 'square'] as const, batchSize: 10, seed: 0 };

let model: Mlp;
let x: tf.Tensor2D;
let y: tf.Tensor1D;
let want: AutoAttackResult;
let wantX: Uint32Array;

const bits = (t: tf.Tensor): Uint32Array => {
  const a = t.dataSync() as Float32Array;
  return new Uint32Array(a.buffer, a.byteOffset, a.length);
};
function expectSame(got: AutoAttackResult): void {
  expect(got.robust).toEqual(want.robust);
  expect(got.brokenBy).toEqual(want.brokenBy);
  expect(got.robustError).toBe(want.robustError);
  expect(got.cleanError).toBe(want.cleanError);
  expect(got.robustAccuracyAfter.map((a) => [a.attack, a.robustAccuracy])).toEqual(want.robustAccuracyAfter.map((a) => [a.attack, a.robustAccuracy]));
  expect(got.warnings).toEqual(want.warnings);
  expect(bits(got.xAdv)).toEqual(wantX);
}

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
  ({ autoAttackParallel } = (await import(/* @vite-ignore */ new URL('../../dist/node/index.js', import.meta.url).href)) as NodeEntry);
  ({ model, x, y } = autoAttackFixture());
  want = await autoAttack(model, x, y, { ...options, version: [...options.version] });
  wantX = bits(want.xAdv);
  expect(new Set(want.brokenBy).size).toBeGreaterThanOrEqual(4); // clean, apgd-ce, apgd-t, null
}, 600_000);

afterAll(() => {
  tf.dispose([x, y, want.xAdv]);
  model.dispose();
});

describe('autoAttackParallel', () => {
  it('with 2 workers gives the single-process result bit for bit (shards concatenated), and frees its tensors', async () => {
    const before = tf.memory().numTensors;
    const states: AutoAttackState[] = [];
    const progress: number[] = [];
    const res = await autoAttackParallel(model, x, y, { ...options, version: [...options.version], workers: 2, checkpoint: (s) => void states.push(s), onProgress: (p) => progress.push(p.batch) });
    expect(tf.memory().numTensors).toBe(before + 1);
    expectSame(res);
    res.xAdv.dispose();
    expect(states[0]!.shards.map((s) => [s.start, s.end])).toEqual([[0, 20], [20, 40]]);
    expect(Math.max(...progress)).toBe(4); // batches of an attack over both shards
  });

  it('a parallel run stopped part-way resumes in one thread (and a one-thread state in workers) to the same result', async () => {
    const ctrl = new AbortController();
    let last: AutoAttackState | undefined;
    let saves = 0;
    const err = await autoAttackParallel(model, x, y, {
      ...options,
      version: [...options.version],
      workers: 2,
      signal: ctrl.signal,
      checkpoint: (s) => {
        last = s;
        if (++saves === 5) ctrl.abort(new Error('stop'));
      },
    }).catch((e: unknown) => e);
    expect(String(err)).toMatch(/stop/);
    expect(last!.shards.some((s) => s.next.attack < 4)).toBe(true);
    const before = tf.memory().numTensors;
    const res = await autoAttack(model, x, y, { ...options, version: [...options.version], resumeFrom: last! });
    expect(tf.memory().numTensors).toBe(before + 1);
    expectSame(res);
    res.xAdv.dispose();

    const ctrl2 = new AbortController();
    let one: AutoAttackState | undefined;
    await autoAttack(model, x, y, { ...options, version: [...options.version], signal: ctrl2.signal, checkpoint: (s) => { one = s; if (s.shards[0]!.next.attack === 1) ctrl2.abort(new Error('stop')); } }).catch(() => undefined);
    const res2 = await autoAttackParallel(model, x, y, { ...options, version: [...options.version], workers: 2, resumeFrom: one! });
    expectSame(res2);
    res2.xAdv.dispose();
  });

  it('throws typed errors for bad workers, a black-box model, a relative modelFactory', async () => {
    await expect(autoAttackParallel(model, x, y, { ...options, version: [...options.version], workers: 0 })).rejects.toThrow(/autoAttackParallel: options.workers/);
    const bb = blackBoxModel({ inputShape: [400], numOutputs: 10, predict: () => new Float32Array(400) });
    const e = await autoAttackParallel(bb as never, x, y, { ...options, version: ['square'] }).catch((z: unknown) => z);
    expect(ArgumentError.isInstance(e)).toBe(true);
    expect(e).toMatchObject({ fn: 'autoAttackParallel', argument: 'model' });
    await expect(autoAttackParallel(model, x, y, { ...options, version: [...options.version], modelFactory: { module: './m.js' } })).rejects.toThrow(/autoAttackParallel: options.modelFactory.module must not be relative/);
  });
});
