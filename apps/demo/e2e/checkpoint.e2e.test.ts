/**
 * IndexedDbCheckpointStore in a real browser: web/checkpoint-check.html, built with Vite, served on
 * 127.0.0.1 and opened in Debian's Chromium (playwright-core). The page trains, stops, saves to
 * IndexedDB, resumes and compares; the test then reloads it (a fresh JS context) and restarts the
 * browser on the same profile, and each time the saved state must still load and resume identically.
 */
import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { serveStatic } from '../scripts/serve-static.mjs';
import { CHROMIUM, CHROMIUM_ARGS, useBuiltPage } from './built-page.js';

interface CheckpointCheck {
  ok: boolean;
  mode: 'full' | 'reload';
  details: { loaded?: { epoch: number; step: number; finishedEpochs: number }; weights?: number[]; bitIdentical?: boolean; corruptRejected?: boolean; [k: string]: unknown };
  error?: string;
}

const built = useBuiltPage('ckpt');

function launch(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** Opens `url` and waits for the page's verdict; page errors are collected into `errors`. */
async function check(page: Page, url: string, errors: string[]): Promise<CheckpointCheck> {
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(url);
  await page.waitForFunction(() => window.checkpointCheck !== undefined, null, { timeout: 30_000 });
  return page.evaluate(() => window.checkpointCheck as unknown as CheckpointCheck);
}

describe('IndexedDbCheckpointStore in Chromium', () => {
  it('saves, loads, resumes bit-identically, rejects a flipped byte, and the state survives a reload and a browser restart', async () => {
    // not cross-origin isolated: one wasm thread on the page's main thread
    const server = await serveStatic(built.webDir, { isolated: false });
    const profile = await mkdtemp(join(built.profileRoot, 'profile-'));
    const errors: string[] = [];
    let context: BrowserContext | undefined;
    try {
      context = await launch(profile);
      const page = context.pages()[0] ?? (await context.newPage());
      const first = await check(page, `${server.url}checkpoint-check.html`, errors);
      expect(first.error).toBeUndefined();
      expect(first.details).toMatchObject({ backend: 'wasm', emptyAfterClear: true, stopped: true, bitIdentical: true, corruptRejected: true });
      expect(first.details.loaded!.finishedEpochs).toBe(2); // stopped after 2 of 4 epochs
      expect(String(first.details.corruptMessage)).toMatch(/CRC-32/);
      expect(first.ok).toBe(true);
      await expect(page.getByTestId('result').textContent()).resolves.toMatch(/^OK \(full\)/);

      // a fresh JS context: the state saved by the first visit is read back from IndexedDB
      const again = await check(page, `${server.url}checkpoint-check.html?mode=reload`, errors);
      expect(again).toMatchObject({ ok: true, mode: 'reload', details: { bitIdentical: true, loaded: first.details.loaded } });
      expect(again.details.weights).toEqual(first.details.weights);
      await context.close();

      // a new browser process on the same profile (same origin: same server)
      context = await launch(profile);
      const restarted = await check(context.pages()[0] ?? (await context.newPage()), `${server.url}checkpoint-check.html?mode=reload`, errors);
      expect(restarted).toMatchObject({ ok: true, mode: 'reload', details: { bitIdentical: true, loaded: first.details.loaded } });
      expect(errors).toEqual([]);
    } finally {
      await context?.close();
      await server.close();
    }
  }, 60_000);
});
