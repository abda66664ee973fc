import type { Expr, Formula, Name, RelOp, Var } from './ast.js';
import { tick } from './deadline.js';
import { nameKey, printName } from './print.js';

/**
 * One walk over the AST, with binders. Every rewrite (substitution, unfolding, replacing a
 * subexpression) goes through `slots` / `mapChildren`, so a new node kind is one edit here,
 * and a name a node binds (the index of ∑/∏, the variable of `lim`, the variable of
 * `d/dx`, `∂/∂x`, `∇_x`) is never rewritten inside it.
 */

/**
 * What a child is to its parent:
 * - `operand`: an ordinary subexpression;
 * - `index`: the subscript of a name (`v_{t-1}`, `A_{ij}`);
 * - `bound`: the bounds of ∑/∏ and where a limit goes (outside the binder's scope);
 * - `body`: the scope of a binder (its `binds` are bound there);
 * - `point`: the variable of `d/dx`, `∂/∂x`, `∇_x` — a free occurrence (the value depends
 *   on where it is taken) that a rewrite must never replace by something else;
 * - `variable`: the variable of `lim_{T→∞}` — a bound occurrence.
 */
export type Role = 'operand' | 'index' | 'bound' | 'body' | 'point' | 'variable';

/** One child of a node: the subexpression, its role, and the names (keys) bound within it. */
export interface Slot {
  readonly expr: Expr;
  readonly role: Role;
  readonly binds: readonly string[];
}

const NONE: readonly string[] = [];

function slot(expr: Expr, role: Role = 'operand', binds: readonly string[] = NONE): Slot {
  return { expr, role, binds };
}

/** The names a node binds in its body: ∑/∏ index, the `lim` variable, the variable of a derivative. */
export function bindersOf(e: Expr): readonly string[] {
  switch (e.kind) {
    case 'BigOp': return [nameKey(e.index)];
    case 'Limit': case 'Deriv': case 'Grad': return [nameKey(e.wrt.name)];
    default: return NONE;
  }
}

/**
 * The children of a node, in order, with their roles (subscripts of names included). Every
 * walk goes through here, so here the step's hard time limit is looked at (src/deadline.ts).
 */
export function slots(e: Expr): readonly Slot[] {
  tick();
  switch (e.kind) {
    case 'Num': case 'Const': return [];
    case 'Var': return e.name.index ? [slot(e.name.index, 'index')] : [];
    case 'Neg': case 'Transpose': case 'Factorial': case 'Abs': case 'Norm': return [slot(e.arg)];
    case 'Expect': return e.second ? [slot(e.arg), slot(e.second)] : [slot(e.arg)];
    case 'Binary': return [slot(e.left), slot(e.right)];
    case 'Call': return [...(e.fn.index ? [slot(e.fn.index, 'index')] : []), ...e.args.map((a) => slot(a))];
    case 'Component': return [slot(e.of), ...e.indices.map((i) => slot(i, 'index'))];
    case 'BigOp': {
      const binds = bindersOf(e);
      return [slot(e.lower, 'bound'), slot(e.upper, 'bound'), slot(e.body, 'body', binds)];
    }
    case 'Deriv': case 'Grad': return [slot(e.wrt, 'point'), slot(e.body, 'body', bindersOf(e))];
    case 'Limit': return [slot(e.wrt, 'variable'), slot(e.to, 'bound'), slot(e.body, 'body', bindersOf(e))];
  }
}

/** The direct subexpressions of a node. */
export function children(e: Expr): Expr[] {
  return slots(e).map((s) => s.expr);
}

function mapName(n: Name, f: (x: Expr) => Expr): Name {
  if (!n.index) return n;
  const index = f(n.index);
  return index === n.index ? n : { ...n, index };
}

/**
 * The node with each child replaced by `f(child, slot)`; the same object when nothing
 * changed. The variable of a derivative or limit stays a name: a replacement that is not
 * a name is ignored there.
 */
