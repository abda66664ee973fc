import type { Expr, Range } from '../../ast.js';
import { children, exprKey, freeNames, mapChildren } from '../../ast-walk.js';
import { printExpr, printName } from '../../print.js';
import { isMat } from '../evaluator/field.js';
import type { Interval } from '../evaluator/interval.js';
import { constantValue, evaluate, groundHost, literal } from '../evaluator/interpret.js';
import { Rational } from '../evaluator/rational.js';
import { now } from '../../clock.js';

/**
 * Exact expansion of a scalar polynomial with rational coefficients (sparse, in the
 * names it mentions): what `left − right` of a wrong polynomial step comes to, without
 * asking nerdamer. Null for anything that is not a polynomial (a division by a name, a
 * root, a function) or that would expand past a size budget; with `atoms`, a function
 * call, |·|, π, e and a power of e is a name of its own (`cos(2 x) − 2 cos(x)²`), with what
 * its square is applied (|u|² is u²; √ of a positive rational is c·√s with (√s)² = s; with
 * `roots`, √u too), log of a positive rational is ∑ k·log p over its primes, and no two
 * powers of e may differ (e^x·e^(−x) is 1: nerdamer knows how those combine).
 */

/** A monomial's names and exponents, sorted by name; its key is their printed product. */
interface Term { readonly coef: Rational; readonly powers: readonly (readonly [string, number, Expr])[] }
type Poly = Map<string, Term>;

const MAX_TERMS = 400;
const MAX_EXPONENT = 24;

const keyOf = (powers: Term['powers']): string => powers.map(([v, k]) => `${v}^${k}`).join('*');

function add(p: Poly, q: Poly, sign: 1 | -1): Poly {
  const out = new Map(p);
  for (const [k, t] of q) {
    const c = (out.get(k)?.coef ?? Rational.ZERO).add(sign === 1 ? t.coef : t.coef.neg());
    if (c.isZero()) out.delete(k);
    else out.set(k, { coef: c, powers: t.powers });
  }
  return out;
}

function mul(p: Poly, q: Poly): Poly | null {
  if (p.size * q.size > MAX_TERMS * 4) return null;
  let out: Poly = new Map();
  for (const a of p.values()) {
    for (const b of q.values()) {
      const powers = new Map<string, [number, Expr]>();
      for (const [v, k, node] of [...a.powers, ...b.powers]) powers.set(v, [(powers.get(v)?.[0] ?? 0) + k, node]);
      const sorted = [...powers].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([v, [k, node]]) => [v, k, node] as const);
      const term: Term = { coef: a.coef.mul(b.coef), powers: sorted };
      out = add(out, new Map([[keyOf(sorted), term]]), 1);
      if (out.size > MAX_TERMS) return null;
    }
  }
  return out;
}

const constant = (c: Rational): Poly => (c.isZero() ? new Map() : new Map([['', { coef: c, powers: [] }]]));

/**
 * What an atom's square is, by its key: √u → u, |u| → u², √2 → 2. The expansion applies these
 * (`reduceSquares`), so (√2)² is 2 and |x|² is x². Each holds wherever the atom is defined.
 */
type Squares = Map<string, Poly>;

/**
 * Options of an expansion: `roots` makes √u of a non-constant u a name of its own whose square
 * is u (for the text of left − right: true wherever √u is defined, which a certificate could
 * not assume); √ and log of a positive rational are always taken (√8 = 2√2, log 10^100 =
 * 100 log 2 + 100 log 5).
 */
export interface ExpansionOptions { readonly roots?: boolean }

