import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, ShapeError, checkNumber, checkOneOf, checkTensor, describeValue, valueChecksEnabled, checkKnownKeys, optionKeys } from '@advkit/core';
import type { Box } from '../box.js';
import { NORMS, type Norm } from '../norm.js';

/** Argument checks shared by the public functions of this package (internal). */

export function checkNorm(value: unknown, fn: string, arg = 'options.norm'): Norm {
  return checkOneOf(value, NORMS, fn, arg);
}

/** ε must be a finite number ≥ 0. */
export function checkEpsilon(value: unknown, fn: string, arg = 'options.epsilon'): number {
  return checkNumber(value, fn, arg, { min: 0 });
}

/** `undefined`, or a box `{ min, max }` with finite `min < max`; returns a frozen copy. */
const BOX_KEYS = optionKeys<Box>()({ min: true, max: true });

export function checkBox(value: unknown, fn: string, arg = 'options.box'): Box | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ArgumentError(`must be an object { min, max } with finite min < max, got ${describeValue(value)}`, { fn, argument: arg });
  }
  checkKnownKeys(value, BOX_KEYS, fn, arg);
  const v = value as Partial<Box>;
  const min = checkNumber(v.min, fn, `${arg}.min`);
  const max = checkNumber(v.max, fn, `${arg}.max`);
  if (!(min < max)) throw new ArgumentError(`must have min < max, got { min: ${min}, max: ${max} }`, { fn, argument: arg });
  return Object.freeze({ min, max });
}

/** A live, non-empty float32 tensor with a batch axis (rank ≥ 1). */
export function checkBatch(value: unknown, fn: string, arg: string): tf.Tensor {
  return checkTensor(value, fn, arg, { dtype: 'float32', minRank: 1 });
}

/** Checks `x` and `center` as batches of the same shape. */
export function checkPair(x: unknown, center: unknown, fn: string, xArg = 'x', centerArg = 'center'): [tf.Tensor, tf.Tensor] {
  const a = checkBatch(x, fn, xArg);
  const c = checkBatch(center, fn, centerArg);
  if (a.shape.length !== c.shape.length || a.shape.some((d, i) => c.shape[i] !== d)) {
    throw new ShapeError(`must have the same shape as ${xArg} [${a.shape.join(',')}], got [${c.shape.join(',')}]`, { fn, argument: centerArg });
  }
  return [a, c];
}

/** `[batch, n]`: axis 0 is the batch, the other axes are flattened into one example of n coordinates. */
export function flatShape(t: tf.Tensor): [number, number] {
  const batch = t.shape[0]!;
  return [batch, t.size / batch];
}

/** What a centre's values are known to be: their range and whether they are all finite. */
interface CenterRange {
  lo: number;
  hi: number;
  finite: boolean;
}

/**
 * [min, max, finite] of each centre read so far. Tensors (but not Variables) are immutable, so a
 * centre's range is read back once: PGD projects around the same clean batch at every step, and the
 * reductions plus a read-back (a sync point, a stall on GPU backends) cost as much as a step's
 * projection itself. Weak, so it never keeps a tensor object alive.
 */
const centerRanges = new WeakMap<tf.Tensor, CenterRange>();

function remember(center: tf.Tensor, range: CenterRange): CenterRange {
  if (!(center instanceof tf.Variable)) centerRanges.set(center, range); // a Variable can change
  return range;
}

/** The range of `center`: cached, else 3 reductions and one read-back. */
function centerRange(center: tf.Tensor): CenterRange {
  const known = centerRanges.get(center);
  if (known !== undefined) return known;
  // Σ 0·c_i is 0 when every c_i is finite and NaN otherwise (0·±∞ = NaN), whatever min/max do with NaN.
  const t = tf.tidy(() => tf.stack([tf.min(center), tf.max(center), tf.sum(tf.mul(center, 0))]));
  const [lo, hi, zero] = t.dataSync();
  t.dispose();
  return remember(center, { lo: lo!, hi: hi!, finite: zero === 0 });
}

/** The range of centre data already read back (and remembered for `center` when given). */
function dataRange(data: ArrayLike<number>, center?: tf.Tensor): CenterRange {
  let lo = Infinity;
  let hi = -Infinity;
  let finite = true;
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
    if (!Number.isFinite(v)) finite = false;
  }
  const range = { lo, hi, finite };
  return center === undefined ? range : remember(center, range);
}

function checkRange(range: CenterRange, box: Box | undefined, fn: string, arg: string): void {
  const { lo, hi } = range;
  if (!range.finite) {
    const what = lo === -Infinity || hi === Infinity ? `values in [${lo}, ${hi}]` : 'NaN';
    throw new ArgumentError(`must hold finite numbers (it is the centre of the ball), got ${what}`, { fn, argument: arg });
  }
  if (box !== undefined && !(lo >= box.min && hi <= box.max)) {
    throw new ArgumentError(
      `must lie inside the box [${box.min}, ${box.max}] (the ball's centre must be a valid input), got values in [${lo}, ${hi}]. If the model expects normalised inputs, keep x and ε in pixel units and put the normalisation inside the model (withPreprocessing from @advkit/models): attacking normalised data with the box removed understates robust error`,
      { fn, argument: arg },
    );
  }
}

/**
 * Throws {@link ArgumentError} unless every coordinate of `center` is finite and (with a box) inside
 * the box. Reads the centre back once per tensor (3 reductions), then answers from a cache. Skipped
 * (no read-back, no check) when `valueChecksEnabled()` of @advkit/core is false: on GPU backends, where
 * a read-back is a device sync, unless the user called `setValueChecks('always')`.
 */
export function checkCenter(center: tf.Tensor, box: Box | undefined, fn: string, arg = 'center'): void {
  const known = centerRanges.get(center);
  if (known === undefined && !valueChecksEnabled()) return;
  checkRange(known ?? centerRange(center), box, fn, arg);
}

/**
 * {@link checkCenter} on `data`, the values of `center` already read back (no read-back of its own;
 * remembers the range for later calls on the same tensor).
 */
export function checkCenterData(center: tf.Tensor, data: ArrayLike<number>, box: Box | undefined, fn: string, arg = 'center'): void {
  checkRange(centerRanges.get(center) ?? dataRange(data, center), box, fn, arg);
}
