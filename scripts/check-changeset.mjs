#!/usr/bin/env node
// Fails a pull request that changes a published package without saying how it is released.
//
//   node scripts/check-changeset.mjs --base origin/main
//
// A package counts as changed when the PR touches a file under its directory that ships or builds it
// (tests, test fixtures and the vitest config do not count). Each changed package must be named in a
// changeset the PR adds (`pnpm changeset`); a PR whose package changes need no release (a refactor
// of internals, a comment) adds an empty changeset instead (`pnpm changeset --empty`).
// CI runs this on pull requests (.github/workflows/ci.yml), except on the "Version Packages" PR.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Files inside a package directory that never reach the published package. */
const NOT_SHIPPED = [/\.test\.[cm]?[jt]sx?$/, /(^|\/)test-utils\//, /(^|\/)test-fixtures\//, /(^|\/)vitest\.config\.[cm]?[jt]s$/];

/**
 * The bump per package named in a changeset file's front matter (`'@advkit/core': patch`); an empty
 * front matter gives an empty object (an explicit "no release").
 * @param {string} text
 * @returns {Record<string, string>}
 */
export function parseChangeset(text) {
  const m = /^---\r?\n([\s\S]*?)\r?\n?---/.exec(text);
  if (!m) throw new Error('a changeset must start with a --- front matter block ---');
  /** @type {Record<string, string>} */
  const releases = {};
  for (const line of (m[1] ?? '').split(/\r?\n/)) {
    if (!line.trim()) continue;
    const r = /^\s*["']?([^"':]+)["']?\s*:\s*(major|minor|patch|none)\s*$/.exec(line);
    if (!r) throw new Error(`cannot read the changeset line ${JSON.stringify(line)}`);
    releases[r[1].trim()] = r[2];
  }
  return releases;
}

/**
 * @param {{
 *   changes: { status: string, path: string }[],
 *   packages: { name: string, dir: string }[],
 *   readChangeset: (path: string) => string,
 * }} input `changes` as `git diff --name-status` lists them (status A, M, D, R…); `packages` the
 *   published packages with their directories relative to the repo root (`packages/core`).
 * @returns {{ ok: boolean, changed: string[], covered: string[], missing: string[], empty: boolean, message: string }}
 */
export function checkChangesets({ changes, packages, readChangeset }) {
  const changed = new Set();
  for (const { path } of changes) {
    const pkg = packages.find((p) => path.startsWith(`${p.dir}/`));
    if (!pkg) continue;
    const inner = path.slice(pkg.dir.length + 1);
    if (NOT_SHIPPED.some((re) => re.test(inner))) continue;
    changed.add(pkg.name);
  }
  const added = changes.filter((c) => c.status.startsWith('A') && /^\.changeset\/[^/]+\.md$/.test(c.path) && c.path !== '.changeset/README.md');
  const covered = new Set();
  let empty = false;
  for (const c of added) {
    const releases = parseChangeset(readChangeset(c.path));
    if (Object.keys(releases).length === 0) empty = true;
    for (const name of Object.keys(releases)) covered.add(name);
  }
  const missing = [...changed].filter((n) => !covered.has(n)).sort();
  const ok = changed.size === 0 || empty || missing.length === 0;
  const message = ok
    ? changed.size === 0
      ? 'No published package changed.'
      : empty && missing.length > 0
        ? `Changed: ${[...changed].sort().join(', ')}; an empty changeset says no release is needed.`
        : `Every changed package has a changeset: ${[...changed].sort().join(', ')}.`
    : [
        `These packages changed but no changeset in this pull request names them: ${missing.join(', ')}.`,
        'Run `pnpm changeset`, pick the packages and the bump (patch, minor, major), write one line for the',
        'changelog, and commit the new .changeset/*.md file. If the change needs no release, run',
        '`pnpm changeset --empty` and commit that file instead.',
      ].join('\n');
  return { ok, changed: [...changed].sort(), covered: [...covered].sort(), missing, empty, message };
}

/** @param {string} root */
function publishedPackages(root) {
  const out = [];
  for (const entry of readdirSync(join(root, 'packages'), { withFileTypes: true })) {
    const manifest = join(root, 'packages', entry.name, 'package.json');
    if (!entry.isDirectory() || !existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
    if (!pkg.private) out.push({ name: pkg.name, dir: `packages/${entry.name}` });
  }
  return out;
}

function main() {
  const args = process.argv.slice(2);
  const i = args.indexOf('--base');
  const base = i >= 0 ? args[i + 1] : 'origin/main';
  const root = fileURLToPath(new URL('..', import.meta.url));
  const diff = execFileSync('git', ['diff', '--name-status', '--no-renames', `${base}...HEAD`], { cwd: root, encoding: 'utf8' });
  const changes = diff
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [status, path] = line.split('\t');
      return { status: status ?? '', path: path ?? '' };
    });
  const result = checkChangesets({
    changes,
    packages: publishedPackages(root),
    // Read as committed, like the diff above (the working tree may have moved on).
    readChangeset: (p) => execFileSync('git', ['show', `HEAD:${p}`], { cwd: root, encoding: 'utf8' }),
  });
  console.log(result.message);
  if (!result.ok) process.exitCode = 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
