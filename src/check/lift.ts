/**
 * A function's calls read as one number (lifting). Where a step reads an uninterpreted
 * function f (`function f: R → R`) only as f^{(k)}(a), k ≤ 1, at one argument a defined
 * everywhere, and the assumptions say of f only bounds on f^{(k)}(z) `for all z`, the step
 * holds for every f meeting them exactly when it holds with f^{(k)}(a) replaced by a number u
 * meeting the same bounds: each f gives u = f^{(k)}(a) (the bounds at z = a), and each u is
 * f^{(k)}(a) for f ≡ u (k = 0) or f(x) = u·x (k = 1), which meet them everywhere.
 * So the searches over numbers (ties at exact places, descents) look for the function:
 * `f(y) − f(y)² < 1/4` under |f(z)| ≤ 1 fails at f ≡ 1/2, where no drawn function lands.
 */
import type { Condition, Connective, Define, Expr, Formula, Name, RelOp, Var } from '../ast.js';
import { exprKey, formulaExprs, mapChildren, mapFormula, visit } from '../ast-walk.js';
import { builtinFunction } from '../builtins.js';
import { printExpr, printName } from '../print.js';
import type { Outcome } from '../result.js';
import { SCALAR, Scope } from '../types/scope.js';
import type { Context } from './sampling/point.js';
import type { RewriteRule } from './step.js';

/** A step with some functions' calls lifted to numbers, and how to read its verdict back. */
export interface Lift {
  readonly left: Expr | Formula;
  readonly right: Expr | Formula;
  /** The step's context with the numbers declared and the functions' bounds on them. */
  readonly ctx: Context;
  /** Equations among the lifted bounds (`f(z) = 2 for all z` never lifts: it is no bound). */
  readonly liftedConditions: readonly Condition[];
  /** Each lifted call: the function's name (`f`), its order, and the call as printed (`f(y)`, the number's name). */
  readonly calls: readonly { readonly fn: string; readonly order: 0 | 1; readonly call: string }[];
}

/** Node kinds whose body binds a name: a call inside one is at many arguments (∑_i f(x_i)). */
const BINDERS = new Set(['BigOp', 'Deriv', 'Grad', 'Limit', 'Expect']);


/**
 * Whether plain AST data (an expression, definitions, hints, rules, moments) speaks of the
 * function with this base anywhere: a call of it, a definition of it, or a name spelled so.
 */
export function mentionsFunction(data: unknown, base: string): boolean {
  return mentions(data, base, new Set());
}

function mentions(data: unknown, base: string, seen: Set<object>): boolean {
  if (data === null || typeof data !== 'object' || seen.has(data)) return false;
  seen.add(data);
  if (data instanceof Map) return [...data.values()].some((v) => mentions(v, base, seen));
  if (data instanceof Set) return [...data].some((v) => mentions(v, base, seen));
  if (Array.isArray(data)) return data.some((v) => mentions(v, base, seen));
  const node = data as { kind?: string; fn?: Name; target?: Name };
  if (node.kind === 'Call' && node.fn?.base === base) return true;
  if (node.kind === 'Var' && (node as { name?: Name }).name?.base === base) return true;
  if (node.kind === 'Define' && node.target?.base === base) return true;
  for (const [k, v] of Object.entries(data)) if (k !== 'range' && k !== 'shape' && mentions(v, base, seen)) return true;
  return false;
}

/** The expressions of a side (an expression, or a statement's). */
const exprsOf = (x: Expr | Formula): Expr[] => (x.kind === 'Compare' || x.kind === 'Logic' || x.kind === 'TagFact' ? formulaExprs(x) : [x]);

/**
 * Whether an expression has a value at every point: names that are plain scalars (no
 * definition) or among `bound`, numbers, π, e, + − ×, natural powers, built-ins defined
 * everywhere (not `partial`: sin, exp, |·|, max).
 */
export function definedEverywhere(e: Expr, scope: Scope, defs: readonly Define[], bound: ReadonlySet<string> = new Set()): boolean {
  return total(e, { scope, defs } as Pick<Context, 'scope' | 'defs'>, bound);
}

