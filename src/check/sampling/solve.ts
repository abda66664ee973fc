import type { Expr } from '../../ast.js';
import { Mat, isMat, type Val } from '../evaluator/field.js';
import { entries } from '../evaluator/linalg.js';
import { Rational, exactField } from '../evaluator/rational.js';
import type { Rng } from '../rng.js';
import type { Point } from './point.js';

/**
 * Solves an equation `a = b` for a vector or matrix unknown when it is affine in it (the
 * usual case: `(1 + λ) w = b`, `A w = b`, `H (x − x₀) = −g`): the residual's entries are
 * read off at X = 0 and at each basis matrix, affinity is confirmed exactly at a random X,
 * and the linear system is solved in exact rationals. Free directions of an
 * underdetermined system keep their drawn values. Null when the equation is not affine in
 * the unknown, has no solution, or is not rational at this point.
 */
export function solveLinear(point: Point, key: string, a: Expr, b: Expr, rng: Rng): Point | null {
  const drawn = point.values.get(key)?.value;
  if (!drawn || !isMat(drawn)) return null;
  const x0 = drawn as Mat<Rational>;
  const m = x0.data.length;
  if (m > 36) return null;
  const residual = (x: Mat<Rational>): Rational[] | null => {
    try {
      const q = point.replacing(key, x, rng);
      const l = q.evaluate(exactField, a);
      const r = q.evaluate(exactField, b);
      const ls = entries(l as Val<Rational>);
      let rs = entries(r as Val<Rational>);
      if (rs.length === 1 && ls.length > 1 && rs[0]!.isZero()) rs = ls.map(() => Rational.ZERO);
      if (ls.length !== rs.length) return null;
      return ls.map((v, i) => v.sub(rs[i]!));
    } catch {
      return null;
    }
  };
  const basis = (j: number | null, scale: (i: number) => Rational = () => Rational.ONE): Mat<Rational> =>
    new Mat(x0.rows, x0.cols, x0.data.map((_, i) => (j === null ? scale(i) : i === j ? Rational.ONE : Rational.ZERO)));
  const r0 = residual(basis(null, () => Rational.ZERO));
  if (!r0) return null;
  const cols: Rational[][] = [];
  for (let j = 0; j < m; j++) {
    const rj = residual(basis(j));
    if (!rj) return null;
    cols.push(rj.map((v, i) => v.sub(r0[i]!)));
  }
  // Affine in X: the residual at a random X is r0 + Σ x_j c_j.
  const probe = x0.data.map(() => Rational.of(rng.int(-9, 9)).div(Rational.of(rng.int(1, 4))));
  const rp = residual(new Mat(x0.rows, x0.cols, probe));
  if (!rp) return null;
  for (let i = 0; i < r0.length; i++) {
    let s = r0[i]!;
    for (let j = 0; j < m; j++) s = s.add(probe[j]!.mul(cols[j]![i]!));
    if (!s.equals(rp[i]!)) return null;
  }
  const x = solveSystem(cols, r0.map((v) => v.neg()), x0.data);
  return x ? point.replacing(key, new Mat(x0.rows, x0.cols, x), rng) : null;
}

/**
 * Σ_j x_j c_j = rhs (columns c_j of k rationals each) in reduced row echelon form, exactly
 * (Gauss–Jordan): the rows [coefficients…, right side] and the pivot column of each of the
 * first `pivots.length` rows. Null if inconsistent.
 */
export function reducedRows(cols: readonly (readonly Rational[])[], rhs: readonly Rational[]): { rows: Rational[][]; pivots: number[] } | null {
  const m = cols.length;
  const k = rhs.length;
  const rows: Rational[][] = Array.from({ length: k }, (_, i) => [...cols.map((c) => c[i]!), rhs[i]!]);
  const pivots: number[] = [];
  let r = 0;
  for (let c = 0; c < m && r < k; c++) {
    const p = rows.findIndex((row, i) => i >= r && !row[c]!.isZero());
    if (p < 0) continue;
    [rows[r], rows[p]] = [rows[p]!, rows[r]!];
    const pv = rows[r]![c]!;
    rows[r] = rows[r]!.map((v) => v.div(pv));
    for (let i = 0; i < k; i++) {
      if (i === r || rows[i]![c]!.isZero()) continue;
      const f = rows[i]![c]!;
      rows[i] = rows[i]!.map((v, j) => v.sub(f.mul(rows[r]![j]!)));
    }
    pivots.push(c);
    r++;
  }
  for (let i = r; i < k; i++) if (!rows[i]![m]!.isZero()) return null;
  return { rows, pivots };
}

/** Solves Σ_j x_j c_j = rhs exactly (Gauss–Jordan); free unknowns keep `fallback`. Null if inconsistent. */
function solveSystem(cols: Rational[][], rhs: Rational[], fallback: readonly Rational[]): Rational[] | null {
  const m = cols.length;
  const reduced = reducedRows(cols, rhs);
  if (!reduced) return null;
  const { rows, pivots } = reduced;
  const x = [...fallback];
  for (let i = pivots.length - 1; i >= 0; i--) {
    const c = pivots[i]!;
    let s = rows[i]![m]!;
    for (let j = 0; j < m; j++) if (j !== c && !pivots.includes(j)) s = s.sub(rows[i]![j]!.mul(x[j]!));
    x[c] = s;
  }
  return x;
}
