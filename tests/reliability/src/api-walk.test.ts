import * as tf from '@tensorflow/tfjs-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as core from '@advkit/core';
import * as coreNode from '@advkit/core/node';
import * as models from '@advkit/models';
import * as threatModels from '@advkit/threat-models';
import * as datasets from '@advkit/datasets';
import * as modelsInternal from '@advkit/models/internal';
import * as attacks from '@advkit/attacks';
import * as attacksEvaluate from '@advkit/attacks/evaluate';
import * as attacksNode from '@advkit/attacks/node';
import * as attacksBrowser from '@advkit/attacks/browser';
import * as trainers from '@advkit/trainers';
import * as trainersNode from '@advkit/trainers/node';
import * as trainersCheckpoint from '@advkit/trainers/checkpoint';
import * as tfl from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-converter';
import { nodeShardWorker } from '../../../packages/attacks/src/test-utils/node-shard-worker.js';

// The API walk: every public function and class of every package, called with bad arguments (wrong
// types, NaN/Infinity, negative or zero sizes, mismatched shapes, disposed tensors and models). Each
// must fail with a typed advkit error (AdvkitError.isInstance), never a raw TypeError or a tfjs stack,
// and never hang (a sync hang trips the test timeout; async calls race a timer).

const { AdvkitError } = core;
const packages = { core, coreNode, models, modelsInternal, threatModels, datasets, attacks, attacksEvaluate, attacksNode, attacksBrowser, trainers, trainersNode, trainersCheckpoint };

/** Exports that are not walked, with the reason. */
const EXEMPT: Record<string, string> = {
  describeValue: 'formats any value for messages; total by design',
  isTensor: 'a predicate; total by design',
  isAttack: 'a predicate; total by design',
  isBuiltInModel: 'a predicate; total by design',
  optionKeys: 'a compile-time helper for advkit\'s own option lists (its argument is a literal in the source, never user input)',
  yieldToEventLoop: 'takes no arguments',
  registerGradients: 'takes no arguments',
  registerWasmKernels: 'takes no arguments',
  backendReadsAreCheap: 'a predicate; total by design',
  getValueChecks: 'takes no arguments',
  valueChecksEnabled: 'takes no arguments',
  initBackend: 'walked separately (switching the backend would disturb the other cases)',
  loadMnist: 'walked separately (async file and network access)',
  IndexedDbCheckpointStore: 'needs a browser; its option checks are walked below',
};
const isErrorClass = (v: unknown): boolean => typeof v === 'function' && (v === AdvkitError || (v as { prototype: unknown }).prototype instanceof AdvkitError);

let m: models.LinearModel;
let layersModel: tfl.LayersModel;
let graphModel: tfc.GraphModel;
let mk: models.Mlp;
let yk: tf.Tensor1D;
let disposedModel: models.LinearModel;
let tmp: string;
let x: tf.Tensor2D;
let y: tf.Tensor1D;
let yCol: tf.Tensor2D;
let dead: tf.Tensor;
let ball: threatModels.LpBall;
let boxBall: threatModels.LpBall;
let idxImages: datasets.IdxArray;
let idxLabels: datasets.IdxArray;
let state: trainersCheckpoint.TrainingState;
let aaState: attacks.AutoAttackState;
const data = { x: new Float32Array(12).fill(0.5), y: new Float32Array([1, -1, 1]), n: 3 };

beforeAll(async () => {
  await core.initBackend({ backend: 'wasm' });
  tmp = await mkdtemp(join(tmpdir(), 'advkit-walk-'));
  m = new models.LinearModel({ inputSize: 4, seed: 1 });
  mk = new models.Mlp({ inputShape: [4], hiddenSizes: [3], numClasses: 4, seed: 1 });
  yk = tf.tensor1d([0, 1, 3], 'int32');
  disposedModel = new models.LinearModel({ inputSize: 4 });
  disposedModel.dispose();
  x = tf.tensor2d([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.1, 0.2, 0.3], [3, 4]);
  y = tf.tensor1d([1, -1, 1]);
  yCol = tf.tensor2d([1, -1, 1], [3, 1]);
  dead = tf.tensor2d([1, 2, 3, 4], [1, 4]);
  dead.dispose();
  ball = new threatModels.LpBall({ norm: 'linf', epsilon: 0.1 });
  boxBall = new threatModels.LpBall({ norm: 'linf', epsilon: 0.1, box: { min: 0, max: 1 } });
  const img = new Uint8Array(16 + 2 * 28 * 28);
  img.set([0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 28, 0, 0, 0, 28]);
  idxImages = datasets.parseIdx(img);
  idxLabels = datasets.parseIdx(new Uint8Array([0, 0, 8, 1, 0, 0, 0, 2, 0, 1]));
  state = await validState();
  const aa = await attacks.autoAttack(mk, x, yk, { threatModel: boxBall, version: ['apgd-ce'], checkpoint: (st) => void (aaState = st) });
  aa.xAdv.dispose();
  layersModel = tfl.sequential({ layers: [tfl.layers.dense({ inputShape: [4], units: 3, activation: 'softmax' })] });
  graphModel = await tfc.loadGraphModel(tf.io.fromMemory(tinyGraph()));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
  tf.dispose([x, y, yCol, yk]);
  m.dispose();
  layersModel.dispose();
  graphModel.dispose();
  mk.dispose();
});

/** A graph-model model.json (tfjs-converter's format) for softmax(x·W), x of 4 features, 3 classes. */
function tinyGraph(): tf.io.ModelArtifacts {
  const dims = (shape: number[]) => ({ dim: shape.map((d) => ({ size: String(d) })) });
  const FLOAT = { type: 'DT_FLOAT' };
  return {
    modelTopology: {
      node: [
        { name: 'x', op: 'Placeholder', attr: { dtype: FLOAT, shape: { shape: dims([-1, 4]) } } },
        { name: 'w', op: 'Const', attr: { value: { tensor: { dtype: 'DT_FLOAT', tensorShape: dims([4, 3]) } }, dtype: FLOAT } },
        { name: 'logits', op: 'MatMul', input: ['x', 'w'], attr: { T: FLOAT, transpose_a: { b: false }, transpose_b: { b: false } } },
        { name: 'probs', op: 'Softmax', input: ['logits'], attr: { T: FLOAT } },
      ],
      library: {},
      versions: { producer: 1482 },
    },
    format: 'graph-model',
    weightSpecs: [{ name: 'w', shape: [4, 3], dtype: 'float32' }],
    weightData: new Float32Array(12).map((_, i) => (i % 5) / 5 - 0.4).buffer,
  };
}

type Args = () => unknown[];
interface Case {
  /** A call that must succeed (proves the bad calls fail because of the bad argument). */
  valid: Args;
  /** Calls that must fail with a typed advkit error. */
  bad: [string, Args][];
  /** A class: call with `new`. */
  ctor?: boolean;
  /**
   * Argument positions the junk sweep fills. @default all. The check* helpers' `fn`/`arg` name strings
   * and rules are the calling code's constants, not user input, so they are left out.
   */
  sweep?: number[];
  /**
   * The options object of the call: [position in `valid()`'s arguments, an option it knows, its name in
   * errors (@default 'options')]. The typo walk adds that option's name misspelled (last letter doubled,
   * one edit away) and expects `fn: options.<typo> is not an option of fn; did you mean <option>?`.
   * Every exported function whose declaration takes an options object must have it (checked below).
   */
  opts?: [number, string, string?];
}

