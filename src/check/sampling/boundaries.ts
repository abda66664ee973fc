import type { Expr } from '../../ast.js';
import { Decimal } from 'decimal.js';
import { agreementDigitsNow, decimalField, type DecInterval } from '../evaluator/decimal.js';
import { Dual, dualField } from '../evaluator/dual.js';
import { doubleLine, UNSURE } from './double-line.js';
import { Inexact, isMat, type Field, type Val } from '../evaluator/field.js';
import { intervalField, intervalOfDouble, type Interval } from '../evaluator/interval.js';
import { constantValue, groundSign } from '../evaluator/interpret.js';
import { Rational, exactField, gcd } from '../evaluator/rational.js';
import { printExpr } from '../../print.js';
import { exprKey, freeNames, visit } from '../../ast-walk.js';
import type { Rng } from '../rng.js';
import type { Interval as Bounds } from './draw.js';
import type { Evaluation, Point } from './point.js';
import { now } from '../../clock.js';

/**
 * Where the truth of `a op b` can change along one scalar, the others fixed at a point:
 * the roots of f = a − b and its local extrema (LANGUAGE.md §3, "Search, not luck").
 * A polynomial f (exact evaluation works and a fit of low degree reproduces it) gets its
 * real roots isolated exactly: by recursion on derivatives, every real root lies in an
 * interval between consecutive roots of f′ (or beyond Cauchy's bound), where f changes
 * sign; bisection with exact signs narrows it. Anything else gets a scan of a
 * logarithmic grid (both signs, 10⁻⁴ … 10⁹, then far out to 10²⁰⁰) for sign changes of f and of f′ — f′ exact,
 * by dual numbers on double enclosures — each bisected: a root the grid straddles twice
 * shows up as an extremum between them, where f is probed too.
 */

/** A place where f is 0 (or f′, for an extremum): exactly `at`, or somewhere in [lo, hi]. */
export interface Bracket {
  readonly lo: Rational;
  readonly hi: Rational;
  /** The exact root, when it is rational and known. */
  readonly at: Rational | null;
  /** True when f certainly changes sign in [lo, hi] (a root lies there), or for an extremum, f′ does (f turns there). */
  readonly certain: boolean;
}

export interface Boundaries {
  readonly roots: Bracket[];
  readonly extrema: Bracket[];
  /**
   * Where a side is undefined or unbounded: the roots of its denominators, of the cosine
   * under a tan, of the argument of a log or √ (a wrong bound that fails only next to a
   * pole fails there). Probed beside, at 10⁻³ … 10⁻¹² of their size.
   */
  readonly poles: Bracket[];
  /**
   * Where a side's divisor (a singular part) touches 0 without changing sign, a double pole
   * (1 − sin x at π/2 under 1/(1 − sin x)): the turn narrowed to 10⁻⁹⁰ in decimals (or
   * placed to the last double), `at` a short decimal in it. Only probed (probesFrom: there and
   * beside it), never taken for a pole or a root, since it is where the divisor comes nearest
   * 0, not proved to be 0.
   */
  readonly touches?: Bracket[];
  /** Whether f was found to be a polynomial (then every real root was found). */
  readonly polynomial: boolean;
}

const R = (n: number | string): Rational => (typeof n === 'number' ? Rational.of(n) : Rational.parse(n));
const TWO = R(2);
const MAX_DEGREE = 12;

/** f along `key` at `point`, exactly when rational. */
function exactAt(point: Point, key: string, a: Expr, b: Expr, x: Rational): Rational | null {
  try {
    const q = point.replacing(key, x);
    const l = q.evaluate(exactField, a);
    const r = q.evaluate(exactField, b);
    if (isMat(l) || isMat(r)) return null;
    return l.sub(r);
  } catch {
    return null;
  }
}

/** Dual numbers over double enclosures: f and f′ along one scalar. */
const DUAL_INTERVAL = dualField(intervalField);

/**
 * f and f′ from the two sides' dual values (midpoints of enclosures), or null where f is not
 * finite. With `past`, f past the doubles' range (eˣ − e⁷⁰⁰ at 1000) whose enclosure has a
 * certain sign is ±Number.MAX_VALUE, its slope 0: a sign to bracket a root by, not a size;
 * one whose enclosure has none (eˣ − e⁷¹⁰ at 1000) is NaN, for the caller to sign in decimals.
 */
function slopeOf(l: Val<Dual<Interval>>, r: Val<Dual<Interval>>, past = false): { f: number; df: number } | null {
  if (isMat(l) || isMat(r)) return null;
  const mid = (i: Interval) => (i.lo === i.hi ? i.lo : i.lo / 2 + i.hi / 2);
  const f = mid(l.v) - mid(r.v);
  const df = mid(l.d) - mid(r.d);
  if (!Number.isFinite(f)) {
    if (!past) return null;
    const s = certainSign(intervalField.sub(l.v, r.v));
    return { f: s === null ? Number.NaN : s * Number.MAX_VALUE, df: 0 };
  }
  // A slope past the doubles' range (1/x at 10⁻³⁰⁰) still leaves f's sign: f′ counts as 0 there.
  return { f, df: Number.isFinite(df) ? df : 0 };
}

/** f and f′ along `key` as doubles (midpoints of enclosures: estimates that steer the search, never decide). */
function dualAt(point: Point, key: string, a: Expr, b: Expr, x: number, past = false): { f: number; df: number } | null {
  try {
    const F = DUAL_INTERVAL;
    const q = point.replacing(key, Rational.ofDouble(x));
    q.seed = { key, field: F, value: (v: Dual<Interval>) => new Dual(v.v, intervalField.one) };
    return slopeOf(q.evaluate(F, a) as Val<Dual<Interval>>, q.evaluate(F, b) as Val<Dual<Interval>>, past);
  } catch {
    return null;
  }
}

/** Whether evaluating e may read a point's values other than through its evaluation's host (derivatives, expectations, limits). */
function readsPointItself(e: Expr): boolean {
  let hit = false;
  visit(e, (x) => {
    if (x.kind === 'Deriv' || x.kind === 'Grad' || x.kind === 'Expect' || x.kind === 'Limit') hit = true;
  });
  return hit;
}

/** Whether a step's sides, a definition or an assumption's substitution read a derivative, an expectation or a limit. */
function readsPointAnywhere(point: Point, a: Expr, b: Expr): boolean {
  const ctx = point.prep.ctx;
  return [a, b, ...ctx.defs.map((d) => d.value), ...point.prep.rules.map((r) => r.rhs)].some(readsPointItself);
}

/**
 * a and b over dual numbers along one scalar, for many of its values in turn, as one
 * function: one evaluation of a copy of the point, the scalar seeded with each value (and
 * slope 1), the other names' values kept between calls (only what was computed from the
 * scalar is computed again: Evaluation.forget). The search along a scalar evaluates f at
 * hundreds of places (a grid, then bisection), and a fresh copy of the point at each cost ~3×
 * the arithmetic. Null where a side, a definition or an assumption's substitution reads a
 * derivative, an expectation or a limit, whose evaluation reads the point's own value of the
 * scalar: then a fresh copy at each value (dualAt, decimalDualAt).
 */
function dualLine<S>(point: Point, key: string, a: Expr, b: Expr, F: Field<Dual<S>>, one: S):
  ((x: S, exact: () => Rational) => [Val<Dual<S>>, Val<Dual<S>>]) | null {
  if (readsPointAnywhere(point, a, b)) return null;
  const seeds = new Map<string, Val<Dual<S>>>();
  let ev: Evaluation<Dual<S>> | null = null;
  let exact: () => Rational = () => Rational.ZERO;
  return (x, exactly) => {
    ev ??= point.replacing(key, Rational.ZERO).lineEvaluation(F, key, seeds);
    ev.forget(key);
    exact = exactly;
    ev.exactSeed ??= { key, value: () => exact() };
    seeds.set(key, new Dual(x, one));
    return [ev.evaluate(a), ev.evaluate(b)];
  };
}

/** dualAt for many x along one scalar, as one function (dualLine). */
function alongLine(point: Point, key: string, a: Expr, b: Expr,
  /** f past the doubles' range as its certain sign (slopeOf): for the roots' scan. */
  past = false): (x: number) => { f: number; df: number } | null {
  // (In plain doubles where the sides are built of free scalars and elementary functions: a
  // twentieth of the cost, and the grid and bisections of the pole search were a seventh of
  // the identity table's checking.)
  // (Where doubles may see it otherwise than the enclosures' midpoints, near 0, the enclosures.)
  const doubles = doubleLine(point, key, a, b);
  const enclosed = enclosedAlongLine(point, key, a, b, past);
  if (!doubles) return enclosed;
  return (x) => {
    const v = doubles(x);
    return v === UNSURE ? enclosed(x) : v;
  };
}

/** alongLine in dual-interval enclosures (their midpoints). */
function enclosedAlongLine(point: Point, key: string, a: Expr, b: Expr, past = false): (x: number) => { f: number; df: number } | null {
  let line: ReturnType<typeof dualLine<Interval>> | undefined;
  return (x) => {
    if (line === undefined) line = dualLine(point, key, a, b, DUAL_INTERVAL, intervalField.one);
    if (!line) return dualAt(point, key, a, b, x, past);
    try {
      const [l, r] = line(intervalOfDouble(x), () => Rational.ofDouble(x));
      return slopeOf(l, r, past);
    } catch {
      return null;
    }
  };
}

/**
 * f as a double enclosure along `key`: at the rational x, or over all of [x, hi] when hi is
 * given (then a value means f is defined, so continuous, on the whole interval). Null when
 * it cannot be evaluated there.
 */
function intervalAt(point: Point, key: string, a: Expr, b: Expr, x: Rational, hi?: Rational): Interval | null {
  return differenceAt(intervalField, point, key, a, b, x, hi);
}

/** a − b along `key` in the field F: at the rational x, or over all of [x, hi] when hi is given; null where undefined. */
function differenceAt<S>(F: Field<S>, point: Point, key: string, a: Expr, b: Expr, x: Rational, hi?: Rational): S | null {
  try {
    const q = point.replacing(key, hi ? x.add(hi).div(TWO) : x);
    if (hi) q.enclosures.set(key, [x, hi]);
    const l = q.evaluate(F, a);
    const r = q.evaluate(F, b);
    if (isMat(l) || isMat(r)) return null;
    return F.sub(l as S, r as S);
  } catch {
    return null;
  }
}

/**
 * Whether a − b certainly changes sign across [lo, hi] along `key` and is continuous there:
 * certain opposite signs at both ends and an enclosure over all of it (60-digit decimals).
 * What a printed bracket of a root must meet (the intermediate value theorem's premises).
 */
export function crossesOn(point: Point, key: string, a: Expr, b: Expr, lo: Rational, hi: Rational): boolean {
  const D = decimalField(60);
  const u = nonzeroSignIn(D, point, key, a, b, lo);
  const v = nonzeroSignIn(D, point, key, a, b, hi);
  return u !== null && v !== null && u !== v && differenceAt(D, point, key, a, b, lo, hi) !== null;
}

/** The sign a − b certainly has at the rational x along `key` in 60-digit decimals, or null where it may be 0 or has no value (far past the doubles: 10^1000). */
export function signIn60(point: Point, key: string, a: Expr, b: Expr, x: Rational): -1 | 1 | null {
  return nonzeroSignIn(decimalField(60), point, key, a, b, x);
}

/** The sign a − b certainly has at the rational x along `key` in the decimal field D, or null where it may be 0 or has no value. */
function nonzeroSignIn(D: Field<DecInterval>, point: Point, key: string, a: Expr, b: Expr, x: Rational): -1 | 1 | null {
  const v = differenceAt(D, point, key, a, b, x);
  const sg = v ? D.sign(v) : null;
  return sg === 1 || sg === -1 ? sg : null;
}

/** The sign f′ certainly has at the rational x along `key` (from interval dual numbers), or null. */
function derivativeSignAt(point: Point, key: string, a: Expr, b: Expr, x: Rational): -1 | 1 | null {
  try {
    const F = dualField(intervalField);
    const q = point.replacing(key, x);
    q.seed = { key, field: F, value: (v: Dual<Interval>) => new Dual(v.v, intervalField.one) };
    const l = q.evaluate(F, a) as Val<Dual<Interval>>;
    const r = q.evaluate(F, b) as Val<Dual<Interval>>;
    if (isMat(l) || isMat(r)) return null;
    return certainSign(intervalField.sub(l.d, r.d));
  } catch {
    return null;
  }
}

/** The sign f certainly has (−1, 0 only when exactly 0, 1), or null when its enclosure holds 0. */
/** The sign every value of an enclosure has, or null (it holds 0, or there is none). */
export function certainSign(i: Interval | null): -1 | 1 | null {
  if (!i) return null;
  return i.lo > 0 ? 1 : i.hi < 0 ? -1 : null;
}

const ZERO: Expr = { kind: 'Num', value: '0', range: [0, 0], shape: { kind: 'scalar' } };

/**
 * Where the expressions may stop having a value along one scalar: the roots of their
 * divisors, of the arguments of √ and log, … (singularParts), as points (a bracket's middle).
 */
export function domainCuts(point: Point, key: string, exprs: readonly Expr[], deadline: number): Rational[] {
  const out: Rational[] = [];
  for (const e of exprs) {
    for (const g of singularParts(e)) {
      if (now() > deadline) return out;
      for (const r of rootsAndExtrema(point, key, g, ZERO, deadline).roots) out.push(r.at ?? r.lo.add(r.hi).div(TWO));
    }
  }
  return out.sort((p, q) => p.cmp(q)).filter((x, i, xs) => i === 0 || !x.equals(xs[i - 1]!));
}

/**
 * The scalar expressions whose zeros make a side undefined or unbounded: divisors, bases
 * of negative or fractional powers, cos(u) under tan(u), the argument of log and √, det(M)
 * of a matrix inverse (M⁻¹, inv(M)), the exponent of 0 to a varying power (0⁰ = 1). With `polesOnly`, those whose zeros leave it without a
 * value (not √'s argument or a fractional power's base: √0 = 0). g^k counts as g.
 */
