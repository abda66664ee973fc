import { describe, expect, it } from 'vitest';
import type {
  Answer, Declare, Expr, Formula, HintItem, Show, Statement, Title,
} from '../src/ast.js';
import { parseDerivation, parseExpression, parseFormula } from '../src/parse/index.js';
import { GREEK_LETTERS } from '../src/parse/names.js';
import { printName } from '../src/print.js';

/**
 * A fully parenthesized, prefix form of an expression: `(op left right)`; `(jux a b)` is a
 * product by juxtaposition and `(* a b)` one with an explicit operator.
 */
function sx(e: Expr | Formula): string {
  switch (e.kind) {
    case 'Num': return e.value;
    case 'Const': return e.name === 'pi' ? 'π' : e.name === 'inf' ? '∞' : 'e';
    case 'Var': return printName(e.name);
    case 'Neg': return `(- ${sx(e.arg)})`;
    case 'Binary': return `(${e.implicit ? 'jux' : e.op} ${sx(e.left)} ${sx(e.right)})`;
    case 'Transpose': return `(T ${sx(e.arg)})`;
    case 'Factorial': return `(! ${sx(e.arg)})`;
    case 'Call': return `${printName(e.fn)}(${e.args.map(sx).join(', ')})`;
    case 'Abs': return `|${sx(e.arg)}|`;
    case 'Norm': return `‖${sx(e.arg)}‖`;
    case 'BigOp': return `(${e.op} ${printName(e.index)} ${sx(e.lower)} ${sx(e.upper)} ${sx(e.body)})`;
    case 'Expect': return `${e.op}[${sx(e.arg)}]`;
    case 'Deriv': return `(${e.partial ? '∂' : 'd'}/${sx(e.wrt)} ${sx(e.body)})`;
    case 'Grad': return `(∇_${sx(e.wrt)} ${sx(e.body)})`;
    case 'Limit': return `(lim ${sx(e.wrt)}→${sx(e.to)} ${sx(e.body)})`;
    case 'Compare': return `(${e.operands.map((o, i) => (i === 0 ? sx(o) : `${e.ops[i - 1]} ${sx(o)}`)).join(' ')})`;
    case 'Logic': return `(${sx(e.left)} ${e.op} ${sx(e.right)})`;
    case 'TagFact': return `(${sx(e.subject)} ${e.tag})`;
  }
}

function expr(text: string): string {
  const { expr: e, diagnostics } = parseExpression(text);
  expect(diagnostics, text).toEqual([]);
  return sx(e!);
}

function formula(text: string): string {
  const { formula: f, diagnostics } = parseFormula(text);
  expect(diagnostics, text).toEqual([]);
  return sx(f!);
}

/** The statements of a file that must parse without diagnostics. */
function statements(text: string): readonly Statement[] {
  const { ast, diagnostics } = parseDerivation(text);
  expect(diagnostics, text).toEqual([]);
  return ast.statements;
}

function only<K extends Statement['kind']>(text: string, kind: K): Extract<Statement, { kind: K }> {
  const all = statements(text);
  expect(all).toHaveLength(1);
  expect(all[0]!.kind).toBe(kind);
  return all[0] as Extract<Statement, { kind: K }>;
}

describe('precedence (LANGUAGE.md §1)', () => {
  it.each([
    ['a/b c', '(jux (/ a b) c)'],
    ['-x^2', '(- (^ x 2))'],
    ['-x²', '(- (^ x 2))'],
    ['x^y^z', '(^ x (^ y z))'],
    ['x^2 y', '(jux (^ x 2) y)'],
    ['a + b c', '(+ a (jux b c))'],
    ['a - b - c', '(- (- a b) c)'],
    ['a/b/c', '(/ (/ a b) c)'],
    ['a * -b', '(* a (- b))'],
    ['a - -b', '(- a (- b))'],
    ['-δ v_t', '(jux (- δ) v_t)'],
    ['-δ (β v_{t-1} + (1-β) g_t)', '(jux (- δ) (+ (jux β v_{t - 1}) (jux (- 1 β) g_t)))'],
    ['2x', '(jux 2 x)'],
    ['2 gᵀg', '(jux (jux 2 (T g)) g)'],
    ['ε gᵀ H g', '(jux (jux (jux ε (T g)) H) g)'],
    ['ε²/2 gᵀ H g', '(jux (jux (jux (/ (^ ε 2) 2) (T g)) H) g)'],
    ['1/2 (x - x_0)ᵀ H (x - x_0)', '(jux (jux (jux (/ 1 2) (T (- x x_0))) H) (- x x_0))'],
    ['(1-β) g_t', '(jux (- 1 β) g_t)'],
    ['W σ(h)', '(jux W σ(h))'],
    ['δ(1-β) g_t', '(jux δ((- 1 β)) g_t)'],
    ['H⁻¹ g', '(jux (^ H (- 1)) g)'],
    ['(x - x_0)ᵀ', '(T (- x x_0))'],
    ['xᵀy', '(jux (T x) y)'],
    ['n! + 1', '(+ (! n) 1)'],
    ['-n!', '(- (! n))'],
    ['x ** 2 ** 3', '(^ x (^ 2 3))'],
  ])('%s', (input, expected) => expect(expr(input)).toBe(expected));
});

