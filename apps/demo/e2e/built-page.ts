// Shared set-up of the e2e tests: build the page with Vite into a temporary folder, and a temporary
// root for Chromium profiles, once per test file (removed afterwards); Debian's Chromium and its flags.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, inject } from 'vitest';
import { build } from 'vite';

export const appDir = fileURLToPath(new URL('..', import.meta.url));
/** Screenshots go here (gitignored). */
export const outputDir = join(appDir, 'e2e-output');
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Registers the file's beforeAll (Chromium present, page built into a fresh folder) and afterAll
 * (folders removed). The returned object's fields are set once beforeAll has run.
 */
export function useBuiltPage(name: string): { webDir: string; profileRoot: string } {
  const dirs = { webDir: '', profileRoot: '' };
  beforeAll(async () => {
    const chromiumStatus = inject('chromium');
    if (!chromiumStatus.ok) throw new Error(`The browser test needs Debian's Chromium at ${CHROMIUM}: ${chromiumStatus.message}`);
    await mkdir(outputDir, { recursive: true });
    dirs.webDir = await mkdtemp(join(tmpdir(), `advkit-demo-${name}-web-`));
    dirs.profileRoot = await mkdtemp(join(tmpdir(), `advkit-demo-${name}-chromium-`));
    await build({ configFile: join(appDir, 'vite.config.ts'), logLevel: 'warn', build: { outDir: dirs.webDir, emptyOutDir: true } });
  }, 240_000);
  afterAll(async () => {
    if (dirs.webDir) await rm(dirs.webDir, { recursive: true, force: true });
    if (dirs.profileRoot) await rm(dirs.profileRoot, { recursive: true, force: true });
  });
  return dirs;
}
