import type { Expr, MatrixTag, RelOp } from '../../ast.js';
import { visit } from '../../ast-walk.js';
import type { Counterexample } from '../../result.js';
import { printExpr } from '../../print.js';
import { Mat, isMat, type Val } from '../evaluator/field.js';
import { entries } from '../evaluator/linalg.js';
import { Rational, exactField } from '../evaluator/rational.js';
import { hasMatrix, type StepProblem } from '../problem.js';
import { freeNames } from '../rewrite.js';
import type { Rng } from '../rng.js';
import { impliedTags } from '../tags.js';
import { decideAt } from './at-point.js';
import { respectsTags } from './explore.js';
import { allLevels } from './levels.js';
import type { Point } from './point.js';
import { counterexample, formatSides } from './report.js';
import { meetByScaling, shrink, solveEqualities } from './search.js';
import { reducedRows } from './solve.js';
import { constantValue } from '../evaluator/interpret.js';
import { now } from '../../clock.js';

/**
 * Linear solves for one vector or matrix name X: where a condition E(X) = 0 is affine in X
 * with every other name fixed at the point (`A B = B A` in B, `x − 2y` in x, `1 + xᵀy` in x),
 * its solutions are found exactly — Gaussian elimination over the rationals on the vec(X)
 * system — as a particular solution (the least-norm one) plus the null space, and points are
 * put on that solution set, not at its trivial members (0, I, X = Y) that random draws hit.
 * Used to meet equation assumptions among vectors and matrices (`meetLinear`) and to search
 * the zero sets where a `≠`, `<` or `>` step can fail (`linearZeroSearch`). A point found is
 * never trusted: the assumptions and the step are decided there as everywhere else.
 */

/** At most this many unknowns (entries of X in its tag's subspace) are solved for. */
const MAX_UNKNOWNS = 64;

/** The residual's entries at a point in exact rationals, or null where it has no exact value. */
type Residual = (q: Point) => Rational[] | null;

/** The solutions of an affine condition in X: `particular` + any combination of `directions`. */
export interface LinearSolutions {
  readonly particular: Mat<Rational>;
  readonly directions: readonly Mat<Rational>[];
}

/** The entries of a − b (or of a alone) at a point, exactly; a scalar 0 against a matrix is its zero. */
function differenceResidual(a: Expr, b: Expr | null): Residual {
  return (q) => {
    try {
      const ls = entries(q.evaluate(exactField, a) as Val<Rational>);
      if (!b) return [...ls];
      let rs = entries(q.evaluate(exactField, b) as Val<Rational>);
      if (rs.length === 1 && ls.length > 1 && rs[0]!.isZero()) rs = ls.map(() => Rational.ZERO);
      if (ls.length !== rs.length) return null;
      return ls.map((v, i) => v.sub(rs[i]!));
    } catch {
      return null;
    }
  };
}

/** The residual of a tag on a matrix expression: S − Sᵀ for symmetric, the off-diagonal entries for diagonal. */
function tagResidual(subject: Expr, tag: MatrixTag): Residual | null {
  if (tag !== 'symmetric' && tag !== 'diagonal') return null;
  return (q) => {
    try {
      const s = q.evaluate(exactField, subject) as Val<Rational>;
      if (!isMat(s) || s.rows !== s.cols) return null;
      const out: Rational[] = [];
      for (let i = 0; i < s.rows; i++) {
        for (let j = 0; j < s.cols; j++) {
          if (tag === 'symmetric' && j > i) out.push(s.at(i, j).sub(s.at(j, i)));
          if (tag === 'diagonal' && j !== i) out.push(s.at(i, j));
        }
      }
      return out;
    } catch {
      return null;
    }
  };
}

/**
 * A basis of the matrices X's declared linear tags allow (all, symmetric, diagonal), so that
 * a solution keeps them; the other tags (invertible, orthogonal, positive definite beyond
 * symmetry) are checked on each point instead.
 */
