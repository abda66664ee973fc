import type { Expr, Formula, Name } from './ast.js';
import { builtinNorm, normSubscript } from './builtins.js';

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

/** A name as written canonically: `v_{t-1}`, `Δθ_t`, `f̂`, `x̄`, `u'`. */
export function printName(n: Name): string {
  if (!n.hat && !n.bar && !n.index && n.primes === 0) return n.base;
  // (Every value looked up at every sampled point is looked up by its name's text: an indexed
  // name's is kept, by the name object, which a rewrite that leaves it alone keeps.)
  let s = n.index ? printedNames.get(n) : undefined;
  if (s !== undefined) return s;
  s = n.base;
  if (n.hat) s += '\u0302';
  if (n.bar) s += '\u0304';
  if (n.index) s += `_${indexText(n.index)}`;
  s += "'".repeat(n.primes);
  if (n.index) printedNames.set(n, s);
  return s;
}

/** printName's text of each indexed name (a name, like an AST, is never changed once built). */
const printedNames = new WeakMap<Name, string>();

/** The identity of a name: equal keys are the same symbol (`x0` and `x_0` agree). */
export function nameKey(n: Name): string {
  return printName(n);
}

/** How tightly an expression binds as printed (a `PREC` value). */
export function precOf(e: Expr): number {
  if (e.kind === 'Num') return e.value.startsWith('-') ? PREC.neg : PREC.atom;
  switch (e.kind) {
    case 'Binary':
      return e.op === '+' || e.op === '-' ? PREC.add : e.op === '^' ? PREC.pow : PREC.mul;
    case 'Neg': return PREC.neg;
    case 'BigOp': return PREC.bigop;
    case 'Transpose': case 'Factorial': return PREC.postfix;
    case 'Deriv': case 'Grad': case 'Limit': return PREC.bigop;
    case 'Var': return namePrec(e.name.base);
    case 'Const': case 'Call': case 'Abs': case 'Norm': case 'Component': case 'Expect': return PREC.atom;
  }
}

/**
 * How tightly a name's text binds. A name the checker makes for a 1×1 product (`xᵀy`,
 * `u (A + B) v`: the scalar atoms of normal-form.ts) reads back as that product, so it is
 * bracketed as one: `(xᵀy)²`, not `xᵀy²`, which reads as xᵀ·y². A name, a call (`tr(A)`) or a
 * norm (`‖x‖`) is one atom.
 */
