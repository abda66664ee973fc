import type { Call, Compare, Condition, Define, Dim, Expr, Formula, MatrixTag, Name, Var } from '../../ast.js';
import { children, exprKey, formulaExprs, freeNames, hasEquation, mapChildren, visit } from '../../ast-walk.js';
import { printExpr, printName } from '../../print.js';
import { builtin } from '../../builtins.js';
import type { Scope, SymbolInfo } from '../../types/scope.js';
import { Inexact, Mat, Signal, Skip, Undecided, Undefined, Unsupported, isMat, type Field, type Val } from '../evaluator/field.js';
import { intervalField, type Interval as DoubleEnclosure } from '../evaluator/interval.js';
import { constantValue, evaluate, exactValue, groundHost, integerValue, type Env, type Host } from '../evaluator/interpret.js';
import { Rational, exactField } from '../evaluator/rational.js';
import { decimalField, type DecInterval } from '../evaluator/decimal.js';
import { definedDerivative, derivativeValue } from '../rules/derivative.js';
import { affineIn, canonicalIndex, conditionAllows, conditionTruth, indexPattern, unfoldingOf, type IndexConstraint, type Unfolding } from '../rewrite.js';
import { expectationAt, momentsConsistent } from '../rules/expectation.js';
import { momentNames, type RandomModel } from '../rules/moments.js';
import { Rng } from '../rng.js';
import { combine, decideRelation, hasTag, holdsByAgreement, type PointResult } from './compare.js';
import { withoutShared } from './at-point.js';
import { MAX_DIMENSION, MAX_DRAWN_DIMENSION, nameWalk, offsetInstance, randomFunction, randomInteger, randomMatrix, randomScalar, type FunctionInstance, type Interval } from './draw.js';
import { constantSign, exactConstants, zeroByExpansion } from './exact-constants.js';
import { identityTest } from '../engines/identity-test.js';
import { now } from '../../clock.js';

/** What a step may use: the names in scope, definitions, assumptions. */
export interface Context {
  readonly scope: Scope;
  /** Definitions in scope, file-level first, in file order (later ones win). */
  readonly defs: readonly Define[];
  readonly assumptions: readonly Condition[];
  /** Sampling range of integer names (`t` → [1, 6]); others get `defaultIndex`. */
  readonly indexRanges: ReadonlyMap<string, readonly [number, number]>;
  /** The largest value an integer name may take so that no falling subscript goes negative (`v_{5−t}`: t ≤ 5). */
  readonly indexCaps?: ReadonlyMap<string, number>;
  /** Subscripts of several integer names that must not go negative (`v_{t−s}`: t ≥ s). */
  readonly indexConstraints?: readonly IndexConstraint[];
  readonly defaultIndex: readonly [number, number];
  /** The random names in scope and their declared moments (`random g_t … with E[g_t] = μ`). */
  readonly random: RandomModel;
  /**
   * An induction's equation hypothesis (its claim at t − 1), kept out of `assumptions`: the
   * steps that cite it (`by IH`) add it, met by rejection only, never as a substitution
   * (the definitions contradict it wherever the claim is false).
   */
  readonly hypotheses?: ReadonlySet<Condition>;
}

/** An equality among the assumptions used as a substitution: `g_{t-1} = σ(h_{t-1})`. */
interface Rule { readonly lhs: Var; readonly rhs: Expr }

/**
 * Whether the definitions give a name's value: a plain name one defines (`define γ = α + β`),
 * or a family's member at a fixed index that a definition of the family covers there
 * (`define v_1 = …`, or `define v_t = … for t ≥ 1` at v_1), as unfolding (rewrite.ts) reads them.
 */
function definedByDefinitions(ctx: Context): (n: Name) => boolean {
  const unfoldings = ctx.defs.filter((d) => !d.params).map((d) => unfoldingOf(d, ctx.scope)).filter((u): u is Unfolding => u !== null);
  return (n) => {
    const found = ctx.scope.lookup(n);
    const key = found?.info.key ?? printName(n);
    const index = found?.index ?? null;
    if (index === null) return unfoldings.some((u) => u.key === key && u.indexVar === null && u.literal === null);
    const at = canonicalIndex(index);
    if (at.kind !== 'Num' || !/^-?\d+$/.test(at.value)) return false;
    const k = Number(at.value);
    return unfoldings.some((u) => u.key === key && (u.literal !== null
      ? exprKey(at) === u.literal
      : u.indexVar !== null && conditionAllows(u.def, { ...at, value: String(k - u.offset) })));
  };
}

/** Whether a formula reads a random name's value outside E[·], Var[·], Cov[·] (`0 ≤ X ≤ 1`, not `E[X] ≥ 0`). */
function readsRandomValue(f: Formula, scope: Scope): boolean {
  let found = false;
  const rec = (e: Expr): void => {
    if (found || e.kind === 'Expect') return;
    if (e.kind === 'Var' && scope.lookup(e.name)?.info.random) found = true;
    for (const c of children(e)) rec(c);
  };
  for (const e of formulaExprs(f)) rec(e);
  return found;
}

/** Whether `rhs` reads the name `lhs` itself, the same member of a family included (`A` in Aᵀ, `x_1` in 2 − x_1; not v_{t−1} for v_t). */
function readsItself(lhs: Var, rhs: Expr): boolean {
  const name = printName(lhs.name);
  let found = false;
  visit(rhs, (x) => { if (x.kind === 'Var' && printName(x.name) === name) found = true; });
  return found;
}

/**
 * An equation among the assumptions affine in a plain real scalar, `x + 2y = 1`, `x + y = π/2`,
 * as the substitution it gives for that scalar, y = (1 − x)/2: the term k·y (k a nonzero
 * rational; y alone, 2y, y·3, y/4, −y) appears once in the sums of its sides, and no other term
 * reads y (through definitions too). The one `rank` puts highest is taken. Sampled as a substitution, the searches move
 * along the equation's solutions (x y < 1/8 under x + 2y = 1 fails at x = 1/2 only, which moving x
 * alone, the equation broken, never reached). `usable(v)` says which names may be solved for.
 * Null where there is none.
 */
export function isolatedScalar(f: Formula, usable: (v: Var) => boolean, keyOf: (v: Var) => string,
  /**
   * How much to prefer solving for a scalar, highest first (one no other assumption bounds, then
   * the widest interval: under 2x + 3y = 1, 0 < y < 1, x, so that y is still drawn inside its
   * bounds); ties go to the last written.
   */
  rank: (v: Var) => number = () => 0,
  /** Whether a term reads the scalar, through definitions too (`define s = y²`: s reads y). */
  reads: (e: Expr, key: string) => boolean = (e, key) => { let hit = false; visit(e, (x) => { if (x.kind === 'Var' && keyOf(x) === key) hit = true; }); return hit; }): Rule | null {
  if (f.kind !== 'Compare' || f.ops.length !== 1 || f.ops[0] !== '=' || f.operands.length !== 2) return null;
  if (f.operands.some((e) => e.shape !== undefined && e.shape.kind !== 'scalar')) return null;
  /** The signed terms of a sum (+ − and negation), `other` where they come from the right side. */
  type Term = { sign: 1 | -1; t: Expr; right: boolean };
  const terms: Term[] = [];
  const walk = (e: Expr, sign: 1 | -1, right: boolean): void => {
    if (e.kind === 'Binary' && (e.op === '+' || e.op === '-')) {
      walk(e.left, sign, right);
      walk(e.right, e.op === '-' ? (-sign as 1 | -1) : sign, right);
    } else if (e.kind === 'Neg') walk(e.arg, -sign as 1 | -1, right);
    else terms.push({ sign, t: e, right });
  };
  walk(f.operands[0]!, 1, false);
  walk(f.operands[1]!, -1, true);
  /** The scalar and its rational coefficient where a term is k·y. */
  const linear = (t: Expr): { v: Var; k: Rational } | null => {
    if (t.kind === 'Var') return { v: t, k: Rational.ONE };
    if (t.kind !== 'Binary') return null;
    if (t.op === '*') {
      const [c, v] = t.left.kind === 'Var' ? [t.right, t.left] : [t.left, t.right];
      const k = constantValue(c);
      return v.kind === 'Var' && k !== null && !k.isZero() ? { v, k } : null;
    }
    if (t.op === '/' && t.left.kind === 'Var') {
      const k = constantValue(t.right);
      return k !== null && !k.isZero() ? { v: t.left, k: Rational.ONE.div(k) } : null;
    }
    return null;
  };
  const score = (j: number): number => { const l = linear(terms[j]!.t); return l === null ? -Infinity : rank(l.v); };
  const order = [...terms.keys()].reverse().sort((a, b) => score(b) - score(a));
  for (const i of order) {
    const lin = linear(terms[i]!.t);
    if (!lin || !usable(lin.v)) continue;
    const key = keyOf(lin.v);
    if (terms.some((o, j) => j !== i && reads(o.t, key))) continue;
    // y·(σk) = −Σ others: the others' signs flipped (those of the other side first, as written
    // there: x + 2y = 1 gives (1 − x)/2), divided by |σk|, negated where σk < 0.
    const coefficient = lin.k.mul(Rational.of(terms[i]!.sign));
    const flip = coefficient.sign() < 0 ? 1 : -1;
    const rest = terms.filter((_, j) => j !== i).map((o) => ({ sign: (o.sign * flip) as 1 | -1, t: o.t, right: o.right }));
    const side = terms[i]!.right;
    rest.sort((a, b) => Number(a.right === side) - Number(b.right === side));
    const range = f.range;
    const scalar = { kind: 'scalar' } as const;
    let num: Expr | null = null;
    for (const o of rest) {
      if (num === null) num = o.sign > 0 ? o.t : { kind: 'Neg', arg: o.t, range, shape: scalar };
      else num = { kind: 'Binary', op: o.sign > 0 ? '+' : '-', left: num, right: o.t, range, shape: scalar };
    }
    num ??= { kind: 'Num', value: '0', range, shape: scalar };
    const k = coefficient.sign() < 0 ? coefficient.neg() : coefficient;
    // (num/k as written: (1 − x)/2; 3·(…) for k = 1/3; (3/2)·(…) for 2/3.)
    const n = (v: bigint): Expr => ({ kind: 'Num', value: v.toString(), range, shape: scalar });
    const rhs: Expr = k.equals(Rational.ONE) ? num
      : k.d === 1n ? { kind: 'Binary', op: '/', left: num, right: n(k.n), range, shape: scalar }
        : { kind: 'Binary', op: '*', left: k.n === 1n ? n(k.d) : { kind: 'Binary', op: '/', left: n(k.d), right: n(k.n), range, shape: scalar }, right: num, range, shape: scalar };
    return { lhs: lin.v, rhs };
  }
  return null;
}

/**
 * The comparisons the domains of √ and log in e give the scalars they read, where the argument
 * is x, x ± c or c − x with c a constant and x a scalar `drawn` says is free: √(x − π) gives
 * x ≥ π, log(2 − x) gives 2 > x; with √'s end, which is attained (the root is 0 there), and
 * the scalar.
 */
export function domainComparisons(e: Expr, drawn: (e: Expr) => e is Var): { f: Compare | null; v: Var; end: Expr | null }[] {
  const out: { f: Compare | null; v: Var; end: Expr | null }[] = [];
  visit(e, (x) => {
    if (x.kind !== 'Call' || x.args.length !== 1 || x.fn.index || x.fn.primes > 0 || !['sqrt', 'log', 'ln'].includes(x.fn.base)) return;
    const op = x.fn.base === 'sqrt' ? '≥' : '>';
    const g = x.args[0]!;
    const constant = (u: Expr): boolean => freeNames(u).length === 0;
    const scalar = { kind: 'scalar' } as const;
    const zero: Expr = { kind: 'Num', value: '0', range: g.range, shape: scalar };
    let pair: [Expr, Expr, Var, Expr] | null = null;
    if (drawn(g)) pair = [g, zero, g, zero];
    else if (g.kind === 'Binary' && g.op === '-' && drawn(g.left) && constant(g.right)) pair = [g.left, g.right, g.left, g.right];
    else if (g.kind === 'Binary' && g.op === '-' && constant(g.left) && drawn(g.right)) pair = [g.left, g.right, g.right, g.left];
    else if (g.kind === 'Binary' && g.op === '+' && (drawn(g.left) || drawn(g.right))) {
      const [v, c] = drawn(g.left) ? [g.left as Var, g.right] : [g.right as Var, g.left];
      const minus: Expr = { kind: 'Neg', arg: c, range: g.range, shape: scalar };
      if (constant(c)) pair = [v, minus, v, minus];
    }
    // (And c − x², x² − c under √: the ends ±√c only, no interval: √(2 − x²) > 0 fails at ±√2.)
    const square = (u: Expr): u is Expr & { kind: 'Binary' } => u.kind === 'Binary' && u.op === '^' && drawn(u.left) && constantValue(u.right)?.equals(Rational.of(2)) === true;
    if (!pair && op === '≥' && g.kind === 'Binary' && g.op === '-' && ((constant(g.left) && square(g.right)) || (square(g.left) && constant(g.right)))) {
      const [c, sq] = constant(g.left) ? [g.left, g.right as Expr & { kind: 'Binary' }] : [g.right, g.left as Expr & { kind: 'Binary' }];
      if (constantSign(c) === 1) {
        const root: Expr = { kind: 'Call', fn: { base: 'sqrt', index: null, primes: 0, hat: false, range: g.range }, args: [c], range: g.range, shape: scalar };
        for (const end of [root, { kind: 'Neg', arg: root, range: g.range, shape: scalar } as Expr]) out.push({ f: null, v: sq.left as Var, end });
      }
      return;
    }
    if (!pair) return;
    out.push({ f: { kind: 'Compare', operands: [pair[0], pair[1]], ops: [op], range: g.range }, v: pair[2], end: op === '≥' ? pair[3] : null });
  });
  return out;
}

