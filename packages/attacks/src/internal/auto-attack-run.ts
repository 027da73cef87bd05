import type { Model } from '@advkit/models';
import type { LpBall } from '@advkit/threat-models';
import type { BlackBoxModel } from '../black-box-model.js';
import type { AutoAttackName } from '../auto-attack.js';
import { resolveApgdSettings } from '../apgd.js';
import { resolveSquareSettings } from '../square.js';
import { resolveFabSettings } from '../fab-targeted.js';
import { runApgd } from './run-apgd.js';
import { runFabTargeted } from './run-fab.js';
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
  /** Attacks skipped for too few classes (a warning, not an error, as in the reference). */
  skip: Set<AutoAttackName>;
  seed: number;
  batchSize: number;
  /** Classes, and floats per example. */
  k: number;
  d: number;
  /** The scores (logits) of `rows` examples. */
  score(xs: Float32Array, rows: number): Promise<ArrayLike<number>>;
  /** Throws the abort reason once stopped (checked between batches and between Square's queries). */
  stop(): void;
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
 * One attack of the ensemble on one batch (`rows` examples, flat), with the reference's 'standard' or
 * 'rand' parameters and the given seed: the adversarial points and the count of zero DLR gradients.
 */
export async function attackBatch(run: AutoAttackRun, attack: AutoAttackName, xs: Float32Array, ys: Int32Array, rows: number, seed: number): Promise<{ xAdv: Float32Array; zeroGradients: number }> {
  const { threatModel, fn, k } = run;
  const m = run.model;
  const targets = Math.min(9, k - 1);
  if (attack === 'square') {
    const s = resolveSquareSettings({ threatModel, seed }, m.inputShape, fn);
    const gen = squareSteps(xs, ys, rows, k, { ...s, ...s.image(m.inputShape) });
    return { xAdv: (await driveSteps(gen, run.score, k, fn, () => run.stop())).xAdv, zeroGradients: 0 };
  }
  if (attack === 'fab-t') {
    const s = resolveFabSettings({ threatModel, seed, targetClasses: targets }, k, fn);
    return { xAdv: runFabTargeted(m as Model, xs, ys, rows, s).xAdv, zeroGradients: 0 };
  }
  const loss = attack === 'apgd-ce' ? 'cross-entropy' : attack === 'apgd-dlr' ? 'dlr' : 'targeted-dlr';
  const s = resolveApgdSettings({ threatModel, steps: 100, rho: 0.75, seed, loss, eotIterations: run.rand ? 20 : 1, ...(loss === 'targeted-dlr' ? { targetClasses: targets } : {}) }, k, fn);
  const out = runApgd(m as Model, xs, ys, rows, s);
  return { xAdv: out.xAdv, zeroGradients: out.zeroGradients };
}
