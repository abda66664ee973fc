import { Inexact, Undecided, Undefined, type Elementary, type Field, type Sign } from './field.js';
import type { Rational } from './rational.js';
import { enclosureText } from './decimal.js';
import { enclosedLambdaMax, enclosedLambdaMaxTangents, type EnclosureEnds } from './spectral.js';

/**
 * Enclosures in doubles: every interval provably contains the true value. `+ − × ÷ √` are
 * rounded outward exactly (error-free transformations tell the sign of each rounding
 * error, so an exact result is never widened: small integers stay points); exp, log,
 * sin, cos, tanh — whose libm results are within 1 ulp — are widened by 4 ulps or more.
 * Overflow gives an infinite end, which decides nothing: the point goes to decimal.
 */
export class Interval {
  /** `mag` is the largest magnitude seen while computing it (the agreement scale). */
  constructor(readonly lo: number, readonly hi: number, readonly mag: number) {}
}

const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);
/** The double's two 32-bit words (low word first on a little-endian machine: no BigInt on the hot path). */
const u32 = new Uint32Array(f64.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The next double above x. */
export function nextUp(x: number): number {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x === 0) return Number.MIN_VALUE;
  f64[0] = x;
  if (!LITTLE_ENDIAN) {
    i64[0] = x > 0 ? i64[0]! + 1n : i64[0]! - 1n;
    return f64[0]!;
  }
  // The bits of a positive double count up with it, of a negative one down.
  if (x > 0) {
    u32[0] = (u32[0]! + 1) >>> 0;
    if (u32[0] === 0) u32[1] = u32[1]! + 1;
  } else {
    if (u32[0] === 0) u32[1] = u32[1]! - 1;
    u32[0] = (u32[0]! - 1) >>> 0;
  }
  return f64[0]!;
}

/** The next double below x. */
export function nextDown(x: number): number {
  return -nextUp(-x);
}

const TWO_53 = 2n ** 53n;
const SPLIT = 134217729; // 2^27 + 1 (Dekker)
const SAFE_HI = 1e290;
const SAFE_LO = 1e-280;

/** Rounding error of a + b (TwoSum, Knuth): the exact sum is s + err. */
function sumError(a: number, b: number, s: number): number {
  const bb = s - a;
  return (a - (s - bb)) + (b - bb);
}

/** Rounding error of a·b (Dekker's TwoProduct), or NaN where it cannot be told (near overflow/underflow). */
function productError(a: number, b: number, p: number): number {
  const ap = Math.abs(a);
  const bp = Math.abs(b);
  if (ap > SAFE_HI || bp > SAFE_HI || (p !== 0 && Math.abs(p) < SAFE_LO) || !Number.isFinite(p)) return Number.NaN;
  if (p === 0) return a === 0 || b === 0 ? 0 : Number.NaN;
  let c = SPLIT * a;
  const ah = c - (c - a);
  const al = a - ah;
  c = SPLIT * b;
  const bh = c - (c - b);
  const bl = b - bh;
  return ((ah * bh - p) + ah * bl + al * bh) + al * bl;
}

/** r rounded toward −∞ given the sign of its error (NaN: unknown, widen). */
function down(r: number, err: number): number {
  if (r === Infinity) return Number.MAX_VALUE;
  if (r === -Infinity) return -Infinity;
  if (err === 0) return r;
  if (err > 0) return r;
  return err < 0 ? nextDown(r) : nextDown(nextDown(r));
}

function up(r: number, err: number): number {
  if (r === -Infinity) return -Number.MAX_VALUE;
  if (r === Infinity) return Infinity;
  if (err === 0) return r;
  if (err < 0) return r;
  return err > 0 ? nextUp(r) : nextUp(nextUp(r));
}

const addDown = (a: number, b: number): number => { const s = a + b; return Number.isFinite(s) ? down(s, sumError(a, b, s)) : down(s, 0); };
const addUp = (a: number, b: number): number => { const s = a + b; return Number.isFinite(s) ? up(s, sumError(a, b, s)) : up(s, 0); };

/** The ends `mulBounds` sets (module scratch: the hot path allocates nothing). */
let ML = 0;
let MH = 0;

