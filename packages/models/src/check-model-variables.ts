import { ArgumentError, describeValue } from '@advkit/core';
import type { Model } from './model.js';

/** Returns `model.variables` after checking that `model` looks like a {@link Model}. */
export function checkModelVariables(model: unknown, fn: string): Model['variables'] {
  const variables = (model as Partial<Model> | null | undefined)?.variables;
  if (typeof model !== 'object' || model === null || !Array.isArray(variables)) {
    throw new ArgumentError(`must be a Model (an object with a variables array), got ${describeValue(model)}`, { fn, argument: 'model' });
  }
  return variables;
}
