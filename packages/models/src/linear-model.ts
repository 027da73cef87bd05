import * as tf from '@tensorflow/tfjs-core';
import { Rng, checkNumber, checkOptions, checkSeed, checkKnownKeys, optionKeys } from '@advkit/core';
import type { LogitsOptions, Model } from './model.js';
import { torchLinearInit } from './torch-linear-init.js';
import { checkModelInput } from './internal/check-model-input.js';
import { makeVariable } from './internal/make-variable.js';

export interface LinearModelOptions {
  /** Number of input features d (784 for MNIST). */
  inputSize: number;
  /** Seed for the PyTorch-style init. @default 0 */
  seed?: number;
  /** Initialise weights and bias to zero instead (changes the attacked error: the always-black border pixels then keep weight 0; the tutorial's linear experiment drops from about 0.85 to about 0.75). @default false */
  zeroInit?: boolean;
}
const LINEAR_MODEL_KEYS = optionKeys<LinearModelOptions>()({ inputSize: true, seed: true, zeroInit: true });

/**
 * Binary logistic-regression model `f(x) = θᵀx + θ0` with one logit (label +1 when f(x) > 0).
 * Initialised like PyTorch's `nn.Linear(d, 1)` (see {@link torchLinearInit}). Owns two variables:
 * `weight` of shape `[d, 1]` and `bias` of shape `[1]`; free them with {@link LinearModel.dispose}.
 */
export class LinearModel implements Model {
  readonly inputShape: readonly number[];
  readonly numOutputs = 1;
  readonly weight: tf.Variable;
  readonly bias: tf.Variable;

  constructor(options: LinearModelOptions) {
    const fn = 'LinearModel';
    const opts = checkOptions(options, fn);
    checkKnownKeys(opts, LINEAR_MODEL_KEYS, fn);
    const d = checkNumber(opts.inputSize, fn, 'options.inputSize', { min: 1, integer: true });
    const seed = checkSeed(opts.seed ?? 0, fn, 'options.seed');
    this.inputShape = [d];
    const rng = new Rng(seed);
    const w = opts.zeroInit ? new Float32Array(d) : torchLinearInit(rng, d, d);
    const b = opts.zeroInit ? new Float32Array(1) : torchLinearInit(rng, d, 1);
    this.weight = makeVariable(tf.tensor2d(w, [d, 1]));
    this.bias = makeVariable(tf.tensor1d(b));
  }

  get variables(): readonly tf.Variable[] {
    return [this.weight, this.bias];
  }

  /**
   * `x·θ + θ0` for `x` of shape `[batch, d]`: returns `[batch, 1]`, owned by the caller.
   * `options.training` is accepted and ignored (a linear model has one mode).
   */
  logits(x: tf.Tensor, _options?: LogitsOptions): tf.Tensor2D {
    checkModelInput(x, this.inputShape, 'LinearModel.logits');
    return tf.tidy(() => tf.add(tf.matMul(x as tf.Tensor2D, this.weight), this.bias));
  }

  dispose(): void {
    this.weight.dispose();
    this.bias.dispose();
  }
}
