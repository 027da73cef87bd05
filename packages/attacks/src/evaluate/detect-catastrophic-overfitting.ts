import { ArgumentError, checkNumber, checkOptions, describeValue, checkKnownKeys, optionKeys } from '@advkit/core';
import type { LabeledInput, Model } from '@advkit/models';
import { resolveLabeledData } from '@advkit/models/internal';
import type { Attack } from '../attack.js';
import { isAttack } from '../is-attack.js';
import { evaluate } from './evaluate.js';

export interface CatastrophicOverfittingOptions {
  /** The model being trained (read, not changed). */
  model: Model;
  /** A held-out batch (not trained on), e.g. 500–1000 examples. */
  heldOut: LabeledInput;
  /** The attack to measure robust accuracy with: a multi-step PGD (e.g. `pgdAttack({ threatModel, steps: 10 })`). */
  attack: Attack;
  /** A drop of robust accuracy larger than this below the best so far counts as a collapse. @default 0.2 */
  threshold?: number;
  /** Examples per evaluation batch. @default 500 */
  batchSize?: number;
}
const CATASTROPHIC_OVERFITTING_KEYS = optionKeys<CatastrophicOverfittingOptions>()({ model: true, heldOut: true, attack: true, threshold: true, batchSize: true });

/** One check of {@link detectCatastrophicOverfitting}. */
export interface CatastrophicOverfittingCheck {
  /** Accuracy under the attack on the held-out batch now. */
  robustAccuracy: number;
  /** The best robust accuracy of all checks so far (this one included). */
  best: number;
  /** True when `best − robustAccuracy > threshold`. */
  collapsed: boolean;
}

/** What {@link detectCatastrophicOverfitting} returns. */
export interface CatastrophicOverfittingDetector {
  /** Measures robust accuracy now (call it from `onEpochEnd`, or more often). */
  check(): CatastrophicOverfittingCheck;
  /** Every check so far, in order. */
  readonly history: readonly CatastrophicOverfittingCheck[];
}

/**
 * Catastrophic overfitting of single-step adversarial training (Wong, Rice & Kolter, ICLR 2020, §5:
 * within an epoch, PGD accuracy falls to near 0 while FGSM training accuracy soars): measures PGD
 * accuracy on a held-out batch at each `check()` and flags a drop of more than `threshold` against
 * the best value so far, which is when Wong et al. stop early and keep the earlier weights. Every
 * check runs `evaluate` with the same batches (batch b attacked with `{ batchIndex: b }`), so the same
 * random starts: two checks differ only by the weights.
 *
 * @example
 * const detector = detectCatastrophicOverfitting({ model, heldOut, attack: pgdAttack({ threatModel, steps: 10 }) });
 * await adversarialSgd(model, train, { attack: fgsmAttack({ threatModel, randomStart: true, stepSize: 1.25 * eps }),
 *   onEpochEnd: () => { if (detector.check().collapsed) throw new Error('catastrophic overfitting'); } });
 */
export function detectCatastrophicOverfitting(options: CatastrophicOverfittingOptions): CatastrophicOverfittingDetector {
  const fn = 'detectCatastrophicOverfitting';
  const opts = checkOptions(options, fn);
  checkKnownKeys(opts, CATASTROPHIC_OVERFITTING_KEYS, fn);
  const { model, attack } = opts;
  const heldOut = resolveLabeledData(opts.heldOut, model, fn, 'options.heldOut').data; // read once, here
  if (!isAttack(attack)) {
    throw new ArgumentError(`must be an Attack ({ name, run(model, x, y, context?) }), got ${describeValue(attack)}`, { fn, argument: 'options.attack' });
  }
  const threshold = checkNumber(opts.threshold ?? 0.2, fn, 'options.threshold', { min: 0, max: 1 });
  const batchSize = checkNumber(opts.batchSize ?? 500, fn, 'options.batchSize', { min: 1, integer: true });
  const history: CatastrophicOverfittingCheck[] = [];
  let best = -Infinity;
  return {
    history,
    check() {
      const robustAccuracy = 1 - evaluate(model, heldOut, { attack, batchSize }).error;
      best = Math.max(best, robustAccuracy);
      const result = { robustAccuracy, best, collapsed: best - robustAccuracy > threshold };
      history.push(result);
      return result;
    },
  };
}
