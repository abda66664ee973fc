import { atRootOfZero, oneSidedPowerAtZero } from './dual.js';
import { Inexact, Kink, Undecided, type Elementary, type Field, type Sign } from './field.js';
import type { Rational } from './rational.js';

/**
 * v + Σ_j d_j ε_j with ε_i ε_j = 0: a value and its derivatives along k directions at once
 * (forward mode with a vector of tangents). One pass gives a whole Jacobian: each value and
 * each elementary function is computed once, not once per direction as with `dual.ts`.
 */
export class Jet<S> {
  constructor(readonly v: S, readonly d: readonly S[]) {}
}

/**
 * Jets with k tangents over any backend: exact where the backend is exact, enclosed where it
 * encloses, never a finite difference. At a point where a function is not differentiable,
 * and with `directional` (each tangent a direction, one-sided derivatives at kinks), as for
 * dual numbers (dual.ts); tangents kept apart, since the kink rules are not linear in them.
 */
export function jetField<S>(F: Field<S>, k: number, directional = false): Field<Jet<S>> {
  const zeros: readonly S[] = new Array<S>(k).fill(F.zero);
  const c = (x: S): Jet<S> => new Jet(x, zeros);
  const flat = (a: Jet<S>): boolean => a.d === zeros || a.d.every((x) => F.sign(x) === 0);
  const scale = (a: Jet<S>, f: S): readonly S[] => (a.d === zeros ? zeros : a.d.map((x) => F.mul(f, x)));
  // A value lifted from another host (a random value inside E[…]) may carry fewer tangents:
  // it does not vary with the seeded entries, so the missing ones are 0.
  const combine = (a: readonly S[], b: readonly S[], op: (x: S, y: S) => S): readonly S[] => {
    if (a === zeros && b === zeros) return zeros;
    // (A loop, not Array.from with a mapper: this is the jets' inner loop.)
    const n = Math.max(a.length, b.length, k);
    const out = new Array<S>(n);
    for (let i = 0; i < n; i++) out[i] = op(a[i] ?? F.zero, b[i] ?? F.zero);
    return out;
  };
  const self: Field<Jet<S>> = {
    name: `${directional ? 'directional ' : ''}jet${k}(${F.name})`,
    zero: c(F.zero),
    one: c(F.one),
    fromInt: (n) => c(F.fromInt(n)),
    fromRational: (q: Rational) => c(F.fromRational(q)),
    add: (a, b) => new Jet(F.add(a.v, b.v), combine(a.d, b.d, (x, y) => F.add(x, y))),
    sub: (a, b) => new Jet(F.sub(a.v, b.v), combine(a.d, b.d, (x, y) => F.sub(x, y))),
    mul: (a, b) => new Jet(F.mul(a.v, b.v), combine(scale(b, a.v), scale(a, b.v), (x, y) => F.add(x, y))),
    neg: (a) => new Jet(F.neg(a.v), a.d === zeros ? zeros : a.d.map((x) => F.neg(x))),
    div(a, b) {
      const q = F.div(a.v, b.v);
      if (b.d === zeros) return new Jet(q, a.d === zeros ? zeros : a.d.map((x) => F.div(x, b.v)));
      return new Jet(q, combine(a.d, b.d, (x, y) => F.div(F.sub(x, F.mul(q, y)), b.v)));
    },
    powInt(a, n) {
      if (n === 0n) return self.one;
      const v = F.powInt(a.v, n);
      if (a.d === zeros) return c(v);
      return new Jet(v, scale(a, F.mul(F.fromInt(n), F.powInt(a.v, n - 1n))));
    },
    pow(a, b) {
      const v = F.pow(a.v, b.v);
      // A base that does not depend on the seeded entries is a constant here.
      if (a.d === zeros && b.d === zeros) return c(v);
      // 0^b with b not whole: like √ at 0; one-sided, along each direction (dual.ts).
      if (F.sign(a.v) === 0) {
        if (directional && flat(b)) return new Jet(v, a.d.map((x) => oneSidedPowerAtZero(F, x, b.v)));
        throw atRootOfZero(flat(a), 'a fractional power');
      }
      // Zero derivatives, but still depending on the seeded entries (`zeros` is kept for what does not).
      if (flat(a) && flat(b)) return new Jet(v, a.d === zeros ? b.d : a.d);
      // d(a^b) = a^b (b' log a + b a'/a)
      const logA = flat(b) ? null : F.elementary('log', a.v);
      const ratio = flat(a) ? null : F.div(b.v, a.v);
      const d = a.d.map((da, i) => {
        let s = F.zero;
        if (logA !== null) s = F.add(s, F.mul(b.d[i]!, logA));
        if (ratio !== null) s = F.add(s, F.mul(ratio, da));
        return F.mul(v, s);
      });
      return new Jet(v, d);
    },
    elementary(f: Elementary, a: Jet<S>): Jet<S> {
      const v = F.elementary(f, a.v);
      if (a.d === zeros) return c(v);
      // √u at u = 0: with u' = 0 the derivative may exist (√(t⁴)) or not (√(t²) = |t|).
      if (f === 'sqrt' && F.sign(v) === 0) throw atRootOfZero(flat(a), '√');
      // A zero derivative that still depends on the seeded entries keeps them (√(sin(z²)) at 0 is |z|).
      if (flat(a)) return new Jet(v, a.d);
      let slope: S;
      switch (f) {
        case 'exp': slope = v; break;
        case 'log': slope = F.div(F.one, a.v); break;
        case 'sqrt':
          slope = F.div(F.one, F.mul(F.fromInt(2), v));
          break;
        case 'sin': slope = F.elementary('cos', a.v); break;
        case 'cos': slope = F.neg(F.elementary('sin', a.v)); break;
        case 'tan': {
          const cos = F.elementary('cos', a.v);
          slope = F.div(F.one, F.mul(cos, cos));
          break;
        }
        case 'tanh': slope = F.sub(F.one, F.mul(v, v)); break;
        case 'abs': {
          const s = F.sign(a.v);
          if (s === null) throw new Undecided('|x| near 0');
          if (s === 0) {
            if (directional) return new Jet(v, a.d.map((x) => F.elementary('abs', x)));
            throw new Kink('|x| is not differentiable at 0');
          }
          slope = s > 0 ? F.one : F.neg(F.one);
          break;
        }
      }
      return new Jet(v, scale(a, slope));
    },
    max(a, b) {
      return pick(a, b, 1);
    },
    min(a, b) {
      return pick(a, b, -1);
    },
    pi: () => c(F.pi()),
    e: () => c(F.e()),
    // 0 only when the value and every derivative are: linear algebra skips exact zeros
    // (an elimination step, a pivot), which would lose a derivative that is not 0.
    sign: (a): Sign => {
      const s = F.sign(a.v);
      return s !== 0 ? s : flat(a) ? 0 : null;
    },
    asInteger: (a) => (flat(a) ? F.asInteger(a.v) : null),
    magnitude: (a) => F.magnitude(a.v),
    format: (a, digits) => `${F.format(a.v, digits)} + [${a.d.map((x) => F.format(x, digits)).join(', ')}]ε`,
    lambdaMax(data, n) {
      // dλ_max = xᵀ dA x for the unit top eigenvector, along every direction (enclosed by the backend).
      if (!F.lambdaMaxTangents) throw new Inexact(`derivatives of eigenvalues are not computed in ${F.name} arithmetic`);
      const r = F.lambdaMaxTangents(data.map((x) => x.v), Array.from({ length: k }, (_, j) => data.map((x) => x.d[j]!)), n);
      return new Jet(r.value, r.tangents);
    },
  };
  function pick(a: Jet<S>, b: Jet<S>, want: 1 | -1): Jet<S> {
    const s = F.sign(F.sub(a.v, b.v));
    if (s === null || s === 0) {
      if (s === 0 && a.d.every((x, i) => F.sign(F.sub(x, b.d[i] ?? F.zero)) === 0)) return a;
      if (s === 0 && directional) {
        return new Jet(a.v, combine(a.d, b.d, (x, y) => (want > 0 ? F.max(x, y) : F.min(x, y))));
      }
      const what = want > 0 ? 'max' : 'min';
      throw s === 0 ? new Kink(`${what} is not differentiable where its arguments tie`) : new Undecided(`${what} of two values too close to tell apart`);
    }
    return s === want ? a : b;
  }
  return self;
}
