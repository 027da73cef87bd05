import {
  backend_util,
  Conv2DBackpropFilter,
  getKernel,
  type Conv2DBackpropFilterAttrs,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { BackendError } from '../errors.js';

/**
 * `Conv2DBackpropFilter` for the wasm backend, which tfjs-backend-wasm 4.22 does not ship (so conv
 * filters could not be trained there). The gradient of `y = conv2d(x, W)` (cross-correlation, NHWC,
 * dilation 1) with respect to the filter is
 *
 *   dW[kh, kw, ci, co] = Σ_{n, oh, ow} xpad[n, oh·sh + kh, ow·sw + kw, ci] · dy[n, oh, ow, co]
 *
 * where `xpad` is `x` zero-padded by the conv's top/left padding (the same sum as tfjs-backend-cpu's
 * Conv2DBackpropFilter loop). It is computed as one matrix product, im2col style:
 *
 *   cols[(kh·KW + kw)·Cin + ci, (n·OH + oh)·OW + ow] = xpad[n, oh·sh + kh, ow·sw + kw, ci]   ([K, M])
 *   dW = cols · reshape(dy, [M, Cout])  reshaped to [KH, KW, Cin, Cout]
 *
 * with `K = KH·KW·Cin` and `M = N·OH·OW`. `x` is first transposed to `[Cin, N, H, W]` with the wasm
 * `Transpose` kernel so that `cols` is filled row by row from contiguous input rows (a JS loop on the
 * wasm heap, like the wasm backend's own Slice and Concat kernels); the product runs in the wasm
 * `BatchMatMul` kernel (XNNPACK). `cols` is built already transposed because BatchMatMul with
 * `transposeA` is about 14x slower there (measured: 325 ms vs 23 ms for 288x19600x64).
 *
 * Attributes as tfjs passes them: `strides`, `pad` (number, 'same', 'valid' or explicit),
 * `dataFormat` ('NHWC' only: the wasm Conv2D forward kernel is NHWC-only too), `dimRoundingMode`,
 * `filterShape`. Intermediates are freed before returning.
 */
function conv2DBackpropFilterWasm(args: Parameters<KernelFunc>[0]): TensorInfo {
  const backend = args.backend as BackendWasm;
  const x = args.inputs.x;
  const dy = args.inputs.dy;
  const attrs = args.attrs as Conv2DBackpropFilterAttrs | undefined;
  if (x === undefined || dy === undefined || attrs === undefined) {
    throw new BackendError('Conv2DBackpropFilter (advkit wasm kernel): needs inputs x, dy and attrs');
  }
  if (x.dtype !== 'float32' || dy.dtype !== 'float32') {
    throw new BackendError(`Conv2DBackpropFilter (advkit wasm kernel): needs float32 x and dy, got ${x.dtype} and ${dy.dtype}`);
  }
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs;
  const info = backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
    strides,
    1,
    pad,
    dimRoundingMode,
    false,
    backend_util.convertConv2DDataFormat(dataFormat),
  );
  if (info.dataFormat !== 'channelsLast') {
    throw new BackendError(`Conv2DBackpropFilter (advkit wasm kernel): supports dataFormat 'NHWC' only, got '${dataFormat}'`);
  }
  const { batchSize: N, inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW, outChannels: CO } = info;
  const { filterHeight: KH, filterWidth: KW, strideHeight: SH, strideWidth: SW } = info;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  const dyOk = dy.shape.length === 4 && dy.shape[0] === N && dy.shape[1] === OH && dy.shape[2] === OW && dy.shape[3] === CO;
  if (!dyOk) {
    throw new BackendError(`Conv2DBackpropFilter (advkit wasm kernel): dy must have shape [${N},${OH},${OW},${CO}], got [${dy.shape.join(',')}]`);
  }
  const M = N * OH * OW;
  const K = KH * KW * C;
  if (M === 0) {
    const zeros = backend.makeOutput([KH, KW, C, CO], 'float32');
    backend.typedArrayFromHeap(zeros).fill(0);
    return zeros;
  }

  const transpose = kernelFunc('Transpose');
  const batchMatMul = kernelFunc('BatchMatMul');
  // [N, H, W, C] -> [C, N, H, W]; with C = 1 the two layouts are the same bytes.
  const xt = C === 1 ? undefined : transpose({ inputs: { x }, backend, attrs: { perm: [3, 0, 1, 2] } });
  const cols = backend.makeOutput([K, M], 'float32');
  // Views into the wasm heap: take them after the last allocation (a heap growth detaches old views).
  const colV = backend.typedArrayFromHeap(cols);
  const xV = backend.typedArrayFromHeap(xt ?? x);
  for (let kh = 0; kh < KH; kh++) {
    for (let kw = 0; kw < KW; kw++) {
      // Output columns whose input column ow·SW + kw − left lies inside [0, W).
      const owLo = Math.min(OW, Math.max(0, Math.ceil((left - kw) / SW)));
      const owHi = Math.max(owLo, Math.min(OW, Math.floor((W - 1 + left - kw) / SW) + 1));
      const shift = kw - left;
      for (let c = 0; c < C; c++) {
        let o = ((kh * KW + kw) * C + c) * M;
        for (let n = 0; n < N; n++) {
          for (let oh = 0; oh < OH; oh++, o += OW) {
            const ih = oh * SH - top + kh;
            if (ih < 0 || ih >= H) {
              colV.fill(0, o, o + OW);
              continue;
            }
            const row = ((c * N + n) * H + ih) * W + shift;
            if (owLo > 0) colV.fill(0, o, o + owLo);
            for (let ow = owLo; ow < owHi; ow++) colV[o + ow] = xV[row + ow * SW]!;
            if (owHi < OW) colV.fill(0, o + owHi, o + OW);
          }
        }
      }
    }
  }
  if (xt !== undefined) backend.disposeData(xt.dataId);
  // dy is contiguous NHWC, so [N, OH, OW, CO] is [M, CO] without a copy (a view, no ref-count change).
  const dy2: TensorInfo = { dataId: dy.dataId, shape: [M, CO], dtype: 'float32' };
  const out = batchMatMul({ inputs: { a: cols, b: dy2 }, backend, attrs: { transposeA: false, transposeB: false } });
  backend.disposeData(cols.dataId);
  // BatchMatMul's fresh [1, K, CO] output is [KH, KW, Cin, CO] in row-major order.
  out.shape = [KH, KW, C, CO];
  return out;
}

/** A wasm kernel's function, called directly with the backend (how the wasm kernels compose). */
function kernelFunc(name: string): (params: Parameters<KernelFunc>[0]) => TensorInfo {
  const config = getKernel(name, 'wasm');
  if (config === undefined) {
    throw new BackendError(`Conv2DBackpropFilter (advkit wasm kernel): the wasm backend has no '${name}' kernel; is @tensorflow/tfjs-backend-wasm loaded?`);
  }
  return (params) => {
    const out = config.kernelFunc(params);
    if (Array.isArray(out)) throw new BackendError(`Conv2DBackpropFilter (advkit wasm kernel): '${name}' returned several tensors`);
    return out;
  };
}

/** The kernel config {@link registerWasmKernels} registers for `Conv2DBackpropFilter` on wasm. */
export const conv2DBackpropFilterWasmConfig: KernelConfig = {
  kernelName: Conv2DBackpropFilter,
  backendName: 'wasm',
  kernelFunc: conv2DBackpropFilterWasm,
};