function namePrec(base: string): number {
  // (ᵀ is a letter to Unicode, and superscripts are numbers: to the grammar both are operators.)
  if (/^(?:(?![ᵀ⁰¹²³⁴⁵⁶⁷⁸⁹⁻ⁿ])[\p{L}\p{M}\p{N}_])+$/u.test(base)) return PREC.atom;
  if (/^‖[^‖]*‖(?:_[\p{L}\p{N}]+|_\{[^{}]*\})?$/u.test(base)) return PREC.atom;
  // A call: the bracket opened after its name closes at the end.
  const open = /^[\p{L}\p{N}_]+\(/u.exec(base);
  if (open) {
    let depth = 0;
    for (let i = open[0].length - 1; i < base.length; i++) {
      if (base[i] === '(') depth++;
      else if (base[i] === ')' && --depth === 0) return i === base.length - 1 ? PREC.atom : PREC.mul;
    }
  }
  return PREC.mul;
}

function wrap(e: Expr, min: number): string {
  const s = printExpr(e);
  return precOf(e) < min ? `(${s})` : s;
}

const SUPERSCRIPT: Record<string, string> = { '2': '²', '3': '³' };

const LOGIC_WORD = { '⇔': '⇔', '⇒': '⇒', '∧': 'and', '∨': 'or' } as const;

/** A name whose base is one letter, or the two-letter `Δθ`: it reads as one atom anywhere. */
export function isLetterName(base: string): boolean {
  const cps = [...base];
  return (cps.length === 1 && /\p{L}/u.test(base)) || (cps.length === 2 && cps[0] === 'Δ' && /\p{L}/u.test(cps[1]!));
}

/**
 * Each composite expression's text, once: the checker prints the same trees many times (as
 * keys of its caches, to compare candidates), and an AST is never changed once built (only
 * `shape` is settled in place, which the text does not show).
 */
const printed = new WeakMap<Expr, string>();

/** Prints an expression in Unicode math, e.g. `β v_{t-1} + (1 - β) g_t`. */
export function printExpr(e: Expr): string {
  if (e.kind === 'Num') return e.value;
  let s = printed.get(e);
  if (s === undefined) {
    s = printUncached(e);
    printed.set(e, s);
  }
  return s;
}

/** The vector a of diag(a)·b read from `a ⊙ b` (Binary.entrywise), while its left is still diag(a); null otherwise. */
export function entrywiseFactor(e: Extract<Expr, { kind: 'Binary' }>): Expr | null {
  if (!e.entrywise || e.op !== '*' || e.left.kind !== 'Call') return null;
  const { fn, args } = e.left;
  return fn.base === 'diag' && !fn.index && fn.primes === 0 && !fn.hat && args.length === 1 ? args[0]! : null;
}

function printUncached(e: Expr): string {
  switch (e.kind) {
    case 'Num': return e.value;
    case 'Const': return e.name === 'pi' ? 'π' : e.name === 'inf' ? '∞' : e.name;
    case 'Var': return printName(e.name);
    // (A name that stands for a product takes its minus as the product would: -aᵀb.)
    case 'Neg': return `-${e.arg.kind === 'Var' ? printExpr(e.arg) : wrap(e.arg, PREC.pow)}`;
    case 'Binary': {
      if (e.op === '+' || e.op === '-') {
        // (`a - -2 b` reads badly: a term that starts with a minus keeps brackets.)
        const right = wrap(e.right, PREC.add + 1);
        return `${wrap(e.left, PREC.add)} ${e.op} ${right.startsWith('-') ? `(${right})` : right}`;
      }
      if (e.op === '^') {
        const base = wrap(e.left, PREC.postfix);
        if (e.right.kind === 'Num' && SUPERSCRIPT[e.right.value]) return base + SUPERSCRIPT[e.right.value];
        // An exponent without brackets is one atom (LANGUAGE.md §1): a number or one name
        // (`x^r_t`; a braced subscript, `x^r_{t-1}`, does not read back bare).
        const exp = printExpr(e.right);
        const atom = (e.right.kind === 'Num' && /^\d+$/.test(e.right.value)) || (e.right.kind === 'Var' && isLetterName(e.right.name.base) && !exp.includes('{'))
          || e.right.kind === 'Const';
        return atom ? `${base}^${exp}` : `${base}^(${exp})`;
      }
      // (A product of the other kind on the left keeps its brackets: `(a ⊙ b) c`, `(a b) ⊙ c`.)
      const inner = e.left;
      const left = inner.kind === 'Binary' && inner.op === '*' && !inner.hadamard !== !e.hadamard ? `(${printExpr(inner)})` : wrap(e.left, PREC.mul);
      // `α (-v)` must keep its brackets: `α -v` reads as a difference.
      // A name that stands for a product needs no brackets after another factor (products
      // associate: `2 aᵀb`), though it does in a divisor, a power or a transpose.
      const right = e.implicit && precOf(e.right) === PREC.neg ? `(${printExpr(e.right)})`
        : e.op === '*' && e.right.kind === 'Var' ? printExpr(e.right) : wrap(e.right, PREC.mul + 1);
      if (e.op === '/') return `${left}/${right}`;
      if (e.hadamard) return `${left} ⊙ ${right}`;
      const entries = entrywiseFactor(e);
      if (entries) return `${entries.kind === 'Binary' && entries.op === '*' && !entries.hadamard ? `(${printExpr(entries)})` : wrap(entries, PREC.mul)} ⊙ ${right}`;
      // `x 2` does not read back (a number after a factor): such a product keeps its dot.
      return e.implicit && !/^[\d.]/.test(right) ? `${left} ${right}` : `${left}·${right}`;
    }
    case 'Transpose': return `${wrap(e.arg, PREC.atom)}ᵀ`;
    case 'Factorial': return `${wrap(e.arg, PREC.atom)}!`;
    case 'Call': return `${printName(e.fn)}(${e.args.map(printExpr).join(', ')})`;
    case 'Abs': {
      // `||a||` would read as a norm: an absolute value next to a bar is written abs(…).
      const arg = printExpr(e.arg);
      return /^\||\|$/.test(arg) ? `abs(${arg})` : `|${arg}|`;
    }
    case 'Norm': {
      // The subscript its row of the table of built-ins is written with; an unknown one as written.
      const row = builtinNorm(e.sub);
      const sub = row ? normSubscript(row) : e.sub ?? null;
      return `‖${printExpr(e.arg)}‖${sub ? `_${sub.length === 1 ? sub : `{${sub}}`}` : ''}`;
    }
    case 'Component':
      return e.indices.length === 1
        ? `${printName(e.of.name)}_${indexText(e.indices[0]!)}`
        : `${printName(e.of.name)}_{${e.indices.map(printExpr).join(',')}}`;
    case 'BigOp':
      return `${e.op === 'sum' ? '∑' : '∏'}_{${printName(e.index)}=${printExpr(e.lower)}}^{${printExpr(e.upper)}} ${wrap(e.body, PREC.mul)}`;
    case 'Expect': return `${e.op}[${printExpr(e.arg)}${e.second ? `, ${printExpr(e.second)}` : ''}]`;
    case 'Deriv': {
      const d = e.partial ? '∂' : 'd';
      // ∂y/∂x for a name, as written; ∂/∂x e otherwise. `dy/dx` takes only a name whose
      // subscript needs no braces (`dv_t/dx`; `dA_{ij}/dx` would read as a quotient of words).
      if (e.body.kind === 'Var' && (e.partial || !/[{}]/.test(printExpr(e.body) + printExpr(e.wrt)))) return `${d}${printExpr(e.body)}/${d}${printExpr(e.wrt)}`;
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
    case 'Logic':
      // (A chain's links, A ⇔ B and B ⇔ C, as it was written: A ⇔ B ⇔ C.)
      if (f.chain && f.right.kind === 'Logic') return `${printFormula(f.left)} ${LOGIC_WORD[f.right.op]} ${printFormula(f.right.right)}`;
      return `${printFormula(f.left)} ${LOGIC_WORD[f.op]} ${printFormula(f.right)}`;
    case 'TagFact': return `${printExpr(f.subject)} ${f.tag}`;
  }
}
