/**
 * Real tfjs model files for the adapter tests: a directory IOHandler that writes and reads tfjs's own
 * `model.json` + `weights.bin` format, and a writer of graph-model `model.json` files in
 * tfjs-converter's format (TensorFlow's GraphDef as JSON nodes + a weights manifest) for small networks
 * whose weights come from advkit's `Mlp` / `Cnn` (same layouts: dense `[in, out]`, conv `[k, k, in, out]`
 * (TensorFlow's HWIO), flatten order h, w, c).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';

/** An IOHandler saving to / loading from `dir/model.json` and `dir/weights.bin`, as tfjs's file handlers lay them out. */
export function dirHandler(dir: string): tf.io.IOHandler {
  return {
    async save(artifacts: tf.io.ModelArtifacts): Promise<tf.io.SaveResult> {
      mkdirSync(dir, { recursive: true });
      const weightData = artifacts.weightData === undefined ? new ArrayBuffer(0) : tf.io.CompositeArrayBuffer.join(artifacts.weightData);
      const json: tf.io.ModelJSON = {
        modelTopology: artifacts.modelTopology!,
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy,
        weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs ?? [] }],
      };
      writeFileSync(join(dir, 'model.json'), JSON.stringify(json));
      writeFileSync(join(dir, 'weights.bin'), new Uint8Array(weightData));
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    },
    async load(): Promise<tf.io.ModelArtifacts> {
      const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as tf.io.ModelJSON;
      return tf.io.getModelArtifactsForJSON(json, async (manifest) => {
        const specs = manifest.flatMap((g) => g.weights);
        const buffers = manifest.flatMap((g) => g.paths.map((p) => {
          const b = readFileSync(join(dir, p));
          return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
        }));
        return [specs, tf.io.CompositeArrayBuffer.join(buffers)];
      });
    },
  };
}

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

/**
 * The graph of advkit's `Cnn({ inputShape: [h, w, c], layers: [{ type: 'conv', filters, kernelSize: k,
 * stride: 1, padding: 0 }], numClasses: K })` with the given weights (`getWeights` order: conv kernel
 * `[k,k,c,filters]`, conv bias, dense kernel, dense bias): Conv2D (VALID) → BiasAdd → Relu → Reshape to
 * `[-1, features]` → MatMul → BiasAdd (`'logits'`) → Softmax (`'probs'`).
 */
export function cnnGraph(weights: readonly Float32Array[], inputShape: readonly [number, number, number], filters: number, k: number, numClasses: number): tf.io.ModelArtifacts {
  const [h, w, c] = inputShape;
  const g = new GraphBuilder();
  const x = g.placeholder('x', [-1, h, w, c]);
  const kernel = g.constant('conv/kernel', weights[0]!, [k, k, c, filters]);
  const bias = g.constant('conv/bias', weights[1]!, [filters]);
  const four = { list: { i: ['1', '1', '1', '1'] } };
  const conv = g.op('conv/Conv2D', 'Conv2D', [x, kernel], {
    strides: four,
    dilations: four,
    padding: { s: b64('VALID') },
    data_format: { s: b64('NHWC') },
    use_cudnn_on_gpu: { b: true },
    explicit_paddings: { list: {} },
  });
  const relu = g.op('conv/Relu', 'Relu', [g.op('conv/BiasAdd', 'BiasAdd', [conv, bias], { data_format: { s: b64('NHWC') } })]);
  const features = (h - k + 1) * (w - k + 1) * filters;
  const shape = g.constant('flatten/shape', Int32Array.from([-1, features]), [2]);
  const flat = g.op('flatten/Reshape', 'Reshape', [relu, shape], { Tshape: { type: 'DT_INT32' } });
  const wn = g.constant('logits/kernel', weights[2]!, [features, numClasses]);
  const bn = g.constant('logits/bias', weights[3]!, [numClasses]);
  const mm = g.op('logits/MatMul', 'MatMul', [flat, wn], { transpose_a: { b: false }, transpose_b: { b: false } });
  const logits = g.op('logits', 'BiasAdd', [mm, bn], { data_format: { s: b64('NHWC') } });
  g.op('probs', 'Softmax', [logits]);
  return g.artifacts();
}

/** Writes graph-model artifacts as `dir/model.json` + `dir/weights.bin` (the converter's layout). */
export function writeGraphModel(dir: string, artifacts: tf.io.ModelArtifacts): void {
  mkdirSync(dir, { recursive: true });
  const weightData = tf.io.CompositeArrayBuffer.join(artifacts.weightData!);
  const json: tf.io.ModelJSON = {
    modelTopology: artifacts.modelTopology!,
    format: 'graph-model',
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy,
    weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs ?? [] }],
  };
  writeFileSync(join(dir, 'model.json'), JSON.stringify(json));
  writeFileSync(join(dir, 'weights.bin'), new Uint8Array(weightData));
}
