/**
 * The page's second tab ("FGSM / PGD, 10 classes") and the Stop buttons, end to end, as a person uses
 * them: build the page with Vite, serve it on 127.0.0.1 (cross-origin isolated), open it in Debian's
 * Chromium (playwright-core; no browser is downloaded), switch tabs, run a small configuration, stop runs
 * and start new ones, and check what the page shows. Same set-up as page.e2e.test.ts.
 */
import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { serveStatic } from '../scripts/serve-static.mjs';
import { CHROMIUM, CHROMIUM_ARGS, outputDir, useBuiltPage } from './built-page.js';

interface Report {
  cleanError: number;
  fgsmError: number;
  pgdError: number;
  robustError: number;
  brokenBy: { clean: number; fgsm: number; pgd: number; none: number };
  epochs: unknown[];
  warnings: string[];
  wrongDigits: { clean: number; fgsm: number; pgd: number };
  autoAttack?: { n: number; cleanError: number; robustError: number; brokenBy: Record<string, number>; seconds: number; warnings: string[] };
}
interface AdversarialStatus {
  state: string;
  results: { standard?: Report; 'pgd-trained'?: Report };
  epochs: { standard: unknown[]; 'pgd-trained': unknown[] };
  seconds?: number;
  error?: string;
  autoAttackProgress?: { phase: string; attack: string; batch: number; batches: number; robust: number; n: number };
}
// `window.advkitDemo` (the page's status; `.adversarial` is this tab's AdversarialStatus) is read with string
// expressions: page.e2e.test.ts declares `Window.advkitDemo` for the linear tab, and one global property
// cannot be declared twice with different types.

const built = useBuiltPage('adv');

/** Opens the page from a fresh server in a fresh Chromium profile; collects console errors of the page and its workers. */
async function open(): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const server = await serveStatic(built.webDir, { isolated: true });
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(await mkdtemp(join(built.profileRoot, 'profile-')), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1100, height: 900 },
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    await page.goto(server.url);
    await page.getByTestId('backend').filter({ hasText: 'backend wasm' }).waitFor({ timeout: 60_000 });
    const ctx = context;
    return { page, errors, close: async () => (await ctx.close(), await server.close()) };
  } catch (e) {
    await context?.close();
    await server.close();
    throw e;
  }
}

/** Fills the FGSM / PGD tab's form (fields by test id without the `adv-` prefix). */
async function fill(page: Page, values: Record<string, string | number>): Promise<void> {
  for (const [id, v] of Object.entries(values)) await page.getByTestId(`adv-${id}`).fill(String(v));
}

function adversarialStatus(page: Page): Promise<AdversarialStatus> {
  return page.evaluate<AdversarialStatus>('window.advkitDemo.adversarial');
}

/** Waits until the tab's run is in one of `states` (the panel's data-state). */
async function waitForTab(page: Page, states: string[], timeout: number): Promise<void> {
  await page.waitForFunction((s) => s.includes(document.getElementById('panel-adversarial')?.dataset.state ?? ''), states, { timeout });
}

/** Colours on a canvas and whether a colour occurs: a blank canvas has 1. */
function canvasColours(page: Page, testId: string): Promise<{ width: number; colours: number; red: boolean; green: boolean }> {
  return page.getByTestId(testId).evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4) seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    // the frames of digitGridImage: green (30,160,60) = right, red (210,40,40) = wrong
    return { width: c.width, colours: seen.size, red: seen.has((210 << 16) | (40 << 8) | 40), green: seen.has((30 << 16) | (160 << 8) | 60) };
  });
}

