import type { Expr } from '../../ast.js';
import { Dual, dualField } from '../evaluator/dual.js';
import { decimalField } from '../evaluator/decimal.js';
import { Mat, isMat, type Field, type Val } from '../evaluator/field.js';
import { Interval, intervalField } from '../evaluator/interval.js';
import { entries } from '../evaluator/linalg.js';
import { Rational, exactField, simplestIn } from '../evaluator/rational.js';
import type { Rng } from '../rng.js';
import { allLevels } from './levels.js';
import type { Point } from './point.js';
import { now } from '../../clock.js';

/**
 * Solutions of an equation `a = b` that is not affine in a vector or matrix unknown X
 * (`A w + (wᵀw) w = b`, `wᵀw = 2`), for the ⇔/⇒ search (issue 7, item 2): Newton's method on
 * the Jacobian of the residual r(X) = a − b, from a few starts, with the Jacobian taken by
 * forward-mode dual numbers over double enclosures (one pass per entry of X; never finite
 * differences) — an estimate that steers, never decides. A root found is then proved: the
 * Krawczyk operator K(Y) = y − C r(y) + (I − C J(Y))(Y − y) over a small box Y around the
 * rounded root y, evaluated in outward-rounded interval arithmetic, lies strictly inside Y,
 * so r has exactly one zero in Y (R. Krawczyk, Computing 4 (1969); R. E. Moore, R. B.
 * Kearfott, M. J. Cloud, *Introduction to Interval Analysis*, SIAM 2009, §8.2). The point
 * returned carries X as that box (an enclosure), so the equation holds there by proof and
 * the other statement is evaluated with enclosures: it can be found false on the whole box,
 * never wrongly true.
 *
 * Square systems (as many equations as entries) are solved in every entry; one with fewer
 * equations (k < m: `wᵀw = 2`) in the k entries where the Jacobian has its largest pivots,
 * the others kept at the rounded values. A root where the Jacobian is singular (a sphere of
 * solutions of `(wᵀw − 2) w = 0`) cannot be proved this way and gives no point.
 */
export function newtonSolutions(
  base: Point, key: string, a: Expr, b: Expr, rng: Rng, deadline: number,
  /** `max` roots at most; `assumptions: false` keeps a root without checking the other assumptions (the caller does). */
  opts: { readonly max?: number; readonly assumptions?: boolean } = {},
): Point[] & { unproved?: Point } {
  const maxRoots = opts.max ?? MAX_ROOTS;
  const drawn = base.values.get(key)?.value;
  if (!drawn || !isMat(drawn)) return [];
  const x0 = drawn as Mat<Rational>;
  const m = x0.data.length;
  if (m > MAX_ENTRIES) return [];
  // A structured matrix (symmetric, orthogonal, positive definite, …) would lose its
  // structure in an entry-by-entry solve; only `invertible` survives it generically.
  const tags = base.ctx.scope.get(key)?.tags ?? [];
  if ([...tags].some((t) => t !== 'invertible')) return [];
  const problem = residualOf(base, [key], [[a, b]], rng)!.problem;
  const starts: number[][] = [];
  const own = x0.data.map((x) => x.toNumber());
  starts.push(own, own.map((x) => -x), own.map((x) => 10 * x), own.map((x) => x / 10));
  for (let i = 0; i < 2; i++) starts.push(own.map(() => rng.int(-30, 30) / 10));

  // An equation that does not move with the unknown (a zero Jacobian at the drawn value) is not solved for it.
  const first = estimate(problem, own, [...Array(m).keys()]);
  if (!first || first.J.every((row) => row.every((v) => v === 0))) return [];
  // `unproved`: a root Newton converged to that could not be proved (a singular Jacobian:
  // the solutions are not isolated there, `A³ = I` at a rotation), or of more equations than
  // entries. The caller must not let the proved roots alone pass the step.
  const out: Point[] & { unproved?: Point } = [];
  const doubt = (x: readonly Rational[]) => {
    // A root that is exactly rational (w = [1, 1] on the sphere of (wᵀw − 2) w = 0) needs no
    // proof: it is a point of the solution set as it stands.
    const q = problem.at(x, null);
    q.deadline = deadline;
    if (exactlyZero(q, a, b)) {
      try {
        if (opts.assumptions === false || q.satisfiesAssumptions(allLevels(), true)) out.push(q);
      } catch {
        // not a usable point
      }
      return;
    }
    if (!out.unproved) out.unproved = q;
  };
  const found: number[][] = [];
  for (const start of starts) {
    if (now() > deadline || out.length >= maxRoots || problem.budget.evaluations <= 0) break;
    const root = newton(problem, start, null, deadline);
    if (!root) continue;
    const scale = 1 + Math.max(...root.x.map(Math.abs));
    if (found.some((f) => f.every((v, i) => Math.abs(v - root.x[i]!) <= 1e-6 * scale))) continue;
    found.push(root.x);
    const proved = provedRoot(problem, root, m, deadline);
    if ('unproved' in proved) {
      doubt(proved.unproved);
      continue;
    }
    const q = simplestInBox(problem, proved.box, [[a, b]]) ?? problem.at(proved.x, proved.box);
    q.deadline = deadline;
    if (opts.assumptions === false) {
      out.push(q);
      continue;
    }
    try {
      if (q.satisfiesAssumptions(allLevels(), true)) out.push(q);
    } catch {
      continue;
    }
  }
  return out;
}