/**
 * Whether an expression is positive (or at least ≥ 0) at every value of its names by its form
 * alone: positive numbers, π, e, exp and cosh of anything, even powers and |·| (≥ 0), and
 * sums, products and quotients of those; null where the form does not say.
 */
function signByForm(e: Expr): 'positive' | 'nonnegative' | null {
  switch (e.kind) {
    case 'Num': return /^\d/.test(e.value) ? (/^0*(\.0*)?$/.test(e.value) ? 'nonnegative' : 'positive') : null;
    case 'Const': return e.name === 'pi' || e.name === 'e' ? 'positive' : null;
    case 'Abs': return 'nonnegative';
    case 'Call': return !e.fn.index && e.fn.primes === 0 && (e.fn.base === 'exp' || e.fn.base === 'cosh') && e.args.length === 1 ? 'positive' : null;
    case 'Binary': {
      if (e.op === '^') {
        const even = e.right.kind === 'Num' && /^\d+$/.test(e.right.value) && BigInt(e.right.value) % 2n === 0n;
        return signByForm(e.left) === 'positive' ? 'positive' : even ? 'nonnegative' : null;
      }
      const a = signByForm(e.left);
      const b = signByForm(e.right);
      if (a === null || b === null) return null;
      if (e.op === '+') return a === 'positive' || b === 'positive' ? 'positive' : 'nonnegative';
      if (e.op === '*') return a === 'positive' && b === 'positive' ? 'positive' : 'nonnegative';
      if (e.op === '/') return b === 'positive' ? a : null;
      return null;
    }
    default: return null;
  }
}

function total(e: Expr, ctx: Pick<Context, 'scope' | 'defs'>, bound: ReadonlySet<string> = new Set()): boolean {
  let ok = true;
  visit(e, (x) => {
    if (!ok) return;
    switch (x.kind) {
      case 'Num': case 'Neg': case 'Abs': return;
      case 'Const': ok = x.name === 'pi' || x.name === 'e'; return;
      case 'Binary':
        // (A divisor positive by its form, 1 + exp(−z) or 1 + z²: the sigmoid `σ(z) = 1/(1 +
        // exp(−z)) for all z` was no definition, and σ'(a) = σ(a)(1 − σ(a)) unknown, red team rt130.)
        if (x.op === '/') ok = signByForm(x.right) === 'positive';
        // (A whole power, or any power of a positive number: e^{−z}, 2^z.)
        else if (x.op === '^') ok = (x.right.kind === 'Num' && /^\d+$/.test(x.right.value)) || ((x.left.kind === 'Num' || x.left.kind === 'Const') && signByForm(x.left) === 'positive');
        return;
      case 'Var': {
        if (!x.name.index && bound.has(printName(x.name))) return;
        const found = ctx.scope.lookup(x.name);
        const info = found?.info;
        ok = !!info && !x.name.index && info.kind === 'scalar' && info.shape.kind === 'scalar' && !info.random && !info.family
          && !ctx.defs.some((d) => printName(d.target) === info.key || d.target.base === x.name.base);
        return;
      }
      case 'Call': {
        // (A built-in with a value at every argument of its shape: sin, exp, |·|, max; not log, √, tan.)
        const b = builtinFunction(x.fn.base);
        ok = !!b && b.domain !== 'partial' && !x.fn.index && x.fn.primes === 0 && !ctx.scope.lookup(x.fn)
          && x.shape?.kind === 'scalar' && x.args.every((a) => a.shape?.kind === 'scalar');
        return;
      }
      default: ok = false;
    }
  });
  return ok;
}

/**
 * The step with each function it reads only at one argument (as above) lifted to a number,
 * or null where no function is (or the step is a limit, or anything but bounds speaks of it).
 */
