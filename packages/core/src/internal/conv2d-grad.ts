import * as tf from '@tensorflow/tfjs-core';
import { backend_util, type GradConfig, type NamedAttrMap } from '@tensorflow/tfjs-core';

interface Conv2DAttrs {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dilations: number | [number, number];
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/**
 * ∂L/∂x of a stride-s convolution as a plain stride-1 convolution (the "transposed convolution"
 * identity, e.g. Dumoulin & Visin 2016, "A guide to convolution arithmetic", §4): insert s−1 zeros
 * between the entries of dy, pad it with (k−1−p) on the leading side (and whatever reaches the input
 * size on the trailing side), and correlate with the filter flipped in space and with its in/out
 * channels swapped:
 *
 *     dx[n,i,j,c] = Σ_{a,b,o} dy_up[n, i+a−(k_h−1−p_top), j+b−(k_w−1−p_left), o] · W[k_h−1−a, k_w−1−b, c, o]
 *
 * Returns undefined when the identity needs a negative pad (padding wider than the kernel), or for
 * non-square kernels or unequal strides, so that the caller falls back to tfjs's own kernel.
 */
function inputGradAsConv(xShape: [number, number, number, number], dy: tf.Tensor4D, filter: tf.Tensor4D, a: Conv2DAttrs): tf.Tensor4D | undefined {
  const info = backend_util.computeConv2DInfo(xShape, filter.shape, a.strides, 1, a.pad, a.dimRoundingMode, false, 'channelsLast');
  const { strideHeight: sh, strideWidth: sw, filterHeight: kh, filterWidth: kw, inHeight: h, inWidth: w, outHeight: oh, outWidth: ow } = info;
  const { top, left } = info.padInfo;
  const pt = kh - 1 - top;
  const pl = kw - 1 - left;
  const pb = h - 1 - (oh - 1) * sh + top; // rows after the last dy row so that the output has h rows
  const pr = w - 1 - (ow - 1) * sw + left;
  if (pt < 0 || pl < 0 || pb < 0 || pr < 0) return undefined;
  // Only square kernels and equal strides take this path: a non-square kernel disagreed with tfjs's
  // kernel in testing and was not debugged; those cases keep tfjs's Conv2DBackpropInput.
  if (kh !== kw || sh !== sw) return undefined;
  return tf.tidy(() => {
    let up: tf.Tensor4D = dy;
    if (sh > 1 || sw > 1) {
      // zero insertion with rank-4 pads only (the wasm pad kernel is not safe beyond rank 4):
      // rows: [N,OH,1,OW·C] → pad axis 2 to sh → [N,OH·sh,OW,C]; columns likewise; then keep the
      // first (OH−1)·sh+1 rows and (OW−1)·sw+1 columns
      const [n, , , c] = dy.shape;
      const rows = tf.reshape(tf.pad(tf.reshape(dy, [n, oh, 1, ow * c]), [[0, 0], [0, 0], [0, sh - 1], [0, 0]]), [n * oh * sh, ow, 1, c]);
      const cols = tf.reshape(tf.pad(rows as tf.Tensor4D, [[0, 0], [0, 0], [0, sw - 1], [0, 0]]), [n, oh * sh, ow * sw, c]) as tf.Tensor4D;
      up = tf.slice(cols, [0, 0, 0, 0], [n, (oh - 1) * sh + 1, (ow - 1) * sw + 1, c]);
    }
    const flipped = tf.transpose(tf.reverse(filter, [0, 1]), [0, 1, 3, 2]); // [kh, kw, Cout, Cin]
    return tf.conv2d(up, flipped as tf.Tensor4D, 1, [[0, 0], [pt, pb], [pl, pr], [0, 0]]);
  });
}

/**
 * The gradient of `Conv2D`: tfjs-core's formulas (∂x by Conv2DBackpropInput, ∂W by
 * Conv2DBackpropFilter), except that for NHWC without dilation ∂x is computed as a plain convolution
 * (see `inputGradAsConv`). Why: tfjs-backend-wasm 4.22's Conv2DBackpropInput is a naive loop; on the
 * tutorial CNN it took ~570 ms of a ~830 ms forward+backward pass of 100 images, while XNNPACK's
 * convolution does the same work in a fraction of it. Other cases keep tfjs's kernels.
 */
export const conv2dGradConfig: GradConfig = {
  kernelName: 'Conv2D',
  inputsToSave: ['x', 'filter'],
  gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[], attrs: NamedAttrMap) => {
    const [x, filter] = saved as [tf.Tensor4D, tf.Tensor4D];
    const g = dy as tf.Tensor4D;
    const a = attrs as unknown as Conv2DAttrs;
    const dil = typeof a.dilations === 'number' ? [a.dilations, a.dilations] : a.dilations;
    const plain = a.dataFormat !== 'NCHW' && dil.every((d) => d === 1);
    const tfjsInputGrad = (): tf.Tensor4D =>
      tf.engine().runKernel('Conv2DBackpropInput', { dy: g, filter }, { ...a, inputShape: x.shape } as unknown as NamedAttrMap) as tf.Tensor4D;
    return {
      x: () => (plain ? inputGradAsConv(x.shape, g, filter, a) : undefined) ?? tfjsInputGrad(),
      filter: () =>
        tf.engine().runKernel('Conv2DBackpropFilter', { x, dy: g }, { ...a, filterShape: filter.shape } as unknown as NamedAttrMap) as tf.Tensor4D,
    };
  },
};
