import * as tf from '@tensorflow/tfjs-core';
import { checkNumber, checkOptions, checkKnownKeys, optionKeys } from '@advkit/core';
import type { LabeledInput, Model } from '@advkit/models';
import { resolveLabeledData } from '@advkit/models/internal';
import { inputGradient } from '../input-gradient.js';
import { labeledBatch } from './labeled-batch.js';
import { modelLogits } from '../internal/model-logits.js';

/** Per-attack figures that {@link diagnoseAttacks} compares (what `robustEvaluate` reports). */
export interface AttackErrorSummary {
  name: string;
  error: number;
}

export interface DiagnoseAttacksOptions {
  /** Per-attack errors on the same data (e.g. `robustEvaluate(...).perAttack`), for the FGSM-vs-PGD check. @default [] */
  perAttack?: readonly AttackErrorSummary[];
  /** Examples (the first ones of `data`) used for the gradient and output checks. @default 500 */
  sampleSize?: number;
  /** Fraction of sampled examples with a zero or NaN input gradient above which to warn. @default 0.1 */
  gradientWarnFraction?: number;
}
const DIAGNOSE_ATTACKS_KEYS = optionKeys<DiagnoseAttacksOptions>()({ perAttack: true, sampleSize: true, gradientWarnFraction: true });

/**
 * Signs that an attack evaluation is not to be trusted (Athalye, Carlini & Wagner, "Obfuscated
 * gradients give a false sense of security", ICML 2018; Carlini et al., "On evaluating adversarial
 * robustness", 2019), as human-readable warnings (empty when nothing is suspicious):
 *
 * 1. The cross-entropy input gradient ∇ₓL is exactly zero, or has a NaN, for more than
 *    `gradientWarnFraction` of the sampled examples: gradient attacks cannot move them (saturated
 *    softmax, a non-differentiable preprocessing step, a float overflow).
 * 2. An attack named `fgsm` has a higher error than one named `pgd`: PGD includes the FGSM step's
 *    direction and more, so a weaker single step beating it signals gradient masking (or a bad PGD step size).
 * 3. Every sampled output row of a K-class model lies in [0, 1] and sums to 1 (±1e-3): the model
 *    returns probabilities, not logits, so the cross-entropy is taken of a softmax of probabilities and
 *    its gradients nearly vanish. (Not checked for binary models.)
 *
 * Frees every tensor it creates.
 */
export function diagnoseAttacks(model: Model, data: LabeledInput, options?: DiagnoseAttacksOptions): string[] {
  const fn = 'diagnoseAttacks';
  const opts = checkOptions(options, fn);
  checkKnownKeys(opts, DIAGNOSE_ATTACKS_KEYS, fn);
  const { data: rows, dim } = resolveLabeledData(data, model, fn); // typed arrays (tensors read once)
  const sampleSize = checkNumber(opts.sampleSize ?? 500, fn, 'options.sampleSize', { min: 1, integer: true });
  const warnFraction = checkNumber(opts.gradientWarnFraction ?? 0.1, fn, 'options.gradientWarnFraction', { min: 0, max: 1 });
  const warnings: string[] = [];
  const n = Math.min(sampleSize, rows.n);
  const binary = model.numOutputs === 1;
  const { x, y } = labeledBatch(model, rows, dim, 0, n);
  try {
    const g = inputGradient(model, x, y);
    const gv = g.dataSync();
    g.dispose();
    let zero = 0;
    let nan = 0;
    for (let i = 0; i < n; i++) {
      let allZero = true;
      let hasNan = false;
      for (let j = i * dim; j < (i + 1) * dim; j++) {
        const v = gv[j]!;
        if (Number.isNaN(v)) hasNan = true;
        else if (v !== 0) allZero = false;
      }
      if (hasNan) nan++;
      else if (allZero) zero++;
    }
    if (nan / n > warnFraction) warnings.push(`input gradient is NaN for ${nan} of ${n} sampled examples: gradient attacks cannot be trusted on them`);
    if (zero / n > warnFraction) {
      warnings.push(`input gradient is exactly zero for ${zero} of ${n} sampled examples (saturated or masked gradients): gradient attacks cannot move them, so robust error may be underestimated`);
    }
    if (!binary) {
      const z = modelLogits(model, x, fn);
      const zv = z.dataSync();
      z.dispose();
      const k = model.numOutputs;
      let probRows = 0;
      for (let i = 0; i < n; i++) {
        let s = 0;
        let inUnit = true;
        for (let j = i * k; j < (i + 1) * k; j++) {
          const v = zv[j]!;
          if (!(v >= 0 && v <= 1)) inUnit = false;
          s += v;
        }
        if (inUnit && Math.abs(s - 1) <= 1e-3) probRows++;
      }
      if (probRows === n) {
        warnings.push('the model outputs probabilities (every sampled row is in [0, 1] and sums to 1), not logits: attacks and losses expect logits; remove the final softmax');
      }
    }
  } finally {
    tf.dispose([x, y]);
  }
  const perAttack = opts.perAttack ?? [];
  for (const f of perAttack.filter((a) => a.name === 'fgsm')) {
    for (const p of perAttack.filter((a) => a.name === 'pgd')) {
      if (f.error > p.error) {
        warnings.push(`FGSM error ${f.error.toFixed(4)} exceeds PGD error ${p.error.toFixed(4)}: a sign of gradient masking (or of a PGD step size too small or too large)`);
      }
    }
  }
  return warnings;
}
