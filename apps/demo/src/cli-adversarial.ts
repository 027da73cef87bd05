#!/usr/bin/env node
import { readFile, mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { initBackend, AdvkitError, CheckpointError } from '@advkit/core';
import { loadMnist } from '@advkit/datasets';
import type { TrainingState } from '@advkit/trainers';
import { FileCheckpointStore, dataParallelSgd } from '@advkit/trainers/node';
import { CliUsageError } from './node/parse-cli-args.js';
import { parseAdversarialArgs, ADVERSARIAL_USAGE } from './node/parse-adversarial-args.js';
import { ProgressReporter } from './node/progress-reporter.js';
import { formatAdversarialTable } from './node/format-adversarial-table.js';
import { writeFileAtomic } from './node/write-file-atomic.js';
import { formatDuration } from './node/format-duration.js';
import {
  runAdversarialExperimentAsync,
  type AdversarialExperimentCheckpointing,
  type AdversarialExperimentResult,
  type AdversarialModelReport,
  type PhaseTrainer,
  type TrainPhase,
} from './shared/adversarial-experiment.js';

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseAdversarialArgs(argv);
  } catch (e) {
    if (e instanceof CliUsageError) {
      process.stderr.write(`advkit demo:adversarial: ${e.message}\n\n${ADVERSARIAL_USAGE}`);
      return 2;
    }
    throw e;
  }
  if (args.help) {
    process.stdout.write(ADVERSARIAL_USAGE);
    return 0;
  }
  const progress = new ProgressReporter(process.stderr);
  const backend = await initBackend({ backend: args.backend });
  progress.line(`backend: ${backend.backend}${backend.backend === 'wasm' ? ` (SIMD ${backend.simd ? 'on' : 'off'}, ${backend.threads} thread${backend.threads === 1 ? '' : 's'})` : ''}`);
  const t0 = performance.now();
  const mnist = await loadMnist(args.data === undefined ? {} : { dir: resolve(args.data) });
  const loadSeconds = (performance.now() - t0) / 1000;
  progress.line(`MNIST loaded in ${loadSeconds.toFixed(2)} s (${mnist.train.count} train, ${mnist.test.count} test images)`);

  // Checkpoints: per phase, the training state (after every epoch and on Ctrl-C) and, once evaluated,
  // its report, so a resumed run skips finished phases. The async trainers yield to the event loop, so
  // the SIGINT handler runs mid-epoch: the step finishes, the state is saved, we exit 130.
  const ac = new AbortController();
  const interrupted = new Error('interrupted');
  let checkpointing: AdversarialExperimentCheckpointing | undefined;
  if (args.checkpointDir !== undefined) {
    checkpointing = await openCheckpoints(resolve(args.checkpointDir), args.resume, args.settings, progress);
    if (args.checkpointEvery !== undefined) checkpointing.everySteps = args.checkpointEvery;
    process.once('SIGINT', () => ac.abort(interrupted));
  }
  let result: AdversarialExperimentResult;
  try {
    result = await runAdversarialExperimentAsync(mnist, args.settings, {
      signal: ac.signal,
      ...(args.workers > 1 && args.backend === 'wasm' ? { trainer: parallelTrainer(args.settings, args.workers) } : {}),
      ...(checkpointing === undefined ? {} : { checkpointing }),
      onPhase: (phase) => progress.start(phase),
      onProgress: (_phase, p) => progress.update((p.epoch - 1) * p.stepsPerEpoch + p.step, p.epochs * p.stepsPerEpoch, `epoch ${p.epoch}/${p.epochs}`),
      onEvaluateProgress: (_phase, done, total) => progress.update(done, total, `${done}/${total} test images`),
      onEpochEnd: (phase, m) => {
        // the last epoch's duration × epochs to go (right after a resume too, unlike a whole-run average)
        const left = m.seconds * (args.settings.epochs - m.epoch);
        progress.line(
          `${phase}: epoch ${String(m.epoch).padStart(2)}  train loss ${m.trainLoss.toFixed(4)}  train error ${m.trainError.toFixed(4)}  (${formatDuration(m.seconds)}; ~${formatDuration(left)} left in this phase)`,
        );
      },
    });
  } catch (e) {
    if (e !== interrupted) throw e;
    progress.end();
    progress.line(`interrupted: training state saved in ${resolve(args.checkpointDir!)}; continue with --resume`);
    return 130;
  }
  progress.end();
  if (args.json) process.stdout.write(JSON.stringify(toJson(result, backend, loadSeconds)) + '\n');
  else process.stdout.write(formatAdversarialTable(result, backend.backend) + '\n');
  return 0;
}

