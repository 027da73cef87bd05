/**
 * APGD's checkpoints (Croce & Hein, ICML 2020, §3.2): w_j = ⌈p_j·N_iter⌉ with p₀ = 0, p₁ = 0.22,
 * p_{j+1} = p_j + max(p_j − p_{j−1} − 0.03, 0.06), in the reference's integer form
 * (fra31/auto-attack, autopgd_base.py): the first check after k₀ = max(⌊0.22·N⌋, 1) iterations, then
 * every k iterations with k shrinking by max(⌊0.03·N⌋, 1) down to max(⌊0.06·N⌋, 1).
 *
 * Returns, for each check, the 0-based iteration `at` after which it runs and the window `k` of
 * iterations that it looks back on. For N = 100: at 21, 40, 56, 69, 79, 86, 92, 98 (p = 0.22, 0.41,
 * 0.57, 0.70, 0.80, 0.87, 0.93, 0.99), windows 22, 19, 16, 13, 10, 7, 6, 6.
 */
export function apgdCheckpoints(steps: number): { at: number; k: number }[] {
  let k = Math.max(Math.floor(0.22 * steps), 1);
  const kMin = Math.max(Math.floor(0.06 * steps), 1);
  const decrease = Math.max(Math.floor(0.03 * steps), 1);
  const out: { at: number; k: number }[] = [];
  let counter = 0;
  for (let i = 0; i < steps; i++) {
    counter++;
    if (counter === k) {
      out.push({ at: i, k });
      k = Math.max(k - decrease, kMin);
      counter = 0;
    }
  }
  return out;
}
