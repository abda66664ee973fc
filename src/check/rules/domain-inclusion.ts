/**
 * The domain half of a proof of `A = B` (LANGUAGE.md §3, Domains): that B has a value wherever
 * A has one. An identity test, the symbolic engine or a rule proves the sides equal where both
 * have values; that B is not undefined where A is defined was, until now, only searched for
 * (the pole and corner searches), and a search misses a point no grid reaches: `1 = Q/Q` with
 * Q = (x − y)² + (xy − π)², 0 only at x = y = √π, was proved (red team rt88).
 *
 * Here the conditions under which B has a value (`restrictions`, read from the built-ins: a
 * denominator ≠ 0, √u with u ≥ 0, log u with u > 0, tan u with cos u ≠ 0, a fractional power of
 * a base ≥ 0) are each derived, exactly, from what A's having a value implies (the same
 * conditions read off A), from the assumptions, and from signs: a constant's enclosure, squares,
 * √, exp and |·|, sums and products of known signs, the bounds of names under the assumptions
 * (facts.ts `range`), and a polynomial factor of a denominator A has (x − 1 of x² − 1, in its
 * calls as indeterminates: `AtomExpansions`). A scalar of vectors, matrices or moments (uᵀu,
 * tr A, E[·]) is an indeterminate of its own there, with the signs definiteness gives it, and
 * a condition on one holds too where it equals a known condition by the step's own proofs
 * (`equal`). Where a condition cannot be derived, the inclusion is `open` and the step is at
 * most checked; a matrix the right side inverts must be shown invertible alike. Parts not
 * modelled here (sums, limits, families with definitions, functions the file defines) do not
 * hide the conditions around them; where they have conditions of their own, the inclusion is
 * `opaque` and the search alone speaks for it, as before.
 */
import type { Condition, Expr, Formula, Var } from '../../ast.js';
import { impliedTags } from '../tags.js';
import { exprKey, formulaExprs, mapChildren } from '../../ast-walk.js';
import { builtinFunction } from '../../builtins.js';
import { printExpr } from '../../print.js';
import { AtomExpansions } from '../engines/polynomial.js';
import { constantValue, groundEnclosure, groundSign } from '../evaluator/interpret.js';
import { Rational } from '../evaluator/rational.js';
import type { StepProblem } from '../problem.js';
import { affineIn, freeNames, mentions, unfold } from '../rewrite.js';
import { range, ruleContext, type RuleContext } from './facts.js';
import { now } from '../../clock.js';

/** A sign condition on an expression: `pos` > 0, `nonneg` ≥ 0, `nonzero` ≠ 0 (of s·expr, s = ±1). */
type Want = 'pos' | 'nonneg' | 'nonzero';

/** One condition for an expression to have a value: `sign`·`expr` is `want`. */
export interface Restriction {
  readonly expr: Expr;
  readonly want: Want;
  readonly sign: 1 | -1;
}

/** Whether a step's right side has a value wherever its left does. */
export type Inclusion =
  | { readonly kind: 'proved' }
  /** A condition of the right side that nothing derives (the step is at most checked). */
  | { readonly kind: 'open'; readonly restriction: Restriction }
  /** The right side has parts whose conditions are not modelled here. */
  | { readonly kind: 'opaque' };

/** How deep definitions are unfolded (a name defined through others). */
const MAX_UNFOLD = 8;
/** Most sign questions one inclusion asks (each is small; nested sums of products branch). */
const MAX_QUESTIONS = 4000;

const scalar = { kind: 'scalar' } as const;
/** The normalized expansion of a nonzero number (AtomExpansions.normalized). */
const CONSTANT_KEY = '1·';

/**
 * The conditions under which `e` has a value. `necessary`: each holds wherever e has one (for
 * A; parts not modelled give none). Otherwise together they make e have one (for B), where
 * `opaque` is false: a part not modelled sets it (its conditions are not among them); a power
 * with an exponent that is not a number asks for a base > 0, more than needed.
 */
