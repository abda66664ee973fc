import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Expr, Formula } from '../src/ast.js';
import { checkSource } from '../src/check/index.js';
import { run } from '../src/cli.js';
import { parseDerivation, parseExpression, parseFormula } from '../src/parse/index.js';
import { splitLines } from '../src/parse/lines.js';
import { declaredWords } from '../src/parse/words.js';
import { printExpr, printFormula, printName } from '../src/print.js';
import type { FileReport } from '../src/result.js';
import { SourceFile } from '../src/source.js';

/**
 * Reading every line the way the student meant it (LANGUAGE.md §1–§2, issue 8): each
 * spelling and its AST, each reading rule and the warning that shows it, the cases a new
 * user hit, and the round trip print → parse → same AST.
 */

/** A fully parenthesized prefix form: `(jux a b)` is juxtaposition, `(* a b)` an explicit product. */
function sx(e: Expr | Formula): string {
  switch (e.kind) {
    case 'Num': return e.value;
    case 'Const': return e.name;
    case 'Var': return printName(e.name);
    case 'Neg': return `(- ${sx(e.arg)})`;
    case 'Binary': return `(${e.implicit ? 'jux' : e.op} ${sx(e.left)} ${sx(e.right)})`;
    case 'Transpose': return `(T ${sx(e.arg)})`;
    case 'Factorial': return `(! ${sx(e.arg)})`;
    case 'Call': return `${printName(e.fn)}(${e.args.map(sx).join(', ')})`;
    case 'Abs': return `|${sx(e.arg)}|`;
    case 'Norm': return `‖${sx(e.arg)}‖${e.sub ? `_${e.sub}` : ''}`;
    case 'Component': return `(entry ${sx(e.of)} ${e.indices.map(sx).join(' ')})`;
    case 'BigOp': return `(${e.op} ${printName(e.index)} ${sx(e.lower)} ${sx(e.upper)} ${sx(e.body)})`;
    case 'Expect': return `${e.op}[${sx(e.arg)}${e.second ? `, ${sx(e.second)}` : ''}]`;
    case 'Deriv': return `(${e.partial ? '∂' : 'd'}/${sx(e.wrt)} ${sx(e.body)})`;
    case 'Grad': return `(∇_${sx(e.wrt)} ${sx(e.body)})`;
    case 'Limit': return `(lim ${sx(e.wrt)}→${sx(e.to)} ${sx(e.body)})`;
    case 'Compare': return `(${e.operands.map((o, i) => (i === 0 ? sx(o) : `${e.ops[i - 1]} ${sx(o)}`)).join(' ')})`;
    case 'Logic': return `(${sx(e.left)} ${e.op} ${sx(e.right)})`;
    case 'TagFact': return `(${sx(e.subject)} ${e.tag})`;
  }
}

function read(text: string): string {
  const e = parseExpression(text);
  if (e.expr) return sx(e.expr);
  const f = parseFormula(text);
  expect(f.diagnostics, text).toEqual([]);
  return sx(f.formula!);
}

/** Each diagnostic as `line:column code: message`. */
function said(report: FileReport | { source: string; diagnostics: FileReport['diagnostics'] }): string[] {
  const source = new SourceFile('f', report.source);
  return report.diagnostics.map((d) => {
    const p = source.position(d.range[0]);
    return `${p.line}:${p.column} ${d.code}: ${d.message}`;
  });
}

const PASS = ['proved', 'checked'];

