/**
 * Folds an input normalisation `(x·scale − mean_c)/std_c` (per channel c = the last input axis) into
 * the first dense layer of an `Mlp` (weights in `getWeights` order, first `W_1` of shape `[in, out]`
 * row-major, rows in flatten order so row i has channel `i mod channels`):
 *
 *   W'_ij = W_ij · scale / std_c(i),   b'_j = b_j − Σ_i W_ij · mean_c(i) / std_c(i),
 *
 * so `W'ᵀx + b' = Wᵀ((x·scale − mean)/std) + b`. Sums in float64. Returns new arrays.
 */
export function foldNormalization(
  weights: readonly Float32Array[],
  channels: number,
  { mean, std, scale }: { mean: readonly number[]; std: readonly number[]; scale: number },
): Float32Array[] {
  const [w, b, ...rest] = weights;
  const out = b!.length;
  const inputs = w!.length / out;
  const w2 = new Float32Array(w!.length);
  const b2 = Float64Array.from(b!);
  for (let i = 0; i < inputs; i++) {
    const c = i % channels;
    for (let j = 0; j < out; j++) {
      const wij = w![i * out + j]!;
      w2[i * out + j] = (wij * scale) / std[c]!;
      b2[j]! -= (wij * mean[c]!) / std[c]!;
    }
  }
  return [w2, Float32Array.from(b2), ...rest.map((a) => a.slice())];
}
