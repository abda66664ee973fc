import { Inexact, Undefined, type Elementary, type Field, type Sign } from './field.js';

/** Exact numbers above this many bits are left to the enclosures (their cost grows with size). */
export const MAX_EXACT_BITS = 20_000;

/** The bits in force (MAX_EXACT_BITS, or more for one call: withExactBits), and the bound on a numerator or denominator they give. */
let exactBits = MAX_EXACT_BITS;
let LIMIT = 1n << BigInt(MAX_EXACT_BITS / 2);

/**
 * Runs `fn` with exact numbers of up to `bits` bits (a step of numbers alone, whose one point
 * may be worth it: x_12 of Newton's iteration for √2 has ~10,400 bits, and x_12² = 2 agreed to
 * 960 digits, red team rt114). Synchronous: the bound is in force for exactly this call.
 */
export function withExactBits<T>(bits: number, fn: () => T): T {
  const [prevBits, prevLimit] = [exactBits, LIMIT];
  exactBits = Math.max(bits, MAX_EXACT_BITS);
  LIMIT = 1n << BigInt(Math.floor(exactBits / 2));
  try {
    return fn();
  } finally {
    [exactBits, LIMIT] = [prevBits, prevLimit];
  }
}
const abs = (n: bigint): bigint => (n < 0n ? -n : n);

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * The greatest common divisor of two integers (≥ 0). Below 2⁵³ the remainders are taken in
 * doubles (exact there, and several times cheaper than BigInt's); a power of two against any
 * integer is the lowest set bit of the other, at most that power (the dyadic points that
 * bisection and doubles make: every denominator a power of two).
 */
export function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  if (a === 1n || b === 1n) return 1n;
  if (a === 0n) return b;
  if (b === 0n) return a;
  if (a <= SAFE && b <= SAFE) {
    let x = Number(a);
    let y = Number(b);
    while (y !== 0) {
      const r = x % y;
      x = y;
      y = r;
    }
    return BigInt(x);
  }
  if ((b & (b - 1n)) === 0n) {
    const low = a & -a;
    return low < b ? low : b;
  }
  if ((a & (a - 1n)) === 0n) {
    const low = b & -b;
    return low < a ? low : a;
  }
  while (b !== 0n) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a;
}

/** The bits of a rational's numerator and denominator together (about: whole hex digits). */
export function bitsOf(x: Rational): number {
  return bits(x.n) + bits(x.d);
}

/** log2 |n| for n ≠ 0, to about 13 hex digits of its top (0 for ±1). */
function log2Abs(n: bigint): number {
  const hex = abs(n).toString(16);
  const head = hex.slice(0, 13);
  return Math.log2(parseInt(head, 16)) + 4 * (hex.length - head.length);
}

function bits(n: bigint): number {
  return n === 0n ? 0 : abs(n).toString(16).length * 4;
}

/** An exact rational n/d with d > 0 and gcd(n, d) = 1 (BigInt). */
export class Rational {
  readonly n: bigint;
  readonly d: bigint;

  constructor(n: bigint, d: bigint = 1n) {
    if (d === 0n) throw new Undefined('division by zero');
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    const g = d === 1n ? 1n : gcd(n, d);
    this.n = g === 1n ? n : n / g;
    this.d = g === 1n ? d : d / g;
    if (this.n >= LIMIT || -this.n >= LIMIT || this.d >= LIMIT) throw new Inexact('a number too large for exact arithmetic');
  }

  /** n/d already in lowest terms with d > 0 (no gcd): for results known to be reduced. */
  static reduced(n: bigint, d: bigint): Rational {
    if (n >= LIMIT || -n >= LIMIT || d >= LIMIT) throw new Inexact('a number too large for exact arithmetic');
    const r = Object.create(Rational.prototype) as { n: bigint; d: bigint };
    r.n = n;
    r.d = d;
    return r as Rational;
  }

  static readonly ZERO = new Rational(0n);
  static readonly ONE = new Rational(1n);

  static of(n: number | bigint): Rational {
    if (typeof n === 'number' && !Number.isSafeInteger(n)) throw new Inexact(`${n} is not a whole number`);
    return new Rational(BigInt(n));
  }

