import type { Expr, Var } from '../../ast.js';
import { printExpr, printName } from '../../print.js';
import { visit } from '../../ast-walk.js';
import type { Outcome } from '../../result.js';
import { Inexact, Skip, Undecided, Undefined, Unsupported, isMat, type Field, type Val } from '../evaluator/field.js';
import { intervalField } from '../evaluator/interval.js';
import { Rational, exactField } from '../evaluator/rational.js';
import type { StepOptions, StepProblem } from '../problem.js';
import { freeNames, unfold } from '../rewrite.js';
import { Rng } from '../rng.js';
import { decideRelation } from '../sampling/compare.js';
import { allLevels } from '../sampling/levels.js';
import { Point } from '../sampling/point.js';
import { counterexample, formatValue } from '../sampling/report.js';
import { Bounder } from './norms.js';
import { belowOneInMagnitude, nonnegative, range, rangeText, ruleContext, same, unfoldOnce, type RuleContext } from './facts.js';
import { constantValue } from '../evaluator/interpret.js';

/**
 * Limits as T → ∞ (LANGUAGE.md §5.7): `e → L as T → ∞` and `lim_{T→∞} e = L`.
 * 1. Rules, which prove it for every value of the other names: constants; q^T → 0 when
 *    |q| < 1 under the assumptions; T^k q^T → 0 (exponential beats polynomial); 1/T^k → 0;
 *    exp(−cT) → 0 for c > 0; c·e, sums and products of limits; ∏_{t=1}^{T} a_t → 0 when
 *    0 ≤ a_t ≤ q with |q| < 1 (a product of factors each ≤ q).
 * 2. The same rules at sampled points, with every other name at its exact value: a point
 *    where the limit is certainly something else (q = 1: q^T stays 1) refutes the claim.
 * 3. Otherwise the values along T = 4, 8, …, 128 at sampled points, shown in the message:
 *    `checked` when they approach L at every point, `unknown` when they do not.
 */

/** What a limit comes to by the rules: a value (an expression free of T), ∞, no limit, or unknown. */
type LimitValue =
  | { readonly kind: 'value'; readonly value: Expr; readonly rules: readonly string[] }
  | { readonly kind: 'none'; readonly why: string }
  | null;

const ZERO: Expr = { kind: 'Num', value: '0', range: [0, 0], shape: { kind: 'scalar' } };

function dependsOn(e: Expr, key: string): boolean {
  return freeNames(e).some((v) => printName(v.name) === key || (v.name.index !== null && freeNames(v.name.index).some((w) => printName(w.name) === key)));
}

/** The exponent is T itself, T + c, or k·T with k a positive whole number. */
function growsLinearly(e: Expr, key: string): boolean {
  if (e.kind === 'Var' && printName(e.name) === key) return true;
  if (e.kind === 'Binary' && (e.op === '+' || e.op === '-')) {
    return (growsLinearly(e.left, key) && !dependsOn(e.right, key)) || (e.op === '+' && growsLinearly(e.right, key) && !dependsOn(e.left, key));
  }
  if (e.kind === 'Binary' && e.op === '*') {
    const k = e.left.kind === 'Num' ? Number(e.left.value) : e.right.kind === 'Num' ? Number(e.right.value) : NaN;
    const other = e.left.kind === 'Num' ? e.right : e.left;
    return k > 0 && growsLinearly(other, key);
  }
  return false;
}

/** T itself or T^k with k a positive number: a polynomial factor that grows. */
function isPolynomial(e: Expr, key: string): boolean {
  if (e.kind === 'Var' && printName(e.name) === key) return true;
  if (e.kind === 'Binary' && e.op === '^' && e.left.kind === 'Var' && printName(e.left.name) === key) {
    const k = constantValue(e.right);
    return k !== null && k.sign() > 0;
  }
  return false;
}

function isZero(e: Expr): boolean {
  return e.kind === 'Num' && Number(e.value) === 0;
}

const mulE = (a: Expr, b: Expr): Expr => ({ kind: 'Binary', op: '*', implicit: true, left: a, right: b, range: a.range, shape: { kind: 'scalar' } });