export function singularParts(e: Expr, polesOnly = false,
  /** Filled with the texts of parts reached only through an even power or |·| (log(x²): x), which never go negative there. */
  signless?: Set<string>,
  /**
   * Filled with the texts of parts whose sign decides whether the side has a value: the
   * argument of log, of √ and the base of a fractional power, once at least (log x: x;
   * 1/√x: x; not 1/x or tan x, undefined only at the zero itself, nor √(x²)).
   */
  sensitive?: Set<string>): Expr[] {
  const out = new Map<string, Expr>();
  const signed = new Set<string>();
  const add = (x: Expr, signMatters = false) => {
    // g^k has g's zeros (cos(x)² is cos(x) here), and so do √g, g^(1/3), |g| (√(1 − 3x) is 0
    // at the edge of its domain, where it neither changes sign nor turns). Of the operations
    // stripped, the innermost that reads a sign says what g's sign does: an even power or |·|
    // leaves it no say, √ or a fractional power none of a value below 0.
    let even = false;
    for (;;) {
      const k = x.kind === 'Binary' && x.op === '^' ? constantValue(x.right) : null;
      if (k && k.sign() > 0) {
        if (k.isInteger() && k.n % 2n === 0n) [even, signMatters] = [true, false];
        else if (!k.isInteger()) [even, signMatters] = [false, true];
        x = (x as Expr & { kind: 'Binary' }).left;
      } else if (x.kind === 'Call' && x.fn.base === 'sqrt' && x.args.length === 1 && x.fn.primes === 0) {
        [even, signMatters] = [false, true];
        x = x.args[0]!;
      } else if (x.kind === 'Abs') {
        [even, signMatters] = [true, false];
        x = x.arg;
      } else break;
    }
    if (x.shape?.kind === 'matrix' || x.kind === 'Num') return;
    const text = printExpr(x);
    out.set(text, x);
    if (!even) signed.add(text);
    if (signMatters) sensitive?.add(text);
    if (signless) {
      if (signed.has(text)) signless.delete(text);
      else signless.add(text);
    }
  };
  visit(e, (x) => {
    if (x.kind === 'Binary' && x.op === '/') add(x.right);
    if (x.kind === 'Binary' && x.op === '^') {
      const k = constantValue(x.right);
      if (x.left.shape?.kind === 'matrix') {
        // A matrix to a negative power has no value where it is singular: det(M) = 0 (a pole
        // too: (A − λI)⁻¹ at an eigenvalue λ).
        if (k !== null && k.sign() < 0) add(det(x.left, x.range));
      } else if (k !== null && k.sign() < 0) add(x.left, !k.isInteger());
      // (A constant exponent that is not rational may be negative, cos(π): a pole too. One
      // certainly positive, π − 3, is a fractional power's: 0^(π − 3) = 0, no pole — rt59:
      // (x² − 2)^(π − 3) = (x² − 2)^(π − 2)/(x² − 2) was proved, the part taken as both sides'.)
      else if (k === null && freeNames(x.right).length === 0) {
        if (groundSign(x.right) !== 1) add(x.left, true);
        else if (!polesOnly) add(x.left, true);
      }
      else if (!polesOnly && (k === null || !k.isInteger())) add(x.left, true);
      // 0 to a power that varies: 0 above the exponent's zeros, 1 at them, no value below
      // (0^((x − 1/3)²) = 0 fails at 1/3 only; a red team).
      if (k === null && x.right.shape?.kind !== 'matrix' && constantValue(x.left)?.isZero()) add(x.right, true);
    }
    if (x.kind === 'Call' && x.args.length === 1 && x.fn.primes === 0) {
      const name = x.fn.base;
      if (name === 'inv' && x.args[0]!.shape?.kind === 'matrix') add(det(x.args[0]!, x.range));
      if (name === 'tan') add({ ...x, fn: { ...x.fn, base: 'cos' } });
      if (name === 'log' || name === 'ln' || (name === 'sqrt' && !polesOnly)) add(x.args[0]!, true);
    }
  });
  // (Eight at most: a fifth part, (x² − 2)/(x² − 2) after four others, was never searched — rt57.)
  return [...out.values()].slice(0, MAX_SINGULAR_PARTS);
}

/** How many singular parts of one expression the searches take (in the order written). */
const MAX_SINGULAR_PARTS = 8;

/** det(m), a scalar. */
function det(m: Expr, range: Expr['range']): Expr {
  return { kind: 'Call', fn: { base: 'det', hat: false, index: null, primes: 0, range }, args: [m], range, shape: { kind: 'scalar' } };
}

/**
 * Where g may dip below 0 along `key` between its zeros: the middle of each extremum's
 * bracket and the midpoint of each two neighbouring zeros, the nearest first (a narrow gap
 * of √'s argument, (x − 10⁶)² − 1 on (999999, 1000001), that steps off a zero miss).
 */
export function dipsAlong(point: Point, key: string, g: Expr, deadline: number): Rational[] {
  if (point.isInteger(key)) return [];
  const { roots, extrema } = rootsAndExtrema(point, key, g, ZERO, deadline);
  const mid = (r: Bracket): Rational => r.at ?? r.lo.add(r.hi).div(TWO);
  const zeros = roots.map(mid).sort((u, v) => u.cmp(v));
  const out = [...extrema.map(mid), ...zeros.slice(1).map((z, i) => z.add(zeros[i]!).div(TWO))];
  const size = (x: Rational): Rational => (x.sign() < 0 ? x.neg() : x);
  return out.sort((u, v) => size(u).cmp(size(v))).slice(0, 8);
}

/**
 * What zerosAlong reports of g's touches: `places` where g may touch 0 without changing sign
 * (the four nearest 0 that `keep` keeps: those that may meet the assumptions), and whether g
 * turns anywhere along the scalar keeping its sign (`turns`: a descent across several scalars
 * is worth trying).
 */
export interface Touching { readonly places: number[]; readonly keep?: (x: number) => boolean; turns: boolean }

/**
 * The real zeros of g along `key` where g is a polynomial in it (fitted exactly at rational
 * points), integer names too; empty where it is not one (a recurrence's index, a kink).
 */
export function polynomialZerosAlong(point: Point, key: string, g: Expr): Bracket[] {
  const poly = fitPolynomial(point, key, g, ZERO);
  return poly ? polyRoots(poly) : [];
}

/**
 * How many zeros zerosAlong places (those the assumptions admit first, then the nearest 0;
 * its callers probe four at most, three certain ones), and how many of g's own poles it
 * places to look beside (besidePoles looks beside 16, two are narrowed).
 */
const ZEROS_WANTED = 12;
/** How many zeros a lean zerosAlong places: the four a note's probe looks at. */
const LEAN_ZEROS_WANTED = 4;
const POLES_WANTED = 24;

/**
 * The zeros of g along `key` (brackets, `at` where exact): the ZEROS_WANTED those the
 * assumptions' bounds admit first, then the nearest 0, in that order. With
 * `touching`, the places where g may touch 0 without changing sign are put there too (turns
 * where g is within 10⁻⁶ of 0 in doubles: to be narrowed, and proved, by the caller).
 */
export function zerosAlong(point: Point, key: string, g: Expr, deadline: number, touching?: Touching,
  /**
   * Only the zeros the grid finds, with none sought beside g's own poles: for a part whose
   * zeros can only extend the left side (a note), where a zero missed costs a note, not a verdict.
   */
  lean = false): Bracket[] {
  if (point.isInteger(key)) return [];
  // A periodic g turns several times between the grid's points (1 − cos x at 2π, between 5
  // and 10, where g′ has one sign at both ends): its touches are sought on a uniform grid of
  // half steps around 0 and around the drawn value too.
  // (For √'s and log's arguments too, which have no touching: √(sin 10x) under 0.5 < x < 1.)
  const extra = periodic(g) ? periodicGrid(point, key) : [];
  // (And beside g's own poles: tan x − 1000, a divisor, is 0 at 10⁻³ below π/2, where it
  // turns from −∞ … + back to − across the pole, within one grid cell; red team: `tan x =
  // tan x + 0/(tan x − 1000)` was proved, its right side undefined there.)
  // (Two poles narrowed here, not four: a divisor's own poles are sought for every divisor
  // along every scalar, and the tan addition formula's check took 2× as long with four.)
  const poles = lean ? [] : polesAlong(point, key, [g], deadline, 2, undefined, POLES_WANTED);
  extra.push(...besidePoles(poles));
  // (Over the whole grid: a divisor's zero at 10⁸ is as much a pole as one at 1. With the two
  // beside each turn between grid points: sin 10x has two zeros in (0.5, 1), where it is
  // negative at both ends, and 1 = sin 10x/sin 10x was proved under 0.5 < x < 1.)
  const roots = rootsAndExtrema(point, key, g, ZERO, deadline, extra, { nearest: lean ? LEAN_ZEROS_WANTED : ZEROS_WANTED, narrowPoles: poles.filter(isNarrow), ...(touching ? { touching } : {}) }).roots;
  // Beside each pole of g's own narrowed in decimals, a ladder in decimals from the pole
  // itself, g's continuity over a bracket told in decimals too: tan x − 10¹⁵ is 0 within
  // 10⁻¹⁵ of π/2, where doubles cannot tell tan's sign (second red team: tan x = tan x +
  // 0/(tan x − 10¹⁵) was proved).
  for (const pole of poles) {
    if (now() > deadline) break;
    const found = isNarrow(pole) && crossingBesidePole(point, key, g, ZERO, middle(pole), deadline);
    if (found) roots.push(found);
  }
  // (Those the assumptions admit first: under 1000 < x < 1010, the four probed were cos x + 1/2's
  // zeros nearest 0, outside them, and x + 1 = x + 1 + 0/(cos x + 1/2) was proved.)
  const tier = tierIn(point.prep.intervals.get(key));
  // (Each root's tier and size once, not per comparison: narrowed ends are long rationals.)
  const keys = new Map(roots.map((r) => {
    const c = r.lo.add(r.hi);
    return [r, { tier: tier(r.lo.toNumber(), r.hi.toNumber()), size: c.sign() < 0 ? c.neg() : c }] as const;
  }));
  return roots.sort((u, v) => keys.get(u)!.tier - keys.get(v)!.tier || keys.get(u)!.size.cmp(keys.get(v)!.size));
}

/**
 * Whether a stretch [a, b] of a scalar lies wholly outside its bounds from the assumptions
 * (1) or may meet them (0), with a little slack (an irrational bound is kept a little inside
 * itself, Prepared.intervals).
 */
function tierIn(bounds: Bounds | undefined): (a: number, b: number) => 0 | 1 {
  const slack = (b: Rational): number => (Math.abs(b.toNumber()) + 1) * 1e-9;
  const lo = bounds?.lo ? bounds.lo.toNumber() - slack(bounds.lo) : -Infinity;
  const hi = bounds?.hi ? bounds.hi.toNumber() + slack(bounds.hi) : Infinity;
  return (a, b) => (Math.max(a, b) < lo || Math.min(a, b) > hi ? 1 : 0);
}

/**
 * The turn of g along `key` nearest 0 in value where g keeps its sign (a minimum of |g|: eight
 * turns nearest the drawn value looked at, those `keep` keeps, placed by bisecting g′ in doubles), as the place
 * and |g| there; null where g has none. A step of a descent toward a zero g touches across
 * several scalars at once (2 − sin x − sin y at (π/2, π/2)): estimates that steer, never decide.
 */
export function lowestTurnAlong(point: Point, key: string, g: Expr, deadline: number,
  /** Which turns count (those that may meet the assumptions): all where absent. */
  keep: (x: number) => boolean = () => true,
  /** g's sign where the descent started: a grid point where g has the other one is a place too, with |g| taken as 0. */
  sign?: -1 | 1): { x: number; f: number } | null {
  if (point.isInteger(key)) return null;
  const drawn = point.values.get(key)?.value;
  const x0 = drawn && !isMat(drawn) ? (drawn as Rational).toNumber() : 0;
  const set = new Set(grid(x0));
  if (periodic(g)) for (const x of periodicGrid(point, key)) set.add(x);
  const xs = [...set].sort((u, v) => u - v);
  const f = alongLine(point, key, g, ZERO);
  const vals = xs.map((x) => (now() > deadline ? null : f(x)));
  const cells: number[] = [];
  let best: { x: number; f: number } | null = null;
  for (let i = 0; i + 1 < xs.length; i++) {
    const p = vals[i];
    const q = vals[i + 1];
    // (g′ toward 0 on the left end and away from it on the right: |g| turns in between.)
    if (p && q && p.f !== 0 && Math.sign(p.f) === Math.sign(q.f) && p.df !== 0 && q.df !== 0 && Math.sign(p.df) === -Math.sign(p.f) && Math.sign(q.df) === Math.sign(q.f)) cells.push(i);
    // (A turn on a grid point: (y − 1)² at 1.)
    const before = i > 0 ? vals[i - 1] : null;
    if (p && p.df === 0 && before && q && before.df !== 0 && Math.sign(before.df) === -Math.sign(p.f) && Math.sign(q.df) === Math.sign(p.f) && (!best || Math.abs(p.f) < best.f) && keep(xs[i]!)) best = { x: xs[i]!, f: Math.abs(p.f) };
    // (g 0 on a grid point, as low as |g| goes: x² + (y − 5)² along y at 5 once x is 0, which the
    // sign test above, with g's sign 0 there, passed over; red team: 1 = g/g was proved.)
    if (p && p.f === 0 && (!best || best.f > 0) && keep(xs[i]!)) best = { x: xs[i]!, f: 0 };
  }
  const distance = (i: number) => Math.min(Math.abs(xs[i]! - x0), Math.abs(xs[i + 1]! - x0));
  for (const i of cells.sort((u, v) => distance(u) - distance(v)).slice(0, 8)) {
    if (now() > deadline) break;
    const t = bisectDouble((x) => f(x)?.df ?? null, xs[i]!, xs[i + 1]!, vals[i]!.df);
    const v = t === null ? null : f(t);
    if (t !== null && v && Math.sign(v.f) !== -Math.sign(vals[i]!.f) && (!best || Math.abs(v.f) < best.f) && keep(t)) best = { x: t, f: Math.abs(v.f) };
  }
  // (Past 0: a grid point where g has the other sign than `sign` (g's at the descent's start), the nearest,
  // as low as |g| need go — g crosses 0 along here, where a plain search for its zeros
  // takes over: x² + y² − 10⁻³⁰ along y once x is 0, negative only on |y| < 10⁻¹⁵.)
  if (sign !== undefined && (!best || best.f > 0)) {
    const s0 = sign;
    let other: number | null = null;
    for (let i = 0; i < xs.length; i++) {
      const v = vals[i];
      // (Not only where `keep` keeps: the plain search from there places the zeros, and
      // probes only those that meet the assumptions — under x > 0, x² + y² − 10⁻³⁰ crosses 0
      // along y at x = 0, outside them, and along x at y = 0 at 10⁻¹⁵, inside.)
      if (v && Math.sign(v.f) === -s0 && (other === null || Math.abs(xs[i]! - x0) < Math.abs(other - x0))) other = xs[i]!;
    }
    if (other !== null) best = { x: other, f: 0 };
  }
  return best;
}

