import * as tf from '@tensorflow/tfjs-core';
import { backend_util, type GradConfig, type NamedAttrMap } from '@tensorflow/tfjs-core';

export interface Conv2DAttrs {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dilations?: number | [number, number];
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/**
 * ∂L/∂x of a stride-s convolution as plain stride-1 convolutions (the "transposed convolution"
 * identity, e.g. Dumoulin & Visin 2016, "A guide to convolution arithmetic", §4). Per axis, with the
 * forward pass y[o] = Σ_k x[s·o + k − p] · W[k] (p the leading pad):
 *
 *     dx[i] = Σ_{o,k : s·o + k = i + p} dy[o] · W[k].
 *
 * Stride 1: one correlation of dy (padded with k−1−p in front) with W flipped in space and with its
 * in/out channels swapped. Stride s > 1, polyphase: the rows i with the same residue r = i mod s only
 * meet the taps k ≡ r + p (mod s), so
 *
 *     dx[s·q + r] = Σ_m dy[q + ⌊(r+p)/s⌋ − m] · W[(r+p) mod s + s·m],
 *
 * one small correlation per residue (per axis pair: s² of them) on dy itself, interleaved afterwards.
 * This does the k²·C_in·C_out multiply-adds per input pixel that the gradient needs, instead of the s²
 * times more of correlating a zero-inserted dy (the classic construction, which tfjs-backend-wasm 4.22's
 * naive Conv2DBackpropInput is also slower than).
 *
 * Returns undefined for non-square kernels or unequal strides, so that the caller falls back to tfjs's
 * own kernel (a non-square kernel's input gradient disagreed with the cpu backend even through tfjs's
 * Conv2DBackpropInput, and wasm's conv2d with strides [2, 1] corrupted its heap: neither was debugged).
 */
function inputGradAsConv(xShape: [number, number, number, number], dy: tf.Tensor4D, filter: tf.Tensor4D, a: Conv2DAttrs): tf.Tensor4D | undefined {
  const info = backend_util.computeConv2DInfo(xShape, filter.shape, a.strides, 1, a.pad, a.dimRoundingMode, false, 'channelsLast');
  const { strideHeight: sh, strideWidth: sw, filterHeight: kh, filterWidth: kw, inHeight: h, inWidth: w } = info;
  if (kh !== kw || sh !== sw) return undefined;
  const { top, left } = info.padInfo;
  return tf.tidy(() => {
    // the filter's taps as rows [kh·kw, C_out, C_in] (in/out channels swapped), gathered per residue
    const taps = tf.transpose(tf.reshape(filter, [kh * kw, filter.shape[2], filter.shape[3]]), [0, 2, 1]) as tf.Tensor3D;
    if (sh === 1) return residueGrad(dy, taps, { r: 0, p: top, s: 1, k: kh, q: h }, { r: 0, p: left, s: 1, k: kw, q: w });
    const s = sh;
    const qh = Math.ceil(h / s);
    const qw = Math.ceil(w / s);
    // rows of residue r: [n, qh, qw, C] each; interleave columns (concat on channels, reshape), then rows
    const rows: tf.Tensor4D[] = [];
    for (let rh = 0; rh < s; rh++) {
      const parts: tf.Tensor4D[] = [];
      for (let rw = 0; rw < s; rw++) parts.push(residueGrad(dy, taps, { r: rh, p: top, s, k: kh, q: qh }, { r: rw, p: left, s, k: kw, q: qw }));
      const [n, , , c] = parts[0]!.shape;
      rows.push(tf.reshape(tf.concat(parts, 3), [n, qh, qw * s, c]));
    }
    const [n, , , c] = rows[0]!.shape;
    let dx = tf.reshape(tf.concat(rows, 2), [n, qh * s, qw * s, c]) as tf.Tensor4D;
    if (qh * s !== h || qw * s !== w) dx = tf.slice(dx, [0, 0, 0, 0], [n, h, w, c]);
    return dx;
  });
}

/** One axis of {@link residueGrad}: residue r of the output rows, leading pad p, stride s, kernel size k, q output rows. */
interface AxisPlan {
  r: number;
  p: number;
  s: number;
  k: number;
  q: number;
}

/**
 * z[n, q, t, c] = Σ_{m,l,o} dy[n, q + ⌊(rh+p)/s⌋ − m, t + ⌊(rw+p)/s⌋ − l, o] · W[kh₀ + s·m, kw₀ + s·l, c, o],
 * kh₀ = (rh + p) mod s (the same along the width), dy being 0 outside its extent: the rows s·q + rh,
 * columns s·t + rw of dx (see {@link inputGradAsConv}), as one stride-1 conv2d. `taps` is the filter W
 * `[k, k, C_in, C_out]` as rows `[k·k, C_out, C_in]` (row kh·k + kw holds W[kh, kw]ᵀ).
 */
function residueGrad(dy: tf.Tensor4D, taps: tf.Tensor3D, H: AxisPlan, W: AxisPlan): tf.Tensor4D {
  const [n, oh, ow, cout] = dy.shape;
  const cin = taps.shape[2];
  const axis = (A: AxisPlan, len: number) => {
    const k0 = (A.r + A.p) % A.s;
    const shift = Math.floor((A.r + A.p) / A.s);
    const taps = k0 < A.k ? Math.ceil((A.k - k0) / A.s) : 0;
    // correlation over dy padded with `lead` in front: z[q] = Σ_{j} dyPad[q + j] · V[j], V[j] = W[k0 + s(taps−1−j)]
    let lead = taps - 1 - shift;
    let from = 0;
    if (lead < 0) {
      from = -lead; // dy rows before `from` never reach an output row
      lead = 0;
    }
    let to = len;
    let trail = A.q + taps - 1 - lead - (to - from);
    if (trail < 0) {
      to += trail; // nor do rows past `to`
      trail = 0;
    }
    return { k0, taps, lead, trail, from, to: Math.max(to, from) };
  };
  const ah = axis(H, oh);
  const aw = axis(W, ow);
  if (ah.taps === 0 || aw.taps === 0 || ah.to === ah.from || aw.to === aw.from) return tf.zeros([n, H.q, W.q, cin]);
  const d = ah.from === 0 && aw.from === 0 && ah.to === oh && aw.to === ow ? dy : tf.slice(dy, [0, ah.from, aw.from, 0], [n, ah.to - ah.from, aw.to - aw.from, cout]);
  // V[j, l, o, c] = W[k0h + s(tapsH−1−j), k0w + s(tapsW−1−l), c, o]: the residue's taps, flipped, in/out
  // channels swapped, as one gather of `taps` rows (a data copy: the same numbers as stridedSlice, reverse
  // and transpose of W, which took ~4 ms per residue on tfjs-backend-wasm against ~1 ms for the gather)
  const rows: number[] = [];
  for (let j = 0; j < ah.taps; j++) {
    for (let l = 0; l < aw.taps; l++) rows.push((ah.k0 + H.s * (ah.taps - 1 - j)) * W.k + aw.k0 + W.s * (aw.taps - 1 - l));
  }
  const v = tf.reshape(tf.gather(taps, tf.tensor1d(rows, 'int32'), 0), [ah.taps, aw.taps, cout, cin]) as tf.Tensor4D;
  return tf.conv2d(d, v, 1, [[0, 0], [ah.lead, ah.trail], [aw.lead, aw.trail], [0, 0]]);
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
    const a = attrs as unknown as Conv2DAttrs;
    return {
      x: () => conv2dInputGrad(x.shape, dy as tf.Tensor4D, filter, a),
      filter: () => conv2dFilterGrad(x, dy as tf.Tensor4D, filter.shape, a),
    };
  },
};

