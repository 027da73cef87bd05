import { ArgumentError, ShapeError, describeValue } from '@advkit/core';
import type { Model } from '@advkit/models';

/**
 * Examples held in JS memory, row-major: `x` has `n · prod(model.inputShape)` floats and `y` has `n`
 * labels — ±1 floats for binary models (`numOutputs === 1`), class indices 0..K−1 for K-class models.
 * `BinaryData` and `ClassData` from `@advkit/datasets` have this shape.
 */
export interface TrainingData {
  x: Float32Array;
  y: Float32Array | Int32Array;
  n: number;
}

/** Checks `data` against `model`; returns the input dimension (floats per example). */
export function checkTrainingData(data: unknown, model: Model, fn: string, arg = 'data'): number {
  const mm = model as Partial<Model> | null;
  if (typeof mm !== 'object' || mm === null || !Array.isArray(mm.inputShape) || typeof mm.numOutputs !== 'number' || !Array.isArray(mm.variables)) {
    throw new ArgumentError(`must be a Model ({ logits(x), inputShape, numOutputs, variables }), got ${describeValue(model)}`, { fn, argument: 'model' });
  }
  if (mm.variables.some((v) => v.isDisposed)) throw new ArgumentError('has disposed variables; was the model disposed?', { fn, argument: 'model' });
  if (typeof data !== 'object' || data === null) throw new ArgumentError(`must be {x, y, n}, got ${describeValue(data)}`, { fn, argument: arg });
  const { x, y, n } = data as Partial<TrainingData>;
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
