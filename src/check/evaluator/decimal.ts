import { Decimal } from 'decimal.js';
import { noteStackOverflow } from '../stack-overflow.js';
import { Inexact, Undecided, Undefined, type Elementary, type Field, type Sign } from './field.js';
import { expApprox, lnApprox, piApprox, powBound, scaledOf, sqrtBounds, trigApprox, type Approx } from './fixed-point.js';
import { Rational, formatRational } from './rational.js';
import { enclosedLambdaMax, enclosedLambdaMaxTangents, type EnclosureEnds } from './spectral.js';

/**
 * Enclosures in decimal at a chosen precision (the only file that imports decimal.js).
 * `+ − × ÷ √` round each end in its own direction (decimal.js's ROUND_FLOOR and
 * ROUND_CEIL, which it applies to those operations exactly); exp, ln, sin, cos — within
 * 1 ulp in decimal.js — are computed with 10 guard digits and widened by 100 units of
 * the working precision, and more for trigonometry of large arguments.
 */
export class DecInterval {
  /**
   * `mag` is log10 of the largest magnitude seen while computing it (the agreement scale);
   * `absorbed`, the most decimal places by which a certainly nonzero term was smaller than the
   * other term of a sum or difference it went into (1 + e⁻⁶⁰⁰: 261), so that an agreement
   * that such a term may hide is no agreement (closeness).
   */
  constructor(readonly lo: Decimal, readonly hi: Decimal, readonly mag: number, readonly absorbed = 0) {}
}

const magOf = (x: Decimal): number => (x.isZero() ? -Infinity : x.e);

function make(lo: Decimal, hi: Decimal, ...from: DecInterval[]): DecInterval {
  if (lo.isNaN() || hi.isNaN()) throw new Undecided('an enclosure lost its bounds');
  let mag = Math.max(magOf(lo), magOf(hi));
  let absorbed = 0;
  for (const f of from) {
    if (f.mag > mag) mag = f.mag;
    if (f.absorbed > absorbed) absorbed = f.absorbed;
  }
  return new DecInterval(lo, hi, mag, absorbed);
}

/** The decimal exponent of an enclosure's size where it certainly is not 0, else null. */
const sizeOf = (a: DecInterval): number | null => (a.lo.isPositive() && !a.lo.isZero() ? a.hi.e : a.hi.isNegative() && !a.hi.isZero() ? a.lo.e : null);

/** `sum` (a ± b), marked with how far a certainly nonzero term of it sat below the other. */
function summed(sum: DecInterval, a: DecInterval, b: DecInterval): DecInterval {
  // (Only gaps that can block an agreement, at 50 digits or more, are kept: most sums have none.)
  // (The larger end's exponent is sizeOf's where the enclosure is certainly nonzero.)
  const gap = Math.abs(Math.max(a.lo.e, a.hi.e) - Math.max(b.lo.e, b.hi.e));
  if (gap < MIN_ABSORBED || gap <= sum.absorbed) return sum;
  if (sizeOf(a) === null || sizeOf(b) === null) return sum;
  return new DecInterval(sum.lo, sum.hi, sum.mag, gap);
}

/** An absorbed gap no precision reaches (a term below 10^(−10⁹) beside 1). */
const ABSORBED_PAST_EVERY_PRECISION = 1e9;

/** The smallest gap recorded as absorbed: agreement is blocked at `digits − 5` and up, and decimals start at 50. */
const MIN_ABSORBED = 40;

const fields = new Map<number, Field<DecInterval> & { ends: EnclosureEnds<DecInterval> }>();

/**
 * Enclosures within 10^(−agreementDigits) of the computation's scale "agree" (LANGUAGE.md §3:
 * 30 digits). A step that writes a smaller number (`cos x ≥ −1 + 10^(−30)`) needs more, or
 * its own failure would count as agreement: see withAgreement.
 */
let agreementDigits = 30;

/** The agreement in force (digits; see withAgreement). */
export function agreementDigitsNow(): number {
  return agreementDigits;
}

/** Whether an absorbed term blocks agreement (closeness); off while a certificate's step is cross-checked. */
let absorbedBlocks = true;

/**
 * Runs `fn` with agreement read as before absorbed terms were tracked: for a step a
 * certificate (a rule, the identity test) proves for every value, whose points are a cross-check
 * (√(10^1000 + 7)² = 10^1000 + 7 has 7 absorbed at every precision, and is true). Synchronous.
 */
export function absorbedTrusted<T>(fn: () => T): T {
  const prev = absorbedBlocks;
  absorbedBlocks = false;
  try {
    return fn();
  } finally {
    absorbedBlocks = prev;
  }
}

/** Runs `fn` with agreement at `digits` digits (at least 30), restored afterwards. Synchronous. */
export function withAgreement<T>(digits: number, fn: () => T): T {
  const prev = agreementDigits;
  agreementDigits = Math.max(30, Math.floor(digits));
  try {
    return fn();
  } finally {
    agreementDigits = prev;
  }
}

