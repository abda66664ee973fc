import type { Expr, Formula, RelOp } from '../../ast.js';
import { formulaExprs, freeNames, visit } from '../../ast-walk.js';
import type { RelatedNote } from '../../diagnostics.js';
import type { Counterexample } from '../../result.js';
import { Inexact, Skip, Undecided, Undefined, Unsupported, isMat, type Field, type Mat, type Val } from '../evaluator/field.js';
import { evaluate, groundHost } from '../evaluator/interpret.js';
import { absorbedTrusted, agreementDigitsNow, decimalField } from '../evaluator/decimal.js';
import { Rational } from '../evaluator/rational.js';
import { hasMatrix, isExpr, type StepOptions, type StepProblem } from '../problem.js';
import { Rng } from '../rng.js';
import { printFormula } from '../../print.js';
import { NO_PRECISION, decideAt, type StepState } from './at-point.js';
import { MAX_DIGITS, allLevels, decimalLevels, topDigits } from './levels.js';
import { Point } from './point.js';
import { SOLUTION_GAINED, SOLUTION_LOST, statementAt } from './compare.js';
import { assignments, counterexample, describePoint, formatSides, formatValue } from './report.js';
import { constantPole, describeSearch, statementComparisons, equalAtSampledPoint, failureStands, hasEquation, integerLadder, kinkSearch, magnitudeSearch, matrixScaleSearch, pastDoublesAt, poleSearch, probeFailure, searchInequality, searchStatement, singularMatrices, skewAndCompanion, vectorKinkSearch } from './explore.js';
import { hasKink } from '../rules/piecewise.js';
import { domainKeys, keysRead } from './domain.js';
import { dimensionProbes, identityOverrides } from './dimensions.js';
import { callsFunction, comparisonBoundPoints, edgeSearch } from './edges.js';
import { coincidenceSearch, cornerSearch, coupledByAssumption, hasCorners, meetByScaling, meetDomains, meetOrthonormal, shrink, snappedFailure, solveEqualities } from './search.js';
import { linearZeroSearch, meetLinear } from './linear-solve.js';
import { constrainedZeroSearch, squaresPoleSearch, squaresZeroSearch } from './constrained.js';
import { now } from '../../clock.js';

/**
 * A point moved onto the assumptions a drawn one missed, by the first way that works: vectors
 * the equations make orthonormal put on frames (two or more of them first), an equation solved
 * for one scalar or by Newton, an equation affine in a vector or matrix solved exactly, a bound
 * met by scaling, a substitution's domain, one vector on a frame; null where none does.
 */
function meetAssumptions(p: StepProblem, point: Point, rng: Rng, deadline: number): Point | null {
  return meetOrthonormal(p, point, rng, deadline, true) ?? solveEqualities(p, point, rng, deadline) ?? meetLinear(p, point, rng, deadline)
    ?? meetByScaling(p, point, rng) ?? meetDomains(p, point, rng, deadline) ?? meetOrthonormal(p, point, rng, deadline);
}

/**
 * A drawn point that missed the assumptions with its free real scalars moved toward `to`'s, a
 * point that met them: to 1/2, 1/4, 1/8 and 1/16 of the way back, the first that meets them
 * (a bounded region a draw rarely lands in, a shifted disc, is convex often enough); null
 * where none does or no scalar can move.
 */
function pulledToward(point: Point, to: Point, rng: Rng, levels: readonly Field<unknown>[]): Point | null {
  const keys = [...point.values.keys()].filter((k) => {
    const v = point.values.get(k)!.value;
    const a = to.values.get(k)?.value;
    return a !== undefined && !isMat(v) && !isMat(a) && !point.isInteger(k) && !point.enclosures.has(k) && !to.enclosures.has(k) && !point.prep.dimensions.has(k);
  });
  if (keys.length === 0) return null;
  for (const s of [2n, 4n, 8n, 16n]) {
    const f = new Rational(1n, s);
    const q = point.derive(rng, (k, v) => {
      if (!keys.includes(k)) return v;
      const a = to.values.get(k)!.value as Rational;
      return a.add((v as Rational).sub(a).mul(f));
    });
    q.deadline = point.deadline;
    try {
      if (q.satisfiesAssumptions(levels)) return q;
    } catch {
      // not met
    }
  }
  return null;
}

/** The reason of an unknown step no sampled point of which met the assumptions. */
/** How an unknown for want of a point that meets the assumptions starts (then, where one assumption failed at every point, which). */
export const NO_POINT = 'no sampled point satisfied the assumptions';

/** How an unknown starts where no point that met the assumptions gave both sides a value. */
export const NO_VALUE = 'no sampled point had both sides defined';

/**
 * Sampling: the points a step is tested at and its verdict at each, under the one
 * comparison policy (compare.ts): exact where the step is rational, enclosures elsewhere
 * (doubles first; decimal only where doubles cannot decide; a few double-precision
 * agreements confirmed at 50+ digits). Undecidable points are skipped and counted.
 */

/** A double-precision agreement at this many points is confirmed at decimal precision. */
const CONFIRM = 3;

/** Agreement digits past which a double-precision agreement is no evidence (30 + the 14 of a 10^(−14)). */
const DOUBLE_FINE = 44;

export interface SampleResult {
  /** Points where the step was decided to hold. */
  readonly held: number;
  readonly failure: Counterexample | null;
  readonly unknown: string | null;
  readonly notes: RelatedNote[];
  /** For ⇔ chains: whether both truth values were seen. */
  readonly vacuous: boolean;
  /**
   * Unknown only because the points' double-precision agreements could be confirmed at none of
   * them (each out of decimals' reach): an engine's proof may still stand on them (sampleRelation's `proved`).
   */
  readonly unconfirmable?: boolean;
  /** Which index values and dimensions the points covered: `t = 1…6, n = 2…4`. */
  readonly ranges?: string;
  /** How the held points were decided: exactly, by enclosures within 10⁻³⁰, to double precision only. */
  readonly evidence?: { readonly exact: number; readonly enclosed: number; readonly double: number; readonly undecided: number; readonly rejected: number; readonly agreed: number };
  /** The failure is a domain finding (a side undefined where the other is not). */
  readonly domain?: boolean;
  /** Why a ⇔/⇒ step's agreement is no evidence (with `vacuous`). */
  readonly vacuousWhy?: string;
  /** What the search of boundaries and solution sets covered (`and at 12 points … along ε`). */
  readonly searchText?: string;
  /** `unknown` because something in the step is not evaluated (E[X²] not declared, a limit), not for lack of time or points. */
  readonly unsupported?: boolean;
  /** The step read only members its definitions give (no drawn value): one point is every point. */
  readonly determined?: boolean;
}

/**
 * Whether a point's step read only members of families its definitions give, drawing
 * nothing (no name, index, size or function instance): u_{1000} of `define u_0 = 1`,
 * `define u_t = u_{t−1} + 2t + 1`.
 */
function determinedAt(point: Point, p: StepProblem): boolean {
  if (point.touched.size === 0) return false;
  const defs = p.prep.ctx.defs;
  for (const k of point.touched) {
    if (point.values.has(k) || point.overrides.has(k)) return false;
    const at = k.indexOf('@');
    // (Or a member defined on its own, `define a_2 = a_1 + 1` beside `define a_1 = 1`: kept
    // under its own name; a_2 = 2 was only checked, red team rt136.)
    const family = at < 0 ? k : k.slice(0, at);
    if (!defs.some((d) => !d.params && p.prep.keyOfName(d.target) === family)) return false;
  }
  return true;
}

/** Records the integer indices and dimensions a held point used. */
function noteIndices(point: Point, seen: Map<string, Set<number>>): void {
  const add = (k: string, v: number) => {
    if (!seen.has(k)) seen.set(k, new Set());
    seen.get(k)!.add(v);
  };
  for (const [key, { label, value }] of point.values) {
    if (!point.touched.has(key) || !point.isInteger(key) || value instanceof Object && 'rows' in value) continue;
    const q = value as { isInteger(): boolean; n: bigint };
    if (q.isInteger()) add(label, Number(q.n));
  }
  for (const [d, n] of point.dims) if (point.touched.has(`dim:${d}`)) add(d, n);
}

function describeRanges(seen: Map<string, Set<number>>): string {
  return [...seen].map(([k, vs]) => {
    const sorted = [...vs].sort((a, b) => a - b);
    const lo = sorted[0]!;
    const hi = sorted[sorted.length - 1]!;
    return lo === hi ? `${k} = ${lo}` : sorted.length === hi - lo + 1 ? `${k} = ${lo}…${hi}` : `${k} ∈ {${sorted.join(', ')}}`;
  }).join(', ');
}

