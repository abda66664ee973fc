/**
 * Which names decide where an expression has a value (the corner and pole searches move only
 * those): a static walk of the AST through definitions, substitutions among the assumptions
 * and function bodies. Built-ins say where they have a value (builtins.ts `domain`).
 */
import type { Expr } from '../../ast.js';
import { formulaExprs } from '../../ast-walk.js';
import { builtin } from '../../builtins.js';
import { printName } from '../../print.js';
import { isExpr, type StepProblem } from '../problem.js';

/**
 * How a subexpression is read: `free` (its value only), `smooth` (inside a derivative: also
 * where it is differentiable, so |·|, ‖·‖, max and min count as partial), `partial` (inside a
 * partial operation: every name read counts).
 */
type Mode = 'free' | 'smooth' | 'partial';
/** A function's parameter: walks the argument it stands for, in the caller's parameters. */
type Params = ReadonlyMap<string, (mode: Mode) => void>;
const none: Params = new Map();

/** The keys a name is drawn under (a family member's without its `@index`). */
function keyOf(p: StepProblem, name: Parameters<typeof printName>[0]): string {
  return p.prep.keyOfName(name);
}

/** The walk gave up (more nodes than WALK_BUDGET): every name may count. */
class TooLarge extends Error {}

/** Nodes one walk may visit (nested function bodies multiply: f(u) = g(u + u + u) nine deep). */
const WALK_BUDGET = 20_000;

/**
 * A walk over expressions of `p` that adds to `out` the key of every name read in `partial`
 * mode; throws TooLarge past WALK_BUDGET nodes.
 */
function walker(p: StepProblem, out: Set<string>): (e: Expr, mode: Mode) => void {
  const scope = p.prep.ctx.scope;
  // E[·], Var[·], Cov[·] read the declared moments (`random g with E[g] = μ, E[g²] = ρ`: at
  // ρ = μ² = 0, Var[g] is 0), and a declared function's instance is scaled to meet its
  // `for all` bounds (`|σ'(z)| ≤ γ for all z`: σ is constant at γ = 0).
  const declared = moments(p);
  const bounds = p.prep.ctx.assumptions.filter((c) => c.forAll.length > 0).flatMap((c) => formulaExprs(c.formula));
  let budget = WALK_BUDGET;
  // Arguments walked for a parameter already, by the caller's parameters and mode: walking
  // them again adds nothing (a parameter read k times, nine calls deep, is k⁹ walks).
  const argsDone = new WeakMap<Params, Map<Expr, Set<Mode>>>();
  const defsOf = new Map<string, Expr[]>();
  for (const d of p.prep.ctx.defs) {
    if (d.params) continue;
    const k = keyOf(p, d.target);
    defsOf.set(k, [...(defsOf.get(k) ?? []), d.value]);
  }
  for (const r of p.prep.rules) {
    const k = keyOf(p, r.lhs.name);
    defsOf.set(k, [...(defsOf.get(k) ?? []), r.rhs]);
  }
  // Definitions walked so far, by key and mode: each once per mode (recurrences end).
  const walked = new Set<string>();
  let depth = 0;
  const walk = (e: Expr, mode: Mode, params: Params): void => {
    if (--budget < 0) throw new TooLarge();
    const kink: Mode = mode === 'free' ? 'free' : 'partial';
    switch (e.kind) {
      case 'Num': case 'Const': return;
      case 'Var': {
        const param = e.name.index ? undefined : params.get(printName(e.name));
        if (param) return param(mode);
        const k = keyOf(p, e.name);
        if (mode === 'partial') out.add(k);
        if (e.name.index) walk(e.name.index, 'partial', params);
        const values = defsOf.get(k);
        if (values && !walked.has(`${k}|${mode}`)) {
          walked.add(`${k}|${mode}`);
          for (const v of values) walk(v, mode, none);
        }
        return;
      }
      case 'Neg': case 'Transpose':
        return walk(e.arg, mode, params);
      case 'Abs': case 'Norm':
        return walk(e.arg, kink, params);
      case 'Binary':
        if (e.op === '/') {
          walk(e.left, mode, params);
          walk(e.right, 'partial', params);
          return;
        }
        if (e.op === '^' && !(e.right.kind === 'Num' && /^\d+$/.test(e.right.value))) {
          walk(e.left, 'partial', params);
          walk(e.right, 'partial', params);
          return;
        }
        walk(e.left, mode, params);
        walk(e.right, mode, params);
        return;
      case 'Call': {
        const fnKey = printName({ ...e.fn, primes: 0 });
        // Every body it has (a section may define it again; the latest one in scope applies).
        const bodies = p.prep.ctx.defs.filter((d) => d.params && printName(d.target) === fnKey);
        // Arguments are evaluated before the call, then read where the body reads its parameters.
        if (bodies.length > 0) {
          for (const a of e.args) walk(a, mode, params);
          // (Nine calls deep is past any derivation's: give up, every name counts.)
          if (++depth > 8) throw new TooLarge();
          for (const def of bodies) {
            const inner = new Map(def.params!.map((v, i) => [printName(v.name), (m: Mode) => {
              const a = e.args[i];
              if (!a) return;
              let done = argsDone.get(params);
              if (!done) argsDone.set(params, done = new Map());
              const modes = done.get(a) ?? new Set<Mode>();
              done.set(a, modes);
              if (modes.has(m)) return;
              modes.add(m);
              walk(a, m, params);
            }] as const));
            walk(def.value, e.fn.primes > 0 && mode === 'free' ? 'smooth' : mode, inner);
          }
          depth--;
          return;
        }
        // A declared function's instances are smooth (sampling/draw.ts); a built-in says (builtins.ts).
        const b = builtin(e.fn.base);
        const domain = b ? b.domain : scope.get(fnKey)?.fn !== undefined ? 'smooth' : 'partial';
        const argMode: Mode = domain === 'smooth' ? mode : domain === 'kinked' ? kink : 'partial';
        for (const a of e.args) walk(a, argMode, params);
        if (!b && mode !== 'free' && !walked.has(`bounds|${mode}`)) {
          walked.add(`bounds|${mode}`);
          for (const x of bounds) walk(x, mode, none);
        }
        return;
      }
      case 'Factorial': return walk(e.arg, 'partial', params);
      case 'Component':
        walk(e.of, mode, params);
        for (const i of e.indices) walk(i, 'partial', params);
        return;
      case 'BigOp':
        walk(e.lower, 'partial', params);
        walk(e.upper, 'partial', params);
        walk(e.body, mode, params);
        return;
      case 'Expect':
        walk(e.arg, 'partial', params);
        if (e.second) walk(e.second, 'partial', params);
        if (!walked.has('moments')) {
          walked.add('moments');
          for (const m of declared) walk(m, 'partial', none);
        }
        return;
      case 'Deriv': case 'Grad':
        walk(e.wrt, mode, params);
        walk(e.body, mode === 'partial' ? 'partial' : 'smooth', params);
        return;
      case 'Limit':
        walk(e.wrt, 'partial', params);
        walk(e.to, 'partial', params);
        walk(e.body, 'partial', params);
        return;
      default: {
        const never: never = e;
        return never;
      }
    }
  };
  return (e, mode) => walk(e, mode, none);
}

