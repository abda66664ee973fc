import type { Call, Compare, Condition, Define, Dim, Expr, Formula, Var } from '../ast.js';
import { printName } from '../print.js';
import type { Scope, SymbolInfo } from '../types/scope.js';
import { Skip, Undefined, Unsupported, type Bindings, type FunctionInstance, type Host, type Interval, type NumericEngine, type Value } from './numeric.js';
import { canonicalIndex, conditionAllows, indexPattern } from './rewrite.js';
import { Rng } from './rng.js';

/** What a step may use: the names in scope, definitions, assumptions. */
export interface Context {
  readonly scope: Scope;
  /** Definitions in scope, file-level first, in file order (later ones win). */
  readonly defs: readonly Define[];
  readonly assumptions: readonly Condition[];
  /** Sampling range of integer names (`t` → [1, 6]); others get `defaultIndex`. */
  readonly indexRanges: ReadonlyMap<string, readonly [number, number]>;
  readonly defaultIndex: readonly [number, number];
  /** The mean of each random symbol (by key), from `random g_t … with E[g_t] = μ`. */
  readonly means: ReadonlyMap<string, Expr>;
}

/** An equality among the assumptions used as a substitution: `g_{t-1} = σ(h_{t-1})`. */
interface Rule { readonly lhs: Var; readonly rhs: Expr }

/** Facts about a context computed once and shared by all its points. */
export class Prepared {
  readonly rules: Rule[] = [];
  /** Conditions sampling must satisfy (rejection), excluding rules and `for all` ones. */
  readonly checks: Condition[] = [];
  /** Conditions that could not be enforced (`for all z`): a counterexample is then only a suspicion. */
  readonly unenforced: Condition[] = [];
  readonly intervals = new Map<string, Interval>();
  /** Dimension symbols (`n` in R^n): a name spelled the same is that dimension (`tr(I_n) = n`). */
  readonly dimensions = new Set<string>();

  constructor(readonly ctx: Context) {
    for (const info of ctx.scope.all()) {
      const shapes = [info.shape, ...(info.fn ? [...info.fn.params, info.fn.result] : [])];
      for (const sh of shapes) if (sh.kind === 'matrix') for (const d of [sh.rows, sh.cols]) if (typeof d === 'string') this.dimensions.add(d);
    }
    for (const c of ctx.assumptions) {
      const f = c.formula;
      if (c.forAll.length > 0) {
        this.unenforced.push(c);
        continue;
      }
      if (f.kind === 'Compare' && f.ops.length === 1 && f.ops[0] === '=' && f.operands[0]!.kind === 'Var') {
        // A substitution, and still a condition: `assume x = 1, x = 2` has no point.
        this.rules.push({ lhs: f.operands[0] as Var, rhs: f.operands[1]! });
        this.checks.push(c);
        continue;
      }
      if (f.kind === 'Compare') {
        this.checks.push(c);
        this.addIntervals(f);
      } else if (f.kind === 'Logic') {
        this.checks.push(c);
      } else {
        // A tag is drawn by construction on a declared name, and enforced by rejection on
        // anything else: an expression (`assume I + A B invertible`) or a defined name.
        this.checks.push(c);
      }
    }
  }

  /** `0 < β < 1`, `ε > 0`: a bound between a free scalar and a number samples inside it. */
  private addIntervals(f: Compare): void {
    for (let i = 0; i < f.ops.length; i++) {
      const a = f.operands[i]!;
      const b = f.operands[i + 1]!;
      const op = f.ops[i]!;
      const an = literal(a);
      const bn = literal(b);
      if (a.kind === 'Var' && !a.name.index && bn !== null) this.bound(printName(a.name), op, bn, false);
      if (b.kind === 'Var' && !b.name.index && an !== null) this.bound(printName(b.name), op, an, true);
    }
  }

