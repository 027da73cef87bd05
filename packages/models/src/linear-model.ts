import * as tf from '@tensorflow/tfjs-core';
import { Rng, checkNumber, checkOptions } from '@advkit/core';
import type { Model } from './model.js';
import { torchLinearInit } from './torch-linear-init.js';
import { checkModelInput } from './internal/check-model-input.js';
import { makeVariable } from './internal/make-variable.js';

export interface LinearModelOptions {
  /** Number of input features d (784 for MNIST). */
  inputSize: number;
  /** Seed for the PyTorch-style init. @default 0 */
  seed?: number;
  /** Initialise weights and bias to zero instead (FIELD-NOTES: changes the attacked error). @default false */
  zeroInit?: boolean;
}

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
    const d = checkNumber(opts.inputSize, fn, 'options.inputSize', { min: 1, integer: true });
    const seed = checkNumber(opts.seed ?? 0, fn, 'options.seed', { integer: true });
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

  /** `x·θ + θ0` for `x` of shape `[batch, d]`: returns `[batch, 1]`, owned by the caller. */
  logits(x: tf.Tensor): tf.Tensor2D {
    checkModelInput(x, this.inputShape, 'LinearModel.logits');
    return tf.tidy(() => tf.add(tf.matMul(x as tf.Tensor2D, this.weight), this.bias));
  }

  dispose(): void {
    this.weight.dispose();
    this.bias.dispose();
  }
}
