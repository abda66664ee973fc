import type { BigOp, Call, Dim, Expr, Var } from '../../ast.js';
import { builtinFunction, builtinNorm } from '../../builtins.js';
import { slots } from '../../ast-walk.js';
import { tick } from '../../deadline.js';
import { printName } from '../../print.js';
import { Inexact, Mat, RandomArgument, Signal, Skip, Undecided, Undefined, Unsupported, isMat, type Elementary, type Field, type Val } from './field.js';
import * as L from './linalg.js';
import { Rational, exactField } from './rational.js';
import { intervalField, type Interval } from './interval.js';
import { now } from '../../clock.js';

/** Names bound inside an expression: ∑/∏ indices (exact integers) and function parameters. */
export interface Env<S> {
  readonly values: ReadonlyMap<string, Val<S>>;
  readonly integers: ReadonlyMap<string, bigint>;
}

/** The one environment with nothing bound (never written to: a ∑ or a call binds in a copy). */
const EMPTY_ENV: Env<never> = Object.freeze({ values: new Map<string, never>(), integers: new Map<string, bigint>() });

/** An environment with nothing bound (shared: two fresh maps per top-level evaluation were ~1% of the cold checking's self time in a profile of the identity table). */
export function emptyEnv<S>(): Env<S> {
  return EMPTY_ENV as Env<S>;
}

/** What the interpreter asks of the point it runs at. */
export interface Host<S> {
  readonly field: Field<S>;
  /** The value of a name not bound locally: a free name, a family member, a defined name. */
  variable(v: Var, env: Env<S>): Val<S>;
  /** The exact value of an integer name (an index: `t` in `v_{t-1}`, `∑` bounds). */
  integer(v: Var, env: Env<S>): bigint;
  /**
   * False where `integer` would throw Inexact at once (v names no integer here): exactValue
   * asks it first, for the exponent of every power, instead of catching that throw.
   */
  maybeInteger?(v: Var): boolean;
  /** A declared or defined function applied to evaluated arguments. */
  apply(call: Call, args: Val<S>[], env: Env<S>): Val<S>;
  /** The concrete size of a dimension (`n` → 3). */
  dim(d: Dim): number;
  /** E[·], Var[·], derivatives and limits, where the host evaluates them. */
  special?(e: Expr, env: Env<S>): Val<S>;
  /**
   * exp, sin, cos, tan, tanh of an argument, where the host evaluates them from the
   * argument's form rather than its value (the identity test's substitutions); undefined
   * to evaluate them as usual.
   */
  transcendental?(fn: Transcendental, arg: Expr, env: Env<S>): Val<S> | undefined;
  /**
   * `a^y` for a positive rational constant a and an exponent that is not a fixed whole
   * number (`2^(2x)`, `4^x`), where the host evaluates it from the exponent's form (the
   * identity test's substitutions); undefined to evaluate it as usual.
   */
  constantPower?(base: Rational, exponent: Expr, env: Env<S>): Val<S> | undefined;
  /**
   * log u of a scalar u, where the host evaluates it from u's form (the identity test's
   * symbols for the logarithms of names and primes); undefined to evaluate it as usual.
   */
  logarithm?(arg: Expr, env: Env<S>): Val<S> | undefined;
  /**
   * A square root of a scalar, where the host picks which one (the identity test tries
   * every sign of every square root); absent to evaluate √ as usual.
   */
  root?(radicand: S): S;
  /** The step clock's time (src/clock.ts) past which evaluation stops (Unsupported). */
  readonly deadline: number;
  /**
   * Terms of ∑ and ∏ the evaluation may still take, all told, counted down as it goes: a bound
   * that does not depend on the machine's load (Unsupported past it); none where absent.
   */
  readonly work?: { left: number };
  /**
   * The exact rational value of a free scalar name at this point, or null (a definition,
   * a value known only within bounds): decides a divisor whose enclosure holds 0.
   */
  exactScalar?(v: Var, env: Env<S>): Rational | null;
  /**
   * Whether a scalar expression is exactly 0 here, at a point whose scalars stand for exact
   * constants (x = π/2: 2x − π), by algebra; false where that cannot be told. Decides √, log
   * and a divisor whose enclosure holds 0 (√(2x − π) is 0 at π/2, 1/(x − √2) has no value at √2).
   */
  symbolicZero?(e: Expr, env: Env<S>): boolean;
}

