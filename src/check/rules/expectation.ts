import { covPair, type Expect, type Expr } from '../../ast.js';
import { printName } from '../../print.js';
import { visit } from '../rewrite.js';
import type { SymbolInfo } from '../../types/scope.js';
import { Inexact, Mat, Skip, Undecided, Unsupported, isMat, type Field, type Val } from '../evaluator/field.js';
import type { Env } from '../evaluator/interpret.js';
import * as L from '../evaluator/linalg.js';
import { Poly, PolyField } from '../evaluator/polynomial.js';
import { exactField } from '../evaluator/rational.js';
import type { Evaluation, Point } from '../sampling/point.js';
import { pairKey, type Moment, type RandomModel, type RandomSpec } from './moments.js';

/**
 * E[·], Var[·] and Cov[·] at a sampled point, exactly (LANGUAGE.md §5.4): the argument is
 * evaluated with every component of every random name an atom of a polynomial (the
 * deterministic names keep the point's values), and the expectation of each monomial is
 * the product, over the independent random variables in it, of their declared moments.
 * Polynomials up to degree 4 in the random names; a moment that is not declared makes the
 * step unknown, naming it. The declared moments must be those of some distribution at
 * the point (a covariance positive semidefinite, E[g²] ≥ E[g]², …): a point where they
 * are not is skipped, since a true statement may fail there.
 */

/** Polynomials of higher degree in the random names are not evaluated. */
export const MAX_MOMENT_DEGREE = 4;

/** One random variable at a point: a name, or one member of a family (`g@3`). */
interface Instance {
  readonly key: string;
  readonly spec: RandomSpec;
  readonly member: number | null;
  readonly rows: number;
  readonly cols: number;
  /** The atom id of component 0; components are consecutive, row-major. */
  readonly first: number;
}

/** The moments of one instance, evaluated at the point in one backend (filled as needed). */
interface Values<S> {
  mean?: S[];
  second?: S[][];
  third?: S;
  fourth?: S;
}

/** Instances whose declared moments were found consistent at a point (checked once per point). */
const consistent = new WeakMap<Point, Set<string>>();

/**
 * How many expectations are being evaluated, one inside another: each opens a fresh
 * evaluation, so a definition that reaches itself through E[…] (`define w = Var[wᵀq] u`) is
 * caught here rather than by the evaluation's own depth count.
 */
let nesting = 0;
const MAX_NESTING = 12;

/** `E[e]`, `Var[e]` or `Cov[…]` at the point `ev` evaluates at. Throws Unsupported past MAX_NESTING nested expectations. */
export function expectationAt<S>(ev: Evaluation<S>, e: Expect, env: Env<S>): Val<S> {
  if (nesting >= MAX_NESTING) throw new Unsupported('a definition refers to itself through E[…] too deeply to evaluate');
  nesting++;
  try {
    return expectationAtPoint(ev, e, env);
  } finally {
    nesting--;
  }
}

function expectationAtPoint<S>(ev: Evaluation<S>, e: Expect, env: Env<S>): Val<S> {
  const point = ev.point;
  // Inside another expectation, E[…] is a number: it is computed at the outer point.
  if (point.parent !== null) {
    if (!(ev.field instanceof PolyField)) throw new Unsupported('an expectation inside an expectation is not evaluated here');
    const base = (ev.field as PolyField<unknown>).base;
    const outer = point.parent.in(base);
    const values = new Map<string, Val<unknown>>();
    for (const [k, v] of env.values) values.set(k, constantOf(ev.field as PolyField<unknown>, v as Val<Poly<unknown>>));
    const inner = expectationAt(outer, e, { values, integers: env.integers });
    const P = ev.field as PolyField<unknown>;
    return (isMat(inner) ? inner.map((x) => P.constant(x)) : P.constant(inner)) as Val<S>;
  }
  const table = new MomentTable(ev, point.ctx.random);
  const pair = covPair(e);
  const parts = pair ?? [e.arg];
  const polys = parts.map((x) => table.polynomial(x, env));
  const P = table.P;
  const F = ev.field;
  const expect = (v: Val<Poly<S>>): Val<S> => (isMat(v) ? L.scalarOf(v.map((p) => table.expect(p))) : table.expect(v));
  if (e.op === 'E') return expect(polys[0]!);
  // Var[X] = E[X²] − E[X]²; Cov[X, Y] = E[X Yᵀ] − E[X] E[Y]ᵀ (Cov[X] = Cov[X, X]).
  const x = polys[0]!;
  const y = polys[polys.length - 1]!;
  const second = expect(L.mul(P, x, L.transpose(y)));
  const product = L.mul(F, expect(x), L.transpose(expect(y)));
  return L.sub(F, second, product);
}

