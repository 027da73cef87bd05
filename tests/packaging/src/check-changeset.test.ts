import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkChangesets, parseChangeset } from '../../../scripts/check-changeset.mjs';
import { repoRoot } from './lib/workspace.js';

const packages = [
  { name: '@advkit/core', dir: 'packages/core' },
  { name: '@advkit/attacks', dir: 'packages/attacks' },
];

function check(changes: [string, string][], changesets: Record<string, string> = {}) {
  return checkChangesets({
    changes: changes.map(([status, path]) => ({ status, path })),
    packages,
    readChangeset: (p: string) => {
      const text = changesets[p];
      if (text === undefined) throw new Error(`no changeset ${p}`);
      return text;
    },
  });
}

describe('parseChangeset', () => {
  it('reads quoted and unquoted package names and their bumps', () => {
    expect(parseChangeset(`---\n'@advkit/core': patch\n"@advkit/attacks": minor\n---\n\nFix.\n`)).toEqual({
      '@advkit/core': 'patch',
      '@advkit/attacks': 'minor',
    });
  });
  it('reads an empty changeset (no release) as no packages', () => {
    expect(parseChangeset('---\n---\n')).toEqual({});
  });
  it('rejects text that is not a changeset', () => {
    expect(() => parseChangeset('# notes')).toThrow(/front matter/);
    expect(() => parseChangeset(`---\n'@advkit/core': huge\n---\n`)).toThrow(/cannot read/);
  });
});

describe('checkChangesets', () => {
  it('fails a change to a package source without a changeset, naming the package', () => {
    const r = check([['M', 'packages/core/src/rng.ts']]);
    expect(r.ok).toBe(false);
    expect(r.missing).toEqual(['@advkit/core']);
    expect(r.message).toMatch(/pnpm changeset/);
  });

  it('passes when a new changeset names every changed package', () => {
    const r = check(
      [
        ['M', 'packages/core/src/rng.ts'],
        ['M', 'packages/attacks/package.json'],
        ['A', '.changeset/brave-cats.md'],
      ],
      { '.changeset/brave-cats.md': `---\n'@advkit/core': patch\n'@advkit/attacks': minor\n---\n\nX.\n` },
    );
    expect(r).toMatchObject({ ok: true, missing: [] });
  });

  it('fails when the changeset names only some of the changed packages', () => {
    const r = check(
      [
        ['M', 'packages/core/src/rng.ts'],
        ['A', 'packages/attacks/src/fgsm.ts'],
        ['A', '.changeset/one.md'],
      ],
      { '.changeset/one.md': `---\n'@advkit/core': patch\n---\n\nX.\n` },
    );
    expect(r).toMatchObject({ ok: false, missing: ['@advkit/attacks'] });
  });

  it('ignores a changeset that was only modified, not added by this PR', () => {
    const r = check([
      ['M', 'packages/core/src/rng.ts'],
      ['M', '.changeset/old.md'],
    ]);
    expect(r.ok).toBe(false);
  });

  it('accepts an empty changeset as "no release needed"', () => {
    const r = check(
      [
        ['M', 'packages/core/src/rng.ts'],
        ['A', '.changeset/quiet.md'],
      ],
      { '.changeset/quiet.md': '---\n---\n\nInternal refactor.\n' },
    );
    expect(r).toMatchObject({ ok: true, empty: true });
  });

  it('does not ask for a changeset for tests, test fixtures, the vitest config or files outside packages', () => {
    const r = check([
      ['M', 'packages/core/src/rng.test.ts'],
      ['A', 'packages/core/src/test-utils/close.ts'],
      ['M', 'packages/core/test-fixtures/plain-node-gradient.mjs'],
      ['M', 'packages/core/vitest.config.ts'],
      ['M', 'apps/demo/src/cli.ts'],
      ['M', 'README.md'],
    ]);
    expect(r).toMatchObject({ ok: true, changed: [] });
  });

  it('does not take the .changeset README for a changeset', () => {
    const r = check([
      ['M', 'packages/core/README.md'],
      ['A', '.changeset/README.md'],
    ]);
    expect(r).toMatchObject({ ok: false, missing: ['@advkit/core'] });
  });
});

describe('scripts/check-changeset.mjs on a real git history', () => {
  it('exits 1 for a commit that changes a package without a changeset, 0 once one is added', () => {
    const dir = mkdtempSync(join(tmpdir(), 'advkit-changeset-'));
    try {
      const git = (...args: string[]) =>
        execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir, encoding: 'utf8' });
      mkdirSync(join(dir, 'scripts'));
      mkdirSync(join(dir, 'packages/core/src'), { recursive: true });
      mkdirSync(join(dir, '.changeset'));
      execFileSync('cp', [join(repoRoot, 'scripts/check-changeset.mjs'), join(dir, 'scripts/')]);
      writeFileSync(join(dir, 'packages/core/package.json'), JSON.stringify({ name: '@advkit/core', version: '0.1.0' }));
      writeFileSync(join(dir, 'packages/core/src/a.ts'), 'export const a = 1;\n');
      git('init', '-q', '-b', 'main');
      git('add', '.');
      git('commit', '-qm', 'base');
      git('checkout', '-qb', 'feature');
      writeFileSync(join(dir, 'packages/core/src/a.ts'), 'export const a = 2;\n');
      git('commit', '-qam', 'change core');
      const runCheck = () => {
        try {
          return { code: 0, out: execFileSync(process.execPath, ['scripts/check-changeset.mjs', '--base', 'main'], { cwd: dir, encoding: 'utf8' }) };
        } catch (err) {
          const e = err as { status: number; stdout: string };
          return { code: e.status, out: e.stdout };
        }
      };
      const before = runCheck();
      expect(before.code).toBe(1);
      expect(before.out).toMatch(/@advkit\/core/);
      writeFileSync(join(dir, '.changeset/core-a.md'), `---\n'@advkit/core': patch\n---\n\nChange a.\n`);
      git('add', '.');
      git('commit', '-qm', 'changeset');
      expect(runCheck()).toMatchObject({ code: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
