import { ArgumentError, CheckpointError, DivergenceError, Rng, describeValue, registerGradients, yieldToEventLoop } from '@advkit/core';
import { setWeights, type Model } from '@advkit/models';
import { batchOrder } from '@advkit/datasets';
import type { EpochMetrics, TrainOptions, TrainResult } from '../train-options.js';
import type { StepStats } from '../step-stats.js';
import type { StepContext } from '../train-step.js';
import type { ExecutorSession } from '../step-executor.js';
import { TRAINING_STATE_VERSION, type TrainingState } from '../checkpoint/training-state.js';

import type { LabeledInput } from '@advkit/models';
import { resolveLabeledData } from '@advkit/models/internal';
import { resolveTrainOptions } from './resolve-train-options.js';
import { checkResumeState } from './resume-state.js';
import { readOptimizer, restoreOptimizer } from './optimizer-state.js';
import { localSession } from './local-executor.js';

/** How the caller named the step and its attack (`train`: `options.step`; `adversarialSgd`: `options.attack`). */
export interface ArgumentNames {
  step: string;
  attack: string;
}

/**
 * The one training loop, behind `train` and the named trainers (`fn` is the public function the user
 * called; every error names it). Per epoch a seeded shuffle (`batchOrder`); per step the learning rate,
 * then `options.step` on the batch through the executor (this thread by default), its summed loss and
 * errors read back as plain numbers and averaged per epoch.
 *
 * Checkpoints (`options.checkpoint`, `options.resumeFrom`, see TrainingState) are taken between steps and
 * awaited. Every seed of a step derives from its position (`globalStep`), so a resumed run, on any
 * executor, takes exactly the steps of an uninterrupted one. The loop yields to the event loop every
 * `yieldEveryMs`, so timers and signal handlers can abort `options.signal`.
 */