function constantOf<T>(P: PolyField<T>, v: Val<Poly<T>>): Val<T> {
  const one = (p: Poly<T>): T => {
    const c = p.constantValue(P.base.zero);
    if (c === null) throw new Unsupported('an expectation of a random quantity inside E[…] is not evaluated');
    return c;
  };
  return isMat(v) ? v.map(one) : one(v);
}

/** The random variables of one expectation at one point: their atoms and declared moments. */
class MomentTable<S> {
  readonly P: PolyField<S>;
  private readonly instances = new Map<string, Instance>();
  private readonly byAtom: { instance: Instance; component: number }[] = [];
  private readonly values = new Map<string, Values<S>>();

  constructor(private readonly ev: Evaluation<S>, private readonly model: RandomModel) {
    this.P = new PolyField(ev.field, MAX_MOMENT_DEGREE, ev.point.deadline);
  }

  /** The argument as a polynomial in the random atoms, at a copy of the point. */
  polynomial(arg: Expr, env: Env<S>): Val<Poly<S>> {
    const point = this.ev.point;
    const child = point.derive(point.rng, (key, value) => (point.ctx.scope.get(key.split('@')[0]!)?.random ? undefined : value));
    child.parent = point;
    child.randomValue = <T>(_ev: Evaluation<T>, info: SymbolInfo, key: string): Val<T> => this.atoms(info, key) as unknown as Val<T>;
    const values = new Map<string, Val<Poly<S>>>();
    for (const [k, v] of env.values) values.set(k, isMat(v) ? v.map((x) => this.P.constant(x)) : this.P.constant(v));
    return child.in(this.P).evaluate(arg, { values, integers: env.integers });
  }

  /** The atoms standing for one random variable (a name, or a family member `g@3`). */
  private atoms(info: SymbolInfo, key: string): Val<Poly<S>> {
    let inst = this.instances.get(key);
    if (!inst) {
      const spec = this.model.specs.get(info.key);
      if (!spec) throw new Unsupported(`'${info.key}' is random, but its declaration is not in scope here`);
      const at = key.indexOf('@');
      const member = at >= 0 ? Number(key.slice(at + 1)) : null;
      const shape = info.shape;
      const rows = shape.kind === 'matrix' ? this.ev.point.dim(shape.rows) : 1;
      const cols = shape.kind === 'matrix' ? this.ev.point.dim(shape.cols) : 1;
      inst = { key, spec, member, rows, cols, first: this.byAtom.length };
      for (let c = 0; c < rows * cols; c++) this.byAtom.push({ instance: inst, component: c });
      this.instances.set(key, inst);
    }
    const i = inst;
    if (i.rows === 1 && i.cols === 1) return this.P.atom(i.first);
    return new Mat(i.rows, i.cols, Array.from({ length: i.rows * i.cols }, (_, c) => this.P.atom(i.first + c)));
  }

  /** E of a polynomial: each monomial's coefficient times the moments of its independent parts. */
  expect(p: Poly<S>): S {
    const F = this.ev.field;
    let total = F.zero;
    for (const term of p.terms.values()) {
      let value = term.coeff;
      // Group the atoms by random variable; distinct ones must be independent.
      const groups = new Map<Instance, number[]>();
      for (const id of term.atoms) {
        const { instance, component } = this.byAtom[id]!;
        const g = groups.get(instance) ?? [];
        g.push(component);
        groups.set(instance, g);
      }
      const insts = [...groups.keys()];
      for (let a = 0; a < insts.length; a++) for (let b = a + 1; b < insts.length; b++) this.independent(insts[a]!, insts[b]!);
      for (const [inst, comps] of groups) value = F.mul(value, this.moment(inst, comps));
      total = F.add(total, value);
    }
    return total;
  }

  private independent(a: Instance, b: Instance): void {
    if (a.spec.key !== b.spec.key) {
      if (this.model.dependent.has(pairKey(a.spec.key, b.spec.key))) {
        throw new Unsupported(`'${a.spec.label}' and '${b.spec.label}' are related by an assumption or by a declared fact that is not used, so their joint moments are not known`);
      }
      return;
    }
    if (!a.spec.iid) {
      throw new Unsupported(`${memberText(a)} and ${memberText(b)} are members of a family not declared iid, so their joint moments are not known (declare 'random ${a.spec.label} … iid')`);
    }
  }

