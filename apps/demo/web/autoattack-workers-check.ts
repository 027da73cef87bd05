/**
 * A page that checks `autoAttackInWorkers` (`@advkit/attacks/browser`) in a real browser (driven by
 * e2e/autoattack-workers.e2e.test.ts, which passes the model's weights and the images): AutoAttack on
 * the page's main thread, then on Web Workers (autoattack-worker.ts), compared bit for bit (flags,
 * brokenBy, robust accuracy after each attack, warnings, adversarial examples); then a worker run
 * (on the first images, as the test likes) stopped by its signal after its first batch, and resumed
 * from its last checkpoint on workers again.
 * The outcomes are returned to the test and shown in the page text.
 */
import * as tf from '@tensorflow/tfjs-core';
import { crc32, initBackend } from '@advkit/core';
import { Mlp } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { autoAttack, type AutoAttackName, type AutoAttackOptions, type AutoAttackResult, type AutoAttackState } from '@advkit/attacks';
import { autoAttackInWorkers } from '@advkit/attacks/browser';
import { createAutoAttackWorker } from './autoattack-workers.js';

/** An MLP's layers (weights as PyTorch stores them: [out, in]) and images (0–255) with labels. */
export interface Fixture {
  model: { layers: { weight: number[]; shape: [number, number]; bias: number[] }[] };
  images: number[];
  labels: number[];
}

/** What the test compares: the result of one run, the adversarial examples as the CRC-32 of their bits. */
export interface RunSummary {
  robust: boolean[];
  brokenBy: (string | null)[];
  robustAccuracyAfter: [string, number][];
  warnings: string[];
  xAdvCrc32: number;
  seconds: number;
}

export interface CompareOutcome {
  single: RunSummary;
  workers: RunSummary;
  /** Whether the two runs' adversarial examples are equal bit for bit (not only their CRCs). */
  xAdvBitIdentical: boolean;
  /** Tensors left on the page's engine by the worker run, beside its result's xAdv. */
  leakedTensors: number;
  /** The shards of the checkpointed states, and how many states were saved. */
  shards: [number, number][];
  checkpoints: number;
  /** `batch / batches` of every onProgress call of the worker run. */
  progress: string[];
}

export interface StopOutcome {
  /** The worker run's rejection (the abort reason). */
  rejectedWith: string;
  workersCreated: number;
  workersTerminated: number;
  /** Shards not finished in the last checkpoint before the stop. */
  unfinishedShards: number;
  /**
   * The run resumed from that checkpoint on workers, compared with the single-thread run of `compare`
   * (its first rows: batches are fixed ranges of examples, so the first n images' results do not
   * depend on the images after them).
   */
  resumed: RunSummary;
  resumedBitIdentical: boolean;
}

declare global {
  interface Window {
    autoAttackWorkersCheck?: {
      backend: Awaited<ReturnType<typeof initBackend>>;
      compare(fixture: Fixture, workers: number, batchSize: number): Promise<CompareOutcome>;
      stopAndResume(fixture: Fixture, workers: number, batchSize: number): Promise<StopOutcome>;
    };
  }
}

const VERSION: AutoAttackName[] = ['apgd-ce', 'apgd-t', 'fab-t', 'square'];
/** As the Node test of autoAttackParallel: L∞ ε 0.2 in [0, 1], seed 0. */
const options = (batchSize: number): AutoAttackOptions => ({ threatModel: new LpBall({ norm: 'linf', epsilon: 0.2, box: { min: 0, max: 1 } }), version: [...VERSION], batchSize, seed: 0 });

const bits = (t: tf.Tensor): Uint32Array => {
  const a = t.dataSync() as Float32Array;
  return new Uint32Array(a.buffer.slice(a.byteOffset, a.byteOffset + a.byteLength));
};
const sameBits = (a: Uint32Array, b: Uint32Array): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

function load(f: Fixture): { model: Mlp; x: tf.Tensor2D; y: tf.Tensor1D } {
  const model = new Mlp({ inputShape: [f.model.layers[0]!.shape[1]], hiddenSizes: f.model.layers.slice(0, -1).map((l) => l.shape[0]), numClasses: f.model.layers.at(-1)!.shape[0] });
  model.layers.forEach((l, i) => {
    const { weight, shape, bias } = f.model.layers[i]!;
    tf.tidy(() => {
      l.weight.assign(tf.transpose(tf.tensor2d(weight, shape)));
      l.bias.assign(tf.tensor1d(bias));
    });
  });
  const x = tf.tensor2d(Float32Array.from(f.images, (v) => v / 255), [f.labels.length, model.inputShape[0]!]);
  const y = tf.tensor1d(f.labels, 'int32');
  return { model, x, y };
}