function tagBasis(rows: number, cols: number, tags: ReadonlySet<MatrixTag>): Mat<Rational>[] {
  const unit = (cells: [number, number][]) => {
    const data = new Array<Rational>(rows * cols).fill(Rational.ZERO);
    for (const [i, j] of cells) data[i * cols + j] = Rational.ONE;
    return new Mat(rows, cols, data);
  };
  const all = impliedTags(tags as ReadonlySet<string>);
  const out: Mat<Rational>[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      if (all.has('diagonal') && i !== j) continue;
      if (all.has('symmetric') && rows === cols && j < i) continue;
      out.push(unit(i === j || !(all.has('symmetric') && rows === cols) ? [[i, j]] : [[i, j], [j, i]]));
    }
  }
  return out;
}

/** Σ t_j B_j. */
function combine(basis: readonly Mat<Rational>[], t: readonly Rational[], like: Mat<Rational>): Mat<Rational> {
  const data = like.data.map(() => Rational.ZERO);
  basis.forEach((b, j) => {
    if (t[j]!.isZero()) return;
    b.data.forEach((v, i) => {
      if (!v.isZero()) data[i] = data[i]!.add(v.mul(t[j]!));
    });
  });
  return new Mat(like.rows, like.cols, data);
}

/**
 * Solves residual(X) = 0 for the vector or matrix `key` where it is affine in X (confirmed
 * exactly at two random X) with everything else as at `point`: the least-norm solution and a
 * basis of the null space, both within the subspace X's symmetric/diagonal tags allow. Null
 * where the residual is not affine in X, not rational here, or has no solution.
 */
export function solveAffine(point: Point, key: string, residual: Residual, rng: Rng): LinearSolutions | null {
  const drawn = point.values.get(key)?.value;
  if (!drawn || !isMat(drawn)) return null;
  const x0 = drawn as Mat<Rational>;
  const basis = tagBasis(x0.rows, x0.cols, point.prep.tagsByKey.get(key) ?? point.ctx.scope.get(key)?.tags ?? new Set());
  const m = basis.length;
  if (m === 0 || m > MAX_UNKNOWNS) return null;
  const at = (t: readonly Rational[]) => residual(point.replacing(key, combine(basis, t, x0)));
  const zero = basis.map(() => Rational.ZERO);
  const r0 = at(zero);
  if (!r0 || r0.length === 0) return null;
  // Affine first along one random direction (three evaluations: most nonlinear conditions stop here).
  const probe = basis.map(() => Rational.of(rng.int(-9, 9)).div(Rational.of(rng.int(1, 4))));
  const r1 = at(probe);
  const r2 = at(probe.map((v) => v.add(v)));
  if (!r1 || !r2 || r1.length !== r0.length || r2.length !== r0.length) return null;
  for (let i = 0; i < r0.length; i++) if (!r2[i]!.sub(r0[i]!).equals(r1[i]!.sub(r0[i]!).add(r1[i]!.sub(r0[i]!)))) return null;
  const cols: Rational[][] = [];
  for (let j = 0; j < m; j++) {
    const t = zero.map((_, i) => (i === j ? Rational.ONE : Rational.ZERO));
    const rj = at(t);
    if (!rj || rj.length !== r0.length) return null;
    cols.push(rj.map((v, i) => v.sub(r0[i]!)));
  }
  // Then exactly: the residual at the probe is r0 + Σ t_j c_j.
  for (let i = 0; i < r0.length; i++) {
    let s = r0[i]!;
    for (let j = 0; j < m; j++) if (!probe[j]!.isZero()) s = s.add(probe[j]!.mul(cols[j]![i]!));
    if (!s.equals(r1[i]!)) return null;
  }
  const solved = solveExact(cols, r0.map((v) => v.neg()));
  if (!solved) return null;
  return {
    particular: combine(basis, solved.particular, x0),
    directions: solved.nullSpace.map((t) => combine(basis, t, x0)),
  };
}

/**
 * Σ_j t_j c_j = rhs in exact rationals (Gauss–Jordan): the least-norm solution t = Mᵀ(M Mᵀ)⁻¹d
 * of the reduced rows M t = d, and a basis of the null space (one vector per free unknown).
 * Null if inconsistent.
 */
