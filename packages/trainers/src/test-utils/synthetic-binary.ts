import { Rng } from '@advkit/core';

/** A seeded, linearly separable-ish binary problem: x ~ U[0,1]^d, y = sign(wᵀ(x − 0.5)) with label noise. */
export function syntheticBinary(n: number, d: number, seed: number, noise = 0.05): { x: Float32Array; y: Float32Array; n: number; dim: number } {
  const rng = new Rng(seed);
  const w = Array.from({ length: d }, () => rng.normal());
  const x = new Float32Array(n * d);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) {
      const v = rng.float();
      x[i * d + j] = v;
      s += w[j]! * (v - 0.5);
    }
    y[i] = (s > 0) !== rng.float() < noise ? 1 : -1;
  }
  return { x, y, n, dim: d };
}
