/**
 * Witnesses for `for all` assumptions sampling cannot enforce (a bound from one side,
 * `f(z) ≥ 0`; an equation, `σ'(z) = σ(z)(1 − σ(z))`; a relation of several values,
 * `f(x) + f(y) ≥ 0`): a point where a step fails counts as a counterexample only where such
 * assumptions hold at every value of their bound names, which a random instance of the
 * function cannot be shown to do. Here the functions those assumptions call are replaced by
 * lines a + b·z (constants first), for which each such assumption is proved everywhere: its
 * sides' difference is the same at every value of its bound names (syntactically, or by the
 * identity test), and it holds where they are 0. The step is then decided again at that point.
 */
import type { Condition, Expr, RelOp } from '../../ast.js';
import { comparedPairs, freeNames, mapChildren } from '../../ast-walk.js';
import { printFormula, printName } from '../../print.js';
import type { Counterexample } from '../../result.js';
import { identityTest } from '../engines/identity-test.js';
import { isMat } from '../evaluator/field.js';
import { Rational, exactField } from '../evaluator/rational.js';
import { isExpr, type StepProblem } from '../problem.js';
import { substitute, substituteFormula, visit } from '../rewrite.js';
import { decideAt } from './at-point.js';
import { elementwiseInstance, type FunctionInstance } from './draw.js';
import { rationalExpr } from './exact-constants.js';
import { allLevels } from './levels.js';
import type { Point } from './point.js';
import { counterexample, failurePoint, formatSides, formatValue } from './report.js';

/** How many lines (one per function, together) are tried at most: constants first. */
const MAX_CANDIDATES = 96;
/** The functions a witness replaces at most (those the unenforced assumptions call, with those sharing an assumption with them). */
const MAX_FUNCTIONS = 3;

/** The keys of the functions expressions call (σ for σ'(z)). */
function callsIn(es: readonly Expr[]): Set<string> {
  const out = new Set<string>();
  for (const e of es) visit(e, (x) => { if (x.kind === 'Call') out.add(printName({ ...x.fn, primes: 0 })); });
  return out;
}

/** The keys of the functions a condition's comparisons call. */
const calledKeys = (c: Condition): Set<string> => callsIn(comparedPairs(c.formula).flatMap(({ a, b }) => [a, b]));

/** e with every call of the functions in `lines` replaced by its line a + b·x (its derivatives: b, then 0); null where a call is not of one scalar argument. */
function withLines(e: Expr, lines: ReadonlyMap<string, readonly [Rational, Rational]>): Expr | null {
  let ok = true;
  const scalar = { kind: 'scalar' } as const;
  const walk = (x: Expr): Expr => {
    if (x.kind === 'Call') {
      const line = lines.get(printName({ ...x.fn, primes: 0 }));
      if (line) {
        if (x.args.length !== 1 || x.args[0]!.shape?.kind === 'matrix') {
          ok = false;
          return x;
        }
        const [a, b] = line;
        const order = x.fn.primes;
        if (order >= 2) return rationalExpr(Rational.ZERO, x.range);
        if (order === 1) return rationalExpr(b, x.range);
        const arg = walk(x.args[0]!);
        if (b.isZero()) return rationalExpr(a, x.range);
        const slope: Expr = { kind: 'Binary', op: '*', left: rationalExpr(b, x.range), right: arg, range: x.range, shape: scalar };
        return a.isZero() ? slope : { kind: 'Binary', op: '+', left: rationalExpr(a, x.range), right: slope, range: x.range, shape: scalar };
      }
    }
    return mapChildren(x, walk);
  };
  const out = walk(e);
  // (A function still named, as in a derivative written another way, d/dz σ(z): not a line's.)
  let named = false;
  visit(out, (x) => { if ((x.kind === 'Var' || x.kind === 'Call') && lines.has(printName(x.kind === 'Var' ? x.name : { ...x.fn, primes: 0 }))) named = true; });
  return ok && !named ? out : null;
}

/**
 * Whether e, once the bound names are put in, is defined at every value of them: it reads them
 * only through +, −, ×, a division by what does not read them, a whole power and |·| (no
 * quotient, root, log or other call of them, which may have no value somewhere).
 */
