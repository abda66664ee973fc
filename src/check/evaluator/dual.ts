import { Inexact, Kink, Undecided, Undefined, type Elementary, type Field, type Sign } from './field.js';
import type { Rational } from './rational.js';

/** v + d·ε with ε² = 0: a value and its derivative along one direction (forward mode). */
export class Dual<S> {
  constructor(readonly v: S, readonly d: S) {}
}

/**
 * Dual numbers over any backend: forward-mode differentiation, exact where the backend is
 * exact and enclosed where it encloses (never a finite difference). Nesting gives higher
 * derivatives (`dualField(dualField(F))`). A function not differentiable at the point
 * (√x at 0 along a nonzero direction) is Undefined there; a kink (|u| at u = 0, max or min
 * at a tie) throws Kink. `directional`: the tangent is a direction h and the result the
 * one-sided directional derivative f'(x; h) = lim_{t→0⁺} (f(x + t h) − f(x))/t, which at a
 * kink follows |·|'(0; d) = |d|, max'(tie; d₁, d₂) = max(d₁, d₂), min'(…) = min(d₁, d₂) (the
 * chain rule of piecewise-smooth functions; Griewank & Walther, "Evaluating Derivatives",
 * 2nd ed., §14.2). √ (and a fractional power) at 0 with no first-order change is Undecided:
 * √(x⁴) is differentiable at 0 and √(x²) is not, and first-order values cannot tell them apart.
 */
export function dualField<S>(F: Field<S>, directional = false): Field<Dual<S>> {
  const c = (x: S): Dual<S> => new Dual(x, F.zero);
  const zeroD = (x: Dual<S>): boolean => F.sign(x.d) === 0;
  const self: Field<Dual<S>> = {
    name: `${directional ? 'directional ' : ''}dual(${F.name})`,
    zero: c(F.zero),
    one: c(F.one),
    fromInt: (n) => c(F.fromInt(n)),
    fromRational: (q: Rational) => c(F.fromRational(q)),
    add: (a, b) => new Dual(F.add(a.v, b.v), F.add(a.d, b.d)),
    sub: (a, b) => new Dual(F.sub(a.v, b.v), F.sub(a.d, b.d)),
    mul: (a, b) => new Dual(F.mul(a.v, b.v), F.add(F.mul(a.v, b.d), F.mul(a.d, b.v))),
    neg: (a) => new Dual(F.neg(a.v), F.neg(a.d)),
    div(a, b) {
      const q = F.div(a.v, b.v);
      return new Dual(q, F.div(F.sub(a.d, F.mul(q, b.d)), b.v));
    },
    powInt(a, k) {
      if (k === 0n) return self.one;
      const v = F.powInt(a.v, k);
      if (zeroD(a)) return c(v);
      return new Dual(v, F.mul(F.mul(F.fromInt(k), F.powInt(a.v, k - 1n)), a.d));
    },
    pow(a, b) {
      const v = F.pow(a.v, b.v);
      // 0^b with b not whole: like √ at 0 (undecided when the base does not move to first order).
      if (F.sign(a.v) === 0) {
        if (directional && zeroD(b)) return new Dual(v, oneSidedPowerAtZero(F, a.d, b.v));
        throw atRootOfZero(zeroD(a), 'a fractional power');
      }
      if (zeroD(a) && zeroD(b)) return c(v);
      // d(a^b) = a^b (b' log a + b a'/a)
      let d = F.zero;
      if (!zeroD(b)) d = F.mul(b.d, F.elementary('log', a.v));
      if (!zeroD(a)) d = F.add(d, F.div(F.mul(b.v, a.d), a.v));
      return new Dual(v, F.mul(v, d));
    },
    elementary(f: Elementary, a: Dual<S>): Dual<S> {
      const v = F.elementary(f, a.v);
      // √u at u = 0: with u' = 0 the derivative may exist (√(t⁴)) or not (√(t²) = |t|).
      // (No "does not depend on the variable" here: a zero derivative is no sign of that,
      // and the backends share their zero object — z² at 0 has it.)
      if (f === 'sqrt' && F.sign(v) === 0) throw atRootOfZero(zeroD(a), '√');
      if (zeroD(a)) return c(v);
      switch (f) {
        case 'exp': return new Dual(v, F.mul(v, a.d));
        case 'log': return new Dual(v, F.div(a.d, a.v));
        case 'sqrt': return new Dual(v, F.div(a.d, F.mul(F.fromInt(2), v)));
        case 'sin': return new Dual(v, F.mul(F.elementary('cos', a.v), a.d));
        case 'cos': return new Dual(v, F.neg(F.mul(F.elementary('sin', a.v), a.d)));
        case 'tan': {
          const cos = F.elementary('cos', a.v);
          return new Dual(v, F.div(a.d, F.mul(cos, cos)));
        }
        case 'tanh': return new Dual(v, F.mul(F.sub(F.one, F.mul(v, v)), a.d));
        case 'abs': {
          const s = F.sign(a.v);
          if (s === null) throw new Undecided('|x| near 0');
          if (s === 0) {
            if (directional) return new Dual(v, F.elementary('abs', a.d));
            throw new Kink('|x| is not differentiable at 0');
          }
          return new Dual(v, s > 0 ? a.d : F.neg(a.d));
        }
      }
    },
    max(a, b) {
      const s = F.sign(F.sub(a.v, b.v));
      if (s === null || s === 0) {
        if (s === 0 && F.sign(F.sub(a.d, b.d)) === 0) return a;
        if (s === 0 && directional) return new Dual(a.v, F.max(a.d, b.d));
        throw s === 0 ? new Kink('max is not differentiable where its arguments tie') : new Undecided('max of two values too close to tell apart');
      }
      return s > 0 ? a : b;
    },
    min(a, b) {
      const s = F.sign(F.sub(a.v, b.v));
      if (s === null || s === 0) {
        if (s === 0 && F.sign(F.sub(a.d, b.d)) === 0) return a;
        if (s === 0 && directional) return new Dual(a.v, F.min(a.d, b.d));
        throw s === 0 ? new Kink('min is not differentiable where its arguments tie') : new Undecided('min of two values too close to tell apart');
      }
      return s < 0 ? a : b;
    },
    pi: () => c(F.pi()),
    e: () => c(F.e()),
    // 0 only when the value and the derivative both are: linear algebra skips exact zeros
    // (an elimination step, a pivot), which would lose a derivative that is not 0.
    sign: (a): Sign => {
      const s = F.sign(a.v);
      return s !== 0 ? s : F.sign(a.d) === 0 ? 0 : null;
    },
    asInteger: (a) => (zeroD(a) ? F.asInteger(a.v) : null),
    magnitude: (a) => F.magnitude(a.v),
    format: (a, digits) => `${F.format(a.v, digits)} + ${F.format(a.d, digits)}ε`,
    ...(F.span ? { span: (lo: Dual<S>, hi: Dual<S>) => new Dual(F.span!(lo.v, hi.v), F.span!(lo.d, hi.d)) } : {}),
    lambdaMax(data, n) {
      // dλ_max = xᵀ dA x for the unit top eigenvector (enclosed by the backend).
      if (!F.lambdaMaxTangents) throw new Inexact(`derivatives of eigenvalues are not computed in ${F.name} arithmetic`);
      const r = F.lambdaMaxTangents(data.map((x) => x.v), [data.map((x) => x.d)], n);
      return new Dual(r.value, r.tangents[0]!);
    },
  };
  return self;
}

