import { getBackend } from '@tensorflow/tfjs-core';
import { checkOneOf } from './validate.js';

/**
 * When advkit's argument checks that must read tensor values back (x finite and inside the threat
 * model's box, labels in range) run:
 * - `'auto'`: only when the active backend keeps tensor data in main memory ({@link backendReadsAreCheap}:
 *   cpu, wasm, tensorflow), where a read-back is a copy. On GPU backends (webgl, webgpu, any backend
 *   advkit does not know) it would be a device sync that stalls the pipeline on every call, so only
 *   shape and dtype are checked there.
 * - `'always'`: on every backend (e.g. while debugging a WebGL app: a NaN or out-of-box x is then an
 *   ArgumentError instead of NaN or clipped results).
 */
export type ValueChecks = 'auto' | 'always';

/** Backends whose tensors live in main memory (tfjs-backend-cpu, tfjs-backend-wasm, tfjs-node). */
const CPU_RESIDENT_BACKENDS: readonly string[] = ['cpu', 'wasm', 'tensorflow'];

let mode: ValueChecks = 'auto';

/**
 * True when `backend` (default: the active tfjs backend) keeps tensor data in main memory, so reading
 * values back (`dataSync`) is a copy and not a GPU round trip: `'cpu'`, `'wasm'` and `'tensorflow'`
 * (tfjs-node). False for `'webgl'`, `'webgpu'` and every other name, and when no backend is active yet.
 */
export function backendReadsAreCheap(backend?: string): boolean {
  const name = backend ?? (getBackend() as string | undefined);
  return typeof name === 'string' && CPU_RESIDENT_BACKENDS.includes(name);
}

/**
 * Sets when value checks that need a read-back run, process-wide (see {@link ValueChecks}).
 * @default 'auto'
 * @returns the previous setting (to restore it).
 * @throws ArgumentError for anything but `'auto'` or `'always'`.
 */
export function setValueChecks(value: ValueChecks): ValueChecks {
  const next = checkOneOf(value, ['auto', 'always'] as const, 'setValueChecks', 'value');
  const previous = mode;
  mode = next;
  return previous;
}

/** The current {@link setValueChecks} setting. */
export function getValueChecks(): ValueChecks {
  return mode;
}

/**
 * Whether a value check that reads tensor data back should run now: always with
 * `setValueChecks('always')`, else when {@link backendReadsAreCheap}. For code built on advkit that
 * wants the same policy as advkit's own functions.
 */
export function valueChecksEnabled(): boolean {
  return mode === 'always' || backendReadsAreCheap();
}