  private bound(key: string, op: string, n: number, flipped: boolean): void {
    const iv = this.intervals.get(key) ?? { lo: null, hi: null, loClosed: false, hiClosed: false };
    // name op n, or (flipped) n op name.
    const rel = flipped ? ({ '<': '>', '≤': '≥', '>': '<', '≥': '≤' } as Record<string, string>)[op] ?? op : op;
    if (rel === '>' || rel === '≥') {
      if (iv.lo === null || n >= iv.lo) this.intervals.set(key, { ...iv, lo: n, loClosed: rel === '≥' });
    } else if (rel === '<' || rel === '≤') {
      if (iv.hi === null || n <= iv.hi) this.intervals.set(key, { ...iv, hi: n, hiClosed: rel === '≤' });
    }
  }
}

function literal(e: Expr): number | null {
  if (e.kind === 'Num') return Number(e.value);
  if (e.kind === 'Neg' && e.arg.kind === 'Num') return -Number(e.arg.value);
  return null;
}

const MAX_DEPTH = 400;

/** A small stable offset per dimension symbol (n → 0, m → 1, …). */
function dimOffset(d: string): number {
  let h = 0;
  for (const ch of d) h = (h * 31 + ch.codePointAt(0)!) % 6;
  return d === 'n' ? 0 : (h % 5) + 1;
}

/**
 * One sampled point: every free name gets a value when first asked for, definitions
 * are evaluated from their right sides, recurrences down to their base.
 */
export class Point implements Host {
  /** Free values by `key` or `key@index`, in the order they were drawn. */
  readonly values = new Map<string, { label: string; value: Value }>();
  readonly dims = new Map<string, number>();
  readonly functions = new Map<string, FunctionInstance>();
  /** Keys of the values, dimensions (`dim:n`) and functions (`fn:σ`) used since the last clear. */
  readonly touched = new Set<string>();
  private readonly cache = new Map<string, Value>();
  /** What each cached value was computed from, and the computations under way. */
  private readonly deps = new Map<string, Set<string>>();
  private readonly collectors: Set<string>[] = [];
  private depth = 0;

  constructor(
    readonly engine: NumericEngine,
    readonly prep: Prepared,
    readonly rng: Rng,
    readonly k: number,
    private readonly overrides: ReadonlyMap<string, Value> = new Map(),
  ) {}

  get ctx(): Context {
    return this.prep.ctx;
  }

  dim(d: Dim): number {
    if (typeof d === 'number') return d;
    this.touch(`dim:${d}`);
    let n = this.dims.get(d);
    if (n === undefined) {
      // Several dimensions, never only 1: 2 first (readable), then 3, 4, 5; each symbol
      // walks its own way, so n and m differ at most points.
      n = this.k === 0 ? 2 : [2, 3, 4, 3, 2, 5][(this.k + dimOffset(d)) % 6]!;
      this.dims.set(d, n);
    }
    return n;
  }

  evaluate(e: Expr, bindings: Bindings = new Map()): Value {
    return this.engine.evaluate(e, this, bindings);
  }

  variable(v: Var, bindings: Bindings): Value {
    const found = this.ctx.scope.lookup(v.name);
    if (!found) throw new Unsupported(`'${printName(v.name)}' has no declaration here`);
    const { info } = found;
    let index: number | null = null;
    if (found.index) {
      const iv = this.evaluate(found.index, bindings);
      index = this.engine.toInteger(iv);
      if (index === null) throw new Undefined(`the subscript of ${printName(v.name)} is not a whole number`);
    }
    const key = index === null ? info.key : `${info.key}@${index}`;
    this.touch(key);
    const cached = this.cache.get(key);
    if (cached) {
      // A value computed earlier still depends on what it was computed from.
      for (const d of this.deps.get(key) ?? []) this.touch(d);
      this.touchDims(cached);
      return cached;
    }
    if (++this.depth > MAX_DEPTH) throw new Unsupported('a definition refers to itself too deeply to evaluate');
    this.checkTime();
    const collected = new Set<string>();
    this.collectors.push(collected);
    try {
      const value = this.resolveValue(v, info, index, key);
      this.cache.set(key, value);
      this.deps.set(key, collected);
      return value;
    } finally {
      this.collectors.pop();
      this.depth--;
    }
  }

