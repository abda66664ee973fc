import type { Call, Define, Dim, Expr, Var } from '../../ast.js';
import { bindersOf, children, mapChildren } from '../../ast-walk.js';
import { printName } from '../../print.js';
import type { Scope } from '../../types/scope.js';
import { Inexact, Mat, Undefined, Unsupported, isMat, type Field, type Val } from '../evaluator/field.js';
import { constantValue, evaluate, isBuiltin, type Env, type Host, type Transcendental } from '../evaluator/interpret.js';
import { Rational } from '../evaluator/rational.js';
import * as L from '../evaluator/linalg.js';
import { PRIME, modularField, sqrtMod } from '../evaluator/modular.js';
import { canonicalIndex, substitute, visit } from '../rewrite.js';
import { Rng, hashString } from '../rng.js';
import { now } from '../../clock.js';

/**
 * The exact identity test (Schwartz–Zippel; for matrices with Amitsur–Levitzki): both
 * sides of `left = right`, rational functions of their free names, are evaluated at random
 * points modulo the prime p = 2^61 − 1. Scalars become random residues; vectors and
 * matrices random residue matrices of a size N large enough for the step's degree (a
 * polynomial identity of degree d that holds for N×N matrices with 2N > d holds for
 * matrices of every size — Amitsur & Levitzki 1950 — and smaller sizes embed into N×N by
 * padding with identity and zero blocks); a family member with a symbolic subscript
 * (`v_{t-1}`) is its own free name, so a proof covers every index; a declared function is
 * a random oracle on its argument's residues; exp, tanh, sin, cos and tan of arguments
 * linear in the names become rational by substitution (see `linearForm`). A difference at
 * one point refutes the
 * identity (as a formal one); agreement at k points proves it with error probability at
 * most (D/p)^k, D a bound on the degree of the numerator of left − right.
 */

/** The reported error bound must be below this (LANGUAGE.md §3). */
export const MAX_ERROR = 1e-30;
/**
 * exp(1000) is E^1000 in the substitution symbol E = e: a power, cheap by squaring; the degree
 * enters the error bound (degree/p)^k, and k grows to keep it below MAX_ERROR.
 */
const MAX_TRANSCENDENTAL_DEGREE = 10_000;
/** At most this many square roots: each point is evaluated on every choice of their signs (2^m). */
const MAX_RADICALS = 4;
/** Matrices are sampled at most this size (cost grows as N³ per product). */
const MAX_N = 12;

export type IdentityVerdict =
  | {
    readonly kind: 'identical'; readonly points: number; readonly errorBound: number; readonly degree: number;
    /** The size every symbolic dimension took (null where there is none); `sizes` says what the matrices were (`3×3 matrices (n = 3)`, `2×2 matrices`). */
    readonly size: number | null; readonly sizes: string | null;
  }
  /** `size`: what every symbolic dimension was where the sides differed (null where there is none: the declared sizes). */
  | { readonly kind: 'differ'; readonly size: number | null }
  | { readonly kind: 'not-applicable'; readonly reason: string };

/** What the test needs to know about names. */
export interface IdentityContext {
  readonly scope: Scope;
  /** Function definitions (`define f̂(x) = …`), unfolded at their calls. */
  readonly functions: readonly Define[];
  /** Dimension symbols, which as values (`tr(I_n) = n`) break the padding argument. */
  readonly dimensions: ReadonlySet<string>;
}

/** The analysis's state: common denominators of the linear arguments of exp and of sin/cos/tan, per name. */
interface Analysis extends IdentityContext {
  readonly denominators: Map<string, bigint>;
  /**
   * Each denominator as first recorded: a term's degree is counted with the denominator of
   * its time, which a later term may multiply (exp(x) then exp(x/3)); the total is scaled by
   * the largest such growth (`prepare`).
   */
  readonly firstDenominators: Map<string, bigint>;
}

/** Records the denominator q.d of a substitution symbol's exponent under `key` and returns its term's degree |q|·D. */
function recordDenominator(ctx: Analysis, key: string, q: Rational): number {
  const d = lcm(ctx.denominators.get(key) ?? 1n, q.d);
  ctx.denominators.set(key, d);
  if (!ctx.firstDenominators.has(key)) ctx.firstDenominators.set(key, d);
  // (In whole numbers first: a coefficient 10^(−400) made Number(d)/Number(q.d) Infinity/Infinity, NaN.)
  return Number(((q.n < 0n ? -q.n : q.n) * d) / q.d);
}

/**
 * Why the test does not apply; thrown and caught within this file only. Not an Error: no
 * stack trace is captured (the analysis throws it for most non-rational candidates, and
 * capturing the stack was 2% of the warm homework's checking).
 */
class NotApplicable {
  constructor(readonly message: string) {}
}

/** exp, sin, cos, tan, tanh of an argument linear in the names: rational by substitution. */
const TRANSCENDENTAL: ReadonlySet<string> = new Set(['exp', 'sin', 'cos', 'tan', 'tanh']);
/** Elementary functions the test treats as unknown functions of their (scalar) argument otherwise. */
const ORACLES: ReadonlySet<string> = new Set(['exp', 'log', 'ln', 'sin', 'cos', 'tan', 'tanh']);
const ORACLE_MARK = '⟨oracle⟩';

/** The expression with the given transcendental calls renamed, so the host treats them as oracles. */
function withOracles(e: Expr, calls: ReadonlySet<Expr>): Expr {
  if (e.kind === 'Call' && calls.has(e)) {
    return { ...e, fn: { ...e.fn, base: `${ORACLE_MARK}${e.fn.base === 'ln' ? 'log' : e.fn.base}` }, args: e.args.map((x) => withOracles(x, calls)) };
  }
  if (e.kind === 'Deriv' || e.kind === 'Grad' || e.kind === 'Limit') return e;
  return mapChildren(e, (child) => withOracles(child, calls));
}

/** Calls of unknown functions met while bounding the degree (each a random oracle). */
interface Calls {
  count: number;
  argDegree: number;
  transcendental: boolean;
  readonly oracles: Set<Expr>;
  inverse?: boolean;
  /** Square roots met (√u is a symbol s with s² = u), and the product of max(2, deg u) over them. */
  radicals: number;
  radicalDegree: number;
}

/** Degrees of a rational expression: `total` bounds numerator + denominator degree, `nc` the number of matrix factors in a word. */
interface Degree { readonly total: number; readonly nc: number }

const ZERO: Degree = { total: 0, nc: 0 };

