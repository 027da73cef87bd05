import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './test-utils/run-cli.js';

const demo = (args: string[], interruptOn?: RegExp) => runCli(['adversarial', ...args], { interruptOn });

// what must not change when a run is interrupted and resumed (timings may)
function results(stdout: string): unknown {
  const j = JSON.parse(stdout);
  type M = { cleanError: number; fgsmError: number; pgdError: number; robustError: number; epochs: { trainLoss: number; trainError: number }[]; autoAttack: { robustError: number; brokenBy: object } };
  const m = (r: M) => [r.cleanError, r.fgsmError, r.pgdError, r.robustError, r.epochs.map((e) => [e.trainLoss, e.trainError]), r.autoAttack.robustError, r.autoAttack.brokenBy];
  return [m(j.standard), m(j.pgdTrained)];
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'advkit-adv-ckpt-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('demo:adversarial CLI: --checkpoint-dir, Ctrl-C and --resume', () => {
  // small and quick (a few s a run): 3 epochs of 10 steps; PGD-3 training, PGD-5 evaluation on 200 images, AutoAttack on 20
  const args = ['--json', '--train-size', '1000', '--test-size', '200', '--epochs', '3', '--decay-epoch', '3', '--train-steps', '3', '--train-step-size', '0.04', '--eval-steps', '5', '--eval-step-size', '0.03', '--autoattack-n', '20'];

  it.each([
    ['standard', /standard: epoch  1/, 'standard training at epoch'],
    ['pgd-trained', /pgd-trained: epoch  2/, 'standard evaluated; pgd-trained training at epoch'],
  ])('Ctrl-C in the %s phase saves and exits 130; --resume ends with exactly the results of an uninterrupted run', async (_phase, when, resumedAt) => {
    const reference = await demo(args);
    expect(reference.code).toBe(0);
    const ck = join(dir, String(Math.random()).slice(2));
    const stopped = await demo([...args, '--checkpoint-dir', ck, '--checkpoint-every', '4'], when);
    expect(stopped.code).toBe(130);
    expect(stopped.stdout).toBe('');
    expect(stopped.stderr).toMatch(/interrupted: training state saved in .*; continue with --resume/);
    const resumed = await demo([...args, '--checkpoint-dir', ck, '--resume']);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain(resumedAt);
    expect(results(resumed.stdout)).toEqual(results(reference.stdout)); // bit-identical numbers
    expect((await readdir(ck)).sort()).toEqual(['pgd-trained.advkit', 'pgd-trained.report.json', 'standard.advkit', 'standard.report.json']);
    // a finished run resumes to the same results at once: both phases come from their reports
    const again = await demo([...args, '--checkpoint-dir', ck, '--resume']);
    expect(again.stderr).toContain('standard, pgd-trained evaluated');
    expect(again.stderr).not.toMatch(/epoch {2}1/);
    expect(results(again.stdout)).toEqual(results(reference.stdout));
  });

  it('Ctrl-C during an evaluation stops it between batches (exit 130); --resume evaluates again, same numbers', async () => {
    // a longer evaluation (2,000 images, PGD-40: 20 batches) so the signal lands inside it
    const longEval = [...args, '--test-size', '2000', '--eval-steps', '40'];
    const reference = await demo(longEval);
    expect(reference.code).toBe(0);
    const ck = join(dir, 'eval-interrupted');
    const stopped = await demo([...longEval, '--checkpoint-dir', ck], /^evaluate standard$/m);
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toMatch(/interrupted: training state saved/);
    expect((await readdir(ck)).sort()).toEqual(['standard.advkit']); // trained, not evaluated: no report
    const resumed = await demo([...longEval, '--checkpoint-dir', ck, '--resume']);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).not.toMatch(/standard: epoch/); // its training was complete: not repeated
    expect(results(resumed.stdout)).toEqual(results(reference.stdout));
  });

  it('refuses a resume with other settings or a corrupt report, and --resume without a directory', async () => {
    const ck = join(dir, 'other');
    expect((await demo([...args, '--checkpoint-dir', ck])).code).toBe(0);
    const other = await demo([...args, '--eps', '0.2', '--checkpoint-dir', ck, '--resume']);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/made with other settings/);
    await writeFile(join(ck, 'standard.report.json'), '{ torn');
    const corrupt = await demo([...args, '--checkpoint-dir', ck, '--resume']);
    expect(corrupt.code).toBe(1);
    expect(corrupt.stderr).toMatch(/standard\.report\.json is not valid JSON/);
    expect(corrupt.stderr).not.toMatch(/\n\s+at /);
    const usage = await demo(['--resume']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--resume needs --checkpoint-dir/);
    const every = await demo(['--checkpoint-every', '0', '--checkpoint-dir', ck]);
    expect(every.code).toBe(2);
    expect(every.stderr).toMatch(/--checkpoint-every must be an integer >= 1, got "0"/);
  });
});
