import type { Dim, Expr, Name, Range, Shape, Var } from '../ast.js';
import { BUILTINS } from '../builtins.js';
import { nameKey, printExpr, printName } from '../print.js';

/**
 * The non-commutative normal form: a typed expression becomes a sum of terms, each an
 * exact rational times a product of commuting scalar factors (the coefficient) times an
 * ordered word of matrix/vector letters. Every rewrite below is a valid identity, so two
 * expressions whose forms have identically-zero coefficient differences are equal; the
 * converse does not hold (opaque atoms are treated as independent), so a nonzero
 * difference is no counterexample.
 *
 * Letters: a matrix/vector symbol with flags (`A`, `Aᵀ`, `A⁻¹`, `A⁻ᵀ`), an opaque
 * matrix-valued call (`σ(W h + b)`, `diag(v)`), or the inverse of a non-atom (`(A + B)⁻¹`).
 * Scalar factors: scalar ASTs (`ε`, `1 - β`, `sin(t)`), and synthetic `Var` atoms for
 * scalars built from matrices: 1×1 words (`gᵀHg`), norms (`‖x - y‖`), scalar calls with
 * vector arguments (`f(x_0)`, `tr(A B)`).
 */

/** Tags of the symbols, looked up by `nameKey`. */
export interface NormalFormContext {
  /** Tags of a symbol by its key: 'symmetric' (Aᵀ = A), 'diagonal' (also symmetric), 'invertible', 'orthogonal', 'positive definite' (invertible). */
  tags(key: string): ReadonlySet<string>;
}

/** Limits of one normalization. */
export interface NormalFormOptions {
  /** Most monomials a form (or any intermediate) may hold; more is `too many terms`. Default 2,000. */
  readonly maxTerms?: number;
}

/** A scalar factor `base^power`; `key` is `printExpr(base)`; `atom` marks a synthetic atom (`gᵀHg`). */
export interface Factor {
  readonly key: string;
  readonly base: Expr;
  readonly power: number;
  readonly atom: boolean;
}

/** An exact rational `num/den` (den > 0, lowest terms) times factors sorted by key; `key` names the factors only. */
export interface Monomial {
  readonly key: string;
  readonly num: bigint;
  readonly den: bigint;
  readonly factors: readonly Factor[];
}

/** One word and its coefficient. */
export interface NormalFormTerm {
  /** Letter keys joined by a space (`Aᵀ B g`); the empty word is `I` (matrices) or `1` (scalars). */
  readonly word: string;
  readonly letters: readonly string[];
  /** Non-empty, nonzero, sorted by key. */
  readonly monomials: readonly Monomial[];
  /** The coefficient as a scalar AST (the sum of the monomials). */
  readonly coeff: Expr;
}

/** A sum of terms, each a scalar coefficient times an ordered word of matrix/vector letters. */
export interface NormalForm {
  readonly shape: Shape;
  /** Sorted by word; no two with the same word. Empty for 0. */
  readonly terms: readonly NormalFormTerm[];
  /** Names (`Name.base`) of the synthetic scalar atoms made for this form (`gᵀHg`, `‖x‖`, `f(x_0)`). */
  readonly atoms: readonly string[];
  /** The range of the expression it came from; synthetic nodes reuse it. */
  readonly range: Range;
}

const DEFAULT_MAX_TERMS = 2000;
/** Work bound for one product: operand sizes multiplied. */
const MAX_PRODUCT_WORK = 200_000;
const MAX_MATRIX_POWER = 64;
const MAX_WORD_LENGTH = 256;
const MAX_EXPANDED_POWER = 64;

class Unsupported extends Error {}

const SCALAR: Shape = { kind: 'scalar' };
const FACTOR_SEP = '\u0001';
const POWER_SEP = '\u0002';

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const isOne = (d: Dim): boolean => d === 1 || d === '1';

// ---------------------------------------------------------------------------
// Rationals and monomials

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function rational(num: bigint, den: bigint): [bigint, bigint] {
  if (den < 0n) [num, den] = [-num, -den];
  const g = gcd(num < 0n ? -num : num, den);
  return g === 0n || g === 1n ? [num, den] : [num / g, den / g];
}

/** Exact value of decimal text (`2`, `0.5`, `1e-3`), or null when it is not one (or absurdly large). */
function parseDecimal(text: string): [bigint, bigint] | null {
  const m = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m || (!m[1] && !m[2])) return null;
  const frac = m[2] ?? '';
  const exp = m[3] ? Number(m[3]) : 0;
  if (Math.abs(exp) > 400 || text.length > 400) return null;
  let num = BigInt(`${m[1] ?? ''}${frac}` || '0');
  let den = 10n ** BigInt(frac.length);
  if (exp > 0) num *= 10n ** BigInt(exp);
  else den *= 10n ** BigInt(-exp);
  return rational(num, den);
}