  /** E of a product of components of one random variable. */
  private moment(inst: Instance, comps: readonly number[]): S {
    const spec = inst.spec;
    const label = spec.label;
    const scalar = inst.rows === 1 && inst.cols === 1 && spec.shape.kind === 'scalar';
    const d = comps.length;
    if (d >= 3 && !scalar) {
      throw new Unsupported(`moments of order ${d} of the random ${spec.shape.kind === 'matrix' && inst.cols > 1 ? 'matrix' : 'vector'} '${label}' are not used (only E[${label}] and E[${label} ${label}ᵀ] can be declared)`);
    }
    if (d === 2 && inst.cols > 1) {
      throw new Unsupported(`second moments of the random matrix '${label}' are not used (only its mean can be declared)`);
    }
    const v = this.momentValues(inst);
    if (d === 1) {
      if (!v.mean) throw new Unsupported(`E[${label}] is not declared (write 'random ${label} … with E[${label}] = …')`);
      return v.mean[comps[0]!]!;
    }
    if (d === 2) {
      if (!v.second) {
        throw new Unsupported(scalar
          ? `E[${label}²] is not declared (write 'random ${label} … with E[${label}²] = …' or Var[${label}] = …)`
          : `E[${label} ${label}ᵀ] is not declared (write 'random ${label} … with E[${label} ${label}ᵀ] = …' or Cov[${label}] = …)`);
      }
      return v.second[comps[0]!]![comps[1]!]!;
    }
    if (d === 3) {
      if (v.third === undefined) throw new Unsupported(`E[${label}³] is not declared (write 'random ${label} … with E[${label}³] = …')`);
      return v.third;
    }
    if (v.fourth === undefined) throw new Unsupported(`E[${label}⁴] is not declared (write 'random ${label} … with E[${label}⁴] = …')`);
    return v.fourth;
  }

  /** The declared moments of an instance in this backend, checked to be those of a distribution. */
  private momentValues(inst: Instance): Values<S> {
    let v = this.values.get(inst.key);
    if (v) return v;
    v = evaluateMoments(this.ev, inst);
    this.values.set(inst.key, v);
    const seen = consistent.get(this.ev.point) ?? new Set<string>();
    if (!seen.has(inst.key)) {
      checkMoments(this.ev, inst);
      seen.add(inst.key);
      consistent.set(this.ev.point, seen);
    }
    return v;
  }
}

function memberText(inst: Instance): string {
  const base = inst.spec.label.replace(/_.*$/, '');
  return inst.member === null ? `'${inst.spec.label}'` : `'${base}_${inst.member < 0 || inst.member > 9 ? `{${inst.member}}` : inst.member}'`;
}

/** A declared moment's value for one instance (a family's is taken at the member's index). */
function momentValue<S>(ev: Evaluation<S>, m: Moment, inst: Instance): Val<S> {
  const integers = new Map<string, bigint>();
  if (m.indexVar !== null && inst.member !== null) integers.set(m.indexVar, BigInt(inst.member));
  return ev.evaluate(m.value, { values: new Map(), integers });
}

/** The moments of an instance as plain arrays: mean (n entries), second moment (n×n), third, fourth. */
function evaluateMoments<S>(ev: Evaluation<S>, inst: Instance): Values<S> {
  const F = ev.field;
  const spec = inst.spec;
  const n = inst.rows * inst.cols;
  const label = spec.label;
  const vector = (val: Val<S>, what: string): S[] => {
    const xs = L.entries(val);
    if (xs.length !== n && !(xs.length === 1 && F.sign(xs[0]!) === 0)) throw new Unsupported(`${what} of '${label}' does not have its shape`);
    return xs.length === n ? [...xs] : new Array<S>(n).fill(F.zero);
  };
  const matrix = (val: Val<S>, what: string): S[][] => {
    if (!isMat(val)) {
      if (n === 1) return [[val]];
      if (F.sign(val) === 0) return Array.from({ length: n }, () => new Array<S>(n).fill(F.zero));
      throw new Unsupported(`${what} of '${label}' is a scalar, but '${label}' is a vector`);
    }
    if (val.rows !== n || val.cols !== n) throw new Unsupported(`${what} of '${label}' is not an ${n}×${n} matrix`);
    return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => val.at(i, j)));
  };
  const out: Values<S> = {};
  if (spec.mean) out.mean = vector(momentValue(ev, spec.mean, inst), 'the declared mean');
  if (spec.second) {
    out.second = matrix(momentValue(ev, spec.second, inst), 'the declared second moment');
  } else if (spec.covariance && out.mean) {
    const c = matrix(momentValue(ev, spec.covariance, inst), 'the declared covariance');
    const m = out.mean;
    out.second = c.map((row, i) => row.map((x, j) => F.add(x, F.mul(m[i]!, m[j]!))));
  }
  if (spec.third) out.third = L.entries(momentValue(ev, spec.third, inst))[0];
  if (spec.fourth) out.fourth = L.entries(momentValue(ev, spec.fourth, inst))[0];
  return out;
}

