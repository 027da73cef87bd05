export type { Attack, AttackContext } from './attack.js';
export type {
  AttackSpec,
  PgdAttackSpec,
  FgsmAttackSpec,
  ExactLinearAttackSpec,
  ApgdAttackSpec,
  SquareAttackSpec,
  FabAttackSpec,
  FabTargetedAttackSpec,
  SpecOptions,
} from './attack-spec.js';
export { attackFromSpec } from './attack-from-spec.js';
export { isAttack } from './is-attack.js';
export { exactLinear, exactLinearAttack, exactLinearPerturbation, exactLinearMarginChange } from './exact-linear.js';
export { linearAttackedError } from './linear-attacked-error.js';
export type { LinearAttackedErrorOptions } from './linear-attacked-error.js';
export type { ExactLinearOptions, ExactLinearResult } from './exact-linear.js';
export { fgsm, fgsmAttack } from './fgsm.js';
export type { FgsmOptions, FgsmAttackOptions } from './fgsm.js';
export { pgd, pgdAttack } from './pgd.js';
export type { PgdOptions, PgdAttackOptions, PgdIterate } from './pgd.js';
export { inputGradient } from './input-gradient.js';
export type { InputGradientOptions } from './input-gradient.js';
export type { AttackLoss } from './internal/attack-objective.js';
export { apgd, apgdAttack } from './apgd.js';
export type { ApgdOptions, ApgdAttackOptions, ApgdLoss } from './apgd.js';
export { blackBoxModel } from './black-box-model.js';
export type { BlackBoxModel, BlackBoxModelOptions } from './black-box-model.js';
export { square, squareAttack } from './square.js';
export type { SquareOptions, SquareAttackOptions } from './square.js';
export { fab, fabAttack } from './fab.js';
export type { FabOptions } from './fab.js';
export { fabTargeted, fabTargetedAttack } from './fab-targeted.js';
export type { FabTargetedOptions } from './fab-targeted.js';
export { autoAttack } from './auto-attack.js';
export type { AutoAttackOptions, AutoAttackResult, AutoAttackWarning, AutoAttackProgress, AutoAttackName } from './auto-attack.js';
export { encodeAutoAttackState, decodeAutoAttackState, AUTO_ATTACK_STATE_FORMAT, AUTO_ATTACK_STATE_VERSION } from './auto-attack-state.js';
export type { AutoAttackState, AutoAttackShardState, AutoAttackFingerprint } from './auto-attack-state.js';