/**
 * Points where the scalar equations aᵢ = bᵢ all hold, in the entries of the unknowns `keys`
 * (scalars, and vectors and matrices with no tag but invertible), at least as many entries as
 * equations (`x² + y² = 1` and `x − 2y = 0` in x and y; tr A = 1 and det A = 1 in A's four):
 * Newton's method from each of `starts` (points whose values of the keys begin a run), each
 * root proved in a box by the Krawczyk test as in newtonSolutions (with more entries than
 * equations, in those with the largest pivots, the rest kept at their rounded values), so every
 * equation holds at the one point of the box the test proves there. Each point returned holds
 * the keys as its box; the assumptions are not checked (the caller does). At most `max` roots.
 */
export function systemRoots(base: Point, keys: readonly string[], equations: readonly (readonly [Expr, Expr])[], starts: readonly Point[], rng: Rng, deadline: number, max = 2): Point[] {
  // (Vectors and matrices untagged or only invertible: an entry-by-entry solve loses symmetry or orthogonality.)
  const tagged = (k: string): boolean => isMat(base.values.get(k)?.value as Val<Rational>) && [...(base.ctx.scope.get(k)?.tags ?? [])].some((t) => t !== 'invertible');
  if (keys.some(tagged)) return [];
  const made = residualOf(base, keys, equations, rng);
  if (!made || made.n < equations.length) return [];
  const { problem, n, entriesAt } = made;
  const out: Point[] = [];
  const found: number[][] = [];
  for (const start of starts) {
    if (now() > deadline || out.length >= max || problem.budget.evaluations <= 0) break;
    const x0 = entriesAt(start);
    if (!x0 || x0.some((v) => !Number.isFinite(v))) continue;
    const root = newton(problem, x0, null, deadline);
    if (!root || root.k > n) continue;
    const scale = 1 + Math.max(...root.x.map(Math.abs));
    if (found.some((f) => f.every((v, i) => Math.abs(v - root.x[i]!) <= 1e-6 * scale))) continue;
    found.push(root.x);
    const proved = provedRoot(problem, root, n, deadline);
    if ('unproved' in proved) continue;
    const q = simplestInBox(problem, proved.box, problem.equations) ?? problem.at(proved.box.lo.map((v, i) => v.add(proved.box.hi[i]!).div(Rational.of(2))), proved.box);
    q.deadline = deadline;
    out.push(q);
  }
  return out;
}