function monomial(num: bigint, den: bigint, factors: readonly Factor[]): Monomial {
  const key = factors.map((f) => (f.power === 1 ? f.key : `${f.key}${POWER_SEP}${f.power}`)).join(FACTOR_SEP);
  return { key, num, den, factors };
}

const ONE = monomial(1n, 1n, []);

/** Factor order: plain scalars before synthetic atoms (`ε² gᵀHg`), then by key. */
function factorOrder(a: Factor, b: Factor): number {
  return a.atom !== b.atom ? (a.atom ? 1 : -1) : compare(a.key, b.key);
}

function mulFactors(a: readonly Factor[], b: readonly Factor[]): Factor[] {
  const out: Factor[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const c = i < a.length && j < b.length ? factorOrder(a[i]!, b[j]!) : i < a.length ? -1 : 1;
    if (c < 0) out.push(a[i++]!);
    else if (c > 0) out.push(b[j++]!);
    else {
      out.push({ ...a[i]!, power: a[i]!.power + b[j]!.power });
      i++;
      j++;
    }
  }
  return out;
}

function mulMono(a: Monomial, b: Monomial): Monomial {
  if (b === ONE) return a;
  if (a === ONE) return b;
  const [num, den] = rational(a.num * b.num, a.den * b.den);
  return monomial(num, den, b.factors.length === 0 ? a.factors : a.factors.length === 0 ? b.factors : mulFactors(a.factors, b.factors));
}

// ---------------------------------------------------------------------------
// Scalar AST building (synthetic nodes are scalar and reuse one range)

function numNode(value: string, range: Range): Expr {
  return { kind: 'Num', value, range, shape: SCALAR };
}

function binNode(op: '+' | '-' | '*' | '/' | '^', left: Expr, right: Expr, range: Range, implicit = false): Expr {
  return implicit ? { kind: 'Binary', op, left, right, implicit, range, shape: SCALAR } : { kind: 'Binary', op, left, right, range, shape: SCALAR };
}

function negNode(arg: Expr, range: Range): Expr {
  return { kind: 'Neg', arg, range, shape: SCALAR };
}

/** `|num|/den` as an AST, with the sign on the numerator when `negative`. */
function rationalAst(num: bigint, den: bigint, negative: boolean, range: Range): Expr {
  const top = numNode(String(num < 0n ? -num : num), range);
  const signed = negative ? negNode(top, range) : top;
  return den === 1n ? signed : binNode('/', signed, numNode(String(den), range), range);
}

/** A monomial as an AST: the sign sits on the first factor, reciprocals go under one bar (`-1/2 ε²`, `ε/gᵀg`). */
function monomialAst(m: Monomial, range: Range, signed = true): Expr {
  const negative = signed && m.num < 0n;
  const abs = m.num < 0n ? -m.num : m.num;
  const top: Expr[] = [];
  const bottom: Expr[] = [];
  for (const f of m.factors) {
    const b = f.base;
    if (f.power === 1 && b.kind === 'Binary' && b.op === '/' && b.left.kind === 'Num' && b.left.value === '1') bottom.push(b.right);
    else top.push(f.power === 1 ? b : binNode('^', b, numNode(String(f.power), range), range));
  }
  if (abs !== 1n || m.den !== 1n || top.length === 0) top.unshift(rationalAst(abs, m.den, negative, range));
  else if (negative) top[0] = negNode(top[0]!, range);
  const product = (xs: Expr[]): Expr => xs.reduce((acc, p) => binNode('*', acc, p, range, true));
  return bottom.length === 0 ? product(top) : binNode('/', product(top), product(bottom), range);
}

/** The sum of monomials as an AST (`0` when empty). */
function sumAst(monos: readonly Monomial[], range: Range): Expr {
  if (monos.length === 0) return numNode('0', range);
  let acc = monomialAst(monos[0]!, range);
  for (const m of monos.slice(1)) {
    acc = m.num < 0n ? binNode('-', acc, monomialAst(m, range, false), range) : binNode('+', acc, monomialAst(m, range), range);
  }
  return acc;
}

// ---------------------------------------------------------------------------
// Letters and words

interface SymbolLetter {
  readonly kind: 'symbol';
  readonly key: string;
  readonly rows: Dim;
  readonly cols: Dim;
  readonly simple: boolean;
  /** nameKey of the symbol. */
  readonly atom: string;
  readonly tr: boolean;
  readonly inv: boolean;
  /** Rows and columns of the symbol itself. */
  readonly baseRows: Dim;
  readonly baseCols: Dim;
  readonly symmetric: boolean;
  readonly invertible: boolean;
  readonly orthogonal: boolean;
}

/** A matrix- or vector-valued call kept opaque: `σ(W h + b)`, `diag(v)`. */
interface CallLetter {
  readonly kind: 'call';
  readonly key: string;
  readonly rows: Dim;
  readonly cols: Dim;
  readonly simple: false;
  readonly text: string;
  readonly tr: boolean;
  readonly symmetric: boolean;
}

