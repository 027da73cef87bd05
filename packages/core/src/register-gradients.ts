import { getGradient, registerGradient, type GradConfig } from '@tensorflow/tfjs-core';
import { gradientConfigs } from './internal/gradient-configs.js';
import { ArgumentError } from './errors.js';
import { describeValue } from './describe-value.js';
import { batchMatMulGradConfig } from './internal/batch-mat-mul-grad.js';
import { conv2dGradConfig } from './internal/conv2d-grad.js';
import { fusedConv2dGradConfig } from './internal/fused-conv2d-grad.js';
import { addMissingWasmKernels } from './register-wasm-kernels.js';

/** Gradients advkit registers in place of tfjs-core's (same math, faster on wasm; see each config), and FusedConv2D's, which tfjs-core lacks. */
const overrides: GradConfig[] = [batchMatMulGradConfig, conv2dGradConfig, fusedConv2dGradConfig];

const extraGradients: GradConfig[] = [];

/**
 * Registers, once per process, every gradient tfjs-core ships (tfjs-core registers none by itself, and
 * its `register_all_gradients` module cannot be loaded by plain Node ESM) plus any gradient advkit adds
 * with {@link addGradientConfig}. Gradients already registered (for instance by the union package
 * `@tensorflow/tfjs`) are left as they are, except two that advkit replaces with the same math in a
 * form tfjs-backend-wasm runs much faster: `BatchMatMul` (explicit transposes instead of matMul's
 * transpose flags, 10–40× slower on wasm; `internal/batch-mat-mul-grad.ts`) and `Conv2D` (the input
 * gradient as a plain convolution instead of the naive Conv2DBackpropInput loop;
 * `internal/conv2d-grad.ts`). It also adds a gradient tfjs-core lacks, for the `FusedConv2D` kernel with
 * a linear or ReLU activation (`internal/fused-conv2d-grad.ts`), which advkit's `Cnn` runs so that a
 * gradient pass does one fused convolution per layer, as inference does. Safe to call any number of times.
 *
 * When `@tensorflow/tfjs-backend-wasm` is loaded, it also adds the two kernels that gradients need there
 * and tfjs-backend-wasm 4.22 lacks (`Conv2DBackpropFilter` for conv filters, `UnsortedSegmentSum` for
 * `tf.gather`; see {@link registerWasmKernels}). That only adds kernels, it replaces none, so a program
 * that only called `tf.setBackend('wasm')` trains conv nets and gets the same numbers as after
 * {@link initBackend}.
 *
 * Functions that need gradients (attacks, trainers) call this for you; call it yourself only if you use
 * `tf.grad` on your own before any advkit function.
 *
 * @returns the number of gradients this call registered (0 when all were present).
 */
export function registerGradients(): number {
  addMissingWasmKernels(); // kernels, not gradients: not counted
  let added = 0;
  for (const config of overrides) {
    if (getGradient(config.kernelName) !== config) {
      registerGradient(config);
      added++;
    }
  }
  for (const config of [...gradientConfigs, ...extraGradients]) {
    if (getGradient(config.kernelName) == null) {
      registerGradient(config);
      added++;
    }
  }
  return added;
}

/** Adds a gradient config that {@link registerGradients} will register (used for kernels tfjs lacks). */
export function addGradientConfig(config: GradConfig): void {
  // Checked here: a bad entry would make every later registerGradients() (called by every trainer) throw.
  const c = config as Partial<GradConfig> | null;
  if (typeof c !== 'object' || c === null || typeof c.kernelName !== 'string' || c.kernelName === '' || typeof c.gradFunc !== 'function') {
    throw new ArgumentError(`must be a tfjs GradConfig { kernelName: string, gradFunc: function }, got ${describeValue(config)}`, {
      fn: 'addGradientConfig',
      argument: 'config',
    });
  }
  extraGradients.push(config);
}

/**
 * True when tfjs has a gradient registered for `kernelName` (e.g. `'MatMul'`).
 * @throws ArgumentError when `kernelName` is not a non-empty string (a number or `undefined` would
 *   otherwise answer `false`, hiding the caller's mistake).
 */
export function hasGradient(kernelName: string): boolean {
  if (typeof kernelName !== 'string' || kernelName === '') {
    throw new ArgumentError(`must be a kernel name (a non-empty string such as 'MatMul'), got ${describeValue(kernelName)}`, {
      fn: 'hasGradient',
      argument: 'kernelName',
    });
  }
  return getGradient(kernelName) != null;
}
