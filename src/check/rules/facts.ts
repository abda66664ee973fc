import type { Compare, Condition, Define, Deriv, Expr, Formula, Range as SourceRange, RelOp, Shape, Var } from '../../ast.js';
import { bindersOf, formulaExprs, freeNames, mapChildren } from '../../ast-walk.js';
import type { Scope } from '../../types/scope.js';
import { printExpr, printFormula, printName } from '../../print.js';
import { isBuiltinFunctionName } from '../../builtins.js';
import { identityTest } from '../engines/identity-test.js';
import { Rational } from '../evaluator/rational.js';
import type { StepProblem } from '../problem.js';
import { affineIn, substitute, unfold, visit } from '../rewrite.js';
import { impliedTags } from '../tags.js';
import { constantValue } from '../evaluator/interpret.js';
import { derivativeExpression, type CalculusContext } from './matrix-calculus.js';
import { now } from '../../clock.js';

/**
 * What the named rules know about a step's context: its assumptions as facts `a ≤ b`,
 * its `for all z` assumptions as patterns, signs and bounds of expressions under the
 * assumptions, and when two expressions are the same (printed alike, or equal by the exact
 * identity test). Everything here is exact: no number decides but rationals.
 */

/** `lhs ≤ rhs` (strict: `<`) from an assumption, written as it was. */
export interface Fact { readonly lhs: Expr; readonly rhs: Expr; readonly strict: boolean; readonly text: string }

/** `|σ'(z)| ≤ γ for all z`: a fact for every value of its variables (`integers`: those declared integers, which stand for integers only). */
export interface ForAllFact extends Fact { readonly vars: ReadonlySet<string>; readonly integers: ReadonlySet<string>; readonly equation?: boolean }

/** What a rule may use about one step. */
export interface RuleContext {
  readonly problem: StepProblem;
  readonly facts: readonly Fact[];
  readonly forAll: readonly ForAllFact[];
  /** Absolute time after which rules give up. */
  readonly deadline: number;
  /**
   * The instances of `for all` facts the rules used (`f(1) ≥ 1`), for the cross-check: it
   * samples only points that meet them (those the assumptions allow), so a proof that leans on
   * them is still tested. Every instance a rule looked up counts: each is implied by an assumption.
   */
  readonly instances: Formula[];
}

const FLIP: Partial<Record<RelOp, RelOp>> = { '≥': '≤', '>': '<' };

function factsOf(f: Formula, out: Fact[], vars: { names: ReadonlySet<string>; integers: ReadonlySet<string> } | null, forAll: ForAllFact[]): void {
  if (f.kind !== 'Compare') return;
  for (let i = 0; i < f.ops.length; i++) {
    let op = f.ops[i]!;
    let a = f.operands[i]!;
    let b = f.operands[i + 1]!;
    if (FLIP[op]) {
      [a, b] = [b, a];
      op = FLIP[op]!;
    }
    const text = printFormula({ kind: 'Compare', operands: [a, b], ops: [op], range: f.range });
    const push = (lhs: Expr, rhs: Expr, strict: boolean) => {
      if (vars) forAll.push({ lhs, rhs, strict, text, vars: vars.names, integers: vars.integers, ...(op === '=' ? { equation: true } : {}) });
      else out.push({ lhs, rhs, strict, text });
    };
    if (op === '≤' || op === '<') push(a, b, op === '<');
    else if (op === '=') {
      push(a, b, false);
      push(b, a, false);
    }
  }
}

/** A comparison (chain) as facts `lhs ≤ rhs` or `lhs < rhs`, an equation as both ways (`≥`, `>` flipped; `≠` none). */
export function comparisonFacts(f: Formula): Fact[] {
  const out: Fact[] = [];
  factsOf(f, out, null, []);
  return out;
}

/**
 * a ≤ b (a < b with `strict`) from one assumption and a comparison of numbers: the number a at
 * most an assumption's lower end on b (1 ≤ 2 ≤ a), or an assumption's upper end on a at most
 * the number b (a ≤ −1 ≤ 0); strictly where the comparison or the assumption is (a > 1 under
 * a ≥ 2). The proof's text, or null.
 */
export function numericBound(a: Expr, b: Expr, rc: RuleContext, strict: boolean): string | null {
  const av = constantValue(a);
  const bv = constantValue(b);
  if (!av && !bv) return null;
  const rel = (c: number): string => (strict && c < 0 ? '<' : '≤');
  for (const f of rc.facts) {
    const q = av && same(f.rhs, b, rc) ? constantValue(f.lhs) : null;
    const cq = q ? av!.cmp(q) : 1;
    if (cq < 0 || (cq === 0 && (!strict || f.strict))) return `assumption ${f.text}, and ${printExpr(a)} ${rel(cq)} ${printExpr(f.lhs)}`;
    const r = bv && same(f.lhs, a, rc) ? constantValue(f.rhs) : null;
    const cr = r ? r.cmp(bv!) : 1;
    if (cr < 0 || (cr === 0 && (!strict || f.strict))) return `assumption ${f.text}, and ${printExpr(f.rhs)} ${rel(cr)} ${printExpr(b)}`;
  }
  return null;
}

/** The facts of a step's context (assumptions; `for all` ones as patterns). */
export function ruleContext(p: StepProblem, deadline: number): RuleContext {
  const facts: Fact[] = [];
  const forAll: ForAllFact[] = [];
  const scope = p.prep.ctx.scope;
  const together = forAllEquations(p.prep.ctx.assumptions, scope, p.functions).contradictory;
  for (const c of p.prep.ctx.assumptions) {
    if (c.forAll.length > 0 && (together || contradictsItself(c))) continue;
    factsOf(c.formula, facts, c.forAll.length > 0 ? { names: new Set(c.forAll.map((v) => printName(v.name))), integers: integerVariables(c, scope) } : null, forAll);
  }
  return { problem: p, facts, forAll, deadline, instances: [] };
}

/** `lhs ≤ rhs` (`<` when strict) as a statement, for `RuleContext.instances`. */
function comparison(lhs: Expr, rhs: Expr, strict: boolean): Formula {
  return { kind: 'Compare', operands: [lhs, rhs], ops: [strict ? '<' : '≤'], range: lhs.range };
}

/** The `for all` variables of a condition that are declared integers (`integer n`, `… for all n`). */
function integerVariables(c: Condition, scope: Scope): ReadonlySet<string> {
  return new Set(c.forAll.filter((v) => scope.lookup(v.name)?.info.kind === 'integer').map((v) => printName(v.name)));
}

/**
 * Whether `e` is one of the values an integer name takes, 0, 1, 2, … (LANGUAGE.md: integers
 * are indices), for every value of its names: whole numbers and names declared integers under
 * + and ×. (Not n − 1: at n = 0 it is −1, which `f(n) = 0 for all n` says nothing of.)
 */
function integerValued(e: Expr, scope: Scope): boolean {
  switch (e.kind) {
    case 'Num': return /^\d+$/.test(e.value);
    case 'Var': return scope.lookup(e.name)?.info.kind === 'integer';
    case 'Binary': return (e.op === '+' || e.op === '*') && integerValued(e.left, scope) && integerValued(e.right, scope);
    default: return false;
  }
}