/** The elementary functions a host may evaluate from their argument's form. */
export type Transcendental = 'exp' | 'sin' | 'cos' | 'tan' | 'tanh';
const TRANSCENDENTAL: ReadonlySet<string> = new Set(['exp', 'sin', 'cos', 'tan', 'tanh']);

/** ∑ and ∏ with more terms than this are not evaluated. */
export const MAX_TERMS = 100_000;

/**
 * Terms a ∑ or ∏ with others nested inside it may have in all, per millisecond left before
 * the deadline (ten times what exact arithmetic does): ∑_{i=1}^{2} … ∑_{i=1}^{2} i, 28 deep,
 * has 2^28 terms and is refused at once rather than run to its time limit.
 */
const NESTED_TERMS_PER_MS = 10_000;
/** The least budget of nested terms, however little time is left, and the most with no deadline. */
const NESTED_TERMS_MIN = 1_000_000;
const NESTED_TERMS_MAX = 1e10;

const literals = new WeakMap<Expr, Rational>();
const keys = new WeakMap<Var, string>();

/** A name's printed key (cached per node: evaluation asks for it at every point). */
export function varKey(v: Var): string {
  let k = keys.get(v);
  if (k === undefined) {
    k = printName(v.name);
    keys.set(v, k);
  }
  return k;
}

/** The exact value of a number literal (cached per node). */
export function literal(e: Extract<Expr, { kind: 'Num' }>): Rational {
  let q = literals.get(e);
  if (!q) {
    q = Rational.parse(e.value);
    literals.set(e, q);
  }
  return q;
}

/**
 * A number written with an exponent past exact arithmetic's reach (`1e99999999999`, the
 * limit of Rational.parse): its digits as a rational and the power of ten; null otherwise.
 */
export function hugeLiteral(text: string): { mantissa: Rational; exponent: bigint } | null {
  const m = /^(\d*)(?:\.(\d*))?[eE]([+-]?\d+)$/.exec(text);
  if (!m) return null;
  const frac = m[2] ?? '';
  const exponent = BigInt(m[3]!) - BigInt(frac.length);
  if (exponent <= 100_000n && exponent >= -100_000n) return null;
  return { mantissa: new Rational(BigInt(`${m[1] || '0'}${frac}`)), exponent };
}

/**
 * Evaluates an expression over a backend (DESIGN.md item 3): one walk of the AST, the
 * arithmetic in `host.field`. Throws Undefined where the value does not exist, Undecided
 * where an enclosure cannot tell, Inexact where the backend cannot represent it,
 * Unsupported where the construct is not evaluated.
 */
