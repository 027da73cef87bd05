import { engine, env, findBackendFactory, getBackend, setBackend, ready } from '@tensorflow/tfjs-core';
import { ArgumentError, BackendError } from './errors.js';
import { checkOptions, checkNumber, checkKnownKeys, optionKeys } from './validate.js';
import { describeValue } from './describe-value.js';
import { registerGradients } from './register-gradients.js';
import { registerWasmKernels } from './register-wasm-kernels.js';
import { backendReadsAreCheap } from './value-checks.js';
import { bundlerWasmPaths } from './internal/bundler-wasm-paths.js';

/** What {@link initBackend} set up. */
export interface BackendInfo {
  /** The active tfjs backend, e.g. `'wasm'`. */
  backend: string;
  /**
   * Whether the backend keeps tensor data in main memory (cpu, wasm, tensorflow), so advkit's value checks
   * (x finite and in the box, labels in range) run by default; false on GPU backends (see
   * `backendReadsAreCheap` and `setValueChecks`).
   */
  readsAreCheap: boolean;
  /** Whether the wasm backend runs its SIMD binary (false for other backends). */
  simd: boolean;
  /** Threads the wasm backend uses (1 in Node, where tfjs disables wasm threads; 1 for other backends). */
  threads: number;
}

/** Where the wasm binaries live, as `@tensorflow/tfjs-backend-wasm`'s `setWasmPaths` takes them. */
export type WasmPaths =
  | string
  | { 'tfjs-backend-wasm.wasm'?: string; 'tfjs-backend-wasm-simd.wasm'?: string; 'tfjs-backend-wasm-threaded-simd.wasm'?: string };

/** Backend names tfjs ships, with the package that registers each (any other registered name works too). */
export type KnownBackend = 'wasm' | 'cpu' | 'webgl' | 'webgpu' | 'tensorflow';

/**
 * The package that registers each known backend when imported. initBackend imports cpu and wasm itself
 * (peer dependencies of @advkit/core); the others only in Node, by a dynamic import a bundler cannot
 * follow, so in a browser app import the backend package yourself before calling initBackend.
 */
const BACKEND_MODULES: Record<Exclude<KnownBackend, 'wasm' | 'cpu'>, readonly string[]> = {
  webgl: ['@tensorflow/tfjs-backend-webgl'],
  webgpu: ['@tensorflow/tfjs-backend-webgpu'],
  tensorflow: ['@tensorflow/tfjs-node', '@tensorflow/tfjs-node-gpu'],
};

export interface InitBackendOptions {
  /**
   * The tfjs backend to use: any name registered with tfjs (`tf.engine().backendNames()`), e.g. a
   * custom one. For the known names initBackend imports the backend package when the name is not yet
   * registered: `cpu` and `wasm` always (`@tensorflow/tfjs-backend-cpu` / `-wasm`), `webgl`, `webgpu`
   * and `tensorflow` (`@tensorflow/tfjs-backend-webgl`, `-webgpu`, `@tensorflow/tfjs-node`) only where a
   * plain dynamic import resolves (Node); in a bundled app import those packages yourself first.
   * @default 'wasm'
   */
  backend?: KnownBackend | (string & {});
  /**
   * Where the `.wasm` binaries are served from. Needed when the backend is bundled (Vite, esbuild), where
   * it cannot find them by itself; in Node leave it unset. Ignored by other backends. In a Vite app built with the `advkit()` plugin
   * of `@advkit/core/vite`, leave it unset too: the plugin serves the binaries and the default is their
   * URLs. @default undefined (Node: beside tfjs-backend-wasm's module; with the Vite plugin: the URLs it serves)
   */
  wasmPaths?: WasmPaths;
  /**
   * Threads for the wasm backend in a cross-origin-isolated browser page (ignored by other backends). Ignored in Node (tfjs
   * disables wasm threads there). tfjs-backend-wasm 4.22 caps its pool at
   * `navigator.hardwareConcurrency / 2` (it assumes two hardware threads per core), so on a 2-core
   * machine it would never start a second thread; to honour `threads`, initBackend reports
   * `2 × threads` as `navigator.hardwareConcurrency` of the current global (page or worker) while the
   * backend starts, and restores it afterwards. `threads: 1` loads the SIMD binary without threads
   * (tfjs's flag `WASM_HAS_MULTITHREAD_SUPPORT` set to false), so no pthread workers start: the choice
   * for a Web Worker that is itself one of several parallel workers. @default undefined (tfjs's choice: half the logical cores)
   */
  threads?: number;
}
const INIT_BACKEND_KEYS = optionKeys<InitBackendOptions>()({ backend: true, wasmPaths: true, threads: true });

