import type { FailedMatchResult } from 'ohm-js';
import { notBuiltIn } from '../not-built-in.js';
import type { Range } from '../ast.js';
import { isBuiltinFunctionName } from '../builtins.js';
import { diagnostic, type Diagnostic, type Fix } from '../diagnostics.js';
import { table } from '../table.js';

/**
 * Turns a failed line match into a message a student understands: Ohm says where the match
 * stopped and what it expected there; we add what we know about the line (its brackets,
 * the token before the failure, which statement it is) and never mention rule names.
 */

/** The line that failed (without its comment) and its statement keyword (`define`, `vector`, …). */
export interface LineContext {
  readonly code: string;
  readonly keyword: string | null;
}

/** Brackets this deep are refused before parsing: Ohm recurses once per level. */
export const MAX_NESTING = 50;

// ---------------------------------------------------------------------------
// Brackets

// (LaTeX's \{ and \} are brackets of their own, two characters each: see scanBrackets.)
const CLOSER_OF: Readonly<Record<string, string>> = table({ '(': ')', '[': ']', '{': '}', '₍': '₎', '⁽': '⁾', '\\{': '\\}' });
const OPENER_OF: Readonly<Record<string, string>> = table({ ')': '(', ']': '[', '}': '{', '₎': '₍', '⁾': '⁽', '\\}': '\\{' });
const QUOTES: Readonly<Record<string, string>> = table({ '"': '"', '“': '”' });

interface Unclosed { readonly index: number; readonly open: string; readonly close: string; readonly what?: string }

interface BracketScan {
  /** Openers never closed (innermost last), bars without a partner, an unterminated string. */
  readonly unclosed: readonly Unclosed[];
  /** Closers with no opener, by index. */
  readonly unmatched: ReadonlyMap<number, string>;
  /** Where the nesting first goes deeper than MAX_NESTING, or null. */
  readonly tooDeepAt: number | null;
}

/** A bar that has no partner when bars pair up left to right. */
function unpairedBar(positions: readonly number[], bar: string, what: string): Unclosed | null {
  const index = positions.length % 2 === 1 ? positions[positions.length - 1] : undefined;
  return index === undefined ? null : { index, open: bar, close: bar, what };
}

/** Finds unclosed and unmatched brackets, bars and quotes in a line. */
export function scanBrackets(code: string): BracketScan {
  const stack: { index: number; open: string }[] = [];
  const unmatched = new Map<number, string>();
  const normBars: number[] = [];
  const absBars: number[] = [];
  let tooDeepAt: number | null = null;
  let unclosedString: Unclosed | null = null;
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    const quote = QUOTES[c];
    if (quote !== undefined) {
      const end = code.indexOf(quote, i + 1);
      if (end < 0) {
        unclosedString = { index: i, open: c, close: quote };
        break;
      }
      i = end;
    } else if (c === '\\' && (code[i + 1] === '{' || code[i + 1] === '}')) {
      const token = code.slice(i, i + 2);
      if (token === '\\{') {
        stack.push({ index: i, open: token });
        if (stack.length > MAX_NESTING && tooDeepAt === null) tooDeepAt = i;
      } else if (stack.length > 0 && stack[stack.length - 1]!.open === '\\{') stack.pop();
      else unmatched.set(i, token);
      i++;
    } else if (CLOSER_OF[c] !== undefined) {
      stack.push({ index: i, open: c });
      if (stack.length > MAX_NESTING && tooDeepAt === null) tooDeepAt = i;
    } else if (OPENER_OF[c] !== undefined) {
      if (stack.length > 0 && stack[stack.length - 1]!.open === OPENER_OF[c]) stack.pop();
      else unmatched.set(i, c);
    } else if (c === '‖') {
      normBars.push(i);
    } else if (c === '\\' && code[i + 1] === '|') {
      normBars.push(i);
      i++;
    } else if (c === '|') {
      if (code[i + 1] === '|') {
        normBars.push(i);
        i++;
      } else {
        absBars.push(i);
      }
    }
  }
  const unclosed: Unclosed[] = stack.map(({ index, open }) => ({ index, open, close: CLOSER_OF[open]! }));
  for (const bar of [unpairedBar(normBars, '‖', 'norm'), unpairedBar(absBars, '|', 'absolute value')]) {
    if (bar) unclosed.push(bar);
  }
  if (unclosedString) unclosed.push(unclosedString);
  return { unclosed, unmatched, tooDeepAt };
}

// ---------------------------------------------------------------------------
// Tokens around the failure

/** Relations people write that deriv does not know (≈, ~, =<, …). */
const UNKNOWN_RELATION =
  /^(?:=<|≈|≃|≅|≡|∼|~|∝|≪|≫|≲|≳|⊂|⊆|⊃|⊇|⇐|<==|:=|\\(?:approx|simeq|cong|equiv|sim|propto|ll|gg|subset|subseteq)(?![A-Za-z]))/u;

/** Spellings of operators and relations after which an expression must follow. */
const OPERATOR_BEFORE =
  /(?:<=>|<=|>=|!=|->|=>|==|\*\*|[=+\-−–*/^·⋅×÷⊙≤≥≠<>→⇔⇒⩽⩾⟶⟺⟹]|\\(?:le|leq|ge|geq|ne|neq|lt|gt|to|iff|implies|cdot|odot|times|rightarrow|Rightarrow|Leftrightarrow))$/u;

/** The unknown relation written at `index` (a line that starts with one still continues a chain). */
export function unknownRelationAt(code: string, index: number): string | null {
  return UNKNOWN_RELATION.exec(code.slice(index))?.[0] ?? null;
}

/** The token that starts at `p`: a word, a number, a LaTeX command, or one character. */
function tokenAt(code: string, p: number): string {
  const rest = code.slice(p);
  const match = /^(?:\\[A-Za-z]+|\d+(?:\.\d+)?|[\p{L}\p{N}_]+|.)/su.exec(rest);
  return match ? match[0] : rest.slice(0, 1);
}

