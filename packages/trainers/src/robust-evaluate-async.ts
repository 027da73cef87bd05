import { ArgumentError, checkNumber, checkOptions, describeValue } from '@advkit/core';
import type { Model } from '@advkit/models';
import type { LabeledData } from '@advkit/models';
import { checkLabeledData } from '@advkit/models/internal';
import { diagnoseAttacks } from './diagnose-attacks.js';
import { robustEvaluate, type RobustEvaluateOptions, type RobustEvaluation } from './robust-evaluate.js';
import { checkSignal } from './check-signal.js';
import { yieldToEventLoop } from './yield-to-event-loop.js';

/** Options of {@link robustEvaluateAsync}: those of `robustEvaluate` plus a stop signal and a yield period. */
export interface RobustEvaluateAsyncOptions extends RobustEvaluateOptions {
  /** Stop: checked after every batch; the promise then rejects with `signal.reason`. @default undefined */
  signal?: AbortSignal;
  /** Yield to the event loop once this many milliseconds have passed (so a Stop message can arrive). @default 20 */
  yieldEveryMs?: number;
}

/**
 * {@link robustEvaluate} that a Stop button (or a SIGINT handler) can interrupt: it evaluates one batch at a
 * time with `robustEvaluate` itself (same batches, same attack objects in the same order, so the same
 * numbers as one call over all the data), yields to the event loop every `yieldEveryMs` and checks
 * `signal` between batches. An attack on the tutorial CNN takes seconds per batch on wasm; a synchronous
 * evaluation would make Stop wait for all of them (and freeze a page's UI thread). `diagnoseAttacks`
 * runs once, on the whole data, at the end (unless `diagnose: false`).
 *
 * @returns plain numbers and arrays, nothing to dispose (every tensor of a batch is freed before the
 *   next). Rejects with `signal.reason` when aborted, leaving no tensors behind.
 */
export async function robustEvaluateAsync(model: Model, data: LabeledData, options: RobustEvaluateAsyncOptions): Promise<RobustEvaluation> {
  const fn = 'robustEvaluateAsync';
  const { signal: signalOpt, yieldEveryMs: yieldOpt, onProgress, diagnose, ...rest } = checkOptions(options, fn);
  const batchSize = checkNumber(rest.batchSize ?? 500, fn, 'options.batchSize', { min: 1, integer: true });
  const yieldEveryMs = checkNumber(yieldOpt ?? 20, fn, 'options.yieldEveryMs', { min: 0 });
  if (onProgress !== undefined && typeof onProgress !== 'function') throw new ArgumentError(`must be a function, got ${describeValue(onProgress)}`, { fn, argument: 'options.onProgress' });
  const signal = checkSignal(signalOpt, fn);
  const stopIfAborted = (): void => {
    if (signal?.aborted === true) throw signal.reason;
  };
  const dim = checkLabeledData(data, model, fn);
  const n = data.n;
  const brokenBy: RobustEvaluation['brokenBy'] = [];
  let cleanWrong = 0;
  let attackWrong: number[] = [];
  let names: string[] = [];
  let last = performance.now();
  stopIfAborted();
  for (let start = 0; start < n; start += batchSize) {
    const end = Math.min(n, start + batchSize);
    // one batch, as a view; robustEvaluate checks the options (attacks, onProgress, …) on every call
    const part = { x: data.x.subarray(start * dim, end * dim), y: data.y.subarray(start, end), n: end - start };
    const r = robustEvaluate(model, part, { ...rest, batchSize, diagnose: false });
    // error × n is a whole count divided by n; rounding undoes the division exactly
    cleanWrong += Math.round(r.cleanError * r.n);
    if (start === 0) {
      names = r.perAttack.map((a) => a.name);
      attackWrong = names.map(() => 0);
    }
    r.perAttack.forEach((a, k) => (attackWrong[k]! += Math.round(a.error * r.n)));
    brokenBy.push(...r.brokenBy);
    onProgress?.(end, n);
    if (end === n) break;
    stopIfAborted();
    if (performance.now() - last >= yieldEveryMs) {
      await yieldToEventLoop();
      last = performance.now();
      stopIfAborted();
    }
  }
  const perAttack = names.map((name, k) => ({ name, error: attackWrong[k]! / n }));
  const warnings = diagnose === false ? [] : diagnoseAttacks(model, data, { perAttack });
  return { n, cleanError: cleanWrong / n, robustError: brokenBy.filter((b) => b !== null).length / n, perAttack, brokenBy, warnings };
}
