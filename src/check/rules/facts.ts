import type { Expr, Formula, RelOp, Var } from '../../ast.js';
import { printExpr, printFormula, printName } from '../../print.js';
import { identityTest } from '../engines/identity-test.js';
import { Rational } from '../evaluator/rational.js';
import type { StepProblem } from '../problem.js';
import { unfold, visit } from '../rewrite.js';
import { impliedTags } from '../tags.js';
import { constantValue } from '../evaluator/interpret.js';

/**
 * What the named rules know about a step's context: its assumptions as facts `a ≤ b`,
 * its `for all z` assumptions as patterns, signs and bounds of expressions under the
 * assumptions, and when two expressions are the same (printed alike, or equal by the exact
 * identity test). Everything here is exact: no number decides but rationals.
 */

/** `lhs ≤ rhs` (strict: `<`) from an assumption, written as it was. */
export interface Fact { readonly lhs: Expr; readonly rhs: Expr; readonly strict: boolean; readonly text: string }

/** `|σ'(z)| ≤ γ for all z`: a fact for every value of its variables. */
export interface ForAllFact extends Fact { readonly vars: ReadonlySet<string> }

/** What a rule may use about one step. */
export interface RuleContext {
  readonly problem: StepProblem;
  readonly facts: readonly Fact[];
  readonly forAll: readonly ForAllFact[];
  /** Absolute time after which rules give up. */
  readonly deadline: number;
}

const FLIP: Partial<Record<RelOp, RelOp>> = { '≥': '≤', '>': '<' };

function factsOf(f: Formula, out: Fact[], vars: ReadonlySet<string> | null, forAll: ForAllFact[]): void {
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
      if (vars) forAll.push({ lhs, rhs, strict, text, vars });
      else out.push({ lhs, rhs, strict, text });
    };
    if (op === '≤' || op === '<') push(a, b, op === '<');
    else if (op === '=') {
      push(a, b, false);
      push(b, a, false);
    }
  }
}

/** The facts of a step's context (assumptions; `for all` ones as patterns). */
export function ruleContext(p: StepProblem, deadline: number): RuleContext {
  const facts: Fact[] = [];
  const forAll: ForAllFact[] = [];
  for (const c of p.prep.ctx.assumptions) {
    factsOf(c.formula, facts, c.forAll.length > 0 ? new Set(c.forAll.map((v) => printName(v.name))) : null, forAll);
  }
  return { problem: p, facts, forAll, deadline };
}

// ---------------------------------------------------------------------------
// Sameness

/** Whether two expressions are equal for every value of their names: printed alike, or by the exact identity test. */
export function same(a: Expr, b: Expr, rc: RuleContext): boolean {
  const pa = printExpr(a);
  const pb = printExpr(b);
  if (pa === pb) return true;
  if (Date.now() > rc.deadline) return false;
  const p = rc.problem;
  const t = identityTest(a, b, { scope: p.prep.ctx.scope, functions: p.functions, dimensions: p.prep.dimensions }, `rule|${pa}|${pb}`, rc.deadline);
  return t.kind === 'identical';
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
    if (e.shape?.kind === 'matrix') return false; // `for all z` ranges over scalars
    bind.set(key, e);
    return true;
  }
  if (pattern.kind !== e.kind) return false;
  switch (pattern.kind) {
    case 'Num': return pattern.value === (e as typeof pattern).value;
    case 'Const': return pattern.name === (e as typeof pattern).name;
    case 'Var': return printName(pattern.name) === printName((e as typeof pattern).name);
    case 'Neg': case 'Transpose': case 'Factorial': case 'Abs': case 'Norm':
      return match(pattern.arg, (e as typeof pattern).arg, vars, bind);
    case 'Expect': return pattern.op === (e as typeof pattern).op && match(pattern.arg, (e as typeof pattern).arg, vars, bind);
    case 'Binary': {
      const o = e as typeof pattern;
      return pattern.op === o.op && match(pattern.left, o.left, vars, bind) && match(pattern.right, o.right, vars, bind);
    }
    case 'Call': {
      const o = e as typeof pattern;
      return printName(pattern.fn) === printName(o.fn) && pattern.args.length === o.args.length
        && pattern.args.every((a, i) => match(a, o.args[i]!, vars, bind));
    }
    default: return printExpr(pattern) === printExpr(e);
  }
}

/** A `for all` fact whose left side reads as `e`: its right side with the variables bound (`γ`). */
export function forAllBound(e: Expr, rc: RuleContext): { rhs: Expr; strict: boolean; fact: ForAllFact } | null {
  for (const f of rc.forAll) {
    const bind = new Map<string, Expr>();
    if (!match(f.lhs, e, f.vars, bind)) continue;
    // The bound must not depend on the variables (`|σ'(z)| ≤ γ`, not `≤ |z|`).
    let free = true;
    visit(f.rhs, (y) => {
      if (y.kind === 'Var' && f.vars.has(printName(y.name))) free = false;
    });
    if (free) return { rhs: f.rhs, strict: f.strict, fact: f };
  }
  return null;
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
  }
  return r;
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
  // Only the sign-definite case (both ≥ 0), which is what bounds of homework quantities need.
  if (!nonnegR(a) || !nonnegR(b)) return ALL;
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
    return { lo: Rational.ZERO, hi, loStrict: a.loStrict && (b.hi !== null), hiStrict };
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
    case 'Abs': case 'Norm': return NONNEG;
    case 'Binary': {
      const a = range(e.left, rc);
      if (e.op === '^') {
        const k = constantValue(e.right);
        if (k && k.isInteger() && k.n % 2n === 0n && k.sign() > 0) return NONNEG;
        if (nonnegR(a)) return NONNEG;
        return ALL;
      }
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
      if (f === 'λ_max' || f === 'λ_min') {
        const a = e.args[0]!;
        // λ(AᵀA) ≥ 0, λ of a positive definite matrix > 0.
        if (isGram(a)) return NONNEG;
        if (a.kind === 'Var') {
          const tags = impliedTags(rc.problem.prep.ctx.scope.lookup(a.name)?.info.tags ?? new Set());
          if (tags.has('positive definite')) return { lo: Rational.ZERO, hi: null, loStrict: true, hiStrict: false };
        }
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