/** The inverse of a form that is not an invertible word: `(A + B)⁻¹`. */
interface InverseLetter {
  readonly kind: 'inverse';
  readonly key: string;
  readonly rows: Dim;
  readonly cols: Dim;
  readonly simple: false;
  readonly of: Poly;
}

type Letter = SymbolLetter | CallLetter | InverseLetter;

function symbolLetter(l: Omit<SymbolLetter, 'kind' | 'key' | 'rows' | 'cols'>): SymbolLetter {
  const suffix = l.tr && l.inv ? '⁻ᵀ' : l.tr ? 'ᵀ' : l.inv ? '⁻¹' : '';
  const [rows, cols] = l.tr !== l.inv ? [l.baseCols, l.baseRows] : [l.baseRows, l.baseCols];
  return { ...l, kind: 'symbol', key: l.atom + suffix, rows, cols };
}

function callLetter(text: string, rows: Dim, cols: Dim, tr: boolean, symmetric: boolean): CallLetter {
  return { kind: 'call', key: tr ? `${text}ᵀ` : text, rows, cols, simple: false, text, tr, symmetric };
}

/** Whether `b` right after `a` multiplies to the identity (sound only for tagged symbols). */
function cancels(a: Letter, b: Letter): boolean {
  if (a.kind !== 'symbol' || b.kind !== 'symbol' || a.atom !== b.atom || !a.invertible) return false;
  if (a.orthogonal) return a.tr !== b.tr || a.symmetric;
  return a.tr === b.tr && a.inv !== b.inv;
}

/** Appends a letter, cancelling `X X⁻¹` at the end (which can cascade). */
function pushLetter(word: Letter[], l: Letter): void {
  const last = word[word.length - 1];
  if (last && cancels(last, l)) word.pop();
  else word.push(l);
}

function wordKey(word: readonly Letter[]): string {
  return word.map((l) => l.key).join(' ');
}

/** Text of a 1×1 word: `gᵀHg` when every letter is a one-letter symbol, else `x_0ᵀ H x_0`. */
function wordText(word: readonly Letter[]): string {
  const compact = word.every((l) => l.simple) && word.some((l) => l.key.includes('ᵀ'));
  return word.map((l) => l.key).join(compact ? '' : ' ');
}

// ---------------------------------------------------------------------------
// Polynomials: word → monomials

interface PTerm {
  readonly key: string;
  readonly word: readonly Letter[];
  readonly monos: Map<string, Monomial>;
}

interface Poly {
  readonly shape: Shape;
  readonly terms: ReadonlyMap<string, PTerm>;
}

class PolyBuilder {
  readonly terms = new Map<string, PTerm>();
  constructor(readonly shape: Shape) {}

  add(word: readonly Letter[], key: string, m: Monomial): void {
    if (m.num === 0n) return;
    let t = this.terms.get(key);
    if (!t) {
      t = { key, word, monos: new Map() };
      this.terms.set(key, t);
    }
    const old = t.monos.get(m.key);
    if (!old) {
      t.monos.set(m.key, m);
      return;
    }
    const [num, den] = rational(old.num * m.den + m.num * old.den, old.den * m.den);
    if (num === 0n) {
      t.monos.delete(m.key);
      if (t.monos.size === 0) this.terms.delete(key);
    } else t.monos.set(m.key, { ...old, num, den });
  }

  done(): Poly {
    return { shape: this.shape, terms: this.terms };
  }
}

function termCount(p: Poly): number {
  let n = 0;
  for (const t of p.terms.values()) n += t.monos.size;
  return n;
}

function sortedTerms(p: Poly): PTerm[] {
  return [...p.terms.values()].sort((a, b) => compare(a.key, b.key));
}

function sortedMonos(t: PTerm): Monomial[] {
  return [...t.monos.values()].sort((a, b) => compare(a.key, b.key));
}

function transposedShape(s: Shape): Shape {
  return s.kind === 'matrix' ? { kind: 'matrix', rows: s.cols, cols: s.rows } : s;
}

function emptyWordName(shape: Shape): string {
  return shape.kind === 'matrix' ? 'I' : '1';
}

/** Prints terms as `-ε g + (1 - β) Aᵀ B + 1/2 gᵀHg`; shared by messages and atom keys. */
function printTerms(shape: Shape, terms: readonly { word: string; monos: readonly Monomial[] }[], range: Range): string {
  if (terms.length === 0) return '0';
  let out = '';
  terms.forEach((t, i) => {
    const bare = t.word === '' && shape.kind !== 'matrix';
    const wordText = t.word === '' ? (bare ? '' : 'I') : t.word;
    let negative = false;
    let coeffText: string;
    if (t.monos.length === 1) {
      const m = t.monos[0]!;
      negative = m.num < 0n;
      const unit = m.factors.length === 0 && m.den === 1n && (m.num === 1n || m.num === -1n);
      const ast = monomialAst(m, range, false);
      const loose = ast.kind === 'Binary' && (ast.op === '+' || ast.op === '-');
      coeffText = unit && wordText !== '' ? '' : loose && (negative || wordText !== '') ? `(${printExpr(ast)})` : printExpr(ast);
    } else {
      const s = printExpr(sumAst(t.monos, range));
      coeffText = bare && terms.length === 1 ? s : `(${s})`;
    }
    const text = [coeffText, wordText].filter((s) => s !== '').join(' ');
    out += i === 0 ? (negative ? `-${text}` : text) : negative ? ` - ${text}` : ` + ${text}`;
  });
  return out;
}

