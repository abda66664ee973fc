import type { Binary, Dim, Expr, Formula, LogicOp, Name, RelOp, Space } from '../ast.js';
import { EXP_DEFINED } from '../builtins.js';
import { GREEK_LETTERS } from '../parse/names.js';
import { entrywiseFactor, PREC, precOf } from '../print.js';
import { table } from '../table.js';

/**
 * LaTeX printing of expressions, formulas, names and justifications: what `deriv render`
 * writes and what the HTML report hands to KaTeX. Every spelling it emits is one the
 * grammar reads back into the same (resolved) AST, except where a comment says otherwise.
 * It needs only amsmath and amssymb.
 */

/**
 * Built-in functions → their LaTeX: the one table of LaTeX spellings of built-ins (to be
 * read from src/builtins.ts once that table exists). `sqrt`, `abs` and `norm` have their
 * own notation and are handled in `latexExpr`.
 */
const FUNCTION_LATEX: Readonly<Record<string, string>> = table({
  sin: '\\sin', cos: '\\cos', tan: '\\tan', tanh: '\\tanh', exp: '\\exp', log: '\\log', ln: '\\ln',
  max: '\\max', min: '\\min', det: '\\det',
  tr: '\\operatorname{tr}', diag: '\\operatorname{diag}', inv: '\\operatorname{inv}',
  'λ_max': '\\lambda_{\\max}', 'λ_min': '\\lambda_{\\min}',
  ...EXP_DEFINED,
});

/** Constants → LaTeX. */
const CONST_LATEX: Readonly<Record<string, string>> = table({ pi: '\\pi', e: 'e', inf: '\\infty', I: 'I' });

/** Which of several LaTeX names of one Greek letter to write (`\varepsilon` for ε, as in most papers). */
const PREFERRED_GREEK = new Set(['varepsilon', 'varphi']);

/** Greek letter → its LaTeX command (`β` → `\beta`), from the parser's own table so both agree. */
const GREEK_LATEX: Readonly<Record<string, string>> = (() => {
  const out: Record<string, string> = {};
  for (const [word, letter] of Object.entries(GREEK_LETTERS)) {
    if (word.startsWith('var') && !PREFERRED_GREEK.has(word)) continue;
    if (out[letter] === undefined || PREFERRED_GREEK.has(word)) out[letter] = `\\${word}`;
  }
  // LaTeX has no \omicron: it is the Latin o.
  out['ο'] = 'o';
  return table(out);
})();

/** Relations and connectives → LaTeX. */
const RELATION_LATEX: Readonly<Record<RelOp | LogicOp, string>> = {
  '=': '=', '≠': '\\ne', '<': '<', '≤': '\\le', '>': '>', '≥': '\\ge', '→': '\\to', '⇔': '\\iff', '⇒': '\\implies',
  '∧': '\\land', '∨': '\\lor',
};

/** A relation or connective in LaTeX (`≤` → `\le`, `⇔` → `\iff`, `∧` → `\land`). */
export function latexRelation(op: RelOp | LogicOp): string {
  return RELATION_LATEX[op];
}

/** One letter (Latin, Greek, or any other) in math mode. */
function latexLetter(letter: string): string {
  if (/^[A-Za-z]$/.test(letter)) return letter;
  const greek = GREEK_LATEX[letter];
  if (greek !== undefined) return greek;
  return `\\text{${latexText(letter)}}`;
}

/** A name's base: a letter, `Δ` + letter, or a word (upright, as an operator for functions). */
function latexBase(base: string, asFunction: boolean): string {
  const letters = [...base];
  if (letters.length === 1) return latexLetter(base);
  // A name declared with a label subscript (`W_hh` for `W_{hh}`, `W_h`): the letter, the label as its subscript.
  const labelled = /^(Δ?\p{L})_([\p{L}\p{N}]+)$/u.exec(base);
  if (labelled) {
    const label = [...labelled[2]!].map(latexLetter);
    return `${latexBase(labelled[1]!, false)}_${script(label.join(label.some((l) => l.startsWith('\\')) ? ' ' : ''))}`;
  }
  if (letters.length === 2 && letters[0] === 'Δ') {
    // `\Delta\theta` reads back as one name; `\Delta x` (a Latin letter) reads as Δ·x today.
    const rest = latexLetter(letters[1]!);
    return `\\Delta${rest.startsWith('\\') ? '' : ' '}${rest}`;
  }
  if (/^[A-Za-z]+$/.test(base)) return asFunction ? `\\operatorname{${base}}` : `\\mathrm{${base}}`;
  return `\\mathrm{${latexText(base)}}`;
}

/** Script-size math set tight, as on paper: `t-1`, not `t - 1` (LaTeX spaces it the same either way). */
function tight(tex: string): string {
  return tex.replace(/ ([+-]) /g, '$1');
}

