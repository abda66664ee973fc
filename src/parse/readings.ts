import type { Expr } from '../ast.js';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { freeNames } from '../ast-walk.js';
import { printExpr, printName } from '../print.js';
import { table } from '../table.js';
import { isBuiltinFunctionName } from '../builtins.js';

/**
 * Where a line can be read two plausible ways that give different values, deriv takes the
 * reading of LANGUAGE.md §1 and says so with a `reading` warning, so a student is never
 * surprised silently:
 * - an exponent without braces is one atom: `e^t(2t+1)` is e^t · (2t+1), `x^2y` is x² · y
 *   (only when the next factor touches the exponent: `e^t (2t+1)` is unambiguous);
 * - a function without parentheses takes the juxtaposed product after it: `sin x y` is
 *   sin(x y) (only when the product is spaced out: `sin 2x` is unambiguous).
 * Works on one line's AST with ranges into that line's code.
 */
export function readingWarnings(part: unknown, code: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const e of expressionsIn(part)) {
    if (e.kind === 'Binary' && e.op === '*' && e.implicit) {
      rootAtomReading(e, code, out);
      exponentReading(e, code, out);
      subscriptReading(e, code, out);
      mixedNumberReading(e, code, out);
      quotientReading(e, code, out);
    }
    if (e.kind === 'Binary' && e.op === '/') {
      powerQuotientReading(e, code, out);
      bareFunctionQuotientReading(e, code, out);
    }
    if (e.kind === 'Call') functionReading(e, code, out);
    if (e.kind === 'Deriv') derivativeQuotientReading(e, code, out);
    if (e.kind === 'Num') scientificReading(e, code, out);
    if (e.kind === 'Binary' && (e.op === '+' || e.op === '-')) {
      operatorExtentReading(e, code, out);
      tightScriptReading(e, code, out);
    }
    if (e.kind === 'Factorial') factorialReading(e, code, out);
    if (e.kind === 'Abs') doubleBarReading(e, code, out);
    if (e.kind === 'Binary' && e.op === '^') {
      powerOfFactorialReading(e, code, out);
      inverseFunctionReading(e, code, out);
      bracedPowerReading(e, code, out);
      normPowerReading(e, code, out);
    }
  }
  return out;
}

/**
 * `\sin{x}^2`: the braces are read as the argument's brackets, (sin x)², but LaTeX shows
 * sin x², which reads as sin(x²); say so.
 */
