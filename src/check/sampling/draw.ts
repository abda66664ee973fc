import type { Expr, MatrixTag } from '../../ast.js';
import { Mat, Unsupported, isMat, type Field, type Val } from '../evaluator/field.js';
import { Dual, dualField } from '../evaluator/dual.js';
import * as L from '../evaluator/linalg.js';
import { Rational, exactField } from '../evaluator/rational.js';
import { hashString, type Rng } from '../rng.js';
import { rationalExpr } from './exact-constants.js';

/**
 * Sampling distributions: every drawn value is an exact rational (a short decimal), so a
 * point evaluates exactly where the step is rational and in enclosures elsewhere, and a
 * counterexample prints exactly.
 */

/** Matrices and vectors are sampled up to this size, unless an assumption asks for larger ones. */
export const MAX_DIMENSION = 12;

/**
 * The largest size ever drawn: where assumptions leave no size up to MAX_DIMENSION
 * (`assume n ≥ 11`, `n ≥ 14`), up to three sizes from their lower end, up to this.
 */
export const MAX_DRAWN_DIMENSION = 16;

/** An interval for sampling a scalar; null ends are unbounded. */
export interface Interval {
  /** Exact ends (from assumptions like `0 < x < 10^(-9)`); null is unbounded. */
  readonly lo: Rational | null;
  readonly hi: Rational | null;
  readonly loClosed: boolean;
  readonly hiClosed: boolean;
}

const q = (text: string): Rational => Rational.parse(text);
const R = exactField;

/** Where a name starts its list of readable values, and its stride (odd: it visits all 8). */
export function nameWalk(name: string): [number, number] {
  const h = hashString(name)[0]!;
  return [h % 8, [1, 3, 5, 7][(h >>> 3) % 4]!];
}

/** ±(1–9) × 10^e. */
function magnitude(exponent: number, rng: Rng): Rational {
  const v = Rational.of(rng.int(1, 9)).mul(new Rational(10n).pow(BigInt(exponent)));
  return rng.next() < 0.5 ? v.neg() : v;
}

/** Sign × (1–999)/10^(0..3) × 10^(−2..2): many scales, still short decimals. */
function wide(rng: Rng): Rational {
  const mant = Rational.of(rng.int(1, 999)).div(new Rational(10n).pow(BigInt(rng.int(0, 2))));
  const scale = new Rational(10n).pow(BigInt(rng.next() < 0.8 ? rng.int(-2, 2) : rng.int(-9, 8)));
  const v = mant.mul(scale);
  return rng.next() < 0.5 ? v.neg() : v;
}

/**
 * A scalar for sample number `k`: small integers and simple fractions for the first
 * points (readable counterexamples, like MathCheck), a sweep of magnitudes (1e±6, 1e±9 …)
 * for the next 8, then random values over many scales. Inside `interval` when given.
 */
export function randomScalar(rng: Rng, k: number, interval: Interval | null, name = ''): Rational {
  const iv = interval ?? { lo: null, hi: null, loClosed: false, hiClosed: false };
  const early = k < 8;
  const [offset, stride] = nameWalk(name);
  const cycle = (list: readonly string[]): string => list[(k * stride + offset) % list.length]!;
  const sweep = k >= 8 && k < 16;
  const { lo, hi } = iv;
  if (lo !== null && hi !== null) {
    let f = early ? cycle(['0.5', '0.3', '0.7', '0.25', '0.9', '0.1', '0.6', '0.2'])
      : sweep ? cycle(['0.000001', '0.999999', '0.001', '0.999', '0.000000001', '0.999999999', '0.01', '0.99'])
        : rng.next() < 0.2 ? rng.pick(['0.001', '0.999', '0.01', '0.99', '0.000001', '0.999999']) : (rng.int(1, 9999) / 10000).toString();
    if (iv.loClosed && (early ? k === 7 : rng.next() < 0.1)) f = '0';
    if (iv.hiClosed && !early && rng.next() < 0.1) f = '1';
    return lo.add(hi.sub(lo).mul(q(f)));
  }
  if (lo !== null || hi !== null) {
    const closed = lo !== null ? iv.loClosed : iv.hiClosed;
    const step = early ? q(cycle(['1', '2', '0.5', '3', closed ? '0' : '0.25', '5', '0.3', '10']))
      : sweep ? abs(magnitude(Number(cycle(['6', '-6', '3', '-3', '9', '-9', '1', '-1'])), rng))
        : rng.next() < 0.08 && closed ? Rational.ZERO : abs(wide(rng));
    return lo !== null ? lo.add(step) : hi!.sub(step);
  }
  if (early) return q(cycle(['2', '-1', '0.5', '3', '0', '1', '-2', '1.5']));
  if (k < 20) {
    // Each far magnitude with both signs: a claim true only at homework scales must fail here.
    const signed = ['6+', '6-', '-6+', '-6-', '3+', '3-', '-3+', '-3-', '9+', '9-', '-9+', '-9-'];
    const pick = signed[((k - 8) * (stride === 3 ? 11 : stride) + offset) % signed.length]!;
    const m = abs(magnitude(Number(pick.slice(0, -1)), rng));
    return pick.endsWith('+') ? m : m.neg();
  }
  return wide(rng);
}

const abs = (x: Rational): Rational => (x.sign() < 0 ? x.neg() : x);

/** An integer in [lo, hi] (indices): every value of a short range first, then at random, now and then up to 8 beyond. */
export function randomInteger(rng: Rng, k: number, lo: number, hi: number, cap: number | null = null): Rational {
  const span = Math.max(0, hi - lo);
  const n = k <= span ? lo + k : rng.next() < 0.75 ? lo + rng.int(0, span) : lo + rng.int(span, span + 8);
  // Past the usual range now and then, but never past a bound an assumption sets.
  return Rational.of(cap === null ? n : Math.min(n, Math.max(lo, cap)));
}

/**
 * A vector or matrix honouring its tags, from a wide family so that no tag's extra
 * property comes for free: entries small integers first, decimals later; now and then
 * the zero vector/matrix, the identity, or the whole matrix scaled (by −1, 0.1, 10…).
 * Positive definite: BᵀB + εI, scaled (eigenvalues anywhere in (0, ∞)); orthogonal: a
 * product of 0–3 Householder reflections (exact in rationals; both determinants);
 * invertible: any nonsingular matrix, scaled.
 */