/** A conservative degree bound (numerator + denominator) of an expression as a rational function. */
function degreeOf(e: Expr, ctx: Analysis, calls: Calls, bound: ReadonlySet<string>): Degree {
  const rec = (x: Expr): Degree => degreeOf(x, ctx, calls, bound);
  const sum = (a: Degree, b: Degree): Degree => ({ total: a.total + b.total, nc: Math.max(a.nc, b.nc) });
  const prod = (a: Degree, b: Degree): Degree => ({ total: a.total + b.total, nc: a.nc + b.nc });
  switch (e.kind) {
    case 'Num': return ZERO;
    case 'Const':
      if (e.name === 'I') return ZERO;
      if (e.name === 'inf') throw new NotApplicable('∞ is not a value');
      // π and e: each an indeterminate of its own (a random residue per point, ModularPoint).
      // Both are transcendental, so a rational function of them and the names that vanishes at
      // π (or e) for all values of the names vanishes as a formal one: agreement proves the step.
      // A difference says nothing (e is exp(1), and sin(π) is 0), as with oracles.
      calls.transcendental = true;
      // (e is exp(1): its symbol's, of degree that symbol's denominator, ModularPoint.field.)
      if (e.name === 'e') return { total: Math.max(1, recordDenominator(ctx, 'exp|1', Rational.ONE)), nc: 0 };
      return { total: 1, nc: 0 };
    case 'Var': {
      const key = printName(e.name);
      if (bound.has(key)) return ZERO;
      if (ctx.dimensions.has(key)) throw new NotApplicable('a dimension used as a value');
      const found = ctx.scope.lookup(e.name);
      if (found?.info.tags.has('orthogonal')) throw new NotApplicable('orthogonal matrices are not sampled modulo a prime');
      return { total: 1, nc: e.shape?.kind === 'matrix' ? 1 : 0 };
    }
    case 'Neg': case 'Transpose': return rec(e.arg);
    case 'Binary': {
      if (e.op === '^' && (e.left.kind === 'Norm' || e.left.kind === 'Abs')) {
        // ‖x‖^(2j) = (xᵀx)^j: rational (the norm itself is not, so it is not degreed first).
        const k = constantInteger(e.right);
        if (k === null || k <= 0 || k % 2 !== 0) throw new NotApplicable('an odd power of a norm');
        const inner = rec(e.left.arg);
        return { total: inner.total * k, nc: inner.nc * k };
      }
      if (e.op === '^' && e.left.kind === 'Const' && e.left.name === 'e') return transcendentalDegree('exp', e.right, ctx, bound, calls);
      const a = rec(e.left);
      if (e.op === '^') {
        const k = constantInteger(e.right);
        if (k === null) {
          // 2^(2x), 4^x: a positive rational constant to a power linear in the names.
          const base = constantOf(e.left);
          if (base !== null && base.sign() > 0) {
            // (A difference then says nothing: 2^(1/2) is a symbol here, not √2, and 2^x is not
            // exp(x log 2); the step is left to the other methods, as with oracles.)
            calls.transcendental = true;
            return constantPowerDegree(base, e.right, ctx, bound);
          }
          throw new NotApplicable('a power that is not a fixed whole number');
        }
        const mag = Math.abs(k);
        const matrix = e.left.shape?.kind === 'matrix';
        // A matrix inverse is adj/det: degree below (2N − 1)·deg; N is not known yet, so count 2·MAX_N.
        const inv = k < 0 && matrix ? 2 * MAX_N : 1;
        if (k < 0 && matrix) calls.inverse = true;
        return { total: a.total * mag * inv, nc: a.nc * mag * (k < 0 ? 2 : 1) };
      }
      const b = rec(e.right);
      return e.op === '+' || e.op === '-' ? sum(a, b) : prod(a, b);
    }
    case 'Norm': case 'Abs': throw new NotApplicable('a norm or absolute value');
    case 'Factorial': {
      if (constantInteger(e.arg) === null) throw new NotApplicable('a factorial of a variable');
      return ZERO;
    }
    case 'Call': {
      const name = e.fn.base;
      if (e.fn.primes === 0 && !e.fn.hat && e.fn.index === null && isBuiltin(name)) {
        if (ORACLES.has(name) && e.args.length === 1 && e.args[0]!.shape?.kind !== 'matrix') {
          // The logarithm of a rational constant times powers of names: a sum of symbols (logForm).
          if ((name === 'log' || name === 'ln') && logForm(e.args[0]!, bound)) {
            calls.transcendental = true;
            return { total: 1, nc: 0 };
          }
          // Of a linear argument: rational by substitution. Otherwise (the logistic loss,
          // log): an unknown function of its argument (a random oracle), so an identity of
          // the rational structure around them is still proved.
          if (TRANSCENDENTAL.has(name)) {
            try {
              return transcendentalDegree(name as Transcendental, e.args[0]!, ctx, bound, calls);
            } catch (err) {
              if (!(err instanceof NotApplicable)) throw err;
            }
          }
          const arg = rec(e.args[0]!);
          calls.count++;
          calls.argDegree = Math.max(calls.argDegree, arg.total);
          calls.transcendental = true;
          calls.oracles.add(e);
          return { total: 1, nc: 0 };
        }
        if (name === 'diag') return rec(e.args[0]!);
        if (name === 'inv') {
          const a = rec(e.args[0]!);
          if (e.args[0]!.shape?.kind === 'matrix') calls.inverse = true;
          return { total: a.total * 2 * MAX_N, nc: a.nc * 2 };
        }
        if (name === 'sqrt' && e.args.length === 1 && e.args[0]!.shape?.kind !== 'matrix') {
          // √u: a symbol s with s² = u, every sign of it tried at each point (see identityTest).
          const u = rec(e.args[0]!);
          calls.radicals++;
          calls.radicalDegree *= Math.max(2, u.total);
          if (calls.radicals > MAX_RADICALS) throw new NotApplicable(`more than ${MAX_RADICALS} square roots`);
          // (Its radicand's degree in vectors and matrices counts toward the size they are
          // drawn at: √(vᵀv) of a norm, whose identities could hold at n = 2 only.)
          return { total: 1, nc: u.nc };
        }
        throw new NotApplicable(`${name} is not a rational function`);
      }
      const def = ctx.functions.find((d) => d.params && printName(d.target) === printName({ ...e.fn, primes: 0 }));
      if (def) {
        if (e.fn.primes > 0) throw new NotApplicable('the derivative of a defined function');
        // The body with its parameters replaced: at most the body's degree times the arguments'.
        const args = e.args.map(rec);
        const body = degreeOf(def.value, ctx, calls, new Set((def.params ?? []).map((p) => printName(p.name))));
        const argMax = args.reduce((m, d) => Math.max(m, d.total), 1);
        return { total: Math.max(1, body.total) * argMax + body.total, nc: Math.max(1, body.nc) * args.reduce((m, d) => Math.max(m, d.nc), 1) };
      }
      // A declared function: a random oracle. Its output is a fresh variable; two calls
      // whose arguments differ as functions collide with probability ≤ their degree / p.
      const args = e.args.map(rec);
      calls.count++;
      calls.argDegree = Math.max(calls.argDegree, ...args.map((d) => d.total));
      return { total: 1, nc: e.shape?.kind === 'matrix' ? 1 : 0 };
    }
    case 'BigOp': {
      const lo = constantInteger(e.lower);
      const hi = constantInteger(e.upper);
      if (lo === null || hi === null) throw new NotApplicable('a ∑ or ∏ with bounds that are not fixed numbers');
      if (hi - lo > 200) throw new NotApplicable('a ∑ or ∏ with many terms');
      const inner = new Set(bound);
      inner.add(printName(e.index));
      const [radicals, radicalDegree] = [calls.radicals, calls.radicalDegree];
      const body = degreeOf(e.body, ctx, calls, inner);
      const n = Math.max(0, hi - lo + 1);
      // The body's square roots are n of each (√(i x) for i = 1 … n): counted so.
      if (calls.radicals > radicals) {
        calls.radicals = radicals + (calls.radicals - radicals) * n;
        calls.radicalDegree = radicalDegree * (calls.radicalDegree / radicalDegree) ** n;
        if (calls.radicals > MAX_RADICALS) throw new NotApplicable(`more than ${MAX_RADICALS} square roots`);
      }
      return e.op === 'sum' ? { total: body.total * n, nc: body.nc } : { total: body.total * n, nc: body.nc * n };
    }
    case 'Component': return { total: 1, nc: 0 };
    case 'Expect': case 'Deriv': case 'Grad': case 'Limit':
      throw new NotApplicable(`${e.kind === 'Expect' ? 'an expectation' : e.kind === 'Limit' ? 'a limit' : 'a derivative'}`);
  }
}

/**
 * A linear argument `Σ q_v·v + q₀ + q_π·π` (rational q's, scalar free names v), or null.
 * exp and sin/cos/tan of such arguments become rational in new symbols: exp(v/D) = E_v,
 * and cos + i·sin of v/D = (1 + i t_v)/(1 − i t_v) with t_v = tan(v/2D) (the Weierstrass
 * substitution), D the common denominator of v's coefficients. An identity of rational
 * functions in independent symbols holds after substituting these values, so a proof in
 * the symbols is a proof of the original (the converse is not needed).
 * A v may also be a monomial of the names (`x·y`, key `x·y`; up to MAX_MONOMIAL_DEGREE, with
 * at most MAX_MONOMIALS terms): an argument polynomial in the names is linear in its
 * monomials, each then a name of its own (cos(xy) = cos(u) at u = xy: again a substitution,
 * so a proof still proves). The monomials are not independent (x·x is x²), so where one of
 * degree 2 or more is met a difference says nothing (`nonlinear`).
 */
interface LinearForm { readonly coeffs: Map<string, Rational>; readonly constant: Rational; readonly pi: Rational }

/**
 * log|u| for a u that is a nonzero rational constant c times whole powers of scalar names
 * (`2x`, `x³z³`, `x/y`, `z/3`, `-x`): Σ k_v·log|v| + Σ k_p·log p over the names v and the
 * primes p of c, as the multiplicities by key (`v:x`, `p:2`); null for anything else. Where
 * log u has a value, u > 0, so u = |u| = |c|·∏|v|^(k_v) and log u is that sum exactly: with
 * each log|v| and log p a symbol of its own, a side's value wherever it has one is its value
 * in the symbols at log|v|, log p, so an identity in the symbols is one of the sides wherever
 * both have values (the domain rule is sampling's). The symbols are not independent of one
 * another in every case known (log 2 and log 3 are not known to be algebraically
 * independent), so a difference says nothing.
 */