/**
 * The one explicit global set-up of advkit, a convenience: advkit's functions work on any tfjs backend
 * the program set up by itself (`tf.setBackend(...)`), with the same results (see below). It
 *
 * 1. registers tfjs-core's gradients ({@link registerGradients}; attacks and trainers also do this
 *    themselves on first use);
 * 2. imports the backend package if needed (see {@link InitBackendOptions.backend}), selects the backend
 *    and waits until it is ready, throwing {@link BackendError} when it cannot (`tf.setBackend` only logs
 *    and resolves `false` when the wasm binary fails to load);
 * 3. on wasm: applies `wasmPaths` and `threads`, and calls {@link registerWasmKernels}.
 *
 * What it changes process-wide, all of it in tfjs's global registries: the active backend; the
 * gradient registry (tfjs-core's gradients, plus faster equivalents for BatchMatMul and Conv2D); on wasm,
 * two kernels tfjs-backend-wasm lacks (Conv2DBackpropFilter, UnsortedSegmentSum; added, nothing
 * replaced; {@link registerGradients} adds them too) and one replaced kernel: wasm's `Sign`, which
 * returns 0 for |x| < 1.19e-7 and NaN, becomes the exact sign for every caller of `tf.sign` in the
 * process. advkit's own attacks do not use `tf.sign` (their sign is built from `Step`), so their
 * results are the same with or without initBackend: bit-identical on wasm, checked by the tests.
 * `threads` also briefly overrides `navigator.hardwareConcurrency` while the wasm backend starts, and
 * `threads: 1` sets tfjs's flag `WASM_HAS_MULTITHREAD_SUPPORT` to false before it starts. Nothing else
 * (no other flags, no other kernels).
 *
 * Calling it again with the same backend is cheap.
 *
 * @throws ArgumentError for bad options; BackendError when the backend name is not registered (the
 *   message lists the registered names), its package cannot be imported, or it fails to initialise.
 */
export async function initBackend(options?: InitBackendOptions): Promise<BackendInfo> {
  const fn = 'initBackend';
  const opts = checkOptions(options, fn);
  checkKnownKeys(opts, INIT_BACKEND_KEYS, fn);
  const backend = opts.backend ?? 'wasm';
  if (typeof backend !== 'string' || backend === '') {
    throw new ArgumentError(`must be a backend name such as 'wasm', 'cpu' or 'webgl', got ${describeValue(backend)}`, { fn, argument: 'options.backend' });
  }
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
      // One thread: load the SIMD binary without threads. In a cross-origin-isolated page tfjs would
      // otherwise pick the threaded binary, which starts its own pool of pthread workers (8 idle ones
      // were observed) even when asked for one thread.
      if (opts.threads === 1) env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    }
    const previous = getBackend() as string | undefined;
    const ok = await withHardwareConcurrency(opts.threads === undefined ? undefined : 2 * opts.threads, () => setBackend('wasm'));
    if (!ok) {
      await restoreBackend(previous);
      throw new BackendError(
        `${fn}: the wasm backend failed to initialise (its .wasm binary could not be loaded or compiled). ` +
          'In a bundled app, pass options.wasmPaths pointing at the served .wasm files (in a Vite app, add the advkit() plugin of @advkit/core/vite).',
      );
    }
    await ready();
    registerWasmKernels(); // kernels tfjs-backend-wasm lacks (conv filter gradient, gather gradient), and its Sign
    const simd = Boolean(await env().getAsync('WASM_HAS_SIMD_SUPPORT'));
    const threads = typeof wasm.getThreadsCount === 'function' ? wasm.getThreadsCount() : 1;
    return { backend: 'wasm', readsAreCheap: true, simd, threads };
  }

  if (backend === 'cpu') {
    try {
      await import('@tensorflow/tfjs-backend-cpu');
    } catch (cause) {
      throw new BackendError(`${fn}: could not import @tensorflow/tfjs-backend-cpu; install it beside @tensorflow/tfjs-core`, { cause });
    }
  } else if (!isRegistered(backend) && backend in BACKEND_MODULES) {
    await importBackendModule(backend as keyof typeof BACKEND_MODULES, fn);
  }
  if (!isRegistered(backend)) {
    const hint = backend in BACKEND_MODULES ? `; import ${BACKEND_MODULES[backend as keyof typeof BACKEND_MODULES][0]} first` : '';
    throw new BackendError(`${fn}: no tfjs backend named ${JSON.stringify(backend)} is registered${hint} (registered: ${registeredNames()})`);
  }
  const previous = getBackend() as string | undefined;
  let ok: boolean;
  let cause: unknown;
  try {
    ok = await setBackend(backend);
    if (ok) await ready();
  } catch (err) {
    ok = false;
    cause = err;
  }
  if (!ok) {
    await restoreBackend(previous);
    throw new BackendError(`${fn}: the ${backend} backend failed to initialise (registered: ${registeredNames()})`, { cause });
  }
  return { backend, readsAreCheap: backendReadsAreCheap(backend), simd: false, threads: 1 };
}

/**
 * After a failed `tf.setBackend(name)`, tfjs 4.22 keeps `name` as the active backend with no instance
 * behind it, so the next op fails; this switches back to the backend that was active before, if any.
 */
async function restoreBackend(previous: string | undefined): Promise<void> {
  if (previous === undefined || previous === null || !isRegistered(previous)) return;
  try {
    await setBackend(previous);
  } catch {
    // the original error is the one to report
  }
}

function isRegistered(name: string): boolean {
  try {
    return findBackendFactory(name) != null;
  } catch {
    return false;
  }
}

function registeredNames(): string {
  const names = engine().backendNames();
  return names.length === 0 ? 'none' : names.join(', ');
}

/** Imports the package of a known backend by a specifier bundlers do not try to resolve (Node only, in practice). */
async function importBackendModule(backend: keyof typeof BACKEND_MODULES, fn: string): Promise<void> {
  const causes: unknown[] = [];
  for (const specifier of BACKEND_MODULES[backend]) {
    try {
      await import(/* @vite-ignore */ /* webpackIgnore: true */ specifier);
      return;
    } catch (cause) {
      causes.push(cause);
    }
  }
  throw new BackendError(
    `${fn}: could not import ${BACKEND_MODULES[backend].join(' or ')} for the ${backend} backend (registered: ${registeredNames()}); install it, or import it yourself before calling initBackend`,
    { cause: causes[0] },
  );
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