export function evaluate<S>(e: Expr, host: Host<S>, env: Env<S> = emptyEnv()): Val<S> {
  tick();
  const F = host.field;
  switch (e.kind) {
    case 'Num': {
      if (e.value === '0' && e.shape?.kind === 'matrix') return L.zeros(F, host.dim(e.shape.rows), host.dim(e.shape.cols));
      const known = literals.get(e);
      if (known) return F.fromRational(known);
      const huge = hugeLiteral(e.value);
      // 1e99999999999: too large for exact arithmetic, a power of ten in enclosures (as 10^(10^11) is).
      if (huge) return F.mul(F.fromRational(huge.mantissa), F.powInt(F.fromRational(Rational.of(10)), huge.exponent));
      return F.fromRational(literal(e));
    }
    case 'Const': {
      if (e.name === 'pi') return F.pi();
      if (e.name === 'e') return F.e();
      if (e.name === 'I') {
        if (e.shape?.kind !== 'matrix') throw new Unsupported('the size of I is not known here: write I_n');
        return L.identity(F, host.dim(e.shape.rows));
      }
      throw new Unsupported('∞ is not a value: it only appears in limits');
    }
    case 'Var': {
      const key = varKey(e);
      const bound = env.values.get(key);
      if (bound !== undefined) return bound;
      const i = env.integers.get(key);
      if (i !== undefined) return F.fromInt(i);
      return host.variable(e, env);
    }
    case 'Neg': return L.neg(F, evaluate(e.arg, host, env));
    case 'Binary': {
      if (e.op === '^') return power(e.left, e.right, host, env);
      let l: Val<S>;
      try {
        l = evaluate(e.left, host, env);
      } catch (err) {
        // A left operand no enclosure decides beside a right one certainly without a value (or a
        // divisor 0 exactly): the whole has none, whatever the left's is (red team rt240:
        // (x − 700)/(eˣ − e⁷⁰⁰)·(eˣ − e⁷⁰⁰)/(x − 700) at x = 700 stopped at the first divisor,
        // whose enclosure holds 0, and never reached x − 700, exactly 0).
        if (err instanceof Undecided) {
          let r: Val<S> | null = null;
          // (Anything but a signal — a stack overflow, a fault — goes on as it would have.)
          try {
            r = evaluate(e.right, host, env);
          } catch (inner) {
            if (inner instanceof Undefined || !(inner instanceof Signal)) throw inner;
          }
          if (e.op === '/' && r !== null && !isMat(r)) {
            // (By the field's own rule: its division throws Undefined for a divisor certainly 0.)
            try {
              L.div(F, F.one, r);
            } catch (inner) {
              if (inner instanceof Undefined || !(inner instanceof Signal)) throw inner;
            }
            if (host.exactScalar && exactValue(e.right, host, env, true)?.isZero()) throw new Undefined('division by zero');
          }
        }
        throw err;
      }
      const r = evaluate(e.right, host, env);
      switch (e.op) {
        case '+': return L.add(F, l, r);
        case '-': return L.sub(F, l, r);
        case '*': return L.mul(F, l, r);
        case '/':
          try {
            return L.div(F, l, r);
          } catch (err) {
            // An enclosure of the divisor that holds 0 at a rational point (3x − 7 at x = 7/3,
            // which no double is): its exact value says whether it is 0.
            if (err instanceof Undecided && !isMat(r) && ((host.exactScalar && exactValue(e.right, host, env, true)?.isZero()) || host.symbolicZero?.(e.right, env))) {
              throw new Undefined('division by zero');
            }
            throw err;
          }
      }
      break;
    }
    case 'Transpose': return L.transpose(evaluate(e.arg, host, env));
    case 'Factorial': {
      // (A real scalar's exact value counts too: x! under x = 3 is 6, and 6 = x! was refuted
      // as a right side with no value. A value not known exactly is no proof it has none.)
      let n = exactValue(e.arg, host, env, true);
      if (n === null) {
        // (A value given by a substitution, assume x = 3: exactly the integer it evaluates to.)
        const v = evaluate(e.arg, host, env);
        const k = isMat(v) ? null : host.field.asInteger(v);
        // (An exact value that is no integer, assume x = 2.5, has no factorial.)
        if (k === null && host.field.name === exactField.name && !isMat(v)) throw new Undefined('factorial of something that is not a whole number ≥ 0');
        if (k === null) throw new Undecided('a factorial of a value not known exactly');
        n = new Rational(k);
      }
      if (!n.isInteger() || n.sign() < 0) throw new Undefined('factorial of something that is not a whole number ≥ 0');
      if (n.n > 1000n) throw new Skip('a factorial too large to evaluate');
      let f = 1n;
      for (let k = 2n; k <= n.n; k++) f *= k;
      return F.fromInt(f);
    }
    case 'Abs': return L.norm(F, evaluate(e.arg, host, env));
    case 'Norm': {
      const v = evaluate(e.arg, host, env);
      return builtinNorm(e.sub)?.evaluate === 'frobenius' ? L.frobenius(F, v) : L.norm(F, v);
    }
    case 'Component': {
      // x_i, A_{ij}: 1-based; past the end there is no value.
      const v = evaluate(e.of, host, env);
      const at = e.indices.map((i) => integerValue(i, host, env));
      const name = printName(e.of.name);
      if (!isMat(v)) {
        if (at.every((i) => i === 1n)) return v;
        throw new Undefined(`${name} has no component there`);
      }
      const [i, j] = at.length === 1 ? (v.rows === 1 ? [1n, at[0]!] : [at[0]!, 1n]) : [at[0]!, at[1]!];
      if (i < 1n || j < 1n || i > BigInt(v.rows) || j > BigInt(v.cols)) throw new Undefined(`${name} has no component (${i}, ${j}): it is ${v.rows}×${v.cols}`);
      return v.at(Number(i) - 1, Number(j) - 1);
    }
    case 'Call': return call(e, host, env);
    case 'BigOp': return bigOp(e, host, env);
    case 'Expect': case 'Deriv': case 'Grad': case 'Limit': {
      if (host.special) return host.special(e, env);
      const what = e.kind === 'Expect' ? 'expectations' : e.kind === 'Limit' ? 'limits' : 'derivatives';
      throw new Unsupported(`${what} are not evaluated yet`);
    }
  }
  throw new Unsupported(`cannot evaluate ${(e as Expr).kind}`);
}

