/**
 * exp, ln, sin, cos and π to any precision, in binary fixed point over BigInt, each with a
 * bound on its error that the code computes (not a tolerance): the decimal backend
 * (decimal.ts) widens its enclosures by it. decimal.js's own exp, ln, sin and cos cost 1.5–3.8
 * ms each at 260 digits; these cost ~0.05–0.2 ms (BigInt multiplication and shifts instead of
 * arrays of base-10⁷ digits). The series and their error analysis are the textbook ones
 * (Brent & Zimmermann, "Modern Computer Arithmetic", §4.4): a value x is held as X = ⌊x·2^B⌋,
 * every truncation costs less than one unit 2^−B, and each function counts the units its
 * truncations, its argument's error and its series' tail can add up to.
 */

/** A number m·10^e, exactly (m an integer). */
export interface Scaled { m: bigint; e: number }

/** An enclosure in scaled integers: the true value lies in [(v − err)·10^e, (v + err)·10^e]. */
export interface Approx { v: bigint; err: bigint; e: number }

/** A fixed-point value: X·2^−bits, within err units 2^−bits of the true value. */
interface Fixed { x: bigint; err: bigint }

const powers10 = new Map<number, bigint>();
/** 10^n as a BigInt (n ≥ 0), remembered. */
function pow10(n: number): bigint {
  let p = powers10.get(n);
  if (p === undefined) {
    p = 10n ** BigInt(n);
    if (n <= 4096 && powers10.size < 4096) powers10.set(n, p);
  }
  return p;
}

const abs = (x: bigint): bigint => (x < 0n ? -x : x);
/**
 * Decimal digits of |x| (1 for 0), exactly: estimated from the bit length (hexadecimal digits,
 * linear in the size, where a decimal string is quadratic) and then corrected against powers of
 * ten. powBound asks it of every product at 250 digits and more; `toString().length` was ~4 µs
 * a call there, ~1.4% of the identity table's warm checking.
 */
export function digitCount(x: bigint): number {
  if (x === 0n) return 1;
  const a = abs(x);
  if (a < 1_000_000_000_000_000n) return String(Number(a)).length;
  const hex = a.toString(16);
  const bits = (hex.length - 1) * 4 + Math.floor(Math.log2(parseInt(hex[0]!, 16))) + 1;
  // 2^(bits − 1) ≤ a < 2^bits: a has this many digits or one more (and the float product may be
  // off by one either way: both corrections are exact comparisons).
  let d = Math.floor((bits - 1) * 0.3010299956639812) + 1;
  while (d > 1 && a < pow10(d - 1)) d--;
  while (a >= pow10(d)) d++;
  return d;
}
/** Bits for `digits` decimal digits. */
const bitsFor = (digits: number): number => Math.ceil(digits * 3.3219280948873626) + 2;

/** x·2^bits, truncated (error < 1 unit). */
function toFixed(a: Scaled, bits: number): bigint {
  if (a.e >= 0) return (a.m * pow10(a.e)) << BigInt(bits);
  // |x| < 10^(e + digits of m) is below one unit: 0, without a power of ten as long as the
  // exponent (red team: e^(10^(−9000000)) spent 0.7 s building 10^9000000).
  if (a.e + digitCount(a.m) < -(bits * 0.30103 + 2)) return 0n;
  return (a.m << BigInt(bits)) / pow10(-a.e);
}

/** A fixed value X·2^−bits as v·10^−digits, with its error in those units (one more for the truncation). */
function toDecimal(f: Fixed, bits: number, digits: number): Approx {
  const scale = pow10(digits);
  const b = BigInt(bits);
  return { v: (f.x * scale) >> b, err: ((f.err * scale) >> b) + 2n, e: -digits };
}

/**
 * Σ ±1/((2n+1)·m^(2n+1)) at `bits` (atanh(1/m), or atan(1/m) with `alternating`), m ≥ 3.
 * Each power m^−(2n+1) is within 1.125 units (1 + 1/9 + …), each term within 2.125, and the
 * tail once a power truncates to 0 is below 1.35 (terms fall by m² ≥ 9): ≤ 3 units a term + 3.
 */
function arcSeries(m: bigint, bits: number, alternating: boolean): Fixed {
  const m2 = m * m;
  let power = (1n << BigInt(bits)) / m;
  let sum = 0n;
  let n = 0n;
  while (power !== 0n) {
    const term = power / (2n * n + 1n);
    sum += alternating && n % 2n === 1n ? -term : term;
    power /= m2;
    n++;
  }
  return { x: sum, err: 3n * n + 3n };
}

