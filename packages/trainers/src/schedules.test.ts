import { describe, expect, it } from 'vitest';
import { ArgumentError } from '@advkit/core';
import { piecewiseSchedule, cyclicSchedule } from './index.js';

describe('piecewiseSchedule', () => {
  it('gives the tutorial CNN schedule: 0.1 in epochs 1–5, 0.01 from epoch 6', () => {
    const lr = piecewiseSchedule([[1, 0.1], [6, 0.01]]);
    expect([1, 2, 5, 6, 10, 50].map((e) => lr(e, 1))).toEqual([0.1, 0.1, 0.1, 0.01, 0.01, 0.01]);
    expect(lr(5, 600)).toBe(0.1);
  });

  it('rejects malformed lists', () => {
    expect(() => piecewiseSchedule([])).toThrow(ArgumentError);
    expect(() => piecewiseSchedule([[2, 0.1]])).toThrow(/piecewiseSchedule: points\[0\]\[0\] must start at epoch 1, got 2/);
    expect(() => piecewiseSchedule([[1, 0.1], [1, 0.2]])).toThrow(/points\[1\]\[0\] must be greater than the previous epoch 1/);
    expect(() => piecewiseSchedule([[1, -0.1]])).toThrow(/points\[0\]\[1\] must be a finite number >= 0/);
    expect(() => piecewiseSchedule([[1, 0.1, 3] as never])).toThrow(/points\[0\] must be an \[epoch, learningRate\] pair/);
  });
});

describe('cyclicSchedule', () => {
  it('rises linearly to max at 0.4·epochs and falls back to 0 at the end (per step)', () => {
    const lr = cyclicSchedule({ max: 0.2, epochs: 10, stepsPerEpoch: 100 });
    // closed form interp(t, [0, 4, 10], [0, 0.2, 0]) at t = epoch − 1 + step/100
    expect(lr(1, 50)).toBeCloseTo(0.2 * (0.5 / 4), 12);
    expect(lr(4, 100)).toBeCloseTo(0.2, 12);
    expect(lr(7, 100)).toBeCloseTo(0.2 * (3 / 6), 12);
    expect(lr(10, 100)).toBeCloseTo(0, 12);
  });

  it('without stepsPerEpoch, moves once per epoch at mid-epoch; a custom peak works', () => {
    const lr = cyclicSchedule({ max: 1, epochs: 4, peakEpoch: 2 });
    expect([1, 2, 3, 4].map((e) => lr(e, 7))).toEqual([0.25, 0.75, 0.75, 0.25]);
  });

  it('rejects bad options', () => {
    expect(() => cyclicSchedule({ max: NaN, epochs: 3 })).toThrow(/cyclicSchedule: options.max must be a finite number >= 0, got NaN/);
    expect(() => cyclicSchedule({ max: 1, epochs: 0 })).toThrow(/options.epochs/);
    expect(() => cyclicSchedule({ max: 1, epochs: 3, peakEpoch: 0 })).toThrow(/options.peakEpoch/);
  });
});
