import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel, SymbolicTensor } from '@tensorflow/tfjs-layers';
import { ArgumentError, checkOneOf, checkOptions, describeValue, checkKnownKeys, optionKeys } from '@advkit/core';
import type { LogitsOptions, Model } from './model.js';
import { checkModelInput } from './internal/check-model-input.js';
import { layersLogitsHead, type LayersLogitsHead } from './layers-logits-head.js';

export interface FromLayersModelOptions {
  /**
   * What the model outputs. `'auto'`: find out from its last layer: a softmax head (a Dense layer with
   * `activation: 'softmax'`, an `Activation('softmax')` or a `Softmax` layer) or a sigmoid head on one
   * output is bypassed and its pre-activation used as the logits; a linear last layer is used as is;
   * anything else is an ArgumentError saying how to fix the model. `'logits'`: the output already is
   * logits and is used as is (you vouch for it). @default 'auto'
   */
  output?: 'auto' | 'logits';
  /** Dispose the LayersModel (its weights) when the adapter is disposed. @default false */
  ownsModel?: boolean;
}
const FROM_LAYERS_MODEL_KEYS = optionKeys<FromLayersModelOptions>()({ output: true, ownsModel: true });
const LOGITS_KEYS = optionKeys<LogitsOptions>()({ training: true });

/** A {@link Model} backed by a tfjs-layers `LayersModel` (see {@link fromLayersModel}). */
export interface LayersModelAdapter extends Model {
  /** The adapted model (not a copy: training the adapter trains it). */
  readonly layersModel: LayersModel;
  /** The head the adapter bypassed to read logits: `'softmax'`, `'sigmoid'`, or `'none'` (output used as is). */
  readonly bypassed: 'softmax' | 'sigmoid' | 'none';
}

/**
 * Adapts a tfjs-layers `LayersModel` (from `tf.sequential`, `tf.model` or `tf.loadLayersModel`) with
 * one input of shape `[batch, ...inputShape]` (flat vectors or NHWC images) and one output of shape
 * `[batch, K]` to advkit's {@link Model}, so attacks, evaluation and trainers can use it.
 *
 * - Logits, never probabilities: a final softmax (or a sigmoid on K = 1 output) is bypassed. For an
 *   `Activation`/`Softmax` last layer the logits are its input; for a Dense layer with
 *   `activation: 'softmax'` they are its pre-activation `h·kernel + bias`, computed from the layer's own
 *   weights. So `softmax(adapter.logits(x))` equals `model.predict(x)` (up to float rounding). Attacks on
 *   probabilities would be weaker (softmax saturates, its gradients vanish), so a last layer advkit
 *   cannot read is an ArgumentError naming the fix, never a silent fallback (see
 *   {@link FromLayersModelOptions.output}).
 * - `inputShape` is `model.inputs[0].shape` without the batch dimension; `numOutputs` is K.
 * - `logits(x)` runs `model.apply(x, { training: false })` (inference: BatchNorm uses its moving
 *   statistics, Dropout is off); `logits(x, { training: true })` runs training mode, in which BatchNorm
 *   normalises with the batch's statistics and updates its moving averages, and Dropout is active.
 * - `variables` are the model's trainable weights (`model.trainableWeights`, each LayerVariable's
 *   `tf.Variable`), so a trainer's `tf.variableGrads` updates the LayersModel's own weights.
 *   Non-trainable weights (BatchNorm moving statistics) are not among them.
 * - Ownership: the adapter shares the LayersModel; `dispose()` leaves it alone unless
 *   `options.ownsModel` is true.
 *
 * Only types are imported from `@tensorflow/tfjs-layers` (an optional peer dependency): the model's
 * own methods do the work, so `@advkit/models` loads without tfjs-layers installed.
 */
export function fromLayersModel(model: LayersModel, options?: FromLayersModelOptions): LayersModelAdapter {
  const fn = 'fromLayersModel';
  const opts = checkOptions(options, fn);
  checkKnownKeys(opts, FROM_LAYERS_MODEL_KEYS, fn);
  const output = checkOneOf(opts.output ?? 'auto', ['auto', 'logits'] as const, fn, 'options.output');
  const ownsModel = opts.ownsModel ?? false;
  if (typeof ownsModel !== 'boolean') throw new ArgumentError(`must be a boolean, got ${describeValue(ownsModel)}`, { fn, argument: 'options.ownsModel' });
  const m = checkLayersModel(model, fn);
  const inputShape = shapeWithoutBatch(m.inputs[0]!.shape, fn, 'its input');
  const outShape = shapeWithoutBatch(m.outputs[0]!.shape, fn, 'its output');
  if (outShape.length !== 1) {
    throw new ArgumentError(`must output [batch, K] (one row of K scores per example), got an output of shape [batch,${outShape.join(',')}]`, { fn, argument: 'model' });
  }
  const numOutputs = outShape[0]!;
  const head: LayersLogitsHead = output === 'logits' ? { kind: 'output', bypassed: 'none' } : layersLogitsHead(m, numOutputs, fn);
  return new LayersAdapter(m, inputShape, numOutputs, head, ownsModel);
}

