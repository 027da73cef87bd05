/**
 * The page's second tab, "FGSM / PGD, 10 classes": its settings form, live curves, results table and
 * attacked digits. The worker runs `runAdversarialExperiment` (src/shared/, the CLI's adversarial command too); this file only reads the
 * form and draws what the worker posts. main.ts owns the worker and routes the messages here.
 */
import type { EpochMetrics } from '@advkit/trainers';
import type { AutoAttackProgress } from '@advkit/attacks';
import { pageDefaults, type AdversarialExperimentSettings, type TrainPhase } from '../src/shared/adversarial-experiment.js';
import { TUTORIAL_CNN } from '../src/shared/tutorial-reference.js';
import { digitGridImage, type GridCell } from '../src/shared/images.js';
import { drawLineChart, drawRgb, type Series } from './charts.js';
import type { AdversarialPhaseReport, FromWorker, ToWorker } from './protocol.js';

/** The tab's form: the experiment's settings, whether to train the PGD-trained model too, and AutoAttack's Web Workers (0: none). */
type TabSettings = AdversarialExperimentSettings & { pgdTraining: boolean; autoAttackWorkers: number };

export type AdversarialState = 'idle' | 'loading' | 'training' | 'evaluating' | 'autoattack' | 'stopping' | 'done' | 'stopped' | 'error';

/** What the tab shows, readable by tests (`window.advkitDemo.adversarial`). */
export interface AdversarialStatus {
  state: AdversarialState;
  settings?: TabSettings;
  epochs: Record<TrainPhase, EpochMetrics[]>;
  /** Each evaluated model's report, without the pictures; `wrongDigits` counts the red cells of its grid. */
  results: Partial<Record<TrainPhase, Omit<AdversarialPhaseReport, 'digits'> & { wrongDigits: { clean: number; fgsm: number; pgd: number } }>>;
  /** AutoAttack's last progress report (autoAttack's `onProgress`) and the model it is attacking. */
  autoAttackProgress?: AutoAttackProgress & { phase: TrainPhase };
  /** Wall-clock seconds of the last finished run (training and evaluation, MNIST loading excluded). */
  seconds?: number;
  error?: string;
}

export interface AdversarialTab {
  readonly status: AdversarialStatus;
  /** A run of this tab is in progress (the worker is busy). */
  busy(): boolean;
  /** Enables the tab's buttons: Run when nothing runs and the backend is up, Stop during this tab's run. */
  refreshButtons(workerBusy: boolean, backendReady: boolean): void;
  /** Handles a worker message of this tab's run (the `adv-*` ones, and load progress, `stopped` while it runs). */
  handle(msg: FromWorker): void;
  /** The run failed: the page shows the message at the top; the tab says so. */
  failed(message: string): void;
}

const PHASES: readonly TrainPhase[] = ['standard', 'pgd-trained'];
const COLORS: Record<TrainPhase, string> = { standard: '#1f6fd1', 'pgd-trained': '#d9480f' };
const LABELS: Record<TrainPhase, string> = { standard: 'standard', 'pgd-trained': 'PGD-trained' };
const BUSY: readonly AdversarialState[] = ['loading', 'training', 'evaluating', 'autoattack', 'stopping'];

const $ = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page is missing #${id}`);
  return el as T;
};

function fmt(v: number | undefined): string {
  return v === undefined ? '–' : v.toFixed(4);
}

/**
 * Wires the tab. `send` posts to the worker; `start` is called before a run is sent (main.ts clears the
 * error box and notes which tab runs); `showError` shows a message in the page's error box;
 * `changed` is called whenever the tab's state changes (main.ts refreshes every button).
 */
