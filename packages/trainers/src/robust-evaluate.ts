import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, checkNumber, checkOptions, describeValue } from '@advkit/core';
import type { Model } from '@advkit/models';
import type { Attack } from '@advkit/attacks';
import type { LabeledData } from '@advkit/models';
import { checkLabeledData } from '@advkit/models/internal';
import { perExampleError } from '@advkit/models';
import { diagnoseAttacks } from './diagnose-attacks.js';

export interface RobustEvaluateOptions {
  /** The attacks; an example counts as robust only if it is classified correctly on its clean input and under every one. */
  attacks: readonly Attack[];
  /** Examples per batch. @default 500 */
  batchSize?: number;
  /** Run {@link diagnoseAttacks} and return its warnings. @default true */
  diagnose?: boolean;
  /** Called after every batch with the number of examples evaluated so far and the total (for a progress bar). @default undefined */
  onProgress?: (done: number, total: number) => void;
}

/** What {@link robustEvaluate} returns: plain numbers and arrays, nothing to dispose. */
export interface RobustEvaluation {
  n: number;
  /** Fraction misclassified on the clean inputs. */
  cleanError: number;
  /** Fraction misclassified on the clean input or under at least one attack (the per-example worst case). */
  robustError: number;
  /** Each attack's own error, in the order given. */
  perAttack: { name: string; error: number }[];
  /**
   * Per example: `'clean'` if misclassified without attack, else the index (into `attacks`) of the
   * first attack that made it misclassified, else `null` (robust to all of them).
   */
  brokenBy: (number | 'clean' | null)[];
  /** Warnings from {@link diagnoseAttacks} (empty when `diagnose` is false or nothing is suspicious). */
  warnings: string[];
}

/**
 * Robust error as the per-example worst case over a list of attacks (Croce & Hein, "Reliable evaluation
 * of adversarial robustness with an ensemble of diverse parameter-free attacks", ICML 2020, report
 * robust accuracy this way): example i is robust iff f(x_i) and f(A_k(x_i)) are correct for every
 * attack k. Runs every attack on every batch (so each attack's own error is reported too), in input order.
 * Leaves no tensors behind.
 */
export function robustEvaluate(model: Model, data: LabeledData, options: RobustEvaluateOptions): RobustEvaluation {
  const fn = 'robustEvaluate';
  const opts = checkOptions(options, fn);
  const dim = checkLabeledData(data, model, fn);
  const batchSize = checkNumber(opts.batchSize ?? 500, fn, 'options.batchSize', { min: 1, integer: true });
  const attacks = opts.attacks;
  if (!Array.isArray(attacks)) throw new ArgumentError(`must be an array of Attacks, got ${describeValue(attacks)}`, { fn, argument: 'options.attacks' });
  attacks.forEach((a: Attack, i: number) => {
    if (typeof a !== 'object' || a === null || typeof a.run !== 'function' || typeof a.name !== 'string') {
      throw new ArgumentError(`must be an Attack ({ name, run(model, x, y) }), got ${describeValue(a)}`, { fn, argument: `options.attacks[${i}]` });
    }
  });
  if (opts.onProgress !== undefined && typeof opts.onProgress !== 'function') {
    throw new ArgumentError(`must be a function, got ${describeValue(opts.onProgress)}`, { fn, argument: 'options.onProgress' });
  }
  const binary = model.numOutputs === 1;
  const brokenBy: (number | 'clean' | null)[] = new Array<number | 'clean' | null>(data.n).fill(null);
  const attackErrors = new Array<number>(attacks.length).fill(0);
  let clean = 0;
  for (let start = 0; start < data.n; start += batchSize) {
    const end = Math.min(data.n, start + batchSize);
    const x = tf.tensor(data.x.subarray(start * dim, end * dim), [end - start, ...model.inputShape], 'float32');
    const y = binary ? tf.tensor1d(data.y.subarray(start, end) as Float32Array) : tf.tensor1d(Int32Array.from(data.y.subarray(start, end)), 'int32');
    try {
      const wrongOn = (input: tf.Tensor): Float32Array => {
        const w = tf.tidy(() => perExampleError(model.logits(input), y));
        const v = w.dataSync() as Float32Array;
        w.dispose();
        return v;
      };
      const cw = wrongOn(x);
      cw.forEach((v, i) => {
        if (v === 1) {
          clean++;
          brokenBy[start + i] = 'clean';
        }
      });
      attacks.forEach((attack, k) => {
        const xAdv = attack.run(model, x, y);
        let aw: Float32Array;
        try {
          aw = wrongOn(xAdv);
        } finally {
          xAdv.dispose();
        }
        aw.forEach((v, i) => {
          if (v !== 1) return;
          attackErrors[k]!++;
          if (brokenBy[start + i] === null) brokenBy[start + i] = k;
        });
      });
    } finally {
      tf.dispose([x, y]);
    }
    opts.onProgress?.(end, data.n);
  }
  const robust = brokenBy.filter((b) => b !== null).length;
  const perAttack = attacks.map((a, k) => ({ name: a.name, error: attackErrors[k]! / data.n }));
  const warnings = opts.diagnose === false ? [] : diagnoseAttacks(model, data, { perAttack });
  return { n: data.n, cleanError: clean / data.n, robustError: robust / data.n, perAttack, brokenBy, warnings };
}
