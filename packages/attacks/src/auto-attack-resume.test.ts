import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ArgumentError, initBackend } from '@advkit/core';
import type { Mlp } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { autoAttack, decodeAutoAttackState, encodeAutoAttackState, type AutoAttackOptions, type AutoAttackResult, type AutoAttackState } from './index.js';
import { autoAttackFixture } from './test-utils/auto-attack-fixture.js';

// Settings where two attacks break examples (ε = 0.2 on the fixture MLP: the clean pass 9, APGD-CE 25,
// APGD-T 1; FAB-T and Square run on the 5 left) and 4 batches of 10 per attack: 17 checkpoints.
const settings = { threatModel: { norm: 'linf', epsilon: 0.2, box: { min: 0, max: 1 } }, version: ['apgd-ce', 'apgd-t', 'fab-t', 'square'], batchSize: 10, seed: 0 } as const;
const options = { ...settings, threatModel: new LpBall(settings.threatModel), version: [...settings.version] };

let model: Mlp;
let x: tf.Tensor2D;
let y: tf.Tensor1D;
let want: { robust: boolean[]; brokenBy: unknown[]; xAdv: Float32Array; robustError: number; after: AutoAttackResult['robustAccuracyAfter'] };

const bitsOf = (a: Float32Array): Uint32Array => new Uint32Array(a.buffer, a.byteOffset, a.length);

function expectSameResult(got: { robust: boolean[]; brokenBy: unknown[]; xAdv: Float32Array; robustError: number }): void {
  expect(got.robust).toEqual(want.robust);
  expect(got.brokenBy).toEqual(want.brokenBy);
  expect(got.robustError).toBe(want.robustError);
  // every adversarial example bit for bit (compared as integers, so -0 ≠ 0 and NaN patterns count)
  expect(bitsOf(got.xAdv)).toEqual(bitsOf(want.xAdv));
}

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
  ({ model, x, y } = autoAttackFixture());
  const before = tf.memory().numTensors;
  const res = await autoAttack(model, x, y, options);
  expect(tf.memory().numTensors).toBe(before + 1);
  want = { robust: res.robust, brokenBy: res.brokenBy, xAdv: res.xAdv.dataSync() as Float32Array, robustError: res.robustError, after: res.robustAccuracyAfter };
  res.xAdv.dispose();
  // the settings do what the comment above says (else the test would compare little)
  const broken = new Set(res.brokenBy);
  expect(broken.has('apgd-ce') && broken.has('apgd-t') && broken.has('clean') && broken.has(null)).toBe(true);
}, 600_000);

afterAll(() => {
  tf.dispose([x, y]);
  model.dispose();
});

