import { getKernel, registerKernel, unregisterKernel, type KernelConfig } from '@tensorflow/tfjs-core';
import { conv2DBackpropFilterWasmConfig } from './internal/conv2d-backprop-filter-wasm.js';
import { unsortedSegmentSumWasmConfig } from './internal/unsorted-segment-sum-wasm.js';
import { signWasmConfig } from './internal/sign-wasm.js';

/** Kernels tfjs-backend-wasm lacks: added when missing. */
const wasmKernels: readonly KernelConfig[] = [conv2DBackpropFilterWasmConfig, unsortedSegmentSumWasmConfig];
/** Kernels tfjs-backend-wasm 4.22 gets wrong: put in place of its own. */
const wasmFixes: readonly KernelConfig[] = [signWasmConfig];

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
 *   FGSM/PGD skip examples whose input gradient is tiny (confidently classified ones). The replacement
 *   is the exact sign (as on the cpu backend and in PyTorch).
 *
 * Safe to call any number of times;
 * call it after importing `@tensorflow/tfjs-backend-wasm`. {@link initBackend} calls it for you when
 * the backend is wasm; call it yourself only if you set up tfjs without `initBackend`.
 *
 * @returns the names of the kernels this call registered or replaced (empty when all were in place).
 */
export function registerWasmKernels(): string[] {
  const added: string[] = [];
  for (const config of wasmKernels) {
    if (getKernel(config.kernelName, 'wasm') == null) {
      registerKernel(config);
      added.push(config.kernelName);
    }
  }
  for (const config of wasmFixes) {
    if (getKernel(config.kernelName, 'wasm')?.kernelFunc !== config.kernelFunc) {
      if (getKernel(config.kernelName, 'wasm') != null) unregisterKernel(config.kernelName, 'wasm');
      registerKernel(config);
      added.push(config.kernelName);
    }
  }
  return added;
}