/**
 * The keys of the names whose values can decide whether a side of a step has a value: those
 * read inside an operation with a value on part of its domain only (a divisor, √, log, tan, a
 * power that is not a whole-number literal, an inverse, λ_max, a subscript or bound, a
 * factorial, E/Var/Cov with the declared moments, derivatives' kinks and limits), directly or
 * through a definition, an equality among the assumptions, a function's body or its `for all`
 * bounds; closed under the assumptions (one that reads such a name, through definitions too,
 * brings in the others it reads). Outside this set a name's value never changes where the
 * sides are defined, only what they are. Keys as the sampler draws them, without `@index`;
 * null when the walk passes WALK_BUDGET nodes (then every name may count). `leftOnly`: those
 * that decide whether the left side has a value (the right's domain proved to hold the left's).
 */
export function domainKeys(p: StepProblem, leftOnly = false): Set<string> | null {
  const out = new Set<string>();
  try {
    const walk = walker(p, out);
    for (const side of leftOnly ? [p.left] : [p.left, p.right]) {
      if (!isExpr(side)) for (const x of formulaExprs(side)) walk(x, 'partial');
      else walk(side, 'free');
    }
    // An assumption ties the names it reads together (through definitions, substitutions and
    // function bodies too: `define w = x y` / `assume w > 0`): one that reads a name counted
    // brings the rest in. (The declared moments tie theirs through E[·]: μ with ρ ≥ μ².)
    const tied = [...p.prep.checks.map((c) => formulaExprs(c.formula)), moments(p)].map((exprs) => {
      const keys = new Set<string>();
      const read = walker(p, keys);
      for (const x of exprs) read(x, 'partial');
      return keys;
    });
    for (let changed = true; changed;) {
      changed = false;
      for (const keys of tied) {
        if (![...keys].some((k) => out.has(k))) continue;
        for (const k of keys) if (!out.has(k)) { out.add(k); changed = true; }
      }
    }
    return out;
  } catch (err) {
    if (err instanceof TooLarge) return null;
    throw err;
  }
}

/** The declared moments' values (`random g with E[g] = μ, E[g²] = ρ`: μ, ρ). */
function moments(p: StepProblem): Expr[] {
  const out: Expr[] = [];
  for (const spec of p.prep.ctx.random.specs.values()) {
    for (const m of [spec.mean, spec.second, spec.covariance, spec.third, spec.fourth]) if (m) out.push(m.value);
  }
  return out;
}

/**
 * The keys of every name `e` reads, directly or through definitions, substitutions and
 * function bodies; null when there are too many to follow (then every name may count).
 */
export function keysRead(p: StepProblem, e: Expr): Set<string> | null {
  const out = new Set<string>();
  try {
    walker(p, out)(e, 'partial');
    return out;
  } catch (err) {
    if (err instanceof TooLarge) return null;
    throw err;
  }
}
