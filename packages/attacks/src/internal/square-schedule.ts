/**
 * The fraction p of pixels that Square Attack changes at iteration `it` (Andriushchenko, Croce,
 * Flammarion & Hein, "Square Attack", ECCV 2020; the reference's `p_selection`): p_init halved at
 * iterations 10, 50, 200, 500, 1000, 2000, 4000, 6000 and 8000 (p = p_init/2 for 10 < it ≤ 50, …,
 * p_init/512 after 8000). With `rescale`, `it` is first mapped to ⌊it/queries·10000⌋, so the schedule
 * spans any budget (AutoAttack runs it without: rescale false, 5000 queries).
 */
export function squareSchedule(it: number, pInit: number, queries: number, rescale: boolean): number {
  const i = rescale ? Math.trunc((it / queries) * 10000) : it;
  const bounds = [10, 50, 200, 500, 1000, 2000, 4000, 6000, 8000];
  let halvings = 0;
  for (const b of bounds) if (i > b) halvings++;
  return pInit / 2 ** halvings;
}