/** Facts about a context computed once and shared by all its points. */
export class Prepared {
  readonly rules: Rule[] = [];
  /** Conditions sampling must satisfy (rejection), excluding `for all` ones. */
  readonly checks: Condition[] = [];
  /** Conditions that could not be enforced (`for all z`): a counterexample is then only a suspicion. */
  readonly unenforced: Condition[] = [];
  /**
   * Conditions on a random name's value (`assume 0 ≤ X ≤ 1`): a point's draw of X meets them,
   * but its declared moments are drawn without them (E[X] = μ may be −1), so a step that
   * takes an expectation is not refuted on them (a counterexample is only a suspicion there).
   */
  readonly onRandom: Condition[] = [];
  /**
   * Conditions on a family's member at a free index (`assume ‖A_t‖ ≤ γ`), by the family's key,
   * with the indices they read: they speak of that member alone, and a step that reads
   * another (‖A_{t−1}‖ ≤ γ) is not refuted on them (most such assumptions mean every member).
   */
  readonly onMember = new Map<string, { readonly condition: Condition; readonly indices: Set<string> }[]>();
  /** Bounds `|σ^(k)(z)| ≤ c for all z` that each point's instance of σ is built to meet, by function key. */
  readonly functionBounds = new Map<string, FunctionBound[]>();
  readonly intervals = new Map<string, Interval>();
  /** Dimension symbols (`n` in R^n): a name spelled the same is that dimension (`tr(I_n) = n`). */
  readonly dimensions = new Set<string>();
  /** `assume m = n + 1` of a dimension: how its size is drawn from the others' (checked all the same). */
  readonly dimensionEquations = new Map<string, Expr>();
  private readonly lookups = new WeakMap<Var, ReturnType<Scope['lookup']> | null>();

  private plainDefinitions: Map<string, Expr | null> | null = null;

  /**
   * The body of the one definition of a plain name (`define c = π/4`: no parameters, no index,
   * no condition), by key; null where there is none or more than one.
   */
  plainDefinition(key: string): Expr | null {
    if (!this.plainDefinitions) {
      this.plainDefinitions = new Map();
      for (const d of this.ctx.defs) {
        const k = this.ctx.scope.lookup(d.target)?.info.key ?? printName(d.target);
        const plain = !d.params && !d.target.index && !d.condition;
        this.plainDefinitions.set(k, plain && !this.plainDefinitions.has(k) ? d.value : null);
      }
    }
    return this.plainDefinitions.get(key) ?? null;
  }

  private readonly simpleComparisons = new Map<Formula, SimpleComparison | null>();

  /**
   * A formula that compares drawn scalars and rational numbers only (`0 < β < 1`, `x ≠ 0`,
   * `a ≤ b`), for Point.simpleTruth; null for any other (a name a definition, a substitution or
   * a dimension gives its value, a family's member, a random value, any operation).
   */
  simpleComparison(f: Formula): SimpleComparison | null {
    let known = this.simpleComparisons.get(f);
    if (known !== undefined) return known;
    known = null;
    if (f.kind === 'Compare' && f.ops.every((op) => op === '<' || op === '≤' || op === '>' || op === '≥' || op === '≠')) {
      const operands: SimpleOperand[] = [];
      for (const e of f.operands) {
        const value = e.kind === 'Var' ? null : literalNumber(e);
        if (value) {
          operands.push({ value });
          continue;
        }
        if (e.kind !== 'Var' || e.name.index) break;
        const found = this.lookup(e);
        const info = found?.info;
        if (!info || found!.index || info.random || info.fn || info.family || info.shape.kind !== 'scalar' || (info.kind !== 'scalar' && info.kind !== 'integer')) break;
        const key = info.key;
        if (this.dimensions.has(key) || this.rules.some((r) => this.keyOfName(r.lhs.name) === key) || this.ctx.defs.some((d) => this.keyOfName(d.target) === key)) break;
        operands.push({ key, v: e, info });
      }
      if (operands.length === f.operands.length) known = { ops: f.ops, operands };
    }
    this.simpleComparisons.set(f, known);
    return known;
  }

  /**
   * Whether e reads the name `key`, directly or through the rules' right sides and the
   * definitions' bodies (a substitution for it would recur without end: `define s = y²` with
   * y solved from x + y + s = 1; red team rt86).
   */
  private ruleReaches(e: Expr, key: string, keyOf: (v: Var) => string): boolean {
    const seen = new Set<string>();
    const stack: Expr[] = [e];
    while (stack.length > 0) {
      const x = stack.pop()!;
      let hit = false;
      visit(x, (y) => {
        if (hit) return;
        if (y.kind === 'Call' && !seen.has(`fn:${printName(y.fn)}`)) {
          seen.add(`fn:${printName(y.fn)}`);
          for (const d of this.ctx.defs) if (d.params && d.target.base === y.fn.base) stack.push(d.value);
        }
        if (y.kind !== 'Var') return;
        const k = keyOf(y);
        if (k === key) hit = true;
        else if (!seen.has(k)) {
          seen.add(k);
          for (const r of this.rules) if (keyOf(r.lhs) === k) stack.push(r.rhs);
          for (const d of this.ctx.defs) if (!d.params && (this.ctx.scope.lookup(d.target)?.info.key ?? printName(d.target)) === k) stack.push(d.value);
        }
      });
      if (hit) return true;
    }
    return false;
  }

  /** The right side of the one substitution (`assume z = π/2`) for a plain name, by key; null where there is none or more than one. */
  onlySubstitution(key: string): Expr | null {
    const rules = this.rules.filter((r) => !r.lhs.name.index && this.keyOfName(r.lhs.name) === key);
    return rules.length === 1 ? rules[0]!.rhs : null;
  }

  /** What a name refers to in this context (cached per node). */
  lookup(v: Var): ReturnType<Scope['lookup']> {
    let found = this.lookups.get(v);
    if (found === undefined) {
      found = this.ctx.scope.lookup(v.name) ?? null;
      this.lookups.set(v, found);
    }
    return found ?? undefined;
  }

  private readonly nameKeys = new WeakMap<Name, string>();
  private readonly singleMembers = new Map<string, SymbolInfo | null>();

  /**
   * The name declared on its own that a family's member at a whole index is (`scalar x_0`
   * with `define x_t = a x_{t−1} + b`: the x_0 the recurrence starts from is the declared
   * one, LANGUAGE.md §1: a subscript on a letter that names a family is a member of it), or
   * undefined.
   */
  singleMember(v: Var, index: number): SymbolInfo | undefined {
    const text = printName({ ...v.name, index: { kind: 'Num', value: String(index), range: v.range, shape: { kind: 'scalar' } } as Expr });
    let found = this.singleMembers.get(text);
    if (found === undefined) {
      found = index >= 0 ? this.ctx.scope.getSingle(text) ?? null : null;
      this.singleMembers.set(text, found);
    }
    return found ?? undefined;
  }

  /** The key a name is drawn under (a definition's target; cached per node: every name a point resolves asks it). */
  keyOfName(n: Name): string {
    let key = this.nameKeys.get(n);
    if (key === undefined) {
      key = this.ctx.scope.lookup(n)?.info.key ?? printName(n);
      this.nameKeys.set(n, key);
    }
    return key;
  }

  /** Which drawn keys are integer indices (a cache for Point.isInteger). */
  readonly integerKeys = new Map<string, boolean>();
  /** Matrix names declared as a covariance or second moment: drawn positive definite. */
  readonly covariances: ReadonlySet<string>;
  /** Substitutions that hold at every point by construction (the only rule for a name): not checked again. */
  readonly byConstruction = new Set<Condition>();
  /** Equations among the assumptions solved for a scalar (isolatedScalar), with the substitution each gives. */
  readonly isolated = new Map<Condition, Rule>();
  /** Those substitutions (a derivative takes the name they give as constant: Evaluation.resolveValue). */
  readonly solvedRules = new Set<Rule>();
  /** The tags a matrix is drawn with, by key (`H symmetric positive definite`; a covariance is positive definite). */
  readonly tagsByKey = new Map<string, ReadonlySet<MatrixTag>>();

  constructor(readonly ctx: Context) {
    for (const info of ctx.scope.all()) {
      const shapes = [info.shape, ...(info.fn ? [...info.fn.params, info.fn.result] : [])];
      for (const sh of shapes) if (sh.kind === 'matrix') for (const d of [sh.rows, sh.cols]) if (typeof d === 'string') this.dimensions.add(d);
    }
    // A name a definition gives (`define γ = α + β`) is no substitution's target: `assume γ = 1`
    // says what α and β are (it is solved for one of them), not that γ is 1 whatever they are.
    // So is a family's member at a fixed index its definitions give (`assume v_1 = 4` under
    // `define v_t = v_{t-1} + g_t for t ≥ 1`, `v_0 = 0`: g_1 is 4). A member at a symbolic index
    // stays one: `assume g_{t-1} = σ(h_{t-1})`, an induction hypothesis, gives g at t − 1 while
    // its recurrence gives the next; solving for what g_{t−1} unrolls to cannot.
    const determined = definedByDefinitions(ctx);
    /** The comparisons among the assumptions that are no substitution, in order: equations among them may be solved for a scalar (below). */
    const equations: Condition[] = [];
    /** The condition each one-sided bound on a function comes from. */
    const sidedFrom = new Map<FunctionBound, Condition>();
    for (const c of ctx.assumptions) {
      const f = c.formula;
      if (readsRandomValue(f, ctx.scope)) this.onRandom.push(c);
      // (Not an induction hypothesis: it is about the one member below by design.)
      if (c.forAll.length === 0 && !ctx.hypotheses?.has(c)) {
        const read = new Map<string, Set<string>>();
        for (const e of formulaExprs(f)) {
          const bound = new Set<string>();
          visit(e, (x) => { if (x.kind === 'BigOp') bound.add(printName(x.index)); });
          visit(e, (x) => {
            if (x.kind !== 'Var' || !x.name.index) return;
            const found = ctx.scope.lookup(x.name);
            if (!found?.index || constantValue(canonicalIndex(found.index)) !== null) return;
            if (freeNames(found.index).some((v) => bound.has(printName(v.name)))) return;
            const set = read.get(found.info.key) ?? new Set<string>();
            set.add(exprKey(canonicalIndex(found.index)));
            read.set(found.info.key, set);
          });
        }
        for (const [key, indices] of read) {
          const list = this.onMember.get(key) ?? [];
          list.push({ condition: c, indices });
          this.onMember.set(key, list);
        }
      }
      if (c.forAll.length > 0) {
        // `|σ'(z)| ≤ γ for all z`: met by the instance of σ at each point; others cannot be.
        const fbs = functionBoundsOf(c, ctx.scope);
        if (fbs) {
          for (const fb of fbs) {
            const list = this.functionBounds.get(fb.key) ?? [];
            list.push(fb);
            this.functionBounds.set(fb.key, list);
            if (fb.side) sidedFrom.set(fb, c);
          }
        } else {
          this.unenforced.push(c);
        }
        continue;
      }
      // (Not where the right side reads the name itself, `assume A = Aᵀ`, `assume x = 2 − x`: as a
      // substitution it recurred without end, and every step was unknown, "a definition refers
      // to itself too deeply"; as an equation it is solved. Another member of a family is another
      // name: `assume v_t = β v_{t−1} + g_t` stays a substitution.)
      if (f.kind === 'Compare' && f.ops.length === 1 && f.ops[0] === '=' && f.operands[0]!.kind === 'Var'
        && !determined((f.operands[0] as Var).name) && !ctx.hypotheses?.has(c) && !readsItself(f.operands[0] as Var, f.operands[1]!)) {
        // A substitution, and still a condition: `assume x = 1, x = 2` has no point. (Not for a
        // dimension, `assume m = n + 1`: a size is drawn as a size, within its bounds, and the
        // assumption is checked at each point; as a substitution, m was n + 1 where read as a
        // number and another size where read as one, and true steps were refuted.)
        const lhsName = printName((f.operands[0] as Var).name);
        if (!this.dimensions.has(lhsName)) this.rules.push({ lhs: f.operands[0] as Var, rhs: f.operands[1]! });
        else this.dimensionEquations.set(lhsName, f.operands[1]!);
        this.checks.push(c);
        // `assume t = 2`: a number is also the name's interval, so an integer index (drawn
        // from its interval, read in exponents and sum bounds) takes it too.
        const v = f.operands[0] as Var;
        const n = literalNumber(f.operands[1]!);
        const vk = this.boundKey(v);
        if (vk !== null && n !== null) {
          this.bound(vk, '≥', n, false);
          this.bound(vk, '≤', n, false);
        }
        continue;
      }
      if (f.kind === 'Compare') {
        if (!ctx.hypotheses?.has(c)) equations.push(c);
        this.checks.push(c);
        this.addIntervals(f);
      } else {
        // ⇔/⇒/and/or, and tags on any matrix expression (`assume I + A B invertible`):
        // enforced by rejection.
        this.checks.push(c);
      }
    }
    // Equations affine in a real scalar, solved for it (isolatedScalar): a plain scalar no
    // definition gives, no dimension, no other rule's target, and no name its solution reads
    // reaching it again through the rules (x + y = 1 gives y = 1 − x; beside it, x − y = 0 then
    // gives x nothing, y = 1 − x reading x, and stays an equation, solved for x at each point).
    const keyOfVar = (v: Var): string => ctx.scope.lookup(v.name)?.info.key ?? printName(v.name);
    for (const c of equations) {
      const isolatable = (v: Var): boolean => {
        const found = ctx.scope.lookup(v.name);
        const info = found?.info;
        if (!info || found!.index || v.name.index || info.random || info.fn || info.family || info.kind !== 'scalar' || info.shape.kind !== 'scalar') return false;
        return !determined(v.name) && !this.dimensions.has(printName(v.name)) && !this.rules.some((r) => keyOfVar(r.lhs) === info.key);
      };
      // (Those no other assumption compares first, then the widest interval: bounded ones are
      // drawn inside their bounds, and a scalar solved for lands in a narrow interval rarely:
      // 0 < y < 10⁻³ beside 0 < x < 1000 left no point; red team rt86.)
      const compared = (v: Var): boolean => ctx.assumptions.some((d) => d !== c && d.formula.kind === 'Compare' && d.formula.ops.some((op) => op !== '=') && formulaExprs(d.formula).some((e) => mentionsKey(e, keyOfVar(v), ctx.scope)));
      const width = (v: Var): number => {
        const iv = this.intervals.get(keyOfVar(v));
        if (!iv) return compared(v) ? 1e300 : 1e308;
        return iv.lo === null || iv.hi === null ? 1e300 : Math.max(0, iv.hi.toNumber() - iv.lo.toNumber());
      };
      const iso = isolatedScalar(c.formula, isolatable, keyOfVar, width, (e, key) => this.ruleReaches(e, key, keyOfVar));
      if (!iso || this.ruleReaches(iso.rhs, keyOfVar(iso.lhs), keyOfVar)) continue;
      this.rules.push(iso);
      this.isolated.set(c, iso);
      this.solvedRules.add(iso);
    }
    // A function bounded from one side only (`σ(z) > 0 for all z`) is not drawn to meet it: the
    // bounded family would never reach far on the open side (`σ(a) > −10` would pass). Its
    // sided bounds are unenforced; with both sides (`0 < σ(z) < 1`, or |σ(z)| ≤ 1 beside
    // `σ(z) ≥ 0`) each point's σ is moved into the range.
    for (const [key, list] of this.functionBounds) {
      const sided = list.filter((b) => b.side);
      if (sided.length === 0) continue;
      const capped = (side: 'upper' | 'lower') => list.some((b) => b.order === 0 && (b.side === side || !b.side));
      if (capped('upper') && capped('lower')) continue;
      const rest = list.filter((b) => !b.side);
      if (rest.length > 0) this.functionBounds.set(key, rest);
      else this.functionBounds.delete(key);
      for (const c of new Set(sided.map((b) => sidedFrom.get(b)!))) this.unenforced.push(c);
    }
    // A declared covariance or second moment that is a name is drawn as one (rules/moments.ts).
    const moments = momentNames(ctx.random);
    this.covariances = moments.matrices;
    for (const key of moments.scalars) if (!this.intervals.has(key)) this.bound(key, '≥', Rational.ZERO, false);
    const ruleCount = new Map<string, number>();
    const keyOf = (v: Var) => ctx.scope.lookup(v.name)?.info.key ?? printName(v.name);
    for (const r of this.rules) ruleCount.set(keyOf(r.lhs), (ruleCount.get(keyOf(r.lhs)) ?? 0) + 1);
    for (const c of this.checks) {
      const f = c.formula;
      // (An equation solved for a scalar holds wherever its substitution has a value.)
      const iso = this.isolated.get(c);
      if (iso) {
        if (ruleCount.get(keyOf(iso.lhs)) === 1 && !mentionsKey(iso.rhs, keyOf(iso.lhs), ctx.scope)) {
          this.byConstruction.add(c);
          if (mayHaveNoValue(iso.rhs, ctx, keyOf)) {
            this.partialSubstitutions.add(c);
            this.addDomainIntervals(iso.rhs, keyOf);
          }
        }
        continue;
      }
      if (f.kind !== 'Compare' || f.ops.length !== 1 || f.ops[0] !== '=' || f.operands[0]!.kind !== 'Var') continue;
      // A rule is applied before any definition of its name, so the only rule for a name
      // holds wherever it does not refer to that name itself.
      const key = keyOf(f.operands[0]);
      // An integer index is read where no rule reaches (exponents, sum bounds, subscripts):
      // its equation stays a condition.
      const integer = ctx.scope.lookup(f.operands[0].name)?.info.kind === 'integer';
      if (!integer && ruleCount.get(key) === 1 && !mentionsKey(f.operands[1]!, key, ctx.scope)) {
        this.byConstruction.add(c);
        if (mayHaveNoValue(f.operands[1]!, ctx, keyOf)) {
          this.partialSubstitutions.add(c);
          this.addDomainIntervals(f.operands[1]!, keyOf);
        }
      }
    }
    this.addOrderings();
  }