/**
 * Whether some x0 + 2πk lies in [lo, hi], told in doubles, or null where doubles cannot be sure:
 * the turn counts (· − x0)/2π are computed with an absolute error below 10⁻⁹ of their size
 * (each end rounded to a double, one subtraction, one division: a few ulps), so a whole number
 * farther than that from both counts is certainly inside or certainly outside.
 */
function certainPhase(lo: number, hi: number, x0: number): boolean | null {
  const a = (lo - x0) / (2 * Math.PI);
  const b = (hi - x0) / (2 * Math.PI);
  if (!(Math.abs(a) < 1e6 && Math.abs(b) < 1e6)) return null;
  const slack = 1e-9 * (Math.abs(a) + Math.abs(b) + 1);
  if (Math.floor(b + slack) < Math.ceil(a - slack)) return false;
  if (Math.ceil(a + slack) <= Math.floor(b - slack)) return true;
  return null;
}

/** `f` remembering its last few hundred values by their argument's exact text (f must be pure). */
function remembered<T>(f: (x: Decimal) => T): (x: Decimal) => T {
  const known = new Map<string, T>();
  return (x) => {
    const key = x.toString();
    let r = known.get(key);
    if (r === undefined) {
      if (known.size >= 512) known.clear();
      r = f(x);
      known.set(key, r);
    }
    return r;
  };
}

