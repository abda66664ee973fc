import { Inexact, Undecided, Undefined, type Elementary, type Field, type Sign } from './field.js';
import { exactField, formatRational, gcd, isqrt, Rational } from './rational.js';

/**
 * Exact arithmetic in the real numbers ∑ cₛ√s (cₛ rational, s a square-free whole number ≥ 1;
 * s = 1 is the rational part): the values that norms, √ and |·| take at rational points,
 * such as ‖x‖‖y‖ = √10·√10 = 10 at x = y = (−3, −1). The square roots of distinct
 * square-free whole numbers are linearly independent over the rationals (Besicovitch, "On
 * the linear independence of fractional powers of integers", J. London Math. Soc. 1940), so
 * a value is 0 exactly when every coefficient is: equality is decided exactly. Signs are
 * decided by enclosures of each √s in whole-number fixed point (⌊√(s·4ᵏ)⌋, no rounding).
 * √ of a value with one root is denested where it can be (√(3 + 2√2) = 1 + √2). Anything
 * outside this field (π, exp, any other √ of an irrational, more than 64 roots) throws Inexact.
 */
export class Radical {
  /** The coefficient of each √s, keyed by s; no zero coefficients (0 is the empty map). */
  readonly terms: ReadonlyMap<bigint, Rational>;

  constructor(terms: ReadonlyMap<bigint, Rational>) {
    if (terms.size > MAX_TERMS) throw new Inexact('too many square roots for exact arithmetic');
    for (const [s, c] of terms) {
      if (s >= LIMIT || c.n >= LIMIT || -c.n >= LIMIT || c.d >= LIMIT) throw new Inexact('a number too large for exact arithmetic with square roots');
    }
    this.terms = terms;
  }

  static rational(q: Rational): Radical {
    return new Radical(q.isZero() ? new Map() : new Map([[1n, q]]));
  }

  /** The value as a rational when it has no root in it, else null. */
  asRational(): Rational | null {
    if (this.terms.size === 0) return Rational.ZERO;
    if (this.terms.size === 1 && this.terms.has(1n)) return this.terms.get(1n)!;
    return null;
  }
}

/** More terms than this and the value is left to the enclosures (products of sums multiply them). */
const MAX_TERMS = 64;

/**
 * Numbers of this many bits or more are left to the enclosures: a tie worth proving is at a
 * point of short numbers, and each operation's gcds grow with the length (∑_{i=1}^{n} 0.99^i
 * at large n, whose fractions grow 13 bits a term, took seconds before it reached the exact
 * field's 10,000-bit limit).
 */
const LIMIT = 1n << 1024n;

/** Trial divisors: the primes below 1000. */
const PRIMES: readonly bigint[] = (() => {
  const out: bigint[] = [];
  for (let n = 2; n < 1000; n++) if (out.every((p) => n % Number(p) !== 0)) out.push(BigInt(n));
  return out;
})();
const BOUND = 1000n;

/**
 * m = a²·s with s square-free, for a whole m > 0; null where a factor past the trial divisors
 * could be a square (a cofactor of 10⁹ or more that is not a perfect square).
 */
function squareFree(m: bigint): { a: bigint; s: bigint } | null {
  let a = 1n;
  let s = 1n;
  for (const p of PRIMES) {
    if (p * p > m) break;
    let k = 0;
    while (m % p === 0n) {
      m /= p;
      k++;
    }
    if (k >= 2) a *= p ** BigInt(k >> 1);
    if (k & 1) s *= p;
  }
  if (m === 1n) return { a, s };
  // Every prime factor of m is now above the bound (or m itself is a prime below its square).
  const r = isqrt(m);
  if (r * r === m) return { a: a * r, s };
  // Below the bound cubed, m is p, or p·q with p ≠ q: square-free.
  if (m < BOUND * BOUND * BOUND) return { a, s: s * m };
  return null;
}

