import type { BigOp, Expr, Range, Shape, Var } from '../../ast.js';
import { mapChildren as mapEach, slots, type Slot } from '../../ast-walk.js';
import { printExpr, printName } from '../../print.js';
import { hasRadicalDivisor, identityTest } from '../engines/identity-test.js';
import { substitute, visit } from '../rewrite.js';
import { constantValue } from '../evaluator/interpret.js';
import { affineAdd, affineConst, affineIsConst, affineKey, affineOf, type Affine, type Facts } from './side-conditions.js';
import type { ProofRule, RuleInput, RuleOutcome } from './registry.js';
import { now } from '../../clock.js';

/**
 * Sums and products proved by rules (LANGUAGE.md §5.3). Both sides are brought to one form:
 * every ∑ in a linear position (added, negated, multiplied by a factor, divided by a
 * scalar, transposed) is taken apart — constant factors moved in, its body split into
 * additive pieces; a piece that is a constant, a polynomial in the index (degree ≤ 3:
 * ∑ 1, ∑ i, ∑ i², ∑ i³) or geometric (∑ q^{a i + b}, q^a ≠ 1) gets its closed form; a
 * piece with a family member `g_{i+c}` is shifted to `g_i` (index shift); sums whose
 * ranges differ by constants are split to a common range (split the first or last terms);
 * then the sums over one range are combined, and the two sides are equal when, for each
 * range, the combined bodies are equal as functions of the index (checked the same way,
 * for nested sums) and what is left outside the sums is equal. Constant ranges of up to
 * 16 terms are written out while that stays small (MAX_EXPANDED_NODES; the empty sum is 0,
 * the empty product 1 or I); a ∏ of a constant is a power; products with one body over
 * ranges that differ by constants are split to a common range too. The last comparisons are exact identity tests in which a
 * power with a symbolic exponent q^{t-i} is q^t·(q^i)^{-1} (needs q ≠ 0, or only
 * non-negative exponents) and anything else not rational stands as an opaque atom.
 *
 * Every step needs what it needs: splitting ∑_{i=1}^{t} at t − 1, and every closed form,
 * needs the range's count U − L + 1 ≥ 0 to follow from the facts (an induction step's
 * `t ≥ 1`, a `for all`, an assumption, an integer index's ≥ 0). Where it does not, the
 * rule does not apply and says why; sampling still checks the step.
 */

class NotApplicable extends Error {}

/** A step needs `count ≥ 0` (a range's count), which the facts do not give. */
class NeedsBound extends NotApplicable {
  constructor(message: string, readonly count: Affine) {
    super(message);
  }
}

/** At most this many small values of an index are proved one by one (`t = 0`, then `t ≥ 1`). */
const MAX_CASES = 3;

/** At most this many terms are peeled off one end of a sum to align its range. */
const MAX_PEEL = 8;
/** A sum or product with constant bounds is written out when it has at most this many terms. */
const MAX_EXPAND = 16;
/**
 * …and when what it is written out to has at most this many nodes: sums over fixed ranges
 * nested in one another multiply (∑_{i=1}^{2} written 28 deep is 2^28 terms).
 */
const MAX_EXPANDED_NODES = 20_000;
/** At most this many additive pieces are handled at once. */
const MAX_PIECES = 96;
/** Sums nested deeper than this are opaque. */
const MAX_DEPTH = 3;

const SCALAR: Shape = { kind: 'scalar' };

// ---------------------------------------------------------------------------
// Building expressions

function isZeroLit(e: Expr): boolean {
  return e.kind === 'Num' && /^0+(\.0*)?$/.test(e.value);
}

function num(n: number, range: Range, shape: Shape = SCALAR): Expr {
  const lit: Expr = { kind: 'Num', value: String(Math.abs(n)), range, shape };
  return n < 0 ? { kind: 'Neg', arg: lit, range, shape } : lit;
}

function isMatrix(s: Shape | undefined): boolean {
  return s?.kind === 'matrix';
}

function productShape(a: Shape | undefined, b: Shape | undefined): Shape {
  if (a?.kind === 'matrix' && b?.kind === 'matrix') {
    return String(a.rows) === '1' && String(b.cols) === '1' ? SCALAR : { kind: 'matrix', rows: a.rows, cols: b.cols };
  }
  if (a?.kind === 'matrix') return a;
  if (b?.kind === 'matrix') return b;
  return SCALAR;
}

function add(a: Expr, b: Expr): Expr {
  if (isZeroLit(a)) return b;
  if (isZeroLit(b)) return a;
  return { kind: 'Binary', op: '+', left: a, right: b, range: a.range, shape: isMatrix(a.shape) ? a.shape : b.shape };
}

function sub(a: Expr, b: Expr): Expr {
  if (isZeroLit(b)) return a;
  return { kind: 'Binary', op: '-', left: a, right: b, range: a.range, shape: isMatrix(a.shape) ? a.shape : b.shape };
}

function neg(a: Expr): Expr {
  if (isZeroLit(a)) return a;
  if (a.kind === 'Neg') return a.arg;
  return { kind: 'Neg', arg: a, range: a.range, shape: a.shape };
}

function mul(a: Expr, b: Expr): Expr {
  if (a.kind === 'Num' && a.value === '1') return b;
  if (b.kind === 'Num' && b.value === '1') return a;
  return { kind: 'Binary', op: '*', left: a, right: b, range: a.range, shape: productShape(a.shape, b.shape) };
}

function div(a: Expr, b: Expr): Expr {
  if (b.kind === 'Num' && b.value === '1') return a;
  return { kind: 'Binary', op: '/', left: a, right: b, range: a.range, shape: a.shape };
}

function pow(a: Expr, b: Expr): Expr {
  return { kind: 'Binary', op: '^', left: a, right: b, range: a.range, shape: a.shape };
}

function sumAll(xs: readonly Expr[], range: Range, shape: Shape | undefined): Expr {
  let out: Expr | null = null;
  for (const x of xs) out = out === null ? x : add(out, x);
  return out ?? num(0, range, shape?.kind === 'matrix' ? shape : SCALAR);
}

/** An integer-affine form as an expression, its symbols taken from `vars`. */
function affineExpr(a: Affine, vars: ReadonlyMap<string, Var>, range: Range): Expr {
  let out: Expr | null = null;
  for (const [s, c] of [...a.terms].sort(([x], [y]) => (x < y ? -1 : 1))) {
    const v = vars.get(s);
    if (!v) throw new NotApplicable(`an index '${s}' could not be written back`);
    const term = Math.abs(c) === 1 ? v : mul(num(Math.abs(c), range), v);
    out = out === null ? (c < 0 ? neg(term) : term) : c < 0 ? sub(out, term) : add(out, term);
  }
  if (out === null) return num(a.constant, range);
  if (a.constant > 0) return add(out, num(a.constant, range));
  if (a.constant < 0) return sub(out, num(-a.constant, range));
  return out;
}