/** The decimal enclosure backend at `digits` significant digits (made once per precision). */
export function decimalField(digits: number): Field<DecInterval> & { ends: EnclosureEnds<DecInterval> } {
  const known = fields.get(digits);
  if (known) return known;
  const near = Decimal.clone({ precision: digits + 10, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -30, toExpPos: 30 });
  const down = Decimal.clone({ precision: digits, rounding: Decimal.ROUND_FLOOR });
  const up = Decimal.clone({ precision: digits, rounding: Decimal.ROUND_CEIL });
  // π and e are computed on first use (at 260 digits, decimal.js's exp(1) was ~35 ms of a cold start,
  // and most levels never meet either).
  let piValue: Decimal | null = null;
  /**
   * A value of fixed-point.ts (exp, ln, sin, cos, π in BigInt, ~20–50× decimal.js's own) as
   * its center and the error bound it computed; a RangeError there (an argument past what it
   * reduces) is an undecided point, not a value.
   */
  const kernel = (f: () => Approx): { r: Decimal; err: Decimal | null } => {
    let a: Approx;
    try {
      a = f();
    } catch (err) {
      if (err instanceof RangeError) {
        noteStackOverflow(err);
        throw new Undecided(err.message);
      }
      throw err;
    }
    return { r: new near(`${a.v}e${a.e}`), err: a.err === 0n ? null : new up(`${a.err}e${a.e}`) };
  };
  /** Guard digits the kernel computes past the enclosure's precision. */
  const kernelDigits = digits + 10;
  let piInterval: DecInterval | null = null;
  let eInterval: DecInterval | null = null;
  const piNear = (): Decimal => (piValue ??= kernel(() => piApprox(kernelDigits)).r);
  const ulp = new near(10).pow(-digits + 2); // 100 units in the last place, relative
  const around = (x: Decimal): DecInterval => new DecInterval(down.sub(x, x.times(ulp)), up.add(x, x.times(ulp)), 0);
  const point = (x: Decimal): DecInterval => new DecInterval(x, x, magOf(x));
  const zero = point(new down(0));
  const one = point(new down(1));
  const isPoint = (a: DecInterval) => a.lo.eq(a.hi);
  /** Widens a libm-style result r (computed with guard digits) to an enclosure; `abs` adds an absolute error. */
  const widen = (r: Decimal, absErr: Decimal | null, ...from: DecInterval[]): DecInterval => {
    let err = r.abs().times(ulp);
    if (absErr) err = err.plus(absErr);
    if (err.isZero()) err = new near(10).pow(-9e15);
    return make(down.sub(r, err), up.add(r, err), ...from);
  };
  /**
   * A product or quotient of nonzero numbers that decimal.js made 0 (below 10^(−9·10¹⁵)) or ±∞
   * (above 10^(9·10¹⁵)) has no enclosure here: undecided, not a value. (Red team: e_t = e_{t−1}²
   * from e_0 = 1/10 made e_53 = 10^(−2⁵³) an enclosure [0, 0], and the true e_t > 0 was refuted.)
   */
  const ranged = (r: Decimal, x: Decimal, y: Decimal): Decimal => {
    if ((r.isZero() && !x.isZero() && !y.isZero()) || (!r.isFinite() && x.isFinite() && y.isFinite())) {
      throw new Undecided('a number past the range of decimal enclosures (10^±9·10¹⁵)');
    }
    return r;
  };
  const mulDown = (x: Decimal, y: Decimal): Decimal => ranged(down.mul(x, y), x, y);
  const mulUp = (x: Decimal, y: Decimal): Decimal => ranged(up.mul(x, y), x, y);
  const divDown = (x: Decimal, y: Decimal): Decimal => ranged(down.div(x, y), x, y);
  const divUp = (x: Decimal, y: Decimal): Decimal => ranged(up.div(x, y), x, y);
  const neg = (a: DecInterval) => new DecInterval(a.hi.neg(), a.lo.neg(), a.mag, a.absorbed);
  const mulEnds = (a: DecInterval, b: DecInterval): DecInterval => {
    if (isPoint(a) && isPoint(b)) return make(mulDown(a.lo, b.lo), mulUp(a.lo, b.lo), a, b);
    // By the ends' signs (the usual nine cases), the two products that are the least and the
    // greatest: directed rounding is monotone, so these are the min and max of all four
    // rounded, at a quarter of the multiplications (powers of 250-digit enclosures, y^97800,
    // were ~80 ms of a step).
    const [aPos, aNeg, bPos, bNeg] = [!a.lo.isNeg(), !a.hi.isPos(), !b.lo.isNeg(), !b.hi.isPos()];
    const ends = (lo1: Decimal, lo2: Decimal, hi1: Decimal, hi2: Decimal): DecInterval => make(mulDown(lo1, lo2), mulUp(hi1, hi2), a, b);
    if (aPos && bPos) return ends(a.lo, b.lo, a.hi, b.hi);
    if (aPos && bNeg) return ends(a.hi, b.lo, a.lo, b.hi);
    if (aPos) return ends(a.hi, b.lo, a.hi, b.hi);
    if (aNeg && bPos) return ends(a.lo, b.hi, a.hi, b.lo);
    if (aNeg && bNeg) return ends(a.hi, b.hi, a.lo, b.lo);
    if (aNeg) return ends(a.lo, b.hi, a.lo, b.lo);
    if (bPos) return ends(a.lo, b.hi, a.hi, b.hi);
    if (bNeg) return ends(a.hi, b.lo, a.lo, b.lo);
    const los = [mulDown(a.lo, b.hi), mulDown(a.hi, b.lo)];
    const his = [mulUp(a.lo, b.lo), mulUp(a.hi, b.hi)];
    return make(Decimal.min(...los), Decimal.max(...his), a, b);
  };
  const div = (a: DecInterval, b: DecInterval): DecInterval => {
    if (b.lo.isZero() && b.hi.isZero()) throw new Undefined('division by zero');
    if (b.lo.lte(0) && b.hi.gte(0)) throw new Undecided('a divisor that may be 0');
    if (isPoint(a) && isPoint(b)) return make(divDown(a.lo, b.lo), divUp(a.lo, b.lo), a, b);
    // By the signs (b's is certain here), the quotients that are the least and the greatest:
    // directed rounding is monotone, so two divisions instead of eight (the tan addition
    // formula's pole search divided ~10⁴ enclosures).
    const ends = (lo1: Decimal, lo2: Decimal, hi1: Decimal, hi2: Decimal): DecInterval => make(divDown(lo1, lo2), divUp(hi1, hi2), a, b);
    const aPos = !a.lo.isNeg();
    const aNeg = !a.hi.isPos();
    if (b.lo.isPos()) {
      if (aPos) return ends(a.lo, b.hi, a.hi, b.lo);
      if (aNeg) return ends(a.lo, b.lo, a.hi, b.hi);
      return ends(a.lo, b.lo, a.hi, b.lo);
    }
    if (aPos) return ends(a.hi, b.hi, a.lo, b.lo);
    if (aNeg) return ends(a.hi, b.lo, a.lo, b.hi);
    return ends(a.hi, b.hi, a.lo, b.hi);
  };
  const abs = (a: DecInterval): DecInterval => {
    if (a.lo.gte(0)) return a;
    if (a.hi.lte(0)) return neg(a);
    return make(new down(0), Decimal.max(a.lo.neg(), a.hi), a);
  };
  /** x^k for a whole k ≥ 1, rounded down or up (powBound in BigInt, with k's digits more to spare). */
  const powEnd = (x: Decimal, k: bigint, dir: 'down' | 'up'): Decimal => {
    if (x.isZero()) return new down(0);
    // (A negative x to an odd k: −|x|^k, rounded down where |x|^k is rounded up.)
    const negative = x.isNeg() && k % 2n === 1n;
    const r = powBound(scaledOf(x.abs().toExponential()), k, digits + 10 + k.toString().length, negative === (dir === 'down'));
    const text = `${negative ? '-' : ''}${r.m}e${r.e}`;
    const v = dir === 'down' ? new down(text) : new up(text);
    if (v.isZero() || !v.isFinite()) throw new Undecided('a number past the range of decimal enclosures (10^±9·10¹⁵)');
    return v;
  };
  const powInt = (a: DecInterval, k: bigint): DecInterval => {
    if (k === 0n) return one;
    if (k < 0n) return div(one, powInt(a, -k));
    if (k === 1n) return a;
    const even = k % 2n === 0n;
    if (isPoint(a)) return make(powEnd(a.lo, k, 'down'), powEnd(a.lo, k, 'up'), a);
    // By the ends' signs: x^k increases with x ≥ 0, and for an odd k everywhere.
    if (!a.lo.isNeg() || !even) return make(powEnd(a.lo, k, 'down'), powEnd(a.hi, k, 'up'), a);
    if (!a.hi.isPos()) return make(powEnd(a.hi, k, 'down'), powEnd(a.lo, k, 'up'), a);
    return make(new down(0), Decimal.max(powEnd(a.lo, k, 'up'), powEnd(a.hi, k, 'up')), a);
  };
  const monotone = (f: (x: Decimal) => { r: Decimal; err: Decimal | null }, a: DecInterval): DecInterval => {
    if (isPoint(a)) {
      const { r, err } = f(a.lo);
      return widen(r, err, a);
    }
    const lo = f(a.lo);
    const hi = f(a.hi);
    return make(widen(lo.r, lo.err).lo, widen(hi.r, hi.err).hi, a);
  };
  const guardExp = (x: Decimal) => {
    if (x.abs().gt(1e9)) throw new Undecided('exp of a number too large to evaluate');
  };
  // (Remembered as exp and ln are: cos(πx) on one side and cos(xπ) on the other, one value.)
  const nearSin = remembered((x) => kernel(() => trigApprox('sin', scaledOf(x.toExponential()), kernelDigits)));
  const nearCos = remembered((x) => kernel(() => trigApprox('cos', scaledOf(x.toExponential()), kernelDigits)));
  // The argument may reach 10^(digits − 40) (fixed-point.ts reduces it with π to as many
  // more digits as it has); |x|·ulp is still added to the enclosure (below), as when
  // decimal.js's own π (1025 digits) reduced it and capped the reach at 10^(1000 − digits).
  const reach = new near(10).pow(digits - 40);
  const slack = new near(10).pow(-digits + 5);
  let phases: { twoPi: Decimal; crests: Record<'sin' | 'cos', [Decimal, Decimal]> } | null = null;
  /** 2π, and the places of sin's and cos's crest and trough (made on first use, as π is). */
  const phaseConstants = () => (phases ??= {
    twoPi: piNear().times(2),
    crests: { sin: [piNear().div(2), piNear().div(-2)], cos: [new near(0), piNear()] },
  });
  const trig = (which: 'sin' | 'cos', a: DecInterval): DecInterval => {
    if (a.lo.isZero() && a.hi.isZero()) return which === 'sin' ? zero : one;
    if (a.lo.abs().gt(reach) || a.hi.abs().gt(reach)) {
      throw new Undecided('trigonometry of an argument too large for this precision');
    }
    const { twoPi, crests } = phaseConstants();
    if (a.hi.minus(a.lo).gte(twoPi)) return make(new down(-1), new up(1), a);
    const f = which === 'sin' ? nearSin : nearCos;
    // Reduction of a large argument costs |x|·(π's error): an absolute term.
    const absErr = Decimal.max(1, a.lo.abs(), a.hi.abs()).times(ulp);
    const at = (x: Decimal): DecInterval => {
      const { r, err } = f(x);
      return widen(r, err ? absErr.plus(err) : absErr);
    };
    const ends = isPoint(a) ? [at(a.lo)] : [at(a.lo), at(a.hi)];
    let lo = Decimal.min(...ends.map((x) => x.lo));
    let hi = Decimal.max(...ends.map((x) => x.hi));
    if (!isPoint(a)) {
      const [crest, trough] = crests[which];
      const lo0 = a.lo.toNumber();
      const hi0 = a.hi.toNumber();
      const contains = (x0: Decimal) => {
        // In doubles where they tell (turn counts below 10⁶, off every whole number by far more
        // than their rounding, < 10⁻⁹ there) — as interval.ts's containsPhase, but only where
        // certain either way, so no enclosure is wider for it — else at this precision.
        const known = certainPhase(lo0, hi0, x0.toNumber());
        if (known !== null) return known;
        // (At this precision: the ends' own arithmetic runs at Decimal's default 20 digits,
        // which loses the fraction of a large argument's turn count, sin(10^300 π) ∈ [−1, 1].)
        const from = new near(a.lo).minus(x0).div(twoPi).minus(slack).ceil();
        const to = new near(a.hi).minus(x0).div(twoPi).plus(slack).floor();
        return to.gte(from);
      };
      if (contains(crest)) hi = new up(1);
      if (contains(trough)) lo = new down(-1);
    }
    return make(Decimal.max(lo, -1), Decimal.min(hi, 1), a);
  };
  // exp and ln of the same number recur (ln 2 in every power of 2, at every point): each
  // value is kept, per precision (even fixed-point.ts's ln costs ~0.1 ms at 250 digits).
  const nearExp = remembered((x) => kernel(() => expApprox(scaledOf(x.toExponential()), kernelDigits)));
  const nearLn = remembered((x) => kernel(() => lnApprox(scaledOf(x.toExponential()), kernelDigits)));
  const exp = (a: DecInterval): DecInterval => {
    if (a.lo.isZero() && a.hi.isZero()) return one;
    guardExp(a.lo);
    guardExp(a.hi);
    const r = monotone(nearExp, a);
    return r.lo.isNegative() ? make(new down(0), r.hi, r) : r;
  };
  const log = (a: DecInterval): DecInterval => {
    if (a.hi.lte(0)) throw new Undefined(a.hi.isZero() && a.lo.isZero() ? 'log of 0' : 'log of a negative number');
    if (a.lo.lte(0)) throw new Undecided('a log of something that may be 0 or negative');
    if (a.lo.eq(1) && a.hi.eq(1)) return zero;
    return monotone(nearLn, a);
  };
  /**
   * `f(a)` for a certainly nonzero a below 10⁻⁴, marked with what its Taylor series leaves
   * below 1 or below a (DecInterval.absorbed): e^a = 1 + a + …, cos a = 1 − a²/2 + …, and
   * sin, tan, tanh a = a + O(a³), whose enclosure is also kept off 0 (from their series, as
   * many digits of a's own size as the precision has; computed by the library it held 0, and
   * 1 + sin(e^(−600)) = 1 then agreed).
   */
  const nearZero = (f: Elementary, a: DecInterval): DecInterval | null => {
    const size = sizeOf(a);
    if (size === null || size > -4 || !['exp', 'cos', 'sin', 'tan', 'tanh'].includes(f)) return null;
    const gap = f === 'exp' ? -size : -2 * size;
    // (Below MIN_ABSORBED nothing is recorded, and the library's enclosure of sin, tan, tanh
    // holds 0 only where a is far smaller: at 50 digits, below 10⁻⁴⁸, a gap of 96.)
    if (gap < MIN_ABSORBED) return null;
    // sin, tan, tanh of a below 10⁻²⁰ from their series, to the precision's digits of their own
    // size: the library's error is absolute (10^(−digits) beside 1), so at 10⁻⁴⁰⁰ it told only
    // 457 of 860 digits, and sin ε = ε under ε < 10^(−400) (differing by ε³/6) was checked. They
    // increase near 0: the lower end's lower bound, the upper end's upper one.
    let r: DecInterval;
    if (f === 'sin' || f === 'tan' || f === 'tanh') {
      const lo = seriesNearZero(f, a.lo);
      r = make(lo.lo, (isPoint(a) ? lo : seriesNearZero(f, a.hi)).hi, a);
    } else {
      r = elementaryOf(f, a);
    }
    return gap > r.absorbed ? new DecInterval(r.lo, r.hi, r.mag, gap) : r;
  };
  /**
   * The odd and even parts of sin/cos (alternating: each partial sum within its next term of
   * the sum) or sinh/cosh (positive: within twice its next term, |x| < 1/2) at x, |x| < 10⁻²⁰,
   * each as an enclosure: the terms x^k/k! in `near` (digits + 10, each operation within one
   * unit of its last place; four per term), the sum within (4K + 4) such units of |x| for K
   * terms, plus the truncation.
   */
  const series = (x: Decimal, alternating: boolean): { odd: DecInterval; even: DecInterval } => {
    const sums = [new near(0), new near(0)];
    let term = new near(1);
    let k = 0;
    // (Terms until one is below 10^(−digits − 12) of |x|, the smaller sum: at most ~50 for
    // |x| < 10⁻²⁰ and 960 digits.)
    const negligible = new near(x).abs().times(new near(10).pow(-digits - 12));
    let next = term;
    for (;; k++) {
      // term = x^k/k!, with its sign for sin/cos: (−1)^⌊k/2⌋.
      sums[k % 2] = sums[k % 2]!.plus(term);
      next = term.times(x).div(k + 1);
      if (alternating && k % 2 === 1) next = next.neg();
      if (k >= 2 && next.abs().lt(negligible)) break;
      term = next;
    }
    const unit = new near(10).pow(-digits - 9);
    const enclose = (sum: Decimal, size: Decimal): DecInterval => {
      const err = size.times(unit).times(4 * k + 4).plus(next.abs().times(alternating ? 1 : 2)).plus(next.abs().times(x.abs()));
      return make(down.sub(sum, err), up.add(sum, err));
    };
    return { odd: enclose(sums[1]!, x.abs()), even: enclose(sums[0]!, new near(1)) };
  };
  /** sin, tan or tanh of x, |x| < 10⁻²⁰, from their series (see series), to the precision's digits of x's own size. */
  const seriesNearZero = (f: 'sin' | 'tan' | 'tanh', x: Decimal): DecInterval => {
    const { odd, even } = series(x, f !== 'tanh');
    return f === 'sin' ? odd : div(odd, even);
  };
  const elementary = (f: Elementary, a: DecInterval): DecInterval => nearZero(f, a) ?? elementaryOf(f, a);
  const elementaryOf = (f: Elementary, a: DecInterval): DecInterval => {
    switch (f) {
      case 'abs': return abs(a);
      case 'sqrt': {
        if (a.hi.isNegative() && !a.hi.isZero()) throw new Undefined('square root of a negative number');
        if (a.lo.isNegative() && !a.lo.isZero()) throw new Undecided('a square root of something that may be negative');
        // (Exact integer square roots, fixed-point.ts: the lower end's root rounded down, the upper's up.)
        if (isPoint(a)) {
          const r = sqrtBounds(scaledOf(a.lo.toExponential()), digits);
          return make(new down(`${r.v}e${r.e}`), new up(`${r.v + r.err}e${r.e}`), a);
        }
        const lo = sqrtBounds(scaledOf(a.lo.toExponential()), digits);
        const hi = sqrtBounds(scaledOf(a.hi.toExponential()), digits);
        return make(new down(`${lo.v}e${lo.e}`), new up(`${hi.v + hi.err}e${hi.e}`), a);
      }
      case 'exp': return exp(a);
      case 'log': return log(a);
      case 'sin': case 'cos': return trig(f, a);
      case 'tan': {
        if (a.lo.isZero() && a.hi.isZero()) return zero;
        const c = trig('cos', a);
        if (c.lo.lte(0) && c.hi.gte(0)) throw new Undecided('tan near an odd multiple of π/2');
        return div(trig('sin', a), c);
      }
      case 'tanh': {
        // tanh x = s·(1 − 2/(e^{2|x|} + 1)), in interval arithmetic: decimal.js's own
        // tanh takes minutes for |x| ≳ 10⁵.
        if (a.lo.isZero() && a.hi.isZero()) return zero;
        const t = (x: Decimal): DecInterval => {
          const ax = x.abs();
          // (Negative as x is: tanh(1/(x − π)) just below π was +1 here, and ≠ 0 was refuted.)
          if (ax.gt(1e9)) {
            // (1 − tanh x is 2/(e^{2x} + 1), below 10^(−8·10⁸): absorbed past every precision, so
            // no agreement with 1 rests on it. Red team: tanh(x² + 10^400) = 1 was checked.)
            const r = new DecInterval(new down(1).minus(new up(10).pow(-digits - 5)), new up(1), 1, ABSORBED_PAST_EVERY_PRECISION);
            return x.isNegative() ? neg(r) : r;
          }
          const big = exp(point(new near(ax).times(2)));
          const frac = div(point(new down(2)), field.add(big, one));
          const r = field.sub(one, frac);
          return x.isNegative() ? neg(r) : r;
        };
        const lo = t(a.lo);
        const hi = isPoint(a) ? lo : t(a.hi);
        // (What the formula absorbed, 2/(e^{2|x|} + 1) beside 1, is the result's too: tanh(x² + 500) is not 1.)
        return make(Decimal.max(-1, lo.lo), Decimal.min(1, hi.hi), a, lo, hi);
      }
    }
  };
  const field: Field<DecInterval> & { ends: EnclosureEnds<DecInterval> } = {
    name: `decimal:${digits}`,
    zero,
    one,
    fromInt: (n) => point(new down(n.toString())),
    fromRational(q: Rational) {
      if (q.d === 1n) return point(new down(q.n.toString()));
      const n = new near(q.n.toString());
      const d = new near(q.d.toString());
      return make(divDown(n, d), divUp(n, d));
    },
    add: (a, b) => summed(make(down.add(a.lo, b.lo), up.add(a.hi, b.hi), a, b), a, b),
    sub: (a, b) => summed(make(down.sub(a.lo, b.hi), up.sub(a.hi, b.lo), a, b), a, b),
    mul: mulEnds,
    neg,
    div,
    powInt(a, k) {
      // 10^k is exact in decimal (1e99999999999 written in a step): within decimal.js's exponent range, ±9·10¹⁵.
      if (isPoint(a) && a.lo.eq(10) && k <= 9_000_000_000_000_000n && k >= -9_000_000_000_000_000n) return point(new near(`1e${k}`));
      if (k > 1_000_000n || k < -1_000_000n) {
        if (!(a.lo.abs().eq(1) && a.hi.abs().eq(1)) && !(a.lo.isZero() && a.hi.isZero())) {
          if (a.lo.gt(0)) return exp(mulEnds(point(new near(k.toString())), log(a)));
          throw new Undecided('a power too large to evaluate');
        }
      }
      return powInt(a, k);
    },
    pow(a, b) {
      if (a.lo.isZero() && a.hi.isZero()) {
        if (b.lo.gt(0)) return zero;
        if (b.hi.lt(0)) throw new Undefined('division by zero (0 to a negative power)');
        throw new Undecided('0 to a power that may be 0 or negative');
      }
      // (An exponent enclosed with no whole number inside is not whole, whether or not its
      // enclosure is a point: x^(2/3) at x = −1/2, where 2/3 is no decimal.)
      if (a.hi.lt(0) && b.lo.ceil().gt(b.hi)) throw new Undefined('a negative number to a fractional power');
      if (a.lo.lte(0)) throw new Undecided('a power of something that may be 0 or negative');
      return exp(mulEnds(b, log(a)));
    },
    elementary,
    max: (a, b) => make(Decimal.max(a.lo, b.lo), Decimal.max(a.hi, b.hi), a, b),
    min: (a, b) => make(Decimal.min(a.lo, b.lo), Decimal.min(a.hi, b.hi), a, b),
    pi: () => (piInterval ??= around(piNear())),
    e: () => (eInterval ??= around(kernel(() => expApprox({ m: 1n, e: 0 }, kernelDigits)).r)),
    sign(a): Sign {
      if (a.lo.isPositive() && !a.lo.isZero()) return 1;
      if (a.hi.isNegative() && !a.hi.isZero()) return -1;
      if (a.lo.isZero() && a.hi.isZero()) return 0;
      return null;
    },
    asInteger(a) {
      if (!isPoint(a) || !a.lo.isInteger() || a.lo.abs().gt(Number.MAX_SAFE_INTEGER)) return null;
      return BigInt(a.lo.toFixed(0));
    },
    magnitude: (a) => Math.max(Math.abs(a.lo.toNumber()), Math.abs(a.hi.toNumber())),
    format: (a, d) => decimalText(a, d),
    lambdaMax: (data, n) => enclosedLambdaMax(field, field.ends, data, n),
    span: (lo, hi) => make(lo.lo, hi.hi, lo, hi),
    lambdaMaxTangents: (data, tangents, n) => enclosedLambdaMaxTangents(field, field.ends, data, tangents, n),
    order: {
      below: (a, b) => a.hi.lte(b.lo),
      cmp(a, b) {
        if (a.hi.lt(b.lo)) return -1;
        if (a.lo.gt(b.hi)) return 1;
        if (isPoint(a) && isPoint(b) && a.lo.eq(b.lo)) return 0;
        return null;
      },
      closeness(a, b) {
        const lo = Decimal.min(a.lo, b.lo);
        const hi = Decimal.max(a.hi, b.hi);
        const width = hi.minus(lo);
        if (width.isZero()) return 'agree';
        // log10(width) ≤ mag − 30, read from decimal exponents (width.e is ⌊log10 width⌋),
        // and no wider than 10⁻³⁰ of the sides' own size (at least 1: sin π against 0): a
        // cancellation of huge terms leaves an enclosure far wider than the sides, and
        // (e^{1000π} + 1) − e^{1000π} against 0 is then undecided, not agreement.
        const least = (x: DecInterval): number | null => (x.lo.isPositive() && !x.lo.isZero() ? x.lo.e + 1 : x.hi.isNegative() && !x.hi.isZero() ? x.hi.e + 1 : null);
        // (Two sides certainly nonzero agree to the digits of their own size, however small: under
        // ε < 10^(−400), 1 − cos ε ≥ ε²/2 (both ~10^(−802), differing by ε⁴/24) agreed within
        // 10^(−430) of 1, and was checked; one side that may be 0 is read against 1, as sin π
        // against 0. Under a certificate the cross-check reads agreement against 1 as before, as it
        // does absorbed terms: log(e^(1/x)) = 1/x under x > 10^400 was proved, and was unknown.)
        const [la, lb] = [least(a), least(b)];
        const size = absorbedBlocks && la !== null && lb !== null ? Math.max(la, lb) : Math.max(0, la ?? 0, lb ?? 0);
        // (A nonzero term that sat 10^(digits − 5) or further below another is within the
        // enclosures' width: 1 + e^(−x² − 600) against 1 agrees at 50 digits and differs at
        // 300. It is no agreement where such a term may hide: more digits decide, or none.
        // Twice its places: where the sides' first-order terms in it cancel, their difference
        // is its square, log(x¹⁰⁰ + 1) + log(x¹⁰⁰ − 1) against 200 log x by x^(−200) ≈ 10^(−400)
        // at x = 100, which agreed at 250 digits (red team rt102).)
        if (absorbedBlocks && 2 * Math.max(a.absorbed, b.absorbed) >= digits - 5) return null;
        return width.e + 1 <= Math.min(Math.max(a.mag, b.mag), size) - agreementDigits ? 'agree' : null;
      },
    },
    ends: {
      mid: (a) => a.lo.plus(a.hi).div(2).toNumber(),
      center: (a) => (isPoint(a) ? a : point(near.add(a.lo, a.hi).div(2))),
      lower: (a) => point(a.lo),
      upper: (a) => point(a.hi),
      fromDouble: (x) => point(new down(x)),
      hull: (a, b) => make(Decimal.min(a.lo, b.lo), Decimal.max(a.hi, b.hi), a, b),
      disjoint: (a, b) => a.hi.lt(b.lo) || b.hi.lt(a.lo),
      positive: (a) => a.lo.isPositive() && !a.lo.isZero(),
      span: (lo, hi) => make(lo.lo, hi.hi, lo, hi),
      eps: () => point(new down(10).pow(-digits + 4)),
      refinements: 2,
    },
  };
  fields.set(digits, field);
  return field;
}