describe('big operators: the summand is the next multiplicative term', () => {
  it.each([
    ['∑_{i=1}^{n} a_i + b', '(+ (sum i 1 n a_i) b)'],
    ['∑_{i=1}^{t} β^{t-i} g_i', '(sum i 1 t (jux (^ β (- t i)) g_i))'],
    ['(1-β) ∑_{i=1}^{t} β^{t-i} g_i', '(jux (- 1 β) (sum i 1 t (jux (^ β (- t i)) g_i)))'],
    ['(1-β) μ ∑_{i=1}^{t} β^{t-i}', '(jux (jux (- 1 β) μ) (sum i 1 t (^ β (- t i))))'],
    ['β (1-β) ∑_{i=1}^{t-1} β^{t-1-i} g_i + (1-β) g_t',
      '(+ (jux (jux β (- 1 β)) (sum i 1 (- t 1) (jux (^ β (- (- t 1) i)) g_i))) (jux (- 1 β) g_t))'],
    ['∑_{i=1}^{n} ∑_{j=1}^{n} a_{ij}', '(sum i 1 n (sum j 1 n a_{ij}))'],
    ['-∑_{i=1}^{n} a_i', '(- (sum i 1 n a_i))'],
    ['a * ∑_{i=1}^{n} a_i', '(* a (sum i 1 n a_i))'],
    ['a - ∑_{i=1}^{n} a_i', '(- a (sum i 1 n a_i))'],
    ['∏_{t=1}^{T} ‖J_t‖', '(prod t 1 T ‖J_t‖)'],
    ['∏_{t=1}^{T} γ (δ/γ)', '(prod t 1 T (jux γ (/ δ γ)))'],
    ['sum_{i=1}^{n} x_i', '(sum i 1 n x_i)'],
    ['\\sum_{i=1}^{n} x_i', '(sum i 1 n x_i)'],
    ['prod_{i=1}^{n} x_i', '(prod i 1 n x_i)'],
    // (After a factor, ASCII big operators were read as the word s·u·m with a subscript.)
    ['(1-β) sum_{i=1}^{t} β^{t-i} g_i', '(jux (- 1 β) (sum i 1 t (jux (^ β (- t i)) g_i)))'],
    ['a * sum_{i=1}^{n} a_i', '(* a (sum i 1 n a_i))'],
    ['2 prod_{i=1}^{n} x_i', '(jux 2 (prod i 1 n x_i))'],
    ['2 lim_{T→∞} δ^T', '(jux 2 (lim T→∞ (^ δ T)))'],
    ['\\prod_{i=1}^n x_i', '(prod i 1 n x_i)'],
    ['∑_{i=1}^{0} β^{-i} g_i', '(sum i 1 0 (jux (^ β (- i)) g_i))'],
    ['∇_x f(x) + 1', '(+ (∇_x f(x)) 1)'],
    ['(∂w/∂u)ᵀ ∇_w L(w)', '(jux (T (∂/u w)) (∇_w L(w)))'],
    ['‖u‖² - 2η uᵀ ∇_u L(w)', '(- (^ ‖u‖ 2) (jux (jux (jux 2 η) (T u)) (∇_u L(w))))'],
    ['g/‖u‖ (I - w wᵀ/‖w‖²) ∇_w L(w)',
      '(jux (jux (/ g ‖u‖) (- I (/ (jux w (T w)) (^ ‖w‖ 2)))) (∇_w L(w)))'],
    ['lim_{T→∞} δ^T', '(lim T→∞ (^ δ T))'],
    ['\\lim_{T \\to \\infty} a b', '(lim T→∞ (jux a b))'],
    ['d/dx x^2', '(d/x (^ x 2))'],
    ['∂/∂x f(x, y)', '(∂/x f(x, y))'],
    ['2 d/dx x', '(jux 2 (d/x x))'],
    ['\\frac{d}{dx} x', '(d/x x)'],
    ['\\frac{\\partial}{\\partial x} y', '(∂/x y)'],
  ])('%s', (input, expected) => expect(expr(input)).toBe(expected));
});

