/**
 * The worker tinypool starts for `deriv check` (src/check/isolated.ts): check-worker.ts as
 * bundled at build time (dist/worker/check-worker.cjs) and run from its code cache, which
 * halves a fresh worker's loading; check-worker.js itself where there is no current bundle.
 */
import { fileURLToPath } from 'node:url';
import { loadBundle } from './bundle.js';
import type * as Unbundled from './check-worker.js';

const bundled = loadBundle(
  fileURLToPath(new URL('../../worker/check-worker.cjs', import.meta.url)),
  fileURLToPath(new URL('./check-worker.js', import.meta.url)),
);

const worker: typeof Unbundled.default = bundled
  ? (bundled.exports['default'] as typeof Unbundled.default)
  : (await import('./check-worker.js')).default;

export default worker;