/**
 * The sizes a step's own values have (I_n, 0 of R^{n×m}) are dimensions too, beside the
 * declared shapes': a name spelled like one is that size. `assume n ≥ 6` / `tr(I_n) = n` was
 * refuted with the size n at 7 and the number n at 10.
 */
function addDimensionsOf(p: StepProblem): void {
  const sides = [p.left, p.right].flatMap((x) => (isExpr(x) ? [x] : formulaExprs(x)));
  for (const e of sides) {
    visit(e, (x) => {
      if (x.shape?.kind !== 'matrix') return;
      for (const d of [x.shape.rows, x.shape.cols]) if (typeof d === 'string') p.prep.dimensions.add(d);
    });
  }
}

/**
 * Samples points satisfying the assumptions and tests the relation at each; `confirm`
 * re-decides a few double-precision agreements at 50+ digits (not needed when a
 * certificate already proves the equality); `lean` stops after the sampled points, with no
 * search for where the step could fail; `oneDecimal` (without `confirm`) lets a point doubles
 * cannot decide go to 50 digits.
 */
export function sampleRelation(p: StepProblem, opts: StepOptions, confirm = true, lean = false, oneDecimal = false,
  /** Sizes every dimension symbol is also tried at, whatever the step (where the identity test found its sides different). */
  sizes: readonly number[] = [],
  /**
   * An engine's proof (nerdamer's, the normal form's) stands behind the step: where no point's
   * double-precision agreement can be confirmed at 50+ digits (each out of reach), they keep
   * counting as the agreement that proof needs (exp(−x² − 10^400) = exp(−x²) exp(−10^400)).
   * Without one, such agreements are no evidence (exp(−x² − 10^400) = 0 is unknown).
   * `'certificate'`: a proof that needs no engine's word (the identity test, a rule) — an
   * inequality it proves for every value is not unknown for want of a search past the doubles.
   */
  proved: boolean | 'certificate' = false,
  /**
   * With `proved` a certificate of an equation: the right side is proved to have a value
   * wherever the left does (rules/domain-inclusion.ts), so the searches for where a side has no
   * value look only where the left has none (for the notes of where the step extends it).
   */
  rightHasValue = false): SampleResult {
  // (A step a certificate covers, `confirm` off, is cross-checked: a term absorbed at every
  // precision, 7 in √(10^1000 + 7)² = 10^1000 + 7, does not make its one point undecided.)
  const leftOnly = rightHasValue && proved === 'certificate' && p.rel === '=';
  return confirm ? sampleAll(p, opts, confirm, lean, oneDecimal, sizes, proved, leftOnly) : absorbedTrusted(() => sampleAll(p, opts, confirm, lean, oneDecimal, sizes, proved, leftOnly));
}

/** How many points one step's notes name where it extends a side (LANGUAGE.md §3). */
const MAX_EXTENSION_NOTES = 2;

