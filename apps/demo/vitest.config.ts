import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'demo',
    environment: 'node',
    testTimeout: 300_000,
    // src/: the CLI and the shared experiment code; e2e/: the built page driven in Chromium.
    include: ['src/**/*.test.ts', 'e2e/**/*.test.ts'],
    globalSetup: ['./e2e/global-setup.ts'],
  },
});