/** The expansion of a scalar expression, or null when it is not a polynomial within budget (see above for `atoms`). */
export function expandPolynomial(
  e: Expr, atoms: boolean | 'all' = false, heads = new Map<string, string>(), options: ExpansionOptions = {}, squares: Squares = new Map(),
): Poly | null {
  const name = (x: Expr, key: string): Poly => new Map([[`${key}^1`, { coef: Rational.ONE, powers: [[key, 1, x]] }]]);
  const atomOf = (x: Expr): Poly | null => {
    if (!atoms || x.shape?.kind === 'matrix') return null;
    if (x.kind === 'Call' && x.args.length === 1 && (x.fn.base === 'sqrt' || x.fn.base === 'log' || x.fn.base === 'ln') && !x.fn.index && x.fn.primes === 0) {
      const q = constantValue(x.args[0]!);
      // (Trial division of numbers past 4096 bits would cost seconds: such a number is left whole.)
      const small = q !== null && bits(q.n) + bits(q.d) <= MAX_FACTORED_BITS;
      if (q && small && q.sign() > 0) return x.fn.base === 'sqrt' ? constantRoot(x, q, squares) : constantLog(x, q);
      // log √q = ½ log q, log q^(a/b) = (a/b) log q, for a rational q > 0.
      const arg = x.args[0]!;
      if (x.fn.base !== 'sqrt' && q === null) {
        const inner = arg.kind === 'Call' && arg.fn.base === 'sqrt' && arg.args.length === 1 && !arg.fn.index && arg.fn.primes === 0
          ? { base: arg.args[0]!, k: new Rational(1n, 2n) }
          : arg.kind === 'Binary' && arg.op === '^' ? { base: arg.left, k: constantValue(arg.right) } : null;
        const b = inner && inner.k && constantValue(inner.base);
        if (inner && inner.k && b && b.sign() > 0 && bits(b.n) + bits(b.d) <= MAX_FACTORED_BITS) {
          const k = inner.k;
          const log = constantLog(x, b);
          return new Map([...log].map(([key, t]) => [key, { ...t, coef: t.coef.mul(k) }]));
        }
      }
      if (x.fn.base === 'sqrt') {
        const u = x.args[0]!;
        // √ of a constant that is not rational but certainly positive (√π, √e, √(2π)): a name
        // whose square is that constant, as for √2: it has a value and squares to it. (The ⇔
        // search proves x = −√e a tie of x² < e there: it was never refuted.)
        if (!q && freeNames(u).length === 0 && certainlyPositive(u)) {
          const radicand = go(u);
          if (!radicand) return null;
          const key = `⟨${printExpr(x)}⟩`;
          squares.set(key, radicand);
          return name(x, key);
        }
        // √ of anything else: only for the text of left − right (see ExpansionOptions); √(u²) is |u|.
        if (!options.roots || q) return null;
        if (u.kind === 'Binary' && u.op === '^' && u.right.kind === 'Num' && u.right.value === '2') return atomOf({ kind: 'Abs', arg: u.left, range: x.range, shape: x.shape });
        const key = `⟨${printExpr(x)}⟩`;
        const radicand = go(u);
        if (radicand) squares.set(key, radicand);
        return name(x, key);
      }
    }
    const head = x.kind === 'Call' ? printName(x.fn)
      : x.kind === 'Binary' ? (x.left.kind === 'Const' && x.left.name === 'e' ? 'exp' : `^${printExpr(x.left)}`) : x.kind;
    // (π and e sort before the names, as they are written: π x; a call after them: x sin(x).)
    const key = `${x.kind === 'Const' ? ' ' : ''}⟨${printExpr(x)}⟩`;
    // Two powers of e combine (e^x·e^(−x) is 1): nerdamer's, unless `atoms` is 'all'.
    if ((head === 'exp' ? atoms !== 'all' : head.startsWith('^')) && (heads.get(head) ?? key) !== key) return null;
    heads.set(head, key);
    if (x.kind === 'Abs') {
      heads.set(`|·|${key}`, key);
      // |u|² is u² (when u expands).
      const u = go(x.arg);
      const sq = u && mul(u, u);
      if (sq) squares.set(key, sq);
    }
    return name(x, key);
  };
  const go = (x: Expr): Poly | null => expand(x, go, atomOf, (p) => reduceSquares(p, squares));
  const out = go(e);
  return out && !absSquared(out, heads) ? out : null;
}

/** Whether a constant expression (no names) is certainly above 0: its double enclosure is (π, e, 2π + 1; not 0, not π − π). */
function certainlyPositive(u: Expr): boolean {
  try {
    const v = evaluate(u, { ...groundHost, deadline: now() + 50 });
    return !isMat(v) && (v as Interval).lo > 0;
  } catch {
    return false;
  }
}

/** Numerators and denominators up to this many bits (together) are factored for √ and log. */
const MAX_FACTORED_BITS = 4096;

function bits(n: bigint): number {
  return (n < 0n ? -n : n).toString(16).length * 4;
}

/** Small primes, for √ and log of rationals. */
const PRIMES: readonly bigint[] = (() => {
  const out: bigint[] = [];
  for (let n = 2; n < 1000; n++) if (out.every((p) => n % Number(p) !== 0)) out.push(BigInt(n));
  return out;
})();

/** n as ∏ p^k over the small primes, and what is left (1, or a number with no small prime factor). */
function factor(n: bigint): { powers: Map<bigint, number>; rest: bigint } {
  const powers = new Map<bigint, number>();
  for (const p of PRIMES) {
    if (p * p > n) break;
    while (n % p === 0n) {
      powers.set(p, (powers.get(p) ?? 0) + 1);
      n /= p;
    }
  }
  // (What is left under 10⁶ is 1 or a prime.)
  if (n > 1n && n < 1_000_000n) {
    powers.set(n, (powers.get(n) ?? 0) + 1);
    n = 1n;
  }
  return { powers, rest: n };
}