/** Sets [ML, MH] to an enclosure of a·b. */
function mulBounds(a: number, b: number): void {
  if (a === 0 || b === 0) {
    ML = 0;
    MH = 0;
    return;
  }
  const p = a * b;
  if (Number.isNaN(p)) {
    ML = -Infinity;
    MH = Infinity;
    return;
  }
  const e = productError(a, b, p);
  if (Number.isNaN(e) && p === 0) {
    if ((a > 0) === (b > 0)) {
      ML = 0;
      MH = Number.MIN_VALUE;
    } else {
      ML = -Number.MIN_VALUE;
      MH = 0;
    }
    return;
  }
  ML = down(p, e);
  MH = up(p, e);
}

function divBounds(a: number, b: number): [number, number] {
  if (a === 0) return [0, 0];
  const q = a / b;
  if (!Number.isFinite(q)) return q > 0 ? [Number.MAX_VALUE, Infinity] : [-Infinity, -Number.MAX_VALUE];
  if (q === 0) return (a > 0) === (b > 0) ? [0, Number.MIN_VALUE] : [-Number.MIN_VALUE, 0];
  const p = q * b;
  const e = productError(q, b, p);
  if (Number.isNaN(e)) return [nextDown(nextDown(q)), nextUp(nextUp(q))];
  // a − q·b exactly is (a − p) − e; the true quotient is q + that / b.
  const rest = (a - p) - e;
  const sign = rest === 0 ? 0 : (rest > 0) === (b > 0) ? 1 : -1;
  return [down(q, sign), up(q, sign)];
}

function sqrtBounds(x: number): [number, number] {
  const s = Math.sqrt(x);
  if (s === 0 || !Number.isFinite(s)) return [s, s === 0 ? 0 : s];
  const p = s * s;
  const e = productError(s, s, p);
  if (Number.isNaN(e)) return [nextDown(s), nextUp(s)];
  const rest = (x - p) - e;
  const sign = rest === 0 ? 0 : rest > 0 ? 1 : -1;
  return [down(s, sign), up(s, sign)];
}

/** Relative widening for libm results (within 1 ulp by fdlibm's bounds): 2^-50 ≥ 4 ulps. */
const LIBM = 2 ** -50;
const widenDown = (r: number): number => (Number.isFinite(r) ? r - Math.abs(r) * LIBM - Number.MIN_VALUE : r === Infinity ? Number.MAX_VALUE : r);
const widenUp = (r: number): number => (Number.isFinite(r) ? r + Math.abs(r) * LIBM + Number.MIN_VALUE : r === -Infinity ? -Number.MAX_VALUE : r);

/** An interval from its ends and the operands it was computed from (their scale carries over). */
function make(lo: number, hi: number, a?: Interval, b?: Interval): Interval {
  let mag = Math.max(Math.abs(lo), Math.abs(hi));
  if (a && a.mag > mag) mag = a.mag;
  if (b && b.mag > mag) mag = b.mag;
  return new Interval(lo, hi, Number.isNaN(mag) ? Infinity : mag);
}

const point = (x: number): Interval => new Interval(x, x, Math.abs(x));

/** The double x as an enclosure of itself (exact: [x, x]). */
export const intervalOfDouble = point;

function hullOf(...xs: number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of xs) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return [lo, hi];
}

const PI_LO = Math.PI;
const PI_HI = nextUp(Math.PI);

/** Whether some x0 + k·period lies in [lo, hi] (over-inclusive near the ends: only ever widens). */
function containsPhase(lo: number, hi: number, x0: number, period: number): boolean {
  const a = (lo - x0) / period;
  const b = (hi - x0) / period;
  const slack = 1e-9 * (Math.abs(a) + Math.abs(b) + 1);
  return Math.floor(b + slack) >= Math.ceil(a - slack);
}

