import { Rng } from '@advkit/core';
import { Mlp, setWeights } from '@advkit/models';

/**
 * A seeded K-class problem in [0,1]^d (class c has mean m_c ~ U[0.2, 0.8]^d and isotropic noise σ,
 * clipped to [0, 1]) and its class means.
 */
export function classProblem(n: number, d: number, k: number, seed: number, sigma = 0.1): { data: { x: Float32Array; y: Int32Array; n: number }; means: number[][] } {
  const rng = new Rng(seed);
  const means = Array.from({ length: k }, () => Array.from({ length: d }, () => 0.2 + 0.6 * rng.float()));
  const x = new Float32Array(n * d);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = rng.int(k);
    y[i] = c;
    for (let j = 0; j < d; j++) x[i * d + j] = Math.min(1, Math.max(0, means[c]![j]! + sigma * rng.normal()));
  }
  return { data: { x, y, n }, means };
}

/**
 * The nearest-mean classifier as a linear `Mlp` (no hidden layer): argmin_c ‖x − m_c‖² =
 * argmax_c m_cᵀx − ‖m_c‖²/2, so logits z_c = m_cᵀx − ‖m_c‖²/2. A sensible "trained" model in closed form,
 * without a training loop (evaluation must not depend on @advkit/trainers).
 */
export function nearestMeans(means: number[][]): Mlp {
  const k = means.length;
  const d = means[0]!.length;
  const model = new Mlp({ inputShape: [d], hiddenSizes: [], numClasses: k });
  const w = new Float32Array(d * k); // [d, k], row-major: w[j·k + c] = m_c[j]
  means.forEach((m, c) => m.forEach((v, j) => (w[j * k + c] = v)));
  const b = Float32Array.from(means, (m) => -0.5 * m.reduce((s, v) => s + v * v, 0));
  setWeights(model, [w, b]);
  return model;
}
