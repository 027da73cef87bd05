import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './test-utils/run-cli.js';
import { linearResults as results } from './test-utils/linear-results.js';

const demo = (args: string[], interruptOn?: RegExp) => runCli(args, { interruptOn });

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'advkit-cli-ckpt-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('demo CLI: --checkpoint-dir, Ctrl-C and --resume', () => {
  const args = ['--json', '--epochs', '6', '--robust-epochs', '6'];

  it.each([
    ['standard', /standard training: epoch  2/],
    ['robust', /robust training: epoch  1/],
  ])('Ctrl-C in the %s phase saves and exits 130; --resume ends with exactly the results of an uninterrupted run', async (phase, when) => {
    const reference = await demo(args);
    expect(reference.code).toBe(0);
    const ck = join(dir, String(Math.random()).slice(2));
    const stopped = await demo([...args, '--checkpoint-dir', ck], when);
    expect(stopped.code).toBe(130);
    expect(stopped.stdout).toBe('');
    expect(stopped.stderr).toMatch(/interrupted: training state saved in .*; continue with --resume/);
    const resumed = await demo([...args, '--checkpoint-dir', ck, '--resume']);
    expect(resumed.code).toBe(0);
    // the signal arrives a few steps after the epoch line (an epoch takes ~50 ms), so still in that phase
    expect(resumed.stderr).toMatch(new RegExp(`resuming from .*: ${phase} training at epoch \\d+, step \\d+`));
    expect(results(resumed.stdout)).toEqual(results(reference.stdout)); // bit-identical numbers
  });

  it('refuses a resume with other settings, a corrupt checkpoint, and --resume without a directory', async () => {
    const ck = join(dir, 'other');
    expect((await demo([...args, '--checkpoint-dir', ck])).code).toBe(0);
    const other = await demo([...args, '--eps', '0.1', '--checkpoint-dir', ck, '--resume']);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/saved with other settings/);
    await writeFile(join(ck, 'standard.advkit'), 'garbage');
    const corrupt = await demo([...args, '--checkpoint-dir', ck, '--resume']);
    expect(corrupt.code).toBe(1);
    expect(corrupt.stderr).toMatch(/standard\.advkit is not an advkit checkpoint|standard\.advkit is truncated/);
    expect(corrupt.stderr).not.toMatch(/\n\s+at /);
    const usage = await demo(['--resume']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--resume needs --checkpoint-dir/);
  });
});