function printPoly(p: Poly, range: Range): string {
  return printTerms(p.shape, sortedTerms(p).map((t) => ({ word: t.key, monos: sortedMonos(t) })), range);
}

/** Calls whose value does not change when the argument is transposed. */
const TRANSPOSE_INVARIANT = new Set(BUILTINS.filter((b) => b.transposeInvariant).map((b) => b.name));
const DEFERRED_KINDS: Record<string, string> = {
  BigOp: 'a sum or product (∑/∏)',
  Expect: 'an expectation (E/Var)',
  Deriv: 'a derivative',
  Grad: 'a gradient',
  Limit: 'a limit',
};

// ---------------------------------------------------------------------------
// The normalizer

class Normalizer {
  readonly atomVars = new Map<string, Var>();
  private readonly pure = new WeakMap<Expr, boolean>();

  constructor(
    private readonly ctx: NormalFormContext,
    private readonly range: Range,
    private readonly maxTerms: number,
  ) {}

  /** The node's shape; a 1×1 matrix counts as a scalar. */
  shapeOf(e: Expr): Shape {
    const s = e.shape;
    if (!s) throw new Unsupported(`'${printExpr(e)}' has no shape (untyped)`);
    if (s.kind === 'matrix' && isOne(s.rows) && isOne(s.cols)) return SCALAR;
    if (s.kind === 'any' && !(e.kind === 'Num' && parseDecimal(e.value)?.[0] === 0n)) {
      throw new Unsupported(`the shape of '${printExpr(e)}' is unknown`);
    }
    return s;
  }

  node(e: Expr): Poly {
    const deferred = DEFERRED_KINDS[e.kind];
    if (deferred) throw new Unsupported(`${deferred} is not covered by the normal form`);
    const shape = this.shapeOf(e);
    switch (e.kind) {
      case 'Num': {
        const r = parseDecimal(e.value);
        if (r && r[0] === 0n) return this.zero(shape);
        if (shape.kind !== 'scalar') throw new Unsupported(`the number ${e.value} used as a matrix`);
        return r ? this.constant(monomial(r[0], r[1], [])) : this.factorPoly(numNode(e.value, e.range));
      }
      case 'Const':
        if (e.name === 'I') return this.constant(ONE, shape);
        if (e.name === 'inf') throw new Unsupported('∞ is not covered by the normal form');
        return this.factorPoly(e);
      case 'Var':
        if (shape.kind === 'scalar') return this.factorPoly(e.shape?.kind === 'scalar' ? e : { ...e, shape: SCALAR });
        if (shape.kind === 'matrix') return this.letterPoly(this.symbol(e.name, shape.rows, shape.cols), shape);
        throw new Unsupported(`the shape of '${printExpr(e)}' is unknown`);
      case 'Neg':
        return this.scale(this.node(e.arg), monomial(-1n, 1n, []), shape);
      case 'Binary':
        return this.binary(e.op, e.left, e.right, e, shape);
      case 'Transpose':
        return this.transpose(this.node(e.arg));
      case 'Factorial':
        if (shape.kind !== 'scalar') throw new Unsupported('a factorial of a matrix');
        return this.factorPoly({ kind: 'Factorial', arg: this.scalarChild(e.arg), range: e.range, shape: SCALAR });
      case 'Abs':
        if (this.shapeOf(e.arg).kind !== 'scalar') throw new Unsupported('an elementwise |·| of a vector or matrix');
        return this.factorPoly({ kind: 'Abs', arg: this.scalarChild(e.arg), range: e.range, shape: SCALAR });
      case 'Norm':
        // ‖A‖_F is another atom than ‖A‖ (on a vector they agree, but stay apart here).
        if (e.sub) return this.atomPoly(`‖${this.invariantText(this.node(e.arg))}‖_${e.sub}`);
        return this.norm(e.arg, e.range);
      case 'Call':
        return this.call(e.fn, e.args, e.range, shape);
      case 'Component':
        // x_i, A_{ij}: a scalar that commutes, one factor per component as written.
        return this.factorPoly(e);
      default:
        throw new Unsupported(`'${printExpr(e)}' is not covered by the normal form`);
    }
  }