describe('spellings (LANGUAGE.md §1) and their AST', () => {
  it.each([
    // exponents: one atom without braces
    ['e^x(x+1)', '(jux (^ e x) (+ x 1))'],
    ['e^t (2t+1)', '(jux (^ e t) (+ (jux 2 t) 1))'],
    ['e^{x(x+1)}', '(^ e x((+ x 1)))'],
    ['x^2y', '(jux (^ x 2) y)'],
    ['x^y^z', '(^ x (^ y z))'],
    ['e^-t', '(^ e (- t))'],
    ['e^\\alpha t', '(jux (^ e α) t)'],
    ['e^alpha', '(^ e α)'],
    ['x^\\frac{1}{2}', '(^ x (/ 1 2))'],
    ['2^n²', '(^ 2 (^ n 2))'],
    ['x^{t-1}', '(^ x (- t 1))'],
    // superscripts bind to one name: the resolver splits the word (see below)
    ['3xy²', '(jux 3 (^ xy 2))'],
    ['x²y', '(jux (^ x 2) y)'],
    // functions without parentheses
    ['sin 2x', 'sin((jux 2 x))'],
    ['\\cos x \\sin y', '(jux cos(x) sin(y))'],
    ['\\log z + 1', '(+ log(z) 1)'],
    ['log z', 'log(z)'],
    ['\\ln z', 'ln(z)'],
    // the logarithm to a base: log with the base as its subscript, brackets or not
    ['log_2 x', 'log_2(x)'],
    ['\\log_{10} x + 1', '(+ log_10(x) 1)'],
    ['\\log_b{x}', 'log_b(x)'],
    ['log_2^2 x', '(^ log_2(x) 2)'],
    ['log_2 (8)', 'log_2(8)'],
    ['log_2^2(8)', '(^ log_2(8) 2)'],
    ['2 sin x cos x', '(jux (jux 2 sin(x)) cos(x))'],
    ['sin x/2', '(/ sin(x) 2)'],
    ['sin x^2', 'sin((^ x 2))'],
    ['\\sin^2 x', '(^ sin(x) 2)'],
    ['sin² x', '(^ sin(x) 2)'],
    ['\\sin(x) y', '(jux sin(x) y)'],
    ['sin (x + 1) y', '(jux sin((+ x 1)) y)'],
    ['\\exp\\left(x\\right)', 'exp(x)'],
    ['\\det A', 'det(A)'],
    ['\\operatorname{tr} A', 'tr(A)'],
    ['\\operatorname{tr}(A)', 'tr(A)'],
    ['-\\sin x', '(- sin(x))'],
    // d is a name except in d/dx
    ['a d/2', '(/ (jux a d) 2)'],
    ['d a/2', '(/ (jux d a) 2)'],
    ['d/dx x^2', '(d/x (^ x 2))'],
    ['d/dz e^z', '(d/z (^ e z))'],
    ['\\frac{d}{dx} x', '(d/x x)'],
    ['2 d/dx x', '(jux 2 (d/x x))'],
    // dy/dx with spaces, as on paper (it was d·y/d·x)
    ['dy / dx', '(d/x y)'],
    ['d y/d x', '(d/x y)'],
    ['d y / d x', '(d/x y)'],
    ['2 d y/d x', '(jux 2 (d/x y))'],
    ['a d / 2', '(/ (jux a d) 2)'],
    // Unicode subscripts and fractions
    ['β₂', 'β_2'],
    ['x₀', 'x_0'],
    ['xᵢ', 'x_i'],
    ['v₍ₜ₋₁₎', 'v_{t - 1}'],
    ['½ z', '(jux (/ 1 2) z)'],
    ['⅔', '(/ 2 3)'],
    ['¼ x²', '(jux (/ 1 4) (^ x 2))'],
    // bars, hats, fonts
    ['x̄', 'x̄'],
    ['\\bar{x}', 'x̄'],
    ['\\bar x', 'x̄'],
    ['bar(x)', 'x̄'],
    ['\\overline{x}', 'x̄'],
    ['x̄_t', 'x̄_t'],
    ['\\hat{f}', 'f̂'],
    ['\\mathbf{x}', 'x'],
    ['\\boldsymbol{x}', 'x'],
    ['\\bm{x}', 'x'],
    ['\\mathbf{x}_t', 'x_t'],
    ['\\mathbf{0}', '0'],
    // brackets as LaTeX sizes them
    ['\\left( a + b \\right) c', '(jux (+ a b) c)'],
    ['\\big( a \\big)', 'a'],
    ['\\Bigl( a + b \\Bigr)^2', '(^ (+ a b) 2)'],
    ['\\mathbb{E}\\left[ x \\right]', 'E[x]'],
    // norms and their subscripts
    ['\\lVert x \\rVert', '‖x‖'],
    ['\\|x\\|', '‖x‖'],
    ['\\|x\\|_2', '‖x‖'],
    ['‖x‖₂', '‖x‖'],
    ['‖x‖₂²', '(^ ‖x‖ 2)'],
    ['‖x‖_2^2', '(^ ‖x‖ 2)'],
    ['||x||_2^2', '(^ ‖x‖ 2)'],
    ['‖A‖_F', '‖A‖_F'],
    ['‖A‖_{F}', '‖A‖_F'],
    ['\\lVert A \\rVert_{\\text{F}}', '‖A‖_F'],
    ['\\left\\| x \\right\\|', '‖x‖'],
    // built-ins
    ['λ_min(A)', 'λ_min(A)'],
    ['\\lambda_{\\min}(A)', 'λ_min(A)'],
    ['lambda_max(A)', 'λ_max(A)'],
    ['Cov[x, y]', 'Cov[x, y]'],
    ['Cov[x]', 'Cov[x]'],
    ['\\mathbb{E}[x]', 'E[x]'],
    ['𝔼[x]', 'E[x]'],
    ['x^\\top', '(T x)'],
    ['a \\cdot b', '(* a b)'],
    ['a\\,b', '(jux a b)'],
    ['a\\;b', '(jux a b)'],
    ['a \\quad b', '(jux a b)'],
    // components
    ['A_{ij}', 'A_{ij}'],
    ['A_{i,j}', '(entry A i j)'],
    ['A_{i, j+1}', '(entry A i (+ j 1))'],
    ['x_i', 'x_i'],
    // words of declared letters stay words until the resolver
    ['λI', 'λI'],
    ['pq(r+1)', 'pq((+ r 1))'],
    ['2σ(2z)', '(jux 2 σ((jux 2 z)))'],
  ])('%s', (text, want) => expect(read(text)).toBe(want));

  it.each([
    ['x = 3 or x = -3', '((x = 3) ∨ (x = (- 3)))'],
    ['x > 0 and y > 0', '((x > 0) ∧ (y > 0))'],
    ['a < b or c < d and e < f', '((a < b) ∨ ((c < d) ∧ (e < f)))'],
    ['x² = 9 ⇔ x = 3 or x = -3', '(((^ x 2) = 9) ⇔ ((x = 3) ∨ (x = (- 3))))'],
    ['x > 0 ∧ y > 0', '((x > 0) ∧ (y > 0))'],
    ['x > 0 \\lor y > 0', '((x > 0) ∨ (y > 0))'],
    ['I + A B invertible', '((+ I (jux A B)) invertible)'],
    ['H positive definite', '(H positive definite)'],
  ])('%s', (text, want) => expect(read(text)).toBe(want));
});

