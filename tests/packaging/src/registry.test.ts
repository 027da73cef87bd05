/**
 * Proven, not assumed: every package is published with the real command to a real npm registry
 * (verdaccio) on 127.0.0.1, then installed with npm into fresh projects whose only configured registry
 * is that one, and used the way users use it. Nothing here is skipped: if the registry cannot start or a
 * step cannot run, the test fails.
 *
 * verdaccio serves `@advkit/*` only from what this test published (never proxied) and fetches everything
 * else (tfjs, vite) from the public registry, as npm would. Scenarios: (1) threat-models alone in plain
 * Node, (2) attacks alone on wasm with gradients, (3) a Vite build, (4) `changeset version`, publish and
 * upgrade; then the footprint of each package, each package README's install lines and every js example
 * in it, and every examples/* project (npm install from the registry, then its npm test; for
 * examples/vite-threads, the shipped Vite plugin with 2 wasm threads in Chromium).
 * docs/packaging.md describes it.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createProject,
  diskBytes,
  installedPackages,
  lsVersions,
  namesIn,
  npmInstall,
  npmLs,
  runNode,
  type FreshProject,
  type InstalledPackage,
} from './lib/fresh-project.js';
import { exampleProblems, listExamples, runExample } from './lib/examples.js';
import { isolatedEnv } from './lib/npm-env.js';
import { startRegistry, type LocalRegistry } from './lib/registry.js';
import { run } from './lib/run.js';
import { publishStaged, stageWorkspace, versionStaged } from './lib/stage.js';
import { assertBuilt, publishablePackages, readManifest, repoRoot, type WorkspacePackage } from './lib/workspace.js';

/** Where verdaccio fetches non-advkit packages. */
const UPSTREAM = process.env.ADVKIT_UPSTREAM_REGISTRY ?? 'https://registry.npmjs.org/';
/** The Vite the browser scenario builds with (the one vitest uses in this workspace). */
const VITE = 'vite@8.3.8';
const KEEP = process.env.ADVKIT_KEEP_REGISTRY_TMP === '1';
const fixtures = join(repoRoot, 'tests/packaging/fixtures');

const packages: WorkspacePackage[] = publishablePackages();
const corePeers = readManifest(join(repoRoot, 'packages/core')).peerDependencies ?? {};
const tfCore = `@tensorflow/tfjs-core@${corePeers['@tensorflow/tfjs-core']}`;
const tfWasm = `@tensorflow/tfjs-backend-wasm@${corePeers['@tensorflow/tfjs-backend-wasm']}`;

let tmp = '';
let registry: LocalRegistry | undefined;
let stageDir = '';
let publishEnv: NodeJS.ProcessEnv = {};
let cacheDir = '';
let published: { name: string; version: string }[] = [];
const projects = new Map<string, FreshProject>();

/** A fresh project in the shared temporary directory (one npm cache for all, as on one machine). */
function project(name: string): FreshProject {
  if (!registry) throw new Error('the registry is not running');
  const p = createProject(join(tmp, 'projects', name), registry.url, cacheDir);
  projects.set(name, p);
  return p;
}

/** What npm installs for the given non-advkit specs alone: the baseline that advkit may not add to. */
const baselines = new Map<string, { names: Set<string>; dir: string }>();
async function baselineProject(specs: string[]): Promise<{ names: Set<string>; dir: string }> {
  const key = specs.join(' ');
  const known = baselines.get(key);
  if (known) return known;
  const p = project(`baseline-${baselines.size}`);
  await npmInstall(p, specs);
  const entry = { names: new Set(installedPackages(p.dir).map((x) => x.name)), dir: p.dir };
  baselines.set(key, entry);
  return entry;
}
const baseline = async (specs: string[]): Promise<Set<string>> => (await baselineProject(specs)).names;