export function randomMatrix(rng: Rng, k: number, rows: number, cols: number, tags: ReadonlySet<MatrixTag>, name = ''): Mat<Rational> {
  if (rows > MAX_DRAWN_DIMENSION || cols > MAX_DRAWN_DIMENSION) throw new Unsupported(`dimensions above ${MAX_DRAWN_DIMENSION} are not sampled`);
  const entry = (): Rational => (k < 8 ? Rational.of(rng.int(-3, 3)) : Rational.of(rng.int(-50, 50)).div(Rational.of(10)));
  const fill = (r: number, c: number): Rational[] => {
    for (let attempt = 0; ; attempt++) {
      const a = Array.from({ length: r * c }, entry);
      if (attempt > 5 || a.some((x) => !x.isZero())) return a;
    }
  };
  const scale = (m: Mat<Rational>, factors: readonly string[]): Mat<Rational> => {
    const f = q(rng.pick(factors));
    return m.map((x) => x.mul(f));
  };
  const roll = rng.next();
  const square = rows === cols;
  const positive = tags.has('positive definite');
  const invertible = positive || tags.has('invertible') || tags.has('orthogonal');
  if (square && tags.has('orthogonal')) {
    let m: Val<Rational> = L.identity(R, rows);
    const reflections = k < 4 ? k % 4 : rng.int(0, 3);
    for (let r = 0; r < reflections; r++) {
      let v = Array.from({ length: rows }, () => Rational.of(rng.int(-3, 3)));
      if (v.every((x) => x.isZero())) v = v.map((_, i) => (i === 0 ? Rational.ONE : Rational.ZERO));
      const vv = v.reduce((acc, x) => acc.add(x.mul(x)), Rational.ZERO);
      const h = new Mat(rows, rows, v.flatMap((vi, i) => v.map((vj, j) => (i === j ? Rational.ONE : Rational.ZERO).sub(vi.mul(vj).mul(Rational.of(2)).div(vv)))));
      m = L.mul(R, m, h);
    }
    // (At size 1 the products are a scalar: a 1×1 matrix is its scalar, but the draw is a matrix.)
    return asMatrix(m, rows, rows);
  }
  if (square && positive) {
    // BᵀB + εI: later points also take a tiny ε with a rank-deficient B, so λ_min = ε
    // (λ_min(H) ≥ 10⁻³ is not true of every positive definite H).
    // Two points of each name's own (k = 8…15) are nearly singular for certain: λ_min = 10⁻¹².
    const [walk] = nameWalk(name);
    const tiny = k >= 8 && k < 16 && (k + walk) % 4 === 0;
    const eps = q(tiny ? '0.000000000001' : rng.pick(k < 8 ? ['0.01', '0.1', '1'] : ['0.000001', '0.0001', '0.01', '0.1', '1']));
    if (tags.has('diagonal')) {
      return new Mat(rows, cols, Array.from({ length: rows * cols }, (_, i) => (Math.floor(i / cols) === i % cols ? Rational.of(rng.int(0, 5)).add(eps) : Rational.ZERO)));
    }
    const entries = fill(rows, cols);
    if (tiny || (k >= 8 && rng.next() < 0.3)) for (let j = 0; j < cols; j++) entries[j] = Rational.ZERO;
    const b = new Mat(rows, cols, entries);
    const p = asMatrix(L.add(R, L.mul(R, L.transpose(b), b), L.identity(R, rows).map((x) => x.mul(eps))), rows, rows);
    return k < 8 || tiny ? p : scale(p, ['1', '0.1', '10', '0.01']);
  }
  // Special values at two early points of each name (its own, so names differ): the
  // zero vector or matrix (unless invertible), and ±I; later, now and then.
  const [offset] = nameWalk(name);
  const special = k < 16 ? (k + offset) % 8 : roll < 0.05 ? 3 : roll > 0.97 ? 6 : -1;
  if (special === 3 && k >= 1 && !invertible) return new Mat(rows, cols, new Array<Rational>(rows * cols).fill(Rational.ZERO));
  if (special === 6 && square && !tags.has('diagonal')) return scale(L.identity(R, rows), k < 8 ? ['1'] : ['-1']);
  const shaped = (a: Rational[]): Rational[] => {
    if (square && tags.has('diagonal')) return a.map((x, i) => (Math.floor(i / cols) === i % cols ? x : Rational.ZERO));
    if (square && tags.has('symmetric')) return a.map((x, i) => (Math.floor(i / cols) > i % cols ? a[(i % cols) * cols + Math.floor(i / cols)]! : x));
    return a;
  };
  for (let attempt = 0; attempt < 20; attempt++) {
    let m = new Mat(rows, cols, shaped(fill(rows, cols)));
    if (k >= 8 && rng.next() < 0.3) m = scale(m, ['-1', '0.1', '10', '-2', '0.01']);
    if (!invertible || !square) return m;
    if (!L.det(R, m).isZero()) return m;
  }
  // Fall back on a diagonally dominant matrix: invertible and well conditioned.
  const a = shaped(fill(rows, cols)).map((x, i) => (Math.floor(i / cols) === i % cols ? Rational.of(rows * 4 + 1) : x));
  return new Mat(rows, cols, a);
}

/** A value as a rows×cols matrix: a 1×1 one a product made a scalar, as the matrix it was drawn as. */
function asMatrix(v: Val<Rational>, rows: number, cols: number): Mat<Rational> {
  return isMat(v) ? v : new Mat(rows, cols, [v]);
}

/** A random smooth function for one sample, evaluated in any backend. */
export interface FunctionInstance {
  /** For `R → R` instances: the supremum of |f^{(order)}| over R (exact with one wave, a bound above it with two), or null when it is unbounded. */
  readonly sup?: (order: number) => Rational | null;
  /**
   * For `R → R` instances: the same shape with its varying part scaled by s,
   * a + s·(bx + Σ cᵢ·sin(dᵢx + φᵢ) + ex³ + gx⁴) (a·s + s·Σ cᵢ·sin(dᵢx + φᵢ), without the terms that
   * grow, when `bounded`): a function whose derivatives are s times as large, so that a
   * `for all z` bound holds everywhere.
   */
  readonly scaled?: (s: Rational, bounded: boolean) => FunctionInstance;
  /**
   * The function (or its `order`-th derivative) at `args`; `outDim` is the size of the
   * result of a vector-valued function (`F : R^n → R^m`). For a function of a vector the
   * first derivative is the gradient (a column) or the m×n Jacobian, the second the Hessian.
   */
  apply<S>(F: Field<S>, args: readonly Val<S>[], order: number, outDim: number | undefined): Val<S>;
  /** The instance in words; `shift`, a constant added to it (offsetInstance), for the values it names. */
  describe(name: string, shift?: Rational): string;
  /** Meets the `for all` bounds on its function as it is, not scaled (constantValueInstance: checked where it is built). */
  readonly asIs?: boolean;
  /** A constant instance's value as an expression (π), for the algebra at a place (explore.ts constantCallsAt). */
  readonly expr?: Expr;
  /** Its `order`-th derivative at a rational argument as an expression (π·1 for scaledByValueInstance), for that algebra; null where it has none. */
  readonly exprAt?: (arg: Rational, order: number) => Expr | null;
}

/**
 * `R → R`: the constant c, a number with no exact rational value (π, √2), evaluated in each
 * field as the expression it is (`value`); its derivatives 0. What a bound written as such a
 * number allows (`|f(z)| ≤ π`: f ≡ π), which scaled rational instances only come near.
 */
export function constantValueInstance(text: string, value: <S>(F: Field<S>) => Val<S>, expr?: Expr): FunctionInstance {
  return {
    ...(expr ? { expr } : {}),
    apply<S>(F: Field<S>, args: readonly Val<S>[], order: number): Val<S> {
      const x = args[0]!;
      const c = order === 0 ? value(F) : F.zero;
      if (isMat(c)) throw new Unsupported('a constant function whose value is not a scalar');
      return isMat(x) ? x.map(() => c) : c;
    },
    describe: (name) => `${name}(x) = ${text}, a constant function`,
    sup: (order) => (order === 0 ? null : Rational.ZERO),
    asIs: true,
  };
}