  /** The exact value of a finite double (m·2^e, reduced without a gcd: m is odd when e < 0). Throws Inexact for ±Infinity and NaN. */
  static ofDouble(x: number): Rational {
    if (!Number.isFinite(x)) throw new Inexact(`${x} is not a finite number`);
    if (Number.isInteger(x)) return Rational.reduced(BigInt(x), 1n);
    // (Doubling is exact until the value is a whole number: at most 1074 times.)
    let m = x;
    let e = 0;
    while (!Number.isInteger(m)) {
      m *= 2;
      e++;
    }
    return Rational.reduced(BigInt(m), 1n << BigInt(e));
  }

  /** Exact value of a decimal literal: `0.3`, `-2`, `1e-6`, `2.5E10`. Throws on anything else. */
  static parse(text: string): Rational {
    const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
    if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new Inexact(`'${text}' is not a number`);
    const [, sign, whole, frac = '', exp = '0'] = m;
    const e = Number(exp) - frac.length;
    if (Math.abs(e) > 100_000) throw new Inexact('a number too large for exact arithmetic');
    let n = BigInt(`${whole || '0'}${frac}`);
    if (sign === '-') n = -n;
    return e >= 0 ? new Rational(n * 10n ** BigInt(e)) : new Rational(n, 10n ** BigInt(-e));
  }

  isZero(): boolean {
    return this.n === 0n;
  }

  isInteger(): boolean {
    return this.d === 1n;
  }

  sign(): -1 | 0 | 1 {
    return this.n === 0n ? 0 : this.n < 0n ? -1 : 1;
  }

  add(o: Rational): Rational {
    if (this.d === 1n && o.d === 1n) return Rational.reduced(this.n + o.n, 1n);
    if (this.n === 0n) return o;
    if (o.n === 0n) return this;
    // Henrici: with g = gcd(d₁, d₂), only a gcd with g is left to take.
    const g = gcd(this.d, o.d);
    if (g === 1n) return Rational.reduced(this.n * o.d + o.n * this.d, this.d * o.d);
    const t = this.n * (o.d / g) + o.n * (this.d / g);
    const g2 = gcd(t, g);
    return Rational.reduced(t / g2, (this.d / g) * (o.d / g2));
  }

  sub(o: Rational): Rational {
    return this.add(o.neg());
  }

  mul(o: Rational): Rational {
    if (this.n === 0n || o.n === 0n) return Rational.ZERO;
    if (this.d === 1n && o.d === 1n) return Rational.reduced(this.n * o.n, 1n);
    // Cross-cancel first: the gcds are of the smaller factors and the result is reduced.
    const g1 = gcd(this.n, o.d);
    const g2 = gcd(o.n, this.d);
    return Rational.reduced((this.n / g1) * (o.n / g2), (this.d / g2) * (o.d / g1));
  }

  neg(): Rational {
    return Rational.reduced(-this.n, this.d);
  }

  div(o: Rational): Rational {
    if (o.n === 0n) throw new Undefined('division by zero');
    if (this.n === 0n) return Rational.ZERO;
    // Cross-cancel first, as mul does: gcds of the smaller factors, and the result is reduced
    // (the gcd of the whole products cost most of bisection's secant steps).
    const g1 = gcd(this.n, o.n);
    const g2 = gcd(this.d, o.d);
    const n = (this.n / g1) * (o.d / g2);
    const d = (this.d / g2) * (o.n / g1);
    return d < 0n ? Rational.reduced(-n, -d) : Rational.reduced(n, d);
  }

  /** this^k, k whole; 0^negative is undefined. */
  pow(k: bigint): Rational {
    if (k === 0n) return Rational.ONE;
    if (this.n === 0n) {
      if (k < 0n) throw new Undefined('division by zero (0 to a negative power)');
      return Rational.ZERO;
    }
    if (abs(this.n) === 1n && this.d === 1n) return (k % 2n === 0n || this.n === 1n) ? Rational.ONE : new Rational(-1n);
    const e = abs(k);
    // (The power's size from log2 of the numerator and denominator, not their hex digits: 2
    // counted 8 bits, so 2^4000 (4,001 bits) was "too large", and 2^4000 + 1 = 4^2000 + 1 was
    // unknown, red team rt116.)
    if ((log2Abs(this.n) + log2Abs(this.d)) * Number(e > 1_000_000n ? 1_000_000n : e) > exactBits) {
      throw new Inexact('a power too large for exact arithmetic');
    }
    // (n/d in lowest terms: so is nᵉ/dᵉ, with no gcd to take; and its inverse, the sign moved up.)
    const [n, d] = [this.n ** e, this.d ** e];
    if (k > 0n) return Rational.reduced(n, d);
    return n < 0n ? Rational.reduced(-d, -n) : Rational.reduced(d, n);
  }

