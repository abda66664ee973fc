import type { Expr, Formula, RelOp } from '../../ast.js';
import { children, comparedPairs } from '../../ast-walk.js';
import { printExpr, printName } from '../../print.js';
import { constantValue } from '../evaluator/interpret.js';
import { Rational } from '../evaluator/rational.js';
import { sub, type StepProblem } from '../problem.js';
import { substitute } from '../rewrite.js';
import { range, ruleContext, type RuleContext } from '../rules/facts.js';
import { impliedTags } from '../tags.js';
import { constantRatio } from './identity-test.js';
import { now } from '../../clock.js';

/**
 * A `⇔` (or `⇒`) step between two comparisons of the same kind, as an equality to prove:
 * `a < b ⇔ c < d` holds wherever `a − b = m·(c − d)` with m > 0 (m ≠ 0, or an invertible
 * matrix on the left, for `=` and `≠`) — the "cited positive factor" of LANGUAGE.md §5
 * (`by dividing by ε > 0`), a factor the assumptions make positive, a constant, or 1 for
 * terms moved across. The equality goes to the same certificates as an `=` step (the exact
 * identity test under the step's rewrites), so the proof needs no engine's word.
 *
 * Domains: the certificate says the statements agree wherever both are defined; it is
 * offered only when both statements and the factor have a value at every point the
 * assumptions allow (no division by, log of or root of anything not known positive or
 * nonzero there), so no solution can be lost to a domain and no note is owed.
 */
export interface EquivalenceCandidate {
  /** `a − b` of one statement, and `m·(c − d)` of the other. */
  readonly left: Expr;
  readonly right: Expr;
  /** In words, for the message: which factor, and why it is positive (or nonzero, or invertible). */
  readonly why: string;
}

type Kind = 'lt' | 'le' | 'eq' | 'ne';
export type Sign = 'pos' | 'neg' | 'nz';

interface Normal { readonly d: Expr; readonly kind: Kind }

/** `a < b` as `a − b < 0` (`a > b` as `b − a < 0`), `a = b` as `a − b = 0`; null for anything else. */
function normal(f: Formula): Normal | null {
  if (f.kind !== 'Compare' || f.ops.length !== 1) return null;
  const [a, b] = f.operands as [Expr, Expr];
  const diff = (x: Expr, y: Expr): Expr => (y.kind === 'Num' && y.value === '0' ? x : sub(x, y));
  switch (f.ops[0] as RelOp) {
    case '<': return { d: diff(a, b), kind: 'lt' };
    case '>': return { d: diff(b, a), kind: 'lt' };
    case '≤': return { d: diff(a, b), kind: 'le' };
    case '≥': return { d: diff(b, a), kind: 'le' };
    case '=': return { d: diff(a, b), kind: 'eq' };
    case '≠': return { d: diff(a, b), kind: 'ne' };
    default: return null;
  }
}

const scalar = (e: Expr): boolean => e.shape?.kind !== 'matrix';
const mul = (a: Expr, b: Expr): Expr => ({ kind: 'Binary', op: '*', left: a, right: b, range: b.range, shape: b.shape });
const neg = (a: Expr): Expr => ({ kind: 'Neg', arg: a, range: a.range, shape: a.shape });
const num = (q: Rational): Expr => {
  const lit = (n: bigint): Expr => ({ kind: 'Num', value: (n < 0n ? -n : n).toString(), range: [0, 0], shape: { kind: 'scalar' } });
  const abs: Expr = q.d === 1n ? lit(q.n) : { kind: 'Binary', op: '/', left: lit(q.n), right: lit(q.d), range: [0, 0], shape: { kind: 'scalar' } };
  return q.sign() < 0 ? neg(abs) : abs;
};

/**
 * What the assumptions say of signs (comparisons with a number, along chains too), by
 * printed expression, and what follows from them by structure; which matrices are
 * invertible (tags); and which expressions have a value wherever the assumptions hold.
 */
class Signs {
  private readonly known = new Map<string, Sign>();
  constructor(readonly p: StepProblem, readonly rc: RuleContext) {
    // Only the assumptions: a fact the justification cites is itself checked, which may be
    // sampling only (`checked`), and a certificate must not rest on that.
    for (const a of p.prep.ctx.assumptions) if (a.forAll.length === 0) this.learn(a.formula);
  }

