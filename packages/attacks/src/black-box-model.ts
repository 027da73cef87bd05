import { ArgumentError, checkNumber, checkOptions, describeValue, checkKnownKeys, optionKeys } from '@advkit/core';

/**
 * A model known only by its scores: a function from a batch of inputs to logits, with no gradient —
 * an ONNX model run by onnxruntime, a model behind an HTTP endpoint, a graph with non-differentiable
 * ops. Score-based attacks (Square) run on it; gradient attacks (APGD, FAB, PGD) refuse it with an
 * `ArgumentError` that names the attacks that can run. Build one with {@link blackBoxModel}.
 */
export interface BlackBoxModel {
  /** The discriminant that tells it from a differentiable `Model`. */
  readonly kind: 'black-box';
  /** The shape of one input, e.g. `[784]` or `[28, 28, 1]` (channels last). */
  readonly inputShape: readonly number[];
  /** The number of logits K (≥ 2). */
  readonly numOutputs: number;
  /**
   * The logits of `n` inputs given row-major in `x` (`[n, ...inputShape]` flattened): an array of
   * `n·numOutputs` numbers, row-major, or a promise of one. Must not keep or change `x`.
   */
  predict(x: Float32Array, n: number): ArrayLike<number> | Promise<ArrayLike<number>>;
}

/** What {@link blackBoxModel} takes. */
export interface BlackBoxModelOptions {
  /** The shape of one input (positive integers). */
  inputShape: readonly number[];
  /** The number of logits K (an integer ≥ 2). */
  numOutputs: number;
  /** The scoring function (see {@link BlackBoxModel.predict}). */
  predict: (x: Float32Array, n: number) => ArrayLike<number> | Promise<ArrayLike<number>>;
}
const BLACK_BOX_MODEL_KEYS = optionKeys<BlackBoxModelOptions>()({ inputShape: true, numOutputs: true, predict: true });

/**
 * Wraps a scoring function as a {@link BlackBoxModel}, checking the shapes.
 *
 * @example
 * // onnxruntime-node: a model with input "x" [n, 784] and output "logits" [n, 10]
 * const session = await ort.InferenceSession.create('mlp.onnx');
 * const model = blackBoxModel({
 *   inputShape: [784], numOutputs: 10,
 *   predict: async (x, n) => (await session.run({ x: new ort.Tensor('float32', x, [n, 784]) })).logits.data as Float32Array,
 * });
 * const xAdv = await square(model, x, y, { threatModel });
 * @throws ArgumentError naming `blackBoxModel` and the option for bad shapes or a missing function.
 */
export function blackBoxModel(options: BlackBoxModelOptions): BlackBoxModel {
  const fn = 'blackBoxModel';
  const opts = checkOptions(options, fn);
  checkKnownKeys(opts, BLACK_BOX_MODEL_KEYS, fn);
  if (!Array.isArray(opts.inputShape) || opts.inputShape.length === 0) {
    throw new ArgumentError(`must be a non-empty array of positive integers, got ${describeValue(opts.inputShape)}`, { fn, argument: 'options.inputShape' });
  }
  const inputShape = opts.inputShape.map((v, i) => checkNumber(v, fn, `options.inputShape[${i}]`, { min: 1, integer: true }));
  const numOutputs = checkNumber(opts.numOutputs, fn, 'options.numOutputs', { min: 2, integer: true });
  if (typeof opts.predict !== 'function') throw new ArgumentError(`must be a function (x, n) => logits, got ${describeValue(opts.predict)}`, { fn, argument: 'options.predict' });
  const predict = opts.predict;
  return Object.freeze({ kind: 'black-box' as const, inputShape: Object.freeze(inputShape), numOutputs, predict: (x: Float32Array, n: number) => predict(x, n) });
}
