import { cpSync, existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { bin, publishablePackages, readManifest, repoRoot } from './workspace.js';
import { run } from './run.js';
import { publishedVersions } from './registry.js';

const SKIP = new Set(['node_modules', '.turbo', 'coverage']);

/**
 * Copies the workspace into `dest` for publishing and versioning, so that `changeset version` and
 * `pnpm publish` never touch the real working tree: the root manifest and workspace file, the changesets
 * config (not pending changesets), every package under `packages/` with its built `dist/`, and the
 * manifests of the private workspace projects (changesets must find the ones its config ignores).
 *
 * `pnpm publish` reads the version of a `workspace:` dependency from the linked package, so each
 * package gets `node_modules/<dep>` links to the staged copies; the root `node_modules` links to the
 * real one (changesets resolves its changelog generator from there).
 */
export function stageWorkspace(dest: string): void {
  mkdirSync(dest, { recursive: true });
  for (const f of ['package.json', 'pnpm-workspace.yaml']) cpSync(join(repoRoot, f), join(dest, f));
  mkdirSync(join(dest, '.changeset'), { recursive: true });
  cpSync(join(repoRoot, '.changeset/config.json'), join(dest, '.changeset/config.json'));
  cpSync(join(repoRoot, 'packages'), join(dest, 'packages'), {
    recursive: true,
    filter: (src) => !SKIP.has(src.split('/').pop() ?? ''),
  });
  for (const group of ['apps', 'tests']) {
    if (!existsSync(join(repoRoot, group))) continue;
    for (const entry of readdirSync(join(repoRoot, group), { withFileTypes: true })) {
      const manifest = join(repoRoot, group, entry.name, 'package.json');
      if (!entry.isDirectory() || !existsSync(manifest)) continue;
      mkdirSync(join(dest, group, entry.name), { recursive: true });
      cpSync(manifest, join(dest, group, entry.name, 'package.json'));
    }
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(dest, 'node_modules'), 'dir');
  dropPrivateDevDependencies(dest);
  linkWorkspaceDependencies(dest);
}

/**
 * Removes, from the staged packages' manifests, dev dependencies on private workspace projects outside
 * `packages/` (the test helpers of `tests/test-utils`): they serve the repository's own tests, are never
 * published, and a published manifest must not name a package the registry does not have.
 */
function dropPrivateDevDependencies(root: string): void {
  const published = new Set(publishablePackages(root).map((p) => p.name));
  for (const pkg of publishablePackages(root)) {
    const dev = pkg.manifest.devDependencies;
    if (dev === undefined) continue;
    const drop = Object.keys(dev).filter((name) => dev[name]!.startsWith('workspace:') && !published.has(name));
    if (drop.length === 0) continue;
    for (const name of drop) delete dev[name];
    writeFileSync(join(pkg.dir, 'package.json'), JSON.stringify(pkg.manifest, null, 2) + '\n');
  }
}

function linkWorkspaceDependencies(root: string): void {
  const pkgs = publishablePackages(root);
  const byName = new Map(pkgs.map((p) => [p.name, p]));
  for (const pkg of pkgs) {
    const m = pkg.manifest;
    const deps = { ...m.dependencies, ...m.peerDependencies, ...m.optionalDependencies, ...m.devDependencies };
    for (const [name, spec] of Object.entries(deps)) {
      if (!spec.startsWith('workspace:')) continue;
      const target = byName.get(name);
      if (!target) throw new Error(`stageWorkspace: ${pkg.name} depends on ${name} (${spec}), which is not under packages/`);
      const link = join(pkg.dir, 'node_modules', name);
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync(relative(dirname(link), target.dir), link, 'dir');
    }
  }
}

/**
 * Adds a changeset to a staged workspace and runs the real `changeset version` there (it bumps versions,
 * updates dependents and writes each package's CHANGELOG.md).
 */
export async function versionStaged(
  dest: string,
  releases: Record<string, 'major' | 'minor' | 'patch'>,
  summary: string,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const front = Object.entries(releases)
    .map(([name, bump]) => `'${name}': ${bump}`)
    .join('\n');
  writeFileSync(join(dest, '.changeset/registry-test-release.md'), `---\n${front}\n---\n\n${summary}\n`);
  await run(bin.changeset, ['version'], { cwd: dest, env, timeoutMs: 120_000 });
}

/**
 * Publishes every package of a staged workspace whose version the registry does not have yet, with the
 * real command (`pnpm publish`, which packs, replaces `workspace:` ranges and calls `npm publish`).
 * Provenance is turned off on the command line: it can only be generated in CI (the manifests keep
 * `publishConfig.provenance: true` for the real release). Returns what was published.
 */
export async function publishStaged(
  dest: string,
  registryUrl: string,
  env: NodeJS.ProcessEnv,
): Promise<{ name: string; version: string }[]> {
  const published: { name: string; version: string }[] = [];
  for (const pkg of publishablePackages(dest)) {
    const { version } = readManifest(pkg.dir);
    if ((await publishedVersions(registryUrl, pkg.name)).includes(version)) continue;
    await run(bin.pnpm, ['publish', '--no-git-checks', '--provenance=false', '--registry', registryUrl], {
      cwd: pkg.dir,
      env,
      timeoutMs: 120_000,
    });
    published.push({ name: pkg.name, version });
  }
  return published;
}
