import type { Expr } from '../../ast.js';
import type { Counterexample } from '../../result.js';
import { isMat } from '../evaluator/field.js';
import { printExpr } from '../../print.js';
import { constantValue } from '../evaluator/interpret.js';
import { isExpr } from '../problem.js';
import type { StepProblem } from '../problem.js';
import type { Rng } from '../rng.js';
import { keysRead } from './domain.js';
import { decimalLevels, allLevels } from './levels.js';
import { systemRoots } from './newton.js';
import { positiveDefinite } from '../rules/domain-inclusion.js';
import { singularParts } from './boundaries.js';
import { unfolded } from './explore.js';
import { exprKey } from '../../ast-walk.js';
import type { Point } from './point.js';
import { counterexample, formatValue } from './report.js';
import { solvedEquation } from './search.js';
import { now } from '../../clock.js';

/** At most this many held points start Newton's method. */
const STARTS = 4;

/**
 * A `≠` step under equation assumptions that sampling meets by solving (`assume x² + y² = 1`)
 * fails where its sides are equal on the equations' solutions, a curve no draw lands on
 * (x − 2y ≠ 0 at (2/√5, 1/√5), red team rt120). The equations and left = right are solved
 * together in the entries of the names they read (unknownsFor: the step's own first, the rest
 * kept at the held point's values) by Newton's method from the held points, and each root is
 * proved in a box by the Krawczyk test (newton.ts systemRoots): at the box's one root every
 * equation holds and the sides are equal. Where the other assumptions hold on all of the box,
 * that is the counterexample; null otherwise (scalar sides and equations only).
 */
export function constrainedZeroSearch(p: StepProblem, held: readonly Point[], rng: Rng, deadline: number): Counterexample | null {
  if (p.rel !== '≠' || held.length === 0 || !isExpr(p.left) || !isExpr(p.right)) return null;
  const left = p.left;
  const right = p.right;
  if (left.shape?.kind === 'matrix' || right.shape?.kind === 'matrix') return null;
  const equations = scalarEquations(p);
  if (equations.length === 0) return null;
  const base = held[0]!;
  // (The step's own names first among the unknowns, and up to two more entries than equations,
  // which Newton's method moves too: on x² + y² + z² = 1 the plane x + y + z = 3/2 may miss
  // the circle through a drawn z.)
  const system = [[left, right] as const, ...equations];
  const keys = unknownsFor(p, base, system);
  if (!keys) return null;
  for (const q of rootsMeeting(base, keys, system, held, rng, deadline)) {
    const value = sharedValue(q, left, right);
    if (value === null) continue;
    return counterexample(q, value, value, 'the sides are equal at a point of a box about 10⁻⁸⁰ wide around this one, where the equations of the assumptions hold too (its existence proved by the Krawczyk test); ≈ marks a value rounded from that box');
  }
  return null;
}

/**
 * A sum of squares (or of |·|) compared with 0 where its being 0 fails the step (`S > 0`,
 * `0 < S`, `S ≠ 0`, `S ≥ c` for a constant c > 0): it is 0 where every term's base is, at a point no draw lands on
 * ((sin x − 1/3)² + (cos y − 1/4)² > 0 at x = arcsin(1/3), y = arccos(1/4); (x − y)² +
 * (xy − π)² > 0 at x = y = √π: both were checked). The bases = 0, with the assumptions'
 * equations, are solved together as in constrainedZeroSearch, each root proved in a box by the
 * Krawczyk test, in the entries of the scalars, vectors and untagged matrices they read
 * ((tr A − 1)² + (det A − 1)² > 0 at A = [[0, −1], [1, 1]]); where the other assumptions hold
 * on all of the box, the sum is 0 at its one root: the counterexample. Null otherwise.
 */