/** sin or cos over an interval: the ends, and ±1 where a crest or trough lies inside. */
function trig(which: 'sin' | 'cos', a: Interval): Interval {
  const f = which === 'sin' ? Math.sin : Math.cos;
  if (!Number.isFinite(a.lo) || !Number.isFinite(a.hi) || a.hi - a.lo >= 6.28) return make(-1, 1, a);
  if (a.lo === 0 && a.hi === 0) return which === 'sin' ? make(0, 0, a) : make(1, 1, a);
  const ends = a.lo === a.hi ? [f(a.lo)] : [f(a.lo), f(a.hi)];
  let [lo, hi] = hullOf(...ends);
  lo = widenDown(lo);
  hi = widenUp(hi);
  const crest = which === 'sin' ? Math.PI / 2 : 0;
  const trough = which === 'sin' ? -Math.PI / 2 : Math.PI;
  if (a.lo !== a.hi || Math.abs(a.lo) > 1e15) {
    if (containsPhase(a.lo, a.hi, crest, 2 * Math.PI)) hi = 1;
    if (containsPhase(a.lo, a.hi, trough, 2 * Math.PI)) lo = -1;
  }
  return make(Math.max(-1, lo), Math.min(1, hi), a);
}

function neg(a: Interval): Interval {
  return new Interval(-a.hi, -a.lo, a.mag);
}

function mul(a: Interval, b: Interval): Interval {
  mulBounds(a.lo, b.lo);
  if (a.lo === a.hi && b.lo === b.hi) return make(ML, MH, a, b);
  // The hull of the four products of ends (NaN ends never win a comparison).
  let lo = ML;
  let hi = MH;
  mulBounds(a.lo, b.hi);
  if (ML < lo || Number.isNaN(lo)) lo = ML;
  if (MH > hi || Number.isNaN(hi)) hi = MH;
  mulBounds(a.hi, b.lo);
  if (ML < lo || Number.isNaN(lo)) lo = ML;
  if (MH > hi || Number.isNaN(hi)) hi = MH;
  mulBounds(a.hi, b.hi);
  if (ML < lo || Number.isNaN(lo)) lo = ML;
  if (MH > hi || Number.isNaN(hi)) hi = MH;
  return make(Number.isNaN(lo) ? -Infinity : lo, Number.isNaN(hi) ? Infinity : hi, a, b);
}

function div(a: Interval, b: Interval): Interval {
  if (b.lo === 0 && b.hi === 0) throw new Undefined('division by zero');
  if (b.lo <= 0 && b.hi >= 0) throw new Undecided('a divisor that may be 0');
  if (a.lo === a.hi && b.lo === b.hi) {
    const [lo, hi] = divBounds(a.lo, b.lo);
    return make(lo, hi, a, b);
  }
  // Finite ends: by the signs (b's is certain here), the least and the greatest quotient,
  // each rounded its own way (the quotient rounds monotonically: two divisions, not four).
  if (Number.isFinite(a.lo) && Number.isFinite(a.hi) && Number.isFinite(b.lo) && Number.isFinite(b.hi)) {
    const ends = (lo1: number, lo2: number, hi1: number, hi2: number): Interval => make(divBounds(lo1, lo2)[0], divBounds(hi1, hi2)[1], a, b);
    if (b.lo > 0) {
      if (a.lo >= 0) return ends(a.lo, b.hi, a.hi, b.lo);
      if (a.hi <= 0) return ends(a.lo, b.lo, a.hi, b.hi);
      return ends(a.lo, b.lo, a.hi, b.lo);
    }
    if (a.lo >= 0) return ends(a.hi, b.hi, a.lo, b.lo);
    if (a.hi <= 0) return ends(a.hi, b.lo, a.lo, b.hi);
    return ends(a.hi, b.hi, a.lo, b.hi);
  }
  const qs = [divBounds(a.lo, b.lo), divBounds(a.lo, b.hi), divBounds(a.hi, b.lo), divBounds(a.hi, b.hi)];
  const [lo] = hullOf(...qs.map((q) => q[0]));
  const [, hi] = hullOf(...qs.map((q) => q[1]));
  return make(lo, hi, a, b);
}

function abs(a: Interval): Interval {
  if (a.lo >= 0) return a;
  if (a.hi <= 0) return neg(a);
  return make(0, Math.max(-a.lo, a.hi), a);
}