describe('spellings', () => {
  it.each([
    // minus and times
    ['a − b', '(- a b)'],
    ['a - b', '(- a b)'],
    ['a · b', '(* a b)'],
    ['a * b', '(* a b)'],
    ['a \\cdot b', '(* a b)'],
    ['a \\times b', '(* a b)'],
    ['a × b', '(* a b)'],
    ['a ÷ b', '(/ a b)'],
    // transpose vs power
    ['xᵀ', '(T x)'],
    ['x^⊤', '(T x)'],
    ['x^\\top', '(T x)'],
    ['x^{\\top}', '(T x)'],
    ['x^T', '(^ x T)'],
    ['x^{T}', '(^ x T)'],
    ['δ^T', '(^ δ T)'],
    // norm and absolute value
    ['‖x‖', '‖x‖'],
    ['||x||', '‖x‖'],
    ['\\|x\\|', '‖x‖'],
    ['\\lVert x \\rVert', '‖x‖'],
    ['\\left\\| x \\right\\|', '‖x‖'],
    ['norm(x)', '‖x‖'],
    ['|x|', '|x|'],
    ['abs(x)', '|x|'],
    ['\\left| x \\right|', '|x|'],
    ['\\lvert x \\rvert', '|x|'],
    ['|a| |b|', '(jux |a| |b|)'],
    ['|a| b |c|', '(jux (jux |a| b) |c|)'],
    ['‖a‖ b ‖c‖', '(jux (jux ‖a‖ b) ‖c‖)'],
    ['||x| - |y||', '|(- |x| |y|)|'],
    ['|σ\'(z)|', '|σ\'(z)|'],
    // roots and fractions
    ['√x', 'sqrt(x)'],
    ['√(x+1)', 'sqrt((+ x 1))'],
    ['√x²', 'sqrt((^ x 2))'],
    // (x² and x^2 read alike under √ too; a bracketed argument is the root's, as sqrt(x + 1)² is.)
    ['√x^2', 'sqrt((^ x 2))'],
    ['√x_1^2', 'sqrt((^ x_1 2))'],
    ['√(x+1)²', '(^ sqrt((+ x 1)) 2)'],
    ['√(x+1)^2', '(^ sqrt((+ x 1)) 2)'],
    ['sqrt(x)', 'sqrt(x)'],
    ['\\sqrt{x}', 'sqrt(x)'],
    ['\\frac{a}{b}', '(/ a b)'],
    ['\\frac{a + 1}{b} c', '(jux (/ (+ a 1) b) c)'],
    // superscripts
    ['x²', '(^ x 2)'],
    ['β³', '(^ β 3)'],
    ['H⁻¹', '(^ H (- 1))'],
    ['xⁿ', '(^ x n)'],
    ['x²³', '(^ x 23)'],
    ['xᵗ⁻ⁱ', '(^ x (- t i))'],
    ['‖w‖²', '(^ ‖w‖ 2)'],
    ['x^2', '(^ x 2)'],
    ['x^{t-i}', '(^ x (- t i))'],
    ['x^-1', '(^ x (- 1))'],
    ['H^{-1}', '(^ H (- 1))'],
    ['x**2', '(^ x 2)'],
    ['e^{-x}', '(^ e (- x))'],
    // numbers and constants
    ['0.5', '0.5'],
    ['1e-3', '1e-3'],
    ['.5', '.5'],
    ['2e x', '(jux (jux 2 e) x)'],
    ['∞', '∞'],
    ['inf', '∞'],
    ['\\infty', '∞'],
    ['π', 'π'],
    ['pi', 'π'],
    ['\\pi', 'π'],
    ['e', 'e'],
    // expectation and calculus
    ['E[x]', 'E[x]'],
    ['Var[x]', 'Var[x]'],
    ['\\mathbb{E}[x]', 'E[x]'],
    ['𝔼[x]', 'E[x]'],
    ['E[(1-β) ∑_{i=1}^{t} β^{t-i} g_i]', 'E[(jux (- 1 β) (sum i 1 t (jux (^ β (- t i)) g_i)))]'],
    ['∂y/∂x', '(∂/x y)'],
    ['∂g_T/∂g_0', '(∂/g_0 g_T)'],
    ['dy/dx', '(d/x y)'],
    ['\\frac{dy}{dx}', '(d/x y)'],
    ['\\frac{\\partial y}{\\partial x}', '(∂/x y)'],
    ['∇_x f', '(∇_x f)'],
    ['∇_{x_0} f', '(∇_x_0 f)'],
    ['\\nabla_x f', '(∇_x f)'],
    ['nabla_x f', '(∇_x f)'],
    // calls
    ['f(a, b)', 'f(a, b)'],
    ['f (a)', '(jux f a)'],
    ['sin(x)^2', '(^ sin(x) 2)'],
    ['σ\'(z)', 'σ\'(z)'],
    ['λ_max(WᵀW)', 'λ_max((jux (T W) W))'],
    ['lambda_max(A)', 'λ_max(A)'],
    ['\\lambda_{\\max}(A)', 'λ_max(A)'],
    ['λ_min(A)', 'λ_min(A)'],
    ['diag(v) tr(A) det(A) inv(H)', '(jux (jux (jux diag(v) tr(A)) det(A)) inv(H))'],
    ['\\log(x) + \\operatorname{tr}(A)', '(+ log(x) tr(A))'],
    ['\\left( a + b \\right)^2', '(^ (+ a b) 2)'],
  ])('%s', (input, expected) => expect(expr(input)).toBe(expected));
});