/**
 * The exact value of an expression built from numbers and integer names with `+ − × ÷`
 * and whole powers (subscripts, bounds, exponents); null when it holds anything else. With
 * `scalars`, also the free scalars the host knows exactly (`exactScalar`: a divisor whose
 * enclosure holds 0), and null rather than an error for a name with no whole value or a
 * division by 0.
 */
export function exactValue<S>(e: Expr, host: Host<S>, env: Env<S>, scalars = false): Rational | null {
  switch (e.kind) {
    case 'Num': return literals.get(e) ?? (hugeLiteral(e.value) ? null : literal(e));
    case 'Var': {
      const key = varKey(e);
      const i = env.integers.get(key);
      if (i !== undefined) return new Rational(i);
      if (env.values.has(key)) {
        const v = env.values.get(key)!;
        if (isMat(v)) return null;
        const k = host.field.asInteger(v);
        return k === null ? null : new Rational(k);
      }
      const q = scalars ? host.exactScalar?.(e, env) : null;
      if (q) return q;
      if (host.maybeInteger && !host.maybeInteger(e)) return null;
      try {
        return new Rational(host.integer(e, env));
      } catch (err) {
        if (err instanceof Inexact || (scalars && err instanceof Undefined)) return null;
        throw err;
      }
    }
    case 'Neg': {
      const a = exactValue(e.arg, host, env, scalars);
      return a && a.neg();
    }
    case 'Binary': {
      const a = exactValue(e.left, host, env, scalars);
      if (!a) return null;
      const b = exactValue(e.right, host, env, scalars);
      if (!b) return null;
      if (scalars && b.isZero() && e.op === '/') return null;
      switch (e.op) {
        case '+': return a.add(b);
        case '-': return a.sub(b);
        case '*': return a.mul(b);
        case '/': return a.div(b);
        case '^': return b.isInteger() && b.n >= -64n && b.n <= 64n && !(scalars && a.isZero() && b.n < 0n) ? a.pow(b.n) : null;
      }
      return null;
    }
    default: return null;
  }
}

/**
 * The exact value of a number written with `+ − × ÷` and whole powers (`10^(-9)`, `1/3`,
 * `2^61 - 1`); null for anything else, for division by zero, and for a power whose
 * result would exceed about 20,000 bits (MAX_EXACT_BITS); never throws.
 */
