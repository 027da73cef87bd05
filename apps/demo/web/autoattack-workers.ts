/** Starts one worker of `autoAttackInWorkers` (autoattack-worker.ts); `name` shows in the browser's dev tools. */
export function createAutoAttackWorker(): Worker {
  return new Worker(new URL('./autoattack-worker.ts', import.meta.url), { type: 'module', name: 'advkit-autoattack' });
}
