import type { Expr, Formula, RelOp, Var } from '../../ast.js';
import { printName } from '../../print.js';
import { Rational } from '../evaluator/rational.js';
import type { Prepared } from '../sampling/point.js';

/**
 * What a rule may take as known about the names of a step: bounds on integer names (from
 * the assumptions, a show's `for all t ≥ k`, an induction step's `t ≥ k + 1`; an `integer`
 * name is an index, ≥ 0 unless an assumption bounds it below; a dimension is ≥ 1) and
 * which scalars are certainly nonzero or ≠ 1 (from the assumptions' bounds and `≠`). A
 * rule proof stands on these only: what cannot be established here, the rule does not
 * assume.
 */

/** An integer-affine expression: constant + Σ coefficient·symbol (symbols by printed key). */
export interface Affine {
  readonly constant: number;
  readonly terms: ReadonlyMap<string, number>;
}

/** The constant form c. */
export const affineConst = (c: number): Affine => ({ constant: c, terms: new Map() });

/** a + k·b. */
export function affineAdd(a: Affine, b: Affine, k = 1): Affine {
  const terms = new Map(a.terms);
  for (const [s, c] of b.terms) {
    const v = (terms.get(s) ?? 0) + k * c;
    if (v === 0) terms.delete(s);
    else terms.set(s, v);
  }
  return { constant: a.constant + k * b.constant, terms };
}

/** k·a. */
export function affineScale(a: Affine, k: number): Affine {
  if (k === 0) return affineConst(0);
  return { constant: a.constant * k, terms: new Map([...a.terms].map(([s, c]) => [s, c * k])) };
}

/** The symbolic part only (constant 0), as a stable key. */
export function affineKey(a: Affine): string {
  return [...a.terms].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([s, c]) => `${c}·${s}`).join('+');
}

/** Whether a form has no symbols. */
export function affineIsConst(a: Affine): boolean {
  return a.terms.size === 0;
}

/**
 * An expression as an integer-affine form over the names `isIndex` accepts (integer names,
 * dimensions, bound indices), or null: `t - 1 - i` → t − i − 1.
 */
export function affineOf(e: Expr, isIndex: (key: string) => boolean, vars?: Map<string, Var>): Affine | null {
  switch (e.kind) {
    case 'Num': return /^\d+$/.test(e.value) && e.value.length < 10 ? affineConst(Number(e.value)) : null;
    case 'Var': {
      if (e.name.index) return null;
      const k = printName(e.name);
      if (!isIndex(k)) return null;
      vars?.set(k, e);
      return { constant: 0, terms: new Map([[k, 1]]) };
    }
    case 'Neg': {
      const a = affineOf(e.arg, isIndex, vars);
      return a && affineScale(a, -1);
    }
    case 'Binary': {
      const a = affineOf(e.left, isIndex, vars);
      if (!a) return null;
      const b = affineOf(e.right, isIndex, vars);
      if (!b) return null;
      if (e.op === '+') return small(affineAdd(a, b));
      if (e.op === '-') return small(affineAdd(a, b, -1));
      if (e.op === '*') {
        if (affineIsConst(a)) return small(affineScale(b, a.constant));
        if (affineIsConst(b)) return small(affineScale(a, b.constant));
      }
      return null;
    }
    default: return null;
  }
}

/**
 * The form where its numbers stay below 2⁴⁰, else null: the rules count, peel and step
 * through its constants in doubles, and past 2⁵³ a step of 1 leaves a double as it is (a loop
 * `j++` from 10²⁰ never ends).
 */
function small(a: Affine): Affine | null {
  const ok = (x: number) => Number.isSafeInteger(x) && Math.abs(x) < 2 ** 40;
  return ok(a.constant) && [...a.terms.values()].every(ok) ? a : null;
}

/** Bounds known for one symbol (null: none). */
interface Bounds { lo: number | null; hi: number | null }

/** Facts a rule may stand on, for one step's context. */
export class Facts {
  private readonly bounds = new Map<string, Bounds>();
  /** Affine forms known to be ≥ 0 (each a fact with two or more symbols). */
  private readonly relations: Affine[] = [];
  private readonly nonzero = new Set<string>();
  private readonly notOneSet = new Set<string>();
  /** Affine forms known to be ≠ 0 (`assume i ≠ j`). */
  private readonly unequal: Affine[] = [];

  constructor(private readonly prep: Prepared) {
    for (const c of prep.ctx.assumptions) {
      if (c.forAll.length > 0) continue;
      this.readFormula(c.formula);
    }
  }

  private copy(): Facts {
    const f = new Facts(this.prep);
    f.relations.length = 0;
    f.relations.push(...this.relations);
    f.bounds.clear();
    for (const [k, b] of this.bounds) f.bounds.set(k, { ...b });
    for (const k of this.nonzero) f.nonzero.add(k);
    for (const k of this.notOneSet) f.notOneSet.add(k);
    for (const l of this.locals) f.locals.add(l);
    f.unequal.length = 0;
    f.unequal.push(...this.unequal);
    return f;
  }