/**
 * `body` with the name `key` replaced by `value`, refused when a ∑/∏ inside binds a name
 * `value` mentions (it would capture it).
 */
function put(body: Expr, key: string, value: Expr): Expr {
  const free = new Set<string>();
  visit(value, (x) => {
    if (x.kind === 'Var') free.add(printName(x.name));
  });
  visit(body, (x) => {
    if (x.kind === 'BigOp' && free.has(printName(x.index))) throw new NotApplicable(`the index '${printName(x.index)}' of an inner ∑ or ∏ is also a name outside it`);
  });
  return substitute(body, new Map([[key, value]]));
}

/** The nodes of an expression, counted up to `cap` (more: cap + 1). */
function nodeCount(e: Expr, cap: number): number {
  let n = 0;
  const rec = (x: Expr): void => {
    if (++n > cap) return;
    for (const c of slots(x)) rec(c.expr);
  };
  rec(e);
  return n;
}

function mentions(e: Expr, key: string): boolean {
  let hit = false;
  visit(e, (x) => {
    if (!hit && x.kind === 'Var' && printName(x.name) === key) hit = true;
  });
  return hit;
}

function hasBigOp(e: Expr): boolean {
  let hit = false;
  visit(e, (x) => {
    if (x.kind === 'BigOp') hit = true;
  });
  return hit;
}

// ---------------------------------------------------------------------------
// The proof

/** State of one proof attempt. */
class Proof {
  readonly used = new Set<string>();
  /** Why a sub-step did not apply, for the message when the proof fails. */
  readonly notes: string[] = [];
  errorBound = 0;
  /** Index symbols met, for writing affine forms back (`t`, `i`, the fresh `§1`). */
  readonly vars = new Map<string, Var>();
  tests = 0;

  constructor(readonly input: RuleInput) {}

  /** The fresh index variable of sums at nesting depth d (a name no file can spell). */
  /** Whether a printed name is one of the index variables `indexVar` made. */
  isIndexVar(name: string): boolean {
    return this.vars.has(name);
  }

  indexVar(depth: number, range: Range): Var {
    const v: Var = { kind: 'Var', name: { base: `§${depth}`, index: null, primes: 0, hat: false, range }, range, shape: SCALAR };
    this.vars.set(`§${depth}`, v);
    return v;
  }

  affine(e: Expr, facts: Facts): Affine | null {
    return affineOf(e, (k) => facts.isIndex(k), this.vars);
  }

  note(why: string): void {
    // (An index renamed for the rules, §1, is never shown: "β_2^(t - §1)" was, red team rt130.)
    why = why.replace(/§\d*/gu, 'the index');
    if (!this.notes.includes(why)) this.notes.push(why);
  }

  /** Whether two atomized expressions are equal (the same text, or the exact identity test); its error bound counts. */
  sameValue(a: Expr, b: Expr): boolean {
    if (printExpr(a) === printExpr(b)) return true;
    const p = this.input.problem;
    const ctx = { scope: p.prep.ctx.scope, functions: p.functions, dimensions: p.prep.dimensions };
    const t = identityTest(a, b, ctx, `${p.salt}|args|${this.tests++}`, this.input.deadline);
    if (t.kind !== 'identical') return false;
    this.errorBound += t.errorBound;
    return true;
  }

  /** l = r by the exact identity test, powers with symbolic exponents and other non-rational parts as atoms. */
  identity(l: Expr, r: Expr, facts: Facts): void {
    const p = this.input.problem;
    const atoms = new Atomizer(this, facts);
    const al = atoms.atomize(l);
    const ar = atoms.atomize(r);
    if (printExpr(al) === printExpr(ar)) return;
    const ctx = { scope: p.prep.ctx.scope, functions: p.functions, dimensions: p.prep.dimensions };
    const t = identityTest(al, ar, ctx, `${p.salt}|sums|${this.tests++}`, this.input.deadline);
    if (t.kind === 'identical') {
      this.errorBound += t.errorBound;
      return;
    }
    if (t.kind === 'differ') {
      throw new NotApplicable(hasBigOp(l) || hasBigOp(r)
        ? 'after aligning the ranges, the sums and the remaining terms do not match'
        : 'taking functions of equal arguments as equal, the two sides still differ as rational expressions');
    }
    throw new NotApplicable(`the rest is not a rational identity (${t.reason})`);
  }
}

/** The sum rules as a prover (see the file's comment). */
export const sumRules: ProofRule = {
  name: 'sum rules',
  cites: [
    'geometric sum', 'geometric series', 'index shift', 'shift the index', 'split last term', 'split the last term',
    'split first term', 'split the first term', 'empty sum', 'empty product', 'telescoping', 'telescoping sum',
    'combine sums', 'constant factor', 'linearity', 'gauss', 'sum of squares', 'arithmetic sum',
  ],
  concerns: (l, r) => hasBigOp(l) || hasBigOp(r),
  prove(input: RuleInput): RuleOutcome {
    const proof = new Proof(input);
    try {
      proveCases(input.left, input.right, input.facts, proof, 0);
      return { kind: 'proved', used: [...proof.used], ...(proof.errorBound > 0 ? { errorBound: proof.errorBound } : {}) };
    } catch (err) {
      if (!(err instanceof NotApplicable)) throw err;
      const extra = proof.notes.length > 0 ? ` (${proof.notes.join('; ')})` : '';
      return { kind: 'not-applicable', reason: `${err.message}${extra}` };
    }
  },
};

/**
 * Equal arguments, equal values: √, ‖·‖ (a vector's is √(vᵀv)), |·| (√(x²)), exp, log and
 * the trigonometric functions as atoms, one per class of arguments the exact identity test
 * finds equal; the rest by the identity test (`uᵀx / √(uᵀ I u) = uᵀx / ‖u‖`).
 */
export const congruenceRule: ProofRule = {
  name: 'rule of equal arguments',
  cites: ['congruence', 'equal arguments', 'definition of the norm'],
  concerns: (l, r) => hasCongruent(l) || hasCongruent(r),
  prove: (input) => sumRules.prove(input),
};

function hasCongruent(e: Expr): boolean {
  let hit = false;
  visit(e, (x) => {
    if (x.kind === 'Norm' || x.kind === 'Abs' || (x.kind === 'Call' && CONGRUENT.has(x.fn.base) && x.fn.primes === 0)) hit = true;
  });
  return hit;
}

