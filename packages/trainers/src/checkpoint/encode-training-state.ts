import { ArgumentError, describeValue, crc32 } from '@advkit/core';
import type { TrainingState } from './training-state.js';

/** The first 8 bytes of every advkit checkpoint file. */
export const CHECKPOINT_MAGIC = 'ADVKCKPT';
/** The byte layout version written by {@link encodeTrainingState}. */
export const CHECKPOINT_FILE_VERSION = 1;

/**
 * Serialises a {@link TrainingState} to bytes, the format every checkpoint store writes:
 *
 * ```
 * 'ADVKCKPT' | u32 file version | u32 header length H | header: UTF-8 JSON (H bytes) | zero padding to 4
 * | weights: float32 little-endian, the arrays back to back | u32 CRC-32 of all preceding bytes
 * ```
 *
 * All integers little-endian. The header holds everything but the weights, plus their lengths; numbers
 * survive exactly (JSON prints the shortest round-trip form of a double; NaN and ±Infinity, which JSON
 * lacks, are written as the strings "NaN", "Infinity", "-Infinity" wrapped in `{"$num": …}`). Weights
 * are stored raw, so they round-trip bit for bit.
 *
 * @returns fresh bytes owned by the caller.
 */
export function encodeTrainingState(state: TrainingState): Uint8Array {
  const fn = 'encodeTrainingState';
  if (typeof state !== 'object' || state === null || state.format !== 'advkit-training-state') {
    throw new ArgumentError(`must be a TrainingState, got ${describeValue(state)}`, { fn, argument: 'state' });
  }
  if (!Array.isArray(state.weights) || !state.weights.every((w) => w instanceof Float32Array)) {
    throw new ArgumentError('must be an array of Float32Array', { fn, argument: 'state.weights' });
  }
  const { weights, ...rest } = state;
  const header = { ...rest, weightLengths: weights.map((w) => w.length) };
  const json = new TextEncoder().encode(JSON.stringify(header, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? { $num: String(v) } : v)));
  const headerEnd = 16 + json.length;
  const weightsStart = (headerEnd + 3) & ~3;
  const count = weights.reduce((a, w) => a + w.length, 0);
  const total = weightsStart + 4 * count + 4;
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < 8; i++) bytes[i] = CHECKPOINT_MAGIC.charCodeAt(i);
  view.setUint32(8, CHECKPOINT_FILE_VERSION, true);
  view.setUint32(12, json.length, true);
  bytes.set(json, 16);
  let off = weightsStart;
  for (const w of weights) {
    for (let i = 0; i < w.length; i++, off += 4) view.setFloat32(off, w[i]!, true);
  }
  view.setUint32(off, crc32(bytes.subarray(0, off)), true);
  return bytes;
}
