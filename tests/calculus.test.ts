import { describe, expect, it } from 'vitest';
import { checkSource } from '../src/check/index.js';
import { Dual, dualField } from '../src/check/evaluator/dual.js';
import { Jet, jetField } from '../src/check/evaluator/jet.js';
import { Rational, exactField } from '../src/check/evaluator/rational.js';
import { intervalField } from '../src/check/evaluator/interval.js';
import { Kink, Undecided } from '../src/check/evaluator/field.js';
import { decimalField } from '../src/check/evaluator/decimal.js';
import type { FileReport, StepResult } from '../src/result.js';

/**
 * Calculus (LANGUAGE.md §4, §5.5–5.7): derivatives as values, their symbolic forms, the
 * named rules for norms and bounds, and limits. Every row is a real file checked in-process.
 */

/** The steps of a snippet, which must have no errors. */
async function stepsOf(text: string, options = {}): Promise<{ steps: StepResult[]; report: FileReport }> {
  const report = await checkSource(text, { file: 'calculus.deriv', timeoutMs: 8000, ...options });
  expect(report.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
  return { steps: report.steps, report };
}

const DECLS = [
  'scalar z, a, c, λ, y',
  'vector x, b, w, v in R^n',
  'vector r in R^m',
  'matrix M, A, B in R^{n×n}',
  'matrix S in R^{n×n} symmetric',
  'matrix K in R^{n×n} invertible',
  'matrix X in R^{m×n}',
  'function σ : R → R',
  'function f : R^n → R',
  'function F : R^n → R^m',
  'define s(z) = 1/(1 + exp(-z))',
  'define q(z) = z³ - 2z',
  'define g = A x',
  '',
].join('\n');

/** [left, right, verdict]: a table of derivative identities, true and false. */
const IDENTITIES: [string, string, 'proved' | 'checked' | 'refuted'][] = [
  // scalar derivatives
  ['d/dz (z³ + 2z)', '3 z² + 2', 'proved'],
  ['d/dz (z³ + 2z)', '3 z² + 2z', 'refuted'],
  ['d/dz (z exp(z))', '(1 + z) exp(z)', 'proved'],
  ['d/dz sin(z)²', '2 sin(z) cos(z)', 'proved'],
  ['d/dz log(1 + z²)', '2z/(1 + z²)', 'proved'],
  ['d/dz log(1 + z²)', '1/(1 + z²)', 'refuted'],
  ['d/dz tanh(z)', '1 - tanh(z)²', 'proved'],
  ['d/dz √(1 + z²)', 'z/√(1 + z²)', 'proved'],
  ['d/dz (a/z)', '-a/z²', 'proved'],
  ['d/dz exp(a z)', 'a exp(a z)', 'proved'],
  ['d/dz exp(a z)', 'exp(a z)', 'refuted'],
  ['s\'(z)', 's(z) (1 - s(z))', 'proved'],
  ['s\'(z)', 's(z)²', 'refuted'],
  ['q\'(z)', '3 z² - 2', 'proved'],
  ['q\'\'(z)', '6 z', 'proved'],
  ['d/dz σ(a z)', 'a σ\'(a z)', 'proved'],
  ['d/dz σ(z)', 'σ(z)²', 'refuted'],
  ['d²/dz² (z⁴)', '12 z²', 'proved'],
  ['d²/dz² sin(a z)', '-a² sin(a z)', 'proved'],
  ['d/dz σ(σ(z))', 'σ\'(σ(z)) σ\'(z)', 'proved'],
  // gradients
  ['∇_x (bᵀ x)', 'b', 'proved'],
  ['∇_x (xᵀ b)', '2 b', 'refuted'],
  ['∇_x (xᵀ M x)', '(M + Mᵀ) x', 'proved'],
  ['∇_x (xᵀ M x)', '2 M x', 'refuted'],
  ['∇_x (xᵀ S x)', '2 S x', 'proved'],
  ['∇_x ‖x‖²', '2 x', 'proved'],
  ['∇_x ‖x‖', 'x/‖x‖', 'proved'],
  ['∇_x (1/2 ‖X x - r‖²)', 'Xᵀ (X x - r)', 'proved'],
  ['∇_x (1/2 ‖X x - r‖²)', 'Xᵀ (X x + r)', 'refuted'],
  ['∇_w (1/2 ‖X w - r‖² + λ/2 ‖w‖²)', '(Xᵀ X + λ I_n) w - Xᵀ r', 'proved'],
  ['∇_w log(1 + exp(-y wᵀ x))', '-y x/(1 + exp(y wᵀ x))', 'proved'],
  ['∇_w log(1 + exp(-y wᵀ x))', 'y x/(1 + exp(y wᵀ x))', 'refuted'],
  ['∇_x (bᵀ σ(x))', 'diag(σ\'(x)) b', 'proved'],
  ['∇_x f(A x)', 'Aᵀ ∇_g f(g)', 'proved'],
  ['∇_x f(A x)', 'A ∇_g f(g)', 'refuted'],
  ['∇_x (xᵀ K⁻¹ x)', '(K⁻¹ + (K⁻¹)ᵀ) x', 'proved'],
  // matrix functions of a scalar (forward mode through elimination, pivots with value 0 kept)
  ['d/dz ((K + z B)⁻¹)', '-(K + z B)⁻¹ B (K + z B)⁻¹', 'proved'],
  ['d/dz ((K + z B)⁻¹)', '-B (K + z B)⁻¹ (K + z B)⁻¹', 'refuted'],
  // (Jacobi's formula: the right side needs K + zB invertible, which nothing proves (det(K + zB)
  // is a polynomial in z), while the left has a value for every z: checked, not proved.)
  ['d/dz det(K + z B)', 'det(K + z B) tr((K + z B)⁻¹ B)', 'checked'],
  ['d/dz det(K + z B)', 'tr((K + z B)⁻¹ B)', 'refuted'],
  ['d/dz ((M + z B)²)', 'B (M + z B) + (M + z B) B', 'proved'],
  // gradients in a matrix (shaped like the matrix)
  ['∇_A (bᵀ A x)', 'b xᵀ', 'proved'],
  ['∇_A (bᵀ A x)', 'x bᵀ', 'refuted'],
  ['∇_A (1/2 ‖A x - b‖²)', '(A x - b) xᵀ', 'proved'],
  ['∇_A (xᵀ Aᵀ A x)', '2 A x xᵀ', 'proved'],
  ['∇_A tr(Aᵀ M A)', '(M + Mᵀ) A', 'proved'],
  ['∇_A tr(Aᵀ M A)', '2 M A', 'refuted'],
  // Jacobians and Hessians
  ['∂/∂x (A x)', 'A', 'proved'],
  ['∂/∂x (A x)', 'Aᵀ', 'refuted'],
  ['∂g/∂x', 'A', 'proved'],
  ['∂/∂x σ(A x + b)', 'diag(σ\'(A x + b)) A', 'proved'],
  ['∂/∂x σ(A x + b)', 'A diag(σ\'(A x + b))', 'refuted'],
  ['∂/∂x F(x)', '∂/∂x F(x)', 'proved'],
  ['∇²_x (xᵀ M x)', 'M + Mᵀ', 'proved'],
  ['∇²_x (1/2 xᵀ S x)', 'S', 'proved'],
  ['∇²_x (1/2 xᵀ S x)', '2 S', 'refuted'],
  ['∂/∂x ∇_x f(x)', '(∂/∂x ∇_x f(x))ᵀ', 'proved'],
  // a built-in's derivative by primes, as on paper (was "unknown function 'tanh'")
  ["tanh'(z)", '1 - tanh(z)²', 'proved'],
  ["tanh'(z)", '1 + tanh(z)²', 'refuted'],
  ["a tanh'(a z)", 'd/dz tanh(a z)', 'proved'],
  ["exp'(2z)", 'exp(2z)', 'proved'],
  ["sin'(z) + cos'(z)", 'cos(z) - sin(z)', 'proved'],
  ["sin''(z)", 'sin(z)', 'refuted'],
  ["tanh''(z)", '-2 tanh(z) (1 - tanh(z)²)', 'proved'],
  ["log'(z)", '1/z', 'proved'],
  ["ln'(z)", 'z', 'refuted'],
  ["sqrt'(z)", '1/(2√z)', 'proved'],
  ["cos'''(z)", 'sin(z)', 'proved'],
  // cosh, sinh, sech, csch, coth: their definitions in exp, and their derivatives by primes
  ["cosh'(z)", 'sinh(z)', 'proved'],
  ["cosh'(z)", 'cosh(z)', 'refuted'],
  ["sinh''(z)", 'sinh(z)', 'proved'],
  ["sech'(z)", '-sech(z) tanh(z)', 'proved'],
  ["csch'(z)", '-csch(z) coth(z)', 'proved'],
  ["coth'(z)", '-csch(z)^2', 'proved'],
  ["coth'(z)", 'csch(z)^2', 'refuted'],
  ['d/dz cosh(a z)', 'a sinh(a z)', 'proved'],
  ['d/dz tanh(z)', '1/cosh(z)^2', 'proved'],
  ['d/dz tanh(z)', '\\operatorname{sech}^2 z', 'proved'],
  ['d/dz tanh(z)', 'sech(z)', 'refuted'],
];

describe('a table of derivative identities', () => {
  it('has at least 30 rows, true and false', () => {
    expect(IDENTITIES.length).toBeGreaterThanOrEqual(30);
    expect(IDENTITIES.filter(([, , v]) => v === 'refuted').length).toBeGreaterThanOrEqual(10);
  });
  it.each(IDENTITIES)('%s = %s → %s', async (l, r, want) => {
    const { steps } = await stepsOf(`${DECLS}    ${l}\n  = ${r}\n`);
    expect(steps.map((s) => s.verdict), steps[0]?.message).toEqual([want]);
    if (want === 'refuted') expect(steps[0]!.counterexample).not.toBeNull();
  });
});

describe('a built-in’s derivative by primes', () => {
  it.each([
    ["tanh''(2z)", /tanh''\(…\) is read only at a name/],
    ["tanh'(x)", /tanh' is read on a scalar, but its argument is a vector/],
    // (Red team: these said "unknown function 'tanh': declare it", advice that shadows the built-in.)
    ["tanh'(z, y)", /'tanh'' takes 1 argument, but 2 are given/],
    ["max'(z, y)", /max' has no meaning here: primes give the derivative of a built-in of one scalar argument/],
    ["tr'(M)", /tr' has no meaning here/],
    ["cosh''(2z)", /cosh''\(…\) is read only at a name/],
    ["sinh'(z, y)", /'sinh'' takes 1 argument, but 2 are given/],
  ])('says what %s needs, where it is', async (left, message) => {
    const report = await checkSource(`${DECLS}    ${left}\n  = 0\n`, { file: 'p.deriv' });
    const errors = report.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.message)).toEqual([expect.stringMatching(message)]);
    expect(report.source.slice(errors[0]!.range[0], errors[0]!.range[1])).toBe(left);
  });
  it("keeps log's domain: log'(z) > 0 and log'(z) = exp(−log z) are not refuted at z < 0 (red team)", async () => {
    for (const [left, rel, right] of [["log'(z)", '>', '0'], ["log'(z)", '=', 'exp(-log(z))']] as const) {
      for (const seed of [0, 1, 2]) {
        const report = await checkSource(`scalar z\n    ${left}\n  ${rel} ${right}\n`, { file: 'p.deriv', seed });
        expect(report.steps[0]!.verdict, report.steps[0]!.message).not.toBe('refuted');
      }
    }
  });
  it('reports a problem inside the argument once', async () => {
    const report = await checkSource("scalar z\n    tanh'(z + foo(z))\n  = 0\n", { file: 'p.deriv' });
    expect(report.diagnostics.filter((d) => d.code === 'unknown-function')).toHaveLength(1);
  });
});

/**
 * Derivatives through kinks (|u| at 0, max and min at a tie), where the two-sided rule of
 * dual numbers stops: one-sided derivatives decide. Where they agree the derivative exists
 * (x|x| and ReLU² at 0), so a right step must not be refuted there; where they differ it does
 * not, and a step that claims a value there is refuted at the kink. Each step reaches x = 0.
 */
const KINKS: [string, string, 'holds' | 'refuted' | 'not passed'][] = [
  ['2|x|', 'd/dx(x|x|)', 'holds'],
  ['2 max(0, x)', 'd/dx(max(0, x)²)', 'holds'],
  ['2 min(0, x)', 'd/dx(min(0, x)^2)', 'holds'],
  ['2x', 'd/dx √(x⁴)', 'holds'],
  ['3x|x|', 'd/dx (x²)^(3/2)', 'holds'],
  ['2x', '∂/∂x (max(x, y)² + min(x, y)²)', 'holds'],
  ['0', 'd/dx (max(x, 0) + min(x, 0) - x)', 'holds'],
  ['2|x|', 'r\'(x)', 'holds'],
  ['|y|', 'd/dx (x √(y²))', 'holds'],
  // one-sided derivatives that differ: no derivative at 0, while the left side has a value
  ['2|x|', 'd/dx(x|x|) + d/dx |x| - x/|x|', 'refuted'],
  ['0', 'd/dx max(x, 0) - d/dx max(x, 0)', 'refuted'],
  ['2 max(0, x)', 'd/dx(max(0, x)²) + d/dx max(0, x) - max(0, x)/x', 'refuted'],
  // (Red team:) √ of something whose first-order change is 0 is undecided, never a constant:
  // z² at 0 has a derivative equal to the backends' shared zero, which once read as "constant".
  ['0', 'q\'(x) - q\'(x) + q\'(0)', 'not passed'],
  ['1', 'p\'(0)', 'not passed'],
  ['0', 'd/dx √(sin(x²)) - d/dx √(sin(x²)) + (d/dx √(sin(x²)))', 'not passed'],
];

describe('derivatives through kinks', () => {
  it.each(KINKS)('%s = %s → %s', async (l, r, want) => {
    const { steps } = await stepsOf(`scalar x, y\ndefine r(z) = z |z|\ndefine q(z) = √(z²)\ndefine p(z) = √(z²) + z\n    ${l}\n  = ${r}\n`);
    const s = steps[0]!;
    if (want === 'holds') expect(['proved', 'checked'], s.message).toContain(s.verdict);
    else if (want === 'not passed') expect(['proved', 'checked'], s.message).not.toContain(s.verdict);
    else {
      expect(s.verdict, s.message).toBe('refuted');
      expect(s.counterexample!.assignments.find(([n]) => n === 'x')?.[1]).toBe('0');
      expect(s.counterexample!.note).toMatch(/not differentiable/);
    }
  });
  it('takes a fractional power at 0 one-sidedly through a kink: |x|^{3/2} has slope 0 there, |x|^{1/2} none', async () => {
    const at0 = (body: string) => stepsOf(`scalar x\nassume x = 0\n    0\n  = d/dx ${body}\n`);
    const ok = (await at0('|x|^(3/2)')).steps[0]!;
    expect(['proved', 'checked'], ok.message).toContain(ok.verdict);
    expect((await at0('|x|^(1/2)')).steps[0]!.verdict).toBe('refuted');
  });
  it('has no gradient where its partials exist but its slope along a direction is not their combination', async () => {
    const { steps } = await stepsOf('vector u in R^n\nassume u = 0\n    0\n  = ∇_u (|u_1 + u_2| - |u_1 - u_2|)\n');
    expect(['proved', 'checked'], steps[0]!.message).not.toContain(steps[0]!.verdict);
  });
  it('takes one-sided derivatives by directional dual numbers (|x|, max at a tie)', () => {
    const D = dualField(exactField, true);
    const at = (d: string) => new Dual(Rational.ZERO, Rational.parse(d));
    expect(D.elementary('abs', at('1')).d.toString()).toBe('1');
    expect(D.elementary('abs', at('-1')).d.toString()).toBe('1');
    expect(D.max(at('1'), at('-2')).d.toString()).toBe('1');
    expect(D.min(at('1'), at('-2')).d.toString()).toBe('-2');
    // two-sided: a kink, or undecided where first-order values cannot tell (√(t⁴) vs √(t²))
    expect(() => dualField(exactField).elementary('abs', at('1'))).toThrow(Kink);
    expect(() => dualField(intervalField).elementary('sqrt', new Dual(intervalField.zero, intervalField.sub(intervalField.one, intervalField.one)))).toThrow(Undecided);
  });
});

describe('derivatives as values', () => {
  it('jets give the same partials as one dual number per direction, exactly', () => {
    const J = jetField(exactField, 3);
    const D = dualField(exactField);
    const at = ['0.5', '-2', '3'].map((v) => Rational.parse(v));
    // f(x, y, z) = x y² / (1 + z²) − x³
    const f = <T>(F: typeof J | typeof D | typeof exactField, [x, y, z]: T[]) => {
      const G = F as unknown as import('../src/check/evaluator/field.js').Field<T>;
      return G.sub(G.div(G.mul(x!, G.powInt(y!, 2n)), G.add(G.one, G.mul(z!, z!))), G.powInt(x!, 3n));
    };
    const jet = f(J, at.map((v, i) => new Jet(v, [0, 1, 2].map((j) => (i === j ? Rational.ONE : Rational.ZERO))))) as Jet<Rational>;
    for (let j = 0; j < 3; j++) {
      const dual = f(D, at.map((v, i) => new Dual(v, i === j ? Rational.ONE : Rational.ZERO))) as Dual<Rational>;
      expect(jet.d[j]!.equals(dual.d)).toBe(true);
    }
    // ∂f/∂x = y²/(1 + z²) − 3x² = 4/10 − 3/4 = −7/20
    expect(jet.d[0]!.equals(Rational.of(-7).div(Rational.of(20)))).toBe(true);
  });

  it('a gradient is a column shaped like x, a Jacobian is m×n (∂(Xx)/∂x = X)', async () => {
    const { steps } = await stepsOf(`${DECLS}    ∂/∂x (X x)\n  = X\n    ∇_x (rᵀ X x)\n  = Xᵀ r\n`);
    expect(steps.map((s) => s.verdict)).toEqual(['proved', 'proved']);
  });

  it('the gradient of a declared f : R^n → R at a point is its instance\'s exact gradient (chain rule through a definition)', async () => {
    const text = `scalar g\nvector u, w in R^n\nfunction L : R^n → R\nassume g ≠ 0, u ≠ 0\ndefine w = g u / ‖u‖\n`
      + `    ∇_u L(w)\n  = (∂w/∂u)ᵀ ∇_w L(w)\n  = (g/‖u‖) (I - u uᵀ/‖u‖²) ∇_w L(w)\n    ∇_u L(w)\n  = ∇_w L(w)\n`;
    const { steps } = await stepsOf(text);
    expect(steps.map((s) => s.verdict)).toEqual(['proved', 'proved', 'refuted']);
  });

  it('the Jacobian of a recurrence is the ordered product of the step Jacobians', async () => {
    const text = `integer t, T\nvector h_t, v_t, b in R^n\nmatrix W in R^{n×n}\nfunction σ : R → R\n`
      + `define h_t = σ(W h_{t-1} + v_t + b)      for t ≥ 1\n`
      + `define J_t = diag(σ'(W h_{t-1} + v_t + b)) W      for t ≥ 1\n`
      + `    ∂h_T/∂h_0\n  = ∏_{t=1}^{T} J_t\n    ∂h_T/∂h_0\n  = ∏_{t=1}^{T} J_tᵀ\n    ∂h_2/∂h_0\n  = J_2 J_1\n    ∂h_2/∂h_0\n  = J_1 J_2\n`;
    const { steps } = await stepsOf(text);
    expect(steps.map((s) => s.verdict)).toEqual(['proved', 'refuted', 'proved', 'refuted']);
    expect(steps[0]!.rule).toBe('differentiation');
  });

  it('does not take a derivative in a defined name of what the name is defined from', async () => {
    // dx/dy with y = x² is the inverse's derivative 1/(2x), not 0: unknown, saying why. Forward
    // (dy/dx) and a derivative of what reads only the defined name (∇_y of yᵀy) stay decided.
    const text = 'scalar x\nvector u in R^n\nmatrix A in R^{n×n} invertible\ndefine y = x^2\ndefine v = A u\ndefine z = x + 1\n'
      + '    dx/dy\n  = 0\n    d/dy (x + y)\n  = 1\n    ∂u/∂v\n  = 0\n    dz/dy\n  = 0\n    dy/dx\n  = 2x\n    ∇_v (vᵀv)\n  = 2 v\n    dy/dx\n  = x\n';
    const { steps } = await stepsOf(text);
    expect(steps.map((s) => s.verdict)).toEqual(['unknown', 'unknown', 'unknown', 'unknown', 'proved', 'proved', 'refuted']);
    expect(steps[0]!.message).toMatch(/inverse function's derivative/);
  });

  it('takes partial derivatives in a recurrence\'s members and past a parameter both sides read', async () => {
    // (Members of a family are not the names their definitions are made of: z_t reads h_{t−1},
    // and h_{t−1} is made of z_{t−1}. A matrix both read is held fixed on both sides.)
    const text = 'integer t\nvector h_t, v_t, z_t, b, x in R^n\nmatrix W, U, A in R^{n×n}\nfunction σ : R → R\n'
      + 'define z_t = W h_{t-1} + U v_t + b   for t ≥ 1\ndefine h_t = σ(z_t)   for t ≥ 1\ndefine y = A x\n'
      + '    ∂z_t/∂h_{t-1}\n  = W\n    ∂h_t/∂h_{t-1}\n  = diag(σ\'(z_t)) W\n    ∂(Aᵀ y)/∂y\n  = Aᵀ\n';
    const { steps } = await stepsOf(text);
    expect(steps.map((s) => s.verdict)).toEqual(['proved', 'proved', 'proved']);
  });

  it('says that ∇_x f(x_0) is 0 as written, and how to write the gradient at a point', async () => {
    const text = 'vector x, x_0 in R^n\nfunction f : R^n → R\ndefine G(x) = ∇_x f(x)\n    ∇_x f(x_0)\n  = 0\n    G(x_0)\n  = 0\n    ∇_x f(x)\n  = G(x)\n';
    const { steps } = await stepsOf(text);
    expect(steps.map((s) => s.verdict)).toEqual(['proved', 'refuted', 'proved']);
    expect(steps[0]!.notes.map((n) => n.message).join('\n')).toMatch(/does not read x, so as written it is 0.*define G\(x\) = ∇_x f\(x\)/);
    expect(steps[2]!.notes.map((n) => n.message).join('\n')).not.toMatch(/does not read/);
  });

  // (Red team rt130: `define g(z) = z y` reads y at every argument; the note said d/dy g(x)
  // "does not read y, so as written it is 0" beside the proof that it is x.)
  it('says nothing of the kind where a defined function reads the variable in its body', async () => {
    const { steps } = await stepsOf('scalar x, y\ndefine g(z) = z y\n    d/dy g(x)\n  = x\n    d/dy g(x)\n  = 0\n');
    expect(steps.map((s) => s.verdict)).toEqual(['proved', 'refuted']);
    for (const s of steps) expect(s.notes.map((n) => n.message).join('\n')).not.toMatch(/does not read/);
  });

  // (Red team rt130: an equation about y, `assume ∑ y_j = 1`, met by Newton's method, left y
  // in a box; gradients in z, whose sides then differ by the box's width, were unknown at
  // every point, softmax cross-entropy's among them.)
  it.each([
    ['y_1 = 1', '∇_z (yᵀ z)', 'y', ['proved', 'checked']],
    ['y_1 = 1', '∇_z (exp(z_1) - yᵀ z)', '∇_z exp(z_1) - y', ['proved', 'checked']],
    ['∑_{j=1}^{n} y_j = 1', '∇_z (log(∑_{j=1}^{n} exp(z_j)) - yᵀ z)', 'exp(z)/(∑_{j=1}^{n} exp(z_j)) - y', ['proved', 'checked']],
    ['∑_{j=1}^{n} y_j = 1', '∇_z (log(∑_{j=1}^{n} exp(z_j)) - yᵀ z)', 'exp(z)/(∑_{j=1}^{n} exp(z_j)) + y', ['refuted']],
    ['y_1 = 1', '∇_z (yᵀ z)', '2 y', ['refuted']],
  ])('under %s, %s = %s', async (assumption, l, r, want) => {
    const { steps } = await stepsOf(`vector z, y in R^n\nassume ${assumption}\n    ${l}\n  = ${r}\n`);
    expect(want, steps[0]!.message).toContain(steps[0]!.verdict);
  });

  // (Red team rt130: ∂/∂z_k of an entry of a vector z was unknown, "'z_k' has no declaration
  // here", the softmax's derivative among them; and the rules took ∂/∂z_k z_1 to be 0.)
  it.each([
    ['log(∑_{i=1}^{n} exp(z_i))', 'exp(z_k)/∑_{i=1}^{n} exp(z_i)', ['checked', 'proved']],
    ['∑_{i=1}^{n} z_i^2', '2 z_k', ['checked', 'proved']],
    ['zᵀ z', '2 z_k', ['checked', 'proved']],
    ['sin(z_k)', 'cos(z_k)', ['checked', 'proved']],
    ['log(∑_{i=1}^{n} exp(z_i))', 'exp(z_k)', ['refuted']],
    ['∑_{i=1}^{n} z_i^2', 'z_k', ['refuted']],
    ['z_1 z_2', '0', ['refuted']],
  ])('∂/∂z_k %s = %s, z_k an entry of a vector', async (l, r, want) => {
    const { steps } = await stepsOf(`vector z in R^n\ninteger k, i\nassume 1 ≤ k ≤ n\n    ∂/∂z_k ${l}\n  = ${r}\n`);
    expect(want, steps[0]!.message).toContain(steps[0]!.verdict);
    expect(steps[0]!.message).not.toMatch(/engine disagreement|no declaration/);
  });

  it('never unfolds a definition into the variable a derivative is taken in', async () => {
    // ∇_w L(w) with w defined is the gradient of L at w, not ∇_w L(g u/‖u‖) = 0.
    const text = `scalar g\nvector u, w in R^n\nfunction L : R^n → R\nassume g ≠ 0, u ≠ 0\ndefine w = g u / ‖u‖\n    ∇_w L(w)\n  = 0\n`;
    const { steps } = await stepsOf(text);
    expect(steps[0]!.verdict).toBe('refuted');
  });
});

describe('derivatives through eigenvalues and operator norms', () => {
  it('encloses dλ_max = xᵀ dA x for a simple top eigenvalue, tightly at 50 digits', () => {
    // A = [[3, 1], [1, 1]], dA = [[0, 1], [1, 2]]: λ = 2 + √2, x ∝ (1 + √2, 1), xᵀ dA x = (2(1 + √2) + 2)/(4 + 2√2) = 1.
    for (const F of [intervalField, decimalField(50)] as const) {
      const G = F as unknown as import('../src/check/evaluator/field.js').Field<unknown>;
      const m = (xs: number[]) => xs.map((v) => G.fromInt(v));
      const r = G.lambdaMaxTangents!(m([3, 1, 1, 1]), [m([0, 1, 1, 2])], 2);
      expect(G.format(r.tangents[0], 8)).toMatch(/^(1|0\.99999999\d*|1\.0000000\d*)$/);
      expect(G.order!.cmp(r.tangents[0], G.fromInt(2))).toBe(-1);
      expect(G.order!.cmp(r.tangents[0], G.fromRational(Rational.parse('0.9999')))).toBe(1);
    }
  });

  it('checks d/dt λ_max(tS) = λ_max(S) and d/dt ‖tA‖ = ‖A‖ (t > 0) by forward mode through the eigenvalue', async () => {
    const text = `scalar t\nmatrix A in R^{n×n}\nmatrix S in R^{n×n} symmetric\nassume t > 0\n`
      + `    d/dt λ_max(t S)\n  = λ_max(S)\n    d/dt ‖t A‖\n  = ‖A‖\n    d/dt ‖t A‖\n  = 2 ‖A‖\n`;
    const { steps } = await stepsOf(text);
    expect(steps.map((s) => s.verdict)).toEqual(['checked', 'checked', 'refuted']);
  });
});

describe('norms and bounds: rules that prove', () => {
  const decl = `scalar γ, a\nvector x, b in R^n\nmatrix A, B, W in R^{n×n}\nfunction σ : R → R\nassume γ > 0\nassume |σ'(z)| ≤ γ for all z\n`;
  const cases: [string, string, string, string | null][] = [
    ['‖A B x‖', '‖A‖ ‖B‖ ‖x‖', 'proved', 'submultiplicativity'],
    ['‖A + B‖', '‖A‖ + ‖B‖', 'proved', 'triangle inequality'],
    ['|xᵀ b|', '‖x‖ ‖b‖', 'proved', 'Cauchy-Schwarz'],
    ['‖W‖', '√(λ_max(Wᵀ W))', 'proved', '‖A‖ = √λ_max(AᵀA)'],
    ['‖diag(σ\'(W x + b))‖', 'γ', 'proved', '‖diag(v)‖ = max_i |v_i|'],
    ['‖diag(σ\'(W x + b)) W‖', 'γ ‖W‖', 'proved', null],
    ['|σ\'(a + 1)|²', 'γ', 'refuted', null],
    ['‖A B‖', '‖A‖', 'refuted', null],
  ];
  it.each(cases)('%s ≤ %s → %s', async (l, r, want, rule) => {
    const { steps } = await stepsOf(`${decl}    ${l}\n  ≤ ${r}\n`);
    expect(steps[0]!.verdict, steps[0]!.message).toBe(want);
    if (want === 'proved') expect(steps[0]!.method).toBe('rule');
    if (rule) expect(steps[0]!.rule).toBe(rule);
    if (want === 'refuted') expect(steps[0]!.counterexample).not.toBeNull();
  });

  it('samples σ so that |σ\'(z)| ≤ γ holds everywhere, often with equality (no "may violate an assumption")', async () => {
    const { steps } = await stepsOf(`${decl}    |σ'(a)|\n  ≤ γ\n    |σ'(a)|\n  ≤ γ/2\n`);
    expect(steps.map((s) => s.verdict)).toEqual(['proved', 'refuted']);
    expect(steps[1]!.message).not.toMatch(/may violate/);
  });

  it('says why a cited rule does not apply', async () => {
    const { steps } = await stepsOf(`${decl}    ‖A x‖\n  ≤ ‖x‖ ‖A‖ + 0         by submultiplicativity\n`);
    expect(steps[0]!.verdict).toBe('checked');
    expect(steps[0]!.message).toMatch(/the cited rule does not apply/);
  });
});

describe('limits', () => {
  const decl = `scalar δ, c\ninteger T\nassume 0 ≤ δ < 1\n`;
  const cases: [string, string, RegExp][] = [
    ['show δ^T → 0 as T → ∞', 'proved', /\|q\| < 1 ⇒ q\^T → 0/],
    ['show c δ^T → 0 as T → ∞', 'proved', /product/],
    ['show T² δ^T → 0 as T → ∞', 'proved', /decays faster/],
    // (New-user trial: a polynomial that is not a power of T was unknown.)
    ['show 2T δ^T → 0 as T → ∞', 'proved', /decays faster/],
    ['show (T + 1) δ^T → 0 as T → ∞', 'proved', /decays faster/],
    ['show (3T^2 - T) δ^T → 0 as T → ∞', 'proved', /decays faster/],
    ['show lim_{T→∞} (T + 1) δ^T = 1', 'refuted', /→ 0/],
    ['show 1/T → 0 as T → ∞', 'proved', /c\/T\^k → 0/],
    // (Red team rt114: 2^(−T) → 0 was unknown; q^(−T) is (1/q)^T.)
    ['show 2^{-T} → 0 as T → ∞', 'proved', /\|q\| < 1 ⇒ q\^T → 0 \(the base 1\/2/],
    ['show 3^{-2T} + 5^{1 - T} → 0 as T → ∞', 'proved', /\|q\| < 1 ⇒ q\^T → 0/],
    ['show (1/2)^{-T} → ∞ as T → ∞', 'proved', /q > 1 ⇒ q\^T → ∞|q\^T → ∞ for q > 1/],
    ['show 2^{-T} → 1 as T → ∞', 'refuted', /→ 0/],
    ['show lim_{T→∞} (2 + δ^T) = 2', 'proved', /sum/],
    ['show (1 + 1/T)^T → 0 as T → ∞', 'refuted', /→ e$/],
    // f^g with f → 1 and g → ∞ as e^(lim g (f − 1)), other moving powers as e^(g log f);
    // sin u ~ u, tan u ~ u and log(1 + u) ~ u where u → 0 (these were unknown).
    ['show lim_{T→∞} (1 + 1/T)^T = e', 'proved', /f → 1, g → ∞/],
    ['show lim_{T→∞} (1 - 1/T)^T = 1/e', 'proved', /g \(f − 1\) = -1/],
    ['show lim_{T→∞} (1 + c/T)^T = e^c', 'proved', /g \(f − 1\) = c/],
    ['show lim_{T→∞} (1 + 1/T)^(2T) = e^2', 'proved', /f → 1/],
    ['show lim_{T→∞} ((T + 1)/(T - 1))^T = e^2', 'proved', /f → 1/],
    ['show lim_{T→∞} (1 + 1/T^2)^T = 1', 'proved', /f → 1/],
    ['show lim_{T→∞} (1 + 1/T)^(T^2) = ∞', 'proved', /e\^u → ∞/],
    ['show lim_{T→∞} T^(1/T) = 1', 'proved', /e\^\(g log f\)/],
    ['show lim_{T→∞} T sin(1/T) = 1', 'proved', /~ 1/],
    ['show lim_{T→∞} T tan(2/T) = 2', 'proved', /~ 2/],
    ['show lim_{T→∞} T log(1 + 1/T) = 1', 'proved', /~ 1/],
    ['show lim_{T→∞} (1 + 1/T)^T = 2.7', 'refuted', /→ e$/],
    ['show lim_{T→∞} (1 + 1/T)^T = e^2', 'refuted', /→ e$/],
    ['show lim_{T→∞} (1 + (-1)^T/T)^T = 1', 'unknown', /T = 4/],
    // (rt95, rt96:) a base with a limit other than 1, a constant that is not rational, e^u − 1 ~ u.
    ['show lim_{T→∞} (1/2 + 1/T)^T = 0', 'proved', /e\^u → 0/],
    ['show lim_{T→∞} (3/2 + 1/T)^T = ∞', 'proved', /e\^u → ∞/],
    ['show lim_{T→∞} T log(1 - 1/T) = -1', 'proved', /~ -1/],
    ['show lim_{T→∞} (1 + 1/T)^(2 + 1/T) = 1', 'proved', /continuous/],
    ['show lim_{T→∞} (e^(1/T))^T = e', 'proved', /f → 1/],
    ['show lim_{T→∞} (1 + 1/T)^(T + √T) = e', 'proved', /f → 1/],
    ['show lim_{T→∞} (1 + 1/T)^(π T) = e^π', 'proved', /f → 1/],
    ['show lim_{T→∞} (1 + 1/T)^(T + √T) = e^2', 'refuted', /→ e$/],
    ['show lim_{T→∞} (1 + 1/(2T))^T = √e', 'proved', /f → 1/],
    ['show lim_{T→∞} T sin(T) = 0', 'unknown', /T = 4/],
    // (A call of numbers alone whose enclosure is one point is that number: cos 0 is 1.)
    ['show lim_{T→∞} (cos(0) + 1/T)^T = e', 'proved', /f → 1/],
    // A constant factor with no exact value (π, √2, log 2) in an order of growth: these were unknown.
    ['show lim_{T→∞} T sin(π/T) = π', 'proved', /~ π/],
    ['show lim_{T→∞} T sin(π/T) = 3.14159', 'refuted', /→ (π|3\.14159265)$/],
    ['show lim_{T→∞} T tan(√2/T) = √2', 'proved', /~ sqrt\(2\)/],
    ['show lim_{T→∞} (π T + 1)/(2 T) = π/2', 'proved', /~ 1\/2·π/],
    ['show lim_{T→∞} (π T + T)/T = π + 1', 'proved', /~ π \+ 1/],
    ['show lim_{T→∞} (π T + T)/T = π', 'refuted', /→ (π \+ 1|4\.14159265)/],
    ['show lim_{T→∞} √(2 T^2 + 1)/T = √2', 'proved', /~ sqrt\(2\)/],
    ['show lim_{T→∞} √(π T^2 + 1)/T = √π', 'proved', /~ sqrt\(π\)/],
    ['show lim_{T→∞} T log(1 + log(2)/T) = log(2)', 'proved', /~ log\(2\)/],
    ['show lim_{T→∞} (1 - π) T = -∞', 'proved', /product/],
    ['show lim_{T→∞} (π T - 4 T)/T^2 = 0', 'proved', /~ \(π - 4\)·T\^-1/],
    // (rt100:) a constant's sign is taken once, where it is made: one whose enclosure ran out of
    // time at a second look counted as positive, and this −∞ was proved ∞ in 4 of 10 runs.
    ['show lim_{T→∞} T^4 sin(-(∑_{t=1}^{1500} 1/(t² + π))/T) sin((∑_{t=1}^{1500} 1/(t² + π))/T) sin((∑_{t=1}^{1500} 1/(t² + π))/T) = ∞', 'refuted', /limit is not ∞/],
    // (rt100:) a constant's sign is bounded by a count of ∑ terms, not a clock: this was proved
    // or not by the machine's load (a 20 ms limit on the 5,000-term ∑).
    ['show lim_{T→∞} -T ∑_{t=1}^{5000} 1/(t² + π) = -∞', 'proved', /product/],
    // (Equal orders whose constants cancel, or may: nothing from the orders.)
    ['show lim_{T→∞} (π T - π T + 1)/T = 0', 'unknown', /T = 4/],
    // Orders of growth: c·T^p·(log T)^q, the highest order in a sum winning.
    ['show 1/(T + 1) → 0 as T → ∞', 'proved', /finite limit over one that grows/],
    ['show 1/√T → 0 as T → ∞', 'proved', /√ u → ∞/],
    ['show T^(-1/2) → 0 as T → ∞', 'proved', /T\^-1\/2/],
    ['show log(T)/T → 0 as T → ∞', 'proved', /\(log T\)\^1/],
    ['show lim_{T→∞} (1 - 1/sqrt(T)) = 1', 'proved', /sum/],
    ['show lim_{T→∞} (3T^2 + 1)/(T^2 - 5) = 3', 'proved', /~ 3/],
    ['show lim_{T→∞} (T+1)^2/T^2 = 1', 'proved', /~ 1/],
    ['show lim_{T→∞} T^2/(T + 1) = ∞', 'proved', /~ 1·T\^1/],
    ['show lim_{T→∞} log(T^3)/log(T) = 3', 'proved', /~ 3/],
    ['show lim_{T→∞} c/(T + 1) = 0', 'proved', /finite limit over one that grows/],
    ['show lim_{T→∞} e^{-T} = 0', 'proved', /exp\(u\) → 0/],
    ['show lim_{T→∞} 2^T = ∞', 'proved', /q > 1/],
    // (Red team:) false limits the values along T = 4 … 2^20 seemed to approach were `checked`.
    ['show lim_{T→∞} (1 - 1/sqrt(T)) = 0.999', 'refuted', /→ 1$/],
    ['show lim_{T→∞} log(T)/14 = 1', 'refuted', /→ ∞/],
    ['show 1 - log(T)/14 → 0 as T → ∞', 'refuted', /→ −∞/],
    ['show lim_{T→∞} T/(T + 10^6) = 1/2', 'refuted', /→ 1$/],
    ['show lim_{T→∞} (3T^2 + 1)/(T^2 - 5) = 2', 'refuted', /→ 3$/],
    ['show lim_{T→∞} (-2)^T = 0', 'refuted', /no limit/],
    // Values along a sequence suggest a limit and never show one: unknown, with the values.
    ['show lim_{T→∞} (-1)^T T/(T + 1) = 1', 'unknown', /suggests the limit but does not show it/],
    ['show lim_{T→∞} (1 + (-1)^T)/2 = 1', 'refuted', /no limit/],
    ['show lim_{T→∞} 1/T^{(-1)^T} = 0', 'unknown', /T = 4/],
    // (Red team:) no limit times a limit 0, or two without one, may still have one: not refuted.
    ['show (-1)^T (1/T) → 0 as T → ∞', 'unknown', /T = 4/],
    ['show (-1)^T + (-1)^(T+1) → 0 as T → ∞', 'unknown', /T = 4/],
    ['show 2^T (1/2)^T → 1 as T → ∞', 'unknown', /T = 4/],
    ['show 2^T - 2^T → 0 as T → ∞', 'unknown', /T = 4/],
    // √ of something tending to 0 from below has no value at all: not "√ is continuous at 0".
    ['show lim_{T→∞} √(-1/T) = 0', 'unknown', /T = 4|could not be evaluated|no sampled point/],
    ['show lim_{T→∞} √(1/T) = 0', 'proved', /T\^-1\/2/],
    // (Red team:) (−1)^{2T} is 1: no sign change where the exponent steps by an even number.
    ['show lim_{T→∞} (-1)^{2T} = 1', 'unknown', /T = 4/],
    ['show lim_{T→∞} (-1)^{2T+1} = -1', 'unknown', /T = 4/],
    ['show lim_{T→∞} (-1)^{3T} = 1', 'refuted', /no limit/],
    ['show lim_{T→∞} (1/0)/T = 0', 'unknown', /./],
  ];
  it.each(cases)('%s → %s', async (claim, want, why) => {
    const { report } = await stepsOf(`${decl}${claim}\n`);
    expect(report.shows[0]!.verdict, report.shows[0]!.message).toBe(want);
    expect(report.shows[0]!.message).toMatch(why);
  });

  // (Red team rt93:) a refutation showed the right side as written (`right = 1/(1 + δ)`) and a
  // limit of a ∑ unevaluated: both sides are numbers at the point.
  it('shows both sides of a refuted limit as numbers at the point', async () => {
    const { report } = await stepsOf('scalar δ\ninteger T, t\nassume 0 ≤ δ < 1\nshow lim_{T→∞} ∑_{t=0}^{T} δ^t = 1/(1 + δ)\n');
    const show = report.shows[0]!;
    expect(show.verdict).toBe('refuted');
    expect(show.counterexample?.left).toBe('1.25');
    expect(show.counterexample?.right).toBe('5/6');
    const { report: e } = await stepsOf('integer T\nshow lim_{T→∞} (1 + 1/T)^T = 2.7\n');
    expect(e.shows[0]!.counterexample?.left).toBe('e');
    expect(e.shows[0]!.counterexample?.right).toBe('2.7');
  });

  // (Red team rt95:) a name spelled e is not Euler's e: the limit rule's e printed like it, and
  // (1 + 1/T)^T → e was proved under `scalar e`.
  it('does not take a declared name e for Euler\'s e', async () => {
    const { report } = await stepsOf('scalar e\ninteger T\nshow (1 + 1/T)^T → e as T → ∞\nshow lim_{T→∞} (1 + 1/T)^(2T) = e^2\nshow lim_{T→∞} (1 + 1/T)^T = exp(1)\n');
    expect(report.shows.map((s) => s.verdict)).toEqual(['refuted', 'refuted', 'proved']);
  });

  // (Red team:) a member at an index that moves with T was frozen at the point's T.
  // (Red team:) the sign of a parameter comes from the assumptions: a T → ∞ under a > 0.
  // (Red team rt89:) q^T → ∞ under `assume q > 1` was unknown ("∞ is not a value"), the rule
  // read only where q was a number; and values equal to the limit to the doubles' last digits
  // were said to "not clearly approach" it.
  it('reads q > 1 from the assumptions for q^T → ∞, and says what values along T can show', async () => {
    const { report } = await stepsOf('integer T, t\nscalar q, δ\nassume q > 1, 0 < δ < 1\nshow q^T → ∞ as T → ∞\nshow lim_{T→∞} q^(2T + 1) = ∞\nshow lim_{T→∞} q^T/T^5 = ∞\nshow lim_{T→∞} ∑_{t=0}^{T} 1/t! = e\nshow lim_{T→∞} (1/q)^T = 0\n');
    expect(report.shows.map((s) => s.verdict)).toEqual(['proved', 'proved', 'unknown', 'unknown', 'proved']);
    // (The base as written, not "q = 1/q".)
    expect(report.shows[4]!.message).toMatch(/the base 1\/q lies in/);
    expect(report.shows[0]!.message).toMatch(/q > 1 ⇒ q\^T → ∞/);
    expect(report.shows[2]!.message).toMatch(/cannot show a limit of ∞/);
    expect(report.shows[3]!.message).toMatch(/within the doubles' rounding/);
  });

  // (Red team rt89:) the geometric series, which was unknown.
  it.each([
    ['show lim_{T→∞} ∑_{t=0}^{T} δ^t = 1/(1 - δ)', 'proved'],
    ['show lim_{T→∞} ∑_{t=1}^{T} δ^t = δ/(1 - δ)', 'proved'],
    ['show lim_{T→∞} ∑_{i=0}^{T} c δ^(i + 1) = c δ/(1 - δ)', 'proved'],
    ['show ∑_{t=0}^{2T} δ^(t - 1) → 1/(δ (1 - δ)) as T → ∞', 'proved'],
    ['show lim_{T→∞} ∑_{t=0}^{T} δ^t = 1/(1 + δ)', 'refuted'],
    ['show lim_{T→∞} ∑_{t=0}^{T} δ^t = 1/(1 - δ) + 10^(-30)', 'refuted'],
    // (rt93: a ratio written otherwise.)
    ['show lim_{T→∞} ∑_{t=0}^{T} 1/2^t = 2', 'proved'],
    ['show lim_{T→∞} ∑_{t=0}^{T} δ^(2t + 1) = δ/(1 - δ^2)', 'proved'],
    ['show lim_{T→∞} ∑_{t=0}^{T} 3/q^t = 3q/(q - 1)', 'proved'],
    ['show lim_{T→∞} ∑_{t=1}^{T} δ^t/2 = δ/(2(1 - δ))', 'proved'],
    ['show lim_{T→∞} ∑_{t=0}^{T} (-δ)^(3t) = 1/(1 + δ^3)', 'proved'],
    ['show lim_{T→∞} ∑_{t=0}^{T} δ^(2t) = 1/(1 - δ)', 'refuted'],
    // (q² > 1 under q > 1: the series grows without bound, refuted at a point; it was unknown.)
    ['show lim_{T→∞} ∑_{t=0}^{T} q^(2t) = 1/(1 - q^2)', 'refuted'],
    // (rt93: any upper bound that grows without bound.)
    ['show lim_{T→∞} ∑_{t=0}^{T^2} δ^t = 1/(1 - δ)', 'proved'],
    ['show lim_{T→∞} ∑_{t=0}^{2^T} δ^t = 1/(1 - δ)', 'proved'],
    ['show lim_{T→∞} ∑_{t=0}^{5} δ^t = 1/(1 - δ)', 'refuted'],
    ['show lim_{T→∞} ∑_{t=0}^{1/T} δ^t = 1/(1 - δ)', 'unknown'],
    // (rt93: a negative exponent and a start that is a name.)
    ['show lim_{T→∞} ∑_{t=0}^{T} 2^(-t) = 2', 'proved'],
    ['show lim_{T→∞} ∑_{t=1}^{T} 3^(-2t) = 1/8', 'proved'],
    ['show lim_{T→∞} ∑_{t=0}^{T} 2^(-t) = 3', 'refuted'],
    // (q^(−1) lies in (0, 1) under q > 1: the bounds of a name's negative power, rt97.)
    ['show lim_{T→∞} ∑_{t=0}^{T} q^(-t) = q/(q - 1)', 'proved'],
    ['show lim_{T→∞} ∑_{t=0}^{T} q^(-t) = 1/(q - 1)', 'refuted'],
    ['show lim_{T→∞} (q + 1/T)^T = ∞', 'proved'],
    ['show lim_{T→∞} (1/q + 1/T)^T = 0', 'proved'],
    ['show lim_{T→∞} ∑_{t=0}^{T} (1/2)^(-t) = -1', 'refuted'],
    ['show lim_{T→∞} ∑_{t=i}^{T} δ^t = δ^i/(1 - δ)', 'proved'],
    ['show lim_{T→∞} ∑_{t=0}^{T} 2^(1 - t) = 4', 'proved'],
    ['show lim_{T→∞} ∑_{t=0}^{T} 2^(1 - t) = 2', 'refuted'],
    ['show lim_{T→∞} ∑_{t=i}^{T} δ^t = δ^(i+1)/(1 - δ)', 'refuted'],
    // Powers with one exponent multiplied: one power of the product (these were unknown).
    ['show lim_{T→∞} ∑_{t=0}^{T} 2^(-t) 3^(-t) = 6/5', 'proved'],
    ['show lim_{T→∞} ∑_{t=0}^{T} 2^(-t) 3^(-t) = 3/2', 'refuted'],
    ['show lim_{T→∞} ∑_{t=1}^{T} δ^t (1/2)^t = δ/(2 - δ)', 'proved'],
    ['show lim_{T→∞} ∑_{t=0}^{T} 3 δ^t 2^(-t) = 6/(2 - δ)', 'proved'],
    ['show lim_{T→∞} ∑_{t=0}^{T} 3 δ^t 2^(-t) = 3/(1 - δ)', 'refuted'],
    // (2δ need not be below 1 under 0 < δ < 1: where δ ≥ 1/2 the series grows without bound; rt100.)
    ['show lim_{T→∞} ∑_{t=0}^{T} 5 δ^t 2^t = 5/(1 - 2 δ)', 'refuted'],
    // A ratio of numbers alone, ≥ 1: the partial sums grow without bound, with the first term's
    // sign; ≤ −1: no limit.
    ['show lim_{T→∞} ∑_{t=0}^{T} 2^t = ∞', 'proved'],
    ['show lim_{T→∞} ∑_{t=0}^{T} 1^t = ∞', 'proved'],
    ['show lim_{T→∞} ∑_{t=0}^{T} -3 (3/2)^t = -∞', 'proved'],
    ['show lim_{T→∞} ∑_{t=0}^{T} -3 (3/2)^t = ∞', 'refuted'],
    ['show lim_{T→∞} ∑_{t=0}^{T} (-2)^t = 0', 'refuted'],
    ['show lim_{T→∞} ∑_{t=0}^{T} (-1)^t = 0', 'refuted'],
    ['show lim_{T→∞} ∑_{t=0}^{T + 3} (-2)^t = 0', 'refuted'],
    // (rt101:) no limit only where the upper bound passes every large whole number: at even bounds
    // ∑ (−1)^t is always 1, and these hold.
    ['show lim_{T→∞} ∑_{t=0}^{2T} (-1)^t = 1', 'unknown'],
    ['show lim_{T→∞} ∑_{t=0}^{2T+1} (-1)^t = 0', 'unknown'],
    ['show lim_{T→∞} ∑_{t=0}^{T^2+T} (-1)^t = 1', 'unknown'],
    ['show lim_{T→∞} ∑_{t=0}^{2T} (-2)^t = ∞', 'unknown'],
    // (A first term with no value, 0^(−1): no limit is read from the series.)
    ['show lim_{T→∞} ∑_{t=0}^{T} 0^(t-1) = ∞', 'unknown'],
  ])('the geometric series: %s → %s', async (claim, want) => {
    const { report } = await stepsOf(`integer T, t, i\nscalar δ, c, q\nassume 0 < δ < 1, q > 1\n${claim}\n`);
    expect(report.shows[0]!.verdict, report.shows[0]!.message).toBe(want);
  });

  // (Red team rt130: a polynomial against q^(−T), e^(−T), exp(−T) or over q^T, e^T was unknown;
  // only T^k q^T with |q| < 1 was read.)
  it.each([
    ['show T 2^(-T) → 0 as T → ∞', 'proved'],
    ['show T²/2^T → 0 as T → ∞', 'proved'],
    ['show T exp(-T) → 0 as T → ∞', 'proved'],
    ['show T e^(-T) → 0 as T → ∞', 'proved'],
    ['show T/e^T → 0 as T → ∞', 'proved'],
    ['show T^3/exp(T) → 0 as T → ∞', 'proved'],
    ['show T q^(-T) → 0 as T → ∞', 'proved'],
    ['show T 2^T → 0 as T → ∞', 'refuted'],
    ['show T (1/2)^(-T) → 0 as T → ∞', 'refuted'],
    ['show T δ^(-T) → 0 as T → ∞', 'refuted'],
  ])('a polynomial against an exponential: %s', async (claim, want) => {
    const { report } = await stepsOf(`integer T\nscalar δ, q\nassume 0 < δ < 1, q > 1\n${claim}\n`);
    expect(report.shows[0]!.verdict, report.shows[0]!.message).toBe(want);
  });

  // (Red team rt130: values doubles bound from one side only, `> 2`, made the scale infinite,
  // and (2^T + 3^T)^(1/T) was said to come within the doubles' rounding of 5.)
  it('shows a value with no bound in doubles as such, not "> -∞"', async () => {
    const { report } = await stepsOf('integer T\nshow 2^T/T^100 → 0 as T → ∞\n');
    expect(report.shows[0]!.message).not.toMatch(/-∞/);
    expect(report.shows[0]!.message).toMatch(/past doubles' range/);
  });

  it('never says values it cannot bound suggest a limit', async () => {
    const { report } = await stepsOf('integer T\nshow lim_{T→∞} (2^T + 3^T)^(1/T) = 5\n');
    expect(report.shows[0]!.verdict).toBe('unknown');
    expect(report.shows[0]!.message).not.toMatch(/suggests the limit/);
    expect(report.shows[0]!.message).toMatch(/doubles cannot bound the values/);
  });

  it('reads a parameter\'s sign from the assumptions', async () => {
    const { report } = await stepsOf('integer T\nscalar a\nassume a > 0\nshow lim_{T→∞} a T = ∞\nshow lim_{T→∞} -a T = ∞\nshow lim_{T→∞} T^2 a = ∞\n');
    expect(report.shows.map((s) => s.verdict)).toEqual(['proved', 'refuted', 'proved']);
  });

  it('never freezes x_T at one T when it checks a limit at points', async () => {
    const { report } = await stepsOf('integer T, t\nscalar x_t\nassume x_t = 1/(t+1)\nshow lim_{T→∞} x_T = 0\nshow lim_{T→∞} T x_T = 1\n');
    expect(report.shows.map((s) => s.verdict)).toEqual(['unknown', 'unknown']);
  });

  it('sees through definitions, and never takes T^(-1) for a growing power', async () => {
    const { report } = await stepsOf(`${decl}define a = δ^T\nshow a → 0 as T → ∞\nshow c/T^(-1) → 0 as T → ∞\n`);
    // (c/T^(−1) = c·T grows without bound where c ≠ 0.)
    expect(report.shows.map((s) => s.verdict)).toEqual(['proved', 'refuted']);
  });

  // (Red team:) a point with nothing free printed "counterexample: ;" in gcc output.
  it('says "(no free names)" for a counterexample with nothing free, in every format', async () => {
    const { report } = await stepsOf('integer T\nshow lim_{T→∞} (-1)^T = 1\n');
    const { formatGcc } = await import('../src/report/gcc.js');
    const { formatText } = await import('../src/report/text.js');
    expect(formatGcc([report])).toContain('counterexample: (no free names); left = no limit, right = 1');
    expect(formatText([report], { color: false })).toContain('counterexample: (no free names)');
  });

  it('refutes q^T → 0 where |q| = 1 is allowed, with the point', async () => {
    const { report } = await stepsOf(`scalar δ\ninteger T\nassume 0 ≤ δ ≤ 1\nshow δ^T → 0 as T → ∞\n`);
    expect(report.shows[0]!.verdict).toBe('refuted');
    expect(report.shows[0]!.counterexample?.assignments).toEqual([['δ', '1']]);
  });

  it('a chain of bounds ending in → 0 proves the limit of a quantity ≥ 0, and only of one', async () => {
    const good = `${decl}vector x in R^n\nshow ‖δ^T x‖ → 0 as T → ∞\n    ‖δ^T x‖\n  ≤ |δ^T| ‖x‖\n  = δ^T ‖x‖\n  → 0 as T → ∞\n`;
    const { report } = await stepsOf(good);
    expect(report.shows[0]!.verdict).not.toBe('error');
    expect(['proved', 'checked']).toContain(report.shows[0]!.verdict);
    const bad = `${decl}show -1 - δ^T → 0 as T → ∞\n    -1 - δ^T\n  ≤ δ^T\n  → 0 as T → ∞\n`;
    const r2 = await stepsOf(bad);
    expect(r2.report.shows[0]!.verdict).toBe('error');
    expect(r2.report.shows[0]!.message).toMatch(/only for a quantity ≥ 0/);
  });
});
