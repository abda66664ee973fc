import { Inexact, Mat, Undecided, Undefined, Unsupported, isMat, type Field, type Sign, type Val } from './field.js';

/**
 * Linear algebra over any backend: shapes were checked by the shape pass, so these only
 * guard what a sampled size can still break. A 1×1 result of a product is a scalar.
 */

export function zeros<S>(F: Field<S>, rows: number, cols: number): Val<S> {
  if (rows === 1 && cols === 1) return F.zero;
  return new Mat(rows, cols, new Array<S>(rows * cols).fill(F.zero));
}

export function identity<S>(F: Field<S>, n: number): Mat<S> {
  const data = new Array<S>(n * n).fill(F.zero);
  for (let i = 0; i < n; i++) data[i * n + i] = F.one;
  return new Mat(n, n, data);
}

/** A 1×1 matrix as its scalar. */
export function scalarOf<S>(v: Val<S>): Val<S> {
  return isMat(v) && v.rows === 1 && v.cols === 1 ? v.data[0]! : v;
}

export function add<S>(F: Field<S>, a: Val<S>, b: Val<S>): Val<S> {
  if (!isMat(a) && !isMat(b)) return F.add(a, b);
  if (isMat(a) && isMat(b)) {
    if (a.rows !== b.rows || a.cols !== b.cols) throw new Unsupported(`adding a ${a.rows}×${a.cols} to a ${b.rows}×${b.cols} value`);
    return scalarOf(new Mat(a.rows, a.cols, a.data.map((x, i) => F.add(x, b.data[i]!))));
  }
  // A scalar 0 stands for the zero of any shape.
  const [m, s] = isMat(a) ? [a, b as S] : [b as Mat<S>, a as S];
  if (zeroSign(F, s) === 0) return m;
  // (A 1×1 matrix is its scalar, as a 1×1 product is: I_m − y yᵀ/‖y‖² at m = 1.)
  if (m.rows === 1 && m.cols === 1) return F.add(m.data[0]!, s);
  throw new Unsupported('adding a scalar to a vector or matrix');
}

export function neg<S>(F: Field<S>, a: Val<S>): Val<S> {
  return isMat(a) ? a.map((x) => F.neg(x)) : F.neg(a);
}

export function sub<S>(F: Field<S>, a: Val<S>, b: Val<S>): Val<S> {
  return add(F, a, neg(F, b));
}

export function mul<S>(F: Field<S>, a: Val<S>, b: Val<S>): Val<S> {
  if (!isMat(a) && !isMat(b)) return F.mul(a, b);
  if (!isMat(a)) return (b as Mat<S>).map((x) => F.mul(a, x));
  if (!isMat(b)) return a.map((x) => F.mul(x, b));
  if (a.cols !== b.rows) throw new Unsupported(`multiplying a ${a.rows}×${a.cols} by a ${b.rows}×${b.cols} value`);
  const out = new Array<S>(a.rows * b.cols);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < b.cols; j++) {
      let s = F.zero;
      for (let k = 0; k < a.cols; k++) s = F.add(s, F.mul(a.data[i * a.cols + k]!, b.data[k * b.cols + j]!));
      out[i * b.cols + j] = s;
    }
  }
  return scalarOf(new Mat(a.rows, b.cols, out));
}

export function div<S>(F: Field<S>, a: Val<S>, b0: Val<S>): Val<S> {
  const b = scalarOf(b0);
  if (isMat(b)) throw new Unsupported('division by a vector or matrix');
  return isMat(a) ? a.map((x) => F.div(x, b)) : F.div(a, b);
}

export function transpose<S>(a: Val<S>): Val<S> {
  if (!isMat(a)) return a;
  const out = new Array<S>(a.data.length);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) out[j * a.rows + i] = a.data[i * a.cols + j]!;
  return new Mat(a.cols, a.rows, out);
}

export function trace<S>(F: Field<S>, a: Val<S>): S {
  if (!isMat(a)) return a;
  if (a.rows !== a.cols) throw new Undefined('the trace of a matrix that is not square');
  let s = F.zero;
  for (let i = 0; i < a.rows; i++) s = F.add(s, a.data[i * a.cols + i]!);
  return s;
}

/** The sign where the field has an order; where it has none (residues), 0 or 1 for zero or not. */
function zeroSign<S>(F: Field<S>, a: S): Sign {
  return F.isZero ? (F.isZero(a) ? 0 : 1) : F.sign(a);
}

/** The row (from `from`) to pivot on: certainly nonzero, largest estimated magnitude; null if all are certainly 0. */
function pivotRow<S>(F: Field<S>, rows: S[][], col: number, from: number): number | null {
  let best: number | null = null;
  let undecided = false;
  for (let r = from; r < rows.length; r++) {
    const s = zeroSign(F, rows[r]![col]!);
    if (s === null) undecided = true;
    else if (s !== 0 && (best === null || F.magnitude(rows[r]![col]!) > F.magnitude(rows[best]![col]!))) best = r;
  }
  if (best === null && undecided) throw new Undecided('cannot tell whether a pivot is 0');
  return best;
}

