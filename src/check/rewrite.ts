import type { Compare, Define, Expr, Formula, Var } from '../ast.js';
import {
  canonicalIndex, children, combine, exprKey, freeNames, linear, linearIndex, mapChildren, mapFormula, mentionsAny, num, scale, substitute as substituteWalk, visit, type Linear,
} from '../ast-walk.js';
import { printExpr as printExprText, printName } from '../print.js';
import type { Scope } from '../types/scope.js';
import { constantValue } from './evaluator/interpret.js';
import { Rational } from './evaluator/rational.js';

/**
 * Rewriting on the typed AST: substitution of bound names, canonical subscripts, and
 * unfolding definitions (the symbolic path's way to use `by def v`). Every rewrite goes
 * through the walk in src/ast-walk.ts, so names bound by ∑/∏, `lim` and derivatives are
 * never rewritten inside them, and identity is the structural key `exprKey`.
 */

export { canonicalIndex, freeNames, linearIndex, visit };

/**
 * Replaces free occurrences of names (by key) with expressions, subscripts included (put
 * in canonical form). A derivative whose variable would change is left as it is.
 */
export function substitute(e: Expr, subst: ReadonlyMap<string, Expr>, blocked?: (at: Expr) => void): Expr {
  return substituteWalk(e, subst, canonicalIndex, blocked);
}

/**
 * Replaces every subexpression whose structural key (`exprKey`) is a key of `rules` (a
 * cited fact `f̂(x_0 - ε g) = …`, the IH `v_{t-1} = …`, an assumption
 * `g_{t-1} = σ(h_{t-1})`), outermost first; not inside subscripts or bounds, and not
 * where the match or its replacement mentions a name bound there.
 */
export function replaceByKey(e: Expr, rules: ReadonlyMap<string, Expr>): Expr {
  if (rules.size === 0) return e;
  const rec = (x: Expr, bound: ReadonlySet<string>): Expr => {
    const hit = rules.get(exprKey(x));
    if (hit && !mentionsAny(x, bound) && !mentionsAny(hit, bound)) return hit;
    if (x.kind === 'Var') return x;
    return mapChildren(x, (child, s) => {
      if (s.role === 'index' || s.role === 'bound' || s.role === 'point' || s.role === 'variable') return child;
      return rec(child, s.binds.length > 0 ? new Set([...bound, ...s.binds]) : bound);
    });
  };
  return rec(e, new Set());
}

/** Substitution in a formula. */
export function substituteFormula(f: Formula, subst: ReadonlyMap<string, Expr>): Formula {
  return mapFormula(f, (e) => substitute(e, subst));
}


/**
 * Bounds that keep every family subscript non-negative and every component index positive
 * (`x_i` needs i ≥ 1), for indices `k·t + c` with one integer name and a whole k: k ≥ 1 gives a
 * lower bound (`v_{t-1}` needs t ≥ 1, `v_{2t−3}` t ≥ 2), k ≤ −1 an upper one (`v_{5−t}` needs
 * t ≤ 5); a subscript of several integer names, a joint constraint (`v_{t−s}`: t ≥ s). Inside a
 * sum or product, its index variable is at the end of its range where the subscript is least.
 */
