import type { Tensor } from '@tensorflow/tfjs-core';
import type { Model } from '@advkit/models';

/**
 * An attack: the inner maximisation `max_{δ∈Δ(x)} L(y, f(x+δ))`, returning the attacked inputs.
 *
 * Labels: ±1 floats of shape `[batch]` for binary models (`numOutputs === 1`), class indices (int32,
 * shape `[batch]`) for multi-class models. `run` must not change the model's state. The caller owns
 * the returned tensor (same shape as `x`) and must dispose it.
 */
export interface Attack {
  /** A short name for reports, e.g. `'exact-linear'`, `'fgsm'`, `'pgd'`. */
  readonly name: string;
  run(model: Model, x: Tensor, y: Tensor): Tensor;
}
