import { availableParallelism } from 'node:os';
import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, checkNumber, checkOptions, describeValue, checkKnownKeys, optionKeys } from '@advkit/core';
import { getWeights, type Model } from '@advkit/models';
import type { ExecutorSession, ExecutorSetup, StepExecutor } from '../step-executor.js';
import { isBuiltInAdversarialStep } from '../adversarial-step.js';
import { isBuiltInStandardStep } from '../standard-step.js';
import { checkModelFactory, modelSpec, type ModelFactory } from '@advkit/models/internal';
import type { WorkerInit, WorkerStepSpec } from './data-parallel-protocol.js';
import { WorkerPool, type ShardTask } from './worker-pool.js';

export interface DataParallelOptions {
  /**
   * Worker threads, each with its own tfjs engine and wasm instance (tfjs-backend-wasm runs one thread
   * in Node, so this is how training uses more than one core). More workers than cores only adds
   * overhead. @default os.availableParallelism()
   */
  workers?: number;
  /**
   * How a worker builds its copy of a model that is not a `LinearModel`, `Mlp` or `Cnn` of
   * @advkit/models (those are rebuilt from their options): a module, the export to call and its
   * arguments. @default undefined (built-in models only)
   */
  modelFactory?: ModelFactory;
}
const DATA_PARALLEL_KEYS = optionKeys<DataParallelOptions>()({ workers: true, modelFactory: true });

/**
 * Synchronous data-parallel training on worker threads, for Node, where tfjs-backend-wasm computes on one
 * thread: a {@link StepExecutor} for `train(model, data, { step, executor: dataParallel({ workers }) })`.
 * `train` keeps the loop (the seeded minibatch order, learning rates, checkpoints, resume, abort,
 * metrics); this executor takes each step on the workers. It takes the steps of the single-process run:
 * the same attack per example (its seeds follow the global step; random starts per example as in the
 * whole batch), the same update, the same metrics. Only the float32 summation order of each batch
 * gradient differs (a sum of W shard gradients instead of one sum over the batch), so weights agree with
 * a single-process run to rounding (bit for bit with one worker for `Mlp` and `Cnn`; a `LinearModel`
 * takes the analytic gradient in one thread and autodiff here), and checkpoints move freely between
 * the two: a state is labelled with the step's name, not with the executor.
 *
 * Each minibatch B is split into W contiguous shards S_k, one per worker. Worker k attacks its shard on
 * the current weights (x_i + δ_i*, or x_i for the standard step) and returns
 *
 *     g_k = ∇_θ (1/|B|) Σ_{i∈S_k} L(y_i, f(x_i + δ_i*; θ)),   and   g = Σ_k g_k = ∇_θ (1/|B|) Σ_{i∈B} L(…),
 *
 * the gradient of the batch's mean loss (linearity of ∇; by Danskin's theorem a subgradient of the
 * adversarial loss, Madry et al. 2018, §2). The main thread sums the g_k and updates θ ← θ − lr·g in
 * float32 in one shared copy of the weights (a SharedArrayBuffer), which every worker loads before its
 * next shard: the synchronous all-reduce scheme of PyTorch's DistributedDataParallel (Li et al.,
 * "PyTorch Distributed: Experiences on Accelerating Data Parallel Training", VLDB 2020), with one reducer.
 *
 * What workers can rebuild (else an ArgumentError of the function you called, naming the argument):
 * - models: `LinearModel`, `Mlp`, `Cnn` (exact classes) by themselves; any other `Model` through
 *   `modelFactory` (the worker imports the module, calls the export, checks the variables' shapes);
 * - steps: `standardStep()` and `adversarialStep(attack)` with a built-in attack (`pgdAttack`,
 *   `fgsmAttack`: rebuilt from `attack.spec`); a custom step or attack has no plain-data form a thread
 *   can receive, and `robustLinearStep` is a linear model's analytic step, as fast on one thread;
 * - plain SGD only: a tfjs `optimizer` keeps its state in one engine (ArgumentError naming `options.optimizer`).
 *
 * Data: `data.x` is shared with the workers through a SharedArrayBuffer; when it is not already backed
 * by one it is copied once. Steps send example indices, never pixels. With a threat model that has a
 * box, every input must lie in it (ArgumentError naming `data.x`).
 *
 * Abort: `signal` stops at once, the step in progress is dropped (the weights stay those of the last
 * completed step, which `train` saves when checkpointing). A worker's failure rejects with a
 * BackendError naming the function you called and the worker (its error as `cause`). Workers are
 * terminated in every case, and the model's variables get the latest weights. Starting the workers
 * takes about a second (each loads tfjs and compiles the wasm module); `TrainResult.seconds` includes it.
 *
 * @throws ArgumentError naming `options.workers` or `options.modelFactory` (fn `dataParallel`) at once.
 */
export function dataParallel(options?: DataParallelOptions): StepExecutor {
  const fn = 'dataParallel';
  const opts = checkOptions(options, fn);
  checkKnownKeys(opts, DATA_PARALLEL_KEYS, fn);
  const workers = checkNumber(opts.workers ?? Math.max(1, availableParallelism()), fn, 'options.workers', { min: 1, max: 256, integer: true });
  const factory = opts.modelFactory === undefined ? undefined : checkModelFactory(opts.modelFactory, fn);
  return { name: fn, start: (setup) => start(setup, workers, factory) };
}

