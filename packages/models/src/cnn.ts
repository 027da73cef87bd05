import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, Rng, registerGradients, checkNumber, checkOneOf, checkOptions, checkSeed, describeValue, checkKnownKeys, optionKeys } from '@advkit/core';
import type { LogitsOptions, Model } from './model.js';
import { torchLinearInit } from './torch-linear-init.js';
import { checkModelInput } from './internal/check-model-input.js';
import { makeVariable } from './internal/make-variable.js';
import { checkPositiveInts } from './check-positive-ints.js';

/** A convolution `nn.Conv2d(inChannels, filters, kernelSize, stride, padding)` followed by ReLU. */
export interface CnnConvLayer {
  type: 'conv';
  /** Output channels. */
  filters: number;
  /** Square kernel size k (a k×k kernel). */
  kernelSize: number;
  /** Stride in both spatial directions. @default 1 */
  stride?: number;
  /** Zeros added on every side of the input, as PyTorch's `padding=p`. @default 0 */
  padding?: number;
}

/** A dense layer `nn.Linear(inFeatures, units)` followed by ReLU (the input is flattened first). */
export interface CnnDenseLayer {
  type: 'dense';
  /** Output features. */
  units: number;
}

/** One hidden layer of a {@link Cnn}: a convolution or a dense layer, each followed by ReLU. */
export type CnnLayer = CnnConvLayer | CnnDenseLayer;

export interface CnnOptions {
  /** The shape `[height, width, channels]` of one input image (NHWC, tfjs's layout). @default [28, 28, 1] */
  inputShape?: readonly [number, number, number];
  /** Number of logits K (classes). @default 10 */
  numClasses?: number;
  /**
   * The hidden layers, in order: convolutions first, then dense layers; every one is followed by ReLU,
   * the input is flattened before the first dense layer, and a final linear layer to `numClasses` logits
   * (no ReLU) is always added. @default Cnn.tutorialLayers
   */
  layers?: readonly CnnLayer[];
  /** Seed for the PyTorch-style init. @default 0 */
  seed?: number;
}
const CNN_KEYS = optionKeys<CnnOptions>()({ inputShape: true, numClasses: true, layers: true, seed: true });
const CONV_KEYS = optionKeys<CnnConvLayer>()({ type: true, filters: true, kernelSize: true, stride: true, padding: true });
const DENSE_KEYS = optionKeys<CnnDenseLayer>()({ type: true, units: true });

interface ConvParams {
  readonly weight: tf.Variable;
  readonly bias: tf.Variable;
  readonly stride: number;
  readonly pad: [[number, number], [number, number], [number, number], [number, number]];
}

interface DenseParams {
  readonly weight: tf.Variable;
  readonly bias: tf.Variable;
}

/**
 * A convolutional classifier on NHWC images, by default the CNN of Kolter & Madry's tutorial
 * ("Adversarial Robustness — Theory and Practice", chapter 4, adversarial training):
 *
 * ```
 * Conv(1→32, 3×3, pad 1) ReLU, Conv(32→32, 3×3, stride 2, pad 1) ReLU,
 * Conv(32→64, 3×3, pad 1) ReLU, Conv(64→64, 3×3, stride 2, pad 1) ReLU,
 * Flatten, Linear(7·7·64 → 100) ReLU, Linear(100 → 10)
 * ```
 *
 * on `[batch, 28, 28, 1]` inputs (28 → 28 → 14 → 14 → 7). Convolutions are cross-correlations with
 * explicit zero padding `[[0,0],[p,p],[p,p],[0,0]]`, so the output size is PyTorch's
 * `⌊(n + 2p − k)/s⌋ + 1` exactly. Every layer is initialised like PyTorch's default
 * (`kaiming_uniform_(a=√5)`): weights and bias from U(−1/√fanIn, 1/√fanIn) with `fanIn = inChannels·k·k`
 * for a convolution and `inFeatures` for a dense layer (see {@link torchLinearInit}), drawn from one seeded
 * {@link Rng} in layer order, weight before bias.
 *
 * Layouts are tfjs's: conv weights `[k, k, inChannels, filters]`, dense weights `[in, out]`, and the
 * flatten order is (h, w, c), not PyTorch's (c, h, w); PyTorch weights need permuting to be loaded.
 *
 * Each convolution, its bias and its ReLU run as one `FusedConv2D` kernel, with or without gradient
 * recording; that kernel's gradient comes from @advkit/core's `registerGradients`, which the constructor
 * calls. Training the conv filters on the wasm backend needs the `Conv2DBackpropFilter` kernel that
 * `initBackend` (or `registerWasmKernels`) from @advkit/core registers; input gradients (attacks) work
 * without it.
 *
 * Owns its variables (`variables`: conv weight and bias per conv layer, then per dense layer, the output
 * layer last); free them with {@link Cnn.dispose}.
 */
