import type { Expr, RelOp } from '../../ast.js';
import { builtinFunction } from '../../builtins.js';
import { Inexact, Signal, Skip, Undecided, Undefined, isMat, type Field, type Val } from '../evaluator/field.js';
import { radicalFieldWithin } from '../evaluator/radical.js';
import { exactField } from '../evaluator/rational.js';
import { withoutCommonTerms } from './cancel.js';
import { DecInterval, decimalField } from '../evaluator/decimal.js';
import { MAX_DIGITS, topDigits } from './levels.js';
import { decideRelation, holdsByAgreement } from './compare.js';
import type { Point } from './point.js';

/** The most places a certainly nonzero term sat below another in a decimal value (its entries'); 0 for other values. */
function absorbedIn(v: Val<unknown>): number {
  if (isMat(v)) return Math.max(0, ...v.data.map(absorbedIn));
  return v instanceof DecInterval ? v.absorbed : 0;
}

/** What one point says about a step `left rel right`. */
export type Outcome<S> =
  /** `agreed`: the sides' enclosures agree (within 10⁻³⁰ of the scale) but equality is not proved. */
  | { kind: 'holds'; exact: boolean; agreed?: boolean }
  | { kind: 'provisional' }
  | { kind: 'fails'; F: Field<S>; left: Val<S>; right: Val<S> }
  | { kind: 'left-undefined'; reason: string }
  | { kind: 'right-undefined'; reason: string; F: Field<S>; left: Val<S> }
  | { kind: 'both-undefined' }
  | { kind: 'undecided'; reason: string };

type Side<S> = { ok: true; value: Val<S> } | { ok: false; reason: string };

function side<S>(point: Point, F: Field<S>, e: Expr): Side<S> {
  try {
    return { ok: true, value: point.evaluate(F, e) };
  } catch (err) {
    if (err instanceof Undefined) return { ok: false, reason: err.message };
    throw err;
  }
}

/** Whether a value prints as a number in this backend, not as a bound past its range (`> 1.79e308`). */
function inRange<S>(F: Field<S>, v: Val<S>): boolean {
  return isMat(v) || !/^[<>]/.test(F.format(v, 6));
}

/**
 * `left rel right` decided without the terms both sides share (cancel.ts), where the whole
 * sides could not be decided: f(x₀) − ε gᵀg < f(x₀) at g = 0, whose f(x₀) has two
 * enclosures that only overlap. Both whole sides have values (so every shared term has one).
 * It holds where the rest certainly holds (exactly or by disjoint enclosures, not by
 * agreement), and fails only where the rest is certainly equal and the relation is strict or
 * `≠`: the whole sides are then equal too, and print alike, as they are. A rest that differs
 * by a hair (π + 10⁻¹⁰⁰ against π) is left to the precision the whole sides need, so that
 * its counterexample prints them apart. Null where it decides nothing.
 */
export function withoutShared<S>(point: Point, F: Field<S>, rel: RelOp, left: Expr, right: Expr): 'holds' | 'fails' | null {
  const reduced = withoutCommonTerms(left, right);
  if (!reduced) return null;
  const a = point.evaluate(F, reduced[0]);
  const b = point.evaluate(F, reduced[1]);
  const again = decideRelation(F, rel, a, b);
  if (again === 'holds' && !holdsByAgreement(F, rel, a, b)) return 'holds';
  const equal = decideRelation(F, '=', a, b) === 'holds' && !holdsByAgreement(F, '=', a, b);
  return again === 'fails' && equal && (rel === '<' || rel === '>' || rel === '≠') ? 'fails' : null;
}

/**
 * Per-step memory: exact evaluation is skipped once it failed at three points and never
 * succeeded (a step through exp or σ is never rational; `x^(ab)` is at some points).
 */
export interface StepState { exactFailures: number; exactSuccesses: number }

/** The reason of an undecided point whose values were all computed, but too close to tell at every precision. */
export const NO_PRECISION = 'no precision could decide it';

