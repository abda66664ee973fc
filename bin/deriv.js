#!/usr/bin/env node
// The `deriv` command: a thin shell over run() in src/cli.ts (built to dist/).
// V8's flags first (src/run/v8-flags.ts): the code caches were made under them.
(await import('../dist/src/run/v8-flags.js')).useRunFlags();
// `deriv check` of one file checks it on this thread; of several, starts its worker first, so
// the worker loads the checker while the CLI loads (src/check/isolated.ts).
const isolated = process.argv[2] === 'check' ? await import('../dist/src/check/isolated.js') : undefined;
const checker = isolated?.isolatedChecker({ inThread: true, eager: isolated.checkFileCount(process.argv.slice(3)) >= 2 });
const { nodeIo, run } = await import('../dist/src/cli.js');

process.exitCode = await run(process.argv.slice(2), nodeIo({ checker }));