export function mapChildren(e: Expr, f: (child: Expr, slot: Slot) => Expr): Expr {
  // (A leaf, and the commonest kind, without building slots.)
  switch (e.kind) {
    case 'Num': case 'Const': tick(); return e;
    case 'Binary': {
      tick();
      const left = f(e.left, slot(e.left));
      const right = f(e.right, slot(e.right));
      return left === e.left && right === e.right ? e : { ...e, left, right };
    }
    default: break;
  }
  const all = slots(e);
  if (all.length === 0) return e;
  const out = all.map((s) => f(s.expr, s));
  if (out.every((x, i) => x === all[i]!.expr)) return e;
  let i = 0;
  const next = (): Expr => out[i++]!;
  const asVar = (x: Expr, old: Var): Var => (x.kind === 'Var' ? x : old);
  switch (e.kind) {
    case 'Var': return { ...e, name: mapName(e.name, next) };
    case 'Neg': case 'Transpose': case 'Factorial': case 'Abs': case 'Norm':
      return { ...e, arg: next() } as Expr;
    case 'Expect': return e.second ? { ...e, arg: next(), second: next() } : { ...e, arg: next() };
    case 'Call': {
      const fn = mapName(e.fn, next);
      return { ...e, fn, args: e.args.map(() => next()) };
    }
    case 'Component': return { ...e, of: asVar(next(), e.of), indices: e.indices.map(() => next()) };
    case 'BigOp': return { ...e, lower: next(), upper: next(), body: next() };
    case 'Deriv': case 'Grad': return { ...e, wrt: asVar(next(), e.wrt), body: next() } as Expr;
    case 'Limit': return { ...e, wrt: asVar(next(), e.wrt), to: next(), body: next() };
  }
}

/** Calls `f` on every node, outermost first (subscripts and binding occurrences included). */
export function visit(e: Expr, f: (e: Expr) => void): void {
  f(e);
  // (The commonest kinds without building their slots: every search walks the sides many times.)
  switch (e.kind) {
    case 'Num': case 'Const': tick(); return;
    case 'Binary': tick(); visit(e.left, f); visit(e.right, f); return;
    case 'Neg': case 'Transpose': case 'Factorial': case 'Abs': case 'Norm': tick(); visit(e.arg, f); return;
    case 'Var': tick(); if (e.name.index) visit(e.name.index, f); return;
    default: for (const s of slots(e)) visit(s.expr, f);
  }
}

/** The expressions a formula compares (for `H invertible`, the matrix). */
export function formulaExprs(f: Formula): Expr[] {
  switch (f.kind) {
    case 'Compare': return [...f.operands];
    case 'Logic': return [...formulaExprs(f.left), ...formulaExprs(f.right)];
    case 'TagFact': return [f.subject];
  }
}

/** A formula with each of its expressions mapped. */
export function mapFormula(f: Formula, g: (e: Expr) => Expr): Formula {
  switch (f.kind) {
    case 'Compare': return { ...f, operands: f.operands.map(g) };
    case 'Logic': return { ...f, left: mapFormula(f.left, g), right: mapFormula(f.right, g) };
    case 'TagFact': return { ...f, subject: g(f.subject) };
  }
}

// ---------------------------------------------------------------------------
// Identity

/**
 * The structural identity of an expression: equal keys are the same expression, whatever
 * the ranges, shapes, spacing, `a b` against `a·b`, or how it prints. Variables bound by
 * ∑/∏ and `lim` are keyed by position, so `∑_{i=1}^{n} x_i` and `∑_{k=1}^{n} x_k` agree.
 */
export function exprKey(e: Expr): string {
  return key(e, NOTHING_BOUND);
}

/**
 * A key equal for two expressions that differ only by trivial rewriting (LANGUAGE.md §2: a
 * show's chain starts and ends at the claim's sides "up to trivial rewriting"): the order of
 * terms of a sum and of scalar factors of a product, a − b as a + (−b), and −(−a) as a.
 * Nothing is expanded, factored or computed: (a + b)² and a² + 2ab + b² differ.
 */
export function trivialKey(e: Expr): string {
  const terms: string[] = [];
  const addTerms = (x: Expr, negated: boolean): void => {
    if (x.kind === 'Binary' && (x.op === '+' || x.op === '-')) {
      addTerms(x.left, negated);
      addTerms(x.right, x.op === '-' ? !negated : negated);
    } else if (x.kind === 'Neg') {
      addTerms(x.arg, !negated);
    } else {
      const [flip, k] = productKey(x);
      terms.push(`${negated !== flip ? '-' : '+'}${k}`);
    }
  };
  addTerms(e, false);
  return terms.length === 1 && terms[0]!.startsWith('+') ? terms[0]!.slice(1) : `(sum ${terms.sort().join(' ')})`;
}

