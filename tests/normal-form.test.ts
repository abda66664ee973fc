import { describe, expect, it } from 'vitest';
import type { Dim, Expr, Range, Shape } from '../src/ast.js';
import { printName } from '../src/print.js';
import {
  differenceCoefficients,
  isUnsupported,
  normalize,
  printNormalForm,
  type NormalForm,
  type NormalFormContext,
} from '../src/check/normal-form.js';

// ---------------------------------------------------------------------------
// A tiny typed-AST builder (the parser and the shape pass are not used here)

const R: Range = [0, 0];
const SC: Shape = { kind: 'scalar' };
const M = (rows: Dim, cols: Dim): Shape => (rows === 1 && cols === 1 ? SC : { kind: 'matrix', rows, cols });
const rowsOf = (s: Shape): Dim => (s.kind === 'matrix' ? s.rows : 1);
const colsOf = (s: Shape): Dim => (s.kind === 'matrix' ? s.cols : 1);

const name = (base: string, index: string | null = null) => ({
  base,
  index: index === null ? null : (/^\d+$/.test(index) ? num(index) : sc(index)),
  primes: 0,
  hat: false,
  range: R,
});
const v = (base: string, shape: Shape, index: string | null = null): Expr => ({ kind: 'Var', name: name(base, index), range: R, shape });
const sc = (base: string, index: string | null = null): Expr => v(base, SC, index);
const mat = (base: string, rows: Dim = 'n', cols: Dim = rows): Expr => v(base, M(rows, cols));
const vec = (base: string, index: string | null = null): Expr => v(base, M('n', 1), index);
const num = (value: string): Expr => ({ kind: 'Num', value, range: R, shape: SC });
const zero = (): Expr => ({ kind: 'Num', value: '0', range: R, shape: { kind: 'any' } });
const I = (n: Dim = 'n'): Expr => ({ kind: 'Const', name: 'I', range: R, shape: M(n, n) });
const shapeOf = (e: Expr): Shape => e.shape!;
const pick = (a: Expr, b: Expr): Shape => (shapeOf(a).kind === 'any' ? shapeOf(b) : shapeOf(a));

const add = (a: Expr, b: Expr): Expr => ({ kind: 'Binary', op: '+', left: a, right: b, range: R, shape: pick(a, b) });
const sub = (a: Expr, b: Expr): Expr => ({ kind: 'Binary', op: '-', left: a, right: b, range: R, shape: pick(a, b) });
const sum = (...xs: Expr[]): Expr => xs.reduce((a, b) => add(a, b));
function mulShape(a: Shape, b: Shape): Shape {
  if (a.kind === 'scalar') return b;
  if (b.kind === 'scalar') return a;
  return M(rowsOf(a), colsOf(b));
}
const mul = (...xs: Expr[]): Expr =>
  xs.reduce((a, b) => ({ kind: 'Binary', op: '*', left: a, right: b, implicit: true, range: R, shape: mulShape(shapeOf(a), shapeOf(b)) }));
const div = (a: Expr, b: Expr): Expr => ({ kind: 'Binary', op: '/', left: a, right: b, range: R, shape: shapeOf(a) });
const neg = (a: Expr): Expr => ({ kind: 'Neg', arg: a, range: R, shape: shapeOf(a) });
const T = (a: Expr): Expr => {
  const s = shapeOf(a);
  return { kind: 'Transpose', arg: a, range: R, shape: s.kind === 'matrix' ? M(s.cols, s.rows) : s };
};
const pow = (a: Expr, k: string | Expr): Expr => ({
  kind: 'Binary', op: '^', left: a, right: typeof k === 'string' ? num(k) : k, range: R, shape: shapeOf(a),
});
const inv = (a: Expr): Expr => pow(a, neg(num('1')));
const norm = (a: Expr): Expr => ({ kind: 'Norm', arg: a, range: R, shape: SC });
const call = (fn: string, args: Expr[], shape: Shape): Expr => ({ kind: 'Call', fn: name(fn), args, range: R, shape });