function restrictions(e: Expr, p: StepProblem, necessary: boolean, given: ReadonlySet<string> = new Set()): { readonly conditions: Restriction[]; readonly opaque: boolean; readonly inverted: Expr[] } {
  const out: Restriction[] = [];
  /** The square matrices e inverts (M⁻¹, inv(M), a divisor det(M)): each must be invertible. */
  const inverted: Expr[] = [];
  const unfolding = new Set<string>();
  let opaque = false;
  // (A part not modelled: its own conditions are unknown, the rest are still collected, so a
  // failing condition beside a vector or a ∑ is not hidden by it: vᵀw Q/Q.)
  const stop = (): void => {
    if (!necessary) opaque = true;
  };
  // (Conditions on scalars only, but for a vector ≠ 0: what a matrix needs, invertible, is not modelled.)
  const add = (expr: Expr, want: Want, sign: 1 | -1 = 1): void => {
    if (expr.shape?.kind === 'matrix' && !(necessary && want === 'nonzero')) return stop();
    out.push({ expr, want, sign });
  };
  // (Vectors and matrices are not modelled, but the scalar parts inside them are read: (Q/Q) v
  // needs Q ≠ 0. Evaluation is strict, so every part's conditions are needed.)
  const walk = (x: Expr, depth: number): void => {
    // (A part the left side computes as written has a value wherever the left does.)
    if (given.size > 0 && (x.kind === 'Binary' || x.kind === 'Call') && given.has(printExpr(x))) return;
    // (A matrix expression: sums, products, transposes and whole powers of matrices have values
    // wherever their parts do; an inverse needs its matrix invertible, `inverted`. Red team rt122:
    // 1 = det(AB − BA + I)/det(AB − BA + I) was proved, the search alone speaking for it.)
    if (x.shape?.kind === 'matrix' && !['Var', 'Const', 'Neg', 'Transpose', 'Binary', 'Call'].includes(x.kind)) stop();
    switch (x.kind) {
      case 'Num': return;
      case 'Const': return x.name === 'pi' || x.name === 'e' ? undefined : stop();
      // (A matrix or vector name a definition or a substitution gives is not read here.)
      case 'Var': return x.shape?.kind === 'matrix' ? (definedName(x, p) ? stop() : undefined) : variable(x, depth);
      case 'Neg': case 'Abs': case 'Transpose': return walk(x.arg, depth);
      case 'Norm':
        if (x.arg.shape?.kind === 'matrix' || x.sub) stop();
        return walk(x.arg, depth);
      case 'Binary': {
        walk(x.left, depth);
        if (x.op === '^') return power(x.left, x.right, depth);
        walk(x.right, depth);
        if (x.op === '/') {
          const d = x.right;
          if (d.kind === 'Call' && d.fn.primes === 0 && d.fn.index === null && !d.fn.hat && builtinFunction(d.fn.base)?.evaluate === 'det' && d.args.length === 1 && d.args[0]!.shape?.kind === 'matrix') inverted.push(d.args[0]!);
          else add(d, 'nonzero');
        }
        return;
      }
      case 'Call': return call(x, depth);
      // A derivative has a value only where what it differentiates has one (whether it has one
      // there is not modelled).
      case 'Deriv': case 'Grad':
        stop();
        // (∇_x ‖x‖ has no value at x = 0, where ‖x‖ is not differentiable: x ≠ 0.)
        // (d/dx √(x + 1) at x = −1, where √'s slope is infinite: x + 1 ≠ 0.)
        if (necessary) {
          const at = kinkOf(x.body, x.wrt, p);
          if (at) add(at, 'nonzero');
        }
        return walk(x.body, depth);
      default: return stop();
    }
  };
  const power = (base: Expr, exponent: Expr, depth: number): void => {
    if (base.kind === 'Const' && base.name === 'e') return walk(exponent, depth);
    if (base.shape?.kind === 'matrix') {
      const k = constantValue(exponent);
      if (k && k.isInteger()) {
        walk(base, depth);
        if (k.sign() < 0) inverted.push(base);
        return;
      }
      stop();
      return walk(exponent, depth);
    }
    const q = constantValue(exponent);
    if (q) {
      if (q.isInteger()) {
        if (q.sign() < 0) add(base, 'nonzero');
        return;
      }
      add(base, q.sign() > 0 ? 'nonneg' : 'pos');
      return;
    }
    walk(exponent, depth);
    // A whole number ≥ 0 for every value of its names (`c^t` of an integer t ≥ 0): a power of
    // any base; a whole number of either sign (n ≥ −3): of a base ≠ 0.
    if (wholeNumber(exponent, p)) return;
    if (wholeNumber(exponent, p, true)) {
      if (!necessary) add(base, 'nonzero');
      return;
    }
    // A constant that is not a whole number (log 2, π − 3): a base ≥ 0 (> 0 for one below 0).
    const c = freeNames(exponent).length === 0 ? groundEnclosure(exponent) : null;
    if (c && Math.ceil(c.lo) > c.hi) {
      if (c.lo > 0) return add(base, 'nonneg');
      if (c.hi < 0) return add(base, 'pos');
    }
    // (x^y with y a name: a base > 0 is enough; x < 0 at a whole y also has a value, so
    // nothing is implied.)
    if (!necessary) add(base, 'pos');
  };
  const call = (x: Extract<Expr, { kind: 'Call' }>, depth: number): void => {
    const fn = x.fn;
    const plain = fn.primes === 0 && !fn.hat && fn.index === null;
    const row = plain ? builtinFunction(fn.base) : undefined;
    if (!row) {
      // A function the file defines: its body's conditions are not read here. A declared one
      // (σ) is drawn with a value everywhere.
      if (p.functions.some((d) => d.target.base === fn.base) || fn.index !== null) stop();
      for (const a of x.args) walk(a, depth);
      return;
    }
    for (const a of x.args) walk(a, depth);
    if (x.args.some((a) => a.shape?.kind === 'matrix')) {
      // (det and tr have a value for every square matrix; inv needs it invertible.)
      if (row.evaluate === 'det' || row.evaluate === 'trace') return;
      if (row.evaluate === 'inverse' && x.args.length === 1) return void inverted.push(x.args[0]!);
      return stop();
    }
    const a = x.args[0]!;
    switch (row.evaluate) {
      case 'sqrt': return add(a, 'nonneg');
      case 'log': return add(a, 'pos');
      case 'tan': return add({ kind: 'Call', fn: { ...fn, base: 'cos' }, args: [a], range: x.range, shape: scalar }, 'nonzero');
      case 'sin': case 'cos': case 'exp': case 'tanh': case 'abs': case 'max': case 'min': return;
      default: return stop();
    }
  };
  const variable = (v: Var, depth: number): void => {
    const found = p.prep.lookup(v);
    const info = found?.info;
    if (!info || info.fn) return stop();
    const key = info.key;
    // A substitution among the assumptions (`assume y = 1/x`) holds at every point considered.
    if (p.prep.dimensions.has(key) || p.prep.rules.some((r) => p.prep.keyOfName(r.lhs.name) === key)) return;
    const defined = p.prep.ctx.defs.filter((d) => p.prep.keyOfName(d.target) === key);
    if (defined.length === 0) return v.name.index ? walk(v.name.index, depth) : undefined;
    if (unfolding.has(key) || depth >= MAX_UNFOLD) return stop();
    // A plain name's one definition; a member of a family one definition `v_t = …` gives for
    // every index with no condition (`define m̂_t = m_t/(1 − β^t)`), at the member's index: the member's
    // value is that body's, and it has one where the body does. (Not a conditional definition:
    // `for t ≥ 1` says nothing of the member at 0.)
    const only = defined.length === 1 && !defined[0]!.condition && !defined[0]!.params ? defined[0]! : null;
    // (Its target `v_t` itself: `define v_{t+1} = …` gives v_1, v_2, … only, and v_0 has a value
    // of its own, which the body at t = −1 says nothing of; red team rt98.)
    const family = !only || !v.name.index ? null : p.unfoldings.find((u) => u.def === only && u.indexVar !== null && u.offset === 0);
    const body = p.prep.plainDefinition(key) ?? (family ? unfold(v, [family], p.functions, p.prep.ctx.scope, new Set([family.key])) : null);
    if (!body || body === v) return stop();
    unfolding.add(key);
    walk(body, depth + 1);
    unfolding.delete(key);
  };
  walk(e, 0);
  return { conditions: out, opaque, inverted };
}

/** e with `f`'s replacements (undefined: keep, and look inside), not inside a node that binds a name. */
function mapExpr(e: Expr, f: (x: Expr) => Expr | undefined): Expr {
  const r = f(e);
  if (r) return r;
  if (e.kind === 'BigOp' || e.kind === 'Limit' || e.kind === 'Deriv' || e.kind === 'Grad' || e.kind === 'Expect') return e;
  return mapChildren(e, (child) => mapExpr(child, f));
}