/** The token that ends just before `end` (spaces skipped). */
function tokenBefore(code: string, end: number): string {
  const before = code.slice(0, end).trimEnd();
  const operator = OPERATOR_BEFORE.exec(before);
  if (operator) return operator[0];
  const match = /(?:\\?\p{L}+|\d+|.)$/su.exec(before);
  return match ? match[0] : '';
}

// ---------------------------------------------------------------------------
// What Ohm expected

/** Ohm's failure objects (not in its type declarations). */
interface OhmFailure {
  getText(): string;
  getType(): string;
  isFluffy(): boolean;
  getPExpr(): { ruleName?: string; expr?: { ruleName?: string } };
}
type FailingMatch = FailedMatchResult & { getRightmostFailures(): OhmFailure[] };

/** Phrases for described rules, by rule name. */
const RULE_PHRASES: Readonly<Record<string, string>> = table({
  number: 'an expression',
  relOp: 'a relation',
  connective: 'a relation',
  addOp: 'an operator',
  mulOp: 'an operator',
  string: 'a quoted string',
  matrixTag: 'a matrix property (symmetric, invertible, diagonal, positive definite, orthogonal)',
  dim: 'a dimension such as n or 3',
  reals: 'a space such as R^n',
  inKeyword: "'in R^n'",
  defineEquals: "'='",
  forAll: "'for all'",
  hintKeyword: "'by …'",
  pointsWord: "'points'",
  toSym: "'→'",
  blockKeyword: "'base:' or 'step:'",
});

/** Punctuation worth naming when it is what was expected. */
const PUNCTUATION = new Set([':', ')', ']', '}', ',', '(', '{', '[', '=', '_', '^']);

interface Expected {
  readonly phrases: readonly string[];
  readonly rules: ReadonlySet<string>;
  readonly strings: ReadonlySet<string>;
  /** A juxtaposed factor was refused because it is a number (`x 2`). */
  readonly numberRefused: boolean;
}

function expectedAt(match: FailedMatchResult): Expected {
  const failures = (match as FailingMatch).getRightmostFailures().filter((f) => !f.isFluffy());
  const rules = new Set<string>();
  const strings = new Set<string>();
  let numberRefused = false;
  let end = false;
  for (const failure of failures) {
    const pexpr = failure.getPExpr();
    if (failure.getType() === 'string') strings.add(failure.getText());
    else if (pexpr.ruleName) rules.add(pexpr.ruleName);
    else if (pexpr.expr?.ruleName === 'bareNumber') numberRefused = true;
    else if (failure.getText() === 'end of input') end = true;
  }
  const phrases: string[] = [];
  const add = (phrase: string) => { if (!phrases.includes(phrase)) phrases.push(phrase) };
  const inExpression = rules.has('number') || rules.has('addOp') || rules.has('mulOp');
  // In a justification, every kind of item (a fact, "2.2", a rule) is "a justification".
  if (rules.has('ruleName')) return { phrases: ['a justification'], rules, strings, numberRefused };
  if (rules.has('number')) add('an expression');
  else if (rules.has('nameLetter')) add('a name');
  for (const rule of rules) {
    // After an expression, `H invertible` is possible but not worth naming.
    if (rule === 'matrixTag' && inExpression) continue;
    if (RULE_PHRASES[rule] !== undefined) add(RULE_PHRASES[rule]);
  }
  for (const s of strings) if (PUNCTUATION.has(s) && !(inExpression && (s === '(' || s === '^'))) add(`'${s}'`);
  if (end) add('the end of the line');
  // Nothing we have words for: name the first few spellings Ohm tried.
  if (phrases.length === 0) for (const s of [...strings].slice(0, 5)) add(`'${s}'`);
  return { phrases, rules, strings, numberRefused };
}

/** `a, b or c`. */
function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? 'something else') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

// ---------------------------------------------------------------------------
// Messages

const DECLARATION_KEYWORDS = new Set(['scalar', 'integer', 'vector', 'matrix', 'function', 'random']);

/** What must follow a keyword, when the line stops right after it. */
function afterKeyword(word: string): string | null {
  if (DECLARATION_KEYWORDS.has(word)) return `a name to declare after '${word}'`;
  switch (word) {
    case 'define': return "a name to define after 'define', as in 'define v_0 = 0'";
    case 'assume': return "a condition after 'assume', such as 'ε > 0'";
    case 'show': return "a claim after 'show', such as 'a = b'";
    case 'answer': return `a quoted name after 'answer', as in 'answer "2.1": α = β'`;
    case 'title': case 'section': return `a quoted ${word === 'title' ? 'title' : 'name'} after '${word}', as in '${word} "2.1"'`;
    case 'by': case 'since':
      return `a justification after '${word}', such as 'def v', 'assumption', 'IH', '"2.2"', a rule name or a fact`;
    case 'def': case 'of': return "the name of a definition after 'def', as in 'def v'";
    case 'for': case 'all': return "a condition such as 't ≥ 1' after 'for'";
    case 'as': return "a limit such as 'T → ∞' after 'as'";
    case 'in': return "a space such as R^n after 'in'";
    case 'with': return "facts such as 'E[x] = 0' after 'with'";
    case 'on': return "the induction variable after 'on'";
    case 'dividing': return "'by' and a fact after 'dividing', as in 'dividing by ε > 0'";
    default: return null;
  }
}

/** Big operators and what their subscript holds, for `∑ x` without bounds. */
const BIG_OPERATOR_SUBSCRIPT: Readonly<Record<string, string>> = table({
  '∑': '∑_{i=1}^{n}', sum: 'sum_{i=1}^{n}', '\\sum': '\\sum_{i=1}^{n}',
  '∏': '∏_{i=1}^{n}', prod: 'prod_{i=1}^{n}', '\\prod': '\\prod_{i=1}^{n}',
  '∇': '∇_x f', '\\nabla': '\\nabla_x f', lim: 'lim_{T→∞}', '\\lim': '\\lim_{T→∞}',
});

