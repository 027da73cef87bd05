// The page: initBackend() with no wasmPaths (the advkit() Vite plugin supplies the served binaries'
// URLs), 2 wasm threads when the page is cross-origin isolated, then the PGD experiment. The outcome
// goes to window.advkitResult (read by test/check.mjs) and into the page.
import { initBackend } from '@advkit/core';
import { runExperiment } from './experiment.js';

const out = document.getElementById('out');
try {
  const info = await initBackend({ threads: 2 });
  const result = await runExperiment();
  window.advkitResult = { ok: true, crossOriginIsolated: globalThis.crossOriginIsolated === true, info, ...result };
  out.textContent =
    `backend ${info.backend}, SIMD ${info.simd ? 'on' : 'off'}, ${info.threads} threads, cross-origin isolated: ${window.advkitResult.crossOriginIsolated}\n` +
    `PGD (L∞, ε = 0.1, 20 steps) on 64 inputs: ${result.cleanErrors} → ${result.advErrors} errors, mean loss ${result.meanAdvLoss.toFixed(4)}`;
} catch (err) {
  window.advkitResult = { ok: false, error: String(err?.stack ?? err) };
  out.textContent = `error: ${err?.message ?? err}`;
}