/**
 * Whether an integer name takes values ≥ 0 only: integers are indices, from 0, unless an
 * assumption bounds them below by a negative number or only above (`assume k ≥ −3`, `t < 0`).
 */
function indexName(v: Var, p: StepProblem, signed = false): boolean {
  const info = v.name.index ? undefined : p.prep.lookup(v)?.info;
  if (!info || info.kind !== 'integer' || info.family || info.fn) return false;
  // (A name a definition or a substitution gives a value is that value: `define m = −1`.)
  if (p.prep.ctx.defs.some((d) => p.prep.keyOfName(d.target) === info.key) || p.prep.rules.some((r) => p.prep.keyOfName(r.lhs.name) === info.key)) return false;
  if (signed) return true;
  const iv = p.prep.intervals.get(info.key);
  if (iv?.lo) return iv.lo.sign() >= 0;
  // (An assumption that speaks of it without a plain lower bound may let it go below 0:
  // `−n ≤ 2`, `n² ≤ 4`; red team rt95.)
  return iv?.hi == null && !p.prep.ctx.assumptions.some((c) => formulaExprs(c.formula).some((x) => mentions(x, info.key, p.prep.ctx.scope)));
}

/**
 * Whether e is a whole number ≥ 0 for every value of its names: such numbers and index names
 * under + and ×; `signed`: a whole number of any sign (integer names however bounded, and −).
 */
function wholeNumber(e: Expr, p: StepProblem, signed = false): boolean {
  switch (e.kind) {
    case 'Num': return /^\d+$/.test(e.value);
    case 'Var': return indexName(e, p, signed);
    case 'Neg': return signed && wholeNumber(e.arg, p, signed);
    case 'Binary': return (e.op === '+' || e.op === '*' || (signed && e.op === '-')) && wholeNumber(e.left, p, signed) && wholeNumber(e.right, p, signed);
    default: return false;
  }
}

/**
 * Where a body differentiated in `v` is not differentiable: u = 0 for a sum with one term
 * c·‖v‖, c·|u|, c·√u or c·u^q (0 < q < 1) (c a number ≠ 0; u = v, or u = k·v + m of numbers
 * k ≠ 0 and m for a scalar v), every other term built of names with no definition, numbers,
 * + − ×, whole powers and the built-ins smooth everywhere (of scalars): a kink plus smooth
 * terms is kinked. (√ and a fractional power have no derivative where their argument is 0 and
 * moves, their slope infinite: d/dx √x has no value at x = 0.) Null for any other body.
 */
function kinkOf(body: Expr, v: Var, p: StepProblem): Expr | null {
  const name = printExpr(v);
  const terms: Expr[] = [];
  const split = (x: Expr): void => {
    if (x.kind === 'Neg') return split(x.arg);
    if (x.kind === 'Binary' && (x.op === '+' || x.op === '-')) {
      split(x.left);
      return split(x.right);
    }
    terms.push(x);
  };
  split(body);
  /** u itself where it is v, or k·v + m with k ≠ 0 (of a scalar v). */
  const moving = (u: Expr): Expr | null => {
    if (u.shape?.kind === 'matrix') return printExpr(u) === name ? u : null;
    const a = affineIn(u);
    return a && printExpr(a.v) === name && !a.k.isZero() ? u : null;
  };
  const kink = (x: Expr): Expr | null => {
    if (x.kind === 'Norm' && !x.sub) return printExpr(x.arg) === name ? x.arg : null;
    if (x.kind === 'Abs') return moving(x.arg);
    if (x.kind === 'Call' && x.fn.base === 'sqrt' && x.fn.primes === 0 && !x.fn.hat && x.fn.index === null && x.args.length === 1) {
      return x.args[0]!.shape?.kind === 'matrix' ? null : moving(x.args[0]!);
    }
    if (x.kind === 'Binary' && x.op === '^' && x.left.shape?.kind !== 'matrix') {
      const q = constantValue(x.right);
      return q !== null && q.sign() > 0 && q.cmp(Rational.ONE) < 0 ? moving(x.left) : null;
    }
    if (x.kind === 'Binary' && (x.op === '*' || x.op === '/')) {
      const c = constantValue(x.op === '*' ? x.left : x.right);
      const other = x.op === '*' ? x.right : x.left;
      if (c && !c.isZero()) {
        const k = kink(other);
        if (k) return k;
      }
      const c2 = x.op === '*' ? constantValue(x.right) : null;
      return c2 !== null && !c2.isZero() ? kink(x.left) : null;
    }
    return null;
  };
  // (A name a definition or a substitution gives a value may be anything, |x| too: not smooth.)
  const plain = (x: Var): boolean => {
    const key = p.prep.lookup(x)?.info.key;
    return key !== undefined && !x.name.index && !p.prep.ctx.defs.some((d) => p.prep.keyOfName(d.target) === key) && !p.prep.rules.some((r) => p.prep.keyOfName(r.lhs.name) === key);
  };
  const smooth = (x: Expr): boolean => {
    switch (x.kind) {
      case 'Num': return true;
      case 'Var': return plain(x);
      case 'Const': return x.name === 'pi' || x.name === 'e';
      case 'Neg': case 'Transpose': return smooth(x.arg);
      case 'Binary':
        if (x.op === '/') return false;
        // (e^u as exp u: smooth where u is; red team rt99, d/dx (2|x| + e^x) was only checked.)
        if (x.op === '^' && x.left.kind === 'Const' && x.left.name === 'e') return smooth(x.right);
        if (x.op === '^') return smooth(x.left) && constantValue(x.right)?.isInteger() === true && constantValue(x.right)!.sign() >= 0;
        return smooth(x.left) && smooth(x.right);
      case 'Call': {
        const row = x.fn.primes === 0 && !x.fn.hat && x.fn.index === null ? builtinFunction(x.fn.base) : undefined;
        // (A built-in smooth everywhere: builtins.ts `domain`.)
        return row !== undefined && row.domain === 'smooth' && x.args.every((a) => a.shape?.kind !== 'matrix' && smooth(a));
      }
      default: return false;
    }
  };
  let at: Expr | null = null;
  for (const t of terms) {
    const k = kink(t);
    if (k) {
      if (at) return null;
      at = k;
    } else if (!smooth(t)) return null;
  }
  return at;
}

