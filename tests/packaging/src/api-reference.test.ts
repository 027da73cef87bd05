/**
 * The API reference (`pnpm docs`: TypeDoc over every package's TSDoc, typedoc.json at the repo root) is
 * built here, so a broken reference fails the suite: TypeDoc runs with `treatWarningsAsErrors`, which
 * turns a `{@link}` that resolves to nothing, a link to a symbol that is not exported, or a comment
 * TypeDoc cannot parse into a non-zero exit. Then the reference must document exactly the public API
 * that api/*.api.md pins (read here from the built .d.ts files): every export of every entry point
 * (`@advkit/attacks/evaluate`, `@advkit/trainers/node`, …), nothing from `internal` subpaths.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { apiEntryPoints, readExports } from '../../../scripts/api-report.mjs';
import { runAllowFail } from './lib/run.js';
import { assertBuilt, publishablePackages, repoRoot } from './lib/workspace.js';

interface Reflection {
  name: string;
  kind: number;
  children?: Reflection[];
}
/** TypeDoc's ReflectionKind.Module. */
const MODULE = 2;

const tmp = mkdtempSync(join(tmpdir(), 'advkit-typedoc-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('API reference (TypeDoc)', () => {
  it('builds with no warning and documents every export of every public entry point', async () => {
    publishablePackages().forEach(assertBuilt);
    const res = await runAllowFail(
      join(repoRoot, 'node_modules/.bin/typedoc'),
      ['--out', join(tmp, 'html'), '--json', join(tmp, 'api.json'), '--logLevel', 'Warn'],
      { cwd: repoRoot, timeoutMs: 300_000 },
    );
    expect(res.code, `typedoc failed:\n${res.stdout}\n${res.stderr}`).toBe(0);
    expect(existsSync(join(tmp, 'html/index.html'))).toBe(true);

    const project = JSON.parse(readFileSync(join(tmp, 'api.json'), 'utf8')) as Reflection;
    // Documented names per entry point: a package with one entry point is one module; a package with
    // subpaths is a module whose child modules are `index` (the main entry) and the subpath names.
    const documented = new Map<string, string[]>();
    for (const pkg of project.children ?? []) {
      const subModules = (pkg.children ?? []).filter((c) => c.kind === MODULE);
      if (subModules.length === 0) documented.set(pkg.name, names(pkg));
      for (const sub of subModules) documented.set(sub.name === 'index' ? pkg.name : `${pkg.name}/${sub.name}`, names(sub));
    }

    const entries = apiEntryPoints().flatMap((p) => p.entries).filter((e) => !e.specifier.split('/').includes('internal'));
    expect([...documented.keys()].sort()).toEqual(entries.map((e) => e.specifier).sort());
    const exported = readExports(entries);
    for (const [specifier, list] of exported) {
      expect(documented.get(specifier), `${specifier}: documented exports`).toEqual([...new Set(list.map((x) => x.name))].sort());
    }
  });
});

const names = (r: Reflection): string[] => [...new Set((r.children ?? []).map((c) => c.name))].sort();