/** √q for a rational q ≥ 0, as c√s. */
function sqrtRational(q: Rational): Radical {
  if (q.sign() < 0) throw new Undefined('square root of a negative number');
  if (q.isZero()) return Radical.rational(Rational.ZERO);
  // √(n/d) = √(n·d)/d.
  const f = squareFree(q.n * q.d);
  if (!f) throw new Inexact('a square root whose radicand cannot be factored');
  const c = new Rational(f.a, q.d);
  return new Radical(new Map([[f.s, c]]));
}

function add(a: Radical, b: Radical, sign = 1): Radical {
  const out = new Map(a.terms);
  for (const [s, c] of b.terms) {
    const sum = (out.get(s) ?? Rational.ZERO).add(sign < 0 ? c.neg() : c);
    if (sum.isZero()) out.delete(s);
    else out.set(s, sum);
  }
  return new Radical(out);
}

function scale(a: Radical, q: Rational): Radical {
  if (q.isZero()) return Radical.rational(Rational.ZERO);
  return new Radical(new Map([...a.terms].map(([s, c]) => [s, c.mul(q)])));
}

function mul(a: Radical, b: Radical): Radical {
  const ra = a.asRational();
  if (ra) return scale(b, ra);
  const rb = b.asRational();
  if (rb) return scale(a, rb);
  const out = new Map<bigint, Rational>();
  for (const [s, c] of a.terms) {
    for (const [t, e] of b.terms) {
      // √s·√t = g·√((s/g)(t/g)) with g = gcd(s, t): square-free, as s and t are.
      const g = gcd(s, t);
      const key = (s / g) * (t / g);
      const term = c.mul(e).mul(new Rational(g));
      const sum = (out.get(key) ?? Rational.ZERO).add(term);
      if (sum.isZero()) out.delete(key);
      else out.set(key, sum);
    }
    if (out.size > MAX_TERMS) throw new Inexact('too many square roots for exact arithmetic');
  }
  return new Radical(out);
}

/**
 * Whole numbers > 1, pairwise coprime, whose products give every s (square-free) of a value's
 * roots: refined by gcds, no factoring (a coprime base).
 */
function coprimeBase(values: readonly bigint[]): bigint[] {
  let base = [...new Set(values.filter((v) => v > 1n))];
  for (let changed = true; changed;) {
    changed = false;
    outer: for (let i = 0; i < base.length; i++) {
      for (let j = i + 1; j < base.length; j++) {
        const g = gcd(base[i]!, base[j]!);
        if (g === 1n) continue;
        const next = base.filter((_, k) => k !== i && k !== j);
        next.push(g, base[i]! / g, base[j]! / g);
        base = [...new Set(next.filter((v) => v > 1n))];
        changed = true;
        break outer;
      }
    }
  }
  return base;
}

/**
 * 1/b: with r one element of the coprime base of b's roots, b = u + v√r where u and v hold no
 * √r, and 1/b = (u − v√r)/(u² − r v²), whose divisor has one root fewer (u² − r v² ≠ 0, as √r
 * is independent of the other roots: Besicovitch).
 */
function inverse(b: Radical): Radical {
  const rb = b.asRational();
  if (rb) {
    if (rb.isZero()) throw new Undefined('division by zero');
    return Radical.rational(Rational.ONE.div(rb));
  }
  const r = coprimeBase([...b.terms.keys()])[0]!;
  const u = new Map<bigint, Rational>();
  const v = new Map<bigint, Rational>();
  for (const [s, c] of b.terms) {
    if (s % r === 0n) v.set(s / r, c);
    else u.set(s, c);
  }
  const U = new Radical(u);
  const V = new Radical(v);
  const conj = add(U, mul(V, sqrtOf(r)), -1);
  const norm = add(mul(U, U), scale(mul(V, V), new Rational(r)), -1);
  return mul(conj, inverse(norm));
}

/** √r for a square-free r: the value with one term. */
function sqrtOf(r: bigint): Radical {
  return new Radical(new Map([[r, Rational.ONE]]));
}