/** The whole number a decimal enclosure is exactly (both ends one integer), else null: for printing its digits where its text is a near form (1000!). */
export function exactInteger(a: unknown): Rational | null {
  // (Only where enclosureText prints such a form, below 10^3000: 2^(10^6)'s million bits made
  // the Rational throw, and 2^(10^6) > 10^301030 was no longer refuted.)
  if (!(a instanceof DecInterval) || !a.lo.eq(a.hi) || !a.lo.isInteger() || a.lo.e >= 3000) return null;
  try {
    return new Rational(BigInt(a.lo.toFixed()));
  } catch {
    return null;
  }
}

/** The decimal text of an enclosure with at most `digits` significant digits, each one correct (enclosureText). */
export function decimalText(a: DecInterval, digits: number): string {
  return enclosureText(a.lo, a.hi, digits);
}

/**
 * An enclosure [lo, hi] as text with at most `digits` significant digits, every one of them
 * correct (LANGUAGE.md §3): the most digits at which both ends round alike, so the true value
 * rounds to the text too (`-0.989992496600446` of an enclosure 10⁻¹¹⁰ wide, never its
 * midpoint's digits past the width). Where not even one digit is shared, its ends rounded
 * outward where it has one sign for certain (`(1.2e-901 to 1.1e-661)`), else its middle and a
 * radius that covers it (`1.4e-34 ± 1.4e-33`). A double end is read exactly (exactDouble).
 */