export function constantValue(e: Expr): Rational | null {
  switch (e.kind) {
    case 'Num': return literals.get(e) ?? (hugeLiteral(e.value) ? null : literal(e));
    case 'Neg': {
      const a = constantValue(e.arg);
      return a && a.neg();
    }
    case 'Binary': {
      const a = constantValue(e.left);
      const b = a && constantValue(e.right);
      if (!a || !b) return null;
      switch (e.op) {
        case '+': return a.add(b);
        case '-': return a.sub(b);
        case '*': return a.mul(b);
        case '/': return b.isZero() ? null : a.div(b);
        case '^': {
          if (!b.isInteger() || (a.isZero() && b.n < 0n)) return null;
          const bits = BigInt(Math.max(a.n < 0n ? (-a.n).toString(2).length : a.n.toString(2).length, a.d.toString(2).length));
          const k = b.n < 0n ? -b.n : b.n;
          if (bits * k > 40000n && bits > 1n) return null;
          // (Rational.pow has its own limit, on the bits of numerator and denominator together.)
          try {
            return a.pow(b.n);
          } catch (err) {
            if (err instanceof Signal) return null;
            throw err;
          }
        }
      }
      return null;
    }
    default: return null;
  }
}

/** The whole number an index expression stands for (Undefined if it is not one). */
export function integerValue<S>(e: Expr, host: Host<S>, env: Env<S>): bigint {
  const q = exactValue(e, host, env);
  if (q === null) {
    const v = evaluate(e, host, env);
    const k = isMat(v) ? null : host.field.asInteger(v);
    if (k === null) throw new Undefined('a subscript or bound that is not a whole number');
    return k;
  }
  if (!q.isInteger()) throw new Undefined('a subscript or bound that is not a whole number');
  return q.n;
}

function power<S>(base: Expr, exponent: Expr, host: Host<S>, env: Env<S>): Val<S> {
  const F = host.field;
  let k: bigint | null = null;
  let q = exactValue(exponent, host, env);
  let ev: Val<S> | null = null;
  if (q === null) {
    ev = evaluate(exponent, host, env);
    if (isMat(ev)) throw new Unsupported('a matrix exponent');
    k = F.asInteger(ev);
  } else if (q.isInteger()) {
    k = q.n;
  }
  // ‖x‖^(2j) and |x|^(2j) are (xᵀx)^j: rational, so exact where the rest is.
  if (k !== null && k > 0n && k % 2n === 0n && (base.kind === 'Norm' || base.kind === 'Abs')) {
    const inner = evaluate(base.arg, host, env);
    if (!isMat(inner) || inner.rows === 1 || inner.cols === 1) return F.powInt(L.sumSquares(F, inner), k / 2n);
  }
  if (base.kind === 'Const' && base.name === 'e' && host.transcendental) {
    const v = host.transcendental('exp', exponent, env);
    if (v !== undefined) return v;
  }
  // e^y is exp(y): not exp(y·log e), which costs a logarithm at every evaluation (at 250
  // digits, e^(−x²) > 0 ran out of time computing log e).
  if (base.kind === 'Const' && base.name === 'e') {
    const y = ev ?? (q !== null ? F.fromRational(q) : evaluate(exponent, host, env));
    if (!isMat(y)) return F.elementary('exp', y);
  }
  if (k === null && host.constantPower) {
    const a = constantValue(base);
    if (a !== null && a.sign() > 0) {
      const v = host.constantPower(a, exponent, env);
      if (v !== undefined) return v;
    }
  }
  const b = evaluate(base, host, env);
  if (isMat(b)) {
    if (k === null) throw new Unsupported('a matrix to a power that is not a whole number');
    return L.matPow(F, b, k);
  }
  try {
    if (k !== null) return F.powInt(b, k);
    if (q !== null) return F.pow(b, F.fromRational(q));
    return F.pow(b, ev as S);
  } catch (err) {
    // A base whose enclosure holds 0 that is 0 exactly (host.symbolicZero) to a constant power:
    // 0^(1/2) = 0, 0^(−1/2) has no value (rt58: (x² − 2)^(1/2) = (x² − 2)/(x² − 2)^(1/2) was
    // proved, the √ spelling refuted at √2).
    // (An exponent that is not rational, π − 3, by its enclosure's certain sign here — rt59:
    // (x² − 2)^(π − 3) = (x² − 2)^(π − 2)/(x² − 2) was proved.)
    const sign = q !== null ? q.sign() : k !== null ? (k > 0n ? 1 : k < 0n ? -1 : 0) : ev !== null && !isMat(ev) ? F.sign(ev) : null;
    if (err instanceof Undecided && (sign === 1 || sign === -1) && host.symbolicZero?.(base, env)) {
      if (sign > 0) return F.zero;
      throw new Undefined('0 to a negative power');
    }
    throw err;
  }
}