/** The limit of a scalar e as the name `key` → ∞, by the rules. */
export function limitOf(e: Expr, key: string, rc: RuleContext): LimitValue {
  if (!dependsOn(e, key)) return { kind: 'value', value: e, rules: [] };
  switch (e.kind) {
    case 'Neg': {
      const a = limitOf(e.arg, key, rc);
      return a?.kind === 'value' ? { ...a, value: isZero(a.value) ? ZERO : { ...e, arg: a.value } } : a;
    }
    case 'Binary': {
      if (e.op === '^') return powerLimit(e.left, e.right, key, rc);
      if (e.op === '*') {
        // T^k q^T → 0: exponential decay beats any polynomial.
        for (const [p, g] of [[e.left, e.right], [e.right, e.left]] as const) {
          if (isPolynomial(p, key) && g.kind === 'Binary' && g.op === '^' && !dependsOn(g.left, key) && growsLinearly(g.right, key) && belowOneInMagnitude(g.left, rc)) {
            return { kind: 'value', value: ZERO, rules: [`T^k q^T → 0 for |q| < 1 (|${printExpr(g.left)}| < 1 by the assumptions: ${printExpr(g)} decays faster than ${printExpr(p)} grows)`] };
          }
        }
        const a = limitOf(e.left, key, rc);
        const b = limitOf(e.right, key, rc);
        if (a?.kind === 'value' && b?.kind === 'value') {
          const value = isZero(a.value) || isZero(b.value) ? ZERO : mulE(a.value, b.value);
          return { kind: 'value', value, rules: [...a.rules, ...b.rules, 'the limit of a product is the product of the limits'] };
        }
        return a?.kind === 'none' ? a : b?.kind === 'none' ? b : null;
      }
      if (e.op === '/') {
        // c / T^k → 0 with c fixed.
        if (!dependsOn(e.left, key) && isPolynomial(e.right, key)) return { kind: 'value', value: ZERO, rules: [`c/T^k → 0 (${printExpr(e.right)} → ∞)`] };
        const a = limitOf(e.left, key, rc);
        if (a?.kind === 'value' && !dependsOn(e.right, key)) return { kind: 'value', value: isZero(a.value) ? ZERO : { ...e, left: a.value }, rules: a.rules };
        return null;
      }
      if (e.op === '+' || e.op === '-') {
        const a = limitOf(e.left, key, rc);
        const b = limitOf(e.right, key, rc);
        if (a?.kind === 'value' && b?.kind === 'value') {
          const value: Expr = isZero(b.value) ? a.value
            : isZero(a.value) ? (e.op === '+' ? b.value : { kind: 'Neg', arg: b.value, range: e.range, shape: { kind: 'scalar' } })
              : { ...e, left: a.value, right: b.value };
          return { kind: 'value', value, rules: [...a.rules, ...b.rules, 'the limit of a sum is the sum of the limits'] };
        }
        return a?.kind === 'none' ? a : b?.kind === 'none' ? b : null;
      }
      return null;
    }
    case 'Call': {
      if (e.fn.base === 'exp' && e.fn.primes === 0 && e.args.length === 1) {
        // exp(−c·T) = (e^{−c})^T → 0 for c > 0.
        const a = e.args[0]!;
        if (a.kind === 'Neg' && growsLinearly(a.arg, key)) return { kind: 'value', value: ZERO, rules: ['exp(−cT) → 0 for c > 0'] };
      }
      return null;
    }
    case 'BigOp': {
      if (e.op !== 'prod' || !isPolynomialUpper(e.upper, key) || dependsOn(e.lower, key)) return null;
      const idx = printName(e.index);
      if (dependsOn(e.body, key)) return null;
      // ∏ of a constant: a geometric power.
      if (!dependsOn(e.body, idx)) return powerLimit(e.body, e.upper, key, rc);
      // ∏ of factors 0 ≤ a_t ≤ q with |q| < 1 (a factor's bound free of t).
      return null;
    }
    default: return null;
  }
}

function isPolynomialUpper(e: Expr, key: string): boolean {
  return growsLinearly(e, key);
}

