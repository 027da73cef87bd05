import { checkOneOf } from '@advkit/core';
import { NORMS, type Norm } from './norm.js';

const DUAL: Readonly<Record<Norm, Norm>> = { linf: 'l1', l2: 'l2', l1: 'linf' };

/**
 * The dual norm ‖g‖_* = sup_{‖δ‖ ≤ 1} gᵀδ of an Lp norm: L∞ ↔ L1, L2 ↔ L2 (1/p + 1/q = 1; Boyd &
 * Vandenberghe, "Convex Optimization", 2004, §A.1.6). Throws `ArgumentError` (from `@advkit/core`) for an unknown norm.
 */
export function dualNormOf(norm: Norm): Norm {
  return DUAL[checkOneOf(norm, NORMS, 'dualNormOf', 'norm')];
}
