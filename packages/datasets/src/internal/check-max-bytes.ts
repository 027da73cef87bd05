import { ArgumentError, describeValue } from '@advkit/core';

/** `value ?? fallback` if it is a number >= 1 (an integer, or Infinity for no limit), else ArgumentError. */
export function checkMaxBytes(value: unknown, fn: string, fallback: number): number {
  if (value === undefined) return fallback;
  const ok = typeof value === 'number' && value >= 1 && (Number.isInteger(value) || value === Infinity);
  if (!ok) {
    throw new ArgumentError(`must be an integer >= 1 (or Infinity for no limit), got ${describeValue(value)}`, {
      fn,
      argument: 'options.maxBytes',
    });
  }
  return value;
}
