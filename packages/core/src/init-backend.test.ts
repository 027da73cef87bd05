import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import '@tensorflow/tfjs-backend-cpu';
import { initBackend, ArgumentError, BackendError } from './index.js';

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

  it('rejects a backend name that is not a string with a typed error naming the argument', async () => {
    await expect(initBackend({ backend: 42 as unknown as 'wasm' })).rejects.toSatisfy(
      (e: unknown) => ArgumentError.isInstance(e) && /^initBackend: options.backend must be a backend name/.test(String((e as Error).message)),
    );
  });

  it('says which backends are registered when the name is not, and how to register a known one', async () => {
    const unknown = await initBackend({ backend: 'no-such-backend' }).catch((e: unknown) => e);
    expect(BackendError.isInstance(unknown)).toBe(true);
    expect(String((unknown as Error).message)).toMatch(/^initBackend: no tfjs backend named "no-such-backend" is registered \(registered: .*wasm.*\)$/);
    // webgl is a known name: in Node its package is not installed here, so the import fails and says so
    const webgl = await initBackend({ backend: 'webgl' }).catch((e: unknown) => e);
    expect(BackendError.isInstance(webgl)).toBe(true);
    expect(String((webgl as Error).message)).toMatch(/^initBackend: could not import @tensorflow\/tfjs-backend-webgl for the webgl backend \(registered: .*\); install it/);
    expect(tf.getBackend()).toBe('wasm'); // nothing changed
  });

  it('selects any registered backend, e.g. a custom one, and reports whether value checks read back there', async () => {
    tf.registerBackend('custom-test', tf.findBackendFactory('cpu')); // the cpu backend under another name
    try {
      const info = await initBackend({ backend: 'custom-test' });
      expect(info).toEqual({ backend: 'custom-test', readsAreCheap: false, simd: false, threads: 1 });
      expect(tf.getBackend()).toBe('custom-test');
      expect(await initBackend({ backend: 'cpu' })).toEqual({ backend: 'cpu', readsAreCheap: true, simd: false, threads: 1 });
    } finally {
      await initBackend({ backend: 'wasm' });
      tf.removeBackend('custom-test');
    }
  });

  it('turns a backend whose factory throws into a BackendError', async () => {
    tf.registerBackend('broken-test', () => {
      throw new Error('no device');
    });
    try {
      const e = await initBackend({ backend: 'broken-test' }).catch((err: unknown) => err);
      expect(BackendError.isInstance(e)).toBe(true);
      expect(String((e as Error).message)).toMatch(/^initBackend: the broken-test backend failed to initialise \(registered: /);
      expect(tf.getBackend()).toBe('wasm');
    } finally {
      tf.removeBackend('broken-test');
    }
  });
});
