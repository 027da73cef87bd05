import { createReadStream, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin, UserConfig } from 'vite';
import { ArgumentError } from './errors.js';
import { describeValue } from './describe-value.js';
import { checkKnownKeys, checkOptions } from './validate.js';

/**
 * `@advkit/core/vite`: what a Vite app needs to run advkit on the wasm backend, threads included, as one
 * plugin call. Loaded by `vite.config.*` only (Node); the main entry `@advkit/core` never imports it or
 * `vite` (vite is an optional peer dependency, used here for its types alone).
 */

/** Options of {@link advkit}. */
export interface AdvkitViteOptions {
  /**
   * Send `Cross-Origin-Opener-Policy: same-origin` and `Cross-Origin-Embedder-Policy: require-corp` from
   * the dev and preview servers, so the page is `crossOriginIsolated`: browsers give a page
   * `SharedArrayBuffer`, which the wasm backend's threads need, only then. A header your config already
   * sets in `server.headers` / `preview.headers` is kept. Turn it off when the page must load
   * cross-origin resources that send no `Cross-Origin-Resource-Policy` header (COEP blocks them), or
   * when the headers come from elsewhere. The production server must send the same two headers for
   * threads; this plugin cannot set them there. @default true
   */
  crossOriginIsolation?: boolean;
}

/** The two response headers that make a page cross-origin isolated (`crossOriginIsolated === true`). */
export const CROSS_ORIGIN_ISOLATION_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
});

const WASM_FILES = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'] as const;

/** The dev server's route for the binaries (under the base): `<base>__advkit-wasm/<file>`. */
const DEV_PREFIX = '__advkit-wasm/';
const DEV_ROUTE = /\/__advkit-wasm\/(tfjs-backend-wasm(?:-simd|-threaded-simd)?\.wasm)$/;

/** The module of this package that holds the bundled binaries' URLs for initBackend (see its doc). */
const pathsModule = normalize(fileURLToPath(new URL('./internal/bundler-wasm-paths.js', import.meta.url)));
const isPathsModule = (id: string): boolean => {
  const file = normalize(id.split('?')[0] ?? '');
  return file === pathsModule || file.endsWith('/@advkit/core/dist/internal/bundler-wasm-paths.js');
};

/** Where the installed tfjs-backend-wasm keeps its binaries (resolved from this package, as initBackend imports it), or undefined when it is not installed. */
function wasmDir(): string | undefined {
  try {
    const dir = join(dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
    return WASM_FILES.every((f) => existsSync(join(dir, f))) ? normalize(dir) : undefined;
  } catch {
    return undefined; // a cpu-only app: initBackend({ backend: 'cpu' }) needs no binaries
  }
}

/**
 * The Vite plugins for advkit: `plugins: [advkit()]` in `vite.config.ts`, and `initBackend()` finds the
 * wasm binaries and can run threads, in the page and in Web Workers alike. Three parts:
 *
 * 1. **The `.wasm` binaries.** Bundled, tfjs-backend-wasm cannot find its three binaries (it looks
 *    beside its own module, which the bundle moved). The plugin replaces `@advkit/core`'s one-line module
 *    `dist/internal/bundler-wasm-paths.js` (`export const bundlerWasmPaths = undefined`) by one that imports
 *    the binaries with Vite's `?url` suffix, so `vite build` emits them as hashed assets; `initBackend`
 *    uses those URLs when no `wasmPaths` option is given. In dev the module names
 *    `<base>__advkit-wasm/<file>` instead, which the dev server answers from the installed
 *    tfjs-backend-wasm (no `server.fs.allow` needed); where Vite pre-bundles an installed
 *    `@advkit/core`, the same replacement runs inside the dependency optimizer.
 * 2. **The threaded worker under minification.** tfjs-backend-wasm starts its pthread workers from
 *    `wasmFactoryThreadedSimd.toString()` (a blob: script), so that function must not refer to anything
 *    outside itself. Its Emscripten wrapper reads `_scriptDir` from an enclosing IIFE behind a `typeof`
 *    guard; a minifier that sees the variable declared drops the guard, and the pthread workers die with
 *    "ReferenceError: e is not defined". The plugin declares `_scriptDir` inside the factory (its value
 *    only matters when tfjs passes no `mainScriptUrlOrBlob` and no `locateFile`, and tfjs passes both).
 *    Applied to the main build, to worker builds (`worker.plugins` is extended) and to the dependency
 *    optimizer.
 * 3. **Cross-origin isolation** on the dev and preview servers (see
 *    {@link AdvkitViteOptions.crossOriginIsolation}).
 *
 * @example
 * ```ts
 * // vite.config.ts
 * import { defineConfig } from 'vite';
 * import { advkit } from '@advkit/core/vite';
 * export default defineConfig({ plugins: [advkit()] });
 * // in the app: const info = await initBackend({ threads: 2 }); // { backend: 'wasm', simd: true, threads: 2 }
 * ```
 */
export function advkit(options?: AdvkitViteOptions): Plugin[] {
  const fn = 'advkit';
  const opts = checkOptions(options, fn);
  checkKnownKeys(opts, ['crossOriginIsolation'], fn);
  const isolate = opts.crossOriginIsolation ?? true;
  if (typeof isolate !== 'boolean') throw new ArgumentError(`must be a boolean, got ${describeValue(isolate)}`, { fn, argument: 'options.crossOriginIsolation' });

  const main: Plugin = {
    name: 'advkit',
    config(config): UserConfig {
      const out: UserConfig = {
        // Worker bundles get plugins of their own (Vite applies `plugins` to them in dev only).
        worker: { plugins: () => [wasmPathsPlugin(), threadedFactoryPlugin()] },
        optimizeDeps: { rolldownOptions: { plugins: [optimizerPlugin(() => devBase)] } },
      };
      if (isolate) {
        out.server = { headers: missingHeaders(config.server?.headers) };
        // Vite's preview falls back to server.headers when it has none of its own: keep that fallback.
        const previewOwn = config.preview?.headers;
        out.preview = { headers: previewOwn ? missingHeaders(previewOwn) : { ...(config.server?.headers as Record<string, string> | undefined), ...missingHeaders(config.server?.headers) } };
      }
      return out;
    },
    configResolved(config) {
      devBase = config.base.startsWith('/') ? config.base : '/';
    },
    // The binaries at the URLs the paths module names in dev (a route of our own rather than `/@fs/`,
    // which `server.fs.allow` may refuse, e.g. for a linked or pnpm-stored tfjs-backend-wasm).
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const name = DEV_ROUTE.exec((req.url ?? '').split('?')[0] ?? '')?.[1];
        const dir = name === undefined ? undefined : wasmDir();
        if (name === undefined || dir === undefined) return next();
        const file = join(dir, name);
        res.setHeader('Content-Type', 'application/wasm');
        res.setHeader('Content-Length', String(statSync(file).size));
        createReadStream(file).pipe(res);
      });
    },
  };
  let devBase = '/';
  return [main, wasmPathsPlugin(), threadedFactoryPlugin()];
}