/** A term's key, and whether it carries a sign of its own: (−a)·b is −(a·b). */
function productKey(e: Expr): [boolean, string] {
  const byNumber = (x: Expr): boolean => x.kind === 'Binary' && x.op === '/' && x.right.kind === 'Num';
  if (e.kind === 'Binary' && e.op === '^') return [false, `(^ ${trivialKey(e.left)} ${trivialKey(e.right)})`];
  if (e.kind === 'Binary' && e.op === '/' && !byNumber(e)) return [false, `(/ ${trivialKey(e.left)} ${trivialKey(e.right)})`];
  if (!(e.kind === 'Binary' && (e.op === '*' || byNumber(e)))) return [false, exprKey(e)];
  // (A division by a number is a product by its reciprocal, and a factor 1 is none: x/2,
  // (1/2)x and ½x are one term; a·1 is a.)
  const factors: Expr[] = [];
  const reciprocals: string[] = [];
  let flip = false;
  const collect = (x: Expr): void => {
    if (x.kind === 'Binary' && x.op === '*') {
      collect(x.left);
      collect(x.right);
    } else if (byNumber(x)) {
      collect((x as Extract<Expr, { kind: 'Binary' }>).left);
      reciprocals.push(`(recip ${((x as Extract<Expr, { kind: 'Binary' }>).right as Extract<Expr, { kind: 'Num' }>).value})`);
    } else if (x.kind === 'Neg') {
      flip = !flip;
      collect(x.arg);
    } else if (!(x.kind === 'Num' && x.value === '1')) factors.push(x);
  };
  collect(e);
  const keys = [...factors.map((f) => trivialKey(f)), ...reciprocals];
  if (keys.length === 0) return [flip, '1'];
  if (factors.length === 0 || factors.every((f) => f.shape?.kind === 'scalar')) keys.sort();
  else {
    // (Scalars commute with everything: their keys first, sorted; the rest keep their order.)
    const scalars = [...factors.filter((f) => f.shape?.kind === 'scalar').map((f) => trivialKey(f)), ...reciprocals].sort();
    const rest = factors.filter((f) => f.shape?.kind !== 'scalar').map((f) => trivialKey(f));
    return [flip, `(prod ${[...scalars, ...rest].join(' ')})`];
  }
  return [flip, keys.length === 1 ? keys[0]! : `(prod ${keys.join(' ')})`];
}

const NOTHING_BOUND: ReadonlyMap<string, string> = new Map();
/** The key of each composite expression with nothing bound around it (its key then depends on it alone; an AST is never changed once built). */
const closedKeys = new WeakMap<Expr, string>();

function key(e: Expr, bound: ReadonlyMap<string, string>): string {
  if (bound.size > 0 || e.kind === 'Num') return keyOf(e, bound);
  let k = closedKeys.get(e);
  if (k === undefined) {
    k = keyOf(e, bound);
    closedKeys.set(e, k);
  }
  return k;
}

function keyOf(e: Expr, bound: ReadonlyMap<string, string>): string {
  const sub = (x: Expr, s?: Slot): string => key(x, s && s.binds.length > 0 && e.kind !== 'Deriv' && e.kind !== 'Grad' ? rebind(bound, s.binds) : bound);
  switch (e.kind) {
    case 'Num': return e.value;
    // (With its size where it has one: I_m and I_n differ where m ≠ n.)
    case 'Const': return e.shape?.kind === 'matrix' ? `#${e.name}[${e.shape.rows},${e.shape.cols}]` : `#${e.name}`;
    case 'Var': return varKey(e.name, bound);
    case 'Binary': return `(${e.op} ${sub(e.left)} ${sub(e.right)})`;
    case 'Neg': return `(neg ${sub(e.arg)})`;
    case 'Transpose': return `(T ${sub(e.arg)})`;
    case 'Factorial': return `(! ${sub(e.arg)})`;
    case 'Abs': return `(abs ${sub(e.arg)})`;
    case 'Norm': return `(norm${e.sub ? `_${e.sub}` : ''} ${sub(e.arg)})`;
    case 'Expect': return `(${e.op} ${sub(e.arg)}${e.second ? ` ${sub(e.second)}` : ''})`;
    case 'Call': return `(call ${nameWithKeys(e.fn, bound)} ${e.args.map((a) => sub(a)).join(' ')})`;
    case 'Component': return `(entry ${sub(e.of)} ${e.indices.map((i) => sub(i)).join(' ')})`;
    case 'BigOp': {
      const s = slots(e);
      return `(${e.op} ${sub(e.lower)} ${sub(e.upper)} ${sub(e.body, s[2])})`;
    }
    case 'Deriv': return `(${e.partial ? '∂' : 'd'} ${sub(e.wrt)} ${sub(e.body)})`;
    case 'Grad': return `(∇ ${sub(e.wrt)} ${sub(e.body)})`;
    case 'Limit': {
      const s = slots(e);
      return `(lim ${sub(e.to)} ${sub(e.body, s[2])})`;
    }
  }
}

