import type { Define, Expr, Formula, Name, Var } from '../ast.js';
import { printExpr as printExprText, printName } from '../print.js';
import type { Scope } from '../types/scope.js';

/**
 * Rewriting on the typed AST: substitution of bound names, canonical subscripts, and
 * unfolding definitions (the symbolic path's way to use `by def v`).
 */

/** Replaces free occurrences of names (by key) with expressions, subscripts included. */
export function substitute(e: Expr, subst: ReadonlyMap<string, Expr>): Expr {
  if (subst.size === 0) return e;
  const name = (n: Name): Name => (n.index ? { ...n, index: canonicalIndex(substitute(n.index, subst)) } : n);
  switch (e.kind) {
    case 'Num': case 'Const': return e;
    case 'Var': {
      const key = printName(e.name);
      const hit = subst.get(key);
      if (hit) return hit;
      return e.name.index ? { ...e, name: name(e.name) } : e;
    }
    case 'Neg': case 'Transpose': case 'Factorial': case 'Abs': case 'Norm': case 'Expect':
      return { ...e, arg: substitute(e.arg, subst) } as Expr;
    case 'Binary': return { ...e, left: substitute(e.left, subst), right: substitute(e.right, subst) };
    case 'Call': return { ...e, fn: name(e.fn), args: e.args.map((a) => substitute(a, subst)) };
    case 'BigOp': {
      const inner = new Map(subst);
      inner.delete(printName(e.index));
      return { ...e, lower: substitute(e.lower, subst), upper: substitute(e.upper, subst), body: substitute(e.body, inner) };
    }
    case 'Deriv': case 'Grad': {
      // The variable a derivative binds: renamed when replaced by a name, else kept in the body.
      const key = printName(e.wrt.name);
      const hit = subst.get(key);
      if (hit?.kind === 'Var') return { ...e, wrt: hit, body: substitute(e.body, subst) } as Expr;
      const inner = new Map(subst);
      inner.delete(key);
      return { ...e, body: substitute(e.body, inner) } as Expr;
    }
    case 'Limit': {
      const inner = new Map(subst);
      inner.delete(printName(e.wrt.name));
      return { ...e, to: substitute(e.to, subst), body: substitute(e.body, inner) };
    }
  }
}

/**
 * Replaces every subexpression whose printed form is a key (a cited fact `f̂(x_0 - ε g) = …`,
 * the IH `v_{t - 1} = …`, an assumption `g_{t - 1} = σ(h_{t - 1})`), outermost first.
 */
export function replaceByKey(e: Expr, rules: ReadonlyMap<string, Expr>): Expr {
  if (rules.size === 0) return e;
  const hit = rules.get(printExprText(e));
  if (hit) return hit;
  switch (e.kind) {
    case 'Num': case 'Const': case 'Var': return e;
    case 'Neg': case 'Transpose': case 'Factorial': case 'Abs': case 'Norm': case 'Expect':
      return { ...e, arg: replaceByKey(e.arg, rules) } as Expr;
    case 'Binary': return { ...e, left: replaceByKey(e.left, rules), right: replaceByKey(e.right, rules) };
    case 'Call': return { ...e, args: e.args.map((a) => replaceByKey(a, rules)) };
    case 'BigOp': return { ...e, body: replaceByKey(e.body, rules) };
    case 'Deriv': case 'Grad': {
      // Never rewrite the variable a derivative is taken in (∇_w L(w) is not ∇_w L(g u/‖u‖)).
      const wrt = printName(e.wrt.name);
      const family = printName({ ...e.wrt.name, index: null });
      const inner = new Map([...rules].filter(([k]) => k !== wrt && !k.startsWith(`${family}_`) && k !== family));
      return { ...e, body: replaceByKey(e.body, inner) } as Expr;
    }
    case 'Limit': return { ...e, body: replaceByKey(e.body, rules) };
  }
}

/** Substitution in a formula. */
export function substituteFormula(f: Formula, subst: ReadonlyMap<string, Expr>): Formula {
  switch (f.kind) {
    case 'Compare': return { ...f, operands: f.operands.map((o) => substitute(o, subst)) };
    case 'Logic': return { ...f, left: substituteFormula(f.left, subst), right: substituteFormula(f.right, subst) };
    case 'TagFact': return f;
  }
}

/**
 * A subscript in canonical form when it is linear with integer coefficients:
 * `t-1-1` → `t - 2`, `t+1-1` → `t`, `0-1` → … so `v_{t-1-1}` and `v_{t-2}` are one name.
 */
