/** Python 3's `round(v)`: to the nearest integer, halves to the even neighbour (round(2.5) = 2). */
export function roundHalfEven(v: number): number {
  const f = Math.floor(v);
  const r = v - f;
  if (r > 0.5) return f + 1;
  if (r < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}
