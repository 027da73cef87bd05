import { cpSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FreshProject } from './fresh-project.js';
import { run } from './run.js';
import { readManifest, repoRoot, type Manifest } from './workspace.js';

/** One runnable example: a folder `examples/<name>/` with a `package.json`. */
export interface Example {
  name: string;
  dir: string;
  manifest: Manifest;
}

/** What a developer's own run may leave in an example folder; never copied. */
const LOCAL = new Set(['node_modules', 'dist', 'package-lock.json', 'saved-model']);

/** Every `examples/*` folder with a `package.json`, sorted by name (new examples are picked up as they come). */
export function listExamples(root: string = repoRoot): Example[] {
  const base = join(root, 'examples');
  if (!existsSync(base)) return [];
  return readdirSync(base, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(base, e.name, 'package.json')))
    .map((e) => ({ name: e.name, dir: join(base, e.name), manifest: readManifest(join(base, e.name)) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The conventions of examples/README.md that a manifest can break: private, a `test` script, a README,
 * and every `@advkit/*` dependency a `^` range that admits the package's version in this repository
 * (so an example never silently pins an old release). Returns the problems found (empty: none).
 */
export function exampleProblems(example: Example, versions: ReadonlyMap<string, string>): string[] {
  const m = example.manifest;
  const problems: string[] = [];
  if (m.private !== true) problems.push('package.json must say "private": true');
  if (!m.scripts?.test) problems.push('package.json has no "test" script');
  if (!existsSync(join(example.dir, 'README.md'))) problems.push('README.md is missing');
  const deps = { ...m.dependencies, ...m.devDependencies };
  const advkit = Object.entries(deps).filter(([name]) => name.startsWith('@advkit/'));
  if (advkit.length === 0) problems.push('depends on no @advkit/* package');
  for (const [name, range] of advkit) {
    const version = versions.get(name);
    if (!version) problems.push(`${name} is not a package of this repository`);
    else if (!admitsCaret(range, version)) problems.push(`${name}: "${range}" does not admit ${version}; use "^${version}"`);
  }
  return problems;
}

/** `^x.y.z` admits `version` (npm's caret rule for the 0.x and ≥ 1 cases; pre-releases not handled). */
function admitsCaret(range: string, version: string): boolean {
  const m = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(range);
  const v = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!m || !v) return false;
  const [a, b, c] = m.slice(1).map(Number) as [number, number, number];
  const [x, y, z] = v.slice(1).map(Number) as [number, number, number];
  if (a > 0) return x === a && (y > b || (y === b && z >= c));
  if (b > 0) return x === 0 && y === b && z >= c;
  return x === 0 && y === 0 && z === c;
}

export interface ExampleRun {
  installSeconds: number;
  testSeconds: number;
  /** stdout + stderr of `npm test`. */
  output: string;
}

/**
 * Copies the example into the fresh project (its manifest replaces the project's), pins each `@advkit/*`
 * dependency to the version this repository published (the registry may also hold later test releases),
 * then `npm install` (from the project's only registry, the local one) and `npm test`. Throws with the
 * command's output when either fails.
 */
export async function runExample(example: Example, project: FreshProject, versions: ReadonlyMap<string, string>): Promise<ExampleRun> {
  cpSync(example.dir, project.dir, { recursive: true, filter: (src) => !LOCAL.has(src.split('/').pop() ?? '') });
  const manifest = readManifest(project.dir);
  for (const field of ['dependencies', 'devDependencies'] as const) {
    for (const name of Object.keys(manifest[field] ?? {})) {
      const version = versions.get(name);
      if (version) manifest[field]![name] = version;
    }
  }
  writeFileSync(join(project.dir, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  let t = performance.now();
  await run('npm', ['install'], { cwd: project.dir, env: project.env, timeoutMs: 300_000 });
  const installSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  const { stdout, stderr } = await run('npm', ['test'], { cwd: project.dir, env: project.env, timeoutMs: 300_000 });
  return { installSeconds, testSeconds: (performance.now() - t) / 1000, output: stdout + stderr };
}
