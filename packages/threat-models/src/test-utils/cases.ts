/** Random test inputs and feasible samples for the property tests (tests only; excluded from the build). */
import { Rng } from '@advkit/core';
import type { Box } from '../box.js';
import type { Norm } from '../norm.js';
import { clipTo, norm, type Bounds } from './brute-force.js';

export interface Cases {
  batch: number;
  n: number;
  /** Flattened [batch, n] points and centres, float32 values. */
  x: Float32Array;
  c: Float32Array;
}

/**
 * Centres uniform in the box (15% of coordinates exactly on each face) or in [−2, 2]; offsets of scale
 * 0.03ε … 30ε (so some points are inside, most outside), with 20% zero coordinates and 15% repeated
 * magnitudes (ties for the sorts).
 */
export function makeCases(rng: Rng, batch: number, n: number, eps: number, box?: Box): Cases {
  const x = new Float32Array(batch * n);
  const c = new Float32Array(batch * n);
  for (let k = 0; k < batch; k++) {
    const scale = Math.max(eps, 0.1) * 10 ** (3 * rng.float() - 1.5);
    const v: number[] = [];
    for (let i = 0; i < n; i++) {
      const u = rng.float();
      if (u < 0.2) v.push(0);
      else if (u < 0.35 && i > 0) v.push((rng.float() < 0.5 ? -1 : 1) * Math.abs(v[rng.int(i)]!));
      else v.push(scale * rng.normal());
      const f = rng.float();
      const ci = box === undefined ? rng.uniform(-2, 2) : f < 0.15 ? box.min : f < 0.3 ? box.max : rng.uniform(box.min, box.max);
      c[k * n + i] = ci;
      x[k * n + i] = c[k * n + i]! + v[i]!;
    }
  }
  return { batch, n, x, c };
}

/** w-space bounds of example k: a_i = lo − c_i, b_i = hi − c_i (±∞ without a box). */
export function boundsOf(cases: Cases, k: number, box?: Box): Bounds {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < cases.n; i++) {
    const ci = cases.c[k * cases.n + i]!;
    a.push(box === undefined ? -Infinity : box.min - ci);
    b.push(box === undefined ? Infinity : box.max - ci);
  }
  return { a, b };
}

/** Row k of a flattened [batch, n] array as numbers minus the centre row (w = z − c, exact in float64). */
export function rowMinus(z: ArrayLike<number>, c: ArrayLike<number>, k: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => z[k * n + i]! - c[k * n + i]!);
}

/**
 * Feasible points of {‖w‖_p ≤ ε} ∩ [a, b]: uniform points of the cube kept if inside the ball, points
 * on the sphere, and (L1, L∞) vertices, each clipped to the box; clipping only shortens coordinates
 * (0 ∈ [a, b]), so they stay in the ball.
 */
export function feasibleSamples(rng: Rng, n: number, p: Norm, eps: number, bd: Bounds, count: number): number[][] {
  const out: number[][] = [];
  while (out.length < count) {
    const kind = rng.int(3);
    let w: number[];
    if (kind === 0) {
      w = Array.from({ length: n }, () => rng.uniform(-eps, eps));
      if (norm(w, p) > eps) continue;
    } else if (kind === 1 || p === 'l2') {
      const g = Array.from({ length: n }, () => rng.normal());
      const l = norm(g, p);
      if (l === 0) continue;
      w = g.map((gi) => (gi * eps) / l);
    } else if (p === 'l1') {
      w = new Array<number>(n).fill(0);
      w[rng.int(n)] = rng.float() < 0.5 ? -eps : eps;
    } else {
      w = Array.from({ length: n }, () => (rng.float() < 0.5 ? -eps : eps));
    }
    out.push(clipTo(w, bd));
  }
  return out;
}

/** max over samples z of ⟨v − w, z − w⟩ minus its allowed rounding slack; ≤ 0 means the test holds. */
export function variationalExcess(v: readonly number[], w: readonly number[], samples: readonly number[][], slack: number): number {
  const r = v.map((vi, i) => vi - w[i]!);
  const rl = Math.sqrt(r.reduce((s, t) => s + t * t, 0));
  let worst = -Infinity;
  for (const z of samples) {
    let dot = 0;
    let zl = 0;
    for (let i = 0; i < v.length; i++) {
      dot += r[i]! * (z[i]! - w[i]!);
      zl += (z[i]! - w[i]!) ** 2;
    }
    worst = Math.max(worst, dot - slack * (Math.sqrt(zl) + rl + 1));
  }
  return worst;
}
