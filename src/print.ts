import { covPair, type Expr, type Formula, type Name } from './ast.js';

/**
 * Plain-text (Unicode) printing of expressions: the one canonical spelling used for
 * messages, counterexamples and keys (`nameKey`). Parentheses only where needed.
 */

/** Operator precedence, loosest first: one table for every printer (Unicode here, LaTeX in print/latex.ts). */
export const PREC = { rel: 1, add: 2, bigop: 3, mul: 4, neg: 5, pow: 6, postfix: 7, atom: 8 } as const;

function indexText(index: Expr): string {
  const s = printExpr(index);
  return /^[\p{L}\p{N}]$/u.test(s) || /^\d+$/.test(s) ? s : `{${s}}`;
}

/** A name as written canonically: `v_{t-1}`, `Δθ_t`, `f̂`, `u'`. */
export function printName(n: Name): string {
  let s = n.base;
  if (n.hat) s += '\u0302';
  if (n.index) s += `_${indexText(n.index)}`;
  s += "'".repeat(n.primes);
  return s;
}

/** The identity of a name: equal keys are the same symbol (`x0` and `x_0` agree). */
export function nameKey(n: Name): string {
  return printName(n);
}

/** How tightly an expression binds as printed (a `PREC` value). */
export function precOf(e: Expr): number {
  switch (e.kind) {
    case 'Binary':
      return e.op === '+' || e.op === '-' ? PREC.add : e.op === '^' ? PREC.pow : PREC.mul;
    case 'Neg': return PREC.neg;
    case 'BigOp': return PREC.bigop;
    case 'Transpose': case 'Factorial': return PREC.postfix;
    case 'Num': return e.value.startsWith('-') ? PREC.neg : PREC.atom;
    case 'Deriv': case 'Grad': case 'Limit': return PREC.bigop;
    default: return PREC.atom;
  }
}

function wrap(e: Expr, min: number): string {
  const s = printExpr(e);
  return precOf(e) < min ? `(${s})` : s;
}

const SUPERSCRIPT: Record<string, string> = { '2': '²', '3': '³' };

/** Prints an expression in Unicode math, e.g. `β v_{t-1} + (1 - β) g_t`. */
export function printExpr(e: Expr): string {
  switch (e.kind) {
    case 'Num': return e.value;
    case 'Const': return e.name === 'pi' ? 'π' : e.name === 'inf' ? '∞' : e.name;
    case 'Var': return printName(e.name);
    case 'Neg': return `-${wrap(e.arg, PREC.pow)}`;
    case 'Binary': {
      if (e.op === '+' || e.op === '-') {
        return `${wrap(e.left, PREC.add)} ${e.op} ${wrap(e.right, PREC.add + 1)}`;
      }
      if (e.op === '^') {
        const base = wrap(e.left, PREC.postfix);
        if (e.right.kind === 'Num' && SUPERSCRIPT[e.right.value]) return base + SUPERSCRIPT[e.right.value];
        const exp = printExpr(e.right);
        return /^[\p{L}\p{N}]+$/u.test(exp) ? `${base}^${exp}` : `${base}^(${exp})`;
      }
      const left = wrap(e.left, PREC.mul);
      const right = wrap(e.right, PREC.mul + 1);
      if (e.op === '/') return `${left}/${right}`;
      return e.implicit ? `${left} ${right}` : `${left}·${right}`;
    }
    case 'Transpose': return `${wrap(e.arg, PREC.atom)}ᵀ`;
    case 'Factorial': return `${wrap(e.arg, PREC.atom)}!`;
    case 'Call': return `${printName(e.fn)}(${e.args.map(printExpr).join(', ')})`;
    case 'Abs': return `|${printExpr(e.arg)}|`;
    case 'Norm': return `‖${printExpr(e.arg)}‖`;
    case 'BigOp':
      return `${e.op === 'sum' ? '∑' : '∏'}_{${printName(e.index)}=${printExpr(e.lower)}}^{${printExpr(e.upper)}} ${wrap(e.body, PREC.mul)}`;
    case 'Expect': {
      const pair = covPair(e);
      return `${e.op}[${pair ? `${printExpr(pair[0])}, ${printExpr(pair[1])}` : printExpr(e.arg)}]`;
    }
    case 'Deriv': {
      const d = e.partial ? '∂' : 'd';
      return `${d}/${d}${printExpr(e.wrt)} ${wrap(e.body, PREC.mul)}`;
    }
    case 'Grad': return `∇_${indexText(e.wrt)} ${wrap(e.body, PREC.mul)}`;
    case 'Limit': return `lim_{${printExpr(e.wrt)}→${printExpr(e.to)}} ${wrap(e.body, PREC.mul)}`;
  }
}

/** Prints a formula: `a < b ≤ c`, `A ⇔ B`, `H invertible`. */
export function printFormula(f: Formula): string {
  switch (f.kind) {
    case 'Compare':
      return f.operands.map((o, i) => (i === 0 ? printExpr(o) : ` ${f.ops[i - 1]} ${printExpr(o)}`)).join('');
    case 'Logic': return `${printFormula(f.left)} ${f.op} ${printFormula(f.right)}`;
    case 'TagFact': return `${printExpr(f.subject)} ${f.tag}`;
  }
}
