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
