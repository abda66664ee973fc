import { Undecided, Undefined, type Field } from './field.js';

/** How the spectral bounds read and build one enclosure backend's values. */
export interface EnclosureEnds<S> {
  /** A double near the middle (an estimate). */
  mid(a: S): number;
  /** A point enclosure at the middle, at the backend's own precision. */
  center(a: S): S;
  lower(a: S): S;
  upper(a: S): S;
  fromDouble(x: number): S;
  hull(a: S, b: S): S;
  /** Whether a and b certainly differ. */
  disjoint(a: S, b: S): boolean;
  /** Whether a is certainly > 0. */
  positive(a: S): boolean;
  /** The enclosure from lo's lower end to hi's upper end. */
  span(lo: S, hi: S): S;
  /** A small relative margin at this precision. */
  eps(): S;
  /** Rayleigh-quotient refinement steps worth taking at this precision. */
  readonly refinements: number;
}

/**
 * Encloses λ_max of a symmetric matrix given as enclosures (row-major n×n). Lower end:
 * the Rayleigh quotient of an approximate top eigenvector (any unit vector's quotient is
 * ≤ λ_max). Upper end: μ = ρ + 2‖Ax − ρx‖ + ε, certified by an interval Cholesky
 * factorisation of μI − A (it succeeds only if μI − A is positive definite, i.e.
 * λ_max < μ; Rump, "Verification methods", Acta Numerica 2010, §10.8); where that fails,
 * Gershgorin's bound max_i (a_ii + Σ_{j≠i} |a_ij|), which always holds.
 */
export function enclosedLambdaMax<S>(F: Field<S>, E: EnclosureEnds<S>, data: readonly S[], n: number): S {
  const a: S[] = [...data];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const x = a[i * n + j]!;
      const y = a[j * n + i]!;
      if (E.disjoint(x, y)) throw new Undefined('λ_max or λ_min of a matrix that is not symmetric');
      const h = E.hull(x, y);
      a[i * n + j] = h;
      a[j * n + i] = h;
    }
  }
  const at = (i: number, j: number): S => a[i * n + j]!;
  // An approximate top eigenvector in doubles, refined at the backend's precision.
  const x = topVector(F, E, a, n);
  const quotient = (v: S[]): S => rayleigh(F, at, v, n);
  const rho = quotient(x);
  const lower = E.lower(rho);
  // Gershgorin's bound, always valid.
  let gersh: S | null = null;
  for (let i = 0; i < n; i++) {
    let s = at(i, i);
    for (let j = 0; j < n; j++) if (j !== i) s = F.add(s, F.elementary('abs', at(i, j)));
    gersh = gersh === null ? E.upper(s) : F.max(gersh, E.upper(s));
  }
  // The residual bound, certified by Cholesky.
  let residual = F.zero;
  let norm = F.zero;
  const c = E.center(rho);
  for (let i = 0; i < n; i++) {
    let r = F.neg(F.mul(c, x[i]!));
    for (let j = 0; j < n; j++) r = F.add(r, F.mul(at(i, j), x[j]!));
    residual = F.add(residual, F.powInt(r, 2n));
    norm = F.add(norm, F.mul(x[i]!, x[i]!));
  }
  let upper: S = gersh as S;
  try {
    const r = F.elementary('sqrt', F.div(residual, norm));
    // The enclosure's own width moves eigenvalues by at most ‖rad A‖₂ ≤ ‖rad A‖_F (Weyl).
    let rad = F.zero;
    for (const x of a) rad = F.add(rad, F.powInt(F.div(F.sub(E.upper(x), E.lower(x)), F.fromInt(2)), 2n));
    // The rounding margin scales with the matrix (its largest entry), not with 1, so a tiny
    // matrix gets an enclosure as tight, relatively, as a large one.
    let scale = F.elementary('abs', c);
    for (const x of a) scale = F.max(scale, F.elementary('abs', x));
    const margin = F.add(F.mul(E.eps(), E.upper(scale)), E.upper(F.elementary('sqrt', rad)));
    for (let attempt = 0; attempt < 3; attempt++) {
      const widen = F.fromInt(2 * 10 ** (attempt * 3));
      const mu = E.upper(F.add(c, F.mul(widen, F.add(r, margin))));
      if (choleskyPositive(F, E, a, n, mu)) {
        upper = F.min(upper, mu);
        break;
      }
    }
  } catch (err) {
    if (!(err instanceof Undecided)) throw err;
  }
  return E.span(lower, upper);
}

