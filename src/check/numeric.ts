/**
 * The numeric engine: the only file that imports mathjs.
 *
 * It interprets our AST directly with mathjs's typed functions on BigNumbers (40
 * significant digits) and dense matrices: no text is ever parsed, so no user name can
 * become a physical unit or reach an evaluator.
 */
import type { BigNumber, MathJsInstance, Matrix } from 'mathjs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Call, Dim, Expr, MatrixTag, RelOp, Var } from '../ast.js';
import { builtinFunction, builtinNorm } from '../builtins.js';
import { printName } from '../print.js';
import { hashString, type Rng } from './rng.js';

/** A sampled value: a BigNumber scalar or a 2-D matrix (vectors are n×1). */
export type Value = BigNumber | Matrix;
export type Bindings = ReadonlyMap<string, Value>;

/** A side has no value at this point (log of a negative number, division by zero, …). */
export class Undefined extends Error {}
/** The engine cannot evaluate this construct at all. */
export class Unsupported extends Error {}
/** This point is out of reach (an astronomically large power): skip it, it says nothing. */
export class Skip extends Error {}

/** Matrices and vectors are sampled up to this size; larger dimensions are not evaluated. */
export const MAX_DIMENSION = 12;

/** What the evaluator asks of the model it runs in. */
export interface Host {
  /** The value of a name that is not bound locally (a free name, a family member, a defined name). */
  variable(v: Var, bindings: Bindings): Value;
  /** A declared function applied to evaluated arguments. */
  apply(call: Call, args: Value[], bindings: Bindings): Value;
  /** The concrete size of a dimension (`n` → 3). */
  dim(d: Dim): number;
  /** `E[…]`, `Var[…]`, derivatives and limits, when the host supports them. */
  special?(e: Expr, bindings: Bindings): Value;
}

/** An interval for sampling a scalar; null ends are unbounded. */
export interface Interval {
  readonly lo: number | null;
  readonly hi: number | null;
  readonly loClosed: boolean;
  readonly hiClosed: boolean;
}

/** A random smooth function: applies elementwise (R → R) or to a whole vector (R^n → R). */
export interface FunctionInstance {
  /**
   * The function at `args`, at the precision of `engine`; `outDim` is the size of the
   * result of a vector-valued function (`F : R^n → R^m`).
   */
  apply(args: Value[], derivative: number, outDim: number | undefined, engine: NumericEngine): Value;
  describe(name: string): string;
}

const PRECISION = 40;
/** Relative tolerance: far below anything a derivation writes, far above rounding at 40 digits. */
const TOLERANCE = '1e-25';
/** Relative tolerance once a double-precision step (an eigenvalue) is involved. */
const INEXACT_TOLERANCE = '1e-9';
/** Loops in ∑/∏ longer than this are not evaluated. */
const MAX_TERMS = 100_000;

const FUNCTIONS = [
  'add', 'multiply', 'divide', 'pow', 'unaryMinus', 'transpose', 'det', 'trace',
  'sqrt', 'exp', 'log', 'sin', 'cos', 'tan', 'tanh', 'abs', 'bignumber', 'matrix', 'factorial', 'pi', 'e',
];

let engine: NumericEngine | null = null;

/**
 * Loads mathjs (once, lazily) and returns the engine. Only the functions used are
 * loaded, from mathjs's CommonJS per-function entries by path: ~0.15 s cold, against
 * ~0.3 s for the same entries as ES modules and ~0.65 s for `import 'mathjs'`.
 */
export async function loadNumeric(): Promise<NumericEngine> {
  if (engine) return engine;
  const require = createRequire(import.meta.url);
  const root = path.join(path.dirname(require.resolve('mathjs/package.json')), 'lib', 'cjs');
  const { create } = require(path.join(root, 'core', 'create.js')) as { create: (deps: object, config: object) => MathJsInstance };
  const deps: Record<string, unknown> = {};
  for (const f of FUNCTIONS) {
    Object.assign(deps, require(path.join(root, 'entry', 'dependenciesAny', `dependencies${f[0]!.toUpperCase()}${f.slice(1)}.generated.js`)) as object);
  }
  engine = new NumericEngine(create(deps, { number: 'BigNumber', precision: PRECISION, predictable: true }),
    () => new NumericEngine(create(deps, { number: 'BigNumber', precision: PRECISION * 2, predictable: true })));
  return engine;
}

/** Evaluation, comparison, sampling and formatting of values. */
export class NumericEngine {
  private readonly tol: BigNumber;
  private readonly looseTol: BigNumber;
  /**
   * Set when an evaluation went through a double-precision step (eigenvalues); the
   * caller clears it before evaluating the values it is about to compare.
   */
  inexact = false;
  /** Evaluation stops with Unsupported past this time (Date.now()); set per step. */
  deadline = Infinity;
  private preciseEngine: NumericEngine | null = null;

  /**
   * The same engine at twice the precision (made on first use): a difference between
   * two sides that is rounding shrinks by ~40 orders there, a real one (exp(−100) vs 0) stays.
   */
  get precise(): NumericEngine | null {
    if (!this.preciseEngine && this.makePrecise) this.preciseEngine = this.makePrecise();
    return this.preciseEngine;
  }
  private readonly zero: BigNumber;
  private readonly one: BigNumber;

  constructor(readonly math: MathJsInstance, private readonly makePrecise: (() => NumericEngine) | null = null) {
    this.tol = math.bignumber(TOLERANCE);
    this.looseTol = math.bignumber(INEXACT_TOLERANCE);
    this.zero = math.bignumber(0);
    this.one = math.bignumber(1);
  }

  // ---------------------------------------------------------------------------
  // Values

