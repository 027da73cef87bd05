import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'trainers', environment: 'node', testTimeout: 120_000 },
});