  /**
   * Orderings between two free real scalars in the assumptions (`0 < a < b < c`, `x ≤ y`), kept
   * acyclic: each scalar is drawn above the ones `below` it (drawn first) and below those
   * `above` it already drawn, since drawing each on its own met `a < b < c < d` at no point.
   * Their constant bounds carry along them (`x ≤ y ≤ 1`: x ≤ 1).
   */
  readonly below = new Map<string, OrderEdge[]>();
  readonly above = new Map<string, OrderEdge[]>();

  private addOrderings(): void {
    const edges: { lo: OrderEdge; hi: OrderEdge; strict: boolean }[] = [];
    const ends = (e: Expr): OrderEdge | null => {
      if (e.kind !== 'Var') return null;
      const found = this.ctx.scope.lookup(e.name);
      const info = found?.info;
      if (!info || found!.index || info.kind !== 'scalar' || info.family || info.shape.kind !== 'scalar') return null;
      if (this.dimensions.has(info.key) || this.plainDefinition(info.key) || this.rules.some((r) => this.keyOfName(r.lhs.name) === info.key)) return null;
      return { key: info.key, v: e, strict: false };
    };
    for (const c of this.checks) {
      const f = c.formula;
      if (f.kind !== 'Compare') continue;
      for (let i = 0; i < f.ops.length; i++) {
        const op = f.ops[i]!;
        if (op !== '<' && op !== '≤' && op !== '>' && op !== '≥') continue;
        const a = ends(f.operands[i]!);
        const b = ends(f.operands[i + 1]!);
        if (!a || !b || a.key === b.key) continue;
        const strict = op === '<' || op === '>';
        edges.push(op === '<' || op === '≤' ? { lo: a, hi: b, strict } : { lo: b, hi: a, strict });
      }
    }
    // (An edge that would close a cycle, x ≤ y ≤ x, is left to rejection.)
    const reaches = (from: string, to: string, seen = new Set<string>()): boolean => {
      if (from === to) return true;
      if (seen.has(from)) return false;
      seen.add(from);
      return (this.above.get(from) ?? []).some((e) => reaches(e.key, to, seen));
    };
    const kept: typeof edges = [];
    for (const e of edges) {
      if (reaches(e.hi.key, e.lo.key)) continue;
      kept.push(e);
      this.above.set(e.lo.key, [...(this.above.get(e.lo.key) ?? []), { ...e.hi, strict: e.strict }]);
      this.below.set(e.hi.key, [...(this.below.get(e.hi.key) ?? []), { ...e.lo, strict: e.strict }]);
    }
    // Constant bounds along the edges, to a fixed point (each pass carries them one edge further).
    for (let pass = 0; pass <= kept.length; pass++) {
      let changed = false;
      for (const { lo, hi, strict } of kept) {
        const l = this.intervals.get(lo.key);
        const h = this.intervals.get(hi.key);
        if (l?.lo) changed = this.tighten(hi.key, 'lo', l.lo, l.loClosed && !strict) || changed;
        if (h?.hi) changed = this.tighten(lo.key, 'hi', h.hi, h.hiClosed && !strict) || changed;
      }
      if (!changed) break;
    }
  }

  /** Raises a lower end (lowers an upper one) of a sampling interval; an open end wins a tie. Whether it changed. */
  private tighten(key: string, end: 'lo' | 'hi', n: Rational, closed: boolean): boolean {
    const iv = this.intervals.get(key) ?? { lo: null, hi: null, loClosed: false, hiClosed: false };
    const cur = iv[end];
    const curClosed = end === 'lo' ? iv.loClosed : iv.hiClosed;
    const c = cur === null ? 1 : end === 'lo' ? n.cmp(cur) : cur.cmp(n);
    if (c < 0 || (c === 0 && (closed || !curClosed))) return false;
    this.intervals.set(key, end === 'lo' ? { ...iv, lo: n, loClosed: closed } : { ...iv, hi: n, hiClosed: closed });
    return true;
  }

  /**
   * Substitutions held by construction whose right side may have no value at a point
   * (`assume y = 1/(x − 2)` at x = 2, `y = √x` at x < 0): no y meets the assumption there, so
   * such a point is outside the assumptions and rejected, not a point where y is undefined.
   */
  readonly partialSubstitutions = new Set<Condition>();

  /** `0 < β < 1`, `ε > 0`: a bound between a free scalar and a number samples inside it. */
  private addIntervals(f: Compare): void {
    for (let i = 0; i < f.ops.length; i++) {
      const a = f.operands[i]!;
      const b = f.operands[i + 1]!;
      const op = f.ops[i]!;
      // (A constant bound that is not rational, π/2 or √2, is taken just inside: the sampler
      // then draws from π < x < 2π, which it met at no point before; the assumption itself is
      // still what each point is checked against.)
      const an = literalNumber(a) ?? (b.kind === 'Var' ? insideBound(a, op, true) : null);
      const bn = literalNumber(b) ?? (a.kind === 'Var' ? insideBound(b, op, false) : null);
      // |x − c| < d (d > |x − c|): c − d < x < c + d, for rational c and d.
      if ((op === '<' || op === '≤') && a.kind === 'Abs') this.addWindow(a.arg, literalNumber(b), op === '≤');
      if ((op === '>' || op === '≥') && b.kind === 'Abs') this.addWindow(b.arg, literalNumber(a), op === '≥');
      const ak = this.boundKey(a);
      const bk = this.boundKey(b);
      if (ak !== null && bn !== null) this.bound(ak, op, bn, false);
      if (bk !== null && an !== null) this.bound(bk, op, an, true);
      // k·x + m against a number, x one name (`−n ≤ 2`, `n + 3 ≥ 0`, `2x − 1 > 0`): x's bound
      // ((b − m)/k, the relation turned where k < 0). An integer drawn from 0 up never went
      // below 0 under −n ≤ 2 (red team rt95).
      for (const [side, other, flipped] of [[a, bn, false], [b, an, true]] as const) {
        if (other === null || side.kind === 'Var') continue;
        const lin = affineIn(side);
        const key = lin && this.boundKey(lin.v);
        if (!lin || key === null || lin.k.isZero()) continue;
        this.bound(key, op, other.sub(lin.m).div(lin.k), lin.k.sign() < 0 ? !flipped : flipped);
      }
      if (op === '≤' || op === '≥') {
        if (ak !== null && freeNames(b).length === 0) this.attainable.set(ak, [...(this.attainable.get(ak) ?? []), b]);
        if (bk !== null && freeNames(a).length === 0) this.attainable.set(bk, [...(this.attainable.get(bk) ?? []), a]);
      }
    }
  }

  /**
   * The intervals a substitution's domain gives the scalars it reads: `y = √(x − π)` has a value
   * only for x ≥ π (log's argument, > 0), so x is drawn there, with π an end the searches move
   * to; points outside were drawn and rejected, and `y > 0` was checked, failing only at x = π
   * (red team rt84). Only for √ or log of x, x ± c or c − x, c a constant, x a drawn scalar.
   */
  private addDomainIntervals(rhs: Expr, keyOf: (v: Var) => string): void {
    const targets = new Set(this.rules.map((r) => keyOf(r.lhs)));
    const drawn = (e: Expr): e is Var => e.kind === 'Var' && !e.name.index && !targets.has(keyOf(e)) && this.ctx.scope.lookup(e.name)?.info.kind === 'scalar';
    for (const { f, v, end } of domainComparisons(rhs, drawn)) {
      if (f) this.addIntervals(f);
      // (√'s end is attained, y = 0 there: a place to try exactly.)
      if (end) this.domainEnds.set(keyOf(v), [...(this.domainEnds.get(keyOf(v)) ?? []), end]);
    }
  }

  /** The ends of scalars' intervals a substitution's domain gives that are attained (√(x − π): π), by key (addDomainIntervals). */
  readonly domainEnds = new Map<string, Expr[]>();

  /** `|e| < d` (`≤` when closed) where e is x, x − c, c − x or x + c, c and d rational: x's interval. */
  private addWindow(e: Expr, d: Rational | null, closed: boolean): void {
    if (d === null) return;
    let key: string | null = null;
    let c: Rational | null = null;
    if (e.kind === 'Var') [key, c] = [this.boundKey(e), Rational.ZERO];
    else if (e.kind === 'Binary' && (e.op === '-' || e.op === '+')) {
      const [v, k] = e.left.kind === 'Var' ? [e.left, e.right] : [e.right, e.left];
      const n = v.kind === 'Var' ? literalNumber(k) : null;
      // x − c and c − x are c's distance; x + c is −c's.
      if (v.kind === 'Var' && n !== null) [key, c] = [this.boundKey(v), e.op === '+' ? n.neg() : n];
    }
    if (key === null || c === null) return;
    const op = closed ? '≤' : '<';
    this.bound(key, closed ? '≥' : '>', c.sub(d), false);
    this.bound(key, op, c.add(d), false);
  }

  /**
   * The key a bound on a name is drawn under: the name's own (x, β_1 declared on its own), a
   * family's member at a fixed index (`v@0` for v_0), or null (v_t, not a name).
   */
  private boundKey(e: Expr): string | null {
    if (e.kind !== 'Var') return null;
    if (!e.name.index) return printName(e.name);
    const found = this.ctx.scope.lookup(e.name);
    if (!found) return null;
    if (!found.index) return found.info.key;
    const at = constantValue(canonicalIndex(found.index));
    return at && at.isInteger() ? `${found.info.key}@${at.n}` : null;
  }

  /**
   * The sizes a dimension symbol is sampled in: 2 … MAX_DIMENSION, within its assumptions'
   * constant bounds (`assume n ≥ 6`, `n < 10`, `n = 7`), and at least three from a lower
   * bound no upper one caps (`n ≥ 11`: 11 … 13; under n, m ≥ 12 with 12 alone, n and m were
   * always equal, and tr(I_m) = tr(I_n) held at every point). Sizes past MAX_DRAWN_DIMENSION
   * are not drawn (Point.dim). 1 only where an assumption's lower bound allows it (`m ≥ 1`: a
   * 1×1 matrix is its scalar, linalg.ts `add`). Bounds that leave nothing (n ≤ 0) are not
   * taken, and no point meets such an assumption. `cap`: the assumptions' upper bound alone.
   */
  dimensionRange(d: string): { lo: number; hi: number; cap: number | null } {
    const iv = this.intervals.get(d);
    let lo = 2;
    const clamp = (x: bigint): number => Number(x > 1_000_000n ? 1_000_000n : x < -1_000_000n ? -1_000_000n : x);
    // (2 at least, unless an assumption allows 1: `assume m ≥ 1` or `m > 0` says R^1 is meant
    // too, where ‖I_m − y yᵀ/‖y‖²‖ = 1 fails (red team rt89: it was checked at 2 … 5).)
    if (iv?.lo) lo = Math.max(1, clamp(iv.lo.isInteger() && !iv.loClosed ? iv.lo.n + 1n : iv.lo.ceil()));
    // (Past 9, up to the largest size drawn: under n ≥ 12 with 12 … 14, tr(I_n) ≤ 14 held.)
    const usual = lo > 9 ? Math.max(MAX_DRAWN_DIMENSION, lo + 2) : MAX_DIMENSION;
    const cap = iv?.hi ? clamp(iv.hi.isInteger() && !iv.hiClosed ? iv.hi.n - 1n : iv.hi.floor()) : null;
    if (cap !== null && cap < lo) return { lo: 2, hi: 5, cap: null };
    return { lo, hi: cap === null ? usual : Math.min(cap, usual), cap };
  }

  /** The constants a scalar may equal by a non-strict bound (`y ≤ π/2`: π/2), by key: where a search tries it. */
  readonly attainable = new Map<string, Expr[]>();

  /** An assumption's bound `key op n` (`n op key` when flipped) on a scalar's sampling interval. */
  private bound(key: string, op: string, n: Rational, flipped: boolean): void {
    const rel = flipped ? ({ '<': '>', '≤': '≥', '>': '<', '≥': '≤' } as Record<string, string>)[op] ?? op : op;
    if (rel === '>' || rel === '≥') this.tighten(key, 'lo', n, rel === '≥');
    else if (rel === '<' || rel === '≤') this.tighten(key, 'hi', n, rel === '≤');
  }
}

