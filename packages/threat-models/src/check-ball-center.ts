import type { Tensor } from '@tensorflow/tfjs-core';
import type { Box } from './box.js';
import { checkBatch, checkBox, checkCenter } from './internal/checks.js';

/**
 * Checks that `center` can be the centre of a ball: a live, non-empty float32 tensor of rank ≥ 1 whose
 * values are all finite and, with a `box`, inside it; the same check the projections and
 * `randomPointInBall` make, under the caller's name. For code built on threat models: an attack checks
 * its clean input with `checkBallCenter(x, ball.box, 'pgd', 'x')`, so a NaN or out-of-box input is
 * reported as `pgd: x …`, not as an error of the projection it calls.
 *
 * Cost: 3 reductions and one read-back the first time a tensor is checked, nothing after (tensors are
 * immutable, so the answer is remembered per tensor object; Variables are read every time). The
 * projections around the same centre that follow reuse it. The value part (finite, inside the box)
 * runs only when `valueChecksEnabled()` of @advkit/core says so: by default on backends that keep data
 * in main memory (cpu, wasm, tensorflow), not on GPU backends (webgl, webgpu), where the read-back would
 * stall the device on every call; `setValueChecks('always')` turns it on everywhere. Type, dtype and
 * rank are always checked.
 *
 * @returns `center`.
 * @throws ArgumentError (naming `fn` and `arg`) for a non-tensor, a disposed or empty tensor, a dtype
 *   other than float32, NaN or ±Infinity, or values outside the box; ShapeError for rank 0.
 */
export function checkBallCenter(center: unknown, box: Box | undefined, fn: string, arg = 'center'): Tensor {
  const c = checkBatch(center, fn, arg);
  checkCenter(c, checkBox(box, fn, 'box'), fn, arg);
  return c;
}