/** Whether an expression is built of scalars alone, by arithmetic and the scalar built-ins (no E, ∑, vector, matrix, derivative, or function the file defines). */
function scalarsOnly(e: Expr, p: StepProblem): boolean {
  let ok = true;
  const walk = (x: Expr): void => {
    if (!ok) return;
    if (x.shape?.kind === 'matrix') {
      ok = false;
      return;
    }
    switch (x.kind) {
      case 'Num': case 'Var': return;
      case 'Const': ok = x.name === 'pi' || x.name === 'e'; return;
      case 'Neg': case 'Abs': return walk(x.arg);
      case 'Binary': walk(x.left); return walk(x.right);
      case 'Call':
        if (x.fn.index !== null || p.functions.some((d) => d.target.base === x.fn.base)) ok = false;
        else x.args.forEach(walk);
        return;
      default: ok = false;
    }
  };
  walk(e);
  return ok;
}

/** Whether a scalar is ≥ 0 by its form alone (an even power, |·|, ‖·‖, √, exp). */
function nonnegativeForm(e: Expr): boolean {
  if (e.kind === 'Abs' || e.kind === 'Norm') return true;
  if (e.kind === 'Binary' && e.op === '^') {
    if (e.left.kind === 'Const' && e.left.name === 'e') return true;
    const q = constantValue(e.right);
    return q !== null && q.isInteger() && q.n % 2n === 0n;
  }
  if (e.kind === 'Call' && e.fn.primes === 0 && !e.fn.hat && e.fn.index === null) {
    const ev = builtinFunction(e.fn.base)?.evaluate;
    return ev === 'sqrt' || ev === 'exp' || ev === 'abs';
  }
  return false;
}

/**
 * The parts of an expression that have a value wherever it does, printed: every part reached
 * through arithmetic, calls, |·| and derivatives' bodies (not inside ∑, lim or E, which bind names
 * or take values elsewhere).
 */
function computedParts(e: Expr): Set<string> {
  const out = new Set<string>();
  const walk = (x: Expr): void => {
    if (out.size > 2000) return;
    out.add(printExpr(x));
    switch (x.kind) {
      case 'Neg': case 'Abs': case 'Norm': case 'Transpose': return walk(x.arg);
      case 'Binary': walk(x.left); return walk(x.right);
      case 'Call': for (const a of x.args) walk(a); return;
      case 'Deriv': case 'Grad': return walk(x.body);
      default: return;
    }
  };
  walk(e);
  return out;
}

/** The conditions every assumption (not `for all`) states of scalars, as restrictions. */
function assumed(conditions: readonly Condition[]): Restriction[] {
  const out: Restriction[] = [];
  for (const c of conditions) {
    if (c.forAll.length > 0 || c.formula.kind !== 'Compare') continue;
    const f = c.formula;
    for (let i = 0; i < f.ops.length; i++) {
      const a = f.operands[i]!;
      const b = f.operands[i + 1]!;
      const zero = (x: Expr) => constantValue(x)?.isZero() === true;
      // (A vector or matrix ≠ 0, `u ≠ 0`: ‖u‖ > 0 and g u ≠ 0 follow.)
      if (a.shape?.kind === 'matrix' || b.shape?.kind === 'matrix') {
        if (f.ops[i] === '≠' && (zero(a) || zero(b))) out.push({ expr: zero(b) ? a : b, want: 'nonzero', sign: 1 });
        continue;
      }
      // a op b as (b − a) op' 0, written without a 0 where one side is 0.
      const diff: Expr = zero(a) ? b : zero(b) ? a : { kind: 'Binary', op: '-', left: b, right: a, range: f.range, shape: scalar };
      const sign: 1 | -1 = zero(b) ? -1 : 1;
      switch (f.ops[i]) {
        case '<': out.push({ expr: diff, want: 'pos', sign }); break;
        case '≤': out.push({ expr: diff, want: 'nonneg', sign }); break;
        case '>': out.push({ expr: diff, want: 'pos', sign: sign === 1 ? -1 : 1 }); break;
        case '≥': out.push({ expr: diff, want: 'nonneg', sign: sign === 1 ? -1 : 1 }); break;
        case '≠': out.push({ expr: diff, want: 'nonzero', sign: 1 }); break;
        default: break;
      }
    }
  }
  return out;
}

/** Whether a known `have` of s·N gives `want` of t·N (s, t = ±1). */
function gives(have: Want, s: 1 | -1, want: Want, t: 1 | -1): boolean {
  if (want === 'nonzero') return have !== 'nonneg';
  if (s !== t) return false;
  return have === 'pos' || have === want;
}

/** Whether a name is given by a definition or an assumed substitution (its value is an expression). */
function definedName(v: Var, p: StepProblem): boolean {
  const key = p.prep.lookup(v)?.info.key;
  if (key === undefined) return true;
  return p.prep.ctx.defs.some((d) => p.prep.keyOfName(d.target) === key) || p.prep.rules.some((r) => p.prep.keyOfName(r.lhs.name) === key);
}

/** The tags under which a square matrix is invertible. */
const INVERTIBLE_TAGS: ReadonlySet<string> = new Set(['invertible', 'positive definite', 'orthogonal']);

/**
 * Whether the square matrix m is invertible wherever the left side has a value, by: its tags
 * (a name declared invertible, orthogonal or positive definite, or I), an assumption or a
 * cited fact `m invertible` (or positive definite, orthogonal), `det(m) ≠ 0` assumed, or a
 * matrix the left side inverts of which m is a factor (AB invertible: A and B are).
 */