/** √q for a rational q > 0 as c·√s, s a whole number with no square small-prime factor (√8 = 2√2; √(1/2) = √2/2); (√s)² = s. */
function constantRoot(x: Expr & { kind: 'Call' }, q: Rational, squares: Squares): Poly | null {
  // √(n/d) = √(n d)/d.
  const { powers, rest } = factor(q.n * q.d);
  let outside = 1n;
  let inside = rest;
  for (const [p, k] of powers) {
    outside *= p ** BigInt(Math.floor(k / 2));
    if (k % 2 === 1) inside *= p;
  }
  const coef = new Rational(outside, 1n).div(new Rational(q.d, 1n));
  if (inside === 1n) return constant(coef);
  // √6 is √2·√3: one atom per prime (and one for what has no small prime factor), so
  // √2·√3 = √6 and √8/√2 = 2 expand alike.
  const root = (n: bigint): Poly => {
    const node: Expr = { ...x, args: [{ kind: 'Num', value: n.toString(), range: x.range, shape: { kind: 'scalar' } }] };
    const key = ` ⟨${printExpr(node)}⟩`; // (a number: sorts before the names, as π does)
    squares.set(key, constant(new Rational(n, 1n)));
    return new Map([[`${key}^1`, { coef: Rational.ONE, powers: [[key, 1, node]] }]]);
  };
  const odd = [...powers].filter(([, k]) => k % 2 === 1).map(([p]) => p);
  if (rest > 1n) odd.push(rest);
  let out: Poly | null = constant(coef);
  for (const p of odd) out = out && mul(out, root(p));
  return out;
}

/** log q for a rational q > 0 as ∑ k·log p over its prime factors (what has no small prime factor stays whole): log 10^100 = 100 log 2 + 100 log 5. */
function constantLog(x: Expr & { kind: 'Call' }, q: Rational): Poly {
  let out: Poly = new Map();
  const logOf = (n: bigint, k: number, sign: 1 | -1) => {
    const node: Expr = { ...x, fn: { ...x.fn, base: 'log' }, args: [{ kind: 'Num', value: n.toString(), range: x.range, shape: { kind: 'scalar' } }] };
    const key = ` ⟨${printExpr(node)}⟩`; // (a number: sorts before the names, as π does)
    out = add(out, new Map([[`${key}^1`, { coef: new Rational(BigInt(k), 1n), powers: [[key, 1, node]] }]]), sign);
  };
  for (const [n, sign] of [[q.n, 1], [q.d, -1]] as const) {
    const { powers, rest } = factor(n);
    for (const [p, k] of powers) logOf(p, k, sign);
    if (rest > 1n) logOf(rest, 1, sign);
  }
  return out;
}

/** Applies what atoms' squares are (Squares) until no term has an atom squared; null past the size budget. */
function reduceSquares(p: Poly, squares: Squares): Poly | null {
  if (squares.size === 0) return p;
  let cur = p;
  for (let round = 0; round < 8; round++) {
    let changed = false;
    let out: Poly = new Map();
    for (const t of cur.values()) {
      const hit = t.powers.find(([v, k]) => k >= 2 && squares.has(v));
      if (!hit) {
        out = add(out, new Map([[keyOf(t.powers), t]]), 1);
        continue;
      }
      changed = true;
      const [v, k, node] = hit;
      const rest = t.powers.filter(([w]) => w !== v);
      let term: Poly | null = new Map([[keyOf(rest), { coef: t.coef, powers: rest }]]);
      const sq = power(squares.get(v)!, Math.floor(k / 2));
      term = sq && mul(term, sq);
      if (term && k % 2 === 1) term = mul(term, new Map([[`${v}^1`, { coef: Rational.ONE, powers: [[v, 1, node]] }]]));
      if (!term) return null;
      out = add(out, term, 1);
      if (out.size > MAX_TERMS) return null;
    }
    cur = out;
    if (!changed) return cur;
  }
  return null;
}

/** Whether a term has |u|² or a higher power (it is u², which a name of its own would not show): nerdamer's. */
function absSquared(p: Poly, heads: ReadonlyMap<string, string>): boolean {
  for (const t of p.values()) for (const [v, k] of t.powers) if (k >= 2 && heads.has(`|·|${v}`)) return true;
  return false;
}

