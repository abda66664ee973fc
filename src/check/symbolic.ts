import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Script } from 'node:vm';
import type { Expr, Name, Range } from '../ast.js';
import { children } from '../ast-walk.js';
import { BUILTINS } from '../builtins.js';
import { nameKey, printExpr } from '../print.js';
import { loadBundle, type LoadedBundle } from '../run/bundle.js';
import { now } from '../clock.js';

/**
 * The symbolic engine adapter: the only file that knows nerdamer (nerdamer-prime).
 *
 * Our AST goes in, answers come out. nerdamer never sees a name of ours: every scalar
 * name and every opaque subexpression becomes a generated safe name (`u0`, `u1`, …),
 * so reserved words (`e`, `E`, `i`, `pi`, `S`, `sum`, `constructor`, …) and subscripts
 * cannot be mangled. Numbers go in as exact integers or integer fractions.
 *
 * nerdamer is commutative and applies some rules that are wrong off the positive reals
 * (`√(ab) = √a·√b`, `(xᵃ)ᵇ = x^(ab)` even in `expand`; `log(ab) = log a + log b` in
 * `simplify`), and `simplify` evaluates irrational constants as floats. A `zero` here is
 * therefore a claim to be cross-checked by numeric sampling, never a proof on its own.
 */

/** The answer to "is this zero?"; `nonzero` only means nerdamer did not reach 0. */
export type ZeroAnswer =
  /** nerdamer reduced it to 0; `via` says which path did (`simplify` is the less trustworthy). */
  | { status: 'zero'; via: 'expand' | 'simplify' }
  /** Reduced to something else (not a proof of inequality); the residue uses our names. */
  | { status: 'nonzero'; residue: string }
  /** Time limit, unsupported construct, or nerdamer threw. */
  | { status: 'unknown'; reason: string };

/** Options for the symbolic engine. */
export interface SymbolicOptions {
  /**
   * Wall-clock limit for one question, in milliseconds (default 2000): only a backstop (the
   * step's time left); what decides is the work limit, the same on every machine.
   */
  timeoutMs?: number;
  /** Work limit of each `expand` (default EXPAND_WORK), in nerdamer's own checks (see Session). */
  work?: number;
}

export const DEFAULT_SYMBOLIC_TIMEOUT_MS = 2000;

/**
 * Work limits, counted in nerdamer's own timeout checks (one each time it builds a symbol or
 * steps a factoring loop; ~5–12 µs each here): a question that needs more is `unknown` on any
 * machine at any load, so whether nerdamer's word is had never depends on the clock. Measured
 * over the corpus (derivations, spec examples, the identity table and ~900 red-team files,
 * 996 nerdamer calls): the `expand`s that came to 0 took at most 570 checks, one of 779 took
 * more than 5,000 (80,953, 1.1 s); the `simplify`s that came to 0 at most 2,223, while 46 of
 * 217 took more than 10,000 and were 6.8 s of simplify's 8.6 s, none coming to 0.
 */
export const EXPAND_WORK = 50_000;
export const SIMPLIFY_WORK = 10_000;

/** Integer powers of sums above this are refused rather than expanded. */
const MAX_EXPAND_EXPONENT = 60;
/** Refuse expressions whose full expansion would exceed this many terms. */
const MAX_EXPANDED_TERMS = 20000;
/** Refuse exact integer powers of numbers above this exponent (huge integers). */
const MAX_NUMERIC_EXPONENT = 10000;
/** Refuse number literals whose exact form needs more digits than this. */
const MAX_NUMBER_DIGITS = 1000;
/** Roots (and `simplify`) are only trusted on constants exact in this many bits. */
const MAX_ROOT_BITS = 48;
/** Residues longer than this are cut (they are for messages). */
const MAX_RESIDUE_CHARS = 240;
/** At most this many earlier applications of one function are compared argument-wise. */
const MAX_ATOM_CANDIDATES = 12;

// ---------------------------------------------------------------------------
// Loading nerdamer (lazily: the CLI pays the ~40 ms only when a step needs it)

interface NerdamerResult { toString(): string }
interface Nerdamer {
  (expression: string): NerdamerResult;
  set(option: string, value: number): void;
  clear(item: 'all'): unknown;
  getCore(): { Settings: Record<string, unknown> };
}

interface Engine {
  nerdamer: Nerdamer;
  settings: Record<string, unknown>;
  /** Primitive settings as loaded: nerdamer's `block()` does not restore them on a throw. */
  snapshot: ReadonlyArray<readonly [string, unknown]>;
}