function logForm(e: Expr, bound: ReadonlySet<string>, integers?: ReadonlyMap<string, bigint>): Map<string, bigint> | null {
  const c = constantOf(e);
  if (c) {
    if (c.isZero()) return null;
    const primes = primeExponents(c.sign() < 0 ? c.neg() : c);
    return primes && new Map([...primes].map(([p, k]) => [`p:${p}`, k]));
  }
  const merge = (a: Map<string, bigint>, b: Map<string, bigint>, k: bigint): Map<string, bigint> => {
    const out = new Map(a);
    for (const [v, m] of b) {
      const sum = (out.get(v) ?? 0n) + k * m;
      if (sum === 0n) out.delete(v);
      else out.set(v, sum);
    }
    return out;
  };
  switch (e.kind) {
    case 'Var': {
      const key = printName(e.name);
      const i = integers?.get(key);
      if (i !== undefined) return i === 0n ? null : logForm({ kind: 'Num', value: i.toString(), range: e.range, shape: { kind: 'scalar' } }, bound, integers);
      const name = bound.has(key) || e.shape?.kind === 'matrix' ? null : keyOf(e, bound, integers);
      return name === null ? null : new Map([[`v:${name}`, 1n]]);
    }
    case 'Neg': return logForm(e.arg, bound, integers);
    case 'Binary': {
      if (e.op === '*' || e.op === '/') {
        const a = logForm(e.left, bound, integers);
        const b = a && logForm(e.right, bound, integers);
        return a && b && merge(a, b, e.op === '*' ? 1n : -1n);
      }
      if (e.op === '^') {
        const k = constantOf(e.right);
        if (!k || !k.isInteger() || k.n > 64n || k.n < -64n || k.isZero()) return null;
        const a = logForm(e.left, bound, integers);
        return a && merge(new Map(), a, k.n);
      }
      return null;
    }
    default: return null;
  }
}

/** The highest degree of a monomial in a transcendental's argument, and how many monomials it may have. */
const MAX_MONOMIAL_DEGREE = 4;
const MAX_MONOMIALS = 16;
/** Joins the names of a monomial (sorted: x·y and y·x are one). */
const MONOMIAL = '·';

/** Whether a linear form has a monomial of degree 2 or more among its terms. */
function nonlinear(f: LinearForm): boolean {
  for (const v of f.coeffs.keys()) if (v.includes(MONOMIAL)) return true;
  return false;
}

/** The product of two linear forms in monomials (null past the limits, or with π times a name or π²). */
function productForm(a: LinearForm, b: LinearForm): LinearForm | null {
  if ((!a.pi.isZero() && (b.coeffs.size > 0 || !b.pi.isZero())) || (!b.pi.isZero() && a.coeffs.size > 0)) return null;
  const coeffs = new Map<string, Rational>();
  const add = (v: string, q: Rational): void => { coeffs.set(v, (coeffs.get(v) ?? Rational.ZERO).add(q)); };
  for (const [u, p] of a.coeffs) {
    for (const [v, q] of b.coeffs) {
      const names = [...u.split(MONOMIAL), ...v.split(MONOMIAL)].sort();
      if (names.length > MAX_MONOMIAL_DEGREE) return null;
      add(names.join(MONOMIAL), p.mul(q));
    }
    add(u, p.mul(b.constant));
  }
  for (const [v, q] of b.coeffs) add(v, q.mul(a.constant));
  for (const [v, q] of [...coeffs]) if (q.isZero()) coeffs.delete(v);
  if (coeffs.size > MAX_MONOMIALS) return null;
  return { coeffs, constant: a.constant.mul(b.constant), pi: a.pi.mul(b.constant).add(b.pi.mul(a.constant)) };
}

/** A number written with `+ − × ÷` and whole powers (interpret.ts's `constantValue`). */
const constantOf = constantValue;

function linearForm(e: Expr, bound: ReadonlySet<string>, integers?: ReadonlyMap<string, bigint>): LinearForm | null {
  const c = constantOf(e);
  if (c) return { coeffs: new Map(), constant: c, pi: Rational.ZERO };
  const scale = (f: LinearForm, k: Rational): LinearForm => ({
    coeffs: new Map([...f.coeffs].map(([v, q]) => [v, q.mul(k)])), constant: f.constant.mul(k), pi: f.pi.mul(k),
  });
  switch (e.kind) {
    case 'Const': return e.name === 'pi' ? { coeffs: new Map(), constant: Rational.ZERO, pi: Rational.ONE } : null;
    case 'Var': {
      const key = printName(e.name);
      const i = integers?.get(key);
      if (i !== undefined) return { coeffs: new Map(), constant: new Rational(i), pi: Rational.ZERO };
      if (bound.has(key) || e.shape?.kind === 'matrix') return null;
      const name = keyOf(e, bound, integers);
      return name === null ? null : { coeffs: new Map([[name, Rational.ONE]]), constant: Rational.ZERO, pi: Rational.ZERO };
    }
    case 'Neg': { const a = linearForm(e.arg, bound, integers); return a && scale(a, Rational.ONE.neg()); }
    case 'Binary': {
      if (e.op === '+' || e.op === '-') {
        const a = linearForm(e.left, bound, integers);
        const b = a && linearForm(e.right, bound, integers);
        if (!a || !b) return null;
        const sign = e.op === '+' ? Rational.ONE : Rational.ONE.neg();
        const coeffs = new Map(a.coeffs);
        for (const [v, q] of b.coeffs) coeffs.set(v, (coeffs.get(v) ?? Rational.ZERO).add(q.mul(sign)));
        return { coeffs, constant: a.constant.add(b.constant.mul(sign)), pi: a.pi.add(b.pi.mul(sign)) };
      }
      if (e.op === '*') {
        const k = constantOf(e.left);
        if (k) { const b = linearForm(e.right, bound, integers); return b && scale(b, k); }
        const k2 = constantOf(e.right);
        if (k2) { const a = linearForm(e.left, bound, integers); return a && scale(a, k2); }
        const a = linearForm(e.left, bound, integers);
        const b = a && linearForm(e.right, bound, integers);
        return a && b && productForm(a, b);
      }
      if (e.op === '^') {
        const k = constantOf(e.right);
        if (!k || !k.isInteger() || k.n < 1n || k.n > BigInt(MAX_MONOMIAL_DEGREE)) return null;
        const a = linearForm(e.left, bound, integers);
        let f: LinearForm | null = a;
        for (let i = 1n; i < k.n && f && a; i++) f = productForm(f, a);
        return f;
      }
      if (e.op === '/') {
        const k = constantOf(e.right);
        if (!k || k.isZero()) return null;
        const a = linearForm(e.left, bound, integers);
        return a && scale(a, Rational.ONE.div(k));
      }
      return null;
    }
    default: return null;
  }
}

/**
 * A scalar name's key for a substitution symbol, its subscript with the ∑ indices in scope put
 * in (`a_i` at i = 2 is a_2, as ModularPoint.variable keys it); null where the subscript reads
 * a bound name with no value here (the analysis, where `a_i` in a ∑ stands for every member:
 * one symbol for all of them proved ∑ i sin(a_i) = ∑ (3 − i) sin(a_i)).
 */
function keyOf(v: Var, bound: ReadonlySet<string>, integers?: ReadonlyMap<string, bigint>): string | null {
  let index = v.name.index;
  if (!index) return printName(v.name);
  let free = false;
  visit(index, (x) => {
    if (x.kind === 'Var' && !x.name.index && bound.has(printName(x.name)) && integers?.get(printName(x.name)) === undefined) free = true;
  });
  if (free) return null;
  if (integers && integers.size > 0) {
    index = substitute(index, new Map([...integers].map(([k, n]) => [k, { kind: 'Num', value: String(n), range: v.range } as Expr])));
  }
  return printName({ ...v.name, index: canonicalIndex(index) });
}

const lcm = (a: bigint, b: bigint): bigint => {
  let [x, y] = [a, b];
  while (y !== 0n) [x, y] = [y, x % y];
  return (a / x) * b;
};

/** Records a transcendental call's denominators and bounds its degree (see `linearForm`). */
function transcendentalDegree(fn: Transcendental, arg: Expr, ctx: Analysis, bound: ReadonlySet<string>, calls: Calls): Degree {
  const f = linearForm(arg, bound);
  if (!f) throw new NotApplicable(`${fn} of something that is not linear in the names`);
  if (nonlinear(f)) calls.transcendental = true;
  const family = fn === 'exp' || fn === 'tanh' ? 'exp' : 'trig';
  if (family === 'trig' && !(f.pi.mul(Rational.of(2))).isInteger()) throw new NotApplicable(`${fn} of a multiple of π other than a half`);
  const terms: [string, Rational][] = [...f.coeffs, ['1', f.constant], ...(family === 'exp' ? [['π', f.pi] as [string, Rational]] : [])];
  let total = 0;
  for (const [v, q] of terms) {
    if (q.isZero()) continue;
    total += recordDenominator(ctx, `${family}|${v}`, q);
  }
  if (total > MAX_TRANSCENDENTAL_DEGREE) throw new NotApplicable(`${fn} of an argument with large coefficients`);
  const factor = fn === 'exp' ? 1 : fn === 'tanh' || fn === 'sin' || fn === 'cos' ? 4 : 8;
  return { total: Math.max(1, total * factor), nc: 0 };
}

/**
 * A positive rational constant a to a power linear in the names, a^y = ∏ p^(k_p·y) over the
 * primes p of a (k_p < 0 in the denominator): each p^(q·v) is a substitution symbol P_{p,v}
 * to the power q·D (as exp(y) is E_v's, see ModularPoint.constantPower); the whole part of
 * a constant exponent is exact. Records the denominators and bounds the degree.
 */