/**
 * The point at the simplest rationals in a proved root's box where they meet the equations
 * exactly, with no enclosure (`assume y_1 = 1` put y in a box, and ∇_z (yᵀz) = y, whose sides
 * then differ by the box's width, could not be decided at any point, red team rt130); null
 * where they do not.
 */
function simplestInBox(problem: Residual, box: { readonly lo: readonly Rational[]; readonly hi: readonly Rational[] }, equations: readonly (readonly [Expr, Expr])[]): Point | null {
  const q = problem.at(box.lo.map((v, i) => simplestIn(v, box.hi[i]!)), null);
  return equations.every(([a, b]) => exactlyZero(q, a, b)) ? q : null;
}

/**
 * The residual of `equations` in the entries of the unknowns `keys` (a scalar is one entry, a
 * vector or matrix its entries, one key after another), the number of entries, and a point's
 * entries as doubles; null where a key has no value or there are more than MAX_ENTRIES.
 */
function residualOf(base: Point, keys: readonly string[], equations: readonly (readonly [Expr, Expr])[], rng: Rng):
  { problem: Residual; n: number; entriesAt: (q: Point) => number[] | null } | null {
  const values = keys.map((k) => base.values.get(k)?.value);
  if (values.some((v) => v === undefined)) return null;
  const shapes = values.map((v) => (isMat(v!) ? { rows: v.rows, cols: v.cols } : null));
  const sizes = shapes.map((sh) => (sh ? sh.rows * sh.cols : 1));
  const offsets = sizes.map((_, i) => sizes.slice(0, i).reduce((a, b) => a + b, 0));
  const n = sizes.reduce((a, b) => a + b, 0);
  if (n === 0 || n > MAX_ENTRIES) return null;
  const valueOf = <T>(xs: readonly T[], i: number): T | Mat<T> => {
    const sh = shapes[i];
    return sh ? new Mat<T>(sh.rows, sh.cols, xs.slice(offsets[i], offsets[i]! + sizes[i]!)) : xs[offsets[i]!]!;
  };
  const entriesAt = (q: Point): number[] | null => {
    const out: number[] = [];
    for (const k of keys) {
      const v = q.values.get(k)?.value;
      if (v === undefined) return null;
      out.push(...(isMat(v) ? v.data.map((x) => (x as Rational).toNumber()) : [(v as Rational).toNumber()]));
    }
    return out.length === n ? out : null;
  };
  const problem: Residual = {
    equations, rng, budget: { evaluations: MAX_EVALUATIONS },
    at: (xs, box) => {
      let q = base;
      keys.forEach((k, i) => { q = q.replacing(k, valueOf(xs, i) as Val<Rational>, rng); });
      if (box) keys.forEach((k, i) => q.enclosures.set(k, [valueOf(box.lo, i) as Val<Rational>, valueOf(box.hi, i) as Val<Rational>]));
      return q;
    },
    seed: <S>(q: Point, F: Field<Dual<S>>, F0: Field<S>, along: number) => {
      const i = offsets.findIndex((o, j) => along >= o && along < o + sizes[j]!);
      const at = along - offsets[i]!;
      const seed = (v: Val<Dual<S>>): Val<Dual<S>> => (isMat(v) ? new Mat(v.rows, v.cols, v.data.map((d, j) => (j === at ? new Dual(d.v, F0.one) : d))) : new Dual(v.v, F0.one));
      q.seed = { key: keys[i]!, field: F, value: seed as (v: never) => unknown };
    },
  };
  return { problem, n, entriesAt };
}

/**
 * A root Newton's method converged to (its x, number of equations k and Jacobian J), proved in
 * a box by the Krawczyk test: in all n entries when k = n; with fewer equations, in the k entries
 * with the largest pivots, the rest fixed at their rounded values and the root polished in those
 * k alone. The rounded root and its box, or the rounded root as `unproved` (a singular Jacobian,
 * more equations than entries, a polish or a test that failed).
 */