describe('relations and formulas', () => {
  it.each([
    ['0 < β < 1', '(0 < β < 1)'],
    ['a = b = c', '(a = b = c)'],
    ['x ≤ y ≥ z ≠ w → v', '(x ≤ y ≥ z ≠ w → v)'],
    ['x <= y >= z != w -> v', '(x ≤ y ≥ z ≠ w → v)'],
    ['x ⩽ y ⩾ z', '(x ≤ y ≥ z)'],
    ['x \\le y \\leq z \\ge w \\geq v', '(x ≤ y ≤ z ≥ w ≥ v)'],
    ['x \\ne y \\neq z \\lt w \\gt v \\to u', '(x ≠ y ≠ z < w > v → u)'],
    ['a == b', '(a = b)'],
    ['n! = 2', '((! n) = 2)'],
    ['n!=2', '(n ≠ 2)'],
    ['a < b ⇔ c < d', '((a < b) ⇔ (c < d))'],
    ['a < b <=> c <= d', '((a < b) ⇔ (c ≤ d))'],
    ['a = b => c = d', '((a = b) ⇒ (c = d))'],
    ['a = b ⇒ c = d', '((a = b) ⇒ (c = d))'],
    ['a = b \\iff c = d', '((a = b) ⇔ (c = d))'],
    ['a = b \\implies c = d', '((a = b) ⇒ (c = d))'],
    // (A chain, as a < b < c is: each statement joined to the next. Folded as ((A ⇔ B) ⇔ C),
    // `show x ≤ 1 ⇔ 2x ≤ 2 ⇔ 3x ≤ 3` was refuted at x = 3/2.)
    ['a = b ⇔ c = d ⇔ e = f', '(((a = b) ⇔ (c = d)) ∧ ((c = d) ⇔ (e = f)))'],
    ['a = b ⇒ c = d ⇒ e = f ⇔ g = h', '((((a = b) ⇒ (c = d)) ∧ ((c = d) ⇒ (e = f))) ∧ ((e = f) ⇔ (g = h)))'],
    ['H invertible', '(H invertible)'],
    ['H positive definite', '(H positive definite)'],
    ['H symmetric ⇔ H = Hᵀ', '((H symmetric) ⇔ (H = (T H)))'],
    ['f̂(x_0 - ε g) < f(x_0) ⇔ ε < 2 gᵀg / (gᵀ H g)',
      '((f̂((- x_0 (jux ε g))) < f(x_0)) ⇔ (ε < (/ (jux (jux 2 (T g)) g) (jux (jux (T g) H) g))))'],
  ])('%s', (input, expected) => expect(formula(input)).toBe(expected));
});

