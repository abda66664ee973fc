import type { Compare, Expr, Formula, MatrixTag, RelOp } from '../../ast.js';
import type { Counterexample } from '../../result.js';
import { isMat, type Mat, type Val } from '../evaluator/field.js';
import { Rational } from '../evaluator/rational.js';
import type { StepProblem } from '../problem.js';
import type { Rng } from '../rng.js';
import { impliedTags } from '../tags.js';
import { decideAt } from './at-point.js';
import { hasTag, type PointResult } from './compare.js';
import { boundariesAlong, probesFrom, type Bracket } from './boundaries.js';
import { allLevels } from './levels.js';
import type { Point } from './point.js';
import { counterexample, formatSides, formatValue } from './report.js';
import { solveLinear } from './solve.js';

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
  return [...point.values.keys()].filter((k) => point.touched.has(k) && !isMat(point.values.get(k)!.value)).slice(0, 6);
}

/** Keys of drawn vectors and matrices used at this point. */
function matrixKeys(point: Point): string[] {
  return [...point.values.keys()].filter((k) => point.touched.has(k) && isMat(point.values.get(k)!.value));
}

/** Whether an expression is scalar (a comparison's side). */
function scalar(e: Expr): boolean {
  return e.shape?.kind !== 'matrix';
}

/** A probe point, if it satisfies the assumptions exactly. */
function at(point: Point, key: string, x: Rational, rng: Rng, deadline: number): Point | null {
  const q = point.replacing(key, x, rng);
  q.deadline = deadline;
  try {
    return q.satisfiesAssumptions(allLevels(), true) ? q : null;
  } catch {
    return null;
  }
}

/** What a search did, for the verdict's message: points tried, and the scalars searched along. */
export interface SearchSummary { readonly probes: number; readonly along: readonly string[] }

/** `and at 14 points beside the roots and extrema of left − right along ε`. */
export function describeSearch(s: SearchSummary, what: string): string {
  const solved = s.along.filter((a) => a.endsWith(SOLVED)).map((a) => a.slice(0, -SOLVED.length));
  const along = s.along.filter((a) => !a.endsWith(SOLVED));
  if (along.length + solved.length === 0) return '';
  const where = [along.length > 0 ? `${what} along ${along.join(', ')}` : '', solved.length > 0 ? `on the solutions of its equations for ${solved.join(', ')}` : '']
    .filter(Boolean).join(', and ');
  return ` and at ${s.probes} point${s.probes === 1 ? '' : 's'} ${where}`;
}

const SOLVED = ' (solved for)';

/** Searches an inequality step's boundaries for a point where it certainly fails. */
export function searchInequality(p: StepProblem, bases: readonly Point[], rng: Rng, deadline: number): { failure: Counterexample | null; summary: SearchSummary } {
  const left = p.left as Expr;
  const right = p.right as Expr;
  const rel = p.rel as RelOp;
  const along = new Set<string>();
  let probes = 0;
  const done = (failure: Counterexample | null) => ({ failure, summary: { probes, along: [...along] } });
  if (!scalar(left) || !scalar(right)) return done(null);
  const levels = allLevels();
  for (const base of bases) {
    for (const key of scalarKeys(base)) {
      if (Date.now() > deadline) return done(null);
      const b = boundariesAlong(base, key, left, right, deadline);
      if (b.roots.length + b.extrema.length > 0 || b.polynomial) along.add(base.values.get(key)!.label);
      for (const x of probesFrom(b, base.isInteger(key), rng)) {
        if (Date.now() > deadline) return done(null);
        const q = at(base, key, x, rng, deadline);
        if (!q) continue;
        q.touched.clear();
        probes++;
        const o = decideAt(q, left, rel, right, levels);
        if (o.kind === 'fails') {
          const [l, r] = formatSides(o.F, o.left, o.right);
          return done(counterexample(q, l, r, `found beside a boundary of the step: where left − right is 0 or turns, along ${base.values.get(key)!.label}`));
        }
        if (o.kind === 'right-undefined') {
          const l = formatValue(o.F, o.left);
          return done(counterexample(q, l, 'undefined', `the right side is undefined here (${o.reason}) but the left is ${l}`));
        }
      }
    }
  }
  return done(null);
}

/** Every comparison `a op b` inside a statement. */
function comparisons(f: Formula): { a: Expr; op: RelOp; b: Expr; whole: boolean }[] {
  if (f.kind === 'Compare') {
    return f.ops.map((op, i) => ({ a: f.operands[i]!, op, b: f.operands[i + 1]!, whole: f.ops.length === 1 }));
  }
  if (f.kind === 'Logic') return [...comparisons(f.left), ...comparisons(f.right)].map((c) => ({ ...c, whole: false }));
  return [];
}

/** Whether a statement holds an equation (its solution set is thin: random points miss it). */
export function hasEquation(f: Formula): boolean {
  return comparisons(f).some((c) => c.op === '=');
}

