/**
 * Examples of a two-class problem, row-major, ready for a binary model with one logit
 * (`LabeledData` of @advkit/models). Example `i` is `x.subarray(i * dim, (i + 1) * dim)`.
 */
export interface BinaryData {
  /** `n · dim` features. */
  x: Float32Array;
  /** `n` labels, -1 or +1. */
  y: Float32Array;
  /** Number of examples (>= 1). */
  n: number;
  /** Features per example (784 for MNIST). */
  dim: number;
}
