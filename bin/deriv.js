#!/usr/bin/env node
// The `deriv` command: a thin shell over run() in src/cli.ts (built to dist/).
import { nodeIo, run } from '../dist/src/cli.js';

process.exitCode = await run(process.argv.slice(2), nodeIo());
