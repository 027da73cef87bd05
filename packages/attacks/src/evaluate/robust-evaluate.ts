import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, checkNumber, checkOptions, checkSignal, describeValue, yieldToEventLoop, checkKnownKeys, optionKeys } from '@advkit/core';
import { perExampleError, type LabeledInput, type Model } from '@advkit/models';
import { resolveLabeledData } from '@advkit/models/internal';
import type { Attack } from '../attack.js';
import { isAttack } from '../is-attack.js';
import { checkAttackOutput } from './check-attack-output.js';
import { diagnoseAttacks } from './diagnose-attacks.js';
import { labeledBatch } from './labeled-batch.js';
import { modelLogits } from '../internal/model-logits.js';

export interface RobustEvaluateOptions {
  /**
   * The attacks (at least one); an example counts as robust only if it is classified correctly on its
   * clean input and under every one. Batch b is attacked with `run(model, x, y, { batchIndex: b })`.
   */
  attacks: readonly Attack[];
  /** Examples per batch. @default 500 */
  batchSize?: number;
  /** Run {@link diagnoseAttacks} on the data at the end and return its warnings. @default true */
  diagnose?: boolean;
  /** Stop: checked before the first batch and between batches; the promise then rejects with `signal.reason`. @default undefined */
  signal?: AbortSignal;
  /** Called after every batch with the number of examples evaluated so far and the total (for a progress bar). @default undefined */
  onProgress?: (done: number, total: number) => void;
  /**
   * Yield to the event loop between batches once this many milliseconds have passed since the last
   * yield, so a Stop button, a SIGINT handler or a page's UI can run. @default 20
   */
  yieldEveryMs?: number;
}
const ROBUST_EVALUATE_KEYS = optionKeys<RobustEvaluateOptions>()({ attacks: true, batchSize: true, diagnose: true, signal: true, onProgress: true, yieldEveryMs: true });

/** What {@link robustEvaluate} returns: plain numbers and arrays, nothing to dispose. */
export interface RobustEvaluation {
  n: number;
  /** Fraction misclassified on the clean inputs (an integer count over n). */
  cleanError: number;
  /** Fraction misclassified on the clean input or under at least one attack (the per-example worst case). */
  robustError: number;
  /** Each attack's own error (an integer count over n), in the order given. */
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
 * attack k. Runs every attack on every batch (so each attack's own error is reported too), in input
 * order; batch b (0-based) is attacked with `{ batchIndex: b }`, so randomised attacks draw fresh starts
 * per batch and the same call gives the same result. Errors are counted as integers per batch and
 * divided by n once.
 *
 * Asynchronous so that a Stop button or a SIGINT handler can interrupt it: an attack on the tutorial CNN
 * takes seconds per batch on wasm, and a synchronous loop would make Stop wait for all of them (and
 * freeze a page's UI thread). It yields to the event loop every `yieldEveryMs` and checks `signal`
 * between batches. `diagnoseAttacks` runs once, on the whole data, at the end (unless `diagnose: false`).
 *
 * @returns plain numbers and arrays, nothing to dispose; every tensor of a batch is freed before the
 *   next, also when it rejects (with `signal.reason` when aborted).
 * @throws (rejects with) ArgumentError / ShapeError naming `robustEvaluate` and the argument, e.g.
 *   `options.attacks[1]` for an attack whose `run` returns no tensor or one of the wrong shape.
 */
export async function robustEvaluate(model: Model, data: LabeledInput, options: RobustEvaluateOptions): Promise<RobustEvaluation> {
  const fn = 'robustEvaluate';
  const opts = checkOptions(options, fn);
  checkKnownKeys(opts, ROBUST_EVALUATE_KEYS, fn);
  const { data: rows, dim } = resolveLabeledData(data, model, fn); // typed arrays (tensors read once)
  const batchSize = checkNumber(opts.batchSize ?? 500, fn, 'options.batchSize', { min: 1, integer: true });
  const yieldEveryMs = checkNumber(opts.yieldEveryMs ?? 20, fn, 'options.yieldEveryMs', { min: 0 });
  const attacks = opts.attacks;
  if (!Array.isArray(attacks)) throw new ArgumentError(`must be an array of Attacks, got ${describeValue(attacks)}`, { fn, argument: 'options.attacks' });
  if (attacks.length === 0) throw new ArgumentError('must hold at least one Attack (for the clean error alone, use evaluate)', { fn, argument: 'options.attacks' });
  attacks.forEach((a: unknown, i: number) => {
    if (!isAttack(a)) throw new ArgumentError(`must be an Attack ({ name, run(model, x, y, context?) }), got ${describeValue(a)}`, { fn, argument: `options.attacks[${i}]` });
  });
  const { onProgress, diagnose } = opts;
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw new ArgumentError(`must be a function, got ${describeValue(onProgress)}`, { fn, argument: 'options.onProgress' });
  }
  if (diagnose !== undefined && typeof diagnose !== 'boolean') throw new ArgumentError(`must be a boolean, got ${describeValue(diagnose)}`, { fn, argument: 'options.diagnose' });
  const signal = checkSignal(opts.signal, fn);
  const stopIfAborted = (): void => {
    if (signal?.aborted === true) throw signal.reason;
  };

  const n = rows.n;
  const brokenBy = new Array<number | 'clean' | null>(n).fill(null);
  const attackWrong = new Array<number>(attacks.length).fill(0);
  let cleanWrong = 0;
  let robustWrong = 0;
  let last = performance.now();
  stopIfAborted();
  for (let start = 0, b = 0; start < n; start += batchSize, b++) {
    const end = Math.min(n, start + batchSize);
    const { x, y } = labeledBatch(model, rows, dim, start, end);
    try {
      const wrongOn = (input: tf.Tensor): Uint8Array => {
        const w = tf.tidy(() => perExampleError(modelLogits(model, input, fn), y));
        try {
          return Uint8Array.from(w.dataSync());
        } finally {
          w.dispose();
        }
      };
      wrongOn(x).forEach((v, i) => {
        if (v !== 1) return;
        cleanWrong++;
        robustWrong++;
        brokenBy[start + i] = 'clean';
      });
      attacks.forEach((attack, k) => {
        const xAdv = checkAttackOutput(attack.run(model, x, y, { batchIndex: b }), x, fn, `options.attacks[${k}]`);
        let aw: Uint8Array;
        try {
          aw = wrongOn(xAdv);
        } finally {
          if (xAdv !== x) xAdv.dispose();
        }
        aw.forEach((v, i) => {
          if (v !== 1) return;
          attackWrong[k]!++;
          if (brokenBy[start + i] !== null) return;
          brokenBy[start + i] = k;
          robustWrong++;
        });
      });
    } finally {
      tf.dispose([x, y]);
    }
    onProgress?.(end, n);
    if (end === n) break;
    stopIfAborted();
    if (performance.now() - last >= yieldEveryMs) {
      await yieldToEventLoop();
      last = performance.now();
      stopIfAborted();
    }
  }
  const perAttack = attacks.map((a, k) => ({ name: a.name, error: attackWrong[k]! / n }));
  const warnings = diagnose === false ? [] : diagnoseAttacks(model, rows, { perAttack });
  return { n, cleanError: cleanWrong / n, robustError: robustWrong / n, perAttack, brokenBy, warnings };
}
