import * as tf from '@tensorflow/tfjs-core';
import type { Model } from '@advkit/models';
import { perExampleError, perExampleLoss } from '@advkit/models';
import type { StepStats } from '../step-stats.js';

/**
 * One shard's share of a minibatch gradient: ∇_θ (1/B) Σ_{i∈shard} L(y_i, f(x_i; θ)) over
 * `model.variables`, by tfjs autodiff, written into `out` (the variables one after another, row-major,
 * in `model.variables` order). Summed over the shards of a batch of B examples it is the gradient of the
 * batch's mean loss, the one {@link autodiffStep} steps on. The 1/B is applied where `tf.mean`'s own
 * gradient applies it (to each example's loss), so a single shard holding the whole batch gives
 * autodiffStep's gradient bit for bit. Changes no variable.
 *
 * @returns the shard's summed loss and error count (plain numbers). Leaves no tensors behind.
 */
export function shardGradient(model: Model, x: tf.Tensor, y: tf.Tensor, batchSize: number, out: Float32Array): StepStats {
  const vars = model.variables as tf.Variable[];
  const [stats, ...grads] = tf.tidy(() => {
    let shardStats: tf.Tensor1D | undefined;
    const { grads: byName } = tf.variableGrads(() => {
      const logits = model.logits(x);
      const losses = perExampleLoss(logits, y);
      shardStats = tf.keep(tf.stack([tf.sum(losses), tf.sum(perExampleError(logits, y))]) as tf.Tensor1D);
      return tf.div(tf.sum(losses), batchSize) as tf.Scalar;
    }, vars);
    return [shardStats!, ...vars.map((v) => byName[v.name]!)];
  });
  try {
    let offset = 0;
    for (const g of grads) {
      out.set(g.dataSync() as Float32Array, offset);
      offset += g.size;
    }
    const [lossSum, errors] = stats!.dataSync();
    return { lossSum: lossSum!, errors: errors! };
  } finally {
    tf.dispose([stats!, ...grads]);
  }
}