function expand(e: Expr, go: (x: Expr) => Poly | null, atomOf: (x: Expr) => Poly | null, reduce: (p: Poly) => Poly | null): Poly | null {
  if (e.shape?.kind === 'matrix') return null;
  switch (e.kind) {
    case 'Num': return constant(literal(e));
    case 'Var': {
      const name = printName(e.name);
      return new Map([[`${name}^1`, { coef: Rational.ONE, powers: [[name, 1, e]] }]]);
    }
    case 'Neg': {
      const a = go(e.arg);
      return a && add(new Map(), a, -1);
    }
    case 'Binary': {
      if (e.op === '^') {
        // A power of a number is that number (10^(-30)), however large its exponent.
        const q = constantValue(e);
        if (q) return constant(q);
        const k = e.right.kind === 'Num' && /^\d+$/.test(e.right.value) ? Number(e.right.value) : null;
        // (Only e^u is a name of its own: x^(−1) would not cancel against x, nor x^(1/2)·x^(1/2) make x.)
        if (k === null) {
          if (e.left.kind === 'Const' && e.left.name === 'e') return atomOf(e);
          // (And a constant's power that certainly has a value, its base certainly positive:
          // π^e, 2^(1/3), a name of its own, as √(π^e)'s radicand; powers of one base do not
          // combine here, so two of them give no expansion.)
          return freeNames(e).length === 0 && certainlyPositive(e.left) && certainlyPositive(e) ? atomOf(e) : null;
        }
        if (k > MAX_EXPONENT) return null;
        const a = go(e.left);
        const pk = a && power(a, k);
        return pk && reduce(pk);
      }
      const a = go(e.left);
      if (!a) return null;
      const b = go(e.right);
      if (!b) return null;
      switch (e.op) {
        case '+': return add(a, b, 1);
        case '-': return add(a, b, -1);
        case '*': {
          const ab = mul(a, b);
          return ab && reduce(ab);
        }
        case '/': {
          if (b.size !== 1 || !b.has('')) return null;
          return mul(a, constant(Rational.ONE.div(b.get('')!.coef)));
        }
      }
      return null;
    }
    case 'Call': case 'Abs': return atomOf(e);
    case 'Const': return e.name === 'pi' || e.name === 'e' ? atomOf(e) : null;
    default: return null;
  }
}

/** A polynomial as an expression (highest degree first), for printing. */
export function polynomialExpr(p: Poly, range: Range): Expr {
  const num = (q: Rational): Expr => {
    const n: Expr = { kind: 'Num', value: q.n.toString().replace('-', ''), range, shape: { kind: 'scalar' } };
    if (q.d === 1n) return n;
    return { kind: 'Binary', op: '/', left: n, right: { kind: 'Num', value: q.d.toString(), range, shape: { kind: 'scalar' } }, range, shape: { kind: 'scalar' } };
  };
  const terms = [...p.values()].sort((a, b) => {
    const da = a.powers.reduce((s, [, k]) => s + k, 0);
    const db = b.powers.reduce((s, [, k]) => s + k, 0);
    // (Of one degree, the positive terms first: log(1 + x) − x, not −x + log(1 + x).)
    return db - da || b.coef.sign() - a.coef.sign() || (keyOf(a.powers) < keyOf(b.powers) ? -1 : 1);
  });
  let out: Expr | null = null;
  for (const t of terms) {
    // The first term carries its own sign (`-2 ε`, `-ε δ`); later ones are added or subtracted.
    const negFirst = out === null && t.coef.sign() < 0;
    const abs = t.coef.sign() < 0 ? t.coef.neg() : t.coef;
    let m: Expr | null = abs.equals(Rational.ONE) && t.powers.length > 0 ? null : num(abs);
    // (-1/10^30, not -(1/10^30): the numerator carries the sign.)
    if (m && negFirst) {
      m = m.kind === 'Num' ? { ...m, value: `-${m.value}` }
        : m.kind === 'Binary' && m.left.kind === 'Num' ? { ...m, left: { ...m.left, value: `-${m.left.value}` } }
          : { kind: 'Neg', arg: m, range, shape: { kind: 'scalar' } };
    }
    let first = true;
    for (const [, k, node] of t.powers) {
      let v: Expr = k === 1 ? node : { kind: 'Binary', op: '^', left: node, right: { kind: 'Num', value: String(k), range, shape: { kind: 'scalar' } }, range, shape: { kind: 'scalar' } };
      if (m === null && first && negFirst) v = { kind: 'Neg', arg: v, range, shape: { kind: 'scalar' } };
      first = false;
      m = m === null ? v : { kind: 'Binary', op: '*', left: m, right: v, implicit: true, range, shape: { kind: 'scalar' } };
    }
    const term = m!;
    if (out === null) out = term;
    else out = { kind: 'Binary', op: t.coef.sign() < 0 ? '-' : '+', left: out, right: term, range, shape: { kind: 'scalar' } };
  }
  return out ?? { kind: 'Num', value: '0', range, shape: { kind: 'scalar' } };
}

// ---------------------------------------------------------------------------
// Rational functions: a polynomial over a product of polynomial factors

/** num / ∏ factor^exp; each factor monic (leading coefficient 1 in lex order) and not constant, keyed by its expansion. */
export interface RationalFunction {
  readonly num: Poly;
  readonly den: ReadonlyMap<string, { readonly poly: Poly; readonly exp: number }>;
}

