/**
 * Slow, obviously-correct reference solvers in float64 for small dimensions (tests only; excluded from
 * the build). All work on w = z − c with v = x − c and per-coordinate box bounds a_i = lo − c_i ≤ 0 ≤
 * b_i = hi − c_i (±Infinity without a box), and return the projected w.
 */
import type { Norm } from '../norm.js';

export interface Bounds {
  a: number[];
  b: number[];
}

export function noBounds(n: number): Bounds {
  return { a: Array.from({ length: n }, () => -Infinity), b: Array.from({ length: n }, () => Infinity) };
}

export function norm(w: readonly number[], p: Norm): number {
  if (p === 'linf') return w.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  if (p === 'l1') return w.reduce((s, v) => s + Math.abs(v), 0);
  return Math.sqrt(w.reduce((s, v) => s + v * v, 0));
}

export function dist2(u: readonly number[], v: readonly number[]): number {
  return u.reduce((s, ui, i) => s + (ui - v[i]!) ** 2, 0);
}

export function clipTo(w: readonly number[], bd: Bounds): number[] {
  return w.map((wi, i) => Math.min(Math.max(wi, bd.a[i]!), bd.b[i]!));
}

export function feasible(w: readonly number[], p: Norm, eps: number, bd: Bounds, tol = 1e-12): boolean {
  return norm(w, p) <= eps * (1 + tol) + tol && w.every((wi, i) => wi >= bd.a[i]! - tol && wi <= bd.b[i]! + tol);
}

/** The bound a coordinate moving in the direction of v_i runs into. */
function capOf(v: number, i: number, bd: Bounds): number {
  return v > 0 ? bd.b[i]! : v < 0 ? bd.a[i]! : 0;
}

/**
 * Enumerates every point of the KKT form and keeps the nearest feasible one. For L1 each coordinate is
 * zero, free (sign(v_i)(|v_i| − θ) with one common θ solving ‖w‖₁ = ε) or at its bound; for L2 free
 * (v_i·t with ‖w‖₂ = ε) or at its bound; plus clip(v) (inactive ball). The optimum has this form (KKT),
 * every candidate is checked feasible, so the nearest feasible candidate is the projection. 3ⁿ or 2ⁿ
 * candidates: use n ≤ 6.
 */
export function enumerateProjection(v: readonly number[], p: 'l1' | 'l2', eps: number, bd: Bounds): number[] {
  const n = v.length;
  let best = clipTo(v, bd);
  let bestD = feasible(best, p, eps, bd) ? dist2(best, v) : Infinity;
  const states = p === 'l1' ? 3 : 2; // 0 free, 1 capped, 2 zero
  const total = states ** n;
  for (let code = 0; code < total; code++) {
    const st: number[] = [];
    for (let i = 0, c = code; i < n; i++, c = Math.floor(c / states)) st.push(c % states);
    if (st.some((s, i) => s === 1 && !Number.isFinite(capOf(v[i]!, i, bd)))) continue;
    const w = new Array<number>(n).fill(0);
    const free = st.map((s, i) => (s === 0 ? i : -1)).filter((i) => i >= 0);
    st.forEach((s, i) => {
      if (s === 1) w[i] = capOf(v[i]!, i, bd);
    });
    if (free.length > 0) {
      if (p === 'l1') {
        const fixed = st.reduce((s, si, i) => s + (si === 1 ? Math.abs(w[i]!) : 0), 0);
        const theta = (free.reduce((s, i) => s + Math.abs(v[i]!), 0) + fixed - eps) / free.length;
        for (const i of free) w[i] = Math.sign(v[i]!) * (Math.abs(v[i]!) - theta);
      } else {
        const fixed = st.reduce((s, si, i) => s + (si === 1 ? w[i]! ** 2 : 0), 0);
        const dd = free.reduce((s, i) => s + v[i]! ** 2, 0);
        if (dd === 0 || eps * eps - fixed < 0) continue;
        const t = Math.sqrt((eps * eps - fixed) / dd);
        for (const i of free) w[i] = v[i]! * t;
      }
    }
    if (!feasible(w, p, eps, bd)) continue;
    const d = dist2(w, v);
    if (d < bestD) {
      bestD = d;
      best = w;
    }
  }
  return best;
}

/**
 * L∞ (∩ box) by numerical 1-D minimisation: the set is a product of intervals and the objective is a
 * sum of 1-D convex terms, so each coordinate is minimised alone by ternary search (200 steps, the
 * bracket shrinks by (2/3)^200 ≈ 1e-35).
 */
export function ternaryLinf(v: readonly number[], eps: number, bd: Bounds): number[] {
  return v.map((vi, i) => {
    let lo = Math.max(-eps, bd.a[i]!);
    let hi = Math.min(eps, bd.b[i]!);
    for (let k = 0; k < 200; k++) {
      const m1 = lo + (hi - lo) / 3;
      const m2 = hi - (hi - lo) / 3;
      if ((m1 - vi) ** 2 <= (m2 - vi) ** 2) hi = m2;
      else lo = m1;
    }
    return (lo + hi) / 2;
  });
}

/**
 * Dykstra's alternating projection algorithm (Boyle & Dykstra 1986) onto ball ∩ box, from the ball
 * projection alone and clipping: converges to the projection onto the intersection without assuming
 * its KKT form.
 */
export function dykstra(v: readonly number[], projectBall: (w: number[]) => number[], bd: Bounds, iterations = 3000): number[] {
  const n = v.length;
  let x = [...v];
  let p = new Array<number>(n).fill(0);
  let q = new Array<number>(n).fill(0);
  for (let k = 0; k < iterations; k++) {
    const y = projectBall(x.map((xi, i) => xi + p[i]!));
    p = x.map((xi, i) => xi + p[i]! - y[i]!);
    const xn = clipTo(y.map((yi, i) => yi + q[i]!), bd);
    q = y.map((yi, i) => yi + q[i]! - xn[i]!);
    x = xn;
  }
  return x;
}

/** L2 ball projection in closed form (for Dykstra). */
export function l2BallClosedForm(w: number[], eps: number): number[] {
  const l = norm(w, 'l2');
  return l <= eps ? w : w.map((wi) => (wi * eps) / l);
}