  private learn(f: Formula): void {
    if (f.kind === 'Logic' && f.op === '∧') {
      this.learn(f.left);
      this.learn(f.right);
      return;
    }
    if (f.kind !== 'Compare') return;
    for (const { a, op, b } of comparedPairs(f)) {
      const qa = constantValue(a);
      const qb = constantValue(b);
      // X op c, with c a number: what it says of X's sign.
      const say = (x: Expr, rel: RelOp, c: Rational) => {
        const s = c.sign();
        let sign: Sign | null = null;
        if ((rel === '>' && s >= 0) || (rel === '≥' && s > 0)) sign = 'pos';
        else if ((rel === '<' && s <= 0) || (rel === '≤' && s < 0)) sign = 'neg';
        else if (rel === '≠' && s === 0) sign = 'nz';
        else if (rel === '=' && s !== 0) sign = s > 0 ? 'pos' : 'neg';
        if (!sign || !scalar(x)) return;
        const key = printExpr(x);
        const had = this.known.get(key);
        if (!had || had === 'nz') this.known.set(key, sign);
      };
      const flip: Partial<Record<RelOp, RelOp>> = { '<': '>', '>': '<', '≤': '≥', '≥': '≤', '=': '=', '≠': '≠' };
      if (qb && !qa) say(a, op, qb);
      if (qa && !qb && flip[op]) say(b, flip[op]!, qa);
    }
    // Along a chain in one direction, what lies past a number (`0 < a < b`: b > 0 too).
    const up = f.ops.every((o) => o === '<' || o === '≤');
    const down = f.ops.every((o) => o === '>' || o === '≥');
    if (!up && !down) return;
    const seq = up ? f.operands.map((x, i) => ({ x, strict: i > 0 && f.ops[i - 1] === '<' }))
      : [...f.operands].reverse().map((x, i, all) => ({ x, strict: i > 0 && f.ops[all.length - 1 - i] === '>' }));
    // seq is increasing: seq[i] ≥ seq[i−1], strictly where `strict`.
    let floor: { q: Rational; strict: boolean } | null = null;
    for (const { x, strict } of seq) {
      const q = constantValue(x);
      if (q) {
        floor = { q, strict: false };
        continue;
      }
      if (floor) {
        floor = { q: floor.q, strict: floor.strict || strict };
        const s = floor.q.sign();
        if (scalar(x) && (s > 0 || (s === 0 && floor.strict))) this.known.set(printExpr(x), 'pos');
      }
    }
  }

  /** The sign of a scalar wherever the assumptions hold, when it is known; null otherwise. */
  sign(e: Expr, depth = 0): Sign | null {
    if (depth > 40 || !scalar(e)) return null;
    const q = constantValue(e);
    if (q) return q.sign() > 0 ? 'pos' : q.sign() < 0 ? 'neg' : null;
    const told = this.known.get(printExpr(e));
    if (told) return told;
    const r = range(e, this.rc);
    if (r.lo && (r.lo.sign() > 0 || (r.lo.isZero() && r.loStrict))) return 'pos';
    if (r.hi && (r.hi.sign() < 0 || (r.hi.isZero() && r.hiStrict))) return 'neg';
    switch (e.kind) {
      case 'Neg': {
        const s = this.sign(e.arg, depth + 1);
        return s === 'pos' ? 'neg' : s === 'neg' ? 'pos' : s;
      }
      case 'Binary': {
        if (e.op === '*' || e.op === '/') {
          const a = this.sign(e.left, depth + 1);
          const b = this.sign(e.right, depth + 1);
          if (!a || !b) return null;
          if (a === 'nz' || b === 'nz') return 'nz';
          return a === b ? 'pos' : 'neg';
        }
        if (e.op === '^') {
          const k = constantValue(e.right);
          const a = this.sign(e.left, depth + 1);
          // A positive base to any power that has a value (e^x, 2^t) is positive.
          if (a === 'pos' && this.defined(e, false, new Set())) return 'pos';
          if (!k || !k.isInteger() || !a) return null;
          if (k.n % 2n === 0n) return 'pos';
          return a;
        }
        if (e.op === '+') {
          const a = this.sign(e.left, depth + 1);
          const b = this.sign(e.right, depth + 1);
          return a === 'pos' && b === 'pos' ? 'pos' : a === 'neg' && b === 'neg' ? 'neg' : null;
        }
        return null;
      }
      case 'Const': return e.name === 'e' || e.name === 'pi' ? 'pos' : null;
      case 'Call':
        return e.fn.base === 'exp' && e.fn.primes === 0 && e.args.length === 1 && this.defined(e.args[0]!, false, new Set()) ? 'pos' : null;
      default: return null;
    }
  }

