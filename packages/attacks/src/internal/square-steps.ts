import { Rng } from '@advkit/core';
import { projectL1Rows } from './apgd-l1.js';
import { predictions } from './predictions.js';
import { roundHalfEven } from './round-half-even.js';
import { squareEta } from './square-eta.js';
import { squareSchedule } from './square-schedule.js';

/** The settings of Square Attack (validated by the caller). */
export interface SquareSettings {
  norm: 'linf' | 'l2' | 'l1';
  epsilon: number;
  lo: number;
  hi: number;
  /** Iterations (one query per still-unbroken example each). */
  queries: number;
  pInit: number;
  rescaleSchedule: boolean;
  seed: number;
  /** The image geometry of one input, channels last: index (row·width + col)·channels + channel. */
  height: number;
  width: number;
  channels: number;
}

/** A batch to score: the generator receives its logits `[n·K]`. */
export interface ScoreRequest {
  x: Float32Array;
  n: number;
}

/** What Square returns (plain arrays). */
export interface SquareOutcome {
  /** The adversarial example where the attack succeeded, x elsewhere. */
  xAdv: Float32Array;
  /** 1 where the example is still classified as y. */
  robust: Uint8Array;
  /** Queries spent per example (0 for examples misclassified to begin with). */
  queries: Float64Array;
}

const sign = (rng: Rng): number => {
  const t = 2 * rng.float() - 1;
  return t > 0 ? 1 : t < 0 ? -1 : 0;
};

/** Margin z_y − max_{j≠y} z_j of each row. */
function margins(logits: ArrayLike<number>, y: ArrayLike<number>, rows: number, k: number): Float64Array {
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let other = -Infinity;
    for (let j = 0; j < k; j++) if (j !== y[i] && logits[i * k + j]! > other) other = logits[i * k + j]!;
    out[i] = logits[i * k + y[i]!]! - other;
  }
  return out;
}

/**
 * Square Attack (Andriushchenko, Croce, Flammarion & Hein, "Square Attack: a query-efficient
 * black-box adversarial attack via random search", ECCV 2020), untargeted with the margin loss
 * z_y − max_{j≠y} z_j, step for step as the reference's `SquareAttack` (fra31/auto-attack, square.py)
 * for L∞, L2 and L1 and one restart. Written as a generator that yields every batch it needs scored and
 * receives the logits, so one implementation serves a synchronous tfjs model and an asynchronous
 * black-box model.
 *
 * L∞: start from x + ε·(a random sign per example, channel and image column), clipped to the box;
 * each iteration draws one square of side s = max(round(√(p·h·w)), 1) at a random position (shared by
 * the batch) and a random sign per channel, sets the square to x_best ± 2ε projected onto the ball and
 * the box, and keeps the new point where the margin dropped or the example became misclassified.
 * L2: start from ε-normalised 5×5 tiles of the `eta` pattern; each iteration moves the mass of a
 * second random window into the first (s odd, ≥ 3), keeping ‖δ‖₂ = ε before the box clip.
 * L1 (the reference's L1 branch): the same with the L1 pattern ({@link squareEta} 'l1') and L1 norms
 * of the windows; the new window gets the L1 mass c·(max(ε − ‖δ‖₁, 0)/c + ‖δ_windows‖₁) (c channels),
 * and the start and every new point are projected exactly onto B₁(x, ε·(1 − 10⁻⁶)) ∩ box (the
 * reference's `L1_projection` with that radius; advkit's `projectL1Ball`) instead of rescaled. p follows
 * {@link squareSchedule}. Random draws come from one {@link Rng} seeded with `seed`.
 */
