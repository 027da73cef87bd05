import { defineProject } from 'vitest/config';

// No tests of its own: its helpers are exercised by the models and attacks tests that import them.
export default defineProject({ test: { name: 'test-utils', include: [], passWithNoTests: true } });