  /** Whether a square matrix is known invertible: tagged so, or a product, transpose, inverse or nonzero multiple of such. */
  invertible(e: Expr, depth = 0): boolean {
    if (depth > 40) return false;
    if (scalar(e)) return this.sign(e, depth + 1) !== null;
    switch (e.kind) {
      case 'Var': {
        const info = this.p.prep.ctx.scope.lookup(e.name)?.info;
        return info !== undefined && impliedTags(info.tags).has('invertible') && !this.definition(e);
      }
      case 'Const': return e.name === 'I';
      case 'Transpose': case 'Neg': return this.invertible(e.arg, depth + 1);
      case 'Binary':
        return e.op === '*' && this.invertible(e.left, depth + 1) && this.invertible(e.right, depth + 1);
      case 'Call': return e.fn.base === 'inv' && e.args.length === 1 && this.invertible(e.args[0]!, depth + 1);
      default: return false;
    }
  }

  private definition(v: Expr & { kind: 'Var' }): boolean {
    const key = this.p.prep.ctx.scope.lookup(v.name)?.info.key ?? printName(v.name);
    return this.p.unfoldings.some((u) => u.key === key);
  }

  /**
   * Whether an expression has a value at every point the assumptions allow (and, with
   * `smooth`, a derivative there): only total operations, and divisions, inverses, logs
   * and roots of what is known positive, nonzero or invertible. Definitions are followed.
   */
  defined(e: Expr, smooth: boolean, visiting: Set<string>, depth = 0): boolean {
    if (depth > 60) return false;
    const d = (x: Expr, s = smooth) => this.defined(x, s, visiting, depth + 1);
    switch (e.kind) {
      case 'Num': return true;
      case 'Const': return e.name !== 'inf';
      case 'Var': {
        const key = this.p.prep.ctx.scope.lookup(e.name)?.info.key ?? printName(e.name);
        if (visiting.has(key)) return true; // a recurrence: defined at every index if each case is
        const defs = this.p.unfoldings.filter((u) => u.key === key);
        if (defs.length === 0) return true;
        visiting.add(key);
        const ok = defs.every((u) => u.def.condition === null && d(u.def.value));
        visiting.delete(key);
        return ok;
      }
      case 'Component': return d(e.of) && e.indices.every((i) => d(i, false));
      case 'Neg': case 'Transpose': return d(e.arg);
      case 'Abs': case 'Norm': return !smooth && d(e.arg);
      case 'Binary':
        if (!d(e.left) || !d(e.right)) return false;
        if (e.op === '/') return this.sign(e.right) !== null;
        if (e.op === '^') {
          const k = constantValue(e.right);
          if (k && k.isInteger() && k.sign() >= 0) return true;
          if (k && k.isInteger()) return scalar(e.left) ? this.sign(e.left) !== null : this.invertible(e.left);
          return scalar(e.left) && this.sign(e.left) === 'pos';
        }
        return true;
      case 'Grad': case 'Deriv': return d(e.body, true);
      case 'Call': {
        if (!e.args.every((a) => d(a))) return false;
        const def = this.p.functions.find((f) => printName(f.target) === printName(e.fn));
        if (def) {
          // The body at these arguments: what is known of a global name never speaks for a parameter.
          if (!def.params || def.params.length !== e.args.length || def.condition !== null) return false;
          const key = `fn:${printName(def.target)}`;
          if (visiting.has(key)) return false;
          visiting.add(key);
          let blocked = false;
          const body = substitute(def.value, new Map(def.params.map((v, i) => [printName(v.name), e.args[i]!])), () => { blocked = true; });
          const ok = !blocked && d(body);
          visiting.delete(key);
          return ok;
        }
        const info = this.p.prep.ctx.scope.lookup(e.fn)?.info;
        if (info?.kind === 'function') return true; // a declared function: a value (and derivatives) everywhere
        if (e.fn.primes > 0) return false;
        switch (e.fn.base) {
          case 'exp': case 'sin': case 'cos': case 'tanh': case 'diag': case 'tr': case 'det': return true;
          case 'abs': case 'max': case 'min': return !smooth;
          case 'log': case 'ln': return scalar(e.args[0]!) && this.sign(e.args[0]!) === 'pos';
          case 'sqrt': {
            if (!scalar(e.args[0]!)) return false;
            const s = this.sign(e.args[0]!);
            return s === 'pos' || (!smooth && range(e.args[0]!, this.rc).lo?.sign() === 0);
          }
          case 'inv': return scalar(e.args[0]!) ? this.sign(e.args[0]!) !== null : this.invertible(e.args[0]!);
          default: return false;
        }
      }
      default: return false;
    }
  }
}

