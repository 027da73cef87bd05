import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, checkNumber, checkOptions, describeValue, checkKnownKeys, optionKeys } from '@advkit/core';
import { perExampleError, perExampleLoss, type LabeledInput, type Model } from '@advkit/models';
import { resolveLabeledData } from '@advkit/models/internal';
import type { Attack } from '../attack.js';
import { isAttack } from '../is-attack.js';
import { checkAttackOutput } from './check-attack-output.js';
import { labeledBatch } from './labeled-batch.js';
import { modelLogits } from '../internal/model-logits.js';

export interface EvaluateOptions {
  /**
   * Evaluate on `attack.run(model, x, y, { batchIndex })` (batchIndex = the 0-based batch number)
   * instead of the clean inputs. @default undefined (clean)
   */
  attack?: Attack;
  /** Examples per forward pass. @default 1000 */
  batchSize?: number;
}
const EVALUATE_KEYS = optionKeys<EvaluateOptions>()({ attack: true, batchSize: true });

/** Error and loss of a model on a data set. Plain numbers; nothing to dispose. */
export interface Evaluation {
  /** Fraction misclassified (binary: predicted +1 iff f(x) > 0): the number of 1s in `wrong` over n. */
  error: number;
  /** Mean loss (logistic for binary, cross-entropy for K classes: `perExampleLoss` of @advkit/models). */
  loss: number;
  n: number;
  /** 1 for each example that was misclassified, else 0. */
  wrong: Uint8Array;
}

/**
 * Clean or adversarial error and loss over all of `data`, in batches, in input order. When `attack` is
 * given, batch b is attacked first with `{ batchIndex: b }`, so the figures are those of the model on
 * the attacked inputs themselves (no closed-form shortcut), and the same call gives the same figures.
 * Leaves no tensors behind.
 * @throws ArgumentError / ShapeError naming `evaluate` and the argument (also when the attack returns
 *   something other than a tensor shaped like its input).
 */
export function evaluate(model: Model, data: LabeledInput, options?: EvaluateOptions): Evaluation {
  const fn = 'evaluate';
  const opts = checkOptions(options, fn);
  checkKnownKeys(opts, EVALUATE_KEYS, fn);
  const { data: rows, dim } = resolveLabeledData(data, model, fn); // typed arrays (tensors read once)
  const batchSize = checkNumber(opts.batchSize ?? 1000, fn, 'options.batchSize', { min: 1, integer: true });
  const attack = opts.attack;
  if (attack !== undefined && !isAttack(attack)) {
    throw new ArgumentError(`must be an Attack ({ name, run(model, x, y, context?) }), got ${describeValue(attack)}`, { fn, argument: 'options.attack' });
  }
  const wrong = new Uint8Array(rows.n);
  let lossSum = 0;
  for (let start = 0, b = 0; start < rows.n; start += batchSize, b++) {
    const end = Math.min(rows.n, start + batchSize);
    const [l, w] = tf.tidy(() => {
      const { x, y } = labeledBatch(model, rows, dim, start, end);
      const input = attack ? checkAttackOutput(attack.run(model, x, y, { batchIndex: b }), x, fn, 'options.attack') : x;
      const logits = modelLogits(model, input, fn);
      return [tf.sum(perExampleLoss(logits, y)), perExampleError(logits, y)];
    });
    lossSum += l!.dataSync()[0]!;
    const wv = w!.dataSync();
    for (let i = 0; i < wv.length; i++) wrong[start + i] = wv[i]!;
    tf.dispose([l!, w!]);
  }
  let errors = 0;
  for (let i = 0; i < wrong.length; i++) errors += wrong[i]!;
  return { error: errors / rows.n, loss: lossSum / rows.n, n: rows.n, wrong };
}