  private binary(op: '+' | '-' | '*' | '/' | '^', left: Expr, right: Expr, e: Expr, shape: Shape): Poly {
    switch (op) {
      case '+':
      case '-': {
        // A purely scalar sum stays one factor: the caller's engine handles it, and it can't blow up.
        if (shape.kind === 'scalar' && this.isPure(e)) return this.factorPoly(this.clean(e));
        const r = this.node(right);
        return this.add(this.node(left), op === '-' ? this.scale(r, monomial(-1n, 1n, []), r.shape) : r, shape);
      }
      case '*':
        return this.mul(this.node(left), this.node(right), shape);
      case '/': {
        if (this.shapeOf(right).kind !== 'scalar') throw new Unsupported('division by a vector or matrix');
        return this.scale(this.node(left), this.reciprocal(this.node(right)), shape);
      }
      case '^':
        return this.power(left, right, shape);
    }
  }

  private power(left: Expr, right: Expr, shape: Shape): Poly {
    if (this.shapeOf(left).kind === 'matrix') {
      const k = intLiteral(right);
      const negated = right.kind === 'Neg' ? intLiteral(right.arg) : null;
      if (k === null && negated === null) throw new Unsupported(`the matrix power ^(${printExpr(right)}) is not a whole number`);
      const n = k ?? negated!;
      if (n > MAX_MATRIX_POWER) throw new Unsupported(`the matrix power ^${n} is too large to expand`);
      const base = k !== null ? this.node(left) : this.inverse(this.node(left), shape);
      return this.matrixPower(base, n, shape);
    }
    // ‖x‖² = xᵀx for a vector x (‖r‖² = r rᵀ for a row vector).
    const normArg = left.kind === 'Norm' ? left.arg : left.kind === 'Call' && printName(left.fn) === 'norm' && left.args.length === 1 ? left.args[0]! : null;
    const argShape = normArg ? this.shapeOf(normArg) : null;
    if (normArg && argShape?.kind === 'matrix' && intLiteral(right) === 2 && (isOne(argShape.cols) || isOne(argShape.rows))) {
      const x = this.node(normArg);
      return isOne(argShape.cols) ? this.mul(this.transpose(x), x, SCALAR) : this.mul(x, this.transpose(x), SCALAR);
    }
    if (this.shapeOf(right).kind !== 'scalar') throw new Unsupported('a power with a vector or matrix exponent');
    const base = this.node(left);
    const k = intLiteral(right);
    if (k !== null) {
      if (k === 0) return this.constant(ONE);
      if (k === 1) return base;
      if (base.terms.size === 0) return this.zero(SCALAR);
      const only = base.terms.size === 1 ? [...base.terms.values()][0]! : null;
      if (only && only.monos.size === 1 && k <= MAX_EXPANDED_POWER) {
        const m = [...only.monos.values()][0]!;
        let out = ONE;
        for (let i = 0; i < k; i++) out = mulMono(out, m);
        return this.constant(out);
      }
      const baseAst = this.polyAst(base);
      return this.constant(monomial(1n, 1n, [{ key: printExpr(baseAst), base: baseAst, power: k, atom: false }]));
    }
    return this.factorPoly(binNode('^', this.polyAst(base), this.scalarChild(right), this.range));
  }

  private matrixPower(base: Poly, n: number, shape: Shape): Poly {
    let out = this.constant(ONE, shape);
    for (let i = 0; i < n; i++) out = this.mul(out, base, shape);
    return out;
  }

  private norm(arg: Expr, range: Range): Poly {
    if (this.shapeOf(arg).kind === 'scalar') return this.factorPoly({ kind: 'Abs', arg: this.scalarChild(arg), range, shape: SCALAR });
    return this.atomPoly(`‖${this.invariantText(this.node(arg))}‖`);
  }

  private call(fn: Name, args: readonly Expr[], range: Range, shape: Shape): Poly {
    const name = printName(fn);
    if (name === 'inv' && args.length === 1 && shape.kind === 'matrix') return this.inverse(this.node(args[0]!), shape);
    if (name === 'norm' && args.length === 1) return this.norm(args[0]!, range);
    const scalarArgs = args.every((a) => this.shapeOf(a).kind === 'scalar');
    if (shape.kind === 'scalar' && scalarArgs) {
      return this.factorPoly({ kind: 'Call', fn, args: args.map((a) => this.scalarChild(a)), range, shape: SCALAR });
    }
    const invariant = TRANSPOSE_INVARIANT.has(name);
    const texts = args.map((a) => (invariant ? this.invariantText(this.node(a)) : printPoly(this.node(a), this.range)));
    const text = `${name}(${texts.join(', ')})`;
    if (shape.kind === 'scalar') return this.atomPoly(text);
    if (shape.kind !== 'matrix') throw new Unsupported(`the shape of '${text}' is unknown`);
    return this.letterPoly(callLetter(text, shape.rows, shape.cols, false, name === 'diag'), shape);
  }