export class Cnn implements Model {
  /** The tutorial's hidden layers (the default of `options.layers`). */
  static readonly tutorialLayers: readonly CnnLayer[] = Object.freeze([
    { type: 'conv', filters: 32, kernelSize: 3, stride: 1, padding: 1 },
    { type: 'conv', filters: 32, kernelSize: 3, stride: 2, padding: 1 },
    { type: 'conv', filters: 64, kernelSize: 3, stride: 1, padding: 1 },
    { type: 'conv', filters: 64, kernelSize: 3, stride: 2, padding: 1 },
    { type: 'dense', units: 100 },
  ] as const);

  readonly inputShape: readonly number[];
  readonly numOutputs: number;
  /** The hidden layers with defaults filled in (the final linear layer is not listed). */
  readonly layers: readonly CnnLayer[];
  private readonly convs: readonly ConvParams[];
  private readonly denses: readonly DenseParams[];

  constructor(options: CnnOptions = {}) {
    const fn = 'Cnn';
    const opts = checkOptions(options, fn);
    checkKnownKeys(opts, CNN_KEYS, fn);
    const inputShape = checkPositiveInts(opts.inputShape ?? [28, 28, 1], fn, 'options.inputShape', 1);
    if (inputShape.length !== 3) {
      throw new ArgumentError(`must be [height, width, channels], got an array of length ${inputShape.length}`, {
        fn,
        argument: 'options.inputShape',
      });
    }
    this.inputShape = inputShape;
    this.numOutputs = checkNumber(opts.numClasses ?? 10, fn, 'options.numClasses', { min: 1, integer: true });
    const seed = checkSeed(opts.seed ?? 0, fn, 'options.seed');
    const specs = opts.layers ?? Cnn.tutorialLayers;
    if (!Array.isArray(specs)) {
      throw new ArgumentError(`must be an array of layers, got ${describeValue(specs)}`, { fn, argument: 'options.layers' });
    }

    // Validate every layer and work out the shapes before allocating any variable.
    let [h, w, c] = inputShape as [number, number, number];
    let features = 0; // > 0 once flattened
    const layers: CnnLayer[] = [];
    const plan: ({ kind: 'conv'; k: number; inC: number; outC: number; stride: number; padding: number } | { kind: 'dense'; inF: number; outF: number })[] = [];
    specs.forEach((spec: unknown, i) => {
      const arg = `options.layers[${i}]`;
      const s = checkOptions(spec as CnnLayer | undefined, fn, arg);
      const type = checkOneOf(s.type, ['conv', 'dense'] as const, fn, `${arg}.type`);
      checkKnownKeys(s, type === 'conv' ? CONV_KEYS : DENSE_KEYS, fn, arg);
      if (type === 'conv') {
        const conv = s as CnnConvLayer;
        if (features > 0) throw new ArgumentError('is a conv layer after a dense layer; put the convolutions first', { fn, argument: arg });
        const filters = checkNumber(conv.filters, fn, `${arg}.filters`, { min: 1, integer: true });
        const k = checkNumber(conv.kernelSize, fn, `${arg}.kernelSize`, { min: 1, integer: true });
        const stride = checkNumber(conv.stride ?? 1, fn, `${arg}.stride`, { min: 1, integer: true });
        const padding = checkNumber(conv.padding ?? 0, fn, `${arg}.padding`, { min: 0, integer: true });
        if (h + 2 * padding < k || w + 2 * padding < k) {
          throw new ArgumentError(`has a ${k}x${k} kernel larger than its padded ${h + 2 * padding}x${w + 2 * padding} input`, { fn, argument: arg });
        }
        // PyTorch's output size; tfjs's explicit padding gives the same (it truncates the same quotient).
        const oh = Math.floor((h + 2 * padding - k) / stride) + 1;
        const ow = Math.floor((w + 2 * padding - k) / stride) + 1;
        plan.push({ kind: 'conv', k, inC: c, outC: filters, stride, padding });
        layers.push({ type: 'conv', filters, kernelSize: k, stride, padding });
        [h, w, c] = [oh, ow, filters];
      } else {
        const units = checkNumber((s as CnnDenseLayer).units, fn, `${arg}.units`, { min: 1, integer: true });
        const inF = features > 0 ? features : h * w * c;
        plan.push({ kind: 'dense', inF, outF: units });
        layers.push({ type: 'dense', units });
        features = units;
      }
    });
    plan.push({ kind: 'dense', inF: features > 0 ? features : h * w * c, outF: this.numOutputs });
    this.layers = Object.freeze(layers);

    const rng = new Rng(seed);
    const convs: ConvParams[] = [];
    const denses: DenseParams[] = [];
    for (const p of plan) {
      if (p.kind === 'conv') {
        const fanIn = p.inC * p.k * p.k;
        const wv = torchLinearInit(rng, fanIn, fanIn * p.outC);
        const bv = torchLinearInit(rng, fanIn, p.outC);
        convs.push({
          weight: makeVariable(tf.tensor4d(wv, [p.k, p.k, p.inC, p.outC])),
          bias: makeVariable(tf.tensor1d(bv)),
          stride: p.stride,
          pad: [[0, 0], [p.padding, p.padding], [p.padding, p.padding], [0, 0]],
        });
      } else {
        const wv = torchLinearInit(rng, p.inF, p.inF * p.outF);
        const bv = torchLinearInit(rng, p.inF, p.outF);
        denses.push({ weight: makeVariable(tf.tensor2d(wv, [p.inF, p.outF])), bias: makeVariable(tf.tensor1d(bv)) });
      }
    }
    this.convs = convs;
    this.denses = denses;
    // logits() runs the FusedConv2D kernel, whose gradient tfjs-core lacks and advkit adds
    registerGradients();
  }

