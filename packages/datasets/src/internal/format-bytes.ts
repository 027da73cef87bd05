/** `268435456 bytes (256 MiB)` for size-limit messages. */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const mib = n / (1024 * 1024);
  return mib >= 1 ? `${n} bytes (${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB)` : `${n} bytes`;
}
