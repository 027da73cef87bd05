/**
 * Package hygiene of every published package, checked on the tarball `pnpm pack` makes (what `pnpm
 * publish` uploads, `workspace:` ranges already replaced): publint (strict, suggestions included),
 * @arethetypeswrong/cli, the manifest fields the project promises, the tarball's contents, that every
 * import in the shipped code is declared, that a main entry pulls in no bundler (vite), and that importing a package
 * registers nothing in tfjs.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAllowFail, run } from './lib/run.js';
import { assertBuilt, bin, publishablePackages, readManifest, repoRoot, type Manifest } from './lib/workspace.js';

const packages = publishablePackages();
const rootEngines = readManifest(repoRoot).engines;

interface Packed {
  tarball: string;
  /** Paths inside the tarball, without the leading `package/`. */
  files: string[];
  /** The extracted tarball. */
  dir: string;
  manifest: Manifest;
}

let tmp = '';
const packed = new Map<string, Packed>();

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'advkit-pack-'));
  for (const pkg of packages) {
    assertBuilt(pkg);
    const dest = join(tmp, pkg.relDir.replace('/', '-'));
    mkdirSync(dest, { recursive: true });
    const { stdout } = await run(bin.pnpm, ['pack', '--pack-destination', dest, '--json'], { cwd: pkg.dir });
    const info = JSON.parse(stdout) as { filename: string; files: { path: string }[] };
    const dir = join(dest, 'extracted');
    mkdirSync(dir);
    await run('tar', ['-xzf', info.filename, '-C', dir], { cwd: dest });
    packed.set(pkg.name, {
      tarball: info.filename,
      files: info.files.map((f) => f.path).sort(),
      dir: join(dir, 'package'),
      manifest: readManifest(join(dir, 'package')),
    });
  }
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const get = (name: string): Packed => {
  const p = packed.get(name);
  if (!p) throw new Error(`${name} was not packed`);
  return p;
};

