/**
 * The valid-input box `[min, max]` applied to every coordinate, e.g. `{ min: 0, max: 1 }` for pixels.
 * Both bounds are finite and `min < max`. Tensors are float32, so a bound that float32 cannot represent
 * (such as 0.1) is met by the nearest float32 on its inner side.
 */
export interface Box {
  min: number;
  max: number;
}