const attack = (): unknown => attacks.exactLinearAttack({ threatModel: ball });
const opt = (o: object): unknown => o;

/**
 * Hostile collaborators (issue: failing calls must free their tensors and throw typed errors): models
 * whose logits have the wrong shape, don't depend on x, aren't tensors, or throw; an attack whose run
 * returns a non-tensor; learning-rate schedules returning NaN, −1 or a string, or throwing; an optimizer
 * that is not a tfjs Optimizer. Each is walked through the functions that call it, and `outcome`
 * checks that tf.memory().numTensors is unchanged after the failing call.
 */
const hostileModel = (logits: (x: tf.Tensor) => unknown): unknown => ({ inputShape: [4], numOutputs: 1, variables: m.variables, logits, dispose: () => {} });
const HOSTILE_MODELS: [string, () => unknown][] = [
  ['model: logits of the wrong shape', () => hostileModel((xi) => tf.zeros([xi.shape[0]!, 3]))],
  ['model: logits independent of x', () => hostileModel((xi) => tf.zeros([xi.shape[0]!, 1]))],
  ['model: logits not a tensor', () => hostileModel(() => [[0], [0], [0]])],
  ['model: logits throws', () => hostileModel(() => { throw new Error('boom'); })],
];
const hostileAttack = (): unknown => ({ name: 'hostile', run: () => 'not a tensor' });
const HOSTILE_SCHEDULES: [string, () => unknown][] = [
  ['schedule returns NaN', () => () => Number.NaN],
  ['schedule returns -1', () => () => -1],
  ['schedule returns a string', () => () => '0.1'],
  ['schedule throws', () => () => { throw new Error('boom'); }],
];