/** A subscript or superscript: tight, in braces unless it is one character. */
function script(tex: string): string {
  const t = tight(tex);
  return /^[A-Za-z0-9]$/.test(t) ? t : `{${t}}`;
}

/** A name: `v_{t-1}`, `\Delta\theta_t`, `\hat{f}`, `\sigma'`, `\mathrm{lr}`. */
export function latexName(n: Name, asFunction = false): string {
  if (asFunction && !n.hat && !n.bar) {
    // (With its base or primes as written: `\log_2`, `\tanh'`.)
    const builtin = FUNCTION_LATEX[n.base];
    if (builtin !== undefined) return `${builtin}${n.index ? `_${script(latexExpr(n.index))}` : ''}${"'".repeat(n.primes)}`;
  }
  let s = latexBase(n.base, asFunction);
  if (n.hat) s = [...n.base].length === 1 ? `\\hat{${s}}` : `\\widehat{${s}}`;
  if (n.bar) s = [...n.base].length === 1 ? `\\bar{${s}}` : `\\overline{${s}}`;
  if (n.index) s += `_${script(latexExpr(n.index))}`;
  return s + "'".repeat(n.primes);
}

/** Whether LaTeX sets this taller than a line of text (a fraction, a big operator). */
function isTall(tex: string): boolean {
  return /\\(frac|sum|prod|lim)(?![A-Za-z])/.test(tex);
}

/** Delimiters around `tex`, sized with `\left … \right` when it is tall; a command delimiter is set off by spaces. */
function delimit(open: string, tex: string, close: string): string {
  const [before, after] = open.startsWith('\\') ? [' ', ' '] : ['', ''];
  return isTall(tex) ? `\\left${open}${before}${tex}${after}\\right${close}` : `${open}${before}${tex}${after}${close}`;
}

/** Parentheses: `(a + b)`, `\left(\frac{a}{b}\right)`. */
function parens(tex: string): string {
  return delimit('(', tex, ')');
}

/** `\lvert x \rvert`. */
function abs(tex: string): string {
  return delimit('\\lvert', tex, '\\rvert');
}

/** `\lVert x \rVert`. */
function norm(tex: string): string {
  return delimit('\\lVert', tex, '\\rVert');
}

/** A big operator: its body runs to the end of the term, so it needs brackets unless it ends one. */
function isBigOperator(e: Expr): boolean {
  return e.kind === 'BigOp' || e.kind === 'Deriv' || e.kind === 'Grad' || e.kind === 'Limit';
}

/**
 * How tightly an expression binds as LaTeX: as `precOf`, except that a quotient is a
 * `\frac{…}{…}`, which groups itself like a bracket.
 */
function latexPrec(e: Expr): number {
  if (e.written) return latexPrec(e.written);
  return e.kind === 'Binary' && e.op === '/' ? PREC.atom : precOf(e);
}

/**
 * Prints `e` as an operand that needs at least precedence `min`. `tail`: nothing is
 * multiplied on after it, so a big operator (whose body would swallow what follows) may
 * stand bare.
 */
function operand(e: Expr, min: number, tail: boolean): string {
  const tex = print(e, tail);
  if (isBigOperator(e) && tail && min <= PREC.pow) return tex;
  return latexPrec(e) < min ? parens(print(e, true)) : tex;
}

/** The base of a power or transpose: an atom, and never a bare fraction (`(a/b)^2`, not `\frac{a}{b}^2`). */
function scriptBase(e: Expr): string {
  const tex = print(e, true);
  const atom = precOf(e.written ?? e) >= PREC.atom && !(e.kind === 'Num' && e.value.startsWith('-'));
  return atom ? tex : parens(tex);
}

/** A negative operand (`-b`, `-2`): bracketed after `+`, `-` and in a product, never `a + -b`. */
function isNegative(e0: Expr): boolean {
  // (As written: sech'(z), written out as a negation, is no negative operand.)
  const e = e0.written ?? e0;
  return e.kind === 'Neg' || (e.kind === 'Num' && e.value.startsWith('-'));
}

/** The right operand of `+`, `-` or a product. */
function rightOperand(e: Expr, min: number, tail: boolean): string {
  return isNegative(e) ? parens(print(e, true)) : operand(e, min, tail);
}

