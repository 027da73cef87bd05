import type * as tf from '@tensorflow/tfjs-core';
import { ShapeError, checkTensor } from '@advkit/core';

/** Checks logits `[B, K]` and B numeric labels (validation only: no ops, safe inside tf.grad). */
export function checkLossArgs(logits: unknown, y: unknown, fn: string): { logits: tf.Tensor; y: tf.Tensor } {
  const l = checkTensor(logits, fn, 'logits', { rank: 2 });
  const t = checkTensor(y, fn, 'y', { nonEmpty: false });
  if (t.dtype === 'string' || t.dtype === 'complex64') throw new ShapeError(`must be numeric, got dtype ${t.dtype}`, { fn, argument: 'y' });
  if (t.size !== l.shape[0]) throw new ShapeError(`must hold one label per row of logits (${l.shape[0]}), got shape [${t.shape.join(',')}]`, { fn, argument: 'y' });
  return { logits: l, y: t };
}