/** An operand of a simple comparison: a rational number, or a drawn scalar (its key, a node that names it, its declaration). */
type SimpleOperand = { readonly value: Rational } | { readonly key: string; readonly v: Var; readonly info: SymbolInfo };
/** An assumption that compares drawn scalars and rational numbers only (Prepared.simpleComparison). */
interface SimpleComparison { readonly ops: readonly Compare['ops'][number][]; readonly operands: readonly SimpleOperand[] }

/** One end of an ordering between two scalars (Prepared.below/above): the other scalar, a node that names it, and whether the order is strict. */
export interface OrderEdge { readonly key: string; readonly v: Var; readonly strict: boolean }

/** The points (k below this) whose instance of a function without a `for all` bound grows like x³ or x⁴ for certain (later ones at random). */
const EARLY_GROWTH = 3;

/**
 * `|σ^(k)(z)| ≤ c for all z` (or `<`): what a point's instance of σ is scaled to meet; with a
 * `side`, a bound on σ itself from one side (`σ(z) ≤ 1`: upper; `0 < σ(z)`: lower; both, a
 * range, `0 < σ(z) < 1`), met by scaling the instance into the range and moving it there.
 */
export interface FunctionBound { readonly key: string; readonly order: number; readonly bound: Expr; readonly strict: boolean; readonly side?: 'upper' | 'lower' }

/**
 * The function bounds a `for all` condition states (`|σ'(z)| ≤ γ`; `0 < σ(z) < 1`, two), or
 * null when it is not all of that form.
 */
function functionBoundsOf(c: Condition, scope: Scope): FunctionBound[] | null {
  const f = c.formula;
  if (f.kind !== 'Compare' || f.ops.length > 2 || c.forAll.length !== 1) return null;
  const z = printName(c.forAll[0]!.name);
  // (Over integers only, `|f(n)| ≤ 1 for all n` says nothing between them: a function drawn
  // bounded everywhere would let `|f(1/2)| ≤ 1` pass.)
  if (scope.lookup(c.forAll[0]!.name)?.info.kind === 'integer') return null;
  /** `f⁽ᵏ⁾(z)` of a declared elementwise f: its key and order. */
  const callAtZ = (e: Expr): { key: string; order: number } | null => {
    if (e.kind !== 'Call' || e.args.length !== 1) return null;
    const arg = e.args[0]!;
    if (arg.kind !== 'Var' || printName(arg.name) !== z) return null;
    const key = printName({ ...e.fn, primes: 0 });
    return scope.get(key)?.fn?.elementwise ? { key, order: e.fn.primes } : null;
  };
  const out: FunctionBound[] = [];
  for (let i = 0; i < f.ops.length; i++) {
    let [small, big] = [f.operands[i]!, f.operands[i + 1]!];
    let op = f.ops[i]!;
    if (op === '≥' || op === '>') {
      [small, big] = [big, small];
      op = op === '≥' ? '≤' : '<';
    }
    if (op !== '≤' && op !== '<') return null;
    const strict = op === '<';
    const abs = small.kind === 'Abs' ? callAtZ(small.arg) : null;
    const upper = callAtZ(small);
    const lower = callAtZ(big);
    let fb: FunctionBound | null = null;
    if (abs) fb = { key: abs.key, order: abs.order, bound: big, strict };
    else if (upper && upper.order === 0) fb = { key: upper.key, order: 0, bound: big, strict, side: 'upper' };
    else if (lower && lower.order === 0) fb = { key: lower.key, order: 0, bound: small, strict, side: 'lower' };
    // (`0 ≤ |σ(z)|` says nothing: the other end of a chain about |σ|.)
    else if (f.ops.length === 2 && big.kind === 'Abs' && callAtZ(big.arg) && small.kind === 'Num' && Number(small.value) === 0 && !strict) continue;
    if (!fb) return null;
    if (mentionsKey(fb.bound, fb.key, scope) || freeIn(fb.bound, z)) return null;
    if (out.length > 0 && out[0]!.key !== fb.key) return null;
    out.push(fb);
  }
  return out.length > 0 ? out : null;
}

function freeIn(e: Expr, key: string): boolean {
  let hit = false;
  const walk = (x: Expr): void => {
    if (x.kind === 'Var' && printName(x.name) === key) hit = true;
    for (const k of children(x)) walk(k);
  };
  walk(e);
  return hit;
}

/**
 * Whether an expression may have no value at some point: it divides, takes a non-whole or
 * negative power, calls a partial built-in or a defined function, or reads a name whose
 * definition or substitution may (anything unusual counts too: the test is conservative).
 */
function mayHaveNoValue(e: Expr, ctx: Context, keyOf: (v: Var) => string): boolean {
  const bodies = new Map<string, Expr[]>();
  const add = (k: string, x: Expr) => bodies.set(k, [...(bodies.get(k) ?? []), x]);
  for (const d of ctx.defs) if (!d.params) add(ctx.scope.lookup(d.target)?.info.key ?? printName(d.target), d.value);
  for (const c of ctx.assumptions) {
    const f = c.formula;
    if (c.forAll.length === 0 && f.kind === 'Compare' && f.ops.length === 1 && f.ops[0] === '=' && f.operands[0]!.kind === 'Var') add(keyOf(f.operands[0]), f.operands[1]!);
  }
  // Names under way count as total: a cycle (a recurrence) adds no division of its own.
  const known = new Map<string, boolean>();
  const partial = (x: Expr): boolean => {
    switch (x.kind) {
      case 'Num': case 'Const': case 'Neg': case 'Transpose': case 'Abs': case 'Norm':
        break;
      case 'Var': {
        const k = keyOf(x);
        if (!known.has(k)) {
          known.set(k, false);
          known.set(k, (bodies.get(k) ?? []).some(partial));
        }
        if (known.get(k)) return true;
        break;
      }
      case 'Binary':
        if (x.op === '/') return true;
        if (x.op === '^') {
          const n = constantValue(x.right);
          if (n === null || !n.isInteger() || n.n < 0n) return true;
        }
        break;
      case 'Call': {
        const b = builtin(x.fn.base);
        if (b ? b.domain === 'partial' : !ctx.scope.lookup(x.fn)?.info.fn || ctx.defs.some((d) => d.params && printName(d.target) === printName(x.fn))) return true;
        break;
      }
      default:
        return true;
    }
    return children(x).some(partial);
  };
  return partial(e);
}

function mentionsKey(e: Expr, key: string, scope: Scope): boolean {
  let hit = false;
  const walk = (x: Expr): void => {
    if (hit) return;
    if (x.kind === 'Var' && (scope.lookup(x.name)?.info.key ?? printName(x.name)) === key) hit = true;
    for (const c of children(x)) walk(c);
  };
  walk(e);
  return hit;
}



/**
 * A rational just inside a constant bound that is not rational (`x < π`: a little below π),
 * from its double enclosure moved 10⁻¹⁴ of its size to the allowed side; null for anything
 * with names, or that the doubles cannot evaluate. `flipped`: the bound is on the left (`π < x`).
 */
function insideBound(e: Expr, op: string, flipped: boolean): Rational | null {
  if (freeNames(e).length > 0) return null;
  let v: Val<DoubleEnclosure>;
  try {
    v = evaluate(e, { ...groundHost, deadline: now() + 20 });
  } catch {
    return null;
  }
  if (isMat(v) || !Number.isFinite(v.lo) || !Number.isFinite(v.hi)) return null;
  const rel = flipped ? ({ '<': '>', '≤': '≥', '>': '<', '≥': '≤' } as Record<string, string>)[op] ?? op : op;
  // A bound past the doubles' range (−e^(−1000)): its end in 60-digit decimals, moved inside by
  // 10⁻¹⁴ of its size, never across 0 (above 10⁻³⁰⁰, x > −e^(−1000) was never drawn at or
  // below 0, and log(x²) = 2 log x was proved); none where even those cannot sign it.
  const end = rel === '>' || rel === '≥' ? v.hi : v.lo;
  if (Math.abs(end) < 1e-280) {
    try {
      const D = decimalField(60);
      const d = evaluate(e, { ...(groundHost as unknown as Host<DecInterval>), field: D, deadline: now() + 50 });
      if (isMat(d)) return null;
      const at = Rational.parse((rel === '>' || rel === '≥' ? d.hi : d.lo).toString());
      const inward = at.sign() < 0 ? at.neg() : at;
      if (D.sign(d) === null || at.isZero()) return null;
      return rel === '>' || rel === '≥' ? at.add(inward.div(Rational.of(10n ** 14n))) : at.sub(inward.div(Rational.of(10n ** 14n)));
    } catch {
      return null;
    }
  }
  const nudge = (x: number) => Math.abs(x) * 1e-14 + 1e-300;
  // x > b: a lower bound above b's enclosure; x < b: an upper bound below it.
  if (rel === '>' || rel === '≥') return Rational.parse((v.hi + nudge(v.hi)).toPrecision(17));
  if (rel === '<' || rel === '≤') return Rational.parse((v.lo - nudge(v.lo)).toPrecision(17));
  return null;
}

function literalNumber(e: Expr): Rational | null {
  return constantValue(e);
}

const MAX_DEPTH = 400;

/** How far an integer's bound from the assumptions is followed (10¹⁵: values near it, and up to ~10⁴ past, stay exact in doubles). */
const INTEGER_REACH = 1_000_000_000_000_000n;

/** How far apart the members a far one is reached from are (Evaluation.variable). */
const WARM_STEP = 150;

/** The farthest member of a recurrence evaluated (each member costs ~0.1 ms: x_{10⁶} would use up a step's time). */
const MAX_WARMED = 5000;

/** Whether a family's definition reads the family itself (a recurrence), by key, per preparation. */
const recurrences = new WeakMap<Prepared, Map<string, boolean>>();
function recursiveFamily(prep: Prepared, key: string): boolean {
  let known = recurrences.get(prep);
  if (!known) recurrences.set(prep, (known = new Map()));
  let r = known.get(key);
  if (r === undefined) {
    r = prep.ctx.defs.some((d) => !d.params && d.target.index !== null && prep.keyOfName(d.target) === key
      && freeNames(d.value).some((w) => w.name.index !== null && prep.keyOfName(w.name) === key));
    known.set(key, r);
  }
  return r;
}

/** A small stable offset per dimension symbol (n → 0, m → 1, …). */
function dimOffset(d: string): number {
  let h = 0;
  for (const ch of d) h = (h * 31 + ch.codePointAt(0)!) % 6;
  return d === 'n' ? 0 : (h % 5) + 1;
}

/** A drawn value: exact, with the label a counterexample shows. */
export interface Drawn { readonly label: string; readonly value: Val<Rational> }

/**
 * One sampled point: every free name gets an exact value when first asked for (so every
 * backend sees the same point), dimensions and random function instances likewise;
 * evaluations in each backend keep their own cache of definitions.
 */
export class Point {
  /** Free values by `key` or `key@index`, in the order they were drawn. */
  readonly values = new Map<string, Drawn>();
  readonly dims = new Map<string, number>();
  readonly functions = new Map<string, FunctionInstance>();
  /** Function instances before a `for all` bound scaled them, with the shrink drawn for each bound. */
  private readonly rawFunctions = new Map<string, { instance: FunctionInstance; shrinks: readonly Rational[] }>();
  /** Keys of the values, dimensions (`dim:n`) and functions (`fn:σ`) used since the last clear. */
  readonly touched = new Set<string>();
  /** Keys whose value was put in place by a search or shrink, not drawn (their tags are checked). */
  readonly changed = new Set<string>();
  /** The step clock's time (src/clock.ts) past which evaluation stops. */
  deadline = Infinity;
  /**
   * Set when a strict satisfiesAssumptions met an assumption it cannot evaluate (a `lim` or a
   * ∑ of 200,000 terms in it): the point is then no counterexample, since that assumption may
   * exclude it, and a step that fails there is not shown to hold either.
   */
  unevaluatedAssumption = false;
  /**
   * Set when an equation among the assumptions was solved here and may have solutions no
   * point could be put at (a root the scan saw but could not prove: cos x = 1 at 2π): why a
   * step that held at such points is not shown to hold on all of the assumptions' solutions.
   */
  unsampledRoots: string | null = null;
  private readonly evaluations = new Map<string, Evaluation<unknown>>();
  /** The point an expectation's child point was made from. */
  parent: Point | null = null;
  /**
   * Values known only within bounds (a root of an equation, bracketed): evaluated as
   * enclosures; the exact backend cannot take them.
   */
  readonly enclosures = new Map<string, readonly [Val<Rational>, Val<Rational>]>();
  /**
   * The exact value of an enclosed name, as an expression without free names, where it is
   * known (a pole proved to lie exactly on an assumption's edge: x = π/2). Comparisons whose
   * sides are then the same expression are decided exactly (exactShape).
   */
  readonly symbolic = new Map<string, Expr>();
  /** A drawn name evaluated as a dual number in one field (what a derivative is taken along). */
  seed: { readonly key: string; readonly field: Field<unknown>; readonly value: (v: never) => unknown } | null = null;
  /** In an expectation's child point: the value a random symbol takes there. */
  randomValue: (<S>(ev: Evaluation<S>, info: SymbolInfo, key: string) => Val<S>) | null = null;

  constructor(
    readonly prep: Prepared,
    readonly rng: Rng,
    readonly k: number,
    readonly overrides: ReadonlyMap<string, Val<Rational>> = new Map(),
  ) {}

  get ctx(): Context {
    return this.prep.ctx;
  }

  /** This point's evaluation in a backend (made once per backend). */
  in<S>(F: Field<S>): Evaluation<S> {
    let ev = this.evaluations.get(F.name) as Evaluation<S> | undefined;
    if (!ev) {
      ev = new Evaluation(this, F);
      this.evaluations.set(F.name, ev as Evaluation<unknown>);
    }
    return ev;
  }

  /**
   * An evaluation in F for many values of one scalar `key` in turn (a search along it): `key`
   * takes the value `seeds` holds for it, and the caller forgets what was computed from it
   * (`forget`) before the next. Registered with this point, so what each cached value was
   * computed from is collected.
   */
  lineEvaluation<S>(F: Field<S>, key: string, seeds: ReadonlyMap<string, Val<S>>): Evaluation<S> {
    const ev = new Evaluation(this, F, seeds);
    this.evaluations.set(`line ${key} ${F.name}`, ev as Evaluation<unknown>);
    return ev;
  }

  /** The value of an expression in a backend. */
  evaluate<S>(F: Field<S>, e: Expr): Val<S> {
    return this.in(F).evaluate(e);
  }