function binary(e: Binary, tail: boolean): string {
  switch (e.op) {
    case '+': case '-':
      return `${operand(e.left, PREC.add, true)} ${e.op} ${rightOperand(e.right, PREC.add + 1, true)}`;
    case '/':
      return `\\frac{${print(e.left, true)}}{${print(e.right, true)}}`;
    case '^':
      return `${scriptBase(e.left)}^${script(print(e.right, true))}`;
    case '*': {
      // Juxtaposed or `\cdot`, as written; but a number before a fraction of numbers takes
      // `\cdot` (2 \frac{1}{2} typesets as the mixed number 2½).
      // (A product of the other kind on the left keeps its brackets: `(a \odot b) c`, not `a \odot b c`.)
      const left = otherProduct(e.left, e) ? parens(print(e.left, true)) : operand(e.left, PREC.mul, false);
      const right = rightOperand(e.right, PREC.mul + 1, tail);
      const mixed = e.left.kind === 'Num' && /^\\frac\{[\d.]+\}\{[\d.]+\}/.test(right);
      if (e.hadamard) return `${left} \\odot ${right}`;
      const entries = entrywiseFactor(e);
      if (entries) return `${otherProduct(entries, { ...e, hadamard: true }) ? parens(print(entries, true)) : operand(entries, PREC.mul, false)} \\odot ${right}`;
      return e.implicit && !mixed ? `${left} ${right}` : `${left} \\cdot ${right}`;
    }
  }
}

/** Whether an expression typesets with a leading minus (a negation, a negative number, a product or sum that starts with one). */
function startsNegative(e: Expr): boolean {
  const x = e.written ?? e;
  if (x.kind === 'Neg') return true;
  if (x.kind === 'Num') return x.value.startsWith('-');
  return x.kind === 'Binary' && x.op !== '^' && x.op !== '/' && startsNegative(x.left);
}

/** Whether `x` is a product of the other kind than `outer` (one written with ⊙, the other not). */
function otherProduct(x: Expr, outer: Binary): boolean {
  const inner = x.written ?? x;
  return inner.kind === 'Binary' && inner.op === '*' && !inner.hadamard !== !outer.hadamard;
}

function print(e: Expr, tail: boolean): string {
  if (e.written) return print(e.written, tail);
  switch (e.kind) {
    case 'Num': return e.value;
    case 'Const': return CONST_LATEX[e.name] ?? e.name;
    case 'Var': return latexName(e.name);
    // (A minus before a minus keeps its brackets: -(-x), not --x, red team rt134.)
    case 'Neg': return `-${startsNegative(e.arg) ? parens(print(e.arg, true)) : operand(e.arg, PREC.neg, tail)}`;
    case 'Binary': return binary(e, tail);
    case 'Transpose': return `${scriptBase(e.arg)}^\\top`;
    case 'Factorial': return `${scriptBase(e.arg)}!`;
    case 'Call': {
      const { fn, args } = e;
      const plain = fn.index === null && !fn.hat && fn.primes === 0;
      if (plain && fn.base === 'sqrt' && args.length === 1) return `\\sqrt{${print(args[0]!, true)}}`;
      if (plain && fn.base === 'abs' && args.length === 1) return abs(print(args[0]!, true));
      if (plain && fn.base === 'norm' && args.length === 1) return norm(print(args[0]!, true));
      return `${latexName(fn, true)}(${args.map((a) => print(a, true)).join(', ')})`;
    }
    case 'Abs': return abs(print(e.arg, true));
    case 'Norm': return `${norm(print(e.arg, true))}${e.sub ? `_${script(e.sub)}` : ''}`;
    case 'Component': return `${latexName(e.of.name)}_{${e.indices.map((i) => print(i, true)).join(',')}}`;
    case 'BigOp':
      return `\\${e.op}_{${latexName(e.index)}=${tight(print(e.lower, true))}}^{${tight(print(e.upper, true))}} ${operand(e.body, PREC.mul, tail)}`;
    case 'Expect':
      return `${e.op === 'E' ? '\\mathbb{E}' : `\\operatorname{${e.op}}`}[${print(e.arg, true)}${e.second ? `, ${print(e.second, true)}` : ''}]`;
    case 'Deriv': {
      const d = e.partial ? '\\partial' : 'd';
      const wrt = latexName(e.wrt.name);
      // A name is differentiated as a quotient (∂g_T/∂g_0), anything else as an operator.
      // `d` is written against its name (`dy`, `dx`), as the grammar reads a total derivative.
      const sep = e.partial ? ' ' : '';
      if (e.body.kind === 'Var') return `\\frac{${d}${sep}${latexName(e.body.name)}}{${d}${sep}${wrt}}`;
      return `\\frac{${d}}{${d}${sep}${wrt}} ${operand(e.body, PREC.mul, tail)}`;
    }
    case 'Grad': return `\\nabla_${script(latexName(e.wrt.name))} ${operand(e.body, PREC.mul, tail)}`;
    case 'Limit':
      return `\\lim_{${print(e.wrt, true)} \\to ${print(e.to, true)}} ${operand(e.body, PREC.mul, tail)}`;
  }
}