function invertibleWhereLeft(m: Expr, p: StepProblem, leftInverted: readonly Expr[], positive: (e: Expr) => boolean, depth = 0): boolean {
  if (depth > MAX_UNFOLD) return false;
  if (m.kind === 'Const' && m.name === 'I') return true;
  if (m.kind === 'Transpose' || m.kind === 'Neg') return invertibleWhereLeft(m.arg, p, leftInverted, positive, depth + 1);
  // (A product of invertible square matrices; a nonzero number times one; a positive definite sum, AᵀA + I.)
  const square = (x: Expr) => x.shape?.kind === 'matrix' && x.shape.rows === x.shape.cols;
  if (m.kind === 'Binary' && m.op === '*') {
    const lc = m.left.shape?.kind !== 'matrix' ? constantValue(m.left) : null;
    if (lc && !lc.isZero()) return invertibleWhereLeft(m.right, p, leftInverted, positive, depth + 1);
    if (square(m.left) && square(m.right) && invertibleWhereLeft(m.left, p, leftInverted, positive, depth + 1) && invertibleWhereLeft(m.right, p, leftInverted, positive, depth + 1)) return true;
  }
  if (definite(m, p, positive) === 'pd') return true;
  const text = printExpr(m);
  if (m.kind === 'Var') {
    const info = p.prep.lookup(m)?.info;
    if (info && [...impliedTags(info.tags ?? [])].some((t) => INVERTIBLE_TAGS.has(t))) return true;
    // (A name one plain definition gives: its body, `define P = AᵀA + I`.)
    const body = info ? p.prep.plainDefinition(info.key) : null;
    if (body && body !== m && invertibleWhereLeft(body, p, leftInverted, positive, depth + 1)) return true;
  }
  const facts = [...p.prep.ctx.assumptions.filter((c) => c.forAll.length === 0).map((c) => c.formula),
    ...(p.hint?.items ?? []).flatMap((h) => (h.kind === 'fact' ? [h.formula] : []))];
  for (const f of facts.flatMap((g) => conjuncts(g))) {
    if (f.kind === 'TagFact' && INVERTIBLE_TAGS.has(f.tag) && printExpr(f.subject) === text) return true;
    if (f.kind === 'Compare' && f.ops.length === 1 && f.ops[0] === '≠') {
      const [a, b] = f.operands as [Expr, Expr];
      const det = (x: Expr) => x.kind === 'Call' && x.fn.base === 'det' && x.args.length === 1 && printExpr(x.args[0]!) === text;
      if ((det(a) && constantValue(b)?.isZero()) || (det(b) && constantValue(a)?.isZero())) return true;
    }
  }
  // A factor of a square product the left side inverts.
  return leftInverted.some((n) => n.shape?.kind === 'matrix' && squareFactors(n).some((f) => printExpr(f) === text));
}

/** Whether a square matrix expression is positive definite by its form or tags (`definite`, with no scalar signs). */
export function positiveDefinite(m: Expr, p: StepProblem): boolean {
  return definite(m, p, () => false) === 'pd';
}

/**
 * Whether a square matrix expression is positive definite ('pd') or semidefinite ('psd') by its
 * form: XᵀX and XXᵀ are semidefinite (definite where X is tagged invertible), c·I is definite
 * for c > 0, a name tagged positive definite is, and a sum of a definite and semidefinite ones is definite.
 */
function definite(m: Expr, p: StepProblem, positive: (e: Expr) => boolean): 'pd' | 'psd' | null {
  if (m.kind === 'Const' && m.name === 'I') return 'pd';
  if (m.kind === 'Var') {
    const info = p.prep.lookup(m)?.info;
    return info && impliedTags(info.tags ?? []).has('positive definite') ? 'pd' : null;
  }
  if (m.kind !== 'Binary') return null;
  if (m.op === '*') {
    const c = m.left.shape?.kind !== 'matrix' ? constantValue(m.left) : null;
    if (c) return c.sign() > 0 ? definite(m.right, p, positive) : c.isZero() ? 'psd' : null;
    // (A scalar factor the assumptions keep > 0: λ I under λ > 0.)
    if (m.left.shape?.kind !== 'matrix' && positive(m.left)) return definite(m.right, p, positive);
    const gram = (a: Expr, b: Expr) => a.kind === 'Transpose' && printExpr(a.arg) === printExpr(b);
    if (!gram(m.left, m.right) && !gram(m.right, m.left)) return null;
    // (XᵀX and XXᵀ of an invertible X are definite: log det(AᵀA) under A invertible.)
    const x = gram(m.left, m.right) ? m.right : m.left;
    const info = x.kind === 'Var' ? p.prep.lookup(x)?.info : undefined;
    return info && [...impliedTags(info.tags ?? [])].some((t) => INVERTIBLE_TAGS.has(t)) ? 'pd' : 'psd';
  }
  if (m.op === '+') {
    const [a, b] = [definite(m.left, p, positive), definite(m.right, p, positive)];
    if (!a || !b) return null;
    return a === 'pd' || b === 'pd' ? 'pd' : 'psd';
  }
  return null;
}

/** A formula's parts joined by `and`. */
function conjuncts(f: Formula): Formula[] {
  return f.kind === 'Logic' && f.op === '∧' ? [...conjuncts(f.left), ...conjuncts(f.right)] : [f];
}

/** The factors of a product of square matrices (itself where it is none), and of each factor's transpose or inverse. */
function squareFactors(e: Expr): Expr[] {
  const square = (x: Expr) => x.shape?.kind === 'matrix' && x.shape.rows === x.shape.cols;
  if (e.kind === 'Binary' && e.op === '*' && square(e.left) && square(e.right)) return [e, ...squareFactors(e.left), ...squareFactors(e.right)];
  if (e.kind === 'Transpose' || e.kind === 'Neg') return [e, ...squareFactors(e.arg)];
  return [e];
}

/**
 * Whether `right` has a value wherever `left` does, under the step's assumptions (see the
 * file's comment). `deadline` bounds the bounds of names (facts.ts); the rest is small.
 */
export function domainInclusion(p: StepProblem, left: Expr, right: Expr, deadline: number,
  /**
   * Whether two scalars are equal wherever both have values, by the step's own proof methods
   * (step.ts's certify): a condition on vectors, matrices or moments the signs here do not
   * model holds where it is a known condition's expression, or its square, written otherwise.
   */
  equal?: (a: Expr, b: Expr) => boolean): Inclusion {
  const { conditions: needed, opaque, inverted } = restrictions(right, p, false, computedParts(left));
  // (Each matrix the right side inverts, invertible wherever the left side has a value, or the
  // step is at most checked.)
  if (inverted.length > 0) {
    const { conditions: leftNeeds, inverted: leftInverted } = restrictions(left, p, true);
    const prover = new SignProver(p, [...leftNeeds, ...assumed(p.prep.ctx.assumptions)], deadline);
    const positive = (e: Expr): boolean => scalarsOnly(e, p) && prover.holds(e, 'pos', 1);
    for (const m of inverted) {
      if (!invertibleWhereLeft(m, p, leftInverted, positive)) return { kind: 'open', restriction: { expr: m, want: 'nonzero', sign: 1 } };
    }
  }
  if (needed.length > 0) {
    const known = [...restrictions(left, p, true).conditions, ...assumed(p.prep.ctx.assumptions)];
    for (const r of p.prep.rules) {
      if (r.rhs.shape?.kind !== 'matrix') known.push(...restrictions(r.rhs, p, true).conditions);
    }
    const prover = new SignProver(p, known, deadline);
    for (const r of needed) {
      if (prover.holds(r.expr, r.want, r.sign)) continue;
      // A condition on a part the signs here do not model (E[(uᵀx)²] > 0, ‖w‖² ≠ 0 of a
      // vector) holds where it is a known condition written otherwise: Var[y] > 0 on the left,
      // g ≠ 0 assumed with ‖w‖² = g². Otherwise it is open like any other, and the step at most
      // checked: it was left to the search, which never reaches the zeros of a sum of squares
      // ((tr A − 1)² + (det A − 1)² at A = [[0, −1], [1, 1]]) or of 5 tr(Q) − 6 for an orthogonal
      // Q, and 1 = D/D was proved for each (red team rt124).
      if (!scalarsOnly(r.expr, p) && equal && equalToKnown(r, known, equal, deadline)) continue;
      return { kind: 'open', restriction: r };
    }
  }
  return opaque ? { kind: 'opaque' } : { kind: 'proved' };
}

