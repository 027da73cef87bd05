import * as tf from '@tensorflow/tfjs-core';
import type { GradConfig, NamedAttrMap } from '@tensorflow/tfjs-core';
import { AdvkitError } from '../errors.js';
import { conv2dFilterGrad, conv2dInputGrad, type Conv2DAttrs } from './conv2d-grad.js';

interface FusedConv2DAttrs extends Conv2DAttrs {
  activation?: string;
}

/**
 * The gradient of the `FusedConv2D` kernel, y = act(conv2d(x, W) + b), for `activation` 'linear' or
 * 'relu' and no PReLU weights. tfjs-core registers none (its `tf.fused.conv2d` runs the unfused ops,
 * conv2d, add and relu, whenever a gradient is recorded and the activation is not linear); advkit's
 * {@link Cnn} runs the kernel itself so that a gradient pass does the same single fused convolution as
 * inference: on tfjs-backend-wasm, XNNPACK adds the bias and applies the ReLU inside the convolution,
 * which saves the separate Add and Relu passes over each activation and, backwards, the Cast copy of
 * tfjs's ReLU gradient. The math is the chain rule through y:
 *
 *     g = ∂L/∂y ⊙ 1[y > 0]  (relu; g = ∂L/∂y for linear; y > 0 exactly where the pre-activation is),
 *     ∂L/∂x = conv2dᵀ(g, W),  ∂L/∂W = Conv2DBackpropFilter(x, g),  ∂L/∂b = Σ_{n,h,w} g,
 *
 * each computed only when asked for (attacks need ∂L/∂x alone), ∂L/∂x by the same code as the
 * `Conv2D` gradient (`conv2d-grad.ts`).
 */
export const fusedConv2dGradConfig: GradConfig = {
  kernelName: 'FusedConv2D',
  inputsToSave: ['x', 'filter'],
  outputsToSave: [true],
  gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[], attrs: NamedAttrMap) => {
    const [x, filter, y] = saved as [tf.Tensor4D, tf.Tensor4D, tf.Tensor4D];
    const a = attrs as unknown as FusedConv2DAttrs;
    const activation = a.activation ?? 'linear';
    if (activation !== 'linear' && activation !== 'relu') {
      throw new AdvkitError(`FusedConv2D gradient: activation '${activation}' is not supported (advkit's gradient covers 'linear' and 'relu')`);
    }
    if (a.dataFormat === 'NCHW') throw new AdvkitError("FusedConv2D gradient: dataFormat 'NCHW' is not supported (advkit's gradient covers NHWC)");
    // ∂L/∂(pre-activation), shared by the thunks below. Computed here, not in a thunk: tfjs runs each thunk
    // in its own tidy scope, which would free it after the first; here it lives in the scope of the whole
    // backward pass (tfjs's gradients() tidy) and is freed with it.
    const g = (activation === 'relu' ? tf.mul(dy as tf.Tensor4D, tf.step(y)) : dy) as tf.Tensor4D;
    return {
      x: () => conv2dInputGrad(x.shape, g, filter, a),
      filter: () => conv2dFilterGrad(x, g, filter.shape, a),
      bias: () => tf.sum(g, [0, 1, 2]),
    };
  },
};