  get variables(): readonly tf.Variable[] {
    return [...this.convs, ...this.denses].flatMap((l) => [l.weight, l.bias]);
  }

  /**
   * The logits for images `x` of shape `[batch, ...inputShape]` (NHWC): shape `[batch, numOutputs]`,
   * owned by the caller. Throws ShapeError when `x` does not match `inputShape`.
   * `options.training` is accepted and ignored: the model has no BatchNorm or Dropout.
   */
  logits(x: tf.Tensor, _options?: LogitsOptions): tf.Tensor2D {
    checkModelInput(x, this.inputShape, 'Cnn.logits');
    return tf.tidy(() => {
      let a = x as tf.Tensor4D;
      for (const l of this.convs) {
        // conv + bias + ReLU as one kernel, also when a gradient is recorded: tf.fused.conv2d would run three
        // separate ops then; the FusedConv2D gradient comes from registerGradients (see the constructor).
        const attrs = { strides: l.stride, pad: l.pad, dataFormat: 'NHWC', dilations: 1, dimRoundingMode: undefined, activation: 'relu', leakyreluAlpha: undefined };
        a = tf.engine().runKernel('FusedConv2D', { x: a, filter: l.weight, bias: l.bias }, attrs as unknown as tf.NamedAttrMap) as tf.Tensor4D;
      }
      let f = tf.reshape(a, [a.shape[0], -1]) as tf.Tensor2D;
      this.denses.forEach((l, i) => {
        const last = i + 1 === this.denses.length;
        f = tf.fused.matMul({ a: f, b: l.weight as tf.Tensor2D, bias: l.bias, activation: last ? 'linear' : 'relu' }) as tf.Tensor2D;
      });
      return f;
    });
  }

  dispose(): void {
    for (const l of [...this.convs, ...this.denses]) {
      l.weight.dispose();
      l.bias.dispose();
    }
  }
}
