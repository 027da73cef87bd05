/**
 * The demo page: two tabs (the linear experiment, here; the FGSM / PGD one, adversarial-tab.ts), their
 * settings, live curves, pictures and results tables. All tfjs work happens in worker.ts; this file only
 * draws and routes the worker's messages to the tab whose run is in progress. URL parameters:
 * `threads=N` (wasm threads, when the page is cross-origin isolated), `mnist=<url>` (where the MNIST
 * files are served; default `mnist/`).
 */
import type { EpochMetrics } from '@advkit/trainers';
import type { BackendInfo } from '@advkit/core';
import { LINEAR_DEFAULTS, type LinearExperimentSettings, type Phase } from '../src/shared/linear-experiment.js';
import { perturbationImage, digitGridImage } from '../src/shared/images.js';
import { linearAttackedError } from '@advkit/attacks';
import { TUTORIAL_LINEAR } from '../src/shared/tutorial-reference.js';
import { drawLineChart, drawRgb, type Series } from './charts.js';
import type { FromWorker, PhaseResult, ToWorker } from './protocol.js';
import { createAdversarialTab, type AdversarialStatus } from './adversarial-tab.js';
import { setupTabs } from './tabs.js';

type State = 'starting' | 'ready' | 'loading' | 'training' | 'stopping' | 'done' | 'stopped' | 'error';

/** What the page shows, readable by tests and benchmarks (`window.advkitDemo`). */
interface DemoStatus {
  state: State;
  backend?: BackendInfo;
  crossOriginIsolated: boolean;
  settings?: LinearExperimentSettings;
  epochs: Record<Phase, EpochMetrics[]>;
  results: Partial<Record<Phase, Omit<PhaseResult, 'logits' | 'labels' | 'attacked' | 'clean' | 'perturbation'>>>;
  loadSeconds?: number;
  error?: string;
  bench: { threads: number; msPerStep: number; gflops: number; autodiffMsPerStep: number }[];
  /** The closed-form attacked error of a trained model at ε. */
  attackedErrorAt?: (phase: Phase, epsilon: number) => number;
  /** The second tab (FGSM / PGD on 10 classes). */
  adversarial?: AdversarialStatus;
}

const $ = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page is missing #${id}`);
  return el as T;
};

const params = new URLSearchParams(location.search);
const threadsParam = params.get('threads');
const requestedThreads = threadsParam === null ? undefined : Number(threadsParam);
const mnistUrl = params.get('mnist') ?? 'mnist/';

const status: DemoStatus = { state: 'starting', crossOriginIsolated: globalThis.crossOriginIsolated === true, epochs: { standard: [], robust: [] }, results: {}, bench: [] };
(window as unknown as { advkitDemo: DemoStatus }).advkitDemo = status;
const phaseResults: Partial<Record<Phase, PhaseResult>> = {};
/** Which tab's run the worker is doing (one at a time); its messages go to that tab. */
let activeRun: 'linear' | 'adversarial' | undefined;
let rows = 28;
let cols = 28;

const COLORS: Record<Phase, string> = { standard: '#1f6fd1', robust: '#d9480f' };
const LABELS: Record<Phase, string> = { standard: 'standard', robust: 'robust' };

const LINEAR_BUSY: readonly State[] = ['starting', 'loading', 'training', 'stopping'];

/** The linear tab's state (also `body[data-state]`, which the end-to-end tests wait on). */
function setState(state: State, text?: string): void {
  status.state = state;
  document.body.dataset.state = state;
  if (text !== undefined) $('status').textContent = text;
  refreshButtons();
}

/** One worker runs one thing at a time: every Run (and the speed button) waits for it; Stop belongs to the running tab. */
function refreshButtons(): void {
  const linearBusy = LINEAR_BUSY.includes(status.state);
  const busy = linearBusy || adversarial.busy();
  const ready = status.backend !== undefined;
  $<HTMLButtonElement>('run').disabled = busy || !ready;
  $<HTMLButtonElement>('bench').disabled = busy || !ready;
  $<HTMLButtonElement>('stop').disabled = !(activeRun === 'linear' && (status.state === 'loading' || status.state === 'training'));
  adversarial.refreshButtons(busy, ready);
}

/** Shows `message` in the error box; the tab whose run failed (or the linear one, the default) says so. */
function showError(message: string, tab: 'linear' | 'adversarial' = activeRun ?? 'linear'): void {
  const box = $('error');
  box.textContent = message;
  box.hidden = false;
  activeRun = undefined;
  if (tab === 'adversarial') {
    adversarial.failed(message);
    return;
  }
  status.error = message;
  if (status.backend === undefined) $('backend').textContent = 'The wasm backend did not start (see the message below); reload the page to try again.';
  setState('error', 'Stopped by an error (see above).');
}

