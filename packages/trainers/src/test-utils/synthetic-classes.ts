import { Rng } from '@advkit/core';

/** A seeded K-class problem in [0,1]^d: class c has mean m_c ~ U[0.2, 0.8]^d and isotropic noise σ, clipped to [0, 1]. */
export function syntheticClasses(n: number, d: number, k: number, seed: number, sigma = 0.1): { x: Float32Array; y: Int32Array; n: number } {
  const rng = new Rng(seed);
  const means = Array.from({ length: k }, () => Array.from({ length: d }, () => 0.2 + 0.6 * rng.float()));
  const x = new Float32Array(n * d);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = rng.int(k);
    y[i] = c;
    for (let j = 0; j < d; j++) x[i * d + j] = Math.min(1, Math.max(0, means[c]![j]! + sigma * rng.normal()));
  }
  return { x, y, n };
}