const PHASES: readonly TrainPhase[] = ['standard', 'pgd-trained'];

/** Both phases on `workers` threads (dataParallelSgd), with the tutorial's training PGD as a plain-data spec. */
function parallelTrainer(s: AdversarialExperimentResult['settings'], workers: number): PhaseTrainer {
  return (phase, model, data, { optimizer: _none, ...options }) =>
    dataParallelSgd(model, data, {
      ...options, // the experiment trains with plain SGD: no optimizer to drop
      workers,
      ...(phase === 'pgd-trained'
        ? {
            attack: {
              kind: 'pgd',
              threatModel: { norm: 'linf', epsilon: s.epsilon, ...(s.clip ? { box: { min: 0, max: 1 } } : {}) },
              steps: s.trainSteps,
              stepSize: s.trainStepSize,
              randomStart: false,
            },
          }
        : {}),
    });
}

/**
 * One FileCheckpointStore per phase plus `<phase>.report.json` (written atomically) in `dir`. Without
 * `resume` an existing run in `dir` is cleared; with it, whatever is there is loaded and checked.
 */
async function openCheckpoints(
  dir: string,
  resume: boolean,
  settings: AdversarialExperimentResult['settings'],
  progress: ProgressReporter,
): Promise<AdversarialExperimentCheckpointing> {
  await mkdir(dir, { recursive: true });
  const stores = Object.fromEntries(PHASES.map((p) => [p, new FileCheckpointStore(dir, { name: `${p}.advkit` })])) as Record<TrainPhase, FileCheckpointStore>;
  const reportPath = (p: TrainPhase) => join(dir, `${p}.report.json`);
  const states: Partial<Record<TrainPhase, TrainingState>> = {};
  const reports: NonNullable<AdversarialExperimentCheckpointing['reports']> = {};
  if (resume) {
    for (const p of PHASES) {
      const s = await stores[p].load();
      if (s !== undefined) states[p] = s;
      const text = await readFile(reportPath(p), 'utf8').catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return undefined;
        throw e;
      });
      if (text !== undefined) {
        try {
          reports[p] = JSON.parse(text) as AdversarialModelReport & { settings: unknown };
        } catch {
          throw new CheckpointError(`demo:adversarial: ${reportPath(p)} is not valid JSON; delete it to evaluate that phase again`);
        }
      }
    }
    const done = PHASES.filter((p) => reports[p] !== undefined);
    const at = states['pgd-trained'] ?? states.standard;
    progress.line(
      done.length === 0 && at === undefined
        ? `no checkpoint in ${dir}; starting afresh`
        : `resuming from ${dir}: ${done.length > 0 ? `${done.join(', ')} evaluated; ` : ''}${at === undefined ? '' : `${String(at.meta?.phase)} training at epoch ${at.epoch}, step ${at.step}`}`,
    );
  } else {
    await Promise.all(PHASES.flatMap((p) => [stores[p].clear(), rm(reportPath(p), { force: true })]));
  }
  return {
    save: (phase, state) => stores[phase].save(state),
    saveReport: (phase, report) => writeFileAtomic(reportPath(phase), JSON.stringify({ ...report, settings }, null, 1) + '\n'),
    resume: states,
    reports,
  };
}

function toJson(r: AdversarialExperimentResult, backend: object, loadSeconds: number): object {
  const model = (m: AdversarialExperimentResult['standard']) => ({
    cleanError: m.cleanError,
    fgsmError: m.fgsmError,
    pgdError: m.pgdError,
    robustError: m.robustError,
    trainSeconds: m.trainSeconds,
    evalSeconds: m.evalSeconds,
    epochs: m.epochs,
    warnings: m.warnings,
  });
  return {
    settings: r.settings,
    backend,
    nTrain: r.nTrain,
    nTest: r.nTest,
    loadSeconds,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    standard: model(r.standard),
    pgdTrained: model(r.pgdTrained),
  };
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const msg = AdvkitError.isInstance(e) ? (e as Error).message : (e as Error)?.stack ?? String(e);
    process.stderr.write(`advkit demo:adversarial: ${msg}\n`);
    process.exitCode = 1;
  },
);
