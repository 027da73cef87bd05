import type * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, checkNumber, checkOptions, describeValue, checkKnownKeys, optionKeys } from '@advkit/core';
import type { Model } from '@advkit/models';
import type { LpBall } from '@advkit/threat-models';
import type { Attack, AttackContext } from './attack.js';
import { checkBatchIndex } from './internal/attack-context.js';
import type { BlackBoxModel } from './black-box-model.js';
import { checkModel } from '@advkit/models/internal';
import { checkBoolean, checkSeed, checkThreatModel } from './internal/resolve-attack.js';
import { checkAttackBall, checkAttackInputs, isBlackBoxModel, toTensor } from './internal/check-attack-inputs.js';
import { squareSteps, type SquareSettings } from './internal/square-steps.js';
import { driveSteps, driveStepsSync } from './internal/drive-steps.js';
import { logitsOfArray } from './internal/logits-of-array.js';
import { deepFreeze } from './internal/deep-freeze.js';
import type { SquareAttackSpec } from './attack-spec.js';

export interface SquareOptions {
  /** The feasible set B_p(x, ε) ∩ box, L∞, L2 or L1, ε > 0 (the reference assumes the box [0, 1]). */
  threatModel: LpBall;
  /** Iterations, i.e. queries per example beyond the first. @default 5000 (AutoAttack's budget) */
  queries?: number;
  /** The initial fraction of pixels changed, p_init. @default 0.8 */
  pInit?: number;
  /** Stretch the p schedule over `queries` (the reference's `resc_schedule`). @default false (as AutoAttack) */
  rescaleSchedule?: boolean;
  /** Seed of the random squares. @default 0 */
  seed?: number;
  /**
   * The image layout of one input, channels last (pixel (row, col), channel ch at flat index
   * (row·width + col)·channels + ch). @default from `inputShape`: [h, w, c] as is, [h, w] with one
   * channel, [d] as a √d×√d one-channel image
   */
  image?: { height: number; width: number; channels: number };
  /** Called with the count of iterations done, after each. @default undefined */
  onQuery?: (iteration: number) => void;
}

/** Options of {@link squareAttack}. */
export type SquareAttackOptions = Omit<SquareOptions, 'onQuery'>;

const SQUARE_KEYS = optionKeys<SquareOptions>()({ threatModel: true, queries: true, pInit: true, rescaleSchedule: true, seed: true, image: true, onQuery: true });
const SQUARE_ATTACK_KEYS = optionKeys<SquareAttackOptions>()({ threatModel: true, queries: true, pInit: true, rescaleSchedule: true, seed: true, image: true });
const IMAGE_KEYS = optionKeys<NonNullable<SquareOptions['image']>>()({ height: true, width: true, channels: true });

export function resolveSquareSettings(options: SquareOptions, inputShape: readonly number[] | undefined, fn: string): Omit<SquareSettings, 'height' | 'width' | 'channels'> & { threatModel: LpBall; image: (shape: readonly number[]) => { height: number; width: number; channels: number } } {
  const opts = checkOptions(options, fn);
  checkKnownKeys(opts, fn === 'squareAttack' ? SQUARE_ATTACK_KEYS : SQUARE_KEYS, fn);
  if (opts.image !== undefined) checkKnownKeys(checkOptions(opts.image, fn, 'options.image'), IMAGE_KEYS, fn, 'options.image');
  const threatModel = checkThreatModel(opts.threatModel, fn);
  checkAttackBall(threatModel, fn, ['linf', 'l2', 'l1']);
  const queries = checkNumber(opts.queries ?? 5000, fn, 'options.queries', { min: 1, integer: true });
  const pInit = checkNumber(opts.pInit ?? 0.8, fn, 'options.pInit', { min: 0, max: 1, minInclusive: false });
  const rescaleSchedule = checkBoolean(opts.rescaleSchedule, false, fn, 'options.rescaleSchedule');
  const seed = checkSeed(opts.seed, fn);
  const image = (shape: readonly number[]): { height: number; width: number; channels: number } => {
    const d = shape.reduce((a, b) => a * b, 1);
    if (opts.image !== undefined) {
      const im = checkOptions(opts.image, fn, 'options.image');
      const height = checkNumber(im.height, fn, 'options.image.height', { min: 1, integer: true });
      const width = checkNumber(im.width, fn, 'options.image.width', { min: 1, integer: true });
      const channels = checkNumber(im.channels, fn, 'options.image.channels', { min: 1, integer: true });
      if (height * width * channels !== d) throw new ArgumentError(`must have height·width·channels = ${d} features, got ${height}·${width}·${channels}`, { fn, argument: 'options.image' });
      return { height, width, channels };
    }
    if (shape.length === 3) return { height: shape[0]!, width: shape[1]!, channels: shape[2]! };
    if (shape.length === 2) return { height: shape[0]!, width: shape[1]!, channels: 1 };
    const side = Math.round(Math.sqrt(d));
    if (shape.length === 1 && side * side === d) return { height: side, width: side, channels: 1 };
    throw new ArgumentError(`is needed: Square attacks square windows of an image, and inputShape [${shape.join(',')}] is not one`, { fn, argument: 'options.image' });
  };
  if (inputShape !== undefined) image(inputShape);
  if (opts.onQuery !== undefined && typeof opts.onQuery !== 'function') throw new ArgumentError(`must be a function, got ${describeValue(opts.onQuery)}`, { fn, argument: 'options.onQuery' });
  const box = threatModel.box;
  return { threatModel, norm: threatModel.norm as 'linf' | 'l2' | 'l1', epsilon: threatModel.epsilon, lo: box?.min ?? -Infinity, hi: box?.max ?? Infinity, queries, pInit, rescaleSchedule, seed, image };
}