/** The `@advkit/*` packages a package depends on, itself included (from the workspace manifests). */
function advkitClosure(name: string): string[] {
  const byName = new Map(packages.map((p) => [p.name, p.manifest]));
  const out = new Set<string>();
  const visit = (n: string): void => {
    if (out.has(n)) return;
    out.add(n);
    for (const dep of Object.keys(byName.get(n)?.dependencies ?? {})) if (dep.startsWith('@advkit/')) visit(dep);
  };
  visit(name);
  return [...out].sort();
}

/** The installed-tree assertions every scenario makes. */
async function expectTree(p: FreshProject, expected: { advkit: string[]; others: Set<string> }): Promise<InstalledPackage[]> {
  const installed = installedPackages(p.dir);
  // Only the expected advkit packages, one copy each.
  expect(namesIn(installed, '@advkit/')).toEqual([...expected.advkit].sort());
  // One copy of tfjs-core on disk, one version in npm's tree: the app holds the single engine.
  expect(installed.filter((x) => x.name === '@tensorflow/tfjs-core').map((x) => x.path)).toEqual(['node_modules/@tensorflow/tfjs-core']);
  const tree = await npmLs(p); // throws on missing/invalid dependencies or unmet required peers
  expect(lsVersions(tree, '@tensorflow/tfjs-core')).toHaveLength(1);
  // Nothing extra pulled in: apart from advkit itself, exactly what the same non-advkit installs bring.
  const others = [...new Set(installed.filter((x) => !x.name.startsWith('@advkit/')).map((x) => x.name))].sort();
  expect(others).toEqual([...expected.others].sort());
  return installed;
}

beforeAll(async () => {
  for (const pkg of packages) assertBuilt(pkg);
  tmp = mkdtempSync(join(tmpdir(), 'advkit-registry-'));
  cacheDir = join(tmp, 'npm-cache');
  registry = await startRegistry({ dir: join(tmp, 'registry'), upstream: UPSTREAM });
  const host = registry.url.replace(/^http:/, '');
  publishEnv = isolatedEnv(join(tmp, 'publisher'), `registry=${registry.url}\n${host}:_authToken=${registry.token}\n`);
  const npmVersion = (await run('npm', ['--version'], { cwd: tmp, env: publishEnv })).stdout.trim();
  console.log(`registry test: Node ${process.version}, npm ${npmVersion}, verdaccio at ${registry.url}`);
  stageDir = join(tmp, 'stage');
  stageWorkspace(stageDir);
  published = await publishStaged(stageDir, registry.url, publishEnv);
});

afterAll(async () => {
  await registry?.stop();
  if (tmp && !KEEP) rmSync(tmp, { recursive: true, force: true });
  else if (tmp) console.log(`registry test files kept in ${tmp}`);
});

