import { RandomArgument, Unsupported, type Elementary, type Field, type Sign } from './field.js';
import type { Rational } from './rational.js';
import { now } from '../../clock.js';

/**
 * Polynomials in named atoms (the scalar components of random variables) with coefficients
 * in another backend: the number system E[·] is computed in. An expression is evaluated
 * over this field with every random component an atom and every other name a constant;
 * the expectation is then a linear map on the monomials (rules/expectation.ts). Only
 * polynomial operations are defined on non-constants: dividing by a random quantity, a
 * root or exp of one is Unsupported (not a polynomial), as is a degree above `maxDegree`.
 */

/** One monomial: sorted atom ids (repeated for powers) and its coefficient. */
export interface Term<S> {
  readonly atoms: readonly number[];
  readonly coeff: S;
}

/** A polynomial: monomials by key (the atom ids joined by `.`; `''` is the constant). */
export class Poly<S> {
  constructor(readonly terms: ReadonlyMap<string, Term<S>>) {}

  /** The constant term's coefficient when the polynomial is constant, else null. */
  constantValue(zero: S): S | null {
    if (this.terms.size === 0) return zero;
    if (this.terms.size === 1 && this.terms.has('')) return this.terms.get('')!.coeff;
    return null;
  }

  get degree(): number {
    let d = 0;
    for (const t of this.terms.values()) d = Math.max(d, t.atoms.length);
    return d;
  }
}

/** Most monomials a polynomial may hold (a bound on work, never on correctness). */
export const MAX_MONOMIALS = 20_000;
/** Most pairs of monomials one product may combine. */
const MAX_PRODUCT_WORK = 2_000_000;

/** A backend of polynomials over `base`, for one expectation (atoms are numbered by the caller). */
export class PolyField<S> implements Field<Poly<S>> {
  readonly name: string;
  readonly zero: Poly<S>;
  readonly one: Poly<S>;

  /** `deadline`: the step clock's time (src/clock.ts) past which a product stops (Unsupported), so one E[…] cannot outlast its step. */
  constructor(readonly base: Field<S>, readonly maxDegree: number, readonly deadline = Infinity) {
    this.name = `poly(${base.name})`;
    this.zero = new Poly(new Map());
    this.one = this.constant(base.one);
  }

  /** A constant polynomial. */
  constant(c: S): Poly<S> {
    if (this.base.sign(c) === 0) return this.zero;
    return new Poly(new Map([['', { atoms: [], coeff: c }]]));
  }

  /** The atom with this id, as a polynomial. */
  atom(id: number): Poly<S> {
    return new Poly(new Map([[String(id), { atoms: [id], coeff: this.base.one }]]));
  }

  fromInt(n: number | bigint): Poly<S> {
    return this.constant(this.base.fromInt(n));
  }

  fromRational(q: Rational): Poly<S> {
    return this.constant(this.base.fromRational(q));
  }

  add(a: Poly<S>, b: Poly<S>): Poly<S> {
    if (a.terms.size === 0) return b;
    if (b.terms.size === 0) return a;
    const out = new Map(a.terms);
    for (const [k, t] of b.terms) this.accumulate(out, k, t.atoms, t.coeff);
    return new Poly(out);
  }

  neg(a: Poly<S>): Poly<S> {
    const out = new Map<string, Term<S>>();
    for (const [k, t] of a.terms) out.set(k, { atoms: t.atoms, coeff: this.base.neg(t.coeff) });
    return new Poly(out);
  }

  sub(a: Poly<S>, b: Poly<S>): Poly<S> {
    return this.add(a, this.neg(b));
  }

  mul(a: Poly<S>, b: Poly<S>): Poly<S> {
    if (a.terms.size === 0 || b.terms.size === 0) return this.zero;
    if (a.degree + b.degree > this.maxDegree) {
      throw new Unsupported(`E[…] of a polynomial of degree above ${this.maxDegree} in the random names is not evaluated`);
    }
    if (a.terms.size * b.terms.size > MAX_PRODUCT_WORK) throw new Unsupported('E[…] of a polynomial with too many terms to evaluate');
    const out = new Map<string, Term<S>>();
    for (const s of a.terms.values()) {
      if (now() > this.deadline) throw new Unsupported('the time limit ran out while evaluating E[…]');
      for (const t of b.terms.values()) {
        const atoms = merge(s.atoms, t.atoms);
        this.accumulate(out, atoms.join('.'), atoms, this.base.mul(s.coeff, t.coeff));
      }
    }
    return new Poly(out);
  }

