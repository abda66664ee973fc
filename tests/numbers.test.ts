import { describe, expect, it } from 'vitest';
import { checkSource } from '../src/check/index.js';
import { formatJson } from '../src/report/json.js';
import { formatGcc } from '../src/report/gcc.js';
import { formatHtml } from '../src/report/html.js';
import { formatText } from '../src/report/text.js';

/**
 * Numbers a verdict can stand on (LANGUAGE.md §3): exact values or enclosures decide, no
 * tolerance does; domains are read left to right; every output shows the same findings.
 */
const one = async (body: string, decl = 'scalar a, b, x, z\n', timeoutMs?: number) => {
  const report = await checkSource(`${decl}${body}`, { file: 'n.deriv', ...(timeoutMs ? { timeoutMs } : {}) });
  expect(report.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
  return { report, step: report.steps[0]! };
};

describe('exact where the step is rational', () => {
  it('refutes 10^40 + 1 = 10^40, showing both exact values', async () => {
    const { step } = await one('    10^40 + 1\n  = 10^40\n');
    expect(step.verdict).toBe('refuted');
    expect(step.method).toBe('evaluation');
    expect(step.counterexample).toMatchObject({ left: '10^40 + 1', right: '10^40' });
  });

  it('proves 10^40 + 1 > 10^40 by exact evaluation', async () => {
    const { step } = await one('    10^40 + 1\n  > 10^40\n');
    expect(step).toMatchObject({ verdict: 'proved', method: 'evaluation' });
  });

  it('proves a rational identity by the identity test, with its error bound in the JSON', async () => {
    const { report, step } = await one('    (a + b)^3\n  = a^3 + 3 a^2 b + 3 a b^2 + b^3\n');
    expect(step.method).toBe('identity-test');
    const json = JSON.parse(formatJson([report]));
    expect(json.files[0].steps[0].errorBound).toBeLessThanOrEqual(1e-30);
    expect(json.files[0].steps[0].errorBound).toBeGreaterThan(0);
  });

  it('proves a step through a matrix inverse by the identity test (residues have no order to pivot by)', async () => {
    const { step } = await one('    H H⁻¹ g\n  = g\n', 'vector g in R^n\nmatrix H in R^{n×n}\nassume H invertible\n');
    expect(step).toMatchObject({ verdict: 'proved', method: 'identity-test' });
  });

  // log(exp(u)) = u for every real u; exp of a large whole constant is a power of the symbol
  // for e. Each was left to nerdamer and 24 sampled points before (exp(1000) was "large").
  it.each([
    ['log(exp(x))', 'x', 'proved', 'identity-test'],
    ['ln(e^(a b + 1)) - 1', 'b a', 'proved', 'identity-test'],
    ['log(exp(x)) log(exp(z))', 'x z', 'proved', 'identity-test'],
    ['exp(1000)/exp(999)', 'exp(1)', 'proved', 'identity-test'],
    ['exp(1000 x)/exp(999 x)', 'exp(x)', 'proved', 'identity-test'],
    ['log(exp(x))', 'x + 10^(-30)', 'refuted', 'sampling'],
    ['exp(1000)/exp(999)', 'exp(1) + 10^(-40)', 'refuted', 'evaluation'],
    ['log(exp(x))', 'log(exp(z))', 'refuted', 'sampling'],
  ])('%s = %s is %s (%s)', async (left, right, verdict, method) => {
    const { step } = await one(`    ${left}\n  = ${right}\n`);
    expect(step, step.message).toMatchObject({ verdict, method });
  });

  // A positive rational constant to a power linear in the names: each prime's power of each
  // name a substitution symbol, the constant's whole part exact (CAS-suite trial: these were
  // only checked, at ~100–250 ms of 250-digit powers each).
  it.each([
    ['2^(2x)', '4^x', 'proved', 'identity-test'],
    ['2^(2 + x)/4', '2^x', 'proved', 'identity-test'],
    ['4^x 2^(-x) 2^(-x)', '1', 'proved', 'identity-test'],
    ['6^x', '2^x 3^x', 'proved', 'identity-test'],
    ['(1/2)^x', '2^(-x)', 'proved', 'identity-test'],
    ['2^(x/3) 2^(x/3) 2^(x/3)', '2^x', 'proved', 'identity-test'],
    ['(3/4)^(x + y) 4^x', '3^(x + y) 4^(-y)', 'proved', 'identity-test'],
    // (Second red team: 2^(1/2) is a symbol to the test, not √2, so where the sides differ to
    // it the other methods decide: these were proved before the test took constant powers.)
    ['2^(1/2) * 2^(1/2)', '2', 'proved', 'symbolic'],
    ['2^(x + 1/2) * 2^(x + 1/2)', '2^(2x + 1)', 'proved', 'symbolic'],
    ['2^x', '3^x', 'refuted', 'sampling'],
    ['2^(x + y)', '2^x + 2^y', 'refuted', 'sampling'],
    ['10^x', '2^x 5^x + 10^(-30)', 'refuted', 'sampling'],
    ['2^(2 + x)', '4 2^x + 1', 'refuted', 'sampling'],
  ])('a constant to a power: %s = %s is %s (%s)', async (left, right, verdict, method) => {
    const { step } = await one(`    ${left}\n  = ${right}\n`);
    expect(step, step.message).toMatchObject({ verdict, method });
  });

  // π and e as indeterminates of their own (both transcendental: a rational function of them
  // and the names that vanishes at π for every value of the names vanishes formally). Only a
  // proof: where the sides differ formally the other methods decide (sin π is 0).
  // (The first was left to nerdamer, ~140 ms cold, in the CAS-suite table.)
  it.each([
    ['(2 (1/x - cos(x π)/x))/π', '2 (1 - cos(π x))/(π x)', 'proved', 'identity-test'],
    ['π x + e', 'e + 2 x π - π x', 'proved', 'identity-test'],
    ['1/(π x + 1) + 1/(e x + 1)', '((π + e) x + 2)/((π x + 1) (e x + 1))', 'proved', 'identity-test'],
    // (e is exp(1), the D-th power of an exp's constant term's symbol: e exp(x) = exp(x + 1) and
    // e^(−1) = 1/e are identities of the test, not left to nerdamer.)
    ['e exp(x)', 'exp(x + 1)', 'proved', 'identity-test'],
    ['e^(-1)', '1/e', 'proved', 'identity-test'],
    ['exp(x - 1/2)^2', 'exp(2 x)/e', 'proved', 'identity-test'],
    ['e exp(x)', 'exp(x + 2)', 'refuted', 'sampling'],
    // (√(e^u) is e^(u/2): √e meets e^(1/2), the value the limit rules give (1 + 1/(2T))^T.)
    ['√e', 'e^(1/2)', 'proved', 'identity-test'],
    ['√(exp(x))', 'exp(x/2)', 'proved', 'identity-test'],
    ['√e', 'e^(1/3)', 'refuted', 'evaluation'],
    ['sin(π x + π)', '-sin(x π)', 'proved', 'symbolic'],
    ['π x', 'e x', 'refuted', 'sampling'],
    ['(π + e)²', 'π² + π e + e²', 'refuted', 'evaluation'],
    ['cos(π x)', 'cos(x)', 'refuted', 'sampling'],
  ])('π and e: %s = %s is %s (%s)', async (left, right, verdict, method) => {
    const { step } = await one(`    ${left}\n  = ${right}\n`);
    expect(step, step.message).toMatchObject({ verdict, method });
  });

  // exp and sin/cos of an argument polynomial in the names: linear in its monomials, each a
  // name of its own to the substitution (cos(xy) = cos(u) at u = xy). The monomials are not
  // independent (x·x is x²), so only a proof: a difference leaves the step to the others.
  // (The sum-to-product step spent ~210 ms cold in nerdamer's failing simplify in the table.)
  it.each([
    ['-cos(y) + cos(x y)', '-2 sin(x y/2 - y/2) sin(x y/2 + y/2)', 'proved', 'identity-test'],
    ['exp(x y) exp(x)', 'exp(x (y + 1))', 'proved', 'identity-test'],
    ['sin(x^2 + y)', 'sin(x^2) cos(y) + cos(x^2) sin(y)', 'proved', 'identity-test'],
    ['exp((x + y)^2)', 'exp(x^2) exp(2 x y) exp(y^2)', 'proved', 'identity-test'],
    ['cos(x x)', 'cos(x^2)', 'proved', 'identity-test'],
    ['sin(x^2)', 'sin(x)^2', 'refuted', 'sampling'],
    ['exp(x y)', 'exp(x) exp(y)', 'refuted', 'sampling'],
    ['cos(x y)', 'cos(y x) + 10^(-30)', 'refuted', 'sampling'],
  ])('a polynomial argument: %s = %s is %s (%s)', async (left, right, verdict, method) => {
    const { step } = await one(`    ${left}\n  = ${right}\n`);
    expect(step, step.message).toMatchObject({ verdict, method });
  });

  // The logarithm of a constant times powers of names: a sum of symbols for log|v| and log p,
  // exact wherever the logarithm has a value (then its argument is positive); proofs only, and
  // the domain rule still sampling's (log(xy) = log x + log y fails at x = y = −1).
  // (log(2x) − log 2 = log x was only checked, after ~60 ms of nerdamer's failing simplify.)
  it.each([
    ['log(2 x) - log(2)', 'log(x)', 'proved', 'identity-test'],
    ['3 log(x) + 3 log(z)', 'log(x^3 z^3)', 'proved', 'identity-test'],
    ['(x + y) log(z) + (-x - y) log(3)', '(x + y) log(z/3)', 'proved', 'identity-test'],
    ['2 log(2 x)', 'log(4 x^2)', 'proved', 'identity-test'],
    ['ln(x) - ln(y)', 'log(x/y)', 'proved', 'identity-test'],
    ['log(x y)', 'log(x) + log(y)', 'refuted', 'sampling'],
    ['log(4 x^2)', '2 log(2 x)', 'refuted', 'sampling'],
    ['log(-x)', 'log(x)', 'refuted', 'sampling'],
    ['log(x/2)', 'log(x) - log(3)', 'refuted', 'sampling'],
  ])('logarithms: %s = %s is %s (%s)', async (left, right, verdict, method) => {
    const { step } = await one(`    ${left}\n  = ${right}\n`);
    expect(step, step.message).toMatchObject({ verdict, method });
  });

  // A certified step is cross-checked in exact and double arithmetic; where doubles overflow at
  // every point, too few were decided and the step was unknown: those go to 50 digits.
  it.each([
    ['exp(x + 720)', 'exp(x) exp(720)', 'proved', 'identity-test'],
    ['exp(x y + 1000)', 'exp(x y) exp(1000)', 'proved', 'identity-test'],
    ['exp(-x^2) exp(x^2 + 800)', 'exp(800)', 'proved', 'identity-test'],
    ['exp(x + 800)', 'exp(x) exp(800) + 1', 'refuted', 'sampling'],
  ])('past the doubles: %s = %s is %s (%s)', async (left, right, verdict, method) => {
    const { step } = await one(`    ${left}\n  = ${right}\n`);
    expect(step, step.message).toMatchObject({ verdict, method });
  });

  // A non-strict bound holds where every value the left may be is at or below every value the
  // right may be, enclosures sharing only an end: [1 − 10⁻⁵⁵, 1] ≤ 1 (no agreement is needed).
  it.each([
    ['tanh(x^2 + 10^400)', '≤', '1', 'checked'],
    ['tanh(-x^2 - 10^400)', '≥', '-1', 'checked'],
    ['tanh(x^2 + 10^400)', '≥', '1', 'unknown'],
    ['tanh(x^2 + 10^400)', '<', '1', 'unknown'],
    ['x^2', '≤', 'x^2 - 10^(-30)', 'refuted'],
  ])('enclosures apart but for an end: %s %s %s is %s', async (left, rel, right, verdict) => {
    const { step } = await one(`    ${left}\n  ${rel} ${right}\n`);
    expect(step.verdict, step.message).toBe(verdict);
  });

  // The degree bound behind the error bound counts every term at its symbol's final
  // denominator: exp(x) met before exp(x/3) is E³ in E = e^(x/3), and the four terms come to
  // degree 8 at least. (Counted as E, the bound was (6/p)², below the true (8/p)².)
  it('bounds the error with the degree of every term at its final denominator', async () => {
    // (Not the same terms reordered, which is a structural proof now.)
    const { step } = await one('    exp(x) + exp(x/3)\n  = exp(x/3) + 2 exp(x) - exp(x)\n');
    expect(step).toMatchObject({ verdict: 'proved', method: 'identity-test' });
    expect(step.errorBound!).toBeGreaterThanOrEqual((8 / (2 ** 61 - 1)) ** 2);
  });

  // Square roots as symbols s with s² = u, every sign of each tried at each point: what holds
  // on every branch holds on the principal one; what holds on some only is left to others.
  it.each([
    ['sqrt(x + 1) - sqrt(x)', '1/(sqrt(x + 1) + sqrt(x))', 'proved', 'identity-test'],
    ['(a - b)/(√a - √b)', '√a + √b', 'proved', 'identity-test'],
    ['1/(sqrt(2) - 1)', 'sqrt(2) + 1', 'proved', 'identity-test'],
    ['sqrt(1 + sqrt(x))^2 - sqrt(x)', '1', 'proved', 'identity-test'],
    ['(sqrt(x) + 1)^2', 'x + 2 sqrt(x) + 1', 'proved', 'identity-test'],
    ['\\sqrt{a b} (\\sqrt{a b} + 1)', 'a b + \\sqrt{a b}', 'proved', 'identity-test'],
    ['sqrt(x^2)', 'x', 'refuted', 'sampling'],
    ['sqrt(a b)', 'sqrt(a) sqrt(b)', 'refuted', 'sampling'],
    ['(sqrt(x) + 1)^2', 'x + 2 sqrt(x) + 1 + 10^(-20)', 'refuted', 'sampling'],
    ['sqrt(x + 1) - sqrt(x)', '1/(sqrt(x + 1) - sqrt(x))', 'refuted', 'sampling'],
    ['sqrt(1 + sqrt(x))^2', '1 - sqrt(x)', 'refuted', 'sampling'],
    ['sqrt(8)', '2 sqrt(2)', 'proved', 'identity-test'],
    ['sqrt(1/2) x', 'x/sqrt(2)', 'proved', 'identity-test'],
    ['sqrt(4) x', '2 x', 'proved', 'identity-test'],
    ['sqrt(8)', '3 sqrt(2)', 'refuted', 'evaluation'],
    ['sqrt(18) x', '3 sqrt(2) x + 10^(-30)', 'refuted', 'sampling'],
  ])('√: %s = %s is %s (%s)', async (left, right, verdict, method) => {
    const { step } = await one(`    ${left}\n  = ${right}\n`);
    expect(step, step.message).toMatchObject({ verdict, method });
  });

  it('names a point where the left side has no value when it extends it past a square root', async () => {
    const { step } = await one('    sqrt(x + 5)^2\n  = x + 5\n');
    expect(step.verdict).toBe('proved');
    expect(step.notes.map((n) => n.message).join('\n')).toMatch(/left side is undefined at x = -\d/);
  });

  it.each([
    ['scalar x\ndefine f(u) = 1/(u - 3)\n', '1', 'f(x) (x - 3)'],
    ['integer t\ndefine f(u) = 1/(u^2 - 49)\n', '1', 'f(t) (t^2 - 49)'],
    ['scalar x\ndefine v = 1/(x - 3)\n', '1', 'v (x - 3)'],
  ])('refutes a step whose right side has no value inside a definition (%s%s = %s)', async (decl, left, right) => {
    const { step } = await one(`    ${left}\n  = ${right}\n`, decl);
    expect(step.verdict, step.message).toBe('refuted');
  });

  it('does not refute at an integer pole the assumptions exclude', async () => {
    const { step } = await one('    1\n  = (t^2 - 4900)/(t^2 - 4900)\n', 'integer t\nassume t ≥ 80\n');
    expect(step.verdict).toBe('proved');
  });

  it('names no empty list of what a rule used', async () => {
    const { step } = await one('    sqrt(10^1000 + 7)^2\n  = 10^1000 + 7\n');
    expect(step.verdict).toBe('proved');
    expect(step.message).not.toContain('()');
  });

  it('does not cancel exp(log x), which is x only where x > 0', async () => {
    const { step } = await one('    x\n  = exp(log(x))\n');
    expect(step.verdict).toBe('refuted');
    expect(step.message).toMatch(/undefined/);
  });

  it('does not give matrices of different sizes one size where an inverse is taken (A (AᵀA)⁻¹ Aᵀ is a projection)', async () => {
    const { step } = await one('    A (Aᵀ A)⁻¹ Aᵀ\n  = I\n', 'matrix A in R^{m×n}\n');
    expect(step.verdict).toBe('refuted');
    expect(step.message).not.toMatch(/identity test|multiple of the prime/);
  });

  it('refutes a rational step exactly, however small the difference', async () => {
    const { step } = await one('    x + 10^(-50)\n  = x\n');
    expect(step.verdict).toBe('refuted');
  });

  // A power past the exact limit (2^3000 is 9,000 bits of numerator and denominator) threw
  // out of the check of trivial rewriting and lost the whole file ("internal error while
  // checking this file"), the steps after it too.
  it.each([
    ['2^3000', '2^3000', 'proved'], ['10^3000', '10^3000', 'proved'], ['1.5^3000', '1.5^3000', 'proved'], ['2^(-3000)', '2^(-3000)', 'proved'],
    ['2^3000 + 1', '2^3000', 'refuted'], ['1.5^3000 + 1', '1.5^3000', 'refuted'],
  ])('checks %s = %s (%s) and the steps after it', async (left, right, verdict) => {
    const report = await checkSource(`scalar x\n    ${left}\n  = ${right}\n\n    x + 1\n  = 1 + x\n`, { file: 'n.deriv' });
    expect(report.diagnostics.map((d) => d.message)).toEqual([]);
    expect(report.steps.map((s) => s.verdict)).toEqual([verdict, 'proved']);
  });
});

describe('enclosures elsewhere, and no tolerance', () => {
  it.each([
    ['1 + e^{-z} - 1 = e^{-z} (right at z = 3000 too)', '    1 + e^{-z} - 1\n  = e^{-z}\n'],
    ['tanh(x) < 1 (undecidable far out: skipped, never a counterexample)', '    tanh(x)\n  < 1\n'],
    ['(x + 10^50) − 10^50 = x', '    (x + 10^50) - 10^50\n  = x\n'],
    ['exp(x)·exp(−x) = 1', '    exp(x) exp(-x)\n  = 1\n'],
  ])('%s passes', async (_, body) => {
    const { step } = await one(body);
    expect(['proved', 'checked'], step.message).toContain(step.verdict);
  });

  // √ and log of a positive rational, exactly: √q as c·√s (s squarefree), log q as ∑ k·log p
  // over q's primes. Such a step is proved by exact expansion; before, log(10^100) = 100 log 10
  // was only `checked` (enclosures agree), after a failed attempt by nerdamer.
  it.each([
    ['log(10^100) = 100 log(10)', '    log(10^100)\n  = 100 log(10)\n', 'proved'],
    ['log(12) = 2 log(2) + log(3)', '    log(12)\n  = 2 log(2) + log(3)\n', 'proved'],
    ['log(1/8) x = -3 log(2) x', '    log(1/8) x\n  = -3 log(2) x\n', 'proved'],
    ['sqrt(12) x = 2 sqrt(3) x', '    sqrt(12) x\n  = 2 sqrt(3) x\n', 'proved'],
    ['sqrt(2) sqrt(6) x = 2 sqrt(3) x', '    sqrt(2) sqrt(6) x\n  = 2 sqrt(3) x\n', 'proved'],
    ['(sqrt(2) + 1)^2 = 3 + 2 sqrt(2)', '    (sqrt(2) + 1)^2\n  = 3 + 2 sqrt(2)\n', 'proved'],
    ['log(12) = log(2) + log(3)', '    log(12)\n  = log(2) + log(3)\n', 'refuted'],
    ['sqrt(12) x = 3 sqrt(2) x', '    sqrt(12) x\n  = 3 sqrt(2) x\n', 'refuted'],
    ['log(1000003 · 2) = log(1000003) + log(2) (a prime beyond the small ones)', '    log(1000003 · 2)\n  = log(1000003) + log(2)\n', 'proved'],
    // (Red team, last stop: these were only checked.) √6 is √2·√3; log √q is ½ log q.
    ['√2 √3 x = √6 x', '    √2 √3 x\n  = √6 x\n', 'proved'],
    ['√6/√3 x = √2 x', '    √6/√3 x\n  = √2 x\n', 'proved'],
    ['(x + √2)(x + √3) = x² + (√2 + √3) x + √6', '    (x + √2)(x + √3)\n  = x² + (√2 + √3) x + √6\n', 'proved'],
    ['√2 √3 x = √5 x', '    √2 √3 x\n  = √5 x\n', 'refuted'],
    ['log(√8) x = 3/2 log(2) x', '    log(√8) x\n  = 3/2 log(2) x\n', 'proved'],
    ['log(8^(1/3)) x = log(2) x', '    log(8^(1/3)) x\n  = log(2) x\n', 'proved'],
    ['log(√8) x = log(2) x', '    log(√8) x\n  = log(2) x\n', 'refuted'],
  ])('%s: %s', async (_, body, verdict) => {
    const { step } = await one(body);
    expect(step.verdict, step.message).toBe(verdict);
  });

  it('counts one point in the singular: "1 sampled point … agrees"', async () => {
    const { step } = await one('    log(12)\n  = 2 log(2) + log(3)\n');
    expect(step.message).toMatch(/and 1 sampled point \(.*\) agrees$/);
  });

  // A side is written as the other plus or minus their difference only when the other is
  // the short number printed (2 + 10⁻³⁰⁰ prints as 2 at 45 digits); `≈` where that other is
  // only known within an enclosure holding it (√2², tanh(8·10⁹): red team rt119, whose left
  // side printed as exactly 1).
  it.each([
    ['sqrt(2)^2', '2 + 1/10^300', '≈ 2', '2 + 1e-300'],
    ['2 + 1/10^300', 'sqrt(2)^2', '2 + 1e-300', '≈ 2'],
    ['tanh(8000000000)', '1 - 1/10^100', '≈ 1', '1 − 1e-100'],
    ['tanh(1000)', '1', '1 − 5.15e-869', '1'],
    ['1', 'tanh(1000)', '1', '1 − 5.15e-869'],
  ])('prints %s against %s as %s and %s', async (left, right, l, r) => {
    const { step } = await one(`    ${left}\n  = ${right}\n`);
    expect(step.verdict).toBe('refuted');
    expect([step.counterexample!.left, step.counterexample!.right]).toEqual([l, r]);
  });

  // The sides print so that they visibly differ, with only correct digits (LANGUAGE.md §3):
  // exactly where that is short (a large integer near a power or a factorial as that), else at
  // the fewest digits where what the two texts stand for does not meet (0.333333 stands for
  // 1/3 too), else one side and the other as it plus or minus their difference. Never two
  // equal texts, never a wall of digits, never digits past an enclosure's width; and where a
  // '≠' fails at a root that a sign change brackets, both sides as their common value there.
  it.each([
    // (A whole number printed at 6 digits stands for what rounds to it there: `1` for tanh(8000)
    // is 0.9999995 to 1.0000005, apart from 0.5; read as 0.5 to 1.5 it printed as `0.5 + 0.5`,
    // red team rt119.)
    ['tanh(8000)', '=', '1/2', '1', '0.5'],
    ['1000! + 1', '=', '1000!', '1000! + 1', '1000!'],
    ['2^3000 + 1', '=', '2^3000', '2^3000 + 1', '2^3000'],
    // (Red team rt113: `left = 1000!, right = 4.02e2567` did not show which is larger.)
    ['1000!', '<', '4.02 · 10^{2567}', '1000! ≈ 4.02387e2567', '4.02e2567'],
    ['4.0238726 · 10^{2567}', '≥', '1000!', '4.0238726e2567', '1000! ≈ 4.02387260077e2567'],
    // (A million bits: the digits of a near form are not sought there, and printing never
    // decides; the first cut at the row above threw, and this step went unknown.)
    ['2^(10^6)', '>', '10^(301030)', '9.90066e301029', '1e301030'],
    // (Red team rt116: a side known only to lie in [−1, 1] printed as `≈ 0`.)
    ['sin(10^{2000})', '=', '2', '0 ± 1', '2'],
    ['3^200 · 7 + 1', '=', '3^200 · 7', '≈ 1.85929792213112e96', 'left − 1'],
    ['x', '≤', '10^100', '1.000000001e100', '10^100'],
    ['min(x, 10^40)', '=', 'x', '10^40', '1.000000001e40'],
    ['max(x, -10^50)', '=', 'x', '-10^50', '-1.000000001e50'],
    ['0.333333333333333333333333333333333', '=', '1/3', '0.333333333333333333333333333333333', '1/3'],
    ['2/3', '=', '0.666666666666666666667', '2/3', '0.666666666666666666667'],
    ['1/7', '=', '0.142857142857142857142857142857142857', '1/7', '0.142857142857142857142857142857142857'],
    // (cos 3 = −0.98999249660044545727…: 15 digits, every one correct, not 110 whose last are not.)
    ['cos(2x)', '=', '1 - 2 sin(x)^2 + 10^(-100)', '≈ -0.989992496600445', 'left + 1e-100'],
    ['π + 10^(-100)', '=', 'π', '≈ 3.14159265358979', 'left − 1e-100'],
    // (A left side whose 15 digits read as a whole number is marked too: it is not 1.)
    ['(1 + exp(-80))^2', '=', '1 + 2 exp(-80)', '≈ 1', 'left − 3.26e-70'],
    ['x^2 - 2', '≠', '0', '0', '0'],
    ['x^2', '≠', '2', '2', '2'],
  ])('prints the sides of %s %s %s as %s and %s', async (left, rel, right, l, r) => {
    const { step } = await one(`    ${left}\n  ${rel} ${right}\n`);
    expect(step.verdict, step.message).toBe('refuted');
    expect([step.counterexample!.left, step.counterexample!.right]).toEqual([l, r]);
  });

  it('refutes π + 10⁻¹⁰⁰ = π: agreement at 50 digits waits for 250, and the sides print apart', async () => {
    const { step } = await one('    π + 10^(-100)\n  = π\n');
    expect(step.verdict).toBe('refuted');
    expect(step.counterexample!.left).not.toBe(step.counterexample!.right);
    expect(step.counterexample!.left.startsWith('≈ 3.14159265358979')).toBe(true);
  });

  it('refutes a sampled step whose sides differ by 10⁻¹⁰⁰ of an irrational value', async () => {
    const { step } = await one('    x + π/10^100\n  = x + π/10^100 + 10^(-120)\n');
    expect(step.verdict).toBe('refuted');
  });

  it('does not prove a ground equality its enclosures only agree on (π + e⁻⁶⁰⁰ = π + e⁻⁶⁰⁰(1 + e⁻²⁴⁰⁰))', async () => {
    // (The sides differ by e⁻³⁰⁰⁰, absorbed beside π at every precision computed: not even
    // agreement. It was `checked`, "enclosures agree to 451 digits".)
    const { step } = await one('    π + e^(-600)\n  = π + e^(-600) + e^(-600) e^(-2400)\n');
    expect(step.verdict).toBe('unknown');
    expect(step.message).toMatch(/could not be told apart/);
    // (With e⁻⁹⁰⁰ the difference, e⁻¹⁵⁰⁰ ≈ 10⁻⁶⁵¹, is within the square of the step's tiny
    // number, which sets the precision: refuted.)
    const near = await one('    π + e^(-600)\n  = π + e^(-600) + e^(-600) e^(-900)\n');
    expect(near.step.verdict).toBe('refuted');
  });

  // (Red team:) a nonzero term absorbed beside another at every precision sampled made sides
  // that differ "agree": these were `checked` at 24 points; none is true.
  it.each([
    ['    1 + e^(-x² - 600)\n  = 1\n'],
    ['    tanh(x² + 500)\n  = 1\n'],
    ['    1 + e^(-x² - 1000)\n  ≤ 1\n'],
    ['    tanh(x² + 500)\n  ≥ 1\n'],
    ['    x + e^(-x² - 1000)\n  = x\n'],
    // (Inside a function: the library's enclosure of sin at 10⁻²⁶¹ held 0, and e^a, cos a at a tiny a are 1 to every digit.)
    ['    1 + sin(exp(-x^2-600))\n  = 1\n'],
    ['    cos(exp(-x^2 - 300))\n  = 1\n'],
    ['    exp(exp(-x^2-600))\n  = 1\n'],
    ['    x^2 + 1 + |sin(exp(-x^2 - 600))|\n  = x^2 + 1\n'],
  ])('does not pass a step whose sides differ by a term absorbed at every precision: %s', async (body) => {
    const { step } = await one(body);
    expect(['refuted', 'unknown']).toContain(step.verdict);
  });

  it.each([
    ['    1/(1 + e^(-x)) + 1/(1 + e^(x))\n  = 1\n'],
    ['    (x + 10^50) - 10^50\n  = x\n'],
    ['    tanh(x) (1 + e^(-2x))\n  = 1 - e^(-2x)\n'],
  ])('still passes a true step with an absorbed term at some points: %s', async (body) => {
    const { step } = await one(body);
    expect(['proved', 'checked'], step.message).toContain(step.verdict);
  });

  // (Red team:) the double-precision agreements confirmed at 50 digits were the cheapest
  // points, at integers, where sin(πx) is 0: these were checked, 20 points taken on doubles.
  it.each([
    ['    1 + 10^-20 sin(π x)^2 sin(π z)^2\n  = 1\n'],
    ['    cos(10^-10 sin(π x) sin(π z))\n  = 1\n'],
    ['    sin(x)^2 + cos(x)^2\n  = 1 + 10^-20 sin(π x)^2 sin(π z)^2\n'],
  ])('confirms a double-precision agreement at a point off the whole numbers: %s', async (body) => {
    const { step } = await one(body);
    expect(step.verdict, step.message).toBe('refuted');
  });

  it('says an unknown is for want of digits ((e^{1000π} + 1) − e^{1000π} = 1)', async () => {
    const { step } = await one('    (e^(1000 π) + 1) - e^(1000 π)\n  = 1\n');
    expect(step.verdict).toBe('unknown');
    expect(step.message).toMatch(/need about 1424 digits, more than the 960/);
  });

  it('says unknown where the step\'s own numbers need more digits than it computes with (π + e^(−e¹⁰) = π)', async () => {
    const { step } = await one('    π + e^(-e^(10))\n  = π\n');
    expect(step.verdict).toBe('unknown');
    expect(step.message).toMatch(/need about \d+ digits, more than the 960/);
  });

  it('decides at the precision e^(−k) and exp(−k) need (π + e⁻¹⁰⁰⁰ = π at 494 digits)', async () => {
    expect((await one('    π + e^(-1000)\n  = π\n')).step.verdict).toBe('refuted');
    expect((await one('    π + exp(-1000)\n  = π\n')).step.verdict).toBe('refuted');
  });

  // Red team, stop 16: agreement measured against a huge intermediate, and nerdamer's floats.
  it.each([
    ['(e^{1000π} + 1) − e^{1000π} = 0 (the sides are 1 and 0, whatever the intermediates)', '    (e^(1000 π) + 1) - e^(1000 π)\n  = 0\n', ['refuted', 'unknown']],
    ['(π^1000 + 1) − π^1000 = 0', '    (π^1000 + 1) - π^1000\n  = 0\n', ['refuted']],
    ['(x + 1 + π^1000) − π^1000 = x', '    (x + 1 + π^1000) - π^1000\n  = x\n', ['refuted']],
    ['x tanh(1000) = x (nerdamer\'s simplify rounds tanh(1000) to 1)', '    x tanh(1000)\n  = x\n', ['refuted']],
    ['tanh(1000) = 1', '    tanh(1000)\n  = 1\n', ['refuted']],
    ['tanh(1000) ≥ 1', '    tanh(1000)\n  ≥ 1\n', ['refuted']],
  ])('never passes %s', async (_name, body, verdicts) => {
    const { step } = await one(body);
    expect(verdicts, step.message).toContain(step.verdict);
  });

  // Numbers in scientific notation past exact arithmetic's reach (1e99999999999): they were
  // "not a number" to every backend, so `1e99999999999 > 1` "could not be told apart"; in
  // enclosures they are powers of ten, and they count toward the digits a step needs.
  it.each([
    ['1e99999999999 > 1', '    1e99999999999\n  > 1\n', ['proved']],
    ['1e-99999999999 > 0', '    1e-99999999999\n  > 0\n', ['proved']],
    ['1e99999999999 = 1e99999999999', '    1e99999999999\n  = 1e99999999999\n', ['proved']],
    ['1e99999999999 < 1', '    1e99999999999\n  < 1\n', ['refuted']],
    ['x + 1e-99999999999 = x is not passed', '    x + 1e-99999999999\n  = x\n', ['unknown', 'refuted']],
    ['x + 1e-500 = x is refuted', '    x + 1e-500\n  = x\n', ['refuted']],
    // (Red team:) a divisor's zero past exact arithmetic's reach cannot be searched: not proved.
    ['1 = (x + 1e-99999999999)/(x + 1e-99999999999) is not passed', '    1\n  = (x + 1e-99999999999)/(x + 1e-99999999999)\n', ['unknown', 'refuted']],
    ['1 = (x − 10^(−10^12))/(x − 10^(−10^12)) is not passed', '    1\n  = (x - 10^(-10^12))/(x - 10^(-10^12))\n', ['unknown', 'refuted']],
    ['1 = (x + 1e-500)/(x + 1e-500) is refuted at −1e-500', '    1\n  = (x + 1e-500)/(x + 1e-500)\n', ['refuted']],
  ])('scientific notation past exact arithmetic: %s', async (_name, body, verdicts) => {
    const { step } = await one(body);
    expect(verdicts, step.message).toContain(step.verdict);
  });

  it('prints a side that differs from 1 at its 869th digit as 1 minus the difference', async () => {
    const { step } = await one('    tanh(1000)\n  = 1\n');
    expect(step.counterexample!.left).toBe('1 − 5.15e-869');
    expect(step.counterexample!.right).toBe('1');
    expect((await one('    log(1 + exp(-1000))\n  = 0\n')).step.counterexample!.left).toBe('5.07596e-435');
  });

  // nerdamer's simplify turns cos(π/5) into 260449120/321932817: its 0 for a function of
  // constants is float rounding, and such a step was `proved` on it (method symbolic).
  // (A step of numbers that are sums of square roots is proved by their exact values instead,
  // √(5 + 2√6) denested to √2 + √3: radical.ts.)
  it.each([
    ['cos(π/5) = (1 + √5)/4', '    cos(π/5)\n  = (1 + sqrt(5))/4\n', 'checked'],
    ['cos(π/5) x = (1 + √5) x/4', '    cos(π/5) x\n  = (1 + sqrt(5)) x/4\n', 'checked'],
    // (Constants alone are floats to it too: it finds 1/(√2 + 1) − √2 + 1 − (√2 − 1)^30 zero.)
    ['1/√(5 + 2√6)³ = (√3 − √2)³', '    1/sqrt(5 + 2 sqrt(6))^3\n  = (sqrt(3) - sqrt(2))^3\n', 'proved'],
  ])('does not prove %s on simplify\'s floats, and still passes it', async (_name, body, verdict) => {
    const { step } = await one(body);
    expect(step.verdict, step.message).toBe(verdict);
    expect(step.method).not.toBe('symbolic');
  });

  // Sums of square roots are exact: equal ones are proved, and strict bounds between them fail.
  it.each([
    ['√(3 + 2√2)', '=', '1 + √2', 'proved'],
    ['√(7 + √48)', '=', '2 + √3', 'proved'],
    ['1/(√3 - √2)', '=', '√3 + √2', 'proved'],
    ['√2 + √3', '<', '√(5 + 2√6)', 'refuted'],
    ['√(3 + 2√2)', '≠', '1 + √2', 'refuted'],
    ['√(3 + 2√2)', '=', '1 + √3', 'refuted'],
    ['√(2 + √2)', '=', '√(2 + √2)', 'proved'],
  ])('decides %s %s %s by exact roots', async (left, rel, right, verdict) => {
    const { step } = await one(`    ${left}\n  ${rel} ${right}\n`);
    expect(step.verdict, step.message).toBe(verdict);
  });

  // A root of a sum of square roots against one is decided as u^p against v^q (both positive):
  // (90 + 34√7)^(1/3) = 3 + √7 was only `checked` (its enclosures agreed to 250 digits).
  it.each([
    ['(90 + 34 sqrt(7))^(1/3)', '=', 'sqrt(7) + 3', 'proved'],
    ['(41 + 29 sqrt(2))^(1/5)', '=', '1 + sqrt(2)', 'proved'],
    ['1 + sqrt(2)', '=', '(41 + 29 sqrt(2))^(1/5)', 'proved'],
    ['(41 + 29 sqrt(2))^(2/5)', '=', '3 + 2 sqrt(2)', 'proved'],
    ['(41 + 29 sqrt(2))^(-1/5)', '=', 'sqrt(2) - 1', 'proved'],
    ['((1 + sqrt(2) + sqrt(3) + 10^(-30))^5)^(1/5)', '=', '1 + sqrt(2) + sqrt(3) + 10^(-30)', 'proved'],
    ['(1320 sqrt(10) + 4216 + 2576 sqrt(6) + 1640 sqrt(15))^(1/5)', '=', '1 + sqrt(6) + sqrt(15)', 'proved'],
    ['sqrt(10 + 2 sqrt(6) + 2 sqrt(10) + 2 sqrt(15))', '=', 'sqrt(2) + sqrt(3) + sqrt(5)', 'proved'],
    ['(41 + 29 sqrt(2))^(1/5)', '≤', '1 + sqrt(2)', 'proved'],
    ['(41 + 29 sqrt(2))^(1/5)', '<', '1 + sqrt(2) + 10^(-50)', 'proved'],
    // (A tie fails a strict relation; a difference past every precision but the exact one is the enclosures'.)
    ['(41 + 29 sqrt(2))^(1/5)', '<', '1 + sqrt(2)', 'refuted'],
    ['(41 + 29 sqrt(2))^(1/5)', '≠', '1 + sqrt(2)', 'refuted'],
    ['(90 + 34 sqrt(7))^(1/3)', '=', 'sqrt(7) + 3 + 10^(-40)', 'refuted'],
    ['(90 + 34 sqrt(7))^(1/3)', '=', 'sqrt(7) - 3', 'refuted'],
    ['(41 + 29 sqrt(2))^(1/5)', '>', '1 + sqrt(2)', 'refuted'],
  ])('decides %s %s %s by the power of both sides', async (left, rel, right, verdict) => {
    const { step } = await one(`    ${left}\n  ${rel} ${right}\n`);
    expect(step.verdict, step.message).toBe(verdict);
    if (verdict === 'proved') expect(step.method).toBe('evaluation');
  });

  it('still proves sin(π/6) = 1/2 and sin² + cos² = 1 symbolically', async () => {
    expect((await one('    sin(π/6)\n  = 1/2\n')).step.verdict).toBe('proved');
    expect((await one('    sin(x)^2 + cos(x)^2\n  = 1\n')).step.verdict).toBe('proved');
  });

  it('decides at the precision the step\'s own numbers need (π + 10⁻²⁵⁰ = π at 310 digits)', async () => {
    const { step } = await one('    π + 10^(-250)\n  = π\n');
    expect(step.verdict).toBe('refuted');
  });

  it('refutes (2^61 − 1)·x = 0 as a difference, not an engine disagreement (the identity test does not take coefficients that may reach its prime)', async () => {
    const { step } = await one('    (2^61 - 1) x\n  = 0\n');
    expect(step.verdict).toBe('refuted');
    expect(step.message).toMatch(/^the two sides differ at this point/);
    expect(step.message).not.toMatch(/engine disagreement|identity test/);
  });

  it('refutes a step off the indices its definition holds for, saying so, not as an engine disagreement', async () => {
    const { step } = await one('    Δθ_t\n  = β v_t\n', 'scalar β\nvector Δθ_t, v_t in R^n\ndefine Δθ_t = β v_t   for t ≥ 1\n');
    expect(step.verdict).toBe('refuted');
    expect(step.message).toBe('the two sides differ at this point; the proof unfolded the definition of Δθ_t (for t ≥ 1), which may not apply here');
  });

  // Multiples of the prime made by products with names in them (found by a red team: each was
  // proved, the first three through log(exp(u)), √ and a ⇔ factor).
  it.each([
    ['log(exp(x + (x*2^31*2^30 - x)/10^15/10^15/10^15))', 'x'],
    ['sqrt(x^2 + 1 + (x*2^31*2^30 - x)/10^15/10^15/10^15)', 'sqrt(x^2 + 1)'],
    ['sqrt(x^2 + 1) + ((2 x)^61 - x^61)/((10 x)^45 x^16)', 'sqrt(x^2 + 1)'],
    ['cos(x) + cos(x)((2 x)^61 - x^61)/((10 x)^45 x^16)', 'cos(x)'],
  ])('refutes %s = %s, equal only modulo the prime', async (left, right) => {
    const { step } = await one(`    ${left}\n  = ${right}\n`);
    expect(step.verdict, step.message).toBe('refuted');
  });

  it('refutes a ⇔ whose factor hides a multiple of the prime', async () => {
    const { step } = await one('    cos(a) < cos(b)\n  ⇔ 10^12 cos(a) < 10^12 cos(b) + ((2 a)^61 - a^61)/(10 a^2 + 10)^31\n');
    expect(step.verdict, step.message).toBe('refuted');
  });

  // An integer's pole where a divisor is not affine in it (found by a red team: proved).
  it.each([
    ['sqrt(t) + 3', '(t - 9)/(sqrt(t) - 3)'],
    ['1', '(t^2 - 49)/(t^2 - 49)'],
    ['1', '(sqrt(t + 7) - 4)/(sqrt(t + 7) - 4)'],
    ['1', '(t^2 - 4900)/(t^2 - 4900)'],
    ['1', '(t^2 - 10000)/(t^2 - 10000)'],
  ])('refutes %s = %s at the integer where the divisor vanishes', async (left, right) => {
    const { step } = await one(`    ${left}\n  = ${right}\n`, 'integer t\n');
    expect(step.verdict, step.message).toBe('refuted');
  });

  // Steps of numbers that read members of recurrences: the members' sizes are not in the text,
  // so the digits a step needs are not known from it (red team rt113: every one was proved or
  // checked, 1 + sin(c_300) ≤ 1 and > 1 both proved).
  const tenths = 'integer t\ndefine c_0 = 1\ndefine c_t = c_{t-1}/10 for t ≥ 1\n';
  it.each([
    ['1 + sin(c_{300})', '=', '1', tenths],
    ['1 + sin(c_{300})', '≤', '1', tenths],
    ['cos(c_{300})', '=', '1', tenths],
    ['sin(c_{300})', '=', 'c_{300}', tenths],
    ['1 + sin(c_{300})', '=', '1 + c_{300}', tenths],
    ['sin(c_{300})/c_{300}', '=', '1', tenths],
    ['a_{450}', '=', '2', 'integer t\ndefine a_0 = √2\ndefine a_t = √(2 + a_{t-1}) for t ≥ 1\n'],
    ['d_{900}', '=', '1', 'integer t\ndefine d_0 = 2\ndefine d_t = √(d_{t-1}) for t ≥ 1\n'],
  ])('refutes a step of recurrence members that differ past 250 digits: %s %s %s', async (left, rel, right, decl) => {
    const { step } = await one(`    ${left}\n  ${rel} ${right}\n`, decl);
    expect(step.verdict, step.message).toBe('refuted');
    expect(step.counterexample!.left).not.toBe(step.counterexample!.right);
  });

  // (Red team rt114: members of rational recurrences whose exact values outgrew the exact
  // bound agreed to 960 digits and were checked.)
  const newton = 'integer t\ndefine x_0 = 1\ndefine x_t = x_{t-1}/2 + 1/x_{t-1} for t ≥ 1\n';
  it.each([
    ['x_{12}^2', '=', '2', newton],
    ['x_{13}', '≥', 'x_{12}', newton],
    ['x_{14}', '=', '1/2', 'integer t\ndefine x_0 = 1/4\ndefine x_t = 2 x_{t-1} (1 - x_{t-1}) for t ≥ 1\n'],
  ])('refutes %s %s %s, decided in exact values past the usual bound', async (left, rel, right, decl) => {
    const { step } = await one(`    ${left}\n  ${rel} ${right}\n`, decl);
    expect(step.verdict, step.message).toBe('refuted');
    expect(step.counterexample!.left).not.toBe(step.counterexample!.right);
  });

  it('decides x_12² > 2 and x_12² < 2 in exact values, where no precision told the sides apart (rt116: unknown)', async () => {
    const report = await checkSource(`${newton}    x_{12}^2\n  > 2\n\n    x_{12}^2\n  < 2\n`, { file: 'n.deriv', timeoutMs: 6000 });
    expect(report.steps.map((s) => s.verdict)).toEqual(['proved', 'refuted']);
  });

  // (Red team rt116: a power's size was estimated from hex digits, 2 as 8 bits, so 2^4000
  // (4,001 bits) was left to enclosures, and these were unknown.)
  it.each([
    ['2^4000 + 1', '=', '4^2000 + 1', 'proved'],
    ['3^3000 - 3^3000', '=', '0', 'proved'],
    ['1', '=', '1 + 2^(-4000)', 'refuted'],
  ])('decides %s %s %s in exact values', async (left, rel, right, want) => {
    const { step } = await one(`    ${left}\n  ${rel} ${right}\n`);
    expect(step.verdict, step.message).toBe(want);
  });

  it('proves 1 + sin(c_300) > 1 as before', async () => {
    const { step } = await one('    1 + sin(c_{300})\n  > 1\n', tenths);
    expect(step.verdict, step.message).toBe('proved');
  });

  it('refutes exp(−100) = 0 with the two sides printed apart', async () => {
    const { step } = await one('    exp(-100)\n  = 0\n');
    expect(step.verdict).toBe('refuted');
    expect(step.counterexample!.left).toMatch(/^3\.72\d*e-44$/);
    expect(step.counterexample!.right).toBe('0');
  });

  // (Red team rt114: the three cheapest points, confirmed past doubles, were t = 0, 1, 2, where
  // the added term is 0; t = 3 … 12 held on doubles alone, and the steps were checked.)
  it.each([
    ['√2 + t(t-1)(t-2)/10^{t+20}', '=', '√2', 'integer t\n'],
    ['√2 + t(t-1)(t-2)/10^{t+20}', '≤', '√2', 'integer t\n'],
    ['√2 + t(t-1)(t-2) c_t', '=', '√2', 'integer t\ndefine c_0 = 10^{-20}\ndefine c_t = c_{t-1}/10 for t ≥ 1\n'],
  ])('refutes %s %s %s, which differs past doubles only from t = 3 on', async (left, rel, right, decl) => {
    const { step } = await one(`    ${left}\n  ${rel} ${right}\n`, decl);
    expect(step.verdict, step.message).toBe('refuted');
  });

  it('refutes e^x + 10^(−20) = e^x: a difference of 10⁻²⁰ is found behind doubles that agree', async () => {
    const { step } = await one('    e^x + 10^(-20)\n  = e^x\n');
    expect(step.verdict).toBe('refuted');
    expect(step.counterexample!.left).not.toBe(step.counterexample!.right);
  });

  it('skips and counts points it cannot decide, and says so', async () => {
    const { step } = await one('    1 - tanh(x)\n  > 0\n');
    expect(['proved', 'checked']).toContain(step.verdict);
    // At x far out, 1 − tanh(x) and 0 cannot be told apart: those points are skipped, counted, and never a counterexample.
    expect(step.message).toMatch(/\d+ points could not be decided and were skipped/);
  });

  // (10^300 π and 10^(−200) need 560 digits: past the 1,025 digits of π decimal.js holds once
  // the argument is reduced. At 10^(−100), 460 digits decide it.)
  it('tries a step with no free names once, and says why it stays unknown', async () => {
    const { step } = await one('    sin(10^900 π)^2\n  ≤ 10^(-200)\n');
    expect(step.verdict).toBe('unknown');
    expect(step.message).toMatch(/need about \d+ digits, more than the 960 the checker computes with/);
    expect((await one('    sin(10^300 π)^2\n  ≤ 10^(-100)\n')).step.verdict).toBe('proved');
    // (Unknown while decimal.js's π, 1025 digits, reduced the argument: fixed-point.ts's π has
    // as many digits as the reduction needs.)
    expect((await one('    sin(10^300 π)^2\n  ≤ 10^(-200)\n')).step.verdict).toBe('proved');
    expect((await one('    sin(10^500 π)^2\n  ≤ 10^(-200)\n')).step.verdict).toBe('proved');
  });

  it('reduces a large argument of sin at the precision in force (sin(10^300 π)² ≤ 1 was unknown: [−1, 1])', async () => {
    expect((await one('    sin(10^300 π)^2\n  ≤ 1\n')).step.verdict).toBe('proved');
    expect((await one('    sin(10^300 π)\n  ≥ 1/2\n')).step.verdict).toBe('refuted');
  });
});

// (Second red team:) a tiny number beside a huge one: their sides agreed to 250 digits
// (exp(350) + 10^(−100) differs from exp(350) at the 252nd) and were checked. The precision and
// the agreement now span the step's largest power and its smallest number.
// (Second red team:) printed places and values a student can take at their word: a point
// closed in on a root, whole where it is 60 digits or fewer (cut to 40, |x − √2| ≥ 10⁻⁵⁰ did
// not fail there); the root of a ≠ inside a narrow bracket, not the middle of a wide one
// (x² ≠ 2·10¹⁰⁰ named x ≈ 2²²³); an exact value printed rounded, marked ≈.
describe('counterexamples as printed', () => {
  // (Red team rt113: a difference known only to lie in [1.2e-901, 1.1e-661] printed as
  // `left + 5e-662 ± 5.1e-662`, which reads as a difference that may be 0.)
  it('prints a difference of one sign it knows only loosely by its ends, never as maybe 0', async () => {
    const { step } = await one('    √(x^2 + 1) - x\n  = 1/(2x)\n', 'scalar x\nassume x > 10^{300}\n');
    expect(step.verdict).toBe('refuted');
    expect(step.counterexample!.right).toMatch(/^left \+ \(\d(\.\d)?e-90\d to \d(\.\d)?e-66\d\)$/);
  });

  it('prints a point closed in on a root whole, where it fails', async () => {
    const { step } = await one('    abs(x - sqrt(2))\n  ≥ 10^(-50)\n');
    expect(step.verdict).toBe('refuted');
    const [, x] = step.counterexample!.assignments.find(([k]) => k === 'x')!;
    expect(x).not.toMatch(/≈/);
    // |x − √2| < 10⁻⁵⁰ at the printed x: 51 digits, the first 50 those of √2 (…5376948…, rounded up).
    expect(x).toBe('1.41421356237309504880168872420969807856967187537695');
    expect(step.counterexample!.left).toBe('1.92682e-51');
  });

  it.each([
    ['x^2', '2*10^100', /^≈ 1\.41421356237e50$/],
    ['x^3 - x', '10^(-50)', /^≈ -1e-50$/],
    ['x^2', '3*10^(-100)', /^≈ 1\.73205080757e-50$/],
  ])('names the root of %s ≠ %s where it is', async (left, right, place) => {
    const { step } = await one(`    ${left}\n  ≠ ${right}\n`);
    expect(step.verdict).toBe('refuted');
    expect(step.counterexample!.assignments.find(([k]) => k === 'x')![1]).toMatch(place);
  });

  // (Red team:) a side printed as the other minus their difference had the difference to 3
  // digits: x^(2^61) + 1 at x = −0.999999999 (1 and a little) read `1.499999998 − 0.5`, 0.999999998.
  it('prints a side as the other minus a difference that is not tiny to 12 digits', async () => {
    const { step } = await one('    x^(2^61) + 1\n  > x^2 + 1/2\n');
    expect(step.verdict).toBe('refuted');
    const m = /^([\d.]+) − ([\d.]+)$/.exec(step.counterexample!.left);
    const value = m ? Number(m[1]) - Number(m[2]) : Number(step.counterexample!.left);
    expect(Math.abs(value - 1)).toBeLessThan(1e-9);
  });

  // A strict bound between equal numbers was "the two sides differ: left = 4, right = 4".
  it.each([
    ['√2 √8', '>', '4', "'>' fails: left = 4, right = 4"],
    ['√2 + √8', '<', '√18', "'<' fails: left = 3√2, right = 3√2"],
    ['3', '≠', '6/2', "'≠' fails: left = 3, right = 3"],
    ['5', '<', '4', "'<' fails: left = 5, right = 4"],
    ['5', '=', '4', 'the two sides differ: left = 5, right = 4'],
  ])('says which relation fails between numbers: %s %s %s', async (left, rel, right, message) => {
    const { step } = await one(`    ${left}\n  ${rel} ${right}\n`);
    expect(step.verdict).toBe('refuted');
    expect(step.message).toBe(message);
  });

  // At a rational point, norms are exact sums of square roots: a tie prints as one value
  // (√10·√10 = 10, 2√2), at the simplest place along the line where the sides tie.
  it.each([
    ['|xᵀy|', '<', '‖x‖ ‖y‖'],
    ['‖x + y‖', '<', '‖x‖ + ‖y‖'],
  ])('prints a tie of norms between vectors exactly: %s %s %s', async (left, rel, right) => {
    const { step } = await one(`    ${left}\n  ${rel} ${right}\n`, 'vector x, y in R^n\nassume x ≠ 0, y ≠ 0\n');
    expect(step.verdict).toBe('refuted');
    const cx = step.counterexample!;
    expect(cx.left).toBe(cx.right);
    expect(cx.left).toMatch(/^(\d+|\d*√\d+)$/);
    const x = cx.assignments.find(([k]) => k === 'x')![1];
    const y = cx.assignments.find(([k]) => k === 'y')![1];
    expect(x).toBe(y);
    expect(x).toMatch(/^\[-?\d+(, -?\d+)*\]$/);
  });

  // (Red team rt68:) sides equal along a whole line printed at x = −10^1.75·y or x = 0.00178·(1, 1).
  it.each([
    ['‖x‖² ‖y‖² - (xᵀy)²', '>', '0', /^\[-?\d+(, -?\d+)*\]$/],
    ['(∑_{i=1}^{n} x_i)²', '<', 'n ‖x‖²', /^\[(-?\d+)(, \1)*\]$/],
  ])('shows the simplest place of a tie along a line: %s %s %s', async (left, rel, right, x) => {
    const { step } = await one(`    ${left}\n  ${rel} ${right}\n`, 'integer i\nvector x, y, z in R^n\nassume x ≠ 0, y ≠ 0, z ≠ 0\n');
    expect(step.verdict).toBe('refuted');
    expect(step.counterexample!.assignments.find(([k]) => k === 'x')![1]).toMatch(x);
  });

  // A root in a box printed x ≈ [0.1, −1.11022302463e-16], where xᵀy is not 0.
  it('shows an entry of a box that holds 0 and is 0 to rounding as 0', async () => {
    const { step } = await one('    xᵀy\n  ≠ 0\n', 'vector x, y, z in R^n\nassume x ≠ 0, y ≠ 0, z ≠ 0\n');
    expect(step.verdict).toBe('refuted');
    for (const [, v] of step.counterexample!.assignments) expect(v).not.toMatch(/e-1\d/);
  });

  it('marks an exact value printed rounded with ≈', async () => {
    const { step } = await one('    10^50 + 1\n  = 2*10^50 + 3\n');
    expect(step.counterexample).toMatchObject({ left: '10^50 + 1', right: '≈ 2e50' });
  });
});

describe('a tiny number beside a huge one', () => {
  it.each([
    ['exp(350) + 10^(-100)', '=', 'exp(350)', 'refuted'],
    ['1.1^10000', '=', '1.1^10000 + 10^(-100)', 'refuted'],
    ['exp(1000)', '≥', 'exp(1000) + 10^(-100)', 'refuted'],
    ['x^2 + exp(1000)', '≥', 'exp(1000) + 10^(-100)', 'refuted'],
    ['exp(350) + 10^(-100)', '>', 'exp(350)', 'proved'],
    ['(exp(350) + 1) - exp(350)', '=', '1', 'proved'],
    ['exp(20) + 10^(-40)', '=', 'exp(20) + 10^(-40)', 'proved'],
    // (A tiny number's square: e^ε and 1 + ε differ by ε²/2, 5·10⁻²⁶¹ for ε = 10⁻¹³⁰, below
    // 250 digits; these were checked (red team), and the true bounds unknown.)
    ['e^(10^(-130))', '=', '1 + 10^(-130)', 'refuted'],
    ['√(1 + 10^(-130))', '=', '1 + 10^(-130)/2', 'refuted'],
    ['e^(x + 10^(-130))', '=', 'e^x (1 + 10^(-130))', 'refuted'],
    ['e^(10^(-130))', '>', '1 + 10^(-130)', 'proved'],
    // (Its square out of reach: agreement at 960 digits is no evidence (red team: checked).)
    ['e^(10^(-480))', '=', '1 + 10^(-480)', 'unknown'],
    // (Numbers that themselves need more than 960 digits: no pass by sampling, though every
    // point is exact: a failing set they bound is narrower than the searches can tell.)
    ['x^3 + 10^(-1000)', '>', 'x^3 - x^2', 'unknown'],
    // (A proof needs no search: left − right expands to 10^(−1000) exactly.)
    ['x + 10^(-1000)', '>', 'x', 'proved'],
  ])('%s %s %s is %s', async (left, rel, right, verdict) => {
    const { step } = await one(`    ${left}\n  ${rel} ${right}\n`);
    expect(step.verdict, step.message).toBe(verdict);
  });
  it.each([
    ['e^ε', '=', '1 + ε', 'refuted'],
    ['√(1 + ε)', '=', '1 + ε/2', 'refuted'],
    ['sin(x + ε)', '=', 'sin(x) + ε cos(x)', 'refuted'],
    ['√(1 + ε)', '<', '1 + ε/2', 'checked'],
    ['e^ε', '≥', '1 + ε', 'checked'],
  ])('under 0 < ε < 10^(−130): %s %s %s is %s', async (left, rel, right, verdict) => {
    const { step } = await one(`    ${left}\n  ${rel} ${right}\n`, 'scalar x, ε\nassume 0 < ε < 10^(-130)\n');
    expect(step.verdict, step.message).toBe(verdict);
  });
});

describe('powers of e the assumptions keep huge or tiny', () => {
  // (Under z > 1000 every point needed more than 250 digits (e^1000 ≈ 10^434), and each of
  // these was unknown: "only 0 of 24 points could be decided". Now the step is taken to the
  // digits its powers of e need at the assumptions' bounds.)
  const decl = 'scalar z, x, y, w\nassume z > 1000\nassume x > 500\nassume y > 500\nassume w < -1000\n';
  it.each([
    ['(exp(z) + 1)/(exp(z) - 1)', '>', '1', 'passes'],
    // (e^(2z)'s square needs ~1,800 digits: the agreement of the sides at 960 is no evidence.)
    ['sqrt(exp(2 z) + 2 exp(z) + 1)', '=', 'exp(z) + 1', 'unknown'],
    ['log(exp(z) + 1)', '>', 'z', 'passes'],
    ['tanh(z)', '<', '1', 'passes'],
    ['tanh(w)', '>', '-1', 'passes'],
    ['log(1 + exp(z)) - z', '=', 'log(1 + exp(-z))', 'passes'],
    ['exp(x + y) + 1', '>', 'exp(x + y)', 'passes'],
    ['log(1 + exp(-z))', '<', '10^(-400)', 'passes'],
    ['exp(z) + 1', '=', 'exp(z) + 2', 'refuted'],
    ['log(exp(z) + 1)', '=', 'z', 'refuted'],
    ['(exp(z) + 1)/(exp(z) - 1)', '>', '1 + 3 exp(-z)', 'refuted'],
    // (False only on (1000, 1151.3) and (1000, 1013.1), beside the bound.)
    ['log(exp(z) + 1) - z', '<', '10^(-500)', 'refuted'],
    ['log(1 + exp(-z))', '<', '10^(-440)', 'refuted'],
    // (A difference 10^(−300) beside e^1000: 794 digits.)
    ['exp(x + y) + 10^(-300)', '=', 'exp(x) exp(y)', 'refuted'],
    // (Second-order differences, e^(−2z) ≈ 10^(−868): within 928 digits, refuted; third-order
    // ones past 960: unknown, not checked (red team: each was checked).)
    ['1/(1 + exp(-z))', '=', '1 - exp(-z)', 'refuted'],
    ['log(1 + exp(-z))', '=', 'exp(-z)', 'refuted'],
    ['log(1 + exp(z))', '=', 'z + exp(-z)', 'refuted'],
    ['tanh(z)', '=', '1 - 2 exp(-2 z)', 'unknown'],
    ['1/(1 + exp(-z))', '≥', '1 - exp(-z) + exp(-2 z)', 'unknown'],
  ])('%s %s %s %s', async (left, rel, right, want) => {
    const { step } = await one(`    ${left}\n  ${rel} ${right}\n`, decl);
    if (want === 'passes') expect(['proved', 'checked'], step.message).toContain(step.verdict);
    else expect(step.verdict, step.message).toBe(want);
  });
});

describe('agreements past doubles, confirmed at every point', () => {
  // Where doubles overflow at every point (z > 1000), each point is decided in decimals, and an
  // agreement at 50 digits is climbed to 110 and 250 at every such point. (Climbing at the first
  // three only was tried: a red team made the hairline 0 exactly at the three the sampler draws
  // first, 1003, 1000.25 and 1005, and the step was checked.)
  const u = '(z - 1003)(4z - 4001)(z - 1005)/(40000000000000000000000000000 z^3)';
  it.each([
    [`exp(z) (1 + ${u}) (1 - ${u})`, '=', 'exp(z)', 'refuted'],
    [`exp(z) (1 + ${u}) (1 - ${u})`, '≥', 'exp(z)', 'refuted'],
    ['exp(z) (1 + 10^(-100))', '=', 'exp(z)', 'refuted'],
    ['exp(z)', '≥', 'exp(z) (1 + 10^(-150))', 'refuted'],
    ['y^z (1 + 10^(-200))', '=', 'y^z', 'refuted'],
    ['exp(z) exp(z)', '=', 'exp(2 z)', 'proved'],
    ['y^z (y/x)^(-z)', '=', 'x^z', 'checked'],
  ])('%s %s %s under z > 1000 is %s', async (left, rel, right, verdict) => {
    const { step } = await one(`    ${left}\n  ${rel} ${right}\n`, 'scalar x, y, z\nassume z > 1000\n');
    expect(step.verdict, step.message).toBe(verdict);
  });
});

describe('domains, read left to right', () => {
  // A certificate proves these for every value where both sides have one; the domain rule
  // needs the places where only the left has one, which random points miss (red team).
  const MATRICES = 'matrix A, B, H, W, P, Q in R^{n×n}\nmatrix S in R^{n×n} symmetric\nvector x, u in R^n\nscalar y, w, v, η\ninteger t, T\n';
  it.each([
    ['(QP)⁻¹ where Q may be 0', '    P⁻¹\n  = (Q P)⁻¹ Q\n'],
    ['(I − A)⁻¹ at A = I', '    A\n  = A (I - A)⁻¹ (I - A)\n'],
    ['(S − I)⁻¹ of a symmetric S', '    x\n  = (S - I)⁻¹ (S - I) x\n'],
    ['(W + I)⁻¹ at W = −I', '    x\n  = (W + I)⁻¹ (W + I) x\n'],
    ['(A + 3I)⁻¹ at A = −3I', '    B\n  = (A + 3I)⁻¹ (A + 3I) B\n'],
    ['(uᵀu)⁻¹ at u = 0', '    u\n  = (uᵀ u)(uᵀ u)⁻¹ u\n'],
    ['a scalar divisor in a vector step', '    u\n  = ((3y - 5) u)/(3y - 5)\n'],
    ['a scalar divisor in a matrix step', '    A\n  = ((3η - 5) A)/(3η - 5)\n'],
    ['a divisor inside ∏ with a symbolic bound', '    w^T\n  = ∏_{t=1}^{T} v (w/v)\n'],
    ['…at an irrational-free root away from 0', '    w^T\n  = ∏_{t=1}^{T} (3v - 5) (w/(3v - 5))\n'],
    ['a scalar divisor linear along a vector, zero where uᵀx = 1', '    x\n  = ((uᵀx - 1)/(uᵀx - 1)) x\n'],
    ['a quadratic form in a divisor, zero where uᵀu = 2', '    x\n  = ((uᵀu - 2)/(uᵀu - 2)) x\n'],
    ['a norm in a divisor, zero where ‖u‖ = 3', '    x\n  = ((‖u‖ - 3)/(‖u‖ - 3)) x\n'],
    ['(AᵀA − 2I)⁻¹ where AᵀA has the eigenvalue 2', '    x\n  = (Aᵀ A - 2 I)⁻¹ (Aᵀ A - 2 I) x\n'],
    // (Red team rt119: proved. Singular only where A has the eigenvalues ±i, ±√2, ±2i: no
    // multiple of I, and no pattern of whole entries, is such a matrix; a companion matrix is.)
    ['(A² + I)⁻¹ at a rotation', '    x\n  = (A^2 + I)^{-1} (A^2 + I) x\n'],
    ['(A² − 2I)⁻¹ where A has the eigenvalue √2', '    I\n  = (A^2 - 2I)^{-1} (A^2 - 2I)\n'],
    ['(A² + I)⁻¹ times a multiple of it', '    A\n  = (A^2 + I)^{-1} (A^3 + A)\n'],
    ['det(A² + 4I) as a divisor', '    1\n  = det(A^2 + 4I)/det(A^2 + 4I)\n'],
    // (Red team rt119: proved. Each is 0 only at irrational points, which the sign change along
    // a line through u or A brackets.)
    ['a quadratic form in a divisor, zero where uᵀu = 7', '    1\n  = (uᵀ u - 7)/(uᵀ u - 7)\n'],
    ['tan of a quadratic form', '    0\n  = tan(uᵀ u) - tan(uᵀ u)\n'],
    ['tr(A²) + 1 as a divisor, zero at a skew A', '    1\n  = (tr(A^2) + 1)/(tr(A^2) + 1)\n'],
    ['a quadratic form in a divisor beside another vector', '    uᵀ x\n  = (uᵀ x)(uᵀ u - 3)/(uᵀ u - 3)\n'],
    // (Red team rt121: proved. Zeros far from the origin, and polynomials of degree 3 and 4,
    // singular only in matrices of that size.)
    ['uᵀu − 10000 as a divisor, zero at ‖u‖ = 100', '    1\n  = (uᵀ u - 10000)/(uᵀ u - 10000)\n'],
    ['det(A) − 10⁸ as a divisor', '    1\n  = (det(A) - 10^8)/(det(A) - 10^8)\n'],
    ['(A³ + A + I)⁻¹, singular only at 3 × 3 and larger', '    I\n  = (A^3 + A + I)^{-1} (A^3 + A + I)\n'],
    ['(A⁴ + I)⁻¹, singular only at 4 × 4 and larger', '    I\n  = (A^4 + I)^{-1} (A^4 + I)\n'],
    // (Red team rt124: checked. A symmetric matrix is never a companion matrix, a scalar in the
    // polynomial kept it from being read as one, and 5 is no j·k².)
    ['(S² − 2I)⁻¹ of a symmetric S, singular at [[1, 1], [1, −1]]', '    I\n  = (S^2 - 2I)^{-1} (S^2 - 2I)\n'],
    ['(S² − 5S + 3I)⁻¹ of a symmetric S, irrational eigenvalues', '    x\n  = (S^2 - 5S + 3I)^{-1} (S^2 - 5S + 3I) x\n'],
    ['(A² + yI)⁻¹ under y > 0, singular at a companion matrix', '    I\n  = (A^2 + y I)^{-1} (A^2 + y I)\n', 'assume y > 0\n'],
    ['(AᵀA − 5I)⁻¹, singular where a row is [2, 1]', '    x\n  = (Aᵀ A - 5 I)^{-1} (Aᵀ A - 5 I) x\n'],
    ['(A Aᵀ − 13I)⁻¹', '    I\n  = (A Aᵀ - 13 I)^{-1} (A Aᵀ - 13 I)\n'],
    // (Red team rt127: checked. Singular at y = 0 only where X has more rows than columns
    // (XXᵀ) or more columns than rows (XᵀX): a scalar of the inverse at 0, at points whose
    // dimensions compare each way.)
    ['the ridge push-through under y ≥ 0, at y = 0 with m > n', '    (Xᵀ X + y I)⁻¹ Xᵀ\n  = Xᵀ (X Xᵀ + y I)⁻¹\n', 'matrix X in R^{m×n}\nassume y ≥ 0\n'],
    ['…and the other way, at y = 0 with m < n', '    Xᵀ (X Xᵀ + y I)⁻¹\n  = (Xᵀ X + y I)⁻¹ Xᵀ\n', 'matrix X in R^{m×n}\nassume y ≥ 0\n'],
    // (Red team rt128: checked, with one of the sizes a number; the first point of the other
    // order a search had put at Y = 0, where every side is undefined.)
    ['…with X in R^{n×2}', '    (Xᵀ X + y I)⁻¹ Xᵀ\n  = Xᵀ (X Xᵀ + y I)⁻¹\n', 'matrix X in R^{n×2}\nassume y ≥ 0\n'],
    ['…with X in R^{2×n}, the other way', '    Xᵀ (X Xᵀ + y I)⁻¹\n  = (Xᵀ X + y I)⁻¹ Xᵀ\n', 'matrix X in R^{2×n}\nassume y ≥ 0\n'],
    // (Red team rt129: checked. A rotation of 3 × 3 whose cosine is −1/3, from a quaternion;
    // rational roots 1/3 and −4/3, whose D/4 = 25/36 was past the sums of squares searched.)
    ['(R + Rᵀ + (2/3)I)⁻¹ of an orthogonal R, at a rotation of 3 × 3', '    I\n  = (R + Rᵀ + (2/3) I)^{-1} (R + Rᵀ + (2/3) I)\n', 'matrix R in R^{n×n} orthogonal\n'],
    ['(S² + S − (4/9)I)⁻¹ of a symmetric S, at S = diag(1/3, −4/3)', '    I\n  = (S^2 + S - (4/9) I)^{-1} (S^2 + S - (4/9) I)\n'],
    ['(S² + S − (2/9)I)⁻¹ of a symmetric S', '    I\n  = (S^2 + S - (2/9) I)^{-1} (S^2 + S - (2/9) I)\n'],
    ['(K² + K − (4/9)I)⁻¹ of a positive definite K, at K = I/3', '    I\n  = (K^2 + K - (4/9) I)^{-1} (K^2 + K - (4/9) I)\n', 'matrix K in R^{n×n} positive definite\n'],
    ['(R + Rᵀ + (8/5)I)⁻¹ of an orthogonal R, at the rotation with cosine −4/5', '    I\n  = (R + Rᵀ + (8/5) I)^{-1} (R + Rᵀ + (8/5) I)\n', 'matrix R in R^{n×n} orthogonal\n'],
    // (Red team rt127: checked. 3 is no sum of two squares, so no 2 × 2 symmetric block has
    // the eigenvalue √3: a star of 4 × 4 does; orthogonal and invertible matrices are singular
    // there only at rotations, permutations and scaled rotations, which the patterns above are not.)
    ['(S² − 3I)⁻¹ of a symmetric S, at a star', '    I\n  = (S^2 - 3I)^{-1} (S^2 - 3I)\n'],
    ['(R + Rᵀ)⁻¹ of an orthogonal R, at a quarter turn', '    I\n  = (R + Rᵀ)^{-1} (R + Rᵀ)\n', 'matrix R in R^{n×n} orthogonal\n'],
    ['(R² − R + I)⁻¹ of an orthogonal R, at a cyclic permutation\'s negative', '    I\n  = (R^2 - R + I)^{-1} (R^2 - R + I)\n', 'matrix R in R^{n×n} orthogonal\n'],
    ['(VᵀV − 2I)⁻¹ of an invertible V, at a scaled rotation', '    x\n  = (Vᵀ V - 2 I)^{-1} (Vᵀ V - 2 I) x\n', 'matrix V in R^{n×n} invertible\n'],
    ['(VᵀV − 7I)⁻¹ of an invertible V, a sum of four squares', '    I\n  = (Vᵀ V - 7 I)^{-1} (Vᵀ V - 7 I)\n', 'matrix V in R^{n×n} invertible\n'],
    // (A defined matrix: the search looks at its definition's body, A + 2I, singular at −2I.)
    ['a defined matrix inside an inverse', '    I\n  = M⁻¹ M\n', 'define M = A + 2I\n'],
    // (Σ(λᵢ − 1)² + 3 − n for a symmetric S: 0 at S = I₃, negative at I₄; only the line s·I meets either.)
    ['a trace polynomial of a symmetric matrix, zero at multiples of I', '    1\n  = (tr(S^2) - 2 tr(S) + 3)/(tr(S^2) - 2 tr(S) + 3)\n'],
    ['a divisor of the range\'s index, zero at i = 1000', '    ∑_{t=1}^{T} 1\n  = ∑_{t=1}^{T} (t - 1000)/(t - 1000)\n'],
    ['a divisor of the range\'s index, zero at i = 5 only', '    ∑_{t=1}^{T} (t + 5)\n  = ∑_{t=1}^{T} (t² - 25)/(t - 5)\n'],
  ])('refutes a certified step where only the right side has no value: %s', async (_what, body, more = '') => {
    const { step } = await one(body, `${MATRICES}${more}`);
    expect(step.verdict, step.message).toBe('refuted');
    expect(step.counterexample?.right).toBe('undefined');
  });

  // (Never refuted where every matrix the tags allow has a value: the searches above must not
  // put a symmetric or orthogonal matrix where no such matrix is singular.)
  it.each([
    ['(S² + I)⁻¹ of a symmetric S', '    x\n  = (S^2 + I)^{-1} (S^2 + I) x\n'],
    ['(S² − S + I)⁻¹ of a symmetric S (complex roots only)', '    I\n  = (S^2 - S + I)^{-1} (S^2 - S + I)\n'],
    ['(AᵀA + 5I)⁻¹', '    x\n  = (Aᵀ A + 5 I)^{-1} (Aᵀ A + 5 I) x\n'],
    ['(R − 2I)⁻¹ of an orthogonal R', '    I\n  = (R - 2I)^{-1} (R - 2I)\n'],
    ['(R² + 3I)⁻¹ of an orthogonal R', '    I\n  = (R^2 + 3I)^{-1} (R^2 + 3I)\n'],
    ['(R + Rᵀ + 3I)⁻¹ of an orthogonal R', '    I\n  = (R + Rᵀ + 3I)^{-1} (R + Rᵀ + 3I)\n'],
    ['(S² + 3I)⁻¹ of a symmetric S', '    I\n  = (S^2 + 3I)^{-1} (S^2 + 3I)\n'],
    ['(R + Rᵀ + (5/2)I)⁻¹ of an orthogonal R', '    I\n  = (R + Rᵀ + (5/2) I)^{-1} (R + Rᵀ + (5/2) I)\n'],
    ['(S² + (1/3)I)⁻¹ of a symmetric S', '    I\n  = (S^2 + (1/3) I)^{-1} (S^2 + (1/3) I)\n'],
  ])('does not refute where the tags rule out every singular place: %s', async (_what, body) => {
    const { step } = await one(body, `${MATRICES}matrix R in R^{n×n} orthogonal\n`);
    expect(step.verdict, step.message).not.toBe('refuted');
  });

  it('refutes the ridge push-through with a vector under λ ≥ 0 (red team rt128: its only point with more rows than columns had y = 0, and was passed over)', async () => {
    const report = await checkSource('matrix X in R^{n×3}\nvector y in R^n\nscalar λ\nassume λ ≥ 0\n    (XᵀX + λI)⁻¹ Xᵀ y\n  = Xᵀ (XXᵀ + λI)⁻¹ y\n', { file: 'd03.deriv' });
    expect(report.steps[0]!.verdict, report.steps[0]!.message).toBe('refuted');
    expect(report.steps[0]!.counterexample?.right).toBe('undefined');
  });

  it('does not refute the ridge push-through under y > 0', async () => {
    const { step } = await one('    (Xᵀ X + y I)⁻¹ Xᵀ\n  = Xᵀ (X Xᵀ + y I)⁻¹\n', `${MATRICES}matrix X in R^{m×n}\nassume y > 0\n`);
    expect(step.verdict, step.message).not.toBe('refuted');
  });

  it('refutes the resolvent (A − λI)⁻¹(A − λI)x = x at an eigenvalue λ', async () => {
    const { step } = await one('    x\n  = (A - λ I)⁻¹ (A - λ I) x\n', 'matrix A in R^{n×n}\nvector x in R^n\nscalar λ\n');
    expect(step.verdict, step.message).toBe('refuted');
    expect(step.counterexample?.right).toBe('undefined');
  });

  it('refutes 1 = u_T where the recurrence for u divides by t − 20 (the integer ladder applies the domain rule)', async () => {
    const { step } = await one('    1\n  = u_T\n', 'integer t, T\ndefine u_0 = 1\ndefine u_t = u_{t-1} (t - 20)/(t - 20)   for t ≥ 1\n');
    expect(step.verdict).toBe('refuted');
    expect(step.message).toMatch(/right side is undefined/);
  });

  it('does not push a recurrence to a divisor\'s zero far out (the step stays decidable)', async () => {
    // (~0.6–0.8 s alone: 10 s, so that a loaded machine does not make it unknown for time.)
    const { step } = await one('    u_T + ∑_{i=1}^{T} (i - 1000)/(i - 1000)\n  = u_T + T\n', 'integer T, i\ndefine u_0 = 1\ndefine u_t = u_{t-1}/2 + 1 for t ≥ 1\n', 10_000);
    expect(['proved', 'checked']).toContain(step.verdict);
  });

  it('still proves (AᵀA + I)⁻¹ (AᵀA + I) x = x: AᵀA + I is never singular', async () => {
    expect((await one('    x\n  = (Aᵀ A + I)⁻¹ (Aᵀ A + I) x\n', MATRICES)).step.verdict).toBe('proved');
  });

  // (Red team rt122: proved, the domain half resting on the singular-matrix search alone. Each
  // matrix the right side inverts must now be invertible by a tag, an assumption, a cited fact,
  // its form or the left side's own inverses; else the step is at most checked.)
  it.each([
    ['    1\n  = det(A B - B A + I)/det(A B - B A + I)\n', MATRICES],
    ['    1\n  = det(A B + B A + I)/det(A B + B A + I)\n', MATRICES],
    ['    1\n  = det(A^4 + 4I)/det(A^4 + 4I)\n', `${MATRICES}assume n ≤ 3\n`],
    ['    I\n  = (A B - B A + I)⁻¹ (A B - B A + I)\n', MATRICES],
  ])('does not prove a step whose right side inverts a matrix nothing shows invertible: %s', async (body, declarations) => {
    expect((await one(body, declarations)).step.verdict).not.toBe('proved');
  });

  it.each([
    ['    I\n  = (Aᵀ A + I)⁻¹ (Aᵀ A + I)\n', MATRICES],
    ['    (A B)⁻¹\n  = B⁻¹ A⁻¹\n', MATRICES],
    ['    I\n  = (2 Q P)⁻¹ (2 Q P)\n', `${MATRICES}assume Q invertible, P invertible\n`],
    ['    I\n  = (W + I)⁻¹ (W + I)\n', `${MATRICES}assume det(W + I) ≠ 0\n`],
    // (Red team rt123: checked. A positive scalar the assumptions give, and a plain definition.)
    ['    I\n  = (Aᵀ A + η I)⁻¹ (Aᵀ A + η I)\n', `${MATRICES}assume η > 0\n`],
    ['    I\n  = Z⁻¹ Z\n', `${MATRICES}define Z = Aᵀ A + I\n`],
  ])('still proves a step whose right side inverts a matrix shown invertible: %s', async (body, declarations) => {
    expect((await one(body, declarations)).step.verdict).toBe('proved');
  });

  it.each([
    ['    1\n  = (uᵀ u + 7)/(uᵀ u + 7)\n', MATRICES],
    ['    1\n  = (tr(Aᵀ A) + 1)/(tr(Aᵀ A) + 1)\n', MATRICES],
    ['    1\n  = (uᵀ u - 7)/(uᵀ u - 7)\n', `${MATRICES}assume uᵀ u ≤ 5\n`],
  ])('still proves a step whose scalar divisor of a vector or matrix is never 0: %s', async (body, declarations) => {
    expect((await one(body, declarations)).step.verdict).toBe('proved');
  });

  it('still proves them where the assumptions rule the singular places out', async () => {
    expect((await one('    P⁻¹\n  = (Q P)⁻¹ Q\n', `${MATRICES}assume Q invertible, P invertible\n`)).step.verdict).toBe('proved');
    expect((await one('    B\n  = (A + 3I)⁻¹ (A + 3I) B\n', `${MATRICES}assume A + 3I invertible\n`)).step.verdict).toBe('proved');
  });

  it('notes where a divisor inside ∏ leaves only the left side without a value', async () => {
    const { step } = await one('    ∏_{t=1}^{T} v (w/v)\n  = w^T\n', 'scalar w, v\ninteger t, T\n');
    expect(step.verdict).toBe('proved');
    expect(step.notes.map((n) => n.message).join(' ')).toMatch(/left side is undefined at .*v = 0/);
  });

  it('passes (a − b)/(√a − √b) = √a + √b with a note naming a point where the left is undefined', async () => {
    const { report, step } = await one('    (a - b)/(√a - √b)\n  = √a + √b\n');
    expect(['proved', 'checked']).toContain(step.verdict);
    const note = step.notes.find((n) => /left side is undefined at/.test(n.message));
    expect(note?.message).toMatch(/a = (\S+), b = \1\b/);
    // In every format.
    expect(formatText([report])).toMatch(/note: the left side is undefined at a = /);
    expect(formatGcc([report])).toMatch(/n\.deriv:3:3: note: the left side is undefined at a = /);
    expect(JSON.parse(formatJson([report])).files[0].steps[0].notes[0]).toMatch(/left side is undefined/);
    expect(formatHtml([report])).toMatch(/note: the left side is undefined at a = /);
  });

  it('gives a claim with no chain its domain note too, in every format', async () => {
    const report = await checkSource('scalar x\nshow (x^2 - 1)/(x - 1) = x + 1\n', { file: 's.deriv' });
    expect(report.shows[0]!.verdict).toBe('proved');
    const note = /the left side is undefined at x = 1 \(division by zero\)/;
    expect(formatText([report])).toMatch(note);
    expect(formatGcc([report])).toMatch(new RegExp(`s\\.deriv:2:1: note: ${note.source}`));
    expect(JSON.parse(formatJson([report])).files[0].shows[0].notes[0]).toMatch(note);
    expect(formatHtml([report])).toMatch(note);
  });

  it('says "here" for a ground step (there is no point to name)', async () => {
    const { step } = await one('    log(0) - log(0) + 5\n  = 5\n');
    const note = step.notes.find((n) => /undefined/.test(n.message));
    if (note) expect(note.message).toMatch(/^the left side is undefined here \(/);
  });

  // Sides that are the same expression have the same value and the same domain: they were
  // unknown where sampling found no value (log(x − 10^20) is defined past every sampled x;
  // (10^6)! is out of reach). Not so where no point meets the assumptions.
  it.each([
    ['log(x - 10^20)', 'scalar x\n', 'proved'],
    ['(10^6)!', 'scalar x\n', 'proved'],
    ['x/x', 'scalar x\n', 'proved'],
    ['x', 'scalar x\nassume x > 1, x < 0\n', 'unknown'],
  ])('decides %s = itself (%s) as %s', async (side, decl, verdict) => {
    const { step } = await one(`    ${side}\n  = ${side}\n`, decl);
    expect(step.verdict, step.message).toBe(verdict);
  });

  // (Red team:) a factorial of a real scalar had no value even where the scalar is a whole
  // number: 6 = x! under x = 3 was refuted as a right side with no value (a true step refuted).
  it.each([
    ['assume x = 3\n', '6', 'x!', 'proved'],
    ['assume x = 3\n', 'x!', '6', 'proved'],
    ['assume x = 3\n', '7', 'x!', 'refuted'],
    ['assume x = 2.5\n', '6', 'x!', 'refuted'],
  ])('%s%s = %s is %s', async (assumption, left, right, verdict) => {
    const report = await checkSource(`scalar x\n${assumption}    ${left}\n  = ${right}\n`, { file: 'f.deriv' });
    expect(report.steps[0]!.verdict, report.steps[0]!.message).toBe(verdict);
  });

  it('refutes log(a b) = log(a) + log(b) with a domain message, never an engine disagreement', async () => {
    const { step } = await one('    log(a b)\n  = log(a) + log(b)\n');
    expect(step.verdict).toBe('refuted');
    expect(step.message).toMatch(/right side is undefined/);
    expect(step.message).not.toMatch(/engine disagreement/);
    expect(step.counterexample!.note).toMatch(/^the right side is undefined here \(log of (a negative number|0)\) but the left is /);
  });

  it('refutes √(x²) = x at a negative x', async () => {
    const { step } = await one('    √(x²)\n  = x\n');
    expect(step.verdict).toBe('refuted');
    const x = Number(new Map(step.counterexample!.assignments).get('x'));
    expect(x).toBeLessThan(0);
  });

  // The right side has no value beyond the zero of a square root's argument, which the few
  // points that cross-check a proof rarely reach: the search tries both sides of each zero.
  it.each([
    ['x + 5', 'sqrt(x + 5)^2'],
    ['1000 - x', 'sqrt(1000 - x)^2'],
    ['1 - x^2/10000', 'sqrt(1 - x^2/10000)^2'],
    ['a - b', '(a - b)^(1/2) (a - b)^(1/2)'],
    // Found by a red team (each proved before its fix): a narrow or far gap between two zeros
    // of the root's argument, or at a turn of it; a fifth scalar; two vectors at once.
    ['(x - 1000000)^2 - 1', 'sqrt((x - 1000000)^2 - 1)^2'],
    ['(x - 73/10)^2 - 1/10^6', 'sqrt((x - 73/10)^2 - 1/10^6)^2'],
    ['cos(x) + 1 - 1/10^8', 'sqrt(cos(x) + 1 - 1/10^8)^2'],
    ['|x - 50| - 1/1000', 'sqrt(|x - 50| - 1/1000)^2'],
    ['a + b + z + x + sqrt(x) + 1', 'a + b + z + x + (x - 1)/(sqrt(x) - 1)'],
  ])('refutes %s = %s where the square root has no value and the left has one', async (left, right) => {
    const { step } = await one(`    ${left}\n  = ${right}\n`);
    expect(step.verdict, step.message).toBe('refuted');
    expect(step.message).toMatch(/right side is undefined/);
  });

  it.each([
    ['sqrt(uᵀu) - sqrt(vᵀv)', '(uᵀu - vᵀv)/(sqrt(uᵀu) + sqrt(vᵀv))'],
    ['sqrt((u - v)ᵀ(u - v))', '(u - v)ᵀ(u - v)/sqrt((u - v)ᵀ(u - v))'],
  ])('refutes %s = %s where two vectors at once leave the right side without a value', async (left, right) => {
    const { step } = await one(`    ${left}\n  = ${right}\n`, 'vector u, v in R^n\n');
    expect(step.verdict, step.message).toBe('refuted');
  });

  it('does not prove a sum whose terms have a square root in a divisor that vanishes in the range', async () => {
    const { step } = await one('    ∑_{i=1}^{n} 1\n  = ∑_{i=1}^{n} (sqrt(i) - sqrt(20))/(sqrt(i) - sqrt(20))\n', 'integer n\n');
    expect(step.verdict).not.toBe('proved');
  });

  // A number of 2^53 or more can make a step hold modulo the identity test's prime only
  // (√(2^61 − 1) is √0 there); the cross-check then goes to high precision.
  it.each([
    ['(1 + x^2)(1 + sqrt(2^61 - 1)/10^25)', '1 + x^2'],
    ['(1 + x^2)(1 + (sqrt(2305843009213693953) + sqrt(2))^2/10^35)', '(1 + x^2)(1 + 8/10^35)'],
    ['sin(x) + 2 + (2^61 - 1) sin(x)/10^35', 'sin(x) + 2'],
  ])('refutes %s = %s, equal only modulo the prime', async (left, right) => {
    const { step } = await one(`    ${left}\n  = ${right}\n`);
    expect(step.verdict, step.message).toBe('refuted');
  });

  it('passes (x² − 1)/(x − 1) = x + 1 but refutes x + 1 = (x² − 1)/(x − 1) at x = 1', async () => {
    expect(['proved', 'checked']).toContain((await one('    (x^2 - 1)/(x - 1)\n  = x + 1\n')).step.verdict);
    const { step } = await one('    x + 1\n  = (x^2 - 1)/(x - 1)\n');
    expect(step.verdict).toBe('refuted');
    expect(step.counterexample!.assignments).toEqual([['x', '1']]);
  });
});

describe('deterministic', () => {
  it('gives byte-identical JSON for the same seed', async () => {
    const text = 'scalar x, y\n    sin(x + y)\n  = sin(x) cos(y) + cos(x) sin(y)\n    exp(x)\n  ≥ 1 + x\n    x² = 4\n  ⇔ x = 2\n';
    const a = formatJson([await checkSource(text, { file: 'd.deriv' })]);
    const b = formatJson([await checkSource(text, { file: 'd.deriv' })]);
    expect(a).toBe(b);
  });
});

describe('a step between numbers where one side has no value', () => {
  // (Red team rt119: unknown, with a note that the step extends the left side to "that point",
  // which would pass it: a step between numbers has no other point to extend a side from.)
  it.each([
    ['    (-8)^(1/3)\n  = -2\n', /left side has no value here \(a negative number to a fractional power\), and the right side has one/],
    ['    log(-1)\n  = 0\n', /left side has no value here \(log of a negative number\), and the right side has one/],
  ])('is unknown and says which side has no value: %s', async (body, note) => {
    const { step } = await one(body);
    expect(step.verdict).toBe('unknown');
    const notes = step.notes.map((n) => n.message).join(' | ');
    expect(notes).toMatch(note);
    expect(notes).not.toMatch(/extends/);
  });
});

describe('a pole bracketed by a change of sign, as a student reads it', () => {
  // (Red team rt119: the bracket's ends were printed with ~110 digits each.)
  it.each([
    ['    1\n  = (x^2 - 2)/(x^2 - 2)\n', /between x = -1\.415 and -1\.414 \(it changes sign there\)/],
    ['    0\n  = tan(x^2) - tan(x^2)\n', /between x = -1\.254 and -1\.253 \(it changes sign there\)/],
  ])('names short ends where the sign still changes: %s', async (body, note) => {
    const { step } = await one(body);
    expect(step.verdict).toBe('refuted');
    expect(step.counterexample!.note).toMatch(note);
  });
});

describe('a note naming where the left side has no value, as a student reads it', () => {
  // (The bracket's ends needed the left side to have a value on all of it, which it never has
  // at a note's zero: every note printed its bracket to 17 digits.)
  it.each([
    ['    tan(x) cos(x)\n  = sin(x)\n', /where cos\(x\) = 0, between -1\.571 and -1\.57\)/],
    ['    (x^2 - 2)/(x^2 - 2)\n  = 1\n', /where x² - 2 = 0, between -1\.415 and -1\.414\)/],
  ])('names short ends where the sign still changes: %s', async (body, note) => {
    const { step } = await one(body);
    expect(step.verdict).toBe('proved');
    expect(step.notes.map((n) => n.message).join('\n')).toMatch(note);
  });
});