function sampleAll(p: StepProblem, opts: StepOptions, confirm: boolean, lean: boolean, oneDecimal: boolean, sizes: readonly number[], proved: boolean | 'certificate', leftOnly: boolean): SampleResult {
  addDimensionsOf(p);
  const rng = new Rng(opts.seed, p.salt);
  const notes: RelatedNote[] = [];
  const levels = allLevels();
  const state: StepState = { exactFailures: 0, exactSuccesses: 0 };
  let held = 0;
  let rejected = 0;
  /** The first point that met the assumptions: later draws that miss them are pulled toward it (pulledToward). */
  let anchor: Point | null = null;
  let undefinedBoth = 0;
  /** Points that met the assumptions where one side had a value and the other none (each a note). */
  let oneSided = 0;
  let undecided = 0;
  let undecidedWhy = '';
  const evidence = { exact: 0, enclosed: 0, double: 0, undecided: 0, rejected: 0, agreed: 0 };
  let touching: Point | null = null;
  /** A point where the step fails that an assumption deriv cannot evaluate may exclude. */
  let unevaluated: Point | null = null;
  let touchingWhy = '';
  /** The first point past ordinary sizes where a strict relation's sides could not be told apart (skipped, unless algebra shows them equal). */
  let farTie: Point | null = null;
  let sawTrue = false;
  let sawFalse = false;
  /** Whether each statement of a ⇔/⇒ had a value at some sampled point (LANGUAGE.md §3: no evidence otherwise). */
  let leftDefined = false;
  let rightDefined = false;
  const probePoints: Point[] = [];
  /** A ⇔/⇒ step's first base's truths of the right and left statements, and a second base kept in case none differs. */
  let probeTruth: boolean | null = null;
  let probeLeft: boolean | null = null;
  /** A held point where only the left statement's truth differs from the first base's. */
  let leftProbe: Point | null = null;
  let spareProbe: Point | null = null;
  let firstHeld: Point | null = null;
  /** The first held points (for the pole search from other integer values). */
  const heldPoints: Point[] = [];
  /** A ⇔/⇒ step's held points (the candidates for more search bases: patternBases). */
  const statementHeld: Point[] = [];
  let unsampled: string | null = null;
  /** The first held point drew nothing the step reads: every point is that one (determinedAt). */
  let determined = false;
  /** Points where the sides agree to double precision only, with what they cost to evaluate. */
  const provisional: { point: Point; cost: number }[] = [];
  // A step a certificate covers for every value (`confirm` off) is cross-checked in exact and
  // double arithmetic only: a point doubles cannot decide is skipped, not taken to 50 digits
  // (Q1.2's ‖∂g_T/∂g_0‖ = ‖∏ J_t‖ spent 130 of its 190 ms there), and fewer points are tried.
  // (`oneDecimal`: a certified step of numbers alone has one point; where doubles cannot
  // decide it (exp(1000)) it is taken to 50 digits, without climbing to confirm an agreement.)
  const pointLevels = confirm ? levels : levels.slice(0, oneDecimal ? 3 : 2);
  const maxAttempts = confirm ? opts.samples * 10 + 20 : opts.samples * 3 + 10;
  const extended = new Set<string>();
  // `side` 'right': an inequality's right side has no value where its left has one; the
  // inequality is read where both sides are defined (LANGUAGE.md §3 refutes only = and ⇔
  // there: 0 < 1/x² at x = 0, 1 ≤ 1 + tan² x at π/2 are right steps).
  const extend = (point: Point, reason: string, side: 'left' | 'right' = 'left'): void => {
    const where = describePoint(point);
    if (extended.has(where) || extended.size >= MAX_EXTENSION_NOTES) return;
    extended.add(where);
    // (A ground step has no point to name: "here". Nor another point that it could extend a
    // side to: (−8)^(1/3) = −2 is unknown, and its note said the step extended the left side,
    // which would pass it, red team rt119.)
    const at = where === '' ? 'here' : `at ${where}`;
    if (where === '') {
      notes.push({ message: statement
        ? 'a side of the left statement has no value here, where the right statement has one'
        : `the left side has no value here (${reason}), and the right side has one` });
      return;
    }
    notes.push({ message: statement
      ? `a side of the left statement has no value ${at}, where the right statement has one: the step extends the left statement to that point`
      : side === 'right'
        ? `the right side is undefined ${at} (${reason}) where the left side is defined: the inequality is read where both sides are defined`
        // (An inequality is read where both sides are defined, whichever has no value: it
        // extends nothing, LANGUAGE.md §3.)
        : p.rel !== '=' && p.rel !== '⇔'
          ? `the left side is undefined ${at} (${reason}) where the right side is defined: the inequality is read where both sides are defined`
          : `the left side is undefined ${at} (${reason}) but the right side is defined there: the step extends the left side to that point` });
  };
  // (Where the right side is proved to have a value wherever the left does, the searches for
  // where a side has none can only add notes: they stop once the notes are all taken.)
  const notesTaken = (): boolean => leftOnly && extended.size >= MAX_EXTENSION_NOTES;
  const seen = new Map<string, Set<number>>();
  const statement = !isExpr(p.left);
  const fail = (failure: Counterexample, domain = false): SampleResult => ({ held, failure, unknown: null, notes, vacuous: false, ...(domain ? { domain } : {}) });
  /** A point that fails the step must meet the assumptions strictly, not only to double precision. */
  // (What the assumptions read is not what the step read: a name only an unrelated assumption
  // has, `assume 0 < β < 1`, is not part of the step's counterexample.)
  const genuine = (point: Point): boolean => {
    const read = [...point.touched];
    const met = point.satisfiesAssumptions(levels, true);
    point.touched.clear();
    for (const k of read) point.touched.add(k);
    return met;
  };
  const timedOut = (during: string): SampleResult => ({
    held, failure: null, notes, vacuous: false,
    unknown: `the time limit ran out while ${during}, after ${held} sampled points held (raise ${opts.timeoutFlag ?? '--timeout'})`,
  });
  for (let attempt = 0; attempt < maxAttempts && held < opts.samples; attempt++) {
    if (now() > opts.deadline) {
      // Fewer points than asked for is not a pass: a busy machine must not change verdicts.
      return { held, failure: null, unknown: `the time limit ran out after ${held} of ${opts.samples} sampled points (raise ${opts.timeoutFlag ?? '--timeout'})`, notes, vacuous: false };
    }
    let point = new Point(p.prep, rng, attempt);
    point.deadline = opts.deadline;
    try {
      if (!point.satisfiesAssumptions(levels)) {
        // An equation among the assumptions (α + β = 1) is never met by chance: solve it;
        // a bound on a norm or eigenvalue of one matrix is met by scaling the matrix.
        // A substitution with no value here (u = √(x − 2) at x = 0) is met by moving x into its domain.
        // An equation among vectors or matrices affine in one of them (A B = B A) is solved exactly.
        // (Last, the point's scalars pulled toward the first point that met them, halfway and
        // closer: a shifted disc (x − 1)² + (y − 2)² ≤ 1 met 3 of 260 draws, and right steps
        // on it were unknown, red team rt109.)
        const solved = meetAssumptions(p, point, rng, opts.deadline) ?? (anchor ? pulledToward(point, anchor, rng, levels) : null);
        if (!solved) {
          rejected++;
          if (held === 0 && rejected >= 60) break;
          continue;
        }
        point = solved;
      }
      anchor ??= point;
      point.touched.clear();
      if (!statement) {
        const left = p.left as Expr;
        const right = p.right as Expr;
        const rel = p.rel as RelOp;
        let o = decideAt(point, left, rel, right, pointLevels, state, confirm);
        // (The one point of a step of numbers alone that 50 digits cannot decide — a divisor
        // 10⁻¹² from 0 that a 10-place decimal makes, 1 = (π − 3.1415926536)/(…) — is taken
        // to every precision: there is no other point to decide the step.)
        if (o.kind === 'undecided' && point.touched.size === 0 && pointLevels.length < levels.length && now() <= opts.deadline) {
          point.touched.clear();
          o = decideAt(point, left, rel, right, levels, state, confirm);
        }
        switch (o.kind) {
          case 'holds':
            if (o.exact) evidence.exact++;
            else evidence.enclosed++;
            if (o.agreed) evidence.agreed++;
            break;
          case 'provisional':
            evidence.double++;
            provisional.push({ point, cost: workOf(point) });
            break;
          case 'both-undefined':
            undefinedBoth++;
            continue;
          case 'undecided':
            undecided++;
            undecidedWhy ||= o.reason === NO_PRECISION ? '' : o.reason;
            // A step with no free names has one point: trying it again says nothing new. Where
            // the right side divides by a constant that is 0 exactly (1/cos(π/2)), it has no
            // value, which no enclosure shows: the domain rule refutes there.
            // (A step that reads no drawn value is such a step too, whatever the assumptions
            // draw: `assume n ≥ 0` above e^1000 − e^1000 = 0.)
            if (point.touched.size === 0) {
              attempt = maxAttempts;
              const found = rel === '=' ? constantPole(p, point, opts.deadline) : null;
              if (found) return fail(found, true);
            }
            // A strict relation or `≠` whose sides cannot be told apart at an ordinary point
            // (max(x, π) > π at x = −5; sin(nπ/2) ≠ 1 at n = 1) may fail there; far out
            // (tanh(x) < 1 at x = 10⁹) it is skipped.
            if ((rel === '<' || rel === '>' || rel === '≠') && ordinary(point) && !touching) {
              touching = point;
              touchingWhy = o.reason;
            }
            // (Far out such a point is skipped, but where algebra proves the sides equal there it
            // refutes: e^x < e^500 under 0 ≤ x ≤ 500 at x = 500 — red team: checked.)
            if ((rel === '<' || rel === '>' || rel === '≠') && !ordinary(point)) farTie ??= point;
            continue;
          case 'left-undefined':
            // The step extends the left side's domain (LANGUAGE.md §3): it may pass, with a note.
            extend(point, o.reason);
            oneSided++;
            continue;
          case 'right-undefined':
            if (rel !== '=') {
              extend(point, o.reason, 'right');
              oneSided++;
              continue;
            }
            if (!genuine(point)) {
              if (point.unevaluatedAssumption) unevaluated ??= point;
              undecided++;
              continue;
            }
            return fail(counterexample(point, formatValue(o.F, o.left), 'undefined',
              `the right side is undefined here (${o.reason}) but the left is ${formatValue(o.F, o.left)}`), true);
          case 'fails': {
            if (!genuine(point)) {
              if (point.unevaluatedAssumption) unevaluated ??= point;
              undecided++;
              continue;
            }
            const small = shrink(p, point, new Rng(opts.seed, `${p.salt}~${attempt}`), opts.deadline);
            const [l, r] = small ? formatSides(small.F, small.left, small.right) : formatSides(o.F, o.left, o.right);
            return fail(counterexample(small?.point ?? point, l, r));
          }
        }
      } else {
        const a = point.truth(p.left as Formula, levels, false, true);
        // `A ⇒ B` holds wherever A is false, whatever B is there (even without a value).
        const b = p.rel === '⇒' && a === false ? true : point.truth(p.right as Formula, levels, false, true);
        if (a !== 'undefined') leftDefined = true;
        if (b !== 'undefined') rightDefined = true;
        const s = statementAt(p.rel as '⇔' | '⇒', a, b);
        if (s.kind === 'unsupported') throw new Unsupported('this statement is not evaluated yet');
        if (s.kind === 'undecided') {
          undecided++;
          if (ordinary(point)) touching ??= point;
          continue;
        }
        if (s.kind === 'both-undefined') {
          undefinedBoth++;
          continue;
        }
        if ((s.kind !== 'decided' || !s.ok) && !genuine(point)) {
          undecided++;
          continue;
        }
        if (s.kind === 'lost') return fail(counterexample(point, 'true', 'undefined', SOLUTION_LOST), true);
        if (s.kind === 'gained') return fail(counterexample(point, 'undefined', 'true', SOLUTION_GAINED), true);
        if (s.a) sawTrue = true;
        else sawFalse = true;
        if (!s.ok && !failureStands(point, p.rel, p.left as Formula, p.right as Formula)) {
          // Told apart at 250 digits: the 50-digit truth of an equation was agreement only.
          undecided++;
          continue;
        }
        if (!s.ok) {
          return fail(counterexample(point, s.a ? 'true' : 'false', s.b ? 'true' : 'false',
            p.rel === '⇔' ? 'one side holds here and the other does not' : 'the left side holds here but the right does not'));
        }
        evidence.exact++;
        if (statementHeld.length < 32) statementHeld.push(point);
        // The search's second base is a point where the right statement's truth differs from the
        // first's (else the left's, else any): a move along one scalar flips a statement from
        // either side. From two bases where a ≤ b, a x² ≤ b x² ⇒ a ≤ b and a x ≤ b x and x ≥ 0
        // ⇒ a ≤ b were checked; they fail only at x = 0 with a > b (rt57, rt58). (Under ⇒ the
        // right statement is not taken where the left is false: it is taken here, while a second
        // base is still wanted; where it cannot be decided, the point is no such base.)
        const rightHere = (): boolean | null => {
          if (!(p.rel === '⇒' && a === false)) return s.b;
          try {
            const t = point.truth(p.right as Formula, levels, false, true);
            return typeof t === 'boolean' ? t : null;
          } catch {
            return null;
          }
        };
        if (probePoints.length === 0) {
          probePoints.push(point);
          probeTruth = rightHere();
          probeLeft = s.a;
        } else if (probePoints.length === 1) {
          const r = rightHere();
          if (r !== null && probeTruth !== null && r !== probeTruth) probePoints.push(point);
          else if (s.a !== probeLeft) leftProbe ??= point;
          else spareProbe ??= point;
        }
      }
      held++;
      unsampled ??= point.unsampledRoots;
      noteIndices(point, seen);
      firstHeld ??= point;
      if (!statement && probePoints.length < 2) probePoints.push(point);
      if (heldPoints.length < 8) heldPoints.push(point);
      // A point that drew nothing the step reads (u_1000 of a recurrence whose start is given):
      // every point would be this one (u_{1000} = 1001² was unknown: 24 points of 1000 members
      // each ran out of time).
      if (!statement && held === 1 && determinedAt(point, p)) {
        determined = true;
        break;
      }
    } catch (err) {
      if (err instanceof Unsupported) return { held, failure: null, unknown: err.message, notes, vacuous: false, unsupported: true };
      if (err instanceof Undefined || err instanceof Skip || err instanceof Undecided || err instanceof Inexact) {
        undefinedBoth++;
        continue;
      }
      throw err;
    }
  }
  // Doubles agreed: confirm at 50+ digits (a difference of 10⁻²⁰ must still be found), at
  // the cheapest of those points (a deep recurrence in decimal costs a hundred times more),
  // cheapest by a measure of the work, not by a clock, so the points are the same on any machine.
  /** Double-precision agreements were set aside only because none could be confirmed (SampleResult.unconfirmable). */
  let unconfirmable = false;
  if (!statement && confirm) {
    let doubtful = false;
    let approximate = false;
    let confirmed = 0;
    let unconfirmed = 0;
    for (const { point } of confirmationPoints(provisional)) {
      if (now() > opts.deadline) return timedOut('confirming agreements at higher precision');
      point.touched.clear();
      const o = decideAt(point, p.left as Expr, p.rel as RelOp, p.right as Expr, decimalLevels(), undefined, true);
      if (o.kind === 'holds') {
        confirmed++;
        evidence.double--;
        // (Exactly where the sides were proved equal in sums of square roots: a step of numbers
        // so proved said its enclosures decided it.)
        if (o.exact) evidence.exact++;
        else evidence.enclosed++;
        if (o.agreed) evidence.agreed++;
      } else if (o.kind === 'fails' && genuine(point)) {
        const [l, r] = formatSides(o.F, o.left, o.right);
        return fail(counterexample(point, l, r));
      } else if (o.kind === 'provisional') {
        // (Provisional in decimals too: the point itself is known to double precision only,
        // an assumption met by a solve, not exactly.)
        approximate = true;
      } else {
        // (Failing in decimals where the point meets its assumptions only to double precision.)
        if (o.kind === 'fails') approximate = true;
        else unconfirmed++;
        if (o.kind === 'undecided' && o.reason !== NO_PRECISION) undecidedWhy ||= o.reason;
        evidence.double--;
        held--;
        undecided++;
        // Too close to tell, not out of reach (an exp too large to evaluate is no doubt about the rest).
        if (o.kind === 'undecided' && o.reason === NO_PRECISION) doubtful = true;
      }
    }
    // A double-precision agreement that higher precision could not confirm at one point is no
    // evidence at the others either (x⁴ = 4 + 10⁻⁹⁵ under assume x² = 2 agrees to 16 digits
    // everywhere): the unconfirmed ones count as undecided.
    // Nor is it at points known to double precision only (an assumption met by a solve)
    // where the step writes a number finer than doubles tell (agreement past 44 digits: a
    // 10^(−15) or finer): xᵀx + yᵀy = 2 + 10^(−20) under ‖x‖ = ‖y‖ = 1 held "to double
    // precision" and was checked (a tolerance deciding).
    // And where no point's agreement could be confirmed at all (each out of reach, or too close):
    // exp(−x² − 10^400) = 0 agreed to double precision everywhere ([0, 5·10⁻³²⁴] against 0) and,
    // its exp too large for decimals at every point, was checked (red team).
    // (Under an engine's proof, as before: `proved`.)
    const noneConfirmed = !proved && confirmed === 0 && unconfirmed > 0;
    if (noneConfirmed && !doubtful && evidence.double > 0) unconfirmable = true;
    if ((doubtful || noneConfirmed || (approximate && agreementDigitsNow() > DOUBLE_FINE)) && evidence.double > 0) {
      held -= evidence.double;
      undecided += evidence.double;
      evidence.double = 0;
    }
  }
  evidence.undecided = undecided;
  evidence.rejected = rejected;
  // The step fails at a point an assumption deriv cannot evaluate may exclude: neither a
  // counterexample nor a pass.
  if (unevaluated) {
    const where = describePoint(unevaluated);
    return { held, failure: null, notes, vacuous: false, unknown: `${where ? `at ${where} ` : ''}the step fails, but an assumption there could not be evaluated (it may exclude that point)` };
  }
  if (farTie && !statement) {
    const found = equalAtSampledPoint(p, farTie, opts.deadline);
    if (found) return fail(found);
  }
  if (touching) {
    const found = statement ? null : equalAtSampledPoint(p, touching, opts.deadline) ?? snappedFailure(p, touching, new Rng(opts.seed, `${p.salt}≈`));
    if (found) return fail(found, found.right === 'undefined');
    // The edges of the assumptions may still decide the step in exact values where this tie
    // could not (‖u − η∇_u L(w)‖ > ‖u‖ with w = g u/‖u‖ ties wherever ∇L(w) is parallel to w,
    // as it is for some drawn L; a constant L fails it at u = e₁, exactly).
    if (!statement && confirm && !lean) {
      const edge = edgeSearch(p, firstHeld ?? touching, new Rng(opts.seed, `${p.salt}⊥`), opts.deadline);
      if (edge) return fail(edge, edge.right === 'undefined');
    }
    const where = describePoint(touching);
    const at = where ? `at ${where} ` : '';
    return {
      held, failure: null, notes, vacuous: false,
      unknown: statement
        ? `${at}the sides of a comparison could not be told apart at any precision tried, so whether it holds there is unknown`
        : touchingWhy && touchingWhy !== 'no precision could decide it'
          ? `${at}the step could not be decided (${touchingWhy})`
          : `${at}the two sides could not be told apart at any precision tried, so '${p.rel}' may fail there`,
    };
  }
  // (A determined step has its one point; where confirming it at higher precision set it aside
  // (held back to 0), it has none: 1 + sin(c_300) = 1 with c_t = c_{t−1}/10, its one point
  // undecided at every precision, was proved, red team rt113.)
  if (determined && held === 0) {
    // (Once more at the most digits: where a term sat too far below another for any level's
    // agreement, 1 + sin(c_300) against 1, disjoint enclosures there still differ.)
    if (!statement && firstHeld && now() <= opts.deadline) {
      firstHeld.touched.clear();
      const o = decideAt(firstHeld, p.left as Expr, p.rel as RelOp, p.right as Expr, [decimalField(MAX_DIGITS) as Field<unknown>], undefined, false, true);
      if (o.kind === 'fails' && genuine(firstHeld)) {
        const [l, r] = formatSides(o.F, o.left, o.right);
        return fail(counterexample(firstHeld, l, r));
      }
    }
    return {
      held, failure: null, notes, vacuous: false,
      unknown: undecidedWhy ? `its one point could not be decided (${undecidedWhy})` : `its one point could not be decided: the sides could not be told apart at any precision up to ${topDigits()} digits`,
    };
  }
  if (held < opts.samples && !determined) {
    // (Points that met the assumptions where one side had no value are not points that did not
    // meet them: under (x − 2)(x + 5) = 0, x > 0, 1/(x − 2) = 0 has a point, x = 2, where only
    // its right side has a value; red team rt99.)
    const why = held === 0 && rejected > 0 && undefinedBoth === 0 && undecided === 0 && oneSided === 0
      ? unmetAssumptions(p, opts, rejected)
      : held === 0 && undecided === 0 ? NO_VALUE
        : `only ${held} of ${opts.samples} points could be decided${undecided > 0 ? ` (${undecided} could not be told apart at any precision up to ${topDigits()} digits: ${undecidedWhy || 'the sides are too close, or their enclosures too wide, to compare'})` : ''}${rejected > 0 ? `; ${rejected} points did not satisfy the assumptions` : ''}`;
    if (held === 0 || held < Math.ceil(opts.samples / 2)) {
      // (Too few points for evidence, but a counterexample the search finds from those there
      // are still refutes: under x² + y² + z² ≤ 1 most drawn points miss the ball, and
      // x + 2y + 2z ≤ 2.99 was unknown where it fails at (1/3, 2/3, 2/3).)
      if (!statement && ['<', '≤', '>', '≥'].includes(p.rel) && probePoints.length > 0 && confirm && now() <= opts.deadline) {
        const { failure } = searchInequality(p, probePoints, new Rng(opts.seed, `${p.salt}^`), opts.deadline);
        if (failure) return fail(failure, failure.right === 'undefined');
      }
      return { held, failure: null, unknown: why, notes, vacuous: false, ...(unconfirmable ? { unconfirmable } : {}) };
    }
  }
  if (now() > opts.deadline) return timedOut('deciding the sampled points');
  // `lean`: the sampled points only, no search (an equality a certificate rests on, checked in exact values).
  if (lean) return { held, failure: null, unknown: null, notes, vacuous: false, ranges: describeRanges(seen), evidence };
  // Where the truth can change: the boundaries of each comparison, the solution sets of
  // equations (random points almost never land on them).
  let vacuous = false;
  let vacuousWhy = '';
  let searchText = '';
  // (A statement step a certificate proved for every value, `confirm` off, is only
  // cross-checked at the sampled points: its statements have values wherever the
  // assumptions hold, so there is no boundary or domain left to search.)
  if (statement && probePoints.length === 1 && (leftProbe ?? spareProbe)) probePoints.push((leftProbe ?? spareProbe)!);
  if (statement && probePoints.length > 0 && confirm) probePoints.push(...patternBases(p, probePoints, statementHeld, levels));
  if (statement && probePoints.length > 0 && confirm) {
    // The edges of the assumptions first, as for an inequality (a bounded function at its
    // bound: `|f(a)| < 1 ⇔ a = a` under |f(z)| ≤ 1 fails at f ≡ 1), each probe's statements
    // compared as the search below compares them.
    // (Only where the step reads a declared function: the matrix probes tripled the homework's
    // ⇔ steps, 2.3 → 6.9 ms median, and find nothing the statement search does not.)
    const bounded = firstHeld && [...firstHeld.touched].some((k) => k.startsWith('fn:'));
    const edge = bounded && firstHeld && edgeSearch(p, firstHeld, new Rng(opts.seed, `${p.salt}⊥`), opts.deadline, undefined, undefined, (q, where) => statementProbe(p, q, where));
    if (edge) return fail(edge, edge.right === 'undefined' || edge.left === 'undefined');
    const boundRng = new Rng(opts.seed, `${p.salt}‖`);
    const search = searchStatement(p, probePoints, new Rng(opts.seed, `${p.salt}^`), opts.deadline, (base, pairs) => comparisonBoundPoints(base, pairs, boundRng, opts.deadline));
    // (A statement with no value where the other holds is the domain's finding, a solution lost
    // or gained, as at a sampled point: not "the two statements disagree".)
    if (search.failure) return fail(search.failure, search.failure.right === 'undefined' || search.failure.left === 'undefined');
    if (search.summary.tight) {
      return {
        held, failure: null, notes, vacuous: false,
        unknown: `at ${describePoint(search.summary.tight)} (where a side of an equation turns) the equation's sides agree to every precision tried while the other statement is false, so the step may fail there`,
      };
    }
    if (search.poleDoubt) {
      return {
        held, failure: null, notes, vacuous: false,
        unknown: `at ${search.poleDoubt.where}, where ${search.poleDoubt.part} is 0, a side may have no value while the other statement has solutions there; that point cannot be put in place exactly, so whether a solution is lost is unknown`,
      };
    }
    if (search.unproved) {
      return {
        held, failure: null, notes, vacuous: false,
        unknown: `Newton's method found a solution of ${search.unproved.equation} near ${search.unproved.where} that it could not prove (the Jacobian is singular there: the solutions are not isolated), so the search cannot tell whether the statements agree on all of them`,
      };
    }
    searchText = describeSearch(search.summary, 'at the boundaries of its comparisons');
    const equations = hasEquation(p.left as Formula) || hasEquation(p.right as Formula);
    // Each direction needs its own evidence: ⇒ a point of the left statement's solutions
    // (found by solving its equation, or a probe) where the right holds, ⇐ the converse.
    // Solving only `A = I` (the right of `A³ = I ⇔ A = I`) says nothing about the left's other solutions.
    const from = search.bothFrom;
    const leftShort = hasEquation(p.left as Formula) && from.left + from.any === 0;
    const rightShort = p.rel === '⇔' && hasEquation(p.right as Formula) && from.right + from.any === 0;
    if (equations && (search.bothTrue === 0 || leftShort || rightShort)) {
      vacuous = true;
      const vectors = probePoints.some((pt) => [...pt.values.values()].some((v) => isMat(v.value)));
      const which = search.bothTrue === 0 ? 'the equations hold' : `the ${leftShort ? 'left' : 'right'} statement's equations hold (solving them), so nothing says ${leftShort ? '⇒' : '⇐'} holds on their solutions`;
      vacuousWhy = search.bothTrue === 0
        ? `the search found no point${vectors ? ' (with nonzero vectors)' : ''} where the equations hold, so nothing says the statements agree where they are true`
        : `the search found no point${vectors ? ' (with nonzero vectors or matrices)' : ''} where ${which}`;
    } else if (!equations && !(sawTrue && sawFalse) && search.searched === 0) {
      vacuous = true;
      vacuousWhy = `at all ${held} sampled points both statements were ${sawTrue ? 'true' : 'false'}, and there was no boundary to search`;
    } else if (p.rel === '⇒' && !sawTrue && search.bothTrue === 0) {
      // (Red team rt120: (x − 2y)² + (x + y − 3/7)² < 1/100 ⇒ x > 1 was checked, its left
      // statement false at every point tried: true only near (2/7, 1/7), where x > 1 fails.)
      vacuous = true;
      vacuousWhy = `the left statement held at none of them${search.probes > 0 ? ` nor at the ${search.probes} points searched` : ''}`;
    }
  } else if (!statement && ['<', '≤', '>', '≥', '≠'].includes(p.rel) && probePoints.length > 0 && confirm) {
    // The edges of the assumptions first (a few exact points, where the search below may run
    // out of time): a bounded vector or matrix on its bound (W = δ·I under ‖W‖ ≤ δ, W = 0 at
    // δ = 0), a function constant or a line on its derivative bound.
    let edgeTight: { point: Point; where: string } | null = null;
    const unreached: string[] = [];
    // (The probes there with bounded functions constant on their bounds are bases for the
    // search below, two at most, those with all of them on their bounds at once first: the
    // scalars are moved with the functions kept there.)
    const edgeBases: { point: Point; together: boolean }[] = [];
    const edge = firstHeld && edgeSearch(p, firstHeld, new Rng(opts.seed, `${p.salt}⊥`), opts.deadline, (point, where) => { edgeTight = { point, where }; }, (fn) => unreached.push(fn), undefined, (point, together) => edgeBases.push({ point, together }));
    if (edge) return fail(edge, edge.right === 'undefined');
    const bases = [...edgeBases.filter((b) => b.together), ...edgeBases.filter((b) => !b.together)].slice(0, 2).map((b) => b.point);
    // (Not for a step a rule or certificate proved for every value: the sampled points
    // cross-check it; the search is what makes a passing step slow — 150 ms for Q1.2's bounds.)
    // (Before the search, which may clear what the points read.)
    const far = pastDoublesAt(probePoints);
    const { failure, summary } = searchInequality(p, [...probePoints, ...bases], new Rng(opts.seed, `${p.salt}^`), opts.deadline);
    if (failure) return fail(failure, failure.right === 'undefined');
    // (Companion matrices of degree 3 or 4 need matrices that large: det(A⁴ + I) > 0 fails only
    // at 4 × 4 and larger, red team rt121. Once more at the held point of the largest ones.)
    const wide = widerHeld(heldPoints, probePoints[0]);
    const read = [keysRead(p, p.left as Expr), keysRead(p, p.right as Expr)] as const;
    if (wide && read[0] && read[1]) {
      const found = skewAndCompanion(p, wide, new Rng(opts.seed, `${p.salt}^wide`), opts.deadline, [read[0], read[1]], (q, why) => probeFailure(p, q, levels, why));
      if (found) return fail(found, found.right === 'undefined');
    }
    if (summary.unevaluated) {
      const where = describePoint(summary.unevaluated);
      return { held, failure: null, notes, vacuous: false, unknown: `${where ? `at ${where} ` : ''}the step fails, but an assumption there could not be evaluated (it may exclude that point)` };
    }
    // (Under a certificate the search only cross-checks: x + 1 > x under x > 10^400, proved as
    // left − right = 1, is confirmed at every precision for its large number, and stands.)
    if (far && proved !== 'certificate') return { held, failure: null, notes, vacuous: false, unknown: notSearched(far) };
    if (summary.tight) {
      return {
        held, failure: null, notes, vacuous: false,
        unknown: `at ${describePoint(summary.tight)} (where left − right is 0 or turns) the two sides could not be told apart on an interval that holds that place, at any precision tried, so '${p.rel}' may fail there`,
      };
    }
    // (An edge probe whose sides may be equal: no counterexample, and no evidence either.)
    const tight = edgeTight as { point: Point; where: string } | null;
    if (tight) {
      const at = describePoint(tight.point);
      return {
        held, failure: null, notes, vacuous: false,
        unknown: `${at ? `at ${at} ` : ''}(an edge of the assumptions: ${tight.where}) the two sides could not be told apart at any precision tried, so '${p.rel}' may fail there`,
      };
    }
    // (A bounded function the edge search could not put on its bounds: no evidence where the
    // step would fail. `f(a) + f(b) < 2` under |f(z)| ≤ 1 and f(0) = 0 was checked at a seed.)
    if (unreached.length > 0) {
      const others = p.prep.checks.filter((c) => c.forAll.length === 0 && unreached.some((f) => callsFunction(c.formula, f)));
      return {
        held, failure: null, notes, vacuous: false,
        unknown: `the edge search could not put ${unreached.join(' and ')} on ${unreached.length > 1 ? 'their' : 'its'} bounds without breaking ${others.length > 0 ? others.map((c) => `'${printFormula(c.formula)}'`).join(' and ') : 'another assumption'}, so '${p.rel}' was never tried where it may fail`,
      };
    }
    searchText = describeSearch(summary, 'beside the roots and extrema of left − right');
  }
  // Small values for each free scalar, where domains, poles and branches change.
  // (And an inequality or a statement under an assumption that ties two scalars: x y > 0 under
  // x² + y² ≤ 1, x + y ≥ 1 fails only at the region's corners (1, 0) and (0, 1), red team rt108;
  // x > 0 ⇒ x > 1 under x² − 2y² ≥ 1 only at (1, 0), rt109.)
  const coupled = !!firstHeld && p.rel !== '=' && p.rel !== '≠' && coupledByAssumption(firstHeld, firstHeld.touched);
  const cornered = statement ? formulaCorners(p.left as Formula) || formulaCorners(p.right as Formula) || coupled
    : hasCorners(p.left as Expr) || hasCorners(p.right as Expr) || state.exactFailures > 0 || coupled;
  // (For a step a certificate covers for every value, `confirm` off, a corner can only show
  // where a side has no value: only the names that decide that are moved, and none is
  // searched when there are none. It was a fifth of the homework's cold checking.)
  const domain = confirm || statement ? undefined : domainKeys(p, leftOnly) ?? undefined;
  if (firstHeld && cornered && (confirm || !statement) && (!domain || domain.size > 0)) {
    const failure = cornerSearch(p, firstHeld, new Rng(opts.seed, `${p.salt}+`), opts.deadline, extend, domain, notesTaken);
    if (failure) return fail(failure, failure.right === 'undefined');
  }
  // The poles of the sides (divisors' zeros), where the domain rule may refute.
  if (firstHeld && !statement) {
    let doubt: string | null = null;
    let failure = poleSearch(p, firstHeld, new Rng(opts.seed, `${p.salt}/`), opts.deadline, extend, (why) => { doubt ??= why; }, leftOnly, notesTaken);
    // A divisor's zero may need other integers (β^i is 0 at β = 0 only for i ≥ 1, and the
    // left side has a value there only for t ≥ i: β^{t−i} = β^t/β^i): from up to two more
    // held points whose integers are all at least 1 and differ from the first's.
    // (Integer scalars only: a letter declared an integer and a family of vectors, `integer h` and
    // `vector h_t`, has a vector under the same key; n.sign was not a function.)
    const integersOf = (q: Point): Rational[] => [...q.values.keys()]
      .filter((k) => q.touched.has(k) && q.isInteger(k) && !isMat(q.values.get(k)!.value)).map((k) => q.values.get(k)!.value as Rational);
    // And from up to two whose integers include a negative one (x^n has a pole at 0 only for
    // n < 0: x^(n+m) = x^n x^m fails at x = 0, n = −1, m = 1, where the left is 0⁰ = 1).
    const tried = new Set([integersOf(firstHeld).join(',')]);
    let negative = 0;
    for (const pass of ['positive', 'negative'] as const) {
      for (const q of heldPoints) {
        if (failure || (pass === 'positive' ? tried.size >= 3 : negative >= 2)) break;
        const ints = integersOf(q);
        const key = ints.join(',');
        if (ints.length === 0 || tried.has(key)) continue;
        if (pass === 'positive' ? ints.some((n) => n.sign() <= 0) : !ints.some((n) => n.sign() < 0)) continue;
        tried.add(key);
        if (pass === 'negative') negative++;
        failure = poleSearch(p, q, new Rng(opts.seed, `${p.salt}/${tried.size}`), opts.deadline, extend, (why) => { doubt ??= why; }, leftOnly, notesTaken);
      }
    }
    // (And the singular matrices of a point with larger ones: (A³ + A + I)⁻¹ is singular only
    // at 3 × 3 and larger, red team rt121.)
    const wide = failure ? null : widerHeld(heldPoints, firstHeld);
    if (wide) failure = singularMatrices(p, wide, new Rng(opts.seed, `${p.salt}/wide`), opts.deadline, extend, leftOnly, notesTaken);
    // (And of points whose dimensions compare otherwise: XXᵀ is singular for every X with more
    // rows than columns, and the ridge push-through under λ ≥ 0 fails at λ = 0 only there, red
    // team rt127.)
    const orders = new Set([firstHeld, wide].flatMap((q) => (q ? [dimensionOrder(q)] : [])));
    for (const q of heldPoints) {
      if (failure || now() > opts.deadline) break;
      const order = dimensionOrder(q);
      // (Not a point a search put a matrix at 0 in: every inverse of it is singular there. A
      // vector at 0 is no matter: `(XᵀX + λI)⁻¹Xᵀy` with y = 0 at the only point of its order.)
      if (orders.has(order) || [...q.values.values()].some(({ value }) => isMat(value) && value.rows > 1 && value.cols > 1 && value.data.every((x) => (x as Rational).isZero()))) continue;
      orders.add(order);
      failure = singularMatrices(p, q, new Rng(opts.seed, `${p.salt}/${order}`), opts.deadline, extend, leftOnly, notesTaken);
    }
    // (And a divisor of the right side alone that is a sum of squares, at the zero of all its bases.)
    if (!failure && !leftOnly) failure = squaresPoleSearch(p, heldPoints, new Rng(opts.seed, `${p.salt}/²`), opts.deadline);
    if (failure) return fail(failure, failure.right === 'undefined');
    if (doubt) return { held, failure: null, unknown: doubt, notes, vacuous: false };
  }
  // Integer indices far past where they are sampled, for an equation (inequalities have
  // their own ladder in the boundary search).
  // Not for a step a certificate already covers for every value (`confirm` is off there).
  if (firstHeld && !statement && p.rel === '=' && confirm) {
    const failure = integerLadder(p, firstHeld, new Rng(opts.seed, `${p.salt}#`), opts.deadline);
    if (failure) return fail(failure, failure.right === 'undefined');
  }
  // The kinks of |·|, max and min (an equality false only between two kinks, or at one).
  if (firstHeld && !statement && confirm) {
    const failure = kinkSearch(p, firstHeld, new Rng(opts.seed, `${p.salt}|`), opts.deadline);
    if (failure) return fail(failure, failure.right === 'undefined');
  }
  // The kinks of a step about vectors, where a vector is small, large or beside another.
  if (firstHeld && !statement && confirm) {
    const failure = vectorKinkSearch(p, firstHeld, new Rng(opts.seed, `${p.salt}‖`), opts.deadline);
    if (failure) return fail(failure, failure.right === 'undefined');
  }
  // Vectors and matrices far out and near 0, and with one large entry (drawn entries are
  // small: ‖A‖ ≤ 100 held at every drawn point), for inequalities and steps with kinks.
  if (firstHeld && !statement && confirm) {
    const failure = matrixScaleSearch(p, firstHeld, new Rng(opts.seed, `${p.salt}×`), opts.deadline);
    if (failure) return fail(failure, failure.right === 'undefined');
  }
  // The step's own far magnitudes (max(x, 10¹²) = 10¹² changes at x = 10¹², past every sampled value).
  if (firstHeld && !statement && confirm) {
    const failure = magnitudeSearch(p, firstHeld, new Rng(opts.seed, `${p.salt}*`), opts.deadline);
    if (failure) return fail(failure, failure.right === 'undefined');
  }
  // Vectors and matrices that coincide (y = x, y = −x, y = 0): where ‖x − y‖ > 0 fails.
  // Then the zero sets of its vector and matrix parts, solved exactly (‖x − 2y‖ ≠ 0 at x = 2y,
  // 1 + xᵀy ≠ 0 at x = −y), before a coincidence where the sides could not be told apart is reported.
  if (firstHeld && ((statement && confirm) || (!statement && p.rel !== '='))) {
    const found = coincidenceSearch(p, firstHeld, new Rng(opts.seed, `${p.salt}=`), opts.deadline);
    if (found && !('tight' in found)) return fail(found, found.right === 'undefined');
    const solved = !statement && confirm ? linearZeroSearch(p, heldPoints.slice(0, 3), new Rng(opts.seed, `${p.salt}0`), opts.deadline) : null;
    if (solved && !('tight' in solved)) return fail(solved, solved.right === 'undefined');
    // (And on the solutions of the assumptions' equations, where a `≠` fails on a curve no draw lands on.)
    const curve = !statement && confirm ? constrainedZeroSearch(p, heldPoints, new Rng(opts.seed, `${p.salt}≠`), opts.deadline) : null;
    if (curve) return fail(curve);
    // (And where a sum of squares compared with 0 is 0: each base 0 at once.)
    const squares = !statement && confirm ? squaresZeroSearch(p, heldPoints, new Rng(opts.seed, `${p.salt}²`), opts.deadline) : null;
    if (squares) return fail(squares);
    if (found || solved) {
      const tight = found && 'tight' in found ? found.tight : (solved as { tight: Point }).tight;
      return {
        held, failure: null, notes, vacuous: false,
        unknown: found
          // (Said as it is: where a side could not be evaluated there, ‖σ(x) − σ(y)‖ at y = x
          // with √ of an enclosure dipping below 0, the sides were never seen to agree.)
          ? `at ${describePoint(tight)} (where two of its vectors or matrices coincide) ${'why' in found && found.why !== NO_PRECISION ? `the step could not be decided (${found.why})` : 'the two sides agree to every precision tried'}, so '${p.rel}' may fail there`
          : `at ${describePoint(tight)} (where a vector or matrix part of the step is 0) the two sides agree to every precision tried, so '${p.rel}' may fail there`,
      };
    }
  }
  // Larger dimensions: 6, 7, 8 and 12 where the step could depend on its size (tr(I_n) ≤ 5,
  // det(Mᵀ M) = 0 for M in R^{n×6}), and the identity test's size where its sides differed.
  if (firstHeld && !statement) {
    for (const probe of dimensionProbes(p, firstHeld, sizes, confirm)) {
      if (now() > opts.deadline) break;
      const drng = new Rng(opts.seed, `${p.salt}#dim${probe.k}`);
      const overrides = probe.identity ? identityOverrides(firstHeld, probe.dims, probe.ones) : new Map<string, Val<Rational>>();
      let point = new Point(p.prep, drng, probe.k, overrides);
      for (const [d, n] of probe.dims) point.dims.set(d, n);
      point.deadline = opts.deadline;
      try {
        if (!point.satisfiesAssumptions(levels)) {
          const solved = meetAssumptions(p, point, drng, opts.deadline);
          if (!solved) continue;
          point = solved;
        }
        point.touched.clear();
        const o = decideAt(point, p.left as Expr, p.rel as RelOp, p.right as Expr, levels, state, confirm);
        if (o.kind === 'holds' || o.kind === 'provisional') noteIndices(point, seen);
        else if (o.kind === 'fails' && genuine(point)) {
          const small = shrink(p, point, new Rng(opts.seed, `${p.salt}~dim`), opts.deadline);
          const [l, r] = small ? formatSides(small.F, small.left, small.right) : formatSides(o.F, o.left, o.right);
          const where = [...probe.dims].map(([d, n]) => `${d} = ${n}`).join(', ');
          return fail(counterexample(small?.point ?? point, l, r, probe.forced
            ? `found with ${where}, where the identity test found the sides different`
            : `found at a larger dimension than the sampled points reach (${[where, ...structured(overrides)].join(', ')})`));
        } else if (o.kind === 'right-undefined' && p.rel === '=' && genuine(point)) {
          return fail(counterexample(point, formatValue(o.F, o.left), 'undefined',
            `the right side is undefined here (${o.reason}) but the left is ${formatValue(o.F, o.left)}`), true);
        }
      } catch (err) {
        if (err instanceof Unsupported || err instanceof Undefined || err instanceof Skip || err instanceof Undecided || err instanceof Inexact) continue;
        throw err;
      }
    }
  }
  // A search cut short by the time limit found nothing, which is not a pass.
  if (now() > opts.deadline) return timedOut('searching where the step could fail');
  // Points only at some solutions of an equation among the assumptions are no evidence for the others.
  if (unsampled) return { held, failure: null, unknown: unsampled, notes, vacuous: false };
  // An equation with kinks held where a scalar is past the doubles' range was not searched
  // either (its kinks are sought in doubles): max(log log x, 7) = 7 under x > 10^400 was
  // checked; it fails from x = e^(e^7) ≈ 1.8·10^476 (red team). Not under a certificate.
  const far = !statement && confirm && (hasKink(p.left as Expr) || hasKink(p.right as Expr)) ? pastDoublesAt(probePoints) : null;
  if (far) return { held, failure: null, notes, vacuous: false, unknown: notSearched(far) };
  // A statement of a ⇔ with no value at any point held there only because "no value" counts as
  // false where the other statement is false (statementAt): |x| < √(3 − π) has no value
  // anywhere, and x² < 3 − π ⇔ |x| < √(3 − π) and ⇔ |x| > √(3 − π) were both checked (red
  // team). No evidence, as for an equation with no point where both sides are defined.
  // (Only where the statement writes a constant that has no value, √(3 − π): a statement
  // defined only where few points land, √(x − 10²⁰) ≥ 0 or √(−(x − 5)²) = 0, still passes.)
  const nowhere = (defined: boolean, f: Formula): boolean => !defined && formulaExprs(f).some(undefinedConstant);
  const side = statement && p.rel === '⇔' && held > 0
    ? (nowhere(leftDefined, p.left as Formula) ? 'left' : nowhere(rightDefined, p.right as Formula) ? 'right' : null) : null;
  if (side) {
    return { held, failure: null, notes, vacuous: false, unknown: `the ${side} statement had no value at any of the ${held} sampled points (a side of a comparison in it is undefined there), so nothing says it has the same solutions as the ${side === 'left' ? 'right' : 'left'} one` };
  }
  return { held, failure: null, unknown: null, notes, vacuous, ...(vacuousWhy ? { vacuousWhy } : {}), ...(searchText ? { searchText } : {}), ranges: describeRanges(seen), evidence, ...(determined ? { determined } : {}) };
}