/** Most equalities tried for one condition (each is a proof attempt). */
const MAX_EQUALITIES = 8;

/**
 * Whether `r` holds because its expression equals a known condition's (with the sign that
 * condition has), or that expression's square where `r` asks no more than a square gives of a
 * nonzero (≠ 0, > 0) or of anything (≥ 0).
 */
function equalToKnown(r: Restriction, known: readonly Restriction[], equal: (a: Expr, b: Expr) => boolean, deadline: number): boolean {
  const signed = (x: Restriction): Expr => (x.sign === 1 ? x.expr : { kind: 'Neg', arg: x.expr, range: x.expr.range, shape: scalar });
  const square = (x: Expr): Expr => ({ kind: 'Binary', op: '^', left: x, right: { kind: 'Num', value: '2', range: x.range, shape: scalar }, range: x.range, shape: scalar });
  const target = r.want === 'nonzero' ? r.expr : signed(r);
  let tries = 0;
  for (const k of known) {
    if (k.expr.shape?.kind === 'matrix' || tries >= MAX_EQUALITIES || now() > deadline) continue;
    // (k's own sign: > 0 gives > 0, ≥ 0 and ≠ 0 of the same expression; ≥ 0 only ≥ 0; ≠ 0 only ≠ 0.)
    const same = r.want === 'nonzero' ? k.want !== 'nonneg' : r.want === 'pos' ? k.want === 'pos' : k.want !== 'nonzero';
    if (same) {
      tries++;
      if (equal(target, r.want === 'nonzero' ? k.expr : signed(k))) return true;
    }
    // (A square of a nonzero is > 0, of anything ≥ 0.)
    if ((k.want !== 'nonneg' || r.want === 'nonneg') && !(r.want === 'nonzero' && k.want === 'nonneg')) {
      tries++;
      if (equal(target, square(k.expr))) return true;
    }
  }
  return false;
}

/** The words of a restriction (`(x − y)² + (x y − π)² ≠ 0`), for messages. */
export function restrictionText(r: Restriction): string {
  if (r.expr.shape?.kind === 'matrix') return `${printExpr(r.expr)} is invertible`;
  const rel = r.want === 'nonzero' ? '≠' : r.sign === 1 ? (r.want === 'pos' ? '>' : '≥') : r.want === 'pos' ? '<' : '≤';
  return `${printExpr(r.expr)} ${rel} 0`;
}

/** Exact reasoning about the signs of scalar expressions from known restrictions. */
class SignProver {
  private readonly atoms = new AtomExpansions();
  /** Known conditions by the key of their expression's normalized expansion (or its text). */
  private readonly byKey = new Map<string, { want: Want; sign: 1 | -1 }[]>();
  /** Known conditions that imply ≠ 0, for division of polynomials. */
  private readonly nonzero: Expr[] = [];
  /** Known signs (≥ 0, > 0), for a difference by a constant (x > e^(−1000) gives x > 0). */
  private readonly signed: Restriction[] = [];
  private rc: RuleContext | null = null;
  private questions = 0;
  private readonly memo = new Map<Expr, Map<string, boolean>>();

  constructor(private readonly p: StepProblem, known: readonly Restriction[], private readonly deadline: number) {
    for (const r of known) this.learn(r.expr, r.want, r.sign, 0);
  }

  private readonly plain = new Map<Expr, Expr>();

  /**
   * e with each name a plain definition or the one substitution among the assumptions gives
   * replaced by its value (`define c = x − 1`: c > 0 speaks of x − 1), as deep as MAX_UNFOLD.
   */
  private unfolded(e: Expr, depth = 0): Expr {
    const done = this.plain.get(e);
    if (done) return done;
    const prep = this.p.prep;
    const out = depth >= MAX_UNFOLD ? e : mapExpr(e, (x) => {
      if (x.kind !== 'Var' || x.name.index) return undefined;
      const info = prep.lookup(x)?.info;
      if (!info || info.fn || info.shape.kind !== 'scalar') return undefined;
      const body = prep.onlySubstitution(info.key) ?? prep.plainDefinition(info.key);
      return body && body.shape?.kind !== 'matrix' ? this.unfolded(body, depth + 1) : undefined;
    });
    this.plain.set(e, out);
    return out;
  }

  /** The key of an expression: its normalized expansion, or its text, and the sign that takes it there. */
  private keyOf(e: Expr): { key: string; sign: -1 | 0 | 1 } {
    e = this.unfolded(e);
    const n = this.atoms.normalized(e);
    return n ?? { key: `≡${printExpr(e)}`, sign: 1 };
  }