function constantPowerDegree(base: Rational, exponent: Expr, ctx: Analysis, bound: ReadonlySet<string>): Degree {
  const primes = primeExponents(base);
  if (!primes) throw new NotApplicable('a power of a constant too large to factor');
  const f = linearForm(exponent, bound);
  if (!f || !f.pi.isZero()) throw new NotApplicable('a power of a constant to an exponent that is not linear in the names');
  let total = 0;
  for (const [p, k] of primes) {
    for (const [v, q] of powerTerms(f, k)) total += recordDenominator(ctx, `pow${p}|${v}`, q);
  }
  if (total > MAX_TRANSCENDENTAL_DEGREE) throw new NotApplicable('a power of a constant with large coefficients');
  return { total: Math.max(1, total), nc: 0 };
}

/** The terms of k·y that substitution symbols carry: each name's coefficient, and the fractional part of the constant (its whole part is exact). */
function powerTerms(f: LinearForm, k: bigint): [string, Rational][] {
  const out: [string, Rational][] = [];
  const kk = new Rational(k);
  for (const [v, q] of f.coeffs) if (!q.isZero()) out.push([v, q.mul(kk)]);
  const c = f.constant.mul(kk);
  const fraction = c.sub(new Rational(c.floor()));
  if (!fraction.isZero()) out.push(['1', fraction]);
  return out;
}

/** The prime factorization of a positive rational (exponents negative in the denominator), or null where a part exceeds 10¹². */
function primeExponents(q: Rational): Map<bigint, bigint> | null {
  const out = new Map<bigint, bigint>();
  for (const [m, sign] of [[q.n, 1n], [q.d, -1n]] as const) {
    if (m > 10n ** 12n) return null;
    let rest = m;
    for (let p = 2n; p * p <= rest; p += p === 2n ? 1n : 2n) {
      while (rest % p === 0n) {
        out.set(p, (out.get(p) ?? 0n) + sign);
        rest /= p;
      }
    }
    if (rest > 1n) out.set(rest, (out.get(rest) ?? 0n) + sign);
  }
  return out;
}

function constantInteger(e: Expr): number | null {
  if (e.kind === 'Num' && /^\d+$/.test(e.value)) return Number(e.value);
  if (e.kind === 'Neg') {
    const a = constantInteger(e.arg);
    return a === null ? null : -a;
  }
  if (e.kind === 'Binary' && (e.op === '+' || e.op === '-' || e.op === '*')) {
    const a = constantInteger(e.left);
    const b = constantInteger(e.right);
    if (a === null || b === null) return null;
    return e.op === '+' ? a + b : e.op === '-' ? a - b : a * b;
  }
  return null;
}

/** A random residue from a seeded generator. */
function residue(rng: Rng): bigint {
  const hi = BigInt(rng.int(0, 2 ** 30 - 1));
  const mid = BigInt(rng.int(0, 2 ** 30 - 1));
  const lo = BigInt(rng.int(0, 3));
  return ((hi << 32n) | (mid << 2n) | lo) % PRIME;
}

/** The modular host: every free name a random residue (or residue matrix), functions random oracles. */
class ModularPoint implements Host<bigint> {
  /** Residues, with π and e indeterminates of this point (see degreeOf). */
  readonly field: Field<bigint> = {
    ...modularField,
    pi: () => this.symbol('π'),
    // (e is exp(1): the symbol of exp's constant term stands for e^(1/D), D that term's common
    // denominator (degreeOf records it for e too), and e is its D-th power, so e^(−1) = 1/e and
    // exp(x − 1) = exp(x)/e hold here as they do in numbers.)
    e: () => modularField.powInt(this.symbol('exp|1'), this.ctx.denominators.get('exp|1') ?? 1n),
  };
  readonly deadline: number;
  private readonly values = new Map<string, Val<bigint>>();

  /** The radicands of the square roots met so far, by value, in the order met (see `root`). */
  readonly radicands: bigint[] = [];

  /** `negative[i]`: the i-th radicand met takes its negative square root (beyond the list: the positive one). */
  constructor(private readonly ctx: Analysis, private readonly rng: Rng, private readonly n: number, private readonly salt: string, deadline: number,
    private readonly negative: readonly boolean[] = []) {
    this.deadline = deadline;
  }

  /**
   * A square root of the radicand, of the sign chosen for it: equal radicands (√(x+1) on both
   * sides) share one, so one evaluation is one choice of sign per square root. No root
   * modulo p (a non-residue): Undefined, and another point is drawn.
   */
  root(u: bigint): bigint {
    let i = this.radicands.indexOf(u);
    if (i < 0) {
      i = this.radicands.length;
      this.radicands.push(u);
    }
    const r = sqrtMod(u);
    if (r === null) throw new Undefined('a square root that does not exist modulo p');
    return this.negative[i] ? modularField.neg(r) : r;
  }

  /** A residue for a substitution symbol (E_v or t_v), drawn once per point. */
  private symbol(key: string): bigint {
    let v = this.symbols.get(key);
    if (v === undefined) {
      v = residue(this.rng);
      this.symbols.set(key, v);
    }
    return v;
  }

  private readonly symbols = new Map<string, bigint>();

  transcendental(fn: Transcendental, arg: Expr, env: Env<bigint>): bigint | undefined {
    const f = linearForm(arg, new Set(env.values.keys()), env.integers);
    if (!f) return undefined;
    const F = modularField;
    const family = fn === 'exp' || fn === 'tanh' ? 'exp' : 'trig';
    const terms: [string, Rational][] = [...f.coeffs, ['1', f.constant], ...(family === 'exp' ? [['π', f.pi] as [string, Rational]] : [])];
    if (family === 'exp') {
      // exp(L) = ∏ E_v^(q_v·D_v); tanh(L) = (exp(2L) − 1)/(exp(2L) + 1).
      const times = fn === 'tanh' ? 2n : 1n;
      let e = 1n;
      for (const [v, q] of terms) {
        if (q.isZero()) continue;
        const d = this.ctx.denominators.get(`exp|${v}`);
        if (d === undefined || (q.n * d) % q.d !== 0n) return undefined;
        e = F.mul(e, F.powInt(this.symbol(`exp|${v}`), times * ((q.n * d) / q.d)));
      }
      return fn === 'exp' ? e : F.div(F.sub(e, 1n), F.add(e, 1n));
    }
    // cos L + i sin L = ∏ z_v^(q_v·D_v) · i^(2q_π), z_v = (1 + i t_v)/(1 − i t_v).
    let z: Complex = [1n, 0n];
    for (const [v, q] of terms) {
      if (q.isZero()) continue;
      const d = this.ctx.denominators.get(`trig|${v}`);
      if (d === undefined || (q.n * d) % q.d !== 0n) return undefined;
      const t = this.symbol(`trig|${v}`);
      const zv = cdiv([1n, t], [1n, F.neg(t)]);
      z = cmul(z, cpow(zv, (q.n * d) / q.d));
    }
    const quarter = f.pi.mul(Rational.of(2));
    if (!quarter.isInteger()) return undefined;
    z = cmul(z, cpow([0n, 1n], quarter.n));
    if (fn === 'cos') return z[0];
    if (fn === 'sin') return z[1];
    return F.div(z[1], z[0]);
  }

  /** log u as Σ k·(the symbol for log|v| or log p) (see logForm). */
  logarithm(arg: Expr, env: Env<bigint>): bigint | undefined {
    const f = logForm(arg, new Set(env.values.keys()), env.integers);
    if (!f) return undefined;
    let sum = 0n;
    for (const [v, k] of f) sum = modularField.add(sum, modularField.mul(this.symbol(`log|${v}`), ((k % PRIME) + PRIME) % PRIME));
    return sum;
  }

  /** a^y = ∏ p^(k_p·y): each name's part a symbol's power, the constant's whole part exact (see constantPowerDegree). */
  constantPower(base: Rational, exponent: Expr, env: Env<bigint>): bigint | undefined {
    const f = linearForm(exponent, new Set(env.values.keys()), env.integers);
    const primes = primeExponents(base);
    if (!f || !primes || !f.pi.isZero()) return undefined;
    const F = modularField;
    let value = 1n;
    for (const [p, k] of primes) {
      const whole = f.constant.mul(new Rational(k)).floor();
      value = F.mul(value, F.powInt(p % PRIME, whole));
      for (const [v, q] of powerTerms(f, k)) {
        const d = this.ctx.denominators.get(`pow${p}|${v}`);
        if (d === undefined || (q.n * d) % q.d !== 0n) return undefined;
        value = F.mul(value, F.powInt(this.symbol(`pow${p}|${v}`), (q.n * d) / q.d));
      }
    }
    return value;
  }

  dim(d: Dim): number {
    return typeof d === 'number' ? d : this.n;
  }

  integer(): bigint {
    throw new Inexact('a symbolic index');
  }