  dim(d: Dim): number {
    if (typeof d === 'number') return d;
    this.touch(`dim:${d}`);
    let n = this.dims.get(d);
    if (n === undefined) {
      // Several dimensions, never only 1: 2 first (readable), then 3, 4, 5; each symbol
      // walks its own way, so n and m differ at most points. An assumption's bounds move the
      // walk (`assume n ≥ 6`: 6, 7, 8, 9; `n = 7`: 7), up to MAX_DIMENSION.
      const range = this.prep.dimensionRange(d);
      const { lo } = range;
      // (Three sizes at least where the assumptions leave more: n ≥ 16 with 16 alone held tr(I_n) = 16.)
      if (lo > MAX_DRAWN_DIMENSION || (range.hi > MAX_DRAWN_DIMENSION && MAX_DRAWN_DIMENSION - lo < 2)) {
        throw new Unsupported(`sizes above ${MAX_DRAWN_DIMENSION} are not sampled (here ${d} ≥ ${lo})`);
      }
      const hi = Math.min(range.hi, MAX_DRAWN_DIMENSION);
      const step = this.k === 0 ? 0 : [0, 1, 2, 1, 0, 3][(this.k + dimOffset(d)) % 6]!;
      n = lo + (step % (hi - lo + 1));
      // A size an assumption gives from the others' (`assume m = n + 1`: walked apart, the two
      // sizes never met it, and no point was left), where that is a size that may be sampled.
      const given = this.prep.dimensionEquations.get(d);
      if (given && !this.sizing.has(d)) {
        this.sizing.add(d);
        try {
          const v = this.sizeOf(given);
          if (v !== null && v >= 2 && v <= MAX_DRAWN_DIMENSION) n = v;
        } finally {
          this.sizing.delete(d);
        }
      }
      this.dims.set(d, n);
    }
    return n;
  }

  /** The dimensions being sized from an assumption (a cycle, m = n + 1 with n = m − 1, stops). */
  private readonly sizing = new Set<string>();

  /** A whole-number expression of sizes and numbers (`n + 1`, `2 m`) at this point's sizes, or null. */
  private sizeOf(e: Expr): number | null {
    switch (e.kind) {
      case 'Num': return /^\d+$/u.test(e.value) ? Number(e.value) : null;
      case 'Var': return !e.name.index && this.prep.dimensions.has(printName(e.name)) ? this.dim(printName(e.name)) : null;
      case 'Binary': {
        const a = this.sizeOf(e.left);
        const b = this.sizeOf(e.right);
        if (a === null || b === null) return null;
        return e.op === '+' ? a + b : e.op === '-' ? a - b : e.op === '*' ? a * b : null;
      }
      default: return null;
    }
  }

  /** Marks a value (or `dim:n`, `fn:σ`) as used, also by every value being computed from it. */
  touch(key: string): void {
    this.touched.add(key);
    // In an expectation's child point, what the argument used is used by the step.
    this.parent?.touch(key);
    for (const ev of this.evaluations.values()) ev.collect(key);
  }

  /** A free value: drawn once per point (an expectation's child point asks its parent). */
  drawFree(key: string, v: Var, index: number | null, info: SymbolInfo): Val<Rational> {
    if (info.shape.kind === 'matrix' && !this.prep.tagsByKey.has(key)) {
      this.prep.tagsByKey.set(key, this.prep.covariances.has(key) ? new Set([...info.tags, 'positive definite' as const]) : info.tags);
    }
    // A name spelled like a dimension is that dimension: never moved by a search or a shrink.
    if (!info.family && info.shape.kind === 'scalar' && this.prep.dimensions.has(key)) return this.record(key, v, index, info, Rational.of(this.dim(key)));
    const forced = this.overrides.get(key);
    // (A value the child was handed from its parent is the parent's too, and is recorded there:
    // a counterexample lists the parent's values, and E[x_n x_6] at n = 6 lost its n.)
    if (forced && this.parent && !this.parent.values.has(key) && this.parent.overrides.get(key) === forced) {
      return this.record(key, v, index, info, this.parent.drawFree(key, v, index, info));
    }
    if (forced) return this.record(key, v, index, info, forced);
    if (this.parent) return this.record(key, v, index, info, this.parent.drawFree(key, v, index, info));
    const known = this.values.get(key);
    if (known) return known.value;
    return this.record(key, v, index, info, this.draw(info, key));
  }

  private record(key: string, v: Var, index: number | null, info: SymbolInfo, value: Val<Rational>): Val<Rational> {
    const label = index === null ? printName(v.name) : printName({ ...v.name, index: { kind: 'Num', value: String(index), range: v.range } });
    if (index !== null && index < 0) {
      this.values.set(key, { label: printName({ ...v.name, index: null }) + `_{${index}}`, value });
    } else {
      this.values.set(key, { label: info.family || index !== null ? label : printName(v.name), value });
    }
    return value;
  }

  /**
   * Where an integer name is sampled: [lo, hi] (every value of it first), never past `cap`, an
   * assumption's upper bound. The range starts at its index range (0, or raised so that no
   * family subscript goes negative) or an assumption's lower bound (`assume k ≥ -3`); bounded
   * above only, below where it starts (`assume t < 0`), it is walked down from the bound
   * (`down`: hi first), since otherwise no value would ever be drawn.
   */
  integerRange(infoKey: string, key: string): { lo: number; hi: number; cap: number | null; down: boolean } {
    let [lo, hi] = this.ctx.indexRanges.get(infoKey) ?? this.ctx.defaultIndex;
    const iv = this.prep.intervals.get(key);
    // Bounds beyond ±10¹⁵ are clamped there (an index is sampled near where it starts, and
    // stays a safe integer in doubles: k ≥ 10^12 was drawn at 10⁹ and met no point).
    const clamp = (x: bigint): number => Number(x > INTEGER_REACH ? INTEGER_REACH : x < -INTEGER_REACH ? -INTEGER_REACH : x);
    const hasLo = iv?.lo !== null && iv?.lo !== undefined;
    if (hasLo) {
      const b = clamp(iv!.lo!.isInteger() && !iv!.loClosed ? iv!.lo!.n + 1n : iv!.lo!.ceil());
      hi += b - lo;
      lo = b;
    }
    let cap: number | null = null;
    if (iv?.hi !== null && iv?.hi !== undefined) {
      cap = clamp(iv.hi.isInteger() && !iv.hiClosed ? iv.hi.n - 1n : iv.hi.floor());
      if (!hasLo && cap < lo) return { lo: cap - (hi - lo), hi: cap, cap, down: true };
      hi = Math.min(hi, cap);
    }
    // Not past where a falling subscript would go negative (`v_{5−t}`: t ≤ 5).
    const fall = this.ctx.indexCaps?.get(infoKey);
    if (fall !== undefined && fall >= lo) {
      hi = Math.min(hi, fall);
      cap = cap === null ? fall : Math.min(cap, fall);
    }
    return { lo, hi: Math.max(lo, hi), cap, down: false };
  }

  /** The largest value an integer name may take so that no falling subscript goes negative (`v_{5−t}`: 5), or null. */
  integerCeiling(key: string): number | null {
    const info = this.ctx.scope.get(key.split('@')[0]!);
    const fall = this.ctx.indexCaps?.get(info?.key ?? key);
    if (fall === undefined) return null;
    const r = this.integerRange(info?.key ?? key, key);
    return r.down || fall < r.lo ? null : fall;
  }

  /** The least value an integer name may take where it is sampled, or null when it is bounded above only. */
  integerFloor(key: string): number | null {
    const info = this.ctx.scope.get(key.split('@')[0]!);
    const r = this.integerRange(info?.key ?? key, key);
    return r.down ? null : r.lo;
  }

  private draw(info: SymbolInfo, key: string): Val<Rational> {
    if (!info.family && info.shape.kind === 'scalar' && this.prep.dimensions.has(key)) return Rational.of(this.dim(key));
    if (info.kind === 'integer') {
      const r = this.integerRange(info.key, key);
      // Bounded above only, below where the range starts: walked down from the bound.
      if (r.down) return Rational.of(r.hi).sub(randomInteger(this.rng, this.k, 0, r.hi - r.lo));
      return randomInteger(this.rng, this.k, r.lo, r.hi, r.cap);
    }
    if (info.shape.kind === 'matrix') {
      const tags = this.prep.covariances.has(key) ? new Set([...info.tags, 'positive definite' as const]) : info.tags;
      return randomMatrix(this.rng, this.k, this.dim(info.shape.rows), this.dim(info.shape.cols), tags, key);
    }
    return randomScalar(this.rng, this.k, this.orderedInterval(key), key);
  }

  /**
   * A scalar's sampling interval, narrowed to lie above the scalars ordered below it (drawn
   * first) and below those ordered above it that are drawn already (Prepared.below/above);
   * its own interval where they leave no room.
   */
  private orderedInterval(key: string): Interval | null {
    const own = this.prep.intervals.get(key) ?? null;
    const below = this.prep.below.get(key);
    const above = this.prep.above.get(key);
    if (!below && !above) return own;
    let iv: Interval = own ?? { lo: null, hi: null, loClosed: false, hiClosed: false };
    const scalarOf = (e: OrderEdge, draw: boolean): Rational | null => {
      const known = this.overrides.get(e.key) ?? this.values.get(e.key)?.value;
      if (known !== undefined) return isMat(known) ? null : known as Rational;
      if (!draw) return null;
      const info = this.ctx.scope.get(e.key);
      if (!info) return null;
      const v = this.drawFree(e.key, e.v, null, info);
      return isMat(v) ? null : v as Rational;
    };
    for (const e of below ?? []) {
      const n = scalarOf(e, true);
      if (n === null) continue;
      const c = iv.lo === null ? 1 : n.cmp(iv.lo);
      if (c > 0 || (c === 0 && e.strict)) iv = { ...iv, lo: n, loClosed: !e.strict };
    }
    for (const e of above ?? []) {
      const n = scalarOf(e, false);
      if (n === null) continue;
      const c = iv.hi === null ? -1 : n.cmp(iv.hi);
      if (c < 0 || (c === 0 && e.strict)) iv = { ...iv, hi: n, hiClosed: !e.strict };
    }
    if (iv.lo !== null && iv.hi !== null) {
      const c = iv.lo.cmp(iv.hi);
      if (c > 0 || (c === 0 && !(iv.loClosed && iv.hiClosed))) return own;
    }
    return iv;
  }

  /** The random instance of a declared function at this point. */
  functionInstance(key: string, elementwise: boolean): FunctionInstance {
    this.touch(`fn:${key}`);
    let f = this.functions.get(key);
    // (An expectation's child point has its parent's functions: σ met first inside E[σ(w) X]
    // was drawn anew there, another σ than the right side's σ(w) μ, and the right step was
    // refuted, red team rt130.)
    if (!f && this.parent) {
      f = this.parent.functionInstance(key, elementwise);
      this.functions.set(key, f);
      return f;
    }
    if (!f) {
      const bounds = this.prep.functionBounds.get(key) ?? [];
      let raw = this.rawFunctions.get(key);
      if (!raw) {
        // Each function is constant at one early point of its own (unless a bound on its
        // derivatives is assumed: those instances are scaled to meet it).
        const [offset] = nameWalk(key);
        const constant = bounds.length === 0 && this.k < 16 && (this.k + offset) % 8 === 5;
        // (Under such a bound the instance is drawn without the terms that grow like x³, x⁴:
        // scaled, it meets the bound at every z.) At the first three points it grows for certain:
        // the searches start from the first points that hold, and a bounded wave there would keep
        // them from what only a growing function shows (‖∇L(u) − ∇L(v)‖ ≤ 1000‖u − v‖ for u, v
        // scaled up, |σ(T)| ≤ 10 + 10T along T's ladder).
        const instance = randomFunction(this.rng, elementwise, constant, bounds.length > 0, this.k < EARLY_GROWTH ? true : null);
        raw = { instance, shrinks: bounds.map((b) => Rational.parse(b.strict ? this.rng.pick(['0.5', '0.9', '0.99']) : this.rng.pick(['1', '1', '0.9', '0.5']))) };
        this.rawFunctions.set(key, raw);
      }
      f = bounds.length > 0 && !raw.instance.asIs ? this.meetBounds(raw.instance, bounds, raw.shrinks) : raw.instance;
      this.functions.set(key, f);
    }
    return f;
  }

  /**
   * The instance scaled so that sup |f^(k)| ≤ c (< c when strict) for every bound, at this
   * point's values of c: often exactly c, so a bound that needs more than the assumption
   * gives is found wrong. A point derived with other values scales the same raw instance anew.
   */
  private meetBounds(f: FunctionInstance, bounds: readonly FunctionBound[], shrinks: readonly Rational[]): FunctionInstance {
    if (!f.sup || !f.scaled) throw new Skip('no function instance meets a for-all bound here');
    const g = bounds.some((b) => b.order === 0) ? f.scaled(Rational.ONE, true) : f;
    // A range (`0 < σ(z) < 1`, its ends exact here): the instance scaled into its half-width
    // around 0, then moved to its middle.
    const shrink0 = bounds.map((b, i) => (b.order === 0 ? shrinks[i]! : Rational.ONE)).reduce((a, b) => (b.cmp(a) < 0 ? b : a), Rational.ONE);
    const range = bounds.some((b) => b.side) ? this.rangeOf(bounds, shrink0) : null;
    let factor: Rational | null = null;
    const fit = (sup: Rational | null, c: Rational | null, strict: boolean, shrink: Rational) => {
      if (c === null || sup === null || c.sign() < 0 || (c.isZero() && strict)) throw new Skip('no function instance meets a for-all bound at this point');
      if (sup.isZero()) return;
      const s = c.div(sup).mul(shrink);
      if (factor === null || s.cmp(factor) < 0) factor = s;
    };
    if (range) fit(g.sup!(0), range.half, false, range.shrink);
    bounds.forEach((b, i) => {
      if (range && b.order === 0) return;
      fit(g.sup!(b.order), this.exactLowerValue(b.bound), b.strict, shrinks[i]!);
    });
    const scaled = factor === null ? g : g.scaled!(factor, bounds.some((b) => b.order === 0));
    return range && !range.middle.isZero() ? offsetInstance(scaled, range.middle) : scaled;
  }

