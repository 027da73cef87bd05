import type { Tensor } from '@tensorflow/tfjs-core';
import type { Model } from '@advkit/models';
import type { AttackSpec } from './attack-spec.js';

/** Where a call of {@link Attack.run} sits in a sequence of calls. */
export interface AttackContext {
  /**
   * 0-based index of this batch in its sequence: the training loop's global step, the evaluation's
   * batch number. Randomised attacks derive their seeds from it (never from hidden call counters), so
   * any call can be repeated on its own: resume, data-parallel shards, re-evaluation. @default 0
   */
  batchIndex?: number;
}

/**
 * An attack: the inner maximisation `max_{δ∈Δ(x)} L(y, f(x+δ))`, returning the attacked inputs.
 *
 * Labels: ±1 floats of shape `[batch]` for binary models (`numOutputs === 1`), class indices (int32,
 * shape `[batch]`) for multi-class models. `run` must not change the model's state, and its result
 * must depend only on its arguments (a randomised attack takes its seed from `context.batchIndex`), so
 * the same call repeated gives the same tensor. The caller owns the returned tensor (same shape as `x`)
 * and must dispose it.
 */
export interface Attack {
  /** A short name for reports, e.g. `'exact-linear'`, `'fgsm'`, `'pgd'`. */
  readonly name: string;
  run(model: Model, x: Tensor, y: Tensor, context?: AttackContext): Tensor;
  /**
   * Plain-data description (JSON-able) from which {@link attackFromSpec} rebuilds the same attack, e.g.
   * in a worker thread. The built-in attacks set it; an attack of your own may leave it out.
   */
  readonly spec?: AttackSpec;
}
