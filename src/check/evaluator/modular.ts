import { Inexact, Undefined, type Field, type Sign } from './field.js';
import type { Rational } from './rational.js';

/** The Mersenne prime 2^61 − 1: the field the exact identity test evaluates in. */
export const PRIME = (1n << 61n) - 1n;

const mod = (a: bigint): bigint => {
  const r = a % PRIME;
  return r < 0n ? r + PRIME : r;
};

/** a^e mod p by repeated squaring. */
function powMod(a: bigint, e: bigint): bigint {
  let result = 1n;
  let base = mod(a);
  while (e > 0n) {
    if (e & 1n) result = (result * base) % PRIME;
    base = (base * base) % PRIME;
    e >>= 1n;
  }
  return result;
}

/**
 * A square root of a residue modulo p, or null where there is none (a non-residue). p ≡ 3
 * (mod 4), so a^((p+1)/4) is one when one exists (Euler's criterion); the other is its negative.
 */
export function sqrtMod(a: bigint): bigint | null {
  const r = powMod(a, (PRIME + 1n) / 4n);
  return (r * r) % PRIME === mod(a) ? r : null;
}

/**
 * The inverse modulo p by the extended Euclidean algorithm (~35 divisions: 12× faster than
 * Fermat's a^(p−2), 61 squarings, which was a tenth of the homework's cold checking); a must
 * not be 0.
 */
function inverse(a: bigint): bigint {
  let t = 0n;
  let nextT = 1n;
  let r = PRIME;
  let nextR = mod(a);
  while (nextR !== 0n) {
    const q = r / nextR;
    const t2 = t - q * nextT;
    t = nextT;
    nextT = t2;
    const r2 = r - q * nextR;
    r = nextR;
    nextR = r2;
  }
  return t < 0n ? t + PRIME : t;
}

/**
 * Arithmetic modulo the prime p = 2^61 − 1: rational functions only. A division by a
 * residue 0 is Undefined at that point (the identity test then draws another point);
 * anything that is not a rational operation (√, exp, |x|, an order) throws Inexact.
 */
export const modularField: Field<bigint> = {
  name: 'modular',
  zero: 0n,
  one: 1n,
  fromInt: (n) => mod(BigInt(n)),
  fromRational(q: Rational) {
    const d = mod(q.d);
    if (d === 0n) throw new Undefined('a denominator divisible by the prime');
    return (mod(q.n) * inverse(d)) % PRIME;
  },
  add: (a, b) => (a + b) % PRIME,
  sub: (a, b) => mod(a - b),
  mul: (a, b) => (a * b) % PRIME,
  neg: (a) => (a === 0n ? 0n : PRIME - a),
  div(a, b) {
    if (b === 0n) throw new Undefined('division by zero');
    return (a * inverse(b)) % PRIME;
  },
  powInt(a, k) {
    if (k >= 0n) return powMod(a, k);
    if (a === 0n) throw new Undefined('division by zero (0 to a negative power)');
    return powMod(inverse(a), -k);
  },
  pow() { throw new Inexact('a power that is not whole is not a rational function'); },
  elementary(f) { throw new Inexact(`${f} is not a rational function`); },
  max() { throw new Inexact('max is not a rational function'); },
  min() { throw new Inexact('min is not a rational function'); },
  pi() { throw new Inexact('π is not rational'); },
  e() { throw new Inexact('e is not rational'); },
  sign(): Sign { throw new Inexact('residues have no sign'); },
  isZero: (a) => a === 0n,
  asInteger: () => null,
  magnitude: (a) => (a === 0n ? 0 : 1),
  format: (a) => `${a} (mod 2^61 − 1)`,
};
