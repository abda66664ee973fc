import { existsSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cacheFileOf, loadBundle } from '../src/run/bundle.js';

/** The check worker is bundled and run from V8's code cache (src/run/bundle.ts, scripts/bundle.mjs). */
const dir = mkdtempSync(path.join(tmpdir(), 'deriv-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('runs a CommonJS bundle, makes its code cache, and takes the cache on the next load', () => {
  const bundle = path.join(dir, 'b.cjs');
  writeFileSync(bundle, "const path = require('node:path');\nexports.twice = (x) => 2 * x;\nexports.base = path.basename(__filename);\n");
  const first = loadBundle(bundle)!;
  expect(first.cached).toBe(false);
  expect((first.exports['twice'] as (x: number) => number)(21)).toBe(42);
  expect(first.exports['base']).toBe('b.cjs');
  writeFileSync(cacheFileOf(bundle), first.script.createCachedData());
  const second = loadBundle(bundle)!;
  expect(second.cached).toBe(true);
  expect((second.exports['twice'] as (x: number) => number)(4)).toBe(8);
});

it('ignores a cache V8 rejects, and a bundle older than the module it was made from', () => {
  const bundle = path.join(dir, 'c.cjs');
  writeFileSync(bundle, 'exports.answer = 42;\n');
  writeFileSync(cacheFileOf(bundle), Buffer.from('not a code cache at all'));
  const loaded = loadBundle(bundle)!;
  expect(loaded.cached).toBe(false);
  expect(loaded.exports['answer']).toBe(42);
  const source = path.join(dir, 'c-source.js');
  writeFileSync(source, '');
  const older = new Date(Date.now() - 60_000);
  utimesSync(bundle, older, older);
  expect(loadBundle(bundle, source)).toBeNull();
  expect(loadBundle(path.join(dir, 'missing.cjs'))).toBeNull();
});

const built = path.join(import.meta.dirname, '..', 'dist', 'worker', 'check-worker.cjs');
it.skipIf(!existsSync(built))('the built worker bundle is current, takes its code cache and checks', async () => {
  const unbundled = path.join(import.meta.dirname, '..', 'dist', 'src', 'run', 'check-worker.js');
  expect(statSync(built).mtimeMs).toBeGreaterThanOrEqual(statSync(unbundled).mtimeMs);
  const loaded = loadBundle(built, unbundled)!;
  expect(loaded.cached).toBe(true);
  const { checkSource } = await (loaded.exports['checker'] as () => Promise<typeof import('../src/check/index.js')>)();
  const report = await checkSource('scalar x\n    (x + 1)²\n  = x² + 2x + 1\n  = x² + 1\n', { file: 'b.deriv' });
  expect(report.steps.map((s) => s.verdict)).toEqual(['proved', 'refuted']);
});

const builtParser = path.join(import.meta.dirname, '..', 'dist', 'parser', 'parse.cjs');
it.skipIf(!existsSync(builtParser))('the built parser bundle is current, takes its code cache and parses as the module does', async () => {
  const unbundled = path.join(import.meta.dirname, '..', 'dist', 'src', 'parse', 'index.js');
  expect(statSync(builtParser).mtimeMs).toBeGreaterThanOrEqual(statSync(unbundled).mtimeMs);
  const loaded = loadBundle(builtParser, unbundled)!;
  expect(loaded.cached).toBe(true);
  const { parseDerivation } = await import('../src/parse/index.js');
  const text = 'scalar x\nassume x > 0\n    x² < x\n  ⇔ x < 1   by dividing by x > 0\n';
  expect((loaded.exports['parseDerivation'] as typeof parseDerivation)(text)).toEqual(parseDerivation(text));
});
