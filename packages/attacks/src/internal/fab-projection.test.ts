import { describe, expect, it } from 'vitest';
import { Rng } from '@advkit/core';
import { fabProjectionL1 } from './fab-projection-l1.js';
import { fabProjectionL2 } from './fab-projection-l2.js';
import { fabProjectionLinf } from './fab-projection-linf.js';

// Independent solutions of min ‖d‖_p s.t. wᵀ(t + d) = b, 0 ≤ t + d ≤ 1, by bisection (float64):
// L2: z(λ) = clip(t − λw, 0, 1) is the projection for the multiplier λ, and wᵀz(λ) is monotone in λ;
// L∞: the largest wᵀd reachable with ‖d‖∞ ≤ r inside the box, Σ|w_i|·min(r, room_i), grows with r,
// so the optimal radius is the smallest r reaching b − wᵀt (or the box's limit when b is out of reach).
// L1 (a fractional knapsack, solved greedily): coordinate i moves wᵀz towards b by |w_i| per unit of L1,
// at most room_i (to the box side in that direction), so the least L1 is reached by spending on the
// largest |w_i| first; an optimum is a vertex (full moves and one partial), i.e. some order of filling, so brute force over
// all D! orders (D ≤ 6) checks that the greedy order is optimal.
const dot = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};

function l2ByBisection(t: number[], w: number[], b: number): number[] {
  const z = (l: number): number[] => t.map((v, i) => Math.min(Math.max(v - l * w[i]!, 0), 1));
  let lo = -1e6;
  let hi = 1e6;
  for (let it = 0; it < 200; it++) {
    const mid = (lo + hi) / 2;
    if (dot(w, z(mid)) > b) lo = mid;
    else hi = mid;
  }
  return z((lo + hi) / 2).map((v, i) => v - t[i]!);
}

function linfRadius(t: number[], w: number[], b: number): number {
  const need = b - dot(w, t);
  const gain = (r: number): number => w.reduce((s, wi, i) => s + Math.abs(wi) * Math.min(r, need * wi > 0 ? 1 - t[i]! : t[i]!), 0);
  let lo = 0;
  let hi = 1;
  for (let it = 0; it < 200; it++) {
    const mid = (lo + hi) / 2;
    if (gain(mid) < Math.abs(need)) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** The least ‖d‖₁ with wᵀ(t + d) = b inside the box, over the coordinates taken in the order `order`. */
function l1Cost(t: number[], w: number[], b: number, order: readonly number[]): number {
  let need = b - dot(w, t);
  let cost = 0;
  for (const i of order) {
    const wi = w[i]!;
    if (wi === 0 || need === 0) continue;
    const room = need * wi > 0 ? 1 - t[i]! : t[i]!;
    const step = Math.min(room, Math.abs(need / wi));
    cost += step;
    need -= Math.sign(need) * step * Math.abs(wi);
    if (Math.abs(need) < 1e-12) need = 0;
  }
  return need === 0 ? cost : Infinity;
}

function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  return permutations(n - 1).flatMap((p) => Array.from({ length: n }, (_, k) => [...p.slice(0, k), n - 1, ...p.slice(k)]));
}

describe('FAB projections onto hyperplane ∩ [0, 1]^D against bisection', () => {
  const rng = new Rng(11);
  const cases = Array.from({ length: 200 }, () => {
    const D = 2 + rng.int(30);
    const t = Array.from({ length: D }, () => rng.float());
    const w = Array.from({ length: D }, () => (rng.float() < 0.1 ? 0 : rng.normal()));
    // b reachable: the hyperplane through a random point of the box
    const b = dot(w, Array.from({ length: D }, () => rng.float()));
    return { t, w, b };
  });

  it('L2: the same point as clip(t − λw) with the bisected λ (1e-6)', () => {
    for (const { t, w, b } of cases) {
      const d = new Float64Array(t.length);
      fabProjectionL2(t, w, b, d);
      const want = l2ByBisection(t, w, b);
      // float64 throughout; 1e-6 covers the bisection's and the 1e-12 guards' error
      want.forEach((v, i) => expect(Math.abs(d[i]! - v)).toBeLessThan(1e-6));
    }
  });

  it('L∞: on the hyperplane, inside the box, with the smallest radius (1e-6)', () => {
    for (const { t, w, b } of cases) {
      const d = new Float64Array(t.length);
      fabProjectionLinf(t, w, b, d);
      const z = t.map((v, i) => v + d[i]!);
      z.forEach((v) => {
        expect(v).toBeGreaterThanOrEqual(-1e-9);
        expect(v).toBeLessThanOrEqual(1 + 1e-9);
      });
      expect(Math.abs(dot(w, z) - b)).toBeLessThan(1e-6);
      const r = Math.max(...Array.from(d, Math.abs));
      expect(Math.abs(r - linfRadius(t, w, b))).toBeLessThan(1e-6);
    }
  });

  it('L1: on the hyperplane, inside the box, with the least L1 norm (the greedy knapsack, 1e-6)', () => {
    for (const { t, w, b } of cases) {
      const d = new Float64Array(t.length);
      fabProjectionL1(t, w, b, d);
      const z = t.map((v, i) => v + d[i]!);
      z.forEach((v) => {
        expect(v).toBeGreaterThanOrEqual(-1e-9);
        expect(v).toBeLessThanOrEqual(1 + 1e-9);
      });
      expect(Math.abs(dot(w, z) - b)).toBeLessThan(1e-6);
      const greedy = l1Cost(t, w, b, Array.from(t.keys()).sort((i, j) => Math.abs(w[j]!) - Math.abs(w[i]!)));
      expect(Math.abs(d.reduce((a, v) => a + Math.abs(v), 0) - greedy)).toBeLessThan(1e-6);
    }
  });

  it('L1: the greedy order is the best of all orders (brute force, D ≤ 6)', () => {
    for (const { t, w, b } of cases.filter((c) => c.t.length <= 6)) {
      const d = new Float64Array(t.length);
      fabProjectionL1(t, w, b, d);
      const best = Math.min(...permutations(t.length).map((o) => l1Cost(t, w, b, o)));
      // float64; 1e-9 covers the rounding of the sums
      expect(d.reduce((a, v) => a + Math.abs(v), 0)).toBeLessThan(best + 1e-9);
    }
  });

  it('L1: a hyperplane out of reach moves every coordinate with w_i ≠ 0 to its box side', () => {
    const t = [0.2, 0.7, 0.5, 0.1];
    const w = [1, -2, 0, 0.5];
    // wᵀz ranges over [−2, 1.5] in the box; b = 5 is out of reach, the closest corner is z = (1, 0, ·, 1)
    const d = new Float64Array(4);
    fabProjectionL1(t, w, 5, d);
    [0.8, -0.7, 0, 0.9].forEach((v, i) => expect(d[i]).toBeCloseTo(v, 12));
  });
});
