import { ArgumentError } from './errors.js';
import { describeValue } from './describe-value.js';

/**
 * Checks an optional stop signal of `fn`: undefined, or an AbortSignal (anything with a boolean
 * `aborted`, so a signal of another realm or a polyfill passes). Long computations then stop with
 * `if (signal?.aborted) throw signal.reason` between steps or batches.
 * @throws ArgumentError naming `fn` and `arg`.
 */
export function checkSignal(signal: unknown, fn: string, arg = 'options.signal'): AbortSignal | undefined {
  if (signal !== undefined && (typeof signal !== 'object' || signal === null || typeof (signal as AbortSignal).aborted !== 'boolean')) {
    throw new ArgumentError(`must be an AbortSignal, got ${describeValue(signal)}`, { fn, argument: arg });
  }
  return signal as AbortSignal | undefined;
}
