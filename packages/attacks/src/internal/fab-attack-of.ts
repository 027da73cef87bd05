import type * as tf from '@tensorflow/tfjs-core';
import type { Model } from '@advkit/models';
import type { Attack, AttackContext } from '../attack.js';
import type { AttackSpec, SpecOptions } from '../attack-spec.js';
import type { FabTargetedOptions } from '../fab-targeted.js';
import { checkBatchIndex } from './attack-context.js';
import { checkAttackInputs, checkGradientModel, toTensor } from './check-attack-inputs.js';
import { deepFreeze } from './deep-freeze.js';
import { resolveFabSettings } from './resolve-fab-settings.js';
import { runFab } from './run-fab.js';

/** {@link fab} or {@link fabTargeted} on tensors (checks, runs, returns the adversarial tensor). */
export function fabRun(model: Model, x: tf.Tensor, y: tf.Tensor, options: FabTargetedOptions, targeted: boolean, fn: string): tf.Tensor {
  const m = checkGradientModel(model, fn, 2, 'a multi-class model');
  const s = resolveFabSettings(options, targeted, m.numOutputs, fn);
  const inp = checkAttackInputs(m, x, y, s.threatModel, fn);
  if (inp.n === 0) return toTensor(inp.x, 0, m.inputShape);
  return toTensor(runFab(m, inp.x, inp.y, inp.n, s).xAdv, inp.n, m.inputShape);
}

/**
 * {@link fabAttack} / {@link fabTargetedAttack}: checks the options once, and runs with seed
 * `seed + batchIndex` from the resolved options (what `spec` says), not the caller's object.
 */
export function fabAttackOf(opts: FabTargetedOptions, targeted: boolean, fn: string, toSpec: (options: SpecOptions<FabTargetedOptions>) => AttackSpec): Attack {
  const s = resolveFabSettings(opts, targeted, undefined, fn);
  const base = { threatModel: s.threatModel, steps: s.steps, restarts: s.restarts, alphaMax: s.alphaMax, eta: s.eta, beta: s.beta };
  const explicitTargets = targeted && opts.targetClasses !== undefined ? { targetClasses: s.targetClasses } : {};
  const spec = toSpec({ ...base, threatModel: s.threatModel.toJSON(), seed: s.seed, ...explicitTargets });
  const runFn = `${fn}.run`;
  return Object.freeze({
    name: targeted ? 'fab-t' : 'fab',
    spec: deepFreeze(spec),
    run(model: Model, x: tf.Tensor, y: tf.Tensor, context?: AttackContext): tf.Tensor {
      const t = checkBatchIndex(context, runFn);
      return fabRun(model, x, y, { ...base, ...explicitTargets, seed: (s.seed + t) >>> 0 }, targeted, targeted ? 'fabTargeted' : 'fab');
    },
  });
}
