import type { Expr, Range, Shape } from './ast.js';
import { table } from './table.js';

const SCALAR: Shape = { kind: 'scalar' };

/**
 * The table of built-in functions and constants (LANGUAGE.md §4): one row each. The
 * resolver takes names, arities and shapes from here, the printer and the LaTeX renderer
 * their spellings, the symbolic adapter the nerdamer names, the evaluator the `evaluate`
 * key (this file imports no numeric library). The grammar spells the keywords it needs
 * (functions usable without parentheses, `E[…]`-style operators, LaTeX commands); a test
 * checks that every spelling here parses to its row.
 */

/** How a built-in is written. */
export type Notation =
  /** `f(x)` (and, if `prefix`, `f x`). */
  | 'call'
  /** `‖x‖` with an optional subscript (`‖A‖_F`). */
  | 'norm'
  /** `E[x]`, `Cov[x, y]`. */
  | 'bracket'
  /** `π`, `e`, `∞`, `I`. */
  | 'constant';

/** What a built-in's arguments must be, and what it gives: a shape, or what was expected. */
export type ShapeRule = (args: readonly Shape[]) => { readonly shape: Shape } | { readonly expected: string; readonly arg: number };

/** What a built-in becomes in the AST after resolution. */
export type Lowering = 'call' | 'abs' | 'norm' | 'inverse';

/** One built-in function, operator or constant. */
export interface Builtin {
  /** The canonical name: `Call.fn.base`, `Const.name`, `Expect.op`, or `norm` / `norm_F`. */
  readonly name: string;
  readonly notation: Notation;
  /** Ways to write it (the canonical name is always one): Unicode, ASCII, LaTeX. */
  readonly spellings: { readonly unicode: readonly string[]; readonly ascii: readonly string[]; readonly latex: readonly string[] };
  /** Number of arguments; `[min, max]` for a range (max/min take 2 or more, Cov 1 or 2). */
  readonly arity: number | readonly [number, number];
  /** Usable without parentheses, taking the juxtaposed product after it: `sin 2x`, `\log z`. */
  readonly prefix: boolean;
  readonly shape: ShapeRule;
  /** What the resolver makes of it: a call, or an `|x|`, `‖x‖`, `A⁻¹` node. */
  readonly lowering: Lowering;
  /** The numeric operation, by name (the evaluator maps it): `sin`, `trace`, `λ_min`, `frobenius`, … */
  readonly evaluate: string;
  /** nerdamer's function of the same meaning (scalar arguments), or null: then an opaque atom. */
  readonly nerdamer: string | null;
  /** How it is typeset: `\sin`, `\operatorname{tr}`, `\lambda_{\min}`. */
  readonly latex: string;
  /** d/du f(u) as an expression in the argument `u`, for a scalar function of one argument. */
  readonly derivative: ((u: Expr) => Expr) | null;
  /** f(Aᵀ) = f(A) (trace, determinant, eigenvalues, norms): the normal form keys Aᵀ and A alike. */
  readonly transposeInvariant: boolean;
  /** c with |f(z)| ≤ c for every real z (sin, cos, tanh: 1), for bounds on diag(f(u)); null when unbounded. */
  readonly absBound: string | null;
  /**
   * Where it has a value: at every argument of its shape, with a derivative too (`smooth`), at
   * every argument but with no derivative at some (`kinked`: |x| at 0, max where its arguments
   * tie), or on part of its arguments only (`partial`: log, √, tan, an inverse, λ_max of a
   * matrix that is not symmetric, E/Var/Cov). The corner search moves only the names a partial
   * one reads (sampling/domain.ts `domainKeys`).
   */
  readonly domain: 'smooth' | 'kinked' | 'partial';
  /** One line for documentation and messages. */
  readonly doc: string;
}

// ---------------------------------------------------------------------------
// Shape rules

const isMatrix = (s: Shape): s is Extract<Shape, { kind: 'matrix' }> => s.kind === 'matrix';
const same = (a: string | number, b: string | number) => String(a) === String(b);