describe('reading rules, each with the warning that shows the reading', () => {
  const cases: [string, string, string[]][] = [
    // [rule, file, diagnostics as `line:column code: message`]
    ['an exponent is one atom: e^t(2t+1) is e^t · (2t+1)', 'scalar t\ne^t(2t+1) = e^t (2t+1)\n',
      ["2:1 reading: read 'e^t(2t+1)' as e^t · (2t+1); for the other reading write e^{t(2t+1)}"]],
    ['an exponent is one atom: x^2y is x² · y', 'scalar x, y\nx^2y = x² y\n',
      ["2:1 reading: read 'x^2y' as x^2 · y; for the other reading write x^{2y}"]],
    ['a space or braces leave no doubt', 'scalar t\ne^t (2t+1) = e^{t}(2t+1)\n', []],
    // (Red team rt115: x^1/2 = x/2 passed without a word; x^{1/2} is as likely meant.)
    ['…and x^1/2 is (x^1)/2, with a warning, as x^-1/2 is', 'scalar x\nx^1/2 + x^-1/2 = x/2 + 1/(2x)\n',
      ["2:1 reading: read 'x^1/2' as (x^1)/2; for the other reading write x^{1/2}", "2:9 reading: read 'x^-1/2' as (x^-1)/2; for the other reading write x^{-1/2}"]],
    ['…while x^1 / 2, e^x/2, x^2/y and x^{1/2} leave no doubt', 'scalar x, y\nassume x > 0\nx^1 / 2 + e^x/2 + x^2/y + x^{1/2} = x/2 + e^x/2 + x²/y + √x\n', []],
    // (Red team rt116: x^2/4 warned 'write x^{2/4}'; √2/2 'write √(2/2)'.)
    ['…nor x^2/4, x^4/2 or √2/2, whose other reading no one writes so', 'scalar x\nx^2/4 + x^4/2 + √2/2 = x²/4 + x⁴/2 + 1/√2\n', []],
    ['a/b(x + 1) is (a/b)·(x + 1), as a/b c is (LANGUAGE.md §1), with a warning', 'scalar a, b, x\na/b(x+1) = (a/b)(x+1)\n',
      ["2:1 reading: read 'a/b(x + 1)' as (a/b) · (x + 1); for the other reading write a/(b (x + 1))"]],
    ['…and a/bc is (a/b)·c', 'scalar a, b, c\na/bc = (a/b) c\n',
      ["2:1 reading: read 'a/bc' as (a/b) · c; for the other reading write a/(b c)"]],
    ['…in brackets too: (a/b(x + 1)) reads as a/b(x + 1) does', 'scalar a, b, x\n2(a/b(x+1)) = 2 (a/b)(x+1)\n',
      ["2:2 reading: read 'a/b(x + 1)' as (a/b) · (x + 1); for the other reading write a/(b (x + 1))"]],
    ['…and a/-bc is (a/(-b))·c: the minus goes with the first factor', 'scalar a, b, c\na/-bc = (a/(-b)) c\n',
      ["2:1 reading: read 'a/-bc' as (a/(-b)) · c; for the other reading write a/(-(b c))"]],
    ['…and a/-b(x + 1) is (a/(-b))·(x + 1)', 'scalar a, b, x\na/-b(x+1) = (a/(-b))(x+1)\n',
      ["2:1 reading: read 'a/-b(x + 1)' as (a/(-b)) · (x + 1); for the other reading write a/(-(b (x + 1)))"]],
    ['…while a/(-bc) leaves no doubt', 'scalar a, b, c\na/(-bc) = -a/(b c)\n', []],
    ['…while a/(b(x + 1)) and 1/2(x + 1) leave no doubt', 'scalar a, b, x\na/(b(x+1)) + 1/2(x+1) = a/b/(x+1) + (x+1)/2\n', []],
    // (Red team:) a divisor written tight against the next factor: x/(2y) is as likely meant.
    ['…and x/2y is (x/2)·y, with a warning', 'scalar x, y\nx/2y = (x/2) y\n',
      ["2:1 reading: read 'x/2y' as (x/2) · y; for the other reading write x/(2y)"]],
    ['…and 1/2π is (1/2)·π, with a warning', 'scalar x\n1/2π = π/2\n',
      ["2:1 reading: read '1/2π' as (1/2) · π; for the other reading write 1/(2π)"]],
    ['…while x/2 y, spaced, is the rule\'s own reading', 'scalar x, y\nx/2 y = (x/2) y\n', []],
    // Only a slash written between a numerator and a bare divisor is in doubt: ½‖x‖², the
    // usual spelling of a loss, is ½ times ‖x‖² (it was said to read as (½/½)·‖x‖²), as are a
    // fraction character, a \frac and its braces before anything else.
    ['…while ½‖x‖², ½ a², ½x and ⅓x are a fraction times what follows', 'scalar a, x, y\nvector w in R^n\n½‖w‖² + ½ a² + ½x + ⅓y = ‖w‖²/2 + a²/2 + x/2 + y/3\n', []],
    ['…and so are \\frac12 x, \\tfrac{1}{2}x and \\frac{x}{2}y', 'scalar x, y\n\\frac12 x + \\tfrac{1}{2}x + \\frac{x}{2}y = x + x y/2\n', []],
    ['…while x÷2y is (x÷2)·y, with a warning', 'scalar x, y\nx÷2y = (x/2) y\n',
      ["2:1 reading: read 'x÷2y' as (x/2) · y; for the other reading write x/(2y)"]],
    ['…and 1/2x, with a warning too', 'scalar x\n1/2x = x/2\n',
      ["2:1 reading: read '1/2x' as (1/2) · x; for the other reading write 1/(2x)"]],
    ['…nor does a \\frac, whose denominator is whole', 'scalar a, b, c, x\n\\frac{a}{bc} + \\frac{1}{x(x+1)} = a/(b c) + 1/x - 1/(x+1)\n', []],
    ['2e-1 is 2·10⁻¹, with a warning (e is Euler\'s number: 2e − 1 is another value)', 'scalar x\nx · 2e-1 = x/5\n',
      ["2:5 reading: read '2e-1' as 2 · 10^{-1}; for the other reading write 2 e - 1"]],
    ['\\Delta \\theta_t is the name Δθ_t where Δθ is declared and Δ is not (LaTeX ignores the space)', 'scalar β\nvector Δθ_t, v_t in R^n\ndefine Δθ_t = β v_t   for t ≥ 1\n\\Delta \\theta_1 = β v_1\n', []],
    ['…anywhere in a product and under a power (red team)', 'scalar η, α\nscalar Δθ_t, g_t\ndefine Δθ_t = -η g_t\n2 \\Delta \\theta_t + α \\Delta \\theta_{t} = -(2 + α) η g_t\n\\Delta \\theta_t^2 = \\Delta \\theta_t\\Delta \\theta_t\n', []],
    ['…while a declared Δ is a name of its own', 'scalar Δ, x\n\\Delta x = x Δ\n', []],
    // (Red team rt115: (\Delta x)² = Δx² was refuted and \Delta x / x = \Delta proved.)
    ['…and \\Delta x is the name Δx where neither is declared, as it shows', 'scalar x\n(\\Delta x)^2 + \\Delta x / x = Δx^2 + Δx/x\n', []],
    // (Red team rt117: a Δ used on its own earlier made \Delta x read Δ · x from there on.)
    ['…also after a Δ used on its own, which declares nothing, with a warning there', 'scalar x\nassume Δ > 0\ndefine Δx = 5\n\\Delta x / Δ = 5/Δ   by def Δx\n',
      ["4:1 reading: read 'Δ x' as the name Δx; for the other reading write Δ · x, or declare Δ"]],
    ['…and a Δ in brackets of its own stays Δ (review: it joined across the bracket)', 'scalar x, α\nscalar Δθ_t, θ_t\nα (x \\Delta) \\theta_t = α·x·Δ·θ_t\n\\Delta (\\theta_t) = Δ·θ_t\n', []],
    ['A^{-T} with T declared is a power, with a warning', 'matrix A in R^{n×n} invertible\ninteger T\nassume T ≥ 0\nA^{-T} A^{-1} = A^{-1} A^{-T}\n',
      ["4:4 inverse-transpose-or-power: read A^{-T} as the (-T)-th power, since T is a declared name: for the inverse of the transpose write (A^{-1})^T",
        "4:27 inverse-transpose-or-power: read A^{-T} as the (-T)-th power, since T is a declared name: for the inverse of the transpose write (A^{-1})^T"]],
    ['…and \\exp^{-1} x names log as the inverse', 'scalar x\n\\exp^{-1} x = e^{-x}\n',
      ["2:1 inverse-function-power: read '\\exp^{-1} x' as 1/exp(…), a power of the value (as exp^2 x is (exp x)²); the inverse function is log"]],
    ['A^{-T} is the inverse of the transpose', 'matrix A in R^{n×n}\nA^{-T} = (A^T)^{-1} = (A^{-1})^T\n', []],
    ['…and so are A^{-\\top} and A^{-⊤} (red team: an unknown command)', 'matrix A in R^{n×n}\nA^{-\\top} = A^{-⊤} = (A^{-1})^T\n', []],
    ['…and A^{-⊺} and A^{⊺} (red team: an error where A⁻⊺ was read)', 'matrix A in R^{n×n}\nA^{-⊺} + A^{⊺} = (A^{-1})^T + Aᵀ\n', []],
    ['…and A⁻ᵀ and (I − A)⁻⊤, as they print (new user: a syntax error)', 'matrix A, I in R^{n×n}\nA⁻ᵀ = (A⁻¹)ᵀ\n(I − A)⁻ᵀ + (I − A)⁻⊤ = 2 ((I − A)ᵀ)⁻¹\n', []],
    ['\\sin^{-1} x is a power of sin x, with a warning (not arcsin)', 'scalar x\n\\sin^{-1} x + cos⁻¹(x) = 1/sin(x) + 1/cos(x)\n',
      ["2:1 inverse-function-power: read '\\sin^{-1} x' as 1/sin(…), a power of the value (as sin^2 x is (sin x)²); the inverse function is arcsin (not built in)",
        "2:15 inverse-function-power: read 'cos⁻¹(x)' as 1/cos(…), a power of the value (as cos^2 x is (cos x)²); the inverse function is arccos (not built in)"]],
    ['√ takes one atom, as an exponent does: √x(x + 1) is √x · (x + 1)', 'scalar x\n√x(x+1) = √x (x+1)\n',
      ["2:1 reading: read '√x(x + 1)' as √x · (x + 1); for the other reading write √(x(x + 1))"]],
    ['a bare \\sqrt puts one token under the radical in LaTeX: a product after it warns, tight too', 'scalar x\n\\sqrt x(x+1) + \\sqrt 2x = √(x² + x) + √(2x)\n',
      ["2:1 reading: read '\\sqrt x(x+1)' as sqrt(x(x+1)); for the other reading write sqrt(x) (x+1)",
        "2:16 reading: read '\\sqrt 2x' as sqrt(2 x); for the other reading write sqrt(2) x"]],
    // (Red team rt115: √xy = √x √y passed under x, y > 0, read √(xy); √2x = √(2x) was refuted without a word.)
    // (Red team rt117: √xy² was √(x y²).)
    ['…and √xy² is √x · y², with a warning', 'scalar x, y\nassume x > 0, y > 0\n√xy² = √x y²\n', ["3:1 reading: read '√xy²' as √x · y²; for the other reading write √(x y²)"]],
    ['…and √xy is √x · y, √2x is √2 · x, with a warning', 'scalar x, y\n√xy + √2x + 1/√2x = √x y + √2 x + x/√2\n',
      ["2:1 reading: read '√xy' as √x · y; for the other reading write √(x y)", "2:7 reading: read '√2x' as √2 · x; for the other reading write √(2x)", "2:15 reading: read '√2x' as √2 · x; for the other reading write √(2x)"]],
    ['…while √(xy), √2 x, √x_1 and a declared word leave no doubt', 'scalar x, y, uv, x_1\nassume x > 0, y > 0, uv > 0\n√(xy) + √2 x + √x_1 + √uv = √x √y + √2 x + √x_1 + √uv\n', []],
    // (Red team rt115: 2^3! = 64 and 3!! = 720 were proved without a word.)
    ['postfix binds before a power: 2^3! is 2^(3!), with a warning; 3!! is (3!)!', 'scalar x\n2^3! + 3!! = 64 + 720\n',
      ["2:1 reading: read '2^3!' as 2^(3!); for the other reading write (2^3)!", "2:8 reading: read '3!!' as (3!)!; for the other reading write 3·1"]],
    ['…while 2^{3!}, (2^3)! and 2³! leave no doubt', 'scalar x\n2^{3!} + (2^3)! - 2³! = 64\n', []],
    ['…with a superscript on the bracket too', 'scalar x\n√x(x+1)² = √x (x+1)^2\n',
      ["2:1 reading: read '√x(x + 1)²' as √x · (x + 1)²; for the other reading write √(x(x + 1)²)"]],
    ['…while √(x(x + 1)), sqrt(x(x + 1)), \\sqrt{x(x+1)} and √f(x) leave no doubt', 'scalar x\nfunction f : R → R\n√(x(x+1)) + sqrt(x(x+1)) + \\sqrt{x(x+1)} + √f(x) = 3 √(x² + x) + √(f(x))\n', []],
    ['d/dx takes the next term, as ∑ does: d/dx x^2 + x is (d/dx x²) + x, with a warning', 'scalar x\nd/dx x^2 + x = 2x + x\n',
      ["2:1 reading: read 'd/dx x^2 + x' as (d/dx x^2) + x; for the other reading write d/dx (x^2 + x)"]],
    // (Red team rt112: refuted against f′(x)/x without a word.)
    ['…and a quotient by the variable: d/dx f(x) / x is d/dx (f(x)/x), with a warning', 'scalar x\nfunction f : R → R\nd/dx f(x) / x = f\'(x)/x - f(x)/x²\n',
      ["3:1 reading: read 'd/dx f(x) / x' as d/dx (f(x)/x); for the other reading write (d/dx f(x))/x"]],
    ['…while a divisor without the variable leaves no doubt: d/dx x^2/2', 'scalar x, y\nd/dx x^2/2 = x\nd/dx x/y = 1/y\n', []],
    // (Red team rt116: a bracketed numerator warned nothing.)
    ['…and a bracketed numerator: \\frac{d}{dx}(x^2)/x, with a warning; d/dx ((x^2)/x) none', 'scalar x\n\\frac{d}{dx}(x^2)/x + d/dx ((x^2)/x) = 2\n',
      ["2:1 reading: read '\\frac{d}{dx}(x^2)/x' as \\frac{d}{dx} ((x^2)/x); for the other reading write (\\frac{d}{dx} (x^2))/x"]],
    ['…while d/dx (x^2 + x), ∂y/∂x + y and a derivative as the last term leave no doubt', 'scalar x\ndefine y = x^2\nd/dx (x^2 + x) + (∂y/∂x + y) + 1 + d/dx x^2 = 2x + 1 + 2x + y + 1 + 2x\n', []],
    ['a superscript binds to one name: 3xy² is 3·x·y²', 'scalar x, y\n3xy² = 3 x y²\n',
      ["2:2 reading: read 'xy²' as x · y²; for the other reading write (x y)²"]],
    // (New-user trial:) a subscript or exponent without braces is one character, tight against what follows.
    ['a subscript is one character: x_ab is x_a · b, with a warning', 'scalar x, b\nx_ab = x_a b\n',
      ["2:1 reading: read 'x_ab' as x_a · b; for the other reading write x_{ab}"]],
    ['…and x_ij is x_i · j, with a warning', 'scalar x, j\nx_ij = x_i j\n',
      ["2:1 reading: read 'x_ij' as x_i · j; for the other reading write x_{ij}"]],
    ['…and v_t-1 is v_t − 1, with a warning', 'scalar v_t, β\nβ v_t-1 + v_t+2 = β v_t - 1 + v_t + 2\n',
      ["2:3 reading: read 'v_t-1' as v_t − 1; for the other reading write v_{t-1}", "2:11 reading: read 'v_t+2' as v_t + 2; for the other reading write v_{t+2}"]],
    ['…and in a ∑\'s summand (red team)', 'integer n, i\nscalar β\n∑_{i=1}^{n} β^i-1 = ∑_{i=1}^{n} β^i - 1\n',
      ["3:13 reading: read 'β^i-1' as β^i − 1; for the other reading write β^{i-1}"]],
    ['…with a Unicode minus too (red team)', 'scalar v_t, β\nβ v_t−1 = β v_t - 1\n',
      ["2:3 reading: read 'v_t−1' as v_t − 1; for the other reading write v_{t-1}"]],
    ['…and β^t-1 is β^t − 1, with a warning', 'scalar β, t\n-β^t-1 = -(β^t) - 1\n',
      ["2:2 reading: read 'β^t-1' as β^t − 1; for the other reading write β^{t-1}"]],
    ['…while v_{t-1}, v_t - 1, x_{ij}, x_i j, x_1-1, β^2-1 and θ_{new} leave no doubt', 'scalar v_t, x, β, t, x_{ij}, θ_{new}\nv_{t-1} + v_t - 1 + x_{ij} + x_i j + x_1-1 + β^2-1 + θ_{new} = v_{t-1} + v_t + x_{ij} + x_i j + x_1 + β² - 3 + θ_{new}\n', []],
    ['a transpose binds to one name with no warning: gᵀHg', 'vector g in R^n\nmatrix H in R^{n×n}\ngᵀHg = gᵀ H g\n', []],
    // (Red team rt112: `^T`, `^{T}` and `^{-T}` after a word transposed the whole word, silently,
    // and AB^T = BᵀAᵀ was proved; ⁻ᵀ took A·B⁻¹ whole.)
    ['…and so does ^T, with a warning where the word could be meant: AB^T is A · Bᵀ', 'matrix A, B in R^{n×n}\nAB^T = A Bᵀ\n',
      ["2:1 reading: read 'AB^T' as A · B^T; for the other reading write (A B)^T"]],
    ['…and ^{T} and ^{-T}, and ⁻ᵀ without a warning, as ᵀ', 'matrix A, B, C in R^{n×n}\nAB^{T}C + AB^{-T} + AB⁻ᵀ = A Bᵀ C + 2 A (Bᵀ)⁻¹\n',
      ["2:1 reading: read 'AB^T' as A · B^T; for the other reading write (A B)^T", "2:11 reading: read 'AB^(-T)' as A · B^(-T); for the other reading write (A B)^(-T)"]],
    ['…and after vectors and scalars, where no other reading is a product, with no warning', 'vector u, x in R^n\nscalar a\nmatrix B in R^{n×n}\nuu^T x + aB^T x = u (uᵀx) + a Bᵀ x\n', []],
    ['a function without parentheses takes the spaced product after it', 'scalar x, y\nsin x y = sin(x y)\n',
      ["2:1 reading: read 'sin x y' as sin(x y); for the other reading write sin(x) y"]],
    ['a function without parentheses, tight product: no doubt', 'scalar x, y\nsin 2x + \\cos x \\sin y = sin(2x) + cos(x) sin(y)\n', []],
    // (Red team rt115: 1 − 2 sin² x/2 = cos² x was proved without a word.)
    ['…and a tight slash after its argument ends it, with a warning: \\sin^2 x/2 is (sin x)²/2', 'scalar x, y\nassume y > 0\n1 - 2\\sin^2 x/2 + \\log y/2 = 1 - sin(x)^2 + log(y)/2\n',
      ["3:6 reading: read '\\sin^2 x/2' as (\\sin^2 x)/2; for the other reading write \\sin^2(x/2)", "3:19 reading: read '\\log y/2' as (\\log y)/2; for the other reading write \\log(y/2)"]],
    ['…while sin(x)/2, sin x / 2, \\log{y}/2 and sin(x/2) leave no doubt', 'scalar x, y\nassume y > 0\nsin(x)/2 + sin x / 2 + \\log{y}/2 + 2 sin(x/2) = sin(x) + log(y)/2 + 2 sin(x/2)\n', []],
    ['an undeclared letter before a bracket is a product, with a warning', 'scalar z\n2σ(2z) = 4 σ z\n',
      ["2:2 undeclared-function: 'σ' is not declared, so σ(2 z) is read as a product; to apply a function, declare it: function σ : R → R"]],
    ['…however σ is used elsewhere', 'scalar z\n2σ(2z) = 4 z σ\n',
      ["2:2 undeclared-function: 'σ' is not declared, so σ(2 z) is read as a product; to apply a function, declare it: function σ : R → R"]],
    ['a letter in its own bracket is a product without a warning', 'scalar x\nx(1-x) + n(n+1) = x - x² + n² + n\n', []],
    ['d is a name except in d/dx', 'scalar a, d\na d/2 = d a/2\n', []],
    ['a word of declared letters is their product', 'scalar p, q, r, λ\nmatrix A in R^{n×n}\npq(r+1) = p q (r+1)\nλI A = λ A\n', []],
    ['a name and a family share a letter', 'vector x, x_k in R^n\nx + x_k = x_k + x\n', []],
    ['components of single vectors, 1-based, over a dimension', 'vector x, y in R^n\nxᵀy = ∑_{i=1}^{n} x_i y_i\n', []],
    ['a one-line chain of statements is checked', 'scalar x\nx² = 9 ⇔ x = 3 or x = -3\n', []],
    // (Red team rt130: a divisor in brackets or bars, tight against what follows, said nothing.)
    ['x/(x + 1)(x + 2) is (x/(x + 1))·(x + 2), with a warning, as x/2y is', 'scalar x\nassume x > 0\nx/(x+1)(x+2) = x(x+2)/(x+1)\n',
      ["3:1 reading: read 'x/(x+1)(x+2)' as (x/(x+1)) · (x+2); for the other reading write x/((x+1)(x+2))"]],
    ['…and |x|/|x|y is (|x|/|x|)·y', 'scalar x, y\nassume x > 0\n|x|/|x|y = y\n',
      ["3:1 reading: read '|x|/|x|y' as ((|x|)/|x|) · y; for the other reading write (|x|)/(|x|y)"]],
    // (Red team rt130: `||` in a run of absolute values opened a norm, silently, and the right
    // step that meant |a − 1|·|b|·|c − 1| was refuted.)
    ['|a - 1||b||c - 1| is |a − 1‖b‖c − 1|: `||` is a norm bar, with a warning', 'scalar a, b, c\n|a - 1||b||c - 1| = |a - ‖b‖ c - 1|\n',
      ["2:1 reading: read '|a - 1||b||c - 1|' as |a - 1‖b‖c - 1|; for the other reading write |a - 1| |b| |c - 1|"]],
    // (Red team rt130: a bar with a space after it, after a factor, was taken for a closing bar
    // where nothing closes, and pasted LaTeX, `\frac{1}{2} \| X w - y \|^2`, did not parse.)
    ['a spaced bar after a factor opens a norm or absolute value where nothing else reads', 'scalar λ, b, a\nvector w, y in R^n\nmatrix X in R^{n×n}\n2 ‖ w ‖² + λ \\| w \\|^2 + \\frac{1}{2} \\| X w - y \\|^2 + b | a | = (2 + λ) ‖w‖² + ‖X w - y‖²/2 + b |a|\n', []],
    ['…and a spaced closing bar still closes: ‖w ‖ a ‖ y ‖ is ‖w‖·a·‖y‖, said (the bars could nest)', 'scalar a\nvector w, y in R^n\n‖w ‖ a ‖ y ‖ = a ‖w‖ ‖y‖\n',
      ["3:1 spaced-bars: read '‖w ‖ a ‖ y ‖ = a ‖w‖ ‖y‖' as ‖w‖ a ‖y‖ = a ‖w‖ ‖y‖, a bar with a space after it opening where nothing else reads; if the bars pair otherwise, write each tight against what it encloses (|a |b| c| for one inside another)"]],
    // (Red team rt131: with two pairs side by side, the bars may pair otherwise: said.)
    ['…and where two such pairs stand side by side, that is said: | a | b | c | as |a| b |c|', 'scalar a, b, c\n| a | b | c | = |a| b |c|\n',
      ["2:1 spaced-bars: read '| a | b | c | = |a| b |c|' as |a| b |c| = |a| b |c|, a bar with a space after it opening where nothing else reads; if the bars pair otherwise, write each tight against what it encloses (|a |b| c| for one inside another)"]],
    ['…but not where an operator stands between the pairs and they cannot nest: 2 ‖ w ‖² + 3 ‖ y ‖²', 'vector w, y in R^n\n2 ‖ w ‖² + 3 ‖ y ‖² = 2 ‖w‖² + 3 ‖y‖²\n', []],
    // (Red team rt132: where they can nest, |a |b − c| e|, that is said too.)
    ['…and where they can nest, that is said: | a | b - c | e |', 'scalar a, b, c, e\n    | a | b - c | e |\n  = |a| b - c |e|\n',
      ["2:5 spaced-bars: read '| a | b - c | e |' as |a| b - c |e|, a bar with a space after it opening where nothing else reads; if the bars pair otherwise, write each tight against what it encloses (|a |b| c| for one inside another)"]],
  ];
  it.each(cases)('%s', async (_rule, text, want) => {
    const report = await checkSource(text, { file: 'r.deriv' });
    expect(said(report)).toEqual(want);
    expect(report.steps.length, 'every chain line is a step').toBeGreaterThan(0);
    for (const s of report.steps) expect(PASS, `${s.verdict}: ${s.message}`).toContain(s.verdict);
  });

  it('says how θ_new was read beside the unknown word it leaves (new-user trial)', async () => {
    const report = await checkSource('vector θ, g in R^n\nscalar η\nθ_new + η g = θ\n', { file: 'r.deriv' });
    expect(said(report)).toEqual([
      "3:1 reading: read 'θ_new' as θ_n · ew; for the other reading write θ_{new}",
      "3:4 unknown-name: unknown name 'ew': write e w or e*w, or declare it",
    ]);
  });

  it('offers the fix with the warning: declare σ as a function', async () => {
    const report = await checkSource('scalar z\n2σ(2z) = 4 z\n');
    expect(report.diagnostics[0]!.fixes).toEqual([
      { message: 'declare function σ : R → R', edits: [{ range: [0, 0], text: 'function σ : R → R\n' }] },
    ]);
    expect(report.diagnostics[0]!.args).toEqual({ name: 'σ', product: 'σ(2 z)' });
  });
});

