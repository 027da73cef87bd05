#!/usr/bin/env node
import { resolve } from 'node:path';
import { initBackend, AdvkitError } from '@advkit/core';
import { loadMnist } from '@advkit/datasets';
import { CliUsageError } from './node/parse-cli-args.js';
import { parseAdversarialArgs, ADVERSARIAL_USAGE } from './node/parse-adversarial-args.js';
import { ProgressReporter } from './node/progress-reporter.js';
import { formatAdversarialTable } from './node/format-adversarial-table.js';
import { runAdversarialExperiment, type AdversarialExperimentResult } from './shared/adversarial-experiment.js';

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

  let phaseStart = performance.now();
  const result = runAdversarialExperiment(mnist, args.settings, {
    onPhase: (phase) => {
      phaseStart = performance.now();
      progress.start(phase);
    },
    onProgress: (_phase, p) => progress.update((p.epoch - 1) * p.stepsPerEpoch + p.step, p.epochs * p.stepsPerEpoch, `epoch ${p.epoch}/${p.epochs}`),
    onEpochEnd: (phase, m) => {
      const elapsed = (performance.now() - phaseStart) / 1000;
      const left = (elapsed / m.epoch) * (args.settings.epochs - m.epoch);
      progress.line(
        `${phase}: epoch ${String(m.epoch).padStart(2)}  train loss ${m.trainLoss.toFixed(4)}  train error ${m.trainError.toFixed(4)}  (${m.seconds.toFixed(1)} s; ~${left.toFixed(0)} s left in this phase)`,
      );
    },
  });
  progress.end();
  if (args.json) process.stdout.write(JSON.stringify(toJson(result, backend, loadSeconds)) + '\n');
  else process.stdout.write(formatAdversarialTable(result, backend.backend) + '\n');
  return 0;
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