const ELEMENTARY: ReadonlySet<string> = new Set(['exp', 'log', 'sqrt', 'sin', 'cos', 'tan', 'tanh', 'abs']);

function call<S>(e: Call, host: Host<S>, env: Env<S>): Val<S> {
  const F = host.field;
  // What a built-in does is its row's `evaluate` key in the table of built-ins (src/builtins.ts).
  const builtin = e.fn.primes === 0 && !e.fn.hat && e.fn.index === null ? builtinFunction(e.fn.base)?.evaluate ?? '' : '';
  if (host.transcendental && TRANSCENDENTAL.has(builtin) && e.args.length === 1 && e.args[0]!.shape?.kind !== 'matrix') {
    const v = host.transcendental(builtin as Transcendental, e.args[0]!, env);
    if (v !== undefined) return v;
  }
  if (host.logarithm && builtin === 'log' && e.args.length === 1 && e.args[0]!.shape?.kind !== 'matrix') {
    const v = host.logarithm(e.args[0]!, env);
    if (v !== undefined) return v;
  }
  if (builtin === '') {
    const args = e.args.map((a) => evaluate(a, host, env));
    try {
      return host.apply(e, args, env);
    } catch (err) {
      // (A declared function's drawn instance met a random argument inside E[…]: the function
      // the step names is said, not a built-in its instance uses: σ, not sin, red team rt112.)
      if (err instanceof RandomArgument) throw new RandomArgument(`${printName(e.fn)} of a random quantity inside E[…] is not evaluated (only polynomials in the random names are)`);
      throw err;
    }
  }
  const args = e.args.map((a) => evaluate(a, host, env));
  const a = args[0]!;
  const name = builtin;
  if (name === 'sqrt' && host.root && !isMat(a)) return host.root(a);
  if (ELEMENTARY.has(name)) {
    const f = name as Elementary;
    if (isMat(a)) return a.map((x) => F.elementary(f, x));
    try {
      return F.elementary(f, a);
    } catch (err) {
      // An argument whose enclosure holds 0 that is 0 exactly (host.symbolicZero): √0 = 0, log 0 has no value.
      if (err instanceof Undecided && (f === 'sqrt' || f === 'log') && host.symbolicZero?.(e.args[0]!, env)) {
        if (f === 'sqrt') return F.zero;
        throw new Undefined('logarithm of 0');
      }
      // And tan where the cosine of its argument is 0 exactly: tan(π/2) has no value (rt57:
      // under 0 ≤ x < 3, tan x ≥ 0 ⇔ x ≤ π/2 was checked; it gains the solution π/2).
      if (err instanceof Undecided && f === 'tan' && host.symbolicZero?.({ ...e, fn: { ...e.fn, base: 'cos' } }, env)) {
        throw new Undefined('tangent where the cosine is 0');
      }
      throw err;
    }
  }
  switch (name) {
    case 'max': case 'min': {
      let best: Val<S> = a;
      for (const x of args.slice(1)) {
        if (isMat(best) || isMat(x)) throw new Unsupported(`${name} of vectors`);
        best = name === 'max' ? F.max(best, x) : F.min(best, x);
      }
      return best;
    }
    case 'diag': return L.diag(F, a);
    case 'trace': return L.trace(F, a);
    case 'det': return L.det(F, a);
    case 'inverse': return L.inverse(F, a);
    case 'norm': return L.norm(F, a);
    case 'frobenius': return L.frobenius(F, a);
    case 'λ_max': return L.lambdaMax(F, a);
    case 'λ_min': return F.neg(L.lambdaMax(F, L.neg(F, a)));
  }
  throw new Unsupported(`'${name}' is not evaluated`);
}

