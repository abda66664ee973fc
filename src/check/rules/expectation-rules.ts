import { covPair, type Expr, type Shape, type Var } from '../../ast.js';
import { children } from '../../ast-walk.js';
import { printExpr, printName } from '../../print.js';
import { canonicalIndex, substitute, visit } from '../rewrite.js';
import type { Facts } from './side-conditions.js';
import type { RandomModel, RandomSpec } from './moments.js';
import { pairKey } from './moments.js';
import type { ProofRule, RuleInput, RuleOutcome } from './registry.js';
import { sidesEqual } from './sums.js';
import { now } from '../../clock.js';

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

/** The expectation rules as a prover (see the file's comment). */
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
      // A definition that reaches itself through Var[…] squares the expression at each
      // unfolding (shared subtrees: cheap to build, but the sum rules print and expand them):
      // past this many nodes the rules stop, so memory stays bounded, not only time.
      if (treeSizeOver(l, MAX_NODES) || treeSizeOver(r, MAX_NODES)) {
        return { kind: 'not-applicable', reason: `the expectations, taken apart, come to more than ${MAX_NODES} terms and factors` };
      }
      const eq = sidesEqual(l, r, { ...input, left: l, right: r });
      if (eq.kind === 'not-applicable') return { kind: 'not-applicable', reason: `after ${[...ctx.used].join(', ')}: ${eq.reason}${ctx.why ? ` (${ctx.why})` : ''}` };
      return { ...eq, used: [...ctx.used, ...eq.used] };
    } catch (err) {
      if (!(err instanceof NotApplicable)) throw err;
      return { kind: 'not-applicable', reason: err.message };
    }
  },
};

/** Nodes of a side the sum rules are given at most, after the expectations are taken apart. */
const MAX_NODES = 20_000;