export function squaresZeroSearch(p: StepProblem, held: readonly Point[], rng: Rng, deadline: number): Counterexample | null {
  if (held.length === 0 || !isExpr(p.left) || !isExpr(p.right)) return null;
  const left = p.left;
  const right = p.right;
  const zero = (e: Expr): boolean => constantValue(e)?.isZero() === true;
  // (Or with a positive constant it must reach, however small: (x − y)² + (cos y − y)² ≥ 10⁻⁴⁰
  // is 0 at x = y = 0.739…, where cos y = y; it was checked, red team rt130.)
  const positive = (e: Expr): boolean => (constantValue(e)?.sign() ?? 0) > 0;
  const sum = ((p.rel === '>' || p.rel === '≠') && zero(right)) || ((p.rel === '>' || p.rel === '≥') && positive(right)) ? left
    : ((p.rel === '<' || p.rel === '≠') && zero(left)) || ((p.rel === '<' || p.rel === '≤') && positive(left)) ? right : null;
  const bases = sum && squareBases(sum, (m) => positiveDefinite(m, p));
  if (!bases || bases.length === 0 || bases.length > 6) return null;
  const equations = scalarEquations(p);
  const system = [...bases.map((g) => [g, ZERO] as const), ...equations];
  const base = held[0]!;
  const keys = unknownsFor(p, base, system);
  if (!keys) return null;
  for (const q of rootsMeeting(base, keys, system, held, rng, deadline)) {
    const value = sharedValue(q, sum!, sum!);
    if (value === null) continue;
    const other = sum === left ? right : left;
    const shown = sharedValue(q, other, other) ?? '0';
    const terms = bases.map((g) => printExpr(g)).join(', ');
    return counterexample(q, sum === left ? value : shown, sum === left ? shown : value,
      `${bases.length > 1 ? `each of ${terms} is` : `${terms} is`} 0 at a point of a box about 10⁻⁸⁰ wide around this one${equations.length > 0 ? ', where the equations of the assumptions hold too' : ''} (its existence proved by the Krawczyk test), so the ${sum === left ? 'left' : 'right'} side is 0 there; ≈ marks a value rounded from that box`);
  }
  return null;
}

const ZERO: Expr = { kind: 'Num', value: '0', range: [0, 0], shape: { kind: 'scalar' } };

/**
 * The domain rule at a divisor of the right side alone that is a sum of squares (or of |·|):
 * it is 0 where every base is, at a point no search along a line reaches, since it never
 * changes sign (1 = Q/Q with Q = (x − y)² + (xy − π)², 0 at x = y = √π, was checked). The
 * bases = 0, with the assumptions' equations, solved together and the root proved in a box as
 * in squaresZeroSearch; where the other assumptions hold and the left side has a value on all
 * of the box, the right side has none at its root: the counterexample. Null otherwise.
 */
export function squaresPoleSearch(p: StepProblem, held: readonly Point[], rng: Rng, deadline: number): Counterexample | null {
  if (p.rel !== '=' || held.length === 0 || !isExpr(p.left) || !isExpr(p.right)) return null;
  const left = p.left;
  const leftParts = new Set(singularParts(unfolded(left, p), true).map((g) => exprKey(g)));
  const equations = scalarEquations(p);
  const base = held[0]!;
  let tried = 0;
  for (const g of singularParts(unfolded(p.right, p), true)) {
    if (leftParts.has(exprKey(g)) || tried >= 3 || now() > deadline) continue;
    const bases = squareBases(g, (m) => positiveDefinite(m, p));
    // (One scalar base is the line searches': g² has g's zeros. A vector's is not: vᵀHv.)
    if (!bases || bases.length === 0 || bases.length > 6 || (bases.length < 2 && bases[0]!.shape?.kind !== 'matrix')) continue;
    tried++;
    const system = [...bases.map((b) => [b, ZERO] as const), ...equations];
    const keys = unknownsFor(p, base, system);
    if (!keys) continue;
    for (const q of rootsMeeting(base, keys, system, held, rng, deadline)) {
      const value = sharedValue(q, left, left);
      if (value === null) continue;
      sharedValue(q, g, g);
      return counterexample(q, value, 'undefined', `the right side is undefined where ${printExpr(g)} = 0, which happens at a point of a box about 10⁻⁸⁰ wide around this one, where each of ${bases.map((b) => printExpr(b)).join(', ')} is 0 (its existence proved by the Krawczyk test), while the left side is defined on all of that box (${value}); ≈ marks a value rounded from that box`);
    }
  }
  return null;
}

/** The scalar equations among the assumptions that sampling meets by solving (search.ts solvedEquation). */
function scalarEquations(p: StepProblem): (readonly [Expr, Expr])[] {
  return p.prep.checks.map((c) => solvedEquation(p, c)).filter((e): e is readonly [Expr, Expr] => e !== null && e[0].shape?.kind !== 'matrix' && e[1].shape?.kind !== 'matrix');
}

