/** Reusable buffers of {@link argSort} for rows of one length (saves four allocations per call). */
export interface ArgSortScratch {
  /** Indices and their values, two of each for the merge passes. */
  idx: Uint32Array;
  idx2: Uint32Array;
  val: Float64Array;
  val2: Float64Array;
}

/** Buffers for {@link argSort} of rows of length n. */
export function argSortScratch(n: number): ArgSortScratch {
  return { idx: new Uint32Array(n), idx2: new Uint32Array(n), val: new Float64Array(n), val2: new Float64Array(n) };
}

/** Runs this short are sorted by insertion before merging. */
const RUN = 8;

/**
 * The indices 0..n−1 ordered by increasing `values`, ties by index (a stable sort), as a Uint32Array:
 * the order of `idx.sort((i, j) => values[i] − values[j] || i − j)`, including −0 and +0 as equal, but
 * by a bottom-up merge sort that carries the values beside the indices (insertion-sorted runs of 8,
 * then merges that take the left element on ties). Without a comparator call per comparison it is
 * 2–4× faster than the typed-array sort with a comparator (measured for n = 784, FAB's MNIST rows);
 * FAB sorts two rows per example and step. NaN values are not ordered (no caller passes them).
 *
 * With `scratch` (from {@link argSortScratch}, for this length) the result is `scratch.idx`,
 * overwritten by the next call; without it a new array.
 */
export function argSort(values: ArrayLike<number>, scratch?: ArgSortScratch): Uint32Array {
  const n = values.length;
  const s = scratch ?? argSortScratch(n);
  let a = s.idx;
  let av = s.val;
  let b = s.idx2;
  let bv = s.val2;
  for (let i = 0; i < n; i++) {
    a[i] = i;
    av[i] = values[i]!;
  }
  for (let r = 0; r < n; r += RUN) {
    const e = Math.min(r + RUN, n);
    for (let i = r + 1; i < e; i++) {
      const xi = a[i]!;
      const xv = av[i]!;
      let j = i - 1;
      while (j >= r && av[j]! > xv) {
        a[j + 1] = a[j]!;
        av[j + 1] = av[j]!;
        j--;
      }
      a[j + 1] = xi;
      av[j + 1] = xv;
    }
  }
  for (let w = RUN; w < n; w *= 2) {
    for (let lo = 0; lo < n; lo += 2 * w) {
      const mid = Math.min(lo + w, n);
      const hi = Math.min(lo + 2 * w, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        const vi = av[i]!;
        const vj = av[j]!;
        if (vj < vi) {
          bv[k] = vj;
          b[k++] = a[j++]!;
        } else {
          bv[k] = vi;
          b[k++] = a[i++]!;
        }
      }
      while (i < mid) {
        bv[k] = av[i]!;
        b[k++] = a[i++]!;
      }
      while (j < hi) {
        bv[k] = av[j]!;
        b[k++] = a[j++]!;
      }
    }
    [a, b] = [b, a];
    [av, bv] = [bv, av];
  }
  if (a !== s.idx) s.idx.set(a);
  return s.idx;
}
