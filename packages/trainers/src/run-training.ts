import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, CheckpointError, Rng, checkNumber, checkOptions, describeValue, registerGradients } from '@advkit/core';
import { getWeights, setWeights, type Model } from '@advkit/models';
import { batchOrder, gatherRows } from '@advkit/datasets';
import type { EpochMetrics, OptimizerWeight, TrainOptions, TrainResult, TrainingState } from './train-options.js';
import type { LabeledData } from '@advkit/models';
import { checkLabeledData } from '@advkit/models/internal';
import type { StepStats } from './step-stats.js';
import { checkSignal } from './check-signal.js';
import { yieldToEventLoop } from './yield-to-event-loop.js';

/**
 * One minibatch step: given the batch (owned by the loop, disposed after the step) and the learning
 * rate, update the model and report the batch's summed loss and errors.
 */
export type StepFunction = (xb: tf.Tensor, yb: tf.Tensor, learningRate: number) => StepStats;

/** Validated common options with defaults applied. */
export interface ResolvedTrainOptions {
  epochs: number;
  batchSize: number;
  learningRate: (epoch: number, step: number) => number;
  seed: number;
  shuffle: boolean;
}

/** Validates the options shared by all trainers and applies their defaults. */
export function resolveTrainOptions(options: TrainOptions, fn: string): ResolvedTrainOptions {
  options = checkOptions(options, fn);
  const epochs = checkNumber(options.epochs ?? 10, fn, 'options.epochs', { min: 1, integer: true });
  const batchSize = checkNumber(options.batchSize ?? 100, fn, 'options.batchSize', { min: 1, integer: true });
  const seed = checkNumber(options.seed ?? 0, fn, 'options.seed', { integer: true });
  const lr = options.learningRate ?? 1;
  let learningRate: (epoch: number, step: number) => number;
  if (typeof lr === 'function') {
    learningRate = (e, s) => checkNumber(lr(e, s), fn, `options.learningRate(${e}, ${s})`, { min: 0 });
  } else {
    const v = checkNumber(lr, fn, 'options.learningRate', { min: 0 });
    learningRate = () => v;
  }
  for (const k of ['onProgress', 'onEpochEnd'] as const) {
    if (options[k] !== undefined && typeof options[k] !== 'function') throw new ArgumentError('must be a function', { fn, argument: `options.${k}` });
  }
  if (options.shuffle !== undefined && typeof options.shuffle !== 'boolean') {
    throw new ArgumentError(`must be a boolean, got ${describeValue(options.shuffle)}`, { fn, argument: 'options.shuffle' });
  }
  const ck = options.checkpoint;
  if (ck !== undefined) {
    if (typeof ck !== 'object' || ck === null || typeof ck.save !== 'function') {
      throw new ArgumentError(`must be { save(state), everySteps? }, got ${describeValue(ck)}`, { fn, argument: 'options.checkpoint' });
    }
    if (ck.everySteps !== undefined) checkNumber(ck.everySteps, fn, 'options.checkpoint.everySteps', { min: 1, integer: true });
  }
  checkSignal(options.signal, fn);
  return { epochs, batchSize, learningRate, seed, shuffle: options.shuffle ?? true };
}

/** What the loop asks its driver to do: persist a state, restore the optimizer's state, or nothing (a step ended). */
type LoopEvent = { kind: 'save'; state: TrainingState } | { kind: 'resume'; state: TrainingState } | { kind: 'step' };

/**
 * The minibatch loop every trainer shares: per epoch, a seeded shuffle; per step, the batch is copied
 * from JS memory into one tensor (a row gather in JS beats a gather/slice kernel on wasm, see
 * FIELD-NOTES), handed to `step`, then freed. Each step reports its summed loss and errors
 * (read back as plain numbers), averaged per epoch. Memory is flat: nothing survives a step but the model's variables.
 *
 * Checkpoints (`options.checkpoint`, `options.resumeFrom`, see {@link TrainingState}) are taken between
 * steps. This synchronous driver calls `checkpoint.save` and requires it to be synchronous (a returned
 * Promise is a CheckpointError: use {@link runTrainingAsync}).
 */