  /** The same facts with a bound index's range added (`L ≤ i ≤ U` inside a sum). */
  within(index: string, lower: Affine, upper: Affine): Facts {
    const f = this.copy();
    f.locals.add(index);
    const i: Affine = { constant: 0, terms: new Map([[index, 1]]) };
    f.addRelation(affineAdd(i, lower, -1));
    f.addRelation(affineAdd(upper, i, -1));
    return f;
  }

  /** The same facts with `a ≥ 0` added (one case of a case split). */
  assuming(a: Affine): Facts {
    const f = this.copy();
    f.addRelation(a);
    return f;
  }

  /** The least value the facts give a symbol (its own bound, 0 for an integer index, 1 for a dimension), or null. */
  lowerBound(s: string): number | null {
    return this.lower(s);
  }

  /** Bound indices (of enclosing sums) in scope. */
  readonly locals = new Set<string>();

  private readFormula(f: Formula): void {
    if (f.kind !== 'Compare') return;
    for (let i = 0; i < f.ops.length; i++) this.readRelation(f.operands[i]!, f.ops[i]!, f.operands[i + 1]!);
  }

  private readRelation(a: Expr, op: RelOp, b: Expr): void {
    const ia = affineOf(a, (k) => this.isIndex(k));
    const ib = affineOf(b, (k) => this.isIndex(k));
    if (ia && ib) {
      // b − a ≥ 0 (or ≥ 1 for a strict inequality between integers).
      const diff = op === '≤' || op === '<' ? affineAdd(ib, ia, -1) : op === '≥' || op === '>' ? affineAdd(ia, ib, -1) : null;
      if (op === '=') {
        this.addRelation(affineAdd(ib, ia, -1));
        this.addRelation(affineAdd(ia, ib, -1));
      }
      if (diff) this.addRelation(op === '<' || op === '>' ? affineAdd(diff, affineConst(-1)) : diff);
    }
    if (op === '≠' && ia && ib) this.unequal.push(affineAdd(ia, ib, -1));
    if (op === '≠') {
      const lit = literalOf(b) ?? literalOf(a);
      const other = literalOf(b) !== null ? a : b;
      if (lit === 0) this.nonzero.add(keyOf(other));
      if (lit === 1) this.notOneSet.add(keyOf(other));
    }
  }

  private addRelation(r: Affine): void {
    if (r.terms.size === 1) {
      const [[s, c]] = [...r.terms];
      // c·s + k ≥ 0: s ≥ −k/c (c > 0) or s ≤ k/|c| (c < 0).
      const b = this.bounds.get(s!) ?? { lo: null, hi: null };
      if (c! > 0) {
        const lo = Math.ceil(-r.constant / c!);
        b.lo = b.lo === null ? lo : Math.max(b.lo, lo);
      } else {
        const hi = Math.floor(r.constant / -c!);
        b.hi = b.hi === null ? hi : Math.min(b.hi, hi);
      }
      this.bounds.set(s!, b);
    } else if (r.terms.size > 1) {
      this.relations.push(r);
    }
  }

  /** Whether a printed name is an integer index here: an integer name, a dimension, or a bound index. */
  isIndex(key: string): boolean {
    // `§1`, `§2`: the fresh indices the sum rules give the sums they take apart.
    if (this.locals.has(key) || key.startsWith('§')) return true;
    if (this.prep.dimensions.has(key)) return true;
    const info = this.prep.ctx.scope.get(key);
    return info?.kind === 'integer' && !info.family;
  }

  /** Known lower bound of a symbol: its own facts, else 0 for an integer index, 1 for a dimension. */
  private lower(s: string): number | null {
    const b = this.bounds.get(s);
    if (b?.lo !== null && b?.lo !== undefined) return b.lo;
    if (this.locals.has(s)) return null;
    if (this.prep.dimensions.has(s)) return 1;
    // An `integer` name is an index: 0, 1, 2, … unless an assumption bounds it below.
    if (this.prep.ctx.scope.get(s)?.kind === 'integer') {
      // …unless the assumptions put it below 0 (`assume k ≤ -1`).
      const hi = this.upper(s);
      return hi !== null && hi < 0 ? null : 0;
    }
    return null;
  }

  private upper(s: string): number | null {
    return this.bounds.get(s)?.hi ?? null;
  }

  /** The least value an affine form certainly has from per-symbol bounds (null: unbounded). */
  private least(a: Affine): number | null {
    let v = a.constant;
    for (const [s, c] of a.terms) {
      const b = c > 0 ? this.lower(s) : this.upper(s);
      if (b === null) return null;
      v += c * b;
    }
    return v;
  }

  /** Whether `a ≥ 0` follows from the facts. */
  nonNegative(a: Affine): boolean {
    const direct = this.least(a);
    if (direct !== null && direct >= 0) return true;
    // One relation between symbols (i ≤ t), taken once or twice, then the bounds.
    for (const r of this.relations) {
      for (const k of [1, 2]) {
        const rest = this.least(affineAdd(a, r, -k));
        if (rest !== null && rest >= 0) return true;
      }
    }
    return false;
  }

