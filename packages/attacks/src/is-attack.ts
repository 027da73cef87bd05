import type { Attack } from './attack.js';

/**
 * True when `value` has the shape of an {@link Attack}: an object with a string `name` and a `run`
 * function. The one check advkit's trainers and evaluations use before calling an attack.
 */
export function isAttack(value: unknown): value is Attack {
  if (typeof value !== 'object' || value === null) return false;
  const a = value as Partial<Attack>;
  return typeof a.name === 'string' && typeof a.run === 'function';
}
