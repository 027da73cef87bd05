import type { StepStats } from './step-stats.js';

/**
 * Summed logistic loss Ψ(m) = log(1 + e^{−m}) (computed stably) and the number of errors, from
 * margins read back from the device. An error is a margin that is not > 0: m ≤ 0, and also NaN
 * (a diverged model classifies nothing; `NaN <= 0` is false, so testing `m <= 0` alone counted it as
 * correct). Ψ(NaN) = NaN makes the loss NaN, as it should; m = +∞ is correct with loss 0, m = −∞ an
 * error with loss +∞.
 */
export function marginStats(margins: ArrayLike<number>): StepStats {
  let lossSum = 0;
  let errors = 0;
  for (let i = 0; i < margins.length; i++) {
    const m = margins[i]!;
    lossSum += m > 0 ? Math.log1p(Math.exp(-m)) : -m + Math.log1p(Math.exp(m));
    if (!(m > 0)) errors++;
  }
  return { lossSum, errors };
}
