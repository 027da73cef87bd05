import * as tf from '@tensorflow/tfjs-core';

/** The losses an attack can maximise. */
export type AttackLoss = 'cross-entropy' | 'margin';

/** Every {@link AttackLoss}, in the order error messages list them. */
export const ATTACK_LOSSES: readonly AttackLoss[] = Object.freeze(['cross-entropy', 'margin'] as const);

/**
 * Per-example objective J (shape `[B]`) that an attack maximises, written with ops that tfjs can
 * differentiate on wasm (no gather, no comparison in the gradient path: the class masks come from the
 * labels, which are constants). `labels` are ±1 floats `[B]` (binary) or a float32 one-hot `[B, K]`.
 *
 * Untargeted (labels = the true labels y):
 *   binary, margin m = y·f(x):  cross-entropy Ψ(m) = log(1 + e^{−m}),   margin −m
 *   K classes, logits z:        cross-entropy −log softmax(z)_y,         margin max_{j≠y} z_j − z_y  (Carlini & Wagner 2017)
 * Targeted (labels = the target t): J = −(loss towards t):
 *   binary: −Ψ(t·f(x)) or t·f(x);  K classes: log softmax(z)_t or z_t − max_{j≠t} z_j.
 */
export function attackObjective(logits: tf.Tensor, labels: tf.Tensor, loss: AttackLoss, targeted: boolean): tf.Tensor1D {
  return tf.tidy(() => {
    let j: tf.Tensor;
    if (logits.shape[1] === 1) {
      const m = tf.mul(tf.reshape(logits, [-1]), labels);
      j = loss === 'cross-entropy' ? tf.softplus(tf.neg(m)) : tf.neg(m);
    } else if (loss === 'cross-entropy') {
      j = tf.neg(tf.sum(tf.mul(labels, tf.logSoftmax(logits)), 1));
    } else {
      const zy = tf.sum(tf.mul(labels, logits), 1);
      // the true (target) class pushed out of the max by a constant far below any logit
      const others = tf.max(tf.sub(logits, tf.mul(labels, 1e9)), 1);
      j = tf.sub(others, zy);
    }
    return (targeted ? tf.neg(j) : j) as tf.Tensor1D;
  });
}

/**
 * 1 where the attack has succeeded on the example, else 0 (`[B]` float32, no gradient): untargeted,
 * the prediction differs from y (binary: predicted +1 iff f(x) > 0); targeted, the prediction is t.
 */
export function attackSuccess(logits: tf.Tensor, labels: tf.Tensor, targeted: boolean): tf.Tensor1D {
  return tf.tidy(() => {
    let wrong: tf.Tensor;
    if (logits.shape[1] === 1) {
      wrong = tf.notEqual(tf.greater(tf.reshape(logits, [-1]), 0), tf.greater(labels, 0));
    } else {
      wrong = tf.notEqual(tf.argMax(logits, 1), tf.argMax(labels, 1));
    }
    const w = tf.cast(wrong, 'float32');
    return (targeted ? tf.sub(1, w) : w) as tf.Tensor1D;
  });
}
