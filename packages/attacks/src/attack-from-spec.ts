import { AdvkitError, ArgumentError, checkOneOf, describeValue, checkKnownKeys, optionKeys } from '@advkit/core';
import { LpBall, type LpBallOptions } from '@advkit/threat-models';
import type { Attack } from './attack.js';
import type { ApgdAttackSpec, AttackSpec, ExactLinearAttackSpec, FabAttackSpec, FabTargetedAttackSpec, FgsmAttackSpec, PgdAttackSpec, SquareAttackSpec } from './attack-spec.js';
import { exactLinearAttack } from './exact-linear.js';
import { fgsmAttack } from './fgsm.js';
import { pgdAttack } from './pgd.js';
import { apgdAttack } from './apgd.js';
import { squareAttack } from './square.js';
import { fabAttack } from './fab.js';
import { fabTargetedAttack } from './fab-targeted.js';

const FN = 'attackFromSpec';
const KINDS = ['pgd', 'fgsm', 'exact-linear', 'apgd', 'square', 'fab', 'fab-targeted'] as const;
const KEYS: Record<(typeof KINDS)[number], readonly string[]> = {
  pgd: optionKeys<PgdAttackSpec['options']>()({ threatModel: true, steps: true, stepSize: true, randomStart: true, restarts: true, seed: true, loss: true }),
  fgsm: optionKeys<FgsmAttackSpec['options']>()({ threatModel: true, stepSize: true, randomStart: true, seed: true, loss: true }),
  'exact-linear': optionKeys<ExactLinearAttackSpec['options']>()({ threatModel: true }),
  apgd: optionKeys<ApgdAttackSpec['options']>()({ threatModel: true, loss: true, steps: true, restarts: true, targetClasses: true, rho: true, seed: true, eotIterations: true, largeEpsilonSchedule: true }),
  square: optionKeys<SquareAttackSpec['options']>()({ threatModel: true, queries: true, pInit: true, rescaleSchedule: true, seed: true, image: true }),
  fab: optionKeys<FabAttackSpec['options']>()({ threatModel: true, steps: true, restarts: true, alphaMax: true, eta: true, beta: true, seed: true }),
  'fab-targeted': optionKeys<FabTargetedAttackSpec['options']>()({ threatModel: true, steps: true, restarts: true, alphaMax: true, eta: true, beta: true, seed: true, targetClasses: true }),
};
const SPEC_KEYS = optionKeys<AttackSpec>()({ kind: true, options: true });

/**
 * Rebuilds a built-in attack from its plain-data {@link AttackSpec} (`attack.spec`, possibly after a
 * JSON round trip or a trip to a worker thread): `attackFromSpec(a.spec).run(...)` returns exactly
 * what `a.run(...)` returns for the same arguments and context. The spec is checked as the attack's
 * own options are; errors name `attackFromSpec` and `spec.options.<option>`.
 */
export function attackFromSpec(spec: AttackSpec): Attack {
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
    throw new ArgumentError(`must be an AttackSpec ({ kind: ${KINDS.map((k) => `'${k}'`).join(' | ')}, options }), got ${describeValue(spec)}`, { fn: FN, argument: 'spec' });
  }
  checkKnownKeys(spec, SPEC_KEYS, FN, 'spec');
  const kind = checkOneOf((spec as Partial<AttackSpec>).kind, KINDS, FN, 'spec.kind');
  const options: unknown = (spec as Partial<AttackSpec>).options;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ArgumentError(`must be an options object, got ${describeValue(options)}`, { fn: FN, argument: 'spec.options' });
  }
  checkKnownKeys(options, KEYS[kind], FN, 'spec.options');
  const { threatModel, ...rest } = options as { threatModel?: LpBallOptions };
  let ball: LpBall;
  try {
    ball = new LpBall(threatModel as LpBallOptions);
  } catch (e) {
    throw renamed(e, 'spec.options.threatModel');
  }
  try {
    if (kind === 'pgd') return pgdAttack({ ...rest, threatModel: ball });
    if (kind === 'fgsm') return fgsmAttack({ ...rest, threatModel: ball });
    if (kind === 'apgd') return apgdAttack({ ...rest, threatModel: ball });
    if (kind === 'square') return squareAttack({ ...rest, threatModel: ball });
    if (kind === 'fab') return fabAttack({ ...rest, threatModel: ball });
    if (kind === 'fab-targeted') return fabTargetedAttack({ ...rest, threatModel: ball });
    return exactLinearAttack({ threatModel: ball });
  } catch (e) {
    throw renamed(e, 'spec.options');
  }
}

/**
 * An ArgumentError of the attack or the ball (`pgdAttack: options.steps must …`, `LpBall: options.epsilon
 * must …`) as one of attackFromSpec naming `base.steps` / `base.epsilon`; other errors unchanged.
 */
function renamed(e: unknown, base: string): unknown {
  if (!ArgumentError.isInstance(e)) return e;
  const err = e as ArgumentError;
  const head = `${err.fn}: ${err.argument} `;
  const rest = err.message.startsWith(head) ? err.message.slice(head.length) : err.message;
  const argument = err.argument === 'options' ? base : `${base}.${err.argument.replace(/^options\./, '')}`;
  return new ArgumentError(rest, { fn: FN, argument, cause: e as AdvkitError });
}