/** Whether e has a part without names that certainly has no value (√(3 − π), log(−1), 1/0). */
function undefinedConstant(e: Expr): boolean {
  let hit = false;
  visit(e, (x) => {
    if (hit || (x.kind !== 'Call' && x.kind !== 'Binary') || freeNames(x).length > 0 || x.shape?.kind === 'matrix') return;
    try {
      evaluate(x, { ...groundHost, deadline: now() + 50 });
    } catch (err) {
      if (err instanceof Undefined) hit = true;
    }
  });
  return hit;
}

/**
 * Why no point met the assumptions: NO_POINT, naming those false at each of 8 points drawn
 * for this (their own random stream, so the step's points are as before), of them those no
 * scaling of a vector or matrix could meet where there are any (red team: under
 * `‖w‖ > 100, x² + 1 < x` the first was named).
 */
function unmetAssumptions(p: StepProblem, opts: StepOptions, rejected: number): string {
  const levels = allLevels();
  const rng = new Rng(opts.seed, `${p.salt}?`);
  let always: Formula[] | null = null;
  for (let k = 0; k < UNMET_POINTS && now() <= opts.deadline; k++) {
    const point = new Point(p.prep, rng, k);
    point.deadline = opts.deadline;
    const failed = p.prep.checks.map((c) => c.formula).filter((f) => {
      try {
        return point.truth(f, levels, true) !== true;
      } catch {
        return true;
      }
    });
    always = always === null ? failed : always.filter((f) => failed.includes(f));
  }
  if (always === null || always.length === 0) return NO_POINT;
  const unscalable = always.filter((f) => !formulaExprs(f).some(hasMatrix));
  const named = (unscalable.length > 0 ? unscalable : always).map((f) => `'${printFormula(f)}'`);
  return named.length <= 3 ? `${NO_POINT}: ${named.join(' and ')} held at none of the ${rejected} points drawn` : NO_POINT;
}

