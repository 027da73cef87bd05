import * as tf from '@tensorflow/tfjs-core';

/**
 * Scalars reused across training steps. `tf.mul(t, 0.01)` uploads a new scalar tensor on every call
 * (about 10 µs on wasm, a noticeable share of a 300 µs linear step); a trainer keeps one per distinct
 * value here instead and disposes them all when the run ends.
 */
export class ScalarCache {
  private readonly scalars = new Map<number, tf.Scalar>();

  get(value: number): tf.Scalar {
    let s = this.scalars.get(value);
    if (s === undefined) {
      if (this.scalars.size >= 64) this.dispose(); // schedules with many values: keep the cache bounded
      s = tf.keep(tf.scalar(value));
      this.scalars.set(value, s);
    }
    return s;
  }

  dispose(): void {
    for (const s of this.scalars.values()) s.dispose();
    this.scalars.clear();
  }
}
