import * as tf from '@tensorflow/tfjs-core';
import type { Model } from '@advkit/models';
import { LpBall, type LpBallOptions } from '@advkit/threat-models';
import { fgsm, pgd } from '@advkit/attacks';
import type { ResolvedAttackSpec } from './attack-spec.js';

/**
 * The threat model of one shard: rows `offset…` of a minibatch. Only its random point differs from a
 * plain `LpBall`: `randomPointInBall` draws a batch's starts row after row from one `Rng(seed)`, so row
 * `offset + i` of the whole batch got the draws that follow those of rows `0…offset−1`. This ball draws
 * (and drops) those `offset` rows first, so a shard starts from exactly the points the whole batch
 * would (cost: `offset · d` random numbers, well under a millisecond for MNIST). The dropped rows are
 * copies of the shard's first centre, which lies in the box, so the box check passes.
 */
class ShardBall extends LpBall {
  constructor(
    options: LpBallOptions,
    private readonly offset: number,
  ) {
    super(options);
  }

  override randomPoint(center: tf.Tensor, options: { seed: number }): tf.Tensor {
    if (this.offset === 0) return super.randomPoint(center, options);
    return tf.tidy(() => {
      const rest = center.shape.slice(1);
      const first = tf.slice(center, [0, ...rest.map(() => 0)], [1, ...rest]);
      const dropped = tf.tile(first, [this.offset, ...rest.map(() => 1)]);
      const all = super.randomPoint(tf.concat([dropped, center]), options);
      return tf.slice(all, [this.offset, ...rest.map(() => 0)], [center.shape[0]!, ...rest]);
    });
  }
}

/**
 * Runs the attack of `spec` on one shard (rows `offset…` of a minibatch) exactly as the `Attack` of
 * `pgdAttack(spec)` / `fgsmAttack(spec)` would on the whole batch at its `call`-th run (0-based): same
 * seed (`seed + call·restarts` for PGD, `seed + call` for FGSM) and, with random starts, the same start
 * per example (see ShardBall). Both attacks act per example, so the shards' results are the rows of the
 * whole batch's result. Returns x + δ, owned by the caller.
 */
export function runAttackSpec(spec: ResolvedAttackSpec, call: number, offset: number, model: Model, x: tf.Tensor, labels: tf.Tensor): tf.Tensor {
  const threatModel = new ShardBall(spec.threatModel, offset);
  if (spec.kind === 'pgd') return pgd(model, x, labels, { ...spec.options, threatModel, seed: spec.seed + call * spec.restarts });
  return fgsm(model, x, labels, { ...spec.options, threatModel, seed: spec.seed + call });
}