  /** What a name refers to in this context. */
  lookup(v: Var): ReturnType<Prepared['lookup']> {
    return this.prep.lookup(v);
  }

  /** Whether two subscripts certainly differ: by a nonzero constant, by an order the facts give, or by an assumed `≠`. */
  distinct(a: Expr | null, b: Expr | null): boolean {
    if (a === null || b === null) return false;
    const x = affineOf(a, (k) => this.isIndex(k));
    const y = affineOf(b, (k) => this.isIndex(k));
    if (!x || !y) return false;
    const d = affineAdd(x, y, -1);
    if (d.terms.size === 0) return d.constant !== 0;
    if (this.nonNegative(affineAdd(d, affineConst(-1))) || this.nonNegative(affineAdd(affineScale(d, -1), affineConst(-1)))) return true;
    const key = affineKey(d);
    return this.unequal.some((u) => (affineKey(u) === key && u.constant === d.constant)
      || (affineKey(affineScale(u, -1)) === key && -u.constant === d.constant));
  }

  /** Whether a subscript is affine in `index` with a nonzero coefficient (distinct indices, distinct members). */
  movesWith(sub: Expr, index: string): boolean {
    const a = affineOf(sub, (k) => k === index || this.isIndex(k));
    return a !== null && (a.terms.get(index) ?? 0) !== 0;
  }

  /** Whether a scalar is certainly nonzero (a number, or a name the assumptions keep off 0; products and quotients of such). */
  nonZero(e: Expr): boolean {
    const lit = literalOf(e);
    if (lit !== null) return lit !== 0;
    if (e.kind === 'Neg') return this.nonZero(e.arg);
    if (e.kind === 'Binary' && (e.op === '*' || e.op === '/')) return this.nonZero(e.left) && this.nonZero(e.right);
    if (e.kind === 'Binary' && e.op === '^') return this.nonZero(e.left);
    if (e.kind === 'Binary' && e.op === '-' && literalOf(e.left) === 1) return this.notOne(e.right);
    if (e.kind === 'Binary' && e.op === '-' && literalOf(e.right) === 1) return this.notOne(e.left);
    if (!isPlainName(e)) return false;
    const key = printName(e.name);
    if (this.nonzero.has(key)) return true;
    const iv = this.prep.intervals.get(key);
    if (!iv) return this.prep.dimensions.has(key);
    return (iv.lo !== null && (iv.lo.sign() > 0 || (iv.lo.isZero() && !iv.loClosed))) || (iv.hi !== null && (iv.hi.sign() < 0 || (iv.hi.isZero() && !iv.hiClosed)));
  }

  /** Whether a scalar is certainly ≠ 1. */
  notOne(e: Expr): boolean {
    const lit = literalOf(e);
    if (lit !== null) return lit !== 1;
    if (!isPlainName(e)) return false;
    const key = printName(e.name);
    if (this.notOneSet.has(key)) return true;
    const iv = this.prep.intervals.get(key);
    if (!iv) return false;
    const one = Rational.ONE;
    return (iv.hi !== null && (iv.hi.cmp(one) < 0 || (iv.hi.cmp(one) === 0 && !iv.hiClosed))) || (iv.lo !== null && (iv.lo.cmp(one) > 0 || (iv.lo.cmp(one) === 0 && !iv.loClosed)));
  }

  /** Whether a scalar is certainly ≠ −1. */
  notMinusOne(e: Expr): boolean {
    const lit = literalOf(e);
    if (lit !== null) return lit !== -1;
    if (!isPlainName(e)) return false;
    const iv = this.prep.intervals.get(printName(e.name));
    if (!iv) return false;
    const m = Rational.of(-1);
    return (iv.lo !== null && (iv.lo.cmp(m) > 0 || (iv.lo.cmp(m) === 0 && !iv.loClosed))) || (iv.hi !== null && (iv.hi.cmp(m) < 0 || (iv.hi.cmp(m) === 0 && !iv.hiClosed)));
  }
}

/**
 * A name whose assumptions are about it alone: no subscript, or a number as its subscript
 * (`β_2`, `β₁`: Adam's β's; their geometric sums needed β_2 ≠ 1, "which the assumptions do not
 * say", under `assume 0 < β_2 < 1`, red team rt130). A member at a symbolic index (`g_t`) may
 * be another member under a sum that binds its index.
 */
function isPlainName(e: Expr): e is Var {
  return e.kind === 'Var' && (e.name.index === null || e.name.index.kind === 'Num');
}

/** A number literal's value (small decimals only), or null. */
export function literalOf(e: Expr): number | null {
  if (e.kind === 'Num' && /^\d+(\.\d+)?$/.test(e.value)) return Number(e.value);
  if (e.kind === 'Neg') {
    const a = literalOf(e.arg);
    return a === null ? null : -a;
  }
  return null;
}

function keyOf(e: Expr): string {
  return e.kind === 'Var' ? printName(e.name) : '';
}