  /**
   * The range the order-0 bounds on a function give here, [L, H] with L, H exact (an |σ| ≤ c
   * among them as −c ≤ σ ≤ c), as the middle and half-width an instance is fitted to, and the
   * share of it the instance takes: a strict end is moved in by (1 − shrink) of the half-width
   * and the instance spans the rest, so it reaches a non-strict end beside a strict one (f ≡ 1
   * under 0 < f(z) ≤ 1: `f(a) < 1` had been checked); with both ends non-strict it takes the
   * shrink's share around the middle. Throws Skip where an end has no exact value or no
   * function fits.
   */
  private rangeOf(bounds: readonly FunctionBound[], shrink: Rational): { middle: Rational; half: Rational; shrink: Rational } {
    let lo: { v: Rational; strict: boolean } | null = null;
    let hi: { v: Rational; strict: boolean } | null = null;
    const tighter = (cur: { v: Rational; strict: boolean } | null, v: Rational, strict: boolean, up: boolean) => {
      if (!cur) return { v, strict };
      const c = v.cmp(cur.v);
      if (c === 0) return { v, strict: strict || cur.strict };
      return (up ? c < 0 : c > 0) ? { v, strict } : cur;
    };
    for (const b of bounds) {
      if (b.order !== 0) continue;
      let v: Rational | null = null;
      try {
        const x = this.evaluate(exactField, b.bound);
        if (isMat(x)) throw new Skip('a bound on a function that is not a number');
        v = x;
      } catch (e) {
        if (e instanceof Skip || !(e instanceof Signal)) throw e;
      }
      // (An end with no exact value, −1 ≤ f(z) ≤ π: a rational just inside it, so that every
      // instance stays within the range; every point had been skipped, and `f(x) ≥ −1` was
      // unknown. A red team. f on that end exactly is an edge probe's, edges.ts irrationalEnds.)
      if (v === null) {
        const neg: Expr = { kind: 'Neg', arg: b.bound, range: b.bound.range, shape: { kind: 'scalar' } };
        const above = this.exactLowerValue(neg);
        v = b.side === 'lower' ? (above && above.neg()) : this.exactLowerValue(b.bound);
        if (v === null) throw new Skip('an end of a function\'s range has no exact value here');
      }
      if (b.side === 'upper' || !b.side) hi = tighter(hi, v, b.strict, true);
      if (b.side === 'lower') lo = tighter(lo, v, b.strict, false);
      if (!b.side) lo = tighter(lo, v.neg(), b.strict, false);
    }
    if (!lo || !hi) throw new Skip('a function bounded from one side only');
    const width = hi.v.sub(lo.v);
    if (width.sign() < 0 || (width.isZero() && (lo.strict || hi.strict))) throw new Skip('no function meets its range at this point');
    const two = Rational.of(2);
    if (!lo.strict && !hi.strict) return { middle: lo.v.add(hi.v).div(two), half: width.div(two), shrink };
    const s = shrink.cmp(Rational.ONE) < 0 ? shrink : Rational.parse('0.5');
    const inset = width.mul(Rational.ONE.sub(s)).div(two);
    const [L, H] = [lo.strict ? lo.v.add(inset) : lo.v, hi.strict ? hi.v.sub(inset) : hi.v];
    return { middle: L.add(H).div(two), half: H.sub(L).div(two), shrink: Rational.ONE };
  }

  /**
   * Whether every function's `for all` bounds can be met here (|f| ≤ c needs c ≥ 0, a range
   * L ≤ f ≤ H needs L ≤ H), whether or not the step reads the function: `c ≥ 0` under
   * `|f(z)| ≤ c for all z` was refuted at c = −1, where no f exists. Ends with no exact value
   * here are not judged.
   */
  boundsFeasible(): boolean {
    if (this.prep.functionBounds.size === 0 || this.parent) return true;
    // (Judging a bound evaluates it: what that reads is not counted as read by the step.)
    const before = [...this.touched];
    try {
      return this.boundsMet();
    } finally {
      this.touched.clear();
      for (const k of before) this.touched.add(k);
    }
  }

  private boundsMet(): boolean {
    for (const bounds of this.prep.functionBounds.values()) {
      for (const b of bounds) {
        if (b.side) continue;
        let c: Rational;
        try {
          const v = this.evaluate(exactField, b.bound);
          if (isMat(v)) continue;
          c = v;
        } catch (e) {
          // (No exact value here: not judged. A deadline or a fault goes on up.)
          if (e instanceof Signal) continue;
          throw e;
        }
        if (c.sign() < 0 || (c.isZero() && b.strict)) return false;
      }
      if (bounds.some((b) => b.side)) {
        try {
          this.rangeOf(bounds, Rational.ONE);
        } catch (e) {
          if (!(e instanceof Signal)) throw e;
          if (e instanceof Skip && /no function meets/.test(e.message)) return false;
        }
      }
    }
    return true;
  }

  /** An exact value at most the value of a scalar expression here (exact where it can be, else below its enclosure). */
  private exactLowerValue(e: Expr): Rational | null {
    try {
      const v = this.evaluate(exactField, e);
      return isMat(v) ? null : v;
    } catch (err) {
      if (!(err instanceof Inexact)) return null;
    }
    try {
      const v = this.evaluate(intervalField, e);
      if (isMat(v) || !Number.isFinite(v.lo)) return null;
      const lo = v.lo - Math.abs(v.lo) * 1e-9 - 1e-300;
      return Rational.parse(lo.toExponential(15));
    } catch {
      return null;
    }
  }

  /**
   * Whether every integer index is where it may be: 0, 1, 2, … unless an assumption says
   * otherwise (README; the start raised where a family's subscript would go negative, and
   * capped where a falling one would: v_{5−t}), as it is sampled. A search's probe beyond
   * that (n = −2 for n³ ≥ n under `integer n`) is outside.
   */
  private indicesInRange(): boolean {
    const below = (key: string, value: Val<Rational>): boolean => {
      if (isMat(value) || !this.isInteger(key)) return false;
      const floor = this.integerFloor(key);
      if (floor !== null && (value as Rational).cmp(Rational.of(floor)) < 0) return true;
      const ceiling = this.integerCeiling(key);
      return ceiling !== null && (value as Rational).cmp(Rational.of(ceiling)) > 0;
    };
    for (const [key, value] of this.overrides) if (below(key, value)) return false;
    for (const [key, { value }] of this.values) if (below(key, value)) return false;
    // A subscript of several of them (`v_{t−s}`: t ≥ s), where none starts below 0 by an assumption.
    for (const c of this.ctx.indexConstraints ?? []) {
      let sum = Rational.of(c.constant);
      let known = true;
      for (const [key, coef] of c.terms) {
        // (Drawn here where not yet: the point is then drawn again, not evaluated outside.)
        const info = this.ctx.scope.get(key);
        const v = this.overrides.get(key) ?? this.values.get(key)?.value
          ?? (info && info.kind === 'integer' && !info.family ? this.drawFree(key, { kind: 'Var', name: { base: key, index: null, primes: 0, hat: false, range: info.range }, range: info.range }, null, info) : undefined);
        const floor = v === undefined || isMat(v) || !this.isInteger(key) ? null : this.integerFloor(key);
        if (floor === null || floor < 0) {
          known = false;
          break;
        }
        sum = sum.add((v as Rational).mul(Rational.of(coef)));
      }
      if (known && sum.cmp(Rational.of(c.least)) < 0) return false;
    }
    return true;
  }

  /** Whether a drawn value belongs to an integer index (never nudged or simplified). */
  isInteger(key: string): boolean {
    let known = this.prep.integerKeys.get(key);
    if (known === undefined) {
      known = this.ctx.scope.get(key.split('@')[0]!)?.kind === 'integer';
      this.prep.integerKeys.set(key, known);
    }
    return known;
  }

  /**
   * A point with this one's dimensions and functions, and its drawn values mapped by `f`
   * (undefined: draw that one afresh). Definitions are evaluated again in the new point.
   */
  derive(rng: Rng, f: (key: string, value: Val<Rational>) => Val<Rational> | undefined, extra?: readonly [string, Val<Rational>]): Point {
    const overrides = new Map<string, Val<Rational>>();
    const kept = new Set<string>();
    for (const [key, { value }] of this.values) {
      const v = f(key, value);
      if (v !== undefined) overrides.set(key, v);
      if (v === value) kept.add(key);
    }
    // A value put in place but not drawn yet here (a vector solved for, never evaluated at
    // this point) is carried over too, with its enclosure: `assume ‖u‖ = 1, ‖v‖ = 1` lost u.
    for (const [key, value] of this.overrides) {
      if (this.values.has(key)) continue;
      const v = f(key, value);
      if (v !== undefined) overrides.set(key, v);
      if (v === value) kept.add(key);
    }
    if (extra) overrides.set(extra[0], extra[1]);
    const p = new Point(this.prep, rng, this.k, overrides);
    for (const k of this.changed) if (kept.has(k)) p.changed.add(k);
    for (const k of overrides.keys()) if (!kept.has(k)) p.changed.add(k);
    p.deadline = this.deadline;
    // An enclosure stays with a value that was kept as it was.
    for (const [k, e] of this.enclosures) if (kept.has(k)) p.enclosures.set(k, e);
    for (const [k, e] of this.symbolic) if (kept.has(k) && p.enclosures.has(k)) p.symbolic.set(k, e);
    for (const [d, n] of this.dims) p.dims.set(d, n);
    for (const [fn, inst] of this.functions) if (!this.prep.functionBounds.has(fn)) p.functions.set(fn, inst);
    for (const [fn, raw] of this.rawFunctions) p.rawFunctions.set(fn, raw);
    return p;
  }

  /**
   * A copy of this point with one declared function's instance replaced (a search's constant
   * or line), its `for all` bounds met anew by scaling it: onto a non-strict bound, halfway
   * inside a strict one.
   */
  withFunction(key: string, instance: FunctionInstance, rng: Rng = this.rng,
    /** Where in a strict bound to put it (its fraction, below 1; halfway by default). */
    strictShrink: Rational = Rational.parse('0.5')): Point {
    const p = this.derive(rng, (_k, v) => v);
    p.functions.delete(key);
    const bounds = this.prep.functionBounds.get(key) ?? [];
    p.rawFunctions.set(key, { instance, shrinks: bounds.map((b) => (b.strict ? strictShrink : Rational.ONE)) });
    return p;
  }

  /** A copy of this point with one drawn value replaced. */
  replacing(key: string, value: Val<Rational>, rng: Rng = this.rng): Point {
    return this.derive(rng, (k, v) => (k === key ? value : v), [key, value]);
  }

  /** Whether e has a value here for certain, at the first of `levels` that can tell (an enclosure that may hold a pole or a domain edge cannot). */
  certainlyDefined(e: Expr, levels: readonly Field<unknown>[]): boolean {
    for (const F of levels) {
      try {
        this.evaluate(F, e);
        return true;
      } catch (err) {
        if (err instanceof Undefined || err instanceof Unsupported) return false;
        if (!(err instanceof Signal)) throw err;
      }
    }
    return false;
  }

  /**
   * Whether the point satisfies every enforceable assumption, decided exactly or by
   * enclosures; an assumption that cannot be decided here counts as not met. Leniently
   * (while sampling), an equation met to double precision counts as met; strictly (before
   * a counterexample is reported) it must be met exactly or within 10⁻³⁰.
   */
  satisfiesAssumptions(levels: readonly Field<unknown>[], strict = false,
    /** Not by agreement within 10⁻³⁰ either (a point enclosed near an assumption's edge: on which side is what matters). */
    certain = false): boolean {
    // A matrix a search or shrink put in place of a drawn one must still have its tags, and an
    // integer name a whole value (an equation's exact root may be 1/2: red team rt63, 2n = 1 ⇔
    // n = n + 1 was refuted at n = 0.5).
    for (const key of this.changed) {
      const tags = this.prep.tagsByKey.get(key);
      const value = this.overrides.get(key);
      if (value && this.isInteger(key) && (isMat(value) || this.enclosures.has(key) || (value as Rational).d !== 1n)) return false;
      if (!tags || !value) continue;
      for (const tag of tags) if (!this.tagHolds(value, tag, levels)) return false;
    }
    if (!this.indicesInRange()) return false;
    if (!this.boundsFeasible()) return false;
    let unevaluated = false;
    for (const c of this.prep.checks) {
      // (Unless a search put a value in the name's place: the substitution no longer gives it.)
      if (this.prep.byConstruction.has(c) && !this.overridesTarget(c)) {
        if (this.prep.partialSubstitutions.has(c)) {
          if (this.truth(c.formula, levels, !strict) === 'undefined') return false;
          // (Strictly, its right side must have a value for certain: x at 27^(1/3), an enclosure
          // of 3, leaves log(x − 3) perhaps without one, and x > 3 under y = log(x − 3) was
          // refuted there, the place's sides equal by algebra.)
          if (strict && !this.certainlyDefined(this.prep.isolated.get(c)?.rhs ?? (c.formula as Compare).operands[1]!, levels)) return false;
        }
        continue;
      }
      // (An inequality whose sides agree within 10⁻³⁰ is taken again at each higher precision:
      // x ≥ π at a rational 10⁻⁵⁰ below π held by agreement, and (x − π)/(x − π) = 1 ⇔ x > π
      // under x ≥ π was refuted there (red team rt56). Not an equation: a solved point is
      // known only so far.)
      const t = this.truth(c.formula, levels, !strict, certain ? 'reject' : strict && !hasEquation(c.formula));
      // (While sampling, such an assumption is passed over; before a counterexample is
      // reported it is not met: x > 3 under lim_{t→0}(x + t) > 5 was refuted at x = 0. The
      // others are still looked at: one that is false here excludes the point for certain.)
      if (t === 'unsupported') {
        if (strict) unevaluated = true;
        continue;
      }
      if (t !== true) return false;
    }
    // Declared moments are a condition too: E[g²] = ρ needs ρ ≥ E[g]² (rules/expectation.ts).
    if (!momentsConsistent(this)) return false;
    if (unevaluated) this.unevaluatedAssumption = true;
    return !unevaluated;
  }

  /**
   * A simple comparison's truth here (Prepared.simpleComparison), decided on the drawn values
   * exactly, as the exact backend (truth's first level) decides it, without the interpreter:
   * assumptions like `0 < β < 1` and `ε > 0` are asked at every point. Null where it is not
   * one, or a name it reads is held as an enclosure here.
   */
  private simpleTruth(f: Formula): boolean | null {
    const spec = this.prep.simpleComparison(f);
    if (!spec) return null;
    const values: Rational[] = [];
    for (const o of spec.operands) {
      if ('value' in o) {
        values.push(o.value);
        continue;
      }
      if (this.enclosures.has(o.key)) return null;
      const x = this.drawFree(o.key, o.v, null, o.info);
      if (isMat(x)) return null;
      this.touch(o.key);
      values.push(x as Rational);
    }
    return spec.ops.every((op, i) => {
      const c = values[i]!.cmp(values[i + 1]!);
      return op === '<' ? c < 0 : op === '≤' ? c <= 0 : op === '>' ? c > 0 : op === '≥' ? c >= 0 : c !== 0;
    });
  }

