import { describe, expect, it } from 'vitest';
import { doubleLine, UNSURE } from '../src/check/sampling/double-line.js';
import { Point, Prepared, type Context } from '../src/check/sampling/point.js';
import { Dual, dualField } from '../src/check/evaluator/dual.js';
import { intervalField, type Interval } from '../src/check/evaluator/interval.js';
import { Rational } from '../src/check/evaluator/rational.js';
import { Rng } from '../src/check/rng.js';
import { Scope, SCALAR } from '../src/types/scope.js';
import { parseExpression } from '../src/parse/index.js';
import type { Expr } from '../src/ast.js';

// The search's line in plain doubles (src/check/sampling/double-line.ts) stands in for the
// dual-interval evaluation's midpoints: the same estimates of f and f′ wherever it answers,
// none where the enclosures have none, and UNSURE (the caller asks the enclosures) where
// doubles may see it otherwise: near 0 (1 − sin x at the double nearest π/2 is 0 in
// doubles, 10⁻¹⁶ as the enclosure's midpoint).

/** A point of the scalars x, y, z (y = 7/3, z = −5/4), nothing defined or assumed. */
function pointWith(): Point {
  const scope = new Scope();
  for (const key of ['x', 'y', 'z']) {
    scope.declare({ key, kind: 'scalar', shape: SCALAR, family: false, tags: new Set(), fn: null, random: false, iid: false, implicit: false, range: [0, 0] });
  }
  const ctx: Context = { scope, defs: [], assumptions: [], indexRanges: new Map(), defaultIndex: [1, 6], random: { specs: new Map(), dependent: new Set() } };
  const prep = new Prepared(ctx);
  return new Point(prep, new Rng(1), 0, new Map([['x', Rational.of(1)], ['y', Rational.of(7).div(Rational.of(3))], ['z', Rational.of(-5).div(Rational.of(4))]]));
}

const expr = (text: string): Expr => {
  const { expr: e } = parseExpression(text);
  if (!e) throw new Error(`cannot parse ${text}`);
  // (The constant e as the resolver makes it: src/types/resolve.ts.)
  return JSON.parse(JSON.stringify(e), (_k, v) => (v?.kind === 'Var' && v.name.base === 'e' && !v.name.index ? { kind: 'Const', name: 'e', range: v.range, shape: SCALAR } : v));
};
const ZERO: Expr = { kind: 'Num', value: '0', range: [0, 0], shape: SCALAR } as Expr;