export function enclosureText(lo: Decimal | number, hi: Decimal | number, digits: number): string {
  const a = typeof lo === 'number' ? exactDouble(lo) : new Wide(lo);
  const b = typeof hi === 'number' ? exactDouble(hi) : new Wide(hi);
  if (a.eq(b)) {
    // (A large whole number as exact arithmetic prints it: 2^3000 + 1, not 1.23023192216e903.)
    if (a.isInteger() && a.e >= 16 && a.e < 3000) return formatRational(new Rational(BigInt(a.toFixed())), digits);
    return plainText(a.toSignificantDigits(digits, Decimal.ROUND_HALF_EVEN));
  }
  // No digit past the width's can be shared: start one past it.
  const top = Decimal.max(a.abs(), b.abs());
  for (let d = Math.min(digits, Math.max(1, top.e - b.minus(a).e + 2)); d >= 1; d--) {
    const x = a.toSignificantDigits(d, Decimal.ROUND_HALF_EVEN);
    if (x.eq(b.toSignificantDigits(d, Decimal.ROUND_HALF_EVEN))) return plainText(x);
  }
  // (Of one sign for certain, its ends, rounded outward: `5e-662 ± 5.1e-662` read as a value
  // that may be 0, for a difference of 1.25·10⁻⁹⁰¹ certainly above 0, red team rt113.)
  if ((a.gt(0) && b.gt(0)) || (a.lt(0) && b.lt(0))) {
    // (In words, not `[a, b]`, which inside a vector would read as a row of a matrix.)
    return `(${plainText(a.toSignificantDigits(2, Decimal.ROUND_FLOOR))} to ${plainText(b.toSignificantDigits(2, Decimal.ROUND_CEIL))})`;
  }
  const mid = a.plus(b).div(2).toSignificantDigits(2, Decimal.ROUND_HALF_EVEN);
  const radius = Decimal.max(b.minus(mid), mid.minus(a)).toSignificantDigits(2, Decimal.ROUND_UP);
  return `${plainText(mid)} ± ${plainText(radius)}`;
}