  /** Marks a value (or `dim:n`, `fn:σ`) as used, also by every value being computed from it. */
  private touch(key: string): void {
    this.touched.add(key);
    for (const c of this.collectors) c.add(key);
  }

  private resolveValue(v: Var, info: SymbolInfo, index: number | null, key: string): Value {
    const forced = this.overrides.get(key);
    if (forced) return this.record(key, v, index, info, forced);
    if (info.random && this.randomValue) return this.randomValue(info, key);
    // Equalities among the assumptions act as substitutions.
    for (const rule of this.prep.rules) {
      const r = this.ctx.scope.lookup(rule.lhs.name);
      if (!r || r.info.key !== info.key) continue;
      if ((r.index === null) !== (index === null)) continue;
      if (r.index !== null && this.engine.toInteger(this.evaluate(r.index)) !== index) continue;
      return this.evaluate(rule.rhs);
    }
    // Definitions: the latest that applies wins.
    const defs = this.ctx.defs;
    for (let i = defs.length - 1; i >= 0; i--) {
      const d = defs[i]!;
      if (d.params) continue;
      const t = this.ctx.scope.lookup(d.target);
      const dkey = t?.info.key ?? printName(d.target);
      if (dkey !== info.key) continue;
      const target = d.target;
      if (!target.index) {
        if (index === null) return this.evaluate(d.value);
        continue;
      }
      if (index === null) continue;
      const pattern = indexPattern(target.index);
      if (pattern) {
        const t = index - pattern.offset;
        const idx: Expr = { kind: 'Num', value: String(Math.abs(t)), range: target.range };
        if (index < 0 || t < 0 || !conditionAllows(d, idx)) continue;
        return this.evaluate(d.value, new Map([[pattern.variable, this.engine.scalar(t)]]));
      }
      const lit = canonicalIndex(target.index);
      if (lit.kind === 'Num' && Number(lit.value) === index) return this.evaluate(d.value);
    }
    return this.drawFree(key, v, index, info);
  }

  /** A free value: drawn once per point (an expectation's child point asks its parent). */
  private drawFree(key: string, v: Var, index: number | null, info: SymbolInfo): Value {
    if (this.parent) {
      const value = this.parent.drawFree(key, v, index, info);
      return this.record(key, v, index, info, value);
    }
    const known = this.values.get(key);
    if (known) return known.value;
    return this.record(key, v, index, info, this.draw(info, key));
  }

  /** The point an expectation's child point was made from. */
  private parent: Point | null = null;

  /** A cached matrix still uses its dimensions: mention them in a counterexample. */
  private touchDims(v: Value): void {
    if (this.engine.isMatrix(v)) for (const d of this.dims.keys()) this.touch(`dim:${d}`);
  }

  private record(key: string, v: Var, index: number | null, info: SymbolInfo, value: Value): Value {
    const label = index === null ? printName(v.name) : printName({ ...v.name, index: { kind: 'Num', value: String(index), range: v.range } });
    if (index !== null && index < 0) {
      this.values.set(key, { label: printName({ ...v.name, index: null }) + `_{${index}}`, value });
    } else {
      this.values.set(key, { label: info.family || index !== null ? label : printName(v.name), value });
    }
    return value;
  }

  private draw(info: SymbolInfo, key: string): Value {
    const e = this.engine;
    if (!info.family && info.shape.kind === 'scalar' && this.prep.dimensions.has(key)) return e.scalar(this.dim(key));
    if (info.kind === 'integer') {
      let [lo, hi] = this.ctx.indexRanges.get(info.key) ?? this.ctx.defaultIndex;
      // An assumption's bound on the integer (`assume k ≥ -3`, `assume t ≥ 2`) moves the range.
      const iv = this.prep.intervals.get(key);
      if (iv?.lo !== null && iv?.lo !== undefined) {
        const b = Number.isInteger(iv.lo) && !iv.loClosed ? iv.lo + 1 : Math.ceil(iv.lo);
        hi += b - lo;
        lo = b;
      }
      if (iv?.hi !== null && iv?.hi !== undefined) hi = Math.min(hi, Number.isInteger(iv.hi) && !iv.hiClosed ? iv.hi - 1 : Math.floor(iv.hi));
      return e.randomInteger(this.rng, this.k, lo, Math.max(lo, hi));
    }
    if (info.shape.kind === 'matrix') {
      return e.randomMatrix(this.rng, this.k, this.dim(info.shape.rows), this.dim(info.shape.cols), info.tags, key);
    }
    return e.randomScalar(this.rng, this.k, this.prep.intervals.get(key) ?? null, key);
  }