const CASES: Record<string, Case> = {
  // core
  checkNumber: { sweep: [0], valid: () => [1, 'f', 'a'], bad: [['NaN', () => [Number.NaN, 'f', 'a']], ['string', () => ['1', 'f', 'a']], ['below min', () => [-1, 'f', 'a', { min: 0 }]]] },
  checkOneOf: { sweep: [0, 1], valid: () => ['a', ['a', 'b'], 'f', 'a'], bad: [['not allowed', () => ['c', ['a', 'b'], 'f', 'a']], ['number', () => [Number.NaN, ['a'], 'f', 'a']]] },
  checkOptions: { sweep: [0], valid: () => [{}, 'f'], bad: [['string', () => ['x', 'f']], ['array', () => [[], 'f']], ['null', () => [null, 'f']]] },
  checkKnownKeys: { sweep: [0, 1], valid: () => [{ a: 1 }, ['a', 'b'], 'f'], bad: [['unknown key', () => [{ c: 1 }, ['a'], 'f']], ['typo', () => [{ aa: 1 }, ['a'], 'f']], ['string', () => ['x', ['a'], 'f']]] },
  checkSeed: { sweep: [0], valid: () => [1, 'f', 'seed'], bad: [['fraction', () => [0.9, 'f', 'seed']], ['2^32 + 1', () => [4294967297, 'f', 'seed']], ['negative', () => [-1, 'f', 'seed']]] },
  checkTensor: { sweep: [0], valid: () => [x, 'f', 'x'], bad: [['array', () => [[1], 'f', 'x']], ['disposed', () => [dead, 'f', 'x']]] },
  checkShape: { sweep: [0, 1], valid: () => [[1, 2], [1, 2], 'f', 'x'], bad: [['mismatch', () => [[1, 2], [2, 1], 'f', 'x']]] },
  addGradientConfig: { valid: () => [{ kernelName: 'AdvkitWalkNoop', gradFunc: () => ({}) }], bad: [['null', () => [null]], ['no kernel', () => [{ gradFunc: () => ({}) }]]] },
  hasGradient: { sweep: [0], valid: () => ['Add'], bad: [['number', () => [3]], ['empty', () => ['']]] },
  checkSignal: { sweep: [0], valid: () => [new AbortController().signal, 'f'], bad: [['string', () => ['stop', 'f']], ['object without aborted', () => [{}, 'f']]] },
  Rng: { ctor: true, valid: () => [1], bad: [['NaN seed', () => [Number.NaN]], ['string seed', () => ['1']]] },
  // models
  LinearModel: { opts: [0, 'inputSize'], ctor: true, valid: () => [{ inputSize: 4 }], bad: [['zero size', () => [{ inputSize: 0 }]], ['NaN size', () => [{ inputSize: Number.NaN }]], ['no options', () => []]] },
  Mlp: { opts: [0, 'hiddenSizes'], ctor: true, valid: () => [{ inputShape: [4], hiddenSizes: [3], numClasses: 2 }], bad: [['negative hidden', () => [{ inputShape: [4], hiddenSizes: [-3], numClasses: 2 }]], ['0 classes', () => [{ inputShape: [4], hiddenSizes: [3], numClasses: 0 }]]] },
  Cnn: { opts: [0, 'numClasses'], ctor: true, valid: () => [{}], bad: [['string', () => ['x']], ['bad input shape', () => [{ inputShape: [0, 28, 1] }]]] },
  checkModelInput: { sweep: [0, 1], valid: () => [x, [4], 'f'], bad: [['wrong shape', () => [x, [5], 'f']], ['disposed', () => [dead, [4], 'f']], ['array', () => [[[1, 2, 3, 4]], [4], 'f']]] },
  checkModel: { sweep: [0], valid: () => [m, 'f'], bad: [['{}', () => [{}, 'f']], ['disposed model', () => [disposedModel, 'f']], ['null', () => [null, 'f']]] },
  resolveLabeledData: {
    sweep: [0, 1],
    valid: () => [{ x, y: [1, -1, 1] }, m, 'f'],
    bad: [['n mismatch with tensor x', () => [{ x, y, n: 2 }, m, 'f']], ['labels [n, 1]', () => [{ x, y: yCol }, m, 'f']], ['disposed x', () => [{ x: dead, y }, m, 'f']], ['class label 1.5', () => [{ x, y: [0, 1.5, 1] }, mk, 'f']], ['labels as strings', () => [{ x, y: ['1', '-1', '1'] }, m, 'f']], ['x of the wrong width', () => [{ x: yCol, y }, m, 'f']]],
  },
  checkLabeledData: { sweep: [0, 1], valid: () => [data, m, 'f'], bad: [['n mismatch', () => [{ ...data, n: 2 }, m, 'f']], ['x as array', () => [{ ...data, x: [1] }, m, 'f']]] },
  perExampleLoss: { valid: () => [yCol, y], bad: [['shape mismatch', () => [tf.zeros([2, 1]), y]], ['array', () => [[1], y]]] },
  perExampleError: { valid: () => [yCol, y], bad: [['shape mismatch', () => [tf.zeros([2, 1]), y]], ['disposed', () => [yCol, dead]]] },
  getWeights: { valid: () => [m], bad: [['disposed model', () => [disposedModel]], ['not a model', () => [{}]]] },
  setWeights: { valid: () => [m, models.getWeights(m)], bad: [['wrong count', () => [m, []]], ['NaN weight', () => [m, [new Float32Array(4).fill(Number.NaN), new Float32Array(1)]]], ['disposed model', () => [disposedModel, models.getWeights(m)]]] },
  makeVariable: { valid: () => [tf.zeros([2])], bad: [['disposed', () => [dead]], ['number', () => [3]]] },
  fromLayersModel: { opts: [1, 'output'], valid: () => [layersModel, { output: 'auto' }], bad: [['not a LayersModel', () => [m]], ['null', () => [null]], ['bad output option', () => [layersModel, { output: 'probabilities?' }]]] },
  fromGraphModel: { opts: [1, 'logitsNode'], valid: () => [graphModel], bad: [['not a GraphModel', () => [m]], ['unknown logits node', () => [graphModel, { logitsNode: 'nope' }]]] },
  withPreprocessing: { opts: [1, 'mean'], valid: () => [new models.LinearModel({ inputSize: 4 }), { mean: 0.5, std: 0.25 }], bad: [['zero std', () => [m, { std: 0 }]], ['NaN mean', () => [m, { mean: Number.NaN }]], ['not a model', () => [{}, { std: 1 }]]] },
  torchLinearInit: { valid: () => [new core.Rng(1), 4, 4], bad: [['zero fan-in', () => [new core.Rng(1), 0, 4]], ['no rng', () => [{}, 4, 4]], ['negative count', () => [new core.Rng(1), 4, -1]]] },
  // threat-models
  LpBall: { opts: [0, 'epsilon'], ctor: true, valid: () => [{ norm: 'l2', epsilon: 1 }], bad: [['NaN eps', () => [{ norm: 'l2', epsilon: Number.NaN }]], ['bad norm', () => [{ norm: 'l3', epsilon: 1 }]], ['inverted box', () => [{ norm: 'l2', epsilon: 1, box: { min: 1, max: 0 } }]]] },
  dualNormOf: { valid: () => ['l1'], bad: [['bad norm', () => ['l3']]] },
  linearMaximizer: { opts: [1, 'epsilon'], valid: () => [x, { norm: 'l2', epsilon: 1 }], bad: [['Infinity eps', () => [x, { norm: 'l2', epsilon: Infinity }]], ['disposed', () => [dead, { norm: 'l2', epsilon: 1 }]]] },
  lpBallContains: { opts: [2, 'tolerance'], valid: () => [x, x, { norm: 'linf', epsilon: 0.1 }], bad: [['shape mismatch', () => [x, yCol, { norm: 'linf', epsilon: 0.1 }]], ['negative eps', () => [x, x, { norm: 'linf', epsilon: -1 }]]] },
  lpNorm: { valid: () => [x, 'l2'], bad: [['bad norm', () => [x, 'lp']], ['disposed', () => [dead, 'l2']]] },
  projectL1Ball: { opts: [2, 'epsilon'], valid: () => [x, x, { epsilon: 1 }], bad: [['shape mismatch', () => [x, y, { epsilon: 1 }]], ['NaN eps', () => [x, x, { epsilon: Number.NaN }]]] },
  projectL2Ball: { opts: [2, 'box'], valid: () => [x, x, { epsilon: 1 }], bad: [['shape mismatch', () => [x, y, { epsilon: 1 }]], ['disposed center', () => [x, dead, { epsilon: 1 }]]] },
  projectLinfBall: { opts: [2, 'epsilon'], valid: () => [x, x, { epsilon: 1 }], bad: [['shape mismatch', () => [x, y, { epsilon: 1 }]], ['negative eps', () => [x, x, { epsilon: -0.5 }]]] },
  checkBallCenter: { sweep: [0, 1], valid: () => [x, { min: -10, max: 10 }, 'f'], bad: [['outside the box', () => [x, { min: 5, max: 10 }, 'f']], ['NaN', () => [tf.tensor2d([[Number.NaN]]), undefined, 'f']], ['array', () => [[[1]], undefined, 'f']]] },
  randomPointInBall: { opts: [1, 'seed'], valid: () => [x, { norm: 'l2', epsilon: 1, seed: 1 }], bad: [['no seed', () => [x, { norm: 'l2', epsilon: 1 }]], ['Infinity eps', () => [x, { norm: 'l2', epsilon: Infinity, seed: 1 }]]] },
  // datasets
  batchOrder: { opts: [1, 'batchSize'], valid: () => [10, { batchSize: 3 }], bad: [['zero batch', () => [10, { batchSize: 0 }]], ['negative n', () => [-1, { batchSize: 3 }]], ['shuffle without rng', () => [10, { batchSize: 3, shuffle: true }]]] },
  decodeIdx: { opts: [1, 'maxBytes'], valid: () => [new Uint8Array([0, 0, 8, 1, 0, 0, 0, 1, 7])], bad: [['garbage', () => [new Uint8Array([1, 2, 3])]], ['string', () => ['idx']]] },
  gatherRows: { valid: () => [new Float32Array(8), 4, [1]], bad: [['index out of range', () => [new Float32Array(8), 4, [2]]], ['zero dim', () => [new Float32Array(8), 0, [0]]], ['NaN index', () => [new Float32Array(8), 4, [Number.NaN]]]] },
  gatherValues: { valid: () => [new Float32Array(3), [2]], bad: [['index out of range', () => [new Float32Array(3), [3]]], ['negative index', () => [new Float32Array(3), [-1]]]] },
  parseIdx: { opts: [1, 'expectRank'], valid: () => [new Uint8Array([0, 0, 8, 1, 0, 0, 0, 1, 7])], bad: [['truncated', () => [new Uint8Array([0, 0, 8, 1, 0, 0, 0, 2, 7])]], ['not bytes', () => [[0, 0, 8, 1]]], ['zero maxBytes', () => [new Uint8Array([0, 0, 8, 1, 0, 0, 0, 1, 7]), { maxBytes: 0 }]]] },
  mnistSplitFromIdx: { valid: () => [idxImages, idxLabels], bad: [['labels as images', () => [idxLabels, idxImages]], ['not idx', () => [{}, idxLabels]]] },
  selectAll: { valid: () => [datasets.mnistSplitFromIdx(idxImages, idxLabels)], bad: [['not a split', () => [{}]], ['null', () => [null]]] },
  syntheticData: { opts: [0, 'labelNoise'], valid: () => [{ n: 3, inputShape: [4], numClasses: 2, seed: 1 }], bad: [['zero n', () => [{ n: 0, inputShape: [4], numClasses: 2, seed: 1 }]], ['seed 2^32', () => [{ n: 3, inputShape: [4], numClasses: 2, seed: 2 ** 32 }]], ['shape [0]', () => [{ n: 3, inputShape: [0], numClasses: 3, seed: 1 }]], ['one class', () => [{ n: 3, inputShape: [4], numClasses: 1, seed: 1 }]]] },
  selectDigits: { valid: () => [datasets.mnistSplitFromIdx(idxImages, idxLabels), [0, 1]], bad: [['same digit', () => [datasets.mnistSplitFromIdx(idxImages, idxLabels), [1, 1]]], ['digit 10', () => [datasets.mnistSplitFromIdx(idxImages, idxLabels), [0, 10]]]] },
  // attacks
  exactLinear: { opts: [3, 'threatModel'], valid: () => [m, x, y, { threatModel: ball }], bad: [['shape mismatch', () => [m, tf.zeros([3, 5]), y, { threatModel: ball }]], ['disposed x', () => [m, dead, y, { threatModel: ball }]], ['disposed model', () => [disposedModel, x, y, { threatModel: ball }]], ['no threat model', () => [m, x, y, {}]]] },
  attackFromSpec: { opts: [0, 'kind', 'spec'], valid: () => [{ kind: 'fgsm', options: { threatModel: { norm: 'linf', epsilon: 0.1 } } }], bad: [['unknown kind', () => [{ kind: 'cw', options: { threatModel: { norm: 'linf', epsilon: 0.1 } } }]], ['no options', () => [{ kind: 'pgd' }]], ['bad ball', () => [{ kind: 'pgd', options: { threatModel: { norm: 'l3', epsilon: 0.1 } } }]]] },
  exactLinearAttack: { opts: [0, 'threatModel'], valid: () => [{ threatModel: ball }], bad: [['no threat model', () => [{}]], ['string', () => ['linf']]] },
  exactLinearPerturbation: { opts: [1, 'threatModel'], valid: () => [m, { threatModel: ball }], bad: [['not a linear model', () => [new models.Mlp({ inputShape: [4], hiddenSizes: [2], numClasses: 2 }), { threatModel: ball }]], ['disposed model', () => [disposedModel, { threatModel: ball }]]] },
  exactLinearMarginChange: { opts: [1, 'threatModel'], valid: () => [m, { threatModel: ball }], bad: [['no options', () => [m]], ['disposed model', () => [disposedModel, { threatModel: ball }]]] },
  linearAttackedError: { opts: [2, 'dualNorm'], valid: () => [[0.5, -0.2], [1, -1], { dualNorm: 2, epsilon: 0.1 }], bad: [['length mismatch', () => [[0.5], [1, -1], { dualNorm: 2, epsilon: 0.1 }]], ['label 0', () => [[0.5], [0], { dualNorm: 2, epsilon: 0.1 }]], ['NaN epsilon', () => [[0.5], [1], { dualNorm: 2, epsilon: Number.NaN }]], ['negative dual norm', () => [[0.5], [1], { dualNorm: -2, epsilon: 0.1 }]]] },
  fgsm: { opts: [3, 'stepSize'], valid: () => [m, x, y, { threatModel: boxBall }], bad: [...HOSTILE_MODELS.map(([l, h]): [string, Args] => [l, () => [h(), x, y, { threatModel: boxBall }]]), ['NaN stepSize', () => [m, x, y, { threatModel: boxBall, stepSize: Number.NaN }]], ['labels mismatch', () => [m, x, tf.tensor1d([1, -1]), { threatModel: boxBall }]], ['disposed x', () => [m, dead, y, { threatModel: boxBall }]]] },
  fgsmAttack: { opts: [0, 'randomStart'], valid: () => [{ threatModel: boxBall }], bad: [['negative stepSize', () => [{ threatModel: boxBall, stepSize: -1 }]], ['no threat model', () => [{}]]] },
  pgd: { opts: [3, 'steps'], valid: () => [m, x, y, { threatModel: boxBall, steps: 2 }], bad: [...HOSTILE_MODELS.map(([l, h]): [string, Args] => [l, () => [h(), x, y, { threatModel: boxBall, steps: 2 }]]), ['Infinity steps', () => [m, x, y, { threatModel: boxBall, steps: Infinity }]], ['zero restarts', () => [m, x, y, { threatModel: boxBall, restarts: 0 }]], ['bad loss', () => [m, x, y, { threatModel: boxBall, loss: 'hinge' }]], ['disposed model', () => [disposedModel, x, y, { threatModel: boxBall }]]] },
  pgdAttack: { opts: [0, 'restarts'], valid: () => [{ threatModel: boxBall }], bad: [['negative steps', () => [{ threatModel: boxBall, steps: -1 }]], ['2.5 steps', () => [{ threatModel: boxBall, steps: 2.5 }]]] },
  apgd: { opts: [3, 'steps'], valid: () => [mk, x, yk, { threatModel: boxBall, steps: 3 }], bad: [['binary model', () => [m, x, y, { threatModel: boxBall }]], ['zero eps', () => [mk, x, yk, { threatModel: new threatModels.LpBall({ norm: 'linf', epsilon: 0 }) }]], ['x outside box', () => [mk, tf.add(x, 1), yk, { threatModel: boxBall }]], ['black-box model', () => [attacks.blackBoxModel({ inputShape: [4], numOutputs: 4, predict: () => new Float32Array(12) }), x, yk, { threatModel: boxBall }]]] },
  apgdAttack: { opts: [0, 'rho'], valid: () => [{ threatModel: boxBall }], bad: [['large-ε schedule off L1', () => [{ threatModel: boxBall, largeEpsilonSchedule: true }]], ['zero steps', () => [{ threatModel: boxBall, steps: 0 }]]] },
  blackBoxModel: { opts: [0, 'predict'], valid: () => [{ inputShape: [4], numOutputs: 4, predict: () => new Float32Array(12) }], bad: [['no predict', () => [{ inputShape: [4], numOutputs: 4 }]], ['one output', () => [{ inputShape: [4], numOutputs: 1, predict: () => [] }]]] },
  square: { opts: [3, 'queries'], valid: () => [mk, x, yk, { threatModel: boxBall, queries: 3 }], bad: [['zero queries', () => [mk, x, yk, { threatModel: boxBall, queries: 0 }]], ['not an image', () => [new models.Mlp({ inputShape: [3], hiddenSizes: [], numClasses: 4 }), tf.zeros([1, 3]), tf.tensor1d([0], 'int32'), { threatModel: boxBall }]], ['wrong scores', () => [attacks.blackBoxModel({ inputShape: [4], numOutputs: 4, predict: () => new Float32Array(2) }), x, yk, { threatModel: boxBall }]]] },
  squareAttack: { opts: [0, 'pInit'], valid: () => [{ threatModel: boxBall }], bad: [['bad pInit', () => [{ threatModel: boxBall, pInit: 2 }]], ['no threat model', () => [{}]]] },
  fab: { opts: [3, 'eta'], valid: () => [mk, x, yk, { threatModel: boxBall, steps: 3 }], bad: [['no box', () => [mk, x, yk, { threatModel: ball }]], ['target classes', () => [mk, x, yk, { threatModel: boxBall, targetClasses: 2 }]]] },
  fabAttack: { opts: [0, 'alphaMax'], valid: () => [{ threatModel: boxBall }], bad: [['bad eta', () => [{ threatModel: boxBall, eta: 0.5 }]], ['zero restarts', () => [{ threatModel: boxBall, restarts: 0 }]]] },
  fabTargeted: { opts: [3, 'beta'], valid: () => [mk, x, yk, { threatModel: boxBall, steps: 3 }], bad: [['no box', () => [mk, x, yk, { threatModel: ball }]], ['too many targets', () => [mk, x, yk, { threatModel: boxBall, targetClasses: 4 }]]] },
  fabTargetedAttack: { opts: [0, 'alphaMax'], valid: () => [{ threatModel: boxBall }], bad: [['bad beta', () => [{ threatModel: boxBall, beta: 2 }]]] },
  autoAttack: { opts: [3, 'version'], valid: () => [mk, x, yk, { threatModel: boxBall, version: ['apgd-ce', 'square'] }], bad: [['plus on an L1 ball', () => [mk, x, yk, { threatModel: new threatModels.LpBall({ norm: 'l1', epsilon: 1, box: { min: 0, max: 1 } }), version: 'plus' }]], ['unknown version', () => [mk, x, yk, { threatModel: boxBall, version: 'strong' }]], ['zero batch', () => [mk, x, yk, { threatModel: boxBall, batchSize: 0 }]], ['labels out of range', () => [mk, x, tf.tensor1d([0, 1, 9], 'int32'), { threatModel: boxBall }]]] },
  inputGradient: { opts: [3, 'loss'], valid: () => [m, x, y], bad: [...HOSTILE_MODELS.map(([l, h]): [string, Args] => [l, () => [h(), x, y]]), ['shape mismatch', () => [m, tf.zeros([3, 2]), y]], ['disposed y', () => [m, x, dead]]] },
  // trainers: the loop, its entry points and steps
  train: { opts: [2, 'epochs'],
    valid: () => [m, data, { step: trainers.standardStep(), epochs: 1 }],
    bad: [
      ['no step', () => [m, data, { epochs: 1 }]],
      ['step not a step', () => [m, data, { step: {} }]],
      ['zero epochs', () => [m, data, { step: trainers.standardStep(), epochs: 0 }]],
      ['bad executor', () => [m, data, { step: trainers.standardStep(), executor: {} }]],
      ['mismatched data', () => [m, { ...data, n: 4 }, { step: trainers.standardStep() }]],
    ],
  },
  sgd: { opts: [2, 'learningRate'],
    valid: () => [m, data, { epochs: 1 }],
    bad: [
      ['zero epochs', () => [m, data, { epochs: 0 }]],
      ['Infinity lr', () => [m, data, { learningRate: Infinity }]],
      ['mismatched data', () => [m, { ...data, n: 4 }]],
      ['disposed model', () => [disposedModel, data, { epochs: 1 }]],
      ['bad signal', () => [m, data, { signal: 'stop' }]],
      ['zero batch', () => [m, data, { batchSize: 0 }]],
      ['NaN yieldEveryMs', () => [m, data, { yieldEveryMs: Number.NaN }]],
      ['bad resume state', () => [m, data, { resumeFrom: {} }]],
      ['optimizer {}', () => [m, data, { optimizer: {} }]],
      ...HOSTILE_SCHEDULES.map(([l, h]): [string, Args] => [l, () => [m, data, { epochs: 1, learningRate: h() }]]),
      ['model: logits throws (training)', () => [HOSTILE_MODELS[3]![1](), data, { epochs: 1 }]],
    ],
  },
  robustLinearSgd: { opts: [2, 'threatModel'], valid: () => [m, data, { epochs: 1, threatModel: ball }], bad: [['boxed ball', () => [m, data, { threatModel: boxBall }]], ['not linear', () => [{}, data, { threatModel: ball }]], ['NaN epochs', () => [m, data, { threatModel: ball, epochs: Number.NaN }]]] },
  adversarialSgd: { opts: [2, 'attack'], valid: () => [m, data, { epochs: 1, attack: attack() }], bad: [['attack returns a non-tensor', () => [m, data, { epochs: 1, attack: hostileAttack() }]], ['no attack', () => [m, data, {}]], ['negative seed', () => [m, data, { attack: attack(), seed: 0.5 }]], ['NaN yieldEveryMs', () => [m, data, { attack: attack(), yieldEveryMs: Number.NaN }]], ['bad resume state', () => [m, data, { attack: attack(), resumeFrom: {} }]]] },
  standardStep: { valid: () => [], bad: [] },
  adversarialStep: { valid: () => [attack()], bad: [['not an attack', () => [{}]], ['no attack', () => []], ['attack without run', () => [{ name: 'x' }]]] },
  robustLinearStep: { valid: () => [ball], bad: [['boxed ball', () => [boxBall]], ['not a ball', () => [{ norm: 'linf', epsilon: 0.1 }]]] },
  piecewiseSchedule: { valid: () => [[[1, 0.1], [6, 0.01]]], bad: [['empty', () => [[]]], ['NaN point', () => [[[0, Number.NaN]]]], ['decreasing epochs', () => [[[1, 1], [5, 1], [3, 0]]]]] },
  cyclicSchedule: { opts: [0, 'peakEpoch'], valid: () => [{ max: 0.2, epochs: 10 }], bad: [['zero epochs', () => [{ max: 0.2, epochs: 0 }]], ['Infinity max', () => [{ max: Infinity, epochs: 10 }]]] },
  // attacks/evaluate
  evaluate: { opts: [2, 'batchSize'], valid: () => [m, data], bad: [['zero batch', () => [m, data, { batchSize: 0 }]], ['labels 0/1', () => [m, { ...data, y: new Float32Array([0, 1, 0]) }]], ['bad attack', () => [m, data, { attack: {} }]]] },
  robustEvaluate: { opts: [2, 'attacks'],
    valid: () => [m, data, { attacks: [attack()] }],
    bad: [
      ['attack without run', () => [m, data, { attacks: [{}] }]],
      ['attack returns a non-tensor', () => [m, data, { attacks: [hostileAttack()] }]],
      ...HOSTILE_MODELS.map(([l, h]): [string, Args] => [l, () => [h(), data, { attacks: [attack()] }]]),
      ['not an array', () => [m, data, { attacks: 'pgd' }]],
      ['no attacks', () => [m, data, { attacks: [] }]],
      ['zero batch', () => [m, data, { attacks: [attack()], batchSize: 0 }]],
      ['bad signal', () => [m, data, { attacks: [attack()], signal: 'stop' }]],
      ['NaN yieldEveryMs', () => [m, data, { attacks: [attack()], yieldEveryMs: Number.NaN }]],
    ],
  },
  diagnoseAttacks: { opts: [2, 'sampleSize'], valid: () => [m, data], bad: [['NaN fraction', () => [m, data, { gradientWarnFraction: Number.NaN }]], ['zero sample', () => [m, data, { sampleSize: 0 }]]] },
  detectCatastrophicOverfitting: { opts: [0, 'threshold'], valid: () => [{ model: m, heldOut: data, attack: attack() }], bad: [['no model', () => [{ heldOut: data, attack: attack() }]], ['negative threshold', () => [{ model: m, heldOut: data, attack: attack(), threshold: -1 }]]] },
  setValueChecks: { valid: () => ['auto'], bad: [['never', () => ['never']], ['boolean', () => [true]]] },
  crc32: { valid: () => [new Uint8Array([1, 2, 3])], bad: [['string', () => ['abc']], ['null', () => [null]], ['array', () => [[1, 2]]]] },
  encodeTrainingState: { valid: () => [{ format: 'advkit-training-state', weights: [] }], bad: [['not a state', () => [{}]], ['weights not floats', () => [{ format: 'advkit-training-state', weights: [[1]] }]]] },
  // core/node
  // The junk sweep skips the path (its 'x' is a valid relative path: the call would write ./x into the
  // working directory); the bad cases cover the path's junk instead.
  writeFileAtomic: {
    opts: [2, 'createDir'],
    sweep: [1, 2],
    valid: () => [join(tmp, 'walk.bin'), 'x'],
    bad: [
      ['empty path', () => ['', 'x']],
      ['undefined path', () => [undefined, 'x']],
      ['null path', () => [null, 'x']],
      ['number path', () => [3, 'x']],
      ['object path', () => [{}, 'x']],
      ['number data', () => [join(tmp, 'walk.bin'), 3]],
      ['array data', () => [join(tmp, 'walk.bin'), [1, 2]]],
    ],
  },
  // trainers/node (a dataParallel run starts worker threads, ~0.5 s each: one worker, one epoch)
  FileAutoAttackStore: { ctor: true, valid: () => [join(tmp, 'run.state')], bad: [['empty path', () => ['']], ['number path', () => [3]]] },
  autoAttackParallel: {
    opts: [3, 'workers'],
    sweep: [0, 1, 2, 3],
    valid: () => [mk, x, yk, { threatModel: boxBall, version: ['apgd-ce'], workers: 1 }],
    bad: [['zero workers', () => [mk, x, yk, { threatModel: boxBall, workers: 0 }]], ['black-box model', () => [attacks.blackBoxModel({ inputShape: [4], numOutputs: 4, predict: () => new Float32Array(12) }), x, yk, { threatModel: boxBall, version: ['square'] }]], ['relative modelFactory', () => [mk, x, yk, { threatModel: boxBall, modelFactory: { module: './m.js' } }]], ['other seed than the state', () => [mk, x, yk, { threatModel: boxBall, version: ['apgd-ce'], seed: 1, resumeFrom: aaState }]]],
  },
  // a worker_threads thread stands in for the Web Worker (serveAutoAttackShards over its parentPort)
  autoAttackInWorkers: {
    opts: [3, 'workers'],
    sweep: [0, 1, 2, 3],
    valid: () => [mk, x, yk, { threatModel: boxBall, version: ['apgd-ce'], workers: 1, createWorker: () => nodeShardWorker() }],
    bad: [
      ['zero workers', () => [mk, x, yk, { threatModel: boxBall, workers: 0, createWorker: () => nodeShardWorker() }]],
      ['no createWorker', () => [mk, x, yk, { threatModel: boxBall }]],
      ['createWorker throws (no Web Workers)', () => [mk, x, yk, { threatModel: boxBall, createWorker: () => { throw new ReferenceError('Worker is not defined'); } }]],
      ['createWorker returns no worker', () => [mk, x, yk, { threatModel: boxBall, createWorker: () => ({}) }]],
      ['modelFactoryArgs not an array', () => [mk, x, yk, { threatModel: boxBall, createWorker: () => nodeShardWorker(), modelFactoryArgs: 'a' }]],
      ['black-box model', () => [attacks.blackBoxModel({ inputShape: [4], numOutputs: 4, predict: () => new Float32Array(12) }), x, yk, { threatModel: boxBall, version: ['square'], createWorker: () => nodeShardWorker() }]],
    ],
  },
  serveAutoAttackShards: {
    opts: [0, 'modelFactory'],
    valid: () => [{ scope: { addEventListener: () => undefined, postMessage: () => undefined } }],
    bad: [
      ['not in a worker (no scope)', () => [{}]],
      ['modelFactory not a function', () => [{ modelFactory: 1, scope: { addEventListener: () => undefined, postMessage: () => undefined } }]],
      ['backend not an object', () => [{ backend: 'wasm', scope: { addEventListener: () => undefined, postMessage: () => undefined } }]],
    ],
  },
  encodeAutoAttackState: { valid: () => [aaState], bad: [['no shards', () => [{ ...aaState, shards: [] }]], ['wrong version', () => [{ ...aaState, version: 0 }]], ['null shard', () => [{ ...aaState, shards: [null] }]]] },
  decodeAutoAttackState: { sweep: [0], valid: () => [attacks.encodeAutoAttackState(aaState)], bad: [['torn', () => [attacks.encodeAutoAttackState(aaState).subarray(0, 50)]], ['string', () => ['{}']], ['other JSON', () => [new TextEncoder().encode('{"format":"x"}')]]] },
  checkModelFactory: { sweep: [0], valid: () => [{ module: 'file:///m.js' }, 'f'], bad: [['relative', () => [{ module: './m.js' }, 'f']], ['no module', () => [{}, 'f']], ['function args', () => [{ module: 'file:///m.js', args: [() => 1] }, 'f']]] },
  modelSpec: { sweep: [0], valid: () => [mk, 'f', undefined], bad: [['custom model without factory', () => [{ variables: [], inputShape: [4], numOutputs: 1, logits: () => x, dispose: () => undefined }, 'f', undefined]], ['disposed model', () => [disposedModel, 'f', undefined]]] },
  buildModel: { valid: () => [modelsInternal.modelSpec(mk, 'f', undefined)], bad: [['unknown kind', () => [{ kind: 'rnn', shapes: [] }]], ['no shapes', () => [{ kind: 'mlp' }]]] },
  FileCheckpointStore: { opts: [1, 'name'], ctor: true, valid: () => [tmp], bad: [['empty dir', () => ['']], ['number dir', () => [3]], ['path as name', () => [tmp, { name: '../escape.advkit' }]]] },
  dataParallel: { opts: [0, 'workers'], valid: () => [{ workers: 1 }], bad: [['zero workers', () => [{ workers: 0 }]], ['2.5 workers', () => [{ workers: 2.5 }]], ['bad model factory', () => [{ workers: 1, modelFactory: { module: 3 } }]], ['string', () => ['2']]] },
  // trainers/checkpoint
  decodeTrainingState: { valid: () => [trainersCheckpoint.encodeTrainingState(state)], bad: [['garbage', () => [new Uint8Array(40)]], ['string', () => ['ADVKCKPT']], ['empty', () => [new Uint8Array(0)]]] },
};

