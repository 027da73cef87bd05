import type { StepStats } from './step-stats.js';

/**
 * Summed logistic loss Ψ(m) = log(1 + e^{−m}) (computed stably) and the number of margins m ≤ 0, from
 * margins read back from the device.
 */
export function marginStats(margins: ArrayLike<number>): StepStats {
  let lossSum = 0;
  let errors = 0;
  for (let i = 0; i < margins.length; i++) {
    const m = margins[i]!;
    lossSum += m > 0 ? Math.log1p(Math.exp(-m)) : -m + Math.log1p(Math.exp(m));
    if (m <= 0) errors++;
  }
  return { lossSum, errors };
}
