import type { MatrixTag, RelOp } from '../../ast.js';
import { Unsupported, isMat, type Field, type Val } from '../evaluator/field.js';
import { det, entries, identity, lambdaMax, mul, neg, scalarOf, transpose } from '../evaluator/linalg.js';

/**
 * The one comparison policy (LANGUAGE.md §3; DESIGN.md item 4). At a point, `a rel b`:
 * - `holds` when exact values, or enclosures, prove it; for `=` (and the equal part of
 *   `≤`, `≥`) also when the enclosures agree within 10⁻³⁰ of the computation's scale;
 * - `fails` only when exact values or disjoint enclosures prove it false;
 * - `provisional` when it holds to double precision only (confirmed at higher precision
 *   before a verdict rests on it);
 * - `undecided` otherwise: more digits may tell, or the point is skipped and counted.
 * No other file compares numbers.
 */
export type PointResult = 'holds' | 'fails' | 'provisional' | 'undecided';

type Pair = { readonly c: -1 | 0 | 1 | null; readonly close: 'agree' | 'double' | null };

function pairs<S>(F: Field<S>, a: Val<S>, b: Val<S>): Pair[] {
  const order = F.order;
  if (!order) throw new Unsupported(`values in ${F.name} arithmetic cannot be compared`);
  let xs = entries(a);
  let ys = entries(b);
  if (xs.length !== ys.length || (isMat(a) && isMat(b) && (a.rows !== b.rows || a.cols !== b.cols))) {
    // A scalar 0 stands for the zero of any shape.
    if (!isMat(b) && F.sign(b) === 0) ys = xs.map(() => F.zero);
    else if (!isMat(a) && F.sign(a) === 0) xs = ys.map(() => F.zero);
    else throw new Unsupported('comparing values of different shapes');
  }
  return xs.map((x, i) => {
    const c = order.cmp(x, ys[i]!);
    return { c, close: c === null ? order.closeness(x, ys[i]!) : null };
  });
}

/** Whether every entry of a and b agrees (exactly or within 10⁻³⁰ of the scale); null if undecided. */
export function agree<S>(F: Field<S>, a: Val<S>, b: Val<S>): boolean | null {
  const ps = pairs(F, a, b);
  if (ps.some((p) => p.c === 1 || p.c === -1)) return false;
  return ps.every((p) => p.c === 0 || p.close === 'agree') ? true : null;
}

/** Decides `a rel b` at one point from two values of one backend. */
export function decideRelation<S>(F: Field<S>, rel: RelOp, a0: Val<S>, b0: Val<S>): PointResult {
  if (rel === '→') throw new Unsupported('limits are not evaluated yet');
  // (A 1×1 value is its scalar: xᵀ A x at size 1 is one, whichever order the products took.)
  const a = scalarOf(a0);
  const b = scalarOf(b0);
  if (rel === '=' || rel === '≠') {
    const ps = pairs(F, a, b);
    const differ = ps.some((p) => p.c === 1 || p.c === -1);
    const same = ps.every((p) => p.c === 0 || p.close === 'agree');
    if (rel === '=') {
      if (differ) return 'fails';
      if (same) return 'holds';
      return ps.every((p) => p.c === 0 || p.close !== null) ? 'provisional' : 'undecided';
    }
    // `≠` fails only where the sides are exactly equal: agreement within 10⁻³⁰ is no proof of
    // equality (x + e^(−100) ≠ x was refuted). At an irrational root it fails by the
    // intermediate value theorem instead (explore.ts).
    if (differ) return 'holds';
    return ps.every((p) => p.c === 0) ? 'fails' : 'undecided';
  }
  if (isMat(a) || isMat(b)) throw new Unsupported(`'${rel}' between vectors or matrices`);
  const [p] = pairs(F, a, b);
  const { c, close } = p!;
  // a < b  ⇔  cmp = −1, seen from the side the relation points to.
  const flip = rel === '>' || rel === '≥';
  const dir = c === null ? null : flip ? -c : c;
  const strict = rel === '<' || rel === '>';
  if (dir === -1) return 'holds';
  if (dir === 1) return 'fails';
  if (dir === 0) return strict ? 'fails' : 'holds';
  if (strict) return 'undecided';
  // (Overlapping only at a shared end: tanh(x² + 10^400) ≤ 1 is [1 − 10⁻⁵⁵, 1] against 1, whose
  // agreement no precision confirms, but every value it may be is ≤ 1.)
  const below = F.order?.below;
  if (below && !isMat(a) && !isMat(b) && (flip ? below(b as S, a as S) : below(a as S, b as S))) return 'holds';
  return close === 'agree' ? 'holds' : close === 'double' ? 'provisional' : 'undecided';
}

/**
 * Whether `a rel b` holds at this precision only because the enclosures agree within 10⁻³⁰
 * of the scale (not by exact equality or disjoint enclosures): more digits may still
 * separate them (π + 10⁻¹⁰⁰ against π), so a verdict waits for the highest precision.
 */