/** Scalar functions act elementwise: a vector in, a vector out. */
const elementwise: ShapeRule = (args) => ({ shape: args[0]!.kind === 'any' ? SCALAR : args[0]! });

/** Whether a built-in is a scalar function taken entry by entry of a vector or matrix (sin, exp, √, …). */
export const isElementwise = (b: Builtin): boolean => b.shape === elementwise;

/** tr, det, λ: a square matrix (a scalar is a 1×1 matrix) → a scalar. */
const squareToScalar: ShapeRule = (args) => {
  const a = args[0]!;
  if (isMatrix(a) && !same(a.rows, a.cols)) return { expected: 'a square matrix', arg: 0 };
  return { shape: SCALAR };
};

const anyToScalar: ShapeRule = () => ({ shape: SCALAR });

const scalarsToScalar: ShapeRule = (args) => {
  const bad = args.findIndex((a) => isMatrix(a));
  return bad >= 0 ? { expected: 'scalars', arg: bad } : { shape: SCALAR };
};

const scalarOnly: ShapeRule = (args) =>
  isMatrix(args[0]!) ? { expected: 'a scalar (write ‖x‖ for the length of a vector)', arg: 0 } : { shape: SCALAR };

const scalarVariance: ShapeRule = (args) =>
  isMatrix(args[0]!) ? { expected: 'a scalar (the covariance matrix of a vector x is Cov[x])', arg: 0 } : { shape: SCALAR };

const vectorToDiagonal: ShapeRule = (args) => {
  const a = args[0]!;
  if (isMatrix(a) && same(a.cols, 1)) return { shape: { kind: 'matrix', rows: a.rows, cols: a.rows } };
  return { expected: 'a vector', arg: 0 };
};

const squareToSame: ShapeRule = (args) => {
  const a = args[0]!;
  if (isMatrix(a) && !same(a.rows, a.cols)) return { expected: 'a square matrix', arg: 0 };
  return { shape: a.kind === 'any' ? SCALAR : a };
};

/** E[x] has x's shape; Var[x] needs a scalar. */
const sameShape: ShapeRule = (args) => ({ shape: args[0]!.kind === 'any' ? SCALAR : args[0]! });

/** Cov[x] of a vector in R^n is n×n; Cov[x, y] of vectors in R^n, R^m is n×m; of scalars, a scalar. */
const covariance: ShapeRule = (args) => {
  const a = args[0]!;
  const b = args[1] ?? a;
  const rows = isMatrix(a) ? (same(a.cols, 1) ? a.rows : null) : 1;
  const cols = isMatrix(b) ? (same(b.cols, 1) ? b.rows : null) : 1;
  if (rows === null) return { expected: 'a scalar or a vector', arg: 0 };
  if (cols === null) return { expected: 'a scalar or a vector', arg: 1 };
  return { shape: rows === 1 && cols === 1 ? SCALAR : { kind: 'matrix', rows, cols } };
};

// ---------------------------------------------------------------------------
// Derivative rules (AST builders; ranges and shapes taken from the argument)

function build(range: Range) {
  const S = SCALAR;
  const num = (v: string): Expr => ({ kind: 'Num', value: v, range, shape: S });
  const call = (fn: string, arg: Expr): Expr => ({ kind: 'Call', fn: { base: fn, index: null, primes: 0, hat: false, range }, args: [arg], range, shape: S });
  const bin = (op: '+' | '-' | '*' | '/' | '^', left: Expr, right: Expr): Expr => ({ kind: 'Binary', op, left, right, range, shape: S });
  const neg = (arg: Expr): Expr => ({ kind: 'Neg', arg, range, shape: S });
  return { num, call, bin, neg };
}

const d = (f: (b: ReturnType<typeof build>, u: Expr) => Expr) => (u: Expr): Expr => f(build(u.range), u);

// ---------------------------------------------------------------------------
// The rows

function row(r: Omit<Builtin, 'spellings' | 'prefix' | 'lowering' | 'derivative' | 'nerdamer' | 'transposeInvariant' | 'absBound' | 'domain'> & Partial<Builtin>): Builtin {
  return {
    domain: 'partial',
    spellings: { unicode: [], ascii: [r.name], latex: [] },
    prefix: false,
    lowering: 'call',
    derivative: null,
    nerdamer: null,
    transposeInvariant: false,
    absBound: null,
    ...r,
  };
}

