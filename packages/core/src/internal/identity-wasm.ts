import { Identity, type KernelConfig, type KernelFunc, type TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { BackendError } from '../errors.js';

/**
 * `Identity` for the wasm backend, replacing tfjs-backend-wasm 4.22's, which copies the tensor's bytes.
 * tfjs's engine runs Identity for every `tf.clone` and for every tensor it saves for a gradient (each
 * recorded kernel's inputs and outputs are cloned onto the tape), so on wasm a forward pass under
 * `tf.grad` copied every activation once more: ~3% of a gradient of the tutorial CNN. This one shares
 * the data and counts a reference, as tfjs-backend-cpu's Identity and the wasm backend's own `Reshape`
 * do (tensors are immutable: no wasm kernel writes into its inputs). Strings keep the copying path.
 */
function identityWasm(args: Parameters<KernelFunc>[0]): TensorInfo | TensorInfo[] {
  const backend = args.backend as BackendWasm;
  const x = args.inputs.x;
  if (x === undefined) throw new BackendError('Identity (advkit wasm kernel): needs an input x');
  if (x.dtype === 'string') return fallback(args);
  backend.incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
}

/** tfjs-backend-wasm's own Identity (for strings), captured before it is replaced. */
let fallback: KernelFunc = () => {
  throw new BackendError('Identity (advkit wasm kernel): string tensors need tfjs-backend-wasm’s own Identity, which was not registered');
};

/** Keeps tfjs-backend-wasm's Identity for the string case; called before replacing it. */
export function keepWasmIdentity(own: KernelFunc | undefined): void {
  if (own !== undefined && own !== identityWasm) fallback = own;
}

export const identityWasmConfig: KernelConfig = { kernelName: Identity, backendName: 'wasm', kernelFunc: identityWasm as unknown as KernelFunc };
