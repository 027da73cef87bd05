import * as tf from '@tensorflow/tfjs-core';
import type { GradConfig, NamedAttrMap } from '@tensorflow/tfjs-core';

/** `x` with its last two axes swapped, as its own tensor (a Transpose kernel). */
function swapLast(x: tf.Tensor): tf.Tensor {
  const perm = x.shape.map((_, i) => i);
  const r = perm.length;
  [perm[r - 2], perm[r - 1]] = [perm[r - 1]!, perm[r - 2]!];
  return tf.transpose(x, perm);
}

/** a·b with optional transposes done by explicit Transpose kernels, never by matMul's flags. */
function mm(a: tf.Tensor, b: tf.Tensor, ta: boolean, tb: boolean): tf.Tensor {
  return tf.matMul(ta ? swapLast(a) : a, tb ? swapLast(b) : b);
}

/**
 * The gradient of `BatchMatMul` (C = op(A)·op(B)), the same formulas as tfjs-core's
 * `BatchMatMul_grad` (for C = A·B: ∂A = ∂C·Bᵀ, ∂B = Aᵀ·∂C; the other three transpose cases follow),
 * but with every transpose done by an explicit Transpose kernel instead of matMul's `transposeA/B`
 * flags. Why: tfjs-backend-wasm 4.22 runs a matMul with a transposed operand far off XNNPACK's fast
 * path. Measured on a 2-core machine, for A [256,784], B [784,1024]: ∂C·Bᵀ by flag 188 ms vs 21 ms with
 * an explicit transpose, Aᵀ·∂C by flag 647 ms vs 16 ms (forward A·B: 15 ms). On the cpu backend both
 * ways cost the same. The results are the same products, so only float rounding order can differ.
 *
 * For C = A·B with A [M,K] and M ≤ K (a batch of M inputs of size K: every dense layer's input
 * gradient, which each attack step needs) ∂A is computed as (B·∂Cᵀ)ᵀ: XNNPACK repacks the right operand
 * of every product, and ∂Cᵀ [N,M] is smaller than Bᵀ [N,K]. Measured (wasm, same machine): 1.05 → 0.76
 * ms for M 100, K 784, N 100; 32.6 → 21.9 ms for M 256, K 1024, N 1024; bit-identical results.
 */
export const batchMatMulGradConfig: GradConfig = {
  kernelName: 'BatchMatMul',
  inputsToSave: ['a', 'b'],
  gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[], attrs: NamedAttrMap) => {
    const [a, b] = saved as [tf.Tensor, tf.Tensor];
    const g = dy as tf.Tensor;
    const { transposeA, transposeB } = attrs as { transposeA: boolean; transposeB: boolean };
    if (!transposeA && !transposeB) {
      const r = g.rank;
      const smallRight = g.shape[r - 2]! <= b.shape[r - 2]!; // M ≤ K
      return { a: () => (smallRight ? swapLast(mm(b, g, false, true)) : mm(g, b, false, true)), b: () => mm(a, g, true, false) };
    }
    if (!transposeA && transposeB) return { a: () => mm(g, b, false, false), b: () => mm(g, a, true, false) };
    if (transposeA && !transposeB) return { a: () => mm(b, g, false, true), b: () => mm(a, g, false, false) };
    return { a: () => mm(b, g, true, true), b: () => mm(g, a, true, true) };
  },
};