export function canonicalIndex(e: Expr): Expr {
  const lin = linear(e);
  if (!lin) return e;
  const range = e.range;
  let out: Expr | null = null;
  const keys = [...lin.terms.keys()].sort();
  for (const k of keys) {
    const c = lin.terms.get(k)!;
    if (c === 0) continue;
    const v = lin.vars.get(k)!;
    const mag = Math.abs(c);
    const term: Expr = mag === 1 ? v : { kind: 'Binary', op: '*', implicit: true, left: num(mag, range), right: v, range, shape: v.shape };
    if (!out) out = c < 0 ? { kind: 'Neg', arg: term, range, shape: term.shape } : term;
    else out = { kind: 'Binary', op: c < 0 ? '-' : '+', left: out, right: term, range, shape: term.shape };
  }
  if (!out) return num(lin.constant, range);
  if (lin.constant !== 0) {
    out = { kind: 'Binary', op: lin.constant < 0 ? '-' : '+', left: out, right: num(Math.abs(lin.constant), range), range, shape: out.shape };
  }
  return out;
}

function num(n: number, range: Expr['range']): Expr {
  const lit: Expr = { kind: 'Num', value: String(Math.abs(n)), range, shape: { kind: 'scalar' } };
  return n < 0 ? { kind: 'Neg', arg: lit, range, shape: { kind: 'scalar' } } : lit;
}

interface Linear { terms: Map<string, number>; vars: Map<string, Var>; constant: number }

function linear(e: Expr): Linear | null {
  switch (e.kind) {
    case 'Num': return /^\d+$/.test(e.value) ? { terms: new Map(), vars: new Map(), constant: Number(e.value) } : null;
    case 'Var': {
      if (e.name.index) return null;
      const k = printName(e.name);
      return { terms: new Map([[k, 1]]), vars: new Map([[k, e]]), constant: 0 };
    }
    case 'Neg': {
      const a = linear(e.arg);
      return a ? scale(a, -1) : null;
    }
    case 'Binary': {
      if (e.op === '+' || e.op === '-') {
        const a = linear(e.left);
        const b = linear(e.right);
        if (!a || !b) return null;
        return combine(a, e.op === '+' ? b : scale(b, -1));
      }
      if (e.op === '*') {
        const a = linear(e.left);
        const b = linear(e.right);
        if (!a || !b) return null;
        if (a.terms.size === 0) return scale(b, a.constant);
        if (b.terms.size === 0) return scale(a, b.constant);
        return null;
      }
      return null;
    }
    default: return null;
  }
}

function scale(a: Linear, c: number): Linear {
  return { terms: new Map([...a.terms].map(([k, v]) => [k, v * c])), vars: a.vars, constant: a.constant * c };
}

function combine(a: Linear, b: Linear): Linear {
  const terms = new Map(a.terms);
  for (const [k, v] of b.terms) terms.set(k, (terms.get(k) ?? 0) + v);
  return { terms, vars: new Map([...a.vars, ...b.vars]), constant: a.constant + b.constant };
}

/**
 * Lower bounds that keep every family subscript non-negative: `v_{t-1}` needs t ≥ 1.
 * Only subscripts of the form `t + c` with one integer name count.
 */
