import type { Expr, Var } from '../../ast.js';
import { builtinFunction } from '../../builtins.js';
import { hugeLiteral, literal } from '../evaluator/interpret.js';
import { isMat } from '../evaluator/field.js';
import { constantValue } from '../evaluator/interpret.js';
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
 * What a line gives where doubles may not tell what the enclosures' midpoints would: f or f′
 * within 10⁻¹² of the largest value (or slope) met on the way (cancellation: 1 − sin x rounds
 * to 0 at the double nearest π/2, where the enclosure's midpoint is 10⁻¹⁶), a divisor, or
 * √'s, log's or a power's base, that close to 0, or a value past the doubles' range. The
 * caller evaluates there in enclosures, as before.
 */
export const UNSURE: unique symbol = Symbol('unsure');

/** Below this share of the largest magnitude met, a double's sign is not taken as the enclosure's. */
const CLEAR = 1e-12;

/** A compiled node: its value at the line's current x (NaN where it has none), its derivative left in `d[slot]`. */
type Node = () => number;

/**
 * A − B along `key` as one closure over doubles, or null where an expression holds anything
 * but numbers, π, e, free scalars drawn at `point` (no definition, substitution, family,
 * random or enclosed value), `+ − × ÷`, powers, |·| and the elementary functions: the caller
 * then evaluates as before. Null at a place where the enclosures certainly have no value
 * either (log or √ of a clearly negative number), UNSURE where they might see it otherwise.
 */
export function doubleLine(point: Point, key: string, a: Expr, b: Expr): DoubleLine | null {
  const d: number[] = [];
  let x = 0;
  /** The largest |value| and |slope| met in this evaluation, and whether a guard could not tell. */
  let M = 0;
  let D = 0;
  let unsure = false;
  /** Records a node's value and slope; returns the value. */
  const seen = (f: number, df: number): number => {
    const a = Math.abs(f);
    const b = Math.abs(df);
    if (!(a <= M)) M = Number.isNaN(a) ? M : a;
    if (!(b <= D)) D = Number.isNaN(b) ? D : b;
    return f;
  };
  /** Whether v is certainly away from 0 as the enclosures would see it (else `unsure`). */
  const clear = (v: number): boolean => {
    if (Math.abs(v) > CLEAR * M) return true;
    unsure = true;
    return false;
  };
  const fixed = new Map<string, number>();
  const prep = point.prep;
  const rules = prep.rules.map((r) => prep.keyOfName(r.lhs.name));
  const defined = prep.ctx.defs.map((df) => prep.keyOfName(df.target));

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
    const s = slot + 1;
    switch (e.kind) {
      case 'Num': {
        if (hugeLiteral(e.value)) return null;
        const c = literal(e).toNumber();
        if (!Number.isFinite(c)) return null;
        return () => ((d[slot] = 0), seen(c, 0));
      }
      case 'Const': {
        const c = e.name === 'pi' ? Math.PI : e.name === 'e' ? Math.E : null;
        if (c === null) return null;
        return () => ((d[slot] = 0), seen(c, 0));
      }
      case 'Var': {
        const v = valueOf(e);
        if (v === null) return null;
        if (v === 'x') return () => ((d[slot] = 1), seen(x, 1));
        return () => ((d[slot] = 0), seen(v, 0));
      }
      case 'Neg': {
        const u = compile(e.arg);
        if (!u) return null;
        return () => {
          const f = -u();
          d[slot] = -d[s]!;
          return f;
        };
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
        const r = l && compile(e.right);
        if (!l || !r) return null;
        switch (e.op) {
          case '+': return () => {
            const f = l() + r();
            return seen(f, (d[slot] = d[s]! + d[sr]!));
          };
          case '-': return () => {
            const f = l() - r();
            return seen(f, (d[slot] = d[s]! - d[sr]!));
          };
          case '*': return () => {
            const u = l();
            const v = r();
            return seen(u * v, (d[slot] = d[s]! * v + u * d[sr]!));
          };
          case '/': return () => {
            const u = l();
            const v = r();
            if (!clear(v)) return Number.NaN;
            const q = u / v;
            return seen(q, (d[slot] = (d[s]! - q * d[sr]!) / v));
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
            return seen(f, (d[slot] = f * d[s]!));
          };
          case 'log': return () => {
            const a = u();
            if (!clear(a) || a < 0) return Number.NaN;
            return seen(Math.log(a), (d[slot] = d[s]! / a));
          };
          case 'sqrt': return () => {
            const a = u();
            if (!clear(a) || a < 0) return Number.NaN;
            const f = Math.sqrt(a);
            return seen(f, (d[slot] = d[s]! / (2 * f)));
          };
          case 'sin': return () => {
            const a = u();
            return seen(Math.sin(a), (d[slot] = Math.cos(a) * d[s]!));
          };
          case 'cos': return () => {
            const a = u();
            return seen(Math.cos(a), (d[slot] = -Math.sin(a) * d[s]!));
          };
          case 'tan': return () => {
            const a = u();
            const c = Math.cos(a);
            // (|cos| against 1, its own scale: tan has no value where it is 0.)
            if (!(Math.abs(c) > CLEAR)) {
              unsure = true;
              return Number.NaN;
            }
            return seen(Math.tan(a), (d[slot] = d[s]! / (c * c)));
          };
          case 'tanh': return () => {
            const f = Math.tanh(u());
            return seen(f, (d[slot] = (1 - f * f) * d[s]!));
          };
          case 'abs': return () => abs(u(), slot, s);
        }
        return null;
      }
    }
    return null;
  };

  /** |a| (no slope on the kink: there, as near it, the enclosures decide). */
  const abs = (a: number, slot: number, s: number): number => {
    if (!clear(a)) return Number.NaN;
    return seen(Math.abs(a), (d[slot] = a > 0 ? d[s]! : -d[s]!));
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
        return seen(f, (d[slot] = f * d[s]!));
      };
    }
    const u = compile(base);
    if (!u) return null;
    if (q !== null && q.isInteger()) {
      const k = q.toNumber();
      if (!Number.isFinite(k) || Math.abs(k) > 1e6) return null;
      if (k === 0) return () => (u(), (d[slot] = 0), seen(1, 0));
      return () => {
        const a = u();
        if (k < 0 && !clear(a)) return Number.NaN;
        const p = a ** (k - 1);
        return seen(p * a, (d[slot] = k * p * d[s]!));
      };
    }
    const sy = d.length;
    const y = compile(exponent);
    if (!y) return null;
    return () => {
      const a = u();
      const b = y();
      if (!clear(a) || a < 0) return Number.NaN;
      const la = Math.log(a);
      const f = Math.exp(b * la);
      return seen(f, (d[slot] = f * (d[sy]! * la + (b * d[s]!) / a)));
    };
  };

  const sa = d.length;
  const fa = compile(a);
  const sb = d.length;
  const fb = fa && compile(b);
  if (!fa || !fb) return null;
  return (at) => {
    x = at;
    M = 0;
    D = 0;
    unsure = false;
    const f = fa() - fb();
    if (unsure || !Number.isFinite(M) || !Number.isFinite(D)) return UNSURE;
    // (A value with none: a divisor certainly 0, log or √ of a negative number.)
    if (Number.isNaN(f)) return null;
    const df = d[sa]! - d[sb]!;
    if (!(Math.abs(f) > CLEAR * M) || (D > 0 && !(Math.abs(df) > CLEAR * D))) return UNSURE;
    return { f, df };
  };
}