/** A⁻¹ by Gauss–Jordan with partial pivoting; Undefined where A is singular. */
export function inverse<S>(F: Field<S>, a: Val<S>): Val<S> {
  if (!isMat(a)) return F.div(F.one, a);
  const n = a.rows;
  if (n !== a.cols) throw new Undefined('the inverse of a matrix that is not square');
  const rows = Array.from({ length: n }, (_, i) => [
    ...a.data.slice(i * n, i * n + n),
    ...Array.from({ length: n }, (_, j) => (i === j ? F.one : F.zero)),
  ]);
  for (let col = 0; col < n; col++) {
    const p = pivotRow(F, rows, col, col);
    if (p === null) throw new Undefined('the matrix is not invertible here');
    [rows[col], rows[p]] = [rows[p]!, rows[col]!];
    const pr = rows[col]!;
    const pv = pr[col]!;
    for (let j = 0; j < 2 * n; j++) pr[j] = F.div(pr[j]!, pv);
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const row = rows[r]!;
      const f = row[col]!;
      if (zeroSign(F, f) === 0) continue;
      for (let j = 0; j < 2 * n; j++) row[j] = F.sub(row[j]!, F.mul(f, pr[j]!));
    }
  }
  return new Mat(n, n, rows.flatMap((row) => row.slice(n)));
}

/** det A by elimination with partial pivoting. */
export function det<S>(F: Field<S>, a: Val<S>): S {
  if (!isMat(a)) return a;
  const n = a.rows;
  if (n !== a.cols) throw new Undefined('the determinant of a matrix that is not square');
  const rows = Array.from({ length: n }, (_, i) => a.data.slice(i * n, i * n + n));
  let d = F.one;
  for (let col = 0; col < n; col++) {
    const p = pivotRow(F, rows, col, col);
    if (p === null) return F.zero;
    if (p !== col) {
      [rows[col], rows[p]] = [rows[p]!, rows[col]!];
      d = F.neg(d);
    }
    const pr = rows[col]!;
    d = F.mul(d, pr[col]!);
    for (let r = col + 1; r < n; r++) {
      const row = rows[r]!;
      const f = F.div(row[col]!, pr[col]!);
      for (let j = col; j < n; j++) row[j] = F.sub(row[j]!, F.mul(f, pr[j]!));
    }
  }
  return d;
}

/** A^k for a whole k by repeated squaring (negative: of the inverse). */
export function matPow<S>(F: Field<S>, a: Mat<S>, k: bigint): Val<S> {
  if (a.rows !== a.cols) throw new Undefined('a power of a matrix that is not square');
  if (k > 100_000n || k < -100_000n) throw new Unsupported('a matrix power too large to evaluate');
  let base: Val<S> = k < 0n ? inverse(F, a) : a;
  let result: Val<S> = identity(F, a.rows);
  for (let e = k < 0n ? -k : k; e > 0n; e >>= 1n) {
    if (e & 1n) result = mul(F, result, base);
    if (e > 1n) base = mul(F, base, base);
  }
  return result;
}

/** The entries of a value, row by row (a scalar is one entry). */
export function entries<S>(v: Val<S>): readonly S[] {
  return isMat(v) ? v.data : [v];
}

/** diag(v): the square matrix with v's entries on its diagonal. */
export function diag<S>(F: Field<S>, v: Val<S>): Mat<S> {
  const xs = entries(v);
  const n = xs.length;
  const data = new Array<S>(n * n).fill(F.zero);
  for (let i = 0; i < n; i++) data[i * n + i] = xs[i]!;
  return new Mat(n, n, data);
}

/** xᵀx for a vector (or the sum of squared entries of any value). */
export function sumSquares<S>(F: Field<S>, v: Val<S>): S {
  let s = F.zero;
  // (A square, not x·x: an enclosure holding 0 squares to one from 0, [−ε, ε]·[−ε, ε] would
  // reach −ε², and √ of the sum was undecided where a vector's entries straddle 0.)
  for (const x of entries(v)) s = F.add(s, F.powInt(x, 2n));
  return s;
}

/** λ_max of a symmetric matrix (enclosing backends only). */
export function lambdaMax<S>(F: Field<S>, a: Val<S>): S {
  if (!isMat(a)) return a;
  if (a.rows !== a.cols) throw new Undefined('λ_max of a matrix that is not square');
  // A diagonal matrix (diag(v), I, a product of them): its largest entry, in any backend.
  const n = a.rows;
  let diagonal = true;
  for (let i = 0; i < n && diagonal; i++) for (let j = 0; j < n; j++) if (i !== j && zeroSign(F, a.data[i * n + j]!) !== 0) { diagonal = false; break; }
  if (diagonal) {
    let m: S = a.data[0] as S;
    for (let i = 1; i < n; i++) m = F.max(m, a.data[i * n + i]!);
    return m;
  }
  if (!F.lambdaMax) throw new Inexact(`eigenvalues are not computed in ${F.name} arithmetic`);
  return F.lambdaMax(a.data, a.rows);
}

/** Norms already computed, per matrix value and backend (a product ∏ ‖W‖ asks T times). */
const norms = new WeakMap<object, Map<string, unknown>>();

/** The L2 norm: Euclidean for a vector, the largest singular value √λ_max(AᵀA) for a matrix. */
export function norm<S>(F: Field<S>, a: Val<S>): S {
  if (!isMat(a)) return F.elementary('abs', a);
  if (a.rows === 1 || a.cols === 1) return F.elementary('sqrt', sumSquares(F, a));
  let memo = norms.get(a);
  const known = memo?.get(F.name) as S | undefined;
  if (known !== undefined) return known;
  const ata = mul(F, transpose(a), a);
  const l = lambdaMax(F, ata);
  // λ_max(AᵀA) ≥ 0: an enclosure dipping below 0 by rounding is clipped by max.
  const result = F.elementary('sqrt', F.max(l, F.zero));
  if (!memo) norms.set(a, (memo = new Map()));
  memo.set(F.name, result);
  return result;
}

/** The Frobenius norm √(∑ a_ij²). */
export function frobenius<S>(F: Field<S>, a: Val<S>): S {
  return F.elementary('sqrt', sumSquares(F, a));
}
