import { covPair, type Expr, type Shape, type Var } from '../../ast.js';
import { printExpr, printName } from '../../print.js';
import { canonicalIndex, substitute, visit } from '../rewrite.js';
import type { Facts } from './facts.js';
import type { RandomModel, RandomSpec } from './moments.js';
import { pairKey } from './moments.js';
import type { ProofRule, RuleInput, RuleOutcome } from './registry.js';
import { sidesEqual } from './sums.js';

/**
 * Expectations proved by rules (LANGUAGE.md §5.4): each E[·], Var[·] and Cov[·] of a step is
 * rewritten without E where the rules reach — linearity (sums, differences, ∑ with any
 * bounds, deterministic factors on either side, a deterministic divisor, transposes), the
 * declared mean of a random name, the declared second moment of one random name in the
 * forms `A r rᵀ B`, `A r (b r) B`, `(wᵀ r)²`, `r²`, products of independent random names
 * (E[XY] = E[X]E[Y]), and for scalars the declared third and fourth moments;
 * Var[X] = E[X²] − E[X]² and Cov[X, Y] = E[X Yᵀ] − E[X]E[Y]ᵀ — and the two sides are then
 * compared by the sum rules and the exact identity test (leftover E[·] as opaque atoms).
 * A product of two members of an iid family is split only when their subscripts certainly
 * differ (g_t, g_{t-1}) or are the same expression; E[g_i g_j] stays for sampling.
 * Names defined from random names (v_t = β v_{t-1} + (1-β) g_t) are random too: they are
 * only taken apart once unfolded (the candidates that unfold definitions).
 */

class NotApplicable extends Error {}

const SCALAR: Shape = { kind: 'scalar' };
const MAX_PIECES = 128;

export const expectationRules: ProofRule = {
  name: 'expectation rules',
  cites: ['linearity', 'linearity of expectation', 'independence', 'variance', 'expectation', 'bias'],
  concerns: (l, r) => hasExpect(l) || hasExpect(r),
  prove(input: RuleInput): RuleOutcome {
    const ctx = new Rewriter(input);
    try {
      const l = ctx.rewrite(input.left);
      const r = ctx.rewrite(input.right);
      if (ctx.used.size === 0) return { kind: 'not-applicable', reason: ctx.why ?? 'no E[·] here could be taken apart' };
      const eq = sidesEqual(l, r, { ...input, left: l, right: r });
      if (eq.kind === 'not-applicable') return { kind: 'not-applicable', reason: `after ${[...ctx.used].join(', ')}: ${eq.reason}${ctx.why ? ` (${ctx.why})` : ''}` };
      return { ...eq, used: [...ctx.used, ...eq.used] };
    } catch (err) {
      if (!(err instanceof NotApplicable)) throw err;
      return { kind: 'not-applicable', reason: err.message };
    }
  },
};

function hasExpect(e: Expr): boolean {
  let hit = false;
  visit(e, (x) => {
    if (x.kind === 'Expect') hit = true;
  });
  return hit;
}

// Building expressions (shapes kept, 1×1 products are scalars).
function productShape(a: Shape | undefined, b: Shape | undefined): Shape {
  if (a?.kind === 'matrix' && b?.kind === 'matrix') {
    return String(a.rows) === '1' && String(b.cols) === '1' ? SCALAR : { kind: 'matrix', rows: a.rows, cols: b.cols };
  }
  return a?.kind === 'matrix' ? a : b?.kind === 'matrix' ? b : SCALAR;
}
const mul = (a: Expr, b: Expr): Expr => ({ kind: 'Binary', op: '*', left: a, right: b, range: a.range, shape: productShape(a.shape, b.shape) });
const add = (a: Expr, b: Expr): Expr => ({ kind: 'Binary', op: '+', left: a, right: b, range: a.range, shape: a.shape?.kind === 'matrix' ? a.shape : b.shape });
const sub = (a: Expr, b: Expr): Expr => ({ kind: 'Binary', op: '-', left: a, right: b, range: a.range, shape: a.shape?.kind === 'matrix' ? a.shape : b.shape });
const neg = (a: Expr): Expr => ({ kind: 'Neg', arg: a, range: a.range, shape: a.shape });
const transpose = (a: Expr): Expr => (a.shape?.kind === 'matrix'
  ? { kind: 'Transpose', arg: a, range: a.range, shape: { kind: 'matrix', rows: a.shape.cols, cols: a.shape.rows } } : a);
