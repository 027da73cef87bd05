import type { GraphModel } from '@tensorflow/tfjs-converter';
import { ArgumentError } from '@advkit/core';

/** One node of a graph-model `model.json` (TensorFlow's GraphDef in JSON): the fields read here. */
interface GraphNode {
  name: string;
  op: string;
  input?: string[];
  attr?: Record<string, { list?: { s?: string[] } } | undefined>;
}

/** Ops whose output is logits when they end a classifier: affine maps, and log-probabilities (softmax(log p) = p). */
const LOGIT_OPS = new Set(['MatMul', 'BatchMatMul', 'BatchMatMulV2', 'BiasAdd', 'Add', 'AddV2', 'LogSoftmax']);

/**
 * The graph's nodes, read from the model's artifacts: the `modelTopology.node` list of the model.json
 * it was loaded from. tfjs-converter 4.22 has no public accessor for the graph; the artifacts are kept
 * on the instance (`artifacts`), so they are read structurally and checked, and an unreadable graph is
 * an error asking for `options.logitsNode`.
 */
function graphNodes(model: GraphModel): GraphNode[] | undefined {
  const artifacts: unknown = Reflect.get(model, 'artifacts');
  const topology: unknown = typeof artifacts === 'object' && artifacts !== null ? Reflect.get(artifacts, 'modelTopology') : undefined;
  const nodes: unknown = typeof topology === 'object' && topology !== null ? Reflect.get(topology, 'node') : undefined;
  if (!Array.isArray(nodes)) return undefined;
  return nodes.filter((n): n is GraphNode => typeof n === 'object' && n !== null && typeof n.name === 'string' && typeof n.op === 'string');
}

/** The first data input of a node (control inputs start with '^'), without a `:0` suffix. */
function firstInput(node: GraphNode): string | undefined {
  const data = (node.input ?? []).filter((i) => !i.startsWith('^'));
  return data.length > 0 ? data[0]!.replace(/:0$/, '') : undefined;
}

/** Names the fused ops of a `_FusedMatMul` node (base64 strings in the JSON). */
function fusedOps(node: GraphNode): string[] {
  const s = node.attr?.['fused_ops']?.list?.s ?? [];
  return s.map((b) => {
    try {
      return atob(b);
    } catch {
      return b;
    }
  });
}

/** The fix every error of {@link graphLogitsNode} suggests. */
export const NAME_THE_LOGITS = "name the logits with { logitsNode: '<node name>' } (the node before the softmax), or pass { output: 'logits' } if the output already is logits";

/**
 * The node whose output is the logits of a one-output classifier graph: the input of a trailing
 * `Softmax` or `Sigmoid` (the caller checks that a sigmoid has one output), looking through `Identity`
 * nodes; the output itself when it ends in an affine op or `LogSoftmax`. Throws an ArgumentError saying
 * how to name the logits otherwise.
 */
export function graphLogitsNode(model: GraphModel, fn: string): { node: string; bypassed: 'Softmax' | 'Sigmoid' | null } {
  const fix = NAME_THE_LOGITS;
  const nodes = graphNodes(model);
  if (nodes === undefined) throw new ArgumentError(`does not expose its graph, so advkit cannot find its logits; ${fix}`, { fn, argument: 'model' });
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const outName = model.outputNodes[0]!.replace(/:0$/, '');
  let node = byName.get(outName);
  while (node !== undefined && node.op === 'Identity') {
    const input = firstInput(node);
    node = input === undefined ? undefined : byName.get(input);
  }
  if (node === undefined) throw new ArgumentError(`has an output '${outName}' advkit cannot trace in its graph; ${fix}`, { fn, argument: 'model' });
  if (node.op === 'Softmax' || node.op === 'Sigmoid') {
    const input = firstInput(node);
    if (input === undefined) throw new ArgumentError(`has a final ${node.op} '${node.name}' without one input; ${fix}`, { fn, argument: 'model' });
    return { node: input, bypassed: node.op };
  }
  if (LOGIT_OPS.has(node.op) || (node.op === '_FusedMatMul' && fusedOps(node).every((o) => o === 'BiasAdd'))) {
    return { node: node.name === outName ? model.outputNodes[0]! : node.name, bypassed: null };
  }
  throw new ArgumentError(`ends in the op ${node.op} ('${node.name}'), which advkit cannot read as logits or bypass; ${fix}`, { fn, argument: 'model' });
}