function powerLimit(base: Expr, exponent: Expr, key: string, rc: RuleContext): LimitValue {
  if (dependsOn(base, key)) {
    // (T)^k or (c/T)^k with a fixed positive k.
    return null;
  }
  if (!growsLinearly(exponent, key)) return null;
  if (belowOneInMagnitude(base, rc)) {
    const r = range(base, rc);
    return { kind: 'value', value: ZERO, rules: [`|q| < 1 ⇒ q^T → 0 (q = ${printExpr(base)} lies in ${rangeText(r)} by the assumptions)`] };
  }
  // At a point (the base a number): q = 1 stays 1; |q| > 1 or q = −1 has no finite limit.
  const q = constantValue(base);
  if (q !== null) {
    const mag = q.sign() < 0 ? q.neg() : q;
    if (q.equals(Rational.ONE)) return { kind: 'value', value: { kind: 'Num', value: '1', range: base.range, shape: { kind: 'scalar' } }, rules: ['1^T = 1'] };
    if (mag.cmp(Rational.ONE) >= 0) return { kind: 'none', why: `${printExpr(base)}^T has no limit (|q| ≥ 1, q ≠ 1)` };
  }
  return null;
}


/** A product ∏_{t}^{T} a_t bounded factor by factor by q with |q| < 1 (given as the step's right side's base). */
function productBound(e: Expr, key: string, rc: RuleContext): LimitValue {
  if (e.kind !== 'BigOp' || e.op !== 'prod' || !growsLinearly(e.upper, key)) return null;
  if (!nonnegative(e.body, rc)) return null;
  for (const f of rc.facts) {
    if (dependsOn(f.rhs, printName(e.index)) || !belowOneInMagnitude(f.rhs, rc)) continue;
    const p = new Bounder(rc).prove(e.body, f.rhs);
    if ('rules' in p) return { kind: 'value', value: ZERO, rules: [`a product of factors in [0, q] with |q| < 1 tends to 0 (q = ${printExpr(f.rhs)})`, ...p.rules] };
  }
  return null;
}

// ---------------------------------------------------------------------------

/** Replaces every scalar name but the limit variable by its exact value at a point (for the rules at a point). */
function atPoint(e: Expr, point: Point, key: string): Expr | null {
  let ok = true;
  const rec = (x: Expr): Expr => {
    if (!ok) return x;
    switch (x.kind) {
      case 'Var': {
        if (printName(x.name) === key) return x;
        if (x.shape?.kind === 'matrix') {
          ok = false;
          return x;
        }
        try {
          const v = point.evaluate(exactField, x);
          if (isMat(v)) {
            ok = false;
            return x;
          }
          return numberExpr(v, x);
        } catch {
          ok = false;
          return x;
        }
      }
      case 'Num': case 'Const': return x;
      case 'Neg': case 'Abs': case 'Norm': case 'Transpose': case 'Factorial': return { ...x, arg: rec(x.arg) } as Expr;
      case 'Expect': return x.second ? { ...x, arg: rec(x.arg), second: rec(x.second) } : { ...x, arg: rec(x.arg) };
      case 'Binary': return { ...x, left: rec(x.left), right: rec(x.right) };
      case 'Call': return { ...x, args: x.args.map(rec) };
      default:
        ok = false;
        return x;
    }
  };
  const out = rec(e);
  return ok ? out : null;
}

function numberExpr(q: Rational, like: Expr): Expr {
  const num = (n: bigint): Expr => ({ kind: 'Num', value: (n < 0n ? -n : n).toString(), range: like.range, shape: { kind: 'scalar' } });
  const abs: Expr = q.d === 1n ? num(q.n) : { kind: 'Binary', op: '/', left: num(q.n), right: num(q.d), range: like.range, shape: { kind: 'scalar' } };
  return q.sign() < 0 ? { kind: 'Neg', arg: abs, range: like.range, shape: { kind: 'scalar' } } : abs;
}

const SEQUENCE = [4, 8, 16, 32, 64, 128];
/** Far further for a closed form in T (no ∑, ∏ or recurrence to unroll): 1/√T shrinks slowly. */
const LONG_SEQUENCE = [4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576];

/** Whether evaluating at a huge T is cheap: no big operator, no family member, no matrix. */
function closedForm(e: Expr): boolean {
  let ok = true;
  visit(e, (x) => {
    if (x.kind === 'BigOp' || x.kind === 'Expect' || (x.kind === 'Var' && x.name.index) || x.shape?.kind === 'matrix') ok = false;
  });
  return ok;
}

