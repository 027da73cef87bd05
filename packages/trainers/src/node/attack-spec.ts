import { AdvkitError, ArgumentError, checkOneOf, describeValue } from '@advkit/core';
import { LpBall, type LpBallOptions } from '@advkit/threat-models';
import { fgsmAttack, pgdAttack, type FgsmAttackOptions, type PgdAttackOptions } from '@advkit/attacks';

/** {@link pgdAttack}'s options as plain data, for {@link dataParallelSgd}. */
export interface PgdAttackSpec extends Omit<PgdAttackOptions, 'threatModel'> {
  kind: 'pgd';
  /** The threat model: an `LpBall` or the options that build one (`{ norm, epsilon, box? }`). */
  threatModel: LpBall | LpBallOptions;
}

/** {@link fgsmAttack}'s options as plain data, for {@link dataParallelSgd}. */
export interface FgsmAttackSpec extends Omit<FgsmAttackOptions, 'threatModel'> {
  kind: 'fgsm';
  /** The threat model: an `LpBall` or the options that build one (`{ norm, epsilon, box? }`). */
  threatModel: LpBall | LpBallOptions;
}

/**
 * An attack as plain data (functions and class instances cannot be sent to a worker thread): the
 * options of `pgdAttack` or `fgsmAttack` from @advkit/attacks plus a `kind`. Each worker runs the same
 * attack with the same per-step seeds as the `Attack` object those functions return would in a
 * single-process trainer.
 */
export type AttackSpec = PgdAttackSpec | FgsmAttackSpec;

/**
 * A checked {@link AttackSpec}: the threat model as options, the user's other options unchanged (the
 * attack applies its own defaults), and the resolved `seed` and `restarts` from which the n-th call's
 * seed is derived as `pgdAttack` / `fgsmAttack` derive it.
 */
export interface ResolvedAttackSpec {
  kind: 'pgd' | 'fgsm';
  threatModel: LpBallOptions;
  /** The spec's other options (steps, stepSize, randomStart, restarts, seed, loss) as given. */
  options: Record<string, unknown>;
  seed: number;
  restarts: number;
}

const KEYS = {
  pgd: ['kind', 'threatModel', 'steps', 'stepSize', 'randomStart', 'restarts', 'seed', 'loss'],
  fgsm: ['kind', 'threatModel', 'stepSize', 'randomStart', 'seed', 'loss'],
} as const;

/**
 * Validates an {@link AttackSpec} with the checks of `LpBall` and `pgdAttack` / `fgsmAttack`
 * themselves, re-raised as ArgumentErrors of `fn` naming `arg.<option>` (e.g.
 * `dataParallelSgd: options.attack.steps must be an integer >= 1, got 0`).
 */
export function checkAttackSpec(spec: unknown, fn: string, arg = 'options.attack'): ResolvedAttackSpec {
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
    throw new ArgumentError(`must be an AttackSpec ({ kind: 'pgd' | 'fgsm', threatModel, … }), got ${describeValue(spec)}`, { fn, argument: arg });
  }
  const s = spec as Record<string, unknown>;
  if (typeof s.run === 'function') {
    throw new ArgumentError(
      "must be a plain-data AttackSpec ({ kind: 'pgd' | 'fgsm', threatModel, … }), not an Attack object: functions cannot be sent to a worker thread",
      { fn, argument: arg },
    );
  }
  const kind = checkOneOf(s.kind, ['pgd', 'fgsm'] as const, fn, `${arg}.kind`);
  for (const key of Object.keys(s)) {
    if (!(KEYS[kind] as readonly string[]).includes(key)) {
      throw new ArgumentError(`is not an option of a '${kind}' AttackSpec (allowed: ${KEYS[kind].join(', ')})`, { fn, argument: `${arg}.${key}` });
    }
  }
  let ball: LpBall;
  try {
    ball = s.threatModel instanceof LpBall ? s.threatModel : new LpBall(s.threatModel as LpBallOptions);
  } catch (e) {
    throw rethrowAs(e, fn, `${arg}.threatModel`);
  }
  const { kind: _kind, threatModel: _tm, ...options } = s;
  try {
    if (kind === 'pgd') pgdAttack({ ...options, threatModel: ball });
    else fgsmAttack({ ...options, threatModel: ball });
  } catch (e) {
    throw rethrowAs(e, fn, arg);
  }
  // pgdAttack/fgsmAttack accepted them, so these are integers when given
  const seed = (options.seed as number | undefined) ?? 0;
  const restarts = kind === 'pgd' ? ((options.restarts as number | undefined) ?? 1) : 1;
  return { kind, threatModel: ball.toJSON(), options, seed, restarts };
}

/** An ArgumentError of the attack or ball (`X: options.steps must …`) as one of `fn` naming `base.steps`. */
function rethrowAs(e: unknown, fn: string, base: string): unknown {
  if (!ArgumentError.isInstance(e)) return e;
  const err = e as ArgumentError;
  const head = `${err.fn}: ${err.argument} `;
  const rest = err.message.startsWith(head) ? err.message.slice(head.length) : err.message;
  const argument = err.argument === 'options' ? base : `${base}.${err.argument.replace(/^options\./, '')}`;
  return new ArgumentError(rest, { fn, argument, cause: e as AdvkitError });
}
