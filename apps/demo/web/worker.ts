/**
 * The demo's Web Worker: it owns tfjs (wasm backend, SIMD, threads when the page is cross-origin
 * isolated), loads MNIST, and runs the shared experiment runners (the linear one, and the FGSM / PGD one of
 * the second tab, which is the CLI's adversarial command at page scale), posting progress to the page so the page stays responsive. Runs train with the async
 * trainers, which yield to the event loop, so a `stop` message aborts the run's AbortController between
 * two steps. One worker per backend set-up: the thread count is fixed when the backend starts, so the page
 * makes a new worker to change it.
 */
import * as tf from '@tensorflow/tfjs-core';
import { AdvkitError, initBackend } from '@advkit/core';
import { loadMnist, type Mnist, type BinaryData } from '@advkit/datasets';
import { LinearModel, Mlp } from '@advkit/models';
import { dualNormOf, lpNorm } from '@advkit/threat-models';
import { runLinearExperiment, type ModelReport, type Phase, type LinearExperimentSettings } from '../src/shared/linear-experiment.js';
import { runAdversarialExperiment, type AdversarialExperimentSettings } from '../src/shared/adversarial-experiment.js';
import type { GridCell } from '../src/shared/images.js';
import type { FromWorker, PhaseResult, ToWorker } from './protocol.js';
import { autoAttackInWorkers } from '@advkit/attacks/browser';
import { createAutoAttackWorker } from './autoattack-workers.js';

const post = (msg: FromWorker): void => postMessage(msg);

let backendReady: Promise<void> | undefined;
let mnist: Promise<Mnist> | undefined;
/** How long the first (and only) MNIST download took. */
let loadSeconds = 0;
let backendThreads = 1;
/** The run in progress, stopped by a `stop` message. */
let running: AbortController | undefined;

async function init(requested: number | undefined): Promise<void> {
  const isolated = globalThis.crossOriginIsolated === true;
  // Threads need SharedArrayBuffer, i.e. a cross-origin-isolated page; default: one per core.
  // (initBackend lifts tfjs-backend-wasm's cap of hardwareConcurrency / 2 threads, see its `threads` doc)
  const threads = isolated ? Math.min(8, Math.max(1, requested ?? navigator.hardwareConcurrency ?? 1)) : undefined;
  // No wasmPaths: the advkit() Vite plugin (vite.config.ts) serves the binaries and initBackend uses their URLs.
  const info = await initBackend({
    backend: 'wasm',
    ...(threads === undefined ? {} : { threads }),
  });
  backendThreads = info.threads;
  post({ type: 'backend', info, crossOriginIsolated: globalThis.crossOriginIsolated === true });
}

/** Loads MNIST once per worker, reporting downloaded bytes (of the gzipped files) as it goes. */
function getMnist(baseUrl: string): Promise<Mnist> {
  if (mnist) return mnist;
  let loaded = 0;
  let total = 0;
  let last = 0;
  const report = (force = false): void => {
    const now = performance.now();
    if (force || now - last > 100) {
      last = now;
      post({ type: 'load-progress', loaded, total });
    }
  };
  const countingFetch: typeof fetch = async (input, initOptions) => {
    const res = await fetch(input, initOptions);
    if (!res.ok || res.body === null) return res;
    const length = Number(res.headers.get('content-length') ?? Number.NaN);
    // With Content-Encoding the body arrives inflated and Content-Length no longer counts it.
    if (Number.isFinite(length) && res.headers.get('content-encoding') === null) total += length;
    const counter = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        loaded += chunk.length;
        report();
        controller.enqueue(chunk);
      },
    });
    return new Response(res.body.pipeThrough(counter), { status: res.status, statusText: res.statusText, headers: res.headers });
  };
  const t0 = performance.now();
  mnist = loadMnist({ baseUrl, fetch: countingFetch }).then((m) => {
    report(true);
    loadSeconds = (performance.now() - t0) / 1000;
    post({ type: 'loaded', seconds: loadSeconds, trainCount: m.train.count, testCount: m.test.count });
    return m;
  });
  mnist.catch(() => {
    mnist = undefined; // let the user retry after fixing the server
  });
  return mnist;
}

/** The first 10 test examples of each class (−1 then +1): the picks of the experiment's attacked grid. */
function samplePicks(test: BinaryData): number[] {
  const picks: number[] = [];
  for (const label of [-1, 1]) {
    for (let i = 0, k = 0; i < test.n && k < 10; i++) if (test.y[i] === label) (picks.push(i), k++);
  }
  return picks;
}

