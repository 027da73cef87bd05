import { describe, expect, it } from 'vitest';
import { ArgumentError } from './errors.js';
import { closestName, editDistance } from './internal/closest-name.js';
import { checkKnownKeys, checkSeed, optionKeys } from './validate.js';
import { Rng } from './rng.js';

/** The error `f` throws (fails the test when it throws nothing). */
function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
}

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent transpositions', () => {
    // values worked by hand: kitten → sitting is the textbook Levenshtein example (3)
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('baseUrll', 'baseUrl')).toBe(1);
    expect(editDistance('epslion', 'epsilon')).toBe(1); // one transposition, 2 for plain Levenshtein
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('is symmetric and bounded by the longer length (random strings against a brute-force check)', () => {
    const rng = new Rng(5);
    const word = (): string => Array.from({ length: rng.int(7) }, () => 'abc'[rng.int(3)]).join('');
    for (let k = 0; k < 300; k++) {
      const a = word(), b = word();
      const d = editDistance(a, b);
      expect(editDistance(b, a)).toBe(d);
      expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
      expect(d).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
      expect(d === 0).toBe(a === b);
    }
  });
});

describe('closestName', () => {
  const keys = ['dir', 'baseUrl', 'fetch', 'verifyChecksums', 'maxBytes', 'timeoutMs', 'signal'];
  it('suggests the nearest key within about one edit per three characters', () => {
    expect(closestName('baseUrll', keys)).toBe('baseUrl');
    expect(closestName('baseurl', keys)).toBe('baseUrl');
    expect(closestName('timeout', keys)).toBe('timeoutMs'); // 2 edits, within the limit ⌊7/3⌋ = 2
    expect(closestName('sig', keys)).toBe(undefined); // 'signal' is 3 edits away, limit max(1, ⌊3/3⌋) = 1
  });
  it('returns undefined when nothing is close', () => {
    expect(closestName('foo', keys)).toBe(undefined);
    expect(closestName('zzzzzzzzzz', keys)).toBe(undefined);
  });
});

describe('checkKnownKeys', () => {
  const allowed = ['baseUrl', 'dir', 'maxBytes'];
  it('accepts known keys only, including an empty object', () => {
    expect(() => checkKnownKeys({}, allowed, 'loadMnist')).not.toThrow();
    expect(() => checkKnownKeys({ baseUrl: 'x', maxBytes: 1 }, allowed, 'loadMnist')).not.toThrow();
  });
  it('names the unknown key, the function and the closest valid key', () => {
    const err = thrown(() => checkKnownKeys({ baseUrll: 'http://x' }, allowed, 'loadMnist'));
    expect(ArgumentError.isInstance(err)).toBe(true);
    expect(err.message).toBe('loadMnist: options.baseUrll is not an option of loadMnist; did you mean baseUrl?');
    expect((err as ArgumentError).argument).toBe('options.baseUrll');
  });
  it('lists the valid keys when none is close, and counts keys holding undefined', () => {
    expect(thrown(() => checkKnownKeys({ colour: undefined }, allowed, 'f', 'opts')).message).toBe(
      'f: opts.colour is not an option of f; the options are baseUrl, dir, maxBytes',
    );
  });
});

describe('checkSeed', () => {
  it('accepts integers in [0, 2^32)', () => {
    for (const s of [0, 1, 42, 2 ** 31, 4294967295]) expect(checkSeed(s, 'f', 'seed')).toBe(s);
  });
  it('rejects fractions, negatives, 2^32 and above, non-finite and non-numbers', () => {
    for (const s of [0.9, -1, 4294967296, 4294967297, Number.NaN, Infinity, -Infinity, '1', null, 1n]) {
      const err = thrown(() => checkSeed(s, 'f', 'options.seed'));
      expect(ArgumentError.isInstance(err)).toBe(true);
      expect(err.message).toMatch(/^f: options.seed must be an integer in \[0, 2\^32\) \(0 to 4294967295\), got /);
    }
  });
  it('is what Rng checks: Rng(0.9), Rng(2^32 + 1), Rng(-1) and Rng(NaN) throw', () => {
    for (const s of [0.9, 4294967297, -1, Number.NaN]) expect(() => new Rng(s)).toThrow(/^Rng: seed must be an integer in \[0, 2\^32\)/);
    expect(new Rng(4294967295).nextUint32()).toBe(new Rng(4294967295).nextUint32());
  });
});

describe('optionKeys', () => {
  interface Opts {
    steps: number;
    seed?: number;
  }
  it('lists every key of the interface, in the order written, and the compiler holds it to the interface', () => {
    const keys = optionKeys<Opts>()({ steps: true, seed: true });
    expect(keys).toEqual(['steps', 'seed']);
    expect(Object.isFrozen(keys)).toBe(true);
    // The compile-time half (checked by `turbo run typecheck`, which fails on an unused @ts-expect-error):
    // @ts-expect-error a key of the interface (seed) is missing from the list
    optionKeys<Opts>()({ steps: true });
    // @ts-expect-error stpes is not a key of the interface
    optionKeys<Opts>()({ steps: true, seed: true, stpes: true });
    expect(() => checkKnownKeys({ stpes: 20 }, keys, 'pgd')).toThrow('pgd: options.stpes is not an option of pgd; did you mean steps?');
  });
});