describe('a limit takes the next term, as ∑ does', () => {
  it('warns that lim_{T→∞} a/T − a is (lim a/T) − a', () => {
    const text = 'integer T\nscalar a\nshow lim_{T→∞} a/T - a = -a\n';
    const { diagnostics } = parseDerivation(text);
    expect(diagnostics.map((d) => d.message)).toEqual(["read 'lim_{T→∞} a/T - a' as (lim_{T→∞} a/T) - a; for the other reading write lim_{T→∞} (a/T - a)"]);
  });
});

describe('the cases a new user hit (issue 8), each with its right verdict', () => {
  const cases: [string, string, string[]][] = [
    // [what, file, verdict of each step in order]
    ['3xy² is 3·x·y²', 'scalar x, y\n(x + y)³ = x³ + 3x²y + 3xy² + y³\n', ['proved']],
    ['…and a wrong expansion is still refuted', 'scalar x, y\n(x + y)³ = x³ + 3x²y + 3xy + y³\n', ['refuted']],
    ['e^t(2t+1) = e^t (2t+1)', 'scalar t\ne^t(2t+1) = e^t (2t+1)\n', ['proved']],
    ['…and e^{t(2t+1)} is another value', 'scalar t\ne^{t(2t+1)} = e^t (2t+1)\n', ['refuted']],
    ['pq(r+1) with p, q, r declared', 'scalar p, q, r\npq(r+1) = p q (r+1)\n', ['proved']],
    // A superscript after a bracket read as a product binds to that bracket (it was (a(x+1))²).
    ['\\frac{1}{x(x + 1)} = 1/x − 1/(x + 1) (a \\frac denominator is whole)', 'scalar a, b, c, x\n\\frac{1}{x(x+1)} = \\frac{1}{x} - \\frac{1}{x+1}\n\\frac{a}{bc} = a/(b c)\n', ['proved', 'proved']],
    ['a(x + 1)² is a·(x + 1)²', 'scalar a, x\na(x + 1)² = a (x + 1)^2\n', ['proved']],
    ['…and (a(x + 1))² is a²(x + 1)²', 'scalar a, x\n(a(x + 1))² = a² (x + 1)^2\n', ['proved']],
    ['…so a(x + 1)² = (a(x + 1))² is refuted', 'scalar a, x\na(x + 1)² = (a(x + 1))²\n', ['refuted']],
    ['β(1 − β)² and pq(r+1)²', 'scalar β, p, q, r\nβ(1 - β)² = β (1-β)²\npq(r+1)² = p q (r+1)²\n', ['proved', 'proved']],
    ['σ(x)² of a declared σ is (σ(x))²', 'scalar x\nfunction σ : R → R\nσ(x)² = σ(x) σ(x)\n', ['proved']],
    // (Red team:) brackets around a word of declared letters keep it whole; ASCII ^T and a
    // declared vector before a bracket follow the same rule.
    ['(ab)² is a²b², not a·b²', 'scalar a, b\n(ab)² = a² b²\n(ab)^2 = a b^2\n', ['proved', 'refuted']],
    ['(AB)ᵀ = BᵀAᵀ and (AB)⁻¹ = B⁻¹A⁻¹', 'matrix A, B in R^{n×n} invertible\n(AB)ᵀ = BᵀAᵀ\n(AB)⁻¹ = B⁻¹A⁻¹\n(AB)^T = B^T A^T\n', ['proved', 'proved', 'proved']],
    ['(Ax)ᵀ = xᵀAᵀ', 'matrix A in R^{n×n}\nvector x in R^n\n(Ax)ᵀ = xᵀAᵀ\n', ['proved']],
    ['A(B + C)^T is A·(B + C)ᵀ', 'matrix A, B, C in R^{n×n}\nA(B+C)^T = A B^T + A C^T\nA(B+C)^T = (A(B+C))^T\n', ['proved', 'refuted']],
    ['x(u + v)ᵀ is an outer product', 'vector x, u, v in R^n\nx(u+v)ᵀ = x uᵀ + x vᵀ\n', ['proved']],
    ['…and so is g_{t−1}(u + v)ᵀ of a family\'s member', 'integer t\nvector u, v, g_t in R^n\ng_{t-1}(u+v)ᵀ = g_{t-1} uᵀ + g_{t-1} vᵀ\n', ['proved']],
    ['c(1 − q)^T with integer T', 'scalar c, q\ninteger T\nassume 0 < q < 1\nc(1 - q)^T = c (1-q)^T\n', ['proved']],
    ['x² = 4 ⇔ x = 2 on one line is refuted, not dropped', 'scalar x\nx² = 4 ⇔ x = 2\n', ['refuted']],
    ['x² = 4 ⇔ x = 2 or x = -2', 'scalar x\nx² = 4 ⇔ x = 2 or x = -2\n', ['checked']],
    ['a d/2 = d a/2', 'scalar a, d\na d/2 = d a/2\n', ['proved']],
    ['d y/d x of y = x³', 'scalar x\ndefine y = x^3\nd y/d x = 3x^2\ndy / dx = 3x^2\n', ['proved', 'proved']],
    ['\\log z', 'scalar z\nassume z > 0\n\\log z = log(z)\n', ['proved']],
    ['log z', 'scalar z\nassume z > 0\nlog z + 1 = log(z) + 1\n', ['proved']],
    // log_2(8) said "unknown function 'log'"; log_b x is log x / log b
    ['log_2(8) = 3', 'log_2(8) = 3\nlog_2(8) = 4\n', ['proved', 'refuted']],
    // (The second is proved since the identity test reads log(100x) as 2 log 2 + 2 log 5 + log x.)
    ['log_b x without brackets', 'scalar x, b\nassume x > 0, b > 1\nlog_b x = log(x)/log(b)\n\\log_{10} x + 2 = log_{10}(100 x)\nlog_2 x = log_4 x\n', ['proved', 'proved', 'refuted']],
    ['log_b x has no value at b = 1', 'scalar x, b\nassume x > 0, b > 0\nlog(x) = log_b(x) log(b)\n', ['refuted']],
    ['\\cos x \\sin y', 'scalar x, y\n\\cos x \\sin y = cos(x) sin(y)\n', ['proved']],
    ['…and \\cos x \\sin y is not cos(x sin y)', 'scalar x, y\n\\cos x \\sin y = cos(x sin(y))\n', ['refuted']],
    ['β₂', 'scalar β₂\nβ₂ + β_2 = 2β_2\n', ['proved']],
    ['‖x‖₂²', 'vector x in R^n\n‖x‖₂² = xᵀx\n', ['proved']],
    ['‖x‖_2^2', 'vector x in R^n\n‖x‖_2^2 = xᵀx\n', ['proved']],
    ['½ z', 'scalar z\n½ z = z/2\n', ['proved']],
    ['x̄ and \\bar{x}', 'scalar x̄, x\n\\bar{x} + x = x̄ + x\n', ['proved']],
    ['…and x̄ is not x', 'scalar x̄, x\nx̄ = x\n', ['refuted']],
    ['λI', 'scalar λ\nmatrix A in R^{n×n}\nλI A = λ A\n', ['proved']],
    ['λ_min(A) ≤ λ_max(A)', 'matrix A in R^{n×n} symmetric\nλ_min(A) ≤ λ_max(A)\n', ['checked']],
    ['…and λ_min(A) ≥ λ_max(A) is refuted', 'matrix A in R^{n×n} symmetric\nλ_min(A) ≥ λ_max(A)\n', ['refuted']],
    ['assume I + A B invertible', 'matrix A, B in R^{n×n}\nassume I + A B invertible\n(I + A B)⁻¹ (I + A B) = I\n', ['proved']],
    ['a tag assumed of a defined matrix is enforced', 'matrix A in R^{n×n}\ndefine M = A Aᵀ\nassume M invertible\nM⁻¹ M = I\n', ['proved']],
    ['uᵀAu = tr(uᵀAu): a scalar is 1×1', 'vector u in R^n\nmatrix A in R^{n×n}\nuᵀAu = tr(uᵀAu)\n', ['checked']],
    ['…and uᵀAu = tr(A) is refuted', 'vector u in R^n\nmatrix A in R^{n×n}\nuᵀAu = tr(A)\n', ['refuted']],
    ['scalar __proto__', 'scalar __proto__\n__proto__ + 1 = 1 + __proto__\n', ['proved']],
    ['vector x, x_k in R^n', 'vector x, x_k in R^n\nx + x_k = x_k + x\n', ['proved']],
    ['xᵀy = ∑ x_i y_i', 'vector x, y in R^n\nxᵀy = ∑_{i=1}^{n} x_i y_i\n', ['checked']],
    ['…and xᵀy = ∑ x_i x_i is refuted', 'vector x, y in R^n\nxᵀy = ∑_{i=1}^{n} x_i x_i\n', ['refuted']],
    ['A_{ij} entries: tr(A) = ∑ A_{ii}', 'matrix A in R^{n×n}\ntr(A) = ∑_{i=1}^{n} A_{i,i}\n', ['checked']],
    ['definitions in any order: recurrence first', 'define u_t = u_{t-1} + 1 for t ≥ 1\ndefine u_0 = 0\nu_1 = u_0 + 1 = 1\n', ['proved', 'proved']],
    ['definitions in any order: base case first', 'define u_0 = 0\ndefine u_t = u_{t-1} + 1 for t ≥ 1\nu_1 = u_0 + 1 = 1\n', ['proved', 'proved']],
    ['…far apart, and a wrong value is refuted', 'define u_t = u_{t-1} + 1 for t ≥ 1\n\nscalar a\na = a\n\ndefine u_0 = 0\nu_2 = 3\n', ['proved', 'refuted']],
    ['a definition used before it is written', 'vector u in R^n\n    w + w\n  = 2 w\ndefine w = 3u\n', ['proved']],
    ['2σ(2z) with σ undeclared is a product (with a warning)', 'scalar z\n2σ(2z) = 4 z σ\n', ['proved']],
    ['2σ(2z) with σ declared is an application', 'scalar z\nfunction σ : R → R\n2σ(2z) = 4 z σ(z)\n', ['refuted']],
  ];
  it.each(cases)('%s', async (_what, text, want) => {
    const report = await checkSource(text, { file: 'why.deriv' });
    const errors = report.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.message)).toEqual([]);
    expect(report.steps.map((s) => s.verdict), report.steps.map((s) => s.message).join(' | ')).toEqual(want);
  });
});