function rebind(bound: ReadonlyMap<string, string>, names: readonly string[]): Map<string, string> {
  const out = new Map(bound);
  for (const n of names) out.set(n, `%${out.size}`);
  return out;
}

function nameWithKeys(n: Name, bound: ReadonlyMap<string, string>): string {
  const decorated = `${n.base}${n.hat ? '\u0302' : ''}${n.bar ? '\u0304' : ''}${"'".repeat(n.primes)}`;
  return n.index ? `${decorated}_{${key(n.index, bound)}}` : decorated;
}

function varKey(n: Name, bound: ReadonlyMap<string, string>): string {
  const b = bound.get(nameKey(n));
  return b ?? nameWithKeys(n, bound);
}

/** The structural identity of a formula (see exprKey). */
export function formulaKey(f: Formula): string {
  switch (f.kind) {
    case 'Compare': return `(cmp ${f.operands.map((o, i) => (i === 0 ? exprKey(o) : `${f.ops[i - 1]} ${exprKey(o)}`)).join(' ')})`;
    case 'Logic': return `(${f.op} ${formulaKey(f.left)} ${formulaKey(f.right)})`;
    case 'TagFact': return `(tag ${f.tag} ${exprKey(f.subject)})`;
  }
}

// ---------------------------------------------------------------------------
// Names

/** Every free occurrence of a name (subscripts included; bound ∑/∏/lim variables excluded). */
export function freeNames(e: Expr, bound: ReadonlySet<string> = new Set()): Var[] {
  const out: Var[] = [];
  const rec = (x: Expr, b: ReadonlySet<string>): void => {
    if (x.kind === 'Var' && !b.has(nameKey(x.name))) out.push(x);
    for (const s of slots(x)) {
      if (s.role === 'variable') continue;
      rec(s.expr, s.binds.length > 0 ? new Set([...b, ...s.binds]) : b);
    }
  };
  rec(e, bound);
  return out;
}

/**
 * Replaces free occurrences of names (by key) with expressions, subscripts included (a
 * subscript is then put in canonical form by `index`). Names bound inside a node are not
 * replaced there, and never captured: a ∑/∏ index or `lim` variable that a replacement
 * mentions is first renamed (i → i′; `S_i` by `S_t = ∑_{i=1}^{t} (t − i)` is
 * ∑_{i′=1}^{i} (i − i′), not ∑_{i=1}^{i} (i − i) = 0). A derivative whose variable would be
 * replaced by another expression, or would capture a name a replacement mentions, cannot say
 * where it is taken: it is left as it is, and `blocked` (if given) is called.
 */
export function substitute(
  e: Expr, subst: ReadonlyMap<string, Expr>, index: (x: Expr) => Expr = (x) => x, blocked?: (at: Expr) => void,
): Expr {
  if (subst.size === 0) return e;
  if (e.kind === 'Var') {
    const hit = subst.get(nameKey(e.name));
    if (hit) return hit;
  }
  if ((e.kind === 'Deriv' || e.kind === 'Grad') && subst.has(nameKey(e.wrt.name))) {
    const to = subst.get(nameKey(e.wrt.name))!;
    if (!(to.kind === 'Var' && nameKey(to.name) === nameKey(e.wrt.name))) {
      blocked?.(e);
      return e;
    }
  }
  if (e.kind === 'BigOp' || e.kind === 'Limit' || e.kind === 'Deriv' || e.kind === 'Grad') {
    const bound = bindersOf(e)[0]!;
    if (captures(e.body, without(subst, [bound]), bound)) {
      if (e.kind === 'Deriv' || e.kind === 'Grad') {
        blocked?.(e);
        return e;
      }
      return substitute(renameBinder(e, subst), subst, index, blocked);
    }
  }
  return mapChildren(e, (child, s) => {
    if (s.role === 'point' || s.role === 'variable') return child;
    const inner = s.binds.length > 0 ? without(subst, s.binds) : subst;
    const out = substitute(child, inner, index, blocked);
    return s.role === 'index' && out !== child ? index(out) : out;
  });
}

/** Whether putting `subst` into `body` would put a name bound there (`bound`) inside it: a replaced name is free in `body` and its replacement mentions `bound`. */
function captures(body: Expr, subst: ReadonlyMap<string, Expr>, bound: string): boolean {
  if (subst.size === 0) return false;
  const replaced = new Set<string>();
  for (const v of freeNames(body)) {
    const key = nameKey(v.name);
    if (subst.has(key)) replaced.add(key);
  }
  for (const key of replaced) if (freeNames(subst.get(key)!).some((v) => nameKey(v.name) === bound)) return true;
  return false;
}