export function indexBounds(exprs: readonly Expr[]): { lower: Map<string, number>; upper: Map<string, number>; joint: IndexConstraint[] } {
  const lower = new Map<string, number>();
  const upper = new Map<string, number>();
  const joint: IndexConstraint[] = [];
  // A sum's or product's index variable is replaced by the end of its range where the subscript
  // is least (∑_{i=0}^{t} v_{5−i}: 5 − t ≥ 0; ∑_{i=0}^{s} v_{t−i}: t ≥ s; ∑_{i=1}^{t} v_{i−1}: 0).
  const bound = (index: Expr, least: number, ranges: ReadonlyMap<string, { lo: Expr; hi: Expr }>): void => {
    let lin = linear(index);
    for (let depth = 0; lin && depth < 4; depth++) {
      const inner = [...lin.terms].find(([k, c]) => c !== 0 && ranges.has(k));
      if (!inner) break;
      const [k, c] = inner;
      const end = linear(c > 0 ? ranges.get(k)!.lo : ranges.get(k)!.hi);
      if (!end) return;
      const rest: Linear = { terms: new Map([...lin.terms].filter(([key]) => key !== k)), vars: lin.vars, constant: lin.constant };
      lin = combine(rest, scale(end, c));
    }
    if (!lin || [...lin.terms].some(([k, c]) => c !== 0 && ranges.has(k))) return;
    const terms = [...lin.terms].filter(([, c]) => c !== 0);
    if (terms.length > 1 && terms.every(([, c]) => Number.isInteger(c))) {
      joint.push({ terms, constant: lin.constant, least });
      return;
    }
    if (terms.length !== 1) return;
    const [key, coef] = terms[0]!;
    if (!Number.isInteger(coef)) return;
    if (coef > 0) lower.set(key, Math.max(lower.get(key) ?? -Infinity, Math.ceil((least - lin.constant) / coef)));
    else upper.set(key, Math.min(upper.get(key) ?? Infinity, Math.floor((lin.constant - least) / -coef)));
  };
  const walk = (e: Expr, ranges: ReadonlyMap<string, { lo: Expr; hi: Expr }>): void => {
    if (e.kind === 'Var' && e.name.index) bound(e.name.index, 0, ranges);
    if (e.kind === 'Component') for (const i of e.indices) bound(i, 1, ranges);
    if (e.kind === 'BigOp') {
      walk(e.lower, ranges);
      walk(e.upper, ranges);
      walk(e.body, new Map([...ranges, [printName(e.index), { lo: e.lower, hi: e.upper }]]));
      return;
    }
    for (const c of children(e)) walk(c, ranges);
  };
  for (const e of exprs) walk(e, new Map());
  return { lower, upper, joint };
}

/** A subscript of several integer names that must stay at least `least` (`v_{t−s}`: t − s ≥ 0). */
export interface IndexConstraint { readonly terms: readonly (readonly [string, number])[]; readonly constant: number; readonly least: number }

/** A definition, ready to unfold: its target's symbol key and how to instantiate it. */
export interface Unfolding {
  readonly key: string;
  readonly def: Define;
  /** The index variable of `define v_t = …` (null for `v_0` or a plain name). */
  readonly indexVar: string | null;
  /** The target's subscript is `indexVar + offset` (`define v_{t+1} = …` has offset 1). */
  readonly offset: number;
  /** The literal index of `define v_0 = 0`. */
  readonly literal: string | null;
  /** Refers to its own symbol (a recurrence): unfold one level only. */
  readonly recursive: boolean;
}

/** Prepares a definition for unfolding; null for function definitions, which unfold at calls. */
export function unfoldingOf(def: Define, scope: Scope): Unfolding | null {
  const t = def.target;
  const found = scope.lookup(t);
  const key = found?.info.key ?? printName(t);
  let indexVar: string | null = null;
  let offset = 0;
  let literal: string | null = null;
  // (A member the scope keeps under its own name, `c_1` defined alone, unfolds as a plain name:
  // its uses look up to that key with no index, and `h_2 = σ(W_2 σ(W_1 x))` under define
  // h_1 = σ(W_1 x), h_2 = σ(W_2 h_1) was only checked — red team rt136.)
  if (t.index && found?.index) {
    const pattern = indexPattern(t.index);
    if (pattern) ({ variable: indexVar, offset } = pattern);
    else literal = exprKey(canonicalIndex(t.index));
  }
  return { key, def, indexVar, offset, literal, recursive: mentions(def.value, key, scope) };
}

/** `t` → t + 0, `t+1` → t + 1: the subscript of a definition's target as its variable and offset. */
export function indexPattern(index: Expr): { variable: string; offset: number } | null {
  const lin = linear(index);
  if (!lin || lin.terms.size !== 1) return null;
  const [variable, coef] = [...lin.terms][0]!;
  return coef === 1 ? { variable, offset: lin.constant } : null;
}

/** Whether an expression mentions a symbol (by its key). */
export function mentions(e: Expr, key: string, scope: Scope): boolean {
  let hit = false;
  visit(e, (x) => {
    if (x.kind === 'Var' && (scope.lookup(x.name)?.info.key ?? printName(x.name)) === key) hit = true;
    if (x.kind === 'Call' && printName({ ...x.fn, primes: 0 }) === key) hit = true;
  });
  return hit;
}

/**
 * Unfolds definitions once where they apply: a plain name by its value, a family member
 * `v_{k}` by the recurrence at index k, a call `f̂(a)` by the body with the parameter
 * replaced. `only` limits it to some symbols (a `by def v` hint).
 */