describe('names', () => {
  const name = (text: string) => {
    const e = parseExpression(text).expr!;
    expect(e.kind).toBe('Var');
    return e.kind === 'Var' ? e.name : null;
  };

  it.each([
    ['v_t', 'v', 't'],
    ['v_{t-1}', 'v', 't - 1'],
    ['x_0', 'x', '0'],
    ['x0', 'x', '0'],
    ['x12', 'x', '12'],
    ['g_{i+1}', 'g', 'i + 1'],
    ['Δθ_t', 'Δθ', 't'],
    ['\\Delta\\theta_t', 'Δθ', 't'],
    ['Deltatheta_t', 'Δθ', 't'],
    ['Δx', 'Δx', null],
    ['I_n', 'I', 'n'],
    ['α_t', 'α', 't'],
    ['alpha_t', 'α', 't'],
    ['\\alpha_{t}', 'α', 't'],
    ['x_\\alpha', 'x', 'α'],
    ['ab', 'ab', null],
    ['Hg', 'Hg', null],
  ])('%s', (input, base, index) => {
    const n = name(input)!;
    expect(n.base).toBe(base);
    expect(n.index === null ? null : sx(n.index)).toBe(index === null ? null : expr(index));
  });

  it.each([
    ["u'", 'u', 1, false],
    ["σ'", 'σ', 1, false],
    ["σ''", 'σ', 2, false],
    ['u′', 'u', 1, false],
    ['f̂', 'f', 0, true],
    ['hat(f)', 'f', 0, true],
    ['\\hat{f}', 'f', 0, true],
    ['\\hat f', 'f', 0, true],
    ['\\widehat{f}', 'f', 0, true],
  ])('%s has primes and hat', (input, base, primes, hat) => {
    const n = name(input)!;
    expect([n.base, n.primes, n.hat]).toEqual([base, primes, hat]);
  });

  it('primes go with the name before or after its subscript', () => {
    expect(name("u'_t")).toMatchObject({ base: 'u', primes: 1 });
    expect(name("u_t'")).toMatchObject({ base: 'u', primes: 1 });
    expect(name("v_{t}'")).toMatchObject({ base: 'v', primes: 1 });
  });

  it('a hat name applied is a call with a hatted function', () => {
    const e = parseExpression('f̂(x_0 - ε g)').expr!;
    expect(e.kind === 'Call' && e.fn).toMatchObject({ base: 'f', hat: true });
  });

  it('every Greek letter name, plain or LaTeX, is the Unicode letter', () => {
    for (const [word, letter] of Object.entries(GREEK_LETTERS)) {
      const plain = parseExpression(word).expr!;
      const latex = parseExpression(`\\${word}`).expr!;
      if (word === 'pi') {
        expect([plain.kind, latex.kind]).toEqual(['Const', 'Const']);
        continue;
      }
      expect(plain.kind === 'Var' && plain.name.base, word).toBe(letter);
      expect(latex.kind === 'Var' && latex.name.base, `\\${word}`).toBe(letter);
    }
  });

  it('variant glyphs are one letter', () => {
    expect(expr('ϵ + µ + ϑ + ϕ')).toBe('(+ (+ (+ ε μ) θ) φ)');
  });

  it('a run of letters is one word, even a Greek one', () => {
    expect(expr('αβ')).toBe('αβ');
    expect(expr('α β')).toBe('(jux α β)');
    expect(expr('v_tt')).toBe('(jux v_t t)');
  });

  it('keywords are never names', () => {
    for (const keyword of ['by', 'since', 'for', 'as', 'all', 'in', 'and']) {
      expect(parseExpression(`x ${keyword}`).diagnostics.length, keyword).toBe(1);
    }
  });
});

describe('ranges', () => {
  it('are offsets into the text, end-exclusive', () => {
    const text = 'a + (b c)ᵀ';
    const e = parseExpression(text).expr!;
    expect(e.range).toEqual([0, text.length]);
    if (e.kind !== 'Binary') throw new Error('expected a sum');
    expect(text.slice(...e.left.range)).toBe('a');
    expect(text.slice(...e.right.range)).toBe('(b c)ᵀ');
  });

  it('name ranges cover the decorations', () => {
    const text = "x + v_{t-1}'";
    const e = parseExpression(text).expr!;
    if (e.kind !== 'Binary' || e.right.kind !== 'Var') throw new Error('expected a sum of names');
    expect(text.slice(...e.right.name.range)).toBe("v_{t-1}'");
    expect(text.slice(...e.right.name.index!.range)).toBe('t-1');
  });

  it('are file offsets in a file', () => {
    const text = 'scalar a\n\n  a\n  = a + 1   by linearity\n';
    const chain = statements(text)[1];
    if (chain?.kind !== 'ChainStatement') throw new Error('expected a chain');
    const step = chain.chain.steps[0]!;
    expect(text.slice(...step.relRange)).toBe('=');
    expect(text.slice(...step.range)).toBe('= a + 1');
    expect(text.slice(...step.rhs!.range)).toBe('a + 1');
    expect(text.slice(...step.hint!.range)).toBe('by linearity');
    expect(text.slice(...chain.range)).toBe('a\n  = a + 1   by linearity');
  });
});