describe('a real registry on 127.0.0.1', () => {
  it('takes every workspace package from `pnpm publish`, with workspace ranges resolved', async () => {
    expect(published.map((p) => p.name)).toEqual(packages.map((p) => p.name));
    for (const pkg of packages) {
      const res = await fetch(`${registry!.url}${pkg.name.replace('/', '%2f')}`);
      expect(res.ok).toBe(true);
      const doc = (await res.json()) as { versions: Record<string, { dependencies?: Record<string, string>; dist: { tarball: string } }> };
      const meta = doc.versions[pkg.version];
      expect(meta, `${pkg.name}@${pkg.version} in the registry`).toBeDefined();
      for (const [dep, range] of Object.entries(meta!.dependencies ?? {})) {
        expect(range, `${pkg.name} -> ${dep}`).not.toMatch(/^workspace:/);
        if (dep.startsWith('@advkit/')) expect(range).toBe(`^${readManifest(join(repoRoot, `packages/${dep.slice(8)}`)).version}`);
      }
      expect(new URL(meta!.dist.tarball).hostname).toBe('127.0.0.1');
    }
  });

  it('1. installs only @advkit/threat-models and uses it from plain Node ESM (and CommonJS require)', async () => {
    const p = project('threat-models-node');
    await npmInstall(p, ['@advkit/threat-models', tfWasm]);
    await expectTree(p, { advkit: advkitClosure('@advkit/threat-models'), others: await baseline([tfCore, tfWasm]) });
    expect(advkitClosure('@advkit/threat-models')).toEqual(['@advkit/core', '@advkit/threat-models']);

    cpSync(join(fixtures, 'threat-models-node'), p.dir, { recursive: true });
    const out = JSON.parse(await runNode(p, ['main.mjs'])) as Record<string, unknown>;
    expect(out.backend).toBe('wasm');
    // Projection of (3, 4) onto the unit L2 ball at 0: x / ||x||_2 = (0.6, 0.8); float32 rounding only.
    const [a, b] = out.projected as number[];
    expect(a).toBeCloseTo(0.6, 6);
    expect(b).toBeCloseTo(0.8, 6);
    expect(out.contains).toEqual([true]);
    expect(out.l1Norms).toEqual([7, 2]); // |3| + |-4|, |1| + |1|: exact in float32
    expect(out.dualOfL1).toBe('linf');
    expect(out.argumentError).toMatchObject({ name: 'ArgumentError' });
    expect((out.argumentError as { message: string }).message).toMatch(/^LpBall: options\.norm /);

    const cjs = JSON.parse(await runNode(p, ['require.cjs'])) as Record<string, unknown>;
    expect(cjs).toEqual({ LpBall: 'function', dualOfLinf: 'l1' });
  });

  it('2. installs only @advkit/attacks and runs the exact attack and an FGSM gradient step on wasm in plain Node', async () => {
    const p = project('attacks-node');
    await npmInstall(p, ['@advkit/attacks', tfCore, tfWasm]);
    const closure = advkitClosure('@advkit/attacks');
    expect(closure).not.toContain('@advkit/trainers');
    expect(closure).not.toContain('@advkit/datasets');
    await expectTree(p, { advkit: closure, others: await baseline([tfCore, tfWasm]) });

    cpSync(join(fixtures, 'attacks-node'), p.dir, { recursive: true });
    const out = JSON.parse(await runNode(p, ['main.mjs'])) as {
      info: { backend: string; simd: boolean };
      weight: number[];
      delta: number[];
      fgsmDelta: number[];
      marginsBefore: number[];
      marginsAfter: number[];
    };
    expect(out.info.backend).toBe('wasm');
    const eps = Math.fround(0.1);
    const y = [1, -1];
    // Closed form (Kolter & Madry ch. 2): delta* = -y * eps * sign(w), per example.
    const expected = y.flatMap((yi) => out.weight.map((w) => -yi * eps * Math.sign(w)));
    expect(out.delta).toEqual(expected);
    // FGSM from tf.grad of the logistic loss: eps * sign(-y sigma(-y f) w) = the same perturbation, exactly.
    expect(out.fgsmDelta).toEqual(expected);
    // Every margin drops by exactly eps * ||w||_1; float32 sums of ~1-sized terms: 1e-5 absolute.
    const drop = eps * out.weight.reduce((s, w) => s + Math.abs(w), 0);
    out.marginsAfter.forEach((m, i) => expect(m - out.marginsBefore[i]!).toBeCloseTo(-drop, 5));
  });

  it('3. installs the packages into a Vite project and builds it for the browser', async () => {
    const p = project('vite-app');
    const all = packages.map((x) => x.name);
    await npmInstall(p, [...all, tfCore, tfWasm, VITE]);
    await expectTree(p, { advkit: all, others: await baseline([tfCore, tfWasm, VITE]) });

    cpSync(join(fixtures, 'vite-app'), p.dir, { recursive: true });
    const { stdout, stderr } = await run(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
      cwd: p.dir,
      env: p.env,
      timeoutMs: 300_000,
    });
    const log = stdout + stderr;
    // A Node built-in reaching a browser bundle is a packaging bug (Vite swaps in a stub that throws when
    // used). The one exception: @advkit/datasets loads its Node-only file (`internal/node-io.js`, built-ins
    // imported dynamically inside functions) with a dynamic import on the Node path only; Vite still
    // warns about it. Any other importer fails here.
    const externalized = log.split('\n').filter((line) => line.includes('externalized for browser compatibility'));
    for (const line of externalized) expect(line).toMatch(/imported by "[^"]*\/node_modules\/@advkit\/datasets\/dist\/internal\/node-io\.js"/);
    const assets = readdirSync(join(p.dir, 'dist/assets'));
    for (const name of ['tfjs-backend-wasm', 'tfjs-backend-wasm-simd', 'tfjs-backend-wasm-threaded-simd']) {
      expect(assets.some((f) => new RegExp(`^${name}-[\\w-]+\\.wasm$`).test(f)), `${name}.wasm emitted`).toBe(true);
    }
    const js = assets.filter((f) => f.endsWith('.js'));
    expect(js.length).toBeGreaterThan(0);
    for (const f of js) {
      const code = readFileSync(join(p.dir, 'dist/assets', f), 'utf8');
      expect(code, f).not.toMatch(/["']node:[a-z/_]+["']/);
    }
    expect(readFileSync(join(p.dir, 'dist/index.html'), 'utf8')).toMatch(/<script type="module"[^>]+src="\/assets\/index-[\w-]+\.js"/);
    const jsBytes = js.reduce((s, f) => s + diskBytes(join(p.dir, 'dist/assets', f)), 0);
    console.log(`vite build: ${js.length} JS chunks, ${kb(jsBytes)} of JS (minified, not gzipped)`);
  });

  it('4. versions a package with `changeset version`, publishes again, and upgrades a fresh project to it', async () => {
    const before = new Map(publishablePackages(stageDir).map((p) => [p.name, p.version]));
    await versionStaged(stageDir, { '@advkit/threat-models': 'minor' }, 'Registry test: a new minor release of threat-models.', publishEnv);
    const after = new Map(publishablePackages(stageDir).map((p) => [p.name, p.version]));
    const oldTm = before.get('@advkit/threat-models')!;
    const newTm = after.get('@advkit/threat-models')!;
    expect(newTm).toBe(bumpMinor(oldTm));
    const changelog = readFileSync(join(stageDir, 'packages/threat-models/CHANGELOG.md'), 'utf8');
    expect(changelog).toContain(`## ${newTm}`);
    expect(changelog).toContain('Registry test: a new minor release of threat-models.');
    // Dependents of threat-models get a patch release with "Updated dependencies"; nothing else moves.
    const changed = [...after].filter(([n, v]) => before.get(n) !== v).map(([n]) => n).sort();
    const dependents = packages.filter((x) => advkitClosure(x.name).includes('@advkit/threat-models')).map((x) => x.name).sort();
    expect(changed).toEqual(dependents);
    // The real working tree is untouched.
    for (const pkg of packages) expect(readManifest(pkg.dir).version).toBe(pkg.version);

    const republished = await publishStaged(stageDir, registry!.url, publishEnv);
    expect(republished.map((x) => x.name).sort()).toEqual(changed);

    const p = projects.get('threat-models-node');
    expect(p, 'scenario 1 ran first').toBeDefined();
    await npmInstall(p!, [`@advkit/threat-models@${newTm}`]);
    const installed = await expectTree(p!, { advkit: advkitClosure('@advkit/threat-models'), others: await baseline([tfCore, tfWasm]) });
    expect(installed.find((x) => x.name === '@advkit/threat-models')?.version).toBe(newTm);
    expect(readManifest(p!.dir).dependencies?.['@advkit/threat-models']).toBe(`^${newTm}`);
    const out = JSON.parse(await runNode(p!, ['main.mjs'])) as { backend: string; l1Norms: number[] };
    expect(out.backend).toBe('wasm');
    expect(out.l1Norms).toEqual([7, 2]);

    // A dependent's new patch release pulls the new threat-models into the attacks project, still one copy.
    const q = projects.get('attacks-node')!;
    const newAttacks = after.get('@advkit/attacks')!;
    await npmInstall(q, [`@advkit/attacks@${newAttacks}`]);
    const qInstalled = await expectTree(q, { advkit: advkitClosure('@advkit/attacks'), others: await baseline([tfCore, tfWasm]) });
    expect(qInstalled.find((x) => x.name === '@advkit/threat-models')?.version).toBe(newTm);
    expect(qInstalled.find((x) => x.name === '@advkit/attacks')?.version).toBe(newAttacks);
  });

  it('reports the packed size and install footprint of each package', async () => {
    const { names: base, dir: baseDir } = await baselineProject([tfCore]);
    const tfOnlyBytes = diskBytes(join(baseDir, 'node_modules'));
    const rows: string[] = [];
    for (const pkg of packages) {
      const version = readManifest(join(stageDir, pkg.relDir)).version;
      const res = await fetch(`${registry!.url}${pkg.name.replace('/', '%2f')}`);
      const doc = (await res.json()) as { versions: Record<string, { dist: { tarball: string } }> };
      const tarball = Buffer.from(await (await fetch(doc.versions[version]!.dist.tarball)).arrayBuffer());
      const unpacked = join(tmp, 'unpacked', pkg.relDir);
      mkdirSync(unpacked, { recursive: true });
      writeFileSync(join(unpacked, 'package.tgz'), tarball);
      await run('tar', ['-xzf', 'package.tgz'], { cwd: unpacked });
      const unpackedFiles = listFiles(join(unpacked, 'package'));

      const p = project(`footprint-${pkg.relDir.split('/')[1]}`);
      await npmInstall(p, [pkg.name]);
      const installed = await expectTree(p, { advkit: advkitClosure(pkg.name), others: base });
      const advkitBytes = diskBytes(join(p.dir, 'node_modules/@advkit'));
      const allBytes = diskBytes(join(p.dir, 'node_modules'));
      // A budget that catches a data file or a bundled dependency slipping into a package.
      expect(tarball.length, `${pkg.name} packed size`).toBeLessThan(200_000);
      rows.push(
        `| ${pkg.name} | ${kb(tarball.length)} | ${kb(diskBytes(join(unpacked, 'package')))} | ${unpackedFiles.length} | ` +
          `${advkitClosure(pkg.name).length} | ${kb(advkitBytes)} | ${installed.length} | ${mb(allBytes)} |`,
      );
    }
    console.log(
      [
        '',
        '| package | packed | unpacked | files | @advkit packages installed | @advkit on disk | packages installed (with tfjs-core) | node_modules total |',
        '|---|---|---|---|---|---|---|---|',
        ...rows,
        `| (baseline: @tensorflow/tfjs-core alone) | | | | 0 | 0 | ${base.size} | ${mb(tfOnlyBytes)} |`,
        '',
      ].join('\n'),
    );
  });
});

describe('README examples', () => {
  it.each(packages.map((p) => [p.name, p] as const))('%s: the README install commands and every js example run as written', async (name, pkg) => {
    const readmePath = join(pkg.dir, 'README.md');
    expect(existsSync(readmePath), `${pkg.relDir}/README.md exists`).toBe(true);
    const readme = readFileSync(readmePath, 'utf8');
    const blocks = (lang: RegExp): string[] =>
      [...readme.matchAll(/```(\w*)\n([\s\S]*?)```/g)].filter((m) => lang.test(m[1] ?? '')).map((m) => m[2] ?? '');
    // Every `npm install` line of the README's shell blocks, comments dropped (optional extras included:
    // the example may need them).
    const installs = blocks(/^(sh|bash|shell)$/)
      .flatMap((b) => b.split('\n'))
      .map((l) => l.replace(/#.*$/, '').trim())
      .filter((l) => l.startsWith('npm install '));
    expect(installs.length, 'README has an `npm install` command').toBeGreaterThan(0);
    // Every js block that imports an advkit package is a whole program and runs; `ts` blocks are
    // signatures and fragments (they use the reader's own model and data) and do not.
    const examples = blocks(/^(js|javascript|mjs)$/).filter((b) => /from '@advkit\//.test(b));
    expect(examples.some((b) => b.includes(`from '${name}'`)), `README has a js example importing ${name}`).toBe(true);

    const p = project(`readme-${pkg.relDir.split('/')[1]}`);
    for (const line of installs) await npmInstall(p, line.split(/\s+/).slice(2));
    for (const [i, code] of examples.entries()) {
      writeFileSync(join(p.dir, `readme-example-${i + 1}.mjs`), code);
      await runNode(p, [`readme-example-${i + 1}.mjs`]); // throws with its output if the example fails
    }
    const installed = installedPackages(p.dir);
    expect(installed.filter((x) => x.name === '@tensorflow/tfjs-core')).toHaveLength(1);
  });
});

// Every examples/*/ project (examples/README.md): installed from the registry as a user would, then its
// own `npm test`, which exits non-zero when the example's check fails. The helpers are in lib/examples.ts.
describe('examples', () => {
  const examples = listExamples();
  const versions = new Map(packages.map((p) => [p.name, p.version]));
  it('there are examples, each following the conventions of examples/README.md', () => {
    expect(examples.length).toBeGreaterThan(0);
    for (const ex of examples) expect(exampleProblems(ex, versions), `examples/${ex.name}`).toEqual([]);
  });
  it.each(examples.map((e) => [e.name, e] as const))('examples/%s: `npm install` from the registry, then `npm test`', async (name, ex) => {
    const p = project(`example-${name}`);
    const r = await runExample(ex, p, versions); // throws with the example's output when it fails
    // One copy of tfjs-core and of each advkit package, as in every scenario above.
    const installed = installedPackages(p.dir);
    expect(installed.filter((x) => x.name === '@tensorflow/tfjs-core')).toHaveLength(1);
    const advkit = namesIn(installed, '@advkit/');
    expect(advkit).toEqual([...new Set(advkit)]);
    console.log(`examples/${name}: npm install ${r.installSeconds.toFixed(1)} s, npm test ${r.testSeconds.toFixed(1)} s`);
    if (name === 'vite-threads') expectViteThreads(p.dir, r.output);
  });
});

/**
 * examples/vite-threads uses only the shipped plugin (`advkit()` of `@advkit/core/vite`): no hand-written
 * `?url` imports of the binaries and no wasmPaths anywhere. Its `npm test` (`vite build` + test/check.mjs:
 * vite preview, then the dev server, in Chromium at /usr/bin/chromium, never downloaded) printed an `ok`
 * line for cross-origin isolation, `initBackend({ threads: 2 })` → wasm + SIMD + 2 threads, and the page's
 * PGD result against the same code run in Node (the tolerance and its reason are in check.mjs).
 */
function expectViteThreads(dir: string, output: string): void {
  for (const f of ['vite.config.js', 'src/main.js', 'src/experiment.js']) {
    const code = readFileSync(join(dir, f), 'utf8');
    expect(code, f).not.toMatch(/\.wasm\?url/);
    expect(code, f).not.toMatch(/wasmPaths\s*:/);
  }
  expect(readFileSync(join(dir, 'vite.config.js'), 'utf8')).toMatch(/from '@advkit\/core\/vite'/);
  for (const mode of ['preview', 'dev']) {
    expect(output).toMatch(new RegExp(`^ok {3}${mode}: the page is crossOriginIsolated$`, 'm'));
    expect(output).toMatch(new RegExp(`^ok {3}${mode}: initBackend\\(\\{ threads: 2 \\}\\) reports wasm, SIMD, 2 threads`, 'm'));
    expect(output).toMatch(new RegExp(`^ok {3}${mode}: adversarial examples equal Node's`, 'm'));
  }
  expect(output).not.toMatch(/^FAIL/m);
  expect(output).toContain('vite-threads example: all checks passed');
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

function bumpMinor(v: string): string {
  const [major, minor] = v.split('.').map(Number);
  return `${major}.${minor! + 1}.0`;
}

// Decimal units, as `npm pack` reports them.
const kb = (n: number): string => `${(n / 1000).toFixed(1)} kB`;
const mb = (n: number): string => `${(n / 1e6).toFixed(1)} MB`;
