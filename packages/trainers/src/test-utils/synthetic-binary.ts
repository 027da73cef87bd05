import { syntheticData } from '@advkit/datasets';

/** A seeded binary problem (`syntheticData` of @advkit/datasets with 2 classes): x ~ U[0,1]^d, y = sign(wᵀ(x − 0.5)), labels flipped with probability `noise`. */
export function syntheticBinary(n: number, d: number, seed: number, noise = 0.05): { x: Float32Array; y: Float32Array; n: number; dim: number } {
  return syntheticData({ n, inputShape: [d], numClasses: 2, seed, labelNoise: noise });
}