/**
 * A sign change of g beside c (a turn or root doubles cannot resolve: cos x − 1 + 10⁻¹⁶, whose
 * zeros 1.5·10⁻⁸ from 0 are below the doubles' noise), as a certain bracket: g's signs in
 * 60-digit decimals at c and at c ± 10⁻ᵏ(1 + |c|), k = 2, 4, …, 40, and the first neighbouring
 * pair with certain opposite signs where g is defined throughout (so continuous). Null where
 * there is none, or where g has c's sign 10⁻² either side (no ladder then).
 */
export function signChangeNear(point: Point, key: string, g: Expr, c: Rational, deadline: number): Bracket | null {
  const D = decimalField(60);
  const scale = Rational.ONE.add(c.sign() < 0 ? c.neg() : c);
  const sign = (x: Rational): -1 | 0 | 1 | null => {
    const v = differenceAt(D, point, key, g, ZERO, x);
    return v ? D.sign(v) : null;
  };
  const s0 = sign(c);
  if (s0 === null) return null;
  // (Cheaply first: the same sign at c and 10⁻² either side, as where exp(x) underflows near
  // −745, is no crossing worth the ladder.)
  const far = [1, -1].map((dir) => sign(c.add(scale.div(Rational.of(100)).mul(Rational.of(dir)))));
  if (s0 !== 0 && far.every((sf) => sf === s0)) return null;
  for (const dir of [1, -1]) {
    let prev = c;
    let sp: -1 | 0 | 1 | null = s0;
    for (let k = 40; k >= 2; k -= 2) {
      if (now() > deadline) return null;
      const x = c.add(scale.div(new Rational(10n ** BigInt(k))).mul(Rational.of(dir)));
      const sx = sign(x);
      if (sx !== null && sx !== 0 && sp !== null && sp !== 0 && sx !== sp) {
        const [lo, hi] = dir > 0 ? [prev, x] : [x, prev];
        if (intervalAt(point, key, g, ZERO, lo, hi)) return { lo, hi, at: null, certain: true };
      }
      if (sx !== null && sx !== 0) {
        prev = x;
        sp = sx;
      }
    }
  }
  return null;
}

/**
 * A sign change of g = a − b on one side of a pole c narrowed in decimals, as a certain bracket: on
 * each side g's signs at c ± 10⁻⁴⁰·s and c ± 10⁻²·s (s = 1 + |c|, 60-digit decimals); where
 * they differ, the ladder c ± 10⁻ᵏ·s (k = 40, 38, …, 2) is bisected to two neighbouring rungs
 * of opposite signs, and the bracket between them is certain where g has a decimal enclosure
 * over all of it (so is continuous there). Null where neither side has one.
 */
function crossingBesidePole(point: Point, key: string, a: Expr, b: Expr, c: Rational, deadline: number): Bracket | null {
  const D = decimalField(60);
  const scale = Rational.ONE.add(c.sign() < 0 ? c.neg() : c);
  const rung = (dir: number, k: number): Rational => c.add(scale.div(new Rational(10n ** BigInt(k))).mul(Rational.of(dir)));
  const sign = (x: Rational): -1 | 1 | null => nonzeroSignIn(D, point, key, a, b, x);
  for (const dir of [1, -1]) {
    if (now() > deadline) return null;
    // (k from near, 40, to far, 2: the signs at both ends, then bisection on k.)
    let [near, far] = [40, 2];
    const sNear = sign(rung(dir, near));
    const sFar = sign(rung(dir, far));
    if (sNear === null || sFar === null || sNear === sFar) continue;
    while (near - far > 2 && now() <= deadline) {
      const mid = far + 2 * Math.floor((near - far) / 4);
      const sm = sign(rung(dir, mid));
      if (sm === null) break;
      if (sm === sNear) near = mid;
      else far = mid;
    }
    if (near - far !== 2) continue;
    const [u, v] = [rung(dir, near), rung(dir, far)];
    const [lo, hi] = dir > 0 ? [u, v] : [v, u];
    if (differenceAt(D, point, key, a, b, lo, hi)) return { lo, hi, at: null, certain: true };
  }
  return null;
}

/** Half steps over ±16 around 0 and around the drawn value (rounded): where a periodic function's turns lie that the log grid steps over. */
function periodicGrid(point: Point, key: string): number[] {
  const drawn = point.values.get(key)?.value;
  const x0 = drawn && !isMat(drawn) ? Math.round((drawn as Rational).toNumber()) : 0;
  const out: number[] = [];
  for (const c of new Set([0, Number.isFinite(x0) ? x0 : 0])) for (let j = -32; j <= 32; j++) out.push(c + j / 2);
  // And 64 steps across bounds narrower than that grid's reach (0.5 < x < 1: 1 + cos 10x touches
  // 0 at 3π/10, between two of its half steps, and 1 = (1 + cos 10x)/(1 + cos 10x) was proved).
  const bounds = point.prep.intervals.get(key);
  const lo = bounds?.lo?.toNumber();
  const hi = bounds?.hi?.toNumber();
  if (lo !== undefined && hi !== undefined && Number.isFinite(lo) && Number.isFinite(hi) && hi > lo && hi - lo < 32) {
    for (let j = 0; j <= ACROSS_BOUNDS; j++) out.push(lo + ((hi - lo) * j) / ACROSS_BOUNDS);
  }
  return out;
}

/** How many steps periodicGrid takes across narrow bounds. */
const ACROSS_BOUNDS = 64;

/** Whether e reads sin, cos or tan: a function that may turn near 0 again and again. */
export function periodic(e: Expr): boolean {
  let hit = false;
  visit(e, (x) => { if (x.kind === 'Call' && !x.fn.index && (x.fn.base === 'sin' || x.fn.base === 'cos' || x.fn.base === 'tan')) hit = true; });
  return hit;
}

/**
 * A turn of g along `key` near x (a double), as a bracket on whose ends g′ certainly has
 * opposite signs (for refineTurn), or null.
 */
export function turnNear(point: Point, key: string, g: Expr, x: number): Bracket | null {
  for (const w of [1e-12, 1e-9, 1e-6]) {
    const d = Math.max(1e-300, Math.abs(x)) * w;
    const lo = Rational.parse((x - d).toPrecision(17));
    const hi = Rational.parse((x + d).toPrecision(17));
    const a = derivativeSignAt(point, key, g, ZERO, lo);
    const b = derivativeSignAt(point, key, g, ZERO, hi);
    if (a !== null && b !== null && a !== b) return { lo, hi, at: null, certain: true };
  }
  return null;
}

/** A polynomial with rational coefficients, lowest degree first. */
type Poly = Rational[];

function evalPoly(p: Poly, x: Rational): Rational {
  let s = Rational.ZERO;
  for (let i = p.length - 1; i >= 0; i--) s = s.mul(x).add(p[i]!);
  return s;
}

/**
 * The sign of p(x), in integers: p's coefficients times the least common multiple of their
 * denominators (c_i), and x = n/d, so that d^deg·p(x) = Σ c_i nⁱ d^(deg−i) (Horner's rule on
 * that sum). No fraction is reduced: bisection's 110-bit midpoints made reducing them (gcd)
 * 95% of isolating the roots of (x⁵ − x − 3)² + 10⁻⁴⁰, 2.5 s.
 */
function polySign(p: Poly, x: Rational): -1 | 0 | 1 {
  return polySignAt(p, x.n, x.d);
}

/** polySign at n/d (d > 0, not necessarily in lowest terms). */
function polySignAt(p: Poly, n: bigint, d: bigint): -1 | 0 | 1 {
  const c = integerCoefficientsOf(p);
  if (c.length === 0) return 0;
  let s = c[c.length - 1]!;
  let dk = 1n;
  for (let i = c.length - 2; i >= 0; i--) {
    dk *= d;
    s = s * n + c[i]! * dk;
  }
  return s > 0n ? 1 : s < 0n ? -1 : 0;
}

/** polySign's integer coefficients, per polynomial. */
const integerCoefficients = new WeakMap<Poly, bigint[]>();

function derivative(p: Poly): Poly {
  return p.slice(1).map((c, i) => c.mul(R(i + 1)));
}

function trim(p: Poly): Poly {
  let n = p.length;
  while (n > 0 && p[n - 1]!.isZero()) n--;
  return p.slice(0, n);
}

/** Fits f along `key` by a polynomial of degree ≤ 12 through exact values, checked at two more points. */
function fitPolynomial(point: Point, key: string, a: Expr, b: Expr): Poly | null {
  // (Divided differences past exact arithmetic's size, 1/(a − b)² along a at a far b: no fit,
  // not an escaped error that left the step unknown.)
  try {
    return fitPolynomialExactly(point, key, a, b);
  } catch (err) {
    if (err instanceof Inexact) return null;
    throw err;
  }
}

/** fitPolynomial's fit; throws Inexact where its numbers grow past exact arithmetic's size. */
function fitPolynomialExactly(point: Point, key: string, a: Expr, b: Expr): Poly | null {
  // |x − 98765| is exact and linear at every fit point below its kink: no fit for a
  // piecewise expression.
  if (piecewise(a) || piecewise(b)) return null;
  const xs: Rational[] = [];
  /** Newton's coefficients c_k = f[x_0 … x_k] so far. */
  const coef: Rational[] = [];
  /** The last point's divided differences: diag[j] = f[x_{i−j} … x_i]. */
  let diag: Rational[] = [];
  for (let i = 0; i <= MAX_DEGREE + 2; i++) {
    const x = R(i - 3);
    const y = exactAt(point, key, a, b, x);
    if (y === null) return null;
    xs.push(x);
    // Newton's divided differences, one new diagonal a point (O(i), where interpolating anew
    // at each point was O(i²) and, on long rationals, most of a symmetric bound's search).
    const next: Rational[] = [y];
    for (let j = 1; j <= i; j++) next.push(next[j - 1]!.sub(diag[j - 1]!).div(x.sub(xs[i - j]!)));
    diag = next;
    coef.push(next[i]!);
    // The fit through the first i − 1 points also passes through the next two exactly when
    // the next two coefficients are 0: stop there.
    if (i >= 2 && coef[i - 1]!.isZero() && coef[i]!.isZero()) {
      const p = newtonToMonomials(coef.slice(0, i - 1), xs);
      // Confirm at a far point too (a wrong fit of a rational function must not pass).
      const far = R('1000.5');
      const yf = exactAt(point, key, a, b, far);
      if (yf !== null && evalPoly(p, far).equals(yf)) return trim(p);
      return null;
    }
  }
  return null;
}

/** Whether an expression has a kink or a switch (|·|, max, min). */
function piecewise(e: Expr): boolean {
  let hit = false;
  visit(e, (x) => {
    if (x.kind === 'Abs' || (x.kind === 'Call' && ['abs', 'max', 'min'].includes(x.fn.base))) hit = true;
  });
  return hit;
}

/** A polynomial in Newton's form (coefficients c_0 … c_{n−1} on nodes x_0 … x_{n−2}) in monomials. */
function newtonToMonomials(coef: readonly Rational[], xs: readonly Rational[]): Poly {
  const n = coef.length;
  let p: Poly = [coef[n - 1]!];
  for (let i = n - 2; i >= 0; i--) {
    const next: Poly = new Array<Rational>(p.length + 1).fill(Rational.ZERO);
    for (let k = 0; k < p.length; k++) {
      next[k + 1] = next[k + 1]!.add(p[k]!);
      next[k] = next[k]!.sub(p[k]!.mul(xs[i]!));
    }
    next[0] = next[0]!.add(coef[i]!);
    p = next;
  }
  return p;
}

/** Cauchy's bound: every real root has |x| ≤ 1 + max |a_i / a_n|. */
function cauchyBound(p: Poly): Rational {
  const lead = p[p.length - 1]!;
  let m = Rational.ZERO;
  for (const c of p.slice(0, -1)) {
    const r = c.div(lead);
    const a = r.sign() < 0 ? r.neg() : r;
    if (a.cmp(m) > 0) m = a;
  }
  // (Rounded up to a power of 2: every bisection midpoint is then a dyadic fraction, and
  // adding two is cheap, where a bound like 1 + 10⁴⁰/3 made each a large reduced fraction.)
  const b = m.add(Rational.ONE);
  let k = BigInt(Math.max(0, b.n.toString(2).length - b.d.toString(2).length));
  while (new Rational(1n << k).cmp(b) < 0) k++;
  return new Rational(1n << k);
}