  variable(v: Var, env: Env<bigint>): Val<bigint> {
    // A subscript is kept symbolic (`v_{t-1}` is its own name), with ∑ indices in scope put in.
    let index = v.name.index;
    if (index && env.integers.size > 0) {
      const bound = new Map<string, Expr>([...env.integers].map(([k, n]) => [k, { kind: 'Num', value: String(n), range: v.range } as Expr]));
      index = substitute(index, bound);
    }
    const name = index ? { ...v.name, index: canonicalIndex(index) } : v.name;
    const key = printName(name);
    const known = this.values.get(key);
    if (known !== undefined) return known;
    const found = this.ctx.scope.lookup(v.name);
    const shape = found?.info.shape ?? v.shape;
    let value: Val<bigint>;
    if (shape?.kind === 'matrix') {
      const rows = this.dim(shape.rows);
      const cols = this.dim(shape.cols);
      const tags = found?.info.tags ?? new Set();
      const data = Array.from({ length: rows * cols }, () => residue(this.rng));
      const square = rows === cols;
      if (square && (tags.has('symmetric') || tags.has('positive definite'))) {
        for (let i = 0; i < rows; i++) for (let j = 0; j < i; j++) data[i * cols + j] = data[j * cols + i]!;
      }
      if (square && tags.has('diagonal')) for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) if (i !== j) data[i * cols + j] = 0n;
      value = L.scalarOf(new Mat(rows, cols, data));
    } else {
      value = residue(this.rng);
    }
    this.values.set(key, value);
    return value;
  }

  apply(call: Call, args: Val<bigint>[], _env: Env<bigint>): Val<bigint> {
    const key = printName({ ...call.fn, primes: 0 });
    if (key.startsWith(ORACLE_MARK)) {
      const h = hashString(`${this.salt}|${key}|${args.map((a) => L.entries(a).join(',')).join(';')}`);
      return ((BigInt(h[0]!) << 32n) | BigInt(h[1]!)) % PRIME;
    }
    const def = this.ctx.functions.find((d) => d.params && printName(d.target) === key);
    if (def) {
      if (call.fn.primes > 0) throw new Inexact('the derivative of a defined function');
      return evaluate(def.value, this, { values: new Map((def.params ?? []).map((p, j) => [printName(p.name), args[j]!])), integers: new Map() });
    }
    const info = this.ctx.scope.get(key);
    if (!info?.fn) throw new Unsupported(`'${key}' is not a function here`);
    const oracle = (xs: readonly bigint[], out: number): bigint => {
      const h = hashString(`${this.salt}|${key}|${call.fn.primes}|${out}|${xs.join(',')}`);
      return ((BigInt(h[0]!) << 32n) | BigInt(h[1]!)) % PRIME;
    };
    const a = args[0]!;
    if (info.fn.elementwise) return isMat(a) ? a.map((x) => oracle([x], 0)) : oracle([a], 0);
    const xs = args.flatMap((x) => [...L.entries(x)]);
    // A derivative of a function of a vector (`f'` its gradient, `F'` its Jacobian, `f''`
    // its Hessian) has the shape of its call: an independent oracle of that shape.
    const result = call.fn.primes > 0 && call.shape?.kind === 'matrix' ? call.shape : info.fn.result;
    if (result.kind === 'matrix') {
      if (result.cols !== 1 && call.fn.primes === 0) throw new Inexact('a matrix-valued function');
      const m = this.dim(result.rows);
      const c = this.dim(result.cols);
      // A Hessian (f'' of a scalar f) is symmetric: entries (i, j) and (j, i) are one oracle.
      const symmetric = call.fn.primes === 2 && info.fn.result.kind === 'scalar' && m === c;
      const at = (k: number) => (symmetric ? Math.min(Math.floor(k / c), k % c) * c + Math.max(Math.floor(k / c), k % c) : k);
      return L.scalarOf(new Mat(m, c, Array.from({ length: m * c }, (_, i) => oracle(xs, at(i)))));
    }
    return oracle(xs, 0);
  }
}

/** Both sides analysed for the test: degree, matrix size, oracles in place; or why the test does not apply. */
interface Analysed {
  readonly analysis: Analysis;
  readonly calls: Calls;
  readonly degree: number;
  readonly size: number | null;
  /** Whether the step has a symbolic dimension, which takes `size` (else the declared sizes stand). */
  readonly symbolic: boolean;
  readonly lhs: Expr;
  readonly rhs: Expr;
}

/**
 * Whether a divisor (or a base with a negative power) in `e` has a square root and mentions a
 * name `index` accepts (a sum's index): where such a divisor vanishes (√i − √20 at i = 20) no
 * evaluation shows an exact 0, so a proof through it says nothing about where the sides have values.
 */
export function hasRadicalDivisor(e: Expr, index: (name: string) => boolean): boolean {
  let found = false;
  const suspect = (x: Expr): boolean => {
    let root = false;
    let indexed = false;
    visit(x, (y) => {
      if (isBuiltinCall(y, 'sqrt')) root = true;
      if (y.kind === 'Var' && index(printName(y.name))) indexed = true;
    });
    return root && indexed;
  };
  visit(e, (x) => {
    if (found) return;
    if (x.kind === 'Binary' && x.op === '/' && suspect(x.right)) found = true;
    if (x.kind === 'Binary' && x.op === '^' && (constantValue(x.right)?.sign() ?? 0) < 0 && suspect(x.left)) found = true;
  });
  return found;
}

/** Whether `e` is a call of one of the built-ins `names` on one argument. */
const isBuiltinCall = (e: Expr, ...names: string[]): e is Call =>
  e.kind === 'Call' && names.includes(e.fn.base) && e.fn.primes === 0 && !e.fn.hat && e.fn.index === null && e.args.length === 1;

/** Whether `e` is exp(u) or e^u (the built-in exponential), and then u. */
function exponentOf(e: Expr): Expr | null {
  if (isBuiltinCall(e, 'exp')) return e.args[0]!;
  if (e.kind === 'Binary' && e.op === '^' && e.left.kind === 'Const' && e.left.name === 'e') return e.right;
  return null;
}

/**
 * The sides as the test takes them, each rewrite keeping the value and the domain:
 * - log(exp(u)) (or ln, or log(e^u)) is u, for scalar u: the natural logarithm is the
 *   exponential's inverse on all of ℝ, and both are defined exactly where u is
 *   (exp(log u) = u only for u > 0: not rewritten);
 * - √q of a positive rational constant is (s/d)·√f with f free of the squares found (√8 is
 *   2√2, √(1/2) is √2/2, √4 is 2), so that roots of constants meet as one symbol;
 * - √(e^u) (and √e, √exp(u)) is e^(u/2), for scalar u: both positive, defined where u is, so
 *   √e meets e^(1/2) (the limit (1 + 1/(2T))^T).
 */
function normalized(e: Expr): Expr {
  if (isBuiltinCall(e, 'log', 'ln')) {
    const u = exponentOf(e.args[0]!);
    if (u !== null && u.shape?.kind !== 'matrix') return normalized(u);
  }
  if (isBuiltinCall(e, 'sqrt')) {
    const arg = e.args[0]!;
    const u: Expr | null = arg.kind === 'Const' && arg.name === 'e' ? { kind: 'Num', value: '1', range: arg.range, shape: { kind: 'scalar' } } : exponentOf(arg);
    if (u !== null && u.shape?.kind !== 'matrix') {
      const half: Expr = { kind: 'Binary', op: '/', left: u, right: { kind: 'Num', value: '2', range: e.range, shape: { kind: 'scalar' } }, range: e.range, shape: { kind: 'scalar' } };
      return { kind: 'Binary', op: '^', left: { kind: 'Const', name: 'e', range: e.range, shape: { kind: 'scalar' } }, right: normalized(half), range: e.range, shape: { kind: 'scalar' } };
    }
  }
  if (isBuiltinCall(e, 'sqrt')) {
    const q = constantValue(e.args[0]!);
    if (q !== null && q.sign() > 0) {
      const split = squareFree(q.n * q.d);
      if (split) {
        const num = (v: bigint): Expr => ({ kind: 'Num', value: v.toString(), range: e.range, shape: { kind: 'scalar' } });
        const coefficient: Expr = { kind: 'Binary', op: '/', left: num(split.square), right: num(q.d), range: e.range, shape: { kind: 'scalar' } };
        if (split.rest === 1n) return coefficient;
        return { kind: 'Binary', op: '*', left: coefficient, right: { ...e, args: [num(split.rest)] }, range: e.range, shape: { kind: 'scalar' } };
      }
    }
  }
  // The Euclidean norm of a vector as the root it is, ‖v‖ = √(vᵀv) (LANGUAGE.md: `‖x‖` of a
  // vector is its 2-norm): w = g u/‖u‖ is then rational in u and one square root, and
  // ‖w‖² = g² is proved. (Not under an even power, ‖v‖^(2j) = (vᵀv)^j with no root at all.)
  if (e.kind === 'Binary' && e.op === '^' && e.left.kind === 'Norm' && isVector(e.left.arg) && !e.left.sub) {
    const k = constantInteger(e.right);
    if (k !== null && k > 0 && k % 2 === 0) return { ...e, left: { ...e.left, arg: normalized(e.left.arg) } };
  }
  if (e.kind === 'Norm' && !e.sub && isVector(e.arg)) {
    const v = normalized(e.arg);
    const scalar = { kind: 'scalar' } as const;
    const vv: Expr = { kind: 'Binary', op: '*', left: { kind: 'Transpose', arg: v, range: e.range, shape: { kind: 'matrix', rows: 1, cols: (v.shape as { rows: Dim }).rows } }, right: v, range: e.range, shape: scalar };
    return { kind: 'Call', fn: { base: 'sqrt', hat: false, index: null, primes: 0, range: e.range }, args: [vv], range: e.range, shape: scalar };
  }
  if (e.kind === 'Deriv' || e.kind === 'Grad' || e.kind === 'Limit') return e;
  return mapChildren(e, normalized);
}