export function unfold(
  e: Expr,
  defs: readonly Unfolding[],
  funcs: readonly Define[],
  scope: Scope,
  only: ReadonlySet<string> | ((symbol: string, printed: string) => boolean) | null,
  onConditional?: (def: Define, indexVar: string, at: Expr) => void,
): Expr {
  const allowed = (symbol: string, printed: string): boolean =>
    only === null ? true : typeof only === 'function' ? only(symbol, printed) : only.has(symbol);
  // A definition's value is used only where none of its own names is bound (no capture);
  // its parameters or index variable are replaced by what the use site gives.
  const fits = (value: Expr, bound: ReadonlySet<string>, params: readonly string[] = []): boolean =>
    bound.size === 0 || !freeNames(value, new Set(params)).some((v) => bound.has(printName(v.name)));
  // `bound`: names a ∑/∏/lim/derivative binds here. `held`: symbols (by key) a derivative
  // is taken in, never unfolded in its body (∇_w L(w) is not ∇_w L(g u/‖u‖); in ∂h_T/∂h_0
  // h_T stays a function of h_0 for the rules of calculus).
  // `from`: the lower bound of each name a ∑/∏ binds here (∑_{t=1}^{T}: t → 1).
  const rec = (x: Expr, bound: ReadonlySet<string>, held: ReadonlySet<string>, from: ReadonlyMap<string, Expr>): Expr => {
    if (x.kind === 'Var') {
      // A bound name is not the symbol; a member `J_t` with t bound (∏_{t=1}^{T} J_t) still unfolds
      // (its index variable becomes that t; `fits` keeps the value's other names from being captured).
      if (bound.has(printName(x.name))) return x;
      const found = scope.lookup(x.name);
      const key = found?.info.key ?? printName(x.name);
      if (held.has(key) || !allowed(key, printName(x.name))) return x;
      const index = found?.index ?? null;
      for (let i = defs.length - 1; i >= 0; i--) {
        const u = defs[i]!;
        if (u.key !== key) continue;
        if (u.indexVar === null && u.literal === null && index === null) return fits(u.def.value, bound) ? u.def.value : x;
        if (u.literal !== null && index && exprKey(canonicalIndex(index)) === u.literal) return fits(u.def.value, bound) ? u.def.value : x;
        if (u.indexVar !== null && index) {
          const at = u.offset === 0 ? index
            : canonicalIndex({ kind: 'Binary', op: '-', left: index, right: { kind: 'Num', value: String(u.offset), range: index.range, shape: index.shape }, range: index.range, shape: index.shape });
          if (!conditionAllows(u.def, canonicalIndex(at))) continue;
          // At a ∑/∏ index the whole range must lie where the condition holds (∑_{t=0}^{T} a_t is
          // not unfolded by `define a_t = … for t ≥ 1`).
          if (u.def.condition && freeNames(at).some((v) => bound.has(printName(v.name))) && !holdsOverRange(u.def.condition, u.indexVar, at, from)) continue;
          let blocked = false;
          const out = substitute(u.def.value, new Map([[u.indexVar, at]]), () => { blocked = true; });
          if (blocked || !fits(u.def.value, bound, [u.indexVar])) return x;
          // Applied at a symbolic index its condition was not checked at (`v_t` by `… for t ≥ 1`):
          // the caller learns where the result holds. (Under a binder the binder's range decides.)
          if (onConditional && u.def.condition && !isWhole(canonicalIndex(at)) && !freeNames(at).some((v) => bound.has(printName(v.name)))) {
            onConditional(u.def, u.indexVar, canonicalIndex(at));
          }
          return out;
        }
      }
      return x;
    }
    const wrt = x.kind === 'Deriv' || x.kind === 'Grad' ? scope.lookup(x.wrt.name)?.info.key ?? printName(x.wrt.name) : null;
    const inside = wrt === null ? held : new Set([...held, wrt]);
    const inner = mapChildren(x, (child, s) => {
      if (s.role === 'index' || s.role === 'bound' || s.role === 'point' || s.role === 'variable') return child;
      const lows = x.kind === 'BigOp' && s.role === 'body' ? new Map([...from, [printName(x.index), x.lower]])
        : s.binds.some((b) => from.has(b)) ? new Map([...from].filter(([b]) => !s.binds.includes(b))) : from;
      return rec(child, s.binds.length > 0 ? new Set([...bound, ...s.binds]) : bound, s.role === 'body' ? inside : held, lows);
    });
    if (inner.kind === 'Call') {
      const key = printName({ ...inner.fn, primes: 0 });
      if (inner.fn.primes === 0 && !held.has(key) && allowed(key, printExprText(x))) {
        for (let i = funcs.length - 1; i >= 0; i--) {
          const f = funcs[i]!;
          if (printName(f.target) !== key || !f.params || f.params.length !== inner.args.length) continue;
          const params = f.params.map((p) => printName(p.name));
          let blocked = false;
          const out = substitute(f.value, new Map(params.map((p, j) => [p, inner.args[j]!])), () => { blocked = true; });
          return blocked || !fits(f.value, bound, params) ? inner : out;
        }
      }
    }
    return inner;
  };
  return rec(e, new Set(), new Set(), new Map());
}