/** Lex order of monomials, names in sorted order: > 0 when a comes first. */
function lex(a: Term['powers'], b: Term['powers']): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const va = a[i]?.[0];
    const vb = b[j]?.[0];
    if (va !== undefined && (vb === undefined || va < vb)) return 1;
    if (vb !== undefined && (va === undefined || vb < va)) return -1;
    if (a[i]![1] !== b[j]![1]) return a[i]![1] - b[j]![1];
    i++;
    j++;
  }
  return 0;
}

function leading(p: Poly): Term | null {
  let best: Term | null = null;
  for (const t of p.values()) if (!best || lex(t.powers, best.powers) > 0) best = t;
  return best;
}

/** a / b for monomials, or null when b does not divide a. */
function divideTerm(a: Term, b: Term): Term | null {
  const powers = new Map(a.powers.map(([v, k, node]) => [v, [k, node] as [number, Expr]]));
  for (const [v, k] of b.powers) {
    const have = powers.get(v);
    if (!have || have[0] < k) return null;
    if (have[0] === k) powers.delete(v);
    else powers.set(v, [have[0] - k, have[1]]);
  }
  const sorted = [...powers].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([v, [k, node]]) => [v, k, node] as const);
  return { coef: a.coef.div(b.coef), powers: sorted };
}

/**
 * p / f when f divides p exactly, else null. (With one divisor, the division algorithm in any
 * monomial order leaves no remainder exactly when f divides p: LT(f·q) = LT(f)·LT(q).)
 */
function divideExact(p: Poly, f: Poly): Poly | null {
  const lf = leading(f);
  if (!lf) return null;
  let rest: Poly = p;
  let quotient: Poly = new Map();
  for (let steps = 0; rest.size > 0; steps++) {
    if (steps > MAX_TERMS) return null;
    const t = divideTerm(leading(rest)!, lf);
    if (!t) return null;
    const q: Poly = new Map([[keyOf(t.powers), t]]);
    const qf = mul(q, f);
    if (!qf) return null;
    rest = add(rest, qf, -1);
    quotient = add(quotient, q, 1);
  }
  return quotient;
}

const scale = (p: Poly, c: Rational): Poly => mul(p, constant(c)) ?? new Map();

/**
 * 1/p as a rational function: the constant into the numerator, each name every term has
 * (`a b` in a² b + a b²) a factor of its own, the rest one monic factor.
 */
function asDenominator(p: Poly): RationalFunction | null {
  const lt = leading(p);
  if (!lt) return null; // division by 0
  const den = new Map<string, { poly: Poly; exp: number }>();
  let rest = scale(p, Rational.ONE.div(lt.coef));
  const terms = [...rest.values()];
  for (const [v, , node] of terms[0]!.powers) {
    const k = Math.min(...terms.map((t) => t.powers.find(([w]) => w === v)?.[1] ?? 0));
    if (k === 0) continue;
    const name: Poly = new Map([[`${v}^1`, { coef: Rational.ONE, powers: [[v, 1, node]] }]]);
    den.set(`${v}^1`, { poly: name, exp: k });
    rest = divideExact(rest, power(name, k)!) ?? rest;
  }
  if (rest.size > 1 || (rest.size === 1 && [...rest.values()][0]!.powers.length > 0)) {
    const key = [...rest.keys()].sort().map((k) => `${rest.get(k)!.coef.n}/${rest.get(k)!.coef.d}·${k}`).join('+');
    den.set(key, { poly: rest, exp: 1 });
  }
  return { num: constant(Rational.ONE.div(lt.coef)), den };
}

function power(f: Poly, k: number): Poly | null {
  let r: Poly | null = constant(Rational.ONE);
  for (let i = 0; i < k && r; i++) r = mul(r, f);
  return r;
}

function rmul(a: RationalFunction, b: RationalFunction): RationalFunction | null {
  const num = mul(a.num, b.num);
  if (!num) return null;
  const den = new Map(a.den);
  for (const [k, f] of b.den) den.set(k, { poly: f.poly, exp: (den.get(k)?.exp ?? 0) + f.exp });
  return { num, den };
}

function radd(a: RationalFunction, b: RationalFunction, sign: 1 | -1): RationalFunction | null {
  // The least common multiple of the factors as written; each numerator times what its own lacks.
  const den = new Map(a.den);
  for (const [k, f] of b.den) if ((den.get(k)?.exp ?? 0) < f.exp) den.set(k, f);
  const lift = (x: RationalFunction): Poly | null => {
    let n: Poly | null = x.num;
    for (const [k, f] of den) {
      const missing = f.exp - (x.den.get(k)?.exp ?? 0);
      const m = missing > 0 ? power(f.poly, missing) : constant(Rational.ONE);
      n = n && m && mul(n, m);
    }
    return n;
  };
  const na = lift(a);
  const nb = lift(b);
  return na && nb ? { num: add(na, nb, sign), den } : null;
}

