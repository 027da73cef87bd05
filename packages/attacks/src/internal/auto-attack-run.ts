import type { Model } from '@advkit/models';
import type { LpBall } from '@advkit/threat-models';
import type { BlackBoxModel } from '../black-box-model.js';
import type { AutoAttackName } from '../auto-attack.js';
import { resolveApgdSettings } from '../apgd.js';
import { resolveSquareSettings } from '../square.js';
import { resolveFabSettings } from './resolve-fab-settings.js';
import { runApgd } from './run-apgd.js';
import { runFab } from './run-fab.js';
import { squareSteps } from './square-steps.js';
import { driveSteps } from './drive-steps.js';
import { logitsOfArray } from './logits-of-array.js';

/**
 * The resolved settings of one AutoAttack run, everything a shard needs besides its examples (built by
 * autoAttack in the main thread and again, from the same plain settings, in each worker).
 */
export interface AutoAttackRun {
  fn: string;
  model: Model | BlackBoxModel;
  blackBox: boolean;
  threatModel: LpBall;
  attacks: AutoAttackName[];
  rand: boolean;
  /** The named version whose settings the attacks take (a plain list takes those of 'standard'). */
  version: 'standard' | 'plus' | 'rand';
  /** Attacks skipped for too few classes (a warning, not an error, as in the reference). */
  skip: Set<AutoAttackName>;
  seed: number;
  batchSize: number;
  /** Classes, and floats per example. */
  k: number;
  d: number;
  /** The scores (logits) of `rows` examples. */
  score(xs: Float32Array, rows: number): Promise<ArrayLike<number>>;
  /**
   * Rejects with the abort reason once stopped (awaited between batches and between Square's queries;
   * it may yield to the event loop so that an abort can land).
   */
  stop(): void | Promise<void>;
}

/**
 * The reference's settings per version and norm (fra31/auto-attack, autoattack.py `set_version`):
 * restarts of APGD-CE / APGD-DLR (`apgd.n_restarts`) and of untargeted FAB, APGD-T's target count,
 * and L1's schedule of shrinking radii (`use_largereps`). APGD-T and FAB-T run once per target.
 */
export interface VersionSettings {
  apgdRestarts: number;
  fabRestarts: number;
  apgdTargets: number;
  largeEpsilonSchedule: boolean;
}

/** {@link VersionSettings} of `version` for a ball of norm `norm`. */
export function versionSettings(version: 'standard' | 'plus' | 'rand', norm: string): VersionSettings {
  if (version === 'plus') return { apgdRestarts: 5, fabRestarts: 5, apgdTargets: 9, largeEpsilonSchedule: false };
  if (version === 'standard' && norm === 'l1') return { apgdRestarts: 5, fabRestarts: 1, apgdTargets: 5, largeEpsilonSchedule: true };
  return { apgdRestarts: 1, fabRestarts: 1, apgdTargets: 9, largeEpsilonSchedule: false };
}

/** The run of `attacks` on `model` (validated by the caller). */
export function makeRun(p: Omit<AutoAttackRun, 'skip' | 'score' | 'd'>): AutoAttackRun {
  const skip = new Set<AutoAttackName>();
  if ((p.attacks.includes('apgd-dlr') || p.attacks.includes('apgd-t')) && p.k < 4) {
    if (p.k <= 2) skip.add('apgd-dlr');
    skip.add('apgd-t');
  }
  const d = p.model.inputShape.reduce((a, b) => a * b, 1);
  const score = async (xs: Float32Array, rows: number): Promise<ArrayLike<number>> =>
    p.blackBox ? (p.model as BlackBoxModel).predict(xs, rows) : logitsOfArray(p.model as Model, xs, rows, p.fn);
  return { ...p, skip, d, score };
}

/**
 * One attack of the ensemble on one batch (`rows` examples, flat), with the reference's parameters of
 * `run.version` and the given seed: the adversarial points and the count of zero DLR gradients.
 */
export async function attackBatch(run: AutoAttackRun, attack: AutoAttackName, xs: Float32Array, ys: Int32Array, rows: number, seed: number): Promise<{ xAdv: Float32Array; zeroGradients: number }> {
  const { threatModel, fn, k } = run;
  const m = run.model;
  const vs = versionSettings(run.version, threatModel.norm);
  const targets = Math.min(9, k - 1);
  if (attack === 'square') {
    const s = resolveSquareSettings({ threatModel, seed }, m.inputShape, fn);
    const gen = squareSteps(xs, ys, rows, k, { ...s, ...s.image(m.inputShape) });
    return { xAdv: (await driveSteps(gen, run.score, k, fn, () => run.stop())).xAdv, zeroGradients: 0 };
  }
  if (attack === 'fab-t') {
    const s = resolveFabSettings({ threatModel, seed, targetClasses: targets }, true, k, fn);
    return { xAdv: runFab(m as Model, xs, ys, rows, s).xAdv, zeroGradients: 0 };
  }
  if (attack === 'fab') {
    const s = resolveFabSettings({ threatModel, seed, restarts: vs.fabRestarts }, false, k, fn);
    return { xAdv: runFab(m as Model, xs, ys, rows, s).xAdv, zeroGradients: 0 };
  }
  const loss = attack === 'apgd-ce' ? 'cross-entropy' : attack === 'apgd-dlr' ? 'dlr' : 'targeted-dlr';
  const restarts = loss === 'targeted-dlr' ? 1 : vs.apgdRestarts;
  const s = resolveApgdSettings(
    { threatModel, steps: 100, rho: 0.75, seed, loss, restarts, largeEpsilonSchedule: vs.largeEpsilonSchedule, eotIterations: run.rand ? 20 : 1, ...(loss === 'targeted-dlr' ? { targetClasses: Math.min(vs.apgdTargets, k - 1) } : {}) },
    k,
    fn,
  );
  const out = runApgd(m as Model, xs, ys, rows, s);
  return { xAdv: out.xAdv, zeroGradients: out.zeroGradients };
}
