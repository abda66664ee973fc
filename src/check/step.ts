import type { Compare, Condition, Define, Expr, Formula, Hint, Name, Var } from '../ast.js';
import { exprKey, formulaExprs, formulaKey, mentionsAny, trivialKey } from '../ast-walk.js';
import { printExpr, printFormula, printName } from '../print.js';
import type { RelatedNote } from '../diagnostics.js';
import { familyKey } from '../types/scope.js';
import { assignmentText, type Counterexample, type Method, type Outcome } from '../result.js';
import { constantDifference, identityTest, type IdentityVerdict } from './engines/identity-test.js';
import { expandPolynomial, expandRational, polynomialExpr, rationalExpr } from './engines/polynomial.js';
import { equivalenceCandidates } from './engines/equivalence.js';
import { constantValue, evaluate, groundHost, isBuiltin, type Host } from './evaluator/interpret.js';
import { isMat, Unsupported } from './evaluator/field.js';
import { formatRational, Rational, withExactBits } from './evaluator/rational.js';
import { intervalField, type Interval } from './evaluator/interval.js';
import { differenceCoefficients, isUnsupported, normalize } from './normal-form.js';
import { hasMatrix, isExpr, sub, type StepOptions, type StepProblem } from './problem.js';
import { canonicalIndex, conditionSet, conditionTruth, freeNames, linearIndex, replaceByKey, substitute, unfold, visit } from './rewrite.js';
import { NO_POINT, sampleRelation, type SampleResult } from './sampling/index.js';
import { familyWitnessed, witnessedFailure } from './sampling/witness.js';
import { unfolded as unfoldedSide } from './sampling/explore.js';
import { rationalExpr as constantExpr } from './sampling/exact-constants.js';
import { DECIMAL_DIGITS, MAX_DIGITS, topDigits, withDigits } from './sampling/levels.js';
import { absorbedTrusted, withAgreement } from './evaluator/decimal.js';
import { noteStackOverflow } from './stack-overflow.js';
import { Prepared } from './sampling/point.js';
import { impliedTags } from './tags.js';
import { symbolicSimplify, symbolicZero } from './symbolic.js';
import { decideLimit } from './rules/limits.js';
import { abstractDerivatives, calculusContext, eliminateDerivatives, hasDerivative } from './rules/matrix-calculus.js';
import { forAllEquationInstance, forAllRewrites, rewriteForAll, ruleContext } from './rules/facts.js';
import { citedRules, proveByRules, proveEqualityByRules } from './rules/registry.js';
import { domainInclusion, restrictionText } from './rules/domain-inclusion.js';
import { now } from '../clock.js';

export { isExpr, type RewriteRule, type StepOptions, type StepProblem } from './problem.js';


/** A pair of sides to compare, after some valid rewriting, and which rewriting (and named rule, if one took part). */
interface Candidate {
  readonly l: Expr; readonly r: Expr; readonly how: string; readonly rule?: string; readonly unfolded: readonly Unfolded[];
  /** Rewritten with `for all` assumptions sampling cannot enforce (σ'(z) = σ(z)(1 − σ(z))): a proof of it is cross-checked on these sides. */
  readonly forAll?: true;
}

/** A conditional definition a rewriting unfolded at a symbolic index: it holds there only where the condition does. */
interface Unfolded { readonly def: Define; readonly variable: string; readonly at: Expr }

/**
 * The forms of `left = right` a proof may compare: as written, then under growing sets of
 * rewrites (what the hint names; the assumptions' substitutions; definitions unfolded
 * where one side has a name the other lacks; every definition).
 */
function* candidatesOf(p: StepProblem, left: Expr, right: Expr): Generator<Candidate> {
  const scope = p.prep.ctx.scope;
  const hinted = hintedKeys(p.hint, scope);
  yield { l: left, r: right, how: 'algebra', unfolded: [] };
  // (An equation among several names says where the point lies: neither it nor its solution
  // for a scalar is put in where a side, or a definition it may unfold, takes a derivative or a
  // limit, whose variable it may read: ∂/∂x (x + y) = 0 under x + y = 1 was proved, and
  // ∂/∂x (x g(s + z)) = 1 under s + z = 1 with s = x + y, s + z taken for 1 inside it.)
  const takes = (e: Expr): boolean => { let hit = false; visit(e, (x) => { if (x.kind === 'Deriv' || x.kind === 'Grad' || x.kind === 'Limit') hit = true; }); return hit; };
  const derivative = [left, right].some(takes) || p.unfoldings.some((u) => takes(u.def.value)) || p.functions.some((d) => takes(d.value));
  const rulesMap = new Map(p.rules.filter((r) => !(r.solved && derivative)).map((r) => [r.key, r.rhs]));
  const withRules = (e: Expr) => replaceByKey(e, rulesMap);
  // Each candidate keeps the conditional definitions its unfoldings relied on (see coverIndices).
  let used: Unfolded[] = [];
  const record = (def: Define, variable: string, at: Expr) => void used.push({ def, variable, at });
  const taken = (): readonly Unfolded[] => {
    const out = used;
    used = [];
    return out;
  };
  if (rulesMap.size > 0) yield { l: withRules(left), r: withRules(right), how: 'using the assumptions and cited facts', unfolded: [] };
  if (hinted.size > 0) {
    const u = (e: Expr) => unfold(e, p.unfoldings, p.functions, scope, hinted, record);
    const how = 'unfolding what the justification names';
    const ul = u(left);
    const fromLeft = taken();
    const ur = u(right);
    const fromRight = taken();
    yield { l: ul, r: right, how, unfolded: fromLeft };
    yield { l: left, r: ur, how, unfolded: fromRight };
    yield { l: ul, r: ur, how, unfolded: [...fromLeft, ...fromRight] };
  }
  // Unfold what one side has and the other lacks (`Δθ_t` → `-δ v_t` → … until both
  // sides speak of `v_{t-1}`), one side at a time so a recurrence is not unfolded on
  // both sides in step; then the same with the assumptions' substitutions.
  for (const rewrite of rulesMap.size > 0 ? [(e: Expr) => e, withRules] : [(e: Expr) => e]) {
    let l2 = rewrite(left);
    let r2 = rewrite(right);
    let soFar: readonly Unfolded[] = [];
    for (let round = 0; round < 6; round++) {
      const onRight = namesIn(r2);
      const nl = rewrite(unfold(l2, p.unfoldings, p.functions, scope, (_, printed) => !onRight.has(printed), record));
      if (printExpr(nl) !== printExpr(l2)) {
        l2 = nl;
      } else {
        taken();
        const onLeft = namesIn(l2);
        const nr = rewrite(unfold(r2, p.unfoldings, p.functions, scope, (_, printed) => !onLeft.has(printed), record));
        if (printExpr(nr) === printExpr(r2)) break;
        r2 = nr;
      }
      soFar = [...soFar, ...taken()];
      yield { l: l2, r: r2, how: 'unfolding the definitions', unfolded: soFar };
    }
    taken();
  }
  let l3 = left;
  let r3 = right;
  let soFar: readonly Unfolded[] = [];
  for (let round = 0; round < 2; round++) {
    const nl = withRules(unfold(l3, p.unfoldings, p.functions, scope, null, record));
    const nr = withRules(unfold(r3, p.unfoldings, p.functions, scope, null, record));
    if (printExpr(nl) === printExpr(l3) && printExpr(nr) === printExpr(r3)) break;
    l3 = nl;
    r3 = nr;
    soFar = [...soFar, ...taken()];
    yield { l: l3, r: r3, how: 'unfolding every definition', unfolded: soFar };
  }
}

/**
 * The candidates again with the `for all` equations of the assumptions applied to every call
 * they speak of (`σ'(a)` → `σ(a)(1 − σ(a))` under `σ'(z) = σ(z)(1 − σ(z)) for all z`), each
 * right after the one it comes from.
 */
function* withForAllRewrites(p: StepProblem, candidates: Iterable<Candidate>): Generator<Candidate> {
  const rewrites = forAllRewrites(p.prep.ctx.assumptions, p.prep.ctx.scope, p.functions);
  for (const c of candidates) {
    yield c;
    if (rewrites.length === 0) continue;
    const used = new Set<string>();
    const l = rewriteForAll(c.l, rewrites, used);
    const r = rewriteForAll(c.r, rewrites, used);
    if (used.size > 0) yield { ...c, l, r, how: `${c.how}, with the assumption ${[...used].join(' and ')}`, forAll: true };
  }
}

/** How a step whose sides print the same is proved. */
const SAME_EXPRESSION = 'both sides are the same expression';
const SAME_UP_TO_ORDER = 'a sum\'s terms and a product\'s scalar factors may come in any order';

/**
 * Whether two scalars of a step's conditions are equal wherever both have values, by a proof
 * that needs no engine's word (the same expression, the rules, the identity test, the normal
 * form): for the domain half (rules/domain-inclusion.ts).
 */
function conditionsEqual(p: StepProblem, deadline: number): (a: Expr, b: Expr) => boolean {
  return (a, b) => {
    const q: StepProblem = { ...p, left: a, right: b, rel: '=' };
    const { proof, pending } = certify(q, a, b, deadline);
    if (proof) return !proof.instances && (proof.method === 'structural' || proof.method === 'identity-test' || proof.method === 'normal-form' || proof.method === 'rule');
    // (And the rules on what the identity test could not take: E[(uᵀx)²] = uᵀ E[x xᵀ] u by the
    // expectation rules; not a `for all` instance, which sampling cannot enforce.)
    const r = pending.length > 0 ? proveEqualityByRules(q, pending, deadline) : null;
    return !!r?.proof && !pending[r.candidate ?? -1]?.forAll;
  };
}

/**
 * The certificates that need no engine's word, tried first: the sides identical, or equal
 * by the exact identity test (rational steps; deterministic). Returns the proof, or the
 * candidates the identity test does not apply to (for nerdamer, after sampling).
 */
export function certify(p: StepProblem, left: Expr, right: Expr, deadline: number): { proof: Proof | null; pending: Candidate[]; differAt: number[]; sides?: readonly [Expr, Expr] } {
  // (By key, not by text: I_m and I_n print alike.)
  if (exprKey(left) === exprKey(right)) return { proof: { method: 'structural', how: SAME_EXPRESSION }, pending: [], differAt: [] };
  // (And the same up to the order of terms and of scalar factors, a − b as a + (−b), −(−a) as a:
  // no value or domain changes. (x + y + z + w)^40 = (w + z + y + x)^40 was only checked, its
  // coefficients past the identity test's prime — red team rt135.)
  if (trivialKey(left) === trivialKey(right)) return { proof: { method: 'structural', how: SAME_UP_TO_ORDER }, pending: [], differAt: [] };
  // The step as an instance of a `for all` equation (f(a) = 1 − f(−a) of f(z) = 1 − f(−z)):
  // the cross-check samples what it comes to, the right side on both sides.
  if (p.prep.unenforced.some((c) => c.forAll.length > 0)) {
    const rc = ruleContext(p, deadline);
    const how = forAllEquationInstance(left, right, rc) ?? forAllEquationInstance(right, left, rc);
    if (how) return { proof: { method: 'rule', how, rule: 'assumption', used: [how] }, pending: [], differAt: [], sides: [right, right] };
  }
  const ictx = { scope: p.prep.ctx.scope, functions: p.functions, dimensions: p.prep.dimensions };
  const tested = new Set<string>();
  const pending: Candidate[] = [];
  /** The sizes of the symbolic dimensions where the identity test found the sides different: sampling must try them. */
  const differAt = new Set<number>();
  for (const c of withForAllRewrites(p, withCalculus(p, candidatesOf(p, left, right)))) {
    if (now() > deadline) break;
    // (By key, not by text: I_m and I_n print alike.)
    const key = `${exprKey(c.l)}\u0000${exprKey(c.r)}`;
    if (tested.has(key)) continue;
    tested.add(key);
    const rule = { ...(c.rule ? { rule: c.rule } : {}), unfolded: c.unfolded };
    const sides = c.forAll ? { sides: [c.l, c.r] as const } : {};
    if (exprKey(c.l) === exprKey(c.r)) return { proof: { method: 'structural', how: c.how, ...rule }, pending: [], differAt: [], ...sides };
    const t: IdentityVerdict = identityTest(c.l, c.r, ictx, `${p.salt}|${key}`, deadline);
    if (t.kind === 'identical') return { proof: { method: 'identity-test', how: c.how, errorBound: t.errorBound, points: t.points, sizes: t.sizes, ...rule }, pending: [], differAt: [], ...sides };
    if (t.kind === 'differ' && t.size !== null) differAt.add(t.size);
    if (t.kind === 'not-applicable') {
      // Coefficients too large for residues modulo p ((x + 10^50) − 10^50 = x), or calls the
      // test cannot take: left − right expanded in exact rationals (calls as names of their
      // own, engines/polynomial.ts) may still come to 0, a proof with no error probability.
      if (!c.rule && expandsToZero(c.l, c.r)) {
        return { proof: { method: 'rule', how: c.how, rule: 'exact expansion', used: ['left − right expands to 0 in exact rational arithmetic'], unfolded: c.unfolded }, pending: [], differAt: [], ...sides };
      }
      pending.push(c);
    }
  }
  return { proof: null, pending, differAt: [...differAt] };
}

/** Whether left − right of two scalar sides is 0 as a rational function, in exact arithmetic (null expansions: no). */
function expandsToZero(l: Expr, r: Expr): boolean {
  if (l.shape?.kind === 'matrix' || r.shape?.kind === 'matrix') return false;
  const rat = expandRational(sub(l, r), true);
  return rat !== null && rat.num.size === 0;
}

