import * as tf from '@tensorflow/tfjs-core';
import type { GraphModel } from '@tensorflow/tfjs-converter';
import { ArgumentError, checkOneOf, checkOptions, describeValue, checkKnownKeys, optionKeys } from '@advkit/core';
import type { Model } from './model.js';
import { checkModelInput } from './internal/check-model-input.js';
import { checkPositiveInts } from './check-positive-ints.js';
import { NAME_THE_LOGITS, graphLogitsNode } from './graph-logits-node.js';

export interface FromGraphModelOptions {
  /**
   * The name of the graph node whose output is the logits (e.g. `'model/dense_1/BiasAdd'`; `'name:1'`
   * for a node's second output). Overrides the detection of {@link FromGraphModelOptions.output}.
   * @default found from the graph: the input of a trailing Softmax (or Sigmoid, one output)
   */
  logitsNode?: string;
  /**
   * What the model's output is when `logitsNode` is not given. `'auto'`: read the graph: a trailing
   * `Softmax` (or `Sigmoid` on one output), behind any `Identity` nodes, is bypassed and its input used;
   * a trailing `MatMul`/`BiasAdd`/`Add`/`LogSoftmax` (affine, or log-probabilities, whose softmax is the
   * model's) is used as is; anything else is an ArgumentError saying how to name the logits.
   * `'logits'`: the output already is logits (you vouch for it). @default 'auto'
   */
  output?: 'auto' | 'logits';
  /** The shape of one input, when the graph leaves dimensions other than the batch unknown. @default from `model.inputs[0].shape` */
  inputShape?: readonly number[];
  /** Dispose the GraphModel when the adapter is disposed. @default false */
  ownsModel?: boolean;
}
const FROM_GRAPH_MODEL_KEYS = optionKeys<FromGraphModelOptions>()({ logitsNode: true, output: true, inputShape: true, ownsModel: true });

/** A {@link Model} backed by a tfjs-converter `GraphModel` (see {@link fromGraphModel}): attack and evaluate only. */
export interface GraphModelAdapter extends Model {
  /** The adapted model (not a copy). */
  readonly graphModel: GraphModel;
  /** The node whose output `logits` returns. */
  readonly logitsNode: string;
  /** Always false: a GraphModel's weights are constants of the graph. */
  readonly trainable: false;
}

/**
 * Adapts a tfjs-converter `GraphModel` (from `tf.loadGraphModel`, e.g. a converted TensorFlow
 * SavedModel or Keras model) with one input of shape `[batch, ...inputShape]` to advkit's {@link Model},
 * for attacks and evaluation.
 *
 * - Logits, never probabilities: `logits(x)` is `model.execute(x, logitsNode)`, where `logitsNode` is
 *   the input of a trailing Softmax op (found in the graph) or the node you name. A graph whose logits
 *   cannot be found is an ArgumentError saying how to name them, never a silent attack on
 *   probabilities (softmax saturates and its gradients vanish, so such attacks are weaker).
 * - `numOutputs` is K, the logits' last dimension, found by running the graph once on a zero input at
 *   construction (this also checks `logitsNode`).
 * - Attack and evaluate only: a graph's weights are constants, so `variables` is empty and `trainable`
 *   is `false`; trainers refuse the adapter. Convert to a LayersModel (`tfjs_layers_model` format) and
 *   use `fromLayersModel` to fine-tune. A graph has one mode (frozen graphs are exported for inference),
 *   so `options.training` of `logits` is ignored.
 * - Gradients: attacks differentiate through `execute`, which runs tfjs-core ops on the tape. Checked on
 *   the cpu and wasm backends for MatMul, BiasAdd, Add, Relu, Conv2D, Reshape and Softmax graphs; an op
 *   without a registered gradient fails with tfjs's "gradient function not found" error.
 * - Ownership: the adapter shares the GraphModel; `dispose()` leaves it alone unless `options.ownsModel`.
 *
 * Only types are imported from `@tensorflow/tfjs-converter` (an optional peer dependency).
 */