/**
 * Throws Skip when the declared moments of an instance are not those of any distribution at
 * this point (decided exactly where the moments are rational, else by enclosures: Undecided
 * when they cannot tell).
 */
function checkMoments<S>(ev: Evaluation<S>, inst: Instance): void {
  let problem: string | null;
  try {
    problem = inconsistency(ev.point.in(exactField), inst);
  } catch (err) {
    if (!(err instanceof Inexact)) throw err;
    problem = inconsistency(ev, inst);
  }
  if (problem !== null) throw new Skip(`the declared moments of '${inst.spec.label}' are not those of any distribution here (${problem})`);
}

/** Why the declared moments cannot all hold at once, or null. Undecided when enclosures cannot tell. */
function inconsistency<S>(ev: Evaluation<S>, inst: Instance): string | null {
  const F = ev.field;
  const spec = inst.spec;
  const v = evaluateMoments(ev, inst);
  const m = v.mean;
  const label = spec.label;
  if (spec.second && spec.covariance && m) {
    // Both declared: E[x xᵀ] = Cov[x] + E[x] E[x]ᵀ.
    const c = evaluateMoments(ev, { ...inst, spec: { ...spec, second: null } }).second!;
    for (let i = 0; i < c.length; i++) {
      for (let j = 0; j < c.length; j++) {
        const same = equal(F, c[i]![j]!, v.second![i]![j]!);
        if (same === false) return `the declared second moment is not the covariance plus the mean's square`;
        if (same === null) throw new Undecided('cannot tell whether the declared moments agree');
      }
    }
  }
  const second = v.second;
  if (!second) {
    if (spec.covariance) {
      // A covariance without a mean: it must still be positive semidefinite.
      const c = evaluateMoments(ev, { ...inst, spec: { ...spec, mean: null, second: spec.covariance } }).second!;
      return psdProblem(F, c, 'the covariance');
    }
    return null;
  }
  const central = m ? second.map((row, i) => row.map((x, j) => F.sub(x, F.mul(m[i]!, m[j]!)))) : second;
  const p = psdProblem(F, central, m ? 'the covariance' : 'the second moment');
  if (p) return p;
  if (v.third === undefined || !m) return null;
  // A scalar with declared third (and fourth) moments: the Hankel matrix of 1, m, E[g²], E[g³],
  // E[g⁴] must be positive semidefinite, and where Var = 0 the distribution is a point mass
  // (Curto & Fialkow 1991: a flat positive extension has a representing measure).
  const mean = m[0]!;
  const varSign = F.sign(central[0]![0]!);
  if (varSign === null) throw new Undecided('cannot tell whether the declared variance is 0');
  const m2 = second[0]![0]!;
  if (varSign === 0) {
    const m3ok = equal(F, v.third, F.powInt(mean, 3n));
    const m4ok = v.fourth === undefined ? true : equal(F, v.fourth, F.powInt(mean, 4n));
    if (m3ok === null || m4ok === null) throw new Undecided('cannot tell whether the declared moments agree');
    return m3ok && m4ok ? null : `Var[${label}] = 0, so ${label} is constant and its higher moments are powers of its mean`;
  }
  if (v.fourth === undefined) return null;
  const hankel = [[F.one, mean, m2], [mean, m2, v.third], [m2, v.third, v.fourth]];
  return psdProblem(F, hankel, 'the moment matrix [1, E[g], E[g²]; E[g], E[g²], E[g³]; E[g²], E[g³], E[g⁴]]');
}

