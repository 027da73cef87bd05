import { ArgumentError, ShapeError, describeValue } from '@advkit/core';
import type { LabeledData } from '../labeled-data.js';
import type { Model } from '../model.js';
import { checkModel } from './check-model.js';

/**
 * Checks `model` ({@link checkModel}, naming argument `model`) and `data` against it: `x` a Float32Array of
 * `n · dim` floats, `y` n labels that fit the model (±1 for a binary model, class indices 0..K−1
 * otherwise), `n` an integer >= 1. Throws ArgumentError / ShapeError naming `fn` and `arg.x` etc.
 * @returns the input dimension dim = prod(model.inputShape) (floats per example).
 */
export function checkLabeledData(data: unknown, model: Model, fn: string, arg = 'data'): number {
  checkModel(model, fn);
  if (typeof data !== 'object' || data === null) throw new ArgumentError(`must be {x, y, n}, got ${describeValue(data)}`, { fn, argument: arg });
  const { x, y, n } = data as Partial<LabeledData>;
  if (!(x instanceof Float32Array)) throw new ArgumentError(`must be a Float32Array, got ${describeValue(x)}`, { fn, argument: `${arg}.x` });
  if (!(y instanceof Float32Array || y instanceof Int32Array)) {
    throw new ArgumentError(`must be a Float32Array or Int32Array, got ${describeValue(y)}`, { fn, argument: `${arg}.y` });
  }
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) throw new ArgumentError(`must be an integer >= 1 (no empty data), got ${describeValue(n)}`, { fn, argument: `${arg}.n` });
  const dim = model.inputShape.reduce((a, b) => a * b, 1);
  if (x.length !== n * dim) {
    throw new ShapeError(`must hold n·${dim} = ${n * dim} floats for a model with input shape [${model.inputShape.join(',')}], got ${x.length}`, { fn, argument: `${arg}.x` });
  }
  if (y.length !== n) throw new ShapeError(`must hold n = ${n} labels, got ${y.length}`, { fn, argument: `${arg}.y` });
  if (model.numOutputs === 1) {
    for (let i = 0; i < n; i++) {
      if (y[i] !== 1 && y[i] !== -1) throw new ArgumentError(`must hold labels -1 or +1 for a binary model, got ${y[i]} at index ${i}`, { fn, argument: `${arg}.y` });
    }
  } else {
    for (let i = 0; i < n; i++) {
      const v = y[i]!;
      if (!Number.isInteger(v) || v < 0 || v >= model.numOutputs) {
        throw new ArgumentError(`must hold class indices 0..${model.numOutputs - 1}, got ${v} at index ${i}`, { fn, argument: `${arg}.y` });
      }
    }
  }
  return dim;
}
