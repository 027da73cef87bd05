/** A short, safe description of any value for error messages (`NaN`, `"abc"`, `Tensor[3,4] float32`, …). */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (typeof value === 'object') {
    const v = value as { shape?: unknown; dtype?: unknown; isDisposed?: unknown };
    if (Array.isArray(v.shape) && typeof v.dtype === 'string') {
      return `Tensor[${v.shape.join(',')}] ${v.dtype}${v.isDisposed === true ? ' (disposed)' : ''}`;
    }
    if (ArrayBuffer.isView(value)) return `${value.constructor.name} of length ${(value as unknown as ArrayLike<number>).length}`;
    return `an object (${Object.prototype.toString.call(value).slice(8, -1)})`;
  }
  return typeof value;
}