let engine: Engine | null = null;

function loadEngine(): Engine {
  if (engine) return engine;
  // The `all` entry loads the add-ons (Algebra has `simplify` and `factor`): from the build's
  // bundle of it and its code cache where there is one (engineBundle), else from node_modules.
  const nerdamer = (engineBundle()?.exports ?? createRequire(import.meta.url)('nerdamer-prime/all')) as unknown as Nerdamer;
  const settings = nerdamer.getCore().Settings;
  const snapshot = Object.entries(Object.getOwnPropertyDescriptors(settings))
    .filter(([k, d]) => k !== 'TIMEOUT' && d.writable === true && (d.value === null || typeof d.value !== 'object' && typeof d.value !== 'function'))
    .map(([k, d]) => [k, d.value] as const);
  engine = { nerdamer, settings, snapshot };
  return engine;
}

/**
 * nerdamer as the build bundles it (dist/worker/nerdamer.cjs, scripts/bundle.mjs), run from V8's
 * code cache: its ~1.4 MB of source loaded in ~25 ms instead of ~55 (compiled, not parsed and
 * compiled again in every worker that needs it). Looked for beside the worker's bundle and from
 * dist/src/check/; null where there is none (tests run from source), or it is older than the
 * package it was made from.
 */
function engineBundle(): LoadedBundle | null {
  if (engineLoaded !== undefined) return engineLoaded;
  engineLoaded = null;
  try {
    const made = createRequire(import.meta.url).resolve('nerdamer-prime/all');
    for (const at of ['./nerdamer.cjs', '../../worker/nerdamer.cjs']) {
      const file = fileURLToPath(new URL(at, import.meta.url));
      if (!existsSync(file)) continue;
      engineLoaded = loadBundle(file, made);
      if (engineLoaded) break;
    }
  } catch {
    engineLoaded = null;
  }
  return engineLoaded;
}

let engineLoaded: LoadedBundle | null | undefined;

/** The compiled nerdamer bundle this thread loaded, if any: the build writes its code cache after a training run (scripts/bundle.mjs). */
export function engineScript(): Script | null {
  return engineLoaded?.script ?? null;
}

class Unsupported extends Error {}
/** nerdamer stopped: its message is the reason (`work limit`, or `time limit` where the wall-clock backstop fired). */
class Timeout extends Error {}

/**
 * One question to nerdamer: a deadline on the step clock (src/clock.ts) shared by all its calls, and a work limit per
 * call. nerdamer checks its timeout (`Date.now() > start + Settings.TIMEOUT`) each time it builds
 * a symbol and in its factoring loops; during a call `Date.now` is a counter of those checks, so
 * TIMEOUT is a number of checks: deterministic (the same count for the same question, nerdamer's
 * history cleared after each call). Past the deadline the counter jumps by 10¹², so the
 * next check stops it.
 */
class Session {
  private readonly deadline: number;
  constructor(private readonly engine: Engine, timeoutMs: number, readonly work = EXPAND_WORK) {
    this.deadline = now() + timeoutMs;
  }

  /** Runs one nerdamer command (built by us, safe names only) within `work` checks and returns its text. */
  run(command: string, work = this.work): string {
    const clock = Date.now;
    const deadline = this.deadline;
    if (deadline - now() < 1) throw new Timeout('time limit');
    const { nerdamer, settings, snapshot } = this.engine;
    nerdamer.set('TIMEOUT', work);
    let checks = 0;
    Date.now = () => ++checks + (now() > deadline ? 1e12 : 0);
    try {
      const text = nerdamer(command).toString();
      // Expression#toString swallows errors and returns '' on failure.
      if (text === '') throw new Error('nerdamer could not print the result');
      return text;
    } catch (err) {
      for (const [k, v] of snapshot) settings[k] = v;
      if (err instanceof Error && err.message === 'timeout') throw new Timeout(now() > deadline ? 'time limit' : 'work limit');
      throw err;
    } finally {
      Date.now = clock;
      nerdamer.clear('all'); // nerdamer keeps every result in a history list
    }
  }
}

// ---------------------------------------------------------------------------
// AST → nerdamer text

/** Built-in scalar functions nerdamer knows by the same meaning (from src/builtins.ts). */
const UNARY_BUILTINS = new Set(BUILTINS.filter((b) => b.notation === 'call' && b.arity === 1 && b.nerdamer !== null && b.lowering === 'call').map((b) => b.name));
const MINMAX = new Set(BUILTINS.filter((b) => b.notation === 'call' && typeof b.arity !== 'number' && b.nerdamer !== null).map((b) => b.name));
/** Matrix functions: always opaque atoms keyed by their text. */
const TEXT_ATOM_FUNCTIONS = new Set(BUILTINS.filter((b) => b.notation === 'call' && b.nerdamer === null).map((b) => b.name));