/**
 * The strict sign the assumptions give a scalar expression ('pos': > 0, 'neg': < 0, 'nz': ≠ 0)
 * wherever they hold, or null; for rules that split on signs (rules/piecewise.ts).
 */
export function assumedSign(p: StepProblem, deadline: number): (e: Expr) => Sign | null {
  const signs = new Signs(p, ruleContext(p, deadline));
  return (e) => signs.sign(e);
}

/**
 * The equalities whose proof proves a `⇔`/`⇒` step (see EquivalenceCandidate), most likely
 * first, or why there are none (the step is then sampled and searched as before).
 */
export function equivalenceCandidates(p: StepProblem, deadline: number): EquivalenceCandidate[] | { readonly none: string } {
  if (p.rel !== '⇔' && p.rel !== '⇒') return { none: 'not a ⇔ or ⇒ step' };
  const l = normal(p.left as Formula);
  const r = normal(p.right as Formula);
  if (!l || !r) return { none: 'not two single comparisons' };
  if (l.kind !== r.kind) return { none: 'the comparisons are of different kinds' };
  const signs = new Signs(p, ruleContext(p, deadline));
  const visiting = new Set<string>();
  if (!signs.defined(l.d, false, visiting) || !signs.defined(r.d, false, visiting)) {
    return { none: 'a statement may have no value where the assumptions hold' };
  }
  const equation = l.kind === 'eq' || l.kind === 'ne';
  const vector = !scalar(l.d) || !scalar(r.d);
  // Factors to try: 1, the justification's facts, the assumptions' positive (nonzero) quantities.
  const factors: { m: Expr | null }[] = [{ m: null }];
  const seen = new Set<string>();
  const offer = (m: Expr) => {
    const key = printExpr(m);
    if (seen.has(key) || constantValue(m)) return;
    seen.add(key);
    factors.push({ m });
  };
  for (const item of p.hint?.items ?? []) {
    if (item.kind !== 'fact' || item.formula.kind !== 'Compare' || item.formula.ops.length !== 1) continue;
    const [a, b] = item.formula.operands as [Expr, Expr];
    const x = constantValue(b) ? a : constantValue(a) ? b : null;
    if (x) offer(x);
  }
  // Factors the two sides of a statement share (`x y a < x y b`: x, y and x y), or all of a
  // side's factors when the other is 0 (`e^x (x − y) < 0`): the factor a student cancels.
  for (const f of [p.left as Formula, p.right as Formula]) {
    if (f.kind !== 'Compare' || f.ops.length !== 1) continue;
    const [a, b] = f.operands as [Expr, Expr];
    const fa = scalarFactors(a);
    const fb = scalarFactors(b);
    const zero = (e: Expr) => constantValue(e)?.isZero() === true;
    const common = zero(b) ? fa : zero(a) ? fb : fa.filter((x) => fb.some((y) => printExpr(y) === printExpr(x)));
    const moving = common.filter((x) => !constantValue(x));
    for (const x of moving) offer(x);
    if (moving.length > 1) offer(moving.reduce((u, v) => mul(u, v)));
  }
  // (Every name a comparison bounds: `0 < a < b` offers a and b, `x ≠ 0` offers x.)
  for (const a of p.prep.ctx.assumptions) {
    if (a.forAll.length > 0 || a.formula.kind !== 'Compare') continue;
    for (const x of a.formula.operands) if (!constantValue(x)) offer(x);
  }
  if (vector) {
    visitMatrices(p, offer);
  }
  const ictx = { scope: p.prep.ctx.scope, functions: p.functions, dimensions: p.prep.dimensions };
  const out: EquivalenceCandidate[] = [];
  for (const f of factors) {
    if (f.m && !signs.defined(f.m, false, visiting)) continue;
    const fs = f.m === null ? 'pos' : scalar(f.m) ? signs.sign(f.m) : signs.invertible(f.m) ? 'nz' : null;
    if (!fs) continue;
    for (const [a, b, dir] of [[l.d, r.d, 0], [r.d, l.d, 1]] as const) {
      if (f.m === null && dir === 1) continue;
      // An invertible matrix multiplies a vector or matrix equation from the left.
      if (f.m && !scalar(f.m) && scalar(b)) continue;
      const mb = f.m ? mul(f.m, b) : b;
      // A constant factor c (2x < 6 ⇔ x < 3; a − b = −(b − a)), read off points modulo p:
      // each reading of it a candidate (10¹⁰ may also read as a fraction of two numbers
      // near 2³⁰; the certificate's exact check rejects the reading not meant).
      const constants = now() < deadline ? constantRatio(a, mb, ictx, `${p.salt}|ratio|${printExpr(mb)}`, deadline) : [];
      for (const c of constants.length > 0 ? constants : [null]) {
        const cs = c ? (c.sign() > 0 ? 'pos' : c.sign() < 0 ? 'neg' : null) : 'pos';
        if (!cs) continue;
        const total: Sign = fs === 'nz' ? 'nz' : cs === fs ? 'pos' : 'neg';
        if (!(equation || total === 'pos')) continue;
        const right = c && !c.equals(Rational.ONE) ? mul(num(c), mb) : mb;
        out.push({ left: a, right, why: explain(a, b, c, f.m, dir === 0 ? 'left' : 'right', total) });
      }
    }
  }
  return out;
}