function bracedPowerReading(pow: Extract<Expr, { kind: 'Binary' }>, code: string, out: Diagnostic[]): void {
  const call = pow.left;
  if (call.kind !== 'Call' || call.args.length !== 1) return;
  const arg = call.args[0]!;
  const between = code.slice(call.fn.range[1], arg.range[0]);
  // (Not \sin^2{x}, whose power is on the name; not \sqrt{x}^2, whose radical groups what is
  // under it; not \sin{(x)}^2, which shows its brackets.)
  if (call.fn.base === 'sqrt' || pow.right.range[0] < call.range[1] || /^\s*\(/u.test(code.slice(arg.range[0], arg.range[1]))) return;
  if (!/(?:^|[^\\])\{\s*$/u.test(between) || code[call.range[1] - 1] !== '}') return;
  const fn = code.slice(call.fn.range[0], call.fn.range[1]).replace(/^\\/u, '');
  const inner = code.slice(arg.range[0], arg.range[1]).trim();
  const power = code.slice(pow.right.range[0], pow.right.range[1]);
  const base = /^[\p{L}\p{N}_]+$/u.test(inner) ? inner : `(${inner})`;
  out.push(diagnostic('reading', {
    written: code.slice(pow.range[0], pow.range[1]), reading: `${fn}(${inner})^${power}`, other: `${fn}(${base}^${power})`,
  }, pow.range));
}

/**
 * `‖u‖^p_2`: as LaTeX sets it, the power p of the norm ‖u‖₂ (the subscript after a norm's
 * power is the norm's), where an exponent elsewhere takes its name's subscript (`x^p_2` is
 * x^{p_2}); say so.
 */
function normPowerReading(pow: Extract<Expr, { kind: 'Binary' }>, code: string, out: Diagnostic[]): void {
  const norm = pow.left;
  if (norm.kind !== 'Norm' || pow.right.kind !== 'Var') return;
  const after = code.slice(norm.range[1], pow.range[1]);
  const m = /^\^\s*(\p{L})\s*(_.*)$/su.exec(after);
  if (!m) return;
  const written = code.slice(norm.range[0], norm.range[1]);
  out.push(diagnostic('reading', {
    written: code.slice(pow.range[0], pow.range[1]), reading: `(${written}${m[2]})^${m[1]}`, other: `${written}^{${m[1]}${m[2]}}`,
  }, pow.range));
}

/**
 * `|a - 1||b||c - 1|`: `||` opens and closes a norm, so this is |a − 1·‖b‖·c − 1|; a run of
 * absolute values written without spaces, |a − 1|·|b|·|c − 1|, is as likely meant: say which
 * was taken (red team rt130: the right step that meant the product was refuted).
 */
function doubleBarReading(abs: Extract<Expr, { kind: 'Abs' }>, code: string, out: Diagnostic[]): void {
  const inside = expressionsIn(abs.arg).find((x) => x.kind === 'Norm' && code.startsWith('||', x.range[0]));
  if (!inside) return;
  const written = code.slice(abs.range[0], abs.range[1]);
  out.push(diagnostic('reading', {
    written, reading: written.replace(/\|\|/gu, '‖'), other: written.replace(/\|\|/gu, '| |'),
  }, abs.range));
}

/**
 * `2\frac12`, `2 \frac{1}{2}`: LaTeX typesets a mixed number, 2½, but it reads (as `2½` would
 * not: that is an error) as the product 2·½; say so.
 */
function mixedNumberReading(product: Extract<Expr, { kind: 'Binary' }>, code: string, out: Diagnostic[]): void {
  const { left, right } = product;
  // (A minus before the whole number reads −2·½ just the same: `-2\frac12`.)
  const whole0 = left.kind === 'Neg' ? left.arg : left;
  if (whole0.kind !== 'Num' || right.kind !== 'Binary' || right.op !== '/' || right.left.kind !== 'Num' || right.right.kind !== 'Num') return;
  const frac = code.slice(right.range[0], right.range[1]);
  if (!/^\\[dt]?frac(?![A-Za-z])/u.test(frac)) return;
  const whole = code.slice(left.range[0], left.range[1]);
  const fraction = `${right.left.value}/${right.right.value}`;
  const mixed = left.kind === 'Neg' ? `-(${whole0.value} + ${fraction})` : `${whole} + ${fraction}`;
  out.push(diagnostic('reading', {
    written: code.slice(left.range[0], right.range[1]), reading: `${whole}·(${fraction})`, other: mixed,
  }, [left.range[0], right.range[1]]));
}

/** The usual names of the inverse functions; exp's and log's are built in (each other). */
const INVERSE_FUNCTION: Readonly<Record<string, string>> = table({
  sin: 'arcsin (not built in)', cos: 'arccos (not built in)', tan: 'arctan (not built in)', tanh: 'artanh (not built in)',
  sinh: 'arsinh (not built in)', cosh: 'arcosh (not built in)', coth: 'arcoth (not built in)', sech: 'arsech (not built in)', csch: 'arcsch (not built in)',
  exp: 'log', log: 'exp', ln: 'exp',
});

/**
 * `\sin^{-1} x`, `sin⁻¹ x`: a function name with the power −1 is read as LANGUAGE.md §1 reads
 * `\sin^2 x`, a power of the value (1/sin x); many mean the inverse function (arcsin), which
 * is not built in, so say which reading was taken.
 */
function inverseFunctionReading(pow: Extract<Expr, { kind: 'Binary' }>, code: string, out: Diagnostic[]): void {
  const call = pow.left;
  // The power written on the function's name (`applied` gives the power the call's range).
  if (call.kind !== 'Call' || call.range[0] !== pow.range[0] || call.range[1] !== pow.range[1]) return;
  const k = pow.right;
  if (!(k.kind === 'Neg' && k.arg.kind === 'Num' && k.arg.value === '1')) return;
  const fn = call.fn.base;
  out.push(diagnostic('inverse-function-power', { written: code.slice(pow.range[0], pow.range[1]), fn, inverse: INVERSE_FUNCTION[fn] ?? `the inverse of ${fn}` }, pow.range));
}

/**
 * `2e-1` is read as 2·10⁻¹, as programs write it; LANGUAGE.md §1 lists no such numbers and
 * §4 makes e Euler's number, so `2e - 1` is another value: say which reading was taken.
 */
function scientificReading(num: Extract<Expr, { kind: 'Num' }>, code: string, out: Diagnostic[]): void {
  const written = code.slice(num.range[0], num.range[1]);
  const m = /^([\d.]+)[eE]([+-]?)(\d+)$/u.exec(written);
  if (!m) return;
  const [, mantissa, sign, digits] = m;
  out.push(diagnostic('reading', {
    written, reading: `${mantissa} · 10^{${sign === '-' ? '-' : ''}${digits}}`, other: sign ? `${mantissa} e ${sign} ${digits}` : `${mantissa} · e · ${digits}`,
  }, num.range));
}

const EXPR_KINDS = new Set([
  'Num', 'Const', 'Var', 'Neg', 'Binary', 'Transpose', 'Factorial', 'Call', 'Abs', 'Norm', 'Component', 'BigOp',
  'Expect', 'Deriv', 'Grad', 'Limit',
]);

/** Every expression node in a piece of a line's AST (plain data), outermost first. */
function expressionsIn(value: unknown): Expr[] {
  const out: Expr[] = [];
  const rec = (v: unknown): void => {
    if (Array.isArray(v)) {
      v.forEach(rec);
      return;
    }
    if (typeof v !== 'object' || v === null) return;
    const kind = (v as { kind?: unknown }).kind;
    if (typeof kind === 'string' && EXPR_KINDS.has(kind)) out.push(v as Expr);
    // (Object.keys, not Object.entries: no pair array per key; this walks every node of every line.)
    const node = v as Record<string, unknown>;
    for (const key of Object.keys(node)) if (key !== 'range' && key !== 'shape') rec(node[key]);
  };
  rec(value);
  return out;
}

/**
 * `d/dx x^2 + x`, `lim_{T→∞} √(T² + T) − T`: the derivative's or the limit's body is the next
 * term only (LANGUAGE.md §1, as for ∑), so this is (d/dx x²) + x; written without brackets
 * before a + or −, the whole sum is as likely meant: say which was taken.
 */
function operatorExtentReading(sum: Extract<Expr, { kind: 'Binary' }>, code: string, out: Diagnostic[]): void {
  let last: Expr = sum.left;
  for (;;) {
    if (last.kind === 'Binary' && (last.op === '+' || last.op === '-' || last.op === '*')) last = last.right;
    else if (last.kind === 'Neg') last = last.arg;
    else break;
  }
  if (last.kind !== 'Deriv' && last.kind !== 'Limit') return;
  const body = last.body;
  // (Not ∂y/∂x, whose body comes before its variable, nor a bracketed body: d/dx (x² + x).)
  if (body.range[0] < last.wrt.range[1] || /^[([{]/u.test(code.slice(body.range[0], body.range[1]))) return;
  const head = code.slice(last.range[0], body.range[0]).trimEnd();
  const inner = code.slice(body.range[0], body.range[1]);
  const rest = code.slice(last.range[1], sum.range[1]).trim();
  out.push(diagnostic('reading', {
    written: code.slice(last.range[0], sum.range[1]), reading: `(${head} ${inner}) ${rest}`, other: `${head} (${inner} ${rest})`,
  }, [last.range[0], sum.range[1]]));
}

/**
 * `d/dx f(x) / x`: d/dx takes the next term, a quotient too, so this is d/dx (f(x)/x); as
 * likely meant is (d/dx f(x))/x: say which was taken (red team rt112: refuted against f′(x)/x,
 * without a word). Only a quotient with a slash whose divisor reads the variable, after a d/dx
 * whose body is not bracketed.
 */
function derivativeQuotientReading(d: Extract<Expr, { kind: 'Deriv' }>, code: string, out: Diagnostic[]): void {
  const body = d.body;
  if (body.kind !== 'Binary' || body.op !== '/' || body.range[0] < d.wrt.range[1]) return;
  // (A body bracketed whole, d/dx (f(x)/x), leaves no doubt; a bracketed numerator does,
  // \frac{d}{dx}(x^2)/x, red team rt116.)
  if (wholeBracketed(code.slice(body.range[0], body.range[1])) || !/^\s*[/÷]\s*$/u.test(code.slice(body.left.range[1], body.right.range[0]))) return;
  // (A divisor without the variable gives both readings one value: d/dx x²/2.)
  const wrt = printName(d.wrt.name);
  if (!freeNames(body.right).some((v) => printName(v.name) === wrt)) return;
  const head = code.slice(d.range[0], body.range[0]).trimEnd();
  const [num, den] = [code.slice(body.left.range[0], body.left.range[1]), code.slice(body.right.range[0], body.right.range[1])];
  out.push(diagnostic('reading', {
    written: code.slice(d.range[0], d.range[1]), reading: `${head} (${num}/${den})`, other: `(${head} ${num})/${den}`,
  }, d.range));
}

/** Whether a text is one bracketed group, its first bracket closed by its last character: `(a/b)`, not `(a)/b`. */
function wholeBracketed(text: string): boolean {
  const t = text.trim();
  if (!/^[([{]/u.test(t)) return false;
  let depth = 0;
  for (let i = 0; i < t.length; i++) {
    if ('([{'.includes(t[i]!)) depth++;
    else if (')]}'.includes(t[i]!)) depth--;
    if (depth === 0) return i === t.length - 1;
  }
  return false;
}

/**
 * Whether a power's exponent is written without braces or brackets right after its caret
 * (`x^2`, `x^-1`, `e^x`, `x**2`): one atom (LANGUAGE.md §1), whose reading may be in doubt.
 */
function unbracedExponent(pow: Extract<Expr, { kind: 'Binary' }>, code: string): boolean {
  const exponent = pow.right;
  return exponent.range[1] === pow.range[1] && /^\s*(?:\^|\*\*)\s*$/u.test(code.slice(pow.left.range[1], exponent.range[0])) && code[exponent.range[0]] !== '(';
}

/** The last factor of a product (`a·e^t` → `e^t`). */
function lastFactor(e: Expr): Expr {
  return e.kind === 'Binary' && (e.op === '*' || e.op === '/') ? lastFactor(e.right) : e;
}

/**
 * `x/2y`, `1/2π`: `/` and juxtaposition bind alike, left first (LANGUAGE.md §1), so this is
 * (x/2)·y; written tight, x/(2y) is as likely meant: say which was taken. (Spaced, `a/b c`,
 * the reading is the rule's own; a word of letters, `a/bc`, is the resolver's.)
 */
function quotientReading(product: Extract<Expr, { kind: 'Binary' }>, code: string, out: Diagnostic[]): void {
  const quotient = product.left;
  const next = product.right;
  if (quotient.kind !== 'Binary' || quotient.op !== '/' || quotient.range[1] !== next.range[0]) return;
  const divisor = quotient.right;
  // (Only a quotient written with a slash, `x/2y` or `x÷2y`: not a fraction character, whose
  // numerator and divisor are the one character `½` (½‖x‖² is ½ times ‖x‖²), nor a \frac.)
  if (!/^\s*[/÷]\s*$/u.test(code.slice(quotient.left.range[1], divisor.range[0]))) return;
  // (Only a divisor written as a bare number or name, or in brackets or bars, tight against
  // what follows: `x/2y`, `x/(x + 1)(x + 2)`, `|x|/|x|y`, red team rt130.)
  if (divisor.range[1] !== quotient.range[1] || code[divisor.range[0]] === '{') return;
  const bracketed = /^(?:\(.*\)|\|.*\||‖.*‖)$/su.test(code.slice(divisor.range[0], divisor.range[1]));
  if (!(divisor.kind === 'Num' || divisor.kind === 'Var' || divisor.kind === 'Const' || bracketed)) return;
  // (A fraction of numbers before a bracket, `1/2(x + 1)`, is ½(x + 1): no doubt.)
  if (quotient.left.kind === 'Num' && divisor.kind === 'Num' && code[next.range[0]] === '(') return;
  const num = code.slice(quotient.left.range[0], quotient.left.range[1]);
  const by = code.slice(divisor.range[0], divisor.range[1]);
  const rest = code.slice(next.range[0], next.range[1]);
  const wrap = (t: string): string => (/^[\p{L}\p{N}_.]+$/u.test(t) ? t : `(${t})`);
  out.push(diagnostic('reading', {
    written: code.slice(quotient.range[0], next.range[1]), reading: `(${wrap(num)}/${by}) · ${rest}`, other: `${wrap(num)}/(${by}${rest})`,
  }, [quotient.range[0], next.range[1]]));
}

function exponentReading(product: Extract<Expr, { kind: 'Binary' }>, code: string, out: Diagnostic[]): void {
  const pow = lastFactor(product.left);
  const next = product.right;
  if (pow.kind !== 'Binary' || pow.op !== '^' || pow.range[1] !== next.range[0]) return;
  const exponent = pow.right;
  if (!unbracedExponent(pow, code)) return;
  const atom = code.slice(exponent.range[0], exponent.range[1]);
  // `g^Tg`: a transpose, read one way only.
  if (atom === 'T') return;
  const written = code.slice(pow.range[0], next.range[1]);
  const base = code.slice(pow.left.range[0], pow.left.range[1]);
  const rest = code.slice(next.range[0], next.range[1]);
  out.push(diagnostic('reading', {
    written, reading: `${code.slice(pow.range[0], pow.range[1])} · ${rest}`, other: `${base}^{${atom}${rest}}`,
  }, [pow.range[0], next.range[1]]));
}

/**
 * `x^1/2`, `x^-1/2`: an exponent without braces is one atom, so this is (x^1)/2; written tight,
 * x^{1/2} is as likely meant (red team rt115: x^1/2 = x/2 passed without a word). Only a number
 * over a number, tight against the caret's atom, whose quotient is no whole number: `e^x/2` and
 * `x^2/2` are (e^x)/2 and x²/2 as most mean them.
 */
function powerQuotientReading(quotient: Extract<Expr, { kind: 'Binary' }>, code: string, out: Diagnostic[]): void {
  const pow = quotient.left;
  const divisor = quotient.right;
  if (pow.kind !== 'Binary' || pow.op !== '^' || divisor.kind !== 'Num') return;
  const exponent = pow.right;
  const magnitude = exponent.kind === 'Neg' ? exponent.arg : exponent;
  const number = magnitude.kind === 'Num';
  if (!number || !unbracedExponent(pow, code)) return;
  // (Tight: `x^1/2`, not `x^1 / 2`.)
  if (code.slice(pow.range[1], divisor.range[0]) !== '/' || divisor.range[1] !== quotient.range[1]) return;
  const base = code.slice(pow.left.range[0], pow.left.range[1]);
  const atom = code.slice(exponent.range[0], exponent.range[1]);
  const den = code.slice(divisor.range[0], divisor.range[1]);
  // (Only where the other reading's exponent is no whole number: x^2/2 is x²/2, as everyone means.)
  const [n, d] = [magnitude.kind === 'Num' ? Number(magnitude.value) : NaN, Number(divisor.value)];
  // (And only a fraction in lowest terms, as an exponent is written: x^2/4 is x²/4, not x^{1/2},
  // red team rt116.)
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  if (!Number.isInteger(n) || !Number.isInteger(d) || d === 0 || Number.isInteger(n / d) || gcd(n, d) !== 1) return;
  out.push(diagnostic('reading', {
    written: code.slice(quotient.range[0], quotient.range[1]), reading: `(${base}^${atom})/${den}`, other: `${base}^{${atom}/${den}}`,
  }, quotient.range));
}

/**
 * `\sin^2 x/2`, `\log x/y`: a function without parentheses takes the product after it, and a
 * slash ends a product's factor, so this is (sin x)²/2; written tight, sin²(x/2) is as likely
 * meant, the half-angle formula's (red team rt115: 1 − 2 sin² x/2 = cos² x was proved).
 */
function bareFunctionQuotientReading(quotient: Extract<Expr, { kind: 'Binary' }>, code: string, out: Diagnostic[]): void {
  // (The last factor before the slash: 2 \sin^2 x/2 is (2 sin² x)/2.)
  const left = lastFactor(quotient.left);
  const call = left.kind === 'Binary' && left.op === '^' && left.left.kind === 'Call' ? left.left : left;
  // (Not √, which takes one atom by its own rule: √2/2 is √2 halved as everyone reads it.)
  if (call.kind !== 'Call' || call.args.length !== 1 || !isBuiltinFunctionName(call.fn.base) || call.fn.base === 'sqrt') return;
  const arg = call.args[0]!;
  // (Bare: no bracket or brace between the name and its argument; tight: `x/2`, not `x / 2`.)
  if (/[({]/u.test(code.slice(call.fn.range[1], arg.range[0]) + (code[arg.range[0]] ?? '')) || arg.range[1] !== left.range[1] || left.range[1] !== quotient.left.range[1]) return;
  if (code.slice(left.range[1], quotient.right.range[0]) !== '/' || quotient.right.range[1] !== quotient.range[1]) return;
  const head = code.slice(left.range[0], arg.range[0]).trimEnd();
  const inner = code.slice(arg.range[0], arg.range[1]);
  const den = code.slice(quotient.right.range[0], quotient.right.range[1]);
  out.push(diagnostic('reading', {
    written: code.slice(left.range[0], quotient.range[1]), reading: `(${head} ${inner})/${den}`, other: `${head}(${inner}/${den})`,
  }, [left.range[0], quotient.range[1]]));
}

/**
 * `√2x`, `1/√2x`: the symbol √ takes one atom (LANGUAGE.md §1, as an exponent does), so this is
 * √2 · x; written tight, √(2x) is as likely meant (red team rt115: √2x = √(2x) was refuted
 * without a word). (A letter before a bracket, `√x(x + 1)`, is the resolver's: rootOfAtom.)
 */
function rootAtomReading(product: Extract<Expr, { kind: 'Binary' }>, code: string, out: Diagnostic[]): void {
  const root = lastFactor(product.left);
  const next = product.right;
  if (root.kind !== 'Call' || root.fn.base !== 'sqrt' || code.slice(root.fn.range[0], root.fn.range[1]) !== '√' || root.range[1] !== next.range[0]) return;
  const arg = root.args[0];
  if (!arg || root.args.length !== 1 || /[({]/u.test(code[arg.range[0]] ?? '') || arg.kind === 'Call') return;
  const atom = code.slice(arg.range[0], arg.range[1]);
  const rest = code.slice(next.range[0], next.range[1]);
  out.push(diagnostic('reading', {
    written: code.slice(root.range[0], next.range[1]), reading: `√${atom} · ${rest}`, other: `√(${atom}${rest})`,
  }, [root.range[0], next.range[1]]));
}

/**
 * `3!!` is (3!)!, not the double factorial (red team rt115: 3!! = 720 was proved without a word).
 */
function factorialReading(f: Extract<Expr, { kind: 'Factorial' }>, code: string, out: Diagnostic[]): void {
  const inner = f.arg;
  if (inner.kind === 'Factorial' && inner.range[1] === f.range[1] - 1 && code.slice(inner.range[1] - 1, f.range[1]) === '!!') {
    const n = code.slice(inner.arg.range[0], inner.arg.range[1]);
    // (The double factorial is not built in: its product, written out.)
    const k = /^\d+$/u.test(n) ? Number(n) : NaN;
    const product = k >= 1 && k <= 15 ? Array.from({ length: Math.ceil(k / 2) }, (_, j) => k - 2 * j).join('·') : `${n}·(${n} − 2)·… (the double factorial, not built in)`;
    out.push(diagnostic('reading', { written: code.slice(f.range[0], f.range[1]), reading: `(${n}!)!`, other: product }, f.range));
  }
}

/**
 * `2^3!`: postfix binds tighter than a power, so this is 2^(3!), though it shows as 2³!, which
 * reads (2³)! (red team rt115: 2^3! = 64 was proved without a word).
 */
function powerOfFactorialReading(pow: Extract<Expr, { kind: 'Binary' }>, code: string, out: Diagnostic[]): void {
  const exponent = pow.right;
  if (exponent.kind !== 'Factorial' || !unbracedExponent(pow, code)) return;
  const base = code.slice(pow.left.range[0], pow.left.range[1]);
  const atom = code.slice(exponent.arg.range[0], exponent.arg.range[1]);
  out.push(diagnostic('reading', { written: code.slice(pow.range[0], pow.range[1]), reading: `${base}^(${atom}!)`, other: `(${base}^${atom})!` }, pow.range));
}

/** A name whose subscript is one character without braces: `v_t`, not `v_{t}`, `v_{t-1}` or `x_0`'s digit. */
function unbracedLetterSubscript(e: Expr, code: string): boolean {
  return e.kind === 'Var' && e.name.index !== null && /_\p{L}$/u.test(code.slice(e.range[0], e.range[1]));
}

/**
 * `θ_new`, `A_ij`: a subscript without braces is one character (LANGUAGE.md §1, as in LaTeX),
 * so these are θ_n·ew and A_i·j; written tight, θ_{new} and A_{ij} are as likely meant: say
 * which was taken.
 */
function subscriptReading(product: Extract<Expr, { kind: 'Binary' }>, code: string, out: Diagnostic[]): void {
  const named = lastFactor(product.left);
  const next = product.right;
  if (!unbracedLetterSubscript(named, code) || named.range[1] !== next.range[0] || next.kind !== 'Var' || next.name.index !== null) return;
  const rest = code.slice(next.range[0], next.range[1]);
  if (!/^\p{L}+$/u.test(rest)) return;
  const written = code.slice(named.range[0], next.range[1]);
  const subscripted = code.slice(named.range[0], named.range[1]);
  out.push(diagnostic('reading', {
    written, reading: `${subscripted} · ${rest}`, other: `${subscripted.slice(0, -1)}{${subscripted.slice(-1)}${rest}}`,
  }, [named.range[0], next.range[1]]));
}

/**
 * `v_t-1`, `β^t+1`: a subscript or exponent without braces is one atom (LANGUAGE.md §1), so
 * these are v_t − 1 and β^t + 1; written tight, with a number after the sign, v_{t-1} and
 * β^{t+1} are as likely meant: say which was taken.
 */
function tightScriptReading(sum: Extract<Expr, { kind: 'Binary' }>, code: string, out: Diagnostic[]): void {
  let last: Expr = sum.left;
  // (Into a ∑ or ∏ too: its summand is the term written last, ∑_{i=1}^{n} β^i-1.)
  for (;;) {
    if (last.kind === 'Binary' && last.op !== '^') last = last.right;
    else if (last.kind === 'Neg') last = last.arg;
    else if (last.kind === 'BigOp') last = last.body;
    else break;
  }
  const next = sum.right;
  if (next.kind !== 'Num' || !/^[+\-−–]$/u.test(code.slice(last.range[1], next.range[0]))) return;
  const number = code.slice(next.range[0], next.range[1]);
  if (!/^\d+$/u.test(number)) return;
  const sign = code.slice(last.range[1], next.range[0]);
  let script: string | null = null;
  if (unbracedLetterSubscript(last, code)) script = '_';
  else if (last.kind === 'Binary' && last.op === '^' && last.right.kind === 'Var' && last.right.name.index === null
    && /\^\p{L}$/u.test(code.slice(last.range[0], last.range[1]))) script = '^';
  if (script === null) return;
  const head = code.slice(last.range[0], last.range[1]);
  out.push(diagnostic('reading', {
    written: `${head}${sign}${number}`, reading: `${head} ${sign === '+' ? '+' : '−'} ${number}`,
    other: `${head.slice(0, -1)}{${head.slice(-1)}${sign === '+' ? '+' : '-'}${number}}`,
  }, [last.range[0], next.range[1]]));
}

function functionReading(call: Extract<Expr, { kind: 'Call' }>, code: string, out: Diagnostic[]): void {
  const arg = call.args[0];
  if (call.args.length !== 1 || !arg) return;
  // Written without parentheses, as a spaced-out product: `sin x y`.
  if (code.slice(call.fn.range[1], arg.range[0]).includes('(') || code[arg.range[0]] === '(') return;
  // (Nor in braces: `\sqrt{x(x+1)}` says what is under the root.)
  if (code.slice(call.fn.range[1], arg.range[0]).includes('{')) return;
  const factors: Expr[] = [];
  const collect = (e: Expr): void => {
    if (e.kind === 'Binary' && e.op === '*' && e.implicit) {
      collect(e.left);
      factors.push(e.right);
    } else {
      factors.push(e);
    }
  };
  collect(arg);
  // `\sqrt` (or `sqrt`) without braces: LaTeX puts one token under the radical (`\sqrt 2x`
  // shows √2·x), so a product after it is in doubt even written tight, and so is a letter
  // before a bracket (`\sqrt x(x+1)`, which reads on as the product x·(x+1)). (The symbol √
  // is read in src/types/resolve.ts, rootOfAtom.)
  const root = call.fn.base === 'sqrt' && code.slice(call.fn.range[0], call.fn.range[1]) !== '√';
  if (root && factors.length === 1 && arg.kind === 'Call' && arg.range[0] === arg.fn.range[0] && arg.args.length === 1 && [...arg.fn.base].length === 1) {
    const fn = code.slice(call.fn.range[0], call.fn.range[1]).replace(/^\\/u, '');
    out.push(diagnostic('reading', {
      written: code.slice(call.range[0], call.range[1]), reading: `${fn}(${code.slice(arg.range[0], arg.range[1])})`,
      other: `${fn}(${code.slice(arg.fn.range[0], arg.fn.range[1])}) ${code.slice(arg.fn.range[1], arg.range[1])}`,
    }, call.range));
    return;
  }
  if (factors.length < 2 || (!root && !factors.some((f, i) => i > 0 && f.range[0] > factors[i - 1]!.range[1]))) return;
  const fn = code.slice(call.fn.range[0], call.fn.range[1]).replace(/^\\/u, '');
  const written = code.slice(call.range[0], call.range[1]);
  const first = code.slice(factors[0]!.range[0], factors[0]!.range[1]);
  const rest = code.slice(factors[1]!.range[0], arg.range[1]);
  out.push(diagnostic('reading', {
    written, reading: `${fn}(${printExpr(arg)})`, other: `${fn}(${first}) ${rest}`,
  }, call.range));
}