export function runTraining(model: Model, data: LabeledData, options: TrainOptions, fn: string, step: StepFunction): TrainResult {
  if (options?.optimizer !== undefined && (options.checkpoint !== undefined || options.resumeFrom !== undefined)) {
    throw new ArgumentError('cannot be checkpointed or resumed by the synchronous trainers (tfjs reads optimizer state asynchronously): use the async variant (e.g. sgdAsync)', {
      fn,
      argument: 'options.optimizer',
    });
  }
  const loop = trainingLoop(model, data, options, fn, step);
  for (;;) {
    const it = loop.next();
    if (it.done) return it.value;
    if (it.value.kind === 'save') {
      let r: unknown;
      try {
        r = options.checkpoint!.save(it.value.state);
      } catch (cause) {
        throw wrapSaveError(fn, cause);
      }
      if (r !== undefined && typeof (r as Promise<void>).then === 'function') {
        (r as Promise<void>).catch(() => undefined);
        throw new CheckpointError(`${fn}: options.checkpoint.save returned a Promise; the synchronous trainers cannot wait for it: use the async variant (e.g. sgdAsync)`);
      }
    }
  }
}

/** Options of the async driver on top of {@link TrainOptions}. */
export interface AsyncTrainOptions extends TrainOptions {
  /**
   * Yield to the event loop once this many milliseconds of training have passed (so timers, I/O and
   * signal handlers run). @default 20
   */
  yieldEveryMs?: number;
}

/**
 * {@link runTraining} for callers that must stay responsive: awaits `checkpoint.save` (so it may write
 * files or IndexedDB) and yields to the event loop every `yieldEveryMs`, which lets a SIGINT handler or a
 * UI button abort `options.signal` mid-run. Takes exactly the same steps as `runTraining` (the arithmetic
 * is the same code), so both give bit-identical weights.
 */
export async function runTrainingAsync(model: Model, data: LabeledData, options: AsyncTrainOptions, fn: string, step: StepFunction): Promise<TrainResult> {
  options = checkOptions(options, fn);
  const yieldEveryMs = checkNumber(options.yieldEveryMs ?? 20, fn, 'options.yieldEveryMs', { min: 0 });
  const loop = trainingLoop(model, data, options, fn, step);
  let last = performance.now();
  for (;;) {
    const it = loop.next();
    if (it.done) return it.value;
    if (it.value.kind === 'save') {
      const state = it.value.state;
      if (options.optimizer !== undefined) state.optimizer = await readOptimizer(options.optimizer, fn);
      try {
        await options.checkpoint!.save(state);
      } catch (cause) {
        throw wrapSaveError(fn, cause);
      }
    } else if (it.value.kind === 'resume') {
      if (options.optimizer !== undefined) await restoreOptimizer(options.optimizer, it.value.state, fn);
    } else if (performance.now() - last >= yieldEveryMs) {
      await yieldToEventLoop();
      last = performance.now();
    }
  }
}

/** `optimizer.getWeights()` as plain numbers. The iteration scalar it makes is ours to free; the slots are the optimizer's. */
async function readOptimizer(optimizer: tf.Optimizer, fn: string): Promise<OptimizerWeight[]> {
  let named: { name: string; tensor: tf.Tensor }[];
  try {
    named = await optimizer.getWeights();
  } catch (cause) {
    throw new CheckpointError(`${fn}: cannot read the state of this optimizer (${(cause as Error).message})`, { cause });
  }
  return named.map(({ name, tensor }) => {
    const w: OptimizerWeight = { name, shape: [...tensor.shape], dtype: tensor.dtype === 'int32' ? 'int32' : 'float32', values: Array.from(tensor.dataSync() as ArrayLike<number>) };
    if (name === 'iter') tensor.dispose();
    return w;
  });
}

/** Puts a saved optimizer state back (`optimizer.setWeights`, which copies the tensors it gets). */
async function restoreOptimizer(optimizer: tf.Optimizer, state: TrainingState, fn: string): Promise<void> {
  const saved = state.optimizer;
  if (saved === undefined) throw new CheckpointError(`${fn}: options.resumeFrom holds no optimizer state, but options.optimizer is set`);
  const tensors = saved.map((w) => ({ name: w.name, tensor: tf.tensor(w.values, w.shape, w.dtype) }));
  try {
    await optimizer.setWeights(tensors);
  } catch (cause) {
    throw new CheckpointError(`${fn}: the saved optimizer state does not fit options.optimizer (${(cause as Error).message})`, { cause });
  } finally {
    tensors.forEach((t) => t.tensor.dispose());
  }
}

