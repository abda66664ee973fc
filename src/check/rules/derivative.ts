import type { Define, Deriv, Expr, Grad, Var } from '../../ast.js';
import { printName } from '../../print.js';
import { Dual, dualField } from '../evaluator/dual.js';
import { Jet, jetField } from '../evaluator/jet.js';
import { Kink, Mat, Undecided, Undefined, Unsupported, isMat, type Field, type Val } from '../evaluator/field.js';
import { evaluate, varKey, type Env, type Host } from '../evaluator/interpret.js';
import * as L from '../evaluator/linalg.js';
import { Rational } from '../evaluator/rational.js';

/**
 * Derivatives as values (LANGUAGE.md §4, §5.6): `d/dx e`, `∂/∂x e`, `∂y/∂x`, `∇_x e` and
 * `σ'(z)` of a defined function, computed at a sampled point by forward-mode dual numbers
 * over the point's backend: exact where the backend is exact, enclosed where it encloses,
 * never a finite difference. One pass per entry of the variable (a seed e_j); a nested
 * derivative runs over dual numbers of dual numbers.
 *
 * Shape convention (the resolver's `derivShape`, numerator layout for Jacobians):
 * - x a scalar: the derivative has the shape of the expression (entrywise);
 * - e a scalar, x in R^n (or a matrix): the gradient, shaped like x (a column for a vector);
 *   `∂e/∂x` and `∇_x e` are the same column;
 * - y in R^m, x in R^n: the Jacobian ∂y/∂x, an m×n matrix with entries ∂y_i/∂x_j, so the
 *   chain rule reads ∂z/∂x = (∂z/∂y)(∂y/∂x) and ∇_x f(y) = (∂y/∂x)ᵀ ∇_y f(y);
 * - a matrix by a vector or a matrix (a 3-tensor) is not a value.
 */

/** The host of a point's evaluation, able to start an evaluation over dual numbers. */
export interface DerivativeHost<S> extends Host<S> {
  /**
   * A fresh evaluation of the same point over a number system built on this backend (dual
   * numbers, jets), where the values stored under `seeds` (keys as from `valueKey`) are
   * replaced; the seeds of this evaluation are carried over (lifted), so mixed derivatives nest.
   */
  extend<T>(G: Field<T>, lift: (x: S) => T, seeds: ReadonlyMap<string, Val<T>>): DerivativeHost<T>;
  /** The key a name's value is kept under at this point (`g@0` for g_0, `w` for a defined w). */
  valueKey(v: Var, env: Env<S>): string;
  /** For an entry of a declared vector written as a name, `z_k`: the vector's key and the entry (0-based); null for anything else. */
  componentOf?(v: Var, env: Env<S>): { readonly key: string; readonly vector: Var; readonly index: number } | null;
}

const duals = new WeakMap<object, Field<unknown>>();
const directionalDuals = new WeakMap<object, Field<unknown>>();
const jets = new WeakMap<object, Map<number, Field<unknown>>>();

/** The dual numbers over a backend (one field object per backend and mode; dual.ts). */
export function dualOf<S>(F: Field<S>, directional = false): Field<Dual<S>> {
  const cache = directional ? directionalDuals : duals;
  let D = cache.get(F) as Field<Dual<S>> | undefined;
  if (!D) {
    D = dualField(F, directional);
    cache.set(F, D as Field<unknown>);
  }
  return D;
}

/** Jets with k tangents over a backend (one field object per backend, k and mode). */
function jetOf<S>(F: Field<S>, k: number, directional = false): Field<Jet<S>> {
  let m = jets.get(F);
  if (!m) jets.set(F, (m = new Map()));
  const key = directional ? -k : k;
  let J = m.get(key) as Field<Jet<S>> | undefined;
  if (!J) {
    J = jetField(F, k, directional);
    m.set(key, J as Field<unknown>);
  }
  return J;
}

/**
 * A derivative through a kink (|u| at u = 0, max or min at a tie): the right derivative
 * f'(x; +e_j) and the left one −f'(x; −e_j), by `oneSided(±1)` (directional dual numbers,
 * dual.ts), along every entry j at once. Where they are equal the derivative exists and is
 * that value (x|x| at 0: 0); where they differ it does not (|x| at 0: 1 and −1); where the
 * enclosures cannot tell, the point is undecided. `kink` is what the two-sided pass threw.
 */
function throughKink<S>(F: Field<S>, kink: Kink, oneSided: (direction: 1 | -1) => readonly Val<S>[]): Val<S>[] {
  const right = oneSided(1);
  const left = oneSided(-1).map((v) => (isMat(v) ? v.map((x) => F.neg(x)) : F.neg(v)));
  return right.map((r, j) => {
    const l = left[j]!;
    const rs = isMat(r) ? r.data : [r];
    const ls = isMat(l) ? l.data : [l];
    for (let i = 0; i < rs.length; i++) {
      const s = F.sign(F.sub(rs[i]!, ls[i]!));
      if (s === null) throw new Undecided(`${kink.message}, and its one-sided derivatives are too close to tell apart`);
      if (s !== 0) throw new Undefined(kink.message);
    }
    return r;
  });
}