/**
 * What √u (or u^b, b not whole) at u = 0 is to dual numbers: not differentiable when u moves
 * to first order (one side has no value, the other an infinite slope); undecided when it does
 * not (√(t⁴) = t² has a derivative, √(t²) = |t| has none).
 */
export function atRootOfZero(still: boolean, what: string): Undefined | Undecided {
  return still
    ? new Undecided(`${what} at 0 where its argument does not change to first order: whether it is differentiable depends on higher-order terms`)
    : new Undefined(`${what} is not differentiable at 0`);
}

/**
 * The one-sided slope of u^b (b not whole, constant) where u = 0 and u moves at rate d along
 * the direction: (d t)^b for t → 0⁺ has slope 0 when b > 1 and d > 0 (|x|^{3/2} at 0); none
 * when d < 0 (the base goes negative) or b < 1 (an infinite slope); undecided when d is 0.
 */
export function oneSidedPowerAtZero<S>(F: Field<S>, d: S, b: S): S {
  const s = F.sign(d);
  if (s === null || s === 0) throw atRootOfZero(true, 'a fractional power');
  if (s < 0) throw new Undefined('a fractional power of a base that goes negative has no derivative at 0');
  const above = F.sign(F.sub(b, F.one));
  if (above === null) throw new Undecided('a fractional power at 0 with an exponent too close to 1 to tell');
  if (above < 0) throw new Undefined('a fractional power with an exponent below 1 is not differentiable at 0');
  return F.zero;
}
