// `npm test`: after `vite build`, serves dist/ with `vite preview` (then the sources with the dev server
// `vite`), opens the page in Chromium (headless, via playwright-core; no browser is downloaded: CHROMIUM,
// default /usr/bin/chromium) and checks that it is cross-origin isolated, runs the wasm backend with SIMD
// and 2 threads, and that its PGD attack gives what the same code gives in Node on the same weights.
// Exits non-zero on any failure.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { initBackend } from '@advkit/core';
import { runExperiment } from '../src/experiment.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

// 1. The reference, in Node: wasm backend (SIMD, 1 thread: tfjs disables wasm threads in Node).
const nodeInfo = await initBackend();
const expected = await runExperiment();
console.log(`node: ${JSON.stringify(nodeInfo)}, errors ${expected.cleanErrors} → ${expected.advErrors}, mean loss ${expected.meanAdvLoss}`);

// 2. The built page, served by `vite preview`, then the source served by the dev server `vite` (the
// advkit() plugin adds the COOP/COEP headers to both, and serves the binaries in both).
for (const mode of ['preview', 'dev']) await checkPage(mode);

async function checkPage(mode) {
  const port = await freePort();
  const args = mode === 'preview' ? ['preview'] : [];
  const server = spawn(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), ...args, '--port', String(port), '--strictPort'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let serverLog = '';
  server.stdout.on('data', (d) => (serverLog += d));
  server.stderr.on('data', (d) => (serverLog += d));
  const url = `http://127.0.0.1:${port}/`;
  let browser;
  try {
    await waitForServer(url, server, () => serverLog);
    const res = await fetch(url);
    check(res.headers.get('cross-origin-opener-policy') === 'same-origin', `${mode}: sends Cross-Origin-Opener-Policy: same-origin`);
    check(res.headers.get('cross-origin-embedder-policy') === 'require-corp', `${mode}: sends Cross-Origin-Embedder-Policy: require-corp`);

    browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
    const page = await browser.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()));
    await page.goto(url);
    await page.waitForFunction(() => window.advkitResult !== undefined, undefined, { timeout: 120_000 });
    const got = await page.evaluate(() => window.advkitResult);
    console.log(`${mode} page: ${(await page.textContent('#out')).replace(/\n/g, ' | ')}`);

    check(got.ok === true, `${mode}: the page ran without error${got.ok ? '' : `: ${got.error}`}`);
    check(got.crossOriginIsolated === true, `${mode}: the page is crossOriginIsolated`);
    check(got.info?.backend === 'wasm' && got.info?.simd === true && got.info?.threads === 2, `${mode}: initBackend({ threads: 2 }) reports wasm, SIMD, 2 threads (got ${JSON.stringify(got.info)})`);
    check(pageErrors.length === 0, `${mode}: no page errors or console errors${pageErrors.length ? `: ${pageErrors.join(' | ')}` : ''}`);
    if (got.ok) {
      // Same code, same weights, same seeds; both sides run tfjs-backend-wasm's SIMD kernels. The thread
      // pool splits a matmul's output rows between threads, not a dot product's sum, so the floats should
      // agree exactly (they do where we ran it); 1e-6 absolute allows one float32 rounding of values of
      // order 1. The error counts must be equal.
      const maxDiff = got.xAdv.reduce((m, v, i) => Math.max(m, Math.abs(v - expected.xAdv[i])), 0);
      console.log(`${mode} page vs node: max |x_adv difference| ${maxDiff}, mean loss ${got.meanAdvLoss} vs ${expected.meanAdvLoss}`);
      check(got.xAdv.length === expected.xAdv.length && maxDiff <= 1e-6, `${mode}: adversarial examples equal Node's within 1e-6 (max difference ${maxDiff})`);
      check(Math.abs(got.meanAdvLoss - expected.meanAdvLoss) <= 1e-6, `${mode}: mean adversarial loss equals Node's within 1e-6 (${got.meanAdvLoss} vs ${expected.meanAdvLoss})`);
      check(got.cleanErrors === expected.cleanErrors && got.advErrors === expected.advErrors, `${mode}: error counts equal Node's (${got.cleanErrors} → ${got.advErrors})`);
      check(got.advErrors > got.cleanErrors, `${mode}: the attack raises the error count`);
    }
  } catch (err) {
    check(false, `${mode}: ${err?.stack ?? err}\n--- vite ${mode} output ---\n${serverLog}`);
  } finally {
    await browser?.close();
    server.kill();
  }
}
console.log(failures.length === 0 ? 'vite-threads example: all checks passed' : `vite-threads example: ${failures.length} check(s) failed`);
process.exit(failures.length === 0 ? 0 : 1);

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForServer(url, child, log) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not answer at ${url} within 30 s:\n${log()}`);
}
