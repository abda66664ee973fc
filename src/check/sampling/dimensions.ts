import type { Expr } from '../../ast.js';
import { Mat, isMat, type Val } from '../evaluator/field.js';
import * as L from '../evaluator/linalg.js';
import { Rational, exactField } from '../evaluator/rational.js';
import { hasMatrix, type StepProblem } from '../problem.js';
import { MAX_DIMENSION, MAX_DRAWN_DIMENSION } from './draw.js';
import { visit } from '../../ast-walk.js';
import { builtinFunction } from '../../builtins.js';
import type { Point } from './point.js';

/**
 * Larger dimensions (LANGUAGE.md §3 "Search, not luck"): the sampled points walk each
 * dimension symbol over 2 … 5 (within its assumptions), so a step that fails only for n ≥ 6
 * (`tr(I_n) ≤ 5`, `‖A‖_F ≤ √5 ‖A‖` at A = I, `det(Mᵀ M) = 0` for M in R^{n×6}) held at every
 * point. Where a step could depend on its size, it is also tried at 6, 7, 8 and 12 (the
 * sampler's limit, MAX_DIMENSION), beside each fixed size its shapes mix with a symbolic one,
 * at the largest size its assumptions allow, and at the size the identity test found its
 * sides different at.
 */

/** One extra point: the size of each dimension symbol, and square matrices at I or drawn. */
export interface DimensionProbe {
  readonly dims: ReadonlyMap<string, number>;
  /** Every square matrix the step reads is the identity (where ‖A‖_F/‖A‖ = √n is largest). */
  readonly identity: boolean;
  /** With `identity`, every vector the step reads is all ones too (where (∑ x_i)² = n‖x‖² is largest). */
  readonly ones?: boolean;
  /** The sampler's point number it is drawn as (small integer entries below 8, decimals above). */
  readonly k: number;
  /** A size the identity test found the sides different at. */
  readonly forced: boolean;
}

/** The sizes tried beyond the sampled 2 … 5. */
const LARGER = [6, 7, 8, MAX_DIMENSION];

/** Points the dimension search tries at most (a 12×12 point costs ~20 times a 2×2 one). */
const MAX_PROBES = 14;

/**
 * Sizes past the sampler's, where a step reads no matrix with two sizes above 1 (vectors,
 * scalars, I only through tr(I_n)): a bound that drops a √n for a constant fails only past it
 * (`(∑ x_i)² ≤ 12‖x‖²` at n = 13, `∑|x_i| ≤ 3.5‖x‖` at 13, `tr(I_n) ≤ 12`; red team rt89), and
 * a point there costs what its vectors' lengths do.
 */
const FAR = [13, 17, 25, 50, 100];

/** Sizes past the sampler's where the step reads matrices (products cost n³): up to 20. */
const FAR_MATRICES = [13, 17, 20];

/**
 * The extra points of a step whose held point `base` read a dimension symbol: only where the
 * step could depend on the size (`searching`: an inequality or ≠, a kink, a fixed size among
 * the shapes beside a symbolic one, a dimension read as a number), and at `forced` sizes (the
 * identity test's, tried whatever else the step is) first. Each size is taken into each
 * symbol's range (`Prepared.dimensionRange`: `assume n ≤ 7` stops at 7).
 */