type Constants = { ln2: Fixed; ln10: Fixed; halfPi: Fixed };
const constants = new Map<number, Constants>();

/** ln 2 = 2 atanh(1/3), ln 10 = 3 ln 2 + 2 atanh(1/9), π/2 = 8 atan(1/5) − 2 atan(1/239) (Machin), at `bits`, remembered. */
function constantsAt(bits: number): Constants {
  let c = constants.get(bits);
  if (c) return c;
  const a3 = arcSeries(3n, bits, false);
  const a9 = arcSeries(9n, bits, false);
  const t5 = arcSeries(5n, bits, true);
  const t239 = arcSeries(239n, bits, true);
  c = {
    ln2: { x: 2n * a3.x, err: 2n * a3.err },
    ln10: { x: 6n * a3.x + 2n * a9.x, err: 6n * a3.err + 2n * a9.err },
    halfPi: { x: 8n * t5.x - 2n * t239.x, err: 8n * t5.err + 2n * t239.err },
  };
  if (constants.size >= 64) constants.clear();
  constants.set(bits, c);
  return c;
}

/** π to `digits` decimal digits past the point, with its error bound. */
export function piApprox(digits: number): Approx {
  const bits = bitsFor(digits + 5);
  const h = constantsAt(bits).halfPi;
  return toDecimal({ x: 2n * h.x, err: 2n * h.err }, bits, digits);
}

/** The number m·10^e as a double, for choosing reductions only (never for a value). */
const roughly = (a: Scaled): number => Number.parseFloat(`${a.m}e${a.e}`);

/** Squarings after halving exp's reduced argument (its Taylor series then needs a third fewer terms). */
const EXP_HALVINGS = 10;

/**
 * e^x to ~`digits` significant digits, |x| ≤ 10¹⁰: x = k·ln 10 + r with |r| ≤ 1.16 (k from a
 * double; the bound below holds to |r| ≤ 1.5, past which it throws), then e^(r/2¹⁰) by Taylor and ten squarings, so e^x = 10^k·e^r. The bound: the
 * series within 4 units a term (|r/2¹⁰| < 1/2 makes each term's inherited error halve) and 8
 * for its tail; r within 2 + |k|·err(ln 10); each squaring at most doubles a relative error
 * and adds 4.6 units (e^r ≥ 0.22): ≤ 1025·(δ₀ + 4.6 units) after ten. Throws RangeError past 10¹⁰.
 */
export function expApprox(a: Scaled, digits: number): Approx {
  if (a.m === 0n) return { v: 1n, err: 0n, e: 0 };
  const rough = roughly(a);
  if (!(Math.abs(rough) <= 1e10)) throw new RangeError('exp of a number too large');
  const k = Math.round(rough / Math.LN10);
  const kk = BigInt(k);
  // Guard digits: 12, and the digits of k (its multiple of ln 10's error).
  const work = digits + 12 + String(Math.abs(k)).length;
  const bits = bitsFor(work);
  const one = 1n << BigInt(bits);
  const { ln10 } = constantsAt(bits);
  const r = toFixed(a, bits) - kk * ln10.x;
  const errR = 2n + abs(kk) * ln10.err;
  if (abs(r) > (one * 3n) / 2n) throw new RangeError('exp: the reduction left too large a rest');
  const b = BigInt(bits);
  const y = r >> BigInt(EXP_HALVINGS);
  let term = one;
  let sum = one;
  let n = 0n;
  for (let i = 1n; term !== 0n; i++) {
    term = ((term * y) >> b) / i;
    sum += term;
    n++;
  }
  // Relative error (in units of 2^−bits) of e^y, then after the squarings.
  const series = 4n * n + 8n + 2n + errR / 1000n;
  for (let i = 0; i < EXP_HALVINGS; i++) sum = (sum * sum) >> b;
  const relative = 1030n * (series + 5n) + 2n * errR;
  // e^r < 4.5: the absolute error is below 5 relative units of the result.
  const out = toDecimal({ x: sum, err: 5n * relative }, bits, work);
  return { v: out.v, err: out.err, e: out.e + k };
}

/**
 * Σ u^n/(2n+1) with u = z², z = num/den, |z| ≤ 1/3 (atanh z = z times it): within 2 units a
 * term + 2 (its powers within 2.25 units: u ≤ 1/9 shrinks an inherited error ninefold).
 */