/** A call that stands as one atom keyed by its text: a matrix function, or matrix arguments. */
function isTextAtomCall(e: Extract<Expr, { kind: 'Call' }>): boolean {
  return TEXT_ATOM_FUNCTIONS.has(nameKey(e.fn)) || e.args.some(hasMatrix);
}

/** sin, cos, …, max, min: written plainly (a primed, hatted or indexed `sin` is a user function). */
function isBuiltin(fn: Name): boolean {
  return fn.index === null && fn.primes === 0 && !fn.hat && (UNARY_BUILTINS.has(fn.base) || MINMAX.has(fn.base));
}

function hasMatrix(e: Expr): boolean {
  return e.shape?.kind === 'matrix' || (e.kind === 'Const' && e.name === 'I') || children(e).some(hasMatrix);
}

/** A decimal literal as an exact fraction p/q (q a power of ten). */
function numberParts(value: string): { p: bigint; q: bigint } {
  if (value.startsWith('-')) { const { p, q } = numberParts(value.slice(1)); return { p: -p, q }; }
  const m = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(value);
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) throw new Unsupported(`not a number: ${value}`);
  const frac = m[2] ?? '';
  const exp = Number(m[3] ?? '0') - frac.length;
  const digits = (m[1] + frac).replace(/^0+(?=\d)/, '');
  if (digits.length + Math.abs(exp) > MAX_NUMBER_DIGITS) throw new Unsupported(`number too large: ${value}`);
  const mantissa = BigInt(digits === '' ? '0' : digits);
  return exp >= 0 ? { p: mantissa * 10n ** BigInt(exp), q: 1n } : { p: mantissa, q: 10n ** BigInt(-exp) };
}

/** Exact text of a decimal literal as an integer or `(p/q)`. */
function numberText(value: string): string {
  const { p, q } = numberParts(value);
  const text = q === 1n ? `${p < 0n ? -p : p}` : `(${p < 0n ? -p : p}/${q})`;
  return p < 0n ? `(-${text})` : text; // the AST says never negative; cheap to accept anyway
}

/**
 * Roughly how many bits the constants in `e` need to be exact. nerdamer takes roots of
 * integers in floating point (`√(10⁴⁰+1)` comes back as `10²⁰`, `√(2⁶¹)` as
 * `20·√5764607523034235`, and even `√(2⁵²+1)` as `2²⁶`), so a root of anything needing
 * more than 48 bits is refused; `simplify` evaluates constants as floats, so it is not
 * asked about such expressions at all.
 */
function constantBits(e: Expr): number {
  const bitLength = (n: bigint): number => (n === 0n ? 0 : n.toString(2).length);
  const guardRoot = (arg: Expr): number => {
    const bits = constantBits(arg);
    if (bits > MAX_ROOT_BITS) throw new Unsupported('numbers too large for exact roots');
    return bits;
  };
  switch (e.kind) {
    case 'Num': { const { p, q } = numberParts(e.value); return bitLength(p < 0n ? -p : p) + bitLength(q === 1n ? 0n : q); }
    case 'Neg': case 'Abs': case 'Factorial': return constantBits(e.arg);
    case 'Binary': {
      if (e.op === '^') {
        const n = constValue(e.right);
        if (n !== null && Number.isInteger(n)) return Math.abs(n) * constantBits(e.left);
        if (n !== null) guardRoot(e.left);
        return constantBits(e.left) + constantBits(e.right);
      }
      const l = constantBits(e.left);
      const r = constantBits(e.right);
      return e.op === '+' || e.op === '-' ? Math.max(l, r) + 1 : l + r;
    }
    case 'Call':
      if (isTextAtomCall(e)) return 0;
      if (isBuiltin(e.fn) && e.fn.base === 'sqrt') return e.args.length === 1 ? guardRoot(e.args[0]!) : 0;
      return Math.max(0, ...e.args.map(constantBits));
    default: return 0; // names, π, e, opaque atoms
  }
}

