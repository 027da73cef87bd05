/**
 * The TypeDoc entry points of a package, read from its `exports` map: every subpath except
 * `./package.json` and subpaths named `internal` (for advkit's own packages, not covered by semver),
 * mapped from the built file (`./dist/evaluate/index.js`) to its source (`src/evaluate/index.ts`).
 * Each package's `typedoc.config.mjs` calls this, so a new subpath (e.g. `@advkit/core/vite`) is in
 * the API reference as soon as it is exported.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** @param {string} packageDirUrl `import.meta.url` of a file in the package directory. */
export function entryPointsFromExports(packageDirUrl) {
  const dir = fileURLToPath(new URL('.', packageDirUrl));
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const entryPoints = [];
  for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
    if (subpath === './package.json' || subpath.split('/').includes('internal')) continue;
    const file = typeof target === 'string' ? target : target.default ?? target.import;
    if (typeof file !== 'string' || !/^\.\/dist\/.+\.js$/.test(file)) {
      throw new Error(`${manifest.name}: exports["${subpath}"] does not point to ./dist/*.js (${JSON.stringify(target)})`);
    }
    entryPoints.push(file.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts'));
  }
  return entryPoints;
}
