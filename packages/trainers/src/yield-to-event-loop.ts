/**
 * A macrotask turn, so timers, I/O, worker messages and signal handlers can run between steps or
 * batches of a long computation: setImmediate in Node (no 1 ms clamp), setTimeout(0) elsewhere.
 */
export function yieldToEventLoop(): Promise<void> {
  const g = globalThis as { setImmediate?: (cb: () => void) => unknown };
  return new Promise((resolve) => (g.setImmediate ? g.setImmediate(resolve) : setTimeout(resolve, 0)));
}