export function solveExact(cols: readonly (readonly Rational[])[], rhs: readonly Rational[]): { particular: Rational[]; nullSpace: Rational[][] } | null {
  const m = cols.length;
  const reduced = reducedRows(cols, rhs);
  if (!reduced) return null;
  const { rows, pivots } = reduced;
  const r = pivots.length;
  const free = [...Array(m).keys()].filter((j) => !pivots.includes(j));
  const nullSpace = free.map((f) => {
    const t = new Array<Rational>(m).fill(Rational.ZERO);
    t[f] = Rational.ONE;
    pivots.forEach((c, i) => { t[c] = rows[i]![f]!.neg(); });
    return t;
  });
  // Least norm: t = Mᵀ z with (M Mᵀ) z = d, M the r reduced rows (full row rank).
  const M = rows.slice(0, r);
  const d = M.map((row) => row[m]!);
  let particular = new Array<Rational>(m).fill(Rational.ZERO);
  if (d.some((v) => !v.isZero())) {
    const gram = M.map((a) => M.map((b) => a.slice(0, m).reduce((s, v, j) => (v.isZero() ? s : s.add(v.mul(b[j]!))), Rational.ZERO)));
    const z = solveSquare(gram, d);
    if (z) particular = particular.map((_, j) => M.reduce((s, row, i) => s.add(row[j]!.mul(z[i]!)), Rational.ZERO));
    else pivots.forEach((c, i) => { particular[c] = d[i]!; });
  }
  return { particular, nullSpace };
}

/** G z = d for a nonsingular square G (Gauss–Jordan) over the rationals, or null where G is singular. */
export function solveSquare(g: Rational[][], d: Rational[]): Rational[] | null {
  const n = d.length;
  const rows = g.map((row, i) => [...row, d[i]!]);
  for (let c = 0; c < n; c++) {
    const p = rows.findIndex((row, i) => i >= c && !row[c]!.isZero());
    if (p < 0) return null;
    [rows[c], rows[p]] = [rows[p]!, rows[c]!];
    const pv = rows[c]![c]!;
    rows[c] = rows[c]!.map((v) => v.div(pv));
    for (let i = 0; i < n; i++) {
      if (i === c || rows[i]![c]!.isZero()) continue;
      const f = rows[i]![c]!;
      rows[i] = rows[i]!.map((v, j) => v.sub(f.mul(rows[c]![j]!)));
    }
  }
  return rows.map((row) => row[n]!);
}

/**
 * Values of X on a solution set, nontrivial first: the particular solution plus a random
 * combination of the null space (coefficients ±1, ±2), then plus each of the first
 * directions alone, then the particular solution itself (X = −y for 1 + xᵀy = 0 with y a
 * unit vector) — which a quarter of the time comes first. At most `count`, none repeated.
 */
function solutionValues(s: LinearSolutions, rng: Rng, count: number): Mat<Rational>[] {
  const out: Mat<Rational>[] = [];
  const seen = new Set<string>();
  const add = (x: Mat<Rational>) => {
    const id = x.data.map(String).join(',');
    if (seen.has(id) || out.length >= count) return;
    seen.add(id);
    out.push(x);
  };
  const plus = (x: Mat<Rational>, d: Mat<Rational>, c: Rational) => x.map((v, i) => v.add(d.data[i]!.mul(c)));
  // (A quarter of the time the least-norm solution first: a strict bound ties there, and only
  // there — `‖x‖ > 1/2` under uᵀx = 1/2 with ‖u‖ = 1 fails at x = u/2, red team rt73.)
  if (s.directions.length > 0 && rng.int(0, 3) === 0) add(s.particular);
  if (s.directions.length > 0) {
    let x = s.particular;
    for (const d of s.directions) x = plus(x, d, Rational.of(rng.int(1, 2) * (rng.int(0, 1) === 0 ? -1 : 1)));
    add(x);
    for (const d of s.directions.slice(0, 2)) add(plus(s.particular, d, Rational.ONE));
  }
  add(s.particular);
  return out;
}

