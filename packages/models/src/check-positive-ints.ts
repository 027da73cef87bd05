import { ArgumentError, checkNumber, describeValue } from '@advkit/core';

/**
 * Checks that `value` is an array of at least `minLength` positive integers (a shape, layer widths);
 * throws ArgumentError naming `fn` and `arg` (or `arg[i]`) otherwise. Returns a frozen copy.
 */
export function checkPositiveInts(value: unknown, fn: string, arg: string, minLength: number): readonly number[] {
  if (!Array.isArray(value) || value.length < minLength) {
    const what = minLength > 0 ? `a non-empty array of positive integers` : `an array of positive integers`;
    throw new ArgumentError(`must be ${what}, got ${describeValue(value)}`, { fn, argument: arg });
  }
  value.forEach((d: unknown, i) => checkNumber(d, fn, `${arg}[${i}]`, { min: 1, integer: true }));
  return Object.freeze([...(value as number[])]);
}