/** How many points unmetAssumptions draws. */
const UNMET_POINTS = 8;

/** Why a step held where a scalar is past the doubles' range is unknown (`where`: `x ≈ 10^400`, pastDoublesAt). */
function notSearched(where: string): string {
  return `held at the sampled points, but ${where} there, past the range of the doubles in which the searches look, so the step was not searched where it may fail`;
}

/** What a dimension probe put in place, in words: `its square matrices I`, `its vectors all ones`. */
function structured(overrides: ReadonlyMap<string, Val<Rational>>): string[] {
  const values = [...overrides.values()].filter(isMat);
  return [
    ...(values.some((v) => v.cols > 1) ? ['its square matrices I'] : []),
    ...(values.some((v) => v.cols === 1) ? ['its vectors all ones'] : []),
  ];
}

const HUNDRED = Rational.of(100);

/** Whether every scalar value of a point is at most 100 in size (an ordinary place, not far out). */
function ordinary(point: Point): boolean {
  for (const { value } of point.values.values()) {
    if (isMat(value)) continue;
    const v = value as Rational;
    if ((v.sign() < 0 ? v.neg() : v).cmp(HUNDRED) > 0) return false;
  }
  return true;
}

/**
 * A deterministic measure of what a point costs to evaluate: its integer values (recurrence
 * depths, sum lengths) and dimensions. Used to pick the points confirmed at high precision.
 */