export function dimensionProbes(p: StepProblem, base: Point, forced: readonly number[], searching: boolean): DimensionProbe[] {
  const symbols = [...base.dims.keys()].filter((d) => base.touched.has(`dim:${d}`));
  if (symbols.length === 0) return [];
  const fixed = fixedSizes(base);
  const sensitive = searching && (['<', '≤', '>', '≥', '≠'].includes(p.rel)
    || hasKink(p.left as Expr) || hasKink(p.right as Expr)
    || fixed.some((f) => f >= 4)
    || symbols.some((d) => base.touched.has(d))
    || readsTraceOrDet(p.left as Expr) || readsTraceOrDet(p.right as Expr));
  const out: DimensionProbe[] = [];
  const seen = new Set<string>();
  const add = (sizes: ReadonlyMap<string, number>, identity: boolean, k: number, always = false, ones = false, far = false): void => {
    const dims = new Map<string, number>();
    for (const [d, n] of sizes) {
      // (A size an assumption gives from others', `m = n + 1`, follows theirs: set apart, the
      // probe broke the assumption, and m past 6 was never tried.)
      if (base.prep.dimensionEquations.has(d)) continue;
      const { lo, hi, cap } = base.prep.dimensionRange(d);
      if (lo > MAX_DRAWN_DIMENSION && !far) return;
      // (A far size only where the assumptions allow it: not clamped onto their cap.)
      if (far && ((cap !== null && n > cap) || n < lo)) return;
      dims.set(d, far ? n : Math.min(hi, MAX_DRAWN_DIMENSION, Math.max(lo, n)));
    }
    const key = `${[...dims].map(([d, n]) => `${d}=${n}`).join(',')}|${identity}|${ones}|${k}`;
    // (Sizes the sampled points walk, lo … lo + 3 of each range, are not tried again.)
    const walked = ([d, n]: [string, number]): boolean => {
      const { lo, hi } = base.prep.dimensionRange(d);
      return n >= lo && n <= Math.min(hi, lo + 3);
    };
    if (seen.has(key) || (!always && [...dims].every(walked))) return;
    seen.add(key);
    out.push({ dims, identity, k, forced: always, ...(ones ? { ones } : {}) });
  };
  const all = (n: number) => new Map(symbols.map((d) => [d, n] as const));
  // The identity test's size: drawn afresh three times (decimal entries: a random point of a
  // nonzero polynomial is rarely one of its zeros).
  for (const n of forced) for (const k of [9, 10, 11]) add(all(n), false, k, true);
  if (!sensitive) return out;
  const sizes = new Set<number>(LARGER);
  for (const f of fixed) for (const n of [f - 1, f, f + 1]) if (n > 5 && n <= MAX_DIMENSION) sizes.add(n);
  for (const d of symbols) {
    const { lo, hi } = base.prep.dimensionRange(d);
    if (hi > 5 && hi <= MAX_DIMENSION) sizes.add(hi);
    // (Where the assumptions start past 9, every size up to the largest drawn: under n ≥ 12
    // the points walk 12 … 14, and tr(I_n) ≤ 14 fails at 15.)
    if (lo > 9) for (let n = lo; n <= Math.min(hi, MAX_DRAWN_DIMENSION); n++) sizes.add(n);
  }
  // A size read as a number is tried at every size up to the limit (drawn only, not at I
  // beyond LARGER): (n − 10)² ≥ 1 under n ≥ 6 fails at 10 alone, and held at 6 … 9 and 12.
  // (So is a size a trace or determinant reads as a number, tr(I_n) = n: tr(I_n) ≠ 9 fails at
  // 9 alone, and held at 2 … 8 and 12 — red team rt65.)
  const asNumber = symbols.some((d) => base.touched.has(d)) || readsTraceOrDet(p.left as Expr) || readsTraceOrDet(p.right as Expr);
  const vectors = readsVectors(base);
  // (Up to the largest size drawn where the assumptions start past 9: under n ≥ 12 the points
  // walk 12 … 14, and tr(I_n) ≤ 14 fails at 15.)
  const top = symbols.some((d) => base.prep.dimensionRange(d).lo > 9) ? MAX_DRAWN_DIMENSION : MAX_DIMENSION;
  if (asNumber) for (let n = 6; n <= top; n++) sizes.add(n);
  const ordered = [...sizes].sort((a, b) => a - b);
  for (const n of ordered) {
    add(all(n), false, 1);
    if (!asNumber || LARGER.includes(n)) add(all(n), true, 1);
    // ((∑_{i=1}^{n} x_i)² ≤ 5‖x‖² fails from n = 6 at all ones alone.)
    if (vectors && LARGER.includes(n)) add(all(n), true, 1, false, true);
  }
  // Each symbol alone at the smallest and largest size, the others as they were.
  if (symbols.length > 1) {
    for (const d of symbols) {
      for (const n of [ordered[0]!, ordered[ordered.length - 1]!]) {
        add(new Map(symbols.map((e) => [e, e === d ? n : base.dims.get(e)!] as const)), false, 1);
      }
    }
  }
  const near = out.slice(0, MAX_PROBES + (asNumber ? 3 : 0) + (vectors ? LARGER.length : 0) + forced.length * 3);
  // Past the sampler's sizes, at I and all ones, then drawn (after the rest: the cheap probes first).
  const costly = costlyAtSize(p);
  // (An operator norm at I alone, where no vector makes the matrix other than diagonal:
  // ‖A‖_F ≤ 3.5‖A‖ fails at A = I₁₃; the eigenvalues of a drawn 13×13 took ~0.4 s.)
  if (costly === 'never' || (costly === 'identity' && vectors)) return near;
  // (For an inequality or ≠, or a size the step reads as a name: an equation with a trace,
  // tr(A B C) = tr(C A B), took a third longer at 13 … 20 for nothing the sizes to 12 miss.)
  const readAsName = symbols.some((d) => base.touched.has(d));
  if (!['<', '≤', '>', '≥', '≠'].includes(p.rel) && !readAsName) return near;
  const before = out.length;
  // (An equation with moments of random vectors, whose fourth moments are n⁴ terms, is tried
  // only at the sizes it reads as a number, to 20: E[(qᵀk)²]/d = E[kᵀq qᵀk]/d took 0.7–1 s at
  // d = 25 … 100. An inequality still goes to 100: E[‖x‖²] ≤ 20 fails at n = 21, rt96.)
  const equation = !['<', '≤', '>', '≥', '≠'].includes(p.rel);
  const moments = equation && readsMomentsOfVectors(p);
  const farSizes = new Set(moments ? [] : costly === 'vectors' ? FAR : FAR_MATRICES);
  // (And the largest size the assumptions allow, within the same reach: under n ≤ 30,
  // (∑ x_i)² ≤ 29‖x‖² fails at 30 alone; red team rt90.)
  const reach = Math.max(...farSizes);
  for (const d of symbols) {
    const { cap } = base.prep.dimensionRange(d);
    if (cap !== null && cap > MAX_DIMENSION && cap <= reach) farSizes.add(cap);
    // (A size read as a number, every one up to 30 (20 with matrices) or the cap: (n − 14)² > 0
    // fails at 14 alone, (n − 29)² > 0 under n ≤ 30 at 29; red team rt91.)
    if (readAsName) {
      const top = Math.min(cap ?? Infinity, costly === 'vectors' && !moments ? 30 : 20);
      for (let n = MAX_DIMENSION + 1; n <= top; n++) farSizes.add(n);
    }
  }
  for (const n of [...farSizes].sort((a, b) => a - b)) {
    add(all(n), true, 1, false, vectors, true);
    if (costly !== 'identity') add(all(n), false, 1, false, false, true);
  }
  return [...near, ...out.slice(before)];
}

