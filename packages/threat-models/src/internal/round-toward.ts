/**
 * Float32 rounding toward a centre (internal). `roundToward(v, c)` returns the float32 nearest to the
 * float64 `v` among those between `c` and `v` (inclusive), for a float32 `c`. Results of the JS kernels
 * are written this way: each coordinate of `z − c` is then no longer than the float64 value it rounds,
 * so `‖z − c‖_p ≤ ‖w‖_p ≤ ε` in every norm at once, and a box that holds `c` and `v` holds `z`. Plain
 * round-to-nearest can overshoot the ball by half an ulp per coordinate.
 *
 * Returns a closure owning a one-element scratch buffer for the bit manipulation (no module state).
 */
export function makeRoundToward(): (v: number, c: number) => number {
  const f32 = new Float32Array(1);
  const bits = new Int32Array(f32.buffer);
  return (v, c) => {
    const f = Math.fround(v);
    if (v >= c ? f <= v : f >= v) return f;
    // f overshot v away from c: take the float32 next to f on the side of v (and c).
    if (f === 0) return f > v ? -(2 ** -149) : 2 ** -149;
    f32[0] = f;
    const down = f > v;
    // For positive floats the bit pattern grows with the value, for negative ones it shrinks.
    bits[0] = bits[0]! + ((f > 0) === down ? -1 : 1);
    return f32[0]!;
  };
}