function provedRoot(problem: Residual, root: { x: number[]; k: number; J: number[][] }, n: number, deadline: number):
  { x: Rational[]; box: { lo: Rational[]; hi: Rational[] } } | { unproved: Rational[] } {
  const exact = (v: number) => Rational.parse(v.toPrecision(17));
  let x = root.x.map(exact);
  if (root.k > n) return { unproved: x };
  let active = [...Array(n).keys()];
  if (root.k < n) {
    active = pivotColumns(root.J, root.k);
    if (active.length < root.k) return { unproved: x };
    const polished = newton(problem, x.map((v) => v.toNumber()), { active, fixed: x }, deadline);
    if (!polished) return { unproved: x };
    x = x.map((v, i) => (active.includes(i) ? exact(polished.x[i]!) : v));
  }
  const box = krawczyk(problem, x, active, deadline);
  return box ? { x, box } : { unproved: x };
}

/** At most this many entries in the unknown (Newton costs one evaluation per entry per step). */
const MAX_ENTRIES = 16;
/** At most this many distinct proved roots per equation and unknown. */
const MAX_ROOTS = 3;
const MAX_ITERATIONS = 40;
/** At most this many evaluations of the residual per equation and unknown (all starts together). */
const MAX_EVALUATIONS = 400;

interface Residual {
  /** The equations a = b whose entries, one after another, are the residual's. */
  readonly equations: readonly (readonly [Expr, Expr])[];
  /** The point with the unknown's entries at x, held as the box [lo, hi] when given. */
  readonly at: (x: readonly Rational[], box: { lo: readonly Rational[]; hi: readonly Rational[] } | null) => Point;
  /** Makes q's evaluation in F (dual numbers over F0) differentiate along the unknown's entry `along`. */
  readonly seed: <S>(q: Point, F: Field<Dual<S>>, F0: Field<S>, along: number) => void;
  readonly rng: Rng;
  /** Evaluations left for this equation and unknown (each costs one pass over both sides). */
  readonly budget: { evaluations: number };
}

/** r(x) and its Jacobian (k × m, or only the `active` columns filled) as double estimates; null where undefined. */
function estimate(p: Residual, x: readonly number[], active: readonly number[]): { r: number[]; J: number[][]; mag: number } | null {
  const xs = x.map((v) => Rational.parse(v.toPrecision(17)));
  const mid = (i: Interval) => (i.lo === i.hi ? i.lo : i.lo / 2 + i.hi / 2);
  let r: number[] | null = null;
  let mag = 0;
  const J: number[][] = [];
  for (const j of active) {
    const rows = residualAt(intervalField, p, xs, null, j);
    if (!rows) return null;
    if (!r) mag = rows.scale;
    r ??= rows.map((d) => mid(d.v));
    rows.forEach((d, i) => {
      (J[i] ??= new Array<number>(x.length).fill(0))[j] = mid(d.d);
    });
  }
  if (!r || r.some((v) => !Number.isFinite(v)) || J.some((row) => row.some((v) => !Number.isFinite(v)))) return null;
  // The size of the terms that vary with x, |J|·|x|, as well: with 0 on one side
  // ((wᵀw − 3) = 0) the sides' size is the residual's own.
  const xs2 = Math.max(0, ...x.map(Math.abs));
  mag = Math.max(mag, xs2 * Math.max(0, ...J.flat().map(Math.abs)));
  return { r, J, mag };
}

/**
 * The residual's entries in dual numbers over F at the rational x (or over the box [lo, hi]
 * when given), differentiated along entry `along` of the unknown (or not at all); null where
 * it has no value.
 */
