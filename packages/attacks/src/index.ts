export type { Attack } from './attack.js';
export { exactLinear, exactLinearAttack, exactLinearPerturbation, exactLinearMarginChange } from './exact-linear.js';
export { checkBinaryLabels } from './check-binary-labels.js';
export type { ExactLinearOptions, ExactLinearResult } from './exact-linear.js';
