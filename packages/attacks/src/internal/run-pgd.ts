import * as tf from '@tensorflow/tfjs-core';
import { registerGradients } from '@advkit/core';
import type { Model } from '@advkit/models';
import { LpBall, checkBallCenter } from '@advkit/threat-models';
import { attackObjective, attackSuccess, type AttackLoss } from './attack-objective.js';
import { inputGrad } from './input-grad.js';
import { modelLogits } from './model-logits.js';

/** What {@link PgdOptions.onIterate} receives. */
export interface PgdIterate {
  /** 0-based restart. */
  restart: number;
  /** 0 for the starting point (after its projection), then 1..steps. */
  step: number;
  /** The iterate, owned by the attack: valid only during the callback (do not dispose or keep it). */
  xAdv: tf.Tensor;
}

export interface PgdConfig {
  ball: LpBall;
  steps: number;
  stepSize: number;
  randomStart: boolean;
  restarts: number;
  seed: number;
  loss: AttackLoss;
  targeted: boolean;
  onIterate?: ((it: PgdIterate) => void) | undefined;
}

/**
 * The per-example input gradient ∇ₓ J (J from {@link attackObjective}); a new tensor owned by the
 * caller. A function of x only: no variable holds δ, so the model's variables get no gradient and no
 * update. A model whose logits are not a float32 `[batch, numOutputs]` tensor, do not depend on x, or
 * throw is an ArgumentError on `model` naming `fn`, and leaves no tensor behind.
 */
export function objectiveGradient(model: Model, x: tf.Tensor, labels: tf.Tensor, loss: AttackLoss, targeted: boolean, fn: string): tf.Tensor {
  registerGradients();
  return tf.tidy(() => inputGrad(() => tf.sum(attackObjective(modelLogits(model, x, fn), labels, loss, targeted)), x, fn));
}

/**
 * Projected gradient ascent on J over S(x) = ball ∩ box (Madry et al., ICLR 2018):
 *   x⁰ = proj_S(random point of S, or x);  xᵗ⁺¹ = proj_S(xᵗ + argmax_{‖s‖_p ≤ α} sᵀ∇ₓJ(xᵗ)).
 * With restarts, each example keeps the final iterate of the run that misclassifies it (targeted:
 * classifies it as the target), ties broken by the larger J. Restart r draws its start with seed
 * (seed + r) mod 2³², the seed the old `Rng` reduction gave it.
 *
 * `x` must be finite and inside the ball's box (an ArgumentError on `x` naming `fn`, the public
 * function called: the check reads x back once, and the projections around x reuse that read). A
 * hostile model (bad logits, logits independent of x, a throwing `logits`) is an ArgumentError on
 * `model`; every failing call frees what it made.
 * Returns a new tensor owned by the caller; frees everything else.
 */
export function runPgd(model: Model, x: tf.Tensor, labels: tf.Tensor, cfg: PgdConfig, fn: string): tf.Tensor {
  registerGradients();
  const { ball } = cfg;
  checkBallCenter(x, ball.box, fn, 'x');
  const stepBall = new LpBall({ norm: ball.norm, epsilon: cfg.stepSize });
  const grad = (xi: tf.Tensor): tf.Tensor =>
    inputGrad(() => tf.sum(attackObjective(modelLogits(model, xi, fn), labels, cfg.loss, cfg.targeted)), xi, fn);
  const batch = x.shape[0]!;
  // without a random start every restart would repeat the same deterministic run
  const restarts = cfg.randomStart ? cfg.restarts : 1;
  let best: tf.Tensor | undefined;
  let bestSuccess: Float32Array | undefined;
  let bestJ: Float32Array | undefined;
  try {
    for (let r = 0; r < restarts; r++) {
      let cur = tf.tidy(() => {
        const start = cfg.randomStart ? ball.randomPoint(x, { seed: (cfg.seed + r) >>> 0 }) : x;
        return ball.project(start, x);
      });
      try {
        cfg.onIterate?.({ restart: r, step: 0, xAdv: cur });
        for (let t = 1; t <= cfg.steps; t++) {
          const prev = cur;
          cur = tf.tidy(() => ball.project(tf.add(prev, stepBall.linearMaximizer(grad(prev))), x));
          prev.dispose();
          cfg.onIterate?.({ restart: r, step: t, xAdv: cur });
        }
      } catch (e) {
        cur.dispose();
        throw e;
      }
      if (restarts === 1) return cur;
      let jT: tf.Tensor, sT: tf.Tensor;
      try {
        [jT, sT] = tf.tidy(() => {
          const z = modelLogits(model, cur, fn);
          return [attackObjective(z, labels, cfg.loss, cfg.targeted), attackSuccess(z, labels, cfg.targeted)];
        });
      } catch (e) {
        cur.dispose(); // not yet in best
        throw e;
      }
      const j = jT.dataSync() as Float32Array;
      const s = sT.dataSync() as Float32Array;
      tf.dispose([jT, sT]);
      if (best === undefined) {
        best = cur;
        bestJ = Float32Array.from(j);
        bestSuccess = Float32Array.from(s);
        continue;
      }
      const take = new Uint8Array(batch);
      for (let i = 0; i < batch; i++) {
        // lexicographic: success first, then the larger objective (NaN never wins)
        const better = s[i]! > bestSuccess![i]! || (s[i] === bestSuccess![i] && j[i]! > bestJ![i]!);
        if (better) {
          take[i] = 1;
          bestSuccess![i] = s[i]!;
          bestJ![i] = j[i]!;
        }
      }
      const prevBest = best;
      const mask = tf.tensor(take, [batch, ...x.shape.slice(1).map(() => 1)], 'bool');
      best = tf.where(mask, cur, prevBest); // the mask broadcasts over each example's coordinates
      tf.dispose([mask, cur, prevBest]);
    }
    return best!;
  } catch (e) {
    best?.dispose();
    throw e;
  }
}