/** The roots systemRoots proves, from the first held points, that meet the assumptions strictly on all of their boxes; touched names cleared. */
function* rootsMeeting(base: Point, keys: readonly string[], system: readonly (readonly [Expr, Expr])[], held: readonly Point[], rng: Rng, deadline: number): Generator<Point> {
  for (const q of systemRoots(base, keys, system, held.slice(0, STARTS), rng, deadline)) {
    if (now() > deadline) return;
    q.touched.clear();
    try {
      if (!q.satisfiesAssumptions(allLevels(), true)) continue;
    } catch {
      continue;
    }
    q.touched.clear();
    yield q;
  }
}

/**
 * The unknowns to solve a system in: the keys its expressions read (through definitions), real
 * scalars and untagged vectors and matrices, until their entries are two more than the
 * equations (at most 16); null where too many names to follow, or too few entries.
 */
function unknownsFor(p: StepProblem, base: Point, system: readonly (readonly [Expr, Expr])[]): string[] | null {
  const read = new Set<string>();
  for (const e of system.flat()) {
    const keys = keysRead(p, e);
    if (!keys) return null;
    for (const k of keys) read.add(k);
  }
  // (A family's key stands for the members drawn: u_2 of `vector u_t` reads u@2.)
  const drawn = [...base.values.keys()];
  const members = [...read].flatMap((k) => (base.values.has(k) ? [k] : drawn.filter((d) => d.startsWith(`${k}@`))));
  const out: string[] = [];
  let entries = 0;
  for (const k of new Set(members)) {
    const v = base.values.get(k)?.value;
    if (v === undefined || base.isInteger(k) || entries >= system.length + 2) continue;
    const size = isMat(v) ? v.rows * v.cols : 1;
    if (isMat(v) && [...(base.ctx.scope.get(k)?.tags ?? [])].some((t) => t !== 'invertible')) continue;
    if (entries + size > 16) continue;
    out.push(k);
    entries += size;
  }
  return entries >= system.length ? out : null;
}

/**
 * The bases of a sum of positive multiples of even powers and |·| of scalars (x² + 3|y − 1|: x
 * and y − 1), and of vᵀv and vᵀMv for a positive definite M (v: 0 only where v is); null for
 * any other form. `definite` tells a positive definite matrix.
 */
function squareBases(e: Expr, definite: (m: Expr) => boolean): Expr[] | null {
  const rec = (x: Expr): Expr[] | null => squareBases(x, definite);
  // vᵀv, and vᵀMv with M positive definite: 0 exactly where v is.
  if (e.kind === 'Binary' && e.op === '*' && e.shape?.kind !== 'matrix') {
    const v = e.right;
    if (e.left.kind === 'Transpose' && exprKey(e.left.arg) === exprKey(v)) return [v];
    if (e.left.kind === 'Binary' && e.left.op === '*' && e.left.left.kind === 'Transpose' && exprKey(e.left.left.arg) === exprKey(v) && definite(e.left.right)) return [v];
  }
  if (e.shape?.kind === 'matrix') return null;
  if (e.kind === 'Binary' && e.op === '+') {
    const a = rec(e.left);
    const b = a && rec(e.right);
    return a && b ? [...a, ...b] : null;
  }
  if (e.kind === 'Binary' && e.op === '*') {
    const c = constantValue(e.left);
    if (c && c.sign() > 0) return rec(e.right);
    const d = constantValue(e.right);
    if (d && d.sign() > 0) return rec(e.left);
    return null;
  }
  if (e.kind === 'Binary' && e.op === '^') {
    const k = constantValue(e.right);
    return k && k.isInteger() && k.sign() > 0 && k.n % 2n === 0n && e.left.shape?.kind !== 'matrix' ? [e.left] : null;
  }
  if (e.kind === 'Abs' && e.arg.shape?.kind !== 'matrix') return [e.arg];
  return null;
}

/** The sides' common value over the box, at the first precision where both have one; null where either has none. */
function sharedValue(q: Point, left: Expr, right: Expr): string | null {
  for (const F of decimalLevels()) {
    try {
      const l = q.evaluate(F, left);
      q.evaluate(F, right);
      if (isMat(l)) return null;
      return F.sign(l) === null ? '≈ 0' : formatValue(F, l, 12);
    } catch {
      continue;
    }
  }
  return null;
}