describe('a condition on vectors, matrices or moments that nothing shows', () => {
  // (Red team rt124: each right side is undefined somewhere the left is defined, at a point no
  // search reaches (a zero of a sum of squares, of 5 tr(Q) − 6 for an orthogonal Q, of
  // log det at a companion matrix), and each was proved: the condition was left to the search.)
  it.each([
    ['a sum of squares of tr and det', 'matrix A in R^{2×2}\n', '    1\n  = ((tr(A) - 1)^2 + (det(A) - 1)^2)/((tr(A) - 1)^2 + (det(A) - 1)^2)\n'],
    ['log of a determinant', 'matrix A in R^{2×2}\n', '    0\n  = log(det(A^2 - A + I)) - log(det(A^2 - A + I))\n'],
    ['a trace of an orthogonal matrix', 'matrix Q in R^{2×2}, orthogonal\n', '    1\n  = (5 tr(Q) - 6)/(5 tr(Q) - 6)\n'],
    ['a sum of squares of inner products', 'vector u, v in R^n\nassume v ≠ 0\n', '    1\n  = ((uᵀu - 1)^2 + (uᵀv)^2)/((uᵀu - 1)^2 + (uᵀv)^2)\n'],
    ['a size inside a trace', 'matrix A in R^{n×n}\n', '    1\n  = (tr(I_n) - 7)/(tr(I_n) - 7)\n'],
  ])('is not proved: %s', async (_what, decl, body) => {
    const { step } = await one(body, decl);
    expect(step.verdict, step.message).not.toBe('proved');
    expect(step.verdict).not.toBe('unknown');
  });

  // The same conditions where a known one shows them, written otherwise: proved.
  it.each([
    ['a moment equal to the left side\'s variance', 'scalar b\nvector u in R^n\nassume u ≠ 0\nrandom x in R^n with E[x] = 0, E[x xᵀ] = I\ndefine y = uᵀx + b\n',
      '    (y - E[y]) / √(Var[y])\n  = (uᵀx + b - b) / √(E[(uᵀx)²])\n'],
    ['a quadratic form equal to the left side\'s moment', 'vector u in R^n\nassume u ≠ 0\nrandom x in R^n with E[x] = 0, E[x xᵀ] = I\n',
      '    uᵀx / √(E[(uᵀx)²])\n  = uᵀx / √(uᵀ E[x xᵀ] u)\n'],
    ['a squared norm equal to an assumed nonzero scalar\'s square', 'scalar g\nvector u, w in R^n\nassume g ≠ 0, u ≠ 0\ndefine w = g u / ‖u‖\n',
      '    g/‖u‖ (I - u uᵀ/‖u‖²) u\n  = g/‖u‖ (I - w wᵀ/‖w‖²) u\n'],
    // (A tag's signs: tr and det of a positive definite matrix > 0, uᵀHu > 0 where u ≠ 0; rt125.)
    ['the trace of a positive definite matrix', 'matrix H in R^{n×n}, positive definite\n', '    1\n  = (tr(H) + 2)/(tr(H) + 2)\n'],
    ['the log of its trace', 'matrix H in R^{n×n}, positive definite\n', '    0\n  = log(tr(H)) - log(tr(H))\n'],
    ['the root of its determinant', 'matrix H in R^{n×n}, positive definite\n', '    0\n  = sqrt(det(H)) - sqrt(det(H))\n'],
    ['its quadratic form at a nonzero vector', 'matrix H in R^{n×n}, positive definite\nvector u in R^n\nassume u ≠ 0\n', '    1\n  = (uᵀ H u)/(uᵀ H u)\n'],
    ['the log det of AᵀA + I', 'matrix A in R^{n×n}\n', '    0\n  = log(det(Aᵀ A + I)) - log(det(Aᵀ A + I))\n'],
    ['the log det of AᵀA for an invertible A', 'matrix A in R^{n×n}\nassume A invertible\n', '    0\n  = log(det(Aᵀ A)) - log(det(Aᵀ A))\n'],
  ])('is proved: %s', async (_what, decl, body) => {
    const { step } = await one(body, decl);
    expect(step.verdict, step.message).toBe('proved');
  });
});

describe('the Euclidean norm of a vector in the identity test', () => {
  // (‖u‖ is √(uᵀu): w = g u/‖u‖ is rational in u and one root. Both were checked.)
  it.each([
    ['    ‖w‖^2\n  = g^2\n'],
    ['    wᵀu\n  = g ‖u‖\n'],
  ])('proves %s', async (body) => {
    const { step } = await one(body, 'scalar g\nvector u, w in R^n\nassume g ≠ 0, u ≠ 0\ndefine w = g u / ‖u‖\n');
    expect(step.verdict, step.message).toBe('proved');
    expect(step.method).toBe('identity-test');
  });
});
