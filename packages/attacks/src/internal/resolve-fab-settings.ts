import { ArgumentError, checkKnownKeys, checkNumber, checkOptions, optionKeys } from '@advkit/core';
import type { LpBall } from '@advkit/threat-models';
import type { FabTargetedOptions } from '../fab-targeted.js';
import { checkSeed, checkThreatModel } from './resolve-attack.js';
import { checkAttackBall } from './check-attack-inputs.js';
import type { FabSettings } from './run-fab.js';

/** The option names of {@link FabTargetedOptions} (untargeted FAB refuses `targetClasses` with its own message). */
const FAB_KEYS = optionKeys<FabTargetedOptions>()({ threatModel: true, steps: true, restarts: true, targetClasses: true, alphaMax: true, eta: true, beta: true, seed: true });

/**
 * Checks the options of {@link fab} (`targeted` false: `targetClasses` is refused) or
 * {@link fabTargeted} and fills in the defaults (the reference's `FABAttack`: 100 iterations, 1
 * restart, α_max 0.1, η 1.05, β 0.9, 9 targets capped at K − 1). `numOutputs` is undefined when the
 * model is not known yet (the `…Attack` factories check again at run time).
 */
export function resolveFabSettings(options: FabTargetedOptions, targeted: boolean, numOutputs: number | undefined, fn: string): FabSettings & { threatModel: LpBall } {
  const opts = checkOptions(options, fn);
  checkKnownKeys(opts, FAB_KEYS, fn);
  const threatModel = checkThreatModel(opts.threatModel, fn);
  checkAttackBall(threatModel, fn, ['linf', 'l2', 'l1']);
  if (threatModel.box === undefined || threatModel.box.min !== 0 || threatModel.box.max !== 1) {
    throw new ArgumentError('must have the box { min: 0, max: 1 }: FAB projects onto hyperplane ∩ [0, 1]^d', { fn, argument: 'options.threatModel' });
  }
  const steps = checkNumber(opts.steps ?? 100, fn, 'options.steps', { min: 1, integer: true });
  const restarts = checkNumber(opts.restarts ?? 1, fn, 'options.restarts', { min: 1, integer: true });
  let targetClasses = numOutputs === undefined ? 9 : Math.min(9, numOutputs - 1);
  if (!targeted && 'targetClasses' in opts) {
    throw new ArgumentError('is an option of fabTargeted; untargeted FAB takes the closest linearised boundary of all classes', { fn, argument: 'options.targetClasses' });
  }
  if (opts.targetClasses !== undefined) {
    targetClasses = checkNumber(opts.targetClasses, fn, 'options.targetClasses', { min: 1, integer: true });
    if (numOutputs !== undefined && targetClasses > numOutputs - 1) {
      throw new ArgumentError(`must be at most numOutputs − 1 = ${numOutputs - 1}, got ${targetClasses}`, { fn, argument: 'options.targetClasses' });
    }
  }
  const alphaMax = checkNumber(opts.alphaMax ?? 0.1, fn, 'options.alphaMax', { min: 0, max: 1 });
  const eta = checkNumber(opts.eta ?? 1.05, fn, 'options.eta', { min: 1 });
  const beta = checkNumber(opts.beta ?? 0.9, fn, 'options.beta', { min: 0, max: 1 });
  const seed = checkSeed(opts.seed, fn);
  return { threatModel, norm: threatModel.norm as 'linf' | 'l2' | 'l1', targeted, fn, epsilon: threatModel.epsilon, steps, restarts, targetClasses, alphaMax, eta, beta, seed };
}