function totalIn(e: Expr, bound: ReadonlySet<string>): boolean {
  const reads = (x: Expr): boolean => freeNames(x).some((v) => bound.has(printName(v.name)));
  let total = true;
  visit(e, (x) => {
    if (!total || !reads(x)) return;
    switch (x.kind) {
      case 'Var': case 'Num': case 'Neg': case 'Abs': return;
      case 'Binary':
        if (x.op === '+' || x.op === '-' || x.op === '*') return;
        if (x.op === '/' && !reads(x.right)) return;
        if (x.op === '^' && x.right.kind === 'Num' && /^\d+$/.test(x.right.value)) return;
        total = false;
        return;
      default:
        total = false;
    }
  });
  return total;
}

/**
 * Whether a `for all` condition holds at every value of its bound names once its functions
 * are the lines: each compared pair's difference does not depend on them (it reads none, or
 * the identity test finds it equal to itself with them at 0), and the condition holds at `q`
 * (whose instances are the lines) with them at 0.
 */
function holdsEverywhere(c: Condition, lines: ReadonlyMap<string, readonly [Rational, Rational]>, q: Point, p: StepProblem, deadline: number): boolean {
  const bound = new Set(c.forAll.map((v) => printName(v.name)));
  const zero = new Map([...bound].map((k) => [k, rationalExpr(Rational.ZERO, c.range)] as const));
  const ctx = { scope: p.prep.ctx.scope, functions: p.functions, dimensions: p.prep.dimensions };
  for (const { a, b } of comparedPairs(c.formula)) {
    const [l, r] = [withLines(a, lines), withLines(b, lines)];
    if (!l || !r || !totalIn(l, bound) || !totalIn(r, bound)) return false;
    const d: Expr = { kind: 'Binary', op: '-', left: l, right: r, range: c.range, shape: { kind: 'scalar' } };
    if (!freeNames(d).some((v) => bound.has(printName(v.name)))) continue;
    try {
      if (identityTest(d, substitute(d, zero), ctx, `witness|${printFormula(c.formula)}`, deadline).kind !== 'identical') return false;
    } catch {
      return false;
    }
  }
  return q.truth(substituteFormula(c.formula, zero), allLevels()) === true;
}

/** The constants and slopes tried for a function: small numbers, and the values at the point of what its assumptions compare it with. */
function candidateValues(conditions: readonly Condition[], point: Point, keys: ReadonlySet<string>): Rational[] {
  const out = new Map<string, Rational>();
  const add = (r: Rational) => out.set(r.toString(), r);
  for (const s of ['0', '1', '-1', '0.5', '-0.5', '2', '-2']) add(Rational.parse(s));
  for (const c of conditions) {
    const bound = new Set(c.forAll.map((v) => printName(v.name)));
    for (const { a, b } of comparedPairs(c.formula)) {
      for (const e of [a, b]) {
        if (callsIn([e]).size > 0) continue;
        if (freeNames(e).some((v) => bound.has(printName(v.name)) || keys.has(printName(v.name)))) continue;
        try {
          const v = point.evaluate(exactField, e);
          if (isMat(v)) continue;
          for (const w of [v, v.add(Rational.ONE), v.sub(Rational.ONE), v.div(Rational.of(2)), v.neg()]) add(w);
        } catch {
          // (No exact value here: not a candidate.)
        }
      }
    }
  }
  return [...out.values()].slice(0, 16);
}

/**
 * What the counterexample's functions that a witness replaced are chosen to meet (`σ is
 * chosen to meet 'σ'(z) = σ(z) (1 − σ(z))' for every z`); null where it shows none of them
 * (the step does not read them: any function meeting its assumptions will do).
 */
function chosenNote(ce: Counterexample, conditions: readonly Condition[], keys: ReadonlySet<string>): string | null {
  const shown = [...keys].filter((k) => ce.assignments.some(([name]) => name === k));
  if (shown.length === 0) return null;
  const about = conditions.filter((c) => [...calledKeys(c)].some((k) => shown.includes(k)));
  const bound = [...new Set(about.flatMap((c) => c.forAll.map((v) => printName(v.name))))];
  return `${shown.join(' and ')} ${shown.length > 1 ? 'are' : 'is'} chosen to meet ${about.map((c) => `'${printFormula(c.formula)}'`).join(' and ')} for every ${bound.join(', ')}`;
}

