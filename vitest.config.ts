import { defineConfig } from 'vitest/config';

/**
 * One vitest run over every workspace project, so the whole suite ends in one summary.
 * Each package keeps its own `vitest.config.ts` (name, timeouts); `pnpm --filter X test` runs one.
 */
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'tests/*'],
    reporters: ['default', './scripts/summary-reporter.ts'],
    // 2-core machines: tfjs-wasm tests are CPU-bound; more workers only thrash.
    maxWorkers: 2,
  },
});
