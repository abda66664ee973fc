import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Whole derivations are checked in-process; a slow machine must not fail them on time.
    testTimeout: 60_000,
  },
});
