/**
 * Running a CommonJS bundle of ours (scripts/bundle.mjs) from V8's code cache: the
 * bytecode of every function the build's training run compiled, so a fresh worker neither
 * resolves ~100 modules nor compiles what it runs (Node 20 has no module compile cache; Node
 * 22's `module.enableCompileCache` does this for ES modules). Only our own built files are run
 * here, never a user's text. A cache V8 rejects (another Node, other flags) is ignored.
 */
import { isAscii } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Script } from 'node:vm';
import { underCacheFlags } from './v8-flags.js';

/** A loaded bundle: its `module.exports`, the compiled script (for `createCachedData`), whether the cache was used. */
export interface LoadedBundle {
  readonly exports: Record<string, unknown>;
  readonly script: Script;
  readonly cached: boolean;
}

/** The bundle beside its cache file (`<bundle>.cache`). */
export const cacheFileOf = (bundle: string): string => bundle.replace(/\.cjs$/, '.cache');

/**
 * Runs `bundle` (a path) as a CommonJS module, with its code cache when there is one.
 * Returns null when the bundle is missing or older than `notOlderThan` (a path: the unbundled
 * module it was made from, so a rebuild without bundling never runs stale code).
 */
export function loadBundle(bundle: string, notOlderThan?: string, useCache = true): LoadedBundle | null {
  let source: string;
  try {
    if (notOlderThan !== undefined && statSync(bundle).mtimeMs < statSync(notOlderThan).mtimeMs) return null;
    // (The build makes bundles ASCII, read as Latin-1: a one-byte string copied, not ~12 ms of UTF-8 decoding.)
    const bytes = readFileSync(bundle);
    source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  } catch {
    return null;
  }
  let cachedData: Buffer | undefined;
  if (useCache) {
    try {
      cachedData = readFileSync(cacheFileOf(bundle));
    } catch {
      cachedData = undefined;
    }
  }
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  // (Under the flags the cache was made with: a check on this thread caps the young generation, v8-flags.ts.)
  const script = underCacheFlags(() => new Script(wrapped, { filename: bundle, ...(cachedData ? { cachedData } : {}) }));
  const module = { exports: {} as Record<string, unknown> };
  const run = script.runInThisContext() as (e: unknown, r: NodeRequire, m: unknown, f: string, d: string) => void;
  run(module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
  return { exports: module.exports, script, cached: cachedData !== undefined && !script.cachedDataRejected };
}
