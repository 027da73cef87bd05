import type { Tensor, Tensor1D } from '@tensorflow/tfjs-core';
import type { Norm } from './norm.js';
import { checkBatch, checkNorm } from './internal/checks.js';
import { lpNormImpl } from './internal/lp-norm-impl.js';

/**
 * Per-example Lp norm. Axis 0 of `v` is the batch; each example's norm is taken over all its other axes:
 *
 *   ‖v‖_∞ = max_i |v_i|,   ‖v‖₂ = (Σ_i v_i²)^{1/2},   ‖v‖₁ = Σ_i |v_i|.
 *
 * Computed in float32 with tfjs ops (the L2 norm as `sqrt(sum(square(v)))`, so entries beyond ~1e19 in
 * magnitude overflow and below ~1e-19 underflow). Returns a `[batch]` tensor owned by the caller.
 *
 * @param v float32 tensor of rank ≥ 1, axis 0 the batch.
 * @param norm `'linf' | 'l2' | 'l1'`.
 * @throws ArgumentError / ShapeError for a bad tensor or an unknown norm.
 */
export function lpNorm(v: Tensor, norm: Norm): Tensor1D {
  const fn = 'lpNorm';
  const t = checkBatch(v, fn, 'v');
  return lpNormImpl(t, checkNorm(norm, fn, 'norm'));
}
