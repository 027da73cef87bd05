/**
 * The public API of every published package is pinned by api/<package>.api.md (scripts/api-report.mjs):
 * this fails, with a diff and the command that updates the reports, when the built .d.ts files export
 * something else. The second part checks the script itself on a small package written here.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApiReports, checkApiReports, lineDiff } from '../../../scripts/api-report.mjs';
import { assertBuilt, publishablePackages } from './lib/workspace.js';

describe('API reports', () => {
  it('api/*.api.md match the exports of the built packages', () => {
    publishablePackages().forEach(assertBuilt);
    const r = checkApiReports();
    expect(r.ok, r.message).toBe(true);
  });
});

describe('scripts/api-report.mjs', () => {
  const root = mkdtempSync(join(tmpdir(), 'advkit-api-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  /** A workspace with one package `@x/demo` (entry points `.` and `./sub`) and its built .d.ts files. */
  function workspace(mainDts: string): void {
    const dir = join(root, 'packages/demo');
    mkdirSync(join(dir, 'dist/sub'), { recursive: true });
    const exports = { '.': { types: './dist/index.d.ts', default: './dist/index.js' }, './sub': { types: './dist/sub/index.d.ts', default: './dist/sub/index.js' }, './package.json': './package.json' };
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: '@x/demo', version: '0.0.0', type: 'module', exports }));
    writeFileSync(join(dir, 'dist/index.d.ts'), mainDts);
    writeFileSync(join(dir, 'dist/thing.d.ts'), 'export declare class Thing { x: number }\nexport declare const LIMIT = 3;\n');
    writeFileSync(join(dir, 'dist/sub/index.d.ts'), 'export declare function helper(a: number): number;\n');
    mkdirSync(join(root, 'packages/private-one'), { recursive: true });
    writeFileSync(join(root, 'packages/private-one/package.json'), JSON.stringify({ name: 'p', private: true }));
  }

  it('lists every entry point’s exports with their kinds, re-exports and type-only exports resolved', () => {
    workspace(
      [
        "export { Thing, LIMIT } from './thing.js';",
        "export type { Thing as ThingType } from './thing.js';",
        'export declare function run(): void;',
        'export declare let counter: number;',
        'export interface Options { a?: number }',
        'export type Mode = "a" | "b";',
        'export declare const Mode: { readonly a: "a" };',
        '',
      ].join('\n'),
    );
    const reports = buildApiReports(root);
    expect([...reports.keys()]).toEqual(['api/demo.api.md']);
    const text = reports.get('api/demo.api.md')!;
    expect(text).toContain('## `@x/demo`\n\n5 values, 2 types.');
    for (const row of ['| `LIMIT` | const |', '| `Mode` | const + type |', '| `Options` | interface |', '| `Thing` | class |', '| `ThingType` | type-only class |', '| `counter` | let |', '| `run` | function |']) {
      expect(text).toContain(row);
    }
    expect(text).toContain('## `@x/demo/sub`\n\n1 values, 0 types.\n\n| export | kind |\n|---|---|\n| `helper` | function |');
  });

  it('fails with a diff and the update command when the API changed, and passes once updated', () => {
    workspace('export declare function run(): void;\nexport declare function old(): void;\n');
    mkdirSync(join(root, 'api'), { recursive: true });
    writeFileSync(join(root, 'api/demo.api.md'), buildApiReports(root).get('api/demo.api.md')!);
    expect(checkApiReports(root).ok).toBe(true);
    workspace('export declare function run(): void;\nexport declare function added(): void;\n');
    const r = checkApiReports(root);
    expect(r.ok).toBe(false);
    expect(r.message).toContain('api/demo.api.md differs from the built API');
    expect(r.message).toContain('- | `old` | function |');
    expect(r.message).toContain('+ | `added` | function |');
    expect(r.message).toContain('pnpm build && pnpm api:report');
    writeFileSync(join(root, 'api/stale.api.md'), 'x');
    expect(checkApiReports(root).message).toContain('api/stale.api.md is the report of no published package');
  });

  it('diffs lines by their longest common subsequence', () => {
    expect(lineDiff('a\nb\nc', 'a\nc\nd')).toBe('- b\n+ d');
    expect(lineDiff('same', 'same')).toBe('');
  });
});