function wrapSaveError(fn: string, cause: unknown): unknown {
  if (CheckpointError.isInstance(cause)) return cause;
  return new CheckpointError(`${fn}: saving the checkpoint failed: ${(cause as Error)?.message ?? String(cause)}`, { cause });
}

function* trainingLoop(model: Model, data: LabeledData, options: TrainOptions, fn: string, step: StepFunction): Generator<LoopEvent, TrainResult> {
  options = checkOptions(options, fn);
  if (typeof step !== 'function') throw new ArgumentError(`must be a function (xb, yb, lr) => StepStats, got ${describeValue(step)}`, { fn, argument: 'step' });
  const dim = checkLabeledData(data, model, fn);
  const opts = resolveTrainOptions(options, fn);
  const settings = { epochs: opts.epochs, batchSize: opts.batchSize, seed: opts.seed, shuffle: opts.shuffle, n: data.n, dim };
  const ck = options.checkpoint;
  const signal = options.signal;
  registerGradients();
  const binary = model.numOutputs === 1;
  const xBuf = new Float32Array(opts.batchSize * dim);
  const yBuf = binary ? new Float32Array(opts.batchSize) : new Int32Array(opts.batchSize);

  let rng = new Rng(opts.seed);
  let epochs: EpochMetrics[] = [];
  let startEpoch = 1;
  let startStep = 0;
  let steps = 0;
  let resumed: TrainingState['partial'] | undefined;
  if (options.resumeFrom !== undefined) {
    const s = checkResumeState(options.resumeFrom, fn, settings, model);
    if ((s.optimizer !== undefined) !== (options.optimizer !== undefined)) {
      throw new CheckpointError(
        `${fn}: options.resumeFrom ${s.optimizer === undefined ? 'was saved without a tfjs optimizer, but options.optimizer is set' : 'holds a tfjs optimizer state, but options.optimizer is not set'}`,
      );
    }
    try {
      setWeights(model, s.weights);
    } catch (cause) {
      throw new CheckpointError(`${fn}: options.resumeFrom.weights do not fit the model: ${(cause as Error).message}`, { cause });
    }
    try {
      rng = Rng.fromState(s.rngAtEpochStart);
    } catch (cause) {
      throw new CheckpointError(`${fn}: options.resumeFrom.rngAtEpochStart is not a generator state`, { cause });
    }
    epochs = s.epochs.map((m) => ({ ...m }));
    startEpoch = s.epoch;
    startStep = s.step;
    steps = s.totalSteps;
    resumed = { ...s.partial };
    yield { kind: 'resume', state: s };
  }

  const t0 = performance.now();
  let sinceSave = 0;
  for (let epoch = startEpoch; epoch <= opts.epochs; epoch++) {
    const te = performance.now();
    const rngAtEpochStart = rng.state();
    const batches = batchOrder(data.n, { batchSize: opts.batchSize, shuffle: opts.shuffle, rng });
    let lossSum = 0;
    let errSum = 0;
    let lr = 0;
    let carried = 0; // seconds of this epoch spent before a resume
    let first = 0;
    if (resumed !== undefined && epoch === startEpoch) {
      ({ lossSum, errSum, learningRate: lr, seconds: carried } = resumed);
      first = Math.min(startStep, batches.length);
    }
    const snapshot = (e: number, s: number, rs: number[], partial: TrainingState['partial']): TrainingState => ({
      format: 'advkit-training-state',
      version: 1,
      trainer: fn,
      settings,
      epoch: e,
      step: s,
      totalSteps: steps,
      rngAtEpochStart: rs,
      weights: getWeights(model),
      epochs: epochs.map((m) => ({ ...m })),
      partial,
      ...(ck?.meta === undefined ? {} : { meta: ck.meta }),
    });
    for (let b = first; b < batches.length; b++) {
      const idx = batches[b]!;
      const size = idx.length;
      gatherRows(data.x, dim, idx, xBuf.subarray(0, size * dim));
      for (let i = 0; i < size; i++) yBuf[i] = data.y[idx[i]!]!;
      const xb = tf.tensor(xBuf.subarray(0, size * dim), [size, ...model.inputShape], 'float32');
      const yb = binary ? tf.tensor2d(yBuf.subarray(0, size) as Float32Array, [size, 1]) : tf.tensor1d(yBuf.subarray(0, size) as Int32Array, 'int32');
      lr = opts.learningRate(epoch, b + 1);
      try {
        const stats = step(xb, yb, lr);
        lossSum += stats.lossSum;
        errSum += stats.errors;
      } finally {
        xb.dispose();
        yb.dispose();
      }
      steps++;
      sinceSave++;
      options.onProgress?.({ epoch, epochs: opts.epochs, step: b + 1, stepsPerEpoch: batches.length });
      const last = b + 1 === batches.length;
      const stop = signal?.aborted === true;
      if (ck !== undefined && !last && (stop || (ck.everySteps !== undefined && sinceSave >= ck.everySteps))) {
        yield { kind: 'save', state: snapshot(epoch, b + 1, rngAtEpochStart, { lossSum, errSum, learningRate: lr, seconds: carried + (performance.now() - te) / 1000 }) };
        sinceSave = 0;
      }
      if (stop && !last) throw signal!.reason;
      yield { kind: 'step' };
    }
    const metrics: EpochMetrics = {
      epoch,
      trainLoss: lossSum / data.n,
      trainError: errSum / data.n,
      learningRate: lr,
      seconds: carried + (performance.now() - te) / 1000,
    };
    epochs.push(metrics);
    options.onEpochEnd?.(metrics);
    if (ck !== undefined) {
      yield { kind: 'save', state: snapshot(epoch + 1, 0, rng.state(), { lossSum: 0, errSum: 0, learningRate: 0, seconds: 0 }) };
      sinceSave = 0;
    }
    if (signal?.aborted === true && epoch < opts.epochs) throw signal.reason;
  }
  return { epochs, seconds: (performance.now() - t0) / 1000, steps };
}