function residualAt<S>(
  F0: Field<S>, p: Residual, x: readonly Rational[], box: { lo: readonly Rational[]; hi: readonly Rational[] } | null, along: number | null,
): (Dual<S>[] & { readonly scale: number }) | null {
  const F = dualField(F0);
  if (--p.budget.evaluations < 0) return null;
  try {
    const q = p.at(x, box);
    if (along !== null) p.seed(q, F, F0, along);
    const out: Dual<S>[] = [];
    let scale = 0;
    for (const [a, b] of p.equations) {
      const l = entries(q.evaluate(F, a) as Val<Dual<S>>);
      let r = entries(q.evaluate(F, b) as Val<Dual<S>>);
      // `X = 0`: a scalar 0 stands for the zero of the left side's shape.
      if (r.length === 1 && l.length > 1 && F0.sign(r[0]!.v) === 0) r = l.map(() => F.zero);
      if (l.length !== r.length) return null;
      // With the sides' size, for a relative convergence test (an estimate; it decides nothing).
      scale = Math.max(scale, ...l.map((v) => F0.magnitude(v.v)), ...r.map((v) => F0.magnitude(v.v)));
      out.push(...l.map((v, i) => F.sub(v, r[i]!)));
    }
    return Object.assign(out, { scale });
  } catch {
    return null;
  }
}

/**
 * Newton's method (damped: a step that does not shrink the residual is halved) from `start`;
 * with `restrict`, only the active entries move and the others stay at `fixed`. Returns the
 * converged x, the number of equations and the Jacobian there, or null.
 */
function newton(
  p: Residual, start: readonly number[], restrict: { active: readonly number[]; fixed: readonly Rational[] } | null, deadline: number,
): { x: number[]; k: number; J: number[][] } | null {
  const m = start.length;
  const active = restrict?.active ?? [...Array(m).keys()];
  let x = [...start];
  let cur = estimate(p, x, active);
  if (!cur) return null;
  const size = (r: readonly number[]) => Math.max(0, ...r.map(Math.abs));
  for (let it = 0; it < MAX_ITERATIONS; it++) {
    if (now() > deadline) return null;
    // Converged: the residual is 10⁻¹³ of the size of what was computed (of the sides, not
    // of 1: wᵀw = 10⁻⁴⁰ is not solved at wᵀw = 10⁻¹³).
    if (size(cur.r) <= 1e-13 * cur.mag || size(cur.r) === 0) return { x, k: cur.r.length, J: cur.J };
    const cols = active.map((j) => cur!.J.map((row) => row[j]!));
    const step = leastSquaresStep(cols, cur.r);
    if (!step) return null;
    let t = 1;
    let next: { r: number[]; J: number[][]; mag: number } | null = null;
    let nx = x;
    for (let h = 0; h < 12; h++, t /= 2) {
      nx = [...x];
      active.forEach((j, c) => { nx[j] = x[j]! - t * step[c]!; });
      next = estimate(p, nx, active);
      if (next && size(next.r) < size(cur.r)) break;
      next = null;
    }
    if (!next) return null;
    x = nx;
    cur = next;
  }
  return size(cur.r) <= 1e-13 * cur.mag || size(cur.r) === 0 ? { x, k: cur.r.length, J: cur.J } : null;
}

/** The step d with J d = r in the least-squares sense (J given by its columns), minimum norm when underdetermined; null if singular. */
function leastSquaresStep(cols: readonly (readonly number[])[], r: readonly number[]): number[] | null {
  const m = cols.length;
  const k = r.length;
  const dot = (u: readonly number[], v: readonly number[]) => u.reduce((s, x, i) => s + x * v[i]!, 0);
  if (k >= m) {
    // Normal equations JᵀJ d = Jᵀ r.
    const A = cols.map((ci) => cols.map((cj) => dot(ci, cj)));
    return solveDense(A, cols.map((c) => dot(c, r)));
  }
  // d = Jᵀ (J Jᵀ)⁻¹ r.
  const rows = Array.from({ length: k }, (_, i) => cols.map((c) => c[i]!));
  const y = solveDense(rows.map((ri) => rows.map((rj) => dot(ri, rj))), [...r]);
  return y && cols.map((c) => dot(c, y));
}

