#!/usr/bin/env node
/**
 * `advkit-demo`: the demo's one command-line program. Subcommands `linear` (the default; `pnpm demo`)
 * and `adversarial` (`pnpm demo:adversarial`) declare their options and their run (node/*-command.ts);
 * this file is everything they share: parse → usage/--help → signals → checkpoint directory (lock,
 * clean-up, --resume/--fresh, the saved states and reports) → backend → MNIST → run → the table or
 * JSON on stdout → files.
 *
 * Exit codes: 0 done; 1 a failure (one line on stderr: a typed advkit error, a file that could not be
 * written, a checkpoint directory in use or holding an earlier run); 2 a bad command line (with the
 * usage); 128 + n after signal n (SIGINT 130, SIGTERM 143, SIGHUP 129), the training state saved first
 * when there is a --checkpoint-dir. The results are printed before any file is written, so a picture
 * that cannot be written never costs them.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { constants } from 'node:os';
import { initBackend, AdvkitError } from '@advkit/core';
import { loadMnist } from '@advkit/datasets';
import { CliFileError, CliStateError, CliUsageError } from './node/cli-errors.js';
import { COMMON_OPTIONS, commonArgs, type Command } from './node/command.js';
import { formatUsage, parseOptions } from './node/parse-options.js';
import { ProgressReporter } from './node/progress-reporter.js';
import { writeFileAtomic } from './node/write-file-atomic.js';
import { openCheckpointDir, type CheckpointDir } from './node/checkpoint-dir.js';
import { checkpointFiles, openPhaseCheckpoints, type PhaseCheckpoints } from './node/phase-checkpoints.js';
import { linearCommand } from './node/linear-command.js';
import { adversarialCommand } from './node/adversarial-command.js';

const COMMANDS: Record<string, Command<unknown>> = { linear: linearCommand as Command<unknown>, adversarial: adversarialCommand as Command<unknown> };
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
type Signal = (typeof SIGNALS)[number];

/** The reason a run was aborted with: the signal that stopped it. */
class Interrupted extends Error {
  constructor(readonly signal: Signal) {
    super(`interrupted by ${signal}`);
  }
}

const usage = (c: Command<unknown>): string => formatUsage(c.head, [['options', c.options], ['common options', COMMON_OPTIONS]]);

async function main(argv: string[], state: { command: string; checkpoints?: CheckpointDir }): Promise<number> {
  // `pnpm demo -- --eps 1` passes the `--` through; a subcommand may come before or after it
  let args = argv[0] === '--' ? argv.slice(1) : argv;
  const command = COMMANDS[args[0] ?? ''] ?? linearCommand;
  if (args[0] === command.name) args = args.slice(1);
  state.command = command.name;
  let parsed;
  try {
    const values = parseOptions(args, [...command.options, ...COMMON_OPTIONS]);
    const common = commonArgs(values);
    parsed = { common, args: command.resolve(values, common) };
  } catch (e) {
    if (!(e instanceof CliUsageError)) throw e;
    process.stderr.write(`${prefix(state)}: ${e.message}\n\n${usage(command)}`);
    return 2;
  }
  const { common } = parsed;
  if (common.help) {
    process.stdout.write(usage(command));
    return 0;
  }
  const progress = new ProgressReporter(process.stderr);

  // Signals: the first SIGINT/SIGTERM/SIGHUP aborts the run, which finishes its step, saves and
  // rejects; a second one exits at once (the last complete save stays: saves are atomic).
  const ac = new AbortController();
  for (const sig of SIGNALS) {
    process.on(sig, () => {
      if (ac.signal.aborted) {
        state.checkpoints?.release();
        process.exit(128 + constants.signals[sig]);
      }
      ac.abort(new Interrupted(sig));
    });
  }

  const dir = common.checkpointDir === undefined ? undefined : resolve(common.checkpointDir);
  let checkpointing: PhaseCheckpoints | undefined;
  if (dir !== undefined) {
    const files = checkpointFiles(command.phases, command.readReport !== undefined);
    state.checkpoints = await openCheckpointDir({ dir, files, resume: common.resume, fresh: common.fresh });
    for (const note of state.checkpoints.notes) progress.line(note);
    checkpointing = await openPhaseCheckpoints(dir, command.phases, { resume: common.resume, everySteps: common.checkpointEvery, readReport: command.readReport, progress });
  }

  const backend = await initBackend({ backend: common.backend });
  progress.line(`backend: ${backend.backend}${backend.backend === 'wasm' ? ` (SIMD ${backend.simd ? 'on' : 'off'}, ${backend.threads} thread${backend.threads === 1 ? '' : 's'})` : ''}`);
  const t0 = performance.now();
  const mnist = await loadMnist(common.data === undefined ? {} : { dir: resolve(common.data) });
  const loadSeconds = (performance.now() - t0) / 1000;
  progress.line(`MNIST loaded in ${loadSeconds.toFixed(2)} s (${mnist.train.count} train, ${mnist.test.count} test images)`);

  let output;
  try {
    ac.signal.throwIfAborted();
    output = await command.run(parsed.args, { mnist, backend, loadSeconds, signal: ac.signal, progress, checkpointing });
  } catch (e) {
    if (!(e instanceof Interrupted)) throw e;
    progress.end();
    progress.line(dir === undefined ? `interrupted (${e.signal}); nothing saved (no --checkpoint-dir)` : `interrupted: training state saved in ${dir}; continue with --resume (${e.signal})`);
    return 128 + constants.signals[e.signal];
  }
  progress.end();

  // the results first: a file that cannot be written must not cost them
  process.stdout.write(common.json ? JSON.stringify(output.json) + '\n' : output.table + '\n');
  if (output.outDir !== undefined) {
    await mkdir(output.outDir, { recursive: true }).catch((e: unknown) => {
      throw new CliFileError('create the output directory', output.outDir!, e);
    });
  }
  for (const f of output.files) {
    await writeFileAtomic(f.path, f.bytes());
    if (!common.json) process.stdout.write(`wrote ${f.path}\n`);
  }
  return 0;
}

const prefix = (state: { command: string }): string => `advkit-demo ${state.command}`;

const state: { command: string; checkpoints?: CheckpointDir } = { command: 'linear' };
process.on('exit', () => state.checkpoints?.release());
main(process.argv.slice(2), state).then(
  (code) => {
    state.checkpoints?.release();
    process.exitCode = code;
  },
  (e: unknown) => {
    state.checkpoints?.release();
    const typed = AdvkitError.isInstance(e) || e instanceof CliFileError || e instanceof CliStateError;
    const msg = typed ? (e as Error).message : ((e as Error)?.stack ?? String(e));
    process.stderr.write(`${prefix(state)}: ${msg}\n`);
    process.exitCode = 1;
  },
);
