import { isAscii } from 'node:buffer';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import type { Checker } from '../src/check/isolated.js';
import { cacheFileOf, loadBundle } from '../src/run/bundle.js';
import { RUN_V8_FLAGS, capYoungGeneration, uncapYoungGeneration, useRunFlags } from '../src/run/v8-flags.js';
import { Script } from 'node:vm';

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

it('reads a bundle with non-ASCII text as UTF-8 (built bundles are ASCII, read as Latin-1)', () => {
  const bundle = path.join(dir, 'u.cjs');
  writeFileSync(bundle, "exports.word = '∑ λ 𝔼'; exports.test = (s) => /^[∑λ]+𝔼$/u.test(s);\n");
  const loaded = loadBundle(bundle)!;
  expect(loaded.exports['word']).toBe('∑ λ 𝔼');
  expect((loaded.exports['test'] as (s: string) => boolean)('λ∑𝔼')).toBe(true);
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
const builtParser = path.join(import.meta.dirname, '..', 'dist', 'parser', 'parse.cjs');
const builtEngine = path.join(import.meta.dirname, '..', 'dist', 'worker', 'nerdamer.cjs');
const builtCli = path.join(import.meta.dirname, '..', 'dist', 'cli', 'cli.cjs');
it.skipIf(!existsSync(built) || !existsSync(builtParser) || !existsSync(builtEngine))('the built bundles are ASCII', () => {
  for (const file of [built, builtParser, builtEngine, builtCli]) expect(isAscii(readFileSync(file))).toBe(true);
});

it.skipIf(!existsSync(built))('the built worker bundle is current, takes its code cache (under the flags deriv runs with) and checks', async () => {
  useRunFlags();
  const unbundled = path.join(import.meta.dirname, '..', 'dist', 'src', 'run', 'check-worker.js');
  expect(statSync(built).mtimeMs).toBeGreaterThanOrEqual(statSync(unbundled).mtimeMs);
  const loaded = loadBundle(built, unbundled)!;
  expect(loaded.cached).toBe(true);
  const { checkSource } = await (loaded.exports['checker'] as () => Promise<typeof import('../src/check/index.js')>)();
  const report = await checkSource('scalar x\n    (x + 1)²\n  = x² + 2x + 1\n  = x² + 1\n', { file: 'b.deriv' });
  expect(report.steps.map((s) => s.verdict)).toEqual(['proved', 'refuted']);
});

it.skipIf(!existsSync(built) || !existsSync(builtEngine))('the worker bundle loads nerdamer from its own bundle and code cache, and gets the answers nerdamer from node_modules gives', async () => {
  useRunFlags();
  const unbundled = path.join(import.meta.dirname, '..', 'dist', 'src', 'run', 'check-worker.js');
  const loaded = loadBundle(built, unbundled)!;
  const { checkSource } = await (loaded.exports['checker'] as () => Promise<typeof import('../src/check/index.js')>)();
  // (Steps only nerdamer decides or describes: a symbolic exponent, exp's rule, a refuted step's left − right.)
  // (A base that is > 0 everywhere: x^2 x^y = x^(2 + y) is only checked now, its right side
  // needing x > 0 that the left does not give, rules/domain-inclusion.ts.)
  const text = 'scalar x, y, a, b\n    (x^2 + 1)^2 (x^2 + 1)^y\n  = (x^2 + 1)^(2 + y)\n\n    exp(a) exp(b) 3^a\n  = (3 e)^a exp(b)\n\n    (x + 1)^3 - (x - 1)^3\n  = 6 x^2 + 3\n';
  const read = (r: Awaited<ReturnType<typeof checkSource>>) => r.steps.map((s) => [s.verdict, s.method, s.message]);
  const bundled = read(await checkSource(text, { file: 'n.deriv' }));
  const { checkSource: fromSource } = await import('../src/check/index.js');
  expect(bundled).toEqual(read(await fromSource(text, { file: 'n.deriv' })));
  expect(bundled.map(([verdict, method]) => `${verdict} ${method}`)).toEqual(['proved symbolic', 'proved symbolic', 'refuted sampling']);
  expect(bundled[2]![2]).toMatch(/left − right = -1/);
  const engine = await (loaded.exports['engineScript'] as () => Promise<import('node:vm').Script | null>)();
  expect(engine).not.toBeNull();
  expect(engine!.cachedDataRejected).toBe(false);
});

it.skipIf(!existsSync(builtParser))('the built parser bundle is current, takes its code cache (under the flags deriv runs with) and parses as the module does', async () => {
  useRunFlags();
  const unbundled = path.join(import.meta.dirname, '..', 'dist', 'src', 'parse', 'index.js');
  expect(statSync(builtParser).mtimeMs).toBeGreaterThanOrEqual(statSync(unbundled).mtimeMs);
  const loaded = loadBundle(builtParser, unbundled)!;
  expect(loaded.cached).toBe(true);
  const { parseDerivation } = await import('../src/parse/index.js');
  // (Unicode the grammar and the reading rules match with regular expressions, escaped to
  // ASCII in the bundle: ≤ ⇔ ∑ ᵀ ⁻¹ ‖·‖ λ_max, a Greek name, a subscript.)
  const text = 'scalar x, α\nvector v in R^3\nmatrix A in ℝ^{3×3}\nassume x > 0\n    x² < x\n  ⇔ x < 1   by dividing by x > 0\n'
    + '    ∑_{k=1}^{3} k α_k + ‖A v‖ + λ_max(Aᵀ A)\n  ≤ (A⁻¹)ᵀ\n  ≠ 3xy²\n  ≈ x\n';
  expect((loaded.exports['parseDerivation'] as typeof parseDerivation)(text)).toEqual(parseDerivation(text));
});

// (Skipped only where nothing was bundled: the tests run from source.)
it.skipIf(!existsSync(built))('the built CLI bundle is current, takes its code cache, finds the files beside its modules and runs as the modules do', async () => {
  useRunFlags();
  const unbundled = path.join(import.meta.dirname, '..', 'dist', 'src', 'cli.js');
  expect(existsSync(builtCli)).toBe(true);
  expect(statSync(builtCli).mtimeMs).toBeGreaterThanOrEqual(statSync(unbundled).mtimeMs);
  const loaded = loadBundle(builtCli, unbundled)!;
  expect(loaded.cached).toBe(true);
  type Cli = typeof import('../src/cli.js') & typeof import('../src/check/isolated.js');
  const bundled = loaded.exports as unknown as Cli;
  const modules = await import('../src/cli.js');
  const { checkSource } = await import('../src/check/index.js');
  const files: Record<string, string> = {
    'a.deriv': 'scalar x\n    (x + 1)²\n  = x² + 2x + 1\n  = x² + 1\n',
    'b.deriv': 'scalar a, b\n    (a + b)(a - b)\n  = a² - b²\n',
  };
  const runOf = async (cli: Pick<Cli, 'run'>, argv: string[], check: Checker): Promise<[number, string]> => {
    let out = '';
    const code = await cli.run(argv, {
      stdout: (s) => { out += s; }, stderr: (s) => { out += s; }, readFile: async (f) => files[f]!, readStdin: async () => '',
      isTTY: false, env: {}, check,
    });
    return [code, out];
  };
  // (package.json is found from dist/src/cli.js, the module's own place: not from dist/cli/.)
  const version = (JSON.parse(readFileSync(path.join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;
  expect(await runOf(bundled, ['--version'], checkSource)).toEqual([0, `${version}\n`]);
  expect(await runOf(bundled, ['--help'], checkSource)).toEqual(await runOf(modules, ['--help'], checkSource));
  // One file on this thread (the checker's bundle found from dist/src/check/), two in a worker
  // (the pool's module, an ES module kept out of the CLI's bundle, loaded when asked for).
  const expected = await runOf(modules, ['check', '--format', 'json', 'a.deriv', 'b.deriv'], checkSource);
  expect(expected[0]).toBe(1);
  const here = bundled.isolatedChecker({ inThread: true });
  expect(await runOf(bundled, ['check', '--format', 'json', 'a.deriv'], here.check)).toEqual(await runOf(modules, ['check', '--format', 'json', 'a.deriv'], checkSource));
  expect(here.workersStarted()).toBe(false);
  const pooled = bundled.isolatedChecker({ inThread: true });
  try {
    expect(await runOf(bundled, ['check', '--format', 'json', 'a.deriv', 'b.deriv'], pooled.check)).toEqual(expected);
    expect(pooled.workersStarted()).toBe(true);
  } finally {
    await pooled.close();
  }
  expect(bundled.checkFileCount(['--format', 'json', 'a.deriv', 'b.deriv'])).toBe(2);
});

it('the generated grammar carries no places in derivation.ohm (npm run grammar drops them: ~17 ms of loading), and still parses and explains failures', async () => {
  const generated = readFileSync(path.join(__dirname, '..', 'grammar', 'derivation.ohm-bundle.js'), 'utf8');
  expect(generated.includes('makeRecipe')).toBe(true);
  expect(generated.includes('sourceInterval')).toBe(false);
  const { parseExpression } = await import('../src/parse/index.js');
  expect(parseExpression('β v_{t-1} + (1-β) g_t').expr?.kind).toBe('Binary');
  expect(parseExpression('x + * 2').diagnostics[0]?.message).toMatch(/expected|after/i);
});

it.skipIf(!existsSync(built) || !existsSync(builtParser) || !existsSync(builtEngine))('the caches are made under the V8 flags deriv sets first thing: without them V8 rejects all four', () => {
  const bin = readFileSync(path.join(import.meta.dirname, '..', 'bin', 'deriv.js'), 'utf8');
  // (Before the first other import: the worker starts, and the bundles load, after it.)
  expect(bin.indexOf('useRunFlags()')).toBeGreaterThan(0);
  expect(bin.indexOf('useRunFlags()')).toBeLessThan(bin.indexOf("import('../dist/src/check/isolated.js')"));
  expect(bin.indexOf('useRunFlags()')).toBeLessThan(bin.indexOf('loadBundle('));
  expect(RUN_V8_FLAGS.length).toBeGreaterThan(0);
  const loader = pathToFileURL(path.join(import.meta.dirname, '..', 'dist', 'src', 'run', 'bundle.js')).href;
  const flags = pathToFileURL(path.join(import.meta.dirname, '..', 'dist', 'src', 'run', 'v8-flags.js')).href;
  const script = (withFlags: boolean) => `${withFlags ? `(await import(${JSON.stringify(flags)})).useRunFlags();` : ''}
    const { loadBundle } = await import(${JSON.stringify(loader)});
    console.log(JSON.stringify([loadBundle(${JSON.stringify(built)}).cached, loadBundle(${JSON.stringify(builtParser)}).cached, loadBundle(${JSON.stringify(builtEngine)}).cached, loadBundle(${JSON.stringify(builtCli)}).cached]));`;
  const taken = (withFlags: boolean) => JSON.parse(spawnSync(process.execPath, ['--input-type=module', '-e', script(withFlags)], { encoding: 'utf8' }).stdout);
  expect(taken(true)).toEqual([true, true, true, true]);
  expect(taken(false)).toEqual([false, false, false, false]);
});

// A check on the CLI's thread caps its young generation by a V8 flag (src/run/v8-flags.ts),
// which changes the hash V8 takes a code cache under: bundles loaded meanwhile (nerdamer's)
// are compiled under the flags their caches were made with, and the cap ends with the check.
it('takes a code cache while the young generation is capped, where a plain compile rejects it', () => {
  const bundle = path.join(dir, 'capped.cjs');
  writeFileSync(bundle, 'exports.three = () => 1 + 2;\n');
  // (Sources of the same length as the bundle's, wrapped as loadBundle wraps it: V8 takes a
  // cache for any of them, and its own compilation cache answers none but the one compiled.)
  const wrapped = (c: string): string => `(function (exports, require, module, __filename, __dirname) {exports.three = () => 1 + ${c};\n\n})`;
  const made = new Script(wrapped('9'), { filename: bundle });
  made.runInThisContext();
  writeFileSync(cacheFileOf(bundle), made.createCachedData());
  capYoungGeneration(0);
  try {
    // (Another source of the same length, so that V8's own compilation cache does not answer.)
    expect(new Script(wrapped('3'), { filename: bundle, cachedData: readFileSync(cacheFileOf(bundle)) }).cachedDataRejected).toBe(true);
    expect(loadBundle(bundle)!.cached).toBe(true);
  } finally {
    uncapYoungGeneration();
  }
  expect(new Script(wrapped('4'), { filename: bundle, cachedData: readFileSync(cacheFileOf(bundle)) }).cachedDataRejected).toBe(false);
});

it('ends the cap with the check on this thread, however the check ends', async () => {
  const { checkInThread } = await import('../src/check/in-thread.js');
  const { parseDerivation } = await import('../src/parse/index.js');
  const text = 'scalar x\n    x\n  = x\n';
  const bundle = path.join(dir, 'after.cjs');
  writeFileSync(bundle, 'exports.five = () => 2 + 3;\n');
  const data = loadBundle(bundle)!.script.createCachedData();
  const taken = (c: string): boolean => !new Script(`(function (exports, require, module, __filename, __dirname) {exports.five = () => 2 + ${c};\n\n})`, { filename: bundle, cachedData: data }).cachedDataRejected;
  const report = { file: 'x', source: text, steps: [], shows: [], diagnostics: [] };
  const capping = (fail: boolean) => ({
    checkParsed: () => {
      capYoungGeneration(0);
      if (fail) throw new Error('a fault in the checker');
      return report;
    },
    stackOverflowed: () => false,
  });
  expect(checkInThread(capping(false), text, parseDerivation(text), {}, 10_000, 10_000)).toMatchObject({ kind: 'report' });
  expect(taken('4')).toBe(true);
  expect(() => checkInThread(capping(true), text, parseDerivation(text), {}, 10_000, 10_000)).toThrow(/a fault in the checker/);
  expect(taken('6')).toBe(true);
});