/** What the search of a ⇔/⇒ step found. */
export interface StatementSearch {
  readonly failure: Counterexample | null;
  /** Points where both statements hold and the values are not degenerate (zero vectors). */
  readonly bothTrue: number;
  /** Points tried. */
  readonly probes: number;
  /** Boundary searches completed (a comparison along a scalar, or an equation solved for an unknown). */
  readonly searched: number;
  readonly summary: SearchSummary;
}

/** Whether a point's drawn vectors and matrices are all nonzero (agreement at a zero vector says little). */
function nondegenerate(point: Point): boolean {
  for (const k of matrixKeys(point)) {
    const v = point.values.get(k)!.value;
    if (isMat(v) && v.data.every((x) => (x as Rational).isZero())) return false;
  }
  return true;
}

/** Searches a ⇔/⇒ step at its boundaries and on the solution sets of its equations. */
export function searchStatement(p: StepProblem, bases: readonly Point[], rng: Rng, deadline: number): StatementSearch {
  const levels = allLevels();
  const left = p.left as Formula;
  const right = p.right as Formula;
  let bothTrue = 0;
  let probes = 0;
  let searched = 0;
  const along = new Set<string>();
  const result = (failure: Counterexample | null): StatementSearch => ({ failure, bothTrue, probes, searched, summary: { probes, along: [...along] } });
  const oneWay = p.rel === '⇒';
  /** Tests both statements at q; `known` is a side that holds there by construction. */
  const test = (q: Point, known: 'left' | 'right' | null): Counterexample | null => {
    q.touched.clear();
    const a = known === 'left' ? true : q.truth(left, levels);
    const b = known === 'right' ? true : q.truth(right, levels);
    if (typeof a !== 'boolean' || typeof b !== 'boolean') {
      if (typeof a === 'boolean' && b === 'undefined') {
        return counterexample(q, a ? 'true' : 'false', 'undefined', `the right statement is undefined here (a side has no value) but the left one is ${a ? 'true' : 'false'}`);
      }
      return null;
    }
    probes++;
    if (a && b && nondegenerate(q)) bothTrue++;
    if (a && !b) return counterexample(q, 'true', 'false', `⇒ fails here: the left statement holds and the right one does not${known === 'left' ? ' (the point solves the left statement)' : ''}`);
    if (!a && b && !oneWay) return counterexample(q, 'false', 'true', `⇐ fails here: the right statement holds and the left one does not${known === 'right' ? ' (the point solves the right statement)' : ''}`);
    return null;
  };
  for (const base of bases) {
    for (const [side, f] of [['left', left], ['right', right]] as const) {
      for (const c of comparisons(f)) {
        if (Date.now() > deadline) return result(null);
        // Along each scalar: probe the boundaries; on the roots of an equation that is the
        // whole statement, that statement holds (at an enclosure of an irrational root too).
        if (scalar(c.a) && scalar(c.b)) {
          for (const key of scalarKeys(base)) {
            if (Date.now() > deadline) break;
            const b = boundariesAlong(base, key, c.a, c.b, deadline);
            searched++;
            if (b.roots.length + b.extrema.length > 0 || b.polynomial) along.add(base.values.get(key)!.label);
            for (const x of probesFrom(b, base.isInteger(key), rng)) {
              const q = at(base, key, x, rng, deadline);
              if (!q) continue;
              const failure = test(q, null);
              if (failure) return result(failure);
            }
            if (c.op === '=' && c.whole) {
              for (const r of b.roots) {
                const q = rootPoint(base, key, r, rng, deadline);
                if (!q) continue;
                const failure = test(q, side);
                if (failure) return result(failure);
              }
            }
          }
        }
        // A vector or matrix unknown of a linear equation: solve for it.
        if (c.op === '=' && c.whole) {
          for (const key of matrixKeys(base)) {
            if (Date.now() > deadline) break;
            const solved = solveLinear(base, key, c.a, c.b, rng);
            // A solution that breaks the unknown's declared tags (a singular "invertible"
            // matrix) is no point of the step's domain.
            if (!solved || !respectsTags(solved, key)) continue;
            searched++;
            along.add(`${base.values.get(key)!.label}${SOLVED}`);
            solved.deadline = deadline;
            if (!solved.satisfiesAssumptions(levels, true)) continue;
            const failure = test(solved, null);
            if (failure) return result(failure);
          }
        }
      }
    }
  }
  return result(null);
}

/** Whether a drawn matrix still has every tag its declaration gives it (and the tags those imply). */
function respectsTags(point: Point, key: string): boolean {
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
  const q = base.replacing(key, r.lo.add(r.hi).div(Rational.of(2)), rng);
  q.enclosures.set(key, [r.lo, r.hi]);
  q.deadline = deadline;
  return q;
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