describe('never drop a line', () => {
  it.each([
    ['a lone expression', 'scalar x\nx + 1\n', ['2:1 nothing-to-check: this line is an expression with no relation after it, so there is nothing to check: write \'= …\' (or \'⇔ …\') after it, on this line or the next']],
    ['a lone statement', 'scalar x, y\nx > 0 and y > 0\n', ['2:1 nothing-to-check: this line is a statement with no relation after it, so there is nothing to check: write \'= …\' (or \'⇔ …\') after it, on this line or the next']],
    ['a file of declarations only', 'scalar x\ndefine y = x + 1\n', ['1:1 file-without-steps: nothing in this file is checked: it has no chain (a line with a relation such as a = b) and no show']],
  ])('%s is a warning', async (_what, text, want) => {
    const report = await checkSource(text, { file: 'drop.deriv' });
    expect(said(report)).toEqual(want);
  });

  it('a line not understood is an error, so the file fails (exit 1)', async () => {
    const report = await checkSource('scalar x\nx = x\nx ≈ 1\n  = 1\n');
    expect(said(report)).toEqual([
      "3:3 unknown-relation: '≈' is not a relation deriv knows: expected one of = ≠ < ≤ > ≥ → ⇔ ⇒",
    ]);
    // The chain the line starts is not lost: its step is an error.
    expect(report.steps.map((s) => s.verdict)).toEqual(['proved', 'error']);
  });

  it('reads a single statement line (no chain) as a step: x > 0 is proved', async () => {
    const report = await checkSource('scalar x\nassume x > 1\nx > 0\n');
    // (By the assumption and 0 < 1: it was checked by sampling before the rules compared numbers.)
    expect(report.steps.map((s) => s.verdict)).toEqual(['proved']);
  });
});

