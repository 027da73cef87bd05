import * as tf from '@tensorflow/tfjs-core';
import { registerGradients } from '@advkit/core';
import type { Model } from '@advkit/models';

/**
 * A per-example loss of the logits: returns L(z) for example `row` (logits `z`, length K) and, when
 * `grad` is given, writes ∂L/∂z into it.
 */
export type LogitLoss = (z: Float32Array, row: number, grad?: Float64Array) => number;

/** What {@link logitLossGradient} returns: plain arrays, no tensors. */
export interface LossAndGradient {
  /** The logits, `[n·K]` row-major. */
  logits: Float32Array;
  /** L per example, `[n]`. */
  loss: Float64Array;
  /** ∇ₓ L per example, `[n·d]` (the layout of x). */
  grad: Float32Array;
}

/**
 * Logits, per-example loss and per-example input gradient ∇ₓ L(f(x)) in one forward and one backward
 * pass: the loss is a `tf.customGrad` op whose value and vector-Jacobian product (dy·∂L/∂z) come from
 * `loss` in JavaScript, so losses that sort the logits (DLR) need no sort gradient on the backend. A
 * function of x alone: the model's variables are neither differentiated nor changed. Creates no
 * tensors that outlive the call.
 */
export function logitLossGradient(model: Model, x: Float32Array, n: number, loss: LogitLoss): LossAndGradient {
  registerGradients();
  const k = model.numOutputs;
  const logits = new Float32Array(n * k);
  const lossValues = new Float64Array(n);
  const dz = new Float32Array(n * k);
  const lossOp = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const z = args[0] as tf.Tensor;
    const save = args[1] as tf.GradSaveFunc;
    logits.set(z.dataSync() as Float32Array);
    const g = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      lossValues[i] = loss(logits.subarray(i * k, (i + 1) * k), i, g);
      for (let j = 0; j < k; j++) dz[i * k + j] = g[j]!;
    }
    save([]);
    return {
      value: tf.tensor1d(Float32Array.from(lossValues)),
      gradFunc: (dy: tf.Tensor) => tf.mul(tf.reshape(dy, [n, 1]), tf.tensor2d(dz, [n, k])),
    };
  });
  const xt = tf.tensor(x, [n, ...model.inputShape], 'float32');
  try {
    const g = tf.grad((xi: tf.Tensor) => tf.sum(lossOp(model.logits(xi))))(xt);
    // the wasm backend's dataSync returns a new copy of the tensor's memory: kept as it is (one
    // array less per call for the garbage collector); other backends may return their own storage
    const data = g.dataSync() as Float32Array;
    const grad = tf.getBackend() === 'wasm' ? data : Float32Array.from(data);
    g.dispose();
    return { logits, loss: lossValues, grad };
  } finally {
    xt.dispose();
  }
}