/** The value of a constant numeric subexpression (for size guards only), else null. */
function constValue(e: Expr): number | null {
  switch (e.kind) {
    case 'Num': return Number(e.value);
    case 'Neg': { const v = constValue(e.arg); return v === null ? null : -v; }
    case 'Binary': {
      const l = constValue(e.left);
      const r = constValue(e.right);
      if (l === null || r === null) return null;
      switch (e.op) {
        case '+': return l + r;
        case '-': return l - r;
        case '*': return l * r;
        case '/': return l / r;
        case '^': return l ** r;
      }
    }
    default: return null;
  }
}

/** Terms in `(sum of k terms)^n` fully expanded: C(n+k−1, k−1). */
function multinomialTerms(n: number, k: number): number {
  let c = 1;
  for (let j = 1; j < k && c <= MAX_EXPANDED_TERMS; j++) c = (c * (n + j)) / j;
  return c;
}

/**
 * An estimate of the number of terms after full expansion; throws Unsupported for
 * expressions whose expansion would blow up (nerdamer's own timer is the second guard).
 */
function expansionTerms(e: Expr): number {
  const check = (t: number): number => {
    if (t > MAX_EXPANDED_TERMS) throw new Unsupported('too large to expand');
    return t;
  };
  switch (e.kind) {
    case 'Binary': {
      const l = expansionTerms(e.left);
      const r = expansionTerms(e.right);
      if (e.op === '+' || e.op === '-') return check(l + r);
      if (e.op === '*' || e.op === '/') return check(l * r);
      const n = constValue(e.right);
      if (n === null || !Number.isInteger(n)) return l;
      const base = constValue(e.left);
      if (base !== null) {
        if (Math.abs(n) > MAX_NUMERIC_EXPONENT && Math.abs(base) !== 1 && base !== 0) {
          throw new Unsupported('too large to expand');
        }
        return 1;
      }
      if (l <= 1) return 1;
      if (Math.abs(n) > MAX_EXPAND_EXPONENT) throw new Unsupported('too large to expand');
      return check(multinomialTerms(Math.abs(n), l));
    }
    case 'Neg': return expansionTerms(e.arg);
    case 'Abs': case 'Factorial': case 'Call':
      // nerdamer expands inside function arguments too (and we canonicalize them).
      if (e.kind !== 'Call' || !isTextAtomCall(e)) for (const c of children(e)) expansionTerms(c);
      return 1;
    default:
      return 1; // names, numbers, and opaque atoms, which nerdamer never looks inside
  }
}

interface FnAtom { readonly canon: readonly string[]; readonly safe: string }

/** Maps our AST to nerdamer text over safe names, remembering how to map back. */
class Translator {
  /** Our key (name key or atom text) → safe name. */
  private readonly safeOf = new Map<string, string>();
  /** Safe name → the node it stands for (for printing residues with our names). */
  readonly nodeOf = new Map<string, Expr>();
  private readonly fnAtoms = new Map<string, FnAtom[]>();
  /** constantBits of what was emitted: `simplify` is skipped above MAX_ROOT_BITS. */
  bits = 0;

  constructor(private readonly session: Session) {}

  /** Safe name for a key, allocated on first use. */
  private safe(key: string, node: Expr): string {
    let s = this.safeOf.get(key);
    if (s === undefined) {
      s = `u${this.safeOf.size}`;
      this.safeOf.set(key, s);
      this.nodeOf.set(s, node);
    }
    return s;
  }

  /** nerdamer text for an expression; throws Unsupported / Timeout. */
  emit(e: Expr): string {
    expansionTerms(e);
    this.bits = Math.max(this.bits, constantBits(e));
    return this.text(e);
  }

  private text(e: Expr): string {
    if (e.shape?.kind === 'matrix') throw new Unsupported(`not a scalar: ${printExpr(e)}`);
    switch (e.kind) {
      case 'Num': return numberText(e.value);
      case 'Const':
        if (e.name === 'pi') return 'pi';
        if (e.name === 'e') return 'e';
        throw new Unsupported(e.name === 'inf' ? 'infinity' : `not a scalar: ${printExpr(e)}`);
      case 'Var': return this.safe(`var:${nameKey(e.name)}`, e);
      case 'Neg': return `(-${this.text(e.arg)})`;
      case 'Binary': return `(${this.text(e.left)}${e.op}${this.text(e.right)})`;
      case 'Abs': return `abs(${this.text(e.arg)})`;
      case 'Factorial': return `factorial(${this.text(e.arg)})`;
      case 'Call': return this.call(e);
      default: return this.atom(e);
    }
  }

  /** An opaque subexpression (Norm, ∑, E[·], d/dx, …): one atom per distinct text. */
  private atom(e: Expr): string {
    return this.safe(`atom:${printExpr(e)}`, e);
  }

