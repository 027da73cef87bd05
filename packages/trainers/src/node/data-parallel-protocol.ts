import type { AttackSpec } from '@advkit/attacks';
import type { ModelSpec } from '@advkit/models/internal';

/** The step a worker rebuilds: `standardStep()`, or `adversarialStep(attack)` with a built-in attack's spec. */
export type WorkerStepSpec = { kind: 'standard' } | { kind: 'adversarial'; attack: AttackSpec };

/**
 * What `dataParallel` hands each worker thread at start-up (`workerData`). Every typed array is a view
 * of a SharedArrayBuffer: the structured clone of `workerData` shares them, it does not copy.
 */
export interface WorkerInit {
  /** 0-based worker index (its gradient slot and its flag in `control`). */
  index: number;
  model: ModelSpec;
  step: WorkerStepSpec;
  /** The training inputs, `n · dim` floats, read-only for workers. */
  x: Float32Array;
  /** The labels (±1 floats for binary models, class indices otherwise), read-only for workers. */
  y: Float32Array | Int32Array;
  /** Floats per example. */
  dim: number;
  /** The current weights, all variables one after another (`model.variables` order); written by the main thread between steps. */
  weights: Float32Array;
  /** This worker's gradient slot, laid out as `weights`; written by the worker during a step. */
  grad: Float32Array;
  /**
   * `[weightsSeq, done_0, …, done_{W−1}]`: the main thread stores the step's number in `weightsSeq`
   * (Atomics) after writing the weights and before posting the step; a worker stores it in `done_k`
   * after writing its gradient and before replying. The Atomics pair orders the plain writes before the
   * reads on the other side (ECMAScript memory model); the messages only wake the reader.
   */
  control: Int32Array;
}

/** Main → worker: compute the gradient share of one shard with the weights now in `weights`. */
export interface StepMessage {
  type: 'step';
  /** Step number (globalStep + 1), as stored in `control[0]`. */
  seq: number;
  /** The step's 0-based global index, from which the attack's seeds derive (`AttackContext.batchIndex`). */
  batchIndex: number;
  /** Row of the shard's first example within the minibatch (for the random starts). */
  offset: number;
  /** Examples in the whole minibatch (B of the 1/B in the mean loss). */
  batchSize: number;
  /** Example indices of the shard, into `x` and `y`. */
  indices: Uint32Array;
}

/** Worker → main. `argument` marks an error caused by that option of `dataParallel` (e.g. a model factory that does not fit). */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'done'; seq: number; lossSum: number; errors: number }
  | { type: 'error'; error: SerializedError; argument?: string };

/** An error as plain data (classes do not survive postMessage). */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string | undefined;
}