/**
 * The value of `d/dx e`, `∂y/∂x` or `∇_x e` at the host's point, by the convention above.
 * Throws Unsupported for a 3-tensor (a matrix by a vector) or a variable that is not a name.
 */
export function derivativeValue<S>(host: DerivativeHost<S>, e: Deriv | Grad, env: Env<S>): Val<S> {
  const F = host.field;
  const wrt = e.wrt;
  // ∂/∂z_k of an entry of a vector z: the vector seeded at that entry alone (the softmax's
  // ∂/∂z_k log ∑ exp(z_i) was unknown, "'z_k' has no declaration here", red team rt130).
  const entry = env.values.has(varKey(wrt)) ? null : host.componentOf?.(wrt, env) ?? null;
  if (entry) return entryDerivative(host, e, env, entry);
  const x = evaluate(wrt, host, env);
  const count = isMat(x) ? x.data.length : 1;
  const bound = varKey(wrt);
  const local = env.values.has(bound);
  const key = local ? '' : host.valueKey(wrt, env);
  // All directions in one pass over jets (k tangents): the seed of entry j is `unit`·e_j.
  // Tangent j of entry i is `seed(i, j)`: the unit vectors (all partials at once), or one direction.
  const partialsAlong = (directional: boolean, unit: S, tangents = count, seed = (i: number, j: number): S => (i === j ? unit : F.zero)): Val<S>[] => {
    const J = jetOf(F, tangents, directional);
    const zeros = new Array<S>(tangents).fill(F.zero);
    const lift = (v: S): Jet<S> => new Jet(v, zeros);
    const seeded: Val<Jet<S>> = isMat(x)
      ? x.map((v, i) => new Jet(v, zeros.map((_, j) => seed(i, j))))
      : new Jet(x, [seed(0, 0)]);
    const values = new Map<string, Val<Jet<S>>>();
    for (const [k, v] of env.values) values.set(k, isMat(v) ? v.map(lift) : lift(v));
    let jhost: DerivativeHost<Jet<S>>;
    if (local) {
      values.set(bound, seeded);
      jhost = host.extend(J, lift, new Map());
    } else {
      jhost = host.extend(J, lift, new Map([[key, seeded]]));
    }
    const y = evaluate(e.body, jhost, { values, integers: env.integers });
    const partials: Val<S>[] = [];
    for (let j = 0; j < tangents; j++) partials.push(isMat(y) ? y.map((t) => t.d[j]!) : y.d[j]!);
    return partials;
  };
  let partials: Val<S>[];
  try {
    partials = partialsAlong(false, F.one);
  } catch (err) {
    if (!(err instanceof Kink)) throw err;
    partials = throughKink(F, err, (direction) => partialsAlong(true, direction > 0 ? F.one : F.neg(F.one)));
    if (count > 1) linearAlongDirection(F, err, partials, (h) => partialsAlong(true, F.one, 1, (i) => h[i]!)[0]!);
  }
  return assemble(x, partials, e);
}

/** `∂/∂z_k e` for an entry z_k of a vector z (componentOf): e over jets with z's entry k seeded; a scalar. */
function entryDerivative<S>(host: DerivativeHost<S>, e: Deriv | Grad, env: Env<S>, entry: { readonly key: string; readonly vector: Var; readonly index: number }): Val<S> {
  const F = host.field;
  const z = evaluate(entry.vector, host, env);
  if (!isMat(z) || entry.index < 0 || entry.index >= z.data.length) throw new Undefined(`${printName(e.wrt.name)} is no entry of ${printName(entry.vector.name)} here`);
  const along = (directional: boolean, unit: S): Val<S> => {
    const J = jetOf(F, 1, directional);
    const lift = (v: S): Jet<S> => new Jet(v, [F.zero]);
    const seeded = z.map((v, i) => new Jet(v, [i === entry.index ? unit : F.zero]));
    const values = new Map<string, Val<Jet<S>>>();
    for (const [k, v] of env.values) values.set(k, isMat(v) ? v.map(lift) : lift(v));
    const y = evaluate(e.body, host.extend(J, lift, new Map([[entry.key, seeded]])), { values, integers: env.integers });
    return isMat(y) ? y.map((t) => t.d[0]!) : y.d[0]!;
  };
  try {
    return along(false, F.one);
  } catch (err) {
    if (!(err instanceof Kink)) throw err;
    return throughKink(F, err, (direction) => [along(true, direction > 0 ? F.one : F.neg(F.one))])[0]!;
  }
}

