import * as tf from '@tensorflow/tfjs-core';
import type { Model } from '@advkit/models';
import { perExampleLoss, perExampleError } from './loss.js';

/**
 * One gradient step of the mean loss ({@link perExampleLoss}) of any model, by tfjs autodiff
 * (`tf.variableGrads` over `model.variables` only, so a perturbation held in a variable is never
 * trained). Plain SGD `v ← v − lr·∇v` unless an `optimizer` is given. Returns the new metric
 * accumulator (see `linearStep`), disposing the old one.
 */
export function autodiffStep(
  model: Model,
  xb: tf.Tensor,
  yb: tf.Tensor,
  learningRate: number,
  optimizer: tf.Optimizer | undefined,
  acc: tf.Tensor1D,
): tf.Tensor1D {
  const next = tf.tidy(() => {
    const vars = model.variables as tf.Variable[];
    let stats: tf.Tensor1D | undefined;
    const { grads } = tf.variableGrads(() => {
      const logits = model.logits(xb);
      const losses = perExampleLoss(logits, yb);
      stats = tf.keep(tf.stack([tf.sum(losses), tf.sum(perExampleError(logits, yb))]) as tf.Tensor1D);
      return tf.mean(losses) as tf.Scalar;
    }, vars);
    if (optimizer !== undefined) {
      optimizer.applyGradients(grads);
    } else {
      for (const v of vars) v.assign(tf.sub(v, tf.mul(grads[v.name]!, learningRate)));
    }
    const out = tf.add(acc, stats!) as tf.Tensor1D;
    stats!.dispose(); // kept inside the gradient scope above
    return out;
  });
  acc.dispose();
  return next;
}