/** The sum rules' comparison of two sides (for other rules that rewrite first, such as the expectation rules). */
export function sidesEqual(l: Expr, r: Expr, input: RuleInput): RuleOutcome {
  return sumRules.prove({ ...input, left: l, right: r });
}

/**
 * l = r; where a split needs an index a little larger than the facts give (telescoping
 * ∑_{i=1}^{t} from t ≥ 0 aligns at t ≥ 1), the few values below are proved one by one,
 * written out, and the rest with the larger bound.
 */
function proveCases(l: Expr, r: Expr, facts: Facts, proof: Proof, depth: number): void {
  try {
    const [l1, r1] = prepare(l, r, facts, proof);
    equal(l1, r1, facts, proof, 1);
  } catch (err) {
    if (!(err instanceof NeedsBound) || depth >= 2 || err.count.terms.size !== 1) throw err;
    const [[s, c]] = [...err.count.terms] as [[string, number]];
    // Only a name free in the step (not the index of a sum being taken apart).
    if (s.startsWith('§') || (!mentions(l, s) && !mentions(r, s))) throw err;
    const lo = facts.lowerBound(s);
    // count = c·s + k ≥ 0 ⇔ s ≥ ⌈−k / c⌉
    const need = Math.ceil(-err.count.constant / c);
    if (c <= 0 || lo === null || need - lo > MAX_CASES || need <= lo) throw err;
    const v = proof.vars.get(s);
    if (!v) throw err;
    for (let k = lo; k < need; k++) {
      const at = new Map([[s, num(k, l.range)]]);
      proveCases(substitute(l, at), substitute(r, at), facts, proof, depth + 1);
      proof.used.add(`the case ${s} = ${k} written out`);
    }
    proveCases(l, r, facts.assuming(affineAdd({ constant: 0, terms: new Map([[s, 1]]) }, affineConst(need), -1)), proof, depth + 1);
  }
}

// ---------------------------------------------------------------------------
// Constant ranges, products

/** Writes out constant ranges, turns ∏ of a constant into a power, and aligns products with one body. */
function prepare(l: Expr, r: Expr, facts: Facts, proof: Proof): [Expr, Expr] {
  const l1 = expandConstant(l, facts, proof);
  const r1 = expandConstant(r, facts, proof);
  return alignProducts(l1, r1, facts, proof);
}

/** Bottom-up: ∑/∏ with constant bounds written out; ∏ of an index-free scalar as a power. */
function expandConstant(e: Expr, facts: Facts, proof: Proof): Expr {
  const rec = (x: Expr): Expr => expandConstant(x, facts, proof);
  switch (e.kind) {
    case 'Num': case 'Const': case 'Var': return e;
    case 'Neg': case 'Transpose': case 'Factorial': case 'Abs': case 'Norm':
      return { ...e, arg: rec(e.arg) } as Expr;
    case 'Expect': return e.second ? { ...e, arg: rec(e.arg), second: rec(e.second) } : { ...e, arg: rec(e.arg) };
    case 'Binary': return { ...e, left: rec(e.left), right: rec(e.right) };
    case 'Call': return { ...e, args: e.args.map(rec) };
    case 'Deriv': case 'Grad': case 'Limit': case 'Component': return e;
    case 'BigOp': {
      const body = rec(e.body);
      const op: BigOp = { ...e, body };
      const lo = proof.affine(e.lower, facts);
      const hi = proof.affine(e.upper, facts);
      const key = printName(e.index);
      const count = lo && hi ? hi.constant - lo.constant + 1 : Infinity;
      if (lo && hi && affineIsConst(lo) && affineIsConst(hi) && count <= MAX_EXPAND && count * nodeCount(body, MAX_EXPANDED_NODES) > MAX_EXPANDED_NODES) {
        proof.note(`${rangeText(e)} is not written out: with the sums and products inside it, it would be too long`);
        return op;
      }
      if (lo && hi && affineIsConst(lo) && affineIsConst(hi) && count <= MAX_EXPAND) {
        const terms: Expr[] = [];
        for (let k = lo.constant; k <= hi.constant; k++) terms.push(put(body, key, num(k, e.range)));
        if (terms.length === 0) {
          proof.used.add(e.op === 'sum' ? 'the empty sum is 0' : 'the empty product is 1');
          if (e.op === 'sum') return num(0, e.range, e.shape?.kind === 'matrix' ? e.shape : SCALAR);
          return e.shape?.kind === 'matrix' ? { kind: 'Const', name: 'I', range: e.range, shape: e.shape } : num(1, e.range);
        }
        proof.used.add(e.op === 'sum' ? 'a sum over a fixed range written out' : 'a product over a fixed range written out');
        if (e.op === 'sum') return sumAll(terms, e.range, e.shape);
        // ∏_{t=a}^{b} J_t = J_b ⋯ J_a
        return terms.reverse().reduce((acc, x) => mul(acc, x));
      }
      if (e.op === 'prod' && lo && hi && !mentions(body, key) && !isMatrix(body.shape)) {
        const count = affineAdd(affineAdd(hi, lo, -1), affineConst(1));
        if (facts.nonNegative(count)) {
          proof.used.add('the product of a constant is a power');
          return pow(body, affineExpr(count, proof.vars, e.range));
        }
        proof.note(`∏ of a constant over ${rangeText(e)} needs ${printAffine(count)} ≥ 0`);
      }
      return op;
    }
  }
}

/**
 * ∏ over ranges that differ by constants, with one body: each is split into the product
 * over the common range and the factors peeled off its ends (J_b ⋯ J_{B+1} · ∏ · J_{A−1} ⋯ J_a).
 */
