/**
 * Constants as the numbers they are, for exact proofs at a point (explore.ts's equalities
 * at guessed places, Point.sameValue's at exact ones): sin(π/4) as √2/2, exp(2 log 2) as 4,
 * log e as 1. Each rewrite is an identity; whatever is not recognized is left as it is.
 */
import type { Expr } from '../../ast.js';
import { freeNames, mapChildren } from '../../ast-walk.js';
import { expandPolynomial, expandRational, polynomialExpr } from '../engines/polynomial.js';
import { decimalField, type DecInterval } from '../evaluator/decimal.js';
import { isMat } from '../evaluator/field.js';
import { constantValue, evaluate, groundHost, type Host } from '../evaluator/interpret.js';
import { Rational } from '../evaluator/rational.js';
import { now } from '../../clock.js';

/** A rational as an expression (3, −1/2), as written on paper. */
export function rationalExpr(q: Rational, range: Expr['range']): Expr {
  const lit = (n: bigint): Expr => ({ kind: 'Num', value: (n < 0n ? -n : n).toString(), range, shape: { kind: 'scalar' } });
  const abs: Expr = q.d === 1n ? lit(q.n) : { kind: 'Binary', op: '/', left: lit(q.n), right: lit(q.d), range, shape: { kind: 'scalar' } };
  return q.sign() < 0 ? { kind: 'Neg', arg: abs, range, shape: { kind: 'scalar' } } : abs;
}

/**
 * Whether e (constants already as the numbers they are: exactConstants) is 0 by exact
 * expansion: a polynomial in its atoms (π, e, √2, calls) with no terms, or a quotient whose
 * numerator has none and whose divisors are constants of certain sign (1/e − 1/e). No error
 * probability; false where this cannot show it (the identity test may).
 */
export function zeroByExpansion(e: Expr): boolean {
  const poly = expandPolynomial(e, true);
  if (poly) return poly.size === 0;
  const r = expandRational(e, true);
  return r !== null && r.num.size === 0 && [...r.den.values()].every((f) => constantSign(polynomialExpr(f.poly, e.range)) !== null);
}

/** The sign a constant expression certainly has (by its 60-digit enclosure), or null. */
export function constantSign(e: Expr): -1 | 1 | null {
  try {
    const D = decimalField(60);
    const v = evaluate(e, { ...groundHost, field: D, deadline: now() + 50 } as unknown as Host<DecInterval>);
    const sg = isMat(v) ? null : D.sign(v as DecInterval);
    return sg === 1 || sg === -1 ? sg : null;
  } catch {
    return null;
  }
}

/**
 * Constants written as the numbers they are, so that exact expansion proves what it could not:
 * sin, cos and tan of a rational multiple of π whose value is a square root of a rational
 * (π/6, π/4, π/3, 5π/6, …: multiples of π/4 and π/6) as that value (1/2, √2/2, √3/2), beyond
 * the identity test's multiples of π/2 (sin(5π/6)² − sin(5π/6) + 1/4 = 0); exp of whole
 * multiples of logs of numbers (exp(2 log 2) = 4); exp(k) as e^k for whole k; log e = 1,
 * log(e^r) = r for a constant r and log(1/e^r) = −r for rational r; max and min of constants by the certain sign of their difference (either, where it expands to 0);
 * (q^r)^n and (e^r)^n where r·n is whole ((∛2)⁶ = 4, (e^(1/2))² = e); q^(k/2) as √q to the k;
 * and q^E where E·log q cancels to whole multiples of logs of numbers (2^(log 3/log 2) = 3).
 * Everything else is left as it is.
 */
