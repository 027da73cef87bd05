import { Identity, type KernelConfig, type KernelFunc, type TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { BackendError } from '../errors.js';

/**
 * `Identity` for the wasm backend, replacing tfjs-backend-wasm 4.22's, which copies the tensor's bytes.
 * tfjs's engine runs Identity for every `tf.clone` and for every tensor it saves for a gradient (each
 * recorded kernel's inputs and outputs are cloned onto the tape), so on wasm a forward pass under
 * `tf.grad` copied every activation once more: ~3% of a gradient of the tutorial CNN. This one shares
 * the data and counts a reference, for every dtype, as tfjs-backend-cpu's Identity and the wasm
 * backend's own `Reshape` do (tensors are immutable: no wasm kernel writes into its inputs; the wasm
 * backend frees a data id when its last reference is disposed).
 */
function identityWasm(args: Parameters<KernelFunc>[0]): TensorInfo {
  const backend = args.backend as BackendWasm;
  const x = args.inputs.x;
  if (x === undefined) throw new BackendError('Identity (advkit wasm kernel): needs an input x');
  backend.incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
}

export const identityWasmConfig: KernelConfig = { kernelName: Identity, backendName: 'wasm', kernelFunc: identityWasm as unknown as KernelFunc };