/** Real roots of a polynomial, each bracketed to ~10⁻³⁰ of its size (exact when rational and found). */
function polyRoots(p: Poly, depth = 0): Bracket[] {
  p = trim(p);
  if (p.length <= 1) return [];
  if (p.length === 2) {
    const x = p[0]!.neg().div(p[1]!);
    return [{ lo: x, hi: x, at: x, certain: true }];
  }
  const bound = cauchyBound(p);
  const crit = depth < MAX_DEGREE ? polyRoots(derivative(p), depth + 1) : [];
  const cuts = [bound.neg(), ...crit.map((c) => c.at ?? c.lo.add(c.hi).div(TWO)), bound];
  const out: Bracket[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    let lo = cuts[i]!;
    let hi = cuts[i + 1]!;
    const flo = polySign(p, lo);
    const fhi = polySign(p, hi);
    if (flo === 0) {
      if (!out.some((r) => r.at?.equals(lo))) out.push({ lo, hi: lo, at: lo, certain: true });
      continue;
    }
    if (fhi === 0) {
      out.push({ lo: hi, hi, at: hi, certain: true });
      continue;
    }
    if (flo === fhi) continue;
    // A rational root n/d of p has d dividing the leading integer coefficient L (the rational
    // root theorem), so L times it is a whole number: halved until it is narrower than 1/L,
    // the bracket holds at most two such places, each tried exactly. So a rational root is
    // found exactly however close another lies (x(x − 10⁻³⁰) = 0 at 10⁻³⁰, not merged with 0).
    const lead = integerCoefficientsOf(p).at(-1)!;
    const L = lead < 0n ? -lead : lead;
    // (At least 110 halvings, ~10⁻³³ of the bound; more only as far as 1/L needs, capped.)
    const halvings = Math.min(MAX_HALVINGS, Math.max(110, hi.sub(lo).n.toString(2).length - hi.sub(lo).d.toString(2).length + L.toString(2).length + 2));
    // (Over one denominator that doubles at each halving: no fraction is reduced until the end.)
    let den = (lo.d / gcd(lo.d, hi.d)) * hi.d;
    let ln = lo.n * (den / lo.d);
    let hn = hi.n * (den / hi.d);
    let exact: Rational | null = null;
    /** Halves the bracket once; true where its middle is the root. */
    const halve = (): boolean => {
      const mn = ln + hn;
      den *= 2n;
      ln *= 2n;
      hn *= 2n;
      const fm = polySignAt(p, mn, den);
      if (fm === 0) {
        ln = hn = mn;
        exact = new Rational(mn, den);
        return true;
      }
      if (fm === flo) ln = mn;
      else hn = mn;
      return false;
    };
    let k = 0;
    for (; k < Math.min(110, halvings); k++) if (halve()) break;
    // Past the first 110 halvings, to narrower than 1/L: Newton steps from the bracket's middle,
    // each kept only where p has opposite signs at the ends of the bracket it gives (then as
    // many halvings as it narrowed by), else a halving. Each step doubles the digits at a simple
    // root, where halving adds one bit per evaluation of p: with the long coordinates of a
    // search's probes L reaches 10¹⁰⁰⁰ and more, and x³ + y³ + z³ ≥ 3xyz spent its whole 2 s
    // time limit here (100,000 evaluations of p with numbers of up to 8,000 bits).
    let newtonAfter = k;
    while (!exact && k < halvings && (hn - ln) * L >= den) {
      if (k >= newtonAfter) {
        const step = newtonBracket(p, ln, hn, den, flo, halvings - k, L);
        if (step) {
          if (step.exact) {
            exact = new Rational(step.lo, step.den);
            [ln, hn, den] = [step.lo, step.lo, step.den];
            break;
          }
          [ln, hn, den] = [step.lo, step.hi, step.den];
          k += step.gained;
          continue;
        }
        // (Newton did not land inside: a few halvings before it is tried again.)
        newtonAfter = k + 4;
      }
      if (halve()) break;
      k++;
    }
    lo = new Rational(ln, den);
    hi = new Rational(hn, den);
    if (!exact) {
      // The whole numbers m with m/L in the bracket (at most two once it is narrower than 1/L).
      const first = floorDiv(ln * L, den);
      for (let m = first; m <= first + 2n && !exact; m++) {
        const c = new Rational(m, L);
        if (c.cmp(lo) >= 0 && c.cmp(hi) <= 0 && polySign(p, c) === 0) exact = c;
      }
    }
    if (!exact) {
      // A rational root with a small denominator, found exactly — only inside the bracket:
      // the nearest short fraction may be a neighbouring root (0 beside x(x − 1/10000)'s
      // root at 1/10000), which lost that root.
      const guess = roundToDenominator(lo.add(hi).div(TWO));
      if (guess && guess.cmp(lo) >= 0 && guess.cmp(hi) <= 0 && polySign(p, guess) === 0) exact = guess;
    }
    out.push({ lo: exact ?? lo, hi: exact ?? hi, at: exact, certain: true });
  }
  return out;
}

/**
 * One Newton step for p's root in (lo/den, hi/den), where p has the sign `flo` at lo: from the
 * middle m, x = m − p(m)/p′(m) in integers (p's integer coefficients c, m = M/D: x = (M·B − A)/(D·B)
 * with A = D^deg·p(m), B = D^(deg−1)·p′(m)), and a bracket around x as wide as Newton's error
 * at a simple root (the square of the old width, 8 bits to spare): the bits of precision
 * about doubled, at most `most` more and no more than a width below 1/L needs. The bracket
 * (over den·2^h), if p has opposite signs at its ends and it lies inside the old one, or the
 * root itself where p is 0 at an end; else null.
 */
function newtonBracket(p: Poly, lo: bigint, hi: bigint, den: bigint, flo: -1 | 1, most: number, L: bigint):
  { lo: bigint; hi: bigint; den: bigint; gained: number; exact: boolean } | null {
  const c = integerCoefficientsOf(p);
  const deg = c.length - 1;
  if (deg < 1) return null;
  const M = lo + hi;
  const D = 2n * den;
  // A = Σ c_i M^i D^(deg−i), B = Σ i c_i M^(i−1) D^(deg−i) (Horner's rule on both).
  let A = c[deg]!;
  let B = BigInt(deg) * c[deg]!;
  let Dk = 1n;
  for (let i = deg - 1; i >= 0; i--) {
    Dk *= D;
    A = A * M + c[i]! * Dk;
    if (i >= 1) B = B * M + BigInt(i) * c[i]! * Dk;
  }
  if (B === 0n) return null;
  const bits = (v: bigint): number => (v < 0n ? -v : v).toString(2).length;
  // Precision in bits: the bracket is 2^(−known) wide; the next one 2^(−target).
  const known = bits(den) - bits(hi - lo);
  const target = Math.min(2 * known - 8, known + most, bits(L) + 2);
  if (target <= known + 1) return null;
  // Over den·2^h, fine enough for a width of 2^(−target); the bracket ±w around x.
  const h = Math.max(0, target - bits(den) + 2);
  const scale = 1n << BigInt(h);
  const den2 = den * scale;
  const w = den2 >> BigInt(target);
  // x·den2 = (M·B − A)·den2/(D·B), rounded down (D·B may be negative: signs moved to the top).
  let num = (M * B - A) * den2;
  let q = D * B;
  if (q < 0n) [num, q] = [-num, -q];
  const x = floorDiv(num, q);
  const xLo = x - w;
  const xHi = x + w + 1n;
  if (xLo < lo * scale || xHi > hi * scale) return null;
  const sLo = polySignAt(p, xLo, den2);
  if (sLo === 0) return { lo: xLo, hi: xLo, den: den2, gained: target - known, exact: true };
  const sHi = polySignAt(p, xHi, den2);
  if (sHi === 0) return { lo: xHi, hi: xHi, den: den2, gained: target - known, exact: true };
  if (sLo !== flo || sHi === flo) return null;
  return { lo: xLo, hi: xHi, den: den2, gained: target - known, exact: false };
}

/** Halvings polyRoots takes at most to isolate a root finer than 1/L (a leading coefficient of 10¹²⁰⁰). */
const MAX_HALVINGS = 4000;

/** ⌊a/b⌋ for b > 0. */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a < 0n && q * b !== a ? q - 1n : q;
}

/** p's coefficients times the least common multiple of their denominators (cached per polynomial). */
function integerCoefficientsOf(p: Poly): bigint[] {
  let c = integerCoefficients.get(p);
  if (!c) {
    const l = p.reduce((m, q) => (m / gcd(m, q.d)) * q.d, 1n);
    c = p.map((q) => (q.n * l) / q.d);
    integerCoefficients.set(p, c);
  }
  return c;
}

/** The nearest fraction with denominator ≤ 1000 (continued fractions), or null. */
function roundToDenominator(x: Rational): Rational | null {
  // (Distances |k/d − x| = |k·x.d − x.n·d|/(d·x.d) compared cross-multiplied: no gcd for each
  // of the 36 candidates, ~9% of the tan addition formula's pole search when each was a Rational.)
  let best: { k: bigint; d: bigint; distance: bigint } | null = null;
  for (const d of ROUND_DENOMINATORS) {
    const t = x.n * d;
    const floor = t >= 0n ? t / x.d : -((-t + x.d - 1n) / x.d);
    for (const k of [floor, floor + 1n]) {
      const u = k * x.d - t;
      const distance = u < 0n ? -u : u;
      if (best === null || distance * best.d < best.distance * d) best = { k, d, distance };
    }
  }
  return best && new Rational(best.k, best.d);
}

/** The denominators roundToDenominator tries. */
const ROUND_DENOMINATORS: readonly bigint[] = [1n, 2n, 3n, 4n, 5n, 6n, 8n, 10n, 12n, 16n, 20n, 25n, 32n, 50n, 64n, 100n, 125n, 1000n];

const absDiff = (a: Rational, b: Rational): Rational => {
  const d = a.sub(b);
  return d.sign() < 0 ? d.neg() : d;
};

/**
 * A certain root's bracket narrowed by bisection on the sign of f = a − b in double
 * enclosures, until its ends agree to about 13 digits: at a geometric middle where its ends
 * differ in size (x² = 2·10¹⁰⁰ bracketed by [0, 2²²⁴], x³ − x = 10⁻⁵⁰ by [−10⁻³⁰, 0]), else at
 * the shortest decimal of its middle third. Where the signs stop being certain, the bracket
 * so far; where the root is not certain, the bracket as it was. For a counterexample's
 * printed place: a bracket's middle 10¹⁷ times the root is no place to name.
 */
export function narrowBracket(point: Point, key: string, a: Expr, b: Expr, r: Bracket, deadline: number): Bracket {
  if (!r.certain || r.at) return r;
  let lo = r.lo;
  let hi = r.hi;
  const sLo = certainSign(intervalAt(point, key, a, b, lo));
  const sHi = certainSign(intervalAt(point, key, a, b, hi));
  if (sLo === null || sHi === null || sLo === sHi) return r;
  const abs = (x: Rational) => (x.sign() < 0 ? x.neg() : x);
  for (let i = 0; i < NARROW_STEPS; i++) {
    if (now() > deadline) break;
    const size = abs(lo).cmp(abs(hi)) > 0 ? abs(lo) : abs(hi);
    if (hi.sub(lo).cmp(size.div(NARROW_WIDTH)) <= 0) break;
    let m: Rational;
    if (lo.sign() === hi.sign() && lo.sign() !== 0 && (abs(hi).cmp(abs(lo).mul(TEN)) > 0 || abs(lo).cmp(abs(hi).mul(TEN)) > 0)) {
      const g = Math.sqrt(lo.toNumber() * hi.toNumber()) * lo.sign();
      m = Number.isFinite(g) && g !== 0 ? shortestIn(Rational.parse(g.toPrecision(3)), Rational.parse(g.toPrecision(3))) : lo.add(hi).div(TWO);
      if (m.cmp(lo) <= 0 || m.cmp(hi) >= 0) m = lo.add(hi).div(TWO);
    } else if (lo.sign() !== hi.sign() && lo.sign() !== 0 && hi.sign() !== 0) {
      m = Rational.ZERO;
    } else {
      const third = hi.sub(lo).div(Rational.of(3));
      m = shortestIn(lo.add(third), hi.sub(third));
      // (From 0 toward a root far smaller than the bracket: the middle third's decimals
      // halve it at best; a tenth of the way in moves faster in size.)
      if (lo.sign() === 0 || hi.sign() === 0) {
        const tenth = lo.sign() === 0 ? hi.div(TEN) : lo.div(TEN);
        const s = certainSign(intervalAt(point, key, a, b, tenth));
        if (s !== null && s !== (lo.sign() === 0 ? sLo : sHi)) m = tenth;
      }
    }
    const s = certainSign(intervalAt(point, key, a, b, m));
    if (s === null) break;
    if (s === sLo) lo = m;
    else hi = m;
  }
  return { lo, hi, at: null, certain: true };
}

/** Bisections narrowBracket takes at most (from 2²²⁴ to 10⁻⁵⁰ in size is about 400 halvings, fewer by geometric middles). */
const NARROW_STEPS = 600;

/** narrowBracket's goal: a bracket this many times narrower than its ends' size. */
const NARROW_WIDTH = Rational.of(10n ** 13n);

const TEN = Rational.of(10);

/** The decimal with the fewest significant digits in [lo, hi] (their middle, rounded; at most 60 digits). */
export function shortestIn(lo: Rational, hi: Rational): Rational {
  if (lo.cmp(hi) > 0) [lo, hi] = [hi, lo];
  if (lo.sign() <= 0 && hi.sign() >= 0) return Rational.ZERO;
  const mid = lo.add(hi).div(TWO);
  const neg = mid.sign() < 0;
  const a = neg ? mid.neg() : mid;
  // 10^e ≤ a < 10^(e+1)
  let e = a.n.toString().length - a.d.toString().length;
  const ten = (k: number) => (k >= 0 ? new Rational(10n ** BigInt(k)) : new Rational(1n, 10n ** BigInt(-k)));
  while (a.cmp(ten(e)) < 0) e--;
  while (a.cmp(ten(e + 1)) >= 0) e++;
  // (In BigInts without a gcd per try: a's nearest multiple of 10^m is r·10^m, r = ⌊a/10^m + 1/2⌋,
  // tested against |x|'s bounds by cross-multiplying; as Rationals, the gcds were a quarter of
  // sin x/cos x = tan x ⇔ cos x ≠ 0's search.)
  const low = neg ? hi.neg() : lo;
  const high = neg ? lo.neg() : hi;
  for (let digits = 1; digits <= 60; digits++) {
    const m = e - digits + 1;
    const scale = 10n ** BigInt(m < 0 ? -m : m);
    const num = m < 0 ? a.n * scale : a.n;
    const den = m < 0 ? a.d : a.d * scale;
    const r = (2n * num + den) / (2n * den);
    // |x| = top/bottom.
    const top = m < 0 ? r : r * scale;
    const bottom = m < 0 ? scale : 1n;
    if (low.n * bottom <= top * low.d && top * high.d <= high.n * bottom) return new Rational(neg ? -top : top, bottom);
  }
  return mid;
}

/**
 * Starting points and grid: the sampled value, 0, ±{1, 2, 5}·10^k for k = −4 … 9, far
 * out to ±10³⁰⁵, near the doubles' end (a bound like x^(1/3) < 10²⁰ fails only past 10⁶⁰,
 * x^(1/1000) < 2 only past 2¹⁰⁰⁰ ≈ 10³⁰¹: a red team's, checked with the grid's end at 10²⁰⁰)
 * and in to ±10⁻³⁰⁰.
 */
function grid(x0: number): number[] {
  // (Not a drawn value past the doubles' range, x > 10⁴⁰⁰: ±∞ is no place to evaluate at, and
  // as a probe it stopped the search with "'Infinity' is not a number".)
  const out = new Set<number>(Number.isFinite(x0) ? [x0, 0] : [0]);
  for (let k = -4; k <= 9; k++) for (const m of [1, 2, 5]) { out.add(m * 10 ** k); out.add(-m * 10 ** k); }
  for (const k of [12, 15, 20, 30, 50, 75, 100, 150, 200, 250, 300, 305]) { out.add(10 ** k); out.add(-(10 ** k)); }
  // And ±10⁻³⁰⁰: a sign change between it and 10⁻⁴ is bisected geometrically, where log x > −50
  // fails (below 2·10⁻²²) or √x > 10⁻²⁰ (below 10⁻⁴⁰).
  out.add(1e-300);
  out.add(-1e-300);
  return [...out].sort((p, q) => p - q);
}