/** Cancels every factor of the denominator that divides the numerator. */
function cancel(r: RationalFunction): RationalFunction {
  let num = r.num;
  const den = new Map<string, { poly: Poly; exp: number }>();
  for (const [k, f] of r.den) {
    let exp = f.exp;
    while (exp > 0 && num.size > 0) {
      const q = divideExact(num, f.poly);
      if (!q) break;
      num = q;
      exp--;
    }
    if (exp > 0 && num.size > 0) den.set(k, { poly: f.poly, exp });
  }
  return { num, den };
}

/**
 * A scalar expression as a rational function with its common factors cancelled (`1/a + 1/b −
 * 2/(a + b)` is (a² + b²)/(a b (a + b))), atoms as in `expandPolynomial`; null when it is not
 * one within budget or divides by 0.
 */
export function expandRational(e: Expr, atoms: boolean | 'all' = false, options: ExpansionOptions = {}): RationalFunction | null {
  const heads = new Map<string, string>();
  const squares: Squares = new Map();
  const poly = (x: Expr): Poly | null => expandPolynomial(x, atoms, heads, options, squares);
  const reduced = (r: RationalFunction | null): RationalFunction | null => {
    const num = r && reduceSquares(r.num, squares);
    return r && num && { num, den: r.den };
  };
  const go = (x: Expr): RationalFunction | null => reduced(step(x));
  const step = (x: Expr): RationalFunction | null => {
    if (x.shape?.kind === 'matrix') return null;
    const p = poly(x);
    if (p) return { num: p, den: new Map() };
    if (x.kind === 'Neg') {
      const a = go(x.arg);
      return a && { num: add(new Map(), a.num, -1), den: a.den };
    }
    if (x.kind !== 'Binary') return null;
    if (x.op === '^') {
      const neg = x.right.kind === 'Neg' && x.right.arg.kind === 'Num' && /^\d+$/.test(x.right.arg.value);
      const k = neg ? Number((x.right as { arg: { value: string } }).arg.value) : x.right.kind === 'Num' && /^\d+$/.test(x.right.value) ? Number(x.right.value) : null;
      if (k === null || k > MAX_EXPONENT) return null;
      const a = go(x.left);
      if (!a) return null;
      let r: RationalFunction | null = { num: constant(Rational.ONE), den: new Map() };
      for (let i = 0; i < k && r; i++) r = rmul(r, a);
      return r && (neg ? invert(r) : r);
    }
    const a = go(x.left);
    const b = a && go(x.right);
    if (!a || !b) return null;
    switch (x.op) {
      case '+': return radd(a, b, 1);
      case '-': return radd(a, b, -1);
      case '*': return rmul(a, b);
      case '/': {
        const inv = invert(b);
        return inv && rmul(a, inv);
      }
    }
    return null;
  };
  const r = go(e);
  const out = r && cancel(r);
  return out && !absSquared(out.num, heads) && ![...out.den.values()].some((f) => f.exp > 1 || absSquared(f.poly, heads)) ? out : null;
}

/** 1/r: the numerator becomes a factor of the denominator, and each factor moves up. */
function invert(r: RationalFunction): RationalFunction | null {
  const c = cancel(r);
  const d = asDenominator(c.num);
  if (!d) return null;
  let num: Poly | null = d.num;
  for (const f of c.den.values()) {
    const m = power(f.poly, f.exp);
    num = num && m && mul(num, m);
  }
  return num && { num, den: d.den };
}

/** A rational function as an expression: the numerator over the factors (`(a² + b²)/(a b (a + b))`). */
export function rationalExpr(r: RationalFunction, range: Range): Expr {
  const top = polynomialExpr(r.num, range);
  let bottom: Expr | null = null;
  for (const f of r.den.values()) {
    const base = polynomialExpr(f.poly, range);
    const factor: Expr = f.exp === 1 ? base : { kind: 'Binary', op: '^', left: base, right: { kind: 'Num', value: String(f.exp), range, shape: { kind: 'scalar' } }, range, shape: { kind: 'scalar' } };
    bottom = bottom === null ? factor : { kind: 'Binary', op: '*', left: bottom, right: factor, implicit: true, range, shape: { kind: 'scalar' } };
  }
  return bottom === null ? top : { kind: 'Binary', op: '/', left: top, right: bottom, range, shape: { kind: 'scalar' } };
}

// ---------------------------------------------------------------------------
// Polynomials in atoms, for proofs about where expressions have values (rules/domain-inclusion.ts)

