import { ArgumentError, describeValue } from '@advkit/core';
import { Cnn, LinearModel, Mlp, type CnnLayer, type Model } from '@advkit/models';

/**
 * A model as plain data (what a worker thread can receive): the constructor options that rebuild its
 * architecture. Weights travel separately (they are overwritten right after), so no seed is kept.
 */
export type ModelSpec =
  | { kind: 'linear'; inputSize: number }
  | { kind: 'mlp'; inputShape: number[]; hiddenSizes: number[]; numClasses: number }
  | { kind: 'cnn'; inputShape: [number, number, number]; numClasses: number; layers: CnnLayer[] };

/**
 * The {@link ModelSpec} of a `LinearModel`, `Mlp` or `Cnn` of @advkit/models, read from their public
 * readonly fields (`inputShape`, `numOutputs`, `hiddenSizes`, `layers`). Exact classes only: a subclass
 * may override `logits`, which a rebuilt base-class model would silently drop.
 *
 * @throws ArgumentError naming `model` for any other model.
 */
export function modelSpec(model: Model, fn: string): ModelSpec {
  const proto: unknown = typeof model === 'object' && model !== null ? Object.getPrototypeOf(model) : undefined;
  if (proto === LinearModel.prototype) return { kind: 'linear', inputSize: model.inputShape[0]! };
  if (proto === Mlp.prototype) {
    const m = model as Mlp;
    return { kind: 'mlp', inputShape: [...m.inputShape], hiddenSizes: [...m.hiddenSizes], numClasses: m.numOutputs };
  }
  if (proto === Cnn.prototype) {
    const m = model as Cnn;
    const [h, w, c] = m.inputShape;
    return { kind: 'cnn', inputShape: [h!, w!, c!], numClasses: m.numOutputs, layers: m.layers.map((l) => ({ ...l })) };
  }
  throw new ArgumentError(
    `must be a LinearModel, Mlp or Cnn from @advkit/models (a worker rebuilds it from its options; other models and subclasses cannot cross a thread boundary), got ${describeValue(model)}`,
    { fn, argument: 'model' },
  );
}

/** A fresh model of the architecture `spec` describes (its initial weights are meant to be overwritten). Caller disposes it. */
export function buildModel(spec: ModelSpec): Model {
  switch (spec.kind) {
    case 'linear':
      return new LinearModel({ inputSize: spec.inputSize, zeroInit: true });
    case 'mlp':
      return new Mlp({ inputShape: spec.inputShape, hiddenSizes: spec.hiddenSizes, numClasses: spec.numClasses });
    case 'cnn':
      return new Cnn({ inputShape: spec.inputShape, numClasses: spec.numClasses, layers: spec.layers });
  }
}
