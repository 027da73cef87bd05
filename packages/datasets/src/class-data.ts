/**
 * Examples of a K-class problem, row-major, ready for a model with K logits
 * (`LabeledData` of @advkit/models). Example `i` is `x.subarray(i * dim, (i + 1) * dim)`.
 */
export interface ClassData {
  /** `n · dim` features. */
  x: Float32Array;
  /** `n` class indices 0..numClasses-1. */
  y: Int32Array;
  /** Number of examples (>= 1). */
  n: number;
  /** Features per example (784 for MNIST). */
  dim: number;
  /** Number of classes (10 for MNIST digits). */
  numClasses: number;
}
