import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'reliability',
    environment: 'node',
    include: ['src/**/*.test.ts'],
    // the soak test runs thousands of training and attack steps (about a minute on 2 cores)
    testTimeout: 300_000,
    // the soak test collects garbage before each memory sample, so a sample measures what is still
    // reachable rather than when V8 last ran a major GC
    execArgv: ['--expose-gc'],
  },
});