/** A message that knows the context: a define without '=', a vector without 'in R^n', ∑ without bounds, … */
function contextMessage(keyword: string | null, expected: Expected, previous: string, before: string, found: string | null, tight = false, after = ''): string | null {
  const { rules, strings } = expected;
  const derivative = /(?:\bd|∂|\\partial)\s*\/\s*(?:d|∂|\\partial)\s*\\?\p{L}+$/u.exec(before);
  if (derivative) return `the expression to differentiate after '${derivative[0]}', as in ${derivative[0]} f(x)`;
  const fn = /(?:λ_(?:max|min)|lambda_(?:max|min)|\\lambda_\{?\\?(?:max|min)\}?|\bnorm|\babs|\bdiag|\bmax|\bmin)$/u.exec(before);
  if (strings.has('(') && fn) return `'(' after '${fn[0]}', as in ${fn[0]}(A)`;
  if (/(?<![|\\])\|$/u.test(before) && found?.startsWith('_')) {
    return 'the end of the line or an operator after |…|: an absolute value takes no subscript (a norm does: ‖x‖_2)';
  }
  // `A⁻ = A`, `A⁻⁻ᵀ`: a superscript minus with no number or ᵀ after it (the list of what may
  // follow it named five superscript letters, not the ¹ or ᵀ meant; red team).
  if (/⁻$/u.test(before) && !/^[⁰¹²³⁴⁵⁶⁷⁸⁹ᵀ⊤]/u.test(after)) return "a superscript number or ᵀ after '⁻', as in A⁻¹ or A⁻ᵀ";
  // `A^{-1}^T`: a superscript after a braced one (invalid LaTeX too; red team: "expected the end
  // of the line, not '^'" said nothing of the brackets it needs).
  const stacked = /([\p{L}\p{N}_'′]*)\^\{([^{}]*)\}$/u.exec(before);
  if (stacked && found?.startsWith('^')) {
    // (A name's text as the base where it is one, short: `(I − A)^{-1}^T` says (A^{-1})^T.)
    const base = stacked[1] && stacked[1].length <= 12 ? stacked[1] : 'A';
    const second = /^\^(?:\{[^{}]*\}|[^\s{}])/u.exec(after)?.[0] ?? '^…';
    return `an operator or the end of the line: a second superscript needs brackets around the first, as in (${base}^{${stacked[2]}})${second}`;
  }
  const example = BIG_OPERATOR_SUBSCRIPT[previous];
  if (example !== undefined && strings.has('_')) return `a subscript after '${previous}', as in ${example}`;
  if (strings.has('^') && /(?:∑|∏|sum|prod)_\{[^}]*\}$/u.test(before)) return "'^' and the upper bound, as in ∑_{i=1}^{n}";
  if (rules.has('relOp') && /(?:\bfor|∀|\\forall)(?:\s+all)?\s+\S+$/u.test(before)) {
    return `a relation after '${previous}', as in 'for all t ≥ 0'`;
  }
  if (keyword === 'define' && rules.has('defineEquals')) {
    // `define θ_new = …`: a subscript without braces is one character (LANGUAGE.md §1).
    const script = /(\p{L})_(\p{L})$/u.exec(before);
    const word = found !== null && tight ? /^\p{L}+/u.exec(found) : null;
    if (script && word) {
      return `'=' and a value after the name in a define (a subscript without braces is one character: for the subscript '${script[2]}${word[0]}' write ${script[1]}_{${script[2]}${word[0]}})`;
    }
    return "'=' and a value after the name in a define";
  }
  if ((keyword === 'vector' || keyword === 'matrix') && rules.has('inKeyword')) {
    return keyword === 'vector' ? "'in R^n' after the vector's names" : "'in R^{n×n}' after the matrix's names";
  }
  if (keyword === 'function' && strings.has(':') && !rules.has('number')) {
    return "':' and the function's domain and codomain after its name, as in 'function f : R^n → R'";
  }
  if (keyword === 'function' && rules.has('toSym') && !rules.has('number')) {
    return "'→' and the codomain, as in 'function f : R^n → R'";
  }
  if (rules.has('reals')) return `a space such as R^n after '${previous}'`;
  if (keyword === 'matrix' && rules.has('matrixTag') && !rules.has('number')) {
    return 'a matrix property (symmetric, invertible, diagonal, positive definite, orthogonal) or the end of the line';
  }
  if ((keyword === 'show' || keyword === 'answer') && strings.has(':') && previous.endsWith('"')) {
    return `':' after the ${keyword}'s name`;
  }
  return null;
}

/** A range in the line: `length` characters from `index`, cut at the line's end. */
function rangeAt(ctx: LineContext, index: number, length = 1): Range {
  return [index, index + Math.min(length, Math.max(0, ctx.code.length - index))];
}

/**
 * A built-in function's name written after `^` without braces (`e^sin(x)`, `2^\\sin x`) whose
 * letters hold the failure at p: the name, its range in the line and the braced spelling; or null.
 */
function functionInExponentAt(code: string, p: number): { name: string; braced: string; range: Range; fix?: Fix } | null {
  // (After `^` or `**`, and a minus: `e^-sin x`, `e**sin(x)`.)
  for (const m of code.matchAll(/(?:\^|\*\*)\s*([-−–]\s*)?(\\?)(\p{L}+)/gu)) {
    const letters = m[3]!;
    const start = m.index + m[0].length - letters.length;
    if (p < start) continue;
    // (The longest built-in name the letters start with: `sin` of `sinx`.)
    let name = letters;
    while (name.length > 1 && !isBuiltinFunctionName(name)) name = name.slice(0, -1);
    if (!isBuiltinFunctionName(name)) continue;
    const base = /(?:\\?[\p{L}\p{N}_.′']+|[)\]}])\s*$/u.exec(code.slice(0, m.index))?.[0].trim();
    const shown = base === undefined || /^[)\]}]$/u.test(base) ? '(…)' : base;
    // (Where a bracketed argument follows the name, the fix puts braces around both: e^{sin(x)}.)
    let close: number | null = null;
    if (code[start + name.length] === '(') {
      let depth = 0;
      for (let i = start + name.length; i < code.length; i++) {
        if (code[i] === '(') depth++;
        else if (code[i] === ')' && --depth === 0) {
          close = i + 1;
          break;
        }
      }
    }
    // The match stops inside the name (`e^cos(x)`), or inside the call's brackets where the
    // name was read as a command: `e^\min(x, 1)` failed at its comma, "expected ')'".
    if (p > start + letters.length && (close === null || p >= close)) continue;
    const from = m.index + m[0].indexOf(m[1] ? m[1] : m[2] ? m[2] : letters);
    return {
      name, braced: `${shown}^{${m[1] ? '-' : ''}${name}(…)}`, range: [start - m[2]!.length, start + name.length],
      ...(close !== null && code.slice(m.index, m.index + 2) !== '**' ? { fix: { message: `write ${shown}^{${code.slice(from, close)}}`, edits: [{ range: [from, from] as Range, text: '{' }, { range: [close, close] as Range, text: '}' }] } } : {}),
    };
  }
  return null;
}

