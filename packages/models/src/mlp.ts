import * as tf from '@tensorflow/tfjs-core';
import { Rng, checkNumber, checkOptions, checkSeed, checkKnownKeys, optionKeys } from '@advkit/core';
import type { LogitsOptions, Model } from './model.js';
import { torchLinearInit } from './torch-linear-init.js';
import { checkModelInput } from './internal/check-model-input.js';
import { makeVariable } from './internal/make-variable.js';
import { checkPositiveInts } from './check-positive-ints.js';

export interface MlpOptions {
  /** The shape of one input, e.g. `[784]` or `[28, 28, 1]`; inputs are flattened to `prod(inputShape)` features. */
  inputShape: readonly number[];
  /** Widths of the hidden layers, each followed by ReLU; `[]` gives multinomial logistic regression. */
  hiddenSizes: readonly number[];
  /** Number of logits K (classes); 1 gives a binary model with one logit. */
  numClasses: number;
  /** Seed for the PyTorch-style init. @default 0 */
  seed?: number;
}
const MLP_KEYS = optionKeys<MlpOptions>()({ inputShape: true, hiddenSizes: true, numClasses: true, seed: true });

/**
 * A multilayer perceptron: `x ↦ W_L·relu(… relu(W_1·flatten(x) + b_1) …) + b_L`, the logits of a
 * K-class classifier (shape `[batch, K]`, no softmax). Every layer is initialised like PyTorch's
 * `nn.Linear(fanIn, fanOut)`: weights and bias from U(−1/√fanIn, 1/√fanIn) (see {@link torchLinearInit}),
 * drawn from one seeded {@link Rng} in layer order, weight before bias. Weights are stored `[fanIn, fanOut]`
 * (tfjs's `x·W` layout; PyTorch stores the transpose).
 *
 * Owns its variables (`variables`: `[W_1, b_1, …, W_L, b_L]`); free them with {@link Mlp.dispose}.
 */
export class Mlp implements Model {
  readonly inputShape: readonly number[];
  readonly numOutputs: number;
  /** The hidden layer widths, as given. */
  readonly hiddenSizes: readonly number[];
  /** `[weight, bias]` per dense layer, the output layer last. */
  readonly layers: readonly { readonly weight: tf.Variable; readonly bias: tf.Variable }[];
  private readonly inputSize: number;

  constructor(options: MlpOptions) {
    const fn = 'Mlp';
    const opts = checkOptions(options, fn);
    checkKnownKeys(opts, MLP_KEYS, fn);
    this.inputShape = checkPositiveInts(opts.inputShape, fn, 'options.inputShape', 1);
    this.hiddenSizes = checkPositiveInts(opts.hiddenSizes, fn, 'options.hiddenSizes', 0);
    this.numOutputs = checkNumber(opts.numClasses, fn, 'options.numClasses', { min: 1, integer: true });
    const seed = checkSeed(opts.seed ?? 0, fn, 'options.seed');
    this.inputSize = this.inputShape.reduce((a, b) => a * b, 1);
    const rng = new Rng(seed);
    const sizes = [this.inputSize, ...this.hiddenSizes, this.numOutputs];
    const layers: { weight: tf.Variable; bias: tf.Variable }[] = [];
    for (let i = 0; i + 1 < sizes.length; i++) {
      const fanIn = sizes[i]!;
      const fanOut = sizes[i + 1]!;
      const w = torchLinearInit(rng, fanIn, fanIn * fanOut);
      const b = torchLinearInit(rng, fanIn, fanOut);
      layers.push({ weight: makeVariable(tf.tensor2d(w, [fanIn, fanOut])), bias: makeVariable(tf.tensor1d(b)) });
    }
    this.layers = layers;
  }

  get variables(): readonly tf.Variable[] {
    return this.layers.flatMap((l) => [l.weight, l.bias]);
  }

  /**
   * The logits for `x` of shape `[batch, ...inputShape]`: shape `[batch, numOutputs]`, owned by the caller.
   * Throws ShapeError when `x` does not match `inputShape`. `options.training` is accepted and ignored:
   * the model has no BatchNorm or Dropout.
   */
  logits(x: tf.Tensor, _options?: LogitsOptions): tf.Tensor2D {
    checkModelInput(x, this.inputShape, 'Mlp.logits');
    return tf.tidy(() => {
      let h = tf.reshape(x, [x.shape[0]!, this.inputSize]) as tf.Tensor2D;
      this.layers.forEach((l, i) => {
        const z = tf.add(tf.matMul(h, l.weight), l.bias) as tf.Tensor2D;
        h = i + 1 < this.layers.length ? tf.relu(z) : z;
      });
      return h;
    });
  }

  dispose(): void {
    for (const l of this.layers) {
      l.weight.dispose();
      l.bias.dispose();
    }
  }
}