describe('never drop a line: the exit code', () => {
  async function exitCode(text: string): Promise<number> {
    return run(['check', '--format', 'gcc', '-'], {
      stdout: () => {}, stderr: () => {}, readFile: async () => '', readStdin: async () => text, isTTY: false, env: {},
    });
  }
  it.each([
    ['a line not understood', 'scalar x\nx = x\nx @ 1 = 2\n', 1],
    ['an unknown word', 'scalar x\nab = x\n', 1],
    ['a one-line ⇔ that is wrong', 'scalar x\nx² = 4 ⇔ x = 2\n', 1],
    ['only warnings (nothing to check, a reading)', 'scalar x, t\nx + 1\ne^t(t) = e^t t\n', 0],
  ])('%s exits %i', async (_what, text, code) => {
    expect(await exitCode(text)).toBe(code);
  });
});

describe('a pasted LaTeX align block reads as a derivation', () => {
  it('ignores \\begin/\\end lines, &, a trailing \\\\ and the \\text{…} around a justification', async () => {
    const text = [
      'scalar x, β',
      'function g : R → R',
      '\\begin{align*}',
      '(x+1)^2 &= x^2 + 2x + 1 \\quad \\text{by expanding} \\\\',
      '&= x^2 + 2x + 1 + 0 \\\\',
      '&\\le x^2 + 2x + 1 + \\beta^2 \\qquad\\text{since } \\beta^2 \\ge 0 \\\\',
      '\\end{align*}',
      '\\[',
      'g(x) \\cdot 2 = 2 g(x) \\quad \\text{by linearity}',
      '\\]',
      '',
    ].join('\n');
    const report = await checkSource(text, { file: 'paste.deriv' });
    expect(said(report)).toEqual([]);
    expect(report.steps.map((s) => s.relation)).toEqual(['=', '=', '≤', '=']);
    for (const s of report.steps) expect(PASS, s.message).toContain(s.verdict);
  });

  it('reads \\text{or} between statements', () => {
    const { ast, diagnostics } = parseDerivation('x^2 = 9 \\iff x = 3 \\text{ or } x = -3\n');
    expect(diagnostics).toEqual([]);
    expect(ast.statements[0]!.kind).toBe('ChainStatement');
  });
});

