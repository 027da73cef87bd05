import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'models', environment: 'node', testTimeout: 120_000 },
});
