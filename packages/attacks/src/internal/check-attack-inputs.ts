import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, ShapeError, checkTensor, describeValue } from '@advkit/core';
import type { Model } from '@advkit/models';
import { checkModel, checkModelInput } from '@advkit/models/internal';
import type { LpBall } from '@advkit/threat-models';
import type { BlackBoxModel } from '../black-box-model.js';

/** The attacks that run on a {@link BlackBoxModel}, for error messages. */
export const SCORE_BASED_ATTACKS = ['square'] as const;

/** Inputs of a multi-class attack, checked and flattened. */
export interface AttackInputs {
  n: number;
  /** Features per example. */
  d: number;
  x: Float32Array;
  y: Int32Array;
  /** The box of the threat model (±Infinity without one). */
  lo: number;
  hi: number;
}

export function isBlackBoxModel(value: unknown): value is BlackBoxModel {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'black-box';
}

/** Checks a differentiable multi-class model; a black-box model gets an error naming the attacks that can run. */
export function checkGradientModel(model: unknown, fn: string, minClasses: number, why: string): Model {
  if (isBlackBoxModel(model)) {
    throw new ArgumentError(`is a black-box model (scores only, no gradient), but ${fn} needs input gradients; attacks that run on black-box models: ${SCORE_BASED_ATTACKS.join(', ')}`, {
      fn,
      argument: 'model',
    });
  }
  const m = checkModel(model, fn);
  if (m.numOutputs < minClasses) throw new ArgumentError(`must have at least ${minClasses} classes (${why}), got numOutputs = ${m.numOutputs}`, { fn, argument: 'model' });
  return m;
}

/** Checks ε > 0 of the threat model and that the norm is one of `norms`. */
export function checkAttackBall(ball: LpBall, fn: string, norms: readonly string[]): void {
  if (!norms.includes(ball.norm)) throw new ArgumentError(`must use one of the norms ${norms.join(', ')}, got ${JSON.stringify(ball.norm)}`, { fn, argument: 'options.threatModel' });
  if (!(ball.epsilon > 0)) throw new ArgumentError(`must have epsilon > 0, got ${ball.epsilon}`, { fn, argument: 'options.threatModel' });
}

/**
 * Checks x (`[n, ...inputShape]`, float32, inside the threat model's box) and y (class indices `[n]`)
 * and returns them as flat arrays. Creates no tensors that outlive the call.
 */
export function checkAttackInputs(model: { inputShape: readonly number[]; numOutputs: number }, x: unknown, y: unknown, ball: LpBall, fn: string): AttackInputs {
  const xt = checkModelInput(x, model.inputShape, fn, 'x');
  const n = xt.shape[0]!;
  const yt = checkTensor(y, fn, 'y');
  if (!(yt.rank === 1 && yt.shape[0] === n)) throw new ShapeError(`must have shape [${n}] (one class index per example), got [${yt.shape.join(',')}]`, { fn, argument: 'y' });
  const yv = yt.dataSync();
  const k = model.numOutputs;
  const ya = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = yv[i]!;
    if (!Number.isInteger(v) || v < 0 || v >= k) throw new ArgumentError(`must hold class indices 0..${k - 1}, got ${describeValue(v)} at index ${i}`, { fn, argument: 'y' });
    ya[i] = v;
  }
  const xa = Float32Array.from(xt.dataSync() as Float32Array);
  const lo = ball.box?.min ?? -Infinity;
  const hi = ball.box?.max ?? Infinity;
  for (let q = 0; q < xa.length; q++) {
    const v = xa[q]!;
    if (!(v >= lo && v <= hi)) {
      throw new ArgumentError(`must lie inside the threat model's box [${lo}, ${hi}], got ${v} at flat index ${q}`, { fn, argument: 'x' });
    }
  }
  return { n, d: n === 0 ? 0 : xa.length / n, x: xa, y: ya, lo, hi };
}

/** A new tensor `[n, ...shape]` from a flat array, owned by the caller. */
export function toTensor(values: Float32Array, n: number, shape: readonly number[]): tf.Tensor {
  return tf.tensor(values, [n, ...shape], 'float32');
}