  /** Whether this point holds a value of its own for the name a substitution held by construction gives (`c`'s). */
  private overridesTarget(c: Condition): boolean {
    if (this.overrides.size === 0) return false;
    const f = c.formula;
    const lhs = this.prep.isolated.get(c)?.lhs ?? (f.kind === 'Compare' && f.operands[0]!.kind === 'Var' ? f.operands[0] : null);
    return lhs !== null && this.overrides.has(this.prep.keyOfName(lhs.name));
  }

  /**
   * Whether some assumption is certainly false here: decided false (exactly, by disjoint
   * enclosures, or by equal texts at a symbolic point: x < π/2 at x = π/2), not merely
   * undecided or without a value.
   */
  violatesAssumption(levels: readonly Field<unknown>[]): boolean {
    for (const c of this.prep.checks) {
      if (this.prep.byConstruction.has(c) && !this.overridesTarget(c)) continue;
      if (this.truth(c.formula, levels, false, 'reject') === false) return true;
    }
    return false;
  }

  /**
   * An expression with each free drawn scalar replaced by its exact value, printed: equal
   * texts mean equal values. Null when it names anything else (a vector, a definition, a
   * bound index), where the text says nothing.
   */
  exactShape(e: Expr): string | null {
    const form = this.exactForm(e);
    return form && printExpr(form);
  }

  /**
   * Whether two expressions certainly have one value here: the same text once the drawn
   * values are put in (exactShape), or a difference that expands to 0 with π, e, √2 and calls
   * as atoms once constants are the numbers they are (x ≤ 0.25·π at x = π/4, 4x ≤ π,
   * x ≤ π/8 + π/8, cos x ≥ 0 at π/2).
   */
  sameValue(a: Expr, b: Expr): boolean {
    const fa = this.exactForm(a);
    const fb = fa && this.exactForm(b);
    if (!fa || !fb) return false;
    if (printExpr(fa) === printExpr(fb)) return true;
    if (a.shape?.kind === 'matrix' || b.shape?.kind === 'matrix') return false;
    // (Constants as the numbers they are: cos x ≥ 0 holds at x = π/2, cos(π/2) being 0.)
    try {
      // (A quotient by constants too: x ≤ π/2·e/e at π/2.)
      return zeroByExpansion(exactConstants({ kind: 'Binary', op: '-', left: fa, right: fb, range: a.range, shape: { kind: 'scalar' } }));
    } catch {
      return false;
    }
  }

  /** exactShape's expression, before it is printed. */
  private exactForm(e: Expr): Expr | null {
    let ok = true;
    let unfolded = 0;
    const sub = (x: Expr): Expr => {
      if (!ok) return x;
      if (x.kind === 'Var') {
        const found = this.prep.lookup(x);
        // A plain name one definition gives (`define c = π/4`) is its body (x ≤ c at x = π/4).
        // So is a name the one substitution gives (`assume z = π/2`: y ≤ z at y = π/2), unless a search put a value in its place.
        const body = found && !found.index && !x.name.index
          ? this.prep.plainDefinition(found.info.key) ?? (this.overrides.has(found.info.key) ? null : this.prep.onlySubstitution(found.info.key))
          : null;
        if (body) {
          if (++unfolded > 32) {
            ok = false;
            return x;
          }
          return sub(body);
        }
        // An enclosed name is its exact expression where known, else nothing exact.
        if (found && !found.index && this.enclosures.has(found.info.key)) {
          const known = this.symbolic.get(found.info.key);
          if (!known) ok = false;
          return known ?? x;
        }
        const v = found && !found.index && this.values.has(found.info.key) ? this.values.get(found.info.key)!.value : undefined;
        if (v === undefined || isMat(v)) {
          ok = false;
          return x;
        }
        const q = v as Rational;
        const num = (n: bigint): Expr => ({ kind: 'Num', value: (n < 0n ? -n : n).toString(), range: x.range });
        const r: Expr = q.d === 1n ? num(q.n) : { kind: 'Binary', op: '/', left: num(q.n), right: num(q.d), range: x.range };
        return q.n < 0n ? { kind: 'Neg', arg: r, range: x.range } : r;
      }
      return mapChildren(x, sub);
    };
    const out = sub(e);
    return ok ? out : null;
  }

  /** Whether a value certainly has a tag, at the first precision that decides. */
  private tagHolds(value: Val<Rational>, tag: MatrixTag, levels: readonly Field<unknown>[]): boolean {
    for (const F of levels) {
      try {
        const lift = (q: Rational) => F.fromRational(q);
        const r = hasTag(F, isMat(value) ? value.map(lift) : lift(value as Rational), tag);
        if (r === 'holds') return true;
        if (r === 'fails') return false;
      } catch (err) {
        if (!(err instanceof Undecided || err instanceof Inexact || err instanceof Unsupported)) throw err;
      }
    }
    return false;
  }

  /**
   * The truth of a formula here: true/false, `undefined` (a side has no value),
   * `undecided` (no backend could tell), `unsupported` (not evaluated). Tries each
   * backend in turn until one decides.
   */
  truth(f: Formula, levels: readonly Field<unknown>[], lenient = false, confirm: boolean | 'reject' = false): boolean | 'undefined' | 'undecided' | 'unsupported' {
    let last: 'undecided' | 'unsupported' = 'undecided';
    // With `confirm`, a result that rested on a comparison's sides agreeing within 10⁻³⁰
    // (not exact, not disjoint) is taken again at each higher precision: the most precise
    // level that decides has the last word (x = log 2 + 10⁻⁵⁵ at a 10⁻⁹⁰-wide root of
    // e^{2x} = 4 agrees at 50 digits and fails at 110).
    let agreedResult: boolean | null = null;
    this.confirmedAgreement = false;
    if (levels[0] === exactField) {
      const simple = this.simpleTruth(f);
      if (simple !== null) {
        this.agreement = false;
        return simple;
      }
    }
    for (const F of levels) {
      try {
        this.agreement = false;
        const r = this.formulaAt(F, f, lenient);
        // `reject`: a result resting on agreement counts as undecided (no budget left to confirm it).
        if ((r === 'holds' || r === 'fails') && confirm === 'reject' && this.agreement) return 'undecided';
        if ((r === 'holds' || r === 'fails') && confirm && this.agreement && F !== levels[levels.length - 1]) {
          agreedResult = r === 'holds';
          this.confirmedAgreement = true;
          continue;
        }
        if (r === 'holds') return true;
        if (r === 'fails') return false;
      } catch (err) {
        if (agreedResult !== null) return agreedResult;
        if (err instanceof Undefined) return 'undefined';
        if (err instanceof Unsupported) {
          last = 'unsupported';
          break;
        }
        if (!(err instanceof Undecided || err instanceof Inexact)) throw err;
      }
    }
    return agreedResult ?? last;
  }

  /** Set by formulaAt: a comparison held by agreement within 10⁻³⁰ (see truth's `confirm`). */
  private agreement = false;
  /** Whether the last `truth` rested on a comparison's sides agreeing within 10⁻³⁰ (not exact, not disjoint). */
  get restedOnAgreement(): boolean {
    return this.agreement;
  }
  /** Whether the last `truth` with `confirm` went on to higher precisions to confirm an agreement (its cost). */
  confirmedAgreement = false;

  /** A formula's result in one backend (provisional counts as undecided unless `lenient`: statements are confirmed). */
  formulaAt<S>(F: Field<S>, f: Formula, lenient = false): PointResult {
    switch (f.kind) {
      case 'TagFact': return hasTag(F, this.evaluate(F, f.subject), f.tag);
      case 'Logic': {
        if (f.op === '∧' || f.op === '∨') {
          // A part with no value is no solution (log x ≤ 0 at x = −1), but the other part may
          // decide alone: `x ≤ 0 or log x ≤ 0` holds at x = −1, `x > 0 and log x ≤ 0` fails.
          let none: Undefined | null = null;
          const part = (g: Formula): PointResult | 'none' => {
            try {
              return this.formulaAt(F, g, lenient);
            } catch (err) {
              if (!(err instanceof Undefined)) throw err;
              none ??= err;
              return 'none';
            }
          };
          const a = part(f.left);
          const b = part(f.right);
          const decisive = f.op === '∨' ? 'holds' : 'fails';
          if (a === decisive || b === decisive) return decisive;
          // (A part that cannot be told may be the decisive one: undecided, not "no value". On
          // an enclosure of x e^x = 0's root, x = 0 or √(x − 1) ≥ 0 was taken to have no value,
          // and x e^x = 0 ⇒ x = 0 or √(x − 1) ≥ 0 was refuted as losing a solution — rt61.)
          if (a === 'undecided' || b === 'undecided' || a === 'provisional' || b === 'provisional') return 'undecided';
          if (none) throw none;
          return f.op === '∨' ? 'fails' : 'holds';
        }
        const a = this.formulaAt(F, f.left, lenient);
        const b = this.formulaAt(F, f.right, lenient);
        if (a === 'undecided' || b === 'undecided' || a === 'provisional' || b === 'provisional') return 'undecided';
        const ta = a === 'holds';
        const tb = b === 'holds';
        const t = f.op === '⇔' ? ta === tb : f.op === '⇒' ? !ta || tb : f.op === '∧' ? ta && tb : ta || tb;
        return t ? 'holds' : 'fails';
      }
      case 'Compare': {
        const vals = f.operands.map((o) => this.evaluate(F, o));
        const r = combine(f.ops.map((op, i) => {
          const one = decideRelation(F, op, vals[i]!, vals[i + 1]!);
          if (one === 'holds' && holdsByAgreement(F, op, vals[i]!, vals[i + 1]!)) {
            // (Agreement of sides that are one expression is equality, for certain.)
            if (!this.sameValue(f.operands[i]!, f.operands[i + 1]!)) this.agreement = true;
          }
          // Sides that are the same expression once the drawn values are put in (e^x and e^y
          // at x = y = 2) are equal for certain, which no enclosure can show: `<` fails there.
          if (one !== 'undecided' && one !== 'provisional') return one;
          // Sides that share terms, compared without them (both have values here).
          const reduced = withoutShared(this, F, op, f.operands[i]!, f.operands[i + 1]!);
          if (reduced) return reduced;
          // (Sides equal as expressions, for every value of their names, are equal wherever
          // both have values: proved once per step, not at each point by exact expansion —
          // sin(x)/cos(x) = tan(x) ⇔ cos(x) ≠ 0 ran out of time doing that at every probe.)
          if (!identicalSides(this, f.operands[i]!, f.operands[i + 1]!) && !this.sameValue(f.operands[i]!, f.operands[i + 1]!)) return one;
          return op === '=' || op === '≤' || op === '≥' ? 'holds' : op === '→' ? one : 'fails';
        }));
        return r === 'provisional' ? (lenient ? 'holds' : 'undecided') : r;
      }
    }
  }
}

/** Whether a − b expands to 0 with the names free (identicalSides), by step, by the sides' text. */
const identical = new WeakMap<object, Map<string, boolean>>();

/**
 * Whether two scalar sides are equal as expressions, for every value of their names (a − b
 * expands to 0, zeroByExpansion, or the exact identity test says so: sin x/cos x and tan x,
 * a declared function's calls as uninterpreted), remembered for the step's points; where both
 * have values at a point, they are equal there.
 */
function identicalSides(point: Point, a: Expr, b: Expr): boolean {
  if (a.shape?.kind === 'matrix' || b.shape?.kind === 'matrix') return false;
  let known = identical.get(point.prep);
  if (!known) identical.set(point.prep, known = new Map());
  const key = `${printExpr(a)}\u0000${printExpr(b)}`;
  let same = known.get(key);
  if (same === undefined) {
    try {
      const difference = exactConstants({ kind: 'Binary', op: '-', left: a, right: b, range: a.range, shape: { kind: 'scalar' } });
      const ctx = { scope: point.prep.ctx.scope, functions: [], dimensions: point.prep.dimensions };
      same = zeroByExpansion(difference)
        || identityTest(difference, { kind: 'Num', value: '0', range: a.range, shape: { kind: 'scalar' } }, ctx, `identical|${key}`, Math.min(point.deadline, now() + 200)).kind === 'identical';
    } catch {
      same = false;
    }
    known.set(key, same);
  }
  return same;
}

/** One point's evaluation in one backend: the interpreter's host, with a cache of definitions. */
export class Evaluation<S> implements Host<S> {
  private readonly cache = new Map<string, Val<S>>();
  /** What each cached value was computed from, and the computations under way. */
  private readonly deps = new Map<string, Set<string>>();
  private readonly collectors: Set<string>[] = [];
  private depth = 0;

  constructor(
    readonly point: Point,
    readonly field: Field<S>,
    /** Values that replace stored ones (by key): a derivative's dual seed. */
    private readonly seeds: ReadonlyMap<string, Val<S>> = new Map(),
    /** In an extension (dual numbers, jets): how a value of the evaluation it extends is lifted here. */
    private readonly fromRoot: ((x: unknown) => S) | null = null,
    /** In an extension: the evaluation it extends, first of all (its values have no derivative part). */
    private readonly rootEvaluation: Evaluation<unknown> | null = null,
  ) {}

  /**
   * A fresh evaluation of this point over another number system built on this one (dual
   * numbers, jets: rules/derivative.ts) with some values seeded; this one's seeds are lifted along.
   */
  extend<T>(G: Field<T>, lift: (x: S) => T, seeds: ReadonlyMap<string, Val<T>>): Evaluation<T> {
    const all = new Map<string, Val<T>>();
    for (const [k, v] of this.seeds) all.set(k, isMat(v) ? v.map(lift) : lift(v));
    for (const [k, v] of seeds) all.set(k, v);
    const root = this.fromRoot;
    return new Evaluation(this.point, G, all, (x: unknown) => lift(root ? root(x) : (x as S)), this.rootEvaluation ?? (this as Evaluation<unknown>));
  }

  /** An entry of a declared vector written as a name (`z_k`, no family z_t declared): the vector's key, the vector, and the entry (0-based). */
  componentOf(v: Var, env: Env<S>): { readonly key: string; readonly vector: Var; readonly index: number } | null {
    if (!v.name.index || this.point.prep.lookup(v)) return null;
    const vector: Var = { ...v, name: { ...v.name, index: null } };
    const found = this.point.prep.lookup(vector);
    if (!found || found.index || found.info.random || found.info.shape.kind !== 'matrix' || found.info.shape.cols !== 1) return null;
    const at = integerValue(v.name.index, this, env);
    return { key: found.info.key, vector, index: Number(at) - 1 };
  }