function alignProducts(l: Expr, r: Expr, facts: Facts, proof: Proof): [Expr, Expr] {
  const groups = new Map<string, { lo: Affine; hi: Affine }[]>();
  const keyOf = (e: BigOp): { group: string; lo: Affine; hi: Affine } | null => {
    const lo = proof.affine(e.lower, facts);
    const hi = proof.affine(e.upper, facts);
    if (!lo || !hi || affineIsConst(lo) && affineIsConst(hi)) return null;
    const body = printExpr(substitute(e.body, new Map([[printName(e.index), proof.indexVar(0, e.range)]])));
    return { group: `${body}\u0000${affineKey(lo)}\u0000${affineKey(hi)}`, lo, hi };
  };
  const collect = (e: Expr, inside: boolean): void => {
    if (e.kind === 'BigOp') {
      if (e.op === 'prod' && !inside) {
        const k = keyOf(e);
        if (k) groups.set(k.group, [...(groups.get(k.group) ?? []), { lo: k.lo, hi: k.hi }]);
      }
      collect(e.body, true);
      return;
    }
    forChildren(e, (c) => collect(c, inside));
  };
  collect(l, false);
  collect(r, false);
  const common = new Map<string, { A: number; B: number }>();
  for (const [g, ranges] of groups) {
    const A = Math.max(...ranges.map((x) => x.lo.constant));
    const B = Math.min(...ranges.map((x) => x.hi.constant));
    if (ranges.every((x) => x.lo.constant === A && x.hi.constant === B)) continue;
    common.set(g, { A, B });
  }
  if (common.size === 0) return [l, r];
  const rewrite = (e: Expr, inside: boolean): Expr => {
    if (e.kind === 'BigOp') {
      if (e.op !== 'prod' || inside) return e;
      const k = keyOf(e);
      const c = k && common.get(k.group);
      if (!k || !c) return e;
      const { lo, hi } = k;
      const bottom = c.A - lo.constant;
      const top = hi.constant - c.B;
      if (bottom > MAX_PEEL || top > MAX_PEEL) throw new NotApplicable('a product would need too many factors split off to align its range');
      const loC = { ...lo, constant: c.A };
      const hiC = { ...hi, constant: c.B };
      needCount(loC, hiC, facts, `splitting ${rangeText(e)}`);
      const key = printName(e.index);
      const at = (a: Affine): Expr => put(e.body, key, affineExpr(a, proof.vars, e.range));
      const middle: BigOp = { ...e, lower: affineExpr(loC, proof.vars, e.range), upper: affineExpr(hiC, proof.vars, e.range) };
      let out: Expr = middle;
      for (let j = c.B + 1; j <= hi.constant; j++) out = mul(at({ ...hi, constant: j }), out);
      for (let j = c.A - 1; j >= lo.constant; j--) out = mul(out, at({ ...lo, constant: j }));
      proof.used.add(top > 0 ? 'split the last factor of a product' : 'split the first factor of a product');
      return out;
    }
    return mapChildren(e, (x) => rewrite(x, inside));
  };
  return [rewrite(l, false), rewrite(r, false)];
}

/** The operands and ∑/∏ bodies of a node (not subscripts, bounds, or inside derivatives and limits). */
function operandsOf(e: Expr): Slot[] {
  if (e.kind === 'Deriv' || e.kind === 'Grad' || e.kind === 'Limit') return [];
  return slots(e).filter((s) => s.role === 'operand' || s.role === 'body');
}

function forChildren(e: Expr, f: (x: Expr) => void): void {
  for (const s of operandsOf(e)) f(s.expr);
}

function mapChildren(e: Expr, f: (x: Expr) => Expr): Expr {
  if (operandsOf(e).length === 0) return e;
  return mapEach(e, (c, s) => (s.role === 'operand' || s.role === 'body' ? f(c) : c));
}

function rangeText(e: BigOp): string {
  return `${e.op === 'sum' ? '∑' : '∏'}_{${printName(e.index)}=${printExpr(e.lower)}}^{${printExpr(e.upper)}}`;
}

function printAffine(a: Affine): string {
  const parts: string[] = [];
  for (const [s, c] of a.terms) parts.push(`${c === 1 ? '' : c === -1 ? '-' : c}${s}`);
  let out = parts.join(' + ').replace(/\+ -/g, '- ');
  if (a.constant !== 0 || out === '') out = out === '' ? String(a.constant) : `${out} ${a.constant < 0 ? '-' : '+'} ${Math.abs(a.constant)}`;
  return out;
}

/** The range [lo, hi] must have a count ≥ 0 (hi ≥ lo − 1) by the facts, else the rule does not apply. */
function needCount(lo: Affine, hi: Affine, facts: Facts, what: string): void {
  const count = affineAdd(affineAdd(hi, lo, -1), affineConst(1));
  if (facts.nonNegative(count)) return;
  throw new NeedsBound(`${what} needs ${printAffine(affineAdd(hi, affineConst(1)))} ≥ ${printAffine(lo)}, which the context does not establish (an assumption, a 'for all', or the induction step's bound)`, count);
}

// ---------------------------------------------------------------------------
// Sums in linear position

/** One ∑ taken apart: a piece of its body (a function of the index) over [lower, upper]. */
interface Piece {
  readonly lower: Affine;
  readonly upper: Affine;
  readonly body: Expr;
}

/** One side: what is outside the sums, and the sum pieces. */
interface Linear {
  readonly rest: Expr[];
  readonly pieces: Piece[];
}

/** l = r, sums taken apart and aligned (see the file's comment). */
function equal(l: Expr, r: Expr, facts: Facts, proof: Proof, depth: number): void {
  if (now() > proof.input.deadline) throw new NotApplicable('the time limit ran out');
  if (depth > MAX_DEPTH || (!hasBigOp(l) && !hasBigOp(r))) {
    // Bodies of sums (depth > 0) with a square root in a divisor that depends on the index may
    // have no value somewhere in the range (√i − √20 at i = 20) where no evaluation shows an exact 0.
    const index = (name: string): boolean => proof.isIndexVar(name);
    if (depth > 0 && (hasRadicalDivisor(l, index) || hasRadicalDivisor(r, index))) {
      throw new NotApplicable('a term has a square root in a divisor: where it has no value cannot be told exactly');
    }
    proof.identity(l, r, facts);
    return;
  }
  const index = proof.indexVar(depth, l.range);
  const key = printName(index.name);
  const sides = [linear(l, index, facts, proof), linear(r, index, facts, proof)] as const;
  // Closed forms, then index shifts.
  const open: Piece[][] = [[], []];
  sides.forEach((side, s) => {
    for (const p of side.pieces) {
      const closed = closedForm(p, key, facts, proof);
      if (closed) side.rest.push(closed);
      else open[s]!.push(shifted(p, key, facts, proof));
    }
  });
  // Group by the symbolic parts of the bounds; align each group to its common range.
  const groups = new Map<string, { pieces: [Piece[], Piece[]]; A: number; B: number; lo: Affine; hi: Affine }>();
  open.forEach((ps, s) => {
    for (const p of ps) {
      const g = `${affineKey(p.lower)}\u0000${affineKey(p.upper)}`;
      const got = groups.get(g) ?? { pieces: [[], []] as [Piece[], Piece[]], A: -Infinity, B: Infinity, lo: p.lower, hi: p.upper };
      got.pieces[s]!.push(p);
      got.A = Math.max(got.A, p.lower.constant);
      got.B = Math.min(got.B, p.upper.constant);
      groups.set(g, got);
    }
  });
  for (const g of groups.values()) {
    const lo: Affine = { ...g.lo, constant: g.A };
    const hi: Affine = { ...g.hi, constant: g.B };
    const bodies: [Expr[], Expr[]] = [[], []];
    g.pieces.forEach((ps, s) => {
      for (const p of ps) {
        const bottom = g.A - p.lower.constant;
        const top = p.upper.constant - g.B;
        if (bottom > 0 || top > 0) {
          if (bottom > MAX_PEEL || top > MAX_PEEL) throw new NotApplicable('a sum would need too many terms split off to align its range');
          needCount(lo, hi, facts, `splitting a sum's terms off ∑ over ${printAffine(p.lower)} … ${printAffine(p.upper)}`);
          const at = (j: number, base: Affine): Expr => put(p.body, key, affineExpr({ ...base, constant: j }, proof.vars, p.body.range));
          for (let j = p.lower.constant; j < g.A; j++) sides[s]!.rest.push(at(j, p.lower));
          for (let j = g.B + 1; j <= p.upper.constant; j++) sides[s]!.rest.push(at(j, p.upper));
          if (bottom > 0) proof.used.add('split the first term');
          if (top > 0) proof.used.add('split the last term');
        }
        bodies[s]!.push(p.body);
      }
    });
    if (g.pieces[0].length + g.pieces[1].length > 1) proof.used.add('combine sums over one range');
    const shape = (bodies[0][0] ?? bodies[1][0])!.shape;
    equal(sumAll(bodies[0], l.range, shape), sumAll(bodies[1], l.range, shape), facts.within(key, lo, hi), proof, depth + 1);
  }
  proof.identity(sumAll(sides[0].rest, l.range, l.shape), sumAll(sides[1].rest, r.range, r.shape), facts);
}