// ---------------------------------------------------------------------------
// A tiny evaluator for coefficient ASTs: every Var (synthetic atoms included) is a random number

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function evaluate(e: Expr, env: Map<string, number>, next: () => number): number {
  const ev = (x: Expr): number => evaluate(x, env, next);
  switch (e.kind) {
    case 'Num': return Number(e.value);
    case 'Const': return e.name === 'pi' ? Math.PI : e.name === 'e' ? Math.E : NaN;
    case 'Var': {
      const key = printName(e.name);
      if (!env.has(key)) env.set(key, 0.5 + next() * 1.5);
      return env.get(key)!;
    }
    case 'Neg': return -ev(e.arg);
    case 'Abs': return Math.abs(ev(e.arg));
    case 'Binary': {
      const [a, b] = [ev(e.left), ev(e.right)];
      return e.op === '+' ? a + b : e.op === '-' ? a - b : e.op === '*' ? a * b : e.op === '/' ? a / b : a ** b;
    }
    case 'Call': {
      const args = e.args.map(ev);
      const f = (Math as unknown as Record<string, (...x: number[]) => number>)[e.fn.base];
      if (!f) throw new Error(`no function ${e.fn.base}`);
      return f(...args);
    }
    default: throw new Error(`cannot evaluate ${e.kind}`);
  }
}

/** Whether every coefficient difference vanishes at a few random points. */
function vanishes(diff: { coeff: Expr }[]): boolean {
  for (let seed = 1; seed <= 4; seed++) {
    const env = new Map<string, number>();
    const next = rng(seed);
    for (const d of diff) if (Math.abs(evaluate(d.coeff, env, next)) > 1e-9) return false;
  }
  return true;
}

