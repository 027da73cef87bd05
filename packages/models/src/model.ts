import type { Tensor, Variable } from '@tensorflow/tfjs-core';

/**
 * The model interface that attacks and trainers use: a differentiable map from a batch of inputs to
 * logits, plus the variables that training updates.
 *
 * - Binary models (`numOutputs === 1`) output one logit `f(x)`; the label is +1 when `f(x) > 0` and
 *   -1 otherwise (labels in advkit's binary APIs are ±1).
 * - Multi-class models (`numOutputs === K`) output K logits (not probabilities); the label is the argmax.
 *
 * Anything written with tfjs ops can implement it: attacks only call `logits` inside `tf.grad`.
 */
export interface Model {
  /**
   * The logits for a batch `x` of shape `[batch, ...inputShape]`: shape `[batch, numOutputs]`.
   * Must not change any state of the model. The caller owns (and must dispose) the returned tensor.
   */
  logits(x: Tensor): Tensor;
  /** The shape of one input, e.g. `[784]` or `[28, 28, 1]`. */
  readonly inputShape: readonly number[];
  /** 1 for a binary model with one logit, K for a K-class model. */
  readonly numOutputs: number;
  /** The trainable variables, in a fixed order (weights and checkpoints rely on it). Owned by the model. */
  readonly variables: readonly Variable[];
  /** Frees the model's variables. The model must not be used afterwards. */
  dispose(): void;
}
