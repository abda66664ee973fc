import { describe, expect, it } from 'vitest';
import { checkSource } from '../src/check/index.js';
import { rootsWanted, shortestIn, singularParts, type Cell } from '../src/check/sampling/boundaries.js';
import { Rational } from '../src/check/evaluator/rational.js';
import { Rng } from '../src/check/rng.js';
import { parseExpression, parseFormula } from '../src/parse/index.js';
import { SignFacts } from '../src/check/sampling/sign-facts.js';
import type { Prepared } from '../src/check/sampling/point.js';
import type { Expr, Name, Var } from '../src/ast.js';
import { mapChildren } from '../src/ast-walk.js';
import { printExpr, printName } from '../src/print.js';

/** singularParts of one expression (shapes unset: scalars), with its signless and sign-sensitive parts. */
function parts(text: string): { poles: string[]; signless: string[]; sensitive: string[] } {
  const { expr } = parseExpression(text);
  if (!expr) throw new Error(`did not parse: ${text}`);
  const signless = new Set<string>();
  const sensitive = new Set<string>();
  const poles = singularParts(expr, true, signless, sensitive).map(printExpr);
  return { poles, signless: [...signless], sensitive: [...sensitive] };
}

describe('singular parts: which parts a side has no value beyond', () => {
  // (The innermost operation that reads a sign decides: √(x²) is defined below 0, (√x)² is not.)
  it.each([
    { text: 'log(x)', poles: ['x'], signless: [], sensitive: ['x'] },
    { text: 'log(x^2)', poles: ['x'], signless: ['x'], sensitive: [] },
    { text: '1/x', poles: ['x'], signless: [], sensitive: [] },
    { text: '1/x^2', poles: ['x'], signless: ['x'], sensitive: [] },
    { text: 'tan(x)', poles: ['cos(x)'], signless: [], sensitive: [] },
    { text: '1/cos(x)^2', poles: ['cos(x)'], signless: ['cos(x)'], sensitive: [] },
    { text: '1/sqrt(x)', poles: ['x'], signless: [], sensitive: ['x'] },
    { text: '1/sqrt(x^2)', poles: ['x'], signless: ['x'], sensitive: [] },
    { text: 'log(sqrt(x)^2)', poles: ['x'], signless: [], sensitive: ['x'] },
    { text: '1/|sqrt(x)|', poles: ['x'], signless: [], sensitive: ['x'] },
    { text: 'x^(-1/3)', poles: ['x'], signless: [], sensitive: ['x'] },
    { text: '1/x + log(x)', poles: ['x'], signless: [], sensitive: ['x'] },
  ])('$text', ({ text, poles, signless, sensitive }) => {
    expect(parts(text)).toEqual({ poles, signless, sensitive });
  });
});

describe('the pole search across a part one side squares', () => {
  const verdict = (text: string) => checkSource(`scalar x\n${text}\n`, {}).then((r) => r.shows[0]?.verdict ?? r.steps[0]?.verdict);
  it.each([
    { text: 'show log(x^2) = 2 log(x)', want: 'refuted' },
    { text: 'show 1/sqrt(x^2) = 1/sqrt(x)', want: 'refuted' },
    { text: 'show sqrt(x^2)^3 = sqrt(x)^6', want: 'refuted' },
    { text: 'show 1 + tan(x)^2 = 1/cos(x)^2', want: 'proved' },
    { text: 'show 1/x^2 = (1/x)^2', want: 'proved' },
    { text: 'show log((sqrt(x))^2) = log(x)', want: 'proved' },
  ])('$text: $want', async ({ text, want }) => {
    expect(await verdict(text)).toBe(want);
  });
});

