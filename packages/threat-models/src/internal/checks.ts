import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, ShapeError, checkNumber, checkOneOf, checkTensor, describeValue } from '@advkit/core';
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
export function checkBox(value: unknown, fn: string, arg = 'options.box'): Box | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ArgumentError(`must be an object { min, max } with finite min < max, got ${describeValue(value)}`, { fn, argument: arg });
  }
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

function centerOutside(lo: number, hi: number, box: Box, fn: string, arg: string): ArgumentError {
  return new ArgumentError(
    `must lie inside the box [${box.min}, ${box.max}] (the ball's centre must be a valid input), got values in [${lo}, ${hi}]`,
    { fn, argument: arg },
  );
}

/** Throws unless every coordinate of `center` lies in the box (2 reductions and one read-back). */
export function checkCenterInBox(center: tf.Tensor, box: Box, fn: string, arg = 'center'): void {
  // Tensors (but Variables) are immutable, so a centre's range is read back once: PGD projects around the same clean
  // batch at every step, and the two reductions plus a read-back (a sync point) cost as much as a step's
  // projection itself.
  let range = centerRanges.get(center);
  if (range === undefined) {
    const t = tf.tidy(() => tf.stack([tf.min(center), tf.max(center)]));
    const [lo, hi] = t.dataSync();
    t.dispose();
    range = [lo!, hi!];
    if (!(center instanceof tf.Variable)) centerRanges.set(center, range); // a Variable can change
  }
  const [lo, hi] = range;
  if (!(lo >= box.min && hi <= box.max)) throw centerOutside(lo, hi, box, fn, arg);
}

/** [min, max] of each centre checked so far; weak, so it never keeps a tensor object alive. */
const centerRanges = new WeakMap<tf.Tensor, [number, number]>();

/** {@link checkCenterInBox} on data already read back. */
export function checkCenterDataInBox(center: ArrayLike<number>, box: Box, fn: string, arg = 'center'): void {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < center.length; i++) {
    const v = center[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(lo >= box.min && hi <= box.max)) throw centerOutside(lo, hi, box, fn, arg);
}