/**
 * Where a line stops right after an exponent's operator that opens a bracket (`e^E[x]`, `e^Var[x]`,
 * `e^\\mathbb{E}[x]` at '[', `e^\\|x\\|` at '|'): that operator with its bracket and where it starts; else null.
 */
function bracketExponentAt(code: string, p: number): { found: string; start: number } | null {
  const before = code.slice(0, p);
  if (code[p] === '[') {
    const m = /\^\s*([-−–]\s*)?(E|𝔼|Var|Cov|\\mathbb\s*\{\s*E\s*\}|\\(?:operatorname|mathrm|text)\s*\{\s*(?:E|Var|Cov)\s*\})\s*$/u.exec(before);
    // (With its minus: e^-E[x] is e^{-E[x]}.)
    if (m) return { found: `${m[1] ? '-' : ''}${m[2]}[`, start: m.index + m[0].indexOf(m[1] ?? m[2]!) };
  }
  if (code[p] === '|' && /\^\s*(?:[-−–]\s*)?\\$/u.test(before)) return { found: '\\|', start: p - 1 };
  return null;
}

/** A word joining a condition to `for all`'s names: `:`, with, such that, s.t., where, if, when, provided, unless, except. */
const CONNECTIVE = String.raw`(?::|with\b|such\s+that\b|s\.\s?t\.|st\b|where\b|if\b|when\b|whenever\b|provided(?:\s+that)?\b|given\b|unless\b|except(?:\s+(?:at|when|for|where))?\b)`;

/** `for all`, `∀` or `\forall` on an assumption line, then the names after it: group 1 from the quantifier, group 2 the names. */
const FOR_ALL_NAMES = String.raw`^\s*assume\b.*?((?:\bfor\s+all|∀|\\forall)\s*((?:[^\s,<>=≤≥≠∈\\]+\s*,\s*)*[^\s,<>=≤≥≠∈\\]+))`;
/** A relation as the next token, Unicode or LaTeX. */
const RELATION = String.raw`(?:[<>=≤≥≠∈⩽⩾]|\\(?:in|le|ge|leq|geq|neq)(?![A-Za-z]))`;

/**
 * A condition where an assumption's `for all` takes names only: after the names
 * (`for all z > 0`, `for all z ∈ R`), after their comma (`for all z, w > 0`, `for all z,
 * 0 < w`: maybe an assumption of its own) or in their place (`for all 0 < z < 1`) — not
 * "expected ',', not '>'" or "expected a condition such as 't ≥ 1' after 'for'". Null for
 * any other failure.
 */
