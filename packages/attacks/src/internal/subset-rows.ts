/** The rows `idx` of a row-major `[n·d]` array, as a new `[idx.length·d]` array. */
export function subsetRows(x: Float32Array, d: number, idx: readonly number[]): Float32Array {
  const out = new Float32Array(idx.length * d);
  idx.forEach((i, row) => out.set(x.subarray(i * d, (i + 1) * d), row * d));
  return out;
}
