/**
 * Guards on the GitHub Actions workflows (they cannot run here): every action pinned to a commit SHA,
 * least-privilege permissions, the OIDC token only where npm provenance needs it, and CI running the
 * README's test command on the supported Node versions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './lib/workspace.js';

const dir = join(repoRoot, '.github/workflows');
const workflows = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
const read = (f: string): string => readFileSync(join(dir, f), 'utf8');

/** The lines of one job (from `  <job>:` to the next job at the same indentation). */
function jobBlock(text: string, job: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l === `  ${job}:`);
  if (start < 0) throw new Error(`no job ${job}`);
  const end = lines.findIndex((l, i) => i > start && /^ {2}[\w-]+:\s*$/.test(l));
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

describe('GitHub Actions workflows', () => {
  it('exist: CI and release', () => {
    expect(workflows.sort()).toEqual(['ci.yml', 'release.yml']);
  });

  it.each(workflows)('%s pins every action to a full commit SHA with its version in a comment', (f) => {
    const uses = read(f)
      .split('\n')
      .filter((l) => /^\s*(-\s+)?uses:/.test(l));
    expect(uses.length).toBeGreaterThan(0);
    for (const line of uses) expect(line).toMatch(/uses: [\w.-]+\/[\w.-]+(\/[\w./-]+)?@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });

  it.each(workflows)('%s is read-only at the top level', (f) => {
    expect(read(f)).toMatch(/^permissions:\n {2}contents: read\n/m);
  });

  it('asks for the OIDC token (id-token: write) only in the publish job', () => {
    for (const f of workflows) {
      const text = read(f);
      const count = text.split('\n').filter((l) => /^\s*id-token:\s*write/.test(l)).length;
      expect(count, f).toBe(f === 'release.yml' ? 1 : 0);
    }
    const release = read('release.yml');
    expect(jobBlock(release, 'publish')).toMatch(/id-token: write/);
    expect(jobBlock(release, 'version')).not.toMatch(/id-token/);
    expect(release).toMatch(/changesets\/action@/);
  });

  it('runs the README test command on Node 20.19, 22 and 24, and checks changesets on pull requests', () => {
    const ci = read('ci.yml');
    expect(ci).toMatch(/node: \['20\.19', '22', '24'\]/);
    expect(ci).toMatch(/run: bash \.ci\/run/);
    expect(readFileSync(join(repoRoot, '.ci/run'), 'utf8')).toMatch(/npx -y pnpm@[\d.]+ install && npx -y pnpm@[\d.]+ test/);
    expect(jobBlock(ci, 'changeset')).toMatch(/node scripts\/check-changeset\.mjs --base/);
  });
});
