import type { Tensor } from '@tensorflow/tfjs-core';
import { ArgumentError, ShapeError } from './errors.js';
import { describeValue } from './describe-value.js';

/**
 * Argument checks for the public edge of every advkit package. Each takes the public function's name
 * (`fn`) and the argument's name (`arg`) so the error reads `fgsm: epsilon must be …, got NaN`
 * (tfjs's `convertToTensor(x, 'x', 'op')` habit).
 */

export interface NumberRule {
  /** Smallest allowed value. @default -Infinity */
  min?: number;
  /** Largest allowed value. @default Infinity */
  max?: number;
  /** Whether `min` itself is allowed. @default true */
  minInclusive?: boolean;
  /** Require an integer. @default false */
  integer?: boolean;
}

/** Returns `value` if it is a finite number satisfying `rule`, else throws {@link ArgumentError}. */
export function checkNumber(value: unknown, fn: string, arg: string, rule: NumberRule = {}): number {
  const { min = -Infinity, max = Infinity, minInclusive = true, integer = false } = rule;
  const what = integer ? 'an integer' : 'a finite number';
  const lo = Number.isFinite(min) ? ` ${minInclusive ? '>=' : '>'} ${min}` : '';
  const hi = Number.isFinite(max) ? `${lo ? ' and' : ''} <= ${max}` : '';
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (!integer || Number.isInteger(value)) &&
    (minInclusive ? value >= min : value > min) &&
    value <= max;
  if (!ok) throw new ArgumentError(`must be ${what}${lo}${hi}, got ${describeValue(value)}`, { fn, argument: arg });
  return value as number;
}

/** Returns `value` if it is one of `allowed`, else throws {@link ArgumentError} listing them. */
export function checkOneOf<T extends string | number>(value: unknown, allowed: readonly T[], fn: string, arg: string): T {
  if (!Array.isArray(allowed)) throw new ArgumentError(`has no list of allowed values (got ${describeValue(allowed)})`, { fn: String(fn), argument: String(arg) });
  if (!(allowed as readonly unknown[]).includes(value)) {
    throw new ArgumentError(`must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${describeValue(value)}`, {
      fn,
      argument: arg,
    });
  }
  return value as T;
}

/** Returns `value` (or `{}` when undefined) if it is a plain options object, else throws. */
export function checkOptions<T extends object>(value: T | undefined, fn: string, arg = 'options'): T {
  if (value === undefined) return {} as T;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ArgumentError(`must be an options object, got ${describeValue(value)}`, { fn, argument: arg });
  }
  return value;
}

/** True for a tfjs tensor from any copy of tfjs-core (tfjs's own duck test). */
export function isTensor(value: unknown): value is Tensor {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Tensor>;
  return Array.isArray(v.shape) && typeof v.dtype === 'string' && typeof v.dataSync === 'function' && v.dataId !== undefined;
}

export interface TensorRule {
  /** Required rank. */
  rank?: number;
  /** Smallest rank. */
  minRank?: number;
  /** Required dtype. */
  dtype?: 'float32' | 'int32' | 'bool';
  /** Require at least one element. @default true */
  nonEmpty?: boolean;
}

/** Returns `value` if it is a live tensor satisfying `rule`, else throws {@link ArgumentError}/{@link ShapeError}. */
export function checkTensor(value: unknown, fn: string, arg: string, rule: TensorRule = {}): Tensor {
  if (!isTensor(value)) throw new ArgumentError(`must be a tf.Tensor, got ${describeValue(value)}`, { fn, argument: arg });
  if (value.isDisposed) throw new ArgumentError('is a disposed tensor', { fn, argument: arg });
  if (rule.dtype !== undefined && value.dtype !== rule.dtype) {
    throw new ArgumentError(`must have dtype ${rule.dtype}, got ${value.dtype}`, { fn, argument: arg });
  }
  if (rule.rank !== undefined && value.rank !== rule.rank) {
    throw new ShapeError(`must have rank ${rule.rank}, got shape [${value.shape.join(',')}]`, { fn, argument: arg });
  }
  if (rule.minRank !== undefined && value.rank < rule.minRank) {
    throw new ShapeError(`must have rank >= ${rule.minRank}, got shape [${value.shape.join(',')}]`, { fn, argument: arg });
  }
  if ((rule.nonEmpty ?? true) && value.size === 0) {
    throw new ShapeError(`must not be empty, got shape [${value.shape.join(',')}]`, { fn, argument: arg });
  }
  return value;
}

/** Throws {@link ShapeError} unless `actual` equals `expected` (a `-1` in `expected` matches any size). */
export function checkShape(actual: readonly number[], expected: readonly number[], fn: string, arg: string, what = ''): void {
  if (!Array.isArray(actual) || !Array.isArray(expected)) {
    throw new ArgumentError(`must have a shape (an array of sizes), got ${describeValue(Array.isArray(actual) ? expected : actual)}`, { fn: String(fn), argument: String(arg) });
  }
  const ok = actual.length === expected.length && actual.every((d, i) => expected[i] === -1 || expected[i] === d);
  if (!ok) {
    const want = expected.map((d) => (d === -1 ? '*' : String(d))).join(',');
    throw new ShapeError(`must have shape [${want}]${what ? ` (${what})` : ''}, got [${actual.join(',')}]`, { fn, argument: arg });
  }
}