/** A differentiable model or a black-box model, as Square takes them. */
function checkScoreModel(model: unknown, fn: string): Model | BlackBoxModel {
  const m = isBlackBoxModel(model) ? model : checkModel(model, fn);
  if (m.numOutputs < 2) throw new ArgumentError(`must have at least 2 classes (the margin loss), got numOutputs = ${m.numOutputs}`, { fn, argument: 'model' });
  return m;
}

/**
 * Square Attack (Andriushchenko, Croce, Flammarion & Hein, "Square Attack: a query-efficient
 * black-box adversarial attack via random search", ECCV 2020), a port of the reference
 * `SquareAttack` (fra31/auto-attack, MIT) for L∞, L2 and L1: random search over square-shaped updates,
 * untargeted margin loss z_y − max_{j≠y} z_j, the reference's p schedule (p_init = 0.8 halved at
 * iterations 10, 50, 200, 500, 1000, 2000, 4000, 6000, 8000) and query budget (5000). It uses only
 * scores, so `model` may be a {@link BlackBoxModel} (sync or async) as well as a tfjs `Model`.
 *
 * @param x inputs `[n, ...inputShape]`, float32, inside the threat model's box.
 * @param y class indices `[n]`.
 * @returns a promise of the adversarial examples (x where the attack failed), owned by the caller.
 * @throws ArgumentError / ShapeError (from @advkit/core) for bad arguments (ε ≤ 0, a budget ≤ 0,
 *   x outside the box, an input that is not an image without `options.image`).
 */
export async function square(model: Model | BlackBoxModel, x: tf.Tensor, y: tf.Tensor, options: SquareOptions): Promise<tf.Tensor> {
  const fn = 'square';
  const m = checkScoreModel(model, fn);
  const s = resolveSquareSettings(options, m.inputShape, fn);
  const inp = checkAttackInputs(m, x, y, s.threatModel, fn);
  if (inp.n === 0) return toTensor(inp.x, 0, m.inputShape);
  const gen = squareSteps(inp.x, inp.y, inp.n, m.numOutputs, { ...s, ...s.image(m.inputShape) });
  const score = isBlackBoxModel(m) ? (xs: Float32Array, n: number) => m.predict(xs, n) : (xs: Float32Array, n: number) => logitsOfArray(m, xs, n, fn);
  let calls = 0;
  const onQuery = options.onQuery;
  // the first two batches are the clean and the start point; the rest are iterations
  const out = await driveSteps(gen, score, m.numOutputs, fn, onQuery === undefined ? undefined : () => (++calls > 2 ? onQuery(calls - 2) : undefined));
  return toTensor(out.xAdv, inp.n, m.inputShape);
}

/**
 * Square as a synchronous {@link Attack} on a differentiable tfjs `Model` (it uses only its logits).
 * A call with `{ batchIndex: t }` uses seed `seed + t`. For a black-box model, call {@link square}.
 * Its `spec` holds the options with their defaults filled in, from which {@link attackFromSpec} rebuilds it.
 */
export function squareAttack(options: SquareAttackOptions): Attack {
  const fn = 'squareAttack';
  const opts = checkOptions(options, fn);
  const s = resolveSquareSettings(opts, undefined, fn);
  const spec: SquareAttackSpec = {
    kind: 'square',
    options: {
      threatModel: s.threatModel.toJSON(),
      queries: s.queries,
      pInit: s.pInit,
      rescaleSchedule: s.rescaleSchedule,
      seed: s.seed,
      ...(opts.image !== undefined ? { image: { height: opts.image.height, width: opts.image.width, channels: opts.image.channels } } : {}),
    },
  };
  return Object.freeze({
    name: 'square',
    spec: deepFreeze(spec),
    run(model: Model, x: tf.Tensor, y: tf.Tensor, context?: AttackContext): tf.Tensor {
      const t = checkBatchIndex(context, 'squareAttack.run');
      const m = checkScoreModel(model, 'squareAttack.run');
      if (isBlackBoxModel(m)) throw new ArgumentError('is a black-box model: Attack.run is synchronous; call square() instead', { fn: 'squareAttack.run', argument: 'model' });
      const inp = checkAttackInputs(m, x, y, s.threatModel, 'squareAttack.run');
      if (inp.n === 0) return toTensor(inp.x, 0, m.inputShape);
      const gen = squareSteps(inp.x, inp.y, inp.n, m.numOutputs, { ...s, seed: s.seed + t, ...s.image(m.inputShape) });
      const out = driveStepsSync(gen, (xs, n) => logitsOfArray(m, xs, n, 'squareAttack.run'), m.numOutputs, 'squareAttack.run');
      return toTensor(out.xAdv, inp.n, m.inputShape);
    },
  });
}