/** Whether a binding gives every integer variable an integer value (a `for all n` over integers says nothing of f(1/2)). */
function integersFit(bind: ReadonlyMap<string, Expr>, integers: ReadonlySet<string>, scope: Scope): boolean {
  for (const k of integers) {
    const v = bind.get(k);
    if (v && !integerValued(v, scope)) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------
// Sameness

/** Whether two expressions are equal for every value of their names: printed alike, or by the exact identity test. */
export function same(a: Expr, b: Expr, rc: RuleContext): boolean {
  const pa = printExpr(a);
  const pb = printExpr(b);
  // (Printed alike is the same, but for Euler's e beside a name spelled e, which print alike.)
  if (pa === pb && !(spellsE(a) && spellsE(b) && hasEulerE(a) !== hasEulerE(b))) return true;
  if (now() > rc.deadline) return false;
  const p = rc.problem;
  const t = identityTest(a, b, { scope: p.prep.ctx.scope, functions: p.functions, dimensions: p.prep.dimensions }, `rule|${pa}|${pb}`, rc.deadline);
  return t.kind === 'identical';
}

/** Whether an expression holds Euler's constant e. */
function hasEulerE(e: Expr): boolean {
  let found = false;
  visit(e, (x) => { if (x.kind === 'Const' && x.name === 'e') found = true; });
  return found;
}

/** Whether an expression holds e, the constant or a name spelled so. */
function spellsE(e: Expr): boolean {
  let found = false;
  visit(e, (x) => { if ((x.kind === 'Const' && x.name === 'e') || (x.kind === 'Var' && x.name.base === 'e')) found = true; });
  return found;
}

/** A definition of a name unfolded once (`J_t` → `diag(σ'(…)) W`); null for a free name. */
export function unfoldOnce(v: Var, rc: RuleContext): Expr | null {
  const p = rc.problem;
  const scope = p.prep.ctx.scope;
  const key = scope.lookup(v.name)?.info.key ?? printName(v.name);
  const out = unfold(v, p.unfoldings, p.functions, scope, new Set([key]));
  return out === v ? null : out;
}

// ---------------------------------------------------------------------------
// Matching `for all` patterns

/** Binds the pattern's variables so that it reads as `e`; false when it cannot. */
export function match(pattern: Expr, e: Expr, vars: ReadonlySet<string>, bind: Map<string, Expr>): boolean {
  if (pattern.kind === 'Var' && !pattern.name.index && vars.has(printName(pattern.name))) {
    const key = printName(pattern.name);
    const known = bind.get(key);
    if (known) return printExpr(known) === printExpr(e);
    if (!fits(pattern.shape, e)) return false;
    bind.set(key, e);
    return true;
  }
  // (−z matches −y wᵀx, read as (−y)(wᵀx): the sign of a product's first factor.)
  if (pattern.kind === 'Neg' && e.kind !== 'Neg') {
    const u = negated(e);
    return u !== null && match(pattern.arg, u, vars, bind);
  }
  if (pattern.kind !== e.kind) return false;
  switch (pattern.kind) {
    case 'Num': return pattern.value === (e as typeof pattern).value;
    case 'Const': return pattern.name === (e as typeof pattern).name;
    case 'Var': {
      // (`c_k` for all k reads as `c_m`: the subscript is matched, not compared as text.)
      const o = e as typeof pattern;
      if (pattern.name.index && mentionsVariable(pattern.name.index, vars)) {
        return !!o.name.index && printName({ ...pattern.name, index: null }) === printName({ ...o.name, index: null })
          && match(pattern.name.index, o.name.index, vars, bind);
      }
      return printName(pattern.name) === printName(o.name);
    }
    case 'Neg': case 'Transpose': case 'Factorial': case 'Abs':
      return match(pattern.arg, (e as typeof pattern).arg, vars, bind);
    case 'Norm': return (pattern.sub ?? null) === ((e as typeof pattern).sub ?? null) && match(pattern.arg, (e as typeof pattern).arg, vars, bind);
    case 'Expect': {
      const o = e as typeof pattern;
      if (pattern.op !== o.op || !match(pattern.arg, o.arg, vars, bind)) return false;
      if (!pattern.second || !o.second) return !pattern.second && !o.second;
      return match(pattern.second, o.second, vars, bind);
    }
    case 'Grad': case 'Deriv': {
      // `∇_u L(u)` for all u reads as `∇_v L(v)`: the variable binds to a name only (the
      // gradient at u is taken there); `∇_v L(w)` does not match (u cannot be both).
      const o = e as typeof pattern;
      if (pattern.kind === 'Deriv' && o.kind === 'Deriv' && pattern.partial !== o.partial) return false;
      const wrt = pattern.wrt;
      if (!wrt.name.index && vars.has(printName(wrt.name))) {
        if (!match(wrt, o.wrt, vars, bind) || bind.get(printName(wrt.name))?.kind !== 'Var') return false;
      } else if (printExpr(wrt) !== printExpr(o.wrt)) return false;
      if (!match(pattern.body, o.body, vars, bind)) return false;
      // The other variables the body reads must not stand for anything the derivative's
      // variable is in (`|d/dz f(z + y)| ≤ 1 for all z, y` says nothing of d/da f(a + a)).
      const at = printName(o.wrt.name);
      return freeNames(pattern.body).every((v) => {
        const k = printName(v.name);
        if (k === printName(wrt.name) || !vars.has(k)) return true;
        const value = bind.get(k);
        return !value || freeNames(value).every((n) => printName(n.name) !== at);
      });
    }
    case 'Binary': {
      const o = e as typeof pattern;
      return pattern.op === o.op && match(pattern.left, o.left, vars, bind) && match(pattern.right, o.right, vars, bind);
    }
    case 'Call': {
      const o = e as typeof pattern;
      return printName(pattern.fn) === printName(o.fn) && pattern.args.length === o.args.length
        && pattern.args.every((a, i) => match(a, o.args[i]!, vars, bind));
    }
    // (Compared as text only where the pattern has no variable: ∑, lim and components of
    // one that has would leave it unbound, or match whatever the text happens to be.)
    default: return !mentionsVariable(pattern, vars) && printExpr(pattern) === printExpr(e);
  }
}

/** u where `e` is −u written otherwise: (−y)(wᵀx) is −(y wᵀx), −3 is −(3); null where it is not. */
function negated(e: Expr): Expr | null {
  if (e.kind === 'Neg') return e.arg;
  if (e.kind === 'Num' && e.value.startsWith('-')) return { ...e, value: e.value.slice(1) };
  if (e.kind === 'Binary' && (e.op === '*' || e.op === '/')) {
    const left = negated(e.left);
    return left && { ...e, left };
  }
  return null;
}

/** Whether `e` reads one of the `for all` variables. */
function mentionsVariable(e: Expr, vars: ReadonlySet<string>): boolean {
  return freeNames(e).some((v) => vars.has(printName(v.name))) || printExpr(e).split(/[^\p{L}\p{N}_']+/u).some((w) => vars.has(w));
}

/**
 * Whether `e` may stand for a `for all` variable of shape `s`: a scalar one takes scalars
 * only (`for all z` ranges over the reals), a declared vector's (matrix's) the values of its
 * space (`vector u in R^n`, `… for all u`).
 */
function fits(s: Shape | undefined, e: Expr): boolean {
  if (s?.kind !== 'matrix') return e.shape?.kind !== 'matrix';
  return e.shape?.kind === 'matrix' && String(e.shape.rows) === String(s.rows) && String(e.shape.cols) === String(s.cols);
}

/** How a proof says it used an instance of a `for all` assumption (`… for all z (an instance, at z = 1)`). */
export const INSTANCE = 'an instance, at';

/**
 * A `for all` fact `lhs ≤ rhs` (or `lhs = rhs`, either way) of which `a ≤ b` is an instance:
 * the variables bound by matching `lhs` against `a` (then `rhs` against `b`, for variables only
 * `rhs` reads) and `rhs` so bound the same as `b` (`f(1) ≥ 1` from `f(z) ≥ z for all z`).
 * The instance, as `z = 1`, or null. `strict`: of a strict fact only (for `a < b`).
 */
export function forAllInstance(a: Expr, b: Expr, rc: RuleContext, strict = false): { fact: ForAllFact; at: string } | null {
  for (const f of rc.forAll) {
    if (now() > rc.deadline) return null;
    // (`a < b` is an instance of a strict fact only.)
    if (strict && !f.strict) continue;
    if (capturedInStep(f, rc)) continue;
    const found = instanceBinding(f, a, b, rc);
    if (!found) continue;
    rc.instances.push(comparison(found.left, found.right, f.strict));
    return { fact: f, at: found.at };
  }
  return null;
}

/**
 * The binding of f's variables that makes `a rel b` f's instance: `f.lhs` matched against
 * `a` (then `f.rhs` against `b`, for the variables only it reads), no capture, integers
 * bound to integers, and `f.rhs` so bound the same as `b`. With `f.rhs` bound and the binding in words.
 */
function instanceBinding(f: ForAllFact, a: Expr, b: Expr, rc: RuleContext): { left: Expr; right: Expr; at: string } | null {
  // (Either side found by matching, the other then by value: `g(1) > a` is the instance of
  // `g(z) > a z` at z = 1, where a·1 matches no pattern but is a.)
  const one = (pattern: Expr, target: Expr, other: Expr, otherTarget: Expr): { value: Expr; at: string } | null => {
    let bind = new Map<string, Expr>();
    if (!match(pattern, target, f.vars, bind)) return null;
    const rest = freeNames(other).filter((v) => !v.name.index && f.vars.has(printName(v.name)) && !bind.has(printName(v.name)));
    if (rest.length > 0) {
      const matched = new Map(bind);
      if (match(other, otherTarget, f.vars, matched)) bind = matched;
      // (Else each as itself, where the step reads that name: the smoothness bound f(y) ≤ f(x) +
      // gᵀ(y − x) + L/2‖y − x‖² for all x, y at y = x − ηg, x = x, with the other side written
      // as the algebra gives it, gᵀ(−ηg), red team rt112; the value is then compared by
      // algebra below, not by form.)
      else if (target.kind !== 'Var' && rest.every((v) => freeNames(target).some((w) => printName(w.name) === printName(v.name)))) {
        for (const v of rest) bind.set(printName(v.name), v);
      } else return null;
    }
    if (!capturesNone(other, bind) || !integersFit(bind, f.integers, rc.problem.prep.ctx.scope)) return null;
    const value = instanceOf(other, bind);
    if (!value || !same(value, otherTarget, rc)) return null;
    return { value, at: [...bind].map(([k, v]) => `${k} = ${printExpr(v)}`).join(', ') };
  };
  const byLeft = one(f.lhs, a, f.rhs, b);
  if (byLeft) return { left: a, right: byLeft.value, at: byLeft.at };
  const byRight = one(f.rhs, b, f.lhs, a);
  return byRight ? { left: byRight.value, right: b, at: byRight.at } : null;
}

/**
 * The step `a = b` as an instance of a `for all` equation (`f(a) = 1 − f(−a)` of
 * `f(z) = 1 − f(−z) for all z`), in words, or null. Not of one about a function the file
 * defines: that is a claim to check, not a fact (`define g(x) = x²`, `g(z) = z for all z`).
 */
export function forAllEquationInstance(a: Expr, b: Expr, rc: RuleContext): string | null {
  const defined = new Set(rc.problem.functions.map((d) => printName(d.target)));
  const callsDefined = (e: Expr): boolean => {
    let hit = false;
    visit(e, (x) => {
      if (x.kind === 'Call' && defined.has(printName({ ...x.fn, primes: 0 }))) hit = true;
    });
    return hit;
  };
  for (const f of rc.forAll) {
    if (!f.equation || now() > rc.deadline || callsDefined(f.lhs) || callsDefined(f.rhs) || capturedInStep(f, rc)) continue;
    const found = instanceBinding(f, a, b, rc);
    if (found) return `assumption ${f.text} for all ${[...f.vars].join(', ')} (${INSTANCE} ${found.at})`;
  }
  return null;
}

/** The names a ∑, lim or derivative binds anywhere in a step, by step (computed once). */
const stepBinders = new WeakMap<StepProblem, ReadonlySet<string>>();

/**
 * Whether a name the fact reads (not one of its variables) is bound by a ∑, lim or derivative
 * anywhere in the step: the rules compare terms inside such a binder without knowing it, and
 * `f(z) ≤ z k for all z` at the term f(k) of ∑_{k=1}^{2} f(k) is not f(k) ≤ k·k.
 */
function capturedInStep(f: ForAllFact, rc: RuleContext): boolean {
  let binders = stepBinders.get(rc.problem);
  if (!binders) {
    const found = new Set<string>();
    const p = rc.problem;
    for (const side of [p.left, p.right]) {
      for (const e of side.kind === 'Compare' || side.kind === 'Logic' || side.kind === 'TagFact' ? formulaExprs(side) : [side]) {
        visit(e, (x) => {
          for (const b of bindersOf(x)) found.add(b);
        });
      }
    }
    binders = found;
    stepBinders.set(p, binders);
  }
  if (binders.size === 0) return false;
  return [...freeNames(f.lhs), ...freeNames(f.rhs)].some((v) => !f.vars.has(printName(v.name)) && binders.has(printName(v.name)));
}

/**
 * `e` with the variables bound, or null where that cannot be written: a derivative in `e`
 * taken with respect to a variable bound to an expression (`d/dz g(z)` at z = 2a) says
 * nothing of where it is taken once its variable is replaced.
 */
function instanceOf(e: Expr, bind: ReadonlyMap<string, Expr>): Expr | null {
  let blocked = false;
  const out = substitute(e, bind, () => {
    blocked = true;
  });
  return blocked ? null : out;
}

/** Whether substituting `bind` into `e` leaves every name free: no bound value reads a name a ∑, lim or derivative in `e` binds. */
function capturesNone(e: Expr, bind: ReadonlyMap<string, Expr>): boolean {
  const bound = new Set<string>();
  visit(e, (x) => {
    for (const b of bindersOf(x)) bound.add(b);
  });
  if (bound.size === 0) return true;
  return [...bind.values()].every((v) => freeNames(v).every((n) => !bound.has(printName(n.name))));
}

/**
 * A `for all` equation about a declared function at its variables, `σ'(z) = σ(z)(1 − σ(z))
 * for all z` or `f(x, y) = x y`, read as a rewrite of every call: σ'(e) → σ(e)(1 − σ(e)).
 */
export interface ForAllRewrite {
  readonly pattern: Extract<Expr, { kind: 'Call' }>;
  readonly value: Expr;
  readonly vars: ReadonlySet<string>;
  readonly integers: ReadonlySet<string>;
  readonly scope: Scope;
  /** The assumption as written, for the proof's words. */
  readonly text: string;
}

/** A linear form in calls at numbers: `f(1)` → coefficient, `''` → the constant term. */
type LinearForm = Map<string, Rational>;

/** `e` (ground: its variables replaced by numbers) as a linear form in its calls, or null where it is not one (f(1)², σ(1)(1 − σ(1))). */
function linearForm(e: Expr): LinearForm | null {
  const k = constantValue(e);
  if (k) return new Map([['', k]]);
  switch (e.kind) {
    case 'Call': {
      const args = e.args.map((a) => constantValue(a));
      if (args.some((a) => a === null)) return null;
      return new Map([[`${printName(e.fn)}(${args.map((a) => a!.toString()).join(',')})`, Rational.ONE]]);
    }
    case 'Neg': {
      const a = linearForm(e.arg);
      return a && new Map([...a].map(([key, v]) => [key, v.neg()]));
    }
    case 'Binary': {
      if (e.op === '+' || e.op === '-') {
        const a = linearForm(e.left);
        const b = linearForm(e.right);
        if (!a || !b) return null;
        const out = new Map(a);
        for (const [key, v] of b) out.set(key, (out.get(key) ?? Rational.ZERO)[e.op === '+' ? 'add' : 'sub'](v));
        return out;
      }
      if (e.op === '*' || e.op === '/') {
        const c = constantValue(e.right);
        const l = c && !c.isZero() ? linearForm(e.left) : null;
        if (l) return new Map([...l].map(([key, v]) => [key, e.op === '*' ? v.mul(c!) : v.div(c!)]));
        const c2 = e.op === '*' ? constantValue(e.left) : null;
        const r = c2 ? linearForm(e.right) : null;
        return r && new Map([...r].map(([key, v]) => [key, v.mul(c2!)]));
      }
      return null;
    }
    default:
      return null;
  }
}

/** A rational as an expression: 2, −1, −1/2 (a quotient of whole numbers, negated). */
function numberExpr(q: Rational, range: SourceRange): Expr {
  const num = (n: bigint): Expr => ({ kind: 'Num', value: n.toString(), range, shape: { kind: 'scalar' } });
  const { n, d } = q as unknown as { n: bigint; d: bigint };
  const abs: Expr = d === 1n ? num(n < 0n ? -n : n) : { kind: 'Binary', op: '/', left: num(n < 0n ? -n : n), right: num(d), range, shape: { kind: 'scalar' } };
  return n < 0n ? { kind: 'Neg', arg: abs, range, shape: { kind: 'scalar' } } : abs;
}

/**
 * The values of z at which two calls of one function in an equation have the same argument,
 * for arguments linear in z: f(z) and f(6 − z) meet at z = 3, f(3z) and f(1) at 1/3 (where
 * `f(z) = f(6 − z) + 1` reads f(3) = f(3) + 1).
 */
function meetingPoints(sides: readonly [Expr, Expr], z: string, range: SourceRange): Rational[] {
  const calls: Extract<Expr, { kind: 'Call' }>[] = [];
  for (const side of sides) visit(side, (x) => { if (x.kind === 'Call' && x.args.length === 1) calls.push(x); });
  const at = (e: Expr, v: number): Rational | null => constantValue(substitute(e, new Map([[z, numberExpr(Rational.of(v), range)]])));
  const line = (e: Expr): { a: Rational; b: Rational } | null => {
    const [v0, v1, v2] = [at(e, 0), at(e, 1), at(e, 2)];
    if (!v0 || !v1 || !v2 || !v2.sub(v1).equals(v1.sub(v0))) return null;
    return { a: v1.sub(v0), b: v0 };
  };
  const out: Rational[] = [];
  for (let i = 0; i < calls.length; i++) {
    for (let j = i + 1; j < calls.length; j++) {
      if (printName(calls[i]!.fn) !== printName(calls[j]!.fn)) continue;
      const p = line(calls[i]!.args[0]!);
      const q = p && line(calls[j]!.args[0]!);
      if (!p || !q || p.a.equals(q.a)) continue;
      out.push(q.b.sub(p.b).div(p.a.sub(q.a)));
    }
  }
  return out.slice(0, 8);
}

/** Values each `for all` variable takes in the consistency probe: where patterns like f(−z), f(z²), f(1 − z) meet themselves. */
const PROBE_VALUES = [-4, -2, -1, 0, 1, 2, 4].map((n) => Rational.of(n).div(Rational.of(2)));

/**
 * Whether a `for all` equation contradicts itself: its instances at the probe values, read as
 * linear equations in the calls (f(0) = f(0) + 1 from f(−z) = f(z) + 1 at z = 0; f(1) = 1 and
 * f(1) = −1 from f(z²) = z at ±1), have no solution (Gauss–Jordan over the rationals).
 * Instances that are not linear in the calls are left out. From such an assumption every
 * step would follow (0 = 1 did, through f(0) − f(0) = f(−0) − f(0)), so it proves nothing.
 */
function contradictsItself(c: Condition): boolean {
  let known = contradictions.get(c);
  if (known === undefined) {
    known = probeContradiction(c);
    contradictions.set(c, known);
  }
  return known;
}

/** `contradictsItself` by assumption (every step of a context asks of the same ones). */
const contradictions = new WeakMap<Condition, boolean>();

function probeContradiction(c: Condition): boolean {
  const f = c.formula;
  if (f.kind !== 'Compare' || f.ops.length !== 1 || c.forAll.length > 2) return false;
  const rows: LinearForm[] = [];
  if (probeRows(f, c.forAll.map((v) => printName(v.name)), rows)) return true;
  return f.ops[0] === '=' && !solvable(rows);
}

/**
 * The rows of one `for all` comparison's instances at the probe values (equations only,
 * linear in the calls), added to `rows`; true where an inequality whose calls cancel is false
 * at one of them (f(z) ≥ f(z) + 1 is 0 ≥ 1).
 */
function probeRows(f: Compare, names: readonly string[], rows: LinearForm[]): boolean {
  const op = f.ops[0]!;
  const values = [...PROBE_VALUES, ...(names.length === 1 ? meetingPoints(f.operands as [Expr, Expr], names[0]!, f.range) : [])];
  let contradiction = false;
  const assign = (i: number, bind: Map<string, Expr>): void => {
    if (i === names.length) {
      const l = linearForm(substitute(f.operands[0]!, bind));
      const r = l && linearForm(substitute(f.operands[1]!, bind));
      if (!l || !r) return;
      const row = new Map(l);
      for (const [key, v] of r) row.set(key, (row.get(key) ?? Rational.ZERO).sub(v));
      // (An inequality whose calls cancel is a statement about numbers: f(z) ≥ f(z) + 1 is 0 ≥ 1.)
      if (op !== '=') {
        if ([...row].every(([key, v]) => key === '' || v.isZero())) {
          const d = (row.get('') ?? Rational.ZERO).sign();
          const holds = op === '<' ? d < 0 : op === '≤' ? d <= 0 : op === '>' ? d > 0 : op === '≥' ? d >= 0 : op === '≠' ? d !== 0 : true;
          if (!holds) contradiction = true;
        }
        return;
      }
      rows.push(row);
      return;
    }
    for (const q of values) assign(i + 1, new Map([...bind, [names[i]!, numberExpr(q, f.range)]]));
  };
  assign(0, new Map());
  return contradiction;
}

/** Whether linear equations in the calls (a row: call → coefficient, '' the constant) have a solution (Gauss–Jordan over the rationals: a row with no call left and a constant ≠ 0 is 0 = c). */
function solvable(rows: readonly LinearForm[]): boolean {
  const pivots: { key: string; row: LinearForm }[] = [];
  for (const raw of rows) {
    const row = new Map(raw);
    for (const { key, row: p } of pivots) {
      const k = row.get(key);
      if (!k || k.isZero()) continue;
      for (const [kk, v] of p) row.set(kk, (row.get(kk) ?? Rational.ZERO).sub(v.mul(k)));
    }
    const key = [...row].find(([kk, v]) => kk !== '' && !v.isZero())?.[0];
    if (key === undefined) {
      if (!(row.get('') ?? Rational.ZERO).isZero()) return false;
      continue;
    }
    const lead = row.get(key)!;
    for (const [kk, v] of row) row.set(kk, v.div(lead));
    for (const other of pivots) {
      const k = other.row.get(key);
      if (!k || k.isZero()) continue;
      for (const [kk, v] of row) other.row.set(kk, (other.row.get(kk) ?? Rational.ZERO).sub(v.mul(k)));
    }
    pivots.push({ key, row });
  }
  return true;
}

/**
 * Whether `for all` equations contradict one another at the probe values (each may be
 * consistent alone): `f'(z) = f(z) + 1` with `f(z) = z`, which differentiated is `f'(z) = 1`,
 * gives f'(1) = 2 and f'(1) = 1. Every step would follow from them (a + 1 = 1 did, step by
 * step), so none of them proves anything. (Each equation with its variables' names.)
 */
function contradictTogether(equations: readonly { formula: Compare; names: readonly string[] }[]): boolean {
  if (equations.length < 2) return false;
  const rows: LinearForm[] = [];
  for (const { formula, names } of equations) {
    if (names.length > 2) continue;
    if (probeRows(formula, names, rows)) return true;
  }
  return !solvable(rows);
}

/** Whether the `for all` equations among a context's assumptions contradict one another (computed once per context). */
function assumptionsContradict(assumptions: readonly Condition[]): boolean {
  let known = jointContradictions.get(assumptions);
  if (known === undefined) {
    known = contradictTogether(assumptions.filter((c) => c.forAll.length > 0 && c.formula.kind === 'Compare' && c.formula.ops.length === 1 && c.formula.ops[0] === '=' && !contradictsItself(c))
      .map((c) => ({ formula: c.formula as Compare, names: c.forAll.map((v) => printName(v.name)) })));
    jointContradictions.set(assumptions, known);
  }
  return known;
}

const jointContradictions = new WeakMap<readonly Condition[], boolean>();

/** The rewrites the `for all` equations among `assumptions` give (the side that is a call at the variables is rewritten). */
export function forAllRewrites(assumptions: readonly Condition[], scope: Scope, definitions: readonly Define[]): ForAllRewrite[] {
  const known = forAllEquations(assumptions, scope, definitions);
  return known.contradictory ? [] : known.rewrites;
}

/**
 * A context's `for all` equations as rewrites, with their derivatives, and whether they
 * contradict one another (then none is used); computed once per context (every step asks).
 */
function forAllEquations(assumptions: readonly Condition[], scope: Scope, definitions: readonly Define[]): { rewrites: ForAllRewrite[]; contradictory: boolean } {
  const cached = equationsOf.get(assumptions);
  if (cached && cached.scope === scope && cached.definitions === definitions) return cached.result;
  const rewrites = equationRewrites(assumptions, scope, definitions);
  // (Together with the derivatives: f'(z) = f(z) + 1 and f(z) = z, differentiated f'(z) = 1.)
  const contradictory = assumptionsContradict(assumptions)
    || contradictTogether(rewrites.map((w) => ({ formula: { kind: 'Compare', operands: [w.pattern, w.value], ops: ['='], range: w.pattern.range } as Compare, names: [...w.vars] })));
  const result = { rewrites, contradictory };
  equationsOf.set(assumptions, { scope, definitions, result });
  return result;
}

const equationsOf = new WeakMap<readonly Condition[], { scope: Scope; definitions: readonly Define[]; result: { rewrites: ForAllRewrite[]; contradictory: boolean } }>();

function equationRewrites(assumptions: readonly Condition[], scope: Scope, definitions: readonly Define[]): ForAllRewrite[] {
  // (Differentiated in the for-all variable, which no definition or substitution of the file
  // reads: a name `define c = z²` there means the file's z, a constant to the bound z.)
  const calculus: CalculusContext = { scope, unfoldings: [], functions: definitions, substitutions: new Map(), indexLowerBound: () => null };
  const out: ForAllRewrite[] = [];
  const defined = new Set(definitions.filter((d) => d.params).map((d) => printName(d.target)));
  for (const c of assumptions) {
    const f = c.formula;
    if (c.forAll.length === 0 || f.kind !== 'Compare' || f.ops.length !== 1 || f.ops[0] !== '=' || contradictsItself(c)) continue;
    const vars = new Set(c.forAll.map((v) => printName(v.name)));
    const [l, r] = f.operands as [Expr, Expr];
    // (A call of a declared function whose arguments read every variable: σ'(z), f(x, y), and
    // σ(−z) of `σ(−z) = 1 − σ(z)`, which rewrites σ(−e) and leaves σ(e) alone.)
    const atVariables = (e: Expr): e is Extract<Expr, { kind: 'Call' }> => {
      if (e.kind !== 'Call' || scope.lookup({ ...e.fn, primes: 0 })?.info.kind !== 'function') return false;
      // (A function the file defines is what its definition says: an assumption about it is
      // a claim to check, not a rewrite; `define g(x) = x²`, `g(z) = z for all z` is no g(3) = 3.)
      if (defined.has(printName({ ...e.fn, primes: 0 }))) return false;
      const read = new Set(e.args.flatMap((a) => freeNames(a).map((v) => printName(v.name))));
      return [...vars].every((v) => read.has(v));
    };
    const text = `${printFormula(f)} for all ${[...vars].join(', ')}`;
    const integers = integerVariables(c, scope);
    const rewrite = atVariables(l) ? { pattern: l, value: r } : atVariables(r) ? { pattern: r, value: l } : null;
    if (!rewrite) continue;
    out.push({ ...rewrite, vars, integers, scope, text });
    // `σ'(z) = R(z) for all z` is an equation between two functions of z: their derivatives
    // are equal too, σ''(z) = d/dz R(z), up to σ''''(z) = d³/dz³ R(z) (σ'' from the logistic
    // equation: σ''(a) = σ(a)(1 − σ(a))(1 − 2σ(a)) was unknown). Only at a scalar variable
    // itself (σ'(z), not σ(−z) or σ(2z)); the value's σ'(z) is rewritten again where used.
    const [z] = c.forAll;
    if (c.forAll.length !== 1 || integers.size > 0 || !z || scope.lookup(z.name)?.info.shape?.kind === 'matrix') continue;
    const { pattern } = rewrite;
    const arg = pattern.args.length === 1 ? pattern.args[0]! : null;
    if (arg?.kind !== 'Var' || printName(arg.name) !== printName(z.name)) continue;
    let value = rewrite.value;
    const mine: ForAllRewrite[] = [out[out.length - 1]!];
    for (let order = 1; order <= 3; order++) {
      try {
        // (In the function's lower derivatives the equation gives: σ'' in σ only, not in σ'.)
        value = rewriteForAll(derivativeExpression({ kind: 'Deriv', partial: false, wrt: arg, body: value, range: value.range, shape: { kind: 'scalar' } } as Deriv, calculus), mine, new Set());
      } catch {
        break;
      }
      const derived = { ...pattern, fn: { ...pattern.fn, primes: pattern.fn.primes + order } };
      const next = { pattern: derived, value, vars, integers, scope, text: `${text}, differentiated${order === 1 ? '' : order === 2 ? ' twice' : ' three times'}` };
      out.push(next);
      mine.push(next);
    }
  }
  return out;
}

/**
 * `e` with every call a rewrite's pattern matches replaced by the rewrite's value there,
 * innermost first, each replacement once (σ'(σ'(a)) → R(R(a)); a value that calls its own
 * function again is not rewritten again). Not inside subscripts, bounds, or a derivative's
 * variable or point. The rewrites used are added to `used`.
 */
export function rewriteForAll(e: Expr, rewrites: readonly ForAllRewrite[], used: Set<string>): Expr {
  // (Twice: σ'(−z) → σ(−z)(1 − σ(−z)), then σ(−z) → 1 − σ(z) under both assumptions.)
  const once = rewriteOnce(e, rewrites, used);
  return once === e ? e : rewriteOnce(once, rewrites, used);
}

function rewriteOnce(e: Expr, rewrites: readonly ForAllRewrite[], used: Set<string>): Expr {
  if (rewrites.length === 0) return e;
  // (`bound`: the names a ∑, lim or derivative around the call binds; the value's own names
  // must not be among them: `f(z) = z k` inside ∑_{k=1}^{2} f(k) is not k·k.)
  const rec = (x: Expr, bound: ReadonlySet<string>): Expr => {
    if (x.kind === 'Var' || x.kind === 'Num' || x.kind === 'Const') return x;
    const inner = mapChildren(x, (child, s) => (s.role === 'index' || s.role === 'bound' || s.role === 'point' || s.role === 'variable' ? child
      : rec(child, s.binds.length > 0 ? new Set([...bound, ...s.binds]) : bound)));
    if (inner.kind !== 'Call') return inner;
    for (const w of rewrites) {
      const bind = new Map<string, Expr>();
      if (!match(w.pattern, inner, w.vars, bind) || !capturesNone(w.value, bind) || !integersFit(bind, w.integers, w.scope)) continue;
      if (freeNames(w.value).some((v) => !w.vars.has(printName(v.name)) && bound.has(printName(v.name)))) continue;
      if (!total(w.value, w.scope)) continue;
      const value = instanceOf(w.value, bind);
      if (!value) continue;
      used.add(w.text);
      return value;
    }
    return inner;
  };
  return rec(e, new Set());
}

/** Whether `e` is > 0 wherever it has a value, by its form: 2, 1 + exp(−z), z² + 1, e^z. */
function positive(e: Expr): boolean {
  if (e.kind === 'Num') return Number(e.value) > 0;
  if (e.kind === 'Call') return e.fn.base === 'exp' && e.fn.primes === 0 && !e.fn.index;
  if (e.kind === 'Binary' && e.op === '+') return (positive(e.left) && nonNegative(e.right)) || (nonNegative(e.left) && positive(e.right));
  if (e.kind === 'Binary' && e.op === '*') return positive(e.left) && positive(e.right);
  return false;
}

/** Whether `e` is ≥ 0 wherever it has a value, by its form: |·|, ‖·‖, squares, exp, and sums and products of those. */
function nonNegative(e: Expr): boolean {
  if (positive(e) || e.kind === 'Abs' || e.kind === 'Norm') return true;
  if (e.kind === 'Binary' && e.op === '^') return e.right.kind === 'Num' && /^\d*[02468]$/.test(e.right.value) && (!e.left.shape || e.left.shape.kind !== 'matrix');
  if (e.kind === 'Binary' && (e.op === '+' || e.op === '*')) return nonNegative(e.left) && nonNegative(e.right);
  return false;
}

/**
 * Whether `e` has a value wherever its names do: sums, products, whole powers, and calls of
 * declared functions and of exp, sin, cos, tanh, |·|, norms. A rewrite to a value with a
 * smaller domain (`g(z) = √z`) would make a step about g read as one about √ (g(a)² = a).
 */
function total(e: Expr, scope: Scope): boolean {
  let ok = true;
  visit(e, (x) => {
    if (!ok) return;
    switch (x.kind) {
      case 'Num': case 'Const': case 'Var': case 'Neg': case 'Transpose': case 'Abs': case 'Norm': case 'Component': return;
      case 'Binary':
        if (x.op === '/') ok = positive(x.right);
        else if (x.op === '^') ok = x.right.kind === 'Num' && /^\d+$/.test(x.right.value);
        return;
      case 'Call':
        ok = (x.fn.primes === 0 && ['exp', 'sin', 'cos', 'tanh', 'sigmoid'].includes(x.fn.base) && !x.fn.index)
          || scope.lookup({ ...x.fn, primes: 0 })?.info.kind === 'function';
        return;
      default:
        ok = false;
    }
  });
  return ok;
}

/**
 * A `for all` fact with one side reading as `e` (the left with `upper`, the right without) and
 * the other free of its variables: that other side, the fact, and the binding in words; the
 * instance recorded for the cross-check when `record`.
 */
function forAllSide(e: Expr, rc: RuleContext, upper: boolean, record: boolean): { other: Expr; strict: boolean; fact: ForAllFact; at: string } | null {
  for (const f of rc.forAll) {
    const bind = new Map<string, Expr>();
    if (capturedInStep(f, rc)) continue;
    const [pattern, other] = upper ? [f.lhs, f.rhs] : [f.rhs, f.lhs];
    if (!match(pattern, e, f.vars, bind) || !integersFit(bind, f.integers, rc.problem.prep.ctx.scope)) continue;
    // The bound must not depend on the variables (`|σ'(z)| ≤ γ`, not `≤ |z|`).
    let free = true;
    visit(other, (y) => {
      if (y.kind === 'Var' && f.vars.has(printName(y.name))) free = false;
    });
    if (!free) continue;
    if (record) rc.instances.push(upper ? comparison(e, other, f.strict) : comparison(other, e, f.strict));
    return { other, strict: f.strict, fact: f, at: [...bind].map(([k, v]) => `${k} = ${printExpr(v)}`).join(', ') };
  }
  return null;
}

/** A `for all` fact whose left side reads as `e`: its right side with the variables bound (`γ`). */
export function forAllBound(e: Expr, rc: RuleContext, record = true): { rhs: Expr; strict: boolean; fact: ForAllFact; at: string } | null {
  const found = forAllSide(e, rc, true, record);
  return found && { rhs: found.other, strict: found.strict, fact: found.fact, at: found.at };
}

/** A `for all` fact whose right side reads as `e`, `lhs ≤ e`: its left side, free of the variables (`0` of `f(z) ≥ 0`). */
export function forAllLowerBound(e: Expr, rc: RuleContext, record = true): { lhs: Expr; strict: boolean; fact: ForAllFact } | null {
  const found = forAllSide(e, rc, false, record);
  return found && { lhs: found.other, strict: found.strict, fact: found.fact };
}

// ---------------------------------------------------------------------------
// Bounds and signs

/** An exact interval of values; null ends are unbounded; `strict` ends are open. */
export interface Range {
  readonly lo: Rational | null;
  readonly hi: Rational | null;
  readonly loStrict: boolean;
  readonly hiStrict: boolean;
}

const ALL: Range = { lo: null, hi: null, loStrict: false, hiStrict: false };
const point = (q: Rational): Range => ({ lo: q, hi: q, loStrict: false, hiStrict: false });
const NONNEG: Range = { lo: Rational.ZERO, hi: null, loStrict: false, hiStrict: false };


/** The name's interval from its assumptions (`0 ≤ δ < 1`, `γ > 0`), exact. */
function nameRange(v: Var, rc: RuleContext): Range {
  const key = printName(v.name);
  let r: Range = ALL;
  const tighten = (lo: Rational | null, loStrict: boolean, hi: Rational | null, hiStrict: boolean) => {
    if (lo && (!r.lo || lo.cmp(r.lo) > 0 || (lo.equals(r.lo) && loStrict))) r = { ...r, lo, loStrict };
    if (hi && (!r.hi || hi.cmp(r.hi) < 0 || (hi.equals(r.hi) && hiStrict))) r = { ...r, hi, hiStrict };
  };
  for (const f of rc.facts) {
    if (f.lhs.kind === 'Var' && printName(f.lhs.name) === key) {
      const q = constantValue(f.rhs);
      if (q) tighten(null, false, q, f.strict);
    }
    if (f.rhs.kind === 'Var' && printName(f.rhs.name) === key) {
      const q = constantValue(f.lhs);
      if (q) tighten(q, f.strict, null, false);
    }
    // k·v + m ≤ c (or c ≤ k·v + m): v's bound (c − m)/k, turned where k < 0 (2x − 1 > 0: x > 1/2).
    for (const [side, other, upper] of [[f.lhs, f.rhs, true], [f.rhs, f.lhs, false]] as const) {
      if (side.kind === 'Var') continue;
      const c = constantValue(other);
      const lin = c && affineIn(side);
      if (!c || !lin || lin.k.isZero() || lin.v.name.index || printName(lin.v.name) !== key) continue;
      const at = c.sub(lin.m).div(lin.k);
      if (upper === lin.k.sign() > 0) tighten(null, false, at, f.strict);
      else tighten(at, f.strict, null, false);
    }
  }
  return r;
}

/**
 * The bounds of x^k (k a whole number ≠ 0) for x in a: null where a holds 0 inside at an even k
 * (the least power is 0), or at all for k < 0, which is read only where a lies above 0 (x^(−1) for
 * x > 1 lies in (0, 1)).
 */
function powR(a: Range, k: bigint): Range | null {
  if (k < 0n) {
    if (!a.lo || a.lo.sign() < 0 || (a.lo.isZero() && !a.loStrict)) return null;
    const inv = (q: Rational): Rational => Rational.ONE.div(q.pow(-k));
    return { lo: a.hi ? inv(a.hi) : Rational.ZERO, loStrict: a.hi ? a.hiStrict : true, hi: a.lo.isZero() ? null : inv(a.lo), hiStrict: a.loStrict };
  }
  const p = (q: Rational | null): Rational | null => q && q.pow(k);
  if (k % 2n === 1n) return { lo: p(a.lo), hi: p(a.hi), loStrict: a.loStrict, hiStrict: a.hiStrict };
  if (a.lo && a.lo.sign() >= 0) return { lo: p(a.lo), hi: p(a.hi), loStrict: a.loStrict, hiStrict: a.hiStrict };
  if (a.hi && a.hi.sign() <= 0) return { lo: p(a.hi), hi: p(a.lo), loStrict: a.hiStrict, hiStrict: a.loStrict };
  return null;
}

function addR(a: Range, b: Range): Range {
  return {
    lo: a.lo && b.lo ? a.lo.add(b.lo) : null, hi: a.hi && b.hi ? a.hi.add(b.hi) : null,
    loStrict: a.loStrict || b.loStrict, hiStrict: a.hiStrict || b.hiStrict,
  };
}

function negR(a: Range): Range {
  return { lo: a.hi && a.hi.neg(), hi: a.lo && a.lo.neg(), loStrict: a.hiStrict, hiStrict: a.loStrict };
}

function nonnegR(a: Range): boolean {
  return a.lo !== null && a.lo.sign() >= 0;
}

function mulR(a: Range, b: Range): Range {
  // The sign-definite case (both ≥ 0) keeps its strict ends; any other product of two
  // bounded ranges is the closed range of its ends' four products (a superset: sound), and a
  // number times a range scales it (3·[−1, 1], −2·[0, ∞)).
  if (!nonnegR(a) || !nonnegR(b)) {
    if (a.lo && a.hi && b.lo && b.hi) {
      const ps = [a.lo.mul(b.lo), a.lo.mul(b.hi), a.hi.mul(b.lo), a.hi.mul(b.hi)];
      const lo = ps.reduce((x, y) => (y.cmp(x) < 0 ? y : x));
      const hi = ps.reduce((x, y) => (y.cmp(x) > 0 ? y : x));
      return { lo, hi, loStrict: false, hiStrict: false };
    }
    const scale = (k: Rational, r: Range): Range => (k.sign() >= 0
      ? { lo: r.lo && r.lo.mul(k), hi: r.hi && r.hi.mul(k), loStrict: false, hiStrict: false }
      : { lo: r.hi && r.hi.mul(k), hi: r.lo && r.lo.mul(k), loStrict: false, hiStrict: false });
    if (a.lo && a.hi && a.lo.equals(a.hi)) return a.lo.isZero() ? a : scale(a.lo, b);
    if (b.lo && b.hi && b.lo.equals(b.hi)) return b.lo.isZero() ? b : scale(b.lo, a);
    return ALL;
  }
  const lo = a.lo!.mul(b.lo!);
  const hi = a.hi && b.hi ? a.hi.mul(b.hi) : null;
  const loStrict = (a.loStrict && (b.loStrict || b.lo!.sign() > 0)) || (b.loStrict && a.lo!.sign() > 0);
  const hiStrict = hi !== null && ((a.hiStrict && b.hi!.sign() > 0) || (b.hiStrict && a.hi!.sign() > 0));
  return { lo, hi, loStrict, hiStrict };
}

function divR(a: Range, b: Range): Range {
  // a ≥ 0 over b > 0: nonnegative; bounded above when b is bounded below away from 0.
  if (nonnegR(a) && b.lo && (b.lo.sign() > 0 || (b.lo.isZero() && b.loStrict))) {
    const hi = a.hi && b.lo.sign() > 0 ? a.hi.div(b.lo) : null;
    const hiStrict = hi !== null && (a.hiStrict || (b.loStrict && a.hi!.sign() > 0));
    // (> 0 where a > 0: b > 0 is a number, however large its bound; 1/c under c > 1.)
    return { lo: Rational.ZERO, hi, loStrict: (a.lo !== null && a.lo.sign() > 0) || a.loStrict, hiStrict };
  }
  return ALL;
}

/** Bounds of a scalar expression under the assumptions (exact; ALL when unknown). */
export function range(e: Expr, rc: RuleContext): Range {
  const q = constantValue(e);
  if (q) return point(q);
  switch (e.kind) {
    case 'Var': return e.shape?.kind === 'matrix' ? ALL : nameRange(e, rc);
    case 'Neg': return negR(range(e.arg, rc));
    case 'Norm': return NONNEG;
    case 'Abs': {
      // |e| of an e of one sign is e or −e (|c − c| = 0); of a bounded e, at most its larger
      // end's size; else only ≥ 0.
      const a = range(e.arg, rc);
      if (nonnegR(a)) return a;
      if (a.hi !== null && a.hi.sign() <= 0) return negR(a);
      if (a.lo && a.hi) {
        const big = a.hi.cmp(a.lo.neg()) >= 0 ? a.hi : a.lo.neg();
        return { lo: Rational.ZERO, hi: big, loStrict: false, hiStrict: false };
      }
      return NONNEG;
    }
    case 'Binary': {
      if (e.op === '^') {
        // A name's power: its interval's ends to that power (t ≥ 80: t² ≥ 6400).
        const k = constantValue(e.right);
        if (k && k.isInteger() && !k.isZero() && k.n <= 64n && k.n >= -64n && e.left.kind === 'Var' && e.left.shape?.kind !== 'matrix') {
          const r = powR(nameRange(e.left, rc), k.n);
          if (r) return r;
        }
        // A base in [0, 1] to an exponent ≥ 1: in [0, the base's upper end] (β^t < 1 under 0 < β < 1, t ≥ 1).
        if (!k && e.left.shape?.kind !== 'matrix') {
          const b = range(e.left, rc);
          const y = range(e.right, rc);
          if (b.lo && b.hi && b.lo.sign() >= 0 && b.hi.cmp(Rational.ONE) <= 0 && y.lo && y.lo.cmp(Rational.ONE) >= 0) {
            return { lo: Rational.ZERO, hi: b.hi, loStrict: b.lo.sign() > 0 || b.loStrict, hiStrict: b.hiStrict };
          }
        }
        // (An even power first: the base's bounds, and the instances they would record, are not needed.)
        if (k && k.isInteger() && k.n % 2n === 0n && k.sign() > 0) return NONNEG;
        if (nonnegR(range(e.left, rc))) return NONNEG;
        return ALL;
      }
      const a = range(e.left, rc);
      const b = range(e.right, rc);
      if (e.op === '+') return addR(a, b);
      if (e.op === '-') return addR(a, negR(b));
      if (e.op === '*') return mulR(a, b);
      if (e.op === '/') return divR(a, b);
      return ALL;
    }
    case 'Call': {
      const f = e.fn.primes === 0 && !e.fn.hat && !e.fn.index ? e.fn.base : '';
      if (f === 'sqrt' || f === 'exp' || f === 'abs' || f === 'norm') return NONNEG;
      // log u has the sign of u − 1: ≥ 0 (> 0) where u ≥ 1 (> 1), ≤ 0 (< 0) where 0 < u ≤ 1 (< 1).
      if (f === 'log' && e.args.length === 1 && e.args[0]!.shape?.kind !== 'matrix') {
        const a = range(e.args[0]!, rc);
        const one = Rational.ONE;
        if (a.lo && a.lo.cmp(one) >= 0) return { lo: Rational.ZERO, hi: null, loStrict: a.lo.cmp(one) > 0 || a.loStrict, hiStrict: false };
        if (a.hi && a.hi.cmp(one) <= 0 && a.lo && a.lo.sign() >= 0) return { lo: null, hi: Rational.ZERO, loStrict: false, hiStrict: a.hi.cmp(one) < 0 || a.hiStrict };
      }
      // (sin and cos of a scalar lie in [−1, 1], tanh in (−1, 1).)
      if ((f === 'sin' || f === 'cos' || f === 'tanh') && e.args.length === 1 && e.args[0]!.shape?.kind !== 'matrix') {
        return { lo: Rational.ONE.neg(), hi: Rational.ONE, loStrict: f === 'tanh', hiStrict: f === 'tanh' };
      }
      if (f === 'λ_max' || f === 'λ_min') {
        const a = e.args[0]!;
        // λ(AᵀA) ≥ 0, λ of a positive definite matrix > 0.
        if (isGram(a)) return NONNEG;
        if (a.kind === 'Var') {
          const tags = impliedTags(rc.problem.prep.ctx.scope.lookup(a.name)?.info.tags ?? new Set());
          if (tags.has('positive definite')) return { lo: Rational.ZERO, hi: null, loStrict: true, hiStrict: false };
        }
      }
      // A declared function's call: the constant bounds its `for all` facts give it (f(3) ≥ 0
      // from f(z) ≥ 0 for all z), each recorded as an instance for the cross-check.
      // (Not of a function the file defines: an assumption about it is a claim, not a fact.)
      if (!isBuiltinFunctionName(e.fn.base) && !rc.problem.functions.some((d) => printName(d.target) === printName(e.fn))) {
        const up = forAllBound(e, rc, false);
        const down = forAllLowerBound(e, rc, false);
        const hi = up ? constantValue(up.rhs) : null;
        const lo = down ? constantValue(down.lhs) : null;
        if (hi && up) rc.instances.push(comparison(e, up.rhs, up.strict));
        if (lo && down) rc.instances.push(comparison(down.lhs, e, down.strict));
        if (hi || lo) return { lo: lo ?? null, hi: hi ?? null, loStrict: !!lo && !!down?.strict, hiStrict: !!hi && !!up?.strict };
      }
      return ALL;
    }
    case 'BigOp': {
      if (e.op === 'prod' && nonnegative(e.body, rc)) return NONNEG;
      if (e.op === 'sum' && nonnegative(e.body, rc)) return NONNEG;
      return ALL;
    }
    default: return ALL;
  }
}

/** `AᵀA` or `A Aᵀ` (positive semidefinite). */
export function isGram(a: Expr): boolean {
  if (a.kind !== 'Binary' || a.op !== '*') return false;
  const { left, right } = a;
  if (left.kind === 'Transpose' && printExpr(left.arg) === printExpr(right)) return true;
  if (right.kind === 'Transpose' && printExpr(right.arg) === printExpr(left)) return true;
  return false;
}

/** Whether a scalar is ≥ 0 under the assumptions (norms, squares, √, exp, names assumed so, products and sums of those). */
export function nonnegative(e: Expr, rc: RuleContext): boolean {
  if (nonnegR(range(e, rc))) return true;
  for (const f of rc.facts) {
    const z = constantValue(f.lhs);
    if (z && z.sign() >= 0 && printExpr(f.rhs) === printExpr(e)) return true;
  }
  return false;
}

/** Whether |e| < 1 under the assumptions (`0 ≤ δ < 1` gives |δ| < 1). */
export function belowOneInMagnitude(e: Expr, rc: RuleContext): boolean {
  const r = range(e, rc);
  const one = Rational.ONE;
  const hiOk = r.hi !== null && (r.hi.cmp(one) < 0 || (r.hi.equals(one) && r.hiStrict));
  const loOk = r.lo !== null && (r.lo.cmp(one.neg()) > 0 || (r.lo.equals(one.neg()) && r.loStrict));
  return hiOk && loOk;
}

/** The interval as text (`[0, 1)`), for messages. */
export function rangeText(r: Range): string {
  const lo = r.lo ? r.lo.toString() : '−∞';
  const hi = r.hi ? r.hi.toString() : '∞';
  return `${r.lo && !r.loStrict ? '[' : '('}${lo}, ${hi}${r.hi && !r.hiStrict ? ']' : ')'}`;
}