const scalarFunction = (name: string, doc: string, derivative: Builtin['derivative'], extra: Partial<Builtin> = {}): Builtin => row({
  name, notation: 'call', arity: 1, prefix: true, shape: elementwise, evaluate: name, nerdamer: name,
  latex: `\\${name}`, derivative, doc,
  spellings: { unicode: [], ascii: [name], latex: [`\\${name}`] },
  ...extra,
});

/** Every built-in, one row each. */
export const BUILTINS: readonly Builtin[] = [
  scalarFunction('sin', 'sine (radians); elementwise on vectors', d(({ call }, u) => call('cos', u)), { absBound: '1', domain: 'smooth' }),
  scalarFunction('cos', 'cosine (radians); elementwise on vectors', d(({ call, neg }, u) => neg(call('sin', u))), { absBound: '1', domain: 'smooth' }),
  scalarFunction('tan', 'tangent; elementwise on vectors', d(({ call, bin, num }, u) => bin('+', num('1'), bin('^', call('tan', u), num('2'))))),
  scalarFunction('tanh', 'hyperbolic tangent; elementwise on vectors', d(({ call, bin, num }, u) => bin('-', num('1'), bin('^', call('tanh', u), num('2')))), { absBound: '1', domain: 'smooth' }),
  scalarFunction('exp', 'the exponential; elementwise on vectors', d(({ call }, u) => call('exp', u)), { domain: 'smooth' }),
  scalarFunction('log', 'the natural logarithm (log and ln are the same); elementwise on vectors', d(({ bin, num }, u) => bin('/', num('1'), u)), {
    spellings: { unicode: [], ascii: ['log', 'ln'], latex: ['\\log', '\\ln'] },
  }),
  scalarFunction('sqrt', 'the square root; elementwise on vectors', d(({ call, bin, num }, u) => bin('/', num('1'), bin('*', num('2'), call('sqrt', u)))), {
    spellings: { unicode: ['√'], ascii: ['sqrt'], latex: ['\\sqrt'] }, latex: '\\sqrt', prefix: false,
  }),
  row({
    name: 'abs', domain: 'kinked', notation: 'call', arity: 1, shape: scalarOnly, lowering: 'abs', evaluate: 'abs', nerdamer: 'abs',
    latex: '\\lvert\\cdot\\rvert', doc: 'the absolute value |x| of a scalar',
    spellings: { unicode: ['|·|'], ascii: ['abs'], latex: ['\\lvert\\cdot\\rvert'] },
  }),
  row({
    name: 'max', domain: 'kinked', notation: 'call', arity: [2, Infinity], shape: scalarsToScalar, evaluate: 'max', nerdamer: 'max',
    latex: '\\max', doc: 'the largest of its scalar arguments', spellings: { unicode: [], ascii: ['max'], latex: ['\\max'] },
  }),
  row({
    name: 'min', domain: 'kinked', notation: 'call', arity: [2, Infinity], shape: scalarsToScalar, evaluate: 'min', nerdamer: 'min',
    latex: '\\min', doc: 'the smallest of its scalar arguments', spellings: { unicode: [], ascii: ['min'], latex: ['\\min'] },
  }),
  row({
    name: 'diag', domain: 'smooth', notation: 'call', arity: 1, shape: vectorToDiagonal, evaluate: 'diag', latex: '\\operatorname{diag}',
    doc: 'the diagonal matrix with a vector on its diagonal', spellings: { unicode: [], ascii: ['diag'], latex: ['\\operatorname{diag}'] },
  }),
  row({
    name: 'tr', domain: 'smooth', notation: 'call', arity: 1, prefix: true, shape: squareToScalar, evaluate: 'trace', transposeInvariant: true, latex: '\\operatorname{tr}',
    doc: 'the trace of a square matrix (of a scalar, the scalar)',
    spellings: { unicode: [], ascii: ['tr', 'trace'], latex: ['\\operatorname{tr}', '\\mathrm{tr}', '\\tr'] },
  }),
  row({
    name: 'det', domain: 'smooth', notation: 'call', arity: 1, prefix: true, shape: squareToScalar, evaluate: 'det', transposeInvariant: true, latex: '\\det',
    doc: 'the determinant of a square matrix (of a scalar, the scalar)', spellings: { unicode: [], ascii: ['det'], latex: ['\\det'] },
  }),
  row({
    name: 'inv', notation: 'call', arity: 1, shape: squareToSame, lowering: 'inverse', evaluate: 'inverse', latex: '^{-1}',
    doc: 'the inverse A⁻¹ of a square matrix (of a scalar, 1/x)', spellings: { unicode: ['⁻¹'], ascii: ['inv'], latex: ['^{-1}'] },
  }),
  row({
    name: 'λ_max', notation: 'call', arity: 1, shape: squareToScalar, evaluate: 'λ_max', transposeInvariant: true, latex: '\\lambda_{\\max}',
    doc: 'the largest eigenvalue of a symmetric matrix',
    spellings: { unicode: ['λ_max'], ascii: ['lambda_max'], latex: ['\\lambda_{\\max}', '\\lambda_\\max'] },
  }),
  row({
    name: 'λ_min', notation: 'call', arity: 1, shape: squareToScalar, evaluate: 'λ_min', transposeInvariant: true, latex: '\\lambda_{\\min}',
    doc: 'the smallest eigenvalue of a symmetric matrix',
    spellings: { unicode: ['λ_min'], ascii: ['lambda_min'], latex: ['\\lambda_{\\min}', '\\lambda_\\min'] },
  }),
  row({
    name: 'norm', domain: 'kinked', notation: 'norm', arity: 1, shape: anyToScalar, lowering: 'norm', evaluate: 'norm', transposeInvariant: true, latex: '\\lVert\\cdot\\rVert',
    doc: 'the Euclidean norm of a vector, the L2 operator norm of a matrix (‖x‖ = ‖x‖₂ = ‖x‖_2)',
    spellings: { unicode: ['‖·‖', '‖·‖₂'], ascii: ['norm', '||·||', '||·||_2'], latex: ['\\lVert\\cdot\\rVert', '\\|\\cdot\\|'] },
  }),
  row({
    name: 'norm_F', domain: 'kinked', notation: 'norm', arity: 1, shape: anyToScalar, lowering: 'norm', evaluate: 'frobenius', transposeInvariant: true, latex: '\\lVert\\cdot\\rVert_F',
    doc: 'the Frobenius norm ‖A‖_F (of a vector, its Euclidean norm)',
    spellings: { unicode: ['‖·‖_F'], ascii: ['||·||_F'], latex: ['\\lVert\\cdot\\rVert_F'] },
  }),
  row({
    name: 'E', notation: 'bracket', arity: 1, shape: sameShape, evaluate: 'expectation', latex: '\\mathbb{E}',
    doc: 'the expectation over declared random names',
    spellings: { unicode: ['𝔼'], ascii: ['E'], latex: ['\\mathbb{E}'] },
  }),
  row({
    name: 'Var', notation: 'bracket', arity: 1, shape: scalarVariance, evaluate: 'variance', latex: '\\operatorname{Var}',
    doc: 'the variance of a scalar', spellings: { unicode: [], ascii: ['Var'], latex: ['\\operatorname{Var}', '\\mathrm{Var}', '\\text{Var}'] },
  }),
  row({
    name: 'Cov', notation: 'bracket', arity: [1, 2], shape: covariance, evaluate: 'covariance', latex: '\\operatorname{Cov}',
    doc: 'the covariance Cov[x, y] (Cov[x]: the covariance matrix of x)',
    spellings: { unicode: [], ascii: ['Cov'], latex: ['\\operatorname{Cov}', '\\mathrm{Cov}', '\\text{Cov}'] },
  }),
  row({
    name: 'pi', notation: 'constant', arity: 0, shape: anyToScalar, evaluate: 'pi', nerdamer: 'pi', latex: '\\pi',
    doc: 'π', spellings: { unicode: ['π'], ascii: ['pi'], latex: ['\\pi'] },
  }),
  row({
    name: 'e', notation: 'constant', arity: 0, shape: anyToScalar, evaluate: 'e', nerdamer: 'e', latex: 'e',
    doc: "Euler's number (unless e is declared as a name)", spellings: { unicode: [], ascii: ['e'], latex: [] },
  }),
  row({
    name: 'inf', notation: 'constant', arity: 0, shape: anyToScalar, evaluate: 'infinity', latex: '\\infty',
    doc: 'infinity, in limits only', spellings: { unicode: ['∞'], ascii: ['inf', 'infty'], latex: ['\\infty'] },
  }),
  row({
    name: 'I', notation: 'constant', arity: 0, shape: anyToScalar, evaluate: 'identity', latex: 'I',
    doc: 'the identity matrix of the size around it (I_n: of size n)', spellings: { unicode: [], ascii: ['I'], latex: [] },
  }),
];

