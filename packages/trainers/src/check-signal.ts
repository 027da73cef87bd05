import { ArgumentError, describeValue } from '@advkit/core';

/**
 * Checks `options.signal` of `fn`: undefined, or an AbortSignal (anything with a boolean `aborted`;
 * callers stop with `if (signal?.aborted) throw signal.reason`). @throws ArgumentError naming `options.signal`.
 */
export function checkSignal(signal: unknown, fn: string): AbortSignal | undefined {
  if (signal !== undefined && (typeof signal !== 'object' || signal === null || typeof (signal as AbortSignal).aborted !== 'boolean')) {
    throw new ArgumentError(`must be an AbortSignal, got ${describeValue(signal)}`, { fn, argument: 'options.signal' });
  }
  return signal as AbortSignal | undefined;
}
