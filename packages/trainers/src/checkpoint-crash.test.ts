import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '@advkit/core';
import { FileCheckpointStore } from './node/index.js';

// Runs src/test-utils/train-child.mjs (plain Node over the BUILT packages: build first) in child
// processes: 240 SGD steps of a linear model on 1,500 synthetic examples, checkpointing after every step.
const child = fileURLToPath(new URL('./test-utils/train-child.mjs', import.meta.url));

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  lastStep: number;
  lastSaved: number;
}

/** When to SIGKILL a child: `afterMs` after spawning, or `jitterMs` after it reports step `afterStep`. */
type Kill = { afterMs: number } | { afterStep: number; jitterMs: number };

function run(env: Record<string, string>, kill?: Kill): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [child], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const killLater = (ms: number): void => {
      if (timer === undefined) timer = setTimeout(() => p.kill('SIGKILL'), ms);
    };
    if (kill !== undefined && 'afterMs' in kill) killLater(kill.afterMs);
    p.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    p.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
      if (kill !== undefined && 'afterStep' in kill && timer === undefined) {
        // the child writes "step T" synchronously (stderr is a pipe) just before it saves step T
        const steps = [...stderr.matchAll(/^step (\d+)$/gm)].map((m) => Number(m[1]));
        if (steps.some((t) => t >= kill.afterStep)) killLater(kill.jitterMs);
      }
    });
    p.on('error', reject);
    p.on('close', (code, signal) => {
      clearTimeout(timer);
      const last = (what: string): number => Math.max(0, ...[...stderr.matchAll(new RegExp(`^${what} (\\d+)$`, 'gm'))].map((m) => Number(m[1])));
      if (code !== 0 && signal === null) reject(new Error(`child failed (${code}): ${stderr}`));
      resolve({ code, signal, stdout, lastStep: last('step'), lastSaved: last('saved') });
    });
  });
}

interface Final {
  weights: string;
  metrics: number[][];
  steps: number;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'advkit-crash-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('checkpoints survive SIGKILL at random moments (child processes)', () => {
  it('each kill loses at most the unfinished step; the resumed run ends bit-identical to an uninterrupted one', async () => {
    const reference = await run({});
    const ref = JSON.parse(reference.stdout) as Final;
    expect(ref.steps).toBe(240);

    const store = new FileCheckpointStore(dir);
    const rng = new Rng(2024);
    // Kills are placed by progress, not by wall time (CI machines differ several-fold in speed, and a
    // timer-only schedule once finished training after 2 kills): one during start-up (Node + wasm take
    // ~0.3 s, so the child has printed nothing), then six after randomly chosen steps. A kill 0 ms after
    // "step T" lands inside step T's save (write, up to PAUSE_MS before the rename, rename) most of the
    // time; one 0-15 ms later lands anywhere in the save or the next step.
    const targets = Array.from({ length: 6 }, () => 1 + Math.floor(rng.uniform(0, 220))).sort((a, b) => a - b);
    const kills: Kill[] = [{ afterMs: rng.uniform(20, 250) }, ...targets.map((t, i) => ({ afterStep: t, jitterMs: i % 2 === 0 ? 0 : rng.uniform(0, 15) }))];
    let killedMidSave = 0;
    let previous = 0; // steps in the checkpoint before this child started (a child killed during startup prints nothing)
    for (const kill of kills) {
      const o = await run({ CKPT_DIR: dir, PAUSE_MS: '10' }, kill);
      expect(o.signal).toBe('SIGKILL'); // each child is killed before it finishes (targets stop 20 steps short)
      const state = await store.load(); // never corrupt: a torn save must leave the previous file
      const saved = state?.totalSteps ?? 0;
      const lastStep = Math.max(previous, o.lastStep);
      const lastSaved = Math.max(previous, o.lastSaved);
      expect(saved).toBeGreaterThanOrEqual(lastSaved); // a save that reported done is never lost
      expect(lastStep - saved).toBeGreaterThanOrEqual(0);
      expect(lastStep - saved).toBeLessThanOrEqual(1); // at most the step whose save was cut short
      if (lastStep > lastSaved) killedMidSave++;
      previous = saved;
    }
    const last = await run({ CKPT_DIR: dir, PAUSE_MS: '10' });
    expect(last.code).toBe(0);
    const final = JSON.parse(last.stdout) as Final;
    expect(killedMidSave).toBeGreaterThanOrEqual(1);
    expect(final.steps).toBe(240);
    expect(final.weights).toBe(ref.weights); // bit-identical float32 bytes
    expect(final.metrics).toEqual(ref.metrics); // the epoch metrics too (partial sums are saved exactly)
    console.log(`crash test: ${kills.length} kills (start-up, then after steps ${targets.join(', ')}) (${killedMidSave} during a save), then a clean finish`);
  });
});

describe('determinism', () => {
  it('the same seed gives bit-identical weights and metrics in two separate processes', async () => {
    const [a, b] = await Promise.all([run({}), run({})]);
    expect(JSON.parse(a.stdout)).toEqual(JSON.parse(b.stdout));
  });

  it('the cpu and wasm backends agree within float32 summation-order rounding', async () => {
    const [w, c] = await Promise.all([run({ BACKEND: 'wasm' }), run({ BACKEND: 'cpu' })]);
    const fw = JSON.parse(w.stdout) as Final;
    const fc = JSON.parse(c.stdout) as Final;
    const floats = (s: string): Float32Array => {
      const b = Buffer.from(s, 'base64');
      return new Float32Array(b.buffer, b.byteOffset, b.length / 4);
    };
    const a = floats(fw.weights);
    const b = floats(fc.weights);
    const scale = Math.max(...Array.from(a, Math.abs));
    const diff = Math.max(...Array.from(a, (v, i) => Math.abs(v - b[i]!))) / scale;
    // The wasm backend's matMul (XNNPACK, SIMD) sums the 50-term dot products in another order than the
    // cpu backend's JS loop, so each of the 240 steps rounds differently (a few ulps, 6e-8 relative each);
    // the differences add up like a random walk. Measured: 1.5e-7 (2-3 ulps of the largest weight);
    // 2e-6 (~30 ulps) leaves room for other seeds while still catching a real divergence.
    console.log(`cpu vs wasm: max |Δw| / max |w| = ${diff.toExponential(2)}`);
    expect(diff).toBeGreaterThan(0); // they do differ: a bit-identical result would mean one backend ran twice
    expect(diff).toBeLessThan(2e-6);
    fw.metrics.forEach((m, i) => expect(Math.abs(m[0]! - fc.metrics[i]![0]!) / m[0]!).toBeLessThan(2e-6));
  });
});
