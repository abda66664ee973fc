import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cacheFileOf, loadBundle } from '../src/run/bundle.js';
import type { WarmUpItem } from '../src/run/warm-up.js';

/** The check worker is bundled and run from V8's code cache (src/run/bundle.ts, scripts/bundle-worker.mjs). */
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

const warmUpJson = path.join(import.meta.dirname, '..', 'dist', 'worker', 'warm-up.json');
it.skipIf(!existsSync(warmUpJson))('the warm-up derivations are parsed at build time, current, and all proved', async () => {
  const { WARM_UP_SOURCES } = await import('../src/run/warm-up.js');
  const { checkSource } = await import('../src/check/index.js');
  const items = JSON.parse(readFileSync(warmUpJson, 'utf8')) as WarmUpItem[];
  expect(items.map((i) => i.text)).toEqual(WARM_UP_SOURCES);
  for (const item of items) {
    const report = await checkSource(item.text, { file: 'warm-up.deriv' }, item.parsed);
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(report.steps.every((s) => s.verdict === 'proved'), report.steps.map((s) => s.message).join(' | ')).toBe(true);
  }
});

it('a warm-up stops at the first job', async () => {
  const { warmUp } = await import('../src/run/warm-up.js');
  const items = Array.from({ length: 5 }, (_, i) => ({ text: `${i}`, parsed: {} as WarmUpItem['parsed'] }));
  let checked = 0;
  await warmUp(async () => { checked++; }, items, () => checked >= 2);
  expect(checked).toBe(2);
  checked = 0;
  await warmUp(async () => { checked++; throw new Error('a failing warm-up only warms up less'); }, items, () => false);
  expect(checked).toBe(5);
});
