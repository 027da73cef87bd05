import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, CheckpointError, describeValue } from '@advkit/core';
import type { OptimizerWeight, TrainingState } from '../checkpoint/training-state.js';

/**
 * Checks `options.optimizer`: undefined, or a tfjs Optimizer. Duck-typed (`applyGradients`,
 * `getWeights`, `setWeights`), not `instanceof`: Node can load tfjs-core twice (its CommonJS bundle and
 * its ES modules), each with its own Optimizer class. @throws ArgumentError naming `options.optimizer`.
 */
export function checkOptimizer(value: unknown, fn: string): tf.Optimizer | undefined {
  if (value === undefined) return undefined;
  const o = value as Partial<Record<'applyGradients' | 'getWeights' | 'setWeights', unknown>> | null;
  if (typeof o !== 'object' || o === null || typeof o.applyGradients !== 'function' || typeof o.getWeights !== 'function' || typeof o.setWeights !== 'function') {
    throw new ArgumentError(`must be a tfjs Optimizer (e.g. tf.train.momentum(0.1, 0.9)), got ${describeValue(value)}`, { fn, argument: 'options.optimizer' });
  }
  return value as tf.Optimizer;
}

/** `optimizer.getWeights()` as plain numbers. The iteration scalar it makes is ours to free; the slots are the optimizer's. */
export async function readOptimizer(optimizer: tf.Optimizer, fn: string): Promise<OptimizerWeight[]> {
  let named: { name: string; tensor: tf.Tensor }[];
  try {
    named = await optimizer.getWeights();
  } catch (cause) {
    throw new CheckpointError(`${fn}: cannot read the state of options.optimizer (${(cause as Error).message})`, { cause });
  }
  return named.map(({ name, tensor }) => {
    const w: OptimizerWeight = { name, shape: [...tensor.shape], dtype: tensor.dtype === 'int32' ? 'int32' : 'float32', values: Array.from(tensor.dataSync() as ArrayLike<number>) };
    if (name === 'iter') tensor.dispose();
    return w;
  });
}

/** Puts a saved optimizer state back (`optimizer.setWeights`, which copies the tensors it gets). */
export async function restoreOptimizer(optimizer: tf.Optimizer, state: TrainingState, fn: string): Promise<void> {
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
