import * as tf from '@tensorflow/tfjs-core';
import { checkNumber, checkOptions, ArgumentError } from '@advkit/core';
import type { Model } from '@advkit/models';
import type { Attack } from '@advkit/attacks';
import type { LabeledData } from '@advkit/models';
import { checkLabeledData } from '@advkit/models/internal';
import { perExampleLoss, perExampleError } from '@advkit/models';

export interface EvaluateOptions {
  /** Evaluate on `attack.run(model, x, y)` instead of the clean inputs. @default undefined (clean) */
  attack?: Attack;
  /** Examples per forward pass. @default 1000 */
  batchSize?: number;
}

/** Error and loss of a model on a data set. Plain numbers; nothing to dispose. */
export interface Evaluation {
  /** Fraction misclassified (binary: predicted +1 iff f(x) > 0). */
  error: number;
  /** Mean loss (logistic for binary, cross-entropy for K classes). */
  loss: number;
  n: number;
  /** 1 for each example that was misclassified, else 0. */
  wrong: Uint8Array;
}

/**
 * Clean or adversarial error and loss over all of `data`, in batches, in input order. When `attack` is
 * given, each batch is attacked first, so the figures are those of the model on the attacked inputs
 * themselves (no closed-form shortcut). Leaves no tensors behind.
 */
export function evaluate(model: Model, data: LabeledData, options?: EvaluateOptions): Evaluation {
  const fn = 'evaluate';
  const opts = checkOptions(options, fn);
  const dim = checkLabeledData(data, model, fn);
  const batchSize = checkNumber(opts.batchSize ?? 1000, fn, 'options.batchSize', { min: 1, integer: true });
  const attack = opts.attack;
  if (attack !== undefined && (typeof attack !== 'object' || attack === null || typeof attack.run !== 'function')) {
    throw new ArgumentError('must be an Attack ({ name, run(model, x, y) })', { fn, argument: 'options.attack' });
  }
  const binary = model.numOutputs === 1;
  const wrong = new Uint8Array(data.n);
  let lossSum = 0;
  for (let start = 0; start < data.n; start += batchSize) {
    const end = Math.min(data.n, start + batchSize);
    const [l, w] = tf.tidy(() => {
      const x = tf.tensor(data.x.subarray(start * dim, end * dim), [end - start, ...model.inputShape], 'float32');
      const y = binary ? tf.tensor1d(data.y.subarray(start, end) as Float32Array) : tf.tensor1d(data.y.subarray(start, end) as Int32Array, 'int32');
      const input = attack ? attack.run(model, x, y) : x;
      const logits = model.logits(input);
      return [tf.sum(perExampleLoss(logits, y)), perExampleError(logits, y)];
    });
    lossSum += l!.dataSync()[0]!;
    const wv = w!.dataSync();
    for (let i = 0; i < wv.length; i++) wrong[start + i] = wv[i]!;
    tf.dispose([l!, w!]);
  }
  let errors = 0;
  for (let i = 0; i < wrong.length; i++) errors += wrong[i]!;
  return { error: errors / data.n, loss: lossSum / data.n, n: data.n, wrong };
}