  private call(e: Extract<Expr, { kind: 'Call' }>): string {
    const fn = e.fn;
    if (isBuiltin(fn)) {
      if (MINMAX.has(fn.base)) {
        if (e.args.length === 0) throw new Unsupported(`${fn.base}() without arguments`);
        // max/min are symmetric: sort the canonical arguments so max(a, b) = max(b, a).
        const args = e.args.map((a) => this.canonical(this.text(a))).sort();
        return args.length === 1 ? `(${args[0]})` : `${fn.base}(${args.join(',')})`;
      }
      if (e.args.length !== 1) throw new Unsupported(`${fn.base} takes one argument`);
      return `${fn.base}(${this.text(e.args[0]!)})`;
    }
    if (isTextAtomCall(e)) return this.atom(e);
    // An uninterpreted function: one atom per function and canonical arguments, so
    // σ(x+y) and σ(y+x) are the same atom while σ'(x) and σ(x) are different ones.
    const canon = e.args.map((a) => this.canonical(this.text(a)));
    const fnKey = `fn:${nameKey(fn)}/${e.args.length}`;
    const exact = `${fnKey}(${canon.join(',')})`;
    const known = this.safeOf.get(exact);
    if (known !== undefined) return known;
    const candidates = this.fnAtoms.get(fnKey) ?? [];
    for (const c of candidates.slice(0, MAX_ATOM_CANDIDATES)) {
      if (canon.every((a, i) => this.sameValue(a, c.canon[i]!))) return c.safe;
    }
    const safe = this.safe(exact, e);
    candidates.push({ canon, safe });
    this.fnAtoms.set(fnKey, candidates);
    return safe;
  }

  /** nerdamer's expanded text of an argument (its canonical order), or the input on failure. */
  private canonical(text: string): string {
    if (/^(u\d+|\d+)$/.test(text)) return text;
    try {
      return this.session.run(`expand(${text})`);
    } catch (err) {
      if (err instanceof Timeout) throw err;
      return text;
    }
  }

  private sameValue(a: string, b: string): boolean {
    if (a === b) return true;
    try {
      return this.session.run(`expand((${a})-(${b}))`) === '0';
    } catch (err) {
      if (err instanceof Timeout) throw err;
      return false;
    }
  }
}

// ---------------------------------------------------------------------------
// nerdamer text → AST (for residues and symbolicSimplify)

interface Parsed { expr: Expr; foreign: boolean }

/** Parses nerdamer's output text; safe names map back to the nodes they stand for. */
function parseResult(text: string, nodeOf: ReadonlyMap<string, Expr>, range: Range): Parsed {
  const tokens = text.match(/\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|[A-Za-z_][A-Za-z0-9_]*|\S/g) ?? [];
  let pos = 0;
  let foreign = false;
  const peek = (): string | undefined => tokens[pos];
  const take = (t?: string): string => {
    const tok = tokens[pos];
    if (tok === undefined || (t !== undefined && tok !== t)) throw new Error(`unexpected ${tok ?? 'end'} in ${text}`);
    pos++;
    return tok;
  };
  const name = (base: string): Name => ({ base, index: null, primes: 0, hat: false, range });
  const bin = (op: '+' | '-' | '*' | '/' | '^', left: Expr, right: Expr): Expr => ({ kind: 'Binary', op, left, right, range });

  function sum(): Expr {
    let e = product();
    while (peek() === '+' || peek() === '-') {
      const op = take() as '+' | '-';
      e = bin(op, e, product());
    }
    return e;
  }
  function product(): Expr {
    let e = unary();
    while (peek() === '*' || peek() === '/') {
      const op = take() as '*' | '/';
      e = bin(op, e, unary());
    }
    return e;
  }
  function unary(): Expr {
    if (peek() === '-') { take(); return { kind: 'Neg', arg: unary(), range }; }
    if (peek() === '+') { take(); return unary(); }
    return power();
  }
  function power(): Expr {
    const base = postfix();
    if (peek() === '^') { take(); return bin('^', base, unary()); }
    return base;
  }
  function postfix(): Expr {
    let e = primary();
    while (peek() === '!') { take(); e = { kind: 'Factorial', arg: e, range }; }
    return e;
  }
  function primary(): Expr {
    const tok = take();
    if (tok === '(') { const e = sum(); take(')'); return e; }
    if (/^\d/.test(tok)) return { kind: 'Num', value: tok, range };
    if (!/^[A-Za-z_]/.test(tok)) throw new Error(`unexpected ${tok} in ${text}`);
    if (peek() === '(') {
      take('(');
      const args: Expr[] = [];
      if (peek() !== ')') { args.push(sum()); while (peek() === ',') { take(); args.push(sum()); } }
      take(')');
      if (tok === 'abs' && args.length === 1) return { kind: 'Abs', arg: args[0]!, range };
      if (tok === 'factorial' && args.length === 1) return { kind: 'Factorial', arg: args[0]!, range };
      if (!UNARY_BUILTINS.has(tok) && !MINMAX.has(tok)) foreign = true;
      return { kind: 'Call', fn: name(tok), args, range };
    }
    const node = nodeOf.get(tok);
    if (node) return node;
    if (tok === 'pi' || tok === 'e') return { kind: 'Const', name: tok, range };
    foreign = true; // e.g. the imaginary unit i
    return { kind: 'Var', name: name(tok), range };
  }

  const expr = sum();
  if (pos !== tokens.length) throw new Error(`trailing ${tokens[pos]} in ${text}`);
  return { expr, foreign };
}

