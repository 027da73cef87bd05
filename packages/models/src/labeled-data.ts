import type { Tensor } from '@tensorflow/tfjs-core';

/**
 * Labeled examples held in JS memory, row-major: `x` has `n · prod(model.inputShape)` floats (example
 * `i` is `x.subarray(i·dim, (i + 1)·dim)`) and `y` has `n` labels: ±1 floats for binary models
 * (`numOutputs === 1`), class indices 0..K−1 for K-class models. What trainers train on and evaluations
 * evaluate; `BinaryData` and `ClassData` from `@advkit/datasets` have this shape.
 */
export interface LabeledData {
  x: Float32Array;
  y: Float32Array | Int32Array;
  n: number;
}

/**
 * Labels in any form advkit reads: a typed array, a plain `number[]`, or a rank-1 tensor of `n` values.
 * What they must hold follows the model's `numOutputs`: ±1 for a binary model (`numOutputs === 1`),
 * integer class indices 0..K−1 for a K-class model (one-hot rows are refused; pass `tf.argMax(y, 1)`).
 */
export type LabelsInput = Float32Array | Int32Array | readonly number[] | Tensor;

/**
 * The data every trainer (`train`, `sgd`, `adversarialSgd`, `robustLinearSgd`) and every evaluation
 * (`evaluate`, `robustEvaluate`, `diagnoseAttacks`, `detectCatastrophicOverfitting`) takes: a
 * {@link LabeledData}, or the same examples as tensors, the convention of the attacks:
 * - `x`: a Float32Array of `n · prod(inputShape)` floats (then `n` is required), or a float32/int32
 *   tensor shaped `[n, ...inputShape]` or `[n, prod(inputShape)]` (then `n` is optional and, if given,
 *   must equal `x.shape[0]`);
 * - `y`: {@link LabelsInput}, `n` labels.
 *
 * Ownership: advkit never disposes a tensor you pass and never keeps it. It reads each tensor once
 * (`dataSync`, a device read-back on GPU backends) at the start of the call and copies the values into a
 * Float32Array/Int32Array of its own, so the tensors stay yours and usable, and may be disposed as soon
 * as the call has started. Results are bit-identical to passing the same values as typed arrays.
 */
export interface LabeledInput {
  x: Float32Array | Tensor;
  y: LabelsInput;
  /** Number of examples. Required when `x` is a Float32Array; `x.shape[0]` when it is a tensor. */
  n?: number;
}
