/** The largest |a[i]| (0 for an empty array): the size of an error vector. */
export function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]!));
  return m;
}

/**
 * The largest |a[i] − b[i]|: the L∞ distance of two results compared entry by entry (a NaN entry gives
 * NaN, so a comparison `≤ tol` fails). Throws when the lengths differ: two results of different sizes
 * are never "close".
 */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`maxAbsDiff: lengths differ (${a.length} vs ${b.length})`);
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i]! - b[i]!);
    if (Number.isNaN(d)) return Number.NaN;
    m = Math.max(m, d);
  }
  return m;
}
