import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built CLI files (dist/), as a user runs them. */
export const cliPath = (name: 'cli' | 'cli-adversarial'): string => fileURLToPath(new URL(`../../dist/${name}.js`, import.meta.url));

/** Runs a built CLI with `args`; `interruptOn`: send SIGINT once its stderr matches. */
export function runCli(cli: string, args: string[], interruptOn?: RegExp): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let sent = false;
    p.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    p.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
      if (interruptOn !== undefined && !sent && interruptOn.test(stderr)) {
        sent = true;
        p.kill('SIGINT');
      }
    });
    p.on('error', reject);
    p.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
