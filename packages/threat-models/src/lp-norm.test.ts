import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArgumentError, initBackend } from '@advkit/core';
import { dualNormOf, lpNorm, NORMS, type Norm } from './index.js';

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

describe('lpNorm', () => {
  it('is taken per example over every non-batch axis (closed form)', () => {
    // Example 0: (3, -4, 0, 12) → ‖·‖∞ 12, ‖·‖₂ 13, ‖·‖₁ 19. Example 1: zeros.
    const v = tf.tensor3d([[[3, -4], [0, 12]], [[0, 0], [0, 0]]]);
    const before = tf.memory().numTensors;
    const expected: Record<Norm, number[]> = { linf: [12, 0], l2: [13, 0], l1: [19, 0] };
    for (const n of NORMS) {
      const r = lpNorm(v, n);
      expect(r.shape).toEqual([2]);
      expect(Array.from(r.dataSync())).toEqual(expected[n]);
      r.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
    v.dispose();
  });

  it('treats a rank-1 tensor as a batch of scalars', () => {
    const v = tf.tensor1d([-2, 3]);
    const r = lpNorm(v, 'l2');
    expect(Array.from(r.dataSync())).toEqual([2, 3]);
    tf.dispose([v, r]);
  });

  it('rejects bad arguments with typed errors', () => {
    const v = tf.ones([2, 2]);
    expect(() => lpNorm(v, 'l0' as Norm)).toThrow(/lpNorm: norm must be one of/);
    expect(() => lpNorm(undefined as never, 'l2')).toThrow(ArgumentError);
    v.dispose();
  });
});

describe('dualNormOf', () => {
  it('pairs L∞ with L1 and L2 with itself', () => {
    expect(dualNormOf('linf')).toBe('l1');
    expect(dualNormOf('l2')).toBe('l2');
    expect(dualNormOf('l1')).toBe('linf');
    expect(() => dualNormOf('lp' as Norm)).toThrow(ArgumentError);
  });
});