function summary(r: AutoAttackResult, seconds: number): RunSummary {
  const b = bits(r.xAdv);
  return {
    robust: [...r.robust],
    brokenBy: [...r.brokenBy],
    robustAccuracyAfter: r.robustAccuracyAfter.map((a) => [a.attack, a.robustAccuracy]),
    warnings: r.warnings.map((w) => w.code),
    xAdvCrc32: crc32(new Uint8Array(b.buffer)),
    seconds,
  };
}

/** The single-thread run's adversarial examples, kept for stopAndResume. */
let singleBits: Uint32Array | undefined;

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const v = await f();
  return [v, (performance.now() - t0) / 1000];
}

async function compare(fixture: Fixture, workers: number, batchSize: number): Promise<CompareOutcome> {
  const { model, x, y } = load(fixture);
  try {
    const [one, s1] = await timed(() => autoAttack(model, x, y, options(batchSize)));
    singleBits = bits(one.xAdv);
    const single = summary(one, s1);
    one.xAdv.dispose();
    const before = tf.memory().numTensors;
    const states: AutoAttackState[] = [];
    const progress: string[] = [];
    const [par, s2] = await timed(() =>
      autoAttackInWorkers(model, x, y, { ...options(batchSize), workers, createWorker: createAutoAttackWorker, checkpoint: (s) => void states.push(s), onProgress: (p) => progress.push(`${p.attack} ${p.batch}/${p.batches}`) }),
    );
    const leakedTensors = tf.memory().numTensors - before - 1;
    const out: CompareOutcome = {
      single,
      workers: summary(par, s2),
      xAdvBitIdentical: sameBits(bits(par.xAdv), singleBits),
      leakedTensors,
      shards: (states.at(-1)?.shards ?? []).map((s) => [s.start, s.end]),
      checkpoints: states.length,
      progress,
    };
    par.xAdv.dispose();
    return out;
  } finally {
    model.dispose();
    tf.dispose([x, y]);
  }
}

async function stopAndResume(fixture: Fixture, workers: number, batchSize: number): Promise<StopOutcome> {
  if (singleBits === undefined) throw new Error('run compare first');
  const { model, x, y } = load(fixture);
  const created = new Set<Worker>();
  const terminated = new Set<Worker>();
  const createWorker = (): Worker => {
    const w = createAutoAttackWorker();
    const terminate = w.terminate.bind(w);
    w.terminate = () => {
      terminated.add(w);
      terminate();
    };
    created.add(w);
    return w;
  };
  try {
    const ctrl = new AbortController();
    let last: AutoAttackState | undefined;
    const err = await autoAttackInWorkers(model, x, y, {
      ...options(batchSize),
      workers,
      createWorker,
      signal: ctrl.signal,
      checkpoint: (s) => void (last = s),
      // Stop after the first batch of the first attack (the clean pass and one batch are saved by then)
      onProgress: () => ctrl.abort(new DOMException('stopped by the test', 'AbortError')),
    }).then(
      () => 'resolved',
      (e: unknown) => String(e),
    );
    if (last === undefined) throw new Error('no checkpoint before the stop');
    const unfinishedShards = last.shards.filter((s) => s.next.attack < VERSION.length).length;
    const [res, seconds] = await timed(() => autoAttackInWorkers(model, x, y, { ...options(batchSize), workers, createWorker: createAutoAttackWorker, resumeFrom: last! }));
    const out: StopOutcome = {
      rejectedWith: err,
      workersCreated: created.size,
      workersTerminated: terminated.size,
      unfinishedShards,
      resumed: summary(res, seconds),
      resumedBitIdentical: sameBits(bits(res.xAdv), singleBits.subarray(0, res.xAdv.size)),
    };
    res.xAdv.dispose();
    return out;
  } finally {
    model.dispose();
    tf.dispose([x, y]);
  }
}

const result = document.getElementById('result')!;
const show = <T>(what: string, p: Promise<T>): Promise<T> => {
  result.textContent = `${what}…`;
  document.body.dataset.state = 'running';
  return p.then(
    (v) => {
      result.textContent = `${what}: ${JSON.stringify(v, (k, val: unknown) => (k === 'robust' || k === 'brokenBy' ? undefined : val))}`;
      document.body.dataset.state = 'ready';
      return v;
    },
    (e: unknown) => {
      result.textContent = `${what} failed: ${String(e)}`;
      document.body.dataset.state = 'error';
      throw e;
    },
  );
};

// The page's own backend: wasm with tfjs's default threads (several when cross-origin isolated); the
// workers run one wasm thread each.
const backend = await initBackend({ backend: 'wasm' });
window.autoAttackWorkersCheck = {
  backend,
  compare: (f, w, b) => show('compare', compare(f, w, b)),
  stopAndResume: (f, w, b) => show('stop and resume', stopAndResume(f, w, b)),
};
