import type { LpBallOptions } from '@advkit/threat-models';
import type { FgsmAttackOptions } from './fgsm.js';
import type { PgdAttackOptions } from './pgd.js';
import type { ApgdAttackOptions } from './apgd.js';
import type { SquareAttackOptions } from './square.js';
import type { FabOptions } from './fab.js';
import type { FabTargetedOptions } from './fab-targeted.js';

/** An attack's options with the threat model as plain data (`LpBall.toJSON()`), so they survive JSON. */
export type SpecOptions<O extends { threatModel: unknown }> = Omit<O, 'threatModel'> & { threatModel: LpBallOptions };

/** {@link pgdAttack} as plain data: its options with every default filled in. */
export interface PgdAttackSpec {
  kind: 'pgd';
  options: SpecOptions<PgdAttackOptions>;
}

/** {@link fgsmAttack} as plain data: its options with every default filled in. */
export interface FgsmAttackSpec {
  kind: 'fgsm';
  options: SpecOptions<FgsmAttackOptions>;
}

/** {@link exactLinearAttack} as plain data. */
export interface ExactLinearAttackSpec {
  kind: 'exact-linear';
  options: { threatModel: LpBallOptions };
}

/** {@link apgdAttack} as plain data: its options with every default filled in (`targetClasses` only when given). */
export interface ApgdAttackSpec {
  kind: 'apgd';
  options: SpecOptions<ApgdAttackOptions>;
}

/** {@link squareAttack} as plain data: its options with every default filled in (`image` only when given). */
export interface SquareAttackSpec {
  kind: 'square';
  options: SpecOptions<SquareAttackOptions>;
}

/** {@link fabAttack} as plain data: its options with every default filled in. */
export interface FabAttackSpec {
  kind: 'fab';
  options: SpecOptions<FabOptions>;
}

/** {@link fabTargetedAttack} as plain data: its options with every default filled in (`targetClasses` only when given). */
export interface FabTargetedAttackSpec {
  kind: 'fab-targeted';
  options: SpecOptions<FabTargetedOptions>;
}

/**
 * A built-in attack as plain data (JSON-able: no functions, no class instances, no tensors), as
 * `Attack.spec` holds it; {@link attackFromSpec} rebuilds the attack. Functions and class instances
 * cannot be sent to a worker thread or written to a file; a spec can.
 */
export type AttackSpec = PgdAttackSpec | FgsmAttackSpec | ExactLinearAttackSpec | ApgdAttackSpec | SquareAttackSpec | FabAttackSpec | FabTargetedAttackSpec;