  private accumulate(out: Map<string, Term<S>>, key: string, atoms: readonly number[], coeff: S): void {
    const had = out.get(key);
    const c = had ? this.base.add(had.coeff, coeff) : coeff;
    if (this.base.sign(c) === 0) out.delete(key);
    else out.set(key, { atoms, coeff: c });
    if (out.size > MAX_MONOMIALS) throw new Unsupported('E[…] of a polynomial with too many terms to evaluate');
  }

  /** The constant of a polynomial that must be one, or Unsupported naming what was asked of a random quantity (`exp of`, `a division by`). */
  private constantOf(a: Poly<S>, what: string): S {
    const c = a.constantValue(this.base.zero);
    if (c === null) throw new RandomArgument(`${what} a random quantity inside E[…] is not evaluated (only polynomials in the random names are)`);
    return c;
  }

  div(a: Poly<S>, b: Poly<S>): Poly<S> {
    const d = this.constantOf(b, 'a division by');
    const inv = this.base.div(this.base.one, d);
    const out = new Map<string, Term<S>>();
    for (const [k, t] of a.terms) out.set(k, { atoms: t.atoms, coeff: this.base.mul(t.coeff, inv) });
    return new Poly(out);
  }

  powInt(a: Poly<S>, k: bigint): Poly<S> {
    const c = a.constantValue(this.base.zero);
    if (c !== null) return this.constant(this.base.powInt(c, k));
    if (k < 0n) this.constantOf(a, 'a negative power of');
    if (BigInt(a.degree) * k > BigInt(this.maxDegree)) {
      throw new Unsupported(`E[…] of a polynomial of degree above ${this.maxDegree} in the random names is not evaluated`);
    }
    let out = this.one;
    for (let i = 0n; i < k; i++) out = this.mul(out, a);
    return out;
  }

  pow(a: Poly<S>, b: Poly<S>): Poly<S> {
    return this.constant(this.base.pow(this.constantOf(a, 'a power of'), this.constantOf(b, 'a power with')));
  }

  elementary(f: Elementary, a: Poly<S>): Poly<S> {
    const name = f === 'sqrt' ? '√' : f === 'abs' ? '|…|' : f;
    return this.constant(this.base.elementary(f, this.constantOf(a, `${name} of`)));
  }

  max(a: Poly<S>, b: Poly<S>): Poly<S> {
    return this.constant(this.base.max(this.constantOf(a, 'max of'), this.constantOf(b, 'max of')));
  }

  min(a: Poly<S>, b: Poly<S>): Poly<S> {
    return this.constant(this.base.min(this.constantOf(a, 'min of'), this.constantOf(b, 'min of')));
  }

  pi(): Poly<S> {
    return this.constant(this.base.pi());
  }

  e(): Poly<S> {
    return this.constant(this.base.e());
  }

  sign(a: Poly<S>): Sign {
    return this.base.sign(this.constantOf(a, 'the sign of'));
  }

  asInteger(a: Poly<S>): bigint | null {
    const c = a.constantValue(this.base.zero);
    return c === null ? null : this.base.asInteger(c);
  }

  magnitude(a: Poly<S>): number {
    return this.base.magnitude(this.constantOf(a, 'the size of'));
  }

  format(a: Poly<S>, digits: number): string {
    const c = a.constantValue(this.base.zero);
    return c === null ? `a polynomial of degree ${a.degree} in the random names` : this.base.format(c, digits);
  }
}

/** Two sorted id lists merged. */
function merge(a: readonly number[], b: readonly number[]): number[] {
  if (a.length === 0) return b as number[];
  if (b.length === 0) return a as number[];
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]! <= b[j]!)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}