function powInt(a: Interval, k: bigint): Interval {
  if (k === 0n) return point(1);
  if (k < 0n) return div(point(1), powInt(a, -k));
  // |a|^k for an even k over an interval holding 0 starts at 0.
  const even = k % 2n === 0n;
  const base = even ? abs(a) : a;
  let result = point(1);
  let b = base;
  let e = k;
  while (e > 0n) {
    if (e & 1n) result = mul(result, b);
    e >>= 1n;
    if (e > 0n) b = mul(b, b);
    if (!Number.isFinite(result.hi) && !Number.isFinite(result.lo)) break;
  }
  return even ? make(Math.max(0, result.lo), result.hi, result) : result;
}

function elementary(f: Elementary, a: Interval): Interval {
  switch (f) {
    case 'abs': return abs(a);
    case 'sqrt': {
      if (a.hi < 0) throw new Undefined('square root of a negative number');
      if (a.lo < 0) throw new Undecided('a square root of something that may be negative');
      const [lo] = sqrtBounds(a.lo);
      const [, hi] = sqrtBounds(a.hi);
      return make(lo, hi, a);
    }
    case 'exp': {
      if (a.lo === 0 && a.hi === 0) return make(1, 1, a);
      return make(Math.max(0, widenDown(Math.exp(a.lo))), widenUp(Math.exp(a.hi)), a);
    }
    case 'log': {
      if (a.hi <= 0) throw new Undefined(a.hi === 0 && a.lo === 0 ? 'log of 0' : 'log of a negative number');
      if (a.lo <= 0) throw new Undecided('a log of something that may be 0 or negative');
      if (a.lo === 1 && a.hi === 1) return make(0, 0, a);
      return make(widenDown(Math.log(a.lo)), widenUp(Math.log(a.hi)), a);
    }
    case 'tanh': {
      if (a.lo === 0 && a.hi === 0) return make(0, 0, a);
      return make(Math.max(-1, widenDown(Math.tanh(a.lo))), Math.min(1, widenUp(Math.tanh(a.hi))), a);
    }
    case 'sin': case 'cos': return trig(f, a);
    case 'tan': {
      if (a.lo === 0 && a.hi === 0) return make(0, 0, a);
      const c = trig('cos', a);
      if (c.lo <= 0 && c.hi >= 0) throw new Undecided('tan near an odd multiple of π/2');
      return div(trig('sin', a), c);
    }
  }
}