export function fromGraphModel(model: GraphModel, options?: FromGraphModelOptions): GraphModelAdapter {
  const fn = 'fromGraphModel';
  const opts = checkOptions(options, fn);
  checkKnownKeys(opts, FROM_GRAPH_MODEL_KEYS, fn);
  const output = checkOneOf(opts.output ?? 'auto', ['auto', 'logits'] as const, fn, 'options.output');
  const ownsModel = opts.ownsModel ?? false;
  if (typeof ownsModel !== 'boolean') throw new ArgumentError(`must be a boolean, got ${describeValue(ownsModel)}`, { fn, argument: 'options.ownsModel' });
  const v = model as Partial<GraphModel> | null | undefined;
  if (typeof model !== 'object' || model === null || typeof v?.execute !== 'function' || !Array.isArray(v.inputs) || !Array.isArray(v.outputNodes)) {
    throw new ArgumentError(`must be a tfjs-converter GraphModel (from tf.loadGraphModel), got ${describeValue(model)}`, { fn, argument: 'model' });
  }
  if (model.inputs.length !== 1) throw new ArgumentError(`must have one input, got ${model.inputs.length}`, { fn, argument: 'model' });

  let inputShape: readonly number[];
  if (opts.inputShape !== undefined) {
    inputShape = checkPositiveInts(opts.inputShape, fn, 'options.inputShape', 1);
  } else {
    const shape = model.inputs[0]!.shape;
    const rest = shape?.slice(1) ?? [];
    if (shape === undefined || shape.length < 2 || !rest.every((d) => Number.isInteger(d) && d > 0)) {
      throw new ArgumentError(`has an input of shape [${(shape ?? []).join(',')}] with unknown dimensions; pass options.inputShape`, { fn, argument: 'model' });
    }
    inputShape = rest;
  }

  let logitsNode: string;
  let bypassed: 'Softmax' | 'Sigmoid' | null = null;
  if (opts.logitsNode !== undefined) {
    if (typeof opts.logitsNode !== 'string' || opts.logitsNode === '') {
      throw new ArgumentError(`must be a node name, got ${describeValue(opts.logitsNode)}`, { fn, argument: 'options.logitsNode' });
    }
    logitsNode = opts.logitsNode;
  } else if (model.outputNodes.length !== 1) {
    throw new ArgumentError(`has ${model.outputNodes.length} outputs (${model.outputNodes.join(', ')}); pass options.logitsNode`, { fn, argument: 'model' });
  } else if (output === 'logits') {
    logitsNode = model.outputNodes[0]!;
  } else {
    ({ node: logitsNode, bypassed } = graphLogitsNode(model, fn));
  }

  const numOutputs = probeOutputs(model, inputShape, logitsNode, fn);
  if (bypassed === 'Sigmoid' && numOutputs !== 1) {
    throw new ArgumentError(
      `ends in a Sigmoid over ${numOutputs} outputs: a multi-label model, not a K-class classifier (advkit's K-class models are softmax classifiers); ${NAME_THE_LOGITS}`,
      { fn, argument: 'model' },
    );
  }
  return new GraphAdapter(model, inputShape, numOutputs, logitsNode, ownsModel);
}

/** Runs the graph once on zeros and returns K of its `[1, K]` logits; an ArgumentError if that fails. */
function probeOutputs(model: GraphModel, inputShape: readonly number[], logitsNode: string, fn: string): number {
  let shape: number[];
  try {
    shape = tf.tidy(() => {
      const out = model.execute(tf.zeros([1, ...inputShape], model.inputs[0]!.dtype ?? 'float32'), logitsNode);
      if (Array.isArray(out)) throw new Error(`returned ${out.length} tensors`);
      return out.shape;
    });
  } catch (e) {
    throw new ArgumentError(`could not be run up to the logits node '${logitsNode}' on an input of shape [1,${inputShape.join(',')}]: ${(e as Error).message}`, {
      fn,
      argument: 'model',
      cause: e,
    });
  }
  if (shape.length !== 2 || shape[0] !== 1 || !(shape[1]! > 0)) {
    throw new ArgumentError(`has logits node '${logitsNode}' of shape [${shape.join(',')}] for one input; it must be [batch, K]`, { fn, argument: 'model' });
  }
  return shape[1]!;
}

class GraphAdapter implements GraphModelAdapter {
  readonly variables: readonly tf.Variable[] = Object.freeze([]);
  readonly trainable = false as const;

  constructor(
    readonly graphModel: GraphModel,
    readonly inputShape: readonly number[],
    readonly numOutputs: number,
    readonly logitsNode: string,
    private readonly ownsModel: boolean,
  ) {}

  logits(x: tf.Tensor): tf.Tensor {
    checkModelInput(x, this.inputShape, 'GraphModelAdapter.logits');
    return tf.tidy(() => {
      const z = this.graphModel.execute(x, this.logitsNode);
      if (Array.isArray(z)) throw new ArgumentError(`returned ${z.length} tensors for node '${this.logitsNode}'`, { fn: 'GraphModelAdapter.logits', argument: 'model' });
      return z;
    });
  }

  dispose(): void {
    if (this.ownsModel) this.graphModel.dispose();
  }
}
