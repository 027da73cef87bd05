import type * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, checkNumber, checkOneOf, checkOptions, describeValue } from '@advkit/core';
import type { Model } from '@advkit/models';
import { checkModel, checkModelInput } from '@advkit/models/internal';
import { LpBall } from '@advkit/threat-models';
import { ATTACK_LOSSES, type AttackLoss } from './attack-objective.js';
import { encodeAttackLabels } from './attack-labels.js';

/** The options every gradient attack shares (validated). */
export interface ResolvedObjective {
  loss: AttackLoss;
  targeted: boolean;
}

export function checkThreatModel(value: unknown, fn: string, arg = 'options.threatModel'): LpBall {
  if (!(value instanceof LpBall)) throw new ArgumentError(`must be an LpBall, got ${describeValue(value)}`, { fn, argument: arg });
  return value;
}

export function checkBoolean(value: unknown, fallback: boolean, fn: string, arg: string): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new ArgumentError(`must be a boolean, got ${describeValue(value)}`, { fn, argument: arg });
  return value;
}

export function resolveObjective(options: { loss?: AttackLoss; targeted?: boolean; target?: unknown }, fn: string): ResolvedObjective {
  const loss = checkOneOf(options.loss ?? 'cross-entropy', ATTACK_LOSSES, fn, 'options.loss');
  const targeted = checkBoolean(options.targeted, false, fn, 'options.targeted');
  if (targeted && options.target === undefined) {
    throw new ArgumentError('is required when options.targeted is true (the class, or ±1 label, to push each example to)', { fn, argument: 'options.target' });
  }
  if (!targeted && options.target !== undefined) {
    throw new ArgumentError('is only used with options.targeted: true', { fn, argument: 'options.target' });
  }
  return { loss, targeted };
}

/**
 * Checks model, x, y (and the target when targeted) and returns the labels the objective uses
 * (true labels, or the targets), encoded by {@link encodeAttackLabels}; the caller disposes them.
 */
export function resolveBatch(
  model: unknown,
  x: unknown,
  y: unknown,
  target: unknown,
  targeted: boolean,
  fn: string,
): { model: Model; x: tf.Tensor; labels: tf.Tensor } {
  const m = checkModel(model, fn);
  const xt = checkModelInput(x, m.inputShape, fn, 'x');
  const batch = xt.shape[0]!;
  const yLabels = encodeAttackLabels(m, y, batch, fn, 'y');
  if (!targeted) return { model: m, x: xt, labels: yLabels };
  yLabels.dispose();
  return { model: m, x: xt, labels: encodeAttackLabels(m, target, batch, fn, 'options.target') };
}

export function checkSeed(value: unknown, fn: string): number {
  return checkNumber(value ?? 0, fn, 'options.seed', { integer: true });
}

export { checkOptions };