const BY_NAME: Readonly<Record<string, Builtin>> = table(Object.fromEntries(BUILTINS.map((b) => [b.name, b])));

/** Function spellings (`ln`, `trace`, `lambda_max`) → their row. */
const CALL_SPELLINGS: Readonly<Record<string, Builtin>> = table(Object.fromEntries(
  BUILTINS.filter((b) => b.notation === 'call').flatMap((b) => [b.name, ...b.spellings.ascii, ...b.spellings.unicode].map((s) => [s, b] as const)),
));

/** The row of a canonical name (`sin`, `λ_min`, `norm_F`, `Cov`, `pi`), or undefined. */
export function builtin(name: string): Builtin | undefined {
  return BY_NAME[name];
}

/** The function a name as written calls (`ln` → log, `trace` → tr), or undefined. */
export function builtinFunction(spelling: string): Builtin | undefined {
  return CALL_SPELLINGS[spelling];
}

/** The row of a norm with this subscript (null: the default norm), or undefined for an unknown one. */
export function builtinNorm(sub: string | null | undefined): Builtin | undefined {
  return sub === null || sub === undefined || sub === '2' ? BY_NAME['norm'] : BY_NAME[`norm_${sub}`];
}

/**
 * The hyperbolic functions besides tanh, by name, with their LaTeX: the resolver writes each out
 * in exp (cosh u = (eᵘ + e⁻ᵘ)/2, sinh u = (eᵘ − e⁻ᵘ)/2, sech = 1/cosh, csch = 1/sinh, coth =
 * cosh/sinh; src/types/resolve.ts `expDefined`), so every engine, enclosure and derivative reads
 * them as it reads exp, and none has a row of its own here. Scalars only.
 */
