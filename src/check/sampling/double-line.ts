import type { Expr, Var } from '../../ast.js';
import { builtinFunction } from '../../builtins.js';
import { constantValue, hugeLiteral, literal } from '../evaluator/interpret.js';
import { isMat } from '../evaluator/field.js';
import type { Point } from './point.js';

/**
 * A − B and its derivative along one scalar, in plain doubles, for a search's grid and
 * bisections along that scalar (boundaries.ts: `alongLine`). These are estimates that steer a
 * search, never decide: what the search finds is evaluated again in enclosures before it
 * counts (a bracket's signs and continuity, a point's sides). The dual-interval evaluation
 * they stand in for took its midpoints as estimates too; this one costs a few percent of it.
 */
export type DoubleLine = (x: number) => { f: number; df: number } | null | typeof UNSURE;

/**
 * What a line gives where doubles may not tell what the enclosures' midpoints would: f, or a
 * divisor, or √'s, log's, |·|'s or a power's base, within SAFETY times its estimated rounding
 * error of 0 (1 − sin x rounds to 0 at the double nearest π/2, where the enclosure's midpoint
 * is 10⁻¹⁶; cos(x + y) at x = 10¹⁶, whose argument is known only within 1); f′ within 10⁻¹²
 * of the largest slope met (sin² x + cos² x); or a value past the doubles' range. The caller
 * evaluates there in enclosures, as before.
 */
export const UNSURE: unique symbol = Symbol('unsure');

/** How many times its estimated rounding error a value must be from 0 for its sign to be taken as the enclosure's. */
const SAFETY = 1024;
/** Below this share of the largest slope met, f′'s sign is not taken as the enclosure's. */
const CLEAR_SLOPE = 1e-12;
/** The unit roundoff of doubles. */
const U = 2 ** -53;
/** libm's exp, log, sin, cos, tan, tanh: within 1 ulp (the enclosures widen them by 4). */
const LIBM = 4 * U;

/** A compiled node: its value at the line's current x (NaN where it has none); its slope and error estimate left in `d[slot]`, `r[slot]`. */
type Node = () => number;

/**
 * A − B along `key` as one closure over doubles, or null where an expression holds anything
 * but numbers, π, e, free scalars drawn at `point` (no definition, substitution, family,
 * random or enclosed value), `+ − × ÷`, powers, |·| and the elementary functions: the caller
 * then evaluates as before. Each value carries an estimate of its rounding error (a running
 * error bound, Wilkinson's; an estimate, not an enclosure); null at a place where the
 * enclosures certainly have no value either (log or √ of a clearly negative number), UNSURE
 * where they might see it otherwise.
 */
