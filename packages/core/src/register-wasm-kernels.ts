import { getKernel, registerKernel, type KernelConfig } from '@tensorflow/tfjs-core';
import { conv2DBackpropFilterWasmConfig } from './internal/conv2d-backprop-filter-wasm.js';
import { unsortedSegmentSumWasmConfig } from './internal/unsorted-segment-sum-wasm.js';

const wasmKernels: readonly KernelConfig[] = [conv2DBackpropFilterWasmConfig, unsortedSegmentSumWasmConfig];

/**
 * Registers, for the wasm backend, the kernels that training and attacking advkit's models need and
 * that tfjs-backend-wasm 4.22 lacks (FIELD-NOTES):
 *
 * - `Conv2DBackpropFilter`: the gradient of conv2d with respect to its filter (training conv nets);
 *   im2col in JS on the wasm heap plus one XNNPACK matrix product.
 * - `UnsortedSegmentSum`: used by the gradient of `tf.gather`.
 *
 * Both are composed from what the wasm backend has (its `Transpose` and `BatchMatMul` kernels, and JS
 * loops over its heap, as its own Slice/Concat kernels do). A kernel that is already registered for
 * wasm (a future tfjs release, or another library) is left as it is. Safe to call any number of times;
 * call it after importing `@tensorflow/tfjs-backend-wasm`. {@link initBackend} calls it for you when
 * the backend is wasm; call it yourself only if you set up tfjs without `initBackend`.
 *
 * @returns the names of the kernels this call registered (empty when all were present).
 */
export function registerWasmKernels(): string[] {
  const added: string[] = [];
  for (const config of wasmKernels) {
    if (getKernel(config.kernelName, 'wasm') == null) {
      registerKernel(config);
      added.push(config.kernelName);
    }
  }
  return added;
}