/**
 * Through a kink, partial derivatives that exist need not make a gradient: |u₁ + u₂| − |u₁ − u₂|
 * at 0 has both partials 0 but slope 2 along (1, 1). The one-sided derivatives along a fixed
 * direction h with no special relation to the axes, (2/3, −3/4, 4/5, …), and along −h must be
 * the partials' h·∇ and −h·∇; where they are not (or cannot be told), the point is undecided:
 * whether such a ∇ means the partials or the derivative is the reader's, so it decides nothing.
 */
function linearAlongDirection<S>(F: Field<S>, kink: Kink, partials: readonly Val<S>[], along: (h: readonly S[]) => Val<S>): void {
  const h = partials.map((_, j) => F.fromRational(Rational.of((j % 2 === 0 ? 1 : -1) * (j + 2)).div(Rational.of(j + 3))));
  const predicted = (sign: 1 | -1): S[] => {
    const first = partials[0]!;
    const size = isMat(first) ? first.data.length : 1;
    return Array.from({ length: size }, (_, i) => {
      let sum = F.zero;
      partials.forEach((pj, j) => {
        sum = F.add(sum, F.mul(h[j]!, isMat(pj) ? pj.data[i]! : pj));
      });
      return sign > 0 ? sum : F.neg(sum);
    });
  };
  const entries = (v: Val<S>): readonly S[] => (isMat(v) ? v.data : [v]);
  const right = entries(along(h));
  const left = entries(along(h.map((x) => F.neg(x))));
  const [pr, pl] = [predicted(1), predicted(-1)];
  for (let i = 0; i < pr.length; i++) {
    if (F.sign(F.sub(right[i]!, pr[i]!)) !== 0 || F.sign(F.sub(left[i]!, pl[i]!)) !== 0) {
      throw new Undecided(`${kink.message}: its partial derivatives exist here, but its slope along a direction is not their combination, so it has no gradient in the usual sense`);
    }
  }
}

/** Puts the partial derivatives (one per entry of x) into the shape the convention gives. */
function assemble<S>(x: Val<S>, partials: readonly Val<S>[], e: Deriv | Grad): Val<S> {
  if (!isMat(x)) return partials[0]!;
  const first = partials[0]!;
  if (!isMat(first)) return new Mat(x.rows, x.cols, partials as S[]);
  if (e.kind === 'Grad') throw new Unsupported('∇ of a vector or matrix: write ∂y/∂x for a Jacobian');
  if (x.cols !== 1 || first.cols !== 1) {
    throw new Unsupported('the derivative of a matrix (or row) by a vector or matrix is a 3-tensor, which is not a value here');
  }
  // The Jacobian: column j holds ∂y/∂x_j.
  const m = first.rows;
  const n = partials.length;
  const data = new Array<S>(m * n);
  for (let j = 0; j < n; j++) {
    const col = partials[j] as Mat<S>;
    for (let i = 0; i < m; i++) data[i * n + j] = col.data[i]!;
  }
  return L.scalarOf(new Mat(m, n, data));
}

/**
 * `f^{(k)}(a)` for a function the file defines (`define σ(z) = 1/(1 + exp(-z))`): the k-th
 * derivative of its body in its one scalar parameter, by nested dual numbers; a vector
 * argument is taken entrywise (σ acts elementwise).
 */
export function definedDerivative<S>(host: DerivativeHost<S>, def: Define, args: readonly Val<S>[], order: number): Val<S> {
  const params = def.params ?? [];
  const name = printName(def.target);
  if (params.length !== 1) throw new Unsupported(`${name}' of a function of several arguments: write ∂/∂x ${name}(…)`);
  const param = params[0]!;
  if (param.shape?.kind === 'matrix') throw new Unsupported(`${name}' of a function of a vector: write ∇_x ${name}(x)`);
  const a = args[0]!;
  const at = (v: S): S => {
    const r = derivativeOfBody(host, def.value, varKey(param), v, order);
    if (isMat(r)) throw new Unsupported(`${name}' of a function whose value is not a scalar`);
    return r;
  };
  return isMat(a) ? a.map(at) : at(a);
}

function derivativeOfBody<S>(host: DerivativeHost<S>, body: Expr, param: string, a: S, order: number): Val<S> {
  if (order === 0) return evaluate(body, host, { values: new Map([[param, a]]), integers: new Map() });
  const F = host.field;
  const along = (directional: boolean, unit: S): Val<S> => {
    const dhost = host.extend(dualOf(F, directional), (x: S) => new Dual(x, F.zero), new Map());
    const r = derivativeOfBody(dhost, body, param, new Dual(a, unit), order - 1);
    return isMat(r) ? r.map((d) => d.d) : r.d;
  };
  try {
    return along(false, F.one);
  } catch (err) {
    // One-sided derivatives only for the first derivative: a kink inside a higher one stays undefined.
    if (!(err instanceof Kink) || order !== 1) throw err;
    return throughKink(F, err, (direction) => [along(true, direction > 0 ? F.one : F.neg(F.one))])[0]!;
  }
}