  /** The largest integer ≤ this. */
  floor(): bigint {
    return this.n >= 0n ? this.n / this.d : -((-this.n + this.d - 1n) / this.d);
  }

  /** The smallest integer ≥ this. */
  ceil(): bigint {
    return -this.neg().floor();
  }

  cmp(o: Rational): -1 | 0 | 1 {
    const l = this.n * o.d;
    const r = o.n * this.d;
    return l === r ? 0 : l < r ? -1 : 1;
  }

  equals(o: Rational): boolean {
    return this.n === o.n && this.d === o.d;
  }

  /** The nearest double (exact for small integers and dyadic fractions). */
  toNumber(): number {
    if (this.d === 1n) return Number(this.n);
    const bn = bits(this.n);
    const bd = bits(this.d);
    if (bn < 1000 && bd < 1000) return Number(this.n) / Number(this.d);
    // n/d = q·2^(−k) with q = ⌊|n|·2^k/d⌋ of about 64 bits, scaled by powers of two (exact
    // while the value stays normal, one rounding where it ends below: the sign and size of a
    // value near 10⁻³⁰⁰ survive). (Shifting both ends down to 60 bits lost a tiny value with a
    // long denominator: 2^1100/2^2100 gave 60 bits over Infinity, 0, and an enclosure of
    // [−2·MIN_VALUE, 2·MIN_VALUE] for ~10⁻³⁰¹.)
    const negative = this.n < 0n;
    const n = negative ? -this.n : this.n;
    const k = 64 - (bn - bd);
    const q = k >= 0 ? (n << BigInt(k)) / this.d : n / (this.d << BigInt(-k));
    let x = Number(q);
    let e = -k;
    while (e > 1000 && Number.isFinite(x)) {
      x *= 2 ** 1000;
      e -= 1000;
    }
    while (e < -1000 && x !== 0) {
      x *= 2 ** -1000;
      e += 1000;
    }
    x *= 2 ** e;
    return negative ? -x : x;
  }

  /** The exact square root when it is rational, else null. */
  sqrt(): Rational | null {
    if (this.n < 0n) return null;
    const rn = isqrt(this.n);
    const rd = isqrt(this.d);
    return rn * rn === this.n && rd * rd === this.d ? new Rational(rn, rd) : null;
  }

  /** `3`, `-1/2`, `0.25` (a short decimal when it terminates). */
  toString(): string {
    if (this.d === 1n) return this.n.toString();
    let d = this.d;
    let twos = 0;
    let fives = 0;
    while (d % 2n === 0n) { d /= 2n; twos++; }
    while (d % 5n === 0n) { d /= 5n; fives++; }
    if (d === 1n && Math.max(twos, fives) <= 30) {
      const places = Math.max(twos, fives);
      const scaled = (this.n * 10n ** BigInt(places)) / this.d;
      const s = abs(scaled).toString().padStart(places + 1, '0');
      const text = `${s.slice(0, s.length - places)}.${s.slice(s.length - places)}`.replace(/\.?0+$/, '');
      return (scaled < 0n ? '-' : '') + text;
    }
    return `${this.n}/${this.d}`;
  }
}

/** The simplest rational in [lo, hi] (0 < lo ≤ hi): the one with the least denominator, by continued fractions. */
export function simplestBetween(lo: Rational, hi: Rational, depth = 0): Rational {
  const floor = lo.n / lo.d;
  const ceil = lo.isInteger() ? floor : floor + 1n;
  if (new Rational(ceil).cmp(hi) <= 0) return new Rational(ceil);
  if (depth > 200) return lo;
  // lo and hi share the whole part f: f + 1/x with x in [1/(hi − f), 1/(lo − f)].
  const f = new Rational(floor);
  const inner = simplestBetween(Rational.ONE.div(hi.sub(f)), Rational.ONE.div(lo.sub(f)), depth + 1);
  return f.add(Rational.ONE.div(inner));
}

/** The simplest rational in [lo, hi], of either sign (simplestBetween takes lo ≥ 0). */
export function simplestIn(lo: Rational, hi: Rational): Rational {
  if (lo.sign() <= 0 && hi.sign() >= 0) return Rational.ZERO;
  return hi.sign() < 0 ? simplestBetween(hi.neg(), lo.neg()).neg() : simplestBetween(lo, hi);
}

