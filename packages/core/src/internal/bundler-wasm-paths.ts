import type { WasmPaths } from '../init-backend.js';

/**
 * Where a bundler put the wasm backend's `.wasm` binaries, for {@link initBackend} to use when the
 * caller passes no `wasmPaths`. Unbundled (Node, or a bundler without the plugin) this is `undefined`
 * and tfjs-backend-wasm finds its binaries itself, beside its own module.
 *
 * The Vite plugin of `@advkit/core/vite` replaces this module, when it is bundled, by one that imports
 * the three binaries with Vite's `?url` suffix and exports their served URLs (see `src/vite.ts`). Keep
 * the file name and the export name: the plugin finds the module by its path in `dist/internal/`.
 */
export const bundlerWasmPaths: WasmPaths | undefined = undefined;