/** The double-precision enclosure backend. */
export const intervalField: Field<Interval> = {
  name: 'double',
  zero: point(0),
  one: point(1),
  fromInt(n) {
    const x = Number(n);
    return Number.isSafeInteger(x) ? point(x) : make(nextDown(x), nextUp(x));
  },
  fromRational(q: Rational) {
    const x = q.toNumber();
    if (!Number.isFinite(x)) throw new Inexact('a number outside double range');
    // Exact when the denominator is a power of two and the numerator fits.
    const exact = (q.d & (q.d - 1n)) === 0n && q.n <= TWO_53 && q.n >= -TWO_53;
    return exact ? point(x) : make(nextDown(nextDown(x)), nextUp(nextUp(x)));
  },
  add: (a, b) => make(addDown(a.lo, b.lo), addUp(a.hi, b.hi), a, b),
  sub: (a, b) => make(addDown(a.lo, -b.hi), addUp(a.hi, -b.lo), a, b),
  mul,
  neg,
  div,
  powInt,
  pow(a, b) {
    if (a.lo === 0 && a.hi === 0) {
      if (b.lo > 0) return point(0);
      if (b.hi < 0) throw new Undefined('division by zero (0 to a negative power)');
      throw new Undecided('0 to a power that may be 0 or negative');
    }
    // (An exponent enclosed with no whole number inside is not whole, whether or not its
    // enclosure is a point: x^(2/3) at x = −1/2, where 2/3 is no double.)
    if (a.hi < 0 && Math.ceil(b.lo) > b.hi) throw new Undefined('a negative number to a fractional power');
    if (a.lo <= 0) throw new Undecided('a power of something that may be 0 or negative');
    return elementary('exp', mul(b, elementary('log', a)));
  },
  elementary,
  max: (a, b) => make(Math.max(a.lo, b.lo), Math.max(a.hi, b.hi), a, b),
  min: (a, b) => make(Math.min(a.lo, b.lo), Math.min(a.hi, b.hi), a, b),
  pi: () => make(PI_LO, PI_HI),
  e: () => make(Math.E, nextUp(Math.E)),
  sign(a): Sign {
    if (a.lo > 0) return 1;
    if (a.hi < 0) return -1;
    if (a.lo === 0 && a.hi === 0) return 0;
    return null;
  },
  asInteger: (a) => (a.lo === a.hi && Number.isSafeInteger(a.lo) ? BigInt(a.lo) : null),
  magnitude: (a) => Math.max(Math.abs(a.lo), Math.abs(a.hi)),
  format(a, digits) {
    // (Neither end in doubles' range: no bound to show, not "> -∞", red team rt132.)
    if (a.lo === -Infinity && a.hi === Infinity) return 'past doubles\' range';
    if (a.hi === Infinity) return `> ${formatDouble(a.lo, digits)}`;
    if (a.lo === -Infinity) return `< ${formatDouble(a.hi, digits)}`;
    // (Only the digits both ends share, as in decimal: the midpoint's last ones are noise.)
    return enclosureText(a.lo, a.hi, Math.min(17, digits));
  },
  lambdaMax: (data, n) => enclosedLambdaMax(intervalField, INTERVAL_ENDS, data, n),
  span: (lo, hi) => make(lo.lo, hi.hi, lo, hi),
  lambdaMaxTangents: (data, tangents, n) => enclosedLambdaMaxTangents(intervalField, INTERVAL_ENDS, data, tangents, n),
  order: {
    below: (a, b) => a.hi <= b.lo,
    cmp(a, b) {
      if (a.hi < b.lo) return -1;
      if (a.lo > b.hi) return 1;
      if (a.lo === a.hi && b.lo === b.hi && a.lo === b.lo) return 0;
      return null;
    },
    closeness(a, b) {
      const width = Math.max(a.hi, b.hi) - Math.min(a.lo, b.lo);
      // Doubles never reach 10⁻³⁰; within 10⁻¹² of the scale is agreement at double precision,
      // and within 10⁻¹² of the sides' own size (at least 1): sin(π^1000) x against 0, where
      // sin of an overflowing argument is [−1, 1], is no agreement.
      const least = (x: Interval): number => (x.lo > 0 ? x.lo : x.hi < 0 ? -x.hi : 0);
      const scale = Math.min(Math.max(a.mag, b.mag), Math.max(1, least(a), least(b)));
      return Number.isFinite(width) && width <= scale * 1e-12 ? 'double' : null;
    },
  },
};

/** How the spectral bounds read and build double enclosures. */
export const INTERVAL_ENDS: EnclosureEnds<Interval> = {
  mid: (a) => (a.lo === a.hi ? a.lo : a.lo / 2 + a.hi / 2),
  center: (a) => point(a.lo === a.hi ? a.lo : a.lo / 2 + a.hi / 2),
  lower: (a) => point(a.lo),
  upper: (a) => point(a.hi),
  fromDouble: (x) => point(x),
  hull: (a, b) => make(Math.min(a.lo, b.lo), Math.max(a.hi, b.hi), a, b),
  disjoint: (a, b) => a.hi < b.lo || b.hi < a.lo,
  positive: (a) => a.lo > 0,
  span: (lo, hi) => make(lo.lo, hi.hi, lo, hi),
  eps: () => point(2 ** -44),
  refinements: 0,
};

/** A double as short text: `0.3`, `-2`, `1.5e-7`, `∞`. */
export function formatDouble(x: number, digits: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'undefined' : x > 0 ? '∞' : '-∞';
  if (x === 0) return '0';
  const d = Math.min(17, Math.max(1, digits));
  const ax = Math.abs(x);
  if (ax >= 1e-4 && ax < 1e9) return Number(x.toPrecision(d)).toString();
  return x.toExponential(d - 1).replace(/\.?0+e/, 'e').replace('e+', 'e');
}