describe('rootsWanted: the roots a search probes, without placing the rest', () => {
  /** Cells on a line (some straddling 0), each holding 0–2 roots inside it; roots on grid points found at once. */
  function instance(seed: number) {
    const rng = new Rng(seed, 'rootsWanted');
    const ends = [...new Set(Array.from({ length: 30 }, () => (rng.next() - 0.5) * 10 ** rng.int(0, 6)))].sort((a, b) => a - b);
    const inside: number[][] = [];
    for (let i = 0; i + 1 < ends.length; i++) {
      const k = rng.int(0, 2);
      inside.push(Array.from({ length: k }, () => ends[i]! + (ends[i + 1]! - ends[i]!) * (0.01 + 0.98 * rng.next())));
    }
    const onGrid = ends.filter(() => rng.next() < 0.1);
    const lo = rng.next() < 0.5 ? null : Rational.parse(((rng.next() - 0.5) * 1000).toFixed(3));
    const hi = rng.next() < 0.5 ? null : Rational.parse((Number(lo?.toNumber() ?? -500) + rng.next() * 10 ** rng.int(1, 5)).toFixed(3));
    return { ends, inside, onGrid, bounds: { lo, hi, loClosed: false, hiClosed: false } };
  }
  it.each(Array.from({ length: 40 }, (_, seed) => ({ seed, n: 1 + (seed % 13) })))('seed $seed: the first $n, as if every cell were placed', ({ seed, n }) => {
    const { ends, inside, onGrid, bounds } = instance(seed);
    const done: number[] = [];
    const roots = [...onGrid];
    const cells: Cell[] = inside.map((xs, i) => ({ lo: ends[i]!, hi: ends[i + 1]!, work: () => { done.push(i); roots.push(...xs); } }));
    const got = rootsWanted(roots, cells, n, bounds, Infinity);
    // Every root, each with its place's tier (a cell's roots take the cell's): admitted first, then nearest 0.
    const lo = bounds.lo?.toNumber() ?? -Infinity;
    const hi = bounds.hi?.toNumber() ?? Infinity;
    const slack = (b: number) => (Math.abs(b) + 1) * 1e-9;
    const out = (a: number, b: number) => (Math.max(a, b) < lo - slack(lo) || Math.min(a, b) > hi + slack(hi) ? 1 : 0);
    const all = [...onGrid.map((x) => ({ x, t: out(x, x) })), ...inside.flatMap((xs, i) => xs.map((x) => ({ x, t: out(ends[i]!, ends[i + 1]!) })))];
    const want = all.sort((u, v) => u.t - v.t || Math.abs(u.x) - Math.abs(v.x)).slice(0, n).map((r) => r.x);
    expect(got).toEqual(want);
    // …and cells that could hold none of them were never placed (a few roots, many cells).
    if (all.length > 3 * n) expect(done.length).toBeLessThan(cells.length);
  });
});

describe('sign facts: the parts the assumptions keep from 0 (the pole search passes over them)', () => {
  /** Shapes as the resolver settles them, for names u and v vectors and the rest scalars. */
  function shaped(e: Expr): Expr {
    const vec = (x: Expr): boolean => x.shape?.kind === 'matrix';
    const out = mapChildren(e, shaped);
    const S = { kind: 'scalar' } as const;
    const M = { kind: 'matrix', rows: 'n', cols: 1 } as const;
    let shape: Expr['shape'] = S;
    if (out.kind === 'Var') shape = ['u', 'v'].includes(out.name.base) ? M : S;
    else if (out.kind === 'Transpose' || out.kind === 'Neg') shape = out.arg.shape;
    else if (out.kind === 'Binary' && out.op === '*') shape = out.left.kind === 'Transpose' && vec(out.right) ? S : vec(out.left) || vec(out.right) ? M : S;
    else if (out.kind === 'Binary' && (out.op === '/' || out.op === '+' || out.op === '-')) shape = out.left.shape;
    return { ...out, shape } as Expr;
  }
  /** The facts of some assumptions (`0 < β < 1`, `u ≠ 0`), as the sampler prepares them. */
  function facts(assumptions: string[]): SignFacts {
    const checks = assumptions.map((a) => ({ formula: parseFormula(a).formula!, forAll: [], range: [0, 0] }));
    const prep = {
      checks,
      keyOfName: (n: Name) => printName(n),
      lookup: (v: Var) => ({ info: { key: printName(v.name), random: false }, index: null }),
      // (Where sampling draws, not where the assumptions hold: never read. x is drawn above 10⁻³⁰⁰ under x > −e^(−1000).)
      intervals: new Map([['x', { lo: Rational.parse('1e-300'), hi: null, loClosed: false, hiClosed: false }]]),
    } as unknown as Prepared;
    return new SignFacts(prep, []);
  }
  const at = (text: string) => shaped(parseExpression(text).expr!);
  const f = facts(['g ≠ 0', 'u ≠ 0', '0 < β < 1', '0 ≤ δ < 1', 'γ ≤ -2', '1 ≤ t', 'x > -exp(-1000)']);
  it.each([
    // nonzero: kept from 0; sign: 1 positive, -1 negative, null unknown.
    { text: 'β', nonzero: true, sign: 1 },
    { text: 'δ', nonzero: false, sign: null }, // 0 ≤ δ: δ may be 0
    { text: 'γ', nonzero: true, sign: -1 },
    { text: 'x', nonzero: false, sign: null },
    { text: 'g', nonzero: true, sign: null },
    { text: 'β γ', nonzero: true, sign: -1 },
    { text: 'β + γ', nonzero: false, sign: null },
    { text: 'β + t', nonzero: true, sign: 1 },
    { text: '1 + exp(-x)', nonzero: true, sign: 1 },
    { text: '1 - exp(-x)', nonzero: false, sign: null },
    { text: 'g^2', nonzero: true, sign: 1 },
    { text: 'γ^3', nonzero: true, sign: -1 },
    { text: 'β^x', nonzero: true, sign: 1 },
    { text: 'δ^x', nonzero: false, sign: null },
    { text: 'sqrt(β)', nonzero: true, sign: 1 },
    { text: 'sqrt(δ)', nonzero: false, sign: null },
    { text: '‖u‖', nonzero: true, sign: 1 },
    { text: '‖v‖', nonzero: false, sign: null },
    { text: '‖g u/‖u‖‖', nonzero: true, sign: 1 },
    { text: '‖x u‖', nonzero: false, sign: null },
    { text: 'uᵀ u', nonzero: true, sign: 1 },
    { text: 'vᵀ v', nonzero: false, sign: null },
    // Two nonzero vectors may be orthogonal: uᵀv and its like are never taken for nonzero.
    { text: 'uᵀ u - 1', nonzero: false, sign: null },
    { text: '|g|', nonzero: true, sign: 1 },
    { text: '1 - β^t', nonzero: false, sign: null },
  ])('$text: nonzero $nonzero, sign $sign', ({ text, nonzero, sign }) => {
    expect(f.nonzero(at(text))).toBe(nonzero);
    expect(f.sign(at(text))).toBe(sign);
  });
  it('a name a ∑ binds is not the drawn one of that name', () => {
    const sum = at('∑_{β=1}^{3} β');
    const bound = new SignFacts((f as unknown as { prep: Prepared }).prep, [sum]);
    expect(bound.sign(at('β'))).toBe(null);
    expect(f.sign(at('β'))).toBe(1);
  });
});

