import type { Tensor } from '@tensorflow/tfjs-core';
import { checkKnownKeys, checkOptions, optionKeys } from '@advkit/core';
import type { Norm } from './norm.js';
import { checkBatch, checkEpsilon, checkNorm } from './internal/checks.js';
import { linearMaximizerImpl } from './internal/linear-maximizer-impl.js';

export interface LinearMaximizerOptions {
  /** The norm of the ball. */
  norm: Norm;
  /** The radius ε, a finite number ≥ 0. */
  epsilon: number;
}
const LINEAR_MAXIMIZER_KEYS = optionKeys<LinearMaximizerOptions>()({ norm: true, epsilon: true });

/**
 * The maximiser of a linear function over the Lp ball, per example (axis 0 is the batch):
 *
 *   δ* = argmax_{‖δ‖_p ≤ ε} gᵀδ  =  ε·sign(g)                 (p = ∞)
 *                                 =  ε·g/‖g‖₂                 (p = 2; 0 when g = 0)
 *                                 =  ε·sign(g_j)·e_j,  j = argmax_i |g_i|   (p = 1; ties: lowest index)
 *
 * attaining gᵀδ* = ε‖g‖_*, the dual norm (Hölder's inequality; Boyd & Vandenberghe, "Convex
 * Optimization", 2004, §A.1.6). These are the steepest-ascent steps of FGSM/PGD (p = ∞: Goodfellow et
 * al., ICLR 2015; p = 2: the normalised gradient; p = 1: one coordinate per step; Tramèr & Boneh,
 * NeurIPS 2019, explain why L1 attacks usually take top-k "sparse L1 descent" steps instead).
 * The box is ignored here; project afterwards.
 *
 * L∞ is four elementwise tfjs ops, L1 an argmax and a one-hot, L2 about ten ops (scaled by max|g|
 * first, so gradients down to the smallest float32 still give a unit direction).
 *
 * sign is exact on every backend, down to the smallest subnormal, without relying on any patched kernel:
 * it is built as step(g) − step(−g), not with `tf.sign` (tfjs-backend-wasm 4.22's `Sign` returns 0 for
 * |g| < 1.19e-7). A NaN coordinate gives NaN (tfjs-cpu's `Sign` and PyTorch 1.13 give 0); ±0 gives +0.
 *
 * @param g float32 tensor of rank ≥ 1, e.g. an input gradient of shape [batch, 28, 28, 1].
 * @returns a tensor of g's shape, owned by the caller.
 * @throws ArgumentError / ShapeError for bad arguments.
 */
export function linearMaximizer(g: Tensor, options: LinearMaximizerOptions): Tensor {
  const fn = 'linearMaximizer';
  const t = checkBatch(g, fn, 'g');
  const opts = checkOptions(options, fn);
  checkKnownKeys(opts, LINEAR_MAXIMIZER_KEYS, fn);
  return linearMaximizerImpl(t, checkNorm(opts.norm, fn), checkEpsilon(opts.epsilon, fn));
}
