import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Plugin, UserConfig } from 'vite';
import { describe, expect, it } from 'vitest';
import { ArgumentError } from './errors.js';
import { advkit, CROSS_ORIGIN_ISOLATION_HEADERS } from './vite.js';

// Unit checks of the plugin's hooks. That they make a real Vite app work (binaries served and found, 2
// threads under minification, cross-origin isolated) is tested end to end by examples/vite-threads (run
// from the registry in tests/packaging) and by the demo's Chromium tests, which use this plugin.

/** The id Vite gives core's paths module (this package's own file). */
const pathsModule = fileURLToPath(new URL('./internal/bundler-wasm-paths.js', import.meta.url));
const wasmPkg = dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json'));

type Hook = (this: unknown, ...args: unknown[]) => unknown;
const hook = (plugin: Plugin, name: 'config' | 'load' | 'transform' | 'configResolved'): Hook => {
  const h = plugin[name] as Hook | { handler: Hook } | undefined;
  if (h === undefined) throw new Error(`${plugin.name} has no ${name} hook`);
  return typeof h === 'function' ? h : h.handler;
};
const byName = (plugins: Plugin[], name: string): Plugin => {
  const p = plugins.find((x) => x.name === name);
  if (!p) throw new Error(`no plugin ${name}`);
  return p;
};