export function createAdversarialTab(deps: {
  send: (msg: ToWorker) => void;
  mnistUrl: () => string;
  start: () => void;
  showError: (message: string) => void;
  changed: () => void;
}): AdversarialTab {
  const status: AdversarialStatus = { state: 'idle', epochs: { standard: [], 'pgd-trained': [] }, results: {} };
  let rows = 28;
  let cols = 28;

  const setState = (state: AdversarialState, text?: string): void => {
    status.state = state;
    $('panel-adversarial').dataset.state = state;
    if (text !== undefined) $('adv-status').textContent = text;
    deps.changed();
  };

  // ------------------------------------------------------------ the form
  const fields = {
    trainSize: $<HTMLInputElement>('adv-train-size'),
    testSize: $<HTMLInputElement>('adv-test-size'),
    epochs: $<HTMLInputElement>('adv-epochs'),
    learningRate: $<HTMLInputElement>('adv-lr'),
    epsilon: $<HTMLInputElement>('adv-epsilon'),
    steps: $<HTMLInputElement>('adv-steps'),
    stepSize: $<HTMLInputElement>('adv-step-size'),
    autoAttackImages: $<HTMLInputElement>('adv-autoattack-n'),
    autoAttackWorkers: $<HTMLInputElement>('adv-autoattack-workers'),
  };
  // not a setting of the experiment (the numbers do not depend on it): one worker per core, at most 16
  fields.autoAttackWorkers.value = String(Math.min(16, Math.max(1, navigator.hardwareConcurrency || 1)));
  const modelSelect = $<HTMLSelectElement>('adv-model');
  const pgdTraining = $<HTMLInputElement>('adv-pgd-training');

  /** Puts a model's suggested settings (pageDefaults) in the form. */
  const fillDefaults = (model: 'mlp' | 'cnn'): void => {
    const d = pageDefaults(model);
    fields.trainSize.value = String(d.trainSize);
    fields.testSize.value = String(d.testSize);
    fields.epochs.value = String(d.epochs);
    fields.learningRate.value = String(d.learningRate);
    fields.epsilon.value = String(d.epsilon);
    fields.steps.value = String(d.evalSteps);
    fields.stepSize.value = String(d.evalStepSize);
    fields.autoAttackImages.value = String(d.autoAttackImages);
  };

  /** The settings in the form, or what is wrong with them in plain words. */
  const readSettings = (): TabSettings | string => {
    const model = modelSelect.value === 'cnn' ? 'cnn' : 'mlp';
    const v = Object.fromEntries(Object.entries(fields).map(([k, el]) => [k, el.value.trim() === '' ? Number.NaN : Number(el.value)])) as Record<keyof typeof fields, number>;
    const whole = (x: number, lo: number, hi: number): boolean => Number.isInteger(x) && x >= lo && x <= hi;
    if (!whole(v.trainSize, 100, 60_000)) return 'Training images must be a whole number from 100 to 60,000.';
    if (!whole(v.testSize, 10, 10_000)) return 'Test images must be a whole number from 10 to 10,000.';
    if (!whole(v.epochs, 1, 50)) return 'Epochs must be a whole number from 1 to 50.';
    if (!(v.learningRate > 0 && v.learningRate <= 10)) return 'The learning rate must be a number above 0 (and at most 10).';
    if (!(v.epsilon >= 0 && v.epsilon <= 1)) return 'ε must be a number from 0 to 1 (pixels are in [0, 1]).';
    if (!whole(v.steps, 1, 200)) return 'PGD steps must be a whole number from 1 to 200.';
    if (!(v.stepSize >= 0 && v.stepSize <= 1)) return 'The PGD step size must be a number from 0 to 1.';
    if (!whole(v.autoAttackImages, 0, 10_000)) return 'AutoAttack images must be a whole number from 0 to 10,000 (0: no AutoAttack).';
    if (!whole(v.autoAttackWorkers, 0, 16)) return 'AutoAttack workers must be a whole number from 0 to 16 (0: in the demo\'s own worker).';
    return {
      ...pageDefaults(model),
      trainSize: v.trainSize,
      testSize: v.testSize,
      epochs: v.epochs,
      learningRate: v.learningRate,
      epsilon: v.epsilon,
      trainSteps: v.steps,
      trainStepSize: v.stepSize,
      evalSteps: v.steps,
      evalStepSize: v.stepSize,
      autoAttackImages: v.autoAttackImages,
      pgdTraining: pgdTraining.checked,
      autoAttackWorkers: v.autoAttackWorkers,
    };
  };

  // ------------------------------------------------------------ drawing
  const drawCurves = (): void => {
    const series = (key: 'trainLoss' | 'trainError'): Series[] =>
      PHASES.filter((p) => status.epochs[p].length > 0).map((p) => ({ label: LABELS[p], color: COLORS[p], points: status.epochs[p].map((m) => [m.epoch, m[key]] as [number, number]) }));
    const xMax = Math.max(2, status.settings?.epochs ?? 3);
    drawLineChart($('adv-loss-chart'), series('trainLoss'), { xLabel: 'epoch', yLabel: 'training loss', xMin: 1, xMax, integerX: true });
    drawLineChart($('adv-error-chart'), series('trainError'), { xLabel: 'epoch', yLabel: 'training error', xMin: 1, xMax, yMin: 0, yMax: 1, integerX: true });
  };

  const row = (phase: TrainPhase): HTMLTableRowElement => document.querySelector<HTMLTableRowElement>(`#adv-results tr[data-phase="${phase}"]`)!;

  const clearResults = (): void => {
    for (const phase of PHASES) {
      const r = row(phase);
      for (const k of ['clean', 'fgsm', 'pgd', 'worst', 'autoattack', 'time']) r.querySelector(`.${k}`)!.textContent = '–';
      for (const kind of ['clean', 'fgsm', 'pgd']) {
        const c = $<HTMLCanvasElement>(`adv-grid-${phase}-${kind}`);
        c.width = 10;
        c.height = 10;
      }
      $(`adv-grid-${phase}-summary`).textContent = '';
    }
    $('adv-warnings').textContent = '';
    $('adv-autoattack-summary').textContent = '';
  };

  const drawReport = (report: AdversarialPhaseReport): void => {
    const r = row(report.phase);
    r.querySelector('.clean')!.textContent = fmt(report.cleanError);
    r.querySelector('.fgsm')!.textContent = fmt(report.fgsmError);
    r.querySelector('.pgd')!.textContent = fmt(report.pgdError);
    r.querySelector('.worst')!.textContent = fmt(report.robustError);
    r.querySelector('.time')!.textContent = `${report.trainSeconds.toFixed(1)} s`;
    const a = report.autoAttack;
    r.querySelector('.autoattack')!.textContent = a === undefined ? 'not run' : fmt(a.robustError);
    if (a !== undefined) {
      const el = $('adv-autoattack-summary');
      const broken = (['apgd-ce', 'apgd-t', 'fab-t', 'square'] as const).map((k) => `${k} ${a.brokenBy[k]}`).join(', ');
      el.textContent = `${el.textContent ?? ''}${LABELS[report.phase]} model, AutoAttack: ${a.n} test images in ${a.seconds.toFixed(1)} s (wrong clean ${a.brokenBy.clean}; broken by ${broken}; robust ${a.brokenBy.none}). `;
      if (a.warnings.length > 0) $('adv-warnings').textContent = `${$('adv-warnings').textContent ?? ''}${LABELS[report.phase]} model, AutoAttack: ${a.warnings.join(' ')} `;
    }
    const wrong = (cells: GridCell[]): number => cells.filter((c) => !c.correct).length;
    const d = report.digits;
    for (const kind of ['clean', 'fgsm', 'pgd'] as const) drawRgb($(`adv-grid-${report.phase}-${kind}`), digitGridImage(d[kind], rows, cols, 10, 3));
    const n = d.labels.length;
    $(`adv-grid-${report.phase}-summary`).textContent = `Wrong on ${wrong(d.clean)} of ${n} clean, ${wrong(d.fgsm)} of ${n} under FGSM, ${wrong(d.pgd)} of ${n} under PGD.`;
    if (report.warnings.length > 0) {
      const el = $('adv-warnings');
      el.textContent = `${el.textContent ?? ''}${LABELS[report.phase]} model: ${report.warnings.join(' ')} `;
    }
    const { digits: _d, ...numbers } = report;
    status.results[report.phase] = { ...numbers, wrongDigits: { clean: wrong(d.clean), fgsm: wrong(d.fgsm), pgd: wrong(d.pgd) } };
  };

  const describeSettings = (s: TabSettings): string =>
    `${s.model === 'cnn' ? 'the tutorial CNN' : 'MLP 784-100-10'}, ${s.trainSize} training images × ${s.epochs} epoch${s.epochs === 1 ? '' : 's'}, ` +
    `ε = ${s.epsilon}, PGD ${s.evalSteps} steps of ${s.evalStepSize}`;

  // ------------------------------------------------------------ runs
  const startRun = (): void => {
    const settings = readSettings();
    if (typeof settings === 'string') {
      status.error = settings;
      deps.showError(settings);
      setState('error', 'Fix the settings and press Run.');
      return;
    }
    deps.start();
    status.error = undefined;
    status.settings = settings;
    status.epochs = { standard: [], 'pgd-trained': [] };
    status.results = {};
    status.seconds = undefined;
    status.autoAttackProgress = undefined;
    clearResults();
    $<HTMLProgressElement>('adv-autoattack-progress').value = 0;
    $('adv-autoattack-text').textContent = '';
    row('pgd-trained').querySelector('.clean')!.textContent = settings.pgdTraining ? '–' : 'not trained';
    $<HTMLProgressElement>('adv-train-progress').value = 0;
    $('adv-train-text').textContent = '';
    drawCurves();
    setState('loading', 'Loading MNIST…');
    const { pgdTraining: train, autoAttackWorkers, ...experiment } = settings;
    deps.send({ type: 'run-adversarial', settings: experiment, pgdTraining: train, autoAttackWorkers, mnistUrl: deps.mnistUrl() });
  };

  const stop = (): void => {
    if (!BUSY.includes(status.state) || status.state === 'stopping') return;
    setState('stopping', 'Stopping after the current step…');
    deps.send({ type: 'stop' });
  };

  const handle = (msg: FromWorker): void => {
    switch (msg.type) {
      case 'load-progress': {
        const p = $<HTMLProgressElement>('adv-load-progress');
        p.max = Math.max(msg.total, 1);
        p.value = msg.loaded;
        $('adv-load-text').textContent = `${(msg.loaded / 1e6).toFixed(1)} of ${(msg.total / 1e6).toFixed(1)} MB`;
        break;
      }
      case 'loaded':
        $<HTMLProgressElement>('adv-load-progress').value = $<HTMLProgressElement>('adv-load-progress').max;
        $('adv-load-text').textContent = `${msg.trainCount} + ${msg.testCount} images in ${msg.seconds.toFixed(1)} s`;
        break;
      case 'adv-phase':
        if (status.state === 'stopping') break;
        if (msg.stage === 'train') {
          setState('training', msg.phase === 'standard' ? 'Standard training (SGD on clean images)…' : 'PGD training (SGD on PGD-attacked images)…');
        } else if (msg.stage === 'evaluate') {
          setState('evaluating', `Attacking the ${LABELS[msg.phase]} model on the test images (FGSM, then PGD)…`);
        } else {
          const w = status.settings?.autoAttackWorkers ?? 0;
          setState('autoattack', `AutoAttack on the ${LABELS[msg.phase]} model (APGD-CE, APGD-T, FAB-T, Square)${w > 0 ? ` on ${w} Web Worker${w === 1 ? '' : 's'}` : ''}…`);
        }
        break;
      case 'adv-autoattack-progress': {
        const p = msg.progress;
        status.autoAttackProgress = { ...p, phase: msg.phase };
        const bar = $<HTMLProgressElement>('adv-autoattack-progress');
        bar.max = p.batches;
        bar.value = p.batch;
        $('adv-autoattack-text').textContent = `${LABELS[msg.phase]}: ${p.attack}, batch ${p.batch}/${p.batches}; ${p.robust} of ${p.n} images still robust`;
        break;
      }
      case 'adv-progress': {
        const p = msg.progress;
        const bar = $<HTMLProgressElement>('adv-train-progress');
        bar.max = p.epochs * p.stepsPerEpoch;
        bar.value = (p.epoch - 1) * p.stepsPerEpoch + p.step;
        $('adv-train-text').textContent = `${LABELS[msg.phase]}: epoch ${p.epoch}/${p.epochs}`;
        break;
      }
      case 'adv-evaluate-progress': {
        const bar = $<HTMLProgressElement>('adv-train-progress');
        bar.max = msg.total;
        bar.value = msg.done;
        $('adv-train-text').textContent = `${LABELS[msg.phase]}: attacked ${msg.done}/${msg.total} test images`;
        break;
      }
      case 'adv-epoch':
        status.epochs[msg.phase].push(msg.metrics);
        drawCurves();
        break;
      case 'adv-phase-done':
        drawReport(msg.report);
        break;
      case 'adv-done':
        rows = msg.rows;
        cols = msg.cols;
        status.seconds = msg.seconds;
        setState('done', `Done in ${msg.seconds.toFixed(1)} s: ${describeSettings(status.settings!)}; ${msg.nTest} test images.`);
        break;
      case 'stopped':
        setState('stopped', 'Stopped. Change the settings if you like and press Run to start a new run.');
        break;
      default:
        break;
    }
  };

  // ------------------------------------------------------------ wiring
  fillDefaults('mlp');
  modelSelect.addEventListener('change', () => fillDefaults(modelSelect.value === 'cnn' ? 'cnn' : 'mlp'));
  $<HTMLFormElement>('adv-settings').addEventListener('submit', (e) => {
    e.preventDefault();
    startRun();
  });
  $('adv-stop').addEventListener('click', stop);
  drawCurves();
  const tutorial = { standard: TUTORIAL_CNN.standard, 'pgd-trained': TUTORIAL_CNN.pgdTrained };
  for (const phase of PHASES) {
    row(phase).querySelector('.tclean')!.textContent = fmt(tutorial[phase].cleanError);
    row(phase).querySelector('.tpgd')!.textContent = fmt(tutorial[phase].pgdError);
  }
  return {
    status,
    busy: () => BUSY.includes(status.state),
    refreshButtons(workerBusy, backendReady) {
      $<HTMLButtonElement>('adv-run').disabled = workerBusy || !backendReady;
      $<HTMLButtonElement>('adv-stop').disabled = !BUSY.includes(status.state) || status.state === 'stopping';
    },
    handle,
    failed(message) {
      status.error = message;
      setState('error', 'Stopped by an error (see above).');
    },
  };
}
