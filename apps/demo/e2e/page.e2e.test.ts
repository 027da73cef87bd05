/**
 * The browser page, end to end, as a person uses it: build it with Vite, serve it on 127.0.0.1, open it
 * in Debian's Chromium (driven by playwright-core; no browser is downloaded), press Run, and check what
 * the page shows. Once served cross-origin isolated (wasm threads), once without the COOP/COEP headers
 * (one thread), once with the MNIST files missing (an error in plain words).
 */
import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { serveStatic } from '../scripts/serve-static.mjs';
import { CHROMIUM, CHROMIUM_ARGS, outputDir, useBuiltPage } from './built-page.js';

interface PhaseNumbers {
  cleanError: number;
  adversarialError: number;
}
interface DemoStatus {
  state: string;
  backend?: { backend: string; simd: boolean; threads: number };
  crossOriginIsolated: boolean;
  results: { standard?: PhaseNumbers; robust?: PhaseNumbers };
  epochs: { standard: unknown[]; robust: unknown[] };
  error?: string;
  attackedErrorAt: (phase: 'standard' | 'robust', epsilon: number) => number;
}
declare global {
  interface Window {
    advkitDemo: DemoStatus;
  }
}

const built = useBuiltPage('page');

/** Opens `path` of a fresh server in a fresh Chromium profile; collects console errors of the page and its workers. */
async function open(
  isolated: boolean,
  path = '',
  prepare?: (context: BrowserContext) => Promise<unknown>,
): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const server = await serveStatic(built.webDir, { isolated });
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(await mkdtemp(join(built.profileRoot, 'profile-')), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1100, height: 900 },
    });
    await prepare?.(context);
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    await page.goto(server.url + path);
    const ctx = context;
    return { page, errors, close: async () => (await ctx.close(), await server.close()) };
  } catch (e) {
    await context?.close();
    await server.close();
    throw e;
  }
}

/** Presses Run with the default settings (the tutorial's) and waits for the page to finish or fail. */
async function runExperiment(page: Page): Promise<DemoStatus> {
  await page.getByTestId('backend').filter({ hasText: 'backend wasm' }).waitFor({ timeout: 60_000 });
  await page.getByTestId('run').click();
  await page.waitForFunction(() => ['done', 'error'].includes(document.body.dataset.state ?? ''), null, { timeout: 240_000 });
  return page.evaluate(() => {
    const { attackedErrorAt: _f, ...rest } = window.advkitDemo;
    return rest as DemoStatus;
  });
}

/** The tutorial's numbers, with the tolerances of the CLI's acceptance test (src/shared/linear-experiment.test.ts). */
function expectTutorialNumbers(status: DemoStatus): void {
  expect(status.error).toBeUndefined();
  expect(status.state).toBe('done');
  const { standard, robust } = status.results;
  // Tutorial: 0.000946 clean, 0.8459 attacked (the tutorial’s code with other seeds: 0.81–0.85)
  expect(standard!.cleanError).toBeLessThanOrEqual(0.002);
  expect(standard!.adversarialError).toBeGreaterThanOrEqual(0.8);
  expect(standard!.adversarialError).toBeLessThanOrEqual(0.9);
  // Tutorial: 0.025059 attacked, 0.003783 clean
  expect(robust!.adversarialError).toBeLessThanOrEqual(0.03);
  expect(robust!.cleanError).toBeLessThanOrEqual(0.006);
  expect(status.epochs.standard).toHaveLength(10);
  expect(status.epochs.robust).toHaveLength(20);
}

/** Distinct colours on a canvas: a blank (or one-colour) canvas has at most 1. */
function canvasColours(page: Page, testId: string): Promise<number> {
  return page.getByTestId(testId).evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4) seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return seen.size;
  });
}

