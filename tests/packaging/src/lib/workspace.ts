import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The monorepo root (this file is tests/packaging/src/lib/workspace.ts). */
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** The workspace's own tools, installed by the root package.json (no global installs assumed). */
export const bin = {
  pnpm: join(repoRoot, 'node_modules/.bin/pnpm'),
  changeset: join(repoRoot, 'node_modules/.bin/changeset'),
  attw: join(repoRoot, 'tests/packaging/node_modules/.bin/attw'),
};

export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  type?: string;
  description?: string;
  keywords?: string[];
  homepage?: string;
  bugs?: { url?: string; email?: string } | string;
  license?: string;
  sideEffects?: boolean | string[];
  exports?: Record<string, unknown>;
  main?: string;
  types?: string;
  files?: string[];
  engines?: Record<string, string>;
  repository?: { type?: string; url?: string; directory?: string };
  publishConfig?: { access?: string; provenance?: boolean; registry?: string };
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  optionalDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  scripts?: Record<string, string>;
}

export interface WorkspacePackage {
  name: string;
  version: string;
  /** Absolute directory. */
  dir: string;
  /** Directory relative to the repo root, e.g. `packages/core`. */
  relDir: string;
  manifest: Manifest;
}

export function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
}

/** Every package under `packages/` (the published ones: none of them is private), sorted by name. */
export function publishablePackages(root: string = repoRoot): WorkspacePackage[] {
  const out: WorkspacePackage[] = [];
  for (const entry of readdirSync(join(root, 'packages'), { withFileTypes: true })) {
    const dir = join(root, 'packages', entry.name);
    if (!entry.isDirectory() || !existsSync(join(dir, 'package.json'))) continue;
    const manifest = readManifest(dir);
    if (manifest.private) continue;
    out.push({ name: manifest.name, version: manifest.version, dir, relDir: `packages/${entry.name}`, manifest });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** Fails with a clear message when a package has not been built (the root `test` script builds first). */
export function assertBuilt(pkg: WorkspacePackage): void {
  if (!existsSync(join(pkg.dir, 'dist/index.js'))) {
    throw new Error(`${pkg.name}: ${pkg.relDir}/dist/index.js is missing; build first (\`pnpm build\` at the repo root)`);
  }
}