/**
 * A sign change of g between doubles lo and hi (g as a double estimate, glo its value at lo),
 * placed to the last double: the Illinois variant of regula falsi (Dowell & Jarratt 1971),
 * which converges superlinearly at a simple root where bisection takes ~50 steps, with a
 * bisection step whenever the bracket did not halve (a pole g changes sign across, tan x at
 * π/2, or noise), and geometric steps while the ends are far apart in magnitude; within
 * 10⁻¹² of its size, plain bisection to neighbouring doubles, as before (a set where a step
 * fails beside a pole, 1/(x − √5) < 10¹³ on (√5, √5 + 10⁻¹³), is found from that last double).
 */
function bisectDouble(g: (x: number) => number | null, lo: number, hi: number, glo: number): number | null {
  let ghi = g(hi);
  let side = 0;
  let bisect = false;
  let width = Math.abs(hi - lo);
  let steps = 0;
  for (let k = 0; k < 200; k++) {
    // Geometric while the ends are far apart in magnitude (10⁻³⁰⁰ to 10⁻⁴, 10¹⁰⁰ to 10¹⁵⁰).
    const ratio = lo * hi > 0 ? Math.max(lo / hi, hi / lo) : 0;
    let mid: number;
    if (ratio > 1e3) mid = Math.sign(lo) * Math.sqrt(Math.abs(lo)) * Math.sqrt(Math.abs(hi));
    else {
      mid = lo / 2 + hi / 2;
      const close = Math.abs(hi - lo) <= 1e-12 * Math.max(Math.abs(lo), Math.abs(hi));
      if (!bisect && !close && ghi !== null && Number.isFinite(glo) && Number.isFinite(ghi) && Math.sign(ghi) !== Math.sign(glo)) {
        const secant = (lo * ghi - hi * glo) / (ghi - glo);
        if (secant > Math.min(lo, hi) && secant < Math.max(lo, hi)) mid = secant;
      }
    }
    if (mid === lo || mid === hi) return mid;
    const gm = g(mid);
    // Not defined or not decidable at mid (|x − π| has no derivative at π): the place sought.
    if (gm === null || gm === 0) return mid;
    if (Math.sign(gm) === Math.sign(glo)) {
      lo = mid;
      glo = gm;
      // (Illinois: the end kept twice in a row counts half, so the next secant moves it.)
      if (side === -1 && ghi !== null) ghi /= 2;
      side = -1;
    } else {
      hi = mid;
      ghi = gm;
      if (side === 1) glo /= 2;
      side = 1;
    }
    // (Two secant steps that did not halve the bracket between them: the next one halves it.)
    const span = Math.abs(hi - lo);
    if (bisect) [bisect, width, steps] = [false, span, 0];
    else if (++steps === 2) [bisect, width, steps] = [span > width / 2, span, 0];
  }
  return lo / 2 + hi / 2;
}

/**
 * Roots and extrema of `a − b` along one scalar at a point (see the file's comment). An
 * integer index is searched only where `a − b` is a polynomial in it (a sum or product
 * over 10⁹ terms is no probe).
 */
export function boundariesAlong(point: Point, key: string, a: Expr, b: Expr, deadline: number,
  /**
   * The first scan along a scalar, looking closer: on periodicGrid's half steps too where a − b
   * reads a sine, cosine or tangent (two turns of sin x cos x lie between the log grid's 2 and 5,
   * 3π/4 and 5π/4, where its derivative has one sign at both, and sin x cos x > −1/2 under
   * 1 ≤ x ≤ 3 was checked; red team rt84), and closing in on the edges of its domain
   * (rootsAndExtrema's `edges`).
   */
  thorough = false): Boundaries {
  const touched: { t: number; g: Expr }[] = [];
  const poles = polesAlong(point, key, [a, b], deadline, POLES_REFINED, touched);
  const extra = besidePoles(poles);
  if (thorough && !point.isInteger(key) && (periodic(a) || periodic(b))) extra.push(...periodicGrid(point, key));
  const found = rootsAndExtrema(point, key, a, b, deadline, extra, thorough ? { edges: true } : {});
  const extrema = [...found.extrema];
  // A root of a − b closer to a pole than doubles reach: the ladder beside each pole narrowed
  // in decimals, as for a divisor's zero (tan x ≠ 10¹⁶ and 1/(x − √2) ≠ 10²⁰ were checked).
  const roots = [...found.roots];
  for (const pole of poles) {
    if (now() > deadline) break;
    const crossing = isNarrow(pole) && crossingBesidePole(point, key, a, b, middle(pole), deadline);
    if (crossing) roots.push(crossing);
  }
  if (!point.isInteger(key)) {
    // A narrow bump e^{−1000 (x − 3.3)²} underflows to 0 between grid points, hiding its
    // turn: the turns of each exponent's argument are probed too.
    for (const g of [...exponents(a), ...exponents(b)]) {
      if (now() > deadline) break;
      extrema.push(...rootsAndExtrema(point, key, g, ZERO, deadline).extrema);
    }
  }
  // (Seventh red team: 1/(1 − sin x) < 10²⁰ was checked; it fails within 10⁻¹⁰ of π/2. Eighth:
  // √(1 − sin x) > 10⁻²⁰ and 1/(1 − sin x) < 10⁴⁰ fail closer than doubles reach: each touch
  // is narrowed in decimals, as a pole is.)
  const touches = touched.map(({ t, g }) => (now() <= deadline ? narrowTouch(point, key, g, t, deadline) : null) ?? touchPlace(t));
  return { ...found, roots, extrema, poles, touches };
}

/** A touch placed in doubles only: the place itself. */
function touchPlace(t: number): Bracket {
  const x = Rational.parse(t.toPrecision(17));
  return { lo: x, hi: x, at: x, certain: false };
}

/**
 * The turn of g near t (placed to the last double, where g touches 0) narrowed to 10⁻⁹⁰ of its
 * size in 110-digit decimals (refineTurn, from 10⁻¹⁴ of its size on either side, where g′ has
 * certain opposite signs); null where g′ does not change sign there. Only a place to probe.
 */
function narrowTouch(point: Point, key: string, g: Expr, t: number, deadline: number): Bracket | null {
  const x = Rational.parse(t.toPrecision(17));
  const w = Rational.parse((Math.max(1, Math.abs(t)) * 1e-14).toPrecision(3));
  const r = refineTurn(point, key, g, ZERO, { lo: x.sub(w), hi: x.add(w), at: null, certain: true }, deadline);
  // (Its place to probe: the shortest decimal in the bracket, ~90 digits a student can plug
  // in, not the regula falsi's last point, whose digits grew with each step.)
  return r && { lo: r.lo, hi: r.hi, at: r.lo.equals(r.hi) ? r.lo : shortestIn(r.lo, r.hi), certain: false };
}

/**
 * Where the expressions are undefined or unbounded along `key`: the roots of their singular
 * parts (denominators, the cosine under a tan, …). The `refine` nearest 0 of those that are
 * certain are narrowed to ~10⁻⁵⁰ of their size in 60-digit decimals, so that points can be
 * probed closer to the pole than doubles reach (probesFrom): tan x < 10¹⁶ fails only within
 * 10⁻¹⁶ of π/2, where no double lies.
 */
function polesAlong(point: Point, key: string, exprs: readonly Expr[], deadline: number, refine = 0,
  /**
   * Where given, the places where a singular part touches 0 without changing sign (double
   * poles), with the part, are put here: those the assumptions admit, a periodic part's on a
   * grid of half steps around 0 and the drawn value too (1 + cos x under x > 100).
   */
  touched?: { t: number; g: Expr }[],
  /** Only this many poles of each singular part wanted (rootsAndExtrema's `nearest`); all where absent. */
  wanted?: number): Bracket[] {
  const poles: { r: Bracket; g: Expr }[] = [];
  if (point.isInteger(key)) return [];
  const bounds = point.prep.intervals.get(key);
  const admits = (x: number): boolean => !bounds || ((!bounds.lo || x >= bounds.lo.toNumber()) && (!bounds.hi || x <= bounds.hi.toNumber()));
  const memo = polesMemo(point);
  for (const g of exprs.flatMap((e) => singularParts(e))) {
    if (now() > deadline) break;
    const touching: Touching | undefined = touched ? { places: [], keep: admits, turns: false } : undefined;
    const extra = touching && periodic(g) ? periodicGrid(point, key) : [];
    // (A part's roots along a scalar at a point, without touches, are sought once: tan x's
    // cos x is a part of both divisors of the tan addition formula's right side.)
    const memoKey = touching ? null : `roots|${key}|${wanted ?? ''}|${exprKey(g)}`;
    let roots = memoKey === null ? undefined : memo.get(memoKey);
    if (!roots) {
      roots = rootsAndExtrema(point, key, g, ZERO, deadline, extra, { ...(touching ? { touching } : {}), ...(wanted !== undefined ? { nearest: wanted } : {}) }).roots;
      if (memoKey !== null && now() <= deadline) memo.set(memoKey, roots);
    }
    for (const r of roots) poles.push({ r, g });
    for (const t of touching?.places ?? []) touched!.push({ t, g });
  }
  if (refine === 0) return poles.map((p) => p.r);
  // (Those the assumptions admit first: under x > 10, tan x's poles at ±π/2 are no place to
  // probe, and tan x < 10²⁰ was checked. Each bracket's place read once, not per comparison.)
  const order = new Map(poles.map((p) => {
    const at = middle(p.r).toNumber();
    return [p, { outside: admits(at) ? 0 : 1, size: Math.abs(at) }] as const;
  }));
  const nearest = new Set(poles.filter((p) => p.r.certain && !p.r.at).sort((u, v) => order.get(u)!.outside - order.get(v)!.outside || order.get(u)!.size - order.get(v)!.size).slice(0, refine));
  const refined = (p: { r: Bracket; g: Expr }): Bracket => {
    const k = `refined|${key}|${exprKey(p.g)}|${p.r.lo.toString()}|${p.r.hi.toString()}`;
    const known = memo.get(k);
    if (known) return known[0]!;
    const r = refineRoot(point, key, p.g, ZERO, p.r, deadline, { digits: 60, exponent: 50 }) ?? p.r;
    if (now() <= deadline) memo.set(k, [r]);
    return r;
  };
  return poles.map((p) => (nearest.has(p) && now() <= deadline ? refined(p) : p.r));
}

/** polesAlong's results by point (kept while the point is: a search's probes are new points). */
const polesMemos = new WeakMap<Point, Map<string, readonly Bracket[]>>();
function polesMemo(point: Point): Map<string, readonly Bracket[]> {
  let m = polesMemos.get(point);
  if (!m) {
    m = new Map();
    polesMemos.set(point, m);
  }
  return m;
}

/** Brackets' middles and narrowness, kept (a bracket is read-only; its ends narrowed in decimals are long rationals, and the searches ask again). */
const middles = new WeakMap<Bracket, Rational>();
const narrowness = new WeakMap<Bracket, boolean>();

/** A bracket's middle (its exact place where known). */
function middle(r: Bracket): Rational {
  if (r.at) return r.at;
  let m = middles.get(r);
  if (m === undefined) {
    m = r.lo.add(r.hi).div(TWO);
    middles.set(r, m);
  }
  return m;
}

/** Whether a bracket was narrowed in decimals (to 10⁻⁴⁰ of its size or finer: polesAlong), past what doubles place. */
function isNarrow(r: Bracket): boolean {
  let narrow = narrowness.get(r);
  if (narrow === undefined) {
    const m = middle(r);
    narrow = r.hi.sub(r.lo).cmp(Rational.ONE.add(m.sign() < 0 ? m.neg() : m).mul(R('1e-40'))) < 0;
    narrowness.set(r, narrow);
  }
  return narrow;
}

/** How many poles along a scalar boundariesAlong narrows in decimals (the nearest 0). */
const POLES_REFINED = 4;

/**
 * Grid points closing in on each pole from both sides (the 16 nearest 0): a root squeezed
 * against one (tan x = 1000 at 10⁻³ below π/2) lies between grid points otherwise, where f
 * has one sign at both ends of the cell.
 */
function besidePoles(poles: readonly Bracket[]): number[] {
  const centers = poles.map((r) => r.lo.add(r.hi).div(TWO).toNumber()).sort((u, v) => Math.abs(u) - Math.abs(v));
  return centers.slice(0, 16).flatMap((c) => {
    const s = Math.max(1, Math.abs(c));
    return Number.isFinite(c) ? POLE_STEPS.flatMap((k) => [c - s * k, c + s * k]) : [];
  });
}

/** The arguments of exp and of powers of e in an expression (scalar ones). */
function exponents(e: Expr): Expr[] {
  const out = new Map<string, Expr>();
  visit(e, (x) => {
    const arg = x.kind === 'Call' && x.fn.base === 'exp' && x.fn.primes === 0 && x.args.length === 1 ? x.args[0]!
      : x.kind === 'Binary' && x.op === '^' && x.left.kind === 'Const' && x.left.name === 'e' ? x.right : null;
    if (arg && arg.shape?.kind !== 'matrix' && arg.kind !== 'Num') out.set(printExpr(arg), arg);
  });
  return [...out.values()];
}

/** How far from a pole (times its size) the grid looks for roots beside it. */
const POLE_STEPS = [1e-1, 3e-2, 1e-2, 3e-3, 1e-3, 3e-4, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-10, 1e-12, 1e-14, 3e-15, 1e-15, 1e-20, 1e-50, 1e-100, 1e-200, 1e-300];

/** A grid cell's deferred work of placing the roots (and turns) inside it (rootsAndExtrema with `nearest`). */
export interface Cell { readonly lo: number; readonly hi: number; readonly work: () => void }

/**
 * The `n` roots wanted of those found and those the cells may hold: the ones the assumptions'
 * bounds on the scalar admit first, then those nearest 0. Each cell's work is done in that
 * order (a cell wholly outside the bounds after every other), and none once `n` roots come
 * before it: every root a cell holds lies inside it, so a cell that starts past the n-th root
 * (in that order) holds none of the first n. `roots` grows as the work is done.
 * (The tan addition formula's check placed ~60 zeros of each divisor along each scalar, and
 * then probed the four nearest 0: half the identity table's pole search.)
 */