const zero = (like: Expr): Expr => ({ kind: 'Num', value: '0', range: like.range, shape: like.shape?.kind === 'matrix' ? like.shape : SCALAR });

/** One random variable as it appears: a random name (`x`, `g_{t-1}`) and its spec. */
interface Occurrence {
  readonly spec: RandomSpec;
  /** Printed with a canonical subscript: equal texts are the same variable. */
  readonly key: string;
  readonly subscript: Expr | null;
  readonly transposed: boolean;
  readonly node: Var;
}

/** Rewrites E[·], Var[·], Cov[·] of one side; records what it used and why it stopped. */
class Rewriter {
  readonly used = new Set<string>();
  why: string | null = null;
  private readonly model: RandomModel;
  private readonly randomDefined: ReadonlySet<string>;
  private readonly facts: Facts;

  constructor(input: RuleInput) {
    const prep = input.problem.prep;
    this.model = prep.ctx.random;
    this.facts = input.facts;
    this.randomDefined = randomDependents(input, this.model);
  }

  private stop(why: string): void {
    this.why ??= why;
  }

  /** Every E/Var/Cov in e rewritten where the rules reach (innermost first). */
  rewrite(e: Expr): Expr {
    switch (e.kind) {
      case 'Num': case 'Const': case 'Var': return e;
      case 'Expect': {
        const inner = this.rewrite(e.arg);
        const node = { ...e, arg: inner };
        return this.expectation(node) ?? node;
      }
      case 'Neg': case 'Transpose': case 'Factorial': case 'Abs': case 'Norm':
        return { ...e, arg: this.rewrite(e.arg) } as Expr;
      case 'Binary': return { ...e, left: this.rewrite(e.left), right: this.rewrite(e.right) };
      case 'Call': return { ...e, args: e.args.map((a) => this.rewrite(a)) };
      case 'BigOp': return { ...e, body: this.rewrite(e.body) };
      default: return e;
    }
  }

  private expectation(e: Extract<Expr, { kind: 'Expect' }>): Expr | null {
    if (e.op === 'E') return this.expect(e.arg);
    const pair = covPair(e);
    const [x, y] = pair ?? [e.arg, e.arg];
    const ex = this.expect(x);
    const ey = pair ? this.expect(y) : ex;
    const second = this.expect(mul(x, transpose(y)));
    if (!ex || !ey || !second) return null;
    this.used.add(e.op === 'Var' ? 'Var[X] = E[X²] − E[X]²' : 'Cov[X, Y] = E[X Yᵀ] − E[X] E[Y]ᵀ');
    return sub(second, mul(ex, transpose(ey)));
  }

  /** E[x] without E, or null (why is recorded). */
  private expect(x: Expr): Expr | null {
    if (this.deterministic(x)) return x;
    const pieces = additive(x);
    if (pieces.length > MAX_PIECES) {
      this.stop('too many terms inside E[…]');
      return null;
    }
    let out: Expr | null = null;
    for (const p of pieces) {
      const v = this.expectPiece(p);
      if (!v) return null;
      out = out === null ? v : add(out, v);
    }
    if (pieces.length > 1) this.used.add('linearity of E');
    return out ?? zero(x);
  }

