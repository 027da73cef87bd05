import { syntheticData, type ClassData } from '@advkit/datasets';

/** A seeded K-class problem (K ≥ 3; `syntheticData` of @advkit/datasets): class means ~ U[0.2, 0.8]^d, isotropic noise σ, clipped to [0, 1]. */
export function syntheticClasses(n: number, d: number, k: number, seed: number, sigma = 0.1): { x: Float32Array; y: Int32Array; n: number } {
  const data = syntheticData({ n, inputShape: [d], numClasses: k, seed, spread: sigma }) as ClassData;
  return { x: data.x, y: data.y as Int32Array, n: data.n };
}
