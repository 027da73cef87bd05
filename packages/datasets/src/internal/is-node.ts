/** True when running in Node (or a runtime that provides Node's built-in modules, such as Deno/Bun). */
export function isNode(): boolean {
  const p = (globalThis as { process?: { versions?: { node?: unknown } } }).process;
  return typeof p?.versions?.node === 'string';
}