function forAllCondition(ctx: LineContext, code: string, p: number): Diagnostic | null {
  // (Where the parse stopped inside a command, `\in`, from its backslash.)
  const q0 = code[p - 1] === '\\' ? p - 1 : p;
  const before = code.slice(0, q0);
  const to = (start: number): Range => rangeAt(ctx, start, code.trimEnd().length - start);
  const named = new RegExp(`${FOR_ALL_NAMES}\\s*$`, 'u').exec(before);
  if (named && new RegExp(`^\\s*(?:${RELATION}|in\\b)`, 'u').test(code.slice(q0))) {
    const last = /([^\s,]+)\s*$/u.exec(named[2]!)![1]!;
    const condition = `${last} ${firstClause(code.slice(q0)).trim()}`.slice(0, 60);
    const reals = /^\s*(?:∈|in\b|\\in(?![A-Za-z]))\s*(?:R|ℝ|\\R|\\mathbb\s*\{?\s*R\s*\}?)(?:\s*\^\s*\{?[^}]*\}?)?\s*$/u.test(code.slice(q0));
    // (After a comma, `for all z, w > 0`: the condition's name is not one of the names, and
    // the condition may be an assumption of its own — not `z ∈ (−1, 1)`, which is none.)
    const afterComma = !reals && /,\s*[^\s,]+\s*$/u.test(named[2]!);
    const apart = afterComma && !/^\s*(?:in\b|∈|\\in(?![A-Za-z]))/u.test(code.slice(q0));
    const listed = (afterComma ? named[2]!.replace(/,\s*[^\s,]+\s*$/u, '') : named[2]!).replace(/\s+/gu, ' ');
    // (`f(x) ≤ f(y) for all x ≤ y`: y, which the assumption reads too, is one of the names.)
    const names = [listed, ...alsoRead(condition, code.slice(0, before.lastIndexOf(named[1]!)), listed.split(', '))].join(', ');
    return diagnostic('for-all-condition', { condition, names, ...(reals ? { reals } : {}), ...(apart ? { apart } : {}) }, to(before.lastIndexOf(named[1]!)));
  }
  // `for all z: |z| < 1`, `for all z with …`, `such that`, `s.t.`, `where`, `if`, `when`,
  // `provided`: a condition meant for the names.
  const joined = named ? new RegExp(`^\\s*${CONNECTIVE}\\s*(.*)$`, 'u').exec(code.slice(q0)) : null;
  if (named && joined && new RegExp(RELATION, 'u').test(joined[1]!)) {
    return diagnostic('for-all-condition', { condition: joined[1]!.trim().slice(0, 60), names: named[2]!.replace(/\s+/gu, ' ') }, to(before.lastIndexOf(named[1]!)));
  }
  // `assume ∀ z: f(z) ≥ 0`, `assume for all z, f(z) ≥ 0`: the quantifier first, as in logic.
  const first = /^(\s*assume\s+)((?:for\s+all|∀|\\forall(?![A-Za-z]))\s*((?:[\p{L}][\p{L}\p{N}_']*\s*,\s*)*[\p{L}][\p{L}\p{N}_']*(?![\p{L}\p{N}_']|\s*\()))(?:\s*(?:∈|\\in(?![A-Za-z])|in\b)\s*(?:R|ℝ|\\R|\\mathbb\s*\{?\s*R\s*\}?)(?:\s*\^\s*\{?[^},:]*\}?)?)?\s*[:,.]?\s*(.+)$/u.exec(code);
  if (first && new RegExp(RELATION, 'u').test(first[4]!) && p <= first[1]!.length + first[2]!.length + 2) {
    const names = first[3]!.replace(/\s+/gu, ' ');
    // (With a condition on the names, `∀ z > 0: f(z) ≥ 0`, `∀ z, |z| < 1: …`: that is the error.)
    const lastName = names.split(', ').pop()!;
    const colon = topLevelColon(first[4]!);
    const onNames = new RegExp(`^\\s*${RELATION}`, 'u').test(first[4]!) ? `${lastName} ${firstClause(first[4]!.slice(0, colon ?? undefined)).trim()}`
      : colon !== null ? first[4]!.slice(0, colon).trim() : null;
    if (onNames) return diagnostic('for-all-condition', { condition: onNames.slice(0, 60), names }, rangeAt(ctx, first[1]!.length, first[2]!.length));
    const end = code.trimEnd().length;
    const fix = { message: `write 'for all ${names}' after the condition`, edits: [{ range: [first[1]!.length, end] as Range, text: `${first[4]!.trimEnd()} for all ${names}` }] };
    return diagnostic('for-all-first', { condition: first[4]!.trim().slice(0, 60), names }, rangeAt(ctx, first[1]!.length, first[2]!.length), { fixes: [fix] });
  }
  const rest = code.slice(p).trim();
  // `for all 0 < z < 1`, `for all |z| < 1`: a condition in place of the names.
  const bare = /^\s*assume\b.*?((?:\bfor\s+all|∀|\\forall)\s*)$/u.exec(code.slice(0, p));
  if (bare && new RegExp(RELATION, 'u').test(rest)) {
    const name = /(?:^|[^\p{L}\\])(\p{L}[\p{L}\d_]*)(?!\s*\()/u.exec(rest)?.[1] ?? 'z';
    return diagnostic('for-all-condition', { condition: rest.slice(0, 60), names: name }, to(code.slice(0, p).lastIndexOf(bare[1]!)));
  }
  // `for all z, 0 < w`: a condition that starts with a number after the names' comma.
  const listed = new RegExp(`${FOR_ALL_NAMES}\\s*,\\s*$`, 'u').exec(code.slice(0, p));
  if (listed && new RegExp(`^[\\d.]+\\s*${RELATION}`, 'u').test(code.slice(p))) {
    return diagnostic('for-all-condition', { condition: rest.slice(0, 60), names: listed[2]!.replace(/\s+/gu, ' '), apart: true }, to(code.slice(0, p).lastIndexOf(listed[1]!)));
  }
  return conditionAfterNames(ctx, code, p);
}

/** The one-letter names (Latin or Greek) a condition reads that the assumption before it reads too, other than `names`. */
function alsoRead(condition: string, assumption: string, names: readonly string[]): string[] {
  const letters = (text: string): string[] => [...text.matchAll(/(?<![\p{L}\p{N}_\\])(\p{L})(?![\p{L}\p{N}(])/gu)].map((m) => m[1]!);
  const before = new Set(letters(assumption.replace(/^\s*assume\b/u, '')));
  return [...new Set(letters(condition))].filter((l) => before.has(l) && !names.includes(l));
}

/** The first ':' outside brackets, or null (`|z| < 1: f(z) ≥ 0`; not `\\{x : …\\}`). */
function topLevelColon(text: string): number | null {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
    else if (c === ':' && depth === 0) return i;
  }
  return null;
}

/** The pieces of `text` between a ',' or an ' and ' outside brackets, each with its offset. */
function topLevelItems(text: string): { text: string; start: number }[] {
  const items: { text: string; start: number }[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
    const and = depth === 0 && /^and\b/u.test(text.slice(i)) && /\s$/u.test(text.slice(0, i));
    if (i === text.length || (depth === 0 && c === ',') || and) {
      items.push({ text: text.slice(start, i), start });
      start = i + (and ? 3 : 1);
      if (and) i += 2;
    }
  }
  return items;
}

/** Text up to its first ',' or ' and ' outside brackets (`z in (-1, 1), g(z) ≤ 0 for all z` → `z in (-1, 1)`). */
function firstClause(text: string): string {
  return topLevelItems(text)[0]!.text;
}

/** A name in a `for all` list: a letter, then letters, digits, primes and a subscript. */
const LISTED_NAME = /^(?:[\p{L}][\p{L}\p{N}']*|\\(?!in$)[A-Za-z]+)(?:_(?:\{[^{}]*\}|[\p{L}\p{N}]+))?$/u;

/**
 * `for all z, |z| < 1`, `for all z, g(z) ≤ 1`, `for all z and -1 < z < 1`: after the names, a
 * condition with no `for all` of its own (the grammar's ForAllNames will not end there). It may
 * be meant for the `for all` or be an assumption of its own, so it is the for-all error with
 * both readings. Null where the failure is not there.
 */
function conditionAfterNames(ctx: LineContext, code: string, p: number): Diagnostic | null {
  // (The last quantifier before the failure: `…, g(z) ≤ 0 for all z, |z| < 1`.)
  if (!/^\s*assume\b/u.test(code)) return null;
  const quantifiers = [...code.matchAll(/(\bfor\s+all|∀|\\forall(?![A-Za-z]))/gu)].filter((m) => m.index! + m[0].length <= p);
  const last = quantifiers[quantifiers.length - 1];
  if (!last) return null;
  const from = last.index! + last[0].length;
  // The items after the quantifier at the top level of brackets, cut at ',' and 'and'.
  const items = topLevelItems(code.slice(from)).map((it) => ({ text: it.text, start: it.start + from }));
  let n = 0;
  while (n < items.length && LISTED_NAME.test(items[n]!.text.trim())) n++;
  if (n === 0 || n === items.length) return null;
  // (The first clause after the names: `, |z| < 1 and g(z) ≤ 0 for all z` is |z| < 1; a word
  // before it, `, such that z < 1`, is not part of it.)
  const condition = items[n]!.text.trim().replace(new RegExp(`^${CONNECTIVE}\\s*`, 'u'), '');
  if (!new RegExp(RELATION, 'u').test(condition) || /\bfor\s+all\b|∀|\\forall/u.test(condition)) return null;
  const names = items.slice(0, n).map((it) => it.text.trim()).join(', ');
  const at = last.index!;
  return diagnostic('for-all-condition', { condition: condition.slice(0, 60), names, apart: true }, rangeAt(ctx, at, code.trimEnd().length - at));
}

/** A diagnostic for a line that did not match; its range is an offset into the line. */
export function explainFailure(ctx: LineContext, match: FailedMatchResult): Diagnostic {
  const { code } = ctx;
  const failedAt = match.getRightmostFailurePosition();
  const contentEnd = code.trimEnd().length;
  const atEnd = failedAt >= contentEnd;
  const p = Math.min(failedAt, contentEnd);
  const brackets = scanBrackets(code);

  const unclosed = brackets.unclosed.filter((u) => u.index <= p);
  const innermost = unclosed[unclosed.length - 1];
  const previousToken = tokenBefore(code, p);
  const previousStart = code.slice(0, p).trimEnd().length - previousToken.length;
  const previous = visibleToken(previousToken);
  // `x =< y` fails after '=': the unknown relation starts at the token before the failure.
  const unknownRelation = unknownRelationAt(code, p) ?? (previous === '=' ? unknownRelationAt(code, previousStart) : null);
  // `a + b \right)`: the sizing command stands before the closer that closes nothing.
  const sized = /^\\(?:right|bigr|Bigr|biggr|Biggr|big|Big|bigg|Bigg)\s*/u.exec(code.slice(p));
  // (A `\}` that closes nothing fails after its backslash.)
  const closerAt = sized && brackets.unmatched.has(p + sized[0].length) ? p + sized[0].length
    : !brackets.unmatched.has(p) && code[p - 1] === '\\' && brackets.unmatched.get(p - 1) === '\\}' ? p - 1 : p;
  const closer = brackets.unmatched.get(closerAt);

  // `e^sin(x)`, `2^sin x`: an exponent without braces is one atom, so the match stopped inside
  // the function's name (before `in`, a keyword): the resolver's message for e^cos(x), not
  // "expected the end of the line, not 'in'".
  const exponentFunction = functionInExponentAt(code, p);
  if (exponentFunction) {
    return diagnostic('function-in-exponent', { name: exponentFunction.name, braced: exponentFunction.braced }, exponentFunction.range, exponentFunction.fix ? { fixes: [exponentFunction.fix] } : {});
  }
  if (unknownRelation) {
    const start = code.startsWith(unknownRelation, p) ? p : previousStart;
    return diagnostic('unknown-relation', { relation: unknownRelation }, rangeAt(ctx, start, unknownRelation.length));
  }
  if (closer !== undefined) {
    return diagnostic('unmatched-closer', { close: closer, open: OPENER_OF[closer]! }, rangeAt(ctx, closerAt));
  }
  if (innermost) {
    const args = innermost.what ? { open: innermost.open, close: innermost.close, what: innermost.what }
      : { open: innermost.open, close: innermost.close };
    return diagnostic('unclosed', args, rangeAt(ctx, innermost.index));
  }

  const expected = expectedAt(match);
  const token = atEnd ? null : tokenAt(code, p);
  const range = rangeAt(ctx, p, token?.length ?? 0);
  // A failure at a space (`λ_min A`) names no token: "expected '(' after 'λ_min'".
  const found0 = token !== null && /^\s$/u.test(token) && !isKnownCharacter(token) && /[^\s]/u.test(code.slice(p)) ? null : token;
  const found = found0 === null ? null : visibleToken(found0);
  // An invisible character where the line stops reading is the cause, whatever was expected.
  if (found0 !== null && INVISIBLE.test(found0[0]!)) {
    return diagnostic('unexpected-character', { char: visibleToken(found0[0]!), expected: orList(expected.phrases) }, rangeAt(ctx, p, found0[0]!.length));
  }

  if (found !== null && VULGAR.test(found) && /\d$/u.test(code.slice(0, p))) {
    const whole = /\d+$/u.exec(code.slice(0, p))![0];
    return diagnostic('mixed-number', { whole, fraction: found[0]! }, rangeAt(ctx, p - whole.length, whole.length + 1));
  }
  // (Tight after a closing bracket too, `(x+1)2`, `sin(x)2`: "expected the end of the line,
  // not '2'" said nothing of why, red team rt130.)
  if (found !== null && /^\d/u.test(found) && (expected.numberRefused || /[)\]}]$/u.test(code.slice(0, p)))) {
    // (After a bracket, `exp(y) 2`, "write )·2" would read oddly.)
    const written = /^[\p{L}\p{N}]/u.test(previous) ? `write ${previous}·${found}` : `write · or * before it`;
    return diagnostic('syntax', {
      expected: `an operator before the number '${found}' (${written}, or put the number first)`,
    }, range);
  }
  // (A one-sided limit, `lim_{x→0⁺}`, `\lim_{x \to 0^+}`, `x→0+`: not built in; it was
  // "expected '}', not '⁺'" or "an expression after '^'", red team rt130.)
  const lim = /(?:lim|\\lim)\s*_\s*\{[^{}]*(?:→|->|\\to|\\rightarrow)[^{}]*$/u.exec(code.slice(0, p));
  const after = code.slice(p);
  if (lim && (/^[⁺⁻]/u.test(after) || (/[+-]\s*$/u.test(code.slice(0, p)) && /^\s*\}/u.test(after))
    || (/\^\s*$/u.test(code.slice(0, p)) && /^\s*\{?\s*[+-]\s*\}?\s*\}/u.test(after)))) {
    return diagnostic('syntax', { expected: `a limit as its variable goes to a value or ∞ (a one-sided limit, from above or below with ⁺ or ⁻, is not built in)` }, range);
  }
  const forAll = forAllCondition(ctx, code, p);
  if (forAll) return forAll;
  // ∛x, ∜x, \\sqrt[3]{x}: an n-th root, not built in (not "unexpected character '∛'" or
  // "expected the end of the line, not '['").
  const root = /^[∛∜]/u.exec(code.slice(p)) ?? (code[p] === '[' ? /(?:\\sqrt|√)\s*$/u.exec(code.slice(0, p)) : null);
  if (root) {
    const start = root[0] === '∛' || root[0] === '∜' ? p : p - root[0].length;
    const index = /^\[\s*([^\]]{1,8}?)\s*\]/u.exec(code.slice(p))?.[1];
    const n = root[0] === '∛' ? '3' : root[0] === '∜' ? '4' : index ?? 'n';
    const written = root[0] === '∛' || root[0] === '∜' ? `${root[0]}…` : root[0].startsWith('√') ? `√[${n}]…` : `\\sqrt[${n}]{…}`;
    // (\\sqrt[2]{x} is the square root, which is built in: √x, \\sqrt{x}.)
    if (n === '2') return diagnostic('syntax', { expected: `\\sqrt{…} for a square root, without the [2]` }, rangeAt(ctx, start, root[0].length + code.slice(p).indexOf(']') + 1));
    return diagnostic('nth-root', { written, n }, rangeAt(ctx, start, root[0] === '∛' || root[0] === '∜' ? 1 : root[0].length + (index !== undefined ? code.slice(p).indexOf(']') + 1 : 1)));
  }
  // ∂²/∂x∂y, \\frac{\\partial^2}{\\partial x \\partial y}: a mixed second derivative, not "expected '^{2}'".
  if (/^(?:∂|\\partial(?![A-Za-z]))/u.test(code.slice(p)) && /(?:∂|\\partial)\s*(?:\^\s*\{?\s*2\s*\}?|²)[^∂\\]*(?:∂|\\partial)\s*[\p{L}\\][\p{L}\d_{}\s]*$/u.test(code.slice(0, p))) {
    return diagnostic('mixed-partial', {}, rangeAt(ctx, p, code.startsWith('∂', p) ? 1 : '\\partial'.length));
  }
  // ‖x‖_∞, \\|x\\|_\\infty: the max norm, named as ‖x‖_1 is (not "expected a subscript after '_'").
  const infinityNorm = /(?:‖|\|\||\\\||\\rVert|\\Vert)\s*_\s*\{?\s*\\?$/u.exec(code.slice(0, p));
  if (infinityNorm && /^(?:∞|infty(?![A-Za-z])|\\infty(?![A-Za-z]))/u.test(code.slice(p))) {
    const start = p - infinityNorm[0].length + infinityNorm[0].indexOf('_');
    return diagnostic('unknown-norm', { sub: '∞' }, rangeAt(ctx, start, p - start + (code.startsWith('∞', p) ? 1 : /^\\?infty/u.exec(code.slice(p))![0].length)));
  }
  // ⟨x, y⟩, \\langle x, y \\rangle: an inner product (not "unexpected character '⟨'").
  const angle = /^(?:⟨|\\langle(?![A-Za-z]))/u.exec(code.slice(p)) ?? (code[p - 1] === '\\' && /^langle(?![A-Za-z])/u.test(code.slice(p)) ? ['\\langle'] : null);
  if (angle) {
    const start = code[p - 1] === '\\' && !code.startsWith('\\', p) ? p - 1 : p;
    return diagnostic('inner-product', { open: angle[0] }, rangeAt(ctx, start, angle[0].length));
  }
  // (A x)_1, (x + y)_i: a component of a bracket (not "unexpected character '_1'").
  const component = /^_\s*(\{[^}]{1,12}\}|[\p{L}\d]+)/u.exec(code.slice(p));
  if (component && /\)\s*$/u.test(code.slice(0, p))) {
    return diagnostic('component-of-expression', { sub: component[1]! }, rangeAt(ctx, p, component[0].length));
  }
  // An expectation or a norm right after '^' (`e^E[x]`, `e^\mathbb{E}[x]`, `e^\|x\|`): more
  // than an exponent's one atom, not "expected the end of the line, not '['" or "unknown command '\|'".
  const bracketExponent = bracketExponentAt(code, p);
  if (bracketExponent) return diagnostic('exponent-braces', { found: bracketExponent.found }, rangeAt(ctx, bracketExponent.start, bracketExponent.found.length));
  // (The entry-by-entry product's other spellings, ∘ and ⨀, `\\circ`, `\\bigodot`, said how to
  // write; and an operator command where none may stand, `\\odot b` opening a line: not an
  // unknown command. The command is the whole word around the failure, read in part or not.)
  const commandStart = /\\[A-Za-z]*$/u.exec(code.slice(0, p))?.index ?? (code[p] === '\\' ? p : -1);
  const command = commandStart >= 0 ? /^\\[A-Za-z]+/u.exec(code.slice(commandStart))?.[0] ?? null : null;
  const lookalike = command !== null && /^\\(?:circ|bigodot)$/u.test(command) ? command : /^[∘⨀]/u.exec(code.slice(p))?.[0];
  if (lookalike) return diagnostic('hadamard-spelling', { written: lookalike }, rangeAt(ctx, command === lookalike ? commandStart : p, lookalike.length));
  if (command !== null && /^\\(?:cdot|odot|times)$/u.test(command)) {
    return diagnostic('syntax', { expected: `an expression, not the operator '${command}' (it needs an expression on its left)` }, rangeAt(ctx, commandStart, command.length));
  }
  if (code[p - 1] === '\\' && found !== null) {
    // (`\\sec x`, `\\arcsin x`: real LaTeX commands for functions deriv does not build in.)
    const known = notBuiltIn(found, null);
    if (known) return diagnostic('not-built-in', { name: found, inverse: known.inverse, ...(known.instead ? { instead: known.instead.replace(/\p{L}+(?=\()/gu, '\\$&') } : {}) }, rangeAt(ctx, p - 1, found0!.length + 1));
    return diagnostic('unknown-command', { command: `\\${found}` }, rangeAt(ctx, p - 1, found0!.length + 1));
  }
  // A command read only in part (`\cosh`: `\cos` then 'h'): the whole word is the unknown command.
  const partial = /\\([A-Za-z]+)$/u.exec(code.slice(0, p));
  if (partial && found !== null && /^[A-Za-z]/u.test(found)) {
    const command = `\\${partial[1]}${/^[A-Za-z]*/u.exec(code.slice(p))![0]}`;
    return diagnostic('unknown-command', { command }, rangeAt(ctx, p - partial[0].length, command.length));
  }
  if (found !== null && /^(?:⇔|⟺|⇒|⟹|<=>|=>|∧|∨|and|or|\\iff|\\implies|\\land|\\lor|\\wedge|\\vee)$/u.test(found) && expected.rules.has('relOp')) {
    return diagnostic('syntax', {
      expected: `a relation such as '=' before '${found}', which joins statements (x = 3 ${found} y = 1): what comes before it is an expression`,
    }, range);
  }
  const contextual = contextMessage(ctx.keyword, expected, previous, code.slice(0, p).trimEnd(), found, !/\s$/u.test(code.slice(0, p)), code.slice(p)) ?? (
    code.slice(0, p).trim().length > 0 ? afterKeyword(previous) : null);
  if (contextual !== null) {
    return diagnostic('syntax', { expected: found === null ? contextual : `${contextual}, not '${found}'` }, range);
  }
  // A word that starts with '_' (`__proto__`) is a name only once declared: say so, not "expected an expression".
  const underscored = /^_+[\p{L}\p{N}][\p{L}\p{N}_]*/u.exec(code.slice(p))?.[0];
  if (underscored && expected.phrases.includes('an expression')) {
    return diagnostic('undeclared-word', { name: underscored }, rangeAt(ctx, p, underscored.length));
  }
  // A root, sum, norm or bar after '^' starts an expression that is more than an exponent's one
  // atom (`x^√2`, `e^∑…`): braces, as in LaTeX, not "expected an expression".
  const bigExponent = (previous === '^' || (previous === '-' && /\^\s*-$/u.test(code.slice(0, p).trimEnd()))) && found !== null ? /^(?:[√∛∜∑∏∇∂‖|]|\\(?:sum|prod|nabla|partial|lVert|lvert|left|vert|Vert|\|))/u.exec(code.slice(p)) : null;
  if (bigExponent) return diagnostic('exponent-braces', { found: bigExponent[0] }, range);
  if (expected.phrases.includes('an expression') && OPERATOR_BEFORE.test(code.slice(0, p).trimEnd())) {
    return diagnostic('missing-operand', { after: previous }, range);
  }
  if (previous === '_') return diagnostic('syntax', { expected: "a subscript after '_', as in v_t or v_{t-1}" }, range);
  // (Square brackets or braces where an expression starts, `[x + 1]^2`, `\left[ … \right]`,
  // `{x}^2`: brackets group only as ( ); "expected an expression, not '['" did not say so,
  // red team rt130. Not after `E`, `Var`, `Cov`, whose [ ] are theirs, nor a name's `_{…}`.)
  if (found !== null && /^[[{]/u.test(found) && !/(?:(?:E|Var|Cov|𝔼)\s*|[_^]\s*)$/u.test(code.slice(0, p).replace(/\\left\s*$/u, ''))) {
    return diagnostic('syntax', { expected: `an expression, not '${found[0]}': brackets group only as ( ), so write (…) for it` }, range);
  }
  const list = orList(expected.phrases);
  if (found === null) return diagnostic('syntax', { expected: `${list} after '${previous}'` }, range);
  if (!isKnownCharacter(found0!)) {
    return diagnostic('unexpected-character', { char: found0 !== found ? found : `'${found}'`, expected: list }, range);
  }
  return diagnostic('syntax', { expected: `${list}, not '${found}'` }, range);
}

/** A Unicode fraction (½ ⅓ …). */
const VULGAR = /^[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒]/u;

/** Characters the grammar uses somewhere (anything else is a stray character). */
const KNOWN_SYMBOLS = new Set([...'()[]{}|‖+-−–*/·⋅∙×÷⊙^=<>≤≥≠→⟶⇔⟺⇒⟹⩽⩾!,:;_\'′"“”\\.∑∏∇∂√∞πᵀ⊤∀∈ℝ𝔼⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁽⁾₀₁₂₃₄₅₆₇₈₉₊₋₍₎∧∨½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒']);

function isKnownCharacter(token: string): boolean {
  return /^[\p{L}\p{N}]/u.test(token) || KNOWN_SYMBOLS.has(token);
}

/** Invisible characters (format controls: zero-width space, bidirectional overrides, BOM). */
const INVISIBLE = /[\u00ad\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u3164\ufe00-\ufe0f\ufeff\u{e0000}-\u{e007f}]/u;

/** A token as a message quotes it: an invisible character by its code (a quote of it shows nothing). */
function visibleToken(token: string): string {
  if (!INVISIBLE.test(token)) return token;
  return [...token].map((c) => (INVISIBLE.test(c) ? `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}, an invisible character` : c)).join('');
}