/** A number with no exact rational value (π, √2, (π + 1)/2): its expression, and its value in each field. */
export interface ValueExpr {
  readonly expr: Expr;
  readonly value: <S>(F: Field<S>) => Val<S>;
}

/**
 * `R → R`: m + c·g, for g with rational coefficients on a bound of 1 (|g| ≤ 1, or |g'| ≤ 1)
 * and c, m numbers with no exact rational value (π, √2), evaluated in each field as the
 * expressions they are. What a bound written as such a number allows (`|f(z)| ≤ π`: f = π at a
 * and −π at b; `−1 ≤ f(z) ≤ π`: f = π at a and −1 at b, m = (π − 1)/2, c = (π + 1)/2;
 * `|f'(z)| ≤ π`: f = π·x), which g scaled by a rational only comes near. `describe` says it in
 * words. Its value at a rational argument is m + c times g's there, an expression (`exprAt`:
 * null where g has no exact value there).
 */
export function scaledByValueInstance(g: FunctionInstance, c: ValueExpr, describe: (name: string) => string, m?: ValueExpr): FunctionInstance {
  const scalar = { kind: 'scalar' } as const;
  return {
    apply<S>(F: Field<S>, args: readonly Val<S>[], order: number, outDim: number | undefined): Val<S> {
      const k = c.value(F);
      const shift = m && order === 0 ? m.value(F) : null;
      if (isMat(k) || (shift !== null && isMat(shift))) throw new Unsupported('a function scaled by a value that is not a number');
      const at = (v: S): S => (shift === null ? F.mul(k, v) : F.add(shift as S, F.mul(k, v)));
      const v = g.apply(F, args, order, outDim);
      return isMat(v) ? v.map(at) : at(v);
    },
    describe,
    // (Only what is 0 stays exact: every other supremum is c times a rational.)
    sup: (order) => (order > 0 && g.sup?.(order)?.isZero() ? Rational.ZERO : null),
    asIs: true,
    exprAt(arg: Rational, order: number): Expr | null {
      // (g's own value there as an expression where it has one, a cosine wave's cos π; else exactly.)
      let v: Expr | null = g.exprAt?.(arg, order) ?? null;
      if (v === null) {
        try {
          const x = g.apply(exactField, [arg], order, undefined);
          if (isMat(x)) return null;
          v = rationalExpr(x, c.expr.range);
        } catch {
          return null;
        }
      }
      const product: Expr = { kind: 'Binary', op: '*', left: c.expr, right: v, range: c.expr.range, shape: scalar };
      return m && order === 0 ? { kind: 'Binary', op: '+', left: m.expr, right: product, range: c.expr.range, shape: scalar } : product;
    },
  };
}

/**
 * How often an instance not held by a `for all` bound also grows like a polynomial. A family
 * of bounded waves and lines alone has properties no function shares: |σ'| ≤ 6 everywhere,
 * σ'''' = −d²σ'', a gradient Lipschitz with a small constant; the cubic and quartic terms
 * make every derivative up to the third unbounded and tie no derivative to another.
 */
const GROWTH_SHARE = 0.5;
/** Coefficients of x³ and x⁴ (of (sᵀx)³ and ‖x‖⁴ for a function of a vector): small, but not so small a sampled integer never feels them. */
const CUBIC = ['0.1', '-0.1', '0.2', '-0.2', '0.5', '-0.5', '1'];
const QUARTIC = ['0.05', '-0.05', '0.1', '-0.1', '0.2', '0.5', '-0.5'];

/** A wave's frequencies d in c·sin(d·x + φ): the usual ones, and the large ones a bounded instance takes at WIDE_SHARE of draws. */
const FREQUENCIES = ['1', '0.5', '1.5', '2', '0.7'];
const WIDE_FREQUENCIES = ['3', '5', '10', '30', '100'];
/** Under a `for all` bound: how often the first wave's frequency is a large one, and how often a second wave joins. */
const WIDE_SHARE = 0.3;
const SECOND_WAVE_SHARE = 0.4;

/**
 * `a + b·x + c·sin(d·x + φ)`, at a share of draws plus `e·x³ + g·x⁴` (one or both), applied
 * elementwise for `R → R`, with exact derivatives of any order; for `R^n → R^m`, component i
 * is `a_i + w_iᵀx + c·sin(r_iᵀx + φ_i) + xᵀQx/4`, at a share of draws plus
 * `e_i·(s_iᵀx)³ + g_i·‖x‖⁴`. Parameters are short decimals, so the same function evaluates
 * in every backend. `bounded` (a `for all` bound on the function or its derivatives is
 * assumed) draws from the family without the polynomial terms, whose scaled instances
 * meet the bound everywhere. `grows` says whether the polynomial terms are there (null: at
 * random, at GROWTH_SHARE of draws).
 */
