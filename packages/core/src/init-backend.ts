import { env, getBackend, setBackend, ready } from '@tensorflow/tfjs-core';
import { BackendError } from './errors.js';
import { checkOneOf, checkOptions, checkNumber } from './validate.js';
import { registerGradients } from './register-gradients.js';
import { registerWasmKernels } from './register-wasm-kernels.js';
import { bundlerWasmPaths } from './internal/bundler-wasm-paths.js';

/** What {@link initBackend} set up. */
export interface BackendInfo {
  /** The active tfjs backend, e.g. `'wasm'`. */
  backend: string;
  /** Whether the wasm backend runs its SIMD binary (false for other backends). */
  simd: boolean;
  /** Threads the wasm backend uses (1 in Node, where tfjs disables wasm threads; 1 for other backends). */
  threads: number;
}

/** Where the wasm binaries live, as `@tensorflow/tfjs-backend-wasm`'s `setWasmPaths` takes them. */
export type WasmPaths =
  | string
  | { 'tfjs-backend-wasm.wasm'?: string; 'tfjs-backend-wasm-simd.wasm'?: string; 'tfjs-backend-wasm-threaded-simd.wasm'?: string };

export interface InitBackendOptions {
  /** The tfjs backend to use. @default 'wasm' */
  backend?: 'wasm' | 'cpu';
  /**
   * Where the `.wasm` binaries are served from. Needed when the backend is bundled (Vite, esbuild), where
   * it cannot find them by itself; in Node leave it unset. In a Vite app built with the `advkit()` plugin
   * of `@advkit/core/vite`, leave it unset too: the plugin serves the binaries and the default is their
   * URLs. @default undefined (Node: beside tfjs-backend-wasm's module; with the Vite plugin: the URLs it serves)
   */
  wasmPaths?: WasmPaths;
  /**
   * Threads for the wasm backend in a cross-origin-isolated browser page. Ignored in Node (tfjs
   * disables wasm threads there). tfjs-backend-wasm 4.22 caps its pool at
   * `navigator.hardwareConcurrency / 2` (it assumes two hardware threads per core), so on a 2-core
   * machine it would never start a second thread; to honour `threads`, initBackend reports
   * `2 × threads` as `navigator.hardwareConcurrency` of the current global (page or worker) while the
   * backend starts, and restores it afterwards. @default undefined (tfjs's choice: half the logical cores)
   */
  threads?: number;
}

/**
 * The one explicit global set-up of advkit: registers tfjs-core's gradients (see
 * {@link registerGradients}), loads and selects the backend (on wasm also registering the kernels it
 * lacks, see {@link registerWasmKernels}), and reports what it got. Call it once
 * before using advkit (the demo and the README examples do). Calling it again with the same backend is
 * cheap.
 *
 * `tf.setBackend` does not throw when the wasm binary fails to load (it logs and resolves `false`); this
 * function checks and throws {@link BackendError} instead.
 */
export async function initBackend(options?: InitBackendOptions): Promise<BackendInfo> {
  const fn = 'initBackend';
  const opts = checkOptions(options, fn);
  const backend = checkOneOf(opts.backend ?? 'wasm', ['wasm', 'cpu'] as const, fn, 'options.backend');
  if (opts.threads !== undefined) checkNumber(opts.threads, fn, 'options.threads', { min: 1, max: 256, integer: true });
  registerGradients();

  if (backend === 'wasm') {
    let wasm: typeof import('@tensorflow/tfjs-backend-wasm');
    try {
      wasm = await import('@tensorflow/tfjs-backend-wasm');
    } catch (cause) {
      throw new BackendError(`${fn}: could not import @tensorflow/tfjs-backend-wasm; install it beside @tensorflow/tfjs-core (same 4.22 version)`, { cause });
    }
    if (getBackend() !== 'wasm') {
      const wasmPaths = opts.wasmPaths ?? bundlerWasmPaths; // the second is set by the Vite plugin only
      if (wasmPaths !== undefined) wasm.setWasmPaths(wasmPaths as Parameters<typeof wasm.setWasmPaths>[0]);
      if (opts.threads !== undefined) wasm.setThreadsCount(opts.threads);
    }
    const ok = await withHardwareConcurrency(opts.threads === undefined ? undefined : 2 * opts.threads, () => setBackend('wasm'));
    if (!ok) {
      throw new BackendError(
        `${fn}: the wasm backend failed to initialise (its .wasm binary could not be loaded or compiled). ` +
          'In a bundled app, pass options.wasmPaths pointing at the served .wasm files (in a Vite app, add the advkit() plugin of @advkit/core/vite).',
      );
    }
    await ready();
    registerWasmKernels(); // kernels tfjs-backend-wasm lacks (conv filter gradient, gather gradient)
    const simd = Boolean(await env().getAsync('WASM_HAS_SIMD_SUPPORT'));
    const threads = typeof wasm.getThreadsCount === 'function' ? wasm.getThreadsCount() : 1;
    return { backend: 'wasm', simd, threads };
  }

  try {
    await import('@tensorflow/tfjs-backend-cpu');
  } catch (cause) {
    throw new BackendError(`${fn}: could not import @tensorflow/tfjs-backend-cpu; install it beside @tensorflow/tfjs-core`, { cause });
  }
  const ok = await setBackend('cpu');
  if (!ok) throw new BackendError(`${fn}: the cpu backend failed to initialise`);
  await ready();
  return { backend: 'cpu', simd: false, threads: 1 };
}

/**
 * Runs `start` with `navigator.hardwareConcurrency` reading `cores` (when given, in a browser global
 * that has SharedArrayBuffer, i.e. can run wasm threads), then restores the original property. The wasm
 * module reads it once while it starts (tfjs-backend-wasm's pthread pool size), so this lifts tfjs's
 * "cores / 2" cap without touching anything after.
 */
async function withHardwareConcurrency<T>(cores: number | undefined, start: () => Promise<T>): Promise<T> {
  const nav = (globalThis as { navigator?: object }).navigator;
  const browser = typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node !== 'string';
  if (cores === undefined || nav === undefined || !browser || typeof SharedArrayBuffer === 'undefined' || (nav as { hardwareConcurrency?: number }).hardwareConcurrency! >= cores) {
    return start();
  }
  const own = Object.getOwnPropertyDescriptor(nav, 'hardwareConcurrency');
  Object.defineProperty(nav, 'hardwareConcurrency', { value: cores, configurable: true });
  try {
    return await start();
  } finally {
    if (own === undefined) delete (nav as { hardwareConcurrency?: number }).hardwareConcurrency; // back to the prototype's getter
    else Object.defineProperty(nav, 'hardwareConcurrency', own);
  }
}