export function rootsWanted(roots: number[], cells: readonly Cell[], n: number, bounds: Bounds | undefined, deadline: number): number[] {
  const tierOf = tierIn(bounds);
  const distance = (a: number, b: number): number => (a <= 0 && b >= 0 ? 0 : Math.min(Math.abs(a), Math.abs(b)));
  const order = (t: number, d: number, u: number, e: number): number => t - u || d - e;
  // (A root's tier is that of the cell it was found in, or of its own place.)
  const tierOfRoot = new Map<number, number>();
  const key = (x: number): [number, number] => [tierOfRoot.get(x) ?? tierOf(x, x), Math.abs(x)];
  const sorted = [...cells].sort((u, v) => order(tierOf(u.lo, u.hi), distance(u.lo, u.hi), tierOf(v.lo, v.hi), distance(v.lo, v.hi)));
  for (const cell of sorted) {
    const t = tierOf(cell.lo, cell.hi);
    const d = distance(cell.lo, cell.hi);
    const before = roots.filter((x) => { const [u, e] = key(x); return order(u, e, t, d) < 0; }).length;
    if (before >= n || now() > deadline) break;
    const count = roots.length;
    cell.work();
    for (const x of roots.slice(count)) tierOfRoot.set(x, t);
  }
  return roots.map((x) => ({ x, k: key(x) })).sort((u, v) => order(u.k[0], u.k[1], v.k[0], v.k[1])).slice(0, n).map((r) => r.x);
}

/** How many places past the doubles one scan of rootsAndExtrema signs in 60-digit decimals (the grid's ~26 past 709, then a bisection's). */
const PAST_SIGNS = 96;

function rootsAndExtrema(
  point: Point, key: string, a: Expr, b: Expr, deadline: number, extra: readonly number[] = [],
  /**
   * `rootsOnly`: no turns sought; `touching`: where f may touch 0 between grid points without
   * changing sign is reported there (the four nearest 0 that `keep` keeps); `nearest`: only
   * that many roots are wanted, and no extrema (see rootsWanted).
   */
  opts: {
    readonly rootsOnly?: boolean; readonly touching?: Touching; readonly nearest?: number;
    /**
     * Poles of f narrowed in decimals (zerosAlong): a sign change found at one of them is the
     * pole's, whose sides crossingBesidePole looks beside in decimals; signChangeNear's ladder
     * is not climbed there again.
     */
    readonly narrowPoles?: readonly Bracket[];
    /** Closing in on a cell's end where f has no value (or an infinite f′) from its other end (boundariesAlong's first scan only: the pole search's zeros cost 7% more of the identity table with it). */
    readonly edges?: boolean;
  } = {},
): Omit<Boundaries, 'poles'> {
  const poly = fitPolynomial(point, key, a, b);
  if (poly) {
    // (A polynomial's touching zeros are its multiple ones: at the zeros of p′ where p is near 0.)
    if (opts.touching) {
      for (const r of polyRoots(derivative(poly))) {
        const m = r.at ?? r.lo.add(r.hi).div(TWO);
        opts.touching.turns = true;
        if (Math.abs(evalPoly(poly, m).toNumber()) < 1e-6) opts.touching.places.push(m.toNumber());
      }
    }
    return { roots: polyRoots(poly), extrema: polyRoots(derivative(poly)), polynomial: true };
  }
  if (point.isInteger(key)) return { roots: [], extrema: [], polynomial: false };
  const drawn = point.values.get(key)?.value;
  const x0 = drawn && !isMat(drawn) ? (drawn as Rational).toNumber() : 1;
  // Values under 10⁻²⁸⁰ are underflow, not signs (exp(−x²) far out): they count as 0.
  // Values past the doubles' range are signs where their enclosure's is certain (slopeOf):
  // eˣ − e⁷⁰⁰ is +∞ in doubles from 709.8 on, and its root at 700 had no bracket (rt240).
  // Where the double enclosure has no sign there (eˣ − e⁷¹⁰ at 1000: both terms past the
  // doubles), 60-digit decimals give it; where they cannot tell it either, f counts as 0 there,
  // a root to probe (eˣ − e¹⁰⁰⁰ at 1000). (At most PAST_SIGNS such places per scan.)
  const passing = alongLine(point, key, a, b, true);
  const D60 = decimalField(60);
  let pastSigns = PAST_SIGNS;
  const along = (x: number): { f: number; df: number } | null => {
    const v = passing(x);
    if (!v || !Number.isNaN(v.f)) return v;
    if (pastSigns-- <= 0) return null;
    const d = differenceAt(D60, point, key, a, b, Rational.ofDouble(x));
    if (d === null) return null;
    const s = D60.sign(d);
    return { f: s === 1 || s === -1 ? s * Number.MAX_VALUE : 0, df: 0 };
  };
  const kinkAtZero = (): { f: number; df: number } | null => {
    const at0 = intervalAt(point, key, a, b, Rational.ZERO);
    const beside = at0 && along(1e-300);
    return at0 && beside && Number.isFinite(at0.lo) && Number.isFinite(at0.hi) ? { f: at0.lo / 2 + at0.hi / 2, df: beside.df } : null;
  };
  const f = (x: number) => {
    // A kink on a grid point (|x − 1| at 1) has no derivative there: f and f′ just beside it;
    // at 0 (|x|), f there where it has a value (not 1/x's pole) and f′ at 10⁻³⁰⁰.
    const v = along(x) ?? (x === 0 ? kinkAtZero() : along(x + Math.abs(x) * 1e-13));
    return v && { f: Math.abs(v.f) < 1e-280 ? 0 : v.f, df: Math.abs(v.df) < 1e-280 ? 0 : v.df };
  };
  const roots: number[] = [];
  const extrema: number[] = [];
  let xs = extra.length > 0 ? [...new Set([...grid(x0), ...extra])].sort((p, q) => p - q) : grid(x0);
  // Where the function cannot be evaluated along this scalar at all (both signs, several
  // scales), stop early; a function defined for x > 0 only is still scanned.
  if ([x0, 1, -1, 1e3, -1e3, 1e-3, -1e-3, 1e6].every((x) => f(x) === null)) return { roots: [], extrema: [], polynomial: false };
  let vals: ({ f: number; df: number } | null)[] = [];
  for (const x of xs) vals.push(now() > deadline ? null : f(x));
  // A cell with a value at one end only ends at the edge of the domain, or at a point where
  // f′ is infinite (x√(1 − x²) at 1): points closing in on that end from the other, halving
  // the distance, so that a turn inside is seen (x√(1 − x²) turns at 1/√2, in the cell (0.6, 1),
  // and x y < 1/2 under y = √(1 − x²) was checked; red team rt85).
  const edges: number[] = [];
  for (let i = 0; opts.edges && i + 1 < xs.length; i++) {
    if ((vals[i] === null) === (vals[i + 1] === null)) continue;
    const [from, to] = vals[i] !== null ? [xs[i]!, xs[i + 1]!] : [xs[i + 1]!, xs[i]!];
    if (!Number.isFinite(from) || !Number.isFinite(to) || Math.abs(to - from) > 1e6 * (1 + Math.abs(from))) continue;
    for (let k = 1; k <= 12; k++) edges.push(from + (to - from) * (1 - 2 ** -k));
  }
  if (edges.length > 0 && now() <= deadline) {
    const known = new Map(xs.map((x, i) => [x, vals[i]!] as const));
    xs = [...new Set([...xs, ...edges])].sort((p, q) => p - q);
    vals = xs.map((x) => (known.has(x) ? known.get(x)! : now() > deadline ? null : f(x)));
  }
  // Inside a run of grid points where f is 0 in doubles only the run's ends are roots to
  // probe: the rest is cancellation (x + e^(−100) − x is 0 in doubles almost everywhere, and
  // was probed at 1,199 points) or f ≡ 0 there (|x| − x for x > 0), alike at every point.
  const zeroAt = (i: number): boolean => vals[i]?.f === 0;
  const touchingCells: number[] = [];
  /** The grid cell a root was bisected in (its ends' signs differed in doubles). */
  const cellOf = new Map<number, [number, number]>();
  /**
   * Roots bisected to where |f| in doubles is larger than at both ends of their cell: a pole
   * f changes sign across (1 − tan x tan y at π/2), not a zero hidden in the doubles' noise,
   * which is smaller there than at the ends; no decimal ladder is climbed beside them.
   */
  const poleLike = new Set<number>();
  /** The roots between a turn at x (f = fx there) and each neighbour where f has the other sign. */
  const rootsBesideTurn = (x: number, fx: number, neighbours: readonly (readonly [number, number])[]): void => {
    if (fx === 0) return;
    for (const [end, value] of neighbours) {
      if (value === 0 || Math.sign(value) === Math.sign(fx)) continue;
      const root = bisectDouble((y) => f(y)?.f ?? null, x, end, fx);
      if (root !== null) roots.push(root);
    }
  };
  // The work of placing roots and turns, by grid cell: done at once, or (with `nearest`) the
  // cells nearest 0 first (those the assumptions admit before the rest) until no cell left can
  // hold one of the `nearest` roots wanted (rootsWanted).
  const cells: Cell[] = [];
  const later = (i: number, work: () => void): void => {
    if (opts.nearest === undefined) work();
    else cells.push({ lo: xs[i]!, hi: xs[i + 1]!, work });
  };
  for (let i = 0; i + 1 < xs.length; i++) {
    const p = vals[i];
    const q = vals[i + 1];
    // (A grid point where f is 0 is a root whether or not its right neighbour has a value:
    // eˣ − e⁵⁰⁰ at 500, beside 1000, where it had none in doubles, was never looked at — rt240.)
    if (p && !q && p.f === 0 && !(i > 0 && zeroAt(i - 1))) roots.push(xs[i]!);
    if (!p || !q) continue;
    if (p.f === 0 && !(i > 0 && zeroAt(i - 1) && zeroAt(i + 1))) roots.push(xs[i]!);
    else if (Math.sign(p.f) !== Math.sign(q.f) && q.f !== 0) {
      later(i, () => {
        const r = bisectDouble((x) => f(x)?.f ?? null, xs[i]!, xs[i + 1]!, p.f);
        if (r !== null) {
          roots.push(r);
          cellOf.set(r, [xs[i]!, xs[i + 1]!]);
          const at = f(r)?.f;
          if (at !== undefined && Math.abs(at) > Math.max(Math.abs(p.f), Math.abs(q.f))) poleLike.add(r);
        }
      });
    }
    // A turn exactly on a grid point (x + 1/x at 1): f′ is 0 there, with opposite signs around.
    const before = i > 0 ? vals[i - 1] : null;
    // (|f| turning on a grid point, (x − y)² at x = y.)
    if (opts.touching && p.df === 0 && p.f !== 0 && before && before.df !== 0 && q.df !== 0 && Math.sign(before.df) === -Math.sign(p.f) && Math.sign(q.df) === Math.sign(p.f)) opts.touching.turns = true;
    const turnHere = !opts.rootsOnly && p.df === 0 && before && before.df !== 0 && q.df !== 0 && Math.sign(before.df) !== Math.sign(q.df);
    if (turnHere) {
      extrema.push(xs[i]!);
      // (Its roots lie in the two cells beside it: the nearer end of both is where they may start.)
      later(i - 1, () => rootsBesideTurn(xs[i]!, p.f, [[xs[i - 1]!, before.f], [xs[i + 1]!, q.f]]));
      if (opts.nearest !== undefined) cells[cells.length - 1] = { ...cells[cells.length - 1]!, hi: xs[i + 1]! };
    }
    // A turn on a run of grid points where f′ is 0 in doubles (y² + c at −10⁻³⁰⁰, 0, 10⁻³⁰⁰:
    // f′ = 2y underflows), between neighbours where it has opposite signs: at the run's middle.
    if ((!opts.rootsOnly || opts.touching) && p.df === 0 && before && before.df !== 0 && q.df === 0) {
      let j = i + 1;
      while (j < xs.length && vals[j]?.df === 0) j++;
      const after = j < xs.length ? vals[j] : null;
      if (!opts.rootsOnly && after && after.df !== 0 && Math.sign(after.df) !== Math.sign(before.df)) extrema.push(xs[(i + j - 1) >> 1]!);
      // (|f| turning there: x² + (y − π)² along x at 0. Red team: with its turn on such a run
      // along x, 1 = g/g was proved, g's touch at (0, π) never sought across both scalars.)
      if (opts.touching && after && p.f !== 0 && Math.sign(before.df) === -Math.sign(p.f) && Math.sign(after.df) === Math.sign(p.f)) opts.touching.turns = true;
    }
    // A turn between grid points where f may come to 0 without changing sign (1 − sin x at
    // π/2, between 1 and 2): where the cubic through f and f′ at both ends dips to within a
    // half of the ends' size, bisected on f′ (the four nearest 0 only).
    if (opts.touching && p.df !== 0 && q.df !== 0 && Math.sign(p.df) !== Math.sign(q.df) && Math.sign(p.f) === Math.sign(q.f) && p.f !== 0) {
      // (|f| turns here: toward 0 and away again.)
      if (Math.sign(p.df) === -Math.sign(p.f)) opts.touching.turns = true;
      const h = xs[i + 1]! - xs[i]!;
      let least = Infinity;
      for (let s = 1; s < 16; s++) {
        const t = s / 16;
        const h00 = 2 * t ** 3 - 3 * t ** 2 + 1;
        const h10 = t ** 3 - 2 * t ** 2 + t;
        const h01 = -2 * t ** 3 + 3 * t ** 2;
        const h11 = t ** 3 - t ** 2;
        least = Math.min(least, Math.abs(h00 * p.f + h10 * h * p.df + h01 * q.f + h11 * h * q.df));
      }
      if (Number.isFinite(h) && least <= 0.5 * Math.max(Math.abs(p.f), Math.abs(q.f))) touchingCells.push(i);
    }
    if (!opts.rootsOnly && p.df !== 0 && q.df !== 0 && Math.sign(p.df) !== Math.sign(q.df)) {
      later(i, () => {
        const r = bisectDouble((x) => f(x)?.df ?? null, xs[i]!, xs[i + 1]!, p.df);
        if (r !== null) {
          extrema.push(r);
          // f may dip through 0 and back between two grid points: a root on each side of the
          // turn (|x² − 9| < 0.6 fails on (3.0984, 3.1), between the grid's 2 and 5).
          // (At a kink f′ has no value there: f is taken just beside it.)
          const t = f(r) ?? f(r - Math.abs(r) * 1e-14) ?? f(r + Math.abs(r) * 1e-14);
          if (t) rootsBesideTurn(r, t.f, [[xs[i]!, p.f], [xs[i + 1]!, q.f]]);
        }
      });
    }
  }
  if (opts.touching) {
    // (The nearest 0 first; at most 16 cells bisected, 4 places kept: a far one is outside
    // the assumptions as often as not, x ≥ 2 with 1 − sin x at 5π/2.)
    let kept = 0;
    // (Cells `keep` rejects at both ends go last: under x > 100 the cells of 1 − cos 3x nearest
    // 0 took all 16 turns, and its touches past 100 were never sought.)
    const keep = opts.touching.keep;
    const rejected = (i: number): number => (!keep || keep(xs[i]!) || keep(xs[i + 1]!) ? 0 : 1);
    for (const i of touchingCells.sort((u, v) => rejected(u) - rejected(v) || Math.min(Math.abs(xs[u]!), Math.abs(xs[u + 1]!)) - Math.min(Math.abs(xs[v]!), Math.abs(xs[v + 1]!))).slice(0, 16)) {
      if (now() > deadline || kept >= 4) break;
      const t = bisectDouble((x) => f(x)?.df ?? null, xs[i]!, xs[i + 1]!, vals[i]!.df);
      // (At a kink f′ has no value, and f is taken just beside it: ‖u‖ + |x| at u = 0 touches 0
      // at x = 0, and 1 = (‖u‖ + |x|)/(‖u‖ + |x|) was proved, red team rt103.)
      const beside = (x: number): number => Math.max(Math.abs(x), 1) * 1e-14;
      const at = t === null ? null : f(t) ?? f(t - beside(t)) ?? f(t + beside(t));
      if (t !== null && at && Math.abs(at.f) < 1e-6 && (!opts.touching.keep || opts.touching.keep(t))) {
        opts.touching.places.push(t);
        kept++;
      }
    }
  }
  // (The loop looks at each point with its right neighbour: the last point is a root by itself.)
  const last = vals[xs.length - 1];
  if (last && last.f === 0 && !(xs.length > 1 && zeroAt(xs.length - 2))) roots.push(xs[xs.length - 1]!);
  if (opts.nearest !== undefined) {
    const kept = rootsWanted(roots, cells, opts.nearest, point.prep.intervals.get(key), deadline);
    roots.splice(0, roots.length, ...kept);
    extrema.splice(0, extrema.length);
  }
  let decimalSigns = 6;
  // (Within 10⁻¹⁴ of its size: bisection in doubles ends on the double nearest the pole, or one beside it.)
  const narrowPoles = (opts.narrowPoles ?? []).map((p) => middle(p).toNumber());
  const atNarrowPole = (y: number): boolean => narrowPoles.some((c) => Math.abs(y - c) <= Math.abs(c) * 1e-14);
  const D50 = decimalField(50);
  const decimalSign = (x: Rational): -1 | 1 | null => nonzeroSignIn(D50, point, key, a, b, x);
  const toBrackets = (ys: number[], zeros: boolean): Bracket[] => {
    // One per place (values alike to 12 digits), each kept at full precision.
    const byPlace = new Map<string, number>();
    for (const y of ys) if (!byPlace.has(y.toPrecision(12))) byPlace.set(y.toPrecision(12), y);
    const uniq = [...byPlace.values()].sort((p, q) => p - q);
    // (The three nearest 0 are looked beside in decimals where doubles cannot place them.)
    const nearest = new Set([...uniq].sort((p, q) => Math.abs(p) - Math.abs(q)).slice(0, 3));
    return uniq.flatMap((y): Bracket[] => {
      const c = Rational.parse(y.toPrecision(17));
      const w = Rational.parse((Math.max(1e-300, Math.abs(y)) * 1e-12).toPrecision(3));
      const nice = roundToDenominator(c);
      // A short fraction where f is exactly 0 is a root (a turn that touches 0, among turns); it is this one only when it lies
      // within the bracket's width: otherwise it may be a neighbouring root (1 beside the
      // root 1.0001 of log(x)(x − 1.0001)), kept besides this one, which is still bracketed.
      const niceRoot = nice && exactAt(point, key, a, b, nice)?.isZero() ? [{ lo: nice, hi: nice, at: nice, certain: true }] : [];
      if (niceRoot.length > 0 && absDiff(nice!, c).cmp(w) <= 0) return niceRoot;
      // A turn at a short number (the kink of |x − 98765|) is probed there exactly too.
      const near = !zeros && nice && absDiff(nice, c).cmp(w) <= 0 ? [{ lo: nice, hi: nice, at: nice, certain: false }] : [];
      // A root for certain (intermediate values): f has opposite certain signs at the ends
      // and an enclosure over the whole bracket (so no pole or gap inside).
      // An extremum for certain: f is defined (so continuous) on the bracket and f′ has
      // opposite certain signs at its ends, so f turns inside (at a kink too: |x − π|).
      // A root's bracket that reaches a pole (tan x = 10¹² at 10⁻¹² below π/2) is narrowed, to
      // 10⁻¹⁴ of its place at most (doubles tell little finer).
      // A root's sign that doubles cannot tell (2 − 10⁻⁷ cancelling in x + 1/x ≠ 2.0000001) is
      // taken in 50-digit decimals, for the first few brackets.
      const sign = zeros
        ? (x: Rational) => certainSign(intervalAt(point, key, a, b, x)) ?? (decimalSigns-- > 0 ? decimalSign(x) : null)
        : (x: Rational) => derivativeSignAt(point, key, a, b, x);
      let bracket: Bracket = { lo: c.sub(w), hi: c.add(w), at: null, certain: false };
      for (let shrink = 0; shrink < 3 && now() <= deadline; shrink++) {
        const width = shrink === 0 ? w : w.div(Rational.of(10n ** BigInt(shrink)));
        const lo = c.sub(width);
        const hi = c.add(width);
        const sl = sign(lo);
        const sh = sign(hi);
        const opposite = sl !== null && sh !== null && sl !== sh;
        const whole = opposite || zeros ? intervalAt(point, key, a, b, lo, hi) : null;
        const certain = opposite && whole !== null;
        if (shrink === 0) bracket = { lo, hi, at: null, certain };
        if (certain) {
          bracket = { lo, hi, at: null, certain };
          break;
        }
        // Narrower only helps a root's bracket that holds a pole (no enclosure over it).
        // (Nor at a pole narrowed in decimals, whose sides crossingBesidePole looks beside.)
        if (!zeros || whole !== null || atNarrowPole(y)) break;
      }
      // A root doubles place badly (e^x + e^(−x) − 2 − 10⁻¹⁸, cancelling: bisected to 2.4·10⁻⁹,
      // not 10⁻⁹) is still certain on the grid cell it was found in, where the ends' signs
      // are certain and f is defined throughout.
      // (Beside the narrow one, whose middle is still the place to probe: log x > −600 fails
      // only below 10⁻²⁶⁰, which the cell's middle is far from.)
      const cell = zeros && !bracket.certain ? cellOf.get(y) : undefined;
      const wide: Bracket[] = [];
      if (cell && now() <= deadline) {
        const [lo, hi] = cell.map((v) => Rational.parse(v.toPrecision(17))) as [Rational, Rational];
        const sl = sign(lo);
        const sh = sign(hi);
        if (sl !== null && sh !== null && sl !== sh && intervalAt(point, key, a, b, lo, hi)) wide.push({ lo, hi, at: null, certain: true });
      }
      // (And beside it, in decimals, where doubles' noise hides the sign change itself.)
      // (A divisor's zeros only, b = 0: an inequality's search has its own turns to probe.)
      if (zeros && !bracket.certain && wide.length === 0 && nearest.has(y) && !poleLike.has(y) && !atNarrowPole(y) && b.kind === 'Num' && b.value === '0' && now() <= deadline) {
        const found = signChangeNear(point, key, a, c, deadline);
        if (found) wide.push(found);
      }
      return [...niceRoot, bracket, ...wide, ...near];
    });
  };
  // A grid point where f is 0 in doubles only (e^x + e^(−x) − 2 − 10⁻¹⁸ at 0, −10⁻¹⁸ in
  // decimals) with a certain other sign at a neighbour: a root between them for certain, though
  // no bracket around the point itself shows one (the zeros are 1.4·10⁻⁹ away).
  const between: Bracket[] = [];
  for (let i = 0; i < xs.length && between.length < 4; i++) {
    if (vals[i]?.f !== 0 || (i > 0 && zeroAt(i - 1) && i + 1 < xs.length && zeroAt(i + 1)) || now() > deadline) continue;
    const x = Rational.parse(xs[i]!.toPrecision(17));
    const s0 = exactAt(point, key, a, b, x)?.sign() ?? (decimalSigns-- > 0 ? decimalSign(x) : null);
    if (s0 === null || s0 === 0) continue;
    for (const j of [i - 1, i + 1]) {
      if (j < 0 || j >= xs.length) continue;
      const y = Rational.parse(xs[j]!.toPrecision(17));
      const sj = certainSign(intervalAt(point, key, a, b, y)) ?? (decimalSigns-- > 0 ? decimalSign(y) : null);
      const [lo, hi] = j < i ? [y, x] : [x, y];
      if (sj !== null && sj !== s0 && intervalAt(point, key, a, b, lo, hi)) between.push({ lo, hi, at: null, certain: true });
    }
  }
  return { roots: [...toBrackets(roots, true), ...between], extrema: toBrackets(extrema, false), polynomial: false };
}