/** The vector and matrix keys an expression or formula reads directly, drawn at the point, in order. */
function matrixKeysOf(point: Point, es: readonly Expr[]): string[] {
  const keys: string[] = [];
  for (const e of es) {
    for (const v of freeNames(e)) {
      const found = point.ctx.scope.lookup(v.name);
      if (!found || found.index || found.info.shape.kind !== 'matrix') continue;
      const k = found.info.key;
      if (!keys.includes(k)) keys.push(k);
    }
  }
  return keys.filter((k) => isMat(point.values.get(k)?.value ?? Rational.ZERO));
}

/**
 * Meets the unmet equation assumptions among vectors and matrices that are affine in one of
 * their names (`assume A B = B A`: B on the commutant of the drawn A; `assume A B symmetric`:
 * A B − (A B)ᵀ = 0), where rejection sampling meets them only at trivial points and Newton's
 * method cannot prove a root (a null space: the solutions are not isolated). The other
 * assumptions are then met as usual; the point is kept only if every assumption holds.
 */
export function meetLinear(p: StepProblem, start: Point, rng: Rng, deadline: number,
  /** Names not to solve for (vectors meetOrthonormal put on a frame). */
  fixed?: ReadonlySet<string>): Point | null {
  const levels = allLevels();
  let point = start;
  let solvedAny = false;
  for (const c of p.prep.checks) {
    if (p.prep.byConstruction.has(c) || now() > deadline) continue;
    const f = c.formula;
    let residual: Residual | null = null;
    let sides: Expr[] = [];
    if (f.kind === 'Compare' && f.ops.length === 1 && f.ops[0] === '=' && f.operands.length === 2) {
      const [a, b] = f.operands as [Expr, Expr];
      if (!hasMatrix(a) && !hasMatrix(b)) continue;
      residual = differenceResidual(a, b);
      sides = [a, b];
    } else if (f.kind === 'TagFact' && f.subject.kind !== 'Var') {
      residual = tagResidual(f.subject, f.tag);
      sides = [f.subject];
    }
    if (!residual || point.truth(f, levels) === true) continue;
    // (A derived point draws its values when they are first used: use them.)
    for (const e of sides) {
      try {
        point.evaluate(exactField, e);
      } catch {
        // drawn all the same
      }
    }
    let met: Point | null = null;
    // The name written last first (`A B = B A`: B given the drawn A).
    for (const key of matrixKeysOf(point, sides).reverse()) {
      if (now() > deadline) break;
      if (fixed?.has(key)) continue;
      const s = solveAffine(point, key, residual, rng);
      if (!s) continue;
      for (const x of solutionValues(s, rng, 2)) {
        const q = point.replacing(key, x, rng);
        q.deadline = deadline;
        if (!respectsTags(q, key) || q.truth(f, levels) !== true) continue;
        met = q;
        break;
      }
      if (met) break;
    }
    if (!met) return null;
    point = met;
    solvedAny = true;
  }
  if (!solvedAny) return null;
  if (point.satisfiesAssumptions(levels)) return point;
  const rest = solveEqualities(p, point, rng, deadline) ?? meetByScaling(p, point, rng);
  return rest && rest.satisfiesAssumptions(levels) ? rest : null;
}

/**
 * Points where a vector or matrix inside a norm, |·| or wᵀw of `parts` is 0 (‖u − v‖ at u = v, ‖M u‖
 * at u = 0, ‖M − N‖ at M = N): each such argument solved for each vector or matrix it reads
 * (solveAffine), from `base`, one solution each; at most `max`. Not checked against the
 * assumptions (the caller does). For the pole search: a divisor ‖u − v‖ + x² is 0 only there.
 */