function workOf(point: Point): number {
  let w = 0;
  for (const [key, { value }] of point.values) {
    if (!point.touched.has(key) || !point.isInteger(key) || isMat(value)) continue;
    const n = Math.abs((value as Rational).toNumber());
    w += Number.isFinite(n) ? n : 1e9;
  }
  for (const [d, n] of point.dims) if (point.touched.has(`dim:${d}`)) w += n * n;
  return w;
}

function formulaCorners(f: Formula): boolean {
  if (f.kind === 'Compare') return f.operands.some(hasCorners);
  if (f.kind === 'Logic') return formulaCorners(f.left) || formulaCorners(f.right);
  return false;
}

export { assignments };

/** At most this many provisional points are confirmed at 50+ digits in all. */
const MAX_CONFIRM = 8;
/** Beyond CONFIRM, at most this many more at values of the integers not yet confirmed (confirmationPoints). */
const INTEGER_CONFIRM = 4;

/**
 * The provisional points to confirm: the cheapest with the most scalars off the whole numbers,
 * the cheapest of each set of dimensions (a difference of 10⁻²⁰ that vanishes only for n = 2
 * — Cayley–Hamilton — is not confirmed away on the cheap n = 2 points alone), then the
 * cheapest others, CONFIRM at least, MAX_CONFIRM at most.
 */