  /** Records sign·e `want`, and what it gives its parts (a product ≠ 0: each factor ≠ 0). */
  private learn(e: Expr, want: Want, sign: 1 | -1, depth: number): void {
    const k = this.keyOf(e);
    if (k.sign === 0) return;
    const list = this.byKey.get(k.key) ?? [];
    list.push({ want, sign: (sign * k.sign) as 1 | -1 });
    this.byKey.set(k.key, list);
    if (want !== 'nonzero') this.signed.push({ expr: this.unfolded(e), want, sign });
    if (want === 'nonneg' || depth > 6) return;
    this.nonzero.push(e);
    const part = (x: Expr, w: Want = 'nonzero', t: 1 | -1 = 1): void => this.learn(x, w, t, depth + 1);
    if (e.kind === 'Neg') part(e.arg, want, sign === 1 ? -1 : 1);
    if (e.kind === 'Abs' || e.kind === 'Norm') part(e.arg);
    if (e.kind === 'Call' && e.args.length === 1 && e.fn.primes === 0 && !e.fn.hat && e.fn.index === null) {
      const ev = builtinFunction(e.fn.base)?.evaluate;
      // (√u ≠ 0 where √u has a value: u > 0.)
      if (ev === 'sqrt') part(e.args[0]!, 'pos');
      if (ev === 'abs') part(e.args[0]!);
    }
    if (e.kind === 'Binary' && (e.op === '*' || e.op === '/')) {
      part(e.left);
      if (e.op === '*') part(e.right);
      // A product > 0 with a factor ≥ 0 by its form, or a positive number: the other factor
      // has the product's sign (x² y > 0: y > 0; 1/x > 0: x > 0).
      if (want === 'pos') {
        const positive = (x: Expr): boolean => nonnegativeForm(x) || (constantValue(x)?.sign() ?? 0) > 0;
        if (positive(e.left)) part(e.right, 'pos', sign);
        if (positive(e.right)) part(e.left, 'pos', sign);
      }
    }
    if (e.kind === 'Binary' && e.op === '^') {
      const q = constantValue(e.right);
      if (q && q.sign() > 0) part(e.left);
      // (An odd power has its base's sign: x³ > 0 gives x > 0.)
      if (want === 'pos' && q && q.isInteger() && q.n % 2n === 1n) part(e.left, 'pos', sign);
    }
  }

  /** Whether sign·e is `want` wherever the known conditions hold and e has a value. */
  holds(e: Expr, want: Want, sign: 1 | -1): boolean {
    const tag = `${want}${sign}`;
    let seen = this.memo.get(e);
    const before = seen?.get(tag);
    if (before !== undefined) return before;
    if (!seen) this.memo.set(e, (seen = new Map()));
    // (A question under way is not yet known: cycles answer no.)
    seen.set(tag, false);
    const answer = ++this.questions <= MAX_QUESTIONS && this.decide(e, want, sign);
    seen.set(tag, answer);
    return answer;
  }

  private decide(e: Expr, want: Want, s: 1 | -1): boolean {
    const c = this.constantSign(e);
    if (c !== undefined) return c !== null && (want === 'nonzero' ? c !== 0 : want === 'pos' ? c * s > 0 : c * s >= 0);
    if (this.known(e, want, s)) return true;
    if (want === 'nonzero') {
      if (this.holds(e, 'pos', 1) || this.holds(e, 'pos', -1) || this.nonzeroBy(e)) return true;
    } else {
      if (this.structural(e, want, s) || this.bounded(e, want, s) || this.offset(e, want, s)) return true;
      // (≥ 0 and ≠ 0: > 0.)
      if (want === 'pos' && this.holds(e, 'nonneg', s) && (this.known(e, 'nonzero', 1) || this.nonzeroBy(e))) return true;
    }
    // A name a definition or a substitution gives a value: that value (define c = x² + 1).
    const body = this.unfolded(e);
    return body !== e && this.holds(body, want, s);
  }

  /** Whether a known condition gives it (by the normalized expansion), or its expansion is a number of that sign. */
  private known(e: Expr, want: Want, s: 1 | -1): boolean {
    const k = this.keyOf(e);
    // (An expansion that is a number: x² + 1 − x² is 1.)
    if (k.key === CONSTANT_KEY) return want === 'nonzero' || k.sign * s > 0;
    return k.sign !== 0 && (this.byKey.get(k.key) ?? []).some((h) => gives(h.want, h.sign, want, (s * k.sign) as 1 | -1));
  }

  /**
   * Whether e ≠ 0 by its form, without its sign: a product of factors ≠ 0, a polynomial factor
   * of something known ≠ 0 (x − 1 of x² − 1), or √A ± B where A − B² ≠ 0 (if √A = ∓B then A = B²).
   */
  private nonzeroBy(e: Expr): boolean {
    if (this.structural(e, 'nonzero', 1) || this.atoms.neverZero(e)) return true;
    if (this.nonzero.some((h) => this.atoms.divides(e, h)) || this.atoms.productOf(e, this.nonzero)) return true;
    if (e.kind === 'Binary' && (e.op === '+' || e.op === '-')) {
      for (const [root, other] of [[e.left, e.right], [e.right, e.left]] as const) {
        const isRoot = root.kind === 'Call' && root.args.length === 1 && root.fn.primes === 0 && !root.fn.hat && root.fn.index === null && builtinFunction(root.fn.base)?.evaluate === 'sqrt';
        if (!isRoot) continue;
        const a = (root as Extract<Expr, { kind: 'Call' }>).args[0]!;
        const squared: Expr = { kind: 'Binary', op: '^', left: other, right: { kind: 'Num', value: '2', range: e.range, shape: scalar }, range: e.range, shape: scalar };
        const gap: Expr = { kind: 'Binary', op: '-', left: a, right: squared, range: e.range, shape: scalar };
        if (this.holds(gap, 'nonzero', 1)) return true;
      }
    }
    return false;
  }

  /** The sign of a constant (null: not certain), or undefined where e has names. */
  private constantSign(e: Expr): -1 | 0 | 1 | null | undefined {
    if (freeNames(e).length > 0) return undefined;
    const q = constantValue(e);
    return q ? (q.sign() as -1 | 0 | 1) : groundSign(e);
  }

