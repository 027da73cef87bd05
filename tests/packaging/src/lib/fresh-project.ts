import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, lstatSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isolatedEnv } from './npm-env.js';
import { run } from './run.js';

/** A new, empty npm project whose only configured registry is the local one. */
export interface FreshProject {
  dir: string;
  env: NodeJS.ProcessEnv;
}

export function createProject(dir: string, registryUrl: string, cacheDir: string): FreshProject {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: `fresh-${dir.split('/').pop()}`, version: '1.0.0', private: true, type: 'module' }, null, 2) + '\n',
  );
  const npmrc = `registry=${registryUrl}\n`;
  // Both the project's .npmrc and the (isolated) user config name only the local registry.
  writeFileSync(join(dir, '.npmrc'), npmrc);
  return { dir, env: isolatedEnv(join(dir, '.npm-home'), npmrc, { cacheDir }) };
}

/** `npm install <specs>` as a user would type it. */
export async function npmInstall(project: FreshProject, specs: string[]): Promise<void> {
  await run('npm', ['install', ...specs], { cwd: project.dir, env: project.env, timeoutMs: 300_000 });
}

/** Runs a script of the project with the running Node; returns its stdout. */
export async function runNode(project: FreshProject, args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, args, { cwd: project.dir, env: project.env, timeoutMs: 120_000 });
  return stdout;
}

export interface InstalledPackage {
  name: string;
  version: string;
  /** Path relative to the project, e.g. `node_modules/@advkit/core`. */
  path: string;
}

/**
 * Every package physically present under the project's node_modules (nested node_modules included):
 * read from the disk, not from npm's own report, so a second copy cannot hide behind "deduped".
 */
export function installedPackages(projectDir: string): InstalledPackage[] {
  const out: InstalledPackage[] = [];
  const walk = (nodeModules: string): void => {
    if (!existsSync(nodeModules)) return;
    for (const entry of readdirSync(nodeModules)) {
      if (entry.startsWith('.')) continue;
      const p = join(nodeModules, entry);
      if (entry.startsWith('@')) {
        for (const sub of readdirSync(p)) visit(join(p, sub));
      } else {
        visit(p);
      }
    }
  };
  const visit = (dir: string): void => {
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) return;
    const { name, version } = JSON.parse(readFileSync(manifest, 'utf8')) as { name: string; version: string };
    out.push({ name, version, path: relative(projectDir, dir) });
    walk(join(dir, 'node_modules'));
  };
  walk(join(projectDir, 'node_modules'));
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/** Names of installed packages in a scope (e.g. `@advkit/`), sorted, one entry per copy. */
export function namesIn(pkgs: InstalledPackage[], prefix: string): string[] {
  return pkgs
    .filter((p) => p.name.startsWith(prefix))
    .map((p) => p.name)
    .sort();
}

/**
 * `npm ls --all --json`: fails when npm reports a problem (a missing or invalid dependency, an unmet
 * required peer). Returns the parsed tree.
 */
export async function npmLs(project: FreshProject): Promise<NpmLsNode> {
  const { stdout } = await run('npm', ['ls', '--all', '--json'], { cwd: project.dir, env: project.env, timeoutMs: 120_000 });
  return JSON.parse(stdout) as NpmLsNode;
}

export interface NpmLsNode {
  name?: string;
  version?: string;
  dependencies?: Record<string, NpmLsNode>;
  problems?: string[];
}

/** Every distinct `name@version` in an `npm ls` tree. */
export function lsVersions(tree: NpmLsNode, name: string): string[] {
  const seen = new Set<string>();
  const walk = (node: NpmLsNode): void => {
    for (const [depName, dep] of Object.entries(node.dependencies ?? {})) {
      if (depName === name && dep.version) seen.add(dep.version);
      walk(dep);
    }
  };
  walk(tree);
  return [...seen].sort();
}

/** Bytes of a file, or of every file under a directory (symlinks not followed). */
export function diskBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  if (lstatSync(dir).isFile()) return statSync(dir).size;
  let total = 0;
  const walk = (d: string): void => {
    for (const entry of readdirSync(d)) {
      const p = join(d, entry);
      const st = lstatSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.isFile()) total += statSync(p).size;
    }
  };
  walk(dir);
  return total;
}