function atanhSeries(num: bigint, den: bigint, bits: number): Fixed {
  const b = BigInt(bits);
  const one = 1n << b;
  const u = ((num * num) << b) / (den * den);
  let power = one;
  let sum = one;
  let n = 0n;
  for (let i = 1n; power !== 0n; i++) {
    power = (power * u) >> b;
    sum += power / (2n * i + 1n);
    n++;
  }
  return { x: sum, err: 2n * n + 2n };
}

/**
 * ln x for x > 0, to ~`digits` significant digits. On [1/2, 2]: ln x = 2 atanh((x − 1)/(x + 1))
 * with the quotient exact, so a tiny ln (x = 1 + 10⁻⁴⁰) keeps its relative precision. Elsewhere
 * (|ln x| ≥ ln 2): x = 10^E·2^j·ν with ν ∈ [3/4, 3/2), ln x = E ln 10 + j ln 2 + ln ν, within
 * an absolute error ≤ 10^−(digits+8). Throws RangeError for x ≤ 0.
 */
export function lnApprox(a: Scaled, digits: number): Approx {
  if (a.m <= 0n) throw new RangeError('ln of a number that is not positive');
  const len = digitCount(a.m);
  const top = a.e + len - 1; // 10^top ≤ x < 10^(top+1)
  const rough = roughly(a);
  if (top >= -1 && top <= 0 && rough >= 0.5 && rough <= 2) {
    const [num, den] = a.e >= 0 ? [a.m * pow10(a.e), 1n] : [a.m, pow10(-a.e)];
    const d = num - den;
    if (d === 0n) return { v: 0n, err: 0n, e: 0 };
    const s = den + num;
    const work = digits + 12;
    const bits = bitsFor(work);
    const series = atanhSeries(d, s, bits);
    // ln x = 2·(d/s)·S: v carries `work` significant digits; its relative error is S's.
    const shift = work + digitCount(s) - digitCount(d) + 1;
    const b = BigInt(bits);
    const v = ((2n * d * series.x * pow10(shift)) / s) >> b;
    return { v, err: ((abs(v) * (series.err + 1n)) >> b) + 2n, e: -shift };
  }
  // ν = m / (10^(len−1)·2^j) in [3/4, 3/2).
  const lead = Number.parseFloat(`${a.m.toString().slice(0, 1)}.${a.m.toString().slice(1, 17)}`);
  const j = lead < 1.5 ? 0 : lead < 3 ? 1 : lead < 6 ? 2 : 3;
  const den = pow10(len - 1) << BigInt(j);
  const work = digits + 12 + String(Math.abs(top)).length;
  const bits = bitsFor(work);
  const { ln2, ln10 } = constantsAt(bits);
  const d = a.m - den;
  const s = a.m + den;
  const series = atanhSeries(d, s, bits);
  // 2·(d/s)·S with |d/s| ≤ 1/5: within 1 + 0.4·err(S) units.
  const rest = (2n * d * series.x) / s;
  const eTop = BigInt(top);
  const x = eTop * ln10.x + BigInt(j) * ln2.x + rest;
  const err = abs(eTop) * ln10.err + BigInt(j) * ln2.err + 2n + series.err;
  return toDecimal({ x, err }, bits, work);
}

/**
 * sin x or cos x, within an absolute error ≤ 10^−(digits+8): x reduced by q·π/2 (π/2 to as
 * many more digits as x has before its point), then the Taylor series of sin or cos on
 * |r| ≤ 0.8 (terms within 1.6 and 3 units, the tail below its first omitted term), r's own
 * error added (|d sin/dr| ≤ 1). Throws RangeError from 10³⁰⁰¹ on.
 */
