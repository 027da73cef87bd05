import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'attacks', environment: 'node', testTimeout: 120_000 },
});
