import { availableParallelism } from 'node:os';
import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, CheckpointError, Rng, checkNumber, checkOptions, describeValue } from '@advkit/core';
import { getWeights, type Model } from '@advkit/models';
import { batchOrder } from '@advkit/datasets';
import type { EpochMetrics, TrainOptions, TrainResult, TrainingState } from '../train-options.js';
import type { LabeledData } from '@advkit/models';
import { checkLabeledData } from '@advkit/models/internal';
import { checkResumeState, resolveTrainOptions } from '../run-training.js';
import { checkAttackSpec, type AttackSpec } from './attack-spec.js';
import { modelSpec } from './model-spec.js';
import type { WorkerInit } from './data-parallel-protocol.js';
import { WorkerPool, type ShardTask } from './worker-pool.js';

export interface DataParallelSgdOptions extends Omit<TrainOptions, 'optimizer'> {
  /**
   * Worker threads, each with its own tfjs engine and wasm instance (tfjs-backend-wasm runs one thread
   * in Node, so this is how training uses more than one core). More workers than cores only adds
   * overhead. @default os.availableParallelism()
   */
  workers?: number;
  /**
   * The inner maximisation of adversarial training as plain data (`{ kind: 'pgd' | 'fgsm', threatModel,
   * … }`, see {@link AttackSpec}); functions and `Attack` objects cannot be sent to a worker.
   * @default undefined (standard training)
   */
  attack?: AttackSpec;
  /** Not supported: plain SGD only (ArgumentError). */
  optimizer?: never;
}

const FN = 'dataParallelSgd';

/**
 * Synchronous data-parallel minibatch SGD (standard or adversarial) on worker threads, for Node, where
 * tfjs-backend-wasm computes on one thread. Takes the steps of {@link sgd} / {@link adversarialSgd}
 * with plain SGD: the same seeded minibatch order (`batchOrder`, as `runTraining`), the same attack per
 * example (same seeds, same random starts), the same update, the same per-epoch metrics. Only the
 * float32 summation order of each batch gradient differs (a sum of W shard gradients instead of one
 * sum over the batch), so weights agree with the single-process trainers to rounding, not bit for bit
 * (bit for bit with one worker for `Mlp` and `Cnn`; a `LinearModel` takes sgd's analytic-gradient path
 * there and autodiff here).
 *
 * Each minibatch B is split into W contiguous shards S_k, one per worker. Worker k attacks its shard on
 * the current weights (x_i + δ_i*, or x_i without `attack`; PGD and FGSM act per example, so the
 * shards' attacks are the rows of the whole batch's attack) and returns
 *
 *     g_k = ∇_θ (1/|B|) Σ_{i∈S_k} L(y_i, f(x_i + δ_i*; θ)),   and   g = Σ_k g_k = ∇_θ (1/|B|) Σ_{i∈B} L(…),
 *
 * the gradient of the batch's mean loss (linearity of ∇; by Danskin's theorem a subgradient of the
 * adversarial loss, Madry et al. 2018, §2). The main thread sums the g_k and updates θ ← θ − lr·g in
 * float32 in one shared copy of the weights, which every worker loads before its next shard: the
 * synchronous all-reduce scheme of PyTorch's DistributedDataParallel (Li et al., "PyTorch
 * Distributed: Experiences on Accelerating Data Parallel Training", VLDB 2020), here with one reducer.
 *
 * Supported models: `LinearModel`, `Mlp` and `Cnn` of @advkit/models (exact classes; workers rebuild
 * them from their public options and load the weights); anything else is an ArgumentError naming
 * `model`. Plain SGD only: a tfjs `optimizer` (its state lives in one engine) is an ArgumentError
 * naming `options.optimizer`. The learning rate (a number or an `(epoch, step) => lr` schedule) is
 * evaluated in the calling thread per step.
 *
 * Checkpoints (`options.checkpoint`, `options.resumeFrom`) work as for the async trainers and their
 * states are interchangeable with theirs: a state is labelled with the trainer whose steps it takes
 * (`'adversarialSgd'` with an attack, `'sgd'` without), so a run saved by `adversarialSgdAsync` can go
 * on here with more workers, and back. Saves are awaited. The attack's seeds follow the run's global
 * step count, so a resumed run equals an uninterrupted one even with random starts. On `signal` the
 * state after the last completed step is saved (the step in progress is dropped) before rejecting.
 *
 * Data: `data.x` is shared with the workers through a SharedArrayBuffer; when it is not already backed
 * by one it is copied once (pass a SharedArrayBuffer-backed Float32Array to avoid the copy). Steps send
 * example indices, never pixels. With a threat model that has a box, every input must lie in it.
 *
 * `model` is trained "in place" at the end: its variables get the trained weights when the promise
 * settles (also on abort or failure: then the weights after the last completed step). Workers are
 * terminated in every case. `signal` aborts at once: the step in progress is dropped and the promise
 * rejects with `signal.reason`. A worker's failure rejects with a BackendError naming this function
 * and the worker (its original error as `cause`). The calling thread creates no tensors but the
 * temporaries of the final weight copy.
 *
 * @returns per-epoch metrics as the other trainers report them (plain numbers). `seconds` includes
 *   starting the workers (about a second: each loads tfjs and compiles the wasm module); the epochs'
 *   `seconds` do not.
 */