/** COOP/COEP headers the given header set does not already have (any letter case). */
function missingHeaders(own: Record<string, unknown> | undefined): Record<string, string> {
  const have = new Set(Object.keys(own ?? {}).map((k) => k.toLowerCase()));
  return Object.fromEntries(Object.entries(CROSS_ORIGIN_ISOLATION_HEADERS).filter(([k]) => !have.has(k.toLowerCase())));
}

/** Part 1 in the build (the `?url` imports of the three binaries) and in unbundled dev modules (the dev route). */
function wasmPathsPlugin(): Plugin {
  let dev: string | undefined; // the dev server's base, when serving
  return {
    name: 'advkit:wasm-paths',
    enforce: 'pre',
    configResolved(config) {
      dev = config.command === 'serve' ? (config.base.startsWith('/') ? config.base : '/') : undefined;
    },
    load(id, options) {
      if (!isPathsModule(id)) return null;
      const dir = wasmDir();
      // Server-side code (SSR) runs in Node, where tfjs-backend-wasm finds its binaries itself.
      if (dir === undefined || options?.ssr === true) return 'export const bundlerWasmPaths = undefined;\n';
      if (dev !== undefined) return devPathsModule(dev);
      const imports = WASM_FILES.map((f, i) => `import u${i} from ${JSON.stringify(`${dir}/${f}?url`)};`);
      const entries = WASM_FILES.map((f, i) => `  ${JSON.stringify(f)}: u${i},`);
      return `${imports.join('\n')}\nexport const bundlerWasmPaths = {\n${entries.join('\n')}\n};\n`;
    },
  };
}

/** Part 2: makes tfjs-backend-wasm's threaded Emscripten factory self-contained. */
function threadedFactoryPlugin(): Plugin {
  return {
    name: 'advkit:self-contained-threaded-factory',
    transform(code, id) {
      return selfContainedFactory(code, id, (message) => this.error(message));
    },
  };
}

const FACTORY_HEAD = 'function(WasmBackendModuleThreadedSimd) {\n';

function selfContainedFactory(code: string, id: string, fail: (message: string) => never): { code: string; map: null } | null {
  if (!/tfjs-backend-wasm-threaded-simd\.js$/.test(id.split('?')[0] ?? '')) return null;
  if (!code.includes(FACTORY_HEAD)) fail(`${id}: the Emscripten factory header was not found; @advkit/core/vite supports tfjs-backend-wasm 4.22`);
  return { code: code.replace(FACTORY_HEAD, `${FACTORY_HEAD}  var _scriptDir = undefined;\n`), map: null };
}

/**
 * Parts 1 and 2 inside Vite's dependency optimizer (dev only), which runs rolldown without the app's
 * plugins: an installed `@advkit/core` is pre-bundled there. The binaries are addressed by the dev
 * server route `<base>__advkit-wasm/<file>` of the main plugin, as in unbundled dev modules.
 */
function optimizerPlugin(base: () => string): { name: string; load(id: string): string | null; transform(code: string, id: string): { code: string; map: null } | null } {
  return {
    name: 'advkit:optimizer',
    load(id) {
      if (!isPathsModule(id)) return null;
      const dir = wasmDir();
      if (dir === undefined) return 'export const bundlerWasmPaths = undefined;\n';
      return devPathsModule(base());
    },
    transform(code, id) {
      return selfContainedFactory(code, id, (message) => {
        throw new Error(message);
      });
    },
  };
}

/** The paths module in dev: the binaries at the dev server's own route (see the main plugin's `configureServer`). */
function devPathsModule(base: string): string {
  const paths = Object.fromEntries(WASM_FILES.map((f) => [f, `${base}${DEV_PREFIX}${f}`]));
  return `export const bundlerWasmPaths = ${JSON.stringify(paths, null, 2)};\n`;
}

/** A file path with forward slashes (Vite's module ids). */
function normalize(path: string): string {
  return path.replace(/\\/g, '/');
}