async function validState(): Promise<trainersCheckpoint.TrainingState> {
  let s: trainersCheckpoint.TrainingState | undefined;
  const mm = new models.LinearModel({ inputSize: 4 });
  await trainers.sgd(mm, data, { epochs: 1, checkpoint: { save: (st) => void (s = st) } });
  mm.dispose();
  return s!;
}

/** Data-parallel training through the loop: the options the executor cannot take are typed errors too. */
const dataParallelTrainCases: [string, Args][] = [
  ['tfjs optimizer', () => [m, data, { step: trainers.standardStep(), executor: trainersNode.dataParallel({ workers: 1 }), optimizer: tf.train.sgd(0.1) }]],
  ['not a built-in model, no factory', () => [{ variables: [], inputShape: [4], numOutputs: 1, logits: () => x, dispose: () => undefined }, data, { step: trainers.standardStep(), executor: trainersNode.dataParallel({ workers: 1 }) }]],
  ['disposed model', () => [disposedModel, data, { step: trainers.standardStep(), executor: trainersNode.dataParallel({ workers: 1 }) }]],
];

function exportsOf(): [string, string, unknown][] {
  const out: [string, string, unknown][] = [];
  for (const [pkg, mod] of Object.entries(packages)) {
    for (const [name, v] of Object.entries(mod)) if (typeof v === 'function' && !isErrorClass(v)) out.push([pkg, name, v]);
  }
  return out;
}