export async function dataParallelSgd(model: Model, data: LabeledData, options?: DataParallelSgdOptions): Promise<TrainResult> {
  const t0 = performance.now();
  const opts = checkOptions(options, FN);
  if ((opts as TrainOptions).optimizer !== undefined) {
    throw new ArgumentError(`is not supported by ${FN} (plain SGD only: learningRate, a number or a schedule): use the single-process trainers for it`, {
      fn: FN,
      argument: 'options.optimizer',
    });
  }
  const dim = checkLabeledData(data, model, FN);
  const spec = modelSpec(model, FN);
  const train = resolveTrainOptions(opts, FN);
  const workers = checkNumber(opts.workers ?? Math.max(1, availableParallelism()), FN, 'options.workers', { min: 1, max: 256, integer: true });
  const attack = opts.attack === undefined ? undefined : checkAttackSpec(opts.attack, FN);
  const box = attack?.threatModel.box;
  if (box !== undefined) checkInBox(data.x, box, FN);
  const signal = opts.signal;
  const aborted = (): boolean => signal?.aborted === true; // a function: TypeScript would keep the first check's narrowing across awaits
  if (aborted()) throw signal!.reason;

  const ck = opts.checkpoint;
  // the trainer whose steps these are: states are interchangeable with its (see the doc comment)
  const trainer = attack === undefined ? 'sgd' : 'adversarialSgd';
  const settings = { epochs: train.epochs, batchSize: train.batchSize, seed: train.seed, shuffle: train.shuffle, n: data.n, dim };
  const resume = opts.resumeFrom === undefined ? undefined : checkResumeState(opts.resumeFrom, trainer, settings, model);
  if (resume?.optimizer !== undefined) throw new CheckpointError(`${FN}: options.resumeFrom holds a tfjs optimizer state; ${FN} runs plain SGD`);

  const vars = model.variables;
  const total = vars.reduce((s, v) => s + v.size, 0);
  const weights = new Float32Array(new SharedArrayBuffer(total * 4));
  let off = 0;
  for (const [i, w] of (resume?.weights ?? getWeights(model)).entries()) {
    if (w.length !== vars[i]!.size) throw new CheckpointError(`${FN}: options.resumeFrom.weights[${i}] holds ${w.length} values; the model's variable has ${vars[i]!.size}`);
    weights.set(w, off);
    off += w.length;
  }
  /** The weights as the model's variables, for a TrainingState. */
  const weightArrays = (): Float32Array[] => {
    let o = 0;
    return vars.map((v) => weights.slice(o, (o += v.size)));
  };
  const grads = Array.from({ length: workers }, () => new Float32Array(new SharedArrayBuffer(total * 4)));
  const control = new Int32Array(new SharedArrayBuffer(4 * (1 + workers)));
  const x = shared(data.x);
  const y = shared(data.y);
  const inits: WorkerInit[] = grads.map((grad, index) => ({ index, model: spec, attack, x, y, dim, weights, grad, control }));

  let pool: WorkerPool | undefined;
  const onAbort = (): void => pool?.fail(signal!.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    pool = await WorkerPool.start(new URL('./data-parallel-worker.js', import.meta.url), inits, FN);
    if (aborted()) throw signal!.reason; // aborted while the workers started
    const rng = resume === undefined ? new Rng(train.seed) : Rng.fromState(resume.rngAtEpochStart);
    const epochs: EpochMetrics[] = resume?.epochs.map((m) => ({ ...m })) ?? [];
    let steps = resume?.totalSteps ?? 0;
    let sinceSave = 0;
    for (let epoch = resume?.epoch ?? 1; epoch <= train.epochs; epoch++) {
      const te = performance.now();
      const rngAtEpochStart = rng.state();
      const batches = batchOrder(data.n, { batchSize: train.batchSize, shuffle: train.shuffle, rng });
      const carried = epoch === resume?.epoch ? resume.partial : undefined; // this epoch's part before the resume
      let lossSum = carried?.lossSum ?? 0;
      let errSum = carried?.errSum ?? 0;
      let lr = carried?.learningRate ?? 0;
      const seconds = (): number => (carried?.seconds ?? 0) + (performance.now() - te) / 1000;
      const snapshot = (e: number, step: number, rs: number[], partial: TrainingState['partial']): TrainingState => ({
        format: 'advkit-training-state',
        version: 1,
        trainer,
        settings,
        epoch: e,
        step,
        totalSteps: steps,
        rngAtEpochStart: rs,
        weights: weightArrays(),
        epochs: epochs.map((m) => ({ ...m })),
        partial,
        ...(ck?.meta === undefined ? {} : { meta: ck.meta }),
      });
      for (let b = carried === undefined ? 0 : Math.min(resume!.step, batches.length); b < batches.length; b++) {
        const idx = batches[b]!;
        const stepLr = train.learningRate(epoch, b + 1);
        const seq = steps + 1;
        Atomics.store(control, 0, seq); // after the last update of `weights`, before the workers read them
        const tasks = shardTasks(idx, workers, seq, steps);
        let stats;
        try {
          stats = await pool.step(tasks);
        } catch (e) {
          // stopped (or failed) mid-step: the weights are those after step b, which a resume continues from
          if (ck !== undefined && aborted() && b > 0) await ck.save(snapshot(epoch, b, rngAtEpochStart, { lossSum, errSum, learningRate: lr, seconds: seconds() }));
          throw e;
        }
        for (const s of stats) {
          lossSum += s.lossSum;
          errSum += s.errors;
        }
        lr = stepLr;
        sgdUpdate(weights, tasks.map((t) => grads[t.worker]!), lr);
        steps++;
        sinceSave++;
        opts.onProgress?.({ epoch, epochs: train.epochs, step: b + 1, stepsPerEpoch: batches.length });
        const last = b + 1 === batches.length;
        if (ck !== undefined && !last && (aborted() || (ck.everySteps !== undefined && sinceSave >= ck.everySteps))) {
          await ck.save(snapshot(epoch, b + 1, rngAtEpochStart, { lossSum, errSum, learningRate: lr, seconds: seconds() }));
          sinceSave = 0;
        }
        if (aborted() && !last) throw signal!.reason;
      }
      const metrics: EpochMetrics = { epoch, trainLoss: lossSum / data.n, trainError: errSum / data.n, learningRate: lr, seconds: seconds() };
      epochs.push(metrics);
      opts.onEpochEnd?.(metrics);
      if (ck !== undefined) {
        await ck.save(snapshot(epoch + 1, 0, rng.state(), { lossSum: 0, errSum: 0, learningRate: 0, seconds: 0 }));
        sinceSave = 0;
      }
      if (aborted() && epoch < train.epochs) throw signal!.reason;
    }
    return { epochs, seconds: (performance.now() - t0) / 1000, steps };
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await pool?.terminate();
    copyInto(model, weights);
  }
}