/** Gaussian elimination with partial pivoting in doubles; null when a pivot vanishes. */
function solveDense(A: number[][], rhs: number[]): number[] | null {
  const n = rhs.length;
  const M = A.map((row, i) => [...row, rhs[i]!]);
  const norm = Math.max(1e-300, ...A.flat().map(Math.abs));
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let i = c + 1; i < n; i++) if (Math.abs(M[i]![c]!) > Math.abs(M[p]![c]!)) p = i;
    if (Math.abs(M[p]![c]!) <= 1e-14 * norm) return null;
    [M[c], M[p]] = [M[p]!, M[c]!];
    for (let i = 0; i < n; i++) {
      if (i === c) continue;
      const f = M[i]![c]! / M[c]![c]!;
      if (f !== 0) for (let j = c; j <= n; j++) M[i]![j]! -= f * M[c]![j]!;
    }
  }
  return M.map((row, i) => row[n]! / row[i]!);
}

/** The k columns of J (k × m) chosen by Gaussian elimination with complete pivoting. */
function pivotColumns(J: readonly (readonly number[])[], k: number): number[] {
  const M = J.map((row) => [...row]);
  const m = M[0]?.length ?? 0;
  const norm = Math.max(1e-300, ...M.flat().map(Math.abs));
  const chosen: number[] = [];
  const usedRows = new Set<number>();
  for (let step = 0; step < k; step++) {
    let best = 0;
    let bi = -1;
    let bj = -1;
    for (let i = 0; i < k; i++) {
      if (usedRows.has(i)) continue;
      for (let j = 0; j < m; j++) {
        if (chosen.includes(j)) continue;
        if (Math.abs(M[i]![j]!) > best) [best, bi, bj] = [Math.abs(M[i]![j]!), i, j];
      }
    }
    if (bi < 0 || best <= 1e-10 * norm) break;
    usedRows.add(bi);
    chosen.push(bj);
    for (let i = 0; i < k; i++) {
      if (usedRows.has(i)) continue;
      const f = M[i]![bj]! / M[bi]![bj]!;
      for (let j = 0; j < m; j++) M[i]![j]! -= f * M[bi]![j]!;
    }
  }
  return chosen.sort((u, v) => u - v);
}

/**
 * Proves a zero of the residual in a box around y (moving only the `active` entries, as many
 * as there are equations) by the Krawczyk test; the box, or null. First y is refined in
 * 110-digit decimals (a simplified Newton step C·r(y) per round, ~16 digits a round) and the
 * box taken about 10⁻⁸⁷ wide, so an equation of the other statement that also holds there
 * agrees to 50 and 250 digits (it counts as held); failing that, a box of 10⁻¹² … 10⁻⁶ in
 * doubles (enough to find the other statement false).
 */