/** Calls and classifies: 'ok' | 'advkit' | a description of a raw error. Disposes returned tensors. */
async function outcome(fnv: unknown, c: Case, args: unknown[]): Promise<string> {
  const before = tf.memory().numTensors;
  try {
    const f = fnv as (...a: unknown[]) => unknown;
    let r = c.ctor ? new (fnv as new (...a: unknown[]) => unknown)(...args) : f(...args);
    if (r instanceof Promise) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      r = await Promise.race([r, new Promise((_, rej) => (timer = setTimeout(() => rej(new Error('HANG: no answer in 10 s')), 10_000)))]).finally(() => clearTimeout(timer));
    }
    const fixtures = new Set<unknown>([x, y, yCol, m]);
    if (fixtures.has(r) || args.includes(r)) return 'ok'; // returned its argument (checkTensor, checkModelInput, …)
    if (core.isTensor(r)) r.dispose();
    else if (r !== null && typeof r === 'object' && 'dispose' in r && typeof (r as { dispose: unknown }).dispose === 'function') (r as { dispose(): void }).dispose();
    else if (r !== null && typeof r === 'object' && 'xAdv' in r) tf.dispose(Object.values(r as object) as tf.Tensor[]);
    return 'ok';
  } catch (e) {
    // a failing call must free everything it made (tensors the arguments hold were made before `before`)
    const leaked = tf.memory().numTensors - before;
    if (leaked !== 0) return `LEAK of ${leaked} tensors (${(e as Error)?.name}: ${String((e as Error)?.message).slice(0, 120)})`;
    if (AdvkitError.isInstance(e)) return 'advkit';
    return `RAW ${(e as Error)?.name}: ${String((e as Error)?.message).slice(0, 160)}`;
  }
}