/** x ↦ xᵀAx / xᵀx. */
function rayleigh<S>(F: Field<S>, at: (i: number, j: number) => S, v: readonly S[], n: number): S {
  let num = F.zero;
  let den = F.zero;
  for (let i = 0; i < n; i++) {
    let row = F.zero;
    for (let j = 0; j < n; j++) row = F.add(row, F.mul(at(i, j), v[j]!));
    num = F.add(num, F.mul(v[i]!, row));
    den = F.add(den, F.mul(v[i]!, v[i]!));
  }
  return F.div(num, den);
}

/** An approximate top eigenvector (points): Jacobi in doubles, then inverse iteration at the backend's precision. */
function topVector<S>(F: Field<S>, E: EnclosureEnds<S>, a: readonly S[], n: number): S[] {
  const at = (i: number, j: number): S => a[i * n + j]!;
  const { values, vectors } = jacobi(Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => E.mid(at(i, j)))));
  let top = 0;
  for (let i = 1; i < n; i++) if (values[i]! > values[top]!) top = i;
  let x: S[] = vectors.map((row) => E.fromDouble(row[top]!));
  for (let step = 0; step < E.refinements; step++) {
    try {
      const rho = E.center(rayleigh(F, at, x, n));
      const shifted = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? F.sub(E.center(at(i, j)), rho) : E.center(at(i, j)))));
      const y = solve(F, E, shifted, x).map((v) => E.center(v));
      let big = F.zero;
      for (const v of y) big = F.max(big, F.elementary('abs', v));
      x = y.map((v) => E.center(F.div(v, big)));
    } catch (err) {
      if (err instanceof Undecided || err instanceof Undefined) break; // an exact eigenvector: nothing to refine
      throw err;
    }
  }
  return x;
}

/** Whether μI − A is certainly positive definite (interval Cholesky: every pivot certainly > 0). */
function choleskyPositive<S>(F: Field<S>, E: EnclosureEnds<S>, a: readonly S[], n: number, mu: S): boolean {
  const l: S[] = new Array(n * n).fill(F.zero);
  for (let k = 0; k < n; k++) {
    let pivot = F.sub(mu, a[k * n + k]!);
    for (let j = 0; j < k; j++) pivot = F.sub(pivot, F.powInt(l[k * n + j]!, 2n));
    if (!E.positive(pivot)) return false;
    const d = F.elementary('sqrt', pivot);
    l[k * n + k] = d;
    for (let i = k + 1; i < n; i++) {
      let s = F.neg(a[i * n + k]!);
      for (let j = 0; j < k; j++) s = F.sub(s, F.mul(l[i * n + j]!, l[k * n + j]!));
      l[i * n + k] = F.div(s, d);
    }
  }
  return true;
}

/** Solves M y = b by Gaussian elimination with partial pivoting (by estimated magnitude). */
export function solve<S>(F: Field<S>, E: Pick<EnclosureEnds<S>, 'mid'> | null, m: S[][], b: readonly S[]): S[] {
  const n = m.length;
  const rows = m.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) {
      const mag = (x: S) => (E ? Math.abs(E.mid(x)) : F.magnitude(x));
      if (mag(rows[r]![col]!) > mag(rows[pivot]![col]!)) pivot = r;
    }
    [rows[col], rows[pivot]] = [rows[pivot]!, rows[col]!];
    const p = rows[col]!;
    for (let r = col + 1; r < n; r++) {
      const row = rows[r]!;
      const f = F.div(row[col]!, p[col]!);
      for (let j = col; j <= n; j++) row[j] = F.sub(row[j]!, F.mul(f, p[j]!));
    }
  }
  const y: S[] = new Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s: S = rows[i]![n] as S;
    for (let j = i + 1; j < n; j++) s = F.sub(s, F.mul(rows[i]![j]!, y[j]!));
    y[i] = F.div(s, rows[i]![i]!);
  }
  return y;
}

/** Eigenvalues and eigenvectors (columns) of a small symmetric matrix by cyclic Jacobi rotations, in doubles. */
export function jacobi(input: readonly (readonly number[])[]): { values: number[]; vectors: number[][] } {
  const n = input.length;
  const a = input.map((row) => [...row]);
  const v: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    let diag = 0;
    for (let p = 0; p < n; p++) {
      diag += a[p]![p]! * a[p]![p]!;
      for (let q = p + 1; q < n; q++) off += a[p]![q]! * a[p]![q]!;
    }
    if (off <= 1e-40 * (diag + 1e-300) || !Number.isFinite(off)) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p]![q]!;
        if (apq === 0) continue;
        const theta = (a[q]![q]! - a[p]![p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k]![p]!;
          const akq = a[k]![q]!;
          a[k]![p] = c * akp - s * akq;
          a[k]![q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p]![k]!;
          const aqk = a[q]![k]!;
          a[p]![k] = c * apk - s * aqk;
          a[q]![k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k]![p]!;
          const vkq = v[k]![q]!;
          v[k]![p] = c * vkp - s * vkq;
          v[k]![q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: a.map((row, i) => row[i]!), vectors: v };
}