function krawczyk(p: Residual, y0: readonly Rational[], active: readonly number[], deadline: number): { lo: Rational[]; hi: Rational[] } | null {
  const n = active.length;
  const mid = (i: Interval) => i.lo / 2 + i.hi / 2;
  // The Jacobian at y (estimates) for the preconditioner C ≈ J(y)⁻¹.
  const Jy: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let c = 0; c < n; c++) {
    const col = residualAt(intervalField, p, y0, null, active[c]!);
    if (!col || col.length !== n) return null;
    col.forEach((d, i) => { Jy[i]![c] = mid(d.d); });
  }
  const C = invert(Jy);
  if (!C) return null;
  const yMax = Rational.parse(String(Math.ceil(Math.max(1, ...y0.map((v) => Math.abs(v.toNumber()))))));
  const radius = (e: number) => Rational.ONE.div(Rational.of(2n ** BigInt(e))).mul(yMax);
  // High precision: refine, then a box of radius 2⁻²⁹⁰·|y| (about 10⁻⁸⁷).
  const D = decimalField(110);
  let y = [...y0];
  for (let round = 0; round < 8 && now() <= deadline; round++) {
    const r = residualAt(D, p, y, null, null);
    if (!r || r.length !== n) break;
    const rs = r.map((d) => D.ends!.mid(d.v));
    if (rs.some((v) => !Number.isFinite(v))) break;
    if (rs.every((v) => v === 0)) break;
    y = y.map((v, i) => {
      const c = active.indexOf(i);
      if (c < 0) return v;
      const delta = C[c]!.reduce((acc, cij, j) => acc + cij * rs[j]!, 0);
      return v.sub(Rational.parse(delta.toPrecision(17)));
    });
  }
  const fine = now() <= deadline ? test(D, y, radius(290)) : null;
  if (fine) return fine;
  for (const e of [40, 30, 20]) {
    if (now() > deadline) return null;
    const box = test(intervalField, y0, radius(e));
    if (box) return box;
  }
  return null;

  /** K(Y) − y = −C r(y) + (I − C J(Y)) [−ρ, ρ] inside (−ρ, ρ), entry by entry, in F. */
  function test<S>(F: Field<S>, y: readonly Rational[], radius: Rational): { lo: Rational[]; hi: Rational[] } | null {
    const lo = y.map((v, i) => (active.includes(i) ? v.sub(radius) : v));
    const hi = y.map((v, i) => (active.includes(i) ? v.add(radius) : v));
    const ry = residualAt(F, p, y, null, null);
    if (!ry || ry.length !== n) return null;
    const JY: S[][] = Array.from({ length: n }, () => new Array<S>(n));
    for (let c = 0; c < n; c++) {
      const col = residualAt(F, p, y, { lo, hi }, active[c]!);
      if (!col) return null;
      col.forEach((d, i) => { JY[i]![c] = d.d; });
    }
    const rho = F.fromRational(radius);
    const box = F.span!(F.neg(rho), rho);
    const Cq = C!.map((row) => row.map((c) => F.fromRational(Rational.parse(c.toPrecision(17)))));
    for (let i = 0; i < n; i++) {
      let acc = F.zero;
      for (let j = 0; j < n; j++) acc = F.sub(acc, F.mul(Cq[i]![j]!, ry[j]!.v));
      for (let j = 0; j < n; j++) {
        let cj = i === j ? F.one : F.zero;
        for (let l = 0; l < n; l++) cj = F.sub(cj, F.mul(Cq[i]![l]!, JY[l]![j]!));
        acc = F.add(acc, F.mul(cj, box));
      }
      if (F.sign(F.add(acc, rho)) !== 1 || F.sign(F.sub(rho, acc)) !== 1) return null;
    }
    return { lo, hi };
  }
}

/** The inverse of a square matrix in doubles (an approximate preconditioner), or null. */
function invert(A: readonly (readonly number[])[]): number[][] | null {
  const n = A.length;
  const cols: number[][] = [];
  for (let j = 0; j < n; j++) {
    const col = solveDense(A.map((r) => [...r]), Array.from({ length: n }, (_, i) => (i === j ? 1 : 0)));
    if (!col) return null;
    cols.push(col);
  }
  return Array.from({ length: n }, (_, i) => cols.map((c) => c[i]!));
}

/** Whether a = b holds exactly (rational arithmetic) at q. */
function exactlyZero(q: Point, a: Expr, b: Expr): boolean {
  try {
    const l = entries(q.evaluate(exactField, a) as Val<Rational>);
    let r = entries(q.evaluate(exactField, b) as Val<Rational>);
    if (r.length === 1 && l.length > 1 && r[0]!.isZero()) r = l.map(() => Rational.ZERO);
    return l.length === r.length && l.every((v, i) => v.equals(r[i]!));
  } catch {
    return false;
  }
}