  /** By the form of e: the signs of its parts. */
  private structural(e: Expr, want: Want, s: 1 | -1): boolean {
    const h = (x: Expr, w: Want, t: 1 | -1): boolean => this.holds(x, w, t);
    const neg = (t: 1 | -1): 1 | -1 => (t === 1 ? -1 : 1);
    switch (e.kind) {
      case 'Neg': return h(e.arg, want, neg(s));
      case 'Abs': case 'Norm':
        return s === 1 && (want === 'nonneg' || h(e.arg, 'nonzero', 1));
      case 'Binary': {
        const { left: a, right: b } = e;
        if (e.op === '+' || e.op === '-') {
          const tb = e.op === '+' ? s : neg(s);
          if (want === 'nonneg') return h(a, 'nonneg', s) && h(b, 'nonneg', tb);
          if (want === 'pos') return (h(a, 'pos', s) && h(b, 'nonneg', tb)) || (h(a, 'nonneg', s) && h(b, 'pos', tb));
          return false;
        }
        if (e.op === '*' || e.op === '/') {
          // uᵀu = ‖u‖² for a vector u: ≥ 0, and > 0 where u ≠ 0.
          if (e.op === '*' && a.kind === 'Transpose' && b.shape?.kind === 'matrix' && printExpr(a.arg) === printExpr(b) && e.shape?.kind !== 'matrix') {
            return s === 1 && (want === 'nonneg' || h(b, 'nonzero', 1));
          }
          // uᵀ M u for a semidefinite M: ≥ 0; for a definite one, > 0 where u ≠ 0.
          if (e.op === '*' && e.shape?.kind !== 'matrix' && a.kind === 'Binary' && a.op === '*' && a.left.kind === 'Transpose' && exprKey(a.left.arg) === exprKey(b)) {
            const kind = definite(a.right, this.p, (x) => scalarsOnly(x, this.p) && h(x, 'pos', 1));
            if (s === 1 && kind && (want === 'nonneg' || (kind === 'pd' && h(b, 'nonzero', 1)))) return true;
          }
          // (Products of vectors and matrices have zero divisors: A u may be 0 with A, u ≠ 0.)
          if (a.shape?.kind === 'matrix' && b.shape?.kind === 'matrix') return false;
          // (A quotient's denominator is ≠ 0 wherever it has a value.)
          const bw: Want = e.op === '/' && want === 'nonzero' ? 'nonzero' : want;
          if (want === 'nonzero') return h(a, 'nonzero', 1) && (e.op === '/' || h(b, bw, 1));
          return (h(a, want, 1) && h(b, want, s)) || (h(a, want, -1) && h(b, want, neg(s)));
        }
        if (e.op === '^') {
          if (a.kind === 'Const' && a.name === 'e') return s === 1;
          const q = constantValue(b);
          if (q && q.isInteger()) {
            const even = q.n % 2n === 0n;
            // (A negative power has a value only where the base is ≠ 0.)
            if (want === 'nonzero') return q.sign() < 0 || h(a, 'nonzero', 1);
            if (even) return s === 1 && (want === 'nonneg' || q.sign() < 0 || h(a, 'nonzero', 1));
            return h(a, want, s);
          }
          // A power that is not whole: of a base ≥ 0 (> 0 where the exponent is not a number).
          if (s !== 1) return false;
          if (want === 'nonneg' && q) return true;
          return h(a, 'pos', 1);
        }
        return false;
      }
      // E of something ≥ 0 is ≥ 0; a variance is ≥ 0.
      case 'Expect':
        return s === 1 && want === 'nonneg' && (e.op === 'Var' || (e.op === 'E' && e.arg.shape?.kind !== 'matrix' && h(e.arg, 'nonneg', 1)));
      case 'Var': {
        // Integers are indices (0, 1, 2, …) and a dimension is a size (1, 2, …).
        const info = e.name.index ? undefined : this.p.prep.lookup(e)?.info;
        if (!info || s !== 1) return false;
        if (this.p.prep.dimensions.has(info.key)) return true;
        return want === 'nonneg' && indexName(e, this.p);
      }
      case 'Call': {
        const fn = e.fn;
        const row = fn.primes === 0 && !fn.hat && fn.index === null ? builtinFunction(fn.base) : undefined;
        const a = e.args[0];
        if (!row || !a || e.args.length !== 1) return false;
        switch (row.evaluate) {
          case 'exp': return s === 1;
          // log u has the sign of u − 1 (where u > 0, which its own condition asks).
          case 'log': {
            const gap: Expr = { kind: 'Binary', op: '-', left: a, right: { kind: 'Num', value: '1', range: e.range, shape: scalar }, range: e.range, shape: scalar };
            return h(gap, want, s);
          }
          case 'sqrt': return s === 1 && (want === 'nonneg' || h(a, 'pos', 1));
          case 'abs': return s === 1 && (want === 'nonneg' || h(a, 'nonzero', 1));
          case 'tanh': return h(a, want, s);
          // The trace and determinant of a positive definite matrix are > 0, of a semidefinite
          // one ≥ 0 (H tagged positive definite, AᵀA + I, XᵀX); tr(XᵀX) = ‖X‖_F² is > 0 where X ≠ 0.
          case 'trace': case 'det': {
            if (s !== 1) return false;
            const kind = definite(a, this.p, (x) => scalarsOnly(x, this.p) && h(x, 'pos', 1));
            if (kind === 'pd' || (kind === 'psd' && want === 'nonneg')) return true;
            if (row.evaluate !== 'trace' || a.kind !== 'Binary' || a.op !== '*') return false;
            const gram = a.left.kind === 'Transpose' && exprKey(a.left.arg) === exprKey(a.right) ? a.right
              : a.right.kind === 'Transpose' && exprKey(a.right.arg) === exprKey(a.left) ? a.left : null;
            return gram !== null && (want === 'nonneg' || h(gram, 'nonzero', 1));
          }
          default: return false;
        }
      }
      default: return false;
    }
  }

  /** By a known sign and a constant difference: s·e = t·h + c with t·h ≥ 0 (or > 0) and c ≥ 0 (or > 0). */
  private offset(e: Expr, want: Want, s: 1 | -1): boolean {
    const signed = (x: Expr, t: 1 | -1): Expr => (t === 1 ? x : { kind: 'Neg', arg: x, range: x.range, shape: scalar });
    const mine = signed(this.unfolded(e), s);
    for (const h of this.signed) {
      // (s·e = c·h + gap, c > 0 a number: x = (2x − 1)/2 + 1/2 under 2x − 1 > 0.)
      const scaled = this.atoms.scaledGap(mine, signed(h.expr, h.sign));
      const gap = scaled && groundEnclosure(scaled.gap);
      if (!gap) continue;
      if (gap.lo > 0 || (gap.lo >= 0 && (h.want === 'pos' || want === 'nonneg'))) return true;
    }
    return false;
  }

  /** By the bounds of its terms under the assumptions (facts.ts `range`: exact). */
  private bounded(e: Expr, want: Want, s: 1 | -1): boolean {
    if (now() > this.deadline) return false;
    this.rc ??= ruleContext(this.p, this.deadline);
    let r: ReturnType<typeof range>;
    try {
      r = range(e, this.rc);
    } catch {
      return false;
    }
    if (s === 1) return r.lo !== null && (r.lo.sign() > 0 || (want === 'nonneg' && r.lo.sign() === 0) || (r.lo.sign() === 0 && r.loStrict));
    return r.hi !== null && (r.hi.sign() < 0 || (want === 'nonneg' && r.hi.sign() === 0) || (r.hi.sign() === 0 && r.hiStrict));
  }
}