/**
 * The certificate in words: the identity `a = M·(b)` itself when it is short (`x² − x =
 * x·(x − 1), and x > 0 under the assumptions`), else what it says.
 */
function explain(a: Expr, b: Expr, c: Rational | null, m: Expr | null, from: 'left' | 'right', sign: Sign): string {
  const k = c && !c.equals(Rational.ONE) ? c : null;
  let factor: Expr | null = m;
  if (k) factor = k.equals(Rational.ONE.neg()) ? (m ? simpleNeg(m) : num(k)) : m ? mul(num(k), m) : num(k);
  const ft = factor ? printExpr(factor) : null;
  // (A sum in brackets: (x² + 1)·(a − b), not x² + 1·(a − b); red team rt57.)
  const product = factor && factor.kind === 'Binary' && (factor.op === '+' || factor.op === '-') ? `(${ft})` : ft;
  const identity = `${printExpr(a)} = ${product ? `${product}·(${printExpr(b)})` : printExpr(b)}`;
  const to = from === 'left' ? 'right' : 'left';
  const said = identity.length <= 140
    ? `the differences of the statements' sides satisfy ${identity}`
    : ft ? `the difference of the ${from} statement's sides is ${ft} times the ${to} one's` : 'the differences of the statements\' sides are the same';
  if (!m) return said;
  if (!scalar(m)) return `${said}, and ${printExpr(m)} is invertible`;
  return `${said}, and ${ft} ${sign === 'pos' ? '> 0' : sign === 'neg' ? '< 0' : '≠ 0'} under the assumptions`;
}

/** −x, with −(−x) written x. */
function simpleNeg(e: Expr): Expr {
  return e.kind === 'Neg' ? e.arg : neg(e);
}

/** The scalar factors of a product (`2 x y` → 2, x, y), not inside a product of matrices. */
function scalarFactors(e: Expr): Expr[] {
  if (e.kind === 'Binary' && e.op === '*' && scalar(e.left) && scalar(e.right)) return [...scalarFactors(e.left), ...scalarFactors(e.right)];
  return scalar(e) ? [e] : [];
}

/** The square matrices a step names that are known invertible (for `H a = b ⇔ a = H⁻¹ b`). */
function visitMatrices(p: StepProblem, fn: (m: Expr) => void): void {
  const seen = new Set<string>();
  const scan = (f: Formula): void => {
    if (f.kind === 'Compare') f.operands.forEach(walk);
    else if (f.kind === 'Logic') { scan(f.left); scan(f.right); }
  };
  const walk = (e: Expr): void => {
    if (e.kind === 'Var' && e.shape?.kind === 'matrix' && e.shape.rows === e.shape.cols && e.shape.rows !== 1) {
      const info = p.prep.ctx.scope.lookup(e.name)?.info;
      const key = printExpr(e);
      if (info && impliedTags(info.tags).has('invertible') && !seen.has(key)) {
        seen.add(key);
        fn(e);
      }
    }
    for (const c of children(e)) walk(c);
  };
  scan(p.left as Formula);
  scan(p.right as Formula);
}