/** f and f′ along x at t from the dual-interval evaluation, as the search took them (midpoints), or null where it has no value. */
function reference(point: Point, e: Expr, t: number): { f: number; df: number } | null {
  const F = dualField(intervalField);
  const q = point.replacing('x', Rational.ofDouble(t));
  q.seed = { key: 'x', field: F, value: (v: Dual<Interval>) => new Dual(v.v, intervalField.one) };
  try {
    const v = q.evaluate(F, e) as Dual<Interval>;
    const mid = (i: Interval) => (i.lo === i.hi ? i.lo : i.lo / 2 + i.hi / 2);
    const f = mid(v.v);
    const df = mid(v.d);
    return Number.isFinite(f) ? { f, df: Number.isFinite(df) ? df : 0 } : null;
  } catch {
    return null;
  }
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * (1 + Math.abs(a) + Math.abs(b));

describe('the search line in doubles', () => {
  const point = pointWith();
  const places = [-7.25, -3, -1.5, -0.3, 0.2, 0.75, 1.9, 2.6, 4.1, 10.5, 123.4];
  it.each([
    'x^2 - 3x + 2', '(x^2 - 1)/(x - 1)', 'y x^3 - z/x', '1/(x - y) + 1/(x + z)', '-(x - 2)^(-3)',
    'sin(x)^2 + cos(x)^2', 'tan(x + y) - tan(x)/(1 - tan(x) tan(y))', 'sin(y)/(-sin(y) tan(x) + cos(y))',
    'tanh(x) - 1', 'exp(x) exp(y) - 2 e^(x + y)', 'log(x^2 + 1)', 'sqrt(x^2 + y)', '|x - 1| + |z|',
    'x^y', '(x^2 + 1)^(1/3)', '2^x - x^2', 'π x - e', 'exp(-x^2) - 10^(-30)', '(1 + 1/x)^x', 'cos(3 π/7) x',
  ])('%s: f and f′ as the enclosures\' midpoints', (text) => {
    const e = expr(text);
    const line = doubleLine(point, 'x', e, ZERO);
    expect(line).not.toBeNull();
    let answered = 0;
    for (const t of places) {
      const mine = line!(t);
      const theirs = reference(point, e, t);
      if (mine === UNSURE) continue;
      answered++;
      expect(mine === null, `${text} at ${t}: ${JSON.stringify(mine)} against ${JSON.stringify(theirs)}`).toBe(theirs === null);
      if (mine && theirs) {
        expect(close(mine.f, theirs.f), `f of ${text} at ${t}: ${mine.f} against ${theirs.f}`).toBe(true);
        expect(close(mine.df, theirs.df), `f′ of ${text} at ${t}: ${mine.df} against ${theirs.df}`).toBe(true);
      }
    }
    // (Away from 0 the doubles answer: they are the fast path. Not for f′ of sin² + cos², 0
    // by cancellation, nor of exp(−x²) far out, tiny beside x′ = 1: the enclosures are asked.)
    if (!['sin(x)^2 + cos(x)^2', 'exp(-x^2) - 10^(-30)'].includes(text)) expect(answered, text).toBeGreaterThanOrEqual(places.length - 1);
  });

  it.each([
    ['1 - sin(x)', Math.PI / 2], ['2 - cos(x) - cos(y)', 0], ['x - 0.1', 0.1], ['x^2 - 2', Math.SQRT2],
    ['exp(x) exp(y) - e^(x + y)', 3.5], ['tan(x)', Math.PI / 2], ['1/(x - 3)', 3], ['exp(1000 x)', 1],
    ['cos(x + y)', 1e16], ['sin(x)^2 + cos(x)^2', 0.7], ['log(x - y/3 - 2/9)', 1],
  ] as const)('%s at %s: near 0 or past the doubles, the enclosures are asked', (text, t) => {
    expect(doubleLine(point, 'x', expr(text), ZERO)!(t)).toBe(UNSURE);
  });

  it.each([
    // (Exact in doubles as in enclosures: x − 1 at 1 + 10⁻⁹ loses nothing, and its square is 10⁻¹⁸ in both.)
    ['(x - 1)^2', 1 + 1e-9], ['1/(x - 3)', 3 + 1e-15], ['cos(x + y)', 1e6],
  ] as const)('%s at %s: small but exact, the doubles answer as the enclosures', (text, t) => {
    const e = expr(text);
    const mine = doubleLine(point, 'x', e, ZERO)!(t);
    const theirs = reference(point, e, t);
    expect(mine).not.toBe(UNSURE);
    expect(mine === null).toBe(theirs === null);
    if (mine && mine !== UNSURE && theirs) expect(Math.sign(mine.f)).toBe(Math.sign(theirs.f));
  });

  it.each([
    ['1/(x - 2)', 2], ['log(x)', 0], ['sqrt(x)', 0], ['|x|', 0], ['log(x - 1)', -3], ['sqrt(x - 4)', 1],
    ['x^(1/2)', -1], ['x^y', 0], ['x^(-2)', 0], ['1/(1/x)', 0], ['tanh(1/x)', 0], ['exp(-1/x^2)', 0],
  ] as const)('%s has no value at x = %s, as in the enclosures', (text, t) => {
    const e = expr(text);
    expect([null, UNSURE]).toContain(doubleLine(point, 'x', e, ZERO)!(t));
    expect(reference(point, e, t)).toBeNull();
  });

  it.each(['f(x)', 'x!', 'sum_{i=1}^{3} x^i', 'x_1 + x', 'w + x', 'max(x, 1)', 'lim_{t → 0} (x + t)'])(
    '%s is left to the interpreter', (text) => {
      expect(doubleLine(point, 'x', expr(text), ZERO)).toBeNull();
    });
});
