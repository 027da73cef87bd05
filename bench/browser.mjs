// Benchmark of the demo page in Chromium (not a test): epoch times of the linear experiment on the wasm
// backend with 1 thread vs all threads (the page cross-origin isolated) vs the Node CLI, plus an MLP
// forward/backward micro-benchmark (784-1024-1024-10, batch 256) on 1 vs 2+ threads — matrix-heavy work,
// where the target is threads >= 1.6x on two cores. Writes bench-results/browser.json.
//
// usage: pnpm bench:browser [--reps N]     (needs /usr/bin/chromium: scripts/ensure-chromium.sh)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../apps/demo/scripts/serve-static.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const reps = Number(process.argv[process.argv.indexOf('--reps') + 1] || 3) || 3;
const { chromium } = createRequire(join(root, 'apps/demo/package.json'))('playwright-core');
const webDir = join(root, 'apps/demo/dist-web');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** Median epoch time, first epoch left out (it includes warm-up). */
const epochMedian = (epochs) => median(epochs.slice(1).map((e) => e.seconds));
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

if (!existsSync(join(webDir, 'index.html'))) throw new Error(`${webDir} is missing: run \`pnpm build\` first`);
if (spawnSync('sh', [join(root, 'scripts/ensure-chromium.sh')], { stdio: 'inherit' }).status !== 0) process.exit(1);

const server = await serveStatic(webDir, { isolated: true });
const profiles = mkdtempSync(join(tmpdir(), 'advkit-bench-chromium-'));

async function withPage(query, fn) {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(profiles, 'p-')), { executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url + query);
    await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 60_000 });
    return await fn(page);
  } finally {
    await context.close();
  }
}

async function browserRun(threads) {
  return withPage(threads === undefined ? '' : `?threads=${threads}`, async (page) => {
    await page.click('[data-testid=run]');
    await page.waitForFunction(() => ['done', 'error'].includes(document.body.dataset.state), null, { timeout: 300_000 });
    const s = await page.evaluate(() => ({ backend: window.advkitDemo.backend, epochs: window.advkitDemo.epochs, error: window.advkitDemo.error, results: window.advkitDemo.results }));
    if (s.error) throw new Error(`the page failed: ${s.error}`);
    return { threads: s.backend.threads, standard: epochMedian(s.epochs.standard), robust: epochMedian(s.epochs.robust), results: s.results };
  });
}

async function mlpBench() {
  return withPage('', async (page) => {
    await page.click('[data-testid=bench]');
    await page.waitForFunction(() => window.advkitDemo.bench.length >= 2 || window.advkitDemo.state === 'error', null, { timeout: 300_000 });
    const s = await page.evaluate(() => ({ bench: window.advkitDemo.bench, error: window.advkitDemo.error }));
    if (s.error) throw new Error(`the MLP benchmark failed: ${s.error}`);
    return s.bench;
  });
}

function nodeRun() {
  const r = spawnSync(process.execPath, [join(root, 'apps/demo/dist/cli.js'), '--json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`the CLI failed: ${r.stderr}`);
  const j = JSON.parse(r.stdout);
  return { standard: epochMedian(j.standard.epochs), robust: epochMedian(j.robust.epochs) };
}

try {
  const runs = { node: [], browser1: [], browserAll: [], mlp: [] };
  for (let i = 0; i < reps; i++) {
    runs.node.push(nodeRun());
    runs.browser1.push(await browserRun(1));
    runs.browserAll.push(await browserRun(undefined));
    runs.mlp.push(await mlpBench());
  }
  const med = (list, key) => median(list.map((r) => r[key]));
  const mlp1 = median(runs.mlp.map((b) => b.find((r) => r.threads === 1).msPerStep));
  const mlpN = median(runs.mlp.map((b) => b.find((r) => r.threads > 1).msPerStep));
  const auto1 = median(runs.mlp.map((b) => b.find((r) => r.threads === 1).autodiffMsPerStep));
  const autoN = median(runs.mlp.map((b) => b.find((r) => r.threads > 1).autodiffMsPerStep));
  const threadsAll = runs.browserAll[0].threads;
  const summary = {
    machine: `${cpus().length} logical CPUs, ${cpus()[0]?.model ?? '?'}`,
    reps,
    epochSeconds: {
      node: { standard: med(runs.node, 'standard'), robust: med(runs.node, 'robust') },
      browser1Thread: { standard: med(runs.browser1, 'standard'), robust: med(runs.browser1, 'robust') },
      [`browser${threadsAll}Threads`]: { standard: med(runs.browserAll, 'standard'), robust: med(runs.browserAll, 'robust') },
    },
    mlpMsPerStep: { '1': mlp1, [String(runs.mlp[0].find((r) => r.threads > 1).threads)]: mlpN, speedup: mlp1 / mlpN },
    mlpAutodiffMsPerStep: { '1': auto1, [String(runs.mlp[0].find((r) => r.threads > 1).threads)]: autoN, speedup: auto1 / autoN },
    runs,
  };
  mkdirSync(join(root, 'bench-results'), { recursive: true });
  writeFileSync(join(root, 'bench-results/browser.json'), JSON.stringify(summary, null, 2) + '\n');
  const f = (s) => `${(s * 1000).toFixed(1)} ms`;
  console.log(`machine: ${summary.machine}; medians of ${reps} runs (epoch times: median over epochs 2..n)`);
  console.log('linear experiment, time per epoch      standard      robust');
  for (const [name, v] of Object.entries(summary.epochSeconds)) console.log(`  ${name.padEnd(36)} ${f(v.standard).padStart(10)} ${f(v.robust).padStart(11)}`);
  console.log(`MLP 784-1024-1024-10, batch 256, forward+backward (explicit backprop): 1 thread ${mlp1.toFixed(1)} ms/step, ${runs.mlp[0].find((r) => r.threads > 1).threads} threads ${mlpN.toFixed(1)} ms/step, speed-up ${(mlp1 / mlpN).toFixed(2)}x`);
  console.log(`  the same with tfjs autodiff (tf.variableGrads): 1 thread ${auto1.toFixed(0)} ms/step, more threads ${autoN.toFixed(0)} ms/step, speed-up ${(auto1 / autoN).toFixed(2)}x`);
  console.log('wrote bench-results/browser.json');
} finally {
  await server.close();
  rmSync(profiles, { recursive: true, force: true });
}