interface Term { readonly sign: 1 | -1; readonly expr: Expr }

/** Numbers, π, e and built-in functions of them (for ordering residue terms). */
function isConstant(e: Expr): boolean {
  switch (e.kind) {
    case 'Num': case 'Const': return true;
    case 'Neg': case 'Abs': case 'Factorial': return isConstant(e.arg);
    case 'Binary': return isConstant(e.left) && isConstant(e.right);
    case 'Call': return isBuiltin(e.fn) && e.args.every(isConstant);
    default: return false;
  }
}

/**
 * Puts nerdamer's output in reading order: `-y + x` → `x - y`, `(1/2)*x` → `x/2`,
 * `x*y^(-1)` → `x/y`, constant terms last. Same value, generated nodes take `range`.
 */
function tidy(e: Expr, range: Range): Expr {
  const bin = (op: '+' | '-' | '*' | '/' | '^', left: Expr, right: Expr): Expr => ({ kind: 'Binary', op, left, right, range });

  function product(e: Expr): Term {
    let sign: 1 | -1 = 1;
    const num: Expr[] = [];
    const den: Expr[] = [];
    const collect = (f: Expr, inDen: boolean): void => {
      if (f.kind === 'Neg') { sign = sign === 1 ? -1 : 1; collect(f.arg, inDen); return; }
      if (f.kind === 'Binary' && (f.op === '*' || f.op === '/')) {
        collect(f.left, inDen);
        collect(f.right, f.op === '/' ? !inDen : inDen);
        return;
      }
      if (f.kind === 'Binary' && f.op === '^' && f.right.kind === 'Neg' && f.right.arg.kind === 'Num') {
        const base = tidy(f.left, range);
        collect(f.right.arg.value === '1' ? base : bin('^', base, f.right.arg), !inDen);
        return;
      }
      const t = tidy(f, range);
      if (t.kind === 'Neg') { sign = sign === 1 ? -1 : 1; (inDen ? den : num).push(t.arg); } else (inDen ? den : num).push(t);
    };
    collect(e, false);
    const isOne = (f: Expr): boolean => f.kind === 'Num' && f.value === '1';
    const n = num.length > 1 ? num.filter((f) => !isOne(f)) : num;
    const d = den.filter((f) => !isOne(f));
    const all = (fs: Expr[]): Expr => fs.length === 0 ? { kind: 'Num', value: '1', range } : fs.reduce((l, r) => bin('*', l, r));
    return { sign, expr: d.length === 0 ? all(n) : bin('/', all(n), all(d)) };
  }

  function sum(e: Expr): Expr {
    const terms: Term[] = [];
    const collect = (t: Expr, sign: 1 | -1): void => {
      if (t.kind === 'Binary' && (t.op === '+' || t.op === '-')) {
        collect(t.left, sign);
        collect(t.right, t.op === '-' ? (sign === 1 ? -1 : 1) : sign);
      } else if (t.kind === 'Neg') collect(t.arg, sign === 1 ? -1 : 1);
      else { const p = product(t); terms.push({ sign: p.sign === sign ? 1 : -1, expr: p.expr }); }
    };
    collect(e, 1);
    const rank = (t: Term): number => (isConstant(t.expr) ? 2 : 0) + (t.sign === 1 ? 0 : 1);
    const [first, ...rest] = terms.map((t, i) => ({ t, i })).sort((p, q) => rank(p.t) - rank(q.t) || p.i - q.i).map((p) => p.t);
    if (!first) return { kind: 'Num', value: '0', range };
    const head = first.sign === 1 ? first.expr : negateLeftmost(first.expr);
    return rest.reduce((acc, t) => bin(t.sign === 1 ? '+' : '-', acc, t.expr), head);
  }

  /** `-(2·a)` reads better as `-2·a`: put the sign on the leftmost factor. */
  function negateLeftmost(e: Expr): Expr {
    if (e.kind === 'Binary' && (e.op === '*' || e.op === '/')) return bin(e.op, negateLeftmost(e.left), e.right);
    return { kind: 'Neg', arg: e, range };
  }

  switch (e.kind) {
    case 'Binary': return e.op === '^' ? bin('^', tidy(e.left, range), tidy(e.right, range)) : sum(e);
    case 'Neg': return sum(e);
    case 'Call': return { ...e, args: e.args.map((a) => tidy(a, range)) };
    case 'Abs': case 'Factorial': return { ...e, arg: tidy(e.arg, range) };
    default: return e;
  }
}