/** The boundaries of several comparisons along one scalar, as one (so probes fall between theirs too). */
export function mergeBoundaries(list: readonly Boundaries[]): Boundaries {
  return {
    roots: list.flatMap((b) => b.roots),
    extrema: list.flatMap((b) => b.extrema),
    poles: list.flatMap((b) => b.poles),
    touches: list.flatMap((b) => b.touches ?? []),
    polynomial: list.every((b) => b.polynomial),
  };
}

/**
 * The values of the scalar worth probing given the boundaries: each root and extremum,
 * just beside each root on both sides (10⁻⁹ and 10⁻³ of its size away), and midway
 * between consecutive ones; integers around each for an integer name.
 */
export function probesFrom(b: Boundaries, integer: boolean, rng: Rng, bounds?: Bounds): Rational[] {
  const centers = [...b.roots, ...b.extrema, ...b.poles].map((r) => r.at ?? r.lo.add(r.hi).div(TWO)).sort((p, q) => p.cmp(q));
  const out: Rational[] = [];
  const size = (x: Rational) => {
    const a = x.sign() < 0 ? x.neg() : x;
    return a.cmp(Rational.ONE) > 0 ? a : Rational.ONE;
  };
  for (const r of [...b.roots, ...b.extrema]) {
    out.push(r.at ?? shortestIn(r.lo, r.hi));
    for (const e of ['1e-9', '1e-3']) {
      const d = size(r.lo).mul(R(e));
      // A short decimal just beside the boundary (between d/2 and 2d away): a readable point.
      out.push(shortestIn(r.lo.sub(d.mul(TWO)), r.lo.sub(d.div(TWO))), shortestIn(r.hi.add(d.div(TWO)), r.hi.add(d.mul(TWO))));
    }
    // (Where an assumption's end is closer than those, points beside it fall outside: the
    // sliver between it and the boundary is probed instead, x ≥ 0 under x > −10⁻⁹.)
    out.push(...towardEnds(r.at ?? r.lo.add(r.hi).div(TWO), bounds, size(r.lo).div(R(100))));
  }
  for (const r of b.poles) {
    // The pole itself (a domain finding when only one side is undefined there), and beside it;
    // a pole narrowed in decimals (polesAlong) also closer than doubles reach.
    if (r.at) out.push(r.at);
    // (A pole narrowed in decimals, also its bracket's ends, within 10⁻⁵⁰ of it on either side:
    // 1/(x − π)² < 10⁹⁰ and 1/(x − π) < 10⁴⁸ fail there, not 10⁻⁴⁵ away.)
    else if (isNarrow(r)) out.push(r.lo, r.hi);
    for (const e of isNarrow(r) ? [...POLE_OFFSETS, ...DEEP_POLE_OFFSETS] : POLE_OFFSETS) {
      const d = size(r.lo).mul(R(e));
      out.push(shortestIn(r.lo.sub(d.mul(TWO)), r.lo.sub(d.div(TWO))), shortestIn(r.hi.add(d.div(TWO)), r.hi.add(d.mul(TWO))));
    }
  }
  for (const r of b.touches ?? []) {
    // A double pole's place and beside it, as for a pole (closer than doubles where narrowed).
    out.push(r.at ?? middle(r));
    for (const e of isNarrow(r) ? [...POLE_OFFSETS, ...DEEP_POLE_OFFSETS] : POLE_OFFSETS) {
      const d = size(r.lo).mul(R(e));
      out.push(shortestIn(r.lo.sub(d.mul(TWO)), r.lo.sub(d.div(TWO))), shortestIn(r.hi.add(d.div(TWO)), r.hi.add(d.mul(TWO))));
    }
  }
  // Between consecutive boundaries: the shortest decimal in the middle third (never one of the ends).
  for (let i = 0; i + 1 < centers.length; i++) {
    const third = centers[i + 1]!.sub(centers[i]!).div(R(3));
    if (!third.isZero()) out.push(shortestIn(centers[i]!.add(third), centers[i + 1]!.sub(third)));
  }
  if (centers.length > 0) {
    out.push(centers[0]!.sub(size(centers[0]!)), centers[centers.length - 1]!.add(size(centers[centers.length - 1]!)));
  }
  void rng;
  if (!integer) return out;
  const ints = new Map<string, Rational>();
  for (const x of out) {
    const fl = x.floor();
    for (const k of [fl - 1n, fl, fl + 1n, fl + 2n]) ints.set(k.toString(), new Rational(k));
  }
  return [...ints.values()];
}

/** How far beside a pole (times its size) probesFrom probes. */
const POLE_OFFSETS = ['1e-3', '1e-6', '1e-9', '1e-12'];
/** …and beside a pole narrowed in decimals, past what doubles reach. */
const DEEP_POLE_OFFSETS = ['1e-16', '1e-20', '1e-30', '1e-45'];

/** The fractions of the way toward a near end of the assumptions that towardEnds probes (10⁻¹, 10⁻³, 10⁻⁶, 10⁻⁹, 10⁻¹²). */
const TOWARD_SCALES = [1, 3, 6, 9, 12].map((k) => new Rational(1n, 10n ** BigInt(k)));

/**
 * Points strictly between a boundary c of a step (a root, a turn, a zero) and each end of the
 * scalar's assumed interval that lies within `reach` of it, where the points beside c fall
 * outside the assumptions: halfway, and 10⁻¹ … 10⁻¹² of the way (short decimals), and the
 * end itself where it is included. `x ≥ 0` under `x > −10⁻⁹` fails only on (−10⁻⁹, 0).
 */
