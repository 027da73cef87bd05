import type { Rng } from '@advkit/core';

/**
 * The reference's `eta_rectangles(x, y)`: nested rectangles weighted 1/(r+1)² with unit L2 norm (L2),
 * or 1/(r+1)⁴ with unit L1 norm (L1), `[x·y]`.
 */
function etaRectangles(x: number, y: number, norm: 'l2' | 'l1'): Float64Array {
  const delta = new Float64Array(x * y);
  const xc = Math.floor(x / 2) + 1;
  const yc = Math.floor(y / 2) + 1;
  let c0 = xc - 1;
  let c1 = yc - 1;
  for (let r = 0; r < Math.max(xc, yc); r++) {
    const r0 = Math.max(c0, 0);
    const r1 = Math.min(c0 + 2 * r + 1, x);
    const q0 = Math.max(0, c1);
    const q1 = Math.min(c1 + 2 * r + 1, y);
    const v = 1 / (r + 1) ** (norm === 'l1' ? 4 : 2);
    for (let i = r0; i < r1; i++) for (let j = q0; j < q1; j++) delta[i * y + j]! += v;
    c0--;
    c1--;
  }
  normalize(delta, norm);
  return delta;
}

/** Divides `delta` by its L2 or L1 norm, in place. */
function normalize(delta: Float64Array, norm: 'l2' | 'l1'): void {
  let nn = 0;
  if (norm === 'l1') for (const v of delta) nn += Math.abs(v);
  else {
    for (const v of delta) nn += v * v;
    nn = Math.sqrt(nn);
  }
  for (let i = 0; i < delta.length; i++) delta[i] = delta[i]! / nn;
}

/**
 * Square Attack's L2 update pattern for an s×s window (Andriushchenko et al., ECCV 2020, §3.2; the
 * reference's `eta`): the top half +, the bottom half − of nested rectangles weighted 1/(r+1)², unit
 * L2 norm, transposed with probability 1/2 (one draw from `rng`). Row-major `[s·s]`. With `norm` 'l1'
 * the reference's L1 pattern: weights 1/(r+1)⁴ and unit L1 norm.
 */
export function squareEta(s: number, rng: Rng, norm: 'l2' | 'l1' = 'l2'): Float64Array {
  const h = Math.floor(s / 2);
  const top = etaRectangles(h, s, norm);
  const bottom = etaRectangles(s - h, s, norm);
  const delta = new Float64Array(s * s);
  delta.set(top, 0);
  for (let i = 0; i < bottom.length; i++) delta[h * s + i] = -bottom[i]!;
  normalize(delta, norm);
  if (rng.float() > 0.5) {
    const t = new Float64Array(s * s);
    for (let i = 0; i < s; i++) for (let j = 0; j < s; j++) t[j * s + i] = delta[i * s + j]!;
    return t;
  }
  return delta;
}
