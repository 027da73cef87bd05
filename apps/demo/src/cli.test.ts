import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './test-utils/run-cli.js';

const demo = (args: string[]) => runCli(args);

describe('demo CLI (the built dist/cli.js, as `pnpm demo` runs it)', () => {
  it('--json prints one JSON object with the results and settings; progress goes to stderr; --out writes PNGs', async () => {
    const out = await mkdtemp(join(tmpdir(), 'advkit-demo-'));
    try {
      const r = await demo(['--json', '--digits', '3,8', '--norm', '2', '--eps', '1', '--epochs', '2', '--robust-epochs', '2', '--out', out]);
      expect(r.code).toBe(0);
      const j = JSON.parse(r.stdout);
      expect(r.stdout.trim().split('\n')).toHaveLength(1);
      expect(j.settings).toMatchObject({ digits: [3, 8], norm: 'l2', epsilon: 1, epochs: 2, robustEpochs: 2, seed: 0, batchSize: 100 });
      for (const k of ['standard', 'robust']) {
        for (const f of ['cleanError', 'adversarialError', 'trainSeconds']) expect(typeof j[k][f]).toBe('number');
      }
      // robust training must help against the attack it was trained for
      expect(j.robust.adversarialError).toBeLessThan(j.standard.adversarialError);
      expect(j.backend).toMatchObject({ backend: 'wasm', simd: true });
      expect(r.stderr).toMatch(/standard training: epoch  2/);
      expect(j.images).toHaveLength(4);
      for (const f of j.images as string[]) {
        const png = await readFile(f);
        expect(Array.from(png.subarray(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      }
      const pert = await readFile(join(out, 'perturbation-standard.png'));
      expect([pert.readUInt32BE(16), pert.readUInt32BE(20)]).toEqual([224, 224]); // 28×28 scaled 8×
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('prints the table beside the tutorial figures', async () => {
    const r = await demo(['--epochs', '1', '--robust-epochs', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/standard model, clean test error\s+0\.\d{6}\s+0\.000946/);
    expect(r.stdout).toMatch(/robust model, attacked test error\s+0\.\d{6}\s+0\.025059/);
  });

  it.each([
    [['--bogus'], /Unknown option '--bogus'/],
    [['--eps=-1'], /--eps must be a number >= 0, got "-1"/],
    [['--eps', 'abc'], /--eps must be a number >= 0/],
    [['--norm', '3'], /--norm must be inf, 2 or 1, got "3"/],
    [['--digits', '1,1'], /--digits must be two different digits/],
    [['--epochs', '0'], /--epochs must be an integer from 1 to 10000/],
    [['--batch-size', '1.5'], /--batch-size must be an integer/],
    [['--backend', 'webgl'], /--backend must be wasm or cpu/],
    [['extra'], /Unexpected argument 'extra'|positional/i],
  ])('rejects %j with a clear message and exit code 2', async (args, message) => {
    const r = await demo(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stderr).toMatch(/usage: pnpm demo/);
    expect(r.stdout).toBe('');
  });

  it('reports a missing data directory plainly, with exit code 1 and no stack', async () => {
    const r = await demo(['--data', '/nonexistent/mnist']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\/nonexistent\/mnist/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('ignores the `--` that `pnpm demo -- --help` passes through', async () => {
    const r = await demo(['--', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--digits a,b/);
  });

  it('--help prints usage and exits 0', async () => {
    const r = await demo(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--digits a,b/);
  });
});