/** ⌊√n⌋ for n ≥ 0 (Newton's method on BigInt). */
export function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  // A start at or above √n: from the double estimate where n fits a double, else 2^⌈bits/2⌉
  // (Number(n) is Infinity past 1.8·10³⁰⁸, and BigInt(Infinity) throws).
  const approx = Number(n);
  let x = Number.isFinite(approx) ? BigInt(Math.floor(Math.sqrt(approx))) : 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  if (x === 0n) x = 1n;
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x && x * x <= n && (x + 1n) * (x + 1n) > n) return x;
    x = y;
  }
}

/**
 * Exact rational arithmetic: `+ − × ÷`, whole powers, and the few elementary values that
 * are rational (exp 0 = 1, log 1 = 0, √ of a square, sin 0, cos 0, |x|). Anything else
 * throws Inexact, and the caller evaluates in enclosures instead.
 */
export const exactField: Field<Rational> = {
  name: 'exact',
  zero: Rational.ZERO,
  one: Rational.ONE,
  fromInt: (n) => Rational.of(n),
  fromRational: (q) => q,
  add: (a, b) => a.add(b),
  sub: (a, b) => a.sub(b),
  mul: (a, b) => a.mul(b),
  neg: (a) => a.neg(),
  div: (a, b) => a.div(b),
  powInt: (a, k) => a.pow(k),
  pow(a, b) {
    if (b.isInteger()) return a.pow(b.n);
    if (a.isZero() && b.sign() > 0) return Rational.ZERO;
    if (a.isZero()) throw new Undefined('division by zero (0 to a negative power)');
    if (a.sign() < 0) throw new Undefined('a negative number to a fractional power');
    if (a.equals(Rational.ONE)) return Rational.ONE;
    if (b.d === 2n) {
      const r = a.sqrt();
      if (r) return r.pow(b.n);
    }
    throw new Inexact('a fractional power');
  },
  elementary(f: Elementary, a: Rational): Rational {
    switch (f) {
      case 'abs': return a.sign() < 0 ? a.neg() : a;
      case 'sqrt': {
        if (a.sign() < 0) throw new Undefined('square root of a negative number');
        const r = a.sqrt();
        if (r) return r;
        break;
      }
      case 'exp': if (a.isZero()) return Rational.ONE; break;
      case 'log':
        if (a.sign() <= 0) throw new Undefined(a.isZero() ? 'log of 0' : 'log of a negative number');
        if (a.equals(Rational.ONE)) return Rational.ZERO;
        break;
      case 'sin': case 'tan': case 'tanh': if (a.isZero()) return Rational.ZERO; break;
      case 'cos': if (a.isZero()) return Rational.ONE; break;
    }
    throw new Inexact(`${f} is not exact here`);
  },
  max: (a, b) => (a.cmp(b) >= 0 ? a : b),
  min: (a, b) => (a.cmp(b) <= 0 ? a : b),
  pi() { throw new Inexact('π is not rational'); },
  e() { throw new Inexact('e is not rational'); },
  sign: (a): Sign => a.sign(),
  asInteger: (a) => (a.isInteger() ? a.n : null),
  magnitude: (a) => Math.abs(a.toNumber()),
  format: (a, digits) => formatRational(a, digits),
  order: {
    cmp: (a, b) => a.cmp(b),
    closeness: (a, b) => (a.equals(b) ? 'agree' : null),
  },
};

/**
 * An exact rational as text: exactly when short (`3`, `-1/2`, `0.25`), a large integer near
 * a power or a factorial as that and the rest (`10^40 + 1`, `2^3000`, `1000! + 1`: readNumber
 * reads each back), otherwise `digits` significant digits.
 */
export function formatRational(q: Rational, digits: number): string {
  const exact = q.toString();
  const significant = exact.replace(/^-/, '').replace('.', '').replace(/^0+/, '');
  if (significant.length <= Math.max(16, digits) && !exact.includes('/')) return exact;
  if (q.isInteger()) {
    const near = nearForm(q.n);
    if (near) return near;
  }
  if (exact.includes('/') && exact.length <= 24) return exact;
  return scientific(q, Math.max(digits, 6));
}

/** Bases whose powers a large integer is written near (4, 8 and 9 are powers of 2 and 3). */
const BASES = [10n, 2n, 3n, 5n, 6n, 7n];

/**
 * n as `b^k ± c` or `k! ± c` with |c| < 10⁶, the nearest such form (powers of ten first), or
 * null: a large integer a step wrote that way prints as it was written, not as 900 digits.
 */