/** Whether a function name is a built-in the interpreter evaluates itself (a row of src/builtins.ts). */
export function isBuiltin(name: string): boolean {
  const b = builtinFunction(name);
  return b !== undefined && b.notation === 'call';
}

/** Whether a ∑ or ∏ is being evaluated (its terms were counted when the outermost one began). */
let insideBigOp = false;

function bigOp<S>(e: BigOp, host: Host<S>, env: Env<S>): Val<S> {
  const lo = integerValue(e.lower, host, env);
  const hi = integerValue(e.upper, host, env);
  if (hi - lo > BigInt(MAX_TERMS)) throw new Unsupported(`a ∑ or ∏ with more than ${MAX_TERMS} terms`);
  if (insideBigOp || nestedOps(e.body).length === 0) return bigOpTerms(e, lo, hi, host, env);
  // The outermost of nested ∑/∏: their terms in all, against what the time left can evaluate.
  const left = host.deadline === Infinity ? Infinity : (host.deadline - now()) * NESTED_TERMS_PER_MS;
  const budget = Math.min(NESTED_TERMS_MAX, Math.max(NESTED_TERMS_MIN, left), host.work ? host.work.left : Infinity);
  const count = termCount(e, lo, hi, host, env, budget);
  if (count > budget) {
    throw new Unsupported(`this ${e.op === 'sum' ? '∑' : '∏'} has ${countText(count)} terms (∑ and ∏ inside one another), too many to evaluate in the time limit`);
  }
  insideBigOp = true;
  try {
    return bigOpTerms(e, lo, hi, host, env);
  } finally {
    insideBigOp = false;
  }
}

/** The ∑ and ∏ directly inside an expression (not inside another ∑ or ∏), cached per node. */
const nestedCache = new WeakMap<Expr, readonly BigOp[]>();
function nestedOps(e: Expr): readonly BigOp[] {
  let out = nestedCache.get(e);
  if (out) return out;
  const found: BigOp[] = [];
  const rec = (x: Expr): void => {
    if (x.kind === 'BigOp') found.push(x);
    else for (const c of slots(x)) rec(c.expr);
  };
  rec(e);
  out = found;
  nestedCache.set(e, out);
  return out;
}

/**
 * About how many terms a ∑/∏ over [lo, hi] has with those nested in it, where their bounds
 * are known exactly (else each counts once), linear in the depth. Stops counting past `budget`.
 */
function termCount<S>(e: BigOp, lo: bigint, hi: bigint, host: Host<S>, env: Env<S>, budget: number): number {
  const n = hi < lo ? 0 : Number(hi - lo) + 1;
  const inner = nestedOps(e.body);
  if (n === 0 || inner.length === 0) return n;
  const key = printName(e.index);
  const at = (i: bigint): Env<S> => {
    const values = new Map(env.values);
    values.delete(key);
    const integers = new Map(env.integers);
    integers.set(key, i);
    return { values, integers };
  };
  const bounds = (op: BigOp, where: Env<S>): [bigint, bigint] | null => {
    try {
      const l = exactValue(op.lower, host, where);
      const h = exactValue(op.upper, host, where);
      return l?.isInteger() && h?.isInteger() ? [l.n, h.n] : null;
    } catch (err) {
      if (err instanceof Signal) return null;
      throw err;
    }
  };
  // (Where an inner range reads the index, its length at the middle of the range: exact on
  // average for one that grows linearly, ∑_{i=1}^{n} ∑_{j=1}^{i}.)
  const mid = at(lo + (hi - lo + 1n) / 2n);
  let each = 0;
  for (const op of inner) {
    const b = bounds(op, mid);
    each += b === null ? 1 : termCount(op, b[0], b[1], host, mid, budget / n);
    if (n * each > budget) break;
  }
  return n * Math.max(1, each);
}

/** A count of terms in words: 4,096; about 2.7·10^8 (2^28 where it is one). */
function countText(n: number): string {
  const k = Math.log2(n);
  if (Number.isInteger(k) && k > 16) return `2^${k}`;
  if (n < 1e6) return Math.round(n).toLocaleString('en-US');
  const exp = Math.floor(Math.log10(n));
  return `about ${(n / 10 ** exp).toFixed(1)}·10^${exp}`;
}