/** Whether e is a column vector (n × 1, n not known to be 1). */
function isVector(e: Expr): boolean {
  return e.shape?.kind === 'matrix' && e.shape.cols === 1 && e.shape.rows !== 1;
}

/** n = square² · rest, the squares of primes below 1000 taken out (not a full factorization: any such split is exact); null for n beyond 10^30. */
function squareFree(n: bigint): { square: bigint; rest: bigint } | null {
  if (n <= 0n || n > 10n ** 30n) return null;
  let square = 1n;
  let rest = n;
  for (let p = 2n; p < 1000n && p * p <= rest; p++) {
    while (rest % (p * p) === 0n) {
      rest /= p * p;
      square *= p;
    }
  }
  return { square, rest };
}

/** Coefficients below 2^this cannot be a nonzero multiple of p = 2^61 − 1. */
const COEFFICIENT_BITS = 60;

/**
 * A bound on the coefficients of `e` as (numerator polynomial)/(C · denominator polynomial):
 * `n` bits bound the sum of the absolute values of the numerator's coefficients (its length:
 * L(a + b) ≤ L(a) + L(b), L(ab) ≤ L(a) L(b)), `c` is the exact constant denominator C, and `d`
 * bits bound the denominator polynomial's length. Every atom (a root, exp, sin … and their
 * substitution symbols, a declared function's value) is a name of its own; matrix products
 * add a row's entries (at most MAX_N).
 */
interface Coefficients { readonly n: number; readonly c: bigint; readonly d: number; readonly q?: Rational }

const FLAGGED: Coefficients = { n: Infinity, c: 1n, d: 0 };
const ATOM: Coefficients = { n: 0, c: 1n, d: 0 };
const log2 = (x: bigint): number => (x <= 1n ? 0 : x < 1n << 1000n ? Math.log2(Number(x)) : x.toString(2).length);
const gcd = (a: bigint, b: bigint): bigint => {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};
/** The bound of an exact constant (kept, so that constants combine exactly and once, bottom-up). */
const ofConstant = (q: Rational): Coefficients => ({ n: log2(q.n < 0n ? -q.n : q.n), c: q.d, d: 0, q });

function coefficients(e: Expr, ctx: IdentityContext, depth: number, indices: ReadonlyMap<string, number> = new Map()): Coefficients {
  const rec = (x: Expr): Coefficients => coefficients(x, ctx, depth + 1, indices);
  if (depth > 200) return FLAGGED;
  switch (e.kind) {
    // The index of a ∑/∏ with whole-number bounds: a name as large as its largest bound
    // (∏_{i=1}^{22} i is 22!, not an atom of length 1).
    case 'Var': {
      const bits = e.name.index ? undefined : indices.get(printName(e.name));
      return bits === undefined ? ATOM : { n: bits, c: 1n, d: 0 };
    }
    // n! of a whole number is that number (22! is 70 bits); of anything else, an atom as before.
    case 'Factorial': {
      const k = rec(e.arg).q;
      if (!k || !k.isInteger() || k.sign() < 0) return ATOM;
      if (k.n > 5000n) return FLAGGED;
      let f = 1n;
      for (let i = 2n; i <= k.n; i++) f *= i;
      return ofConstant(new Rational(f));
    }
    case 'Num': {
      const q = constantValue(e);
      return q ? ofConstant(q) : ATOM;
    }
    case 'Neg': {
      const a = rec(e.arg);
      return a.q ? ofConstant(a.q.neg()) : a;
    }
    case 'Transpose': return rec(e.arg);
    case 'Binary': {
      const a = rec(e.left);
      if (e.op === '^') {
        const b = rec(e.right);
        const k = b.q;
        if (!k || !k.isInteger()) return ATOM;
        const m = Math.abs(Number(k.n));
        if (m > 10_000) return FLAGGED;
        if (a.q && !(a.q.isZero() && k.sign() < 0)) {
          // (A constant power past the exact limit, 2^3000 + 1, is flagged like a large exponent.)
          try {
            return ofConstant(a.q.pow(k.n));
          } catch (err) {
            if (err instanceof Inexact) return FLAGGED;
            throw err;
          }
        }
        return k.sign() < 0 ? { n: m * (a.d + log2(a.c)), c: 1n, d: m * a.n } : { n: m * a.n, c: a.c ** BigInt(m), d: m * a.d };
      }
      const b = rec(e.right);
      if (a.q && b.q) {
        if (e.op === '+') return ofConstant(a.q.add(b.q));
        if (e.op === '-') return ofConstant(a.q.sub(b.q));
        if (e.op === '*') return ofConstant(a.q.mul(b.q));
        if (e.op === '/' && !b.q.isZero()) return ofConstant(a.q.div(b.q));
      }
      if (e.op === '+' || e.op === '-') {
        const l = (a.c / gcd(a.c, b.c)) * b.c;
        return { n: Math.max(a.n + log2(l / a.c) + b.d, b.n + log2(l / b.c) + a.d) + 1, c: l, d: a.d + b.d };
      }
      if (e.op === '/') {
        const k = b.q;
        if (k && !k.isZero()) return { n: a.n + log2(k.d), c: a.c * (k.n < 0n ? -k.n : k.n), d: a.d };
        return { n: a.n + b.d + log2(b.c), c: a.c, d: a.d + b.n };
      }
      const rows = e.left.shape?.kind === 'matrix' && e.right.shape?.kind === 'matrix' ? Math.log2(MAX_N) : 0;
      // A constant factor q times N/c: (q.n/g)·N over q.d·c/g, g = gcd(q.n, c) ((10¹²/7)(a − 35/10¹²) is (10¹² a − 35)/7).
      const k = a.q ?? b.q;
      if (k && !k.isZero()) {
        const other = a.q ? b : a;
        const g = gcd(k.n, other.c);
        return { n: log2((k.n < 0n ? -k.n : k.n) / g) + other.n + rows, c: (k.d * other.c) / g, d: other.d };
      }
      return { n: a.n + b.n + rows, c: a.c * b.c, d: a.d + b.d };
    }
    case 'BigOp': {
      const lo = constantInteger(e.lower);
      const hi = constantInteger(e.upper);
      const count = lo === null || hi === null ? 1 : Math.max(1, hi - lo + 1);
      // (Unknown bounds: the index is as large as anything; whole-number ones bound it.)
      const size = lo === null || hi === null ? Infinity : Math.log2(Math.max(Math.abs(lo), Math.abs(hi)) + 1);
      const body = coefficients(e.body, ctx, depth + 1, new Map([...indices, ...bindersOf(e).map((b) => [b, size] as const)]));
      return e.op === 'sum'
        ? { n: body.n + (count - 1) * body.d + Math.log2(count), c: body.c, d: count * body.d }
        : { n: count * body.n, c: body.c ** BigInt(Math.min(count, 1000)), d: count * body.d };
    }
    case 'Call': {
      const def = ctx.functions.find((x) => x.params && printName(x.target) === printName({ ...e.fn, primes: 0 }));
      if (def && e.fn.primes === 0 && (def.params ?? []).length === e.args.length) {
        return rec(substitute(def.value, new Map((def.params ?? []).map((p, i) => [printName(p.name), e.args[i]!]))));
      }
      // The value is an atom (the test's symbols for exp, √, an oracle's value), but it is
      // drawn for its argument's residue (√ of equal radicands, an oracle at equal
      // arguments): an argument whose coefficients may reach p counts as such a side.
      for (const x of e.args) {
        const k = rec(x);
        if (k.n + k.d + 1 >= COEFFICIENT_BITS) return FLAGGED;
      }
      return ATOM;
    }
    default: return ATOM;
  }
}