function nonzeroAtSomePoint(coeff: Expr): boolean {
  for (let seed = 1; seed <= 4; seed++) {
    if (Math.abs(evaluate(coeff, new Map(), rng(seed))) > 1e-9) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------

function context(tags: Record<string, string[]> = {}): NormalFormContext {
  return { tags: (key) => new Set(tags[key] ?? []) };
}

function nf(e: Expr, ctx = context()): NormalForm {
  const r = normalize(e, ctx);
  if (isUnsupported(r)) throw new Error(`unsupported: ${r.unsupported}`);
  return r;
}

const [A, B, C, D, H, W, U] = ['A', 'B', 'C', 'D', 'H', 'W', 'U'].map((n) => mat(n));
const [g, x, y, z, a, b, h, vv] = ['g', 'x', 'y', 'z', 'a', 'b', 'h', 'v'].map((n) => vec(n));
const [eps, delta, beta, c] = ['ε', 'δ', 'β', 'c'].map((n) => sc(n));
const x0 = vec('x', '0');
const f = (arg: Expr) => call('f', [arg], SC);
const σ = (arg: Expr) => call('σ', [arg], shapeOf(arg));
const half = div(num('1'), num('2'));
const oneMinusBeta = sub(num('1'), beta);
const step = sub(sub(x0, mul(eps, g)), x0); // x_0 − εg − x_0

interface Case {
  name: string;
  lhs: Expr;
  rhs: Expr;
  tags?: Record<string, string[]>;
  /** 'equal': every coefficient difference is identically zero; else the words whose coefficients must differ. */
  expect: 'equal' | string[];
}

const q31Lhs = sum(f(x0), mul(T(step), g), mul(half, T(step), H, step));
const q31Rhs = add(sub(f(x0), mul(eps, T(g), g)), mul(div(pow(eps, '2'), num('2')), T(g), H, g));

const cases: Case[] = [
  { name: '(A+B)² ≠ A² + 2AB + B²', lhs: pow(add(A, B), '2'), rhs: sum(pow(A, '2'), mul(num('2'), A, B), pow(B, '2')), expect: ['A B', 'B A'] },
  { name: '(A+B)² = A² + AB + BA + B²', lhs: pow(add(A, B), '2'), rhs: sum(pow(A, '2'), mul(A, B), mul(B, A), pow(B, '2')), expect: 'equal' },
  { name: '(AB)ᵀ ≠ AᵀBᵀ', lhs: T(mul(A, B)), rhs: mul(T(A), T(B)), expect: ['Aᵀ Bᵀ', 'Bᵀ Aᵀ'] },
  { name: '(AB)ᵀ = BᵀAᵀ', lhs: T(mul(A, B)), rhs: mul(T(B), T(A)), expect: 'equal' },
  { name: '(A+B)ᵀ = Aᵀ + Bᵀ', lhs: T(add(A, B)), rhs: add(T(A), T(B)), expect: 'equal' },
  { name: '(Aᵀ)ᵀ = A', lhs: T(T(A)), rhs: A, expect: 'equal' },
  { name: 'Hᵀ = H for symmetric H', lhs: T(H), rhs: H, tags: { H: ['symmetric'] }, expect: 'equal' },
  { name: 'Dᵀ = D for diagonal D', lhs: T(D), rhs: D, tags: { D: ['diagonal'] }, expect: 'equal' },
  { name: 'Hᵀ ≠ H without the tag', lhs: T(H), rhs: H, expect: ['H', 'Hᵀ'] },
  { name: '(A⁻¹)ᵀ = (Aᵀ)⁻¹', lhs: T(inv(A)), rhs: inv(T(A)), expect: 'equal' },
  { name: 'yᵀAz = zᵀAᵀy', lhs: mul(T(y), A, z), rhs: mul(T(z), T(A), y), expect: 'equal' },
  { name: 'yᵀAz ≠ zᵀAy', lhs: mul(T(y), A, z), rhs: mul(T(z), A, y), expect: ['1'] },
  { name: 'Q3.1 with H symmetric', lhs: q31Lhs, rhs: q31Rhs, tags: { H: ['symmetric'] }, expect: 'equal' },
  { name: 'Q3.1 with H not symmetric', lhs: q31Lhs, rhs: q31Rhs, expect: 'equal' },
  { name: 'Q3.1 with the wrong sign', lhs: q31Lhs, rhs: add(add(f(x0), mul(eps, T(g), g)), mul(div(pow(eps, '2'), num('2')), T(g), H, g)), expect: ['1'] },
  { name: '‖x−y‖² = xᵀx − 2xᵀy + yᵀy', lhs: pow(norm(sub(x, y)), '2'), rhs: add(sub(mul(T(x), x), mul(num('2'), T(x), y)), mul(T(y), y)), expect: 'equal' },
  { name: '‖x‖² = xᵀx', lhs: pow(norm(x), '2'), rhs: mul(T(x), x), expect: 'equal' },
  { name: '‖x + y‖ = ‖y + x‖', lhs: norm(add(x, y)), rhs: norm(add(y, x)), expect: 'equal' },
  { name: '‖x‖ ≠ xᵀx', lhs: norm(x), rhs: mul(T(x), x), expect: ['1'] },
  { name: 'AA⁻¹ = I with A invertible', lhs: mul(A, inv(A)), rhs: I(), tags: { A: ['invertible'] }, expect: 'equal' },
  { name: 'A⁻¹A = I with A invertible', lhs: mul(inv(A), A), rhs: I(), tags: { A: ['invertible'] }, expect: 'equal' },
  { name: 'AA⁻¹ stays without the tag', lhs: mul(A, inv(A)), rhs: I(), expect: ['A A⁻¹', 'I'] },
  { name: 'B A A⁻¹ B⁻¹ cascades to I', lhs: mul(B, A, inv(A), inv(B)), rhs: I(), tags: { A: ['invertible'], B: ['invertible'] }, expect: 'equal' },
  { name: '(AB)⁻¹ = B⁻¹A⁻¹ for invertible A, B', lhs: inv(mul(A, B)), rhs: mul(inv(B), inv(A)), tags: { A: ['invertible'], B: ['invertible'] }, expect: 'equal' },
  { name: '(AB)⁻¹ stays opaque without tags', lhs: inv(mul(A, B)), rhs: mul(inv(B), inv(A)), expect: ['(A B)⁻¹', 'B⁻¹ A⁻¹'] },
  { name: 'QᵀQ = I for orthogonal Q', lhs: mul(T(mat('Q')), mat('Q')), rhs: I(), tags: { Q: ['orthogonal'] }, expect: 'equal' },
  { name: '((A+B)⁻¹)ᵀ = (Aᵀ+Bᵀ)⁻¹', lhs: T(inv(add(A, B))), rhs: inv(add(T(A), T(B))), expect: 'equal' },
  { name: 'I·A = A', lhs: mul(I(), A), rhs: A, expect: 'equal' },
  { name: 'A·I·B = AB', lhs: mul(A, I(), B), rhs: mul(A, B), expect: 'equal' },
  { name: 'A + 0 = A', lhs: add(A, zero()), rhs: A, expect: 'equal' },
  { name: 'A − A = 0', lhs: sub(A, A), rhs: zero(), expect: 'equal' },
  { name: 'A·0·B = 0', lhs: mul(A, { ...zero(), shape: M('n', 'n') }, B), rhs: zero(), expect: 'equal' },
  {
    name: '−δ(βv + (1−β)g) = β(−δv) − δ(1−β)g',
    lhs: neg(mul(delta, add(mul(beta, vv), mul(oneMinusBeta, g)))),
    rhs: sub(mul(beta, neg(mul(delta, vv))), mul(delta, oneMinusBeta, g)),
    expect: 'equal',
  },
  {
    name: '−δ(βv + (1−β)g) ≠ β(−δv) + δ(1−β)g',
    lhs: neg(mul(delta, add(mul(beta, vv), mul(oneMinusBeta, g)))),
    rhs: add(mul(beta, neg(mul(delta, vv))), mul(delta, oneMinusBeta, g)),
    expect: ['g'],
  },
  { name: 'Wσ(h) + Ux = Ux + Wσ(h)', lhs: add(mul(W, σ(h)), mul(U, x)), rhs: add(mul(U, x), mul(W, σ(h))), expect: 'equal' },
  { name: 'Wσ(M) ≠ σ(M)W', lhs: mul(W, σ(mat('M'))), rhs: mul(σ(mat('M')), W), expect: ['W σ(M)', 'σ(M) W'] },
  { name: 'σ(Wg + Ux + b) keyed by its normal form', lhs: σ(sum(mul(W, g), mul(U, x), b)), rhs: σ(sum(b, mul(U, x), mul(W, g))), expect: 'equal' },
  { name: 'f(x_0 − εg − x_0) = f(−εg)', lhs: f(step), rhs: f(neg(mul(eps, g))), expect: 'equal' },
  { name: 'f(x_0 − εg − x_0) ≠ f(εg)', lhs: f(step), rhs: f(mul(eps, g)), expect: ['1'] },
  { name: 'ABC = A(BC)', lhs: mul(mul(A, B), C), rhs: mul(A, mul(B, C)), expect: 'equal' },
  { name: '(cA)ᵀ = cAᵀ', lhs: T(mul(c, A)), rhs: mul(c, T(A)), expect: 'equal' },
  { name: 'A/2 = 1/2 A', lhs: div(A, num('2')), rhs: mul(half, A), expect: 'equal' },
  { name: 'A/c = (1/c)A', lhs: div(A, c), rhs: mul(div(num('1'), c), A), expect: 'equal' },
  { name: '(xᵀy) z = z (yᵀx)', lhs: mul(mul(T(x), y), z), rhs: mul(z, mul(T(y), x)), expect: 'equal' },
  { name: 'x yᵀ z = (yᵀz) x', lhs: mul(x, T(y), z), rhs: mul(mul(T(y), z), x), expect: 'equal' },
  { name: 'x yᵀ ≠ y xᵀ', lhs: mul(x, T(y)), rhs: mul(y, T(x)), expect: ['x yᵀ', 'y xᵀ'] },
  { name: 'A³ = A·A·A', lhs: pow(A, '3'), rhs: mul(A, A, A), expect: 'equal' },
  { name: 'A⁰ = I', lhs: pow(A, '0'), rhs: I(), expect: 'equal' },
  { name: 'tr(AB)ᵀ-invariant key: tr(Bᵀ Aᵀ) = tr(A B)', lhs: call('tr', [T(mul(A, B))], SC), rhs: call('tr', [mul(A, B)], SC), expect: 'equal' },
  { name: 'exp(xᵀy) = exp(yᵀx)', lhs: call('exp', [mul(T(x), y)], SC), rhs: call('exp', [mul(T(y), x)], SC), expect: 'equal' },
  { name: '(gᵀg)² = gᵀg·gᵀg', lhs: pow(mul(T(g), g), '2'), rhs: mul(mul(T(g), g), mul(T(g), g)), expect: 'equal' },
  { name: 'ε²/2 scalar = 1/2 ε ε', lhs: div(pow(eps, '2'), num('2')), rhs: mul(half, eps, eps), expect: 'equal' },
];

describe('normal form: identities', () => {
  it.each(cases)('$name', ({ lhs, rhs, tags, expect: want }) => {
    const ctx = context(tags);
    const diff = differenceCoefficients(nf(lhs, ctx), nf(rhs, ctx));
    if (want === 'equal') {
      expect(vanishes(diff), JSON.stringify(diff.map((d) => d.word))).toBe(true);
    } else {
      const words = diff.filter((d) => nonzeroAtSomePoint(d.coeff)).map((d) => d.word);
      for (const w of want) expect(words).toContain(w);
    }
  });
});

describe('normal form: representation', () => {
  it('pulls 1×1 products into the coefficient as canonical atoms', () => {
    const form = nf(mul(eps, T(g), H, g));
    expect(form.shape).toEqual(SC);
    expect(form.terms.map((t) => t.word)).toEqual(['1']);
    expect(form.atoms).toContain('gᵀHg');
    expect(printNormalForm(form)).toBe('ε gᵀHg');
  });

  it('prints ‖a − b‖² expanded', () => {
    expect(printNormalForm(nf(pow(norm(sub(a, b)), '2')))).toBe('aᵀa - 2 aᵀb + bᵀb');
  });

  it('keys atoms by the smaller of a word and its transpose', () => {
    expect(nf(mul(T(z), T(A), y)).atoms).toEqual(['yᵀAz']);
    expect(nf(mul(T(x0), H, g)).atoms).toEqual(['gᵀ Hᵀ x_0']);
  });

  it('keeps the order of matrix words and collects scalars', () => {
    const form = nf(sum(mul(A, B), mul(num('2'), B, A), mul(beta, A, B), neg(mul(A, B))));
    expect(printNormalForm(form)).toBe('β A B + 2 B A');
  });

  it('prints a matrix identity term and zero', () => {
    expect(printNormalForm(nf(add(mul(num('2'), I()), neg(A))))).toBe('2 I - A');
    expect(printNormalForm(nf(sub(A, A)))).toBe('0');
  });

  it('parenthesizes a sum coefficient', () => {
    expect(printNormalForm(nf(neg(mul(oneMinusBeta, g))))).toBe('-(1 - β) g');
    expect(printNormalForm(nf(add(mul(oneMinusBeta, g), mul(beta, A, g))))).toBe('β A g + (1 - β) g');
    expect(printNormalForm(nf(neg(oneMinusBeta)))).toBe('-(1 - β)');
  });

  it('is deterministic', () => {
    const e = pow(add(A, add(mul(T(x), y, T(z)), mul(c, B))), '2');
    expect(printNormalForm(nf(e))).toBe(printNormalForm(nf(e)));
  });
});

describe('normal form: limits and unsupported constructs', () => {
  it('gives up quickly on a blow-up', () => {
    const start = Date.now();
    const r = normalize(pow(sum(A, B, C, D), '6'), context());
    expect(isUnsupported(r) && r.unsupported).toMatch(/too many terms/);
    expect(Date.now() - start).toBeLessThan(2000);
  });

  it('honours a smaller term cap', () => {
    const r = normalize(pow(add(A, B), '3'), context(), { maxTerms: 4 });
    expect(isUnsupported(r) && r.unsupported).toMatch(/too many terms \(more than 4\)/);
    expect(isUnsupported(normalize(pow(add(A, B), '2'), context(), { maxTerms: 4 }))).toBe(false);
  });

  const bigOp: Expr = { kind: 'BigOp', op: 'sum', index: name('i'), lower: num('1'), upper: sc('n'), body: sc('a', 'i'), range: R, shape: SC };
  const expectation: Expr = { kind: 'Expect', op: 'E', arg: g, range: R, shape: M('n', 1) };
  const deriv: Expr = { kind: 'Deriv', partial: false, wrt: sc('t') as never, body: sc('t'), range: R, shape: SC };
  const grad: Expr = { kind: 'Grad', wrt: x as never, body: f(x), range: R, shape: M('n', 1) };
  const limit: Expr = { kind: 'Limit', wrt: sc('T') as never, to: { kind: 'Const', name: 'inf', range: R, shape: SC }, body: sc('t'), range: R, shape: SC };
  const untyped: Expr = { kind: 'Var', name: name('A'), range: R };

  const unsupported: { name: string; e: Expr; reason: RegExp }[] = [
    { name: 'a sum ∑', e: mul(bigOp, A), reason: /sum/ },
    { name: 'a pure scalar ∑ inside a sum', e: add(bigOp, num('1')), reason: /sum/ },
    { name: 'an expectation', e: add(expectation, g), reason: /expectation/ },
    { name: 'a derivative', e: mul(deriv, A), reason: /derivative/ },
    { name: 'a gradient', e: grad, reason: /gradient/ },
    { name: 'a limit', e: mul(limit, A), reason: /limit/ },
    { name: 'a symbolic matrix power', e: pow(A, sc('k')), reason: /matrix power/ },
    { name: 'a fractional matrix power', e: pow(A, num('0.5')), reason: /matrix power/ },
    { name: 'a huge matrix power', e: pow(A, num('100000')), reason: /too large/ },
    { name: 'a scalar divided by a vector', e: div(c, g), reason: /division by a vector/ },
    { name: 'division by 0', e: div(A, num('0')), reason: /division by 0/ },
    { name: 'an untyped node', e: { kind: 'Binary', op: '+', left: untyped, right: A, range: R, shape: M('n', 'n') }, reason: /no shape/ },
    { name: '∞', e: mul({ kind: 'Const', name: 'inf', range: R, shape: SC }, A), reason: /∞/ },
  ];

  it.each(unsupported)('$name', ({ e, reason }) => {
    const r = normalize(e, context());
    expect(isUnsupported(r)).toBe(true);
    expect(isUnsupported(r) && r.unsupported).toMatch(reason);
  });
});