/**
 * Whether a recurrence's `for t ≥ k` admits this index: decided when both are whole
 * numbers (`v_0` is not given by `v_t = … for t ≥ 1`), assumed for a symbolic index.
 */
export function conditionAllows(def: Define, index: Expr): boolean {
  const c = def.condition;
  if (!c || index.kind !== 'Num' || !/^\d+$/.test(index.value)) return true;
  return conditionHolds(c, Number(index.value), definitionVariable(def));
}

/** The index variable of `define v_{t+1} = …` (t), or null. */
export function definitionVariable(def: Define): string | null {
  return def.target.index ? indexPattern(def.target.index)?.variable ?? null : null;
}

/**
 * Whether a definition's condition holds at `at` (a ∑/∏ index plus a constant) for every
 * value of the index from its lower bound up. The conditions are comparisons of one variable
 * with constants, so where one holds is an interval (`≠` aside, never taken): holding at the
 * least value and at 2^53 it holds in between.
 */
function holdsOverRange(c: Compare, variable: string, at: Expr, from: ReadonlyMap<string, Expr>): boolean {
  if (c.ops.includes('≠')) return false;
  const lin = linear(at);
  if (!lin || lin.terms.size !== 1) return false;
  const [name, coef] = [...lin.terms][0]!;
  const lower = from.get(name);
  const low = lower && linear(lower);
  if (coef !== 1 || !low || low.terms.size !== 0) return false;
  return conditionHolds(c, low.constant + lin.constant, variable) && conditionHolds(c, 2 ** 53, variable);
}

function isWhole(e: Expr): boolean {
  return e.kind === 'Num' && /^\d+$/.test(e.value);
}


/**
 * Whether a definition's condition (`for t ≥ 1`, `for t ≤ -1`, `for 1 ≤ t ≤ T`) holds where
 * its variable is k: true, false, or null when it cannot be told (it names something else,
 * such as T, and `valueOf` — a sampled point's values — does not give it). Before, every bare
 * name in a condition was read as the variable, so `t ≤ T` always held.
 */
export function conditionTruth(c: Compare, k: number, variable: string | null, valueOf?: (e: Expr) => Rational | null): boolean | null {
  let ok = true;
  for (let i = 0; i < c.ops.length; i++) {
    const a = boundValue(c.operands[i]!, k, variable, valueOf);
    const b = boundValue(c.operands[i + 1]!, k, variable, valueOf);
    if (a === null || b === null) return null;
    const op = c.ops[i]!;
    const d = a.cmp(b);
    ok &&= op === '<' ? d < 0 : op === '≤' ? d <= 0 : op === '>' ? d > 0 : op === '≥' ? d >= 0 : op === '=' ? d === 0 : op === '≠' ? d !== 0 : false;
  }
  return ok;
}

/** Whether a definition's condition surely holds where its variable is k (not when that cannot be told). */
export function conditionHolds(c: Compare, k: number, variable: string | null): boolean {
  return conditionTruth(c, k, variable) === true;
}

/** An operand of a condition where the variable is k, exactly (`5.5`, `2t`, `t^2`); another name's value from `valueOf`. */
function boundValue(e: Expr, k: number, variable: string | null, valueOf?: (e: Expr) => Rational | null): Rational | null {
  const names = freeNames(e).map((v) => printName(v.name));
  if (names.length === 0 || names.every((n) => n === variable)) {
    return constantValue(names.length === 0 ? e : substitute(e, new Map([[variable!, num(k, e.range)]])));
  }
  // Another name: its value at a point, unless the variable is in it too.
  if (variable !== null && names.includes(variable)) return null;
  return valueOf ? valueOf(e) : null;
}