/** A term of one side, before its sums are taken apart. */
type Term =
  | { readonly kind: 'plain'; readonly expr: Expr }
  | { readonly kind: 'sum'; readonly before: Expr[]; readonly sum: BigOp; readonly after: Expr[]; readonly divisors: Expr[]; readonly negative: boolean };

/** Whether a ∑ stands in a linear position of e. */
function linearSum(e: Expr): boolean {
  switch (e.kind) {
    case 'BigOp': return e.op === 'sum';
    case 'Neg': case 'Transpose': return linearSum(e.arg);
    case 'Binary':
      if (e.op === '+' || e.op === '-' || e.op === '*') return linearSum(e.left) || linearSum(e.right);
      if (e.op === '/') return linearSum(e.left);
      return false;
    default: return false;
  }
}

function termExpr(t: Term): Expr {
  if (t.kind === 'plain') return t.expr;
  let out: Expr = t.sum;
  for (const f of [...t.before].reverse()) out = mul(f, out);
  for (const f of t.after) out = mul(out, f);
  for (const d of t.divisors) out = div(out, d);
  return t.negative ? neg(out) : out;
}

function negTerm(t: Term): Term {
  return t.kind === 'plain' ? { kind: 'plain', expr: neg(t.expr) } : { ...t, negative: !t.negative };
}

function terms(e: Expr): Term[] {
  if (!linearSum(e)) return [{ kind: 'plain', expr: e }];
  switch (e.kind) {
    case 'BigOp': return [{ kind: 'sum', before: [], sum: e, after: [], divisors: [], negative: false }];
    case 'Neg': return terms(e.arg).map(negTerm);
    case 'Transpose':
      return terms(e.arg).map((t): Term => t.kind === 'plain' ? { kind: 'plain', expr: { ...e, arg: t.expr } }
        : {
          ...t,
          before: [...t.after].reverse().map((f) => transpose(f)),
          after: [...t.before].reverse().map((f) => transpose(f)),
          sum: { ...t.sum, body: transpose(t.sum.body), shape: transposeShape(t.sum.shape) },
        });
    case 'Binary': {
      if (e.op === '+') return [...terms(e.left), ...terms(e.right)];
      if (e.op === '-') return [...terms(e.left), ...terms(e.right).map(negTerm)];
      if (e.op === '/') {
        return terms(e.left).map((t): Term => (t.kind === 'plain' ? { kind: 'plain', expr: div(t.expr, e.right) } : { ...t, divisors: [...t.divisors, e.right] }));
      }
      // e.op === '*'
      const a = terms(e.left);
      const b = terms(e.right);
      if (a.length * b.length > MAX_PIECES) throw new NotApplicable('too many terms to take the sums apart');
      const out: Term[] = [];
      for (const x of a) {
        for (const y of b) {
          if (x.kind === 'plain' && y.kind === 'plain') out.push({ kind: 'plain', expr: mul(x.expr, y.expr) });
          else if (x.kind === 'plain' && y.kind === 'sum') out.push({ ...y, before: [x.expr, ...y.before] });
          else if (x.kind === 'sum' && y.kind === 'plain') out.push({ ...x, after: [...x.after, y.expr] });
          else out.push({ kind: 'plain', expr: mul(termExpr(x), termExpr(y)) });
        }
      }
      return out;
    }
    default: return [{ kind: 'plain', expr: e }];
  }
}

function transpose(e: Expr): Expr {
  if (!isMatrix(e.shape)) return e;
  if (e.kind === 'Transpose') return e.arg;
  return { kind: 'Transpose', arg: e, range: e.range, shape: transposeShape(e.shape) };
}

function transposeShape(s: Shape | undefined): Shape {
  return s?.kind === 'matrix' ? { kind: 'matrix', rows: s.cols, cols: s.rows } : (s ?? SCALAR);
}

/** A side as its rest and its sum pieces (constant factors moved in, bodies split into additive pieces). */
function linear(e: Expr, index: Var, facts: Facts, proof: Proof): Linear {
  const rest: Expr[] = [];
  const pieces: Piece[] = [];
  for (const t of terms(e)) {
    if (t.kind === 'plain') {
      rest.push(t.expr);
      continue;
    }
    const lower = proof.affine(t.sum.lower, facts);
    const upper = proof.affine(t.sum.upper, facts);
    if (!lower || !upper) {
      rest.push(termExpr(t));
      proof.note(`the bounds of ${rangeText(t.sum)} are not whole-number expressions in the indices`);
      continue;
    }
    let body = put(t.sum.body, printName(t.sum.index), index);
    if (t.before.length > 0 || t.after.length > 0 || t.divisors.length > 0) proof.used.add('constant factors moved into the sum');
    for (const f of [...t.before].reverse()) body = mul(f, body);
    for (const f of t.after) body = mul(body, f);
    for (const d of t.divisors) body = div(body, d);
    if (t.negative) body = neg(body);
    const split = additive(body);
    if (split.length + pieces.length > MAX_PIECES) throw new NotApplicable('too many terms to take the sums apart');
    for (const b of split) pieces.push({ lower, upper, body: b });
  }
  return { rest, pieces };
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
      if (e.op === '/') return additive(e.left).map((x) => div(x, e.right));
      return [e];
    }
    case 'Neg': return additive(e.arg).map(neg);
    default: return [e];
  }
}