  private expectPiece(p: Expr): Expr | null {
    if (this.deterministic(p)) return p;
    if (p.kind === 'Neg') {
      const v = this.expectPiece(p.arg);
      return v && neg(v);
    }
    if (p.kind === 'BigOp' && p.op === 'sum' && this.deterministic(p.lower) && this.deterministic(p.upper)) {
      const body = this.expect(p.body);
      if (!body) return null;
      this.used.add('linearity of E over ∑');
      return { ...p, body, shape: body.shape ?? p.shape };
    }
    if (p.kind === 'Transpose') {
      const v = this.expect(p.arg);
      return v && transpose(v);
    }
    if (p.kind === 'Binary' && p.op === '/' && this.deterministic(p.right)) {
      const v = this.expect(p.left);
      if (!v) return null;
      this.used.add('linearity of E');
      return { ...p, left: v, shape: v.shape ?? p.shape };
    }
    // A product: deterministic factors stay in place; the random ones give moments.
    const factors = flatten(p);
    if (!factors) {
      this.stop(`E[${printExpr(p)}] is not a product of random names and deterministic factors`);
      return null;
    }
    const randomAt = factors.map((f, i) => (this.deterministic(f) ? -1 : i)).filter((i) => i >= 0);
    if (randomAt.length === 1 && factors.length > 1 && !this.occurrence(factors[randomAt[0]!]!)) {
      // One random factor that is not a name (a ∑, a bracket): E[A X B] = A E[X] B.
      const inner = this.expect(factors[randomAt[0]!]!);
      if (!inner) return null;
      this.used.add('deterministic factors out of E');
      const out = [...factors];
      out[randomAt[0]!] = inner;
      return out.reduce((a, b) => mul(a, b));
    }
    const randoms: { at: number; occ: Occurrence; power: number }[] = [];
    for (const i of randomAt) {
      const f = factors[i]!;
      const occ = this.occurrence(f);
      if (!occ) {
        this.stop(f.kind === 'Var' || f.kind === 'Call'
          ? `${printExpr(f)} depends on random names through its definition, which this form does not unfold`
          : `E[${printExpr(p)}]: ${printExpr(f)} is random but not a random name`);
        return null;
      }
      randoms.push({ at: i, ...occ });
    }
    return this.moments(factors, randoms, p);
  }

  /** A factor that is a random name (maybe transposed, maybe to a whole power), or null. */
  private occurrence(f: Expr): { occ: Occurrence; power: number } | null {
    let power = 1;
    let g = f;
    if (g.kind === 'Binary' && g.op === '^' && g.right.kind === 'Num' && /^[1-4]$/.test(g.right.value) && g.left.shape?.kind !== 'matrix') {
      power = Number(g.right.value);
      g = g.left;
    }
    let transposed = false;
    if (g.kind === 'Transpose') {
      transposed = true;
      g = g.arg;
    }
    if (g.kind !== 'Var') return null;
    const found = this.facts.lookup(g);
    if (!found?.info.random) return null;
    const spec = this.model.specs.get(found.info.key);
    if (!spec) return null;
    const subscript = found.index ? canonicalIndex(found.index) : null;
    const key = subscript ? `${spec.key}@${printExpr(subscript)}` : spec.key;
    return { occ: { spec, key, subscript, transposed, node: g }, power };
  }