  apply(call: Call, args: Value[], _bindings: Bindings): Value {
    const key = printName({ ...call.fn, primes: 0 });
    // A user's function definition: evaluate its body.
    for (let i = this.ctx.defs.length - 1; i >= 0; i--) {
      const d = this.ctx.defs[i]!;
      if (!d.params || printName(d.target) !== key) continue;
      if (call.fn.primes > 0) throw new Unsupported(`derivatives of the defined function ${key} are not evaluated yet`);
      if (++this.depth > MAX_DEPTH) throw new Unsupported('a function definition refers to itself too deeply');
      this.checkTime();
      try {
        return this.evaluate(d.value, new Map(d.params.map((p, j) => [printName(p.name), args[j]!])));
      } finally {
        this.depth--;
      }
    }
    const info = this.ctx.scope.get(key);
    if (!info?.fn) throw new Unsupported(`'${key}' is not a function here`);
    this.touch(`fn:${key}`);
    let f = this.functions.get(key);
    if (!f) {
      f = this.engine.randomFunction(this.rng, info.fn.elementwise);
      this.functions.set(key, f);
    }
    const result = info.fn.result;
    const outDim = !info.fn.elementwise && result.kind === 'matrix' ? this.dim(result.rows) : undefined;
    if (result.kind === 'matrix' && !info.fn.elementwise && result.cols !== 1) throw new Unsupported(`'${key}' returns a matrix: not sampled yet`);
    return f.apply(args, call.fn.primes, outDim, this.engine);
  }

  private checkTime(): void {
    if (Date.now() > this.engine.deadline) throw new Unsupported('the time limit ran out while evaluating definitions');
  }

  /** In an expectation's child point: the value a random symbol takes there. */
  private randomValue: ((info: SymbolInfo, key: string) => Value) | null = null;

  /**
   * `E[e]`: exact for an `e` affine in the random symbols, where it is `e` at their means.
   * Affinity is tested at the point, along random directions A and B:
   * e(μ+A) + e(μ−A) = 2e(μ) and e(μ+A+B) − e(μ+A) − e(μ+B) + e(μ) = 0; anything else
   * (E[g gᵀ], Var[·]) is not evaluated yet.
   */
  special(e: Expr, bindings: Bindings): Value {
    if (e.kind !== 'Expect' || e.op !== 'E') {
      const what = e.kind === 'Expect' ? (e.op === 'Cov' ? 'covariances' : 'variances') : e.kind === 'Limit' ? 'limits' : 'derivatives';
      throw new Unsupported(`${what} are not evaluated yet`);
    }
    const at = (a: number, b: number): Value => this.randomChild(a, b).evaluate(e.arg, bindings);
    const m0 = at(0, 0);
    const plusA = at(1, 0);
    const minusA = at(-1, 0);
    const plusB = at(0, 1);
    const plusAB = at(1, 1);
    const eng = this.engine;
    const twice = eng.add(m0, m0);
    const cross = eng.add(eng.add(plusAB, eng.neg(plusA)), eng.add(eng.neg(plusB), m0));
    if (!eng.equal(eng.add(plusA, minusA), twice) || !eng.equal(cross, eng.zeros(1, 1))) {
      throw new Unsupported('E[…] of something that is not affine in the random variables is not evaluated yet');
    }
    return m0;
  }

