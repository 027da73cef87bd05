import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './test-utils/run-cli.js';

// The CLI and the file system: every failure is one typed line on stderr and exit 1, the results come
// first, no temporary file is left, and a checkpoint directory is locked, cleaned of stale temporary
// files, and never overwritten without --resume or --fresh.

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'advkit-cli-files-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** One line on stderr after the progress, with the CLI's one prefix and no stack. */
function expectOneTypedLine(stderr: string, prefix: string, message: RegExp): void {
  const last = stderr.trimEnd().split('\n').at(-1)!;
  expect(last.startsWith(`${prefix}: `)).toBe(true);
  expect(last).toMatch(message);
  expect(stderr.split(prefix).length - 1).toBe(1); // one prefix, never doubled
  expect(stderr).not.toMatch(/\n\s+at /);
}

const linear = ['--epochs', '1', '--robust-epochs', '1'];
// a tiny adversarial run (~3 s): 300 images, 1 epoch, PGD-1 training and evaluation on 50 images
const adversarial = ['adversarial', '--train-size', '300', '--test-size', '50', '--epochs', '1', '--train-steps', '1', '--eval-steps', '1'];

describe('demo CLI: file-system failures', () => {
  it('--out pointing at a file: the JSON results are printed, then one line and exit 1', async () => {
    const file = join(dir, 'not-a-dir');
    await writeFile(file, 'x');
    const r = await runCli([...linear, '--json', '--out', file]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).standard.cleanError).toBeTypeOf('number'); // the results survived
    expectOneTypedLine(r.stderr, 'advkit-demo linear', /cannot create the output directory .*not-a-dir: a file is in the way \(EEXIST\)$/);
  });

  it('a directory where a PNG should go: the table is printed, the other pictures written, no temporary file left', async () => {
    const out = join(dir, 'pictures');
    await mkdir(join(out, 'attacked-standard.png'), { recursive: true });
    const r = await runCli([...linear, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/standard model, clean test error/);
    expect(r.stdout).toMatch(/wrote .*perturbation-robust\.png/);
    expectOneTypedLine(r.stderr, 'advkit-demo linear', /cannot write .*attacked-standard\.png: a directory is in the way \(EISDIR\)$/);
    expect((await readdir(out)).sort()).toEqual(['attacked-standard.png', 'perturbation-robust.png', 'perturbation-standard.png']);
  });

  it.skipIf(process.getuid?.() === 0)('a read-only output directory: one line, exit 1 (skipped as root, who may write anyway)', async () => {
    const out = join(dir, 'read-only');
    await mkdir(out);
    await chmod(out, 0o555);
    const r = await runCli([...linear, '--out', out]);
    expect(r.code).toBe(1);
    expectOneTypedLine(r.stderr, 'advkit-demo linear', /cannot write .*: permission denied \(EACCES\)$/);
  });

  it('--checkpoint-dir being a file: one line, exit 1, before any work', async () => {
    const file = join(dir, 'ck-file');
    await writeFile(file, 'x');
    const r = await runCli([...adversarial, '--checkpoint-dir', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/MNIST loaded/);
    expectOneTypedLine(r.stderr, 'advkit-demo adversarial', /cannot create the checkpoint directory .*ck-file: a file is in the way \(EEXIST\)$/);
  });
});

describe('demo CLI: the checkpoint directory', () => {
  it.each([
    ['null', 'null', /standard\.report\.json is not a report \(it holds null\); delete it to evaluate that phase again$/],
    ['a torn write', '{ "cleanError": 0.1, "fgsm', /standard\.report\.json is not valid JSON; delete it/],
    ['a partial report', '{ "cleanError": 0.1, "settings": {} }', /standard\.report\.json is not a complete report \(fgsmError, pgdError, robustError, brokenBy, trainSeconds, evalSeconds, epochs, warnings missing or invalid\)/],
    ['an empty report', '{}', /is not a complete report \(settings, cleanError/],
  ])('--resume refuses a report holding %s: one typed line, exit 1', async (_what, text, message) => {
    const ck = join(dir, `report-${Math.random().toString(36).slice(2)}`);
    await mkdir(ck);
    await writeFile(join(ck, 'standard.report.json'), text);
    const r = await runCli([...adversarial, '--json', '--checkpoint-dir', ck, '--resume']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expectOneTypedLine(r.stderr, 'advkit-demo adversarial', message);
  });

  it('removes stale temporary files of its own saves at start, and nothing else', async () => {
    const ck = join(dir, 'stale');
    await mkdir(ck);
    const stale = ['standard.advkit.99999.tmp', '.standard.report.json.99999.1700000000000.tmp', 'pgd-trained.advkit.4242.tmp'];
    for (const f of [...stale, 'notes.tmp', 'mine.advkit.1.tmp']) await writeFile(join(ck, f), 'x');
    const r = await runCli([...adversarial, '--json', '--checkpoint-dir', ck]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('removed 3 temporary files of an interrupted save');
    expect((await readdir(ck)).sort()).toEqual(['mine.advkit.1.tmp', 'notes.tmp', 'pgd-trained.advkit', 'pgd-trained.report.json', 'standard.advkit', 'standard.report.json']);
  });

  it('an earlier run without --resume needs --fresh: refused (exit 1) and kept; --fresh deletes it and starts over', async () => {
    const ck = join(dir, 'fresh');
    expect((await runCli([...adversarial, '--json', '--checkpoint-dir', ck])).code).toBe(0);
    const again = await runCli([...adversarial, '--json', '--checkpoint-dir', ck]);
    expect(again.code).toBe(1);
    expectOneTypedLine(again.stderr, 'advkit-demo adversarial', /holds an earlier run \(standard\.advkit, standard\.report\.json, pgd-trained\.advkit, pgd-trained\.report\.json\); continue it with --resume, or pass --fresh/);
    expect((await readdir(ck)).length).toBe(4);
    const fresh = await runCli([...adversarial, '--json', '--checkpoint-dir', ck, '--fresh']);
    expect(fresh.code).toBe(0);
    expect(fresh.stderr).toContain('--fresh: deleted standard.advkit, standard.report.json, pgd-trained.advkit, pgd-trained.report.json');
    expect(fresh.stderr).toMatch(/standard: epoch {2}1/); // trained again, not resumed
    const both = await runCli([...adversarial, '--checkpoint-dir', ck, '--fresh', '--resume']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--fresh and --resume exclude each other/);
  });

  it('a second run on a directory in use is refused, naming the running process; the first one finishes', async () => {
    const ck = join(dir, 'locked');
    const args = ['--json', '--epochs', '6', '--robust-epochs', '6', '--checkpoint-dir', ck];
    let second: Promise<Awaited<ReturnType<typeof runCli>>> | undefined;
    let firstPid = 0;
    const first = await runCli(args, {
      onStderr: (text, pid) => {
        if (second === undefined && /standard training: epoch  1/.test(text)) {
          firstPid = pid;
          second = runCli([...args, '--resume']);
        }
      },
    });
    expect(first.code).toBe(0);
    const r = await second!;
    expect(r.code).toBe(1);
    expectOneTypedLine(r.stderr, 'advkit-demo linear', new RegExp(`is in use by process ${firstPid} \\(lock file .*\\.advkit-demo\\.lock\\); wait for that run to end or stop it$`));
    expect(await readdir(ck)).not.toContain('.advkit-demo.lock'); // released at the end
  });

  it('takes over the lock of a process that no longer runs', async () => {
    const ck = join(dir, 'stale-lock');
    await mkdir(ck);
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']); // a pid that has exited
    await writeFile(join(ck, '.advkit-demo.lock'), `${dead.stdout.toString()}\n`);
    const r = await runCli([...adversarial, '--json', '--checkpoint-dir', ck]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`took over the lock of process ${dead.stdout.toString()}, which no longer runs`);
    expect(await readdir(ck)).not.toContain('.advkit-demo.lock');
  });
});
