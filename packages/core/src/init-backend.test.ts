import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { initBackend, AdvkitError, ArgumentError } from './index.js';

describe('initBackend', () => {
  it('gives a plain Node ESM program (no bundler) gradients on the wasm backend with SIMD', () => {
    // The fixture imports @advkit/core through its package exports (dist), exactly as a user's script would.
    const script = fileURLToPath(new URL('../test-fixtures/plain-node-gradient.mjs', import.meta.url));
    const out = execFileSync(process.execPath, [script], { encoding: 'utf8', cwd: fileURLToPath(new URL('..', import.meta.url)) });
    const result = JSON.parse(out.trim().split('\n').pop()!);
    expect(result.backend).toBe('wasm');
    expect(result.simd).toBe(true);
    expect(result.threads).toBe(1);
    // closed form 2*x*w = [1, -16, -6]; float32 arithmetic on small integers is exact.
    expect(result.grad).toEqual([1, -16, -6]);
  });

  it('sets up wasm in-process and computes a gradient that matches the closed form', async () => {
    const info = await initBackend();
    expect(info).toMatchObject({ backend: 'wasm', simd: true });
    expect(tf.getBackend()).toBe('wasm');
    const before = tf.memory().numTensors;
    const g = tf.tidy(() => tf.grad((v: tf.Tensor) => tf.mean(tf.exp(v)))(tf.tensor1d([0, 1])));
    // d/dv mean(exp v) = exp(v)/2; tolerance: float32 exp has ~1e-7 relative error.
    expect(Array.from(g.dataSync())).toEqual([expect.closeTo(0.5, 6), expect.closeTo(Math.E / 2, 6)]);
    g.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects a bad backend name with a typed error naming the argument', async () => {
    await expect(initBackend({ backend: 'webgl' as 'wasm' })).rejects.toSatisfy(
      (e: unknown) => ArgumentError.isInstance(e) && AdvkitError.isInstance(e) && /initBackend: options.backend must be one of/.test(String((e as Error).message)),
    );
  });
});
