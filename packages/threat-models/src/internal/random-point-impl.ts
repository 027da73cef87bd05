import * as tf from '@tensorflow/tfjs-core';
import { Rng } from '@advkit/core';
import type { Box } from '../box.js';
import type { Norm } from '../norm.js';
import { checkCenterData, flatShape } from './checks.js';
import { makeRoundToward } from './round-toward.js';

/**
 * Fills w[0..n) with a point uniform in the Lp ball of radius ε around 0, drawing from `rng`:
 * - L∞: w_i = ε(2U_i − 1), U_i ~ U[0, 1).
 * - L2: w = ε·U^{1/n}·g/‖g‖₂, g ~ N(0, I): a uniform direction (Muller, "A note on a method for
 *   generating points uniformly on n-dimensional spheres", CACM 1959) and the radius law P(r ≤ s) = (s/ε)ⁿ.
 * - L1: w = ε·U^{1/n}·s⊙e/‖e‖₁ with e_i ~ Exp(1), s_i = ±1: a Laplace vector normalised by its L1 norm
 *   is distributed by the cone measure of the L1 sphere (Schechtman & Zinn, "On the volume of the
 *   intersection of two L_p^n balls", Proc. AMS 1990; Barthe, Guédon, Mendelson & Naor, Ann. Probab.
 *   2005), and the same radius law as for L2 makes it uniform in the ball.
 */
export function fillUniformInBall(w: Float64Array, n: number, norm: Norm, epsilon: number, rng: Rng): void {
  if (norm === 'linf') {
    for (let i = 0; i < n; i++) w[i] = epsilon * (2 * rng.float() - 1);
    return;
  }
  let s = 0;
  if (norm === 'l2') {
    for (let i = 0; i < n; i++) {
      const g = rng.normal();
      w[i] = g;
      s += g * g;
    }
    s = Math.sqrt(s);
  } else {
    for (let i = 0; i < n; i++) {
      const e = -Math.log(1 - rng.float()); // 1 − U ∈ (0, 1], so e ∈ [0, ∞)
      const v = rng.float() < 0.5 ? -e : e;
      w[i] = v;
      s += e;
    }
  }
  const r = epsilon * Math.pow(rng.float(), 1 / n);
  const scale = s > 0 ? r / s : 0;
  for (let i = 0; i < n; i++) w[i] = w[i]! * scale;
}

/** A random point in B_p(center, ε) ∩ box per example, owned by the caller (unchecked; see randomPointInBall). */
export function randomPointImpl(center: tf.Tensor, norm: Norm, epsilon: number, box: Box | undefined, seed: number, fn: string): tf.Tensor {
  const [batch, n] = flatShape(center);
  const cs = center.dataSync() as Float32Array;
  checkCenterData(center, cs, box, fn);
  const rng = new Rng(seed);
  const round = makeRoundToward();
  const w = new Float64Array(n);
  const out = new Float32Array(batch * n);
  for (let k = 0; k < batch; k++) {
    fillUniformInBall(w, n, norm, epsilon, rng);
    const off = k * n;
    for (let i = 0; i < n; i++) {
      const ci = cs[off + i]!;
      let wi = w[i]!;
      // Clipping a ball point to the box is its projection onto ball ∩ box: with c in the box,
      // clipping only shortens each coordinate of w, so the point stays in the ball.
      if (box !== undefined) wi = Math.min(Math.max(wi, box.min - ci), box.max - ci);
      out[off + i] = wi === 0 ? ci : round(ci + wi, ci);
    }
  }
  return tf.tensor(out, center.shape, 'float32');
}
