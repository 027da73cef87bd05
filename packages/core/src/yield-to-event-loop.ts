/**
 * A macrotask turn, so timers, I/O, worker messages and signal handlers (a Stop button, SIGINT) can run
 * between the steps or batches of a long computation: `setImmediate` in Node (no 1 ms clamp),
 * `setTimeout(0)` elsewhere. A microtask (`await Promise.resolve()`) would not let them run.
 */
export function yieldToEventLoop(): Promise<void> {
  const g = globalThis as { setImmediate?: (cb: () => void) => unknown };
  return new Promise((resolve) => (g.setImmediate ? g.setImmediate(resolve) : setTimeout(resolve, 0)));
}