  /** E of an ordered product whose random factors are `randoms`. */
  private moments(factors: Expr[], randoms: { at: number; occ: Occurrence; power: number }[], p: Expr): Expr | null {
    const out = [...factors];
    // Group by variable; distinct ones must be independent.
    const groups = new Map<string, { occ: Occurrence; at: number[]; degree: number }>();
    for (const r of randoms) {
      const g = groups.get(r.occ.key) ?? { occ: r.occ, at: [], degree: 0 };
      g.at.push(r.at);
      g.degree += r.power;
      groups.set(r.occ.key, g);
    }
    const list = [...groups.values()];
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const why = this.dependence(list[a]!.occ, list[b]!.occ);
        if (why) {
          this.stop(why);
          return null;
        }
      }
    }
    if (list.length > 1) this.used.add('independence: E[X Y] = E[X] E[Y]');
    // Vectors taken twice last, from the right, since they change the word's length.
    list.sort((a, b) => Number(a.occ.spec.shape.kind === 'matrix' && a.degree === 2) - Number(b.occ.spec.shape.kind === 'matrix' && b.degree === 2) || b.at[0]! - a.at[0]!);
    for (const g of list) {
      const { occ } = g;
      const vectorial = occ.spec.shape.kind === 'matrix';
      if (g.degree === 1) {
        const m = this.moment(occ, 'mean');
        if (!m) return null;
        out[g.at[0]!] = occ.transposed ? transpose(m) : m;
        this.used.add('the declared mean');
        continue;
      }
      if (!vectorial) {
        const m = this.moment(occ, g.degree === 2 ? 'second' : g.degree === 3 ? 'third' : 'fourth');
        if (!m) return null;
        g.at.forEach((i, k) => {
          out[i] = k === 0 ? m : { kind: 'Num', value: '1', range: p.range, shape: SCALAR };
        });
        this.used.add(g.degree === 2 ? 'the declared second moment' : 'the declared higher moments');
        continue;
      }
      // A random vector twice in a word: A r rᵀ B, A r (b r) B, A rᵀ b rᵀ B.
      if (g.degree !== 2 || g.at.length !== 2) {
        this.stop(`moments of order ${g.degree} of the random vector '${occ.spec.label}' are not used`);
        return null;
      }
      const [i, j] = g.at as [number, number];
      const first = randoms.find((r) => r.at === i)!.occ;
      const second = randoms.find((r) => r.at === j)!.occ;
      const mid = out.slice(i + 1, j);
      const M = this.moment(occ, 'second');
      if (!M) return null;
      const midExpr = mid.length === 0 ? null : mid.reduce((a, b) => mul(a, b));
      let replaced: Expr[];
      if (!first.transposed && second.transposed) {
        // r (scalar) rᵀ = (scalar) r rᵀ
        replaced = midExpr ? [midExpr, M] : [M];
      } else if (!first.transposed && !second.transposed && midExpr) {
        // r (b r) = r rᵀ bᵀ, b a row
        replaced = [M, transpose(midExpr)];
      } else if (first.transposed && second.transposed && midExpr) {
        // rᵀ (b) rᵀ = bᵀ r rᵀ, b a column
        replaced = [transpose(midExpr), M];
      } else {
        this.stop(`E[${printExpr(p)}] needs the trace of a second moment (rᵀ A r = tr(A E[r rᵀ])), which the rules do not write`);
        return null;
      }
      out.splice(i, j - i + 1, ...replaced);
      this.used.add('the declared second moment');
    }
    return out.reduce((a, b) => mul(a, b));
  }

  /** Why two occurrences may be dependent, or null when they are independent. */
  private dependence(a: Occurrence, b: Occurrence): string | null {
    if (a.spec.key !== b.spec.key) {
      return this.model.dependent.has(pairKey(a.spec.key, b.spec.key)) ? `'${a.spec.label}' and '${b.spec.label}' are related by a declared fact that is not used` : null;
    }
    if (!a.spec.iid) return `members of '${a.spec.label}' are not declared iid`;
    const diff = this.facts.difference(a.subscript, b.subscript);
    if (diff === null || diff === 0) return `${printExpr(a.node)} and ${printExpr(b.node)} may be the same member (E[g_i g_j] depends on whether i = j)`;
    return null;
  }

  /** A declared moment of an occurrence, at its subscript. */
  private moment(occ: Occurrence, which: 'mean' | 'second' | 'third' | 'fourth'): Expr | null {
    const spec = occ.spec;
    const at = (m: { value: Expr; indexVar: string | null }): Expr => {
      if (m.indexVar === null || !occ.subscript) return m.value;
      return substitute(m.value, new Map([[m.indexVar, occ.subscript]]));
    };
    if (which === 'mean') {
      if (spec.mean) return at(spec.mean);
      this.stop(`E[${spec.label}] is not declared`);
      return null;
    }
    if (which === 'second') {
      if (spec.second) return at(spec.second);
      if (spec.covariance && spec.mean) {
        const mu = at(spec.mean);
        return add(at(spec.covariance), mul(mu, transpose(mu)));
      }
      this.stop(`the second moment of '${spec.label}' is not declared`);
      return null;
    }
    const m = which === 'third' ? spec.third : spec.fourth;
    if (m) return at(m);
    this.stop(`the ${which} moment of '${spec.label}' is not declared`);
    return null;
  }

  /** Whether an expression involves no random quantity (E[·] of anything is deterministic). */
  deterministic(e: Expr): boolean {
    let random = false;
    const walk = (x: Expr): void => {
      if (random) return;
      switch (x.kind) {
        case 'Expect': return;
        case 'Var': {
          const found = this.facts.lookup(x);
          if (found?.info.random || this.randomDefined.has(found?.info.key ?? printName(x.name))) random = true;
          if (x.name.index) walk(x.name.index);
          return;
        }
        case 'Call': {
          if (this.randomDefined.has(printName({ ...x.fn, primes: 0 }))) random = true;
          x.args.forEach(walk);
          return;
        }
        case 'Num': case 'Const': return;
        case 'Neg': case 'Transpose': case 'Factorial': case 'Abs': case 'Norm': walk(x.arg); return;
        case 'Binary': walk(x.left); walk(x.right); return;
        case 'BigOp': walk(x.lower); walk(x.upper); walk(x.body); return;
        default: random = true;
      }
    };
    walk(e);
    return !random;
  }
}