/** A residue printed with our names (shortened for messages); textual renaming if it does not parse. */
function residueText(text: string, nodeOf: ReadonlyMap<string, Expr>, range: Range): string {
  let out: string;
  try {
    out = printExpr(tidy(parseResult(text, nodeOf, range).expr, range));
  } catch {
    out = text.replace(/\bu\d+\b/g, (s) => { const n = nodeOf.get(s); return n ? printExpr(n) : s; });
  }
  return out.length > MAX_RESIDUE_CHARS ? `${out.slice(0, MAX_RESIDUE_CHARS - 1)}…` : out;
}

/** True when `simplify` printed float-derived fractions (long integers not in the input). */
function looksApproximate(simplified: string, expanded: string): boolean {
  const known = new Set(expanded.match(/\d+/g) ?? []);
  return (simplified.match(/\d{7,}/g) ?? []).some((d) => !known.has(d));
}

/** Whether nerdamer text has a power whose base is not e and whose exponent names one of ours (`u1^u2`, `(u0*u1)^(-u2)`). */
export function symbolicPower(text: string): boolean {
  for (let i = text.indexOf('^'); i >= 0; i = text.indexOf('^', i + 1)) {
    // (e^(…) is exp.)
    if (text[i - 1] === 'e' && !/[\w.]/.test(text[i - 2] ?? '')) continue;
    let exponent: string;
    if (text[i + 1] === '(') {
      let depth = 0;
      let j = i + 1;
      for (; j < text.length; j++) {
        if (text[j] === '(') depth++;
        else if (text[j] === ')' && --depth === 0) break;
      }
      exponent = text.slice(i + 1, j + 1);
    } else {
      exponent = /^-?[\w.]+/.exec(text.slice(i + 1))?.[0] ?? '';
    }
    if (/\bu\d+\b/.test(exponent)) return true;
  }
  return false;
}

/** nerdamer text of a polynomial in safe names with rational coefficients. */
function isPolynomialText(text: string): boolean {
  const t = text.replace(/\bu\d+\b/g, 'X');
  return /^[X\d+\-*/^()]*$/.test(t) && !t.includes('^(') && !/\/[^\d]/.test(t);
}

// ---------------------------------------------------------------------------
// The API

function reasonOf(err: unknown): string {
  if (err instanceof Timeout) return err.message;
  if (err instanceof Unsupported) return err.message;
  return `nerdamer: ${err instanceof Error ? err.message : String(err)}`;
}

type Outcome = { ok: true; text: string } | { ok: false; error: unknown };

function attempt(f: () => string): Outcome {
  try {
    return { ok: true, text: f() };
  } catch (error) {
    return { ok: false, error };
  }
}

/**
 * Whether nerdamer's text applies a function to a constant (`tanh(1000)`, `exp(-3/2)`,
 * `e^(-1000)`, `cos((1/5)*pi)`): an argument with none of our names in it. simplify evaluates
 * such a call as a float (cos(π/5) becomes 260449120/321932817), so its 0 there is rounding.
 */