export function liftCalls(
  left: Expr | Formula, rel: RelOp | Connective, right: Expr | Formula, ctx: Context, rules: readonly RewriteRule[],
  hint: unknown, limit: unknown,
): Lift | null {
  if (rel === '→' || limit) return null;
  // Each declared function's calls in the step: the order and argument of each, and whether one lies under a binder.
  const seen = new Map<string, { base: string; orders: Set<number>; args: Map<string, Expr>; bound: boolean; ok: boolean }>();
  const walk = (e: Expr, underBinder: boolean): void => {
    if (e.kind === 'Call') {
      const found = ctx.scope.lookup({ ...e.fn, primes: 0 });
      const info = found?.info;
      if (info && info.kind === 'function' && info.fn) {
        const entry = seen.get(info.key) ?? { base: e.fn.base, orders: new Set<number>(), args: new Map<string, Expr>(), bound: false, ok: true };
        seen.set(info.key, entry);
        entry.orders.add(e.fn.primes);
        if (underBinder) entry.bound = true;
        const sig = info.fn;
        if (e.fn.index || info.family || e.args.length !== 1 || sig.params.length !== 1 || sig.params[0]!.kind !== 'scalar'
          || sig.result.kind !== 'scalar' || e.shape?.kind !== 'scalar' || e.fn.base !== info.key) entry.ok = false;
        else entry.args.set(exprKey(e.args[0]!), e.args[0]!);
      }
    }
    const inner = underBinder || BINDERS.has(e.kind);
    mapChildren(e, (c) => {
      walk(c, inner);
      return c;
    });
  };
  for (const e of [...exprsOf(left), ...exprsOf(right)]) walk(e, false);
  const chosen: { key: string; base: string; order: 0 | 1; arg: Expr; u: Var; call: string }[] = [];
  for (const [key, s] of seen) {
    if (!s.ok || s.bound || s.orders.size !== 1 || s.args.size !== 1) continue;
    const order = [...s.orders][0]!;
    if (order !== 0 && order !== 1) continue;
    const arg = [...s.args.values()][0]!;
    if (!total(arg, ctx)) continue;
    // Nothing but the bounds may speak of f: no definition, hypothesis, rule, hint, moment or
    // `limit` (nor a condition a later `for all` covers: its domain would then be restricted).
    // (A rule that is one of the conditions, `f(a) = e` at the step's argument with e free of f,
    // lifts with it: u = e. A cited show's claim `g(x) = x²` is both: red team rt240.)
    const others = rules.filter((r) => !isCondition(r, ctx.assumptions, s.base));
    if (mentionsFunction(ctx.defs, s.base) || mentionsFunction([...ctx.hypotheses ?? []], s.base) || mentionsFunction(others, s.base) || others.some((r) => r.key.includes(s.base))
      || mentionsFunction(hint, s.base) || mentionsFunction(ctx.random, s.base)) continue;
    const callText = printExpr({ kind: 'Call', fn: { base: s.base, index: null, primes: order, hat: false, range: arg.range }, args: [arg], range: arg.range, shape: SCALAR });
    if (ctx.scope.lookup({ base: callText, index: null, primes: 0, hat: false, range: arg.range })) continue;
    const u: Var = { kind: 'Var', name: { base: callText, index: null, primes: 0, hat: false, range: arg.range }, range: arg.range, shape: SCALAR };
    chosen.push({ key, base: s.base, order, arg, u, call: callText });
  }
  if (chosen.length === 0) return null;
  // The conditions, each f^{(k)}(z) under its `for all z` (and f^{(k)}(a) itself) read as u.
  const argKeys = new Map(chosen.map((c) => [c.base, exprKey(c.arg)]));
  const byBase = new Map(chosen.map((c) => [c.base, c]));
  const conditions: Condition[] = [];
  const liftedConditions: Condition[] = [];
  for (const c of ctx.assumptions) {
    const mine = chosen.filter((f) => mentionsFunction(c.formula, f.base));
    if (mine.length === 0) {
      conditions.push(c);
      continue;
    }
    if (ctx.assumptions.some((o) => o.covered)) return null;
    let ok = true;
    const z = c.forAll.length === 1 ? printName(c.forAll[0]!.name) : null;
    if (c.forAll.length > 1) return null;
    // (Over the reals only: `for all n` over an integer n says nothing of f(1/2); red team rt90.)
    const boundInfo = c.forAll.length === 1 ? ctx.scope.lookup(c.forAll[0]!.name)?.info : undefined;
    if (boundInfo && (boundInfo.kind !== 'scalar' || boundInfo.shape.kind !== 'scalar')) return null;
    // (Several lifted functions in one condition are related at one argument only: f(z) ≤ g(z)
    // says nothing of f(x) ≤ g(y). Red team rt90: `f(x) ≤ g(y)` was proved.)
    if (new Set(mine.map((f) => exprKey(f.arg))).size > 1) return null;
    let calls = 0;
    const replace = (e: Expr): Expr => {
      if (e.kind === 'Call') {
        const f = byBase.get(e.fn.base);
        if (f && !e.fn.index) {
          calls++;
          const arg = e.args[0];
          const atBound = z !== null && e.args.length === 1 && arg!.kind === 'Var' && printName(arg!.name) === z;
          const atStep = z === null && e.args.length === 1 && exprKey(arg!) === argKeys.get(f.base);
          if (e.fn.primes !== f.order || !(atBound || atStep)) ok = false;
          return f.u;
        }
      }
      if (BINDERS.has(e.kind) && chosen.some((f) => mentionsFunction(e, f.base))) ok = false;
      return mapChildren(e, replace);
    };
    const formula = mapFormula(c.formula, replace);
    if (!ok || calls === 0) return null;
    // The bound variable only as the function's argument (|f(z)| ≤ z² bounds each f(z) differently).
    if (z !== null) {
      let left = 0;
      for (const e of formulaExprs(formula)) visit(e, (x) => { if (x.kind === 'Var' && printName(x.name) === z) left++; });
      if (left > 0) return null;
    }
    const lifted: Condition = { formula, forAll: [], range: c.range };
    conditions.push(lifted);
    liftedConditions.push(lifted);
  }
  const scope = new Scope(ctx.scope);
  for (const c of chosen) {
    scope.declare({ key: c.call, kind: 'scalar', shape: SCALAR, family: false, tags: new Set(), fn: null, random: false, iid: false, implicit: false, range: c.arg.range });
  }
  const liftExpr = (e: Expr): Expr => {
    if (e.kind === 'Call' && !e.fn.index) {
      const f = byBase.get(e.fn.base);
      if (f) return f.u;
    }
    return mapChildren(e, liftExpr);
  };
  const liftSide = (x: Expr | Formula): Expr | Formula => (x.kind === 'Compare' || x.kind === 'Logic' || x.kind === 'TagFact' ? mapFormula(x, liftExpr) : liftExpr(x));
  return {
    left: liftSide(left),
    right: liftSide(right),
    ctx: { ...ctx, scope, assumptions: conditions },
    liftedConditions,
    calls: chosen.map((c) => ({ fn: c.base, order: c.order, call: c.call })),
  };
}