/** Decides `left → right as T → ∞` (right free of T). */
export function decideLimit(p: StepProblem, left: Expr, right: Expr, wrt: Var, opts: StepOptions): Outcome {
  const scope = p.prep.ctx.scope;
  const key = scope.lookup(wrt.name)?.info.key ?? printName(wrt.name);
  const none = { samples: 0, counterexample: null, notes: [] };
  if (left.shape?.kind === 'matrix' || right.shape?.kind === 'matrix') {
    return { verdict: 'unknown', method: 'none', ...none, message: 'limits of vectors and matrices are not checked (take a norm)' };
  }
  if (dependsOn(right, key)) return { verdict: 'unknown', method: 'none', ...none, message: `the limit ${printExpr(right)} still depends on ${key}` };
  const rc = ruleContext(p, Math.min(opts.deadline, Date.now() + (opts.deadline - Date.now()) / 2));
  // Definitions unfolded, so that a name defined through T is seen to depend on it; a name
  // that still has a definition (a recurrence) is left to the values along T.
  const body = unfoldAll(left, p);
  const defined = freeNames(body).some((v) => printName(v.name) !== key && unfoldOnce(v, rc) !== null);
  // 1. The rules, for every value of the other names.
  const lim = defined ? null : limitOf(body, key, rc) ?? productBound(body, key, rc);
  if (lim?.kind === 'value' && ((isZero(lim.value) && isZero(right)) || same(lim.value, right, rc))) {
    const rules = [...new Set(lim.rules.filter((r) => r !== ''))];
    if (rules.length === 0) rules.push('a quantity that does not change with T is its own limit');
    const name = rules[0]!.replace(/ \(.*$/, '');
    return { verdict: 'proved', method: 'rule', rule: name, ...none, message: `proved by the limit rules: ${rules.join('; ')}` };
  }
  // 2. The rules at sampled points (and at the ends of the assumed intervals), which may refute.
  const rng = new Rng(opts.seed, `${p.salt}→`);
  const levels = allLevels();
  const points: Point[] = [];
  for (let k = 0; k < 40 && points.length < 16 && Date.now() < opts.deadline; k++) {
    const pt = new Point(p.prep, rng, k);
    pt.deadline = opts.deadline;
    try {
      if (pt.satisfiesAssumptions(levels)) points.push(pt);
    } catch (err) {
      if (!(err instanceof Unsupported || err instanceof Undefined || err instanceof Undecided || err instanceof Inexact || err instanceof Skip)) throw err;
    }
  }
  for (const pt of defined ? [] : [...endPoints(p, points[0] ?? null, rng), ...points]) {
    if (Date.now() > opts.deadline) break;
    const e = atPoint(body, pt, key);
    const target = atPoint(right, pt, key);
    if (!e || !target) continue;
    const at = limitOf(e, key, { ...rc, facts: [], forAll: [] });
    if (!at) continue;
    const differs = at.kind === 'none' || differsExactly(at.value, target, pt);
    if (differs && pt.satisfiesAssumptions(levels, true)) {
      const said = at.kind === 'none' ? at.why : `here ${printExpr(left)} → ${printExpr(at.value)}`;
      pt.touched.clear();
      for (const v of freeNames(left)) if (printName(v.name) !== key) try { pt.evaluate(exactField, v); } catch { /* shown if drawn */ }
      return {
        verdict: 'refuted', method: 'rule', rule: at.kind === 'none' ? 'no limit' : 'limit at a point', samples: 1,
        counterexample: counterexample(pt, at.kind === 'none' ? 'no limit' : printExpr(at.value), printExpr(right)),
        notes: [], message: `the limit is not ${printExpr(right)} at this point: ${said}`,
      };
    }
  }
  // 3. The values along a growing sequence of T.
  return sequenceCheck(p, left, right, key, points, opts);
}

/** Every definition unfolded (a few rounds; a recurrence stays a name). */
function unfoldAll(e: Expr, p: StepProblem): Expr {
  let cur = e;
  for (let round = 0; round < 6; round++) {
    const next = unfold(cur, p.unfoldings.filter((u) => !u.recursive), p.functions, p.prep.ctx.scope, null);
    if (printExpr(next) === printExpr(cur)) break;
    cur = next;
  }
  return cur;
}

/** Points with each scalar at a closed end of its assumed interval (`δ = 1` under `0 ≤ δ ≤ 1`). */
function endPoints(p: StepProblem, base: Point | null, rng: Rng): Point[] {
  if (!base) return [];
  const out: Point[] = [];
  for (const [key, iv] of p.prep.intervals) {
    for (const [end, closed] of [[iv.lo, iv.loClosed], [iv.hi, iv.hiClosed]] as const) {
      if (end === null || !closed) continue;
      const q = base.replacing(key, Rational.parse(String(end)), rng);
      q.deadline = base.deadline;
      out.push(q);
    }
  }
  return out;
}

function differsExactly(a: Expr, b: Expr, pt: Point): boolean {
  try {
    const x = pt.evaluate(exactField, a);
    const y = pt.evaluate(exactField, b);
    return decideRelation(exactField, '=', x, y) === 'fails';
  } catch {
    return false;
  }
}

/** `checked` when at every point the distance to the limit shrinks along T = 4 … 128; the values are shown. */
function sequenceCheck(_p: StepProblem, left: Expr, right: Expr, key: string, points: readonly Point[], opts: StepOptions): Outcome {
  const F: Field<unknown> = intervalField as Field<unknown>;
  const sequence = closedForm(left) && closedForm(right) ? LONG_SEQUENCE : SEQUENCE;
  const along = `${sequence[0]} … ${sequence[sequence.length - 1]}`;
  let held = 0;
  let shown = '';
  for (const base of points.slice(0, 8)) {
    if (Date.now() > opts.deadline) break;
    const values: Val<unknown>[] = [];
    const gaps: number[] = [];
    try {
      for (const T of sequence) {
        const pt = base.replacing(key, Rational.of(T));
        pt.deadline = opts.deadline;
        const l = pt.evaluate(F, left);
        const r = pt.evaluate(F, right);
        if (isMat(l) || isMat(r)) throw new Unsupported('a limit of a vector');
        values.push(l);
        const d = F.sub(l, r) as { lo: number; hi: number };
        // A distance under 10⁻³⁰⁰ is the limit reached in doubles (q^T underflows), not a level.
        const gap = Math.max(Math.abs(d.lo), Math.abs(d.hi));
        gaps.push(gap < 1e-300 ? 0 : gap);
      }
    } catch (err) {
      if (err instanceof Undefined || err instanceof Undecided || err instanceof Inexact || err instanceof Skip) continue;
      if (err instanceof Unsupported) return { verdict: 'unknown', method: 'none', samples: held, counterexample: null, notes: [], message: `the limit could not be evaluated: ${err.message}` };
      throw err;
    }
    const text = sequence.map((T, i) => `${key} = ${T}: ${formatValue(F, values[i]!, 3)}`).join(', ');
    shown ||= text;
    // Evidence, not proof: the distance shrinks at every step, by a factor 10 overall, and
    // does not level off: the ratio of successive distances does not grow (it does for
    // 1 + 100/T, which approaches 1), or Aitken's extrapolation of the last three is near 0.
    const [g1, g2, g3] = gaps.slice(-3) as [number, number, number];
    const d1 = g2 - g1;
    const d2 = g3 - g2;
    const limitEstimate = d2 - d1 > 0 ? g3 - (d2 * d2) / (d2 - d1) : g3;
    const steady = g3 === 0 || (g1 > 0 && g2 > 0 && g3 / g2 <= (g2 / g1) * 1.01);
    const shrinking = gaps.every((g, i) => i === 0 || g <= gaps[i - 1]!) && g3 <= gaps[0]! / 10 && (steady || Math.abs(limitEstimate) <= g3 / 10);
    if (!shrinking) {
      return {
        verdict: 'unknown', method: 'sampling', samples: held, counterexample: null, notes: [],
        message: `no rule decides this limit, and along ${key} = ${along} the values do not clearly approach ${printExpr(right)} at a sampled point (${text})`,
      };
    }
    held++;
  }
  if (held === 0) return { verdict: 'unknown', method: 'none', samples: 0, counterexample: null, notes: [], message: 'no rule decides this limit, and no sampled point could be evaluated along a growing T' };
  return {
    verdict: 'checked', method: 'sampling', samples: held, counterexample: null, notes: [],
    message: `no rule proves this limit; along ${key} = ${along} the distance to ${printExpr(right)} shrinks at ${held} sampled points (e.g. ${shown})`,
  };
}