/**
 * λ_max of a symmetric matrix A and its derivatives along tangent matrices Ȧ_k (forward
 * mode through an eigenvalue), all enclosed. For a simple top eigenvalue with unit
 * eigenvector x, dλ = xᵀ Ȧ x. With an approximate eigenvector x̃ (Rayleigh quotient ρ,
 * residual r = ‖Ax̃ − ρx̃‖/‖x̃‖) and a certified gap δ ≤ ρ − λ₂ (λ₂ ≤ λ_max(A − c x̃x̃ᵀ/‖x̃‖²)
 * for c ≥ 0 by interlacing, certified like λ_max itself), sin∠(x̃, x) ≤ s = r/δ (Davis–Kahan),
 * and |xᵀȦx − x̃ᵀȦx̃/‖x̃‖²| ≤ ‖Ȧ‖_F (2s + 2s²). A top eigenvalue that is not certainly
 * simple is Undecided: its derivative may not exist.
 */
export function enclosedLambdaMaxTangents<S>(
  F: Field<S>, E: EnclosureEnds<S>, data: readonly S[], tangents: readonly (readonly S[])[], n: number,
): { value: S; tangents: S[] } {
  const value = enclosedLambdaMax(F, E, data, n);
  const sym = (m: readonly S[]): S[] => {
    const a = [...m];
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const h = E.hull(a[i * n + j]!, a[j * n + i]!);
        a[i * n + j] = h;
        a[j * n + i] = h;
      }
    }
    return a;
  };
  const a = sym(data);
  const at = (i: number, j: number): S => a[i * n + j]!;
  if (n === 1) return { value, tangents: tangents.map((t) => t[0]!) };
  // An approximate top eigenvector, refined at this precision.
  const x = topVector(F, E, a, n);
  let xx = F.zero;
  for (const v of x) xx = F.add(xx, F.mul(v, v));
  const ax = Array.from({ length: n }, (_, i) => {
    let s = F.zero;
    for (let j = 0; j < n; j++) s = F.add(s, F.mul(at(i, j), x[j]!));
    return s;
  });
  let xax = F.zero;
  for (let i = 0; i < n; i++) xax = F.add(xax, F.mul(x[i]!, ax[i]!));
  const rho = F.div(xax, xx);
  let res = F.zero;
  for (let i = 0; i < n; i++) res = F.add(res, F.powInt(F.sub(ax[i]!, F.mul(rho, x[i]!)), 2n));
  const r = F.elementary('sqrt', F.div(res, xx));
  // λ₂ ≤ λ_max(A − c x̃x̃ᵀ/‖x̃‖²) for any c ≥ 0: c a bound on the spread of the spectrum.
  let spread = F.one;
  for (const v of a) spread = F.add(spread, F.elementary('abs', v));
  const deflated = a.map((v, k) => F.sub(v, F.div(F.mul(spread, F.mul(x[Math.floor(k / n)]!, x[k % n]!)), xx)));
  const second = E.upper(enclosedLambdaMax(F, E, deflated, n));
  const gap = F.sub(E.lower(rho), second);
  if (!E.positive(gap)) throw new Undecided('the largest eigenvalue is not certainly simple here, so its derivative is not enclosed');
  const s = E.upper(F.div(r, gap));
  const factor = F.add(F.mul(F.fromInt(2), s), F.mul(F.fromInt(2), F.mul(s, s)));
  const out = tangents.map((t) => {
    const d = sym(t);
    let q = F.zero;
    let frob = F.zero;
    for (let i = 0; i < n; i++) {
      let row = F.zero;
      for (let j = 0; j < n; j++) {
        row = F.add(row, F.mul(d[i * n + j]!, x[j]!));
        frob = F.add(frob, F.mul(d[i * n + j]!, d[i * n + j]!));
      }
      q = F.add(q, F.mul(x[i]!, row));
    }
    const centre = F.div(q, xx);
    const err = E.upper(F.mul(F.elementary('sqrt', frob), factor));
    return E.span(F.sub(centre, err), F.add(centre, err));
  });
  return { value, tangents: out };
}