function nearForm(n: bigint): string | null {
  const a = abs(n);
  let best: { head: string; c: bigint } | null = null;
  const consider = (head: string, value: bigint) => {
    const c = a - value;
    if (abs(c) < 1_000_000n && (!best || abs(c) < abs(best.c))) best = { head, c };
  };
  const bitLength = a.toString(2).length;
  for (const b of BASES) {
    const k = Math.round(bitLength / Math.log2(Number(b)));
    for (const j of [k - 1, k, k + 1]) if (j > 1) consider(`${b}^${j}`, b ** BigInt(j));
  }
  let f = 1n;
  for (let k = 2n; f <= 2n * a; k++) {
    f *= k;
    consider(`${k}!`, f);
  }
  if (!best) return null;
  const { head, c } = best as { head: string; c: bigint };
  const signed = `${n < 0n ? '-' : ''}${head}`;
  return c === 0n ? signed : `${signed} ${(c > 0n) === (n > 0n) ? '+' : '-'} ${abs(c)}`;
}

/**
 * The exact value of a number as formatRational and the enclosures print it (`0.25`, `-1/3`,
 * `1.5e-7`, `10^40 + 1`, `-2^3000`, `1000! - 2`), or null for other text.
 */
export function readNumber(text: string): Rational | null {
  try {
    const form = /^(-?)(?:(\d+)\^(\d+)|(\d+)!)(?: ([+-]) (\d+))?$/.exec(text);
    if (form) {
      const [, minus, base, power, factorial, op, rest] = form;
      // (No larger than exact arithmetic holds: 3000! has 30,000 bits.)
      const bitsOf = factorial !== undefined ? Number(factorial) * Math.log2(Number(factorial) + 1) : Number(power) * Math.log2(Number(base));
      if (!(bitsOf <= MAX_EXACT_BITS)) return null;
      let head = 1n;
      if (factorial !== undefined) for (let k = 2n; k <= BigInt(factorial); k++) head *= k;
      else head = BigInt(base!) ** BigInt(power!);
      const value = (minus ? -head : head) + (rest === undefined ? 0n : op === '-' ? -BigInt(rest) : BigInt(rest));
      return new Rational(value);
    }
    const fraction = /^(-?\d+)\/(\d+)$/.exec(text);
    if (fraction) return new Rational(BigInt(fraction[1]!), BigInt(fraction[2]!));
    return Rational.parse(text);
  } catch {
    return null;
  }
}

/** q to `digits` significant digits, as `1.23456e-7` or `0.00123` (exact decimal arithmetic), never as a near form: `scientific(1000!, 6)` is 4.02387e2567. */
export function scientific(q: Rational, digits: number): string {
  if (q.isZero()) return '0';
  const neg = q.n < 0n;
  const n = abs(q.n);
  // Find e with 10^e ≤ |q| < 10^(e+1).
  let e = n.toString().length - q.d.toString().length;
  const ge = (num: bigint, den: bigint) => num >= den;
  const tenPow = (k: number) => 10n ** BigInt(Math.abs(k));
  const atLeast = (k: number) => (k >= 0 ? ge(n, q.d * tenPow(k)) : ge(n * tenPow(k), q.d));
  while (!atLeast(e)) e--;
  while (atLeast(e + 1)) e++;
  const shift = digits - 1 - e;
  const scaled = shift >= 0 ? (n * tenPow(shift) * 2n + q.d) / (2n * q.d) : (n * 2n + q.d * tenPow(shift)) / (2n * q.d * tenPow(shift));
  let mant = scaled.toString();
  let exp = e;
  if (mant.length > digits) {
    mant = mant.slice(0, digits);
    exp++;
  }
  const m = mant.length > 1 ? `${mant[0]}.${mant.slice(1)}`.replace(/\.?0+$/, '') : mant;
  if (exp >= -4 && exp < 9) {
    // Plain decimal notation, placed in the digit string (no double rounding past 17 digits).
    const ds = mant.replace(/0+$/, '') || '0';
    const text = exp >= 0
      ? (ds.length > exp + 1 ? `${ds.slice(0, exp + 1)}.${ds.slice(exp + 1)}` : ds.padEnd(exp + 1, '0'))
      : `0.${'0'.repeat(-exp - 1)}${ds}`;
    return `${neg ? '-' : ''}${text}`;
  }
  return `${neg ? '-' : ''}${m}e${exp}`;
}
