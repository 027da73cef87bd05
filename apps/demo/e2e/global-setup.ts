import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Whether Debian's Chromium is at /usr/bin/chromium for the end-to-end test, and why not. */
    chromium: { ok: boolean; message: string };
  }
}

/**
 * Global setup of the demo's test project: makes sure /usr/bin/chromium exists for the browser test
 * (scripts/ensure-chromium.sh installs it with apt when running as root). The result is handed to the
 * test, which fails with the script's message when Chromium is missing; the other demo tests run anyway.
 */
export default function setup(project: TestProject): void {
  const script = fileURLToPath(new URL('../../../scripts/ensure-chromium.sh', import.meta.url));
  const run = spawnSync('sh', [script], { encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'] });
  const ok = run.status === 0;
  const message = ok ? '' : `${script} failed (exit ${run.status ?? run.signal}): ${(run.stderr ?? '').trim() || run.error?.message || 'no output'}`;
  project.provide('chromium', { ok, message });
}