/** A product's factors in order, with the sign and the divisors apart. */
function factorsOf(e: Expr): { negative: boolean; muls: Expr[]; divs: Expr[] } {
  if (e.kind === 'Neg') {
    const f = factorsOf(e.arg);
    return { ...f, negative: !f.negative };
  }
  if (e.kind === 'Binary' && e.op === '*') {
    const a = factorsOf(e.left);
    const b = factorsOf(e.right);
    return { negative: a.negative !== b.negative, muls: [...a.muls, ...b.muls], divs: [...a.divs, ...b.divs] };
  }
  if (e.kind === 'Binary' && e.op === '/') {
    const a = factorsOf(e.left);
    return { ...a, divs: [...a.divs, e.right] };
  }
  return { negative: false, muls: [e], divs: [] };
}

/** A polynomial in the index: coefficients (expressions free of it) of i⁰, i¹, … */
type IndexPoly = Expr[];

/** What one factor of a piece is, as a function of the index. */
type FactorKind =
  | { kind: 'const' }
  | { kind: 'poly'; poly: IndexPoly }
  | { kind: 'geom'; base: Expr; a: number; offset: Affine }
  | { kind: 'family'; offset: number }
  | { kind: 'other' };

function classify(f: Expr, key: string, facts: Facts, proof: Proof): FactorKind {
  if (!mentions(f, key)) return { kind: 'const' };
  if (f.kind === 'Var' && f.name.index) {
    const sub = proof.affine(f.name.index, facts);
    if (sub && sub.terms.get(key) === 1) return { kind: 'family', offset: sub.constant };
    return { kind: 'other' };
  }
  if (isMatrix(f.shape)) return { kind: 'other' };
  const lin = proof.affine(f, facts);
  if (lin) {
    const c = lin.terms.get(key) ?? 0;
    const rest = affineAdd(lin, { constant: 0, terms: new Map([[key, c]]) }, -1);
    return { kind: 'poly', poly: [affineExpr(rest, proof.vars, f.range), num(c, f.range)] };
  }
  if (f.kind === 'Binary' && f.op === '^') {
    const k = f.right.kind === 'Num' && /^\d$/.test(f.right.value) ? Number(f.right.value) : null;
    if (k !== null) {
      const inner = classify(f.left, key, facts, proof);
      if (inner.kind === 'poly' && (inner.poly.length - 1) * k <= 3) {
        let p: IndexPoly = [num(1, f.range)];
        for (let j = 0; j < k; j++) p = polyMul(p, inner.poly);
        return { kind: 'poly', poly: p };
      }
      return { kind: 'other' };
    }
    if (!mentions(f.left, key)) {
      const ex = proof.affine(f.right, facts);
      const a = ex?.terms.get(key);
      if (ex && a) return { kind: 'geom', base: f.left, a, offset: affineAdd(ex, { constant: 0, terms: new Map([[key, a]]) }, -1) };
    }
  }
  return { kind: 'other' };
}

function polyMul(a: IndexPoly, b: IndexPoly): IndexPoly {
  const out: Expr[] = Array.from({ length: a.length + b.length - 1 }, () => num(0, a[0]!.range));
  a.forEach((x, i) => b.forEach((y, j) => {
    out[i + j] = add(out[i + j]!, mul(x, y));
  }));
  return out;
}

/** ∑_{i=1}^{n} i^k for k = 0 … 3 (Faulhaber), as an expression in n. */
function faulhaber(k: number, n: Expr): Expr {
  const r = n.range;
  const n1 = add(n, num(1, r));
  switch (k) {
    case 0: return n;
    case 1: return div(mul(n, n1), num(2, r));
    case 2: return div(mul(mul(n, n1), add(mul(num(2, r), n), num(1, r))), num(6, r));
    default: return div(mul(mul(n, n), mul(n1, n1)), num(4, r));
  }
}

/** Whether e may have no value somewhere: a divisor not known to be nonzero, a function with a domain, a power that is not whole. */
function mayLackValue(e: Expr, facts: Facts): boolean {
  let lacks = false;
  visit(e, (x) => {
    if (x.kind === 'Binary' && x.op === '/' && !facts.nonZero(x.right)) lacks = true;
    if (x.kind === 'Call' && !['exp', 'sin', 'cos', 'tanh', 'abs', 'max', 'min', 'sigmoid', 'σ'].includes(x.fn.base)) lacks = true;
    if (x.kind === 'Binary' && x.op === '^') {
      const k = constantValue(x.right);
      if (!k || !k.isInteger() || k.sign() < 0) lacks = true;
    }
  });
  return lacks;
}