/** An expression in LaTeX, e.g. `\beta v_{t-1} + (1 - \beta) g_t`; fractions as `\frac`. */
export function latexExpr(e: Expr): string {
  return print(e, true);
}

/** A formula in LaTeX: `0 < \beta < 1`, `A \iff B`, `H \text{ symmetric}`. */
export function latexFormula(f: Formula): string {
  switch (f.kind) {
    case 'Compare':
      return f.operands.map((o, i) => (i === 0 ? latexExpr(o) : ` ${latexRelation(f.ops[i - 1]!)} ${latexExpr(o)}`)).join('');
    case 'Logic':
      // (A chain's links, as it was written: A ⇔ B ⇔ C.)
      if (f.chain && f.right.kind === 'Logic') return `${latexFormula(f.left)} ${latexRelation(f.right.op)} ${latexFormula(f.right.right)}`;
      return `${latexFormula(f.left)} ${latexRelation(f.op)} ${latexFormula(f.right)}`;
    case 'TagFact': return `${latexExpr(f.subject)} \\text{ ${f.tag}}`;
  }
}

/** An expression or a formula. */
export function latexMath(x: Expr | Formula): string {
  return x.kind === 'Compare' || x.kind === 'Logic' || x.kind === 'TagFact' ? latexFormula(x) : latexExpr(x);
}

/** A dimension: `n`, `3`. */
function latexDim(d: Dim): string {
  return typeof d === 'number' ? String(d) : latexLetter(d);
}

/** A space: `\mathbb{R}`, `\mathbb{R}^{n}`, `\mathbb{R}^{n \times m}`. */
export function latexSpace(space: Space | null): string {
  if (space === null || space.dims.length === 0) return '\\mathbb{R}';
  return `\\mathbb{R}^{${space.dims.map(latexDim).join(' \\times ')}}`;
}

// ---------------------------------------------------------------------------
// Text

/** Characters with a meaning in LaTeX text, and how to write them. */
const TEXT_SPECIALS: Readonly<Record<string, string>> = table({
  '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', '$': '\\$', '&': '\\&', '#': '\\#', '%': '\\%',
  '_': '\\_', '^': '\\textasciicircum{}', '~': '\\textasciitilde{}', '<': '\\textless{}', '>': '\\textgreater{}',
  '|': '\\textbar{}', '"': "''",
});

/** Math symbols that may turn up in text (a title, a rule name), as math. */
const TEXT_MATH: Readonly<Record<string, string>> = table({
  '≤': '\\le', '≥': '\\ge', '≠': '\\ne', '→': '\\to', '⇔': '\\iff', '⇒': '\\implies', '∑': '\\sum',
  '∏': '\\prod', '√': '\\surd', '‖': '\\|', 'ᵀ': '^\\top', '⊤': '\\top', '·': '\\cdot', '×': '\\times',
  '÷': '\\div', '∞': '\\infty', '∇': '\\nabla', '∂': '\\partial', '∈': '\\in', 'ℝ': '\\mathbb{R}',
  '²': '^2', '³': '^3', '¹': '^1', '⁻': '^-', '−': '-', '≈': '\\approx', '∀': '\\forall', '∃': '\\exists',
  '∧': '\\wedge', '∨': '\\vee', '𝔼': '\\mathbb{E}', 'ℓ': '\\ell', '±': '\\pm', '⟨': '\\langle', '⟩': '\\rangle',
});

/** Non-ASCII characters pdflatex sets in text with its default UTF-8 input (accented Latin letters, typographic punctuation). */
const TEXT_SAFE = /^[À-ÏÑ-ÖØ-Ýß-ïñ-öø-ýÿ—–‘’“”…•«»¡¿§°]$/u;

/**
 * Text for a LaTeX document (a title, a section name, a rule name): LaTeX's special
 * characters escaped, math symbols and Greek letters as math, other characters pdflatex
 * cannot set replaced by `?`. Never emits a command that runs user text.
 */
export function latexText(text: string): string {
  let out = '';
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (chars[i + 1] === '\u0302') {
      out += `\\ensuremath{\\hat{${latexLetter(ch)}}}`;
      i++;
      continue;
    }
    const special = TEXT_SPECIALS[ch];
    if (special !== undefined) out += special;
    else if (/^[\x20-\x7e]$/.test(ch)) out += ch;
    else if (/^\s$/u.test(ch)) out += ' ';
    else if (GREEK_LATEX[ch] !== undefined) out += `\\ensuremath{${GREEK_LATEX[ch]}}`;
    else if (TEXT_MATH[ch] !== undefined) out += `\\ensuremath{${TEXT_MATH[ch]}}`;
    else if (TEXT_SAFE.test(ch)) out += ch;
    else if (/^\p{M}$/u.test(ch)) continue;
    else out += '?';
  }
  return out;
}