export function exactConstants(e: Expr): Expr {
  const range = e.range;
  const scalar = { kind: 'scalar' } as const;
  const num = (n: number): Expr => ({ kind: 'Num', value: String(n), range, shape: scalar });
  const root = (n: number): Expr => ({ kind: 'Call', fn: { base: 'sqrt', index: null, primes: 0, hat: false, range }, args: [num(n)], range, shape: scalar });
  const over2 = (x: Expr): Expr => ({ kind: 'Binary', op: '/', left: x, right: num(2), range, shape: scalar });
  const neg = (x: Expr): Expr => ({ kind: 'Neg', arg: x, range, shape: scalar });
  /** sin(kπ/12) for k a multiple of 2 or 3 (0 ≤ k < 24), else null. */
  const sinOf = (k: number): Expr | null => {
    const first: Record<number, () => Expr> = { 0: () => num(0), 2: () => over2(num(1)), 3: () => over2(root(2)), 4: () => over2(root(3)), 6: () => num(1), 8: () => over2(root(3)), 9: () => over2(root(2)), 10: () => over2(num(1)) };
    const m = ((k % 24) + 24) % 24;
    const f = first[m % 12];
    return m === 12 ? num(0) : f ? (m < 12 ? f() : neg(f())) : null;
  };
  const multipleOfPi = (arg: Expr): number | null => {
    if (freeNames(arg).length > 0) return null;
    const poly = expandPolynomial(arg, true);
    if (!poly) return null;
    if (poly.size === 0) return 0;
    if (poly.size !== 1) return null;
    const term = [...poly.values()][0]!;
    const [atom, power, x] = term.powers[0] ?? [];
    if (term.powers.length !== 1 || power !== 1 || !x || x.kind !== 'Const' || x.name !== 'pi' || atom === undefined) return null;
    const k = term.coef.mul(Rational.of(12));
    return k.isInteger() && (k.n % 2n === 0n || k.n % 3n === 0n) && k.n < 10n ** 6n && k.n > -(10n ** 6n) ? Number(k.n) : null;
  };
  /** exp of a sum of integer multiples of logs of numbers (2 log 2, log 3 − log 2): that number. */
  const expOfLogs = (arg: Expr): Rational | null => {
    if (freeNames(arg).length > 0) return null;
    const poly = expandPolynomial(arg, true);
    if (!poly) return null;
    let out = Rational.ONE;
    for (const term of poly.values()) {
      const [, power, x] = term.powers[0] ?? [];
      if (term.powers.length !== 1 || power !== 1 || !x || x.kind !== 'Call' || x.fn.base !== 'log' || !term.coef.isInteger() || term.coef.n > 64n || term.coef.n < -64n) return null;
      const n = constantValue(x.args[0]!);
      if (!n || n.sign() <= 0) return null;
      const k = Number(term.coef.n);
      for (let i = 0; i < Math.abs(k); i++) out = k > 0 ? out.mul(n) : out.div(n);
    }
    return out;
  };
  const lit = (q: Rational): Expr => rationalExpr(q, range);
  const rec = (x: Expr): Expr => {
    // exp(2 log 2) = 4, e^(log 3) = 3.
    const expArg = x.kind === 'Call' && x.args.length === 1 && !x.fn.index && x.fn.primes === 0 && x.fn.base === 'exp' ? x.args[0]!
      : x.kind === 'Binary' && x.op === '^' && x.left.kind === 'Const' && x.left.name === 'e' ? x.right : null;
    const value = expArg && expOfLogs(expArg);
    if (value) return lit(value);
    // exp(k) = e^k for a whole k, so that algebra sees the one atom e (e^(−1) − 1/e = 0).
    const k = expArg ? constantValue(expArg) : null;
    // (A negative power as 1/eⁿ: expansion takes e^(−n) as an atom of its own, not as 1/eⁿ.)
    if (k && k.isInteger() && k.n <= 64n && k.n >= -64n) {
      const power: Expr = { kind: 'Binary', op: '^', left: { kind: 'Const', name: 'e', range, shape: scalar }, right: num(Number(k.n < 0n ? -k.n : k.n)), range, shape: scalar };
      return k.n < 0n ? { kind: 'Binary', op: '/', left: num(1), right: power, range, shape: scalar } : power;
    }
    // log e = 1, log(e^r) = log(exp r) = r for a rational r (log(x)/x at its bottom x = e).
    if (x.kind === 'Call' && x.args.length === 1 && !x.fn.index && x.fn.primes === 0 && x.fn.base === 'log') {
      const a = x.args[0]!;
      if (a.kind === 'Const' && a.name === 'e') return num(1);
      const powerOf = (u: Expr): Expr | null => u.kind === 'Call' && u.args.length === 1 && !u.fn.index && u.fn.primes === 0 && u.fn.base === 'exp' ? u.args[0]!
        : u.kind === 'Binary' && u.op === '^' && u.left.kind === 'Const' && u.left.name === 'e' ? u.right : null;
      const power = powerOf(a);
      const r = power && constantValue(power);
      if (r) return lit(r);
      // (And of any real constant: log(e^(π/2)) = π/2.)
      if (power && freeNames(power).length === 0) return rec(power);
      // (log(1/e) = −1, log(1/e^r) = −r: x log x at its bottom 1/e.)
      if (a.kind === 'Binary' && a.op === '/' && constantValue(a.left)?.equals(Rational.ONE)) {
        const d = a.right;
        const s = d.kind === 'Const' && d.name === 'e' ? Rational.ONE : (() => { const u = powerOf(d); return u && constantValue(u); })();
        if (s) return lit(s.neg());
      }
    }
    // (e^r)^n = e^(r n) where that is whole ((e^(1/2))² = e: log(x)/x² at its top √e).
    if (x.kind === 'Binary' && x.op === '^') {
      const inner = x.left.kind === 'Call' && x.left.args.length === 1 && !x.left.fn.index && x.left.fn.primes === 0 && x.left.fn.base === 'exp' ? x.left.args[0]!
        : x.left.kind === 'Binary' && x.left.op === '^' && x.left.left.kind === 'Const' && x.left.left.name === 'e' ? x.left.right : null;
      const [r, n] = inner ? [constantValue(inner), constantValue(x.right)] : [null, null];
      const rn = r && n && n.isInteger() && r.mul(n);
      if (rn && rn.isInteger() && rn.n <= 64n && rn.n >= -64n) return rec({ kind: 'Call', fn: { base: 'exp', index: null, primes: 0, hat: false, range }, args: [lit(rn)], range, shape: scalar });
    }
    // (q^r)^n = q^(r n) where that is a whole power (∛2 to the 6th is 4).
    if (x.kind === 'Binary' && x.op === '^' && x.left.kind === 'Binary' && x.left.op === '^') {
      const [q, r, n] = [constantValue(x.left.left), constantValue(x.left.right), constantValue(x.right)];
      const rn = r && n && r.mul(n);
      if (q && q.sign() > 0 && rn && rn.isInteger() && rn.n <= 64n && rn.n >= -64n) {
        let out = Rational.ONE;
        for (let i = 0n; i < (rn.n < 0n ? -rn.n : rn.n); i++) out = rn.n > 0n ? out.mul(q) : out.div(q);
        return lit(out);
      }
    }
    // q^E for a positive rational q and a constant E whose product with log q cancels to whole
    // multiples of logs of numbers: that number (2^(log 3/log 2) = 3, (3/2)^(log 2/log(3/2)) = 2).
    if (x.kind === 'Binary' && x.op === '^' && freeNames(x.right).length === 0 && constantValue(x.right) === null) {
      const q = constantValue(x.left);
      if (q && q.sign() > 0 && !q.equals(Rational.ONE)) {
        const logQ: Expr = { kind: 'Call', fn: { base: 'log', index: null, primes: 0, hat: false, range }, args: [lit(q)], range, shape: scalar };
        const r = expandRational({ kind: 'Binary', op: '*', left: x.right, right: logQ, range, shape: scalar }, true);
        const value = r && r.den.size === 0 ? expOfLogs(polynomialExpr(r.num, range)) : null;
        if (value) return lit(value);
      }
    }
    // c^(k/2) for a constant c that is not rational but certainly positive: √c to the k
    // (π^(1/2) = √π, whose square expansion knows); √(a/b) for constants a, b > 0 as √(a b)/b
    // (√(2/π) = √(2π)/π: no root left in a divisor).
    if (x.kind === 'Binary' && x.op === '^' && freeNames(x.left).length === 0 && constantValue(x.left) === null) {
      const r = constantValue(x.right);
      const k = r && !r.isInteger() ? r.mul(Rational.of(2)) : null;
      if (k && k.isInteger() && k.n <= 64n && k.n >= -64n && constantSign(x.left) === 1) {
        const sq: Expr = { kind: 'Call', fn: { base: 'sqrt', index: null, primes: 0, hat: false, range }, args: [rec(x.left)], range, shape: scalar };
        const m = k.n < 0n ? -k.n : k.n;
        const power: Expr = m === 1n ? sq : { kind: 'Binary', op: '^', left: sq, right: num(Number(m)), range, shape: scalar };
        return k.n < 0n ? { kind: 'Binary', op: '/', left: num(1), right: power, range, shape: scalar } : power;
      }
    }
    if (x.kind === 'Call' && x.args.length === 1 && !x.fn.index && x.fn.primes === 0 && x.fn.base === 'sqrt') {
      const u = x.args[0]!;
      // A radicand that expands to a rational, √(1 − (√2/2)²) = √(1/2): the root of that number
      // (x√(1 − x²) at its top x = √2/2, where y = √(1 − x²) is put in; red team rt85).
      if (freeNames(u).length === 0 && constantValue(u) === null) {
        const poly = expandPolynomial(rec(u), true);
        const q = poly && [...poly.keys()].every((m) => m === '') ? poly.get('')?.coef ?? Rational.ZERO : null;
        if (q && q.sign() >= 0) {
          const r = q.sqrt();
          return r ? lit(r) : { ...x, args: [lit(q)] };
        }
      }
      if (u.kind === 'Binary' && u.op === '/' && freeNames(u).length === 0 && constantValue(u) === null && constantSign(u.left) === 1 && constantSign(u.right) === 1) {
        const [a, b] = [rec(u.left), rec(u.right)];
        const product: Expr = { kind: 'Binary', op: '*', left: a, right: b, range, shape: scalar };
        return { kind: 'Binary', op: '/', left: { ...x, args: [product] }, right: b, range, shape: scalar };
      }
    }
    // q^(k/2) for a positive rational q: √q to the k (2^(1/2) = √2, 2·2^(−1/2) = 2/√2), whose
    // square expansion knows; a perfect square's root first (4^(1/4) = 2^(1/2) = √2).
    if (x.kind === 'Binary' && x.op === '^') {
      let [q, r] = [constantValue(x.left), constantValue(x.right)];
      if (q && r && q.sign() > 0 && !r.isInteger()) {
        if (q.equals(Rational.ONE)) return num(1);
        for (let s = q.sqrt(); s && !r.isInteger() && !q.equals(Rational.ONE); s = q.sqrt()) [q, r] = [s, r.mul(Rational.of(2))];
        const k = r.mul(Rational.of(2));
        if (r.isInteger() && r.n <= 64n && r.n >= -64n) return lit(q.pow(r.n));
        if (k.isInteger() && k.n <= 64n && k.n >= -64n) {
          const sq: Expr = { kind: 'Call', fn: { base: 'sqrt', index: null, primes: 0, hat: false, range }, args: [lit(q)], range, shape: scalar };
          const m = k.n < 0n ? -k.n : k.n;
          const power: Expr = m === 1n ? sq : { kind: 'Binary', op: '^', left: sq, right: num(Number(m)), range, shape: scalar };
          return k.n < 0n ? { kind: 'Binary', op: '/', left: num(1), right: power, range, shape: scalar } : power;
        }
      }
    }
    // max and min of constants where the sign of their difference is certain (max(3/2, π) = π).
    if (x.kind === 'Call' && x.args.length === 2 && !x.fn.index && x.fn.primes === 0 && (x.fn.base === 'max' || x.fn.base === 'min') && x.args.every((a) => freeNames(a).length === 0)) {
      const [a, b] = [rec(x.args[0]!), rec(x.args[1]!)];
      const difference: Expr = { kind: 'Binary', op: '-', left: a, right: b, range, shape: scalar };
      const sign = constantSign(difference);
      if (sign !== null) return (sign > 0) === (x.fn.base === 'max') ? a : b;
      // (Equal ones, max(0, 0) at a softplus bound's touch z = 0: either.)
      if (zeroByExpansion(difference)) return a;
      return { ...x, args: [a, b] };
    }
    // |c| for a constant c: 0 where c expands to 0 (|√2 − √2|), c or −c where its sign is certain.
    if (x.kind === 'Abs' && freeNames(x.arg).length === 0) {
      const inner = rec(x.arg);
      const poly = expandPolynomial(inner, true);
      if (poly && poly.size === 0) return num(0);
      const sign = constantSign(inner);
      if (sign === 1) return inner;
      if (sign === -1) return neg(inner);
      return { ...x, arg: inner };
    }
    if (x.kind === 'Call' && x.args.length === 1 && !x.fn.index && x.fn.primes === 0 && (x.fn.base === 'sin' || x.fn.base === 'cos' || x.fn.base === 'tan')) {
      const k = multipleOfPi(x.args[0]!);
      if (k !== null) {
        const s = sinOf(k);
        const c = sinOf(k + 6);
        if (x.fn.base === 'sin' && s) return s;
        if (x.fn.base === 'cos' && c) return c;
        if (x.fn.base === 'tan' && s && c && !(c.kind === 'Num' && c.value === '0')) return { kind: 'Binary', op: '/', left: s, right: c, range, shape: scalar };
      }
    }
    return mapChildren(x, rec);
  };
  return rec(e);
}