/** Exports whose options are typo-walked in their own test below (a backend switch, file access, a browser API). */
const TYPO_WALKED_SEPARATELY = ['initBackend', 'loadMnist', 'IndexedDbCheckpointStore'];

/**
 * The exported functions and classes whose declaration takes an options object (a parameter named
 * `options`, or attackFromSpec's `spec`), read from the built declarations (`dist/**\/*.d.ts`) of every
 * package: the typo walk must cover each of them.
 */
function optionsTakers(): Set<string> {
  const out = new Set<string>();
  for (const dir of ['core', 'models', 'threat-models', 'datasets', 'attacks', 'trainers']) {
    const dist = fileURLToPath(new URL(`../../../packages/${dir}/dist/`, import.meta.url));
    for (const file of readdirSync(dist, { recursive: true }) as string[]) {
      if (!file.endsWith('.d.ts')) continue;
      const text = readFileSync(dist + file, 'utf8');
      const takes = (params: string): boolean => /\boptions\??:|\bspec: AttackSpec\b/.test(params);
      for (const [, name, params] of text.matchAll(/declare function (\w+)\(([^)]*)\)/g)) if (takes(params!)) out.add(name!);
      for (const chunk of text.split(/declare class /).slice(1)) {
        const ctor = /constructor\(([^)]*)\)/.exec(chunk);
        if (ctor !== null && takes(ctor[1]!)) out.add(/^\w+/.exec(chunk)![0]);
      }
    }
  }
  return out;
}

