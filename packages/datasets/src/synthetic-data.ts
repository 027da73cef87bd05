import { ArgumentError, Rng, checkNumber, checkOptions, describeValue, checkKnownKeys, optionKeys } from '@advkit/core';
import type { BinaryData } from './binary-data.js';
import type { ClassData } from './class-data.js';

export interface SyntheticDataOptions {
  /** Number of examples (an integer >= 1). */
  n: number;
  /** Shape of one example, e.g. `[20]` or `[8, 8, 1]`; `x` holds `n · product(inputShape)` values. */
  inputShape: readonly number[];
  /**
   * 2: a binary problem with labels −1/+1 (`BinaryData`, for one-logit models such as `LinearModel`);
   * 3 or more: labels 0..numClasses−1 (`ClassData`, for models with one logit per class).
   */
  numClasses: number;
  /** Seed of every random choice (an integer in [0, 2³²)); the same options give the same data everywhere. */
  seed: number;
  /** Binary problems: the probability that a label is flipped. @default 0.05 */
  labelNoise?: number;
  /** Three or more classes: the standard deviation σ of each example around its class mean. @default 0.1 */
  spread?: number;
}
const SYNTHETIC_DATA_KEYS = optionKeys<SyntheticDataOptions>()({ n: true, inputShape: true, numClasses: true, seed: true, labelNoise: true, spread: true });

/**
 * A small seeded classification problem in [0, 1]^d (d = product of `inputShape`), for tests, examples
 * and benchmarks that should not need MNIST. Two kinds, by `numClasses`:
 *
 * - 2 classes (labels ±1): w ~ N(0, I_d); x ~ U[0, 1]^d; y = sign(wᵀ(x − ½)), flipped with probability
 *   `labelNoise`. Linearly separable up to the flipped labels.
 * - K ≥ 3 classes (labels 0..K−1): class means m_c ~ U[0.2, 0.8]^d; y ~ U{0..K−1};
 *   x = clip(m_y + σ·N(0, I_d), 0, 1).
 *
 * All draws come from one `Rng(seed)` in that order (w or the means first, then example by example), so
 * the data are bit-identical on every platform.
 *
 * @returns fresh arrays owned by the caller.
 * @throws {ArgumentError} a bad size, shape, class count, seed or noise level.
 */
export function syntheticData(options: SyntheticDataOptions & { numClasses: 2 }): BinaryData;
export function syntheticData(options: SyntheticDataOptions): BinaryData | ClassData;
export function syntheticData(options: SyntheticDataOptions): BinaryData | ClassData {
  const fn = 'syntheticData';
  if (options === undefined) throw new ArgumentError('must be an options object, got undefined', { fn, argument: 'options' });
  const o = checkOptions(options, fn);
  checkKnownKeys(o, SYNTHETIC_DATA_KEYS, fn);
  const n = checkNumber(o.n, fn, 'options.n', { min: 1, integer: true });
  const shape: unknown = o.inputShape;
  if (!Array.isArray(shape) || shape.length === 0 || !shape.every((s) => Number.isInteger(s) && s >= 1)) {
    throw new ArgumentError(`must be a non-empty array of integers >= 1, got ${describeValue(shape)}`, { fn, argument: 'options.inputShape' });
  }
  const d = (shape as number[]).reduce((a, b) => a * b, 1);
  const k = checkNumber(o.numClasses, fn, 'options.numClasses', { min: 2, integer: true });
  const seed = checkNumber(o.seed, fn, 'options.seed', { min: 0, max: 2 ** 32 - 1, integer: true });
  if (n * d > 2 ** 28) throw new ArgumentError(`× input size must be at most 2^28 values, got ${n} × ${d}`, { fn, argument: 'options.n' });
  const rng = new Rng(seed);
  const x = new Float32Array(n * d);
  if (k === 2) {
    if (o.spread !== undefined) throw new ArgumentError('applies to three or more classes only (a binary problem uses labelNoise)', { fn, argument: 'options.spread' });
    const noise = checkNumber(o.labelNoise ?? 0.05, fn, 'options.labelNoise', { min: 0, max: 1 });
    const w = Array.from({ length: d }, () => rng.normal());
    const y = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < d; j++) {
        const v = rng.float();
        x[i * d + j] = v;
        s += w[j]! * (v - 0.5);
      }
      y[i] = s > 0 !== rng.float() < noise ? 1 : -1;
    }
    return { x, y, n, dim: d };
  }
  if (o.labelNoise !== undefined) throw new ArgumentError('applies to binary problems only (three or more classes use spread)', { fn, argument: 'options.labelNoise' });
  const sigma = checkNumber(o.spread ?? 0.1, fn, 'options.spread', { min: 0 });
  const means = Array.from({ length: k }, () => Array.from({ length: d }, () => 0.2 + 0.6 * rng.float()));
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = rng.int(k);
    y[i] = c;
    const m = means[c]!;
    for (let j = 0; j < d; j++) x[i * d + j] = Math.min(1, Math.max(0, m[j]! + sigma * rng.normal()));
  }
  return { x, y, n, dim: d, numClasses: k };
}
