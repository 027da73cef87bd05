import { describe, expect, it } from 'vitest';
import { Rng } from '@advkit/core';
import { dlrLoss } from './dlr-loss.js';
import { targetedDlrLoss } from './targeted-dlr-loss.js';
import { crossEntropyLoss } from './cross-entropy-loss.js';

type Loss = (z: ArrayLike<number>, grad?: Float64Array) => number;

// central differences in float64 with h = 1e-6: truncation O(h²·L''') ≈ 1e-12 and rounding
// ≈ 1e-16/h = 1e-10, far below the 1e-6 tolerance; the sorted order does not change within ±h
// because the test logits are at least 1e-3 apart.
function checkGradient(loss: Loss, z: number[]): void {
  const g = new Float64Array(z.length);
  loss(z, g);
  for (let j = 0; j < z.length; j++) {
    const zp = [...z];
    const zm = [...z];
    zp[j]! += 1e-6;
    zm[j]! -= 1e-6;
    const fd = (loss(zp) - loss(zm)) / 2e-6;
    expect(Math.abs(fd - g[j]!)).toBeLessThan(1e-6);
  }
}

function randomLogits(rng: Rng, k: number): number[] {
  return Array.from({ length: k }, () => rng.uniform(-5, 5));
}

describe('APGD losses against closed forms and finite differences', () => {
  it('DLR: value −(z_y − max_{i≠y} z_i)/(z_π1 − z_π3), gradient by finite differences', () => {
    // z = [1, 4, 2, 0.5], y = 0: π = 1, 2, 0; value −(1 − 4)/(4 − 1) = 1
    expect(dlrLoss([1, 4, 2, 0.5], 0)).toBeCloseTo(1, 12);
    // y = 1 (the largest): −(4 − 2)/(4 − 1) = −2/3
    expect(dlrLoss([1, 4, 2, 0.5], 1)).toBeCloseTo(-2 / 3, 12);
    const rng = new Rng(1);
    for (let t = 0; t < 50; t++) {
      const z = randomLogits(rng, 10);
      const y = rng.int(10);
      checkGradient((v, g) => dlrLoss(v, y, g), z);
    }
  });

  it('DLR is invariant to shifting and positive scaling of the logits', () => {
    const z = [0.3, -1.2, 2.5, 0.9, 1.7];
    const w = z.map((v) => 3.5 * v - 7);
    // up to the 1e-12 in the denominator: relative 1e-12 / (z_π1 − z_π3)
    for (let y = 0; y < 5; y++) expect(dlrLoss(w, y)).toBeCloseTo(dlrLoss(z, y), 9);
  });

  it('targeted DLR: value −(z_y − z_t)/(z_π1 − (z_π3 + z_π4)/2), gradient by finite differences', () => {
    // z = [1, 4, 2, 0.5, 3], y = 0, t = 4: sorted 4, 3, 2, 1: −(1 − 3)/(4 − 1.5) = 0.8
    expect(targetedDlrLoss([1, 4, 2, 0.5, 3], 0, 4)).toBeCloseTo(0.8, 12);
    const rng = new Rng(2);
    for (let t = 0; t < 50; t++) {
      const z = randomLogits(rng, 10);
      const y = rng.int(10);
      const target = (y + 1 + rng.int(9)) % 10;
      checkGradient((v, g) => targetedDlrLoss(v, y, target, g), z);
    }
  });

  it('cross-entropy: value log Σ e^{z_j} − z_y, gradient softmax − e_y', () => {
    expect(crossEntropyLoss([0, 0, 0, 0], 2)).toBeCloseTo(Math.log(4), 12);
    // no overflow for large logits
    expect(crossEntropyLoss([1000, 0], 0)).toBeCloseTo(0, 12);
    const rng = new Rng(3);
    for (let t = 0; t < 20; t++) {
      const z = randomLogits(rng, 10);
      const y = rng.int(10);
      checkGradient((v, g) => crossEntropyLoss(v, y, g), z);
    }
  });
});