  /** An exact scalar from a decimal string or a safe integer. */
  scalar(x: string | number): BigNumber {
    return this.math.bignumber(String(x));
  }

  isMatrix(v: Value): v is Matrix {
    return typeof (v as Matrix).size === 'function';
  }

  /** The integer a value holds, or null (for indices and bounds). */
  toInteger(v: Value): number | null {
    if (this.isMatrix(v)) return null;
    if (!v.isFinite() || !v.isInteger()) return null;
    const n = v.toNumber();
    return Number.isSafeInteger(n) ? n : null;
  }

  /** A scalar as a JS number (for messages and bounds). */
  toNumber(v: Value): number {
    return this.isMatrix(v) ? NaN : v.toNumber();
  }

  /** The zero of a shape. */
  zeros(rows: number, cols: number): Value {
    if (rows === 1 && cols === 1) return this.zero;
    return this.grid(rows, cols, () => this.zero);
  }

  /** The identity (BigNumber entries: mathjs's own `identity` and `zeros` give JS numbers). */
  identity(rows: number, cols: number): Matrix {
    return this.grid(rows, cols, (i, j) => (i === j ? this.one : this.zero));
  }

  private grid(rows: number, cols: number, f: (i: number, j: number) => BigNumber): Matrix {
    return this.math.matrix(Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => f(i, j)))) as Matrix;
  }

  // ---------------------------------------------------------------------------
  // Evaluation

  /** Evaluates an expression; throws Undefined where it has no value, Unsupported where it can't. */
  evaluate(e: Expr, host: Host, bindings: Bindings = new Map()): Value {
    const v = this.eval(e, host, bindings);
    return v;
  }

  private eval(e: Expr, host: Host, b: Bindings): Value {
    const m = this.math;
    switch (e.kind) {
      case 'Num': {
        if (e.value === '0' && e.shape?.kind === 'matrix') return this.zeros(host.dim(e.shape.rows), host.dim(e.shape.cols));
        return m.bignumber(e.value);
      }
      case 'Const': {
        if (e.name === 'pi') return m.pi as unknown as BigNumber;
        if (e.name === 'e') return m.e as unknown as BigNumber;
        if (e.name === 'I') {
          if (e.shape?.kind !== 'matrix') throw new Unsupported('the size of I is not known here: write I_n');
          return this.identity(host.dim(e.shape.rows), host.dim(e.shape.cols));
        }
        throw new Unsupported('∞ is not a value: it only appears in limits');
      }
      case 'Var': {
        const key = printName(e.name);
        const local = b.get(key);
        if (local !== undefined) return local;
        return host.variable(e, b);
      }
      case 'Neg': return this.neg(this.eval(e.arg, host, b));
      case 'Binary': {
        const l = this.eval(e.left, host, b);
        const r = this.eval(e.right, host, b);
        switch (e.op) {
          case '+': return this.add(l, r);
          case '-': return this.add(l, this.neg(r));
          case '*': return this.mul(l, r);
          case '/': return this.div(l, r);
          case '^': return this.pow(l, r);
        }
        break;
      }
      case 'Transpose': {
        const v = this.eval(e.arg, host, b);
        return this.isMatrix(v) ? (m.transpose(v) as Matrix) : v;
      }
      case 'Factorial': {
        const v = this.eval(e.arg, host, b);
        const n = this.toInteger(v);
        if (n === null || n < 0) throw new Undefined('factorial of something that is not a whole number ≥ 0');
        if (n > 1000) throw new Unsupported('factorial too large');
        return m.factorial(v as BigNumber) as BigNumber;
      }
      case 'Abs': {
        const v = this.eval(e.arg, host, b);
        return this.isMatrix(v) ? this.norm(v) : (m.abs(v) as BigNumber);
      }
      case 'Norm': {
        const v = this.eval(e.arg, host, b);
        if (builtinNorm(e.sub)?.evaluate === 'frobenius') return this.isMatrix(v) ? this.frobenius(v) : (m.abs(v) as BigNumber);
        return this.isMatrix(v) ? this.norm(v) : (m.abs(v) as BigNumber);
      }
      case 'Component': {
        // x_i, A_{ij}: 1-based; past the end there is no value.
        const v = this.eval(e.of, host, b);
        const at = e.indices.map((i) => this.toInteger(this.eval(i, host, b)));
        if (!this.isMatrix(v)) {
          if (at.every((i) => i === 1)) return v;
          throw new Undefined(`${printName(e.of.name)} has no component there`);
        }
        const [rows, cols] = v.size() as [number, number];
        const [i, j] = at.length === 1 ? (rows === 1 ? [1, at[0]] : [at[0], 1]) : at;
        if (i === null || j === null || i === undefined || j === undefined) throw new Undefined(`the index of ${printName(e.of.name)} is not a whole number`);
        if (i < 1 || j < 1 || i > rows || j > cols) throw new Undefined(`${printName(e.of.name)} has no component (${i}, ${j}): it is ${rows}×${cols}`);
        return v.get([i - 1, j - 1]) as BigNumber;
      }
      case 'Call': return this.call(e, host, b);
      case 'BigOp': return this.bigOp(e, host, b);
      case 'Expect': case 'Deriv': case 'Grad': case 'Limit': {
        if (host.special) return host.special(e, b);
        const what = e.kind === 'Expect' ? 'expectations' : e.kind === 'Limit' ? 'limits' : 'derivatives';
        throw new Unsupported(`${what} are not evaluated yet`);
      }
    }
    throw new Unsupported(`cannot evaluate ${(e as Expr).kind}`);
  }

  private call(e: Call, host: Host, b: Bindings): Value {
    const m = this.math;
    const args = e.args.map((a) => this.eval(a, host, b));
    const a = args[0]!;
    const builtin = e.fn.primes === 0 && !e.fn.hat && e.fn.index === null ? builtinFunction(e.fn.base)?.evaluate ?? '' : '';
    const elementwise = (f: (x: BigNumber) => BigNumber): Value =>
      this.isMatrix(a) ? (a.map((x: BigNumber) => f(x)) as Matrix) : f(a);
    switch (builtin) {
      case 'sin': return elementwise((x) => m.sin(x));
      case 'cos': return elementwise((x) => m.cos(x));
      case 'tan': return elementwise((x) => {
        if (m.cos(x).isZero()) throw new Undefined('tan at an odd multiple of π/2');
        return m.tan(x);
      });
      // decimal.js's tanh takes minutes for |x| ≳ 10⁵; past 50 it is ±1 to 40 digits.
      case 'tanh': return elementwise((x) => (x.abs().greaterThan(50) ? m.bignumber(x.isNegative() ? -1 : 1) : m.tanh(x)));
      case 'exp': return elementwise((x) => {
        if (x.abs().greaterThan(1_000_000)) throw new Skip('exp of a number too large to evaluate');
        return m.exp(x);
      });
      case 'log': return elementwise((x) => {
        if (!x.isPositive() || x.isZero()) throw new Undefined(x.isZero() ? 'log of 0' : 'log of a negative number');
        return m.log(x) as BigNumber;
      });
      case 'sqrt': return elementwise((x) => {
        if (x.isNegative() && !x.isZero()) throw new Undefined('square root of a negative number');
        return m.sqrt(x) as BigNumber;
      });
      case 'max': case 'min': {
        let best = a as BigNumber;
        for (const x of args.slice(1)) {
          const c = (x as BigNumber).comparedTo(best);
          if ((builtin === 'max' && c > 0) || (builtin === 'min' && c < 0)) best = x as BigNumber;
        }
        return best;
      }
      case 'diag': {
        const entries = this.column(a);
        const n = entries.length;
        const rows = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? entries[i]! : this.zero)));
        return m.matrix(rows) as Matrix;
      }
      // A scalar is a 1×1 matrix: its trace, determinant and eigenvalue are itself.
      case 'trace': return this.isMatrix(a) ? m.trace(a) as unknown as BigNumber : a;
      case 'det': return this.isMatrix(a) ? m.det(a) as unknown as BigNumber : a;
      case 'λ_max': return this.isMatrix(a) ? this.lambdaMax(a) : a;
      case 'λ_min': return this.isMatrix(a) ? this.lambdaMin(a) : a;
      default: return host.apply(e, args, b);
    }
  }

  private bigOp(e: Extract<Expr, { kind: 'BigOp' }>, host: Host, b: Bindings): Value {
    const lo = this.toInteger(this.eval(e.lower, host, b));
    const hi = this.toInteger(this.eval(e.upper, host, b));
    if (lo === null || hi === null) throw new Undefined('the bounds of a ∑ or ∏ are not whole numbers');
    if (hi - lo > MAX_TERMS) throw new Unsupported(`a ∑ or ∏ with more than ${MAX_TERMS} terms`);
    const key = printName(e.index);
    const inner = new Map(b);
    let acc: Value | null = null;
    for (let i = lo; i <= hi; i++) {
      if (Date.now() > this.deadline) throw new Unsupported('the time limit ran out while evaluating a ∑ or ∏');
      inner.set(key, this.math.bignumber(i));
      const v = this.eval(e.body, host, inner);
      if (acc === null) acc = v;
      else if (e.op === 'sum') acc = this.add(acc, v);
      else acc = this.mul(v, acc); // ∏_{t=1}^{T} J_t = J_T ⋯ J_1
    }
    if (acc !== null) return acc;
    // The empty sum is 0 and the empty product 1 (or I), of the body's shape.
    const s = e.shape;
    if (s?.kind === 'matrix') {
      const rows = host.dim(s.rows);
      const cols = host.dim(s.cols);
      return e.op === 'sum' ? this.zeros(rows, cols) : this.identity(rows, cols);
    }
    return e.op === 'sum' ? this.zero : this.one;
  }

  // ---------------------------------------------------------------------------
  // Arithmetic (shapes were checked by the shape pass; 1×1 results are scalars)

  private scalarOf(v: Value): Value {
    if (this.isMatrix(v)) {
      const [r, c] = v.size();
      if (r === 1 && c === 1) return v.get([0, 0]) as BigNumber;
    }
    return v;
  }

  add(a: Value, b: Value): Value {
    return this.scalarOf(this.math.add(a, b) as Value);
  }

  neg(a: Value): Value {
    return this.math.unaryMinus(a) as Value;
  }

  mul(a: Value, b: Value): Value {
    return this.scalarOf(this.math.multiply(a, b) as Value);
  }

  private div(a: Value, b: Value): Value {
    if (this.isMatrix(b)) throw new Unsupported('division by a matrix');
    if (b.isZero()) throw new Undefined('division by zero');
    return this.math.divide(a, b) as Value;
  }

  private pow(a: Value, b: Value): Value {
    const m = this.math;
    if (this.isMatrix(b)) throw new Unsupported('a matrix exponent');
    if (this.isMatrix(a)) {
      const k = this.toInteger(b);
      if (k === null) throw new Unsupported('a matrix to a power that is not a whole number');
      if (Math.abs(k) > 10_000) throw new Skip('a matrix power too large to evaluate');
      // Repeated squaring (mathjs's pow gives JS numbers for A^0 under a BigNumber config).
      let base = k < 0 ? this.inverse(a) : a;
      let result: Value = this.identity(a.size()[0]!, a.size()[0]!);
      for (let e = Math.abs(k); e > 0; e >>= 1) {
        if (e & 1) result = this.mul(result, base);
        if (e > 1) base = this.mul(base, base) as Matrix;
      }
      return result;
    }
    if (a.isZero() && b.isNegative()) throw new Undefined('division by zero (0 to a negative power)');
    if (a.isNegative() && !b.isInteger()) throw new Undefined('a negative number to a fractional power');
    // |b·log|a|| beyond ~10⁶: the value has a million digits; the point says nothing.
    // (The decimal exponent stands in for log|a|: decimal.js's ln is far too slow to call per power.)
    const digits = Math.abs((a as unknown as { e: number }).e) + 1;
    if (!b.isInteger() || b.abs().greaterThan(64)) {
      if (!a.isZero() && !a.abs().equals(1) && b.abs().times(digits + 1).greaterThan(1_000_000)) throw new Skip('a power too large to evaluate');
    }
    return m.pow(a, b) as BigNumber;
  }

  /**
   * Gauss–Jordan with partial pivoting on BigNumbers. Not mathjs's `inv`: with
   * BigNumbers it returns a wrong inverse for some 4×4 integer matrices (measured:
   * P·inv(P) ≠ I for P = [[3,1,-2,-1],[-2,-1,1,2],[2,-2,1,-2],[-3,-1,2,3]]).
   */
  private inverse(a: Matrix): Matrix {
    const [n, c] = a.size();
    if (n !== c) throw new Undefined('the inverse of a matrix that is not square');
    const rows = (a.toArray() as BigNumber[][]).map((row, i) =>
      [...row, ...Array.from({ length: n }, (_, j) => (i === j ? this.one : this.zero))]);
    const scale = rows.reduce((mx, row) => row.slice(0, n).reduce((m2, x) => BigNumberMax(m2, x.abs(), m2), mx), this.one);
    for (let col = 0; col < n; col++) {
      let pivot = col;
      for (let r = col + 1; r < n; r++) if (rows[r]![col]!.abs().greaterThan(rows[pivot]![col]!.abs())) pivot = r;
      if (rows[pivot]![col]!.abs().lessThanOrEqualTo(this.tol.times(scale))) throw new Undefined('the matrix is not invertible here');
      [rows[col], rows[pivot]] = [rows[pivot]!, rows[col]!];
      const p = rows[col]!;
      const inv = this.one.div(p[col]!);
      for (let j = 0; j < 2 * n; j++) p[j] = p[j]!.times(inv);
      for (let r = 0; r < n; r++) {
        if (r === col) continue;
        const f = rows[r]![col]!;
        if (f.isZero()) continue;
        const row = rows[r]!;
        for (let j = 0; j < 2 * n; j++) row[j] = row[j]!.minus(f.times(p[j]!));
      }
    }
    return this.math.matrix(rows.map((row) => row.slice(n))) as Matrix;
  }

  column(v: Value): BigNumber[] {
    if (!this.isMatrix(v)) return [v];
    return (v.toArray() as BigNumber[][]).flat();
  }

  /** Euclidean norm of a vector; the L2 operator norm (largest singular value) of a matrix. */
  private norm(v: Matrix): BigNumber {
    const [r, c] = v.size();
    if (r === 1 || c === 1) {
      let s = this.zero;
      for (const x of this.column(v)) s = s.plus(x.times(x));
      return s.sqrt();
    }
    const vtv = this.math.multiply(this.math.transpose(v), v) as Matrix;
    const l = this.lambdaMax(vtv);
    return (l.isNegative() ? this.zero : l).sqrt();
  }

  /** The Frobenius norm: the square root of the sum of the squared entries. */
  private frobenius(v: Matrix): BigNumber {
    let s = this.zero;
    for (const x of this.column(v)) s = s.plus(x.times(x));
    return s.sqrt();
  }

  /** The smallest eigenvalue of a symmetric matrix (in doubles, like λ_max). */
  private lambdaMin(a: Matrix): BigNumber {
    const [r, c] = a.size();
    if (r !== c) throw new Undefined('λ_min of a matrix that is not square');
    if (!this.equal(a, this.math.transpose(a) as Matrix)) throw new Undefined('λ_min of a matrix that is not symmetric');
    const rows = (a.toArray() as BigNumber[][]).map((row) => row.map((x) => x.toNumber()));
    this.inexact = true;
    return this.math.bignumber(Math.min(...jacobiEigenvalues(rows)));
  }

  /**
   * Whether a value has a matrix property (`assume I + A B invertible`): symmetric,
   * diagonal, orthogonal (QᵀQ = I) within the comparison tolerance; invertible when its
   * determinant is not 0 against the size of its entries; positive definite when symmetric
   * with a smallest eigenvalue above 0 (in doubles).
   */
  hasTag(v: Value, tag: MatrixTag): boolean {
    if (!this.isMatrix(v)) {
      return tag === 'invertible' || tag === 'positive definite' ? !v.isZero() && (tag === 'invertible' || v.isPositive()) : true;
    }
    const [r, c] = v.size();
    if (r !== c) return false;
    const t = this.math.transpose(v) as Matrix;
    switch (tag) {
      case 'symmetric': return this.equal(v, t);
      case 'diagonal': return (v.toArray() as BigNumber[][]).every((row, i) => row.every((x, j) => i === j || this.close(x, this.zero)));
      case 'orthogonal': return this.equal(this.mul(t, v), this.identity(r, r));
      case 'invertible': {
        const scale = this.column(v).reduce((mx, x) => BigNumberMax(mx, x.abs(), mx), this.one);
        return (this.math.det(v) as unknown as BigNumber).abs().greaterThan(this.tol.times(scale.pow(r)));
      }
      case 'positive definite': return this.equal(v, t) && this.lambdaMin(v).greaterThan(this.zero);
    }
  }

  /**
   * The largest eigenvalue, computed in double precision (Jacobi on decimal BigNumbers
   * costs ~100× more): it marks the evaluation inexact, so comparisons involving it use
   * a 1e-9 relative tolerance instead of 1e-25.
   */
  private lambdaMax(a: Matrix): BigNumber {
    const [r, c] = a.size();
    if (r !== c) throw new Undefined('λ_max of a matrix that is not square');
    const at = this.math.transpose(a) as Matrix;
    if (!this.equal(a, at)) throw new Undefined('λ_max of a matrix that is not symmetric');
    const rows = (a.toArray() as BigNumber[][]).map((row) => row.map((x) => x.toNumber()));
    this.inexact = true;
    return this.math.bignumber(Math.max(...jacobiEigenvalues(rows)));
  }

  // ---------------------------------------------------------------------------
  // Comparison

  /** Whether a value is finite everywhere. */
  isFinite(v: Value): boolean {
    return this.column(v).every((x) => x.isFinite());
  }

  /** Equal within a relative tolerance of 1e-25 (values carry 40 digits). */
  equal(a: Value, b: Value): boolean {
    const xs = this.column(a);
    const ys = this.column(b);
    if (this.isMatrix(a) && this.isMatrix(b)) {
      const [r1, c1] = a.size();
      const [r2, c2] = b.size();
      if (r1 !== r2 || c1 !== c2) return false;
    }
    // A scalar 0 stands for the zero of any shape.
    if (xs.length !== ys.length) {
      if (ys.length === 1 && ys[0]!.isZero()) return xs.every((x) => this.close(x, this.zero));
      if (xs.length === 1 && xs[0]!.isZero()) return ys.every((y) => this.close(y, this.zero));
      return false;
    }
    return xs.every((x, i) => this.close(x, ys[i]!));
  }

  private close(x: BigNumber, y: BigNumber): boolean {
    const scale = BigNumberMax(this.one, x.abs(), y.abs());
    return x.minus(y).abs().lessThanOrEqualTo((this.inexact ? this.looseTol : this.tol).times(scale));
  }

  /** Whether `a op b` holds (scalars for order relations; equality within tolerance). */
  holds(op: RelOp, a: Value, b: Value): boolean {
    if (op === '=') return this.equal(a, b);
    if (op === '≠') return !this.equal(a, b);
    if (op === '→') throw new Unsupported('limits are not evaluated yet');
    if (this.isMatrix(a) || this.isMatrix(b)) throw new Unsupported(`'${op}' between vectors or matrices`);
    const eq = this.close(a, b);
    switch (op) {
      case '<': return a.lessThan(b) && !eq;
      case '≤': return a.lessThan(b) || eq;
      case '>': return a.greaterThan(b) && !eq;
      case '≥': return a.greaterThan(b) || eq;
    }
  }

  // ---------------------------------------------------------------------------
  // Sampling

  /**
   * A scalar for sample number `k`: small integers and simple fractions for the first
   * points (readable counterexamples, like MathCheck), then wider scales.
   */
  randomScalar(rng: Rng, k: number, interval: Interval | null, name = ''): BigNumber {
    const m = this.math;
    const iv = interval ?? { lo: null, hi: null, loClosed: false, hiClosed: false };
    // Early points walk each name through a short list of readable values, each name
    // from its own offset, so 0, 1, -1 … all come up and names differ from each other.
    const early = k < 8;
    const [offset, stride] = nameWalk(name);
    const cycle = (list: readonly string[]): string => list[(k * stride + offset) % list.length]!;
    // The next 8 points sweep magnitudes (1e±6, 1e±9 …), so a claim true only at the
    // scales of homework numbers does not pass; later points are random over many scales.
    const sweep = k >= 8 && k < 16;
    const { lo, hi } = iv;
    if (lo !== null && hi !== null) {
      let f = early ? cycle(['0.5', '0.3', '0.7', '0.25', '0.9', '0.1', '0.6', '0.2'])
        : sweep ? cycle(['0.000001', '0.999999', '0.001', '0.999', '0.000000001', '0.999999999', '0.01', '0.99'])
          : rng.next() < 0.2 ? rng.pick(['0.001', '0.999', '0.01', '0.99', '0.000001', '0.999999']) : (rng.int(1, 9999) / 10000).toString();
      if (iv.loClosed && (early ? k === 7 : rng.next() < 0.1)) f = '0';
      if (iv.hiClosed && !early && rng.next() < 0.1) f = '1';
      return m.bignumber(lo).plus(m.bignumber(hi - lo).times(m.bignumber(f)));
    }
    if (lo !== null || hi !== null) {
      const closed = lo !== null ? iv.loClosed : iv.hiClosed;
      const step = early ? m.bignumber(cycle(['1', '2', '0.5', '3', closed ? '0' : '0.25', '5', '0.3', '10']))
        : sweep ? this.magnitude(cycle(['6', '-6', '3', '-3', '9', '-9', '1', '-1']), rng).abs()
          : rng.next() < 0.08 && closed ? this.zero : this.wide(rng).abs();
      return lo !== null ? m.bignumber(lo).plus(step) : m.bignumber(hi!).minus(step);
    }
    return early ? m.bignumber(cycle(['2', '-1', '0.5', '3', '0', '1', '-2', '1.5']))
      : sweep ? this.magnitude(cycle(['6', '-6', '3', '-3', '9', '-9', '1', '-1']), rng) : this.wide(rng);
  }

  /** ±(1–9) × 10^e. */
  private magnitude(exponent: string, rng: Rng): BigNumber {
    const v = this.math.bignumber(rng.int(1, 9)).times(this.math.bignumber(10).pow(Number(exponent)));
    return rng.next() < 0.5 ? v.neg() : v;
  }

  /** Sign × (1–999)/10^(0..3) × 10^(−2..2): many scales, still short decimals. */
  private wide(rng: Rng): BigNumber {
    const m = this.math;
    const mant = m.bignumber(rng.int(1, 999)).div(m.bignumber(10).pow(rng.int(0, 2)));
    const scale = m.bignumber(10).pow(rng.next() < 0.8 ? rng.int(-2, 2) : rng.int(-9, 8));
    const v = mant.times(scale);
    return rng.next() < 0.5 ? v.neg() : v;
  }

  /** An integer in an interval (indices). */
  randomInteger(rng: Rng, k: number, lo: number, hi: number): BigNumber {
    const span = Math.max(0, hi - lo);
    // Every value of a short range in the first points, then at random, now and then far
    // beyond it (a claim true for t ≤ 6 only must not pass).
    const n = k <= span ? lo + k : rng.next() < 0.75 ? lo + rng.int(0, span) : lo + rng.int(span, span + 15);
    return this.math.bignumber(n);
  }

  /**
   * A vector or matrix honouring its tags, from a wide family so that no tag's extra
   * property comes for free: entries small integers first, decimals later; now and then
   * the zero vector/matrix, the identity, or the whole matrix scaled (by −1, 0.1, 10…).
   * Positive definite: BᵀB + εI, scaled (eigenvalues anywhere in (0, ∞)); orthogonal: a
   * product of 0–3 Householder reflections (both determinants, not symmetric);
   * invertible: any nonsingular matrix, scaled (any determinant but 0).
   */
  randomMatrix(rng: Rng, k: number, rows: number, cols: number, tags: ReadonlySet<MatrixTag>, name = ''): Matrix {
    const m = this.math;
    if (rows > MAX_DIMENSION || cols > MAX_DIMENSION) throw new Unsupported(`dimensions above ${MAX_DIMENSION} are not sampled`);
    const entry = (): BigNumber => (k < 8 ? m.bignumber(rng.int(-3, 3)) : m.bignumber(rng.int(-50, 50)).div(10));
    const fill = (r: number, c: number): BigNumber[][] => {
      for (let attempt = 0; ; attempt++) {
        const a = Array.from({ length: r }, () => Array.from({ length: c }, entry));
        if (attempt > 5 || a.some((row) => row.some((x) => !x.isZero()))) return a;
      }
    };
    const scale = (mat: Matrix, factors: readonly string[]): Matrix => {
      const f = m.bignumber(rng.pick(factors));
      return mat.map((x: BigNumber) => x.times(f)) as Matrix;
    };
    const roll = rng.next();
    const square = rows === cols;
    const positive = tags.has('positive definite');
    const invertible = positive || tags.has('invertible') || tags.has('orthogonal');
    if (square && tags.has('orthogonal')) {
      let q: Matrix = this.identity(rows, rows);
      const reflections = k < 4 ? k % 4 : rng.int(0, 3);
      // vᵀv with no prime factor but 2 and 5: the reflection's entries are exact decimals,
      // so the matrix is exactly orthogonal at every precision.
      const terminating = (n: number) => { while (n % 2 === 0) n /= 2; while (n % 5 === 0) n /= 5; return n === 1; };
      const reflector = (): BigNumber[] => {
        for (let attempt = 0; attempt < 40; attempt++) {
          const v = Array.from({ length: rows }, () => rng.int(-3, 3));
          const vv = v.reduce((acc, x) => acc + x * x, 0);
          if (vv > 0 && terminating(vv)) return v.map((x) => m.bignumber(x));
        }
        const i = rng.int(0, rows - 1);
        return Array.from({ length: rows }, (_, j) => (j === i || j === (i + 1) % rows ? this.one : this.zero));
      };
      for (let r = 0; r < reflections; r++) {
        const v = reflector();
        const vv = v.reduce((acc, x) => acc.plus(x.times(x)), this.zero);
        const h = m.matrix(v.map((vi, i) => v.map((vj, j) => (i === j ? this.one : this.zero).minus(vi.times(vj).times(2).div(vv))))) as Matrix;
        q = this.mul(q, h) as Matrix;
      }
      return q;
    }
    if (square && positive) {
      const eps = m.bignumber(rng.pick(['0.01', '0.1', '1']));
      if (tags.has('diagonal')) {
        return this.grid(rows, cols, (i, j) => (i === j ? m.bignumber(rng.int(0, 5)).plus(eps) : this.zero));
      }
      const b = m.matrix(fill(rows, cols)) as Matrix;
      const p = m.add(m.multiply(m.transpose(b), b), this.identity(rows, rows).map((x: BigNumber) => x.times(eps))) as Matrix;
      return k < 8 ? p : scale(p, ['1', '0.1', '10', '0.01']);
    }
    // Special values at two early points of each name (its own, so names differ): the
    // zero vector or matrix (unless invertible), and ±I; later, now and then.
    const [offset] = nameWalk(name);
    const special = k < 16 ? (k + offset) % 8 : roll < 0.05 ? 3 : roll > 0.97 ? 6 : -1;
    if (special === 3 && k >= 1 && !invertible) return this.grid(rows, cols, () => this.zero);
    if (special === 6 && square && !tags.has('diagonal')) return scale(this.identity(rows, cols), k < 8 ? ['1'] : ['-1']);
    for (let attempt = 0; attempt < 20; attempt++) {
      let a = fill(rows, cols);
      if (square && tags.has('diagonal')) a = a.map((row, i) => row.map((x, j) => (i === j ? x : this.zero)));
      else if (square && tags.has('symmetric')) a = a.map((row, i) => row.map((x, j) => (j < i ? a[j]![i]! : x)));
      let mat = m.matrix(a) as Matrix;
      if (k >= 8 && rng.next() < 0.3) mat = scale(mat, ['-1', '0.1', '10', '-2', '0.01']);
      if (!invertible || !square) return mat;
      const d = (m.det(mat) as unknown as BigNumber).abs();
      if (!d.isZero()) return mat;
    }
    // Fall back on a diagonally dominant matrix: invertible and well conditioned.
    const a = fill(rows, cols).map((row, i) => row.map((x, j) => (i === j ? m.bignumber(rows * 4 + 1) : tags.has('diagonal') ? this.zero : x)));
    return m.matrix(tags.has('symmetric') ? a.map((row, i) => row.map((x, j) => (j < i ? a[j]![i]! : x))) : a) as Matrix;
  }

  /**
   * A random smooth function for one sample: `a + b·x + c·sin(d·x + φ)` applied
   * elementwise for `R → R`; for `R^n → R^m`, component i is
   * `a_i + w_iᵀx + c·sin(r_iᵀx + φ_i) + xᵀQx/4`. Its parameters are short decimals, so
   * the same function evaluates at any precision (the engine is given at each call).
   */
  randomFunction(rng: Rng, elementwise: boolean): FunctionInstance {
    const [a, b, c, d, phi] = [
      rng.pick(['0', '0.5', '-0.5', '1', '0.2']), rng.pick(['1', '0.5', '-1', '1.5', '2', '-0.5']),
      rng.pick(['1', '0.5', '2', '-1', '0.7']), rng.pick(['1', '0.5', '1.5', '2', '0.7']), rng.pick(['0.3', '1', '0', '2', '0.5']),
    ];
    if (elementwise) {
      return {
        apply(args, order, _outDim, engine) {
          const m = engine.math;
          const [A, B, C, D, PHI] = [a, b, c, d, phi].map((x) => m.bignumber(x));
          const f = (x: BigNumber): BigNumber => {
            // d^k/dx^k of c·sin(dx + φ) is c·d^k·sin(dx + φ + kπ/2).
            const arg = D!.times(x).plus(PHI!).plus((m.pi as unknown as BigNumber).times(order).div(2));
            const wave = C!.times(D!.pow(order)).times(m.sin(arg));
            if (order === 0) return A!.plus(B!.times(x)).plus(wave);
            if (order === 1) return B!.plus(wave);
            return wave;
          };
          const x = args[0]!;
          return engine.isMatrix(x) ? (x.map((v: BigNumber) => f(v)) as Matrix) : f(x);
        },
        describe: (name) => `${name}(x) = ${a} + ${b}x + ${c}·sin(${d}x + ${phi})`,
      };
    }
    const vectors = new Map<string, { w: number[][]; r: number[][]; q: number[][]; a: string[]; phi: string[] }>();
    const paramsFor = (n: number, out: number) => {
      let p = vectors.get(`${n}×${out}`);
      if (!p) {
        const ints = () => Array.from({ length: n }, () => rng.int(-2, 2));
        const q0 = Array.from({ length: n }, ints);
        p = {
          w: Array.from({ length: out }, ints), r: Array.from({ length: out }, ints),
          q: q0.map((row, i) => row.map((x, j) => (j < i ? q0[j]![i]! : x))),
          a: Array.from({ length: out }, () => rng.pick(['0', '0.5', '-0.5', '1', '0.2'])),
          phi: Array.from({ length: out }, () => rng.pick(['0.3', '1', '0', '2', '0.5'])),
        };
        vectors.set(`${n}×${out}`, p);
      }
      return p;
    };
    return {
      apply(args, order, outDim, engine) {
        if (order > 0) throw new Unsupported('derivatives of a function of a vector are not evaluated yet');
        if (args.length !== 1) throw new Unsupported('functions of several arguments are not sampled yet');
        const m = engine.math;
        const xs = engine.column(args[0]!);
        const out = outDim ?? 1;
        const { w, r, q, a: as, phi: phis } = paramsFor(xs.length, out);
        const dot = (u: number[]) => u.reduce((s, ui, i) => s.plus(xs[i]!.times(ui)), m.bignumber(0));
        let quad = m.bignumber(0);
        for (let i = 0; i < xs.length; i++) for (let j = 0; j < xs.length; j++) quad = quad.plus(xs[i]!.times(q[i]![j]!).times(xs[j]!));
        const C = m.bignumber(c);
        const component = (i: number) =>
          m.bignumber(as[i]!).plus(dot(w[i]!)).plus(C.times(m.sin(dot(r[i]!).plus(m.bignumber(phis[i]!))))).plus(quad.div(4));
        if (outDim === undefined) return component(0);
        return m.matrix(Array.from({ length: out }, (_, i) => [component(i)])) as Matrix;
      },
      describe: (name) => `${name}(x) = a + Wx + ${c}·sin(Rx + φ) + xᵀQx/4 (random a, W, R, Q, φ)`,
    };
  }

  /** The same value moved by a relative 1e-12 or so (to tell a removable point from a gap in the domain). */
  perturb(v: Value, rng: Rng): Value {
    const m = this.math;
    const nudge = (x: BigNumber): BigNumber => {
      const eps = m.bignumber(1 + rng.next()).times(m.bignumber('1e-12')).times(rng.next() < 0.5 ? 1 : -1);
      return x.isZero() ? eps : x.times(this.one.plus(eps));
    };
    return this.isMatrix(v) ? (v.map((x: BigNumber) => nudge(x)) as Matrix) : nudge(v);
  }

  /** A value of another engine (another precision) as one of this engine's. */
  convert(v: Value): Value {
    const m = this.math;
    return this.isMatrix(v) ? (m.matrix((v.toArray() as BigNumber[][]).map((row) => row.map((x) => m.bignumber(x.toString())))) as Matrix)
      : m.bignumber(v.toString());
  }

  /** The largest absolute entry of a − b (0 for a scalar 0 against a zero matrix). */
  maxAbsDiff(a: Value, b: Value): BigNumber {
    const xs = this.column(a);
    const ys = this.column(b);
    let best = this.zero;
    const n = Math.max(xs.length, ys.length);
    for (let i = 0; i < n; i++) {
      const x = xs.length === 1 && n > 1 ? xs[0]! : xs[i] ?? this.zero;
      const y = ys.length === 1 && n > 1 ? ys[0]! : ys[i] ?? this.zero;
      const d = x.minus(y).abs();
      if (d.greaterThan(best)) best = d;
    }
    return best;
  }

  /** −1, 0 or 1 (a scalar's sign). */
  sign(v: Value): number {
    if (this.isMatrix(v)) return NaN;
    return v.isZero() ? 0 : v.isNegative() ? -1 : 1;
  }

  /** Halfway between two scalars. */
  midpoint(a: Value, b: Value): Value {
    return (a as BigNumber).plus(b as BigNumber).div(2);
  }

  /** Zero to within a tolerance (absolute; by default the comparison tolerance). */
  isTiny(v: Value, tolerance?: string): boolean {
    return !this.isMatrix(v) && v.abs().lessThanOrEqualTo(tolerance ? this.math.bignumber(tolerance) : this.tol);
  }

  /** Where the line through (a, fa) and (b, fb) crosses 0, if it does between a and b. */
  secant(a: Value, fa: Value, b: Value, fb: Value): Value | null {
    const [x0, y0, x1, y1] = [a, fa, b, fb] as BigNumber[];
    const dy = y1!.minus(y0!);
    if (dy.isZero()) return null;
    const x = x0!.minus(y0!.times(x1!.minus(x0!)).div(dy));
    const lo = x0!.lessThan(x1!) ? x0! : x1!;
    const hi = x0!.lessThan(x1!) ? x1! : x0!;
    return x.lessThan(lo) || x.greaterThan(hi) ? null : x;
  }

  /**
   * Simpler values to try in place of a counterexample's value, simplest first: small
   * integers and halves for a scalar, the entries rounded for a vector or matrix.
   */
  simpler(v: Value): Value[] {
    const m = this.math;
    if (this.isMatrix(v)) {
      const rounded = v.map((x: BigNumber) => x.round()) as Matrix;
      return this.format(rounded) === this.format(v) ? [] : [rounded];
    }
    const size = (x: Value) => this.format(x).replace('-', '').length;
    return ['0', '1', '-1', '2', '-2', '0.5', '3', '-3', '0.1', '10', '-0.5']
      .map((x) => m.bignumber(x))
      .filter((x) => size(x) < size(v) || (size(x) === size(v) && x.abs().lessThan(v.abs())));
  }

  // ---------------------------------------------------------------------------
  // Formatting

  /** Short, readable text: `0.3`, `-2`, `[0.5, -1]`, `[[1, 2], [3, 4]]`. */
  /**
   * Short, readable text: `0.3`, `-2`, `[0.5, -1]`, `[[1, 2], [3, 4]]`; 6 significant
   * digits, and rounding noise (below 1e-30 beside entries of normal size) shown as 0.
   * `digits` asks for more (two sides that differ only far down must not print alike).
   */
  format(v: Value, digits = 6): string {
    if (!this.isMatrix(v)) return this.formatScalar(v, digits, null);
    const rows = v.toArray() as BigNumber[][];
    const big = rows.flat().reduce((mx, x) => (x.isFinite() && x.abs().greaterThan(mx) ? x.abs() : mx), this.zero);
    const f = (x: BigNumber) => this.formatScalar(x, digits, big);
    if (rows.every((r) => r.length === 1)) return `[${rows.map((r) => f(r[0]!)).join(', ')}]`;
    return `[${rows.map((r) => `[${r.map(f).join(', ')}]`).join(', ')}]`;
  }

  private formatScalar(x: BigNumber, digits: number, beside: BigNumber | null): string {
    if (!x.isFinite()) return x.isNaN() ? 'undefined' : x.isNegative() ? '-∞' : '∞';
    if (x.isZero()) return '0';
    if (digits <= 6 && beside && !beside.isZero() && x.abs().lessThan(beside.times('1e-30'))) return '0';
    const exact = x.toString();
    if (exact.replace(/^-/, '').replace('.', '').replace(/^0+/, '').length <= Math.max(8, digits) && !/e/i.test(exact)) return exact;
    const short = x.toSignificantDigits(digits);
    const abs = short.abs();
    if (abs.greaterThanOrEqualTo(1e-4) && abs.lessThan(1e9)) return short.toFixed().replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
    return short.toExponential().replace(/\.?0+e/, 'e');
  }
}

function BigNumberMax(a: BigNumber, b: BigNumber, c: BigNumber): BigNumber {
  let best = a;
  if (b.greaterThan(best)) best = b;
  if (c.greaterThan(best)) best = c;
  return best;
}

/** Eigenvalues of a small symmetric matrix by cyclic Jacobi rotations, in doubles. */
function jacobiEigenvalues(input: number[][]): number[] {
  const n = input.length;
  const a = input.map((row) => [...row]);
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p]![q]! * a[p]![q]!;
    if (off < 1e-30) break;
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
      }
    }
  }
  return a.map((row, i) => row[i]!);
}

/** Where a name starts its list of readable values, and its stride (odd: it visits all 8). */
function nameWalk(name: string): [number, number] {
  const h = hashString(name)[0]!;
  return [h % 8, [1, 3, 5, 7][(h >>> 3) % 4]!];
}
