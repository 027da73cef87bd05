import { ArgumentError, describeValue } from '@advkit/core';
import type { Model } from '../model.js';

/**
 * The one "is this a {@link Model}" check of advkit: an object with `logits(x)`, an `inputShape`
 * array, a numeric `numOutputs` and a `variables` array none of which is disposed. Throws an
 * ArgumentError naming `fn` and `arg` otherwise; returns `value` typed as a Model.
 */
export function checkModel(value: unknown, fn: string, arg = 'model'): Model {
  const m = value as Partial<Model> | null;
  if (
    typeof m !== 'object' ||
    m === null ||
    typeof m.logits !== 'function' ||
    !Array.isArray(m.inputShape) ||
    typeof m.numOutputs !== 'number' ||
    !Array.isArray(m.variables)
  ) {
    throw new ArgumentError(`must be a Model ({ logits(x), inputShape, numOutputs, variables }), got ${describeValue(value)}`, { fn, argument: arg });
  }
  if (m.variables.some((v) => v === null || typeof v !== 'object' || v.isDisposed)) {
    throw new ArgumentError('has a disposed variable; was the model disposed?', { fn, argument: arg });
  }
  return m as Model;
}