/**
 * A proof of an inequality between scalars whose sides differ by a constant of the needed
 * sign (c > 0 for `>`, c ≥ 0 for `≥`, c < 0 and c ≤ 0 for `<` and `≤`, c ≠ 0 for `≠`):
 * left − right expanded in exact rational arithmetic is the constant c (no error probability;
 * calls and roots as names of their own), or `left = right + c` passes the identity test, c
 * read back from residues of left − right (constantDifference: sin(x)² + cos(x)² + 1 > 1).
 * Wherever both sides are defined, left − right is then c. Null where no candidate form has one.
 */
function constantDifferenceProof(p: StepProblem, left: Expr, right: Expr, rel: '<' | '≤' | '>' | '≥' | '≠', deadline: number): Proof | null {
  if (left.shape?.kind === 'matrix' || right.shape?.kind === 'matrix') return null;
  const ictx = { scope: p.prep.ctx.scope, functions: p.functions, dimensions: p.prep.dimensions };
  const fits = (k: Rational): boolean => {
    const sign = k.sign();
    return rel === '>' ? sign > 0 : rel === '≥' ? sign >= 0 : rel === '<' ? sign < 0 : rel === '≤' ? sign <= 0 : sign !== 0;
  };
  const said = (k: Rational): string => `${constantText(k)} ${rel === '≠' ? '≠' : k.sign() === 0 ? '=' : k.sign() > 0 ? '>' : '<'} 0`;
  const tested = new Set<string>();
  for (const c of candidatesOf(p, left, right)) {
    if (now() > deadline) return null;
    const key = `${exprKey(c.l)}\u0000${exprKey(c.r)}`;
    if (tested.has(key)) continue;
    tested.add(key);
    const expanded = expandRational(sub(c.l, c.r), true);
    if (expanded && expanded.den.size === 0 && [...expanded.num.keys()].every((m) => m === '')) {
      const k = expanded.num.get('')?.coef ?? Rational.ZERO;
      if (!fits(k)) continue;
      return {
        method: 'rule', how: c.how, rule: 'exact expansion', unfolded: c.unfolded,
        used: [`left − right expands to ${constantText(k)} in exact rational arithmetic, and ${said(k)}`],
      };
    }
    for (const k of constantDifference(c.l, c.r, ictx, `${p.salt}|difference|${key}`, deadline)) {
      if (!fits(k)) continue;
      const shifted: Expr = { kind: 'Binary', op: '+', left: c.r, right: constantExpr(k, c.r.range), range: c.r.range, shape: { kind: 'scalar' } };
      const t = identityTest(c.l, shifted, ictx, `${p.salt}|${key}|+${k.toString()}`, deadline);
      if (t.kind !== 'identical') continue;
      return {
        method: 'identity-test', how: `${c.how === 'algebra' ? '' : `${c.how}: `}left − right = ${constantText(k)} for every value, and ${said(k)}`,
        errorBound: t.errorBound, points: t.points, sizes: t.sizes, ...(c.rule ? { rule: c.rule } : {}), unfolded: c.unfolded,
      };
    }
  }
  return null;
}

/** A rational for a message, exactly (`3`, `−1/2`, `1·10^(−30)`), or to 12 digits where that is long. */
function constantText(k: Rational): string {
  const text = k.toString();
  const tiny = /^(-?)0\.(0*)(\d{1,12})$/.exec(text);
  if (tiny && tiny[2]!.length > 5) return `${tiny[1] ? '−' : ''}${tiny[3]}·10^(−${tiny[2]!.length + tiny[3]!.length})`;
  return (text.length <= 40 ? text : `≈ ${formatRational(k, 12)}`).replaceAll('-', '−');
}

/**
 * A `⇔`/`⇒` step between comparisons of one kind, proved as `a − b = m·(c − d)` with a
 * factor m known positive (nonzero; invertible) by the certificates of `=` steps
 * (engines/equivalence.ts); null when no such equality is proved.
 */
function certifyEquivalence(p: StepProblem, opts: StepOptions, deadline: number): Proof | null {
  const candidates = equivalenceCandidates(p, deadline);
  if ('none' in candidates) return null;
  for (const c of candidates) {
    if (now() > deadline) return null;
    const q: StepProblem = { ...p, left: c.left, right: c.right, rel: '=' };
    const { proof } = certify(q, c.left, c.right, deadline);
    if (!proof || (proof.method !== 'structural' && proof.method !== 'identity-test')) continue;
    // Modulo p, a coefficient that is a multiple of p is 0 and the factor read back may be
    // another rational of the same residue ((2^61 + 1)x = 5y ⇔ 2x = 5y): the equality must
    // also hold in exact values at sampled points, where a nonzero difference shows.
    if (proof.method === 'identity-test') {
      const s = sampleRelation(q, { ...opts, deadline, samples: EQUIVALENCE_SAMPLES }, false, true);
      if (s.failure || s.unknown) continue;
    }
    return { ...proof, how: `${c.why}${proof.how === 'algebra' || proof.how.startsWith('both sides') ? '' : `, ${proof.how}`}` };
  }
  return null;
}

/** Points at which the equality behind a ⇔ certificate is checked in exact values (see certifyEquivalence). */
const EQUIVALENCE_SAMPLES = 4;

/**
 * nerdamer (scalars) or the non-commutative normal form (anything with a vector or
 * matrix, nerdamer judging only its scalar coefficients) on the candidates the identity
 * test could not take, each within the size budget.
 */
export function symbolicProof(p: StepProblem, pending: readonly Candidate[], deadline: number): Proof | null {
  const scope = p.prep.ctx.scope;
  for (const c of pending) {
    const remaining = deadline - now();
    if (remaining <= 0) return null;
    if (size(c.l) + size(c.r) > SYMBOLIC_BUDGET) continue;
    // A derivative means nothing to nerdamer or the normal form: its taken form is another candidate.
    if (hasDerivative(c.l, p.functions) || hasDerivative(c.r, p.functions)) continue;
    if (zeroDifference(c.l, c.r, scope, remaining)) {
      return { method: hasMatrix(c.l) || hasMatrix(c.r) ? 'normal-form' : 'symbolic', how: c.how, ...(c.rule ? { rule: c.rule } : {}), unfolded: c.unfolded };
    }
  }
  return null;
}

/** A proof of a step's equality, and how it was found. */
export interface Proof {
  readonly method: Method;
  readonly how: string;
  /** For `rule` proofs of sums and expectations: the rules used, in words. */
  readonly used?: readonly string[];
  /** For the identity test: the probability that a false identity passed, the points, what its matrices were (`3×3 matrices (n = 3)`). */
  readonly errorBound?: number;
  readonly points?: number;
  readonly sizes?: string | null;
  /** A named rule that took part (`differentiation`, `submultiplicativity`, …). */
  readonly rule?: string;
  /** Instances of `for all` assumptions a rule's proof used (`f(1) ≥ 1`): its cross-check samples points that meet them. */
  readonly instances?: readonly Formula[];
  /** The conditional definitions the proof unfolded at symbolic indices; absent when not known (rules: see coverIndices). */
  readonly unfolded?: readonly Unfolded[];
}

/**
 * The candidates again with their derivatives taken care of: once with each derivative as
 * one unknown value (an identity for every value holds for the derivative's), once with
 * the derivatives taken by the rules of matrix calculus (rules/matrix-calculus.ts).
 */
