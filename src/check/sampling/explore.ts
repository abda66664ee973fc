import type { Compare, Define, Expr, Formula, MatrixTag, RelOp, Var } from '../../ast.js';
import { children, comparedPairs, formulaExprs, freeNames, hasEquation, mapChildren, mapFormula } from '../../ast-walk.js';
import { expandPolynomial, expandRational, rationalExpr as rationalFunctionExpr } from '../engines/polynomial.js';
import { constantRatio, identityTest, type IdentityContext } from '../engines/identity-test.js';
import { agreementDigitsNow, decimalField, type DecInterval } from '../evaluator/decimal.js';
import { printExpr, printName } from '../../print.js';
import type { Counterexample } from '../../result.js';
import { Mat, Signal, Undefined, isMat, type Field, type Val } from '../evaluator/field.js';
import { intervalField, type Interval } from '../evaluator/interval.js';
import { Rational, exactField, formatRational, isqrt } from '../evaluator/rational.js';
import type { StepProblem } from '../problem.js';
import { MAX_TERMS, constantValue, evaluate, groundHost, hugeLiteral } from '../evaluator/interpret.js';
import { conditionSet, definitionVariable, linearIndex, substitute, unfold, visit, type Unfolding } from '../rewrite.js';
import { keysRead } from './domain.js';
import { normBoundPoints, normBounds, normZeroPoints, roundedPoints } from './linear-solve.js';
import { Rng } from '../rng.js';
import { impliedTags } from '../tags.js';
import { identity } from '../evaluator/linalg.js';
import { decideAt } from './at-point.js';
import { exactConstants, rationalExpr, zeroByExpansion } from './exact-constants.js';
import { SOLUTION_GAINED, SOLUTION_LOST, hasTag, statementAt, type PointResult } from './compare.js';
import { boundariesAlong, certainSign, crossesOn, dipsAlong, periodic, signIn60, lowestTurnAlong, mergeBoundaries, narrowBracket, polynomialZerosAlong, probesFrom, refineRoot, refineTurn, rootsBetween, shortestIn, signChangeNear, singularParts, touchNear, towardEnds, turnNear, zerosAlong, type Boundaries, type Bracket, type Touching } from './boundaries.js';
import { allLevels, decimalLevels, topDigits } from './levels.js';
import { domainComparisons, type Point } from './point.js';
import { counterexample, formatSides, formatValue } from './report.js';
import { newtonSolutions } from './newton.js';
import { randomScalar } from './draw.js';
import { SignFacts } from './sign-facts.js';
import { solveLinear } from './solve.js';
import { conditionKeys, coupledByAssumption, solveEqualities, solvedEquation } from './search.js';
import { now } from '../../clock.js';

/**
 * The search where a step's truth can change (LANGUAGE.md §3 "Search, not luck", §5.5):
 * an inequality step is tried at the roots and extrema of left − right along each of its
 * scalars, just beside them and between them; a ⇔/⇒ step is tried there for every
 * comparison in either statement, and on the solution set of each equation (a scalar by
 * its roots, a vector or matrix unknown by solving the linear system) — there one
 * statement holds, and the other must.
 */

/** The scalars of a point worth searching along: drawn, used, not a vector or matrix. */
function scalarKeys(point: Point): string[] {
  // (Not a dimension's name: it is that size, which a search along it would leave behind.)
  return [...point.values.keys()].filter((k) => point.touched.has(k) && !isMat(point.values.get(k)!.value) && !point.prep.dimensions.has(k)).slice(0, 6);
}

/** Keys of drawn vectors and matrices used at this point. */
function matrixKeys(point: Point): string[] {
  return [...point.values.keys()].filter((k) => point.touched.has(k) && isMat(point.values.get(k)!.value));
}

/** Whether an expression is scalar (a comparison's side). */
function scalar(e: Expr): boolean {
  return e.shape?.kind !== 'matrix';
}

/**
 * `e` with its definitions unfolded (names by their values, calls by their bodies: rewrite.ts's
 * `unfold`, a few levels), for finding where it has no value: 1 = f(x)(x − 3) with
 * f(u) = 1/(u − 3) has none at 3.
 */
/** `e` with the step's definitions unfolded (up to three levels), cached per step's definitions. */
export function unfolded(e: Expr, p: StepProblem): Expr {
  // (Asked for the same sides by each search of a step: computed once, by the definitions' list.)
  let byExpr = unfoldedCache.get(p.unfoldings);
  if (byExpr?.functions !== p.functions || byExpr.scope !== p.prep.ctx.scope) {
    byExpr = { functions: p.functions, scope: p.prep.ctx.scope, out: new WeakMap() };
    unfoldedCache.set(p.unfoldings, byExpr);
  }
  const known = byExpr.out.get(e);
  if (known) return known;
  let out = e;
  for (let level = 0; level < 3; level++) {
    const next = unfold(out, p.unfoldings, p.functions, p.prep.ctx.scope, null);
    if (next === out) break;
    out = next;
  }
  byExpr.out.set(e, out);
  return out;
}

/** unfolded's results, by the definitions they unfolded (with the functions and scope they were unfolded with) and the expression. */
const unfoldedCache = new WeakMap<readonly Unfolding[], { functions: readonly Define[]; scope: object; out: WeakMap<Expr, Expr> }>();

/**
 * Whether x is certainly outside a scalar's simple bounds (Prepared.intervals), by more than
 * 10⁻⁹ of their size: an irrational bound is kept there a little inside itself (x ≤ 2π as a
 * rational 10⁻¹⁴ below 2π), and a place at the bound itself is inside.
 */
function outside(x: Rational, bounds: { readonly lo: Rational | null; readonly hi: Rational | null }): boolean {
  const slack = (b: Rational): Rational => (b.sign() < 0 ? b.neg() : b).add(Rational.ONE).div(Rational.of(1e9));
  return (bounds.lo !== null && x.cmp(bounds.lo.sub(slack(bounds.lo))) < 0) || (bounds.hi !== null && x.cmp(bounds.hi.add(slack(bounds.hi))) > 0);
}

/** A point with several names replaced (not checked against the assumptions). */
function atAllUnchecked(point: Point, entries: readonly (readonly [string, Val<Rational>])[], rng: Rng): Point {
  let q = point;
  for (const [key, x] of entries) q = q.replacing(key, x, rng);
  return q;
}

/** The entries that put the vectors and matrices `keys` (every one the point has drawn) at 0. */
function matricesAtZero(point: Point, keys: readonly string[] = matrixKeys(point)): (readonly [string, Val<Rational>])[] {
  return keys.map((k) => [k, (point.values.get(k)!.value as Mat<Rational>).map(() => Rational.ZERO)] as const);
}

/** The point with every vector and matrix it has drawn at 0 (not checked against the assumptions); null where it has none. */
function withMatricesAtZero(point: Point, rng: Rng): Point | null {
  const zeroed = matricesAtZero(point);
  return zeroed.length === 0 ? null : atAllUnchecked(point, zeroed, rng);
}

/** A probe point with several names replaced, if it satisfies the assumptions exactly. */
function atAll(point: Point, entries: readonly (readonly [string, Val<Rational>])[], rng: Rng, deadline: number): Point | null {
  const q = atAllUnchecked(point, entries, rng);
  q.deadline = deadline;
  try {
    if (q.satisfiesAssumptions(allLevels(), true)) return q;
    // (Kept, during an inequality's search, where only an unevaluable assumption rejected it:
    // the search then looks whether the step fails there.)
    if (q.unevaluatedAssumption && unevaluatedProbes && unevaluatedProbes.length < 16) unevaluatedProbes.push(q);
    return entries.some(([k]) => bystanders?.has(k) || matrixBystanders?.has(k)) ? null : redrawBystanders(q, rng, deadline);
  } catch {
    return null;
  }
}

/** The scalars a step does not read, during one searchInequality (else null): a probe the assumptions reject is tried with them drawn again. */
let bystanders: ReadonlySet<string> | null = null;
/** The vectors and matrices a step does not read, likewise: a rejected probe is tried with them at 0. */
let matrixBystanders: ReadonlySet<string> | null = null;

/** How many times a rejected probe's bystanders are drawn again. */
const BYSTANDER_DRAWS = 6;

/**
 * A point the assumptions rejected, with the scalars the step does not read drawn again until
 * it meets them (strictly; `certain`: and not by agreement), at most BYSTANDER_DRAWS times:
 * sin x < 1 under x < y < 2 reaches x = π/2 only with a y above it. Null where none does.
 */
function redrawBystanders(q: Point, rng: Rng, deadline: number, certain = false): Point | null {
  // (First with the vectors and matrices the step does not read at 0: k > 0 under ‖w‖² ≤ k fails
  // at k = 0, which only w = 0 meets, and was checked, red team rt108.)
  // (Then with the scalars it does not read at 0 too: k > 0 under ‖w‖² + t² ≤ k, red team rt109.)
  const mats = [...(matrixBystanders ?? [])].filter((k) => q.values.has(k));
  if (mats.length > 0) {
    const zeroed = matricesAtZero(q, mats);
    const scalarsToo = [...(bystanders ?? [])].filter((k) => q.values.has(k) && !q.isInteger(k)).map((k) => [k, Rational.ZERO] as const);
    for (const entries of scalarsToo.length > 0 ? [zeroed, [...zeroed, ...scalarsToo]] : [zeroed]) {
      const r = atAllUnchecked(q, entries, rng);
      r.deadline = deadline;
      try {
        if (r.satisfiesAssumptions(allLevels(), true, certain)) return r;
      } catch {
        // (not met)
      }
    }
  }
  const others = bystanders;
  if (!others || others.size === 0) return null;
  // (Not where a scalar the step reads is outside its own bounds, 0 < x at x = −4·10¹⁴: no
  // bystander helps there.)
  for (const [k, { value }] of q.values) {
    const bounds = others.has(k) || isMat(value) ? undefined : q.prep.intervals.get(k);
    const v = value as Rational;
    if (bounds && outside(v, bounds)) return null;
  }
  for (const r of bystandersAtEnds(q, others, rng)) {
    r.deadline = deadline;
    try {
      if (r.satisfiesAssumptions(allLevels(), true, certain)) return r;
    } catch {
      // (not met)
    }
  }
  for (let i = 0; i < BYSTANDER_DRAWS && now() <= deadline; i++) {
    // (Drawn as the sampler draws past its first points: at random within the bounds.)
    const drawn = [...others].map((k) => [k, randomScalar(rng, 16 + i, q.prep.intervals.get(k) ?? null, k)] as const);
    const r = atAllUnchecked(q, drawn, rng);
    r.deadline = deadline;
    try {
      if (r.satisfiesAssumptions(allLevels(), true, certain)) return r;
    } catch {
      // (not met)
    }
  }
  return null;
}

/**
 * The point with its bystanders at ends no random draw meets: each equal to the scalar a
 * non-strict order puts beside it (`x ≤ y`: y = x, reached from the names the step reads
 * first, exactly, π/2 included), or to a constant a non-strict bound allows (`y ≤ π/2`).
 * `sin x < 1` under `0 < x ≤ y ≤ π/2` fails only at x = y = π/2.
 */
function* bystandersAtEnds(q: Point, others: ReadonlySet<string>, rng: Rng): Generator<Point> {
  const prep = q.prep;
  // One name's value put in another's place, exact (an enclosed name keeps its exact expression).
  const copy = (p: Point, to: string, from: string): Point | null => {
    const c = p.symbolic.get(from);
    if (p.enclosures.has(from)) return c ? symbolicPoint(p, [{ key: to, c }], rng) : null;
    const v = p.values.get(from)?.value ?? p.overrides.get(from);
    return v === undefined || isMat(v) ? null : p.replacing(to, v, rng);
  };
  const atConstant = (p: Point, key: string, c: Expr): Point | null => {
    const n = constantValue(c);
    return n ? p.replacing(key, n, rng) : symbolicPoint(p, [{ key, c }], rng);
  };
  // Along the non-strict orders, outward from the names that are not bystanders.
  let chained: Point | null = q;
  const done = new Set<string>();
  for (let grew = true; grew && chained;) {
    grew = false;
    for (const k of others) {
      if (done.has(k)) continue;
      const next = [...(prep.below.get(k) ?? []), ...(prep.above.get(k) ?? [])].find((e) => !e.strict && (!others.has(e.key) || done.has(e.key)) && (chained!.values.has(e.key) || chained!.overrides.has(e.key)));
      if (!next) continue;
      chained = copy(chained!, k, next.key);
      done.add(k);
      grew = true;
      if (!chained) break;
    }
  }
  if (chained && done.size > 0) yield chained;
  // Each at its first constant end, all together; then one at a time, at each of its ends.
  let ends: Point | null = q;
  let moved = false;
  for (const k of others) {
    const c = prep.attainable.get(k)?.[0];
    if (!c || !ends) continue;
    ends = atConstant(ends, k, c);
    moved = true;
  }
  if (ends && moved) yield ends;
  if (others.size > 1) {
    for (const k of others) {
      for (const c of (prep.attainable.get(k) ?? []).slice(0, 2)) {
        const r = atConstant(q, k, c);
        if (r) yield r;
      }
    }
  }
}

/** Probe points only an unevaluable assumption rejected, during one searchInequality (else null). */
let unevaluatedProbes: Point[] | null = null;

/** A probe point with one name replaced, if it satisfies the assumptions exactly. */
function at(point: Point, key: string, x: Val<Rational>, rng: Rng, deadline: number): Point | null {
  return atAll(point, [[key, x]], rng, deadline);
}

/**
 * `at`, and where an equation among the assumptions no longer holds there, the probe with the
 * equations solved for other names (the probed one kept: solveEqualities): under x + y = 1
 * the pole search's x = 1/3 comes with y = 2/3. (Red team: under `assume x + y = 1`,
 * `1 = (x − 1/3)/(x − 1/3)` was proved, every probe of x alone breaking the assumption;
 * written `y = 1 − x`, a substitution, it was refuted.)
 */
function atMeeting(p: StepProblem, point: Point, key: string, x: Val<Rational>, rng: Rng, deadline: number): Point | null {
  const q = at(point, key, x, rng, deadline);
  if (q || !p.prep.checks.some((c) => solvedEquation(p, c))) return q;
  // (Up to four solutions, each solve choosing among the roots anew: under x² + y² = 1, y > 0,
  // the probe x = 3/5 meets the assumptions with y = 4/5 only, not −4/5.)
  for (let attempt = 0; attempt < 4 && now() <= deadline; attempt++) {
    try {
      const moved = atAllUnchecked(point, [[key, x]], rng);
      moved.deadline = deadline;
      const solved = solveEqualities(p, moved, rng, deadline, new Set([key]));
      if (solved && solved.satisfiesAssumptions(allLevels(), true)) return solved;
    } catch {
      // another attempt
    }
  }
  return null;
}

/**
 * What a search did, for the verdict's message: points tried, the scalars searched along,
 * and a point where a strict inequality could not be decided (its sides agree there to
 * every precision tried: they may be equal).
 */
export interface SearchSummary {
  readonly probes: number;
  readonly along: readonly string[];
  readonly tight?: Point;
  /** A place where the step fails (or its sides are proved equal) that an assumption deriv cannot evaluate may exclude. */
  readonly unevaluated?: Point;
}

/**
 * The first scalar of the points, read there, past the doubles' range (beyond 10^±307), as
 * `x ≈ 10^400`; null if none. The searches along a scalar place roots, turns and kinks in
 * doubles, so no pass rests on them there (red team: under x, y > 10^400, x/y > 10^(−5) was
 * checked, false at y = 10⁵x).
 */
export function pastDoublesAt(points: readonly Point[]): string | null {
  for (const q of points) {
    for (const [key, v] of q.values) {
      if (!q.touched.has(key) || isMat(v.value)) continue;
      const x = v.value as Rational;
      if (x.isZero()) continue;
      const n = x.n < 0n ? -x.n : x.n;
      const exponent = n.toString().length - x.d.toString().length;
      // (Its digit count's difference is the exponent or one more: past 308 either way is past
      // the largest double, below −307 among the subnormal ones, which keep fewer digits.)
      if (exponent > 309 || exponent < -307) return `${v.label} ≈ ${x.sign() < 0 ? '−' : ''}10^${exponent}`;
    }
  }
  return null;
}

/** `and at 14 points beside the roots and extrema of left − right along ε`. */
export function describeSearch(s: SearchSummary, what: string): string {
  if (s.probes === 0) return '';
  const solved = s.along.filter((a) => a.endsWith(SOLVED)).map((a) => a.slice(0, -SOLVED.length));
  const along = s.along.filter((a) => !a.endsWith(SOLVED));
  if (along.length + solved.length === 0) return '';
  const where = [along.length > 0 ? `${what} along ${along.join(', ')}` : '', solved.length > 0 ? `on the solutions of its equations for ${solved.join(', ')}` : '']
    .filter(Boolean).join(', and ');
  return ` and at ${s.probes} point${s.probes === 1 ? '' : 's'} ${where}`;
}

const SOLVED = ' (solved for)';

/**
 * A place where the sides were proved equal (or g's zero certain) but an assumption that
 * cannot be evaluated there (a lim) may exclude it: set by equalAtBottom and evenPowerRoot
 * during one searchInequality, which then ends unknown there instead of passing.
 */
let unevaluatedPlace: Point | null = null;

/** Whether q meets the assumptions exactly; where an unevaluable one is why not, q is kept as unevaluatedPlace. */
function meetsAssumptionsExactly(q: Point): boolean {
  try {
    if (q.satisfiesAssumptions(allLevels(), true, true)) return true;
  } catch {
    return false;
  }
  if (q.unevaluatedAssumption) unevaluatedPlace ??= q;
  return false;
}

/** Searches an inequality step's boundaries for a point where it certainly fails. */
/**
 * How far inside an open end of the assumptions openEndSliver probes, as powers of ten of the
 * interval's width (or of the end's size, 1 at least, where the interval has no other end).
 */
const SLIVER_EXPONENTS = [1, 2, 3, 4, 6, 9, 12, 16, 20, 25, 30, 40, 50, 60, 75, 90, 110, 150, 200, 300, 400, 500, 700, 900];

/** The sliver exponents the precision in force can tell apart (10 digits inside it): x^200 ≤ 3^200 − 1 under x < 3 fails only on the 10⁻⁹⁸ below 3 (red team rt105). */
const sliverExponents = (): number[] => SLIVER_EXPONENTS.filter((k) => k < topDigits() - 10);

/**
 * The levels a sliver is decided at: exact, then decimals, not doubles, whose agreement with
 * a `≤` bound is only provisional and was taken for an answer (log x ≤ 1.09861228866810969139
 * under 2 < x < 3 held "to double precision" at 3: red team rt104).
 */
function sliverLevels(): readonly Field<unknown>[] {
  return [exactField, ...decimalLevels()] as Field<unknown>[];
}

/**
 * A bound that fails on a sliver just inside an open end of the assumptions: `log(x) <
 * 1.09861228866810969139` under 2 < x < 3 fails only on the 10⁻²⁰ below 3, where in doubles
 * the root of left − right is 3 itself, so no grid finds it and no point beside a root lies
 * inside (red team rt102). Where the step certainly fails at the end itself (evaluated there,
 * outside the assumptions, only to steer), points ever closer to the end inside are tried;
 * a counterexample is only a probe that meets the assumptions and fails, as everywhere. With
 * several keys, the same at each corner where every key sits at an end of its interval (one
 * of them open), all moved inside together: x − y < 0.99999 under 0 < x, y < 1 fails only
 * near x = 1, y = 0 (red team rt104).
 */
function openEndSliver(p: StepProblem, base: Point, keys: readonly string[], rng: Rng, deadline: number): { failure: Counterexample | null; probes: number } | null {
  const [left, right, rel] = [p.left as Expr, p.right as Expr, p.rel as RelOp];
  const abs = (x: Rational): Rational => (x.sign() < 0 ? x.neg() : x);
  /** Each key's ends (open ones alone, for one key; any, for a corner of several), with the way inside and the interval's width. */
  const endsOf = (key: string): { end: Rational; inward: 1 | -1; width: Rational }[] => {
    const iv = base.prep.intervals.get(key);
    if (!iv) return [];
    const out: { end: Rational; inward: 1 | -1; width: Rational }[] = [];
    const widthAt = (end: Rational): Rational => iv.lo !== null && iv.hi !== null ? iv.hi.sub(iv.lo) : abs(end).cmp(Rational.ONE) > 0 ? abs(end) : Rational.ONE;
    if (iv.hi !== null && (keys.length > 1 || !iv.hiClosed)) out.push({ end: iv.hi, inward: -1, width: widthAt(iv.hi) });
    if (iv.lo !== null && (keys.length > 1 || !iv.loClosed)) out.push({ end: iv.lo, inward: 1, width: widthAt(iv.lo) });
    return out;
  };
  const perKey = keys.map(endsOf);
  if (perKey.some((e) => e.length === 0)) return null;
  // (For several keys, a corner needs an open end among them: at closed ends alone the corner itself is a point the searches try.)
  const corners: { end: Rational; inward: 1 | -1; width: Rational }[][] = [[]];
  for (const ends of perKey) corners.splice(0, corners.length, ...corners.flatMap((c) => ends.map((e) => [...c, e])));
  let probes = 0;
  for (const corner of corners) {
    if (now() > deadline) break;
    if (keys.length > 1 && corner.every(({ end }, i) => {
      const iv = base.prep.intervals.get(keys[i]!)!;
      return (end === iv.hi && iv.hiClosed) || (end === iv.lo && iv.loClosed);
    })) continue;
    /** The step decided at q in exact values and decimals; null where q cannot be evaluated. */
    const decided = (q: Point): ReturnType<typeof decideAt> | null => {
      q.touched.clear();
      try {
        return decideAt(q, left, rel, right, sliverLevels());
      } catch (err) {
        if (err instanceof Signal) return null;
        throw err;
      }
    };
    const atEnd = atAllUnchecked(base, keys.map((k, i) => [k, corner[i]!.end] as const), rng);
    atEnd.deadline = deadline;
    if (decided(atEnd)?.kind !== 'fails') continue;
    for (const k of sliverExponents()) {
      if (now() > deadline) break;
      const step = new Rational(1n, 10n ** BigInt(k));
      const q = atAll(base, keys.map((key, i) => [key, corner[i]!.end.add(corner[i]!.width.mul(step).mul(Rational.of(corner[i]!.inward)))] as const), rng, deadline);
      if (!q) continue;
      probes++;
      const t = decided(q);
      if (t?.kind !== 'fails') continue;
      const where = keys.map((key, i) => `${base.values.get(key)!.label} near ${corner[i]!.end.toString()}`).join(', ');
      return { failure: counterexample(q, ...formatSides(t.F, t.left, t.right), `found just inside ${keys.length > 1 ? 'a corner' : 'an open end'} of the assumptions (${where}), where the step fails at the ${keys.length > 1 ? 'corner' : 'end'} itself`), probes };
    }
  }
  return { failure: null, probes };
}

export function searchInequality(p: StepProblem, bases: readonly Point[], rng: Rng, deadline: number): { failure: Counterexample | null; summary: SearchSummary } {
  // (The module state one search sets is cleared however it ends, a time limit's throw too:
  // no other search redraws this step's bystanders.)
  try {
    return searchInequalityFrom(p, bases, rng, deadline);
  } finally {
    bystanders = null;
    matrixBystanders = null;
    unevaluatedProbes = null;
    unevaluatedPlace = null;
  }
}

/** searchInequality's search, which sets the module state it reads (bystanders, unevaluatedProbes, unevaluatedPlace). */
function searchInequalityFrom(p: StepProblem, bases: readonly Point[], rng: Rng, deadline: number): { failure: Counterexample | null; summary: SearchSummary } {
  const left = p.left as Expr;
  const right = p.right as Expr;
  const rel = p.rel as RelOp;
  const along = new Set<string>();
  let probes = 0;
  let tight: Point | undefined;
  unevaluatedPlace = null;
  unevaluatedProbes = [];
  const read = [keysRead(p, left), keysRead(p, right)];
  bystanders = read[0] && read[1] && bases[0] ? new Set([...bases[0].values].filter(([k, v]) => !isMat(v.value) && !read[0]!.has(k) && !read[1]!.has(k)).map(([k]) => k)) : null;
  matrixBystanders = read[0] && read[1] && bases[0] ? new Set([...bases[0].values].filter(([k, v]) => isMat(v.value) && !read[0]!.has(k) && !read[1]!.has(k)).map(([k]) => k)) : null;
  const done = (failure: Counterexample | null) => {
    // (A failure an unevaluable assumption may exclude is a doubt, not a pass: a place proved
    // equal there, or a probe it rejected where the step fails.)
    let unevaluated = failure ? null : unevaluatedPlace;
    const rejected = unevaluatedProbes ?? [];
    unevaluatedPlace = null;
    unevaluatedProbes = null;
    if (!failure && !unevaluated) {
      for (const q of rejected) {
        q.touched.clear();
        if (decideAt(q, left, rel, right, allLevels()).kind === 'fails') {
          unevaluated = q;
          break;
        }
      }
    }
    return { failure, summary: { probes, along: [...along], ...(tight ? { tight } : {}), ...(unevaluated ? { unevaluated } : {}) } };
  };
  if (!scalar(left) || !scalar(right)) return done(null);
  const levels = allLevels();
  // `≠` also fails where a vector makes the sides equal (‖w‖ ≠ 1 on the unit sphere): Newton's
  // method solves left = right for each vector or matrix, the root proved in a box (newton.ts).
  if (rel === '≠') {
    for (const base of bases.slice(0, 1)) {
      for (const key of matrixKeys(base)) {
        if (now() > deadline) return done(null);
        for (const q of newtonSolutions(base, key, left, right, rng, deadline, { max: 1 })) {
          q.touched.clear();
          probes++;
          // A root Newton returns is exact or proved in its box (Krawczyk): the sides are equal
          // at a point of it, though at a proved one no precision shows them equal.
          const o = decideAt(q, left, rel, right, levels);
          if (o.kind === 'fails') {
            const [l, r] = formatSides(o.F, o.left, o.right);
            return done(counterexample(q, l, r, `found where the sides are equal, solving for ${base.values.get(key)!.label}`));
          }
          q.touched.clear();
          // (Printed as their common value there: their values at the box's middle differ.)
          const shown = equalSides(q, left, right) ?? '?';
          return done(counterexample(q, shown, shown, `the sides are equal at a point of this box (a root of left − right proved by the Krawczyk test), solving for ${base.values.get(key)!.label}`));
        }
      }
    }
  }
  /** The counterexample the step gives at q, where it certainly fails there (a probe counted). */
  const failsAt = (q: Point, why: string): Counterexample | null => {
    q.touched.clear();
    probes++;
    const o = decideAt(q, left, rel, right, levels);
    if (o.kind !== 'fails') return null;
    const [l, r] = formatSides(o.F, o.left, o.right);
    return counterexample(q, l, r, why);
  };
  // Symmetric bounds are tight where their scalars are equal (Nesbitt's a/(b + c) + b/(a + c)
  // + c/(a + b) ≥ 3/2, AM–GM, at a = b = c), where no independent draw of each lands: a few
  // such points first, exactly.
  if (bases[0] && read[0] && read[1]) {
    const base = bases[0];
    const keys = scalarKeys(base).filter((k) => !k.includes('@') && !base.isInteger(k) && (read[0]!.has(k) || read[1]!.has(k)));
    for (const v of keys.length >= 2 ? DIAGONAL : []) {
      if (now() > deadline) return done(null);
      const q = atAll(base, keys.map((k) => [k, v] as const), rng, deadline);
      const found = q && failsAt(q, `found where ${keys.map((k) => base.values.get(k)!.label).join(', ')} are all equal`);
      if (found) return done(found);
    }
  }
  // A square matrix at its skew part and at companion matrices (skewAndCompanion).
  if (bases[0] && read[0] && read[1]) {
    const found = skewAndCompanion(p, bases[0], rng, deadline, read as [Set<string>, Set<string>], failsAt);
    if (found) return done(found);
  }
  // An assumed bound on the norm of a vector expression, met exactly (‖u − v‖ ≥ 1 at v = u − e₁):
  // a strict bound on it fails there only.
  // (Also with the scalars at the closed ends of their intervals, all at one end: x ‖u‖ < 1
  // under ‖u‖ ≤ 1, 0 < x ≤ 1 fails only at x = 1 with ‖u‖ = 1, red team rt107.)
  if (bases[0] && rel !== '≠') {
    const base0 = bases[0];
    const ends = (side: 'lo' | 'hi'): (readonly [string, Rational])[] => scalarKeys(base0).flatMap((k) => {
      const iv = base0.prep.intervals.get(k);
      if (!iv || base0.isInteger(k)) return [];
      const end = side === 'lo' ? (iv.loClosed ? iv.lo : null) : (iv.hiClosed ? iv.hi : null);
      return end ? [[k, end] as const] : [];
    });
    const settings = [[], ends('hi'), ends('lo')].filter((e, i) => i === 0 || e.length > 0);
    // (Also from the point with every vector and matrix at 0, and where two or more such bounds
    // are assumed, each point met again on the others: ‖u − v‖ ≥ 1, ‖u + v‖ ≥ 1 are both
    // equalities at u = e₁, v = 0, where ‖u‖² + ‖v‖² > 1 fails; ‖u − v‖ ≥ 1, ‖u‖ ≤ 1/2 at
    // u = e₁/2, v = −e₁/2, where ‖v‖ > 1/2 fails. Red team rt107.)
    const bounds = normBounds(base0).length;
    const zeroed = bounds > 0 ? withMatricesAtZero(base0, rng) : null;
    const first = [...normBoundPoints(base0, rng, deadline, 6), ...(zeroed ? normBoundPoints(zeroed, rng, deadline, 6) : [])];
    const twice = bounds >= 2 ? first.flatMap((z) => normBoundPoints(z, rng, deadline, 4, [1, -1])) : [];
    for (const z of [...first, ...twice]) {
      for (const setting of settings) {
        if (now() > deadline) return done(null);
        const q = atAll(z, setting, rng, deadline);
        const found = q && failsAt(q, 'found where an assumed bound on a norm holds with equality');
        if (found) return done(found);
      }
    }
  }
  // `≠` fails at the roots of left − right, and is as strict as `<` there (x² ≠ 2 at √2 may fail).
  const strict = rel === '<' || rel === '>' || rel === '≠';
  let exactTies = 0;
  /** The lines (scalar, argument, a, b) periodicTies has walked, over all base points. */
  const periodicSeen = new Set<string>();
  /** The far rungs of the integer ladder tried, as points, over all base points. */
  const farSeen = new Set<string>();
  /** The ends of the domain of each √ in the step, by the drawn scalar they bound (√(x − √2): √2), read once. */
  const stepEnds = new Map<string, Expr[]>();
  if (bases[0]) {
    const first = bases[0];
    const drawnScalar = (u: Expr): u is Var => u.kind === 'Var' && !u.name.index && first.values.has(first.prep.lookup(u)?.info.key ?? '');
    for (const { v, end } of [left, right].flatMap((e) => domainComparisons(e, drawnScalar))) {
      const k = first.prep.lookup(v)!.info.key;
      if (end) stepEnds.set(k, [...(stepEnds.get(k) ?? []), end]);
    }
  }
  for (const base of bases) {
    for (const key of scalarKeys(base)) {
      if (now() > deadline) return done(null);
      // A strict bound between 0 and |g| or g^(2k) fails where g is 0, at a place with no
      // short form too ((x³ − x − 1)² > 0 at the plastic number): g changes sign on a bracket
      // on which it is defined, so it is 0 somewhere inside (intermediate values). (First:
      // one scan of g decides it, where the turns of |g| take the longest to look at.)
      if ((rel === '<' || rel === '>') && !base.isInteger(key)) {
        const found = evenPowerRoot(p, base, key, rng, deadline);
        if (found) return done(found);
      }
      const b = boundariesAlong(base, key, left, right, deadline, true);
      if (b.roots.length + b.extrema.length > 0 || b.polynomial) along.add(base.values.get(key)!.label);
      // An integer the step is not a polynomial in (2^k ≤ 10³⁰, a recurrence a_t ≤ 10⁶) is
      // sampled only up to about 13: further out, a ladder to 256 (scalar steps only: a
      // matrix recurrence 256 deep is no probe).
      const ladder = base.isInteger(key) && !b.polynomial && !matrixKeys(base).length
        ? [...ladderOf(p, base.values.get(key)!.value as Rational), ...definitionBoundaries(p), ...doublingRungs(p, base.values.get(key)!.value as Rational)]
        : [];
      if (ladder.length) along.add(base.values.get(key)!.label);
      /** The step decided at x along `key` (null where the assumptions reject x), and its counterexample where it fails there. */
      const probe = (x: Rational, why: string, far = false): { q: Point; o: ReturnType<typeof decideAt>; failure: Counterexample | null } | null => {
        const q = at(base, key, x, rng, deadline);
        if (!q) return null;
        q.touched.clear();
        probes++;
        let o: ReturnType<typeof decideAt> | null = null;
        if (far) {
          // A far rung: exact values within LADDER_EXACT_MS (n! against 100ⁿ at 384: past
          // doubles), else double enclosures (∑_{i=1}^{16384} 0.99^i takes seconds exactly),
          // and the rungs past one that ran out are not tried exactly.
          if (farExact) {
            q.deadline = Math.min(deadline, now() + LADDER_EXACT_MS);
            try {
              o = decideAt(q, left, rel, right, levels);
            } catch (err) {
              if (!(err instanceof Signal)) throw err;
              farExact = false;
            } finally {
              q.deadline = deadline;
            }
          }
          if (o === null) {
            q.touched.clear();
            // (Scalar recurrences also in 50 digits: 2^2048 against 1.99^2048 · 10^4 is past
            // doubles, and c_t ≤ 1.99^t · 10^4 with c_t = 2c_{t−1} was checked, red team rt116.)
            o = decideAt(q, left, rel, right, (farDecimals ? [intervalField, decimalLevels()[0]!] : [intervalField]) as ReturnType<typeof allLevels>);
          }
        }
        o ??= decideAt(q, left, rel, right, levels);
        if (o.kind !== 'fails') return { q, o, failure: null };
        const [l, r] = formatSides(o.F, o.left, o.right);
        return { q, o, failure: counterexample(q, l, r, `${why}, along ${base.values.get(key)!.label}`) };
      };
      const rungs = new Set(ladder);
      const far = new Set(ladder.filter((x) => x.cmp(FAR_RUNG) > 0).map((x) => x.toString()));
      const farDecimals = ladder.length > 0 && readsRecurrence(p) && scalarRecurrences(p);
      let farExact = true;
      let farDoubt = false;
      const sumRungs = sumRungsOf(ladder, base.values.get(key)!.value as Rational);
      const why = 'found beside a boundary of the step: where left − right is 0 or turns';
      /** The highest rung of the ladder where the step held so far. */
      let held: Rational | null = null;
      /** For `≠` along an integer: the last rung that held and left − right's estimate there (its sign). */
      let lastSign: { x: Rational; m: number } | null = null;
      /** Along an integer, the room the bound has (how far it is from failing, in doubles) at the base and at each rung that held, in order. */
      const rooms: { x: Rational; m: number }[] = [];
      const roomSign: 1 | -1 = rel === '<' || rel === '≤' ? -1 : 1;
      const roomAt = (q: Point): number | null => {
        const m = marginAt(q, left, right, roomSign);
        return m === null ? null : rel === '≠' ? Math.abs(m) : m;
      };
      if (ladder.length > 0) {
        const m = roomAt(base);
        if (m !== null) rooms.push({ x: base.values.get(key)!.value as Rational, m });
      }
      for (const x of [...probesFrom(b, base.isInteger(key), rng, base.prep.intervals.get(key)), ...ladder]) {
        if (now() > deadline) return done(null);
        let tried: ReturnType<typeof probe>;
        try {
          if (rungs.has(x) && far.has(x.toString())) {
            // (A far rung once per point: the two base points differ only in this integer
            // where it is the step's one name, and 100,000 terms cost a second at worst; and
            // the rungs past 16,384 only while the far ones were decided: ∑ 0.99^i ≤ 99 is
            // undecided in doubles from 8,194 on, as it would be at 100,000.)
            const seen = `${key}=${x.toString()}|${[...base.values].filter(([k]) => k !== key).map(([k, v]) => `${k}=${String(v.value)}`).join(',')}`;
            if (farSeen.has(seen) || (farDoubt && sumRungs.has(x.toString()))) continue;
            farSeen.add(seen);
          }
          tried = probe(x, why, rungs.has(x) && far.has(x.toString()));
          if (tried && rungs.has(x) && far.has(x.toString()) && tried.o.kind !== 'holds' && tried.o.kind !== 'fails') farDoubt = true;
        } catch (err) {
          // A rung of the ladder the evaluator cannot take (a recurrence 500 deep) ends the ladder, as in integerLadder.
          if (err instanceof Signal && rungs.has(x)) break;
          throw err;
        }
        if (!tried) continue;
        if (tried.failure) {
          // A rung that fails past one that held: the smallest failing index between them
          // (∑ 1/i ≤ 10.5 at 20,390, not at the rung 32,768).
          if (!rungs.has(x) || !held || held.cmp(x) >= 0) return done(tried.failure);
          return done(smallestFailing(held, x, tried.failure, deadline, (m) => {
            try {
              const t = probe(m, why, m.cmp(FAR_RUNG) > 0);
              return !t ? null : t.failure ?? (t.o.kind === 'holds' ? 'holds' : null);
            } catch (err) {
              if (err instanceof Signal) return null;
              throw err;
            }
          }));
        }
        const { q, o } = tried;
        if (rungs.has(x) && o.kind === 'holds' && (!held || x.cmp(held) > 0)) held = x;
        if (rungs.has(x) && o.kind === 'holds') {
          const m = roomAt(q);
          if (m !== null) rooms.push({ x, m });
        }
        // `≠` along an integer fails at a whole root of left − right between two rungs, where
        // it changes sign (∑_{i=1}^{n} i ≠ 5050 at n = 100, between 96 and 128; red team: checked):
        // the change bisected on the whole numbers by estimates, which steer, and the step
        // decided at the whole numbers beside it.
        if (rel === '≠' && rungs.has(x) && base.isInteger(key) && o.kind === 'holds') {
          const m = marginAt(q, left, right, 1);
          if (m !== null && m !== 0 && lastSign && lastSign.x.cmp(x) < 0 && Math.sign(lastSign.m) !== Math.sign(m)) {
            let lo = lastSign.x.floor();
            let hi = x.floor();
            for (let k = 0; k < 64 && hi - lo > 1n && now() <= deadline; k++) {
              const mid = (lo + hi) / 2n;
              const at = atAllUnchecked(base, [[key, new Rational(mid)]], rng);
              at.deadline = deadline;
              const mm = marginAt(at, left, right, 1);
              if (mm === null) break;
              if (mm === 0 || Math.sign(mm) === Math.sign(lastSign.m)) lo = mid;
              else hi = mid;
            }
            for (const z of [lo, hi, lo - 1n, hi + 1n]) {
              if (now() > deadline) break;
              const t = probe(new Rational(z), why, new Rational(z).cmp(FAR_RUNG) > 0);
              if (t?.failure) return done(t.failure);
            }
          }
          if (m !== null && m !== 0) lastSign = { x, m };
        }
        // A strict bound whose sides no precision tells apart at an exact turn (x e^(−x) < 1/e
        // at 1): proved equal there by algebra, it fails.
        // (Not at a far rung, decided in doubles alone for its cost: ∑_{i=1}^{n} 2^(−i) < 1 at
        // n = 16,384 is 1 − 2^(−16384) against 1, and proving its sides equal there evaluated the
        // 16,384 terms at every precision, past the step's limit: a right step was unknown.)
        if (o.kind === 'undecided' && (rel === '<' || rel === '>') && exactTies < 2 && !(rungs.has(x) && far.has(x.toString()))) {
          exactTies++;
          const found = equalAtBottom(p, q, [key], 1e-24, rng, deadline);
          if (found) return done(found);
        }
        // (An inequality is read where both sides are defined: a point where the right has
        // no value is no counterexample.)
      }
      // A bound that fails only where its room touches 0 between two rungs, with no change of
      // sign to bisect ((u_t − 37)² > 0 at 37, |u_t − 40| ≥ 1 at 40, (2^t − 2^40)² > 0 at 40,
      // u_t a recurrence: red team rt65): where a rung has less room than the rungs on either
      // side, the least room over the whole numbers between them, by ternary search on the
      // estimates, and the step decided there and beside it. (Estimates only steer.)
      if (base.isInteger(key) && rooms.length >= 3) {
        const sorted = [...rooms].sort((u, v) => u.x.cmp(v.x));
        let valleys = 0;
        for (let i = 1; i + 1 < sorted.length && valleys < 2; i++) {
          if (now() > deadline) return done(null);
          const [u, v, w] = [sorted[i - 1]!, sorted[i]!, sorted[i + 1]!];
          if (!(v.m <= u.m && v.m <= w.m) || (v.m === u.m && v.m === w.m)) continue;
          valleys++;
          const roomOf = (n: bigint): number => {
            const at = atAllUnchecked(base, [[key, new Rational(n)]], rng);
            at.deadline = deadline;
            return roomAt(at) ?? Infinity;
          };
          let lo = u.x.floor();
          let hi = w.x.floor();
          for (let k = 0; k < 64 && hi - lo > 2n && now() <= deadline; k++) {
            const m1 = lo + (hi - lo) / 3n;
            const m2 = hi - (hi - lo) / 3n;
            if (roomOf(m1) <= roomOf(m2)) hi = m2;
            else lo = m1;
          }
          for (let z = lo - 1n; z <= hi + 1n; z++) {
            if (now() > deadline) break;
            const t = probe(new Rational(z), 'found where the bound comes nearest to failing between two rungs', new Rational(z).cmp(FAR_RUNG) > 0);
            if (t?.failure) return done(t.failure);
            // (Sides no precision tells apart there, log t against log 40 at 40: a strict bound
            // fails where algebra proves them equal — red team rt66.)
            if (t && t.o.kind === 'undecided' && strict && exactTies < 4) {
              exactTies++;
              const found = equalAtBottom(p, t.q, [key], 0, rng, deadline);
              if (found) return done(found);
            }
          }
        }
      }
      // At an enclosure of each irrational root or extremum (x ∈ [lo, hi], not a rational
      // beside it): a bound that fails on all of it is refuted there; a strict one whose
      // sides cannot be told apart there may fail ((x − π)² > 0 at x = π).
      if (base.isInteger(key)) continue;
      let confirmed = 0;
      let turned = 0;
      // Turns (and, where the assumptions cut the bracket, roots) whose exact place is guessed
      // where no enclosure tells the sides apart, the bracket is not certain or the assumptions
      // cut it: a strict bound may fail at that one point, where the sides are then proved
      // equal (equalAtBottom).
      let guessed = 0;
      const guessTurn = (r: Bracket, near: Point, roots = false): Counterexample | null => {
        if (!(rel === '<' || rel === '>' || rel === '≠') || !(b.extrema.includes(r) || (roots && b.roots.includes(r))) || guessed >= 2) return null;
        guessed++;
        return equalAtBottom(p, near, [key], 1e-24, rng, deadline);
      };
      for (const r of [...b.roots, ...b.extrema].sort((u, v) => magnitude(u).cmp(magnitude(v)))) {
        if (r.at || now() > deadline) continue;
        let q = enclosurePoint(base, key, r, rng, deadline);
        /** A `≠`'s certain root narrowed by bisection, then refined to 10⁻³² in 45 digits (once). */
        let refined: { narrow: Bracket; fine: Bracket | null } | undefined;
        const refine = (): { narrow: Bracket; fine: Bracket | null } => {
          if (refined) return refined;
          const narrow = narrowBracket(base, key, left, right, r, deadline);
          return (refined = { narrow, fine: refineRoot(base, key, left, right, narrow, deadline, { digits: 45, exponent: 32 }) });
        };
        const neRoot = rel === '≠' && r.certain && b.roots.includes(r);
        // (A `≠`'s root beside an edge where a substitution has no value, x ≠ √2 + 10⁻²⁰ under
        // y = 1/(x − √2): its doubles bracket holds the edge, so for all it shows the point is
        // outside the assumptions; narrowed to 10⁻³², it is not.)
        if (!q && neRoot) {
          const { fine } = refine();
          q = fine && enclosurePoint(base, key, fine, rng, deadline);
        }
        // (A turn at an included edge of the assumptions, sin x + cos x < √2 under
        // 0 < x ≤ π/4 at π/4: its bracket reaches past the edge, so there is no enclosure
        // point; the guessed place is held to the assumptions exactly.)
        if (!q) {
          // (The bracket's ends inside the assumptions, probed: cos x < 1 − 10⁻³⁰ under
          // 0 < x fails on (0, 1.4·10⁻¹⁵) only, beside the excluded turn at 0.)
          for (const end of [r.lo, r.hi]) {
            const failure = probe(end, 'found beside an edge of the assumptions, where left − right turns')?.failure;
            if (failure) return done(failure);
          }
          const beside = strict ? base.replacing(key, r.lo.add(r.hi).div(Rational.of(2)), rng) : null;
          if (beside) {
            beside.deadline = deadline;
            // (Evaluated once, so that every name the sides read has its value at this point.)
            marginAt(beside, left, right, 1);
          }
          // (A root there too: x² < 2 under 0 < x ≤ √2 fails at the edge √2.)
          const found = beside?.values.has(key) ? guessTurn(r, beside, true) : null;
          if (found) return done(found);
          continue;
        }
        q.touched.clear();
        probes++;
        // `≠` fails in a certain root's bracket: left − right is defined (so continuous) on it
        // and changes sign across it, so the sides are equal at some x inside (intermediate
        // values), though no precision tells them apart at an irrational root (x² ≠ 2, e^x ≠ 3).
        if (neRoot) {
          // (Narrowed, where cheaply done, so that the sides print alike: first by bisection, a
          // bracket [0, 2²²⁴] of x² = 2·10¹⁰⁰ printed its middle, 2²²³, as the place.)
          const { narrow, fine } = refine();
          const shown = (fine && enclosurePoint(base, key, fine, rng, deadline)) ?? (narrow !== r ? enclosurePoint(base, key, narrow, rng, deadline) : null) ?? q;
          shown.touched.clear();
          // (Printed as their common value there, not as their values at the bracket's middle,
          // which differ: x² − 2 ≠ 0 is false at √2, not at 1.41421356237 where left = 1.4e-33.)
          const value = equalSides(shown, left, right) ?? '?';
          const label = base.values.get(key)!.label;
          const [lo, hi] = shownBracket(base, key, left, right, narrow);
          return done(counterexample(shown, value, value, `left − right changes sign between ${label} = ${lo} and ${hi} and is continuous there, so the sides are equal at some ${label} in between`));
        }
        let o = decideAt(q, left, rel, right, levels);
        // Doubles agreeing at a root or turn is where a step fails by less than 10⁻¹⁶
        // (sin x ≤ 1 − 10⁻²⁰ at π/2): confirmed in decimals.
        if (o.kind === 'provisional' && confirmed++ < 8) {
          q.touched.clear();
          o = decideAt(q, left, rel, right, decimalLevels(), undefined, true);
        }
        if (o.kind === 'fails') {
          const [l, r2] = formatSides(o.F, o.left, o.right);
          return done(counterexample(q, l, r2, `found where left − right is 0 or turns, along ${base.values.get(key)!.label}`));
        }
        // Tight only where the step is decided at both ends of the bracket and not on it: the
        // sides meet inside. (Undecided ends mean numbers out of reach — exp(−x²) underflowing
        // far out — not sides that meet.)
        // And only where f certainly has a root or turns there: a "root" found because
        // doubles round x/(x+1) − 1 to 0 at x = 10³⁰ is not one.
        // A turn where the step cannot be decided on a double-width bracket (sin x ≤ 1 − 10⁻²⁰
        // at π/2): narrowed to 10⁻⁹⁰ by the sign of f′, where it can.
        // (Where the step holds on the whole bracket, the sides do not meet there: its first
        // enclosure was only too wide, sin x + cos x < 1.41422 at a turn near x = 9·10⁶.)
        let settled = false;
        if (o.kind === 'undecided' && r.certain && b.extrema.includes(r) && turned++ < 3) {
          const fine = refineTurn(base, key, left, right, r, deadline);
          const q2 = fine ? (fine.at ? at(base, key, fine.at, rng, deadline) : enclosurePoint(base, key, fine, rng, deadline)) : null;
          if (q2) {
            q2.touched.clear();
            let o2 = decideAt(q2, left, rel, right, levels);
            if (o2.kind === 'provisional') {
              q2.touched.clear();
              o2 = decideAt(q2, left, rel, right, decimalLevels(), undefined, true);
            }
            if (o2.kind === 'fails') {
              const [l, r2] = formatSides(o2.F, o2.left, o2.right);
              return done(counterexample(q2, l, r2, `found where left − right turns, along ${base.values.get(key)!.label}`));
            }
            // Settled only where the step holds on all of the bracket, shown on enclosures of its
            // pieces beside the narrowed turn (a point beside a turn where f′ was too small to sign
            // is not the turn: log(x)/x < 1/e holds beside e; and the bracket may hold other turns).
            if (o2.kind === 'holds') {
              const f = fine!;
              const pieces: [Rational, Rational][] = f.certain && f.at ? [[r.lo, f.at], [f.at, r.hi]]
                : f.certain ? [[r.lo, f.lo], [f.hi, r.hi]] : [[r.lo, f.lo], [f.lo, f.hi], [f.hi, r.hi]];
              settled = holdsAcross(base, key, left, rel, right, pieces, rng, deadline);
            }
          }
        }
        // (A touch so flat that f′'s signs cannot be told beside it, sin x + 1/sin x > 2 at
        // π/2, where f ~ (x − π/2)⁴: no certain bracket.)
        // (And a root the sides tie at, which sampling saw no failure beside: it is on an
        // included edge, x² < 2 under 0 < x ≤ √2.)
        if (strict && o.kind === 'undecided' && (!r.certain || b.roots.includes(r))) {
          const found = guessTurn(r, q, true);
          if (found) return done(found);
        }
        if (strict && o.kind === 'undecided' && !tight && r.certain && !settled) {
          const ends = [r.lo, r.hi].map((x) => at(base, key, x, rng, deadline));
          // (A certain turn whose bracket an included edge cuts, (x² − 2)² > 0 under
          // 1 < x ≤ √2: its enclosure point met the assumptions within agreement, an end does
          // not; its exact place is guessed as at an uncertain turn.)
          if (ends.some((e) => e === null)) {
            const found = guessTurn(r, q);
            if (found) return done(found);
          }
          if (ends.every((e) => e !== null && decideAt(e, left, rel, right, levels).kind === 'holds')) {
            tight = q;
            // The sides agree at the turn to every precision (sin x + cos x < √2 at π/4): where
            // its exact place is guessed and the sides proved equal there, the bound fails.
            const found = rel === '<' || rel === '>' ? equalAtBottom(p, q, [key], 1e-24, rng, deadline) : null;
            if (found) {
              tight = undefined;
              return done(found);
            }
          }
        }
      }
      // At each end a substitution's domain, or a √ in the step itself, gives the scalar,
      // exactly, from the first base point: the step has no value beyond it, and no root or turn
      // marks it (y > 0 with y = √(x − π) fails only at x = π, red team rt84; √(x − √2) > 0 at
      // √2, rt87).
      if (base === bases[0] && !base.isInteger(key)) {
        for (const c of [...(base.prep.domainEnds.get(key) ?? []), ...(stepEnds.get(key) ?? [])].slice(0, 3)) {
          if (now() > deadline) return done(null);
          probes++;
          const found = equalAtBottom(p, base, [key], 1e-24, rng, deadline, new Map([[key, c]]));
          if (found) return done(found);
        }
      }
      // A sine or cosine of a x + b turns where a x + b is a multiple of π/2, and two such turns
      // can lie between grid points (cos x < 1 under 0 < x < 10 touches at 2π, between 5 and
      // 10): where the sides are within 10⁻⁹ there, the place is tried exactly.
      if (rel === '<' || rel === '>' || rel === '≠') {
        const found = periodicTies(p, base, key, rng, deadline, periodicSeen);
        if (found) return done(found);
      }
    }
  }
  // Where the failing set needs several scalars at once ((x − 0.3)² + (y − 0.7)² ≥ 10⁻²
  // fails only near (0.3, 0.7)): coordinate descent on the margin, each move to the best
  // root or turn along one scalar, from each base point.
  const keys = bases.length > 0 ? scalarKeys(bases[0]!).filter((k) => !bases[0]!.isInteger(k)) : [];
  if (keys.length >= 2) {
    for (const [which, base] of bases.entries()) {
      // (Twice where the first descent ended where the sides' enclosures are wide: then with
      // their margins read only where they are narrow. A midpoint of an enclosure across 0 far
      // out, a s(a)(1 − s(a)) at a = 10⁷⁸: −10⁶², drew the descent there, away from the joint
      // peak of a s(a)(1 − s(a)) + b s(b)(1 − s(b)) ≤ 0.4477; yet a constant factor enclosed
      // with cancellation, (1 − s(30)) e^30, is as wide at every point, and the first descent
      // finds the peak through it.)
      // (And from the first base once more with the scalars in the reverse order, where the
      // first descent stopped short of a tie: moving one scalar first can reach a place where the
      // margin no longer depends on the others. a sin(b) > −1 under 0 ≤ a ≤ 1 from a point with
      // sin b > 0 went to a = 0, where every b is as good, never to (1, −π/2), where it fails;
      // b first goes to −π/2, then a to 1. A red team found it checked.)
      let endedWide = false;
      let endedShort = false;
      for (const [narrow, order] of [[false, keys], [true, keys], [false, [...keys].reverse()]] as const) {
        if (narrow && !endedWide) continue;
        if (order !== keys && !(which === 0 && endedShort)) continue;
        // (`≠` fails where the sides meet: toward them from the side the base point is on,
        // sin(x + y) ≠ 1 at x + y = π/2.)
        const ne = rel === '≠' ? marginAt(base, left, right, 1) : null;
        const sign: 1 | -1 = rel === '<' || rel === '≤' || (ne !== null && ne < 0) ? -1 : 1;
        let cur = base;
        let m = marginAt(cur, left, right, sign, narrow);
        if (m === null) continue;
        /** The exact places of the moves to a sine's turn, each with the values of the keys it was found at. */
        const places = new Map<string, { place: Expr; at: ReadonlyMap<string, Rational>; order: number }>();
        let placed = 0;
        for (let round = 0; round < DESCENT_ROUNDS; round++) {
          let moved = false;
          const start = cur;
          for (const key of order) {
            if (now() > deadline) return done(null);
            const b = boundariesAlong(cur, key, left, right, deadline);
            // (Nearest 0 first, and a later one only where it is better by more than doubles'
            // noise: of the many turns of a periodic part that are equally low, the one near 0,
            // whose exact place is guessable and where other scalars' turns are still found —
            // (2 sin x − 1)² + y² went to x ≈ −1.7·10⁸, where y's were not.)
            // (And the turns of a sine or cosine of a·key + b near the current one, which the
            // grid of boundariesAlong can step over: cos x < 1 + y² from x = 5, where sin x has
            // one sign at 5 and 10 and cos x turns at 2π and 3π between. Its exact place goes to
            // equalAtBottom with it.)
            // (A bracket's ends too, where the assumptions reject its middle: the root of
            // 2 sin x − 1 at an included edge, x ≤ π/6, whose bracket straddles it. Not at an
            // excluded edge, where the bottom is not reached: cos x + cos y < 2 under 0 < x went
            // to (10⁻³⁰, 10⁻³⁰) instead of (2π, 2π).)
            const bounds = cur.prep.intervals.get(key);
            const straddlesOpen = (r: Bracket): boolean => (bounds?.lo !== null && bounds?.lo !== undefined && !bounds.loClosed && r.lo.cmp(bounds.lo) <= 0 && r.hi.cmp(bounds.lo) >= 0)
              || (bounds?.hi !== null && bounds?.hi !== undefined && !bounds.hiClosed && r.lo.cmp(bounds.hi) <= 0 && r.hi.cmp(bounds.hi) >= 0);
            const moves: { x: Rational; place?: Expr; reads?: ReadonlySet<string> | null; ends?: readonly Rational[] }[] = [...b.extrema, ...b.roots]
              .map((r) => (r.at ? { x: r.at } : { x: nearMiddle(r), ...(straddlesOpen(r) ? {} : { ends: [r.lo, r.hi] }) }));
            // (And a short step inside each bound the assumptions give it, where the margin may
            // be least without a turn: sin(x + y) < 1 on (0, 1)² from (1/2, 1/2), where neither
            // scalar alone reaches x + y = π/2.)
            if (bounds?.lo && bounds.hi) {
              const step = bounds.hi.sub(bounds.lo).div(Rational.of(1000));
              moves.push({ x: bounds.lo.add(step) }, { x: bounds.hi.sub(step) });
            } else if (round === 0 && (bounds?.lo || bounds?.hi)) {
              // (And beside a bound the scalar has on one side only, 10⁻³ of its size in, in the
              // first round: x y (1 − x − y) ≤ 1/28 under x, y > 0 from (1, 1), where each scalar's
              // best is toward 0 and the other's turn, then x = (1 − y)/2, is inside only from
              // there; a red team. Not every round: a descent creeping toward such a bound took
              // each round's step there, (x³ + y³)/(x + y) ≥ (x² + y²)/2.0001 1.2× as long.)
              const end = (bounds.lo ?? bounds.hi)!;
              const size = end.sign() < 0 ? end.neg() : end;
              const step = (size.cmp(Rational.ONE) > 0 ? size : Rational.ONE).div(Rational.of(1000));
              moves.push({ x: bounds.lo ? end.add(step) : end.sub(step) });
            }
            // (And an included bound itself: sin(x + y) < 1 under 0 < x ≤ π/4, 0 < y ≤ π/4 fails
            // at the corner only. An irrational one is held 10⁻¹⁴ inside, close enough to guess.)
            if (bounds?.lo && bounds.loClosed) moves.push({ x: bounds.lo });
            if (bounds?.hi && bounds.hiClosed) moves.push({ x: bounds.hi });
            for (const line of periodicLines(p, cur, key, rng, deadline)) {
              const reads = keysRead(p, line.arg);
              const x0 = (cur.values.get(key)!.value as Rational).toNumber();
              const [a, b] = lineNumbers(line);
              const k0 = Math.round(((a * x0 + b) * 2) / Math.PI);
              // (Not past the doubles' whole numbers: at sin(10³⁰x), k0 ≈ 10³⁰, where k++ leaves
              // k as it is and the loop never ended, past every time limit; a red team.)
              if (!Number.isSafeInteger(k0 - DESCENT_PERIODIC_REACH) || !Number.isSafeInteger(k0 + DESCENT_PERIODIC_REACH)) continue;
              for (let k = k0 - DESCENT_PERIODIC_REACH; k <= k0 + DESCENT_PERIODIC_REACH; k++) {
                const x = periodicPlace(line, k);
                if (Number.isFinite(x)) moves.push({ x: Rational.parse(x.toPrecision(17)), place: periodicPlaceExpr(line, k, left.range), reads });
              }
            }
            const size = (x: Rational): Rational => (x.sign() < 0 ? x.neg() : x);
            for (const move of moves.sort((u, v) => size(u.x).cmp(size(v.x)))) {
              let q = at(cur, key, move.x, rng, deadline);
              for (const x of q ? [] : move.ends ?? []) q ??= at(cur, key, x, rng, deadline);
              const mq = q && marginAt(q, left, right, sign, narrow);
              if (!q || mq === null || mq === undefined) continue;
              const better = mq < m - 1e-12 * Math.abs(m);
              // (A sine's turn where the move just made went, as low within doubles' noise, is
              // taken for its exact place: the turn's bracket found first along y is where
              // sin(x + y) turns. Not one elsewhere as low: 2 − sin x − sin y went to 17π/2.)
              const here = cur.values.get(key)!.value as Rational;
              const same = move.place !== undefined && Math.abs(move.x.toNumber() - here.toNumber()) <= 1e-9 * (1 + Math.abs(here.toNumber()));
              if (better || (same && mq <= m + 1e-15 * Math.max(1, Math.abs(m)))) {
                cur = q;
                m = Math.min(m, mq);
                if (better) moved = true;
                if (move.place) places.set(key, { place: move.place, at: new Map(keys.filter((k) => k === key || !move.reads || move.reads.has(k)).map((k) => [k, cur.values.get(k)!.value as Rational])), order: placed++ });
                else places.delete(key);
              }
            }
          }
          // Coupled scalars creep toward the minimum a little each round: go on along the
          // round's whole move, 2, 4, 8… times as far, while that is better (over-relaxation).
          if (moved) {
            for (let f = 2; f <= 1 << 20; f *= 2) {
              const factor = Rational.of(f);
              const q = start.derive(rng, (k, v) => {
                if (!keys.includes(k) || isMat(v)) return v;
                const a = start.values.get(k)?.value as Rational | undefined;
                const c = cur.values.get(k)?.value as Rational | undefined;
                return a && c ? a.add(c.sub(a).mul(factor)) : v;
              });
              q.deadline = deadline;
              let ok = false;
              try {
                ok = q.satisfiesAssumptions(allLevels(), true);
              } catch {
                ok = false;
              }
              const mq = ok ? marginAt(q, left, right, sign, narrow) : null;
              if (mq === null || mq >= m) break;
              cur = q;
              m = mq;
            }
          }
          if (moved) {
            cur.touched.clear();
            probes++;
            const o = decideAt(cur, left, rel, right, levels);
            if (o.kind === 'fails') {
              const [l, r] = formatSides(o.F, o.left, o.right);
              return done(counterexample(cur, l, r, `found by moving ${keys.map((k) => base.values.get(k)!.label).join(', ')} together toward where left − right is smallest`));
            }
          }
          if (!moved) break;
        }
        // A strict bound that fails at one point only (|x − 1/7| + |y| > 0 at (1/7, 0); 2 − sin x
        // − sin y > 0 at (π/2, π/2)): the descent comes within doubles' reach of it, never onto
        // it. The bottom's exact place is guessed and the sides proved equal there.
        // (A bound that is not strict fails there where it is off by less than doubles see:
        // sin x cos y ≤ 1 − 10⁻⁴⁰ at (π/2, 0), decided in decimals at the exact place. Only at a
        // bottom whose sides are narrow and tie within doubles: far out, cos(x − y) ≤ 1 ended at
        // x ≈ 10⁹ with the left enclosed in [1, 2], a margin of −1/2 that is no failure.)
        if (strict ? m < 1e-8 : Math.abs(m) < 1e-8 && marginAt(cur, left, right, sign, true) !== null) {
          // (A place holds where its key and the keys its sine reads are still where it was found;
          // those keys are then tried at their values there: sin(x + y) turns at x = π/2 − y for
          // that y. The latest first; one that needs a key another has placed is left out: two
          // places each found at the other's earlier value do not hold together.)
          const given = new Map<string, Expr>();
          const valid = [...places].filter(([, v]) => [...v.at].every(([k2, x]) => (cur.values.get(k2)?.value as Rational | undefined)?.equals(x)));
          for (const [k, v] of valid.sort((u, w) => w[1].order - u[1].order)) {
            if (given.has(k) || [...v.at.keys()].some((k2) => k2 !== k && places.has(k2) && given.get(k2) === places.get(k2)!.place)) continue;
            for (const [k2, x] of v.at) if (k2 !== k && !given.has(k2)) given.set(k2, rationalExpr(x, left.range));
            given.set(k, v.place);
          }
          const found = equalAtBottom(p, cur, keys, m, rng, deadline, given);
          if (found) {
            probes++;
            return done(found);
          }
        }
        endedWide = !narrow && marginAt(cur, left, right, sign, true) === null;
        if (!narrow && order === keys) endedShort = m >= 1e-8;
      }
    }
  }
  // A bound that fails only on a sliver just inside an open end of the assumptions (last: the
  // searches above find readable points where they can); then inside a corner where two
  // scalars sit at ends of their intervals (x − y < 0.99999 under 0 < x, y < 1 fails only
  // near x = 1, y = 0: red team rt104).
  for (const base of bases.slice(0, 1)) {
    const reals = scalarKeys(base).filter((k) => !base.isInteger(k));
    for (const key of reals) {
      const found = openEndSliver(p, base, [key], rng, deadline);
      if (found) {
        probes += found.probes;
        if (found.failure) return done(found.failure);
      }
    }
    // (Pairs of the first three, then the three together: x + y − z < 1.9999 under 0 < x, y, z < 1
    // fails only near (1, 1, 0), red team rt105.)
    const few = reals.slice(0, 3);
    const groups: string[][] = [];
    for (let i = 0; i < few.length; i++) for (let j = i + 1; j < few.length; j++) groups.push([few[i]!, few[j]!]);
    if (few.length === 3) groups.push(few);
    for (const group of groups) {
      const found = openEndSliver(p, base, group, rng, deadline);
      if (found) {
        probes += found.probes;
        if (found.failure) return done(found.failure);
      }
    }
  }
  // A vector whose entries each add the same peak ∑ f(x_i) (x_i s(x_i)(1 − s(x_i)) ≤ 0.2237 n:
  // its joint peak is at x = 1.5434·(1, …, 1), which no drawn vector nears): along the line of
  // vectors with equal entries t.
  if (rel !== '≠' && (readsEntries(unfolded(left, p)) || readsEntries(unfolded(right, p)))) {
    const found = equalEntriesSearch(p, bases, rel, rng, deadline);
    if (found) {
      probes += found.probes;
      if (found.failure) return done(found.failure);
    }
  }
  // Names moved together, out to where the assumptions end: every scalar the same, one
  // vector a multiple of another, a square matrix a multiple of I.
  // (COUPLED_WORK points at most: on steps whose every probe is costly, inverses and
  // spectral norms of matrices, the lines took the step past its limit.)
  // (`≠` under an assumption that ties two scalars too, steered toward each side in turn: it
  // fails where the sides tie, at an edge's exact place, x + y ≠ √2 under x² + y² ≤ 1 at
  // x = y = √(1/2); red team rt108.)
  const tied = rel === '≠' && !!bases[0] && coupledByAssumption(bases[0], new Set(scalarKeys(bases[0])));
  for (const sign of rel !== '≠' ? [undefined] : tied ? [-1, 1] as const : []) {
    const found = coupledLineSearch(p, bases, rel, rng, deadline, sign);
    probes += found.probes;
    if (found.failure) return done(found.failure);
    tight ??= found.tight;
  }
  return done(null);
}

/**
 * The inequality along lines that move several names at once, from the first base point: all
 * its free scalars equal to t; each vector t times another of its size; each square matrix t·I.
 * The extreme point of such a step is often on one of them and on the edge of a curved
 * assumption (red team: x + y ≤ 1.4 and x y ≤ 0.49 under x² + y² ≤ 1 fail at x = y = 1/√2;
 * η L ≤ 0.9999999999 under η² L² ≤ 1 at η = L = 1; wᵀu ≤ 0.99‖u‖ under ‖w‖ ≤ 1 at w = u/‖u‖;
 * det V ≤ 0.49 under ‖V‖_F ≤ 1 at V = I/√2), where moving one name at a time leaves the
 * assumptions at once. On each line: the margin on the grid of t, then the edge of the
 * assumptions beside its least (bisected in doubles, the last t that meets them kept) and a
 * golden section between its neighbours; the step decided at those. Margins steer; only
 * `decideAt` refutes.
 */
function coupledLineSearch(p: StepProblem, bases: readonly Point[], rel: RelOp, rng: Rng, deadline: number,
  /** The side the search steers toward, for `≠` (−1: left − right greatest, as for `<`). */
  steer?: 1 | -1): { failure: Counterexample | null; probes: number; tight?: Point } {
  const left = p.left as Expr;
  const right = p.right as Expr;
  const base = bases[0];
  let probes = 0;
  if (!base) return { failure: null, probes };
  // (A budget of points, not of time: a share of the clock left this false step checked on a
  // loaded machine and refuted on a quiet one — s ≤ 2.19722457733 under σ(s) ≤ 0.9. Past the
  // step's own deadline the step is unknown, as for every search.)
  let work = COUPLED_WORK;
  const spent = (): boolean => work <= 0 || now() > deadline;
  /** An edge's exact place where the sides agree at every precision tried, not proved equal: a doubt. */
  let tight: Point | undefined;
  /** The search's result where it found no failure. */
  const none = (): { failure: null; probes: number; tight?: Point } => ({ failure: null, probes, ...(tight ? { tight } : {}) });
  /**
   * Where the sides nearly tie at q (within 10⁻⁸ of their size), the place's exact value guessed
   * and the step decided there (equalAtBottom), the margin measured against the sides' size: xy <
   * 5·10³⁹ under x² + y² = 10⁴⁰ ties at x = y = 10²⁰/√2. Then guessed to 10 digits at most: a place
   * found along a line is only as close as the line's direction, ~10⁻¹¹ for worstRay's.
   */
  const tieAtPlace = (q: Point): Counterexample | null => {
    const m = marginAt(q, left, right, sign, true);
    const size = sidesSize(q, left, right);
    if (m === null || size === null || Math.abs(m) >= 1e-8 * size) return null;
    probes++;
    const relative = m / size;
    for (const hint of new Set([relative, Math.max(Math.abs(relative), 1e-11)])) {
      const found = equalAtBottom(p, q, scalars, hint, rng, deadline, undefined, (z) => { tight ??= z; });
      if (found) return found;
    }
    return null;
  };
  const sign: 1 | -1 = steer ?? (rel === '<' || rel === '≤' ? -1 : 1);
  type Line = { readonly what: string; readonly entries: (t: Rational) => [string, Val<Rational>][]; readonly scalar?: boolean };
  const lines: Line[] = [];
  const scalars = scalarKeys(base).filter((k) => !base.isInteger(k));
  // (One scalar alone too: beside a root of left − right the probes leave a curved assumption
  // at once, y ≤ 0.69314718 under e^y ≤ 2, false on (0.69314718, ln 2).)
  if (scalars.length >= 1) {
    const labels = scalars.map((k) => base.values.get(k)!.label);
    lines.push({ what: scalars.length === 1 ? `${labels[0]} moved` : `${labels.join(', ')} all the same`, entries: (t) => scalars.map((k) => [k, t]), scalar: true });
  }
  // (And with alternating signs, x = −y = t: x y ≥ −0.4999 under x² + y² ≤ 1 fails at
  // (1/√2, −1/√2).)
  if (scalars.length >= 2) {
    lines.push({ what: `${scalars.map((k, i) => `${i % 2 ? '−' : ''}${base.values.get(k)!.label}`).join(', ')} all the same`, entries: (t) => scalars.map((k, i) => [k, i % 2 ? t.neg() : t]), scalar: true });
  }
  // The ray from 0 along which left − right falls fastest at the base point (its gradient by
  // central differences in doubles, to two digits): a linear bound's worst point on a ball
  // about 0 lies on it (3x + 4y ≤ 4.999 under x² + y² ≤ 1 fails at (0.6, 0.8), off x = y).
  if (scalars.length >= 2) {
    const slope = scalars.map((k) => {
      const x = (base.values.get(k)!.value as Rational).toNumber();
      // (Not past the doubles' range, x > 10^400: no double beside it; red team: the step was
      // unknown with "'Infinity' is not a number".)
      if (!Number.isFinite(x)) return null;
      const h = 1e-6 * (1 + Math.abs(x));
      const side = (d: number): number | null => {
        const q = atAllUnchecked(base, [[k, Rational.parse((x + d).toPrecision(17))]], rng);
        q.deadline = deadline;
        return marginAt(q, left, right, sign, true);
      };
      const up = side(h);
      const down = side(-h);
      return up === null || down === null ? null : -(up - down) / (2 * h);
    });
    const size = Math.hypot(...slope.map((g) => g ?? 0));
    if (slope.every((g) => g !== null) && size > 0 && Number.isFinite(size)) {
      const d = slope.map((g) => Rational.parse((g! / size).toPrecision(2)));
      lines.push({ what: `${scalars.map((k) => base.values.get(k)!.label).join(', ')} along the steepest fall of left − right from 0`, entries: (t) => scalars.map((k, i) => [k, d[i]!.mul(t)]), scalar: true });
    }
  }
  // Three or more: each pair an assumption reads together moved as one (x = y = t), the rest
  // where they were drawn: x + y < r√2 under x² + y² = r² fails at x = y = r/√2, which no line
  // that moves r too crosses (red team rt111). Three pairs at most.
  if (scalars.length >= 3) {
    const pairs: [string, string][] = [];
    for (let i = 0; i < scalars.length && pairs.length < 3; i++) {
      for (let j = i + 1; j < scalars.length && pairs.length < 3; j++) {
        if (readTogether(base, scalars[i]!, scalars[j]!)) pairs.push([scalars[i]!, scalars[j]!]);
      }
    }
    for (const pair of pairs) {
      lines.push({ what: `${pair.map((k) => base.values.get(k)!.label).join(', ')} the same`, entries: (t) => pair.map((k) => [k, t]), scalar: true });
    }
  }
  // Two scalars: the ray from the centre of the assumptions (0 where it meets them, else the
  // drawn point) along which the edge is worst, found over the angle (a grid of rays, then
  // parabolas), its edge in doubles: a linear bound's worst point on an ellipse or a disc is off
  // every line above (x + 2y < √5 under x² + y² ≤ 1 fails only at (1/√5, 2/√5)). Searched as
  // the lines are, so that its edge's exact place is guessed where the sides nearly tie there.
  // (For a `≠` too, toward the side it is steered to: x + 2y ≠ √5 on the disc, rt111.)
  if (scalars.length === 2 && (rel !== '≠' || steer !== undefined)) {
    const ray = worstRay(base, scalars as [string, string], left, right, sign, rng, deadline);
    if (ray) {
      const [c, d] = ray;
      lines.push({ what: `${scalars.map((k) => base.values.get(k)!.label).join(', ')} along the ray where the edge of the assumptions is worst`, entries: (t) => scalars.map((k, i) => [k, c[i]!.add(d[i]!.mul(t))]), scalar: true });
    }
  }
  const mats = matrixKeys(base);
  const vectors = mats.filter((k) => (base.values.get(k)!.value as Mat<Rational>).cols === 1).slice(0, 3);
  for (const w of vectors) {
    for (const u of vectors) {
      const wv = base.values.get(w)!.value as Mat<Rational>;
      const uv = base.values.get(u)!.value as Mat<Rational>;
      if (w === u || wv.rows !== uv.rows) continue;
      lines.push({ what: `${base.values.get(w)!.label} a multiple of ${base.values.get(u)!.label}`, entries: (t) => [[w, uv.map((x) => x.mul(t))]] });
    }
  }
  for (const m of mats.filter((k) => { const v = base.values.get(k)!.value as Mat<Rational>; return v.cols > 1 && v.rows === v.cols; }).slice(0, 2)) {
    const v = base.values.get(m)!.value as Mat<Rational>;
    lines.push({ what: `${base.values.get(m)!.label} a multiple of I`, entries: (t) => [[m, v.map((_, i) => (Math.floor(i / v.cols) === i % v.cols ? t : Rational.ZERO))]] });
  }
  // Under an equation that ties the scalars (x² + y² = 1), no point of a line but where it
  // crosses the curve meets the assumptions: along each scalar line, the equation's roots in t
  // (a sign change on the grid, bisected in doubles), and where the sides nearly tie there, the
  // place's exact value guessed (x + y < √2 under x² + y² = 1 fails only at x = y = √(1/2): red
  // team rt109).
  const equations = tyingEquations(base, new Set(scalars));
  if (equations.length > 0) {
    for (const line of lines.filter((l) => l.scalar)) {
      const at = (t: number): Point => {
        work--;
        const q = atAllUnchecked(base, line.entries(Rational.parse(t.toPrecision(17))), rng);
        q.deadline = deadline;
        return q;
      };
      const eq = equations[0]!;
      let prev: { t: number; r: number } | null = null;
      for (const t of COUPLED_GRID) {
        if (spent()) return none();
        const r = residualAt(at(t), eq);
        if (r === null) {
          prev = null;
          continue;
        }
        // (A root on the grid itself, the ray's t = 1 on the unit circle, is one too.)
        if (r === 0 || (prev && prev.r !== 0 && Math.sign(r) !== Math.sign(prev.r))) {
          let [lo, hi, rlo] = r === 0 || !prev ? [t, t, r] : [prev.t, t, prev.r];
          for (let k = 0; k < 80 && !spent(); k++) {
            const mid = lo / 2 + hi / 2;
            if (mid === lo || mid === hi) break;
            const rm = residualAt(at(mid), eq);
            if (rm === null) break;
            if (Math.sign(rm) === Math.sign(rlo)) [lo, rlo] = [mid, rm];
            else hi = mid;
          }
          const crossing = lo / 2 + hi / 2;
          const q = at(crossing);
          // (On the curve itself, the other scalars solved with the first kept: x + y ≤ 1.4142
          // under x² + y² = 1 fails near x = y = √(1/2) by more than doubles see, and no drawn
          // point came near, red team rt110.)
          const [first, value] = line.entries(Rational.parse(crossing.toPrecision(17)))[0]!;
          const onCurve = atMeeting(p, q, first, value, rng, deadline);
          const found = failsAt([onCurve], left, rel, right, deadline, `found with ${line.what}, where it crosses an assumed equation's curve`, decimalLevels());
          probes += found.probes;
          if (found.failure) return { failure: found.failure, probes };
          const tied = tieAtPlace(q);
          if (tied) return { failure: tied, probes };
        }
        prev = { t, r };
      }
    }
  }
  for (const line of lines) {
    // (t's shortest decimal: 10^200, not 9.9999999999999997·10^199, in a counterexample.)
    const pointAt = (t: number): Point | null => {
      work--;
      return Number.isFinite(t) ? atAll(base, line.entries(Rational.parse(String(t))), rng, deadline) : null;
    };
    const { margin, ties } = marginsNotingTies(pointAt, left, right, sign);
    const seen = new Map<number, number | null>();
    for (const t of COUPLED_GRID) {
      if (spent()) return none();
      seen.set(t, margin(t));
    }
    const grid = [...seen.keys()].sort((a, b) => a - b);
    let best: number | null = null;
    for (const t of grid) if (seen.get(t) !== null && (best === null || seen.get(t)! < seen.get(best)!)) best = t;
    if (best === null) continue;
    // Sides equal along the whole line (|xᵀy| and ‖x‖‖y‖ on x = t·y) differ only by rounding,
    // whose least is at any t: the tie nearest t = 1 is taken, so that a counterexample reads
    // x = y, not x = 1778.28·y.
    if (ties.has(best)) best = simplestTie(ties);
    const i = grid.indexOf(best);
    const candidates = new Set<number>([best]);
    // Toward each neighbour the assumptions (or the sides) reject: the last t before that edge,
    // in doubles; then, where the assumptions end there, closer in exact rationals, past what
    // doubles place (x ≤ √2 − 10^(−60) under x² ≤ 2 fails only within 10⁻⁶⁰ of the edge).
    const edges: Point[] = [];
    for (const j of [i - 1, i + 1]) {
      const out = grid[j];
      if (out === undefined || seen.get(out) !== null) continue;
      let inside = best;
      let outside = out;
      for (let k = 0; k < 60 && !spent(); k++) {
        const mid = inside / 2 + outside / 2;
        if (mid === inside || mid === outside) break;
        if (margin(mid) !== null) inside = mid;
        else outside = mid;
      }
      candidates.add(inside);
      // (Only where the assumptions end there, not the sides' values or their narrowness.)
      if (pointAt(outside) !== null) continue;
      let lo = Rational.parse(String(inside));
      let hi = Rational.parse(String(outside));
      let last: Point | null = null;
      // (Only points that meet the assumptions for certain, not by agreement within 10⁻³⁰: this
      // close to an edge such as ‖w‖ ≤ 1 the agreement is on the wrong side half the time, and
      // wᵀu ≤ ‖u‖, which is true, failed just past it.)
      const certainlyInside = (t: Rational): Point | null => {
        work--;
        const q = atAllUnchecked(base, line.entries(t), rng);
        q.deadline = deadline;
        try {
          return q.satisfiesAssumptions(allLevels(), true, true) ? q : null;
        } catch {
          return null;
        }
      };
      for (let k = 0; k < EDGE_BITS && !spent(); k++) {
        const mid = lo.add(hi).div(Rational.of(2));
        const q = certainlyInside(mid);
        if (q) [lo, last] = [mid, q];
        else hi = mid;
      }
      if (last) edges.push(last);
    }
    // (In decimals: doubles hold there only provisionally, the sides 10⁻⁴⁰ apart.)
    const atEdges = failsAt(edges, left, rel, right, deadline, `found with ${line.what}, at the edge of the assumptions`, decimalLevels());
    probes += atEdges.probes;
    if (atEdges.failure) return { failure: atEdges.failure, probes };
    // Where the sides nearly tie at the edge, the edge's exact place is guessed and the step
    // decided there: x + y < √2 under x² + y² ≤ 1 holds at every rational point of the edge
    // and fails only at x = y = 1/√2, and was checked. Scalar lines only.
    if (line.scalar) {
      for (const edge of edges) {
        if (spent()) return none();
        const tied = tieAtPlace(edge);
        if (tied) return { failure: tied, probes };
      }
    }
    // (Golden section between the neighbours the assumptions admit, as equalEntriesSearch.)
    let a = grid[Math.max(0, i - 1)]!;
    let b = grid[Math.min(grid.length - 1, i + 1)]!;
    if (seen.get(a) === null) a = best;
    if (seen.get(b) === null) b = best;
    if (b > a) for (const t of goldenSection(margin, a, b, deadline)) candidates.add(t);
    const found = failsAt([...candidates].map(pointAt), left, rel, right, deadline, `found with ${line.what}, toward where left − right is smallest and the assumptions end`);
    probes += found.probes;
    if (found.failure) return { failure: found.failure, probes };
  }
  return none();
}

/** Points of the assumptions a ray search may spend on finding its direction (worstRay). */
const RAY_WORK = 1500;

/**
 * For two scalars (x, y) that an assumption reads together (x² + y² ≤ 1): a centre, (0, 0)
 * where it meets the assumptions, else the drawn point, and the direction from it, each as
 * 17-digit rationals, along which (left − right)·sign is least at the edge of the assumptions.
 * The edge is found along 24 rays (doubling out, then bisected in doubles, the assumptions
 * decided in doubles), then the least one's angle refined by parabolas through three rays at
 * shrinking spacings (the margin is flat there to second order: ~10⁻⁸ of the angle is as close
 * as doubles tell). Null where no ray meets an edge, or past RAY_WORK points. Steers only.
 */
function worstRay(base: Point, keys: readonly [string, string], left: Expr, right: Expr, sign: 1 | -1, rng: Rng, deadline: number): [Rational[], Rational[]] | null {
  if (!coupledByAssumption(base, new Set(keys))) return null;
  let work = RAY_WORK;
  const levels = [intervalField] as Field<unknown>[];
  const R = (x: number): Rational => Rational.parse(x.toPrecision(17));
  const point = (x: number, y: number): Point => {
    const q = atAllUnchecked(base, [[keys[0], R(x)], [keys[1], R(y)]], rng);
    q.deadline = deadline;
    return q;
  };
  // (Under an equation that ties them, x² + y² = 1, its curve is the edge of the side of it
  // that holds 0: inside is where each equation's residual keeps the sign it has at 0.)
  const equations = tyingEquations(base, new Set(keys));
  const signs = equations.map((e) => Math.sign(residualAt(point(0, 0), e) ?? 0));
  if (signs.some((s) => s === 0)) return null;
  const at = (x: number, y: number): Point | null => {
    work--;
    if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
    const q = point(x, y);
    if (equations.length > 0) return equations.every((e, i) => Math.sign(residualAt(q, e) ?? 0) === signs[i]) ? q : null;
    try {
      return q.satisfiesAssumptions(levels) ? q : null;
    } catch {
      return null;
    }
  };
  const drawn = keys.map((k) => (base.values.get(k)!.value as Rational).toNumber());
  const centre = at(0, 0) || equations.length > 0 ? [0, 0] : drawn;
  if (!at(centre[0]!, centre[1]!)) return null;
  /** The margin at the last point inside along angle θ (its edge to `tolerance` of its distance); null where the ray leaves no edge. */
  let guess = 1;
  const edge = (theta: number, tolerance: number): number | null => {
    const [dx, dy] = [Math.cos(theta), Math.sin(theta)];
    const inside = (r: number): Point | null => at(centre[0]! + r * dx, centre[1]! + r * dy);
    let lo = 0;
    let hi = guess;
    if (inside(hi)) {
      lo = hi;
      for (hi = lo * 2; inside(hi); hi *= 2) {
        lo = hi;
        if (hi > 1e12 || work <= 0) return null;
      }
    } else if (inside(hi / 2)) {
      lo = hi / 2;
    }
    while (work > 0 && hi - lo > tolerance * hi) {
      const mid = lo / 2 + hi / 2;
      if (mid === lo || mid === hi) break;
      if (inside(mid)) lo = mid;
      else hi = mid;
    }
    const q = lo > 0 ? inside(lo) : null;
    const m = q ? marginAt(q, left, right, sign, true) : null;
    if (m === null) return null;
    guess = hi;
    return m;
  };
  const N = 24;
  let theta: number | null = null;
  let least = Infinity;
  for (let i = 0; i < N; i++) {
    if (work <= 0 || now() > deadline) return null;
    const t = (2 * Math.PI * i) / N;
    const m = edge(t, 1e-6);
    if (m !== null && m < least) [theta, least] = [t, m];
  }
  if (theta === null) return null;
  // (A parabola's vertex through θ − h, θ, θ + h, moved to by at most 2h; h shrinks tenfold once
  // the vertex is within h/2, to 10⁻⁵.)
  let h = (2 * Math.PI) / N;
  for (let round = 0; round < 12 && h >= 1e-5; round++) {
    // (Only with work left for three whole edges: an edge cut short by the budget misplaces the
    // parabola, and moved a good angle 10⁻⁴ away.)
    if (work < 3 * 70 || now() > deadline) break;
    const [m0, mMinus, mPlus] = [edge(theta, 1e-15), edge(theta - h, 1e-15), edge(theta + h, 1e-15)];
    if (m0 === null || mMinus === null || mPlus === null) break;
    const curve = mPlus - 2 * m0 + mMinus;
    const shift = curve > 0 ? Math.max(-2 * h, Math.min(2 * h, (h * (mMinus - mPlus)) / (2 * curve))) : mMinus < mPlus ? -h : h;
    theta += shift;
    if (Math.abs(shift) < h / 2) h /= 10;
  }
  return [centre.map(R), [Math.cos(theta), Math.sin(theta)].map(R)];
}

/** Whether one assumption reads both keys (x² + y² = r² reads x and y). */
function readTogether(base: Point, a: string, b: string): boolean {
  return base.prep.checks.some((c) => {
    const keys = conditionKeys(base, c);
    return keys.has(a) && keys.has(b);
  });
}

/** The equations among the assumptions that points must solve and that read one of `keys` (x² + y² = 1), not substitutions, as their two sides. */
function tyingEquations(base: Point, keys: ReadonlySet<string>): { a: Expr; b: Expr }[] {
  const out: { a: Expr; b: Expr }[] = [];
  for (const c of base.prep.checks) {
    const f = c.formula;
    if (base.prep.byConstruction.has(c) || c.forAll.length > 0 || f.kind !== 'Compare' || f.ops.length !== 1 || f.ops[0] !== '=') continue;
    const [a, b] = f.operands as [Expr, Expr];
    if (a.shape?.kind === 'matrix' || b.shape?.kind === 'matrix') continue;
    if ([...conditionKeys(base, c)].some((k) => keys.has(k))) out.push({ a, b });
  }
  return out;
}

/** An equation's a − b at q in doubles (the middles of their enclosures); null where it has no value there. */
function residualAt(q: Point, e: { a: Expr; b: Expr }): number | null {
  try {
    const l = q.evaluate(intervalField, e.a);
    const r = q.evaluate(intervalField, e.b);
    if (isMat(l) || isMat(r)) return null;
    const [x, y] = [l as Interval, r as Interval];
    const d = (x.lo / 2 + x.hi / 2) - (y.lo / 2 + y.hi / 2);
    return Number.isFinite(d) ? d : null;
  } catch {
    return null;
  }
}

/**
 * Whether `e` reads a vector's entries one by one (x_i) or applies a function to each
 * (tanh(x), σ(W h)): where equal entries are a line worth searching (equalEntriesSearch). A
 * quadratic form or a norm alone is not (gᵀ H g ≤ …: one direction among many, 5 ms a step).
 */
function readsEntries(e: Expr): boolean {
  let found = false;
  visit(e, (x) => {
    if (x.kind === 'Component') found = true;
    if (x.kind === 'Call' && x.shape?.kind === 'matrix' && x.args.some((a) => a.shape?.kind === 'matrix')) found = true;
  });
  return found;
}

/**
 * The points a coupled line search (coupledLineSearch, and its statements' twin in
 * searchStatement) may put in place: a budget of work, the same on any machine. Over the
 * corpus (derivations, the spec's examples, the table, 700 red-team files) the most one
 * search used was 850 (34 ms).
 */
const COUPLED_WORK = 2000;

/** Bisections in exact rationals past the doubles' last one, toward a coupled line's edge (~10⁻⁶⁰ of its place). */
const EDGE_BITS = 160;

/**
 * A golden-section search for the least of `margin` on [a, b], to 10⁻¹² of the size or 60
 * steps, stopped where a margin has no value or at `until`: its last two points. Margins are
 * estimates that steer (the midpoints of enclosures); the caller decides at the points.
 */
function goldenSection(margin: (t: number) => number | null, a: number, b: number, until: number): [number, number] {
  const g = (Math.sqrt(5) - 1) / 2;
  let c = b - g * (b - a);
  let d = a + g * (b - a);
  let mc = margin(c);
  let md = margin(d);
  for (let k = 0; k < 60 && b - a > 1e-12 * Math.max(1, Math.abs(a)); k++) {
    if (now() > until || mc === null || md === null) break;
    if (mc < md) {
      b = d;
      d = c;
      md = mc;
      c = b - g * (b - a);
      mc = margin(c);
    } else {
      a = c;
      c = d;
      mc = md;
      d = a + g * (b - a);
      md = margin(d);
    }
  }
  return [c, d];
}

/**
 * The inequality decided at each point in turn (its names' marks cleared; null ones, which the
 * assumptions rejected, skipped), at `levels`: the first where it fails, as a counterexample
 * that says `where` it was found, and the points decided. Stops at `until`.
 */
function failsAt(points: readonly (Point | null)[], left: Expr, rel: RelOp, right: Expr, until: number, where: string,
  levels: readonly Field<unknown>[] = allLevels()): { failure: Counterexample | null; probes: number } {
  let probes = 0;
  for (const q of points) {
    if (now() > until) break;
    if (!q) continue;
    q.touched.clear();
    probes++;
    const o = decideAt(q, left, rel, right, levels);
    if (o.kind === 'fails') {
      const [l, r] = formatSides(o.F, o.left, o.right);
      return { failure: counterexample(q, l, r, where), probes };
    }
  }
  return { failure: null, probes };
}

/** Places along the line of equal entries t: ±10^k for k = −3 … 3 in steps of 1/4 (and 0). */
const EQUAL_ENTRY_GRID = [0, ...Array.from({ length: 25 }, (_, i) => 10 ** ((i - 12) / 4)).flatMap((t) => [t, -t])];

/**
 * Places along a coupled line (coupledLineSearch): EQUAL_ENTRY_GRID, and far out and far in as
 * the search along one scalar goes (log x log y ≤ 10⁴ under x, y > 1 fails at x = y = 10⁵⁰,
 * where no single scalar's section reaches: along x with y = 5 it needs x past 10²⁷⁰⁰).
 */
const COUPLED_GRID = [...new Set([...EQUAL_ENTRY_GRID, ...[4, 5, 6, 8, 10, 12, 15, 20, 30, 50, 75, 100, 150, 200].flatMap((k) => [10 ** k, -(10 ** k), 10 ** -k, -(10 ** -k)])])].sort((a, b) => a - b);

/**
 * The inequality along the vectors with equal entries t·(1, …, 1), each vector of the first
 * base point in turn: the margin on a grid of t, narrowed by golden section about its least,
 * and the step decided there. Margins steer (midpoints of enclosures); only `decideAt` refutes.
 */
function equalEntriesSearch(p: StepProblem, bases: readonly Point[], rel: RelOp, rng: Rng, deadline: number): { failure: Counterexample | null; probes: number } | null {
  const left = p.left as Expr;
  const right = p.right as Expr;
  const base = bases[0];
  if (!base) return null;
  const vectors = matrixKeys(base).filter((k) => {
    const v = base.values.get(k)!.value;
    return isMat(v) && v.cols === 1 && v.rows > 1;
  }).slice(0, 2);
  if (vectors.length === 0) return null;
  const sign: 1 | -1 = rel === '<' || rel === '≤' ? -1 : 1;
  let probes = 0;
  for (const key of vectors) {
    const v = base.values.get(key)!.value as Mat<Rational>;
    const pointAt = (t: number): Point | null => {
      if (!Number.isFinite(t)) return null;
      const x = Rational.parse(t.toPrecision(17));
      return at(base, key, v.map(() => x), rng, deadline);
    };
    const { margin, ties } = marginsNotingTies(pointAt, left, right, sign);
    let best: { t: number; m: number } | null = null;
    const seen: { t: number; m: number }[] = [];
    for (const t of EQUAL_ENTRY_GRID) {
      if (now() > deadline) return { failure: null, probes };
      const m = margin(t);
      if (m === null) continue;
      seen.push({ t, m });
      if (!best || m < best.m) best = { t, m };
    }
    if (!best) continue;
    // (Sides equal at every t, (∑ x_i)² against n‖x‖²: the tie nearest 1, x = (1, …, 1), is shown.)
    const tie = ties.has(best.t) ? simplestTie(ties) : null;
    // (Golden section between the grid's neighbours of the least: the margin is smooth there
    // for the steps this is for; where it is not, the grid's point is decided as it is.)
    const sorted = seen.map((x) => x.t).sort((a, b) => a - b);
    const i = sorted.indexOf(best.t);
    const a = sorted[Math.max(0, i - 1)]!;
    const b = sorted[Math.min(sorted.length - 1, i + 1)]!;
    const [c, d] = goldenSection(margin, a, b, deadline);
    const found = failsAt([...new Set([...(tie === null ? [] : [tie]), c, d, best.t])].map(pointAt), left, rel, right, deadline, `found where every entry of ${base.values.get(key)!.label} is the same, moving that value toward where left − right is smallest`);
    probes += found.probes;
    if (found.failure) return { failure: found.failure, probes };
  }
  return { failure: null, probes };
}

/**
 * `0 < |g|`, `g^(2k) > 0` and the like (one side 0, the other |g|, √(g²) or an even power of
 * g): where g certainly changes sign along `key` on a bracket over which it has an enclosure
 * (so it is continuous there) and every assumption certainly holds on all of it, g is 0 at
 * some point inside, where the sides are equal. A counterexample at that bracket, or null.
 */
function evenPowerRoot(p: StepProblem, base: Point, key: string, rng: Rng, deadline: number): Counterexample | null {
  const left = p.left as Expr;
  const right = p.right as Expr;
  const zero = (e: Expr) => e.kind === 'Num' && e.value === '0';
  // (The side that must be the larger: left for >, right for <; the other must be 0.)
  const big = p.rel === '>' ? (zero(right) ? left : null) : zero(left) ? right : null;
  if (!big) return null;
  const evenPower = (e: Expr): Expr | null => {
    if (e.kind === 'Abs') return e.arg;
    if (e.kind === 'Call' && e.args.length === 1 && !e.fn.index && e.fn.primes === 0 && e.fn.base === 'abs') return e.args[0]!;
    if (e.kind === 'Binary' && e.op === '^') {
      const k = constantValue(e.right);
      if (k && k.isInteger() && k.n > 0n && k.n % 2n === 0n) return e.left;
    }
    if (e.kind === 'Call' && e.args.length === 1 && !e.fn.index && e.fn.primes === 0 && e.fn.base === 'sqrt') {
      const inner = e.args[0]!;
      return inner.kind === 'Binary' && inner.op === '^' && constantValue(inner.right)?.equals(Rational.of(2)) ? inner.left : null;
    }
    return null;
  };
  const g = evenPower(big);
  // (Scalars only: |v| of a vector is its norm, 0 at v = 0 alone.)
  if (!g || g.shape?.kind !== 'scalar') return null;
  const label = base.values.get(key)!.label;
  for (const wide of zerosAlong(base, key, g, deadline).filter((b) => b.certain && !b.at).slice(0, 3)) {
    if (now() > deadline) return null;
    // (Narrowed first: the middle of a wide bracket is no place to name.)
    const r = narrowBracket(base, key, g, ZERO_SCALAR, wide, deadline);
    const q = base.replacing(key, r.lo.add(r.hi).div(Rational.of(2)), rng);
    q.enclosures.set(key, [r.lo, r.hi]);
    q.deadline = deadline;
    if (!meetsAssumptionsExactly(q)) continue;
    // (Its exact place, where a short form names it: (x − π)² > 0 at π. The sides are
    // evaluated first, so that every name they read has its value here.)
    marginAt(q, left, right, 1);
    const exact = q.values.has(key) ? equalAtBottom(p, q, [key], 1e-24, rng, deadline) : null;
    if (exact) return exact;
    q.touched.clear();
    // (Both sides are 0 at that x: the values at the bracket's middle, 10⁻⁶⁵ and 0, would
    // read as sides that differ. They are evaluated all the same, for the names they read.)
    equalSides(q, left, right);
    const [lo, hi] = shownBracket(base, key, g, ZERO_SCALAR, r);
    return counterexample(q, '0', '0', `${printExpr(g)} changes sign between ${label} = ${lo} and ${hi} and is continuous there, so it is 0 at some ${label} in between, where the sides are equal`);
  }
  return null;
}

/** At most this many values of a bounded integer the step reads are each tried by periodicTies (half at each end of its range). */
const PERIODIC_INTEGER_VALUES = 8;

/** How far (in quarter turns, k of kπ/2) periodicTies looks on each side of a sine's turn nearest 0. */
const PERIODIC_REACH = 24;

/**
 * A strict bound whose sides meet where a sine or cosine of `key` turns: for each sin(a x + b)
 * and cos(a x + b) with a, b short rationals (read from doubles, so only a guide), the places
 * x = (kπ/2 − b)/a, |k| ≤ PERIODIC_REACH, where the sides are within 10⁻⁹ in doubles are tried
 * exactly (equalAtBottom: proved equal there, and inside the assumptions). A counterexample, or null.
 */
function periodicTies(p: StepProblem, base: Point, key: string, rng: Rng, deadline: number, seen: Set<string>): Counterexample | null {
  const left = p.left as Expr;
  const right = p.right as Expr;
  let tried = 0;
  // (And at each other value of an integer the step reads, where its bounds leave at most
  // PERIODIC_INTEGER_VALUES: cos(n x) < 1 under 1 ≤ n ≤ 4, 0 < x < 2 touches at n = 4,
  // x = π/2 only, and the base points may have n = 1 and 2.)
  const variants = [base];
  for (const [k, { value }] of base.values) {
    if (k === key || !base.isInteger(k) || !base.touched.has(k) || isMat(value)) continue;
    const bounds = base.prep.intervals.get(k);
    if (!bounds?.lo && !bounds?.hi) continue;
    // (Bounded on one side, the values nearest it; over a range of more, those at each end:
    // cos(n x) < 1 under 1 ≤ n ≤ 100, 0 < x < 0.07 touches at n ≥ 90 only.)
    const half = BigInt(PERIODIC_INTEGER_VALUES / 2);
    const lo = bounds.lo ? bounds.lo.ceil() : bounds.hi!.floor() - 2n * half + 1n;
    const hi = bounds.hi ? bounds.hi.floor() : lo + 2n * half - 1n;
    const values: bigint[] = [];
    for (let n = lo; n <= hi && n < lo + half; n++) values.push(n);
    for (let n = hi > lo + 2n * half ? hi - half + 1n : lo + half; n <= hi; n++) values.push(n);
    for (const n of values) {
      if (n === (value as Rational).n && (value as Rational).d === 1n) continue;
      const q = at(base, k, new Rational(n), rng, deadline);
      if (q) variants.push(q);
    }
  }
  const bounds = base.prep.intervals.get(key);
  for (const line of variants.flatMap((v) => periodicLines(p, v, key, rng, deadline).map((l) => ({ ...l, base: v })))) {
    const base = line.base;
    // (Another base point with the same line has the same places.)
    const id = `${key}|${printExpr(line.arg)}|${line.a.toString()}${line.aPi ? 'π' : ''}|${line.b.toString()}${line.bPi ? 'π' : ''}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const k0 = Math.round((lineNumbers(line)[1] * 2) / Math.PI);
    // (First the turns nearest the base point's own value, where the assumptions may hold the
    // scalar in a narrow window far out: sin x < 1 under |x − c| < 10⁻¹² with c within 10⁻⁴⁸ of
    // 4001π/2 was checked, the turns tried all near 0; a red team. Their k in rationals, with
    // π to 60 digits: past 10¹⁶ no double holds it.)
    const x0 = base.values.get(key)!.value as Rational;
    const k1 = nearestTurn(line, x0);
    const far = Math.abs(x0.toNumber()) >= 1e8;
    const nearValue = k1 + BigInt(k0) > BigInt(PERIODIC_REACH) || k1 + BigInt(k0) < -BigInt(PERIODIC_REACH) ? [k1, k1 - 1n, k1 + 1n] : [];
    const ks = [...nearValue, ...Array.from({ length: 2 * PERIODIC_REACH + 1 }, (_, j) => BigInt(-k0 + (j % 2 === 0 ? j / 2 : -(j + 1) / 2)))];
    for (const k of ks) {
      if (now() > deadline || tried >= 6) return null;
      // (Then nearest the turn at a x + b ≈ 0, alternating sides.)
      const x = periodicPoint(line, k);
      // (Not a place outside the key's own bounds, which would use up the tries.)
      if (bounds && outside(x, bounds)) continue;
      const near = base.replacing(key, x, rng);
      near.deadline = deadline;
      // (Past 10⁸ a sine's enclosure in doubles is [−1, 1] — its turn counts are told only so
      // far — and no margin can pick the place: the turns nearest the value go to the exact test.
      // The margin is still taken: evaluating the point draws its values.)
      const measured = marginAt(near, left, right, 1);
      const m = far && k >= k1 - 1n && k <= k1 + 1n ? 0 : measured;
      if (m === null || Math.abs(m) > 1e-9 || !near.values.has(key)) continue;
      tried++;
      const found = equalAtBottom(p, near, [key], 1e-24, rng, deadline, new Map([[key, periodicPlaceExpr(line, k, left.range)]]));
      if (found) return found;
    }
  }
  return null;
}

/**
 * A sine's or cosine's argument a·x + b along one scalar x: a and b rationals, each times π
 * where `aPi`/`bPi` say (cos(nπx), cos(n x + π)); a multiple of π for a only where b is one
 * too (or 0), so that every place is rational or a rational times π plus a rational.
 */
interface PeriodicLine {
  readonly arg: Expr;
  readonly a: Rational;
  readonly b: Rational;
  readonly aPi?: boolean;
  readonly bPi?: boolean;
}

/** A line's a and b as doubles. */
function lineNumbers(line: PeriodicLine): [number, number] {
  return [line.a.toNumber() * (line.aPi ? Math.PI : 1), line.b.toNumber() * (line.bPi ? Math.PI : 1)];
}

/**
 * The arguments a·x + b (x the scalar `key`, the other names at their values at `base`) of
 * the sines and cosines of a step, where a ≠ 0 and b are rationals: exact where the argument
 * is rational in the point's values, else with denominators ≤ 12 read off doubles at x = 0,
 * 1, 2 (at most 4 arguments). Where they turn, x = (kπ/2 − b)/a.
 */
function periodicLines(p: StepProblem, base: Point, key: string, rng: Rng, deadline: number,
  /** The expressions whose sines and cosines count (the step's sides where absent). */
  within: readonly Expr[] = [p.left as Expr, p.right as Expr]): PeriodicLine[] {
  const args = new Map<string, Expr>();
  for (const side of within) {
    visit(side, (x) => {
      if (x.kind === 'Call' && x.args.length === 1 && !x.fn.index && x.fn.primes === 0 && (x.fn.base === 'sin' || x.fn.base === 'cos')) args.set(printExpr(x.args[0]!), x.args[0]!);
    });
  }
  if (args.size === 0) return [];
  const short = (v: number): Rational | null => {
    if (!Number.isFinite(v)) return null;
    const r = Rational.parse(v.toPrecision(15));
    for (let d = 1n; d <= 12n; d++) {
      const n = r.mul(new Rational(d)).add(new Rational(1n, 2n)).floor();
      if (Math.abs(Number(n) / Number(d) - v) <= 1e-12 * Math.max(1, Math.abs(v))) return new Rational(n, d);
    }
    return null;
  };
  const argAt = (arg: Expr, x: number): number | null => {
    const q = base.replacing(key, Rational.of(x), rng);
    q.deadline = deadline;
    try {
      const v = q.evaluate(intervalField, arg);
      return isMat(v) ? null : (v as Interval).lo / 2 + (v as Interval).hi / 2;
    } catch {
      return null;
    }
  };
  // (Exactly, where the argument is rational in the point's values: sin(x + y) at y = 37/100
  // turns at π/2 − 37/100.)
  const argExactly = (arg: Expr, x: number): Rational | null => {
    const q = base.replacing(key, Rational.of(x), rng);
    q.deadline = deadline;
    try {
      const v = q.evaluate(exactField, arg);
      return isMat(v) ? null : (v as Rational);
    } catch {
      return null;
    }
  };
  const lines: PeriodicLine[] = [];
  for (const arg of [...args.values()].slice(0, 4)) {
    const [e0, e1, e2] = [argExactly(arg, 0), argExactly(arg, 1), argExactly(arg, 2)];
    if (e0 && e1 && e2) {
      const a = e1.sub(e0);
      if (!a.isZero() && e2.sub(e0).equals(a.mul(Rational.of(2)))) lines.push({ arg, a, b: e0 });
      continue;
    }
    const [v0, v1, v2] = [argAt(arg, 0), argAt(arg, 1), argAt(arg, 2)];
    if (v0 === null || v1 === null || v2 === null) continue;
    // (Linear in x: the third value on the line.)
    if (Math.abs(v2 - v0 - 2 * (v1 - v0)) > 1e-9 * Math.max(1, Math.abs(v2))) continue;
    const a = short(v1 - v0);
    const b = short(v0);
    const aPi = a ? null : short((v1 - v0) / Math.PI);
    const bPi = b && !b.isZero() ? null : short(v0 / Math.PI);
    if (a && !a.isZero() && b) lines.push({ arg, a, b });
    else if (a && !a.isZero() && bPi) lines.push({ arg, a, b: bPi, bPi: true });
    else if (aPi && !aPi.isZero() && bPi) lines.push({ arg, a: aPi, b: bPi, aPi: true, bPi: true });
    // (π x + 1: its turns are at (kπ − 2b)/(2a′π); sin(π x + 1) < 1 under 0 < x < 1 was unknown.)
    else if (aPi && !aPi.isZero() && b) lines.push({ arg, a: aPi, b, aPi: true });
  }
  return lines;
}

/** Where a line's sine or cosine turns for the k-th time, x = (kπ/2 − b)/a, in doubles. */
function periodicPlace(line: PeriodicLine, k: number): number {
  const [a, b] = lineNumbers(line);
  return ((k * Math.PI) / 2 - b) / a;
}

/**
 * An expression with each function's argument that is a rational function of π and e alone
 * whose quotient cancels (π((π − 2)/(2π)) + 1) written as that polynomial (π/2): a function of
 * equal arguments is equal, and π and e are not 0. For exactlyZero, whose identity test takes
 * such an argument only as a polynomial (a sine's turn x = (kπ − 2b)/(2a′π) put in).
 */
function polynomialArguments(e: Expr): Expr {
  const inner = mapChildren(e, (c) => polynomialArguments(c));
  if (inner.kind !== 'Call' || inner.args.length !== 1) return inner;
  // (Numbers, π and e under + − × ÷ and whole powers only: no factor that may be 0 cancels.)
  let plain = true;
  visit(inner.args[0]!, (x) => { if (!['Num', 'Const', 'Binary', 'Neg'].includes(x.kind)) plain = false; });
  if (!plain) return inner;
  const r = expandRational(inner.args[0]!, true);
  if (!r || r.den.size > 0) return inner;
  return { ...inner, args: [rationalFunctionExpr(r, inner.args[0]!.range)] };
}

/** π to 60 digits, for a far turn's place (periodicPoint). */
const PI_60 = Rational.parse('3.14159265358979323846264338327950288419716939937510582097494');

/**
 * periodicPlace as a rational point to probe: the double's 17 digits near 0; a far turn (|k| ≥
 * 64) with π to 60 digits, where k·π/2 in doubles is off by up to k·10⁻¹⁶ and may miss a narrow
 * window of the assumptions that holds the turn.
 */
function periodicPoint(line: PeriodicLine, k: bigint): Rational {
  if (k > -64n && k < 64n) return Rational.parse(periodicPlace(line, Number(k)).toPrecision(17));
  const a = line.aPi ? line.a.mul(PI_60) : line.a;
  const b = line.bPi ? line.b.mul(PI_60) : line.b;
  return new Rational(k, 2n).mul(PI_60).sub(b).div(a);
}

/** The k of a line's turn nearest x, round((a x + b)·2/π), in rationals with π to 60 digits. */
function nearestTurn(line: PeriodicLine, x: Rational): bigint {
  const a = line.aPi ? line.a.mul(PI_60) : line.a;
  const b = line.bPi ? line.b.mul(PI_60) : line.b;
  const t = a.mul(x).add(b).mul(Rational.of(2)).div(PI_60).add(new Rational(1n, 2n));
  return t.floor();
}

/** periodicPlace exactly, written (k/(2a))·π − b/a as on paper: π/2, 3π/2 − 1/5. */
function periodicPlaceExpr(line: PeriodicLine, k: number | bigint, range: Expr['range']): Expr {
  const scalar = { kind: 'scalar' } as const;
  // (b = b′π: x = ((k/2 − b′)/a)·π, or with a = a′π too the rational (k/2 − b′)/a′.)
  if (line.bPi) {
    const q = new Rational(BigInt(k), 2n).sub(line.b).div(line.a);
    return line.aPi || q.isZero() ? rationalExpr(q, range) : piTimes(q, range);
  }
  // (a = a′π, b rational: x = (kπ − 2b)/(2a′π).)
  if (line.aPi) {
    const pi: Expr = { kind: 'Const', name: 'pi', range, shape: scalar };
    const kPi: Expr = k === 1n || k === 1 ? pi : { kind: 'Binary', op: '*', left: rationalExpr(new Rational(BigInt(k)), range), right: pi, range, shape: scalar };
    const top: Expr = line.b.isZero() ? kPi : { kind: 'Binary', op: '-', left: kPi, right: rationalExpr(line.b.mul(Rational.of(2)), range), range, shape: scalar };
    const bottom: Expr = { kind: 'Binary', op: '*', left: rationalExpr(line.a.mul(Rational.of(2)), range), right: pi, range, shape: scalar };
    return { kind: 'Binary', op: '/', left: top, right: bottom, range, shape: scalar };
  }
  const c = new Rational(BigInt(k), 2n).div(line.a);
  const d = line.b.div(line.a);
  if (c.isZero()) return rationalExpr(d.neg(), range);
  const times = piTimes(c, range);
  // (28007π + 14, not 28007π − (−14).)
  if (d.isZero()) return times;
  return { kind: 'Binary', op: d.sign() < 0 ? '+' : '-', left: times, right: rationalExpr(d.sign() < 0 ? d.neg() : d, range), range, shape: scalar };
}

/** q·π (q ≠ 0) as written on paper: π/2, −π, 3π/4. */
function piTimes(q: Rational, range: Expr['range']): Expr {
  const scalar = { kind: 'scalar' } as const;
  const pi: Expr = { kind: 'Const', name: 'pi', range, shape: scalar };
  const top: Expr = q.n === 1n ? pi : q.n === -1n ? { kind: 'Neg', arg: pi, range, shape: scalar }
    : { kind: 'Binary', op: '*', left: rationalExpr(new Rational(q.n), range), right: pi, range, shape: scalar };
  return q.d === 1n ? top : { kind: 'Binary', op: '/', left: top, right: rationalExpr(new Rational(q.d), range), range, shape: scalar };
}

/**
 * Where a bound's descent (searchInequality) ended within `m` of equal sides at `cur`:
 * each scalar's exact value guessed (exactGuesses, to the digits the margin tells: about √m
 * from a quadratic bottom), and the sides compared exactly there (rational guesses) or, for a
 * strict bound, proved equal by exact expansion or the identity test (π/2, √2: the point then
 * holds each scalar as an enclosure and as its expression, Point.symbolic), else compared in
 * decimals there (a bound off by less than doubles see). A counterexample, or null.
 */
/**
 * `e` with each scalar call of a function `q` holds as a constant (an edge base's f ≡ 1), or of
 * a derivative of it that is constant (f' of a line), put as that number: the algebra at a
 * bottom's exact place sees the number the point evaluates, not an unknown f(x) (f(x) sin y
 * > −1 at f ≡ 1, y = −π/2).
 */
function constantCallsAt(e: Expr, q: Point): Expr {
  if (q.functions.size === 0) return e;
  const rec = (x: Expr): Expr => {
    if (x.kind === 'Call' && x.shape?.kind === 'scalar' && x.args.length === 1 && x.args[0]!.shape?.kind === 'scalar') {
      const inst = q.functions.get(printName({ ...x.fn, primes: 0 }));
      // (A constant that is a number such as π, as that number; its derivatives 0.)
      if (inst?.expr) return x.fn.primes > 0 ? rationalExpr(Rational.ZERO, x.range) : inst.expr;
      // (One scaled by such a number, at an argument with an exact value here: f = π·g with
      // g(a) = 1 and g(b) = −1 gives π·1 and π·(−1); `f(a) − f(b) < 2π` under |f| ≤ π.)
      if (inst?.exprAt) {
        let arg: Val<Rational> | null = null;
        try {
          arg = q.evaluate(exactField, x.args[0]!);
        } catch {
          arg = null;
        }
        const at = arg && !isMat(arg) ? inst.exprAt(arg, x.fn.primes) : null;
        if (at) return at;
      }
      // (Or whose derivative written is constant: f' of a line, f'(x) sin y > −1 at f = x.)
      if (inst && inst.sup?.(x.fn.primes + 1)?.isZero() === true) {
        try {
          const c = inst.apply(exactField, [Rational.ZERO], x.fn.primes, undefined);
          if (!isMat(c)) return rationalExpr(c, x.range);
        } catch {
          // (no exact constant: left as it is)
        }
      }
      // (Or a line, c₀ + c₁·t at its argument: f(x + π) − f(x) < π at f = x + 2; red team rt82.)
      if (inst && inst.sup?.(x.fn.primes + 2)?.isZero() === true) {
        try {
          const c0 = inst.apply(exactField, [Rational.ZERO], x.fn.primes, undefined);
          const c1 = inst.apply(exactField, [Rational.ZERO], x.fn.primes + 1, undefined);
          if (!isMat(c0) && !isMat(c1)) {
            const scalar = { kind: 'scalar' } as const;
            const arg = rec(x.args[0]!);
            return { kind: 'Binary', op: '+', left: rationalExpr(c0, x.range), right: { kind: 'Binary', op: '*', left: rationalExpr(c1, x.range), right: arg, range: x.range, shape: scalar }, range: x.range, shape: scalar };
          }
        } catch {
          // (no exact line: left as it is)
        }
      }
    }
    return mapChildren(x, rec);
  };
  return rec(e);
}

/**
 * e with every name put in as its value at q, for the algebra there: `given` first (places
 * written exactly, x = π/4), then a name one substitution among the assumptions or one
 * definition gives as that body (`assume y = π/2 − x`: y is π/2 − π/4 at x = π/4, not the
 * rational the point holds for it), else the point's exact rational value. Null where a name
 * is left with none (a vector, an enclosure).
 */
function atValues(e: Expr, q: Point, given: ReadonlyMap<string, Expr>): Expr | null {
  const values = new Map(given);
  let out = e;
  // (A body reads other names: put in again, 8 rounds at most.)
  for (let round = 0; round < 8; round++) {
    const free = freeNames(out);
    if (free.length === 0) return out;
    for (const v of free) {
      const name = printName(v.name);
      if (values.has(name)) continue;
      const found = v.name.index ? null : q.prep.lookup(v);
      const body = found && !found.index && !q.overrides.has(found.info.key)
        ? q.prep.plainDefinition(found.info.key) ?? q.prep.onlySubstitution(found.info.key)
        : null;
      if (body) {
        values.set(name, body);
        continue;
      }
      const key = [...q.values.keys()].find((k) => q.values.get(k)!.label === name);
      const x = key === undefined ? null : q.values.get(key)!.value;
      if (!x || isMat(x) || q.enclosures.has(key!)) return null;
      values.set(name, rationalExpr(x as Rational, e.range));
    }
    out = substitute(out, values);
  }
  return freeNames(out).length === 0 ? out : null;
}

function equalAtBottom(p: StepProblem, cur: Point, keys: readonly string[], m: number, rng: Rng, deadline: number,
  /**
   * Places known for some keys (a multiple of π/2 where a sine turns): tried first, before
   * the guesses; where every key has one, only those are tried.
   */
  given?: ReadonlyMap<string, Expr>,
  /** Told each exact place that meets the assumptions where a strict bound's sides agree at every precision tried but are not proved equal (e^(x + y) < e^√2 at x = y = √(1/2)): a doubt. */
  onTight?: (q: Point) => void): Counterexample | null {
  const left = p.left as Expr;
  const right = p.right as Expr;
  const rel = p.rel as RelOp;
  // (A bound that is not strict holds where the sides are equal: only a place where they
  // differ on the wrong side, by less than doubles see, refutes it, told in decimals there.)
  const strict = rel === '<' || rel === '>' || rel === '≠';
  // (A kink's bottom is about m from the place, a smooth one about √m: guessed at both. A
  // margin of 0 or −0 in doubles is one below their resolution, ~10⁻¹⁷, not one of 10⁻³²:
  // xy(1 − x − y) < 1/27 ended at (0.333333337, 0.333333331), 8 digits from (1/3, 1/3).)
  const floor = m <= 0 ? 1e-17 : 1e-32;
  const linear = Math.max(5, Math.min(12, Math.floor(-Math.log10(Math.max(m, floor))) - 1));
  const quadratic = Math.max(5, Math.min(12, Math.floor(-Math.log10(Math.sqrt(Math.max(m, floor)))) - 1));
  const only = given !== undefined && keys.every((k) => given.has(k));
  const options = keys.filter((k) => !k.includes('@')).slice(0, 4).map((key) => {
    const v = cur.values.get(key)!.value as Rational;
    const seen = new Set<string>();
    const place = given?.get(key);
    // (A place far from 1 in size is guessed at its size's power of ten too, scaled back: x = y =
    // √2/200 on x² + y² ≤ 10⁻⁴ is √(1/2)·10⁻², outside every family at its own size; rt110.)
    const size = Math.floor(Math.log10(Math.abs(v.toNumber())));
    const scale = Number.isFinite(size) && Math.abs(size) >= 2 && Math.abs(size) <= 300 ? size : 0;
    const ten = tenTo(scale, left.range);
    const scaled = only || scale === 0 ? [] : [...new Set([linear, quadratic])].flatMap((d) => exactGuesses(v.div(new Rational(10n, 1n).pow(BigInt(scale))), left.range, d, true).slice(0, 3))
      .map((c): Expr => ({ kind: 'Binary', op: '*', left: c, right: ten, range: left.range, shape: { kind: 'scalar' } }));
    const guesses = only ? [] : [...scaled, ...[...new Set([linear, quadratic])].flatMap((d) => exactGuesses(v, left.range, d, true).slice(0, 6))];
    const cs = [...(place ? [place] : []), ...guesses].filter((c) => !seen.has(printExpr(c)) && seen.add(printExpr(c)));
    // (A bound that is not strict, at an excluded end of its scalar: the place itself is outside
    // the assumptions, and the bound fails just inside it, 10⁻⁶⁰ of its size in: sin x cos y ≤
    // 1 − 10⁻⁴⁰ under 0 ≤ x < π/2, a cos b ≤ 1 − 10⁻⁴⁰ under 0 ≤ a < 1; red team rt80.)
    const iv = cur.prep.intervals.get(key);
    if (!strict && iv && cs.length > 0) {
      const x = v.toNumber();
      const near = (end: Rational | null | undefined) => end !== null && end !== undefined && Math.abs(x - end.toNumber()) <= 1e-9 * (1 + Math.abs(end.toNumber()));
      // (10⁻⁶⁰ as written, so the counterexample reads x = π/2 − 10^(-60); scalars up to 10 only.)
      const r = left.range;
      const step = tenTo(-60, r);
      const inside = (c: Expr, op: '+' | '-'): Expr => ({ kind: 'Binary', op, left: c, right: step, range: r, shape: { kind: 'scalar' } });
      if (Math.abs(x) <= 10 && near(iv.hi) && !iv.hiClosed) cs.splice(1, 0, inside(cs[0]!, '-'));
      if (Math.abs(x) <= 10 && near(iv.lo) && !iv.loClosed) cs.splice(1, 0, inside(cs[0]!, '+'));
    }
    return { key, label: cur.values.get(key)!.label, cs: cs.slice(0, 8) };
  }).filter((o) => o.cs.length > 0);
  if (options.length === 0) return null;
  // (Fewer where the bound is not strict: a tight valley, cos(x − y) ≤ 1, ends its descent
  // within 10⁻⁸ at every place along it, and the sides are then only compared there.)
  const combos = guessCombinations(options, strict ? 64 : 16);
  const ctx = identityContext(p);
  const levels = allLevels();
  const moved = options.map((o) => o.label).join(', ');
  for (const at of combos) {
    if (now() > deadline) return null;
    const exact = at.map(({ key, c }) => [key, constantValue(c)] as const);
    /** The point at exact rational places, where it meets the assumptions (no symbolic point is needed there). */
    let rationalPlace: Point | null = null;
    if (exact.every(([, v]) => v !== null)) {
      let q = cur;
      for (const [k, v] of exact) q = q.replacing(k, v!, rng);
      q.deadline = deadline;
      let meets = false;
      try {
        meets = q.satisfiesAssumptions(levels, true);
      } catch {
        meets = false;
      }
      const redrawn = meets || q.unevaluatedAssumption ? null : redrawBystanders(q, rng, deadline);
      if (redrawn) [q, meets] = [redrawn, true];
      // (Outside the assumptions; or, where an unevaluable one is why, a doubt if the step
      // fails or ties there: decided below.)
      if (!meets && !q.unevaluatedAssumption) continue;
      q.touched.clear();
      const o = decideAt(q, left, rel, right, levels);
      if (!meets) {
        if (o.kind === 'fails') unevaluatedPlace ??= q;
        if (o.kind !== 'undecided') continue;
      } else if (o.kind === 'fails') {
        const [l, r] = formatSides(o.F, o.left, o.right);
        return counterexample(q, l, r, options.length > 1 ? `found by moving ${moved} together toward where left − right is smallest, to its exact place` : `found where left − right turns along ${moved}, at its exact place`);
      }
      // (Sides no precision tells apart at a rational point, x e^(−x) and 1/e at 1: proved
      // equal by algebra, below.)
      if (o.kind !== 'undecided') continue;
      // (Not strict: every precision was tried at this rational place already.)
      if (!strict) continue;
      if (meets) rationalPlace = q;
    }
    // (The other names the sides read are put in at their values.)
    const written: Expr = { kind: 'Binary', op: '-', left: unfolded(left, p), right: unfolded(right, p), range: left.range, shape: { kind: 'scalar' } };
    const diff = constantCallsAt(written, cur);
    const zero = atValues(diff, cur, new Map<string, Expr>(at.map(({ label, c }) => [label, c])));
    if (!zero) continue;
    const equal = strict && exactlyZero(zero, ctx, `${p.salt}|bottom|${printExpr(zero)}`, deadline);
    // (At a rational place the point is exact already: log t against log 40 at the integer 40,
    // whose symbolic point, an enclosure of an integer, met no assumption — red team rt66.)
    let q = equal && rationalPlace ? rationalPlace : symbolicPoint(cur, at, rng);
    if (!q) continue;
    // (The constants put in for functions are the place's own: an instance scaled onto a bound
    // that reads a scalar the place moves is another function there.)
    if (diff !== written) {
      q.touched.clear();
      try {
        q.evaluate(intervalField, written);
      } catch {
        continue;
      }
      if (printExpr(constantCallsAt(written, q)) !== printExpr(diff)) continue;
    }
    q.deadline = deadline;
    let meets = false;
    try {
      meets = q.satisfiesAssumptions(levels, true, true);
    } catch {
      meets = false;
    }
    const redrawn = meets || q.unevaluatedAssumption ? null : redrawBystanders(q, rng, deadline, true);
    if (redrawn) [q, meets] = [redrawn, true];
    // (Proved equal where an unevaluable assumption may exclude the place: a doubt.)
    if (!meets) {
      if (equal && q.unevaluatedAssumption) unevaluatedPlace ??= q;
      continue;
    }
    q.touched.clear();
    // Not equal there, but maybe on the wrong side by less than the doubles could see
    // (sin x + 1/sin x > 2 + 10⁻⁶⁰ at π/2): decided in decimals on the place's enclosure.
    if (!equal) {
      const o = decideAt(q, left, rel, right, decimalLevels(), undefined, true);
      if (o.kind === 'fails') {
        const [l, r] = formatSides(o.F, o.left, o.right);
        return counterexample(q, l, r, options.length > 1 ? `found by moving ${moved} together toward where left − right is smallest, to its exact place` : `found where left − right turns along ${moved}, at its exact place`);
      }
      if (o.kind === 'undecided' && strict) onTight?.(q);
      continue;
    }
    // (Proved equal by algebra, which treats log(−1) or a 0/0 as any other atom or quotient:
    // the sides must also have values there, by their enclosures.)
    // (Proved equal: both sides print as the one whose enclosure is narrower, so they read alike.)
    const shown = equalSides(q, left, right);
    if (shown === null) continue;
    const where = at.map(({ label, c }) => `${label} = ${printExpr(c)}`).join(', ');
    const how = options.length > 1 ? `found by moving ${moved} together toward where left − right is smallest` : `found where left − right turns along ${moved}`;
    return counterexample(q, shown, shown, `the sides are equal at ${where} exactly (left − right is 0 there by exact algebra), so '${rel}' fails; ${how}`);
  }
  return null;
}

/** 10^k as written, `10^(-60)` rather than a rational of 61 digits, so a counterexample reads as it was built. */
function tenTo(k: number, range: Expr['range']): Expr {
  const num = (t: string): Expr => ({ kind: 'Num', value: t, range, shape: { kind: 'scalar' } });
  const exponent: Expr = k < 0 ? { kind: 'Neg', arg: num(String(-k)), range, shape: { kind: 'scalar' } } : num(String(k));
  return { kind: 'Binary', op: '^', left: num('10'), right: exponent, range, shape: { kind: 'scalar' } };
}

/**
 * An equation in integer indices tried far past where they are sampled (the ladder below),
 * scalar steps only: a sum or recurrence that agrees up to 13 and then parts
 * (t(t+1)/2 + t(t−1)⋯(t−13)) is found.
 */
export function integerLadder(p: StepProblem, base: Point, rng: Rng, deadline: number): Counterexample | null {
  if (matrixKeys(base).length > 0) return null;
  const left = p.left as Expr;
  const right = p.right as Expr;
  // Exact values first (a difference of 10⁻⁶⁰ relative, 2^{t²} + t(t − 1)⋯(t − 15) against
  // 2^{t²}, shows only there), each rung within LADDER_EXACT_MS; past that (Var[v_t] of a
  // running average at t + 256 is a polynomial of 33,000 terms in 200-digit rationals:
  // seconds a rung), enclosures for the rest, which show any difference doubles or 50 digits see.
  const levels = allLevels();
  const enclosures = [intervalField, decimalLevels()[0]!] as ReturnType<typeof allLevels>;
  let exact = true;
  const boundaries = definitionBoundaries(p);
  const farDecimals = readsRecurrence(p) && scalarRecurrences(p);
  for (const key of scalarKeys(base).filter((k) => base.isInteger(k))) {
    const start = base.values.get(key)!.value as Rational;
    const ladder = ladderOf(p, start);
    const sumRungs = sumRungsOf(ladder, start);
    /** A far rung not decided (an equation in doubles is at best provisional): the sum ladder's rungs are not tried. */
    let farDoubt = false;
    for (const x of [...ladder, ...boundaries, ...doublingRungs(p, start)]) {
      if (now() > deadline) return null;
      if (farDoubt && sumRungs.has(x.toString())) continue;
      const q = at(base, key, x, rng, deadline);
      if (!q) continue;
      q.touched.clear();
      let o: ReturnType<typeof decideAt> | null = null;
      if (exact) {
        q.deadline = Math.min(deadline, now() + LADDER_EXACT_MS);
        try {
          o = decideAt(q, left, p.rel as RelOp, right, levels);
        } catch (err) {
          if (!(err instanceof Signal)) throw err;
          exact = false;
        } finally {
          q.deadline = deadline;
        }
      }
      try {
        // (A far rung in doubles only: 16,384 terms of q^{t−i} in 50-digit decimals take seconds.)
        // (A scalar recurrence's members at 4096 in 50 digits take milliseconds: F_1259 > 1.617^1259
        // is past doubles' range.)
        o ??= decideAt(q, left, p.rel as RelOp, right, x.cmp(start.add(Rational.of(300))) > 0 && !farDecimals ? [intervalField] as ReturnType<typeof allLevels> : enclosures);
      } catch (err) {
        // A rung the evaluator cannot take (E[…] of too many terms) finds nothing; farther ones cannot either.
        if (err instanceof Signal) break;
        throw err;
      }
      if (x.cmp(start.add(FAR_RUNG)) > 0 && o.kind !== 'holds' && o.kind !== 'fails') farDoubt = true;
      if (o.kind === 'fails') {
        const [l, r] = formatSides(o.F, o.left, o.right);
        return counterexample(q, l, r, `found past the sampled values of ${base.values.get(key)!.label}`);
      }
      // The domain rule there too: a recurrence that divides by t − 20 has no value from 20 on.
      if (o.kind === 'right-undefined') {
        const l = formatValue(o.F, o.left);
        return counterexample(q, l, 'undefined', `the right side is undefined here (${o.reason}) but the left is ${l}; found past the sampled values of ${base.values.get(key)!.label}`);
      }
    }
  }
  return null;
}

/**
 * Whether a comparison holds at every value of `key` on the given pieces of its line, by
 * enclosures (doubles, then 50 and 100 digits), a piece no enclosure decides split in two, at
 * most PIECES in all: a rigorous "no failure here", or false.
 */
function holdsAcross(base: Point, key: string, left: Expr, rel: RelOp, right: Expr, first: readonly [Rational, Rational][], rng: Rng, deadline: number): boolean {
  const levels = [intervalField, ...decimalLevels().slice(0, 2)] as ReturnType<typeof allLevels>;
  const queue = first.filter(([lo, hi]) => lo.cmp(hi) < 0);
  for (let used = 0; queue.length > 0; used++) {
    if (used >= PIECES || now() > deadline) return false;
    const [lo, hi] = queue.pop()!;
    const q = enclosurePoint(base, key, { lo, hi, at: null, certain: false }, rng, deadline);
    if (!q) return false;
    q.touched.clear();
    let o: ReturnType<typeof decideAt>;
    try {
      o = decideAt(q, left, rel, right, levels);
    } catch {
      return false;
    }
    if (o.kind === 'holds') continue;
    if (o.kind !== 'undecided') return false;
    const mid = lo.add(hi).div(Rational.of(2));
    queue.push([lo, mid], [mid, hi]);
  }
  return true;
}

/** Pieces holdsAcross evaluates, at most. */
const PIECES = 64;

/**
 * The step's own far magnitudes: where it has a constant beyond the sizes sampling reaches
 * (|c| > 10⁸; drawn values stop near 10¹⁰), each real scalar it reads at ±2|c|, one at a time
 * and all together; for one below 10⁻⁸, at ±2/c and ±2/√c, in decimals. `max(x, 10¹²) = 10¹²`
 * changes its truth at x = 10¹², and was checked.
 */
export function magnitudeSearch(p: StepProblem, base: Point, rng: Rng, deadline: number): Counterexample | null {
  if (matrixKeys(base).length > 0) return null;
  const constants = stepConstants(p, deadline);
  const logs = logScales(p);
  const far = [...constants.far, ...logs.far];
  const tiny = [...constants.tiny, ...logs.tiny];
  // A tiny constant c sets a far scale too: √(x² + 1) − |x| ≥ 10⁻³⁰ fails past 1/(2c), and
  // x/√(1 + x²) ≤ 1 − 10⁻⁴⁰ past 1/√(2c): probed at 1/c and 1/√c (to two digits); and a tiny
  // scale, probed at c itself: σ(log x) ≥ 10^(−500) under x > 0 fails below 10^(−500).
  // (1/√c in doubles: below 10⁻³⁰⁰ there is none.)
  const sizes = [...far, ...tiny.flatMap((c) => {
    const root = 1 / Math.sqrt(c.toNumber());
    return [Rational.ONE.div(c), ...(Number.isFinite(root) ? [Rational.parse(root.toPrecision(2))] : []), c.div(Rational.of(4))];
  }), ...logs.nearTiny, ...logs.slow];
  if (sizes.length === 0) return null;
  const keys = scalarKeys(base).filter((k) => !base.isInteger(k));
  if (keys.length === 0) return null;
  // (With a tiny constant, in decimals: doubles round 1 − 10⁻⁴⁰ to 1, and hold only provisionally.)
  const levels = tiny.length > 0 ? decimalLevels() : allLevels();
  const probes: (readonly [string, Val<Rational>])[][] = [];
  for (const m of sizes) {
    for (const x of [m.mul(Rational.of(2)), m.mul(Rational.of(-2))]) {
      for (const k of keys) probes.push([[k, x]]);
      if (keys.length > 1) probes.push(keys.map((k) => [k, x] as const));
    }
  }
  for (const entries of probes.slice(0, MAGNITUDE_PROBES)) {
    if (now() > deadline) return null;
    const q = atAll(base, entries, rng, deadline);
    const found = q && probeFailure(p, q, levels, 'found far out, at twice the size of a constant in the step or of its reciprocal');
    if (found) return found;
  }
  return p.rel === '≠' && logs.slow.length > 0 ? farRootSearch(p, base, keys, rng, deadline) : null;
}

/** The exponents k of the rungs ±10^k farRootSearch steps along, each side of 0. */
const FAR_RUNGS = [-2900, -1000, -400, -300, 0, 300, 400, 1000, 2900];

/**
 * A `≠` whose sides are equal only past the doubles' range, with a logarithm, root or
 * fractional power in it: x^(1/1000) ≠ 3 at 3^1000 ≈ 10^477, log x ≠ 750 at e^750 (red team
 * rt124: both checked). Along each real scalar, left − right in 60-digit decimals at ±10^k for
 * the FAR_RUNGS; where it certainly changes sign between two rungs next to each other, the
 * bracket is halved (in the exponent, then in the value) while the signs stay certain, and the
 * sides are equal somewhere in it if an enclosure over all of it has a value (continuity:
 * crossesOn), at a point the assumptions hold on all of the bracket.
 */
function farRootSearch(p: StepProblem, base: Point, keys: readonly string[], rng: Rng, deadline: number): Counterexample | null {
  const left = p.left as Expr;
  const right = p.right as Expr;
  const ten = (k: number): Rational => (k >= 0 ? new Rational(10n ** BigInt(k)) : new Rational(1n, 10n ** BigInt(-k)));
  for (const key of keys) {
    for (const sign of [1, -1] as const) {
      const at = (x: Rational): Rational => (sign === 1 ? x : x.neg());
      const signs = FAR_RUNGS.map((k) => (now() > deadline ? null : signIn60(base, key, left, right, at(ten(k)))));
      // (A rung with no certain sign may be where the sides are equal exactly: √x ≠ 10^200 at 10^400.)
      for (let i = 0; i < FAR_RUNGS.length; i++) {
        if (signs[i] !== null || now() > deadline) continue;
        const q = atAll(base, [[key, at(ten(FAR_RUNGS[i]!))]], rng, deadline);
        const found = q && probeFailure(p, q, allLevels(), 'found far out, at a power of ten');
        if (found) return found;
      }
      // (Between rungs with certain signs next to each other, past one whose sign is not
      // certain: log(1 + 1/x) ≠ 10^(−400) is 0 near 10^400, where 60 digits cannot tell.)
      const certain = FAR_RUNGS.flatMap((k, i) => (signs[i] ? [{ k, sign: signs[i]! }] : []));
      for (let i = 0; i + 1 < certain.length; i++) {
        const [u, v] = [certain[i]!.sign, certain[i + 1]!.sign];
        if (u === v) continue;
        // (In the exponent first: [10^400, 10^1000] to [10^477, 10^478].)
        let [a, b] = [certain[i]!.k, certain[i + 1]!.k];
        while (b - a > 1 && now() <= deadline) {
          const m = Math.floor((a + b) / 2);
          const s = signIn60(base, key, left, right, at(ten(m)));
          if (s === null) break;
          if (s === u) a = m;
          else b = m;
        }
        let [lo, hi] = [ten(a), ten(b)];
        for (let k = 0; k < 40 && now() <= deadline; k++) {
          const mid = lo.add(hi).div(Rational.of(2));
          const s = signIn60(base, key, left, right, at(mid));
          if (s === null) break;
          if (s === u) lo = mid;
          else hi = mid;
        }
        const [x0, x1] = sign === 1 ? [lo, hi] : [hi.neg(), lo.neg()];
        if (now() > deadline || !crossesOn(base, key, left, right, x0, x1)) continue;
        const r: Bracket = { lo: x0, hi: x1, at: null, certain: true };
        const shown = enclosurePoint(base, key, r, rng, deadline);
        if (!shown) continue;
        shown.touched.clear();
        const value = equalSides(shown, left, right) ?? '?';
        const label = base.values.get(key)!.label;
        const [from, to] = shownBracket(base, key, left, right, r);
        return counterexample(shown, value, value, `left − right changes sign between ${label} = ${from} and ${to} and is continuous there, so the sides are equal at some ${label} in between`);
      }
    }
  }
  return null;
}

/**
 * Scales past the doubles' range: where a step or its assumptions take a logarithm, e^(±c) of
 * each constant c it compares with, 50 ≤ |c| ≤ 6,600 (`log x > −1000` under x > 0 fails below
 * e^(−1000) ≈ 10^(−434.3), past every double the search along x reaches; past 10^2900 no exact
 * point is made); and the step's exact constant powers below 10^(−300) (10^(−500)), as tiny ones.
 */
function logScales(p: StepProblem): { far: Rational[]; tiny: Rational[]; nearTiny: Rational[]; slow: Rational[] } {
  // (The assumptions' logarithms too: under log x > −7000, x > 10^(−3040) fails just above e^(−7000).)
  const sides = [unfolded(p.left as Expr, p), unfolded(p.right as Expr, p), ...p.prep.checks.flatMap((c) => formulaExprs(c.formula))];
  let logarithm = false;
  /** A root or fractional power of a variable (x^(1/1000) ≤ 10 fails past 10^1000). */
  let root = false;
  const sizes = new Set<number>();
  /** Exact constants below the doubles' range (10^(−500)), which extremeConstants reads as 0. */
  const deep = new Map<string, Rational>();
  for (const side of sides) {
    visit(side, (x) => {
      if (x.kind === 'Call' && (x.fn.base === 'log' || x.fn.base === 'ln')) logarithm = true;
      if (x.kind === 'Call' && x.fn.base === 'sqrt' && freeNames(x).length > 0) root = true;
      if (x.kind === 'Binary' && x.op === '^' && freeNames(x.left).length > 0) {
        const k = constantValue(x.right);
        if (k && !k.isInteger()) root = true;
      }
      if (x.kind === 'Num') {
        const m = Math.abs(Number(x.value));
        if (m >= 50 && m <= 1e4) sizes.add(m);
      }
      if (x.kind === 'Binary' && x.op === '^' && deep.size < 2 && freeNames(x).length === 0) {
        const q = constantValue(x);
        const size = q && (q.sign() < 0 ? q.neg() : q);
        if (size && !size.isZero() && size.d > 10n ** 300n && size.d < 10n ** 4000n && size.n < 10n ** 20n) deep.set(size.toString(), size);
      }
    });
  }
  // e^(±m) to two digits, as d·10^(±k): probed (magnitudeSearch probes at twice a size) just
  // inside and well past each, as a window there may be narrow (log x > −805 under
  // x > 10^(−350) fails only on (10^(−350), 2.5·10^(−350)); x < 10^3040 under log x < 7000 on
  // (10^3040, 1.15·10^3040)).
  // (Within exact arithmetic's reach: 10^3000 is about its last power of ten, Rational's limit.)
  const scales = logarithm ? [...sizes].filter((m) => m * Math.LOG10E < 2900).slice(0, 2).map((m) => {
    const exponent = m * Math.LOG10E;
    const k = Math.floor(exponent);
    const lead = Rational.parse((10 ** (exponent - k)).toPrecision(2));
    return { up: lead.mul(new Rational(10n ** BigInt(k))), down: new Rational(1n, 10n ** BigInt(k)).div(lead) };
  }) : [];
  const half = (q: Rational, by: number): Rational => q.mul(Rational.parse(String(by / 2)));
  // (A logarithm, root or fractional power grows so slowly that it passes a bound only beyond
  // the doubles' range whatever constants the step writes: x^(1/1000) ≤ 10 fails past 10^1000,
  // √x ≤ 10^200 past 10^400, and both were checked. Probed at 10^400, 10^1000 and 10^2900, and
  // at their reciprocals, where a logarithm or a negative power grows as fast toward 0.)
  // (Last among the probes: MAGNITUDE_PROBES counts from the step's own constants.)
  const powers = logarithm || root ? [400n, 1000n, 2900n] : [];
  return {
    far: scales.flatMap(({ up }) => [half(up, 0.95), half(up, 2)]),
    tiny: [...scales.map(({ down }) => down), ...deep.values()],
    nearTiny: scales.flatMap(({ down }) => [half(down, 1.05), half(down, 0.5)]),
    slow: powers.flatMap((k) => [Rational.of(10n ** k), new Rational(1n, 10n ** k)]),
  };
}

/**
 * The step decided at a probe point inside the assumptions: its counterexample (noting
 * `where` it was found) where it fails there, or, for `=`, where the right side has no
 * value and the left has one (the domain rule); else null.
 */
export function probeFailure(p: StepProblem, q: Point, levels: ReturnType<typeof allLevels>, where: string,
  /** Told where the sides could not be told apart at any precision (the point is then no evidence either way). */
  onUndecided?: () => void): Counterexample | null {
  q.touched.clear();
  let o: ReturnType<typeof decideAt>;
  try {
    o = decideAt(q, p.left as Expr, p.rel as RelOp, p.right as Expr, levels);
    // (Held only within doubles, which sampling confirms later at a few points, and a probe
    // never: told in decimals here. f(x + π) − f(x) ≤ π − 10⁻²⁰ under |f'| ≤ 1 was checked, the
    // line f = x + 2 tying its sides in doubles; red team rt80.)
    if (o.kind === 'provisional') o = decideAt(q, p.left as Expr, p.rel as RelOp, p.right as Expr, decimalLevels(), undefined, true);
  } catch (err) {
    if (err instanceof Signal) return null;
    throw err;
  }
  if (o.kind === 'undecided') onUndecided?.();
  if (o.kind === 'fails') {
    const [l, r] = formatSides(o.F, o.left, o.right);
    return counterexample(q, l, r, where);
  }
  if (o.kind === 'right-undefined' && p.rel === '=') {
    const l = formatValue(o.F, o.left);
    return counterexample(q, l, 'undefined', `the right side is undefined here (${o.reason}) but the left is ${l}; ${where}`);
  }
  return null;
}

/**
 * The kinks of a step's sides: along each real scalar it reads, the roots and turns of each
 * argument of |·| and of each difference of two arguments of max or min, and points beside
 * them. `max(|x − 1/3|, 1/10) = |x − 1/3|` fails only on (7/30, 13/30), which the sampled
 * points missed, and is false at x = 1/3.
 */
export function kinkSearch(p: StepProblem, base: Point, rng: Rng, deadline: number): Counterexample | null {
  if (matrixKeys(base).length > 0) return null;
  const left = p.left as Expr;
  const right = p.right as Expr;
  const kinks = kinkParts([unfolded(left, p), unfolded(right, p)]).slice(0, KINKS);
  if (kinks.length === 0) return null;
  const keys = scalarKeys(base).slice(0, 3);
  const levels = allLevels();
  const tried = new Set<string>();
  // Closer to a root than doubles come only where the step's constants are that fine (or
  // that large): otherwise the failures beside a kink are as wide as the points beside it.
  const extreme = stepConstants(p, deadline);
  const exponents = polishExponents(extreme);
  let polishing = exponents.length > 0 ? POLISHED_ROOTS : 0;
  /** Per scalar, the kink points found along it (exact roots, then the closest polished ones), for the probe of all together. */
  const atKinks = new Map<string, Rational[]>();
  const fine = new Set<Rational>();
  for (const g of kinks) {
    const reads = new Set(freeNames(g).map((v) => base.prep.keyOfName(v.name)));
    for (const key of keys) {
      if (now() > deadline) return null;
      if (!reads.has(key.split('@')[0]!)) continue;
      const b = boundariesAlong(base, key, g, ZERO_SCALAR, deadline);
      // (And halfway to a bound of the scalar that lies closer to the kink than the points
      // beside it: |x| = x under x > −10⁻²⁰ fails only on (−10⁻²⁰, 0).)
      const bounds = base.prep.intervals.get(key);
      const strip: Rational[] = [];
      for (const r of [...b.roots, ...b.extrema]) {
        const c = r.at ?? r.lo.add(r.hi).div(Rational.of(2));
        const near = (c.sign() < 0 ? c.neg() : c).add(Rational.ONE).div(Rational.of(1000));
        for (const end of [bounds?.lo, bounds?.hi]) {
          if (!end || end.equals(c)) continue;
          const d = end.sub(c);
          if ((d.sign() < 0 ? d.neg() : d).cmp(near) < 0) strip.push(c.add(end).div(Rational.of(2)));
        }
      }
      // Irrational roots, and turns where g may touch 0 without crossing (|sin x − 1|), closed
      // in on in decimals. (A point within 10⁻²⁵ of one is decided in decimals: in doubles it
      // is rounded, and holds there only provisionally.)
      // (Two roots and one turn of each argument at most, nearest the drawn value first: the
      // periodic roots of cos x took the whole budget, and y's kink in |cos x| + |y − √2| none.)
      const near = (r: Bracket) => Math.abs(r.lo.toNumber() - (base.values.get(key)?.value as Rational).toNumber());
      const nearest = (rs: readonly Bracket[], k: number) => rs.filter((r) => r.certain && !r.at).sort((u, v) => near(u) - near(v)).slice(0, k);
      const open = [...nearest(b.roots, 2), ...nearest(b.extrema, 1)].slice(0, polishing);
      const polished = open.length > 0 ? polishedPoints(base, key, g, b.roots.filter((r) => open.includes(r)), b.extrema.filter((r) => open.includes(r)), exponents, deadline) : [];
      polishing -= open.length;
      for (const x of polished) fine.add(x);
      // (An exact root, else the points closing in on the first irrational root or turn, nearest last.)
      const exactRoot = b.roots.find((r) => r.at)?.at;
      const kinkPoints = exactRoot ? [exactRoot] : polished.slice(0, exponents.length);
      if (kinkPoints.length > 0 && !atKinks.has(key)) atKinks.set(key, kinkPoints);
      for (const x of [...probesFrom(b, base.isInteger(key), rng).slice(0, 12), ...strip.slice(0, 4), ...polished]) {
        if (now() > deadline) return null;
        const seen = `${key}=${x.toString()}`;
        if (tried.has(seen)) continue;
        tried.add(seen);
        const q = at(base, key, x, rng, deadline);
        const found = q && probeFailure(p, q, fine.has(x) ? decimalLevels() : levels, `found at a kink of the step (where an argument of |·| is 0 or two of max or min tie), along ${base.values.get(key)?.label ?? key}`);
        if (found) return found;
      }
    }
  }
  // Every scalar at a kink at once: |x − √3| + |y| ≥ 10⁻⁴⁰ fails only at x = √3, y = 0, and no
  // search along one scalar reaches it (the other is where it was drawn).
  // (Closest to each kink last: the first point that fails is the shortest to print.)
  if (atKinks.size > 1) {
    const depth = Math.max(...[...atKinks.values()].map((xs) => xs.length));
    for (let d = 0; d < depth; d++) {
      if (now() > deadline) return null;
      const entries = [...atKinks].map(([key, xs]) => [key, xs[Math.min(d, xs.length - 1)]!] as const);
      const q = atAll(base, entries, rng, deadline);
      const found = q && probeFailure(p, q, entries.some(([, x]) => fine.has(x)) ? decimalLevels() : levels, 'found at kinks of the step along every scalar at once (where arguments of |·| are 0 or two of max or min tie)');
      if (found) return found;
    }
  }
  return null;
}

/** Kinks kinkSearch looks at, at most. */
const KINKS = 6;

/** How close (10^(−k) of its size) kinkSearch closes in on an irrational root, step by step (and past 90 as the step's constants need). */
const POLISH_EXPONENTS = [25, 50, 90];

/** The closest kinkSearch closes in (10^(−k) of the root's size): 250-digit decimals decide 10 digits beyond. */
const MAX_POLISH_EXPONENT = 230;

/** Irrational roots and turns kinkSearch closes in on, at most, in one step (two roots and a turn of each argument). */
const POLISHED_ROOTS = 6;

/**
 * How close kinkSearch closes in on roots: none where the step has no constant below 10⁻⁸ or
 * past 10⁸; else 10⁻²⁵, 10⁻⁵⁰, 10⁻⁹⁰ of the root's size, and past that as far as the smallest
 * constant over the largest needs (|x − √2| ≥ 10⁻¹⁵⁰: 10⁻¹⁶⁰), up to 10⁻²³⁰.
 */
function polishExponents(extreme: { far: Rational[]; tiny: Rational[] }): number[] {
  if (extreme.tiny.length === 0 && extreme.far.length === 0) return [];
  const digits = (r: Rational) => Math.abs(Math.log10(r.toNumber()));
  const needed = Math.ceil(Math.max(0, ...extreme.tiny.map(digits)) + Math.max(0, ...extreme.far.map(digits))) + 10;
  const deeper = Math.min(needed, MAX_POLISH_EXPONENT);
  return deeper > POLISH_EXPONENTS[POLISH_EXPONENTS.length - 1]! ? [...POLISH_EXPONENTS, deeper] : [...POLISH_EXPONENTS];
}

/**
 * Points ever closer to each irrational root (a certain bracket) of a kink's argument g, by
 * Newton's method in decimals (refineRoot) to each of `exponents` (10⁻²⁵, 10⁻⁵⁰, … of its
 * size); and to each turn (refineTurn, to 10⁻⁹⁰), where g may touch 0 without crossing it. A
 * point beside a root at double precision is 10⁻¹⁶ away: `|x − √2| ≥ 10⁻⁵⁰`,
 * `min(|x − π|, 10⁻²⁰) = 10⁻²⁰` and `|sin x − 1| ≥ 10⁻⁴⁰` fail only closer, and were checked.
 */
function polishedPoints(base: Point, key: string, g: Expr, roots: readonly Bracket[], turns: readonly Bracket[], exponents: readonly number[], deadline: number): Rational[] {
  const out: Rational[] = [];
  for (const r of roots) {
    let bracket: Bracket | null = r;
    for (const exponent of exponents) {
      if (now() > deadline) return out;
      bracket = refineRoot(base, key, g, ZERO_SCALAR, bracket, deadline, { exponent, digits: exponent + 20 });
      if (!bracket) break;
      out.push(bracket.at ?? shortestIn(bracket.lo, bracket.hi));
    }
  }
  for (const r of turns) {
    if (now() > deadline) return out;
    const t = refineTurn(base, key, g, ZERO_SCALAR, r, deadline);
    if (t) out.push(t.at ?? shortestIn(t.lo, t.hi));
  }
  return out;
}

/** The sizes a vector is scaled to by vectorKinkSearch (from 10⁻¹² to 10⁶ times its drawn size). */
const VECTOR_SCALES = [-1, -2, -3, -4, -5, -6, -8, -10, -12, 1, 2, 3, 4, 6].map((k) => (k < 0 ? Rational.ONE.div(Rational.of(10n ** BigInt(-k))) : Rational.of(10n ** BigInt(k))));

/**
 * The kinks of a step about vectors: |·|, max and min of scalars that depend on a vector
 * (max(‖x‖², 10⁻⁶), |bᵀx − 10⁻⁶|, max(‖x − b‖, 10⁻³)) change where the vector is small, large
 * or beside another, which drawn vectors (entries of size 1 to 10) never are. Each vector is
 * scaled by 10⁻¹² … 10⁶, and moved toward each other vector of its shape (x = b + s(x − b)).
 * `∇_x max(‖x‖², 10⁻⁶) = 2x` fails only for ‖x‖ < 10⁻³, and was checked.
 */
export function vectorKinkSearch(p: StepProblem, base: Point, rng: Rng, deadline: number): Counterexample | null {
  const kinks = kinkParts([unfolded(p.left as Expr, p), unfolded(p.right as Expr, p)]);
  if (kinks.length === 0) return null;
  const vectors = matrixKeys(base).filter((k) => {
    const v = base.values.get(k)!.value;
    return isMat(v) && v.cols === 1;
  }).slice(0, 3);
  if (vectors.length === 0) return null;
  const levels = allLevels();
  for (const key of vectors) {
    const v = base.values.get(key)!.value as Mat<Rational>;
    const others = vectors.filter((o) => o !== key).map((o) => base.values.get(o)!.value as Mat<Rational>).filter((o) => o.rows === v.rows);
    for (const s of VECTOR_SCALES) {
      for (const centre of [null, ...others]) {
        if (now() > deadline) return null;
        const moved = centre === null ? v.map((x) => x.mul(s)) : v.map((x, i) => centre.data[i]!.add(x.sub(centre.data[i]!).mul(s)));
        const q = at(base, key, moved, rng, deadline);
        const found = q && probeFailure(p, q, levels, `found where ${base.values.get(key)?.label ?? key} is ${centre === null ? `scaled by ${s.toString()}` : 'moved close to another vector'} (a kink of |·|, max or min)`);
        if (found) return found;
      }
    }
  }
  return null;
}

const TEN = Rational.of(10);

/** matrixScaleSearch's first probe, as its message says it. */
const STRUCTURED = 'every square matrix is I and every vector all ones';

/** The factors matrixScaleSearch scales a vector or matrix by (both signs): far out, and near 0. */
const MATRIX_SCALES = ['10', '1000', '1000000', '0.001', '0.000001'].map((s) => Rational.parse(s));

/** The size matrixScaleSearch sets one entry to. */
const LARGE_ENTRY = Rational.of(1_000_000);

/** Probes of matrixScaleSearch at most. */
const MATRIX_PROBES = 48;

/**
 * A step's vectors and matrices large and small: drawn entries are small (−5 … 5, now and then
 * ten times that), so `A_{12} ≤ 3`, `‖A‖ ≤ 100`, `λ_max(S) ≤ 40` or `det(A) ≤ 10⁶` held at every
 * drawn point. For an inequality, or a step with a kink (|·|, max, min), each vector or matrix
 * is scaled by ±10, ±10³, ±10⁶, ±10⁻³, ±10⁻⁶ (and by 10^k past a constant of the step beyond
 * 10⁸), has one entry set to ±10⁶ (each entry the step names, and the first ones), and all are
 * scaled together. Tags stay true: an orthogonal matrix is left alone, a positive definite one
 * is scaled by positive factors and grows on its diagonal only, a symmetric one changes two
 * entries at once, a diagonal one its diagonal only; an invertible one that a new entry makes
 * singular is rejected with the probe (`Point.changed`), as is a probe the assumptions reject.
 */
export function matrixScaleSearch(p: StepProblem, base: Point, rng: Rng, deadline: number): Counterexample | null {
  const left = unfolded(p.left as Expr, p);
  const right = unfolded(p.right as Expr, p);
  if (!['<', '≤', '>', '≥', '≠'].includes(p.rel) && kinkParts([left, right]).length === 0) return null;
  const keys = matrixKeys(base).slice(0, 4);
  if (keys.length === 0) return null;
  const scales = [...MATRIX_SCALES];
  const extreme = stepConstants(p, deadline);
  // (A constant past 10⁸, ‖A‖ ≤ 10¹²: a factor past it, and past its square root for a product of two.)
  /** The digits of each far constant of the step (10¹² has 13). */
  const farDigits = extreme.far.map((c) => c.toString().replace('-', '').length);
  for (const digits of farDigits) {
    for (const k of [digits + 1, Math.ceil((digits + 1) / 2)]) {
      const s = new Rational(10n ** BigInt(k));
      if (!scales.some((t) => t.equals(s))) scales.push(s);
    }
  }
  // (And below a tiny one, ‖A‖ ≥ 10⁻¹² for an invertible A, xᵀx ≥ 10⁻²⁰ for x ≠ 0: a tenth
  // of it, and of its square root.)
  for (const c of extreme.tiny) {
    for (const t of [c.div(TEN), Rational.parse((Math.sqrt(c.toNumber()) / 10).toPrecision(1))]) if (!scales.some((u) => u.equals(t))) scales.unshift(t);
  }
  const named = namedEntries([left, right], base);
  /** Each probe, and whether its description says all (else: drawn entries are small). */
  const probes: { entries: (readonly [string, Val<Rational>])[]; what: string; plain?: boolean }[] = [];
  // First, the most structured values, where inequalities between traces, determinants and
  // eigenvalues are tight: every square matrix I, every vector all ones (4 det S < tr(S)² of a
  // positive definite S fails at I; ∑|x_i| ≤ 2.9‖x‖ in R^9 at all ones).
  const structured: (readonly [string, Mat<Rational>])[] = [];
  for (const key of keys) {
    const v = base.values.get(key)!.value as Mat<Rational>;
    if (v.rows === v.cols) structured.push([key, new Mat(v.rows, v.cols, v.data.map((_, i) => (i % (v.cols + 1) === 0 ? Rational.ONE : Rational.ZERO)))]);
    else if (v.cols === 1 || v.rows === 1) structured.push([key, v.map(() => Rational.ONE)]);
  }
  if (structured.length > 0) probes.push({ entries: structured, what: STRUCTURED, plain: true });
  // (And so with every vector 10⁻³ times all ones, where tanh and σ are nearly linear:
  // ‖tanh(A x)‖ ≤ 0.999 ‖A‖ ‖x‖ fails at A = I, x small; a red team.)
  const tinyOnes = structured.map(([key, m]) => [key, m.rows === m.cols ? m : m.map(() => SMALL_ENTRY)] as const);
  if (tinyOnes.some(([, m], i) => m !== structured[i]![1])) probes.push({ entries: tinyOnes, what: `every square matrix is I and every vector ${SMALL_ENTRY.toString()} times all ones`, plain: true });
  const together: (readonly [string, Mat<Rational>, boolean])[] = [];
  for (const key of keys) {
    const v = base.values.get(key)!.value as Mat<Rational>;
    const label = base.values.get(key)?.label ?? key;
    const tags = impliedTags(base.prep.tagsByKey.get(key) ?? new Set());
    if (tags.has('orthogonal')) continue;
    const positive = tags.has('positive definite');
    together.push([key, v, positive]);
    for (const s of scales) {
      for (const f of positive ? [s] : [s, s.neg()]) probes.push({ entries: [[key, v.map((x) => x.mul(f))]], what: `${label} is scaled by ${f.toString()}` });
    }
    const places = [...(named.get(key) ?? []), [0, 0], [0, 1], [1, 0]] as [number, number][];
    const seen = new Set<string>();
    for (const [i, j] of places) {
      if (i >= v.rows || j >= v.cols || seen.has(`${i},${j}`)) continue;
      seen.add(`${i},${j}`);
      if (i !== j && (positive || tags.has('diagonal'))) continue;
      for (const sign of positive ? [1] : [1, -1]) {
        const data = [...v.data];
        const big = sign > 0 ? LARGE_ENTRY : LARGE_ENTRY.neg();
        // (A positive definite matrix stays one with a positive number added on its diagonal.)
        data[i * v.cols + j] = positive ? data[i * v.cols + j]!.add(big) : big;
        if (tags.has('symmetric')) data[j * v.cols + i] = data[i * v.cols + j]!;
        const where = v.cols === 1 ? `${i + 1}` : `${i + 1}${j + 1}`;
        probes.push({ entries: [[key, new Mat(v.rows, v.cols, data)]], what: `${label}_{${where}} is ${positive ? 'raised by' : 'set to'} ${big.toString()}` });
      }
    }
  }
  if (together.length > 1) {
    // (Small too: ‖tanh(x) − tanh(y)‖ ≤ 0.999 ‖x − y‖ fails only near 0; a red team.)
    for (const s of [scales[1]!, scales[2]!, scales[1]!.neg(), scales[2]!.neg(), SMALL_ENTRY, SMALL_ENTRY.neg()]) {
      if (together.some(([, , positive]) => positive && s.sign() < 0)) continue;
      probes.push({ entries: together.map(([key, v]) => [key, v.map((x) => x.mul(s))] as const), what: `every vector and matrix is scaled by ${s.toString()}` });
    }
  }
  // Where a side inverts a matrix: each square matrix at d·I, d = c ± ε for c = 0, 1, −1 and ε
  // = 10⁻³, 10⁻⁶ and past a far constant of the step, where such an inverse is large
  // (‖(I − W)⁻¹‖ ≤ 10⁴ under ‖W‖ < 1 fails at W = (1 − 10⁻⁶) I, ‖A⁻¹‖ ≤ 10⁹ at A = 10⁻¹¹ I;
  // a red team). Tags stay true: a positive definite one only where d > 0.
  const nearSingular: typeof probes = [];
  if (invertsMatrix(left) || invertsMatrix(right)) {
    // (Every third power of ten to 10⁻¹²: ‖A⁻¹‖ ≤ 10⁷ fails at 10⁻⁹ I, not at 10⁻⁶ I; a red team.)
    const eps = [...[3, 6, 9, 12].map((k) => Rational.ONE.div(new Rational(10n ** BigInt(k)))),
      ...farDigits.map((digits) => Rational.ONE.div(new Rational(10n ** BigInt(digits + 1))))];
    for (const [key, v, positive] of together) {
      if (v.rows !== v.cols || v.rows < 2) continue;
      const label = base.values.get(key)?.label ?? key;
      for (const c of [Rational.ZERO, Rational.ONE, Rational.ONE.neg()]) {
        for (const e of eps) {
          for (const d of [c.add(e), c.sub(e)]) {
            if (positive && d.sign() <= 0) continue;
            nearSingular.push({ entries: [[key, v.map((_, i) => (i % (v.cols + 1) === 0 ? d : Rational.ZERO))]], what: `${label} is ${d.toString()} I, near a singular one`, plain: true });
          }
        }
      }
    }
  }
  const levels = allLevels();
  for (const { entries, what, plain } of [...probes.slice(0, MATRIX_PROBES), ...nearSingular.slice(0, NEAR_SINGULAR_PROBES)]) {
    if (now() > deadline) return null;
    const q = atAll(base, entries, rng, deadline);
    const found = q && probeFailure(p, q, levels, `found where ${what}${plain ? '' : ' (drawn entries are small)'}`);
    if (found) return found;
  }
  return null;
}

/** The entry of matrixScaleSearch's small probes (every vector that times all ones; all scaled by it). */
const SMALL_ENTRY = Rational.ONE.div(Rational.of(1000));

/** matrixScaleSearch's near-singular probes at most. */
const NEAR_SINGULAR_PROBES = 48;

/** The matrix a node inverts (M in M⁻¹, M^(−k), inv(M)), or null. */
function invertedMatrix(x: Expr): Expr | null {
  if (x.kind === 'Binary' && x.op === '^' && x.left.shape?.kind === 'matrix' && (constantValue(x.right)?.sign() ?? 0) < 0) return x.left;
  if (x.kind === 'Call' && x.fn.base === 'inv' && x.args.length === 1 && x.args[0]!.shape?.kind === 'matrix') return x.args[0]!;
  return null;
}

/** Whether a side inverts a matrix (invertedMatrix anywhere in it). */
function invertsMatrix(e: Expr): boolean {
  let found = false;
  visit(e, (x) => {
    if (invertedMatrix(x)) found = true;
  });
  return found;
}

/** The entries (0-based) a step names with whole subscripts, `A_{12}`, `x_3`, by the key of the vector or matrix. */
function namedEntries(es: readonly Expr[], base: Point): Map<string, [number, number][]> {
  const out = new Map<string, [number, number][]>();
  for (const e of es) {
    visit(e, (x) => {
      if (x.kind !== 'Component') return;
      const at = x.indices.map((i) => constantValue(i));
      if (at.some((n) => n === null || !n.isInteger() || n.n < 1n || n.n > 64n)) return;
      const [i, j] = at.map((n) => Number(n!.n) - 1);
      const key = base.prep.keyOfName(x.of.name);
      out.set(key, [...(out.get(key) ?? []), [i!, j ?? 0]]);
    });
  }
  return out;
}

/** The arguments of |·| and the differences of max's and min's arguments in scalar expressions (where their kinks are). */
function kinkParts(es: readonly Expr[]): Expr[] {
  const out: Expr[] = [];
  const seen = new Set<string>();
  const add = (g: Expr): void => {
    const k = printExpr(g);
    if (seen.has(k) || freeNames(g).length === 0) return;
    seen.add(k);
    out.push(g);
  };
  // (Inner ones first: max(|x − 1/3|, 1/10) fails first at 1/3, a simpler point than beside 7/30.)
  const look = (e: Expr): void => {
    for (const c of children(e)) look(c);
    if (e.kind === 'Abs' && e.arg.shape?.kind !== 'matrix') add(e.arg);
    if (e.kind === 'Call' && (e.fn.base === 'max' || e.fn.base === 'min') && !e.fn.index && e.args.every((a) => a.shape?.kind !== 'matrix')) {
      for (let i = 0; i < e.args.length; i++) {
        for (let j = i + 1; j < e.args.length; j++) add({ kind: 'Binary', op: '-', left: e.args[i]!, right: e.args[j]!, range: e.range, shape: { kind: 'scalar' } });
      }
    }
  };
  for (const e of es) look(e);
  return out;
}

/** Probes of magnitudeSearch at most. */
const MAGNITUDE_PROBES = 24;

/** The step's extremeConstants, once per step (the kink, magnitude and matrix searches each read them). */
const constantsOfStep = new WeakMap<StepProblem, { far: Rational[]; tiny: Rational[] }>();

function stepConstants(p: StepProblem, deadline: number): { far: Rational[]; tiny: Rational[] } {
  let c = constantsOfStep.get(p);
  if (!c) {
    c = extremeConstants([unfolded(p.left as Expr, p), unfolded(p.right as Expr, p)], deadline);
    constantsOfStep.set(p, c);
  }
  return c;
}

/**
 * The magnitudes of the constant parts of expressions (to two digits, exact): those past 10⁸
 * (`max(x, 10¹²)`) and those below 10⁻⁸ (`|x − π| ≥ 10⁻⁵⁰`, the 10⁻⁴⁰ inside `1 − 10⁻⁴⁰`), at most
 * three of each. Where magnitudeSearch looks, and whether kinkSearch closes in on roots.
 */
function extremeConstants(es: readonly Expr[], deadline: number): { far: Rational[]; tiny: Rational[] } {
  const far = new Map<string, Rational>();
  const tiny = new Map<string, Rational>();
  const look = (e: Expr): void => {
    if (far.size >= 3 && tiny.size >= 3) return;
    if (freeNames(e).length === 0) {
      let v: Val<Interval>;
      try {
        v = evaluate(e, { ...groundHost, deadline: Math.min(deadline, now() + 20) });
      } catch {
        return; // (no value: nothing to look at)
      }
      if (isMat(v) || !Number.isFinite(v.lo) || !Number.isFinite(v.hi)) return;
      const m = Math.max(Math.abs(v.lo), Math.abs(v.hi));
      const r = (x: number) => Rational.parse(x.toPrecision(2));
      if (m > 1e8 && m < 1e300 && far.size < 3) far.set(r(m).toString(), r(m));
      else if (m > 1e-300 && m < 1e-8 && tiny.size < 3) tiny.set(r(m).toString(), r(m));
      // (The parts of a constant too: 1 − 10⁻⁴⁰ is near 1, and its 10⁻⁴⁰ sets the scale.)
      if (e.kind === 'Binary' && (e.op === '+' || e.op === '-')) for (const c of children(e)) look(c);
      return;
    }
    for (const c of children(e)) look(c);
  };
  for (const e of es) look(e);
  return { far: [...far.values()], tiny: [...tiny.values()] };
}

/** How far past its sampled value an integer the step is not a polynomial in is probed. */
const INTEGER_LADDER = [16, 24, 32, 48, 64, 96, 128, 192, 256];

/**
 * Farther rungs for a step with no recurrence to unroll (a closed form, sums and products):
 * n! ≤ 100ⁿ fails from 269 on, ∑_{i=1}^{n} 0.99^i ≤ 98 from 458, ∑_{i=1}^{n} 1/i < 10 from
 * 12,367. (A recurrence that deep is too deep to evaluate: its ladder stops at 256.)
 */
const FAR_LADDER = [384, 512, 768, 1024, 2048, 4096, 8192, 16384];

/**
 * Farther still, for a step with a single (not nested) ∑ or ∏: doubling on to the largest
 * index a ∑ is evaluated at (MAX_TERMS terms), each rung in double enclosures, milliseconds
 * a thousand terms: ∑_{i=1}^{n} 1/i ≤ 10.5 fails from 20,390 on, ∑ 1/i² < 1.6449 from 29,354.
 * (Not for n! or 2ⁿ alone: exact values there cost seconds, and doubles overflow.)
 */
const SUM_LADDER = [32768, 65536];

/**
 * Farthest, for a step with no ∑, ∏ or recurrence to unroll: doubling on from the far ladder
 * to 2¹⁰⁰ (~10³⁰) past where the integer was sampled. Red team: log j < 14 under j ≥ 10^6
 * fails from 1,202,605, 200,000 past the bound, and was checked; log k < 35 fails past 10¹⁵.
 */
const DOUBLING_LADDER: readonly bigint[] = Array.from({ length: 86 }, (_, j) => 1n << BigInt(j + 15));

/** Farther rungs for a step that reads scalar recurrences without ∑ or ∏ (ladderOf): a member each is one step of the recurrence. */
const RECURRENCE_LADDER = [384, 512, 768, 1024, 1536, 2048, 4096];

/** Whether every definition a step unfolds is a scalar one with no ∑ or ∏ in it (a member of a recurrence then costs one step). */
function scalarRecurrences(p: StepProblem): boolean {
  return p.unfoldings.every((u) => {
    let sums = false;
    visit(u.def.value, (x) => { if (x.kind === 'BigOp') sums = true; });
    // (By the family's declaration: `define u_0 = 0` has a 0 of any shape.)
    return p.prep.ctx.scope.lookup(u.def.target)?.info.shape.kind === 'scalar' && !sums;
  });
}

/** The terms a far rung may cost at most: a ∑ nested d deep at n has about nᵈ terms. */
const FAR_TERMS = 200_000;

/**
 * The ladder's rungs for a step, as values of the integer sampled at `start`: the far ones
 * too where nothing is unrolled by recursion, as far as their terms stay few (a double sum
 * stops at 384: 16,384² terms is no probe), and for a single ∑ on to MAX_TERMS itself.
 */
function ladderOf(p: StepProblem, start: Rational): Rational[] {
  const from = (ns: readonly number[]) => ns.map((n) => start.add(Rational.of(n)));
  const recurrence = p.unfoldings.some((u) => u.recursive);
  let depth = 0;
  const nesting = (e: Expr, d: number): void => {
    if (e.kind === 'BigOp') depth = Math.max(depth, d + 1);
    for (const c of children(e)) nesting(c, e.kind === 'BigOp' ? d + 1 : d);
  };
  for (const side of [p.left, p.right]) if (isExprNode(side)) nesting(unfolded(side, p), 0);
  // (Scalar recurrences with no ∑ or ∏ in them, each member one step from the one before, go
  // far too: u_t ≤ 300 with u_t = u_{t−1} + 1 fails only from 301, and F_t ≤ 1.617^t only from
  // 1259, and both were checked, red team rt114. Vectors and sums keep the short ladder.)
  // (Not an expectation over one: E[m_t] of a running average of a random family is a
  // polynomial in t atoms, built in t steps; at 4096 it took seconds a rung, and right steps
  // ran out of time after their points held, red team rt130.)
  let expects = false;
  for (const side of [p.left, p.right]) if (isExprNode(side)) visit(side, (x) => { if (x.kind === 'Expect') expects = true; });
  if (recurrence && readsRecurrence(p)) return from(depth === 0 && scalarRecurrences(p) && !expects ? [...INTEGER_LADDER, ...RECURRENCE_LADDER] : INTEGER_LADDER);
  // (Beside a recurrence it does not read, a step with no ∑ or ∏ goes far, where each rung is
  // cheap; one with a ∑ keeps the short ladder, as before: momentum files' sum bounds, ∑ of
  // vectors β^{t−i} g_i to t + 16,384, took seconds a step and ran out of time (a red team).)
  if (recurrence && depth > 0) return from(INTEGER_LADDER);
  const out = from([...INTEGER_LADDER, ...FAR_LADDER.filter((n) => n ** depth <= FAR_TERMS)]);
  if (depth !== 1) return out;
  // (Whole values, not offsets from `start`: the two base points then share them.)
  const past = out[out.length - 1]!;
  return [...out, ...[...SUM_LADDER, MAX_TERMS].map((n) => Rational.of(n)).filter((x) => x.cmp(past) > 0)];
}

/**
 * Whether a side reads a recursive definition (through the others, unfolded): then the far
 * rungs are too deep to evaluate. (Not any recurrence in scope: `0.9^t ≥ 10⁻⁵⁰` beside
 * `define u_t = 1.01 u_{t−1}` was sampled only up to t + 256, and checked; it fails at 1093.)
 */
function readsRecurrence(p: StepProblem): boolean {
  const recursive = new Set(p.unfoldings.filter((u) => u.recursive).map((u) => u.key));
  if (recursive.size === 0) return false;
  const scope = p.prep.ctx.scope;
  return [p.left, p.right].some((side) => isExprNode(side) && freeNames(unfolded(side, p)).some((v) => recursive.has(scope.lookup(v.name)?.info.key ?? printName(v.name))));
}

/**
 * The doubling rungs past the far ladder (DOUBLING_LADDER) for a step with no ∑, ∏ or
 * recurrence, tried after the definitions' boundaries (a_t = t + 1 from 100,001 on is named
 * there, not at 2¹⁷); none for any other step.
 */
function doublingRungs(p: StepProblem, start: Rational): Rational[] {
  if (p.unfoldings.some((u) => u.recursive)) return [];
  let sums = false;
  for (const side of [p.left, p.right]) if (isExprNode(side)) visit(unfolded(side, p), (x) => { if (x.kind === 'BigOp') sums = true; });
  return sums ? [] : DOUBLING_LADDER.map((n) => start.add(new Rational(n)));
}

/** The rungs past the last of FAR_LADDER from `start` (the sum ladder's), as text. */
function sumRungsOf(ladder: readonly Rational[], start: Rational): Set<string> {
  const past = start.add(Rational.of(FAR_LADDER[FAR_LADDER.length - 1]!));
  return new Set(ladder.filter((x) => x.cmp(past) > 0).map((x) => x.toString()));
}

/** Rungs past this index are decided in double enclosures only (16,384 terms of q^{t−i} in 50-digit decimals take seconds). */
const FAR_RUNG = Rational.of(300);

/**
 * The smallest failing index between a rung that held (`held`) and one where the step
 * fails (`failing`, with its counterexample), by bisection on whole numbers with `probe`
 * (null where the assumptions reject a value or nothing is decided: the bisection stops
 * there). Each value it reports fails for certain; the smallest only where the failures
 * between are an interval (∑_{i=1}^{n} 1/i ≤ 10.5: 20,390, not the rung 32,768).
 */
function smallestFailing(held: Rational, failing: Rational, failure: Counterexample, deadline: number,
  probe: (x: Rational) => 'holds' | Counterexample | null): Counterexample {
  let lo = held.floor();
  let hi = failing.floor();
  let best = failure;
  while (hi - lo > 1n && now() <= deadline) {
    const mid = (lo + hi) / 2n;
    const t = probe(new Rational(mid));
    if (t === null) break;
    if (t === 'holds') lo = mid;
    else {
      hi = mid;
      best = t;
    }
  }
  return best;
}

/** Index values past this size are not tried as a definition's boundary (a sum of a million terms is no probe). */
const MAX_BOUNDARY = 100_000;

/**
 * Where a family's definitions change, as whole values: each side of a condition's bounds
 * and its ≠ points, and the whole subscripts the step writes (`for t ≤ 1000`: 1000, 1001; `for i ≠ 500`: 499, 500, 501). An index
 * there is tried as it is, wherever it is sampled: a member past the last definition has no
 * value, and sampling, which stays near 0…13 and the ladder's 256, never reached 1001.
 */
export function definitionBoundaries(p: StepProblem): Rational[] {
  const out = new Set<number>();
  // (Past 100,000 too where the step has no ∑ or ∏ to make such an index costly: a_t's pieces
  // may switch at 100,001.)
  let sums = false;
  for (const side of [p.left, p.right]) if (isExprNode(side)) visit(side, (x) => { if (x.kind === 'BigOp') sums = true; });
  const cap = sums ? MAX_BOUNDARY : 2 ** 52;
  for (const d of p.prep.ctx.defs) {
    const variable = d.condition && definitionVariable(d);
    const set = variable ? conditionSet(d.condition!, variable) : null;
    if (!set) continue;
    const shift = d.target.index ? (indexOffset(d.target.index) ?? 0) : 0;
    const around = [...(set.lo !== null ? [set.lo - 1, set.lo] : []), ...(set.hi !== null ? [set.hi, set.hi + 1] : []), ...set.excluded.flatMap((e) => [e - 1, e, e + 1])];
    for (const v of around) if (Math.abs(v + shift) <= cap) out.add(v + shift);
  }
  // A member at a whole index beside one at a free one (E[x_n x_6]: x_n is x_6 at n = 6,
  // where the expectation is another; x_{n+1} and x_6 meet at n = 5): each whole subscript
  // and its neighbours, which sampling near 0…13 and the ladder pass over.
  for (const side of [p.left, p.right]) {
    if (!isExprNode(side)) continue;
    visit(side, (x) => {
      if (x.kind !== 'Var' || !x.name.index) return;
      const at = constantValue(x.name.index);
      if (!at || !at.isInteger() || at.n < 0n || at.n > BigInt(cap)) return;
      for (const d of [-1, 0, 1]) if (Number(at.n) + d >= 0) out.add(Number(at.n) + d);
    });
  }
  return [...out].sort((a, b) => Math.abs(a) - Math.abs(b) || a - b).map((v) => Rational.of(v));
}

/** Whether a step's side is an expression (not a statement). */
function isExprNode(e: StepProblem['left']): e is Expr {
  return e.kind !== 'Compare' && e.kind !== 'Logic' && e.kind !== 'TagFact';
}

/** The constant of a target's subscript `t + c` (c), or null. */
function indexOffset(index: Expr): number | null {
  const lin = linearIndex(index);
  return lin && lin.terms.size === 1 ? lin.constant : null;
}
/** The most one rung of the ladder may take in exact values before the rest use enclosures. */
const LADDER_EXACT_MS = 100;

/** How many turns (k of kπ/2) on each side of the current one a descent's move along a sine tries. */
const DESCENT_PERIODIC_REACH = 8;

/** Rounds of coordinate descent (each halves the distance on a coupled quadratic). */
const DESCENT_ROUNDS = 40;

/**
 * Where a descent moves for an inexact bracket: the shortest decimal within 10⁻⁴⁰ of its
 * middle (its size times that). The middle of a bracket narrowed to 1/L has as many digits as
 * L, and each round's polynomials along the next scalar took the digits of the last:
 * x³ + y³ + z³ ≥ 3xyz reached coordinates of 9,000 bits and ran out of time. (An exact root
 * is still moved to exactly; 10⁻⁴⁰ off a turn changes the margin by ~10⁻⁸⁰ of its curvature.)
 */
function nearMiddle(r: Bracket): Rational {
  const mid = r.lo.add(r.hi).div(Rational.of(2));
  const tol = (mid.sign() < 0 ? mid.neg() : mid).mul(DESCENT_PLACE);
  return shortestIn(mid.sub(tol), mid.add(tol));
}

const DESCENT_PLACE = new Rational(1n, 10n ** 40n);

/**
 * Whether the sides at q tie within rounding in doubles: their enclosures overlap, or their
 * midpoints lie within 10⁻¹² of the larger side (at least 1). Along a line where the sides
 * are equal everywhere (|xᵀy| and ‖x‖‖y‖ on x = t·y) every t is such a tie, and the least
 * margin among them is rounding's choice.
 */
function tieAt(q: Point, left: Expr, right: Expr): boolean {
  try {
    const l = q.evaluate(intervalField, left);
    const r = q.evaluate(intervalField, right);
    if (isMat(l) || isMat(r)) return false;
    const [a, b] = [l as Interval, r as Interval];
    if (a.lo <= b.hi && b.lo <= a.hi) return true;
    const mid = (i: Interval) => (i.lo === i.hi ? i.lo : i.lo / 2 + i.hi / 2);
    const size = Math.max(1, Math.abs(mid(a)), Math.abs(mid(b)));
    return Math.abs(mid(a) - mid(b)) <= 1e-12 * size;
  } catch {
    return false;
  }
}

/** marginAt (narrow) along a line of points, noting the t where the sides tie within rounding (tieAt). */
function marginsNotingTies(pointAt: (t: number) => Point | null, left: Expr, right: Expr, sign: 1 | -1): { margin: (t: number) => number | null; ties: Set<number> } {
  const ties = new Set<number>();
  const margin = (t: number): number | null => {
    const q = pointAt(t);
    if (!q) return null;
    const m = marginAt(q, left, right, sign, true);
    if (m !== null && tieAt(q, left, right)) ties.add(t);
    return m;
  };
  return { margin, ties };
}

/** Of the places t of ties, the one a counterexample reads best at: nearest 1 in size, positive first. */
function simplestTie(ts: Iterable<number>): number {
  return [...ts].sort((a, b) => Math.abs(Math.log(Math.abs(a))) - Math.abs(Math.log(Math.abs(b))) || b - a)[0]!;
}

/** The larger of 1 and the sides' sizes at a point, in doubles; null where a side has no value there. */
function sidesSize(q: Point, left: Expr, right: Expr): number | null {
  try {
    const [l, r] = [q.evaluate(intervalField, left), q.evaluate(intervalField, right)];
    if (isMat(l) || isMat(r)) return null;
    const size = Math.max(1, ...[l as Interval, r as Interval].map((i) => Math.max(Math.abs(i.lo), Math.abs(i.hi))));
    return Number.isFinite(size) ? size : null;
  } catch {
    return null;
  }
}

/** (left − right)·sign at a point, in doubles (the middle of its enclosure), or null. */
function marginAt(q: Point, left: Expr, right: Expr, sign: 1 | -1,
  /** Null where the sides' enclosures are wider than 10⁻⁶ of their size (a midpoint there may be anything inside them). */
  narrow = false): number | null {
  try {
    const l = q.evaluate(intervalField, left);
    const r = q.evaluate(intervalField, right);
    if (isMat(l) || isMat(r)) return null;
    const mid = (i: Interval) => (i.lo === i.hi ? i.lo : i.lo / 2 + i.hi / 2);
    const [a, b] = [l as Interval, r as Interval];
    const m = (mid(a) - mid(b)) * sign;
    const spread = (a.hi - a.lo) / 2 + (b.hi - b.lo) / 2;
    if (narrow && !(spread <= 1e-6 * Math.max(1, Math.abs(mid(a)), Math.abs(mid(b))))) return null;
    return Number.isFinite(m) ? m : null;
  } catch {
    return null;
  }
}

/** |x| at a bracket's lower end (for ordering roots by size). */
function magnitude(r: Bracket): Rational {
  const x = r.at ?? r.lo;
  return x.sign() < 0 ? x.neg() : x;
}


/**
 * enclosurePoint for the zero of g (= a − b) in r, narrowed to 10⁻⁹⁰ of its size when r
 * straddles an edge of the assumptions (one end meets them, the other not): cos x = 0 at π/2
 * under `x ≤ π/2` lies on a 10⁻¹² bracket no assumption check can place; narrowed, it is at
 * the edge within the agreement in force (LANGUAGE.md §3) or clearly on one side of it.
 */
function zeroPoint(p: StepProblem, base: Point, key: string, g: Expr, b: Expr, r: Bracket, rng: Rng, deadline: number): { q: Point; r: Bracket; narrowed: boolean; edge?: Expr } | null {
  const q = enclosurePoint(base, key, r, rng, deadline);
  if (q) return { q, r, narrowed: false };
  if (r.at || !r.certain) return null;
  const meets = (x: Rational): boolean => meetsAt(base, key, x, rng, deadline);
  if (meets(r.lo) === meets(r.hi)) return null;
  // On the edge exactly (cos x = 0 at π/2 under x ≤ π/2), or narrowed to one side of it.
  const edge = b.kind === 'Num' && b.value === '0' ? edgeZero(p, base, key, g, r, rng, deadline) : null;
  if (edge) return { q: edge.q, r, narrowed: false, edge: edge.at };
  // (Cheaply first: g with the same sign at the edge as at the bracket's end inside, so its
  // zero lies past the edge: no narrowing, which an edge 10⁻³⁰⁰ from the pole makes take
  // 300-digit Newton steps.)
  if (b.kind === 'Num' && b.value === '0' && zeroPastEdge(p, base, key, g, r, meets(r.lo) ? r.lo : r.hi, rng)) return null;
  const fine = refineRoot(base, key, g, b, r, deadline);
  const q2 = fine && enclosurePoint(base, key, fine, rng, deadline);
  return q2 ? { q: q2, r: fine, narrowed: true } : null;
}

/** Whether the point with `key` put at the rational x meets the assumptions (strictly). */
function meetsAt(base: Point, key: string, x: Rational, rng: Rng, deadline: number): boolean {
  try {
    const e = base.replacing(key, x, rng);
    e.deadline = deadline;
    return e.satisfiesAssumptions(allLevels(), true);
  } catch {
    return false;
  }
}

/** The point where the scalar is the enclosure [lo, hi] of a root or extremum, if it meets the assumptions for certain. */
function enclosurePoint(base: Point, key: string, r: Bracket, rng: Rng, deadline: number): Point | null {
  const q = base.replacing(key, r.lo.add(r.hi).div(Rational.of(2)), rng);
  q.enclosures.set(key, [r.lo, r.hi]);
  q.deadline = deadline;
  try {
    // (By agreement too, within the agreement in force: finer than any number the step or an
    // assumption writes, so an edge 10⁻⁵⁰ from a pole is told from it; checkStep's tinyExponent.)
    return q.satisfiesAssumptions(allLevels(), true) ? q : null;
  } catch {
    return null;
  }
}

/**
 * The zero of g in r placed exactly on an edge of the assumptions (`x ≤ π/2` with g = cos x):
 * an edge b without free names near r where g(b) is 0 exactly, by exact expansion or the
 * identity test (cos(π/2), (√2)² − 2). The point holds x as a 10⁻¹¹⁰-wide enclosure of b and
 * b itself (Point.symbolic), so the edge's own comparison is decided exactly there. Null when
 * no edge is such a zero or the point does not meet the other assumptions.
 */
function edgeZero(p: StepProblem, base: Point, key: string, g: Expr, r: Bracket, rng: Rng, deadline: number): { q: Point; at: Expr } | null {
  const label = base.values.get(key)?.label;
  if (!label || key.includes('@')) return null;
  const ctx = identityContext(p);
  for (const { expr: edge, lo, hi } of edgesNear(p, base, key, r)) {
    if (now() > deadline) return null;
    const at = substitute(g, new Map([[label, edge]]));
    if (!exactlyZero(at, ctx, `${p.salt}|edge|${printExpr(at)}`, deadline)) continue;
    const q = base.replacing(key, lo.add(hi).div(Rational.of(2)), rng);
    q.enclosures.set(key, [lo, hi]);
    q.symbolic.set(key, edge);
    q.deadline = deadline;
    try {
      if (q.satisfiesAssumptions(allLevels(), true, true)) return { q, at: edge };
    } catch {
      continue;
    }
  }
  return null;
}

/**
 * Where g, a divisor (or log's argument) of one side, touches 0 along `key` without changing
 * sign, which no bracket of a sign change shows: a turn of g (its smallest four) where g is
 * within 10⁻⁸⁰ of 0 once the turn is narrowed to 10⁻⁹⁰ (`places`: where the zeros' scan saw
 * such turns). The turn's exact place is guessed — a short fraction, or one times π, a
 * square root or a logarithm of one — and g there proved 0 exactly (exactlyZero); then the
 * side has no value there: a counterexample where the right side is undefined and the left
 * is defined. Where no guess is proved, the turn is a doubt: the step cannot be decided
 * there. The left side's are tried at short rational places only (notes, not worth a
 * narrowing).
 */
function touchingZero(p: StepProblem, base: Point, key: string, part: Part, places: readonly number[], rng: Rng, deadline: number,
  extended: (q: Point, reason: string) => void, doubt: (why: string) => void): Counterexample | null {
  const { g, side } = part;
  // (An index instance's touch counts only where the index value is in its range: base's.)
  if (!inRanges(base, part)) return null;
  const ctx = identityContext(p);
  const label = base.values.get(key)?.label;
  if (!label || key.includes('@')) return null;
  let leftNotes = 0;
  for (const x of places.slice(0, 4)) {
    if (now() > deadline) return null;
    // (A whole or short rational turn is an exact point: tried as it is.)
    const short = Rational.parse(x.toPrecision(12));
    try {
      const v = base.replacing(key, short, rng).evaluate(exactField, g);
      if (!isMat(v) && (v as Rational).isZero()) {
        const q = at(base, key, short, rng, deadline);
        const found = q && domainAt(q, p, allLevels(), extended);
        if (found) return found;
        continue;
      }
    } catch {
      // not rational there
    }
    // (The left side's touch is only a note, placed as the right side's is below.)
    // (One: the note names a point; placing each costs ~50 ms, its guesses at 40–120 digits.)
    if (side === 'left') {
      const tried = leftTouchesTried.get(p) ?? new Set<string>();
      leftTouchesTried.set(p, tried);
      const id = `${key}|${printExpr(g)}`;
      if (leftNotes++ < 1 && !tried.has(id)) {
        tried.add(id);
        leftTouchNote(p, base, key, label, g, x, ctx, rng, deadline, extended);
      }
      continue;
    }
    // A turn that crosses 0 by less than the doubles' noise (sin x − 1 + 10⁻²⁰, whose zeros are
    // 1.4·10⁻¹⁰ either side of π/2): a sign change beside it in decimals is a zero for certain.
    const crossing = signChangeNear(base, key, g, Rational.parse(x.toPrecision(17)), deadline);
    const qc = crossing && enclosurePoint(base, key, crossing, rng, deadline);
    if (qc) {
      const value = leftWhereUndefined(qc, p.left as Expr, g);
      const [lo, hi] = apart(crossing!.lo, crossing!.hi);
      if (value !== null) return counterexample(qc, value, 'undefined', `the right side is undefined where ${printExpr(g)} = 0, which happens between ${label} = ${lo} and ${hi} (it changes sign there, by less than doubles can tell), while the left side is defined on all of that interval (${value})`);
    }
    // The turn placed by the secant on g/g′ (touchNear: as fast for a flat touch, (sin x − 1)²
    // expanded, as for a plain one), else narrowed by the sign of g′ (refineTurn).
    const touch = placedTouch(base, key, g, x, rng, deadline);
    if (!touch) continue;
    const { fine, w, known, near } = touch;
    let placed = false;
    let tried = false;
    for (const c of near ? exactGuesses(w, g.range, known) : []) {
      if (now() > deadline) return null;
      const at = substitute(g, new Map([[label, c]]));
      if (!exactlyZero(at, ctx, `${p.salt}|touch|${printExpr(at)}`, deadline)) continue;
      const out = touchPoint(p, base, [{ key, label, c }], g, rng, deadline);
      if (!out) continue;
      if (out.kind === 'found') return out.found;
      placed = out.certain;
      tried = true;
      break;
    }
    if (placed) continue;
    // Else a doubt where g is within 10⁻⁸⁰ of 0 at the turn (at 120 digits) — or not a touch.
    // (Finer cannot be told here: 1 − sin x − 10⁻³⁰⁰ dips below 0 only within 10⁻¹⁵⁰ of π/2,
    // past the turn's bracket.)
    let tiny = false;
    try {
      const v = base.replacing(key, w, rng).evaluate(decimalField(120), g);
      tiny = !isMat(v) && decimalField(120).sign(v) === null;
    } catch {
      tiny = true;
    }
    if (!tiny && !tried) continue;
    // (A turn outside the assumptions is no doubt: checked on the turn's enclosure, and at its
    // ends where the enclosure straddles an edge, x ≤ π/2 + 10⁻³⁰⁰.)
    const meets = (y: Rational): boolean => meetsAt(base, key, y, rng, deadline);
    // (The turn lies in [lo, hi]: certainly, where g′'s signs placed it; about, where the secant did.)
    if (!tried && !enclosurePoint(base, key, fine, rng, deadline) && !meets(fine.lo) && !meets(fine.hi)) continue;
    if (!placed) doubt(`near ${label} ≈ ${formatRational(w, 12)}, ${printExpr(g)} comes within 10⁻⁸⁰ of 0 at a turn, and whether it reaches 0 there (where the right side would have no value) cannot be told`);
  }
  return null;
}

/**
 * A touch of g near the double x along `key` placed for guessing (touchAt): its bracket, the
 * place w, the digits it is known to (12 to 60; 40 at most where the secant placed it, whose
 * last step may understate how near), and whether g is within 10⁻⁴⁰ of 0 there — where a
 * place is worth guessing (a proof needs no more nearness than that: a place known to 10⁻³⁵
 * leaves (sin x − 1)² at 10⁻¹⁴⁰, yet 5π/2 is proved its zero; a turn at 10⁻¹², 1 + 10⁻¹² −
 * sin x, is not worth the guesses). Null where touchAt places none.
 */
function placedTouch(base: Point, key: string, g: Expr, x: number, rng: Rng, deadline: number): { fine: Bracket; w: Rational; known: number; near: boolean } | null {
  const fine = touchAt(base, key, g, x, deadline);
  if (!fine) return null;
  const w = fine.at ?? fine.lo.add(fine.hi).div(Rational.of(2));
  const size = Rational.ONE.add(w.sign() < 0 ? w.neg() : w);
  const known = Math.min(fine.certain ? 60 : 40, Math.max(12, -Math.ceil(Math.log10(Math.max(1e-300, fine.hi.sub(fine.lo).div(size).toNumber()))) - 3));
  let near = false;
  try {
    const v = base.replacing(key, w, rng).evaluate(decimalField(60), g) as DecInterval;
    near = v.lo.abs().lt('1e-40') && v.hi.abs().lt('1e-40');
  } catch {
    near = false;
  }
  return { fine, w, known, near };
}

/** The left side's touches (a scalar's key and the divisor) a step has sought a note for: once, not from each point the pole search starts from. */
const leftTouchesTried = new WeakMap<StepProblem, Set<string>>();

/**
 * The note LANGUAGE.md §3 asks for where the left side's divisor g touches 0 near the double
 * x (`(1 − sin x)/(1 − sin x) = 1`: the left has no value at π/2, the right has one there):
 * the turn placed as touchingZero places the right side's, its exact place guessed (a
 * fraction, or one times π: no note where it is neither), g
 * proved 0 there exactly, the point meeting the assumptions and the right side defined
 * there. Nothing where any of that fails (a note, never a doubt).
 */
function leftTouchNote(p: StepProblem, base: Point, key: string, label: string, g: Expr, x: number, ctx: IdentityContext, rng: Rng, deadline: number,
  extended: (q: Point, reason: string) => void): void {
  const touch = placedTouch(base, key, g, x, rng, deadline);
  if (!touch?.near) return;
  for (const c of exactGuesses(touch.w, g.range, touch.known, false, true)) {
    if (now() > deadline) return;
    const at = substitute(g, new Map([[label, c]]));
    if (!exactlyZero(at, ctx, `${p.salt}|touch|${printExpr(at)}`, deadline)) continue;
    const q = symbolicPoint(base, [{ key, c }], rng);
    if (!q) return;
    q.deadline = deadline;
    try {
      if (!q.satisfiesAssumptions(allLevels(), true, true)) return;
      q.touched.clear();
      // (Its names, touched, are the note's point.)
      q.evaluate(decimalLevels()[0]!, g);
      q.evaluate(decimalLevels()[0]!, p.right as Expr);
    } catch {
      return;
    }
    extended(q, `${printExpr(g)} touches 0 there`);
    return;
  }
}

/**
 * Where a divisor g of the right side touches 0 only where several scalars meet (2 − sin x −
 * sin y at x = y = π/2; 1 − sin x + (y − 1)²), which no search along one scalar sees: a
 * descent that moves each scalar g reads to its turn where |g| is least (lowestTurnAlong), in
 * rounds (a zigzag down a valley extrapolated), until g is within 10⁻⁹ of 0 in doubles. Each
 * scalar's exact value is then guessed (exactGuesses, to the digits the descent tells) and g there, the others at their values, proved 0 exactly
 * before touchPoint applies the domain rule. No guess proved leaves the step as it was.
 */
function touchAcross(p: StepProblem, base: Point, keys: readonly string[], parts: readonly Part[], rng: Rng, deadline: number,
  /**
   * The pole search from a point the descent reached where g has the other sign than at the
   * base: g crosses 0 there along the scalars, where the plain search along each finds it.
   */
  searchFrom: (q: Point, part: Part) => Counterexample | null = () => null): Counterexample | null {
  const ctx = identityContext(p);
  for (const part of parts) {
    if (part.side !== 'right' || part.beyond || !inRanges(base, part) || now() > deadline) continue;
    const { g } = part;
    const reads = new Set<string>();
    visit(g, (x) => { if (x.kind === 'Var') reads.add(printName(x.name)); });
    const along = keys.filter((k) => !k.includes('@') && reads.has(base.values.get(k)!.label));
    if (along.length < 2) continue;
    let q = base;
    const moved = new Map<string, number>();
    let least = Infinity;
    const signOf = (r: Point): -1 | 1 | null => {
      try {
        const v = r.evaluate(intervalField, g);
        return isMat(v) ? null : certainSign(v as Interval);
      } catch {
        return null;
      }
    };
    const here = signOf(base);
    const size = (r: Point): number => {
      try {
        const v = r.evaluate(intervalField, g);
        return isMat(v) ? Infinity : Math.abs(((v as Interval).lo + (v as Interval).hi) / 2);
      } catch {
        return Infinity;
      }
    };
    let lastMove = 0;
    for (let round = 0; round < 24 && least >= 1e-12 && now() <= deadline; round++) {
      const before = least;
      const from = new Map(moved);
      for (const key of along) {
        // (Turns where the point may still meet the assumptions: x ≥ 2 keeps 5π/2, not π/2.)
        const from = q;
        const keep = (x: number): boolean => {
          const d = 1e-9 * (1 + Math.abs(x));
          return [x, x - d, x + d].some((y) => meetsAt(from, key, Rational.parse(y.toPrecision(17)), rng, deadline));
        };
        const t = lowestTurnAlong(q, key, g, deadline, keep, here ?? undefined);
        if (!t || t.f >= least) continue;
        q = q.replacing(key, Rational.parse(t.x.toPrecision(17)), rng);
        moved.set(key, t.x);
        least = t.f;
      }
      // A zigzag down a narrow valley ((x − 3y)² + (y − 7/5)²) shrinks by a constant factor a
      // round: the round's move, extended up to 64 times, reaches the valley's bottom.
      // (And by ρ/(1 − ρ) of it, ρ the ratio of this round's move to the last one's: the
      // geometric series' sum, the bottom itself where the valley is quadratic.)
      const move = Math.hypot(...[...moved].map(([key, x]) => x - (from.get(key) ?? x)));
      const rho = lastMove > 0 ? move / lastMove : 0;
      lastMove = move;
      if (from.size === moved.size && round > 0) {
        let jump: { r: Point; f: number; at: Map<string, number> } | null = null;
        for (const k of [rho > 0 && rho < 1 ? rho / (1 - rho) : 1, 1, 2, 4, 8, 16, 32, 64]) {
          const at = new Map([...moved].map(([key, x]) => [key, x + k * (x - from.get(key)!)]));
          let r = q;
          for (const [key, x] of at) if (Number.isFinite(x)) r = r.replacing(key, Rational.parse(x.toPrecision(17)), rng);
          const f = size(r);
          if (f < (jump?.f ?? least)) jump = { r, f, at };
        }
        if (jump) {
          q = jump.r;
          for (const [key, x] of jump.at) moved.set(key, x);
          least = jump.f;
        }
      }
      if (least >= before / 2) break;
    }
    // Down past 0: x² + y² − 10⁻³⁰ is 0 on a circle of radius 10⁻¹⁵ only, which no line
    // through a drawn point meets; at the descent's end (0, 0) it is −10⁻³⁰, and along y from
    // there its zeros ±10⁻¹⁵ are exact (red team rt240: 1 = g/g was checked).
    if (here !== null && moved.size >= 1 && q !== base) {
      const there = signOf(q);
      if (there !== null && there !== here) {
        const found = searchFrom(q, part);
        if (found) return found;
        // (It crosses 0 rather than touching it: no place to guess.)
        continue;
      }
    }
    if (!(least < 1e-9) || moved.size < 2) continue;
    // (The scalars g reads that the descent left where they were are put in as their values.)
    const rest = new Map<string, Expr>();
    for (const name of reads) {
      const key = [...q.values.keys()].find((k) => q.values.get(k)!.label === name && !moved.has(k));
      const v = key === undefined ? null : q.values.get(key)!.value;
      if (v && !isMat(v)) rest.set(name, rationalExpr(v as Rational, g.range));
    }
    // (To as many digits as the descent tells: about √|g| from the zero, where g is quadratic there.)
    const digits = Math.max(5, Math.min(12, Math.floor(-Math.log10(Math.sqrt(least) || 1e-16)) - 1));
    const options = [...moved].map(([key, x]) => ({ key, label: base.values.get(key)!.label, cs: exactGuesses(Rational.parse(x.toPrecision(17)), g.range, digits, true).slice(0, 6) }));
    for (const at of guessCombinations(options, 64)) {
      if (now() > deadline) return null;
      const zero = substitute(g, new Map([...rest, ...at.map(({ label, c }) => [label, c] as const)]));
      if (freeNames(zero).length > 0 || !exactlyZero(zero, ctx, `${p.salt}|across|${printExpr(zero)}`, deadline)) continue;
      const out = touchPoint(p, q, at, g, rng, deadline);
      if (out?.kind === 'found') return out.found;
    }
  }
  return null;
}

/**
 * One guess per scalar, every combination, the likeliest first: by the sum of the guesses'
 * ranks in their lists (π, π, π before 355/113, 355/113, π's rank-0 neighbours run out), at most `max`.
 */
function guessCombinations(options: readonly { key: string; label: string; cs: readonly Expr[] }[], max: number): { key: string; label: string; c: Expr }[][] {
  let combos: { at: { key: string; label: string; c: Expr }[]; rank: number }[] = [{ at: [], rank: 0 }];
  for (const o of options) combos = combos.flatMap((done) => o.cs.map((c, i) => ({ at: [...done.at, { key: o.key, label: o.label, c }], rank: done.rank + i })));
  return combos.sort((u, v) => u.rank - v.rank).slice(0, max).map((x) => x.at);
}


/**
 * The point where each scalar `key` is the exact constant c: its enclosure at the precision
 * in force plus 40 digits (an edge 10⁻³⁰⁰ past the place is told from it) and c itself
 * (Point.symbolic: a comparison whose sides become the same text is decided exactly). Null
 * where c cannot be evaluated.
 */
/** symbolicPoint where it meets the assumptions for certain (strictly, not by agreement), with `deadline` set; else null. */
function symbolicPointMeeting(base: Point, at: readonly { key: string; c: Expr }[], rng: Rng, deadline: number): Point | null {
  const q = symbolicPoint(base, at, rng);
  if (!q) return null;
  q.deadline = deadline;
  try {
    return q.satisfiesAssumptions(allLevels(), true, true) ? q : null;
  } catch {
    return null;
  }
}

function symbolicPoint(base: Point, at: readonly { key: string; c: Expr }[], rng: Rng): Point | null {
  const D = decimalField(Math.max(120, agreementDigitsNow() + 40));
  let q = base;
  const ends: [Rational, Rational][] = [];
  try {
    for (const { key, c } of at) {
      const v = base.evaluate(D, c) as DecInterval;
      const lo = Rational.parse(v.lo.toString());
      const hi = Rational.parse(v.hi.toString());
      q = q.replacing(key, lo.add(hi).div(Rational.of(2)), rng);
      ends.push([lo, hi]);
    }
  } catch {
    return null;
  }
  at.forEach(({ key, c }, i) => {
    q.enclosures.set(key, ends[i]!);
    q.symbolic.set(key, c);
  });
  return q;
}

/**
 * The left side's value at q, where the right side has none (g = 0 there), as the
 * counterexample prints it (`≈ 0` where its enclosure holds 0), or null where it has none
 * either; g is evaluated too, so that the names it reads are the counterexample's.
 */
function leftWhereUndefined(q: Point, left: Expr, g: Expr): string | null {
  q.touched.clear();
  const F = decimalLevels()[0]!;
  let value: string | null = null;
  try {
    const v = q.evaluate(F, left);
    value = !isMat(v) && F.sign(v) === null ? '≈ 0' : formatValue(F, v, 12);
  } catch {
    value = null;
  }
  try {
    q.evaluate(F, g);
  } catch {
    // (the names it uses are the counterexample's)
  }
  return value;
}

/** What touchPoint found at an exact zero of a divisor: a counterexample, or why none, and whether that is certain (else a doubt). */
type Touched = { readonly kind: 'found'; readonly found: Counterexample } | { readonly kind: 'outside' | 'left-undefined'; readonly certain: boolean };

/**
 * The domain rule at a proved zero of g, the right side's divisor, where each scalar `key` is
 * the exact value c (its enclosure at the precision in force plus 40 digits, and c itself:
 * Point.symbolic): the right side has no value there, so where the point meets the
 * assumptions and the left side has a value, a counterexample. Else why not: outside the
 * assumptions (certainly, where no end of one scalar's enclosure meets them or one is
 * decided false at the point itself), or the left
 * without a value too (certainly, where one of its own divisors is proved 0 there). Null
 * where c cannot be evaluated.
 */
/**
 * The exact values at `base` of the scalars `e` reads, but `except`, as number expressions
 * by name (to substitute); a name with no rational value there (a vector, one known only as
 * an enclosure) is left out, so it stays free.
 */
function scalarValues(base: Point, e: Expr, except: string): Map<string, Expr> {
  const out = new Map<string, Expr>();
  for (const name of new Set(freeNames(e).map((v) => printName(v.name)))) {
    if (name === except) continue;
    const k = [...base.values.keys()].find((x) => base.values.get(x)!.label === name);
    const v = k === undefined ? null : base.values.get(k)!.value;
    if (v && !isMat(v) && !base.enclosures.has(k!)) out.set(name, rationalExpr(v as Rational, e.range));
  }
  return out;
}

/**
 * A right side's divisor g that is 0 at an irrational place inside the bracket r along `key`:
 * its exact value guessed (exactGuesses), proved a zero of g by exact algebra with the other
 * names at their values, and the left side taken there at the symbolic point (touchPoint): the
 * counterexample where the left has a value, else null.
 */
function exactZeroFailure(p: StepProblem, base: Point, key: string, label: string, g: Expr, r: Bracket, rng: Rng, deadline: number,
  /** The digits the guesses must match: 60 for a bracket within 10⁻⁹⁰, fewer for a coarser one. */
  digits = 60): Counterexample | null {
  const ctx = identityContext(p);
  const values = scalarValues(base, g, label);
  for (const c of exactGuesses(r.at ?? r.lo.add(r.hi).div(Rational.of(2)), g.range, digits).slice(0, 12)) {
    if (now() > deadline) return null;
    const at = substitute(g, new Map([...values, [label, c]]));
    if (freeNames(at).length > 0 || !exactlyZero(at, ctx, `${p.salt}|pole|${printExpr(at)}`, deadline)) continue;
    const out = touchPoint(p, base, [{ key, label, c }], g, rng, deadline, false);
    return out?.kind === 'found' ? out.found : null;
  }
  return null;
}

function touchPoint(p: StepProblem, base: Point, at: readonly { key: string; label: string; c: Expr }[], g: Expr, rng: Rng, deadline: number,
  /** Whether g touches 0 there (else it crosses), for the message. */
  touches = true): Touched | null {
  const q = symbolicPoint(base, at, rng);
  if (!q) return null;
  q.deadline = deadline;
  let inside = false;
  try {
    inside = q.satisfiesAssumptions(allLevels(), true, true);
  } catch {
    inside = false;
  }
  if (!inside) {
    // Outside the assumptions for certain where neither end of c's enclosure meets them (one
    // scalar); an edge the enclosure cannot be told from leaves a doubt.
    const [lo, hi] = q.enclosures.get(at[0]!.key) as [Rational, Rational];
    let certain = at.length === 1 && !meetsAt(base, at[0]!.key, lo, rng, deadline) && !meetsAt(base, at[0]!.key, hi, rng, deadline);
    // (Or an assumption decided false at c itself: x < π/2 at x = π/2, by equal texts.)
    try {
      certain ||= q.violatesAssumption(allLevels());
    } catch {
      // (undecided: a doubt)
    }
    return { kind: 'outside', certain };
  }
  const value = leftWhereUndefined(q, p.left as Expr, g);
  // (The left side without a value there either, or none that enclosures can tell: a doubt.)
  if (value === null) return { kind: 'left-undefined', certain: leftUndefinedAt(p, new Map(at.map(({ label, c }) => [label, c]))) };
  const where = at.map(({ label, c }) => `${label} = ${printExpr(c)}`).join(', ');
  return { kind: 'found', found: counterexample(q, value, 'undefined', `the right side is undefined where ${printExpr(g)} = 0, which happens at ${where} exactly${touches ? ' (it touches 0 there)' : ''}, while the left side is defined there (${value})`) };
}

/**
 * Where g touches 0 near the double x along `key`, as a bracket: the secant estimate of
 * touchNear with ±10³ of its last step (`at`, not certain: steering, never deciding), where
 * g's 110-digit enclosure holds 0 there; else a turn narrowed by the sign of g′ (refineTurn), certain
 * where it could be signed throughout. Null where neither places one.
 */
function touchAt(base: Point, key: string, g: Expr, x: number, deadline: number): Bracket | null {
  const est = touchNear(base, key, g, x, deadline);
  if (est) {
    const slack = est.step.mul(Rational.of(1000));
    return { lo: est.at.sub(slack), hi: est.at.add(slack), at: est.at, certain: false };
  }
  const t = turnNear(base, key, g, x);
  return t && refineTurn(base, key, g, ZERO_SCALAR, t, deadline);
}

/**
 * Exact values a number known to ~10⁻⁹⁰ (or to `digits` digits: 60 at most) may be, to be
 * proved (never taken on trust): a fraction with denominator ≤ 1000, or such a fraction
 * times π (with `nearer`, reduced into (−π, π] first) or e, the square root or the logarithm
 * of one, and where w is known to 10 digits, (a ± √q)/c and ∛q.
 */
function exactGuesses(w: Rational, range: Expr['range'], digits = 60, nearer = false,
  /** Only a fraction and a fraction times π (a left side's note: the rest cost ~40 ms at 90 digits). */
  fewest = false): Expr[] {
  // (30 digits past those the guesses must match, at most 120: exp and log at 120 digits
  // were half of a descent's guessing, for places known to 12.)
  const D = decimalField(Math.min(120, Math.max(40, digits + 30)));
  const out: Expr[] = [];
  const num = (q: Rational): Expr => rationalExpr(q, range);
  const tolerance = 10n ** BigInt(digits);
  const abs = (n: bigint): bigint => (n < 0n ? -n : n);
  /** n/d (d > 0, not necessarily in lowest terms: no gcd is taken of its long numbers). */
  const nearRatio = (n0: bigint, d0: bigint): Rational | null => {
    // Continued fractions: the last convergent with denominator ≤ 1000, if within 10⁻⁶⁰.
    let [h0, h1, k0, k1] = [0n, 1n, 1n, 0n];
    let n = n0;
    let d = d0;
    let best: [bigint, bigint] | null = null;
    for (let i = 0; i < 40 && d !== 0n; i++) {
      const a = n >= 0n ? n / d : -((-n + d - 1n) / d);
      [h0, h1] = [h1, a * h1 + h0];
      [k0, k1] = [k1, a * k1 + k0];
      if (k1 > 1000n) break;
      best = [h1, k1];
      [n, d] = [d, n - a * d];
    }
    if (!best) return null;
    // |h/k − n/d| ≤ (1 + |n/d|)/10^digits, cross-multiplied: |h d − k n|·10^digits ≤ k (d + |n|).
    const [h, k] = best;
    return abs(h * d0 - k * n0) * tolerance <= k * (d0 + abs(n0)) ? new Rational(h, k) : null;
  };
  const nearFraction = (x: Rational): Rational | null => nearRatio(x.n, x.d);
  const asRational = (v: DecInterval): Rational | null => {
    try {
      // (Exactly: Decimal's own arithmetic here would round to its default 20 digits, and a
      // guess to 40 digits would then miss 5π/6.)
      return Rational.parse(v.lo.toString()).add(Rational.parse(v.hi.toString())).div(Rational.of(2));
    } catch {
      return null;
    }
  };
  const q = nearFraction(w);
  if (q) out.push(num(q));
  const overPi = asRational(D.div(D.fromRational(w), D.pi()));
  const qp = overPi && nearFraction(overPi);
  const timesPi = (q: Rational): Expr => piTimes(q, range);
  if (qp && !qp.isZero()) {
    // (With `nearer`, a far multiple of π — a descent's bottom at −6829319π/2 — is tried first
    // as its place within (−π, π], where a periodic side is the same: to be proved there too.)
    const two = Rational.of(2);
    // (q − 2⌈(q − 1)/2⌉ lies in (−1, 1]: π stays π, 5π/2 becomes π/2.)
    const turns = -qp.sub(Rational.ONE).div(two).neg().floor();
    const reduced = qp.sub(new Rational(turns).mul(two));
    if (nearer && turns !== 0n) out.push(reduced.isZero() ? num(reduced) : timesPi(reduced));
    out.push(timesPi(qp));
  }
  if (fewest) return out;
  // (q·e: (y − e)² at e.)
  try {
    const overE = asRational(D.div(D.fromRational(w), D.e()));
    const qe = overE && nearFraction(overE);
    if (qe && !qe.isZero()) {
      const e: Expr = { kind: 'Const', name: 'e', range, shape: { kind: 'scalar' } };
      out.push(qe.equals(Rational.ONE) ? e : { kind: 'Binary', op: '*', left: num(qe), right: e, range, shape: { kind: 'scalar' } });
    }
    // (q/e and e^q: x log x at its bottom 1/e, x e^(−x/2) at 2.)
    const timesE = asRational(D.mul(D.fromRational(w), D.e()));
    const qOverE = timesE && nearFraction(timesE);
    if (qOverE && !qOverE.isZero()) {
      const e: Expr = { kind: 'Const', name: 'e', range, shape: { kind: 'scalar' } };
      out.push({ kind: 'Binary', op: '/', left: num(qOverE), right: e, range, shape: { kind: 'scalar' } });
    }
    if (w.sign() > 0) {
      const logW = asRational(D.elementary('log', D.fromRational(w)));
      const k = logW && nearFraction(logW);
      if (k && !k.isZero() && k.d <= 4n) out.push({ kind: 'Call', fn: { base: 'exp', index: null, primes: 0, hat: false, range }, args: [num(k)], range, shape: { kind: 'scalar' } });
    }
  } catch {
    // (no multiple of e to guess)
  }
  const sq = nearRatio(w.n * w.n, w.d * w.d);
  // (Not √q of a square: √1 is the fraction 1, tried already.)
  if (sq && sq.sign() > 0 && !sq.sqrt()) {
    const root: Expr = { kind: 'Call', fn: { base: 'sqrt', index: null, primes: 0, hat: false, range }, args: [num(sq)], range, shape: { kind: 'scalar' } };
    out.push(w.sign() < 0 ? { kind: 'Neg', arg: root, range, shape: { kind: 'scalar' } } : root);
  }
  // (a ± √q)/c, a quadratic irrational (the golden ratio, 1 + √2), for c ≤ 8 and |a| ≤ 12;
  // and ∛q. (Only where w is known to 10 digits or more: a coarser one matches too many.)
  if (digits >= 10) {
    // (On w to `digits` + 5 places: a short rational, so each continued fraction is cheap.)
    // (Unreduced: t = c·N/S − a = (c N − a S)/S and t² = (c N − a S)²/S², no gcds.)
    const scale = 10n ** BigInt(digits + 5);
    const wn = (w.n * scale) / w.d;
    for (let c = 1n; c <= 8n; c++) {
      for (let a = -12n; a <= 12n; a++) {
        if (a === 0n) continue;
        const tn = c * wn - a * scale;
        const q2 = nearRatio(tn * tn, scale * scale);
        if (!q2 || q2.sign() <= 0 || q2.sqrt()) continue;
        const root: Expr = { kind: 'Call', fn: { base: 'sqrt', index: null, primes: 0, hat: false, range }, args: [num(q2)], range, shape: { kind: 'scalar' } };
        const top: Expr = { kind: 'Binary', op: tn < 0n ? '-' : '+', left: num(new Rational(a)), right: root, range, shape: { kind: 'scalar' } };
        out.push(c === 1n ? top : { kind: 'Binary', op: '/', left: top, right: num(new Rational(c)), range, shape: { kind: 'scalar' } });
      }
    }
    const cube = nearRatio(w.n * w.n * w.n, w.d * w.d * w.d);
    if (cube && !cube.isZero()) {
      const third: Expr = { kind: 'Binary', op: '/', left: num(Rational.ONE), right: num(Rational.of(3)), range, shape: { kind: 'scalar' } };
      const r: Expr = { kind: 'Binary', op: '^', left: num(cube.sign() < 0 ? cube.neg() : cube), right: third, range, shape: { kind: 'scalar' } };
      out.push(cube.sign() < 0 ? { kind: 'Neg', arg: r, range, shape: { kind: 'scalar' } } : r);
    }
  }
  try {
    const ex = asRational(D.elementary('exp', D.fromRational(w)));
    const qe = ex && nearFraction(ex);
    if (qe && qe.sign() > 0) out.push({ kind: 'Call', fn: { base: 'log', index: null, primes: 0, hat: false, range }, args: [num(qe)], range, shape: { kind: 'scalar' } });
  } catch {
    // (exp out of range: no logarithm to guess)
  }
  return out;
}

/**
 * Whether g has, at each edge of the assumptions near the bracket r (`x ≤ π/2 − 10⁻³⁰⁰`),
 * the same certain sign as at `inside`, r's end within the assumptions: then its zero in r
 * lies past the edge. Signs in decimal at the precision in force, plus 40 digits.
 */
function zeroPastEdge(p: StepProblem, base: Point, key: string, g: Expr, r: Bracket, inside: Rational, rng: Rng): boolean {
  const label = base.values.get(key)?.label;
  if (!label || key.includes('@')) return false;
  const D = decimalField(agreementDigitsNow() + 70);
  const signOf = (e: Expr, at: Point): -1 | 0 | 1 | null => {
    try {
      const v = at.evaluate(D, e);
      return isMat(v) ? null : D.sign(v);
    } catch {
      return null;
    }
  };
  const sIn = signOf(g, base.replacing(key, inside, rng));
  if (sIn === null || sIn === 0) return false;
  let found = false;
  for (const edge of edgesNear(p, base, key, r)) {
    const s = signOf(substitute(g, new Map([[label, edge.expr]])), base);
    if (s !== sIn) return false;
    found = true;
  }
  return found;
}

/** The edges of the assumptions on `key` (sides without free names compared with it) whose value lies near the bracket r. */
function edgesNear(p: StepProblem, base: Point, key: string, r: Bracket): { expr: Expr; lo: Rational; hi: Rational }[] {
  const isName = (e: Expr): boolean => {
    if (e.kind !== 'Var') return false;
    const found = base.prep.lookup(e);
    return !!found && !found.index && found.info.key === key;
  };
  const width = r.hi.sub(r.lo);
  const F = decimalField(Math.max(120, agreementDigitsNow() + 40));
  const out: { expr: Expr; lo: Rational; hi: Rational }[] = [];
  const seen = new Set<string>();
  for (const c of p.prep.ctx.assumptions) {
    if (c.forAll.length > 0) continue;
    for (const { a, b } of comparedPairs(c.formula)) {
      const edge = isName(a) ? b : isName(b) ? a : null;
      if (!edge || freeNames(edge).length > 0 || edge.shape?.kind === 'matrix' || seen.has(printExpr(edge))) continue;
      seen.add(printExpr(edge));
      try {
        const v = base.evaluate(F, edge);
        if (isMat(v)) continue;
        const d = v as DecInterval;
        const lo = Rational.parse(d.lo.toString());
        const hi = Rational.parse(d.hi.toString());
        if (hi.cmp(r.lo.sub(width)) < 0 || lo.cmp(r.hi.add(width)) > 0) continue;
        out.push({ expr: edge, lo, hi });
      } catch {
        continue;
      }
    }
  }
  return out;
}

/**
 * Whether the left side certainly has no value where each name is its exact constant (label →
 * c): a divisor of it (or log's argument, tan's cosine) is 0 there exactly (tan x at π/2).
 */
function leftUndefinedAt(p: StepProblem, values: ReadonlyMap<string, Expr>): boolean {
  const ctx = identityContext(p);
  return singularParts(unfolded(p.left as Expr, p), true).some((g) => {
    const at = substitute(g, values);
    return freeNames(at).length === 0 && exactlyZero(at, ctx, `${p.salt}|left|${printExpr(at)}`, now() + 200);
  });
}

/** What the identity test needs to know of a step's names. */
function identityContext(p: StepProblem): IdentityContext {
  return { scope: p.prep.ctx.scope, functions: p.functions, dimensions: p.prep.dimensions };
}

/** Whether a scalar expression without free names is 0 exactly: by exact expansion, or by the identity test. */
function exactlyZero(e0: Expr, ctx: IdentityContext, seed: string, deadline: number): boolean {
  try {
    // (A function's argument that is a polynomial in π once a quotient by π is cancelled,
    // π((π − 2)/(2π)) + 1 = π/2, as that polynomial: the identity test takes those.)
    const e = exactConstants(polynomialArguments(e0));
    if (zeroByExpansion(e)) return true;
    return identityTest(e, ZERO_SCALAR, ctx, seed, deadline).kind === 'identical';
  } catch {
    return false;
  }
}


/**
 * The domain rule at the poles of an equation or bound (LANGUAGE.md §3), which random points
 * miss unless they are corner values: at each zero of a divisor (or log's argument, tan's
 * cosine) of the right side along each scalar, the right side has no value; where the left
 * has one there, the step is refuted. An exact zero is tried as it is (x + 7 =
 * (x² − 49)/(x − 7) at 7); at an irrational one, g changes sign across a bracket on which the
 * left side is defined, so at some point inside the right has no value and the left has one
 * (1 = (x² − 2)/(x² − 2) near √2). Where the left has no value and the right has one, the
 * step extends the left side (`extended`: a note).
 * Runs for steps a certificate proved too: the identity test sees rational functions, not domains.
 */
/**
 * Whether `e` has no part the pole search seeks (singularParts, its argument-of-√ and
 * fractional-power kind included, nor a power with a symbolic exponent). Unfolding puts
 * bodies in place of names and calls and makes no division, power, log, √, tan or inverse of
 * its own, and a power's constant exponent stays constant (one that reads a name counts here),
 * so sides and bodies without parts unfold to sides without parts: the search has nothing to
 * seek (its parts would be empty), and the unfolding, up to a sixth of a step like
 * `Δθ_t = −v_t by def Δθ` under a recurrence, is skipped.
 */
function withoutParts(e: Expr): boolean {
  return singularParts(e, false).length === 0 && symbolicPowers(e).size === 0;
}

/** withoutParts of every definition's and function's body the step unfolds (kept per list of definitions). */
function definitionsWithoutParts(p: StepProblem): boolean {
  let known = bodiesWithoutParts.get(p.unfoldings)?.get(p.functions);
  if (known === undefined) {
    known = p.unfoldings.every((u) => withoutParts(u.def.value)) && p.functions.every((d) => withoutParts(d.value));
    let byFunctions = bodiesWithoutParts.get(p.unfoldings);
    if (!byFunctions) bodiesWithoutParts.set(p.unfoldings, byFunctions = new WeakMap());
    byFunctions.set(p.functions, known);
  }
  return known;
}

const bodiesWithoutParts = new WeakMap<readonly Unfolding[], WeakMap<readonly Define[], boolean>>();

/** The scalar bases of powers whose exponent reads a name (x^n, x^(n+m)), by the power's text. */
function symbolicPowers(e: Expr): Map<string, Expr> {
  const out = new Map<string, Expr>();
  visit(e, (x) => {
    if (x.kind !== 'Binary' || x.op !== '^' || x.left.shape?.kind === 'matrix' || x.left.kind === 'Num') return;
    if (freeNames(x.right).length === 0 || constantValue(x.right) !== null) return;
    if (freeNames(x.left).length === 0) return;
    out.set(printExpr(x), x.left);
  });
  return out;
}

export function poleSearch(p: StepProblem, base: Point, rng: Rng, deadline: number, extended: (q: Point, reason: string) => void,
  /** Told where a divisor of the right side comes within 10⁻⁸⁰ of 0 without changing sign at a point no exact value was found for. */
  doubt: (why: string) => void = () => {},
  /**
   * The right side is proved to have a value wherever the left does (domain-inclusion.ts) and a
   * certificate proves the sides equal where both have one: neither a refutation nor a doubt can
   * come from the right side's parts, so only the left's are searched, for the notes of where the
   * step extends the left side.
   */
  rightHasValue = false,
  /** With `rightHasValue`: nothing more can come of the search (the notes it may add are all taken). */
  enough: () => boolean = () => false): Counterexample | null {
  const left = p.left as Expr;
  const right = p.right as Expr;
  // (An inequality is read where both sides are defined: its poles refute nothing.)
  if (p.rel !== '=') return null;
  const found = singularMatrixSearch(p, base, rng, deadline, extended, rightHasValue, enough);
  if (found) return found;
  // (Sides, definitions and functions with no part at all: the unfolded sides have none either.)
  if (withoutParts(left) && withoutParts(right) && definitionsWithoutParts(p)) return null;
  // (A part both sides have leaves both without a value at its zeros: nothing to find.)
  // (Inside definitions too: 1 = f(x)(x − 3) with f(u) = 1/(u − 3) at x = 3.)
  const rightAt = unfolded(right, p);
  const leftAt = unfolded(left, p);
  const rightSignless = new Set<string>();
  const leftSignless = new Set<string>();
  const rightSensitive = new Set<string>();
  const leftSensitive = new Set<string>();
  const rightParts = singularParts(rightAt, true, rightSignless, rightSensitive);
  const leftParts = singularParts(leftAt, true, leftSignless, leftSensitive);
  const leftNames = new Set(leftParts.map((g) => printExpr(g)));
  const rightNames = new Set(rightParts.map((g) => printExpr(g)));
  // √'s argument and a fractional power's base: no pole at their zeros (√0 = 0), but no value
  // beyond one where they change sign (x + 5 = √(x + 5)² below −5): tried on both sides of it.
  // (On the left, such a place is one the step extends the left side to: a note.)
  const rightSignsSignless = new Set<string>();
  const leftSignsSignless = new Set<string>();
  const rightSignsSensitive = new Set<string>();
  const leftSignsSensitive = new Set<string>();
  const rightSigns = singularParts(rightAt, false, rightSignsSignless, rightSignsSensitive).filter((g) => !rightNames.has(printExpr(g)));
  const leftSigns = singularParts(leftAt, false, leftSignsSignless, leftSignsSensitive).filter((g) => !leftNames.has(printExpr(g)));
  /** A part both sides have where `mine` needs its sign and the other has it only squared (√(x²) = √x²: x < 0). */
  const squaredOnOther = (g: Expr, mineSignless: Set<string>, mineSensitive: Set<string>, theirs: Set<string>, theirSignless: Set<string>): boolean => {
    const k = printExpr(g);
    return theirs.has(k) && theirSignless.has(k) && !mineSignless.has(k) && mineSensitive.has(k);
  };
  const leftAll = new Set(leftSigns.map((g) => printExpr(g)));
  const rightAll = new Set(rightSigns.map((g) => printExpr(g)));
  const parts: Part[] = [
    ...rightParts.filter((g) => !leftNames.has(printExpr(g))).map((g) => ({ g, side: 'right' as const, beyond: false })),
    ...leftParts.filter((g) => !rightNames.has(printExpr(g))).map((g) => ({ g, side: 'left' as const, beyond: false })),
    ...rightSigns.filter((g) => !leftAll.has(printExpr(g))).map((g) => ({ g, side: 'right' as const, beyond: true })),
    ...leftSigns.filter((g) => !rightAll.has(printExpr(g))).map((g) => ({ g, side: 'left' as const, beyond: true })),
    // A part both sides have where one has it only squared (log(x²) = 2 log x): the other has no
    // value beyond its zero, where this one does (x < 0), so both sides of the zero are tried.
    // (Not where the other is undefined only at the zero itself: 1 + tan(x)² = 1/cos(x)².)
    ...rightParts.filter((g) => leftSignless.has(printExpr(g)) && !rightSignless.has(printExpr(g)) && rightSensitive.has(printExpr(g))).map((g) => ({ g, side: 'right' as const, beyond: true })),
    ...leftParts.filter((g) => rightSignless.has(printExpr(g)) && !leftSignless.has(printExpr(g)) && leftSensitive.has(printExpr(g))).map((g) => ({ g, side: 'left' as const, beyond: true })),
    // So for √'s argument and a fractional power's base (a red team: √(x²) = √(x)² under
    // x > −10⁻⁹ was checked: it fails on (−10⁻⁹, 0), where no sampled point lands).
    ...rightSigns.filter((g) => squaredOnOther(g, rightSignsSignless, rightSignsSensitive, leftAll, leftSignsSignless)).map((g) => ({ g, side: 'right' as const, beyond: true })),
    ...leftSigns.filter((g) => squaredOnOther(g, leftSignsSignless, leftSignsSensitive, rightAll, rightSignsSignless)).map((g) => ({ g, side: 'left' as const, beyond: true })),
  ];
  // A part whose sign the right side needs (log g, √g) and the left has only as a divisor or
  // under an even power (1/g, g²): the left has a value beyond g's zero, where the right has
  // none. Red team rt57: under x > 1.414, 2x/(x² − 2) = d/dx log(x² − 2) was proved (the two
  // parts were matched by their text, and the log's argument never searched below its zero).
  const rightNeedsSign = (k: string): boolean => rightSensitive.has(k) || rightSignsSensitive.has(k);
  const leftNeedsSign = (k: string): boolean => leftSensitive.has(k) || leftSignsSensitive.has(k);
  for (const g of [...rightParts, ...rightSigns]) {
    const k = printExpr(g);
    if (!rightNeedsSign(k) || leftNeedsSign(k) || !(leftNames.has(k) || leftAll.has(k))) continue;
    if (parts.some((q) => q.side === 'right' && q.beyond && printExpr(q.g) === k)) continue;
    parts.push({ g, side: 'right', beyond: true });
  }
  // (The other way round, a note: d/dx log(x² − 2) = 2x/(x² − 2) extends the left side below √2.)
  for (const g of [...leftParts, ...leftSigns]) {
    const k = printExpr(g);
    if (!leftNeedsSign(k) || rightNeedsSign(k) || !(rightNames.has(k) || rightAll.has(k))) continue;
    if (parts.some((q) => q.side === 'left' && q.beyond && printExpr(q.g) === k)) continue;
    parts.push({ g, side: 'left', beyond: true });
  }
  // A base to a symbolic power (x^n, n an integer that may be negative) has a pole at its
  // zeros where the power is negative: not a part both sides share unless the power is the same
  // (x^(n+m) = x^n x^m fails at x = 0, n = −1, m = 1: the left is 0⁰ = 1, the right has no value).
  const leftPowers = symbolicPowers(leftAt);
  const rightPowers = symbolicPowers(rightAt);
  let powers = 0;
  for (const [side, mine, theirs] of [['right', rightPowers, leftPowers], ['left', leftPowers, rightPowers]] as const) {
    for (const [text, g] of mine) {
      if (theirs.has(text) || parts.some((q) => q.side === side && printExpr(q.g) === printExpr(g))) continue;
      parts.push({ g, side, beyond: false });
      powers++;
    }
  }
  // (Not a part that has no zero, or no negative value past which a side has none, anywhere
  // the assumptions hold: 1/β under 0 < β < 1, 1/‖g u‖ under g ≠ 0 and u ≠ 0. A sixth of the
  // homework's checking went to seeking their zeros.)
  const facts = new SignFacts(p.prep, [leftAt, rightAt]);
  parts.splice(0, parts.length, ...parts.filter(({ g, side, beyond }) => (!rightHasValue || side === 'left') && (beyond ? facts.sign(g) !== 1 : !facts.nonzero(g))));
  if (parts.length === 0) return null;
  // A number past exact arithmetic's reach (1e-99999999999, 10^(−10^12)) puts a divisor's zero
  // where neither exact values nor doubles can reach (x + 1e-99999999999 at −1e-99999999999):
  // the search cannot say there is none.
  const unreachable = (rightHasValue ? [leftAt] : [leftAt, rightAt]).find((side) => {
    let hit: string | null = null;
    visit(side, (x) => {
      if (x.kind === 'Num' && hugeLiteral(x.value)) hit = x.value;
      if (x.kind === 'Binary' && x.op === '^' && freeNames(x).length === 0 && constantValue(x) === null) {
        const b = constantValue(x.left);
        // (A power past reach has an exponent past 10⁵ or none that is known: 10^(−10^12); not
        // a root, ((−2)²)^(1/2).)
        const k = constantValue(x.right);
        const far = k === null || (k.sign() < 0 ? k.neg() : k).cmp(Rational.of(100000)) > 0;
        if (b && !b.isZero() && !(b.d === 1n && (b.n === 1n || b.n === -1n)) && far) hit = printExpr(x);
      }
    });
    return hit !== null;
  });
  if (unreachable) {
    doubt('the step writes a number past what exact arithmetic takes (beyond 10^±100000), and where a side has no value near it cannot be searched');
    return null;
  }
  // (Only the left side's parts, which can add notes only: none once they are all taken.)
  const done = rightHasValue ? enough : () => false;
  if (done()) return null;
  // A part that reads a ∑/∏ index is searched with the index put in (indexInstances).
  const levels = allLevels();
  // A divisor inside ∑/∏ counts only where the range is not empty: from the point as drawn,
  // and from it with each integer that bounds a range raised to 3 (searched along from
  // there too). A divisor that depends on the range's index (i − 5) has its integer zeros
  // in the range once its upper bound is 64: tried at that point only.
  const bases: Point[] = [base];
  const { bounds, uppers, indices } = rangeBounds(left, right);
  const byIndex = parts.some(({ g }) => mentionsAny(g, indices));
  // Where such a divisor is affine in the index (i − 1000), its zero too, up to 5,000.
  // (Not where a recurrence is unfolded: at T = 1000 it is too deep to evaluate.)
  const zeros = byIndex && !p.unfoldings.some((u) => u.recursive) ? indexZeros(base, parts.map(({ g }) => g), indices) : [];
  parts.splice(0, parts.length, ...indexInstances(parts, leftAt, rightAt));
  for (const k of bounds) {
    if (!base.values.has(k) || !base.isInteger(k)) continue;
    for (const n of byIndex && uppers.has(k) ? [...new Set([3, ...zeros, 64])] : [3]) {
      const q = at(base, k, Rational.of(n), rng, deadline);
      if (!q) continue;
      // (Evaluated once, so the names the range's body uses are drawn and searched along.)
      const found = domainAt(q, p, levels, extended);
      if (found) return found;
      if (n === 3) bases.push(q);
    }
  }
  // A part that is a sum of sizes (‖u‖ + x², uᵀu + x², ‖A‖²_F + |x|) is 0 only where its vectors
  // and matrices are 0 too, which no search along the scalars from a drawn point reaches (red
  // team rt103: 1 = (‖u‖ + x²)/(‖u‖ + x²) was proved, as the same step with a scalar |y| was
  // refuted): from the point with the vectors and matrices the parts read at 0, where that meets
  // the assumptions, the scalars are searched as from the drawn one.
  const partMats = new Set<string>();
  for (const { g } of parts) for (const k of keysRead(p, g) ?? []) partMats.add(k);
  const zeroed = matrixKeys(base).filter((k) => partMats.has(k.split('@')[0]!));
  if (zeroed.length > 0) {
    const zero = (k: string): Val<Rational> => {
      const m = base.values.get(k)!.value as Mat<Rational>;
      return new Mat(m.rows, m.cols, m.data.map(() => Rational.ZERO));
    };
    const q = atAll(base, zeroed.map((k) => [k, zero(k)] as const), rng, deadline);
    if (q) {
      // (Evaluated once, so that the scalars are drawn and searched along.)
      const found = domainAt(q, p, levels, extended);
      if (found) return found;
      bases.push(q);
    }
  }
  // And where a vector or matrix inside a part's norm is 0 without being 0 itself (‖u − v‖ at
  // u = v, ‖M u‖ at u = 0 for an invertible M, ‖M − N‖ at M = N): solved exactly (red team rt104:
  // under u ≠ 0, 1 = (‖u − v‖ + x²)/(‖u − v‖ + x²) was proved).
  for (const z of [...roundedPoints(base, rng).slice(0, 2), ...normZeroPoints(base, parts.map(({ g }) => g), rng, deadline, 4)]) {
    const q = atAll(z, [], rng, deadline);
    if (!q) continue;
    // (Evaluated once, so that the scalars are drawn and searched along.)
    const found = domainAt(q, p, levels, extended);
    if (found) return found;
    bases.push(q);
  }
  // A symbolic power is negative at some integers only: each integer it reads at −1 with the
  // others at 2 (n = −1, m = 2: x^n x^m has no value at x = 0, x^(n+m) = 0 there).
  // (Only where such a power is not on both sides: β^t = β^t … has nothing to find there.)
  if (powers > 0) {
    const ints = [...base.values.keys()].filter((k) => base.touched.has(k) && base.isInteger(k) && !isMat(base.values.get(k)!.value));
    for (const k of ints.slice(0, 3)) {
      const q = atAll(base, ints.map((j) => [j, Rational.of(j === k ? -1 : 2)] as [string, Val<Rational>]), rng, deadline);
      if (!q) continue;
      // (Evaluated once, so that the scalars are drawn and searched along.)
      const found = domainAt(q, p, levels, extended);
      if (found) return found;
      bases.push(q);
    }
  }
  for (const from of bases) {
    if (done()) return null;
    const out = poleSearchFrom(p, from, rng, deadline, extended, parts, levels, doubt, done);
    if (out) return out;
  }
  return equationCurveSearch(p, base, parts, rng, deadline, levels, extended);
}

/**
 * The zeros of a divisor on the solutions of an equation among the assumptions that is linear
 * in one of its scalars y (x + y = 1, x y = 1, x² − y = 0): there y = −h₀/(h₁ − h₀), h_c the
 * equation's left − right at y = c, which is put
 * into the divisor; its exact zeros along each other scalar are probed with y at that value.
 * (Linearity is proved with the identity test: h = h₀ + y (h₁ − h₀), y and the rest free.)
 * (Red team: under x + y = 1, 1 = (x − 2y)/(x − 2y) was proved: a probe moving x and then
 * solving for y never lands on a zero of a divisor in both names; also x + y − 6 on x² − y = 0.)
 */
function equationCurveSearch(p: StepProblem, base: Point, parts: readonly Part[], rng: Rng, deadline: number,
  levels: ReturnType<typeof allLevels>, extended: (q: Point, reason: string) => void): Counterexample | null {
  const ctx = identityContext(p);
  const bin = (op: '+' | '-' | '*' | '/', l: Expr, r: Expr): Expr => ({ kind: 'Binary', op, left: l, right: r, range: l.range, shape: { kind: 'scalar' } });
  for (const c of p.prep.checks) {
    const sides = solvedEquation(p, c);
    if (!sides) continue;
    const [a, b] = sides;
    if (a.shape?.kind === 'matrix' || b.shape?.kind === 'matrix') continue;
    const h = bin('-', a, b);
    const names = new Set(freeNames(h).filter((v) => !v.name.index).map((v) => printName(v.name)));
    for (const y of names) {
      if (now() > deadline) return null;
      const yKey = [...base.values.keys()].find((k) => base.values.get(k)!.label === y && !k.includes('@'));
      if (!yKey || base.isInteger(yKey) || isMat(base.values.get(yKey)!.value)) continue;
      const at = (v: number): Expr => substitute(h, new Map([[y, rationalExpr(Rational.of(v), h.range)]]));
      const [h0, h1] = [at(0), at(1)];
      const yVar = freeNames(h).find((v) => !v.name.index && printName(v.name) === y)!;
      // (Linear in y: h = h₀ + y (h₁ − h₀) as an identity in y and the other names, all free.
      // Not h₂ − 2h₁ + h₀ = 0 alone, which y(y − 1)(y − 2) passes: a red team's y³ − 3y² + 3y = x.)
      try {
        if (identityTest(h, bin('+', h0, bin('*', yVar, bin('-', h1, h0))), ctx, `${p.salt}|curve|${y}`, deadline).kind !== 'identical') continue;
      } catch {
        continue;
      }
      const Y = bin('/', bin('-', ZERO_SCALAR, h0), bin('-', h1, h0));
      for (const part of parts) {
        if (part.beyond || !freeNames(part.g).some((v) => printName(v.name) === y)) continue;
        const g = substitute(part.g, new Map([[y, Y]]));
        const keys = [...new Set(freeNames(g).filter((v) => !v.name.index).map((v) => printName(v.name)))]
          .map((name) => [...base.values.keys()].find((k) => base.values.get(k)!.label === name && !k.includes('@')))
          .filter((k): k is string => k !== undefined && k !== yKey && !base.isInteger(k) && !isMat(base.values.get(k)!.value));
        for (const key of keys.slice(0, 4)) {
          let tried = 0;
          for (const r of zerosAlong(base, key, g, deadline)) {
            if (!r.at || tried++ >= 4 || now() > deadline) continue;
            try {
              const yv = base.replacing(key, r.at, rng).evaluate(exactField, Y);
              if (isMat(yv)) continue;
              const q = atAll(base, [[key, r.at], [yKey, yv]], rng, deadline);
              const found = q && domainAt(q, p, levels, extended);
              if (found) return found;
            } catch {
              // (y has no value there: the equation's coefficient of y is 0.)
            }
          }
        }
      }
    }
  }
  return null;
}

/**
 * The domain rule for a step without names whose right side divides by a constant that is 0
 * exactly (1/cos(π/2), tan(π/2), 1/(sin(π/6) − 1/2): no enclosure shows it, exact expansion or
 * the identity test proves it): where the left side has a value, a counterexample; else null.
 */
export function constantPole(p: StepProblem, point: Point, deadline: number): Counterexample | null {
  const left = p.left as Expr;
  const right = unfolded(p.right as Expr, p);
  if (freeNames(right).length > 0 || freeNames(unfolded(left, p)).length > 0) return null;
  const ctx = identityContext(p);
  for (const g of singularParts(right, true)) {
    if (now() > deadline) return null;
    if (!exactlyZero(g, ctx, `${p.salt}|constant|${printExpr(g)}`, deadline)) continue;
    if (leftUndefinedAt(p, new Map())) return null;
    const value = leftWhereUndefined(point, left, g);
    if (value === null) return null;
    return counterexample(point, value, 'undefined', `the right side is undefined: ${printExpr(g)} = 0 exactly, while the left side is defined (${value})`);
  }
  return null;
}

/**
 * The parts inside a ∑/∏ that read its index (x + k − 1/3 in ∑_{k=1}^{n}): as they stand they
 * have no meaning (k has no value outside the range, or a declared k's, which is another
 * name), so they are replaced by instances with the index at the range's first three members
 * and its last (k = m, m + 1, m + 2, n: a zero at x = −2/3 for k = 1, at x = 1/m for x k − 1).
 */
function indexInstances(parts: readonly Part[], left: Expr, right: Expr): Part[] {
  const binders: { index: string; lower: Expr; upper: Expr; values: Expr[]; inner: Set<string> }[] = [];
  // (Only ranges whose index some part reads: most steps with ∑ have none.)
  const read = new Set<string>();
  for (const part of parts) visit(part.g, (x) => { if (x.kind === 'Var' && !x.name.index) read.add(printName(x.name)); });
  const num = (n: bigint, range: Expr['range']): Expr => {
    const lit: Expr = { kind: 'Num', value: (n < 0n ? -n : n).toString(), range, shape: { kind: 'scalar' } };
    return n < 0n ? { kind: 'Neg', arg: lit, range, shape: { kind: 'scalar' } } : lit;
  };
  for (const side of [left, right]) {
    visit(side, (x) => {
      if (x.kind !== 'BigOp' || !read.has(printName(x.index))) return;
      const lower = constantValue(x.lower);
      const values = [0n, 1n, 2n].map((j): Expr => (lower?.isInteger() ? num(lower.n + j, x.lower.range)
        : j === 0n ? x.lower : { kind: 'Binary', op: '+', left: x.lower, right: num(j, x.lower.range), range: x.lower.range, shape: { kind: 'scalar' } }));
      const inner = new Set([...singularParts(x.body), ...singularParts(x.body, true)].map((g) => printExpr(g)));
      binders.push({ index: printName(x.index), lower: x.lower, upper: x.upper, values: [...values, x.upper], inner });
    });
  }
  const out: Part[] = [];
  for (const part of parts) {
    const text = printExpr(part.g);
    const bound = binders.filter((b) => b.inner.has(text) && mentionsAny(part.g, new Set([b.index])));
    if (bound.length === 0) {
      out.push(part);
      continue;
    }
    const seen = new Set<string>();
    for (let j = 0; j < 4; j++) {
      const g = substitute(part.g, new Map(bound.map((b) => [b.index, b.values[j]!])));
      if (seen.has(printExpr(g))) continue;
      seen.add(printExpr(g));
      out.push({ ...part, g, ranges: bound.map((b) => ({ lower: b.lower, upper: b.upper, value: b.values[j]! })) });
    }
  }
  return out;
}

/** A part whose zeros poleSearch visits: on which side, and whether the side has no value beyond a zero (√) rather than at it. */
interface Part {
  readonly g: Expr;
  readonly side: 'left' | 'right';
  readonly beyond: boolean;
  /**
   * For a ∑/∏ index instance (indexInstances): the ranges' bounds and the index value put in.
   * A zero of the instance takes a side's value away only where that value is in its range.
   */
  readonly ranges?: readonly { readonly lower: Expr; readonly upper: Expr; readonly value: Expr }[];
}

/** Whether a part's index values lie in their ranges at q (always, for a part that is no instance); false where it cannot be told. */
function inRanges(q: Point, part: Part): boolean {
  if (!part.ranges) return true;
  try {
    return part.ranges.every(({ lower, upper, value }) => {
      const [lo, hi, v] = [lower, upper, value].map((e) => q.evaluate(exactField, e));
      if (isMat(lo!) || isMat(hi!) || isMat(v!)) return false;
      return (lo as Rational).cmp(v as Rational) <= 0 && (v as Rational).cmp(hi as Rational) <= 0;
    });
  } catch {
    return false;
  }
}

/**
 * Offsets from a zero (times its size) at which a part that changes sign there is negative on
 * one side: near, then farther. (Second red team: 2^−20 and 2^−40 too, for a gap narrower
 * than 1/1024 of the zero's size — √(1000 − tan x) has none on the 10⁻³ between atan 1000
 * and π/2, and tan x = tan x + 0·√(1000 − tan x) was proved.)
 */
const BEYOND: readonly Rational[] = [new Rational(1n, 2n ** 40n), new Rational(1n, 2n ** 20n), Rational.of(1).div(Rational.of(1024)), Rational.of(1)];

/** poleSearch from one point: the zeros of each part along each scalar. */
function poleSearchFrom(p: StepProblem, base: Point, rng: Rng, deadline: number, extended: (q: Point, reason: string) => void,
  parts: readonly Part[], levels: ReturnType<typeof allLevels>, doubt: (why: string) => void, done: () => boolean,
  /** Whether to descend across several scalars last (touchAcross; not again from where it led). */
  across = true): Counterexample | null {
  const left = p.left as Expr;
  const right = p.right as Expr;
  // An integer name where a divisor affine in it vanishes (t − 40 at t = 40): the grid along
  // scalars skips integers, and the sampled ones rarely land there.
  // The scalars the parts name first (a + b + c + d + √x + 1 over (x − 1)/(√x − 1): x; a
  // family's member by its own name, g_1 not g_2), then those they read through definitions,
  // substitutions and function bodies (domain.ts); none they do not read, along which a part
  // is constant, with no zero to find. (Every scalar where the parts are too large to follow.)
  const named = new Set<string>();
  for (const { g } of parts) visit(g, (x) => { if (x.kind === 'Var') named.add(printName(x.name)); });
  let read: Set<string> | null = new Set<string>();
  /** The keys each part reads (null: too large to follow): along a scalar it does not read, it is constant, with no zero to find. */
  const partReads = new Map<Part, Set<string> | null>();
  for (const part of parts) {
    const keys = keysRead(p, part.g);
    partReads.set(part, keys);
    if (!keys) read = null;
    else if (read) for (const k of keys) read.add(k);
  }
  // (The tan addition formula's parts cos y and 1 − tan x tan y… along x and y: a third of the
  // scans were of a part along a scalar it does not read.)
  const constantAlong = (part: Part, key: string): boolean => {
    const reads = partReads.get(part);
    return !!reads && !key.includes('@') && !reads.has(key);
  };
  // (Those the step itself writes come before those the unfolding brought in: x before β and
  // g_1 … g_3 in (x − 7/3)(v_3² + 1), v_3 a recurrence in β and g.)
  const written = new Set<string>();
  for (const side of [left, right]) visit(side, (x) => { if (x.kind === 'Var') written.add(printName(x.name)); });
  const all = [...base.values.keys()].filter((k) => base.touched.has(k) && !isMat(base.values.get(k)!.value));
  const nameOf = (k: string): string => (k.includes('@') ? base.values.get(k)!.label : k);
  const tier = (k: string): number => (named.has(nameOf(k)) ? (written.has(nameOf(k)) ? 0 : 1) : 2);
  const keys = all.filter((k) => tier(k) < 2 || !read || read.has(k.split('@')[0]!)).sort((a, b) => tier(a) - tier(b));
  for (const key of keys.filter((k) => base.isInteger(k)).slice(0, 8)) {
    for (const part of parts) {
      if (constantAlong(part, key)) continue;
      const z = integerZero(base, key, part.g, rng);
      const q = z === null ? null : atMeeting(p, base, key, Rational.of(z), rng, deadline);
      const found = q && domainAt(q, p, levels, extended);
      if (found) return found;
    }
  }
  // (How many scalars each part turns along keeping its sign: a descent across them needs two.)
  const turning = new Map<Part, number>();
  for (const key of keys.filter((k) => !base.isInteger(k)).slice(0, 8)) {
    const label = base.values.get(key)!.label;
    for (const part of parts) {
      if (done()) return null;
      if (constantAlong(part, key)) continue;
      const { g, side, beyond } = part;
      if (beyond) {
        // Between two zeros and at each turn, where a narrow gap lies that the steps off one miss.
        for (const x of dipsAlong(base, key, g, deadline)) {
          if (now() > deadline) break;
          const q = atMeeting(p, base, key, x, rng, deadline);
          const found = q && domainAt(q, p, levels, extended);
          if (found) return found;
        }
      }
      // A zero g touches without changing sign (1 − sin x at π/2, (x − √2)² at √2): at a
      // turn of g where it is within 10⁻⁸⁰ of 0 (found by the same scan as the zeros).
      // (Places that may meet the assumptions: at the turn or just beside it, an edge there.)
      const keep = (x: number): boolean => {
        const d = 1e-9 * (1 + Math.abs(x));
        return [x, x - d, x + d].some((y) => meetsAt(base, key, Rational.parse(y.toPrecision(17)), rng, deadline));
      };
      const touching: Touching = { places: [], keep, turns: false };
      // (A left part's zeros are where the left side has no value: they refute nothing, only
      // extend the left side, so the grid's zeros suffice for the note: the search beside its
      // own poles, for a zero squeezed against one, was a ninth of the identity table's checking.)
      const zeros = zerosAlong(base, key, g, deadline, beyond ? undefined : touching, side === 'left');
      if (touching.turns) turning.set(part, (turning.get(part) ?? 0) + 1);
      if (touching.places.length > 0) {
        const found = touchingZero(p, base, key, part, touching.places, rng, deadline, extended, doubt);
        if (found) return found;
      }
      let tried = 0;
      for (const r of zeros) {
        if (tried++ >= 4 || now() > deadline) break;
        const zero = r.at ?? r.lo.add(r.hi).div(Rational.of(2));
        const scale = Rational.of(1).add(zero.sign() < 0 ? zero.neg() : zero);
        // Toward an end of the assumptions closer to the zero than the points beside it below
        // (1/1024 of its size): no random point lands between them, and past the zero a side
        // may have no value (√(x²) = x under x > −10⁻⁹ fails only on (−10⁻⁹, 0)).
        for (const x of towardEnds(zero, base.prep.intervals.get(key), scale.div(Rational.of(512)))) {
          const q = atMeeting(p, base, key, x, rng, deadline);
          const found = q && domainAt(q, p, levels, extended);
          if (found) return found;
        }
        if (beyond) {
          // On each side of the zero, a little way off and farther (scaled to its size):
          // where g < 0 there, the right side has no value and the left may have one.
          const half = r.at ? Rational.of(0) : r.hi.sub(r.lo);
          // (A certain bracket's ends first: g has opposite signs there, so one is a point where
          // g < 0 — the only kind near a pole, where g is negative on a gap narrower than any
          // step off the zero: √(10¹⁵ − tan x) on the 10⁻¹⁵ below π/2.)
          const ends = r.certain && !r.at ? [[r.lo, r.hi]] : [];
          for (const pair of [...ends, ...BEYOND.map((d) => [r.lo.sub(half).sub(d.mul(scale)), r.hi.add(half).add(d.mul(scale))])]) {
            for (const x of pair) {
              const q = atMeeting(p, base, key, x, rng, deadline);
              const found = q && domainAt(q, p, levels, extended);
              if (found) return found;
            }
          }
          continue;
        }
        if (r.at) {
          const q = atMeeting(p, base, key, r.at, rng, deadline);
          const found = q && domainAt(q, p, levels, extended);
          if (found) return found;
          continue;
        }
        // An irrational zero of a divisor one side has and the other does not.
        if (!r.certain) continue;
        const z = zeroPoint(p, base, key, g, ZERO_SCALAR, r, rng, deadline);
        // (An index instance's zero counts only where the index value is in its range there.)
        if (!z || !inRanges(z.q, part)) continue;
        const q = z.q;
        q.touched.clear();
        const F = decimalLevels()[0]!;
        const valueOf = (e: Expr): string | null => {
          try {
            const v = q.evaluate(F, e);
            // A value whose enclosure holds 0 (log x − 1 within 10⁻⁹⁰ of e) is 0 as far as told,
            // not the 10⁻⁵⁰ its enclosure's middle prints.
            return !isMat(v) && F.sign(v) === null ? '≈ 0' : formatValue(F, v, 12);
          } catch {
            return null;
          }
        };
        // (Whether a side has a value there, in double enclosures first: a value in them is a value
        // on all of the box, and 50-digit sines and tangents were a fifth of tan(x + y)'s pole search.)
        const hasValue = (e: Expr): boolean => {
          try {
            q.evaluate(intervalField, e);
            return true;
          } catch (error) {
            if (error instanceof Undefined) return false;
            return valueOf(e) !== null;
          }
        };
        hasValue(g); // (the names it uses are the counterexample's)
        // (A bracket narrowed to an assumption's edge is named by its place: its ends differ in the 90th digit.)
        // (Written only where a message needs it: an end with no short decimal form costs up
        // to 48 tries of formatRational, ~4% of the identity table's checking when done for every zero.)
        // (Its ends need a value on all of the bracket from the side that has one there: the
        // right side's for a note, where the left has none at the zero; the left side's for a
        // counterexample. With the left's, every note's bracket was printed to 17 digits, after
        // a search that was a fifth of the pole search on tan(x + y)'s identity.)
        const bracketText = (): [string, string] => shortBracket(base, key, g, side === 'left' ? right : left, z.r, rng) ?? apart(z.r.lo, z.r.hi);
        const place = (): string => z.edge ? `at ${label} = ${printExpr(z.edge)} exactly, an edge of the assumptions`
          : z.narrowed ? `within 10⁻⁹⁰ of ${label} ≈ ${formatRational(z.r.lo, 12)}` : `between ${label} = ${bracketText().join(' and ')}`;
        if (side === 'left') {
          if (hasValue(right)) extended(q, `where ${printExpr(g)} = 0, ${z.narrowed || z.edge ? place() : `between ${bracketText().join(' and ')}`}`);
          continue;
        }
        const l = valueOf(left);
        if (l === null) {
          // At the zero's exact place, guessed from its narrowed bracket and proved 0 by algebra, a
          // left side with a value there only, or only on one side (√(x² − 2) at √2, whose
          // enclosure over the bracket has none), has one by Point.symbolic (Host.symbolicZero).
          // Red team rt57: √(x² − 2) = (x² − 2)/√(x² − 2) was proved; the rational form was refuted.
          // (The bracket refined to 10⁻³⁰ at 50 digits and the guesses matched to 20: a guess counts
          // only where algebra proves it a zero, so more digits only thin the guesses; the 110-digit
          // refinement to 10⁻⁹⁰ was a third of checking tan(x + y)'s identity, where most of the
          // right side's poles are the left's too. None where no guess matches the bracket's
          // middle to 10 digits: within 10⁻¹² of the zero, no guess could match it to 20.)
          const hopeful = !z.narrowed && !z.edge && exactGuesses(z.r.lo.add(z.r.hi).div(Rational.of(2)), g.range, 10).length > 0;
          const coarse = hopeful ? refineRoot(base, key, g, ZERO_SCALAR, z.r, deadline, { digits: 50, exponent: 30 }) : null;
          const exact = z.edge ? null
            : z.narrowed ? exactZeroFailure(p, base, key, label, g, z.r, rng, deadline)
            : coarse ? exactZeroFailure(p, base, key, label, g, coarse, rng, deadline, 20) : null;
          if (exact) return exact;
          // On an edge exactly the right side has no value; the left's enclosure cannot tell
          // its own (√(cos x) at π/2 is 0): the step cannot be decided there.
          if (z.edge && !leftUndefinedAt(p, new Map([[label, z.edge]]))) doubt(`at ${label} = ${printExpr(z.edge)}, where ${printExpr(g)} = 0, the right side has no value and whether the left has one cannot be told`);
          continue;
        }
        return counterexample(q, l, 'undefined', z.edge
          ? `the right side is undefined where ${printExpr(g)} = 0, which happens ${place()}, while the left side is defined there (${l})`
          : `the right side is undefined where ${printExpr(g)} = 0, which happens ${place()} (it changes sign there), while the left side is defined on all of that interval (${l})`);
      }
      // A right part of sines and cosines with no zero the grid could place for certain: at the
      // exact places where their arguments a·x + b are multiples of π/2 (sin(10⁸x) − 1 touches 0
      // every 2π/10⁸, far finer than the grid; sin(2x + 1) − 1 at π/4 − 1/2, a place no guess
      // from its digits reaches — red team rt240).
      if (side === 'right' && !beyond && periodic(g) && !zeros.some((r) => r.at || r.certain)) {
        const found = periodicZero(p, base, key, part, rng, deadline);
        if (found) return found;
      }
    }
  }
  // (Then a zero that only several scalars together reach.)
  if (!across) return null;
  return touchAcross(p, base, keys.filter((k) => !base.isInteger(k)).slice(0, 4), parts.filter((part) => (turning.get(part) ?? 0) >= 2), rng, deadline,
    (q, part) => poleSearchFrom(p, q, rng, deadline, extended, [part], levels, doubt, done, false));
}

/** How many turns of each line periodicZero takes nearest a·x + b = 0 (and three nearest the base value). */
const PERIODIC_ZERO_REACH = 4;

/**
 * A zero of the right side's part g at an exact place where the argument of one of its sines
 * or cosines, a·x + b along `key`, is kπ/2 (x = (kπ/2 − b)/a, periodicLines): k nearest a·x + b
 * = 0 and nearest the base value, inside the key's bounds, where g is within 10⁻⁶ of 0 in
 * double enclosures; there g proved 0 by algebra (exactlyZero), the domain rule applied
 * (touchPoint). A counterexample, or null.
 */
function periodicZero(p: StepProblem, base: Point, key: string, part: Part, rng: Rng, deadline: number): Counterexample | null {
  const { g } = part;
  const label = base.values.get(key)?.label;
  if (!label || key.includes('@') || !inRanges(base, part)) return null;
  const bounds = base.prep.intervals.get(key);
  const x0 = base.values.get(key)!.value;
  if (isMat(x0)) return null;
  let ctx: IdentityContext | null = null;
  let tried = 0;
  // (The other scalars g reads at their values: sin(10⁸x) − y at y = 1.)
  const rest = new Map<string, Expr>();
  visit(g, (x) => {
    if (x.kind !== 'Var' || x.name.index) return;
    const name = printName(x.name);
    const k = name === label ? undefined : [...base.values.keys()].find((j) => base.values.get(j)!.label === name && !j.includes('@'));
    const v = k === undefined ? null : base.values.get(k)!.value;
    if (v && !isMat(v)) rest.set(name, rationalExpr(v as Rational, g.range));
  });
  for (const line of periodicLines(p, base, key, rng, deadline, [g])) {
    const k0 = BigInt(Math.round((lineNumbers(line)[1] * 2) / Math.PI));
    const k1 = nearestTurn(line, x0 as Rational);
    // (Nearest a·x + b = 0 first, alternating sides, where the place is shortest to print.)
    const ks = new Set<bigint>();
    for (let j = 0; j <= PERIODIC_ZERO_REACH; j++) { ks.add(-k0 + BigInt(j)); ks.add(-k0 - BigInt(j)); }
    for (const k of [k1, k1 - 1n, k1 + 1n]) ks.add(k);
    for (const k of ks) {
      if (now() > deadline || tried >= 4) return null;
      const x = periodicPoint(line, k);
      if (bounds && outside(x, bounds)) continue;
      // (Near 0 in doubles first: a place g is far from costs no proof.)
      try {
        const v = base.replacing(key, x, rng).evaluate(intervalField, g);
        if (isMat(v) || !(Math.abs((v as Interval).lo / 2 + (v as Interval).hi / 2) <= 1e-6)) continue;
      } catch {
        continue;
      }
      tried++;
      const c = periodicPlaceExpr(line, k, g.range);
      ctx ??= identityContext(p);
      if (!exactlyZero(substitute(g, new Map([...rest, [label, c]])), ctx, `${p.salt}|periodic|${printExpr(g)}|${k}`, deadline)) continue;
      const out = touchPoint(p, base, [{ key, label, c }], g, rng, deadline, false);
      if (out?.kind === 'found') return out.found;
    }
  }
  return null;
}

/**
 * The domain rule for an equation at one probe point: the right side undefined where the
 * left has a value refutes, the sides differing refutes, the left undefined alone is a note.
 */
function domainAt(q: Point, p: StepProblem, levels: ReturnType<typeof allLevels>, extended: (q: Point, reason: string) => void): Counterexample | null {
  q.touched.clear();
  let o: ReturnType<typeof decideAt>;
  try {
    o = decideAt(q, p.left as Expr, p.rel as RelOp, p.right as Expr, levels);
  } catch {
    // A probe that cannot be evaluated (a recurrence too deep at T = 1000) finds nothing there.
    return null;
  }
  if (o.kind === 'right-undefined') {
    const l = formatValue(o.F, o.left);
    return counterexample(q, l, 'undefined', `the right side is undefined here (${o.reason}) but the left is ${l}`);
  }
  if (o.kind === 'left-undefined') extended(q, o.reason);
  if (o.kind === 'fails') {
    const [l, r] = formatSides(o.F, o.left, o.right);
    return counterexample(q, l, r);
  }
  return null;
}

/** The integer names that bound a ∑ or ∏ (their keys; those in an upper bound), and the ranges' index names. */
function rangeBounds(...es: Expr[]): { bounds: string[]; uppers: Set<string>; indices: Set<string> } {
  const bounds = new Set<string>();
  const uppers = new Set<string>();
  const indices = new Set<string>();
  const names = (b: Expr, into: Set<string>[]) => visit(b, (v) => { if (v.kind === 'Var' && !v.name.index) into.forEach((s) => s.add(printName(v.name))); });
  for (const e of es) {
    visit(e, (x) => {
      if (x.kind !== 'BigOp') return;
      indices.add(printName(x.index));
      names(x.lower, [bounds]);
      names(x.upper, [bounds, uppers]);
    });
  }
  return { bounds: [...bounds], uppers, indices };
}

/**
 * The whole zeros (1 … 5,000) of divisors that are affine in a range's index, at this
 * point's other values: g(0) and g(1) give the line, g(2) must lie on it.
 */
function indexZeros(base: Point, parts: readonly Expr[], indices: ReadonlySet<string>): number[] {
  const out = new Set<number>();
  for (const g of parts) {
    for (const i of indices) {
      if (!mentionsAny(g, new Set([i]))) continue;
      const atIndex = (n: number) => exactScalar(base, substitute(g, new Map([[i, { kind: 'Num', value: String(n), range: g.range, shape: { kind: 'scalar' } } as Expr]])));
      const [g0, g1, g2] = [atIndex(0), atIndex(1), atIndex(2)];
      if (!g0 || !g1 || !g2 || g0.equals(g1) || !g2.equals(g0.add(g1.sub(g0).mul(Rational.of(2))))) continue;
      const z = g0.div(g0.sub(g1));
      if (z.isInteger() && z.sign() > 0 && z.cmp(Rational.of(5000)) <= 0) out.add(Number(z.n));
    }
  }
  return [...out].sort((a, b) => a - b).slice(0, 3);
}

/**
 * A whole zero of g along an integer name, where the integer is sampled: where g is affine
 * in it (at 0, 1, 2), its zero (|z| ≤ 10⁶); else the first of the 64 integers from where it
 * is sampled at which g is exactly 0 (t² − 49 at 7, √t − 3 at 9: √ of a square is exact),
 * then the whole numbers beside a polynomial g's real zeros (t² − 4900 at 70).
 */
function integerZero(base: Point, key: string, g: Expr, rng: Rng): number | null {
  const value = (n: number) => exactScalar(base.replacing(key, Rational.of(n), rng), g);
  // Not below where the integer is sampled (an index starts at 0 unless an assumption says otherwise).
  const floor = base.integerFloor(key);
  const [g0, g1, g2] = [value(0), value(1), value(2)];
  if (g0 && g1 && g2 && !g0.equals(g1) && g2.equals(g0.add(g1.sub(g0).mul(Rational.of(2))))) {
    const z = g0.div(g0.sub(g1));
    if (!z.isInteger() || Math.abs(Number(z.n)) > 1e6) return null;
    return floor === null || Number(z.n) >= floor ? Number(z.n) : null;
  }
  // (Not where the integer is an exponent, 1 − β^t: its exact powers grow with t, and such a
  // divisor's integer zeros are rare.)
  let exponent = false;
  const name = key.split('@')[0]!;
  visit(g, (x) => { if (x.kind === 'Binary' && x.op === '^' && mentionsAny(x.right, new Set([name]))) exponent = true; });
  if (exponent) return null;
  const from = floor ?? -32;
  // (Whole numbers doubles still step through: past 2⁵³, n++ leaves n as it is.)
  if (!Number.isSafeInteger(from + 64)) return null;
  // (Until a value has more than 4,096 bits: a recurrence whose digits grow so (Heron's
  // x_t = (x_(t−1) + a/x_(t−1))/2 doubles them at each t) spent 5 s computing them to exact
  // arithmetic's limit, from scratch at each t, and the step was unknown for its time limit
  // (third red team). Not at a value that is not exact: √t − 3 has none at 2 and 3, and its
  // zero at 9.)
  for (let n = from; n < from + 64; n++) {
    const v = value(n);
    if (v?.isZero()) return n;
    if (v && v.n.toString(16).length + v.d.toString(16).length > 1024) break;
  }
  // Farther: a polynomial's real zeros, and the whole numbers beside each (t² − 4900 at 70).
  for (const r of polynomialZerosAlong(base, key, g).slice(0, 8)) {
    for (const x of [r.lo, r.hi]) {
      for (const n of [Number(x.floor()), Number(x.floor()) + 1]) {
        if (Number.isSafeInteger(n) && Math.abs(n) <= 1e6 && n >= from && value(n)?.isZero()) return n;
      }
    }
  }
  return null;
}

/** Whether an expression mentions any of these names. */
function mentionsAny(e: Expr, names: ReadonlySet<string>): boolean {
  let hit = false;
  visit(e, (v) => { if (v.kind === 'Var' && names.has(printName(v.name))) hit = true; });
  return hit;
}

/**
 * The singular places of vectors and matrices, which no scalar search reaches: each square
 * matrix inside an inverse (M⁻¹) or a scalar divisor (uᵀu) of one side only is set to c·I
 * for c = 0, ±1 and ± each number the inverse or divisor writes (A = −3I makes A + 3I
 * singular, Q = 0 makes (QP)⁻¹ have no value), each vector or other matrix to 0. The domain
 * rule then applies there: the right side undefined where the left has a value refutes.
 */
function singularMatrixSearch(p: StepProblem, base: Point, rng: Rng, deadline: number, extended: (q: Point, reason: string) => void,
  /**
   * As poleSearch's: the right side is proved to have a value wherever the left does and a
   * certificate covers the rest, so only the left side's parts can show anything (a note), and
   * `enough` says when the notes are all taken. (The right side's parts were three quarters of
   * this search on the homework's certified steps, for points where both sides had no value.)
   */
  rightHasValue = false, enough: () => boolean = () => false): Counterexample | null {
  const done = (): boolean => rightHasValue && enough();
  // (The sides with their definitions unfolded: `define M = A + 2I`, I = M⁻¹M has no value at
  // A = −2I, which only the unfolded M⁻¹ shows.)
  const left = unfolded(p.left as Expr, p);
  const right = unfolded(p.right as Expr, p);
  const partsOf = (e: Expr): Map<string, Expr> => {
    const out = new Map<string, Expr>();
    visit(e, (x) => {
      const inverted = invertedMatrix(x);
      if (inverted) out.set(printExpr(inverted), inverted);
      if (x.kind === 'Binary' && x.op === '/' && x.right.shape?.kind !== 'matrix' && hasMatrixName(x.right)) out.set(printExpr(x.right), x.right);
      if (x.kind === 'Binary' && x.op === '^' && x.left.shape?.kind !== 'matrix' && (constantValue(x.right)?.sign() ?? 0) < 0 && hasMatrixName(x.left)) out.set(printExpr(x.left), x.left);
    });
    return out;
  };
  const leftParts = partsOf(left);
  const rightParts = partsOf(right);
  // (Not a scalar divisor the assumptions keep from 0: ‖u‖² under u ≠ 0.)
  const facts = new SignFacts(p.prep, [left, right]);
  const parts = [...(rightHasValue ? [] : [...rightParts].filter(([k]) => !leftParts.has(k))), ...[...leftParts].filter(([k]) => !rightParts.has(k))].map(([, g]) => g)
    .filter((g) => g.shape?.kind === 'matrix' || !facts.nonzero(g));
  // The right side's scalar divisors that read a vector or matrix, for the search along lines
  // below (with cos(u) under tan(u): singularParts, and not where the left side has the pole).
  const leftPoles = new Set(singularParts(left, true).map((g) => printExpr(g)));
  const scalarParts = new Map<string, Expr>();
  if (!rightHasValue) {
    for (const [k, g] of rightParts) if (g.shape?.kind !== 'matrix' && !leftParts.has(k) && !leftPoles.has(k) && !facts.nonzero(g)) scalarParts.set(k, g);
    for (const g of singularParts(right, true)) {
      const k = printExpr(g);
      if (hasMatrixName(g) && !leftParts.has(k) && !leftPoles.has(k) && !facts.nonzero(g)) scalarParts.set(k, g);
    }
  }
  if ((parts.length === 0 && scalarParts.size === 0) || done()) return null;
  const levels = allLevels();
  const keys = matrixKeys(base);
  let tried = 0;
  for (const g of parts) {
    const names = new Set<string>();
    // (By their text, with their values: a fraction the part writes counts as itself too,
    // 8/5 in Q + Qᵀ + (8/5)I, red team rt128.)
    const written = new Map<string, Rational>([Rational.ZERO, Rational.ONE, Rational.ONE.neg()].map((c) => [c.toString(), c]));
    visit(g, (x) => {
      if (x.kind === 'Var' && x.shape?.kind === 'matrix') names.add(printName(x.name));
      const q = x.kind === 'Num' || (x.kind === 'Binary' && x.op === '/' && freeNames(x).length === 0) ? constantValue(x) : null;
      if (q) { written.set(q.toString(), q); written.set(q.neg().toString(), q.neg()); }
    });
    const constants = [...written.values()];
    for (const key of keys) {
      if (!names.has(key.split('@')[0]!)) continue;
      const value = base.values.get(key)!.value as Mat<Rational>;
      const candidates = value.rows === value.cols && value.rows > 1
        ? constants.map((c) => timesIdentity(value.rows, c))
        : [value.map(() => Rational.ZERO)];
      // Small whole patterns, where quadratic forms take whole values: k times ones in the
      // first j entries of a vector (uᵀu = j k²: uᵀu − 2 at u = [1, 1]) or of a matrix's
      // first row (AᵀA then has the eigenvalue j k²: AᵀA − 2I at A = [[1, 1], [0, 0]]).
      const width = value.cols === 1 ? value.rows : value.cols;
      for (const j of [1, 2, 3, 4]) {
        for (const k of [1, 2, 3]) {
          if (j > width) continue;
          candidates.push(value.map((_, i) => (i < j ? Rational.of(k) : Rational.ZERO)));
        }
      }
      // And whole entries whose squares sum to a positive number c the part writes: uᵀu − 5
      // at u = [2, 1], AᵀA − 5I at A's first row [2, 1] (red team rt124: I = (AᵀA − 5I)⁻¹(…)
      // was checked).
      for (const c of constants) {
        const w = squaresSumming(c, width);
        if (w) candidates.push(value.map((_, i) => w[i] ?? Rational.ZERO));
      }
      // Square matrices that an orthogonal or invertible tag allows (red team rt127: with
      // Q orthogonal, (Q + Qᵀ)⁻¹ and (Q² − Q + I)⁻¹ were checked; with A invertible,
      // (AᵀA − 2I)⁻¹, its rank-one candidate no longer allowed).
      if (value.rows === value.cols && value.rows > 1) candidates.push(...orthogonalLike(value, constants));
      // Where a polynomial in this one square matrix is singular, also with no real root (A² + I
      // at a rotation, A² − 2I at [[0, 2], [1, 0]]): companion matrices (companionCandidates).
      // (Red team rt119: I = (A² + I)⁻¹(A² + I) and 1 = det(A² + I)/det(A² + I) were proved.)
      if (value.rows === value.cols && value.rows > 1) candidates.unshift(...companionCandidates(base, key, g, rng));
      // A scalar divisor linear along this vector or matrix scaled by s (uᵀv − 1 at s = 1/uᵀv):
      // the secant through s = 0 and s = 1 is its zero, exactly.
      if (g.shape?.kind !== 'matrix') {
        const zero = at(base, key, value.map(() => Rational.ZERO), rng, deadline);
        const g0 = zero && exactScalar(zero, g);
        const g1 = exactScalar(base, g);
        if (g0 && g1 && !g0.equals(g1)) {
          const s = g0.div(g0.sub(g1));
          if (!s.isZero() && !s.equals(Rational.ONE)) candidates.push(value.map((x) => x.mul(s)));
        }
      }
      for (const v of candidates) {
        if (tried++ >= 64 || now() > deadline || done()) return null;
        const q = at(base, key, v, rng, deadline);
        const found = q && domainAt(q, p, levels, extended);
        if (found) return found;
      }
    }
    // A real scalar it reads at each of those numbers too: (XXᵀ + λI)⁻¹ at λ = 0 is singular
    // wherever X has more rows than columns (red team rt127: the ridge push-through
    // (XᵀX + λI)⁻¹Xᵀ = Xᵀ(XXᵀ + λI)⁻¹ under λ ≥ 0 was checked, false at λ = 0).
    // (A matrix inside an inverse or det only: a scalar divisor's own scalars are searched by
    // the pole search, and these probes were a fifth of Q4.2's step.)
    if (g.shape?.kind === 'matrix' && g.shape.cols !== 1) {
      for (const key of scalarKeys(base)) {
        if (base.isInteger(key) || !mentionsName(g, key.split('@')[0]!)) continue;
        for (const c of constants) {
          if (tried++ >= 64 || now() > deadline || done()) return null;
          const q = at(base, key, c, rng, deadline);
          const found = q && domainAt(q, p, levels, extended);
          if (found) return found;
        }
      }
    }
    // Several at once: all of them 0 (√(uᵀu) + √(vᵀv) at u = v = 0), and each equal to
    // another of its shape (√((u − v)ᵀ(u − v)) at u = v).
    const mine = keys.filter((key) => names.has(key.split('@')[0]!));
    const together: [string, Mat<Rational>][][] = [];
    if (mine.length > 1) together.push(mine.map((key) => [key, (base.values.get(key)!.value as Mat<Rational>).map(() => Rational.ZERO)]));
    for (const a of mine) {
      for (const b of mine) {
        const va = base.values.get(a)!.value as Mat<Rational>;
        const vb = base.values.get(b)!.value as Mat<Rational>;
        if (a < b && va.rows === vb.rows && va.cols === vb.cols) together.push([[b, va]]);
      }
    }
    for (const entries of together) {
      if (tried++ >= 64 || now() > deadline || done()) return null;
      const q = atAll(base, entries, rng, deadline);
      const found = q && domainAt(q, p, levels, extended);
      if (found) return found;
    }
  }
  // A scalar divisor of the right side alone that no point above made 0 (uᵀu − 7, tr(A²) + 1,
  // cos(uᵀu) in tan): its sign changes along a line through one of its vectors or matrices.
  // (Red team rt119: 1 = (uᵀu − 7)/(uᵀu − 7) and 0 = tan(uᵀu) − tan(uᵀu) were proved.)
  for (const g of scalarParts.values()) {
    // (One never negative changes no sign: √(E[(uᵀx)²]), whose lines cost ~25 ms a step.)
    if (neverNegative(g)) continue;
    for (const key of keys) {
      if (now() > deadline) return null;
      if (!mentionsName(g, key.split('@')[0]!)) continue;
      const found = signChangeAlongLines(p, base, key, g, rng, deadline);
      if (found) return found;
    }
  }
  return null;
}

/** M − Mᵀ of a square matrix (twice its skew-symmetric part). */
function skewPart(m: Mat<Rational>): Mat<Rational> {
  return m.map((x, i) => x.sub(m.at(i % m.cols, Math.floor(i / m.cols))));
}

/** Whether a vector or matrix named `name` occurs in e. */
function mentionsName(e: Expr, name: string): boolean {
  let hit = false;
  visit(e, (x) => { if (x.kind === 'Var' && printName(x.name) === name) hit = true; });
  return hit;
}

/** Whether a scalar is ≥ 0 by its form wherever it has a value: √, |·|, ‖·‖, exp, even whole powers, and sums and products of such. */
function neverNegative(e: Expr): boolean {
  switch (e.kind) {
    case 'Abs': case 'Norm': return true;
    case 'Num': return (constantValue(e)?.sign() ?? -1) >= 0;
    case 'Call': return e.args.length === 1 && !e.fn.index && e.fn.primes === 0 && (e.fn.base === 'sqrt' || e.fn.base === 'exp');
    case 'Binary': {
      if (e.op === '+' || e.op === '*' || e.op === '/') return scalar(e.left) && scalar(e.right) && neverNegative(e.left) && neverNegative(e.right);
      if (e.op === '^') {
        const k = constantValue(e.right);
        return scalar(e.left) && k !== null && k.isInteger() && k.n % 2n === 0n;
      }
      return false;
    }
    default: return false;
  }
}

/** Where a line's parameter is first tried: a ladder both ways from 0, out to 2⁴⁰ (‖u‖ − 100, det(A) − 10⁸ change sign far out: red team rt121). */
const LINE_LADDER = (() => {
  const out = [0, 0.25, 0.5, 1, 2, 4, 16, 64, 256, 1024, 2 ** 14, 2 ** 17, 2 ** 20, 2 ** 25, 2 ** 30, 2 ** 40].map((x) => Rational.parse(String(x)));
  return [...out.slice(1).reverse().map((x) => x.neg()), ...out];
})();

/**
 * The domain rule where g, a scalar divisor of the right side only, reads the vector or matrix
 * `key` (uᵀu − 7, tr(A²) + 1, cos(uᵀu) inside tan): g's sign, by exact values or else
 * enclosures, along the lines s·V (V the value at base), s·(V − Vᵀ) for a square matrix (its
 * skew part: tr(A²) < 0 there) and V + s·R for two drawn R of small whole entries; a change of
 * sign is narrowed by bisection to a short segment. The point then holds `key` as the box
 * around that segment: where g has a value on all of the box it is continuous there (every
 * built-in is, where it has a value), so it is 0 somewhere on the segment (the intermediate
 * value theorem), where the right side has none; where the left side has a value on all of
 * the box and the box meets the assumptions for certain, that is a counterexample. Null
 * otherwise.
 */
function signChangeAlongLines(p: StepProblem, base: Point, key: string, g: Expr, rng: Rng, deadline: number): Counterexample | null {
  const value = base.values.get(key)!.value as Mat<Rational>;
  const label = base.values.get(key)!.label;
  const F = decimalLevels()[0]!;
  /** Where g is exactly 0 on a line: the point, decided as it stands (uᵀu − 49 at u = [7, 0]). */
  let exactZero: Counterexample | null = null;
  const signAt = (m: Mat<Rational>): -1 | 1 | null => {
    try {
      const q = base.replacing(key, m, rng);
      q.deadline = deadline;
      const exact = exactScalar(q, g);
      if (exact?.isZero() && !exactZero) {
        const r = at(base, key, m, rng, deadline);
        exactZero = r && domainAt(r, p, allLevels(), () => {});
      }
      const sign = exact ? exact.sign() : (() => { const v = q.evaluate(F, g); return isMat(v) ? null : F.sign(v); })();
      return sign === 1 || sign === -1 ? sign : null;
    } catch {
      return null;
    }
  };
  const zero = value.map(() => Rational.ZERO);
  const lines: [Mat<Rational>, Mat<Rational>][] = [[zero, value]];
  if (value.rows === value.cols && value.rows > 1) {
    const skew = skewPart(value);
    if (skew.data.some((x) => !x.isZero())) lines.push([zero, skew]);
    // (And s·I, where a polynomial in traces is one of its eigenvalues': tr(A²) − 2tr(A) + 3 is
    // Σ(λᵢ − 1)² + 3 − n, 0 at A = I₃ and negative at I₄, and no draw of independent entries
    // is near either; 1 = (tr(A²) − 2tr(A) + 3)/(…) was proved for a symmetric A.)
    lines.push([zero, value.map((_, i) => (i % value.cols === Math.floor(i / value.cols) ? Rational.ONE : Rational.ZERO))]);
  }
  for (let k = 0; k < 2; k++) lines.push([value, value.map(() => Rational.of(rng.int(-3, 3)))]);
  for (const [origin, direction] of lines) {
    if (direction.data.every((x) => x.isZero())) continue;
    const along = (s: Rational): Mat<Rational> => origin.map((x, i) => x.add(direction.data[i]!.mul(s)));
    let previous: { s: Rational; sign: -1 | 1 } | null = null;
    for (const s of LINE_LADDER) {
      if (now() > deadline) return null;
      const sign = signAt(along(s));
      if (exactZero) return exactZero;
      if (sign === null) {
        previous = null;
        continue;
      }
      if (previous && previous.sign !== sign) {
        let lo = previous.s;
        let hi = s;
        const loSign = previous.sign;
        // (To a segment 2⁻⁴⁰ of the line's step wide: a box the enclosures keep tight.)
        for (let i = 0; i < 40 && now() <= deadline; i++) {
          const mid = lo.add(hi).div(Rational.of(2));
          const m = signAt(along(mid));
          if (exactZero) return exactZero;
          if (m === null) break;
          if (m === loSign) lo = mid;
          else hi = mid;
        }
        // (Short decimals just inside its ends where the signs still differ, as a student reads them.)
        for (const k of [4n, 16n, 256n]) {
          const inset = hi.sub(lo).div(new Rational(k));
          const u = shortestIn(lo, lo.add(inset));
          const v = shortestIn(hi.sub(inset), hi);
          if (signAt(along(u)) === loSign && signAt(along(v)) === -loSign) {
            lo = u;
            hi = v;
            break;
          }
        }
        const a = along(lo);
        const b = along(hi);
        const q = base.replacing(key, along(lo.add(hi).div(Rational.of(2))), rng);
        q.enclosures.set(key, [a.map((x, i) => (x.cmp(b.data[i]!) <= 0 ? x : b.data[i]!)), a.map((x, i) => (x.cmp(b.data[i]!) <= 0 ? b.data[i]! : x))]);
        q.deadline = deadline;
        let usable = false;
        try {
          usable = q.satisfiesAssumptions(allLevels(), true) && !isMat(q.evaluate(F, g));
        } catch {
          usable = false;
        }
        const left = usable ? leftWhereUndefined(q, p.left as Expr, g) : null;
        if (left !== null) {
          const [from, to] = apart(lo, hi);
          const line = origin.data.every((x) => x.isZero()) ? `s ${formatValue(exactField, direction, 12)}` : `${formatValue(exactField, origin, 12)} + s ${formatValue(exactField, direction, 12)}`;
          return counterexample(q, left, 'undefined', `the right side is undefined where ${printExpr(g)} = 0, which happens on the line ${label} = ${line} between s = ${from} and ${to} (it changes sign there), while the left side is defined on all of that segment (${left})`);
        }
      }
      previous = { s, sign };
    }
  }
  return null;
}

/**
 * An inequality's square matrices at their skew parts and at companion matrices: each square
 * matrix the step reads (`read`: the keys each side reads) at its value's skew part times ¼,
 * 1 and 4 (tr(A²) = −‖A‖_F² there) and at the companion matrices of the polynomials in it the
 * sides hold (A² + I singular at a rotation), where its tags allow: no draw of independent
 * entries is near either. Red team rt119: tr(A²) ≥ −0.99‖A‖_F², det(A² + I) > 0 and
 * log det(A² + I) ≥ 0 were checked. `failsAt`: the counterexample at a probe, if the step fails there.
 */
export function skewAndCompanion(p: StepProblem, base: Point, rng: Rng, deadline: number, read: readonly [ReadonlySet<string>, ReadonlySet<string>],
  failsAt: (q: Point, why: string) => Counterexample | null): Counterexample | null {
  for (const key of matrixKeys(base)) {
    const value = base.values.get(key)!.value as Mat<Rational>;
    if (value.rows !== value.cols || value.rows < 2 || !(read[0].has(key) || read[1].has(key))) continue;
    const skew = skewPart(value);
    const candidates = [
      ...(skew.data.some((x) => !x.isZero()) ? ['0.25', '1', '4'].map((c) => skew.map((x) => x.mul(Rational.parse(c)))) : []),
      ...companionCandidates(base, key, p.left as Expr, rng), ...companionCandidates(base, key, p.right as Expr, rng),
    ];
    for (const v of candidates) {
      if (now() > deadline) return null;
      const q = at(base, key, v, rng, deadline);
      if (!q || !respectsTags(q, key)) continue;
      const why = `found with ${base.values.get(key)!.label} skew-symmetric or a companion matrix`;
      const found = failsAt(q, why);
      if (found) return found;
      // (In decimals too, where doubles held it only provisionally: at the skew A the margin of
      // tr(A²) ≥ −(1 − 10⁻¹⁷)‖A‖_F² is below their precision, red team rt121.)
      q.touched.clear();
      try {
        const o = decideAt(q, p.left as Expr, p.rel as RelOp, p.right as Expr, decimalLevels());
        if (o.kind === 'fails') {
          const [l, r] = formatSides(o.F, o.left, o.right);
          return counterexample(q, l, r, why);
        }
      } catch {
        // no decision there
      }
    }
  }
  return null;
}

/** The singular-matrix search of the pole search alone (singularMatrixSearch), for a point of larger matrices than the first's. */
export function singularMatrices(p: StepProblem, base: Point, rng: Rng, deadline: number, extended: (q: Point, reason: string) => void,
  rightHasValue = false, enough: () => boolean = () => false): Counterexample | null {
  return p.rel === '=' ? singularMatrixSearch(p, base, rng, deadline, extended, rightHasValue, enough) : null;
}

/**
 * Values of the square matrix `key` (n × n at `base`) where a polynomial p(A) in it alone, a
 * part of g (A² + I, A² − 2I inside det or an inverse), is singular: p(A) at A = λI is p(λ)·I,
 * so p's coefficients come from its exact values at λ = 0 … n + 1 (Newton's divided
 * differences); the companion matrix of p (made monic, degree 1 … n, zeros padding it to
 * n × n) has every root of p as an eigenvalue, so p there is singular (Cayley–Hamilton), also
 * where p has no real root. Candidates only: the caller decides each point exactly.
 */
function companionCandidates(base: Point, key: string, g: Expr, rng: Rng): Mat<Rational>[] {
  const value = base.values.get(key)!.value as Mat<Rational>;
  const n = value.rows;
  const name = key.split('@')[0]!;
  // (Scalars it reads are taken at the base point: A² + cI under c > 0 is singular at the
  // companion matrix of λ² + c there, red team rt124.)
  const inner = new Map<string, Expr>();
  visit(g, (x) => {
    if (x.shape?.kind !== 'matrix' || x.kind === 'Var' || inner.size >= 4) return;
    const names = new Set(freeNames(x).filter((v) => v.shape?.kind === 'matrix').map((v) => printName(v.name)));
    if (names.size === 1 && names.has(name)) inner.set(printExpr(x), x);
  });
  const symmetric = impliedTags(base.prep.tagsByKey.get(key) ?? new Set()).has('symmetric');
  const out: Mat<Rational>[] = [];
  for (const m of inner.values()) {
    // p(λ) at λ = 0 … n + 1, read off the (0, 0) entry of p(λI).
    const ys: Rational[] = [];
    for (let k = 0; k <= n + 1; k++) {
      try {
        const v = base.replacing(key, timesIdentity(n, Rational.of(k)), rng).evaluate(exactField, m);
        if (!isMat(v) || v.rows !== n || v.cols !== n) break;
        ys.push(v.at(0, 0));
      } catch {
        break;
      }
    }
    if (ys.length !== n + 2) continue;
    const coefficients = interpolate(ys);
    let d = coefficients.length - 1;
    while (d >= 0 && coefficients[d]!.isZero()) d--;
    if (d < 1 || d > n) continue;
    const lead = coefficients[d]!;
    // A symmetric matrix has real eigenvalues only, and no companion matrix is symmetric: a
    // quadratic p = lead (λ² − tλ + q) with real roots is singular at symmetric matrices with
    // those eigenvalues (symmetricQuadratic): A² − 2I at [[1, 1], [1, −1]] (red team rt124:
    // I = (A² − 2I)⁻¹(A² − 2I) was checked).
    if (symmetric && d >= 2) {
      if (d === 2) out.push(...symmetricQuadratic(value, coefficients[1]!.div(lead).neg(), coefficients[0]!.div(lead)));
      continue;
    }
    // C's last column is −c₀ … −c_{d−1} (p monic), its subdiagonal ones.
    out.push(value.map((_, i) => {
      const r = Math.floor(i / n);
      const c = i % n;
      if (r >= d || c >= d) return Rational.ZERO;
      if (c === d - 1) return coefficients[r]!.div(lead).neg();
      return r === c + 1 ? Rational.ONE : Rational.ZERO;
    }));
  }
  return out;
}

/**
 * Square matrices of `value`'s size (n ≥ 2) that are orthogonal, or orthogonal times a scale,
 * with a block in the leading corner and I beside it: the rotation by a quarter turn
 * (eigenvalues ±i: Q + Qᵀ, Q² + I singular there), the 3/5–4/5 rotation, a swap, the cyclic
 * permutation of three and its negative (the cube roots of 1 and of −1: Q² ± Q + I), and for
 * each positive constant c a sum of two or four squares, [[a, −b], [b, a]] or the quaternion
 * matrix of (a, b, c, d), whose AᵀA and AAᵀ have the eigenvalue c (AᵀA − 5I at [[2, −1], [1, 2]]).
 */
function orthogonalLike(value: Mat<Rational>, constants: readonly Rational[]): Mat<Rational>[] {
  const n = value.rows;
  const q = (x: number | [bigint, bigint]): Rational => (typeof x === 'number' ? Rational.of(x) : new Rational(x[0], x[1]));
  const embed = (block: readonly (readonly Rational[])[]): Mat<Rational> | null => block.length > n ? null
    : value.map((_, i) => {
      const r = Math.floor(i / n);
      const c = i % n;
      if (r < block.length && c < block.length) return block[r]![c]!;
      return r === c ? Rational.ONE : Rational.ZERO;
    });
  const blocks: (readonly (readonly Rational[])[])[] = [
    [[q(0), q(-1)], [q(1), q(0)]],
    [[q([3n, 5n]), q([-4n, 5n])], [q([4n, 5n]), q([3n, 5n])]],
    [[q(0), q(1)], [q(1), q(0)]],
    [[q(0), q(0), q(1)], [q(1), q(0), q(0)], [q(0), q(1), q(0)]],
    [[q(0), q(0), q(-1)], [q(-1), q(0), q(0)], [q(0), q(-1), q(0)]],
  ];
  // (A rotation whose cosine is ±c or ±c/2 for a written c, where its sine is rational too:
  // Q + Qᵀ + (8/5)I is singular at cos θ = −4/5, red team rt128.)
  // (Where its sine is not rational, a rotation of 3 × 3 about an axis (x, y, z), from the
  // quaternion (1, x, y, z): its angle's cosine is (1 − ‖v‖²)/(1 + ‖v‖²), so ‖v‖² = (1 − cos)/(1 + cos)
  // as a sum of three squares; Q + Qᵀ + (2/3)I at cos θ = −1/3, red team rt129.)
  for (const c of constants) {
    for (const cos of [c, c.neg(), c.div(Rational.of(2)), c.neg().div(Rational.of(2))]) {
      if (cos.isZero() || cos.cmp(Rational.ONE) >= 0 || cos.cmp(Rational.ONE.neg()) <= 0) continue;
      const rest = Rational.ONE.sub(cos.mul(cos));
      const sin = rest.sqrt();
      if (sin) {
        blocks.push([[cos, sin.neg()], [sin, cos]]);
        continue;
      }
      const v = n >= 3 ? squaresSumming(Rational.ONE.sub(cos).div(Rational.ONE.add(cos)), 3) : null;
      if (v) blocks.push(quaternionRotation(v[0]!, v[1] ?? Rational.ZERO, v[2] ?? Rational.ZERO));
    }
  }
  for (const c of constants) {
    const two = squaresSumming(c, 2);
    if (two && two.length === 2) blocks.push([[two[0]!, two[1]!.neg()], [two[1]!, two[0]!]]);
    const four = n >= 4 ? squaresSumming(c, 4) : null;
    if (four && four.length > 2) {
      const [a, b, cc, d] = [four[0]!, four[1]!, four[2] ?? Rational.ZERO, four[3] ?? Rational.ZERO];
      blocks.push([[a, b.neg(), cc.neg(), d.neg()], [b, a, d.neg(), cc], [cc, d, a, b.neg()], [d, cc.neg(), b, a]]);
    }
  }
  return blocks.flatMap((b) => embed(b) ?? []);
}

/** The rotation of 3 × 3 that the quaternion (1, x, y, z) stands for (Euler–Rodrigues): orthogonal, with rational entries. */
function quaternionRotation(x: Rational, y: Rational, z: Rational): Rational[][] {
  const one = Rational.ONE;
  const two = Rational.of(2);
  const [xx, yy, zz] = [x.mul(x), y.mul(y), z.mul(z)];
  const norm = one.add(xx).add(yy).add(zz);
  const entries = [
    [one.add(xx).sub(yy).sub(zz), two.mul(x.mul(y).sub(z)), two.mul(x.mul(z).add(y))],
    [two.mul(x.mul(y).add(z)), one.sub(xx).add(yy).sub(zz), two.mul(y.mul(z).sub(x))],
    [two.mul(x.mul(z).sub(y)), two.mul(y.mul(z).add(x)), one.sub(xx).sub(yy).add(zz)],
  ];
  return entries.map((row) => row.map((e) => e.div(norm)));
}

/**
 * The largest numerator × denominator squaresSumming writes as a sum of 2, 3 or 4 squares: the
 * search takes about its square root, itself and its 1.5th power of steps.
 */
const MAX_SQUARE_SUM: Readonly<Record<number, bigint>> = { 2: 10n ** 6n, 3: 10n ** 4n, 4: 2500n };

/**
 * Positive rationals w₁ ≥ w₂ ≥ …, at most `count` and 4 of them, whose squares sum to c > 0:
 * c itself where it is a square, else c = a/b written as (ab)/b² with ab, at most
 * MAX_SQUARE_SUM for that many squares, a sum of whole squares (5 = 2² + 1²). Null where
 * c ≤ 0, ab is larger, or no such sum has that few squares.
 */
function squaresSumming(c: Rational, count: number): Rational[] | null {
  if (c.sign() <= 0 || count < 1) return null;
  // (A square first, at any size: D/4 = 25/36 in S² + S − (4/9)I, red team rt129.)
  const root = c.sqrt();
  if (root) return [root];
  const m = c.n * c.d;
  const k = Math.min(count, 4);
  if (k < 2 || m > MAX_SQUARE_SUM[k]!) return null;
  const scale = new Rational(1n, c.d);
  const search = (rest: bigint, left: number, cap: bigint): bigint[] | null => {
    if (rest === 0n) return [];
    if (left === 0) return null;
    const r = isqrt(rest);
    if (left === 1) return r * r === rest && r <= cap ? [r] : null;
    for (let x = r < cap ? r : cap; x >= 1n; x--) {
      // (The largest square first: below √(rest/left) the others, each no larger, fall short.)
      if (x * x * BigInt(left) < rest) break;
      const tail = search(rest - x * x, left - 1, x);
      if (tail) return [x, ...tail];
    }
    return null;
  };
  return search(m, k, m)?.map((x) => new Rational(x).mul(scale)) ?? null;
}

/**
 * Symmetric n × n matrices (n ≥ 2 the shape of `value`) singular where λ² − tλ + q is 0: its
 * roots t/2 ± √D, D = (t² − 4q)/4, are eigenvalues of [[t/2 + a, b], [b, t/2 − a]] (zeros
 * padding it) where D = a² + b², of a star where D is a sum of up to n − 1 squares, and
 * where D is a square, of each root times I.
 * Empty where its roots are not real or D is no such sum (squaresSumming).
 */
function symmetricQuadratic(value: Mat<Rational>, t: Rational, q: Rational): Mat<Rational>[] {
  const quarter = t.mul(t).sub(q.mul(Rational.of(4))).div(Rational.of(4));
  if (quarter.sign() < 0) return [];
  const half = t.div(Rational.of(2));
  const out: Mat<Rational>[] = [];
  // (Rational roots, D a square: the block is diagonal; and each root times I, which a
  // positive-definite or diagonal tag also allows: P² + P − (4/9)I at P = I/3, red team rt129.)
  const d = quarter.sqrt();
  if (d) for (const r of d.isZero() ? [half] : [half.add(d), half.sub(d)]) out.push(timesIdentity(value.rows, r));
  const ab = squaresSumming(quarter, 2);
  if (ab) {
    const [a, b] = [ab[0]!, ab[1] ?? Rational.ZERO];
    const block = [[half.add(a), b], [b, half.sub(a)]];
    out.push(value.map((_, i) => {
      const r = Math.floor(i / value.cols);
      const c = i % value.cols;
      return r < 2 && c < 2 ? block[r]![c]! : Rational.ZERO;
    }));
  }
  // (And a star, t/2 on the diagonal of its first k + 1 rows and w₁ … w_k beside the first:
  // its eigenvalues are t/2 ± ‖w‖ and t/2, so (t² − 4q)/4 may be a sum of up to n − 1 squares:
  // S² − 3I at n = 4, red team rt127.)
  const w = value.rows > 2 ? squaresSumming(quarter, value.rows - 1) : null;
  if (w && w.length >= 2) {
    out.push(value.map((_, i) => {
      const r = Math.floor(i / value.cols);
      const c = i % value.cols;
      if (r === c) return r <= w.length ? half : Rational.ZERO;
      if (r === 0 && c <= w.length) return w[c - 1]!;
      if (c === 0 && r <= w.length) return w[r - 1]!;
      return Rational.ZERO;
    }));
  }
  return out;
}

/** c·I, n × n, in exact values. */
function timesIdentity(n: number, c: Rational): Mat<Rational> {
  return identity(exactField, n).map((x) => x.mul(c));
}

/** The coefficients (constant first) of the polynomial taking the values ys at 0, 1, …: Newton's divided differences, expanded. */
function interpolate(ys: readonly Rational[]): Rational[] {
  const dd = [...ys];
  for (let j = 1; j < dd.length; j++) {
    for (let i = dd.length - 1; i >= j; i--) dd[i] = dd[i]!.sub(dd[i - 1]!).div(Rational.of(j));
  }
  // Horner on the Newton form: p = dd₀ + (λ − 0)(dd₁ + (λ − 1)(dd₂ + …)).
  let poly: Rational[] = [dd[dd.length - 1]!];
  for (let i = dd.length - 2; i >= 0; i--) {
    const shifted: Rational[] = [Rational.ZERO, ...poly];
    for (let k = 0; k < poly.length; k++) shifted[k] = shifted[k]!.sub(poly[k]!.mul(Rational.of(i)));
    shifted[0] = shifted[0]!.add(dd[i]!);
    poly = shifted;
  }
  return poly;
}

/** A scalar's exact value at a point, or null (no value there, or not a scalar). */
export function exactScalar(q: Point, g: Expr): Rational | null {
  try {
    const v = q.evaluate(exactField, g);
    return isMat(v) ? null : v;
  } catch {
    return null;
  }
}

/** Whether a vector or matrix name occurs in an expression. */
function hasMatrixName(e: Expr): boolean {
  let hit = false;
  visit(e, (x) => { if (x.kind === 'Var' && x.shape?.kind === 'matrix') hit = true; });
  return hit;
}

/**
 * A root's bracket [lo, hi] as a student reads it: short decimals just inside its ends (a
 * quarter, a sixteenth, a 256th of its width in from each) where a − b still certainly changes
 * sign across them and is continuous between (crossesOn), else its ends exactly (apart).
 */
function shownBracket(point: Point, key: string, a: Expr, b: Expr, r: { lo: Rational; hi: Rational }): [string, string] {
  const w = r.hi.sub(r.lo);
  for (const k of [4n, 16n, 256n]) {
    const inset = w.div(new Rational(k));
    const u = shortestIn(r.lo, r.lo.add(inset));
    const v = shortestIn(r.hi.sub(inset), r.hi);
    if (u.cmp(v) < 0 && crossesOn(point, key, a, b, u, v)) {
      const pair = apart(u, v);
      if (!pair[0].startsWith('≈')) return pair;
    }
  }
  return apart(r.lo, r.hi);
}

/**
 * A zero's bracket [lo, hi] widened to ends of few digits, as a student reads it, where the
 * change of sign still shows: g has opposite certain signs at the two ends and a value on all
 * of [u, v] (so it is continuous there), and so has `side` (the side the message says has a
 * value there); the ends printed exactly. Null where no such ends of 4 to 12 digits are found
 * (red team rt119: ends of 110 digits).
 */
function shortBracket(base: Point, key: string, g: Expr, side: Expr, r: { lo: Rational; hi: Rational }, rng: Rng): [string, string] | null {
  const signAt = (x: Rational): -1 | 1 | null => {
    try {
      const v = base.replacing(key, x, rng).evaluate(decimalLevels()[0]!, g);
      const sign = isMat(v) ? null : decimalLevels()[0]!.sign(v);
      return sign === 1 || sign === -1 ? sign : null;
    } catch {
      return null;
    }
  };
  const a = signAt(r.lo);
  const b = signAt(r.hi);
  if (a === null || b === null || a === b) return null;
  const size = Math.max(Math.abs(r.lo.toNumber()), Math.abs(r.hi.toNumber()));
  if (!Number.isFinite(size) || size === 0) return null;
  const lead = Math.floor(Math.log10(size));
  for (const k of [4, 6, 8, 12]) {
    const place = lead - k + 1;
    const unit = place >= 0 ? Rational.of(10n ** BigInt(place)) : new Rational(1n, 10n ** BigInt(-place));
    const u = Rational.of(r.lo.div(unit).floor()).mul(unit);
    const v = Rational.of(-r.hi.div(unit).neg().floor()).mul(unit);
    if (u.cmp(v) >= 0 || signAt(u) !== a || signAt(v) !== b) continue;
    const q = base.replacing(key, u.add(v).div(Rational.of(2)), rng);
    q.enclosures.set(key, [u, v]);
    try {
      const F = decimalLevels()[0]!;
      if (isMat(q.evaluate(F, g)) || isMat(q.evaluate(F, side))) continue;
    } catch {
      continue;
    }
    return [formatRational(u, 40), formatRational(v, 40)];
  }
  return null;
}

/** A bracket's two ends printed exactly in as few digits as that takes (up to 200), else apart in the fewest (at least 12) and marked `≈`. */
function apart(lo: Rational, hi: Rational): [string, string] {
  // (Each end exactly, in as few digits as that takes (up to 200): the signs are known at the
  // bracket's ends, not near them. Red team: rounded to within 1/16 of its width, an end
  // beside a pole crossed it (1/(x − √2) ≠ 10¹⁸) or the root (tan x ≠ 3·10²⁷).)
  const exactly = (text: string, x: Rational): boolean => {
    try {
      return Rational.parse(text).equals(x);
    } catch {
      return false;
    }
  };
  for (let digits = 12; digits <= 200; digits += 4) {
    const pair: [string, string] = [formatRational(lo, digits), formatRational(hi, digits)];
    if (exactly(pair[0], lo) && exactly(pair[1], hi)) return pair;
  }
  // (Ends with no short decimal form: apart, and marked as rounded.)
  for (let digits = 12; digits < 200; digits += 4) {
    const pair: [string, string] = [formatRational(lo, digits), formatRational(hi, digits)];
    if (pair[0] !== pair[1]) return [`≈ ${pair[0]}`, `≈ ${pair[1]}`];
  }
  return [lo.toString(), hi.toString()];
}

/**
 * A strict bound whose sides no precision tells apart at a sampled point of rational values
 * (max(x, π) > π at x = −5, x e^(−x) < 1/e at 1): where algebra proves left − right is 0 there
 * (exactlyZero) and both sides have values, the counterexample; else null (the step stays
 * unknown with its doubt).
 */
export function equalAtSampledPoint(p: StepProblem, q: Point, deadline: number): Counterexample | null {
  if (!(p.rel === '<' || p.rel === '>' || p.rel === '≠') || !isExprNode(p.left) || !isExprNode(p.right)) return null;
  const left = p.left;
  const right = p.right;
  // (Functions the point holds as constants put in as their numbers: the edge probe f ≡ π.)
  const diff: Expr = constantCallsAt({ kind: 'Binary', op: '-', left: unfolded(left, p), right: unfolded(right, p), range: left.range, shape: { kind: 'scalar' } }, q);
  const roots = exactRoots(p, q, deadline);
  const zero = atValues(diff, q, roots);
  if (!zero || !exactlyZero(zero, identityContext(p), `${p.salt}|sampled|${printExpr(zero)}`, deadline)) return null;
  // (At the roots' exact values where names were enclosed: the point holds each as its own
  // enclosure, so the inequalities among the assumptions are taken there, not beside it.)
  const keyOf = (label: string): string => [...q.values.keys()].find((k) => q.values.get(k)!.label === label)!;
  const at = roots.size === 0 ? q : symbolicPoint(q, [...roots].map(([label, c]) => ({ key: keyOf(label), c })), new Rng(0, `${p.salt}|roots`));
  if (!at) return null;
  at.deadline = deadline;
  // (Sampled leniently: held to every assumption exactly before it is reported. An equation
  // whose root a name is at holds there by the algebra above, not by its enclosure.)
  try {
    if (!at.satisfiesAssumptions(allLevels(), true, roots.size === 0)) return null;
  } catch {
    return null;
  }
  at.touched.clear();
  // (Proved equal by algebra, which treats log(−1) or a 0/0 as any other atom or quotient:
  // the sides must also have values there, by their enclosures.)
  const shown = equalSides(at, left, right);
  if (shown === null) return null;
  const exactly = [...roots].map(([label, c]) => `${label} = ${printExpr(c)}`).join(', ');
  return counterexample(at, shown, shown, roots.size === 0
    ? `the sides are equal here exactly (left − right is 0 by exact algebra), so '${p.rel}' fails`
    : `the sides are equal exactly at ${exactly}, where the assumptions' equations hold exactly too (left − right is 0 by exact algebra), so '${p.rel}' fails`);
}

/**
 * The exact values of the names q holds enclosed as roots of the assumptions' equations, by
 * name: a guess (exactGuesses) at each enclosure's middle that every equation among the
 * assumptions reading it holds at exactly, with the other names at their values (`2u² = 1`:
 * u = √(1/2)), and every equation among the assumptions proved to hold there exactly. Empty
 * unless every enclosed name has one (then the point is no exact place).
 * Red team rt88: `u + v < √2` under `u² + v² = 1` ties at an irrational root only.
 */
function exactRoots(p: StepProblem, q: Point, deadline: number): Map<string, Expr> {
  const out = new Map<string, Expr>();
  const enclosed = [...q.enclosures.keys()].filter((k) => !q.symbolic.has(k) && !k.includes('@'));
  if (enclosed.length === 0 || enclosed.length > 2) return out;
  const equations = p.prep.ctx.assumptions.filter((c) => c.forAll.length === 0 && c.formula.kind === 'Compare' && c.formula.ops.length === 1 && c.formula.ops[0] === '=');
  const ctx = identityContext(p);
  for (const key of enclosed) {
    const label = q.values.get(key)?.label;
    const [lo, hi] = q.enclosures.get(key) as [Rational, Rational];
    if (!label || isMat(lo) || isMat(hi)) return new Map();
    const mine = equations.filter((c) => formulaExprs(c.formula).some((e) => freeNames(e).some((v) => printName(v.name) === label)));
    if (mine.length === 0) return new Map();
    const width = hi.sub(lo);
    const digits = width.isZero() ? 60 : Math.max(10, Math.min(60, Math.floor(-Math.log10(Math.max(1e-300, Math.abs(Number(width.n) / Number(width.d)))))));
    let found: Expr | null = null;
    for (const c of exactGuesses(lo.add(hi).div(Rational.of(2)), p.left.range, digits).slice(0, 12)) {
      if (now() > deadline) return new Map();
      const at = new Map([...out, [label, c]]);
      const holds = mine.every((eq) => {
        const [a, b] = (eq.formula as Extract<Formula, { kind: 'Compare' }>).operands as [Expr, Expr];
        const d = atValues({ kind: 'Binary', op: '-', left: a, right: b, range: a.range, shape: { kind: 'scalar' } }, q, at);
        return d !== null && exactlyZero(d, ctx, `${p.salt}|root|${printExpr(d)}`, deadline);
      });
      if (holds) {
        found = c;
        break;
      }
    }
    if (!found) return new Map();
    out.set(label, found);
  }
  // (Every equation among the assumptions holds exactly there, not only those that read an
  // enclosed name as written: the point's assumptions are then taken with equations by
  // agreement, which these proofs stand behind.)
  const exact = equations.every((eq) => {
    const [a, b] = (eq.formula as Extract<Formula, { kind: 'Compare' }>).operands as [Expr, Expr];
    const d = atValues({ kind: 'Binary', op: '-', left: a, right: b, range: a.range, shape: { kind: 'scalar' } }, q, out);
    return d !== null && exactlyZero(d, ctx, `${p.salt}|root|${printExpr(d)}`, deadline);
  });
  return exact ? out : new Map();
}

/**
 * The value of two sides equal at q (or at some point of its enclosures: a root bracketed),
 * as one text: the one of the narrower enclosure (a side whose enclosure holds 0 tells less
 * than one that does not), `≈ 0` where both hold 0; at the first decimal level where both
 * have values, null where they have none.
 */
function equalSides(q: Point, left: Expr, right: Expr): string | null {
  for (const F of decimalLevels()) {
    try {
      const l = q.evaluate(F, left);
      const r = q.evaluate(F, right);
      if (isMat(l) || isMat(r)) return formatValue(F, r, 12);
      const [a, b] = [l as DecInterval, r as DecInterval];
      if (F.sign(a) === null && F.sign(b) === null) return '≈ 0';
      const pick = F.sign(a) === null ? b : F.sign(b) === null ? a : a.hi.minus(a.lo).lte(b.hi.minus(b.lo)) ? a : b;
      return formatValue(F, pick, 12);
    } catch {
      continue;
    }
  }
  return null;
}

/** Every comparison `a op b` inside a statement (`whole`: the statement is that one comparison). */
export function statementComparisons(f: Formula): { a: Expr; op: RelOp; b: Expr; whole: boolean }[] {
  if (f.kind === 'Compare') {
    return f.ops.map((op, i) => ({ a: f.operands[i]!, op, b: f.operands[i + 1]!, whole: f.ops.length === 1 }));
  }
  if (f.kind === 'Logic') return [...statementComparisons(f.left), ...statementComparisons(f.right)].map((c) => ({ ...c, whole: false }));
  return [];
}

export { hasEquation };

/**
 * For a comparison `g^(2k) > 0` or `|g| > 0` (either way round, a scalar g), the g that makes it
 * false exactly where g = 0; null for any other comparison.
 */
function touchingBase(c: { a: Expr; op: RelOp; b: Expr }): Expr | null {
  const zero = (e: Expr): boolean => e.kind === 'Num' && Number(e.value) === 0;
  const size = c.op === '>' && zero(c.b) ? c.a : c.op === '<' && zero(c.a) ? c.b : null;
  if (!size || !scalar(size)) return null;
  const g = sizeBase(size);
  return g && scalar(g) ? g : null;
}

/** The g of a node g^(2k) (a whole even power) or |g|; null for any other node. */
function sizeBase(x: Expr): Expr | null {
  if (x.kind === 'Abs') return x.arg;
  if (x.kind === 'Binary' && x.op === '^' && x.right.kind === 'Num' && /^\d*[02468]$/.test(x.right.value) && Number(x.right.value) > 0) return x.left;
  return null;
}

/** An expression with each g^(2k) and |g| of the g printed `id` replaced by 0. */
function withZeroSize(e: Expr, id: string): Expr {
  const g = sizeBase(e);
  if (g && printExpr(g) === id) return { kind: 'Num', value: '0', range: e.range, shape: { kind: 'scalar' } };
  return mapChildren(e, (child) => withZeroSize(child, id));
}

/** What the search of a ⇔/⇒ step found. */
export interface StatementSearch {
  readonly failure: Counterexample | null;
  /** Points where both statements hold and the values are not degenerate (zero vectors). */
  readonly bothTrue: number;
  /**
   * The same, by how they were found: solving an equation of the left statement (evidence
   * for ⇒), of the right one (for ⇐), or neither (probes: for both).
   */
  readonly bothFrom: { readonly left: number; readonly right: number; readonly any: number };
  /** Points tried. */
  readonly probes: number;
  /** Boundary searches completed (a comparison along a scalar, or an equation solved for an unknown). */
  readonly searched: number;
  /** An irrational zero of a divisor (or of a log's or √'s argument) where a vector equation's solutions may be lost. */
  readonly poleDoubt?: { readonly where: string; readonly part: string };
  /** A solution Newton's method found and could not prove (newton.ts): the step cannot pass on the others. */
  readonly unproved?: { readonly point: Point; readonly equation: string; readonly where: string };
  readonly summary: SearchSummary;
}

/**
 * Whether a ⇔/⇒ failure found at q stands at the highest precision (250 digits): it is
 * dropped only when both statements are decided there and agree. An equation that held by
 * agreement at 50 digits (‖w‖ = 1 + π/10⁶⁰ at ‖w‖ = 1) is told apart there; a side that
 * holds by construction (`known`) is not evaluated again.
 */
export function failureStands(q: Point, rel: string, left: Formula, right: Formula, known: 'left' | 'right' | null = null, knownFalse: 'left' | 'right' | null = null): boolean {
  const levels = allLevels();
  const top = [levels[levels.length - 1]!];
  q.touched.clear();
  const a = known === 'left' ? true : knownFalse === 'left' ? false : q.truth(left, top);
  const agreedA = known !== 'left' && knownFalse !== 'left' && q.restedOnAgreement;
  const b = known === 'right' ? true : knownFalse === 'right' ? false : q.truth(right, top);
  const agreedB = known !== 'right' && knownFalse !== 'right' && q.restedOnAgreement;
  // At a point of exact values, a truth resting on agreement is no proof (tanh x = 1 ⇒ x < 0
  // was refuted at x = 8·10⁹, where tanh x is 1 to every digit tried but not 1), whatever the
  // other statement comes to there (sin(x)(x − 10⁻³⁰) = 0 "holds" at x = −10⁻³⁰⁰ by agreement
  // while sin x = 0 is undecided). At an enclosure of a certain root, agreement is how the
  // root's equation holds.
  if ((agreedA || agreedB) && q.enclosures.size === 0) return false;
  if (typeof a !== 'boolean' || typeof b !== 'boolean') return true;
  return rel === '⇔' ? a !== b : a && !b;
}

/** Whether a point's drawn vectors and matrices are all nonzero (agreement at a zero vector says little). */
function nondegenerate(point: Point): boolean {
  for (const k of matrixKeys(point)) {
    const v = point.values.get(k)!.value;
    if (isMat(v) && v.data.every((x) => (x as Rational).isZero())) return false;
  }
  return true;
}

/** At most this many bases of a statement search with scalars at the ends of their intervals (one or two at once, then open ends deeper). */
const END_BASES = 12;

/** Searches a ⇔/⇒ step at its boundaries and on the solution sets of its equations. */
export function searchStatement(
  p: StepProblem, bases: readonly Point[], rng: Rng, deadline: number,
  /** Points on the bounds the statements' own comparisons put on a vector or matrix (edges.ts `comparisonBoundPoints`). */
  onBounds: (base: Point, pairs: readonly { readonly a: Expr; readonly b: Expr }[]) => readonly { point: Point; where: string }[] = () => [],
): StatementSearch {
  const levels = allLevels();
  const left = p.left as Formula;
  const right = p.right as Formula;
  let bothTrue = 0;
  let probes = 0;
  let searched = 0;
  const along = new Set<string>();
  let tight: Point | undefined;
  let unproved: { point: Point; equation: string; where: string } | undefined;
  let poleDoubt: { where: string; part: string } | undefined;
  const bothFrom = { left: 0, right: 0, any: 0 };
  /** Pairs of boundaries narrowed apart so far (each costs two refinements in 110-digit decimals). */
  let pairs = 0;
  /** Points whose statements were evaluated with agreement confirmed. */
  let confirmations = 0;
  const result = (failure: Counterexample | null): StatementSearch => ({
    failure, bothTrue, bothFrom: { ...bothFrom }, probes, searched, summary: { probes, along: [...along], ...(tight ? { tight } : {}) }, ...(unproved ? { unproved } : {}),
    ...(poleDoubt ? { poleDoubt } : {}),
  });
  const oneWay = p.rel === '⇒';
  /** Exact points where a statement with an equation holds (x = 1 of x = 1 ⇒ a ≤ 1): bases for the other scalars, below. */
  const solved: Point[] = [];
  const leftEquation = hasEquation(left);
  const rightEquation = !oneWay && hasEquation(right);
  /** Tests both statements at q; `known` is a side that holds there by construction. */
  /**
   * Tests both statements at q; `known` is a side that holds there by construction, `source`
   * the side whose equation was solved to find q (its direction's evidence), `evidence`
   * false for a point that may refute but not support.
   */
  /** The statements' truths at the point `test` took last. */
  let lastTested = null as { q: Point; left: ReturnType<Point['truth']>; right: ReturnType<Point['truth']> } | null;
  const test = (q: Point, known: 'left' | 'right' | null, evidence = true, source: 'left' | 'right' | null = known, knownFalse: 'left' | 'right' | null = null): Counterexample | null => {
    q.touched.clear();
    // Agreement is confirmed at 110 and 250 digits at the first MAX_CONFIRMED points; past
    // them a truth resting on agreement counts as undecided (tan x = 0 ⇔ sin x = 0 confirmed
    // every root at 250 digits and ran out of time).
    const mode = confirmations < MAX_CONFIRMED ? true : 'reject';
    const rawLeft = known === 'left' ? true : knownFalse === 'left' ? false : q.truth(left, levels, false, mode);
    if (q.confirmedAgreement) confirmations++;
    const raw = known === 'right' ? true : knownFalse === 'right' ? false : q.truth(right, levels, false, mode);
    if (q.confirmedAgreement) confirmations++;
    lastTested = { q, left: rawLeft, right: raw };
    // `A ⇒ B` holds wherever A is false, whatever B is (even without a value).
    if (oneWay && rawLeft === false) return null;
    // A statement with no value is no solution: it agrees with a false other one.
    const s = statementAt(p.rel as '⇔' | '⇒', rawLeft, raw);
    if (s.kind === 'lost') return counterexample(q, 'true', 'undefined', SOLUTION_LOST);
    if (s.kind === 'gained') return counterexample(q, 'undefined', 'true', SOLUTION_GAINED);
    if (s.kind !== 'decided') return null;
    const { a, b } = s;
    probes++;
    if (((a && leftEquation) || (b && rightEquation)) && q.enclosures.size === 0 && solved.length < 2 * SOLVED_BASES) solved.push(q);
    if (a && b && evidence && nondegenerate(q)) {
      bothTrue++;
      if (source === null) bothFrom.any++;
      else bothFrom[source]++;
    }
    if (a !== b && !failureStands(q, p.rel, left, right, known, knownFalse)) return null;
    // A side taken as known was not evaluated: evaluate it now, so the counterexample names
    // every value it uses (B in (B² + I)x = (B² + I)y ⇔ x = y).
    if (a !== b && (known ?? knownFalse)) {
      try {
        q.truth((known ?? knownFalse) === 'left' ? left : right, levels, false, 'reject');
      } catch {
        // its names stay unnamed; the verdict does not change
      }
    }
    if (a && !b) return counterexample(q, 'true', 'false', `⇒ fails here: the left statement holds and the right one does not${known === 'left' ? ' (the point solves the left statement)' : ''}`);
    if (!a && b && !oneWay) return counterexample(q, 'false', 'true', `⇐ fails here: the right statement holds and the left one does not${known === 'right' ? ' (the point solves the right statement)' : ''}`);
    return null;
  };
  const all = [...(['left', 'right'] as const).flatMap((side) => statementComparisons(side === 'left' ? left : right).map((c) => ({ ...c, side })))];
  /**
   * A factor g^(2k) or |g| anywhere in the statements is 0 at g's roots, exactly, which an
   * enclosure of an irrational root cannot show ((x³ − x − 1)² a ≤ (x³ − x − 1)² b is 0 ≤ 0 at
   * the plastic number, whatever a and b: ⇔ a ≤ b fails there, and was checked, red team rt88).
   * At each certain root of g along `key`, both statements with those factors put to 0 are
   * decided on the root's whole enclosure: where they disagree, they disagree at the root.
   */
  const touchingZeros = (base: Point, key: string): Counterexample | null => {
    const bases = new Map<string, Expr>();
    const reads = (g: Expr): boolean => freeNames(g).some((v) => base.prep.keyOfName(v.name) === key.split('@')[0]);
    for (const c of all) for (const e of [c.a, c.b]) visit(e, (x) => {
      const g = sizeBase(x);
      if (g && scalar(g) && bases.size < 4 && reads(g)) bases.set(printExpr(g), g);
    });
    for (const [id, g] of bases) {
      const zeroed = (f: Formula): Formula => mapFormula(f, (e) => withZeroSize(e, id));
      const [l0, r0] = [zeroed(left), zeroed(right)];
      let tried = 0;
      for (const r of zerosAlong(base, key, g, deadline)) {
        if ((!r.at && !r.certain) || r.at) continue;
        if (tried++ >= 3 || now() > deadline) break;
        // (Placed on an edge of the assumptions where it is one: sin x at π under 0 < x ≤ π, red team rt106.)
        const q = zeroPoint(p, base, key, g, ZERO_SCALAR, r, rng, deadline)?.q;
        if (!q) continue;
        q.touched.clear();
        const a = q.truth(l0, levels, false, 'reject');
        const b = q.truth(r0, levels, false, 'reject');
        const s = statementAt(p.rel as '⇔' | '⇒', a, b);
        probes++;
        if (s.kind !== 'decided' || s.ok) continue;
        // (g evaluated once, so the counterexample names the root's enclosure.)
        try {
          q.evaluate(decimalLevels()[0]!, g);
        } catch {
          // named without it
        }
        const where = `where ${id} = 0 (at a root in this interval, by intermediate values), so that (${id})² and |${id}| are 0 there`;
        return counterexample(q, s.a ? 'true' : 'false', s.b ? 'true' : 'false', s.a ? `⇒ fails ${where}: the left statement holds and the right one does not` : `⇐ fails ${where}: the right statement holds and the left one does not`);
      }
    }
    return null;
  };
  /** The whole equation c (a product = 0) tested at each scalar factor's roots along key (FACTOR_ROOTS of each, smallest first). */
  const factorRoots = (c: (typeof all)[number], key: string, base: Point): Counterexample | null => {
    const factors = zeroFactors(c.a, c.b).filter((f) => scalar(f) && freeNames(f).some((v) => base.prep.keyOfName(v.name) === key.split('@')[0]));
    if (factors.length === 0) return null;
    const otherHasEquation = hasEquation(c.side === 'left' ? right : left);
    let refined = 0;
    for (const f of factors) {
      for (const r of zerosAlong(base, key, f, deadline).slice(0, FACTOR_ROOTS)) {
        if (now() > deadline) return null;
        if (!r.at && !r.certain) continue;
        const fine = otherHasEquation && !r.at && refined++ < 3 ? refineRoot(base, key, f, ZERO_SCALAR, r, deadline) : null;
        const q = rootPoint(base, key, fine ?? r, rng, deadline);
        if (!q) continue;
        // The product is 0 there for certain where every factor has a value over the whole
        // enclosure (so the others are finite at the root, and the root is not a removable
        // singularity, x²/x at 0); otherwise both statements are evaluated.
        // (Every factor, also those that do not read this scalar: x √y = 0 does not hold
        // at x = 0 where y < 0, and x √y = 0 ⇒ y ≥ 0 was refuted there — red team rt60.)
        const defined = productFactors(c.a, c.b).every((g) => definedOn(q, g));
        const failure = test(q, defined ? c.side : null, true, c.side);
        if (failure) return failure;
      }
    }
    return null;
  };
  // A vector or matrix on a comparison's own bound (x = e₁ where ‖x‖ ≤ 1), at the first bases.
  for (const base of bases.slice(0, 2)) {
    for (const { point } of onBounds(base, all)) {
      if (now() > deadline) return result(null);
      // (A point built to sit on a bound may refute, not support: A = B = I solves A³ = B³,
      // and as evidence that ⇒ holds on the equation's solutions it would pass A³ = B³ ⇒ A = B.)
      const failure = test(point, null, false);
      if (failure) return result(failure);
    }
  }
  // And from the first base with scalars at the ends of their intervals, where another's
  // comparison with them is tightest: one scalar at a closed end (x < a ⇒ a > −0.9 under
  // −1 ≤ x ≤ 1 fails only for x near −1: red team rt107), or just inside an open one (the same
  // under −1 < x ≤ 1), then two at once (x y < a ⇒ a ≥ −0.5 under −1 ≤ x, y ≤ 1 fails only near
  // x = 1, y = −1): END_BASES such bases at most, searched along the other scalars as the rest are.
  const atEnds: Point[] = [];
  const from = bases[0];
  if (from) {
    /**
     * A key's ends as values it takes: a closed end itself, an open one `depth` of the interval's
     * width (or of the end's size, 1 at least) inside (with `deeper`, open ends alone, a
     * millionth in). An integer name at a whole closed end, or the whole number inside an open one.
     */
    const endsOf = (key: string, deeper = false): Rational[] => {
      const iv = from.prep.intervals.get(key);
      if (!iv) return [];
      if (from.isInteger(key)) {
        if (deeper) return [];
        const whole = (end: Rational | null, closed: boolean, inward: 1 | -1): Rational[] => end === null || end.d !== 1n ? [] : [closed ? end : end.add(Rational.of(inward))];
        return [...whole(iv.lo, iv.loClosed, 1), ...whole(iv.hi, iv.hiClosed, -1)];
      }
      const width = (end: Rational): Rational => iv.lo !== null && iv.hi !== null ? iv.hi.sub(iv.lo) : Rational.ONE.add(end.sign() < 0 ? end.neg() : end);
      const depth = new Rational(1n, deeper ? 1000000n : 1000n);
      const inside = (end: Rational, inward: 1 | -1): Rational => end.add(width(end).mul(depth).mul(Rational.of(inward)));
      return [
        ...(iv.lo === null || (deeper && iv.loClosed) ? [] : [iv.loClosed ? iv.lo : inside(iv.lo, 1)]),
        ...(iv.hi === null || (deeper && iv.hiClosed) ? [] : [iv.hiClosed ? iv.hi : inside(iv.hi, -1)]),
      ];
    };
    const keys = scalarKeys(from).filter((k) => endsOf(k).length > 0).slice(0, 3);
    const ends = keys.map((k) => [k, endsOf(k)] as const);
    // (Each alone, then pairs, then open ends a millionth inside: x < a ⇒ a > 0.001 under
    // 0 < x ≤ 1 holds at x = 0.001 and fails below it, red team rt108.)
    const settings: (readonly [string, Rational])[][] = ends.flatMap(([k, e]) => e.map((x) => [[k, x] as const]));
    for (let i = 0; i < ends.length; i++) {
      for (let j = i + 1; j < ends.length; j++) {
        for (const x of ends[i]![1]) for (const y of ends[j]![1]) settings.push([[ends[i]![0], x], [ends[j]![0], y]]);
      }
    }
    for (const k of keys) for (const x of endsOf(k, true)) settings.push([[k, x]]);
    for (const setting of settings) {
      if (atEnds.length >= END_BASES || now() > deadline) break;
      const q = atAll(from, setting, rng, deadline);
      if (!q) continue;
      // (Both statements evaluated once, so that every name they read is drawn and searched along.)
      try {
        q.truth(left, levels, false, 'reject');
        q.truth(right, levels, false, 'reject');
      } catch {
        // searched along what was drawn
      }
      atEnds.push(q);
    }
  }
  for (const base of [...bases, ...atEnds]) {
    // Along each scalar: the boundaries of every comparison of both statements together,
    // probed at, beside and between them all (log x > 10 ⇔ x > 22026.4657948 differs only
    // between the two roots); on the roots of an equation that is a whole statement, that
    // statement holds (at an enclosure of an irrational root too).
    const scalarComparisons = all.filter((c) => scalar(c.a) && scalar(c.b));
    /** Each scalar's exact roots and turns of the comparisons, by text (for corners). */
    const corners = new Map<string, Map<string, Rational>>();
    if (scalarComparisons.length > 0) {
      for (const key of scalarKeys(base)) {
        if (now() > deadline) return result(null);
        // A product set to 0 is 0 at each factor's roots, found one factor at a time (exact
        // where rational: (x − 2)(x − 2.0001) e^x = 0 at 2.0001, which the whole's grid
        // and a short fraction beside it took for 2). (First: a factor's roots are few and
        // cheap where it is a polynomial; the whole's, of (x − 3)(x − 3.0000001) cos x = 0,
        // are many, each probed and confirmed in decimals.)
        for (const c of scalarComparisons) {
          if (c.op !== '=' || !c.whole || base.isInteger(key)) continue;
          const byFactor = factorRoots(c, key, base);
          if (byFactor) return result(byFactor);
        }
        const found = scalarComparisons.map((c) => ({ c, b: boundariesAlong(base, key, c.a, c.b, deadline) }));
        searched += found.length;
        for (const { b } of found) {
          for (const r of [...b.roots, ...b.extrema]) {
            // (An integer name only at a whole number.)
            if (!r.at || (base.isInteger(key) && r.at.d !== 1n)) continue;
            if (!corners.has(key)) corners.set(key, new Map());
            corners.get(key)!.set(r.at.toString(), r.at);
          }
        }
        const merged = mergeBoundaries(found.map((x) => x.b));
        if (merged.roots.length + merged.extrema.length + merged.poles.length > 0 || merged.polynomial) along.add(base.values.get(key)!.label);
        for (const x of probesFrom(merged, base.isInteger(key), rng, base.prep.intervals.get(key))) {
          if (now() > deadline) return result(null);
          const q = at(base, key, x, rng, deadline);
          if (!q) continue;
          const failure = test(q, null);
          if (failure) return result(failure);
        }
        // Two comparisons whose boundaries fall in one double-width bracket (x > log 2 + 10⁻²⁰
        // against e^x > 2): no probe lies between them. Both are narrowed to 10⁻³² and, where
        // they come apart, the points between and beside them are tried.
        if (!base.isInteger(key)) {
          for (let i = 0; i < found.length && pairs < MAX_PAIRS; i++) {
            for (let j = i + 1; j < found.length && pairs < MAX_PAIRS; j++) {
              for (const r1 of found[i]!.b.roots) {
                for (const r2 of found[j]!.b.roots) {
                  if (pairs >= MAX_PAIRS || now() > deadline) break;
                  if (!r1.certain || !r2.certain || (r1.at && r2.at) || r1.lo.cmp(r2.hi) > 0 || r2.lo.cmp(r1.hi) > 0) continue;
                  pairs++;
                  // (At 45 digits to 10⁻³²: cheap, and enough to part x > log 2 + 10⁻²⁰ from e^x > 2;
                  // boundaries closer than that count as one.)
                  // (Still one bracket there: narrowed again to 10⁻⁹⁰ at 110 digits. Red team: e^x ≤ 2
                  // ⇔ x ≤ 0.69314718055994530941723212145817656, ln 2 to 35 places, differs on a
                  // gap of 6·10⁻³⁶ and was checked.)
                  const coarse = { digits: 45, exponent: 32 };
                  const apart = (precision?: { digits: number; exponent: number }): [Bracket, Bracket] | null => {
                    const f1 = r1.at ? r1 : refineRoot(base, key, found[i]!.c.a, found[i]!.c.b, r1, deadline, precision);
                    const f2 = r2.at ? r2 : refineRoot(base, key, found[j]!.c.a, found[j]!.c.b, r2, deadline, precision);
                    if (!f1 || !f2) return null;
                    return f1.hi.cmp(f2.lo) < 0 ? [f1, f2] : f2.hi.cmp(f1.lo) < 0 ? [f2, f1] : null;
                  };
                  const parted = apart(coarse) ?? (now() <= deadline ? apart() : null);
                  if (!parted) continue;
                  const [lower, upper] = parted;
                  const gap = upper.lo.sub(lower.hi);
                  for (const x of [lower.hi.add(gap.div(Rational.of(2))), lower.lo.sub(gap), upper.hi.add(gap)]) {
                    const q = at(base, key, x, rng, deadline);
                    if (!q) continue;
                    const failure = test(q, null);
                    if (failure) return result(failure);
                  }
                }
              }
            }
          }
        }
        // The exact boundaries of all comparisons (0 and 7 in 0 ≤ x ≤ 7): between them an
        // equation's roots are also found by a uniform scan, which the logarithmic grid of
        // boundariesAlong steps over for a periodic side (2π in sin x = 0, 0 ≤ x ≤ 7).
        const ends = [...new Set(merged.roots.filter((r) => r.at).map((r) => r.at!.toString()))]
          .map((t) => merged.roots.find((r) => r.at?.toString() === t)!.at!).sort((u, v) => u.cmp(v));
        const scanned = (c: { a: Expr; b: Expr }): Bracket[] => {
          const out: Bracket[] = [];
          for (let i = 0; i + 1 < ends.length && i < 8; i++) {
            const width = ends[i + 1]!.sub(ends[i]!).toNumber();
            if (width > 1e6) continue;
            out.push(...rootsBetween(base, key, c.a, c.b, ends[i]!, ends[i + 1]!, Math.min(1024, Math.max(64, Math.ceil(width * 4))), deadline));
          }
          return out;
        };
        // Statements that differ only at a boundary they share at an irrational place (x² < 2
        // ⇔ |x| ≤ √2 at ±√2, e^x > 2 ⇔ x ≥ log 2) or at a turn (sin x < 1 ⇔ x ≠ π/2 at 5π/2):
        // no enclosure decides a comparison whose sides tie there, so each one's exact place is
        // guessed, proved, and both statements decided there exactly (exactPlaces). (Before the
        // roots' enclosures below: a counterexample at x = √2 reads better than at x ≈ 1.41421356237.)
        // (From every base, those nearest a failure too: (x − √2) a ≤ (x − √2) b and x ≥ √2 ⇔
        // a ≤ b and x ≥ √2 fails at √2 only where a > b — red team rt60.)
        // (A place where both statements hold, decided exactly there, is evidence that they
        // agree on the equations' solutions where the step reads this one real scalar alone:
        // √(x² − 2) = 0 ⇔ x² = 2 holds only at ±√2, which no enclosure can put √(x² − 2) at, and
        // was unknown, "no point where the equations hold". Not with two: along x, with y at its
        // value, the places are not the solutions' set, and x² + y² = 4 and x = −y ⇔ x = √2 and
        // y = −√2, which loses (−√2, √2), was checked — red team rt66.)
        if (!base.isInteger(key)) {
          const alone = scalarKeys(base).filter((k) => !base.isInteger(k)).length === 1;
          const failure = exactPlaces(p, base, key, [...found, ...divisorPlaces(scalarComparisons, base, key, deadline)], rng, deadline, (q) => test(q, null, alone));
          if (failure) return result(failure);
        }
        for (const { c, b } of found) {
          // A whole `a ≠ b` is false at a root of a − b (by intermediate values at an
          // irrational one): x² ≠ 2 ⇔ x ≠ √2 fails at −√2.
          if (c.op === '≠' && c.whole && !base.isInteger(key)) {
            let tried = 0;
            for (const r of [...b.roots].sort((u, v) => magnitude(u).cmp(magnitude(v)))) {
              if (!r.at && !r.certain) continue;
              if (tried++ >= 6 || now() > deadline) break;
              // (Narrowed to 10⁻⁹⁰ for the three smallest, as an equation's roots are: the other
              // statement's root may be 10⁻⁴⁰ away, x ≠ √2 ⇔ x ≠ √2 + 10⁻⁴⁰.)
              const fine = !r.at && tried <= 3 ? refineRoot(base, key, c.a, c.b, r, deadline) : null;
              const q = rootPoint(base, key, fine ?? r, rng, deadline);
              if (!q) continue;
              const failure = test(q, null, false, null, c.side);
              if (failure) return result(failure);
            }
            continue;
          }
          // A whole `g^(2k) > 0` or `|g| > 0` is false where g is 0, which it touches without
          // changing sign: at each root of g (by intermediate values at an irrational one).
          // (x³ − x − 1)² > 0 ⇔ 1 > 0 fails at the plastic number, and was checked (red team rt103).
          const touched = c.whole && !base.isInteger(key) ? touchingBase(c) : null;
          if (touched) {
            let tried = 0;
            for (const r of [...zerosAlong(base, key, touched, deadline)].sort((u, v) => magnitude(u).cmp(magnitude(v)))) {
              if (!r.at && !r.certain) continue;
              if (tried++ >= 6 || now() > deadline) break;
              const q = rootPoint(base, key, r, rng, deadline);
              if (!q) continue;
              const failure = test(q, null, false, null, c.side);
              if (failure) return result(failure);
            }
            continue;
          }
          if (c.op !== '=') continue;
          const between = base.isInteger(key) ? [] : scanned(c);
          if (!c.whole) {
            // An equation inside `and`/`or` (x³ = 2x and x ≥ 0): at its irrational roots it
            // holds only on an enclosure, so they are narrowed to 10⁻⁹⁰, where it holds to 250
            // digits, and both statements are evaluated there: every root the scan found, and
            // the six smallest of the grid's.
            let fromGrid = 0;
            const seenRoots: Bracket[] = [];
            const grid = [...b.roots].sort((u, v) => magnitude(u).cmp(magnitude(v)));
            for (const r of [...between.slice(0, 128), ...grid]) {
              if (r.at || !r.certain || base.isInteger(key) || now() > deadline) continue;
              // (Overlapping grids report a root more than once.)
              if (seenRoots.some((o) => o.lo.cmp(r.hi) <= 0 && r.lo.cmp(o.hi) <= 0)) continue;
              seenRoots.push(r);
              if (grid.includes(r) && fromGrid++ >= 6) break;
              const fine = refineRoot(base, key, c.a, c.b, r, deadline);
              const q = fine ? rootPoint(base, key, fine, rng, deadline) : null;
              if (!q) continue;
              const failure = test(q, null, true, c.side);
              if (failure) return result(failure);
            }
            continue;
          }
          // Smallest roots first: the counterexample a student can check (x = π, not x = −5·10⁸).
          // An equation of the other statement cannot hold on a double-width enclosure of an
          // irrational root: for the few smallest roots, the bracket is narrowed to 10⁻⁹⁰ first.
          const otherHasEquation = hasEquation(c.side === 'left' ? right : left);
          let refined = 0;
          for (const r of [...[...b.roots].sort((u, v) => magnitude(u).cmp(magnitude(v))), ...between.slice(0, 128)]) {
            if (now() > deadline) return result(null);
            const fine = otherHasEquation && !r.at && r.certain && refined++ < 3 ? refineRoot(base, key, c.a, c.b, r, deadline) : null;
            const q = rootPoint(base, key, fine ?? r, rng, deadline);
            if (!q) continue;
            // (Taken as solving its statement only at a certain root where both sides have values
            // over the enclosure: (x² − 1)/(x − 1) = 2 has its root x = 1 as a polynomial, where
            // the left side has none, and (x² − 1)/(x − 1) = 2 ⇒ x = 3 was refuted there.
            // Elsewhere both statements are evaluated.)
            const solves = (r.at !== null || r.certain) && definedOn(q, c.a) && definedOn(q, c.b);
            const failure = test(q, solves ? c.side : null, true, c.side);
            if (failure) return result(failure);
          }
          // A double root (cos x = 1 at 2π) is a turn, not a sign change: where the equation
          // cannot be decided on a certain turn's enclosure and the other statement is
          // false, the step may fail there.
          if (tight || base.isInteger(key)) continue;
          let turns = 0;
          for (const r of [...b.extrema].sort((u, v) => magnitude(u).cmp(magnitude(v)))) {
            if (tight) break;
            if (!r.certain || r.at || now() > deadline) continue;
            // (The few smallest: each undecided one is tried at every precision up to 250 digits.)
            if (turns++ >= 4) break;
            const q = enclosurePoint(base, key, r, rng, deadline);
            if (!q) continue;
            const own = q.truth(c.side === 'left' ? left : right, levels);
            const other = q.truth(c.side === 'left' ? right : left, levels);
            if (own === 'undecided' && other === false && (!oneWay || c.side === 'left')) tight = q;
          }
        }
      }
      // Several scalars on their exact roots or turns at once, with the rest as the base has
      // them (all of them, then each pair): `x² a ≤ x² b and y² a ≤ y² b ⇔ a ≤ b` fails only at
      // x = y = 0 with a > b, where a move along one scalar never leads (red team rt60). Such
      // points may refute; they add no evidence.
      // (Each scalar's three places nearest 0: all scalars at their first, second, third; then
      // each pair at their first. (x − 2)² a ≤ (x − 2)² b and (y − 3)² a ≤ (y − 3)² b and x > 1
      // and y > 1 ⇒ a ≤ b fails at (2, 3), past the roots 1 of x > 1 and y > 1 — rt61.)
      const size = (x: Rational): Rational => (x.sign() < 0 ? x.neg() : x);
      const ranked = [...corners].map(([key, xs]) => [key, [...xs.values()].sort((u, v) => size(u).cmp(size(v)) || u.cmp(v)).slice(0, 3)] as const);
      if (ranked.length >= 2) {
        const layer = (i: number) => ranked.map(([key, xs]) => [key, xs[Math.min(i, xs.length - 1)]!] as [string, Rational]);
        const nearest = layer(0);
        const sets = [nearest, layer(1), layer(2), ...nearest.flatMap((u, i) => nearest.slice(i + 1).map((v) => [u, v]))].slice(0, 18);
        const setsTried = new Set<string>();
        for (const set of sets) {
          if (now() > deadline) return result(null);
          const text = set.map(([k, x]) => `${k}=${x.toString()}`).join(',');
          if (setsTried.has(text)) continue;
          setsTried.add(text);
          const q = atAll(base, set, rng, deadline);
          if (!q) continue;
          const failure = test(q, null, false);
          if (failure) return result(failure);
        }
        // And one scalar after another, each to its exact root or turn nearest 0 where the ones
        // before it were put, a move kept only where a statement false at the base stays false
        // (the failure sought is the other one becoming true): x² a ≤ x² b and (x − y)² a ≤
        // (x − y)² b ⇒ a ≤ b fails at x = 0, y = 0, y's turn once x is 0, with a > b (rt61).
        const falseAt = (q: Point, f: Formula): boolean => {
          try {
            return q.truth(f, levels, false, 'reject') === false;
          } catch {
            return false;
          }
        };
        for (const kept of [right, ...(oneWay ? [] : [left])]) {
          if (!falseAt(base, kept)) continue;
          let here: Point = base;
          for (const [key] of ranked) {
            if (now() > deadline) return result(null);
            // (At the base itself, the place the key loop above found: not sought again.)
            let best: Rational | null = here === base ? ranked.find(([k]) => k === key)![1][0]! : null;
            for (const c of here === base ? [] : scalarComparisons) {
              const b = boundariesAlong(here, key, c.a, c.b, deadline);
              for (const r of [...b.roots, ...b.extrema]) {
                if (!r.at || (here.isInteger(key) && r.at.d !== 1n)) continue;
                if (!best || size(r.at).cmp(size(best)) < 0) best = r.at;
              }
            }
            const moved = best && at(here, key, best, rng, deadline);
            if (!moved || !falseAt(moved, kept)) continue;
            const failure = test(moved, null, false);
            if (failure) return result(failure);
            here = moved;
          }
        }
      }
    }
    // A vector or matrix unknown of a linear equation: solve for it.
    const nonlinear: { c: (typeof all)[number]; key: string }[] = [];
    for (const c of all) {
      if (c.op !== '=' || !c.whole) continue;
      for (const key of matrixKeys(base)) {
        if (now() > deadline) return result(null);
        const solved = solveLinear(base, key, c.a, c.b, rng);
        if (!solved) nonlinear.push({ c, key });
        // A solution that breaks the unknown's declared tags (a singular "invertible"
        // matrix) is no point of the step's domain.
        if (!solved || !respectsTags(solved, key)) continue;
        searched++;
        along.add(`${base.values.get(key)!.label}${SOLVED}`);
        solved.deadline = deadline;
        if (!solved.satisfiesAssumptions(levels, true)) continue;
        const failure = test(solved, null, true, c.side);
        if (failure) return result(failure);
      }
    }
    // The same at the poles of the statements' scalar parts (x = 0 in `x u = v ⇒ u = v/x`):
    // there the left equation still has solutions (v = 0) and the right may have no value.
    const matrices = matrixKeys(base);
    if (matrices.length > 0) {
      const singular = all.flatMap((c) => [...singularParts(c.a), ...singularParts(c.b)]);
      let poleBases = 0;
      const poleSeen = new Set<string>();
      for (const key of scalarKeys(base)) {
        for (const sp of singular) {
          if (poleBases >= 3 || now() > deadline) break;
          for (const r of boundariesAlong(base, key, sp, ZERO_SCALAR, deadline).roots.sort((u, v) => magnitude(u).cmp(magnitude(v)))) {
            // An irrational pole (cos x = 0 at π/2) cannot be put in place exactly, and on an
            // enclosure the right side is not "undefined" for certain: the step cannot pass on
            // the other points (unless the assumptions rule the pole out).
            // (The smallest such pole only: where the assumptions rule it out, that settles it.)
            if (!r.at && r.certain && !poleDoubt && !poleSeen.has(printExpr(sp))) {
              poleSeen.add(printExpr(sp));
              const fine = refineRoot(base, key, sp, ZERO_SCALAR, r, deadline);
              const q = fine ? enclosurePoint(base, key, fine, rng, deadline) : null;
              if (q) poleDoubt = { where: approximately(base, key, fine!.lo), part: printExpr(sp) };
            }
            if (!r.at || poleBases >= 3) continue;
            poleBases++;
            const atPole = base.replacing(key, r.at, rng);
            // (A derived point draws its values when they are first used: use them.)
            for (const c of all) {
              for (const side of [c.a, c.b]) {
                try {
                  atPole.evaluate(exactField, side);
                } catch {
                  // undefined at the pole is what is being looked for
                }
              }
            }
            for (const c of all) {
              if (c.op !== '=' || !c.whole) continue;
              for (const m of matrices) {
                if (now() > deadline) return result(null);
                const solved = solveLinear(atPole, m, c.a, c.b, rng);
                if (!solved || !respectsTags(solved, m)) continue;
                solved.deadline = deadline;
                if (!solved.satisfiesAssumptions(levels, true)) continue;
                const failure = test(solved, null, false, c.side);
                if (failure) return result(failure);
              }
            }
          }
        }
      }
    }
    // An equation that is not linear in a vector unknown (‖w‖ = 2‖b‖, wᵀw = 1): along rays
    // w := s·u, for u another vector of its shape, its own value or a unit vector, at a
    // few rational s (±1, ±2, ±½, ±3, ±⅓). Both statements are evaluated there, so only
    // a point where the equation really holds can refute.
    for (const c of all) {
      if (c.op !== '=' || !c.whole) continue;
      const failure = rays(base, c, rng, deadline, (q) => test(q, null, true, c.side));
      searched++;
      if (failure) return result(failure);
    }
    // The same equations solved by Newton's method on the Jacobian, each root proved in a
    // small box (newton.ts): the point holds the unknown as that box, and the equation there.
    for (const { c, key } of nonlinear) {
      if (now() > deadline) return result(null);
      const roots = newtonSolutions(base, key, c.a, c.b, rng, deadline);
      const factors = zeroFactors(c.a, c.b);
      // An unproved root where a scalar factor vanishes is covered: that factor's own
      // solutions are solved and proved below.
      if (roots.unproved && !unproved && !factors.some((f) => nearZero(roots.unproved!, f))) {
        const value = roots.unproved.overrides.get(key) ?? base.values.get(key)!.value;
        unproved = { point: roots.unproved, equation: `${printExpr(c.a)} = ${printExpr(c.b)}`, where: approximately(base, key, value) };
      }
      if (roots.length > 0) {
        searched++;
        along.add(`${base.values.get(key)!.label}${SOLVED}`);
      }
      // A matrix equation's solutions come in families Newton's few starts do not cover
      // (A³ = I at I and at every rotation by 120°): its roots can refute, not support.
      const drawn = base.values.get(key)!.value;
      const vector = isMat(drawn) && drawn.cols === 1;
      for (const q of roots) {
        const failure = test(q, c.side, vector);
        if (failure) return result(failure);
      }
      // A product that is 0 is 0 where any scalar factor is: (wᵀw − 1)(wᵀw − 3) w = 0 has
      // whole spheres of solutions, where its own Jacobian is singular; each factor's are
      // isolated in one entry, so Newton proves them (the equation then holds to 250 digits).
      for (const f of factors) {
        if (now() > deadline) return result(null);
        for (const q of newtonSolutions(base, key, f, ZERO_SCALAR, rng, deadline)) {
          const failure = test(q, null, vector, c.side);
          if (failure) return result(failure);
        }
      }
    }
  }
  // A point where an equation of the statements holds is a base too, along every scalar: the
  // search above probed it at the bases' other values only (a at 0 and 1/2 passed
  // x = 1 ⇒ a ≤ 1 and a ≥ 0). Such points may refute; they add no evidence.
  const scalarComparisons = all.filter((c) => scalar(c.a) && scalar(c.b));
  for (const q of scalarComparisons.length > 0 ? solved.slice(0, SOLVED_BASES) : []) {
    for (const key of scalarKeys(q)) {
      if (now() > deadline) return result(null);
      const merged = mergeBoundaries(scalarComparisons.map((c) => boundariesAlong(q, key, c.a, c.b, deadline)));
      for (const x of probesFrom(merged, q.isInteger(key), rng, q.prep.intervals.get(key))) {
        if (now() > deadline) return result(null);
        const r = at(q, key, x, rng, deadline);
        if (!r) continue;
        const failure = test(r, null, false);
        if (failure) return result(failure);
        // Moved off the equation's solutions (x = a ⇒ a ≥ 0 with a moved to −1), it is
        // solved again along each other scalar (x = −1), back on them.
        for (const c of scalarComparisons) {
          if (c.op !== '=' || !c.whole) continue;
          // (Not where it is still on them, as the test just found (c is a whole statement):
          // √x √y = √(x y) ⇔ x ≥ 0 and y ≥ 0 holds on a whole quadrant, and solving it again
          // along y at each of ~2,000 probes there ran the step out of time.)
          if (lastTested?.q === r && (c.side === 'left' ? lastTested.left : lastTested.right) === true) continue;
          for (const other of scalarKeys(r)) {
            if (other === key || r.isInteger(other) || now() > deadline) continue;
            const difference: Expr = { kind: 'Binary', op: '-', left: c.a, right: c.b, range: c.a.range, shape: { kind: 'scalar' } };
            for (const root of zerosAlong(r, other, difference, deadline).slice(0, 2)) {
              const back = rootPoint(r, other, root, rng, deadline);
              if (!back) continue;
              const found = test(back, null, false);
              if (found) return result(found);
            }
          }
        }
      }
    }
  }
  // Every scalar moved together (x = y = t; one alone too), out to where a statement's truth
  // changes: `x² + y² ≤ 1 ⇒ x + y ≤ 1.4` fails only near x = y = 1/√2, inside the left
  // statement's edge, where no scalar's own boundaries lead (coupledLineSearch's line, for
  // statements). Such points may refute; they add no evidence.
  const first = bases[0];
  const together = first ? scalarKeys(first).filter((k) => !first.isInteger(k)) : [];
  // (And the other lines through 0 where every scalar is ±t, for two or three: x = t, y = −t;
  // `x² + y² ≤ 1 ⇒ x − y < √2` fails only at x = −y = √(1/2) — rt62. Each line once: t takes
  // both signs, so turning every sign gives the same line.)
  const turned = together.length === 2 ? [1] : together.length === 3 ? [0, 1, 2] : [];
  const directions: (1 | -1)[][] = [together.map(() => 1 as const), ...turned.map((i) => together.map((_, j) => (i === j ? -1 as const : 1 as const)))];
  // (A budget of points for all the lines, not a share of the clock, as in coupledLineSearch.)
  let work = COUPLED_WORK;
  const spent = (): boolean => work <= 0 || now() > deadline;
  for (const signs of first && together.length > 0 && scalarComparisons.length > 0 ? directions : []) {
    if (!first || spent()) break;
    const signed = (t: Rational): Rational[] => signs.map((s) => (s < 0 ? t.neg() : t));
    const pointAt = (t: number): Point | null => {
      work--;
      if (!Number.isFinite(t)) return null;
      const values = signed(Rational.parse(String(t)));
      return atAll(first, together.map((k, i) => [k, values[i]!] as const), rng, deadline);
    };
    const truths = (t: number): [boolean | null, boolean | null] | null => {
      const q = pointAt(t);
      if (!q) return null;
      const read = (f: Formula): boolean | null => {
        try {
          const v = q.truth(f, levels, false, 'reject');
          return typeof v === 'boolean' ? v : null;
        } catch {
          return null;
        }
      };
      return [read(left), read(right)];
    };
    const grid = [...EQUAL_ENTRY_GRID].sort((a, b) => a - b);
    const seen = grid.map((t) => (spent() ? null : truths(t)));
    const tries = new Set<number>();
    for (let i = 0; i + 1 < grid.length; i++) {
      const u = seen[i];
      const v = seen[i + 1];
      if (!u || !v) continue;
      // (Where either statement's truth changes between neighbours: its edge, bisected in
      // doubles, and the last t on each side of it tried.)
      for (const side of [0, 1] as const) {
        if (u[side] === null || v[side] === null || u[side] === v[side]) continue;
        let a = grid[i]!;
        let b = grid[i + 1]!;
        for (let k = 0; k < 60 && !spent(); k++) {
          const mid = a / 2 + b / 2;
          if (mid === a || mid === b) break;
          const m = truths(mid);
          if (!m || m[side] === null) break;
          if (m[side] === u[side]) a = mid;
          else b = mid;
        }
        tries.add(a).add(b);
      }
    }
    for (const t of tries) {
      if (spent()) break;
      const q = pointAt(t);
      if (!q) continue;
      const failure = test(q, null, false);
      if (failure) return result(failure);
    }
    // An edge's exact place on that line, guessed and proved a tie of a comparison's sides
    // there (x² + y² ≤ 1 ⇒ x + y < √2 fails only at x = y = √(1/2), where no double decides
    // x + y < √2): the point with every scalar at it, decided exactly (as exactPlaces does).
    // (Red teams rt59, rt60: checked.)
    const labels = together.map((k) => first.values.get(k)!.label);
    const placesTried = new Set<string>();
    for (const t of [...tries].sort((u, v) => Math.abs(u) - Math.abs(v)).slice(0, 8)) {
      if (spent() || !Number.isFinite(t) || t === 0) continue;
      for (const guess of exactGuesses(Rational.parse(t.toPrecision(17)), left.range, 12).slice(0, 6)) {
        if (spent() || placesTried.has(printExpr(guess))) continue;
        placesTried.add(printExpr(guess));
        /** The guess on scalar i's side of the line (−√(1/2) for a turned one). */
        const at = (i: number): Expr => (signs[i]! < 0 ? { kind: 'Neg', arg: guess, range: guess.range, shape: { kind: 'scalar' } } : guess);
        const ties = scalarComparisons.some((c) => {
          const diff: Expr = { kind: 'Binary', op: '-', left: c.a, right: c.b, range: c.a.range, shape: { kind: 'scalar' } };
          // (Names off the line, integers, at their values.)
          const zero = substitute(diff, new Map([...scalarValues(first, diff, ''), ...labels.map((l, i) => [l, at(i)] as const)]));
          return freeNames(zero).length === 0 && exactlyZero(zero, identityContext(p), `${p.salt}|diagonal|${printExpr(zero)}`, deadline);
        });
        if (!ties) continue;
        // (A rational place as itself: x² + y² ≤ 2/9 ⇒ x + y < 2/3 fails at x = y = 1/3 — rt62.)
        const rational = constantValue(guess);
        const q = rational ? atAll(first, together.map((key, i) => [key, signed(rational)[i]!] as const), rng, deadline) : symbolicPointMeeting(first, together.map((key, i) => ({ key, c: at(i) })), rng, deadline);
        if (!q) continue;
        const failure = test(q, null, false);
        const where = signs.every((s) => s > 0) ? `${labels.join(' = ')} = ${printExpr(guess)}` : labels.map((l, i) => `${l} = ${printExpr(at(i))}`).join(', ');
        if (failure) return result({ ...failure, note: `${failure.note ?? 'the statements disagree here'} (at ${where} exactly)` });
      }
    }
  }
  // Each corner where two or three scalars sit at closed ends of their intervals (a factor
  // 2 − x y is 0 only at x = 1, y = 2 under 0 < x ≤ 1, 0 < y ≤ 2: (2 − x y) a < (2 − x y) b ⇔
  // a < b fails there, and was checked, red team rt106). (From a few bases: the other names,
  // a > b for the ⇒ form, as each drew them.)
  for (const base of bases.slice(0, 4)) {
    const closed = scalarKeys(base).filter((k) => {
      const iv = base.prep.intervals.get(k);
      return !!iv && ((iv.lo !== null && iv.loClosed) || (iv.hi !== null && iv.hiClosed));
    }).slice(0, 3);
    const endsOf = (k: string): Rational[] => {
      const iv = base.prep.intervals.get(k)!;
      return [...(iv.lo !== null && iv.loClosed ? [iv.lo] : []), ...(iv.hi !== null && iv.hiClosed ? [iv.hi] : [])];
    };
    let corners: (readonly [string, Rational])[][] = [[]];
    for (const k of closed) corners = corners.flatMap((c) => endsOf(k).map((e) => [...c, [k, e] as const]));
    for (const corner of closed.length >= 2 ? corners : []) {
      if (now() > deadline) return result(null);
      const q = atAll(base, corner, rng, deadline);
      if (!q) continue;
      const failure = test(q, null, false);
      if (failure) return result(failure);
    }
  }
  // Last (the searches above name exact places where they can: x = π, not an enclosure of
  // it): a factor g² or |g| put to 0 at g's irrational roots.
  for (const base of bases.slice(0, 2)) {
    for (const key of scalarKeys(base).filter((k) => !base.isInteger(k))) {
      if (now() > deadline) return result(null);
      const touched = touchingZeros(base, key);
      if (touched) return result(touched);
    }
  }
  return result(null);
}

/** The common values an inequality's search gives all its real scalars at once (searchInequality). */
const DIAGONAL = ([[1n, 1n], [2n, 1n], [1n, 2n], [3n, 1n], [-1n, 1n], [1n, 3n]] as const).map(([n, d]) => new Rational(n, d));

/** Irrational roots and turns per comparison whose exact place a ⇔/⇒ search guesses (the smallest). */
const EXACT_PLACES = 3;

/**
 * The ⇔/⇒ search at the exact places where a comparison's sides tie along `key` at an
 * irrational value: for each comparison's EXACT_PLACES smallest certain irrational roots and
 * turns of a − b, narrowed to ~10⁻⁹⁰ (refineRoot, refineTurn), the exact values it may be
 * (exactGuesses: √2, log 2, 5π/2), each proved a tie (a − b is 0 there by exact expansion or
 * the identity test, the other names at their rational values) before the point is built
 * (symbolicPoint: the scalar as an enclosure and as its expression, so comparisons that tie
 * there are decided exactly by Point.sameValue) and, where it meets the assumptions,
 * `test`ed. The first failure, or null. Guesses are never trusted: one not proved a tie is
 * skipped, and a statement the point cannot decide refutes nothing.
 */
function exactPlaces(p: StepProblem, base: Point, key: string, found: readonly { c: { a: Expr; op: RelOp; b: Expr }; b: Boundaries }[], rng: Rng, deadline: number,
  test: (q: Point) => Counterexample | null): Counterexample | null {
  const label = base.values.get(key)!.label;
  const ctx = identityContext(p);
  /** Guesses proved or not as ties, by comparison and guess; places tested, by guess. */
  const tried = new Set<string>();
  const tested = new Set<string>();
  // (The constants the statements compare the scalar with, and their negatives, are guessed
  // first: x ≤ log(3)/log(2) beside 2^x < 3, which exactGuesses does not make.)
  // (And |x| with a constant, which ties at either sign of it: |x| ≤ √π beside x² < π; and
  // a x + b, or |a x + b|, for rationals a ≠ 0 and b, at (±c − b)/a: |x − 1| ≤ √π, |2x| ≤ √e.)
  /** Each comparison's own written places, by comparison. */
  /** Where u is b + x·a for constants a ≠ 0 and b (√2, π: not rational), proved by exact algebra, the place (w − b)/a where u is w; null otherwise. */
  const lineOf = (u0: Expr): ((w: Expr) => Expr) | null => {
    // (The other real scalars at their values here: |√2 x − y| ≤ π at x = (π + y)/√2 — rt59.)
    const others = scalarValues(base, u0, label);
    const u = others.size > 0 ? substitute(u0, others) : u0;
    const names = freeNames(u);
    if (names.length === 0 || names.some((v) => printName(v.name) !== label) || now() > deadline) return null;
    const sc = { kind: 'scalar' } as const;
    const at = (n: number): Expr => substitute(u, new Map([[label, rationalExpr(Rational.of(n), u.range)]]));
    // (Expanded, with √2 and π as atoms, so the place prints as written: (π + 1)/√2.)
    const tidy = (e: Expr): Expr => {
      const r = expandRational(e, true);
      return r ? rationalFunctionExpr(r, u.range) : e;
    };
    const b = tidy(at(0));
    const a: Expr = tidy({ kind: 'Binary', op: '-', left: at(1), right: b, range: u.range, shape: sc });
    const x = names[0]!;
    const rest: Expr = { kind: 'Binary', op: '-', left: u, right: { kind: 'Binary', op: '+', left: b, right: { kind: 'Binary', op: '*', left: x, right: a, range: u.range, shape: sc }, range: u.range, shape: sc }, range: u.range, shape: sc };
    if (exactlyZero(a, ctx, `${p.salt}|slope|${printExpr(a)}`, deadline) || !exactlyZero(rest, ctx, `${p.salt}|line|${printExpr(u)}`, deadline)) return null;
    return (w) => tidy({ kind: 'Binary', op: '/', left: { kind: 'Binary', op: '-', left: w, right: b, range: u.range, shape: sc }, right: a, range: u.range, shape: sc });
  };
  const writtenOf = new Map<object, Expr[]>(found.map(({ c }) => [c, writtenPlaces(c, label, lineOf)]));
  const written = [...writtenOf.values()].flat();
  // (Each written constant's enclosure, once: [lo, hi] as rationals.)
  const D = decimalField(Math.max(120, agreementDigitsNow() + 40));
  const enclosed = written.flatMap((e) => {
    try {
      const v = base.evaluate(D, e);
      return isMat(v) ? [] : [{ e, lo: Rational.parse((v as DecInterval).lo.toString()), hi: Rational.parse((v as DecInterval).hi.toString()) }];
    } catch {
      return [];
    }
  });
  /** The written constants whose value may lie in the bracket r. */
  const within = (r: Bracket): Expr[] => enclosed.filter((x) => x.hi.cmp(r.lo) >= 0 && x.lo.cmp(r.hi) <= 0).map((x) => x.e);
  /**
   * The exact rational turns and roots of each comparison's sides along up to two other real
   * scalars the step reads, four at most each (made once, when first asked: only where a tie
   * is proved and the statements agree there).
   */
  let partnerPlaces: { key: string; c: Expr }[] | null = null;
  const partners = (): { key: string; c: Expr }[] => {
    if (partnerPlaces) return partnerPlaces;
    partnerPlaces = [];
    const others = [...base.values.keys()]
      .filter((k) => k !== key && !k.includes('@') && base.touched.has(k) && !base.isInteger(k) && !isMat(base.values.get(k)!.value))
      .slice(0, 2);
    for (const k2 of others) {
      const seen = new Set<string>();
      for (const { c } of found) {
        if (!scalar(c.a) || !scalar(c.b) || now() > deadline) continue;
        const along = boundariesAlong(base, k2, c.a, c.b, deadline);
        for (const r of [...along.extrema, ...along.roots]) {
          if (!r.at || seen.has(r.at.toString()) || seen.size >= 4) continue;
          seen.add(r.at.toString());
          partnerPlaces.push({ key: k2, c: rationalExpr(r.at, c.a.range) });
        }
      }
      // And the irrational places the comparisons write for it: x ≥ √2 and y ≥ √2 ⇒ x y > 2
      // fails only at (√2, √2), where no rational y lies (rt56: checked).
      const label2 = base.values.get(k2)!.label;
      const own = new Set<string>();
      for (const { c } of found) {
        for (const w of writtenPlaces(c, label2)) {
          const text = printExpr(w);
          if (own.size >= 4 || own.has(text) || constantValue(w) !== null) continue;
          own.add(text);
          partnerPlaces.push({ key: k2, c: w });
        }
      }
    }
    return partnerPlaces;
  };
  /** Places already settled: a guess was proved to tie there (another comparison's root at the same place is skipped). */
  const settled: Bracket[] = [];
  for (const { c, b } of found) {
    if (!scalar(c.a) || !scalar(c.b)) continue;
    const diff: Expr = { kind: 'Binary', op: '-', left: unfolded(c.a, p), right: unfolded(c.b, p), range: c.a.range, shape: { kind: 'scalar' } };
    // (A turn is a tie only where a − b is about 0 there: sin x − 1 at π/2, not at −π/2.)
    const nearTie = (r: Bracket): boolean => {
      try {
        const v = base.replacing(key, r.lo.add(r.hi).div(Rational.of(2)), rng).evaluate(intervalField, diff);
        return !isMat(v) && Math.max(Math.abs((v as Interval).lo), Math.abs((v as Interval).hi)) <= 1e-6;
      } catch {
        return false;
      }
    };
    // (Within the scalar's assumed range: sin x < 1 under 100 < x < 105 turns at 65π/2, not at ±π/2.)
    const range = base.prep.intervals.get(key);
    // (With a slack of 10⁻⁹ of the end's size: an irrational end, x ≥ √2, is kept as a rational just past it.)
    const slack = (x: Rational): Rational => (x.sign() < 0 ? x.neg() : x).add(Rational.ONE).div(Rational.of(1e9));
    const inRange = (r: Bracket): boolean => (!range?.lo || r.hi.cmp(range.lo.sub(slack(range.lo))) >= 0) && (!range?.hi || r.lo.cmp(range.hi.add(slack(range.hi))) <= 0);
    const places = [...b.roots.map((r) => ({ r, turn: false })), ...b.extrema.map((r) => ({ r, turn: true }))]
      .filter(({ r }) => r.certain && !r.at && inRange(r))
      .sort((u, v) => magnitude(u.r).cmp(magnitude(v.r)))
      // (A root of one comparison alone, < or ≤, flips its statement's truth on an interval
      // beside it, where the probes look: only a root another comparison shares, or one of an
      // equation or ≠, whose truth at the root differs from both sides, needs its exact place.)
      // (Nor one at an edge of the assumptions, x > √2 under x ≥ √2: the statement's truth
      // flips there and the range ends.)
      .map(({ r, turn }) => ({
        r, turn,
        shared: turn ? nearTie(r) : c.op === '=' || c.op === '≠' || found.some((o) => o.b !== b && o.b.roots.some((u) => u.lo.cmp(r.hi) <= 0 && r.lo.cmp(u.hi) <= 0))
          || edgesNear(p, base, key, r).length > 0,
      }))
      // (Or a root at a written constant where the step reads other real scalars: the other
      // statement may hold there only at another scalar's turn, x² + y² ≤ 2 ⇒ x < √2 at
      // (√2, 0), which no root along x shares at the drawn y. Its written guesses only.)
      .filter(({ r, turn, shared }) => shared || (!turn && within(r).length > 0 && partners().length > 0))
      .slice(0, EXACT_PLACES);
    if (places.length === 0 && (writtenOf.get(c) ?? []).length === 0) continue;
    // (The other names the sides read, at their rational values.)
    const values = scalarValues(base, diff, label);
    /** Whether a guess is proved to tie (a − b is 0 there exactly): null where it is not, else the failure there or none. */
    const tryGuess = (guess: Expr, rational = false): { failure: Counterexample | null } | null => {
      const text = printExpr(guess);
      if (tried.has(`${printExpr(diff)}|${text}`) || (!rational && constantValue(guess) !== null)) return null;
      tried.add(`${printExpr(diff)}|${text}`);
      const zero = substitute(diff, new Map([...values, [label, guess]]));
      if (freeNames(zero).length > 0 || !exactlyZero(zero, ctx, `${p.salt}|place|${printExpr(zero)}`, deadline)) return null;
      // (A place tested already, for another comparison that ties there too.)
      if (tested.has(text)) return { failure: null };
      tested.add(text);
      const q = symbolicPointMeeting(base, [{ key, c: guess }], rng, deadline);
      if (!q) return { failure: null };
      // There, and with another real scalar at an exact turn or root of a comparison along it
      // (x² + y² ≤ 2 ⇒ x < √2 fails only at (√2, 0): y = 0 is the turn of x² + y² − 2).
      let failure = test(q);
      for (const other of failure ? [] : partners()) {
        if (now() > deadline) break;
        const q2 = symbolicPointMeeting(base, [{ key, c: guess }, other], rng, deadline);
        if (!q2) continue;
        failure = test(q2);
        if (failure) break;
      }
      return { failure: failure && { ...failure, note: `${failure.note ?? 'the statements disagree here'} (at ${label} = ${printExpr(guess)} exactly, where ${printExpr(c.a)} = ${printExpr(c.b)})` } };
    };
    /** The first of `guesses` proved a tie there: the failure at it, or 'tied' where the statements agree there; null where none is. */
    const firstTie = (guesses: readonly Expr[]): Counterexample | 'tied' | null => {
      for (const guess of guesses) {
        if (now() > deadline) return null;
        const tie = tryGuess(guess);
        if (tie) return tie.failure ?? 'tied';
      }
      return null;
    };
    for (const { r, turn, shared } of places) {
      if (now() > deadline) return null;
      if (settled.some((o) => o.lo.cmp(r.hi) <= 0 && r.lo.cmp(o.hi) <= 0)) continue;
      // The constants written beside the scalar and the assumptions' edges first, on the double
      // bracket (no narrowing), then guesses from the place narrowed to ~10⁻⁹⁰.
      const known = firstTie([...within(r), ...(turn ? [] : edgesNear(p, base, key, r).map((e) => e.expr))]);
      if (known && known !== 'tied') return known;
      if (known) {
        settled.push(r);
        continue;
      }
      if (!shared) continue;
      const fine = turn ? refineTurn(base, key, c.a, c.b, r, deadline) : refineRoot(base, key, c.a, c.b, r, deadline);
      if (!fine) continue;
      const guessed = firstTie(exactGuesses(fine.at ?? fine.lo.add(fine.hi).div(Rational.of(2)), c.a.range, 60));
      if (guessed && guessed !== 'tied') return guessed;
      if (guessed) {
        settled.push(r);
        continue;
      }
      // No exact value: where a − b changes sign on the narrowed bracket it is 0 at some point
      // inside (intermediate values), where every comparison of these same sides has its truth
      // at a tie (x⁵ + x < 3 ⇔ x⁵ + x ≤ 3, 2^x < 3 ⇔ 2^x ≤ 3); the other comparisons must be
      // decided over the whole bracket, without agreement.
      if (turn || fine.at || !fine.certain) continue;
      const failure = tiedAt(p, base, key, fine, c, rng, deadline);
      if (failure) return failure;
    }
    // Last, the comparison's own written places, with no root bracket needed: far out, a root's
    // bracket is past what doubles tell (|x − 10²⁰| ≤ √π ⇔ (x − 10²⁰)² < π fails at 10²⁰ − √π,
    // |x − 10²⁰| ≤ 1 ⇔ |x − 10²⁰| < 1 at 10²⁰ + 1, a rational place: red team rt54).
    for (const guess of writtenOf.get(c) ?? []) {
      if (now() > deadline) return null;
      const q = constantValue(guess);
      const tie = tryGuess(q ? rationalExpr(q, guess.range) : guess, true);
      if (tie?.failure) return tie.failure;
    }
  }
  return null;
}

/**
 * The statements' divisors (and tan's cosine, log's argument, √'s and a fractional power's base, |·|'s argument) that read the scalar at `key`,
 * each as the comparison g = 0 with its boundaries along the scalar, for exactPlaces: at a
 * zero a statement has no value (LANGUAGE.md §3), and at an irrational one no enclosure
 * shows it 0, so its exact place is guessed and proved as a tie's is. Red team rt56:
 * (x − π)/(x − π) = 1 ⇔ x² ≥ 0 and 1/(x − √2) ≠ 0 ⇔ x² ≥ 0 were checked (each gains the
 * solution at the zero); the rational forms were refuted at their exact roots.
 */
function divisorPlaces(comparisons: readonly { a: Expr; b: Expr }[], base: Point, key: string, deadline: number): { c: { a: Expr; op: RelOp; b: Expr }; b: Boundaries }[] {
  const label = base.values.get(key)!.label;
  const parts = new Map<string, Expr>();
  for (const c of comparisons) {
    // (Fractional powers' and √'s bases too: at their exact zeros a statement has a value,
    // 0, that no enclosure shows: (x² − 2)^(π − 3) ≥ 0 ⇔ x² > 2 fails at √2 — rt59.)
    // (And |·|'s argument: at its zero a side has a kink, and a statement may hold there alone:
    // a |x − π| ≤ b |x − π| ⇒ a ≤ b fails at π with a > b.)
    const kinks: Expr[] = [];
    for (const side of [c.a, c.b]) visit(side, (x) => { if (x.kind === 'Abs' && x.arg.shape?.kind === 'scalar') kinks.push(x.arg); });
    for (const g of [...singularParts(c.a), ...singularParts(c.b), ...kinks]) {
      if (freeNames(g).some((v) => printName(v.name) === label) && g.shape?.kind !== 'matrix') parts.set(printExpr(g), g);
    }
  }
  return [...parts.values()].slice(0, 4).map((g) => {
    const c = { a: g, op: '=' as RelOp, b: ZERO_SCALAR };
    return { c, b: boundariesAlong(base, key, g, ZERO_SCALAR, deadline) };
  });
}

/**
 * The places a comparison writes for the scalar `label`: c and −c where it compares the scalar
 * (or its |·|) with a constant c, and (±c − b)/a where it compares a·x + b (a, b rational) with one.
 */
function writtenPlaces(c: { a: Expr; b: Expr }, label: string,
  /**
   * Where u is b + x·a for constants a ≠ 0 and b that need not be rational (√2 x − 1), proved
   * so: the place w → (w − b)/a where u is w; null where it is not.
   */
  lineOf?: (u: Expr) => ((w: Expr) => Expr) | null): Expr[] {
  const out: Expr[] = [];
  for (const [u0, v] of [[c.a, c.b], [c.b, c.a]] as const) {
    const u = u0.kind === 'Abs' ? u0.arg : u0;
    if (freeNames(v).length > 0 || !scalar(v)) continue;
    // (−(−c) as c: the place is printed.)
    const neg: Expr = v.kind === 'Neg' ? v.arg : { kind: 'Neg', arg: v, range: v.range, shape: { kind: 'scalar' } };
    if (u.kind === 'Var' && printName(u.name) === label) {
      out.push(v, neg);
      continue;
    }
    const line = affineIn(u, label);
    if (!line) {
      // (Constant coefficients that are not rational: |√2 x − 1| ≤ π at (±π + 1)/√2.)
      const place = lineOf?.(u);
      if (!place) continue;
      out.push(place(v), place(neg));
      continue;
    }
    // (w − b)/a, written as on paper: 1 + √π, (√π − 1)/2, −√e.
    const at = (w: Expr): Expr => {
      const sc = { kind: 'scalar' } as const;
      const b = line.b;
      const shifted: Expr = b.isZero() ? w
        : { kind: 'Binary', op: b.sign() > 0 ? '-' : '+', left: w, right: rationalExpr(b.sign() > 0 ? b : b.neg(), v.range), range: v.range, shape: sc };
      const a = line.a.sign() < 0 ? line.a.neg() : line.a;
      const scaled: Expr = a.equals(Rational.ONE) ? shifted : { kind: 'Binary', op: '/', left: shifted, right: rationalExpr(a, v.range), range: v.range, shape: sc };
      return line.a.sign() < 0 ? { kind: 'Neg', arg: scaled, range: v.range, shape: sc } : scaled;
    };
    out.push(at(v), at(neg));
  }
  return out;
}

/** u as a·x + b for rationals a ≠ 0 and b, x the scalar `label` and no other name in u; null otherwise. */
function affineIn(u: Expr, label: string): { a: Rational; b: Rational } | null {
  const names = freeNames(u);
  if (names.length === 0 || names.some((v) => printName(v.name) !== label)) return null;
  const poly = expandPolynomial(u);
  if (!poly) return null;
  let a = Rational.ZERO;
  let b = Rational.ZERO;
  for (const t of poly.values()) {
    if (t.powers.length === 0) b = t.coef;
    else if (t.powers.length === 1 && t.powers[0]![1] === 1) a = t.coef;
    else return null;
  }
  return a.isZero() ? null : { a, b };
}

/** A comparison's truth where its sides are equal. */
const TIE_TRUTH: Partial<Record<RelOp, boolean>> = { '=': true, '≤': true, '≥': true, '<': false, '>': false, '≠': false };

/**
 * `f` with every link whose sides `ties` says are equal at the place (those of the comparison
 * there, either way round, or any whose difference is a nonzero constant times theirs) put as
 * its truth where they are equal (a comparison of constants: 0 = 0 or 0 = 1), and those links'
 * sides; null where such a link has no truth at a tie.
 */
function tiedFormula(f: Formula, ties: (u: Expr, v: Expr) => boolean): { f: Formula; sides: Expr[] } | null {
  if (f.kind === 'TagFact') return { f, sides: [] };
  if (f.kind === 'Logic') {
    const l = tiedFormula(f.left, ties);
    const r = l && tiedFormula(f.right, ties);
    return l && r ? { f: { ...f, left: l.f, right: r.f }, sides: [...l.sides, ...r.sides] } : null;
  }
  const zero: Expr = { kind: 'Num', value: '0', range: f.range, shape: { kind: 'scalar' } };
  const one: Expr = { kind: 'Num', value: '1', range: f.range, shape: { kind: 'scalar' } };
  const sides: Expr[] = [];
  const links: Formula[] = [];
  for (let i = 0; i < f.ops.length; i++) {
    const [u, v] = [f.operands[i]!, f.operands[i + 1]!];
    const op = f.ops[i]!;
    if (ties(u, v)) {
      const truth = TIE_TRUTH[op];
      if (truth === undefined) return null;
      sides.push(u, v);
      links.push({ kind: 'Compare', operands: [zero, truth ? zero : one], ops: ['='], range: f.range });
    } else {
      links.push({ kind: 'Compare', operands: [u, v], ops: [op], range: f.range });
    }
  }
  if (sides.length === 0) return { f, sides };
  return { f: links.reduce((x, y) => ({ kind: 'Logic', op: '∧', left: x, right: y, range: f.range })), sides };
}

/**
 * A ⇔/⇒ step at the zero of a − b (comparison c) that a certain sign change on the narrowed
 * bracket r proves (intermediate values) though no exact value for it is known: each
 * comparison whose sides are equal there too — the same sides, or a difference the identity
 * test proves a nonzero constant times a − b (x⁵ + x − 3 ≤ 0, 2x⁵ + 2x < 6 beside x⁵ + x < 3)
 * — is put as its truth at a tie (tiedFormula), the others decided over all of r without
 * agreement; every tied side must have a finite enclosure over all of r. Where the statements
 * then differ, the counterexample, at r (the scalar printed as the bracket's middle, the note
 * saying where the point is). Null otherwise.
 */
function tiedAt(p: StepProblem, base: Point, key: string, r: Bracket, c: { a: Expr; b: Expr }, rng: Rng, deadline: number): Counterexample | null {
  const [a, b] = [printExpr(c.a), printExpr(c.b)];
  const ctx = identityContext(p);
  const minus = (u: Expr, v: Expr): Expr => ({ kind: 'Binary', op: '-', left: unfolded(u, p), right: unfolded(v, p), range: u.range, shape: { kind: 'scalar' } });
  const own = minus(c.a, c.b);
  /** Whether u = v wherever a = b (both defined): the same sides, or u − v = k (a − b) with k ≠ 0 by the identity test. */
  const ties = (u: Expr, v: Expr): boolean => {
    const [tu, tv] = [printExpr(u), printExpr(v)];
    if ((tu === a && tv === b) || (tu === b && tv === a)) return true;
    if (!scalar(u) || !scalar(v) || now() > deadline) return false;
    const other = minus(u, v);
    const seed = `${p.salt}|tie|${printExpr(other)}`;
    return constantRatio(other, own, ctx, seed, deadline).some((k) => !k.isZero()
      && identityTest(other, { kind: 'Binary', op: '*', left: rationalExpr(k, u.range), right: own, range: u.range, shape: { kind: 'scalar' } }, ctx, `${seed}|k`, deadline).kind === 'identical');
  };
  const left = tiedFormula(p.left as Formula, ties);
  const right = tiedFormula(p.right as Formula, ties);
  if (!left || !right || left.sides.length + right.sides.length === 0) return null;
  const q = enclosurePoint(base, key, r, rng, deadline);
  if (!q) return null;
  q.touched.clear();
  let ta: ReturnType<Point['truth']>;
  let tb: ReturnType<Point['truth']>;
  try {
    ta = q.truth(left.f, allLevels(), false, 'reject');
    tb = q.truth(right.f, allLevels(), false, 'reject');
  } catch {
    return null;
  }
  if (typeof ta !== 'boolean' || typeof tb !== 'boolean' || ta === tb || (p.rel === '⇒' && !ta)) return null;
  // Every tied side has a value over the whole bracket (a finite enclosure): a − b changes sign
  // there through a zero, not across a pole (1/(x − √2) < 0 ⇔ 1/(x − √2) ≤ 0 holds), and the
  // tied sides are equal at it. (And the scalar is the counterexample's, though every link
  // that reads it may have been put as a constant.)
  for (const side of [c.a, c.b, ...left.sides, ...right.sides]) {
    try {
      const v = q.evaluate(intervalField, side);
      if (isMat(v) || !Number.isFinite((v as Interval).lo) || !Number.isFinite((v as Interval).hi)) return null;
    } catch {
      return null;
    }
  }
  const label = base.values.get(key)!.label;
  const difference = printExpr({ kind: 'Binary', op: '-', left: c.a, right: c.b, range: c.a.range, shape: { kind: 'scalar' } });
  const width = r.hi.sub(r.lo);
  const digits = Math.max(1, width.d.toString().length - width.n.toString().length - 1);
  const where = `at the ${label} where ${a} = ${b} exactly (${difference} changes sign on an interval 10^(−${digits}) wide around the ${label} shown, which is rounded)`;
  return counterexample(q, String(ta), String(tb), ta ? `⇒ fails ${where}: the left statement holds and the right one does not` : `⇐ fails ${where}: the right statement holds and the left one does not`);
}

/** How many points that solve a statement's equation are searched again along every scalar. */
const SOLVED_BASES = 2;

/** Roots of each factor of a product set to 0 that a ⇔/⇒ search tries, per scalar (the smallest). */
const FACTOR_ROOTS = 8;

/** Whether a scalar expression has a double enclosure at q (over all of an enclosed scalar's interval). */
function definedOn(q: Point, e: Expr): boolean {
  try {
    const v = q.evaluate(intervalField, e);
    return !isMat(v) && Number.isFinite((v as Interval).lo) && Number.isFinite((v as Interval).hi);
  } catch {
    return false;
  }
}

/** At most this many points of a ⇔/⇒ search have agreement confirmed at every precision. */
const MAX_CONFIRMED = 24;

/** At most this many pairs of overlapping boundaries are narrowed apart per step. */
const MAX_PAIRS = 1;

/** Scalars tried along each ray of a vector unknown. */
const RAY_SCALES = [[1, 1], [-1, 1], [2, 1], [-2, 1], [1, 2], [-1, 2], [3, 1], [-3, 1], [1, 3], [-1, 3]].map(([n, d]) => Rational.of(n!).div(Rational.of(d!)));

/** Tries `w := s·u` for each vector w the equation uses (see searchStatement); the first failure. */
function rays(base: Point, c: { a: Expr; b: Expr }, rng: Rng, deadline: number, test: (q: Point) => Counterexample | null): Counterexample | null {
  const vectors = matrixKeys(base).filter((k) => (base.values.get(k)!.value as Mat<Rational>).cols === 1);
  let tries = 0;
  for (const key of vectors) {
    const own = base.values.get(key)!.value as Mat<Rational>;
    const n = own.rows;
    const unit = (i: number) => new Mat<Rational>(n, 1, Array.from({ length: n }, (_, j) => (j === i ? Rational.ONE : Rational.ZERO)));
    const directions = [
      ...vectors.filter((k) => k !== key && (base.values.get(k)!.value as Mat<Rational>).rows === n).map((k) => base.values.get(k)!.value as Mat<Rational>),
      own, unit(0), ...(n > 1 ? [unit(1)] : []),
    ];
    for (const u of directions) {
      for (const s of RAY_SCALES) {
        if (++tries > MAX_RAYS || now() > deadline) return null;
        const q = at(base, key, u.map((x) => x.mul(s)), rng, deadline);
        if (!q) continue;
        // Only where the equation holds is this a point of its solution set.
        q.touched.clear();
        if (q.truth({ kind: 'Compare', operands: [c.a, c.b], ops: ['='], range: c.a.range } as Compare, allLevels()) !== true) continue;
        const failure = test(q);
        if (failure) return failure;
      }
    }
  }
  return null;
}

/** At most this many ray points per equation. */
const MAX_RAYS = 120;

/** Whether a drawn matrix still has every tag its declaration gives it (and the tags those imply). */
export function respectsTags(point: Point, key: string): boolean {
  const info = point.ctx.scope.get(key);
  const value = point.overrides.get(key) ?? point.values.get(key)?.value;
  if (!info || !value) return false;
  for (const tag of impliedTags(info.tags)) {
    let result: PointResult = 'undecided';
    for (const F of allLevels()) {
      try {
        const v = isMat(value) ? (value as Mat<Rational>).map((x) => F.fromRational(x)) : F.fromRational(value as Rational);
        result = hasTag(F, v, tag as MatrixTag);
        if (result !== 'undecided') break;
      } catch {
        continue;
      }
    }
    if (result !== 'holds') return false;
  }
  return true;
}

/** The point at a root: exact when the root is, else the scalar as an enclosure of the root. */
function rootPoint(base: Point, key: string, r: Bracket, rng: Rng, deadline: number): Point | null {
  if (r.at) return at(base, key, r.at, rng, deadline);
  if (!r.certain || base.isInteger(key)) return null;
  return enclosurePoint(base, key, r, rng, deadline);
}

/** A side's value at a point as text (for messages). */
export function sideText(q: Point, e: Expr): string {
  for (const F of allLevels()) {
    try {
      return formatValue(F, q.evaluate(F, e) as Val<unknown>);
    } catch {
      continue;
    }
  }
  return 'undefined';
}

export type { Compare };

const ZERO_SCALAR: Expr = { kind: 'Num', value: '0', range: [0, 0], shape: { kind: 'scalar' } };

/** The scalar factors (not numbers) of a product set equal to 0 (`a = 0` or `0 = a`); [] otherwise. */
function zeroFactors(a: Expr, b: Expr): Expr[] {
  const out = productFactors(a, b).filter((e) => e.shape?.kind !== 'matrix' && e.kind !== 'Num');
  // A lone factor is the equation itself.
  return out.length > 0 && !(out.length === 1 && (out[0] === a || out[0] === b)) ? out.slice(0, 4) : [];
}

/**
 * Every factor of the side of a = b that is not 0 (through −, × and whole powers): constants,
 * vectors and matrices too. Empty where neither side is 0.
 */
function productFactors(a: Expr, b: Expr): Expr[] {
  const isZero = (e: Expr) => e.kind === 'Num' && Number(e.value) === 0;
  const product = isZero(b) ? a : isZero(a) ? b : null;
  if (!product) return [];
  const out: Expr[] = [];
  const walk = (e: Expr): void => {
    if (e.kind === 'Neg') return walk(e.arg);
    if (e.kind === 'Binary' && e.op === '*') {
      walk(e.left);
      walk(e.right);
      return;
    }
    if (e.kind === 'Binary' && e.op === '^' && e.right.kind === 'Num' && /^[1-9]\d*$/.test(e.right.value)) return walk(e.left);
    out.push(e);
  };
  walk(product);
  return out;
}

/** Whether a scalar expression is within 10⁻⁹ of 0 at q (double enclosures; an estimate that only excuses, never decides). */
function nearZero(q: Point, e: Expr): boolean {
  try {
    const v = q.evaluate(intervalField, e);
    if (isMat(v)) return false;
    const i = v as Interval;
    return Math.max(Math.abs(i.lo), Math.abs(i.hi)) <= 1e-9 * Math.max(1, i.mag);
  } catch {
    return false;
  }
}

/** `x ≈ 1.5708`: a drawn name and a value put in place of it, to six digits (for reasons). */
function approximately(base: Point, key: string, value: Val<Rational>): string {
  const v = isMat(value) ? value.map((x) => intervalField.fromRational(x)) : intervalField.fromRational(value);
  return `${base.values.get(key)!.label} ≈ ${formatValue(intervalField, v as Val<Interval>, 6)}`;
}
