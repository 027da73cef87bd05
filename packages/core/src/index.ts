export {
  AdvkitError,
  ArgumentError,
  ShapeError,
  DataFormatError,
  DataNotFoundError,
  BackendError,
  CheckpointError,
  DivergenceError,
} from './errors.js';
export type { AdvkitErrorOptions, ArgumentErrorOptions } from './errors.js';
export { describeValue } from './describe-value.js';
export { checkNumber, checkOneOf, checkOptions, checkKnownKeys, optionKeys, checkSeed, checkTensor, checkShape, isTensor } from './validate.js';
export type { NumberRule, TensorRule } from './validate.js';
export { checkSignal } from './check-signal.js';
export { yieldToEventLoop } from './yield-to-event-loop.js';
export { Rng } from './rng.js';
export { registerGradients, addGradientConfig, hasGradient } from './register-gradients.js';
export { initBackend } from './init-backend.js';
export { registerWasmKernels } from './register-wasm-kernels.js';
export type { BackendInfo, InitBackendOptions, KnownBackend, WasmPaths } from './init-backend.js';
export { crc32 } from './crc32.js';
export { backendReadsAreCheap, setValueChecks, getValueChecks, valueChecksEnabled } from './value-checks.js';
export type { ValueChecks } from './value-checks.js';
