import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSource } from '../src/check/index.js';
import { formatJson } from '../src/report/json.js';
import type { FileReport } from '../src/result.js';

/** Verdicts of a snippet: steps in order, then shows in order. */
async function verdicts(text: string, options = {}): Promise<{ steps: string[]; shows: string[]; report: FileReport }> {
  const report = await checkSource(text, { file: 'snippet.deriv', ...options });
  expect(report.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
  return { steps: report.steps.map((s) => s.verdict), shows: report.shows.map((s) => s.verdict), report };
}

describe('linear algebra', () => {
  const decl = 'matrix A, B, C in R^{n×n}\nmatrix S in R^{n×n} symmetric\nmatrix P in R^{n×n} invertible\nvector x, y, z in R^n\nscalar c\n';
  const cases: [string, string, string][] = [
    ['(A + B)²', 'A² + A B + B A + B²', 'proved'],
    ['(A + B)²', 'A² + 2 A B + B²', 'refuted'],
    ['(A B)ᵀ', 'Bᵀ Aᵀ', 'proved'],
    ['(A B)ᵀ', 'Aᵀ Bᵀ', 'refuted'],
    ['A B', 'B A', 'refuted'],
    ['yᵀ A z', 'zᵀ Aᵀ y', 'proved'],
    ['xᵀ S y', 'yᵀ S x', 'proved'],
    ['xᵀ A y', 'yᵀ A x', 'refuted'],
    ['Sᵀ', 'S', 'proved'],
    ['Aᵀ', 'A', 'refuted'],
    ['P P⁻¹', 'I', 'proved'],
    ['(c A)ᵀ', 'c Aᵀ', 'proved'],
    ['‖x - y‖²', 'xᵀx - 2 xᵀy + yᵀy', 'proved'],
    ['‖x + y‖²', '‖x‖² + ‖y‖²', 'refuted'],
    ['A (B C)', '(A B) C', 'proved'],
    ['tr(A B)', 'tr(B A)', 'checked'],
    ['det(A B)', 'det(A) det(B)', 'checked'],
    ['‖A x‖', '‖A‖ ‖x‖', 'refuted'],
    // A multiple of I takes its size from the other side (it was unknown: "write I_n").
    ['2 P P⁻¹', '2 I', 'proved'],
    ['(A + c I) - A', 'c I', 'proved'],
    ['A + c I - A', 'I c', 'proved'],
    ['P P⁻¹ + P⁻¹ P', 'I + I', 'proved'],
    ['2 P P⁻¹', '3 I', 'refuted'],
    ['A - A', 'c I - I c', 'proved'],
  ];
  it.each(cases)('%s = %s → %s', async (l, r, want) => {
    const { steps, report } = await verdicts(`${decl}    ${l}\n  = ${r}\n`);
    expect(steps).toEqual([want]);
    if (want === 'refuted') {
      const names = report.steps[0]!.counterexample!.assignments.map(([k]) => k);
      expect(names).toContain('n');
    }
  });

  it('shows the matrices of a refuted matrix step, at n ≥ 2', async () => {
    const { report } = await verdicts(`${decl}    A B\n  = B A\n`);
    const ce = new Map(report.steps[0]!.counterexample!.assignments);
    expect(Number(ce.get('n'))).toBeGreaterThanOrEqual(2);
    expect(ce.get('A')).toMatch(/^\[\[/);
    expect(ce.get('B')).toMatch(/^\[\[/);
  });

  it('samples matrices at more than one dimension', async () => {
    // tr makes the identity test not apply, so this step is sampled at every point asked for.
    const { report } = await verdicts(`${decl}    tr(A B C)\n  = tr(C A B)\n`, { samples: 12 });
    expect(report.steps[0]!.samples).toBe(12);
    expect(report.steps[0]!.message).toMatch(/n = 2…([345]|12)|n ∈ \{2, 3, 4, 5, 6/);
  });

  it('does not let nerdamer decide a matrix step (A B − B A is 0 to a commutative engine)', async () => {
    const { report } = await verdicts(`${decl}    A B - B A\n  = 0\n`);
    expect(report.steps[0]!.verdict).toBe('refuted');
    expect(report.steps[0]!.message).not.toMatch(/disagreement/);
  });
});

describe('a vector in R^1 and a matrix in R^{1×1} are scalars (red team rt69)', () => {
  // (xᵀy was typed as a vector in R^1, so |xᵀy| and xᵀy + 1 were shape errors on true steps,
  // and `matrix A in R^{1×1}` was refused as a declaration.)
  const decl = 'vector x, y in R^1\nmatrix A, B in R^{1×1}\n';
  const cases: [string, string, string, string][] = [
    ['|xᵀy|', '=', '|yᵀx|', 'proved'],
    ['xᵀy + 1', '=', '1 + yᵀx', 'proved'],
    ['(xᵀy)²', '=', '(xᵀx)(yᵀy)', 'proved'],
    ['x xᵀ', '=', 'xᵀx', 'proved'],
    ['x_1', '=', 'x', 'proved'],
    ['‖x‖', '=', '|x_1|', 'proved'],
    ['A B', '=', 'B A', 'proved'],
    ['A_{11} x', '=', 'A x', 'proved'],
    ['Aᵀ', '=', 'A', 'proved'],
    ['x_1', '=', 'y_1', 'refuted'],
    ['xᵀy', '>', '0', 'refuted'],
    ['|xᵀy|', '<', '‖x‖ ‖y‖', 'refuted'],
  ];
  it.each(cases)('%s %s %s → %s', async (l, rel, r, want) => {
    const report = await checkSource(`${decl}    ${l}\n  ${rel} ${r}\n`, { file: 'snippet.deriv' });
    expect(report.diagnostics.map((d) => d.message)).toEqual([]);
    expect(report.steps.map((st) => st.verdict)).toEqual([want]);
  });

  it('says a second component or entry is not there', async () => {
    const report = await checkSource(`${decl}    x_2\n  = 0\n    A_{12}\n  = 0\n`, { file: 'snippet.deriv' });
    expect(report.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([
      'x is in R^1, a scalar: its one component is x_1, which is x itself',
      'A is in R^{1×1}, a scalar: its one entry is A_{11}, which is A itself',
    ]);
  });
});

describe('a condition on the for-all names leaves out the assumption it restricts (red team rt71)', () => {
  it.each([
    'assume z > 0, f(z) ≥ 0 for all z',
    'assume f(z) ≥ 0 for all z, |z| < 1',
    'assume f(z) ≥ 0 for all z, |z| < 1 and g(z) ≤ 0 for all z',
  ])('%s: f(−3) ≥ 0 is not passed', async (line) => {
    const report = await checkSource(`function f, g : R → R\n${line}\n    f(-3)\n  ≥ 0\n`, { file: 'snippet.deriv' });
    expect(report.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['for-all-condition']);
    expect(['proved', 'checked']).not.toContain(report.steps[0]!.verdict);
  });
});

describe('uninterpreted functions', () => {
  // A term both sides share is one number at a point, though its two enclosures only overlap:
  // at g = 0, f(x₀) − ε gᵀg < f(x₀) could not be decided (the step was unknown, the ⇔ too).
  const shared = 'scalar ε\nvector x_0, g in R^n\nfunction f : R^n → R\nassume ε > 0\n';
  it.each([
    ['    f(x_0) - ε gᵀg\n  < f(x_0)\n', ['refuted']],
    ['    f(x_0) - ε gᵀg\n  ≤ f(x_0)\n', ['checked']],
    ['    f(x_0) - ε gᵀg < f(x_0)\n  ⇔ 0 < ε gᵀg\n', ['proved']],
    ['    f(x_0) - ε gᵀg < f(x_0)\n  ⇔ 0 ≤ ε gᵀg\n', ['refuted']],
    ['    f(x_0) + gᵀg ≥ f(x_0) - gᵀg\n  ⇔ gᵀg ≥ 0\n', ['proved']],
  ])('compares sides without the terms they share: %s', async (body, want) => {
    expect((await verdicts(`${shared}${body}`)).steps).toEqual(want);
  });

  it('prints sides that share a term past double range as numbers, not as "> 1.79e308"', async () => {
    const { steps, report } = await verdicts('scalar x\n    exp(x^2 + 10^4) + x^2\n  > exp(x^2 + 10^4) + 2x - 1\n', { seed: 5 });
    expect(steps).toEqual(['refuted']);
    const cx = report.steps[0]!.counterexample!;
    expect(cx.left).toMatch(/e4343$/);
    expect(cx.right).toBe(cx.left);
  });


  const decl = 'function σ : R → R\nmatrix W, U in R^{n×n}\nvector h, x, b in R^n\nscalar p, q\n';
  it.each([
    ['σ(p + q)', 'σ(p) + σ(q)', 'refuted'],
    ['σ(p + q)', 'σ(q + p)', 'proved'],
    ['W σ(h) + U x', 'U x + W σ(h)', 'proved'],
    ['σ(W h + b)', 'σ(b + W h)', 'proved'],
    ['σ(W h)', 'W σ(h)', 'refuted'],
  ])('%s = %s → %s', async (l, r, want) => {
    const { steps } = await verdicts(`${decl}    ${l}\n  = ${r}\n`);
    expect(steps).toEqual([want]);
  });
});

describe('definitions, assumptions and scope', () => {
  it('unfolds a recurrence at any index and a plain definition', async () => {
    const text = `scalar β\nvector g_t, v_t in R^n\ndefine v_t = β v_{t-1} + g_t for t ≥ 1\n    v_{t+1}\n  = β v_t + g_{t+1}    by def v\n  = β (β v_{t-1} + g_t) + g_{t+1}   by def v\n`;
    expect((await verdicts(text)).steps).toEqual(['proved', 'proved']);
  });

  it('keeps section definitions to their section', async () => {
    const text = `scalar a, b\nsection "one"\ndefine a = 2 b\n    a\n  = 2 b\nsection "two"\n    a\n  = 2 b\n`;
    expect((await verdicts(text)).steps).toEqual(['proved', 'refuted']);
  });

  it('never samples outside the assumptions', async () => {
    const text = `scalar β\nassume 0 < β < 1\n    β^2\n  < β\n`;
    expect((await verdicts(text)).steps).toEqual(['checked']);
    const without = `scalar β\n    β^2\n  < β\n`;
    expect((await verdicts(without)).steps).toEqual(['refuted']);
  });

  it.each([
    ['integer n\nassume n ≥ 0\n', 'an integer'],
    ['scalar β\nassume 0 < β < 1\n', 'a scalar'],
  ])('decides a step that reads no drawn value alike under an assumption about another name (%#: %s)', async (decl) => {
    // e^1000 − e^1000 = 0 has one point: under `assume n ≥ 0` it was tried at 13 points of n
    // that it never read, none of them to the precision a point of numbers alone is taken to.
    const text = `${decl}    e^(1000) - e^(1000)\n  = 0\n    e^(-745) + 1\n  = 1\n`;
    const { steps, report } = await verdicts(text);
    expect(steps).toEqual(['proved', 'refuted']);
    // A name only an unrelated assumption reads is no part of the counterexample.
    expect(report.steps[1]!.counterexample!.assignments).toEqual([]);
  });

  it('does not check a step that reads a name whose declaration has an error (it was refuted, the name read as a scalar)', async () => {
    const text = 'vector x in R^n\nmatrix M in R^{(n+1)×n}\n    det(M Mᵀ)\n  = 0\n    x + x\n  = 2x\n';
    const report = await checkSource(text, { file: 'snippet.deriv' });
    expect(report.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(report.steps.map((s) => s.verdict)).toEqual(['error', 'proved']);
    expect(report.steps[0]!.message).toMatch(/reads M, whose declaration has an error/);
  });

  it.each([
    // An assumption that does not type-check (y, undeclared, ranges over scalars; f takes vectors).
    ['scalar L\nvector z in R^n\nfunction f : R^n → R^n\nassume ‖f\'(y)‖ ≤ L for all y\n    ‖f(z)‖\n  ≤ L\n'],
    // An assume line that does not parse.
    ['scalar x, β\nassume 0 < β < 1 for\n    x^2\n  ≥ x\n'],
  ])('does not refute a step in the scope of an assumption left out for an error (%#)', async (text) => {
    const report = await checkSource(text, { file: 'snippet.deriv' });
    expect(report.steps[0]!.verdict).toBe('unknown');
    expect(report.steps[0]!.message).toMatch(/an assumption in scope has an error and was left out/);
    expect(report.steps[0]!.notes.some((n) => /this assumption has an error/.test(n.message))).toBe(true);
  });

  it('does not refute a show in the scope of an assumption left out for an error, and names the line', async () => {
    const report = await checkSource('scalar x, β\nassume 0 < β < 1 for\nshow x^2 ≥ x\n', { file: 'snippet.deriv' });
    expect(report.shows[0]!.verdict).toBe('unknown');
    expect((report.shows[0]!.notes ?? []).some((n) => /this assumption has an error/.test(n.message))).toBe(true);
  });

  it('leaves out an assumption that reads a name whose declaration has an error (x = 0 was proved, v and w read as scalars)', async () => {
    const text = 'scalar x\ninteger n\nvector v, w in R^{(n+1)}\nassume x = (vᵀw)² - (vᵀv)(wᵀw)\n    x\n  = 0\n';
    const report = await checkSource(text, { file: 'snippet.deriv' });
    expect(report.steps[0]!.verdict).toBe('unknown');
    expect(report.steps[0]!.message).toMatch(/an assumption in scope has an error and was left out/);
  });

  it('still passes a step in the scope of an assumption left out for an error', async () => {
    const report = await checkSource('scalar x, β\nassume 0 < β < 1 for\n    x + x\n  = 2x\n', { file: 'snippet.deriv' });
    expect(report.steps[0]!.verdict).toBe('proved');
  });

  it('uses an equality among the assumptions as a substitution', async () => {
    const text = `scalar a, b\nassume a = b + 1\n    a - b\n  = 1   by assumption\n`;
    expect((await verdicts(text)).steps).toEqual(['proved']);
  });

  // (Red team rt65:) an equality whose right side reads its own name is an equation, not a
  // substitution: as one it recurred without end ("a definition refers to itself too deeply").
  it.each([
    ['matrix A, B in R^{n×n}\nassume A = Aᵀ\n    (A + Aᵀ)/2\n  = A\n', ['checked']],
    ['matrix A, B in R^{n×n}\nassume A = Aᵀ\n    A B\n  = B A\n', ['refuted']],
    ['scalar y\nassume y = 2 - y\n    y^2\n  = 1\n', ['checked']],
    ['scalar y\nassume y = 2 - y\n    y\n  = 2\n', ['refuted']],
    ['vector x_t in R^n\nassume x_1 = 2 x_1\n    x_1\n  = 0\n', ['checked']],
  ])('solves an assumption that reads its own name as an equation: %s', async (text, want) => {
    expect((await verdicts(text)).steps).toEqual(want);
  });

  it('says unknown when no point satisfies the assumptions', async () => {
    const text = `scalar a\nassume a > 1, a < 0\n    a\n  = a + 0\n`;
    const { report } = await verdicts(text);
    expect(report.steps[0]!.verdict).toBe('unknown');
    expect(report.steps[0]!.message).toMatch(/assumptions/);
  });

  // (New-user trial:) LANGUAGE.md §2 calls `by α = β, ε = δ(1-β)` an inline substitution; a
  // step is a claim for every value, so a cited choice of a free name still fails it, and
  // the message says how to make the choice (it only said α = β does not follow).
  it('says how to choose a free name a justification cites as a fact: define it', async () => {
    const decl = 'scalar α, β, δ, ε\ninteger t\nvector g_t, Δθ_t in R^n\nassume 0 < β < 1, δ > 0\n';
    const report = await checkSource(`${decl}    α Δθ_{t-1} - ε g_t\n  = β Δθ_{t-1} - δ(1-β) g_t     by α = β, ε = δ(1-β)\n`, { file: 'snippet.deriv' });
    expect(report.steps.map((s) => s.verdict)).toEqual(['refuted']);
    expect(report.steps[0]!.message).toMatch(/α is not defined or assumed anywhere, so it may be anything here: to choose α = β, write 'define α = β' before the chain/);
    const chosen = await checkSource(`${decl}define α = β\ndefine ε = δ(1-β)\n    α Δθ_{t-1} - ε g_t\n  = β Δθ_{t-1} - δ(1-β) g_t\n`, { file: 'snippet.deriv' });
    expect(chosen.steps.map((s) => s.verdict)).toEqual(['proved']);
  });

  it('checks a fact cited in a justification: a false one fails the step', async () => {
    const text = `scalar a, b\n    a\n  = b   by a = b\n`;
    expect((await verdicts(text)).steps).toEqual(['refuted']);
  });

  // (A cited statement was passed over unread: `by x > 0 ⇒ x < 0` said nothing, while a
  // false `by a = b` failed its step.)
  it.each([
    ['a false ⇒', 'by x > 0 ⇒ x < 0', 'refuted', /x > 0 ⇒ x < 0, does not follow/],
    ['a true ⇒', 'by x > 0 ⇒ x² > 0', 'proved', null],
    ['a false ⇒ about another name', 'by x > 1 ⇒ y = 0', 'refuted', /x > 1 ⇒ y = 0, does not follow/],
    ['a true `and`', 'by x > 0 and x² > 0', 'proved', null],
    ['an `and` with a false side', 'by x > 0 and x > 1', 'refuted', /x > 1, does not follow/],
    ['a true chain of ⇔', 'by x ≥ 1 ⇔ x² ≥ 1 ⇔ x³ ≥ 1', 'proved', null],
    ['a chain of ⇔ with a false link', 'by x ≥ 1 ⇔ x² ≥ 1 ⇔ x³ ≥ 2', 'refuted', /x² ≥ 1 ⇔ x³ ≥ 2, does not follow/],
    ['an `or`, which is not checked yet, and says so', 'by x > 1 or x ≤ 1', 'unknown', /x > 1 or x ≤ 1, is not checked/],
  ])('checks a statement cited in a justification: %s', async (_name, hint, verdict, message) => {
    const report = await checkSource(`scalar x, y\nassume x > 0\n    y\n  = y + 0   ${hint}\n`, { file: 'snippet.deriv' });
    expect(report.steps.map((s) => s.verdict)).toEqual([verdict]);
    if (message) expect(report.steps[0]!.message).toMatch(message);
  });

  it('uses an earlier named show as a rewrite', async () => {
    const text = `scalar a, b\ndefine a = b + 1\nshow "s": a = b + 1\n\n    2 a\n  = 2 (b + 1)   by "s"\n`;
    const { steps, shows } = await verdicts(text);
    expect(shows).toEqual(['proved']);
    expect(steps).toEqual(['proved']);
  });

  it('does not use a fact about names another section declared', async () => {
    const text = 'vector v, w in R^n\nsection "a"\nmatrix C in R^{n×n}\ndefine v = C w\nshow "s": v = C w\nsection "b"\n    v + v\n  = 2 v\n';
    const { steps, shows } = await verdicts(text);
    expect(shows).toEqual(['proved']);
    expect(steps).toEqual(['proved']);
  });

  it('warns on an unknown rule name but still checks the step', async () => {
    const report = await checkSource(`scalar a\n    a + a\n  = 2 a   by magic\n`);
    expect(report.diagnostics.map((d) => [d.severity, d.code])).toEqual([['warning', 'unknown-rule']]);
    expect(report.steps[0]!.verdict).toBe('proved');
  });

  // A justification runs to the end of the line (LANGUAGE.md §1). (Red team: each of these
  // was a syntax error that dropped the step.)
  it.each([
    ['by inspection!', 'unknown-rule'],
    ['by eq. 3', 'unknown-rule'],
    ['by the rule: expand', 'unknown-rule'],
    ['by 50% luck', 'unknown-rule'],
    ['since x_1, x_2 are independent', 'unknown-rule'],
    ['by independence of x_1 and x_2', 'unknown-rule'],
    ['by Cauchy–Schwarz', null],
    ['by Cauchy—Schwarz.', null],
    // (Red team, second round:) a stop after what is read, and words around a relation.
    ['by linearity.', null],
    ['by algebra!', null],
    ['by AM–GM with n = 2', 'unknown-rule'],
    ['by the fact that a^2 ≥ 0', 'unknown-rule'],
    ['by a ≥ 0 (trivially)', 'unknown-rule'],
    // (No definition of v here: read as a reference to it, which names nothing, a warning.)
    ['by def of v', 'unknown-definition'],
    ['by def. of v', 'unknown-definition'],
    ['by defn of v', 'unknown-definition'],
  ])('reads a justification in words to the end of the line: %s', async (hint, warning) => {
    const report = await checkSource(`scalar a
    a + a
  = 2 a   ${hint}
`);
    expect(report.diagnostics.map((d) => d.code)).toEqual(warning ? [warning] : []);
    expect(report.steps[0]!.verdict).toBe('proved');
  });
});

// (Red team:) a start value declared on its own is the family's member (LANGUAGE.md §1: a
// subscript on a letter that names a family is a member of it); it was a second x_0, and
// true steps were refuted with two values for it.
// (Red team:) `A'A` for AᵀA (MATLAB's spelling) read A' as a new scalar without a word.
it.each([
  ["A'A", 'AᵀA', 'A', 'a matrix in R^{n×n}'],
  ["x' y", 'xᵀy', 'x', 'a vector in R^n'],
])('warns that %s reads a prime, not a transpose', async (l, r, of, shape) => {
  const report = await checkSource(`vector x, y in R^n\nmatrix A in R^{n×n}\n    ${l}\n  = ${r}\n`);
  expect(report.diagnostics.filter((d) => d.code === 'prime-not-transpose').map((d) => d.message)).toEqual([
    `'${of}'' is not declared, so it is read as a new scalar name, not as the transpose of ${of} (${shape}): for the transpose write ${of}ᵀ or ${of}^T; for a new name, declare it`,
  ]);
});

// (Red team:) exp(A − A) = I_n was refuted with no word that exp(A) is taken entry by entry
// (not the matrix exponential); a vector or a rectangular matrix has no other reading.
it.each([
  ['exp(A - A)', ['read exp(A - A) entry by entry (the exp of each entry), not as a matrix function such as the matrix exponential (none is built in)']],
  ['log(A)', ['read log(A) entry by entry (the log of each entry), not as a matrix function such as the matrix exponential (none is built in)']],
  ['exp(x)', []],
  ['exp(B)', []],
  ['exp(xᵀ A x)', []],
])('says how %s of a matrix is read', async (e, want) => {
  const report = await checkSource(`vector x in R^n\nmatrix A in R^{n×n}\nmatrix B in R^{n×m}\n    ${e}\n  = ${e}\n`);
  expect([...new Set(report.diagnostics.filter((d) => d.code === 'elementwise-matrix').map((d) => d.message))]).toEqual(want);
});

// (Red team rt135:) functions defined in layers, f_1, f_2 = f_1 + 1, f_3 = f_2 + 1: resolving
// f_2's body resolved f_3 (a member of the same family f) while f_2 was not yet defined, read
// f_2(z) in f_3's body as f_2 · z, and proved f_3(0) = 1.
it.each([
  ['f_3(0)', '1', 'refuted'],
  ['f_3(0)', '3', 'proved'],
  ['f_3(x)', 'x + 3', 'proved'],
  ['f_2(f_1(x))', 'x + 3', 'proved'],
])('reads layered function definitions: %s = %s is %s', async (left, right, verdict) => {
  const report = await checkSource(`scalar x\ndefine f_1(z) = z + 1\ndefine f_2(z) = f_1(z) + 1\ndefine f_3(z) = f_2(z) + 1\n    ${left}\n  = ${right}\n`);
  expect(report.steps.map((st) => st.verdict)).toEqual([verdict]);
});

// (Red team rt136: the same with a member's subscript written as a sum, f_{0+1}, or the family's
// plain name called in a member's body; a definition that reaches itself through another was
// read as a product and proved f_1(0) = 0; an undeclared f_2(0) was read as f_2 · 0 silently.)
it.each([
  ['define f_1(z) = z + 1\ndefine f_2(z) = f_{0+1}(z) + 1\ndefine f_3(z) = f_2(z) + 1\n', 'f_3(0)', '3', ['proved'], []],
  ['define f_1(z) = z + 1\ndefine f_2(z) = f_{0+1}(z) + 1\ndefine f_3(z) = f_2(z) + 1\n', 'f_3(0)', '1', ['refuted'], []],
  ['define f_1(z) = f(z) + 1\ndefine f_2(z) = f_1(z) + 1\ndefine f(z) = 2 z\n', 'f_2(0)', '2', ['proved'], []],
  ['define f_1(z) = f(z) + 1\ndefine f_2(z) = f_1(z) + 1\ndefine f(z) = 2 z\n', 'f_2(0)', '1', ['refuted'], []],
  ['define f_1(z) = f_2(z) + 1\ndefine f_2(z) = f_1(z) - 1\n', 'f_1(0)', '0', ['error'], ['definition-cycle']],
  ['define f(z) = f(z) + 1\n', 'f(0)', '0', ['error'], ['definition-cycle']],
  ['', 'f_2(0)', '0', ['proved'], ['undeclared-function']],
  // (A function family by recurrence is not built: said so, not that f_t "has no index".)
  ['integer t\ndefine f_t(z) = f_{t-1}(z) + 1   for t ≥ 2\ndefine f_1(z) = 2 z\n', 'f_1(1)', '2', ['error'], ['function-family']],
])('reads %s then %s = %s', async (defs, left, right, verdicts, codes) => {
  const report = await checkSource(`scalar x\n${defs}    ${left}\n  = ${right}\n`);
  expect(report.steps.map((st) => st.verdict)).toEqual(verdicts);
  expect([...new Set(report.diagnostics.map((d) => d.code))]).toEqual(codes);
});

// (Red team rt136: numbered names defined one by one were only checked, a_2 = 2 under
// a_1 = 1, a_2 = a_1 + 1: a step of numbers, decided at its one point. Not where a drawn value
// or function enters: σ(0) + 1 = 1.5 is no step of numbers.)
it.each([
  ['define a_1 = 1\ndefine a_2 = a_1 + 1\n', 'a_2', '2', 'proved'],
  ['define a_1 = 1\ndefine a_2 = a_1 + 1\n', 'a_2', '3', 'refuted'],
  ['function σ : R → R\ndefine c_1 = σ(0)\ndefine c_2 = c_1 + 1\n', 'c_2', '1.5', 'refuted'],
  ['integer n\ndefine e_1 = n\ndefine e_2 = e_1 + 1\n', 'e_2', '1', 'refuted'],
])('decides %s then %s = %s: %s', async (defs, left, right, verdict) => {
  const report = await checkSource(`${defs}    ${left}\n  = ${right}\n`);
  expect(report.steps.map((st) => st.verdict)).toEqual([verdict]);
});

// (Red team rt136: numbered names defined one by one were not unfolded, each kept under its
// own name: a network's layers h_1, h_2 as names, and a_2 = y + 1, were only checked.)
it.each([
  ['vector x in R^n\nmatrix W_1, W_2 in R^{n×n}\nfunction σ : R → R\ndefine h_1 = σ(W_1 x)\ndefine h_2 = σ(W_2 h_1)\n', 'h_2', 'σ(W_2 σ(W_1 x))', 'proved'],
  ['vector x in R^n\nmatrix W_1, W_2 in R^{n×n}\nfunction σ : R → R\ndefine h_1 = σ(W_1 x)\ndefine h_2 = σ(W_2 h_1)\n', 'h_2', 'σ(W_1 σ(W_2 x))', 'refuted'],
  ['scalar y\ndefine a_1 = y\ndefine a_2 = a_1 + 1\n', 'a_2', 'y + 1', 'proved'],
  ['scalar y\ndefine a_1 = y\ndefine a_2 = a_1 + 1\n', 'a_2', 'y + 2', 'refuted'],
])('unfolds numbered names: %s… %s = %s is %s', async (defs, left, right, verdict) => {
  const report = await checkSource(`${defs}    ${left}\n  = ${right}\n`);
  expect(report.steps.map((st) => st.verdict)).toEqual([verdict]);
});

it('reads a network defined layer by layer', async () => {
  const report = await checkSource('vector x, z in R^n\nmatrix W_1, W_2, W_3 in R^{n×n}\nfunction σ : R → R\ndefine h_1(z) = σ(W_1 z)\ndefine h_2(z) = σ(W_2 h_1(z))\ndefine h_3(z) = σ(W_3 h_2(z))\n    h_3(x)\n  = σ(W_3 σ(W_2 σ(W_1 x)))\n  = σ(W_3 σ(W_1 σ(W_2 x)))\n');
  expect(report.steps.map((st) => st.verdict)).toEqual(['proved', 'refuted']);
});

// (Red team rt135:) the same terms in another order, `(x + y + z + w)^40 = (w + z + y + x)^40`,
// were only checked: the identity test declines coefficients past its prime. Reordering a sum's
// terms or a product's scalar factors is a structural proof; matrices keep their order.
it.each([
  ['(x + y + z + w)^40', '(w + z + y + x)^40', 'proved', 'structural'],
  ['(x + y + z + w + 1)^60 - 1', '-1 + (1 + w + z + y + x)^60', 'proved', 'structural'],
  ['x/2 - y', '-y + (1/2) x', 'proved', 'structural'],
  ['2 A B + C', 'C + A (2 B)', 'proved', 'structural'],
  ['A B + C', 'C + B A', 'refuted', 'sampling'],
  ['(x + y)^40', '(y + x)^41', 'refuted', 'sampling'],
])('reorders %s = %s: %s (%s)', async (left, right, verdict, method) => {
  const report = await checkSource(`scalar x, y, z, w\nmatrix A, B, C in R^{n×n}\n    ${left}\n  = ${right}\n`);
  expect(report.steps.map((st) => [st.verdict, st.method])).toEqual([[verdict, method]]);
});

// `a ⊙ b`, the Hadamard product, did not parse ("unexpected character '⊙'"): of two vectors of
// one size it is diag(a) b, of two scalars the product; of anything else an error that says so.
describe('the Hadamard product ⊙', () => {
  const context = 'vector a, b, c in R^n\nmatrix A, B in R^{n×n}\nscalar s, t\nfunction σ : R → R\n';
  it.each([
    ['a ⊙ b', 'b ⊙ a', 'proved'],
    ['a ⊙ b', 'diag(a) b', 'proved'],
    ['a \\odot b', 'b ⊙ a', 'proved'],
    ['a ⊙ (b + c)', 'a ⊙ b + a ⊙ c', 'proved'],
    ['a ⊙ (b + c)', 'a ⊙ b + c', 'refuted'],
    ['(a ⊙ b)ᵀ c', 'aᵀ (b ⊙ c)', 'proved'],
    ['(a ⊙ b)ᵀ c', 'aᵀ (b ⊙ a)', 'refuted'],
    ['σ(a) ⊙ b', 'b ⊙ σ(a)', 'proved'],
    ['A (a ⊙ b)', 'A diag(b) a', 'proved'],
    ['A (a ⊙ b)', 'diag(b) A a', 'refuted'],
    ['s ⊙ t', 't s', 'proved'],
    ['s ⊙ t', 't + s', 'refuted'],
  ])('%s = %s is %s', async (left, right, verdict) => {
    const report = await checkSource(`${context}    ${left}\n  = ${right}\n`);
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(report.steps.map((st) => st.verdict)).toEqual([verdict]);
  });

  it.each([
    ['A ⊙ B', '⊙ multiplies two vectors of the same size entry by entry (a ⊙ b is diag(a) b), or two scalars; here it has a matrix in R^{n×n} and a matrix in R^{n×n} (⊙ of matrices is not built in)'],
    ['a ⊙ A', "⊙ multiplies two vectors of the same size entry by entry (a ⊙ b is diag(a) b), or two scalars; here it has a vector in R^n and a matrix in R^{n×n}. ⊙ is as tight as · and read left to right, so σ'(z) ⊙ Wᵀ δ is (σ'(z) ⊙ Wᵀ) δ: bracket the vector ⊙ takes, σ'(z) ⊙ (Wᵀ δ)"],
    // (The bracketing advice only where it applies, a vector before a matrix, red team rt135.)
    ['s ⊙ a', '⊙ multiplies two vectors of the same size entry by entry (a ⊙ b is diag(a) b), or two scalars; here it has a scalar and a vector in R^n'],
    ['A ⊙ a', '⊙ multiplies two vectors of the same size entry by entry (a ⊙ b is diag(a) b), or two scalars; here it has a matrix in R^{n×n} and a vector in R^n'],
    ["σ(a) ⊙ A b", "⊙ multiplies two vectors of the same size entry by entry (a ⊙ b is diag(a) b), or two scalars; here it has a vector in R^n and a matrix in R^{n×n}. ⊙ is as tight as · and read left to right, so σ'(z) ⊙ Wᵀ δ is (σ'(z) ⊙ Wᵀ) δ: bracket the vector ⊙ takes, σ'(z) ⊙ (Wᵀ δ)"],
  ])('refuses %s', async (e, message) => {
    const report = await checkSource(`${context}    ${e}\n  = ${e}\n`);
    expect([...new Set(report.diagnostics.filter((d) => d.code === 'hadamard-shapes').map((d) => d.message))]).toEqual([message]);
    expect(report.steps.map((st) => st.verdict)).toEqual(['error']);
  });

  // (Red team rt134: read as diag(a) b, the step counted as one with matrices, tried only to
  // n = 20, and (aᵀb)² ≤ 20 ‖a ⊙ b‖², false from n = 21, was checked.)
  it.each([
    ['(aᵀ b)²', '≤', '20 ‖a ⊙ b‖²', 'refuted'],
    ['(aᵀ b)²', '≤', '20 ‖diag(a) b‖²', 'refuted'],
    ['(aᵀ a)²', '≤', '25 aᵀ (a ⊙ a ⊙ a)', 'refuted'],
    ['‖a ⊙ b‖', '≤', '‖a‖ ‖b‖', 'checked'],
  ])('%s %s %s is %s at the sizes of vectors', async (left, rel, right, verdict) => {
    const report = await checkSource(`vector a, b in R^n\n    ${left}\n  ${rel} ${right}\n`);
    expect(report.steps.map((st) => st.verdict)).toEqual([verdict]);
  });

  it.each([
    ['W a ⊙ b', ["read 'W a ⊙ b' as (W a) ⊙ b, left to right; for the other reading write W (a ⊙ b)"]],
    // (Each reading with its brackets: it said (W a - b) ⊙ a, red team rt135.)
    ['W (a - b) ⊙ a', ["read 'W (a - b) ⊙ a' as (W (a - b)) ⊙ a, left to right; for the other reading write W ((a - b) ⊙ a)"]],
    ['(W a) ⊙ b', []],
    ['W (a ⊙ b)', []],
    ['s a ⊙ b', []],
  ])('says how %s is read', async (e, want) => {
    const report = await checkSource(`${context}matrix W in R^{n×n}\n    ${e}\n  = ${e}\n`);
    expect([...new Set(report.diagnostics.filter((d) => d.code === 'reading').map((d) => d.message))]).toEqual(want);
  });

  it('prints a ⊙ b back as written, in a refutation\'s cited fact and its reading', async () => {
    const report = await checkSource(`${context}    a ⊙ b\n  = b ⊙ a   since a ⊙ b = a ⊙ a\n`);
    expect(report.steps[0]!.message).toMatch(/^the fact cited in the justification, a ⊙ b = a ⊙ a, does not follow/);
    expect(report.steps[0]!.read).toEqual({ left: 'a ⊙ b', right: 'b ⊙ a' });
  });
});

// (Red team:) `1ᵀσ(w)` for the sum of σ's entries was 1·σ(w), a vector, and the step said only
// that its sides had different shapes.
it.each([
  ['1ᵀ x', '1ᵀ is the number 1: a number is its own transpose. No vector of ones is built in; for the sum of the entries of a vector x in R^n write ∑_{i=1}^{n} x_i (with integer i)'],
  ['1^T x', '1ᵀ is the number 1: a number is its own transpose. No vector of ones is built in; for the sum of the entries of a vector x in R^n write ∑_{i=1}^{n} x_i (with integer i)'],
  ['1.0ᵀ x', '1.0ᵀ is the number 1.0: a number is its own transpose. No vector of ones is built in; for the sum of the entries of a vector x in R^n write ∑_{i=1}^{n} x_i (with integer i)'],
  // (0 is the zero of any shape already, red team rt134.)
  ['0ᵀ x', null],
  ['xᵀ x', null],
  ['aᵀ x', null],
  ['∑_{i=1}^{n} x_i', null],
])('says %s transposes a number, or not', async (e, want) => {
  const report = await checkSource(`vector x in R^n\nscalar a\ninteger i\n    ${e}\n  = ${e}\n`);
  expect([...new Set(report.diagnostics.filter((d) => d.code === 'number-transposed').map((d) => d.message))]).toEqual(want ? [want] : []);
});

// (With `integer T`, as RNN files declare, 1^T is a power of 1: still 1, and still no vector of ones, rt134.)
it('says 1^T x is 1 where T is a declared integer', async () => {
  const report = await checkSource('integer T\nvector x in R^n\n    1^T x\n  = x\n');
  expect(report.diagnostics.filter((d) => d.code === 'number-transposed').map((d) => d.message)).toEqual([
    '1ᵀ is the number 1: a number is its own transpose. No vector of ones is built in; for the sum of the entries of a vector x in R^n write ∑_{i=1}^{n} x_i (with integer i)',
  ]);
});

// (Red team:) `n! ≤ nⁿ` with n undeclared (a real scalar) was unknown, with a note that read as
// if n! had no value at n = 0; a factorial has a value only at whole numbers.
it.each([
  ['', 'n', ["n! has a value only where n is a whole number ≥ 0, but n is a real scalar here: declare 'integer n'"]],
  ['scalar n\n', 'n', ["n! has a value only where n is a whole number ≥ 0, but n is a real scalar here: declare 'integer n'"]],
  ['integer n\n', 'n', []],
  ['integer n, i\n', '∑_{i=1}^{n} i', []],
  ['define m = 3\n', 'm', []],
])('%swarns of %s! of a real scalar, or not', async (decl, arg, want) => {
  const report = await checkSource(`${decl}    ${arg}!\n  ≥ 1\n`);
  expect(report.diagnostics.filter((d) => d.code === 'factorial-of-real').map((d) => d.message)).toEqual(want);
});

describe('a family member declared on its own', () => {
  it.each([
    ['scalar x_0, a, b\ndefine x_t = a x_{t-1} + b   for t ≥ 1\n    x_1\n  = a x_0 + b\n', ['proved']],
    ['scalar x_0, a, b\ndefine x_t = a x_{t-1} + b   for t ≥ 1\n    x_2\n  = a² x_0 + a b + b\n    x_2\n  = a² x_0 + b\n', ['proved', 'refuted']],
    ['scalar β\nvector v_0 in R^n\nvector g_t in R^n\ndefine v_t = β v_{t-1} + (1-β) g_t   for t ≥ 1\n    v_1\n  = β v_0 + (1-β) g_1\n', ['proved']],
    ['scalar β\nvector v_0 in R^n\nvector g_t, v_t in R^n\ndefine v_t = β v_{t-1} + (1-β) g_t   for t ≥ 1\n    v_2\n  = β² v_0 + β(1-β) g_1 + (1-β) g_2\n    v_2\n  = β² v_0 + β(1-β) g_1 + (1-β) g_1\n', ['proved', 'refuted']],
  ])('%#', async (text, want) => {
    const report = await checkSource(text);
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(report.steps.map((s) => s.verdict)).toEqual(want);
    for (const s of report.steps) {
      const names = (s.counterexample?.assignments ?? []).map(([k]) => k);
      expect(names.filter((k) => /_0$/.test(k))).toHaveLength(Math.min(1, names.filter((k) => /_0$/.test(k)).length));
      expect(names.every((k) => !k.includes('t - 1'))).toBe(true);
    }
  });
});

// (Red team:) an assumption on a family's member at a free index (`‖A_t‖ ≤ γ`) speaks of A_t
// alone, but most students mean every member: a step about A_{t−1}, or a ∏ over t, was refuted
// with A_4 = I. It is unknown, with the hint to write `for all t`; A_t itself is still decided.
describe('an assumption on one member of a family', () => {
  const decl = 'scalar γ\ninteger t, T\nmatrix A_t in R^{n×n}\nassume 0 < γ < 1, ‖A_t‖ ≤ γ\n';
  it.each([
    ['‖A_{t-1}‖', '≤ γ', 'unknown'],
    ['∏_{t=1}^{T} ‖A_t‖', '≤ γ^T', 'unknown'],
    ['‖A_t‖', '≤ γ', 'proved'],
    ['‖A_t‖', '≤ γ/2', 'refuted'],
  ])('%s %s → %s', async (l, r, want) => {
    const report = await checkSource(`${decl}    ${l}\n  ${r}\n`);
    expect(report.steps[0]!.verdict, report.steps[0]!.message).toBe(want);
    if (want === 'unknown') expect(report.steps[0]!.message).toMatch(/write 'for all t'/);
  });
});

// LANGUAGE.md §2: a chain reaches its claim's sides "up to trivial rewriting" (the order of
// terms and factors, numbers computed), not by a proof it does not write. (Red team: the chain
// `(a+b)² = (a+b)²` under `show (a+b)² = a² + 2ab + b²` derived nothing and earned a key's points.)
describe('a show\'s chain reaches the claim up to trivial rewriting', () => {
  it.each([
    ['(a+b)^2 = a^2 + 2a b + b^2', '    (a+b)^2\n  = (a+b)^2\n', 'error', /ends at \(a \+ b\)², not at the claim's right side a² \+ 2 a b \+ b² \(they are equal, but the chain must end there: add the step '= a² \+ 2 a b \+ b²'\)/],
    ['(a+b)^2 = a^2 + 2a b + b^2', '    (b+a)^2\n  = b^2 + 2 b a + a^2\n', 'proved', /reaches the claim/],
    ['(a+b)^2 = a^2 + 2a b + b^2', '    (a+b)(a+b)\n  = b^2 + 2 b a + a^2\n', 'error', /starts at \(a \+ b\) \(a \+ b\), not at the claim's left side \(a \+ b\)² \(they are equal, but the chain must start there: start it at \(a \+ b\)²\)/],
    ['(a+b)^2 = a^2 + 2a b + b^2', '    (a+b)^2\n  = b^2 + 2 b a + a^2\n', 'proved', /reaches the claim/],
    ['a μ (1 - β) = a μ - a β μ', '    μ a (1 - β)\n  = a μ - μ a β\n', 'proved', /reaches the claim/],
    ['(a - b) μ = μ a - μ b', '    μ (a - b)\n  = -b μ + a μ\n', 'proved', /reaches the claim/],
    ['-a b = b (-a)', '    (-a) b\n  = -(b a)\n', 'proved', /reaches the claim/],
    ['(a+b)^2 = a^2 + 2a b + b^2', '    (a+b)^2\n  = a^2 + 2a b + b^2 + 1\n', 'error', /ends at a² \+ 2 a b \+ b² \+ 1, not at the claim's right side/],
    // (Red team:) a division by a number is a product by its reciprocal; a factor 1 is none.
    ['a/2 + b = (a + 2b)/2', '    (1/2)a + b\n  = ½(a + 2b)\n', 'proved', /reaches the claim/],
    ['a/2 + b = (a + 2b)/2', '    0.5a + b\n  = (a + 2b)/2\n', 'proved', /reaches the claim/],
    ['a·1 = a', '    a\n  = a\n', 'proved', /reaches the claim/],
  ])('show %s with a chain → %s', async (claim, chain, want, why) => {
    const report = await checkSource(`scalar a, b, μ, β\nshow "1": ${claim}\n${chain}`);
    expect(report.shows[0]!.verdict, report.shows[0]!.message).toBe(want);
    expect(report.shows[0]!.message).toMatch(why);
  });

  it('computes numbers in the claim at a base index (2t at t = 0 is 0)', async () => {
    const report = await checkSource('integer t\nshow 2^t ≥ 2t for all t ≥ 1 by induction on t\n  base:\n      2^1\n    ≥ 2\n  step:\n      2^t\n    = 2 · 2^{t-1}\n    ≥ 2 · 2(t - 1)     by IH\n    = 4t - 4\n    ≥ 2t\n');
    expect(report.shows[0]!.message).not.toMatch(/not at the claim/);
  });

  // (Red team rt112: the claim's ∑ at t = 0 has β^(0 − i); the chain writes β^(−i), as
  // LANGUAGE.md's own one-line example does, and the show was an error.)
  it.each([
    ['(1-β) ∑_{i=1}^{0} β^{-i} g_i', 'v_t = (1-β) ∑_{i=1}^{t} β^{t-i} g_i', 'vector g_t, v_t in R^n'],
    ['∑_{i=1}^{0} (g_i - i)', 'v_t = ∑_{i=1}^{t} (g_i + t - i)', 'scalar g_t, v_t'],
  ])('drops a term 0 at any depth of the claim at a base index: the base ends at %s', async (end, claim, decl) => {
    const report = await checkSource(`scalar β\ninteger t, i\n${decl}\nassume 0 < β < 1\ndefine v_0 = 0\nshow ${claim} for all t ≥ 0 by induction on t\n  base:\n      v_0\n    = 0    by def v\n    = ${end}\n  step:\n      v_t\n    = ${claim.slice(6)}\n`);
    expect(report.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
    expect(report.shows[0]!.message).not.toMatch(/not at the claim/);
    expect(report.shows[0]!.verdict, report.shows[0]!.message).not.toBe('error');
  });
});

describe('shows', () => {
  it('composes = and ≤ into ≤, and checks the endpoints', async () => {
    // a² + 1 ≥ 0 + 1 term by term (a² ≥ 0, an even power): proved by the bound rules.
    const text = `scalar a\nshow a^2 + 1 ≥ 1\n    a^2 + 1\n  ≥ 0 + 1\n  = 1\n`;
    const { steps, shows } = await verdicts(text);
    expect(steps).toEqual(['proved', 'proved']);
    expect(shows).toEqual(['proved']);
  });

  it('rejects a chain that goes both ways', async () => {
    const text = `scalar a\nshow a ≤ a + 2\n    a\n  ≤ a + 3\n  ≥ a + 2\n`;
    const { report } = await verdicts(text);
    expect(report.shows[0]!.verdict).toBe('error');
    expect(report.shows[0]!.message).toMatch(/both ways/);
  });

  it('rejects a chain that does not reach the claim', async () => {
    const text = `scalar a\nshow a ≤ a + 1\n    a\n  = a\n`;
    const { report } = await verdicts(text);
    expect(report.shows[0]!.verdict).toBe('error');
    expect(report.shows[0]!.message).toMatch(/ends at a, not at the claim's right side a \+ 1/);
  });

  it('rejects = claimed where the chain only gives ≤', async () => {
    const text = `scalar a\nshow a = a + 1\n    a\n  ≤ a + 1\n`;
    const { report } = await verdicts(text);
    expect(report.shows[0]!.verdict).toBe('error');
  });

  it('takes the worst verdict of its steps', async () => {
    const text = `scalar a\nshow a = a\n    a\n  = a + 1\n  = a\n`;
    const { shows } = await verdicts(text);
    expect(shows).toEqual(['refuted']);
  });

  it('checks a for-all claim with no chain over t = k … 12', async () => {
    const ok = `scalar β\ninteger t\nvector g_t, v_t in R^n\ndefine v_0 = 0\ndefine v_t = β v_{t-1} + (1-β) g_t for t ≥ 1\nshow v_t = (1-β) ∑_{i=1}^{t} β^{t-i} g_i   for all t ≥ 0\n`;
    expect((await verdicts(ok)).shows).toEqual(['checked']);
    const bad = ok.replace('β^{t-i}', 'β^{t-i+1}');
    expect((await verdicts(bad)).shows).toEqual(['refuted']);
  });

  it('proves by induction with base and step', async () => {
    const text = `scalar β\ninteger t\nvector g_t, v_t in R^n\ndefine v_0 = 0\ndefine v_t = β v_{t-1} + g_t for t ≥ 1
show v_t = ∑_{i=1}^{t} β^{t-i} g_i  for all t ≥ 0  by induction on t
  base:
      v_0
    = 0                 by def v
    = ∑_{i=1}^{0} β^{0-i} g_i
  step:
      v_t
    = β v_{t-1} + g_t   by def v
    = β ∑_{i=1}^{t-1} β^{t-1-i} g_i + g_t   by IH
    = ∑_{i=1}^{t} β^{t-i} g_i
`;
    const { steps, shows } = await verdicts(text);
    // Every step by a certificate: the sum rules split ∑_{i=1}^{t} at t − 1 (the step's t ≥ 1)
    // and multiply β·β^{t-1-i} = β^{t-i} (exponents ≥ 0 there, so β = 0 is covered too).
    expect(steps).toEqual(['proved', 'proved', 'proved', 'proved', 'proved']);
    expect(shows).toEqual(['proved']);
  });

  it('reads define v_0 = 0 for a vector family as the zero vector (a matrix times it stays a vector)', async () => {
    const text = `scalar β\ninteger t\nvector g_t, v_t in R^n\nmatrix P in R^{n×n}\ndefine v_0 = 0\ndefine v_t = β P v_{t-1} + g_t   for t ≥ 1
    v_2
  = β P g_1 + g_2
    v_2
  = β g_1 + g_2
`;
    expect((await verdicts(text)).steps).toEqual(['proved', 'refuted']);
  });

  it('does not check a step that reads a definition with an error (it was refuted with the name free)', async () => {
    const text = `scalar a, β\nvector g_t, v_t in R^n\ndefine v_0 = a - a\ndefine v_t = β v_{t-1} + g_t   for t ≥ 1
show v_1 = g_1
    v_1
  = β v_0 + g_1   by def v
  = g_1
    g_1 + g_1
  = 2 g_1
`;
    const report = await checkSource(text, { file: 'snippet.deriv' });
    expect(report.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['define-shape']);
    expect(report.steps.map((s) => s.verdict)).toEqual(['error', 'error', 'proved']);
    expect(report.shows.map((s) => s.verdict)).toEqual(['error']);
    expect(report.steps[1]!.message).toBe('this step reads v, whose definition has an error (reported on its own), so it is not checked');
    expect(report.shows[0]!.message).toBe('a step of the chain has an error');
  });

  // (New-user trial:) a define whose target reads as a product left the name free, and a
  // right step about it was refuted at a point where it was anything.
  it('does not check a step that reads a define whose target did not parse (u_new, read as u_n·e·w)', async () => {
    const text = 'vector u, w in R^n\nscalar η\nfunction L : R^n → R\ndefine u_new = u - η ∇_u L(w)\n\n    ‖u_new‖^2\n  = ‖u‖^2 - 2η uᵀ∇_u L(w) + η^2 ‖∇_u L(w)‖^2\n';
    const report = await checkSource(text, { file: 'snippet.deriv' });
    expect(report.steps.map((s) => s.verdict)).toEqual(['error']);
    expect(report.steps[0]!.message).toMatch(/whose definition has an error/);
  });
  it('reads \\Delta \\theta_t and \\Delta\\boldsymbol{\\theta}_t as Δθ_t, in a define and a declaration too (the homework writes them so)', async () => {
    for (const spelled of ['\\Delta \\theta_t', '\\Delta\\boldsymbol{\\theta}_t', '\\Delta\\mathbf{\\theta}_t']) {
      const text = `scalar δ\ninteger t\nvector v_t, ${spelled} in R^n\ndefine ${spelled} = -\\delta v_t\n\n    ${spelled}\n  = -δ v_t\n`;
      const report = await checkSource(text, { file: 'snippet.deriv' });
      expect(report.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message), spelled).toEqual([]);
      expect(report.steps.map((s) => s.verdict), spelled).toEqual(['proved']);
    }
  });

  // (New-user trial:) the homework denotes the largest eigenvalue λ_1(·); λ_1(WᵀW) was λ_1
  // times a matrix, a shape error in the assumption, and every step of the file with it.
  it('reads λ_1(WᵀW) of a square matrix, λ_1 undeclared, as λ_max(WᵀW), saying so once', async () => {
    const text = 'matrix W in R^{n×n}\nscalar δ, γ\nassume γ > 0, 0 ≤ δ < 1\nassume λ_1(WᵀW) ≤ δ^2/γ^2\n\n    ‖W‖\n  = √(λ_1(WᵀW))\n  ≤ δ/γ\n';
    const report = await checkSource(text, { file: 'snippet.deriv' });
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(report.diagnostics.filter((d) => d.code === 'reading').map((d) => d.message)).toEqual([expect.stringMatching(/as λ_max\(Wᵀ W\), its largest eigenvalue/)]);
    expect(report.steps.map((s) => s.verdict)).toEqual(['checked', 'proved']);
    const declared = await checkSource('matrix W in R^{n×n}\nscalar λ_1\n    λ_1(WᵀW)\n  = (WᵀW) λ_1\n', { file: 'snippet.deriv' });
    expect(declared.steps.map((s) => s.verdict)).toEqual(['proved']);
  });

  it('does not take a definition made twice for a broken one (the first is used), and stops a show with no chain that reads a broken one', async () => {
    const twice = await checkSource('define y = 1\ndefine y = 2\n    y\n  = 1\n', { file: 'snippet.deriv' });
    expect(twice.steps.map((s) => s.verdict)).toEqual(['proved']);
    const direct = await checkSource('vector u in R^n\nmatrix A in R^{n×n}\ndefine y = u + A\nshow 2y = y + y\n', { file: 'snippet.deriv' });
    expect(direct.shows.map((s) => [s.verdict, s.message])).toEqual([['error', 'the claim reads y, whose definition has an error (reported on its own), so it is not checked']]);
  });

  it('uses a section\'s own definition over a broken file-level one, and the first of two where the second is also broken (red team)', async () => {
    const own = await checkSource('scalar a\nvector u in R^n\ndefine w = a - u\nsection "S"\ndefine w = 5\n    w\n  = 5\n', { file: 'snippet.deriv' });
    expect(own.steps.map((s) => s.verdict)).toEqual(['proved']);
    const twice = await checkSource('vector u in R^n\ndefine c = 2\ndefine c = 1 - u\n    c\n  = 2\n', { file: 'snippet.deriv' });
    expect(twice.steps.map((s) => s.verdict)).toEqual(['proved']);
  });

  it('does not check a step that reads a define line that did not parse (it was refuted with the name free)', async () => {
    const report = await checkSource('scalar x\ndefine y = (1 +\ndefine f(u) = u +\n    y\n  = 1\n    f(x)\n  = x\n    x + 1\n  = 1 + x\nsection "2"\nscalar y\n    y + y\n  = 2 y\n', { file: 'snippet.deriv' });
    expect(report.steps.map((s) => s.verdict)).toEqual(['error', 'error', 'proved', 'proved']);
    expect(report.steps[0]!.message).toBe('this step reads y, whose definition has an error (reported on its own), so it is not checked');
  });

  it('takes only free names for a broken definition\'s target, and a valid definition of the same target over an unparsed one (red team)', async () => {
    const report = await checkSource('scalar x\ndefine y = (1 +\ndefine h(y) = y^2\n    ∑_{y=1}^{3} y\n  = 6\n    h(2)\n  = 4   by def h\n', { file: 'snippet.deriv' });
    expect(report.steps.map((s) => s.verdict)).toEqual(['proved', 'proved']);
    const again = await checkSource('scalar x\ndefine y = (1 +\ndefine y = x\n    y\n  = x\n', { file: 'snippet.deriv' });
    expect(again.steps.map((s) => s.verdict)).toEqual(['proved']);
  });

  it('keeps a broken definition to its own section', async () => {
    const text = `section "1"\nscalar a\nvector v in R^n\ndefine v = a - a\n    v + v\n  = 2 v\nsection "2"\nscalar v\n    v + v\n  = 2 v\n`;
    const report = await checkSource(text, { file: 'snippet.deriv' });
    expect(report.steps.map((s) => s.verdict)).toEqual(['error', 'proved']);
  });

  it('proves a closed form that names the family\'s own first member (x_t = x_0 + t d)', async () => {
    // (An IH assumed as a substitution x_{t−1} := x_0 + (t − 1) d was tried and reverted: at
    // t = 1 it defines x_0 by itself, and it disagrees with definitions that are not recurrences.)
    const text = `integer t\nscalar x_t, d\ndefine x_t = x_{t-1} + d   for t ≥ 1
show x_t = x_0 + t d   for all t ≥ 0   by induction on t
  base:
      x_0
    = x_0 + 0 d
  step:
      x_t
    = x_{t-1} + d          by def x
    = x_0 + (t-1) d + d    by IH
    = x_0 + t d
`;
    expect(await verdicts(text)).toMatchObject({ steps: ['proved', 'proved', 'proved', 'proved'], shows: ['proved'] });
  });

  it('blames the wrong line of a false induction, not its correct line by IH', async () => {
    // (The IH is met by rejection: where the claim is false the definitions contradict it, so
    // a point there was no counterexample to S_{t−1} + t = (t − 1)² + t; it was refuted at t = 3.)
    const text = `integer t\ndefine S_0 = 0\ndefine S_t = S_{t-1} + t   for t ≥ 1
show S_t = t²   for all t ≥ 0   by induction on t
  base:
      S_0
    = 0²
  step:
      S_t
    = S_{t-1} + t     by def S
    = (t-1)² + t      by IH
    = t²
`;
    expect(await verdicts(text)).toMatchObject({ steps: ['proved', 'proved', 'proved', 'refuted'], shows: ['refuted'] });
  });

  it('still refutes plain algebra in the step of a claim false at every t (the IH holds nowhere)', async () => {
    const text = `integer t\ndefine S_0 = 0\ndefine S_t = S_{t-1} + t   for t ≥ 1
show S_t = t² + 1   for all t ≥ 0   by induction on t
  base:
      S_0
    = 0² + 1
  step:
      S_t
    = S_{t-1} + t           by def S
    = (t-1)² + 1 + t        by IH
    = t² + 5
`;
    // (The line by IH is unknown: no t meets the hypothesis, so nothing can be sampled; it says so.)
    // (The show is an error: its chain ends at t² + 5, not at the claim's t² + 1.)
    const got = await verdicts(text);
    expect(got).toMatchObject({ steps: ['refuted', 'proved', 'unknown', 'refuted'], shows: ['error'] });
    expect(got.report.steps[2]!.message).toMatch(/^the induction hypothesis \(the claim at t − 1\) held at no sampled point/);
  });

  it('proves a true induction whose closed form is a sum (S_t = ∑ i = t(t + 1)/2)', async () => {
    const text = `integer t\ndefine S_0 = 0\ndefine S_t = S_{t-1} + t   for t ≥ 1
show S_t = t(t+1)/2   for all t ≥ 0   by induction on t
  base:
      S_0
    = 0(0+1)/2
  step:
      S_t
    = S_{t-1} + t           by def S
    = (t-1)t/2 + t          by IH
    = t(t+1)/2
`;
    expect(await verdicts(text)).toMatchObject({ steps: ['proved', 'proved', 'proved', 'proved'], shows: ['proved'] });
  });
});

describe('a section shadows a definition for every engine alike', () => {
  // (Sixth red team:) the identity test read the file's f and sampling the section's: g(x) =
  // 5x² was "refuted" as a fault of the identity test, and g(x) = 9x³ proved.
  it('reads g(u) = f(u) + f(2u) with the section\'s f(u) = u³ in the section', async () => {
    const text = 'scalar x\ndefine f(u) = u^2\ndefine g(u) = f(u) + f(2u)\n    g(x)\n  = 5 x^2\n\nsection "s2"\ndefine f(u) = u^3\n    g(x)\n  = 9 x^3\n    g(x)\n  = 5 x^2\n';
    const { report } = await verdicts(text);
    expect(report.steps.map((st) => st.verdict)).toEqual(['proved', 'proved', 'refuted']);
    expect(report.steps[2]!.message).toBe('the two sides differ at this point; left − right = 9 x³ - 5 x²');
  });
});

describe('a file-level definition a section drops', () => {
  // (Second red team:) sampled as a function nothing defines, g "failed" at an invented g.
  it('leaves a step that reads it unchecked, saying why', async () => {
    const { report } = await verdicts('scalar x\ndefine g(u) = f(u) + 1\n\nsection "A"\ndefine f(u) = u^2\n\n    g(x)\n  = x^2 + 1\n');
    expect(report.steps.map((st) => st.verdict)).toEqual(['error']);
    expect(report.steps[0]!.message).toBe('this step reads g, whose definition is not used in this section (see the warning), so it is not checked');
    expect(report.steps[0]!.counterexample ?? null).toBeNull();
  });

  it('…and one that reads it through a definition of the section', async () => {
    const { report } = await verdicts('scalar x\ndefine g(u) = f(u) + 1\n\nsection "A"\ndefine f(u) = u^2\ndefine h(u) = g(u) + 1\n\n    h(x)\n  = x^2 + 2\n');
    expect(report.steps.map((st) => st.verdict)).toEqual(['error']);
    expect(report.steps[0]!.message).toBe('this step reads g, whose definition is not used in this section (see the warning), so it is not checked');
  });
});

describe('messages', () => {
  it('says what left − right comes to when it is short', async () => {
    const text = 'scalar β, δ\nvector g, v in R^n\n    -δ (β v + (1-β) g)\n  = β (-δ v) + δ(1-β) g\n';
    const { report } = await verdicts(text);
    expect(report.steps[0]!.message).toMatch(/left − right = \(2 β δ - 2 δ\) g/);
  });

  // Rational functions (common factors cancelled) and functions other than √ as names of
  // their own are expanded exactly, without nerdamer (engines/polynomial.ts).
  it.each([
    ['scalar a, b\n    1/a + 1/b\n  = 2/(a + b)\n', '(a² + b²)/(a b (a + b))'],
    ['scalar x\n    (x^2 - 1)/(x - 1)\n  = x + 2\n', '-1'],
    ['scalar x\n    1/(x (x + 1))\n  = 1/x + 1/(x + 1)\n', '-2/(x + 1)'],
    ['scalar x\n    x/(1 - x)\n  = x/(x - 1)\n', '-2 x/(x - 1)'],
    ['scalar a, b\n    a/(a b)\n  = 1/a\n', '(a - b)/(a b)'],
    ['scalar x\n    x e^x + 2 x e^x\n  = 2 x e^x\n', 'x e^x'],
    ['scalar x\n    π x + x\n  = 4x\n', 'π x - 3 x'],
    ['scalar x, y\n    (x + y)^20\n  = (x + y)^19 (x + y) + 10^(-30)\n', '-1/1000000000000000000000000000000'],
    ['scalar x\n    cos(2x)\n  = 2 cos(x)^2\n', '-2 cos(x)² + cos(2 x)'],
    ['scalar x\n    log(1 + x)\n  = x\n', 'log(1 + x) - x'],
    ['scalar a, b\n    |a + b|\n  = |a| + |b|\n', '|a + b| - |a| - |b|'],
    // Two powers of e as names of their own, where nerdamer's word was false (red team: it
    // said (e^x + e^y)^(x - 1) - 1).
    ['scalar x, y\n    \\frac{e^{x}}{e^{x}+e^{y}}\n  = 1\n', '-e^y/(e^x + e^y)'],
    // Powers of e combine: nerdamer's word, as before.
    ['scalar x\n    exp(x) exp(-x)\n  = 2\n', '-1'],
    // |u|² is u², √u·√u is u, √(u²) is |u|, √ and log of rationals by their primes: exact and
    // local (they were nerdamer's word; its load was the identity table's slowest step).
    ['scalar x\n    |x| |x| + 1\n  = x^2\n', '1'],
    ['scalar x\n    sqrt(x) (sqrt(x) + 1)\n  = x + 2 sqrt(x)\n', '-sqrt(x)'],
    ['scalar x\n    sqrt(x^2)\n  = x\n', '|x| - x'],
    ['scalar x\n    sqrt(x + 1) - sqrt(x)\n  = 1/(sqrt(x + 1) - sqrt(x))\n', '(-2 sqrt(x + 1) sqrt(x) + 2 x)/(sqrt(x + 1) - sqrt(x))'],
    ['scalar x\n    sqrt(8) x\n  = 3 sqrt(2) x\n', '-sqrt(2) x'],
    ['scalar x\n    log(12) x\n  = (log(2) + log(3)) x\n', 'log(2) x'],
    // Definitions unfolded where that ends: the text said g β² + v_2 - g - 1, v_2 beside what it stands for.
    ['scalar β, g\ndefine v_t = β v_{t-1} + (1-β) g for t ≥ 1\ndefine v_0 = 0\n    v_2\n  = (1-β) g + β (1-β) g + 1\n', '-1'],
    ['scalar x\ndefine y = x^2 + 1\ndefine f(u) = u^3\n    f(y) - y\n  = x^6\n', '3 x^4 + 2 x²'],
    // …but not a definition for some indices at a symbolic one (red team: −1 at t = 0, where u_0 = 0).
    ['integer t\ndefine u_0 = 0\ndefine u_t = 2 for t ≥ 1\n    u_t\n  = 3\n', 'u_t - 3'],
    ['integer t\nscalar β, x\ndefine v_0 = 0\ndefine v_t = β v_{t-1} + (1-β) x for t ≥ 1\ndefine f(u) = u^2 + 3u\n    f(v_t)\n  = v_t^2 + 3 v_t + 1\n', '-1'],
  ])('says what left − right comes to: %s', async (text, residue) => {
    const { report } = await verdicts(text);
    expect(report.steps[0]!.verdict).toBe('refuted');
    expect(report.steps[0]!.message).toContain(`left − right = ${residue}`);
    expect(report.steps[0]!.message).not.toMatch(new RegExp(`left − right = ${residue.replace(/[()^+*/|]/g, '\\$&')}.`));
  });

  it('names the words that differ for matrices', async () => {
    const { report } = await verdicts('matrix A, B in R^{n×n}\n    (A + B)²\n  = A² + 2 A B + B²\n');
    expect(report.steps[0]!.message).toMatch(/left − right = -A B \+ B A/);
  });

  it('writes the identity matrix of a matrix difference as I, a negative coefficient with a minus', async () => {
    const { report } = await verdicts('matrix A, B in R^{n×n}\n    A B\n  = B A + 2I\n');
    expect(report.steps[0]!.message).toMatch(/left − right = A B - B A - 2 I(?![\w])/);
  });
});

/** A polynomial that vanishes at the sampler's first values of x (2, −1, ½, 3, 0, 1, −2, 3/2). */
const P = 'x (x-1) (x+1) (x-2) (x+2) (x-3) (2x-1) (2x-3)';

describe('exact expansion where residues modulo p cannot be trusted', () => {
  // Coefficients as large as the identity test's prime: left − right expanded in exact
  // rationals (engines/polynomial.ts); proved with no error probability, never by nerdamer.
  it.each([
    ['scalar x\n    (x + 10^50) - 10^50\n  = x\n', 'proved'],
    ['scalar x, y\n    (10^30 x + y)^2\n  = 10^60 x^2 + 2·10^30 x y + y^2\n', 'proved'],
    ['scalar x\n    1/(10^40 x) + 1/(10^40 x)\n  = 2/(10^40 x)\n', 'proved'],
    ['scalar x\n    sin(x)^2 (2^70 + 1) - 2^70 sin(x)^2\n  = sin(x)^2\n', 'proved'],
    ['scalar x, y\n    (10^30 x + y)^2\n  = 10^60 x^2 + 2·10^30 x y + y^2 + 1\n', 'refuted'],
    ['scalar x\n    (2^61 - 1) x\n  = 0\n', 'refuted'],
    ['scalar x\n    (x + 10^50)^2 - 10^100\n  = x^2 + 10^50 x\n', 'refuted'],
    // Coefficients a multiple of the prime apart through a factorial or a ∑/∏ over its index,
    // times a polynomial that vanishes at the sampler's first points (red team: each was proved).
    ...(['89285158 · 22!', '89285158 ∏_{i=1}^{22} i'].map((k) => [`scalar x\ninteger i\n    ${P} · ${k}\n  = ${P} · 842541011\n`, 'refuted'] as [string, string])),
    [`scalar x\ninteger i\n    ${P} · 1397240453 ∑_{i=1}^{30} i^{20}\n  = -776185531 ${P}\n`, 'refuted'],
    ['scalar x\n    5! x\n  = 120 x\n', 'proved'],
    ['scalar x\ninteger i\n    ∑_{i=1}^{4} i x\n  = 10 x\n', 'proved'],
  ])('%s', async (text, verdict) => {
    const { report } = await verdicts(text);
    const step = report.steps[0]!;
    expect(step.verdict, step.message).toBe(verdict);
    if (verdict === 'proved' && /10\^/.test(text)) expect(step.message).toContain('exact expansion');
  });
});

describe('time limits', () => {
  it('gives unknown, not a hang, for a step that runs over', async () => {
    const text = `integer i, j\n    ∑_{i=1}^{100000} ∑_{j=1}^{100000} i j\n  = 0\n`;
    const t = Date.now();
    const { report } = await verdicts(text, { timeoutMs: 300 });
    expect(report.steps[0]!.verdict).toBe('unknown');
    expect(report.steps[0]!.message).toMatch(/time limit/);
    expect(Date.now() - t).toBeLessThan(5000);
  });
});

describe('determinism', () => {
  const dir = path.join(import.meta.dirname, '..', 'derivations');
  const files = ['q1-rnn.deriv', 'q2-momentum.deriv', 'q3-taylor.deriv', 'q4-weightnorm.deriv', 'wrong.deriv'];

  it.each(files)('%s: byte-identical JSON for the same seed, the same verdicts for another', async (name) => {
    const text = readFileSync(path.join(dir, name), 'utf8');
    const a = await checkSource(text, { file: name, seed: 7 });
    const b = await checkSource(text, { file: name, seed: 7 });
    expect(formatJson([b])).toBe(formatJson([a]));
    const c = await checkSource(text, { file: name, seed: 99 });
    const verdicts = (r: FileReport) => [...r.steps.map((x) => x.verdict), '|', ...r.shows.map((x) => x.verdict)];
    expect(verdicts(c)).toEqual(verdicts(a));
  });
});

describe('integers bounded above only, negative indices, integer poles', () => {
  // `assume t < 0` moved no range: every drawn t was ≥ 0 and failed it, so every step in its
  // scope was unknown (red team).
  it.each([
    ['a step about t', 'integer t\nassume t < 0\n    t < 0\n  ⇔ t + 1 < 1\n', 'proved'],
    ['a step not about t, in its scope', 'integer t\nscalar x\nassume t < 0\n    x + x\n  = 2x\n', 'proved'],
    ['a bound that holds', 'integer t\nassume t ≤ -3\n    t^2\n  ≥ 9\n', 'pass'],
    ['a bound that fails at the end', 'integer t\nassume t ≤ -3\n    t^2\n  ≥ 10\n', 'refuted'],
    // Second red team: the bound itself came last, so a proved step never reached it.
    ['a pole at the bound itself', 'integer t\nassume t < 0\n    1\n  = (t + 1)/(t + 1)\n', 'refuted'],
    ['a definition for negative indices is used there', 'integer t\ndefine u_t = 5 for t ≤ -1\nassume t < 0\n    u_t\n  = 5\n', 'proved'],
    ['…a backward recurrence too', 'integer t\ndefine u_0 = 1\ndefine u_t = u_{t+1}/2 for t ≤ -1\nassume t < 0\n    u_t\n  = 2^t\n', 'pass'],
    ['…and a wrong value for it is refuted', 'integer t\ndefine u_0 = 1\ndefine u_t = u_{t+1}/2 for t ≤ -1\nassume t < 0\n    u_t\n  = 2^(t+1)\n', 'refuted'],
    ['a literal subscript of a name never declared', 'define u_{-1} = 3\n    u_{-1}\n  = 3\n', 'pass'],
    ['an integer pole no sampled value reaches', 'integer t\n    1\n  = (t - 40)/(t - 40)\n', 'refuted'],
    // Third red team: x^(n+m) = x^n x^m was proved; at x = 0, n = −1, m = 2 its left is 0, its right has no value.
    ['a pole of a power at a negative integer', 'scalar x\ninteger n, m\nassume n ≥ -3, m ≥ -3\n    x^(n+m)\n  = x^n x^m\n', 'refuted'],
    ['…none where the integers are not negative', 'scalar x\ninteger n, m\nassume n ≥ 0, m ≥ 0\n    x^(n+m)\n  = x^n x^m\n', 'proved'],
    ['…nor where x is not 0', 'scalar x\ninteger n, m\nassume n ≥ -3, m ≥ -3, x ≠ 0\n    x^(n+m)\n  = x^n x^m\n', 'proved'],
    // (Red team: "internal error: n.sign is not a function", the vector family under the integer's key.)
    ['an integer letter that also names a family of vectors', 'integer t, h\nvector h_t in R^n\n    h_{t-1}\n  = h_{t-1}\n', 'proved'],
    // (log(x²) = 2 log x was proved under x > −10⁻⁹: x, shared by both logs, was no part to search.)
    ['a log of a square against a log, near an assumption end', 'scalar x\nassume x > -10^(-9)\n    log(x^2)\n  = 2 log x\n', 'refuted'],
    ['…and the other way round, a note', 'scalar x\nassume x > -10^(-9)\n    2 log x\n  = log(x^2)\n', 'proved'],
    ['…and log |x| against log x', 'scalar x\nassume x > -10^(-9)\n    log(|x|)\n  = log x\n', 'refuted'],
    ['…and both where x > 0', 'scalar x\nassume x > 0\n    log(x^2)\n  = 2 log x\n', 'proved'],
    ['…and a power of it beside a member', 'integer h\nscalar x\nvector h_t in R^n\n    x^h h_1\n  = x^(h-1) x h_1\n', 'refuted'],
  ])('%s', async (_what, text, want) => {
    const { report } = await verdicts(text);
    const verdict = report.steps[0]!.verdict;
    if (want === 'pass') expect(['proved', 'checked'], report.steps[0]!.message).toContain(verdict);
    else expect(verdict, report.steps[0]!.message).toBe(want);
  });
});
