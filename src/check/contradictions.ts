/**
 * `for all` assumptions that contradict one another at some value: `f(z) ≥ z` and `f(z) ≤ 0`
 * need f(5) ≥ 5 and f(5) ≤ 0. No function meets them both, so every step under them holds
 * vacuously (`5 ≤ f(5) ≤ 0` is proved, step by step, each an instance): the file is told,
 * at the later assumption. Bounds on one declared function's call at the bound name
 * (`f(z)`, `σ'(z)`) by sides that are numbers once a value is put in for it are compared
 * exactly at a few values; an assumption that reads any other name is not judged.
 */
import type { Condition, Expr } from '../ast.js';
import { freeNames } from '../ast-walk.js';
import { comparisonFacts } from './rules/facts.js';
import { printFormula, printName } from '../print.js';
import type { Scope } from '../types/scope.js';
import { Rational } from './evaluator/rational.js';
import { constantValue } from './evaluator/interpret.js';
import { rationalExpr } from './sampling/exact-constants.js';
import { substitute, visit } from './rewrite.js';

/** A bound a `for all` condition puts on a call at its bound name: f(z) ≥ side (lower) or ≤ side (upper). */
interface CallBound {
  readonly condition: Condition;
  /** The call's function, with its primes (σ' is bounded apart from σ). */
  readonly key: string;
  readonly name: string;
  readonly side: Expr;
  readonly lower: boolean;
  readonly strict: boolean;
  /** The bound name is a declared integer: it ranges over 0, 1, 2, … only. */
  readonly integer: boolean;
}

/** The values of the bound name each pair is compared at. */
const PROBES = ['0', '1', '-1', '2', '-2', '0.5', '-0.5', '5', '-5', '10', '-10', '100', '-100'].map((s) => Rational.parse(s));

/** The bounds a condition puts on calls of declared functions at its one bound name. */
function boundsOf(c: Condition, scope: Scope): CallBound[] {
  if (c.forAll.length !== 1 || c.formula.kind !== 'Compare') return [];
  const name = printName(c.forAll[0]!.name);
  const integer = scope.lookup(c.forAll[0]!.name)?.info.kind === 'integer';
  const callAt = (e: Expr): string | null => {
    if (e.kind !== 'Call' || e.args.length !== 1) return null;
    const arg = e.args[0]!;
    if (arg.kind !== 'Var' || printName(arg.name) !== name) return null;
    return (scope.get(printName({ ...e.fn, primes: 0 }))?.fn ?? null) !== null ? printName(e.fn) : null;
  };
  // (A side that reads only the bound name, calling no function: a number once it is put in.)
  const plain = (e: Expr): boolean => {
    let calls = false;
    visit(e, (x) => { if (x.kind === 'Call') calls = true; });
    return !calls && freeNames(e).every((v) => printName(v.name) === name);
  };
  const out: CallBound[] = [];
  // (Each comparison as lhs ≤ rhs or lhs < rhs, rules/facts.ts: a call on the left is bounded above.)
  for (const { lhs, rhs, strict } of comparisonFacts(c.formula)) {
    const upper = callAt(lhs);
    if (upper && plain(rhs)) out.push({ condition: c, key: upper, name, side: rhs, lower: false, strict, integer });
    const lower = callAt(rhs);
    if (lower && plain(lhs)) out.push({ condition: c, key: lower, name, side: lhs, lower: true, strict, integer });
  }
  return out;
}

/** A side's value with the bound name at t, or null. */
function at(b: CallBound, t: Rational): Rational | null {
  return constantValue(substitute(b.side, new Map([[b.name, rationalExpr(t, b.side.range)]])));
}

/**
 * The first way the conditions `added` contradict themselves or the earlier ones (the
 * diagnostic's arguments: what clashes, naming the value and both bounds, and whether it is
 * one condition alone), or null. `earlier` and `added` are all in scope together.
 */
export function contradiction(earlier: readonly Condition[], added: readonly Condition[], scope: Scope): { detail: string; self: boolean } | null {
  // (Not against an earlier one that contradicts itself: that was said at its own line.)
  const before = earlier.filter((c) => clash(boundsOf(c, scope), boundsOf(c, scope)) === null).flatMap((c) => boundsOf(c, scope));
  const now = added.flatMap((c) => boundsOf(c, scope));
  return clash(now, [...before, ...now]);
}

/** The first bound of `now` that no function meets together with one of `all`, as the diagnostic's arguments. */
function clash(now: readonly CallBound[], all: readonly CallBound[]): { detail: string; self: boolean } | null {
  for (const b of now) {
    for (const other of all) {
      if (other.key !== b.key || other.lower === b.lower) continue;
      const [low, high] = b.lower ? [b, other] : [other, b];
      for (const t of PROBES) {
        // (An integer's `for all` speaks of 0, 1, 2, … only: f(n) ≥ n, f(n) ≤ −n meet at 0.)
        if ((low.integer || high.integer) && (!t.isInteger() || t.sign() < 0)) continue;
        const l = at(low, t);
        const h = at(high, t);
        if (!l || !h) continue;
        const c = l.cmp(h);
        if (c < 0 || (c === 0 && !low.strict && !high.strict)) continue;
        const value = t.toString();
        const call = `${low.key}(${value})`;
        const sameCondition = low.condition === high.condition;
        return sameCondition
          ? { self: true, detail: `'${printFormula(low.condition.formula)}' contradicts itself: at ${low.name} = ${value} it needs ${call} ${low.strict ? '>' : '≥'} ${l} and ${call} ${high.strict ? '<' : '≤'} ${h}` }
          : { self: false, detail: `'${printFormula(high.condition.formula)}' and '${printFormula(low.condition.formula)}' contradict each other: at ${low.name} = ${value} one needs ${call} ${high.strict ? '<' : '≤'} ${h}, the other ${call} ${low.strict ? '>' : '≥'} ${l}` };
      }
    }
  }
  return null;
}