/** Before a run: hide the last error, remember which tab runs. */
function beginRun(tab: 'linear' | 'adversarial'): void {
  $('error').hidden = true;
  status.error = undefined;
  activeRun = tab;
}

function createWorker(): Worker {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'advkit-demo' });
}

function send(worker: Worker, msg: ToWorker): void {
  worker.postMessage(msg);
}

// ---------------------------------------------------------------- settings form
function fillDigits(): void {
  for (const [id, value] of [['digit-a', LINEAR_DEFAULTS.digits[0]], ['digit-b', LINEAR_DEFAULTS.digits[1]]] as const) {
    const select = $<HTMLSelectElement>(id);
    for (let d = 0; d <= 9; d++) select.add(new Option(String(d), String(d), d === value, d === value));
  }
}

function readSettings(): LinearExperimentSettings | string {
  const a = Number($<HTMLSelectElement>('digit-a').value);
  const b = Number($<HTMLSelectElement>('digit-b').value);
  const norm = $<HTMLSelectElement>('norm').value as LinearExperimentSettings['norm'];
  const epsilon = Number($<HTMLInputElement>('epsilon').value);
  const epochs = Number($<HTMLInputElement>('epochs').value);
  const robustEpochs = Number($<HTMLInputElement>('robust-epochs').value);
  if (a === b) return 'Pick two different digits.';
  if (!Number.isFinite(epsilon) || epsilon < 0) return 'ε must be a number ≥ 0.';
  if (!Number.isInteger(epochs) || epochs < 1 || !Number.isInteger(robustEpochs) || robustEpochs < 1) return 'Epochs must be whole numbers ≥ 1.';
  return { ...LINEAR_DEFAULTS, digits: [a, b], norm, epsilon, epochs, robustEpochs };
}

const EPS_MAX: Record<LinearExperimentSettings['norm'], number> = { linf: 0.5, l2: 6, l1: 40 };

// ---------------------------------------------------------------- drawing
function drawCurves(): void {
  const series = (key: 'trainLoss' | 'trainError'): Series[] =>
    (['standard', 'robust'] as const)
      .filter((p) => status.epochs[p].length > 0)
      .map((p) => ({ label: LABELS[p], color: COLORS[p], points: status.epochs[p].map((m) => [m.epoch, m[key]] as [number, number]) }));
  const xMax = Math.max(status.settings?.epochs ?? 10, status.settings?.robustEpochs ?? 20);
  drawLineChart($('loss-chart'), series('trainLoss'), { xLabel: 'epoch', yLabel: 'training loss', xMin: 1, xMax, integerX: true });
  drawLineChart($('error-chart'), series('trainError'), { xLabel: 'epoch', yLabel: 'training error', xMin: 1, xMax, integerX: true });
}

function fmt(v: number | undefined): string {
  return v === undefined ? '–' : v.toFixed(4);
}

function drawPhase(r: PhaseResult): void {
  const s = status.settings!;
  const row = document.querySelector<HTMLTableRowElement>(`#results tr[data-phase="${r.phase}"]`)!;
  row.querySelector('.clean')!.textContent = fmt(r.cleanError);
  row.querySelector('.adv')!.textContent = fmt(r.adversarialError);
  row.querySelector('.time')!.textContent = `${r.trainSeconds.toFixed(2)} s`;
  const t = TUTORIAL_LINEAR;
  const sameAsTutorial =
    s.digits[0] === t.digits[0] && s.digits[1] === t.digits[1] && s.norm === t.norm && s.epsilon === t.epsilon &&
    s.epochs === LINEAR_DEFAULTS.epochs && s.robustEpochs === LINEAR_DEFAULTS.robustEpochs;
  row.querySelector('.tclean')!.textContent = sameAsTutorial ? fmt(t[r.phase].cleanError) : '–';
  row.querySelector('.tadv')!.textContent = sameAsTutorial ? fmt(t[r.phase].adversarialError) : '–';
  $('tutorial-note').textContent = sameAsTutorial
    ? 'Tutorial figures: its PyTorch code re-run (MNIST 0 vs 1, exact ℓ∞ attack, ε = 0.2). Other seeds give attacked errors 0.81–0.85 for the standard model.'
    : 'The tutorial reports figures only for 0 vs 1, ℓ∞, ε = 0.2, 10 + 20 epochs.';
  drawRgb($(`delta-${r.phase}`), perturbationImage(r.perturbation, rows, cols));
  drawRgb($(`clean-${r.phase}`), digitGridImage(r.clean, rows, cols));
  drawRgb($(`attacked-${r.phase}`), digitGridImage(r.attacked, rows, cols));
  drawEpsilon();
}

