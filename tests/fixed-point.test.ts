import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { digitCount, expApprox, isqrt, lnApprox, piApprox, scaledOf, sqrtBounds, trigApprox, type Approx } from '../src/check/evaluator/fixed-point.js';

/**
 * The fixed-point exp, ln, sin, cos and π (fixed-point.ts) against decimal.js 60 digits more
 * precise: every true value inside the enclosure the bound gives, and the bound tight (within
 * 10^−(digits+5) of the value's size, or absolutely for sin and cos). A bound too small is a
 * wrong verdict waiting; one too large is an undecided point.
 */
const reference = (digits: number) => Decimal.clone({ precision: digits + 60, rounding: Decimal.ROUND_HALF_EVEN });

/** |approx − truth| ≤ err, and err ≤ `tight` (a Decimal bound on the error the function should reach). */
function encloses(a: Approx, truth: Decimal, tight: Decimal, R: typeof Decimal): void {
  const v = new R(`${a.v}e${a.e}`);
  const err = new R(`${a.err}e${a.e}`);
  const off = v.minus(truth).abs();
  expect(off.lte(err), `|${v.toSignificantDigits(30)} − ${truth.toSignificantDigits(30)}| = ${off.toExponential(3)} > ${err.toExponential(3)}`).toBe(true);
  expect(err.lte(tight), `bound ${err.toExponential(3)} wider than ${tight.toExponential(3)}`).toBe(true);
}

/** Arguments of every kind: tiny, near 0, near the reductions' edges, large, and many digits. */
function argumentsFor(digits: number): string[] {
  const R = reference(digits);
  const many = new R(2).sqrt().toSignificantDigits(digits + 10).toString();
  const ln10 = new R(10).ln();
  const halfPi = R.acos(-1).div(2);
  const out = ['1', '-1', '0.5', '2', '3', '0.1', '1e-300', '-1e-300', '7e-30', '1.0000000000000000000000000000001', '0.99999999999999999999', '123.456', '-2.302585092994045684', many, `-${many}`];
  for (const k of [1, 2, 7, 100, 433]) {
    out.push(ln10.times(k).toSignificantDigits(digits + 10).toString(), ln10.times(k).plus(0.5).toSignificantDigits(digits + 10).toString());
  }
  for (const k of [1, 2, 3, 5, 1000, 10 ** 9 + 1]) {
    out.push(halfPi.times(k).toSignificantDigits(digits + 10).toString(), halfPi.times(k).times(-1).minus('1e-20').toSignificantDigits(digits + 10).toString());
  }
  // Deterministic pseudo-random arguments with every magnitude from 10⁻⁸ to 10⁸.
  let s = 12345;
  for (let i = 0; i < 40; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const mantissa = (s / 2147483648) * 10;
    const exponent = (i % 17) - 8;
    out.push(`${i % 2 ? '-' : ''}${mantissa.toFixed(15)}e${exponent}`);
  }
  return out;
}