describe.each(packages.map((p) => [p.name, p] as const))('%s', (name, pkg) => {
  it('passes publint --strict with no suggestion left', async () => {
    const tarball = readFileSync(get(name).tarball);
    const { messages, pkg: manifest } = await publint({
      pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) },
      strict: true,
      level: 'suggestion',
    });
    expect(messages.map((m) => `${m.type}: ${formatMessage(m, manifest, { color: false }) ?? m.code}`)).toEqual([]);
  });

  it('passes @arethetypeswrong/cli', async () => {
    // ESM only by design: `require()` of these packages works on Node >= 20.19 (require(esm), the engines
    // floor; the registry test runs a CommonJS require), so "CJS resolves to ESM" is not a problem here.
    const res = await runAllowFail(
      bin.attw,
      [get(name).tarball, '--ignore-rules', 'cjs-resolves-to-esm', '--format', 'ascii', '--no-emoji', '--no-color'],
      { cwd: tmp },
    );
    expect(res.code, res.stdout + res.stderr).toBe(0);
  });

  it('declares the fields the project promises (exports, type, sideEffects, files, engines, peers, repository, keywords, homepage, bugs, publishConfig)', () => {
    const { manifest: m, files } = get(name);
    expect(m.name).toBe(name);
    expect(m.type).toBe('module');
    expect(m.license).toBe('MIT');
    expect(m.description?.length).toBeGreaterThan(20);

    // exports: `types` first in every condition object, a root entry and a `./package.json` entry.
    const exportsMap = m.exports ?? {};
    expect(Object.keys(exportsMap)).toContain('.');
    expect(exportsMap['./package.json']).toBe('./package.json');
    for (const [subpath, target] of Object.entries(exportsMap)) {
      if (typeof target === 'string') {
        expect(files, `exports["${subpath}"]`).toContain(target.replace(/^\.\//, ''));
        continue;
      }
      const conditions = target as Record<string, string>;
      expect(Object.keys(conditions)[0], `exports["${subpath}"]: types first`).toBe('types');
      for (const file of Object.values(conditions)) expect(files, `exports["${subpath}"]`).toContain(file.replace(/^\.\//, ''));
    }

    // sideEffects: false, or the files that do something on import (each must be in the tarball).
    if (Array.isArray(m.sideEffects)) {
      for (const f of m.sideEffects) expect(files, 'sideEffects entry').toContain(f.replace(/^\.\//, ''));
    } else {
      expect(m.sideEffects).toBe(false);
    }

    expect(Array.isArray(m.files) && m.files.length > 0).toBe(true);
    expect(m.engines).toEqual(rootEngines);
    expect(m.repository).toMatchObject({ type: 'git', directory: pkg.relDir });
    expect(m.repository?.url).toMatch(/^git\+https:\/\/github\.com\/.+\.git$/);
    // What npm's search and package page show: keywords, a homepage (the package's README on GitHub,
    // the repository named by `repository`), and where to report bugs (that repository's issues).
    const repoWeb = m.repository!.url!.replace(/^git\+/, '').replace(/\.git$/, '');
    expect(m.keywords, 'keywords').toEqual(expect.arrayContaining(['adversarial', 'tensorflowjs']));
    expect(new Set(m.keywords).size, 'keywords without duplicates').toBe(m.keywords!.length);
    expect(m.homepage).toBe(`${repoWeb}/tree/main/${pkg.relDir}#readme`);
    expect(m.bugs).toEqual({ url: `${repoWeb}/issues` });
    expect(m.publishConfig).toMatchObject({ access: 'public', provenance: true });

    // The app holds the single tfjs engine: tfjs is a peer, never a dependency of ours.
    expect(m.peerDependencies?.['@tensorflow/tfjs-core']).toBeDefined();
    for (const field of ['dependencies', 'optionalDependencies'] as const) {
      for (const dep of Object.keys(m[field] ?? {})) expect(dep, `${field}`).not.toMatch(/^@tensorflow\//);
    }
    for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies'] as const) {
      for (const [dep, range] of Object.entries(m[field] ?? {})) expect(range, `${field}.${dep}`).not.toMatch(/^workspace:/);
    }
  });

  it('ships only built code, its README and its manifest: no tests, fixtures or stale outputs', () => {
    const { files, dir } = get(name);
    for (const f of files) {
      expect(f, 'unexpected file in the tarball').toMatch(/^(dist\/.+|package\.json|README\.md|LICENSE(\.md)?|CHANGELOG\.md)$/);
      expect(f).not.toMatch(/\.test\.|test-utils|fixtures|\.tsbuildinfo$/);
    }
    // Every shipped module comes from a current source file (tsc does not delete outputs of removed sources).
    for (const f of files.filter((x) => /^dist\/.+\.js$/.test(x))) {
      const stem = f.replace(/^dist\//, 'src/').replace(/\.js$/, '');
      expect(existsSync(join(pkg.dir, `${stem}.ts`)) || existsSync(join(pkg.dir, `${stem}.js`)), `${f} has no source in src/`).toBe(true);
    }
    // A README with a runnable example that imports this package.
    expect(files, 'README.md in the tarball').toContain('README.md');
    const readme = existsSync(join(dir, 'README.md')) ? readFileSync(join(dir, 'README.md'), 'utf8') : '';
    // npm readers get only the tarball: every link is absolute (or an anchor in the README itself).
    const relativeLinks = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((x) => x[1]!).filter((href) => !/^(https:\/\/|#)/.test(href));
    expect(relativeLinks, 'README.md links to files npm users do not get').toEqual([]);
    const examples = [...readme.matchAll(/```(?:js|javascript|ts|typescript|mjs)\n([\s\S]*?)```/g)].map((x) => x[1] ?? '');
    expect(
      examples.some((code) => code.includes(`from '${name}'`)),
      'README.md has a js/ts example importing the package',
    ).toBe(true);
  });

  it('imports only what it declares (tfjs as a peer)', () => {
    const { manifest: m, dir } = get(name);
    const deps = new Set(Object.keys(m.dependencies ?? {}));
    const peers = new Set(Object.keys(m.peerDependencies ?? {}));
    for (const file of listFiles(join(dir, 'dist')).filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(file, 'utf8');
      for (const spec of importSpecifiers(code)) {
        if (spec.startsWith('.') || spec.startsWith('node:')) continue;
        const pkgName = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
        if (pkgName === name) continue;
        if (pkgName.startsWith('@tensorflow/')) expect(peers.has(pkgName), `${file}: ${spec} must be a peer dependency`).toBe(true);
        else expect(deps.has(pkgName) || peers.has(pkgName), `${file}: ${spec} is not declared`).toBe(true);
      }
    }
  });

  it('main entry pulls in no bundler: no import of vite, or of the Vite plugin (@advkit/core/vite), in its module graph', () => {
    // vite is an optional peer of @advkit/core for the `./vite` subpath only; an app that imports the
    // main entry must not need it. Walks the static and dynamic relative imports from dist/index.js.
    const { dir } = get(name);
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of importSpecifiers(readFileSync(file, 'utf8'))) {
        expect(spec, `${file} imports vite`).not.toMatch(/^vite(\/|$)/);
        expect(spec, `${file} imports the Vite plugin`).not.toMatch(/^@advkit\/core\/vite$/);
        if (spec.startsWith('.')) visit(join(file, '..', spec));
      }
    };
    visit(join(dir, 'dist/index.js'));
    expect([...seen].some((f) => f.endsWith('/dist/vite.js')), 'dist/vite.js reached from dist/index.js').toBe(false);
    expect(seen.size).toBeGreaterThan(1);
  });

  it('registers nothing in tfjs when imported (no kernels, gradients, backends or flags)', async () => {
    // Run in the package's directory, so tfjs-core resolves to the copy the package itself loads.
    const script = `
      const tf = await import('@tensorflow/tfjs-core');
      const snapshot = () => {
        const g = globalThis._tfGlobals;
        return JSON.stringify({
          kernels: g?.get('kernelRegistry')?.size ?? 0,
          gradients: g?.get('gradRegistry')?.size ?? 0,
          backends: Object.keys(tf.engine().registryFactory).sort(),
          flags: tf.env().getFlags(),
        });
      };
      const before = snapshot();
      await import(${JSON.stringify(join(pkg.dir, 'dist/index.js'))});
      const after = snapshot();
      console.log(JSON.stringify({ before, after }));
    `;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: pkg.dir });
    const { before, after } = JSON.parse(stdout.trim().split('\n').pop()!) as { before: string; after: string };
    expect(JSON.parse(after)).toEqual(JSON.parse(before));
  });
});

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out;
}

/** Module specifiers of static imports/re-exports and dynamic `import('...')` with a literal. */
function importSpecifiers(code: string): string[] {
  const specs = new Set<string>();
  for (const re of [/\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g]) {
    for (const m of code.matchAll(re)) specs.add(m[1]!);
  }
  return [...specs];
}
