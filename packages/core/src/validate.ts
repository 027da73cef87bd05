import type { Tensor } from '@tensorflow/tfjs-core';
import { ArgumentError, ShapeError } from './errors.js';
import { describeValue } from './describe-value.js';
import { closestName } from './internal/closest-name.js';

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

/**
 * Throws {@link ArgumentError} on the first own key of the options object `value` that is not in
 * `allowed`, naming the key and the closest allowed one (by edit distance), e.g.
 * `loadMnist: options.baseUrll is not an option of loadMnist; did you mean baseUrl?`, or listing the
 * allowed keys when none is close. A typo in an option name would otherwise be ignored silently and
 * its default used. Call it after {@link checkOptions}. Keys holding `undefined` count too (a typo is
 * a typo whatever its value).
 */
export function checkKnownKeys(value: object, allowed: readonly string[], fn: string, arg = 'options'): void {
  if (!Array.isArray(allowed)) throw new ArgumentError(`has no list of allowed keys (got ${describeValue(allowed)})`, { fn: String(fn), argument: String(arg) });
  for (const key of Object.keys(checkOptions(value, fn, arg))) {
    if (allowed.includes(key)) continue;
    const near = closestName(key, allowed);
    const hint = near !== undefined ? `did you mean ${near}?` : `the options are ${allowed.join(', ')}`;
    throw new ArgumentError(`is not an option of ${fn}; ${hint}`, { fn, argument: `${arg}.${key}` });
  }
}

/**
 * The complete list of the option names of the options interface `T`, for {@link checkKnownKeys}, kept
 * next to the interface and checked by the compiler: write
 * `const PGD_KEYS = optionKeys<PgdOptions>()({ threatModel: true, steps: true, … })`. The object must
 * name every key of `T`, optional ones included, and nothing else (TypeScript's excess-property check on
 * the literal), so an option added to or removed from `T` without updating its list is a compile error.
 * (Curried because TypeScript cannot infer one type argument and take the other explicitly.)
 * @returns the keys, frozen, in the order written.
 */
export function optionKeys<T extends object>(): (keys: { readonly [K in keyof T]-?: true }) => readonly (keyof T & string)[] {
  return (keys) => Object.freeze(Object.keys(keys)) as readonly (keyof T & string)[];
}

/** 2³², one more than the largest seed. */
const SEED_LIMIT = 4294967296;

/**
 * Returns `value` if it is an integer in [0, 2³²) (the seeds of {@link Rng} and of every seed option in
 * advkit), else throws {@link ArgumentError}. Seeds are not reduced: 4294967297 and 1 would give the same
 * stream, and 0.9 the stream of 0, so both are refused instead.
 */
export function checkSeed(value: unknown, fn: string, arg: string): number {
  const ok = typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < SEED_LIMIT;
  if (!ok) throw new ArgumentError(`must be an integer in [0, 2^32) (0 to 4294967295), got ${describeValue(value)}`, { fn, argument: arg });
  return value as number;
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
