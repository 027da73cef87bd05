/**
 * The Web Worker module of `autoAttackInWorkers` (`@advkit/attacks/browser`): each worker serves shards of
 * AutoAttack runs started by the demo's worker (the FGSM / PGD tab) and by autoattack-workers-check.html.
 * Vite builds it as an entry of its own from the `new Worker(new URL('./autoattack-worker.ts', import.meta.url))`
 * calls. The models are the built-in Mlp and Cnn, rebuilt from their options: no modelFactory needed.
 * The backend: wasm, one thread (the default), its binaries served by the advkit() Vite plugin.
 */
import { serveAutoAttackShards } from '@advkit/attacks/browser';

serveAutoAttackShards();