  /** A printed form keyed the same for X and Xᵀ (for norms, traces, determinants). */
  private invariantText(p: Poly): string {
    const a = printPoly(p, this.range);
    const b = printPoly(this.transpose(p), this.range);
    return a <= b ? a : b;
  }

  // -- scalars ---------------------------------------------------------------

  /** Whether a scalar expression has no vector or matrix inside. */
  private isPure(e: Expr): boolean {
    const known = this.pure.get(e);
    if (known !== undefined) return known;
    const deferred = DEFERRED_KINDS[e.kind];
    if (deferred) throw new Unsupported(`${deferred} is not covered by the normal form`);
    let pure = this.shapeOf(e).kind !== 'matrix';
    if (pure) {
      switch (e.kind) {
        case 'Neg': case 'Transpose': case 'Factorial': case 'Abs': case 'Norm':
          pure = this.isPure(e.arg);
          break;
        case 'Binary':
          pure = this.isPure(e.left) && this.isPure(e.right);
          break;
        case 'Call':
          pure = e.args.every((a) => this.isPure(a));
          break;
        default:
          break;
      }
    }
    this.pure.set(e, pure);
    return pure;
  }

  /** A pure scalar rebuilt for the scalar engines: transposes dropped, ‖c‖ as |c|. */
  private clean(e: Expr): Expr {
    const s = SCALAR;
    switch (e.kind) {
      case 'Num': return e.shape?.kind === 'scalar' ? e : { ...e, shape: s };
      case 'Const':
        if (e.name === 'inf') throw new Unsupported('∞ is not covered by the normal form');
        if (e.name === 'I') throw new Unsupported('the identity used as a scalar');
        return e;
      case 'Var': return e.shape?.kind === 'scalar' ? e : { ...e, shape: s };
      case 'Neg': return { kind: 'Neg', arg: this.clean(e.arg), range: e.range, shape: s };
      case 'Binary': {
        const b = { kind: 'Binary', op: e.op, left: this.clean(e.left), right: this.clean(e.right), range: e.range, shape: s } as const;
        return e.implicit ? { ...b, implicit: true } : b;
      }
      case 'Transpose': return this.clean(e.arg);
      case 'Factorial': return { kind: 'Factorial', arg: this.clean(e.arg), range: e.range, shape: s };
      case 'Abs': case 'Norm': return { kind: 'Abs', arg: this.clean(e.arg), range: e.range, shape: s };
      case 'Call': return { kind: 'Call', fn: e.fn, args: e.args.map((a) => this.clean(a)), range: e.range, shape: s };
      case 'Component': return e;
      default: throw new Unsupported(`'${printExpr(e)}' is not covered by the normal form`);
    }
  }

  /** A scalar child as an AST for the scalar engines (matrix parts become synthetic atoms). */
  private scalarChild(e: Expr): Expr {
    return this.isPure(e) ? this.clean(e) : this.polyAst(this.node(e));
  }

  /** A scalar form as one AST. */
  private polyAst(p: Poly): Expr {
    if (p.terms.size === 0) return numNode('0', this.range);
    const t = p.terms.get('');
    if (!t || p.terms.size !== 1) throw new Unsupported('a vector or matrix where a scalar was expected');
    return sumAst(sortedMonos(t), this.range);
  }

  /** 1/p as a monomial: exact for a rational, else times the factor `1/(…)`. */
  private reciprocal(p: Poly): Monomial {
    if (p.terms.size === 0) throw new Unsupported('division by 0');
    const t = p.terms.get('');
    if (!t || p.terms.size !== 1) throw new Unsupported('division by a vector or matrix');
    const monos = sortedMonos(t);
    const m = monos.length === 1 ? monos[0]! : null;
    const rest = m ? (m.factors.length === 0 ? null : monomialAst(monomial(1n, 1n, m.factors), this.range)) : sumAst(monos, this.range);
    const [num, den] = m ? rational(m.den, m.num) : [1n, 1n];
    if (!rest) return monomial(num, den, []);
    const inv = binNode('/', numNode('1', this.range), rest, this.range);
    return monomial(num, den, [{ key: printExpr(inv), base: inv, power: 1, atom: false }]);
  }

  // -- atoms and letters ------------------------------------------------------

  private atomVar(text: string): Var {
    let v = this.atomVars.get(text);
    if (!v) {
      const name: Name = { base: text, index: null, primes: 0, hat: false, range: this.range };
      v = { kind: 'Var', name, range: this.range, shape: SCALAR };
      this.atomVars.set(text, v);
    }
    return v;
  }

  private atomFactor(text: string): Factor {
    return { key: text, base: this.atomVar(text), power: 1, atom: true };
  }

  private atomPoly(text: string): Poly {
    return this.constant(monomial(1n, 1n, [this.atomFactor(text)]));
  }

