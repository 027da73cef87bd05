/**
 * A graph-model `model.json` in tfjs-converter's format (TensorFlow's GraphDef as JSON nodes + a
 * weights manifest) for advkit's `Mlp` with given weights, for the adapter tests. A copy of the MLP part
 * of @advkit/models' test-utils/model-files.ts (test helpers are not shipped, and a package's tests
 * cannot import another package's sources under its rootDir).
 */
import * as tf from '@tensorflow/tfjs-core';

const FLOAT = { type: 'DT_FLOAT' };
const b64 = (s: string): string => btoa(s);
const dims = (shape: readonly number[]) => ({ dim: shape.map((d) => ({ size: String(d) })) });

interface GraphNodeJson {
  name: string;
  op: string;
  input?: string[];
  attr?: Record<string, unknown>;
}

/** A graph under construction: nodes, weight specs and their data. */
class GraphBuilder {
  readonly nodes: GraphNodeJson[] = [];
  readonly specs: tf.io.WeightsManifestEntry[] = [];
  readonly data: ArrayBuffer[] = [];

  placeholder(name: string, shape: readonly number[]): string {
    this.nodes.push({ name, op: 'Placeholder', attr: { dtype: FLOAT, shape: { shape: dims(shape) } } });
    return name;
  }

  constant(name: string, values: Float32Array | Int32Array, shape: readonly number[]): string {
    const int = values instanceof Int32Array;
    const dtype = int ? 'DT_INT32' : 'DT_FLOAT';
    this.nodes.push({ name, op: 'Const', attr: { value: { tensor: { dtype, tensorShape: dims(shape) } }, dtype: { type: dtype } } });
    this.specs.push({ name, shape: [...shape], dtype: int ? 'int32' : 'float32' });
    this.data.push(values.slice().buffer);
    return name;
  }

  op(name: string, op: string, input: string[], attr: Record<string, unknown> = {}): string {
    this.nodes.push({ name, op, input, attr: { T: FLOAT, ...attr } });
    return name;
  }

  dense(prefix: string, x: string, w: Float32Array, b: Float32Array, fanIn: number, fanOut: number): string {
    const wn = this.constant(`${prefix}/kernel`, w, [fanIn, fanOut]);
    const bn = this.constant(`${prefix}/bias`, b, [fanOut]);
    const mm = this.op(`${prefix}/MatMul`, 'MatMul', [x, wn], { transpose_a: { b: false }, transpose_b: { b: false } });
    return this.op(`${prefix}/BiasAdd`, 'BiasAdd', [mm, bn], { data_format: { s: b64('NHWC') } });
  }

  /** The artifacts of the graph (what `tf.loadGraphModel` reads from a model.json and its weights). */
  artifacts(): tf.io.ModelArtifacts {
    return {
      modelTopology: { node: this.nodes, library: {}, versions: { producer: 1482 } },
      format: 'graph-model',
      generatedBy: '2.15.0',
      convertedBy: 'advkit test (converter format)',
      weightSpecs: this.specs,
      weightData: tf.io.CompositeArrayBuffer.join(this.data),
    };
  }
}

/**
 * The graph of advkit's `Mlp(inputShape [d], hiddenSizes, K)` with the given weights (`getWeights`
 * order: W_1, b_1, …). The logits node is `'dense_<L>/BiasAdd'`; `head` (default `'Softmax'`) is a final
 * op named `'probs'` on it (none when null), and `identity` adds an `Identity` output node after that,
 * as TensorFlow's SavedModel exports have.
 */
export function mlpGraph(
  weights: readonly Float32Array[],
  sizes: readonly number[],
  { head = 'Softmax', identity = false }: { head?: 'Softmax' | 'Sigmoid' | 'Relu' | null; identity?: boolean } = {},
): tf.io.ModelArtifacts {
  const g = new GraphBuilder();
  let h = g.placeholder('x', [-1, sizes[0]!]);
  for (let l = 0; l + 1 < sizes.length; l++) {
    h = g.dense(`dense_${l + 1}`, h, weights[2 * l]!, weights[2 * l + 1]!, sizes[l]!, sizes[l + 1]!);
    if (l + 2 < sizes.length) h = g.op(`dense_${l + 1}/Relu`, 'Relu', [h]);
  }
  if (head !== null) h = g.op('probs', head, [h]);
  if (identity) g.op('Identity', 'Identity', [h]);
  return g.artifacts();
}