/**
 * A ∑/∏ or `lim` with its bound name renamed to one with more primes (i → i′, i″, …) that is
 * free neither in its body nor in any replacement of `subst` (alpha-renaming; the shape and
 * place of every occurrence kept).
 */
function renameBinder(e: Expr & { kind: 'BigOp' | 'Limit' }, subst: ReadonlyMap<string, Expr>): Expr {
  const old = e.kind === 'BigOp' ? e.index : e.wrt.name;
  const oldKey = nameKey(old);
  // (Every name the body holds, bound ones too: a binder of i′ inside would capture the renamed i.)
  const taken = new Set<string>();
  visit(e.body, (x) => {
    if (x.kind === 'Var') taken.add(nameKey(x.name));
    for (const b of bindersOf(x)) taken.add(b);
  });
  for (const value of subst.values()) for (const v of freeNames(value)) taken.add(nameKey(v.name));
  let fresh: Name = { ...old, primes: old.primes + 1 };
  while (taken.has(nameKey(fresh))) fresh = { ...fresh, primes: fresh.primes + 1 };
  const rename = (x: Expr): Expr => {
    if (x.kind === 'Var' && nameKey(x.name) === oldKey) return { ...x, name: { ...fresh, range: x.name.range } };
    return mapChildren(x, (child, s) => (s.binds.includes(oldKey) ? child : rename(child)));
  };
  const body = rename(e.body);
  return e.kind === 'BigOp' ? { ...e, index: { ...fresh, range: old.range }, body }
    : { ...e, wrt: { ...e.wrt, name: { ...fresh, range: old.range } }, body };
}

/** A substitution without some names (those a binder binds). */
export function without(subst: ReadonlyMap<string, Expr>, names: readonly string[]): ReadonlyMap<string, Expr> {
  if (!names.some((n) => subst.has(n))) return subst;
  const inner = new Map(subst);
  for (const n of names) inner.delete(n);
  return inner;
}

/** Whether an expression mentions any of these names freely. */
export function mentionsAny(e: Expr, names: ReadonlySet<string>): boolean {
  if (names.size === 0) return false;
  return freeNames(e).some((v) => names.has(nameKey(v.name)));
}

/** Whether a statement compares anything with `=`, anywhere in it (its solution set is thin: random points miss it). */
export function hasEquation(f: Formula): boolean {
  if (f.kind === 'Logic') return hasEquation(f.left) || hasEquation(f.right);
  return f.kind === 'Compare' && f.ops.includes('=');
}

/** The comparisons a formula asserts through `∧`, one per pair of neighbours (`0 < a < b`: 0 < a and a < b), in order. */
export function comparedPairs(f: Formula): { readonly a: Expr; readonly op: RelOp; readonly b: Expr }[] {
  if (f.kind === 'Logic' && f.op === '∧') return [...comparedPairs(f.left), ...comparedPairs(f.right)];
  if (f.kind !== 'Compare') return [];
  return f.ops.map((op, i) => ({ a: f.operands[i]!, op, b: f.operands[i + 1]! }));
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

/** The integer n as an index expression (a Num, under a Neg when negative). */
export function num(n: number, range: Expr['range']): Expr {
  const lit: Expr = { kind: 'Num', value: String(Math.abs(n)), range, shape: { kind: 'scalar' } };
  return n < 0 ? { kind: 'Neg', arg: lit, range, shape: { kind: 'scalar' } } : lit;
}

/** An index linear in integer names: coefficients and the names by printed name, and the constant. */
export interface Linear { terms: Map<string, number>; vars: Map<string, Var>; constant: number }

/** An index expression as a linear form in names without subscripts, integer coefficients; null otherwise. */
export function linear(e: Expr): Linear | null {
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

/** A linear form times c. */
export function scale(a: Linear, c: number): Linear {
  return { terms: new Map([...a.terms].map(([k, v]) => [k, v * c])), vars: a.vars, constant: a.constant * c };
}

/** The sum of two linear forms. */
export function combine(a: Linear, b: Linear): Linear {
  const terms = new Map(a.terms);
  for (const [k, v] of b.terms) terms.set(k, (terms.get(k) ?? 0) + v);
  return { terms, vars: new Map([...a.vars, ...b.vars]), constant: a.constant + b.constant };
}

/**
 * An index expression linear in integer names with integer coefficients (`t - 1` → t·1 − 1),
 * as its coefficients by printed name and its constant; null otherwise.
 */
export function linearIndex(e: Expr): { readonly terms: ReadonlyMap<string, number>; readonly constant: number } | null {
  const lin = linear(e);
  return lin && { terms: lin.terms, constant: lin.constant };
}