/** Bits that bound the coefficients of left − right's numerator, its constant denominators cleared. */
function differenceBits(left: Expr, right: Expr, ctx: IdentityContext): number {
  const a = coefficients(left, ctx, 0);
  const b = coefficients(right, ctx, 0);
  const l = (a.c / gcd(a.c, b.c)) * b.c;
  return Math.max(a.n + log2(l / a.c) + b.d, b.n + log2(l / b.c) + a.d) + 1;
}

/** Both sides analysed for the test; `bounded`: refuse coefficients that may reach p (not for constantRatio, whose answer is only a candidate). */
function prepare(rawLeft: Expr, rawRight: Expr, ctx: IdentityContext, bounded = true): Analysed | { readonly reason: string } {
  const left = normalized(rawLeft);
  const right = normalized(rawRight);
  const calls: Calls = { count: 0, argDegree: 0, transcendental: false, oracles: new Set(), radicals: 0, radicalDegree: 1 };
  const analysis: Analysis = { ...ctx, denominators: new Map(), firstDenominators: new Map() };
  let degree: number;
  let nc: number;
  try {
    const a = degreeOf(left, analysis, calls, new Set());
    const b = degreeOf(right, analysis, calls, new Set());
    // (A term counted before a later one multiplied its symbol's denominator is that much
    // higher in degree: exp(x) + exp(x/3) is E³ + E in E = e^(x/3), not E + E.)
    let growth = 1n;
    for (const [key, d] of analysis.denominators) {
      const first = analysis.firstDenominators.get(key) ?? d;
      if (d / first > growth) growth = d / first;
    }
    degree = (a.total + b.total) * Number(growth);
    nc = Math.max(a.nc, b.nc);
  } catch (err) {
    if (err instanceof NotApplicable) return { reason: err.message };
    throw err;
  }
  const dims = symbolicDims([left, right], ctx);
  if (calls.inverse && dims.size > 1) {
    return { reason: 'an inverse among matrices of different sizes (one size for all would make A (AᵀA)⁻¹ Aᵀ the identity)' };
  }
  // Residues see a coefficient that is a multiple of p as 0: (x·2^31·2^30 − x)/10^45 is 0
  // modulo p. Where no coefficient of left − right cleared of denominators can reach p, a
  // polynomial that vanishes modulo p vanishes; elsewhere the test does not apply.
  if (bounded && differenceBits(left, right, ctx) >= COEFFICIENT_BITS) {
    return { reason: 'its coefficients may be as large as the prime the test works modulo' };
  }
  // 2N > nc (Amitsur–Levitzki), at least 2; and, where a component is read at a whole-number
  // index of a symbolically sized vector, past that index: u_1 v_1 + u_2 v_2 is uᵀv at n = 2
  // only, and a test at N = 2 proved u_1 v_1 + u_2 v_2 ≤ 0 from uᵀv = 0 (red team rt73).
  const past = dims.size > 0 ? largestComponentIndex([left, right]) + 1 : 0;
  const size = hasMatrixShape(left) || hasMatrixShape(right) ? Math.max(2, Math.floor(nc / 2) + 1, past) : null;
  if (size !== null && size > MAX_N) return { reason: 'the matrix degree is too high for a small test' };
  const lhs = calls.oracles.size > 0 ? withOracles(left, calls.oracles) : left;
  const rhs = calls.oracles.size > 0 ? withOracles(right, calls.oracles) : right;
  return { analysis, calls, degree, size, symbolic: dims.size > 0, lhs, rhs };
}

/** Runs the identity test on `left = right` (seeded: the same step gives the same points). */
export function identityTest(left: Expr, right: Expr, ctx: IdentityContext, seed: string, deadline: number): IdentityVerdict {
  const prep = prepare(left, right, ctx);
  if ('reason' in prep) return { kind: 'not-applicable', reason: prep.reason };
  const { analysis, calls, degree, size, symbolic, lhs, rhs } = prep;
  // Oracle collisions: any two calls, ≤ argDegree / p each.
  const d = Math.max(1, degree + calls.count * calls.count * Math.max(1, calls.argDegree));
  // With square roots the points lie on the variety s_i² = u_i: a nonzero polynomial of degree d
  // vanishes on at most d·∏ max(2, deg u_i) of its points above a line (Bézout), and a point
  // is kept only where every radicand has a root modulo p (about 2^−m of them): at most
  // 2^(m+1)·d·∏ max(2, deg u_i)/p per point.
  const radicalFactor = calls.radicals > 0 ? calls.radicalDegree * 2 ** (calls.radicals + 1) : 1;
  const perPoint = (d * radicalFactor) / Number(PRIME);
  // (Not `perPoint >= 1e-3`: a NaN degree passed that, and cos(10^(−400)) ≥ 1 was proved at NaN points.)
  if (!(perPoint < 1e-3)) return { kind: 'not-applicable', reason: 'the degree is too high' };
  const k = Math.max(2, Math.ceil(Math.log(MAX_ERROR) / Math.log(perPoint)));
  const rng = new Rng(0, `identity:${seed}`);
  let agreed = 0;
  let undefinedAt = 0;
  const attempts = k + 8 + (calls.radicals > 0 ? 4 << calls.radicals : 0);
  for (let attempt = 0; agreed < k && attempt < attempts; attempt++) {
    if (now() > deadline) return { kind: 'not-applicable', reason: 'the time limit ran out' };
    // Every sign of every square root at this point (a tree of choices: each evaluation
    // branches on the roots it met beyond its prefix), each from the same values. A
    // polynomial identity in the roots as symbols holds on every branch, the principal one
    // (√ ≥ 0) among them; one that holds on some branches only is not proved here.
    const pending: boolean[][] = [[]];
    let branches = 0;
    let undefinedHere = false;
    while (pending.length > 0) {
      const negative = pending.pop()!;
      const pointRng = calls.radicals > 0 ? new Rng(0, `identity:${seed}:${attempt}`) : rng;
      const host = new ModularPoint(analysis, pointRng, size ?? 2, `${seed}#${attempt}`, deadline, negative);
      let l: Val<bigint>;
      let r: Val<bigint>;
      try {
        l = evaluate(lhs, host);
        r = evaluate(rhs, host);
      } catch (err) {
        if (err instanceof Undefined) {
          // A denominator vanished modulo p (probability ≤ D/p), or a radicand has no root: another point.
          undefinedHere = true;
          break;
        }
        if (err instanceof Inexact || err instanceof Unsupported) return { kind: 'not-applicable', reason: err.message };
        throw err;
      }
      // With exp, sin, … as unknown functions a difference says nothing (exp(a + b) = exp(a) exp(b));
      // with square roots, the principal branch may be the one where the sides agree (√(x²) = x for x ≥ 0).
      if (!sameResidues(l, r)) {
        if (calls.transcendental) return { kind: 'not-applicable', reason: 'equal only through properties of exp, log, sin, …' };
        if (calls.radicals > 0) return { kind: 'not-applicable', reason: 'the sides differ for some signs of the square roots' };
        return { kind: 'differ', size: symbolic ? size : null };
      }
      if (++branches > 2 ** MAX_RADICALS) return { kind: 'not-applicable', reason: `more than ${MAX_RADICALS} square roots` };
      for (let j = negative.length; j < host.radicands.length; j++) pending.push([...negative, ...new Array<boolean>(j - negative.length).fill(false), true]);
    }
    if (undefinedHere) {
      undefinedAt++;
      continue;
    }
    agreed++;
  }
  if (agreed < k) return { kind: 'not-applicable', reason: undefinedAt > 0 ? 'a denominator kept vanishing' : 'too few points' };
  return { kind: 'identical', points: k, errorBound: perPoint ** k, degree: d, size: symbolic ? size : null, sizes: size === null ? null : describeSizes([left, right], ctx, size) };
}

/**
 * What the test's vectors and matrices were: the shapes of the names it drew with every
 * symbolic dimension at N, and what N was (`3×3 matrices (n = 3)`; `2×2 matrices` for declared
 * R^{2×2} ones; `3×6 matrices (n = 3)` for R^{n×6}); null when it drew none.
 */
function describeSizes(es: readonly Expr[], ctx: IdentityContext, n: number): string | null {
  const matrices = new Set<string>();
  const vectors = new Set<string>();
  const symbols = new Set<string>();
  const size = (d: Dim): number => {
    if (typeof d === 'number') return d;
    symbols.add(d);
    return n;
  };
  for (const e of es) {
    visit(e, (x) => {
      if (x.kind !== 'Var') return;
      const shape = ctx.scope.lookup(x.name)?.info.shape ?? x.shape;
      if (shape?.kind !== 'matrix') return;
      const [r, c] = [size(shape.rows), size(shape.cols)];
      if (c === 1) vectors.add(`R^${r}`);
      else if (r === 1) vectors.add(`R^${c}`);
      else matrices.add(`${r}×${c}`);
    });
  }
  const parts = [matrices.size > 0 ? `${[...matrices].join(', ')} matrices` : '', vectors.size > 0 ? `vectors in ${[...vectors].join(', ')}` : ''].filter(Boolean);
  if (parts.length === 0) return null;
  return `${parts.join(' and ')}${symbols.size > 0 ? ` (${[...symbols].join(' = ')} = ${n})` : ''}`;
}