function phaseResult(phase: Phase, report: ModelReport, model: LinearModel, test: BinaryData, settings: LinearExperimentSettings): PhaseResult {
  const logits = tf.tidy(() => Float32Array.from(model.logits(tf.tensor2d(test.x, [test.n, test.dim])).dataSync()));
  // ‖θ‖_*: the exact attack lowers every margin y·f(x) by ε‖θ‖_*
  const dualNorm = tf.tidy(() => lpNorm(tf.reshape(model.weight, [1, -1]), dualNormOf(settings.norm)).dataSync()[0]!);
  const clean: GridCell[] = samplePicks(test).map((i) => ({
    pixels: test.x.slice(i * test.dim, (i + 1) * test.dim),
    predicted: logits[i]! > 0 ? settings.digits[1] : settings.digits[0],
    correct: logits[i]! > 0 === test.y[i]! > 0,
  }));
  return {
    phase,
    cleanError: report.cleanError,
    adversarialError: report.adversarialError,
    cleanLoss: report.cleanLoss,
    adversarialLoss: report.adversarialLoss,
    trainSeconds: report.trainSeconds,
    perturbation: report.perturbation,
    attacked: report.attackedSamples,
    clean,
    logits,
    labels: Float32Array.from(test.y),
    dualNorm,
  };
}

/** At most one message per 100 ms (and always the last step of an epoch): progress must not flood the page. */
function throttle(): (force: boolean) => boolean {
  let last = 0;
  return (force) => {
    const now = performance.now();
    if (!force && now - last <= 100) return false;
    last = now;
    return true;
  };
}

/** MNIST, or `signal.reason` as soon as the run is stopped (the download goes on and is kept for the next run). */
async function mnistUnlessStopped(mnistUrl: string, signal: AbortSignal): Promise<Mnist> {
  signal.throwIfAborted();
  const stopped = new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
  const cached = mnist !== undefined;
  const data = await Promise.race([getMnist(mnistUrl), stopped]);
  // loaded by an earlier run (of either tab): tell this run's progress bar too
  if (cached) post({ type: 'loaded', seconds: loadSeconds, trainCount: data.train.count, testCount: data.test.count });
  return data;
}

/**
 * Runs one experiment with a fresh AbortController that `stop` aborts; a stopped run ends with a
 * `stopped` message instead of an error.
 */
async function stoppable(work: (signal: AbortSignal) => Promise<void>): Promise<void> {
  if (running !== undefined) throw new Error('A run is already in progress: stop it first.');
  const controller = new AbortController();
  running = controller;
  try {
    await work(controller.signal);
  } catch (e) {
    if (!controller.signal.aborted) throw e;
    post({ type: 'stopped' });
  } finally {
    running = undefined;
  }
}

async function run(settings: LinearExperimentSettings, mnistUrl: string, signal: AbortSignal): Promise<void> {
  const data = await mnistUnlessStopped(mnistUrl, signal);
  const due = throttle();
  const result = await runLinearExperiment(data, settings, {
    signal,
    onPhase: (phase) => post({ type: 'phase', phase }),
    onProgress: (phase, progress) => {
      if (due(progress.step === progress.stepsPerEpoch)) post({ type: 'progress', phase, progress });
    },
    onEpochEnd: (phase, metrics) => post({ type: 'epoch', phase, metrics }),
    onPhaseEnd: (phase, report, model, test) => post({ type: 'phase-done', result: phaseResult(phase, report, model, test, settings) }),
  });
  post({ type: 'done', nTrain: result.nTrain, nTest: result.nTest, rows: result.rows, cols: result.cols });
}

/** The FGSM / PGD tab: a standard and (optionally) a PGD-trained 10-class model, attacked both ways. */
async function runAdversarial(settings: AdversarialExperimentSettings, pgdTraining: boolean, autoAttackWorkers: number, mnistUrl: string, signal: AbortSignal): Promise<void> {
  const data = await mnistUnlessStopped(mnistUrl, signal);
  const t0 = performance.now();
  const due = throttle();
  const result = await runAdversarialExperiment(data, settings, {
    signal,
    pgdTraining,
    attackedDigits: true,
    // AutoAttack's shards on Web Workers of their own (nested in this one): Stop terminates them
    ...(autoAttackWorkers > 0 ? { autoAttack: (model, x, y, options) => autoAttackInWorkers(model, x, y, { ...options, workers: autoAttackWorkers, createWorker: createAutoAttackWorker }) } : {}),
    onPhase: (phase, stage) => post({ type: 'adv-phase', phase, stage }),
    onProgress: (phase, progress) => {
      if (due(progress.step === progress.stepsPerEpoch)) post({ type: 'adv-progress', phase, progress });
    },
    onEpochEnd: (phase, metrics) => post({ type: 'adv-epoch', phase, metrics }),
    onEvaluateProgress: (phase, done, total) => {
      if (due(done === total)) post({ type: 'adv-evaluate-progress', phase, done, total });
    },
    // every batch of every attack: few messages (a batch of AutoAttack takes seconds), so none are dropped
    onAutoAttackProgress: (phase, progress) => post({ type: 'adv-autoattack-progress', phase, progress }),
    onPhaseEnd: (phase, report) => post({ type: 'adv-phase-done', report: { ...report, phase, digits: report.digits! } }),
  });
  post({ type: 'adv-done', nTrain: result.nTrain, nTest: result.nTest, rows: result.rows, cols: result.cols, seconds: (performance.now() - t0) / 1000 });
}