/** Checks that a state to resume from matches this run (trainer, settings, model); CheckpointError otherwise. */
export function checkResumeState(s: TrainingState, fn: string, settings: TrainingState['settings'], model: Model): TrainingState {
  const bad = (msg: string): CheckpointError => new CheckpointError(`${fn}: options.resumeFrom ${msg}`);
  if (typeof s !== 'object' || s === null || s.format !== 'advkit-training-state') throw bad(`must be a TrainingState, got ${describeValue(s)}`);
  if (s.version !== 1) throw bad(`has format version ${String(s.version)}; this advkit reads version 1`);
  if (s.trainer !== fn) throw bad(`was written by ${String(s.trainer)}, not ${fn}`);
  const ss = s.settings ?? {};
  for (const k of ['batchSize', 'seed', 'shuffle', 'n', 'dim'] as const) {
    if (ss[k] !== settings[k]) throw bad(`has settings.${k} = ${String(ss[k])} but this run has ${String(settings[k])}`);
  }
  if (!Number.isInteger(s.epoch) || s.epoch < 1 || s.epoch > settings.epochs + 1) throw bad(`is at epoch ${String(s.epoch)}, outside 1..${settings.epochs + 1} for a run of ${settings.epochs} epochs`);
  const perEpoch = Math.ceil(settings.n / settings.batchSize);
  if (!Number.isInteger(s.step) || s.step < 0 || s.step >= perEpoch) throw bad(`is at step ${String(s.step)}, outside 0..${perEpoch - 1}`);
  if (!Array.isArray(s.epochs) || s.epochs.length !== s.epoch - 1) throw bad(`must hold metrics of ${s.epoch - 1} finished epochs`);
  if (!Array.isArray(s.weights) || s.weights.length !== model.variables.length) throw bad(`must hold ${model.variables.length} weight arrays for this model`);
  if (!Array.isArray(s.rngAtEpochStart) || s.rngAtEpochStart.length < 4) throw bad('must hold the generator state (rngAtEpochStart)');
  const p = s.partial;
  if (typeof p !== 'object' || p === null || ![p.lossSum, p.errSum, p.learningRate, p.seconds].every((v) => typeof v === 'number')) throw bad('must hold the partial sums');
  if (!Number.isInteger(s.totalSteps) || s.totalSteps < 0) throw bad('must hold totalSteps');
  return s;
}
