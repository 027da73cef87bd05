import { findBackendFactory, getKernel, registerKernel, unregisterKernel, type KernelConfig } from '@tensorflow/tfjs-core';
import { conv2DBackpropFilterWasmConfig } from './internal/conv2d-backprop-filter-wasm.js';
import { unsortedSegmentSumWasmConfig } from './internal/unsorted-segment-sum-wasm.js';
import { signWasmConfig } from './internal/sign-wasm.js';
import { identityWasmConfig } from './internal/identity-wasm.js';

/** Kernels tfjs-backend-wasm lacks: added when missing. */
const wasmKernels: readonly KernelConfig[] = [conv2DBackpropFilterWasmConfig, unsortedSegmentSumWasmConfig];
/** Kernels tfjs-backend-wasm 4.22 gets wrong: put in place of its own. */
const wasmFixes: readonly KernelConfig[] = [signWasmConfig, identityWasmConfig];

/**
 * Registers, for the wasm backend, the kernels that training and attacking advkit's models need and
 * that tfjs-backend-wasm 4.22 lacks (each checked against the cpu backend):
 *
 * - `Conv2DBackpropFilter`: the gradient of conv2d with respect to its filter (training conv nets);
 *   im2col in JS on the wasm heap plus one XNNPACK matrix product.
 * - `UnsortedSegmentSum`: used by the gradient of `tf.gather`.
 *
 * Both are composed from what the wasm backend has (its `Transpose` and `BatchMatMul` kernels, and JS
 * loops over its heap, as its own Slice/Concat kernels do). A kernel that is already registered for
 * wasm (a future tfjs release, or another library) is left as it is.
 *
 * It also replaces one kernel that tfjs-backend-wasm 4.22 gets wrong:
 *
 * - `Sign`: returns 0 for |x| below float32's machine epsilon (≈1.19e-7) and for NaN, which made
 *   FGSM/PGD skip examples whose input gradient is tiny (confidently classified ones), before advkit's
 *   attacks stopped using `tf.sign`. The replacement is the exact sign: 1, −1, and x itself for ±0 and
 *   NaN (tfjs-backend-cpu's `Sign` and PyTorch 1.13's `torch.sign` give 0 for NaN and +0 for −0). This is
 *   the one process-wide change of behaviour advkit makes, for your own `tf.sign` calls; advkit's
 *   attacks no longer need it (they build the sign from `Step`, exact on every backend).
 *
 * And one it makes faster without changing any value:
 *
 * - `Identity` (run for every `tf.clone` and for every tensor tfjs saves for a gradient): shares the
 *   data and counts a reference instead of copying the bytes, as tfjs-backend-cpu's does.
 *
 * Safe to call any number of times;
 * call it after importing `@tensorflow/tfjs-backend-wasm`. {@link initBackend} calls it for you when
 * the backend is wasm; call it yourself only if you set up tfjs without `initBackend`.
 *
 * @returns the names of the kernels this call registered or replaced (empty when all were in place).
 */
export function registerWasmKernels(): string[] {
  const added = addMissingWasmKernels(true);
  for (const config of wasmFixes) {
    const own = getKernel(config.kernelName, 'wasm');
    if (own?.kernelFunc !== config.kernelFunc) {
      if (own != null) unregisterKernel(config.kernelName, 'wasm');
      registerKernel(config);
      added.push(config.kernelName);
    }
  }
  return added;
}

/**
 * Adds the kernels tfjs-backend-wasm lacks (`Conv2DBackpropFilter`, `UnsortedSegmentSum`), and nothing
 * else: no kernel that exists is replaced, so this changes no result anywhere, it only makes gradients
 * that would throw "Kernel 'X' not registered for backend 'wasm'" work. {@link registerGradients} calls
 * it (when the wasm backend is registered, i.e. `@tensorflow/tfjs-backend-wasm` was imported), so
 * training a conv net after a plain `tf.setBackend('wasm')` works without {@link initBackend}.
 * Idempotent; a few map look-ups per call.
 *
 * @param force register even when no wasm backend is registered (registerWasmKernels, called by hand).
 * @returns the names of the kernels this call added.
 */
export function addMissingWasmKernels(force = false): string[] {
  const added: string[] = [];
  if (!force && !wasmBackendRegistered()) return added;
  for (const config of wasmKernels) {
    if (getKernel(config.kernelName, 'wasm') == null) {
      registerKernel(config);
      added.push(config.kernelName);
    }
  }
  return added;
}

function wasmBackendRegistered(): boolean {
  try {
    return findBackendFactory('wasm') != null;
  } catch {
    return false;
  }
}