/**
 * e with each scalar that reads a vector or matrix directly (uᵀu, tr(AᵀA), det(A)) and each
 * expectation as a name of its own, keyed by its structure (exprKey): to the expansions an
 * indeterminate like any atom, so uᵀu − 7 = (uᵀu − 5) − 2 under uᵀu ≤ 5.
 */
function matrixScalarsAsNames(e: Expr): Expr {
  if (e.shape?.kind !== 'matrix' && (e.kind === 'Expect' || children(e).some((c) => c.shape?.kind === 'matrix'))) {
    return { kind: 'Var', name: { base: `⟪${exprKey(e)}⟫`, index: null, primes: 0, hat: false, range: e.range }, range: e.range, shape: { kind: 'scalar' } };
  }
  return mapChildren(e, matrixScalarsAsNames);
}

/**
 * Expansions that share their atoms (a call, |·|, √u, a power of e is one indeterminate,
 * the same one wherever it is written alike): `normalized` keys a scalar expression by its
 * expansion divided by its leading coefficient, with that coefficient's sign; `divides` says
 * whether one expansion divides another exactly. Both are identities of polynomials in
 * independent indeterminates, so they hold for every value of the atoms, wherever the atoms
 * are defined. Null where an expression does not expand within budget.
 */
export class AtomExpansions {
  private readonly heads = new Map<string, string>();
  private readonly squares: Squares = new Map();
  private readonly polys = new Map<Expr, Poly | null>();

  private poly(e: Expr): Poly | null {
    if (!this.polys.has(e)) this.polys.set(e, e.shape?.kind === 'matrix' ? null : expandPolynomial(matrixScalarsAsNames(e), true, this.heads, { roots: true }, this.squares));
    return this.polys.get(e) ?? null;
  }

  /** The expansion over its leading coefficient, as text, and that coefficient's sign (0 for the zero polynomial). */
  normalized(e: Expr): { readonly key: string; readonly sign: -1 | 0 | 1 } | null {
    const p = this.poly(e);
    if (!p) return null;
    const lead = leading(p);
    if (!lead) return { key: '0', sign: 0 };
    const terms = [...p.values()].map((t) => `${t.coef.div(lead.coef).toString()}·${keyOf(t.powers)}`).sort();
    return { key: terms.join(' + '), sign: lead.coef.sign() > 0 ? 1 : -1 };
  }

  private readonly numerators = new Map<Expr, Poly | null>();

  /** h's numerator: its expansion, or that of h as a rational function with its common factors cancelled, tan and sin/cos of sums written out. */
  private numerator(h: Expr): Poly | null {
    if (!this.numerators.has(h)) {
      let out: Poly | null = null;
      if (h.shape?.kind !== 'matrix') {
        const t = trigExpanded(matrixScalarsAsNames(h));
        out = (t === h ? this.poly(h) : null) ?? expandRational(t, true, { roots: true })?.num ?? null;
      }
      this.numerators.set(h, out);
    }
    return this.numerators.get(h) ?? null;
  }

  /**
   * c > 0 and a − c·b as a constant expression where a is c·b plus a constant (x and 2x − 1:
   * c = 1/2, x − (2x − 1)/2 = 1/2); else null.
   */
  scaledGap(a: Expr, b: Expr): { readonly c: Rational; readonly gap: Expr } | null {
    const pa = this.poly(a);
    const pb = pa && this.poly(b);
    const la = pa && leading(pa);
    const lb = pb && leading(pb);
    if (!pa || !pb || !la || !lb || la.powers.length === 0 || keyOf(la.powers) !== keyOf(lb.powers)) return null;
    const c = la.coef.div(lb.coef);
    if (c.sign() <= 0) return null;
    const d = polynomialExpr(add(pa, scale(pb, c), -1), a.range);
    return freeNames(d).length === 0 ? { c, gap: d } : null;
  }

  /**
   * Whether f's numerator is a number other than 0 times a product of powers of the numerators
   * of `hs` (x² − 1 of x − 1 and x + 1): then f is ≠ 0 wherever each h is.
   */
  productOf(f: Expr, hs: readonly Expr[]): boolean {
    let pf = this.numerator(f);
    if (!pf || pf.size === 0) return false;
    for (const h of hs) {
      const ph = this.numerator(h);
      if (!ph || ph.size === 0 || (ph.size === 1 && ph.has(''))) continue;
      for (let k = 0; k < MAX_EXPONENT && pf.size > 0 && !(pf.size === 1 && pf.has('')); k++) {
        const q: Poly | null = divideExact(pf, ph);
        if (!q) break;
        pf = q;
      }
    }
    return pf.size === 1 && pf.has('');
  }

