import { describe, expect, it } from 'vitest';
import { ArgumentError, checkSignal, yieldToEventLoop } from './index.js';

describe('yieldToEventLoop', () => {
  it('lets a macrotask queued before it run (a microtask would not)', async () => {
    let ran = false;
    setImmediate(() => (ran = true));
    await Promise.resolve();
    expect(ran).toBe(false);
    await yieldToEventLoop();
    expect(ran).toBe(true);
  });
});

describe('checkSignal', () => {
  it('passes undefined and AbortSignals through, and names the argument otherwise', () => {
    const s = new AbortController().signal;
    expect(checkSignal(undefined, 'f')).toBeUndefined();
    expect(checkSignal(s, 'f')).toBe(s);
    expect(() => checkSignal({}, 'f')).toThrow(ArgumentError);
    expect(() => checkSignal('stop', 'train', 'signal')).toThrow(/^train: signal must be an AbortSignal, got "stop"/);
  });
});
