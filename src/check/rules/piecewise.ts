import type { Expr, Formula } from '../../ast.js';
import { comparedPairs, mapChildren } from '../../ast-walk.js';
import { printExpr } from '../../print.js';
import { SCALAR } from '../../types/scope.js';
import { assumedSign, type Sign } from '../engines/equivalence.js';
import { constantRatio, identityTest, MAX_ERROR, type IdentityContext } from '../engines/identity-test.js';
import { expandPolynomial } from '../engines/polynomial.js';
import { constantValue } from '../evaluator/interpret.js';
import { Rational } from '../evaluator/rational.js';
import { sub } from '../problem.js';
import { visit } from '../rewrite.js';
import type { ProofRule, RuleInput, RuleOutcome } from './registry.js';
import { now } from '../../clock.js';

/**
 * The case split on signs: an equality with |u|, max(u, v) or min(u, v) is proved by
 * proving it in every case of their signs. Each such kink has a switch s (u for |u|, u − v
 * for max and min) and two branches that agree where s = 0 (|u| is u where s ≥ 0 and −u
 * where s ≤ 0; max(u, v) is u or v, min(u, v) is v or u). For every choice σ of a branch
 * per kink (inner kinks first, so a switch is taken with its inner kinks' branches), the
 * sides with those branches must be equal by the exact identity test, unless the case is
 * impossible: its switches are tied by an identity s_i = c·s_j (or s_i = c) whose sign
 * contradicts σ. This is a proof at every point: at x, take each kink's branch by the sign
 * of its switch there, and where a switch is 0 (both branches valid) the sign its ties ask
 * for; that choice is one of the cases proved, and there each side equals its branch form.
 * Beforehand |·| is split over products, quotients, integer powers and signs (|ab| = |a||b|,
 * |−u| = |u|), which holds at every point, so ties between switches are rarely needed.
 */

/** At most this many kinks (2^6 cases, each an identity test). */
const MAX_KINKS = 6;

type Kink = { kind: 'abs'; arg: Expr } | { kind: 'max' | 'min'; a: Expr; b: Expr };

const scalarShape = (e: Expr): boolean => e.shape === undefined || e.shape.kind !== 'matrix';
const mk = (e: Expr): Expr => ({ ...e, shape: SCALAR } as Expr);
const neg = (a: Expr): Expr => mk({ kind: 'Neg', arg: a, range: a.range });
const isZero = (e: Expr): boolean => e.kind === 'Num' && /^0+(\.0*)?$/.test(e.value);

function kinkOf(e: Expr): Kink | null {
  if (e.kind === 'Abs' && scalarShape(e.arg)) return { kind: 'abs', arg: e.arg };
  if (e.kind === 'Call' && e.fn.primes === 0 && e.fn.index === null && (e.fn.base === 'max' || e.fn.base === 'min') && e.args.length === 2 && e.args.every(scalarShape)) {
    return { kind: e.fn.base, a: e.args[0]!, b: e.args[1]! };
  }
  return null;
}

function isKinkNode(e: Expr): boolean {
  return e.kind === 'Abs' || (e.kind === 'Call' && e.fn.primes === 0 && (e.fn.base === 'max' || e.fn.base === 'min')) || rootOfSquare(e) !== null;
}

/** u where e is √(u²) of a scalar u (which is |u|, wherever u has a value); else null. */
function rootOfSquare(e: Expr): Expr | null {
  if (e.kind !== 'Call' || e.fn.primes !== 0 || e.fn.index !== null || e.fn.base !== 'sqrt' || e.args.length !== 1) return null;
  const a = e.args[0]!;
  return a.kind === 'Binary' && a.op === '^' && a.right.kind === 'Num' && a.right.value === '2' && scalarShape(a.left) ? a.left : null;
}

/** Whether the expression has |·|, max or min. */
export function hasKink(e: Expr): boolean {
  let hit = false;
  visit(e, (x) => {
    if (isKinkNode(x)) hit = true;
  });
  return hit;
}