/** A decimal as short text: plain from 10⁻⁴ to 10⁹ (`0.25`, `-3`), else `1.5e-7`. */
function plainText(s: Decimal): string {
  if (s.isZero()) return '0';
  if (s.e >= -4 && s.e < 9) return s.toFixed().replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
  return s.toExponential().replace(/\.?0+e/, 'e').replace('e+', 'e');
}

/** A double's exact value (m·2^e, at most 767 significant digits: Wide holds it). */
function exactDouble(x: number): Decimal {
  if (!Number.isFinite(x)) return new Wide(x);
  if (Number.isSafeInteger(x)) return new Wide(x);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const exp = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  const mant = (exp === 0 ? frac : frac | (1n << 52n)) * (bits >> 63n ? -1n : 1n);
  const e = (exp === 0 ? 1 : exp) - 1075;
  // m·2^e = m·5^(−e)·10^e for e < 0, exactly.
  return e >= 0 ? new Wide((mant << BigInt(e)).toString()) : new Wide(`${mant * 5n ** BigInt(-e)}e${e}`);
}

/** Decimals wide enough for any end printed (past the highest precision used, 960 digits, and a double's 767). */
const Wide = Decimal.clone({ precision: 1100 });

/** Whether two enclosures certainly differ. */
export function decDisjoint(a: DecInterval, b: DecInterval): boolean {
  return a.hi.lt(b.lo) || b.hi.lt(a.lo);
}

/** The width of the hull of two enclosures, as log10 (−∞ for two equal points). */
export function decHullWidthLog(a: DecInterval, b: DecInterval): number {
  const lo = Decimal.min(a.lo, b.lo);
  const hi = Decimal.max(a.hi, b.hi);
  const w = hi.minus(lo);
  if (w.isZero()) return -Infinity;
  return Math.log10(w.toSignificantDigits(15).dividedBy(new Decimal(10).pow(w.e)).toNumber()) + w.e;
}

/** An enclosure as doubles (outward), for messages and estimates. */
export function decToNumbers(a: DecInterval): [number, number] {
  return [a.lo.toNumber(), a.hi.toNumber()];
}

/** Rejects anything decimal.js cannot hold. */
export function checkFinite(a: DecInterval): void {
  if (!a.lo.isFinite() || !a.hi.isFinite()) throw new Inexact('not a finite number');
}
