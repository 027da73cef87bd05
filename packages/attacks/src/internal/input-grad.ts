import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError } from '@advkit/core';

/**
 * ∇ₓ f(x) for a scalar function `f` of `x` (a closure over it), like `tf.grad(f)(x)`, but a failing
 * call leaves nothing behind and says why in the attack's terms:
 *
 * - an error thrown while computing f (a model returning bad logits, or throwing) propagates after the
 *   tensors that tfjs saved for the backward pass are freed. `tf.grad` leaves them on the engine's
 *   tape, where the next gradient call drops them unfreed (measured: 3–12 tensors per failing call,
 *   tfjs-core 4.22);
 * - f not depending on x is an {@link ArgumentError} on `model` naming `fn`, not tfjs's untyped
 *   "Cannot compute gradient of y=f(x) with respect to x" (which also left the tape behind): the
 *   gradient is computed with `allowNoGradients`, so tfjs cleans up, and the missing gradient is
 *   reported here.
 *
 * @returns a new tensor of x's shape, owned by the caller (f's value is freed).
 */
export function inputGrad(f: () => tf.Scalar, x: tf.Tensor, fn: string): tf.Tensor {
  const engine = tf.engine();
  let result: { value: tf.Scalar; grads: tf.Tensor[] };
  try {
    result = engine.gradients(f, [x], undefined, true);
  } catch (err) {
    dropTape(engine);
    throw err;
  }
  result.value.dispose();
  const g = result.grads[0];
  if (g === undefined || g === null) {
    throw new ArgumentError(
      'returned logits that do not depend on x (no gradient path from x to logits(x)), so the attack has no input gradient to follow',
      { fn, argument: 'model' },
    );
  }
  return g;
}

/**
 * Frees the tensors saved on the engine's tape by a forward pass that threw, as tfjs's own backward
 * pass would have (engine.gradients disposes `node.saved` of every tape node when gradientDepth is 0),
 * and drops the tape. Inside an outer gradient (depth > 0) the tape belongs to it: left alone.
 */
function dropTape(engine: ReturnType<typeof tf.engine>): void {
  const state = engine.state;
  if (state.gradientDepth !== 0) return;
  // tfjs sets it to null after a backward pass; the next gradient call starts a new one either way
  for (const node of state.activeTape ?? []) for (const t of node.saved ?? []) t.dispose();
  state.activeTape = [];
}