export function trigApprox(which: 'sin' | 'cos', a: Scaled, digits: number): Approx {
  if (a.m === 0n) return { v: which === 'sin' ? 0n : 1n, err: 0n, e: 0 };
  const negative = a.m < 0n;
  const x: Scaled = negative ? { m: -a.m, e: a.e } : a;
  const top = x.e + digitCount(x.m) - 1;
  if (top > 3000) throw new RangeError('trigonometry of a number too large');
  const work = digits + 12;
  const bits = bitsFor(work + Math.max(0, top + 2));
  const b = BigInt(bits);
  const one = 1n << b;
  const { halfPi } = constantsAt(bits);
  const X = toFixed(x, bits);
  const q = (X + halfPi.x / 2n) / halfPi.x;
  const r = X - q * halfPi.x;
  const errR = 1n + q * halfPi.err;
  if (abs(r) > (one * 4n) / 5n) throw new RangeError('trigonometry: the reduction left too large a rest');
  const quadrant = Number(q % 4n);
  // sin x = [s, c, −s, −c][quadrant]; cos x = [c, −s, −c, s][quadrant].
  const useSin = which === 'sin' ? quadrant % 2 === 0 : quadrant % 2 === 1;
  const flip = which === 'sin' ? quadrant >= 2 : quadrant === 1 || quadrant === 2;
  const u = (r * r) >> b;
  let term = useSin ? r : one;
  let sum = term;
  let n = 0n;
  for (let i = 1n; term !== 0n; i++) {
    const div = useSin ? 2n * i * (2n * i + 1n) : (2n * i - 1n) * (2n * i);
    term = -((term * u) >> b) / div;
    sum += term;
    n++;
  }
  const err = (useSin ? 2n * n + 4n : 3n * n + 4n) + errR;
  let value = flip ? -sum : sum;
  if (which === 'sin' && negative) value = -value;
  return toDecimal({ x: value, err }, bits, work);
}

/** A decimal text (`-1.25e-7`, as toExponential writes it) as m·10^e. */
export function scaledOf(text: string): Scaled {
  const at = text.search(/e/i);
  const mantissa = at < 0 ? text : text.slice(0, at);
  const exponent = at < 0 ? 0 : Number(text.slice(at + 1));
  const dot = mantissa.indexOf('.');
  const digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  return { m: BigInt(digits), e: exponent - (dot < 0 ? 0 : mantissa.length - dot - 1) };
}

/** ⌊√n⌋ for a whole number n ≥ 0: Newton's method from above, in BigInt (exact: no error to bound). */
export function isqrt(n: bigint): bigint {
  if (n < 0n) throw new RangeError('square root of a negative number');
  if (n < 2n) return n;
  // From 2^⌈bits/2⌉ ≥ √n the iterates decrease to ⌊√n⌋ and stop there (the usual integer Newton).
  let x = 1n << BigInt(Math.ceil(n.toString(16).length * 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/**
 * √a to at least `digits` significant digits, as exact bounds: √a lies in [v·10^e, (v + err)·10^e]
 * with err 0 where a is the square of the result, else 1 (one unit of its last place, ≤ 10^−digits
 * of it). a ≥ 0. decimal.js's own square root (Newton's method in its base-10⁷ digit arrays) was
 * ~20 ms of the identity table's checking at 250 digits.
 */
export function sqrtBounds(a: Scaled, digits: number): Approx {
  if (a.m < 0n) throw new RangeError('square root of a negative number');
  if (a.m === 0n) return { v: 0n, err: 0n, e: 0 };
  // m·10^e with e even, then scaled by 10^(2s) so that the root has digits + 1 digits or more.
  let m = a.m;
  let e = a.e;
  if (e % 2 !== 0) {
    m *= 10n;
    e -= 1;
  }
  const s = Math.max(0, digits + 1 - Math.floor(digitCount(m) / 2));
  const n = m * pow10(2 * s);
  const r = isqrt(n);
  return { v: r, err: r * r === n ? 0n : 1n, e: e / 2 - s };
}

/**
 * a^k for a > 0 and a whole k ≥ 1, each product rounded down (or, with `up`, up) to `digits`
 * significant digits: a bound on the true power that way (products of positive numbers are
 * monotone, so a chain of them each rounded one way stays on that side). Square-and-multiply in
 * BigInt; decimal.js's multiplications at 250 digits were ~20 ms of the identity table's checking
 * (y^97800 at its sampled points). Each rounding's relative error (< 10^(1 − digits)) is carried
 * into the result at most k-fold, so `digits` should exceed the wanted precision by k's digits.
 */
export function powBound(a: Scaled, k: bigint, digits: number, up: boolean): Scaled {
  if (a.m <= 0n || k < 1n) throw new RangeError('powBound needs a positive base and a whole exponent ≥ 1');
  const keep = (x: Scaled): Scaled => {
    const cut = digitCount(x.m) - digits;
    if (cut <= 0) return x;
    const p = pow10(cut);
    let m = x.m / p;
    if (up && m * p !== x.m) m += 1n;
    return { m, e: x.e + cut };
  };
  let base = keep(a);
  let result: Scaled | null = null;
  for (let e = k; e > 0n; e >>= 1n) {
    if (e & 1n) result = result === null ? base : keep({ m: result.m * base.m, e: result.e + base.e });
    if (e > 1n) base = keep({ m: base.m * base.m, e: base.e + base.e });
  }
  return result!;
}