class LayersAdapter implements LayersModelAdapter {
  readonly bypassed: 'softmax' | 'sigmoid' | 'none';
  /** The model that outputs the logits (or, for a dense head, the head's input); shares `layersModel`'s layers. */
  private readonly body: LayersModel;
  private readonly denseWeights: readonly { read(): tf.Tensor }[] = [];

  constructor(
    readonly layersModel: LayersModel,
    readonly inputShape: readonly number[],
    readonly numOutputs: number,
    private readonly head: LayersLogitsHead,
    private readonly ownsModel: boolean,
  ) {
    this.bypassed = head.bypassed;
    this.body = head.kind === 'output' ? layersModel : subModel(layersModel, head.tensor);
    if (head.kind === 'dense') {
      this.denseWeights = head.layer.weights;
      const useBias = head.layer.getConfig()['useBias'] !== false;
      if (this.denseWeights.length !== (useBias ? 2 : 1)) {
        throw new ArgumentError(`has a last Dense layer with ${this.denseWeights.length} weights (expected kernel${useBias ? ' and bias' : ''})`, { fn: 'fromLayersModel', argument: 'model' });
      }
    }
  }

  get variables(): readonly tf.Variable[] {
    return this.layersModel.trainableWeights.map((w) => {
      const v = w.read(); // tfjs-layers' LayerVariable holds a tf.Variable (typed as Tensor)
      if (!(v instanceof tf.Variable)) throw new ArgumentError(`has a weight '${w.name}' that is not a tf.Variable`, { fn: 'LayersModelAdapter.variables', argument: 'model' });
      return v;
    });
  }

  logits(x: tf.Tensor, options?: LogitsOptions): tf.Tensor {
    const fn = 'LayersModelAdapter.logits';
    checkModelInput(x, this.inputShape, fn);
    const lo = checkOptions(options, fn);
    checkKnownKeys(lo, LOGITS_KEYS, fn);
    const training = lo.training ?? false;
    if (typeof training !== 'boolean') throw new ArgumentError(`must be a boolean, got ${describeValue(training)}`, { fn, argument: 'options.training' });
    return tf.tidy(() => {
      const h = this.body.apply(x, { training });
      if (!(h instanceof tf.Tensor)) throw new ArgumentError('produced no single tensor; is it a one-output model?', { fn, argument: 'model' });
      if (this.head.kind !== 'dense') return h;
      // The Dense layer's pre-activation, as tfjs-layers computes it before the activation: h·kernel + bias.
      const [kernel, bias] = this.denseWeights.map((w) => w.read());
      const z = tf.matMul(h as tf.Tensor2D, kernel as tf.Tensor2D);
      return bias === undefined ? z : tf.add(z, bias);
    });
  }

  dispose(): void {
    if (this.ownsModel) this.layersModel.dispose();
  }
}

/** Checks that `value` looks like a one-input, one-output tfjs-layers LayersModel. */
function checkLayersModel(value: unknown, fn: string): LayersModel {
  const v = value as Partial<LayersModel> | null | undefined;
  const ok = typeof value === 'object' && value !== null && typeof v?.apply === 'function' && Array.isArray(v.inputs) && Array.isArray(v.outputs) && Array.isArray(v.layers);
  if (!ok) throw new ArgumentError(`must be a tfjs-layers LayersModel (from tf.sequential, tf.model or tf.loadLayersModel), got ${describeValue(value)}`, { fn, argument: 'model' });
  const m = value as LayersModel;
  if (m.inputs.length !== 1) throw new ArgumentError(`must have one input, got ${m.inputs.length}`, { fn, argument: 'model' });
  if (m.outputs.length !== 1) throw new ArgumentError(`must have one output, got ${m.outputs.length}`, { fn, argument: 'model' });
  return m;
}

/** `shape` without its leading batch dimension; every other dimension must be known. */
function shapeWithoutBatch(shape: readonly (number | null)[], fn: string, what: string): number[] {
  const rest = shape.slice(1);
  if (shape.length < 2 || !rest.every((d): d is number => typeof d === 'number' && Number.isInteger(d) && d > 0)) {
    throw new ArgumentError(`must have a fixed shape [batch, ...] for ${what}, got [${shape.map((d) => (d === null ? 'null' : d)).join(',')}]`, { fn, argument: 'model' });
  }
  return rest;
}

/**
 * A LayersModel from `model`'s input to the inner tensor `output`, sharing `model`'s layers (and so its
 * weights). Built with the LayersModel class of the user's own copy of tfjs-layers (found on `model`'s
 * prototype chain, `className === 'Model'`), so advkit needs no runtime import of tfjs-layers.
 */
function subModel(model: LayersModel, output: SymbolicTensor): LayersModel {
  let ctor: unknown = model.constructor;
  while (typeof ctor === 'function' && (ctor as { className?: unknown }).className !== 'Model') ctor = Object.getPrototypeOf(ctor);
  if (typeof ctor !== 'function') {
    throw new ArgumentError("is not an instance of tfjs-layers' LayersModel class (no class named 'Model' on its prototype chain)", { fn: 'fromLayersModel', argument: 'model' });
  }
  const LayersModelClass = ctor as new (args: { inputs: SymbolicTensor[]; outputs: SymbolicTensor[]; name?: string }) => LayersModel;
  return new LayersModelClass({ inputs: model.inputs, outputs: [output], name: `${model.name}_logits` });
}