describe('the FGSM / PGD tab in Chromium', () => {
  it('a small run: standard vs PGD-trained MLP, the table beside the tutorial, AutoAttack on 20 images, attacked digits, no console errors', async () => {
    const { page, errors, close } = await open();
    try {
      // the linear tab is the default; the second tab's panel is hidden until chosen
      await expect(page.getByTestId('tab-linear').getAttribute('aria-selected')).resolves.toBe('true');
      await expect(page.getByTestId('panel-adversarial').isHidden()).resolves.toBe(true);
      await page.getByTestId('tab-adversarial').click();
      await expect(page.getByTestId('tab-adversarial').getAttribute('aria-selected')).resolves.toBe('true');
      await expect(page.getByTestId('tab-linear').getAttribute('aria-selected')).resolves.toBe('false');
      await expect(page.getByTestId('panel-adversarial').isVisible()).resolves.toBe(true);
      await expect(page.getByTestId('run').isVisible()).resolves.toBe(false); // the linear panel is hidden
      // the defaults: MLP, ε 0.1, PGD training on
      await expect(page.getByTestId('adv-model').inputValue()).resolves.toBe('mlp');
      await expect(page.getByTestId('adv-epsilon').inputValue()).resolves.toBe('0.1');
      await expect(page.getByTestId('adv-pgd-training').isChecked()).resolves.toBe(true);

      // small enough for CI (about 5 s of training on 2 cores), large enough for the chapter's trend
      await fill(page, { 'train-size': 5000, 'test-size': 500, epochs: 2, steps: 5, 'step-size': 0.04, 'autoattack-n': 20 });
      await page.getByTestId('adv-run').click();
      await waitForTab(page, ['done', 'error', 'stopped'], 300_000);
      const s = await adversarialStatus(page);
      await page.screenshot({ path: join(outputDir, 'demo-adversarial.png'), fullPage: true });

      expect(s.error).toBeUndefined();
      expect(s.state).toBe('done');
      const standard = s.results.standard!;
      const robust = s.results['pgd-trained']!;
      expect(s.epochs.standard).toHaveLength(2);
      expect(s.epochs['pgd-trained']).toHaveLength(2);
      // Node, same settings: standard 0.110 clean, 0.580 FGSM, 0.620 PGD; PGD-trained 0.240 / 0.464 / 0.470.
      // The ranges below are the chapter's trend, which must hold at any scale:
      expect(standard.cleanError).toBeLessThan(0.2); // the model learned (chance is 0.9)
      expect(standard.pgdError).toBeGreaterThan(standard.cleanError + 0.2); // PGD breaks the standard model
      expect(standard.pgdError).toBeGreaterThanOrEqual(standard.fgsmError); // PGD is the stronger attack
      expect(robust.pgdError).toBeLessThan(standard.pgdError); // PGD training resists it
      expect(robust.cleanError).toBeLessThan(0.5);
      // the worst case is at least each attack's error, and its breakdown covers every test image
      for (const r of [standard, robust]) {
        expect(r.robustError).toBeGreaterThanOrEqual(Math.max(r.cleanError, r.fgsmError, r.pgdError));
        expect(r.brokenBy.clean + r.brokenBy.fgsm + r.brokenBy.pgd + r.brokenBy.none).toBe(500);
        expect(r.warnings).toEqual([]);
      }

      // the table shows these numbers beside the tutorial's full-scale CNN figures
      const row = (phase: string) => page.locator(`#adv-results tr[data-phase="${phase}"]`);
      await expect(row('standard').locator('.clean').textContent()).resolves.toBe(standard.cleanError.toFixed(4));
      await expect(row('standard').locator('.pgd').textContent()).resolves.toBe(standard.pgdError.toFixed(4));
      await expect(row('pgd-trained').locator('.fgsm').textContent()).resolves.toBe(robust.fgsmError.toFixed(4));
      await expect(row('pgd-trained').locator('.pgd').textContent()).resolves.toBe(robust.pgdError.toFixed(4));
      await expect(row('standard').locator('.tclean').textContent()).resolves.toBe('0.0106');
      await expect(row('standard').locator('.tpgd').textContent()).resolves.toBe('0.7083');
      await expect(row('pgd-trained').locator('.tclean').textContent()).resolves.toBe('0.0085');
      await expect(row('pgd-trained').locator('.tpgd').textContent()).resolves.toBe('0.0283');

      // AutoAttack (standard, ε 0.1 ∩ [0, 1]) on the first 20 test images of each model, in the table and below it
      for (const [phase, r] of [['standard', standard], ['pgd-trained', robust]] as const) {
        const a = r.autoAttack!;
        expect(a.n).toBe(20);
        expect(Object.values(a.brokenBy).reduce((x, y) => x + y, 0)).toBe(20); // every image: wrong clean, broken by one attack, or robust
        expect(a.robustError).toBeGreaterThanOrEqual(a.cleanError);
        await expect(row(phase).locator('.autoattack').textContent()).resolves.toBe(a.robustError.toFixed(4));
      }
      // it breaks the standard model at least as often as PGD does on all 500 images (0.620 in Node), up to 20-image sampling noise
      expect(standard.autoAttack!.robustError).toBeGreaterThan(0.45);
      await expect(page.getByTestId('adv-autoattack-summary').textContent()).resolves.toMatch(/^standard model, AutoAttack: 20 test images in \d+\.\d s \(wrong clean \d+; broken by apgd-ce \d+, apgd-t \d+, fab-t \d+, square \d+; robust \d+\)\. PGD-trained model, AutoAttack: 20 test images/);

      // the attacked digits: 10 per row (digitGridImage: 10 × (28·3 + 4) px), drawn, with right and wrong frames
      for (const phase of ['standard', 'pgd-trained']) {
        for (const kind of ['clean', 'fgsm', 'pgd']) {
          const c = await canvasColours(page, `adv-grid-${phase}-${kind}`);
          expect(c.width).toBe(880);
          expect(c.colours).toBeGreaterThan(10); // grey digit pixels and frames; a blank canvas has 1
        }
      }
      expect(standard.wrongDigits.pgd).toBeGreaterThan(standard.wrongDigits.clean);
      expect((await canvasColours(page, 'adv-grid-standard-pgd')).red).toBe(true);
      expect((await canvasColours(page, 'adv-grid-standard-clean')).green).toBe(true);
      await expect(page.locator('#adv-grid-standard-summary').textContent()).resolves.toBe(
        `Wrong on ${standard.wrongDigits.clean} of 10 clean, ${standard.wrongDigits.fgsm} of 10 under FGSM, ${standard.wrongDigits.pgd} of 10 under PGD.`,
      );
      await expect(page.getByTestId('adv-status').textContent()).resolves.toMatch(/^Done in \d+\.\d s: MLP 784-100-10, 5000 training images × 2 epochs/);
      // the page stays usable: both Run buttons are enabled again, Stop is not
      await expect(page.getByTestId('adv-run').isEnabled()).resolves.toBe(true);
      await expect(page.getByTestId('adv-stop').isDisabled()).resolves.toBe(true);

      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('Stop: a bad setting in plain words; stop a run on each tab, see “stopped”, start again', async () => {
    const { page, errors, close } = await open();
    try {
      // linear tab (the default): a long run (100 + 100 epochs, a few seconds each 10), wait for training, Stop
      await page.getByTestId('epochs').fill('100');
      await page.getByTestId('robust-epochs').fill('100');
      await page.getByTestId('run').click();
      await page.waitForFunction('window.advkitDemo.epochs.standard.length >= 1', null, { timeout: 120_000 });
      await page.getByTestId('stop').click();
      await page.waitForFunction(() => document.body.dataset.state === 'stopped', null, { timeout: 30_000 });
      await expect(page.getByTestId('status').textContent()).resolves.toMatch(/^Stopped\./);
      await expect(page.getByTestId('stop').isDisabled()).resolves.toBe(true);
      await expect(page.getByTestId('run').isEnabled()).resolves.toBe(true);
      const stoppedAt = await page.evaluate<number>('window.advkitDemo.epochs.standard.length');
      expect(stoppedAt).toBeLessThan(100); // stopped before the standard model's epochs were done

      // the second tab, by keyboard (arrow keys move between tabs); a bad setting is reported on the page in plain words
      await page.getByTestId('tab-linear').focus();
      await page.keyboard.press('ArrowRight');
      await expect(page.getByTestId('tab-adversarial').getAttribute('aria-selected')).resolves.toBe('true');
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('tab-adversarial');
      await expect(page.getByTestId('panel-adversarial').isVisible()).resolves.toBe(true);
      await fill(page, { epochs: 0 });
      await page.getByTestId('adv-run').click();
      await expect(page.getByTestId('error').textContent()).resolves.toBe('Epochs must be a whole number from 1 to 50.');
      await expect(page.getByTestId('adv-run').isEnabled()).resolves.toBe(true);

      // the default run (10,000 images × 3 epochs): start, wait for training steps, Stop
      await fill(page, { epochs: 3 });
      await page.getByTestId('adv-run').click();
      await expect(page.getByTestId('error').isHidden()).resolves.toBe(true); // the old message is cleared
      await waitForTab(page, ['training'], 60_000);
      await page.waitForFunction(() => Number((document.querySelector('[data-testid="adv-train-progress"]') as HTMLProgressElement).value) > 0, null, { timeout: 60_000 });
      await expect(page.getByTestId('run').isDisabled()).resolves.toBe(true); // one run at a time
      await page.getByTestId('adv-stop').click();
      await waitForTab(page, ['stopped', 'done', 'error'], 30_000);
      let s = await adversarialStatus(page);
      expect(s.state).toBe('stopped');
      expect(s.error).toBeUndefined();
      expect(s.results['pgd-trained']).toBeUndefined(); // it never got that far
      await expect(page.getByTestId('adv-status').textContent()).resolves.toMatch(/^Stopped\./);
      await expect(page.getByTestId('adv-run').isEnabled()).resolves.toBe(true);
      await page.screenshot({ path: join(outputDir, 'demo-adversarial-stopped.png') });

      // a new run after the stop, small, to the end
      await fill(page, { 'train-size': 2000, 'test-size': 200, epochs: 1, steps: 3, 'step-size': 0.05, 'autoattack-n': 0 });
      await page.getByTestId('adv-run').click();
      await waitForTab(page, ['done', 'error', 'stopped'], 120_000);
      s = await adversarialStatus(page);
      expect(s.state).toBe('done');
      expect(s.epochs.standard).toHaveLength(1);
      expect(s.results['pgd-trained']).toBeDefined();
      expect(s.results.standard!.autoAttack).toBeUndefined(); // 0 images: not run
      await expect(page.locator('#adv-results tr[data-phase="standard"] .autoattack').textContent()).resolves.toBe('not run');

      // AutoAttack on 1000 images (batches of 100) of a standard model, on the default AutoAttack workers
      // (one Web Worker per core, autoAttackInWorkers): wait for its progress (after its first batch),
      // Stop, see “stopped”, and the shard workers terminated
      await page.getByTestId('adv-pgd-training').uncheck();
      await fill(page, { 'train-size': 1000, 'test-size': 1000, epochs: 1, steps: 1, 'autoattack-n': 1000 });
      await page.getByTestId('adv-run').click();
      await waitForTab(page, ['autoattack'], 120_000);
      await page.waitForFunction('window.advkitDemo.adversarial.autoAttackProgress !== undefined', null, { timeout: 120_000 });
      const progress = (await adversarialStatus(page)).autoAttackProgress!;
      expect(progress).toMatchObject({ phase: 'standard', attack: 'apgd-ce', n: 1000 });
      expect(progress.batches).toBeGreaterThanOrEqual(2); // batches of 100 of the correctly classified images: more to come
      expect(progress.batch).toBeGreaterThanOrEqual(1);
      await expect(page.getByTestId('adv-autoattack-text').textContent()).resolves.toMatch(/^standard: (apgd-ce|apgd-t|fab-t|square), batch \d+\/\d+; \d+ of 1000 images still robust$/);
      const shardWorkers = (): number => page.workers().filter((w) => /autoattack-worker/.test(w.url())).length;
      const workers = Number(await page.getByTestId('adv-autoattack-workers').inputValue());
      expect(workers).toBeGreaterThanOrEqual(1);
      expect(shardWorkers()).toBe(Math.min(workers, 10)); // nested in the demo's worker; one shard of whole batches each
      await expect(page.getByTestId('adv-stop').isEnabled()).resolves.toBe(true);
      await page.getByTestId('adv-stop').click();
      await waitForTab(page, ['stopped', 'done', 'error'], 120_000);
      s = await adversarialStatus(page);
      expect(s.state).toBe('stopped');
      expect(s.error).toBeUndefined();
      expect(s.results.standard).toBeUndefined(); // its report waits for AutoAttack, which was stopped
      await expect.poll(shardWorkers, { timeout: 5_000 }).toBe(0);
      await expect(page.getByTestId('adv-status').textContent()).resolves.toMatch(/^Stopped\./);
      await expect(page.getByTestId('adv-run').isEnabled()).resolves.toBe(true);

      // and the linear tab runs again after its stop
      await page.getByTestId('tab-linear').click();
      await page.getByTestId('run').click();
      await page.waitForFunction('window.advkitDemo.epochs.standard.length >= 1', null, { timeout: 120_000 });
      await page.getByTestId('stop').click();
      await page.waitForFunction(() => document.body.dataset.state === 'stopped', null, { timeout: 30_000 });

      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
