import type { Tensor } from '@tensorflow/tfjs-core';
import { ArgumentError, ShapeError, describeValue, isTensor } from '@advkit/core';
import type { LabeledData, LabeledInput } from '../labeled-data.js';
import type { Model } from '../model.js';
import { checkModel } from './check-model.js';

/**
 * Checks `model` ({@link checkModel}, naming argument `model`) and `data` (a {@link LabeledInput}) against
 * it and returns it as a {@link LabeledData} with the input dimension dim = prod(model.inputShape):
 * - `x` a Float32Array of `n · dim` floats, or a live float32/int32 tensor shaped `[n, ...inputShape]` or
 *   `[n, dim]`;
 * - `y` n labels that fit the model (±1 for a binary model, class indices 0..K−1 otherwise) as a typed
 *   array, a `number[]` or a rank-1 tensor;
 * - `n` an integer >= 1 (required for a typed-array `x`; for a tensor `x` it is `x.shape[0]`).
 *
 * Tensors are read once (`dataSync`) and copied; none is disposed or kept. Typed arrays are returned as
 * they are (no copy); a `number[]` of labels becomes an Int32Array (K-class) or Float32Array (binary),
 * the values unchanged. Throws ArgumentError / ShapeError naming `fn` and `arg.x` etc.
 */
export function resolveLabeledData(data: unknown, model: Model, fn: string, arg = 'data'): { data: LabeledData; dim: number } {
  checkModel(model, fn);
  if (typeof data !== 'object' || data === null) throw new ArgumentError(`must be {x, y, n} (typed arrays) or {x, y} (tensors), got ${describeValue(data)}`, { fn, argument: arg });
  const { x: xIn, y: yIn, n: nIn } = data as Partial<LabeledInput>;
  const dim = model.inputShape.reduce((a, b) => a * b, 1);
  let x: Float32Array;
  let n: number;
  if (isTensor(xIn)) {
    n = checkTensorX(xIn, model, dim, fn, `${arg}.x`);
    if (nIn !== undefined && nIn !== n) throw new ShapeError(`must equal data.x.shape[0] = ${n} when x is a tensor, got ${describeValue(nIn)}`, { fn, argument: `${arg}.n` });
    x = Float32Array.from(xIn.dataSync() as ArrayLike<number>);
  } else {
    if (!(xIn instanceof Float32Array)) throw new ArgumentError(`must be a Float32Array or a tf.Tensor, got ${describeValue(xIn)}`, { fn, argument: `${arg}.x` });
    if (typeof nIn !== 'number' || !Number.isInteger(nIn) || nIn < 1) {
      throw new ArgumentError(`must be an integer >= 1 (no empty data; required when x is a Float32Array), got ${describeValue(nIn)}`, { fn, argument: `${arg}.n` });
    }
    n = nIn;
    x = xIn;
    if (x.length !== n * dim) {
      throw new ShapeError(`must hold n·${dim} = ${n * dim} floats for a model with input shape [${model.inputShape.join(',')}], got ${x.length}`, { fn, argument: `${arg}.x` });
    }
  }
  const y = labels(yIn, model, n, fn, `${arg}.y`);
  return { data: { x, y, n }, dim };
}

/**
 * Checks `data` like {@link resolveLabeledData} and returns only dim = prod(model.inputShape). For callers
 * that hold a {@link LabeledData} already; with tensors, use the data {@link resolveLabeledData} returns.
 */
export function checkLabeledData(data: unknown, model: Model, fn: string, arg = 'data'): number {
  return resolveLabeledData(data, model, fn, arg).dim;
}

/** Checks a tensor `x` of examples against the model; returns n. */
function checkTensorX(x: Tensor, model: Model, dim: number, fn: string, arg: string): number {
  if (x.isDisposed) throw new ArgumentError('is a disposed tensor', { fn, argument: arg });
  if (x.dtype !== 'float32' && x.dtype !== 'int32') throw new ArgumentError(`must have dtype float32 or int32, got ${x.dtype}`, { fn, argument: arg });
  const [n, ...rest] = x.shape;
  const fits = (shape: readonly number[]): boolean => shape.length === rest.length && shape.every((d, i) => d === rest[i]);
  if (n === undefined || !(fits(model.inputShape) || fits([dim]))) {
    throw new ShapeError(`must have shape [n,${model.inputShape.join(',')}] or [n,${dim}] for a model with input shape [${model.inputShape.join(',')}], got [${x.shape.join(',')}]`, { fn, argument: arg });
  }
  if (n < 1) throw new ShapeError(`must hold at least one example (no empty data), got shape [${x.shape.join(',')}]`, { fn, argument: arg });
  return n;
}

/**
 * Checks labels `y` against the model and n; returns them as a typed array (the caller's own, or a copy).
 * A `number[]` or a tensor's values are checked before conversion, so 1.5 is refused, not truncated to 1.
 */
function labels(yIn: unknown, model: Model, n: number, fn: string, arg: string): Float32Array | Int32Array {
  const binary = model.numOutputs === 1;
  let raw: ArrayLike<number>;
  if (isTensor(yIn)) {
    if (yIn.isDisposed) throw new ArgumentError('is a disposed tensor', { fn, argument: arg });
    if (yIn.dtype !== 'float32' && yIn.dtype !== 'int32') throw new ArgumentError(`must have dtype float32 or int32, got ${yIn.dtype}`, { fn, argument: arg });
    if (yIn.rank !== 1) {
      const hint = !binary && yIn.rank === 2 ? ' (one label per example; for one-hot rows pass tf.argMax(y, 1))' : ' (one label per example)';
      throw new ShapeError(`must be a rank-1 tensor [${n}]${hint}, got shape [${yIn.shape.join(',')}]`, { fn, argument: arg });
    }
    raw = yIn.dataSync() as ArrayLike<number>;
  } else if (yIn instanceof Float32Array || yIn instanceof Int32Array) {
    raw = yIn;
  } else if (Array.isArray(yIn)) {
    for (let i = 0; i < yIn.length; i++) {
      if (typeof yIn[i] !== 'number') throw new ArgumentError(`must hold numbers, got ${describeValue(yIn[i])} at index ${i}`, { fn, argument: arg });
    }
    raw = yIn as number[];
  } else {
    throw new ArgumentError(`must be a Float32Array, an Int32Array, a number[] or a tf.Tensor, got ${describeValue(yIn)}`, { fn, argument: arg });
  }
  if (raw.length !== n) throw new ShapeError(`must hold n = ${n} labels, got ${raw.length}`, { fn, argument: arg });
  for (let i = 0; i < n; i++) {
    const v = raw[i]!;
    if (binary ? v !== 1 && v !== -1 : !Number.isInteger(v) || v < 0 || v >= model.numOutputs) {
      const want = binary ? 'labels -1 or +1 for a binary model' : `integer class indices 0..${model.numOutputs - 1}`;
      throw new ArgumentError(`must hold ${want}, got ${v} at index ${i}`, { fn, argument: arg });
    }
  }
  if (raw instanceof Float32Array || raw instanceof Int32Array) return raw === yIn ? raw : binary ? Float32Array.from(raw) : Int32Array.from(raw);
  return binary ? Float32Array.from(raw) : Int32Array.from(raw); // exact ±1 or integers: the same values
}
