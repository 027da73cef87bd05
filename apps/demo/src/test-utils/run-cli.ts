import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built CLI (dist/cli.js), as `pnpm demo` runs it. */
export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export interface RunCliOptions {
  /** Send `signal` once stderr matches this. @default never */
  interruptOn?: RegExp;
  /** @default 'SIGINT' */
  signal?: NodeJS.Signals;
  /** Called with all of stderr so far whenever more arrives, and the process's id. */
  onStderr?: (stderr: string, pid: number) => void;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI with `args` (a subcommand first, or the default `linear`). */
export function runCli(args: string[], options: RunCliOptions = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let sent = false;
    p.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    p.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
      if (options.interruptOn !== undefined && !sent && options.interruptOn.test(stderr)) {
        sent = true;
        p.kill(options.signal ?? 'SIGINT');
      }
      options.onStderr?.(stderr, p.pid!);
    });
    p.on('error', reject);
    p.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