/** The counterexample with a note added (after any it has). */
function withNote(ce: Counterexample, note: string | null): Counterexample {
  if (!note) return ce;
  const out = { ...ce, note: ce.note ? `${ce.note}; ${note}` : note };
  return out;
}

/**
 * The failure at `failure`'s point again, with the functions the unenforced `for all`
 * assumptions call replaced by lines that meet every `for all` assumption about them at every
 * value (and the point meeting every other assumption): a counterexample that stands. Null
 * where no line tried does that, or the step does not fail there.
 */
export function witnessedFailure(p: StepProblem, failure: Counterexample, deadline: number): Counterexample | null {
  const point = failurePoint(failure);
  if (!point || !isExpr(p.left) || !isExpr(p.right)) return null;
  const unenforced = p.prep.unenforced;
  if (unenforced.length === 0) return null;
  const scope = p.prep.ctx.scope;
  const forAll = p.prep.ctx.assumptions.filter((c) => c.forAll.length > 0);
  // The functions to replace: those the unenforced assumptions call, and those sharing a
  // `for all` assumption with one of them (f(z) ≤ g(z)).
  const keys = new Set<string>();
  for (const c of unenforced) for (const k of calledKeys(c)) keys.add(k);
  for (let grew = true; grew;) {
    grew = false;
    for (const c of forAll) {
      const called = calledKeys(c);
      if (![...called].some((k) => keys.has(k))) continue;
      for (const k of called) if (!keys.has(k)) { keys.add(k); grew = true; }
    }
  }
  if (keys.size === 0 || keys.size > MAX_FUNCTIONS || [...keys].some((k) => !scope.get(k)?.fn?.elementwise)) return null;
  const conditions = forAll.filter((c) => [...calledKeys(c)].some((k) => keys.has(k)));
  // (An unenforced assumption that calls none of them — z² ≤ 1 for all z — no line meets.)
  if (unenforced.some((c) => !conditions.includes(c))) return null;
  if (conditions.some((c) => c.formula.kind !== 'Compare')) return null;
  const values = candidateValues(conditions, point, keys);
  // Constants first (b = 0), then lines; every function the same kind of candidate in turn.
  const pairs: [Rational, Rational][] = [];
  for (const b of values) for (const a of values) pairs.push([a, b]);
  pairs.sort((u, v) => Number(!u[1].isZero()) - Number(!v[1].isZero()));
  const order = [...keys];
  const levels = allLevels();
  const left = p.left;
  const right = p.right;
  const rel = p.rel as RelOp;
  for (let i = 0; i < Math.min(MAX_CANDIDATES, pairs.length ** order.length); i++) {
    if (Date.now() > deadline) return null;
    // (The i-th combination: one pair per function, the first function's changing fastest.)
    const lines = new Map<string, readonly [Rational, Rational]>();
    let j = i;
    for (const k of order) {
      lines.set(k, pairs[j % pairs.length]!);
      j = Math.floor(j / pairs.length);
    }
    let q = point;
    const instances = new Map<string, FunctionInstance>();
    for (const [k, [a, b]] of lines) {
      const instance = elementwiseInstance([a, b], []);
      instances.set(k, instance);
      q = q.withFunction(k, instance);
    }
    // (The lines as they are, not scaled to a bound: each bound is proved of them below.)
    for (const [k, instance] of instances) q.functions.set(k, instance);
    if (!conditions.every((c) => holdsEverywhere(c, lines, q, p, deadline))) continue;
    q.touched.clear();
    if (!q.satisfiesAssumptions(levels, true)) continue;
    q.touched.clear();
    let o: ReturnType<typeof decideAt>;
    try {
      o = decideAt(q, left, rel, right, levels, undefined, true);
    } catch {
      continue;
    }
    if (o.kind === 'fails') {
      const [l, r] = formatSides(o.F, o.left, o.right);
      const ce = counterexample(q, l, r);
      return withNote(ce, chosenNote(ce, conditions, keys));
    }
    if (o.kind === 'right-undefined' && rel === '=') {
      const l = formatValue(o.F, o.left);
      const ce = counterexample(q, l, 'undefined');
      const chosen = chosenNote(ce, conditions, keys);
      return withNote(ce, `the right side is undefined here (${o.reason}) but the left is ${l}${chosen ? `; ${chosen}` : ''}`);
    }
  }
  return null;
}