/** Whether a step (or a definition it unfolds) takes a moment of a random vector or matrix (E[·], Var, Cov of something with a matrix shape in it). */
function readsMomentsOfVectors(p: StepProblem): boolean {
  let found = false;
  const look = (e: Expr): void => visit(e, (x) => { if (x.kind === 'Expect' && hasMatrix(x.arg)) found = true; });
  for (const side of [p.left, p.right]) if (side.kind !== 'Compare' && side.kind !== 'Logic' && side.kind !== 'TagFact') look(side);
  for (const u of p.unfoldings) look(u.def.value);
  return found;
}

/**
 * What a point of a large size costs the step: `never` where it reads a determinant, an
 * inverse or an eigenvalue (n³ work and more, in exact arithmetic), `identity` where it takes
 * a matrix's operator norm (its eigenvalues: cheap only at I),
 * `matrices` where it reads a matrix with both sizes above 1 (its products are n³), else
 * `vectors`. Definitions the step unfolds count too.
 */
function costlyAtSize(p: StepProblem): 'never' | 'identity' | 'matrices' | 'vectors' {
  const rank = { vectors: 0, matrices: 1, identity: 2, never: 3 } as const;
  let out: 'never' | 'identity' | 'matrices' | 'vectors' = 'vectors';
  const raise = (to: typeof out): void => {
    if (rank[to] > rank[out]) out = to;
  };
  const look = (e: Expr): void => visit(e, (x) => {
    const wide = (s: Expr['shape']): boolean => s?.kind === 'matrix' && s.rows !== 1 && s.cols !== 1;
    if (x.kind === 'Call' && ['det', 'inverse', 'λ_max', 'λ_min'].includes(builtinFunction(x.fn.base)?.evaluate ?? '')) raise('never');
    else if (x.kind === 'Binary' && x.op === '^' && wide(x.left.shape)) raise('never');
    else if (x.kind === 'Norm' && !x.sub && wide(x.arg.shape)) raise('identity');
    // (diag(a) of a vector is no drawn matrix: diag(a) b, a ⊙ b as read, costs what a vector
    // does; (aᵀb)² ≤ 20 ‖a ⊙ b‖² held to n = 20 and fails from 21. A product of it with a
    // matrix is wide itself.)
    else if (x.kind === 'Call' && builtinFunction(x.fn.base)?.evaluate === 'diag' && !x.fn.index && x.fn.primes === 0) return;
    else if (wide(x.shape)) raise('matrices');
  });
  for (const side of [p.left, p.right]) {
    if (side.kind === 'Compare' || side.kind === 'Logic' || side.kind === 'TagFact') return 'never';
    look(side);
  }
  for (const u of p.unfoldings) look(u.def.value);
  for (const d of p.functions) look(d.value);
  return out;
}

