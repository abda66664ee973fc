import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Test files that need a process of their own: the language server's test sends `exit`, on
 * which vscode-languageserver ends the process; the no-code-from-input test watches nerdamer
 * from its first load, which a file run before it in the same process would have done.
 */
const OWN_PROCESS = ['tests/lsp.test.ts', 'tests/no-code-from-input.test.ts'];

export default defineConfig({
  test: {
    // Whole derivations are checked in-process; a slow machine must not fail them on time.
    testTimeout: 60_000,
    // One test file per core (vitest's default leaves one core idle: on this 2-core machine the
    // files ran one at a time, 304 s; two at a time, 199 s).
    maxWorkers: availableParallelism(),
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['tests/**/*.test.ts'],
          exclude: OWN_PROCESS,
          // The other files run one after another in each worker process, on the modules the
          // files before them loaded and V8 warmed up: isolating each file loaded and warmed the
          // checker ~75 times (the suite took 266 s; shared, 202 s). A verdict must not depend
          // on what was checked before it in the process, so sharing tests that too.
          isolate: false,
        },
      },
      { extends: true, test: { name: 'own-process', include: OWN_PROCESS } },
    ],
  },
});