  private symbol(name: Name, rows: Dim, cols: Dim): SymbolLetter {
    const atom = nameKey(name);
    const tags = this.ctx.tags(atom);
    const orthogonal = tags.has('orthogonal');
    return symbolLetter({
      atom,
      simple: name.index === null && /^\p{L}$/u.test(name.base) && name.base !== 'ᵀ',
      tr: false,
      inv: false,
      baseRows: rows,
      baseCols: cols,
      symmetric: tags.has('symmetric') || tags.has('diagonal'),
      invertible: orthogonal || tags.has('invertible') || tags.has('positive definite'),
      orthogonal,
    });
  }

  private transposeLetter(l: Letter): Letter {
    switch (l.kind) {
      case 'symbol': return l.symmetric ? l : symbolLetter({ ...l, tr: !l.tr });
      case 'call': return l.symmetric ? l : callLetter(l.text, l.cols, l.rows, !l.tr, false);
      case 'inverse': return this.inverseLetter(this.transpose(l.of));
    }
  }

  private inverseLetter(of: Poly): InverseLetter {
    if (of.shape.kind !== 'matrix') throw new Unsupported('the inverse of a non-matrix');
    return { kind: 'inverse', key: `(${printPoly(of, this.range)})⁻¹`, rows: of.shape.cols, cols: of.shape.rows, simple: false, of };
  }

  /** X⁻¹ as a letter when that is an identity: always for a plain symbol, else only with tags. */
  private invertLetter(l: Letter): Letter | null {
    if (l.kind !== 'symbol') return null;
    if (l.orthogonal) return l.symmetric ? l : symbolLetter({ ...l, tr: !l.tr });
    if (!l.inv) return symbolLetter({ ...l, inv: true });
    return l.invertible ? symbolLetter({ ...l, inv: false }) : null;
  }

  /** (c W)⁻¹ = c⁻¹ W⁻¹ for an invertible word; otherwise an opaque inverse letter. */
  private inverse(p: Poly, shape: Shape): Poly {
    if (p.terms.size === 0) throw new Unsupported('the inverse of 0');
    const t = p.terms.size === 1 ? [...p.terms.values()][0]! : null;
    if (t && t.monos.size === 1) {
      const ok = t.word.length <= 1 || t.word.every((l) => l.kind === 'symbol' && l.invertible);
      const letters = ok ? [...t.word].reverse().map((l) => this.invertLetter(l)) : [];
      if (ok && letters.every((l) => l !== null)) {
        const word: Letter[] = [];
        for (const l of letters) pushLetter(word, l!);
        const out = new PolyBuilder(shape);
        out.add(word, wordKey(word), this.reciprocal(this.constant([...t.monos.values()][0]!)));
        return out.done();
      }
    }
    const l = this.inverseLetter(p);
    return this.letterPoly(l, shape);
  }

  /** Pulls every 1×1 sub-word (a row vector … the next column vector) out as a scalar atom. */
  private extract(word: readonly Letter[]): { rest: Letter[]; factors: Monomial } {
    const rest: Letter[] = [];
    let factors = ONE;
    for (let i = 0; i < word.length; i++) {
      const start = word[i]!;
      const end = isOne(start.rows) ? word.findIndex((l, k) => k >= i && isOne(l.cols)) : -1;
      if (end < 0) {
        rest.push(start);
        continue;
      }
      const sub = word.slice(i, end + 1);
      const a = wordText(sub);
      const b = wordText(this.transposeWord(sub));
      factors = mulMono(factors, monomial(1n, 1n, [this.atomFactor(a <= b ? a : b)]));
      i = end;
    }
    return { rest, factors };
  }

  private transposeWord(word: readonly Letter[]): Letter[] {
    const out: Letter[] = [];
    for (let i = word.length - 1; i >= 0; i--) pushLetter(out, this.transposeLetter(word[i]!));
    return out;
  }

  // -- polynomial arithmetic --------------------------------------------------

  private zero(shape: Shape): Poly {
    return { shape, terms: new Map() };
  }

  private constant(m: Monomial, shape: Shape = SCALAR): Poly {
    const b = new PolyBuilder(shape);
    b.add([], '', m);
    return b.done();
  }

  private factorPoly(base: Expr): Poly {
    return this.constant(monomial(1n, 1n, [{ key: printExpr(base), base, power: 1, atom: false }]));
  }

  private letterPoly(l: Letter, shape: Shape): Poly {
    if (isOne(l.rows) && isOne(l.cols)) return this.atomPoly(l.key);
    const b = new PolyBuilder(shape);
    b.add([l], l.key, ONE);
    return b.done();
  }

  private checkSize(p: Poly): Poly {
    if (termCount(p) > this.maxTerms) throw new Unsupported(`too many terms (more than ${this.maxTerms})`);
    return p;
  }

  private add(a: Poly, b: Poly, shape: Shape): Poly {
    const out = new PolyBuilder(shape);
    for (const p of [a, b]) for (const t of p.terms.values()) for (const m of t.monos.values()) out.add(t.word, t.key, m);
    return this.checkSize(out.done());
  }

