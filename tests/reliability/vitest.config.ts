import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'reliability',
    environment: 'node',
    include: ['src/**/*.test.ts'],
    // the soak test runs thousands of training and attack steps (about a minute on 2 cores)
    testTimeout: 300_000,
  },
});