/** A kink under a binder or an expectation (∑_i |x_i|, d/dx |x|, E[|X|]): its sign is not one per case. */
function kinkUnderBinder(e: Expr): boolean {
  let hit = false;
  visit(e, (x) => {
    if (hit) return;
    if (x.kind === 'BigOp' || x.kind === 'Deriv' || x.kind === 'Grad' || x.kind === 'Limit' || x.kind === 'Expect') {
      if (hasKink(x)) hit = true;
    }
  });
  return hit;
}

const integerLiteral = (e: Expr): boolean => (e.kind === 'Num' && /^\d+$/.test(e.value)) || (e.kind === 'Neg' && e.arg.kind === 'Num' && /^\d+$/.test(e.arg.value));

/**
 * |·| split over what it distributes over at every point (|ab| = |a||b|, |a/b| = |a|/|b|,
 * |aⁿ| = |a|ⁿ for an integer n, |−a| = |a|, |c| = c for a number c ≥ 0), and max, min of
 * more than two arguments nested (max(a, b, c) = max(max(a, b), c)). Bottom-up.
 */
function normalize(e: Expr): Expr {
  const x = mapChildren(e, (c) => normalize(c));
  if (x.kind === 'Call' && x.fn.primes === 0 && (x.fn.base === 'max' || x.fn.base === 'min') && x.args.length > 2) {
    let acc: Expr = x.args[0]!;
    for (const next of x.args.slice(1)) acc = mk({ ...x, args: [acc, next] });
    return acc;
  }
  // (√(u²) is |u|: √(x²) = x under x ≥ 0 was only checked, rt96.)
  const root = rootOfSquare(x);
  if (root) return normalize(mk({ kind: 'Abs', arg: root, range: x.range }));
  if (x.kind !== 'Abs' || !scalarShape(x.arg)) return x;
  const u = x.arg;
  const abs = (a: Expr): Expr => normalize(mk({ kind: 'Abs', arg: a, range: a.range }));
  if (u.kind === 'Neg') return abs(u.arg);
  if (u.kind === 'Num') return u;
  if (u.kind === 'Binary' && (u.op === '*' || u.op === '/') && scalarShape(u.left) && scalarShape(u.right)) {
    return mk({ ...u, left: abs(u.left), right: abs(u.right) });
  }
  if (u.kind === 'Binary' && u.op === '^' && integerLiteral(u.right)) return mk({ ...u, left: abs(u.left) });
  if (u.kind === 'Abs') return u;
  return x;
}

/** The kinks of an expression, inner ones first, one per printed form. */
function kinksOf(exprs: readonly Expr[]): Map<string, Kink> {
  const out = new Map<string, Kink>();
  const walk = (e: Expr): void => {
    mapChildren(e, (c) => {
      walk(c);
      return c;
    });
    const k = kinkOf(e);
    if (k) out.set(printExpr(e), k);
  };
  exprs.forEach(walk);
  return out;
}

/** One case: the sides with each kink replaced by its branch, and each kink's switch. */
function branchCase(e: Expr, index: ReadonlyMap<string, number>, signs: readonly boolean[], switches: Expr[]): Expr {
  const go = (x: Expr): Expr => {
    const i = isKinkNode(x) ? index.get(printExpr(x)) : undefined;
    const y = mapChildren(x, (c) => go(c));
    if (i === undefined) return y;
    const k = kinkOf(y)!;
    const positive = signs[i]!;
    if (k.kind === 'abs') {
      switches[i] = k.arg;
      return positive ? k.arg : neg(k.arg);
    }
    // (max(0, x) switches on −x, not 0 − x.)
    switches[i] = isZero(k.b) ? k.a : isZero(k.a) ? neg(k.b) : sub(k.a, k.b);
    // s = a − b ≥ 0: max is a, min is b.
    return (k.kind === 'max') === positive ? k.a : k.b;
  };
  return go(e);
}