export function normZeroPoints(base: Point, parts: readonly Expr[], rng: Rng, deadline: number, max: number): Point[] {
  const out: Point[] = [];
  const seen = new Set<string>();
  const args: Expr[] = [];
  for (const g of parts) {
    visit(g, (x) => {
      // ‖w‖, |w|, and wᵀw (also inside tr): 0 exactly where w is.
      const w = (x.kind === 'Norm' || x.kind === 'Abs') ? x.arg
        : x.kind === 'Binary' && x.op === '*' && x.left.kind === 'Transpose' && printExpr(x.left.arg) === printExpr(x.right) ? x.right : null;
      if (!w || w.shape?.kind !== 'matrix') return;
      const id = printExpr(w);
      if (seen.has(id)) return;
      seen.add(id);
      args.push(w);
    });
  }
  for (const arg of args) {
    const residual = differenceResidual(arg, null);
    // (Its names drawn first: a derived point draws its values when they are first used.)
    residual(base);
    for (const key of matrixKeysOf(base, [arg])) {
      // (From the others rounded onto rational points first where they are known only within
      // bounds, as linearZeroSearch does: a unit vector under ‖u‖ = 1, which ‖u − v‖ needs v = u
      // of, red team rt105.)
      for (const from of [...simplified(base, key, rng), base]) {
        if (out.length >= max || now() > deadline) return out;
        const plain = from.enclosures.size === 0 ? from : from.derive(rng, (k, v) => (from.enclosures.has(k) && isMat(v) ? v.map((x) => x) : v));
        residual(plain);
        const s = solveAffine(plain, key, residual, rng);
        if (!s) continue;
        for (const v of solutionValues(s, rng, 1)) out.push(from.replacing(key, v, rng));
      }
    }
  }
  return out;
}

/**
 * The point with its vectors and matrices known only within bounds (a unit vector under
 * ‖u‖ = 1) rounded onto rational points (`simplified`), where there are such: a divisor
 * ‖u‖ − 1 + y² is exactly y² there, and 0 at y = 0. Not checked against the assumptions.
 */
export function roundedPoints(base: Point, rng: Rng): Point[] {
  return simplified(base, '', rng);
}

/**
 * Points on an assumed bound of the norm of a vector expression: for `‖w‖ ≥ k`, `‖w‖² ≤ k`,
 * `k < ‖w‖` … with k a number, w solved for each vector or matrix it reads so that w = c·e₁,
 * c = k (or √k for a square, where that is rational): ‖u − v‖ ≥ 1 holds with equality at
 * v = u − e₁, where `‖u − v‖ > 1` fails (red team rt106: checked; a single vector's bound was
 * met already, edges.ts). At most `max`; not checked against the assumptions.
 */
export function normBoundPoints(base: Point, rng: Rng, deadline: number, max: number,
  /** The signs of c tried: −c·e₁ too puts two vectors on their bounds opposite each other (‖u − v‖ < 1 under ‖u‖, ‖v‖ ≤ 1/2 fails at u = −v = e₁/2). */
  signs: readonly (1 | -1)[] = [1]): Point[] {
  const out: Point[] = [];
  for (const { w, size: positive } of normBounds(base)) for (const sign of signs) {
    const size = sign < 0 ? positive.neg() : positive;
    const target = (q: Point): Rational[] | null => {
      try {
        const v = q.evaluate(exactField, w) as Val<Rational>;
        const es = entries(v);
        return es.map((x, i) => x.sub(i === 0 ? size : Rational.ZERO));
      } catch {
        return null;
      }
    };
    target(base);
    for (const key of matrixKeysOf(base, [w])) {
      if (out.length >= max || now() > deadline) return out;
      const s = solveAffine(base, key, target, rng);
      if (!s) continue;
      for (const v of solutionValues(s, rng, 1)) out.push(base.replacing(key, v, rng));
    }
  }
  return out;
}

/**
 * The assumed bounds on the norm of a vector expression that normBoundPoints meets: `‖w‖ ≥ k`,
 * `‖w‖² ≤ k`, `k < ‖w‖` … with k a positive number (its square root rational, for a square),
 * as w and the size ‖w‖ takes on the bound.
 */
