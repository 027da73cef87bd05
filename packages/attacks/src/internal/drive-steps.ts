import { ArgumentError } from '@advkit/core';
import type { ScoreRequest } from './square-steps.js';

type Scorer<T> = (x: Float32Array, n: number) => T;

function checked(values: ArrayLike<number>, n: number, k: number, fn: string): ArrayLike<number> {
  if (values === null || typeof values !== 'object' || typeof values.length !== 'number' || values.length !== n * k) {
    throw new ArgumentError(`returned ${values?.length ?? String(values)} scores for a batch of ${n}; expected n·numOutputs = ${n * k}`, { fn, argument: 'model.predict' });
  }
  return values;
}

/**
 * Runs a score-requesting generator (e.g. {@link squareSteps}) to its end, scoring with `score` —
 * synchronously, or awaiting each batch when `score` returns promises. `onStep` is awaited after every
 * batch (abort checks, yielding to the event loop).
 */
export async function driveSteps<R>(
  gen: Generator<ScoreRequest, R, ArrayLike<number>>,
  score: Scorer<ArrayLike<number> | Promise<ArrayLike<number>>>,
  k: number,
  fn: string,
  onStep?: () => void | Promise<void>,
): Promise<R> {
  let step = gen.next();
  while (!step.done) {
    const { x, n } = step.value;
    const logits = checked(await score(x, n), n, k, fn);
    if (onStep !== undefined) await onStep();
    step = gen.next(logits);
  }
  return step.value;
}

/** {@link driveSteps} for a synchronous scorer (a tfjs model), without promises. */
export function driveStepsSync<R>(gen: Generator<ScoreRequest, R, ArrayLike<number>>, score: Scorer<ArrayLike<number>>, k: number, fn: string): R {
  let step = gen.next();
  while (!step.done) {
    const { x, n } = step.value;
    step = gen.next(checked(score(x, n), n, k, fn));
  }
  return step.value;
}
