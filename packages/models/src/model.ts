import type { Tensor, Variable } from '@tensorflow/tfjs-core';

/** Options of {@link Model.logits}. */
export interface LogitsOptions {
  /**
   * Run in training mode: layers that behave differently in training (BatchNorm normalises with the
   * batch's statistics and updates its moving averages; Dropout drops units) do so. Only training steps
   * pass `true`, inside the gradient of the training loss; attacks and evaluation never pass it, so they
   * see the deterministic inference-mode model. @default false
   */
  training?: boolean;
}

/**
 * The model interface that attacks and trainers use: a differentiable map from a batch of inputs to
 * logits, plus the variables that training updates.
 *
 * - Binary models (`numOutputs === 1`) output one logit `f(x)`; the label is +1 when `f(x) > 0` and
 *   -1 otherwise (labels in advkit's binary APIs are ±1).
 * - Multi-class models (`numOutputs === K`) output K logits (not probabilities); the label is the argmax.
 *
 * Anything written with tfjs ops can implement it: attacks only call `logits` inside `tf.grad`.
 * `fromLayersModel` and `fromGraphModel` adapt tfjs-layers and tfjs-converter models; `withPreprocessing`
 * puts a normalisation inside a model so attacks work in pixel units.
 *
 * Training and inference mode: `logits(x)` is inference mode (attacks, evaluation);
 * `logits(x, { training: true })` is training mode, which training steps use so BatchNorm statistics
 * update and Dropout is active. Models without such layers (`LinearModel`, `Mlp`, `Cnn`) accept the
 * option and ignore it.
 */
export interface Model {
  /**
   * The logits for a batch `x` of shape `[batch, ...inputShape]`: shape `[batch, numOutputs]`.
   * In inference mode (the default) it must not change any state of the model; in training mode
   * (`options.training`) it may update non-trainable state such as BatchNorm moving averages, never the
   * trainable `variables`. The caller owns (and must dispose) the returned tensor.
   */
  logits(x: Tensor, options?: LogitsOptions): Tensor;
  /** The shape of one input, e.g. `[784]` or `[28, 28, 1]`. */
  readonly inputShape: readonly number[];
  /** 1 for a binary model with one logit, K for a K-class model. */
  readonly numOutputs: number;
  /** The trainable variables, in a fixed order (weights and checkpoints rely on it). Owned by the model. */
  readonly variables: readonly Variable[];
  /**
   * `false` for a model that cannot be trained (a `fromGraphModel` adapter: its weights are constants of
   * the graph, and `variables` is empty); trainers refuse such a model. Absent means trainable.
   * @default true
   */
  readonly trainable?: boolean;
  /** Frees the model's variables. The model must not be used afterwards. */
  dispose(): void;
}
