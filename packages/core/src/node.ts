/**
 * `@advkit/core/node`: Node-only helpers shared by advkit's packages and apps (the file stores of
 * `@advkit/trainers/node` and `@advkit/attacks/node`, the demo's CLI). The main entry `@advkit/core`
 * never imports this subpath, so browser bundles never see `node:fs`.
 */
export { writeFileAtomic } from './node/write-file-atomic.js';
export type { WriteFileAtomicOptions } from './node/write-file-atomic.js';