export function randomFunction(rng: Rng, elementwise: boolean, constant = false, bounded = false, grows: boolean | null = null): FunctionInstance {
  const [a, b, c, d, phi] = [
    rng.pick(['0', '0.5', '-0.5', '1', '0.2']), rng.pick(['1', '0.5', '-1', '1.5', '2', '-0.5']),
    rng.pick(['1', '0.5', '2', '-1', '0.7']), rng.pick(FREQUENCIES), rng.pick(['0.3', '1', '0', '2', '0.5']),
  ];
  // A constant function is a function too (its gradient is 0 everywhere: ∇f(x) ≠ 0 fails).
  if (constant && elementwise) return elementwiseInstance([q(a)], []);
  // Which of the growing terms this instance has: none, the cubic, the quartic, or both.
  const growth = constant || bounded || !(grows ?? rng.next() < GROWTH_SHARE) ? 'none' : rng.pick(['cubic', 'quartic', 'both'] as const);
  const cubic = growth === 'cubic' || growth === 'both';
  const quartic = growth === 'quartic' || growth === 'both';
  if (elementwise) {
    const coefficients = [q(a), q(b), Rational.ZERO, cubic ? q(rng.pick(CUBIC)) : Rational.ZERO, quartic ? q(rng.pick(QUARTIC)) : Rational.ZERO];
    const waves: Wave[] = [{ c: q(c), d: q(d), phi: q(phi) }];
    if (bounded) {
      // Under a `for all` bound the polynomial terms are gone, and one wave alone has
      // properties no function shares: σ'''' = −d²σ'', |σ''| ≤ 2|σ'|sup where d ≤ 2. So at a
      // share of draws the frequency is large (σ = γ·sin(100x)/100 has |σ''| up to 100γ), and at
      // another a second wave of another frequency joins (sin x + sin(2x)/2 has σ''σ'''' > 0).
      // (Extra draws only here: the unbounded instances of a seed stay what they were.)
      if (rng.next() < WIDE_SHARE) waves[0] = { ...waves[0]!, d: q(rng.pick(WIDE_FREQUENCIES)) };
      if (rng.next() < SECOND_WAVE_SHARE) {
        const [c2, d2, phi2] = [q(rng.pick(['1', '0.5', '-1', '0.3', '-0.5'])), q(rng.pick([...FREQUENCIES, ...WIDE_FREQUENCIES])), q(rng.pick(['0', '1', '0.7', '2']))];
        // (Two waves of one frequency are one wave: the second takes another.)
        waves.push({ c: c2, d: d2.equals(waves[0]!.d) ? d2.mul(Rational.of(3)) : d2, phi: phi2 });
      }
    }
    return elementwiseInstance(coefficients, waves);
  }
  type Params = { w: number[][]; r: number[][]; q: number[][]; s: number[][]; a: string[]; phi: string[]; e: string[]; g: string[] };
  const vectors = new Map<string, Params>();
  const paramsFor = (n: number, out: number): Params => {
    let p = vectors.get(`${n}×${out}`);
    if (!p) {
      const ints = () => Array.from({ length: n }, () => (constant ? 0 : rng.int(-2, 2)));
      const q0 = Array.from({ length: n }, ints);
      p = {
        w: Array.from({ length: out }, ints), r: Array.from({ length: out }, ints),
        q: q0.map((row, i) => row.map((x, j) => (j < i ? q0[j]![i]! : x))),
        a: Array.from({ length: out }, () => rng.pick(['0', '0.5', '-0.5', '1', '0.2'])),
        phi: Array.from({ length: out }, () => rng.pick(['0.3', '1', '0', '2', '0.5'])),
        // (A cubic's direction is never 0: the instance would lose the term it was drawn with.)
        s: Array.from({ length: out }, () => (cubic ? ints().map((x, j, all) => (all.every((y) => y === 0) && j === 0 ? 1 : x)) : [])),
        e: Array.from({ length: out }, () => (cubic ? rng.pick(CUBIC) : '0')),
        g: Array.from({ length: out }, () => (quartic ? rng.pick(QUARTIC) : '0')),
      };
      vectors.set(`${n}×${out}`, p);
    }
    return p;
  };
  const C = constant ? Rational.ZERO : q(c);
  return {
    apply<S>(F: Field<S>, args: readonly Val<S>[], order: number, outDim: number | undefined): Val<S> {
      if (args.length !== 1) throw new Unsupported('functions of several arguments are not sampled yet');
      const xs = L.entries(args[0]!);
      const out = outDim ?? 1;
      const { w, r, q: qm, s, a: as, phi: phis, e, g } = paramsFor(xs.length, out);
      const components = <T>(G: Field<T>, ys: readonly T[]): T[] => {
        const dot = (u: readonly number[]): T => integerCombination(G, u, ys);
        // xᵀQx as Σᵢ xᵢ (Qx)ᵢ: n products instead of 2n² (the same value; cheaper for duals).
        let quad = G.zero;
        for (let i = 0; i < ys.length; i++) quad = G.add(quad, G.mul(ys[i]!, dot(qm[i]!)));
        // ‖x‖⁴ as (xᵀx)², once for every component.
        let square = G.zero;
        if (quartic) for (const y of ys) square = G.add(square, G.mul(y, y));
        const fourth = quartic ? G.mul(square, square) : G.zero;
        // (A constant instance has no wave: it stays exact, where a sine would need enclosures.)
        const wave = (i: number): T => (C.isZero() ? G.zero : G.mul(G.fromRational(C), G.elementary('sin', G.add(dot(r[i]!), G.fromRational(q(phis[i]!))))));
        const grows = (i: number): T => {
          let t = G.zero;
          if (cubic) t = G.add(t, G.mul(G.fromRational(q(e[i]!)), G.powInt(dot(s[i]!), 3n)));
          if (quartic) t = G.add(t, G.mul(G.fromRational(q(g[i]!)), fourth));
          return t;
        };
        return Array.from({ length: out }, (_, i) => G.add(G.add(G.add(G.add(G.fromRational(q(as[i]!)), dot(w[i]!)), wave(i)), G.div(quad, G.fromInt(4))), grows(i)));
      };
      const n = xs.length;
      if (order === 0) return outDim === undefined ? components(F, xs)[0]! : new Mat(out, 1, components(F, xs));
      // Derivatives are exact: the instance evaluated over dual numbers, one seed per entry.
      const D = dualField(F);
      const seed = (ys: readonly S[], j: number) => ys.map((y, i) => new Dual(y, i === j ? F.one : F.zero));
      if (order === 1) {
        // The gradient (a column) of a scalar function; the m×n Jacobian of a vector one.
        const cols = Array.from({ length: n }, (_, j) => components(D, seed(xs, j)).map((d) => d.d));
        const data = Array.from({ length: out * n }, (_, k) => cols[k % n]![Math.floor(k / n)]!);
        return outDim === undefined ? new Mat(n, 1, data) : L.scalarOf(new Mat(out, n, data));
      }
      if (order === 2 && outDim === undefined) {
        // The Hessian: dual numbers of dual numbers, seeds e_i then e_j.
        const DD = dualField(D);
        const data: S[] = [];
        for (let i = 0; i < n; i++) {
          const inner = seed(xs, i);
          for (let j = 0; j < n; j++) {
            const ys = inner.map((y, k) => new Dual(y, k === j ? D.one : D.zero));
            data.push(components(DD, ys)[0]!.d.d);
          }
        }
        return new Mat(n, n, data);
      }
      throw new Unsupported('derivatives of this order of a function of a vector are not evaluated');
    },
    describe: (name) => {
      // The parameters drawn for each size it was applied at (one, nearly always), so the
      // counterexample's function can be written down and tried.
      const sizes = [...vectors].map(([size, p]) => {
        const [n, out] = size.split('×').map(Number) as [number, number];
        const one = out === 1;
        const vec = (xs: readonly (number | string)[]) => (one ? String(xs[0]) : `[${xs.join(', ')}]`);
        const mat = (rows: readonly (readonly number[])[]) => (one ? `[${rows[0]!.join(', ')}]` : `[${rows.map((row) => `[${row.join(', ')}]`).join(', ')}]`);
        if (constant) return { n, out, form: `${vec(p.a)}, a constant function`, values: '' };
        // (Numbers in place, not named parameters: a, w, g, e named so were the file's own
        // names in the same counterexample, g = 1 beside g = −0.1.)
        const lin = (rows: readonly (readonly number[])[]) => (one ? `${mat(rows)}ᵀx` : `${mat(rows)}x`);
        const Q = `[${p.q.map((row) => `[${row.join(', ')}]`).join(', ')}]`;
        const terms = [vec(p.a), lin(p.w), ...(C.isZero() ? [] : [`${c === '1' ? '' : c === '-1' ? '-' : `${c}·`}sin(${lin(p.r)} + ${vec(p.phi)})`]), `xᵀ${Q}x/4`,
          ...(cubic ? [one ? `${vec(p.e)}·(${lin(p.s)})³` : `${vec(p.e)}∘(${lin(p.s)})³`] : []), ...(quartic ? [`${vec(p.g)}·‖x‖⁴`] : [])];
        return { n, out, form: terms.join(' + '), values: '' };
      });
      if (sizes.length === 0) return `${name}(x) = a + Wx + ${c}·sin(Rx + φ) + xᵀQx/4${cubic ? ' + e∘(Sx)³' : ''}${quartic ? ' + g‖x‖⁴' : ''} (random a, W, R, Q, φ${cubic ? ', e, S' : ''}${quartic ? ', g' : ''})`;
      const text = sizes.map(({ n, form, values }) => `${form}${values ? ` with ${values}` : ''}${sizes.length > 1 ? ` (for x in R^${n})` : ''}`).join('; ');
      return `${name}(x) = ${text}`.replace(/ \+ -/g, ' - ');
    },
  };
}