export function normBounds(base: Point): { w: Expr; size: Rational }[] {
  const out: { w: Expr; size: Rational }[] = [];
  for (const c of base.prep.checks) {
    const f = c.formula;
    if (c.forAll.length > 0 || f.kind !== 'Compare' || f.ops.length !== 1 || f.ops[0] === '=' || f.ops[0] === '≠') continue;
    for (const [side, other] of [[f.operands[0]!, f.operands[1]!], [f.operands[1]!, f.operands[0]!]] as const) {
      const k = constantValue(other);
      if (!k || k.sign() <= 0) continue;
      const squared = side.kind === 'Binary' && side.op === '^' && side.right.kind === 'Num' && side.right.value === '2';
      const norm = squared ? (side as Extract<Expr, { kind: 'Binary' }>).left : side;
      if (norm.kind !== 'Norm' || norm.arg.shape?.kind !== 'matrix' || norm.sub !== null && norm.sub !== undefined) continue;
      const size = squared ? k.sqrt() : k;
      if (size) out.push({ w: norm.arg, size });
    }
  }
  return out;
}

/** At most this many solves, and points on solution sets, per step. */
const MAX_SOLVES = 24;
const MAX_POINTS = 24;

/**
 * Where a `≠`, `<` or `>` step can fail and random points never land: the zero sets of
 * left − right and of each vector or matrix inside a norm or |·| (`‖x − 2y‖ ≠ 0` at x = 2y,
 * `‖A − 2I‖_F ≠ 0` at A = 2I, `1 + xᵀy ≠ 0` at x = −y), each solved for each of its vector
 * and matrix names in turn (solveAffine), from each of `bases`; where the others are known
 * only within bounds (a unit vector Newton proved, for `assume ‖y‖ = 1`), first from them
 * rounded to whole numbers or to their largest entry's axis (y ≈ [0.316, 0.949] as [0, 1]: a
 * rational point on the sphere). The step is decided there only where every assumption
 * holds, strictly (met again by solving where the solve broke one); `tight`: a point where
 * its sides could not be told apart.
 */
export function linearZeroSearch(p: StepProblem, bases: readonly Point[], rng: Rng, deadline: number): Counterexample | { tight: Point } | null {
  const rel = p.rel as RelOp;
  if (rel !== '≠' && rel !== '<' && rel !== '>' || bases.length === 0) return null;
  const left = p.left as Expr;
  const right = p.right as Expr;
  const levels = allLevels();
  const conditions: { a: Expr; b: Expr | null }[] = [{ a: left, b: right }];
  const seen = new Set<string>();
  for (const side of [left, right]) {
    visit(side, (x) => {
      if (x.kind !== 'Norm' && x.kind !== 'Abs') return;
      const id = printExpr(x.arg);
      if (seen.has(id) || freeNames(x.arg).length === 0) return;
      seen.add(id);
      conditions.push({ a: x.arg, b: null });
    });
  }
  let tight: Point | null = null;
  let solves = 0;
  let tried = 0;
  const done = () => solves >= MAX_SOLVES || tried >= MAX_POINTS || now() > deadline;
  for (const base of bases) {
    const touchedKeys = [...base.values.keys()].filter((k) => base.touched.has(k) && isMat(base.values.get(k)!.value));
    for (const { a, b } of conditions) {
      const residual = differenceResidual(a, b);
      for (const key of matrixKeysOf(base, b ? [a, b] : [a]).filter((k) => touchedKeys.includes(k))) {
        for (const from of [...simplified(base, key, rng), base]) {
          if (done()) return tight ? { tight } : null;
          // The solve reads exact values: a vector known only within bounds is read at its midpoint.
          const plain = from.enclosures.size === 0 ? from : from.derive(rng, (k, v) => (from.enclosures.has(k) && isMat(v) ? v.map((x) => x) : v));
          solves++;
          // (A derived point draws its values when they are first used: use them.)
          for (const e of b ? [a, b] : [a]) {
            try {
              plain.evaluate(exactField, e);
            } catch {
              // drawn all the same
            }
          }
          const s = solveAffine(plain, key, residual, rng);
          if (!s) continue;
          for (const x of solutionValues(s, rng, 3)) {
            if (done()) break;
            tried++;
            const found = decideOn(p, from.replacing(key, x, rng), key, rng, deadline, levels);
            if (found && 'tight' in found) tight ??= found.tight;
            else if (found) return found;
          }
        }
      }
    }
  }
  return tight ? { tight } : null;
}

