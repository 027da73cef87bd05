/** The argmax of each row of `[n·k]` logits (the first of equal maxima, as PyTorch's `max`), `[n]`. */
export function predictions(logits: Float32Array, n: number, k: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let j = 1; j < k; j++) if (logits[i * k + j]! > logits[i * k + best]!) best = j;
    out[i] = best;
  }
  return out;
}