/** Whether an expression writes a number of more than 6 digits (ties between its switches are then not read off residues). */
function hasLargeLiteral(e: Expr): boolean {
  let hit = false;
  visit(e, (x) => {
    if (x.kind === 'Num' && x.value.replace(/\D/g, '').length > 6) hit = true;
  });
  return hit;
}

const ZERO: Expr = { kind: 'Num', value: '0', range: [0, 0], shape: SCALAR };
const ONE: Expr = { kind: 'Num', value: '1', range: [0, 0], shape: SCALAR };
const signs0 = (n: number): boolean[] => new Array<boolean>(n).fill(true);

function constant(q: Rational): Expr {
  const lit = (n: bigint): Expr => ({ kind: 'Num', value: (n < 0n ? -n : n).toString(), range: [0, 0], shape: SCALAR });
  const abs: Expr = q.d === 1n ? lit(q.n) : mk({ kind: 'Binary', op: '/', left: lit(q.n), right: lit(q.d), range: [0, 0] });
  return q.sign() < 0 ? neg(abs) : abs;
}

/** The case split as a rule (see the file's comment). */
export const piecewiseRule: ProofRule = {
  name: 'case split on signs',
  cites: ['cases', 'case split', 'case analysis', 'split into cases', 'definition of abs', 'definition of the absolute value', 'definition of max', 'definition of min', 'definition of relu'],
  concerns: (l, r) => hasKink(l) || hasKink(r),
  prove(input: RuleInput): RuleOutcome {
    const { problem: p, deadline } = input;
    if (!scalarShape(input.left) || !scalarShape(input.right)) return { kind: 'not-applicable', reason: 'the sides are not scalars' };
    if (kinkUnderBinder(input.left) || kinkUnderBinder(input.right)) {
      return { kind: 'not-applicable', reason: 'a |·|, max or min under a sum, derivative, limit or expectation has no one sign' };
    }
    const left = normalize(input.left);
    const right = normalize(input.right);
    if (printExpr(left) === printExpr(right)) {
      return { kind: 'proved', used: ['|·| split over products, quotients and powers: the sides are the same'] };
    }
    const kinks = kinksOf([left, right]);
    if (kinks.size === 0) return { kind: 'not-applicable', reason: 'no |·|, max or min is left after splitting |·| over products' };
    if (kinks.size > MAX_KINKS) return { kind: 'not-applicable', reason: `more than ${MAX_KINKS} different |·|, max and min` };
    const index = new Map([...kinks.keys()].map((k, i) => [k, i]));
    const ctx: IdentityContext = { scope: p.prep.ctx.scope, functions: p.functions, dimensions: p.prep.dimensions };
    const ties = !hasLargeLiteral(left) && !hasLargeLiteral(right);
    let errorBound = 0;
    let tests = 0;
    const seed = (what: string) => `${p.salt}|cases|${tests++}|${what}`;
    const known = new KnownSigns(p, ctx, ties, seed, deadline);
    const n = kinks.size;
    const proved = new Set<number>();
    let impossible = 0;
    let covered = 0;
    // Cases not identities, with the kinks whose switch is 0 throughout the case's region.
    const open = new Map<number, { zero: number[]; why: string }>();
    for (let mask = 0; mask < 1 << n; mask++) {
      if (now() > deadline) return { kind: 'not-applicable', reason: 'the time limit ran out' };
      const signs = Array.from({ length: n }, (_, i) => ((mask >> i) & 1) === 0);
      const switches: Expr[] = new Array<Expr>(n);
      const l = branchCase(left, index, signs, switches);
      const r = branchCase(right, index, signs, switches);
      const t = printExpr(l) === printExpr(r) ? null : identityTest(l, r, ctx, seed('sides'), deadline);
      if (t === null || t.kind === 'identical') {
        errorBound += t?.errorBound ?? 0;
        proved.add(mask);
        continue;
      }
      const region = known.region(switches, signs);
      errorBound += region.errorBound;
      if (region.empty) {
        impossible++;
        proved.add(mask);
        continue;
      }
      const where = switches.map((x, i) => `${printExpr(x)} ${signs[i] ? '≥' : '≤'} 0`).join(', ');
      const why = t.kind === 'differ' ? `in the case ${where} the sides differ (${printExpr(l)} against ${printExpr(r)})` : `in the case ${where}: ${t.reason}`;
      // A case no other can stand in for stays open: the proof fails here.
      if (region.zero.length === 0) return { kind: 'not-applicable', reason: why };
      open.set(mask, { zero: region.zero, why });
    }
    // A case whose region lies where switch i is 0 is the case with i's other branch there
    // (the branches agree where their switch is 0): proved when that case is.
    for (let changed = true; changed;) {
      changed = false;
      for (const [mask, c] of open) {
        if (c.zero.some((i) => proved.has(mask ^ (1 << i)))) {
          proved.add(mask);
          open.delete(mask);
          covered++;
          changed = true;
        }
      }
    }
    const left0 = [...open.values()][0];
    if (left0) return { kind: 'not-applicable', reason: left0.why };
    if (errorBound > MAX_ERROR) return { kind: 'not-applicable', reason: 'the cases together exceed the error bound' };
    // The switches as the first case takes them (every switch ≥ 0), each once.
    const first: Expr[] = new Array<Expr>(n);
    branchCase(left, index, signs0(n), first);
    branchCase(right, index, signs0(n), first);
    const names = [...new Set(first.map((s) => printExpr(s)))];
    const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]!}`;
    return {
      kind: 'proved',
      used: [`the sign${names.length > 1 ? 's' : ''} of ${list}: ${1 << n} cases${impossible + covered > 0 ? ` (${[impossible > 0 ? `${impossible} impossible` : '', covered > 0 ? `${covered} only where a sign is 0, and covered there by another` : ''].filter(Boolean).join(', ')})` : ''}, each an identity`],
      ...(errorBound > 0 ? { errorBound } : {}),
    };
  },
};

/**
 * Whether the vectors (sparse, by term) have a one-dimensional space of dependencies, spanned
 * by one with every coefficient > 0: exact Gaussian elimination over the rationals.
 */
function positiveCircuit(vectors: readonly Map<string, Rational>[]): boolean {
  const keys = [...new Set(vectors.flatMap((v) => [...v.keys()]))];
  const k = vectors.length;
  const rows = keys.map((key) => vectors.map((v) => v.get(key) ?? Rational.ZERO));
  const pivots: number[] = [];
  let r = 0;
  for (let c = 0; c < k && r < rows.length; c++) {
    const at = rows.findIndex((row, i) => i >= r && !row[c]!.isZero());
    if (at < 0) continue;
    [rows[r], rows[at]] = [rows[at]!, rows[r]!];
    const pivot = rows[r]![c]!;
    rows[r] = rows[r]!.map((x) => x.div(pivot));
    for (let i = 0; i < rows.length; i++) {
      if (i === r || rows[i]![c]!.isZero()) continue;
      const f = rows[i]![c]!;
      rows[i] = rows[i]!.map((x, j) => x.sub(f.mul(rows[r]![j]!)));
    }
    pivots.push(c);
    r++;
  }
  if (pivots.length !== k - 1) return false;
  const free = [...Array(k).keys()].find((c) => !pivots.includes(c))!;
  // c_free = 1, each pivot's coefficient −(its row's entry in the free column).
  return pivots.every((_, i) => rows[i]![free]!.neg().sign() > 0);
}

/** What is known of a switch's sign: from the assumptions (strict or not), or a tie to another switch. */
interface SignFact { readonly sign: 1 | -1; readonly strict: boolean; readonly errorBound: number }

/**
 * Where a case can be: empty (a switch has a strict sign, from the assumptions or as a nonzero
 * constant, that the case contradicts), or within the zeros of some switches (a switch ≥ 0
 * by the assumptions in its ≤ 0 case; a switch that is 0 throughout; two switches tied by
 * s_i = c·s_j whose signs the case contradicts). Every tie is an identity by the exact
 * identity test (its error bound counts); the assumptions' signs come from
 * engines/equivalence.ts (what they say and what follows by structure) and from comparisons
 * they make between two expressions (`x > y`: x − y > 0).
 */
class KnownSigns {
  private strictSign: ((e: Expr) => Sign | null) | null = null;
  private differences: { d: Expr; strict: boolean }[] | null = null;
  private readonly signs = new Map<string, readonly SignFact[]>();
  private readonly ratios = new Map<string, { sign: 1 | -1; errorBound: number } | null>();

  constructor(
    private readonly p: RuleInput['problem'],
    private readonly ctx: IdentityContext,
    private readonly ties: boolean,
    private readonly seed: (what: string) => string,
    private readonly deadline: number,
  ) {}

  region(switches: readonly Expr[], signs: readonly boolean[]): { empty: boolean; zero: number[]; errorBound: number } {
    const zero = new Set<number>();
    let errorBound = 0;
    for (let i = 0; i < switches.length; i++) {
      for (const f of this.signOf(switches[i]!)) {
        errorBound += f.errorBound;
        if ((f.sign > 0) === signs[i]) continue;
        if (f.strict) return { empty: true, zero: [], errorBound };
        zero.add(i);
      }
    }
    if (this.ties) {
      for (let i = 0; i < switches.length; i++) {
        for (let j = 0; j < i; j++) {
          const c = this.ratio(switches[i]!, switches[j]!);
          if (!c) continue;
          errorBound += c.errorBound;
          if ((c.sign > 0 ? signs[j] : !signs[j]) === signs[i]) continue;
          zero.add(i);
          zero.add(j);
        }
      }
    }
    for (const i of this.positiveDependency(switches, signs)) zero.add(i);
    return { empty: false, zero: [...zero], errorBound };
  }

  /**
   * The switches a case pins to 0 by a positive combination: where each σ_i·s_i ≥ 0 (σ_i the
   * case's sign) and ∑ c_i σ_i s_i is identically 0 for some c_i > 0, every s_i in the sum is 0
   * (z ≤ 2, z ≥ y, y ≥ 2: −(z − 2) + (z − y) + (y − 2) = 0, so y = z = 2). The switches are
   * expanded exactly (engines/polynomial.ts); each set of them is tried whose dependency is one
   * up to scale (every positive dependency is a sum of such: a circuit's).
   */
  private positiveDependency(switches: readonly Expr[], signs: readonly boolean[]): number[] {
    const polys = switches.map((s) => this.expansion(s));
    const live = polys.flatMap((p, i) => (p && p.size > 0 ? [i] : []));
    const out = new Set<number>();
    if (live.length < 2) return [];
    for (let mask = 1; mask < 1 << live.length; mask++) {
      const members = live.filter((_, k) => (mask >> k) & 1);
      if (members.length < 2 || members.every((i) => out.has(i))) continue;
      if (now() > this.deadline) break;
      const vectors = members.map((i) => {
        const v = new Map<string, Rational>();
        for (const [key, t] of polys[i]!) v.set(key, signs[i] ? t.coef : t.coef.neg());
        return v;
      });
      if (positiveCircuit(vectors)) members.forEach((i) => out.add(i));
    }
    return [...out];
  }

  private readonly expansions = new Map<string, ReturnType<typeof expandPolynomial>>();

  private expansion(s: Expr): ReturnType<typeof expandPolynomial> {
    const key = printExpr(s);
    if (!this.expansions.has(key)) {
      let p: ReturnType<typeof expandPolynomial> = null;
      try {
        p = expandPolynomial(s, true);
      } catch {
        p = null;
      }
      this.expansions.set(key, p);
    }
    return this.expansions.get(key)!;
  }

  /**
   * What is known of a switch's sign wherever the assumptions hold (every fact found: `x ≥ 0`
   * and `x ≤ 0` both); a switch that is 0 throughout has none (both branches agree everywhere).
   */
  private signOf(s: Expr): readonly SignFact[] {
    const key = printExpr(s);
    const had = this.signs.get(key);
    if (had) return had;
    const out = this.findSigns(s, key);
    this.signs.set(key, out);
    return out;
  }

  private findSigns(s: Expr, key: string): SignFact[] {
    const q = constantValue(s);
    if (q) return q.sign() === 0 ? [] : [{ sign: q.sign() > 0 ? 1 : -1, strict: true, errorBound: 0 }];
    this.strictSign ??= assumedSign(this.p, this.deadline);
    const g = this.strictSign(s);
    if (g === 'pos' || g === 'neg') return [{ sign: g === 'pos' ? 1 : -1, strict: true, errorBound: 0 }];
    if (!this.ties) return [];
    const z = identityTest(s, ZERO, this.ctx, this.seed('zero'), this.deadline);
    if (z.kind === 'identical') return [];
    // A constant that is not written as one (x − (x + 1)).
    const c = this.ratio(s, ONE);
    if (c) return [{ sign: c.sign, strict: true, errorBound: c.errorBound }];
    const out: SignFact[] = [];
    for (const { d, strict } of this.assumedDifferences()) {
      if (key === printExpr(d)) {
        out.push({ sign: 1, strict, errorBound: 0 });
        continue;
      }
      const r = this.ratio(s, d);
      if (r) out.push({ sign: r.sign, strict, errorBound: r.errorBound });
    }
    return out;
  }

  /** a = c·b for a constant c ≠ 0 with a small numerator and denominator, by the identity test; its sign. */
  private ratio(a: Expr, b: Expr): { sign: 1 | -1; errorBound: number } | null {
    const key = `${printExpr(a)}\u0000${printExpr(b)}`;
    if (this.ratios.has(key)) return this.ratios.get(key)!;
    const r = this.findRatio(a, b);
    this.ratios.set(key, r);
    return r;
  }

  private findRatio(a: Expr, b: Expr): { sign: 1 | -1; errorBound: number } | null {
    if (now() > this.deadline) return null;
    const small = (q: Rational) => (q.n < 0n ? -q.n : q.n) < 1n << 20n && q.d < 1n << 20n;
    for (const c of constantRatio(a, b, this.ctx, this.seed('ratio'), this.deadline)) {
      if (!small(c) || c.sign() === 0) continue;
      const rhs = c.equals(Rational.ONE) ? b : mk({ kind: 'Binary', op: '*', left: constant(c), right: b, range: b.range });
      const t = identityTest(a, rhs, this.ctx, this.seed('tie'), this.deadline);
      if (t.kind === 'identical') return { sign: c.sign() > 0 ? 1 : -1, errorBound: t.errorBound };
    }
    return null;
  }

  /** d ≥ 0 (or > 0) for each comparison of two scalars the assumptions make (`x > y`: x − y > 0). */
  private assumedDifferences(): { d: Expr; strict: boolean }[] {
    if (this.differences) return this.differences;
    const out: { d: Expr; strict: boolean }[] = [];
    const learn = (f: Formula): void => {
      for (const { a, op, b } of comparedPairs(f)) {
        if (!scalarShape(a) || !scalarShape(b)) continue;
        if (op === '>' || op === '≥') out.push({ d: sub(a, b), strict: op === '>' });
        if (op === '<' || op === '≤') out.push({ d: sub(b, a), strict: op === '<' });
      }
    };
    for (const a of this.p.prep.ctx.assumptions) if (a.forAll.length === 0) learn(a.formula);
    return (this.differences = out);
  }
}