export function indexLowerBounds(exprs: readonly Expr[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of exprs) {
    visit(e, (x) => {
      if (x.kind !== 'Var' || !x.name.index) return;
      const lin = linear(x.name.index);
      if (!lin || lin.terms.size !== 1) return;
      const [key, coef] = [...lin.terms][0]!;
      if (coef !== 1) return;
      out.set(key, Math.max(out.get(key) ?? -Infinity, -lin.constant));
    });
  }
  return out;
}

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
  if (t.index) {
    const pattern = indexPattern(t.index);
    if (pattern) ({ variable: indexVar, offset } = pattern);
    else literal = printExprKey(canonicalIndex(t.index));
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

function printExprKey(e: Expr): string {
  return printName({ base: '', index: e, primes: 0, hat: false, range: e.range });
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

/** Calls `f` on every node (subscripts included). */
export function visit(e: Expr, f: (e: Expr) => void): void {
  f(e);
  switch (e.kind) {
    case 'Num': case 'Const': return;
    case 'Var': if (e.name.index) visit(e.name.index, f); return;
    case 'Neg': case 'Transpose': case 'Factorial': case 'Abs': case 'Norm': case 'Expect': visit(e.arg, f); return;
    case 'Binary': visit(e.left, f); visit(e.right, f); return;
    case 'Call': e.args.forEach((a) => visit(a, f)); return;
    case 'BigOp': visit(e.lower, f); visit(e.upper, f); visit(e.body, f); return;
    case 'Deriv': case 'Grad': visit(e.wrt, f); visit(e.body, f); return;
    case 'Limit': visit(e.wrt, f); visit(e.to, f); visit(e.body, f);
  }
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
): Expr {
  const allowed = (symbol: string, printed: string): boolean =>
    only === null ? true : typeof only === 'function' ? only(symbol, printed) : only.has(symbol);
  const rec = (x: Expr): Expr => {
    switch (x.kind) {
      case 'Var': {
        const found = scope.lookup(x.name);
        const key = found?.info.key ?? printName(x.name);
        if (!allowed(key, printName(x.name))) return x;
        const index = found?.index ?? null;
        for (let i = defs.length - 1; i >= 0; i--) {
          const u = defs[i]!;
          if (u.key !== key) continue;
          if (u.indexVar === null && u.literal === null && index === null) return u.def.value;
          if (u.literal !== null && index && printExprKey(canonicalIndex(index)) === u.literal) return u.def.value;
          if (u.indexVar !== null && index) {
            const at = u.offset === 0 ? index
              : canonicalIndex({ kind: 'Binary', op: '-', left: index, right: { kind: 'Num', value: String(u.offset), range: index.range, shape: index.shape }, range: index.range, shape: index.shape });
            if (conditionAllows(u.def, canonicalIndex(at))) return substitute(u.def.value, new Map([[u.indexVar, at]]));
          }
        }
        return x;
      }
      case 'Call': {
        const args = x.args.map(rec);
        const key = printName({ ...x.fn, primes: 0 });
        if (x.fn.primes === 0 && allowed(key, printExprText(x))) {
          for (let i = funcs.length - 1; i >= 0; i--) {
            const f = funcs[i]!;
            if (printName(f.target) !== key || !f.params || f.params.length !== args.length) continue;
            return substitute(f.value, new Map(f.params.map((p, j) => [printName(p.name), args[j]!])));
          }
        }
        return { ...x, args };
      }
      case 'Num': case 'Const': return x;
      case 'Neg': case 'Transpose': case 'Factorial': case 'Abs': case 'Norm': case 'Expect':
        return { ...x, arg: rec(x.arg) } as Expr;
      case 'Binary': return { ...x, left: rec(x.left), right: rec(x.right) };
      case 'BigOp': return { ...x, body: rec(x.body) };
      case 'Deriv': case 'Grad': {
        // The variable a derivative is taken in (and its family) is never unfolded in its body.
        const wrt = scope.lookup(x.wrt.name)?.info.key ?? printName(x.wrt.name);
        const inner = unfold(x.body, defs, funcs, scope, (symbol, printed) => symbol !== wrt && allowed(symbol, printed));
        return { ...x, body: inner } as Expr;
      }
      case 'Limit': return { ...x, body: rec(x.body) };
    }
  };
  return rec(e);
}

/**
 * Whether a recurrence's `for t ≥ k` admits this index: decided when both are whole
 * numbers (`v_0` is not given by `v_t = … for t ≥ 1`), assumed for a symbolic index.
 */
export function conditionAllows(def: Define, index: Expr): boolean {
  const c = def.condition;
  if (!c || index.kind !== 'Num' || !/^\d+$/.test(index.value)) return true;
  const k = Number(index.value);
  let ok = true;
  for (let i = 0; i < c.ops.length; i++) {
    const a = boundValue(c.operands[i]!, k);
    const b = boundValue(c.operands[i + 1]!, k);
    if (a === null || b === null) continue;
    const op = c.ops[i]!;
    ok &&= op === '<' ? a < b : op === '≤' ? a <= b : op === '>' ? a > b : op === '≥' ? a >= b : op === '=' ? a === b : op === '≠' ? a !== b : true;
  }
  return ok;
}

function boundValue(e: Expr, k: number): number | null {
  if (e.kind === 'Var' && !e.name.index) return k;
  const lin = linear(e);
  return lin && lin.terms.size === 0 ? lin.constant : null;
}

/** Keys of every symbol an expression mentions (for counterexamples and hints). */
export function freeNames(e: Expr, bound: ReadonlySet<string> = new Set()): Var[] {
  const out: Var[] = [];
  const rec = (x: Expr, b: ReadonlySet<string>): void => {
    switch (x.kind) {
      case 'Var':
        if (!b.has(printName(x.name))) out.push(x);
        if (x.name.index) rec(x.name.index, b);
        return;
      case 'BigOp': {
        rec(x.lower, b); rec(x.upper, b);
        const inner = new Set(b); inner.add(printName(x.index));
        rec(x.body, inner);
        return;
      }
      case 'Num': case 'Const': return;
      case 'Neg': case 'Transpose': case 'Factorial': case 'Abs': case 'Norm': case 'Expect': rec(x.arg, b); return;
      case 'Binary': rec(x.left, b); rec(x.right, b); return;
      case 'Call': x.args.forEach((a) => rec(a, b)); return;
      case 'Deriv': case 'Grad': rec(x.body, b); return;
      case 'Limit': {
        const inner = new Set(b); inner.add(printName(x.wrt.name));
        rec(x.to, b); rec(x.body, inner);
      }
    }
  };
  rec(e, bound);
  return out;
}
