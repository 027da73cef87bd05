import {
  UnsortedSegmentSum,
  util,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
  type UnsortedSegmentSumAttrs,
} from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { BackendError } from '../errors.js';

/**
 * `UnsortedSegmentSum` for the wasm backend, which tfjs-backend-wasm 4.22 does not ship. tfjs-core's
 * gradient of `gather` calls it, so without it no gradient flows through `tf.gather` on wasm (for
 * example a loss that picks each row's true-class logit with a gather).
 *
 *   out[s, ...] = Σ_{i : segmentIds[i] = s} x[i, ...]        for s in [0, numSegments)
 *
 * with `segmentIds.shape` a prefix of `x.shape`; ids outside `[0, numSegments)` are dropped, as in
 * TensorFlow. A JS loop over the wasm heap (the data are small: a gradient of gathered rows).
 */
function unsortedSegmentSumWasm(args: Parameters<KernelFunc>[0]): TensorInfo {
  const backend = args.backend as BackendWasm;
  const x = args.inputs.x;
  const ids = args.inputs.segmentIds;
  const attrs = args.attrs as UnsortedSegmentSumAttrs | undefined;
  if (x === undefined || ids === undefined || attrs === undefined) {
    throw new BackendError('UnsortedSegmentSum (advkit wasm kernel): needs inputs x, segmentIds and attrs');
  }
  if (x.dtype !== 'float32' && x.dtype !== 'int32') {
    throw new BackendError(`UnsortedSegmentSum (advkit wasm kernel): needs a float32 or int32 x, got ${x.dtype}`);
  }
  if (ids.dtype !== 'int32') throw new BackendError(`UnsortedSegmentSum (advkit wasm kernel): needs int32 segmentIds, got ${ids.dtype}`);
  const prefixOk = ids.shape.length <= x.shape.length && ids.shape.every((d, i) => d === x.shape[i]);
  if (!prefixOk) {
    throw new BackendError(
      `UnsortedSegmentSum (advkit wasm kernel): segmentIds shape [${ids.shape.join(',')}] must be a prefix of x shape [${x.shape.join(',')}]`,
    );
  }
  const numSegments = attrs.numSegments;
  const innerShape = x.shape.slice(ids.shape.length);
  const inner = util.sizeFromShape(innerShape);
  const count = util.sizeFromShape(ids.shape);
  const out = backend.makeOutput([numSegments, ...innerShape], x.dtype);
  // Views after the allocation (a heap growth detaches older views).
  const outV = backend.typedArrayFromHeap(out);
  const xV = backend.typedArrayFromHeap(x);
  const idV = backend.typedArrayFromHeap(ids);
  outV.fill(0);
  for (let i = 0; i < count; i++) {
    const s = idV[i]!;
    if (s < 0 || s >= numSegments) continue;
    const src = i * inner;
    const dst = s * inner;
    for (let j = 0; j < inner; j++) outV[dst + j] = outV[dst + j]! + xV[src + j]!;
  }
  return out;
}

/** The kernel config {@link registerWasmKernels} registers for `UnsortedSegmentSum` on wasm. */
export const unsortedSegmentSumWasmConfig: KernelConfig = {
  kernelName: UnsortedSegmentSum,
  backendName: 'wasm',
  kernelFunc: unsortedSegmentSumWasm,
};
