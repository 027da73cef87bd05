#!/usr/bin/env node
// Sets every `@advkit/*` dependency of the examples/*/ projects to `^<version>` of that package in
// this repository. Part of `pnpm version-packages` (after `changeset version`), so the "Version
// Packages" pull request moves the examples to the new releases with the packages: on 0.x a caret
// range admits only its own minor (`^0.1.0` does not admit 0.2.0), and the examples test requires
// each range to admit the repository's version (tests/packaging, examples/README.md).
//
//   node scripts/sync-example-ranges.mjs           # rewrite the manifests that need it
//   node scripts/sync-example-ranges.mjs --check   # only list them; exit 1 if any needs it
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The version of every published package under `<root>/packages`.
 * @param {string} root
 * @returns {Map<string, string>}
 */
export function packageVersions(root) {
  /** @type {Map<string, string>} */
  const versions = new Map();
  const dir = join(root, 'packages');
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const file = join(dir, e.name, 'package.json');
    if (!e.isDirectory() || !existsSync(file)) continue;
    const m = JSON.parse(readFileSync(file, 'utf8'));
    if (m.private !== true && typeof m.name === 'string' && typeof m.version === 'string') versions.set(m.name, m.version);
  }
  return versions;
}

/**
 * Brings each example's `@advkit/*` ranges to `^<version>`. Each manifest is rewritten whole
 * (2-space JSON and a final newline, as the examples are written) through a temporary file and a
 * rename, so an interrupted run leaves every file either old or new.
 * @param {string} root the repository root
 * @param {{ write?: boolean }} [options] `write: false` only reports. @default { write: true }
 * @returns {{ example: string, dependency: string, from: string, to: string }[]} the changes
 */
export function syncExampleRanges(root, options = {}) {
  const write = options.write ?? true;
  const versions = packageVersions(root);
  const base = join(root, 'examples');
  /** @type {{ example: string, dependency: string, from: string, to: string }[]} */
  const changes = [];
  if (!existsSync(base)) return changes;
  for (const e of readdirSync(base, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const file = join(base, e.name, 'package.json');
    if (!e.isDirectory() || !existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    let changed = false;
    for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
      const deps = manifest[field];
      if (deps === undefined || deps === null) continue;
      for (const [name, range] of Object.entries(deps)) {
        const version = versions.get(name);
        if (!name.startsWith('@advkit/') || version === undefined || range === `^${version}`) continue;
        deps[name] = `^${version}`;
        changes.push({ example: e.name, dependency: name, from: String(range), to: `^${version}` });
        changed = true;
      }
    }
    if (changed && write) {
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, `${JSON.stringify(manifest, null, 2)}\n`);
      renameSync(tmp, file);
    }
  }
  return changes;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
  const changes = syncExampleRanges(root, { write: !check });
  for (const c of changes) console.log(`examples/${c.example}: ${c.dependency} ${c.from} → ${c.to}`);
  if (changes.length === 0) console.log('examples: every @advkit/* range is ^<current version>');
  else if (check) process.exitCode = 1;
}