/**
 * Forward + backward passes of an MLP 784-1024-1024-10 (from @advkit/models) on a batch of 256, softmax
 * cross-entropy, gradients of every weight: matrix-heavy work, where wasm threads pay off. Timed two
 * ways: backpropagation written out with explicit transposes (`manual`), and tfjs autodiff
 * (`tf.variableGrads`, `autodiff`: what advkit's trainers run; @advkit/core registers a MatMul gradient
 * with explicit transposes, as tfjs-backend-wasm 4.22 computes transposed-operand products far more slowly).
 */
function benchMlp(steps: number): void {
  const batch = 256;
  const sizes = [784, 1024, 1024, 10];
  const model = new Mlp({ inputShape: [784], hiddenSizes: sizes.slice(1, -1), numClasses: 10, seed: 0 });
  const x = tf.randomUniform([batch, 784], 0, 1, 'float32', 1);
  const y = tf.tidy(() => tf.oneHot(tf.cast(tf.floor(tf.randomUniform([batch], 0, 10, 'float32', 2)), 'int32'), 10));
  const manualStep = (): void =>
    tf.tidy(() => {
      const hs: tf.Tensor2D[] = [x as tf.Tensor2D];
      const zs: tf.Tensor2D[] = [];
      model.layers.forEach((l, i) => {
        const z = tf.add(tf.matMul(hs[i]!, l.weight), l.bias) as tf.Tensor2D;
        zs.push(z);
        hs.push(i + 1 < model.layers.length ? tf.relu(z) : z);
      });
      // d(mean CE)/d logits = (softmax(z) − y) / B
      let dz = tf.div(tf.sub(tf.softmax(zs[zs.length - 1]!), y), batch) as tf.Tensor2D;
      const grads: tf.Tensor[] = [];
      for (let i = model.layers.length - 1; i >= 0; i--) {
        grads.push(tf.matMul(tf.transpose(hs[i]!), dz), tf.sum(dz, 0));
        if (i > 0) {
          const dh = tf.matMul(dz, tf.transpose(model.layers[i]!.weight));
          dz = tf.mul(dh, tf.cast(tf.greater(zs[i - 1]!, 0), 'float32')) as tf.Tensor2D;
        }
      }
      grads[0]!.dataSync(); // wasm kernels run synchronously; this just ends the step
    });
  const autodiffStep = (): void =>
    tf.tidy(() => {
      const { value } = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(y, model.logits(x)) as tf.Scalar, [...model.variables]);
      value.dataSync();
    });
  const time = (step: () => void, n: number): number => {
    step(); // warm-up: operator set-up, memory growth
    const t0 = performance.now();
    for (let i = 0; i < n; i++) step();
    return (performance.now() - t0) / n;
  };
  try {
    const msPerStep = time(manualStep, steps);
    const autodiffMsPerStep = time(autodiffStep, steps);
    let macs = 0;
    for (let i = 0; i + 1 < sizes.length; i++) macs += sizes[i]! * sizes[i + 1]!;
    // forward 2·B·Σ fanIn·fanOut FLOPs; backward about twice that (input and weight gradients)
    const gflopPerStep = (3 * 2 * batch * macs) / 1e9;
    post({ type: 'bench-mlp', threads: backendThreads, msPerStep, autodiffMsPerStep, steps, gflopPerStep });
  } finally {
    model.dispose();
    x.dispose();
    y.dispose();
  }
}

function describe(e: unknown): string {
  if (AdvkitError.isInstance(e)) return (e as Error).message;
  if (e instanceof Error) return e.message;
  if (typeof e === 'object' && e !== null && 'message' in e) return String((e as { message: unknown }).message);
  return String(e);
}

addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  if (msg.type === 'stop') {
    running?.abort(new DOMException('stopped by the user', 'AbortError'));
    return;
  }
  const task = async (): Promise<void> => {
    if (msg.type === 'init') {
      backendReady = init(msg.threads);
      await backendReady;
      return;
    }
    if (backendReady === undefined) throw new Error('the worker got a task before init');
    await backendReady;
    if (msg.type === 'run') await stoppable((signal) => run(msg.settings, msg.mnistUrl, signal));
    else if (msg.type === 'run-adversarial') await stoppable((signal) => runAdversarial(msg.settings, msg.pgdTraining, msg.autoAttackWorkers, msg.mnistUrl, signal));
    else if (msg.type === 'bench-mlp') benchMlp(msg.steps);
  };
  task().catch((e: unknown) => post({ type: 'error', message: describe(e) }));
});
