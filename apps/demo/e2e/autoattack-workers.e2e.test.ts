/**
 * autoAttackInWorkers (`@advkit/attacks/browser`) in a real browser: web/autoattack-workers-check.html,
 * built with Vite (the shard worker web/autoattack-worker.ts is an entry of its own), served
 * cross-origin isolated on 127.0.0.1 and opened in Debian's Chromium (playwright-core). The page gets
 * the AutoAttack fixture of @advkit/attacks (an MLP 400-32-10 trained with PGD; its first 20 MNIST
 * crops, to keep the test short) and runs AutoAttack (APGD-CE, APGD-T, FAB-T, Square; L∞ ε 0.2; 4
 * batches of 5) on its main thread and on 2 Web Workers: the results must be equal bit for bit. Then
 * a worker run on the first 10 images is stopped after its first batch (every worker terminated) and
 * resumed from its last checkpoint to the same result.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { serveStatic } from '../scripts/serve-static.mjs';
import { CHROMIUM, CHROMIUM_ARGS, useBuiltPage } from './built-page.js';
import type { Fixture, StopOutcome } from '../web/autoattack-workers-check.js';

const built = useBuiltPage('aa-workers');
const N = 20;
const BATCH = 5;
const WORKERS = 2;
const all = JSON.parse(readFileSync(new URL('../../../packages/attacks/src/test-fixtures/autoattack-reference.json', import.meta.url), 'utf8')) as Fixture;
const first = (n: number): Fixture => ({ model: all.model, images: all.images.slice(0, n * 400), labels: all.labels.slice(0, n) });
const fixture = first(N);

describe('autoAttackInWorkers in Chromium', () => {
  it('equals the single-thread run bit for bit; Stop terminates the workers; the stopped run resumes to the same result', async () => {
    const server = await serveStatic(built.webDir, { isolated: true });
    const errors: string[] = [];
    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
      const page = await browser.newPage();
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console: ${m.text()}`);
      });
      await page.goto(`${server.url}autoattack-workers-check.html`);
      await page.waitForFunction(() => window.autoAttackWorkersCheck !== undefined, null, { timeout: 30_000 });
      const backend = await page.evaluate(() => window.autoAttackWorkersCheck!.backend);
      expect(backend).toMatchObject({ backend: 'wasm', simd: true });

      // the shard workers (tfjs's own pthread workers, when the page runs threads, are blob: URLs)
      const shardWorkers = (): number => page.workers().filter((w) => /autoattack-worker/.test(w.url())).length;
      const base = page.workers().length;
      let peak = 0;
      let peakAll = 0;
      const poll = setInterval(() => {
        peak = Math.max(peak, shardWorkers());
        peakAll = Math.max(peakAll, page.workers().length);
      }, 50);
      const c = await page.evaluate(([f, w, b]) => window.autoAttackWorkersCheck!.compare(f, w, b), [fixture, WORKERS, BATCH] as const);
      clearInterval(poll);
      console.log(
        `AutoAttack, ${N} images, page main thread (${backend.threads} wasm threads): ${c.single.seconds.toFixed(1)} s; ${WORKERS} Web Workers: ${c.workers.seconds.toFixed(1)} s; ` +
          `brokenBy ${JSON.stringify(count(c.single.brokenBy))}; xAdv CRC-32 ${c.single.xAdvCrc32.toString(16)} / ${c.workers.xAdvCrc32.toString(16)}`,
      );
      expect(c.workers.robust).toEqual(c.single.robust);
      expect(c.workers.brokenBy).toEqual(c.single.brokenBy);
      expect(c.workers.robustAccuracyAfter).toEqual(c.single.robustAccuracyAfter);
      expect(c.workers.warnings).toEqual(c.single.warnings);
      expect(c.xAdvBitIdentical).toBe(true);
      expect(c.workers.xAdvCrc32).toBe(c.single.xAdvCrc32);
      // clean errors, broken and robust examples: the shards carry real work past the clean pass
      expect(new Set(c.single.brokenBy).size).toBeGreaterThanOrEqual(3);
      expect(c.single.brokenBy).toContain(null);
      expect(c.leakedTensors).toBe(0);
      expect(c.shards).toEqual([[0, 10], [10, 20]]);
      expect(peak).toBe(WORKERS);
      expect(c.progress).toContain('apgd-ce 4/4'); // batches counted over both shards
      expect(c.checkpoints).toBeGreaterThanOrEqual(2 * (1 + 4)); // clean pass + every batch of each shard
      await expect.poll(shardWorkers, { timeout: 5_000 }).toBe(0); // terminated (the browser reports it asynchronously)
      // one wasm thread each, on the binary without threads: no pthread workers of their own
      expect(peakAll).toBe(base + WORKERS);

      // on the first 10 images (2 batches, 1 per worker), to keep the test short; their results are the
      // first 10 of the 20 images' (batches are fixed ranges of examples)
      const s: StopOutcome = await page.evaluate(([f, w, b]) => window.autoAttackWorkersCheck!.stopAndResume(f, w, b), [first(10), WORKERS, BATCH] as const);
      console.log(`stopped after the first batch: ${s.unfinishedShards} shards unfinished; resumed on ${WORKERS} workers in ${s.resumed.seconds.toFixed(1)} s`);
      expect(s.rejectedWith).toMatch(/AbortError: stopped by the test/);
      expect(s.workersCreated).toBe(WORKERS);
      expect(s.workersTerminated).toBe(WORKERS);
      expect(s.unfinishedShards).toBe(WORKERS);
      expect(s.resumedBitIdentical).toBe(true);
      expect(s.resumed.brokenBy).toEqual(c.single.brokenBy.slice(0, 10));
      expect(s.resumed.robust).toEqual(c.single.robust.slice(0, 10));
      await expect.poll(shardWorkers, { timeout: 5_000 }).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await browser?.close();
      await server.close();
    }
  }, 240_000);
});

function count(brokenBy: (string | null)[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const b of brokenBy) out[b ?? 'none'] = (out[b ?? 'none'] ?? 0) + 1;
  return out;
}