/** Every expression and formula in a parsed file (plain data walk). */
function itemsOf(value: unknown, out: (Expr | Formula)[] = []): (Expr | Formula)[] {
  if (Array.isArray(value)) {
    for (const v of value) itemsOf(v, out);
  } else if (typeof value === 'object' && value !== null) {
    const kind = (value as { kind?: unknown }).kind;
    if (typeof kind === 'string' && ITEM_KINDS.has(kind)) {
      out.push(value as Expr | Formula);
    } else {
      for (const [k, v] of Object.entries(value)) if (k !== 'range') itemsOf(v, out);
    }
  }
  return out;
}

const ITEM_KINDS = new Set([
  'Num', 'Const', 'Var', 'Neg', 'Binary', 'Transpose', 'Factorial', 'Call', 'Abs', 'Norm', 'Component', 'BigOp',
  'Expect', 'Deriv', 'Grad', 'Limit', 'Compare', 'Logic', 'TagFact',
]);

/** The AST without ranges (and shapes): what "the same AST" means. */
function bare(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(bare);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'range' && k !== 'shape').map(([k, v]) => [k, bare(v)]));
}

const isFormula = (x: Expr | Formula): x is Formula => x.kind === 'Compare' || x.kind === 'Logic' || x.kind === 'TagFact';

describe('round trip: print, parse again, same AST', () => {
  const dir = join(__dirname, '..', 'derivations');
  const files = [
    ...readdirSync(dir).filter((f) => f.endsWith('.deriv')).map((f) => join(dir, f)),
    join(__dirname, 'fixtures', 'reading', 'spellings.deriv'),
  ];
  it.each(files.map((f) => [f.replace(/^.*\//u, ''), f]))('%s', (_name, path) => {
    const source = readFileSync(path, 'utf8');
    const { ast, diagnostics } = parseDerivation(source);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const words = declaredWords(splitLines(source).map((l) => l.code));
    const items = itemsOf(ast.statements);
    expect(items.length).toBeGreaterThan(10);
    for (const item of items) {
      const text = isFormula(item) ? printFormula(item) : printExpr(item);
      const back = isFormula(item) ? parseFormula(text, words).formula : parseExpression(text, words).expr;
      expect(back, text).not.toBeNull();
      expect(bare(back), text).toEqual(bare(item));
    }
  });
});
