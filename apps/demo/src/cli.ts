#!/usr/bin/env node
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { initBackend, AdvkitError } from '@advkit/core';
import { loadMnist } from '@advkit/datasets';
import { parseCliArgs, CliUsageError, USAGE } from './node/parse-cli-args.js';
import { ProgressReporter } from './node/progress-reporter.js';
import { formatTable } from './node/format-table.js';
import { encodePng } from './node/encode-png.js';
import { writeFileAtomic } from './node/write-file-atomic.js';
import { FileCheckpointStore } from '@advkit/trainers/node';
import type { TrainingState } from '@advkit/trainers';
import { runLinearExperimentAsync, type LinearExperimentResult, type LinearExperimentCheckpointing, type Phase } from './shared/linear-experiment.js';
import { perturbationImage, digitGridImage, type RgbImage } from './shared/images.js';

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseCliArgs(argv);
  } catch (e) {
    if (e instanceof CliUsageError) {
      process.stderr.write(`advkit demo: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  if (args.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const progress = new ProgressReporter(process.stderr);
  const backend = await initBackend({ backend: args.backend });
  progress.line(`backend: ${backend.backend}${backend.backend === 'wasm' ? ` (SIMD ${backend.simd ? 'on' : 'off'}, ${backend.threads} thread${backend.threads === 1 ? '' : 's'})` : ''}`);

  const t0 = performance.now();
  const mnist = await loadMnist(args.data === undefined ? {} : { dir: resolve(args.data) });
  const loadSeconds = (performance.now() - t0) / 1000;
  progress.line(`MNIST loaded in ${loadSeconds.toFixed(2)} s (${mnist.train.count} train, ${mnist.test.count} test images)`);

  const labels = { standard: 'standard training', robust: 'robust training' } as const;
  // Checkpoints: one file per phase. The async runner yields to the event loop between steps, so the
  // SIGINT handler below runs mid-epoch; it aborts the signal, the trainer finishes its current step,
  // saves, and rejects with the reason; we exit 130 (128 + SIGINT) as a shell expects.
  let checkpointing: LinearExperimentCheckpointing | undefined;
  const ac = new AbortController();
  const interrupted = new Error('interrupted');
  if (args.checkpointDir !== undefined) {
    const dir = resolve(args.checkpointDir);
    const stores = { standard: new FileCheckpointStore(dir, { name: 'standard.advkit' }), robust: new FileCheckpointStore(dir, { name: 'robust.advkit' }) };
    const resume: Partial<Record<Phase, TrainingState>> = {};
    if (args.resume) {
      for (const phase of ['standard', 'robust'] as const) {
        const s = await stores[phase].load();
        if (s !== undefined) resume[phase] = s;
      }
      const at = resume.robust ?? resume.standard;
      progress.line(at === undefined ? `no checkpoint in ${dir}; starting afresh` : `resuming ${String(at.meta?.phase)} training at epoch ${at.epoch}, step ${at.step}`);
    } else {
      await Promise.all([stores.standard.clear(), stores.robust.clear()]);
    }
    checkpointing = { save: (phase, state) => stores[phase].save(state), resume };
    process.once('SIGINT', () => ac.abort(interrupted));
  }
  let result: LinearExperimentResult;
  try {
    result = await runLinearExperimentAsync(mnist, args.settings, {
      signal: ac.signal,
      ...(checkpointing === undefined ? {} : { checkpointing }),
      onPhase: (phase) => progress.start(labels[phase]),
    onProgress: (_phase, p) => progress.update((p.epoch - 1) * p.stepsPerEpoch + p.step, p.epochs * p.stepsPerEpoch, `epoch ${p.epoch}/${p.epochs}`),
    onEpochEnd: (phase, m) =>
      progress.line(`${labels[phase]}: epoch ${String(m.epoch).padStart(2)}  train loss ${m.trainLoss.toFixed(4)}  train error ${m.trainError.toFixed(4)}  (${m.seconds.toFixed(2)} s)`),
    });
  } catch (e) {
    if (e !== interrupted) throw e;
    progress.end();
    progress.line(`interrupted: training state saved in ${resolve(args.checkpointDir!)}; continue with --resume`);
    return 130;
  }
  progress.end();

  const images = args.out === undefined ? [] : await writeImages(resolve(args.out), result);
  if (args.json) {
    process.stdout.write(JSON.stringify(toJson(result, backend, loadSeconds, images)) + '\n');
  } else {
    process.stdout.write(formatTable(result, backend.backend) + '\n');
    for (const f of images) process.stdout.write(`wrote ${f}\n`);
  }
  return 0;
}

async function writeImages(dir: string, r: LinearExperimentResult): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: [string, RgbImage][] = [
    ['perturbation-standard.png', perturbationImage(r.standard.perturbation, r.rows, r.cols)],
    ['perturbation-robust.png', perturbationImage(r.robust.perturbation, r.rows, r.cols)],
    ['attacked-standard.png', digitGridImage(r.standard.attackedSamples, r.rows, r.cols)],
    ['attacked-robust.png', digitGridImage(r.robust.attackedSamples, r.rows, r.cols)],
  ];
  const written: string[] = [];
  for (const [name, img] of files) {
    const path = join(dir, name);
    await writeFileAtomic(path, encodePng(img.width, img.height, img.rgb));
    written.push(path);
  }
  return written;
}

function toJson(r: LinearExperimentResult, backend: object, loadSeconds: number, images: string[]): object {
  const model = (m: LinearExperimentResult['standard']) => ({
    cleanError: m.cleanError,
    cleanLoss: m.cleanLoss,
    adversarialError: m.adversarialError,
    adversarialLoss: m.adversarialLoss,
    trainSeconds: m.trainSeconds,
    epochs: m.epochs,
  });
  return {
    settings: r.settings,
    backend,
    nTrain: r.nTrain,
    nTest: r.nTest,
    loadSeconds,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    standard: model(r.standard),
    robust: model(r.robust),
    images,
  };
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const msg = AdvkitError.isInstance(e) ? (e as Error).message : (e as Error)?.stack ?? String(e);
    process.stderr.write(`advkit demo: ${msg}\n`);
    process.exitCode = 1;
  },
);