/**
 * Whether a rewrite is an equation among the conditions (not under `for all`) whose left side
 * is a call of the function `base` and whose right side does not speak of it: lifting reads it
 * as the lifted condition does, the call a number.
 */
function isCondition(r: RewriteRule, conditions: readonly Condition[], base: string): boolean {
  if (mentionsFunction(r.rhs, base)) return false;
  const rhs = exprKey(r.rhs);
  return conditions.some((c) => {
    const f = c.formula;
    return c.forAll.length === 0 && f.kind === 'Compare' && f.ops.length === 1 && f.ops[0] === '=' && f.operands[0]!.kind === 'Call'
      && f.operands[0]!.fn.base === base && exprKey(f.operands[0]!) === r.key && exprKey(f.operands[1]!) === rhs;
  });
}

/** The lifted step's outcome read for the step as written: a number u found for f^{(k)}(a) is the function f ≡ u (or u·x). */
export function liftedOutcome(o: Outcome, lift: Lift): Outcome {
  const names = new Map(lift.calls.map((c) => [c.call, c]));
  const counterexample = o.counterexample && {
    ...o.counterexample,
    assignments: o.counterexample.assignments.map(([name, value]): readonly [string, string] => {
      const c = names.get(name);
      if (!c) return [name, value];
      return c.order === 0 ? [c.fn, `${value}, a constant function`] : [c.fn, `${value}·x, a line (${c.fn}′ = ${value})`];
    }),
  };
  const read = lift.calls.map((c) => c.call).join(', ');
  const why = o.verdict === 'refuted' ? '' : ` (${read} read as a number within the assumptions' bounds: every such number is ${read} for some function meeting them)`;
  return { ...o, counterexample, message: `${o.message}${why}` };
}