  /** The key a name's value is stored under here (`g@0` for g_0). */
  valueKey(v: Var, env: Env<S>): string {
    const found = this.point.prep.lookup(v);
    if (!found) throw new Unsupported(`'${printName(v.name)}' has no declaration here`);
    if (found.info.kind === 'integer' && !found.index) throw new Unsupported(`a derivative in the integer index ${printName(v.name)} is not defined`);
    if (!found.index) return found.info.key;
    const at = integerValue(found.index, this, env);
    const single = at <= BigInt(Number.MAX_SAFE_INTEGER) && at >= 0n ? this.point.prep.singleMember(v, Number(at)) : undefined;
    return single ? single.key : `${found.info.key}@${at}`;
  }

  get deadline(): number {
    return this.point.deadline;
  }

  private get ctx(): Context {
    return this.point.ctx;
  }

  /**
   * Records a dependency of the value being computed, the innermost: each value keeps what it
   * read directly, and what those read is reached through them (touchClosure, forget). Every
   * value under way kept everything beneath it, and u_5000 of u_t = u_{t−1} + 1 took 12 million
   * set entries and ran past its time (red team rt114).
   */
  collect(key: string): void {
    this.collectors[this.collectors.length - 1]?.add(key);
  }

  /**
   * Marks as used what a cached value was computed from, through what those were computed from.
   * A value already marked has had its own marked with it (they are marked as it is computed,
   * or when it is taken from the cache), so the walk stops there.
   */
  private touchClosure(key: string): void {
    const stack = [...(this.deps.get(key) ?? [])];
    while (stack.length > 0) {
      const d = stack.pop()!;
      if (this.point.touched.has(d)) continue;
      this.point.touch(d);
      const next = this.deps.get(d);
      if (next) for (const e of next) stack.push(e);
    }
  }

  /**
   * In a line evaluation (Point.lineEvaluation): the exact value of the seeded scalar, for a
   * divisor whose enclosure holds 0 (exactScalar).
   */
  exactSeed: { readonly key: string; readonly value: () => Rational } | null = null;

  /** Forgets the cached values computed from `key` (its seed is about to change). */
  forget(key: string): void {
    // (Through what each value read directly: those that read `key`, those that read them, …)
    const dependents = new Map<string, string[]>();
    for (const [k, deps] of this.deps) {
      for (const d of deps) {
        const list = dependents.get(d);
        if (list) list.push(k);
        else dependents.set(d, [k]);
      }
    }
    const stack = [key];
    const gone = new Set<string>();
    while (stack.length > 0) {
      for (const k of dependents.get(stack.pop()!) ?? []) {
        if (gone.has(k) || k === key) continue;
        gone.add(k);
        stack.push(k);
      }
    }
    for (const k of gone) {
      this.cache.delete(k);
      this.deps.delete(k);
    }
  }

  evaluate(e: Expr, env?: Env<S>): Val<S> {
    return evaluate(e, this, env);
  }

  dim(d: Dim): number {
    return this.point.dim(d);
  }

  /**
   * A drawn value in this backend: a point, an enclosure (a value known within bounds, entry
   * by entry for a vector or matrix), and for the variable differentiated, a seeded dual of either.
   */
  private lift(v: Val<Rational>, key: string): Val<S> {
    const F = this.field;
    const enclosure = this.point.enclosures.get(key);
    let lifted: Val<S>;
    if (enclosure) {
      if (!F.span) throw new Inexact(`a value known only within bounds cannot be evaluated in ${F.name} arithmetic`);
      const [lo, hi] = enclosure;
      lifted = isMat(lo) && isMat(hi)
        ? new Mat(lo.rows, lo.cols, lo.data.map((x, i) => F.span!(F.fromRational(x), F.fromRational(hi.data[i]!))))
        : F.span(F.fromRational(lo as Rational), F.fromRational(hi as Rational));
    } else {
      lifted = isMat(v) ? v.map((x) => F.fromRational(x)) : F.fromRational(v);
    }
    const seed = this.point.seed;
    if (seed && seed.key === key && seed.field.name === F.name) return (seed.value as (x: Val<S>) => Val<S>)(lifted);
    return lifted;
  }

  maybeInteger(v: Var): boolean {
    const found = this.point.prep.lookup(v);
    return found?.info.kind === 'integer' && !found.index;
  }

  integer(v: Var, _env: Env<S>): bigint {
    const found = this.point.prep.lookup(v);
    if (found?.info.kind !== 'integer' || found.index) throw new Inexact(`${printName(v.name)} is not an integer name`);
    const value = this.point.drawFree(found.info.key, v, null, found.info);
    this.point.touch(found.info.key);
    if (isMat(value) || !value.isInteger()) throw new Undefined(`${printName(v.name)} is not a whole number here`);
    return value.n;
  }

  symbolicZero(e: Expr, env: Env<S>): boolean {
    // (Only at a point whose scalars stand for exact constants, and with nothing bound locally.)
    if (this.point.symbolic.size === 0 || env.values.size > 0 || env.integers.size > 0) return false;
    return this.point.sameValue(e, { kind: 'Num', value: '0', range: e.range, shape: { kind: 'scalar' } });
  }

  exactScalar(v: Var): Rational | null {
    const found = this.point.prep.lookup(v);
    if (!found || found.index) return null;
    const { info } = found;
    const key = info.key;
    if (this.exactSeed?.key === key) return this.exactSeed.value();
    if (info.random || info.kind !== 'scalar' || this.point.enclosures.has(key)) return null;
    // Only a drawn value (or one a search put in place) is the name's value: not a substitution's or a definition's.
    if (!this.point.overrides.has(key)) {
      if (this.point.prep.rules.some((r) => this.point.prep.keyOfName(r.lhs.name) === key)) return null;
      if (this.ctx.defs.some((d) => this.point.prep.keyOfName(d.target) === key)) return null;
    }
    const value = this.point.values.get(key)?.value;
    return value !== undefined && !isMat(value) ? (value as Rational) : null;
  }

  variable(v: Var, env: Env<S>): Val<S> {
    const found = this.point.prep.lookup(v);
    if (!found) throw new Unsupported(`'${printName(v.name)}' has no declaration here`);
    let { info } = found;
    let index: number | null = null;
    if (found.index) {
      const i = integerValue(found.index, this, env);
      if (i > BigInt(Number.MAX_SAFE_INTEGER) || i < -BigInt(Number.MAX_SAFE_INTEGER)) throw new Undefined('a subscript too large');
      index = Number(i);
      const single = this.point.prep.singleMember(v, index);
      if (single) {
        // (Read under its own name: x_0, not the x_{t−1} that reached it.)
        v = { ...v, name: { ...v.name, index: { kind: 'Num', value: String(index), range: v.range, shape: { kind: 'scalar' } } } };
        info = single;
        index = null;
      }
    }
    const key = index === null ? info.key : `${info.key}@${index}`;
    this.point.touch(key);
    const seeded = this.seeds.get(key);
    if (seeded !== undefined) return seeded;
    const cached = this.cache.get(key);
    if (cached !== undefined) {
      // A value computed earlier still depends on what it was computed from.
      this.touchClosure(key);
      if (isMat(cached)) for (const d of this.point.dims.keys()) this.point.touch(`dim:${d}`);
      return cached;
    }
    // A member far along a recurrence (x_1001 of x_t = x_{t−1} + 1) is reached from members
    // WARM_STEP apart, lowest first, each from the one before it in the cache: one chain of
    // calls WARM_STEP deep, not index deep (past MAX_DEPTH: such a member had no value).
    // (Up to MAX_WARMED: past it, as deep as ever: no value, and a probe there finds nothing.)
    if (index !== null && index > WARM_STEP && index <= MAX_WARMED && this.depth < WARM_STEP && recursiveFamily(this.point.prep, info.key)) {
      for (let m = index - Math.floor(index / WARM_STEP) * WARM_STEP || WARM_STEP; m < index; m += WARM_STEP) {
        if (this.cache.has(`${info.key}@${m}`)) continue;
        this.variable({ ...v, name: { ...v.name, index: { kind: 'Num', value: String(m), range: v.range, shape: { kind: 'scalar' } } } }, env);
      }
    }
    if (++this.depth > MAX_DEPTH) {
      this.depth--;
      throw new Unsupported('a definition refers to itself too deeply to evaluate');
    }
    this.checkTime();
    const collected = new Set<string>();
    this.collectors.push(collected);
    try {
      const value = this.resolveValue(v, info, index, key);
      this.cache.set(key, value);
      this.deps.set(key, collected);
      return value;
    } finally {
      this.collectors.pop();
      this.depth--;
    }
  }

  private resolveValue(v: Var, info: SymbolInfo, index: number | null, key: string): Val<S> {
    const forced = this.point.overrides.get(key);
    if (forced) return this.lift(this.point.drawFree(key, v, index, info), key);
    if (info.random && this.point.randomValue) {
      // The random value lives in the expectation's own arithmetic: lifted into an extension.
      const r = this.point.randomValue(this, info, key);
      const up = this.fromRoot;
      return up ? (isMat(r) ? (r as Mat<unknown>).map(up) : up(r)) : r;
    }
    // Equalities among the assumptions act as substitutions.
    for (const rule of this.point.prep.rules) {
      const r = this.point.prep.lookup(rule.lhs);
      if (!r || r.info.key !== info.key) continue;
      if ((r.index === null) !== (index === null)) continue;
      if (r.index !== null && Number(integerValue(r.index, this, { values: new Map(), integers: new Map() })) !== index) continue;
      // An equation solved for this name (x + y = 1 as y = 1 − x) says where the point lies, not
      // that y is a function of x: under a derivative (an extension of this point's evaluation)
      // y is its value there, constant in the derivative's variable, ∂/∂x (x² + y²) = 2x (red
      // team rt85: it was refuted, y taken as 1 − x). A search along x (a line evaluation, no
      // extension) still moves y with x, along the equation's solutions.
      if (this.fromRoot && this.rootEvaluation && this.point.prep.solvedRules.has(rule)) {
        const v = this.rootEvaluation.evaluate(rule.rhs);
        const up = this.fromRoot;
        return isMat(v) ? (v as Mat<unknown>).map(up) : up(v);
      }
      return this.evaluate(rule.rhs);
    }
    // Definitions: the latest that applies wins.
    const defs = this.ctx.defs;
    for (let i = defs.length - 1; i >= 0; i--) {
      const d = defs[i]!;
      if (d.params) continue;
      if (this.point.prep.keyOfName(d.target) !== info.key) continue;
      const target = d.target;
      // A name that is no family member (`u_1` never declared with an index variable) is
      // the definition's target itself when their keys agree, subscript or not.
      if (index === null) return this.asDeclared(info, this.evaluate(d.value));
      if (!target.index) continue;
      const pattern = indexPattern(target.index);
      if (pattern) {
        const t = index - pattern.offset;
        // Before the start (a negative index) only a definition that says so applies
        // (`define u_t = 5 for t ≤ -1`): one with no condition would recur without end there.
        // (A condition that names another integer, `for t ≤ T`, reads T at this point.)
        const truth = d.condition === null ? null : conditionTruth(d.condition, t, pattern.variable, (e) => {
          try {
            return exactValue(e, this, { values: new Map(), integers: new Map() });
          } catch {
            return null;
          }
        });
        const applies = index < 0 || t < 0 ? truth === true : d.condition === null || truth === true;
        if (!applies) continue;
        return this.asDeclared(info, this.evaluate(d.value, { values: new Map(), integers: new Map([[pattern.variable, BigInt(t)]]) }));
      }
      // A literal subscript, negative ones too (`define u_{-1} = 3`).
      if (constantValue(canonicalIndex(target.index))?.equals(Rational.of(index))) return this.asDeclared(info, this.evaluate(d.value));
    }
    return this.lift(this.point.drawFree(key, v, index, info), key);
  }

  /**
   * A definition's value in its name's declared shape: `define v_0 = 0` for a vector v_t is
   * the zero vector (as a scalar 0 it became a matrix in `P v_0`, and `P v_0 + g_1` a shape
   * error). Any other value is as it is.
   */
  private asDeclared(info: SymbolInfo, value: Val<S>): Val<S> {
    const shape = info.shape;
    if (isMat(value) || shape.kind !== 'matrix' || this.field.sign(value) !== 0) return value;
    const rows = this.dim(shape.rows);
    const cols = this.dim(shape.cols);
    return new Mat(rows, cols, new Array<S>(rows * cols).fill(this.field.zero));
  }

  apply(call: Call, args: Val<S>[], _env: Env<S>): Val<S> {
    const key = printName({ ...call.fn, primes: 0 });
    // A user's function definition: evaluate its body.
    for (let i = this.ctx.defs.length - 1; i >= 0; i--) {
      const d = this.ctx.defs[i]!;
      if (!d.params || printName(d.target) !== key) continue;
      if (++this.depth > MAX_DEPTH) {
        this.depth--;
        throw new Unsupported('a function definition refers to itself too deeply');
      }
      this.checkTime();
      try {
        if (call.fn.primes > 0) return definedDerivative(this, d, args, call.fn.primes);
        return this.evaluate(d.value, { values: new Map(d.params.map((p, j) => [printName(p.name), args[j]!])), integers: new Map() });
      } finally {
        this.depth--;
      }
    }
    const info = this.ctx.scope.get(key);
    if (!info?.fn) throw new Unsupported(`'${key}' is not a function here`);
    if (call.fn.primes > 0 && !info.fn.elementwise && call.shape?.kind !== 'matrix') {
      throw new Unsupported(`${key}' is for functions of a scalar; for ${key} of a vector write ∇_x ${key}(x) (its gradient) or ∂/∂x ${key}(x)`);
    }
    const f = this.point.functionInstance(key, info.fn.elementwise);
    const result = info.fn.result;
    const outDim = !info.fn.elementwise && result.kind === 'matrix' ? this.dim(result.rows) : undefined;
    if (result.kind === 'matrix' && !info.fn.elementwise && result.cols !== 1) throw new Unsupported(`'${key}' returns a matrix: not sampled yet`);
    return f.apply(this.field, args, call.fn.primes, outDim);
  }

  private checkTime(): void {
    if (now() > this.point.deadline) throw new Unsupported('the time limit ran out while evaluating the step');
  }

  /** E[·], Var[·] and Cov[·] exactly, by the declared moments (rules/expectation.ts); derivatives and limits are not evaluated yet. */
  special(e: Expr, env: Env<S>): Val<S> {
    if (e.kind === 'Deriv' || e.kind === 'Grad') return derivativeValue(this, e, env);
    if (e.kind === 'Expect') return expectationAt(this, e, env);
    throw new Unsupported('limits are not evaluated yet');
  }
}

export { Mat, nameWalk };