describe('the demo page in Chromium', () => {
  it('cross-origin isolated: wasm + SIMD + 2 threads, the tutorial’s numbers, pictures drawn, live ε slider, no console errors', async () => {
    const { page, errors, close } = await open(true);
    try {
      const status = await runExperiment(page);
      await page.screenshot({ path: join(outputDir, 'demo-isolated.png'), fullPage: true });
      expect(status.backend).toEqual({ backend: 'wasm', simd: true, threads: expect.any(Number), readsAreCheap: true });
      expect(status.crossOriginIsolated).toBe(true);
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
      expect(status.backend!.threads).toBeGreaterThan(1);
      await expect(page.getByTestId('backend').textContent()).resolves.toMatch(/backend wasm · SIMD on · \d+ threads · cross-origin isolated: yes/);
      expectTutorialNumbers(status);

      // the table shows the numbers beside the tutorial's
      const row = page.locator('#results tr[data-phase="standard"]');
      await expect(row.locator('.adv').textContent()).resolves.toBe(status.results.standard!.adversarialError.toFixed(4));
      await expect(row.locator('.tadv').textContent()).resolves.toBe('0.8459');
      // δ* of the ℓ∞ attack is ±ε: drawn black and white (2 colours); a blank canvas would have 1
      expect(await canvasColours(page, 'delta-standard')).toBeGreaterThanOrEqual(2);
      expect(await canvasColours(page, 'delta-robust')).toBeGreaterThanOrEqual(2);

      // the slider: at the run's ε the closed form gives the evaluated attacked error (up to one
      // example whose attacked logit is within float32 rounding of 0); moving it redraws the figure
      const atRunEps = await page.evaluate(() => window.advkitDemo.attackedErrorAt('standard', 0.2));
      expect(Math.abs(atRunEps - status.results.standard!.adversarialError) * 2115).toBeLessThanOrEqual(1);
      await page.getByTestId('eps-slider').fill('0.1');
      const shown = await page.getByTestId('eps-errors').textContent();
      const at01 = await page.evaluate(() => window.advkitDemo.attackedErrorAt('standard', 0.1));
      expect(at01).toBeLessThan(atRunEps); // a smaller budget cannot hurt more (margins drop by ε‖θ‖_*)
      expect(shown).toContain(`standard model: attacked error ${at01.toFixed(4)}`);
      await expect(page.getByTestId('eps-value').textContent()).resolves.toBe('0.100');

      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('without the isolation headers: still runs, on one thread', async () => {
    const { page, errors, close } = await open(false);
    try {
      const status = await runExperiment(page);
      await page.screenshot({ path: join(outputDir, 'demo-not-isolated.png'), fullPage: true });
      expect(status.crossOriginIsolated).toBe(false);
      expect(status.backend).toEqual({ backend: 'wasm', simd: true, threads: 1, readsAreCheap: true });
      await expect(page.getByTestId('backend').textContent()).resolves.toContain('1 thread · cross-origin isolated: no');
      expectTutorialNumbers(status);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a missing data file is reported on the page in plain words', async () => {
    const { page, close } = await open(true, '?mnist=no-such-dir/');
    try {
      const status = await runExperiment(page);
      await page.screenshot({ path: join(outputDir, 'demo-missing-data.png') });
      expect(status.state).toBe('error');
      const alert = page.getByTestId('error');
      // the page sets its state before it paints the message and re-enables Run: wait for both
      await alert.waitFor({ state: 'visible', timeout: 10_000 });
      await expect(alert.textContent()).resolves.toMatch(/loadMnist: (train|t10k)-(images-idx3|labels-idx1)-ubyte not found under http:\/\/127\.0\.0\.1:\d+\/no-such-dir\/.*HTTP 404/); // the four files load in parallel: whichever 404s first is named
      // the page stays usable: Run is enabled again
      await page.waitForFunction(() => !(document.querySelector('[data-testid="run"]') as HTMLButtonElement | null)?.disabled, null, { timeout: 10_000 });
      await expect(page.getByTestId('run').isEnabled()).resolves.toBe(true);
    } finally {
      await close();
    }
  });

  it('a wasm binary that fails to load is reported on the page in plain words', async () => {
    // the server answers 404 for every .wasm file, as a host missing the binaries would
    const { page, close } = await open(true, '', (context) => context.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'not found' })));
    try {
      await page.waitForFunction(() => document.body.dataset.state === 'error', null, { timeout: 60_000 });
      await page.screenshot({ path: join(outputDir, 'demo-wasm-failed.png') });
      await expect(page.getByTestId('error').textContent()).resolves.toMatch(/initBackend: the wasm backend failed to initialise/);
      await expect(page.getByTestId('run').isDisabled()).resolves.toBe(true); // nothing to run on
    } finally {
      await close();
    }
  });
});