/** The option name `key` misspelled by one edit (its last letter doubled): `steps` → `stepss`. */
const typoOf = (key: string): string => key + key.slice(-1);

/** Calls (awaiting a promise, disposing a result) and returns what it threw, or 'no error'; a leak is a string too. */
async function thrown(fnv: unknown, ctor: boolean | undefined, args: unknown[]): Promise<unknown> {
  const before = tf.memory().numTensors;
  try {
    const r = ctor ? new (fnv as new (...a: unknown[]) => unknown)(...args) : await (fnv as (...a: unknown[]) => unknown)(...args);
    if (core.isTensor(r)) r.dispose();
    else if (r !== null && typeof r === 'object' && 'dispose' in r && typeof (r as { dispose: unknown }).dispose === 'function') (r as { dispose(): void }).dispose();
    else if (r !== null && typeof r === 'object' && 'xAdv' in r) tf.dispose(Object.values(r as object) as tf.Tensor[]);
    return 'no error';
  } catch (e) {
    const leaked = tf.memory().numTensors - before;
    return leaked === 0 ? e : `LEAK of ${leaked} tensors`;
  }
}

/** Checks that `e` is the typo error of `fn` for `arg.typo` suggesting `key`; returns a problem or undefined. */
function typoProblem(e: unknown, fn: string, arg: string, typo: string, key: string): string | undefined {
  const want = `${fn}: ${arg}.${typo} is not an option of ${fn}; did you mean ${key}?`;
  if (!core.ArgumentError.isInstance(e)) return `${fn}(${arg}.${typo}) -> ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
  return (e as Error).message === want ? undefined : `${fn}(${arg}.${typo}) -> "${(e as Error).message}", want "${want}"`;
}

/** Nested option objects: [label, function, args, argument name, typo, the option it should suggest]. */
const NESTED_TYPOS: [string, () => unknown, Args, string, string, string, boolean?][] = [
  ['train', () => trainers.train, () => [m, data, { step: trainers.standardStep(), epochs: 1, checkpoint: { save: () => undefined, everyStep: 1 } }], 'options.checkpoint', 'everyStep', 'everySteps'],
  ['dataParallel', () => trainersNode.dataParallel, () => [{ workers: 1, modelFactory: { module: 'node:os', exportNam: 'f' } }], 'options.modelFactory', 'exportNam', 'exportName'],
  ['squareAttack', () => attacks.squareAttack, () => [{ threatModel: boxBall, image: { height: 2, width: 2, channel: 1 } }], 'options.image', 'channel', 'channels'],
  ['Cnn', () => models.Cnn, () => [{ inputShape: [4, 4, 1], layers: [{ type: 'dense', unit: 3 }] }], 'options.layers[0]', 'unit', 'units', true],
  ['LpBall', () => threatModels.LpBall, () => [{ norm: 'linf', epsilon: 0.1, box: { min: 0, maxx: 1 } }], 'options.box', 'maxx', 'max', true],
  ['attackFromSpec', () => attacks.attackFromSpec, () => [{ kind: 'pgd', options: { threatModel: { norm: 'linf', epsilon: 0.1 }, stpes: 3 } }], 'spec.options', 'stpes', 'steps'],
];

describe('API walk: bad arguments give typed errors', () => {
  it('every exported function and class is walked (or exempt with a reason)', () => {
    const missing = exportsOf()
      .map(([pkg, name]) => `${pkg}.${name}`)
      .filter((q) => !(q.split('.')[1]! in CASES) && !(q.split('.')[1]! in EXEMPT));
    expect(missing).toEqual([]);
  });

  it('each valid call succeeds, and each listed bad call throws an AdvkitError', async () => {
    const problems: string[] = [];
    let bad = 0;
    for (const [pkg, name, fnv] of exportsOf()) {
      const c = CASES[name];
      if (c === undefined) continue;
      const ok = await outcome(fnv, c, c.valid());
      if (ok !== 'ok') problems.push(`${pkg}.${name}(valid) -> ${ok}`);
      for (const [label, args] of c.bad) {
        bad++;
        const o = await outcome(fnv, c, args());
        if (o !== 'advkit') problems.push(`${pkg}.${name}(${label}) -> ${o}`);
      }
    }
    for (const [label, args] of dataParallelTrainCases) {
      bad++;
      const o = await outcome(trainers.train, CASES.train!, args());
      if (o !== 'advkit') problems.push(`trainers.train(dataParallel: ${label}) -> ${o}`);
    }
    console.log(`API walk: ${bad} targeted bad calls`);
    expect(problems).toEqual([]);
    expect(bad).toBeGreaterThanOrEqual(150);
  });

  it('a sweep of junk in every argument position never gives a raw error', async () => {
    const junk: [string, () => unknown][] = [
      ['undefined', () => undefined],
      ['null', () => null],
      ['NaN', () => Number.NaN],
      ['Infinity', () => Infinity],
      ['-1', () => -1],
      ['0', () => 0],
      ['2.5', () => 2.5],
      ['string', () => 'x'],
      ['{}', () => ({})],
      ['[]', () => []],
      ['disposed tensor', () => dead],
      ['disposed model', () => disposedModel],
      ['int32 tensor', () => tf.tensor1d([1, 2, 3], 'int32')],
    ];
    const raw: string[] = [];
    let calls = 0;
    let typed = 0;
    for (const [pkg, name, fnv] of exportsOf()) {
      const c = CASES[name];
      if (c === undefined) continue;
      const positions = c.sweep ?? [...Array(Math.max(c.valid().length, 1)).keys()];
      for (const i of positions) {
        for (const [label, j] of junk) {
          const args = c.valid();
          args[i] = j();
          calls++;
          const o = await outcome(fnv, c, args);
          if (o === 'advkit') typed++;
          else if (o !== 'ok') raw.push(`${pkg}.${name} arg ${i} = ${label} -> ${o}`);
        }
      }
    }
    console.log(`API walk sweep: ${calls} calls, ${typed} typed errors, ${raw.length} raw errors`);
    expect(raw).toEqual([]);
    expect(typed).toBeGreaterThan(1000); // the sweep did reach the checks
  });

  it('every exported function and class that takes an options object is in the typo walk', () => {
    const exported = new Set(exportsOf().map(([, name]) => name));
    const takers = [...optionsTakers()].filter((n) => exported.has(n));
    expect(takers.length).toBeGreaterThanOrEqual(45); // the declarations were found and read
    const missing = takers.filter((n) => CASES[n]?.opts === undefined && !TYPO_WALKED_SEPARATELY.includes(n));
    expect(missing).toEqual([]);
  });

  it('a misspelled option is an ArgumentError naming the function, the key and the closest option (every options object)', async () => {
    const problems: string[] = [];
    let calls = 0;
    for (const [pkg, name, fnv] of exportsOf()) {
      const o = CASES[name]?.opts;
      if (o === undefined) continue;
      const [pos, key, arg = 'options'] = o;
      const args = CASES[name]!.valid();
      const base = (args[pos] ?? {}) as Record<string, unknown>;
      args[pos] = { ...base, [typoOf(key)]: base[key] ?? 1 };
      calls++;
      const p = typoProblem(await thrown(fnv, CASES[name]!.ctor, args), name, arg, typoOf(key), key);
      if (p !== undefined) problems.push(`${pkg}.${p}`);
    }
    for (const [fn, f, args, arg, typo, key, ctor] of NESTED_TYPOS) {
      calls++;
      const p = typoProblem(await thrown(f(), ctor, args()), fn, arg, typo, key);
      if (p !== undefined) problems.push(p);
    }
    // walked separately: initBackend, loadMnist, IndexedDbCheckpointStore, and a LayersModel adapter's logits options
    const separately: [string, () => Promise<unknown>, string, string, string][] = [
      ['initBackend', () => thrown(core.initBackend, false, [{ backend: 'wasm', thread: 1 }]), 'options', 'thread', 'threads'],
      ['loadMnist', () => thrown(datasets.loadMnist, false, [{ baseUrll: 'http://127.0.0.1:9' }]), 'options', 'baseUrll', 'baseUrl'],
      ['IndexedDbCheckpointStore', () => thrown(trainersCheckpoint.IndexedDbCheckpointStore, true, [{ databse: 'x' }]), 'options', 'databse', 'database'],
      ['LayersModelAdapter.logits', () => { const a = models.fromLayersModel(layersModel); return thrown((xi: tf.Tensor, o: unknown) => a.logits(xi, o as never), false, [x, { trainig: true }]); }, 'options', 'trainig', 'training'],
    ];
    for (const [fn, call, arg, typo, key] of separately) {
      calls++;
      const p = typoProblem(await call(), fn, arg, typo, key);
      if (p !== undefined) problems.push(p);
    }
    console.log(`API walk typos: ${calls} misspelled options`);
    expect(problems).toEqual([]);
  });

  it('initBackend, loadMnist and IndexedDbCheckpointStore reject bad options with typed errors', async () => {
    for (const o of [{ backend: 'webgl' }, { backend: 'no-such-backend' }, { backend: 7 }, { threads: 0 }, { threads: Number.NaN }, 'wasm']) {
      await expect(core.initBackend(o as never).catch((e: unknown) => (AdvkitError.isInstance(e) ? 'advkit' : e))).resolves.toBe('advkit');
    }
    for (const o of [{ dir: 3 }, { maxBytes: -1 }, { maxBytes: Number.NaN }, { dir: '/nonexistent-advkit', baseUrl: 'http://x' }, { dir: '/nonexistent-advkit' }]) {
      await expect(datasets.loadMnist(o as never).catch((e: unknown) => (AdvkitError.isInstance(e) ? 'advkit' : e))).resolves.toBe('advkit');
    }
    for (const o of [{ database: '' }, { key: 3 }]) expect(() => new trainersCheckpoint.IndexedDbCheckpointStore(o as never)).toThrow(AdvkitError);
    await expect(new trainersCheckpoint.IndexedDbCheckpointStore().load()).rejects.toThrow(core.CheckpointError); // no indexedDB in Node
    void opt;
  });
});