/** `left rel right` at one point, trying each precision until one decides (see `confirmAgreement` below). */
export function decideAt(point: Point, left: Expr, rel: RelOp, right: Expr, levels: readonly Field<unknown>[], state?: StepState, confirmAgreement = false,
  /** The one more level for an absorbed term is in `levels` already (no other is added). */
  deeper = false): Outcome<unknown> {
  let reason = NO_PRECISION;
  // With `confirmAgreement` (a verdict rests on this point), agreement within 10⁻³⁰ of the
  // scale is confirmed at every higher precision given: a difference of 10⁻¹⁰⁰ is a
  // difference (LANGUAGE.md §3: disjoint enclosures differ).
  let agreed = false;
  /** The most places a term sat below another in any value computed (DecInterval.absorbed). */
  let absorbedPlaces = 0;
  for (const F of levels) {
    if (F === exactField && state && state.exactFailures >= 3 && state.exactSuccesses === 0) continue;
    try {
      const l = side(point, F, left);
      const r = side(point, F, right);
      if (!l.ok && !r.ok) return { kind: 'both-undefined' };
      if (!l.ok) return { kind: 'left-undefined', reason: l.reason };
      if (!r.ok) return { kind: 'right-undefined', reason: r.reason, F, left: l.value };
      if (F === exactField && state) state.exactSuccesses++;
      absorbedPlaces = Math.max(absorbedPlaces, absorbedIn(l.value), absorbedIn(r.value));
      const res = decideRelation(F, rel, l.value, r.value);
      if (res === 'holds' && confirmAgreement && F !== levels[levels.length - 1] && holdsByAgreement(F, rel, l.value, r.value)) {
        // (Sides of numbers alone proved equal in sums of square roots need no higher
        // precision: no enclosure of equal values can tell them apart. The climb to 250 digits
        // was most of such a step's time.)
        if (!agreed) {
          const exact = exactNumbers(point, left, rel, right);
          if (exact) return exact;
        }
        agreed = true;
        continue;
      }
      if (res === 'holds') {
        if (!holdsByAgreement(F, rel, l.value, r.value)) return { kind: 'holds', exact: F === exactField };
        return (agreed ? null : exactNumbers(point, left, rel, right)) ?? { kind: 'holds', exact: false, agreed: true };
      }
      if (res === 'fails') return { kind: 'fails', F, left: l.value, right: r.value };
      if (res === 'provisional') return { kind: 'provisional' };
      const reduced = withoutShared(point, F, rel, left, right);
      if (reduced === 'holds') return { kind: 'holds', exact: F === exactField };
      // (Where the whole sides are past this backend's range, exp(x² + 10⁴) in doubles, they
      // print as "> 1.79e308": a higher precision shows them.)
      if (reduced === 'fails' && inRange(F, l.value) && inRange(F, r.value)) return { kind: 'fails', F, left: l.value, right: r.value };
    } catch (err) {
      if (err instanceof Inexact) {
        if (F === exactField && state) state.exactFailures++;
        continue;
      }
      if (err instanceof Undecided || err instanceof Skip) {
        reason = err.message;
        continue;
      }
      throw err;
    }
  }
  // Where a term sat so far below another that no level's agreement counts (decimal.ts
  // `closeness`: twice its places), one more level with that many digits, within MAX_DIGITS.
  if (!deeper && !agreed && reason === NO_PRECISION && absorbedPlaces > 0) {
    const digits = 2 * absorbedPlaces + 60;
    if (digits > topDigits() && digits <= MAX_DIGITS) return decideAt(point, left, rel, right, [decimalField(digits) as Field<unknown>], state, false, true);
  }
  // Agreed at a lower precision and no higher one could tell more (out of reach there); for
  // sides of numbers alone, equal exactly if sums of roots say so (√(3 + 2√2) = 1 + √2).
  // (Agreed: exactNumbers was asked at the first agreement, and its answer is the same at every level.)
  if (agreed) return { kind: 'holds', exact: false, agreed: true };
  // (Sides no precision tells apart may be equal exactly: ‖x‖‖y‖ and xᵀy at x = y.)
  if (reason === NO_PRECISION) return inRadicals(point, left, rel, right) ?? { kind: 'undecided', reason };
  return { kind: 'undecided', reason };
}

/**
 * Sides of numbers alone (the point read no drawn value) that agree to every precision,
 * proved equal where they are sums of square roots: √(3 + 2√2) = 1 + √2. Null otherwise.
 */