/** Whether e, counted as a tree (shared subtrees each time), has more than `limit` nodes; stops counting there. */
function treeSizeOver(e: Expr, limit: number): boolean {
  let n = 0;
  const rec = (x: Expr): boolean => {
    if (++n > limit) return true;
    for (const c of children(x)) if (rec(c)) return true;
    return false;
  };
  return rec(e);
}

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
const square = (a: Expr): Expr => ({ kind: 'Binary', op: '^', left: a, right: { kind: 'Num', value: '2', range: a.range, shape: SCALAR }, range: a.range, shape: SCALAR });
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
  private readonly deadline: number;

  constructor(input: RuleInput) {
    const prep = input.problem.prep;
    this.deadline = input.deadline;
    this.model = prep.ctx.random;
    this.facts = input.facts;
    this.randomDefined = randomDependents(input, this.model);
  }

  private stop(why: string): void {
    this.why ??= why;
  }

  /** Every E/Var/Cov in e rewritten where the rules reach (innermost first). */
  rewrite(e: Expr): Expr {
    if (now() > this.deadline) throw new NotApplicable('the time limit ran out while taking E[·] apart');
    switch (e.kind) {
      case 'Num': case 'Const': case 'Var': return e;
      case 'Expect': {
        const inner = this.rewrite(e.arg);
        return this.expectation({ ...e, arg: inner });
      }
      case 'Neg': case 'Transpose': case 'Factorial': case 'Abs': case 'Norm':
        return { ...e, arg: this.rewrite(e.arg) } as Expr;
      case 'Binary': return { ...e, left: this.rewrite(e.left), right: this.rewrite(e.right) };
      case 'Call': return { ...e, args: e.args.map((a) => this.rewrite(a)) };
      case 'BigOp': return { ...e, body: this.rewrite(e.body) };
      default: return e;
    }
  }

  private expectation(e: Extract<Expr, { kind: 'Expect' }>): Expr {
    if (e.op === 'E') return this.expect(e.arg);
    const pair = covPair(e);
    if (e.op === 'Var' || !pair) {
      const v = e.op === 'Var' && e.arg.shape?.kind !== 'matrix' ? this.variance(e.arg) : null;
      if (v) return v;
    }
    const [x, y] = pair ?? [e.arg, e.arg];
    if (!pair && x.shape?.kind !== 'matrix') return this.opaqueVariance(x);
    this.used.add('Cov[X, Y] = E[X Yᵀ] − E[X] E[Y]ᵀ');
    return sub(this.expect(mul(x, transpose(y))), mul(this.expect(x), transpose(this.expect(y))));
  }

  /**
   * Var[X] by the variance rules, or null: deterministic terms drop out, Var[c Y] = c² Var[Y],
   * the variance of a sum of independent terms is the sum of their variances (∑ over an index
   * whose terms are independent: each random name in them an iid member subscripted by the
   * index), and a random name's declared variance.
   */
  private variance(x: Expr): Expr | null {
    const all = additive(x);
    if (!all) return null;
    const pieces = all.filter((p) => !this.deterministic(p));
    if (pieces.length === 0) {
      this.used.add('the variance of a constant is 0');
      return zero(x);
    }
    if (pieces.length > MAX_PIECES) return null;
    // Pieces grouped by the random names they involve; the groups must be independent.
    const groups: { support: Occurrence[]; pieces: Expr[] }[] = [];
    for (const p of pieces) {
      const support = this.support(p);
      if (!support) return null;
      const g = groups.find((h) => h.support.some((a) => support.some((b) => a.key === b.key)));
      if (g) {
        g.pieces.push(p);
        for (const o of support) if (!g.support.some((a) => a.key === o.key)) g.support.push(o);
      } else {
        groups.push({ support: [...support], pieces: [p] });
      }
    }
    for (let a = 0; a < groups.length; a++) {
      for (let b = a + 1; b < groups.length; b++) {
        for (const p of groups[a]!.support) for (const q of groups[b]!.support) if (this.dependence(p, q)) return null;
      }
    }
    if (groups.length > 1) this.used.add('the variance of a sum of independent terms');
    let out: Expr | null = null;
    for (const g of groups) {
      const body = g.pieces.reduce((a, b) => add(a, b));
      const v = g.pieces.length === 1 ? this.variancePiece(body) : null;
      const term = v ?? this.opaqueVariance(body);
      out = out === null ? term : add(out, term);
    }
    return out;
  }

  /** Var of one term: Var[c Y] = c² Var[Y]; Var[∑ of independent terms]; a name's declared variance. */
  private variancePiece(p: Expr): Expr | null {
    if (p.kind === 'Neg') return this.variancePiece(p.arg);
    const factors = flatten(p);
    if (factors && factors.length > 1) {
      const det = factors.filter((f) => this.deterministic(f));
      const rand = factors.filter((f) => !this.deterministic(f));
      if (rand.length === 1 && det.every((f) => f.shape?.kind !== 'matrix')) {
        const c = det.reduce((a, b) => mul(a, b));
        this.used.add('Var[c X] = c² Var[X]');
        const inner = this.variancePiece(rand[0]!) ?? this.opaqueVariance(rand[0]!);
        return mul(square(c), inner);
      }
      return null;
    }
    if (p.kind === 'Binary' && p.op === '/' && this.deterministic(p.right)) {
      const inner = this.variancePiece(p.left) ?? this.opaqueVariance(p.left);
      this.used.add('Var[c X] = c² Var[X]');
      return { kind: 'Binary', op: '/', left: inner, right: square(p.right), range: p.range, shape: SCALAR };
    }
    if (p.kind === 'BigOp' && p.op === 'sum' && this.deterministic(p.lower) && this.deterministic(p.upper)) {
      const index = printName(p.index);
      const support = this.support(p.body);
      // Terms for distinct indices are independent when every random name in the body is an
      // iid member whose subscript moves with the index, one subscript per family (g_i and
      // g_{i+1} in one term would share g_{i+1} with the next).
      if (!support || support.length === 0 || !support.every((o) => o.spec.iid && o.subscript !== null && this.facts.movesWith(o.subscript, index))) return null;
      if (support.some((o) => support.some((q) => q.spec.key === o.spec.key && q.key !== o.key))) return null;
      const body = this.variance(p.body);
      if (!body) return null;
      this.used.add('the variance of a sum of independent terms');
      return { ...p, body, shape: SCALAR };
    }
    const occ = this.occurrence(p);
    if (occ && occ.power === 1 && !occ.occ.transposed && occ.occ.spec.shape.kind !== 'matrix') {
      const spec = occ.occ.spec;
      if (spec.covariance) {
        this.used.add('the declared variance');
        return this.at(occ.occ, spec.covariance);
      }
    }
    return null;
  }

  /** Var[X] = E[X²] − E[X]², with whatever E[…] the rules do not reach kept (canonically) as it is. */
  private opaqueVariance(x: Expr): Expr {
    this.used.add('Var[X] = E[X²] − E[X]²');
    return sub(this.expect(square(x)), square(this.expect(x)));
  }

  /** The random names a term involves, or null when something random is not a name (a random-defined name not unfolded). */
  private support(e: Expr): Occurrence[] | null {
    const out: Occurrence[] = [];
    let ok = true;
    const walk = (x: Expr, bound: ReadonlySet<string>): void => {
      if (!ok) return;
      switch (x.kind) {
        case 'Expect': return;
        case 'Var': {
          if (bound.has(printName(x.name))) return;
          const found = this.facts.lookup(x);
          if (found?.info.random) {
            const o = this.occurrence(x);
            if (!o) ok = false;
            else if (!out.some((a) => a.key === o.occ.key)) out.push(o.occ);
          } else if (this.randomDefined.has(found?.info.key ?? printName(x.name))) {
            ok = false;
          }
          return;
        }
        case 'Call':
          if (this.randomDefined.has(printName({ ...x.fn, primes: 0 }))) ok = false;
          x.args.forEach((a) => walk(a, bound));
          return;
        case 'Num': case 'Const': return;
        case 'Neg': case 'Transpose': case 'Factorial': case 'Abs': case 'Norm': walk(x.arg, bound); return;
        case 'Binary': walk(x.left, bound); walk(x.right, bound); return;
        case 'BigOp': walk(x.lower, bound); walk(x.upper, bound); walk(x.body, bound); return;
        default: ok = false;
      }
    };
    walk(e, new Set());
    return ok ? out : null;
  }

  /** E[x] without E where the rules reach; what they do not reach stays as E[…] of the random part (deterministic factors out). */
  private expect(x: Expr): Expr {
    if (now() > this.deadline) throw new NotApplicable('the time limit ran out while taking E[·] apart');
    if (this.deterministic(x)) return x;
    const pieces = additive(x);
    if (!pieces || pieces.length > MAX_PIECES) {
      this.stop('too many terms inside E[…]');
      return { kind: 'Expect', op: 'E', arg: x, range: x.range, shape: x.shape };
    }
    if (pieces.length > 1) this.used.add('linearity of E');
    return pieces.map((p) => this.expectPiece(p)).reduce((a, b) => add(a, b));
  }

  private expectPiece(p: Expr): Expr {
    if (this.deterministic(p)) return p;
    if (p.kind === 'Neg') return neg(this.expectPiece(p.arg));
    if (p.kind === 'BigOp' && p.op === 'sum' && this.deterministic(p.lower) && this.deterministic(p.upper)) {
      const body = this.expect(p.body);
      this.used.add('linearity of E over ∑');
      return { ...p, body, shape: body.shape ?? p.shape };
    }
    if (p.kind === 'Transpose') return transpose(this.expect(p.arg));
    if (p.kind === 'Binary' && p.op === '/' && this.deterministic(p.right)) {
      const v = this.expect(p.left);
      this.used.add('linearity of E');
      return { ...p, left: v, shape: v.shape ?? p.shape };
    }
    // A product: deterministic factors stay in place; the random ones give moments.
    const factors = flatten(p);
    if (!factors) return this.opaque([p]);
    const randomAt = factors.map((f, i) => (this.deterministic(f) ? -1 : i)).filter((i) => i >= 0);
    if (randomAt.length === 1 && factors.length > 1 && !this.occurrence(factors[randomAt[0]!]!)) {
      // One random factor that is not a name (a ∑, a bracket): E[A X B] = A E[X] B.
      const out = [...factors];
      out[randomAt[0]!] = this.expect(factors[randomAt[0]!]!);
      this.used.add('deterministic factors out of E');
      return out.reduce((a, b) => mul(a, b));
    }
    const randoms: { at: number; occ: Occurrence; power: number }[] = [];
    for (const i of randomAt) {
      const f = factors[i]!;
      const occ = this.occurrence(f);
      if (!occ) {
        if (f.kind === 'Var' || f.kind === 'Call') this.stop(`${printExpr(f)} depends on random names through its definition, which this form does not unfold`);
        return this.pullOut(factors, randomAt);
      }
      randoms.push({ at: i, ...occ });
    }
    return this.moments(factors, randoms, p) ?? this.pullOut(factors, randomAt);
  }

  /**
   * E of a product whose random part is not taken further: the deterministic factors come
   * out (all of them for scalars; those before the first and after the last random factor
   * for a matrix word), and the random part stays as one E[…], written canonically (scalar
   * factors sorted, repeats as powers) so equal parts are one value.
   */
  private pullOut(factors: Expr[], randomAt: number[]): Expr {
    const scalarWord = factors.every((f) => f.shape?.kind !== 'matrix');
    if (scalarWord) {
      const det = factors.filter((_, i) => !randomAt.includes(i));
      const e = this.opaque(randomAt.map((i) => factors[i]!));
      if (det.length > 0) this.used.add('deterministic factors out of E');
      return [...det, e].reduce((a, b) => mul(a, b));
    }
    const first = randomAt[0]!;
    const last = randomAt[randomAt.length - 1]!;
    const before = factors.slice(0, first);
    const after = factors.slice(last + 1);
    if (before.length + after.length > 0) this.used.add('deterministic factors out of E');
    const middle = factors.slice(first, last + 1).reduce((a, b) => mul(a, b));
    const e: Expr = { kind: 'Expect', op: 'E', arg: middle, range: middle.range, shape: middle.shape };
    return [...before, e, ...after].reduce((a, b) => mul(a, b));
  }

  /** E[…] of scalar random factors, canonical: sorted by text, repeats as powers. */
  private opaque(randoms: Expr[]): Expr {
    const counts = new Map<string, { base: Expr; n: number }>();
    for (const f of randoms) {
      let base = f;
      let n = 1;
      if (f.kind === 'Binary' && f.op === '^' && f.right.kind === 'Num' && /^\d$/.test(f.right.value)) {
        base = f.left;
        n = Number(f.right.value);
      }
      const k = printExpr(base);
      const c = counts.get(k) ?? { base, n: 0 };
      c.n += n;
      counts.set(k, c);
    }
    const parts = [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, { base, n }]): Expr => (n === 1 ? base
      : { kind: 'Binary', op: '^', left: base, right: { kind: 'Num', value: String(n), range: base.range, shape: SCALAR }, range: base.range, shape: SCALAR }));
    const arg = parts.reduce((a, b) => mul(a, b));
    return { kind: 'Expect', op: 'E', arg, range: arg.range, shape: arg.shape };
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
    // What this product uses is recorded only if it is taken apart.
    const used = new Set<string>();
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
    if (list.length > 1) used.add('independence: E[X Y] = E[X] E[Y]');
    // Means and scalar moments in place; vectors taken twice afterwards, innermost pair first.
    const pairs: { occ: Occurrence; nodes: [Expr, Expr]; flags: [boolean, boolean] }[] = [];
    for (const g of list) {
      const { occ } = g;
      const vectorial = occ.spec.shape.kind === 'matrix';
      if (g.degree === 1) {
        const m = this.moment(occ, 'mean');
        if (!m) return null;
        out[g.at[0]!] = occ.transposed ? transpose(m) : m;
        used.add('the declared mean');
        continue;
      }
      if (!vectorial) {
        const m = this.moment(occ, g.degree === 2 ? 'second' : g.degree === 3 ? 'third' : 'fourth');
        if (!m) return null;
        g.at.forEach((i, k) => {
          out[i] = k === 0 ? m : { kind: 'Num', value: '1', range: p.range, shape: SCALAR };
        });
        used.add(g.degree === 2 ? 'the declared second moment' : 'the declared higher moments');
        continue;
      }
      if (g.degree !== 2 || g.at.length !== 2 || occ.spec.shape.kind !== 'matrix' || String(occ.spec.shape.cols) !== '1') {
        this.stop(`moments of order ${g.degree} of the random ${String((occ.spec.shape as { cols?: unknown }).cols) === '1' ? 'vector' : 'matrix'} '${occ.spec.label}' are not used`);
        return null;
      }
      const [i, j] = g.at as [number, number];
      const flag = (at: number) => randoms.find((r) => r.at === at)!.occ.transposed;
      pairs.push({ occ, nodes: [factors[i]!, factors[j]!], flags: [flag(i), flag(j)] });
    }
    // A random vector twice in a word: A r rᵀ B, A r (b r) B, A rᵀ (b) rᵀ B — each pair taken
    // when nothing random is left between its two factors (the nodes are found by identity).
    while (pairs.length > 0) {
      const k = pairs.findIndex((q) => {
        const i = out.indexOf(q.nodes[0]);
        const j = out.indexOf(q.nodes[1]);
        return i >= 0 && j > i && !pairs.some((other) => other !== q && other.nodes.some((n) => {
          const at = out.indexOf(n);
          return at > i && at < j;
        }));
      });
      if (k < 0) {
        this.stop(`E[${printExpr(p)}]: random vectors taken twice and interleaved are not taken apart`);
        return null;
      }
      const { occ, nodes, flags } = pairs.splice(k, 1)[0]!;
      const i = out.indexOf(nodes[0]);
      const j = out.indexOf(nodes[1]);
      const mid = out.slice(i + 1, j);
      const M = this.moment(occ, 'second');
      if (!M) return null;
      const midExpr = mid.length === 0 ? null : mid.reduce((a, b) => mul(a, b));
      let replaced: Expr[];
      if (!flags[0] && flags[1]) {
        // r (scalar) rᵀ = (scalar) r rᵀ
        replaced = midExpr ? [midExpr, M] : [M];
      } else if (!flags[0] && !flags[1] && midExpr) {
        // r (b r) = r rᵀ bᵀ, b a row
        replaced = [M, transpose(midExpr)];
      } else if (flags[0] && flags[1] && midExpr) {
        // rᵀ (b) rᵀ = bᵀ r rᵀ, b a column
        replaced = [transpose(midExpr), M];
      } else {
        this.stop(`E[${printExpr(p)}] needs the trace of a second moment (rᵀ A r = tr(A E[r rᵀ])), which the rules do not write`);
        return null;
      }
      out.splice(i, j - i + 1, ...replaced);
      used.add('the declared second moment');
    }
    for (const u of used) this.used.add(u);
    return out.reduce((a, b) => mul(a, b));
  }

  /** Why two occurrences may be dependent, or null when they are independent. */
  private dependence(a: Occurrence, b: Occurrence): string | null {
    if (a.spec.key !== b.spec.key) {
      return this.model.dependent.has(pairKey(a.spec.key, b.spec.key)) ? `'${a.spec.label}' and '${b.spec.label}' are related by an assumption or by a declared fact that is not used` : null;
    }
    if (!a.spec.iid) return `members of '${a.spec.label}' are not declared iid`;
    if (this.facts.distinct(a.subscript, b.subscript)) return null;
    return `${printExpr(a.node)} and ${printExpr(b.node)} may be the same member (E[g_i g_j] depends on whether i = j)`;
  }

  /** A declared moment's value at an occurrence's subscript. */
  private at(occ: Occurrence, m: { value: Expr; indexVar: string | null }): Expr {
    if (m.indexVar === null || !occ.subscript) return m.value;
    return substitute(m.value, new Map([[m.indexVar, occ.subscript]]));
  }

  /** A declared moment of an occurrence, at its subscript. */
  private moment(occ: Occurrence, which: 'mean' | 'second' | 'third' | 'fourth'): Expr | null {
    const spec = occ.spec;
    const at = (m: { value: Expr; indexVar: string | null }): Expr => this.at(occ, m);
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

class TooManyPieces extends Error {}

/**
 * A body as additive pieces: products distributed over sums and differences (order kept).
 * Null past MAX_PIECES, so nested squares cannot grow the list without bound.
 */
function additive(e: Expr): Expr[] | null {
  try {
    return additiveParts(e);
  } catch (err) {
    if (err instanceof TooManyPieces) return null;
    throw err;
  }
}

function bounded(xs: Expr[]): Expr[] {
  if (xs.length > MAX_PIECES) throw new TooManyPieces();
  return xs;
}

function additiveParts(e: Expr): Expr[] {
  switch (e.kind) {
    case 'Binary': {
      if (e.op === '+') return bounded([...additiveParts(e.left), ...additiveParts(e.right)]);
      if (e.op === '-') return bounded([...additiveParts(e.left), ...additiveParts(e.right).map(neg)]);
      if (e.op === '*') {
        const a = additiveParts(e.left);
        const b = additiveParts(e.right);
        if (a.length * b.length > MAX_PIECES) return [e];
        return a.flatMap((x) => b.map((y) => mul(x, y)));
      }
      if (e.op === '^' && e.right.kind === 'Num' && /^[234]$/.test(e.right.value) && e.left.shape?.kind !== 'matrix' && e.left.kind !== 'Var') {
        // (a + b)², (wᵀ r)²: as products, so that each part's moments can be taken.
        const k = Number(e.right.value);
        if (k === 2) {
          // (a + b)² = (a + b)(a + b)ᵀ for a scalar, each word transposed factor by factor, so a
          // square (wᵀ r)² reads wᵀ r rᵀ w and the pairs of a random vector nest.
          const parts = additiveParts(e.left);
          if (parts.length * parts.length > MAX_PIECES) throw new TooManyPieces();
          return parts.flatMap((x) => parts.map((y) => mul(x, transposeWord(y))));
        }
        let prod: Expr = e.left;
        for (let j = 1; j < k; j++) prod = mul(prod, e.left);
        return additiveParts(prod);
      }
      if (e.op === '/') return additiveParts(e.left).map((x) => ({ ...e, left: x }));
      return [e];
    }
    case 'Neg': return additiveParts(e.arg).map(neg);
    case 'Transpose': return additiveParts(e.arg).map((x) => transpose(x));
    default: return [e];
  }
}

/** A scalar word transposed factor by factor (equal to it): (wᵀ r)ᵀ = rᵀ w. */
function transposeWord(e: Expr): Expr {
  if (e.shape?.kind === 'matrix') return e;
  const fs = flatten(e);
  if (!fs || fs.every((f) => f.shape?.kind !== 'matrix')) return e;
  return [...fs].reverse().map((f) => (f.shape?.kind === 'matrix' ? (f.kind === 'Transpose' ? f.arg : transpose(f)) : f)).reduce((a, b) => mul(a, b));
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
