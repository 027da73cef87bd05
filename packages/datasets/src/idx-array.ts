/** Element types of the IDX format, named after the typed arrays that hold them. */
export type IdxDtype = 'uint8' | 'int8' | 'int16' | 'int32' | 'float32' | 'float64';

/** The typed arrays {@link IdxArray.data} can be. */
export type IdxData = Uint8Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;

/**
 * A decoded IDX file: its element type, its dimensions (outermost first) and its elements in
 * row-major order, converted from big-endian to the host's byte order.
 * `data.length` always equals the product of `dims`. `data` is a fresh array owned by the caller
 * (never a view into the input bytes).
 */
export interface IdxArray {
  dtype: IdxDtype;
  dims: number[];
  data: IdxData;
}