function confirmationPoints(provisional: readonly { point: Point; cost: number }[]): { point: Point; cost: number }[] {
  const sorted = [...provisional].sort((a, b) => a.cost - b.cost);
  const chosen: { point: Point; cost: number }[] = [];
  const seen = new Set<string>();
  for (const p of sorted) {
    const shape = [...p.point.dims].sort(([a], [b]) => (a < b ? -1 : 1)).map(([d, n]) => `${d}=${n}`).join(',');
    if (seen.has(shape)) continue;
    seen.add(shape);
    chosen.push(p);
  }
  // And the cheapest with the most scalars off the whole numbers: the cheapest points are
  // often at integers, where sin(πx) is 0 (1 + 10⁻²⁰ sin(πx)² sin(πy)² = 1 was confirmed at
  // three such points and taken on doubles at the rest).
  const fractional = (q: Point): number => [...q.values].filter(([k, { value }]) => q.touched.has(k) && !isMat(value) && !q.isInteger(k) && (value as Rational).d !== 1n).length;
  const most = Math.max(0, ...sorted.map((p) => fractional(p.point)));
  const off = most > 0 ? sorted.find((p) => fractional(p.point) === most) : undefined;
  if (off && !chosen.includes(off)) chosen.unshift(off);
  // And points with other values of the integers, cheapest first: where the integers are all
  // the step reads, the cheapest are t = 0, 1, 2, where t(t − 1)(t − 2) 10^(−t−20) is 0, and
  // √2 + that = √2 was confirmed there and taken on doubles at t = 3 … 12 (red team rt114).
  const integers = (q: Point): string => [...q.values].filter(([k, { value }]) => q.touched.has(k) && q.isInteger(k) && !isMat(value)).map(([k, { value }]) => `${k}=${(value as Rational).toString()}`).join(',');
  const tuples = new Set(chosen.map((c) => integers(c.point)));
  for (const p of sorted) {
    if (chosen.length >= CONFIRM + INTEGER_CONFIRM) break;
    const t = integers(p.point);
    if (t !== '' && !tuples.has(t)) {
      tuples.add(t);
      chosen.push(p);
    }
  }
  for (const p of sorted) {
    if (chosen.length >= CONFIRM) break;
    if (!chosen.includes(p)) chosen.push(p);
  }
  return chosen.slice(0, MAX_CONFIRM);
}


