import { AdvkitError, ArgumentError, checkOneOf, describeValue } from '@advkit/core';
import { LpBall, type LpBallOptions } from '@advkit/threat-models';
import type { Attack } from './attack.js';
import type { AttackSpec } from './attack-spec.js';
import { exactLinearAttack } from './exact-linear.js';
import { fgsmAttack } from './fgsm.js';
import { pgdAttack } from './pgd.js';
import { apgdAttack } from './apgd.js';
import { squareAttack } from './square.js';
import { fabAttack } from './fab.js';
import { fabTargetedAttack } from './fab-targeted.js';

const FN = 'attackFromSpec';
const KINDS = ['pgd', 'fgsm', 'exact-linear', 'apgd', 'square', 'fab', 'fab-targeted'] as const;
const FAB_KEYS = ['threatModel', 'steps', 'restarts', 'alphaMax', 'eta', 'beta', 'seed'] as const;
const KEYS: Record<(typeof KINDS)[number], readonly string[]> = {
  pgd: ['threatModel', 'steps', 'stepSize', 'randomStart', 'restarts', 'seed', 'loss'],
  fgsm: ['threatModel', 'stepSize', 'randomStart', 'seed', 'loss'],
  'exact-linear': ['threatModel'],
  apgd: ['threatModel', 'loss', 'steps', 'restarts', 'targetClasses', 'rho', 'seed', 'eotIterations', 'largeEpsilonSchedule'],
  square: ['threatModel', 'queries', 'pInit', 'rescaleSchedule', 'seed', 'image'],
  fab: FAB_KEYS,
  'fab-targeted': [...FAB_KEYS, 'targetClasses'],
};

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
  const kind = checkOneOf((spec as Partial<AttackSpec>).kind, KINDS, FN, 'spec.kind');
  const options: unknown = (spec as Partial<AttackSpec>).options;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ArgumentError(`must be an options object, got ${describeValue(options)}`, { fn: FN, argument: 'spec.options' });
  }
  for (const key of Object.keys(options)) {
    if (!KEYS[kind].includes(key)) {
      throw new ArgumentError(`is not an option of a '${kind}' attack (allowed: ${KEYS[kind].join(', ')})`, { fn: FN, argument: `spec.options.${key}` });
    }
  }
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
