import type { Expr, Var } from '../../ast.js';
import { visit } from '../../ast-walk.js';
import { printExpr, printName } from '../../print.js';
import { constantValue } from '../evaluator/interpret.js';
import type { Rational } from '../evaluator/rational.js';
import type { Prepared } from './point.js';

/**
 * What the assumptions say of an expression's sign at every point they hold, read from their
 * plain forms only: a scalar's bounds by rational numbers (`0 < β < 1`, `t ≥ 1`) and `x ≠ 0` of a
 * scalar or vector, carried through products, quotients, powers, sums of positive terms,
 * norms, |·|, xᵀx, exp and √. Used to pass over a divisor that has no zero anywhere the
 * assumptions hold (the pole search: 1/β under 0 < β < 1, 1/‖g u‖ under g ≠ 0, u ≠ 0).
 * Never says more than the assumptions do: unsure is `null`.
 */
export class SignFacts {
  private readonly nonzeroKeys = new Set<string>();
  /**
   * Each scalar's bounds as the assumptions write them with rational numbers (`0 < β < 1`,
   * `t ≥ 1`). Not Prepared.intervals: those are where sampling draws, a little inside an
   * irrational bound (x > −e^(−1000) is drawn above 10⁻³⁰⁰), not where the assumptions hold.
   */
  private readonly bounds = new Map<string, Bounds>();
  /** Names bound somewhere in the step (∑ indices, lim and d/dx variables): not the drawn ones. */
  private readonly bound = new Set<string>();

  constructor(private readonly prep: Prepared, sides: readonly Expr[]) {
    for (const c of prep.checks) {
      const f = c.formula;
      if (f.kind !== 'Compare') continue;
      for (let i = 0; i < f.ops.length; i++) {
        const op = f.ops[i]!;
        const [a, b] = [f.operands[i]!, f.operands[i + 1]!];
        if (op === '≠') {
          const v = isZero(b) ? a : isZero(a) ? b : null;
          if (v?.kind === 'Var' && !v.name.index) this.nonzeroKeys.add(prep.keyOfName(v.name));
          continue;
        }
        if (op !== '<' && op !== '≤' && op !== '>' && op !== '≥') continue;
        // v op q, or q op v read as v op' q.
        const [v, q, rel] = a.kind === 'Var' ? [a, constantValue(b), op] : [b, constantValue(a), FLIP[op]!];
        if (v.kind !== 'Var' || v.name.index || q === null) continue;
        const key = prep.keyOfName(v.name);
        const old = this.bounds.get(key) ?? { lo: null, loStrict: false, hi: null, hiStrict: false };
        const strict = rel === '<' || rel === '>';
        if (rel === '>' || rel === '≥') {
          if (old.lo === null || q.cmp(old.lo) > 0 || (q.equals(old.lo) && strict)) this.bounds.set(key, { ...old, lo: q, loStrict: strict });
        } else if (old.hi === null || q.cmp(old.hi) < 0 || (q.equals(old.hi) && strict)) this.bounds.set(key, { ...old, hi: q, hiStrict: strict });
      }
    }
    for (const side of sides) {
      visit(side, (x) => {
        if (x.kind === 'BigOp') this.bound.add(printName(x.index));
        // (Not the variable of d/dx or ∇_x: it is the drawn one, where the derivative is taken.)
        if (x.kind === 'Limit') this.bound.add(printName(x.wrt.name));
      });
    }
  }