function* withCalculus(p: StepProblem, candidates: Iterable<Candidate>): Generator<Candidate> {
  const fns = p.functions;
  const has = (c: Candidate) => hasDerivative(c.l, fns) || hasDerivative(c.r, fns);
  // (Each candidate as it is made, then those with derivatives taken: made only if the ones
  // before proved nothing, since unfolding costs most of a step the first one proves.)
  const cs: Candidate[] = [];
  for (const c of candidates) {
    cs.push(c);
    yield c;
  }
  if (!cs.some(has)) return;
  const ctx = calculusContext(p);
  const seen = new Set<string>();
  for (const c of cs) {
    if (!has(c)) continue;
    const a = abstractDerivatives([c.l, c.r]);
    const inherited = { unfolded: c.unfolded };
    if (a.count > 0) yield { l: a.sides[0]!, r: a.sides[1]!, how: `${c.how}, each derivative taken as one unknown value`, ...inherited };
    const el = eliminateDerivatives(c.l, ctx);
    const er = eliminateDerivatives(c.r, ctx);
    if (!('expr' in el) || !('expr' in er)) continue;
    const key = `${printExpr(el.expr)}\u0000${printExpr(er.expr)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const notes = [...new Set([...el.notes, ...er.notes])];
    const taken = `derivatives taken by the rules of calculus${notes.length > 0 ? `: ${notes.join('; ')}` : ''}`;
    yield { l: el.expr, r: er.expr, how: `${c.how}, ${taken}`, rule: 'differentiation', ...inherited };
    // Where a derivative was taken at a defined point (∇_g f(g), g = A x), unfold it there.
    const scope = p.prep.ctx.scope;
    const more: Unfolded[] = [...c.unfolded];
    const record = (def: Define, variable: string, at: Expr) => void more.push({ def, variable, at });
    const ul = unfold(el.expr, p.unfoldings, p.functions, scope, null, record);
    const ur = unfold(er.expr, p.unfoldings, p.functions, scope, null, record);
    if (printExpr(ul) !== printExpr(el.expr) || printExpr(ur) !== printExpr(er.expr)) {
      yield { l: ul, r: ur, how: `${c.how}, ${taken}, definitions unfolded`, rule: 'differentiation', unfolded: more };
    }
  }
}

/**
 * The assumptions on a family's member at a free index (`‖A_t‖ ≤ γ`) whose family the step
 * reads at another index (‖A_{t−1}‖): a point where the step fails there may be one the
 * student's assumption (meant for every member) excludes.
 */
function otherMembers(p: StepProblem, drawn: (key: string) => boolean = () => true): Condition[] {
  if (p.prep.onMember.size === 0) return [];
  const out = new Set<Condition>();
  for (const side of [p.left, p.right]) {
    if (!isExpr(side)) continue;
    const e = unfold(side, p.unfoldings, p.functions, p.prep.ctx.scope, null);
    // (A ∑ or ∏ index is another variable, whatever its name: ∏_{t=1}^{T} ‖A_t‖ reads every member.)
    const bound = new Set<string>();
    visit(e, (x) => { if (x.kind === 'BigOp') bound.add(printName(x.index)); });
    visit(e, (x) => {
      if (x.kind !== 'Var' || !x.name.index) return;
      const found = p.prep.ctx.scope.lookup(x.name);
      if (!found?.index) return;
      const at = exprKey(canonicalIndex(found.index));
      const other = freeNames(found.index).some((v) => bound.has(printName(v.name)));
      // (Where no member of the family was drawn at the point, its definitions gave every one,
      // and the assumption was evaluated there exactly: x_{t−1} ≤ 2 in an induction's step.)
      if (!drawn(found.info.key)) return;
      for (const m of p.prep.onMember.get(found.info.key) ?? []) if (other || !m.indices.has(at)) out.add(m.condition);
    });
  }
  return [...out];
}

/** The free index names the conditions on members read (`t`), for the hint. */
function memberIndexNames(conditions: readonly Condition[]): string {
  const names = new Set<string>();
  for (const c of conditions) {
    for (const e of formulaExprs(c.formula)) {
      visit(e, (x) => { if (x.kind === 'Var' && x.name.index) for (const v of freeNames(x.name.index)) names.add(printName(v.name)); });
    }
  }
  return [...names].join(', ') || 't';
}

/**
 * Whether a step reads the distribution of a random name a condition bounds (`0 ≤ X ≤ 1`):
 * an expectation of it (E[2X + 1]), or a name its declared moments are (`E[X] = μ`: μ ≤ 1
 * holds, and μ = 2 is no counterexample), definitions unfolded. E[Y²] of another Y does not.
 */
function readsMomentsOf(p: StepProblem, c: Condition): boolean {
  const scope = p.prep.ctx.scope;
  const bounded = new Set<string>();
  for (const e of formulaExprs(c.formula)) {
    visit(e, (x) => { if (x.kind === 'Var') { const info = scope.lookup(x.name)?.info; if (info?.random) bounded.add(info.key); } });
  }
  const momentNames = new Set<string>();
  for (const key of bounded) {
    const spec = p.prep.ctx.random.specs.get(key);
    for (const m of [spec?.mean, spec?.second, spec?.covariance, spec?.third, spec?.fourth]) if (m) for (const v of freeNames(m.value)) momentNames.add(printName(v.name));
  }
  let found = false;
  for (const side of [p.left, p.right]) {
    if (!isExpr(side)) continue;
    visit(unfold(side, p.unfoldings, p.functions, scope, null), (x) => {
      if (x.kind === 'Expect') {
        visit(x, (y) => { if (y.kind === 'Var' && bounded.has(scope.lookup(y.name)?.info.key ?? '')) found = true; });
      }
      if (x.kind === 'Var' && momentNames.has(printName(x.name))) found = true;
    });
  }
  return found;
}

/**
 * nerdamer only sees expressions of at most this many nodes (a deterministic budget, so
 * `proved` never depends on machine load; its wall-clock limit is only a last line).
 */
const SYMBOLIC_BUDGET = 160;
/** nerdamer's work limit for a refuted step's `left − right` (symbolic.ts: EXPAND_WORK is 50,000). */
const MESSAGE_WORK = 20_000;

function size(e: Expr): number {
  let n = 0;
  visit(e, () => {
    n++;
  });
  return n;
}

/**
 * What `left − right` comes to, as the student wrote the two sides (no unfolding), when it
 * is short: `(2 β δ - 2 δ) g_t` says at once where a sign slipped. Null when it would not help,
 * or when nerdamer's expansion is not `agrees`' equal of what it expands.
 */
export function describeDifference(
  left: Expr, right: Expr, scope: Prepared['ctx']['scope'], timeoutMs: number, agrees: (a: Expr, b: Expr) => boolean = () => true,
): string | null {
  try {
    // (nerdamer's word within a work limit, so the message is the same on every machine; the
    // clock only as a backstop.)
    const budget = { timeoutMs: Math.max(50, Math.min(300, timeoutMs)), work: MESSAGE_WORK };
    const ctx = { tags: (key: string) => scope.get(key)?.tags ?? new Set<string>() };
    const parts: string[] = [];
    if (!hasMatrix(left) && !hasMatrix(right)) {
      // A polynomial or rational difference is expanded exactly here (functions other than √
      // as names of their own); nerdamer only for the rest.
      const diff = sub(left, right);
      const rat = expandRational(diff, true, { roots: true });
      // (nerdamer's word only where sampled points agree with it: its softmax residue was false.)
      let d = rat ? rationalExpr(rat, left.range)
        : size(left) + size(right) <= SYMBOLIC_BUDGET ? symbolicSimplify(diff, budget) : null;
      if (d && !rat && !agrees(diff, d)) d = null;
      // Else powers of e as names of their own too (e^x e^(−x) stays as written, but exactly).
      if (!d) {
        const all = expandRational(diff, 'all', { roots: true });
        d = all && rationalExpr(all, left.range);
      }
      if (!d) return null;
      parts.push(printExpr(d));
    } else {
      const a = normalize(left, ctx);
      const b = normalize(right, ctx);
      if (isUnsupported(a) || isUnsupported(b)) return null;
      const diff = differenceCoefficients(a, b);
      if (diff.length === 0 || diff.length > 3) return null;
      for (const { word, coeff } of diff) {
        const poly = expandPolynomial(coeff, true);
        const simplified = poly ? null : symbolicSimplify(coeff, budget);
        const c = poly ? polynomialExpr(poly, coeff.range) : simplified && agrees(coeff, simplified) ? simplified : null;
        const text = c ? printExpr(c) : printExpr(coeff);
        if (text === '0') continue;
        // The empty word of a matrix difference is the identity matrix (A B − B A − I, not − 1).
        const matrixValued = left.shape?.kind === 'matrix' || right.shape?.kind === 'matrix';
        const letters = word === '1' || word === 'I' ? (matrixValued ? 'I' : '') : word;
        const wrapped = /^-?[\p{L}\p{N}_{}ᵀ⁻¹'.]+$/u.test(text) ? text : `(${text})`;
        parts.push(letters === '' ? text : text === '1' ? letters : text === '-1' ? `-${letters}` : `${wrapped} ${letters}`);
      }
    }
    const out = parts.join(' + ').replace(/\+ -/g, '- ');
    return out === '' || out === '0' || out.length > 120 ? null : out;
  } catch {
    return null;
  }
}

/**
 * `left − right` as written, with derivatives taken by the rules first (`∇_x(xᵀMx) − 2Mx`
 * is `Mᵀ x - M x`); null when a derivative cannot be taken or the difference is not short.
 */
function differenceWithDerivatives(p: StepProblem, left: Expr, right: Expr, opts: StepOptions): string | null {
  const fns = p.functions;
  const timeoutMs = opts.deadline - now();
  // a = b at a few sampled points (exact values or enclosures; no search), for nerdamer's answers.
  const agrees = (a: Expr, b: Expr): boolean => {
    const s = sampleRelation({ ...p, left: a, right: b, rel: '=' }, { ...opts, samples: RESIDUE_SAMPLES, deadline: Math.min(opts.deadline, now() + 200) }, false, true);
    return !s.failure && !s.unknown && s.held > 0;
  };
  if (!hasDerivative(left, fns) && !hasDerivative(right, fns)) {
    const asWritten = describeDifference(left, right, p.prep.ctx.scope, timeoutMs, agrees);
    // (Definitions unfolded where that ends, and the shorter text kept, so that it does not
    // mix v_2 with what it stands for: `v_2 = (1 − β) g + β(1 − β) g + 1` said left − right
    // = g β² + v_2 − g − 1, not −1. Var[m] + E[m]² stays as written: unfolded, it is longer.)
    const [ul, ur] = [fullyUnfolded(p, left), fullyUnfolded(p, right)];
    if (ul === null || ur === null || (ul === left && ur === right)) return asWritten;
    const unfolded = describeDifference(ul, ur, p.prep.ctx.scope, Math.max(0, opts.deadline - now()), agrees);
    return unfolded !== null && (asWritten === null || unfolded.length < asWritten.length) ? unfolded : asWritten;
  }
  const ctx = calculusContext(p);
  const l = eliminateDerivatives(left, ctx);
  const r = eliminateDerivatives(right, ctx);
  if (!('expr' in l) || !('expr' in r)) return null;
  return describeDifference(l.expr, r.expr, p.prep.ctx.scope, timeoutMs, agrees);
}

/**
 * A side with its definitions unfolded until none is left (plain names, members at numbers,
 * calls), or null where that does not end (a member at a symbolic index) within a few rounds.
 * A definition that holds for some indices only is not unfolded at a symbolic one (`define
 * u_t = 2 for t ≥ 1` at u_t: the counterexample may be t = 0, where left − right is not −1).
 */
function fullyUnfolded(p: StepProblem, e: Expr): Expr | null {
  if (p.unfoldings.length === 0 && p.functions.length === 0) return e;
  let current = e;
  let text = printExpr(current);
  const conditional = new Set<Define>();
  for (let round = 0; round < 8; round++) {
    let met: Define | null = null;
    const defs = conditional.size === 0 ? p.unfoldings : p.unfoldings.filter((u) => !conditional.has(u.def));
    const next = unfold(current, defs, p.functions, p.prep.ctx.scope, null, (def) => { met ??= def; });
    if (met !== null) {
      // (This round again without it.)
      conditional.add(met);
      round--;
      if (conditional.size > p.unfoldings.length) return null;
      continue;
    }
    const nextText = printExpr(next);
    if (nextText === text) return current;
    if (nextText.length > 2000) return null;
    [current, text] = [next, nextText];
  }
  return null;
}

/** Points at which nerdamer's left − right is checked before a message shows it. */
const RESIDUE_SAMPLES = 3;

/** Printed names and calls in an expression. */
function namesIn(e: Expr): Set<string> {
  const out = new Set<string>();
  visit(e, (x) => {
    if (x.kind === 'Var') out.add(printName(x.name));
    if (x.kind === 'Call') out.add(printExpr(x));
  });
  return out;
}

function zeroDifference(l: Expr, r: Expr, scope: Prepared['ctx']['scope'], timeoutMs: number): boolean {
  if (!hasMatrix(l) && !hasMatrix(r)) return symbolicZero(sub(l, r), { timeoutMs }).status === 'zero';
  const ctx = { tags: (key: string) => impliedTags(scope.get(key)?.tags ?? new Set<string>()) };
  const a = normalize(l, ctx);
  const b = normalize(r, ctx);
  if (isUnsupported(a) || isUnsupported(b)) return false;
  const deadline = now() + timeoutMs;
  for (const { coeff } of differenceCoefficients(a, b)) {
    const left = deadline - now();
    if (left <= 0 || symbolicZero(coeff, { timeoutMs: left }).status !== 'zero') return false;
  }
  return true;
}

function hintedKeys(hint: Hint | null, scope: Prepared['ctx']['scope']): Set<string> {
  const out = new Set<string>();
  for (const it of hint?.items ?? []) {
    if (it.kind === 'def') for (const n of it.names) out.add(scope.lookup(n)?.info.key ?? printName(n));
  }
  return out;
}

// ---------------------------------------------------------------------------

/** Whether an expression has no free names, no symbolic size and calls no declared function: its value is one number. */
function isGround(e: Expr): boolean {
  if (freeNames(e).length > 0) return false;
  let call = false;
  visit(e, (x) => {
    if ((x.kind === 'Call' && !isBuiltin(x.fn.base)) || x.kind === 'Expect' || x.kind === 'Deriv' || x.kind === 'Grad' || x.kind === 'Limit') call = true;
    // A size that is a symbol (I_n) takes several values.
    if (x.shape?.kind === 'matrix' && (typeof x.shape.rows === 'string' || typeof x.shape.cols === 'string')) call = true;
  });
  return !call;
}

/** How the held points were decided, in words. */
function evidenceText(s: SampleResult): string {
  const e = s.evidence;
  const points = `${s.held} sampled point${s.held === 1 ? '' : 's'}`;
  if (!e) return points;
  const parts: string[] = [];
  if (e.exact > 0) parts.push(`${e.exact} exactly`);
  if (e.enclosed > 0) parts.push(`${e.enclosed} by enclosures`);
  if (e.double > 0) parts.push(`${e.double} to double precision`);
  const how = parts.length > 1 || (parts.length === 1 && e.exact !== s.held) ? ` (${parts.join(', ')})` : e.exact === s.held ? ' (exactly)' : '';
  const met = e.rejected > 0 ? `; ${s.held} of ${s.held + e.rejected} points drawn met the assumptions` : '';
  return `${points}${how}${s.searchText ?? ''}${met}`;
}

/**
 * Where the step's numbers (or their squares) need more digits than the checker computes with
 * (`StepOptions.digitsBeyond`), the points that held only by agreement are set aside: the text
 * that says so, or the message of an unknown when fewer than half the samples remain.
 */
function agreementAside(s: SampleResult, opts: StepOptions): { text: string; unknown?: string } {
  if (opts.digitsBeyond === undefined || !s.evidence || s.evidence.agreed + s.evidence.double === 0) return { text: '' };
  const agreeing = s.evidence.agreed + s.evidence.double;
  const beyondText = `the step's numbers need about ${opts.digitsBeyond} digits, more than the ${MAX_DIGITS} the checker computes with`;
  if (s.held - agreeing < Math.ceil(opts.samples / 2)) {
    return { text: '', unknown: `${beyondText}, so the agreement of its sides there says nothing (${agreeing} of ${s.held} points held only by agreement)` };
  }
  return { text: `; ${agreeing} point${agreeing === 1 ? '' : 's'} where the sides only agreed ${agreeing === 1 ? 'is' : 'are'} not counted (${beyondText})` };
}

/** The verb after evidenceText: one point agrees, several agree. */
function agree(s: SampleResult): string {
  return s.held === 1 ? 'agrees' : 'agree';
}

/** Points that could not be decided, when there were any: `; 6 points could not be decided and were skipped`. */
function skippedText(s: SampleResult): string {
  const n = s.evidence?.undecided ?? 0;
  return n > 0 ? `; ${n} point${n === 1 ? '' : 's'} could not be decided and ${n === 1 ? 'was' : 'were'} skipped` : '';
}

/**
 * Points that cross-check a step a certificate or rule proved for every value. They guard
 * against a fault in the proof, which shows at almost every point (a wrong factor, a size
 * collapsed), not against thin failure sets: 4 exact or double points (the first ones the
 * readable values 0, 1, −1, …) find it. Was 8; 4 halves the time of a proved step.
 */
const CERTIFIED_SAMPLES = 4;

/** Decides one step: structural, identity test, symbolic proof; then sampling, which has the last word. */
export function decideStep(p: StepProblem, opts: StepOptions): Outcome {
  // Agreement must be finer than the smallest number the step writes (10^(−30) → 60 digits)
  // relative to the largest (exp(350) + 10^(−100) = exp(350) differ at the 252nd digit: they
  // agreed to 250 and were checked), and stay 50 digits inside the precision used.
  // (A power of e kept large by the assumptions counts as one the step writes: exp(x + y) +
  // 10^(−300) = exp(x) exp(y) under x, y > 500 differ at the 734th digit.)
  const bounded = boundedPowerDigits(p);
  const powers = Math.max(bounded.large, bounded.small);
  // (A huge bound an assumption writes makes the names it bounds huge, and their reciprocals
  // tiny: under x > 10^400, e^(1/x) = 1 + 1/x differs by 1/(2x²), ~10^(−800), and was checked.)
  const tiny = Math.max(tinyExponent(p), dividesByName(p) ? assumedLargeExponent(p) : 0);
  const large = tiny > 0 ? Math.max(largeExponent(p), bounded.large) : 0;
  // (And their powers: e^(10^(−130)) = 1 + 10^(−130) and √(1 + ε) = 1 + ε/2 under ε < 10^(−130)
  // differ by ε²/2 and ε²/8, below 250 digits, and were checked; so did 1/(1 + e^(−z)) = 1 − e^(−z)
  // under z > 1000, by e^(−2z). A truncated series differs by a higher power of a tiny number:
  // under ε < 10^(−100), cos ε + ε²/2 = 1 (ε⁴/24), e^ε = 1 + ε + ε²/2 (ε³/6) and
  // sin ε − ε + ε³/6 = 0 (ε⁵/120) were checked (red team), so up to the sixth power of a tiny
  // number the step writes or assumes. Within reach they set the precision; past it, agreement
  // between the sides is no evidence: `digitsBeyond`.)
  const own = digitsNeeded(p);
  const squares = Math.max(Math.max(TINY_POWERS * tiny + large, 2 * powers) + 60, own.twice);
  const need = Math.max(own.once, tiny + large + 60, Math.min(MAX_DIGITS, squares));
  const top = Math.max(DECIMAL_DIGITS[DECIMAL_DIGITS.length - 1]!, Math.min(MAX_DIGITS, need));
  const agreement = Math.min(top - 50, 30 + tiny + large);
  const stepOpts = need <= MAX_DIGITS && squares > MAX_DIGITS ? { ...opts, digitsBeyond: Math.round(squares) } : opts;
  let decided = withAgreement(agreement, () => withDigits(need, () => decideStepAt(p, stepOpts)));
  // A step of numbers that reads members of recurrences and agreed to `top` digits: their sizes
  // are not in its text, so the digits it needs are not known from it (a_450 = 2 with
  // a_t = √(2 + a_{t−1}), a_0 = √2, differs by 7·10^(−272), and was checked at 250 digits, red
  // team rt113). Its one point is taken to MAX_DIGITS before agreement counts.
  // (And with exact numbers of up to DETERMINED_EXACT_BITS: the members of a rational recurrence
  // are rationals, whose sizes double with each Newton step; x_12² = 2 for Newton's iteration
  // toward √2 differs by 1.6·10⁻³¹³⁵, and x_13 ≥ x_12 fails by as little, rt114.)
  // (So is one whose sides no precision told apart: x_12² > 2, true by 1.6·10⁻³¹³⁵, was
  // unknown, rt116.)
  const agreedOnly = decided.verdict === 'checked' && decided.method === 'evaluation';
  const untold = decided.verdict === 'unknown' && /could not be told apart|its one point could not be decided/.test(decided.message) && p.unfoldings.some((u) => u.recursive);
  if ((agreedOnly || untold) && !(isExpr(p.left) && isExpr(p.right) && isGround(p.left) && isGround(p.right))) {
    const again = withAgreement(agreement, () => withDigits(MAX_DIGITS, () => withExactBits(DETERMINED_EXACT_BITS, () => decideStepAt(p, stepOpts))));
    if (agreedOnly || again.verdict !== 'unknown') decided = again;
  }
  const constant = [...constantDerivativeNotes(p), ...nonRandomExpectationNotes(p)];
  const out = constant.length > 0 ? { ...decided, notes: [...decided.notes, ...constant] } : decided;
  // Nor is a pass any evidence when the step's own numbers need more digits than that: a
  // failing set they bound is narrower than any point the searches can tell (π + 10^(−1000) =
  // π; x ≤ π under x ≤ π + 10^(−1000); x > π + 10^(−1000) ⇔ x > π, whose points are exact).
  if (out.verdict === 'checked' && need > MAX_DIGITS) {
    return { ...out, verdict: 'unknown', message: `the step's own numbers need about ${Math.round(need)} digits, more than the ${MAX_DIGITS} the checker computes with, so agreement there says nothing` };
  }
  // An unknown for want of digits says so ((e^{1000π} + 1) − e^{1000π} = 1 at 960 digits).
  if (out.verdict === 'unknown' && need > MAX_DIGITS && /could not be told apart/.test(out.message)) {
    return { ...out, message: `the step's own numbers need about ${Math.round(need)} digits, more than the ${MAX_DIGITS} the checker computes with, and at ${MAX_DIGITS} its sides could not be told apart` };
  }
  return out;
}

/** The bits of exact numbers a step of recurrence members that agreed is taken to (decideStep): ten times the usual, for its one point. */
const DETERMINED_EXACT_BITS = 200_000;

/** The highest power of a tiny number whose size sets the precision (decideStep): a sixth-order remainder under ε < 10^(−100) is 10^(−600). */
const TINY_POWERS = 6;

/** What a rule used, in brackets (none when it used nothing to name and no identity test). */
function ruleDetail(used: readonly string[], errorBound: number | undefined): string {
  const test = errorBound === undefined ? null : `by the exact identity test, error probability ≤ ${Math.max(errorBound, 1e-300).toExponential(0)}`;
  if (used.length === 0) return test ? ` (${test})` : '';
  return ` (${used.join(', ')}${test ? `; the rest ${test}` : ''})`;
}

/** Whether the step writes a number (or a constant subexpression) whose numerator or denominator is 2^53 or more. */
function hasLargeNumber(p: StepProblem): boolean {
  const limit = 1n << 53n;
  let found = false;
  eachNode(p, (x) => {
    if (found || (x.kind !== 'Num' && x.kind !== 'Binary')) return;
    const q = constantValue(x);
    if (q && ((q.n < 0n ? -q.n : q.n) >= limit || q.d >= limit)) found = true;
  });
  return found;
}

/** Every sub-expression of a step's two sides and of the assumptions it is checked under, in no set order. */
function eachNode(p: StepProblem, fn: (x: Expr) => void): void {
  eachNodeOf([p.left, p.right, ...p.prep.checks.map((c) => c.formula)], fn);
}

/** Every sub-expression of the expressions and formulas given, in no set order. */
function eachNodeOf(roots: readonly (Expr | Formula)[], fn: (x: Expr) => void): void {
  const scan = (e: Expr | Formula): void => {
    if (isExpr(e)) visit(e, fn);
    else if (e.kind === 'Compare') e.operands.forEach(scan);
    else if (e.kind === 'Logic') {
      scan(e.left);
      scan(e.right);
    } else scan(e.subject);
  };
  roots.forEach(scan);
}

/**
 * A power of a number the step writes (`10^(−300)`, `e^(−1000)`, `exp(−1000)`): its exponent
 * in decimal digits (negative for a small number), or null.
 */
function powerDigits(x: Expr): number | null {
  let d: number | null = null;
  if (x.kind === 'Binary' && x.op === '^') {
    // A constant base to a constant power: 10^(−300), π^1000, √2^3001, e^{1000π}.
    const base = groundEstimate(x.left);
    const k = groundEstimate(x.right);
    if (base !== null && k !== null && base > 0 && base !== 1) d = k * Math.log10(base);
  } else if (x.kind === 'Num') {
    // A number in scientific notation: 1e-99999999999 is 10^(−99999999999) as much as the power is.
    const m = /^(\d*)(?:\.(\d*))?[eE]([+-]?\d+)$/.exec(x.value);
    const lead = m ? (m[1] ?? '').replace(/^0+/, '').length : 0;
    if (m) d = Number(m[3]) + (lead > 0 ? lead - 1 : -((m[2] ?? '').match(/^0*/)![0].length + 1));
  } else if (x.kind === 'Call' && x.args.length === 1 && (x.fn.base === 'exp' || x.fn.base === 'tanh')) {
    const k = groundEstimate(x.args[0]!);
    // exp(k) is 10^(k log10 e); tanh(k) is 1 − 2e^(−2|k|) to the digits that tell it from ±1.
    if (k !== null) d = x.fn.base === 'exp' ? k * Math.LOG10E : -2 * Math.abs(k) * Math.LOG10E;
  }
  return d !== null && Number.isFinite(d) ? d : null;
}

/**
 * A constant expression's value in double enclosures (the evaluator with no names: numbers,
 * π, e and the built-ins), its midpoint, or null. For choosing a precision only: never for a verdict.
 */
function groundEstimate(e: Expr): number | null {
  // (Without evaluating where the evaluator would stop at a name: a throw unwinding its frames
  // was most of this estimate's cost, asked at every power of every step.)
  if (readsNameFirst(e)) return null;
  try {
    const v = evaluate(e, { ...groundHost, deadline: now() + 20 });
    if (isMat(v)) return null;
    const mid = v.lo === v.hi ? v.lo : v.lo / 2 + v.hi / 2;
    return Number.isFinite(mid) ? mid : null;
  } catch {
    return null;
  }
}


/**
 * Whether the evaluator with no names bound (groundHost) certainly throws on e before it has a
 * value: a name, or a call, a negation, a sum, difference, product or quotient with such an
 * operand (each evaluates all its operands, in order, before anything else). Powers and the
 * rest are not looked into (false).
 */
function readsNameFirst(e: Expr): boolean {
  switch (e.kind) {
    case 'Var': return true;
    case 'Neg': return readsNameFirst(e.arg);
    case 'Call': return e.args.some(readsNameFirst);
    case 'Binary': return e.op !== '^' && (readsNameFirst(e.left) || readsNameFirst(e.right));
    default: return false;
  }
}

/**
 * The decimal digits a step's own numbers need, and 60 more: a literal's digits, and for a
 * power of a number (`10^(−300)`) its exponent times the base's digits. Below 250 nothing changes.
 */
function digitsNeeded(p: StepProblem): { once: number; twice: number } {
  let once = 0;
  let twice = 0;
  let products = 0;
  eachNode(p, (x) => {
    if (x.kind === 'Num') once = Math.max(once, x.value.replace(/[^0-9]/g, '').length);
    const d = powerDigits(x) ?? (products < MAX_MAGNITUDE_ESTIMATES && isConstantProduct(x) ? (products++, magnitudeDigits(x)) : null);
    if (d === null) return;
    once = Math.max(once, Math.abs(d));
    // (A huge constant counts twice for agreement: sides built from numbers of size 10^k may
    // differ by 10^(−k), 10^(−2k) of their size. log((10^130 + 1)(10^130 − 1)) = 260 log 10
    // differs by 10^(−260), ((1 + √5)/2)^700 = L_700, a Lucas number, by φ^(−700) ≈ 10^(−146)
    // beside 10^146: both were checked, their numbers' digits counted once and their products'
    // not at all (red team rt102). Past 960 digits it sets only agreement aside, not the step:
    // x^1000 ≤ 3^1000 under 2 < x < 3 holds by disjoint enclosures.)
    if (d > 0) twice = Math.max(twice, 2 * d);
  });
  return { once: once + 60, twice: Math.max(once, twice) + 60 };
}

/** How many constant products digitsNeeded estimates the size of, at most. */
const MAX_MAGNITUDE_ESTIMATES = 64;

/** A product or quotient of constants only (no free name), whose size a power's digits do not give: (10^130 + 1)(10^130 − 1). */
function isConstantProduct(x: Expr): boolean {
  return x.kind === 'Binary' && (x.op === '*' || x.op === '/') && x.shape?.kind !== 'matrix' && freeNames(x).length === 0;
}

/** The power of ten of a constant's size (from its double enclosure), or null where doubles cannot tell it. */
function magnitudeDigits(x: Expr): number | null {
  const v = groundEstimate(x);
  if (v === null || v === 0) return null;
  const d = Math.log10(Math.abs(v));
  return Number.isFinite(d) ? d : null;
}

/**
 * The digits the powers of e in the step need where assumptions keep their arguments away from
 * 0: |argument| where each scalar it reads is at its bound nearest 0, times log10 e (twice for
 * tanh), the largest over the step, for the powers that are huge (`large`: a positive
 * argument) and tiny (`small`) apart; 0 where an argument reads a name with no such bound.
 * Under `z > 1000`, exp(z) is 10^434 or more, so `(e^z + 1)/(e^z − 1) > 1` and `tanh z < 1`
 * could not be decided at 250 digits at any point, and were unknown.
 */
function boundedPowerDigits(p: StepProblem): { large: number; small: number } {
  const scope = p.prep.ctx.scope;
  const atBound = (v: Var): Interval => {
    const bounds = p.prep.intervals.get(scope.lookup(v.name)?.info.key ?? printName(v.name));
    const lo = bounds?.lo;
    const hi = bounds?.hi;
    // (The end nearest 0 of a range without 0: where the power is nearest 1, the points most often decidable.)
    const end = lo && lo.sign() > 0 ? lo : hi && hi.sign() < 0 ? hi : null;
    if (!end) throw new Unsupported('no bound away from 0');
    return intervalField.fromRational(end);
  };
  const host: Host<Interval> = { ...groundHost, variable: atBound, deadline: now() + 20 };
  const digits = { large: 0, small: 0 };
  eachNode(p, (x) => {
    const arg = x.kind === 'Call' && x.args.length === 1 && (x.fn.base === 'exp' || x.fn.base === 'tanh') && x.fn.primes === 0 ? x.args[0]!
      : x.kind === 'Binary' && x.op === '^' && x.left.kind === 'Const' && x.left.name === 'e' ? x.right : null;
    if (!arg || freeNames(arg).length === 0) return;
    try {
      const v = evaluate(arg, host);
      if (isMat(v) || !Number.isFinite(v.lo) || !Number.isFinite(v.hi)) return;
      if (v.lo <= 0 && v.hi >= 0) return;
      const size = Math.min(Math.abs(v.lo), Math.abs(v.hi)) * Math.LOG10E * (x.kind === 'Call' && x.fn.base === 'tanh' ? 2 : 1);
      // (tanh is near ±1 either way: its digits are those of 1 beside a tiny e^(−2|x|).)
      const which = v.lo > 0 && !(x.kind === 'Call' && x.fn.base === 'tanh') ? 'large' : 'small';
      digits[which] = Math.max(digits[which], size);
    } catch {
      // (A name without a bound away from 0, or an argument the evaluator cannot take: no estimate.)
    }
  });
  return digits;
}

/**
 * The largest k of a number about 10^(−k) the step (or an assumption) writes: a power of a
 * number (`10^(−40)`, `2^(−120)`) or a constant rational below 1 (`1/10^40`, `3/10^35`); 0 if none.
 */
function tinyExponent(p: StepProblem): number {
  let k = 0;
  eachNode(p, (x) => {
    const d = powerDigits(x);
    if (d !== null && d < 0) k = Math.max(k, -d);
    // A decimal's last place: 1.5707963267948966192313216916397514420985846996875529 (an edge
    // 10⁻⁵² from π/2) is told from π/2 only past its 52nd decimal.
    if (x.kind === 'Num') {
      const m = /^\d*\.(\d+)(?:[eE]([+-]?\d+))?$/.exec(x.value);
      if (m) k = Math.max(k, m[1]!.length - Number(m[2] ?? 0));
    }
    if (x.kind === 'Binary' && x.op === '/') {
      const q = constantValue(x);
      if (q !== null && !q.isZero()) {
        const digits = q.d.toString().length - (q.n < 0n ? -q.n : q.n).toString().length;
        if (digits > 0) k = Math.max(k, digits);
      }
    }
  });
  return k;
}

/** Whether a side divides by something that reads a name (`1/x`, `e^(1/x)`, `x^(−2)`): where a huge name's reciprocal may be. */
function dividesByName(p: StepProblem): boolean {
  let hit = false;
  eachNodeOf([p.left, p.right], (x) => {
    if (x.kind !== 'Binary') return;
    if (x.op === '/' && freeNames(x.right).length > 0) hit = true;
    if (x.op === '^' && freeNames(x.left).length > 0) {
      const k = constantValue(x.right);
      if (k === null || k.sign() < 0) hit = true;
    }
  });
  return hit;
}

/** The largest k of a number about 10^k an assumption writes as a power (`x > 10^400`); 0 if none. */
function assumedLargeExponent(p: StepProblem): number {
  let k = 0;
  eachNodeOf(p.prep.checks.map((c) => c.formula), (x) => {
    const d = powerDigits(x);
    if (d !== null && d > 0) k = Math.max(k, d);
  });
  return Math.ceil(k);
}

/** The largest k of a number about 10^k the step (or an assumption) writes as a power (`exp(350)`, `10^40`, `1.1^10000`); 0 if none. */
function largeExponent(p: StepProblem): number {
  let k = 0;
  eachNode(p, (x) => {
    const d = powerDigits(x);
    if (d !== null && d > 0) k = Math.max(k, d);
  });
  return Math.ceil(k);
}

function decideStepAt(p: StepProblem, opts: StepOptions): Outcome {
  const { left, right, rel } = p;
  const limit = limitProblem(p);
  if (limit) return limit.wrt ? decideLimit(p, limit.body, limit.target, limit.wrt, opts) : limitUnknown(limit.why);
  const backward = backwardDerivative(p);
  if (backward) return limitUnknown(backward);
  let proof: Proof | null = null;
  let pending: Candidate[] = [];
  let differAt: number[] = [];
  // (The sides a proof that used a `for all` equation proved: sampling draws functions that do
  // not meet it, so the cross-check samples what was proved, with the equation applied.)
  let proofSides: readonly [Expr, Expr] | undefined;
  if (isExpr(left) && isExpr(right) && (rel === '=' || rel === '≤' || rel === '≥')) {
    try {
      ({ proof, pending, differAt, sides: proofSides } = certify(p, left, right, now() + (opts.deadline - now()) / 2));
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      noteStackOverflow(err);
    }
  } else if (!isExpr(left) && !isExpr(right) && (rel === '⇔' || rel === '⇒')) {
    if (formulaKey(left) === formulaKey(right)) proof = { method: 'structural', how: 'both sides are the same statement' };
    else {
      try {
        proof = certifyEquivalence(p, opts, now() + (opts.deadline - now()) / 2);
      } catch (err) {
        if (!(err instanceof RangeError)) throw err;
        noteStackOverflow(err);
      }
    }
  }
  // Named rules: norms, spectra and monotonicity on the step as written (rules/norms.ts);
  // sums, expectations and congruence on what the identity test could not take.
  let ruleReasons: string[] = [];
  if (!proof && isExpr(left) && isExpr(right) && (rel === '=' || rel === '≤' || rel === '≥' || rel === '<' || rel === '>')) {
    try {
      const r = proveByRules({ problem: p, left, rel, right, deadline: now() + (opts.deadline - now()) / 3 });
      // (A rule that unfolds a definition says so: `definition of J_t`.)
      if (r.proof) proof = { method: 'rule', how: r.proof.how, rule: r.proof.rule, ...(/definition of/.test(r.proof.how) ? {} : { unfolded: [] }), ...(r.proof.instances ? { instances: r.proof.instances } : {}) };
      ruleReasons = r.reasons;
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      noteStackOverflow(err);
    }
  }
  // An inequality whose sides differ by a constant of its sign (x + 1 > x, (x + 1)² ≥ x² + 2x):
  // a proof where the sampling and its searches could only check it, and where they cannot
  // reach at all (x + 1 > x under x > 10^400).
  // (Not a step of numbers alone, which its one point decides exactly: 10^40 + 1 > 10^40.)
  if (!proof && isExpr(left) && isExpr(right) && (rel === '<' || rel === '≤' || rel === '>' || rel === '≥' || rel === '≠') && !(isGround(left) && isGround(right))) {
    try {
      proof = constantDifferenceProof(p, left, right, rel, now() + (opts.deadline - now()) / 3);
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      noteStackOverflow(err);
    }
  }
  let ruleWhy: string | null = null;
  if (!proof && pending.length > 0) {
    const r = proveEqualityByRules(p, pending, now() + (opts.deadline - now()) / 2);
    if (r.proof) {
      const fromCandidate = pending[r.candidate ?? -1];
      if (fromCandidate?.forAll) proofSides = [fromCandidate.l, fromCandidate.r];
      const from = fromCandidate?.unfolded;
      proof = {
        method: 'rule', how: r.proof.how, rule: r.proof.rule, used: r.proof.used, ...(r.proof.errorBound !== undefined ? { errorBound: r.proof.errorBound } : {}),
        ...(from && !r.proof.used.some((u) => /definition of/.test(u)) ? { unfolded: from } : {}),
      };
    } else {
      ruleWhy = r.reason;
    }
  }
  const ground = isExpr(left) && isExpr(right) && isGround(left) && isGround(right);
  // A certificate that needs no engine's word (identical sides, the exact identity test, a
  // rule) is cross-checked at fewer points; nerdamer's and the normal form's answers at all.
  const certain = proof?.method === 'structural' || proof?.method === 'identity-test' || proof?.method === 'rule';
  const samples = ground ? 1 : certain ? Math.min(opts.samples, CERTIFIED_SAMPLES) : opts.samples;
  // (A ground step has its one point: where doubles cannot decide it (exp(1000)), a certified
  // one is taken to 50 digits, or it would have no decided point; climbing to 250 digits and
  // beyond to confirm an agreement the certificate already proves cost exp(1000)/exp(999) =
  // exp(1) 60 ms. A step with a number of 2^53 or more may hold modulo the identity test's
  // prime and not otherwise (√(2^61 − 1) is √0 there) by a relative 10⁻¹⁶ that doubles
  // cannot see: it is confirmed at every precision.)
  // (Where the identity test found the sides of an equation different with its symbolic
  // dimensions at N, the points try N too, whatever their number: with --samples 1 the one
  // point had n = 2, where (AB − BA)² commutes with C.)
  // (Under a certificate, a term absorbed at every precision, 7 in √(10^1000 + 7)² = 10^1000 + 7,
  // does not leave the cross-check's point undecided: absorbedTrusted.)
  // (A proof from instances of `for all` assumptions sampling cannot enforce is cross-checked
  // at points that meet those instances: the others break an assumption.)
  const instances = proof?.instances && p.prep.unenforced.length > 0 ? proof.instances : [];
  const rewritten = proof && proofSides ? { ...p, left: proofSides[0], right: proofSides[1] } : p;
  const sampled = instances.length > 0 ? meetingInstances(rewritten, instances) : rewritten;
  // The domain half of a certified equation (LANGUAGE.md §3), proved before the cross-check:
  // where the right side has a value wherever the left does, the searches for where a side has
  // none look at the left side's parts only (the zeros of right sides' divisors, which the proof
  // had already ruled out, were ~40% of the identity table's pole search).
  let inclusion = rel === '=' && isExpr(left) && isExpr(right) && !ground && proof !== null ? domainInclusion(p, left, right, opts.deadline, conditionsEqual(p, opts.deadline)) : null;
  const rightHasValue = inclusion?.kind === 'proved' && certain && sampled === p;
  const sample = (oneDecimal = ground): SampleResult => sampleRelation(sampled, { ...opts, samples }, !certain || hasLargeNumber(p), false, oneDecimal, rel === '=' && !proof ? differAt : [], proof === null ? false : certain ? 'certificate' : true, rightHasValue);
  let s = certain ? absorbedTrusted(() => sample()) : sample();
  // (A certified step whose points doubles could not decide, too few of them, goes to 50 digits
  // there: exp(x + 720) = exp(x) exp(720) overflows doubles at every point, and was unknown.)
  if (certain && !ground && !s.failure && s.unknown !== null && s.held < samples) s = absorbedTrusted(() => sample(true));
  // A ⇒ or ⇔ between comparisons: each direction searched as its conclusion under its premise
  // as assumptions, whose equations and edges that search follows.
  if (!s.failure && !isExpr(left) && !isExpr(right) && (rel === '⇒' || rel === '⇔')) {
    const forward = premiseFailure(p, left, right, opts, samples, 'left');
    const backward = forward?.failure || rel !== '⇔' ? null : premiseFailure(p, right, left, opts, samples, 'right');
    const found = forward?.failure ?? backward?.failure;
    if (found) s = { ...s, failure: found, domain: false };
    // (Where the statement search found no point on the premise's solutions, the conclusion's
    // points under the premise are that evidence: x² + 3y² = 1 ⇒ xy ≤ 1/(2√3) was unknown.)
    else if (s.vacuous && forward?.held && (rel === '⇒' || backward?.held)) {
      const where = { message: `these are points where the left statement holds (taken as an assumption)${rel === '⇔' ? ', and likewise for ⇐' : ''}: the statement search found none on its equations' solutions` };
      s = { ...forward.held, notes: [...s.notes, ...forward.held.notes, where] };
    }
  }
  // (A step that read only members its definitions give is a step of numbers: its one point decides it.)
  const numbers = ground || s.determined === true;
  const notes = [...s.notes];
  // (Where no drawn point met the instances, the proof stands on nothing sampling could see:
  // the assumption may be one no function meets, `z² ≤ 1 for all z`, from which `4 ≤ 1`
  // follows. It is unknown, as under any assumptions no point meets.)
  const unmetInstances = instances.length > 0 && s.unknown?.startsWith(NO_POINT) === true;
  if (s.failure) {
    const found = s.failure;
    const labels = found.assignments.map(([name]) => name);
    const members = otherMembers(p, (key) => labels.some((l) => l === key || l.startsWith(`${key}_`) || l.startsWith(`${key}[`)));
    const unenforced = [...p.prep.unenforced, ...(p.prep.onRandom.length > 0 ? p.prep.onRandom.filter((c) => readsMomentsOf(p, c)) : []), ...members];
    // (Where only `for all` assumptions went unenforced, the failure may stand with the
    // functions they call replaced by polynomials of degree ≤ 2 proved to meet them everywhere:
    // witness.ts. `f(z) ≥ 0 for all z` left every failing step of the file unknown, `1 = 2` too.)
    const witnessed = unenforced.length > 0 && unenforced.length === p.prep.unenforced.length ? witnessedFailure(p, found, opts.deadline) ?? familyWitnessed(p, found) : null;
    if (witnessed) s = { ...s, failure: witnessed, domain: witnessed.right === 'undefined' };
    const failure = witnessed ?? found;
    const disagreement = proof !== null && !s.domain;
    const caveat = unenforced.length > 0 && !witnessed
      ? ` (sampling could not enforce: ${unenforced.map((c) => printFormula(c.formula)).join('; ')}${unenforced.some((c) => p.prep.onRandom.includes(c)) ? ', which the declared moments are drawn without' : ''}${members.length > 0 ? `; it speaks of one member, and the step reads others: if it holds for every member, write 'for all ${memberIndexNames(members)}'` : ''})`
      : '';
    if (caveat) {
      return {
        verdict: 'unknown', method: 'sampling', samples: s.held + 1, counterexample: failure, notes,
        message: `fails at a sampled point, but that point may violate an assumption sampling cannot enforce${caveat}`,
      };
    }
    const differ = isExpr(left) && isExpr(right) && rel === '=' && !disagreement && !failure.note
      ? differenceWithDerivatives(p, left, right, opts) : null;
    const method: Method = numbers ? 'evaluation' : 'sampling';
    // A proof that unfolded a definition holding only for some indices (`define Δθ_t = … for
    // t ≥ 1`) says nothing where it does not hold (t = 0): that is the disagreement, not an engine's fault.
    const conditional = disagreement && /unfolding/.test(proof!.how) ? conditionalDefinitions(p) : [];
    // (An inequality's proof that fails here: the relation fails, the sides need not differ.)
    const fails = rel === '=' || !isExpr(left) ? 'the two sides differ' : `'${rel}' fails`;
    const free = freeMembers(p, failure);
    return {
      verdict: 'refuted', method, samples: s.held + 1, counterexample: failure, notes: free ? [...notes, { message: free }] : notes,
      message: s.domain ? (isExpr(left) ? 'the right side is undefined where the left is defined'
        : failure.left === 'undefined' ? 'the left statement is undefined where the right one holds: a solution is gained'
          : 'the right statement is undefined where the left one holds: a solution is lost')
        : conditional.length > 0
          ? `${fails} at this point; the proof unfolded ${conditional.join(' and ')}, which may not apply here`
        : disagreement && proof!.method === 'identity-test' && isExpr(left)
          // Arithmetic modulo the prime sees a coefficient that is a multiple of it as 0
          // ((2^61 − 1) x = 0); exact values at the point do not. (A ⇔ certificate's equality
          // is checked in exact values too, so a statement's disagreement has another cause.)
          ? `${fails} at this point (the identity test modulo 2^61 − 1 missed it: to that test a multiple of the prime is 0)`
        : disagreement
          ? `engine disagreement: ${proof!.method === 'normal-form' ? 'the normal form' : proof!.method === 'identity-test' ? 'the identity test' : proof!.method === 'rule' ? `the rule (${proof!.rule})` : 'the symbolic engine'} proved the step, but it fails at this point`
          : !isExpr(left) ? 'the two statements disagree at this point'
            : numbers ? (rel === '=' ? `the two sides differ: ${assignmentText('left', failure.left)}, ${assignmentText('right', failure.right)}`
              : `'${rel}' fails: ${assignmentText('left', failure.left)}, ${assignmentText('right', failure.right)}`)
              : rel === '=' ? `the two sides differ at this point${differ ? `; left − right = ${differ}` : ''}`
                : `'${rel}' fails at this point`,
    };
  }
  // A rule's proof stands where points cannot be evaluated (Var[X] with no moments declared);
  // not where no point meets the assumptions (they may contradict each other) or time ran out.
  // Nor does sampling's want of a value stop sides that are the same expression, which have
  // the same value and the same domain (`log(x − 10^20)` has none at the sampled points,
  // `(10^6)!` is out of reach).
  const sameSides = proof?.method === 'structural' && proof.how === SAME_EXPRESSION && !s.unknown?.startsWith(NO_POINT);
  if (unmetInstances) {
    return {
      verdict: 'unknown', method: 'none', samples: 0, counterexample: null, notes,
      message: `the rules derive it from ${instances.map((f) => `'${printFormula(f)}'`).join(' and ')} (${proof!.how}), but no sampled point met that: the assumption may be one nothing meets (sampling could not enforce: ${p.prep.unenforced.map((c) => printFormula(c.formula)).join('; ')})`,
    };
  }
  // (Points that agreed to double precision only, none confirmable past doubles (exp(−x² −
  // 10^400) = exp(−x²) exp(−10^400): both sides below every decimal's reach): nerdamer's zero,
  // where it finds one, stands on them, as before they were set aside; with none, unknown.)
  if (s.unknown && s.unconfirmable && !proof && pending.length > 0) {
    try {
      const engine = symbolicProof(p, pending, opts.deadline);
      const again = engine && sampleRelation(sampled, { ...opts, samples }, true, false, false, [], true);
      if (again && !again.failure && !again.unknown) {
        proof = engine;
        s = again;
        notes.splice(0, notes.length, ...again.notes);
      }
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      noteStackOverflow(err);
    }
  }
  if (s.unknown && !(proof?.method === 'rule' && s.unsupported) && !sameSides) {
    return { verdict: 'unknown', method: 'none', samples: s.held, counterexample: null, message: s.unknown, notes };
  }
  // Sampling found no counterexample: now ask nerdamer for a proof (never for a step a
  // point refutes, where its time would be wasted).
  if (!proof && pending.length > 0 && !s.vacuous) {
    try {
      proof = symbolicProof(p, pending, opts.deadline);
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      noteStackOverflow(err);
    }
  }
  if (s.vacuous) {
    return {
      verdict: 'unknown', method: 'sampling', samples: s.held, counterexample: null, notes,
      message: `the two statements agreed at ${s.held} sampled points, but ${s.vacuousWhy ?? 'at all of them both were true or both false the same way'}, so sampling cannot tell whether ${rel === '⇒' ? 'the left implies the right' : 'they are equivalent'}`,
    };
  }
  const ranges = s.ranges ? ` (${s.ranges})` : '';
  if (numbers && !proof && s.evidence && s.evidence.agreed > 0) {
    // Enclosures that agree to the highest precision are evidence, not a proof of equality;
    // and none where the numbers need more digits than that.
    if (opts.digitsBeyond !== undefined) {
      return {
        verdict: 'unknown', method: 'none', samples: s.held, counterexample: null, notes,
        message: `the step's numbers need about ${opts.digitsBeyond} digits, more than the ${MAX_DIGITS} the checker computes with, so the agreement of its sides there says nothing`,
      };
    }
    return {
      verdict: 'checked', method: 'evaluation', samples: s.held, counterexample: null, notes,
      message: `both sides are numbers whose enclosures agree to ${topDigits()} digits; equality is not proved`,
    };
  }
  if (numbers && !proof) {
    return {
      verdict: 'proved', method: 'evaluation', samples: s.held, counterexample: null, notes,
      message: `both sides are numbers, and ${s.evidence && s.evidence.exact > 0 ? 'their exact values' : 'their enclosures'} decide it`,
    };
  }
  if (proof) {
    // A proof that unfolded a conditional definition at a symbolic index (`a_t` by `define a_t
    // = … for t ≥ 1`) holds where the condition does; the few indices of the step's range it
    // leaves out (t = 0) are decided on their own.
    const cover = isExpr(left) && isExpr(right) ? coverIndices(p, opts, left, right, proof.unfolded) : null;
    if (cover && 'outcome' in cover) return cover.outcome;
    if (cover && 'unproved' in cover) {
      const full = sampleRelation(p, opts, true, false);
      if (full.failure) {
        return {
          verdict: 'refuted', method: 'sampling', samples: full.held + 1, counterexample: full.failure, notes: [...full.notes],
          message: `the two sides differ at this point; ${cover.unproved}`,
        };
      }
      if (full.unknown) return { verdict: 'unknown', method: 'none', samples: full.held, counterexample: null, message: `${cover.unproved}, and sampling could not decide it (${full.unknown})`, notes: [...full.notes] };
      const aside = agreementAside(full, opts);
      if (aside.unknown) return { verdict: 'unknown', method: 'none', samples: full.held, counterexample: null, message: aside.unknown, notes: [...full.notes] };
      return {
        verdict: 'checked', method: 'sampling', samples: full.held, counterexample: null, notes: [...full.notes],
        message: `held at ${evidenceText(full)}${full.ranges ? ` (${full.ranges})` : ''}${skippedText(full)}${aside.text}; no proof: ${cover.unproved}`,
      };
    }
    const coverText = cover && 'proved' in cover ? `; ${cover.proved}` : '';
    const by = !isExpr(left) && proof.method === 'structural' && proof.how !== 'both sides are the same statement' ? 'the statements are the same comparison rearranged'
      : proof.method === 'structural' ? (proof.how === SAME_UP_TO_ORDER ? 'the sides are the same terms and factors in another order' : 'the sides are identical')
      : proof.method === 'normal-form' ? 'the matrix normal forms agree'
        : proof.method === 'identity-test' ? `the exact identity test agrees at ${proof.points} random points modulo 2^61 − 1${proof.sizes ? ` with ${proof.sizes}` : ''} (error probability ≤ ${proof.errorBound!.toExponential(0)})`
          : proof.method === 'rule' ? (proof.used ? `by the ${proof.rule}${ruleDetail(proof.used, proof.errorBound)}` : 'proved by the rules')
            : 'the symbolic engine reduced the difference to 0';
    // The domain half (LANGUAGE.md §3): the proof says the sides are equal where both have
    // values; that the right one has a value wherever the left does must be proved too, or the
    // step is only checked (1 = Q/Q, where Q is 0 at one irrational point no search reaches).
    // (For a proof found after the cross-check, nerdamer's, proved here.)
    if (rel === '=' && isExpr(left) && isExpr(right) && !numbers) inclusion ??= domainInclusion(p, left, right, opts.deadline, conditionsEqual(p, opts.deadline));
    if (inclusion?.kind === 'open' && !numbers) {
      const where = `that the right side has a value wherever the left does is not proved: nothing shows ${restrictionText(inclusion.restriction)} where the left side has a value`;
      if (s.unknown) return { verdict: 'unknown', method: 'none', samples: s.held, counterexample: null, notes, message: `${by}, where both sides have values; but ${where}, and sampling could not check it (${s.unknown})` };
      return {
        verdict: 'checked', method: 'sampling', samples: s.held, counterexample: null, notes,
        message: `${by} (${proof.how}), where both sides have values; ${where}, and ${evidenceText(s)} ${agree(s)}${ranges}${skippedText(s)}${coverText}`,
      };
    }
    const out: Outcome = {
      verdict: 'proved', method: proof.method, samples: s.held, counterexample: null, notes,
      ...(proof.errorBound !== undefined ? { errorBound: proof.errorBound } : {}),
      ...(proof.rule !== undefined ? { rule: proof.rule } : {}),
      message: s.unknown
        ? `${by}${proof.used ? ` (${proof.how})` : `: ${proof.how}`}; sampling could not cross-check it${s.held > 0 ? ` beyond ${evidenceText(s)}` : ''} (${s.unknown})`
        : proof.method === 'rule' && !proof.used ? `${by}: ${proof.how}; and ${evidenceText(s)} ${agree(s)}${ranges}${skippedText(s)}`
          : `${by} (${proof.how}), and ${evidenceText(s)} ${agree(s)}${ranges}${skippedText(s)}`,
    };
    return coverText ? { ...out, message: `${out.message}${coverText}` } : out;
  }
  const rulesSaid = ruleReasons.length > 0 && citedRules(p.hint).length > 0 ? `; the cited rule does not apply (${ruleReasons.join('; ')})` : '';
  // (Points whose functions need not meet a `for all` assumption about them are no evidence:
  // `f(1) ≠ 1` held at every point under `f(z) = z for all z`.)
  const unmet = unenforcedAbout(p);
  if (unmet.length > 0) {
    return {
      verdict: 'unknown', method: 'none', samples: s.held, counterexample: null, notes,
      message: `held at ${evidenceText(s)}, but the functions sampling draws need not meet ${unmet.map((c) => `'${printFormula(c.formula)}'`).join(' and ')}, which the step's functions must (sampling could not enforce it); no proof was found`,
    };
  }
  // (Where the edge search cannot put a bounded function where the step fails, an inequality
  // about it is not passed on samples: under bounds on several of its derivatives, `f(a) −
  // f'(b) < 2` under |f|, |f'| ≤ 1 fails only where f is 1 at a and f' is −1 at b, π/2 apart,
  // and by Landau's inequality |f'| reaches √2 under |f|, |f''| ≤ 1, more than any wave; at an
  // argument that calls a function, `f(f(a)) − f(a) < 2` fails where f(a) = −1 and f(−1) = 1;
  // read through a definition, `h'(a) < 100` with h(z) = f(2z), the probes do not see it.)
  const beyond = p.rel === '<' || p.rel === '≤' || p.rel === '>' || p.rel === '≥' || p.rel === '≠' ? beyondEdgesAbout(p) : [];
  if (beyond.length > 0) {
    return {
      verdict: 'unknown', method: 'none', samples: s.held, counterexample: null, notes,
      message: `held at ${evidenceText(s)}, but ${beyond.join(' and ')}, where sampling does not reach every function the bounds allow, so an inequality about it is not passed on samples; no proof was found`,
    };
  }
  // Agreement at the highest precision tried is no evidence when the squares of the step's
  // small numbers need more digits than that (e^(10^(−480)) = 1 + 10^(−480), tanh z = 1 −
  // 2e^(−2z) under z > 1000): such points are set aside, and too few left is unknown. Points
  // decided exactly, or by enclosures apart, still count ((1 − cos e^(−z))/e^(−2z) ≤ 1/2 near
  // z = 1000, where 960 digits tell the sides apart). (Where the numbers themselves need more,
  // decideStep says unknown.)
  const aside = agreementAside(s, opts);
  if (aside.unknown) return { verdict: 'unknown', method: 'none', samples: s.held, counterexample: null, notes, message: aside.unknown };
  return {
    verdict: 'checked', method: 'sampling', samples: s.held, counterexample: null, notes,
    message: `held at ${evidenceText(s)}${ranges}${skippedText(s)}${aside.text}; no symbolic proof${rulesSaid}${ruleWhy ? ` (${ruleWhy.length > 300 ? `${ruleWhy.slice(0, 299)}…` : ruleWhy})` : ''}`,
  };
}

/** A formula's comparisons joined by `and`, each cut into comparisons of two sides (−2 < x < 2: −2 < x and x < 2); null where it has `or`, ⇔, ⇒ or a tag. */
function clauses(f: Formula): Compare[] | null {
  if (f.kind === 'TagFact') return null;
  if (f.kind === 'Logic') {
    if (f.op !== '∧') return null;
    const l = clauses(f.left);
    const r = clauses(f.right);
    return l && r ? [...l, ...r] : null;
  }
  return f.ops.map((op, i) => ({ ...f, operands: [f.operands[i]!, f.operands[i + 1]!], ops: [op] }));
}

/**
 * Where `premise ⇒ conclusion` fails, both comparisons joined by `and`: each of the
 * conclusion's comparisons a op b checked as a step under the premise added to the
 * assumptions, which the sampling solves and keeps, and whose edges and equations its search
 * follows (the statement search looks at the comparisons' own boundaries: x + y = 1 ⇒ xy ≤ 0.1
 * and x² + y² = 1 ⇒ 3x + 4y ≤ 4.9 were checked, red team rt120). A failure there is a point
 * where the premise holds and the conclusion does not. Null where there is none, or where an
 * assumption cannot be enforced (the point might not meet it).
 */
function premiseFailure(p: StepProblem, premise: Formula, conclusion: Formula, opts: StepOptions, samples: number,
  /** Which statement of the step the premise is (⇐ of a ⇔: the right one), for the counterexample's truth values. */
  premiseSide: 'left' | 'right'): { failure: Counterexample | null; held: SampleResult | null } | null {
  const given = clauses(premise);
  const wanted = clauses(conclusion);
  if (!given || !wanted || now() > opts.deadline) return null;
  // (Two or more scalars and nothing else, where the statement search's boundaries along one
  // scalar miss a coupled premise's solutions. Not with vectors or matrices, declared
  // functions, expectations, derivatives, limits or sums: this search then cost 60–420 ms for
  // each of the homework's ⇔ steps, Q3's, against ~5 ms, and found nothing.)
  const names = new Set<string>();
  let plain = true;
  for (const c of [...given, ...wanted]) {
    for (const e of c.operands) {
      visit(e, (x) => {
        if (x.shape?.kind === 'matrix' || x.kind === 'Expect' || x.kind === 'Deriv' || x.kind === 'Grad' || x.kind === 'Limit' || x.kind === 'BigOp' || x.kind === 'Component') plain = false;
        if (x.kind === 'Call' && !isBuiltin(printName(x.fn))) plain = false;
        if (x.kind === 'Var') names.add(printName(x.name));
      });
    }
  }
  if (!plain || names.size < 2) return null;
  const ctx = p.prep.ctx;
  let prep: Prepared;
  try {
    prep = new Prepared({ ...ctx, assumptions: [...ctx.assumptions, ...given.map((formula) => ({ formula, forAll: [], range: formula.range }))] });
  } catch {
    return null;
  }
  if (prep.unenforced.length > 0 || prep.onRandom.length > 0) return null;
  // (`held`: the one conclusion's sampling under the premise where it held at every point with
  // no doubt, the evidence for ⇒ where the statement search found no point on the premise.)
  let held: SampleResult | null = null;
  for (const c of wanted) {
    const [a, b] = c.operands as [Expr, Expr];
    const op = c.ops[0]!;
    if (op === '→') continue;
    try {
      const d = sampleRelation({ ...p, left: a, rel: op, right: b, prep, salt: `${p.salt}|⇒${printFormula(c)}` }, { ...opts, samples }, true, false);
      const f = d.failure;
      if (f && f.left !== 'undefined' && f.right !== 'undefined') {
        const values = [[printExpr(a), f.left], [printExpr(b), f.right]].filter(([side, value]) => side !== value).map(([side, value]) => `${side} = ${value}`);
        const truths = premiseSide === 'left' ? { left: 'true', right: 'false' } : { left: 'false', right: 'true' };
        return { failure: { ...f, ...truths, note: `the ${premiseSide} statement holds here but '${printFormula(c)}' does not${values.length > 0 ? ` (${values.join(', ')})` : ''}${f.note ? `; ${f.note}` : ''}` }, held: null };
      }
      held = wanted.length === 1 && !f && d.unknown === null && !d.vacuous && d.held >= samples ? d : null;
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      noteStackOverflow(err);
      held = null;
    }
  }
  return { failure: null, held };
}

/** The step with extra conditions its points must meet (instances of `for all` assumptions, implied by them). */
function meetingInstances(p: StepProblem, instances: readonly Formula[]): StepProblem {
  // (A view of the context's Prepared with more checks: everything else is shared.)
  const prep = Object.create(p.prep) as Prepared;
  Object.defineProperty(prep, 'checks', { value: [...p.prep.checks, ...instances.map((formula) => ({ formula, forAll: [], range: formula.range }))] });
  return { ...p, prep };
}

/**
 * Why the edge search cannot reach the extremes of a function a `for all` bound holds that the
 * step reads (each reason a phrase; none: it can): bounds on two or more of its derivatives
 * (|f| and |f'|), a call at an argument that calls a function (f(g(a)), f(f(a))), or a call
 * only through a definition (h(z) = f(2z)).
 */
function beyondEdgesAbout(p: StepProblem): string[] {
  const out: string[] = [];
  const bounded = (key: string) => (p.prep.functionBounds.get(key) ?? []).length > 0;
  const direct = new Set<string>();
  const sides = [p.left, p.right].flatMap((side) => (isExpr(side) ? [side] : formulaExprs(side)));
  const several = new Set<string>();
  const nested = new Set<string>();
  for (const e of sides) {
    visit(e, (y) => {
      if (y.kind !== 'Call') return;
      const key = printName({ ...y.fn, primes: 0 });
      if (!bounded(key)) return;
      direct.add(key);
      if (new Set((p.prep.functionBounds.get(key) ?? []).map((b) => b.order)).size >= 2) several.add(key);
      let inner = false;
      for (const a of y.args) visit(a, (z) => { if (z.kind === 'Call') inner = true; });
      if (inner) nested.add(key);
    });
  }
  for (const f of several) out.push(`${f} is bounded in several of its derivatives (${boundsText(p, f)})`);
  for (const f of nested) if (!several.has(f)) out.push(`${f} is called at an argument that calls a function`);
  // (Through a definition: a call in the unfolded sides that the sides do not make, f(2a) of
  // h(a) with h(z) = f(2z), or a defined function whose body calls one, h'(a).)
  const written = new Set<string>();
  for (const e of sides) visit(e, (y) => { if (y.kind === 'Call') written.add(printExpr(y)); });
  const through = new Set<string>();
  const callsIn = (e: Expr, seen: Set<string>): void => {
    visit(e, (y) => {
      if (y.kind !== 'Call') return;
      const key = printName({ ...y.fn, primes: 0 });
      if (bounded(key) && !written.has(printExpr(y))) through.add(key);
      const def = p.functions.find((d) => d.params && printName(d.target) === key);
      if (def && !seen.has(key)) callsIn(def.value, new Set([...seen, key]));
    });
  };
  for (const e of sides) callsIn(unfoldedSide(e, p), new Set());
  for (const f of through) out.push(`${f} is read through a definition`);
  return out;
}

/** The `for all` bounds on function `f`, as written (for a message). */
function boundsText(p: StepProblem, f: string): string {
  return (p.prep.functionBounds.get(f) ?? []).map((b) => (b.side === 'lower'
    ? `${f} ${b.strict ? '>' : '≥'} ${printExpr(b.bound)}`
    : `${b.side ? f : `|${f}${"'".repeat(b.order)}|`} ${b.strict ? '<' : '≤'} ${printExpr(b.bound)}`)).join(', ');
}

/** The `for all` assumptions sampling could not enforce that speak of a function the step calls. */
function unenforcedAbout(p: StepProblem): Condition[] {
  const called = (x: Expr | Formula): Set<string> => {
    const out = new Set<string>();
    for (const e of isExpr(x) ? [x] : formulaExprs(x)) {
      visit(e, (y) => {
        if (y.kind === 'Call') out.add(y.fn.base);
      });
    }
    return out;
  };
  const inStep = new Set([...called(p.left), ...called(p.right)]);
  if (inStep.size === 0) return [];
  return p.prep.unenforced.filter((c) => c.forAll.length > 0 && [...called(c.formula)].some((f) => inStep.has(f)));
}

/** A limit step: `e → L as T → ∞`, or `lim_{T→∞} e = L` with L free of T; null for other steps. */
function limitProblem(p: StepProblem): { body: Expr; target: Expr; wrt: Var | null; why: string } | null {
  const { left, right, rel } = p;
  if (!isExpr(left) || !isExpr(right)) return null;
  const toInfinity = (to: Expr) => to.kind === 'Const' && to.name === 'inf';
  if (rel === '→') {
    if (!p.limit) return { body: left, target: right, wrt: null, why: "a '→' step needs 'as T → ∞'" };
    if (!toInfinity(p.limit.to)) return { body: left, target: right, wrt: null, why: 'only limits as a variable → ∞ are checked' };
    return { body: left, target: right, wrt: p.limit.wrt, why: '' };
  }
  if (rel !== '=') return null;
  for (const [a, b] of [[left, right], [right, left]] as const) {
    if (a.kind !== 'Limit') continue;
    if (!toInfinity(a.to)) return { body: a.body, target: b, wrt: null, why: 'only limits as a variable → ∞ are checked' };
    return { body: a.body, target: b, wrt: a.wrt, why: '' };
  }
  return null;
}

/**
 * A name as the scope knows it: a family's base for its members (v_t, v_3: v), else the exact
 * name (x_0 declared on its own; u' is not u).
 */
function nameKeyIn(p: StepProblem): (n: Name) => string {
  const scope = p.prep.ctx.scope;
  return (n) => scope.lookup(n)?.info.key ?? familyKey(n);
}

/** The names (by `nameKeyOf`) an expression reads, through the definitions of every name but `skip`; subscripts left out. */
function namesRead(e: Expr, defs: readonly Define[], skip: string | null, nameKeyOf: (n: Name) => string): Set<string> {
  const out = new Set<string>();
  const pending: Expr[] = [e];
  let calls = 0;
  while (pending.length > 0 && out.size < 200) {
    const next = pending.pop()!;
    // (A defined function reads what its body does at its arguments: `define g(z) = z y` makes
    // d/dy g(x) read y; its note said "as written it is 0", beside the proof that it is x,
    // red team rt130.)
    visit(next, (c) => {
      if (c.kind !== 'Call' || calls >= 200) return;
      for (const d of defs) {
        if (!d.params || d.params.length !== c.args.length || printName(d.target) !== printName({ ...c.fn, primes: 0 })) continue;
        calls++;
        pending.push(substitute(d.value, new Map(d.params.map((v, i) => [printName(v.name), c.args[i]!]))));
      }
    });
    const vars = freeNames(next);
    const subscripts = new Set<string>();
    for (const v of vars) if (v.name.index) for (const w of freeNames(v.name.index)) subscripts.add(nameKeyOf(w.name));
    for (const v of vars) {
      const key = nameKeyOf(v.name);
      if (key === skip || subscripts.has(key) || out.has(key)) continue;
      out.add(key);
      for (const d of defs) if (!d.params && nameKeyOf(d.target) === key) pending.push(d.value);
    }
  }
  return out;
}

/** Every derivative (d/dx, ∂, ∇) a step writes. */
function derivativesOf(p: StepProblem): (Expr & { kind: 'Deriv' | 'Grad' })[] {
  const out: (Expr & { kind: 'Deriv' | 'Grad' })[] = [];
  const sides = isExpr(p.left) ? [p.left, p.right as Expr] : [...formulaExprs(p.left as Formula), ...formulaExprs(p.right as Formula)];
  for (const side of sides) visit(side, (x) => { if ((x.kind === 'Deriv' || x.kind === 'Grad') && x.wrt.kind === 'Var') out.push(x); });
  return out;
}

/**
 * A derivative in a defined name of an expression that reads what the name is defined from:
 * `dx/dy` with `define y = x²` is the inverse function's derivative, 1/(2x), and `d/dy (x + y)`
 * is not 1, but read as written (x held fixed) both are taken as if x did not move with y.
 * Derivatives go through a definition one way only (`dy/dx` = 2x; `∇_w L(w)` for a defined
 * w reads only w), so such a step is unknown, saying why. Null when there is none.
 */
function backwardDerivative(p: StepProblem): string | null {
  const defs = p.prep.ctx.defs;
  const nameKeyOf = nameKeyIn(p);
  for (const x of derivativesOf(p)) {
    const wrt = (x.wrt as Var).name;
    const key = nameKeyOf(wrt);
    // (Not a family's member: ∂z_t/∂h_{t−1} with h_t = σ(z_t) reads z_t, not the z_{t−1} that
    // h_{t−1} is made of; names are compared by family here, so members cannot be told apart.)
    if (wrt.index !== null || p.prep.ctx.scope.lookup(wrt)?.info.family) continue;
    const own = defs.filter((d) => !d.params && nameKeyOf(d.target) === key);
    if (own.length === 0) continue;
    const from = new Set<string>();
    for (const d of own) for (const n of namesRead(d.value, defs, key, nameKeyOf)) from.add(n);
    // (A matrix both read is a parameter held fixed on both sides: ∂(Aᵀy)/∂y with y = A x is Aᵀ.)
    const matrix = (k: string): boolean => {
      const shape = p.prep.ctx.scope.get(k)?.shape;
      return shape?.kind === 'matrix' && shape.cols !== 1 && shape.rows !== 1;
    };
    const shared = [...namesRead(x.body, defs, key, nameKeyOf)].filter((n) => from.has(n) && !matrix(n));
    if (shared.length === 0) continue;
    const def = own[own.length - 1]!;
    const names = shared.join(', ');
    return `${printExpr(x)} is a derivative in ${printName(wrt)} of an expression that reads ${names}, and ${printName(wrt)} is defined from ${names} `
      + `(${printName(def.target)} = ${printExpr(def.value)}): ${names} cannot stay fixed while ${printName(wrt)} moves, so this is the inverse function's derivative, `
      + `which the checker does not take; write the expression in ${printName(wrt)} alone, or differentiate ${printName(def.target)} in ${shared[0]}`;
  }
  return null;
}

/**
 * A note where a counterexample holds a member of a defined family that no definition gives
 * (m_0 with `define m_1 = g_1`, `define m_t = … for t ≥ 2`): it was drawn as a free value, and
 * a step meant only where the definitions apply says so with an assumption on the index (red
 * team rt130: the refutation said only "the two sides differ", at t = 0, m_0 = [2, 2]). Null
 * where there is none.
 */
function freeMembers(p: StepProblem, failure: Counterexample): string | null {
  const scope = p.prep.ctx.scope;
  const free: string[] = [];
  const defs = new Set<string>();
  for (const [label] of failure.assignments) {
    const m = /^(.+)_\{?(-?\d+)\}?$/u.exec(label);
    if (!m) continue;
    const key = scope.lookup({ base: m[1]!, index: null, primes: 0, hat: false, range: [0, 0] })?.info.key ?? m[1]!;
    const own = p.unfoldings.filter((u) => u.key === key);
    if (own.length === 0) continue;
    const at: Expr = { kind: 'Num', value: m[2]!.replace('-', ''), range: [0, 0], shape: { kind: 'scalar' } };
    const index = m[2]!.startsWith('-') ? ({ kind: 'Neg', arg: at, range: [0, 0], shape: { kind: 'scalar' } } as Expr) : at;
    const k = Number(m[2]);
    /** Whether a definition with an index variable applies at j (where its condition cannot be told, it may). */
    const applies = (u: StepProblem['unfoldings'][number], j: number): boolean => !u.def.condition || conditionTruth(u.def.condition, j, u.indexVar) !== false;
    const given = own.some((u) => (u.literal !== null ? u.literal === exprKey(canonicalIndex(index)) : u.indexVar !== null && applies(u, k - u.offset)));
    if (given) continue;
    // (Nor one a recurrence reads where it applies: v_0 of v_t = β v_{t−1} + g_t for t ≥ 1 is
    // its free start, as θ_0 is the first iterate, not a member the step went below.)
    const read = own.some((u) => {
      if (u.indexVar === null) return false;
      let found = false;
      visit(u.def.value, (x) => {
        if (found || x.kind !== 'Var' || !x.name.index) return;
        if ((scope.lookup({ ...x.name, index: null })?.info.key ?? x.name.base) !== key) return;
        const lin = linearIndex(canonicalIndex(x.name.index));
        if (!lin || lin.terms.size !== 1 || lin.terms.get(u.indexVar!) !== 1) return;
        if (applies(u, k - lin.constant)) found = true;
      });
      return found;
    });
    if (read) continue;
    free.push(label);
    for (const u of own) defs.add(`${printName(u.def.target)} = ${printExpr(u.def.value)}${u.def.condition ? ` for ${printFormula(u.def.condition)}` : ''}`);
  }
  if (free.length === 0) return null;
  return `no definition gives ${free.join(', ')} (${[...defs].join('; ')}), so ${free.length === 1 ? 'it was drawn as a free value' : 'they were drawn as free values'}; if the step is meant only where the definitions apply, say so with an assumption on the index (that it is at least where they start)`;
}

/**
 * Notes for derivatives of a function at a point that is not their variable (`∇_x f(x_0)`):
 * as written the derivative of a constant, 0, where the gradient of f at x₀ is likely meant.
 */
function constantDerivativeNotes(p: StepProblem): RelatedNote[] {
  const out: RelatedNote[] = [];
  const defs = p.prep.ctx.defs;
  const nameKeyOf = nameKeyIn(p);
  for (const x of derivativesOf(p)) {
    const wrt = (x.wrt as Var).name;
    if (namesRead(x.body, defs, null, nameKeyOf).has(nameKeyOf(wrt))) continue;
    let call: Expr | null = null;
    visit(x.body, (y) => { if (y.kind === 'Call' && !isBuiltin(y.fn.base)) call ??= y; });
    if (!call) continue;
    const f = printName((call as Expr & { kind: 'Call' }).fn);
    out.push({ message: `${printExpr(x)} does not read ${printName(wrt)}, so as written it is 0 (a derivative of a constant); for the derivative of ${f} at a point, `
      + `define it first (\`define G(${printName(wrt)}) = ${printExpr({ ...x, body: { ...(call as Expr & { kind: 'Call' }), args: [x.wrt] } } as Expr)}\`) and write G at the point` });
    if (out.length >= 2) break;
  }
  return out;
}

/**
 * Notes for E[…], Var[…], Cov[…] of what reads no random name in scope (through definitions):
 * the expectation of a constant is itself, which is rarely what is meant (a `random`
 * declaration holds in its own section only).
 */
function nonRandomExpectationNotes(p: StepProblem): RelatedNote[] {
  const random = p.prep.ctx.random.specs;
  const defs = p.prep.ctx.defs;
  const nameKeyOf = nameKeyIn(p);
  const out: RelatedNote[] = [];
  const seen = new Set<string>();
  const sides = isExpr(p.left) ? [p.left, p.right as Expr] : [...formulaExprs(p.left as Formula), ...formulaExprs(p.right as Formula)];
  for (const side of sides) {
    visit(side, (x) => {
      if (x.kind !== 'Expect' || out.length >= 2) return;
      const read = [...namesRead(x.arg, defs, null, nameKeyOf), ...(x.second ? namesRead(x.second, defs, null, nameKeyOf) : [])];
      if (read.some((k) => random.has(k))) return;
      const text = printExpr(x);
      if (seen.has(text)) return;
      seen.add(text);
      out.push({ message: `nothing in ${text} is declared random here, so it is taken as a constant (${x.op === 'E' ? 'its own expectation' : 'of variance 0'}); a \`random\` declaration holds in its own section only` });
    });
  }
  return out;
}

function limitUnknown(why: string): Outcome {
  return { verdict: 'unknown', method: 'none', samples: 0, counterexample: null, message: why, notes: [] };
}

/** At most this many left-out index values are decided on their own; more, and the proof stands aside for sampling. */
const COVER_MAX = 3;

/**
 * Where a proof's unfoldings hold. A definition with a condition (`define a_t = 1.5 for t ≥ 1`)
 * unfolded at a symbolic index (a_t, a_{t-1}) gives an equation true where the condition is;
 * the step claims every index from where it is sampled (t ≥ 0 by default, raised by
 * subscripts like v_{t-1} and by assumptions). Up to COVER_MAX left-out values are decided on
 * their own (the step with t = 0 put in): all proved, the proof stands with a note saying so;
 * one refuted, that is the verdict. Otherwise (more values, an index that is not a plain
 * integer name, an assumption that speaks of it) the proof does not cover the step and
 * sampling decides. Null when every unfolding is covered. (Before, `a_t = 1.5` was proved
 * though a_0 is free: a lean cross-check drew a_0 from the step's own constants.)
 */
function coverIndices(p: StepProblem, opts: StepOptions, left: Expr, right: Expr, known: readonly Unfolded[] | undefined):
  { outcome: Outcome } | { unproved: string } | { proved: string } | null {
  const scope = p.prep.ctx.scope;
  // Where the proof does not say what it unfolded (a named rule), the definitions of what the
  // step names directly, one level.
  const used: Unfolded[] = known ? [...known] : [];
  if (!known) for (const e of [left, right]) unfold(e, p.unfoldings, p.functions, scope, null, (def, variable, at) => void used.push({ def, variable, at }));
  if (used.length === 0) return null;
  const describe = (def: Define) => `the definition of ${printName(def.target)} (for ${printFormula(def.condition!)})`;
  const bounds = calculusContext(p);
  const leftOut = new Map<string, { values: Set<number>; why: Set<string> }>();
  // Set when more values are left out than are decided one by one: then the nearest are only probed.
  let tooMany: string | null = null;
  for (const { def, variable, at } of used) {
    const lin = linearIndex(at);
    const terms = lin ? [...lin.terms].filter(([, c]) => c !== 0) : [];
    if (!lin || terms.length > 1) return { unproved: `the proof unfolded ${describe(def)} at ${printExpr(at)}, and where that applies is not worked out` };
    if (terms.length === 0) {
      if (conditionTruth(def.condition!, lin.constant, variable) !== true) return { unproved: `the proof unfolded ${describe(def)} at ${lin.constant}, where it does not surely apply` };
      continue;
    }
    // Where the condition holds: an interval less some points (a condition that names
    // another value, `t ≤ T`, is left to sampling, which reads T at each point).
    const set = conditionSet(def.condition!, variable);
    if (!set) return { unproved: `the proof unfolded ${describe(def)}, whose condition is not a bound on its index alone, so where it applies is not worked out` };
    const [name, coef] = terms[0]!;
    const info = scope.get(name);
    if (info?.kind !== 'integer' || info.family) return { unproved: `the proof unfolded ${describe(def)} at ${printExpr(at)}, and ${name} is not an integer index` };
    // The step's range of the index, as sampling has it (sampling/point.ts integerRange): up
    // from its least value, or down from an upper bound below that (`assume t < 0`).
    const floor = bounds.indexLowerBound(info.key);
    const iv = p.prep.intervals.get(info.key);
    const hasLo = iv?.lo !== null && iv?.lo !== undefined;
    const cap = iv?.hi !== null && iv?.hi !== undefined && Math.abs(iv.hi.toNumber()) < 1e9
      ? Number(iv.hi.isInteger() && !iv.hiClosed ? iv.hi.n - 1n : iv.hi.floor()) : null;
    if (floor === null) return { unproved: `the proof unfolded ${describe(def)}, and ${name} has no least value here` };
    const down = cap !== null && !hasLo && cap < floor;
    const rangeLo = down ? -Infinity : floor;
    const rangeHi = cap ?? Infinity;
    // The index values where s = coef·v + c lies in [lo, hi].
    const c0 = lin.constant;
    // (s = lo or hi put back as a bound on v: an upper bound rounds down, a lower one up.)
    const bound = (s: number | null, upper: boolean): number => {
      if (s === null) return upper ? Infinity : -Infinity;
      const v = (s - c0) / coef;
      return upper ? Math.floor(v) : Math.ceil(v);
    };
    const within: [number, number] = coef > 0 ? [bound(set.lo, false), bound(set.hi, true)] : [bound(set.hi, false), bound(set.lo, true)];
    const out: number[] = [];
    const outside: [number, number][] = within[0] > within[1] ? [[rangeLo, rangeHi]] : [[rangeLo, Math.min(rangeHi, within[0] - 1)], [Math.max(rangeLo, within[1] + 1), rangeHi]];
    for (const [a, b] of outside) {
      if (a > b || a === Infinity || b === -Infinity) continue;
      // (Whole numbers doubles still step through: past 2⁵³, v++ leaves v as it is.)
      if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || b - a + 1 > COVER_MAX) {
        tooMany ??= `the proof unfolded ${describe(def)}, which leaves out ${Number.isFinite(b - a) ? `${b - a + 1} values` : 'infinitely many values'} of ${name} in the step's range`;
        // The nearest of them are still tried (past `for t ≤ 1000`, t = 1001, where sampling never goes).
        for (const v of [a, a + 1, b, b - 1]) if (Number.isFinite(v) && v >= a && v <= b) out.push(v);
        continue;
      }
      for (let v = a; v <= b; v++) out.push(v);
    }
    for (const e of set.excluded) {
      const v = (e - c0) / coef;
      if (Number.isInteger(v) && v >= rangeLo && v <= rangeHi && v >= within[0] && v <= within[1]) out.push(v);
    }
    for (const v of out) {
      const entry = leftOut.get(name) ?? { values: new Set<number>(), why: new Set<string>() };
      entry.values.add(v);
      entry.why.add(describe(def));
      leftOut.set(name, entry);
    }
  }
  if (leftOut.size === 0) return null;
  const total = [...leftOut.values()].reduce((n, e) => n + e.values.size, 0);
  const names = [...leftOut.keys()];
  const why = [...new Set([...leftOut.values()].flatMap((e) => [...e.why]))].join(' and ');
  const where = [...leftOut].map(([n, e]) => `${n} = ${[...e.values].sort((a, b) => a - b).join(', ')}`).join('; ');
  if (!tooMany && (total > COVER_MAX || leftOut.size > 1)) return { unproved: `the proof unfolded ${why}, which leaves out ${where}` };
  if (tooMany && leftOut.size > 1) return { unproved: tooMany };
  // An assumption that speaks of the index holds at the sampled index, not at the one put in.
  const [name] = names as [string];
  // An assumption that only bounds the index (`assume t ≥ 1`, `t ≠ 3`) says which values the
  // step claims; one that says more of it (an induction hypothesis `a_{t-1} = …`) holds at
  // the sampled index, not at the one put in.
  const boundsOnly: Compare[] = [];
  for (const a of p.prep.ctx.assumptions) {
    if (!formulaExprs(a.formula).some((e) => mentionsAny(e, new Set([name])))) continue;
    const onlyIndex = a.formula.kind === 'Compare' && formulaExprs(a.formula).every((e) => freeNames(e).every((v) => printName(v.name) === name && !v.name.index));
    if (!onlyIndex) return { unproved: tooMany ?? `the proof unfolded ${why}, which leaves out ${where}, and an assumption speaks of ${name}` };
    boundsOnly.push(a.formula as Compare);
  }
  const values = [...leftOut.get(name)!.values].sort((a, b) => a - b).filter((v) => boundsOnly.every((c) => conditionTruth(c, v, name) !== false));
  if (values.length === 0) return tooMany ? { unproved: tooMany } : null;
  for (const v of values) {
    const at = new Map([[name, { kind: 'Num', value: String(v), range: left.range, shape: { kind: 'scalar' } } as Expr]]);
    // At a whole-number index every definition's condition is decided: unfold them there
    // (a_0 by `define a_0 = 3`), so the instance is often a ground step.
    const instance = (e: Expr): Expr => {
      let x = substitute(e, at);
      for (let round = 0; round < 4; round++) {
        const y = unfold(x, p.unfoldings, p.functions, scope, null);
        if (printExpr(y) === printExpr(x)) break;
        x = y;
      }
      return x;
    };
    const q: StepProblem = { ...p, left: instance(left), right: instance(right) };
    const o = decideStepAt(q, opts);
    if (o.verdict === 'refuted') {
      return {
        outcome: {
          ...o,
          counterexample: o.counterexample && { ...o.counterexample, assignments: [[name, String(v)], ...o.counterexample.assignments] },
          message: `at ${name} = ${v}, where ${why} does not apply: ${o.message}`,
        },
      };
    }
    if (tooMany) continue;
    if (o.verdict !== 'proved') return { unproved: `the proof unfolded ${why}, which leaves out ${name} = ${v}, and there the step is ${o.verdict} (${o.message})` };
  }
  if (tooMany) return { unproved: tooMany };
  return { proved: `${why} leaves out ${name} = ${values.join(', ')}, ${values.length === 1 ? 'which is' : 'which are'} proved on ${values.length === 1 ? 'its' : 'their'} own` };
}

/** The definitions with a condition (`define v_t = … for t ≥ 1`) the step's sides name, as `the definition of v_t (for t ≥ 1)`. */
function conditionalDefinitions(p: StepProblem): string[] {
  const named = new Set<string>();
  for (const side of [p.left, p.right]) {
    if (!isExpr(side)) continue;
    visit(side, (x) => { if (x.kind === 'Var') named.add(p.prep.keyOfName(x.name)); });
  }
  const out = new Set<string>();
  for (const u of p.unfoldings) {
    if (u.def.condition && named.has(u.key)) out.add(`the definition of ${printName(u.def.target)} (for ${printFormula(u.def.condition)})`);
  }
  return [...out];
}