  /** Whether f's numerator is a number other than 0 (x² + 1 − x², 1/(x + 1)): f is ≠ 0 wherever it has a value. */
  neverZero(f: Expr): boolean {
    const pf = this.numerator(f);
    return pf !== null && pf.size === 1 && pf.has('');
  }

  /**
   * Whether the numerator of `f` divides that of `h` exactly (or is a number other than 0): then
   * f is ≠ 0 wherever h is ≠ 0 and both have values (x − 1 of x² − 1, x + y of 1 + y/x; cos(x + y),
   * written out, of 1 − tan x tan y).
   */
  divides(f: Expr, h: Expr): boolean {
    // (f's numerator: f = N/D is 0 where it has a value only where N is; a numerator that is a
    // number other than 0 is never 0.)
    const pf = this.numerator(f);
    if (pf && pf.size === 1 && pf.has('')) return true;
    const ph = this.numerator(h);
    if (!pf || !ph || pf.size === 0 || ph.size === 0) return false;
    return divideExact(ph, pf) !== null;
  }
}

/** sin, cos of a whole multiple of π/2, as a number (0, ±1); null otherwise. */
function quarterTurnValue(fn: 'sin' | 'cos', arg: Expr): number | null {
  // (k·π/2 as written: π, 2π, π/2, −π, 3π/2 — a rational multiple of π by the expansion.)
  const p = expandPolynomial(arg, true);
  if (!p || p.size !== 1) return null;
  const t = [...p.values()][0]!;
  if (t.powers.length !== 1 || t.powers[0]![1] !== 1 || t.powers[0]![0] !== ' ⟨π⟩') return null;
  const half = t.coef.mul(new Rational(2n));
  if (!half.isInteger()) return null;
  const k = Number(((half.n % 4n) + 4n) % 4n);
  return fn === 'sin' ? [0, 1, 0, -1][k]! : [1, 0, -1, 0][k]!;
}

/**
 * e with tan u as sin u / cos u, and sin and cos of a sum, a difference, a negation or a
 * multiple of π/2 written out (cos(x + y) = cos x cos y − sin x sin y): identities wherever the
 * left has a value, for AtomExpansions' division. The same node where nothing changed.
 */
export function trigExpanded(e: Expr): Expr {
  const S = { kind: 'scalar' } as const;
  const range = e.range;
  const num = (v: number): Expr => (v < 0 ? { kind: 'Neg', arg: { kind: 'Num', value: String(-v), range, shape: S }, range, shape: S } : { kind: 'Num', value: String(v), range, shape: S });
  const bin = (op: '+' | '-' | '*' | '/', left: Expr, right: Expr): Expr => ({ kind: 'Binary', op, left, right, range, shape: S });
  let budget = 200;
  const trig = (fn: 'sin' | 'cos', arg: Expr, like: Extract<Expr, { kind: 'Call' }>): Expr => {
    if (--budget < 0) return { ...like, fn: { ...like.fn, base: fn }, args: [arg] };
    const q = quarterTurnValue(fn, arg);
    if (q !== null) return num(q);
    if (arg.kind === 'Neg') return fn === 'sin' ? { kind: 'Neg', arg: trig('sin', arg.arg, like), range, shape: S } : trig('cos', arg.arg, like);
    if (arg.kind === 'Binary' && (arg.op === '+' || arg.op === '-')) {
      const [a, b] = [arg.left, arg.right];
      const sa = trig('sin', a, like);
      const ca = trig('cos', a, like);
      const sb = trig('sin', b, like);
      const cb = trig('cos', b, like);
      if (fn === 'sin') return bin(arg.op, bin('*', sa, cb), bin('*', ca, sb));
      return bin(arg.op === '+' ? '-' : '+', bin('*', ca, cb), bin('*', sa, sb));
    }
    return { ...like, fn: { ...like.fn, base: fn }, args: [arg] };
  };
  const go = (x: Expr): Expr => {
    if (x.shape?.kind === 'matrix') return x;
    if (x.kind === 'Call' && x.args.length === 1 && x.fn.primes === 0 && !x.fn.hat && x.fn.index === null && (x.fn.base === 'sin' || x.fn.base === 'cos' || x.fn.base === 'tan')) {
      const arg = go(x.args[0]!);
      if (x.fn.base === 'tan') return bin('/', trig('sin', arg, x), trig('cos', arg, x));
      const out = trig(x.fn.base, arg, x);
      return printExpr(out) === printExpr(x) ? x : out;
    }
    if (x.kind === 'Binary') {
      const l = go(x.left);
      const r = go(x.right);
      return l === x.left && r === x.right ? x : { ...x, left: l, right: r };
    }
    if (x.kind === 'Neg') {
      const a = go(x.arg);
      return a === x.arg ? x : { ...x, arg: a };
    }
    return x;
  };
  return go(e);
}