/**
 * Whether an expression takes a trace or determinant: a number that depends on the size
 * (tr(I_n) = n), in steps the identity test does not decide (`(tr(I_n) − 2)⋯(tr(I_n) − 5) = 0`
 * held at the sampled sizes 2 … 5 alone).
 */
function readsTraceOrDet(e: Expr): boolean {
  let found = false;
  visit(e, (x) => {
    if (x.kind === 'Call' && x.fn.primes === 0 && !x.fn.index && ['trace', 'det'].includes(builtinFunction(x.fn.base)?.evaluate ?? '')) found = true;
  });
  return found;
}

/** Whether an expression takes |·|, max or min (of anything: min(tr(I_n), 5) has no free name). */
function hasKink(e: Expr): boolean {
  let found = false;
  visit(e, (x) => {
    if (x.kind === 'Abs' || (x.kind === 'Call' && (x.fn.base === 'max' || x.fn.base === 'min') && !x.fn.index)) found = true;
  });
  return found;
}

/** The fixed sizes in the shapes of the vectors and matrices a point read (6 in R^{n×6}). */
function fixedSizes(base: Point): number[] {
  const out = new Set<number>();
  for (const key of base.values.keys()) {
    if (!base.touched.has(key)) continue;
    const info = base.ctx.scope.get(key.split('@')[0]!);
    if (info?.shape.kind !== 'matrix') continue;
    for (const d of [info.shape.rows, info.shape.cols]) if (typeof d === 'number' && d > 1) out.add(d);
  }
  return [...out];
}

/** Whether the held point read a vector of a symbolic size (a column whose rows are a dimension symbol). */
function readsVectors(base: Point): boolean {
  for (const key of base.values.keys()) {
    if (!base.touched.has(key)) continue;
    const info = base.ctx.scope.get(key.split('@')[0]!);
    if (info?.shape.kind === 'matrix' && info.shape.cols === 1 && typeof info.shape.rows === 'string') return true;
  }
  return false;
}

/**
 * The values a probe puts in place before anything is drawn: every square matrix the held
 * point read, as the identity of its size there (I has every tag: symmetric, diagonal,
 * orthogonal, positive definite, invertible), and with `ones` every vector as all ones
 * (vectors have no tags; the assumptions are checked at the probe as at any point).
 */
export function identityOverrides(base: Point, dims: ReadonlyMap<string, number>, ones = false): Map<string, Val<Rational>> {
  const out = new Map<string, Val<Rational>>();
  for (const [key, { value }] of base.values) {
    if (!base.touched.has(key) || !isMat(value)) continue;
    const info = base.ctx.scope.get(key.split('@')[0]!);
    if (info?.shape.kind !== 'matrix') continue;
    const size = (d: string | number): number | undefined => (typeof d === 'number' ? d : dims.get(d));
    const rows = size(info.shape.rows);
    if (ones && rows !== undefined && rows > 1 && info.shape.cols === 1) {
      out.set(key, new Mat(rows, 1, new Array<Rational>(rows).fill(Rational.ONE)));
      continue;
    }
    if (rows === undefined || rows !== size(info.shape.cols) || rows === 1) continue;
    out.set(key, L.identity(exactField, rows) as Mat<Rational>);
  }
  return out;
}
