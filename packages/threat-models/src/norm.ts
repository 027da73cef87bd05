/**
 * The norms a threat model can use: `'linf'` (‖v‖_∞ = max_i |v_i|), `'l2'` (‖v‖₂ = √Σ v_i²) and
 * `'l1'` (‖v‖₁ = Σ |v_i|).
 */
export type Norm = 'linf' | 'l2' | 'l1';

/** Every {@link Norm}, in the order error messages list them. */
export const NORMS: readonly Norm[] = Object.freeze(['linf', 'l2', 'l1'] as const);
