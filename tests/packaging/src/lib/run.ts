import { spawn } from 'node:child_process';

export interface RunOptions {
  cwd: string;
  /** The child's whole environment (not merged with `process.env`). @default process.env */
  env?: NodeJS.ProcessEnv;
  /** Kill the command (and its process group) after this long. @default 300_000 */
  timeoutMs?: number;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
}

const TAIL = 6000;
const tail = (s: string): string => (s.length > TAIL ? `…${s.slice(-TAIL)}` : s);

/** Runs a command without a shell and collects its output; never throws for a non-zero exit. */
export function runAllowFail(cmd: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const { cwd, env = process.env, timeoutMs = 300_000 } = options;
  return new Promise((resolve, reject) => {
    // Own process group, so a timeout kills npm and everything it started.
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      reject(new Error(`${describe(cmd, args, cwd)} timed out after ${timeoutMs} ms\nstdout: ${tail(stdout)}\nstderr: ${tail(stderr)}`));
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`${describe(cmd, args, cwd)} could not start: ${err.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code: code ?? (signal ? 128 : 1) });
    });
  });
}

/** Runs a command; throws with the command line, exit code and the tail of its output if it fails. */
export async function run(cmd: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const result = await runAllowFail(cmd, args, options);
  if (result.code !== 0) {
    throw new Error(
      `${describe(cmd, args, options.cwd)} exited with ${result.code}\nstdout: ${tail(result.stdout)}\nstderr: ${tail(result.stderr)}`,
    );
  }
  return result;
}

function describe(cmd: string, args: readonly string[], cwd: string): string {
  return `\`${[cmd, ...args].join(' ')}\` (in ${cwd})`;
}