export function doubleLine(point: Point, key: string, a: Expr, b: Expr): DoubleLine | null {
  /** Each node's slope along `key` and the estimate of its rounding error, by slot. */
  const d: number[] = [];
  const r: number[] = [];
  let x = 0;
  /** The largest |slope| met in this evaluation, and whether a guard could not tell or a value left the doubles. */
  let D = 0;
  let unsure = false;
  const fixed = new Map<string, number>();
  const prep = point.prep;
  const rules = prep.rules.map((rule) => prep.keyOfName(rule.lhs.name));
  const defined = prep.ctx.defs.map((df) => prep.keyOfName(df.target));

  /** Records a node's value, slope and error (in its slot); returns the value. */
  const set = (slot: number, f: number, df: number, err: number): number => {
    d[slot] = df;
    r[slot] = err;
    if (!Number.isFinite(f) || !Number.isFinite(err)) unsure = true;
    const m = Math.abs(df);
    if (m > D) D = m;
    return f;
  };
  /** Whether v (of error estimate err) is certainly away from 0 as the enclosures would see it (else `unsure`). */
  const clear = (v: number, err: number): boolean => {
    if (Math.abs(v) > SAFETY * err) return true;
    unsure = true;
    return false;
  };

  /** The double a free scalar has at the point, or null where it is not a plain drawn scalar. */
  const valueOf = (v: Var): number | 'x' | null => {
    const found = prep.lookup(v);
    if (!found || found.index || v.name.index) return null;
    const info = found.info;
    if (info.kind !== 'scalar' || info.shape.kind !== 'scalar' || info.random || info.family) return null;
    const k = info.key;
    if (k === key) return 'x';
    if (rules.includes(k) || defined.includes(k) || prep.dimensions.has(k)) return null;
    if (point.enclosures.has(k) || point.symbolic.has(k)) return null;
    const known = fixed.get(k);
    if (known !== undefined) return known;
    const drawn = point.overrides.get(k) ?? point.values.get(k)?.value;
    if (drawn === undefined || isMat(drawn)) return null;
    const n = drawn.toNumber();
    if (!Number.isFinite(n)) return null;
    fixed.set(k, n);
    return n;
  };

  const compile = (e: Expr): Node | null => {
    if (e.shape?.kind === 'matrix') return null;
    const slot = d.length;
    d.push(0);
    r.push(0);
    const s = slot + 1;
    switch (e.kind) {
      case 'Num': {
        if (hugeLiteral(e.value)) return null;
        const c = literal(e).toNumber();
        if (!Number.isFinite(c)) return null;
        const err = Number.isSafeInteger(c) ? 0 : Math.abs(c) * U;
        return () => set(slot, c, 0, err);
      }
      case 'Const': {
        const c = e.name === 'pi' ? Math.PI : e.name === 'e' ? Math.E : null;
        if (c === null) return null;
        return () => set(slot, c, 0, c * U);
      }
      case 'Var': {
        const v = valueOf(e);
        if (v === null) return null;
        // (The grid's x is exact, as its point enclosure; a drawn rational is rounded once.)
        if (v === 'x') return () => set(slot, x, 1, 0);
        const err = Number.isSafeInteger(v) ? 0 : Math.abs(v) * U;
        return () => set(slot, v, 0, err);
      }
      case 'Neg': {
        const u = compile(e.arg);
        if (!u) return null;
        return () => set(slot, -u(), -d[s]!, r[s]!);
      }
      case 'Abs': {
        const u = compile(e.arg);
        if (!u) return null;
        return () => abs(u(), slot, s);
      }
      case 'Binary': {
        if (e.op === '^') return power(e.left, e.right, slot);
        const l = compile(e.left);
        const sr = d.length;
        const q = l && compile(e.right);
        if (!l || !q) return null;
        switch (e.op) {
          case '+': return () => {
            const f = l() + q();
            return set(slot, f, d[s]! + d[sr]!, r[s]! + r[sr]! + Math.abs(f) * U);
          };
          case '-': return () => {
            const f = l() - q();
            return set(slot, f, d[s]! - d[sr]!, r[s]! + r[sr]! + Math.abs(f) * U);
          };
          case '*': return () => {
            const u = l();
            const v = q();
            const f = u * v;
            return set(slot, f, d[s]! * v + u * d[sr]!, Math.abs(u) * r[sr]! + Math.abs(v) * r[s]! + r[s]! * r[sr]! + Math.abs(f) * U);
          };
          case '/': return () => {
            const u = l();
            const v = q();
            if (!clear(v, r[sr]!)) return Number.NaN;
            const f = u / v;
            return set(slot, f, (d[s]! - f * d[sr]!) / v, (r[s]! + Math.abs(f) * r[sr]!) / (Math.abs(v) - r[sr]!) + Math.abs(f) * U);
          };
        }
        return null;
      }
      case 'Call': {
        if (e.fn.primes !== 0 || e.fn.hat || e.fn.index !== null || e.args.length !== 1) return null;
        const name = builtinFunction(e.fn.base)?.evaluate ?? '';
        const u = compile(e.args[0]!);
        if (!u) return null;
        switch (name) {
          case 'exp': return () => {
            const f = Math.exp(u());
            return set(slot, f, f * d[s]!, f * (r[s]! + LIBM));
          };
          case 'log': return () => {
            const a = u();
            if (!clear(a, r[s]!) || a < 0) return Number.NaN;
            const f = Math.log(a);
            return set(slot, f, d[s]! / a, r[s]! / (a - r[s]!) + Math.abs(f) * LIBM);
          };
          case 'sqrt': return () => {
            const a = u();
            if (!clear(a, r[s]!) || a < 0) return Number.NaN;
            const f = Math.sqrt(a);
            return set(slot, f, d[s]! / (2 * f), r[s]! / (2 * Math.sqrt(a - r[s]!)) + f * U);
          };
          case 'sin': return () => {
            const a = u();
            return set(slot, Math.sin(a), Math.cos(a) * d[s]!, r[s]! + LIBM);
          };
          case 'cos': return () => {
            const a = u();
            return set(slot, Math.cos(a), -Math.sin(a) * d[s]!, r[s]! + LIBM);
          };
          case 'tan': return () => {
            const a = u();
            const c = Math.cos(a);
            // (tan has no value where cos is 0: near there, as the enclosures see it.)
            if (!clear(c, r[s]! + LIBM)) return Number.NaN;
            const f = Math.tan(a);
            return set(slot, f, d[s]! / (c * c), r[s]! / ((Math.abs(c) - r[s]!) ** 2) + Math.abs(f) * LIBM + LIBM);
          };
          case 'tanh': return () => {
            const f = Math.tanh(u());
            return set(slot, f, (1 - f * f) * d[s]!, r[s]! + LIBM);
          };
          case 'abs': return () => abs(u(), slot, s);
        }
        return null;
      }
    }
    return null;
  };

  /** |a| (no slope on the kink: there, and near it, the enclosures decide). */
  const abs = (a: number, slot: number, s: number): number => {
    if (!clear(a, r[s]!)) return Number.NaN;
    return set(slot, Math.abs(a), a > 0 ? d[s]! : -d[s]!, r[s]!);
  };

  /** base^exponent: a whole constant exponent by the power rule, e^y as exp, else for a base > 0 only (as the enclosures). */
  const power = (base: Expr, exponent: Expr, slot: number): Node | null => {
    const q = constantValue(exponent);
    const s = slot + 1;
    if (base.kind === 'Const' && base.name === 'e') {
      const y = compile(exponent);
      if (!y) return null;
      return () => {
        const f = Math.exp(y());
        return set(slot, f, f * d[s]!, f * (r[s]! + LIBM));
      };
    }
    const u = compile(base);
    if (!u) return null;
    if (q !== null && q.isInteger()) {
      const k = q.toNumber();
      if (!Number.isFinite(k) || Math.abs(k) > 1e6) return null;
      if (k === 0) return () => (u(), set(slot, 1, 0, 0));
      return () => {
        const a = u();
        if (k < 0 && !clear(a, r[s]!)) return Number.NaN;
        const p = a ** (k - 1);
        const f = p * a;
        // (Relative error k times the base's, and a rounding per product: about 2|k| of them.)
        return set(slot, f, k * p * d[s]!, Math.abs(k) * Math.abs(f) * ((r[s]! / (Math.abs(a) - r[s]!)) + 2 * U));
      };
    }
    const sy = d.length;
    const y = compile(exponent);
    if (!y) return null;
    return () => {
      const a = u();
      const b = y();
      if (!clear(a, r[s]!) || a < 0) return Number.NaN;
      const la = Math.log(a);
      const f = Math.exp(b * la);
      return set(slot, f, f * (d[sy]! * la + (b * d[s]!) / a), f * (Math.abs(la) * r[sy]! + Math.abs(b) * r[s]! / (a - r[s]!) + 3 * LIBM * (1 + Math.abs(b * la))));
    };
  };

  const sa = d.length;
  const fa = compile(a);
  const sb = d.length;
  const fb = fa && compile(b);
  if (!fa || !fb) return null;
  return (at) => {
    x = at;
    D = 0;
    unsure = false;
    const u = fa();
    const v = fb();
    const f = u - v;
    if (unsure) return UNSURE;
    // (A value with none: log or √ of a clearly negative number.)
    if (Number.isNaN(f)) return null;
    const df = d[sa]! - d[sb]!;
    if (!(Math.abs(f) > SAFETY * (r[sa]! + r[sb]! + Math.abs(f) * U)) || (D > 0 && !(Math.abs(df) > CLEAR_SLOPE * D))) return UNSURE;
    return { f, df };
  };
}