describe('the pole search passes over parts the assumptions keep from 0, and only those', () => {
  const verdict = (text: string) => checkSource(text, {}).then((r) => r.steps.map((s) => s.verdict).join(' '));
  it.each([
    { text: 'scalar β\nassume 0 < β < 1\n    1\n  = β/β\n', want: 'proved' },
    { text: 'scalar β\nassume 0 ≤ β < 1\n    1\n  = β/β\n', want: 'refuted' },
    { text: 'scalar β\nassume β ≥ 0\n    1\n  = log(β)/log(β) + 0 log(β)\n', want: 'refuted' },
    { text: 'scalar β\nassume β > 0\n    1\n  = log(β) - log(β) + 1\n', want: 'proved' },
    { text: 'scalar g\nvector u in R^n\nassume g ≠ 0, u ≠ 0\n    1\n  = ‖g u‖/‖g u‖\n', want: 'proved' },
    { text: 'scalar g\nvector u in R^n\nassume u ≠ 0\n    1\n  = ‖g u‖/‖g u‖\n', want: 'refuted' },
    { text: 'vector u in R^n\nassume u ≠ 0\n    1\n  = (uᵀ u)/(uᵀ u)\n', want: 'proved' },
    { text: 'vector u, v in R^n\nassume u ≠ 0, v ≠ 0\n    1\n  = (uᵀ v)/(uᵀ v)\n', want: 'refuted' },
    { text: 'scalar x\n    1\n  = (1 + exp(-x))/(1 + exp(-x))\n', want: 'proved' },
    // (An irrational bound is drawn a little inside itself, above 10⁻³⁰⁰ here: not what the assumption says.)
    { text: 'scalar x\nassume x > -exp(-1000)\n    1\n  = x/x\n', want: 'refuted' },
    { text: 'scalar x\nassume x > exp(-1000)\n    1\n  = x/x\n', want: 'proved' },
    { text: 'scalar x\n    1\n  = (1 - exp(-x))/(1 - exp(-x))\n', want: 'refuted' },
    { text: 'scalar β\ninteger t\nassume 0 < β < 1\n    1\n  = (1 - β^t)/(1 - β^t)\n', want: 'refuted' },
  ])('$text → $want', async ({ text, want }) => {
    expect(await verdict(text)).toBe(want);
  });
});

describe('shortestIn: the interval\'s middle rounded to the fewest digits that stay inside it (the probes and counterexamples a student reads)', () => {
  it.each([
    { lo: '-1/2', hi: '1/2', want: '0' },
    { lo: '99999/100000', hi: '100001/100000', want: '1' },
    { lo: '12345/100', hi: '12346/100', want: '123.46' },
    { lo: '141421356/100000000', hi: '141421357/100000000', want: '1.41421357' },
    { lo: '-141421357/100000000', hi: '-141421356/100000000', want: '-1.41421357' },
    { lo: '1/3', hi: '1/3', want: '1/3' },
    { lo: '2/3', hi: '7/10', want: '0.7' },
    { lo: '7/10', hi: '2/3', want: '0.7' },
    { lo: '123456789/1', hi: '123456790/1', want: '123456790' },
    { lo: '1/1000000000000', hi: '3/1000000000000', want: '0.000000000002' },
    { lo: '314159265358979/100000000000000', hi: '314159265358980/100000000000000', want: '3.1415926535898' },
  ])('[$lo, $hi] → $want', ({ lo, hi, want }) => {
    const q = (t: string): Rational => (t.includes('/') ? new Rational(BigInt(t.split('/')[0]!), BigInt(t.split('/')[1]!)) : Rational.parse(t));
    const x = shortestIn(q(lo), q(hi));
    expect(x.toString()).toBe(q(want).toString());
    const [a, b] = q(lo).cmp(q(hi)) <= 0 ? [q(lo), q(hi)] : [q(hi), q(lo)];
    expect(x.cmp(a) >= 0 && x.cmp(b) <= 0).toBe(true);
  });
});