function drawEpsilon(): void {
  const slider = $<HTMLInputElement>('eps-slider');
  const eps = Number(slider.value);
  $('eps-value').textContent = eps.toFixed(3);
  const max = Number(slider.max);
  const parts: string[] = [];
  const series: Series[] = [];
  for (const phase of ['standard', 'robust'] as const) {
    const r = phaseResults[phase];
    if (!r) continue;
    parts.push(`${LABELS[phase]} model: attacked error ${linearAttackedError(r.logits, r.labels, { dualNorm: r.dualNorm, epsilon: eps }).toFixed(4)}`);
    const points: [number, number][] = [];
    for (let i = 0; i <= 100; i++) {
      const e = (max * i) / 100;
      points.push([e, linearAttackedError(r.logits, r.labels, { dualNorm: r.dualNorm, epsilon: e })]);
    }
    series.push({ label: LABELS[phase], color: COLORS[phase], points });
  }
  $('eps-errors').textContent = parts.join('  ·  ');
  drawLineChart($('eps-chart'), series, { xLabel: 'ε', yLabel: 'attacked test error', xMin: 0, xMax: max, yMin: 0, yMax: 1, markerX: eps });
}

function describeBackend(info: BackendInfo, isolated: boolean): string {
  return `backend ${info.backend} · SIMD ${info.simd ? 'on' : 'off'} · ${info.threads} thread${info.threads === 1 ? '' : 's'} · ` +
    `cross-origin isolated: ${isolated ? 'yes' : 'no (threads need the COOP/COEP headers)'}`;
}

// ---------------------------------------------------------------- the training worker
const worker = createWorker();
const adversarial = createAdversarialTab({
  send: (msg) => send(worker, msg),
  mnistUrl: () => new URL(mnistUrl, location.href).href,
  start: () => beginRun('adversarial'),
  showError: (message) => showError(message, 'adversarial'),
  changed: () => refreshButtons(),
});
status.adversarial = adversarial.status;

function onMessage(msg: FromWorker): void {
  if (msg.type === 'error') {
    showError(msg.message);
    return;
  }
  if (activeRun === 'adversarial' || msg.type.startsWith('adv-')) {
    if (msg.type === 'adv-done' || msg.type === 'stopped') activeRun = undefined;
    adversarial.handle(msg);
    return;
  }
  switch (msg.type) {
    case 'backend':
      status.backend = msg.info;
      status.crossOriginIsolated = msg.crossOriginIsolated;
      $('backend').textContent = describeBackend(msg.info, msg.crossOriginIsolated);
      setState('ready', 'Ready: pick the settings and press Run.');
      $('adv-status').textContent = 'Ready: pick the settings and press Run.';
      break;
    case 'load-progress': {
      const p = $<HTMLProgressElement>('load-progress');
      p.max = Math.max(msg.total, 1);
      p.value = msg.loaded;
      $('load-text').textContent = `${(msg.loaded / 1e6).toFixed(1)} of ${(msg.total / 1e6).toFixed(1)} MB`;
      break;
    }
    case 'loaded':
      status.loadSeconds = msg.seconds;
      $<HTMLProgressElement>('load-progress').value = $<HTMLProgressElement>('load-progress').max;
      $('load-text').textContent = `${msg.trainCount} + ${msg.testCount} images in ${msg.seconds.toFixed(1)} s`;
      if (status.state !== 'stopping') setState('training', 'Training…');
      break;
    case 'phase':
      if (status.state === 'stopping') break;
      setState('training', msg.phase === 'standard' ? 'Standard training (SGD on the logistic loss)…' : 'Robust training (SGD on the closed-form robust loss)…');
      break;
    case 'progress': {
      const p = msg.progress;
      const bar = $<HTMLProgressElement>('train-progress');
      bar.max = p.epochs * p.stepsPerEpoch;
      bar.value = (p.epoch - 1) * p.stepsPerEpoch + p.step;
      $('train-text').textContent = `${LABELS[msg.phase]}: epoch ${p.epoch}/${p.epochs}`;
      break;
    }
    case 'epoch':
      status.epochs[msg.phase].push(msg.metrics);
      drawCurves();
      break;
    case 'phase-done': {
      const { logits: _l, labels: _y, attacked: _a, clean: _c, perturbation: _p, ...numbers } = msg.result;
      status.results[msg.result.phase] = numbers;
      phaseResults[msg.result.phase] = msg.result;
      drawPhase(msg.result);
      $<HTMLInputElement>('eps-slider').disabled = false;
      break;
    }
    case 'done':
      activeRun = undefined;
      rows = msg.rows;
      cols = msg.cols;
      setState('done', `Done: ${msg.nTrain} training and ${msg.nTest} test images. Move the ε slider to see the attacked error of both models.`);
      break;
    case 'stopped':
      activeRun = undefined;
      setState('stopped', 'Stopped. Change the settings if you like and press Run to start a new run.');
      break;
    default:
      break; // bench-mlp: handled by runBench's own workers
  }
}

