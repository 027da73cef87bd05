import { describe, expect, it } from 'vitest';
import { AdvkitError, ArgumentError, ShapeError, DataFormatError, BackendError } from './errors.js';

describe('error hierarchy', () => {
  it('names the function and argument and keeps the cause', () => {
    const cause = new Error('inner');
    const e = new ShapeError('must have shape [*,784], got [2,3]', { fn: 'exactLinear', argument: 'x', cause });
    expect(e.message).toBe('exactLinear: x must have shape [*,784], got [2,3]');
    expect(e.name).toBe('ShapeError');
    expect(e.fn).toBe('exactLinear');
    expect(e.argument).toBe('x');
    expect(e.cause).toBe(cause);
    expect(e.kinds).toEqual(['ShapeError', 'ArgumentError', 'AdvkitError']);
    expect(e).toBeInstanceOf(ArgumentError);
  });

  it('isInstance recognises errors by brand, as from a second installed copy', () => {
    const e = new DataFormatError('bad magic');
    // Simulate an error object made by another copy of @advkit/core: same brand and kinds, other class.
    const foreign = Object.assign(Object.create(Error.prototype), {
      [Symbol.for('advkit.error')]: true,
      kinds: ['DataFormatError', 'AdvkitError'],
      message: 'x',
    });
    expect(DataFormatError.isInstance(e)).toBe(true);
    expect(DataFormatError.isInstance(foreign)).toBe(true);
    expect(AdvkitError.isInstance(foreign)).toBe(true);
    expect(BackendError.isInstance(foreign)).toBe(false);
    expect(ArgumentError.isInstance(e)).toBe(false);
    expect(AdvkitError.isInstance(new Error('plain'))).toBe(false);
    expect(AdvkitError.isInstance(null)).toBe(false);
  });
});