function exactNumbers(point: Point, left: Expr, rel: RelOp, right: Expr): Outcome<unknown> | null {
  if (point.touched.size > 0) return null;
  return inRadicals(point, left, rel, right)?.kind === 'holds' ? { kind: 'holds', exact: true } : null;
}

/** The exact work one tie may take in sums of square roots (norms of vectors of 12 take ~30 operations). */
const RADICAL_OPERATIONS = 20_000;

/**
 * `left rel right` decided in exact sums of square roots (radical.ts), where every precision
 * left the sides overlapping: at a rational point, norms and √ of rationals have exact values,
 * so a tie is proved (`|xᵀy| < ‖x‖‖y‖` fails at x = y: both sides are √10·√10 = 10 there).
 * Null where the sides leave that field (π, exp, a spectral norm) or it decides nothing.
 */
function inRadicals(point: Point, left: Expr, rel: RelOp, right: Expr): Outcome<unknown> | null {
  const radicalField = radicalFieldWithin(RADICAL_OPERATIONS);
  try {
    const l = point.evaluate(radicalField, left);
    const r = point.evaluate(radicalField, right);
    const res = decideRelation(radicalField, rel, l, r);
    if (res === 'holds') return { kind: 'holds', exact: true };
    // (Only a tie fails here: sides apart by less than every precision could show would
    // print alike in a counterexample, so that rare point stays undecided.)
    if (res === 'fails' && decideRelation(radicalField, '=', l, r) === 'holds') return { kind: 'fails', F: radicalField, left: l, right: r };
    return null;
  } catch (err) {
    if (!(err instanceof Signal)) throw err;
  }
  return rootInRadicals(point, left, rel, right);
}

/**
 * The root a side is, `u^(p/q)` with an exact exponent whose denominator q ≥ 2, or `√u`
 * (p/q = 1/2); null for any other side.
 */
function rootOf(point: Point, e: Expr): { base: Expr; p: bigint; q: bigint } | null {
  if (e.kind === 'Call' && e.fn.primes === 0 && !e.fn.hat && e.fn.index === null && e.args.length === 1 && builtinFunction(e.fn.base)?.evaluate === 'sqrt') return { base: e.args[0]!, p: 1n, q: 2n };
  if (e.kind !== 'Binary' || e.op !== '^') return null;
  try {
    const k = point.evaluate(exactField, e.right);
    return isMat(k) || k.d < 2n ? null : { base: e.left, p: k.n, q: k.d };
  } catch (err) {
    if (err instanceof Signal) return null;
    throw err;
  }
}

/**
 * `left rel right` where one side is a root u^(p/q) of a positive sum of square roots u and the
 * other a positive sum of square roots v, decided as u^p rel v^q: t ↦ t^q is increasing on the
 * positive numbers, and (u^(p/q))^q = u^p there. So (90 + 34√7)^(1/3) = 3 + √7 is proved as
 * 90 + 34√7 = (3 + √7)³, which no enclosure could do. Only 'holds', and 'fails' for a tie under
 * a strict relation (both sides are v then), are answered: a difference is for the enclosures
 * to show, with the sides' own values; null otherwise.
 */
function rootInRadicals(point: Point, left: Expr, rel: RelOp, right: Expr): Outcome<unknown> | null {
  const lr = rootOf(point, left);
  const rr = lr ? null : rootOf(point, right);
  const root = lr ?? rr;
  if (!root) return null;
  const F = radicalFieldWithin(RADICAL_OPERATIONS);
  try {
    const u = point.evaluate(F, root.base);
    const v = point.evaluate(F, lr ? right : left);
    if (isMat(u) || isMat(v) || F.sign(u) !== 1 || F.sign(v) !== 1) return null;
    const [a, b] = lr ? [F.powInt(u, root.p), F.powInt(v, root.q)] : [F.powInt(v, root.q), F.powInt(u, root.p)];
    const res = decideRelation(F, rel, a, b);
    if (res === 'holds') return { kind: 'holds', exact: true };
    // (A tie fails a strict relation, as in inRadicals: the root is v there, both sides v.)
    if (res === 'fails' && decideRelation(F, '=', a, b) === 'holds') return { kind: 'fails', F, left: v, right: v };
    return null;
  } catch (err) {
    if (!(err instanceof Signal)) throw err;
  }
  return null;
}

