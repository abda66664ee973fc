import type { Rational } from './rational.js';

/**
 * The arithmetic interface the interpreter runs over (DESIGN.md item 3, after
 * compute-engine's Exact / Machine / Big numeric values behind one interface). A backend
 * implements it for one number system: exact rationals, arithmetic modulo a prime,
 * enclosures in doubles or in decimal, and dual numbers over any of them.
 */

/**
 * Why evaluation stopped. Thrown and caught within the checker at every point (an exact
 * attempt at exp, an enclosure that holds 0), so deliberately not an Error: no stack
 * trace is captured, which made these throws a third of some steps' time.
 */
export class Signal {
  constructor(readonly message: string) {}
}
/** The value has none at this point (log of a negative number, division by zero): certain. */
export class Undefined extends Signal {}
/**
 * A kink in a derivative's evaluation (|u| at u = 0, max or min where its arguments tie):
 * the two-sided rule cannot go on, but the derivative may still exist (x|x| at 0). The
 * caller takes the one-sided derivatives (`directional` dual numbers) and compares them.
 */
export class Kink extends Undefined {}
/** An enclosure cannot tell at this precision (a divisor whose enclosure holds 0): try more digits. */
export class Undecided extends Signal {}
/** The backend cannot represent this value (exp in exact rationals, √ modulo a prime). */
export class Inexact extends Signal {}
/** The construct is not evaluated at all (a limit, ∞ as a value). */
export class Unsupported extends Signal {}
/** A random quantity inside E[…] where only a polynomial in the random names is evaluated (`exp of`, `σ of`): Unsupported. */
export class RandomArgument extends Unsupported {}
/** This point is out of reach (a number with a billion digits): skip it, it says nothing. */
export class Skip extends Signal {}

/** Elementary functions of one scalar, as each backend knows them. */
export type Elementary = 'exp' | 'log' | 'sqrt' | 'sin' | 'cos' | 'tan' | 'tanh' | 'abs';

/** −1, 0, 1 when certain; null when an enclosure holds 0 and other values. */
export type Sign = -1 | 0 | 1 | null;

/** A scalar number system. Every operation is exact or encloses the true value. */
export interface Field<S> {
  /** `exact`, `modular`, `double`, `decimal:60`, `dual(double)`: for messages and caches. */
  readonly name: string;
  readonly zero: S;
  readonly one: S;
  fromInt(n: number | bigint): S;
  /** An exact rational (sample values, number literals). Throws Inexact where it cannot. */
  fromRational(q: Rational): S;
  add(a: S, b: S): S;
  sub(a: S, b: S): S;
  mul(a: S, b: S): S;
  neg(a: S): S;
  /** Throws Undefined for a divisor that is certainly 0, Undecided when it may be. */
  div(a: S, b: S): S;
  /** a^k for a whole k (negative: of the inverse). */
  powInt(a: S, k: bigint): S;
  /** a^b for b not known to be whole: defined for a > 0 (and 0^b, b > 0). */
  pow(a: S, b: S): S;
  elementary(f: Elementary, a: S): S;
  max(a: S, b: S): S;
  min(a: S, b: S): S;
  pi(): S;
  e(): S;
  sign(a: S): Sign;
  /** Whether a is 0, for a field with no order (residues modulo p); absent: `sign(a) === 0`. */
  isZero?(a: S): boolean;
  /** The value as a whole number when it certainly is one (exponents, factorials), else null. */
  asInteger(a: S): bigint | null;
  /** |a| as a double, for choosing pivots and scales (an estimate, never a decision). */
  magnitude(a: S): number;
  /** Readable text with about `digits` significant digits (exact values print exactly when short). */
  format(a: S, digits: number): string;
  /**
   * Encloses the largest eigenvalue of a symmetric matrix (row-major, n×n); absent where
   * the backend cannot (exact rationals, primes).
   */
  lambdaMax?(data: readonly S[], n: number): S;
  /** The enclosure from lo's lower end to hi's upper end (enclosing backends only). */
  span?(lo: S, hi: S): S;
  /**
   * λ_max and its derivatives along tangent matrices (each row-major n×n), enclosed;
   * Undecided where the top eigenvalue is not certainly simple. Enclosing backends only.
   */
  lambdaMaxTangents?(data: readonly S[], tangents: readonly (readonly S[])[], n: number): { value: S; tangents: S[] };
  /** How two values compare, for backends that can order them (exact and enclosures). */
  readonly order?: Order<S>;
}

/** What a backend can say about two of its values (LANGUAGE.md §3, "Numbers a verdict can stand on"). */
export interface Order<S> {
  /** −1: certainly a < b; 1: certainly a > b; 0: certainly equal (exact values); null: they overlap. */
  cmp(a: S, b: S): -1 | 0 | 1 | null;
  /**
   * For values that overlap: `agree` when their enclosures lie within 10⁻³⁰ of the scale
   * of the computation, `double` when only within double precision (to be confirmed at
   * higher precision), null when wider (more digits may tell).
   */
  closeness(a: S, b: S): 'agree' | 'double' | null;
  /** Whether every value a may be is ≤ every value b may be (an enclosure's upper end at or below the other's lower end); absent: never said. */
  below?(a: S, b: S): boolean;
}

/** A matrix of a backend's scalars, row-major; vectors are n×1. */
export class Mat<S> {
  constructor(readonly rows: number, readonly cols: number, readonly data: readonly S[]) {}

  at(i: number, j: number): S {
    return this.data[i * this.cols + j]!;
  }

  /** The same shape with every entry mapped. */
  map<T>(f: (x: S, i: number) => T): Mat<T> {
    return new Mat(this.rows, this.cols, this.data.map(f));
  }
}

/** A value: a scalar or a matrix (a 1×1 product is a scalar). */
export type Val<S> = S | Mat<S>;

export function isMat<S>(v: Val<S>): v is Mat<S> {
  return v instanceof Mat;
}
