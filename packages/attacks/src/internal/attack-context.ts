import { ArgumentError, checkNumber, describeValue } from '@advkit/core';
import type { AttackContext } from '../attack.js';

/** The checked `context.batchIndex` of an `Attack.run` call: an integer >= 0, 0 when left out. */
export function checkBatchIndex(context: AttackContext | undefined, fn: string): number {
  if (context === undefined) return 0;
  if (typeof context !== 'object' || context === null || Array.isArray(context)) {
    throw new ArgumentError(`must be an AttackContext ({ batchIndex? }), got ${describeValue(context)}`, { fn, argument: 'context' });
  }
  return checkNumber(context.batchIndex ?? 0, fn, 'context.batchIndex', { min: 0, integer: true });
}