async function start(setup: ExecutorSetup, workers: number, factory: ReturnType<typeof checkModelFactory> | undefined): Promise<ExecutorSession> {
  const { fn, model, data, dim, signal } = setup;
  if (setup.optimizer !== undefined) {
    throw new ArgumentError('is not supported with dataParallel (plain SGD only: learningRate, a number or a schedule): its state lives in one tfjs engine', {
      fn,
      argument: 'options.optimizer',
    });
  }
  const spec = modelSpec(model, fn, factory, 'dataParallel');
  const step = workerStep(setup);
  const box = step.kind === 'adversarial' ? step.attack.options.threatModel.box : undefined;
  if (box !== undefined) checkInBox(data.x, box, fn);

  const vars = model.variables;
  const total = vars.reduce((s, v) => s + v.size, 0);
  const weights = new Float32Array(new SharedArrayBuffer(total * 4));
  let off = 0;
  for (const w of getWeights(model)) {
    weights.set(w, off);
    off += w.length;
  }
  const grads = Array.from({ length: workers }, () => new Float32Array(new SharedArrayBuffer(total * 4)));
  const control = new Int32Array(new SharedArrayBuffer(4 * (1 + workers)));
  const x = shared(data.x);
  const y = shared(data.y);
  const inits: WorkerInit[] = grads.map((grad, index) => ({ index, model: spec, step, x, y, dim, weights, grad, control }));

  const pool = await WorkerPool.start(new URL('./data-parallel-worker.js', import.meta.url), inits, fn);
  const onAbort = (): void => pool.fail(signal!.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  if (signal?.aborted === true) onAbort(); // aborted while the workers started: the first step rejects
  return {
    async run(idx, context) {
      const seq = context.globalStep + 1;
      Atomics.store(control, 0, seq); // after the last update of `weights`, before the workers read them
      const tasks = shardTasks(idx, workers, seq, context.globalStep);
      const stats = await pool.step(tasks);
      sgdUpdate(weights, tasks.map((t) => grads[t.worker]!), context.learningRate);
      let lossSum = 0;
      let errors = 0;
      for (const s of stats) {
        lossSum += s.lossSum;
        errors += s.errors;
      }
      return { lossSum, errors };
    },
    weights() {
      let o = 0;
      return vars.map((v) => weights.slice(o, (o += v.size)));
    },
    async close() {
      signal?.removeEventListener('abort', onAbort);
      await pool.terminate();
      copyInto(model, weights);
    },
  };
}

/** The plain-data form of the run's step, or an ArgumentError (of `fn`, naming the argument) saying why a worker cannot rebuild it. */
function workerStep({ fn, step, argumentNames }: ExecutorSetup): WorkerStepSpec {
  const why = ' (dataParallel rebuilds standardStep() and adversarialStep(attack) with a built-in attack in its workers)';
  if (isBuiltInStandardStep(step)) return { kind: 'standard' };
  if (isBuiltInAdversarialStep(step)) {
    const spec = step.attack.spec;
    if (spec === undefined) {
      throw new ArgumentError(`has no spec, so it cannot be rebuilt in a worker thread${why}: use a built-in attack (pgdAttack, fgsmAttack, exactLinearAttack), or train on one thread`, { fn, argument: argumentNames.attack });
    }
    if (spec.kind !== 'pgd' && spec.kind !== 'fgsm' && spec.kind !== 'exact-linear') {
      // APGD, Square and FAB draw one batch's random starts from one Rng and restart only the examples
      // still unbroken, so a shard cannot reproduce its rows of the whole batch's result
      throw new ArgumentError(`is a '${spec.kind}' attack, whose random draws and restarts depend on the whole batch, so shards cannot reproduce it${why}: use pgdAttack, fgsmAttack or exactLinearAttack, or train on one thread`, { fn, argument: argumentNames.attack });
    }
    return { kind: 'adversarial', attack: spec };
  }
  throw new ArgumentError(`cannot be rebuilt in a worker thread, got the step ${describeValue(step.name)}${why}`, { fn, argument: argumentNames.step });
}

/** The batch `idx` cut into `workers` contiguous shards (sizes differing by at most one); empty shards are left out. */
function shardTasks(idx: Uint32Array, workers: number, seq: number, batchIndex: number): ShardTask[] {
  const tasks: ShardTask[] = [];
  const size = idx.length;
  for (let k = 0; k < workers; k++) {
    const lo = Math.floor((k * size) / workers);
    const hi = Math.floor(((k + 1) * size) / workers);
    if (hi > lo) tasks.push({ worker: k, message: { type: 'step', seq, batchIndex, offset: lo, batchSize: size, indices: idx.slice(lo, hi) } });
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

/** The weights into the model's variables. Unlike setWeights, NaN and ±∞ are copied too: a diverged run leaves them, as the other executors do. */
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