/** The batch `idx` cut into `workers` contiguous shards (sizes differing by at most one); empty shards are left out. */
function shardTasks(idx: Uint32Array, workers: number, seq: number, call: number): ShardTask[] {
  const tasks: ShardTask[] = [];
  const size = idx.length;
  for (let k = 0; k < workers; k++) {
    const lo = Math.floor((k * size) / workers);
    const hi = Math.floor(((k + 1) * size) / workers);
    if (hi > lo) tasks.push({ worker: k, message: { type: 'step', seq, call, offset: lo, batchSize: size, indices: idx.slice(lo, hi) } });
  }
  return tasks;
}

/**
 * θ ← θ − lr·Σ_k g_k in float32, the arithmetic of autodiffStep's `v − g·lr` on tfjs (each product and
 * difference rounded to float32; a double product of two float32s is exact and a double sum of two
 * float32s rounded once to float32 is the float32 sum, so this equals the tensor ops bit for bit).
 */
function sgdUpdate(weights: Float32Array, parts: Float32Array[], lr: number): void {
  const lr32 = Math.fround(lr);
  const [first, ...rest] = parts;
  for (let i = 0; i < weights.length; i++) {
    let g = first![i]!;
    for (const p of rest) g = Math.fround(g + p[i]!);
    weights[i] = weights[i]! - Math.fround(g * lr32);
  }
}

/** The weights into the model's variables. Unlike setWeights, NaN and ±∞ are copied too: a diverged run leaves them, as the other trainers do. */
function copyInto(model: Model, weights: Float32Array): void {
  const vars = model.variables;
  if (vars.some((v) => v.isDisposed)) return;
  let off = 0;
  tf.tidy(() => {
    for (const v of vars) {
      (v as tf.Variable).assign(tf.tensor(weights.slice(off, off + v.size), v.shape, 'float32'));
      off += v.size;
    }
  });
}

/** `a` itself when a SharedArrayBuffer backs it, else a copy in a new one. */
function shared<T extends Float32Array | Int32Array>(a: T): T {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const copy = (a instanceof Float32Array ? new Float32Array(new SharedArrayBuffer(a.byteLength)) : new Int32Array(new SharedArrayBuffer(a.byteLength))) as T;
  copy.set(a);
  return copy;
}

/** Every input in [box.min, box.max] (the attack projects onto ball ∩ box around it); ArgumentError naming `data.x` otherwise. */
function checkInBox(x: Float32Array, box: { min: number; max: number }, fn: string): void {
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (!(v >= box.min && v <= box.max)) {
      throw new ArgumentError(`must lie in the threat model's box [${box.min}, ${box.max}], got ${describeValue(v)} at index ${i}`, { fn, argument: 'data.x' });
    }
  }
}