  private scale(p: Poly, c: Monomial, shape: Shape): Poly {
    const out = new PolyBuilder(shape);
    for (const t of p.terms.values()) for (const m of t.monos.values()) out.add(t.word, t.key, mulMono(m, c));
    return out.done();
  }

  /** The product in order: words concatenate (with cancellation), coefficients multiply. */
  private mul(a: Poly, b: Poly, shape: Shape): Poly {
    if (termCount(a) * termCount(b) > MAX_PRODUCT_WORK) throw new Unsupported(`too many terms (more than ${this.maxTerms})`);
    const out = new PolyBuilder(shape);
    for (const ta of a.terms.values()) {
      for (const tb of b.terms.values()) {
        const word = [...ta.word];
        for (const l of tb.word) pushLetter(word, l);
        if (word.length > MAX_WORD_LENGTH) throw new Unsupported('a product too long to expand');
        const { rest, factors } = this.extract(word);
        const key = wordKey(rest);
        for (const ma of ta.monos.values()) {
          for (const mb of tb.monos.values()) out.add(rest, key, mulMono(mulMono(ma, mb), factors));
        }
      }
    }
    return this.checkSize(out.done());
  }

  /** (XY)ᵀ = YᵀXᵀ, letter by letter; scalars are their own transposes. */
  transpose(p: Poly): Poly {
    const out = new PolyBuilder(transposedShape(p.shape));
    for (const t of p.terms.values()) {
      const { rest, factors } = this.extract(this.transposeWord(t.word));
      const key = wordKey(rest);
      for (const m of t.monos.values()) out.add(rest, key, mulMono(m, factors));
    }
    return out.done();
  }
}

/** A non-negative whole-number literal, or null. */
function intLiteral(e: Expr): number | null {
  if (e.kind !== 'Num' || !/^\d+$/.test(e.value) || e.value.length > 9) return null;
  return Number(e.value);
}

function toNormalForm(p: Poly, atoms: Iterable<string>, range: Range): NormalForm {
  const terms = sortedTerms(p).map((t): NormalFormTerm => {
    const monomials = sortedMonos(t);
    return {
      word: t.key === '' ? emptyWordName(p.shape) : t.key,
      letters: t.word.map((l) => l.key),
      monomials,
      coeff: sumAst(monomials, range),
    };
  });
  return { shape: p.shape, terms, atoms: [...atoms].sort(compare), range };
}

/** The normal form of a typed expression, or why it is not covered (never throws). */
export function normalize(e: Expr, ctx: NormalFormContext, options: NormalFormOptions = {}): NormalForm | { unsupported: string } {
  const n = new Normalizer(ctx, e.range, options.maxTerms ?? DEFAULT_MAX_TERMS);
  try {
    const p = n.node(e);
    return toNormalForm(p, n.atomVars.keys(), e.range);
  } catch (err) {
    if (err instanceof Unsupported) return { unsupported: err.message };
    return { unsupported: `internal error in the normal form: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** Whether `normalize` gave up, and why. */
export function isUnsupported(r: NormalForm | { unsupported: string }): r is { unsupported: string } {
  return 'unsupported' in r;
}

/**
 * The coefficient of each word in a − b, as scalar ASTs, sorted by word. Words whose
 * coefficients cancel term by term are left out, so an empty list means a = b outright;
 * otherwise a = b is an identity when every coefficient listed is identically 0.
 */
export function differenceCoefficients(a: NormalForm, b: NormalForm): { word: string; coeff: Expr }[] {
  const words = new Map<string, Map<string, Monomial>>();
  const addAll = (nf: NormalForm, sign: bigint): void => {
    for (const t of nf.terms) {
      let monos = words.get(t.word);
      if (!monos) words.set(t.word, (monos = new Map()));
      for (const m of t.monomials) {
        const old = monos.get(m.key);
        const [num, den] = old ? rational(old.num * m.den + sign * m.num * old.den, old.den * m.den) : [sign * m.num, m.den];
        if (num === 0n) monos.delete(m.key);
        else monos.set(m.key, { ...m, num, den });
      }
    }
  };
  addAll(a, 1n);
  addAll(b, -1n);
  return [...words.entries()]
    .filter(([, monos]) => monos.size > 0)
    .sort(([x], [y]) => compare(x, y))
    .map(([word, monos]) => ({ word, coeff: sumAst([...monos.values()].sort((x, y) => compare(x.key, y.key)), a.range) }));
}

/** The form as text for messages: `aᵀa - 2 aᵀb + bᵀb`, `-ε g + (1 - β) Aᵀ B`, `0`. */
export function printNormalForm(nf: NormalForm): string {
  const empty = emptyWordName(nf.shape);
  return printTerms(nf.shape, nf.terms.map((t) => ({ word: t.word === empty && t.letters.length === 0 ? '' : t.word, monos: t.monomials })), nf.range);
}