describe('advkit() (@advkit/core/vite)', () => {
  it('checks its options: unknown keys and non-booleans are ArgumentErrors naming the option', () => {
    expect(() => advkit({ crossOriginIsolaton: false } as never)).toThrow(ArgumentError);
    expect(() => advkit({ crossOriginIsolaton: false } as never)).toThrow('advkit: options.crossOriginIsolaton is not an option of advkit; did you mean crossOriginIsolation?');
    expect(() => advkit({ crossOriginIsolation: 'yes' } as never)).toThrow('advkit: options.crossOriginIsolation must be a boolean, got "yes"');
    expect(() => advkit(3 as never)).toThrow(ArgumentError);
    expect(advkit().map((p) => p.name)).toEqual(['advkit', 'advkit:wasm-paths', 'advkit:self-contained-threaded-factory']);
  });

  it('adds COOP/COEP to the dev and preview servers unless turned off, keeping headers the config sets', () => {
    const config = (opts: Parameters<typeof advkit>[0], user: UserConfig): UserConfig =>
      hook(advkit(opts)[0]!, 'config').call({}, user, { command: 'serve', mode: 'development' }) as UserConfig;
    const on = config(undefined, {});
    expect(on.server?.headers).toEqual(CROSS_ORIGIN_ISOLATION_HEADERS);
    expect(on.preview?.headers).toEqual(CROSS_ORIGIN_ISOLATION_HEADERS);
    const own = config({}, { server: { headers: { 'cross-origin-embedder-policy': 'credentialless' } } });
    expect(own.server?.headers).toEqual({ 'Cross-Origin-Opener-Policy': 'same-origin' });
    // preview has no headers of its own, so Vite would use server.headers: it keeps them
    expect(own.preview?.headers).toEqual({ 'cross-origin-embedder-policy': 'credentialless', 'Cross-Origin-Opener-Policy': 'same-origin' });
    const ownPreview = config({}, { preview: { headers: { 'X-A': '1' } } });
    expect(ownPreview.preview?.headers).toEqual(CROSS_ORIGIN_ISOLATION_HEADERS);
    expect(ownPreview.server?.headers).toEqual(CROSS_ORIGIN_ISOLATION_HEADERS);
    const off = config({ crossOriginIsolation: false }, {});
    expect(off.server).toBeUndefined();
    expect(off.preview).toBeUndefined();
    // Worker bundles get the binaries and the factory fix too (Vite applies `plugins` to them in dev only).
    const workerPlugins = (on.worker?.plugins as () => Plugin[])();
    expect(workerPlugins.map((p) => p.name)).toEqual(['advkit:wasm-paths', 'advkit:self-contained-threaded-factory']);
  });

  it("replaces core's paths module by `?url` imports of tfjs-backend-wasm's three binaries, and nothing else", () => {
    const load = hook(byName(advkit(), 'advkit:wasm-paths'), 'load');
    const code = load.call({}, pathsModule) as string;
    const urls = [...code.matchAll(/^import u\d from "(.+)\?url";$/gm)].map((m) => m[1]!);
    expect(urls.map((u) => u.split('/').pop())).toEqual(['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm']);
    for (const u of urls) expect(existsSync(u), u).toBe(true);
    expect(code).toMatch(/export const bundlerWasmPaths = \{\n {2}"tfjs-backend-wasm\.wasm": u0,\n {2}"tfjs-backend-wasm-simd\.wasm": u1,\n {2}"tfjs-backend-wasm-threaded-simd\.wasm": u2,\n\};/);
    expect(load.call({}, `${pathsModule}?v=123`)).toBe(code); // Vite's cache-busting query
    expect(load.call({}, '/app/node_modules/@advkit/core/dist/internal/bundler-wasm-paths.js')).toBe(code); // another copy
    expect(load.call({}, fileURLToPath(new URL('./init-backend.js', import.meta.url)))).toBeNull();
    // server-side rendering runs in Node, where tfjs finds the binaries itself
    expect(load.call({}, pathsModule, { ssr: true })).toBe('export const bundlerWasmPaths = undefined;\n');
  });

  it('in dev (unbundled and in the dependency optimizer) names <base>__advkit-wasm/<file>, which the dev server answers with the file', async () => {
    const plugins = advkit();
    const config = hook(plugins[0]!, 'config').call({}, {}, { command: 'serve', mode: 'development' }) as UserConfig;
    hook(plugins[0]!, 'configResolved').call({}, { base: '/sub/', command: 'serve' });
    const wasmPaths = byName(plugins, 'advkit:wasm-paths');
    hook(wasmPaths, 'configResolved').call({}, { base: '/sub/', command: 'serve' });
    const optimizer = (config.optimizeDeps?.rolldownOptions?.plugins as { load(id: string): string | null }[])[0]!;
    const expected = {
      'tfjs-backend-wasm.wasm': '/sub/__advkit-wasm/tfjs-backend-wasm.wasm',
      'tfjs-backend-wasm-simd.wasm': '/sub/__advkit-wasm/tfjs-backend-wasm-simd.wasm',
      'tfjs-backend-wasm-threaded-simd.wasm': '/sub/__advkit-wasm/tfjs-backend-wasm-threaded-simd.wasm',
    };
    for (const code of [optimizer.load(pathsModule)!, hook(wasmPaths, 'load').call({}, pathsModule) as string]) {
      expect(JSON.parse(code.replace(/^export const bundlerWasmPaths = /, '').replace(/;\n$/, ''))).toEqual(expected);
    }
    expect(optimizer.load(join(wasmPkg, 'dist/index.js'))).toBeNull();

    // The dev server's middleware: the file's bytes with the wasm MIME type; anything else passes on.
    let middleware: ((req: { url?: string }, res: unknown, next: () => void) => void) | undefined;
    hook(plugins[0]!, 'configureServer' as 'config').call({}, { middlewares: { use: (m: typeof middleware) => (middleware = m) } });
    const serve = (url: string): Promise<{ passed: boolean; headers: Record<string, string>; body: Buffer }> =>
      new Promise((resolve, reject) => {
        const headers: Record<string, string> = {};
        const chunks: Buffer[] = [];
        const res = Object.assign(new PassThrough(), { setHeader: (k: string, v: string) => (headers[k] = v) });
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ passed: false, headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
        middleware!({ url }, res, () => resolve({ passed: true, headers, body: Buffer.alloc(0) }));
      });
    const got = await serve('/sub/__advkit-wasm/tfjs-backend-wasm-simd.wasm?import');
    expect(got.passed).toBe(false);
    expect(got.headers['Content-Type']).toBe('application/wasm');
    expect(got.body.equals(readFileSync(join(wasmPkg, 'dist/tfjs-backend-wasm-simd.wasm')))).toBe(true);
    expect((await serve('/sub/__advkit-wasm/other.wasm')).passed).toBe(true);
    expect((await serve('/sub/index.html')).passed).toBe(true);
  });

  it("declares _scriptDir inside tfjs-backend-wasm 4.22's threaded factory, and refuses a factory it does not know", () => {
    const transform = hook(byName(advkit(), 'advkit:self-contained-threaded-factory'), 'transform');
    const file = join(wasmPkg, 'wasm-out/tfjs-backend-wasm-threaded-simd.js');
    const code = readFileSync(file, 'utf8');
    const out = transform.call({ error: (m: string) => { throw new Error(m); } }, code, file) as { code: string };
    expect(out.code).toContain('function(WasmBackendModuleThreadedSimd) {\n  var _scriptDir = undefined;\n');
    expect(out.code.length - code.length).toBe('  var _scriptDir = undefined;\n'.length);
    expect(transform.call({}, code, join(wasmPkg, 'wasm-out/tfjs-backend-wasm-simd.js'))).toBeNull();
    expect(() => transform.call({ error: (m: string) => { throw new Error(m); } }, 'var x = 1;', file)).toThrow(/Emscripten factory header was not found/);
  });
});
