import { ArgumentError, checkNumber, describeValue } from '@advkit/core';

/**
 * A piecewise-constant learning-rate schedule for the `learningRate` option: `[[1, 0.1], [6, 0.01]]`
 * uses 0.1 in epochs 1–5 and 0.01 from epoch 6 on (the tutorial's CNN schedule, "0.1, then 0.01 after
 * epoch 5"). Epochs are 1-based, strictly increasing integers, the first one 1; rates finite and ≥ 0.
 *
 * @returns `(epoch, step) => lr`: the rate of the last entry whose epoch is ≤ `epoch`.
 * @throws ArgumentError for a malformed list.
 */
export function piecewiseSchedule(points: readonly (readonly [number, number])[]): (epoch: number, step: number) => number {
  const fn = 'piecewiseSchedule';
  if (!Array.isArray(points) || points.length === 0) {
    throw new ArgumentError(`must be a non-empty array of [epoch, learningRate] pairs, got ${describeValue(points)}`, { fn, argument: 'points' });
  }
  const list = points.map((p, i) => {
    if (!Array.isArray(p) || p.length !== 2) throw new ArgumentError(`must be an [epoch, learningRate] pair, got ${describeValue(p)}`, { fn, argument: `points[${i}]` });
    const epoch = checkNumber(p[0], fn, `points[${i}][0]`, { min: 1, integer: true });
    const lr = checkNumber(p[1], fn, `points[${i}][1]`, { min: 0 });
    return [epoch, lr] as const;
  });
  if (list[0]![0] !== 1) throw new ArgumentError(`must start at epoch 1, got ${list[0]![0]}`, { fn, argument: 'points[0][0]' });
  for (let i = 1; i < list.length; i++) {
    if (!(list[i]![0] > list[i - 1]![0])) {
      throw new ArgumentError(`must be greater than the previous epoch ${list[i - 1]![0]}, got ${list[i]![0]}`, { fn, argument: `points[${i}][0]` });
    }
  }
  return (epoch: number) => {
    let lr = list[0]![1];
    for (const [e, v] of list) if (e <= epoch) lr = v;
    return lr;
  };
}