export function* squareSteps(x: Float32Array, y: Int32Array, n: number, k: number, s: SquareSettings): Generator<ScoreRequest, SquareOutcome, ArrayLike<number>> {
  const d = x.length / n;
  const { height: h, width: w, channels: c, epsilon: eps, lo, hi } = s;
  const clip = (v: number): number => (v < lo ? lo : v > hi ? hi : v);
  const xAdv = Float32Array.from(x);
  const robust = new Uint8Array(n);
  const queries = new Float64Array(n);
  const pred0 = predictions(Float32Array.from(yield { x, n }), n, k);
  const idx: number[] = [];
  for (let i = 0; i < n; i++) {
    robust[i] = pred0[i] === y[i] ? 1 : 0;
    if (robust[i] === 1) idx.push(i);
  }
  if (idx.length === 0) return { xAdv, robust, queries };
  const rng = new Rng(s.seed);
  const m = idx.length;
  const xs = new Float32Array(m * d);
  const ys = Int32Array.from(idx, (i) => y[i]!);
  idx.forEach((i, r) => xs.set(x.subarray(i * d, (i + 1) * d), r * d));
  const at = (row: number, col: number, ch: number): number => (row * w + col) * c + ch;

  // the start
  const xBest = new Float32Array(m * d);
  if (s.norm === 'linf') {
    for (let i = 0; i < m; i++) {
      for (let ch = 0; ch < c; ch++) {
        for (let col = 0; col < w; col++) {
          const v = eps * sign(rng);
          for (let row = 0; row < h; row++) xBest[i * d + at(row, col, ch)] = clip(xs[i * d + at(row, col, ch)]! + v);
        }
      }
    }
  } else {
    // L2 and L1: 5×5 tiles of the pattern with a random sign per example and channel
    const pat = s.norm === 'l1' ? 'l1' : 'l2';
    const delta = new Float64Array(m * d);
    const sz = Math.floor(h / 5);
    const sp = Math.floor((h - sz * 5) / 2);
    let vh = sp;
    for (let a = 0; a < Math.floor(h / sz); a++) {
      let vw = sp;
      for (let b = 0; b < Math.floor(w / sz); b++) {
        const eta = squareEta(sz, rng, pat);
        for (let i = 0; i < m; i++) {
          for (let ch = 0; ch < c; ch++) {
            const sg = sign(rng);
            for (let r = 0; r < sz && vh + r < h; r++) for (let q = 0; q < sz && vw + q < w; q++) delta[i * d + at(vh + r, vw + q, ch)]! += eta[r * sz + q]! * sg;
          }
        }
        vw += sz;
      }
      vh += sz;
    }
    if (s.norm === 'l1') {
      // the reference's x + δ + L1_projection(x, δ, ε(1 − 10⁻⁶)): the tiles (L1 mass 1 each) projected
      for (let j = 0; j < m * d; j++) xBest[j] = xs[j]! + delta[j]!;
      xBest.set(projectL1Rows(xBest, xs, m, eps * (1 - 1e-6), lo, hi));
    } else {
      for (let i = 0; i < m; i++) {
        let nn = 0;
        for (let j = 0; j < d; j++) nn += delta[i * d + j]! ** 2;
        const f = eps / (Math.sqrt(nn) + 1e-12);
        for (let j = 0; j < d; j++) xBest[i * d + j] = clip(xs[i * d + j]! + delta[i * d + j]! * f);
      }
    }
  }
  const marginMin = margins(yield { x: xBest, n: m }, ys, m, k);
  const q = new Float64Array(m).fill(1);
  let allBroken = true;
  for (let i = 0; i < m; i++) if (!(marginMin[i]! < 0)) allBroken = false;

  if (!allBroken) {
    const nFeatures = h * w * c;
    const deltaRow = new Float64Array(d);
    for (let it = 0; it < s.queries; it++) {
      const active: number[] = [];
      for (let i = 0; i < m; i++) if (marginMin[i]! > 0) active.push(i);
      const na = active.length;
      const xNew = new Float32Array(na * d);
      active.forEach((i, r) => xNew.set(xBest.subarray(i * d, (i + 1) * d), r * d));
      const p = squareSchedule(it, s.pInit, s.queries, s.rescaleSchedule);
      if (s.norm === 'linf') {
        let sq = Math.max(roundHalfEven(Math.sqrt((p * nFeatures) / c)), 1);
        sq = Math.min(sq, Math.min(h, w));
        const vh = Math.trunc((h - sq) * rng.float());
        const vw = Math.trunc((w - sq) * rng.float());
        const signs = Array.from({ length: c }, () => 2 * eps * sign(rng));
        for (let r = 0; r < na; r++) {
          const o = r * d;
          const ox = active[r]! * d;
          for (let a = vh; a < vh + sq; a++) {
            for (let b = vw; b < vw + sq; b++) {
              for (let ch = 0; ch < c; ch++) {
                const j = at(a, b, ch);
                const cx = xs[ox + j]!;
                let v = xNew[o + j]! + signs[ch]!;
                v = v < cx - eps ? cx - eps : v > cx + eps ? cx + eps : v;
                xNew[o + j] = clip(v);
              }
            }
          }
        }
      } else {
        let sq = Math.max(roundHalfEven(Math.sqrt((p * nFeatures) / c)), 3);
        if (sq % 2 === 0) sq++;
        sq = Math.min(sq, Math.min(h, w));
        const vh = Math.trunc((h - sq) * rng.float());
        const vw = Math.trunc((w - sq) * rng.float());
        const vh2 = Math.trunc((h - sq) * rng.float());
        const vw2 = Math.trunc((w - sq) * rng.float());
        const in1 = (a: number, b: number): boolean => a >= vh && a < vh + sq && b >= vw && b < vw + sq;
        const in2 = (a: number, b: number): boolean => a >= vh2 && a < vh2 + sq && b >= vw2 && b < vw2 + sq;
        const l1 = s.norm === 'l1';
        const eta = squareEta(sq, rng, l1 ? 'l1' : 'l2');
        const ndWindow = new Float64Array(sq * sq);
        // L1: the new points before the projection, projected together after the loop
        const centers = l1 ? new Float32Array(na * d) : undefined;
        // the rows and columns that meet a window: the norms below add only window pixels, in raster order
        const rowLo = Math.min(vh, vh2);
        const rowHi = Math.max(vh, vh2) + sq;
        const colLo = Math.min(vw, vw2);
        const colHi = Math.max(vw, vw2) + sq;
        for (let r = 0; r < na; r++) {
          const o = r * d;
          const ox = active[r]! * d;
          const delta = deltaRow; // every entry is written before it is read
          let normImage = 0;
          for (let j = 0; j < d; j++) {
            delta[j] = xNew[o + j]! - xs[ox + j]!;
            normImage += l1 ? Math.abs(delta[j]!) : delta[j]! ** 2;
          }
          if (!l1) normImage = Math.sqrt(normImage);
          // the mass left to spread per channel: squared L2 (ε² − ‖δ‖²)/c, or L1 (ε − ‖δ‖₁)/c
          const budget = (l1 ? Math.max(eps - normImage, 0) : Math.max(eps * eps - normImage * normImage, 0)) / c;
          for (let ch = 0; ch < c; ch++) {
            const sg = sign(rng);
            let nw1 = 0;
            let nws = 0;
            for (let a = rowLo; a < rowHi; a++) {
              for (let b = colLo; b < colHi; b++) {
                const t = delta[at(a, b, ch)]!;
                const v = l1 ? Math.abs(t) : t * t;
                if (in1(a, b)) nw1 += v;
                if (in1(a, b) || in2(a, b)) nws += v;
              }
            }
            if (!l1) {
              nw1 = Math.sqrt(nw1);
              nws = Math.sqrt(nws);
            }
            const nd = ndWindow;
            let nn = 0;
            for (let a = 0; a < sq; a++) {
              for (let b = 0; b < sq; b++) {
                const v = eta[a * sq + b]! * sg + delta[at(vh + a, vw + b, ch)]! / (1e-12 + nw1);
                nd[a * sq + b] = v;
                nn += l1 ? Math.abs(v) : v * v;
              }
            }
            // the window's new norm: L2 √(budget + ‖δ_windows‖²), L1 c·(budget + ‖δ_windows‖₁) (the reference's factor c)
            const f = l1 ? ((budget + nws) * c) / (1e-12 + nn) : Math.sqrt(budget + nws * nws) / (1e-12 + Math.sqrt(nn));
            for (let a = vh2; a < vh2 + sq; a++) for (let b = vw2; b < vw2 + sq; b++) delta[at(a, b, ch)] = 0;
            for (let a = 0; a < sq; a++) for (let b = 0; b < sq; b++) delta[at(vh + a, vw + b, ch)] = nd[a * sq + b]! * f;
          }
          if (centers !== undefined) {
            centers.set(xs.subarray(ox, ox + d), o);
            for (let j = 0; j < d; j++) xNew[o + j] = xs[ox + j]! + delta[j]!;
            continue;
          }
          let nd2 = 0;
          for (let j = 0; j < d; j++) nd2 += delta[j]! ** 2;
          const f = eps / (Math.sqrt(nd2) + 1e-12);
          for (let j = 0; j < d; j++) xNew[o + j] = clip(xs[ox + j]! + delta[j]! * f);
        }
        if (centers !== undefined) xNew.set(projectL1Rows(xNew, centers, na, eps * (1 - 1e-6), lo, hi));
      }
      const margin = margins(
        yield { x: xNew, n: na },
        Int32Array.from(active, (i) => ys[i]!),
        na,
        k,
      );
      let done = true;
      active.forEach((i, r) => {
        q[i]!++;
        // the margin loss: the new point is kept when the margin dropped or the example is misclassified
        if (margin[r]! < marginMin[i]! || margin[r]! <= 0) {
          marginMin[i] = margin[r]!;
          xBest.set(xNew.subarray(r * d, (r + 1) * d), i * d);
        }
      });
      for (let i = 0; i < m; i++) if (!(marginMin[i]! <= 0)) done = false;
      if (done) break;
    }
  }
  const finalPred = predictions(Float32Array.from(yield { x: xBest, n: m }), m, k);
  idx.forEach((i, r) => {
    queries[i] = q[r]!;
    if (finalPred[r] !== ys[r]) {
      robust[i] = 0;
      xAdv.set(xBest.subarray(r * d, (r + 1) * d), i * d);
    }
  });
  return { xAdv, robust, queries };
}
