import type { LayersModel, SymbolicTensor } from '@tensorflow/tfjs-layers';
import { ArgumentError } from '@advkit/core';

type Layer = SymbolicTensor['sourceLayer'];

/**
 * Where a LayersModel's logits are, found by {@link layersLogitsHead}:
 * - `output`: the model's output is the logits (its last layer is linear);
 * - `tensor`: the logits are `tensor`, the input of a final softmax/sigmoid layer;
 * - `dense`: the logits are `tensor·kernel + bias`, the pre-activation of a final Dense layer whose
 *   activation is softmax/sigmoid (`tensor` is that layer's input).
 */
export type LayersLogitsHead =
  | { kind: 'output'; bypassed: 'none' }
  | { kind: 'tensor'; bypassed: 'softmax' | 'sigmoid'; tensor: SymbolicTensor }
  | { kind: 'dense'; bypassed: 'softmax' | 'sigmoid'; tensor: SymbolicTensor; layer: Layer };

/** Layers whose output is an affine function of their input (or a mix of such outputs): logits stay logits. */
const LINEAR_LAYERS = new Set(['Dense', 'Add', 'Subtract', 'Average', 'Concatenate', 'BatchNormalization', 'LayerNormalization', 'GlobalAveragePooling1D', 'GlobalAveragePooling2D']);
/** Layers that pass values through unchanged (in inference mode): a softmax before one of them is still a softmax. */
const PASS_THROUGH_LAYERS = new Set(['Dropout', 'SpatialDropout1D', 'GaussianDropout', 'GaussianNoise', 'AlphaDropout', 'Flatten', 'Reshape', 'ActivityRegularization']);

const FIX =
  "re-build the model with a last layer that outputs logits (e.g. tf.layers.dense({ units, activation: 'linear' })) and copy the weights over, " +
  "or pass { output: 'logits' } if its output already is logits";

/** The activation name a layer's config declares (`'linear'` when it has none). */
function activationOf(layer: Layer): string {
  const a = layer.getConfig()['activation'];
  return typeof a === 'string' ? a : 'linear';
}

/**
 * Finds the logits of a one-output LayersModel with output shape `[batch, numOutputs]`: the
 * pre-activation of a final softmax (any K) or sigmoid (K = 1) head, or the output itself when the last
 * layer is linear. Throws an ArgumentError saying how to fix the model when it cannot tell (an unknown
 * or custom last layer, a softmax it cannot bypass, a sigmoid over K > 1 outputs).
 */
export function layersLogitsHead(model: LayersModel, numOutputs: number, fn: string): LayersLogitsHead {
  const out = model.outputs[0]!;
  const layer = out.sourceLayer;
  const cls = layer.getClassName();
  const activation = cls === 'Softmax' ? 'softmax' : activationOf(layer);
  const where = `its last layer '${layer.name}' (${cls}${activation !== 'linear' ? `, activation '${activation}'` : ''})`;

  if (activation === 'softmax' || activation === 'sigmoid') {
    if (activation === 'sigmoid' && numOutputs !== 1) {
      throw new ArgumentError(
        `has ${where} over ${numOutputs} outputs: a multi-label model, not a K-class classifier (advkit's K-class models are softmax classifiers). ${FIX}`,
        { fn, argument: 'model' },
      );
    }
    if (cls === 'Softmax') {
      const axis = layer.getConfig()['axis'];
      if (axis !== undefined && axis !== -1 && axis !== 1) {
        throw new ArgumentError(`has ${where} over axis ${String(axis)}, not over the classes. ${FIX}`, { fn, argument: 'model' });
      }
    }
    if (out.inputs.length !== 1) throw new ArgumentError(`has ${where} with ${out.inputs.length} inputs. ${FIX}`, { fn, argument: 'model' });
    if (cls === 'Softmax' || cls === 'Activation') return { kind: 'tensor', bypassed: activation, tensor: out.inputs[0]! };
    if (cls === 'Dense') return { kind: 'dense', bypassed: activation, tensor: out.inputs[0]!, layer };
    throw new ArgumentError(`has ${where}, whose pre-activation advkit cannot compute. ${FIX}`, { fn, argument: 'model' });
  }
  if (activation !== 'linear') throw new ArgumentError(`has ${where}: its output is not logits. ${FIX}`, { fn, argument: 'model' });
  if (cls === 'Activation' || LINEAR_LAYERS.has(cls)) return { kind: 'output', bypassed: 'none' };
  if (PASS_THROUGH_LAYERS.has(cls)) {
    // Walk back through pass-through layers: a softmax before them cannot be bypassed by reading one tensor.
    let t: SymbolicTensor | undefined = out.inputs.length === 1 ? out.inputs[0] : undefined;
    while (t !== undefined && PASS_THROUGH_LAYERS.has(t.sourceLayer.getClassName())) t = t.inputs.length === 1 ? t.inputs[0] : undefined;
    const src = t?.sourceLayer;
    const act = src === undefined ? undefined : src.getClassName() === 'Softmax' ? 'softmax' : activationOf(src);
    if (src !== undefined && act === 'linear' && (src.getClassName() === 'Activation' || LINEAR_LAYERS.has(src.getClassName()))) return { kind: 'output', bypassed: 'none' };
    const seen = src === undefined ? 'a layer it cannot read' : `'${src.name}' (${src.getClassName()}${act !== 'linear' ? `, activation '${act}'` : ''})`;
    throw new ArgumentError(`has ${where} after ${seen}: advkit cannot tell whether the output is logits. ${FIX}`, { fn, argument: 'model' });
  }
  throw new ArgumentError(
    `has ${where}, a layer advkit does not know (a custom layer?), so it cannot tell whether the output is logits or probabilities. ${FIX}`,
    { fn, argument: 'model' },
  );
}