/** The closed form of a piece's sum when it is a constant, a polynomial in the index or geometric; else null. */
function closedForm(p: Piece, key: string, facts: Facts, proof: Proof): Expr | null {
  const r = p.body.range;
  const { negative, muls, divs } = factorsOf(p.body);
  if (divs.some((d) => mentions(d, key))) return null;
  const kinds = muls.map((f) => classify(f, key, facts, proof));
  if (kinds.some((k) => k.kind === 'other' || k.kind === 'family')) return null;
  const polys = kinds.filter((k): k is Extract<FactorKind, { kind: 'poly' }> => k.kind === 'poly');
  const geoms = kinds.filter((k): k is Extract<FactorKind, { kind: 'geom' }> => k.kind === 'geom');
  if (geoms.length > 1 || (geoms.length === 1 && polys.length > 0)) return null;
  const count = affineAdd(affineAdd(p.upper, p.lower, -1), affineConst(1));
  const rangeWords = `∑ over ${printAffine(p.lower)} … ${printAffine(p.upper)}`;
  if (!facts.nonNegative(count)) {
    proof.note(`the closed form of ${rangeWords} needs ${printAffine(affineAdd(p.upper, affineConst(1)))} ≥ ${printAffine(p.lower)}`);
    return null;
  }
  // The constant factors, in order (scalars that depend on the index are pulled out).
  let constant: Expr = num(1, r);
  muls.forEach((f, i) => {
    if (kinds[i]!.kind === 'const') constant = mul(constant, f);
  });
  // An empty range sums to 0 without reading the body: count·c stands for it only where c
  // has a value. (∑_{i=1}^{n} 1/n = n·(1/n) was "1" at n = 0, where the sum is 0.)
  if (!facts.nonNegative(affineAdd(count, affineConst(-1)))) {
    const unsure = divs.find((d) => !facts.nonZero(d)) ?? muls.find((f, i) => kinds[i]!.kind === 'const' && mayLackValue(f, facts));
    if (unsure) {
      proof.note(`the closed form of ${rangeWords} reads ${printExpr(unsure)}, which may have no value where the range is empty (and the sum is 0)`);
      return null;
    }
  }
  for (const d of divs) constant = div(constant, d);
  let scalarSum: Expr;
  if (geoms.length === 1) {
    const { base: q, a, offset } = geoms[0]!;
    const evenPower = a % 2 === 0;
    if (!facts.notOne(q) || (evenPower && !facts.notMinusOne(q))) {
      proof.note(`the geometric sum of powers of ${printExpr(q)} needs ${printExpr(q)} ≠ 1${evenPower ? ' and ≠ −1' : ''}, which the assumptions do not say`);
      return null;
    }
    // ∑_{i=L}^{U} q^{a i + b} = q^b (q^{a(U+1)} − q^{aL}) / (q^a − 1)
    const top = affineAdd({ constant: 0, terms: new Map() }, affineAdd(p.upper, affineConst(1)), a);
    const bottom = affineAdd({ constant: 0, terms: new Map() }, p.lower, a);
    const qa = pow(q, num(a, r));
    scalarSum = mul(pow(q, affineExpr(offset, proof.vars, r)), div(sub(pow(q, affineExpr(top, proof.vars, r)), pow(q, affineExpr(bottom, proof.vars, r))), sub(qa, num(1, r))));
    proof.used.add('geometric sum');
  } else {
    let poly: IndexPoly = [num(1, r)];
    for (const k of polys) poly = polyMul(poly, k.poly);
    if (poly.length > 4) return null;
    const U = affineExpr(p.upper, proof.vars, r);
    const Lm1 = affineExpr(affineAdd(p.lower, affineConst(-1)), proof.vars, r);
    scalarSum = num(0, r);
    poly.forEach((c, k) => {
      if (isZeroLit(c)) return;
      scalarSum = add(scalarSum, mul(c, sub(faulhaber(k, U), faulhaber(k, Lm1))));
    });
    proof.used.add(poly.length === 1 ? 'the sum of a constant' : poly.length === 2 ? '∑ i = n(n+1)/2' : poly.length === 3 ? '∑ i² = n(n+1)(2n+1)/6' : '∑ i³ = (n(n+1)/2)²');
  }
  const out = mul(scalarSum, constant);
  return negative ? neg(out) : out;
}

/**
 * A piece shifted to a canonical index: a family member `g_{i+c}` reads `g_i`; otherwise the
 * first part of the form `i + c` reads `i` (1/(i+1) → 1/i), so pieces that telescope meet.
 * The range moves by c.
 */
function shifted(p: Piece, key: string, facts: Facts, proof: Proof): Piece {
  const { muls } = factorsOf(p.body);
  let offset: number | null = null;
  for (const f of muls) {
    const k = classify(f, key, facts, proof);
    if (k.kind === 'family') {
      offset = k.offset;
      break;
    }
  }
  offset ??= firstOffset(p.body, key, facts, proof);
  if (offset === null || offset === 0) return p;
  const moved = affineExpr({ constant: -offset, terms: new Map([[key, 1]]) }, proof.vars, p.body.range);
  proof.used.add('index shift');
  return {
    lower: affineAdd(p.lower, affineConst(offset)),
    upper: affineAdd(p.upper, affineConst(offset)),
    body: put(p.body, key, moved),
  };
}

/** The offset c of the first part `i + c` of an expression (pre-order), or null. */
function firstOffset(e: Expr, key: string, facts: Facts, proof: Proof): number | null {
  const a = e.kind === 'Num' ? null : proof.affine(e, facts);
  if (a && a.terms.size === 1 && a.terms.get(key) === 1) return a.constant;
  let found: number | null = null;
  forChildren(e, (c) => {
    if (found === null) found = firstOffset(c, key, facts, proof);
  });
  return found;
}

// ---------------------------------------------------------------------------
// Atoms for the identity test

/**
 * Replaces what the identity test cannot evaluate by atoms: q^{c + Σ kⱼ sⱼ} (symbolic
 * integer exponent) by q^c · Π (q^{sⱼ})^{kⱼ} with each q^{sⱼ} an atom — valid for q ≠ 0,
 * or for q = 0 too when c, every kⱼ and every sⱼ are ≥ 0 —; any other power with a
 * symbolic exponent, a remaining ∑/∏, E[·], a derivative or a limit by one atom per
 * distinct text (equal texts are equal values).
 */
class Atomizer {
  private readonly atoms = new Map<string, Var>();
  /** One atom per function and class of equal arguments: √a and √b are one atom when a = b. */
  private readonly classes: { fn: string; arg: Expr; atom: Var }[] = [];

  constructor(private readonly proof: Proof, private readonly facts: Facts) {}

  /** The atom of fn(arg), shared with every earlier fn(arg′) whose argument is equal (exact identity test). */
  private congruent(fn: string, arg: Expr, like: Expr): Var {
    for (const c of this.classes) {
      if (c.fn === fn && this.proof.sameValue(c.arg, arg)) return c.atom;
    }
    const atom = this.atom(`${fn}#${this.classes.length}`, like);
    this.classes.push({ fn, arg, atom });
    this.proof.used.add('equal arguments, equal values');
    return atom;
  }

  private atom(text: string, like: Expr): Var {
    let v = this.atoms.get(text);
    if (!v) {
      v = { kind: 'Var', name: { base: `⟨${text}⟩`, index: null, primes: 0, hat: false, range: like.range }, range: like.range, shape: like.shape ?? SCALAR };
      this.atoms.set(text, v);
    }
    return v;
  }