function bigOpTerms<S>(e: BigOp, lo: bigint, hi: bigint, host: Host<S>, env: Env<S>): Val<S> {
  const F = host.field;
  const key = printName(e.index);
  const values = new Map(env.values);
  values.delete(key);
  const integers = new Map(env.integers);
  const inner: Env<S> = { values, integers };
  let acc: Val<S> | null = null;
  // (The clock every 8 terms: a term is an evaluation of the body, reading it each time was ~5%
  // of a step that evaluates ∏ at 100,000 factors.)
  let turn = 0;
  for (let i = lo; i <= hi; i++) {
    if ((turn++ & 7) === 0 && now() > host.deadline) throw new Unsupported('the time limit ran out while evaluating a ∑ or ∏');
    if (host.work && --host.work.left < 0) throw new Unsupported('a ∑ or ∏ with more terms than a constant is evaluated with');
    integers.set(key, i);
    const v = evaluate(e.body, host, inner);
    if (acc === null) acc = v;
    else if (e.op === 'sum') acc = L.add(F, acc, v);
    else acc = L.mul(F, v, acc); // ∏_{t=1}^{T} J_t = J_T ⋯ J_1
  }
  if (acc !== null) return acc;
  // The empty sum is 0 and the empty product 1 (or I), of the body's shape.
  const s = e.shape;
  if (s?.kind === 'matrix') {
    const rows = host.dim(s.rows);
    const cols = host.dim(s.cols);
    return e.op === 'sum' ? L.zeros(F, rows, cols) : L.identity(F, rows);
  }
  return e.op === 'sum' ? F.zero : F.one;
}

export { Mat };

/** The evaluator's host for constant expressions in the field F: any name is out of reach (Unsupported). */
export function groundHostIn<S>(F: Field<S>): Host<S> {
  const none = (): never => { throw new Unsupported('not a constant'); };
  return { field: F, variable: none, integer: none, apply: none, dim: none, deadline: 0 };
}

/** groundHostIn for double enclosures. */
export const groundHost: Host<Interval> = groundHostIn(intervalField);

/**
 * Terms of ∑ and ∏ a constant is evaluated with, all told (groundEnclosure): a count, so that
 * a rule's answer from a constant's sign does not depend on the machine's load. A 20 ms clock
 * did (red team rt100: lim −T ∑_{t=1}^{5000} 1/(t² + π) = −∞ was proved or not by the load).
 */
const GROUND_TERMS = 50_000;
/** A wall-clock backstop for a constant's evaluation (ms), far past what GROUND_TERMS takes. */
const GROUND_BACKSTOP_MS = 500;

const groundCache = new WeakMap<Expr, Interval | null>();

/**
 * A constant expression's enclosure in doubles (numbers, π, e, the built-ins; no names), or
 * null where it has none: a name, no value, a matrix, more than GROUND_TERMS terms of ∑ and ∏.
 * Cached per node (the same for every call: the bound is a count).
 */
export function groundEnclosure(e: Expr): Interval | null {
  const known = groundCache.get(e);
  if (known !== undefined) return known;
  let out: Interval | null = null;
  const deadline = now() + GROUND_BACKSTOP_MS;
  try {
    const v = evaluate(e, { ...groundHost, deadline, work: { left: GROUND_TERMS } });
    out = isMat(v) || Number.isNaN(v.lo) || Number.isNaN(v.hi) ? null : v;
  } catch {
    out = null;
  }
  // (Not cached where the backstop's clock ran out: that answer is the clock's, not the count's.)
  if (now() <= deadline) groundCache.set(e, out);
  return out;
}

/** The certain sign of a constant expression by its enclosure (intervalField.sign: 0 only for [0, 0]), or null. */
export function groundSign(e: Expr): -1 | 0 | 1 | null {
  const v = groundEnclosure(e);
  return v ? intervalField.sign(v) : null;
}