export function towardEnds(c: Rational, bounds: Bounds | undefined, reach: Rational): Rational[] {
  const out: Rational[] = [];
  if (!bounds) return out;
  for (const [end, closed] of [[bounds.lo, bounds.loClosed], [bounds.hi, bounds.hiClosed]] as const) {
    if (!end || end.equals(c)) continue;
    const d = end.sub(c);
    if ((d.sign() < 0 ? d.neg() : d).cmp(reach) >= 0) continue;
    const half = d.div(TWO);
    out.push(shortestIn(c.add(half.mul(R('0.8'))), c.add(half.mul(R('1.2')))));
    for (const t of TOWARD_SCALES) out.push(shortestIn(c.add(d.mul(t).div(TWO)), c.add(d.mul(t).mul(TWO))));
    if (closed) out.push(end);
  }
  return out;
}

const Dec = Decimal.clone({ precision: 120 });

/** f = a − b and f′ along `key` at the rational x, in the decimal field D (dual numbers); null where undefined. */
function decimalDualAt(point: Point, key: string, a: Expr, b: Expr, x: Rational, D: ReturnType<typeof decimalField>): { f: DecInterval; df: DecInterval } | null {
  const F = dualField(D);
  try {
    const q = point.replacing(key, x);
    q.seed = { key, field: F, value: (v: Dual<DecInterval>) => new Dual(v.v, D.one) };
    const l = q.evaluate(F, a) as Val<Dual<DecInterval>>;
    const r = q.evaluate(F, b) as Val<Dual<DecInterval>>;
    if (isMat(l) || isMat(r)) return null;
    return { f: D.sub(l.v, r.v), df: D.sub(l.d, r.d) };
  } catch {
    return null;
  }
}

/** decimalDualAt for many x along one scalar, as one function (dualLine). */
function decimalAlongLine(point: Point, key: string, a: Expr, b: Expr, D: ReturnType<typeof decimalField>): (x: Rational) => { f: DecInterval; df: DecInterval } | null {
  const line = dualLine(point, key, a, b, dualField(D), D.one);
  if (!line) return (x) => decimalDualAt(point, key, a, b, x, D);
  return (x) => {
    try {
      const [l, r] = line(D.fromRational(x), () => x);
      if (isMat(l) || isMat(r)) return null;
      return { f: D.sub(l.v, r.v), df: D.sub(l.d, r.d) };
    } catch {
      return null;
    }
  };
}
const REFINE_DIGITS = 110;

/**
 * A certain root's bracket narrowed to about 10⁻⁹⁰ of its size, so that an equation of
 * another statement that also holds at the root (`e^{2x} = 4 ⇔ x = log 2`) agrees there to
 * 50 and 250 digits: Newton's method in 110-digit decimals (f and f′ by dual numbers), each
 * iterate kept inside the bracket (bisection otherwise), the ends moved only to points
 * where f's sign is certain. Null when the root is not certain or the signs cannot be told.
 */
export function refineRoot(
  point: Point, key: string, a: Expr, b: Expr, r: Bracket, deadline: number,
  /** Coarser and cheaper: `digits` of working precision, a bracket 10^(−exponent) of the root's size. */
  opts: { readonly digits?: number; readonly exponent?: number } = {},
): Bracket | null {
  if (!r.certain || r.at) return null;
  // Finer than the agreement in force: a step that writes 10^(−95) is not decided at a 10⁻⁹⁰ root.
  const exponent = opts.exponent ?? Math.max(90, agreementDigitsNow() + 15);
  const D = decimalField(opts.digits ?? Math.max(REFINE_DIGITS, exponent + 20));
  const along = decimalAlongLine(point, key, a, b, D);
  const at = (x: Rational): { sign: -1 | 0 | 1 | null; f: Decimal; df: Decimal } | null => {
    const v = along(x);
    if (!v) return null;
    const mid = (i: DecInterval) => new Dec(i.lo.toString()).plus(new Dec(i.hi.toString())).div(2);
    return { sign: D.sign(v.f), f: mid(v.f), df: mid(v.df) };
  };
  let lo = r.lo;
  let hi = r.hi;
  const sLo = at(lo)?.sign ?? null;
  const sHi = at(hi)?.sign ?? null;
  if (sLo === null || sHi === null || sLo === 0 || sHi === 0 || sLo === sHi) return null;
  const size = Rational.ONE.add(lo.sign() < 0 ? lo.neg() : lo);
  const target = size.div(Rational.of(10n ** BigInt(exponent)));
  let x = lo.add(hi).div(TWO);
  const inside = (y: Rational) => y.cmp(lo) > 0 && y.cmp(hi) < 0;
  /** Moves an end to y where f's sign there is certain; false where it cannot be told. */
  const settle = (y: Rational, sign: -1 | 0 | 1 | null | undefined): boolean => {
    if (sign === sLo) lo = y;
    else if (sign === sHi) hi = y;
    else return false;
    return true;
  };
  for (let i = 0; i < 60 && hi.sub(lo).cmp(target) > 0; i++) {
    if (now() > deadline) return null;
    const v = at(x);
    if (!v) return null;
    if (v.sign === 0) return { lo: x, hi: x, at: x, certain: true };
    if (!settle(x, v.sign)) {
      // f is within its enclosure's width of 0 here: close in from both sides of x.
      const eps = target.div(Rational.of(4));
      const a1 = at(x.sub(eps));
      const b1 = at(x.add(eps));
      if (a1?.sign === sLo && b1?.sign === sHi) return { lo: x.sub(eps), hi: x.add(eps), at: null, certain: true };
      return null;
    }
    // Newton's step from x where it stays inside (lo, hi), else the midpoint. Near the root
    // a Newton iterate is within ~d² of it, so nx ± d/2 brackets it: both ends move.
    let next: Rational | null = null;
    if (!v.df.isZero()) {
      // The step as a short rational (its own 30 digits, not x's: a step of 10⁻⁹⁰ is kept).
      const nx = x.sub(Rational.parse(v.f.div(v.df).toSignificantDigits(30).toString()));
      if (inside(nx)) next = nx;
    }
    if (next) {
      const d = next.sub(x);
      const half = (d.sign() < 0 ? d.neg() : d).div(TWO);
      for (const y of [next.sub(half), next.add(half)]) if (inside(y)) settle(y, at(y)?.sign);
      x = inside(next) ? next : lo.add(hi).div(TWO);
    } else {
      x = lo.add(hi).div(TWO);
    }
  }
  return hi.sub(lo).cmp(target) <= 0 ? { lo, hi, at: null, certain: true } : null;
}


/**
 * Roots of f = a − b in [lo, hi] by a uniform scan of `n` cells (a periodic f has roots the
 * logarithmic grid of boundariesAlong steps over: sin x = 0 at 2π between 0 and 7): each
 * cell where f is defined throughout (so continuous) and its ends' signs certainly differ
 * is a certain bracket, bisected to about 10⁻¹² of its size.
 */
export function rootsBetween(point: Point, key: string, a: Expr, b: Expr, lo: Rational, hi: Rational, n: number, deadline: number): Bracket[] {
  const out: Bracket[] = [];
  if (hi.cmp(lo) <= 0) return out;
  const step = hi.sub(lo).div(Rational.of(n));
  const signAt = (x: Rational) => certainSign(intervalAt(point, key, a, b, x));
  let x0 = lo;
  let s0 = signAt(x0);
  for (let i = 1; i <= n; i++) {
    if (now() > deadline) break;
    const x1 = i === n ? hi : lo.add(step.mul(Rational.of(i)));
    const s1 = signAt(x1);
    if (s0 !== null && s1 !== null && s0 !== s1 && intervalAt(point, key, a, b, x0, x1)) {
      let l = x0;
      let h = x1;
      for (let k = 0; k < 60 && h.sub(l).toNumber() > 1e-12 * (1 + Math.abs(l.toNumber())); k++) {
        const m = l.add(h).div(TWO);
        const sm = signAt(m);
        if (sm === null) break;
        if (sm === s0) l = m;
        else h = m;
      }
      out.push({ lo: l, hi: h, at: null, certain: true });
    }
    x0 = x1;
    s0 = s1;
  }
  return out;
}

/**
 * Where g (near 0 at the double x) touches 0 along `key`, estimated: the secant method on
 * u = g/g′ in 140-digit decimals, which has a simple zero where g has a zero of any
 * multiplicity (u ≈ (x − c)/m near c), so a flat touch ((sin x − 1)² expanded, g′ ∝ (x − c)³)
 * converges as fast as a plain one. Stops where g's enclosure holds 0 (about 10⁻³⁵ from c for
 * a fourfold touch). Returns the estimate and how near it is known (the last step's size),
 * or null; a guide for guesses that are then proved, never a certain place.
 */
export function touchNear(point: Point, key: string, g: Expr, x: number, deadline: number): { at: Rational; step: Rational } | null {
  // (At 140 digits: stopped where g's enclosure holds 0 there, g is then within 10⁻⁸⁰ of 0 at
  // 120, as touchingZero's test of a touch asks.)
  const D = decimalField(140);
  const along = decimalAlongLine(point, key, g, ZERO, D);
  const u = (y: Rational): { u: Decimal; zero: boolean } | null => {
    const v = along(y);
    if (!v) return null;
    const mid = (i: DecInterval) => new Dec(i.lo.toString()).plus(new Dec(i.hi.toString())).div(2);
    const df = mid(v.df);
    if (D.sign(v.f) === null) return { u: new Dec(0), zero: true };
    return df.isZero() ? null : { u: mid(v.f).div(df), zero: false };
  };
  let x0 = Rational.parse(x.toPrecision(17));
  let x1 = Rational.parse((x + 1e-7 * (1 + Math.abs(x))).toPrecision(17));
  let u0 = u(x0);
  if (!u0) return null;
  if (u0.zero) return { at: x0, step: Rational.parse((1e-16 * (1 + Math.abs(x))).toPrecision(3)) };
  let step: Rational | null = null;
  for (let i = 0; i < 40; i++) {
    if (now() > deadline) return null;
    const u1 = u(x1);
    if (!u1) return null;
    if (u1.zero) return { at: x1, step: step ?? x1.sub(x0) };
    const du = u1.u.minus(u0.u);
    if (du.isZero()) return null;
    // Near a zero of g, u shrinks faster than by half a step; where it does not, g has no zero
    // here (a positive least value: 10⁻¹⁵ + (sin x − 1)², where u has a pole, not a zero).
    if (i >= 2 && u1.u.abs().gt(u0.u.abs().div(2))) return null;
    const dx = x1.sub(x0);
    const d = Rational.parse(u1.u.mul(new Dec(dx.n.toString()).div(new Dec(dx.d.toString()))).div(du).toSignificantDigits(30).toString());
    // (A step of 0: x1 is where the secant stays; known as near as the step before.)
    if (d.isZero()) return { at: x1, step: step ?? Rational.parse((1e-16 * (1 + Math.abs(x))).toPrecision(3)) };
    [x0, u0] = [x1, u1];
    x1 = x1.sub(d);
    step = d.sign() < 0 ? d.neg() : d;
  }
  return null;
}

/**
 * A certain turn of f = a − b (f′ changes sign in [lo, hi]) narrowed to about 10⁻⁹⁰ of its
 * size by bisection on the sign of f′, taken by dual numbers in 110-digit decimals: at a
 * double-width bracket `sin x ≤ 1 − 10⁻²⁰` cannot be decided at π/2; at 10⁻⁹⁰ it fails.
 * A point where f′ is too small to sign is returned as the turn (`at`, not certain), with
 * the bracket [lo, hi] it lies in; null when the ends' signs cannot be told or the time runs out.
 */
export function refineTurn(point: Point, key: string, a: Expr, b: Expr, r: Bracket, deadline: number): Bracket | null {
  if (!r.certain || r.at) return null;
  const D = decimalField(REFINE_DIGITS);
  const along = decimalAlongLine(point, key, a, b, D);
  const slope = (x: Rational): { sign: -1 | 0 | 1 | null; value: number } | null => {
    const v = along(x);
    return v && { sign: D.sign(v.df), value: D.ends.mid(v.df) };
  };
  let lo = r.lo;
  let hi = r.hi;
  const a0 = slope(lo);
  const b0 = slope(hi);
  if (!a0 || !b0 || a0.sign === null || b0.sign === null || a0.sign === 0 || b0.sign === 0 || a0.sign === b0.sign) return null;
  const sLo = a0.sign;
  let fLo = a0.value;
  let fHi = b0.value;
  let side = 0;
  const size = Rational.ONE.add(lo.sign() < 0 ? lo.neg() : lo);
  const target = size.div(Rational.of(10n ** 90n));
  // Illinois (regula falsi with the stale end's value halved): superlinear on f′'s values,
  // each step kept inside [lo, hi] by the certain signs; a bisection where the values cannot steer.
  for (let i = 0; i < 80 && hi.sub(lo).cmp(target) > 0; i++) {
    if (now() > deadline) return null;
    let m: Rational;
    // The step is measured from the end where |f′| is smaller: from the other end its fraction
    // of the bracket rounds to 1 in doubles once that end is 10⁻¹⁶ closer (x^x at 1/e bisected).
    const nearHi = Math.abs(fHi) < Math.abs(fLo);
    const t = nearHi ? fHi / (fHi - fLo) : fLo / (fLo - fHi);
    if (Number.isFinite(t) && t > 0 && t < 1 && i % 4 !== 3) {
      const d = hi.sub(lo).mul(Rational.parse(t.toPrecision(17)));
      m = nearHi ? hi.sub(d) : lo.add(d);
    } else {
      m = lo.add(hi).div(TWO);
    }
    const s = slope(m);
    if (!s) return null;
    // f′ too small to sign at 110 digits: m is the turn as nearly as this precision tells,
    // somewhere in [lo, hi] (the ends' signs still certain).
    if (s.sign === null) return { lo, hi, at: m, certain: false };
    if (s.sign === 0) return { lo: m, hi: m, at: m, certain: true };
    if (s.sign === sLo) {
      lo = m;
      fLo = s.value;
      if (side === -1) fHi /= 2;
      side = -1;
    } else {
      hi = m;
      fHi = s.value;
      if (side === 1) fLo /= 2;
      side = 1;
    }
  }
  return hi.sub(lo).cmp(target) <= 0 ? { lo, hi, at: null, certain: true } : null;
}