/** The sign of a value: exact 0 by its terms, else ±1 from fixed-point enclosures of each √s at rising precision. */
function signOf(a: Radical): -1 | 0 | 1 {
  const q = a.asRational();
  if (q) return q.sign() as -1 | 0 | 1;
  // Whole coefficients mₛ = cₛ·D (D > 0, the product of the denominators' lcm).
  let D = 1n;
  for (const c of a.terms.values()) D = (D / gcd(D, c.d)) * c.d;
  const m = [...a.terms].map(([s, c]) => [s, (c.n * D) / c.d] as const);
  for (const k of [64n, 256n, 1024n, 4096n]) {
    const one = 1n << k;
    let lo = 0n;
    let hi = 0n;
    for (const [s, c] of m) {
      // r ≤ √s·2ᵏ < r + 1 (exactly r for s = 1).
      const r = s === 1n ? one : isqrt(s << (2n * k));
      const up = s === 1n ? r : r + 1n;
      if (c >= 0n) {
        lo += c * r;
        hi += c * up;
      } else {
        lo += c * up;
        hi += c * r;
      }
    }
    if (lo > 0n) return 1;
    if (hi < 0n) return -1;
  }
  throw new Undecided('a sum of square roots too close to 0 to tell its sign');
}

/**
 * √(u + v√s) for a value u + v√s > 0 of one root, where d = √(u² − v²s) is rational:
 * √((u + d)/2) ± √((u − d)/2), the sign of v (√(3 + 2√2) = 1 + √2, √(5 + 2√6) = √2 + √3).
 * Any other root of an irrational number throws Inexact.
 */
function denested(a: Radical): Radical {
  const roots = [...a.terms].filter(([s]) => s !== 1n);
  const u = a.terms.get(1n);
  if (roots.length !== 1 || !u || u.sign() <= 0) throw new Inexact('a square root of an irrational number');
  const [s, v] = roots[0]!;
  const d = u.mul(u).sub(new Rational(s).mul(v).mul(v)).sqrt();
  if (!d) throw new Inexact('a square root of an irrational number');
  const half = new Rational(1n, 2n);
  const p = u.add(d).mul(half);
  const q = u.sub(d).mul(half);
  if (p.sign() < 0 || q.sign() < 0) throw new Inexact('a square root of an irrational number');
  const second = sqrtRational(q);
  return add(sqrtRational(p), v.sign() < 0 ? scale(second, Rational.of(-1)) : second);
}

/** The value as a double (an estimate, never a decision). */
function approx(a: Radical): number {
  let x = 0;
  for (const [s, c] of a.terms) x += c.toNumber() * Math.sqrt(Number(s));
  return x;
}

function powInt(a: Radical, k: bigint): Radical {
  if (k < 0n) return inverse(powInt(a, -k));
  const q = a.asRational();
  if (q) return Radical.rational(q.pow(k));
  if (k > 10_000n) throw new Inexact('a power too large for exact arithmetic');
  let result = Radical.rational(Rational.ONE);
  let base = a;
  let e = k;
  while (e > 0n) {
    if (e & 1n) result = mul(result, base);
    e >>= 1n;
    if (e > 0n) base = mul(base, base);
  }
  return result;
}

/** `3√10`, `1 + √2`, `-√11`, `2√5/3`; past 40 characters, a double estimate. */
function format(a: Radical, digits: number): string {
  const q = a.asRational();
  if (q) return formatRational(q, digits);
  const parts: string[] = [];
  const sorted = [...a.terms].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  // (A positive term first: √3 - √2, not -√2 + √3.)
  const lead = sorted.findIndex(([, c]) => c.sign() > 0);
  if (lead > 0) sorted.unshift(...sorted.splice(lead, 1));
  for (const [s, c] of sorted) {
    const neg = c.sign() < 0;
    const mag = neg ? c.neg() : c;
    const text = s === 1n ? formatRational(mag, digits) : `${mag.n === 1n ? '' : mag.n}√${s}${mag.d === 1n ? '' : `/${mag.d}`}`;
    parts.push(parts.length === 0 ? (neg ? `-${text}` : text) : `${neg ? '-' : '+'} ${text}`);
  }
  const text = parts.join(' ');
  return text.length <= 40 ? text : approx(a).toPrecision(Math.max(1, Math.min(17, digits)));
}

