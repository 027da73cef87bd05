import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError } from '@advkit/core';
import type { Model } from '@advkit/models';
import { perExampleLoss, perExampleError } from '@advkit/models';
import type { StepStats } from '../step-stats.js';

/**
 * One gradient step of the mean loss ({@link perExampleLoss}) of any model, by tfjs autodiff
 * (`tf.variableGrads` over `model.variables` only, so a perturbation held in a variable is never
 * trained). Plain SGD `v ← v − lr·∇v` unless an `optimizer` is given.
 *
 * A `model.logits` that throws is an ArgumentError on `model` naming `fn` (the original as `cause`);
 * the gradient scope frees what the forward pass made.
 *
 * @returns the batch's summed loss and error count (measured before the update).
 */
export function autodiffStep(model: Model, xb: tf.Tensor, yb: tf.Tensor, learningRate: number, optimizer: tf.Optimizer | undefined, fn: string): StepStats {
  const stats = tf.tidy(() => {
    const vars = model.variables as tf.Variable[];
    let batchStats: tf.Tensor1D | undefined;
    const { grads } = tf.variableGrads(() => {
      let logits: tf.Tensor;
      try {
        logits = model.logits(xb, { training: true });
      } catch (cause) {
        throw new ArgumentError(`threw in logits(x, { training: true }): ${cause instanceof Error ? cause.message : String(cause)}`, { fn, argument: 'model', cause });
      }
      const losses = perExampleLoss(logits, yb);
      batchStats = tf.keep(tf.stack([tf.sum(losses), tf.sum(perExampleError(logits, yb))]) as tf.Tensor1D);
      return tf.mean(losses) as tf.Scalar;
    }, vars);
    if (optimizer !== undefined) {
      optimizer.applyGradients(grads);
    } else {
      for (const v of vars) v.assign(tf.sub(v, tf.mul(grads[v.name]!, learningRate)));
    }
    return batchStats!;
  });
  const [lossSum, errors] = stats.dataSync();
  stats.dispose(); // kept inside the gradient scope above
  return { lossSum: lossSum!, errors: errors! };
}