  atomize(e: Expr): Expr {
    switch (e.kind) {
      case 'Num': case 'Const': return e;
      case 'Var': {
        // A dimension as a value (`d` in Var[qᵀk] / d) is one more scalar here: an identity
        // for every value of it holds at the value the size takes (traces, which tie a value
        // to a size, are never taken apart by the identity test).
        const key = printName(e.name);
        if (!e.name.index && e.shape?.kind !== 'matrix' && this.proof.input.problem.prep.dimensions.has(key)) return this.atom(`dim ${key}`, e);
        return e;
      }
      case 'BigOp': case 'Expect': case 'Deriv': case 'Grad': case 'Limit': return this.atom(canonicalText(e), e);
      case 'Binary': {
        if (e.op === '*') {
          const fs = productFactors(e);
          const combined = this.combinePowers(fs);
          if (combined) return combined.map((f) => this.atomize(f)).reduce((a, b) => mul(a, b));
        }
        if (e.op === '^' && !constantExponent(e.right)) return this.power(e);
        if (e.op === '^' && e.left.kind === 'Call' && e.left.fn.base === 'sqrt' && e.left.fn.primes === 0 && evenPower(e.right)) {
          // (√a)^(2k) = a^k where √a is defined.
          const k = Number((e.right as { value: string }).value) / 2;
          const a = this.atomize(e.left.args[0]!);
          return k === 1 ? a : pow(a, num(k, e.range));
        }
        if (e.op === '^' && (e.left.kind === 'Norm' || e.left.kind === 'Abs') && evenPower(e.right) && !isMatrixNorm(e.left)) {
          // ‖x‖^(2j) = (xᵀx)^j is rational: the identity test takes it as it is.
          return { ...e, left: { ...e.left, arg: this.atomize(e.left.arg) } };
        }
        return { ...e, left: this.atomize(e.left), right: this.atomize(e.right) };
      }
      case 'Call': {
        const fn = e.fn;
        const builtin = fn.primes === 0 && !fn.hat && fn.index === null && e.args.length === 1 && CONGRUENT.has(fn.base) && !isMatrix(e.args[0]!.shape);
        if (!builtin) return mapChildren(e, (x) => this.atomize(x));
        return this.congruent(fn.base === 'ln' ? 'log' : fn.base, this.atomize(e.args[0]!), e);
      }
      case 'Norm': case 'Abs': {
        if (isMatrixNorm(e)) return this.atom(printExpr(e), e);
        // ‖v‖ = √(vᵀv) for a vector, |x| = √(x²) for a scalar.
        const a = this.atomize(e.arg);
        const square = isMatrix(a.shape) ? mul(transpose(a), a) : mul(a, a);
        return this.congruent('sqrt', square, e);
      }
      default: return mapChildren(e, (x) => this.atomize(x));
    }
  }

  /**
   * Powers of one scalar base in a product, q^a · q^b → q^{a+b}, where every exponent is
   * certainly ≥ 0 (then it holds for q = 0 too) or q ≠ 0; null when nothing combines.
   */
  private combinePowers(fs: Expr[]): Expr[] | null {
    const groups = new Map<string, { at: number[]; exps: Affine[]; base: Expr }>();
    fs.forEach((f, i) => {
      if (isMatrix(f.shape)) return;
      const power = f.kind === 'Binary' && f.op === '^' ? this.proof.affine(f.right, this.facts) : null;
      const base = power && f.kind === 'Binary' ? f.left : f;
      if (isMatrix(base.shape) || base.kind === 'Num') return;
      const ex = power ?? affineConst(1);
      const k = printExpr(base);
      const g = groups.get(k) ?? { at: [], exps: [], base };
      g.at.push(i);
      g.exps.push(ex);
      groups.set(k, g);
    });
    let out: Expr[] | null = null;
    for (const g of groups.values()) {
      if (g.at.length < 2 || g.exps.every(affineIsConst)) continue;
      if (!this.facts.nonZero(g.base) && !g.exps.every((x) => this.facts.nonNegative(x))) continue;
      const total = g.exps.reduce((a, b) => affineAdd(a, b));
      out ??= [...fs];
      out[g.at[0]!] = pow(g.base, affineExpr(total, this.proof.vars, g.base.range));
      for (const i of g.at.slice(1)) out[i] = num(1, g.base.range);
      this.proof.used.add('powers of one base multiplied');
    }
    return out;
  }

  private power(e: Extract<Expr, { kind: 'Binary' }>): Expr {
    const ex = this.proof.affine(e.right, this.facts);
    const base = this.atomize(e.left);
    if (!ex || isMatrix(e.left.shape)) return this.atom(canonicalText(e), e);
    if (affineIsConst(ex)) return pow(base, num(ex.constant, e.range));
    const safe = this.facts.nonZero(e.left)
      || (ex.constant >= 0 && [...ex.terms].every(([s, k]) => k >= 0 && this.facts.nonNegative({ constant: 0, terms: new Map([[s, 1]]) })));
    if (!safe) {
      // Not split (q = 0 is possible): one atom per base and exponent, equal where they are.
      this.proof.note(`a power of ${printExpr(e.left)} whose exponent reads the index is split as a product of powers only for ${printExpr(e.left)} ≠ 0, which the assumptions do not say`);
      return this.congruent(`^(${affineText(ex)})`, base, e);
    }
    let out: Expr = ex.constant === 0 ? num(1, e.range) : pow(base, num(ex.constant, e.range));
    for (const [s, k] of [...ex.terms].sort(([x], [y]) => (x < y ? -1 : 1))) {
      // One atom per exponent and class of equal bases: (γ·δ/γ)^T and δ^T are one.
      const a = this.congruent(`^${s}`, base, e.left);
      out = mul(out, k === 1 ? a : pow(a, num(k, e.range)));
    }
    return out;
  }
}

/** Elementary functions whose values are equal at equal arguments (and only used as atoms). */
const CONGRUENT: ReadonlySet<string> = new Set(['sqrt', 'exp', 'log', 'ln', 'sin', 'cos', 'tan', 'tanh']);

function evenPower(e: Expr): boolean {
  return e.kind === 'Num' && /^\d+$/.test(e.value) && Number(e.value) % 2 === 0 && Number(e.value) > 0;
}

/** The norm of a matrix (an operator norm, not a square root of a rational expression). */
function isMatrixNorm(e: Extract<Expr, { kind: 'Norm' | 'Abs' }>): boolean {
  const s = e.arg.shape;
  return s?.kind === 'matrix' && String(s.rows) !== '1' && String(s.cols) !== '1';
}

/** The factors of a chain of `*` (in order). */
function productFactors(e: Expr): Expr[] {
  if (e.kind === 'Binary' && e.op === '*') return [...productFactors(e.left), ...productFactors(e.right)];
  return [e];
}

/** An affine form as stable text (`1·t+-1·§1` style keys plus the constant). */
function affineText(a: Affine): string {
  return `${affineKey(a)}|${a.constant}`;
}

function constantExponent(e: Expr): boolean {
  let ok = true;
  visit(e, (x) => {
    if (x.kind === 'Var') ok = false;
  });
  return ok;
}

/** Text that is equal for equal values: a ∑/∏'s index renamed canonically. */
function canonicalText(e: Expr): string {
  if (e.kind !== 'BigOp') return printExpr(e);
  const v: Var = { kind: 'Var', name: { base: '§', index: null, primes: 0, hat: false, range: e.range }, range: e.range, shape: SCALAR };
  const body = substitute(e.body, new Map([[printName(e.index), v]]));
  return printExpr({ ...e, index: v.name, body });
}
