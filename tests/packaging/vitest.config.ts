import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'packaging',
    environment: 'node',
    include: ['src/**/*.test.ts'],
    // The registry test installs real packages and builds a Vite app: minutes, not seconds.
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
