#!/usr/bin/env node
// The `deriv` command: a thin shell over run() in src/cli.ts (built to dist/).
import { fileURLToPath } from 'node:url';

// V8's flags first (src/run/v8-flags.ts): the code caches were made under them.
(await import('../dist/src/run/v8-flags.js')).useRunFlags();
// The CLI as the build bundles it (dist/cli/cli.cjs, scripts/bundle.mjs), run from its code
// cache: Node 20 resolves and compiles its ~22 ES modules from source at every start. Not a
// bundle older than dist/src/cli.js (tsc ran since it was made): then the modules themselves.
const { loadBundle } = await import('../dist/src/run/bundle.js');
const bundled = loadBundle(
  fileURLToPath(new URL('../dist/cli/cli.cjs', import.meta.url)),
  fileURLToPath(new URL('../dist/src/cli.js', import.meta.url)),
)?.exports;
// `deriv check` of one file checks it on this thread; of several, starts its worker first, so
// the worker loads the checker while the CLI loads (src/check/isolated.ts).
const isolated = process.argv[2] === 'check' ? (bundled ?? await import('../dist/src/check/isolated.js')) : undefined;
const checker = isolated?.isolatedChecker({ inThread: true, eager: isolated.checkFileCount(process.argv.slice(3)) >= 2 });
const { nodeIo, run } = bundled ?? await import('../dist/src/cli.js');

process.exitCode = await run(process.argv.slice(2), nodeIo({ checker }));
// Done: every report and file is written (run resolves after them; `deriv lsp` never resolves).
// Exit once stdout and stderr are flushed (pipes are asynchronous on Linux), not after Node
// tears the heap down: that took ~30 ms and ~2% of the CPU of checking the identity table
// (16 alternated whole-process runs).
const flushed = (stream) => new Promise((resolve) => stream.write('', () => resolve()));
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit();
