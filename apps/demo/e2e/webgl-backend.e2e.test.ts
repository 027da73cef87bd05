/**
 * #11 item 4: advkit on a GPU backend. A small page (e2e/webgl-page, built here with Vite, no config
 * file, so the demo's own vite.config.ts is not involved) runs the same PGD and FGSM attacks on the
 * webgl backend and on the cpu backend, each set up by `initBackend({ backend })` alone, in Debian's
 * Chromium with WebGL2 on SwiftShader (`--use-angle=swiftshader --enable-unsafe-swiftshader`: a CPU
 * implementation of the GPU, float32 render targets). About 15 s here (build 6 s, run 9 s).
 *
 * Tolerance, and why: webgl computes in float32 on the GPU (this test checks that float32 render targets
 * are on; on a float16-only device the numbers would be far coarser and this comparison does not hold),
 * in another summation order than the cpu backend, so logits differ in the last bits (measured: 3.8e-6
 * on logits of magnitude up to ~50). An L∞ step takes the sign of each gradient coordinate, so a
 * coordinate whose gradient is within rounding of 0 may step the other way: such an entry differs by up
 * to 2ε. Measured: PGD identical, FGSM 3 of 3136 entries. Allowed: at most 1% of entries differ by more
 * than 1e-5, and the PGD output's predicted class agrees on at least 95% of the examples.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { serveStatic } from '../scripts/serve-static.mjs';
import { CHROMIUM } from './built-page.js';

interface BackendRun {
  backend: string;
  readsAreCheap: boolean;
  float32: boolean | null;
  pgd: number[];
  fgsm: number[];
  logits: number[];
}
type PageResult = { webgl: BackendRun; cpu: BackendRun } | { error: string };

let webDir = '';
let profileDir = '';

beforeAll(async () => {
  const chromiumStatus = inject('chromium');
  if (!chromiumStatus.ok) throw new Error(`The browser test needs Debian's Chromium at ${CHROMIUM}: ${chromiumStatus.message}`);
  webDir = await mkdtemp(join(tmpdir(), 'advkit-webgl-web-'));
  profileDir = await mkdtemp(join(tmpdir(), 'advkit-webgl-chromium-'));
  const root = fileURLToPath(new URL('./webgl-page', import.meta.url));
  await build({ root, configFile: false, base: './', logLevel: 'error', build: { outDir: webDir, emptyOutDir: true, chunkSizeWarningLimit: 4096 } });
}, 240_000);

afterAll(async () => {
  if (webDir) await rm(webDir, { recursive: true, force: true });
  if (profileDir) await rm(profileDir, { recursive: true, force: true });
});

function differing(a: number[], b: number[], tolerance: number): number {
  return a.filter((v, i) => !(Math.abs(v - b[i]!) <= tolerance)).length;
}

function predictions(logits: number[], k: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < logits.length / k; i++) {
    const row = logits.slice(i * k, (i + 1) * k);
    out.push(row.indexOf(Math.max(...row)));
  }
  return out;
}

describe('advkit on the webgl backend (Chromium, SwiftShader)', () => {
  it('PGD and FGSM on webgl equal the cpu backend within float32 sign flips', async () => {
    const server = await serveStatic(webDir, { isolated: false });
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-first-run', '--disable-background-networking'],
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(server.url);
      const result = (await page.evaluate(() => (window as unknown as { advkitWebgl: Promise<unknown> }).advkitWebgl)) as PageResult;
      expect(errors).toEqual([]);
      if ('error' in result) throw new Error(`the page failed: ${result.error}`);
      const { webgl, cpu } = result;
      expect(webgl.backend).toBe('webgl');
      expect(webgl.readsAreCheap).toBe(false); // so the attacks made no value-check read-backs there
      expect(webgl.float32).toBe(true);
      expect(cpu.backend).toBe('cpu');
      for (const key of ['pgd', 'fgsm'] as const) {
        expect(webgl[key].length).toBe(64 * 49);
        expect(differing(webgl[key], cpu[key], 1e-5), key).toBeLessThanOrEqual(0.01 * webgl[key].length);
      }
      const pw = predictions(webgl.logits, 4);
      const pc = predictions(cpu.logits, 4);
      expect(pw.filter((p, i) => p === pc[i]).length).toBeGreaterThanOrEqual(0.95 * pw.length);
    } finally {
      await context.close();
      await server.close();
    }
  });
});
