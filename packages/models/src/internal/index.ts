/**
 * `@advkit/models/internal`: the checks and helpers advkit's own packages share (attacks, trainers).
 * Not covered by semver: anything here may change or go in any release; use the main entry point.
 */
export { checkModel } from './check-model.js';
export { checkModelInput } from './check-model-input.js';
export { checkLabeledData, resolveLabeledData } from './check-labeled-data.js';
export { makeVariable } from './make-variable.js';
export { checkModelFactory, modelSpec, buildModel, isBuiltInModel } from './model-spec.js';
export type { LocalModelFactory, ModelFactory, ModelSpec } from './model-spec.js';
