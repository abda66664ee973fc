/**
 * The worker tinypool starts for `deriv check` (src/check/isolated.ts): check-worker.ts as
 * bundled at build time (dist/worker/check-worker.cjs) and run from its code cache, which
 * halves a fresh worker's loading; check-worker.js itself where there is no current bundle.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadBundle } from './bundle.js';
import type * as Unbundled from './check-worker.js';
import type { WarmUpItem } from './warm-up.js';

const bundled = loadBundle(
  fileURLToPath(new URL('../../worker/check-worker.cjs', import.meta.url)),
  fileURLToPath(new URL('./check-worker.js', import.meta.url)),
);

const worker: typeof Unbundled.default = bundled
  ? (bundled.exports['default'] as typeof Unbundled.default)
  : (await import('./check-worker.js')).default;

// While no file has come, warm the checker up on the derivations parsed at build time
// (dist/worker/warm-up.json, written with the bundle); without them, no warm-up.
if (bundled) {
  let items: WarmUpItem[] = [];
  try {
    items = JSON.parse(readFileSync(fileURLToPath(new URL('../../worker/warm-up.json', import.meta.url)), 'utf8')) as WarmUpItem[];
  } catch {
    items = [];
  }
  void (bundled.exports['warmUpUntilJob'] as typeof Unbundled.warmUpUntilJob)(items).catch(() => undefined);
}

export default worker;