/**
 * Where a condition holds, as an interval of its variable's whole values (`lo`, `hi`; null:
 * no bound) less some `excluded` values; null when an operand is neither the variable nor a
 * whole constant (`t ≤ T`).
 */
export function conditionSet(c: Compare, variable: string): { lo: number | null; hi: number | null; excluded: number[] } | null {
  let lo: number | null = null;
  let hi: number | null = null;
  const excluded: number[] = [];
  const read = (e: Expr): { isVar: true } | { value: Rational } | null => {
    if (e.kind === 'Var' && !e.name.index && printName(e.name) === variable) return { isVar: true };
    if (freeNames(e).length > 0) return null;
    const value = constantValue(e);
    return value && { value };
  };
  const FLIP: Record<string, string> = { '<': '>', '≤': '≥', '>': '<', '≥': '≤', '=': '=', '≠': '≠' };
  const EMPTY = { lo: 1, hi: 0, excluded: [] };
  for (let i = 0; i < c.ops.length; i++) {
    const a = read(c.operands[i]!);
    const b = read(c.operands[i + 1]!);
    if (!a || !b) return null;
    let op: string = c.ops[i]!;
    if ('value' in a && 'value' in b) {
      if (conditionTruth({ ...c, ops: [c.ops[i]!], operands: [c.operands[i]!, c.operands[i + 1]!] }, 0, null) === false) return EMPTY;
      continue;
    }
    if ('isVar' in a && 'isVar' in b) {
      if (op === '<' || op === '>' || op === '≠') return EMPTY;
      continue;
    }
    let q: Rational;
    if ('value' in a) {
      q = a.value;
      op = FLIP[op] ?? op;
    } else q = (b as { value: Rational }).value;
    // Whole values only: t < 5.5 is t ≤ 5, t ≥ 0.5 is t ≥ 1.
    if (Math.abs(q.toNumber()) > 2 ** 52) return null;
    const floor = Number(q.floor());
    const ceil = Number(q.ceil());
    const whole = q.isInteger();
    const raise = (v: number) => { lo = lo === null ? v : Math.max(lo, v); };
    const lower = (v: number) => { hi = hi === null ? v : Math.min(hi, v); };
    if (op === '≥') raise(ceil);
    else if (op === '>') raise(floor + 1);
    else if (op === '≤') lower(floor);
    else if (op === '<') lower(ceil - 1);
    else if (op === '=') {
      if (!whole) return EMPTY;
      raise(floor);
      lower(floor);
    } else if (op === '≠') {
      if (whole) excluded.push(floor);
    } else return null;
  }
  return { lo, hi, excluded };
}

/** e as k·v + m with v one name (subscripted too) and k, m exact rationals (`2x − 1`, `−n/3`, `0.5x`; `linearIndex` is for index arithmetic in whole numbers); null for anything else. */
export function affineIn(e: Expr): { v: Var; k: Rational; m: Rational } | null {
  const q = constantValue(e);
  if (q) return null;
  switch (e.kind) {
    case 'Var': return e.shape?.kind === 'matrix' ? null : { v: e, k: Rational.ONE, m: Rational.ZERO };
    case 'Neg': {
      const a = affineIn(e.arg);
      return a && { v: a.v, k: a.k.neg(), m: a.m.neg() };
    }
    case 'Binary': {
      const lq = constantValue(e.left);
      const rq = constantValue(e.right);
      if (e.op === '+' || e.op === '-') {
        const sign = e.op === '-' ? Rational.ONE.neg() : Rational.ONE;
        if (rq) {
          const a = affineIn(e.left);
          return a && { v: a.v, k: a.k, m: a.m.add(rq.mul(sign)) };
        }
        if (lq) {
          const b = affineIn(e.right);
          return b && { v: b.v, k: b.k.mul(sign), m: b.m.mul(sign).add(lq) };
        }
        return null;
      }
      if (e.op === '*' && (lq || rq)) {
        const a = affineIn(lq ? e.right : e.left);
        const c = (lq ?? rq)!;
        return a && { v: a.v, k: a.k.mul(c), m: a.m.mul(c) };
      }
      if (e.op === '/' && rq && !rq.isZero()) {
        const a = affineIn(e.left);
        return a && { v: a.v, k: a.k.div(rq), m: a.m.div(rq) };
      }
      return null;
    }
    default: return null;
  }
}