/**
 * A statement step (`⇔`, `⇒`) at one probe: a counterexample where the statements' truths
 * differ (⇒: the left holds and the right does not) and the difference stands at the top
 * precision (`failureStands`), or where a solution is lost or gained; null otherwise.
 */
function statementProbe(p: StepProblem, q: Point, where: string): Counterexample | null {
  const [left, right] = [p.left as Formula, p.right as Formula];
  q.touched.clear();
  const levels = allLevels();
  const a = q.truth(left, levels, false, 'reject');
  const b = q.truth(right, levels, false, 'reject');
  if (p.rel === '⇒' && a === false) return null;
  const s = statementAt(p.rel as '⇔' | '⇒', a, b);
  if (s.kind === 'lost') return counterexample(q, 'true', 'undefined', `${SOLUTION_LOST}; ${where}`);
  if (s.kind === 'gained') return counterexample(q, 'undefined', 'true', `${SOLUTION_GAINED}; ${where}`);
  if (s.kind !== 'decided' || s.a === s.b || (p.rel === '⇒' && !s.a)) return null;
  if (!failureStands(q, p.rel, left, right)) return null;
  return s.a
    ? counterexample(q, 'true', 'false', `⇒ fails here: the left statement holds and the right one does not; ${where}`)
    : counterexample(q, 'false', 'true', `⇐ fails here: the right statement holds and the left one does not; ${where}`);
}

/**
 * More bases for a ⇔/⇒ step's search: held points nearest a failure. Under A ⇒ B, among the
 * points where B is false, those where fewest of A's comparisons are not true (up to two, each
 * with a pattern of comparisons' truths no base has); under ⇔ the same the other way round
 * too. The search moves one scalar at a time from a base, so a failure where one comparison
 * sits on its boundary while another is false is found only from a base where that other
 * one is false already: `a x ≤ b x and x ≥ 0 ⇔ a ≤ b and x ≥ 0` fails only at x = 0 with
 * a > b, and its two bases had a ≤ b (red teams rt58, rt59).
 */
function patternBases(p: StepProblem, bases: readonly Point[], held: readonly Point[], levels: ReturnType<typeof allLevels>): Point[] {
  const truths = new Map<Point, Map<Formula, boolean | null>>();
  const truthOf = (pt: Point, f: Formula): boolean | null => {
    let known = truths.get(pt);
    if (!known) truths.set(pt, (known = new Map()));
    if (!known.has(f)) {
      let t: boolean | null = null;
      try {
        const v = pt.truth(f, levels, false, true);
        t = typeof v === 'boolean' ? v : null;
      } catch {
        t = null;
      }
      known.set(f, t);
    }
    return known.get(f)!;
  };
  // (One formula per comparison's text, shared by both statements: each direction counts its
  // own statement's comparisons, the pattern all of them once.)
  const byText = new Map<string, Formula>();
  const atomsOf = (f: Formula): Formula[] => [...new Set(statementComparisons(f).map((c) => {
    const atom: Formula = { kind: 'Compare', operands: [c.a, c.b], ops: [c.op], range: c.a.range };
    const text = printFormula(atom);
    if (!byText.has(text)) byText.set(text, atom);
    return byText.get(text)!;
  }))];
  const leftAtoms = atomsOf(p.left as Formula);
  const rightAtoms = atomsOf(p.right as Formula);
  const all = [...byText.values()];
  const pattern = (pt: Point): string => all.map((f) => String(truthOf(pt, f))).join(',');
  const patterns = new Set(bases.map(pattern));
  const extra: Point[] = [];
  const directions: [Formula, Formula[]][] = [[p.right as Formula, leftAtoms]];
  if (p.rel === '⇔') directions.push([p.left as Formula, rightAtoms]);
  for (const [other, atoms] of directions) {
    const ranked = held
      .filter((pt) => !bases.includes(pt) && !extra.includes(pt) && truthOf(pt, other) === false)
      .map((pt) => ({ pt, misses: atoms.filter((f) => truthOf(pt, f) !== true).length }))
      .filter((r) => r.misses > 0)
      .sort((u, v) => u.misses - v.misses);
    let taken = 0;
    for (const { pt } of ranked) {
      if (taken >= 2) break;
      const k = pattern(pt);
      if (patterns.has(k)) continue;
      patterns.add(k);
      extra.push(pt);
      taken++;
    }
  }
  return extra;
}

/** How the rows of each matrix a point has drawn compare with its columns, in the order of their keys (`<>` for a wide X and a tall Y). */
function dimensionOrder(q: Point): string {
  let out = '';
  for (const key of [...q.values.keys()].sort()) {
    const v = q.values.get(key)!.value;
    if (isMat(v) && v.rows > 1 && v.cols > 1) out += '<=>'[Math.sign(v.rows - v.cols) + 1];
  }
  return out;
}

/** The held point whose square matrices are largest, where they are larger than `than`'s (null otherwise). */
function widerHeld(held: readonly Point[], than: Point | null | undefined): Point | null {
  const size = (q: Point): number => Math.max(0, ...[...q.values.entries()].filter(([, v]) => isMat(v.value) && v.value.rows === v.value.cols).map(([, v]) => (v.value as Mat<Rational>).rows));
  if (!than) return null;
  let best: Point | null = null;
  for (const q of held) if (size(q) > size(best ?? than)) best = q;
  return best;
}
