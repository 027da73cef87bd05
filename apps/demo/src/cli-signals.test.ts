import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './test-utils/run-cli.js';
import { linearResults as results } from './test-utils/linear-results.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'advkit-cli-signals-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('demo CLI: SIGTERM and SIGHUP save and exit like Ctrl-C', () => {
  const args = ['--json', '--epochs', '6', '--robust-epochs', '6'];

  it.each([
    ['SIGTERM', 143, 'standard', /standard training: epoch  2/],
    ['SIGHUP', 129, 'robust', /robust training: epoch  1/],
  ] as const)('%s saves the training state and exits %d; --resume ends with exactly the results of an uninterrupted run', async (signal, code, phase, when) => {
    const reference = await runCli(args);
    expect(reference.code).toBe(0);
    const ck = join(dir, signal);
    const stopped = await runCli([...args, '--checkpoint-dir', ck], { interruptOn: when, signal });
    expect(stopped.code).toBe(code);
    expect(stopped.stdout).toBe('');
    expect(stopped.stderr).toContain(`interrupted: training state saved in ${ck}; continue with --resume (${signal})`);
    // the saved state, and no lock or temporary file left behind
    expect((await readdir(ck)).sort()).toEqual(phase === 'standard' ? ['standard.advkit'] : ['robust.advkit', 'standard.advkit']);
    const resumed = await runCli([...args, '--checkpoint-dir', ck, '--resume']);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(new RegExp(`resuming from .*: ${phase} training at epoch \\d+, step \\d+`));
    expect(results(resumed.stdout)).toEqual(results(reference.stdout)); // bit-identical numbers
  });

  it('a signal without --checkpoint-dir stops the run the same way (exit 143), saying nothing was saved', async () => {
    const r = await runCli(args, { interruptOn: /standard training: epoch  1/, signal: 'SIGTERM' });
    expect(r.code).toBe(143);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('interrupted (SIGTERM); nothing saved (no --checkpoint-dir)');
  });
});
