import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSource } from '../src/check/index.js';
import pkg from '../package.json' with { type: 'json' };

/**
 * No code from input, ever (issue 13, item 4): while a hostile corpus is checked, every entry
 * point that could run text as code is watched — `eval`, the `Function` constructor, and
 * nerdamer's parser (the one call `src/check/symbolic.ts` makes, `nerdamer(command)`). eval and
 * Function are never called; nerdamer sees only generated names (`u0`, `u1`, …), numbers,
 * operators and its own function names, never a word from the file. mathjs, whose
 * `evaluate`/`parse` the issue names, is no longer a dependency at all.
 */

/** Words a hostile file uses as names, in strings and in titles: none may reach an evaluator. */
const HOSTILE_WORDS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'process', 'require', 'globalThis', 'eval', 'alert', 'this', 'import', 'prototype', 'valueOf', 'exit'];

const HOSTILE: readonly string[] = [
  `scalar ${HOSTILE_WORDS.join(', ')}\n\n    (constructor + __proto__)^2\n  = constructor² + 2 constructor __proto__ + __proto__²\n  = sin(process)^2 + cos(process)^2 + toString - 1 + require/eval\n\n    log(globalThis alert)\n  = log(globalThis) + log(alert)\n\n    exp(this + import) - exp(this) exp(import)\n  = 0\n\n    exp(valueOf) exp(-valueOf)\n  = 2\n`,
  'scalar x\ntitle "\\"); process.exit(1); (\\""\n    sqrt(x²)\n  = |x|   by "\\u0022); require(\'child_process\')"\n\n    x^2 - 1\n  = (x - 1)(x + 1)   # ${process.exit(1)} `rm -rf /`\n',
  'function constructor : R → R\nscalar prototype, valueOf\n    constructor(prototype + valueOf)\n  = constructor(valueOf + prototype)\n\n    sin(prototype)² \n  = 1 - cos(prototype)²\n\n    sqrt(valueOf) (sqrt(valueOf) + 1)\n  = valueOf + 2 sqrt(valueOf)\n',
  'scalar exit\nassume exit > 0\ndefine hasOwnProperty = exit² + 1\n    hasOwnProperty\n  = exit² + 1   by def hasOwnProperty\n  = (exit + 1)² - 2exit\n\n    (exit^3 - 1)/(exit - 1)\n  = exit² + exit + 1\n',
  'integer t\nvector __proto__, constructor in R^n\nmatrix toString in R^{n×n} symmetric\n    __proto__ᵀ toString constructor\n  = constructor^T toString __proto__\n\n    ∑_{t=1}^{3} t·eval\n  = 6 eval\n',
];

interface Watch { eval: string[]; fn: string[]; nerdamer: string[] }
const seen: Watch = { eval: [], fn: [], nerdamer: [] };
const restore: (() => void)[] = [];

beforeAll(() => {
  const realEval = globalThis.eval;
  globalThis.eval = ((code: unknown) => { seen.eval.push(String(code)); return realEval(code as string); }) as typeof eval;
  restore.push(() => { globalThis.eval = realEval; });
  const RealFunction = globalThis.Function;
  const watched = new Proxy(RealFunction, {
    apply(target, self, args: unknown[]) { seen.fn.push(args.map(String).join(' | ')); return Reflect.apply(target, self, args); },
    construct(target, args: unknown[], newTarget) { seen.fn.push(args.map(String).join(' | ')); return Reflect.construct(target, args, newTarget); },
  });
  globalThis.Function = watched;
  restore.push(() => { globalThis.Function = RealFunction; });
  // symbolic.ts loads nerdamer with require (lazily): the cached module's export is what it gets.
  const req = createRequire(path.join(import.meta.dirname, '..', 'src', 'check', 'symbolic.ts'));
  const id = req.resolve('nerdamer-prime/all');
  req(id);
  const mod = req.cache[id]!;
  const real = mod.exports as (command: string) => unknown;
  mod.exports = new Proxy(real, { apply(target, self, args: unknown[]) { seen.nerdamer.push(String(args[0])); return Reflect.apply(target, self, args); } });
  restore.push(() => { mod.exports = real; });
});

afterAll(() => { for (const r of restore.reverse()) r(); });

describe('no user text reaches anything that evaluates code', () => {
  it('mathjs is not a dependency', () => {
    expect(Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })).not.toContain('mathjs');
  });

  it('checks the hostile corpus; eval and Function are never called, nerdamer sees only generated names', async () => {
    for (const text of HOSTILE) {
      const report = await checkSource(text, { timeoutMs: 2000 });
      expect(report.diagnostics.map((d) => d.code)).not.toContain('internal-error');
      expect(report.steps.length).toBeGreaterThan(0);
    }
    expect(seen.eval).toEqual([]);
    expect(seen.fn).toEqual([]);
    // The watch is live: the corpus has scalar steps nerdamer is asked about (e^u·e^(−u), two
    // powers of e, is still its word in left − right).
    expect(seen.nerdamer.length).toBeGreaterThan(0);
    const words = new Set(seen.nerdamer.flatMap((c) => c.match(/[A-Za-z_$][\w$]*/g) ?? []));
    for (const w of words) expect(HOSTILE_WORDS, `nerdamer saw '${w}'`).not.toContain(w);
    for (const c of seen.nerdamer) expect(c, c).not.toMatch(/["'`\\;{}]/);
    // Names are generated: u0, u1, … (plus nerdamer's own function names, all lowercase words).
    expect([...words].filter((w) => !/^u\d+$/.test(w) && !/^[a-z]+$/.test(w))).toEqual([]);
  });
});