/** Points already told whether their declared moments are consistent. */
const pointConsistency = new WeakMap<Point, boolean>();

/**
 * Whether the declared second-order (and higher) moments, those not written per family
 * member, are those of some distribution at this point — a condition of the point, like an
 * assumption (sampling rejects a point where they are not). Decided exactly; moments that
 * are not rational here are left to the check made when an expectation needs them.
 */
export function momentsConsistent(point: Point): boolean {
  // (No random names: nothing to hold, and no cache entry for every point drawn.)
  if (point.ctx.random.specs.size === 0) return true;
  const known = pointConsistency.get(point);
  if (known !== undefined) return known;
  let ok = true;
  for (const spec of point.ctx.random.specs.values()) {
    const moments = [spec.mean, spec.second, spec.covariance, spec.third, spec.fourth].filter((m) => m !== null);
    if (!spec.second && !spec.covariance) continue;
    // A family's moments written for its index but not depending on it (E[g_t] = μ) hold for every member.
    if (moments.some((m) => m!.indexVar !== null && mentionsName(m!.value, m!.indexVar))) continue;
    const shape = spec.shape;
    const rows = shape.kind === 'matrix' ? point.dim(shape.rows) : 1;
    const cols = shape.kind === 'matrix' ? point.dim(shape.cols) : 1;
    try {
      if (inconsistency(point.in(exactField), { key: spec.key, spec, member: null, rows, cols, first: 0 }) !== null) ok = false;
    } catch (err) {
      if (err instanceof Skip || err instanceof Undecided) ok = false;
      else if (!(err instanceof Inexact || err instanceof Unsupported)) throw err;
    }
    if (!ok) break;
  }
  pointConsistency.set(point, ok);
  return ok;
}

function mentionsName(e: Expr, key: string): boolean {
  let hit = false;
  visit(e, (x) => {
    if (x.kind === 'Var' && printName(x.name) === key) hit = true;
  });
  return hit;
}

/** Equal (true), different (false) or undecided (null), under the comparison policy's terms. */
function equal<S>(F: Field<S>, a: S, b: S): boolean | null {
  const order = F.order;
  if (!order) return null;
  const c = order.cmp(a, b);
  if (c === 0) return true;
  if (c !== null) return false;
  return order.closeness(a, b) === 'agree' ? true : null;
}

/** Why a matrix is not symmetric positive semidefinite, or null (Undecided when enclosures cannot tell). */
function psdProblem<S>(F: Field<S>, m: S[][], what: string): string | null {
  const n = m.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const same = equal(F, m[i]![j]!, m[j]![i]!);
      if (same === false) return `${what} is not symmetric`;
      if (same === null) throw new Undecided(`cannot tell whether ${what} is symmetric`);
    }
  }
  // (Diagonal, as I and σ²I are: positive semidefinite exactly when its diagonal is ≥ 0, seen
  // in n² signs rather than n³ eliminations; at n = 100 the elimination was most of a step.)
  let diagonal = true;
  for (let i = 0; i < n && diagonal; i++) for (let j = i + 1; j < n && diagonal; j++) if (F.sign(m[i]![j]!) !== 0) diagonal = false;
  if (diagonal) {
    for (let k = 0; k < n; k++) {
      const p = F.sign(m[k]![k]!);
      if (p === null) throw new Undecided(`cannot tell whether ${what} is positive semidefinite`);
      if (p < 0) return `${what} is not positive semidefinite`;
    }
    return null;
  }
  // Symmetric elimination: a negative pivot, or a zero pivot with a nonzero row, is not PSD.
  const a = m.map((row) => [...row]);
  for (let k = 0; k < n; k++) {
    const p = F.sign(a[k]![k]!);
    if (p === null) throw new Undecided(`cannot tell whether ${what} is positive semidefinite`);
    if (p < 0) return `${what} is not positive semidefinite`;
    if (p === 0) {
      for (let j = k + 1; j < n; j++) {
        const s = F.sign(a[k]![j]!);
        if (s === null) throw new Undecided(`cannot tell whether ${what} is positive semidefinite`);
        if (s !== 0) return `${what} is not positive semidefinite`;
      }
      continue;
    }
    for (let i = k + 1; i < n; i++) {
      const f = F.div(a[i]![k]!, a[k]![k]!);
      for (let j = k; j < n; j++) a[i]![j] = F.sub(a[i]![j]!, F.mul(f, a[k]![j]!));
    }
  }
  return null;
}

