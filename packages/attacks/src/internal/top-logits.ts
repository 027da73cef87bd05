/**
 * The indices of the three (or four) largest logits, largest first: `π[0] ≥ π[1] ≥ …`. Ties keep the
 * lower index first (PyTorch's `sort` leaves the order of ties unspecified; they do not occur with
 * float logits of a trained model except at exact symmetry).
 */
export function topLogits(z: ArrayLike<number>, count: number): number[] {
  const idx: number[] = [];
  for (let j = 0; j < z.length; j++) {
    let pos = idx.length;
    while (pos > 0 && z[idx[pos - 1]!]! < z[j]!) pos--;
    if (pos < count) {
      idx.splice(pos, 0, j);
      if (idx.length > count) idx.pop();
    }
  }
  return idx;
}