/**
 * The constants c with `left = c · right` at random points modulo p, read back as rationals
 * (rational reconstruction: |numerator|, denominator ≤ √(p/2), Wang 1981; or a large
 * numerator or denominator over a small one: `ratiosOf`); none when the test does not apply,
 * `right` vanishes there, the ratio is not constant or nothing fits. Only candidates:
 * `left = c · right` must still pass `identityTest`, and in exact values.
 */
export function constantRatio(left: Expr, right: Expr, ctx: IdentityContext, seed: string, deadline: number): Rational[] {
  const prep = prepare(left, right, ctx, false);
  if ('reason' in prep) return [];
  /** left/right at one random point modulo p, or null. */
  const ratioAt = (salt: string): bigint | null => {
    const [ls, rs] = sidesAt(prep, seed, salt, deadline);
    const i = rs.findIndex((r) => r !== 0n);
    if (i < 0 || ls.length !== rs.length) return null;
    return modularField.div(ls[i]!, rs[i]!);
  };
  try {
    const r = ratioAt('ratio');
    // (A second point shows a ratio that is not constant before any identity test is spent on it.)
    if (r === null || ratioAt('ratio2') !== r) return [];
    return ratiosOf(r);
  } catch (err) {
    if (err instanceof Undefined || err instanceof Inexact || err instanceof Unsupported) return [];
    throw err;
  }
}

/**
 * The constants c with `left − right = c` (scalars) at two random points modulo p, read back
 * as rationals (`ratiosOf`); none when the test does not apply, a side is not a scalar, the
 * difference is not the same at both points or nothing fits. Only candidates: `left = right + c`
 * must still pass `identityTest` (x + 1 > x: left − right is 1 for every x).
 */
export function constantDifference(left: Expr, right: Expr, ctx: IdentityContext, seed: string, deadline: number): Rational[] {
  const prep = prepare(left, right, ctx, false);
  if ('reason' in prep) return [];
  /** left − right at one random point modulo p, or null. */
  const differenceAt = (salt: string): bigint | null => {
    const [ls, rs] = sidesAt(prep, seed, salt, deadline);
    return ls.length === 1 && rs.length === 1 ? modularField.sub(ls[0]!, rs[0]!) : null;
  };
  // (Two points where the sides have values: a radicand with no root modulo p, or a divisor 0
  // there, is another point, up to eight.)
  const values: bigint[] = [];
  for (let attempt = 0; values.length < 2 && attempt < 8; attempt++) {
    try {
      const d = differenceAt(`difference${attempt}`);
      if (d === null) return [];
      values.push(d);
    } catch (err) {
      if (err instanceof Inexact || err instanceof Unsupported) return [];
      if (!(err instanceof Undefined)) throw err;
    }
  }
  return values.length === 2 && values[0] === values[1] ? ratiosOf(values[0]!) : [];
}

/**
 * Both sides' entries at one random point modulo p (`salt` picks the point; the same seed and
 * salt, the same point). Throws what evaluation throws (Undefined: a divisor 0 there).
 */
function sidesAt(prep: Analysed, seed: string, salt: string, deadline: number): [readonly bigint[], readonly bigint[]] {
  const host = new ModularPoint(prep.analysis, new Rng(0, `${salt}:${seed}`), prep.size ?? 2, `${seed}#${salt}`, deadline);
  return [L.entries(evaluate(prep.lhs, host)), L.entries(evaluate(prep.rhs, host))];
}

/**
 * The rationals a residue r may stand for: a small numerator and denominator
 * (`reconstruct`), a large numerator over a small denominator (10¹² x, 10¹²/7 x), the
 * inverse of one (x/10¹²). They are equal modulo p, so the identity test cannot tell them
 * apart: the caller checks each in exact values too.
 */
function ratiosOf(r: bigint): Rational[] {
  // (A reading with both parts below 2^20 is the one meant: another of the same residue
  // would need parts near 2^40.)
  const small = reconstruct(r);
  if (small && (small.n < 0n ? -small.n : small.n) < 1n << 20n && small.d < 1n << 20n) return [small];
  const half = PRIME >> 1n;
  /** n/d with d ≤ 1000 and |n| well below p/2 (so not a wrapped residue). */
  const overSmall = (x: bigint): Rational | null => {
    for (let d = 1n; d <= 1000n; d++) {
      const n = (x * d) % PRIME;
      if (n < half >> 8n) return Rational.reduced(n, d);
      if (PRIME - n < half >> 8n) return Rational.reduced(n - PRIME, d);
    }
    return null;
  };
  const inverse = r === 0n ? null : overSmall(modularField.div(1n, r));
  const out: Rational[] = [];
  for (const q of [small, overSmall(r), inverse && !inverse.isZero() ? Rational.ONE.div(inverse) : null]) {
    if (q && !out.some((o) => o.equals(q))) out.push(q);
  }
  return out;
}

/** The rational n/d ≡ r (mod p) with |n|, d ≤ √(p/2), if there is one (Wang's rational reconstruction). */
function reconstruct(r: bigint): Rational | null {
  const bound = 1n << 30n; // < √(p/2) ≈ 1.07·10⁹ · 1.5
  let [r0, r1] = [PRIME, r];
  let [t0, t1] = [0n, 1n];
  while (r1 > bound) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  if (t1 === 0n || (t1 < 0n ? -t1 : t1) > bound) return null;
  return t1 < 0n ? Rational.reduced(-r1, -t1) : Rational.reduced(r1, t1);
}

/** a + b·i modulo p (p ≡ 3 mod 4, so i² = −1 has no root in F_p and F_p[i] is a field). */
type Complex = readonly [bigint, bigint];

function cmul(a: Complex, b: Complex): Complex {
  const F = modularField;
  return [F.sub(F.mul(a[0], b[0]), F.mul(a[1], b[1])), F.add(F.mul(a[0], b[1]), F.mul(a[1], b[0]))];
}

function cdiv(a: Complex, b: Complex): Complex {
  const F = modularField;
  const norm = F.add(F.mul(b[0], b[0]), F.mul(b[1], b[1]));
  const inv = F.div(1n, norm);
  return cmul(a, [F.mul(b[0], inv), F.neg(F.mul(b[1], inv))]);
}

function cpow(a: Complex, k: bigint): Complex {
  if (k < 0n) return cpow(cdiv([1n, 0n], a), -k);
  let result: Complex = [1n, 0n];
  let base = a;
  for (let e = k; e > 0n; e >>= 1n) {
    if (e & 1n) result = cmul(result, base);
    base = cmul(base, base);
  }
  return result;
}

function sameResidues(a: Val<bigint>, b: Val<bigint>): boolean {
  const xs = L.entries(a);
  let ys = L.entries(b);
  if (xs.length !== ys.length) {
    // A scalar 0 stands for the zero of any shape.
    if (ys.length === 1 && ys[0] === 0n) ys = xs.map(() => 0n);
    else if (xs.length === 1 && xs[0] === 0n) return ys.every((y) => y === 0n);
    else return false;
  }
  return xs.every((x, i) => x === ys[i]);
}

/**
 * The symbolic sizes (`n`, `m`) in the shapes of expressions and of the defined functions
 * they call. The test gives every symbolic size one value N: padding keeps identities
 * without inverses (a smaller matrix embeds in an N×N one), not those with an inverse.
 */
function symbolicDims(es: readonly Expr[], ctx: IdentityContext): Set<string> {
  const out = new Set<string>();
  const seen = new Set<Define>();
  const walk = (e: Expr): void => {
    if (e.shape?.kind === 'matrix') {
      if (typeof e.shape.rows === 'string') out.add(e.shape.rows);
      if (typeof e.shape.cols === 'string') out.add(e.shape.cols);
    }
    if (e.kind === 'Call') {
      const def = ctx.functions.find((d) => d.params && printName(d.target) === printName({ ...e.fn, primes: 0 }));
      if (def && !seen.has(def)) {
        seen.add(def);
        walk(def.value);
      }
    }
    children(e).forEach(walk);
  };
  es.forEach(walk);
  return out;
}

/** The largest whole-number index a component or entry is read at (`u_2`, `A_{13}`: 3), 0 where none is. */
function largestComponentIndex(es: readonly Expr[]): number {
  let most = 0;
  const walk = (e: Expr): void => {
    if (e.kind === 'Component') {
      for (const i of e.indices) if (i.kind === 'Num' && /^\d+$/.test(i.value)) most = Math.max(most, Number(i.value));
    }
    for (const c of children(e)) walk(c);
  };
  for (const e of es) walk(e);
  return most;
}

function hasMatrixShape(e: Expr): boolean {
  return e.shape?.kind === 'matrix' || children(e).some(hasMatrixShape);
}
