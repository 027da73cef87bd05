/**
 * scripts/sync-example-ranges.mjs, the step of `pnpm version-packages` that moves the examples' `@advkit/*`
 * ranges to the versions `changeset version` just wrote (on 0.x, `^0.1.0` does not admit 0.2.0, and the
 * examples test requires every range to admit the repository's version).
 */
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { packageVersions, syncExampleRanges } from '../../../scripts/sync-example-ranges.mjs';
import { repoRoot } from './lib/workspace.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function writeJson(file: string, value: unknown): void {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** A repository as `changeset version` leaves it: core bumped to 0.2.0, the example still on ^0.1.0. */
function afterVersioning(): string {
  const root = mkdtempSync(join(tmpdir(), 'advkit-sync-'));
  dirs.push(root);
  writeJson(join(root, 'packages/core/package.json'), { name: '@advkit/core', version: '0.2.0' });
  writeJson(join(root, 'packages/models/package.json'), { name: '@advkit/models', version: '0.1.1' });
  writeJson(join(root, 'packages/test-utils/package.json'), { name: '@advkit/test-utils', version: '0.0.0', private: true });
  writeJson(join(root, 'examples/app/package.json'), {
    name: 'app',
    private: true,
    dependencies: { '@advkit/core': '^0.1.0', '@advkit/models': '^0.1.1', '@tensorflow/tfjs-core': '~4.22.0' },
    devDependencies: { '@advkit/test-utils': '^0.0.0' },
  });
  writeFileSync(join(root, 'examples/README.md'), 'not a project\n');
  return root;
}

describe('sync-example-ranges', () => {
  it('reads the published packages’ versions, private ones left out', () => {
    expect([...packageVersions(afterVersioning())]).toEqual(expect.arrayContaining([['@advkit/core', '0.2.0'], ['@advkit/models', '0.1.1']]));
    expect(packageVersions(afterVersioning()).has('@advkit/test-utils')).toBe(false);
  });

  it('moves each range to ^<new version>, touching nothing else; a second run changes nothing', () => {
    const root = afterVersioning();
    const file = join(root, 'examples/app/package.json');
    const before = readFileSync(file, 'utf8');
    expect(syncExampleRanges(root, { write: false })).toEqual([{ example: 'app', dependency: '@advkit/core', from: '^0.1.0', to: '^0.2.0' }]);
    expect(readFileSync(file, 'utf8')).toBe(before); // --check writes nothing
    expect(syncExampleRanges(root)).toHaveLength(1);
    expect(readFileSync(file, 'utf8')).toBe(before.replace('"@advkit/core": "^0.1.0"', '"@advkit/core": "^0.2.0"'));
    expect(readdirSync(join(root, 'examples/app'))).toEqual(['package.json']); // no temporary file left
    expect(syncExampleRanges(root)).toEqual([]);
  });

  it('this repository’s examples are in sync, and `pnpm version-packages` runs the sync after changeset version', () => {
    expect(syncExampleRanges(repoRoot, { write: false })).toEqual([]);
    const scripts = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['version-packages']).toBe('changeset version && node scripts/sync-example-ranges.mjs');
  });
});