describe('statements (LANGUAGE.md §2)', () => {
  it('title and section', () => {
    expect(only('title "Q2 — momentum"', 'Title')).toMatchObject<Partial<Title>>({ text: 'Q2 — momentum' });
    expect(only('section "2.1 # not a comment"', 'Section').name).toBe('2.1 # not a comment');
    expect(only('title “curly quotes”', 'Title').text).toBe('curly quotes');
  });

  const declare = (text: string) => only(text, 'Declare');
  const names = (d: Declare) => d.names.map(printName);

  it.each([
    ['scalar α, β, δ, ε', 'scalar', ['α', 'β', 'δ', 'ε'], null],
    ['integer t, i, T', 'integer', ['t', 'i', 'T'], null],
    ['vector g_t, v_t, Δθ_t in R^n', 'vector', ['g_t', 'v_t', 'Δθ_t'], ['n']],
    ['vector b in R^n', 'vector', ['b'], ['n']],
    ['vector b ∈ ℝ^3', 'vector', ['b'], [3]],
    ['vector b in \\mathbb{R}^n', 'vector', ['b'], ['n']],
    ['matrix W, U in R^{n×n}', 'matrix', ['W', 'U'], ['n', 'n']],
    ['matrix W in R^{n x m}', 'matrix', ['W'], ['n', 'm']],
    ['matrix W in R^{nxm}', 'matrix', ['W'], ['n', 'm']],
    ['matrix W in R^(n×m)', 'matrix', ['W'], ['n', 'm']],
    ['matrix W in R^{n\\times m}', 'matrix', ['W'], ['n', 'm']],
    ['random X', 'random', ['X'], null],
  ])('%s', (text, kind, declared, dims) => {
    const d = declare(text);
    expect(d.declKind).toBe(kind);
    expect(names(d)).toEqual(declared);
    expect(d.space?.dims ?? null).toEqual(dims);
  });

  it('matrix tags', () => {
    expect(declare('matrix H in R^{n×n} symmetric').tags).toEqual(['symmetric']);
    expect(declare('matrix H in R^{n×n} symmetric, positive definite').tags).toEqual(['symmetric', 'positive definite']);
    expect(declare('matrix Q in R^{n×n} orthogonal invertible diagonal').tags).toEqual(['orthogonal', 'invertible', 'diagonal']);
  });

  it('functions', () => {
    for (const text of ['function σ : R → R', 'function σ: R -> R', 'function σ : R \\to R']) {
      const d = declare(text);
      expect([names(d), d.space?.dims, d.codomain?.dims]).toEqual([['σ'], [], []]);
    }
    expect(declare('function f : R^n → R').space?.dims).toEqual(['n']);
  });

  it('random names', () => {
    const iid = declare('random g_t in R^n iid with E[g_t] = μ');
    expect([iid.iid, iid.space?.dims, iid.facts.map(sx)]).toEqual([true, ['n'], ['(E[g_t] = μ)']]);
    const white = declare('random x in R^n with E[x] = 0, E[x xᵀ] = I');
    expect([white.iid, white.facts.map(sx)]).toEqual([false, ['(E[x] = 0)', '(E[(jux x (T x))] = I)']]);
  });

  const conditions = (text: string) => only(text, 'Assume').conditions.map((c) => [sx(c.formula), c.forAll.map(sx)]);

  it('assume', () => {
    expect(conditions('assume 0 < β < 1')).toEqual([['(0 < β < 1)', []]]);
    expect(conditions('assume ε > 0, gᵀ H g > 0')).toEqual([['(ε > 0)', []], ['((jux (jux (T g) H) g) > 0)', []]]);
    expect(conditions("assume |σ'(z)| ≤ γ for all z")).toEqual([["(|σ'(z)| ≤ γ)", ['z']]]);
    // (A condition after the names' comma is an error: as an assumption of its own, c > 0, it
    // silently widened `f(z) ≥ 0 for all z, w > 0` to every z — red team rt70. On its own line it is read.)
    expect(parseDerivation('assume f(x, y) ≥ 0 for all x, y, c > 0\n').diagnostics.map((d) => d.code)).toEqual(['for-all-condition']);
    expect(conditions('assume f(x, y) ≥ 0 for all x, y')).toEqual([['(f(x, y) ≥ 0)', ['x', 'y']]]);
    // Two assumptions each with its own `for all`, after ',' or 'and'; a condition without one
    // after the names is the for-all error, whichever separates it.
    expect(conditions('assume f(z) ≥ 0 for all z, g(z) ≤ 0 for all z')).toEqual([['(f(z) ≥ 0)', ['z']], ['(g(z) ≤ 0)', ['z']]]);
    expect(conditions('assume f(z) ≥ 0 for all z and g(z) ≤ 0 for all z')).toEqual([['(f(z) ≥ 0)', ['z']], ['(g(z) ≤ 0)', ['z']]]);
    expect(conditions('assume f(z) ≥ 0 for all z, and g(z) ≤ 0 for all z')).toEqual([['(f(z) ≥ 0)', ['z']], ['(g(z) ≤ 0)', ['z']]]);
    for (const text of ['assume f(z) ≥ 0 for all z, |z| < 1', 'assume f(z) ≥ 0 for all z and z < 1', 'assume f(z) ≥ 0 ∀ z, g(z) ≤ 1', 'assume f(z) ≥ 0 for all z, |z| < 1 and g(z) ≤ 0 for all z']) {
      expect(parseDerivation(`${text}\n`).diagnostics.map((d) => d.code)).toEqual(['for-all-condition']);
    }
    expect(conditions('assume H invertible')).toEqual([['(H invertible)', []]]);
    expect(conditions('assume g_{t-1} = σ(h_{t-1})')).toEqual([['(g_{t - 1} = σ(h_{t - 1}))', []]]);
  });

  const define = (text: string) => {
    const d = only(text, 'Define');
    return [printName(d.target), d.params?.map(sx) ?? null, sx(d.value), d.condition && sx(d.condition)];
  };

  it('define', () => {
    expect(define('define v_0 = 0')).toEqual(['v_0', null, '0', null]);
    expect(define('define v_t = β v_{t-1} + (1-β) g_t   for t ≥ 1'))
      .toEqual(['v_t', null, '(+ (jux β v_{t - 1}) (jux (- 1 β) g_t))', '(t ≥ 1)']);
    expect(define('define v_t = v_{t-1} for all t ≥ 1')[3]).toBe('(t ≥ 1)');
    expect(define('define Δθ_t = -v_t')).toEqual(['Δθ_t', null, '(- v_t)', null]);
    expect(define('define α = β')).toEqual(['α', null, 'β', null]);
    expect(define('define f̂(x) = f(x_0) + (x - x_0)ᵀ g')).toEqual(['f̂', ['x'], '(+ f(x_0) (jux (T (- x x_0)) g))', null]);
    expect(define('define f(x, y) := x y')).toEqual(['f', ['x', 'y'], '(jux x y)', null]);
    expect(define("define u' = u - η ∇_u L(w)")).toEqual(["u'", null, '(- u (jux η (∇_u L(w))))', null]);
  });

  const show = (text: string) => only(text, 'Show');

  it('show', () => {
    expect(show('show "3.1": a = b')).toMatchObject<Partial<Show>>({ name: '3.1', points: null, forAll: null, induction: null });
    expect(show('show a = b').name).toBeNull();
    const induction = show('show "2.2": v_t = (1-β) ∑_{i=1}^{t} β^{t-i} g_i   for all t ≥ 0   by induction on t');
    expect([sx(induction.forAll!), sx(induction.induction!), induction.hint]).toEqual(['(t ≥ 0)', 't', null]);
    expect(sx(show('show E[v_t / (1 - β^t)] = μ   for all t ≥ 1').claim)).toBe('(E[(/ v_t (- 1 (^ β t)))] = μ)');
    const limit = show('show "1.2": ‖∂g_T/∂g_0‖ → 0 as T → ∞');
    expect([sx(limit.claim), sx(limit.limit!.wrt), sx(limit.limit!.to)]).toEqual(['(‖(∂/g_0 g_T)‖ → 0)', 'T', '∞']);
    expect(sx(show('show f̂(x_0 - ε g) < f(x_0)  ⇔  ε < 2 gᵀg / (gᵀ H g)').claim)).toMatch(/^\(\(.*\) ⇔ \(.*\)\)$/u);
    expect(show('show "2.2" [8 points]: a = b').points).toMatchObject({ points: 8, partial: false });
    expect(show('show "2.2" [8 points, partial]: a = b').points).toMatchObject({ points: 8, partial: true });
    expect(show('show [1 point]: a = b')).toMatchObject({ name: null, points: { points: 1, partial: false } });
    expect(show('show a = c by "2.2"').hint?.items).toMatchObject([{ kind: 'ref', name: '2.2' }]);
  });

  it('answer', () => {
    const answer = only('answer "2.1": α = β, ε = δ(1-β)', 'Answer');
    expect([answer.name, answer.claims.map(sx)]).toEqual(['2.1', ['(α = β)', '(ε = δ((- 1 β)))']]);
    expect(only('answer "2.1" [5 points]: α = β', 'Answer')).toMatchObject<Partial<Answer>>({ points: { points: 5, partial: false, range: [13, 23] } });
    // (Red team:) `and` states two claims, as a comma does; a justification after them is read.
    expect(only('answer "D1": a = 1 and b = 2   since the key says so', 'Answer').claims.map(sx)).toEqual(['(a = 1)', '(b = 2)']);
  });

  it('conditions may be joined by and', () => {
    expect(conditions('assume a > 0 and b > 0')).toEqual([['(a > 0)', []], ['(b > 0)', []]]);
  });
});

