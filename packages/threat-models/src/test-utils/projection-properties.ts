/**
 * The property checks shared by the projection tests (tests only; excluded from the build): for many
 * random inputs, the projection is feasible, matches a brute-force reference, satisfies the variational
 * inequality ⟨x − p, z − p⟩ ≤ 0 for random feasible z, and is idempotent.
 */
import * as tf from '@tensorflow/tfjs-core';
import { Rng } from '@advkit/core';
import type { Box } from '../box.js';
import type { Norm } from '../norm.js';
import { norm as normOf, type Bounds } from './brute-force.js';
import { boundsOf, feasibleSamples, makeCases, rowMinus, variationalExcess } from './cases.js';

export interface PropertyConfig {
  norm: Norm;
  box?: Box;
  /** The projection under test (returns a new tensor). */
  project: (x: tf.Tensor, center: tf.Tensor, epsilon: number) => tf.Tensor;
  /** A float64 reference projection of v = x − c in w-space. */
  reference: (v: number[], epsilon: number, bounds: Bounds) => number[];
  /** Allowed excess of ‖z − c‖_p over ε for an example with max |c_i| = cMax and n coordinates. */
  feasibilitySlack: (epsilon: number, cMax: number, n: number) => number;
  ns?: number[];
  epsilons?: number[];
  batch?: number;
  seed?: number;
  samplesPerCase?: number;
}

export interface PropertyReport {
  cases: number;
  failures: string[];
  /** Largest deviation from the reference, in units of the allowed slack (≤ 1 passes). */
  worstMatch: number;
}

/**
 * Rounding scale of a float32 point near c within ε: 2⁻²¹ (8 ulps) of 1 + max|c| + ε. The worst
 * deviation from the references measured over the property cases is about 1.3 ulps.
 */
export function roundingScale(cMax: number, epsilon: number): number {
  return 2 ** -21 * (1 + cMax + epsilon);
}

export function checkProjectionProperties(cfg: PropertyConfig): PropertyReport {
  const { ns = [1, 2, 3, 4, 5], epsilons = [0.05, 0.5, 2], batch = 40, seed = 1, samplesPerCase = 30 } = cfg;
  const rng = new Rng(seed);
  const failures: string[] = [];
  let cases = 0;
  let worstMatch = 0;
  const fail = (msg: string) => {
    if (failures.length < 8) failures.push(msg);
  };
  for (const n of ns) {
    for (const eps of epsilons) {
      const cs = makeCases(rng, batch, n, eps, cfg.box);
      // Alternate rank-2 and rank-3 shapes: the norm runs over every non-batch axis.
      const shape = n % 2 === 0 ? [batch, n] : [batch, 1, n];
      const [xT, cT] = [tf.tensor(cs.x, shape), tf.tensor(cs.c, shape)];
      const zT = cfg.project(xT, cT, eps);
      const zzT = cfg.project(zT, cT, eps);
      const z = zT.dataSync();
      const zz = zzT.dataSync();
      tf.dispose([xT, cT, zT, zzT]);
      for (let k = 0; k < batch; k++) {
        cases++;
        const tag = `n=${n} eps=${eps} k=${k}`;
        const v = rowMinus(cs.x, cs.c, k, n);
        const w = rowMinus(z, cs.c, k, n);
        const bd = boundsOf(cs, k, cfg.box);
        let cMax = 0;
        for (let i = 0; i < n; i++) cMax = Math.max(cMax, Math.abs(cs.c[k * n + i]!));
        const scale = roundingScale(cMax, eps);
        // Feasible: in the ball up to the stated slack, in the box exactly (the bounds are float32 numbers).
        const len = normOf(w, cfg.norm);
        if (!(len <= eps + cfg.feasibilitySlack(eps, cMax, n))) fail(`${tag}: ‖z − c‖ = ${len} > ε`);
        if (cfg.box !== undefined) {
          for (let i = 0; i < n; i++) {
            const zi = z[k * n + i]!;
            if (!(zi >= cfg.box.min && zi <= cfg.box.max)) fail(`${tag}: z[${i}] = ${zi} outside the box`);
          }
        }
        // Matches the brute-force reference.
        const ref = cfg.reference(v, eps, bd);
        const dev = Math.max(...w.map((wi, i) => Math.abs(wi - ref[i]!)));
        worstMatch = Math.max(worstMatch, dev / scale);
        if (!(dev <= scale)) fail(`${tag}: off the reference by ${dev} (w=${w}, ref=${ref}, v=${v})`);
        // Variational inequality: no feasible point makes an acute angle with x − p at p.
        const samples = feasibleSamples(rng, n, cfg.norm, eps, bd, samplesPerCase);
        const excess = variationalExcess(v, w, samples, scale * Math.sqrt(n));
        if (!(excess <= 0)) fail(`${tag}: variational inequality violated by ${excess}`);
        // Idempotent up to rounding.
        for (let i = 0; i < n; i++) {
          const d = Math.abs(zz[k * n + i]! - z[k * n + i]!);
          if (!(d <= scale)) fail(`${tag}: not idempotent, coordinate ${i} moved by ${d}`);
        }
      }
    }
  }
  return { cases, failures, worstMatch };
}