/** ∂L/∂x of a conv2d given ∂L/∂y: {@link inputGradAsConv} where it applies, tfjs's Conv2DBackpropInput otherwise. */
export function conv2dInputGrad(xShape: [number, number, number, number], dy: tf.Tensor4D, filter: tf.Tensor4D, a: Conv2DAttrs): tf.Tensor4D {
  const dilations = a.dilations ?? 1; // FusedConv2D called directly may leave it out
  const dil = typeof dilations === 'number' ? [dilations, dilations] : dilations;
  const plain = a.dataFormat !== 'NCHW' && dil.every((d) => d === 1);
  return (
    (plain ? inputGradAsConv(xShape, dy, filter, a) : undefined) ??
    (tf.engine().runKernel('Conv2DBackpropInput', { dy, filter }, { ...a, inputShape: xShape } as unknown as NamedAttrMap) as tf.Tensor4D)
  );
}

/** ∂L/∂W of a conv2d given ∂L/∂y (tfjs's Conv2DBackpropFilter kernel). */
export function conv2dFilterGrad(x: tf.Tensor4D, dy: tf.Tensor4D, filterShape: [number, number, number, number], a: Conv2DAttrs): tf.Tensor4D {
  return tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, { ...a, filterShape } as unknown as NamedAttrMap) as tf.Tensor4D;
}