/**
 * The instances random ones never are, which sit on the edge of what a function may be: a
 * constant (its derivatives are 0), and for `R → R` the lines x + a and −x + a (|f'| is the
 * same everywhere: scaled to a bound |f'(z)| ≤ γ they meet it at every z, f(x) = ±γx + a).
 */
export function edgeFunctions(rng: Rng, elementwise: boolean): FunctionInstance[] {
  const a = q(rng.pick(['0', '0.5', '1', '-1', '2']));
  if (!elementwise) return [randomFunction(rng, false, true)];
  return [elementwiseInstance([a], []), elementwiseInstance([a, Rational.ONE], []), elementwiseInstance([a, Rational.of(-1)], [])];
}

/** Σ cᵢ yᵢ for small integers cᵢ: additions for |cᵢ| ≤ 2 (exact in every field), a product otherwise. */
function integerCombination<T>(G: Field<T>, cs: readonly number[], ys: readonly T[]): T {
  let sum = G.zero;
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i]!;
    if (c === 0) continue;
    const y = ys[i]!;
    const term = c === 1 || c === -1 ? y : c === 2 || c === -2 ? G.add(y, y) : G.mul(y, G.fromInt(Math.abs(c)));
    sum = c < 0 ? G.sub(sum, term) : G.add(sum, term);
  }
  return sum;
}

/** k!/(k − j)!: the factor d^j/dx^j brings down from x^k (0 for j > k). */
function fallingFactorial(k: number, j: number): bigint {
  if (j > k) return 0n;
  let f = 1n;
  for (let i = 0; i < j; i++) f *= BigInt(k - i);
  return f;
}

/** x^k, written as products for small k (exact where x is). */
function power<S>(F: Field<S>, x: S, k: number): S {
  return k === 0 ? F.one : k === 1 ? x : F.powInt(x, BigInt(k));
}