describe('autoAttack: save and resume', () => {
  it('stopped by its signal part-way (in APGD-T) and resumed from the saved bytes, it ends as the uninterrupted run', async () => {
    const before = tf.memory().numTensors;
    const ctrl = new AbortController();
    let last: Uint8Array | undefined;
    let saves = 0;
    const stopped = await autoAttack(model, x, y, {
      ...options,
      signal: ctrl.signal,
      checkpoint: (s) => {
        last = encodeAutoAttackState(s);
        if (++saves === 7) ctrl.abort(new Error('stop')); // after the clean pass, 4 APGD-CE and 2 APGD-T batches
      },
    }).catch((e: unknown) => e);
    expect(String(stopped)).toMatch(/stop/);
    expect(tf.memory().numTensors).toBe(before);
    const state = decodeAutoAttackState(last!);
    expect(state.shards[0]!.next).toEqual({ attack: 1, batch: 2 });
    const seen: number[] = [];
    const res = await autoAttack(model, x, y, { ...options, resumeFrom: state, onProgress: (p) => seen.push(p.batch) });
    expect(seen[0]).toBe(3); // it went on from APGD-T's third batch, not from the start
    expect(tf.memory().numTensors).toBe(before + 1);
    expectSameResult({ ...res, xAdv: res.xAdv.dataSync() as Float32Array });
    expect(res.robustAccuracyAfter.map((a) => [a.attack, a.robustAccuracy])).toEqual(want.after.map((a) => [a.attack, a.robustAccuracy]));
    res.xAdv.dispose();
    // a finished state resumes to the same result without attacking again
    let finished: AutoAttackState | undefined;
    // (the model is spied on: a resume that attacks calls its logits, a finished one must not)
    const logits = vi.spyOn(model, 'logits');
    const progress: number[] = [];
    let done: Awaited<ReturnType<typeof autoAttack>>;
    try {
      const again = await autoAttack(model, x, y, { ...options, resumeFrom: state, checkpoint: (s) => void (finished = s) });
      again.xAdv.dispose();
      expect(logits.mock.calls.length).toBeGreaterThan(0);
      logits.mockClear();
      done = await autoAttack(model, x, y, { ...options, resumeFrom: finished!, onProgress: (p) => progress.push(p.batch) });
      expect(logits.mock.calls.length).toBe(0); // nothing left to attack: no forward pass, no batch reported
    } finally {
      logits.mockRestore(); // also when an expectation fails: the other tests share the model
    }
    expect(progress).toEqual([]);
    expectSameResult({ ...done, xAdv: done.xAdv.dataSync() as Float32Array });
    done.xAdv.dispose();
  });

  it('refuses a state saved with other settings, naming options.resumeFrom and the setting', async () => {
    let state: AutoAttackState | undefined;
    const ctrl = new AbortController();
    await autoAttack(model, x, y, { ...options, signal: ctrl.signal, checkpoint: (s) => { state = s; ctrl.abort(new Error('stop')); } }).catch(() => undefined);
    const before = tf.memory().numTensors;
    const cases: [Partial<AutoAttackOptions>, RegExp][] = [
      [{ seed: 1 }, /options\.seed differs/],
      [{ batchSize: 20 }, /options\.batchSize differs/],
      [{ version: ['apgd-ce', 'square'] }, /attack list/],
      [{ threatModel: new LpBall({ ...settings.threatModel, epsilon: 0.3 }) }, /threat model differs/],
    ];
    for (const [change, why] of cases) {
      const err = await autoAttack(model, x, y, { ...options, ...change, resumeFrom: state! }).catch((e: unknown) => e);
      expect(ArgumentError.isInstance(err)).toBe(true);
      expect(err).toMatchObject({ fn: 'autoAttack', argument: 'options.resumeFrom' });
      expect(String(err)).toMatch(why);
    }
    const x2 = tf.tidy(() => tf.minimum(tf.add(x, 1e-3), 1));
    await expect(autoAttack(model, x2, y, { ...options, resumeFrom: state! })).rejects.toThrow(/autoAttack: options.resumeFrom .*x \(its bytes differ\)/);
    x2.dispose();
    const other = autoAttackFixture();
    tf.tidy(() => other.model.layers[0]!.bias.assign(tf.add(other.model.layers[0]!.bias, 1e-3)));
    await expect(autoAttack(other.model, x, y, { ...options, resumeFrom: state! })).rejects.toThrow(/model's weights differs/);
    tf.dispose([other.x, other.y]);
    other.model.dispose();
    await expect(autoAttack(model, x, y, { ...options, resumeFrom: { ...state!, version: 99 } })).rejects.toThrow(/autoAttack: options.resumeFrom is not an AutoAttack state: version 99/);
    expect(() => decodeAutoAttackState(encodeAutoAttackState(state!).subarray(0, 100), 'file.json')).toThrow(/file.json are not an AutoAttack state/);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('killed with SIGKILL in the middle of a run that saves to a file, resumed in a new process: the same result bit for bit', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'advkit-aa-'));
    try {
      const env = { AA_SETTINGS: JSON.stringify(settings), AA_STATE: join(dir, 'run.state'), AA_OUT: join(dir, 'out.json') };
      const first = await runChild(env, 6); // SIGKILL right after the 6th save reported (a few ms later)
      expect(first.signal).toBe('SIGKILL');
      const state = decodeAutoAttackState(new Uint8Array(await readFile(env.AA_STATE)));
      expect(state.shards[0]!.next.attack).toBeLessThan(4); // killed before the end
      const second = await runChild(env);
      expect(second.code).toBe(0);
      const out = JSON.parse(await readFile(env.AA_OUT, 'utf8')) as { resumed: boolean; robust: boolean[]; brokenBy: unknown[]; robustError: number; xAdv: string };
      expect(out.resumed).toBe(true);
      const bytes = Buffer.from(out.xAdv, 'base64');
      expectSameResult({ ...out, xAdv: new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4) });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

// Runs src/test-utils/auto-attack-child.mjs (plain Node over the BUILT packages: build first).
const child = fileURLToPath(new URL('./test-utils/auto-attack-child.mjs', import.meta.url));
function runChild(env: Record<string, string>, killAfterSave?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [child], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    p.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
      if (killAfterSave !== undefined && new RegExp(`^saved ${killAfterSave}$`, 'm').test(stderr)) p.kill('SIGKILL');
    });
    p.on('error', reject);
    p.on('exit', (code, signal) => (code !== 0 && signal === null ? reject(new Error(`child exited ${code}: ${stderr}`)) : resolve({ code, signal })));
  });
}