export const EXP_DEFINED: Readonly<Record<string, string>> = table({
  cosh: '\\cosh', sinh: '\\sinh', coth: '\\coth', sech: '\\operatorname{sech}', csch: '\\operatorname{csch}',
});

/** Whether a name is one of EXP_DEFINED (cosh, sinh, sech, csch, coth). */
export function isExpDefined(name: string): boolean {
  return EXP_DEFINED[name] !== undefined;
}

/** The names of every built-in function (for "cannot be redefined" and "apply it" messages). */
export function isBuiltinFunctionName(name: string): boolean {
  return CALL_SPELLINGS[name] !== undefined || isExpDefined(name);
}

/** Whether a call with this many arguments fits the row's arity. */
export function arityFits(b: Builtin, count: number): boolean {
  return typeof b.arity === 'number' ? count === b.arity : count >= b.arity[0] && count <= b.arity[1];
}

/** The arity in words: `1`, `2 or more`, `1 or 2`. */
export function arityText(b: Builtin): string {
  if (typeof b.arity === 'number') return String(b.arity);
  const [lo, hi] = b.arity;
  return hi === Infinity ? `${lo} or more` : `${lo} or ${hi}`;
}

/** The subscript a norm row is written with (`norm_F` → `F`), or null for the default norm. */
export function normSubscript(b: Builtin): string | null {
  return b.name.startsWith('norm_') ? b.name.slice('norm_'.length) : null;
}