function numericCall(text: string): boolean {
  if (/\be\^\(?\s*-?[\d.]/.test(text)) return true;
  for (const m of text.matchAll(/\b(?:exp|log|ln|tanh|sinh|cosh|sin|cos|tan|atan|asin|acos)\(/g)) {
    // The call's argument, to its closing bracket.
    let depth = 1;
    let i = m.index + m[0].length;
    const from = i;
    for (; i < text.length && depth > 0; i++) {
      if (text[i] === '(') depth++;
      else if (text[i] === ')') depth--;
    }
    if (!/\bu\d+\b/.test(text.slice(from, i))) return true;
  }
  return false;
}

/** Does nerdamer reduce this scalar expression to 0? Never throws. */
export function symbolicZero(expr: Expr, options: SymbolicOptions = {}): ZeroAnswer {
  try {
    const session = new Session(loadEngine(), options.timeoutMs ?? DEFAULT_SYMBOLIC_TIMEOUT_MS, options.work);
    const tr = new Translator(session);
    const input = tr.emit(expr);

    // Path 1, `expand`: exact rational arithmetic, like terms collected. Its only known
    // false rules are √(ab) = √a·√b and (xᵃ)ᵇ = x^(ab) (and one bug, see the tests).
    const expanded = attempt(() => session.run(`expand(${input})`));
    if (expanded.ok && expanded.text === '0') return { status: 'zero', via: 'expand' };
    if (!expanded.ok && expanded.error instanceof Timeout) return { status: 'unknown', reason: expanded.error.message };

    // Path 2, `simplify`: trig identities, rational functions, log rules (some false).
    // Skipped for a polynomial (expand's form is canonical, so that is a true nonzero), for
    // constants too precise for floats, and wherever simplify would evaluate constants as
    // floats, its 0 then rounding, not algebra: a function of constants that expand left
    // standing (x tanh(1000) = x and cos(π/5) = (1 + √5)/4 were proved; sin(π/5) = √(10 − 2√5)/4
    // spent ~200 ms there for an answer never used), and irrational constants alone (it finds
    // 1/(√2 + 1) − √2 + 1 − (√2 − 1)^30 zero, and (34√7 + 90)^(1/3) − 3 − √7 is 719224961/13235784).
    const floats = expanded.ok && numericCall(expanded.text);
    const constants = expanded.ok && !/\bu\d+\b/.test(expanded.text) && /sqrt|\bpi\b|\be\b|\^\(-?\d+\/\d+\)/.test(expanded.text);
    // And where a power other than e's has one of our names in its exponent (y^z (y/x)^(−z) −
    // x^z, x^y − e^(y log x)): over the corpus, 95 such simplify calls took 5.1 s and none came
    // to 0 (its power rules are the ones that fail off the positive reals); expand still tries.
    const skip = (expanded.ok && isPolynomialText(expanded.text)) || tr.bits > MAX_ROOT_BITS || floats || constants
      || symbolicPower(expanded.ok ? expanded.text : input);
    const simplified = skip ? null : attempt(() => session.run(`simplify(${input})`, Math.min(session.work, SIMPLIFY_WORK)));
    if (simplified?.ok && simplified.text === '0') return { status: 'zero', via: 'simplify' };

    // Not zero: report the shorter residue, but never simplify's float-made fractions.
    let residue: string;
    if (!expanded.ok) {
      if (!simplified?.ok) return { status: 'unknown', reason: reasonOf(expanded.error) };
      residue = simplified.text;
    } else {
      const better = simplified?.ok && simplified.text.length < expanded.text.length && !looksApproximate(simplified.text, expanded.text);
      residue = better ? simplified.text : expanded.text;
    }
    return { status: 'nonzero', residue: residueText(residue, tr.nodeOf, expr.range) };
  } catch (err) {
    return { status: 'unknown', reason: reasonOf(err) };
  }
}

/** Convenience: symbolicZero(left − right). */
export function symbolicEqual(left: Expr, right: Expr, options: SymbolicOptions = {}): ZeroAnswer {
  const range: Range = [Math.min(left.range[0], right.range[0]), Math.max(left.range[1], right.range[1])];
  return symbolicZero({ kind: 'Binary', op: '-', left, right, range }, options);
}

/**
 * nerdamer's expanded form of a scalar expression as our AST (generated nodes take
 * `expr.range`), or null when it fails or leaves our vocabulary (e.g. `i`, `sec`).
 * Uses only `expand` (exact); still applies `√(ab) = √a·√b`, so check before trusting.
 */
export function symbolicSimplify(expr: Expr, options: SymbolicOptions = {}): Expr | null {
  try {
    const session = new Session(loadEngine(), options.timeoutMs ?? DEFAULT_SYMBOLIC_TIMEOUT_MS, options.work);
    const tr = new Translator(session);
    const parsed = parseResult(session.run(`expand(${tr.emit(expr)})`), tr.nodeOf, expr.range);
    return parsed.foreign ? null : tidy(parsed.expr, expr.range);
  } catch {
    return null;
  }
}