const SUPERSCRIPTS = ['', '', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/** One wave of an `R → R` instance: c·sin(d·x + φ). */
export interface Wave { readonly c: Rational; readonly d: Rational; readonly phi: Rational }

/**
 * `p₀ + p₁x + p₂x² + … + Σᵢ cᵢ·sin(dᵢ·x + φᵢ)` elementwise (`coefficients` are p₀, p₁, …;
 * one wave, or two under a `for all` bound), with exact derivatives of any order in every backend.
 */
export function elementwiseInstance(coefficients: readonly Rational[], waves: readonly Wave[]): FunctionInstance {
  const abs = (x: Rational) => (x.sign() < 0 ? x.neg() : x);
  const P = coefficients.map((p) => p);
  while (P.length > 1 && P[P.length - 1]!.isZero()) P.pop();
  const coefficient = (k: number) => P[k] ?? Rational.ZERO;
  const W = waves.filter((w) => !w.c.isZero());
  return {
    apply<S>(F: Field<S>, args: readonly Val<S>[], order: number): Val<S> {
      const f = (x: S): S => {
        // d^k/dx^k of Σ p_j x^j is Σ_{j ≥ k} p_j·j!/(j − k)!·x^(j − k): exact in every backend.
        let poly = F.zero;
        for (let j = order; j < P.length; j++) {
          if (P[j]!.isZero()) continue;
          const term = F.fromRational(P[j]!.mul(new Rational(fallingFactorial(j, order))));
          poly = F.add(poly, j === order ? term : F.mul(term, power(F, x, j - order)));
        }
        // A polynomial (no wave: a line, a constant) is evaluated without a sine: exactly, in every backend.
        let sum = poly;
        for (const { c: C, d: D, phi: PHI } of W) {
          // d^k/dx^k of c·sin(dx + φ) is c·d^k·sin(dx + φ + kπ/2).
          const theta = F.add(F.mul(F.fromRational(D), x), F.fromRational(PHI));
          const turn = order % 4;
          const trig = turn % 2 === 0 ? F.elementary('sin', theta) : F.elementary('cos', theta);
          const signed = turn >= 2 ? F.neg(trig) : trig;
          sum = F.add(sum, F.mul(F.fromRational(C.mul(D.pow(BigInt(order)))), signed));
        }
        return sum;
      };
      const x = args[0]!;
      return isMat(x) ? x.map(f) : f(x);
    },
    describe: (name) => {
      const grows = P.length > 2;
      if (W.length === 0 && !grows) {
        const [A, B] = [coefficient(0), coefficient(1)];
        // (A slope of ±1 as x and −x; a negative one after a constant as a difference: 1 − 2x.)
        const slope = (k: Rational) => (k.equals(Rational.ONE) ? 'x' : `${k}x`);
        const size = abs(B);
        return B.isZero() ? `${name}(x) = ${A}, a constant function` : A.isZero() ? `${name}(x) = ${B.equals(Rational.ONE.neg()) ? '-x' : slope(B)}`
          : `${name}(x) = ${A} ${B.sign() < 0 ? '-' : '+'} ${slope(size)}`;
      }
      // The terms in order of degree, the sines after the line's; signs written as a reader would.
      const terms: [Rational, string][] = [[coefficient(0), ''], [coefficient(1), 'x']];
      for (const { c: C, d: D, phi: PHI } of W) terms.push([C, `·sin(${D.equals(Rational.ONE) ? '' : D.toString()}x${PHI.isZero() ? '' : ` + ${PHI}`})`]);
      for (let j = 2; j < P.length; j++) terms.push([coefficient(j), `x${SUPERSCRIPTS[j] ?? `^${j}`}`]);
      let text = '';
      for (const [k, what] of terms) {
        if (k.isZero()) continue;
        const size = abs(k);
        const body = what === '' ? size.toString() : size.equals(Rational.ONE) ? what.replace(/^·/, '') : `${size}${what}`;
        text += text === '' ? `${k.sign() < 0 ? '-' : ''}${body}` : ` ${k.sign() < 0 ? '-' : '+'} ${body}`;
      }
      return `${name}(x) = ${text || '0'}`;
    },
    // sup |f^(k)| is unbounded where a term of degree above k is there; otherwise at most
    // |p_k·k!| + Σ|cᵢ·dᵢ^k|, and exactly that with one wave (the sine reaches ±1 at some x:
    // sup |a + c·sin| = |a| + |c|). With two waves it is a bound from above (reached or only
    // approached where the frequencies are incommensurate): scaled by it, the instance meets a
    // `for all` bound everywhere, if not always at equality.
    sup: (order) => {
      if (P.length - 1 > order) return null;
      let total = abs(coefficient(order).mul(new Rational(fallingFactorial(order, order))));
      for (const { c: C, d: D } of W) total = total.add(abs(C.mul(D.pow(BigInt(order)))));
      return total;
    },
    scaled: (s, bounded) => elementwiseInstance(bounded ? [coefficient(0).mul(s)] : P.map((p, j) => (j === 0 ? p : p.mul(s))), W.map((w) => ({ ...w, c: w.c.mul(s) }))),
  };
}

/**
 * The constant a as a function of one vector, `R^n → R` (witness.ts): a everywhere, its
 * gradient the zero column and its Hessian the zero matrix of the argument's size.
 */
export function constantOfVector(a: Rational): FunctionInstance {
  return {
    apply<S>(F: Field<S>, args: readonly Val<S>[], order: number): Val<S> {
      const x = args[0]!;
      const n = isMat(x) ? x.rows * x.cols : 1;
      if (order === 0) return F.fromRational(a);
      if (order === 1) return new Mat(n, 1, Array.from({ length: n }, () => F.zero));
      return new Mat(n, n, Array.from({ length: n * n }, () => F.zero));
    },
    describe: (name) => `${name}(x) = ${a}, a constant function`,
  };
}

/** (u·Q² + v·P²)/(P² + Q²) at x, P = ∏(x − pᵢ), Q = ∏(x − qⱼ): u at each pᵢ, v at each qⱼ. */
function twoValues<S>(F: Field<S>, x: S, ps: readonly Rational[], u: Rational, qs: readonly Rational[], v: Rational): S {
  let P = F.one;
  let Q = F.one;
  for (const p of ps) P = F.mul(P, F.sub(x, F.fromRational(p)));
  for (const q of qs) Q = F.mul(Q, F.sub(x, F.fromRational(q)));
  const [P2, Q2] = [F.mul(P, P), F.mul(Q, Q)];
  return F.div(F.add(F.mul(F.fromRational(u), Q2), F.mul(F.fromRational(v), P2)), F.add(P2, Q2));
}

/**
 * `R → R`: (u·Q² + v·P²)/(P² + Q²) with P = ∏(x − pᵢ), Q = ∏(x − qⱼ): u at every pᵢ, v at
 * every qⱼ, between u and v everywhere, rational, so exact at rational points. A function
 * nothing bounds takes the values the step names at its arguments: `(f(a) − 0.6)² +
 * (f(b) − 0.6)² > 0` fails at f ≡ 0.6, `(f(a) − 1/3)² + (f(b) − 0.7)² > 0` at f(a) = 1/3,
 * f(b) = 0.7, which random instances never hit. Derivatives of order ≤ 2 by dual numbers.
 */
export function valuesInstance(ps: readonly Rational[], u: Rational, qs: readonly Rational[], v: Rational): FunctionInstance {
  const value = <S>(F: Field<S>, x: S): S => twoValues(F, x, ps, u, qs, v);
  const at = <S>(F: Field<S>, x: S, order: number): S => {
    if (order === 0) return value(F, x);
    if (order > 2) throw new Unsupported('a derivative of this order of this instance is not evaluated');
    const D = dualField(F);
    return at(D, new Dual(x, F.one), order - 1).d;
  };
  const roots = (xs: readonly Rational[]) => xs.map((r) => (r.isZero() ? 'x' : r.sign() < 0 ? `(x + ${r.neg()})` : `(x − ${r})`)).join('');
  return {
    apply<S>(F: Field<S>, args: readonly Val<S>[], order: number): Val<S> {
      const x = args[0]!;
      return isMat(x) ? x.map((e) => at(F, e, order)) : at(F, x, order);
    },
    describe: (name) => (qs.length === 0 || u.equals(v)
      ? `${name}(x) = ${u}, a constant function`
      : `${name}(x) = (${u}·${roots(qs)}² + ${v}·${roots(ps)}²)/(${roots(ps)}² + ${roots(qs)}²) (${u} at x = ${ps.join(', ')}; ${v} at x = ${qs.join(', ')})`),
  };
}

/** How sharp a `kinkInstance` turns: over about 10⁻¹² around its kink. */
const KINK_WIDTH = Rational.parse('0.000000000001');

/**
 * `R → R` with f⁽ᵏ⁾(x) = A·u/√(u² + ε²), u = x − m (k = 1 or 2): f⁽ᵏ⁾ turns from −A to A
 * across m within about ε, |f⁽ᵏ⁾| < |A| everywhere. So f = A·√(u² + ε²) for k = 1 and
 * A·(u√(u² + ε²) + ε²·asinh(u/ε))/2 for k = 2: as far from a line as a bound on f' or f''
 * allows (`f(a) + f(b) − 2f((a + b)/2) ≤ 0.7|a − b|` under |f'| ≤ 1 fails with the kink at
 * (a + b)/2). Its values are enclosures (a root, a logarithm); derivatives up to order 3 by
 * dual numbers.
 */
export function kinkInstance(k: 1 | 2, m: Rational, A: Rational = Rational.ONE, eps: Rational = KINK_WIDTH): FunctionInstance {
  const value = <S>(F: Field<S>, x: S): S => {
    const u = F.sub(x, F.fromRational(m));
    const e = F.fromRational(eps);
    const r = F.elementary('sqrt', F.add(F.powInt(u, 2n), F.fromRational(eps.mul(eps))));
    let v = r;
    if (k === 2) {
      // asinh(u/ε) = log((u + r)/ε), as −log((r − u)/ε) where u < 0 (no cancellation in u + r).
      const asinh = F.sign(u) === -1 ? F.neg(F.elementary('log', F.div(F.sub(r, u), e))) : F.elementary('log', F.div(F.add(u, r), e));
      v = F.div(F.add(F.mul(u, r), F.mul(F.fromRational(eps.mul(eps)), asinh)), F.fromInt(2));
    }
    return F.mul(F.fromRational(A), v);
  };
  const at = <S>(F: Field<S>, x: S, order: number): S => {
    if (order === 0) return value(F, x);
    if (order > 3) throw new Unsupported('a derivative of this order of this instance is not evaluated');
    const D = dualField(F);
    return at(D, new Dual(x, F.one), order - 1).d;
  };
  const abs = (q: Rational) => (q.sign() < 0 ? q.neg() : q);
  return {
    apply<S>(F: Field<S>, args: readonly Val<S>[], order: number): Val<S> {
      const x = args[0]!;
      return isMat(x) ? x.map((e) => at(F, e, order)) : at(F, x, order);
    },
    describe: (name) => {
      const u = m.isZero() ? 'x' : m.sign() < 0 ? `(x + ${m.neg()})` : `(x − ${m})`;
      const r = `√(${u}² + 10⁻²⁴)`;
      return `${name}(x) = ${A}·${k === 1 ? r : `(${u}${r} + 10⁻²⁴·asinh(${u}·10¹²))/2`} (${name}${"'".repeat(k)} turns from ${A.neg()} to ${A} at x = ${m})`;
    },
    sup: (order) => (order === k ? abs(A) : order === k + 1 ? abs(A).div(eps) : null),
    scaled: (s) => kinkInstance(k, m, A.mul(s), eps),
  };
}

/**
 * `R → R`: m + f(x), the instance moved by a constant (into a range a `for all` assumption
 * gives, `0 < σ(z) < 1`): its derivatives are f's; sup |m + f| ≤ |m| + sup |f|.
 */
export function offsetInstance(inner: FunctionInstance, m: Rational): FunctionInstance {
  const abs = (x: Rational) => (x.sign() < 0 ? x.neg() : x);
  return {
    apply<S>(F: Field<S>, args: readonly Val<S>[], order: number, outDim: number | undefined): Val<S> {
      const v = inner.apply(F, args, order, outDim);
      if (order !== 0) return v;
      const shift = F.fromRational(m);
      return isMat(v) ? v.map((x) => F.add(x, shift)) : F.add(v, shift);
    },
    describe: (name, shift = Rational.ZERO) => {
      const text = inner.describe(name, shift.add(m));
      const at = text.indexOf(' = ');
      const constant = /^(-?[\d./]+), a constant function$/.exec(text.slice(at + 3));
      if (constant) {
        const [num, den] = constant[1]!.split('/');
        const c = den === undefined ? Rational.parse(num!) : Rational.parse(num!).div(Rational.parse(den));
        return `${name}(x) = ${m.add(c)}, a constant function`;
      }
      return at < 0 ? text : `${text.slice(0, at)} = ${m} + ${text.slice(at + 3)}`;
    },
    sup: (order) => {
      const s = inner.sup?.(order) ?? null;
      return order === 0 && s !== null ? s.add(abs(m)) : s;
    },
    ...(inner.scaled ? { scaled: (s: Rational, bounded: boolean) => offsetInstance(inner.scaled!(s, bounded), m) } : {}),
  };
}

/**
 * `R → R`: B·(Q² − P²)/(P² + Q²) with P = ∏(x − pᵢ) over `plus` and Q = ∏(x − mⱼ) over
 * `minus`: B at every pᵢ, −B at every mⱼ, and |f| ≤ |B| everywhere (P² and Q² have no common
 * zero), rational, so exact at rational points. What a bound on |f| allows at several points
 * at once (`f(a) − f(−a) < 2`, `‖σ(x) − σ(y)‖² < 4n` under `|f(z)| ≤ 1` fail with f = 1 at
 * the first and −1 at the second); the edge search builds it from the step's own arguments.
 * Derivatives of order ≤ 2 by dual numbers over the backend.
 */
export function extremesInstance(plus: readonly Rational[], minus: readonly Rational[], B: Rational = Rational.ONE): FunctionInstance {
  const value = <S>(F: Field<S>, x: S): S => twoValues(F, x, plus, B, minus, B.neg());
  const at = <S>(F: Field<S>, x: S, order: number): S => {
    if (order === 0) return value(F, x);
    if (order > 2) throw new Unsupported('a derivative of this order of this instance is not evaluated');
    const D = dualField(F);
    return order === 1 ? value(D, new Dual(x, F.one)).d : at(D, new Dual(x, F.one), 1).d;
  };
  const roots = (xs: readonly Rational[]) => xs.map((r) => (r.isZero() ? 'x' : r.sign() < 0 ? `(x + ${r.neg()})` : `(x − ${r})`)).join('');
  const squared = (product: string) => (/^(x|\([^()]*\))$/.test(product) ? `${product}²` : `(${product})²`);
  return {
    apply<S>(F: Field<S>, args: readonly Val<S>[], order: number): Val<S> {
      const x = args[0]!;
      return isMat(x) ? x.map((e) => at(F, e, order)) : at(F, x, order);
    },
    describe: (name, shift = Rational.ZERO) => {
      // (In place, not as P and Q: those may be the file's own names.)
      const [P2, Q2] = [squared(roots(plus)), squared(roots(minus))];
      // (The values it takes there, moved by any constant added to it: 0.5 + 1.5·(…) is 2 where
      // the fraction is 1, not 1.5 as a red team's counterexample said.)
      return `${name}(x) = ${B.equals(Rational.ONE) ? '' : `${B}·`}(${Q2} − ${P2})/(${P2} + ${Q2}) (${B.add(shift)} at x = ${plus.join(', ')}; ${B.neg().add(shift)} at x = ${minus.join(', ')})`;
    },
    sup: (order) => (order === 0 ? (B.sign() < 0 ? B.neg() : B) : null),
    scaled: (s) => extremesInstance(plus, minus, B.mul(s)),
  };
}

/**
 * `R → R` with f⁽ᵏ⁾(x) = A·cos(ω(x − p)), ω = π/(m − p): A at p, −A at m, |f⁽ᵏ⁾| ≤ |A|
 * everywhere; f⁽ʲ⁾(x) = A·ω^(j−k)·cos(ω(x − p) + (j − k)π/2). What a bound on f⁽ᵏ⁾ alone allows
 * at two points (`f'(a) − f'(b) < 2c` under `|f'(z)| ≤ c` fails with f' = c at a, −c at b).
 * Through π its values are enclosures, not exact: where such a step's sides meet there, the
 * edge search leaves it unknown rather than passed.
 */
export function derivativeExtremesInstance(k: number, p: Rational, m: Rational, A: Rational = Rational.ONE): FunctionInstance {
  return cosineWave(k, p, { piOver: m.sub(p) }, A,
    (name, B) => {
      // (As written on paper: π(x − 1)/2, πx/2 at p = 0, π(x + 1)/2 at p = −1; − π/2, not − 1π/2.)
      const moved = p.isZero() ? 'x' : p.sign() < 0 ? `(x + ${p.neg()})` : `(x − ${p})`;
      const turn = k === 0 ? '' : k === 1 ? ' − π/2' : ` − ${k}π/2`;
      return `${name}(x) = ${B}·(${m.sub(p)}/π)${k === 1 ? '' : SUPERSCRIPTS[k] ?? `^${k}`}·cos(π${moved}/${m.sub(p)}${turn}) (${name}${"'".repeat(k)} = ${B} at x = ${p}, ${B.neg()} at x = ${m})`;
    });
}

/**
 * `R → R` with f⁽ᵏ⁾(x) = A·cos(ω(x − p)) for a rational ω > 0: f⁽ᵏ⁾(p) = A exactly, every
 * derivative of it at p exact (0 or ±A·ω^(j−k)), sup |f⁽ʲ⁾| = |A|·ω^(j−k) exactly for every j,
 * so that `for all` bounds on several derivatives are met at once by scaling. The edge search
 * puts one derivative of a bounded function at the most its bounds allow a wave at one of the
 * step's arguments (`|f'(a)| < 1` under |f| ≤ 1 and |f'| ≤ 1 fails at f = sin(x − a)), or, with
 * ω large, an order no bound holds far out (`f'(a) < 100` under |f| ≤ 1: f = 10⁻⁶·sin(10⁶(x − a))).
 */
export function waveInstance(k: number, p: Rational, omega: Rational, A: Rational = Rational.ONE,
  /** A phase φ: f⁽ᵏ⁾ = A·cos(ω(x − p) + φ), so that the orders below and above k are not 0 at p (f·f' at its largest). */
  phase: Rational = Rational.ZERO): FunctionInstance {
  if (!phase.isZero()) {
    return cosineWave(k, p, { rational: omega }, A, (name, B) => `${name}(x) = ${B}${k === 0 ? '' : `/${omega}${k === 1 ? '' : SUPERSCRIPTS[k] ?? `^${k}`}`}·cos(${omega}(x − ${p}) + ${phase}${k === 0 ? '' : ` − ${k}π/2`})`, phase);
  }
  return cosineWave(k, p, { rational: omega }, A, (name, B) => {
    // f = (A/ωᵏ)·cos(ω(x − p) − kπ/2): cos, sin, −cos, −sin of ω(x − p) for k = 0, 1, 2, 3 (mod 4).
    let c = B;
    for (let i = 0; i < k; i++) c = c.div(omega);
    if (k % 4 >= 2) c = c.neg();
    const shifted = p.isZero() ? 'x' : p.sign() < 0 ? `x + ${p.neg()}` : `x − ${p}`;
    const arg = omega.equals(Rational.ONE) ? shifted : p.isZero() ? `${omega}x` : `${omega}(${shifted})`;
    const coefficient = c.equals(Rational.ONE) ? '' : c.equals(Rational.of(-1)) ? '−' : `${c}·`;
    return `${name}(x) = ${coefficient}${k % 2 === 0 ? 'cos' : 'sin'}(${arg}) (${name}${"'".repeat(k)} = ${B} at x = ${p})`;
  });
}

/** Bounds on π for the sup of a wave through π (rational, 10⁻¹⁴ apart). */
const PI_BELOW = Rational.parse('3.14159265358979');
const PI_ABOVE = Rational.parse('3.14159265358980');

/**
 * f⁽ᵏ⁾(x) = A·cos(ω(x − p)), ω rational or π/d; f⁽ʲ⁾(x) = A·ω^(j−k)·cos(ω(x − p) + (j − k)π/2)
 * for every j (below k too: the antiderivatives without their constants). sup |f⁽ʲ⁾| is
 * |A|·|ω|^(j−k): exact for a rational ω, an upper bound through PI_BELOW/PI_ABOVE for π/d.
 */
function cosineWave(k: number, p: Rational, omega: { readonly rational: Rational } | { readonly piOver: Rational }, A: Rational,
  describe: (name: string, A: Rational) => string, phase: Rational = Rational.ZERO): FunctionInstance {
  const at = <S>(F: Field<S>, x: S, j: number): S => {
    const w = 'rational' in omega ? F.fromRational(omega.rational) : F.div(F.pi(), F.fromRational(omega.piOver));
    const shifted = F.mul(w, F.sub(x, F.fromRational(p)));
    const theta = phase.isZero() ? shifted : F.add(shifted, F.fromRational(phase));
    const turn = (((j - k) % 4) + 4) % 4;
    const trig = turn % 2 === 0 ? F.elementary('cos', theta) : F.elementary('sin', theta);
    const signed = turn === 1 || turn === 2 ? F.neg(trig) : trig;
    const scale = j >= k ? F.powInt(w, BigInt(j - k)) : F.div(F.one, F.powInt(w, BigInt(k - j)));
    return F.mul(F.fromRational(A), F.mul(scale, signed));
  };
  const abs = (r: Rational) => (r.sign() < 0 ? r.neg() : r);
  const sup = (j: number): Rational | null => {
    if (j === k) return abs(A);
    // |ω| (exact), or a bound on it above (j > k) or below (j < k) through π.
    const w = 'rational' in omega ? abs(omega.rational) : (j > k ? PI_ABOVE : PI_BELOW).div(abs(omega.piOver));
    if (w.isZero()) return null;
    let s = abs(A);
    for (let i = 0; i < Math.abs(j - k); i++) s = j > k ? s.mul(w) : s.div(w);
    return s;
  };
  return {
    apply<S>(F: Field<S>, args: readonly Val<S>[], order: number): Val<S> {
      const x = args[0]!;
      return isMat(x) ? x.map((e) => at(F, e, order)) : at(F, x, order);
    },
    describe: (name) => describe(name, A),
    sup,
    scaled: (s) => cosineWave(k, p, omega, A.mul(s), describe, phase),
    // (At a rational argument, A·ω^(j−k)·±cos or sin(ω(x − p) + φ) as an expression, ω = π/q as
    // π over q: f' = γ at a and −γ at b, cos 0 and cos π, for the algebra at a place.)
    exprAt(x: Rational, j: number): Expr | null {
      const range: Expr['range'] = [0, 0];
      const scalar = { kind: 'scalar' } as const;
      const num = (r: Rational): Expr => rationalExpr(r, range);
      const bin = (op: '+' | '*' | '/' | '^', left: Expr, right: Expr): Expr => ({ kind: 'Binary', op, left, right, range, shape: scalar });
      const pi: Expr = { kind: 'Const', name: 'pi', range, shape: scalar };
      const w = 'rational' in omega ? num(omega.rational) : bin('/', pi, num(omega.piOver));
      const shifted = 'rational' in omega ? num(omega.rational.mul(x.sub(p))) : bin('*', num(x.sub(p).div(omega.piOver)), pi);
      const theta = phase.isZero() ? shifted : bin('+', shifted, num(phase));
      const turn = (((j - k) % 4) + 4) % 4;
      const trig: Expr = { kind: 'Call', fn: { base: turn % 2 === 0 ? 'cos' : 'sin', index: null, primes: 0, hat: false, range }, args: [theta], range, shape: scalar };
      const signed: Expr = turn === 1 || turn === 2 ? { kind: 'Neg', arg: trig, range, shape: scalar } : trig;
      const scaled = j === k ? signed : bin('*', bin('^', w, num(Rational.of(j - k))), signed);
      return bin('*', num(A), scaled);
    },
  };
}

/** The same value moved by a relative 10⁻¹² or so (to look next to a point). */
export function perturb(v: Val<Rational>, rng: Rng): Val<Rational> {
  const nudge = (x: Rational): Rational => {
    const eps = Rational.of(1_000_000 + rng.int(0, 999_999)).div(new Rational(10n ** 18n)).mul(Rational.of(rng.next() < 0.5 ? 1 : -1));
    return x.isZero() ? eps : x.add(x.mul(eps));
  };
  return isMat(v) ? v.map(nudge) : nudge(v);
}

/**
 * Simpler values to try in place of a counterexample's value, simplest first: small
 * integers and halves for a scalar, the entries rounded for a vector or matrix.
 */
export function simpler(v: Val<Rational>): Val<Rational>[] {
  if (isMat(v)) {
    const rounded = v.map((x) => roundRational(x));
    return rounded.data.every((x, i) => x.equals(v.data[i]!)) ? [] : [rounded];
  }
  const size = (x: Rational) => x.toString().replace('-', '').length;
  return ['0', '1', '-1', '2', '-2', '0.5', '3', '-3', '0.1', '10', '-0.5']
    .map(q)
    .filter((x) => size(x) < size(v) || (size(x) === size(v) && abs(x).cmp(abs(v)) < 0));
}

function roundRational(x: Rational): Rational {
  if (x.isInteger()) return x;
  const twice = x.n * 2n;
  const floor = (a: bigint, b: bigint) => (a >= 0n ? a / b : -((-a + b - 1n) / b));
  return new Rational(floor(twice + x.d, 2n * x.d));
}
