import * as tf from '@tensorflow/tfjs-core';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-cpu';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArgumentError, Rng, registerGradients, setValueChecks } from '@advkit/core';
import { LinearModel, Mlp, type Model } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { exactLinear, fgsm, pgd } from './index.js';

// #11 item 4: argument checks must not force a device read-back on every call on GPU backends. Without
// a GPU, a GPU backend is simulated: the cpu backend's kernels registered under the name 'webgl-test'
// (a name advkit does not count as keeping data in main memory), with every read-back of its data
// counted (`readSync`, which `dataSync` uses, and the async `read`).

const GPU_LIKE = 'webgl-test';
let reads = 0;

/** Makes every read-back of `b`'s data count. */
function countReads<B extends MathBackendCPU>(b: B): B {
  const readSync = b.readSync.bind(b);
  const read = b.read.bind(b);
  b.readSync = (dataId: object) => {
    reads++;
    return readSync(dataId);
  };
  b.read = (dataId: object) => {
    reads++;
    return read(dataId);
  };
  return b;
}

let cpuReadSync: MathBackendCPU['readSync'];
let cpuRead: MathBackendCPU['read'];

beforeAll(async () => {
  registerGradients();
  for (const k of tf.getKernelsForBackend('cpu')) tf.registerKernel({ ...k, backendName: GPU_LIKE });
  tf.registerBackend(GPU_LIKE, () => countReads(new MathBackendCPU()));
  // and the real cpu backend (whose reads are cheap), counted the same way
  expect(await tf.setBackend('cpu')).toBe(true);
  const cpu = tf.backend() as MathBackendCPU;
  cpuReadSync = cpu.readSync;
  cpuRead = cpu.read;
  countReads(cpu);
});

afterAll(async () => {
  setValueChecks('auto');
  await tf.setBackend('cpu');
  const cpu = tf.backend() as MathBackendCPU;
  cpu.readSync = cpuReadSync;
  cpu.read = cpuRead;
});

const BALL = new LpBall({ norm: 'linf', epsilon: 0.1, box: { min: 0, max: 1 } });

interface Batch {
  model: Model;
  x: tf.Tensor;
  y: tf.Tensor;
  nanX: tf.Tensor;
}

function batch(): Batch {
  const model = new Mlp({ inputShape: [12], hiddenSizes: [8], numClasses: 3, seed: 2 });
  const values = new Rng(9).fillUniform(new Float32Array(6 * 12), 0, 1);
  const x = tf.tensor2d(Float32Array.from(values), [6, 12]); // a copy: the cpu backend keeps the array
  values[5] = Number.NaN;
  return { model, x, y: tf.tensor1d([0, 1, 2, 0, 1, 2], 'int32'), nanX: tf.tensor2d(values, [6, 12]) };
}

function free(b: Batch): void {
  tf.dispose([b.x, b.y, b.nanX, ...(b.model.variables as tf.Variable[])]);
}

/** Reads made by `f` itself (the result's own read-back, by the test, is not counted). */
function readsOf(f: () => tf.Tensor | { xAdv: tf.Tensor; delta: tf.Tensor }): { reads: number; values: Float32Array } {
  reads = 0;
  const out = f();
  const n = reads;
  const t = out instanceof tf.Tensor ? out : out.xAdv;
  const values = Float32Array.from(t.dataSync() as Float32Array);
  tf.dispose(out instanceof tf.Tensor ? out : [out.xAdv, out.delta]);
  return { reads: n, values };
}

function runAll(b: Batch): Record<string, { reads: number; values: Float32Array }> {
  const linear = new LinearModel({ inputSize: 12, seed: 4 });
  const binary = tf.tensor1d([1, -1, 1, -1, 1, -1]);
  const target = tf.tensor1d([1, 2, 0, 1, 2, 0], 'int32');
  try {
    return {
      fgsm: readsOf(() => fgsm(b.model, b.x, b.y, { threatModel: BALL })),
      pgd: readsOf(() => pgd(b.model, b.x, b.y, { threatModel: BALL, steps: 3, randomStart: false })),
      'pgd-targeted': readsOf(() => pgd(b.model, b.x, b.y, { threatModel: BALL, steps: 3, randomStart: false, targeted: true, target })),
      exactLinear: readsOf(() => exactLinear(linear, b.x, binary, { threatModel: BALL })),
      'pgd-random-start': readsOf(() => pgd(b.model, b.x, b.y, { threatModel: BALL, steps: 3, seed: 1 })),
    };
  } finally {
    tf.dispose([binary, target, ...linear.variables]);
  }
}

describe('value checks on a GPU-like backend', () => {
  it('fgsm, pgd and exactLinear make no read-back there (pgd with a random start: one, for the seeded draw)', async () => {
    expect(await tf.setBackend(GPU_LIKE)).toBe(true);
    const b = batch();
    try {
      const r = runAll(b);
      expect(r.fgsm!.reads).toBe(0);
      expect(r.pgd!.reads).toBe(0);
      expect(r['pgd-targeted']!.reads).toBe(0);
      expect(r.exactLinear!.reads).toBe(0);
      // the random start is drawn in JS from the seed (the same draw on every backend): it reads x once
      expect(r['pgd-random-start']!.reads).toBe(1);
      // the cpu backend (same kernels, reads are cheap): same results, plus the checks' reads
      await tf.setBackend('cpu');
      const b2 = batch();
      try {
        const c = runAll(b2);
        for (const key of Object.keys(r)) expect(c[key]!.values, key).toEqual(r[key]!.values);
        expect(c.fgsm!.reads).toBeGreaterThan(0);
        expect(c.pgd!.reads).toBeGreaterThan(0);
        expect(c.exactLinear!.reads).toBeGreaterThan(0);
      } finally {
        free(b2);
      }
    } finally {
      free(b);
    }
  });

  it('so a NaN x is not detected there by default, and is an ArgumentError with setValueChecks("always")', async () => {
    await tf.setBackend(GPU_LIKE);
    const b = batch();
    try {
      const out = fgsm(b.model, b.nanX, b.y, { threatModel: BALL });
      out.dispose();
      expect(setValueChecks('always')).toBe('auto');
      expect(() => fgsm(b.model, b.nanX, b.y, { threatModel: BALL })).toThrow(ArgumentError);
      expect(() => pgd(b.model, b.nanX, b.y, { threatModel: BALL, randomStart: false })).toThrow(/^pgd: x must hold finite numbers/);
      const badY = tf.tensor1d([0, 1, 2, 0, 1, 7], 'int32');
      expect(() => pgd(b.model, b.x, badY, { threatModel: BALL })).toThrow(/^pgd: y must hold class indices 0..2, got 7 at index 5/);
      badY.dispose();
      reads = 0;
      fgsm(b.model, b.x, b.y, { threatModel: BALL }).dispose();
      expect(reads).toBeGreaterThan(0);
    } finally {
      setValueChecks('auto');
      free(b);
    }
  });

  it('on a backend that keeps data in main memory the checks run by default', async () => {
    await tf.setBackend('cpu');
    const b = batch();
    try {
      expect(() => fgsm(b.model, b.nanX, b.y, { threatModel: BALL })).toThrow(/^fgsm: x must hold finite numbers/);
      const badY = tf.tensor1d([0, 1, 2, 0, 1, -1], 'int32');
      expect(() => fgsm(b.model, b.x, badY, { threatModel: BALL })).toThrow(/^fgsm: y must hold class indices/);
      badY.dispose();
    } finally {
      free(b);
    }
  });
});