/** The step at a point put on a solution set, where it keeps X's tags and meets every assumption strictly. */
function decideOn(p: StepProblem, start: Point, key: string, rng: Rng, deadline: number, levels: ReturnType<typeof allLevels>): Counterexample | { tight: Point } | null {
  let q = start;
  q.deadline = deadline;
  try {
    if (!respectsTags(q, key)) return null;
    if (!q.satisfiesAssumptions(levels, true)) {
      const again = solveEqualities(p, q, rng, deadline) ?? meetByScaling(p, q, rng);
      if (!again) return null;
      again.deadline = deadline;
      if (!again.satisfiesAssumptions(levels, true)) return null;
      q = again;
    }
    q.touched.clear();
    const o = decideAt(q, p.left as Expr, p.rel as RelOp, p.right as Expr, levels);
    if (o.kind === 'fails') {
      const small = shrink(p, q, rng, deadline);
      const [l, r] = small ? formatSides(small.F, small.left, small.right) : formatSides(o.F, o.left, o.right);
      return counterexample(small?.point ?? q, l, r);
    }
    return o.kind === 'undecided' ? { tight: q } : null;
  } catch {
    return null;
  }
}

/**
 * `base` with its vectors and matrices known only within bounds, other than `except`, made
 * exact: each entry rounded to a whole number, or the largest entry's axis with its sign
 * (y ≈ [0.316, 0.949] as [0, 1]), also at the vector's length where that is a multiple of 1/12
 * (under ‖u‖ = 2: [0, 2]). Whether the assumptions still hold is for the caller's point.
 */
function simplified(base: Point, except: string, rng: Rng): Point[] {
  const boxed = [...base.enclosures.keys()].filter((k) => k !== except && isMat(base.values.get(k)?.value ?? base.overrides.get(k) ?? Rational.ZERO));
  if (boxed.length === 0) return [];
  const round = (x: Rational) => {
    const twice = x.n * 2n + x.d;
    const den = 2n * x.d;
    return new Rational(twice >= 0n ? twice / den : -((-twice + den - 1n) / den));
  };
  const axis = (v: Mat<Rational>) => {
    const abs = (x: Rational) => (x.sign() < 0 ? x.neg() : x);
    let best = 0;
    v.data.forEach((x, i) => { if (abs(x).cmp(abs(v.data[best]!)) > 0) best = i; });
    return v.map((x, i) => (i === best ? Rational.of(x.sign()) : Rational.ZERO));
  };
  // (And the axis at the vector's length where that is a short fraction: under ‖u‖ = 2, u on
  // its axis has length 2 — the unit axis broke the assumption, red team rt105.)
  const scaledAxis = (v: Mat<Rational>) => {
    const length = Math.sqrt(v.data.reduce((t, x) => t + x.toNumber() ** 2, 0));
    const k = Math.round(length * 12);
    if (k === 0 || Math.abs(length - k / 12) > 1e-9 * Math.max(1, length)) return axis(v);
    const c = new Rational(BigInt(k), 12n);
    return axis(v).map((x) => x.mul(c));
  };
  const out: Point[] = [];
  const ids = new Set<string>();
  for (const f of [(v: Mat<Rational>) => v.map(round), axis, scaledAxis]) {
    const made = new Map<string, Mat<Rational>>();
    const q = base.derive(rng, (k, v) => {
      if (!boxed.includes(k) || !isMat(v)) return v;
      const m = f(v as Mat<Rational>);
      made.set(k, m);
      return m;
    });
    const id = [...made.values()].map((m) => m.data.map(String).join(',')).join(';');
    if (ids.has(id)) continue;
    ids.add(id);
    q.deadline = base.deadline;
    out.push(q);
  }
  return out;
}
