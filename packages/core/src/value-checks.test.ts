import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { describe, expect, it } from 'vitest';
import { ArgumentError, backendReadsAreCheap, getValueChecks, setValueChecks, valueChecksEnabled } from './index.js';

describe('value checks policy', () => {
  it('counts cpu, wasm and tensorflow as backends whose reads are cheap, and nothing else', () => {
    for (const name of ['cpu', 'wasm', 'tensorflow']) expect(backendReadsAreCheap(name)).toBe(true);
    for (const name of ['webgl', 'webgpu', 'webgl-test', '']) expect(backendReadsAreCheap(name)).toBe(false);
  });

  it("follows the active backend under 'auto' and runs everywhere under 'always'", async () => {
    tf.registerBackend('gpu-like-test', tf.findBackendFactory('cpu')); // a cpu backend under a name advkit does not know
    try {
      await tf.setBackend('cpu');
      expect(getValueChecks()).toBe('auto');
      expect(valueChecksEnabled()).toBe(true);
      expect(await tf.setBackend('gpu-like-test')).toBe(true);
      expect(backendReadsAreCheap()).toBe(false);
      expect(valueChecksEnabled()).toBe(false);
      expect(setValueChecks('always')).toBe('auto');
      expect(valueChecksEnabled()).toBe(true);
      expect(setValueChecks('auto')).toBe('always');
      expect(valueChecksEnabled()).toBe(false);
    } finally {
      setValueChecks('auto');
      await tf.setBackend('cpu');
      tf.removeBackend('gpu-like-test');
    }
  });

  it('refuses other settings with a typed error', () => {
    expect(() => setValueChecks('never' as 'auto')).toThrow(ArgumentError);
    expect(() => setValueChecks('never' as 'auto')).toThrow(/^setValueChecks: value must be one of "auto", "always", got "never"/);
    expect(getValueChecks()).toBe('auto');
  });
});