function attachWorker(w: Worker): void {
  w.addEventListener('message', (e: MessageEvent<FromWorker>) => onMessage(e.data));
  w.addEventListener('error', (e) => showError(`The worker failed: ${e.message || 'it could not be loaded'}`));
  send(w, { type: 'init', ...(requestedThreads === undefined ? {} : { threads: requestedThreads }) });
}

function startRun(): void {
  const settings = readSettings();
  if (typeof settings === 'string') {
    showError(settings, 'linear');
    return;
  }
  beginRun('linear');
  status.settings = settings;
  status.epochs = { standard: [], robust: [] };
  status.results = {};
  for (const k of Object.keys(phaseResults) as Phase[]) delete phaseResults[k];
  const slider = $<HTMLInputElement>('eps-slider');
  slider.max = String(EPS_MAX[settings.norm]);
  slider.step = String(EPS_MAX[settings.norm] / 200);
  slider.value = String(Math.min(settings.epsilon, EPS_MAX[settings.norm]));
  slider.disabled = true;
  drawCurves();
  drawEpsilon();
  setState('loading', 'Loading MNIST…');
  send(worker, { type: 'run', settings, mnistUrl: new URL(mnistUrl, location.href).href });
}

// ---------------------------------------------------------------- the MLP speed measurement
async function benchOnce(threads: number): Promise<DemoStatus['bench'][number]> {
  const w = createWorker();
  try {
    return await new Promise((resolve, reject) => {
      w.addEventListener('message', (e: MessageEvent<FromWorker>) => {
        const msg = e.data;
        if (msg.type === 'backend') send(w, { type: 'bench-mlp', steps: 10 });
        else if (msg.type === 'bench-mlp') resolve({ threads: msg.threads, msPerStep: msg.msPerStep, gflops: msg.gflopPerStep / (msg.msPerStep / 1000), autodiffMsPerStep: msg.autodiffMsPerStep });
        else if (msg.type === 'error') reject(new Error(msg.message));
      });
      w.addEventListener('error', (e) => reject(new Error(e.message)));
      send(w, { type: 'init', threads });
    });
  } finally {
    w.terminate();
  }
}

async function runBench(): Promise<void> {
  const prev = status.state;
  setState('training', 'Measuring MLP speed…');
  const body = $('bench-table').querySelector('tbody')!;
  body.textContent = '';
  status.bench = [];
  const all = status.crossOriginIsolated ? Math.max(2, navigator.hardwareConcurrency || 2) : 1;
  try {
    for (const threads of [...new Set([1, all])]) {
      const r = await benchOnce(threads);
      status.bench.push(r);
      const tr = body.insertRow();
      for (const v of [String(r.threads), r.msPerStep.toFixed(1), r.gflops.toFixed(1), r.autodiffMsPerStep.toFixed(0)]) tr.insertCell().textContent = v;
    }
    if (!status.crossOriginIsolated) body.insertRow().insertCell().textContent = 'Threads need a cross-origin-isolated page.';
    setState(prev === 'error' ? 'ready' : prev, 'Speed measured.');
  } catch (e) {
    showError(`The speed measurement failed: ${(e as Error).message}`, 'linear');
  }
}

// ---------------------------------------------------------------- wiring
fillDigits();
status.attackedErrorAt = (phase, epsilon) => {
  const r = phaseResults[phase];
  if (!r) throw new Error(`no ${phase} model yet`);
  return linearAttackedError(r.logits, r.labels, { dualNorm: r.dualNorm, epsilon });
};
$<HTMLFormElement>('settings').addEventListener('submit', (e) => {
  e.preventDefault();
  startRun();
});
$('eps-slider').addEventListener('input', drawEpsilon);
$('norm').addEventListener('change', () => {
  const norm = $<HTMLSelectElement>('norm').value as LinearExperimentSettings['norm'];
  $<HTMLInputElement>('epsilon').value = String({ linf: 0.2, l2: 2, l1: 10 }[norm]);
});
$('bench').addEventListener('click', () => void runBench());
$('stop').addEventListener('click', () => {
  if (activeRun !== 'linear' || !(status.state === 'loading' || status.state === 'training')) return;
  setState('stopping', 'Stopping after the current step…');
  send(worker, { type: 'stop' });
});
setupTabs($('tabs'));
attachWorker(worker);
drawCurves();
drawEpsilon();