describe('justifications', () => {
  const hint = (text: string) => {
    const chain = statements(`x\n= y ${text}`)[0];
    if (chain?.kind !== 'ChainStatement') throw new Error('expected a chain');
    return chain.chain.steps[0]!.hint!;
  };
  const items = (text: string) => hint(text).items.map((item: HintItem) => {
    switch (item.kind) {
      case 'def': return `def ${item.names.map(printName).join(' ')}`;
      case 'ref': return `ref ${item.name}`;
      case 'fact': return `${item.dividing ? 'dividing ' : ''}fact ${sx(item.formula)}`;
      case 'rule': return `rule ${item.name}`;
      default: return item.kind;
    }
  });

  it.each([
    ['by def v', ['def v']],
    ['by def v, def Δθ', ['def v', 'def Δθ']],
    ['by definition of v', ['def v']],
    ['by the definition of v_t', ['def v_t']],
    ['by assumption', ['assumption']],
    ['by IH', ['IH']],
    ['by induction hypothesis', ['IH']],
    ['by the induction hypothesis', ['IH']],
    ['by "2.2"', ['ref 2.2']],
    ['by α = β, ε = δ(1-β)', ['fact (α = β)', 'fact (ε = δ((- 1 β)))']],
    ['since H symmetric', ['fact (H symmetric)']],
    ['by H invertible', ['fact (H invertible)']],
    ['since uᵀ ∇_u L(w) = 0', ['fact ((jux (T u) (∇_u L(w))) = 0)']],
    ['since w wᵀ/‖w‖² = u uᵀ/‖u‖²', ['fact ((/ (jux w (T w)) (^ ‖w‖ 2)) = (/ (jux u (T u)) (^ ‖u‖ 2)))']],
    ['by dividing by ε > 0', ['dividing fact (ε > 0)']],
    ['by dividing by gᵀ H g / 2 > 0', ['dividing fact ((/ (jux (jux (T g) H) g) 2) > 0)']],
    ['by linearity', ['rule linearity']],
    ['by chain rule', ['rule chain rule']],
    ['by   triangle    inequality', ['rule triangle inequality']],
    ['by Cauchy-Schwarz', ['rule Cauchy-Schwarz']],
    ['by geometric sum', ['rule geometric sum']],
    ['by submultiplicativity', ['rule submultiplicativity']],
    ["by Jensen's inequality", ["rule Jensen's inequality"]],
    ['by def v and linearity', ['def v', 'rule linearity']],
    ['by IH; assumption', ['IH', 'assumption']],
  ])('%s', (text, expected) => expect(items(text)).toEqual(expected));

  it('keeps the keyword and the text as written', () => {
    expect(hint('since   H symmetric  ')).toMatchObject({ keyword: 'since', text: 'H symmetric' });
    expect(hint('by def v # a comment')).toMatchObject({ keyword: 'by', text: 'def v' });
  });
});

// (The parser answers Ohm's skipping of spaces itself where no space can start: src/parse/
// semantics.ts `cannotStartSpace`, the guard of the grammar's `spaces` written out. A character
// the grammar takes as a space that it rejected would be a token no line could hold.)
describe('the characters no space starts with', () => {
  it('are none the grammar\'s `space` takes, in the whole Basic Multilingual Plane', async () => {
    const { cannotStartSpace, grammar } = await import('../src/parse/semantics.js');
    const wrong: string[] = [];
    let spaces = 0;
    for (let c = 0; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      if (!grammar.match(String.fromCharCode(c), 'space').succeeded()) continue;
      spaces++;
      if (cannotStartSpace(c)) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
    expect(spaces).toBeGreaterThan(10);
    // (LaTeX's spacing starts with a backslash.)
    for (const s of ['\\,', '\\;', '\\quad', '\\ ']) expect(grammar.match(s, 'space').succeeded()).toBe(true);
    expect(cannotStartSpace('\\'.charCodeAt(0))).toBe(false);
  });
});
