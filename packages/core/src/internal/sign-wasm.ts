import { Sign, type KernelConfig, type KernelFunc, type TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { BackendError } from '../errors.js';

/**
 * `Sign` for the wasm backend, replacing tfjs-backend-wasm 4.22's, which returns 0 for every |x| below
 * float32's machine epsilon (sign(1e-7) = 0, sign(1.2e-7) = 1) and for NaN. Input gradients of
 * confidently classified examples are often that small, so FGSM/PGD (δ = α·sign(∇ₓL)) silently left
 * those examples, or coordinates, unattacked (advkit's attacks now build the sign from `Step` instead,
 * and do not need this kernel). This is the exact sign: 1 for x > 0, −1 for x < 0, x itself for ±0 and
 * NaN (tfjs-backend-cpu's `Sign` and PyTorch 1.13 give 0 for NaN and +0 for −0; measured). A JS loop
 * over the wasm heap, which is also faster than the kernel it replaces.
 */
function signWasm(args: Parameters<KernelFunc>[0]): TensorInfo {
  const backend = args.backend as BackendWasm;
  const x = args.inputs.x;
  if (x === undefined) throw new BackendError('Sign (advkit wasm kernel): needs an input x');
  if (x.dtype !== 'float32' && x.dtype !== 'int32') throw new BackendError(`Sign (advkit wasm kernel): needs a float32 or int32 x, got ${x.dtype}`);
  const out = backend.makeOutput(x.shape, x.dtype);
  // Views after the allocation (a heap growth detaches older views).
  const o = backend.typedArrayFromHeap(out);
  const v = backend.typedArrayFromHeap(x);
  for (let i = 0; i < v.length; i++) {
    const a = v[i]!;
    // branch-free for the common case: gradients' signs are random, and a mispredicted branch per
    // element made `a > 0 ? 1 : a < 0 ? -1 : a` three times slower; NaN and ±0 pass through (rare, predictable)
    o[i] = a !== a || a === 0 ? a : +(a > 0) - +(a < 0);
  }
  return out;
}

/** The kernel config {@link registerWasmKernels} puts in place of tfjs-backend-wasm's `Sign`. */
export const signWasmConfig: KernelConfig = {
  kernelName: Sign,
  backendName: 'wasm',
  kernelFunc: signWasm,
};