  /** 1: e > 0 wherever the assumptions hold and e has a value; −1: e < 0 there; null: not known. */
  sign(e: Expr): 1 | -1 | null {
    switch (e.kind) {
      case 'Num': {
        const q = constantValue(e);
        return q === null || q.isZero() ? null : q.sign() > 0 ? 1 : -1;
      }
      case 'Var': {
        const b = this.interval(e);
        if (!b) return null;
        if (b.lo !== null && (b.lo.sign() > 0 || (b.lo.isZero() && b.loStrict))) return 1;
        if (b.hi !== null && (b.hi.sign() < 0 || (b.hi.isZero() && b.hiStrict))) return -1;
        return null;
      }
      case 'Neg': {
        const s = this.sign(e.arg);
        return s === null ? null : s === 1 ? -1 : 1;
      }
      case 'Norm': case 'Abs': return this.nonzero(e.arg) ? 1 : null;
      case 'Call': {
        if (e.fn.index || e.fn.primes > 0 || e.args.length !== 1) return null;
        if (e.fn.base === 'exp') return scalar(e.args[0]!) ? 1 : null;
        if (e.fn.base === 'sqrt') return this.sign(e.args[0]!) === 1 ? 1 : null;
        return null;
      }
      case 'Binary': {
        // xᵀx = ‖x‖² of a vector x.
        if (e.op === '*' && scalar(e) && e.left.kind === 'Transpose' && printExpr(e.left.arg) === printExpr(e.right)) return this.nonzero(e.right) ? 1 : null;
        if (!scalar(e.left) || !scalar(e.right)) return null;
        if (e.op === '+') {
          const [a, b] = [this.sign(e.left), this.sign(e.right)];
          return a !== null && a === b ? a : null;
        }
        if (e.op === '*' || e.op === '/') {
          const [a, b] = [this.sign(e.left), this.sign(e.right)];
          return a === null || b === null ? null : a === b ? 1 : -1;
        }
        if (e.op === '^') {
          const k = constantValue(e.right);
          const base = this.sign(e.left);
          // A positive base to any power; a nonzero one to an even whole power.
          if (base === 1) return 1;
          if (k !== null && k.isInteger() && k.n % 2n === 0n && this.nonzero(e.left)) return 1;
          if (base === -1 && k !== null && k.isInteger()) return k.n % 2n === 0n ? 1 : -1;
          return null;
        }
        return null;
      }
      default: return null;
    }
  }

  /** Whether e ≠ 0 (a scalar, or a vector or matrix not all 0) wherever the assumptions hold and e has a value. */
  nonzero(e: Expr): boolean {
    if (scalar(e) && this.sign(e) !== null) return true;
    switch (e.kind) {
      case 'Var': return this.drawn(e) !== null && this.nonzeroKeys.has(this.drawn(e)!);
      case 'Neg': case 'Transpose': case 'Norm': case 'Abs': return this.nonzero(e.arg);
      case 'Binary':
        // (A product of two vectors or matrices may be 0 though neither is: only a scalar times anything.)
        if (e.op === '*') return (scalar(e.left) || scalar(e.right)) && this.nonzero(e.left) && this.nonzero(e.right);
        if (e.op === '/') return scalar(e.right) && this.nonzero(e.left) && this.nonzero(e.right);
        if (e.op === '^') {
          const k = constantValue(e.right);
          return scalar(e.left) && k !== null && k.isInteger() && this.nonzero(e.left);
        }
        return false;
      default: return false;
    }
  }

  /** A drawn name's key: declared, not a member of a family, not bound in the step, not random. */
  private drawn(v: Var): string | null {
    if (v.name.index || this.bound.has(printName(v.name))) return null;
    const found = this.prep.lookup(v);
    if (!found || found.index || found.info.random) return null;
    return found.info.key;
  }

  private interval(v: Var): Bounds | undefined {
    if (!scalar(v)) return undefined;
    const key = this.drawn(v);
    return key === null ? undefined : this.bounds.get(key);
  }
}

/** A scalar's bounds from the assumptions: null where there is none on that side. */
interface Bounds { readonly lo: Rational | null; readonly loStrict: boolean; readonly hi: Rational | null; readonly hiStrict: boolean }

const FLIP: Record<string, string> = { '<': '>', '≤': '≥', '>': '<', '≥': '≤' };

/** A scalar for certain (an expression whose shape is not settled is not taken for one). */
function scalar(e: Expr): boolean {
  return e.shape?.kind === 'scalar';
}

function isZero(e: Expr): boolean {
  return e.kind === 'Num' && constantValue(e)?.isZero() === true;
}