export function holdsByAgreement<S>(F: Field<S>, rel: RelOp, a: Val<S>, b: Val<S>): boolean {
  if (rel !== '=' && rel !== '≤' && rel !== '≥') return false;
  const ps = pairs(F, a, b);
  if (rel === '=') return ps.some((p) => p.c !== 0 && p.close === 'agree');
  return ps[0]!.c === null && ps[0]!.close === 'agree';
}

/** The truth of a chain `a₀ op₁ a₁ op₂ a₂ …` from its pairwise results. */
export function combine(results: readonly PointResult[]): PointResult {
  if (results.includes('fails')) return 'fails';
  if (results.includes('undecided')) return 'undecided';
  if (results.includes('provisional')) return 'provisional';
  return 'holds';
}

/**
 * Whether a value has a tag (`H symmetric`, `I + A B invertible`), under the same policy:
 * symmetric and orthogonal by agreement (QᵀQ against I), diagonal by certain zeros off the
 * diagonal, invertible by a determinant certainly not 0, positive definite by symmetry and
 * λ_min certainly above 0. A scalar is a 1×1 matrix.
 */
export function hasTag<S>(F: Field<S>, v: Val<S>, tag: MatrixTag): PointResult {
  const verdict = (b: boolean | null): PointResult => (b === null ? 'undecided' : b ? 'holds' : 'fails');
  if (!isMat(v)) {
    const s = F.sign(v);
    if (tag === 'invertible') return verdict(s === null ? null : s !== 0);
    if (tag === 'positive definite') return verdict(s === null ? null : s > 0);
    return 'holds';
  }
  if (v.rows !== v.cols) return 'fails';
  const n = v.rows;
  switch (tag) {
    case 'symmetric': return verdict(agree(F, v, transpose(v)));
    case 'orthogonal': return verdict(agree(F, mul(F, transpose(v), v), identity(F, n)));
    case 'diagonal': {
      let undecided = false;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          if (i === j) continue;
          const s = F.sign(v.at(i, j));
          if (s === null) undecided = true;
          else if (s !== 0) return 'fails';
        }
      }
      return undecided ? 'undecided' : 'holds';
    }
    case 'invertible': {
      const s = F.sign(det(F, v));
      return verdict(s === null ? null : s !== 0);
    }
    case 'positive definite': {
      const sym = agree(F, v, transpose(v));
      if (sym !== true) return verdict(sym);
      const s = F.sign(F.neg(lambdaMax(F, neg(F, v))));
      return verdict(s === null ? null : s > 0);
    }
  }
}

/** A statement's truth at a point: a truth value, no value (a side is undefined), or not told. */
export type Truth = boolean | 'undefined' | 'undecided' | 'unsupported';

/**
 * A statement step `A ⇔ B` or `A ⇒ B` at one point, from its statements' truths. A statement
 * with no value is no solution, on either side (the solution set of log x ≥ 0 is x ≥ 1): where
 * the other is false too they agree; where it is true a solution is `lost` (the right has no
 * value) or `gained` (the left has none: `log x ≤ 0 ⇔ x ≤ 1` at x = −1, the forgotten domain).
 * `A ⇒ B` holds wherever A is false or has no value. (LANGUAGE.md §3 lets an equation extend
 * its left side's domain; for statements that would pass exactly these steps.)
 */
export function statementAt(rel: '⇔' | '⇒', a: Truth, b: Truth):
  | { kind: 'unsupported' } | { kind: 'undecided' } | { kind: 'both-undefined' } | { kind: 'lost' } | { kind: 'gained' }
  | { kind: 'decided'; a: boolean; b: boolean; ok: boolean } {
  if (a === 'unsupported' || b === 'unsupported') return { kind: 'unsupported' };
  const aa = a === 'undefined' && (rel === '⇒' || b === false) ? false : a;
  if (rel === '⇒' && aa === false) return { kind: 'decided', a: false, b: b === true, ok: true };
  if (aa === 'undecided' || b === 'undecided') return { kind: 'undecided' };
  if (aa === 'undefined' && b === 'undefined') return { kind: 'both-undefined' };
  if (aa === 'undefined') return { kind: 'gained' };
  const bb = b === 'undefined' && aa === false ? false : b;
  if (bb === 'undefined') return { kind: 'lost' };
  return { kind: 'decided', a: aa, b: bb, ok: rel === '⇔' ? aa === bb : !aa || bb };
}

/** The counterexample's words for a solution a statement step loses or gains at a point. */
export const SOLUTION_LOST = 'the right statement is undefined here (a side has no value) but the left one is true: a solution is lost';
export const SOLUTION_GAINED = 'the left statement is undefined here (a side has no value), so this point is no solution of it, but the right one is true: a solution is gained';
