import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Whole derivations are checked in-process; a slow machine must not fail them on time.
    testTimeout: 60_000,
    // One test file per core (vitest's default leaves one core idle: on this 2-core machine the
    // files ran one at a time, 304 s; two at a time, 199 s).
    maxWorkers: availableParallelism(),
  },
});
