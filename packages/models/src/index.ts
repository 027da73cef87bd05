export type { Model } from './model.js';
export { LinearModel } from './linear-model.js';
export type { LinearModelOptions } from './linear-model.js';
export { torchLinearInit } from './torch-linear-init.js';
export { checkModelInput } from './check-input.js';
export { makeVariable } from './make-variable.js';
