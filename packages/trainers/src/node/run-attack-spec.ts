import * as tf from '@tensorflow/tfjs-core';
import type { Model } from '@advkit/models';
import { LpBall, type LpBallOptions } from '@advkit/threat-models';
import { exactLinearAttack, fgsmAttack, pgdAttack, type Attack, type AttackSpec } from '@advkit/attacks';

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
 * Runs the attack of `spec` on one shard (rows `offset…` of a minibatch) exactly as the attack itself
 * (`attackFromSpec(spec)`) would on the whole batch at `batchIndex`: the same attack function with the
 * same options, so the same seeds (they derive from `batchIndex`), and with random starts the same
 * start per example (its ball is a ShardBall, which `attackFromSpec` would turn back into a plain
 * LpBall). The built-in attacks act per example, so the shards' results are the rows of the whole
 * batch's result. Returns x + δ, owned by the caller.
 */
export function runAttackSpec(spec: AttackSpec, batchIndex: number, offset: number, model: Model, x: tf.Tensor, labels: tf.Tensor): tf.Tensor {
  const threatModel = new ShardBall(spec.options.threatModel, offset);
  let attack: Attack;
  if (spec.kind === 'pgd') attack = pgdAttack({ ...spec.options, threatModel });
  else if (spec.kind === 'fgsm') attack = fgsmAttack({ ...spec.options, threatModel });
  else if (spec.kind === 'exact-linear') attack = exactLinearAttack({ threatModel });
  else throw new Error(`runAttackSpec: a '${spec.kind}' attack cannot be sharded (dataParallel refuses it before starting a worker)`);
  return attack.run(model, x, labels, { batchIndex });
}
