/**
 * `@advkit/attacks/evaluate`: measuring a model against attacks (evaluation is a use of attacks, not
 * of training, so it lives here and trainers do not need it).
 */
export { evaluate } from './evaluate.js';
export type { EvaluateOptions, Evaluation } from './evaluate.js';
export { robustEvaluate } from './robust-evaluate.js';
export type { RobustEvaluateOptions, RobustEvaluation } from './robust-evaluate.js';
export { diagnoseAttacks } from './diagnose-attacks.js';
export type { DiagnoseAttacksOptions, AttackErrorSummary } from './diagnose-attacks.js';
export { detectCatastrophicOverfitting } from './detect-catastrophic-overfitting.js';
export type { CatastrophicOverfittingOptions, CatastrophicOverfittingCheck, CatastrophicOverfittingDetector } from './detect-catastrophic-overfitting.js';