/** Names and functions whose definitions (transitively) involve a random name. */
function randomDependents(input: RuleInput, model: RandomModel): Set<string> {
  const scope = input.problem.prep.ctx.scope;
  const out = new Set<string>();
  const defs = [
    ...input.problem.prep.ctx.defs.map((d) => ({ key: d.params ? printName(d.target) : (scope.lookup(d.target)?.info.key ?? printName(d.target)), value: d.value })),
    ...input.problem.prep.rules.map((r) => ({ key: scope.lookup(r.lhs.name)?.info.key ?? printName(r.lhs.name), value: r.rhs })),
  ];
  for (let changed = true; changed;) {
    changed = false;
    for (const d of defs) {
      if (out.has(d.key)) continue;
      let hit = false;
      visit(d.value, (x) => {
        if (x.kind === 'Var') {
          const k = scope.lookup(x.name)?.info.key ?? printName(x.name);
          if (model.specs.has(k) || scope.get(k)?.random || out.has(k)) hit = true;
        }
        if (x.kind === 'Call' && out.has(printName({ ...x.fn, primes: 0 }))) hit = true;
      });
      if (hit) {
        out.add(d.key);
        changed = true;
      }
    }
  }
  return out;
}

/** A body as additive pieces: products distributed over sums and differences (order kept). */
function additive(e: Expr): Expr[] {
  switch (e.kind) {
    case 'Binary': {
      if (e.op === '+') return [...additive(e.left), ...additive(e.right)];
      if (e.op === '-') return [...additive(e.left), ...additive(e.right).map(neg)];
      if (e.op === '*') {
        const a = additive(e.left);
        const b = additive(e.right);
        if (a.length * b.length > MAX_PIECES) return [e];
        return a.flatMap((x) => b.map((y) => mul(x, y)));
      }
      if (e.op === '^' && e.right.kind === 'Num' && /^[234]$/.test(e.right.value) && e.left.shape?.kind !== 'matrix' && e.left.kind !== 'Var') {
        // (a + b)², (wᵀ r)²: as products, so that each part's moments can be taken.
        const k = Number(e.right.value);
        let prod: Expr = e.left;
        for (let j = 1; j < k; j++) prod = mul(prod, e.left);
        return additive(prod);
      }
      if (e.op === '/') return additive(e.left).map((x) => ({ ...e, left: x }));
      return [e];
    }
    case 'Neg': return additive(e.arg).map(neg);
    case 'Transpose': return additive(e.arg).map((x) => transpose(x));
    default: return [e];
  }
}

/** The factors of a product in order (Neg and nested products flattened), or null for a sum inside. */
function flatten(e: Expr): Expr[] | null {
  if (e.kind === 'Binary' && e.op === '*') {
    const a = flatten(e.left);
    const b = flatten(e.right);
    return a && b ? [...a, ...b] : null;
  }
  if (e.kind === 'Binary' && (e.op === '+' || e.op === '-')) return null;
  if (e.kind === 'Transpose' && e.arg.kind === 'Binary' && e.arg.op === '*') {
    const inner = flatten(e.arg);
    return inner && inner.reverse().map((f) => (f.shape?.kind === 'matrix' ? (f.kind === 'Transpose' ? f.arg : transpose(f)) : f));
  }
  return [e];
}
