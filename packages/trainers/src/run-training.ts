import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, Rng, checkNumber, registerGradients } from '@advkit/core';
import type { Model } from '@advkit/models';
import { batchOrder, gatherRows } from '@advkit/datasets';
import type { EpochMetrics, TrainOptions, TrainResult } from './train-options.js';
import { checkTrainingData, type TrainingData } from './training-data.js';
import type { StepStats } from './step-stats.js';

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
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function') {
    throw new ArgumentError('must be a function', { fn, argument: 'options.onProgress' });
  }
  if (options.onEpochEnd !== undefined && typeof options.onEpochEnd !== 'function') {
    throw new ArgumentError('must be a function', { fn, argument: 'options.onEpochEnd' });
  }
  return { epochs, batchSize, learningRate, seed, shuffle: options.shuffle ?? true };
}

/**
 * The minibatch loop every trainer shares: per epoch, a seeded shuffle; per step, the batch is copied
 * from JS memory into one tensor (a row gather in JS beats a gather/slice kernel on wasm, see
 * FIELD-NOTES), handed to `step`, then freed. Each step reports its summed loss and errors
 * (read back as plain numbers), averaged per epoch. Memory is flat: nothing survives a step but the model's variables.
 */
export function runTraining(model: Model, data: TrainingData, options: TrainOptions, fn: string, step: StepFunction): TrainResult {
  const dim = checkTrainingData(data, model, fn);
  const opts = resolveTrainOptions(options, fn);
  registerGradients();
  const rng = new Rng(opts.seed);
  const binary = model.numOutputs === 1;
  const xBuf = new Float32Array(opts.batchSize * dim);
  const yBuf = binary ? new Float32Array(opts.batchSize) : new Int32Array(opts.batchSize);
  const epochs: EpochMetrics[] = [];
  const t0 = performance.now();
  let steps = 0;
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    const te = performance.now();
    const batches = batchOrder(data.n, { batchSize: opts.batchSize, shuffle: opts.shuffle, rng });
    let lossSum = 0;
    let errSum = 0;
    let lr = 0;
    for (let b = 0; b < batches.length; b++) {
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
      options.onProgress?.({ epoch, epochs: opts.epochs, step: b + 1, stepsPerEpoch: batches.length });
    }
    const metrics: EpochMetrics = {
      epoch,
      trainLoss: lossSum / data.n,
      trainError: errSum / data.n,
      learningRate: lr,
      seconds: (performance.now() - te) / 1000,
    };
    epochs.push(metrics);
    options.onEpochEnd?.(metrics);
  }
  return { epochs, seconds: (performance.now() - t0) / 1000, steps };
}