describe('fixed-point elementary functions enclose the true value', () => {
  for (const digits of [30, 60, 120, 260]) {
    const R = reference(digits);
    const args = argumentsFor(digits);
    it(`exp at ${digits} digits`, () => {
      for (const t of [...args, '1000', '-1000', '2302.5850929940456840179914546843', '1e9', '-1e9']) {
        const x = new R(t);
        const truth = R.exp(x);
        encloses(expApprox(scaledOf(x.toExponential()), digits), truth, truth.abs().times(new R(10).pow(-digits - 5)), R);
      }
    });
    it(`ln at ${digits} digits`, () => {
      for (const t of [...args, '1e300', '1e-300', '9.999999999999e1000', '1e-9000000', '1.5', '1.4999999999999999999999', '6', '5.9999999999999999999', '0.50000001', '1.99999999999']) {
        const x = new R(t).abs();
        if (x.isZero()) continue;
        const truth = R.ln(x);
        const size = Decimal.max(truth.abs(), new R(10).pow(-100000));
        encloses(lnApprox(scaledOf(x.toExponential()), digits), truth, size.times(new R(10).pow(-digits - 5)), R);
      }
    });
    it(`sin and cos at ${digits} digits`, () => {
      for (const t of [...args, '1e30', '-3.14159265358979323846264338327950288419716939937510582097494459230781640628620899862803482534211706798214808651328230664709384460955058223172535940812848111745028410270193852110555964462294895493038196']) {
        const x = new R(t);
        for (const which of ['sin', 'cos'] as const) {
          const truth = which === 'sin' ? R.sin(x) : R.cos(x);
          encloses(trigApprox(which, scaledOf(x.toExponential()), digits), truth, new R(10).pow(-digits - 5), R);
        }
      }
    });
    it(`π at ${digits} digits`, () => {
      encloses(piApprox(digits + 10), R.acos(-1), new R(10).pow(-digits - 5), R);
    });
  }

  // (Red team: 10^(−90000000) took 7 s, building 10^90000000; 7·10^(−2000000000) threw.)
  it('answers an argument below one unit without a power of ten as long as its exponent', () => {
    for (const t of ['1e-90000000', '-1.5e-250000000', '7e-2000000000']) {
      const x = scaledOf(t);
      for (const [a, one] of [[expApprox(x, 50), 1n], [trigApprox('cos', x, 50), 1n], [trigApprox('sin', x, 50), 0n]] as const) {
        // The value 1 or 0 within the bound (here a unit of the last place or a few).
        const v = new Decimal(`${a.v}e${a.e}`);
        const err = new Decimal(`${a.err}e${a.e}`);
        expect(v.minus(one.toString()).abs().lte(err)).toBe(true);
        expect(err.lte('1e-55')).toBe(true);
      }
    }
  });

  // Square roots are exact integer roots: the bounds' squares lie on each side of the argument,
  // exactly (no error analysis to trust), one unit of a digit past the precision apart.
  it('encloses square roots exactly, to one unit past the precision', () => {
    for (const digits of [30, 60, 250]) {
      const R = reference(digits);
      for (const t of [...argumentsFor(digits), '4', '0.25', '1e-300', '9e300', '2e-9000001', '1.44e10', '123456789123456789123456789', '1e-1']) {
        const x = new R(t).abs();
        if (x.isZero()) continue;
        const a = sqrtBounds(scaledOf(x.toExponential()), digits);
        const lo = new R(`${a.v}e${a.e}`);
        const hi = new R(`${a.v + a.err}e${a.e}`);
        const exact = Decimal.clone({ precision: 2000 });
        expect(new exact(lo).times(lo).lte(x), t).toBe(true);
        expect(new exact(hi).times(hi).gte(x), t).toBe(true);
        expect(hi.minus(lo).lte(lo.times(new R(10).pow(-digits))), t).toBe(true);
      }
    }
    expect(sqrtBounds(scaledOf('2.25'), 30).err).toBe(0n);
    expect(sqrtBounds(scaledOf('1e-300'), 30).err).toBe(0n);
    expect(sqrtBounds(scaledOf('0'), 30)).toEqual({ v: 0n, err: 0n, e: 0 });
    for (const n of [0n, 1n, 2n, 3n, 4n, 15n, 16n, 17n, 10n ** 40n, 10n ** 40n - 1n, (3n ** 200n) ** 2n, (3n ** 200n) ** 2n - 1n]) {
      const r = isqrt(n);
      expect(r * r <= n && (r + 1n) * (r + 1n) > n, String(n)).toBe(true);
    }
    expect(() => sqrtBounds(scaledOf('-2'), 30)).toThrow(RangeError);
  });

  it('reads decimal texts exactly', () => {
    expect(scaledOf('-1.25e-7')).toEqual({ m: -125n, e: -9 });
    expect(scaledOf('3e+2')).toEqual({ m: 3n, e: 2 });
    expect(scaledOf('42')).toEqual({ m: 42n, e: 0 });
  });

  it('refuses what it cannot reduce, never answers wrongly', () => {
    expect(() => expApprox(scaledOf('1e11'), 50)).toThrow(RangeError);
    expect(() => lnApprox(scaledOf('0'), 50)).toThrow(RangeError);
    expect(() => lnApprox(scaledOf('-2'), 50)).toThrow(RangeError);
    expect(() => trigApprox('sin', scaledOf('1e3001'), 50)).toThrow(RangeError);
  });
});

describe('digitCount', () => {
  it('counts the decimal digits of |x| exactly, at and beside every power of ten and at random sizes', () => {
    const byString = (x: bigint): number => (x < 0n ? -x : x).toString().length;
    const cases: bigint[] = [0n, 1n, -1n, 9n, 10n, 999_999_999_999_999n, 1_000_000_000_000_000n, 2n ** 53n, -(2n ** 64n)];
    for (let k = 0; k <= 1200; k++) {
      const p = 10n ** BigInt(k);
      cases.push(p, p - 1n, p + 1n, -p, 2n ** BigInt(k), 2n ** BigInt(k) - 1n);
    }
    let seed = 12345;
    const digit = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % 10;
    for (let t = 0; t < 2000; t++) {
      let s = String(1 + (digit() % 9));
      const length = 1 + ((digit() * 97 + t) % 700);
      for (let i = 1; i < length; i++) s += String(digit());
      cases.push(BigInt(s), -BigInt(s));
    }
    for (const x of cases) expect([x, digitCount(x)]).toEqual([x, x === 0n ? 1 : byString(x)]);
  });
});
