import { describe, expect, it } from 'vitest';
import { checkSource } from '../src/check/index.js';
import { rootsWanted, singularParts, type Cell } from '../src/check/sampling/boundaries.js';
import { Rational } from '../src/check/evaluator/rational.js';
import { Rng } from '../src/check/rng.js';
import { parseExpression } from '../src/parse/index.js';
import { printExpr } from '../src/print.js';

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