/**
 * The radical field with a budget of `operations` (+ − × ÷ and roots), past which it throws
 * Inexact: ∑_{i=1}^{n} 0.99^i at n = 10⁵ is 10⁵ additions of ever longer fractions, where
 * the enclosures cannot tell the sum from 99 — seconds of exact work that would decide nothing.
 */
export function radicalFieldWithin(operations: number): Field<Radical> {
  let left = operations;
  const spend = (): void => {
    if (--left < 0) throw new Inexact('too much exact work with square roots');
  };
  const F = radicalOps;
  return {
    ...F,
    add: (a, b) => (spend(), F.add(a, b)),
    sub: (a, b) => (spend(), F.sub(a, b)),
    mul: (a, b) => (spend(), F.mul(a, b)),
    div: (a, b) => (spend(), F.div(a, b)),
    powInt: (a, k) => (spend(), F.powInt(a, k)),
    pow: (a, b) => (spend(), F.pow(a, b)),
    elementary: (f, a) => (spend(), F.elementary(f, a)),
  };
}

const radicalOps: Field<Radical> = {
  name: 'radical',
  zero: Radical.rational(Rational.ZERO),
  one: Radical.rational(Rational.ONE),
  fromInt: (n) => Radical.rational(Rational.of(n)),
  fromRational: (q) => Radical.rational(q),
  add: (a, b) => add(a, b),
  sub: (a, b) => add(a, b, -1),
  mul,
  neg: (a) => scale(a, Rational.of(-1)),
  div: (a, b) => mul(a, inverse(b)),
  powInt,
  pow(a, b) {
    const e = b.asRational();
    if (!e) throw new Inexact('an irrational power');
    if (e.isInteger()) return powInt(a, e.n);
    const base = a.asRational();
    if (!base) throw new Inexact('a fractional power of an irrational number');
    if (base.isZero()) {
      if (e.sign() > 0) return Radical.rational(Rational.ZERO);
      throw new Undefined('division by zero (0 to a negative power)');
    }
    if (base.sign() < 0) throw new Undefined('a negative number to a fractional power');
    if (e.d !== 2n) throw new Inexact('a fractional power');
    return powInt(sqrtRational(base), e.n);
  },
  elementary(f: Elementary, a: Radical): Radical {
    if (f === 'abs') return signOf(a) < 0 ? scale(a, Rational.of(-1)) : a;
    const q = a.asRational();
    if (f === 'sqrt') {
      if (!q) {
        if (signOf(a) < 0) throw new Undefined('square root of a negative number');
        return denested(a);
      }
      return sqrtRational(q);
    }
    if (!q) throw new Inexact(`${f} of an irrational number`);
    return Radical.rational(exactField.elementary(f, q));
  },
  max: (a, b) => (signOf(add(a, b, -1)) >= 0 ? a : b),
  min: (a, b) => (signOf(add(a, b, -1)) <= 0 ? a : b),
  pi() { throw new Inexact('π is not a sum of square roots'); },
  e() { throw new Inexact('e is not a sum of square roots'); },
  sign: (a): Sign => signOf(a),
  asInteger: (a) => {
    const q = a.asRational();
    return q && q.isInteger() ? q.n : null;
  },
  magnitude: (a) => Math.abs(approx(a)),
  format,
  order: {
    cmp: (a, b) => signOf(add(a, b, -1)),
    closeness: (a, b) => (add(a, b, -1).terms.size === 0 ? 'agree' : null),
  },
};

/**
 * The radical field: exact values ∑ cₛ√s at rational points (see Radical). Used where the
 * enclosures cannot tell two sides apart at any precision, to decide whether they are equal.
 */
export const radicalField: Field<Radical> = radicalFieldWithin(Infinity);
