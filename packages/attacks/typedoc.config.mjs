// The API reference's entry points for this package: every subpath of `exports` but `internal`
// (see scripts/typedoc-entry-points.mjs; built by `pnpm docs` at the repo root).
import { entryPointsFromExports } from '../../scripts/typedoc-entry-points.mjs';

export default { entryPoints: entryPointsFromExports(import.meta.url), tsconfig: "tsconfig.build.json" };