export async function trainingLoop(fn: string, model: Model, input: LabeledInput, options: TrainOptions | undefined, names: ArgumentNames): Promise<TrainResult> {
  const t0 = performance.now();
  const opts = resolveTrainOptions(options, fn, names.step);
  const { data, dim } = resolveLabeledData(input, model, fn);
  if (model.trainable === false) {
    throw new ArgumentError(
      'cannot be trained: it is marked trainable: false (a fromGraphModel adapter: its weights are constants of the graph). Attack and evaluate it, or train the original model (e.g. a tfjs LayersModel through fromLayersModel)',
      { fn, argument: 'model' },
    );
  }
  const { step, checkpoint: ck, signal, optimizer } = opts;
  const aborted = (): boolean => signal?.aborted === true; // a function: TypeScript would keep a narrowing across awaits
  const settings = { epochs: opts.epochs, batchSize: opts.batchSize, seed: opts.seed, shuffle: opts.shuffle, n: data.n, dim };
  registerGradients();

  let rng = new Rng(opts.seed);
  let epochs: EpochMetrics[] = [];
  let startEpoch = 1;
  let startStep = 0;
  let steps = 0;
  let resumed: TrainingState['partial'] | undefined;
  const resumeFrom = options?.resumeFrom;
  if (resumeFrom !== undefined) {
    const s = checkResumeState(resumeFrom, fn, step.name, settings, model);
    if ((s.optimizer !== undefined) !== (optimizer !== undefined)) {
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
    if (optimizer !== undefined) await restoreOptimizer(optimizer, s, fn);
    epochs = s.epochs.map((m) => ({ ...m }));
    startEpoch = s.epoch;
    startStep = s.step;
    steps = s.totalSteps;
    resumed = { ...s.partial };
  }
  if (aborted()) throw signal!.reason;

  const setup = { fn, model, data, dim, step, argumentNames: names, ...(optimizer === undefined ? {} : { optimizer }), ...(signal === undefined ? {} : { signal }) };
  let session: ExecutorSession | undefined;
  const save = async (state: TrainingState): Promise<void> => {
    if (optimizer !== undefined) state.optimizer = await readOptimizer(optimizer, fn);
    try {
      await ck!.save(state);
    } catch (cause) {
      throw CheckpointError.isInstance(cause) ? cause : new CheckpointError(`${fn}: saving the checkpoint failed: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    }
  };
  try {
    const ses = (session = opts.executor === undefined ? localSession(setup) : await opts.executor.start(setup));
    let lastYield = performance.now();
    let sinceSave = 0;
    for (let epoch = startEpoch; epoch <= opts.epochs; epoch++) {
      const te = performance.now();
      const rngAtEpochStart = rng.state();
      const batches = batchOrder(data.n, { batchSize: opts.batchSize, shuffle: opts.shuffle, rng });
      const carried = epoch === startEpoch ? resumed : undefined; // this epoch's part before the resume
      let lossSum = carried?.lossSum ?? 0;
      let errSum = carried?.errSum ?? 0;
      let lr = carried?.learningRate ?? 0;
      const seconds = (): number => (carried?.seconds ?? 0) + (performance.now() - te) / 1000;
      const snapshot = (e: number, s: number, rs: number[], partial: TrainingState['partial']): TrainingState => ({
        format: 'advkit-training-state',
        version: TRAINING_STATE_VERSION,
        trainer: step.name,
        settings,
        epoch: e,
        step: s,
        totalSteps: steps,
        rngAtEpochStart: rs,
        weights: ses.weights(),
        epochs: epochs.map((m) => ({ ...m })),
        partial,
        ...(ck?.meta === undefined ? {} : { meta: ck.meta }),
      });
      const first = carried === undefined ? 0 : Math.min(startStep, batches.length);
      for (let b = first; b < batches.length; b++) {
        const stepLr = opts.learningRate(epoch, b + 1);
        const context: StepContext = { fn, epoch, step: b + 1, globalStep: steps, learningRate: stepLr, ...(optimizer === undefined ? {} : { optimizer }) };
        let stats: StepStats;
        try {
          const r = ses.run(batches[b]!, context);
          stats = isPromiseLike(r) ? await r : r;
        } catch (e) {
          // stopped mid-step (an executor that can): the weights are those after step b, which a resume continues from
          if (ck !== undefined && aborted() && b > 0) await save(snapshot(epoch, b, rngAtEpochStart, { lossSum, errSum, learningRate: lr, seconds: seconds() }));
          throw e;
        }
        checkStats(stats, fn, names.step, epoch, b + 1, steps, opts.stopOnDivergence);
        lossSum += stats.lossSum;
        errSum += stats.errors;
        lr = stepLr;
        steps++;
        sinceSave++;
        options?.onProgress?.({ epoch, epochs: opts.epochs, step: b + 1, stepsPerEpoch: batches.length });
        const last = b + 1 === batches.length;
        if (ck !== undefined && !last && (aborted() || (ck.everySteps !== undefined && sinceSave >= ck.everySteps))) {
          await save(snapshot(epoch, b + 1, rngAtEpochStart, { lossSum, errSum, learningRate: lr, seconds: seconds() }));
          sinceSave = 0;
        }
        if (aborted() && !last) throw signal!.reason;
        if (performance.now() - lastYield >= opts.yieldEveryMs) {
          await yieldToEventLoop();
          lastYield = performance.now();
        }
      }
      const metrics: EpochMetrics = { epoch, trainLoss: lossSum / data.n, trainError: errSum / data.n, learningRate: lr, seconds: seconds() };
      epochs.push(metrics);
      options?.onEpochEnd?.(metrics);
      if (ck !== undefined) {
        await save(snapshot(epoch + 1, 0, rng.state(), { lossSum: 0, errSum: 0, learningRate: 0, seconds: 0 }));
        sinceSave = 0;
      }
      if (aborted() && epoch < opts.epochs) throw signal!.reason;
    }
    return { epochs, seconds: (performance.now() - t0) / 1000, steps };
  } finally {
    try {
      await session?.close();
    } finally {
      step.finish?.();
    }
  }
}

function isPromiseLike<T>(v: T | Promise<T>): v is Promise<T> {
  return typeof (v as Promise<T>)?.then === 'function';
}

/** A step's report: `{ lossSum, errors }` numbers (ArgumentError naming the step otherwise), and a finite loss (DivergenceError otherwise, unless opted out). */
function checkStats(stats: StepStats, fn: string, stepArgument: string, epoch: number, step: number, globalStep: number, stopOnDivergence: boolean): void {
  if (typeof stats !== 'object' || stats === null || typeof stats.lossSum !== 'number' || typeof stats.errors !== 'number') {
    throw new ArgumentError(`must return { lossSum, errors } (numbers) from run, got ${describeValue(stats)}`, { fn, argument: stepArgument });
  }
  if (stopOnDivergence && !Number.isFinite(stats.lossSum)) {
    throw new DivergenceError(
      `${fn}: training diverged: the loss of epoch ${epoch}, step ${step} (global step ${globalStep}) is ${stats.lossSum}; the model holds the weights after that step. Lower the learning rate, or pass options.stopOnDivergence: false to go on`,
    );
  }
}