  /** A copy of this point where each random symbol is its mean + a·A + b·B (A, B fixed random directions). */
  private randomChild(a: number, b: number): Point {
    // Random symbols get fresh values in the child; everything else it already drew stays.
    const child = this.derive(this.engine, this.rng, (key, value) => (this.ctx.scope.get(key.split('@')[0]!)?.random ? undefined : value));
    child.parent = this;
    child.randomValue = (info, key) => {
      const meanExpr = this.ctx.means.get(info.key);
      if (!meanExpr) throw new Unsupported(`no mean is declared for '${info.key}' (write 'random ${info.key} … with E[${info.key}] = …')`);
      let value = this.evaluate(meanExpr);
      const direction = (which: string): Value => {
        const r = new Rng(this.k, `${which}:${key}`);
        return info.shape.kind === 'matrix'
          ? this.engine.randomMatrix(r, 3, this.dim(info.shape.rows), this.dim(info.shape.cols), new Set())
          : this.engine.scalar(r.int(1, 9) * (r.next() < 0.5 ? -1 : 1));
      };
      if (a !== 0) value = this.engine.add(value, a > 0 ? direction('A') : this.engine.neg(direction('A')));
      if (b !== 0) value = this.engine.add(value, direction('B'));
      return value;
    };
    return child;
  }

  /** Whether the point satisfies every enforceable assumption (undefined counts as not). */
  satisfiesAssumptions(): boolean {
    for (const c of this.prep.checks) {
      this.engine.inexact = false;
      try {
        if (!this.holds(c.formula)) return false;
      } catch (err) {
        if (err instanceof Undefined || err instanceof Skip) return false;
        if (err instanceof Unsupported) continue;
        throw err;
      }
    }
    return true;
  }

  /** Whether a formula holds at this point (throws Undefined where a side has no value). */
  holds(f: Formula): boolean {
    switch (f.kind) {
      case 'TagFact': return this.engine.hasTag(this.evaluate(f.subject), f.tag);
      case 'Logic': {
        const a = this.holds(f.left);
        const b = this.holds(f.right);
        return f.op === '⇔' ? a === b : f.op === '⇒' ? !a || b : f.op === '∧' ? a && b : a || b;
      }
      case 'Compare': {
        const vals = f.operands.map((o) => this.evaluate(o));
        return f.ops.every((op, i) => this.engine.holds(op, vals[i]!, vals[i + 1]!));
      }
    }
  }

  /** A copy of this point with every drawn value nudged slightly (same dimensions and indices). */
  perturbed(rng: Rng): Point {
    return this.with(rng, (key, value) => (this.isInteger(key) ? value : this.engine.perturb(value, rng)));
  }

  /** A copy of this point with one drawn value replaced (same dimensions, functions and other values). */
  replacing(key: string, value: Value, rng: Rng): Point {
    return this.with(rng, (k, v) => (k === key ? value : v));
  }

  /** The same point (same drawn values, dimensions and functions) in another engine: another precision. */
  inEngine(engine: NumericEngine): Point {
    return this.derive(engine, this.rng, (_, value) => engine.convert(value));
  }

  /** Whether a drawn value belongs to an integer index (never nudged or simplified). */
  isInteger(key: string): boolean {
    return this.ctx.scope.get(key.split('@')[0]!)?.kind === 'integer';
  }

  private with(rng: Rng, f: (key: string, value: Value) => Value): Point {
    return this.derive(this.engine, rng, f);
  }

  /**
   * A point with this one's dimensions and functions, and its drawn values mapped by `f`
   * (undefined: draw that one afresh). Definitions are evaluated again in the new point.
   */
  private derive(engine: NumericEngine, rng: Rng, f: (key: string, value: Value) => Value | undefined): Point {
    const overrides = new Map<string, Value>();
    for (const [key, { value }] of this.values) {
      const v = f(key, value);
      if (v !== undefined) overrides.set(key, v);
    }
    const p = new Point(engine, this.prep, rng, this.k, overrides);
    for (const [d, n] of this.dims) p.dims.set(d, n);
    for (const [fn, inst] of this.functions) p.functions.set(fn, inst);
    return p;
  }
}
