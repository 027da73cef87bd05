import type { IdxDtype } from '../idx-array.js';

/** One IDX element type: its name and its size in bytes. */
export interface IdxType {
  dtype: IdxDtype;
  size: number;
}

/** The IDX type byte (third byte of the magic number) -> element type (http://yann.lecun.com/exdb/mnist/). */
export const IDX_TYPES: ReadonlyMap<number, IdxType> = new Map([
  [0x08, { dtype: 'uint8', size: 1 }],
  [0x09, { dtype: 'int8', size: 1 }],
  [0x0b, { dtype: 'int16', size: 2 }],
  [0x0c, { dtype: 'int32', size: 4 }],
  [0x0d, { dtype: 'float32', size: 4 }],
  [0x0e, { dtype: 'float64', size: 8 }],
]);

/** `0x08 uint8, 0x09 int8, …` for error messages. */
export const IDX_TYPE_LIST = [...IDX_TYPES].map(([byte, t]) => `${hexByte(byte)} ${t.dtype}`).join(', ');

/** `0x0b` style. */
export function hexByte(b: number): string {
  return `0x${b.toString(16).padStart(2, '0')}`;
}
